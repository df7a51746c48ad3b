/* statements.c - FtM statement tables (CSV, one row per value, as nomenklatura and the ftm tool write them) read into entities: one per canonical id, each value keeping the statements behind it (dataset, first and last seen, language, original value), so that every claim cites the datasets that say it. */
#define _GNU_SOURCE /* fmemopen */
#include "ftm.h"

#include "../csv/csv_reader.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

/* The columns that make an entity; every other one (dataset, lang, original_value, external, first_seen,
 * last_seen, id, origin, and any a newer FtM adds) describes the statement and is kept with its value. */
enum { C_CANONICAL, C_ENTITY, C_PROP, C_PROP_TYPE, C_SCHEMA, C_VALUE, C_COUNT };
static const char *const column_names[C_COUNT] = {"canonical_id", "entity_id", "prop", "prop_type", "schema",
                                                  "value"};

/* An entity being gathered from its rows. */
typedef struct gather {
    json_t *obj, *props, *prov, *datasets;
    const ftm_schema_t *schema;
    int line, schema_line;
} gather_t;

typedef struct table {
    ftm_reader_t *r;
    int col[C_COUNT]; /* -1 when absent */
    char **names;     /* the header */
    size_t n_cols;
    gather_t *ents;
    size_t n, cap;
    json_t *at; /* id -> index in ents */
    size_t type_differs, external;
    char first_differs[160];
} table_t;

/* Whether head starts with a statement table's header: entity_id (or canonical_id), prop, schema and value. */
int ftm_statements_is(const char *head, size_t len)
{
    size_t i = kg_utf8_bom(head, len);
    int seen[C_COUNT] = {0};
    while (i < len && head[i] != '\n') {
        while (i < len && (head[i] == ' ' || head[i] == '"'))
            i++;
        size_t start = i;
        while (i < len && head[i] != ',' && head[i] != '"' && head[i] != '\r' && head[i] != '\n')
            i++;
        for (int c = 0; c < C_COUNT; c++)
            if (i - start == strlen(column_names[c]) && !memcmp(head + start, column_names[c], i - start))
                seen[c] = 1;
        while (i < len && head[i] != ',' && head[i] != '\n')
            i++;
        if (i < len && head[i] == ',')
            i++;
    }
    return (seen[C_ENTITY] || seen[C_CANONICAL]) && seen[C_PROP] && seen[C_SCHEMA] && seen[C_VALUE];
}

/* An error in a row, at the column of role c (or none when c < 0). */
#define ROW_ERROR(t, cr, c, ...)                                                                                    \
    kg_error_set((t)->r->err, KG_EINPUT, (t)->r->path, (cr)->line, (c) >= 0 ? (t)->col[c] + 1 : 0, __VA_ARGS__)

static const char *cell(const table_t *t, const csv_reader_t *cr, int c)
{
    return t->col[c] >= 0 && (size_t)t->col[c] < cr->n ? cr->fields[t->col[c]] : "";
}

static int read_header(table_t *t, const csv_reader_t *cr)
{
    for (int c = 0; c < C_COUNT; c++)
        t->col[c] = -1;
    if (!(t->names = calloc(cr->n, sizeof *t->names)))
        return kg_error_set(t->r->err, KG_ENOMEM, t->r->path, 1, 0, "out of memory");
    t->n_cols = cr->n;
    for (size_t i = 0; i < cr->n; i++) {
        if (!(t->names[i] = strdup(cr->fields[i])))
            return kg_error_set(t->r->err, KG_ENOMEM, t->r->path, 1, 0, "out of memory");
        for (int c = 0; c < C_COUNT; c++)
            if (!strcmp(cr->fields[i], column_names[c])) {
                if (t->col[c] >= 0)
                    return kg_error_set(t->r->err, KG_EINPUT, t->r->path, 1, (int)i + 1,
                                        "FtM statements: column \"%s\" appears twice", column_names[c]);
                t->col[c] = (int)i;
            }
    }
    return KG_OK;
}

/* Whether a has every property of b (a is b or a schema that extends it: Person extends LegalEntity). */
static int extends(const ftm_schema_t *a, const ftm_schema_t *b)
{
    for (size_t i = 0; i < b->n_props; i++)
        if (!ftm_find_prop(a, b->props[i].name))
            return 0;
    return 1;
}

static int append_unique(json_t *list, const char *s)
{
    size_t i;
    json_t *x;
    json_array_foreach(list, i, x) if (!strcmp(json_string_value(x), s)) return 0;
    return json_array_append_new(list, json_string(s));
}

static gather_t *entity(table_t *t, const char *id, const ftm_schema_t *sc, int line)
{
    json_t *at = json_object_get(t->at, id);
    if (at)
        return &t->ents[json_integer_value(at)];
    if (kg_array_reserve((void **)&t->ents, &t->cap, t->n + 1, sizeof *t->ents))
        return NULL;
    gather_t *e = &t->ents[t->n];
    memset(e, 0, sizeof *e);
    e->obj = json_pack("{s:s}", "id", id);
    e->props = json_object();
    e->prov = json_object();
    e->datasets = json_array();
    e->schema = sc;
    e->line = e->schema_line = line;
    if (!e->obj || !e->props || !e->prov || !e->datasets || json_object_set_new(t->at, id, json_integer((json_int_t)t->n))) {
        json_decref(e->obj);
        json_decref(e->props);
        json_decref(e->prov);
        json_decref(e->datasets);
        return NULL;
    }
    t->n++;
    return e;
}

/* The entity's first_seen is the earliest of its statements', last_seen the latest (ISO times compare as text). */
static void seen(json_t *obj, const char *key, const char *when, int earliest)
{
    const char *now = json_string_value(json_object_get(obj, key));
    if (*when && (!now || (earliest ? strcmp(when, now) < 0 : strcmp(when, now) > 0)))
        json_object_set_new(obj, key, json_string(when));
}

static int row(table_t *t, const csv_reader_t *cr)
{
    ftm_reader_t *r = t->r;
    const char *canonical = cell(t, cr, C_CANONICAL), *eid = cell(t, cr, C_ENTITY), *prop = cell(t, cr, C_PROP),
               *schema = cell(t, cr, C_SCHEMA), *value = cell(t, cr, C_VALUE);
    const char *id = *canonical ? canonical : eid;
    if (cr->n != t->n_cols) {
        return ROW_ERROR(t, cr, -1, "FtM statements: this row has %zu fields, the header %zu", cr->n, t->n_cols);
    }
    if (!*id)
        return ROW_ERROR(t, cr, t->col[C_CANONICAL] >= 0 ? C_CANONICAL : C_ENTITY,
                         "FtM statements: a statement needs the id of its entity");
    const ftm_schema_t *sc = ftm_find_schema(schema);
    if (!sc) {
        const char *close = ftm_closest_schema(schema);
        return ROW_ERROR(t, cr, C_SCHEMA, "FtM statements: no schema \"%s\" in FollowTheMoney%s%s%s", schema,
                         close ? " (did you mean \"" : "", close ? close : "", close ? "\"?)" : "");
    }
    const int base = !strcmp(prop, "id"); /* the statement that the entity exists, in that dataset */
    const ftm_prop_t *p = base ? NULL : ftm_find_prop(sc, prop);
    if (!base && !p) {
        const char *close = ftm_closest_prop(sc, prop);
        return ROW_ERROR(t, cr, C_PROP, "FtM statements: entity \"%s\": the schema %s has no property \"%s\"%s%s%s",
                         id, sc->name, prop, close ? " (did you mean \"" : "", close ? close : "", close ? "\"?)" : "");
    }
    if (!base && !*value)
        return ROW_ERROR(t, cr, C_VALUE, "FtM statements: entity \"%s\": an empty value of %s", id, prop);
    const char *ptype = cell(t, cr, C_PROP_TYPE);
    if (p && *ptype && strcmp(ptype, p->type) && !t->type_differs++)
        snprintf(t->first_differs, sizeof t->first_differs, "%s:%s is \"%s\" here, \"%s\" in the model", sc->name,
                 prop, ptype, p->type);
    gather_t *e = entity(t, id, sc, cr->line);
    if (!e)
        return kg_error_set(r->err, KG_ENOMEM, r->path, cr->line, 0, "out of memory");
    if (e->schema != sc) { /* one entity's statements may name a schema and the one it extends */
        if (extends(sc, e->schema)) {
            e->schema = sc;
            e->schema_line = cr->line;
        } else if (!extends(e->schema, sc)) {
            return ROW_ERROR(t, cr, C_SCHEMA,
                             "FtM statements: entity \"%s\" is a %s here and a %s on line %d, and neither schema "
                             "extends the other",
                             id, sc->name, e->schema->name, e->schema_line);
        }
    }
    /* what this statement says of itself: every other column, when not empty */
    json_t *st = json_object();
    for (size_t i = 0; i < cr->n && st; i++) {
        int role = 0;
        for (int c = 0; c < C_COUNT; c++)
            role |= t->col[c] == (int)i;
        if (!role && cr->fields[i][0])
            json_object_set_new(st, t->names[i], json_string(cr->fields[i]));
    }
    if (!st)
        return kg_error_set(r->err, KG_ENOMEM, r->path, cr->line, 0, "out of memory");
    const char *dataset = json_string_value(json_object_get(st, "dataset")),
               *external = json_string_value(json_object_get(st, "external"));
    if (external && (!strcmp(external, "t") || !strcmp(external, "true")))
        t->external++;
    if (dataset)
        append_unique(e->datasets, dataset);
    if (*canonical && *eid && strcmp(canonical, eid)) { /* the ids merged into the canonical one */
        json_t *ref = json_object_get(e->obj, "referents");
        if (!ref)
            json_object_set_new(e->obj, "referents", ref = json_array());
        append_unique(ref, eid);
    }
    if (json_object_get(st, "first_seen"))
        seen(e->obj, "first_seen", json_string_value(json_object_get(st, "first_seen")), 1);
    if (json_object_get(st, "last_seen"))
        seen(e->obj, "last_seen", json_string_value(json_object_get(st, "last_seen")), 0);
    if (base) {
        json_decref(st);
        return KG_OK;
    }
    json_t *values = json_object_get(e->props, prop), *behind = json_object_get(e->prov, prop);
    if (!values) {
        json_object_set_new(e->props, prop, values = json_array());
        json_object_set_new(e->prov, prop, behind = json_array());
    }
    size_t i, k = json_array_size(values);
    json_t *v;
    json_array_foreach(values, i, v) if (!strcmp(json_string_value(v), value)) k = i;
    if (k == json_array_size(values)) {
        json_array_append_new(values, json_string(value));
        json_array_append_new(behind, json_array());
    }
    json_array_append_new(json_array_get(behind, k), st);
    return KG_OK;
}

int ftm_statements_read(ftm_reader_t *r, const char *text, size_t len)
{
    table_t t;
    memset(&t, 0, sizeof t);
    t.r = r;
    csv_reader_t cr;
    FILE *mem = len ? fmemopen((void *)text, len, "rb") : NULL;
    if (!mem || !(t.at = json_object()))
        return mem ? (fclose(mem), kg_error_set(r->err, KG_ENOMEM, r->path, 0, 0, "out of memory"))
                   : kg_error_set(r->err, KG_ENOMEM, r->path, 0, 0, "out of memory");
    csv_reader_init(&cr, mem, r->path);
    int got = csv_read(&cr, r->err), rc = got < 0 ? -got : read_header(&t, &cr);
    while (!rc && (got = csv_read(&cr, r->err)) > 0)
        if (!(cr.n == 1 && !cr.fields[0][0])) /* a blank line */
            rc = row(&t, &cr);
    if (!rc && got < 0)
        rc = -got;
    /* the entities, each checked against the model as an entity in JSON is */
    for (size_t i = 0; i < t.n; i++) {
        gather_t *e = &t.ents[i];
        if (!rc) {
            json_object_set_new(e->obj, "schema", json_string(e->schema->name));
            json_object_set(e->obj, "properties", e->props);
            if (json_array_size(e->datasets))
                json_object_set(e->obj, "datasets", e->datasets);
            if (!(rc = ftm_add_record(r, json_incref(e->obj), e->line)))
                r->recs[r->n - 1].prov = json_incref(e->prov);
        }
        json_decref(e->obj);
        json_decref(e->props);
        json_decref(e->prov);
        json_decref(e->datasets);
    }
    if (!rc && t.type_differs)
        kg_graph_warn(r->g, r->path, 0, 0,
                      "FtM statements: %zu value%s a prop_type other than the FtM model's (the first: %s); read as "
                      "the model says",
                      t.type_differs, t.type_differs == 1 ? " has" : "s have", t.first_differs);
    if (!rc && t.external)
        kg_graph_warn(r->g, r->path, 0, 0,
                      "FtM statements: %zu statement%s external (a candidate match no dataset confirms): kept, "
                      "with external=t in their ftm_statements",
                      t.external, t.external == 1 ? " is" : "s are");
    for (size_t i = 0; i < t.n_cols; i++)
        free(t.names[i]);
    free(t.names);
    free(t.ents);
    json_decref(t.at);
    csv_reader_free(&cr);
    fclose(mem);
    return rc;
}
