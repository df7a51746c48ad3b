/* literal.c - how kgkit's DOT carries data strings (ids, kinds, predicates, source lists) so that they read back
 * exactly, and cannot break out of their quotes.
 *
 * cgraph's writer escapes a quote as \" but leaves a backslash before it alone, and Graphviz's reader keeps
 * "\\" as two characters: written as they are, the id  x\" [URL=...]  ends its string early and the rest is
 * read as DOT. So kgkit writes every backslash of a data string doubled, a line feed as \n, a carriage
 * return as \r and any other control character as \xHH; in a list, a comma as \, (items are joined by ", ").
 * A leading % is written \x25: cgraph takes a name that starts with % for an anonymous object's. U+FEFF (a
 * byte order mark) is written \xef\xbb\xbf: cgraph writes a value that starts with it unquoted, and its
 * reader then drops it, leaving an empty value (a syntax error).
 * A backslash is then never followed by a quote, whatever cgraph does. Graphviz and other tools see the
 * encoded text; kgkit's DOT importer decodes it in files kgkit wrote (graph comment "written by kgkit"). */
#include "graphviz_plugin.h"

#include <string.h>

static void add_char(kg_buf_t *b, char c)
{
    char s[2] = {c, '\0'};
    kg_buf_puts(b, s);
}

static void add_encoded(kg_buf_t *b, const char *s, int in_list)
{
    if (*s == '%') {
        kg_buf_puts(b, "\\x25");
        s++;
    }
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == '\\')
            kg_buf_puts(b, "\\\\");
        else if (c == '\n')
            kg_buf_puts(b, "\\n");
        else if (c == '\r')
            kg_buf_puts(b, "\\r");
        else if (c == ',' && in_list)
            kg_buf_puts(b, "\\,");
        else if (gv_starts_with_bom(s))
            kg_buf_puts(b, "\\xef\\xbb\\xbf"), s += 2;
        else if (c < 0x20 || c == 0x7f)
            kg_buf_printf(b, "\\x%02x", c);
        else
            add_char(b, (char)c);
    }
}

void gv_buf_add_literal(kg_buf_t *b, const char *s)
{
    add_encoded(b, s, 0);
}

void gv_buf_add_list_item(kg_buf_t *b, const char *s)
{
    if (b->len)
        kg_buf_puts(b, ", ");
    add_encoded(b, s, 1);
}

const char *gv_node_name(const char *id, kg_buf_t *tmp)
{
    const char *p = id;
    while (*p && *p != '\\' && (unsigned char)*p >= 0x20 && *p != 0x7f && (unsigned char)*p != 0xEF)
        p++;
    if (!*p && *id != '%')
        return id;
    tmp->len = 0;
    if (tmp->data)
        tmp->data[0] = '\0';
    gv_buf_add_literal(tmp, id);
    return gv_buf_str(tmp);
}

static int hex(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

/* Decodes s up to end (or its terminator) into out; an unknown escape is kept as written. */
static const char *decode(const char *s, const char *end, kg_buf_t *out)
{
    for (; *s && s != end; s++) {
        if (*s != '\\' || !s[1] || s + 1 == end) {
            add_char(out, *s);
            continue;
        }
        char c = s[1];
        if (c == '\\' || c == ',') {
            add_char(out, c);
            s++;
        } else if (c == 'n' || c == 'r') {
            add_char(out, c == 'n' ? '\n' : '\r');
            s++;
        } else if (c == 'x' && s + 2 != end && s + 3 != end && hex(s[2]) >= 0 && hex(s[3]) >= 0) {
            add_char(out, (char)(hex(s[2]) * 16 + hex(s[3])));
            s += 3;
        } else {
            add_char(out, '\\');
        }
    }
    return s;
}

const char *gv_literal_decode(const char *s, kg_buf_t *out)
{
    out->len = 0;
    if (out->data)
        out->data[0] = '\0';
    kg_buf_puts(out, ""); /* an empty string is a string */
    decode(s, NULL, out);
    return gv_buf_str(out);
}

const char *gv_list_next(const char **cursor, kg_buf_t *out)
{
    const char *s = *cursor;
    if (!s)
        return NULL;
    /* the item ends at the first ", " whose comma is not escaped */
    const char *end = s;
    while (*end && !(end[0] == ',' && end[1] == ' ')) {
        if (end[0] == '\\' && end[1])
            end++;
        end++;
    }
    out->len = 0;
    if (out->data)
        out->data[0] = '\0';
    kg_buf_puts(out, "");
    decode(s, end, out);
    *cursor = *end ? end + 2 : NULL;
    return gv_buf_str(out);
}
