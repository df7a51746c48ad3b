/* explain.c - the agreement analysis in words: values, dates, and why two reports clash. */
#include "agreement.h"

#include <math.h>
#include <string.h>

void ag_report_value(const kg_graph_t *g, const ag_report_t *rep, char *buf, size_t size)
{
    kg_entity_t o = kg_stmt_object(g, rep->stmt);
    if (o != KG_NONE) {
        kg_strjoin(buf, size, kg_entity_name(g, o), NULL);
        return;
    }
    kg_value_t v;
    kg_stmt_value(g, rep->stmt, &v);
    if (v.type == KG_VALUE_TEXT)
        kg_strjoin(buf, size, "\"", v.text ? v.text : "", "\"", NULL);
    else
        kg_value_format(&v, buf, size);
}

void ag_report_date(const ag_report_t *rep, char *buf, size_t size)
{
    switch (rep->time.by) {
    case AG_DATED_STATEMENT:
        kg_strjoin(buf, size, rep->time.text, NULL);
        break;
    case AG_DATED_SOURCE:
        kg_strjoin(buf, size, rep->time.text, " (source date)", NULL);
        break;
    default:
        kg_strjoin(buf, size, "no date", NULL);
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
    kg_strjoin(buf, size, " [", a, " to ", b, "]", NULL);
}

/* "about 1,250 people [1,187.5 to 1,312.5] (src:001, dated 2024-12 by the source)" */
static void who_what_when(const kg_graph_t *g, const ag_result_t *r, const ag_report_t *rep, char *buf,
                          size_t size)
{
    char value[256], span[96], date[96];
    ag_report_value(g, rep, value, sizeof value);
    span_note(g, r, rep, span, sizeof span);
    if (rep->time.by == AG_DATED_STATEMENT)
        kg_strjoin(date, sizeof date, "as of ", rep->time.text, NULL);
    else if (rep->time.by == AG_DATED_SOURCE)
        kg_strjoin(date, sizeof date, "dated ", rep->time.text, " by the source", NULL);
    else
        kg_strjoin(date, sizeof date, "undated", NULL);
    kg_strjoin(buf, size, value, span, " (", kg_entity_id(g, rep->source), ", ", date, ")", NULL);
}

static void overlap_words(const kg_graph_t *g, const ag_report_t *a, const ag_report_t *b, char *buf, size_t size)
{
    const ag_time_t *x = &a->time, *y = &b->time;
    if (a->source == b->source && x->by == AG_DATED_SOURCE && y->by == AG_DATED_SOURCE)
        kg_strjoin(buf, size, "both are in ", kg_entity_id(g, a->source), ", as of its publication (", x->text, ")",
                   NULL);
    else if (x->first == y->first && x->last == y->last && !ag_time_same(x, y))
        kg_strjoin(buf, size, "both are dated ", x->text, " by their sources, which may be months apart", NULL);
    else if (x->first == y->first && x->last == y->last)
        kg_strjoin(buf, size, "both are dated ", x->text, NULL);
    else if (x->first <= y->first && y->last <= x->last)
        kg_strjoin(buf, size, y->text, " falls within ", x->text, NULL);
    else if (y->first <= x->first && x->last <= y->last)
        kg_strjoin(buf, size, x->text, " falls within ", y->text, NULL);
    else
        kg_strjoin(buf, size, x->text, " and ", y->text, " overlap", NULL);
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
        kg_strjoin(buf, size, wa, " and ", wb, " cannot both be true, and their dates place them at the same time: ",
                   why, NULL);
        break;
    case AG_WHY_OVERLAP:
        overlap_words(g, a, b, why, sizeof why);
        kg_strjoin(buf, size, wa, " and ", wb, " differ, and their dates cannot tell a change from a contradiction: ",
                   why, NULL);
        break;
    case AG_WHY_UNDATED:
        kg_strjoin(buf, size, wa, " and ", wb, " differ, and with ",
                   a->time.by == AG_DATED_NONE && b->time.by == AG_DATED_NONE ? "both" : "one",
                   " undated they cannot be put in order: a change or a contradiction, the dates cannot tell", NULL);
        break;
    case AG_WHY_DECREASE: {
        const ag_report_t *early = a, *late = b;
        if (ag_time_order(&a->time, &b->time) > 0) {
            early = b;
            late = a;
        }
        who_what_when(g, r, early, wa, sizeof wa);
        who_what_when(g, r, late, wb, sizeof wb);
        kg_strjoin(buf, size, pred, " is a running total, yet it falls from ", wa, " to the later ", wb, NULL);
        break;
    }
    case AG_WHY_UNITS:
        kg_strjoin(buf, size, wa, " and ", wb,
                   " are not in the same unit (or not the same kind of value): a person must compare them", NULL);
        break;
    default:
        kg_strjoin(buf, size, "changed from ", wa, " to ", wb, NULL);
        break;
    }
}
