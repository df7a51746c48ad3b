/* wrong_abi.c - a test plugin built for a future ABI major: the host must refuse it. */
#include <kgkit/kgkit.h>
static int init(kg_registry_t *r, kg_error_t *e) { return KG_OK; }
KG_PLUGIN_EXPORT const kg_plugin_desc_t *kg_plugin_entry(void);
KG_PLUGIN_EXPORT const kg_plugin_desc_t *kg_plugin_entry(void)
{
    static const kg_plugin_desc_t d = {KG_ABI_MAJOR + 1, 0, sizeof(kg_plugin_desc_t), "wrong_abi", "1", "test", init, NULL};
    return &d;
}
