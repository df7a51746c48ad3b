/* index.c - query indexes built lazily after each change: statements by subject, object, source, predicate; entities by kind. */
#include "graph_internal.h"
#include "alloc.h"

#include <stdlib.h>
#include <string.h>

static void csr_free(kg_csr_t *c)
{
    free(c->off);
    free(c->items);
    c->off = c->items = NULL;
}

void kg_i_index_free(kg_index_t *idx)
{
    csr_free(&idx->by_subj);
    csr_free(&idx->by_obj);
    csr_free(&idx->by_src);
    csr_free(&idx->by_pred);
    csr_free(&idx->by_kind);
    free(idx->kinds);
    free(idx->kind_by_sym);
    memset(idx, 0, sizeof *idx);
}

/* Counting sort into a CSR: key(i) for i < n items (KG_NONE skips); the entities by kind. */
typedef uint32_t (*key_fn)(const kg_graph_t *g, uint32_t item);

static int csr_build(const kg_graph_t *g, kg_csr_t *c, uint32_t n_keys, uint32_t n_items, key_fn key)
{
    c->off = kg_i_calloc((size_t)n_keys + 1, sizeof *c->off);
    if (!c->off)
        return -1;
    size_t total = 0;
    for (uint32_t i = 0; i < n_items; i++) {
        uint32_t k = key(g, i);
        if (k != KG_NONE) {
            c->off[k + 1]++;
            total++;
        }
    }
    for (uint32_t k = 0; k < n_keys; k++)
        c->off[k + 1] += c->off[k];
    c->items = kg_i_malloc((total ? total : 1) * sizeof *c->items);
    uint32_t *fill = kg_i_malloc(((size_t)n_keys + 1) * sizeof *fill);
    if (!c->items || !fill) {
        free(fill);
        return -1;
    }
    memcpy(fill, c->off, ((size_t)n_keys + 1) * sizeof *fill);
    for (uint32_t i = 0; i < n_items; i++) {
        uint32_t k = key(g, i);
        if (k != KG_NONE)
            c->items[fill[k]++] = i;
    }
    free(fill);
    return 0;
}

/* The statements' four indexes (by subject, object, source, predicate), counting-sorted together: one pass
 * over the statements counts for all four, one places them, where four sorts of their own read the statement
 * array eight times (at a million statements, 80 MB that no cache holds: each pass a miss per line). Within a
 * key, statements keep their order. */
enum { BY_SUBJ, BY_OBJ, BY_SRC, BY_PRED, N_STMT_INDEXES };

/* Statement s's keys in the one-per-statement indexes (KG_NONE: none; BY_SRC's are its citations', walked apart):
 * the statement. */
static const kg_st_t *stmt_keys(const kg_graph_t *g, uint32_t s, uint32_t key[N_STMT_INDEXES])
{
    const kg_st_t *x = &g->stmts[s];
    key[BY_SUBJ] = x->subj;
    key[BY_OBJ] = x->obj;
    key[BY_SRC] = KG_NONE;
    key[BY_PRED] = g->pred_by_sym[x->pred];
    return x;
}

/* Whether citation j is its source's first in the list: a source cited twice (two quotes) is listed once. */
static int first_cite_of(const kg_cite_rec_t *c, uint32_t j)
{
    for (uint32_t i = 0; i < j; i++)
        if (c[i].source == c[j].source)
            return 0;
    return 1;
}

static int stmt_indexes_build(kg_graph_t *g, kg_csr_t *out[N_STMT_INDEXES])
{
    uint32_t n_keys[N_STMT_INDEXES] = {g->n_ents, g->n_ents, g->n_ents, g->n_preds};
    size_t total[N_STMT_INDEXES] = {0};
    uint32_t *fill[N_STMT_INDEXES] = {NULL};
    int rc = -1;
    for (int k = 0; k < N_STMT_INDEXES; k++)
        if (!(out[k]->off = kg_i_calloc((size_t)n_keys[k] + 1, sizeof *out[k]->off)))
            return -1;
    for (uint32_t s = 0; s < g->n_stmts; s++) {
        uint32_t key[N_STMT_INDEXES];
        const kg_st_t *x = stmt_keys(g, s, key);
        for (int k = 0; k < N_STMT_INDEXES; k++)
            if (key[k] != KG_NONE)
                out[k]->off[key[k] + 1]++, total[k]++;
        for (uint32_t j = 0; j < x->n_cite; j++)
            if (x->cites[j].source != KG_NONE && first_cite_of(x->cites, j))
                out[BY_SRC]->off[x->cites[j].source + 1]++, total[BY_SRC]++;
    }
    for (int k = 0; k < N_STMT_INDEXES; k++) {
        for (uint32_t i = 0; i < n_keys[k]; i++)
            out[k]->off[i + 1] += out[k]->off[i];
        out[k]->items = kg_i_malloc((total[k] ? total[k] : 1) * sizeof *out[k]->items);
        fill[k] = kg_i_malloc(((size_t)n_keys[k] + 1) * sizeof *fill[k]);
        if (!out[k]->items || !fill[k])
            goto done;
        memcpy(fill[k], out[k]->off, ((size_t)n_keys[k] + 1) * sizeof *fill[k]);
    }
    for (uint32_t s = 0; s < g->n_stmts; s++) {
        uint32_t key[N_STMT_INDEXES];
        const kg_st_t *x = stmt_keys(g, s, key);
        for (int k = 0; k < N_STMT_INDEXES; k++)
            if (key[k] != KG_NONE)
                out[k]->items[fill[k][key[k]]++] = s;
        for (uint32_t j = 0; j < x->n_cite; j++)
            if (x->cites[j].source != KG_NONE && first_cite_of(x->cites, j))
                out[BY_SRC]->items[fill[BY_SRC][x->cites[j].source]++] = s;
    }
    rc = 0;
done:
    for (int k = 0; k < N_STMT_INDEXES; k++)
        free(fill[k]);
    return rc;
}

static uint32_t key_kind(const kg_graph_t *g, uint32_t e)
{
    return g->idx.kind_by_sym[g->ents[e].kind];
}

static int build(kg_graph_t *g)
{
    kg_index_t *idx = &g->idx;
    kg_i_index_free(idx);
    idx->kind_by_sym_n = g->pool.n;
    idx->kind_by_sym = kg_i_malloc((size_t)idx->kind_by_sym_n * sizeof *idx->kind_by_sym);
    if (!idx->kind_by_sym)
        goto fail;
    for (uint32_t i = 0; i < idx->kind_by_sym_n; i++)
        idx->kind_by_sym[i] = KG_NONE;
    uint32_t cap = 0;
    for (uint32_t e = 0; e < g->n_ents; e++) {
        uint32_t k = g->ents[e].kind;
        if (idx->kind_by_sym[k] != KG_NONE)
            continue;
        if (kg_i_grow((void **)&idx->kinds, &cap, idx->n_kinds + 1, sizeof *idx->kinds))
            goto fail;
        idx->kind_by_sym[k] = idx->n_kinds;
        idx->kinds[idx->n_kinds++] = k;
    }
    kg_csr_t *by_stmt[N_STMT_INDEXES] = {&idx->by_subj, &idx->by_obj, &idx->by_src, &idx->by_pred};
    if (stmt_indexes_build(g, by_stmt) ||
        csr_build(g, &idx->by_kind, idx->n_kinds, g->n_ents, key_kind))
        goto fail;
    idx->valid = 1;
    return 0;
fail:
    kg_i_index_free(idx);
    return -1;
}

/* Queries are const for callers; the index is a cache the graph owns. */
static const kg_index_t *index_of(const kg_graph_t *g)
{
    kg_graph_t *mg = (kg_graph_t *)g;
    if (!g->idx.valid && build(mg) != 0)
        return NULL;
    return &g->idx;
}

int kg_graph_prepare(const kg_graph_t *g)
{
    return index_of(g) ? KG_OK : KG_ENOMEM;
}

static const uint32_t *csr_get(const kg_csr_t *c, uint32_t k, size_t *n)
{
    *n = c->off[k + 1] - c->off[k];
    return c->items + c->off[k];
}

const kg_entity_t *kg_graph_entities_of_kind(const kg_graph_t *g, const char *kind, size_t *n)
{
    *n = 0;
    const kg_index_t *idx = index_of(g);
    uint32_t sym = kg_strpool_lookup(&g->pool, kind);
    if (!idx || !sym || sym >= idx->kind_by_sym_n || idx->kind_by_sym[sym] == KG_NONE)
        return NULL;
    return csr_get(&idx->by_kind, idx->kind_by_sym[sym], n);
}

size_t kg_graph_kind_count(const kg_graph_t *g)
{
    const kg_index_t *idx = index_of(g);
    return idx ? idx->n_kinds : 0;
}

const char *kg_graph_kind(const kg_graph_t *g, size_t i)
{
    const kg_index_t *idx = index_of(g);
    return idx && i < idx->n_kinds ? kg_i_str(g, idx->kinds[i]) : NULL;
}

static const kg_stmt_t *by_entity(const kg_graph_t *g, kg_entity_t e, size_t *n, size_t which)
{
    *n = 0;
    const kg_index_t *idx = index_of(g);
    if (!idx || e >= g->n_ents)
        return NULL;
    const kg_csr_t *c = which == 0 ? &idx->by_subj : which == 1 ? &idx->by_obj : &idx->by_src;
    return csr_get(c, e, n);
}

const kg_stmt_t *kg_graph_stmts_by_subject(const kg_graph_t *g, kg_entity_t e, size_t *n)
{
    return by_entity(g, e, n, 0);
}
const kg_stmt_t *kg_graph_stmts_by_object(const kg_graph_t *g, kg_entity_t e, size_t *n)
{
    return by_entity(g, e, n, 1);
}
const kg_stmt_t *kg_graph_stmts_by_source(const kg_graph_t *g, kg_entity_t e, size_t *n)
{
    return by_entity(g, e, n, 2);
}

const kg_stmt_t *kg_graph_stmts_by_predicate(const kg_graph_t *g, const char *predicate, size_t *n)
{
    *n = 0;
    const kg_index_t *idx = index_of(g);
    uint32_t sym = kg_strpool_lookup(&g->pool, predicate);
    if (!idx || !sym || g->pred_by_sym[sym] == KG_NONE)
        return NULL;
    return csr_get(&idx->by_pred, g->pred_by_sym[sym], n);
}

static int cmp_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return (x > y) - (x < y);
}

int kg_graph_neighbours(const kg_graph_t *g, kg_entity_t e, kg_direction_t dir, kg_entity_t **out, size_t *n)
{
    *out = NULL;
    *n = 0;
    size_t n_out = 0, n_in = 0;
    const kg_stmt_t *so = (dir & KG_OUT) ? kg_graph_stmts_by_subject(g, e, &n_out) : NULL;
    const kg_stmt_t *si = (dir & KG_IN) ? kg_graph_stmts_by_object(g, e, &n_in) : NULL;
    kg_entity_t *list = kg_i_malloc((n_out + n_in + 1) * sizeof *list);
    if (!list)
        return KG_ENOMEM;
    size_t k = 0;
    for (size_t i = 0; i < n_out; i++)
        if (g->stmts[so[i]].obj != KG_NONE)
            list[k++] = g->stmts[so[i]].obj;
    for (size_t i = 0; i < n_in; i++)
        list[k++] = g->stmts[si[i]].subj;
    qsort(list, k, sizeof *list, cmp_u32);
    size_t u = 0;
    for (size_t i = 0; i < k; i++)
        if (u == 0 || list[u - 1] != list[i])
            list[u++] = list[i];
    *out = list;
    *n = u;
    return KG_OK;
}
