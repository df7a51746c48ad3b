/* resolve.c - the most credible value of every functional slot at every date, with source accuracies learned across the graph.
 *
 * A question is one functional slot at one date (agreement's series: the
 * reports with the same date, or the undated ones). Its candidates are the
 * distinct values its reports name: numbers (exact or "about", by amount and
 * unit), texts, dates, relation objects; a question whose reports only bound
 * the value ("more than 1,300", "thousands") has those bounds as candidates.
 * A report supports a candidate with a weight: 1 when it names it, 0.8 when
 * the candidate lies in its bounded interval ("about 1,400" supports 1,390),
 * 0.3 when it lies in a half-open one ("more than 1,300"), else 0.
 *
 * Votes follow Dong, Berti-Equille and Srivastava's accuracy model (VLDB
 * 2009): a source of accuracy A votes ln(n A / (1 - A)) for what it supports,
 * a candidate's probability is the softmax of its votes, and a source's
 * accuracy is the mean probability of what it reports, over contested
 * questions only (two origins or more), smoothed towards a prior. Beyond it:
 *   - independence: an origin (whom a statement is according to, else its
 *     source) counts once per question, and sources found to copy each other
 *     (they share most of their errors) become one origin;
 *   - time: a report is evidence about its own date only; a number that is
 *     another date's winning value is discounted where it competes (a
 *     mislabelled year); for predicates declared slowly changing, reports of
 *     other dates support compatible values, halving with each year apart.
 * The result is deterministic: every loop runs in index order. */
#include "agreement.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

void rs_result_free(rs_result_t *r)
{
    if (!r)
        return;
    if (!r->ag_borrowed)
        ag_result_free(&r->ag);
    free(r->report_p);
    free(r->for_best);
    free(r->questions);
    free(r->cands);
    free(r->accuracy);
    free(r->claims);
    free(r->copy_group);
    memset(r, 0, sizeof *r);
}

/* ------------------------------------------------------------ reports */

typedef enum rep_kind { RK_NUMBER = 0, RK_RANGE, RK_TEXT, RK_DATE, RK_OBJECT } rep_kind_t;

typedef struct rep_info {
    rep_kind_t kind;
    ag_interval_t iv;      /* numbers and ranges */
    double point;          /* numbers: the amount it names */
    const char *unit;      /* the effective unit (the predicate's when the value has none) */
    const char *text;      /* texts and dates */
    kg_entity_t object;    /* relations */
    double spec;           /* what it is worth as evidence of accuracy: 1 a point, less a range */
    kg_qualifier_t qualifier;
} rep_info_t;

typedef struct ctx {
    kg_graph_t *g;
    const rs_options_t *o;
    rs_result_t *r;
    rep_info_t *info;      /* per report */
    uint32_t *question_of; /* per report: its question, or UINT32_MAX */
    uint32_t *src_of;      /* per report: its source's index in ag.sources */
    uint32_t *origin_of;   /* per report: its origin (an entity, or a copy group's first source entity) */
    uint32_t *by_origin;   /* reports of each question's series slice, sorted by origin */
    double *discount;      /* per report: the mislabel factor, 1 when none */
    double *vote;          /* per source: ln(n A / (1 - A)) */
    float *wm;             /* per question: its reports' weights for its candidates, [report][candidate] */
    size_t *wm_first;      /* per question: where its matrix starts in wm */
    unsigned char *slow;   /* per predicate (ag.preds): slowly changing */
} ctx_t;

static int bounded(const ag_interval_t *x)
{
    return !isinf(x->lo) && !isinf(x->hi);
}

static void describe_report(const ctx_t *c, uint32_t i, rep_info_t *out)
{
    const ag_result_t *ag = &c->r->ag;
    const ag_report_t *rep = &ag->reports[i];
    const ag_pred_info_t *p = &ag->preds[ag->slots[rep->slot].pred];
    memset(out, 0, sizeof *out);
    out->object = kg_stmt_object(c->g, rep->stmt);
    out->spec = 1;
    if (out->object != KG_NONE) {
        out->kind = RK_OBJECT;
        return;
    }
    kg_value_t v;
    kg_stmt_value(c->g, rep->stmt, &v);
    out->qualifier = v.qualifier;
    if (v.type == KG_VALUE_TEXT || v.type == KG_VALUE_DATE) {
        out->kind = v.type == KG_VALUE_TEXT ? RK_TEXT : RK_DATE;
        out->text = v.text ? v.text : "";
        return;
    }
    out->unit = v.unit ? v.unit : p->unit;
    ag_number_interval(&v, p->tolerance, &out->iv);
    out->point = v.amount;
    /* a point names its amount: exact, or about (whose interval is its rounding) */
    if ((v.qualifier == KG_Q_EXACT || v.qualifier == KG_Q_ABOUT) && !kg_qualifier_is_vague(v.qualifier)) {
        out->kind = RK_NUMBER;
        return;
    }
    out->kind = RK_RANGE;
    out->spec = bounded(&out->iv) ? 0.6 : 0.3;
}

static int same_unit(const char *a, const char *b)
{
    return (!a && !b) || (a && b && strcmp(a, b) == 0);
}

/* 1 when two reports name the same value (a candidate's identity). */
static int same_info(const rep_info_t *x, const rep_info_t *y)
{
    if (x->kind != y->kind)
        return 0;
    switch (x->kind) {
    case RK_NUMBER:
        return x->point == y->point && same_unit(x->unit, y->unit);
    case RK_RANGE:
        return x->iv.lo == y->iv.lo && x->iv.hi == y->iv.hi && x->iv.lo_open == y->iv.lo_open &&
               x->iv.hi_open == y->iv.hi_open && same_unit(x->unit, y->unit);
    case RK_TEXT:
        return ag_text_compare(x->text, y->text) == 0;
    case RK_DATE:
        return strcmp(x->text, y->text) == 0;
    default:
        return x->object == y->object;
    }
}

/* How much a report (x) supports the candidate that another report (y) stands for. */
static double weight_info(const rep_info_t *x, const rep_info_t *y)
{
    if (same_info(x, y))
        return 1;
    if ((x->kind != RK_NUMBER && x->kind != RK_RANGE) || (y->kind != RK_NUMBER && y->kind != RK_RANGE) ||
        !same_unit(x->unit, y->unit))
        return 0;
    if (y->kind == RK_NUMBER) { /* does its interval hold the candidate's amount? */
        ag_interval_t pt = {y->point, y->point, 0, 0};
        if (!ag_intervals_meet(&x->iv, &pt))
            return 0;
        return bounded(&x->iv) ? 0.8 : 0.3;
    }
    /* a range candidate (no report of the question names a point): ranges that meet support it a little */
    return ag_intervals_meet(&x->iv, &y->iv) ? 0.3 : 0;
}

static int same_value(const ctx_t *c, uint32_t a, uint32_t b)
{
    return same_info(&c->info[a], &c->info[b]);
}

static double weight(const ctx_t *c, uint32_t i, uint32_t k)
{
    return weight_info(&c->info[i], &c->info[k]);
}

int rs_supports(const kg_graph_t *g, const rs_result_t *r, uint32_t rep, const rs_candidate_t *cand)
{
    ctx_t c;
    rep_info_t x, y;
    memset(&c, 0, sizeof c);
    c.g = (kg_graph_t *)g;
    c.r = (rs_result_t *)r;
    describe_report(&c, rep, &x);
    describe_report(&c, cand->rep, &y);
    return weight_info(&x, &y) > 0;
}

/* ------------------------------------------------------------ building */

static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

static int in_list(const char *const *list, size_t n, const char *name)
{
    for (size_t i = 0; i < n; i++)
        if (!strcmp(list[i], name))
            return 1;
    return 0;
}

/* Questions and their candidates, from the functional slots' series. */
static int build(ctx_t *c)
{
    rs_result_t *r = c->r;
    ag_result_t *ag = &r->ag;
    size_t cap_q = 0, cap_c = 0;
    for (size_t s = 0; s < ag->n_slots; s++) {
        const ag_slot_t *sl = &ag->slots[s];
        if (c->o->n_only && !in_list(c->o->only, c->o->n_only, ag->preds[sl->pred].name))
            continue;
        if (sl->multi) {
            r->skipped_multi++;
            continue;
        }
        for (uint32_t k = 0; k < sl->n_series; k++) {
            const ag_date_verdict_t *d = &ag->series[sl->series_first + k];
            if (r->n_questions == cap_q) {
                cap_q = cap_q ? cap_q * 2 : 256;
                rs_question_t *q = realloc(r->questions, cap_q * sizeof *q);
                if (!q)
                    return -1;
                r->questions = q;
            }
            rs_question_t *q = &r->questions[r->n_questions];
            memset(q, 0, sizeof *q);
            q->series = sl->series_first + k;
            q->slot = (uint32_t)s;
            q->cand_first = (uint32_t)r->n_cands;
            q->origins = d->origins;
            q->second = UINT32_MAX;
            /* points first; ranges only when no report names a point */
            int points = 0;
            for (uint32_t i = d->first; i < d->first + d->count; i++) {
                c->question_of[i] = (uint32_t)r->n_questions;
                points |= c->info[i].kind != RK_RANGE;
            }
            for (uint32_t i = d->first; i < d->first + d->count; i++) {
                if (points && c->info[i].kind == RK_RANGE)
                    continue;
                uint32_t j;
                for (j = q->cand_first; j < r->n_cands; j++)
                    if (same_value(c, r->cands[j].rep, i))
                        break;
                if (j < r->n_cands) {
                    /* an exact figure stands for its candidate rather than an "about" one */
                    if (c->info[r->cands[j].rep].qualifier == KG_Q_ABOUT && c->info[i].qualifier == KG_Q_EXACT)
                        r->cands[j].rep = i;
                    continue;
                }
                if (r->n_cands == cap_c) {
                    cap_c = cap_c ? cap_c * 2 : 256;
                    rs_candidate_t *x = realloc(r->cands, cap_c * sizeof *x);
                    if (!x)
                        return -1;
                    r->cands = x;
                }
                rs_candidate_t *x = &r->cands[r->n_cands++];
                x->rep = i;
                x->score = 0;
                x->p = 0;
            }
            q->n_cand = (uint32_t)(r->n_cands - q->cand_first);
            r->n_questions++;
        }
    }
    return 0;
}

/* Each question's reports in origin order (ties by report), so that an origin's reports are one run. */
static int sort_by_origin(ctx_t *c)
{
    rs_result_t *r = c->r;
    uint64_t *keys = NULL;
    size_t cap = 0;
    for (size_t qi = 0; qi < r->n_questions; qi++) {
        const ag_date_verdict_t *d = &r->ag.series[r->questions[qi].series];
        if (d->count > cap) {
            cap = d->count;
            uint64_t *k = realloc(keys, cap * sizeof *k);
            if (!k) {
                free(keys);
                return -1;
            }
            keys = k;
        }
        for (uint32_t i = 0; i < d->count; i++)
            keys[i] = ((uint64_t)c->origin_of[d->first + i] << 32) | (d->first + i);
        qsort(keys, d->count, sizeof *keys, cmp_u64);
        uint32_t n_org = 0;
        for (uint32_t i = 0; i < d->count; i++) {
            c->by_origin[d->first + i] = (uint32_t)keys[i];
            n_org += !i || (keys[i] >> 32) != (keys[i - 1] >> 32);
        }
        r->questions[qi].origins = n_org;
    }
    free(keys);
    return 0;
}

/* ------------------------------------------------------------ voting */

/* The weight of report rep (of question qi) for its candidate k, from the question's matrix. */
static double wq(const ctx_t *c, size_t qi, uint32_t rep, uint32_t k)
{
    const rs_question_t *q = &c->r->questions[qi];
    const ag_date_verdict_t *d = &c->r->ag.series[q->series];
    return c->wm[c->wm_first[qi] + (size_t)(rep - d->first) * q->n_cand + k];
}

static int weigh(ctx_t *c)
{
    rs_result_t *r = c->r;
    size_t total = 0;
    if (!(c->wm_first = malloc((r->n_questions ? r->n_questions : 1) * sizeof *c->wm_first)))
        return -1;
    for (size_t qi = 0; qi < r->n_questions; qi++) {
        c->wm_first[qi] = total;
        total += (size_t)r->ag.series[r->questions[qi].series].count * r->questions[qi].n_cand;
    }
    if (!(c->wm = malloc((total ? total : 1) * sizeof *c->wm)))
        return -1;
    for (size_t qi = 0; qi < r->n_questions; qi++) {
        const rs_question_t *q = &r->questions[qi];
        const ag_date_verdict_t *d = &r->ag.series[q->series];
        float *m = c->wm + c->wm_first[qi];
        for (uint32_t i = 0; i < d->count; i++)
            for (uint32_t k = 0; k < q->n_cand; k++)
                m[(size_t)i * q->n_cand + k] = (float)weight(c, d->first + i, r->cands[q->cand_first + k].rep);
    }
    return 0;
}


static double clamp_accuracy(double a)
{
    return a < 0.01 ? 0.01 : a > 0.99 ? 0.99 : a;
}

/* The votes of the reports in [from, to) of by_origin (one question's, or another date's for slow predicates)
 * for candidate k, each origin once (its best report), times `scale`; origins listed in skip_from..skip_to
 * (the question's own, in origin order) are left out when skip is set. */
static double votes_for(const ctx_t *c, size_t qi, uint32_t from, uint32_t to, uint32_t k, double scale)
{
    double total = 0, best = 0;
    int have = 0;
    for (uint32_t i = from; i < to; i++) {
        uint32_t rep = c->by_origin[i];
        double w = wq(c, qi, rep, k) * c->discount[rep];
        if (w > 0) {
            double v = w * c->vote[c->src_of[rep]];
            if (!have || v > best)
                best = v;
            have = 1;
        }
        if (i + 1 == to || c->origin_of[c->by_origin[i + 1]] != c->origin_of[rep]) {
            total += have ? best : 0;
            best = 0;
            have = 0;
        }
    }
    return total * scale;
}

static int has_origin(const ctx_t *c, const ag_date_verdict_t *d, uint32_t origin)
{
    uint32_t lo = d->first, hi = d->first + d->count;
    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2;
        if (c->origin_of[c->by_origin[mid]] < origin)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < d->first + d->count && c->origin_of[c->by_origin[lo]] == origin;
}

/* Another date's reports for a slowly changing predicate: origins not at this date, halving every year apart. */
static double slow_votes(const ctx_t *c, const rs_question_t *q, uint32_t k)
{
    const rs_result_t *r = c->r;
    const ag_slot_t *sl = &r->ag.slots[q->slot];
    const ag_date_verdict_t *d = &r->ag.series[q->series];
    const ag_time_t *t = &r->ag.reports[d->first].time;
    if (t->by == AG_DATED_NONE || t->first == KG_DAY_OPEN_START || t->last == KG_DAY_OPEN_END)
        return 0;
    double mid = ((double)t->first + (double)t->last) / 2, total = 0;
    for (uint32_t s = 0; s < sl->n_series; s++) {
        const ag_date_verdict_t *o = &r->ag.series[sl->series_first + s];
        const ag_time_t *u = &r->ag.reports[o->first].time;
        if (o == d || u->by == AG_DATED_NONE || u->first == KG_DAY_OPEN_START || u->last == KG_DAY_OPEN_END)
            continue;
        double decay = c->o->slow_weight * pow(0.5, fabs(((double)u->first + (double)u->last) / 2 - mid) / 365.25);
        if (decay < 0.01)
            continue;
        double best = 0, sum = 0;
        for (uint32_t i = o->first; i < o->first + o->count; i++) {
            uint32_t rep = c->by_origin[i];
            uint32_t org = c->origin_of[rep];
            double w = has_origin(c, d, org) ? 0 : weight(c, rep, k);
            double v = w * c->vote[c->src_of[rep]];
            if (v > best)
                best = v;
            if (i + 1 == o->first + o->count || c->origin_of[c->by_origin[i + 1]] != org) {
                sum += best;
                best = 0;
            }
        }
        total += decay * sum;
    }
    return total;
}

/* Every candidate's votes at its own date, in one pass over the question's reports (origin by origin); a
 * question of more candidates than fit on the stack takes them one by one. */
#define RS_STACK_CANDIDATES 32

static void question_scores(const ctx_t *c, size_t qi)
{
    const rs_question_t *q = &c->r->questions[qi];
    const ag_date_verdict_t *d = &c->r->ag.series[q->series];
    rs_candidate_t *cand = c->r->cands + q->cand_first;
    uint32_t n = q->n_cand, end = d->first + d->count;
    if (n > RS_STACK_CANDIDATES) {
        for (uint32_t k = 0; k < n; k++)
            cand[k].score = votes_for(c, qi, d->first, end, k, 1);
        return;
    }
    const float *m = c->wm + c->wm_first[qi];
    double best[RS_STACK_CANDIDATES];
    unsigned char have[RS_STACK_CANDIDATES];
    for (uint32_t k = 0; k < n; k++)
        cand[k].score = 0;
    for (uint32_t i = d->first; i < end;) {
        uint32_t org = c->origin_of[c->by_origin[i]], j = i;
        memset(have, 0, n);
        for (; j < end && c->origin_of[c->by_origin[j]] == org; j++) {
            uint32_t rep = c->by_origin[j];
            double base = c->vote[c->src_of[rep]] * c->discount[rep];
            const float *row = m + (size_t)(rep - d->first) * n;
            for (uint32_t k = 0; k < n; k++) {
                if (row[k] <= 0)
                    continue;
                double v = row[k] * base;
                if (!have[k] || v > best[k]) {
                    best[k] = v;
                    have[k] = 1;
                }
            }
        }
        for (uint32_t k = 0; k < n; k++)
            if (have[k])
                cand[k].score += best[k];
        i = j;
    }
}

/* One round: every question's candidate probabilities from the current accuracies. Returns how many
 * questions changed their answer. */
static size_t vote_round(ctx_t *c)
{
    size_t changed = 0;
    rs_result_t *r = c->r;
    for (size_t s = 0; s < r->ag.n_sources; s++) {
        double a = clamp_accuracy(r->accuracy[s]);
        c->vote[s] = log(c->o->false_values * a / (1 - a));
    }
    for (size_t qi = 0; qi < r->n_questions; qi++) {
        rs_question_t *q = &r->questions[qi];
        rs_candidate_t *cand = r->cands + q->cand_first;
        int slow = c->slow[r->ag.slots[q->slot].pred];
        if (q->n_cand == 1) { /* one value: certain, whatever the votes */
            cand[0].p = 1;
            q->best = 0;
            q->second = UINT32_MAX;
            continue;
        }
        uint32_t was = q->best;
        double top = -INFINITY;
        question_scores(c, qi);
        for (uint32_t k = 0; k < q->n_cand; k++) {
            if (slow)
                cand[k].score += slow_votes(c, q, cand[k].rep);
            if (cand[k].score > top)
                top = cand[k].score;
        }
        double sum = 0;
        for (uint32_t k = 0; k < q->n_cand; k++)
            sum += (cand[k].p = exp(cand[k].score - top));
        q->best = 0;
        q->second = UINT32_MAX;
        for (uint32_t k = 0; k < q->n_cand; k++) {
            cand[k].p /= sum;
            if (k && cand[k].p > cand[q->best].p) {
                q->second = q->best;
                q->best = k;
            } else if (k != q->best && (q->second == UINT32_MAX || cand[k].p > cand[q->second].p)) {
                q->second = k;
            }
        }
        changed += q->best != was;
    }
    return changed;
}

/* The accuracies from the current probabilities; returns how far the largest moved. */
static double accuracy_round(ctx_t *c, double *sum, double *weight_sum)
{
    rs_result_t *r = c->r;
    size_t n_src = r->ag.n_sources;
    memset(sum, 0, n_src * sizeof *sum);
    memset(weight_sum, 0, n_src * sizeof *weight_sum);
    for (size_t qi = 0; qi < r->n_questions; qi++) {
        const rs_question_t *q = &r->questions[qi];
        if (q->origins < 2)
            continue; /* an uncontested report says nothing about its source's accuracy */
        const ag_date_verdict_t *d = &r->ag.series[q->series];
        const rs_candidate_t *cand = r->cands + q->cand_first;
        const float *m = c->wm + c->wm_first[qi];
        for (uint32_t i = d->first; i < d->first + d->count; i++) {
            double right = 0;
            const float *row = m + (size_t)(i - d->first) * q->n_cand;
            for (uint32_t k = 0; k < q->n_cand; k++)
                if (row[k] > 0)
                    right += cand[k].p;
            double e = c->info[i].spec * c->discount[i];
            sum[c->src_of[i]] += e * (right > 1 ? 1 : right);
            weight_sum[c->src_of[i]] += e;
        }
    }
    double moved = 0;
    for (size_t s = 0; s < n_src; s++) {
        double a = (sum[s] + c->o->prior_weight * c->o->prior) / (weight_sum[s] + c->o->prior_weight);
        if (fabs(a - r->accuracy[s]) > moved)
            moved = fabs(a - r->accuracy[s]);
        r->accuracy[s] = a;
    }
    return moved;
}

/* A fixed point is reached when no accuracy moves by more than RS_CONVERGED, or when the answers have not
 * changed for two rounds and no accuracy moves by more than RS_SETTLED. */
#define RS_CONVERGED 1e-3
#define RS_SETTLED 1e-2

static int fixed_point(ctx_t *c, const kg_opts_t *progress, const char *what)
{
    size_t n = c->r->ag.n_sources ? c->r->ag.n_sources : 1;
    double *sum = malloc(n * sizeof *sum), *ws = malloc(n * sizeof *ws);
    if (!sum || !ws) {
        free(sum);
        free(ws);
        return -1;
    }
    int it, settled = 0;
    for (it = 1; it <= c->o->iterations; it++) {
        kg_progress(progress, what, (uint64_t)it, (uint64_t)c->o->iterations);
        size_t changed = vote_round(c);
        double moved = accuracy_round(c, sum, ws);
        /* done when the accuracies stand still, or when no answer has changed for two rounds while they
         * move by less than RS_SETTLED (the answers settle long before the last decimals) */
        settled = it > 1 && !changed && moved < RS_SETTLED ? settled + 1 : 0;
        if (moved < RS_CONVERGED || settled >= 2)
            break;
    }
    vote_round(c); /* the probabilities of the final accuracies */
    c->r->iterations = it > c->o->iterations ? c->o->iterations : it;
    free(sum);
    free(ws);
    return 0;
}

/* ------------------------------------------------------------ copies */

typedef struct pair_map {
    uint64_t *keys;   /* (a << 32 | b) + 1, 0 empty */
    uint32_t *count;
    size_t cap, n;
} pair_map_t;

static int pair_add(pair_map_t *m, uint32_t a, uint32_t b)
{
    if (m->n * 2 >= m->cap) {
        size_t cap = m->cap ? m->cap * 2 : 1024;
        uint64_t *keys = calloc(cap, sizeof *keys);
        uint32_t *count = calloc(cap, sizeof *count);
        if (!keys || !count) {
            free(keys);
            free(count);
            return -1;
        }
        for (size_t i = 0; i < m->cap; i++) {
            if (!m->keys[i])
                continue;
            size_t h = (size_t)kg_hash_u64(m->keys[i]) & (cap - 1);
            while (keys[h])
                h = (h + 1) & (cap - 1);
            keys[h] = m->keys[i];
            count[h] = m->count[i];
        }
        free(m->keys);
        free(m->count);
        m->keys = keys;
        m->count = count;
        m->cap = cap;
    }
    uint64_t key = (((uint64_t)a << 32) | b) + 1;
    size_t h = (size_t)kg_hash_u64(key) & (m->cap - 1);
    while (m->keys[h] && m->keys[h] != key)
        h = (h + 1) & (m->cap - 1);
    if (!m->keys[h]) {
        m->keys[h] = key;
        m->n++;
    }
    m->count[h]++;
    return 0;
}

static uint32_t find_root(uint32_t *parent, uint32_t x)
{
    while (parent[x] != x)
        x = parent[x] = parent[parent[x]];
    return x;
}

/* Sources that share most of their errors copy one another (or one origin): one group each, whose first
 * source (in id order) stands for the group as an origin. Returns the number of reports whose origin
 * changed, or -1 on out-of-memory. */
#define RS_COPY_MIN_SHARED 3   /* errors two sources must share, at least */
#define RS_COPY_LIST_MAX 64    /* a wrong value repeated by more sources is a common mistake, not a copy */

static long find_copies(ctx_t *c)
{
    rs_result_t *r = c->r;
    size_t n_src = r->ag.n_sources;
    pair_map_t m = {NULL, NULL, 0, 0};
    uint32_t *errors = calloc(n_src + 1, sizeof *errors), *list = malloc((RS_COPY_LIST_MAX + 1) * sizeof *list);
    long changed = -1;
    if (!errors || !list)
        goto done;
    for (size_t qi = 0; qi < r->n_questions; qi++) {
        const rs_question_t *q = &r->questions[qi];
        const ag_date_verdict_t *d = &r->ag.series[q->series];
        if (q->n_cand < 2)
            continue;
        for (uint32_t k = 0; k < q->n_cand; k++) {
            if (k == q->best)
                continue;
            uint32_t cand_rep = r->cands[q->cand_first + k].rep, n = 0;
            for (uint32_t i = d->first; i < d->first + d->count; i++) {
                if (c->info[i].kind == RK_RANGE || !same_value(c, i, cand_rep))
                    continue;
                uint32_t s = c->src_of[i];
                int dup = 0;
                for (uint32_t j = 0; j < n && !dup; j++)
                    dup = list[j] == s;
                if (dup)
                    continue;
                errors[s]++;
                if (n <= RS_COPY_LIST_MAX)
                    list[n++] = s;
            }
            if (n < 2 || n > RS_COPY_LIST_MAX)
                continue;
            for (uint32_t a = 0; a < n; a++)
                for (uint32_t b = 0; b < n; b++)
                    if (list[a] < list[b] && pair_add(&m, list[a], list[b]))
                        goto done;
        }
    }
    for (size_t s = 0; s < n_src; s++)
        r->copy_group[s] = (uint32_t)s;
    /* union in key order, so that the groups do not depend on the hash layout */
    uint64_t *pairs = malloc((m.n ? m.n : 1) * sizeof *pairs);
    if (!pairs)
        goto done;
    size_t n_pairs = 0;
    for (size_t i = 0; i < m.cap; i++) {
        if (!m.keys[i])
            continue;
        uint32_t a = (uint32_t)((m.keys[i] - 1) >> 32), b = (uint32_t)(m.keys[i] - 1);
        uint32_t shared = m.count[i], fewer = errors[a] < errors[b] ? errors[a] : errors[b];
        if (shared >= RS_COPY_MIN_SHARED && 2 * shared >= fewer)
            pairs[n_pairs++] = m.keys[i] - 1;
    }
    qsort(pairs, n_pairs, sizeof *pairs, cmp_u64);
    for (size_t i = 0; i < n_pairs; i++) {
        uint32_t a = find_root(r->copy_group, (uint32_t)(pairs[i] >> 32));
        uint32_t b = find_root(r->copy_group, (uint32_t)pairs[i]);
        if (a != b)
            r->copy_group[a > b ? a : b] = a < b ? a : b;
    }
    free(pairs);
    r->n_copy_groups = 0;
    memset(errors, 0, (n_src + 1) * sizeof *errors); /* now: members per group */
    for (size_t s = 0; s < n_src; s++) {
        r->copy_group[s] = find_root(r->copy_group, (uint32_t)s);
        r->n_copy_groups += ++errors[r->copy_group[s]] == 2;
    }
    changed = 0;
    for (size_t i = 0; i < r->ag.n_reports; i++) {
        const ag_report_t *rep = &r->ag.reports[i];
        if (rep->origin != rep->source || c->question_of[i] == UINT32_MAX)
            continue; /* according to someone: that is its origin */
        uint32_t org = r->ag.sources[r->copy_group[c->src_of[i]]].source;
        if (org != c->origin_of[i]) {
            c->origin_of[i] = org;
            changed++;
        }
    }
done:
    free(errors);
    free(list);
    free(m.keys);
    free(m.count);
    return changed;
}

/* ------------------------------------------------------------ mislabelled dates */

typedef struct winner {
    double amount;
    const char *unit;
    uint32_t question;
    double p;
} winner_t;

static int cmp_winner(const void *x, const void *y)
{
    const winner_t *a = x, *b = y;
    if (a->amount != b->amount)
        return a->amount < b->amount ? -1 : 1;
    int u = strcmp(a->unit ? a->unit : "", b->unit ? b->unit : "");
    if (u)
        return u;
    return a->question < b->question ? -1 : a->question > b->question;
}

/* A number at one date that is the winning value of another date of the same slot is probably a report about
 * that other date: where it competes with another value, its weight is cut by mislabel x that date's
 * confidence. Returns the number of reports whose factor changed. */
static long find_mislabels(ctx_t *c)
{
    rs_result_t *r = c->r;
    long changed = 0;
    winner_t *w = NULL;
    size_t cap = 0;
    for (size_t qi = 0; qi < r->n_questions;) {
        size_t qj = qi;
        while (qj < r->n_questions && r->questions[qj].slot == r->questions[qi].slot)
            qj++;
        const ag_slot_t *sl = &r->ag.slots[r->questions[qi].slot];
        if (qj - qi < 2 || c->slow[sl->pred]) {
            qi = qj;
            continue;
        }
        if (qj - qi > cap) {
            cap = qj - qi;
            winner_t *x = realloc(w, cap * sizeof *x);
            if (!x) {
                free(w);
                return -1;
            }
            w = x;
        }
        size_t n = 0;
        for (size_t k = qi; k < qj; k++) {
            const rs_question_t *q = &r->questions[k];
            const rs_candidate_t *b = &r->cands[q->cand_first + q->best];
            const ag_report_t *rep = &r->ag.reports[b->rep];
            if (c->info[b->rep].kind != RK_NUMBER || b->p < 0.5 || rep->time.by == AG_DATED_NONE)
                continue;
            w[n].amount = c->info[b->rep].point;
            w[n].unit = c->info[b->rep].unit;
            w[n].question = (uint32_t)k;
            w[n].p = b->p;
            n++;
        }
        qsort(w, n, sizeof *w, cmp_winner);
        for (size_t k = qi; k < qj; k++) {
            const rs_question_t *q = &r->questions[k];
            const ag_date_verdict_t *d = &r->ag.series[q->series];
            for (uint32_t i = d->first; i < d->first + d->count; i++) {
                double f = 1;
                if (q->n_cand >= 2 && c->info[i].kind == RK_NUMBER) {
                    winner_t key = {c->info[i].point, c->info[i].unit, 0, 0};
                    size_t lo = 0, hi = n;
                    while (lo < hi) { /* the first winner with this amount and unit */
                        size_t mid = (lo + hi) / 2;
                        if (cmp_winner(&w[mid], &key) < 0)
                            lo = mid + 1;
                        else
                            hi = mid;
                    }
                    double e = 0;
                    for (; lo < n && w[lo].amount == key.amount && same_unit(w[lo].unit, key.unit); lo++)
                        if (w[lo].question != k && w[lo].p > e)
                            e = w[lo].p;
                    f = 1 - c->o->mislabel * e;
                }
                if (f != c->discount[i]) {
                    c->discount[i] = f;
                    changed++;
                }
            }
        }
        qi = qj;
    }
    free(w);
    return changed;
}

/* ------------------------------------------------------------ writing back */

double rs_round(double x)
{
    return round(x * 1e6) / 1e6;
}

/* Sets "value" (claims, as the native format writes it) or "object" (relations) on o. */
int rs_put_value(json_t *o, const kg_graph_t *g, const rs_result_t *r, const rs_candidate_t *cand)
{
    const ag_report_t *rep = &r->ag.reports[cand->rep];
    kg_entity_t obj = kg_stmt_object(g, rep->stmt);
    if (obj != KG_NONE)
        return json_object_set_new(o, "object", json_string(kg_entity_id(g, obj)));
    kg_value_t v;
    kg_stmt_value(g, rep->stmt, &v);
    return json_object_set_new(o, "value", kg_value_to_json(&v));
}

/* Entities get "resolved": {predicate: [{"as_of", "value", "confidence"}]}, statements "resolution":
 * {"chosen"}: whether their value is their date's chosen one. */
static int annotate(ctx_t *c)
{
    rs_result_t *r = c->r;
    kg_graph_t *g = c->g;
    size_t n_st = kg_graph_stmt_count(g);
    unsigned char *seen = calloc(n_st + 1, 1);
    /* two objects shared by every statement (attributes are never changed in place) */
    json_t *yes = json_pack("{s:b}", KG_ATTR_RESOLUTION_CHOSEN, 1), *no = json_pack("{s:b}", KG_ATTR_RESOLUTION_CHOSEN, 0);
    int rc = seen && yes && no ? 0 : -1;
    for (size_t qi = 0; qi < r->n_questions && !rc;) {
        kg_entity_t subject = r->ag.slots[r->questions[qi].slot].subject;
        json_t *per_pred = json_object();
        rc = !per_pred;
        size_t qj = qi;
        for (; qj < r->n_questions && r->ag.slots[r->questions[qj].slot].subject == subject && !rc; qj++) {
            const rs_question_t *q = &r->questions[qj];
            const ag_date_verdict_t *d = &r->ag.series[q->series];
            const rs_candidate_t *cand = r->cands + q->cand_first, *best = &cand[q->best];
            const char *pred = r->ag.preds[r->ag.slots[q->slot].pred].name, *as_of = r->ag.reports[d->first].time.text;
            json_t *list = json_object_get(per_pred, pred);
            if (!list) {
                list = json_array();
                rc = !list || json_object_set_new(per_pred, pred, list);
            }
            json_t *item = json_pack("{s:o}", "as_of", as_of ? json_string(as_of) : json_null());
            rc = rc || !item || rs_put_value(item, g, r, best) ||
                 json_object_set_new(item, "confidence", json_real(rs_round(best->p))) || json_array_append_new(list, item);
            for (uint32_t i = d->first; i < d->first + d->count && !rc; i++) {
                kg_stmt_t st = r->ag.reports[i].stmt;
                if (seen[st])
                    continue;
                seen[st] = 1;
                int chosen = same_value(c, i, best->rep);
                rc = kg_stmt_attr_set_new(g, st, KG_ATTR_RESOLUTION, json_incref(chosen ? yes : no));
            }
        }
        rc = rc || kg_entity_attr_set_new(g, subject, KG_ATTR_RESOLVED, per_pred);
        qi = qj;
    }
    json_decref(yes);
    json_decref(no);
    free(seen);
    return rc ? -1 : 0;
}

/* ------------------------------------------------------------ the run */

static int learn(ctx_t *c, const kg_opts_t *progress);

int rs_resolve(kg_graph_t *g, const ag_options_t *ao, const rs_options_t *o, const kg_opts_t *progress,
               rs_result_t *out, kg_error_t *err)
{
    ag_options_t a = *ao;
    ag_result_t ag;
    int rc;
    memset(out, 0, sizeof *out);
    a.annotate = 0;
    a.trust = 0;
    a.lean = 1;
    if ((rc = ag_analyse(g, &a, progress, &ag, err)))
        return rc;
    if ((rc = rs_learn(g, &ag, o, progress, out, err))) {
        ag_result_free(&ag);
        return rc;
    }
    out->ag_borrowed = 0; /* the result owns the slots it was learned on */
    return KG_OK;
}

int rs_learn(kg_graph_t *g, const ag_result_t *ag, const rs_options_t *o, const kg_opts_t *progress, rs_result_t *out,
             kg_error_t *err)
{
    memset(out, 0, sizeof *out);
    out->ag = *ag;
    out->ag_borrowed = 1;
    ctx_t c;
    memset(&c, 0, sizeof c);
    c.g = g;
    c.o = o;
    c.r = out;
    if (learn(&c, progress)) {
        rs_result_free(out);
        return kg_error_say(err, KG_ENOMEM, "resolve: out of memory");
    }
    return KG_OK;
}

/* Everything after the slots: questions, votes to fixed points, copies and mislabels, the write-back.
 * Returns 0, or -1 on out-of-memory (the result is then partly filled: free it). */
static int learn(ctx_t *cp, const kg_opts_t *progress)
{
    ctx_t c = *cp;
    kg_graph_t *g = c.g;
    const rs_options_t *o = c.o;
    rs_result_t *out = c.r;
    int rc = -1;
    out->prior = o->prior;
    ag_result_t *ag = &out->ag;
    size_t n_rep = ag->n_reports ? ag->n_reports : 1, n_src = ag->n_sources ? ag->n_sources : 1;
    c.info = malloc(n_rep * sizeof *c.info);
    c.question_of = malloc(n_rep * sizeof *c.question_of);
    c.src_of = malloc(n_rep * sizeof *c.src_of);
    c.origin_of = malloc(n_rep * sizeof *c.origin_of);
    c.by_origin = malloc(n_rep * sizeof *c.by_origin);
    c.discount = malloc(n_rep * sizeof *c.discount);
    c.vote = malloc(n_src * sizeof *c.vote);
    c.slow = calloc(ag->n_preds + 1, 1);
    out->accuracy = malloc(n_src * sizeof *out->accuracy);
    out->claims = calloc(n_src, sizeof *out->claims);
    out->copy_group = malloc(n_src * sizeof *out->copy_group);
    out->report_p = malloc(n_rep * sizeof *out->report_p);
    out->for_best = calloc(n_rep, 1);
    uint32_t *src_index = NULL;
    if (!c.info || !c.question_of || !c.src_of || !c.origin_of || !c.by_origin || !c.discount || !c.vote ||
        !c.slow || !out->accuracy || !out->claims || !out->copy_group || !out->report_p || !out->for_best)
        goto done;
    for (size_t p = 0; p < ag->n_preds; p++)
        c.slow[p] = (unsigned char)in_list(o->slow, o->n_slow, ag->preds[p].name);
    /* a source's index by entity: sources[] is in id order */
    size_t n_ent = kg_graph_entity_count(g);
    if (!(src_index = malloc((n_ent ? n_ent : 1) * sizeof *src_index)))
        goto done;
    for (size_t s = 0; s < ag->n_sources; s++) {
        src_index[ag->sources[s].source] = (uint32_t)s;
        out->accuracy[s] = o->prior;
        out->copy_group[s] = (uint32_t)s;
    }
    for (size_t i = 0; i < ag->n_reports; i++) {
        describe_report(&c, (uint32_t)i, &c.info[i]);
        c.question_of[i] = UINT32_MAX;
        c.src_of[i] = src_index[ag->reports[i].source];
        c.origin_of[i] = ag->reports[i].origin;
        c.by_origin[i] = (uint32_t)i;
        c.discount[i] = 1;
    }
    if (build(&c) || sort_by_origin(&c) || weigh(&c))
        goto done;
    for (size_t i = 0; i < ag->n_reports; i++)
        if (c.question_of[i] != UINT32_MAX)
            out->claims[c.src_of[i]]++;
    if (fixed_point(&c, progress, "resolving"))
        goto done;
    /* then what the first answers tell: copies, and numbers that belong to another date */
    for (int pass = 0; pass < 2; pass++) {
        long copies = 0, moved = 0;
        if (o->copies && pass == 0 && (copies = find_copies(&c)) < 0)
            goto done;
        if (copies && sort_by_origin(&c))
            goto done;
        if (o->mislabel > 0 && (moved = find_mislabels(&c)) < 0)
            goto done;
        if (!copies && !moved)
            break;
        if (fixed_point(&c, progress, "resolving"))
            goto done;
    }
    for (size_t i = 0; i < ag->n_reports; i++) {
        uint32_t qi = c.question_of[i];
        out->report_p[i] = NAN;
        if (qi == UINT32_MAX)
            continue;
        const rs_question_t *q = &out->questions[qi];
        double right = 0;
        for (uint32_t k = 0; k < q->n_cand; k++)
            if (wq(&c, qi, (uint32_t)i, k) > 0)
                right += out->cands[q->cand_first + k].p;
        out->report_p[i] = right > 1 ? 1 : right;
        out->for_best[i] = wq(&c, qi, (uint32_t)i, q->best) > 0;
    }
    if (o->annotate && annotate(&c))
        goto done;
    rc = 0;
done:
    free(src_index);
    free(c.info);
    free(c.question_of);
    free(c.src_of);
    free(c.origin_of);
    free(c.by_origin);
    free(c.discount);
    free(c.vote);
    free(c.slow);
    free(c.wm);
    free(c.wm_first);
    return rc;
}
