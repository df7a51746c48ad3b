/* door.c - what the graph takes at its door: an importer's input read whole, strict UTF-8 in every string an
 * importer hands it, attributes no deeper than every writer can carry, and messages made safe to print (input
 * quoted in an error can hold escape sequences or broken bytes). */
#include "alloc.h"
#include "graph_internal.h"
#include "kgkit/buf.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int kg_read_all(FILE *in, const char *path, char **out, size_t *len, kg_error_t *err)
{
    kg_buf_t b = KG_BUF_INIT;
    size_t got;
    *out = NULL;
    *len = 0;
    do { /* the buffer doubles when it is full, as the old reader's did: at most twice the input */
        if ((!b.cap || b.cap - b.len - 1 == 0) && kg_buf_reserve(&b, b.cap > (1 << 16) ? b.cap : (1 << 16))) {
            kg_buf_free(&b);
            return kg_error_set(err, KG_ENOMEM, path, 0, 0, "out of memory");
        }
        got = fread(b.data + b.len, 1, b.cap - b.len - 1, in);
        b.len += got;
        b.data[b.len] = '\0';
    } while (got > 0);
    if (ferror(in)) { /* a short read that was an error, not the end */
        kg_buf_free(&b);
        return kg_error_set(err, KG_EIO, path, 0, 0, "cannot read: %s", strerror(errno));
    }
    *len = b.len;
    *out = kg_buf_detach(&b);
    return KG_OK;
}

size_t kg_utf8_bom(const char *s, size_t len)
{
    return len >= 3 && !memcmp(s, "\xef\xbb\xbf", 3) ? 3 : 0;
}

/* The length of the valid UTF-8 sequence at s (at most n bytes), or 0 when it is not one: no overlong forms,
 * no surrogates, nothing above U+10FFFF (RFC 3629). */
static size_t seq_len(const unsigned char *s, size_t n)
{
    unsigned char c = s[0];
    if (c < 0x80)
        return 1;
    size_t len = c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3 : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
    if (!len || len > n)
        return 0;
    for (size_t i = 1; i < len; i++)
        if ((s[i] & 0xC0) != 0x80)
            return 0;
    if ((c == 0xE0 && s[1] < 0xA0) || (c == 0xED && s[1] > 0x9F) || (c == 0xF0 && s[1] < 0x90) ||
        (c == 0xF4 && s[1] > 0x8F))
        return 0;
    return len;
}

int kg_utf8_valid(const char *s, size_t len, size_t *bad)
{
    const unsigned char *p = (const unsigned char *)s;
    for (size_t i = 0; i < len;) {
        size_t n = p[i] ? seq_len(p + i, len - i) : 0; /* a NUL cannot be held in kgkit's strings */
        if (!n) {
            if (bad)
                *bad = i;
            return 0;
        }
        i += n;
    }
    return 1;
}

void kg_text_where(const char *s, size_t offset, int *line, int *column)
{
    int l = 1, c = 1;
    for (size_t i = 0; i < offset; i++) {
        if (s[i] == '\n')
            l++, c = 1;
        else if (((unsigned char)s[i] & 0xC0) != 0x80) /* characters, not bytes */
            c++;
    }
    *line = l;
    *column = c;
}

int kg_i_check_text(const char *s, const char *what, const char *origin, int line, kg_error_t *err)
{
    if (!s)
        return KG_OK;
    const char *a = s;
    while (*a && !((unsigned char)*a & 0x80)) /* ASCII, the common case: one pass to the end */
        a++;
    size_t bad;
    if (!*a || kg_utf8_valid(a, strlen(a), &bad))
        return KG_OK;
    bad += (size_t)(a - s);
    /* the message quotes the text up to the bad byte; kg_error_set shows that byte as \xHH */
    return kg_error_set(err, KG_EINPUT, origin, line, 0, "%s is not UTF-8 text: byte %zu (0x%02x) of \"%.*s\"",
                        what, bad + 1, (unsigned char)s[bad], (int)(bad + 1 < 60 ? bad + 1 : 60),
                        bad + 1 < 60 ? s : s + bad + 1 - 60);
}

/* Whether the n bytes at s are a lead byte and continuation bytes only (a sequence cut short). */
static int tail_of_lead(const unsigned char *s, size_t n)
{
    for (size_t i = 1; i < n; i++)
        if ((s[i] & 0xC0) != 0x80)
            return 0;
    return 1;
}

void kg_i_printable(char *text, size_t size)
{
    char out[KG_ERROR_TEXT_LENGTH + 8];
    size_t o = 0, n = strlen(text);
    const unsigned char *p = (const unsigned char *)text;
    for (size_t i = 0; i < n && o + 5 < sizeof out && o + 5 < size;) {
        size_t len = seq_len(p + i, n - i);
        if (len == 1 && p[i] >= 0x20 && p[i] != 0x7F) {
            out[o++] = (char)p[i++];
        } else if (len > 1) {
            memcpy(out + o, p + i, len);
            o += len;
            i += len;
        } else if (!len && n + 1 >= size && n - i < 4 && p[i] >= 0xC2 && p[i] <= 0xF4 && tail_of_lead(p + i, n - i)) {
            break; /* a character cut where the message was truncated: drop it */
        } else {
            o += (size_t)snprintf(out + o, sizeof out - o, p[i] == '\n' ? "\\n" : p[i] == '\t' ? "\\t" : "\\x%02x",
                                  p[i]);
            i++;
        }
    }
    out[o] = '\0';
    snprintf(text, size, "%s", out);
}

/* The nesting depth of a JSON value: 0 for a scalar, 1 for a flat object or array. Bounded by jansson's own
 * limit on what it parsed (2,048); a value built in code could be deeper, so the walk stops past max. */
static size_t json_depth(const json_t *v, size_t max)
{
    if (max == 0 || !(json_is_object(v) || json_is_array(v)))
        return 0;
    size_t deepest = 0, i;
    const char *key;
    json_t *x;
    if (json_is_object(v)) {
        json_object_foreach((json_t *)v, key, x) {
            size_t d = json_depth(x, max - 1);
            deepest = d > deepest ? d : deepest;
        }
    } else {
        json_array_foreach(v, i, x) {
            size_t d = json_depth(x, max - 1);
            deepest = d > deepest ? d : deepest;
        }
    }
    return deepest + 1;
}

int kg_i_check_attrs(const json_t *attrs, const char *what, const char *origin, int line, kg_error_t *err)
{
    if (!attrs)
        return KG_OK;
    if (!json_is_object(attrs))
        return kg_error_set(err, KG_EINPUT, origin, line, 0, "%s: \"attrs\" must be an object", what);
    if (json_depth(attrs, KG_MAX_ATTR_DEPTH + 1) > KG_MAX_ATTR_DEPTH)
        return kg_error_set(err, KG_EINPUT, origin, line, 0,
                            "%s: attributes nested deeper than %d levels (the most kgkit keeps, so that every file "
                            "it writes reads back)",
                            what, KG_MAX_ATTR_DEPTH);
    return KG_OK;
}
