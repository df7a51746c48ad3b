/* test_dot.c - the DOT exporter writes the diagram straight (plugins/graphviz/doc.c), not through cgraph: what
 * cgraph reads back from that file is the graph the renderers lay out (gv_doc_to_cgraph), node by node, edge by
 * edge, attribute by attribute, subgraph by subgraph. On the Belarus graph, the hostile labels and, when
 * ../shared is there, real files from other tools and Graphviz's own test graphs. */
#define _POSIX_C_SOURCE 200809L
#include "test_util.h"
#include "graphviz_plugin.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>

static kg_host_t *host;
static size_t compared;

/* A value, "" for an attribute the graph does not declare (cgraph's value of it). */
static const char *value_of(void *obj, const char *name)
{
    const char *v = agget(obj, (char *)name);
    return v ? v : "";
}

/* Every attribute of kind either graph declares has the same value on a and b; what differs is printed. */
static int same_attrs(Agraph_t *ga, void *a, Agraph_t *gb, void *b, int kind, const char *what)
{
    int same = 1;
    Agraph_t *graphs[2] = {ga, gb};
    for (int side = 0; side < 2; side++)
        for (Agsym_t *sym = agnxtattr(graphs[side], kind, NULL); sym; sym = agnxtattr(graphs[side], kind, sym)) {
            const char *va = value_of(a, sym->name), *vb = value_of(b, sym->name);
            if (strcmp(va, vb) || aghtmlstr((char *)agget(a, sym->name)) != aghtmlstr((char *)agget(b, sym->name))) {
                if (same)
                    fprintf(stderr, "\n    %s: %s is \"%.80s\" read back, \"%.80s\" laid out", what, sym->name, va, vb);
                same = 0;
            }
        }
    return same;
}

static void compare(Agraph_t *read, Agraph_t *made, const char *file)
{
    CU_ASSERT_EQUAL(agnnodes(read), agnnodes(made));
    CU_ASSERT_EQUAL(agnedges(read), agnedges(made));
    CU_ASSERT(same_attrs(read, read, made, made, AGRAPH, file));
    int ok = 1;
    for (Agnode_t *n = agfstnode(made); n && ok; n = agnxtnode(made, n)) {
        Agnode_t *m = agnode(read, agnameof(n), 0);
        if (!m) {
            fprintf(stderr, "\n    %s: node %s not read back", file, agnameof(n));
            ok = 0;
            break;
        }
        ok = same_attrs(read, m, made, n, AGNODE, agnameof(n));
        Agedge_t *f = agfstout(read, m);
        for (Agedge_t *e = agfstout(made, n); e && ok; e = agnxtout(made, e), f = f ? agnxtout(read, f) : NULL) {
            ok = f && !strcmp(agnameof(aghead(e)), agnameof(aghead(f)));
            if (!ok)
                fprintf(stderr, "\n    %s: an edge %s -> %s not read back in its place", file, agnameof(n),
                        agnameof(aghead(e)));
            else
                ok = same_attrs(read, f, made, e, AGEDGE, agnameof(n));
        }
        ok = ok && !f;
    }
    CU_ASSERT(ok);
    Agraph_t *s = agfstsubg(read), *t = agfstsubg(made);
    for (; s && t; s = agnxtsubg(s), t = agnxtsubg(t)) {
        CU_ASSERT(same_attrs(read, s, made, t, AGRAPH, "a subgraph"));
        CU_ASSERT_EQUAL(agnnodes(s), agnnodes(t));
        for (Agnode_t *n = agfstnode(t); n; n = agnxtnode(t, n))
            CU_ASSERT_PTR_NOT_NULL(agnode(s, agnameof(n), 0));
    }
    CU_ASSERT(!s && !t); /* as many subgraphs */
    compared++;
}

/* The diagram of one file with some parameters, written, read back by cgraph and compared. */
static void check_file(const char *path, const char *const *params)
{
    kg_graph_t *g = NULL;
    kg_error_t err;
    kg_opts_t *opts = NULL;
    CU_ASSERT_EQUAL_FATAL(kg_graph_new(&g), KG_OK);
    if (kg_host_import_file(host, g, path, NULL, NULL, &err) != KG_OK) {
        kg_graph_free(g);
        return; /* a file kgkit refuses is the importers' tests' business */
    }
    CU_ASSERT_EQUAL_FATAL(kg_opts_new(&opts), KG_OK);
    for (; params && *params; params++)
        CU_ASSERT_EQUAL(kg_opts_set_pair(opts, *params, &err), KG_OK);
    gv_options_t o;
    gv_stats_t stats;
    gv_doc_t *d = gv_prepare(g, opts, 0, &o, &stats, &err);
    CU_ASSERT_PTR_NOT_NULL_FATAL(d);
    char *text = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&text, &len);
    CU_ASSERT_EQUAL(gv_doc_write_dot(d, "kgkit", f, opts), KG_OK);
    fclose(f);
    Agraph_t *read = agmemread(text), *made = gv_doc_to_cgraph(d, "kgkit");
    if (!read)
        fprintf(stderr, "\n    %s: cgraph cannot read the DOT written", path);
    CU_ASSERT_PTR_NOT_NULL(read);
    CU_ASSERT_PTR_NOT_NULL(made);
    if (read && made)
        compare(read, made, path);
    if (read)
        agclose(read);
    if (made)
        agclose(made);
    free(text);
    gv_doc_free(d);
    kg_opts_free(opts);
    kg_graph_free(g);
}

static void test_own_graphs(void)
{
    static const char *const plain[] = {NULL};
    static const char *const sources[] = {"source_nodes=true", "edge_labels=on", NULL};
    static const char *const straight[] = {"edge_label_max=1", "claims=label", NULL}; /* the legend's own rank */
    static const char *const files[] = {KGKIT_SOURCE_DIR "/graphs/belarus/belarus.json",
                                        KGKIT_SOURCE_DIR "/tests/data/hostile-labels.json",
                                        KGKIT_SOURCE_DIR "/tests/data/disputed-relation.json",
                                        KGKIT_SOURCE_DIR "/tests/data/import-features.gv", NULL};
    for (size_t i = 0; files[i]; i++) {
        check_file(files[i], plain);
        check_file(files[i], sources);
        check_file(files[i], straight);
    }
    CU_ASSERT(compared >= 12);
}

/* Every file of a folder of ../shared that kgkit imports; a clear message when the folder is absent. */
static void check_dir(const char *dir, const char *const *params)
{
    DIR *d = opendir(dir);
    if (!d) {
        fprintf(stderr, "\n    skipped: %s is absent (a clone without ../shared)", dir);
        return;
    }
    struct dirent *ent;
    while ((ent = readdir(d))) {
        if (ent->d_name[0] == '.' || strstr(ent->d_name, "README"))
            continue;
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", dir, ent->d_name);
        check_file(path, params);
    }
    closedir(d);
}

static void test_real_files(void)
{
    static const char *const plain[] = {NULL};
    static const char *const sources[] = {"source_nodes=true", NULL};
    size_t before = compared;
    static const char *const dirs[] = {"gexf", "graphml", "gml", "dot", "csv", "nodelink-json", NULL};
    for (size_t i = 0; dirs[i]; i++) {
        char dir[4096];
        snprintf(dir, sizeof dir, "%s/%s", KGKIT_REALFILES_DIR, dirs[i]);
        check_dir(dir, plain);
        check_dir(dir, sources);
    }
    check_dir(KGKIT_CORPUS_DIR, plain);
    DIR *d = opendir(KGKIT_REALFILES_DIR);
    if (d) { /* with ../shared, real files were compared */
        closedir(d);
        CU_ASSERT(compared - before >= 20);
    }
}

int main(void)
{
    if (kg_host_new(&host) != KG_OK || kg_host_load_dir(host, KGKIT_BUILD_PLUGIN_DIR) == 0)
        return 1;
    static const test_case_t tests[] = {{"our graphs: DOT read back is the graph laid out", test_own_graphs},
                                        {"real files: DOT read back is the graph laid out", test_real_files},
                                        {NULL, NULL}};
    int rc = run_suite("dot", tests);
    fprintf(stderr, "%zu diagrams compared\n", compared);
    kg_host_free(host);
    return rc;
}
