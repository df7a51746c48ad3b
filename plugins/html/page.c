/* page.c - the page itself: one HTML file with the style, d3 (read from Debian's node-d3 at export time), the data and the page's script inlined, nothing fetched; every string escaped, and a Content-Security-Policy that runs only the page's own scripts. */
#define _GNU_SOURCE /* strcasestr */
#include "html.h"

#include <stdlib.h>
#include <string.h>

/* Where d3 is looked for: d3=, else $KGKIT_D3, else Debian's node-d3 (the one bundle, d3 5 or later). */
#define D3_DEBIAN "/usr/share/nodejs/d3/dist/d3.min.js"

const kg_param_t html_params[] = {
    {"title", "string", NULL, "the page's title (default: the number of entities and relations)"},
    {"d3", "file", NULL, "the d3 bundle to inline (default: $KGKIT_D3, else " D3_DEBIAN ", Debian's node-d3)"},
    {"max_entities", "int", "20000", "refuse a page with more entities than this (it would not stay smooth)"},
    {"max_relations", "int", "100000", "refuse a page with more relations than this"},
    {NULL, NULL, NULL, NULL}};

/* d3 as read: checked to be a bundle of d3 5 or later that can sit inside a script element. */
static int read_d3(const kg_opts_t *opts, char **out, kg_error_t *err)
{
    const char *path;
    int rc = kg_param_string(opts, html_params, "d3", &path, err);
    if (rc)
        return rc;
    if (!path)
        path = getenv("KGKIT_D3") && *getenv("KGKIT_D3") ? getenv("KGKIT_D3") : D3_DEBIAN;
    FILE *f = fopen(path, "rb");
    if (!f)
        return kg_error_set(err, KG_EUSAGE, path, 0, 0,
                            "the page needs d3, which is not here (Debian: apt install node-d3; scripts/deps installs "
                            "it; or give -p d3=FILE)");
    size_t len;
    rc = kg_read_all(f, path, out, &len, err);
    fclose(f);
    if (rc)
        return rc;
    const char *why = memchr(*out, '\0', len) ? "it holds a NUL byte"
                      : strcasestr(*out, "</script") || strstr(*out, "<!--") ? "it holds \"</script\" or \"<!--\", which would end the page's script early"
                      : !strstr(*out, "forceSimulation") || !strstr(*out, "zoomIdentity") || !strstr(*out, "quadtree")
                          ? "it is not a bundle of d3 5 or later (no forceSimulation, zoomIdentity or quadtree in it)"
                          : NULL;
    if (why) {
        free(*out);
        *out = NULL;
        return kg_error_set(err, KG_EUSAGE, path, 0, 0, "this d3 cannot be inlined: %s", why);
    }
    return KG_OK;
}

static void put_html_escaped(FILE *out, const char *s)
{
    for (; *s; s++)
        switch (*s) {
        case '&': fputs("&amp;", out); break;
        case '<': fputs("&lt;", out); break;
        case '>': fputs("&gt;", out); break;
        case '"': fputs("&quot;", out); break;
        case '\'': fputs("&#39;", out); break;
        default: fputc(*s, out);
        }
}

/* JSON inside a script element: every '<' as \u003c (it can only be inside a string), so that no label can end
 * the element ("</script>") or open a comment. */
static void put_script_json(FILE *out, const char *s)
{
    for (; *s; s++)
        if (*s == '<')
            fputs("\\u003c", out);
        else
            fputc(*s, out);
}

/* A nonce for the page's own scripts, so that the Content-Security-Policy runs nothing else. */
static void make_nonce(char *buf, size_t size)
{
    unsigned char raw[16] = {0};
    FILE *r = fopen("/dev/urandom", "rb");
    if (!r || fread(raw, 1, sizeof raw, r) != sizeof raw) { /* no randomness: the time and address, still unguessable to a label */
        uintptr_t a = (uintptr_t)&raw;
        for (size_t i = 0; i < sizeof raw; i++)
            raw[i] = (unsigned char)(a >> (i % sizeof a * 8)) ^ (unsigned char)(i * 151);
    }
    if (r)
        fclose(r);
    size_t n = 0;
    for (size_t i = 0; i < sizeof raw && n + 2 < size; i++)
        n += (size_t)snprintf(buf + n, size - n, "%02x", raw[i]);
}

int html_export(const kg_graph_t *g, FILE *out, const kg_opts_t *opts, kg_error_t *err)
{
    long max_entities, max_relations;
    const char *title_param;
    int rc;
    if ((rc = kg_param_int(opts, html_params, "max_entities", &max_entities, err)) ||
        (rc = kg_param_int(opts, html_params, "max_relations", &max_relations, err)) ||
        (rc = kg_param_string(opts, html_params, "title", &title_param, err)))
        return rc;
    html_nodes_t nodes;
    size_t n_rel;
    if ((rc = html_nodes_pick(g, &nodes, &n_rel, err)))
        return rc;
    if (nodes.n > (size_t)(max_entities < 0 ? 0 : max_entities) ||
        n_rel > (size_t)(max_relations < 0 ? 0 : max_relations)) {
        size_t n = nodes.n;
        html_nodes_free(&nodes);
        return kg_error_set(err, KG_EUSAGE, NULL, 0, 0,
                            "the page would draw %zu entities and %zu relations; it stays smooth up to %ld and %ld "
                            "(max_entities=, max_relations=). Draw a part: -p around=ID (with depth=2), kinds=, "
                            "predicates=, sources=, from= and to= (docs/html.md)",
                            n, n_rel, max_entities, max_relations);
    }
    char *d3 = NULL;
    if ((rc = read_d3(opts, &d3, err)) || (rc = html_nodes_layout(g, &nodes, opts, err))) {
        free(d3);
        html_nodes_free(&nodes);
        return rc;
    }
    char title[256];
    if (title_param)
        snprintf(title, sizeof title, "%s", title_param);
    else
        snprintf(title, sizeof title, "kgkit: %zu entities, %zu relations", nodes.n, n_rel);
    json_t *data = html_data(g, &nodes, title);
    char *text = data ? json_dumps(data, JSON_COMPACT) : NULL;
    json_decref(data);
    html_nodes_free(&nodes);
    if (!text) {
        free(d3);
        return kg_error_set(err, KG_ENOMEM, NULL, 0, 0, "out of memory");
    }
    char nonce[40];
    make_nonce(nonce, sizeof nonce);
    fputs("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n", out);
    fprintf(out,
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; script-src 'nonce-%s'; "
            "style-src 'unsafe-inline'; img-src data:\">\n",
            nonce);
    fputs("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
          "<meta name=\"generator\" content=\"kgkit export html\">\n<title>",
          out);
    put_html_escaped(out, title);
    fprintf(out, "</title>\n<style>\n%s</style>\n</head>\n<body>\n", html_page_css);
    fputs("<noscript>This page draws the graph with JavaScript; turn it on to see it.</noscript>\n", out);
    fputs("<script type=\"application/json\" id=\"kg-data\">", out);
    put_script_json(out, text);
    fputs("</script>\n", out);
    fprintf(out, "<script nonce=\"%s\">\n%s\n</script>\n", nonce, d3);
    fprintf(out, "<script nonce=\"%s\">\n%s</script>\n</body>\n</html>\n", nonce, html_page_js);
    free(text);
    free(d3);
    return ferror(out) ? kg_error_set(err, KG_EIO, NULL, 0, 0, "cannot write the page") : KG_OK;
}
