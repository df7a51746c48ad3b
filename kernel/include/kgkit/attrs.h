/* kgkit/attrs.h - the attributes the bundled analyses write back into a graph and that exporters, diagrams and other plugins read: names and shapes, declared once. */
#ifndef KGKIT_ATTRS_H
#define KGKIT_ATTRS_H

/* Every one is a key of an entity's or a statement's attributes (kg_entity_attr, kg_stmt_attr). Readers look a
 * key up by the name below, and must take a missing key (the analysis did not run) and unknown members (a later
 * version added some) in their stride. */

/* ---- agreement (statements), docs/agreement.md
 * {"status": "single" | "agreed" | "changed" | "undetermined" | "conflict",   the statement's slot's verdict
 *  "origins": n, "reports": n,                                                the slot's independent origins, reports
 *  "at_date": status,                                                         functional slots: the verdict at its date
 *  "disputed": true | false,                                                  this statement contradicts another
 *  "confidence": p}                                                           with trust=true, functional slots only */
#define KG_ATTR_AGREEMENT "agreement"
#define KG_ATTR_AGREEMENT_STATUS "status"
#define KG_ATTR_AGREEMENT_AT_DATE "at_date"
#define KG_ATTR_AGREEMENT_DISPUTED "disputed"
#define KG_ATTR_AGREEMENT_CONFIDENCE "confidence"

/* ---- resolve, docs/resolve.md
 * entities: {"predicate": [{"as_of": date | null, "value": native value (or "object": id), "confidence": p}]}
 * statements: {"chosen": true | false}: whether the statement's value is its date's chosen one */
#define KG_ATTR_RESOLVED "resolved"
#define KG_ATTR_RESOLUTION "resolution"
#define KG_ATTR_RESOLUTION_CHOSEN "chosen"

/* ---- network analyses (entities), docs/network.md
 * centrality: {"degree": n, "pagerank": x, "betweenness": x, "closeness": x | null}
 * community, component: an integer from 1, the largest group first */
#define KG_ATTR_CENTRALITY "centrality"
#define KG_ATTR_CENTRALITY_PAGERANK "pagerank"
#define KG_ATTR_COMMUNITY "community"
#define KG_ATTR_COMPONENT "component"

/* On relations, set by importers (kg_graph_add_parallel): how many times the relation appears in its file as
 * parallel edges that nothing else tells apart (an integer, 2 or more; absent means once). The interchange
 * exporters write it back as that many edges. */
#define KG_ATTR_MULTIPLICITY "multiplicity"

/* On relations, set by importers of undirected graphs or edges (GraphML's edgedefault, GEXF's and Gephi's
 * type, FtM's undirected links): true when the relation has no direction. kg_stmt_undirected reads it, with
 * the predicate's declaration (kg_graph_declare_symmetric). */
#define KG_ATTR_UNDIRECTED "undirected"

/* On an entity that judgements merged others into (kg_graph_apply_judgements): their ids, a list of strings. */
#define KG_ATTR_MERGED_FROM "merged_from"

/* ---- predicates
 * The predicate of a relation its file names no relation for (an edge list's row, a GraphML, GEXF or DOT edge
 * without a label or a predicate): the importers give it, and diagrams draw it without a label. */
#define KG_PREDICATE_UNLABELLED "linked_to"

#endif
