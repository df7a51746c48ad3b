/* elements.c - a node's or an edge's attributes, as the GraphML, GEXF, node-link and GML importers read them, into kgkit: the roles (-p kind=type...) and common names read as kgkit's fields, kgkit's own names back as what they were, the rest attributes. */
#define _POSIX_C_SOURCE 200809L /* strndup */
#include "interchange.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* "agreement.status" = v into {"agreement": {"status": v}}. Dotted key names ("attrs.x.y", as kgkit's GraphML writer flattens nested attributes) nest again, at most
 * this deep: the rest of a deeper name stays one key, so that no file builds JSON deeper than jansson reads. */
#define MAX_DOTTED_DEPTH 32

/* Sets name (dotted) in obj to v, stealing v. Iterative: a name of 20,000 dots costs no stack. */
static int set_dotted(json_t *obj, const char *name, json_t *v)
{
    for (int depth = 0;; depth++) {
        const char *dot = strchr(name, '.');
        if (!dot || dot == name || !dot[1] || depth == MAX_DOTTED_DEPTH)
            return json_object_set_new(obj, name, v);
        char *head = strndup(name, (size_t)(dot - name));
        if (!head) {
            json_decref(v);
            return -1;
        }
        json_t *inner = json_object_get(obj, head);
        if (!json_is_object(inner)) {
            inner = json_object();
            if (json_object_set_new(obj, head, inner)) {
                free(head);
                json_decref(v);
                return -1;
            }
        }
        free(head);
        obj = inner;
        name = dot + 1;
    }
}

/* The standard fields kgkit writes come back as what they were. */
static json_t *take(json_t *data, const char *name)
{
    json_t *v = json_object_get(data, name);
    if (!v)
        return NULL;
    json_incref(v);
    json_object_del(data, name);
    return v;
}

/* A list or record written as JSON text (GraphML, GEXF), or already one (node-link): a new reference, or NULL. */
static json_t *parse_json_text(json_t *v)
{
    if (json_is_array(v) || json_is_object(v))
        return json_incref(v);
    if (!json_is_string(v))
        return NULL;
    return json_loads(json_string_value(v), JSON_DECODE_ANY, NULL);
}

/* ------------------------------------------------------------- roles */

const kg_param_t ix_import_params[] = {
    {"kind", "attribute", NULL, "the node attribute that is the kind (default: kind, else type)"},
    {"label", "attribute", NULL, "the node attribute that is the label (default: label, else name)"},
    {"predicate", "attribute", NULL,
     "the edge attribute that is the predicate (default: predicate, else label, relation, relationship, connection, "
     "Gephi's Edge Label)"},
    {"sources", "attribute", NULL,
     "the edge attribute naming the citing sources: kgkit's list, or ids, URLs or titles separated by ; or | "
     "(default: sources, else source, source(s))"},
    {"date", "attribute", NULL, "the edge attribute that is its as_of (default: as_of, else date)"},
    {"weight", "attribute", NULL, "the edge attribute that is its weight, a number (default: weight)"},
    {"strict", "bool", "false", "what the file holds that kgkit does not read is an error, not a warning"},
    {NULL, NULL, NULL, NULL}};

/* Each role: kgkit's own name, and the common names looked for when no parameter names one. */
static const char *const role_std[IX_ROLES] = {"kind", "label", "predicate", "sources", "as_of", "weight"};
static const char *const *const role_common[IX_ROLES] = {
    (const char *const[]){"kind", "type", NULL}, (const char *const[]){"label", "name", NULL},
    (const char *const[]){"predicate", "label", "relation", "relationship", "connection", "Edge Label", NULL},
    (const char *const[]){"sources", "source", "source(s)", "Source(s)", NULL},
    (const char *const[]){"as_of", "date", NULL}, (const char *const[]){"weight", NULL}};

int ix_roles_init(ix_roles_t *r, const kg_graph_t *g, const kg_opts_t *opts, kg_error_t *err)
{
    memset(r, 0, sizeof *r);
    r->first = kg_graph_stmt_count(g);
    for (int k = 0; k < IX_ROLES; k++) {
        int rc = kg_param_string(opts, ix_import_params, ix_import_params[k].name, &r->given[k], err);
        if (rc)
            return rc;
        if (r->given[k] && !*r->given[k])
            r->given[k] = NULL;
    }
    int rc = kg_param_bool(opts, ix_import_params, "strict", &r->strict, err);
    if (rc)
        return rc;
    if (!(r->seen = json_object()))
        return kg_error_say(err, KG_ENOMEM, "out of memory");
    return KG_OK;
}

int ix_unread(kg_graph_t *g, const ix_roles_t *r, const char *path, kg_error_t *err, const char *fmt, ...)
{
    char text[KG_ERROR_TEXT_LENGTH];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(text, sizeof text, fmt, ap);
    va_end(ap);
    if (r && r->strict)
        return kg_error_set(err, KG_EINPUT, path, 0, 0, "%s (with strict=true this is an error)", text);
    kg_graph_warn(g, path, 0, 0, "%s", text);
    return KG_OK;
}

void ix_roles_free(ix_roles_t *r)
{
    json_decref(r->seen);
    r->seen = NULL;
}

/* Moves the value of the role's attribute to kgkit's name for it, and notes the name when it is another. */
/* Whether a value found under a common name can be the role's (else it stays the element's attribute: an edge's
 * "date" that is no date, a numeric "type"). A name given with -p is taken as it is, and checked where it is read. */
static int fits(int k, const json_t *v)
{
    kg_when_t w;
    double x;
    switch (k) {
    case IX_KIND:
    case IX_PREDICATE:
        return json_is_string(v) && *json_string_value(v);
    case IX_LABEL:
        return json_is_string(v) || json_is_number(v);
    case IX_SOURCES:
        return json_is_string(v) || json_is_array(v);
    case IX_DATE:
        return json_is_string(v) && kg_when_parse(json_string_value(v), &w, NULL) == KG_OK;
    default:
        return json_is_number(v) || (json_is_string(v) && kg_number_parse(json_string_value(v), &x) == 0);
    }
}

static void apply(ix_roles_t *r, int k, json_t *data)
{
    const char *key;
    json_t *v;
    json_object_foreach(data, key, v) json_object_set_new(r->seen, key, json_true());
    const char *name = r->given[k];
    for (const char *const *c = role_common[k]; !name && *c; c++)
        if (json_object_get(data, *c) && fits(k, json_object_get(data, *c)) &&
            (strcmp(*c, "label") || k != IX_PREDICATE || !json_object_get(data, "predicate")))
            name = *c;
    if (!name || !json_object_get(data, name) || !strcmp(name, role_std[k]))
        return;
    if (!r->given[k] && json_object_get(data, role_std[k]))
        return; /* kgkit's own field is there: the common name stays an attribute */
    if (!r->used[k])
        snprintf(r->used_buf[k], sizeof r->used_buf[k], "%s", name), r->used[k] = r->used_buf[k];
    json_t *value = json_incref(json_object_get(data, name));
    json_object_del(data, name);
    json_object_set_new(data, role_std[k], value);
}

int ix_roles_check(ix_roles_t *r, const char *path, kg_error_t *err)
{
    for (int k = 0; k < IX_ROLES; k++) {
        if (!r->given[k] || json_object_get(r->seen, r->given[k]))
            continue;
        const char *names[512];
        size_t n = 0;
        const char *key;
        json_t *v;
        json_object_foreach(r->seen, key, v) if (n < 512) names[n++] = key;
        const char *close = kg_closest_name(r->given[k], names, n);
        return kg_error_set(err, KG_EUSAGE, path, 0, 0, "%s=\"%s\": no node or edge has that attribute%s%s%s",
                            ix_import_params[k].name, r->given[k], close ? " (did you mean \"" : "",
                            close ? close : "", close ? "\"?)" : "");
    }
    return KG_OK;
}

void ix_roles_note(kg_graph_t *g, const char *path, const char *format, const ix_roles_t *r)
{
    char line[512];
    size_t n = 0;
    for (int k = 0; k < IX_ROLES; k++)
        if (r->used[k])
            n += (size_t)snprintf(line + n, n < sizeof line ? sizeof line - n : 0, "%s%s from \"%s\"", n ? ", " : "",
                                  ix_import_params[k].name, r->used[k]);
    if (n)
        kg_graph_warn(g, path, 0, 0, "%s: read %s (name others with -p ROLE=ATTRIBUTE)", format, line);
}

int ix_add_node(kg_graph_t *g, const char *path, int line, const char *id, json_t *data, ix_roles_t *roles,
                kg_error_t *err)
{
    if (roles) {
        apply(roles, IX_KIND, data);
        apply(roles, IX_LABEL, data);
    }
    json_t *label = take(data, "label"), *kind = take(data, "kind"), *date = take(data, "date");
    if (!kind && json_is_string(json_object_get(data, "type"))) /* "type" is what most tools call the kind */
        kind = take(data, "type");
    if (json_is_number(label)) { /* a number as a label: its text, not nothing */
        char text[64];
        const char *t = ix_text(label, text, sizeof text);
        json_decref(label);
        label = json_string(t ? t : "");
    }
    if (kind && !json_is_string(kind)) { /* a kind that is no name stays an attribute */
        json_object_set(data, "kind", kind);
        json_decref(kind);
        kind = NULL;
    }
    kg_when_t when;
    if (date && (!json_is_string(date) || kg_when_parse(json_string_value(date), &when, NULL) != KG_OK)) {
        /* a "date" that is no date (another tool's own attribute) is kept as it is, not refused */
        json_object_set(data, "date", date);
        json_decref(date);
        date = NULL;
    }
    json_t *aliases_text = take(data, "aliases"), *aliases = parse_json_text(aliases_text);
    json_t *claims = take(data, "claims"); /* kept as an attribute: its sources may not be in the file */
    size_t n = 0, i;
    json_t *a;
    int rc = KG_OK;
    const char **list = malloc((json_array_size(aliases) + 1) * sizeof *list); /* every alias: no cap */
    json_t *attrs = json_object();
    if (!list || !attrs) {
        rc = kg_error_set(err, KG_ENOMEM, path, 0, 0, "out of memory");
        goto done;
    }
    if (json_is_array(aliases))
        json_array_foreach(aliases, i, a) if (json_is_string(a)) list[n++] = json_string_value(a);
    const char *key;
    json_t *v;
    json_object_foreach(data, key, v) set_dotted(attrs, key, json_incref(v));
    if (claims)
        json_object_set(attrs, "claims", claims);
    if (aliases_text && !json_is_array(aliases))
        json_object_set(attrs, "aliases", aliases_text);
    kg_entity_spec_t spec;
    kg_entity_spec_init(&spec);
    spec.id = id;
    spec.kind = json_string_value(kind);
    spec.label = json_string_value(label);
    spec.date = json_string_value(date);
    spec.aliases = list;
    spec.n_aliases = n;
    spec.attrs = json_object_size(attrs) ? attrs : NULL;
    spec.origin = path;
    spec.line = line;
    rc = kg_graph_add_entity(g, &spec, NULL, err);
done:;
    json_t *owned[] = {label, kind, date, aliases_text, aliases, claims, attrs};
    for (size_t k = 0; k < sizeof owned / sizeof *owned; k++)
        json_decref(owned[k]);
    free(list);
    return rc;
}

int ix_add_edge(kg_graph_t *g, const char *path, int line, int column, const char *source, const char *target,
                json_t *data, int undirected, ix_roles_t *roles, kg_error_t *err)
{
    if (roles)
        for (int k = IX_PREDICATE; k < IX_ROLES; k++)
            apply(roles, k, data);
    json_t *w = json_object_get(data, "weight");
    double wv;
    if (json_is_string(w)) { /* a weight written as text (GraphML without types, CSV-minded writers) */
        if (kg_number_parse(json_string_value(w), &wv))
            return kg_error_set(err, KG_EINPUT, path, line, column, "the weight \"%s\" is not a number",
                                json_string_value(w));
        json_object_set_new(data, "weight", json_real(wv));
    } else if (w && !json_is_number(w)) {
        return kg_error_set(err, KG_EINPUT, path, line, column, "the weight is not a number");
    }
    json_t *pred = take(data, "predicate"), *as_of = take(data, "as_of");
    json_t *label = pred ? NULL : take(data, "label"); /* with a predicate, a label is the edge's own attribute */
    json_t *by = take(data, "according_to"), *sources = parse_json_text(json_object_get(data, "sources"));
    json_t *citations = parse_json_text(json_object_get(data, "citations"));
    if (sources && !json_is_array(sources)) /* JSON, but no list: text */
        json_decref(sources), sources = NULL;
    /* sources written as text, not kgkit's list: ids, URLs or titles between ; or | */
    json_t *text_sources = NULL;
    if (!sources && json_is_string(json_object_get(data, "sources")) && !citations) {
        text_sources = json_array();
        char *copy = strdup(json_string_value(json_object_get(data, "sources")));
        for (char *p = copy; p && *p;) {
            char *sep = strpbrk(p, ";|");
            if (sep)
                *sep = '\0';
            while (*p == ' ' || *p == '\n' || *p == '\t')
                p++;
            for (char *e = p + strlen(p); e > p && (e[-1] == ' ' || e[-1] == '\n' || e[-1] == '\t');)
                *--e = '\0';
            if (*p)
                json_array_append_new(text_sources, json_string(p));
            p = sep ? sep + 1 : NULL;
        }
        free(copy);
    }
    json_object_del(data, "sources");
    json_object_del(data, "citations");
    json_object_del(data, "id");
    json_t *list = json_is_array(citations) ? citations : sources ? sources : text_sources;
    size_t n = 0, i, max = json_array_size(list);
    kg_cite_t *cites = malloc((max + 1) * sizeof *cites);
    kg_buf_t ids = KG_BUF_INIT, one = KG_BUF_INIT;
    size_t *at = malloc((max + 1) * sizeof *at);
    json_t *s;
    int rc = cites && at ? KG_OK : kg_error_set(err, KG_ENOMEM, path, line, 0, "out of memory");
    /* citations with their quotes, else the bare source ids (unknown ones are created), else the text's */
    json_array_foreach(list, i, s) {
        const char *id = json_is_string(s) ? json_string_value(s) : json_string_value(json_object_get(s, "id"));
        if (rc || !id)
            continue;
        if (list == text_sources) {
            if ((rc = kg_graph_source_from_text(g, id, path, line, &one, err)))
                break;
            id = one.data;
        } else if (kg_graph_entity_by_id(g, id) == KG_NONE || json_is_object(s)) {
            /* a source kgkit wrote with who it is (title, url, published, publisher), else only its id */
            kg_entity_spec_t src;
            kg_entity_spec_init(&src);
            src.id = id;
            src.kind = KG_KIND_SOURCE;
            src.label = json_string_value(json_object_get(s, "title"));
            src.url = json_string_value(json_object_get(s, "url"));
            src.date = json_string_value(json_object_get(s, "published"));
            src.publisher = json_string_value(json_object_get(s, "publisher"));
            src.origin = path;
            src.line = line;
            if ((rc = kg_graph_add_entity(g, &src, NULL, err)))
                break;
        }
        at[n] = ids.len;
        kg_buf_add(&ids, id, strlen(id) + 1);
        cites[n].quote = json_is_object(s) ? json_string_value(json_object_get(s, "quote")) : NULL;
        n++;
    }
    if (!rc && ids.failed)
        rc = kg_error_set(err, KG_ENOMEM, path, line, 0, "out of memory");
    for (size_t k = 0; !rc && k < n; k++)
        cites[k].source = ids.data + at[k];
    json_t *attrs = json_object();
    const char *key;
    json_t *v;
    json_object_foreach(data, key, v) set_dotted(attrs, key, json_incref(v));
    if (undirected)
        json_object_set_new(attrs, "undirected", json_true());
    const char *by_id = json_string_value(by);
    if (by_id && kg_graph_entity_by_id(g, by_id) == KG_NONE) { /* attribution to no known entity: keep as text */
        json_object_set(attrs, "according_to", by);
        by_id = NULL;
    }
    if (rc == KG_OK) {
        kg_stmt_spec_t st;
        kg_stmt_spec_init(&st);
        st.subject = source;
        st.object = target;
        st.predicate = json_string_value(pred) ? json_string_value(pred)
                                                : json_string_value(label) ? json_string_value(label) : KG_PREDICATE_UNLABELLED;
        st.as_of = json_string_value(as_of);
        st.according_to = by_id;
        st.cites = cites;
        st.n_cites = n;
        st.attrs = json_object_size(attrs) ? attrs : NULL;
        st.origin = path;
        st.line = line;
        rc = roles ? kg_graph_add_parallel(g, &st, roles->first, NULL, err) : kg_graph_add_stmt(g, &st, NULL, err);
        if (rc && err && !err->line) {
            err->line = line;
            err->column = column;
        }
    }
    json_t *owned[] = {pred, label, as_of, by, sources, citations, text_sources, attrs};
    for (size_t k = 0; k < sizeof owned / sizeof *owned; k++)
        json_decref(owned[k]);
    free(cites);
    free(at);
    kg_buf_free(&ids);
    kg_buf_free(&one);
    return rc;
}

