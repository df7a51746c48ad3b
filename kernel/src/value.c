/* value.c - claim values: qualifiers, value types and ISO 8601 (partial) dates. */
#include "kgkit/graph.h"

#include <ctype.h>
#include <math.h>
#include <string.h>

static const char *const qualifier_names[] = {"exact", "about", "at_least", "more_than", "at_most", "fewer_than"};

void kg_value_init(kg_value_t *v)
{
    memset(v, 0, sizeof *v);
    v->type = KG_VALUE_NONE;
    v->qualifier = KG_Q_EXACT;
    v->amount = NAN;
    v->lower = NAN;
    v->upper = NAN;
}

const char *kg_qualifier_name(kg_qualifier_t q)
{
    return (unsigned)q <= KG_Q_FEWER_THAN ? qualifier_names[q] : "?";
}

int kg_qualifier_parse(const char *name, kg_qualifier_t *out)
{
    for (int i = 0; i <= KG_Q_FEWER_THAN; i++) {
        if (name && strcmp(name, qualifier_names[i]) == 0) {
            *out = (kg_qualifier_t)i;
            return KG_OK;
        }
    }
    return KG_ENOTFOUND;
}

const char *kg_value_type_name(kg_value_type_t t)
{
    switch (t) {
    case KG_VALUE_NUMBER: return "number";
    case KG_VALUE_TEXT: return "text";
    case KG_VALUE_DATE: return "date";
    default: return "entity";
    }
}

static int is_leap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int days_in_month(int y, int m)
{
    static const int d[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && is_leap(y) ? 29 : d[m - 1];
}

static int digits(const char *s, int n, int *out)
{
    int v = 0;
    for (int i = 0; i < n; i++) {
        if (!isdigit((unsigned char)s[i]))
            return -1;
        v = v * 10 + (s[i] - '0');
    }
    *out = v;
    return 0;
}

int kg_date_parse(const char *s, kg_date_t *out)
{
    kg_date_t d = {0, 0, 0};
    if (!s)
        return KG_EINPUT;
    size_t len = strlen(s);
    if (len != 4 && len != 7 && len != 10)
        return KG_EINPUT;
    if (digits(s, 4, &d.year))
        return KG_EINPUT;
    if (len >= 7) {
        if (s[4] != '-' || digits(s + 5, 2, &d.month) || d.month < 1 || d.month > 12)
            return KG_EINPUT;
    }
    if (len == 10) {
        if (s[7] != '-' || digits(s + 8, 2, &d.day) || d.day < 1 || d.day > days_in_month(d.year, d.month))
            return KG_EINPUT;
    }
    *out = d;
    return KG_OK;
}

/* Days since 1970-01-01 of a proleptic Gregorian date (era arithmetic:
 * 400-year eras of 146097 days, years counted from March). */
static int64_t day_number(int y, int m, int d)
{
    y -= m <= 2;
    int64_t era = (y >= 0 ? y : y - 399) / 400;
    int64_t yoe = y - era * 400;
    int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

void kg_date_span(const kg_date_t *d, int64_t *first, int64_t *last)
{
    int m0 = d->month ? d->month : 1, m1 = d->month ? d->month : 12;
    int d0 = d->day ? d->day : 1, d1 = d->day ? d->day : days_in_month(d->year, m1);
    *first = day_number(d->year, m0, d0);
    *last = day_number(d->year, m1, d1);
}
