/* newer_minor.c - a test plugin that needs a newer ABI minor than the host has: refused. */
#include <kgkit/kgkit.h>
static int init(kg_registry_t *r, kg_error_t *e) { return KG_OK; }
KG_PLUGIN_EXPORT const kg_plugin_desc_t *kg_plugin_entry(void);
KG_PLUGIN_EXPORT const kg_plugin_desc_t *kg_plugin_entry(void)
{
    static const kg_plugin_desc_t d = {KG_ABI_MAJOR, KG_ABI_MINOR + 1, sizeof(kg_plugin_desc_t), "newer_minor", "1",
                                       "test", init, NULL};
    return &d;
}
