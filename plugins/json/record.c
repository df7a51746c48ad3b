/* record.c - native records (source, entity, statement, predicate) to graph and back. */
#include "json_plugin.h"

#include <math.h>
#include <stdlib.h>
#include <stdarg.h>
#include <string.h>

static int fail(rec_ctx_t *c, int code, const char *fmt, ...) KG_PRINTF(3, 4);

/* An error at the record being read: its file, line and column. */
static int fail(rec_ctx_t *c, int code, const char *fmt, ...)
{
    char text[KG_ERROR_TEXT_LENGTH];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(text, sizeof text, fmt, ap);
    va_end(ap);
    return kg_error_set(c->err, code, c->path, c->line, c->column, "%s", text);
}

/* Every member must be one of the allowed names. */
static int check_fields(rec_ctx_t *c, json_t *rec, const char *what, const char *const *allowed, int type_field)
{
    const char *key;
    json_t *v;
    json_object_foreach(rec, key, v) {
        int ok = type_field && strcmp(key, "type") == 0;
        for (const char *const *a = allowed; !ok && *a; a++)
            ok = strcmp(key, *a) == 0;
        if (!ok) {
            char list[300] = "";
            size_t len = 0;
            for (const char *const *a = allowed; *a; a++)
                len += (size_t)snprintf(list + len, sizeof list - len, "%s%s", len ? ", " : "", *a);
            return kg_error_set(c->err, KG_EINPUT, c->path, c->line, c->column,
                                "unknown field \"%s\" in %s (expected: %s)", key, what, list);
        }
    }
    return KG_OK;
}

/* An optional string member: *out stays NULL when absent. */
static int get_str(rec_ctx_t *c, json_t *rec, const char *what, const char *field, const char **out)
{
    json_t *v = json_object_get(rec, field);
    *out = NULL;
    if (!v || json_is_null(v))
        return KG_OK;
    if (!json_is_string(v))
        return kg_error_set(c->err, KG_EINPUT, c->path, c->line, c->column, "%s: field \"%s\" must be a string",
                            what, field);
    *out = json_string_value(v);
    return KG_OK;
}

static int get_aliases(rec_ctx_t *c, json_t *rec, const char *what, const char ***out, size_t *n)
{
    json_t *a = json_object_get(rec, "aliases");
    *out = NULL;
    *n = 0;
    if (!a || json_is_null(a))
        return KG_OK;
    if (!json_is_array(a))
        return kg_error_set(c->err, KG_EINPUT, c->path, c->line, c->column,
                            "%s: field \"aliases\" must be an array of strings", what);
    size_t m = json_array_size(a);
    const char **list = malloc((m + 1) * sizeof *list);
    if (!list)
        return kg_error_set(c->err, KG_ENOMEM, c->path, c->line, c->column, "out of memory");
    for (size_t i = 0; i < m; i++) {
        json_t *s = json_array_get(a, i);
        if (!json_is_string(s)) {
            free(list);
            return kg_error_set(c->err, KG_EINPUT, c->path, c->line, c->column,
                                "%s: aliases[%zu] must be a string", what, i);
        }
        list[i] = json_string_value(s);
    }
    *out = list;
    *n = m;
    return KG_OK;
}

static int get_attrs(rec_ctx_t *c, json_t *rec, const char *what, json_t **out)
{
    json_t *a = json_object_get(rec, "attrs");
    *out = NULL;
    if (!a || json_is_null(a))
        return KG_OK;
    if (!json_is_object(a))
        return kg_error_set(c->err, KG_EINPUT, c->path, c->line, c->column, "%s: field \"attrs\" must be an object",
                            what);
    *out = a;
    return KG_OK;
}

static int add_entity(rec_ctx_t *c, json_t *rec, kg_entity_spec_t *spec, const char *what)
{
    int rc;
    json_t *attrs;
    const char **aliases = NULL;
    if ((rc = get_aliases(c, rec, what, &aliases, &spec->n_aliases)) || (rc = get_attrs(c, rec, what, &attrs))) {
        free(aliases); /* the aliases were read when the attributes are what is wrong */
        return rc;
    }
    spec->aliases = aliases;
    spec->attrs = attrs;
    spec->origin = c->path;
    spec->line = c->line;
    rc = kg_graph_add_entity(c->g, spec, NULL, c->err);
    if (rc && c->err->column == 0)
        c->err->column = c->column;
    free(aliases);
    return rc;
}

static int require_id(rec_ctx_t *c, json_t *rec, const char *what, const char **id)
{
    int rc = get_str(c, rec, what, "id", id);
    if (rc)
        return rc;
    if (!*id || !**id)
        return fail(c, KG_EINPUT, "%s without an \"id\"", what);
    return KG_OK;
}

int rec_source(rec_ctx_t *c, json_t *rec, int type_field)
{
    static const char *const allowed[] = {"id", "title", "publisher", "url", "published", "aliases", "attrs", NULL};
    kg_entity_spec_t spec;
    memset(&spec, 0, sizeof spec);
    int rc;
    char what[300];
    if ((rc = require_id(c, rec, "source", &spec.id)))
        return rc;
    snprintf(what, sizeof what, "source \"%s\"", spec.id);
    if ((rc = check_fields(c, rec, what, allowed, type_field)) || (rc = get_str(c, rec, what, "title", &spec.label)) ||
        (rc = get_str(c, rec, what, "publisher", &spec.publisher)) || (rc = get_str(c, rec, what, "url", &spec.url)) ||
        (rc = get_str(c, rec, what, "published", &spec.date)))
        return rc;
    spec.kind = KG_KIND_SOURCE;
    return add_entity(c, rec, &spec, what);
}

int rec_entity(rec_ctx_t *c, json_t *rec, int type_field)
{
    static const char *const allowed[] = {"id", "kind", "label", "aliases", "date", "attrs", "publisher", "url", NULL};
    kg_entity_spec_t spec;
    memset(&spec, 0, sizeof spec);
    int rc;
    char what[300];
    if ((rc = require_id(c, rec, "entity", &spec.id)))
        return rc;
    snprintf(what, sizeof what, "entity \"%s\"", spec.id);
    if ((rc = check_fields(c, rec, what, allowed, type_field)) || (rc = get_str(c, rec, what, "kind", &spec.kind)) ||
        (rc = get_str(c, rec, what, "label", &spec.label)) || (rc = get_str(c, rec, what, "date", &spec.date)) ||
        (rc = get_str(c, rec, what, "publisher", &spec.publisher)) || (rc = get_str(c, rec, what, "url", &spec.url)))
        return rc;
    if ((spec.publisher || spec.url) && (!spec.kind || strcmp(spec.kind, KG_KIND_SOURCE) != 0))
        return fail(c, KG_EINPUT, "%s: \"publisher\" and \"url\" belong to entities of kind \"source\"", what);
    return add_entity(c, rec, &spec, what);
}

/* -------------------------------------------------------------- values */

static int get_number(rec_ctx_t *c, json_t *v, const char *field, double *out)
{
    if (!json_is_number(v))
        return fail(c, KG_EINPUT, "field \"%s\" must be a number", field);
    *out = json_number_value(v);
    return KG_OK;
}

static int parse_value(rec_ctx_t *c, json_t *v, kg_value_t *out)
{
    kg_value_init(out);
    if (json_is_number(v)) {
        out->type = KG_VALUE_NUMBER;
        out->amount = json_number_value(v);
        return KG_OK;
    }
    if (json_is_string(v)) {
        out->type = KG_VALUE_TEXT;
        out->text = json_string_value(v);
        return KG_OK;
    }
    if (!json_is_object(v))
        return fail(c, KG_EINPUT, "field \"value\" must be a number, a string or an object "
                                  "({\"amount\": ...}, {\"text\": ...} or {\"date\": ...})");
    int rc;
    json_t *x;
    json_t *amount = json_object_get(v, "amount");
    if (amount || json_object_get(v, "qualifier")) {
        /* a number; a vague quantity ({"qualifier": "thousands"}) has no amount */
        static const char *const allowed[] = {"amount", "qualifier", "unit", "lower", "upper", NULL};
        if ((rc = check_fields(c, v, "value", allowed, 0)) ||
            (amount && (rc = get_number(c, amount, "value.amount", &out->amount))))
            return rc;
        out->type = KG_VALUE_NUMBER;
        if ((x = json_object_get(v, "lower")) && (rc = get_number(c, x, "value.lower", &out->lower)))
            return rc;
        if ((x = json_object_get(v, "upper")) && (rc = get_number(c, x, "value.upper", &out->upper)))
            return rc;
        if ((rc = get_str(c, v, "value", "unit", &out->unit)))
            return rc;
        const char *q = NULL;
        if ((rc = get_str(c, v, "value", "qualifier", &q)))
            return rc;
        if (q && kg_qualifier_parse(q, &out->qualifier) != KG_OK) {
            char expected[512];
            kg_qualifier_expected(q, expected, sizeof expected);
            return fail(c, KG_EINPUT, "field \"value.qualifier\": unknown qualifier \"%s\": %s", q, expected);
        }
        if (!amount && !kg_qualifier_is_vague(out->qualifier))
            return fail(c, KG_EINPUT, "field \"value\": a number needs \"amount\" (only a vague quantity such as "
                        "\"thousands\" has none; \"%s\" is not one)", q ? q : "exact");
        return KG_OK;
    }
    if (json_object_get(v, "text")) {
        static const char *const allowed[] = {"text", NULL};
        if ((rc = check_fields(c, v, "value", allowed, 0)) || (rc = get_str(c, v, "value", "text", &out->text)))
            return rc;
        out->type = KG_VALUE_TEXT;
        return out->text ? KG_OK : fail(c, KG_EINPUT, "field \"value.text\" must be a string");
    }
    if (json_object_get(v, "date")) {
        static const char *const allowed[] = {"date", NULL};
        if ((rc = check_fields(c, v, "value", allowed, 0)) || (rc = get_str(c, v, "value", "date", &out->text)))
            return rc;
        out->type = KG_VALUE_DATE;
        return out->text ? KG_OK : fail(c, KG_EINPUT, "field \"value.date\" must be a string");
    }
    return fail(c, KG_EINPUT, "field \"value\": an object value needs \"amount\", \"text\" or \"date\"");
}

static int parse_sources(rec_ctx_t *c, json_t *rec, kg_cite_t **out, size_t *n)
{
    json_t *a = json_object_get(rec, "sources");
    *out = NULL;
    *n = 0;
    if (!a || json_is_null(a))
        return KG_OK;
    if (!json_is_array(a))
        return fail(c, KG_EINPUT, "field \"sources\" must be an array of source ids or {\"id\", \"quote\"} objects"
                    );
    size_t m = json_array_size(a);
    kg_cite_t *list = calloc(m + 1, sizeof *list);
    if (!list)
        return fail(c, KG_ENOMEM, "out of memory");
    for (size_t i = 0; i < m; i++) {
        json_t *s = json_array_get(a, i);
        if (json_is_string(s)) {
            list[i].source = json_string_value(s);
            continue;
        }
        json_t *id = json_is_object(s) ? json_object_get(s, "id") : NULL;
        json_t *q = json_is_object(s) ? json_object_get(s, "quote") : NULL;
        int bad = !json_is_string(id) || (q && !json_is_null(q) && !json_is_string(q));
        if (!bad) {
            static const char *const allowed[] = {"id", "quote", NULL};
            if (check_fields(c, s, "sources[]", allowed, 0)) {
                free(list);
                return c->err->code;
            }
        }
        if (bad) {
            free(list);
            char idx[32];
            snprintf(idx, sizeof idx, "%zu", i);
            return fail(c, KG_EINPUT, "field \"sources[%s]\" must be a source id or {\"id\": ..., \"quote\": ...}",
                        idx);
        }
        list[i].source = json_string_value(id);
        list[i].quote = json_is_string(q) ? json_string_value(q) : NULL;
    }
    *out = list;
    *n = m;
    return KG_OK;
}

/* A statement record read into spec (cites is the caller's to free). */
static int read_statement(rec_ctx_t *c, json_t *rec, int type_field, kg_stmt_spec_t *spec, kg_cite_t **cites)
{
    static const char *const allowed[] = {"subject", "predicate", "object", "value", "as_of", "according_to",
                                          "sources", "attrs", NULL};
    kg_stmt_spec_init(spec);
    *cites = NULL;
    int rc;
    json_t *v, *attrs;
    if ((rc = check_fields(c, rec, "statement", allowed, type_field)) ||
        (rc = get_str(c, rec, "statement", "subject", &spec->subject)) ||
        (rc = get_str(c, rec, "statement", "predicate", &spec->predicate)) ||
        (rc = get_str(c, rec, "statement", "object", &spec->object)) ||
        (rc = get_str(c, rec, "statement", "as_of", &spec->as_of)) ||
        (rc = get_str(c, rec, "statement", "according_to", &spec->according_to)) ||
        (rc = get_attrs(c, rec, "statement", &attrs)))
        return rc;
    if ((v = json_object_get(rec, "value")) && !json_is_null(v) && (rc = parse_value(c, v, &spec->value)))
        return rc;
    if ((rc = parse_sources(c, rec, cites, &spec->n_cites)))
        return rc;
    spec->cites = *cites;
    spec->attrs = attrs;
    spec->origin = c->path;
    spec->line = c->line;
    return KG_OK;
}

static int add_statement(rec_ctx_t *c, const kg_stmt_spec_t *spec)
{
    int rc = kg_graph_add_stmt(c->g, spec, NULL, c->err);
    if (rc && c->err->column == 0)
        c->err->column = c->column;
    return rc;
}

int rec_statement(rec_ctx_t *c, json_t *rec, int type_field)
{
    kg_stmt_spec_t spec;
    kg_cite_t *cites;
    int rc = read_statement(c, rec, type_field, &spec, &cites);
    if (!rc)
        rc = add_statement(c, &spec);
    free(cites);
    return rc;
}

int rec_predicate(rec_ctx_t *c, const char *name, json_t *rec, int type_field)
{
    static const char *const allowed_doc[] = {"kind", "functional", "value_type", "unit", "tolerance",
                                              "cumulative", "symmetric", "label", "description", NULL};
    static const char *const allowed_line[] = {"name", "kind", "functional", "value_type", "unit", "tolerance",
                                               "cumulative", "symmetric", "label", "description", NULL};
    int rc;
    if (!json_is_object(rec))
        return fail(c, KG_EINPUT, "predicate \"%s\" must be an object", name ? name : "?");
    if (!name && ((rc = get_str(c, rec, "predicate", "name", &name)) || !name))
        return rc ? rc : fail(c, KG_EINPUT, "predicate record without a \"name\"");
    char what[300];
    snprintf(what, sizeof what, "predicate \"%s\"", name);
    if ((rc = check_fields(c, rec, what, type_field ? allowed_line : allowed_doc, type_field)))
        return rc;
    kg_predicate_t d;
    if ((rc = kg_predicate_from_json(name, rec, &d, c->err))) {
        char text[KG_ERROR_TEXT_LENGTH];
        snprintf(text, sizeof text, "%s", c->err->text); /* the words; the place is ours */
        return fail(c, rc, "%s", text);
    }
    rc = kg_graph_declare_predicate(c->g, &d, c->err);
    const json_t *sym = json_object_get(rec, "symmetric");
    if (!rc && sym && !json_is_boolean(sym))
        return fail(c, KG_EINPUT, "%s: field \"symmetric\" must be true or false", what);
    if (!rc && sym)
        rc = kg_graph_declare_symmetric(c->g, name, json_is_true(sym), c->err);
    if (rc && !c->err->source[0]) {
        snprintf(c->err->source, sizeof c->err->source, "%s", c->path);
        c->err->line = c->line;
        c->err->column = c->column;
    }
    return rc;
}

/* ------------------------------------------------------------ deferral */

/* An optional string in the arena: a 0 byte for none, else 1 and the string with its NUL. */
static void put_opt(kg_buf_t *b, const char *s)
{
    kg_buf_putc(b, s ? 1 : 0);
    if (s)
        kg_buf_add(b, s, strlen(s) + 1);
}

static const char *get_opt(const char **p)
{
    if (!*(*p)++)
        return NULL;
    const char *s = *p;
    *p += strlen(s) + 1;
    return s;
}

static int deferred_push(deferred_t *d, const kg_stmt_spec_t *spec, int line, int column)
{
    if (kg_array_reserve((void **)&d->recs, &d->cap, d->n + 1, sizeof *d->recs))
        return KG_ENOMEM;
    deferred_rec_t *r = &d->recs[d->n];
    r->at = d->text.len;
    put_opt(&d->text, spec->subject);
    put_opt(&d->text, spec->predicate);
    put_opt(&d->text, spec->object);
    put_opt(&d->text, spec->as_of);
    put_opt(&d->text, spec->according_to);
    put_opt(&d->text, spec->value.unit);
    put_opt(&d->text, spec->value.text);
    for (size_t i = 0; i < spec->n_cites; i++) {
        put_opt(&d->text, spec->cites[i].source);
        put_opt(&d->text, spec->cites[i].quote);
    }
    if (d->text.failed)
        return KG_ENOMEM;
    r->n_cites = spec->n_cites;
    r->type = spec->value.type;
    r->qualifier = spec->value.qualifier;
    r->amount = spec->value.amount;
    r->lower = spec->value.lower;
    r->upper = spec->value.upper;
    r->attrs = json_incref((json_t *)spec->attrs);
    r->line = line;
    r->column = column;
    d->n++;
    return KG_OK;
}

void deferred_clear(deferred_t *d)
{
    for (size_t i = 0; i < d->n; i++)
        json_decref(d->recs[i].attrs);
    d->n = 0;
    kg_buf_clear(&d->text);
}

void deferred_free(deferred_t *d)
{
    deferred_clear(d);
    kg_buf_free(&d->text);
    free(d->recs);
    memset(d, 0, sizeof *d);
}

/* The spec of waiting statement i; its strings are the list's, its citations in *cites (grown as needed). */
static int deferred_spec(const deferred_t *d, size_t i, kg_stmt_spec_t *spec, kg_cite_t **cites, size_t *cap)
{
    const deferred_rec_t *r = &d->recs[i];
    const char *p = d->text.data + r->at;
    kg_stmt_spec_init(spec);
    spec->subject = get_opt(&p);
    spec->predicate = get_opt(&p);
    spec->object = get_opt(&p);
    spec->as_of = get_opt(&p);
    spec->according_to = get_opt(&p);
    spec->value.unit = get_opt(&p);
    spec->value.text = get_opt(&p);
    spec->value.type = r->type;
    spec->value.qualifier = r->qualifier;
    spec->value.amount = r->amount;
    spec->value.lower = r->lower;
    spec->value.upper = r->upper;
    if (r->n_cites && kg_array_reserve((void **)cites, cap, r->n_cites, sizeof **cites))
        return KG_ENOMEM;
    for (size_t k = 0; k < r->n_cites; k++) {
        (*cites)[k].source = get_opt(&p);
        (*cites)[k].quote = get_opt(&p);
    }
    spec->cites = *cites;
    spec->n_cites = r->n_cites;
    spec->attrs = r->attrs;
    spec->line = r->line;
    return KG_OK;
}

int deferred_flush(deferred_t *d, rec_ctx_t *c, int type_field)
{
    (void)type_field; /* the records were checked when read */
    kg_cite_t *cites = NULL;
    size_t cap = 0;
    int rc = KG_OK;
    for (size_t i = 0; i < d->n && !rc; i++) {
        kg_stmt_spec_t spec;
        if (deferred_spec(d, i, &spec, &cites, &cap)) {
            rc = kg_error_set(c->err, KG_ENOMEM, c->path, d->recs[i].line, 0, "out of memory");
            break;
        }
        spec.origin = c->path;
        c->line = d->recs[i].line;
        c->column = d->recs[i].column;
        rc = add_statement(c, &spec);
    }
    free(cites);
    return rc;
}

/* Adds a statement now, or makes it wait in d when it names an entity not known yet. */
static int add_or_defer(rec_ctx_t *c, const kg_stmt_spec_t *spec, deferred_t *d)
{
    /* first without a message: most statements of a big file may name an entity defined further on */
    int rc = kg_graph_add_stmt(c->g, spec, NULL, NULL);
    if (rc == KG_ENOTFOUND)
        return deferred_push(d, spec, c->line, c->column) == KG_OK
                   ? KG_OK
                   : kg_error_set(c->err, KG_ENOMEM, c->path, c->line, 0, "out of memory");
    if (rc) /* another failure: again, for its message (a failed add changes nothing) */
        rc = add_statement(c, spec);
    return rc;
}

int rec_statement_or_defer(rec_ctx_t *c, json_t *rec, int type_field, deferred_t *d)
{
    kg_stmt_spec_t spec;
    kg_cite_t *cites;
    int rc = read_statement(c, rec, type_field, &spec, &cites);
    if (!rc)
        rc = add_or_defer(c, &spec, d);
    free(cites);
    return rc;
}

int rec_statement_read(rec_ctx_t *c, json_t *rec, int type_field, deferred_t *into)
{
    kg_stmt_spec_t spec;
    kg_cite_t *cites;
    int rc = read_statement(c, rec, type_field, &spec, &cites);
    if (!rc && deferred_push(into, &spec, c->line, c->column) != KG_OK)
        rc = kg_error_set(c->err, KG_ENOMEM, c->path, c->line, 0, "out of memory");
    free(cites);
    return rc;
}

int rec_statement_add_read(rec_ctx_t *c, const deferred_t *from, size_t i, deferred_t *d)
{
    kg_stmt_spec_t spec;
    kg_cite_t cites_here[8], *cites = cites_here;
    size_t cap = sizeof cites_here / sizeof *cites_here;
    if (from->recs[i].n_cites > cap)
        cites = NULL, cap = 0;
    c->line = from->recs[i].line;
    c->column = from->recs[i].column;
    int rc = deferred_spec(from, i, &spec, &cites, &cap) == KG_OK
                 ? KG_OK
                 : kg_error_set(c->err, KG_ENOMEM, c->path, c->line, 0, "out of memory");
    if (!rc) {
        spec.origin = c->path;
        rc = add_or_defer(c, &spec, d);
    }
    if (cites != cites_here)
        free(cites);
    return rc;
}

/* -------------------------------------------------------------- output */

static void set_str(json_t *o, const char *key, const char *v)
{
    if (v)
        json_object_set_new(o, key, json_string(v));
}

json_t *out_predicate(const kg_graph_t *g, const char *name)
{
    kg_predicate_t d;
    if (kg_graph_predicate_declared(g, name, &d) != KG_OK)
        return NULL;
    json_t *o = json_object();
    if (d.kind)
        json_object_set_new(o, "kind", json_string(kg_pred_kind_name(d.kind)));
    if (d.value_type)
        json_object_set_new(o, "value_type", json_string(kg_value_type_name(d.value_type)));
    if (d.functional >= 0)
        json_object_set_new(o, "functional", json_boolean(d.functional));
    if (d.cumulative >= 0)
        json_object_set_new(o, "cumulative", json_boolean(d.cumulative));
    if (kg_graph_predicate_symmetric(g, name) >= 0)
        json_object_set_new(o, "symmetric", json_boolean(kg_graph_predicate_symmetric(g, name)));
    set_str(o, "unit", d.unit);
    if (!isnan(d.tolerance))
        json_object_set_new(o, "tolerance", json_real(d.tolerance));
    set_str(o, "label", d.label);
    set_str(o, "description", d.description);
    if (json_object_size(o) == 0) {
        json_decref(o);
        return NULL; /* used, never declared */
    }
    return o;
}

static void set_aliases_attrs(json_t *o, const kg_graph_t *g, kg_entity_t e)
{
    size_t n = kg_entity_alias_count(g, e);
    if (n) {
        json_t *a = json_array();
        for (size_t i = 0; i < n; i++)
            json_array_append_new(a, json_string(kg_entity_alias(g, e, i)));
        json_object_set_new(o, "aliases", a);
    }
    const json_t *attrs = kg_entity_attrs(g, e);
    if (attrs && json_object_size(attrs))
        json_object_set_new(o, "attrs", json_deep_copy(attrs));
}

json_t *out_entity(const kg_graph_t *g, kg_entity_t e)
{
    json_t *o = json_object();
    set_str(o, "id", kg_entity_id(g, e));
    if (kg_entity_is_source(g, e)) {
        set_str(o, "title", kg_entity_label(g, e));
        set_str(o, "publisher", kg_entity_publisher(g, e));
        set_str(o, "url", kg_entity_url(g, e));
        set_str(o, "published", kg_entity_date(g, e));
    } else {
        set_str(o, "kind", kg_entity_kind(g, e));
        set_str(o, "label", kg_entity_label(g, e));
        set_str(o, "date", kg_entity_date(g, e));
    }
    set_aliases_attrs(o, g, e);
    return o;
}

json_t *out_statement(const kg_graph_t *g, kg_stmt_t s)
{
    json_t *o = json_object();
    set_str(o, "subject", kg_entity_id(g, kg_stmt_subject(g, s)));
    set_str(o, "predicate", kg_stmt_predicate(g, s));
    kg_entity_t obj = kg_stmt_object(g, s);
    if (obj != KG_NONE) {
        set_str(o, "object", kg_entity_id(g, obj));
    } else {
        kg_value_t v;
        kg_stmt_value(g, s, &v);
        json_object_set_new(o, "value", kg_value_to_json(&v));
    }
    set_str(o, "as_of", kg_stmt_as_of(g, s));
    kg_entity_t acc = kg_stmt_according_to(g, s);
    if (acc != KG_NONE)
        set_str(o, "according_to", kg_entity_id(g, acc));
    size_t n = kg_stmt_cite_count(g, s);
    if (n) {
        json_t *a = json_array();
        for (size_t i = 0; i < n; i++) {
            const char *quote;
            kg_entity_t src = kg_stmt_cite(g, s, i, &quote);
            if (!quote) {
                json_array_append_new(a, json_string(kg_entity_id(g, src)));
                continue;
            }
            json_t *c = json_object();
            set_str(c, "id", kg_entity_id(g, src));
            set_str(c, "quote", quote);
            json_array_append_new(a, c);
        }
        json_object_set_new(o, "sources", a);
    }
    const json_t *attrs = kg_stmt_attrs(g, s);
    if (attrs && json_object_size(attrs))
        json_object_set_new(o, "attrs", json_deep_copy(attrs));
    return o;
}
