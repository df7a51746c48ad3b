/* import.c - the "ftm" importer: FollowTheMoney entities (OCCRP Aleph, OpenSanctions) as JSON Lines, a JSON list or a statement table (statements.c): things as entities, links as relations, entity-valued properties as relations, other properties as claims, datasets as sources. */
#define _GNU_SOURCE /* strdup */
#include "ftm.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

const ftm_schema_t *ftm_find_schema(const char *name)
{
    for (size_t i = 0; i < ftm_schema_count; i++)
        if (!strcmp(ftm_schemata[i].name, name))
            return &ftm_schemata[i];
    return NULL;
}

const ftm_prop_t *ftm_find_prop(const ftm_schema_t *s, const char *name)
{
    for (size_t i = 0; i < s->n_props; i++)
        if (!strcmp(s->props[i].name, name))
            return &s->props[i];
    return NULL;
}

const char *ftm_closest_schema(const char *name)
{
    const char *names[512];
    size_t n = 0;
    for (size_t i = 0; i < ftm_schema_count && n < 512; i++)
        names[n++] = ftm_schemata[i].name;
    return kg_closest_name(name, names, n);
}

const char *ftm_closest_prop(const ftm_schema_t *s, const char *name)
{
    const char *names[256];
    size_t n = 0;
    for (size_t i = 0; i < s->n_props && n < 256; i++)
        names[n++] = s->props[i].name;
    return kg_closest_name(name, names, n);
}

/* camelCase and CamelCase as kgkit writes names: birthDate -> birth_date, LegalEntity -> legal_entity,
 * "related to" -> related_to. */
static void snake(const char *s, char *out, size_t size)
{
    size_t n = 0;
    for (size_t i = 0; s[i] && n + 2 < size; i++) {
        unsigned char c = (unsigned char)s[i];
        if (isupper(c)) {
            if (i && n && out[n - 1] != '_')
                out[n++] = '_';
            out[n++] = (char)tolower(c);
        } else if (c == ' ' || c == '-') {
            if (n && out[n - 1] != '_')
                out[n++] = '_';
        } else {
            out[n++] = (char)c;
        }
    }
    out[n] = '\0';
}

static int fail(ftm_reader_t *r, int line, int code, const char *fmt, const char *a, const char *b, const char *c)
{
    return kg_error_set(r->err, code, r->path, line, 0, fmt, a ? a : "", b ? b : "", c ? c : "");
}

/* ----------------------------------------------------------- reading */

static int check_record(ftm_reader_t *r, json_t *o, int line, ftm_rec_t *out)
{
    const char *id = json_string_value(json_object_get(o, "id")),
               *schema = json_string_value(json_object_get(o, "schema"));
    json_t *props = json_object_get(o, "properties");
    if (!json_is_object(o) || !id || !*id)
        return fail(r, line, KG_EINPUT, "FtM: an entity needs an \"id\" (a string)%s%s%s", NULL, NULL, NULL);
    if (!schema)
        return fail(r, line, KG_EINPUT, "FtM: entity \"%s\" needs a \"schema\"%s%s", id, NULL, NULL);
    const ftm_schema_t *s = ftm_find_schema(schema);
    if (!s) {
        const char *close = ftm_closest_schema(schema);
        return kg_error_set(r->err, KG_EINPUT, r->path, line, 0,
                            "FtM: entity \"%s\": no schema \"%s\" in FollowTheMoney%s%s%s", id, schema,
                            close ? " (did you mean \"" : "", close ? close : "", close ? "\"?)" : "");
    }
    if (props && !json_is_object(props))
        return fail(r, line, KG_EINPUT, "FtM: entity \"%s\": \"properties\" must be an object%s%s", id, NULL, NULL);
    const char *key;
    json_t *v;
    json_object_foreach(props, key, v) {
        if (!ftm_find_prop(s, key)) {
            const char *close = ftm_closest_prop(s, key);
            return kg_error_set(r->err, KG_EINPUT, r->path, line, 0,
                                "FtM: entity \"%s\": the schema %s has no property \"%s\"%s%s%s", id, schema, key,
                                close ? " (did you mean \"" : "", close ? close : "", close ? "\"?)" : "");
        }
        size_t i;
        json_t *x;
        int ok = json_is_array(v);
        json_array_foreach(v, i, x) ok &= json_is_string(x) || json_is_number(x);
        if (!ok)
            return fail(r, line, KG_EINPUT, "FtM: entity \"%s\": property \"%s\" must be a list of values%s", id, key,
                        NULL);
    }
    out->obj = o;
    out->schema = s;
    out->line = line;
    out->prov = NULL;
    return KG_OK;
}

int ftm_add_record(ftm_reader_t *r, json_t *o, int line)
{
    if (kg_array_reserve((void **)&r->recs, &r->cap, r->n + 1, sizeof *r->recs)) {
        json_decref(o);
        return kg_error_set(r->err, KG_ENOMEM, r->path, line, 0, "out of memory");
    }
    int rc = check_record(r, o, line, &r->recs[r->n]);
    if (rc) {
        json_decref(o);
        return rc;
    }
    const char *id = json_string_value(json_object_get(o, "id"));
    if (json_object_get(r->ids, id)) {
        int first = (int)json_integer_value(json_object_get(r->ids, id));
        kg_error_set(r->err, KG_EINPUT, r->path, line, 0, "FtM: entity \"%s\" appears twice (first on line %d)", id,
                     first);
        json_decref(o); /* id was o's */
        return KG_EINPUT;
    }
    json_object_set_new(r->ids, id, json_integer(line));
    r->n++;
    return KG_OK;
}

/* JSON Lines (one entity per line), one JSON list of entities, or a statement table. */
static int read_all(ftm_reader_t *r, char *text, size_t len)
{
    if (ftm_statements_is(text, len))
        return ftm_statements_read(r, text, len);
    size_t i = kg_utf8_bom(text, len);
    while (i < len && isspace((unsigned char)text[i]))
        i++;
    json_error_t je;
    if (i < len && text[i] == '[') {
        json_t *list = json_loadb(text + i, len - i, 0, &je);
        if (!json_is_array(list)) {
            json_decref(list);
            return kg_error_set(r->err, KG_EINPUT, r->path, je.line, je.column, "FtM: %s", je.text);
        }
        size_t k;
        json_t *o;
        int rc = KG_OK;
        json_array_foreach(list, k, o) if (!rc) rc = ftm_add_record(r, json_incref(o), 0);
        json_decref(list);
        return rc;
    }
    int line = 1;
    for (char *p = text + kg_utf8_bom(text, len), *end = text + len; p < end; line++) {
        char *nl = memchr(p, '\n', (size_t)(end - p));
        size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
        size_t k = 0;
        while (k < n && isspace((unsigned char)p[k]))
            k++;
        if (k < n) {
            json_t *o = json_loadb(p, n, JSON_REJECT_DUPLICATES, &je);
            if (!o)
                return kg_error_set(r->err, KG_EINPUT, r->path, line, je.column, "FtM: %s", je.text);
            int rc = ftm_add_record(r, o, line);
            if (rc)
                return rc;
        }
        p += n + 1;
    }
    return KG_OK;
}

/* ------------------------------------------------------------ adding */

/* Datasets (a list of their names) as source entities ("dataset:NAME"), into *cites (malloc'd, every one of
 * them; free it) with their ids in ids. */
static int cite_datasets(ftm_reader_t *r, const ftm_rec_t *x, const json_t *ds, kg_cite_t **cites, size_t *n,
                         kg_buf_t *ids)
{
    size_t i, max = json_array_size(ds);
    json_t *d;
    *n = 0;
    kg_buf_clear(ids);
    size_t *at = malloc((max + 1) * sizeof *at);
    *cites = malloc((max + 1) * sizeof **cites);
    if (!at || !*cites) {
        free(at);
        return kg_error_set(r->err, KG_ENOMEM, r->path, 0, 0, "out of memory");
    }
    json_array_foreach(ds, i, d) {
        const char *name = json_string_value(d);
        if (!name)
            continue;
        at[*n] = ids->len;
        kg_buf_printf(ids, "dataset:%s", name);
        kg_buf_putc(ids, '\0');
        kg_entity_spec_t s;
        kg_entity_spec_init(&s);
        s.id = ids->data + at[*n];
        s.kind = KG_KIND_SOURCE;
        s.label = name;
        s.origin = r->path;
        s.line = x->line;
        int rc = ids->failed ? kg_error_set(r->err, KG_ENOMEM, r->path, 0, 0, "out of memory")
                             : kg_graph_add_entity(r->g, &s, NULL, r->err);
        if (rc) {
            free(at);
            return rc;
        }
        (*n)++;
    }
    for (size_t k = 0; k < *n; k++)
        (*cites)[k] = (kg_cite_t){ids->data + at[k], NULL};
    free(at);
    return KG_OK;
}

/* The datasets an entity comes from. */
static int datasets(ftm_reader_t *r, const ftm_rec_t *x, kg_cite_t **cites, size_t *n, kg_buf_t *ids)
{
    return cite_datasets(r, x, json_object_get(x->obj, "datasets"), cites, n, ids);
}

/* The datasets of the statements behind one value. */
static int value_datasets(ftm_reader_t *r, const ftm_rec_t *x, const json_t *behind, kg_cite_t **cites, size_t *n,
                          kg_buf_t *ids)
{
    json_t *names = json_array(), *st;
    size_t i;
    json_array_foreach(behind, i, st) {
        json_t *d = json_object_get(st, "dataset"), *seen;
        size_t k;
        int dup = 0;
        json_array_foreach(names, k, seen) dup |= json_equal(seen, d);
        if (d && !dup) /* two merged entities may both have the value from one dataset */
            json_array_append(names, d);
    }
    int rc = names ? cite_datasets(r, x, names, cites, n, ids)
                   : kg_error_set(r->err, KG_ENOMEM, r->path, x->line, 0, "out of memory");
    json_decref(names);
    return rc;
}

/* An entity a property points at: the file's own, else a stand-in of the range's kind (said once at the end). */
static int target(ftm_reader_t *r, const char *id, const ftm_prop_t *p, int line)
{
    if (json_object_get(r->ids, id) || kg_graph_entity_by_id(r->g, id) != KG_NONE)
        return KG_OK;
    if (!r->missing++)
        snprintf(r->first_missing, sizeof r->first_missing, "%s", id);
    char kind[64];
    snake(p->range ? p->range : "Thing", kind, sizeof kind);
    kg_entity_spec_t s;
    kg_entity_spec_init(&s);
    s.id = id;
    s.kind = kind;
    json_t *attrs = json_pack("{s:b}", "ftm_not_in_file", 1);
    s.attrs = attrs;
    s.origin = r->path;
    s.line = line;
    int rc = kg_graph_add_entity(r->g, &s, NULL, r->err);
    json_decref(attrs);
    return rc;
}

/* A date as kgkit reads one: the day of a datetime ("2011-12-29T10:00" is 2011-12-29); NULL when not one. */
static const char *day_of(const char *s, char *buf, size_t size)
{
    kg_when_t w;
    snprintf(buf, size, "%.10s", s);
    return kg_when_parse(buf, &w, NULL) == KG_OK ? buf : NULL;
}

static int is_name_prop(const char *p)
{
    return !strcmp(p, "name") || !strcmp(p, "alias") || !strcmp(p, "previousName") || !strcmp(p, "weakAlias");
}

static int add_thing(ftm_reader_t *r, const ftm_rec_t *x)
{
    const char *id = json_string_value(json_object_get(x->obj, "id"));
    json_t *props = json_object_get(x->obj, "properties");
    const char *label = NULL;
    for (const char *const *c = x->schema->caption; *c && !label; c++)
        label = json_string_value(json_array_get(json_object_get(props, *c), 0));
    size_t n_al = 0, cap = 1;
    const char *key;
    json_t *v;
    json_object_foreach(props, key, v) if (is_name_prop(key)) cap += json_array_size(v);
    const char **aliases = malloc(cap * sizeof *aliases); /* every other name: no cap */
    if (!aliases)
        return kg_error_set(r->err, KG_ENOMEM, r->path, x->line, 0, "out of memory");
    json_object_foreach(props, key, v) {
        size_t i;
        json_t *a;
        if (is_name_prop(key))
            json_array_foreach(v, i, a) if (json_is_string(a) && json_string_value(a) != label)
                aliases[n_al++] = json_string_value(a);
    }
    /* the record's other members (first_seen, last_seen, referents, caption...) are kept, not dropped */
    json_t *attrs = json_object();
    json_object_foreach(x->obj, key, v) if (strcmp(key, "id") && strcmp(key, "schema") && strcmp(key, "properties") &&
                                            strcmp(key, "datasets")) json_object_set(attrs, key, v);
    json_object_set_new(attrs, "ftm_schema", json_string(x->schema->name));
    char kind[64];
    snake(x->schema->name, kind, sizeof kind);
    kg_entity_spec_t s;
    kg_entity_spec_init(&s);
    s.id = id;
    s.kind = kind;
    s.label = label;
    s.aliases = aliases;
    s.n_aliases = n_al;
    s.attrs = attrs;
    s.origin = r->path;
    s.line = x->line;
    int rc = kg_graph_add_entity(r->g, &s, NULL, r->err);
    json_decref(attrs);
    free(aliases);
    return rc;
}

/* A thing's properties: entity-valued ones as relations, the others (names aside) as claims. */
static int add_properties(ftm_reader_t *r, const ftm_rec_t *x)
{
    const char *id = json_string_value(json_object_get(x->obj, "id"));
    json_t *props = json_object_get(x->obj, "properties");
    kg_cite_t *cites = NULL;
    size_t n_cites;
    kg_buf_t ids = KG_BUF_INIT;
    int rc = datasets(r, x, &cites, &n_cites, &ids);
    const char *key;
    json_t *v;
    json_object_foreach(props, key, v) {
        if (rc || is_name_prop(key))
            continue;
        const ftm_prop_t *p = ftm_find_prop(x->schema, key);
        char pred[128], day[16];
        snake(key, pred, sizeof pred);
        size_t i;
        json_t *val;
        json_array_foreach(v, i, val) {
            if (rc)
                break;
            json_t *behind = json_array_get(json_object_get(x->prov, key), i), *attrs = NULL;
            if (behind) { /* from a statement table: this value cites its own datasets */
                kg_buf_free(&ids);
                free(cites);
                cites = NULL;
                if ((rc = value_datasets(r, x, behind, &cites, &n_cites, &ids)))
                    break;
                attrs = json_pack("{s:O}", "ftm_statements", behind);
            }
            char num[64];
            const char *text = json_is_string(val) ? json_string_value(val)
                                                   : (snprintf(num, sizeof num, "%g", json_number_value(val)), num);
            kg_stmt_spec_t s;
            kg_stmt_spec_init(&s);
            s.subject = id;
            s.predicate = pred;
            s.cites = cites;
            s.n_cites = n_cites;
            s.attrs = attrs;
            s.origin = r->path;
            s.line = x->line;
            if (!strcmp(p->type, "entity")) {
                rc = target(r, text, p, x->line);
                s.object = text;
            } else if (!strcmp(p->type, "date") && day_of(text, day, sizeof day)) {
                s.value.type = KG_VALUE_DATE;
                s.value.text = day;
            } else if (!strcmp(p->type, "number") && kg_number_parse(text, &s.value.amount) == 0) {
                s.value.type = KG_VALUE_NUMBER;
            } else {
                s.value.type = KG_VALUE_TEXT;
                s.value.text = text;
            }
            if (!rc)
                rc = kg_graph_add_stmt(r->g, &s, NULL, r->err);
            json_decref(attrs);
        }
    }
    kg_buf_free(&ids);
    free(cites);
    return rc;
}

/* A link (Payment, Ownership, Directorship...): a relation from each source to each target, its other properties
 * as the relation's attributes, its dates as as_of. */
static int add_link(ftm_reader_t *r, const ftm_rec_t *x)
{
    const ftm_schema_t *sc = x->schema;
    const char *id = json_string_value(json_object_get(x->obj, "id"));
    json_t *props = json_object_get(x->obj, "properties");
    json_t *from = json_object_get(props, sc->edge_source), *to = json_object_get(props, sc->edge_target);
    if (!json_array_size(from) || !json_array_size(to))
        return fail(r, x->line, KG_EINPUT, "FtM: the %s \"%s\" has no %s: a link needs both its ends", sc->name, id,
                    json_array_size(from) ? sc->edge_target : sc->edge_source);
    json_t *attrs = json_object();
    const char *key;
    json_t *v;
    json_object_foreach(props, key, v) if (strcmp(key, sc->edge_source) && strcmp(key, sc->edge_target))
        json_object_set(attrs, key, json_array_size(v) == 1 ? json_array_get(v, 0) : v);
    json_object_foreach(x->obj, key, v) if (strcmp(key, "id") && strcmp(key, "schema") && strcmp(key, "properties") &&
                                            strcmp(key, "datasets")) json_object_set(attrs, key, v);
    json_object_set_new(attrs, "ftm_id", json_string(id));
    json_object_set_new(attrs, "ftm_schema", json_string(sc->name));
    if (!sc->edge_directed)
        json_object_set_new(attrs, "undirected", json_true());
    /* when: its date, else the interval of its start and end dates */
    char a[16], b[16], when[40] = "";
    const char *date = json_string_value(json_array_get(json_object_get(props, "date"), 0)),
               *start = json_string_value(json_array_get(json_object_get(props, "startDate"), 0)),
               *end = json_string_value(json_array_get(json_object_get(props, "endDate"), 0));
    if (date && day_of(date, a, sizeof a))
        snprintf(when, sizeof when, "%s", a);
    else if ((start && day_of(start, a, sizeof a)) || (end && day_of(end, b, sizeof b)))
        snprintf(when, sizeof when, "%s/%s", start && day_of(start, a, sizeof a) ? a : "..",
                 end && day_of(end, b, sizeof b) ? b : "..");
    kg_when_t w;
    if (*when && kg_when_parse(when, &w, NULL) != KG_OK) { /* an end before its start: kept as written */
        r->weird_dates++;
        *when = '\0';
    }
    char pred[128];
    snake(sc->edge_label ? sc->edge_label : sc->name, pred, sizeof pred);
    kg_cite_t *cites = NULL;
    size_t n_cites;
    kg_buf_t ids = KG_BUF_INIT;
    int rc = datasets(r, x, &cites, &n_cites, &ids);
    const ftm_prop_t *ps = ftm_find_prop(sc, sc->edge_source), *pt = ftm_find_prop(sc, sc->edge_target);
    size_t i, k;
    json_t *f, *t;
    json_array_foreach(from, i, f) json_array_foreach(to, k, t) {
        if (rc || !json_is_string(f) || !json_is_string(t))
            continue;
        if ((rc = target(r, json_string_value(f), ps, x->line)) || (rc = target(r, json_string_value(t), pt, x->line)))
            break;
        kg_stmt_spec_t s;
        kg_stmt_spec_init(&s);
        s.subject = json_string_value(f);
        s.object = json_string_value(t);
        s.predicate = pred;
        s.as_of = *when ? when : NULL;
        s.attrs = attrs;
        s.cites = cites;
        s.n_cites = n_cites;
        s.origin = r->path;
        s.line = x->line;
        rc = kg_graph_add_stmt(r->g, &s, NULL, r->err);
    }
    kg_buf_free(&ids);
    free(cites);
    json_decref(attrs);
    return rc;
}

int ftm_import(kg_graph_t *g, FILE *in, const char *path, const kg_opts_t *opts, kg_error_t *err)
{
    ftm_reader_t r;
    memset(&r, 0, sizeof r);
    r.g = g;
    r.path = path;
    r.err = err;
    char *text;
    size_t len;
    int rc = kg_read_all(in, path, &text, &len, err);
    if (rc)
        return rc;
    if (!(r.ids = json_object()))
        rc = kg_error_set(err, KG_ENOMEM, path, 0, 0, "out of memory");
    if (!rc)
        rc = read_all(&r, text, len);
    free(text);
    /* things first, so that links and references find them */
    for (size_t i = 0; i < r.n && !rc; i++)
        if (!r.recs[i].schema->edge_source)
            rc = add_thing(&r, &r.recs[i]);
    for (size_t i = 0; i < r.n && !rc; i++) {
        rc = r.recs[i].schema->edge_source ? add_link(&r, &r.recs[i]) : add_properties(&r, &r.recs[i]);
        if ((i & 0x3fff) == 0)
            kg_progress(opts, "reading FtM entities", i, r.n);
        if (rc && !err->line) {
            snprintf(err->source, sizeof err->source, "%s", path);
            err->line = r.recs[i].line;
        }
    }
    if (!rc && r.missing)
        kg_graph_warn(g, path, 0, 0, "FtM: %zu entit%s named by a property %s not in the file (the first: %s); each "
                      "stands in with the kind of the property's range and the attribute ftm_not_in_file",
                      r.missing, r.missing == 1 ? "y" : "ies", r.missing == 1 ? "is" : "are", r.first_missing);
    if (!rc && r.weird_dates)
        kg_graph_warn(g, path, 0, 0, "FtM: %zu link%s end before they start: their dates are left in their attributes",
                      r.weird_dates, r.weird_dates == 1 ? "" : "s");
    for (size_t i = 0; i < r.n; i++) {
        json_decref(r.recs[i].obj);
        json_decref(r.recs[i].prov);
    }
    free(r.recs);
    json_decref(r.ids);
    return rc;
}

int ftm_sniff(const char *head, size_t len)
{
    if (ftm_statements_is(head, len))
        return 90;
    size_t i = kg_utf8_bom(head, len);
    while (i < len && isspace((unsigned char)head[i]))
        i++;
    if (i >= len || (head[i] != '{' && head[i] != '['))
        return 0;
    int schema = memmem(head, len, "\"schema\"", 8) != NULL, props = memmem(head, len, "\"properties\"", 12) != NULL;
    return schema && props ? 80 : 0;
}
