/* fuzz_import.c - the libFuzzer harness of every importer: one binary per format (KG_FUZZ_FORMAT), built by
 * tests/fuzz/CMakeLists.txt with clang, AddressSanitizer and UndefinedBehaviorSanitizer.
 *
 * Each input is imported into a fresh graph, as the host does (in a transaction, rolled back on failure).
 * Then what was taken must survive being written: the graph is exported as JSON and read back (same entity
 * and statement counts), and as DOT and read back (every drawn entity a node again). A crash, a leak, a
 * sanitizer report or a broken round trip is a finding; an importer that refuses an input cleanly is not.
 *
 * KG_FUZZ_GAZETTEER makes the input the text importer's gazetteer, read against a fixed article. */
#define _GNU_SOURCE
#include <kgkit/kgkit.h>
#include <kgkit/host.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static kg_host_t *host;
static const kg_importer_t *importer, *json_in, *dot_in;
static const kg_exporter_t *json_out, *dot_out;
static kg_opts_t *opts, *no_opts;
#ifdef KG_FUZZ_GAZETTEER
static char gazetteer_path[64];
#endif

static void need(const void *p, const char *what)
{
    if (!p) {
        fprintf(stderr, "fuzz_import: %s is missing (is KGKIT_PLUGIN_PATH or the build's plugin dir right?)\n", what);
        abort();
    }
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    if (kg_host_new(&host) || kg_opts_new(&opts) || kg_opts_new(&no_opts))
        abort();
    kg_host_load_dir(host, KGKIT_BUILD_PLUGIN_DIR);
    need(importer = kg_host_find_importer(host, KG_FUZZ_FORMAT), "the importer " KG_FUZZ_FORMAT);
    need(json_in = kg_host_find_importer(host, "json"), "the json importer");
    need(dot_in = kg_host_find_importer(host, "dot"), "the dot importer");
    need(json_out = kg_host_find_exporter(host, "json"), "the json exporter");
    need(dot_out = kg_host_find_exporter(host, "dot"), "the dot exporter");
#ifdef KG_FUZZ_GAZETTEER
    snprintf(gazetteer_path, sizeof gazetteer_path, "/tmp/kgkit-fuzz-gazetteer-%ld.json", (long)getpid());
    kg_opts_set(opts, "gazetteer", gazetteer_path);
#elif defined(KG_FUZZ_TEXT)
    kg_opts_set(opts, "gazetteer", KG_FUZZ_TEXT);
#endif
    return 0;
}

/* Imports len bytes with imp into a fresh graph; NULL when the importer refused them (cleanly). */
static kg_graph_t *import(const kg_importer_t *imp, const char *data, size_t len, const char *name,
                          const kg_opts_t *o)
{
    kg_graph_t *g;
    if (kg_graph_new(&g))
        abort();
    FILE *in = fmemopen((void *)(len ? data : ""), len ? len : 1, "rb");
    if (!in)
        abort();
    if (!len)
        fgetc(in); /* an empty input: at the end already */
    kg_error_t err;
    kg_error_clear(&err);
    kg_graph_begin(g);
    int rc = imp->import(g, in, name, o, &err);
    fclose(in);
    if (rc != KG_OK) {
        if (!err.text[0]) {
            fprintf(stderr, "fuzz_import: %s failed (%d) without saying why\n", imp->name, rc);
            abort();
        }
        kg_graph_rollback(g);
        kg_graph_free(g);
        return NULL;
    }
    kg_graph_commit(g);
    return g;
}

/* The graph written by exp, into a new buffer (*len). */
static char *export(const kg_exporter_t *exp, const kg_graph_t *g, size_t *len)
{
    char *buf = NULL;
    FILE *out = open_memstream(&buf, len);
    if (!out)
        abort();
    kg_error_t err;
    int rc = exp->export_graph(g, out, no_opts, &err);
    fclose(out);
    if (rc != KG_OK) {
        fprintf(stderr, "fuzz_import: the %s exporter refused a graph the %s importer took: %s\n", exp->name,
                importer->name, err.text);
        abort();
    }
    return buf;
}

static size_t drawn_entities(const kg_graph_t *g)
{
    size_t n = 0;
    for (kg_entity_t e = 0; e < kg_graph_entity_count(g); e++)
        n += !kg_entity_is_source(g, e);
    return n;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    kg_graph_t *g;
#ifdef KG_FUZZ_GAZETTEER
    FILE *gz = fopen(gazetteer_path, "wb");
    if (!gz || fwrite(data, 1, size, gz) != size || fclose(gz) != 0)
        abort();
    static const char article[] = "Title: A test\nPublished: 2024-09-01\n\nViasna counted more than 1,300 political "
                                  "prisoners in Belarus. Ales Bialiatski remains in prison, according to Viasna.\n";
    g = import(importer, article, sizeof article - 1, "article.txt", opts);
#else
    g = import(importer, (const char *)data, size, "input." KG_FUZZ_FORMAT, opts);
#endif
    if (!g)
        return 0;
    /* what was taken is written and read back */
    size_t len;
    char *text = export(json_out, g, &len);
    kg_graph_t *back = import(json_in, text, len, "back.json", no_opts);
    if (!back || kg_graph_entity_count(back) != kg_graph_entity_count(g) ||
        kg_graph_stmt_count(back) != kg_graph_stmt_count(g)) {
        fprintf(stderr, "fuzz_import: the JSON the %s importer's graph was written as does not read back\n",
                importer->name);
        abort();
    }
    kg_graph_free(back);
    free(text);
    text = export(dot_out, g, &len);
    back = import(dot_in, text, len, "back.dot", no_opts);
    if (!back || drawn_entities(back) != drawn_entities(g)) {
        fprintf(stderr, "fuzz_import: the DOT of the %s importer's graph does not read back as its entities\n",
                importer->name);
        abort();
    }
    kg_graph_free(back);
    free(text);
    kg_graph_free(g);
    return 0;
}
