/* small_desc.c - a test plugin whose descriptor claims fewer bytes than the first layout had: refused, sizes named. */
#include <kgkit/kgkit.h>
static int init(kg_registry_t *r, kg_error_t *e)
{
    (void)r;
    (void)e;
    return KG_OK;
}
KG_PLUGIN_EXPORT const kg_plugin_desc_t *kg_plugin_entry(void);
KG_PLUGIN_EXPORT const kg_plugin_desc_t *kg_plugin_entry(void)
{
    static const kg_plugin_desc_t d = {KG_ABI_MAJOR, KG_ABI_MINOR, 12, "small_desc", "1", "test", init, NULL};
    return &d;
}
