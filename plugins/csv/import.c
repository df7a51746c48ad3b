/* import.c - the "csv" importer: an entities, statements or predicates table, told apart by its header. */
#define _GNU_SOURCE /* fmemopen, strdup */
#include "csv_plugin.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

typedef enum { T_ENTITIES, T_STATEMENTS, T_PREDICATES } table_t;

static const char *const entity_cols[] = {"id", "kind", "label", "aliases", "date", "publisher", "url", "attrs", NULL};
static const char *const stmt_cols[] = {"subject", "predicate", "object", "value", "value_type", "qualifier",
                                        "unit", "lower", "upper", "as_of", "according_to", "source", "quote",
                                        "sources", "attrs", NULL};
static const char *const pred_cols[] = {"name", "kind", "functional", "value_type", "unit", "tolerance",
                                        "cumulative", "symmetric", "label", "description", NULL};

typedef struct table {
    table_t type;
    const char *const *names;
    int col[16]; /* column of each name, -1 when absent */
    size_t n_cols; /* the header's */
    char **extra;  /* per column: its name when it is none of the table's (an attribute), else NULL; owned */
} table_info_t;

static void table_free(table_info_t *t)
{
    for (size_t i = 0; t->extra && i < t->n_cols; i++)
        free(t->extra[i]);
    free(t->extra);
    t->extra = NULL;
}

static int index_of(const char *const *names, const char *s)
{
    for (int i = 0; names[i]; i++)
        if (!strcmp(names[i], s))
            return i;
    return -1;
}

/* Whether the header is one of kgkit's tables: 1 (t filled), 0 when it is not, or minus a kg_status. A statements
 * or entities table may have other columns (attributes), unless one is a near miss of a column of the table,
 * which is named; a predicates table has only its own. */
static int read_header(csv_reader_t *r, table_info_t *t, kg_error_t *err)
{
    int has[3] = {0, 0, 0};
    memset(t, 0, sizeof *t);
    for (size_t i = 0; i < r->n; i++) {
        has[0] |= !strcmp(r->fields[i], "id");
        has[1] |= !strcmp(r->fields[i], "subject");
        has[2] |= !strcmp(r->fields[i], "name");
    }
    if (has[1]) {
        t->type = T_STATEMENTS;
        t->names = stmt_cols;
    } else if (has[0]) {
        t->type = T_ENTITIES;
        t->names = entity_cols;
    } else if (has[2]) {
        t->type = T_PREDICATES;
        t->names = pred_cols;
        for (size_t i = 0; i < r->n; i++)
            if (index_of(pred_cols, r->fields[i]) < 0)
                return 0; /* a "name" column among others: not a predicates table */
    } else {
        return 0;
    }
    for (int i = 0; i < 16; i++)
        t->col[i] = -1;
    if (!(t->extra = calloc(r->n + 1, sizeof *t->extra)))
        return -kg_error_set(err, KG_ENOMEM, r->path, r->line, 0, "out of memory");
    t->n_cols = r->n;
    size_t n_names = 0;
    while (t->names[n_names])
        n_names++;
    for (size_t i = 0; i < r->n; i++) {
        int k = index_of(t->names, r->fields[i]);
        if (k < 0) {
            const char *close = kg_closest_name(r->fields[i], t->names, n_names);
            if (close && index_of(t->names, close) >= 0 && t->col[index_of(t->names, close)] < 0 &&
                kg_edit_distance(r->fields[i], close, 2) <= 2 && strlen(r->fields[i]) > 3) {
                table_free(t);
                return -kg_error_set(err, KG_EINPUT, r->path, r->line, (int)i + 1,
                                     "unknown column \"%s\" (did you mean \"%s\"? other columns become attributes)",
                                     r->fields[i], close);
            }
            if (!(t->extra[i] = strdup(r->fields[i]))) {
                table_free(t);
                return -kg_error_set(err, KG_ENOMEM, r->path, r->line, 0, "out of memory");
            }
            continue;
        }
        if (t->col[k] >= 0) {
            table_free(t);
            return -kg_error_set(err, KG_EINPUT, r->path, r->line, (int)i + 1, "column \"%s\" appears twice",
                                 r->fields[i]);
        }
        t->col[k] = (int)i;
    }
    return 1;
}

/* The cell of a column, NULL when the column is absent or the cell empty. */
static const char *cell(const csv_reader_t *r, const table_info_t *t, const char *name)
{
    int k = index_of(t->names, name), c = k >= 0 ? t->col[k] : -1;
    if (c < 0 || (size_t)c >= r->n || !r->fields[c][0])
        return NULL;
    return r->fields[c];
}

static int column_of(const table_info_t *t, const char *name)
{
    int k = index_of(t->names, name);
    return k >= 0 && t->col[k] >= 0 ? t->col[k] + 1 : 0;
}

#define BAD(r, t, name, ...) kg_error_set(err, KG_EINPUT, (r)->path, (r)->line, column_of(t, name), __VA_ARGS__)

/* "a; b ;c" into trimmed items, in place (the cell is the reader's copy). "\;" is a ';' inside an item and
 * "\\" a backslash (what the exporter writes for them); any other backslash is itself. *items is malloc'ed
 * to hold every item (free it): no cap. Returns the count, or (size_t)-1 on out-of-memory. */
static size_t split(char *s, const char ***items)
{
    size_t max = 1;
    for (const char *c = s; *c; c++)
        max += *c == ';';
    *items = malloc(max * sizeof **items);
    if (!*items)
        return (size_t)-1;
    size_t n = 0;
    for (char *p = s; p;) {
        char *w = p, *r = p;
        for (; *r && *r != ';'; r++) {
            if (*r == '\\' && (r[1] == ';' || r[1] == '\\'))
                r++;
            *w++ = *r;
        }
        char *next = *r ? r + 1 : NULL;
        *w = '\0';
        while (isspace((unsigned char)*p))
            p++;
        char *end = p + strlen(p);
        while (end > p && isspace((unsigned char)end[-1]))
            *--end = '\0';
        if (*p)
            (*items)[n++] = p;
        p = next;
    }
    return n;
}

/* A number as written in a cell: an optional sign, digits (thousands separated by commas in groups of three:
 * 1,174), an optional fraction and exponent, and nothing else: no hexadecimal, no "inf", no trailing text. */
/* The row's attributes: the "attrs" cell (a JSON object), and the cells of the other columns as text. */
static int attrs_cell(csv_reader_t *r, table_info_t *t, json_t **out, kg_error_t *err)
{
    const char *a = cell(r, t, "attrs");
    *out = NULL;
    if (a) {
        json_error_t je;
        *out = json_loads(a, 0, &je);
        if (!json_is_object(*out)) {
            json_decref(*out);
            *out = NULL;
            return BAD(r, t, "attrs", "column \"attrs\": a JSON object expected (%s)",
                       je.text[0] ? je.text : "not an object");
        }
    }
    for (size_t i = 0; i < t->n_cols && i < r->n; i++) {
        if (!t->extra || !t->extra[i] || !r->fields[i][0])
            continue;
        if (!*out && !(*out = json_object()))
            return kg_error_set(err, KG_ENOMEM, r->path, r->line, 0, "out of memory");
        json_object_set_new(*out, t->extra[i], json_string(r->fields[i]));
    }
    return KG_OK;
}

static int entity_row(kg_graph_t *g, csv_reader_t *r, table_info_t *t, kg_error_t *err)
{
    kg_entity_spec_t s;
    kg_entity_spec_init(&s);
    const char **aliases = NULL;
    json_t *attrs;
    if (!(s.id = cell(r, t, "id")))
        return BAD(r, t, "id", "column \"id\" is empty");
    int rc = attrs_cell(r, t, &attrs, err);
    if (rc)
        return rc;
    s.kind = cell(r, t, "kind");
    s.label = cell(r, t, "label");
    s.date = cell(r, t, "date");
    s.publisher = cell(r, t, "publisher");
    s.url = cell(r, t, "url");
    char *al = (char *)cell(r, t, "aliases");
    s.n_aliases = al ? split(al, &aliases) : 0;
    s.aliases = aliases;
    s.attrs = attrs;
    s.origin = r->path;
    s.line = r->line;
    rc = s.n_aliases == (size_t)-1 ? kg_error_set(err, KG_ENOMEM, r->path, r->line, 0, "out of memory")
                                   : kg_graph_add_entity(g, &s, NULL, err);
    json_decref(attrs);
    free(aliases);
    return rc;
}

static int statement_row(kg_graph_t *g, csv_reader_t *r, table_info_t *t, kg_error_t *err)
{
    kg_stmt_spec_t s;
    kg_stmt_spec_init(&s);
    s.subject = cell(r, t, "subject");
    s.predicate = cell(r, t, "predicate");
    s.object = cell(r, t, "object");
    if (!s.subject)
        return BAD(r, t, "subject", "column \"subject\" is empty");
    if (!s.predicate)
        return BAD(r, t, "predicate", "column \"predicate\" is empty");
    const char *value = cell(r, t, "value"), *qual = cell(r, t, "qualifier");
    kg_qualifier_t vq;
    /* a vague quantity ("thousands") is a number claim with a qualifier and no value */
    int vague = !value && !s.object && qual && kg_qualifier_parse(qual, &vq) == KG_OK && kg_qualifier_is_vague(vq);
    if (s.object && value)
        return BAD(r, t, "value", "a row has an object (a relation) or a value (a claim), not both");
    if (!s.object && !value && qual && kg_qualifier_parse(qual, &vq) != KG_OK) {
        char expected[512];
        kg_qualifier_expected(qual, expected, sizeof expected);
        return BAD(r, t, "qualifier", "column \"qualifier\": unknown qualifier \"%s\": %s", qual, expected);
    }
    if (!s.object && !value && !vague)
        return BAD(r, t, "object", "a row needs an object (a relation) or a value (a claim; only a vague quantity "
                                   "such as qualifier \"thousands\" has no value)");
    if (vague) {
        s.value.type = KG_VALUE_NUMBER;
        s.value.qualifier = vq;
        s.value.unit = cell(r, t, "unit");
        if (cell(r, t, "lower") || cell(r, t, "upper"))
            return BAD(r, t, "lower", "a vague quantity (\"%s\") takes no lower or upper bound", qual);
    } else if (value) {
        /* the value's type is declared: in the row, else by the predicate; text otherwise */
        const char *type = cell(r, t, "value_type");
        kg_predicate_t p;
        kg_value_type_t vt = KG_VALUE_TEXT;
        if (type) {
            if (kg_value_type_parse(type, &vt) != KG_OK || vt == KG_VALUE_NONE)
                return BAD(r, t, "value_type", "column \"value_type\": number, text or date, not \"%s\"", type);
        } else if (kg_graph_predicate_declared(g, s.predicate, &p) == KG_OK && p.value_type != KG_VALUE_NONE) {
            vt = p.value_type;
        }
        s.value.type = vt;
        if (vt == KG_VALUE_NUMBER) {
            if (kg_number_parse(value, &s.value.amount))
                return BAD(r, t, "value", "column \"value\": \"%s\" is not a number", value);
            const char *q = cell(r, t, "qualifier"), *lo = cell(r, t, "lower"), *hi = cell(r, t, "upper");
            if (q && kg_qualifier_parse(q, &s.value.qualifier) != KG_OK) {
                char expected[512];
                kg_qualifier_expected(q, expected, sizeof expected);
                return BAD(r, t, "qualifier", "column \"qualifier\": unknown qualifier \"%s\": %s", q, expected);
            }
            if (kg_qualifier_is_vague(s.value.qualifier))
                return BAD(r, t, "value", "column \"value\": \"%s\" is a vague quantity, which has no value of its "
                           "own: leave the value empty, or give the count with another qualifier", q);
            if (lo && kg_number_parse(lo, &s.value.lower))
                return BAD(r, t, "lower", "column \"lower\": \"%s\" is not a number", lo);
            if (hi && kg_number_parse(hi, &s.value.upper))
                return BAD(r, t, "upper", "column \"upper\": \"%s\" is not a number", hi);
            s.value.unit = cell(r, t, "unit");
        } else {
            if (cell(r, t, "qualifier") || cell(r, t, "unit") || cell(r, t, "lower") || cell(r, t, "upper"))
                return BAD(r, t, "qualifier", "qualifier, unit and bounds are for numbers; this value is a %s",
                           vt == KG_VALUE_DATE ? "date" : "text");
            s.value.text = value;
        }
    }
    s.as_of = cell(r, t, "as_of");
    s.according_to = cell(r, t, "according_to");
    if (!cell(r, t, "source") && cell(r, t, "quote"))
        return BAD(r, t, "quote", "a quote without a source");
    const char **ids = NULL;
    char *more = (char *)cell(r, t, "sources");
    size_t k = more ? split(more, &ids) : 0;
    kg_cite_t *cites = k != (size_t)-1 ? malloc((k + 2) * sizeof *cites) : NULL;
    if (!cites) {
        free(ids);
        return kg_error_set(err, KG_ENOMEM, r->path, r->line, 0, "out of memory");
    }
    size_t n = 0;
    if (cell(r, t, "source")) {
        cites[n].source = cell(r, t, "source");
        cites[n++].quote = cell(r, t, "quote");
    }
    for (size_t i = 0; i < k; i++) {
        cites[n].source = ids[i];
        cites[n++].quote = NULL;
    }
    free(ids); /* the items point into the reader's cell, which outlives this row */
    s.cites = cites;
    s.n_cites = n;
    json_t *attrs;
    int rc = attrs_cell(r, t, &attrs, err);
    if (rc) {
        free(cites);
        return rc;
    }
    s.attrs = attrs;
    s.origin = r->path;
    s.line = r->line;
    rc = kg_graph_add_stmt(g, &s, NULL, err);
    json_decref(attrs);
    free(cites);
    return rc;
}

static int bool_cell(csv_reader_t *r, table_info_t *t, const char *name, int *out, kg_error_t *err)
{
    const char *v = cell(r, t, name);
    *out = -1;
    if (!v)
        return KG_OK;
    if (!strcmp(v, "true") || !strcmp(v, "yes") || !strcmp(v, "1"))
        *out = 1;
    else if (!strcmp(v, "false") || !strcmp(v, "no") || !strcmp(v, "0"))
        *out = 0;
    else
        return BAD(r, t, name, "column \"%s\": true or false, not \"%s\"", name, v);
    return KG_OK;
}

static int predicate_row(kg_graph_t *g, csv_reader_t *r, table_info_t *t, kg_error_t *err)
{
    kg_predicate_t p;
    const char *name = cell(r, t, "name");
    if (!name)
        return BAD(r, t, "name", "column \"name\" is empty");
    kg_predicate_init(&p, name);
    const char *kind = cell(r, t, "kind"), *type = cell(r, t, "value_type"), *tol = cell(r, t, "tolerance");
    kg_value_type_t vt;
    if (kind && kg_pred_kind_parse(kind, &p.kind) != KG_OK)
        return BAD(r, t, "kind", "column \"kind\": relation or claim, not \"%s\"", kind);
    if (type && kg_value_type_parse(type, &vt) != KG_OK)
        return BAD(r, t, "value_type", "column \"value_type\": entity, number, text or date, not \"%s\"", type);
    if (type && vt == KG_VALUE_NONE && p.kind == KG_PRED_CLAIM)
        return BAD(r, t, "value_type", "column \"value_type\": a claim cannot have value_type \"entity\"");
    if (type && vt == KG_VALUE_NONE)
        p.kind = KG_PRED_RELATION; /* the same words as the native format's declarations */
    else if (type)
        p.value_type = vt;
    if (tol && (kg_number_parse(tol, &p.tolerance) || p.tolerance < 0))
        return BAD(r, t, "tolerance", "column \"tolerance\": a number of 0 or more, not \"%s\"", tol);
    int rc;
    if ((rc = bool_cell(r, t, "functional", &p.functional, err)) || (rc = bool_cell(r, t, "cumulative", &p.cumulative, err)))
        return rc;
    p.unit = cell(r, t, "unit");
    p.label = cell(r, t, "label");
    p.description = cell(r, t, "description");
    int sym;
    if ((rc = bool_cell(r, t, "symmetric", &sym, err)))
        return rc;
    rc = kg_graph_declare_predicate(g, &p, err);
    if (!rc && sym >= 0)
        rc = kg_graph_declare_symmetric(g, name, sym, err);
    if (rc && !err->line) {
        snprintf(err->source, sizeof err->source, "%s", r->path);
        err->line = r->line;
    }
    return rc;
}

int csv_import(kg_graph_t *g, FILE *in, const char *path, const kg_opts_t *opts, kg_error_t *err)
{
    csv_reader_t r;
    table_info_t t;
    csv_layout_t *layout = NULL;
    char *text = NULL, delim = ',';
    size_t len = 0;
    FILE *mem = NULL;
    memset(&t, 0, sizeof t);
    int rc = kg_read_all(in, path, &text, &len, err), got = 0;
    if (!rc && !len)
        rc = kg_error_set(err, KG_EINPUT, path, 1, 0, "an empty file: a CSV table starts with its header row");
    if (!rc && !(rc = csv_decode(g, opts, path, &text, &len, err)) &&
        !(rc = csv_delimiter(opts, text, len, &delim, err)) && !(mem = fmemopen(text, len, "rb")))
        rc = kg_error_set(err, KG_ENOMEM, path, 0, 0, "out of memory");
    csv_reader_init(&r, mem, path);
    r.delim = delim;
    if (!rc) {
        got = csv_read(&r, err);
        if (got < 0)
            rc = -got;
        else if (got == 0)
            rc = kg_error_set(err, KG_EINPUT, path, 1, 0, "an empty file: a CSV table starts with its header row");
    }
    if (!rc) { /* a mapping; else kgkit's own tables; else a layout people keep; else say what to do */
        int k = csv_layout_mapped(opts) ? 0 : read_header(&r, &t, err);
        if (k == 0 && (k = csv_layout_open(g, &r, opts, &layout, err)) == 0)
            rc = csv_layout_unknown(&r, err);
        else if (k < 0)
            rc = -k;
    }
    size_t rows = 0;
    while (rc == KG_OK) {
        if ((got = csv_read(&r, err)) <= 0) {
            rc = got < 0 ? -got : KG_OK;
            break;
        }
        if (r.n == 1 && !r.fields[0][0]) /* a blank line */
            continue;
        size_t n_cols = layout ? r.n : t.n_cols;
        if (!layout && r.n > n_cols) { /* a cell with no column (often an unquoted comma): never dropped */
            rc = kg_error_set(err, KG_EINPUT, path, r.line, (int)t.n_cols + 1,
                              "this row has %zu fields, the header %zu: quote a cell that holds a %s", r.n, t.n_cols,
                              delim == '\t' ? "tab" : delim == ';' ? "semicolon" : "comma");
            break;
        }
        rc = layout ? csv_layout_row(g, layout, &r, err)
             : t.type == T_ENTITIES ? entity_row(g, &r, &t, err)
             : t.type == T_STATEMENTS ? statement_row(g, &r, &t, err)
                                      : predicate_row(g, &r, &t, err);
        if (rc && err && !err->line) {
            snprintf(err->source, sizeof err->source, "%s", path);
            err->line = r.line;
        }
        if ((++rows & 0xffff) == 0)
            kg_progress(opts, "reading CSV", rows, 0);
    }
    if (rc == KG_OK && layout)
        csv_layout_close(g, layout, path, rows);
    csv_layout_free(layout);
    table_free(&t);
    csv_reader_free(&r);
    if (mem)
        fclose(mem);
    free(text);
    return rc;
}

int csv_sniff(const char *head, size_t len)
{
    (void)head;
    (void)len;
    return 0; /* chosen by extension (.csv) or name only: any text could be CSV */
}
