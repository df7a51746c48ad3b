/* jsontext.c - JSON text written out: jansson values dumped with every real shortest and exact (kg_json_dumpf),
 * and the writers' fast path, JSON text put straight into a buffer without building the values (kg_json_put_*). */
#include "kgkit/graph.h"
#include "alloc.h"
#include "graph_internal.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int reads_back(double x, int p)
{
    char buf[40];
    snprintf(buf, sizeof buf, "%.*g", p, x);
    return strtod(buf, NULL) == x;
}

/* The fewest significant digits that read back as x. The decimals that read back as x are those nearer to it
 * than half its spacing on either side, and the nearest (p+1)-digit decimal is at least as near as the nearest
 * p-digit one, so if p digits read back, so do p + 1: after the one-digit values that are common (1, 0.5) the
 * answer is searched by halves, five trials at most instead of sixteen. Only at a power of two, whose spacing
 * below is half the spacing above, can p digits read back and p + 1 not (2^740: 15, not 16); the search still
 * lands on the fewest for every one of them (the unit test tries all 2,098 against the digit-by-digit search). */
int kg_i_shortest_digits(double x)
{
    if (reads_back(x, 1))
        return 1;
    int lo = 2, hi = 17;
    while (lo < hi) {
        int mid = (lo + hi) / 2;
        if (reads_back(x, mid))
            hi = mid;
        else
            lo = mid + 1;
    }
    return lo;
}

/* The precision jansson needs to write x shortest and exact, and not as 1e1 for 10.0 (%g turns to an exponent
 * when the integer part has more digits than the precision). */
static int real_precision(double x)
{
    int p = kg_i_shortest_digits(x);
    double a = fabs(x);
    if (a >= 1 && a < 1e17) {
        int whole = (int)floor(log10(a)) + 1;
        if (whole > p)
            p = whole;
    }
    return p > 17 ? 17 : p;
}

int kg_i_is_json_integer(double x)
{
    return x == floor(x) && fabs(x) < 9007199254740992.0;
}

/* The precision that writes every real in v exactly and shortest (0 when v
 * holds no reals). */
static int json_precision(const json_t *v)
{
    int p = 0, q;
    size_t i;
    const char *key;
    json_t *x;
    switch (json_typeof(v)) {
    case JSON_REAL:
        return real_precision(json_real_value(v));
    case JSON_OBJECT:
        json_object_foreach((json_t *)v, key, x) if ((q = json_precision(x)) > p) p = q;
        return p;
    case JSON_ARRAY:
        json_array_foreach(v, i, x) if ((q = json_precision(x)) > p) p = q;
        return p;
    default:
        return 0;
    }
}

static int buf_append(const char *text, size_t size, void *data)
{
    return kg_buf_add(data, text, size) ? -1 : 0;
}

/* jansson writes a value token by token; to a FILE that is one locked
 * fwrite per token. Collecting the text first and writing it once is several
 * times faster on large outputs. */
int kg_json_dumpf(const json_t *v, FILE *out, size_t flags)
{
    kg_buf_t b = KG_BUF_INIT;
    int rc = kg_json_put(&b, v, flags);
    if (rc == KG_OK && b.len && fwrite(b.data, 1, b.len, out) != b.len)
        rc = KG_EIO;
    kg_buf_free(&b);
    return rc == KG_OK ? 0 : -1;
}

/* A real as jansson writes it at precision p: %.*g, a ".0" when that reads as an integer, the exponent
 * without '+' or leading zeros. */
static int put_real_at(kg_buf_t *b, double x, int p)
{
    char text[48];
    if (!isfinite(x))
        return kg_buf_add(b, "null", 4);
    int n = snprintf(text, sizeof text - 2, "%.*g", p, x);
    if (n < 0)
        return KG_ENOMEM;
    if (!strchr(text, '.') && !strchr(text, 'e'))
        memcpy(text + n, ".0", 3);
    char *e = strchr(text, 'e');
    if (e) {
        char *from = e + 1, *to = e + 1;
        if (*from == '+')
            from++;
        else if (*from == '-')
            from++, to++;
        while (*from == '0' && from[1])
            from++;
        memmove(to, from, strlen(from) + 1);
    }
    return kg_buf_puts(b, text);
}

/* jansson's dump of v, its reals at precision p, written here without its callbacks. */
static void put_json(kg_buf_t *b, const json_t *v, int compact, int p)
{
    char num[24];
    size_t i;
    const char *key;
    json_t *x;
    int first = 1;
    switch (json_typeof(v)) {
    case JSON_OBJECT:
        kg_buf_putc(b, '{');
        json_object_foreach((json_t *)v, key, x)
        {
            if (!first)
                kg_buf_puts(b, compact ? "," : ", ");
            first = 0;
            kg_json_put_string(b, key);
            kg_buf_puts(b, compact ? ":" : ": ");
            put_json(b, x, compact, p);
        }
        kg_buf_putc(b, '}');
        break;
    case JSON_ARRAY:
        kg_buf_putc(b, '[');
        json_array_foreach(v, i, x)
        {
            if (i)
                kg_buf_puts(b, compact ? "," : ", ");
            put_json(b, x, compact, p);
        }
        kg_buf_putc(b, ']');
        break;
    case JSON_STRING:
        kg_json_put_string(b, json_string_value(v));
        break;
    case JSON_INTEGER:
        kg_buf_puts(b, kg_int_text((long long)json_integer_value(v), num, sizeof num));
        break;
    case JSON_REAL:
        put_real_at(b, json_real_value(v), p);
        break;
    case JSON_TRUE:
        kg_buf_add(b, "true", 4);
        break;
    case JSON_FALSE:
        kg_buf_add(b, "false", 5);
        break;
    default:
        kg_buf_add(b, "null", 4);
    }
}

int kg_json_put(kg_buf_t *b, const json_t *v, size_t flags)
{
    if (!v || b->failed)
        return KG_ENOMEM;
    if (flags & ~(size_t)(JSON_COMPACT | JSON_ENCODE_ANY | JSON_PRESERVE_ORDER)) { /* indents, sorting: jansson's */
        int p = json_precision(v);
        int rc = json_dump_callback(v, buf_append, b, flags | JSON_ENCODE_ANY | JSON_REAL_PRECISION(p ? p : 17));
        return rc || b->failed ? KG_ENOMEM : KG_OK;
    }
    put_json(b, v, (flags & JSON_COMPACT) != 0, json_precision(v));
    return b->failed ? KG_ENOMEM : KG_OK;
}

/* Whether none of the 8 bytes in v needs escaping (a control character, '"' or '\\'): a byte below 0x20, or
 * one that XORed with '"' or '\\' is zero, sets its top bit in the usual subtract-and-mask test, which never
 * misses one (it may flag a byte next to one, and the word is then copied a byte at a time). */
static int word_plain(uint64_t v)
{
    const uint64_t ones = 0x0101010101010101ull, tops = 0x8080808080808080ull;
    uint64_t q = v ^ (ones * '"'), bs = v ^ (ones * '\\');
    return (((v - ones * 0x20) & ~v) | ((q - ones) & ~q) | ((bs - ones) & ~bs)) & tops ? 0 : 1;
}

int kg_json_put_string(kg_buf_t *b, const char *s)
{
    if (!s)
        return kg_buf_add(b, "null", 4);
    size_t n = strlen(s);
    if (kg_buf_reserve(b, n + 2))
        return KG_ENOMEM;
    /* the common case, nothing to escape, copied straight into the room just made, eight bytes at a time */
    char *d = b->data + b->len;
    const char *p = s, *end = s + n;
    *d++ = '"';
    for (uint64_t v; end - p >= 8 && (memcpy(&v, p, 8), word_plain(v)); p += 8, d += 8)
        memcpy(d, &v, 8);
    while (p < end && (unsigned char)*p >= 0x20 && *p != '"' && *p != '\\')
        *d++ = *p++;
    b->len = (size_t)(d - b->data);
    b->data[b->len] = '\0';
    for (const char *run = p;; p++) { /* from the first byte to escape, if any */
        if (*p && ((unsigned char)*p >= 0x20 && *p != '"' && *p != '\\'))
            continue;
        kg_buf_add(b, run, (size_t)(p - run));
        if (!*p)
            break;
        run = p + 1;
        switch (*p) {
        case '"': kg_buf_add(b, "\\\"", 2); break;
        case '\\': kg_buf_add(b, "\\\\", 2); break;
        case '\b': kg_buf_add(b, "\\b", 2); break;
        case '\f': kg_buf_add(b, "\\f", 2); break;
        case '\n': kg_buf_add(b, "\\n", 2); break;
        case '\r': kg_buf_add(b, "\\r", 2); break;
        case '\t': kg_buf_add(b, "\\t", 2); break;
        default: kg_buf_printf(b, "\\u%04X", (unsigned char)*p);
        }
    }
    return kg_buf_putc(b, '"');
}

int kg_json_put_real(kg_buf_t *b, double x)
{
    return put_real_at(b, x, isfinite(x) ? real_precision(x) : 1);
}

int kg_json_put_number(kg_buf_t *b, double x)
{
    char text[24];
    if (isfinite(x) && kg_i_is_json_integer(x))
        return kg_buf_puts(b, kg_int_text((long long)x, text, sizeof text));
    return kg_json_put_real(b, x);
}

/* "key": with jansson's separators: "," and ":" compact, else ", " and ": " */
static int put_key(kg_buf_t *b, int *first, const char *key, int compact)
{
    kg_buf_puts(b, *first ? "\"" : compact ? ",\"" : ", \"");
    *first = 0;
    kg_buf_puts(b, key);
    return compact ? kg_buf_add(b, "\":", 2) : kg_buf_add(b, "\": ", 3);
}

int kg_json_put_value(kg_buf_t *b, const kg_value_t *v, size_t flags)
{
    int first = 1, compact = (flags & JSON_COMPACT) != 0;
    switch (v->type) {
    case KG_VALUE_NUMBER:
        if (v->qualifier == KG_Q_EXACT && !v->unit && isnan(v->lower) && isnan(v->upper))
            return kg_json_put_number(b, v->amount);
        kg_buf_putc(b, '{');
        if (!kg_qualifier_is_vague(v->qualifier)) /* as kg_value_to_json: a vague quantity has no amount */
            put_key(b, &first, "amount", compact), kg_json_put_number(b, v->amount);
        put_key(b, &first, "qualifier", compact);
        kg_json_put_string(b, kg_qualifier_name(v->qualifier));
        if (v->unit)
            put_key(b, &first, "unit", compact), kg_json_put_string(b, v->unit);
        if (!isnan(v->lower))
            put_key(b, &first, "lower", compact), kg_json_put_number(b, v->lower);
        if (!isnan(v->upper))
            put_key(b, &first, "upper", compact), kg_json_put_number(b, v->upper);
        return kg_buf_putc(b, '}');
    case KG_VALUE_TEXT:
        return kg_json_put_string(b, v->text ? v->text : "");
    case KG_VALUE_DATE:
        kg_buf_puts(b, compact ? "{\"date\":" : "{\"date\": ");
        kg_json_put_string(b, v->text ? v->text : "");
        return kg_buf_putc(b, '}');
    default:
        return kg_buf_add(b, "null", 4);
    }
}
