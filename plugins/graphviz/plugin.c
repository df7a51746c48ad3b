/* plugin.c - the "graphviz" plugin: DOT exporter, svg / png / pdf renderers, DOT importer. */
#include "graphviz_plugin.h"

static const char *const dot_extensions[] = {".dot", ".gv", NULL};
static const char *const dot_aliases[] = {"gv", ".gv", NULL};

static const kg_exporter_t dot_exporter = {
    KG_EXPORTER_VERSION, "dot",
    "Graphviz DOT: a relationship diagram, styled by kind, disputed facts drawn red and dashed",
    ".dot", gv_export_dot, gv_diagram_params, dot_aliases,
    KG_EXPORTER_REENTRANT}; /* written by doc.c alone; the renderers below go through cgraph and gvc */
static const kg_exporter_t svg_exporter = {
    KG_EXPORTER_VERSION, "svg", "the diagram laid out by Graphviz, as SVG with provenance tooltips", ".svg",
    gv_export_svg, gv_render_params, NULL, 0};
static const kg_exporter_t png_exporter = {KG_EXPORTER_VERSION, "png", "the diagram laid out by Graphviz, as PNG",
                                           ".png", gv_export_png, gv_render_params, NULL, 0};
static const kg_exporter_t pdf_exporter = {KG_EXPORTER_VERSION, "pdf", "the diagram laid out by Graphviz, as PDF",
                                           ".pdf", gv_export_pdf, gv_render_params, NULL, 0};
static const kg_importer_t dot_importer = {
    KG_IMPORTER_VERSION, "dot",
    "Graphviz DOT files: nodes as entities, edges as relations, subgraphs as groups",
    dot_extensions, gv_sniff_dot, gv_import_dot, NULL};

static int graphviz_init(kg_registry_t *reg, kg_error_t *err)
{
    (void)err;
    int rc;
    if ((rc = kg_registry_add_exporter(reg, &dot_exporter)) || (rc = kg_registry_add_exporter(reg, &svg_exporter)) ||
        (rc = kg_registry_add_exporter(reg, &png_exporter)) || (rc = kg_registry_add_exporter(reg, &pdf_exporter)) ||
        (rc = kg_registry_add_importer(reg, &dot_importer)))
        return rc;
    return KG_OK;
}

KG_PLUGIN_DEFINE("graphviz", "1.0.0", "diagrams through Graphviz: DOT in and out, SVG, PNG and PDF", graphviz_init,
                 gv_release_context)
