/* report_text.c - the agreement report for people: conflicts first, then changes over time, corroborations, single origins, sources. */
#include "agreement.h"

#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

typedef struct out {
    const kg_graph_t *g;
    const ag_result_t *r;
    FILE *f;
    size_t limit; /* items per list; SIZE_MAX for all */
} out_t;

static void slot_title(const out_t *o, const ag_slot_t *sl, char *buf, size_t size)
{
    const kg_graph_t *g = o->g;
    const char *pred = o->r->preds[sl->pred].name;
    const char *name = kg_entity_name(g, sl->subject), *id = kg_entity_id(g, sl->subject);
    int n = snprintf(buf, size, "%s", name);
    if (strcmp(name, id) != 0 && n >= 0 && (size_t)n < size)
        n += snprintf(buf + n, size - (size_t)n, " (%s)", id);
    if (n < 0 || (size_t)n >= size)
        return;
    if (sl->multi && sl->object != KG_NONE) {
        snprintf(buf + n, size - (size_t)n, " %s %s", pred, kg_entity_name(g, sl->object));
    } else if (sl->multi) {
        char value[256];
        ag_report_value(g, &o->r->reports[sl->first], value, sizeof value);
        snprintf(buf + n, size - (size_t)n, " %s = %s", pred, value);
    } else {
        snprintf(buf + n, size - (size_t)n, " · %s", pred);
    }
}

/* The mark a report's date gets in a series: "x" at a date in conflict, "?" at one the dates cannot settle. */
static const char *date_mark(const out_t *o, const ag_slot_t *sl, uint32_t report)
{
    for (uint32_t k = 0; k < sl->n_series; k++) {
        const ag_date_verdict_t *d = &o->r->series[sl->series_first + k];
        if (report >= d->first && report < d->first + d->count)
            return d->status == AG_CONFLICT ? "x" : d->status == AG_UNDETERMINED ? "?" : " ";
    }
    return " ";
}

static void print_reports(const out_t *o, const ag_slot_t *sl, int quotes)
{
    const kg_graph_t *g = o->g;
    size_t shown = sl->count < o->limit ? sl->count : o->limit;
    int marks = sl->status == AG_CONFLICT || sl->status == AG_UNDETERMINED;
    for (size_t i = 0; i < shown; i++) {
        const ag_report_t *rep = &o->r->reports[sl->first + i];
        char date[96], value[256];
        ag_report_date(rep, date, sizeof date);
        if (sl->multi)
            value[0] = '\0';
        else
            ag_report_value(g, rep, value, sizeof value);
        kg_entity_t by = kg_stmt_according_to(g, rep->stmt);
        const char *mark = marks ? date_mark(o, sl, sl->first + (uint32_t)i) : " ";
        if (sl->multi)
            fprintf(o->f, "   %s %-30s %s", mark, date, kg_entity_id(g, rep->source));
        else
            fprintf(o->f, "   %s %-30s %-26s %s", mark, date, value, kg_entity_id(g, rep->source));
        if (by != KG_NONE)
            fprintf(o->f, ", according to %s", kg_entity_name(g, by));
        if (o->r->trust_computed && !isnan(rep->confidence))
            fprintf(o->f, "  [confidence %.2f]", rep->confidence);
        fputc('\n', o->f);
        if (quotes && rep->quote)
            fprintf(o->f, "     %-30s \"%s\"\n", "", rep->quote);
    }
    if (shown < sl->count)
        fprintf(o->f, "     ... and %u more reports\n", sl->count - (unsigned)shown);
}

static void more(const out_t *o, size_t total)
{
    if (total > o->limit)
        fprintf(o->f, "   ... and %zu more (-p agreement.limit=0 lists all)\n", total - o->limit);
}

static void clashes(const out_t *o, const ag_slot_t *sl, uint32_t from, uint32_t n, const char *heading)
{
    if (!n)
        return;
    fprintf(o->f, "    %s\n", heading);
    size_t shown = n < o->limit ? n : o->limit;
    for (size_t c = 0; c < shown; c++) {
        char text[2048];
        ag_clash_explain(o->g, o->r, &o->r->clashes[sl->clash_first + from + c], text, sizeof text);
        fprintf(o->f, "     - %s\n", text);
    }
    if (shown < n)
        fprintf(o->f, "     ... and %u more\n", n - (unsigned)shown);
}

/* The date (index into the slot's series) of a report. */
static uint32_t date_of(const out_t *o, const ag_slot_t *sl, uint32_t report)
{
    for (uint32_t k = 0; k < sl->n_series; k++) {
        const ag_date_verdict_t *d = &o->r->series[sl->series_first + k];
        if (report >= d->first && report < d->first + d->count)
            return k;
    }
    return UINT32_MAX;
}

/* What changed, step by step: each date's change to the nearest later date that differs from it (a series of n
 * dates has up to n^2 changed pairs; the steps tell it), and how many pairs further apart there are besides. */
static void changes(const out_t *o, const ag_slot_t *sl)
{
    uint32_t from = sl->n_conflicts + sl->n_undetermined, shown = 0, skipped = 0, n = sl->n_series;
    uint32_t *nearest = n ? malloc(n * sizeof *nearest) : NULL;
    if (nearest)
        for (uint32_t k = 0; k < n; k++)
            nearest[k] = UINT32_MAX;
    for (uint32_t c = 0; nearest && c < sl->n_changes; c++) {
        const ag_clash_t *cl = &o->r->clashes[sl->clash_first + from + c];
        uint32_t da = date_of(o, sl, cl->a), db = date_of(o, sl, cl->b);
        if (da < n && db < n && da < db && db < nearest[da])
            nearest[da] = db;
    }
    for (uint32_t c = 0; c < sl->n_changes; c++) {
        const ag_clash_t *cl = &o->r->clashes[sl->clash_first + from + c];
        uint32_t da = date_of(o, sl, cl->a), db = date_of(o, sl, cl->b);
        if (nearest && da < n && db != nearest[da]) {
            skipped++;
            continue;
        }
        if (!shown)
            fprintf(o->f, "    what changed, each date to the next that differs:\n");
        if (shown++ < o->limit) {
            char text[2048];
            ag_clash_explain(o->g, o->r, cl, text, sizeof text);
            fprintf(o->f, "     - %s\n", text);
        }
    }
    free(nearest);
    if (shown > o->limit)
        fprintf(o->f, "     ... and %zu more\n", (size_t)(shown - o->limit));
    if (skipped)
        fprintf(o->f, "    and %u pair%s of dates further apart (all in --format json)\n", skipped,
                skipped == 1 ? "" : "s");
}

static void section(const out_t *o, ag_status_t status, const char *heading, const char *what, int quotes)
{
    const ag_result_t *r = o->r;
    size_t total = r->by_status[status], k = 0;
    if (!total)
        return;
    fprintf(o->f, "\n%s (%zu): %s\n", heading, total, what);
    if (status == AG_CONFLICT || status == AG_UNDETERMINED)
        fprintf(o->f, "  (x: a date with a contradiction; ?: a date that cannot be put in order against a report "
                      "that differs)\n");
    for (size_t s = 0; s < r->n_slots && k < o->limit; s++) {
        const ag_slot_t *sl = &r->slots[s];
        if (sl->status != status)
            continue;
        char title[1024];
        slot_title(o, sl, title, sizeof title);
        fprintf(o->f, "\n %zu. %s\n    %u report%s from %u source%s, %u independent origin%s\n", ++k, title,
                sl->count, sl->count == 1 ? "" : "s", sl->sources, sl->sources == 1 ? "" : "s", sl->origins,
                sl->origins == 1 ? "" : "s");
        print_reports(o, sl, quotes);
        /* conflicts: why; undetermined: why the dates cannot tell; changes: what changed */
        clashes(o, sl, 0, sl->n_conflicts, "why it is a contradiction:");
        clashes(o, sl, sl->n_conflicts, sl->n_undetermined, "why the dates cannot tell:");
        if (status == AG_CHANGED)
            changes(o, sl);
        else if (sl->n_changes)
            fprintf(o->f, "    and %u pair%s of reports differ only over time (the series above is in date order)\n",
                    sl->n_changes, sl->n_changes == 1 ? "" : "s");
    }
    more(o, total);
}

static void single_section(const out_t *o)
{
    const ag_result_t *r = o->r;
    size_t total = r->by_status[AG_SINGLE], k = 0;
    if (!total)
        return;
    fprintf(o->f, "\nSINGLE ORIGIN (%zu): facts that rest on one origin, however many reports repeat it\n", total);
    for (size_t s = 0; s < r->n_slots && k < o->limit; s++) {
        const ag_slot_t *sl = &r->slots[s];
        if (sl->status != AG_SINGLE)
            continue;
        char title[1024], value[1024] = "";
        const ag_report_t *rep = &r->reports[sl->first];
        slot_title(o, sl, title, sizeof title);
        if (!sl->multi) {
            /* every distinct value, with its date when there are several */
            size_t len = 0;
            unsigned listed = 0;
            for (uint32_t i = 0; i < sl->count && len < sizeof value - 1; i++) {
                const ag_report_t *x = &r->reports[sl->first + i];
                int seen = 0;
                for (uint32_t j = 0; j < i; j++)
                    seen |= r->reports[sl->first + j].stmt == x->stmt;
                if (seen)
                    continue;
                char v[256], d[96] = "";
                ag_report_value(o->g, x, v, sizeof v);
                if (sl->statements > 1)
                    ag_report_date(x, d, sizeof d);
                len += (size_t)snprintf(value + len, sizeof value - len, "%s%s%s%s%s", listed++ ? "; " : "", v,
                                        d[0] ? " (" : "", d, d[0] ? ")" : "");
            }
        }
        kg_entity_t by = kg_stmt_according_to(o->g, rep->stmt);
        fprintf(o->f, " %3zu. %s%s%s  (%s%s%s%s)\n", ++k, title, value[0] ? ": " : "", value,
                kg_entity_id(o->g, rep->source), sl->sources > 1 ? " and others" : "",
                by != KG_NONE ? ", according to " : "", by != KG_NONE ? kg_entity_name(o->g, by) : "");
    }
    more(o, total);
}

static void sources_section(const out_t *o)
{
    const ag_result_t *r = o->r;
    const kg_graph_t *g = o->g;
    size_t id_width = 6;
    for (size_t i = 0; i < r->n_sources; i++) {
        size_t w = strlen(kg_entity_id(g, r->sources[i].source));
        if (w > id_width)
            id_width = w < 40 ? w : 40;
    }
    fprintf(o->f, "\nSOURCES: how far each source agrees with the others on the facts they share\n");
    fprintf(o->f, "   %-*s  reports  shared  agreed  conflicts  agreement%s\n", (int)id_width, "source",
            r->trust_computed ? "  trust" : "");
    size_t shown = r->n_sources < o->limit ? r->n_sources : o->limit;
    for (size_t i = 0; i < shown; i++) {
        const ag_source_stats_t *s = &r->sources[i];
        char share[16] = "-", trust[16] = "";
        if (s->shared)
            snprintf(share, sizeof share, "%.0f%%", 100.0 * s->agreed / s->shared);
        if (r->trust_computed)
            snprintf(trust, sizeof trust, isnan(s->trust) ? "  -" : "  %.3f", s->trust);
        fprintf(o->f, "   %-*s  %7u  %6u  %6u  %9u  %9s%s\n", (int)id_width, kg_entity_id(g, s->source), s->reports,
                s->shared, s->agreed, s->conflicts, share, trust);
    }
    if (shown < r->n_sources)
        fprintf(o->f, "   ... and %zu more sources (-p agreement.limit=0 lists all)\n", r->n_sources - shown);
}

static int cmp_pair_shared(const void *x, const void *y)
{
    const ag_pair_t *a = x, *b = y;
    if (a->shared != b->shared)
        return a->shared > b->shared ? -1 : 1;
    if (a->a != b->a)
        return a->a < b->a ? -1 : 1;
    return a->b < b->b ? -1 : a->b > b->b;
}

/* Source pairs: a matrix while it fits on a screen, else the pairs that share most. */
static void pairs_section(const out_t *o)
{
    const ag_result_t *r = o->r;
    const kg_graph_t *g = o->g;
    if (!r->n_pairs)
        return;
    fprintf(o->f, "\nPAIRS OF SOURCES: facts agreed / facts shared\n");
    if (r->n_sources <= 12) {
        /* columns are numbered; each row ends with its source's id */
        fprintf(o->f, "   %4s", "");
        for (size_t j = 0; j < r->n_sources; j++) {
            char head[16];
            snprintf(head, sizeof head, "[%zu]", j + 1);
            fprintf(o->f, " %7s", head);
        }
        fputc('\n', o->f);
        for (size_t i = 0; i < r->n_sources; i++) {
            fprintf(o->f, "   [%2zu]", i + 1);
            for (size_t j = 0; j < r->n_sources; j++) {
                char cell[32] = "";
                if (i == j) {
                    snprintf(cell, sizeof cell, "-");
                } else {
                    size_t a = i < j ? i : j, b = i < j ? j : i;
                    for (size_t k = 0; k < r->n_pairs; k++)
                        if (r->pairs[k].a == a && r->pairs[k].b == b) {
                            snprintf(cell, sizeof cell, "%u/%u", r->pairs[k].agreed, r->pairs[k].shared);
                            break;
                        }
                    if (!cell[0])
                        snprintf(cell, sizeof cell, ".");
                }
                fprintf(o->f, " %7s", cell);
            }
            fprintf(o->f, "  %s\n", kg_entity_id(g, r->sources[i].source));
        }
        return;
    }
    /* the pairs sharing most, then in id order */
    ag_pair_t *sorted = malloc(r->n_pairs * sizeof *sorted);
    if (!sorted)
        return;
    memcpy(sorted, r->pairs, r->n_pairs * sizeof *sorted);
    qsort(sorted, r->n_pairs, sizeof *sorted, cmp_pair_shared);
    size_t shown = r->n_pairs < o->limit ? r->n_pairs : o->limit;
    for (size_t k = 0; k < shown; k++)
        fprintf(o->f, "   %u/%u  %s and %s\n", sorted[k].agreed, sorted[k].shared,
                kg_entity_id(g, r->sources[sorted[k].a].source), kg_entity_id(g, r->sources[sorted[k].b].source));
    free(sorted);
    if (shown < r->n_pairs)
        fprintf(o->f, "   ... and %zu more pairs (-p agreement.limit=0 lists all)\n", r->n_pairs - shown);
}

int ag_report_text(const kg_graph_t *g, const ag_result_t *r, long limit, FILE *f, kg_error_t *err)
{
    out_t o = {g, r, f, limit > 0 ? (size_t)limit : SIZE_MAX};
    fprintf(f, "Source agreement: %zu slot%s from %zu report%s of %zu statement%s by %zu source%s\n", r->n_slots,
            r->n_slots == 1 ? "" : "s", r->n_reports, r->n_reports == 1 ? "" : "s", r->n_statements,
            r->n_statements == 1 ? "" : "s", r->n_sources, r->n_sources == 1 ? "" : "s");
    fprintf(f, "  %zu contradicted · %zu the dates cannot settle · %zu changed over time · %zu corroborated · %zu "
               "single origin\n",
            r->by_status[AG_CONFLICT], r->by_status[AG_UNDETERMINED], r->by_status[AG_CHANGED],
            r->by_status[AG_AGREED], r->by_status[AG_SINGLE]);
    /* the same in a sentence */
    size_t nc = r->by_status[AG_CONFLICT], nu = r->by_status[AG_UNDETERMINED], nch = r->by_status[AG_CHANGED];
    if (!nc && !nu && r->n_slots)
        fprintf(f, "  No source contradicts another%s.\n",
                nch ? ": where they differ, their dates show a change over time" : "");
    if (nc)
        fprintf(f, "  %zu fact%s contradicted: the sources give values that cannot all be true at the time they "
                   "are dated.\n", nc, nc == 1 ? " is" : "s are");
    if (nu)
        fprintf(f, "  %zu fact%s values that differ where the dates cannot tell a change from a contradiction: "
                   "a date would settle %s.\n", nu, nu == 1 ? " has" : "s have", nu == 1 ? "it" : "them");
    if (r->dated_by_source)
        fprintf(f, "  Claims without a date of their own are dated by their source's publication (\"source date\").\n");
    if (r->unsourced_claims || r->unsourced_relations)
        fprintf(f, "  Left out, citing no source: %zu claim%s, %zu relation%s.\n", r->unsourced_claims,
                r->unsourced_claims == 1 ? "" : "s", r->unsourced_relations, r->unsourced_relations == 1 ? "" : "s");
    if (r->trust_computed)
        fprintf(f, "  Trust learned as the resolve analysis does, in %d round%s (docs/resolve.md).\n",
                r->trust_iterations, r->trust_iterations == 1 ? "" : "s");
    if (!r->n_slots) {
        fprintf(f, "  Nothing to weigh: no statement in the graph cites a source.\n");
        return ferror(f) ? kg_error_say(err, KG_EIO, "agreement: cannot write the report: %s",
                                        strerror(errno))
                         : KG_OK;
    }
    section(&o, AG_CONFLICT, "CONTRADICTIONS", "values that cannot all be true, placed at the same time", 1);
    section(&o, AG_UNDETERMINED, "CANNOT TELL",
            "values that differ where the dates cannot tell a change over time from a contradiction", 1);
    section(&o, AG_CHANGED, "CHANGES OVER TIME", "values that differ only between dates, in date order", 1);
    section(&o, AG_AGREED, "CORROBORATED", "compatible values from two or more independent origins", 0);
    single_section(&o);
    sources_section(&o);
    pairs_section(&o);
    if (ferror(f))
        return kg_error_say(err, KG_EIO, "agreement: cannot write the report: %s", strerror(errno));
    return KG_OK;
}
