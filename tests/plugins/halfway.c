/* halfway.c - a working test plugin: an exporter that fails half-way, an importer that fails after adding, an analysis with parameters. */
#include <kgkit/kgkit.h>
#include <string.h>

static int export_fn(const kg_graph_t *g, FILE *out, const kg_opts_t *o, kg_error_t *e)
{
    fputs("partial output that must never replace a good file\n", out);
    return kg_error_set(e, KG_EIO, NULL, 0, 0, "disk on fire (test)");
}
static const kg_exporter_t x = {KG_EXPORTER_VERSION, "halfway", "fails after writing", ".half", export_fn, NULL, NULL,
                                KG_EXPORTER_REENTRANT};

static int imp(kg_graph_t *g, FILE *in, const char *path, const kg_opts_t *o, kg_error_t *e)
{
    kg_entity_spec_t s = {0};
    s.id = "half:added";
    kg_graph_add_entity(g, &s, NULL, e);
    return kg_error_set(e, KG_EINPUT, path, 2, 7, "gave up after one entity (test)");
}
static int sniff(const char *head, size_t len) { return len >= 4 && memcmp(head, "HALF", 4) == 0 ? 80 : 0; }
static const char *const ext[] = {".half", NULL};
static const kg_importer_t m = {KG_IMPORTER_VERSION, "halfway", "fails after adding", ext, sniff, imp, NULL};

static const kg_param_t params[] = {{"times", "int", "1", "how often to say it"}, {NULL, NULL, NULL, NULL}};
static int run(kg_graph_t *g, const kg_opts_t *o, kg_format_t f, FILE *out, kg_error_t *e)
{
    long n;
    int rc = kg_opts_get_int(o, "times", 1, &n, e);
    if (rc)
        return rc;
    for (long i = 0; i < n; i++)
        fprintf(out, "%zu entities\n", kg_graph_entity_count(g));
    if (kg_graph_entity_count(g))
        kg_entity_attr_set_new(g, 0, "seen_by_echo", json_true());
    return KG_OK;
}
static const kg_analysis_t an = {KG_ANALYSIS_VERSION, "echo", "prints the entity count", run, params, NULL};

static int init(kg_registry_t *r, kg_error_t *e)
{
    int rc;
    if ((rc = kg_registry_add_exporter(r, &x)) || (rc = kg_registry_add_importer(r, &m)))
        return rc;
    return kg_registry_add_analysis(r, &an);
}
KG_PLUGIN_DEFINE("halfway", "1", "test helpers", init, NULL)
