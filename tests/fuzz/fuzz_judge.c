/* fuzz_judge.c - the libFuzzer harness of the judgements file and the name keys: each input is read as a
 * judgements file and the Belarus graph merged by it (a refusal is fine, a crash, leak or sanitizer report is a
 * finding), and its text is made into name keys, skeletons and surname stems (kgkit/names.h). */
#define _GNU_SOURCE
#include <kgkit/kgkit.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static kg_graph_t *graph;
static char path[64];

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    kg_host_t *host;
    kg_error_t err;
    if (kg_host_new(&host))
        abort();
    kg_host_load_dir(host, KGKIT_BUILD_PLUGIN_DIR);
    if (kg_graph_new(&graph) || kg_host_import_file(host, graph, KG_FUZZ_GRAPH, NULL, NULL, &err)) {
        fprintf(stderr, "fuzz_judge: cannot read %s: %s\n", KG_FUZZ_GRAPH, err.text);
        abort();
    }
    kg_host_free(host);
    snprintf(path, sizeof path, "/tmp/kgkit-fuzz-judgements-%ld.jsonl", (long)getpid());
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
    FILE *f = fopen(path, "wb");
    if (!f)
        return 0;
    fwrite(data, 1, len, f);
    fclose(f);
    kg_judgements_t *j;
    kg_error_t err;
    if (kg_judgements_load(path, 0, &j, NULL, NULL, &err) == KG_OK) {
        kg_graph_t *merged = NULL;
        size_t n;
        if (kg_graph_apply_judgements(graph, j, &merged, &n, &err) == KG_OK)
            kg_graph_free(merged);
        kg_judgements_free(j);
    }
    /* the bytes as a name, when they are text */
    char *name = malloc(len + 1);
    if (name && !memchr(data, 0, len)) {
        memcpy(name, data, len);
        name[len] = '\0';
        kg_name_keys_t k = {0};
        if (kg_name_keys(name, &k) == KG_OK)
            for (size_t i = 0; i < k.n; i++) {
                char stem[128];
                kg_surname_gender(k.key[i], stem, sizeof stem);
            }
        kg_name_keys_free(&k);
        char skel[256];
        kg_name_skeleton(name, skel, sizeof skel);
    }
    free(name);
    return 0;
}
