/* plugin.c - the "network" plugin: centrality, communities, paths and components on igraph. */
#include "network.h"

/* The capability tables' run functions: each hands its definition to the shared skeleton. */
#define NET_ENTRY(def)                                                                                           \
    static int run_##def(kg_graph_t *g, const kg_opts_t *opts, kg_format_t format, FILE *out, kg_error_t *err) \
    {                                                                                                          \
        return net_run(&def, g, opts, format, out, err);                                                       \
    }
NET_ENTRY(net_centrality)
NET_ENTRY(net_communities)
NET_ENTRY(net_paths)
NET_ENTRY(net_components)

static const kg_analysis_t analyses[] = {
    {KG_ANALYSIS_VERSION, "centrality", "who is central: degree, PageRank, betweenness, closeness (igraph)",
     run_net_centrality, net_centrality_params, KG_ATTR_CENTRALITY},
    {KG_ANALYSIS_VERSION, "communities", "who clusters with whom: Leiden or Louvain communities, modularity (igraph)",
     run_net_communities, net_communities_params, KG_ATTR_COMMUNITY},
    {KG_ANALYSIS_VERSION, "paths", "how two entities are connected, hop by hop, and according to whom (igraph)",
     run_net_paths, net_paths_params, NULL},
    {KG_ANALYSIS_VERSION, "components", "the connected parts of the network, and who is cut off (igraph)",
     run_net_components, net_components_params, KG_ATTR_COMPONENT},
};

static int network_init(kg_registry_t *reg, kg_error_t *err)
{
    (void)err;
    kg_netview_init_igraph();
    for (size_t i = 0; i < sizeof analyses / sizeof *analyses; i++) {
        int rc = kg_registry_add_analysis(reg, &analyses[i]);
        if (rc)
            return rc;
    }
    return KG_OK;
}

KG_PLUGIN_DEFINE("network", "1.0.0", "network analyses on igraph: centrality, communities, paths, components",
                 network_init, NULL)
