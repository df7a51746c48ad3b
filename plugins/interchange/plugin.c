/* plugin.c - the "interchange" plugin: formats other tools open and write (GraphML, GEXF, node-link in and out; Cytoscape.js, N-Quads, Neo4j out). */
#include "interchange.h"

static const char *const cyjs_aliases[] = {"cytoscape", ".cyjs", NULL};
static const char *const nodelink_aliases[] = {"node-link", NULL};
static const char *const nquads_aliases[] = {".nq", NULL};
static const char *const cypher_aliases[] = {".cql", NULL};

static const kg_exporter_t exporters[] = {
    {KG_EXPORTER_VERSION, "graphml", "GraphML for Gephi, yEd, Cytoscape, NetworkX, igraph (lists as JSON text)",
     ".graphml", ix_export_graphml, NULL, NULL, KG_EXPORTER_REENTRANT},
    {KG_EXPORTER_VERSION, "gexf", "GEXF 1.3 for Gephi, dates as spells for its timeline", ".gexf", ix_export_gexf,
     ix_gexf_params, NULL, KG_EXPORTER_REENTRANT},
    {KG_EXPORTER_VERSION, "nodelink", "node-link JSON (NetworkX json_graph, D3)", ".nodelink.json",
     ix_export_nodelink, NULL, nodelink_aliases, KG_EXPORTER_REENTRANT},
    {KG_EXPORTER_VERSION, "cyjs", "Cytoscape.js elements JSON", ".cyjs", ix_export_cyjs, NULL, cyjs_aliases,
     KG_EXPORTER_REENTRANT},
    {KG_EXPORTER_VERSION, "nquads", "RDF 1.1 N-Quads, one named graph per source", ".nq", ix_export_nquads,
     ix_nquads_params, nquads_aliases, KG_EXPORTER_REENTRANT},
    {KG_EXPORTER_VERSION, "neo4j-nodes", "the nodes CSV of neo4j-admin database import", ".nodes.csv",
     ix_export_neo4j_nodes, NULL, NULL, KG_EXPORTER_REENTRANT},
    {KG_EXPORTER_VERSION, "neo4j-relationships", "the relationships CSV of neo4j-admin database import",
     ".relationships.csv", ix_export_neo4j_relationships, NULL, NULL, KG_EXPORTER_REENTRANT},
    {KG_EXPORTER_VERSION, "cypher", "a Cypher script that creates the graph in Neo4j (small graphs)", ".cypher",
     ix_export_cypher, NULL, cypher_aliases, KG_EXPORTER_REENTRANT},
};

static const char *const graphml_extensions[] = {".graphml", NULL}, *const gexf_extensions[] = {".gexf", NULL},
                         *const nodelink_extensions[] = {".nodelink.json", NULL}, *const gml_extensions[] = {".gml", NULL};
static const kg_importer_t importers[] = {
    {KG_IMPORTER_VERSION, "graphml",
     "GraphML (kgkit's own, NetworkX's, yEd's...): nodes as entities, edges as relations, <data> as attributes",
     graphml_extensions, ix_sniff_graphml, ix_import_graphml, ix_import_params},
    {KG_IMPORTER_VERSION, "gexf",
     "GEXF 1.1-1.3 (Gephi, NetworkX): attvalues as attributes, weights, spells as dates, viz kept",
     gexf_extensions, ix_sniff_gexf, ix_import_gexf, ix_import_params},
    {KG_IMPORTER_VERSION, "nodelink",
     "node-link JSON (NetworkX json_graph, D3, kgkit's own): nodes, links by id or by index",
     nodelink_extensions, ix_sniff_nodelink, ix_import_nodelink, ix_import_params},
    {KG_IMPORTER_VERSION, "gml",
     "GML (Newman's, NetworkX's, Cytoscape's, yEd's) through igraph's reader: nodes, edges, their attributes",
     gml_extensions, ix_sniff_gml, ix_import_gml, ix_import_params},
};

static int interchange_init(kg_registry_t *reg, kg_error_t *err)
{
    (void)err;
    int rc;
    for (size_t i = 0; i < sizeof importers / sizeof *importers; i++)
        if ((rc = kg_registry_add_importer(reg, &importers[i])))
            return rc;
    for (size_t i = 0; i < sizeof exporters / sizeof *exporters; i++)
        if ((rc = kg_registry_add_exporter(reg, &exporters[i])))
            return rc;
    return KG_OK;
}

KG_PLUGIN_DEFINE("interchange", "1.0.0", "GraphML, GEXF and node-link in and out, GML in; Cytoscape.js, N-Quads and Neo4j exports",
                 interchange_init, NULL)
