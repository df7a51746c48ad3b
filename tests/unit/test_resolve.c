/* test_resolve.c - CUnit suite for the resolve analysis: small hand-made cases whose right answer each test argues, determinism and errors. */
#define _GNU_SOURCE
#include "test_util.h"
#include "agreement.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

static kg_host_t *host;
static kg_graph_t *g;
static kg_error_t err;
static rs_result_t result;

static void new_graph(void)
{
    kg_graph_free(g);
    CU_ASSERT_EQUAL_FATAL(kg_graph_new(&g), KG_OK);
    kg_predicate_t p;
    kg_predicate_init(&p, "pop");
    p.kind = KG_PRED_CLAIM;
    p.value_type = KG_VALUE_NUMBER;
    p.functional = 1;
    p.tolerance = 0.05;
    CU_ASSERT_EQUAL_FATAL(kg_graph_declare_predicate(g, &p, &err), KG_OK);
    kg_predicate_init(&p, "member_of");
    p.kind = KG_PRED_RELATION;
    p.functional = 0;
    CU_ASSERT_EQUAL_FATAL(kg_graph_declare_predicate(g, &p, &err), KG_OK);
}

static void entity(const char *id, const char *kind)
{
    kg_entity_spec_t s = {0};
    s.id = id;
    s.kind = kind;
    CU_ASSERT_EQUAL_FATAL(kg_graph_add_entity(g, &s, NULL, &err), KG_OK);
}

static void sources(int n)
{
    char id[16];
    for (int i = 1; i <= n; i++) {
        snprintf(id, sizeof id, "s%d", i);
        entity(id, KG_KIND_SOURCE);
    }
}

static void claim(const char *subject, double amount, kg_qualifier_t q, const char *as_of, const char *src)
{
    kg_stmt_spec_t s;
    kg_stmt_spec_init(&s);
    s.subject = subject;
    s.predicate = "pop";
    s.value.type = KG_VALUE_NUMBER;
    s.value.amount = amount;
    s.value.qualifier = q;
    s.as_of = as_of;
    kg_cite_t c = {src, NULL};
    s.cites = &c;
    s.n_cites = 1;
    int rc = kg_graph_add_stmt(g, &s, NULL, &err);
    if (rc)
        fprintf(stderr, "\n    %s\n", err.text);
    CU_ASSERT_EQUAL_FATAL(rc, KG_OK);
}

static void resolve_with(const rs_options_t *o)
{
    ag_options_t ao;
    ag_options_init(&ao);
    rs_result_free(&result);
    int rc = rs_resolve(g, &ao, o, NULL, &result, &err);
    if (rc)
        fprintf(stderr, "\n    %s\n", err.text);
    CU_ASSERT_EQUAL_FATAL(rc, KG_OK);
}

static void resolve(void)
{
    rs_options_t o;
    rs_options_init(&o);
    resolve_with(&o);
}

/* The chosen amount for subject at as_of (NULL: undated). */
static const rs_question_t *question(const char *subject, const char *as_of)
{
    for (size_t i = 0; i < result.n_questions; i++) {
        const rs_question_t *q = &result.questions[i];
        const ag_slot_t *sl = &result.ag.slots[q->slot];
        const char *t = result.ag.reports[result.ag.series[q->series].first].time.text;
        if (!strcmp(kg_entity_id(g, sl->subject), subject) && ((!t && !as_of) || (t && as_of && !strcmp(t, as_of))))
            return q;
    }
    CU_FAIL_FATAL("no such question");
    return NULL;
}

static double chosen(const char *subject, const char *as_of)
{
    const rs_question_t *q = question(subject, as_of);
    kg_value_t v;
    kg_stmt_value(g, result.ag.reports[result.cands[q->cand_first + q->best].rep].stmt, &v);
    return v.amount;
}

static double confidence(const char *subject, const char *as_of)
{
    const rs_question_t *q = question(subject, as_of);
    return result.cands[q->cand_first + q->best].p;
}

static uint32_t source_index(const char *id)
{
    for (size_t s = 0; s < result.ag.n_sources; s++)
        if (!strcmp(kg_entity_id(g, result.ag.sources[s].source), id))
            return (uint32_t)s;
    CU_FAIL_FATAL("no such source");
    return 0;
}

static char *run_plugin(kg_format_t format, const char *param)
{
    char *buf = NULL;
    size_t len = 0;
    kg_opts_t *opts = NULL;
    CU_ASSERT_EQUAL_FATAL(kg_opts_new(&opts), KG_OK);
    if (param)
        CU_ASSERT_EQUAL_FATAL(kg_opts_set_pair(opts, param, &err), KG_OK);
    FILE *f = open_memstream(&buf, &len);
    int rc = kg_host_analyze(host, g, "resolve", opts, format, f, &err);
    fclose(f);
    kg_opts_free(opts);
    if (rc) {
        free(buf);
        return NULL;
    }
    return buf;
}

/* ------------------------------------------------------------ cases */

/* s3, s4 and s5 say the same wrong thing on four facts where five others agree: they copy one another. On
 * four more facts s1 and s2 err, each in its own way, so that all five are equally right (half the time).
 * On the fact that matters, s1 and s2 say A and the three copies say B: counted once, the copies are one
 * origin against two, and A wins; counted three times, B would. */
static void test_copies_count_once(void)
{
    new_graph();
    sources(8);
    char subject[16];
    for (int t = 1; t <= 8; t++) {
        snprintf(subject, sizeof subject, "t%d", t);
        entity(subject, "place");
        int errs_copies = t <= 4;
        claim(subject, 100 * t, KG_Q_EXACT, "2020", "s6");
        claim(subject, 100 * t, KG_Q_EXACT, "2020", "s7");
        claim(subject, 100 * t, KG_Q_EXACT, "2020", "s8");
        for (int s = 3; s <= 5; s++) {
            char id[8];
            snprintf(id, sizeof id, "s%d", s);
            claim(subject, errs_copies ? 100 * t + 7 : 100 * t, KG_Q_EXACT, "2020", id);
        }
        claim(subject, errs_copies ? 100 * t : 100 * t + 11, KG_Q_EXACT, "2020", "s1");
        claim(subject, errs_copies ? 100 * t : 100 * t + 13, KG_Q_EXACT, "2020", "s2");
    }
    entity("target", "place");
    claim("target", 5000, KG_Q_EXACT, "2021", "s1");
    claim("target", 5000, KG_Q_EXACT, "2021", "s2");
    claim("target", 6000, KG_Q_EXACT, "2021", "s3");
    claim("target", 6000, KG_Q_EXACT, "2021", "s4");
    claim("target", 6000, KG_Q_EXACT, "2021", "s5");
    resolve();
    CU_ASSERT_EQUAL(result.n_copy_groups, 1);
    uint32_t s3 = source_index("s3");
    CU_ASSERT_EQUAL(result.copy_group[source_index("s4")], s3);
    CU_ASSERT_EQUAL(result.copy_group[source_index("s5")], s3);
    CU_ASSERT_EQUAL(result.copy_group[source_index("s1")], source_index("s1")); /* independent errors: no copy */
    CU_ASSERT_EQUAL(question("target", "2021")->origins, 3); /* s1, s2, and the copies as one */
    CU_ASSERT_DOUBLE_EQUAL(chosen("target", "2021"), 5000, 0);
    /* without the search for copies, three votes beat two */
    rs_options_t o;
    rs_options_init(&o);
    o.copies = 0;
    resolve_with(&o);
    CU_ASSERT_EQUAL(result.n_copy_groups, 0);
    CU_ASSERT_DOUBLE_EQUAL(chosen("target", "2021"), 6000, 0);
    /* and the training facts are right either way: five origins against three (or one) */
    CU_ASSERT_DOUBLE_EQUAL(chosen("t1", "2020"), 100, 0);
    CU_ASSERT_DOUBLE_EQUAL(chosen("t5", "2020"), 500, 0);
}

/* In 2020 three sources give 100. In 2021 one source gives 100 and another 110. The 100 of 2021 is most
 * likely a report about 2020 with the wrong year: it is discounted where it competes, and 110 wins. With
 * the discount off (mislabel=0) the two tie, and the tie goes to the value listed first (100). */
static void test_mislabelled_year(void)
{
    new_graph();
    sources(5);
    entity("city", "place");
    claim("city", 100, KG_Q_EXACT, "2020", "s1");
    claim("city", 100, KG_Q_EXACT, "2020", "s2");
    claim("city", 100, KG_Q_EXACT, "2020", "s3");
    claim("city", 100, KG_Q_EXACT, "2021", "s4");
    claim("city", 110, KG_Q_EXACT, "2021", "s5");
    resolve();
    CU_ASSERT_DOUBLE_EQUAL(chosen("city", "2020"), 100, 0);
    CU_ASSERT_DOUBLE_EQUAL(chosen("city", "2021"), 110, 0);
    CU_ASSERT(confidence("city", "2021") > 0.5);
    rs_options_t o;
    rs_options_init(&o);
    o.mislabel = 0;
    resolve_with(&o);
    CU_ASSERT_DOUBLE_EQUAL(chosen("city", "2021"), 100, 0);
    CU_ASSERT_DOUBLE_EQUAL(confidence("city", "2021"), 0.5, 1e-9);
    /* a slowly changing predicate reads the other way: 2020's three reports make 100 likely in 2021 too */
    const char *slow[] = {"pop"};
    rs_options_init(&o);
    o.slow = slow;
    o.n_slow = 1;
    resolve_with(&o);
    CU_ASSERT_DOUBLE_EQUAL(chosen("city", "2021"), 100, 0);
    CU_ASSERT(confidence("city", "2021") > 0.6);
}

/* "about 1,400" (1,330 to 1,470 at 5 %) supports 1,390, which s2 gives exactly; 1,250 stands alone. So 1,390
 * has the most support: s2's own and most of s1's, and it is chosen over both 1,400 and 1,250. */
static void test_about_against_exact(void)
{
    new_graph();
    sources(3);
    entity("by", "place");
    claim("by", 1400, KG_Q_ABOUT, "2024-09", "s1");
    claim("by", 1390, KG_Q_EXACT, "2024-09", "s2");
    claim("by", 1250, KG_Q_EXACT, "2024-09", "s3");
    resolve();
    const rs_question_t *q = question("by", "2024-09");
    CU_ASSERT_EQUAL(q->n_cand, 3);
    CU_ASSERT_DOUBLE_EQUAL(chosen("by", "2024-09"), 1390, 0);
    /* the runner-up is "about 1,400" (s1's own), then 1,250 */
    kg_value_t v;
    kg_stmt_value(g, result.ag.reports[result.cands[q->cand_first + q->second].rep].stmt, &v);
    CU_ASSERT_DOUBLE_EQUAL(v.amount, 1400, 0);
    /* "more than 1,300" and "thousands" bound the value but are no candidates beside a count */
    new_graph();
    sources(3);
    entity("by", "place");
    claim("by", 1300, KG_Q_MORE_THAN, "2024-09", "s1");
    claim("by", 1250, KG_Q_EXACT, "2024-09", "s2");
    claim("by", 1400, KG_Q_EXACT, "2024-09", "s3");
    resolve();
    CU_ASSERT_EQUAL(question("by", "2024-09")->n_cand, 2);
    CU_ASSERT_DOUBLE_EQUAL(chosen("by", "2024-09"), 1400, 0); /* more than 1,300 supports 1,400, not 1,250 */
    /* alone, bounds are the answer */
    new_graph();
    sources(1);
    entity("by", "place");
    claim("by", 1300, KG_Q_MORE_THAN, "2024-09", "s1");
    resolve();
    const rs_question_t *only = question("by", "2024-09");
    kg_stmt_value(g, result.ag.reports[result.cands[only->cand_first + only->best].rep].stmt, &v);
    CU_ASSERT_EQUAL(v.qualifier, KG_Q_MORE_THAN);
    CU_ASSERT_DOUBLE_EQUAL(result.cands[only->cand_first].p, 1, 0);
}

/* A value claimed for another date is evidence about that date: in 2024 two sources say 50, in 2025 one
 * says 60. 2025's answer is 60 (nothing said of 2025 supports 50), and 2024's is 50. */
static void test_dates_are_questions(void)
{
    new_graph();
    sources(3);
    entity("by", "place");
    claim("by", 50, KG_Q_EXACT, "2024", "s1");
    claim("by", 50, KG_Q_EXACT, "2024", "s2");
    claim("by", 60, KG_Q_EXACT, "2025", "s3");
    resolve();
    CU_ASSERT_EQUAL(result.n_questions, 2);
    CU_ASSERT_DOUBLE_EQUAL(chosen("by", "2024"), 50, 0);
    CU_ASSERT_DOUBLE_EQUAL(chosen("by", "2025"), 60, 0);
    CU_ASSERT_DOUBLE_EQUAL(confidence("by", "2025"), 1, 0);
}

/* A source right where it is contested earns trust, and its word then settles a tie elsewhere. */
static void test_trust_settles_ties(void)
{
    new_graph();
    sources(5);
    char subject[16];
    for (int t = 1; t <= 6; t++) { /* s1 agrees with s3 and s4; s2 is alone against them */
        snprintf(subject, sizeof subject, "t%d", t);
        entity(subject, "place");
        claim(subject, 10 * t, KG_Q_EXACT, "2020", "s1");
        claim(subject, 10 * t, KG_Q_EXACT, "2020", "s3");
        claim(subject, 10 * t, KG_Q_EXACT, "2020", "s4");
        claim(subject, 10 * t + 1, KG_Q_EXACT, "2020", "s2");
    }
    entity("tie", "place");
    claim("tie", 7, KG_Q_EXACT, "2020", "s2"); /* s2 listed first: a tie would go its way */
    claim("tie", 9, KG_Q_EXACT, "2020", "s1");
    resolve();
    CU_ASSERT(result.accuracy[source_index("s1")] > result.accuracy[source_index("s2")] + 0.3);
    CU_ASSERT_DOUBLE_EQUAL(chosen("tie", "2020"), 9, 0);
    CU_ASSERT(confidence("tie", "2020") > 0.8);
    /* a source never contested keeps the prior */
    CU_ASSERT_DOUBLE_EQUAL(result.accuracy[source_index("s5")], 0.8, 1e-12);
}

/* Through the plugin: the JSON answer, its sources for and against and the runner-up, written-back
 * attributes, byte-identical output whatever the insertion order, and errors that say what to do. */
static char *report_of_order(int reversed)
{
    new_graph();
    sources(3);
    entity("by", "place");
    entity("g", "group");
    static const double amounts[] = {1174, 1174, 1250};
    for (int k = 0; k < 3; k++) {
        int i = reversed ? 2 - k : k;
        char src[8];
        snprintf(src, sizeof src, "s%d", i + 1);
        claim("by", amounts[i], KG_Q_EXACT, "2025-07", src);
    }
    char *json = run_plugin(KG_FORMAT_JSON, NULL), *text = run_plugin(KG_FORMAT_TEXT, NULL), *both = NULL;
    CU_ASSERT_PTR_NOT_NULL_FATAL(json);
    CU_ASSERT_PTR_NOT_NULL_FATAL(text);
    CU_ASSERT(asprintf(&both, "%s\n%s", json, text) > 0);
    free(json);
    free(text);
    return both;
}

static void test_through_the_plugin(void)
{
    char *a = report_of_order(0), *b = report_of_order(1);
    CU_ASSERT_STRING_EQUAL(a, b);
    free(a);
    free(b);
    char *s = run_plugin(KG_FORMAT_JSON, NULL);
    CU_ASSERT_PTR_NOT_NULL_FATAL(s);
    json_error_t jerr;
    json_t *j = json_loads(s, 0, &jerr);
    free(s);
    CU_ASSERT_PTR_NOT_NULL_FATAL(j);
    json_t *r0 = json_array_get(json_object_get(j, "resolved"), 0);
    CU_ASSERT_STRING_EQUAL(json_string_value(json_object_get(r0, "subject")), "by");
    CU_ASSERT_STRING_EQUAL(json_string_value(json_object_get(r0, "as_of")), "2025-07");
    CU_ASSERT_EQUAL(json_integer_value(json_object_get(r0, "value")), 1174);
    json_t *support = json_object_get(r0, "support"), *against = json_object_get(r0, "against");
    CU_ASSERT_EQUAL(json_array_size(support), 2);
    CU_ASSERT_STRING_EQUAL(json_string_value(json_array_get(support, 0)), "s1");
    CU_ASSERT_STRING_EQUAL(json_string_value(json_array_get(support, 1)), "s2");
    CU_ASSERT_EQUAL(json_array_size(against), 1);
    CU_ASSERT_STRING_EQUAL(json_string_value(json_array_get(against, 0)), "s3");
    double conf = json_real_value(json_object_get(r0, "confidence"));
    json_t *ru = json_object_get(r0, "runner_up");
    CU_ASSERT_EQUAL(json_integer_value(json_object_get(ru, "value")), 1250);
    CU_ASSERT_DOUBLE_EQUAL(conf + json_real_value(json_object_get(ru, "confidence")), 1, 1e-9);
    CU_ASSERT(conf > 0.5);
    json_t *srcs = json_object_get(j, "sources");
    CU_ASSERT_EQUAL(json_array_size(srcs), 3);
    CU_ASSERT_EQUAL(json_integer_value(json_object_get(json_array_get(srcs, 0), "claims")), 1);
    json_decref(j);
    /* the chosen value is in the graph */
    const json_t *res = kg_entity_attr(g, kg_graph_entity_by_id(g, "by"), "resolved");
    json_t *first = json_array_get(json_object_get(res, "pop"), 0);
    CU_ASSERT_EQUAL(json_integer_value(json_object_get(first, "value")), 1174);
    CU_ASSERT_STRING_EQUAL(json_string_value(json_object_get(first, "as_of")), "2025-07");
    int chosen_n = 0;
    for (kg_stmt_t st = 0; st < kg_graph_stmt_count(g); st++)
        chosen_n += json_is_true(json_object_get(kg_stmt_attr(g, st, "resolution"), "chosen"));
    CU_ASSERT_EQUAL(chosen_n, 1); /* one statement holds 1,174 (cited twice) */
    /* the text report */
    char *t = run_plugin(KG_FORMAT_TEXT, NULL);
    CU_ASSERT_PTR_NOT_NULL_FATAL(t);
    ASSERT_CONTAINS(t, "by · pop · 2025-07: 1,174  (confidence");
    ASSERT_CONTAINS(t, "runner-up 1,250");
    free(t);
    /* errors */
    CU_ASSERT_PTR_NULL(run_plugin(KG_FORMAT_TEXT, "predicates=popp"));
    ASSERT_CONTAINS(err.text, "no predicate \"popp\" in the graph; did you mean \"pop\"?");
    CU_ASSERT_PTR_NULL(run_plugin(KG_FORMAT_TEXT, "predicates=member_of"));
    ASSERT_CONTAINS(err.text, "\"member_of\" is multi-valued");
    CU_ASSERT_PTR_NULL(run_plugin(KG_FORMAT_TEXT, "unsourced=maybe"));
    ASSERT_CONTAINS(err.text, "parameter unsourced must be \"error\" or \"skip\", not \"maybe\"");
    CU_ASSERT_PTR_NULL(run_plugin(KG_FORMAT_TEXT, "unsourced=skp"));
    ASSERT_CONTAINS(err.text, "not \"skp\" (did you mean \"skip\"?)");
    CU_ASSERT_PTR_NULL(run_plugin(KG_FORMAT_TEXT, "limit=-1"));
    ASSERT_CONTAINS(err.text, "resolve: parameter limit must be 0 or more, not -1");
    CU_ASSERT_PTR_NULL(run_plugin(KG_FORMAT_TEXT, "mislabel=2"));
    ASSERT_CONTAINS(err.text, "mislabel");
    CU_ASSERT_PTR_NULL(run_plugin(KG_FORMAT_TEXT, "slowly_changing=pop,popx"));
    ASSERT_CONTAINS(err.text, "parameter slowly_changing: no predicate \"popx\"");
    /* a multi-valued relation is left out and counted */
    kg_stmt_spec_t rel;
    kg_stmt_spec_init(&rel);
    rel.subject = "by";
    rel.predicate = "member_of";
    rel.object = "g";
    kg_cite_t c = {"s1", NULL};
    rel.cites = &c;
    rel.n_cites = 1;
    CU_ASSERT_EQUAL_FATAL(kg_graph_add_stmt(g, &rel, NULL, &err), KG_OK);
    resolve();
    CU_ASSERT_EQUAL(result.skipped_multi, 1);
    CU_ASSERT_EQUAL(result.n_questions, 1);
}

int main(void)
{
    if (kg_host_new(&host) != KG_OK || kg_host_load_dir(host, KGKIT_BUILD_PLUGIN_DIR) == 0)
        return 1;
    static const test_case_t tests[] = {
        {"copies count once", test_copies_count_once},
        {"a mislabelled year; slowly changing predicates", test_mislabelled_year},
        {"about against exact; bounds are no candidates", test_about_against_exact},
        {"each date is its own question", test_dates_are_questions},
        {"trust learned where contested settles ties", test_trust_settles_ties},
        {"through the plugin: JSON, attributes, determinism, errors", test_through_the_plugin},
        {NULL, NULL}};
    int rc = run_suite("resolve", tests);
    rs_result_free(&result);
    kg_graph_free(g);
    kg_host_free(host);
    return rc;
}
