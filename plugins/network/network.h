/* network.h - the network analyses inside the plugin: one run function each, and what they share for output. */
#ifndef KG_NETWORK_H
#define KG_NETWORK_H

#include "netview.h"

int net_centrality(kg_graph_t *g, const kg_opts_t *opts, kg_format_t format, FILE *out, kg_error_t *err);
int net_communities(kg_graph_t *g, const kg_opts_t *opts, kg_format_t format, FILE *out, kg_error_t *err);
int net_paths(kg_graph_t *g, const kg_opts_t *opts, kg_format_t format, FILE *out, kg_error_t *err);
int net_components(kg_graph_t *g, const kg_opts_t *opts, kg_format_t format, FILE *out, kg_error_t *err);

extern const kg_param_t net_centrality_params[], net_communities_params[], net_paths_params[],
    net_components_params[];

/* "Name (id)" of a vertex's entity, or the id alone when it has no label. */
const char *net_name(const kg_graph_t *g, kg_entity_t e, char *buf, size_t size);

/* Writes a JSON report (a new reference, stolen) and a final newline. */
int net_dump(json_t *report, FILE *out, kg_error_t *err);

/* "the graph has no entities" (and KG_OK): an empty graph is said so, not an error. */
int net_empty(const char *analysis, kg_format_t format, FILE *out, kg_error_t *err);

#endif
