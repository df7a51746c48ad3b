/* plugin.c - the "network" plugin: centrality, communities, paths and components on igraph. */
#include "network.h"

static const kg_analysis_t analyses[] = {
    {KG_ANALYSIS_VERSION, "centrality", "who is central: degree, PageRank, betweenness, closeness (igraph)",
     net_centrality, net_centrality_params, KG_ATTR_CENTRALITY},
    {KG_ANALYSIS_VERSION, "communities", "who clusters with whom: Leiden or Louvain communities, modularity (igraph)",
     net_communities, net_communities_params, KG_ATTR_COMMUNITY},
    {KG_ANALYSIS_VERSION, "paths", "how two entities are connected, hop by hop, and according to whom (igraph)",
     net_paths, net_paths_params, NULL},
    {KG_ANALYSIS_VERSION, "components", "the connected parts of the network, and who is cut off (igraph)",
     net_components, net_components_params, KG_ATTR_COMPONENT},
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
