/* slots.c - the agreement analysis proper: reports grouped into slots, compared pairwise, verdicts per slot, source and pair. */
#include "agreement.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

void ag_result_free(ag_result_t *r)
{
    if (!r)
        return;
    free(r->preds);
    free(r->reports);
    free(r->slots);
    free(r->clashes);
    free(r->series);
    free(r->sources);
    free(r->pairs);
    memset(r, 0, sizeof *r);
}

/* ------------------------------------------------------- a stable sort */

/* Merge sort of n uint32 items by cmp(ctx, a, b): stable, O(n log n), and
 * unlike qsort it passes a context portably. */
typedef int (*ag_cmp_fn)(const void *ctx, uint32_t a, uint32_t b);

static int merge_sort(uint32_t *items, size_t n, ag_cmp_fn cmp, const void *ctx)
{
    if (n < 2)
        return 0;
    uint32_t *tmp = malloc(n * sizeof *tmp), *src = items, *dst = tmp;
    if (!tmp)
        return -1;
    for (size_t width = 1; width < n; width *= 2) {
        for (size_t lo = 0; lo < n; lo += 2 * width) {
            size_t mid = lo + width < n ? lo + width : n, hi = lo + 2 * width < n ? lo + 2 * width : n;
            size_t i = lo, j = mid, k = lo;
            while (i < mid && j < hi)
                dst[k++] = cmp(ctx, src[j], src[i]) < 0 ? src[j++] : src[i++];
            while (i < mid)
                dst[k++] = src[i++];
            while (j < hi)
                dst[k++] = src[j++];
        }
        uint32_t *t = src;
        src = dst;
        dst = t;
    }
    if (src != items)
        memcpy(items, src, n * sizeof *items);
    free(tmp);
    return 0;
}

/* --------------------------------------------------------------- context */

typedef struct ctx {
    kg_graph_t *g;
    const ag_options_t *o;
    ag_result_t *r;
    uint32_t *ent_rank;     /* entity -> position in id order */
    uint32_t *stmt_pred;    /* statement -> index into r->preds */
    uint32_t *src_index;    /* entity -> index into r->sources, or KG_NONE */
    ag_report_t *rep;       /* reports before sorting */
} ctx_t;

typedef struct id_item {
    const char *id;
    uint32_t e;
} id_item_t;

static int cmp_id_item(const void *a, const void *b)
{
    return strcmp(((const id_item_t *)a)->id, ((const id_item_t *)b)->id);
}

static int cmp_double(double a, double b)
{
    int na = isnan(a), nb = isnan(b);
    if (na || nb)
        return na - nb;
    return a < b ? -1 : a > b;
}

static int cmp_str(const char *a, const char *b)
{
    if (!a || !b)
        return (a != NULL) - (b != NULL);
    return strcmp(a, b);
}

/* An order on values that groups identical ones (texts after normalisation). */
static int cmp_values(const kg_value_t *a, const kg_value_t *b)
{
    int c;
    if (a->type != b->type)
        return a->type < b->type ? -1 : 1;
    switch (a->type) {
    case KG_VALUE_NUMBER:
        if ((c = cmp_double(a->amount, b->amount)) || (c = (int)a->qualifier - (int)b->qualifier) ||
            (c = cmp_str(a->unit, b->unit)) || (c = cmp_double(a->lower, b->lower)))
            return c;
        return cmp_double(a->upper, b->upper);
    case KG_VALUE_TEXT:
        return ag_text_compare(a->text ? a->text : "", b->text ? b->text : "");
    case KG_VALUE_DATE:
        return cmp_str(a->text, b->text);
    default:
        return 0;
    }
}

/* Sorting reports: each gets an integer key, so that the sort compares
 * integers, not graph lookups. obj is the object's rank for relations of a
 * multi-valued predicate, the value's rank for claims of one (equal values,
 * equal ranks), 0 for functional predicates. Undated reports sort last. */
typedef struct report_key {
    uint32_t subj, pred, obj, src;
    int64_t first, last;
    uint32_t idx;
} report_key_t;

static int cmp_key_slot(const report_key_t *a, const report_key_t *b)
{
    if (a->subj != b->subj)
        return a->subj < b->subj ? -1 : 1;
    if (a->pred != b->pred)
        return a->pred < b->pred ? -1 : 1;
    return a->obj < b->obj ? -1 : a->obj > b->obj;
}

/* slot, then time, then source */
static int cmp_key_place(const report_key_t *a, const report_key_t *b)
{
    int k = cmp_key_slot(a, b);
    if (k)
        return k;
    if (a->first != b->first)
        return a->first < b->first ? -1 : 1;
    if (a->last != b->last)
        return a->last < b->last ? -1 : 1;
    return a->src < b->src ? -1 : a->src > b->src;
}

static int cmp_key(const void *x, const void *y)
{
    const report_key_t *a = x, *b = y;
    int k = cmp_key_place(a, b);
    return k ? k : (a->idx < b->idx ? -1 : a->idx > b->idx);
}

/* Statements of multi-valued claims, by subject, predicate and value. */
static int cmp_stmt_value(const void *vc, uint32_t a, uint32_t b)
{
    const ctx_t *c = vc;
    kg_entity_t sa = kg_stmt_subject(c->g, a), sb = kg_stmt_subject(c->g, b);
    if (sa != sb)
        return c->ent_rank[sa] < c->ent_rank[sb] ? -1 : 1;
    if (c->stmt_pred[a] != c->stmt_pred[b])
        return c->stmt_pred[a] < c->stmt_pred[b] ? -1 : 1;
    kg_value_t va, vb;
    kg_stmt_value(c->g, a, &va);
    kg_stmt_value(c->g, b, &vb);
    return cmp_values(&va, &vb);
}

/* Reports at the same place (same slot, time and source: one source giving
 * two values) by value, so that the order does not depend on insertion. */
static int cmp_report_value(const void *vc, uint32_t a, uint32_t b)
{
    const ctx_t *c = vc;
    kg_stmt_t sa = c->rep[a].stmt, sb = c->rep[b].stmt;
    if (sa == sb)
        return 0;
    kg_value_t va, vb;
    kg_stmt_value(c->g, sa, &va);
    kg_stmt_value(c->g, sb, &vb);
    int k = cmp_values(&va, &vb);
    if (k)
        return k;
    kg_entity_t oa = kg_stmt_object(c->g, sa), ob = kg_stmt_object(c->g, sb);
    if (oa != ob && oa != KG_NONE && ob != KG_NONE)
        return c->ent_rank[oa] < c->ent_rank[ob] ? -1 : 1;
    return sa < sb ? -1 : 1;
}

/* Sorts c->rep into slot order: *order_out gets the report indexes in order
 * and *keys_out their keys (both malloc'd). */
static int sort_reports(ctx_t *c, size_t n, uint32_t **order_out, report_key_t **keys_out)
{
    kg_graph_t *g = c->g;
    size_t n_st = kg_graph_stmt_count(g), n_multi = 0;
    uint32_t *vrank = NULL, *multi = NULL, *order = NULL;
    report_key_t *keys = malloc((n ? n : 1) * sizeof *keys);
    int rc = -1;
    if (!keys)
        goto done;
    /* ranks of the values of multi-valued claims */
    for (kg_stmt_t s = 0; s < n_st; s++)
        n_multi += kg_stmt_object(g, s) == KG_NONE && !c->r->preds[c->stmt_pred[s]].functional;
    if (n_multi) {
        vrank = malloc(n_st * sizeof *vrank);
        multi = malloc(n_multi * sizeof *multi);
        if (!vrank || !multi)
            goto done;
        n_multi = 0;
        for (kg_stmt_t s = 0; s < n_st; s++)
            if (kg_stmt_object(g, s) == KG_NONE && !c->r->preds[c->stmt_pred[s]].functional)
                multi[n_multi++] = s;
        if (merge_sort(multi, n_multi, cmp_stmt_value, c))
            goto done;
        uint32_t rank = 0;
        for (size_t i = 0; i < n_multi; i++) {
            if (i && cmp_stmt_value(c, multi[i - 1], multi[i]) != 0)
                rank++;
            vrank[multi[i]] = rank;
        }
    }
    for (size_t i = 0; i < n; i++) {
        const ag_report_t *x = &c->rep[i];
        report_key_t *k = &keys[i];
        uint32_t pred = c->stmt_pred[x->stmt];
        kg_entity_t obj = kg_stmt_object(g, x->stmt);
        k->subj = c->ent_rank[kg_stmt_subject(g, x->stmt)];
        k->pred = pred;
        k->obj = c->r->preds[pred].functional ? 0 : obj != KG_NONE ? c->ent_rank[obj] : vrank[x->stmt];
        k->src = c->ent_rank[x->source];
        k->first = x->time.by != AG_DATED_NONE ? x->time.first : INT64_MAX;
        k->last = x->time.by != AG_DATED_NONE ? x->time.last : INT64_MAX;
        k->idx = (uint32_t)i;
    }
    if (n)
        qsort(keys, n, sizeof *keys, cmp_key);
    if (!(order = malloc((n ? n : 1) * sizeof *order)))
        goto done;
    for (size_t i = 0; i < n; i++)
        order[i] = keys[i].idx;
    /* runs at the same place: by value */
    for (size_t i = 0; i < n;) {
        size_t j = i + 1;
        while (j < n && cmp_key_place(&keys[i], &keys[j]) == 0)
            j++;
        if (j - i > 1 && merge_sort(order + i, j - i, cmp_report_value, c))
            goto done;
        i = j;
    }
    *order_out = order;
    *keys_out = keys;
    order = NULL;
    keys = NULL;
    rc = 0;
done:
    free(vrank);
    free(multi);
    free(order);
    free(keys);
    return rc;
}

static int cmp_pred_name(const void *a, const void *b)
{
    return strcmp(((const ag_pred_info_t *)a)->name, ((const ag_pred_info_t *)b)->name);
}

/* ------------------------------------------------------------ the setup */

static int fail_nomem(kg_error_t *err)
{
    return kg_error_say(err, KG_ENOMEM, "agreement: out of memory");
}

static int rank_entities(ctx_t *c)
{
    size_t n = kg_graph_entity_count(c->g);
    id_item_t *items = malloc((n ? n : 1) * sizeof *items);
    c->ent_rank = malloc((n ? n : 1) * sizeof *c->ent_rank);
    if (!items || !c->ent_rank) {
        free(items);
        return -1;
    }
    for (size_t i = 0; i < n; i++) {
        items[i].id = kg_entity_id(c->g, (kg_entity_t)i);
        items[i].e = (uint32_t)i;
    }
    qsort(items, n, sizeof *items, cmp_id_item);
    for (size_t i = 0; i < n; i++)
        c->ent_rank[items[i].e] = (uint32_t)i;
    free(items);
    return 0;
}

static int load_predicates(ctx_t *c)
{
    kg_graph_t *g = c->g;
    ag_result_t *r = c->r;
    size_t n = kg_graph_predicate_count(g), n_st = kg_graph_stmt_count(g);
    r->preds = calloc(n ? n : 1, sizeof *r->preds);
    c->stmt_pred = malloc((n_st ? n_st : 1) * sizeof *c->stmt_pred);
    if (!r->preds || !c->stmt_pred)
        return -1;
    for (size_t i = 0; i < n; i++) {
        kg_predicate_t p;
        kg_graph_predicate(g, kg_graph_predicate_name(g, i), &p);
        ag_pred_info_t *x = &r->preds[i];
        x->name = p.name ? p.name : kg_graph_predicate_name(g, i);
        x->kind = p.kind;
        x->functional = p.functional > 0;
        x->cumulative = p.cumulative > 0;
        x->tolerance = isnan(p.tolerance) || p.tolerance < 0 ? 0 : p.tolerance;
        x->unit = p.unit;
    }
    r->n_preds = n;
    qsort(r->preds, n, sizeof *r->preds, cmp_pred_name);
    for (size_t i = 0; i < n; i++) {
        size_t k;
        const kg_stmt_t *st = kg_graph_stmts_by_predicate(g, r->preds[i].name, &k);
        for (size_t j = 0; j < k; j++)
            c->stmt_pred[st[j]] = (uint32_t)i;
    }
    return 0;
}

static int load_sources(ctx_t *c)
{
    size_t n, n_ent = kg_graph_entity_count(c->g);
    const kg_entity_t *srcs = kg_graph_entities_of_kind(c->g, KG_KIND_SOURCE, &n);
    ag_result_t *r = c->r;
    r->sources = calloc(n ? n : 1, sizeof *r->sources);
    c->src_index = malloc((n_ent ? n_ent : 1) * sizeof *c->src_index);
    if (!r->sources || !c->src_index)
        return -1;
    id_item_t *items = malloc((n ? n : 1) * sizeof *items);
    if (!items)
        return -1;
    for (size_t i = 0; i < n; i++) {
        items[i].id = kg_entity_id(c->g, srcs[i]);
        items[i].e = srcs[i];
    }
    qsort(items, n, sizeof *items, cmp_id_item);
    memset(c->src_index, 0xff, (n_ent ? n_ent : 1) * sizeof *c->src_index);
    for (size_t i = 0; i < n; i++) {
        r->sources[i].source = items[i].e;
        r->sources[i].trust = NAN;
        c->src_index[items[i].e] = (uint32_t)i;
    }
    r->n_sources = n;
    free(items);
    return 0;
}

/* A claim for messages: "place:belarus political_prisoners_held about 1,400 people". */
static void describe_stmt(const kg_graph_t *g, kg_stmt_t s, char *buf, size_t size)
{
    char value[256];
    kg_entity_t o = kg_stmt_object(g, s);
    if (o != KG_NONE) {
        snprintf(value, sizeof value, "%s", kg_entity_id(g, o));
    } else {
        kg_value_t v;
        kg_stmt_value(g, s, &v);
        kg_value_format(&v, value, sizeof value);
    }
    snprintf(buf, size, "%s %s %s", kg_entity_id(g, kg_stmt_subject(g, s)), kg_stmt_predicate(g, s), value);
}

static int make_reports(ctx_t *c, kg_error_t *err)
{
    kg_graph_t *g = c->g;
    ag_result_t *r = c->r;
    size_t n_st = kg_graph_stmt_count(g), n_rep = 0;
    kg_stmt_t first_unsourced = KG_NONE;
    for (kg_stmt_t s = 0; s < n_st; s++) {
        size_t k = kg_stmt_cite_count(g, s);
        if (k) {
            n_rep += k;
            r->n_statements++;
        } else if (kg_stmt_object(g, s) == KG_NONE) {
            if (!r->unsourced_claims++)
                first_unsourced = s;
        } else {
            r->unsourced_relations++;
        }
    }
    if (r->unsourced_claims && !c->o->skip_unsourced) {
        char what[512];
        describe_stmt(g, first_unsourced, what, sizeof what);
        if (r->unsourced_claims > 1)
            return kg_error_say(err, KG_EINPUT,
                                "agreement: the claim \"%s\" cites no source (nor do %zu other claims): every "
                                "claim needs a source to be weighed: cite one, or set the parameter unsourced=skip "
                                "to leave such claims out",
                                what, r->unsourced_claims - 1);
        return kg_error_say(err, KG_EINPUT,
                            "agreement: the claim \"%s\" cites no source: every claim needs a source to be "
                            "weighed: cite one, or set the parameter unsourced=skip to leave it out",
                            what);
    }
    c->rep = malloc((n_rep ? n_rep : 1) * sizeof *c->rep);
    if (!c->rep)
        return fail_nomem(err);
    size_t i = 0;
    for (kg_stmt_t s = 0; s < n_st; s++) {
        size_t k = kg_stmt_cite_count(g, s);
        const char *as_of = kg_stmt_as_of(g, s);
        kg_entity_t according = kg_stmt_according_to(g, s);
        size_t first = i;
        for (size_t j = 0; j < k; j++) {
            const char *quote;
            kg_entity_t src = kg_stmt_cite(g, s, j, &quote);
            int dup = 0;
            for (size_t m = first; m < i && !dup; m++) {
                /* one report per source, with its first quote */
                if ((dup = c->rep[m].source == src) && !c->rep[m].quote)
                    c->rep[m].quote = quote;
            }
            if (dup)
                continue;
            ag_report_t *x = &c->rep[i++];
            memset(x, 0, sizeof *x);
            x->stmt = s;
            x->source = src;
            x->quote = quote;
            x->origin = according != KG_NONE ? according : x->source;
            x->confidence = NAN;
            const char *src_date = kg_entity_date(g, x->source);
            if (as_of)
                ag_time_from(as_of, AG_DATED_STATEMENT, &x->time);
            else if (c->o->date_from_source && src_date) {
                ag_time_from(src_date, AG_DATED_SOURCE, &x->time);
                r->dated_by_source = 1;
            }
        }
    }
    r->n_reports = i;
    return KG_OK;
}

/* --------------------------------------------------------------- slots */

typedef struct growing {
    void *data;
    size_t n, cap, size;
} growing_t;

static void *grow_one(growing_t *a)
{
    if (kg_array_reserve(&a->data, &a->cap, a->n + 1, a->size))
        return NULL;
    return (char *)a->data + a->size * a->n++;
}

typedef struct pair_tuple {
    uint32_t a, b;
    uint32_t agreed;
} pair_tuple_t;

static int cmp_pair_tuple(const void *x, const void *y)
{
    const pair_tuple_t *a = x, *b = y;
    if (a->a != b->a)
        return a->a < b->a ? -1 : 1;
    return a->b < b->b ? -1 : a->b > b->b;
}

static int cmp_u32(const void *x, const void *y)
{
    uint32_t a = *(const uint32_t *)x, b = *(const uint32_t *)y;
    return a < b ? -1 : a > b;
}

/* Compares reports i < j of a functional slot; returns -1 when they fit, else
 * the reason (ag_why_t). */
static int compare_reports(const ctx_t *c, const ag_pred_info_t *p, const ag_report_t *x, const ag_report_t *y)
{
    kg_graph_t *g = c->g;
    ag_compat_t compat;
    int value_order = 0;
    if (x->stmt == y->stmt)
        return -1;
    kg_entity_t ox = kg_stmt_object(g, x->stmt), oy = kg_stmt_object(g, y->stmt);
    if (ox != KG_NONE || oy != KG_NONE) {
        compat = ox == oy ? AG_COMPATIBLE : (ox == KG_NONE || oy == KG_NONE) ? AG_INCOMPARABLE : AG_INCOMPATIBLE;
    } else {
        kg_value_t vx, vy;
        kg_stmt_value(g, x->stmt, &vx);
        kg_stmt_value(g, y->stmt, &vy);
        compat = ag_values_compare(&vx, &vy, p);
        if (compat == AG_INCOMPATIBLE && vx.type == KG_VALUE_NUMBER) {
            ag_interval_t ix, iy;
            ag_number_interval(&vx, p->tolerance, &ix);
            ag_number_interval(&vy, p->tolerance, &iy);
            value_order = ix.hi <= iy.lo ? -1 : 1;
        }
    }
    int why = ag_judge(compat, &x->time, &y->time, p->cumulative, value_order);
    /* two reports of one source dated by its publication are as of one moment, however coarse its date */
    if (why == AG_WHY_OVERLAP && x->source == y->source && x->time.by == AG_DATED_SOURCE &&
        y->time.by == AG_DATED_SOURCE)
        why = AG_WHY_SAME_TIME;
    return why;
}

typedef struct slot_work {
    uint32_t *stamp_src, *stamp_org, *stamp_stmt, *stamp_conf; /* per entity / statement: last slot + 1 */
    uint32_t *stamp_date_org; /* per entity: the last date (series index + 1) it was an origin at */
    uint32_t *src_list;   /* distinct source indexes of the slot */
    size_t cap_src;
    unsigned char *conflict_matrix;
    size_t cap_matrix;
    growing_t clash[3];   /* this slot's conflicts, undetermined, changes */
    growing_t pairs, series;
    size_t cap_clashes;   /* allocated length of the result's clashes */
    unsigned char *rep_mark; /* per report of the slot: the worst status a clash gives it */
    size_t cap_mark;
} slot_work_t;

/* Which of the three clash lists a reason goes to. */
static int clash_list_of(ag_why_t why)
{
    ag_status_t st = ag_why_status(why);
    return st == AG_CONFLICT ? 0 : st == AG_UNDETERMINED ? 1 : 2;
}

/* The slot's dates: runs of reports with the same date (they are sorted by
 * date), each with its verdict (ag_date_verdict_t). */
static int judge_dates(ctx_t *c, slot_work_t *w, ag_slot_t *sl)
{
    ag_result_t *r = c->r;
    const ag_report_t *rep = r->reports + sl->first;
    sl->series_first = (uint32_t)w->series.n;
    for (uint32_t i = 0; i < sl->count;) {
        uint32_t j = i + 1;
        while (j < sl->count && ag_time_same_date(&rep[i].time, &rep[j].time))
            j++;
        ag_date_verdict_t *d = grow_one(&w->series);
        if (!d)
            return -1;
        uint32_t date_stamp = (uint32_t)w->series.n; /* 1, 2, ...: never 0, the arrays' start */
        d->first = sl->first + i;
        d->count = j - i;
        d->origins = 0;
        unsigned char worst = 0;
        for (uint32_t k = i; k < j; k++) {
            /* the origins at this date, stamped with the date's own number */
            if (w->stamp_date_org[rep[k].origin] != date_stamp) {
                w->stamp_date_org[rep[k].origin] = date_stamp;
                d->origins++;
            }
            if (w->rep_mark[k] > worst)
                worst = w->rep_mark[k];
        }
        d->status = worst == AG_CONFLICT ? AG_CONFLICT : worst == AG_UNDETERMINED ? AG_UNDETERMINED
                    : d->origins >= 2 ? AG_AGREED : AG_SINGLE;
        i = j;
    }
    sl->n_series = (uint32_t)(w->series.n - sl->series_first);
    return 0;
}

static int judge_slot(ctx_t *c, slot_work_t *w, ag_slot_t *sl, uint32_t slot_no)
{
    ag_result_t *r = c->r;
    const ag_pred_info_t *p = &r->preds[sl->pred];
    ag_report_t *rep = r->reports + sl->first;
    uint32_t stamp = slot_no + 1, n_src = 0;

    /* distinct sources, origins, statements */
    for (uint32_t i = 0; i < sl->count; i++) {
        rep[i].slot = slot_no;
        uint32_t si = c->src_index[rep[i].source];
        r->sources[si].reports++;
        if (w->stamp_src[rep[i].source] != stamp) {
            w->stamp_src[rep[i].source] = stamp;
            if (n_src == w->cap_src) {
                size_t cap = w->cap_src ? w->cap_src * 2 : 16;
                uint32_t *l = realloc(w->src_list, cap * sizeof *l);
                if (!l)
                    return -1;
                w->src_list = l;
                w->cap_src = cap;
            }
            w->src_list[n_src++] = si;
        }
        if (w->stamp_org[rep[i].origin] != stamp) {
            w->stamp_org[rep[i].origin] = stamp;
            sl->origins++;
        }
        if (w->stamp_stmt[rep[i].stmt] != stamp) {
            w->stamp_stmt[rep[i].stmt] = stamp;
            sl->statements++;
        }
    }
    sl->sources = n_src;
    qsort(w->src_list, n_src, sizeof *w->src_list, cmp_u32);

    /* pairwise comparison (functional slots holding more than one statement) */
    w->clash[0].n = w->clash[1].n = w->clash[2].n = 0;
    if (!sl->multi) {
        if (sl->count > w->cap_mark) {
            unsigned char *m = realloc(w->rep_mark, sl->count);
            if (!m)
                return -1;
            w->rep_mark = m;
            w->cap_mark = sl->count;
        }
        memset(w->rep_mark, 0, sl->count);
    }
    if (!sl->multi && sl->statements > 1 && !c->o->lean) {
        for (uint32_t i = 0; i < sl->count; i++)
            for (uint32_t j = i + 1; j < sl->count; j++) {
                int why = compare_reports(c, p, &rep[i], &rep[j]);
                if (why < 0)
                    continue;
                ag_clash_t *cl = grow_one(&w->clash[clash_list_of((ag_why_t)why)]);
                if (!cl)
                    return -1;
                cl->a = sl->first + i;
                cl->b = sl->first + j;
                cl->why = (ag_why_t)why;
                unsigned char st = (unsigned char)ag_why_status((ag_why_t)why);
                if (st != AG_CHANGED) {
                    if (w->rep_mark[i] < st)
                        w->rep_mark[i] = st;
                    if (w->rep_mark[j] < st)
                        w->rep_mark[j] = st;
                }
            }
    }
    sl->n_conflicts = (uint32_t)w->clash[0].n;
    sl->n_undetermined = (uint32_t)w->clash[1].n;
    sl->n_changes = (uint32_t)w->clash[2].n;
    sl->status = sl->n_conflicts ? AG_CONFLICT : sl->n_undetermined ? AG_UNDETERMINED : sl->n_changes ? AG_CHANGED
                 : sl->origins >= 2 ? AG_AGREED : AG_SINGLE;
    r->by_status[sl->status]++;
    if (!sl->multi && judge_dates(c, w, sl))
        return -1;

    /* clashes: conflicts, undetermined, then changes, appended to the result's array (grown by doubling) */
    sl->clash_first = (uint32_t)r->n_clashes;
    size_t need = r->n_clashes + w->clash[0].n + w->clash[1].n + w->clash[2].n;
    if (need > w->cap_clashes) {
        size_t cap = w->cap_clashes ? w->cap_clashes : 256;
        while (cap < need)
            cap *= 2;
        ag_clash_t *cl = realloc(r->clashes, cap * sizeof *cl);
        if (!cl)
            return -1;
        r->clashes = cl;
        w->cap_clashes = cap;
    }
    for (int k = 0; k < 3; k++) {
        if (w->clash[k].n)
            memcpy(r->clashes + r->n_clashes, w->clash[k].data, w->clash[k].n * sizeof(ag_clash_t));
        r->n_clashes += w->clash[k].n;
    }
    sl->n_clash = (uint32_t)(w->clash[0].n + w->clash[1].n + w->clash[2].n);

    if (n_src < 2 || c->o->lean)
        return 0;
    /* which sources conflict with which: a matrix over the slot's sources */
    size_t cells = (size_t)n_src * n_src;
    if (sl->n_conflicts) {
        if (cells > w->cap_matrix) {
            unsigned char *m = realloc(w->conflict_matrix, cells);
            if (!m)
                return -1;
            w->conflict_matrix = m;
            w->cap_matrix = cells;
        }
        memset(w->conflict_matrix, 0, cells);
        const ag_clash_t *cl = r->clashes + sl->clash_first;
        for (uint32_t k = 0; k < sl->n_conflicts; k++) {
            uint32_t sa = c->src_index[r->reports[cl[k].a].source], sb = c->src_index[r->reports[cl[k].b].source];
            if (sa == sb)
                continue;
            uint32_t *pa = bsearch(&sa, w->src_list, n_src, sizeof sa, cmp_u32);
            uint32_t *pb = bsearch(&sb, w->src_list, n_src, sizeof sb, cmp_u32);
            size_t ia = (size_t)(pa - w->src_list), ib = (size_t)(pb - w->src_list);
            w->conflict_matrix[ia * n_src + ib] = w->conflict_matrix[ib * n_src + ia] = 1;
            w->stamp_conf[r->sources[sa].source] = stamp;
            w->stamp_conf[r->sources[sb].source] = stamp;
        }
    }
    for (uint32_t i = 0; i < n_src; i++) {
        ag_source_stats_t *st = &r->sources[w->src_list[i]];
        st->shared++;
        if (sl->n_conflicts && w->stamp_conf[st->source] == stamp)
            st->conflicts++;
        else
            st->agreed++;
        for (uint32_t j = i + 1; j < n_src; j++) {
            pair_tuple_t *t = grow_one(&w->pairs);
            if (!t)
                return -1;
            t->a = w->src_list[i];
            t->b = w->src_list[j];
            t->agreed = !(sl->n_conflicts && w->conflict_matrix[(size_t)i * n_src + j]);
        }
    }
    return 0;
}

static int collect_pairs(ag_result_t *r, growing_t *tuples)
{
    pair_tuple_t *t = tuples->data;
    if (tuples->n)
        qsort(t, tuples->n, sizeof *t, cmp_pair_tuple);
    size_t n = 0;
    for (size_t i = 0; i < tuples->n; i++)
        n += !i || cmp_pair_tuple(&t[i], &t[i - 1]) != 0;
    r->pairs = calloc(n ? n : 1, sizeof *r->pairs);
    if (!r->pairs)
        return -1;
    for (size_t i = 0; i < tuples->n; i++) {
        if (!i || cmp_pair_tuple(&t[i], &t[i - 1]) != 0) {
            ag_pair_t *p = &r->pairs[r->n_pairs++];
            p->a = t[i].a;
            p->b = t[i].b;
        }
        r->pairs[r->n_pairs - 1].shared++;
        r->pairs[r->n_pairs - 1].agreed += t[i].agreed;
    }
    return 0;
}

/* A statement's verdict: {"status", "origins", "reports", "at_date" (functional slots), "disputed", and
 * "confidence" when it is a number}. at_date is -1 for multi-valued slots. */
static json_t *verdict_new(const ag_slot_t *sl, int at_date, int disputed, double confidence)
{
    json_t *o = json_pack("{s:s,s:I,s:I}", "status", ag_status_name(sl->status), "origins", (json_int_t)sl->origins,
                          "reports", (json_int_t)sl->count);
    if (o && at_date >= 0)
        json_object_set_new(o, "at_date", json_string(ag_status_name((ag_status_t)at_date)));
    if (o)
        json_object_set_new(o, "disputed", json_boolean(disputed));
    if (o && !isnan(confidence))
        json_object_set_new(o, "confidence", json_real(confidence));
    return o;
}

/* Verdict objects shared by the statements that have the same one: jansson
 * values are reference-counted and the graph never modifies an attribute in
 * place, so a million statements cost a handful of objects. */
typedef struct verdict_cache {
    uint64_t *keys;
    json_t **values;
    size_t cap, n;
} verdict_cache_t;

static json_t *verdict(verdict_cache_t *vc, const ag_slot_t *sl, int at_date, int disputed)
{
    uint64_t key = ((uint64_t)sl->status << 61) | ((uint64_t)(at_date + 1) << 58) | ((uint64_t)(disputed != 0) << 57) |
                   ((uint64_t)(sl->origins & 0x0fffffffu) << 29) | (sl->count & 0x1fffffffu);
    if (vc->n * 2 >= vc->cap) { /* grow and rehash */
        size_t cap = vc->cap ? vc->cap * 2 : 64;
        uint64_t *keys = malloc(cap * sizeof *keys);
        json_t **values = calloc(cap, sizeof *values);
        if (!keys || !values) {
            free(keys);
            free(values);
            return NULL;
        }
        for (size_t i = 0; i < vc->cap; i++) {
            if (!vc->values[i])
                continue;
            size_t h = (size_t)kg_hash_u64(vc->keys[i]) & (cap - 1);
            while (values[h])
                h = (h + 1) & (cap - 1);
            keys[h] = vc->keys[i];
            values[h] = vc->values[i];
        }
        free(vc->keys);
        free(vc->values);
        vc->keys = keys;
        vc->values = values;
        vc->cap = cap;
    }
    size_t h = (size_t)kg_hash_u64(key) & (vc->cap - 1);
    while (vc->values[h] && vc->keys[h] != key)
        h = (h + 1) & (vc->cap - 1);
    if (!vc->values[h]) {
        json_t *o = verdict_new(sl, at_date, disputed, NAN);
        if (!o)
            return NULL;
        vc->keys[h] = key;
        vc->values[h] = o;
        vc->n++;
    }
    return json_incref(vc->values[h]);
}

/* Writes each statement's verdict back as the attribute "agreement": its
 * slot's status, origins and reports, the status at its date (functional
 * slots), whether the statement itself is a party to a conflict, and with
 * trust its confidence. A statement belongs to one slot; `seen` (zeroed, one
 * byte per statement) skips the repeats that several citations make. */
static int annotate(ctx_t *c, unsigned char *seen)
{
    kg_graph_t *g = c->g;
    ag_result_t *r = c->r;
    verdict_cache_t vc = {NULL, NULL, 0, 0};
    int rc = 0;
    unsigned char *disputed = calloc(kg_graph_stmt_count(g) + 1, 1);
    rc |= !disputed;
    for (size_t s = 0; s < r->n_slots && !rc; s++) {
        const ag_slot_t *sl = &r->slots[s];
        for (uint32_t k = 0; k < sl->n_conflicts; k++) {
            const ag_clash_t *cl = &r->clashes[sl->clash_first + k];
            disputed[r->reports[cl->a].stmt] = disputed[r->reports[cl->b].stmt] = 1;
        }
    }
    for (size_t s = 0; s < r->n_slots && !rc; s++) {
        const ag_slot_t *sl = &r->slots[s];
        uint32_t date = 0;
        for (uint32_t i = 0; i < sl->count && !rc; i++) {
            const ag_report_t *rep = &r->reports[sl->first + i];
            int at_date = -1;
            if (sl->n_series) {
                const ag_date_verdict_t *d = &r->series[sl->series_first + date];
                if (sl->first + i >= d->first + d->count)
                    d = &r->series[sl->series_first + ++date];
                at_date = (int)d->status;
            }
            if (seen[rep->stmt])
                continue;
            seen[rep->stmt] = 1;
            json_t *v = r->trust_computed ? verdict_new(sl, at_date, disputed[rep->stmt], rep->confidence)
                                          : verdict(&vc, sl, at_date, disputed[rep->stmt]);
            rc = !v || kg_stmt_attr_set_new(g, rep->stmt, KG_ATTR_AGREEMENT, v);
        }
    }
    free(disputed);
    for (size_t i = 0; i < vc.cap; i++)
        json_decref(vc.values[i]);
    free(vc.keys);
    free(vc.values);
    return rc ? -1 : 0;
}

int ag_analyse(kg_graph_t *g, const ag_options_t *o, const kg_opts_t *progress, ag_result_t *out,
               kg_error_t *err)
{
    ctx_t c = {g, o, out, NULL, NULL, NULL, NULL};
    slot_work_t w;
    uint32_t *order = NULL;
    report_key_t *keys = NULL;
    ag_report_t *sorted = NULL;
    growing_t slots = {NULL, 0, 0, sizeof(ag_slot_t)};
    int rc = KG_OK;
    memset(out, 0, sizeof *out);
    memset(&w, 0, sizeof w);
    w.clash[0].size = w.clash[1].size = w.clash[2].size = sizeof(ag_clash_t);
    w.pairs.size = sizeof(pair_tuple_t);
    w.series.size = sizeof(ag_date_verdict_t);
    size_t n_ent = kg_graph_entity_count(g), n_st = kg_graph_stmt_count(g);

    if (rank_entities(&c) || load_predicates(&c) || load_sources(&c)) {
        rc = fail_nomem(err);
        goto done;
    }
    if ((rc = make_reports(&c, err)))
        goto done;
    kg_progress(progress, "grouping reports", 0, out->n_reports);
    sorted = malloc((out->n_reports ? out->n_reports : 1) * sizeof *sorted);
    if (!sorted || sort_reports(&c, out->n_reports, &order, &keys)) {
        rc = fail_nomem(err);
        goto done;
    }
    for (size_t i = 0; i < out->n_reports; i++)
        sorted[i] = c.rep[order[i]];
    free(c.rep);
    c.rep = NULL;
    out->reports = sorted;
    sorted = NULL;

    /* slots: runs of reports with the same slot key (keys[i] may belong to
     * another report of the same run after the by-value fix-up, but the slot
     * part of a run's keys is the same) */
    for (size_t i = 0; i < out->n_reports;) {
        size_t j = i + 1;
        while (j < out->n_reports && cmp_key_slot(&keys[i], &keys[j]) == 0)
            j++;
        ag_slot_t *sl = grow_one(&slots);
        if (!sl) {
            rc = fail_nomem(err);
            goto done;
        }
        memset(sl, 0, sizeof *sl);
        kg_stmt_t s0 = out->reports[i].stmt;
        sl->subject = kg_stmt_subject(g, s0);
        sl->pred = c.stmt_pred[s0];
        sl->multi = !out->preds[sl->pred].functional;
        sl->object = sl->multi ? kg_stmt_object(g, s0) : KG_NONE;
        sl->first = (uint32_t)i;
        sl->count = (uint32_t)(j - i);
        i = j;
    }
    out->slots = slots.data;
    out->n_slots = slots.n;
    slots.data = NULL;

    w.stamp_src = calloc(n_ent + 1, sizeof *w.stamp_src);
    w.stamp_org = calloc(n_ent + 1, sizeof *w.stamp_org);
    w.stamp_conf = calloc(n_ent + 1, sizeof *w.stamp_conf);
    w.stamp_date_org = calloc(n_ent + 1, sizeof *w.stamp_date_org);
    w.stamp_stmt = calloc(n_st + 1, sizeof *w.stamp_stmt);
    if (!w.stamp_src || !w.stamp_org || !w.stamp_conf || !w.stamp_stmt || !w.stamp_date_org) {
        rc = fail_nomem(err);
        goto done;
    }
    for (size_t s = 0; s < out->n_slots; s++) {
        if ((s & 0xffff) == 0)
            kg_progress(progress, "comparing reports", s, out->n_slots);
        if (judge_slot(&c, &w, &out->slots[s], (uint32_t)s)) {
            rc = fail_nomem(err);
            goto done;
        }
    }
    kg_progress(progress, "comparing reports", out->n_slots, out->n_slots);
    out->series = w.series.data;
    out->n_series = w.series.n;
    w.series.data = NULL;
    if (collect_pairs(out, &w.pairs)) {
        rc = fail_nomem(err);
        goto done;
    }
    if (o->trust && ag_trust(g, o, out)) {
        rc = fail_nomem(err);
        goto done;
    }
    if (o->annotate) {
        memset(w.stamp_stmt, 0, (n_st + 1) * sizeof *w.stamp_stmt);
        if (annotate(&c, (unsigned char *)w.stamp_stmt))
            rc = fail_nomem(err);
    }
done:
    free(c.ent_rank);
    free(c.stmt_pred);
    free(c.src_index);
    free(c.rep);
    free(order);
    free(keys);
    free(sorted);
    free(slots.data);
    free(w.stamp_src);
    free(w.stamp_org);
    free(w.stamp_conf);
    free(w.stamp_date_org);
    free(w.stamp_stmt);
    free(w.src_list);
    free(w.conflict_matrix);
    for (int k = 0; k < 3; k++)
        free(w.clash[k].data);
    free(w.series.data);
    free(w.rep_mark);
    free(w.pairs.data);
    if (rc)
        ag_result_free(out);
    return rc;
}
