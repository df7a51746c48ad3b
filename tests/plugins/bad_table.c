/* bad_table.c - a test plugin whose importer table has an unknown version: refused. */
#include <kgkit/kgkit.h>
static int imp(kg_graph_t *g, FILE *in, const char *p, const kg_opts_t *o, kg_error_t *e) { return KG_OK; }
static const kg_importer_t x = {99, "bad", "bad table", NULL, NULL, imp, NULL};
static int init(kg_registry_t *r, kg_error_t *e) { return kg_registry_add_importer(r, &x); }
KG_PLUGIN_DEFINE("bad_table", "1", "test", init, NULL)
