/* plugin.c - the "ftm" plugin: FollowTheMoney entities in, checked against the FtM model. */
#include "ftm.h"

static const char *const extensions[] = {".ijson", ".ftm.json", ".ftm", NULL};

static const kg_importer_t importer = {
    KG_IMPORTER_VERSION, "ftm",
    "FollowTheMoney entities (Aleph, OpenSanctions; JSON Lines, a list, or a statement CSV): things, links, properties, datasets",
    extensions, ftm_sniff, ftm_import, NULL};

static int ftm_init(kg_registry_t *reg, kg_error_t *err)
{
    (void)err;
    return kg_registry_add_importer(reg, &importer);
}

KG_PLUGIN_DEFINE("ftm", "1.0.0", "FollowTheMoney entities in, against the FtM model (schema.c)", ftm_init, NULL)
