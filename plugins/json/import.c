/* import.c - readers for the native JSON document and JSON Lines, record by record, with line and column in every error. */
#define _GNU_SOURCE
#include "json_plugin.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#define DECODE_FLAGS (JSON_REJECT_DUPLICATES | JSON_DISABLE_EOF_CHECK)
#define PROGRESS_EVERY 8192

/* ------------------------------------------------------------ document */

/* A cursor over the whole document, tracking line and column lazily. */
typedef struct doc {
    const char *buf;
    size_t len, pos;
    size_t mark_pos; /* line/col known up to here */
    int mark_line, mark_col;
    const char *path;
    kg_error_t *err;
} doc_t;

static void where(doc_t *d, size_t pos, int *line, int *col)
{
    if (pos < d->mark_pos) {
        d->mark_pos = 0;
        d->mark_line = 1;
        d->mark_col = 1;
    }
    for (; d->mark_pos < pos; d->mark_pos++) {
        unsigned char ch = (unsigned char)d->buf[d->mark_pos];
        if (ch == '\n') {
            d->mark_line++;
            d->mark_col = 1;
        } else if ((ch & 0xC0) != 0x80) { /* count UTF-8 characters, not bytes */
            d->mark_col++;
        }
    }
    *line = d->mark_line;
    *col = d->mark_col;
}

static int doc_fail(doc_t *d, const char *expected)
{
    int line, col;
    where(d, d->pos, &line, &col);
    if (d->pos >= d->len)
        return kg_error_set(d->err, KG_EINPUT, d->path, line, col, "unexpected end of file: expected %s", expected);
    return kg_error_set(d->err, KG_EINPUT, d->path, line, col, "expected %s, found '%c'", expected, d->buf[d->pos]);
}

static void skip_ws(doc_t *d)
{
    while (d->pos < d->len && strchr(" \t\r\n", d->buf[d->pos]))
        d->pos++;
}

static int expect(doc_t *d, char ch, const char *what)
{
    skip_ws(d);
    if (d->pos < d->len && d->buf[d->pos] == ch) {
        d->pos++;
        return KG_OK;
    }
    return doc_fail(d, what);
}

/* Decodes one JSON value at the cursor with jansson; its errors are moved
 * from the value's own coordinates to the file's. */
static json_t *decode_at(doc_t *d, int any, int *line, int *col)
{
    skip_ws(d);
    where(d, d->pos, line, col);
    json_error_t je;
    /* jansson counts positions in an int: hand it at most INT_MAX bytes, so that a record cannot wrap them */
    size_t avail = d->len - d->pos < (size_t)INT_MAX ? d->len - d->pos : (size_t)INT_MAX;
    unsigned long failed_before = kg_alloc_failures();
    json_t *v = json_loadb(d->buf + d->pos, avail, DECODE_FLAGS | (any ? JSON_DECODE_ANY : 0), &je);
    if (!v && kg_alloc_failures() != failed_before) { /* jansson tells it as a syntax error, or not at all */
        kg_error_set(d->err, KG_ENOMEM, d->path, *line, *col, "out of memory");
        return NULL;
    }
    if (!v) {
        if (avail == (size_t)INT_MAX && je.position >= INT_MAX - 1) {
            kg_error_set(d->err, KG_EINPUT, d->path, *line, *col, "a record longer than 2 GiB (the most jansson reads)");
            return NULL;
        }
        int l = *line + (je.line > 0 ? je.line - 1 : 0);
        int c = je.line <= 1 ? *col + (je.column > 0 ? je.column - 1 : 0) : je.column;
        kg_error_set(d->err, KG_EINPUT, d->path, l, c, "%s", je.text);
        return NULL;
    }
    if (je.position < 0 || (size_t)je.position > avail) {
        json_decref(v);
        kg_error_set(d->err, KG_EINTERNAL, d->path, *line, *col, "jansson reported a position outside the record");
        return NULL;
    }
    d->pos += (size_t)je.position;
    return v;
}

typedef int (*record_fn)(rec_ctx_t *c, json_t *rec, deferred_t *def, const kg_opts_t *opts);

static int each_source(rec_ctx_t *c, json_t *rec, deferred_t *def, const kg_opts_t *opts)
{
    return rec_source(c, rec, 0);
}
static int each_entity(rec_ctx_t *c, json_t *rec, deferred_t *def, const kg_opts_t *opts)
{
    return rec_entity(c, rec, 0);
}
static int each_statement(rec_ctx_t *c, json_t *rec, deferred_t *def, const kg_opts_t *opts)
{
    return rec_statement_or_defer(c, rec, 0, def);
}

/* "[" record ("," record)* "]", each record decoded, added and freed. */
static int read_array(doc_t *d, rec_ctx_t *c, const char *section, record_fn fn, deferred_t *def,
                      const kg_opts_t *opts, size_t *count)
{
    char what[64];
    snprintf(what, sizeof what, "'[' to open \"%s\"", section);
    int rc = expect(d, '[', what);
    if (rc)
        return rc;
    skip_ws(d);
    if (d->pos < d->len && d->buf[d->pos] == ']') {
        d->pos++;
        return KG_OK;
    }
    for (;;) {
        skip_ws(d);
        if (d->pos >= d->len || d->buf[d->pos] != '{')
            return doc_fail(d, "'{' to start a record");
        json_t *rec = decode_at(d, 0, &c->line, &c->column);
        if (!rec)
            return d->err->code;
        rc = fn(c, rec, def, opts);
        json_decref(rec);
        if (rc)
            return rc;
        if (++*count % PROGRESS_EVERY == 0)
            kg_progress(opts, "reading", d->pos, d->len);
        skip_ws(d);
        if (d->pos < d->len && d->buf[d->pos] == ',') {
            d->pos++;
            continue;
        }
        snprintf(what, sizeof what, "',' or ']' in \"%s\"", section);
        return expect(d, ']', what);
    }
}

int json_import_document(kg_graph_t *g, FILE *in, const char *path, const kg_opts_t *opts, kg_error_t *err)
{
    char *buf = NULL;
    size_t len = 0;
    int rc = kg_read_all(in, path, &buf, &len, err);
    if (rc)
        return rc;
    size_t bom = kg_utf8_bom(buf, len);
    doc_t d = {buf, len, bom, bom, 1, 1, path, err};
    rec_ctx_t c = {g, path, 0, 0, err};
    deferred_t def = {0};
    int seen_version = 0, seen[4] = {0, 0, 0, 0};
    size_t count = 0;
    if ((rc = expect(&d, '{', "'{' to open a kgkit document")))
        goto done;
    skip_ws(&d);
    if (d.pos < d.len && d.buf[d.pos] == '}') {
        d.pos++;
    } else {
        for (;;) {
            skip_ws(&d);
            if (d.pos >= d.len || d.buf[d.pos] != '"') {
                rc = doc_fail(&d, "a quoted key");
                goto done;
            }
            int kline, kcol;
            json_t *key = decode_at(&d, 1, &kline, &kcol);
            if (!key) {
                rc = err->code;
                goto done;
            }
            char name[64];
            snprintf(name, sizeof name, "%s", json_string_value(key));
            json_decref(key);
            if ((rc = expect(&d, ':', "':' after a key")))
                goto done;
            static const char *const sections[] = {"predicates", "sources", "entities", "statements"};
            int which = -1;
            for (int i = 0; i < 4; i++)
                if (strcmp(name, sections[i]) == 0)
                    which = i;
            if (which >= 0 && seen[which]++) {
                rc = kg_error_set(err, KG_EINPUT, path, kline, kcol, "key \"%s\" appears twice", name);
                goto done;
            }
            if (strcmp(name, "kgkit") == 0) {
                int vl, vc;
                json_t *v = decode_at(&d, 1, &vl, &vc);
                if (!v) {
                    rc = err->code;
                    goto done;
                }
                int ok = json_is_integer(v) && json_integer_value(v) == 1;
                json_decref(v);
                if (!ok) {
                    rc = kg_error_set(err, KG_EINPUT, path, vl, vc,
                                      "unsupported format version: this kgkit reads \"kgkit\": 1");
                    goto done;
                }
                seen_version = 1;
            } else if (which == 0) {
                json_t *preds = decode_at(&d, 1, &c.line, &c.column);
                if (!preds) {
                    rc = err->code;
                    goto done;
                }
                if (!json_is_object(preds)) {
                    json_decref(preds);
                    rc = kg_error_set(err, KG_EINPUT, path, c.line, c.column,
                                      "\"predicates\" must be an object of name: declaration");
                    goto done;
                }
                const char *pname;
                json_t *decl;
                json_object_foreach(preds, pname, decl) {
                    if ((rc = rec_predicate(&c, pname, decl, 0)))
                        break;
                }
                json_decref(preds);
                if (rc)
                    goto done;
            } else if (which > 0) {
                record_fn fn = which == 1 ? each_source : which == 2 ? each_entity : each_statement;
                if ((rc = read_array(&d, &c, sections[which], fn, &def, opts, &count)))
                    goto done;
            } else {
                rc = kg_error_set(err, KG_EINPUT, path, kline, kcol,
                                  "unknown key \"%s\" (expected kgkit, predicates, sources, entities, statements)", name);
                goto done;
            }
            skip_ws(&d);
            if (d.pos < d.len && d.buf[d.pos] == ',') {
                d.pos++;
                continue;
            }
            if ((rc = expect(&d, '}', "',' or '}' after a member")))
                goto done;
            break;
        }
    }
    skip_ws(&d);
    if (d.pos < d.len) {
        rc = doc_fail(&d, "end of file after the document");
        goto done;
    }
    if (!seen_version) {
        rc = kg_error_set(err, KG_EINPUT, path, 1, 1, "not a kgkit document: the key \"kgkit\": 1 is missing");
        goto done;
    }
    rc = deferred_flush(&def, &c, 0);
done:
    deferred_free(&def);
    kg_free(buf);
    return rc;
}

/* ---------------------------------------------------------- JSON Lines */

int json_import_lines(kg_graph_t *g, FILE *in, const char *path, const kg_opts_t *opts, kg_error_t *err)
{
    int rc = KG_OK;
    rec_ctx_t c = {g, path, 0, 1, err};
    deferred_t def = {0};
    jl_reader_t *r = jl_reader_new(in, path);
    if (!r)
        return kg_error_set(err, KG_ENOMEM, path, 0, 0, "out of memory");
    jl_record_t one;
    size_t count = 0;
    while (jl_reader_next(r, &one)) {
        json_t *rec = one.rec;
        int lineno = one.lineno;
        c.line = lineno;
        c.column = 1;
        json_t *type = json_object_get(rec, "type");
        const char *t = json_string_value(type);
        if (one.flat) {
            rc = rec_statement_add_read(&c, one.flat, one.at, &def);
        } else if (!json_is_object(rec)) {
            rc = kg_error_set(err, KG_EINPUT, path, lineno, 1, "expected a record object");
        } else if (!type && json_object_get(rec, "kgkit")) {
            json_t *v = json_object_get(rec, "kgkit");
            int ok = json_object_size(rec) == 1 && json_is_integer(v) && json_integer_value(v) == 1;
            rc = ok ? KG_OK
                    : kg_error_set(err, KG_EINPUT, path, lineno, 1,
                                   "unsupported header: this kgkit reads {\"kgkit\": 1}");
        } else if (!t) {
            rc = kg_error_set(err, KG_EINPUT, path, lineno, 1,
                              "record without a \"type\" (source, entity, statement or predicate)");
        } else if (strcmp(t, "entity") == 0) {
            rc = rec_entity(&c, rec, 1);
        } else if (strcmp(t, "source") == 0) {
            rc = rec_source(&c, rec, 1);
        } else if (strcmp(t, "predicate") == 0) {
            rc = rec_predicate(&c, NULL, rec, 1);
        } else {
            rc = kg_error_set(err, KG_EINPUT, path, lineno, 1,
                              "unknown record type \"%s\" (expected source, entity, statement or predicate)", t);
        }
        if (rc)
            break;
        if (++count % PROGRESS_EVERY == 0)
            kg_progress(opts, "reading", (uint64_t)lineno, 0);
    }
    if (rc == KG_OK)
        rc = jl_reader_status(r, err);
    jl_reader_free(r);
    if (rc == KG_OK)
        rc = deferred_flush(&def, &c, 1);
    deferred_free(&def);
    return rc;
}

/* -------------------------------------------------------------- sniffing */

int json_sniff_document(const char *head, size_t len)
{
    size_t i = kg_utf8_bom(head, len);
    while (i < len && strchr(" \t\r\n", head[i]))
        i++;
    if (i >= len || head[i] != '{')
        return 0;
    /* the first key says whose JSON it is: another tool's ("directed", "nodes") is not a native document */
    static const char *const keys[] = {"kgkit", "predicates", "sources", "entities", "statements"};
    for (i++; i < len && strchr(" \t\r\n", head[i]); i++)
        ;
    int native = i == len || head[i] == '}'; /* cut short, or empty: could be */
    for (size_t k = 0; !native && i < len && head[i] == '"' && k < sizeof keys / sizeof *keys; k++) {
        size_t n = strlen(keys[k]);
        native = i + n + 1 < len && !memcmp(head + i + 1, keys[k], n) && head[i + n + 1] == '"';
    }
    if (!native)
        return 0;
    return memmem(head, len, "\"kgkit\"", 7) ? 60 : 10;
}

int json_sniff_lines(const char *head, size_t len)
{
    size_t i = kg_utf8_bom(head, len);
    while (i < len && strchr(" \t\r\n", head[i]))
        i++;
    const char *nl = memchr(head + i, '\n', len - i);
    if (i >= len || head[i] != '{')
        return 0;
    if (!nl) { /* one line: a header record, or a whole document on one line */
        json_t *one = json_loadb(head + i, len - i, 0, NULL);
        int could = json_is_object(one) && json_object_get(one, "kgkit");
        json_decref(one);
        return could ? 20 : 0;
    }
    json_t *rec = json_loadb(head + i, (size_t)(nl - head - i), 0, NULL);
    int score = 0;
    if (json_is_object(rec) && (json_object_get(rec, "type") ||
                                (json_object_size(rec) == 1 && json_object_get(rec, "kgkit"))))
        score = 90;
    json_decref(rec);
    return score;
}
