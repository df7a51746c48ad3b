/* query.c - using libkgkit from C: load a graph through the plugin host, find an entity, list its statements, run an analysis.
 *
 *   cc query.c -o query $(pkg-config --cflags --libs kgkit)
 *   ./query graph.json "Viasna"
 */
#include <kgkit/kgkit.h>
#include <stdio.h>

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: %s GRAPH NAME\n", argv[0]);
        return 2;
    }
    kg_host_t *host = NULL;
    kg_graph_t *g = NULL;
    kg_error_t err;
    char msg[1024];
    int rc = 1;
    if (kg_host_new(&host) != KG_OK || kg_graph_new(&g) != KG_OK)
        goto done;
    kg_host_discover(host); /* $KGKIT_PLUGIN_PATH, then the installed plugins */
    if (kg_host_import_file(host, g, argv[1], NULL, NULL, &err) != KG_OK)
        goto fail;
    kg_entity_t e;
    if (kg_graph_find(g, argv[2], &e, &err) != KG_OK) /* by id, alias or label */
        goto fail;
    printf("%s (%s), a %s\n", kg_entity_name(g, e), kg_entity_id(g, e), kg_entity_kind(g, e));
    size_t n;
    const kg_stmt_t *stmts = kg_graph_stmts_by_subject(g, e, &n); /* borrowed, valid until the graph changes */
    for (size_t i = 0; i < n; i++) {
        kg_entity_t obj = kg_stmt_object(g, stmts[i]);
        printf("  %s %s %s (%zu sources)\n", kg_entity_id(g, e), kg_stmt_predicate(g, stmts[i]),
               obj != KG_NONE ? kg_entity_id(g, obj) : "<value>", kg_stmt_cite_count(g, stmts[i]));
    }
    kg_opts_t *opts;
    if (kg_opts_new(&opts) != KG_OK)
        goto done;
    kg_opts_set(opts, "min", "2");
    rc = kg_host_analyze(host, g, "wordcount", opts, KG_FORMAT_TEXT, stdout, &err);
    kg_opts_free(opts);
    if (rc == KG_OK)
        goto done;
fail:
    kg_error_format(&err, msg, sizeof msg);
    fprintf(stderr, "error: %s\n", msg);
    rc = 1;
done:
    kg_graph_free(g);
    kg_host_free(host);
    return rc;
}
