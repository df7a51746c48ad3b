/* export.c - the "dot" exporter (the diagram written straight, doc.c) and the svg / png / pdf renderers (libgvc lays out
 * in-process, on the diagram made a cgraph graph). */
#include "graphviz_plugin.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <graphviz/gvc.h>
#include <string.h>

/* Graphviz reports errors through one global hook; collect them while we run. */
static char gv_errors[1024];

static int collect_error(char *msg)
{
    size_t len = strlen(gv_errors);
    if (strncmp(msg, "Warning", 7) != 0 && len < sizeof gv_errors - 1)
        snprintf(gv_errors + len, sizeof gv_errors - len, "%s", msg);
    return 0;
}

/* One libgvc context for the life of the plugin: Graphviz 2.42 keeps font
 * data across contexts, and a second context after gvFreeContext reads what
 * the first one freed (AddressSanitizer shows it). */
static GVC_t *gvc_shared;

void gv_release_context(void)
{
    if (gvc_shared)
        gvFreeContext(gvc_shared);
    gvc_shared = NULL;
}

static void strip_newlines(char *s)
{
    for (; *s; s++)
        if (*s == '\n')
            *s = ' ';
}

/* The DOT file is written from the diagram straight, not through cgraph's agwrite: at a million statements
 * that took half a minute (building cgraph's graph most of it), against a few seconds. What cgraph reads back
 * from it is the graph the renderers lay out (tests/unit/test_dot.c proves it on real graphs). */
int gv_export_dot(const kg_graph_t *g, FILE *out, const kg_opts_t *opts, kg_error_t *err)
{
    gv_options_t o;
    gv_stats_t stats;
    gv_doc_t *d = gv_prepare(g, opts, 0, &o, &stats, err);
    if (!d)
        return err->code;
    int rc = gv_doc_write_dot(d, "kgkit", out, opts);
    gv_doc_free(d);
    if (rc == KG_ENOMEM)
        return kg_error_say(err, rc, "graphviz: out of memory");
    if (rc != KG_OK || ferror(out))
        return kg_error_say(err, KG_EIO, "cannot write: %s", strerror(errno));
    return KG_OK;
}

/* An attribute of the cgraph graph the renderers lay out. */
static void cg_set(Agraph_t *G, const char *name, const char *value)
{
    agsafeset(G, (char *)name, (char *)value, (char *)"");
}

/* The most a picture may be longer than wide, or wider than long: past it, a diagram shrunk to a page or a
 * screen has labels too small to read. */
#define GV_MAX_ASPECT 3.0

/* Whether the laid-out drawing keeps its sides within GV_MAX_ASPECT of each other. */
static int within_aspect(Agraph_t *G)
{
    double w = GD_bb(G).UR.x - GD_bb(G).LL.x, h = GD_bb(G).UR.y - GD_bb(G).LL.y;
    return w <= GV_MAX_ASPECT * h && h <= GV_MAX_ASPECT * w;
}

/* The caption: the builder's (base), then how the layout was chosen here, in the picture. */
static void say_layout(Agraph_t *G, const char *base, const char *fmt, ...)
{
    char how[384], caption[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(how, sizeof how, fmt, ap);
    va_end(ap);
    snprintf(caption, sizeof caption, "%s; %s", base, how);
    cg_set(G, "label", caption);
}

static int render(const kg_graph_t *g, FILE *out, const kg_opts_t *opts, const char *format, kg_error_t *err)
{
    gv_options_t o;
    gv_stats_t stats;
    int rc;
    gv_doc_t *d = gv_prepare(g, opts, 1, &o, &stats, err);
    if (!d)
        return err->code;
    Agraph_t *G = gv_doc_to_cgraph(d, "kgkit");
    gv_doc_free(d);
    if (!G)
        return kg_error_say(err, KG_ENOMEM, "graphviz: out of memory");
    const char *engine = o.engine;
    char base[512]; /* the builder's caption, which a layout chosen here adds to */
    snprintf(base, sizeof base, "%s", agget(G, (char *)"label") ? agget(G, (char *)"label") : "");
    int big = stats.nodes > (size_t)o.dot_max_nodes || stats.edges > (size_t)o.dot_max_edges;
    if (!strcmp(engine, "auto") && o.focus != KG_NONE) {
        /* a neighbourhood: radial, its focus at the centre and each hop a ring further out (twopi is linear in
         * the graph's size, so big ones too) */
        engine = "twopi";
        cg_set(G, "ranksep", "1.2");
    } else if (!strcmp(engine, "auto")) {
        engine = big ? "sfdp" : "dot";
        if (big) /* say so, in the picture */
            say_layout(G, base, "laid out with sfdp (dot is too slow above %ld entities or %ld edges; choose with "
                       "-p engine=...)", o.dot_max_nodes, o.dot_max_edges);
    }
    if (strcmp(engine, "dot") != 0) {
        /* force-directed layouts: removing node overlaps is the slow part on big graphs */
        cg_set(G, "overlap", stats.nodes > 2000 ? "false" : "prism");
        cg_set(G, "pack", "true"); /* components apart, the legend (one of its own) among them: no edge crosses it */
        cg_set(G, "splines", big ? "false" : "true");
        cg_set(G, "outputorder", "edgesfirst");
    } else if (big) {
        cg_set(G, "splines", "line");
    }
    if (!strcmp(format, "png")) /* a bitmap: at most 50 inches (4,800 pixels at 96 dpi) a side, scaled down */
        cg_set(G, "size", "50,50");
    char what[64];
    snprintf(what, sizeof what, "layout (%s)", engine);
    kg_progress(opts, what, 0, 0);
    gv_errors[0] = '\0';
    agusererrf previous = agseterrf(collect_error);
    if (!gvc_shared)
        gvc_shared = gvContext();
    GVC_t *gvc = gvc_shared;
    rc = KG_OK;
    int laid = gvc && gvLayout(gvc, G, engine) == 0;
    if (laid && !strcmp(o.engine, "auto") && !strcmp(engine, "dot") && !within_aspect(G)) {
        /* dot ranks a tree or a dense graph into a strip (a parent with hundreds of children): the other
         * direction, else a force layout, and the caption says so */
        const char *how[] = {"top to bottom", "left to right", "with neato"};
        int flip = strcmp(o.rankdir, "TB") && strcmp(o.rankdir, "BT");
        for (int attempt = 0; attempt < 2 && laid && !within_aspect(G); attempt++) {
            gvFreeLayout(gvc, G);
            if (attempt == 0) {
                cg_set(G, "rankdir", flip ? "TB" : "LR");
            } else {
                engine = "neato";
                cg_set(G, "overlap", "prism");
                cg_set(G, "pack", "true");
                cg_set(G, "splines", "true");
            }
            /* the caption is laid out with the drawing: set before the layout that keeps it */
            say_layout(G, base, "laid out %s (dot drew a strip more than three times as long as wide; choose "
                       "with -p engine=... or rankdir=...)", attempt ? how[2] : how[!flip]);
            laid = gvLayout(gvc, G, engine) == 0;
        }
    }
    if (!gvc) {
        rc = kg_error_say(err, KG_ENOMEM, "graphviz: cannot start libgvc");
    } else if (!laid) {
        strip_newlines(gv_errors);
        rc = kg_error_say(err, KG_EPLUGIN, "graphviz: layout with %s failed%s%s", engine,
                          gv_errors[0] ? ": " : "", gv_errors);
    } else {
        kg_progress(opts, "rendering", 0, 0);
        /* into memory, then written here: Graphviz's own writer calls exit(1) when a write fails (a full
         * disk), which would end the process with no message and leave the temporary file behind */
        char *data = NULL;
        unsigned int length = 0;
        if (gvRenderData(gvc, G, format, &data, &length) != 0 || !data) {
            strip_newlines(gv_errors);
            rc = kg_error_say(err, KG_EPLUGIN,
                              "graphviz: cannot render %s%s%s (is Graphviz's %s plugin installed?)", format,
                              gv_errors[0] ? ": " : "", gv_errors, !strcmp(format, "svg") ? "core" : "cairo");
        } else if (fwrite(data, 1, length, out) != length || ferror(out)) {
            rc = kg_error_say(err, KG_EIO, "cannot write: %s", strerror(errno));
        }
        if (data)
            gvFreeRenderData(data);
        gvFreeLayout(gvc, G);
    }
    agseterrf(previous);
    agclose(G);
    return rc;
}

int gv_export_svg(const kg_graph_t *g, FILE *out, const kg_opts_t *opts, kg_error_t *err)
{
    return render(g, out, opts, "svg", err);
}

int gv_export_png(const kg_graph_t *g, FILE *out, const kg_opts_t *opts, kg_error_t *err)
{
    return render(g, out, opts, "png", err);
}

int gv_export_pdf(const kg_graph_t *g, FILE *out, const kg_opts_t *opts, kg_error_t *err)
{
    return render(g, out, opts, "pdf", err);
}
