/* plugin.c - the "text" plugin: news articles read with a gazetteer into sources, mentions, co-mentions and claims. */
#include "text_plugin.h"

static const char *const extensions[] = {".txt", ".text", NULL};
static const kg_param_t params[] = {
    {"gazetteer", "file", NULL, "the gazetteer (JSON): entities with every spelling, and claim patterns (required)"},
    {"articles", "file", NULL, "a list of the articles (JSON): each one's file name, id, title, publisher, url, date "
                               "and note, for articles whose own header does not give them"},
    {NULL, NULL, NULL, NULL}};

static int never(const char *head, size_t len)
{
    (void)head;
    (void)len;
    return 0; /* any file is text: chosen by extension or name only */
}

static const kg_importer_t importer = {
    KG_IMPORTER_VERSION, "text",
    "plain-text articles: the article as a source, the gazetteer's entities it mentions, co-mentions, claims",
    extensions, never, text_import, params};

static int text_init(kg_registry_t *reg, kg_error_t *err)
{
    (void)err;
    return kg_registry_add_importer(reg, &importer);
}

KG_PLUGIN_DEFINE("text", "1.0.0", "news articles through a gazetteer", text_init, NULL)
