/* layout.c - the tables people keep: columns given roles by a mapping, or recognised layouts (edge lists, entity pairs, node tables), read into entities, relations, claims and sources. */
#define _GNU_SOURCE /* strdup, strndup */
#include "csv_plugin.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* The roles a column can have. Their names are the importer's parameters and a mapping file's keys. */
enum {
    R_SUBJECT, R_OBJECT, R_SUBJECT_KIND, R_OBJECT_KIND, R_PREDICATE, R_VALUE, R_QUALIFIER, R_UNIT, R_SOURCE,
    R_QUOTE, R_DATE, R_WEIGHT, R_DIRECTION, R_ID, R_LABEL, R_NODE_KIND, R_COUNT
};
static const char *const role_names[R_COUNT] = {
    "subject", "object", "subject_kind", "object_kind", "predicate", "value", "qualifier", "unit", "source",
    "quote", "date", "weight", "direction", "id", "label", "node_kind"};
/* The other keys of a mapping: constants, column lists, how cells name entities. */
static const char *const other_keys[] = {"kind", "predicate_value", "subject_attrs", "object_attrs", "ends", NULL};

enum { ENDS_AUTO, ENDS_ID, ENDS_NAME };

struct csv_layout {
    const char *what;          /* "an edge list", ... */
    int nodes;                 /* a node table, not statements */
    int col[R_COUNT];          /* column of each role, -1 when none */
    char *kind, *predicate;    /* constants (owned) */
    int ends;
    unsigned char *use;        /* per column: 0 an attribute of the statement (or node), 1 a role, 2 the subject's
                                * attribute, 3 the object's */
    char **header;             /* the header's names, owned */
    size_t n_cols;
};

void csv_layout_free(csv_layout_t *l)
{
    if (!l)
        return;
    for (size_t i = 0; i < l->n_cols; i++)
        free(l->header[i]);
    free(l->header);
    free(l->use);
    free(l->kind);
    free(l->predicate);
    free(l);
}

/* --------------------------------------------------------- recognising */

/* A header name as compared: lowercase, spaces and underscores alike, trimmed. */
static int same_name(const char *a, const char *b)
{
    while (*a == ' ')
        a++;
    for (;; a++, b++) {
        char x = (char)tolower((unsigned char)*a), y = (char)tolower((unsigned char)*b);
        x = x == '_' ? ' ' : x;
        y = y == '_' ? ' ' : y;
        if (!*b) {
            while (*a == ' ')
                a++;
            return !*a;
        }
        if (x != y)
            return 0;
    }
}

static int find_any(const csv_layout_t *l, const char *const *names)
{
    for (const char *const *n = names; *n; n++)
        for (size_t i = 0; i < l->n_cols; i++)
            if (same_name(l->header[i], *n))
                return (int)i;
    return -1;
}

#define NAMES(...) ((const char *const[]){__VA_ARGS__, NULL})

/* The layouts kgkit knows by their header. Returns 1 when one is recognised. */
static int recognise(csv_layout_t *l)
{
    int a = find_any(l, NAMES("source")), b = find_any(l, NAMES("target"));
    int ea = find_any(l, NAMES("entity a")), eb = find_any(l, NAMES("entity b"));
    if (a >= 0 && b >= 0) { /* Gephi's and most tools' edge list */
        l->what = "an edge list";
        l->col[R_SUBJECT] = a;
        l->col[R_OBJECT] = b;
        l->col[R_SUBJECT_KIND] = find_any(l, NAMES("source type", "source kind"));
        l->col[R_OBJECT_KIND] = find_any(l, NAMES("target type", "target kind"));
        l->col[R_DIRECTION] = find_any(l, NAMES("type", "direction"));
        l->col[R_SOURCE] = find_any(l, NAMES("sources", "source(s)", "source url", "citation", "citations"));
    } else if (ea >= 0 && eb >= 0) { /* a newsroom's pairs (BuzzFeed News' TrumpWorld) */
        l->what = "entity pairs";
        l->col[R_SUBJECT] = ea;
        l->col[R_OBJECT] = eb;
        l->col[R_SUBJECT_KIND] = find_any(l, NAMES("entity a type", "entity a kind"));
        l->col[R_OBJECT_KIND] = find_any(l, NAMES("entity b type", "entity b kind"));
        l->col[R_SOURCE] = find_any(l, NAMES("source(s)", "sources", "source", "source url", "citation"));
    } else if ((a = find_any(l, NAMES("id"))) >= 0) { /* a node table (Gephi's nodes) */
        l->what = "a node table";
        l->nodes = 1;
        l->col[R_ID] = a;
        l->col[R_LABEL] = find_any(l, NAMES("label", "name"));
        l->col[R_NODE_KIND] = find_any(l, NAMES("kind", "type"));
        return 1;
    } else {
        return 0;
    }
    l->col[R_PREDICATE] = find_any(l, NAMES("predicate", "relation", "relationship", "connection", "label"));
    l->col[R_WEIGHT] = find_any(l, NAMES("weight"));
    l->col[R_DATE] = find_any(l, NAMES("date", "as of", "as_of"));
    l->col[R_QUOTE] = find_any(l, NAMES("quote"));
    return 1;
}

/* ------------------------------------------------------------ mapping */

/* The column a mapping names: exactly, else as same_name compares; else an error with the close ones. */
static int column_named(const csv_layout_t *l, const char *key, const char *name, const char *where, int *col,
                        kg_error_t *err)
{
    for (size_t i = 0; i < l->n_cols; i++)
        if (!strcmp(l->header[i], name))
            return (*col = (int)i, KG_OK);
    for (size_t i = 0; i < l->n_cols; i++)
        if (same_name(l->header[i], name))
            return (*col = (int)i, KG_OK);
    const char *close = kg_closest_name(name, (const char *const *)l->header, l->n_cols);
    char list[KG_ERROR_TEXT_LENGTH / 2] = "";
    size_t n = 0;
    for (size_t i = 0; i < l->n_cols && n < sizeof list - 1; i++)
        n += (size_t)snprintf(list + n, sizeof list - n, "%s\"%s\"", i ? ", " : "", l->header[i]);
    return kg_error_set(err, KG_EINPUT, where, 1, 0, "%s=\"%s\": the header has no such column%s%s%s (it has: %s)",
                        key, name, close ? "; did you mean \"" : "", close ? close : "", close ? "\"?" : "", list);
}

/* The mapping file's keys, checked: a misspelt one is named, with what it may have meant. */
static int check_mapping(const json_t *m, const char *file, kg_error_t *err)
{
    const char *key;
    json_t *v;
    json_object_foreach((json_t *)m, key, v) {
        const char *all[R_COUNT + 8];
        size_t n = 0;
        int known = 0;
        for (int r = 0; r < R_COUNT; r++)
            all[n++] = role_names[r], known |= !strcmp(key, role_names[r]);
        for (const char *const *o = other_keys; *o; o++)
            all[n++] = *o, known |= !strcmp(key, *o);
        if (!known) {
            const char *close = kg_closest_name(key, all, n);
            return kg_error_set(err, KG_EINPUT, file, 0, 0, "mapping: unknown key \"%s\"%s%s%s", key,
                                close ? " (did you mean \"" : "", close ? close : "", close ? "\"?)" : "");
        }
        if (!json_is_string(v) && !(json_is_array(v) && strstr(key, "_attrs")))
            return kg_error_set(err, KG_EINPUT, file, 0, 0, "mapping: \"%s\" must be %s", key,
                                strstr(key, "_attrs") ? "a list of column names" : "a column name (a string)");
    }
    return KG_OK;
}

/* A setting: the parameter when given, else the mapping file's, else NULL. */
static const char *setting(const kg_opts_t *opts, const json_t *m, const char *key)
{
    const char *v = kg_opts_get(opts, key);
    return v ? v : json_string_value(json_object_get(m, key));
}

/* The columns of a *_attrs list (comma-separated text, or a mapping's list) marked as `mark`. */
static int mark_list(csv_layout_t *l, const kg_opts_t *opts, const json_t *m, const char *key, unsigned char mark,
                     const char *where, kg_error_t *err)
{
    const char *text = kg_opts_get(opts, key);
    const json_t *list = text ? NULL : json_object_get(m, key);
    if (!text && json_is_string(list))
        text = json_string_value(list);
    size_t i;
    json_t *item;
    if (json_is_array(list)) {
        json_array_foreach(list, i, item) {
            int col, rc;
            if (!json_is_string(item))
                return kg_error_set(err, KG_EINPUT, where, 0, 0, "mapping: \"%s\" must list column names", key);
            if ((rc = column_named(l, key, json_string_value(item), where, &col, err)))
                return rc;
            l->use[col] = mark;
        }
        return KG_OK;
    }
    for (const char *p = text; p && *p;) {
        const char *comma = strchr(p, ',');
        size_t n = comma ? (size_t)(comma - p) : strlen(p);
        char name[256];
        snprintf(name, sizeof name, "%.*s", (int)n, p);
        int col, rc;
        if (*name && (rc = column_named(l, key, name, where, &col, err)))
            return rc;
        if (*name)
            l->use[col] = mark;
        p = comma ? comma + 1 : NULL;
    }
    return KG_OK;
}

int csv_layout_mapped(const kg_opts_t *opts)
{
    int mapped = kg_opts_get(opts, "mapping") != NULL;
    for (int r = 0; r < R_COUNT && !mapped; r++)
        mapped = kg_opts_get(opts, role_names[r]) != NULL;
    return mapped;
}

int csv_layout_open(kg_graph_t *g, const csv_reader_t *h, const kg_opts_t *opts, csv_layout_t **out,
                    kg_error_t *err)
{
    *out = NULL;
    const char *file = kg_opts_get(opts, "mapping");
    json_t *m = NULL;
    int mapped = csv_layout_mapped(opts), rc = KG_OK;
    if (file) {
        json_error_t je;
        if (!(m = json_load_file(file, JSON_REJECT_DUPLICATES, &je)))
            return -kg_error_set(err, KG_EINPUT, file, je.line, je.column, "mapping: %s", je.text);
        if (!json_is_object(m)) {
            json_decref(m);
            return -kg_error_set(err, KG_EINPUT, file, 1, 1, "mapping: a JSON object of roles and columns expected");
        }
        if ((rc = check_mapping(m, file, err))) {
            json_decref(m);
            return -rc;
        }
    }
    csv_layout_t *l = calloc(1, sizeof *l);
    if (!l || !(l->header = calloc(h->n + 1, sizeof *l->header)) || !(l->use = calloc(h->n + 1, 1)))
        goto nomem;
    l->n_cols = h->n;
    for (size_t i = 0; i < h->n; i++) { /* names as people mean them: "id, name" has the column "name" */
        const char *f = h->fields[i];
        while (*f == ' ')
            f++;
        size_t n = strlen(f);
        while (n && f[n - 1] == ' ')
            n--;
        if (!(l->header[i] = strndup(f, n)))
            goto nomem;
    }
    for (int r = 0; r < R_COUNT; r++)
        l->col[r] = -1;
    if (!mapped && !recognise(l)) {
        csv_layout_free(l);
        json_decref(m);
        return 0;
    }
    const char *where = file ? file : h->path;
    if (mapped) {
        l->what = "the mapping";
        for (int r = 0; r < R_COUNT && !rc; r++) {
            const char *name = setting(opts, m, role_names[r]);
            if (name && *name) /* "-p subject_kind=" says none */
                rc = column_named(l, role_names[r], name, where, &l->col[r], err);
        }
        if (!rc && l->col[R_SUBJECT] < 0 && l->col[R_ID] < 0)
            rc = kg_error_set(err, KG_EUSAGE, where, 0, 0,
                              "the mapping names no subject column (-p subject=COLUMN) nor, for a node table, an id "
                              "column (-p id=COLUMN)");
        if (!rc && l->col[R_SUBJECT] >= 0 && l->col[R_OBJECT] < 0 && l->col[R_VALUE] < 0)
            rc = kg_error_set(err, KG_EUSAGE, where, 0, 0,
                              "the mapping names a subject but neither an object (-p object=COLUMN: relations) nor "
                              "a value (-p value=COLUMN: claims)");
        l->nodes = l->col[R_SUBJECT] < 0;
    }
    const char *kind = setting(opts, m, "kind"), *pred = setting(opts, m, "predicate_value"), *ends;
    if (!rc && !pred)
        rc = kg_param_string(NULL, csv_import_params, "predicate_value", &pred, err);
    if (!rc && ((kind && !(l->kind = strdup(kind))) || !(l->predicate = strdup(pred))))
        goto nomem;
    if (!rc && !(ends = setting(opts, m, "ends")))
        rc = kg_param_string(NULL, csv_import_params, "ends", &ends, err);
    if (!rc) {
        if (!strcmp(ends, "auto"))
            l->ends = ENDS_AUTO;
        else if (!strcmp(ends, "id"))
            l->ends = ENDS_ID;
        else if (!strcmp(ends, "name"))
            l->ends = ENDS_NAME;
        else
            rc = kg_error_set(err, KG_EUSAGE, where, 0, 0, "ends must be \"auto\", \"id\" or \"name\", not \"%s\"",
                              ends);
    }
    for (int r = 0; r < R_COUNT; r++)
        if (l->col[r] >= 0)
            l->use[l->col[r]] = 1;
    if (!rc)
        rc = mark_list(l, opts, m, "subject_attrs", 2, where, err);
    if (!rc)
        rc = mark_list(l, opts, m, "object_attrs", 3, where, err);
    json_decref(m);
    if (rc) {
        csv_layout_free(l);
        return -rc;
    }
    (void)g;
    *out = l;
    return 1;
nomem:
    csv_layout_free(l);
    json_decref(m);
    return -kg_error_set(err, KG_ENOMEM, h->path, 0, 0, "out of memory");
}

int csv_layout_unknown(const csv_reader_t *h, kg_error_t *err)
{
    char list[KG_ERROR_TEXT_LENGTH / 3] = "";
    size_t n = 0;
    for (size_t i = 0; i < h->n && n < sizeof list - 1; i++)
        n += (size_t)snprintf(list + n, sizeof list - n, "%s\"%s\"", i ? ", " : "", h->fields[i]);
    return kg_error_set(err, KG_EINPUT, h->path, h->line, 1,
                        "the header (%s) is no layout kgkit knows: give the columns' roles, e.g. -p subject=COLUMN "
                        "-p object=COLUMN -p predicate=COLUMN, or -p mapping=FILE.json (docs/csv.md). Known "
                        "without a mapping: an edge list (Source, Target), entity pairs (Entity A, Entity B), a "
                        "node table (Id), and kgkit's statements, entities and predicates tables",
                        list);
}

/* -------------------------------------------------------------- rows */

/* A cell without the spaces around it ("FDP " is FDP), NULL when empty. The reader's copy is trimmed in place. */
static const char *cell_at(const csv_reader_t *r, int col)
{
    if (col < 0 || (size_t)col >= r->n)
        return NULL;
    char *s = r->fields[col];
    while (*s == ' ')
        s++;
    size_t n = strlen(s);
    while (n && s[n - 1] == ' ')
        s[--n] = '\0';
    return *s ? s : NULL;
}

/* A kind as a kgkit kind: lowercase, spaces as underscores ("Organization" -> organization, "PERSON" ->
 * person). */
static void kind_text(const char *s, char *out, size_t size)
{
    size_t n = 0;
    for (; *s && n + 1 < size; s++)
        out[n++] = *s == ' ' ? '_' : (char)tolower((unsigned char)*s);
    while (n && out[n - 1] == '_')
        n--;
    out[n] = '\0';
}

/* Whether a cell names an entity by its id: a token without spaces or capital letters ("1", "q42",
 * "person:x"); names are everything else ("George Keith", "ACME", non-Latin script). */
static int looks_like_id(const char *s)
{
    for (; *s; s++)
        if (isspace((unsigned char)*s) || isupper((unsigned char)*s) || (unsigned char)*s >= 0x80)
            return 0;
    return 1;
}

#define BAD(col, ...) kg_error_set(err, KG_EINPUT, r->path, r->line, (col) + 1, __VA_ARGS__)

/* The entity a subject or object cell names, made when new; attrs (may be NULL) are its attributes. */
static int end_entity(kg_graph_t *g, const csv_layout_t *l, const csv_reader_t *r, const char *text,
                      const char *kind, json_t *attrs, kg_buf_t *id, kg_error_t *err)
{
    char k[128] = "";
    if (kind)
        kind_text(kind, k, sizeof k);
    int as_id = l->ends == ENDS_ID || (l->ends == ENDS_AUTO && looks_like_id(text));
    kg_buf_clear(id);
    if (as_id)
        kg_buf_puts(id, text);
    else
        kg_slug_id(*k ? k : "entity", text, id);
    if (id->failed)
        return kg_error_set(err, KG_ENOMEM, r->path, r->line, 0, "out of memory");
    kg_entity_spec_t s;
    kg_entity_spec_init(&s);
    s.id = id->data;
    s.kind = *k ? k : NULL;
    s.label = as_id ? NULL : text;
    s.attrs = json_object_size(attrs) ? attrs : NULL;
    s.origin = r->path;
    s.line = r->line;
    return kg_graph_add_entity(g, &s, NULL, err);
}

/* The sources a cell cites (";" or "|" between them), each as kg_graph_source_from_text reads it. */
static int cite_sources(kg_graph_t *g, const csv_reader_t *r, char *cell, const char *quote, kg_cite_t **cites,
                        size_t *n, kg_buf_t *ids, kg_error_t *err)
{
    size_t cap = 1;
    for (const char *c = cell; *c; c++)
        cap += *c == ';' || *c == '|';
    char **names = malloc(cap * sizeof *names);
    *cites = malloc(cap * sizeof **cites);
    *n = 0;
    if (!names || !*cites) {
        free(names);
        return kg_error_set(err, KG_ENOMEM, r->path, r->line, 0, "out of memory");
    }
    size_t k = 0;
    for (char *p = cell; p;) {
        char *sep = strpbrk(p, ";|");
        if (sep)
            *sep = '\0';
        while (isspace((unsigned char)*p))
            p++;
        char *e = p + strlen(p);
        while (e > p && isspace((unsigned char)e[-1]))
            *--e = '\0';
        if (*p)
            names[k++] = p;
        p = sep ? sep + 1 : NULL;
    }
    /* every id in one buffer: they must outlive the loop, and the buffer may move as it grows */
    size_t *at = malloc((k + 1) * sizeof *at);
    int rc = at ? KG_OK : kg_error_set(err, KG_ENOMEM, r->path, r->line, 0, "out of memory");
    kg_buf_clear(ids);
    kg_buf_t one = KG_BUF_INIT;
    for (size_t i = 0; i < k && !rc; i++) {
        at[i] = ids->len;
        if ((rc = kg_graph_source_from_text(g, names[i], r->path, r->line, &one, err)))
            break;
        kg_buf_add(ids, one.data, one.len + 1);
    }
    kg_buf_free(&one);
    if (!rc && ids->failed)
        rc = kg_error_set(err, KG_ENOMEM, r->path, r->line, 0, "out of memory");
    for (size_t i = 0; i < k && !rc; i++) {
        (*cites)[*n].source = ids->data + at[i];
        (*cites)[(*n)++].quote = i == 0 ? quote : NULL;
    }
    free(at);
    free(names);
    return rc;
}

/* A cell as an attribute: its text ("types are declared, not guessed", docs/csv.md). */
static int put_attr(json_t *o, const char *name, const char *text)
{
    return json_object_set_new(o, name, json_string(text));
}

static int node_row(kg_graph_t *g, csv_layout_t *l, const csv_reader_t *r, kg_error_t *err)
{
    const char *id = cell_at(r, l->col[R_ID]), *kind = cell_at(r, l->col[R_NODE_KIND]);
    if (!id)
        return BAD(l->col[R_ID], "column \"%s\" (the id) is empty", l->header[l->col[R_ID]]);
    char k[128] = "";
    if (kind || l->kind)
        kind_text(kind ? kind : l->kind, k, sizeof k);
    json_t *attrs = json_object();
    for (size_t c = 0; c < l->n_cols && attrs; c++)
        if (!l->use[c] && cell_at(r, (int)c))
            put_attr(attrs, l->header[c], cell_at(r, (int)c));
    kg_entity_spec_t s;
    kg_entity_spec_init(&s);
    s.id = id;
    s.kind = *k ? k : NULL;
    s.label = cell_at(r, l->col[R_LABEL]);
    s.attrs = json_object_size(attrs) ? attrs : NULL;
    s.origin = r->path;
    s.line = r->line;
    int rc = attrs ? kg_graph_add_entity(g, &s, NULL, err) : kg_error_set(err, KG_ENOMEM, r->path, 0, 0, "out of memory");
    json_decref(attrs);
    return rc;
}

static int stmt_row(kg_graph_t *g, csv_layout_t *l, const csv_reader_t *r, kg_error_t *err)
{
    const char *subject = cell_at(r, l->col[R_SUBJECT]), *object = cell_at(r, l->col[R_OBJECT]),
               *value = cell_at(r, l->col[R_VALUE]);
    if (!subject)
        return BAD(l->col[R_SUBJECT], "column \"%s\" (the subject) is empty", l->header[l->col[R_SUBJECT]]);
    if (object && value)
        return BAD(l->col[R_VALUE], "a row has an object (a relation) or a value (a claim), not both");
    if (!object && !value)
        return BAD(l->col[l->col[R_OBJECT] >= 0 ? R_OBJECT : R_VALUE], "column \"%s\" is empty",
                   l->header[l->col[l->col[R_OBJECT] >= 0 ? R_OBJECT : R_VALUE]]);
    json_t *sa = json_object(), *oa = json_object(), *attrs = json_object();
    kg_buf_t sid = KG_BUF_INIT, oid = KG_BUF_INIT, src_ids = KG_BUF_INIT;
    kg_cite_t *cites = NULL;
    size_t n_cites = 0;
    char *src_cell = NULL;
    int rc = sa && oa && attrs ? KG_OK : kg_error_set(err, KG_ENOMEM, r->path, 0, 0, "out of memory");
    for (size_t c = 0; c < l->n_cols && !rc; c++) {
        const char *t = cell_at(r, (int)c);
        if (t && l->use[c] != 1)
            put_attr(l->use[c] == 2 ? sa : l->use[c] == 3 ? oa : attrs, l->header[c], t);
    }
    const char *sk = cell_at(r, l->col[R_SUBJECT_KIND]), *ok = cell_at(r, l->col[R_OBJECT_KIND]);
    if (!rc)
        rc = end_entity(g, l, r, subject, sk ? sk : l->kind, sa, &sid, err);
    if (!rc && object)
        rc = end_entity(g, l, r, object, ok ? ok : l->kind, oa, &oid, err);
    kg_stmt_spec_t s;
    kg_stmt_spec_init(&s);
    s.subject = sid.data;
    s.object = object ? oid.data : NULL;
    const char *pred = cell_at(r, l->col[R_PREDICATE]);
    s.predicate = pred ? pred : l->predicate;
    if (!rc && value) {
        const char *q = cell_at(r, l->col[R_QUALIFIER]);
        kg_predicate_t p;
        int text = kg_graph_predicate_declared(g, s.predicate, &p) == KG_OK && p.value_type == KG_VALUE_TEXT;
        if (!text && kg_number_parse(value, &s.value.amount) == 0) {
            s.value.type = KG_VALUE_NUMBER;
            s.value.unit = cell_at(r, l->col[R_UNIT]);
            if (q && kg_qualifier_parse(q, &s.value.qualifier) != KG_OK) {
                char expected[512];
                kg_qualifier_expected(q, expected, sizeof expected);
                rc = BAD(l->col[R_QUALIFIER], "column \"%s\": unknown qualifier \"%s\": %s",
                         l->header[l->col[R_QUALIFIER]], q, expected);
            }
        } else {
            s.value.type = KG_VALUE_TEXT;
            s.value.text = value;
        }
    }
    const char *date = cell_at(r, l->col[R_DATE]), *weight = cell_at(r, l->col[R_WEIGHT]),
               *dir = cell_at(r, l->col[R_DIRECTION]);
    kg_when_t w;
    if (!rc && date && kg_when_parse(date, &w, NULL) != KG_OK)
        rc = BAD(l->col[R_DATE], "column \"%s\": \"%s\" is not %s", l->header[l->col[R_DATE]], date, KG_WHEN_EXPECTED);
    s.as_of = date;
    double wt;
    if (!rc && weight) {
        if (kg_number_parse(weight, &wt))
            rc = BAD(l->col[R_WEIGHT], "column \"%s\" (the weight): \"%s\" is not a number",
                     l->header[l->col[R_WEIGHT]], weight);
        else
            json_object_set_new(attrs, "weight", json_real(wt));
    }
    if (!rc && dir) { /* Gephi's Type: Directed or Undirected; any other word is the column's own value */
        if (!strcasecmp(dir, "undirected"))
            json_object_set_new(attrs, "undirected", json_true());
        else if (strcasecmp(dir, "directed"))
            put_attr(attrs, l->header[l->col[R_DIRECTION]], dir);
    }
    const char *src = cell_at(r, l->col[R_SOURCE]), *quote = cell_at(r, l->col[R_QUOTE]);
    if (!rc && quote && !src)
        rc = BAD(l->col[R_QUOTE], "a quote without a source");
    if (!rc && src) {
        if (!(src_cell = strdup(src)))
            rc = kg_error_set(err, KG_ENOMEM, r->path, 0, 0, "out of memory");
        else
            rc = cite_sources(g, r, src_cell, quote, &cites, &n_cites, &src_ids, err);
    }
    if (!rc && (sid.failed || oid.failed))
        rc = kg_error_set(err, KG_ENOMEM, r->path, 0, 0, "out of memory");
    if (!rc) {
        s.cites = cites;
        s.n_cites = n_cites;
        s.attrs = json_object_size(attrs) ? attrs : NULL;
        s.origin = r->path;
        s.line = r->line;
        rc = kg_graph_add_stmt(g, &s, NULL, err);
    }
    free(cites);
    free(src_cell);
    kg_buf_free(&sid);
    kg_buf_free(&oid);
    kg_buf_free(&src_ids);
    json_decref(sa);
    json_decref(oa);
    json_decref(attrs);
    return rc;
}

int csv_layout_row(kg_graph_t *g, csv_layout_t *l, const csv_reader_t *r, kg_error_t *err)
{
    return l->nodes ? node_row(g, l, r, err) : stmt_row(g, l, r, err);
}

void csv_layout_close(kg_graph_t *g, csv_layout_t *l, const char *path, size_t rows)
{
    kg_buf_t b = KG_BUF_INIT;
    kg_buf_printf(&b, "read %zu row%s as %s:", rows, rows == 1 ? "" : "s", l->what);
    int first = 1;
    for (int r = 0; r < R_COUNT; r++)
        if (l->col[r] >= 0) {
            kg_buf_printf(&b, "%s %s \"%s\"", first ? "" : ",", role_names[r], l->header[l->col[r]]);
            first = 0;
        }
    static const char *const what[] = {NULL, NULL, "the subject's attributes", "the object's attributes"};
    for (unsigned char mark = 2; mark <= 3; mark++) {
        int any = 0;
        for (size_t c = 0; c < l->n_cols; c++)
            if (l->use[c] == mark) {
                kg_buf_printf(&b, "%s\"%s\"", any ? ", " : "; as ", l->header[c]);
                any = 1;
            }
        if (any)
            kg_buf_printf(&b, " %s", what[mark]);
    }
    int any = 0;
    for (size_t c = 0; c < l->n_cols; c++)
        if (!l->use[c]) {
            kg_buf_printf(&b, "%s\"%s\"", any ? ", " : "; the other columns as attributes: ", l->header[c]);
            any = 1;
        }
    if (!b.failed)
        kg_graph_warn(g, path, 0, 0, "%s", b.data);
    kg_buf_free(&b);
}
