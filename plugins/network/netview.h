/* netview.h - the graph as an igraph network, shared by the network analyses: entities as vertices, relations as weighted edges. */
#ifndef KG_NETVIEW_H
#define KG_NETVIEW_H

#include <igraph/igraph.h>
#include <kgkit/kgkit.h>

/* The network of a kgkit graph. Relations between the same two entities
 * (the same ordered pair when directed) are one edge; its weight is the
 * number of independent origins that support any of them (whom a statement
 * is according_to, else each citing source; at least 1). */
typedef struct kg_netview {
    igraph_t graph;
    int directed;
    igraph_integer_t n_vertices, n_edges;
    kg_entity_t *entity;       /* vertex -> entity */
    igraph_integer_t *vertex;  /* entity -> vertex, -1 when not a vertex (sources unless source_nodes) */
    igraph_vector_t weight;    /* per edge */
    size_t *stmt_start;        /* per edge: its statements are stmts[stmt_start[e] .. stmt_start[e+1]) */
    kg_stmt_t *stmts;
    size_t n_relations;        /* relations taken into the network */
    const char *weight_attr;   /* the relations' attribute the weights add up (weight=), NULL: origins */
} kg_netview_t;

/* The parameters every network analysis takes, for its parameter table (kg_netview_build reads them from it). */
#define KG_NETVIEW_PARAMS(DIRECTED_DEFAULT)                                                                      \
    {"directed", "bool", DIRECTED_DEFAULT, "follow relations in their direction"},                              \
        {"predicates", "list", NULL, "only relations with these predicates (comma-separated)"},                \
        {"weight", "attribute", NULL,                                                                          \
         "weigh ties by this relation attribute, a number (GraphML's weight; a relation without it weighs 1; "  \
         "the relations between two entities add up); default: by their independent origins"},                \
        {"source_nodes", "bool", "false", "sources as vertices, tied to the entities their statements are about"}

/* Builds the view in time linear in the graph. Weights: independent origins, or with weight=ATTR the sum of
 * the relations' ATTR (a name no relation has is an error with the closest one; a value that is not a number
 * of 0 or more is an error naming the relation). Vertices: every entity but the
 * sources (sources too with source_nodes=true, tied to the entities their
 * statements are about). Edges: relations with a listed predicate (all when
 * none is listed). Returns KG_OK, KG_EUSAGE for a bad parameter, KG_ENOMEM. */
int kg_netview_build(const kg_graph_t *g, const kg_opts_t *opts, const kg_param_t *params, kg_netview_t *v,
                     kg_error_t *err);
void kg_netview_free(kg_netview_t *v);

/* Finds an entity by id or alias; when there is none, the error names it and
 * suggests up to three close matches (ids, labels, aliases). */
int kg_netview_find(const kg_graph_t *g, const char *what, const char *param, kg_entity_t *out, kg_error_t *err);

/* igraph's error code as a kgkit error. */
int kg_netview_igraph_error(igraph_error_t code, const char *what, kg_error_t *err);

/* Installs igraph handlers that report instead of aborting (once per process). */
void kg_netview_init_igraph(void);

#endif
