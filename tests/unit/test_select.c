/* test_select.c - CUnit suite for selections: by kind, predicate, source, date range, neighbourhood, isolated entities; through the host's exports. */
#define _GNU_SOURCE
#include "test_util.h"

#include <stdarg.h>
#include <stdlib.h>
#include <unistd.h>

static kg_host_t *host;
static kg_graph_t *g;
static kg_error_t err;

static void load(const char *path)
{
    kg_graph_free(g);
    CU_ASSERT_EQUAL_FATAL(kg_graph_new(&g), KG_OK);
    int rc = kg_host_import_file(host, g, path, NULL, NULL, &err);
    if (rc)
        fprintf(stderr, "\n    %s\n", err.text);
    CU_ASSERT_EQUAL_FATAL(rc, KG_OK);
}

/* Selects with "key=value" pairs (NULL-terminated); NULL when it fails (err says why). */
static kg_graph_t *select_with(const char *pair, ...)
{
    kg_opts_t *opts;
    kg_opts_new(&opts);
    va_list ap;
    va_start(ap, pair);
    for (const char *p = pair; p; p = va_arg(ap, const char *))
        CU_ASSERT_EQUAL(kg_opts_set_pair(opts, p, &err), KG_OK);
    va_end(ap);
    kg_select_t s;
    int given = 0;
    kg_graph_t *out = NULL;
    int rc = kg_select_from_opts(&s, opts, &given, &err);
    if (rc == KG_OK) {
        CU_ASSERT(given);
        rc = kg_graph_select(g, &s, &out, &err);
        kg_select_clear(&s);
    }
    kg_opts_free(opts);
    return rc == KG_OK ? out : NULL;
}

static size_t non_sources(const kg_graph_t *x)
{
    size_t n = 0;
    for (kg_entity_t e = 0; e < kg_graph_entity_count(x); e++)
        n += !kg_entity_is_source(x, e);
    return n;
}

static int has_entity(const kg_graph_t *x, const char *id)
{
    return kg_graph_entity_by_id(x, id) != KG_NONE;
}

static void test_by_kind_and_predicate(void)
{
    load(KGKIT_DATA_DIR "/seed-claims.json");
    kg_graph_t *x = select_with("kinds=person, award", NULL);
    CU_ASSERT_PTR_NOT_NULL_FATAL(x);
    /* the two people, the prize; the one relation between them, and
     * Tsikhanouski's sentence (a claim on a person) */
    CU_ASSERT(has_entity(x, "person:ales-bialiatski") && has_entity(x, "award:nobel-peace-prize"));
    CU_ASSERT(!has_entity(x, "group:viasna") || kg_graph_stmt_count(x) > 0);
    size_t n;
    kg_graph_stmts_by_predicate(x, "awarded", &n);
    CU_ASSERT_EQUAL(n, 1);
    kg_graph_stmts_by_predicate(x, "founded", &n);
    CU_ASSERT_EQUAL(n, 0); /* Viasna is a group */
    kg_graph_stmts_by_predicate(x, "sentence_years", &n);
    CU_ASSERT_EQUAL(n, 1);
    /* the sources cited come along; declarations are copied */
    CU_ASSERT(has_entity(x, "src:002"));
    kg_predicate_t p;
    CU_ASSERT_EQUAL(kg_graph_predicate_declared(x, "deaths_in_custody", &p), KG_OK);
    CU_ASSERT_EQUAL(p.cumulative, 1);
    kg_graph_free(x);

    x = select_with("predicates=awarded,founded", NULL);
    CU_ASSERT_PTR_NOT_NULL_FATAL(x);
    CU_ASSERT_EQUAL(kg_graph_stmt_count(x), 2);
    kg_graph_free(x);
}

static void test_by_source(void)
{
    load(KGKIT_DATA_DIR "/seed-claims.json");
    kg_graph_t *x = select_with("sources=src:003", NULL);
    CU_ASSERT_PTR_NOT_NULL_FATAL(x);
    /* what the AP reported, with only the AP's citations */
    for (kg_stmt_t s = 0; s < kg_graph_stmt_count(x); s++) {
        CU_ASSERT_EQUAL(kg_stmt_cite_count(x, s), 1);
        ASSERT_STR(kg_entity_id(x, kg_stmt_cite(x, s, 0, NULL)), "src:003");
    }
    CU_ASSERT_EQUAL(kg_graph_stmt_count(x), 9);
    CU_ASSERT(!has_entity(x, "src:001"));
    CU_ASSERT(has_entity(x, "group:viasna")); /* according_to of kept statements */
    kg_graph_free(x);
    CU_ASSERT_PTR_NULL(select_with("sources=src:003,src:999", NULL));
    ASSERT_CONTAINS(err.text, "no source with id \"src:999\"");
}

static void test_by_date(void)
{
    load(KGKIT_DATA_DIR "/seed-claims.json");
    /* statements without as_of are dated by their sources: only src:003 is of 2025 */
    kg_graph_t *x = select_with("from=2025", NULL);
    CU_ASSERT_PTR_NOT_NULL_FATAL(x);
    CU_ASSERT_EQUAL(kg_graph_stmt_count(x), 9);
    kg_graph_free(x);
    /* December 2024 overlaps both "2024" and "2024-12" */
    x = select_with("from=2024-12", "to=2024-12-31", NULL);
    CU_ASSERT_PTR_NOT_NULL_FATAL(x);
    size_t n;
    kg_graph_stmts_by_predicate(x, "people_arrested_in_case", &n); /* as of 2025-07 */
    CU_ASSERT_EQUAL(n, 0);
    kg_graph_stmts_by_predicate(x, "political_prisoners_held", &n); /* src:000/002/004 (2024), src:001 */
    CU_ASSERT_EQUAL(n, 4);
    kg_graph_free(x);

    /* undated statements: kept unless undated=drop */
    kg_graph_free(g);
    kg_graph_new(&g);
    kg_entity_spec_t e = {0};
    e.id = "a";
    kg_graph_add_entity(g, &e, NULL, &err);
    e.id = "b";
    kg_graph_add_entity(g, &e, NULL, &err);
    kg_stmt_spec_t s;
    kg_stmt_spec_init(&s);
    s.subject = "a";
    s.predicate = "knows";
    s.object = "b";
    CU_ASSERT_EQUAL_FATAL(kg_graph_add_stmt(g, &s, NULL, &err), KG_OK);
    x = select_with("from=2024", NULL);
    CU_ASSERT_EQUAL(kg_graph_stmt_count(x), 1);
    kg_graph_free(x);
    x = select_with("from=2024", "undated=drop", NULL);
    CU_ASSERT_EQUAL(kg_graph_stmt_count(x), 0);
    kg_graph_free(x);
    CU_ASSERT_PTR_NULL(select_with("to=2024-13", NULL));
    ASSERT_CONTAINS(err.text, "parameter to: \"2024-13\" is not an ISO 8601 date");
    CU_ASSERT_PTR_NULL(select_with("undated=maybe", NULL));
    ASSERT_CONTAINS(err.text, "parameter undated must be \"keep\" or \"drop\", not \"maybe\"");
}

static void test_neighbourhood(void)
{
    load(KGKIT_DATA_DIR "/seed-claims.json");
    /* by alias; depth 1: Bialiatski, Viasna, the prize */
    kg_graph_t *x = select_with("around=Ales Bialiatski", NULL);
    CU_ASSERT_PTR_NOT_NULL_FATAL(x);
    CU_ASSERT_EQUAL(non_sources(x), 3);
    CU_ASSERT(has_entity(x, "group:viasna") && has_entity(x, "award:nobel-peace-prize"));
    CU_ASSERT(!has_entity(x, "place:belarus"));
    kg_graph_free(x);
    /* depth 0: the entity alone, with its claims */
    x = select_with("around=person:siarhei-tsikhanouski", "depth=0", NULL);
    CU_ASSERT_PTR_NOT_NULL_FATAL(x);
    CU_ASSERT_EQUAL(non_sources(x), 1);
    CU_ASSERT_EQUAL(kg_graph_stmt_count(x), 1);
    kg_graph_free(x);
    CU_ASSERT_PTR_NULL(select_with("around=Lukashenka", NULL));
    ASSERT_CONTAINS(err.text, "around: no entity with id or alias \"Lukashenka\"");
    CU_ASSERT_PTR_NULL(select_with("around=person:ales-bialiatski", "depth=-1", NULL));
    ASSERT_CONTAINS(err.text, "depth must be 0 or more");
}

static void test_isolated(void)
{
    load(KGKIT_DATA_DIR "/seed-claims.json");
    kg_graph_t *x = select_with("isolated=drop", NULL);
    CU_ASSERT_PTR_NOT_NULL_FATAL(x);
    /* only the entities in relations (Bialiatski, Viasna, the prize) and the
     * entities the kept statements are attributed to remain */
    CU_ASSERT(has_entity(x, "person:ales-bialiatski"));
    CU_ASSERT(!has_entity(x, "place:belarus"));
    CU_ASSERT(!has_entity(x, "event:pardon-round-6"));
    CU_ASSERT_EQUAL(kg_graph_stmt_count(x), 2);
    kg_graph_free(x);
}

static void test_through_exports(void)
{
    load(KGKIT_DATA_DIR "/seed-claims.json");
    kg_opts_t *opts;
    kg_opts_new(&opts);
    kg_opts_set(opts, "predicates", "awarded");
    char path[] = "/tmp/kgtest-select-XXXXXX";
    close(mkstemp(path));
    CU_ASSERT_EQUAL(kg_host_export_file(host, g, "json", path, opts, &err), KG_OK);
    kg_graph_t *back;
    kg_graph_new(&back);
    CU_ASSERT_EQUAL(kg_host_import_file(host, back, path, NULL, NULL, &err), KG_OK);
    CU_ASSERT_EQUAL(kg_graph_stmt_count(back), 1);
    kg_graph_free(back);
    /* an unknown parameter names the exporter's and the selection's */
    kg_opts_set(opts, "colour", "red");
    CU_ASSERT_EQUAL(kg_host_export_file(host, g, "json", path, opts, &err), KG_EUSAGE);
    ASSERT_CONTAINS(err.text, "exporter \"json\" has no parameter \"colour\"");
    ASSERT_CONTAINS(err.text, "kinds, predicates, sources, from, to");
    kg_opts_free(opts);
    unlink(path);
}

int main(void)
{
    if (kg_host_new(&host) != KG_OK || kg_host_load_dir(host, KGKIT_BUILD_PLUGIN_DIR) == 0)
        return 1;
    static const test_case_t tests[] = {{"by kind and predicate", test_by_kind_and_predicate},
                                        {"by source, with its citations only", test_by_source},
                                        {"by date range, undated kept or dropped", test_by_date},
                                        {"the neighbourhood of an entity", test_neighbourhood},
                                        {"isolated entities dropped", test_isolated},
                                        {"selections apply to every export", test_through_exports},
                                        {NULL, NULL}};
    int rc = run_suite("select", tests);
    kg_graph_free(g);
    kg_host_free(host);
    return rc;
}
