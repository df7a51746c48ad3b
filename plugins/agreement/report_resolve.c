/* report_resolve.c - the resolve analysis's reports: JSON (documented in docs/resolve.md), streamed one answer per line, and text for people. */
#include "agreement.h"

#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define DUMP_FLAGS (JSON_PRESERVE_ORDER | JSON_ENCODE_ANY)

/* The sources (ids, sorted, once each) of a question's reports that support (for = 1) or oppose (for = 0) a
 * candidate. A source with one report for and another against is for. */
static json_t *sources_json(const kg_graph_t *g, const rs_result_t *r, const rs_question_t *q, uint32_t cand, int for_)
{
    const ag_date_verdict_t *d = &r->ag.series[q->series];
    const rs_candidate_t *c = &r->cands[q->cand_first + cand];
    json_t *a = json_array();
    /* reports of a date are in source order within each time, and a date is one time: sources come sorted */
    kg_entity_t last = KG_NONE;
    for (uint32_t i = d->first; i < d->first + d->count && a; i++) {
        kg_entity_t src = r->ag.reports[i].source;
        if (src == last)
            continue;
        int supports = 0;
        for (uint32_t j = i; j < d->first + d->count && r->ag.reports[j].source == src; j++)
            supports |= cand == q->best ? r->for_best[j] : rs_supports(g, r, j, c);
        if (supports == for_)
            json_array_append_new(a, json_string(kg_entity_id(g, src)));
        last = src;
    }
    return a;
}

static json_t *answer_json(const kg_graph_t *g, const rs_result_t *r, const rs_question_t *q)
{
    const ag_slot_t *sl = &r->ag.slots[q->slot];
    const ag_date_verdict_t *d = &r->ag.series[q->series];
    const char *as_of = r->ag.reports[d->first].time.text;
    const rs_candidate_t *best = &r->cands[q->cand_first + q->best];
    json_t *o = json_pack("{s:s,s:s,s:o}", "subject", kg_entity_id(g, sl->subject), "predicate",
                          r->ag.preds[sl->pred].name, "as_of", as_of ? json_string(as_of) : json_null());
    if (!o || rs_put_value(o, g, r, best)) {
        json_decref(o);
        return NULL;
    }
    json_object_set_new(o, "confidence", json_real(rs_round(best->p)));
    json_object_set_new(o, "support", sources_json(g, r, q, q->best, 1));
    json_object_set_new(o, "against", sources_json(g, r, q, q->best, 0));
    if (q->second != UINT32_MAX) {
        const rs_candidate_t *second = &r->cands[q->cand_first + q->second];
        json_t *ru = json_object();
        if (ru && !rs_put_value(ru, g, r, second))
            json_object_set_new(ru, "confidence", json_real(rs_round(second->p)));
        json_object_set_new(o, "runner_up", ru);
    } else {
        json_object_set_new(o, "runner_up", json_null());
    }
    json_object_set_new(o, "reports", json_integer(d->count));
    json_object_set_new(o, "origins", json_integer(q->origins));
    return o;
}

static int dump(json_t *v, FILE *f)
{
    int rc = v ? kg_json_dumpf(v, f, DUMP_FLAGS) : -1;
    json_decref(v);
    return rc;
}

int rs_report_json(const kg_graph_t *g, const rs_result_t *r, FILE *f, kg_error_t *err)
{
    int rc = 0;
    fputs("{\n  \"analysis\": \"resolve\",\n  \"format\": 1,\n  \"totals\": ", f);
    rc |= dump(json_pack("{s:I,s:I,s:I,s:I,s:i}", "questions", (json_int_t)r->n_questions, "candidates",
                         (json_int_t)r->n_cands, "skipped_multi_valued", (json_int_t)r->skipped_multi,
                         "copy_groups", (json_int_t)r->n_copy_groups, "iterations", r->iterations),
               f);
    fputs(",\n  \"resolved\": [", f);
    for (size_t i = 0; i < r->n_questions && !rc; i++) {
        fputs(i ? ",\n    " : "\n    ", f);
        rc |= dump(answer_json(g, r, &r->questions[i]), f);
    }
    fputs(r->n_questions ? "\n  ],\n  \"sources\": [" : "],\n  \"sources\": [", f);
    size_t listed = 0;
    for (size_t s = 0; s < r->ag.n_sources && !rc; s++) {
        if (!r->claims[s])
            continue;
        json_t *o = json_pack("{s:s,s:f,s:I}", "id", kg_entity_id(g, r->ag.sources[s].source), "trust",
                              rs_round(r->accuracy[s]), "claims", (json_int_t)r->claims[s]);
        if (o && r->copy_group[s] != s)
            json_object_set_new(o, "copies_with", json_string(kg_entity_id(g, r->ag.sources[r->copy_group[s]].source)));
        fputs(listed++ ? ",\n    " : "\n    ", f);
        rc |= dump(o, f);
    }
    fputs(listed ? "\n  ]\n}\n" : "]\n}\n", f);
    if (rc || ferror(f))
        return kg_error_say(err, rc && !ferror(f) ? KG_ENOMEM : KG_EIO,
                            "resolve: cannot write the report%s%s", ferror(f) ? ": " : "",
                            ferror(f) ? strerror(errno) : "");
    return KG_OK;
}

static void candidate_words(const kg_graph_t *g, const rs_result_t *r, const rs_candidate_t *c, char *buf,
                            size_t size)
{
    ag_report_value(g, &r->ag.reports[c->rep], buf, size);
}

typedef struct ranked {
    double trust;
    uint32_t source;
} ranked_t;

static int cmp_ranked(const void *x, const void *y)
{
    const ranked_t *a = x, *b = y;
    if (a->trust != b->trust)
        return a->trust > b->trust ? -1 : 1;
    return a->source < b->source ? -1 : a->source > b->source;
}

int rs_report_text(const kg_graph_t *g, const rs_result_t *r, long limit, FILE *f, kg_error_t *err)
{
    size_t lim = limit > 0 ? (size_t)limit : SIZE_MAX, contested = 0, shown = 0;
    for (size_t i = 0; i < r->n_questions; i++)
        contested += r->questions[i].n_cand > 1;
    fprintf(f, "Resolution: the most credible value of %zu fact%s at %s date%s (%zu contested)\n",
            r->n_questions, r->n_questions == 1 ? "" : "s", r->n_questions == 1 ? "its" : "their",
            r->n_questions == 1 ? "" : "s", contested);
    fprintf(f, "  Source trust learned over the whole graph in %d round%s", r->iterations,
            r->iterations == 1 ? "" : "s");
    if (r->n_copy_groups)
        fprintf(f, "; %zu group%s of sources that copy each other counted once each", r->n_copy_groups,
                r->n_copy_groups == 1 ? "" : "s");
    fputs(".\n", f);
    if (r->skipped_multi)
        fprintf(f, "  Left out: %zu multi-valued fact%s (every value can be true at once).\n", r->skipped_multi,
                r->skipped_multi == 1 ? "" : "s");
    /* contested questions first (where the choice matters), then the rest */
    for (int pass = 0; pass < 2; pass++) {
        size_t k = 0;
        fprintf(f, "\n%s\n", pass ? "UNCONTESTED: one value, however many reports"
                                  : "CONTESTED: several values at one date, the chosen one first");
        for (size_t i = 0; i < r->n_questions && shown < lim; i++) {
            const rs_question_t *q = &r->questions[i];
            if ((q->n_cand > 1) == pass)
                continue;
            const ag_slot_t *sl = &r->ag.slots[q->slot];
            const ag_date_verdict_t *d = &r->ag.series[q->series];
            char value[256], date[96], second[256] = "";
            candidate_words(g, r, &r->cands[q->cand_first + q->best], value, sizeof value);
            ag_report_date(&r->ag.reports[d->first], date, sizeof date);
            if (q->second != UINT32_MAX) {
                char w[256];
                candidate_words(g, r, &r->cands[q->cand_first + q->second], w, sizeof w);
                snprintf(second, sizeof second, "; runner-up %s (%.2f)", w, r->cands[q->cand_first + q->second].p);
            }
            fprintf(f, " %3zu. %s · %s · %s: %s  (confidence %.2f, %u report%s, %u origin%s%s)\n", ++k,
                    kg_entity_name(g, sl->subject), r->ag.preds[sl->pred].name, date, value,
                    r->cands[q->cand_first + q->best].p, d->count, d->count == 1 ? "" : "s", q->origins,
                    q->origins == 1 ? "" : "s", second);
            shown++;
        }
        if (!k)
            fputs("   (none)\n", f);
    }
    if (shown < r->n_questions)
        fprintf(f, "   ... and %zu more (-p resolve.limit=0 lists all)\n", r->n_questions - shown);
    /* the sources, most trusted first */
    size_t n = 0;
    ranked_t *order = malloc((r->ag.n_sources ? r->ag.n_sources : 1) * sizeof *order);
    if (!order)
        return kg_error_say(err, KG_ENOMEM, "resolve: out of memory");
    for (size_t s = 0; s < r->ag.n_sources; s++)
        if (r->claims[s]) {
            order[n].trust = r->accuracy[s];
            order[n++].source = (uint32_t)s;
        }
    qsort(order, n, sizeof *order, cmp_ranked);
    fprintf(f, "\nSOURCES: trust learned from the contested facts (%.2f before any evidence), most trusted first\n",
            r->prior);
    size_t show = n < lim ? n : lim;
    for (size_t i = 0; i < show; i++) {
        uint32_t s = order[i].source;
        fprintf(f, "   %-24s trust %.3f  %u claim%s", kg_entity_id(g, r->ag.sources[s].source), r->accuracy[s],
                r->claims[s], r->claims[s] == 1 ? "" : "s");
        if (r->copy_group[s] != s)
            fprintf(f, "  (copies %s: counted as one)", kg_entity_id(g, r->ag.sources[r->copy_group[s]].source));
        fputc('\n', f);
    }
    if (show < n)
        fprintf(f, "   ... and %zu more sources\n", n - show);
    free(order);
    if (ferror(f))
        return kg_error_say(err, KG_EIO, "resolve: cannot write the report: %s", strerror(errno));
    return KG_OK;
}
