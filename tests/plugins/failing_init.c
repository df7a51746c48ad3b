/* failing_init.c - a test plugin whose init fails after registering: nothing of it may stay. */
#include <kgkit/kgkit.h>
static int run(kg_graph_t *g, const kg_opts_t *o, kg_format_t f, FILE *out, kg_error_t *e) { return KG_OK; }
static const kg_analysis_t an = {KG_ANALYSIS_VERSION, "ghost", "must not stay registered", run, NULL, NULL};
static int init(kg_registry_t *r, kg_error_t *e)
{
    kg_registry_add_analysis(r, &an);
    return kg_error_set(e, KG_EPLUGIN, NULL, 0, 0, "needs a licence key");
}
KG_PLUGIN_DEFINE("failing_init", "1", "test", init, NULL)
