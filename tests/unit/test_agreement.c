/* test_agreement.c - CUnit suite for the agreement analysis: interval and time rules, independence, statuses, sources, trust, and the seed articles' claims end to end. */
#define _GNU_SOURCE
#include "test_util.h"
#include "agreement.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static kg_host_t *host;
static kg_graph_t *g;
static kg_error_t err;

/* ---------------------------------------------------------------- helpers */

static kg_value_t num(double amount, kg_qualifier_t q)
{
    kg_value_t v;
    kg_value_init(&v);
    v.type = KG_VALUE_NUMBER;
    v.amount = amount;
    v.qualifier = q;
    return v;
}

static kg_value_t text(const char *t)
{
    kg_value_t v;
    kg_value_init(&v);
    v.type = KG_VALUE_TEXT;
    v.text = t;
    return v;
}

static ag_pred_info_t pred(double tolerance, const char *unit, int cumulative)
{
    ag_pred_info_t p = {"p", 1, cumulative, tolerance, unit, KG_PRED_CLAIM};
    return p;
}

static ag_compat_t cmp_num(double a, kg_qualifier_t qa, double b, kg_qualifier_t qb, double tol)
{
    kg_value_t x = num(a, qa), y = num(b, qb);
    ag_pred_info_t p = pred(tol, NULL, 0);
    ag_compat_t c1 = ag_values_compare(&x, &y, &p), c2 = ag_values_compare(&y, &x, &p);
    CU_ASSERT_EQUAL(c1, c2); /* symmetric */
    return c1;
}

static void new_graph(void)
{
    kg_graph_free(g);
    CU_ASSERT_EQUAL_FATAL(kg_graph_new(&g), KG_OK);
}

static void entity(const char *id, const char *kind, const char *date)
{
    kg_entity_spec_t s = {0};
    s.id = id;
    s.kind = kind;
    s.date = date;
    CU_ASSERT_EQUAL_FATAL(kg_graph_add_entity(g, &s, NULL, &err), KG_OK);
}

static void declare(const char *name, int cumulative, double tolerance)
{
    kg_predicate_t p;
    kg_predicate_init(&p, name);
    p.kind = KG_PRED_CLAIM;
    p.value_type = KG_VALUE_NUMBER;
    p.functional = 1;
    p.cumulative = cumulative;
    p.tolerance = tolerance;
    p.unit = "people";
    CU_ASSERT_EQUAL_FATAL(kg_graph_declare_predicate(g, &p, &err), KG_OK);
}

/* A claim cited by up to three sources (NULL-terminated after the first). */
static void claim(const char *subject, const char *predicate, kg_value_t v, const char *as_of, const char *by,
                  const char *src1, const char *src2, const char *src3)
{
    kg_stmt_spec_t s;
    kg_stmt_spec_init(&s);
    s.subject = subject;
    s.predicate = predicate;
    s.value = v;
    s.as_of = as_of;
    s.according_to = by;
    kg_cite_t c[3] = {{src1, NULL}, {src2, NULL}, {src3, NULL}};
    s.cites = c;
    s.n_cites = src3 ? 3 : src2 ? 2 : src1 ? 1 : 0;
    int rc = kg_graph_add_stmt(g, &s, NULL, &err);
    if (rc)
        fprintf(stderr, "\n    %s\n", err.text);
    CU_ASSERT_EQUAL_FATAL(rc, KG_OK);
}

static void relation(const char *subject, const char *predicate, const char *object, const char *src)
{
    kg_stmt_spec_t s;
    kg_stmt_spec_init(&s);
    s.subject = subject;
    s.predicate = predicate;
    s.object = object;
    kg_cite_t c = {src, NULL};
    s.cites = &c;
    s.n_cites = src ? 1 : 0;
    CU_ASSERT_EQUAL_FATAL(kg_graph_add_stmt(g, &s, NULL, &err), KG_OK);
}

/* Sources s1..s5 dated 2024-09, 2024-12, 2025-03, 2025-07 and undated; a place, two groups. */
static void basic_graph(void)
{
    new_graph();
    entity("s1", KG_KIND_SOURCE, "2024-09");
    entity("s2", KG_KIND_SOURCE, "2024-12");
    entity("s3", KG_KIND_SOURCE, "2025-03");
    entity("s4", KG_KIND_SOURCE, "2025-07");
    entity("s5", KG_KIND_SOURCE, NULL);
    entity("by", "place", NULL);
    entity("viasna", "group", NULL);
    entity("bysol", "group", NULL);
    declare("held", 0, 0.05);
    declare("deaths", 1, 0.05);
}

static ag_result_t result;

static void analyse_with(const ag_options_t *o)
{
    ag_result_free(&result);
    int rc = ag_analyse(g, o, NULL, &result, &err);
    if (rc)
        fprintf(stderr, "\n    %s\n", err.text);
    CU_ASSERT_EQUAL_FATAL(rc, KG_OK);
}

static void analyse(void)
{
    ag_options_t o;
    ag_options_init(&o);
    analyse_with(&o);
}

static const ag_slot_t *slot(const char *subject, const char *predicate)
{
    for (size_t i = 0; i < result.n_slots; i++) {
        const ag_slot_t *s = &result.slots[i];
        if (strcmp(kg_entity_id(g, s->subject), subject) == 0 && strcmp(result.preds[s->pred].name, predicate) == 0)
            return s;
    }
    CU_FAIL_FATAL("no such slot");
    return NULL;
}

static const ag_source_stats_t *source(const char *id)
{
    for (size_t i = 0; i < result.n_sources; i++)
        if (strcmp(kg_entity_id(g, result.sources[i].source), id) == 0)
            return &result.sources[i];
    CU_FAIL_FATAL("no such source");
    return NULL;
}

/* The report of one analysis run through the plugin host, as text. */
static char *run_plugin(kg_format_t format, const char *param)
{
    char *buf = NULL;
    size_t len = 0;
    kg_opts_t *opts = NULL;
    CU_ASSERT_EQUAL_FATAL(kg_opts_new(&opts), KG_OK);
    if (param)
        CU_ASSERT_EQUAL_FATAL(kg_opts_set_pair(opts, param, &err), KG_OK);
    FILE *f = open_memstream(&buf, &len);
    int rc = kg_host_analyze(host, g, "agreement", opts, format, f, &err);
    fclose(f);
    kg_opts_free(opts);
    if (rc) {
        free(buf);
        return NULL;
    }
    return buf;
}

static json_t *run_json(const char *param)
{
    char *s = run_plugin(KG_FORMAT_JSON, param);
    if (!s)
        fprintf(stderr, "\n    %s\n", err.text);
    CU_ASSERT_PTR_NOT_NULL_FATAL(s);
    json_error_t jerr;
    json_t *j = json_loads(s, 0, &jerr);
    if (!j)
        fprintf(stderr, "\n    report is not JSON: %s (line %d)\n", jerr.text, jerr.line);
    free(s);
    CU_ASSERT_PTR_NOT_NULL_FATAL(j);
    return j;
}

static json_t *json_slot(json_t *report, const char *subject, const char *predicate)
{
    size_t i;
    json_t *s;
    json_array_foreach(json_object_get(report, "slots"), i, s)
    {
        if (strcmp(json_string_value(json_object_get(s, "subject")), subject) == 0 &&
            strcmp(json_string_value(json_object_get(s, "predicate")), predicate) == 0)
            return s;
    }
    fprintf(stderr, "\n    no slot %s %s\n", subject, predicate);
    CU_FAIL_FATAL("slot missing from the report");
    return NULL;
}

static const char *jstr(json_t *o, const char *key)
{
    const char *s = json_string_value(json_object_get(o, key));
    return s ? s : "(none)";
}

static long jint(json_t *o, const char *key)
{
    return (long)json_integer_value(json_object_get(o, key));
}

/* ------------------------------------------------------ interval logic */

static void test_qualifier_pairs(void)
{
    /* every pair of qualifiers on the same amount, 100 (about: 95..105) */
    static const int expect[6][6] = {
        /*             exact about at_least more_than at_most fewer_than */
        /* exact */    {1, 1, 1, 0, 1, 0},
        /* about */    {1, 1, 1, 1, 1, 1},
        /* at_least */ {1, 1, 1, 1, 1, 0},
        /* more_than */{0, 1, 1, 1, 0, 0},
        /* at_most */  {1, 1, 1, 0, 1, 1},
        /* fewer_than*/{0, 1, 0, 0, 1, 1},
    };
    for (int a = 0; a <= KG_Q_FEWER_THAN; a++)
        for (int b = 0; b <= KG_Q_FEWER_THAN; b++) {
            ag_compat_t c = cmp_num(100, (kg_qualifier_t)a, 100, (kg_qualifier_t)b, 0.05);
            if ((c == AG_COMPATIBLE) != expect[a][b])
                fprintf(stderr, "\n    %s 100 vs %s 100: got %d\n", kg_qualifier_name((kg_qualifier_t)a),
                        kg_qualifier_name((kg_qualifier_t)b), c);
            CU_ASSERT_EQUAL(c == AG_COMPATIBLE, expect[a][b]);
        }
    /* the seeds' cases: lower bounds agree, about 1,400 and 1,174 do not */
    CU_ASSERT_EQUAL(cmp_num(6, KG_Q_AT_LEAST, 7, KG_Q_AT_LEAST, 0.05), AG_COMPATIBLE);
    CU_ASSERT_EQUAL(cmp_num(6, KG_Q_AT_LEAST, 8, KG_Q_AT_LEAST, 0.05), AG_COMPATIBLE);
    CU_ASSERT_EQUAL(cmp_num(1400, KG_Q_ABOUT, 1174, KG_Q_EXACT, 0.05), AG_INCOMPATIBLE);
    CU_ASSERT_EQUAL(cmp_num(1300, KG_Q_MORE_THAN, 1400, KG_Q_ABOUT, 0.05), AG_COMPATIBLE);
    CU_ASSERT_EQUAL(cmp_num(1200, KG_Q_MORE_THAN, 1174, KG_Q_EXACT, 0.05), AG_INCOMPATIBLE);
    /* different amounts across the bounds */
    CU_ASSERT_EQUAL(cmp_num(10, KG_Q_AT_MOST, 11, KG_Q_AT_LEAST, 0), AG_INCOMPATIBLE);
    CU_ASSERT_EQUAL(cmp_num(10, KG_Q_FEWER_THAN, 9, KG_Q_MORE_THAN, 0), AG_COMPATIBLE);
    CU_ASSERT_EQUAL(cmp_num(10, KG_Q_FEWER_THAN, 10, KG_Q_MORE_THAN, 0), AG_INCOMPATIBLE);
}

static void test_open_and_closed_bounds(void)
{
    ag_interval_t x;
    kg_value_t v = num(1200, KG_Q_MORE_THAN);
    ag_number_interval(&v, 0.05, &x);
    CU_ASSERT(x.lo == 1200 && x.lo_open && isinf(x.hi) && x.hi_open);
    v = num(6, KG_Q_AT_LEAST);
    ag_number_interval(&v, 0.05, &x);
    CU_ASSERT(x.lo == 6 && !x.lo_open && isinf(x.hi));
    v = num(10, KG_Q_FEWER_THAN);
    ag_number_interval(&v, 0.05, &x);
    CU_ASSERT(isinf(x.lo) && x.lo < 0 && x.hi == 10 && x.hi_open);

    CU_ASSERT_EQUAL(cmp_num(1200, KG_Q_EXACT, 1200, KG_Q_MORE_THAN, 0), AG_INCOMPATIBLE);
    CU_ASSERT_EQUAL(cmp_num(1201, KG_Q_EXACT, 1200, KG_Q_MORE_THAN, 0), AG_COMPATIBLE);
    CU_ASSERT_EQUAL(cmp_num(10, KG_Q_EXACT, 10, KG_Q_AT_MOST, 0), AG_COMPATIBLE);
    CU_ASSERT_EQUAL(cmp_num(10, KG_Q_EXACT, 10, KG_Q_FEWER_THAN, 0), AG_INCOMPATIBLE);

    /* explicit bounds replace the qualifier's end */
    ag_pred_info_t p = pred(0.05, NULL, 0);
    kg_value_t a = num(100, KG_Q_ABOUT), b = num(115, KG_Q_EXACT);
    CU_ASSERT_EQUAL(ag_values_compare(&a, &b, &p), AG_INCOMPATIBLE);
    a.lower = 90;
    a.upper = 120;
    CU_ASSERT_EQUAL(ag_values_compare(&a, &b, &p), AG_COMPATIBLE);
    a = num(6, KG_Q_AT_LEAST);
    a.upper = 10;
    b = num(11, KG_Q_EXACT);
    CU_ASSERT_EQUAL(ag_values_compare(&a, &b, &p), AG_INCOMPATIBLE);
    b.amount = 10;
    CU_ASSERT_EQUAL(ag_values_compare(&a, &b, &p), AG_COMPATIBLE);
}

static void test_tolerance(void)
{
    /* about 1,000 at 5 % is 950..1,050, edges included */
    CU_ASSERT_EQUAL(cmp_num(1000, KG_Q_ABOUT, 1050, KG_Q_EXACT, 0.05), AG_COMPATIBLE);
    CU_ASSERT_EQUAL(cmp_num(1000, KG_Q_ABOUT, 950, KG_Q_EXACT, 0.05), AG_COMPATIBLE);
    CU_ASSERT_EQUAL(cmp_num(1000, KG_Q_ABOUT, 1051, KG_Q_EXACT, 0.05), AG_INCOMPATIBLE);
    CU_ASSERT_EQUAL(cmp_num(1000, KG_Q_ABOUT, 949, KG_Q_EXACT, 0.05), AG_INCOMPATIBLE);
    /* two "about"s meet when their spans do */
    CU_ASSERT_EQUAL(cmp_num(1250, KG_Q_ABOUT, 1400, KG_Q_ABOUT, 0.05), AG_INCOMPATIBLE);
    CU_ASSERT_EQUAL(cmp_num(1250, KG_Q_ABOUT, 1380, KG_Q_ABOUT, 0.05), AG_COMPATIBLE);
    /* the tolerance is the predicate's */
    CU_ASSERT_EQUAL(cmp_num(1250, KG_Q_ABOUT, 1174, KG_Q_EXACT, 0.05), AG_INCOMPATIBLE);
    CU_ASSERT_EQUAL(cmp_num(1250, KG_Q_ABOUT, 1174, KG_Q_EXACT, 0.10), AG_COMPATIBLE);
    /* no tolerance: "about" is a point */
    CU_ASSERT_EQUAL(cmp_num(1000, KG_Q_ABOUT, 1001, KG_Q_EXACT, 0), AG_INCOMPATIBLE);
    CU_ASSERT_EQUAL(cmp_num(1000, KG_Q_ABOUT, 1000, KG_Q_EXACT, 0), AG_COMPATIBLE);
    /* negative amounts widen the same way */
    CU_ASSERT_EQUAL(cmp_num(-100, KG_Q_ABOUT, -104, KG_Q_EXACT, 0.05), AG_COMPATIBLE);
}

static void test_units(void)
{
    ag_pred_info_t declared = pred(0.05, "people", 0), bare = pred(0.05, NULL, 0);
    kg_value_t a = num(30, KG_Q_EXACT), b = num(30, KG_Q_EXACT);
    a.unit = "people";
    b.unit = "percent";
    CU_ASSERT_EQUAL(ag_values_compare(&a, &b, &bare), AG_INCOMPARABLE);
    b.unit = "People";
    CU_ASSERT_EQUAL(ag_values_compare(&a, &b, &bare), AG_COMPATIBLE);
    /* a value without unit takes the predicate's */
    b.unit = NULL;
    CU_ASSERT_EQUAL(ag_values_compare(&a, &b, &declared), AG_COMPATIBLE);
    a.unit = "percent";
    CU_ASSERT_EQUAL(ag_values_compare(&a, &b, &declared), AG_INCOMPARABLE);
    /* no unit anywhere: compared as numbers */
    a.unit = NULL;
    CU_ASSERT_EQUAL(ag_values_compare(&a, &b, &bare), AG_COMPATIBLE);
    /* a number against a text is not comparable */
    kg_value_t t = text("30");
    CU_ASSERT_EQUAL(ag_values_compare(&a, &t, &bare), AG_INCOMPARABLE);
}

static void test_texts_and_dates(void)
{
    ag_pred_info_t p = pred(0, NULL, 0);
    CU_ASSERT_EQUAL(ag_text_compare("  In  exile. ", "in exile"), 0);
    CU_ASSERT_EQUAL(ag_text_compare("Detained", "detained."), 0);
    CU_ASSERT_EQUAL(ag_text_compare("detained\n", "DETAINED"), 0);
    CU_ASSERT_NOT_EQUAL(ag_text_compare("released", "detained"), 0);
    CU_ASSERT_NOT_EQUAL(ag_text_compare("in exile", "inexile"), 0);
    CU_ASSERT_NOT_EQUAL(ag_text_compare("a.b", "ab"), 0);
    kg_value_t a = text("In exile"), b = text("in  exile."), c = text("detained");
    CU_ASSERT_EQUAL(ag_values_compare(&a, &b, &p), AG_COMPATIBLE);
    CU_ASSERT_EQUAL(ag_values_compare(&a, &c, &p), AG_INCOMPATIBLE);
    /* dates are the spans they name */
    kg_value_t d1, d2;
    kg_value_init(&d1);
    kg_value_init(&d2);
    d1.type = d2.type = KG_VALUE_DATE;
    d1.text = "2024";
    d2.text = "2024-11";
    CU_ASSERT_EQUAL(ag_values_compare(&d1, &d2, &p), AG_COMPATIBLE);
    d1.text = "2024-12";
    CU_ASSERT_EQUAL(ag_values_compare(&d1, &d2, &p), AG_INCOMPATIBLE);
    d1.text = "2024-11-16";
    CU_ASSERT_EQUAL(ag_values_compare(&d1, &d2, &p), AG_COMPATIBLE);
}

static ag_time_t at(const char *date)
{
    ag_time_t t;
    CU_ASSERT_EQUAL(ag_time_from(date, date ? AG_DATED_STATEMENT : AG_DATED_NONE, &t), 0);
    return t;
}

static void test_time_order_partial_dates(void)
{
    ag_time_t y = at("2024"), m = at("2024-11"), d = at("2024-11-16"), none = at(NULL);
    /* a partial date is the interval it names: nested ones cannot be ordered */
    CU_ASSERT_EQUAL(ag_time_order(&y, &m), 0);
    CU_ASSERT_EQUAL(ag_time_order(&m, &d), 0);
    CU_ASSERT_EQUAL(ag_time_order(&y, &d), 0);
    ag_time_t oct = at("2024-10"), d17 = at("2024-11-17"), y25 = at("2025"), dec31 = at("2024-12-31"),
              jan1 = at("2025-01-01");
    CU_ASSERT_EQUAL(ag_time_order(&oct, &d), -1);
    CU_ASSERT_EQUAL(ag_time_order(&d, &oct), 1);
    CU_ASSERT_EQUAL(ag_time_order(&d, &d17), -1);
    CU_ASSERT_EQUAL(ag_time_order(&y25, &m), 1);
    CU_ASSERT_EQUAL(ag_time_order(&dec31, &jan1), -1);
    CU_ASSERT_EQUAL(ag_time_order(&y, &jan1), -1);
    CU_ASSERT_EQUAL(ag_time_order(&none, &d), 0);
    ag_time_t bad;
    CU_ASSERT_EQUAL(ag_time_from("2024-13", AG_DATED_STATEMENT, &bad), -1);
    CU_ASSERT_EQUAL(bad.by, AG_DATED_NONE);
}

static ag_time_t by_source(const char *date)
{
    ag_time_t t;
    CU_ASSERT_EQUAL(ag_time_from(date, AG_DATED_SOURCE, &t), 0);
    return t;
}

static void test_judge(void)
{
    ag_time_t early = at("2024-09"), late = at("2025-07"), year = at("2024"), none = at(NULL);
    CU_ASSERT_EQUAL(ag_judge(AG_COMPATIBLE, &early, &early, 0, 0), -1);
    CU_ASSERT_EQUAL(ag_judge(AG_INCOMPARABLE, &early, &late, 0, 0), AG_WHY_UNITS);
    CU_ASSERT_EQUAL(ag_judge(AG_INCOMPATIBLE, &early, &none, 0, -1), AG_WHY_UNDATED);
    /* 2024 holds 2024-09 without being the same time: a change or a contradiction, the dates cannot tell */
    CU_ASSERT_EQUAL(ag_judge(AG_INCOMPATIBLE, &year, &early, 0, -1), AG_WHY_OVERLAP);
    /* the same date on both statements: the figure for the same time */
    CU_ASSERT_EQUAL(ag_judge(AG_INCOMPATIBLE, &early, &early, 0, -1), AG_WHY_SAME_TIME);
    CU_ASSERT_EQUAL(ag_judge(AG_INCOMPATIBLE, &year, &year, 0, -1), AG_WHY_SAME_TIME);
    /* two sources published in 2024 may be eleven months apart; two published in 2024-09 are not */
    ag_time_t sy1 = by_source("2024"), sy2 = by_source("2024"), sm1 = by_source("2024-09"), sm2 = by_source("2024-09");
    CU_ASSERT_EQUAL(ag_judge(AG_INCOMPATIBLE, &sy1, &sy2, 0, -1), AG_WHY_OVERLAP);
    CU_ASSERT_EQUAL(ag_judge(AG_INCOMPATIBLE, &sm1, &sm2, 0, -1), AG_WHY_SAME_TIME);
    /* intervals: disjoint ones order, overlapping ones do not, an open end reaches everything on its side */
    ag_time_t autumn = at("2024-09/2024-11"), winter = at("2024-12/2025-02"), late_autumn = at("2024-11/2024-12"),
              by_dec = at("../2024-12"), since_2025 = at("2025/..");
    CU_ASSERT_EQUAL(ag_judge(AG_INCOMPATIBLE, &autumn, &winter, 0, -1), AG_WHY_CHANGE);
    CU_ASSERT_EQUAL(ag_judge(AG_INCOMPATIBLE, &autumn, &late_autumn, 0, -1), AG_WHY_OVERLAP);
    CU_ASSERT_EQUAL(ag_judge(AG_INCOMPATIBLE, &by_dec, &early, 0, -1), AG_WHY_OVERLAP);
    CU_ASSERT_EQUAL(ag_judge(AG_INCOMPATIBLE, &by_dec, &since_2025, 0, -1), AG_WHY_CHANGE);
    CU_ASSERT_EQUAL(ag_time_order(&by_dec, &since_2025), -1);
    CU_ASSERT_EQUAL(ag_time_order(&since_2025, &late), 0);
    /* an open interval is never "the same time" when dated by a source */
    ag_time_t so1 = by_source("../2024-12"), so2 = by_source("../2024-12");
    CU_ASSERT_EQUAL(ag_judge(AG_INCOMPATIBLE, &so1, &so2, 0, -1), AG_WHY_OVERLAP);
    CU_ASSERT_EQUAL(ag_why_status(AG_WHY_OVERLAP), AG_UNDETERMINED);
    CU_ASSERT_EQUAL(ag_why_status(AG_WHY_UNDATED), AG_UNDETERMINED);
    CU_ASSERT_EQUAL(ag_why_status(AG_WHY_UNITS), AG_UNDETERMINED);
    CU_ASSERT_EQUAL(ag_why_status(AG_WHY_SAME_TIME), AG_CONFLICT);
    CU_ASSERT_EQUAL(ag_why_status(AG_WHY_DECREASE), AG_CONFLICT);
    CU_ASSERT_EQUAL(ag_judge(AG_INCOMPATIBLE, &early, &late, 0, 1), AG_WHY_CHANGE);
    /* a running total may grow, not shrink */
    CU_ASSERT_EQUAL(ag_judge(AG_INCOMPATIBLE, &early, &late, 1, -1), AG_WHY_CHANGE);
    CU_ASSERT_EQUAL(ag_judge(AG_INCOMPATIBLE, &early, &late, 1, 1), AG_WHY_DECREASE);
    CU_ASSERT_EQUAL(ag_judge(AG_INCOMPATIBLE, &late, &early, 1, -1), AG_WHY_DECREASE);
    CU_ASSERT_EQUAL(ag_judge(AG_INCOMPATIBLE, &late, &early, 1, 1), AG_WHY_CHANGE);
}

/* ------------------------------------------------------ slots in graphs */

static void test_independence(void)
{
    basic_graph();
    /* two outlets repeating Viasna: one origin, two reports */
    claim("by", "held", num(1300, KG_Q_MORE_THAN), "2024-09", "viasna", "s1", NULL, NULL);
    claim("by", "held", num(1350, KG_Q_ABOUT), "2024-09", "viasna", "s2", NULL, NULL);
    analyse();
    const ag_slot_t *s = slot("by", "held");
    CU_ASSERT_EQUAL(s->status, AG_SINGLE);
    CU_ASSERT_EQUAL(s->origins, 1);
    CU_ASSERT_EQUAL(s->count, 2);
    CU_ASSERT_EQUAL(s->sources, 2);
    /* one source citing the same origin twice is still one origin */
    claim("by", "held", num(1300, KG_Q_MORE_THAN), "2024-09", "viasna", "s3", NULL, NULL);
    analyse();
    CU_ASSERT_EQUAL(slot("by", "held")->origins, 1);
    CU_ASSERT_EQUAL(slot("by", "held")->count, 3);
    /* an outlet on its own account is a second origin */
    claim("by", "held", num(1320, KG_Q_EXACT), "2024-09", NULL, "s4", NULL, NULL);
    analyse();
    s = slot("by", "held");
    CU_ASSERT_EQUAL(s->status, AG_AGREED);
    CU_ASSERT_EQUAL(s->origins, 2);
    CU_ASSERT_EQUAL(s->count, 4);
    /* and another group a third */
    claim("by", "held", num(1300, KG_Q_AT_LEAST), "2024-09", "bysol", "s4", NULL, NULL);
    analyse();
    CU_ASSERT_EQUAL(slot("by", "held")->origins, 3);
}

static void test_conflict_whatever_the_origins(void)
{
    basic_graph();
    claim("by", "held", num(1400, KG_Q_ABOUT), "2024-09", NULL, "s1", "s2", "s3");
    claim("by", "held", num(1390, KG_Q_EXACT), "2024-09", "viasna", "s4", NULL, NULL);
    claim("by", "held", num(1174, KG_Q_EXACT), "2024-09", NULL, "s5", NULL, NULL);
    analyse();
    const ag_slot_t *s = slot("by", "held");
    CU_ASSERT_EQUAL(s->status, AG_CONFLICT);
    CU_ASSERT_EQUAL(s->origins, 5);
    /* 1,174 clashes with each of the four other reports, at the same date */
    CU_ASSERT_EQUAL(s->n_conflicts, 4);
    CU_ASSERT_EQUAL(s->n_changes, 0);
    for (uint32_t i = 0; i < s->n_conflicts; i++) {
        const ag_clash_t *c = &result.clashes[s->clash_first + i];
        CU_ASSERT_EQUAL(c->why, AG_WHY_SAME_TIME);
        CU_ASSERT(strcmp(kg_entity_id(g, result.reports[c->a].source), "s5") == 0 ||
                  strcmp(kg_entity_id(g, result.reports[c->b].source), "s5") == 0);
    }
    CU_ASSERT_EQUAL(result.by_status[AG_CONFLICT], 1);
}

static void test_change_over_time_and_running_totals(void)
{
    basic_graph();
    /* the count of political prisoners went from about 1,400 to 1,174 */
    claim("by", "held", num(1400, KG_Q_ABOUT), "2024-09", NULL, "s1", NULL, NULL);
    claim("by", "held", num(1174, KG_Q_EXACT), "2025-07", "viasna", "s4", NULL, NULL);
    /* a running total that falls is a conflict, one that grows a change */
    claim("by", "deaths", num(8, KG_Q_EXACT), "2024-09", NULL, "s1", NULL, NULL);
    claim("by", "deaths", num(6, KG_Q_EXACT), "2025-07", NULL, "s4", NULL, NULL);
    claim("viasna", "deaths", num(6, KG_Q_EXACT), "2024-09", NULL, "s1", NULL, NULL);
    claim("viasna", "deaths", num(8, KG_Q_EXACT), "2025-07", NULL, "s4", NULL, NULL);
    analyse();
    const ag_slot_t *held = slot("by", "held");
    CU_ASSERT_EQUAL(held->status, AG_CHANGED);
    CU_ASSERT_EQUAL(held->n_changes, 1);
    /* the series is in date order */
    CU_ASSERT_STRING_EQUAL(kg_entity_id(g, result.reports[held->first].source), "s1");
    CU_ASSERT_STRING_EQUAL(kg_entity_id(g, result.reports[held->first + 1].source), "s4");
    const ag_slot_t *fall = slot("by", "deaths");
    CU_ASSERT_EQUAL(fall->status, AG_CONFLICT);
    CU_ASSERT_EQUAL(result.clashes[fall->clash_first].why, AG_WHY_DECREASE);
    CU_ASSERT_EQUAL(slot("viasna", "deaths")->status, AG_CHANGED);
    char why[2048];
    ag_clash_explain(g, &result, &result.clashes[fall->clash_first], why, sizeof why);
    ASSERT_CONTAINS(why, "running total");
    ASSERT_CONTAINS(why, "falls from 8 (s1, as of 2024-09) to the later 6 (s4, as of 2025-07)");
}

static void test_partial_dates_in_slots(void)
{
    basic_graph();
    /* 2024 and 2024-11 overlap: the dates cannot tell a fall from 1,400 to 1,250 from a contradiction */
    claim("by", "held", num(1400, KG_Q_ABOUT), "2024", NULL, "s1", NULL, NULL);
    claim("by", "held", num(1250, KG_Q_ABOUT), "2024-11", NULL, "s2", NULL, NULL);
    /* 2024-10 and 2024-11-16 do not */
    claim("viasna", "held", num(1400, KG_Q_ABOUT), "2024-10", NULL, "s1", NULL, NULL);
    claim("viasna", "held", num(1250, KG_Q_ABOUT), "2024-11-16", NULL, "s2", NULL, NULL);
    /* the same month on both: the same time, a contradiction */
    claim("bysol", "held", num(1400, KG_Q_ABOUT), "2024-11", NULL, "s1", NULL, NULL);
    claim("bysol", "held", num(1250, KG_Q_ABOUT), "2024-11", NULL, "s2", NULL, NULL);
    analyse();
    const ag_slot_t *a = slot("by", "held");
    CU_ASSERT_EQUAL(a->status, AG_UNDETERMINED);
    CU_ASSERT_EQUAL(a->n_conflicts, 0);
    CU_ASSERT_EQUAL(a->n_undetermined, 1);
    CU_ASSERT_EQUAL(result.clashes[a->clash_first].why, AG_WHY_OVERLAP);
    char why[2048];
    ag_clash_explain(g, &result, &result.clashes[a->clash_first], why, sizeof why);
    ASSERT_CONTAINS(why, "2024-11 falls within 2024");
    ASSERT_CONTAINS(why, "cannot tell a change from a contradiction");
    ASSERT_CONTAINS(why, "[1,330 to 1,470]");
    CU_ASSERT_EQUAL(slot("viasna", "held")->status, AG_CHANGED);
    const ag_slot_t *b = slot("bysol", "held");
    CU_ASSERT_EQUAL(b->status, AG_CONFLICT);
    CU_ASSERT_EQUAL(result.clashes[b->clash_first].why, AG_WHY_SAME_TIME);
    ag_clash_explain(g, &result, &result.clashes[b->clash_first], why, sizeof why);
    ASSERT_CONTAINS(why, "both are dated 2024-11");
}

static void test_dates_from_sources(void)
{
    basic_graph();
    /* no as_of: the sources' publication dates (2024-09, 2025-07) order them */
    claim("by", "held", num(1400, KG_Q_ABOUT), NULL, NULL, "s1", NULL, NULL);
    claim("by", "held", num(1174, KG_Q_EXACT), NULL, NULL, "s4", NULL, NULL);
    /* an undated source leaves its claim undated: neither a change nor a contradiction can be told */
    claim("viasna", "held", num(1400, KG_Q_ABOUT), NULL, NULL, "s1", NULL, NULL);
    claim("viasna", "held", num(1174, KG_Q_EXACT), NULL, NULL, "s5", NULL, NULL);
    analyse();
    const ag_slot_t *s = slot("by", "held");
    CU_ASSERT_EQUAL(s->status, AG_CHANGED);
    CU_ASSERT_EQUAL(result.reports[s->first].time.by, AG_DATED_SOURCE);
    CU_ASSERT(result.dated_by_source);
    const ag_slot_t *u = slot("viasna", "held");
    CU_ASSERT_EQUAL(u->status, AG_UNDETERMINED);
    CU_ASSERT_EQUAL(result.clashes[u->clash_first].why, AG_WHY_UNDATED);
    /* without source dates nothing can be ordered */
    ag_options_t o;
    ag_options_init(&o);
    o.date_from_source = 0;
    analyse_with(&o);
    CU_ASSERT_EQUAL(slot("by", "held")->status, AG_UNDETERMINED);
    CU_ASSERT_EQUAL(result.clashes[slot("by", "held")->clash_first].why, AG_WHY_UNDATED);
    CU_ASSERT(!result.dated_by_source);
}

/* A time series with one disputed date: the slot is in conflict, but the verdict per date says which date. */
static void test_series_per_date(void)
{
    basic_graph();
    /* held by year: 2021 and 2023 have one count each; 2022 two that cannot both be true */
    claim("by", "held", num(100, KG_Q_EXACT), "2021", NULL, "s1", NULL, NULL);
    claim("by", "held", num(120, KG_Q_EXACT), "2022", NULL, "s1", NULL, NULL);
    claim("by", "held", num(120, KG_Q_EXACT), "2022", "viasna", "s2", NULL, NULL);
    claim("by", "held", num(150, KG_Q_EXACT), "2022", NULL, "s3", NULL, NULL);
    claim("by", "held", num(130, KG_Q_EXACT), "2023", NULL, "s2", NULL, NULL);
    analyse();
    const ag_slot_t *sl = slot("by", "held");
    CU_ASSERT_EQUAL(sl->status, AG_CONFLICT);
    CU_ASSERT_EQUAL(sl->n_conflicts, 2); /* 120 (s1), 120 (s2) each against 150 (s3) */
    CU_ASSERT_EQUAL_FATAL(sl->n_series, 3);
    const ag_date_verdict_t *d = &result.series[sl->series_first];
    CU_ASSERT_STRING_EQUAL(result.reports[d[0].first].time.text, "2021");
    CU_ASSERT_EQUAL(d[0].status, AG_SINGLE);
    CU_ASSERT_EQUAL(d[0].count, 1);
    CU_ASSERT_STRING_EQUAL(result.reports[d[1].first].time.text, "2022");
    CU_ASSERT_EQUAL(d[1].status, AG_CONFLICT);
    CU_ASSERT_EQUAL(d[1].count, 3);
    CU_ASSERT_EQUAL(d[1].origins, 3); /* s1, Viasna, s3 */
    CU_ASSERT_EQUAL(d[2].status, AG_SINGLE);
    /* the statements keep the slot's status and get their date's */
    const json_t *v2021 = kg_stmt_attr(g, 0, "agreement"), *v2022 = kg_stmt_attr(g, 1, "agreement");
    CU_ASSERT_STRING_EQUAL(jstr((json_t *)v2021, "status"), "conflict");
    CU_ASSERT_STRING_EQUAL(jstr((json_t *)v2021, "at_date"), "single");
    CU_ASSERT(json_is_false(json_object_get(v2021, "disputed")));
    CU_ASSERT_STRING_EQUAL(jstr((json_t *)v2022, "at_date"), "conflict");
    CU_ASSERT(json_is_true(json_object_get(v2022, "disputed")));
    /* JSON: the series, with indexes into the slot's reports */
    json_t *j = run_json(NULL), *series = json_object_get(json_slot(j, "by", "held"), "series");
    CU_ASSERT_EQUAL_FATAL(json_array_size(series), 3);
    CU_ASSERT_STRING_EQUAL(jstr(json_array_get(series, 1), "as_of"), "2022");
    CU_ASSERT_STRING_EQUAL(jstr(json_array_get(series, 1), "status"), "conflict");
    json_t *idx = json_object_get(json_array_get(series, 1), "reports");
    CU_ASSERT_EQUAL(json_array_size(idx), 3);
    CU_ASSERT_EQUAL(json_integer_value(json_array_get(idx, 0)), 1);
    CU_ASSERT_STRING_EQUAL(jstr(json_array_get(series, 2), "status"), "single");
    json_decref(j);
    /* text: a mark at the disputed date only */
    char *t = run_plugin(KG_FORMAT_TEXT, NULL);
    CU_ASSERT_PTR_NOT_NULL_FATAL(t);
    ASSERT_CONTAINS(t, "\n     2021                           100 ");
    ASSERT_CONTAINS(t, "\n   x 2022                           150 ");
    ASSERT_CONTAINS(t, "\n     2023                           130 ");
    ASSERT_CONTAINS(t, "1 fact is contradicted");
    free(t);
}

/* A series told step by step: each date's change to the next date that differs, not every pair. */
static void test_changes_step_by_step(void)
{
    basic_graph();
    claim("by", "held", num(100, KG_Q_EXACT), "2021", NULL, "s1", NULL, NULL);
    claim("by", "held", num(120, KG_Q_EXACT), "2022", NULL, "s2", NULL, NULL);
    claim("by", "held", num(130, KG_Q_EXACT), "2023", NULL, "s3", NULL, NULL);
    analyse();
    CU_ASSERT_EQUAL(slot("by", "held")->n_changes, 3); /* every pair is a change, in the JSON */
    char *t = run_plugin(KG_FORMAT_TEXT, NULL);
    CU_ASSERT_PTR_NOT_NULL_FATAL(t);
    ASSERT_CONTAINS(t, "what changed, each date to the next that differs:");
    ASSERT_CONTAINS(t, "changed from 100 (s1, as of 2021) to 120 (s2, as of 2022)");
    ASSERT_CONTAINS(t, "changed from 120 (s2, as of 2022) to 130 (s3, as of 2023)");
    CU_ASSERT_PTR_NULL(strstr(t, "changed from 100 (s1, as of 2021) to 130"));
    ASSERT_CONTAINS(t, "and 1 pair of dates further apart (all in --format json)");
    free(t);
}

/* "thousands" is a vague quantity: [1,000, inf), compatible with the counts inside it, never a count itself. */
static void test_vague_quantities(void)
{
    ag_pred_info_t p = pred(0.05, NULL, 0);
    kg_value_t thousands = num(NAN, KG_Q_THOUSANDS), handful = num(NAN, KG_Q_A_HANDFUL);
    thousands.amount = 1000;
    handful.amount = 2;
    kg_value_t c1400 = num(1400, KG_Q_ABOUT), c900 = num(900, KG_Q_EXACT), c5 = num(5, KG_Q_EXACT),
               c11 = num(11, KG_Q_EXACT), more999 = num(999, KG_Q_MORE_THAN), few1000 = num(1000, KG_Q_FEWER_THAN);
    CU_ASSERT_EQUAL(ag_values_compare(&thousands, &c1400, &p), AG_COMPATIBLE);
    CU_ASSERT_EQUAL(ag_values_compare(&thousands, &c900, &p), AG_INCOMPATIBLE);
    CU_ASSERT_EQUAL(ag_values_compare(&thousands, &more999, &p), AG_COMPATIBLE);
    CU_ASSERT_EQUAL(ag_values_compare(&thousands, &few1000, &p), AG_INCOMPATIBLE);
    CU_ASSERT_EQUAL(ag_values_compare(&handful, &c5, &p), AG_COMPATIBLE);
    CU_ASSERT_EQUAL(ag_values_compare(&handful, &c11, &p), AG_INCOMPATIBLE);
    CU_ASSERT_EQUAL(ag_values_compare(&handful, &thousands, &p), AG_INCOMPATIBLE);
    /* in a slot: "thousands" beside about 1,400 in the same article is no contradiction */
    basic_graph();
    claim("by", "held", num(1400, KG_Q_ABOUT), NULL, NULL, "s1", NULL, NULL);
    claim("by", "held", thousands, NULL, "viasna", "s1", NULL, NULL);
    /* "dozens" says at least a dozen: true of 1,400, false of ten the same month */
    kg_value_t dozens = num(NAN, KG_Q_DOZENS);
    claim("viasna", "held", num(10, KG_Q_EXACT), "2024-09", NULL, "s1", NULL, NULL);
    claim("viasna", "held", dozens, "2024-09", NULL, "s2", NULL, NULL);
    claim("bysol", "held", num(1400, KG_Q_ABOUT), "2024-09", NULL, "s1", NULL, NULL);
    claim("bysol", "held", dozens, "2024-09", NULL, "s2", NULL, NULL);
    analyse();
    CU_ASSERT_EQUAL(slot("by", "held")->status, AG_AGREED);
    CU_ASSERT_EQUAL(slot("bysol", "held")->status, AG_AGREED);
    CU_ASSERT_EQUAL_FATAL(slot("viasna", "held")->status, AG_CONFLICT);
    char why[2048];
    ag_clash_explain(g, &result, &result.clashes[slot("viasna", "held")->clash_first], why, sizeof why);
    ASSERT_CONTAINS(why, "10 (s1, as of 2024-09) and dozens (s2, as of 2024-09) cannot both be true");
    /* the JSON report writes it as the format does: no amount */
    json_t *j = run_json(NULL);
    json_t *reports = json_object_get(json_slot(j, "by", "held"), "reports"), *r;
    size_t i;
    int seen = 0;
    json_array_foreach(reports, i, r)
    {
        json_t *v = json_object_get(r, "value");
        if (!strcmp(jstr(v, "qualifier"), "thousands")) {
            CU_ASSERT_PTR_NULL(json_object_get(v, "amount"));
            seen = 1;
        }
    }
    CU_ASSERT(seen);
    json_decref(j);
}

static void test_same_source_same_moment(void)
{
    basic_graph();
    entity("s6", KG_KIND_SOURCE, "2024");
    entity("s7", KG_KIND_SOURCE, "2024");
    /* one article published some time in 2024 gives 1,400 and 2,000: one moment, a contradiction */
    claim("by", "held", num(1400, KG_Q_EXACT), NULL, NULL, "s6", NULL, NULL);
    claim("by", "held", num(2000, KG_Q_EXACT), NULL, "viasna", "s6", NULL, NULL);
    /* two articles of 2024 give them: months apart, perhaps */
    claim("viasna", "held", num(1400, KG_Q_EXACT), NULL, NULL, "s6", NULL, NULL);
    claim("viasna", "held", num(2000, KG_Q_EXACT), NULL, NULL, "s7", NULL, NULL);
    analyse();
    CU_ASSERT_EQUAL(slot("by", "held")->status, AG_CONFLICT);
    char why[2048];
    ag_clash_explain(g, &result, &result.clashes[slot("by", "held")->clash_first], why, sizeof why);
    ASSERT_CONTAINS(why, "both are in s6, as of its publication (2024)");
    CU_ASSERT_EQUAL(slot("viasna", "held")->status, AG_UNDETERMINED);
}

static void test_relations(void)
{
    basic_graph();
    entity("ales", "person", NULL);
    relation("ales", "founded", "viasna", "s1");
    relation("ales", "founded", "viasna", "s2");
    relation("ales", "founded", "bysol", "s3");
    analyse();
    /* multi-valued: each object is its own slot, only support counts */
    CU_ASSERT_EQUAL(result.n_slots, 2);
    CU_ASSERT_EQUAL(result.by_status[AG_AGREED], 1);
    CU_ASSERT_EQUAL(result.by_status[AG_SINGLE], 1);
    CU_ASSERT_EQUAL(result.by_status[AG_CONFLICT], 0);
    /* a functional relation makes different objects compete */
    kg_predicate_t p;
    kg_predicate_init(&p, "leads");
    p.kind = KG_PRED_RELATION;
    p.functional = 1;
    CU_ASSERT_EQUAL_FATAL(kg_graph_declare_predicate(g, &p, &err), KG_OK);
    kg_stmt_spec_t s;
    const char *objects[] = {"viasna", "bysol"}, *srcs[] = {"s1", "s2"};
    for (int i = 0; i < 2; i++) {
        kg_stmt_spec_init(&s);
        s.subject = "ales";
        s.predicate = "leads";
        s.object = objects[i];
        s.as_of = "2024";
        kg_cite_t c = {srcs[i], NULL};
        s.cites = &c;
        s.n_cites = 1;
        CU_ASSERT_EQUAL_FATAL(kg_graph_add_stmt(g, &s, NULL, &err), KG_OK);
    }
    analyse();
    CU_ASSERT_EQUAL(slot("ales", "leads")->status, AG_CONFLICT);
}

static void test_unsourced_claims(void)
{
    basic_graph();
    claim("by", "held", num(1400, KG_Q_ABOUT), "2024", NULL, "s1", NULL, NULL);
    claim("by", "held", num(1174, KG_Q_EXACT), "2025-07", "viasna", NULL, NULL, NULL);
    relation("viasna", "allied_with", "bysol", NULL);
    ag_options_t o;
    ag_options_init(&o);
    ag_result_free(&result);
    CU_ASSERT_EQUAL(ag_analyse(g, &o, NULL, &result, &err), KG_EINPUT);
    ASSERT_CONTAINS(err.text, "the claim \"by held 1,174\" cites no source");
    ASSERT_CONTAINS(err.text, "unsourced=skip");
    /* through the plugin, the same error, and a bad parameter value is named */
    CU_ASSERT_PTR_NULL(run_plugin(KG_FORMAT_TEXT, NULL));
    ASSERT_CONTAINS(err.text, "cites no source");
    CU_ASSERT_PTR_NULL(run_plugin(KG_FORMAT_TEXT, "unsourced=maybe"));
    ASSERT_CONTAINS(err.text, "unsourced must be \"error\" or \"skip\", not \"maybe\"");
    /* skipping leaves them out and counts them */
    o.skip_unsourced = 1;
    analyse_with(&o);
    CU_ASSERT_EQUAL(result.unsourced_claims, 1);
    CU_ASSERT_EQUAL(result.unsourced_relations, 1);
    CU_ASSERT_EQUAL(result.n_slots, 1);
    CU_ASSERT_EQUAL(slot("by", "held")->status, AG_SINGLE);
    char *report = run_plugin(KG_FORMAT_TEXT, "unsourced=skip");
    CU_ASSERT_PTR_NOT_NULL_FATAL(report);
    ASSERT_CONTAINS(report, "Left out, citing no source: 1 claim, 1 relation.");
    free(report);
}

static void test_annotation(void)
{
    basic_graph();
    claim("by", "held", num(1400, KG_Q_ABOUT), "2024-11", NULL, "s1", "s2", NULL);
    claim("by", "held", num(1250, KG_Q_ABOUT), "2024-11", "viasna", "s3", NULL, NULL);
    claim("by", "held", num(1300, KG_Q_MORE_THAN), "2024-11", "viasna", "s4", NULL, NULL);
    analyse();
    /* statement 0 conflicts with 1; statement 2 is compatible with both */
    const json_t *v0 = kg_stmt_attr(g, 0, "agreement"), *v1 = kg_stmt_attr(g, 1, "agreement"),
                 *v2 = kg_stmt_attr(g, 2, "agreement");
    CU_ASSERT_FATAL(json_is_object(v0) && json_is_object(v1) && json_is_object(v2));
    CU_ASSERT_STRING_EQUAL(jstr((json_t *)v0, "status"), "conflict");
    CU_ASSERT_EQUAL(jint((json_t *)v0, "origins"), 3);
    CU_ASSERT_EQUAL(jint((json_t *)v0, "reports"), 4);
    CU_ASSERT(json_is_true(json_object_get(v0, "disputed")));
    CU_ASSERT(json_is_true(json_object_get(v1, "disputed")));
    CU_ASSERT(json_is_false(json_object_get(v2, "disputed")));
    CU_ASSERT_STRING_EQUAL(jstr((json_t *)v2, "status"), "conflict");
    /* annotate=false writes nothing */
    basic_graph();
    claim("by", "held", num(1400, KG_Q_ABOUT), "2024", NULL, "s1", NULL, NULL);
    ag_options_t o;
    ag_options_init(&o);
    o.annotate = 0;
    analyse_with(&o);
    CU_ASSERT_PTR_NULL(kg_stmt_attr(g, 0, "agreement"));
    /* the JSON exporter carries the attributes */
    analyse();
    kg_opts_t *opts;
    kg_opts_new(&opts);
    char path[] = "/tmp/kgtest-agreement-XXXXXX";
    int fd = mkstemp(path);
    close(fd);
    CU_ASSERT_EQUAL(kg_host_export_file(host, g, "json", path, opts, &err), KG_OK);
    kg_opts_free(opts);
    json_error_t jerr;
    json_t *doc = json_load_file(path, 0, &jerr);
    unlink(path);
    CU_ASSERT_PTR_NOT_NULL_FATAL(doc);
    json_t *attrs = json_object_get(json_array_get(json_object_get(doc, "statements"), 0), "attrs");
    CU_ASSERT_STRING_EQUAL(jstr(json_object_get(attrs, "agreement"), "status"), "single");
    CU_ASSERT_EQUAL(jint(json_object_get(attrs, "agreement"), "origins"), 1);
    json_decref(doc);
}

static void test_sources_and_pairs(void)
{
    basic_graph();
    entity("ales", "person", NULL);
    /* s1, s2, s3 agree on held; s4 contradicts s1 and s2 at the same date */
    claim("by", "held", num(1300, KG_Q_MORE_THAN), "2024-09", NULL, "s1", NULL, NULL);
    claim("by", "held", num(1400, KG_Q_ABOUT), "2024-09", NULL, "s2", NULL, NULL);
    claim("by", "held", num(1000, KG_Q_AT_LEAST), "2024-09", NULL, "s3", NULL, NULL);
    claim("by", "held", num(1174, KG_Q_EXACT), "2024-09", NULL, "s4", NULL, NULL);
    /* s1 and s4 both report a relation */
    relation("ales", "founded", "viasna", "s1");
    relation("ales", "founded", "viasna", "s4");
    /* s5 reports alone */
    relation("ales", "founded", "bysol", "s5");
    analyse();
    const ag_source_stats_t *s1 = source("s1"), *s3 = source("s3"), *s4 = source("s4"), *s5 = source("s5");
    CU_ASSERT_EQUAL(s1->reports, 2);
    CU_ASSERT_EQUAL(s1->shared, 2);
    CU_ASSERT_EQUAL(s1->agreed, 1);
    CU_ASSERT_EQUAL(s1->conflicts, 1);
    CU_ASSERT_EQUAL(s3->shared, 1);
    CU_ASSERT_EQUAL(s3->agreed, 1); /* at least 1,000 fits everyone */
    CU_ASSERT_EQUAL(s4->shared, 2);
    CU_ASSERT_EQUAL(s4->agreed, 1);
    CU_ASSERT_EQUAL(s5->shared, 0);
    /* pairs: s1-s4 share two facts and agree on one; s1-s3 share one and agree */
    int seen = 0;
    for (size_t i = 0; i < result.n_pairs; i++) {
        const ag_pair_t *p = &result.pairs[i];
        const char *a = kg_entity_id(g, result.sources[p->a].source), *b = kg_entity_id(g, result.sources[p->b].source);
        CU_ASSERT(strcmp(a, b) < 0);
        if (!strcmp(a, "s1") && !strcmp(b, "s4")) {
            CU_ASSERT_EQUAL(p->shared, 2);
            CU_ASSERT_EQUAL(p->agreed, 1);
            seen++;
        }
        if (!strcmp(a, "s1") && !strcmp(b, "s3")) {
            CU_ASSERT_EQUAL(p->shared, 1);
            CU_ASSERT_EQUAL(p->agreed, 1);
            seen++;
        }
        CU_ASSERT(strcmp(a, "s5") != 0 && strcmp(b, "s5") != 0);
    }
    CU_ASSERT_EQUAL(seen, 2);
    /* six pairs among s1..s4 on held */
    CU_ASSERT_EQUAL(result.n_pairs, 6);
    json_t *j = run_json(NULL);
    json_t *src;
    size_t i;
    json_array_foreach(json_object_get(j, "sources"), i, src)
    {
        if (!strcmp(jstr(src, "id"), "s1"))
            CU_ASSERT_DOUBLE_EQUAL(json_real_value(json_object_get(src, "agreement")), 0.5, 1e-12);
        if (!strcmp(jstr(src, "id"), "s5"))
            CU_ASSERT(json_is_null(json_object_get(src, "agreement")));
    }
    /* slots=findings: the slots in conflict, undetermined or changed, and the same totals, sources and pairs */
    json_t *f = run_json("slots=findings"), *slot;
    json_t *totals = json_object_get(j, "totals");
    size_t findings = 0;
    json_array_foreach(json_object_get(f, "slots"), i, slot)
    {
        const char *st = jstr(slot, "status");
        CU_ASSERT(!strcmp(st, "conflict") || !strcmp(st, "undetermined") || !strcmp(st, "changed"));
        findings++;
    }
    CU_ASSERT(findings >= 1); /* "held" is in conflict */
    CU_ASSERT_EQUAL(findings, json_integer_value(json_object_get(totals, "conflict")) +
                                  json_integer_value(json_object_get(totals, "undetermined")) +
                                  json_integer_value(json_object_get(totals, "changed")));
    CU_ASSERT(json_array_size(json_object_get(j, "slots")) > findings); /* the agreed and single ones left out */
    CU_ASSERT(json_equal(totals, json_object_get(f, "totals")));
    CU_ASSERT(json_equal(json_object_get(j, "pairs"), json_object_get(f, "pairs")));
    ASSERT_STR(jstr(f, "slots_listed"), "findings");
    CU_ASSERT_PTR_NULL(json_object_get(j, "slots_listed"));
    json_decref(f);
    CU_ASSERT_PTR_NULL(run_plugin(KG_FORMAT_JSON, "slots=finding")); /* a typo is an error, not all of them */
    ASSERT_CONTAINS(err.text, "findings");
    /* pairs_min=2: the pairs sharing two facts or more, here s1 and s4 alone */
    json_t *p2 = run_json("pairs_min=2"), *pair;
    CU_ASSERT_EQUAL(json_array_size(json_object_get(p2, "pairs")), 1);
    json_array_foreach(json_object_get(p2, "pairs"), i, pair)
    {
        ASSERT_STR(jstr(pair, "a"), "s1");
        ASSERT_STR(jstr(pair, "b"), "s4");
    }
    CU_ASSERT_EQUAL(json_integer_value(json_object_get(p2, "pairs_min")), 2);
    CU_ASSERT_EQUAL(json_array_size(json_object_get(j, "pairs")), 6);
    json_decref(p2);
    CU_ASSERT_PTR_NULL(run_plugin(KG_FORMAT_JSON, "pairs_min=0"));
    ASSERT_CONTAINS(err.text, "pairs_min must be 1 or more");
    json_decref(j);
}

/* The same facts inserted in another order give byte-identical reports. */
static char *report_of_order(int reversed)
{
    basic_graph();
    entity("ales", "person", NULL);
    for (int k = 0; k < 5; k++) {
        int i = reversed ? 4 - k : k;
        static const char *const srcs[] = {"s1", "s2", "s3", "s4", "s5"};
        static const double amounts[] = {1400, 1250, 1300, 1174, 1200};
        static const kg_qualifier_t qs[] = {KG_Q_ABOUT, KG_Q_ABOUT, KG_Q_MORE_THAN, KG_Q_EXACT, KG_Q_MORE_THAN};
        claim("by", "held", num(amounts[i], qs[i]), NULL, i % 2 ? "viasna" : NULL, srcs[i], NULL, NULL);
        relation("ales", "founded", "viasna", srcs[i]);
    }
    char *json = run_plugin(KG_FORMAT_JSON, NULL), *text = run_plugin(KG_FORMAT_TEXT, NULL), *both = NULL;
    CU_ASSERT_PTR_NOT_NULL_FATAL(json);
    CU_ASSERT_PTR_NOT_NULL_FATAL(text);
    CU_ASSERT(asprintf(&both, "%s\n%s", json, text) > 0);
    free(json);
    free(text);
    return both;
}

static void test_deterministic(void)
{
    char *a = report_of_order(0), *again = NULL;
    /* twice on the same graph (the first run's attributes do not change the second) */
    char *json = run_plugin(KG_FORMAT_JSON, NULL), *text = run_plugin(KG_FORMAT_TEXT, NULL);
    CU_ASSERT(asprintf(&again, "%s\n%s", json, text) > 0);
    free(json);
    free(text);
    char *b = report_of_order(1);
    CU_ASSERT_STRING_EQUAL(a, again);
    CU_ASSERT_STRING_EQUAL(a, b);
    free(a);
    free(b);
    free(again);
}

/* The long lists are put in chunks on several threads and written in order: the same bytes as from one thread,
 * with findings only too (the first listed slot may then lie chunks in, and takes no comma). */
static void test_report_threads(void)
{
    new_graph();
    declare("held", 0, 0.05);
    enum { SOURCES = 160, PLACES = 12000 };
    char id[32], src[SOURCES][16];
    for (int i = 0; i < SOURCES; i++) {
        snprintf(src[i], sizeof src[i], "src%d", i);
        entity(src[i], KG_KIND_SOURCE, "2025-01");
    }
    for (int i = 0; i < PLACES; i++) { /* a finding at 2999, 3999, ... only (from the third chunk); ~12,000 pairs */
        snprintf(id, sizeof id, "place%d", i);
        entity(id, "place", NULL);
        int a = i % SOURCES, b = (i * 7 + 1 + i / SOURCES) % SOURCES;
        claim(id, "held", num(100 + i, KG_Q_EXACT), "2025-01", NULL, src[a], NULL, NULL);
        int finding = i > 2000 && i % 1000 == 999;
        claim(id, "held", num(finding ? 5000 + i : 100 + i, KG_Q_EXACT), "2025-01", NULL,
              src[b == a ? (a + 1) % SOURCES : b], NULL, NULL);
    }
    static const char *const params[] = {NULL, "slots=findings"};
    for (size_t k = 0; k < 2; k++) {
        setenv("KGKIT_THREADS", "1", 1);
        char *one = run_plugin(KG_FORMAT_JSON, params[k]);
        setenv("KGKIT_THREADS", "2", 1);
        char *two = run_plugin(KG_FORMAT_JSON, params[k]);
        setenv("KGKIT_THREADS", "5", 1);
        char *five = run_plugin(KG_FORMAT_JSON, params[k]);
        unsetenv("KGKIT_THREADS");
        CU_ASSERT_PTR_NOT_NULL_FATAL(one);
        CU_ASSERT_PTR_NOT_NULL_FATAL(two);
        CU_ASSERT_PTR_NOT_NULL_FATAL(five);
        CU_ASSERT_STRING_EQUAL(one, two);
        CU_ASSERT_STRING_EQUAL(one, five);
        json_t *j = json_loads(two, 0, NULL);
        CU_ASSERT_PTR_NOT_NULL_FATAL(j);
        size_t slots = json_array_size(json_object_get(j, "slots"));
        CU_ASSERT_EQUAL(slots, k ? 10 : PLACES);
        CU_ASSERT(json_array_size(json_object_get(j, "pairs")) > 8 * 1024); /* long enough for threads */
        CU_ASSERT_EQUAL(json_array_size(json_object_get(j, "sources")), SOURCES);
        json_decref(j);
        free(one);
        free(two);
        free(five);
    }
}

static void test_trust(void)
{
    basic_graph();
    /* s1, s2, s3 agree on three facts; s4 contradicts them on each */
    const char *subjects[] = {"by", "viasna", "bysol"};
    for (int i = 0; i < 3; i++) {
        claim(subjects[i], "held", num(100 + i, KG_Q_EXACT), "2024", NULL, "s1", "s2", "s3");
        claim(subjects[i], "held", num(500 + i, KG_Q_EXACT), "2024", NULL, "s4", NULL, NULL);
    }
    ag_options_t o;
    ag_options_init(&o);
    o.trust = 1;
    analyse_with(&o);
    CU_ASSERT(result.trust_computed);
    CU_ASSERT(result.trust_iterations >= 1 && result.trust_iterations <= 20);
    double t1 = source("s1")->trust, t4 = source("s4")->trust;
    CU_ASSERT(t1 > t4 + 0.3);
    CU_ASSERT(t1 > 0 && t1 < 1 && t4 > 0 && t4 < 1);
    CU_ASSERT(isnan(source("s5")->trust)); /* reports nothing */
    CU_ASSERT_DOUBLE_EQUAL(source("s2")->trust, t1, 1e-9);
    /* the majority's facts are the more confident */
    const ag_slot_t *s = slot("by", "held");
    double majority = NAN, minority = NAN;
    for (uint32_t i = 0; i < s->count; i++) {
        const ag_report_t *r = &result.reports[s->first + i];
        if (!strcmp(kg_entity_id(g, r->source), "s4"))
            minority = r->confidence;
        else
            majority = r->confidence;
    }
    CU_ASSERT(majority > 0.9 && minority < 0.1);
    CU_ASSERT_DOUBLE_EQUAL(majority + minority, 1, 1e-9); /* the two values of one date: probabilities */
    CU_ASSERT(json_is_real(json_object_get(kg_stmt_attr(g, 0, "agreement"), "confidence")));
    /* a multi-valued relation has no probability of its own, and no trust comes of it */
    relation("viasna", "allied_with", "bysol", "s5");
    analyse_with(&o);
    CU_ASSERT(isnan(source("s5")->trust));
    const ag_slot_t *rel = slot("viasna", "allied_with");
    CU_ASSERT(isnan(result.reports[rel->first].confidence));
    /* the JSON report says how trust was learned */
    json_t *j = run_json("trust=yes");
    CU_ASSERT_STRING_EQUAL(jstr(json_object_get(j, "trust"), "method"), "resolve");
    CU_ASSERT_EQUAL(jint(json_object_get(j, "trust"), "iterations"), result.trust_iterations);
    CU_ASSERT(json_is_real(json_object_get(json_array_get(json_object_get(j, "sources"), 0), "trust")));
    json_decref(j);
    /* TruthFinder's parameters are gone */
    CU_ASSERT_PTR_NULL(run_plugin(KG_FORMAT_TEXT, "trust_rho=0.5"));
    ASSERT_CONTAINS(err.text, "trust_rho");
}

/* ---------------------------------------------- the seed articles' claims */

static void load_seed_claims(void)
{
    new_graph();
    int rc = kg_host_import_file(host, g, KGKIT_DATA_DIR "/seed-claims.json", NULL, NULL, &err);
    if (rc)
        fprintf(stderr, "\n    %s:%d: %s\n", err.source, err.line, err.text);
    CU_ASSERT_EQUAL_FATAL(rc, KG_OK);
}

static int has_clash(json_t *slot, const char *list, const char *why, const char *src_a, const char *src_b)
{
    size_t i;
    json_t *c, *reports = json_object_get(slot, "reports");
    json_array_foreach(json_object_get(slot, list), i, c)
    {
        json_t *idx = json_object_get(c, "reports");
        const char *a = jstr(json_array_get(reports, json_integer_value(json_array_get(idx, 0))), "source");
        const char *b = jstr(json_array_get(reports, json_integer_value(json_array_get(idx, 1))), "source");
        if (!strcmp(jstr(c, "why"), why) &&
            ((!strcmp(a, src_a) && !strcmp(b, src_b)) || (!strcmp(a, src_b) && !strcmp(b, src_a))))
            return 1;
    }
    return 0;
}

static void test_seed_claims(void)
{
    load_seed_claims();
    json_t *j = run_json(NULL), *s;

    /* This fixture dates three of the five sources by their year only (the
     * Belarus graph dates them from their texts). Political prisoners: about
     * 1,400 (src:002, published in 2024) and about 1,250 (src:001, 2024-12)
     * may be a fall or a contradiction, and a year of publication cannot
     * tell; the fall to 1,174 (2025-07) is a change over time. Nothing is a
     * contradiction. */
    s = json_slot(j, "place:belarus", "political_prisoners_held");
    CU_ASSERT_STRING_EQUAL(jstr(s, "status"), "undetermined");
    CU_ASSERT_EQUAL(jint(s, "origins"), 3); /* Viasna, src:002, src:004 */
    CU_ASSERT_EQUAL(json_array_size(json_object_get(s, "reports")), 5);
    CU_ASSERT_EQUAL(json_array_size(json_object_get(s, "conflicts")), 0);
    CU_ASSERT_EQUAL(json_array_size(json_object_get(s, "undetermined")), 1);
    CU_ASSERT(has_clash(s, "undetermined", "overlap", "src:001", "src:002"));
    CU_ASSERT(has_clash(s, "changes", "change", "src:002", "src:003"));
    CU_ASSERT(has_clash(s, "changes", "change", "src:001", "src:003"));
    ASSERT_CONTAINS(jstr(json_array_get(json_object_get(s, "undetermined"), 0), "reason"),
                    "2024-12 falls within 2024");
    /* the series: the dates of 2024 (undetermined), 2024-12 (undetermined), 2025-07 (single: Viasna) */
    json_t *series = json_object_get(s, "series");
    CU_ASSERT_EQUAL_FATAL(json_array_size(series), 3);
    CU_ASSERT_STRING_EQUAL(jstr(json_array_get(series, 0), "as_of"), "2024");
    CU_ASSERT_STRING_EQUAL(jstr(json_array_get(series, 0), "status"), "undetermined");
    CU_ASSERT_EQUAL(json_array_size(json_object_get(json_array_get(series, 0), "reports")), 3);
    CU_ASSERT_STRING_EQUAL(jstr(json_array_get(series, 1), "as_of"), "2024-12");
    CU_ASSERT_STRING_EQUAL(jstr(json_array_get(series, 1), "status"), "undetermined");
    CU_ASSERT_STRING_EQUAL(jstr(json_array_get(series, 2), "as_of"), "2025-07");
    CU_ASSERT_STRING_EQUAL(jstr(json_array_get(series, 2), "status"), "single");
    /* the series ends with Viasna's 1,174 of mid-2025 */
    json_t *last = json_array_get(json_object_get(s, "reports"), 4);
    CU_ASSERT_STRING_EQUAL(jstr(last, "source"), "src:003");
    CU_ASSERT_EQUAL(jint(json_object_get(last, "value"), "amount"), 1174);
    CU_ASSERT_STRING_EQUAL(jstr(last, "as_of"), "2025-07");
    CU_ASSERT_STRING_EQUAL(jstr(last, "dated_by"), "source");
    CU_ASSERT_STRING_EQUAL(jstr(last, "according_to"), "group:viasna");
    ASSERT_CONTAINS(jstr(last, "quote"), "1,174 people behind bars");

    /* deaths in custody: at least six, seven, eight are compatible lower bounds */
    s = json_slot(j, "place:belarus", "deaths_in_custody");
    CU_ASSERT_STRING_EQUAL(jstr(s, "status"), "agreed");
    CU_ASSERT_EQUAL(jint(s, "origins"), 2); /* Viasna (three outlets) and the AP */
    CU_ASSERT_EQUAL(json_array_size(json_object_get(s, "reports")), 4);
    CU_ASSERT_EQUAL(json_array_size(json_object_get(s, "conflicts")), 0);

    /* total arrests: 65,000 against some 30,000, both in articles of 2024 (this fixture gives the 30,000 no
     * as_of of its own): months apart or the same time, the years cannot tell */
    s = json_slot(j, "place:belarus", "arrests_since_2020");
    CU_ASSERT_STRING_EQUAL(jstr(s, "status"), "undetermined");
    CU_ASSERT(has_clash(s, "undetermined", "overlap", "src:002", "src:004"));
    CU_ASSERT(has_clash(s, "undetermined", "overlap", "src:000", "src:004"));
    CU_ASSERT(!has_clash(s, "undetermined", "overlap", "src:000", "src:002")); /* about 65,000 = 65,000 */
    ASSERT_CONTAINS(jstr(json_array_get(json_object_get(s, "undetermined"), 0), "reason"),
                    "both are dated 2024 by their sources, which may be months apart");

    /* released since July 2024: 207 then more than 300, a running total that grew */
    s = json_slot(j, "place:belarus", "released_since_2024_07");
    CU_ASSERT_STRING_EQUAL(jstr(s, "status"), "changed");
    CU_ASSERT(has_clash(s, "changes", "change", "src:001", "src:003"));

    /* numbers pardoned per round */
    s = json_slot(j, "event:pardon-round-6", "people_pardoned");
    CU_ASSERT_STRING_EQUAL(jstr(s, "status"), "agreed"); /* Pul Pervogo and Tsikhanouskaya */
    CU_ASSERT_EQUAL(jint(s, "origins"), 2);
    CU_ASSERT_STRING_EQUAL(jstr(json_slot(j, "event:pardon-round-8", "people_pardoned"), "status"), "single");
    CU_ASSERT_STRING_EQUAL(jstr(json_slot(j, "event:pardon-of-30", "people_pardoned"), "status"), "single");
    CU_ASSERT_STRING_EQUAL(jstr(json_slot(j, "event:release-2025-06", "people_released"), "status"), "agreed");
    s = json_slot(j, "person:siarhei-tsikhanouski", "sentence_years");
    CU_ASSERT_DOUBLE_EQUAL(json_number_value(json_object_get(json_object_get(json_array_get(
                               json_object_get(s, "reports"), 0), "value"), "amount")),
                           19.5, 1e-12);

    /* relations: the Nobel prize from three outlets, Viasna's founder from two */
    s = json_slot(j, "person:ales-bialiatski", "awarded");
    CU_ASSERT_STRING_EQUAL(jstr(s, "status"), "agreed");
    CU_ASSERT_STRING_EQUAL(jstr(s, "object"), "award:nobel-peace-prize");
    CU_ASSERT_EQUAL(jint(s, "origins"), 3);

    json_t *totals = json_object_get(j, "totals");
    CU_ASSERT_EQUAL(jint(totals, "conflict"), 0);
    CU_ASSERT_EQUAL(jint(totals, "undetermined"), 2);
    CU_ASSERT_EQUAL(jint(totals, "changed"), 1);
    CU_ASSERT_EQUAL(jint(totals, "statements"), 25);
    json_decref(j);
}

static void test_seed_claims_text_report(void)
{
    load_seed_claims();
    char *t = run_plugin(KG_FORMAT_TEXT, NULL);
    CU_ASSERT_PTR_NOT_NULL_FATAL(t);
    /* what the dates cannot settle first (no contradictions here), then changes, corroborations, single origins,
     * sources */
    CU_ASSERT_PTR_NULL(strstr(t, "\nCONTRADICTIONS ("));
    ASSERT_CONTAINS(t, "0 contradicted · 2 the dates cannot settle · 1 changed over time");
    ASSERT_CONTAINS(t, "2 facts have values that differ where the dates cannot tell a change from a contradiction");
    const char *conflicts = strstr(t, "\nCANNOT TELL (2)"), *changes = strstr(t, "\nCHANGES OVER TIME (1)"),
               *agreed = strstr(t, "\nCORROBORATED ("), *single = strstr(t, "\nSINGLE ORIGIN ("),
               *sources = strstr(t, "\nSOURCES"), *pairs = strstr(t, "\nPAIRS OF SOURCES");
    CU_ASSERT_FATAL(conflicts && changes && agreed && single && sources && pairs);
    CU_ASSERT(conflicts < changes && changes < agreed && agreed < single && single < sources && sources < pairs);
    /* who says what, with the date and the quote */
    ASSERT_CONTAINS(t, "? 2024-12 (source date)          about 1,250 people         src:001, according to Viasna");
    /* the undisputed end of the series carries no mark */
    ASSERT_CONTAINS(t, "\n     2025-07 (source date)          1,174 people");
    ASSERT_CONTAINS(t, "\"some 30,000 people were arrested during the unrest\"");
    ASSERT_CONTAINS(t, "changed from 207 people (src:001, dated 2024-12 by the source) to more than 300 people");
    free(t);
}

int main(void)
{
    if (kg_host_new(&host) != KG_OK || kg_host_load_dir(host, KGKIT_BUILD_PLUGIN_DIR) == 0)
        return 1;
    static const test_case_t tests[] = {
        {"every pair of qualifiers", test_qualifier_pairs},
        {"open and closed bounds, explicit bounds", test_open_and_closed_bounds},
        {"tolerance of about", test_tolerance},
        {"units that differ", test_units},
        {"texts normalised, dates as spans", test_texts_and_dates},
        {"time order with partial dates", test_time_order_partial_dates},
        {"the verdict on two reports", test_judge},
        {"independence: one origin, many reports", test_independence},
        {"a conflict whatever the number of origins", test_conflict_whatever_the_origins},
        {"change over time and running totals", test_change_over_time_and_running_totals},
        {"partial dates in slots", test_partial_dates_in_slots},
        {"dates from sources", test_dates_from_sources},
        {"a series: a verdict per date", test_series_per_date},
        {"changes told step by step", test_changes_step_by_step},
        {"vague quantities", test_vague_quantities},
        {"one source, one moment", test_same_source_same_moment},
        {"relations: multi-valued and functional", test_relations},
        {"claims citing no source", test_unsourced_claims},
        {"results written back into the graph", test_annotation},
        {"per source and per pair agreement", test_sources_and_pairs},
        {"deterministic whatever the insertion order", test_deterministic},
        {"the same report from one thread or several", test_report_threads},
        {"trust scores", test_trust},
        {"the seed articles' claims", test_seed_claims},
        {"the seed articles' text report", test_seed_claims_text_report},
        {NULL, NULL}};
    int rc = run_suite("agreement", tests);
    ag_result_free(&result);
    kg_graph_free(g);
    kg_host_free(host);
    return rc;
}
