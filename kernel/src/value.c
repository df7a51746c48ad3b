/* value.c - claim values: qualifiers, value types and ISO 8601 (partial) dates. */
#include "kgkit/graph.h"
#include "alloc.h"
#include "graph_internal.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <math.h>
#include <string.h>

static const char *const qualifier_names[] = {"exact",  "about",   "at_least",          "more_than",
                                              "at_most", "fewer_than", "a_handful",      "dozens",
                                              "hundreds", "thousands", "tens_of_thousands", "hundreds_of_thousands",
                                              "millions"};
static const double vague_low[] = {2, 12, 100, 1e3, 1e4, 1e5, 1e6};

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
    return (unsigned)q <= KG_Q_LAST ? qualifier_names[q] : "?";
}

const char *kg_qualifier_names(void)
{
    return "exact, about, at_least, more_than, at_most, fewer_than, or a vague quantity: a_handful, dozens, "
           "hundreds, thousands, tens_of_thousands, hundreds_of_thousands, millions";
}

size_t kg_qualifier_expected(const char *name, char *buf, size_t size)
{
    const char *close = name ? kg_closest_name(name, qualifier_names, KG_Q_LAST + 1) : NULL;
    int n = close ? snprintf(buf, size, "did you mean \"%s\"? The qualifiers are %s", close, kg_qualifier_names())
                  : snprintf(buf, size, "the qualifiers are %s", kg_qualifier_names());
    return n < 0 ? 0 : (size_t)n;
}

int kg_qualifier_is_vague(kg_qualifier_t q)
{
    return q >= KG_Q_A_HANDFUL && q <= KG_Q_LAST;
}

int kg_qualifier_vague_range(kg_qualifier_t q, double *lo, double *hi)
{
    if (!kg_qualifier_is_vague(q))
        return -1;
    *lo = vague_low[q - KG_Q_A_HANDFUL];
    *hi = q == KG_Q_A_HANDFUL ? 10 : INFINITY;
    return 0;
}

int kg_qualifier_parse(const char *name, kg_qualifier_t *out)
{
    for (int i = 0; i <= KG_Q_LAST; i++) {
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

/* The day span of a partial date of len bytes at s (copied out: it is not NUL-terminated). */
static int date_span_n(const char *s, size_t len, int64_t *first, int64_t *last)
{
    char buf[16];
    kg_date_t d;
    if (len >= sizeof buf)
        return -1;
    memcpy(buf, s, len);
    buf[len] = 0;
    if (kg_date_parse(buf, &d) != KG_OK)
        return -1;
    kg_date_span(&d, first, last);
    return 0;
}

int kg_when_is_interval(const char *text)
{
    return text && strchr(text, '/') != NULL;
}

int kg_when_parse(const char *s, kg_when_t *out, const char **why)
{
    static const char *const not_a_time = "is not " KG_WHEN_EXPECTED;
    int64_t a0 = 0, a1 = 0, b0 = 0, b1 = 0; /* set by date_span_n where an end is given */
    const char *slash = s ? strchr(s, '/') : NULL;
    if (why)
        *why = not_a_time;
    if (!s)
        return KG_EINPUT;
    if (!slash) {
        if (date_span_n(s, strlen(s), &a0, &a1))
            return KG_EINPUT;
        out->first = a0;
        out->last = a1;
        return KG_OK;
    }
    const char *end = slash + 1;
    size_t n_start = (size_t)(slash - s), n_end = strlen(end);
    int open_start = n_start == 2 && s[0] == '.' && s[1] == '.', open_end = strcmp(end, "..") == 0;
    if (strchr(end, '/'))
        return KG_EINPUT;
    if (open_start && open_end) {
        if (why)
            *why = "is open at both ends (\"../..\"), which says nothing about when: give at least one end";
        return KG_EINPUT;
    }
    if (!open_start && date_span_n(s, n_start, &a0, &a1))
        return KG_EINPUT;
    if (!open_end && date_span_n(end, n_end, &b0, &b1))
        return KG_EINPUT;
    if (!open_start && !open_end && b1 < a0) {
        if (why)
            *why = "ends before it starts: an interval is start/end, the earlier date first";
        return KG_EINPUT;
    }
    out->first = open_start ? KG_DAY_OPEN_START : a0;
    out->last = open_end ? KG_DAY_OPEN_END : b1;
    return KG_OK;
}

void kg_day_format(int64_t z, char *buf, size_t size)
{
    /* the inverse of day_number (civil from days) */
    z += 719468;
    int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    int64_t doe = z - era * 146097;
    int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int64_t y = yoe + era * 400, doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int64_t mp = (5 * doy + 2) / 153, d = doy - (153 * mp + 2) / 5 + 1, m = mp < 10 ? mp + 3 : mp - 9;
    snprintf(buf, size, "%04lld-%02lld-%02lld", (long long)(y + (m <= 2)), (long long)m, (long long)d);
}

/* ------------------------------------------------------------ formatting */

/* x with thousands separators in its integer part ("1,174", "19.5",
 * "-65,000", "1.5e+20" left as %g writes it). */
static void format_number(double x, char *out, size_t size)
{
    char raw[48];
    if (isnan(x) || isinf(x)) {
        kg_strjoin(out, size, isnan(x) ? "nan" : x > 0 ? "infinity" : "-infinity", NULL);
        return;
    }
    kg_number_text(x, raw, sizeof raw);
    if (strchr(raw, 'e')) {
        kg_strjoin(out, size, raw, NULL);
        return;
    }
    const char *p = raw;
    char grouped[64];
    size_t n = 0;
    if (*p == '-')
        grouped[n++] = *p++;
    size_t int_len = strcspn(p, ".");
    for (size_t i = 0; i < int_len; i++) {
        if (i && (int_len - i) % 3 == 0)
            grouped[n++] = ',';
        grouped[n++] = p[i];
    }
    grouped[n] = '\0';
    kg_strjoin(out, size, grouped, p + int_len, NULL);
}

size_t kg_value_format(const kg_value_t *v, char *buf, size_t size)
{
    static const char *const words[] = {"", "about ", "at least ", "more than ", "at most ", "fewer than "};
    char amount[64], lo[64], hi[64], bounds[160] = "";
    size_t n = 0;
    if (!buf)
        size = 0;
    switch (v->type) {
    case KG_VALUE_NUMBER:
        format_number(v->amount, amount, sizeof amount);
        if (!isnan(v->lower) || !isnan(v->upper)) {
            format_number(v->lower, lo, sizeof lo);
            format_number(v->upper, hi, sizeof hi);
            if (isnan(v->upper))
                kg_strjoin(bounds, sizeof bounds, " (", lo, " or more)", NULL);
            else if (isnan(v->lower))
                kg_strjoin(bounds, sizeof bounds, " (", hi, " or fewer)", NULL);
            else
                kg_strjoin(bounds, sizeof bounds, " (", lo, " to ", hi, ")", NULL);
        }
        if (kg_qualifier_is_vague(v->qualifier)) { /* "thousands of people" */
            static const char *const vague[] = {"a handful", "dozens", "hundreds", "thousands", "tens of thousands",
                                                "hundreds of thousands", "millions"};
            n = kg_strjoin(buf, size, vague[v->qualifier - KG_Q_A_HANDFUL], v->unit ? " of " : "",
                           v->unit ? v->unit : "", NULL);
            break;
        }
        n = kg_strjoin(buf, size, words[(unsigned)v->qualifier <= KG_Q_FEWER_THAN ? v->qualifier : 0], amount,
                       v->unit ? " " : "", v->unit ? v->unit : "", bounds, NULL);
        break;
    case KG_VALUE_TEXT:
    case KG_VALUE_DATE:
        n = kg_strjoin(buf, size, v->text ? v->text : "", NULL);
        break;
    default:
        n = kg_strjoin(buf, size, "", NULL);
        break;
    }
    return n;
}

static json_t *json_num(double x)
{
    if (kg_i_is_json_integer(x))
        return json_integer((json_int_t)x);
    return json_real(x);
}

json_t *kg_value_to_json(const kg_value_t *v)
{
    json_t *o;
    switch (v->type) {
    case KG_VALUE_NUMBER:
        if (v->qualifier == KG_Q_EXACT && !v->unit && isnan(v->lower) && isnan(v->upper))
            return json_num(v->amount);
        if (!(o = json_object()))
            return NULL;
        if (!kg_qualifier_is_vague(v->qualifier)) /* a vague quantity's amount is its word's, not written */
            json_object_set_new(o, "amount", json_num(v->amount));
        json_object_set_new(o, "qualifier", json_string(kg_qualifier_name(v->qualifier)));
        if (v->unit)
            json_object_set_new(o, "unit", json_string(v->unit));
        if (!isnan(v->lower))
            json_object_set_new(o, "lower", json_num(v->lower));
        if (!isnan(v->upper))
            json_object_set_new(o, "upper", json_num(v->upper));
        return o;
    case KG_VALUE_TEXT:
        return json_string(v->text ? v->text : "");
    case KG_VALUE_DATE:
        return json_pack("{s:s}", "date", v->text ? v->text : "");
    default:
        return json_null();
    }
}

/* ------------------------------------------------------------ numbers in text */

#define KG_NUMBER_MAX 60

size_t kg_number_scan(const char *s, double *out)
{
    char buf[KG_NUMBER_MAX + 2];
    size_t n = 0;
    const char *p = s;
    if (*p == '-' || *p == '+')
        buf[n++] = *p++;
    int digits = 0, group = -1;
    for (; *p; p++) {
        if (n >= KG_NUMBER_MAX)
            return 0;
        if (isdigit((unsigned char)*p)) {
            buf[n++] = *p;
            digits++;
            if (group >= 0)
                group++;
        } else if (*p == ',' && digits && (group < 0 || group == 3) && isdigit((unsigned char)p[1])) {
            group = 0; /* a thousands separator: three digits after each */
        } else {
            break;
        }
    }
    if (!digits || (group >= 0 && group != 3))
        return 0;
    if (*p == '.' && isdigit((unsigned char)p[1])) {
        buf[n++] = *p++;
        while (isdigit((unsigned char)*p) && n < KG_NUMBER_MAX)
            buf[n++] = *p++;
    }
    if ((*p == 'e' || *p == 'E') && (isdigit((unsigned char)p[1]) ||
                                     ((p[1] == '-' || p[1] == '+') && isdigit((unsigned char)p[2])))) {
        buf[n++] = *p++;
        if (*p == '-' || *p == '+')
            buf[n++] = *p++;
        while (isdigit((unsigned char)*p) && n < KG_NUMBER_MAX)
            buf[n++] = *p++;
    }
    if (n >= KG_NUMBER_MAX)
        return 0;
    buf[n] = '\0';
    *out = strtod(buf, NULL);
    return (size_t)(p - s);
}

int kg_number_parse(const char *s, double *out)
{
    double v;
    size_t n = s ? kg_number_scan(s, &v) : 0;
    if (!n || s[n] || !isfinite(v))
        return KG_EINPUT;
    *out = v;
    return KG_OK;
}

const char *kg_int_text(long long x, char *buf, size_t size)
{
    char digits[24], *p = digits + sizeof digits;
    unsigned long long u = x < 0 ? 0ULL - (unsigned long long)x : (unsigned long long)x;
    *--p = '\0';
    do
        *--p = (char)('0' + u % 10);
    while (u /= 10);
    if (x < 0)
        *--p = '-';
    size_t n = (size_t)(digits + sizeof digits - p);
    if (n > size)
        return "";
    memcpy(buf, p, n);
    return buf;
}

const char *kg_number_text(double x, char *buf, size_t size)
{
    if (isfinite(x) && x == floor(x) && fabs(x) < 1e15)
        kg_int_text((long long)x, buf, size);
    else
        snprintf(buf, size, "%.*g", isfinite(x) ? kg_i_shortest_digits(x) : 1, x);
    return buf;
}

void kg_csv_write_field(FILE *out, const char *s)
{
    if (!s)
        return;
    size_t len = strlen(s);
    if (!strpbrk(s, ",\"\r\n") && !(len && (s[0] == ' ' || s[len - 1] == ' '))) {
        fputs(s, out);
        return;
    }
    fputc('"', out);
    for (; *s; s++) {
        if (*s == '"')
            fputc('"', out);
        fputc(*s, out);
    }
    fputc('"', out);
}
