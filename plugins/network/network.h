/* network.h - the network analyses inside the plugin: the skeleton they share (options, view, empty graph, errors), their definitions, and output helpers. */
#ifndef KG_NETWORK_H
#define KG_NETWORK_H

#include "netview.h"

typedef struct net_analysis net_analysis_t;

/* One run of a network analysis, as net_run hands it to the analysis's functions. */
typedef struct net_job {
    const net_analysis_t *analysis;
    kg_graph_t *g;
    const kg_opts_t *opts;
    kg_format_t format;
    FILE *out;
    kg_error_t *err;
    kg_netview_t view;  /* built by net_run between setup and check */
    void *state;        /* the analysis's own: state_size bytes, zeroed, freed by net_run */
} net_job_t;

/* A network analysis. net_run does what each of them does around its computation:
 *   setup (its own parameters, read with kg_param_* from params; before any work)
 *   -> the view, with the shared parameters (directed, predicates, source_nodes) from params
 *   -> check (optional: refuses a view it cannot work on)
 *   -> an empty view is said so (net_empty), not an error
 *   -> compute (igraph, write-back, the report in j->format).
 * Each returns KG_OK or fills j->err; an igraph failure goes through net_igraph. */
struct net_analysis {
    const char *name;
    const kg_param_t *params;
    size_t state_size;
    int (*setup)(net_job_t *j);
    int (*check)(net_job_t *j);
    int (*compute)(net_job_t *j);
};

int net_run(const net_analysis_t *a, kg_graph_t *g, const kg_opts_t *opts, kg_format_t format, FILE *out,
            kg_error_t *err);
/* igraph's code as the job's error, naming the analysis (KG_OK for IGRAPH_SUCCESS). */
int net_igraph(const net_job_t *j, igraph_error_t code);

extern const net_analysis_t net_centrality, net_communities, net_paths, net_components;
extern const kg_param_t net_centrality_params[], net_communities_params[], net_paths_params[],
    net_components_params[];

/* "Name (id)" of a vertex's entity, or the id alone when it has no label. */
const char *net_name(const kg_graph_t *g, kg_entity_t e, char *buf, size_t size);

/* Writes a JSON report (a new reference, stolen) and a final newline. */
int net_dump(json_t *report, FILE *out, kg_error_t *err);

/* "the graph has no entities" (and KG_OK): an empty graph is said so, not an error. */
int net_empty(const char *analysis, kg_format_t format, FILE *out, kg_error_t *err);

#endif
