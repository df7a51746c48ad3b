/* graph.c - graph lifetime, string interning, warnings and all-or-nothing transactions. */
#include "graph_internal.h"
#include "alloc.h"
#include "kgkit/buf.h"

#include <math.h>
#include <stdint.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int kg_graph_new(kg_graph_t **out)
{
    *out = NULL;
    kg_graph_t *g = kg_i_calloc(1, sizeof *g);
    if (!g)
        return KG_ENOMEM;
    if (kg_strpool_init(&g->pool) != 0) {
        free(g);
        return KG_ENOMEM;
    }
    if (kg_i_maps_reserve(g) != 0 || kg_i_stab_rebuild(g) != 0) {
        kg_graph_free(g);
        return KG_ENOMEM;
    }
    *out = g;
    return KG_OK;
}

void kg_graph_free(kg_graph_t *g)
{
    if (!g)
        return;
    if (g->in_txn)
        kg_graph_commit(g); /* releases the saved copies */
    for (uint32_t i = 0; i < g->n_ents; i++) {
        free(g->ents[i].alias);
        json_decref(g->ents[i].attrs);
    }
    for (uint32_t i = 0; i < g->n_stmts; i++)
        kg_i_stmt_free(&g->stmts[i]);
    free(g->ents);
    free(g->stmts);
    free(g->preds);
    free(g->ent_by_sym);
    free(g->alias_by_sym);
    free(g->pred_by_sym);
    free(g->stab);
    for (size_t i = 0; i < g->shared_cap; i++)
        json_decref(g->shared_attrs[i]);
    free(g->shared_attrs);
    free(g->undo);
    kg_i_index_free(&g->idx);
    kg_strpool_destroy(&g->pool);
    free(g);
}

const char *kg_i_str(const kg_graph_t *g, uint32_t sym)
{
    return kg_strpool_str(&g->pool, sym);
}

uint32_t kg_i_intern(kg_graph_t *g, const char *s)
{
    if (!s)
        return 0;
    uint32_t sym = kg_strpool_intern(&g->pool, s, strlen(s));
    if (!sym)
        return KG_NONE;
    if (sym >= g->map_cap && kg_i_maps_reserve(g) != 0)
        return KG_NONE;
    return sym;
}

const char *kg_graph_intern(kg_graph_t *g, const char *s)
{
    uint32_t sym = kg_i_intern(g, s);
    return sym == KG_NONE ? NULL : kg_i_str(g, sym);
}

int kg_i_grow(void **arr, uint32_t *cap, uint32_t need, size_t elem)
{
    if (need <= *cap)
        return 0;
    uint64_t c = *cap ? *cap : 16;
    while (c < need)
        c *= 2;
    if (c > UINT32_MAX - 2)
        c = UINT32_MAX - 2;
    if (c < need)
        return -1;
    void *p = kg_i_realloc(*arr, (size_t)c * elem);
    if (!p)
        return -1;
    *arr = p;
    *cap = (uint32_t)c;
    return 0;
}

static int grow_map(uint32_t **map, uint32_t old, uint32_t cap)
{
    uint32_t *m = kg_i_realloc(*map, (size_t)cap * sizeof *m);
    if (!m)
        return -1;
    for (uint32_t i = old; i < cap; i++)
        m[i] = KG_NONE;
    *map = m;
    return 0;
}

int kg_i_maps_reserve(kg_graph_t *g)
{
    uint32_t need = g->pool.cap;
    if (need <= g->map_cap)
        return 0;
    if (grow_map(&g->ent_by_sym, g->map_cap, need) || grow_map(&g->alias_by_sym, g->map_cap, need) ||
        grow_map(&g->pred_by_sym, g->map_cap, need))
        return -1;
    g->map_cap = need;
    return 0;
}

void kg_i_changed(kg_graph_t *g)
{
    g->idx.valid = 0;
}

/* ------------------------------------------------------------ warnings */

void kg_graph_set_warn_handler(kg_graph_t *g, kg_warn_fn fn, void *userdata)
{
    g->warn = fn;
    g->warn_ud = userdata;
}

size_t kg_graph_warning_count(const kg_graph_t *g)
{
    return g->n_warn;
}

void kg_graph_warn(kg_graph_t *g, const char *source, int line, int column, const char *fmt, ...)
{
    kg_error_t w;
    kg_error_clear(&w);
    w.code = KG_OK;
    w.line = line;
    w.column = column;
    if (source)
        snprintf(w.source, sizeof w.source, "%s", source);
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(w.text, sizeof w.text, fmt, ap);
    va_end(ap);
    kg_i_printable(w.text, sizeof w.text);
    kg_i_printable(w.source, sizeof w.source);
    g->n_warn++;
    if (g->warn)
        g->warn(g->warn_ud, &w);
}

/* ---------------------------------------------------------- attributes */

int kg_i_attrs_unshare(json_t **attrs)
{
    if (!*attrs || (*attrs)->refcount <= 1)
        return KG_OK;
    json_t *own = json_copy(*attrs); /* the values stay shared: only the object changes */
    if (!own)
        return KG_ENOMEM;
    json_decref(*attrs);
    *attrs = own;
    return KG_OK;
}

/* Where {key: value} goes in the table of shared attribute objects. */
static size_t shared_slot(const kg_graph_t *g, const char *key, const json_t *value)
{
    uint64_t h = (uint64_t)(uintptr_t)value;
    for (const char *k = key; *k; k++)
        h = h * 31 + (unsigned char)*k;
    size_t i = (size_t)(kg_hash_u64(h) & (g->shared_cap - 1));
    for (;; i = (i + 1) & (g->shared_cap - 1)) {
        json_t *o = g->shared_attrs[i];
        if (!o)
            return i;
        void *it = json_object_iter(o);
        if (json_object_iter_value(it) == value && !strcmp(json_object_iter_key(it), key))
            return i;
    }
}

json_t *kg_i_shared_attrs(kg_graph_t *g, const char *key, json_t *value)
{
    if (value->refcount <= 1)
        return NULL; /* nobody else holds it: nothing to share */
    if (2 * (g->n_shared + 1) > g->shared_cap) {
        size_t cap = g->shared_cap ? 2 * g->shared_cap : 64;
        json_t **old = g->shared_attrs;
        size_t old_cap = g->shared_cap;
        json_t **table = calloc(cap, sizeof *table);
        if (!table)
            return NULL;
        g->shared_attrs = table;
        g->shared_cap = cap;
        for (size_t i = 0; i < old_cap; i++)
            if (old[i]) {
                void *it = json_object_iter(old[i]);
                g->shared_attrs[shared_slot(g, json_object_iter_key(it), json_object_iter_value(it))] = old[i];
            }
        free(old);
    }
    size_t i = shared_slot(g, key, value);
    if (!g->shared_attrs[i]) {
        json_t *o = json_object();
        if (!o || json_object_set(o, key, value) != 0) {
            json_decref(o);
            return NULL;
        }
        g->shared_attrs[i] = o;
        g->n_shared++;
    }
    return json_incref(g->shared_attrs[i]);
}

int kg_i_attrs_merge(kg_graph_t *g, json_t **dst, const json_t *src, const char *what, const char *origin,
                     int line, kg_error_t *err)
{
    if (!src)
        return KG_OK;
    if (!json_is_object(src))
        return kg_error_set(err, KG_EINPUT, origin, line, 0, "%s: \"attrs\" must be an object", what);
    const char *key;
    json_t *val;
    json_object_foreach((json_t *)src, key, val) {
        json_t *have = *dst ? json_object_get(*dst, key) : NULL;
        if (have) {
            if (!json_equal(have, val)) {
                char *a = json_dumps(have, JSON_ENCODE_ANY | JSON_COMPACT);
                char *b = json_dumps(val, JSON_ENCODE_ANY | JSON_COMPACT);
                kg_graph_warn(g, origin, line, 0, "%s: attribute \"%s\" differs: kept %s, ignored %s", what,
                              key, a ? a : "?", b ? b : "?");
                free(a);
                free(b);
            }
            continue;
        }
        /* a shared object is copied before it changes, and only then: a merge that adds nothing keeps it shared */
        if (kg_i_attrs_unshare(dst) || (!*dst && !(*dst = json_object())))
            return kg_error_set(err, KG_ENOMEM, origin, line, 0, "out of memory");
        if (json_object_set_new(*dst, key, json_deep_copy(val)) != 0)
            return kg_error_set(err, KG_ENOMEM, origin, line, 0, "out of memory");
    }
    return KG_OK;
}

/* -------------------------------------------------------- transactions */

int kg_graph_in_transaction(const kg_graph_t *g)
{
    return g->in_txn;
}

int kg_graph_begin(kg_graph_t *g)
{
    if (g->in_txn)
        return KG_EUSAGE;
    g->in_txn = 1;
    g->txn_serial++;
    g->txn_ents = g->n_ents;
    g->txn_stmts = g->n_stmts;
    g->txn_preds = g->n_preds;
    g->n_undo = 0;
    return KG_OK;
}

static int push_undo(kg_graph_t *g, kg_undo_t **out)
{
    if (g->n_undo == g->cap_undo) {
        size_t cap = g->cap_undo ? g->cap_undo * 2 : 64;
        kg_undo_t *u = kg_i_realloc(g->undo, cap * sizeof *u);
        if (!u)
            return KG_ENOMEM;
        g->undo = u;
        g->cap_undo = cap;
    }
    *out = &g->undo[g->n_undo++];
    return KG_OK;
}

/* Before the first change of an object that existed when the transaction
 * began, save it. Attributes are copied on write: the saved reference keeps
 * the old object, the live one gets a deep copy. */
int kg_i_snapshot_ent(kg_graph_t *g, uint32_t e)
{
    kg_ent_t *x = &g->ents[e];
    if (!g->in_txn || e >= g->txn_ents || x->txn_mark == g->txn_serial)
        return KG_OK;
    kg_undo_t *u;
    if (push_undo(g, &u))
        return KG_ENOMEM;
    json_t *copy = x->attrs ? json_deep_copy(x->attrs) : NULL;
    if (x->attrs && !copy) {
        g->n_undo--;
        return KG_ENOMEM;
    }
    u->kind = UNDO_ENT;
    u->index = e;
    u->saved.ent = *x;
    x->attrs = copy;
    x->txn_mark = g->txn_serial;
    return KG_OK;
}

int kg_i_snapshot_stmt(kg_graph_t *g, uint32_t s)
{
    kg_st_t *x = &g->stmts[s];
    if (!g->in_txn || s >= g->txn_stmts || x->txn_mark == g->txn_serial)
        return KG_OK;
    kg_undo_t *u;
    if (push_undo(g, &u))
        return KG_ENOMEM;
    json_t *copy = x->attrs ? json_deep_copy(x->attrs) : NULL;
    if (x->attrs && !copy) {
        g->n_undo--;
        return KG_ENOMEM;
    }
    u->kind = UNDO_STMT;
    u->index = s;
    u->saved.st = *x;
    x->attrs = copy;
    x->txn_mark = g->txn_serial;
    return KG_OK;
}

int kg_i_snapshot_pred(kg_graph_t *g, uint32_t p)
{
    kg_pred_rec_t *x = &g->preds[p];
    if (!g->in_txn || p >= g->txn_preds || x->txn_mark == g->txn_serial)
        return KG_OK;
    kg_undo_t *u;
    if (push_undo(g, &u))
        return KG_ENOMEM;
    u->kind = UNDO_PRED;
    u->index = p;
    u->saved.pred = *x;
    x->txn_mark = g->txn_serial;
    return KG_OK;
}

int kg_graph_commit(kg_graph_t *g)
{
    if (!g->in_txn)
        return KG_EUSAGE;
    for (size_t i = 0; i < g->n_undo; i++) {
        kg_undo_t *u = &g->undo[i];
        if (u->kind == UNDO_ENT)
            json_decref(u->saved.ent.attrs);
        else if (u->kind == UNDO_STMT)
            json_decref(u->saved.st.attrs);
    }
    g->n_undo = 0;
    g->in_txn = 0;
    return KG_OK;
}

int kg_graph_rollback(kg_graph_t *g)
{
    if (!g->in_txn)
        return KG_EUSAGE;
    for (size_t i = g->n_undo; i-- > 0;) {
        kg_undo_t *u = &g->undo[i];
        if (u->kind == UNDO_ENT) {
            kg_ent_t *x = &g->ents[u->index];
            /* the alias array may have moved: keep the live buffer, old length */
            uint32_t *alias = x->alias, cap = x->cap_alias;
            json_decref(x->attrs);
            *x = u->saved.ent;
            x->alias = alias;
            x->cap_alias = cap;
        } else if (u->kind == UNDO_STMT) {
            kg_st_t *x = &g->stmts[u->index];
            kg_cite_rec_t *cites = x->cites;
            uint32_t cap = x->cap_cite;
            json_decref(x->attrs);
            *x = u->saved.st;
            x->cites = cites;
            x->cap_cite = cap;
        } else {
            g->preds[u->index] = u->saved.pred;
        }
    }
    g->n_undo = 0;
    for (uint32_t i = g->txn_ents; i < g->n_ents; i++) {
        free(g->ents[i].alias);
        json_decref(g->ents[i].attrs);
    }
    g->n_ents = g->txn_ents;
    for (uint32_t i = g->txn_stmts; i < g->n_stmts; i++)
        kg_i_stmt_free(&g->stmts[i]);
    g->n_stmts = g->txn_stmts;
    g->n_preds = g->txn_preds;
    g->in_txn = 0;
    kg_i_rebuild_entity_maps(g);
    kg_i_rebuild_pred_map(g);
    kg_i_changed(g);
    return kg_i_stab_rebuild(g) == 0 ? KG_OK : KG_ENOMEM;
}
