/* cap_clash.c - a test plugin that registers an exporter named like the bundled json one: refused. */
#include <kgkit/kgkit.h>
static int export_fn(const kg_graph_t *g, FILE *out, const kg_opts_t *o, kg_error_t *e) { return KG_OK; }
static const kg_exporter_t x = {KG_EXPORTER_VERSION, "json", "clash", ".json", export_fn, NULL, NULL, 0};
static int init(kg_registry_t *r, kg_error_t *e) { return kg_registry_add_exporter(r, &x); }
KG_PLUGIN_DEFINE("cap_clash", "1", "test", init, NULL)
