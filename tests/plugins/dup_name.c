/* dup_name.c - built twice (dup_a.so, dup_b.so) under one plugin name: the second is refused. */
#include <kgkit/kgkit.h>
static int init(kg_registry_t *r, kg_error_t *e) { return KG_OK; }
KG_PLUGIN_DEFINE("dup", "1", "test", init, NULL)
