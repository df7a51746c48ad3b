/* decode.c - a CSV file as people save it: UTF-8 or Windows-1252 (Excel's "CSV"), and `,` `;` or tab between fields. */
#include "csv_plugin.h"

#include <stdlib.h>
#include <string.h>

/* Windows-1252's 0x80..0x9F (the rest of its upper half is Latin-1, U+00A0..U+00FF); 0 where it has none. */
static const unsigned short cp1252[32] = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

static int from_cp1252(const char *in, size_t len, kg_buf_t *out)
{
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)in[i];
        unsigned cp = c < 0x80 ? c : c < 0xA0 ? cp1252[c - 0x80] : c;
        if (!cp)
            cp = 0xFFFD; /* the five bytes Windows-1252 leaves undefined */
        char u[3];
        size_t n;
        if (cp < 0x80)
            u[0] = (char)cp, n = 1;
        else if (cp < 0x800)
            u[0] = (char)(0xC0 | cp >> 6), u[1] = (char)(0x80 | (cp & 0x3F)), n = 2;
        else
            u[0] = (char)(0xE0 | cp >> 12), u[1] = (char)(0x80 | ((cp >> 6) & 0x3F)),
            u[2] = (char)(0x80 | (cp & 0x3F)), n = 3;
        if (kg_buf_add(out, u, n))
            return KG_ENOMEM;
    }
    return KG_OK;
}

int csv_decode(kg_graph_t *g, const kg_opts_t *opts, const char *path, char **text, size_t *len, kg_error_t *err)
{
    static const char *const encodings[] = {"auto", "utf-8", "windows-1252", NULL};
    int enc, rc = kg_param_choice(opts, csv_import_params, "encoding", encodings, &enc, err);
    if (rc)
        return rc;
    size_t bom = kg_utf8_bom(*text, *len), bad;
    if (enc == 1 || (enc == 0 && (bom || kg_utf8_valid(*text + bom, *len - bom, &bad))))
        return KG_OK; /* UTF-8: the reader checks every field, and names a bad byte's row and column */
    if (enc == 0) { /* a NUL is no character of either: leave it to the reader's message */
        if (!(*text)[bom + bad])
            return KG_OK;
        int line, column;
        kg_text_where(*text, bom + bad, &line, &column);
        kg_graph_warn(g, path, line, column, "not UTF-8 (byte 0x%02x): read as Windows-1252, as Excel saves CSV; "
                      "give -p encoding=utf-8 to refuse it instead", (unsigned char)(*text)[bom + bad]);
    }
    kg_buf_t b = KG_BUF_INIT;
    if (from_cp1252(*text, *len, &b)) {
        kg_buf_free(&b);
        return kg_error_set(err, KG_ENOMEM, path, 0, 0, "out of memory");
    }
    free(*text);
    *len = b.len;
    *text = kg_buf_detach(&b);
    return *text ? KG_OK : kg_error_set(err, KG_ENOMEM, path, 0, 0, "out of memory");
}

int csv_delimiter(const kg_opts_t *opts, const char *text, size_t len, char *delim, kg_error_t *err)
{
    static const char *const names[] = {"auto", ",", ";", "tab", "\\t", "|", NULL};
    static const char chars[] = {0, ',', ';', '\t', '\t', '|'};
    int k, rc = kg_param_choice(opts, csv_import_params, "delimiter", names, &k, err);
    if (rc)
        return rc;
    if (k > 0) {
        *delim = chars[k];
        return KG_OK;
    }
    /* the first record (which may span lines inside quotes): the most frequent of , ; and tab outside quotes;
     * a comma when none */
    size_t counts[3] = {0, 0, 0};
    int quoted = 0;
    for (size_t i = kg_utf8_bom(text, len); i < len; i++) {
        char c = text[i];
        if (c == '"')
            quoted = !quoted;
        else if (!quoted && (c == '\n' || c == '\r'))
            break;
        else if (!quoted)
            counts[0] += c == ',', counts[1] += c == ';', counts[2] += c == '\t';
    }
    *delim = counts[1] > counts[0] && counts[1] >= counts[2] ? ';' : counts[2] > counts[0] ? '\t' : ',';
    return KG_OK;
}
