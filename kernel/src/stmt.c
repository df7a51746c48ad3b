/* stmt.c - statements: validation, identity (one statement however many sources), citations, accessors. */
#include "graph_internal.h"
#include "kgkit/attrs.h"
#include "alloc.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

void kg_stmt_spec_init(kg_stmt_spec_t *spec)
{
    memset(spec, 0, sizeof *spec);
    kg_value_init(&spec->value);
}

void kg_i_stmt_free(kg_st_t *st)
{
    free(st->cites);
    json_decref(st->attrs);
    st->cites = NULL;
    st->attrs = NULL;
}

/* ------------------------------------------------------------ identity */

static uint64_t dbl_bits(double d)
{
    uint64_t b;
    if (isnan(d))
        return 0x7ff8000000000000ULL;
    if (d == 0)
        d = 0; /* -0.0 and 0.0 are one number */
    memcpy(&b, &d, sizeof b);
    return b;
}

static uint32_t stmt_hash(const kg_st_t *s)
{
    uint64_t k[9] = {
        ((uint64_t)s->subj << 32) | s->pred,
        ((uint64_t)s->obj << 32) | s->as_of,
        ((uint64_t)s->acc << 32) | ((uint64_t)s->vtype << 8) | s->qual,
        ((uint64_t)s->unit << 32) | s->text,
        dbl_bits(s->amount), dbl_bits(s->lower), dbl_bits(s->upper), 0, 0};
    return (uint32_t)kg_hash_bytes(k, sizeof k, 0x9e3779b9);
}

static int same_num(double a, double b)
{
    return dbl_bits(a) == dbl_bits(b);
}

static int stmt_equal(const kg_st_t *a, const kg_st_t *b)
{
    return a->subj == b->subj && a->pred == b->pred && a->obj == b->obj && a->as_of == b->as_of &&
           a->acc == b->acc && a->vtype == b->vtype && a->qual == b->qual && a->unit == b->unit &&
           a->text == b->text && same_num(a->amount, b->amount) && same_num(a->lower, b->lower) &&
           same_num(a->upper, b->upper);
}

static void stab_insert(kg_graph_t *g, uint32_t s)
{
    size_t mask = g->stab_cap - 1;
    size_t i = stmt_hash(&g->stmts[s]) & mask;
    while (g->stab[i])
        i = (i + 1) & mask;
    g->stab[i] = s + 1;
}

int kg_i_stab_rebuild(kg_graph_t *g)
{
    size_t cap = 1024;
    while (cap < (size_t)g->n_stmts * 2 + 2)
        cap *= 2;
    uint32_t *t = kg_i_calloc(cap, sizeof *t);
    if (!t)
        return -1;
    free(g->stab);
    g->stab = t;
    g->stab_cap = cap;
    for (uint32_t s = 0; s < g->n_stmts; s++)
        stab_insert(g, s);
    return 0;
}

static uint32_t stab_find(const kg_graph_t *g, const kg_st_t *key)
{
    size_t mask = g->stab_cap - 1;
    size_t i = stmt_hash(key) & mask;
    while (g->stab[i]) {
        uint32_t s = g->stab[i] - 1;
        if (stmt_equal(&g->stmts[s], key))
            return s;
        i = (i + 1) & mask;
    }
    return KG_NONE;
}

/* ----------------------------------------------------------- citations */

static int add_cite(kg_st_t *st, uint32_t src, uint32_t quote)
{
    for (uint32_t i = 0; i < st->n_cite; i++)
        if (st->cites[i].source == src && (st->cites[i].quote == quote || !quote))
            return KG_OK;
    /* the same source with a quote now, where it had none: fill it in */
    for (uint32_t i = 0; i < st->n_cite; i++)
        if (st->cites[i].source == src && !st->cites[i].quote) {
            st->cites[i].quote = quote;
            return KG_OK;
        }
    if (kg_i_grow((void **)&st->cites, &st->cap_cite, st->n_cite + 1, sizeof *st->cites))
        return KG_ENOMEM;
    st->cites[st->n_cite].source = src;
    st->cites[st->n_cite].quote = quote;
    st->n_cite++;
    return KG_OK;
}

/* ---------------------------------------------------------- validation */

static int resolve(const kg_graph_t *g, const kg_stmt_spec_t *s, const char *field, const char *id, uint32_t *out,
                   kg_error_t *err)
{
    *out = kg_graph_entity_by_id(g, id);
    if (*out == KG_NONE)
        return kg_error_set(err, KG_ENOTFOUND, s->origin, s->line, 0, "%s: unknown entity \"%s\"", field, id);
    return KG_OK;
}

static int check_value(const kg_stmt_spec_t *s, kg_error_t *err)
{
    const kg_value_t *v = &s->value;
    switch (v->type) {
    case KG_VALUE_NUMBER:
        if ((unsigned)v->qualifier > KG_Q_LAST)
            return kg_error_set(err, KG_EINPUT, s->origin, s->line, 0, "value.qualifier is not a known qualifier");
        if (kg_qualifier_is_vague(v->qualifier)) {
            double lo, hi;
            kg_qualifier_vague_range(v->qualifier, &lo, &hi);
            if (!isnan(v->amount) && v->amount != lo)
                return kg_error_set(err, KG_EINPUT, s->origin, s->line, 0,
                                    "value: \"%s\" is a vague quantity, which has no amount of its own (%g given): "
                                    "write the qualifier alone, or the count with another qualifier",
                                    kg_qualifier_name(v->qualifier), v->amount);
            if (!isnan(v->lower) || !isnan(v->upper))
                return kg_error_set(err, KG_EINPUT, s->origin, s->line, 0,
                                    "value: \"%s\" is a vague quantity and takes no lower or upper bound",
                                    kg_qualifier_name(v->qualifier));
            return KG_OK;
        }
        if (!isfinite(v->amount))
            return kg_error_set(err, KG_EINPUT, s->origin, s->line, 0, "value.amount must be a finite number");
        if (isinf(v->lower) || isinf(v->upper))
            return kg_error_set(err, KG_EINPUT, s->origin, s->line, 0, "value bounds must be finite numbers");
        if (!isnan(v->lower) && !isnan(v->upper) && v->lower > v->upper)
            return kg_error_set(err, KG_EINPUT, s->origin, s->line, 0, "value.lower (%g) is above value.upper (%g)",
                                v->lower, v->upper);
        if ((!isnan(v->lower) && v->amount < v->lower) || (!isnan(v->upper) && v->amount > v->upper))
            return kg_error_set(err, KG_EINPUT, s->origin, s->line, 0,
                                "value.amount (%g) lies outside its bounds", v->amount);
        return KG_OK;
    case KG_VALUE_TEXT:
        if (!v->text)
            return kg_error_set(err, KG_EINPUT, s->origin, s->line, 0, "value: text missing");
        return KG_OK;
    case KG_VALUE_DATE: {
        kg_date_t d;
        if (!v->text || kg_date_parse(v->text, &d) != KG_OK)
            return kg_error_set(err, KG_EINPUT, s->origin, s->line, 0,
                                "value.date \"%s\" is not an ISO 8601 date (YYYY, YYYY-MM or YYYY-MM-DD)",
                                v->text ? v->text : "");
        return KG_OK;
    }
    default:
        return kg_error_set(err, KG_EINPUT, s->origin, s->line, 0, "value: unknown value type");
    }
}

/* The statement must fit its predicate's declaration, if any. */
static int check_declared(const kg_graph_t *g, const kg_stmt_spec_t *s, uint32_t pred_sym, kg_error_t *err)
{
    uint32_t p = g->pred_by_sym[pred_sym];
    if (p == KG_NONE)
        return KG_OK;
    const kg_predicate_t *d = &g->preds[p].decl;
    int is_rel = s->object != NULL;
    if (d->kind == KG_PRED_RELATION && !is_rel)
        return kg_error_set(err, KG_EINPUT, s->origin, s->line, 0,
                            "value: predicate \"%s\" is declared a relation, so the statement needs an \"object\"",
                            s->predicate);
    if (d->kind == KG_PRED_CLAIM && is_rel)
        return kg_error_set(err, KG_EINPUT, s->origin, s->line, 0,
                            "object: predicate \"%s\" is declared a claim, so the statement needs a \"value\"",
                            s->predicate);
    if (!is_rel && d->value_type != KG_VALUE_NONE && d->value_type != s->value.type)
        return kg_error_set(err, KG_EINPUT, s->origin, s->line, 0,
                            "value: predicate \"%s\" is declared of type %s, but the value is a %s", s->predicate,
                            kg_value_type_name(d->value_type), kg_value_type_name(s->value.type));
    return KG_OK;
}

int kg_graph_add_stmt(kg_graph_t *g, const kg_stmt_spec_t *s, kg_stmt_t *out, kg_error_t *err)
{
    if (out)
        *out = KG_NONE;
    int rc;
    if (!s->subject || !*s->subject)
        return kg_error_set(err, KG_EINPUT, s->origin, s->line, 0, "statement without a subject");
    if (!s->predicate || !*s->predicate)
        return kg_error_set(err, KG_EINPUT, s->origin, s->line, 0, "statement without a predicate");
    if ((rc = kg_i_check_text(s->subject, "the subject", s->origin, s->line, err)) ||
        (rc = kg_i_check_text(s->predicate, "the predicate", s->origin, s->line, err)) ||
        (rc = kg_i_check_text(s->object, "the object", s->origin, s->line, err)) ||
        (rc = kg_i_check_text(s->as_of, "as_of", s->origin, s->line, err)) ||
        (rc = kg_i_check_text(s->according_to, "according_to", s->origin, s->line, err)) ||
        (rc = kg_i_check_text(s->value.text, "the value", s->origin, s->line, err)) ||
        (rc = kg_i_check_text(s->value.unit, "the unit", s->origin, s->line, err)))
        return rc;
    for (size_t i = 0; i < s->n_cites; i++)
        if ((rc = kg_i_check_text(s->cites[i].source, "a source id", s->origin, s->line, err)) ||
            (rc = kg_i_check_text(s->cites[i].quote, "a quote", s->origin, s->line, err)))
            return rc;
    int has_obj = s->object != NULL, has_val = s->value.type != KG_VALUE_NONE;
    if (has_obj == has_val)
        return kg_error_set(err, KG_EINPUT, s->origin, s->line, 0,
                            "statement (%s, %s): needs exactly one of \"object\" and \"value\"", s->subject,
                            s->predicate);
    if (has_val && (rc = check_value(s, err)))
        return rc;
    kg_when_t when;
    const char *why;
    if (s->as_of && kg_when_parse(s->as_of, &when, &why) != KG_OK)
        return kg_error_set(err, KG_EINPUT, s->origin, s->line, 0, "as_of \"%s\" %s", s->as_of, why);
    if ((rc = kg_i_check_attrs(s->attrs, "statement", s->origin, s->line, err)))
        return rc;

    kg_st_t key;
    memset(&key, 0, sizeof key);
    key.obj = KG_NONE;
    key.acc = KG_NONE;
    key.lower = key.upper = key.amount = NAN;
    if ((rc = resolve(g, s, "subject", s->subject, &key.subj, err)))
        return rc;
    if (has_obj && (rc = resolve(g, s, "object", s->object, &key.obj, err)))
        return rc;
    if (s->according_to && (rc = resolve(g, s, "according_to", s->according_to, &key.acc, err)))
        return rc;
    /* the sources and quotes found here are used again below; a long list is looked up again instead */
    uint32_t src_seen[16], quote_seen[16];
    int seen = s->n_cites <= sizeof src_seen / sizeof *src_seen;
    for (size_t i = 0; i < s->n_cites; i++) {
        uint32_t src;
        if (!s->cites[i].source)
            return kg_error_set(err, KG_EINPUT, s->origin, s->line, 0, "sources[%zu]: missing id", i);
        if ((rc = resolve(g, s, "sources", s->cites[i].source, &src, err)))
            return rc;
        if (seen)
            src_seen[i] = src;
        if (!kg_entity_is_source(g, src))
            return kg_error_set(err, KG_EINPUT, s->origin, s->line, 0,
                                "sources: \"%s\" is a %s, not a source", s->cites[i].source, kg_entity_kind(g, src));
    }
    key.pred = kg_i_intern(g, s->predicate);
    key.as_of = kg_i_intern(g, s->as_of);
    if (key.pred == KG_NONE || key.as_of == KG_NONE)
        return kg_error_set(err, KG_ENOMEM, s->origin, s->line, 0, "out of memory");
    if ((rc = check_declared(g, s, key.pred, err)))
        return rc;
    if (has_val) {
        key.vtype = (uint8_t)s->value.type;
        if (s->value.type == KG_VALUE_NUMBER) {
            key.qual = (uint8_t)s->value.qualifier;
            key.amount = s->value.amount;
            double hi; /* a vague quantity's amount is its interval's lower end */
            if (kg_qualifier_is_vague(s->value.qualifier))
                kg_qualifier_vague_range(s->value.qualifier, &key.amount, &hi);
            key.lower = s->value.lower;
            key.upper = s->value.upper;
            key.unit = kg_i_intern(g, s->value.unit);
        } else {
            key.text = kg_i_intern(g, s->value.text);
        }
        if (key.unit == KG_NONE || key.text == KG_NONE)
            return kg_error_set(err, KG_ENOMEM, s->origin, s->line, 0, "out of memory");
    }
    for (size_t i = 0; i < s->n_cites; i++) {
        uint32_t q = kg_i_intern(g, s->cites[i].quote);
        if (q == KG_NONE)
            return kg_error_set(err, KG_ENOMEM, s->origin, s->line, 0, "out of memory");
        if (seen)
            quote_seen[i] = q;
    }

    uint32_t p;
    if (kg_i_pred_get(g, key.pred, &p) || kg_i_snapshot_pred(g, p))
        return kg_error_set(err, KG_ENOMEM, s->origin, s->line, 0, "out of memory");
    kg_i_changed(g);

    uint32_t st = stab_find(g, &key);
    if (st == KG_NONE) {
        if (g->n_stmts >= KG_AMBIGUOUS - 1 ||
            kg_i_grow((void **)&g->stmts, &g->cap_stmts, g->n_stmts + 1, sizeof *g->stmts))
            return kg_error_set(err, KG_ENOMEM, s->origin, s->line, 0, "out of memory");
        if ((size_t)(g->n_stmts + 1) * 2 > g->stab_cap && kg_i_stab_rebuild(g) != 0)
            return kg_error_set(err, KG_ENOMEM, s->origin, s->line, 0, "out of memory");
        st = g->n_stmts++;
        g->stmts[st] = key;
        stab_insert(g, st);
    } else if (kg_i_snapshot_stmt(g, st)) {
        return kg_error_set(err, KG_ENOMEM, s->origin, s->line, 0, "out of memory");
    }
    kg_st_t *x = &g->stmts[st];
    for (size_t i = 0; i < s->n_cites; i++)
        if (add_cite(x, seen ? src_seen[i] : kg_graph_entity_by_id(g, s->cites[i].source),
                     seen ? quote_seen[i] : kg_strpool_lookup(&g->pool, s->cites[i].quote)))
            return kg_error_set(err, KG_ENOMEM, s->origin, s->line, 0, "out of memory");
    if (s->attrs) { /* the words for a message only when there are attributes to merge (a million statements) */
        char what[300];
        snprintf(what, sizeof what, "statement %s %s", s->subject, s->predicate);
        if ((rc = kg_i_attrs_merge(g, &x->attrs, s->attrs, what, s->origin, s->line, err)))
            return rc;
    }
    kg_pred_rec_t *pr = &g->preds[p];
    if (has_obj)
        pr->used_relation = 1;
    else
        pr->used_types |= (uint8_t)(1u << s->value.type);
    if (out)
        *out = st;
    return KG_OK;
}

size_t kg_graph_stmt_count(const kg_graph_t *g)
{
    return g->n_stmts;
}

#define ST_OR_NULL(g, s) ((s) < (g)->n_stmts ? &(g)->stmts[s] : NULL)

kg_entity_t kg_stmt_subject(const kg_graph_t *g, kg_stmt_t s)
{
    const kg_st_t *x = ST_OR_NULL(g, s);
    return x ? x->subj : KG_NONE;
}
const char *kg_stmt_predicate(const kg_graph_t *g, kg_stmt_t s)
{
    const kg_st_t *x = ST_OR_NULL(g, s);
    return x ? kg_i_str(g, x->pred) : NULL;
}
kg_entity_t kg_stmt_object(const kg_graph_t *g, kg_stmt_t s)
{
    const kg_st_t *x = ST_OR_NULL(g, s);
    return x ? x->obj : KG_NONE;
}
void kg_stmt_value(const kg_graph_t *g, kg_stmt_t s, kg_value_t *out)
{
    kg_value_init(out);
    const kg_st_t *x = ST_OR_NULL(g, s);
    if (!x || x->vtype == KG_VALUE_NONE)
        return;
    out->type = (kg_value_type_t)x->vtype;
    out->qualifier = (kg_qualifier_t)x->qual;
    out->amount = x->amount;
    out->lower = x->lower;
    out->upper = x->upper;
    out->unit = kg_i_str(g, x->unit);
    out->text = kg_i_str(g, x->text);
}
const char *kg_stmt_as_of(const kg_graph_t *g, kg_stmt_t s)
{
    const kg_st_t *x = ST_OR_NULL(g, s);
    return x ? kg_i_str(g, x->as_of) : NULL;
}
kg_entity_t kg_stmt_according_to(const kg_graph_t *g, kg_stmt_t s)
{
    const kg_st_t *x = ST_OR_NULL(g, s);
    return x ? x->acc : KG_NONE;
}
size_t kg_stmt_cite_count(const kg_graph_t *g, kg_stmt_t s)
{
    const kg_st_t *x = ST_OR_NULL(g, s);
    return x ? x->n_cite : 0;
}
kg_entity_t kg_stmt_cite(const kg_graph_t *g, kg_stmt_t s, size_t i, const char **quote)
{
    const kg_st_t *x = ST_OR_NULL(g, s);
    if (quote)
        *quote = NULL;
    if (!x || i >= x->n_cite)
        return KG_NONE;
    if (quote)
        *quote = kg_i_str(g, x->cites[i].quote);
    return x->cites[i].source;
}
const json_t *kg_stmt_attrs(const kg_graph_t *g, kg_stmt_t s)
{
    const kg_st_t *x = ST_OR_NULL(g, s);
    return x ? x->attrs : NULL;
}
const json_t *kg_stmt_attr(const kg_graph_t *g, kg_stmt_t s, const char *key)
{
    const kg_st_t *x = ST_OR_NULL(g, s);
    return x && x->attrs ? json_object_get(x->attrs, key) : NULL;
}
int kg_stmt_attr_set_new(kg_graph_t *g, kg_stmt_t s, const char *key, json_t *value)
{
    if (s >= g->n_stmts || !key || !value) {
        json_decref(value);
        return KG_EUSAGE;
    }
    if (kg_i_snapshot_stmt(g, s)) {
        json_decref(value);
        return KG_ENOMEM;
    }
    kg_st_t *x = &g->stmts[s];
    if (!x->attrs && (x->attrs = kg_i_shared_attrs(g, key, value)) != NULL) {
        json_decref(value); /* the shared object holds it: {"agreement": verdict} once for all who have just that */
        return KG_OK;
    }
    if (kg_i_attrs_unshare(&x->attrs) || (!x->attrs && !(x->attrs = json_object()))) {
        json_decref(value);
        return KG_ENOMEM;
    }
    return json_object_set_new(x->attrs, key, value) == 0 ? KG_OK : KG_ENOMEM;
}

int kg_graph_add_parallel(kg_graph_t *g, const kg_stmt_spec_t *spec, size_t first, kg_stmt_t *out, kg_error_t *err)
{
    size_t before = kg_graph_stmt_count(g);
    kg_stmt_t s;
    int rc = kg_graph_add_stmt(g, spec, &s, err);
    if (rc == KG_OK && kg_graph_stmt_count(g) == before && s >= first) {
        const json_t *m = kg_stmt_attr(g, s, KG_ATTR_MULTIPLICITY);
        json_int_t n = json_is_integer(m) && json_integer_value(m) > 0 ? json_integer_value(m) : 1;
        if (kg_stmt_attr_set_new(g, s, KG_ATTR_MULTIPLICITY, json_integer(n + 1)))
            rc = kg_error_set(err, KG_ENOMEM, spec->origin, spec->line, 0, "out of memory");
    }
    if (out)
        *out = s;
    return rc;
}
