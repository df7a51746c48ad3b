/* interchange.h - exporters for other tools (GraphML, GEXF, node-link, Cytoscape.js, N-Quads, Neo4j) and what they share. */
#ifndef KG_INTERCHANGE_H
#define KG_INTERCHANGE_H

#include <kgkit/kgkit.h>

/* What the tools see: entities other than sources are nodes; relations
 * between them are edges, one per statement (other tools keep parallel
 * edges). Sources, citations and claims travel as attributes. */
int ix_is_node(const kg_graph_t *g, kg_entity_t e);
int ix_is_edge(const kg_graph_t *g, kg_stmt_t s);

/* An attribute value's type, one for all elements under a name (a name used with two types becomes a string). */
typedef enum ix_type { IX_BOOL = 0, IX_LONG, IX_DOUBLE, IX_STRING } ix_type_t;

/* An element's attributes as scalar values under flat names: the standard
 * ones (label, kind, aliases, date, claims; predicate, as_of, according_to,
 * sources, citations), then the element's own attributes with nested objects
 * flattened by dots ("agreement.status", "centrality.pagerank"). Lists and
 * other structures are JSON text. An own attribute whose name a standard one
 * takes gets "attr." in front (ix_own_name). Values are text: strings as they
 * are, numbers shortest and exact, booleans true/false. Names and texts are
 * the graph's or the element's buffer: valid until the walk's next element. */
typedef struct ix_attr {
    const char *name;
    const char *text; /* NULL in the walk that only collects the keys */
    ix_type_t type;
    size_t name_at, text_at; /* private: where in `buf` they are, (size_t)-1 when borrowed */
} ix_attr_t;

/* Each source's citation text but its quote ({"id", "quote": then "title", "url", "published", "publisher"}),
 * made once per export instead of once per citation. Start it zeroed; ix_cites_free frees it. */
typedef struct ix_cites {
    kg_buf_t text; /* per source: the text before the quote, NUL, the text after it, NUL */
    size_t *at;    /* per entity: 1 + where its texts start; 0 when not made yet */
    size_t n;
} ix_cites_t;
void ix_cites_free(ix_cites_t *c);

typedef struct ix_attrs {
    ix_attr_t *items;
    size_t n, cap;
    unsigned copy;  /* ix_walk: which of a relation's parallel edges this is (0 for the first) */
    int names_only; /* the keys' walk: no texts made */
    kg_buf_t buf;   /* the names and texts made for this element */
    ix_cites_t cites;
} ix_attrs_t;

/* How many parallel edges a relation is (its KG_ATTR_MULTIPLICITY, at least 1), and the id of copy `copy`
 * of statement s: s12, then s12-2, s12-3... */
unsigned ix_multiplicity(const kg_graph_t *g, kg_stmt_t s);
const char *ix_edge_id(kg_stmt_t s, unsigned copy, char *buf, size_t size);

/* Fill `out` (emptied first) with an element's attributes; KG_OK or KG_ENOMEM. ix_attrs_free frees it. */
int ix_node_attrs(const kg_graph_t *g, kg_entity_t e, ix_attrs_t *out);
int ix_edge_attrs(const kg_graph_t *g, kg_stmt_t s, ix_attrs_t *out);
void ix_attrs_free(ix_attrs_t *a);

/* The name an own attribute `key` of `attrs` is written under: key itself, or, when one of `standard` takes
 * it, "attr." in front (again while another own attribute has that name, so that none is lost). The result
 * is key or buf. */
const char *ix_own_name(const json_t *attrs, const char *key, const char *const *standard, char *buf,
                        size_t size);

/* Calls node for every node, then edge for every edge (either may be NULL),
 * with the element's attributes, until one returns non-zero (returned).
 * Progress on edges is reported as `what` when not NULL. */
typedef int (*ix_node_fn)(void *ud, kg_entity_t e, const ix_attrs_t *a);
typedef int (*ix_edge_fn)(void *ud, kg_stmt_t s, const ix_attrs_t *a);
int ix_walk(const kg_graph_t *g, const kg_opts_t *opts, const char *what, ix_node_fn node, ix_edge_fn edge,
            void *ud);

/* Nodes' and edges' attribute names, each with its one type. */
typedef struct ix_key {
    char *name;
    ix_type_t type;
} ix_key_t;

typedef struct ix_keys {
    ix_key_t *items;
    size_t n, cap;
} ix_keys_t;

/* The type's name in GraphML and GEXF: boolean, long, double, string. */
const char *ix_type_name(ix_type_t t);

/* What the XML writers' walk callbacks need. */
typedef struct ix_writer {
    const kg_graph_t *g;
    FILE *out;
    const ix_keys_t *nodes, *edges;
} ix_writer_t;

int ix_keys_collect(const kg_graph_t *g, ix_keys_t *nodes, ix_keys_t *edges);
/* The index of name, or (size_t)-1. */
size_t ix_keys_find(const ix_keys_t *k, const char *name);
void ix_keys_clear(ix_keys_t *k);

/* A value as text: strings as they are, numbers shortest and exact, booleans
 * true/false. The result is s's string or buf. */
const char *ix_text(const json_t *v, char *buf, size_t size);

/* XML character data / attribute text: & < > " escaped; characters XML 1.0
 * cannot hold (control characters but tab and line breaks) become U+FFFD. */
void ix_xml(FILE *out, const char *s);
void ix_xml_put(kg_buf_t *b, const char *s);
/* s escaped as an element's text content: as ix_xml_put but for the double quote, which needs no escape outside an
 * attribute value (a JSON list in a <data> element stays legible and a quarter smaller). */
void ix_xml_put_text(kg_buf_t *b, const char *s);

/* The importers' side (elements.c): a node (its id, and its attributes by name in `data`, borrowed) becomes an
 * entity: label, kind (or "type"), date, aliases and claims as kgkit's writers name them; the rest, dotted names
 * nested again, its attributes. An edge becomes a relation: predicate (or label), as_of, according_to, sources
 * and citations (unknown sources are created); the rest are attributes, and "undirected" when the graph or edge
 * says so. Entities named by an edge must exist. Return KG_OK or fill err. */
/* Which attributes are kgkit's fields: given with -p (ix_import_params: kind, label, predicate, sources, date,
 * weight), else found by their common names (type as the kind, connection as the predicate...). roles may be
 * NULL (kgkit's own names only). */
enum { IX_KIND, IX_LABEL, IX_PREDICATE, IX_SOURCES, IX_DATE, IX_WEIGHT, IX_ROLES };
typedef struct ix_roles {
    const char *given[IX_ROLES]; /* borrowed from the options */
    const char *used[IX_ROLES];  /* the name a role was read from when not kgkit's own, for the note */
    char used_buf[IX_ROLES][64];
    json_t *seen;                /* every attribute name met, to check the given ones against */
    size_t first;                /* the statements this import adds start here: parallel edges count from it */
    int strict;                  /* strict=true: what is not read is an error */
} ix_roles_t;
/* What a file holds that kgkit does not read: a warning, or with strict=true an error (returned). */
int ix_unread(kg_graph_t *g, const ix_roles_t *r, const char *path, kg_error_t *err, const char *fmt, ...)
    KG_PRINTF(5, 6);
extern const kg_param_t ix_import_params[];
int ix_roles_init(ix_roles_t *r, const kg_graph_t *g, const kg_opts_t *opts, kg_error_t *err);
/* After the last element: a given name no element had is an error with the closest one. */
int ix_roles_check(ix_roles_t *r, const char *path, kg_error_t *err);
/* Says which other names were read as which roles (one warning line), when any. */
void ix_roles_note(kg_graph_t *g, const char *path, const char *format, const ix_roles_t *r);
void ix_roles_free(ix_roles_t *r);
int ix_add_node(kg_graph_t *g, const char *path, int line, const char *id, json_t *data, ix_roles_t *roles,
                kg_error_t *err);
int ix_add_edge(kg_graph_t *g, const char *path, int line, int column, const char *source, const char *target,
                json_t *data, int undirected, ix_roles_t *roles, kg_error_t *err);

/* The importers. */
int ix_import_graphml(kg_graph_t *g, FILE *in, const char *path, const kg_opts_t *opts, kg_error_t *err);
int ix_sniff_graphml(const char *head, size_t len);
int ix_import_gexf(kg_graph_t *g, FILE *in, const char *path, const kg_opts_t *opts, kg_error_t *err);
int ix_sniff_gexf(const char *head, size_t len);
int ix_import_nodelink(kg_graph_t *g, FILE *in, const char *path, const kg_opts_t *opts, kg_error_t *err);
int ix_sniff_nodelink(const char *head, size_t len);
int ix_import_gml(kg_graph_t *g, FILE *in, const char *path, const kg_opts_t *opts, kg_error_t *err);
int ix_sniff_gml(const char *head, size_t len);

/* Lists as JSON text, put into b, as every exporter writes them: an entity's aliases ["...", ...]; its claims
 * [{predicate, value, as_of, according_to, sources}, ...] (ix_has_claims: whether it has any); a statement's
 * sources' ids, and its citations [{id, quote, and the source's title, url, published, publisher}, ...], so that
 * a file read back (or by another tool) keeps who the source is, not only its id (each source's part made once
 * in cache, when not NULL). Missing fields are null. A failure is the buffer's (b->failed). */
void ix_put_aliases(kg_buf_t *b, const kg_graph_t *g, kg_entity_t e);
int ix_has_claims(const kg_graph_t *g, kg_entity_t e);
void ix_put_claims(kg_buf_t *b, const kg_graph_t *g, kg_entity_t e);
void ix_put_sources(kg_buf_t *b, const kg_graph_t *g, kg_stmt_t s);
void ix_put_citations(kg_buf_t *b, const kg_graph_t *g, kg_stmt_t s, ix_cites_t *cache);

int ix_write_error(FILE *out, kg_error_t *err);

/* Capabilities. */
int ix_export_graphml(const kg_graph_t *g, FILE *out, const kg_opts_t *opts, kg_error_t *err);
int ix_export_gexf(const kg_graph_t *g, FILE *out, const kg_opts_t *opts, kg_error_t *err);
int ix_export_nodelink(const kg_graph_t *g, FILE *out, const kg_opts_t *opts, kg_error_t *err);
int ix_export_cyjs(const kg_graph_t *g, FILE *out, const kg_opts_t *opts, kg_error_t *err);
int ix_export_nquads(const kg_graph_t *g, FILE *out, const kg_opts_t *opts, kg_error_t *err);
int ix_export_neo4j_nodes(const kg_graph_t *g, FILE *out, const kg_opts_t *opts, kg_error_t *err);
int ix_export_neo4j_relationships(const kg_graph_t *g, FILE *out, const kg_opts_t *opts, kg_error_t *err);
int ix_export_cypher(const kg_graph_t *g, FILE *out, const kg_opts_t *opts, kg_error_t *err);

extern const kg_param_t ix_gexf_params[], ix_nquads_params[];

#endif
