/* predicate.c - predicate declarations (relation or claim, functional, type, unit, tolerance, cumulative) and defaults. */
#include "graph_internal.h"
#include "kgkit/attrs.h"

#include <math.h>
#include <string.h>

#define KG_DEFAULT_TOLERANCE 0.05

void kg_predicate_init(kg_predicate_t *p, const char *name)
{
    memset(p, 0, sizeof *p);
    p->name = name;
    p->kind = KG_PRED_UNKNOWN;
    p->functional = -1;
    p->cumulative = -1;
    p->value_type = KG_VALUE_NONE;
    p->tolerance = NAN;
}

void kg_i_rebuild_pred_map(kg_graph_t *g)
{
    for (uint32_t i = 0; i < g->map_cap; i++)
        g->pred_by_sym[i] = KG_NONE;
    for (uint32_t p = 0; p < g->n_preds; p++)
        g->pred_by_sym[g->preds[p].sym] = p;
}

int kg_i_pred_get(kg_graph_t *g, uint32_t sym, uint32_t *out)
{
    uint32_t p = g->pred_by_sym[sym];
    if (p == KG_NONE) {
        if (kg_i_grow((void **)&g->preds, &g->cap_preds, g->n_preds + 1, sizeof *g->preds))
            return KG_ENOMEM;
        p = g->n_preds++;
        kg_pred_rec_t *r = &g->preds[p];
        memset(r, 0, sizeof *r);
        r->sym = sym;
        r->symmetric = -1;
        kg_predicate_init(&r->decl, kg_i_str(g, sym));
        g->pred_by_sym[sym] = p;
        kg_i_changed(g);
    }
    *out = p;
    return KG_OK;
}

static int clash(const char *name, const char *field, kg_error_t *err)
{
    return kg_error_say(err, KG_ECONFLICT, "predicate \"%s\" is declared twice with different \"%s\"",
                        name, field);
}

int kg_graph_declare_predicate(kg_graph_t *g, const kg_predicate_t *d, kg_error_t *err)
{
    if (!d->name || !*d->name)
        return kg_error_say(err, KG_EINPUT, "predicate without a name");
    int rc;
    if ((rc = kg_i_check_text(d->name, "a predicate name", NULL, 0, err)) ||
        (rc = kg_i_check_text(d->unit, "the unit", NULL, 0, err)) ||
        (rc = kg_i_check_text(d->label, "the label", NULL, 0, err)) ||
        (rc = kg_i_check_text(d->description, "the description", NULL, 0, err)))
        return rc;
    if ((unsigned)d->kind > KG_PRED_CLAIM || (unsigned)d->value_type > KG_VALUE_DATE)
        return kg_error_say(err, KG_EINPUT, "predicate \"%s\": unknown kind or type", d->name);
    if (d->kind == KG_PRED_RELATION && d->value_type != KG_VALUE_NONE)
        return kg_error_say(err, KG_EINPUT,
                            "predicate \"%s\": a relation has entity objects, not values of type %s", d->name,
                            kg_value_type_name(d->value_type));
    if (!isnan(d->tolerance) && (!isfinite(d->tolerance) || d->tolerance < 0))
        return kg_error_say(err, KG_EINPUT, "predicate \"%s\": tolerance must be a number >= 0",
                            d->name);
    uint32_t sym = kg_i_intern(g, d->name);
    uint32_t unit = kg_i_intern(g, d->unit), label = kg_i_intern(g, d->label);
    uint32_t descr = kg_i_intern(g, d->description);
    if (sym == KG_NONE || unit == KG_NONE || label == KG_NONE || descr == KG_NONE)
        return kg_error_say(err, KG_ENOMEM, "out of memory");
    kg_pred_kind_t kind = d->kind;
    if (kind == KG_PRED_UNKNOWN && d->value_type != KG_VALUE_NONE)
        kind = KG_PRED_CLAIM;

    uint32_t p = g->pred_by_sym[sym];
    if (p != KG_NONE) {
        const kg_pred_rec_t *r = &g->preds[p];
        const kg_predicate_t *h = &r->decl;
        if (kind && h->kind && kind != h->kind)
            return clash(d->name, "kind", err);
        if (d->functional >= 0 && h->functional >= 0 && d->functional != h->functional)
            return clash(d->name, "functional", err);
        if (d->cumulative >= 0 && h->cumulative >= 0 && d->cumulative != h->cumulative)
            return clash(d->name, "cumulative", err);
        if (d->value_type && h->value_type && d->value_type != h->value_type)
            return clash(d->name, "type", err);
        if (unit && h->unit && kg_i_str(g, unit) != h->unit)
            return clash(d->name, "unit", err);
        if (!isnan(d->tolerance) && !isnan(h->tolerance) && d->tolerance != h->tolerance)
            return clash(d->name, "tolerance", err);
        if (label && h->label && kg_i_str(g, label) != h->label)
            return clash(d->name, "label", err);
        if (descr && h->description && kg_i_str(g, descr) != h->description)
            return clash(d->name, "description", err);
        /* statements already there must fit */
        if (kind == KG_PRED_CLAIM && r->used_relation)
            return kg_error_say(err, KG_ECONFLICT,
                                "predicate \"%s\" is declared a claim but statements use it as a relation", d->name);
        if (kind == KG_PRED_RELATION && r->used_types)
            return kg_error_say(err, KG_ECONFLICT,
                                "predicate \"%s\" is declared a relation but statements give it values", d->name);
        if (d->value_type && (r->used_types & ~(1u << d->value_type)))
            return kg_error_say(err, KG_ECONFLICT,
                                "predicate \"%s\" is declared of type %s but statements give it other values",
                                d->name, kg_value_type_name(d->value_type));
    }
    if (kg_i_pred_get(g, sym, &p) || kg_i_snapshot_pred(g, p))
        return kg_error_say(err, KG_ENOMEM, "out of memory");
    kg_predicate_t *h = &g->preds[p].decl;
    if (kind)
        h->kind = kind;
    if (d->functional >= 0)
        h->functional = d->functional ? 1 : 0;
    if (d->cumulative >= 0)
        h->cumulative = d->cumulative ? 1 : 0;
    if (d->value_type)
        h->value_type = d->value_type;
    if (unit)
        h->unit = kg_i_str(g, unit);
    if (!isnan(d->tolerance))
        h->tolerance = d->tolerance;
    if (label)
        h->label = kg_i_str(g, label);
    if (descr)
        h->description = kg_i_str(g, descr);
    kg_i_changed(g);
    return KG_OK;
}

size_t kg_graph_predicate_count(const kg_graph_t *g)
{
    return g->n_preds;
}

const char *kg_graph_predicate_name(const kg_graph_t *g, size_t i)
{
    return i < g->n_preds ? kg_i_str(g, g->preds[i].sym) : NULL;
}

static const kg_pred_rec_t *find_rec(const kg_graph_t *g, const char *name)
{
    uint32_t sym = kg_strpool_lookup(&g->pool, name);
    if (!sym || g->pred_by_sym[sym] == KG_NONE)
        return NULL;
    return &g->preds[g->pred_by_sym[sym]];
}

int kg_graph_predicate_declared(const kg_graph_t *g, const char *name, kg_predicate_t *out)
{
    const kg_pred_rec_t *r = find_rec(g, name);
    if (!r)
        return KG_ENOTFOUND;
    *out = r->decl;
    return KG_OK;
}

int kg_graph_predicate(const kg_graph_t *g, const char *name, kg_predicate_t *out)
{
    const kg_pred_rec_t *r = find_rec(g, name);
    if (!r)
        return KG_ENOTFOUND;
    *out = r->decl;
    if (out->kind == KG_PRED_UNKNOWN)
        out->kind = (r->used_types && !r->used_relation) ? KG_PRED_CLAIM : KG_PRED_RELATION;
    if (out->kind == KG_PRED_CLAIM && out->value_type == KG_VALUE_NONE) {
        if (r->used_types & (1u << KG_VALUE_NUMBER))
            out->value_type = KG_VALUE_NUMBER;
        else if (r->used_types & (1u << KG_VALUE_DATE))
            out->value_type = KG_VALUE_DATE;
        else
            out->value_type = KG_VALUE_TEXT;
    }
    if (out->functional < 0)
        out->functional = out->kind == KG_PRED_CLAIM;
    if (out->cumulative < 0)
        out->cumulative = 0;
    if (isnan(out->tolerance))
        out->tolerance = KG_DEFAULT_TOLERANCE;
    return KG_OK;
}

/* ------------------------------------------------- the declaration's words */

int kg_pred_kind_parse(const char *name, kg_pred_kind_t *out)
{
    if (name && !strcmp(name, "relation"))
        *out = KG_PRED_RELATION;
    else if (name && !strcmp(name, "claim"))
        *out = KG_PRED_CLAIM;
    else
        return KG_ENOTFOUND;
    return KG_OK;
}

const char *kg_pred_kind_name(kg_pred_kind_t kind)
{
    return kind == KG_PRED_RELATION ? "relation" : kind == KG_PRED_CLAIM ? "claim" : NULL;
}

int kg_value_type_parse(const char *name, kg_value_type_t *out)
{
    static const struct {
        const char *name;
        kg_value_type_t type;
    } types[] = {{"entity", KG_VALUE_NONE}, {"number", KG_VALUE_NUMBER}, {"text", KG_VALUE_TEXT}, {"date", KG_VALUE_DATE}};
    for (size_t i = 0; name && i < sizeof types / sizeof *types; i++)
        if (!strcmp(name, types[i].name)) {
            *out = types[i].type;
            return KG_OK;
        }
    return KG_ENOTFOUND;
}

static int decl_str(const json_t *decl, const char *what, const char *field, const char **out, kg_error_t *err)
{
    const json_t *v = json_object_get(decl, field);
    *out = NULL;
    if (!v || json_is_null(v))
        return KG_OK;
    if (!json_is_string(v))
        return kg_error_say(err, KG_EINPUT, "%s: field \"%s\" must be a string", what, field);
    *out = json_string_value(v);
    return KG_OK;
}

int kg_predicate_from_json(const char *name, const json_t *decl, kg_predicate_t *out, kg_error_t *err)
{
    char what[300];
    int rc;
    snprintf(what, sizeof what, "predicate \"%s\"", name ? name : "?");
    kg_predicate_init(out, name);
    if (!json_is_object(decl))
        return kg_error_say(err, KG_EINPUT, "%s must be an object", what);
    const char *kind = NULL, *type = NULL;
    if ((rc = decl_str(decl, what, "kind", &kind, err)) || (rc = decl_str(decl, what, "value_type", &type, err)) ||
        (rc = decl_str(decl, what, "unit", &out->unit, err)) || (rc = decl_str(decl, what, "label", &out->label, err)) ||
        (rc = decl_str(decl, what, "description", &out->description, err)))
        return rc;
    if (kind && kg_pred_kind_parse(kind, &out->kind) != KG_OK)
        return kg_error_say(err, KG_EINPUT, "%s: field \"kind\" must be \"relation\" or \"claim\", not \"%s\"",
                            what, kind);
    if (type) {
        kg_value_type_t vt;
        if (kg_value_type_parse(type, &vt) != KG_OK)
            return kg_error_say(err, KG_EINPUT,
                                "%s: field \"value_type\" must be entity, number, text or date, not \"%s\"", what, type);
        if (vt == KG_VALUE_NONE && out->kind == KG_PRED_CLAIM)
            return kg_error_say(err, KG_EINPUT, "%s: a claim cannot have value_type \"entity\"", what);
        if (vt == KG_VALUE_NONE)
            out->kind = KG_PRED_RELATION;
        else
            out->value_type = vt;
    }
    const json_t *x;
    if ((x = json_object_get(decl, "functional"))) {
        if (!json_is_boolean(x))
            return kg_error_say(err, KG_EINPUT, "%s: field \"functional\" must be true or false", what);
        out->functional = json_is_true(x);
    }
    if ((x = json_object_get(decl, "cumulative"))) {
        if (!json_is_boolean(x))
            return kg_error_say(err, KG_EINPUT, "%s: field \"cumulative\" must be true or false", what);
        out->cumulative = json_is_true(x);
    }
    if ((x = json_object_get(decl, "tolerance"))) {
        if (!json_is_number(x) || json_number_value(x) < 0)
            return kg_error_say(err, KG_EINPUT,
                                "%s: field \"tolerance\" must be a number >= 0 (a fraction: 0.05 is 5 %%)", what);
        out->tolerance = json_number_value(x);
    }
    return KG_OK;
}

int kg_graph_declare_symmetric(kg_graph_t *g, const char *name, int symmetric, kg_error_t *err)
{
    int rc;
    if (!name || !*name)
        return kg_error_say(err, KG_EINPUT, "predicate without a name");
    if ((rc = kg_i_check_text(name, "a predicate name", NULL, 0, err)))
        return rc;
    uint32_t sym = kg_i_intern(g, name), p;
    if (sym == KG_NONE)
        return kg_error_say(err, KG_ENOMEM, "out of memory");
    p = g->pred_by_sym[sym];
    if (p != KG_NONE) {
        const kg_pred_rec_t *r = &g->preds[p];
        if (r->decl.kind == KG_PRED_CLAIM || r->used_types)
            return kg_error_say(err, KG_EINPUT, "predicate \"%s\" is a claim: only a relation can be symmetric", name);
        if (r->symmetric >= 0 && r->symmetric != (symmetric != 0))
            return clash(name, "symmetric", err);
    }
    if (kg_i_pred_get(g, sym, &p) || kg_i_snapshot_pred(g, p))
        return kg_error_say(err, KG_ENOMEM, "out of memory");
    kg_pred_rec_t *r = &g->preds[p];
    r->symmetric = symmetric != 0;
    if (symmetric)
        r->decl.kind = KG_PRED_RELATION;
    kg_i_changed(g);
    return KG_OK;
}

int kg_graph_predicate_symmetric(const kg_graph_t *g, const char *name)
{
    const kg_pred_rec_t *r = find_rec(g, name);
    return r ? r->symmetric : -1;
}

int kg_stmt_undirected(const kg_graph_t *g, kg_stmt_t s)
{
    if (kg_graph_predicate_symmetric(g, kg_stmt_predicate(g, s)) == 1)
        return 1;
    return json_is_true(kg_stmt_attr(g, s, KG_ATTR_UNDIRECTED));
}
