/* crasher.c - a test plugin whose analysis and exporter crash (a segmentation fault) after writing part of their
 * output: the command must name the plugin and leave no half-written file behind. The fault is raised rather
 * than made by a bad pointer, which UndefinedBehaviorSanitizer would stop before it happens. */
#include <kgkit/kgkit.h>
#include <signal.h>

static void crash(void)
{
    raise(SIGSEGV);
}

static int export_fn(const kg_graph_t *g, FILE *out, const kg_opts_t *o, kg_error_t *e)
{
    fputs("half of an export\n", out);
    fflush(out);
    crash();
    return KG_OK;
}
static const kg_exporter_t x = {KG_EXPORTER_VERSION, "crash", "crashes half-way", ".crash", export_fn, NULL, NULL, 0};

static int run(kg_graph_t *g, const kg_opts_t *o, kg_format_t f, FILE *out, kg_error_t *e)
{
    fputs("half of a report\n", out);
    fflush(out);
    crash();
    return KG_OK;
}
static const kg_analysis_t an = {KG_ANALYSIS_VERSION, "crash", "crashes half-way", run, NULL, NULL};

static int init(kg_registry_t *r, kg_error_t *e)
{
    int rc = kg_registry_add_exporter(r, &x);
    return rc ? rc : kg_registry_add_analysis(r, &an);
}
KG_PLUGIN_DEFINE("crasher", "1", "test helper that crashes", init, NULL)
