/* old_table.c - a test plugin built against the first plugin ABI (1.0): its descriptor says minor 0 and its analysis
 * and exporter tables have the version-1 layout, without the fields appended since. It must load, and its
 * analysis and exporter run. */
#include <kgkit/kgkit.h>
#include <stdio.h>

/* kg_analysis_t as ABI 1.0 declared it (version 1): no "writes" field after params */
typedef struct analysis_v1 {
    unsigned int version;
    const char *name;
    const char *description;
    int (*run)(kg_graph_t *g, const kg_opts_t *opts, kg_format_t format, FILE *out, kg_error_t *err);
    const kg_param_t *params;
} analysis_v1_t;

static int run(kg_graph_t *g, const kg_opts_t *o, kg_format_t f, FILE *out, kg_error_t *e)
{
    (void)o;
    (void)f;
    (void)e;
    fprintf(out, "old table: %zu entities\n", kg_graph_entity_count(g));
    return KG_OK;
}

/* kg_exporter_t as ABI 1.0 declared it (version 1): no "flags" field after aliases */
typedef struct exporter_v1 {
    unsigned int version;
    const char *name;
    const char *description;
    const char *extension;
    int (*export_graph)(const kg_graph_t *g, FILE *out, const kg_opts_t *opts, kg_error_t *err);
    const kg_param_t *params;
    const char *const *aliases;
} exporter_v1_t;

static int export_fn(const kg_graph_t *g, FILE *out, const kg_opts_t *o, kg_error_t *e)
{
    (void)o;
    (void)e;
    fprintf(out, "old exporter: %zu entities\n", kg_graph_entity_count(g));
    return KG_OK;
}
static const exporter_v1_t ex = {1, "oldexp", "an exporter of the first table layout", ".old", export_fn, NULL, NULL};

/* the last thing in the object: nothing after the table for a reader that overran it to pick up */
static const analysis_v1_t an = {1, "oldie", "an analysis of the first table layout", run, NULL};

static int init(kg_registry_t *r, kg_error_t *e)
{
    (void)e;
    int rc = kg_registry_add_exporter(r, (const kg_exporter_t *)(const void *)&ex);
    return rc ? rc : kg_registry_add_analysis(r, (const kg_analysis_t *)(const void *)&an);
}

/* the descriptor as ABI 1.0 wrote it */
KG_PLUGIN_EXPORT const kg_plugin_desc_t *kg_plugin_entry(void);
KG_PLUGIN_EXPORT const kg_plugin_desc_t *kg_plugin_entry(void)
{
    static const kg_plugin_desc_t d = {KG_ABI_MAJOR, 0, (uint32_t)KG_PLUGIN_DESC_MIN_SIZE, "old_table", "1",
                                       "built for ABI 1.0", init, NULL};
    return &d;
}
