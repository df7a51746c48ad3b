/* explain.c - the agreement analysis in words: values, dates, and why two reports clash. */
#include "agreement.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

void ag_report_value(const kg_graph_t *g, const ag_report_t *rep, char *buf, size_t size)
{
    kg_entity_t o = kg_stmt_object(g, rep->stmt);
    if (o != KG_NONE) {
        snprintf(buf, size, "%s", kg_entity_name(g, o));
        return;
    }
    kg_value_t v;
    kg_stmt_value(g, rep->stmt, &v);
    if (v.type == KG_VALUE_TEXT)
        snprintf(buf, size, "\"%s\"", v.text ? v.text : "");
    else
        kg_value_format(&v, buf, size);
}

void ag_report_date(const ag_report_t *rep, char *buf, size_t size)
{
    switch (rep->time.by) {
    case AG_DATED_STATEMENT:
        snprintf(buf, size, "%s", rep->time.text);
        break;
    case AG_DATED_SOURCE:
        snprintf(buf, size, "%s (source date)", rep->time.text);
        break;
    default:
        snprintf(buf, size, "no date");
        break;
    }
}

/* The span an "about" number covers: " [1,187.5 to 1,312.5]"; empty for
 * other values, whose words say their span already. */
static void span_note(const kg_graph_t *g, const ag_result_t *r, const ag_report_t *rep, char *buf, size_t size)
{
    kg_value_t v;
    buf[0] = '\0';
    kg_stmt_value(g, rep->stmt, &v);
    if (v.type != KG_VALUE_NUMBER || v.qualifier != KG_Q_ABOUT || !isnan(v.lower) || !isnan(v.upper))
        return;
    const ag_pred_info_t *p = &r->preds[r->slots[rep->slot].pred];
    ag_interval_t x;
    ag_number_interval(&v, p->tolerance, &x);
    kg_value_t end;
    kg_value_init(&end);
    end.type = KG_VALUE_NUMBER;
    char a[64], b[64];
    end.amount = round(x.lo * 1000) / 1000; /* the ends to a meaningful precision */
    kg_value_format(&end, a, sizeof a);
    end.amount = round(x.hi * 1000) / 1000;
    kg_value_format(&end, b, sizeof b);
    snprintf(buf, size, " [%s to %s]", a, b);
}

/* "about 1,250 people [1,187.5 to 1,312.5] (src:001, dated 2024-12 by the source)" */
static void who_what_when(const kg_graph_t *g, const ag_result_t *r, const ag_report_t *rep, char *buf,
                          size_t size)
{
    char value[256], span[96], date[96];
    ag_report_value(g, rep, value, sizeof value);
    span_note(g, r, rep, span, sizeof span);
    if (rep->time.by == AG_DATED_STATEMENT)
        snprintf(date, sizeof date, "as of %s", rep->time.text);
    else if (rep->time.by == AG_DATED_SOURCE)
        snprintf(date, sizeof date, "dated %s by the source", rep->time.text);
    else
        snprintf(date, sizeof date, "undated");
    snprintf(buf, size, "%s%s (%s, %s)", value, span, kg_entity_id(g, rep->source), date);
}

static void overlap_words(const kg_graph_t *g, const ag_report_t *a, const ag_report_t *b, char *buf, size_t size)
{
    const ag_time_t *x = &a->time, *y = &b->time;
    if (a->source == b->source && x->by == AG_DATED_SOURCE && y->by == AG_DATED_SOURCE)
        snprintf(buf, size, "both are in %s, as of its publication (%s)", kg_entity_id(g, a->source), x->text);
    else if (x->first == y->first && x->last == y->last && !ag_time_same(x, y))
        snprintf(buf, size, "both are dated %s by their sources, which may be months apart", x->text);
    else if (x->first == y->first && x->last == y->last)
        snprintf(buf, size, "both are dated %s", x->text);
    else if (x->first <= y->first && y->last <= x->last)
        snprintf(buf, size, "%s falls within %s", y->text, x->text);
    else if (y->first <= x->first && x->last <= y->last)
        snprintf(buf, size, "%s falls within %s", x->text, y->text);
    else
        snprintf(buf, size, "%s and %s overlap", x->text, y->text);
}

void ag_clash_explain(const kg_graph_t *g, const ag_result_t *r, const ag_clash_t *c, char *buf, size_t size)
{
    const ag_report_t *a = &r->reports[c->a], *b = &r->reports[c->b];
    char wa[512], wb[512], why[256];
    who_what_when(g, r, a, wa, sizeof wa);
    who_what_when(g, r, b, wb, sizeof wb);
    const char *pred = r->preds[r->slots[a->slot].pred].name;
    switch (c->why) {
    case AG_WHY_SAME_TIME:
        overlap_words(g, a, b, why, sizeof why);
        snprintf(buf, size, "%s and %s cannot both be true, and their dates place them at the same time: %s", wa, wb, why);
        break;
    case AG_WHY_OVERLAP:
        overlap_words(g, a, b, why, sizeof why);
        snprintf(buf, size, "%s and %s differ, and their dates cannot tell a change from a contradiction: %s", wa, wb,
                 why);
        break;
    case AG_WHY_UNDATED:
        snprintf(buf, size, "%s and %s differ, and with %s undated they cannot be put in order: a change or a "
                 "contradiction, the dates cannot tell", wa, wb,
                 a->time.by == AG_DATED_NONE && b->time.by == AG_DATED_NONE ? "both" : "one");
        break;
    case AG_WHY_DECREASE: {
        const ag_report_t *early = a, *late = b;
        if (ag_time_order(&a->time, &b->time) > 0) {
            early = b;
            late = a;
        }
        who_what_when(g, r, early, wa, sizeof wa);
        who_what_when(g, r, late, wb, sizeof wb);
        snprintf(buf, size, "%s is a running total, yet it falls from %s to the later %s", pred, wa, wb);
        break;
    }
    case AG_WHY_UNITS:
        snprintf(buf, size, "%s and %s are not in the same unit (or not the same kind of value): a person must "
                 "compare them", wa, wb);
        break;
    default:
        snprintf(buf, size, "changed from %s to %s", wa, wb);
        break;
    }
}
