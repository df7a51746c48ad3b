/* test_graph.c - CUnit suite for the graph model: entities, sources, statements, merging, predicates, queries, transactions, dates. */
#define _GNU_SOURCE
#include "test_util.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

static kg_graph_t *g;
static kg_error_t err;
static int warnings;
static char last_warning[KG_ERROR_TEXT_LENGTH];

static void on_warn(void *ud, const kg_error_t *w)
{
    warnings++;
    snprintf(last_warning, sizeof last_warning, "%s", w->text);
}

static kg_entity_t ent(const char *id, const char *kind, const char *label)
{
    kg_entity_spec_t s = {0};
    s.id = id;
    s.kind = kind;
    s.label = label;
    kg_entity_t e = KG_NONE;
    CU_ASSERT_EQUAL_FATAL(kg_graph_add_entity(g, &s, &e, &err), KG_OK);
    return e;
}

static int rel(const char *subj, const char *pred, const char *obj, const char *src, const char *quote, kg_stmt_t *out)
{
    kg_stmt_spec_t s;
    kg_stmt_spec_init(&s);
    s.subject = subj;
    s.predicate = pred;
    s.object = obj;
    kg_cite_t c = {src, quote};
    if (src) {
        s.cites = &c;
        s.n_cites = 1;
    }
    return kg_graph_add_stmt(g, &s, out, &err);
}

static int claim(const char *subj, const char *pred, double amount, kg_qualifier_t q, const char *as_of,
                 const char *src, kg_stmt_t *out)
{
    kg_stmt_spec_t s;
    kg_stmt_spec_init(&s);
    s.subject = subj;
    s.predicate = pred;
    s.value.type = KG_VALUE_NUMBER;
    s.value.amount = amount;
    s.value.qualifier = q;
    s.as_of = as_of;
    kg_cite_t c = {src, NULL};
    if (src) {
        s.cites = &c;
        s.n_cites = 1;
    }
    return kg_graph_add_stmt(g, &s, out, &err);
}

static void setup(void)
{
    kg_graph_free(g);
    CU_ASSERT_EQUAL_FATAL(kg_graph_new(&g), KG_OK);
    kg_graph_set_warn_handler(g, on_warn, NULL);
    warnings = 0;
    last_warning[0] = '\0';
    kg_error_clear(&err);
    ent("src:ap", KG_KIND_SOURCE, "AP article");
    ent("src:dw", KG_KIND_SOURCE, "DW article");
    ent("place:belarus", "place", "Belarus");
    ent("group:viasna", "group", "Viasna");
    ent("person:ales", "person", "Ales Bialiatski");
}

static void test_entities_and_lookup(void)
{
    setup();
    const char *aliases[] = {"Tsikhanouskaya", "Tikhanovskaya"};
    kg_entity_spec_t s = {0};
    s.id = "person:sviatlana";
    s.kind = "person";
    s.label = "Sviatlana Tsikhanouskaya";
    s.aliases = aliases;
    s.n_aliases = 2;
    kg_entity_t e;
    CU_ASSERT_EQUAL(kg_graph_add_entity(g, &s, &e, &err), KG_OK);
    CU_ASSERT_EQUAL(kg_graph_entity_count(g), 6);
    kg_entity_t f;
    CU_ASSERT_EQUAL(kg_graph_find(g, "Tikhanovskaya", &f, &err), KG_OK);
    CU_ASSERT_EQUAL(f, e);
    CU_ASSERT_EQUAL(kg_graph_find(g, "Sviatlana Tsikhanouskaya", &f, &err), KG_OK);
    CU_ASSERT_EQUAL(f, e);
    CU_ASSERT_EQUAL(kg_graph_find(g, "person:sviatlana", &f, &err), KG_OK);
    CU_ASSERT_EQUAL(kg_graph_entity_by_id(g, "Tikhanovskaya"), KG_NONE); /* ids are not aliases */
    CU_ASSERT_EQUAL(kg_graph_find(g, "Nobody", &f, &err), KG_ENOTFOUND);
    ASSERT_CONTAINS(err.text, "\"Nobody\"");
    ASSERT_STR(kg_entity_kind(g, e), "person");
    CU_ASSERT_EQUAL(kg_entity_alias_count(g, e), 2);
    CU_ASSERT(kg_entity_is_source(g, kg_graph_entity_by_id(g, "src:ap")));
    CU_ASSERT(!kg_entity_is_source(g, e));
    /* an entity without kind is of kind "entity"; without label its name is the id */
    kg_entity_spec_t bare = {0};
    bare.id = "x:bare";
    CU_ASSERT_EQUAL(kg_graph_add_entity(g, &bare, &e, &err), KG_OK);
    ASSERT_STR(kg_entity_kind(g, e), "entity");
    ASSERT_STR(kg_entity_name(g, e), "x:bare");
    bare.id = "";
    CU_ASSERT_EQUAL(kg_graph_add_entity(g, &bare, &e, &err), KG_EINPUT);
}

static void test_ambiguous_alias(void)
{
    setup();
    const char *a[] = {"Siarhei"};
    kg_entity_spec_t s = {0};
    s.id = "person:a";
    s.aliases = a;
    s.n_aliases = 1;
    CU_ASSERT_EQUAL(kg_graph_add_entity(g, &s, NULL, &err), KG_OK);
    s.id = "person:b";
    CU_ASSERT_EQUAL(kg_graph_add_entity(g, &s, NULL, &err), KG_OK);
    kg_entity_t f;
    CU_ASSERT_EQUAL(kg_graph_find(g, "Siarhei", &f, &err), KG_ECONFLICT);
    ASSERT_CONTAINS(err.text, "person:a");
    ASSERT_CONTAINS(err.text, "person:b");
}

static void test_entity_merge(void)
{
    setup();
    const char *a1[] = {"Bialiatski"}, *a2[] = {"Ales Bialiatsky", "Bialiatski"};
    kg_entity_spec_t s = {0};
    s.id = "person:ales";
    s.aliases = a1;
    s.n_aliases = 1;
    json_t *attrs = json_pack("{s:s, s:i}", "nobel", "2022", "born", 1962);
    s.attrs = attrs;
    kg_entity_t e;
    CU_ASSERT_EQUAL(kg_graph_add_entity(g, &s, &e, &err), KG_OK);
    json_decref(attrs);
    s.aliases = a2;
    s.n_aliases = 2;
    s.label = "Ales Bialiatsky"; /* a different label: kept as alias, with a warning */
    attrs = json_pack("{s:s, s:i}", "country", "Belarus", "born", 1963);
    s.attrs = attrs;
    CU_ASSERT_EQUAL(kg_graph_add_entity(g, &s, &e, &err), KG_OK);
    json_decref(attrs);
    CU_ASSERT_EQUAL(kg_graph_entity_count(g), 5);
    ASSERT_STR(kg_entity_label(g, e), "Ales Bialiatski");
    CU_ASSERT_EQUAL(kg_entity_alias_count(g, e), 2); /* Bialiatski, Ales Bialiatsky: no duplicates */
    CU_ASSERT_EQUAL(warnings, 2);                    /* the label and the "born" attribute */
    ASSERT_CONTAINS(last_warning, "born");
    CU_ASSERT_EQUAL(json_integer_value(kg_entity_attr(g, e, "born")), 1962);
    ASSERT_STR(json_string_value(kg_entity_attr(g, e, "country")), "Belarus");
    ASSERT_STR(json_string_value(kg_entity_attr(g, e, "nobel")), "2022");
    /* a different kind cannot merge, and nothing changes */
    kg_entity_spec_t k = {0};
    k.id = "person:ales";
    k.kind = "group";
    k.aliases = (const char *[]){"New alias"};
    k.n_aliases = 1;
    CU_ASSERT_EQUAL(kg_graph_add_entity(g, &k, &e, &err), KG_ECONFLICT);
    ASSERT_CONTAINS(err.text, "person:ales");
    ASSERT_CONTAINS(err.text, "\"person\"");
    kg_entity_t f;
    CU_ASSERT_EQUAL(kg_graph_find(g, "New alias", &f, NULL), KG_ENOTFOUND);
}

static void test_statement_merge_and_citations(void)
{
    setup();
    kg_stmt_t s1, s2, s3;
    CU_ASSERT_EQUAL(rel("person:ales", "founded", "group:viasna", "src:ap", "the group's founder", &s1), KG_OK);
    CU_ASSERT_EQUAL(rel("person:ales", "founded", "group:viasna", "src:dw", NULL, &s2), KG_OK);
    CU_ASSERT_EQUAL(s1, s2);
    CU_ASSERT_EQUAL(rel("person:ales", "founded", "group:viasna", "src:ap", "the group's founder", &s2), KG_OK);
    CU_ASSERT_EQUAL(kg_graph_stmt_count(g), 1);
    CU_ASSERT_EQUAL(kg_stmt_cite_count(g, s1), 2);
    const char *quote;
    CU_ASSERT_EQUAL(kg_stmt_cite(g, s1, 0, &quote), kg_graph_entity_by_id(g, "src:ap"));
    ASSERT_STR(quote, "the group's founder");
    /* the same number at another date is another statement */
    CU_ASSERT_EQUAL(claim("place:belarus", "political_prisoners_held", 1300, KG_Q_MORE_THAN, "2024-10", "src:ap", &s2),
                    KG_OK);
    CU_ASSERT_EQUAL(claim("place:belarus", "political_prisoners_held", 1300, KG_Q_MORE_THAN, "2024-12", "src:dw", &s3),
                    KG_OK);
    CU_ASSERT_NOT_EQUAL(s2, s3);
    CU_ASSERT_EQUAL(claim("place:belarus", "political_prisoners_held", 1300, KG_Q_ABOUT, "2024-10", "src:dw", &s3), KG_OK);
    CU_ASSERT_NOT_EQUAL(s2, s3); /* another qualifier is another claim */
    CU_ASSERT_EQUAL(claim("place:belarus", "political_prisoners_held", 1300, KG_Q_MORE_THAN, "2024-10", "src:dw", &s3),
                    KG_OK);
    CU_ASSERT_EQUAL(s2, s3);
    CU_ASSERT_EQUAL(kg_graph_stmt_count(g), 4);
    kg_value_t v;
    kg_stmt_value(g, s2, &v);
    CU_ASSERT_EQUAL(v.type, KG_VALUE_NUMBER);
    CU_ASSERT_EQUAL(v.qualifier, KG_Q_MORE_THAN);
    CU_ASSERT_DOUBLE_EQUAL(v.amount, 1300, 0);
    CU_ASSERT(isnan(v.lower));
}

static void test_statement_errors(void)
{
    setup();
    kg_stmt_t s;
    CU_ASSERT_EQUAL(rel("person:ales", "founded", "group:nobody", "src:ap", NULL, &s), KG_ENOTFOUND);
    ASSERT_CONTAINS(err.text, "group:nobody");
    ASSERT_CONTAINS(err.text, "object");
    CU_ASSERT_EQUAL(rel("person:ales", "founded", "group:viasna", "src:missing", NULL, &s), KG_ENOTFOUND);
    ASSERT_CONTAINS(err.text, "src:missing");
    CU_ASSERT_EQUAL(rel("person:ales", "founded", "group:viasna", "place:belarus", NULL, &s), KG_EINPUT);
    ASSERT_CONTAINS(err.text, "not a source");
    CU_ASSERT_EQUAL(kg_graph_stmt_count(g), 0);
    kg_stmt_spec_t sp;
    kg_stmt_spec_init(&sp);
    sp.subject = "person:ales";
    sp.predicate = "x";
    CU_ASSERT_EQUAL(kg_graph_add_stmt(g, &sp, &s, &err), KG_EINPUT); /* neither object nor value */
    ASSERT_CONTAINS(err.text, "exactly one");
    sp.value.type = KG_VALUE_NUMBER;
    sp.value.amount = 5;
    sp.value.lower = 6;
    CU_ASSERT_EQUAL(kg_graph_add_stmt(g, &sp, &s, &err), KG_EINPUT);
    ASSERT_CONTAINS(err.text, "outside its bounds");
    sp.value.lower = NAN;
    sp.as_of = "2024-13";
    CU_ASSERT_EQUAL(kg_graph_add_stmt(g, &sp, &s, &err), KG_EINPUT);
    ASSERT_CONTAINS(err.text, "as_of");
    sp.as_of = NULL;
    sp.value.type = KG_VALUE_DATE;
    sp.value.text = "2024-02-30";
    CU_ASSERT_EQUAL(kg_graph_add_stmt(g, &sp, &s, &err), KG_EINPUT);
    ASSERT_CONTAINS(err.text, "value.date");
}

static void test_predicates(void)
{
    setup();
    kg_predicate_t d;
    kg_predicate_init(&d, "deaths_in_custody");
    d.kind = KG_PRED_CLAIM;
    d.value_type = KG_VALUE_NUMBER;
    d.cumulative = 1;
    d.unit = "people";
    CU_ASSERT_EQUAL(kg_graph_declare_predicate(g, &d, &err), KG_OK);
    kg_predicate_t p;
    CU_ASSERT_EQUAL(kg_graph_predicate(g, "deaths_in_custody", &p), KG_OK);
    CU_ASSERT_EQUAL(p.functional, 1); /* claims default to functional */
    CU_ASSERT_EQUAL(p.cumulative, 1);
    CU_ASSERT_DOUBLE_EQUAL(p.tolerance, 0.05, 1e-12);
    ASSERT_STR(p.unit, "people");
    /* a statement that contradicts the declaration names the field */
    kg_stmt_t s;
    CU_ASSERT_EQUAL(rel("place:belarus", "deaths_in_custody", "group:viasna", NULL, NULL, &s), KG_EINPUT);
    ASSERT_CONTAINS(err.text, "object");
    kg_stmt_spec_t sp;
    kg_stmt_spec_init(&sp);
    sp.subject = "place:belarus";
    sp.predicate = "deaths_in_custody";
    sp.value.type = KG_VALUE_TEXT;
    sp.value.text = "seven";
    CU_ASSERT_EQUAL(kg_graph_add_stmt(g, &sp, &s, &err), KG_EINPUT);
    ASSERT_CONTAINS(err.text, "value");
    ASSERT_CONTAINS(err.text, "number");
    /* declaring it again differently is a conflict */
    d.cumulative = 0;
    CU_ASSERT_EQUAL(kg_graph_declare_predicate(g, &d, &err), KG_ECONFLICT);
    ASSERT_CONTAINS(err.text, "cumulative");
    /* undeclared: inferred from use */
    CU_ASSERT_EQUAL(rel("person:ales", "founded", "group:viasna", NULL, NULL, &s), KG_OK);
    CU_ASSERT_EQUAL(kg_graph_predicate(g, "founded", &p), KG_OK);
    CU_ASSERT_EQUAL(p.kind, KG_PRED_RELATION);
    CU_ASSERT_EQUAL(p.functional, 0);
    CU_ASSERT_EQUAL(kg_graph_predicate_declared(g, "founded", &p), KG_OK);
    CU_ASSERT_EQUAL(p.kind, KG_PRED_UNKNOWN);
    /* declaring a used relation as a claim is refused: a conflict with the statements in */
    kg_predicate_init(&d, "founded");
    d.kind = KG_PRED_CLAIM;
    CU_ASSERT_EQUAL(kg_graph_declare_predicate(g, &d, &err), KG_ECONFLICT);
    CU_ASSERT_EQUAL(kg_graph_predicate(g, "never", &p), KG_ENOTFOUND);
}

static void test_queries(void)
{
    setup();
    ent("person:siarhei", "person", "Siarhei Tsikhanouski");
    ent("person:sviatlana", "person", "Sviatlana Tsikhanouskaya");
    kg_stmt_t a, b, c;
    rel("person:ales", "founded", "group:viasna", "src:ap", NULL, &a);
    rel("person:sviatlana", "spouse_of", "person:siarhei", "src:dw", NULL, &b);
    rel("person:ales", "member_of", "group:viasna", "src:dw", NULL, &c);
    claim("place:belarus", "political_prisoners_held", 1174, KG_Q_EXACT, "2025-06", "src:ap", NULL);
    size_t n;
    const kg_stmt_t *list = kg_graph_stmts_by_subject(g, kg_graph_entity_by_id(g, "person:ales"), &n);
    CU_ASSERT_EQUAL(n, 2);
    CU_ASSERT(list[0] == a && list[1] == c);
    list = kg_graph_stmts_by_object(g, kg_graph_entity_by_id(g, "group:viasna"), &n);
    CU_ASSERT_EQUAL(n, 2);
    list = kg_graph_stmts_by_source(g, kg_graph_entity_by_id(g, "src:dw"), &n);
    CU_ASSERT_EQUAL(n, 2);
    CU_ASSERT(list[0] == b && list[1] == c);
    list = kg_graph_stmts_by_predicate(g, "spouse_of", &n);
    CU_ASSERT_EQUAL(n, 1);
    CU_ASSERT_EQUAL(list[0], b);
    CU_ASSERT_PTR_NULL(kg_graph_stmts_by_predicate(g, "no_such", &n));
    CU_ASSERT_EQUAL(n, 0);
    kg_graph_entities_of_kind(g, "person", &n);
    CU_ASSERT_EQUAL(n, 3);
    kg_graph_entities_of_kind(g, KG_KIND_SOURCE, &n);
    CU_ASSERT_EQUAL(n, 2);
    CU_ASSERT_EQUAL(kg_graph_kind_count(g), 4);
    kg_entity_t *nb;
    CU_ASSERT_EQUAL(kg_graph_neighbours(g, kg_graph_entity_by_id(g, "group:viasna"), KG_BOTH, &nb, &n), KG_OK);
    CU_ASSERT_EQUAL(n, 1); /* two relations, one neighbour */
    CU_ASSERT_EQUAL(nb[0], kg_graph_entity_by_id(g, "person:ales"));
    kg_free(nb);
    CU_ASSERT_EQUAL(kg_graph_neighbours(g, kg_graph_entity_by_id(g, "group:viasna"), KG_OUT, &nb, &n), KG_OK);
    CU_ASSERT_EQUAL(n, 0);
    kg_free(nb);
    /* the index follows changes; kg_graph_prepare builds it ahead of readers, and says when it cannot */
    rel("person:siarhei", "member_of", "group:viasna", NULL, NULL, NULL);
    kg_test_alloc_fail(1, 1);
    CU_ASSERT_EQUAL(kg_graph_prepare(g), KG_ENOMEM);
    kg_test_alloc_fail(0, 0);
    CU_ASSERT_EQUAL(kg_graph_prepare(g), KG_OK);
    kg_test_alloc_fail(1, 1); /* built: the queries need no allocation now */
    kg_graph_stmts_by_object(g, kg_graph_entity_by_id(g, "group:viasna"), &n);
    CU_ASSERT_FALSE(kg_test_alloc_fail(0, 0));
    CU_ASSERT_EQUAL(n, 3);
    /* attributes written back by an analysis */
    CU_ASSERT_EQUAL(kg_stmt_attr_set_new(g, a, "status", json_string("agreed")), KG_OK);
    ASSERT_STR(json_string_value(kg_stmt_attr(g, a, "status")), "agreed");
    CU_ASSERT_EQUAL(kg_entity_attr_set_new(g, 0, "score", json_real(0.5)), KG_OK);
    CU_ASSERT_DOUBLE_EQUAL(json_real_value(kg_entity_attr(g, 0, "score")), 0.5, 0);
    CU_ASSERT_EQUAL(kg_entity_attr_set_new(g, 9999, "x", json_true()), KG_EUSAGE);
}

/* A verdict written back on many statements is one attribute object they share: a change to one statement's
 * attributes (another key, a merge, a rollback) is its own, never its neighbours'. */
static void test_shared_attrs(void)
{
    setup();
    kg_stmt_t a, b, c, d;
    rel("person:ales", "founded", "group:viasna", "src:ap", NULL, &a);
    rel("person:ales", "member_of", "group:viasna", "src:ap", NULL, &b);
    rel("group:viasna", "based_in", "place:belarus", "src:ap", NULL, &c);
    rel("person:ales", "lives_in", "place:belarus", "src:ap", NULL, &d);
    json_t *verdict = json_pack("{s:s}", "status", "agreed"); /* the analysis keeps one per kind of verdict */
    CU_ASSERT_EQUAL(kg_stmt_attr_set_new(g, a, "agreement", json_incref(verdict)), KG_OK);
    CU_ASSERT_EQUAL(kg_stmt_attr_set_new(g, b, "agreement", json_incref(verdict)), KG_OK);
    CU_ASSERT_PTR_NOT_NULL(kg_stmt_attrs(g, a));
    CU_ASSERT_PTR_EQUAL(kg_stmt_attrs(g, a), kg_stmt_attrs(g, b)); /* one object for both */
    CU_ASSERT_PTR_EQUAL(kg_stmt_attr(g, a, "agreement"), verdict);
    /* a value nobody else holds makes an object of the statement's own */
    CU_ASSERT_EQUAL(kg_stmt_attr_set_new(g, c, "agreement", json_string("single")), KG_OK);
    CU_ASSERT_EQUAL(kg_stmt_attrs(g, c)->refcount, 1);
    /* another key on a: a's alone */
    CU_ASSERT_EQUAL(kg_stmt_attr_set_new(g, a, "confidence", json_real(0.9)), KG_OK);
    CU_ASSERT_PTR_NOT_EQUAL(kg_stmt_attrs(g, a), kg_stmt_attrs(g, b));
    CU_ASSERT_PTR_NULL(kg_stmt_attr(g, b, "confidence"));
    CU_ASSERT_PTR_EQUAL(kg_stmt_attr(g, a, "agreement"), verdict); /* the value is still the shared one */
    CU_ASSERT_PTR_EQUAL(kg_stmt_attr(g, b, "agreement"), verdict);
    /* a merge into d's attributes while d shares them with b */
    CU_ASSERT_EQUAL(kg_stmt_attr_set_new(g, d, "agreement", json_incref(verdict)), KG_OK);
    CU_ASSERT_PTR_EQUAL(kg_stmt_attrs(g, d), kg_stmt_attrs(g, b));
    kg_stmt_spec_t m;
    kg_stmt_spec_init(&m);
    m.subject = "person:ales";
    m.predicate = "lives_in";
    m.object = "place:belarus";
    json_t *note = json_pack("{s:s}", "note", "from the DW piece");
    m.attrs = note;
    kg_cite_t cite = {"src:dw", NULL};
    m.cites = &cite;
    m.n_cites = 1;
    kg_stmt_t same;
    CU_ASSERT_EQUAL(kg_graph_add_stmt(g, &m, &same, &err), KG_OK);
    CU_ASSERT_EQUAL(same, d);
    json_decref(note);
    ASSERT_STR(json_string_value(kg_stmt_attr(g, d, "note")), "from the DW piece");
    CU_ASSERT_PTR_NULL(kg_stmt_attr(g, b, "note"));
    CU_ASSERT_PTR_EQUAL(kg_stmt_attr(g, b, "agreement"), verdict);
    /* a merge that adds nothing keeps b's object the shared one */
    const json_t *before = kg_stmt_attrs(g, b);
    kg_stmt_spec_init(&m);
    m.subject = "person:ales";
    m.predicate = "member_of";
    m.object = "group:viasna";
    json_t *same_verdict = json_pack("{s:{s:s}}", "agreement", "status", "agreed");
    m.attrs = same_verdict;
    CU_ASSERT_EQUAL(kg_graph_add_stmt(g, &m, &same, &err), KG_OK);
    CU_ASSERT_EQUAL(same, b);
    json_decref(same_verdict);
    CU_ASSERT_PTR_EQUAL(kg_stmt_attrs(g, b), before);
    /* written inside a transaction and rolled back: b's shared object is as it was */
    CU_ASSERT_EQUAL(kg_graph_begin(g), KG_OK);
    CU_ASSERT_EQUAL(kg_stmt_attr_set_new(g, b, "confidence", json_real(0.1)), KG_OK);
    CU_ASSERT_EQUAL(kg_graph_rollback(g), KG_OK);
    CU_ASSERT_PTR_EQUAL(kg_stmt_attrs(g, b), before);
    CU_ASSERT_PTR_NULL(kg_stmt_attr(g, b, "confidence"));
    json_decref(verdict);
}

static void test_transaction_rollback(void)
{
    setup();
    kg_stmt_t s;
    rel("person:ales", "founded", "group:viasna", "src:ap", NULL, &s);
    kg_entity_attr_set_new(g, kg_graph_entity_by_id(g, "person:ales"), "born", json_integer(1962));
    CU_ASSERT_EQUAL(kg_graph_begin(g), KG_OK);
    CU_ASSERT_EQUAL(kg_graph_begin(g), KG_EUSAGE);
    ent("person:new", "person", "New Person");
    kg_entity_spec_t m = {0};
    m.id = "person:ales";
    m.aliases = (const char *[]){"Ales"};
    m.n_aliases = 1;
    json_t *attrs = json_pack("{s:b}", "laureate", 1);
    m.attrs = attrs;
    CU_ASSERT_EQUAL(kg_graph_add_entity(g, &m, NULL, &err), KG_OK);
    json_decref(attrs);
    rel("person:ales", "founded", "group:viasna", "src:dw", NULL, NULL); /* adds a citation */
    rel("person:new", "member_of", "group:viasna", NULL, NULL, NULL);
    kg_stmt_attr_set_new(g, s, "status", json_string("agreed"));
    kg_predicate_t d;
    kg_predicate_init(&d, "founded");
    d.label = "founded";
    CU_ASSERT_EQUAL(kg_graph_declare_predicate(g, &d, &err), KG_OK);
    CU_ASSERT_EQUAL(kg_graph_entity_count(g), 6);
    CU_ASSERT_EQUAL(kg_stmt_cite_count(g, s), 2);
    CU_ASSERT_EQUAL(kg_graph_rollback(g), KG_OK);
    kg_entity_t ales = kg_graph_entity_by_id(g, "person:ales"), f;
    CU_ASSERT_EQUAL(kg_graph_entity_count(g), 5);
    CU_ASSERT_EQUAL(kg_graph_stmt_count(g), 1);
    CU_ASSERT_EQUAL(kg_graph_entity_by_id(g, "person:new"), KG_NONE);
    CU_ASSERT_EQUAL(kg_graph_find(g, "Ales", &f, NULL), KG_ENOTFOUND);
    CU_ASSERT_EQUAL(kg_graph_find(g, "Ales Bialiatski", &f, NULL), KG_OK);
    CU_ASSERT_EQUAL(kg_entity_alias_count(g, ales), 0);
    CU_ASSERT_PTR_NULL(kg_entity_attr(g, ales, "laureate"));
    CU_ASSERT_EQUAL(json_integer_value(kg_entity_attr(g, ales, "born")), 1962);
    CU_ASSERT_EQUAL(kg_stmt_cite_count(g, s), 1);
    CU_ASSERT_PTR_NULL(kg_stmt_attr(g, s, "status"));
    CU_ASSERT_EQUAL(kg_graph_predicate_declared(g, "founded", &d), KG_OK);
    CU_ASSERT_PTR_NULL(d.label);
    CU_ASSERT_EQUAL(kg_graph_predicate(g, "member_of", &d), KG_ENOTFOUND);
    size_t n;
    kg_graph_stmts_by_object(g, kg_graph_entity_by_id(g, "group:viasna"), &n);
    CU_ASSERT_EQUAL(n, 1);
    /* the statement identity table was restored too: re-adding merges */
    rel("person:ales", "founded", "group:viasna", "src:dw", NULL, NULL);
    CU_ASSERT_EQUAL(kg_graph_stmt_count(g), 1);
    /* commit keeps */
    CU_ASSERT_EQUAL(kg_graph_begin(g), KG_OK);
    ent("person:kept", "person", NULL);
    CU_ASSERT_EQUAL(kg_graph_commit(g), KG_OK);
    CU_ASSERT_NOT_EQUAL(kg_graph_entity_by_id(g, "person:kept"), KG_NONE);
    CU_ASSERT_EQUAL(kg_graph_rollback(g), KG_EUSAGE);
}

static void test_dates(void)
{
    kg_date_t d;
    CU_ASSERT_EQUAL(kg_date_parse("2024", &d), KG_OK);
    CU_ASSERT(d.year == 2024 && d.month == 0 && d.day == 0);
    CU_ASSERT_EQUAL(kg_date_parse("2024-11", &d), KG_OK);
    CU_ASSERT_EQUAL(kg_date_parse("2024-11-16", &d), KG_OK);
    CU_ASSERT_EQUAL(kg_date_parse("2024-02-29", &d), KG_OK);
    CU_ASSERT_EQUAL(kg_date_parse("2023-02-29", &d), KG_EINPUT);
    CU_ASSERT_EQUAL(kg_date_parse("2024-13", &d), KG_EINPUT);
    CU_ASSERT_EQUAL(kg_date_parse("2024-1", &d), KG_EINPUT);
    CU_ASSERT_EQUAL(kg_date_parse("24", &d), KG_EINPUT);
    CU_ASSERT_EQUAL(kg_date_parse("2024/11/16", &d), KG_EINPUT);
    int64_t a0, a1, b0, b1;
    kg_date_t y = {1970, 1, 1};
    kg_date_span(&y, &a0, &a1);
    CU_ASSERT(a0 == 0 && a1 == 0);
    kg_date_t year = {2024, 0, 0}, month = {2024, 11, 0}, day = {2024, 11, 16};
    kg_date_span(&year, &a0, &a1);
    CU_ASSERT_EQUAL(a1 - a0, 365); /* a leap year: 366 days */
    kg_date_span(&month, &b0, &b1);
    CU_ASSERT(b0 >= a0 && b1 <= a1); /* 2024 contains 2024-11 */
    CU_ASSERT_EQUAL(b1 - b0, 29);
    kg_date_span(&day, &a0, &a1);
    CU_ASSERT(a0 == a1 && a0 >= b0 && a0 <= b1);
    CU_ASSERT_EQUAL(a0, 20043); /* days from 1970-01-01 to 2024-11-16 */
}

static void test_intervals(void)
{
    kg_when_t w;
    const char *why = NULL;
    char day[16];
    /* a single date is the span it names */
    CU_ASSERT_EQUAL(kg_when_parse("2024-11", &w, &why), KG_OK);
    kg_day_format(w.first, day, sizeof day);
    CU_ASSERT_STRING_EQUAL(day, "2024-11-01");
    kg_day_format(w.last, day, sizeof day);
    CU_ASSERT_STRING_EQUAL(day, "2024-11-30");
    CU_ASSERT(!kg_when_is_interval("2024-11"));
    /* start/end: from the start of the first to the end of the second */
    CU_ASSERT_EQUAL(kg_when_parse("2024-08/2024-09", &w, &why), KG_OK);
    CU_ASSERT(kg_when_is_interval("2024-08/2024-09"));
    kg_day_format(w.first, day, sizeof day);
    CU_ASSERT_STRING_EQUAL(day, "2024-08-01");
    kg_day_format(w.last, day, sizeof day);
    CU_ASSERT_STRING_EQUAL(day, "2024-09-30");
    CU_ASSERT_EQUAL(kg_when_parse("2024/2024-03-01", &w, &why), KG_OK); /* ends of other precisions */
    kg_day_format(w.last, day, sizeof day);
    CU_ASSERT_STRING_EQUAL(day, "2024-03-01");
    /* open ends */
    CU_ASSERT_EQUAL(kg_when_parse("../2024-12", &w, &why), KG_OK);
    CU_ASSERT_EQUAL(w.first, KG_DAY_OPEN_START);
    kg_day_format(w.last, day, sizeof day);
    CU_ASSERT_STRING_EQUAL(day, "2024-12-31");
    CU_ASSERT_EQUAL(kg_when_parse("2020/..", &w, &why), KG_OK);
    CU_ASSERT_EQUAL(w.last, KG_DAY_OPEN_END);
    /* errors say what is wrong */
    CU_ASSERT_EQUAL(kg_when_parse("2024-09/2024-08", &w, &why), KG_EINPUT);
    ASSERT_CONTAINS(why, "ends before it starts");
    CU_ASSERT_EQUAL(kg_when_parse("../..", &w, &why), KG_EINPUT);
    ASSERT_CONTAINS(why, "open at both ends");
    static const char *const bad[] = {"2024-13", "2024/", "/2024", "2024//2025", "2024/2025/2026", "July 2024",
                                      "2024-08 / 2024-09", ".../2024", ""};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        why = NULL;
        CU_ASSERT_EQUAL(kg_when_parse(bad[i], &w, &why), KG_EINPUT);
        CU_ASSERT_PTR_NOT_NULL(why);
        if (why)
            ASSERT_CONTAINS(why, "interval of two");
    }
    /* day numbers and back, across leap days and before 1970 */
    static const char *const days[] = {"1969-12-31", "2000-02-29", "2024-02-29", "1900-03-01", "0001-01-01"};
    for (size_t i = 0; i < sizeof days / sizeof *days; i++) {
        CU_ASSERT_EQUAL(kg_when_parse(days[i], &w, NULL), KG_OK);
        kg_day_format(w.first, day, sizeof day);
        CU_ASSERT_STRING_EQUAL(day, days[i]);
    }
    /* the graph takes intervals as a source's date and as as_of, and refuses a reversed one, naming it */
    setup();
    kg_entity_spec_t src;
    memset(&src, 0xab, sizeof src);
    kg_entity_spec_init(&src); /* every field unset, whatever was there */
    CU_ASSERT(!src.id && !src.label && !src.aliases && !src.n_aliases && !src.attrs && !src.line);
    src.id = "src:a";
    src.kind = KG_KIND_SOURCE;
    src.date = "2024-09/2024-11";
    CU_ASSERT_EQUAL(kg_graph_add_entity(g, &src, NULL, &err), KG_OK);
    ent("place:by", "place", NULL);
    CU_ASSERT_EQUAL(claim("place:by", "held", 1300, KG_Q_MORE_THAN, "../2024-12", "src:a", NULL), KG_OK);
    CU_ASSERT_EQUAL(claim("place:by", "held", 1300, KG_Q_MORE_THAN, "2024-12/2024-09", "src:a", NULL), KG_EINPUT);
    ASSERT_CONTAINS(err.text, "as_of \"2024-12/2024-09\" ends before it starts");
    src.id = "src:b";
    src.date = "2025/2024";
    CU_ASSERT_EQUAL(kg_graph_add_entity(g, &src, NULL, &err), KG_EINPUT);
    ASSERT_CONTAINS(err.text, "source \"src:b\": published date \"2025/2024\" ends before it starts");
}

static void test_vague_quantities(void)
{
    static const struct {
        const char *name;
        double lo, hi;
    } vague[] = {{"a_handful", 2, 10},           {"dozens", 12, INFINITY},    {"hundreds", 100, INFINITY},
                 {"thousands", 1000, INFINITY}, {"tens_of_thousands", 1e4, INFINITY},
                 {"hundreds_of_thousands", 1e5, INFINITY}, {"millions", 1e6, INFINITY}};
    for (size_t i = 0; i < sizeof vague / sizeof *vague; i++) {
        kg_qualifier_t q;
        double lo, hi;
        CU_ASSERT_EQUAL_FATAL(kg_qualifier_parse(vague[i].name, &q), KG_OK);
        CU_ASSERT(kg_qualifier_is_vague(q));
        ASSERT_STR(kg_qualifier_name(q), vague[i].name);
        CU_ASSERT_EQUAL(kg_qualifier_vague_range(q, &lo, &hi), 0);
        CU_ASSERT_DOUBLE_EQUAL(lo, vague[i].lo, 0);
        CU_ASSERT(hi == vague[i].hi);
    }
    double lo, hi;
    CU_ASSERT(!kg_qualifier_is_vague(KG_Q_ABOUT));
    CU_ASSERT_EQUAL(kg_qualifier_vague_range(KG_Q_AT_LEAST, &lo, &hi), -1);
    /* a typo of a vague word gets a did-you-mean */
    char hint[512];
    kg_qualifier_expected("thousand", hint, sizeof hint);
    ASSERT_CONTAINS(hint, "did you mean \"thousands\"?");
    kg_qualifier_expected("zzzzzzzzzz", hint, sizeof hint);
    CU_ASSERT_PTR_NULL(strstr(hint, "did you mean"));
    ASSERT_CONTAINS(hint, "tens_of_thousands");
    /* in the graph: no amount of its own (the interval's lower end stands for it), no bounds */
    setup();
    kg_entity_spec_t src = {0};
    src.id = "src:a";
    src.kind = KG_KIND_SOURCE;
    CU_ASSERT_EQUAL(kg_graph_add_entity(g, &src, NULL, &err), KG_OK);
    ent("place:by", "place", NULL);
    kg_stmt_t st;
    CU_ASSERT_EQUAL(claim("place:by", "held", NAN, KG_Q_THOUSANDS, NULL, "src:a", &st), KG_OK);
    kg_value_t v;
    kg_stmt_value(g, st, &v);
    CU_ASSERT_EQUAL(v.qualifier, KG_Q_THOUSANDS);
    CU_ASSERT_DOUBLE_EQUAL(v.amount, 1000, 0);
    char text[64];
    kg_value_format(&v, text, sizeof text);
    CU_ASSERT_STRING_EQUAL(text, "thousands");
    v.unit = "people";
    kg_value_format(&v, text, sizeof text);
    CU_ASSERT_STRING_EQUAL(text, "thousands of people");
    json_t *j = kg_value_to_json(&v);
    CU_ASSERT_PTR_NULL(json_object_get(j, "amount"));
    ASSERT_STR(json_string_value(json_object_get(j, "qualifier")), "thousands");
    json_decref(j);
    /* the same vague claim again is the same statement */
    kg_stmt_t again;
    CU_ASSERT_EQUAL(claim("place:by", "held", NAN, KG_Q_THOUSANDS, NULL, "src:a", &again), KG_OK);
    CU_ASSERT_EQUAL(again, st);
    CU_ASSERT_EQUAL(claim("place:by", "held", 2000, KG_Q_THOUSANDS, NULL, "src:a", NULL), KG_EINPUT);
    ASSERT_CONTAINS(err.text, "\"thousands\" is a vague quantity, which has no amount of its own (2000 given)");
}

/* The declaration's words, read once (kernel) for the JSON reader, the CSV tables and the gazetteer. */
static void test_predicate_words(void)
{
    kg_pred_kind_t k;
    kg_value_type_t t;
    CU_ASSERT(kg_pred_kind_parse("relation", &k) == KG_OK && k == KG_PRED_RELATION);
    CU_ASSERT(kg_pred_kind_parse("claim", &k) == KG_OK && k == KG_PRED_CLAIM);
    CU_ASSERT_EQUAL(kg_pred_kind_parse("Claim", &k), KG_ENOTFOUND);
    CU_ASSERT_EQUAL(kg_pred_kind_parse(NULL, &k), KG_ENOTFOUND);
    ASSERT_STR(kg_pred_kind_name(KG_PRED_RELATION), "relation");
    CU_ASSERT_PTR_NULL(kg_pred_kind_name(KG_PRED_UNKNOWN));
    CU_ASSERT(kg_value_type_parse("entity", &t) == KG_OK && t == KG_VALUE_NONE);
    CU_ASSERT(kg_value_type_parse("date", &t) == KG_OK && t == KG_VALUE_DATE);
    CU_ASSERT_EQUAL(kg_value_type_parse("integer", &t), KG_ENOTFOUND);
    kg_predicate_t p;
    json_error_t je;
    json_t *d = json_loads("{\"kind\": \"claim\", \"value_type\": \"number\", \"functional\": true, \"tolerance\": 0.05, "
                           "\"unit\": \"people\", \"cumulative\": false}", 0, &je);
    CU_ASSERT_EQUAL(kg_predicate_from_json("held", d, &p, &err), KG_OK);
    CU_ASSERT(p.kind == KG_PRED_CLAIM && p.value_type == KG_VALUE_NUMBER && p.functional == 1 && p.cumulative == 0);
    CU_ASSERT_DOUBLE_EQUAL(p.tolerance, 0.05, 0);
    ASSERT_STR(p.unit, "people");
    json_decref(d);
    d = json_loads("{\"value_type\": \"entity\"}", 0, &je);
    CU_ASSERT(kg_predicate_from_json("leads", d, &p, &err) == KG_OK && p.kind == KG_PRED_RELATION);
    json_decref(d);
    static const struct {
        const char *json, *says;
    } bad[] = {{"{\"kind\": \"number\"}", "predicate \"x\": field \"kind\" must be \"relation\" or \"claim\", not \"number\""},
               {"{\"kind\": \"claim\", \"value_type\": \"entity\"}", "a claim cannot have value_type \"entity\""},
               {"{\"value_type\": \"integer\"}", "must be entity, number, text or date, not \"integer\""},
               {"{\"functional\": \"yes\"}", "field \"functional\" must be true or false"},
               {"{\"tolerance\": -1}", "field \"tolerance\" must be a number >= 0"},
               {"{\"unit\": 3}", "field \"unit\" must be a string"},
               {"[]", "predicate \"x\" must be an object"}};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        d = json_loads(bad[i].json, JSON_DECODE_ANY, &je);
        CU_ASSERT_EQUAL(kg_predicate_from_json("x", d, &p, &err), KG_EINPUT);
        ASSERT_CONTAINS(err.text, bad[i].says);
        CU_ASSERT_EQUAL(err.line, 0); /* no place: the caller's */
        json_decref(d);
    }
}

/* Numbers as people write them and CSV fields: one reader and one writer for every plugin. */
static void test_numbers_and_csv_fields(void)
{
    double v;
    static const struct {
        const char *text;
        double value;
        size_t scanned;
    } ok[] = {{"1,174", 1174, 5}, {"65,000 people", 65000, 6}, {"19.5", 19.5, 4}, {"-3", -3, 2}, {"1.5e3", 1500, 5},
              {"1,234,567.25", 1234567.25, 12}, {"1990s", 1990, 4}, {"7,", 7, 1}};
    for (size_t i = 0; i < sizeof ok / sizeof *ok; i++) {
        CU_ASSERT_EQUAL(kg_number_scan(ok[i].text, &v), ok[i].scanned);
        CU_ASSERT_DOUBLE_EQUAL(v, ok[i].value, 1e-9);
    }
    CU_ASSERT_EQUAL(kg_number_scan("abc", &v), 0);
    CU_ASSERT_EQUAL(kg_number_scan(",123", &v), 0);
    CU_ASSERT_EQUAL(kg_number_scan("1,17", &v), 0); /* a separator needs three digits after it */
    CU_ASSERT_EQUAL(kg_number_scan("1234567890123456789012345678901234567890123456789012345678901234", &v), 0);
    CU_ASSERT(kg_number_parse("1,174", &v) == KG_OK && v == 1174);
    CU_ASSERT_EQUAL(kg_number_parse("1,17", &v), KG_EINPUT);
    CU_ASSERT_EQUAL(kg_number_parse("12 people", &v), KG_EINPUT);
    CU_ASSERT_EQUAL(kg_number_parse("1e999", &v), KG_EINPUT); /* not finite */
    CU_ASSERT_EQUAL(kg_number_parse("", &v), KG_EINPUT);
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    const char *fields[] = {"plain", "a,b", "say \"hi\"", "two\nlines", " padded", "", NULL};
    for (size_t i = 0; fields[i]; i++) {
        kg_csv_write_field(f, fields[i]);
        fputc('|', f);
    }
    kg_csv_write_field(f, NULL);
    fclose(f);
    CU_ASSERT_STRING_EQUAL(buf, "plain|\"a,b\"|\"say \"\"hi\"\"\"|\"two\nlines\"|\" padded\"||");
    free(buf);
}

static void test_suggestions(void)
{
    static const char *const names[] = {"imprisoned_in", "member_of", "person", "place"};
    ASSERT_STR(kg_closest_name("imprisoned_inn", names, 4), "imprisoned_in");
    ASSERT_STR(kg_closest_name("persn", names, 4), "person");
    ASSERT_STR(kg_closest_name("MEMBER_OF", names, 4), "member_of"); /* case does not count */
    CU_ASSERT_PTR_NULL(kg_closest_name("community", names, 4));
    CU_ASSERT_EQUAL(kg_edit_distance("kitten", "sitting", 10), 3);
    CU_ASSERT_EQUAL(kg_edit_distance("kitten", "sitting", 2), 3); /* capped: cap + 1 */
    CU_ASSERT_EQUAL(kg_typo_cap("ab"), 2);
    CU_ASSERT_EQUAL(kg_typo_cap("imprisoned_inn"), 4);
}

static void test_qualifiers(void)
{
    static const char *names[] = {"exact", "about", "at_least", "more_than", "at_most", "fewer_than"};
    for (int i = 0; i < 6; i++) {
        kg_qualifier_t q;
        CU_ASSERT_EQUAL(kg_qualifier_parse(names[i], &q), KG_OK);
        CU_ASSERT_EQUAL((int)q, i);
        ASSERT_STR(kg_qualifier_name(q), names[i]);
    }
    kg_qualifier_t q;
    CU_ASSERT_EQUAL(kg_qualifier_parse("roughly", &q), KG_ENOTFOUND);
}

static void test_many_statements(void)
{
    setup();
    char id[64], obj[64];
    for (int i = 0; i < 2000; i++) {
        snprintf(id, sizeof id, "e:%d", i);
        ent(id, "person", NULL);
    }
    /* 50,000 statements, each added twice from two sources: merged */
    for (int pass = 0; pass < 2; pass++) {
        for (int i = 0; i < 50000; i++) {
            snprintf(id, sizeof id, "e:%d", i % 2000);
            snprintf(obj, sizeof obj, "e:%d", (i * 7 + 1) % 2000);
            char pred[16];
            snprintf(pred, sizeof pred, "p%d", i / 2000);
            CU_ASSERT_EQUAL_FATAL(rel(id, pred, obj, pass ? "src:dw" : "src:ap", NULL, NULL), KG_OK);
        }
    }
    CU_ASSERT_EQUAL(kg_graph_stmt_count(g), 50000);
    size_t n;
    kg_graph_stmts_by_source(g, kg_graph_entity_by_id(g, "src:dw"), &n);
    CU_ASSERT_EQUAL(n, 50000);
    kg_graph_free(g);
    g = NULL;
}

static void fmt_is(kg_value_t v, const char *expect)
{
    char buf[128];
    size_t n = kg_value_format(&v, buf, sizeof buf);
    CU_ASSERT_STRING_EQUAL(buf, expect);
    CU_ASSERT_EQUAL(n, strlen(expect));
}

static void test_value_format_and_json(void)
{
    kg_value_t v;
    kg_value_init(&v);
    v.type = KG_VALUE_NUMBER;
    v.amount = 1174;
    fmt_is(v, "1,174");
    v.qualifier = KG_Q_ABOUT;
    v.unit = "people";
    v.amount = 1400;
    fmt_is(v, "about 1,400 people");
    v.qualifier = KG_Q_MORE_THAN;
    v.amount = 1300;
    fmt_is(v, "more than 1,300 people");
    v.qualifier = KG_Q_AT_LEAST;
    v.amount = 6;
    v.unit = NULL;
    v.upper = 10;
    fmt_is(v, "at least 6 (10 or fewer)");
    v.lower = 6;
    fmt_is(v, "at least 6 (6 to 10)");
    kg_value_init(&v);
    v.type = KG_VALUE_NUMBER;
    v.amount = 19.5;
    v.unit = "years";
    fmt_is(v, "19.5 years");
    v.amount = -65000;
    v.unit = NULL;
    fmt_is(v, "-65,000");
    v.amount = 1234567.25;
    fmt_is(v, "1,234,567.25");
    v.amount = 0.1;
    fmt_is(v, "0.1");
    v.amount = 999;
    fmt_is(v, "999");
    v.amount = 1e21;
    fmt_is(v, "1e+21");
    /* snprintf-like: the needed length, truncated output, always terminated */
    char small[6];
    v.amount = 1234567;
    CU_ASSERT_EQUAL(kg_value_format(&v, small, sizeof small), 9);
    CU_ASSERT_STRING_EQUAL(small, "1,234");
    CU_ASSERT_EQUAL(kg_value_format(&v, NULL, 0), 9);
    kg_value_init(&v);
    v.type = KG_VALUE_TEXT;
    v.text = "in exile";
    fmt_is(v, "in exile");

    /* the native JSON form */
    kg_value_init(&v);
    v.type = KG_VALUE_NUMBER;
    v.amount = 1174;
    json_t *j = kg_value_to_json(&v);
    CU_ASSERT(json_is_integer(j) && json_integer_value(j) == 1174);
    json_decref(j);
    v.qualifier = KG_Q_ABOUT;
    v.unit = "people";
    v.amount = 19.5;
    v.lower = 19;
    j = kg_value_to_json(&v);
    char *text = json_dumps(j, JSON_COMPACT | JSON_PRESERVE_ORDER);
    CU_ASSERT_STRING_EQUAL(text, "{\"amount\":19.5,\"qualifier\":\"about\",\"unit\":\"people\",\"lower\":19}");
    free(text);
    json_decref(j);
    kg_value_init(&v);
    v.type = KG_VALUE_DATE;
    v.text = "2024-11";
    j = kg_value_to_json(&v);
    ASSERT_STR(json_string_value(json_object_get(j, "date")), "2024-11");
    json_decref(j);

    /* reals written shortest and exact */
    json_t *o = json_pack("{s:f,s:f,s:i}", "a", 0.1, "b", 1.0 / 3, "c", 7);
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    CU_ASSERT_EQUAL(kg_json_dumpf(o, f, JSON_COMPACT | JSON_PRESERVE_ORDER), 0);
    fclose(f);
    ASSERT_STR(buf, "{\"a\":0.1,\"b\":0.3333333333333333,\"c\":7}");
    free(buf);
    json_decref(o);
}

/* Strict UTF-8 at the graph's door, and messages that print safely. */
static void test_utf8_door(void)
{
    static const struct { const char *bytes; size_t len; int valid; size_t bad; } cases[] = {
        {"plain", 5, 1, 0},
        {"\xd0\x9b\xd1\x83\xd0\xba", 6, 1, 0},      /* Лук */
        {"\xf0\x9f\x95\x8a", 4, 1, 0},               /* a dove: four bytes */
        {"\xef\xbf\xbf", 3, 1, 0},                    /* U+FFFF is a character */
        {"bad\xff", 4, 0, 3},
        {"\xc0\xaf", 2, 0, 0},                         /* overlong '/' */
        {"\xe0\x80\xaf", 3, 0, 0},                     /* overlong, three bytes */
        {"\xed\xa0\x80", 3, 0, 0},                     /* a UTF-16 surrogate */
        {"\xf4\x90\x80\x80", 4, 0, 0},                /* above U+10FFFF */
        {"ab\xd0", 3, 0, 2},                           /* cut short */
        {"a\0b", 3, 0, 1},                             /* NUL: kgkit strings cannot hold it */
        {"\x80", 1, 0, 0},                             /* a lone continuation byte */
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        size_t bad = 99;
        int valid = kg_utf8_valid(cases[i].bytes, cases[i].len, &bad);
        CU_ASSERT_EQUAL(valid, cases[i].valid);
        if (!cases[i].valid)
            CU_ASSERT_EQUAL(bad, cases[i].bad);
    }
    int line, column;
    kg_text_where("ab\n\xd0\x9bx", 5, &line, &column);
    CU_ASSERT(line == 2 && column == 2);

    setup();
    size_t before = kg_graph_entity_count(g);
    kg_entity_spec_t e = {0};
    e.id = "bad\xff";
    CU_ASSERT_EQUAL(kg_graph_add_entity(g, &e, NULL, &err), KG_EINPUT);
    CU_ASSERT_PTR_NOT_NULL(strstr(err.text, "not UTF-8"));
    CU_ASSERT_PTR_NOT_NULL(strstr(err.text, "bad\\xff")); /* the bad byte shown, not printed */
    e.id = "fine";
    const char *aliases[] = {"\xed\xa0\x80"};
    e.aliases = aliases;
    e.n_aliases = 1;
    CU_ASSERT_EQUAL(kg_graph_add_entity(g, &e, NULL, &err), KG_EINPUT);
    CU_ASSERT_EQUAL(kg_graph_entity_count(g), before);
    e.n_aliases = 0;
    CU_ASSERT_EQUAL(kg_graph_add_entity(g, &e, NULL, &err), KG_OK);
    kg_stmt_spec_t s;
    kg_stmt_spec_init(&s);
    s.subject = "fine";
    s.predicate = "p";
    s.value.type = KG_VALUE_TEXT;
    s.value.text = "x\xc3";
    size_t stmts = kg_graph_stmt_count(g);
    CU_ASSERT_EQUAL(kg_graph_add_stmt(g, &s, NULL, &err), KG_EINPUT);
    CU_ASSERT_EQUAL(kg_graph_stmt_count(g), stmts);
    /* a message never carries a control character, and a cut character is dropped */
    kg_error_set(&err, KG_EINPUT, "f\x1b.json", 1, 1, "id \"\x1b[2J\x07\"");
    CU_ASSERT_STRING_EQUAL(err.text, "id \"\\x1b[2J\\x07\"");
    CU_ASSERT_STRING_EQUAL(err.source, "f\\x1b.json");
    char long_text[KG_ERROR_TEXT_LENGTH + 8];
    memset(long_text, 'a', sizeof long_text);
    memcpy(long_text + KG_ERROR_TEXT_LENGTH - 3, "\xd0\x9b\xd0\x9b", 4);
    long_text[KG_ERROR_TEXT_LENGTH + 4] = '\0';
    kg_error_set(&err, KG_EINPUT, NULL, 0, 0, "%s", long_text);
    CU_ASSERT(kg_utf8_valid(err.text, strlen(err.text), NULL));
}

/* Symmetric predicates: declared, read, refused for claims and clashes, undone by a rollback; and relations
 * marked undirected. */
static void test_symmetric(void)
{
    kg_graph_t *h;
    kg_error_t e2;
    kg_graph_new(&h);
    CU_ASSERT_EQUAL(kg_graph_predicate_symmetric(h, "married_to"), -1);
    CU_ASSERT_EQUAL(kg_graph_declare_symmetric(h, "married_to", 1, &e2), KG_OK);
    CU_ASSERT_EQUAL(kg_graph_predicate_symmetric(h, "married_to"), 1);
    CU_ASSERT_EQUAL(kg_graph_declare_symmetric(h, "married_to", 1, &e2), KG_OK); /* the same again: fine */
    CU_ASSERT_NOT_EQUAL(kg_graph_declare_symmetric(h, "married_to", 0, &e2), KG_OK); /* a clash */
    ASSERT_CONTAINS(e2.text, "symmetric");
    kg_predicate_t p;
    kg_predicate_init(&p, "count");
    p.kind = KG_PRED_CLAIM;
    CU_ASSERT_EQUAL(kg_graph_declare_predicate(h, &p, &e2), KG_OK);
    CU_ASSERT_EQUAL(kg_graph_declare_symmetric(h, "count", 1, &e2), KG_EINPUT);
    ASSERT_CONTAINS(e2.text, "only a relation can be symmetric");
    kg_graph_begin(h);
    CU_ASSERT_EQUAL(kg_graph_declare_symmetric(h, "allied_with", 1, &e2), KG_OK);
    kg_graph_rollback(h);
    CU_ASSERT_EQUAL(kg_graph_predicate_symmetric(h, "allied_with"), -1);
    /* statements: by their predicate, or by the undirected mark importers set */
    const char *ids[] = {"a", "b", "s"};
    for (int i = 0; i < 3; i++) {
        kg_entity_spec_t e;
        kg_entity_spec_init(&e);
        e.id = ids[i];
        e.kind = i == 2 ? KG_KIND_SOURCE : NULL;
        kg_graph_add_entity(h, &e, NULL, &e2);
    }
    kg_stmt_spec_t st;
    kg_stmt_t m, k, u;
    kg_stmt_spec_init(&st);
    st.subject = "a", st.object = "b", st.predicate = "married_to";
    CU_ASSERT_EQUAL(kg_graph_add_stmt(h, &st, &m, &e2), KG_OK);
    st.predicate = "knows";
    CU_ASSERT_EQUAL(kg_graph_add_stmt(h, &st, &k, &e2), KG_OK);
    json_t *attrs = json_pack("{s:b}", KG_ATTR_UNDIRECTED, 1);
    st.predicate = "linked_to", st.attrs = attrs;
    CU_ASSERT_EQUAL(kg_graph_add_stmt(h, &st, &u, &e2), KG_OK);
    json_decref(attrs);
    CU_ASSERT_EQUAL(kg_stmt_undirected(h, m), 1);
    CU_ASSERT_EQUAL(kg_stmt_undirected(h, k), 0);
    CU_ASSERT_EQUAL(kg_stmt_undirected(h, u), 1);
    /* parallel edges: the same relation again in one import counts, an earlier one does not */
    size_t first = kg_graph_stmt_count(h);
    st.predicate = "knows", st.attrs = NULL;
    CU_ASSERT_EQUAL(kg_graph_add_parallel(h, &st, first, NULL, &e2), KG_OK); /* merges into k, from before */
    CU_ASSERT_PTR_NULL(kg_stmt_attr(h, k, KG_ATTR_MULTIPLICITY));
    st.predicate = "met";
    kg_stmt_t met;
    CU_ASSERT_EQUAL(kg_graph_add_parallel(h, &st, first, &met, &e2), KG_OK);
    CU_ASSERT_EQUAL(kg_graph_add_parallel(h, &st, first, NULL, &e2), KG_OK);
    CU_ASSERT_EQUAL(kg_graph_add_parallel(h, &st, first, NULL, &e2), KG_OK);
    CU_ASSERT_EQUAL(json_integer_value(kg_stmt_attr(h, met, KG_ATTR_MULTIPLICITY)), 3);
    kg_graph_free(h);
}

/* The growable buffer and the array growth step: contents, NUL termination, the sticky failure, detach. */
/* The JSON text writers put the bytes jansson's compact dump writes for the same value, reals shortest. */
static void check_put_value(const kg_value_t *v, const char *expected)
{
    kg_buf_t b = KG_BUF_INIT;
    CU_ASSERT_EQUAL(kg_json_put_value(&b, v, JSON_COMPACT), KG_OK);
    json_t *j = kg_value_to_json(v);
    char *dumped = json_dumps(j, JSON_COMPACT | JSON_ENCODE_ANY | JSON_REAL_PRECISION(17));
    json_t *back = json_loads(b.data, JSON_DECODE_ANY, NULL);
    CU_ASSERT_PTR_NOT_NULL(back);
    CU_ASSERT_TRUE(json_equal(back, j)); /* reads back as the value */
    if (expected) {
        CU_ASSERT_STRING_EQUAL(b.data, expected);
    } else {
        CU_ASSERT_STRING_EQUAL(b.data, dumped); /* no reals: byte for byte jansson's */
    }
    free(dumped);
    json_decref(j);
    json_decref(back);
    kg_buf_free(&b);
}

static void test_json_text(void)
{
    static const char *const strings[] = {"", "plain", "quote \" and \\ backslash", "tab\tline\ncr\r\b\f",
                                          "\x01\x1f control", "Лукашэнка — “quotes” 🇧🇾", "</script>", NULL};
    for (size_t i = 0; strings[i]; i++) {
        kg_buf_t b = KG_BUF_INIT;
        CU_ASSERT_EQUAL(kg_json_put_string(&b, strings[i]), KG_OK);
        json_t *j = json_string(strings[i]);
        char *dumped = json_dumps(j, JSON_ENCODE_ANY);
        CU_ASSERT_STRING_EQUAL(b.data, dumped);
        free(dumped);
        json_decref(j);
        kg_buf_free(&b);
    }
    kg_buf_t b = KG_BUF_INIT;
    kg_json_put_string(&b, NULL);
    CU_ASSERT_STRING_EQUAL(b.data, "null");
    static const struct {
        double x;
        const char *text;
    } numbers[] = {{1174, "1174"}, {-65000, "-65000"}, {0.1, "0.1"}, {19.5, "19.5"}, {0.3, "0.3"},
                   {1e20, "1e20"}, {1.5e-7, "1.5e-7"}, {9007199254740992.0, "9007199254740992.0"},
                   {NAN, "null"}};
    for (size_t i = 0; i < sizeof numbers / sizeof *numbers; i++) {
        kg_buf_clear(&b);
        CU_ASSERT_EQUAL(kg_json_put_number(&b, numbers[i].x), KG_OK);
        CU_ASSERT_STRING_EQUAL(b.data, numbers[i].text);
    }
    kg_buf_free(&b);
    kg_value_t v;
    kg_value_init(&v);
    check_put_value(&v, NULL);
    v.type = KG_VALUE_NUMBER;
    v.amount = 1174;
    check_put_value(&v, NULL);
    v.qualifier = KG_Q_ABOUT;
    v.unit = "people";
    v.lower = 1100;
    v.upper = 1250;
    check_put_value(&v, NULL);
    v.qualifier = KG_Q_THOUSANDS; /* a vague quantity: no amount */
    check_put_value(&v, NULL);
    v.qualifier = KG_Q_AT_LEAST;
    v.amount = 0.1;
    v.lower = v.upper = NAN;
    check_put_value(&v, "{\"amount\":0.1,\"qualifier\":\"at_least\",\"unit\":\"people\"}");
    v.type = KG_VALUE_TEXT;
    v.text = "a \"text\"";
    check_put_value(&v, NULL);
    v.type = KG_VALUE_DATE;
    v.text = "2024-09";
    check_put_value(&v, NULL);
    /* jansson values through kg_json_put: reals exact and shortest, 10.0 not 1e1 */
    json_t *o = json_pack("{s:f,s:f,s:[i,s]}", "a", 10.0, "b", 0.25, "c", 3, "x");
    kg_buf_t t = KG_BUF_INIT;
    CU_ASSERT_EQUAL(kg_json_put(&t, o, JSON_COMPACT), KG_OK);
    CU_ASSERT_STRING_EQUAL(t.data, "{\"a\":10.0,\"b\":0.25,\"c\":[3,\"x\"]}");
    kg_buf_free(&t);
    json_decref(o);
    /* kg_json_put writes jansson's bytes itself, compact or not: compared with json_dumps at the same precision */
    static const char *const docs[] = {"{\"a\": {\"b\": [1, 2.5, \"x\\\"y\", null, true, false, {}], \"c\": []}}",
                                       "[\"Мінск \\u0001\\n\", -3, 1e300, 0.3333333333333333, {\"k\": {\"l\": 7}}]",
                                       "{\"status\": \"agreed\", \"origins\": 2, \"disputed\": false}", "12", NULL};
    for (size_t i = 0; docs[i]; i++) {
        json_t *d = json_loads(docs[i], JSON_DECODE_ANY, NULL);
        CU_ASSERT_PTR_NOT_NULL_FATAL(d);
        for (int compact = 0; compact < 2; compact++) {
            size_t flags = compact ? JSON_COMPACT : 0;
            kg_buf_t x = KG_BUF_INIT;
            CU_ASSERT_EQUAL(kg_json_put(&x, d, flags), KG_OK);
            char *want = json_dumps(d, flags | JSON_ENCODE_ANY | JSON_REAL_PRECISION(17));
            json_t *back = json_loads(x.data, JSON_DECODE_ANY, NULL);
            CU_ASSERT_TRUE(json_equal(back, d));
            if (!strchr(docs[i], '.')) { /* no reals: byte for byte */
                CU_ASSERT_STRING_EQUAL(x.data, want);
            }
            json_decref(back);
            free(want);
            kg_buf_free(&x);
        }
        json_decref(d);
    }
    char num[48];
    CU_ASSERT_STRING_EQUAL(kg_number_text(1400, num, sizeof num), "1400");
    CU_ASSERT_STRING_EQUAL(kg_number_text(0.1, num, sizeof num), "0.1");
    CU_ASSERT_STRING_EQUAL(kg_number_text(1e15, num, sizeof num), "1e+15");
    /* the fewest digits, searched by halves, are those a search digit by digit finds: reals of every kind,
     * powers of two (the exception the search steps around) among them */
    uint64_t bits = 0x9e3779b97f4a7c15ull;
    for (int i = 0; i < 20000 + 2098; i++) {
        double x;
        bits = bits * 6364136223846793005ull + 1442695040888963407ull;
        uint64_t r = bits >> 1; /* positive, any exponent */
        if (i >= 20000)
            x = ldexp(1.0, i - 20000 - 1074); /* every power of two (2^740, 2^956: 15 digits read back, 16 not) */
        else if (i % 2)
            x = (double)(r % 100000) / 1000.0; /* a few decimals, as counts' spans are */
        else
            memcpy(&x, &r, sizeof x);
        if (!isfinite(x) || x == floor(x))
            continue;
        int want = 17;
        char text[40];
        for (int p = 1; p < 17; p++) {
            snprintf(text, sizeof text, "%.*g", p, x);
            if (strtod(text, NULL) == x) {
                want = p;
                break;
            }
        }
        snprintf(text, sizeof text, "%.*g", want, x);
        CU_ASSERT_STRING_EQUAL(kg_number_text(x, num, sizeof num), text);
    }
    /* a string is copied eight bytes at a time until a byte to escape: one at every offset, jansson's bytes */
    for (size_t at = 0; at < 20; at++) {
        static const char specials[] = {'"', '\\', '\n', '\x01', '\x1f', (char)0xc3};
        for (size_t k = 0; k < sizeof specials; k++) {
            char text[24];
            memset(text, 'a' + (char)(at % 26), sizeof text - 1);
            text[sizeof text - 1] = '\0';
            text[at] = specials[k];
            if (specials[k] == (char)0xc3)
                text[at + 1] = (char)0xa9; /* é, left as it is */
            kg_buf_t x = KG_BUF_INIT;
            kg_buf_puts(&x, "{");
            CU_ASSERT_EQUAL(kg_json_put_string(&x, text), KG_OK);
            json_t *j = json_string(text);
            char *dumped = json_dumps(j, JSON_ENCODE_ANY);
            CU_ASSERT_PTR_NOT_NULL_FATAL(dumped);
            CU_ASSERT_STRING_EQUAL(x.data + 1, dumped);
            free(dumped);
            json_decref(j);
            kg_buf_free(&x);
        }
    }
}

static void test_buffers(void)
{
    kg_buf_t b = KG_BUF_INIT;
    CU_ASSERT_PTR_NULL(b.data);
    CU_ASSERT_EQUAL(kg_buf_puts(&b, "held "), KG_OK);
    CU_ASSERT_EQUAL(kg_buf_printf(&b, "%d,%03d", 1, 174), KG_OK);
    CU_ASSERT_EQUAL(kg_buf_putc(&b, '!'), KG_OK);
    CU_ASSERT_EQUAL(kg_buf_add(&b, "\0x", 2), KG_OK); /* bytes, NUL included */
    CU_ASSERT_EQUAL(b.len, 13);
    CU_ASSERT_EQUAL(memcmp(b.data, "held 1,174!\0x", 14), 0); /* and a NUL after them */
    char big[3000];
    memset(big, 'a', sizeof big - 1);
    big[sizeof big - 1] = '\0';
    CU_ASSERT_EQUAL(kg_buf_printf(&b, "[%s]", big), KG_OK); /* longer than printf's first try */
    CU_ASSERT_EQUAL(b.len, 13 + 3001);
    CU_ASSERT_EQUAL(b.data[b.len], '\0');
    CU_ASSERT_EQUAL(b.data[b.len - 1], ']');
    kg_buf_clear(&b);
    CU_ASSERT_EQUAL(b.len, 0);
    ASSERT_STR(b.data, "");
    kg_buf_puts(&b, "kept");
    char *t = kg_buf_detach(&b);
    ASSERT_STR(t, "kept");
    free(t);
    CU_ASSERT_PTR_NULL(b.data);
    t = kg_buf_detach(&b); /* nothing added: an empty string, the caller's */
    ASSERT_STR(t, "");
    free(t);
    /* a failed allocation: the text stays, later adds do nothing, detach gives NULL */
    kg_buf_puts(&b, "so far");
    kg_test_alloc_fail(1, 1);
    CU_ASSERT_EQUAL(kg_buf_puts(&b, big), KG_ENOMEM);
    kg_test_alloc_fail(0, 0);
    CU_ASSERT(b.failed);
    ASSERT_STR(b.data, "so far");
    CU_ASSERT_EQUAL(kg_buf_puts(&b, "x"), KG_ENOMEM);
    CU_ASSERT_PTR_NULL(kg_buf_detach(&b));
    CU_ASSERT_PTR_NULL(b.data);
    kg_buf_free(&b);
    /* arrays */
    int *items = NULL;
    size_t cap = 0;
    CU_ASSERT_EQUAL(kg_array_reserve((void **)&items, &cap, 1, sizeof *items), KG_OK);
    CU_ASSERT_EQUAL(cap, 16);
    CU_ASSERT_EQUAL(kg_array_reserve((void **)&items, &cap, 100, sizeof *items), KG_OK);
    CU_ASSERT_EQUAL(cap, 128);
    for (int i = 0; i < 100; i++)
        items[i] = i;
    CU_ASSERT_EQUAL(kg_array_reserve((void **)&items, &cap, 50, sizeof *items), KG_OK); /* room already */
    CU_ASSERT_EQUAL(cap, 128);
    int *before = items;
    CU_ASSERT_EQUAL(kg_array_reserve((void **)&items, &cap, SIZE_MAX / 2, sizeof *items), KG_ENOMEM);
    CU_ASSERT_PTR_EQUAL(items, before);
    CU_ASSERT_EQUAL(cap, 128);
    CU_ASSERT_EQUAL(items[99], 99);
    free(items);
    /* strings joined into a fixed buffer as snprintf("%s%s...") would: cut, NUL-terminated, the whole length */
    char small[8];
    CU_ASSERT_EQUAL(kg_strjoin(small, sizeof small, "held ", "1,174", NULL), 10);
    CU_ASSERT_STRING_EQUAL(small, "held 1,");
    CU_ASSERT_EQUAL(kg_strjoin(small, sizeof small, "a", "", "bc", NULL), 3);
    CU_ASSERT_STRING_EQUAL(small, "abc");
    CU_ASSERT_EQUAL(kg_strjoin(small, sizeof small, "1234567", "8", "9", NULL), 9); /* full at once */
    CU_ASSERT_STRING_EQUAL(small, "1234567");
    CU_ASSERT_EQUAL(kg_strjoin(small, sizeof small, NULL), 0);
    CU_ASSERT_STRING_EQUAL(small, "");
    small[0] = 'x';
    CU_ASSERT_EQUAL(kg_strjoin(small, 0, "nothing written", NULL), 15);
    CU_ASSERT_EQUAL(small[0], 'x');
}

int main(void)
{
    static const test_case_t tests[] = {{"entities and lookup by id, alias, label", test_entities_and_lookup},
                                        {"an alias of two entities is ambiguous", test_ambiguous_alias},
                                        {"entity merge: aliases, labels, attrs, kinds", test_entity_merge},
                                        {"one statement, many sources", test_statement_merge_and_citations},
                                        {"statement errors name the id and field", test_statement_errors},
                                        {"predicate declarations and defaults", test_predicates},
                                        {"queries and attributes", test_queries},
                                        {"rollback restores the graph exactly", test_transaction_rollback},
                                        {"a verdict on many statements is one shared object", test_shared_attrs},
                                        {"ISO 8601 partial dates", test_dates},
                                        {"qualifier names", test_qualifiers},
                                        {"dates and intervals: parsing, spans, errors", test_intervals},
                                        {"vague quantities", test_vague_quantities},
                                        {"did you mean: edit distance and the closest name", test_suggestions},
                                        {"a predicate's words, read once", test_predicate_words},
                                        {"numbers as written, CSV fields", test_numbers_and_csv_fields},
                                        {"values for people and as JSON", test_value_format_and_json},
                                        {"strict UTF-8 at the door, safe messages", test_utf8_door},
                                        {"growable buffers and arrays", test_buffers},
                                        {"JSON text put straight: jansson's bytes, reals shortest", test_json_text},
                                        {"symmetric predicates, undirected and parallel relations", test_symmetric},
                                        {"50k statements merge by identity", test_many_statements},
                                        {NULL, NULL}};
    int rc = run_suite("graph", tests);
    kg_graph_free(g);
    return rc;
}
