/* reader.c - an RFC 4180 CSV reader that knows on which line each record starts, and the field writer. */
#include "csv_reader.h"

#include <stdlib.h>
#include <string.h>

void csv_reader_init(csv_reader_t *r, FILE *in, const char *path)
{
    memset(r, 0, sizeof *r);
    r->in = in;
    r->path = path;
    r->next_line = 1;
    r->delim = ',';
}

void csv_reader_free(csv_reader_t *r)
{
    free(r->fields);
    kg_buf_free(&r->buf);
    free(r->offsets);
    memset(r, 0, sizeof *r);
}

static int put(csv_reader_t *r, char c)
{
    return kg_buf_putc(&r->buf, c) ? -1 : 0;
}

/* Ends the field that began at buffer offset start. */
static int end_field(csv_reader_t *r, size_t start)
{
    if (put(r, '\0'))
        return -1;
    if (kg_array_reserve((void **)&r->offsets, &r->cap_offsets, r->n + 1, sizeof *r->offsets))
        return -1;
    r->offsets[r->n++] = start;
    return 0;
}

int csv_read(csv_reader_t *r, kg_error_t *err)
{
    int c, quoted = 0, at_start = 1, any = 0;
    size_t field_start = 0, spaces = 0; /* spaces at the start of the field so far */
    r->n = 0;
    kg_buf_clear(&r->buf);
    r->line = r->next_line;
    if (!r->started) { /* a UTF-8 byte order mark */
        r->started = 1;
        int a = fgetc(r->in);
        if (a == 0xEF) {
            int b = fgetc(r->in), d = fgetc(r->in);
            if (b != 0xBB || d != 0xBF)
                return -kg_error_set(err, KG_EINPUT, r->path, 1, 1, "not UTF-8 text (a broken byte order mark)");
        } else if (a != EOF) {
            ungetc(a, r->in);
        }
    }
    for (;;) {
        c = fgetc(r->in);
        if (c == EOF) {
            if (quoted)
                return -kg_error_set(err, KG_EINPUT, r->path, r->line, (int)r->n + 1,
                                    "a quoted field opened on line %d is never closed", r->line);
            if (!any)
                return 0;
            break;
        }
        any = 1;
        if (quoted) {
            if (c == '"') {
                int d = fgetc(r->in);
                if (d == '"') {
                    if (put(r, '"'))
                        goto nomem;
                    continue;
                }
                quoted = 0;
                if (d != EOF)
                    ungetc(d, r->in);
                continue;
            }
            if (c == '\n')
                r->next_line++;
            if (put(r, (char)c))
                goto nomem;
            continue;
        }
        if (c == '"' && at_start) {
            if (spaces) { /* `a, "b"`: the spaces before the quote are not the field's */
                r->buf.len -= spaces;
                r->buf.data[r->buf.len] = '\0';
            }
            quoted = 1;
            at_start = 0;
            continue;
        }
        if (c == r->delim) {
            if (end_field(r, field_start))
                goto nomem;
            field_start = r->buf.len;
            at_start = 1;
            spaces = 0;
            continue;
        }
        if (c == '\r') {
            int d = fgetc(r->in);
            if (d != '\n' && d != EOF)
                ungetc(d, r->in);
            c = '\n';
        }
        if (c == '\n') {
            r->next_line++;
            break;
        }
        if (c == '"')
            return -kg_error_set(err, KG_EINPUT, r->path, r->line, (int)r->n + 1,
                                "a quote inside an unquoted field (quote the whole field and double the quote)");
        if (c == ' ' && at_start)
            spaces++;
        else
            at_start = 0;
        if (put(r, (char)c))
            goto nomem;
    }
    if (end_field(r, field_start))
        goto nomem;
    if (r->cap < r->n) {
        char **f = realloc(r->fields, r->n * sizeof *f);
        if (!f)
            goto nomem;
        r->fields = f;
        r->cap = r->n;
    }
    for (size_t i = 0; i < r->n; i++) {
        r->fields[i] = r->buf.data + r->offsets[i];
        /* text at the door: UTF-8, and no NUL that would cut the field short */
        size_t len = (i + 1 < r->n ? r->offsets[i + 1] : r->buf.len) - r->offsets[i] - 1, bad;
        if (kg_utf8_valid(r->fields[i], len, &bad))
            continue;
        if (!r->fields[i][bad])
            return -kg_error_set(err, KG_EINPUT, r->path, r->line, (int)i + 1, "a NUL byte at byte %zu of the field",
                                 bad + 1);
        return -kg_error_set(err, KG_EINPUT, r->path, r->line, (int)i + 1,
                             "not UTF-8 text: byte %zu of the field is 0x%02x (save the file as UTF-8)", bad + 1,
                             (unsigned char)r->fields[i][bad]);
    }
    return 1;
nomem:
    return -kg_error_set(err, KG_ENOMEM, r->path, r->line, 0, "out of memory");
}

void csv_write_field(FILE *out, const char *s)
{
    kg_csv_write_field(out, s); /* the one RFC 4180 writer (libkgkit), also the Neo4j exporter's */
}
