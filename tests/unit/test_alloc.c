/* test_alloc.c - walks every allocation of a typical job (load plugins, import a graph, merge a second one,
 * query, select, export) and makes each fail in turn, in libkgkit and in jansson: every run must end in
 * success or a clean out-of-memory error (no crash; no leak under AddressSanitizer), and a failed import must
 * leave the graph exactly as it was. */
#define _GNU_SOURCE
#include <kgkit/host.h>
#include <kgkit/kgkit.h>
#include <kgkit/select.h>

#include <CUnit/Basic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "test_util.h"

static const char first[] =
    "{\"kgkit\": 1, \"sources\": [{\"id\": \"src:a\", \"title\": \"A\", \"published\": \"2024-09\"}],"
    " \"entities\": [{\"id\": \"person:x\", \"kind\": \"person\", \"label\": \"X\", \"aliases\": [\"Ex\"],"
    " \"attrs\": {\"n\": {\"deep\": [1, 2, 3]}}}, {\"id\": \"place:y\", \"kind\": \"place\"}],"
    " \"statements\": [{\"subject\": \"person:x\", \"predicate\": \"lives_in\", \"object\": \"place:y\","
    " \"sources\": [{\"id\": \"src:a\", \"quote\": \"X lives in Y\"}]},"
    " {\"subject\": \"place:y\", \"predicate\": \"population\", \"value\": {\"amount\": 1400, \"qualifier\": "
    "\"about\"}, \"as_of\": \"2024\", \"sources\": [\"src:a\"]}]}";
static const char second[] = "{\"type\": \"source\", \"id\": \"src:b\", \"title\": \"B\"}\n"
                             "{\"type\": \"entity\", \"id\": \"person:z\", \"label\": \"Z\"}\n"
                             "{\"type\": \"statement\", \"subject\": \"person:z\", \"predicate\": \"knows\", "
                             "\"object\": \"person:x\", \"sources\": [\"src:b\"]}\n";

static int is_oom(int rc, const kg_error_t *err)
{
    return rc == KG_ENOMEM || strstr(err->text, "out of memory") != NULL;
}

static int import_text(kg_host_t *h, kg_graph_t *g, const char *format, const char *text, kg_error_t *err)
{
    FILE *in = fmemopen((void *)text, strlen(text), "rb");
    if (!in)
        return KG_ENOMEM;
    const kg_importer_t *imp = kg_host_find_importer(h, format);
    CU_ASSERT_PTR_NOT_NULL_FATAL(imp);
    kg_graph_begin(g);
    int rc = imp->import(g, in, format, NULL, err);
    fclose(in);
    if (rc == KG_OK)
        kg_graph_commit(g);
    else
        kg_graph_rollback(g);
    return rc;
}

/* One run of the job. Returns KG_OK, or the out-of-memory code it ended with (asserting it is one). */
static int job(void)
{
    kg_host_t *h = NULL;
    kg_graph_t *g = NULL;
    kg_opts_t *opts = NULL;
    kg_graph_t *sub = NULL;
    char *buf = NULL;
    size_t len = 0;
    kg_error_t err;
    kg_error_clear(&err);
    int rc = kg_host_new(&h);
    if (rc)
        goto done;
    /* a plugin whose registration runs out of memory is reported and not loaded, which is not fatal */
    kg_host_load(h, KGKIT_BUILD_PLUGIN_DIR "/json.so", &err);
    if (!kg_host_find_importer(h, "json") || !kg_host_find_importer(h, "jsonl") || !kg_host_find_exporter(h, "json")) {
        rc = KG_ENOMEM; /* its registration ran out of memory */
        goto done;
    }
    if ((rc = kg_graph_new(&g)))
        goto done;
    if ((rc = import_text(h, g, "json", first, &err))) {
        CU_ASSERT_EQUAL(kg_graph_entity_count(g), 0); /* rolled back */
        goto done;
    }
    size_t ents = kg_graph_entity_count(g), stmts = kg_graph_stmt_count(g);
    CU_ASSERT_EQUAL(ents, 3);
    if ((rc = import_text(h, g, "jsonl", second, &err))) {
        CU_ASSERT_EQUAL(kg_graph_entity_count(g), ents); /* exactly as it was */
        CU_ASSERT_EQUAL(kg_graph_stmt_count(g), stmts);
        goto done;
    }
    kg_entity_t e;
    if ((rc = kg_graph_find(g, "Ex", &e, &err)))
        goto done;
    size_t n;
    kg_graph_stmts_by_subject(g, e, &n); /* builds the indexes */
    if ((rc = kg_opts_new(&opts)) || (rc = kg_opts_set(opts, "around", "person:x")) ||
        (rc = kg_opts_set(opts, "depth", "1")))
        goto done;
    kg_select_t sel;
    int given;
    if ((rc = kg_select_from_opts(&sel, opts, &given, &err)))
        goto done;
    rc = kg_graph_select(g, &sel, &sub, &err);
    kg_select_clear(&sel);
    if (rc)
        goto done;
    FILE *out = open_memstream(&buf, &len);
    if (!out) {
        rc = KG_ENOMEM;
        goto done;
    }
    rc = kg_host_find_exporter(h, "json")->export_graph(sub, out, NULL, &err);
    fclose(out);
done:
    if (rc != KG_OK && !is_oom(rc, &err)) {
        fprintf(stderr, "a failed allocation (%s) ended in something else: %d %s\n", getenv("KG_N") ? getenv("KG_N") : "", rc, err.text);
        CU_FAIL("not a clean out-of-memory error");
    }
    free(buf);
    kg_graph_free(sub);
    kg_opts_free(opts);
    kg_graph_free(g);
    kg_host_free(h);
    return rc;
}

static void test_every_allocation_fails_cleanly(void)
{
    kg_test_alloc_fail(0, 0);
    CU_ASSERT_EQUAL_FATAL(job(), KG_OK); /* the job itself works */
    long n, failures = 0;
    for (n = 1; n < 200000; n++) {
        kg_test_alloc_fail(n, 0);
        char nb[32];
        snprintf(nb, sizeof nb, "%ld", n);
        setenv("KG_N", nb, 1);
        int rc = job();
        int happened = kg_test_alloc_fail(0, 0);
        if (!happened) { /* every allocation of the job has had its turn */
            CU_ASSERT_EQUAL(rc, KG_OK);
            break;
        }
        failures += rc != KG_OK;
    }
    printf("\n    %ld allocations walked, %ld runs ended in out-of-memory ", n - 1, failures);
    CU_ASSERT(n > 100);
    /* and with every allocation failing from some point on (cleanup paths that allocate) */
    for (long k = 1; k < n; k += 1 + n / 300) {
        kg_test_alloc_fail(k, 1);
        job();
        kg_test_alloc_fail(0, 0);
    }
}

int main(void)
{
    static const test_case_t tests[] = {{"every allocation of a job fails in turn, cleanly", test_every_allocation_fails_cleanly},
                                        {NULL, NULL}};
    return run_suite("alloc", tests);
}
