/* plugin.c - the "html" plugin: one self-contained page that draws the graph and shows the evidence behind every fact, offline. */
#include "html.h"

static const char *const aliases[] = {".htm", NULL};

static const kg_exporter_t exporter = {
    KG_EXPORTER_VERSION, "html",
    "an interactive page that works offline: search, filters, a timeline, each fact's sources and quotes, the "
    "agreement findings (d3 from Debian's node-d3, inlined)",
    ".html", html_export, html_params, aliases, 0 /* igraph lays it out: one at a time */};

static int html_init(kg_registry_t *reg, kg_error_t *err)
{
    (void)err;
    return kg_registry_add_exporter(reg, &exporter);
}

KG_PLUGIN_DEFINE("html", "1.0.0", "the interactive page: the graph with the evidence behind every edge", html_init,
                 NULL)
