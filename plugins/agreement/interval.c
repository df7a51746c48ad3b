/* interval.c - the comparison rules of the agreement analysis: values as intervals, texts normalised, dates as day spans. */
#include "agreement.h"

#include <math.h>
#include <string.h>
#include <strings.h>

/* "about" bounds are widened by this relative amount so that a value exactly
 * on the edge of the tolerance (1,050 against about 1,000 at 5 %) is not lost
 * to rounding in a * (1 + t). */
#define AG_EDGE 1e-12

void ag_number_interval(const kg_value_t *v, double tolerance, ag_interval_t *out)
{
    double a = v->amount, d = fabs(a) * (tolerance > 0 ? tolerance : 0);
    ag_interval_t x = {a, a, 0, 0};
    switch (v->qualifier) {
    case KG_Q_ABOUT:
        d += fabs(a) * AG_EDGE;
        x.lo = a - d;
        x.hi = a + d;
        break;
    case KG_Q_AT_LEAST:
        x.hi = INFINITY;
        x.hi_open = 1;
        break;
    case KG_Q_MORE_THAN:
        x.hi = INFINITY;
        x.lo_open = x.hi_open = 1;
        break;
    case KG_Q_AT_MOST:
        x.lo = -INFINITY;
        x.lo_open = 1;
        break;
    case KG_Q_FEWER_THAN:
        x.lo = -INFINITY;
        x.lo_open = x.hi_open = 1;
        break;
    default:
        if (kg_qualifier_is_vague(v->qualifier)) { /* "thousands": [1,000, inf) */
            kg_qualifier_vague_range(v->qualifier, &x.lo, &x.hi);
            x.hi_open = isinf(x.hi);
        }
        break;
    }
    if (!isnan(v->lower)) {
        x.lo = v->lower;
        x.lo_open = 0;
    }
    if (!isnan(v->upper)) {
        x.hi = v->upper;
        x.hi_open = 0;
    }
    *out = x;
}

int ag_intervals_meet(const ag_interval_t *a, const ag_interval_t *b)
{
    double lo = a->lo > b->lo ? a->lo : b->lo, hi = a->hi < b->hi ? a->hi : b->hi;
    int lo_open = (a->lo == lo && a->lo_open) || (b->lo == lo && b->lo_open);
    int hi_open = (a->hi == hi && a->hi_open) || (b->hi == hi && b->hi_open);
    return lo < hi || (lo == hi && !lo_open && !hi_open && !isinf(lo));
}

/* Skips white space; returns the next character of the normalised text (0 at
 * the end), advancing *p. `pending_space` carries a collapsed run. */
static int next_norm(const char **p, int *pending_space)
{
    const char *s = *p;
    int had_space = 0;
    while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r' || *s == '\f' || *s == '\v') {
        had_space = 1;
        s++;
    }
    /* a final full stop (possibly followed by space) is not part of the text */
    if (*s == '.') {
        const char *t = s + 1;
        while (*t == ' ' || *t == '\t' || *t == '\n' || *t == '\r')
            t++;
        if (!*t)
            s = t;
    }
    if (!*s) {
        *p = s;
        return 0;
    }
    if (had_space && *pending_space) {
        *p = s;
        *pending_space = 0;
        return ' ';
    }
    *pending_space = 1;
    *p = s + 1;
    unsigned char c = (unsigned char)*s;
    return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

int ag_text_compare(const char *a, const char *b)
{
    /* pending_space starts at 0 so that leading space is dropped */
    int sa = 0, sb = 0;
    for (;;) {
        int ca = next_norm(&a, &sa), cb = next_norm(&b, &sb);
        if (ca != cb)
            return ca < cb ? -1 : 1;
        if (!ca)
            return 0;
    }
}

static int date_interval(const char *text, ag_interval_t *x)
{
    kg_date_t d;
    int64_t first, last;
    if (kg_date_parse(text, &d) != KG_OK)
        return -1;
    kg_date_span(&d, &first, &last);
    x->lo = (double)first;
    x->hi = (double)last;
    x->lo_open = x->hi_open = 0;
    return 0;
}

ag_compat_t ag_values_compare(const kg_value_t *a, const kg_value_t *b, const ag_pred_info_t *p)
{
    if (a->type != b->type)
        return AG_INCOMPARABLE;
    switch (a->type) {
    case KG_VALUE_NUMBER: {
        const char *ua = a->unit ? a->unit : p->unit, *ub = b->unit ? b->unit : p->unit;
        if (ua && ub && strcasecmp(ua, ub) != 0)
            return AG_INCOMPARABLE;
        ag_interval_t x, y;
        ag_number_interval(a, p->tolerance, &x);
        ag_number_interval(b, p->tolerance, &y);
        return ag_intervals_meet(&x, &y) ? AG_COMPATIBLE : AG_INCOMPATIBLE;
    }
    case KG_VALUE_TEXT:
        return ag_text_compare(a->text ? a->text : "", b->text ? b->text : "") == 0 ? AG_COMPATIBLE
                                                                                   : AG_INCOMPATIBLE;
    case KG_VALUE_DATE: {
        ag_interval_t x, y;
        if (date_interval(a->text, &x) || date_interval(b->text, &y))
            return strcmp(a->text ? a->text : "", b->text ? b->text : "") == 0 ? AG_COMPATIBLE : AG_INCOMPATIBLE;
        return ag_intervals_meet(&x, &y) ? AG_COMPATIBLE : AG_INCOMPATIBLE;
    }
    default:
        return AG_COMPATIBLE;
    }
}

int ag_time_from(const char *date, ag_dated_by_t by, ag_time_t *t)
{
    kg_when_t w;
    memset(t, 0, sizeof *t);
    if (!date || by == AG_DATED_NONE)
        return 0;
    if (kg_when_parse(date, &w, NULL) != KG_OK)
        return -1;
    t->first = w.first;
    t->last = w.last;
    t->by = by;
    t->text = date;
    return 0;
}

int ag_time_order(const ag_time_t *a, const ag_time_t *b)
{
    if (a->by == AG_DATED_NONE || b->by == AG_DATED_NONE)
        return 0;
    if (a->last < b->first)
        return -1;
    if (b->last < a->first)
        return 1;
    return 0;
}

int ag_time_same_date(const ag_time_t *a, const ag_time_t *b)
{
    if (a->by == AG_DATED_NONE || b->by == AG_DATED_NONE)
        return a->by == b->by;
    return a->first == b->first && a->last == b->last;
}

/* A span of at most a month: a day, a month, or an interval within 31 days (open ends are not). */
#define AG_SAME_TIME_DAYS 30

int ag_time_same(const ag_time_t *a, const ag_time_t *b)
{
    if (a->by == AG_DATED_NONE || b->by == AG_DATED_NONE || !ag_time_same_date(a, b))
        return 0;
    if (a->by == AG_DATED_STATEMENT && b->by == AG_DATED_STATEMENT)
        return 1;
    return a->first != KG_DAY_OPEN_START && a->last != KG_DAY_OPEN_END && a->last - a->first <= AG_SAME_TIME_DAYS;
}

const char *ag_status_name(ag_status_t s)
{
    static const char *const names[] = {"single", "agreed", "changed", "undetermined", "conflict"};
    return (unsigned)s < AG_N_STATUS ? names[s] : "?";
}

const char *ag_why_code(ag_why_t w)
{
    static const char *const codes[] = {"change", "same_time", "undated", "decrease", "units", "overlap"};
    return (unsigned)w <= AG_WHY_OVERLAP ? codes[w] : "?";
}

ag_status_t ag_why_status(ag_why_t w)
{
    switch (w) {
    case AG_WHY_SAME_TIME:
    case AG_WHY_DECREASE:
        return AG_CONFLICT;
    case AG_WHY_CHANGE:
        return AG_CHANGED;
    default:
        return AG_UNDETERMINED;
    }
}

int ag_judge(ag_compat_t compat, const ag_time_t *a, const ag_time_t *b, int cumulative, int value_order)
{
    if (compat == AG_COMPATIBLE)
        return -1;
    if (compat == AG_INCOMPARABLE)
        return AG_WHY_UNITS;
    if (a->by == AG_DATED_NONE || b->by == AG_DATED_NONE)
        return AG_WHY_UNDATED;
    int order = ag_time_order(a, b);
    if (order == 0)
        return ag_time_same(a, b) ? AG_WHY_SAME_TIME : AG_WHY_OVERLAP;
    /* a running total: the later value must not lie below the earlier one */
    if (cumulative && value_order != 0 && order != value_order)
        return AG_WHY_DECREASE;
    return AG_WHY_CHANGE;
}
