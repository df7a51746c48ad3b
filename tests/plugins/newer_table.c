/* newer_table.c - a test plugin whose analysis table is of a version newer than the host's: refused, versions named. */
#include <kgkit/kgkit.h>
static int run(kg_graph_t *g, const kg_opts_t *o, kg_format_t f, FILE *out, kg_error_t *e)
{
    (void)g;
    (void)o;
    (void)f;
    (void)out;
    (void)e;
    return KG_OK;
}
static const kg_analysis_t x = {KG_ANALYSIS_VERSION + 1, "future", "from a newer kgkit", run, NULL, NULL};
static int init(kg_registry_t *r, kg_error_t *e)
{
    (void)e;
    return kg_registry_add_analysis(r, &x);
}
KG_PLUGIN_DEFINE("newer_table", "1", "test", init, NULL)
