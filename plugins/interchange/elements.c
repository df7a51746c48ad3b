/* elements.c - a node's or an edge's attributes, as the GraphML, GEXF and node-link importers read them, into kgkit: the standard names kgkit's writers use come back as what they were, the rest become attributes. */
#define _POSIX_C_SOURCE 200809L /* strndup */
#include "interchange.h"

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

int ix_add_node(kg_graph_t *g, const char *path, int line, const char *id, json_t *data, kg_error_t *err)
{
    json_t *label = take(data, "label"), *kind = take(data, "kind"), *date = take(data, "date");
    if (!kind && json_is_string(json_object_get(data, "type"))) /* "type" is what most tools call the kind */
        kind = take(data, "type");
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
                json_t *data, int undirected, kg_error_t *err)
{
    json_t *pred = take(data, "predicate"), *label = take(data, "label"), *as_of = take(data, "as_of");
    json_t *by = take(data, "according_to"), *sources = parse_json_text(json_object_get(data, "sources"));
    json_t *citations = parse_json_text(json_object_get(data, "citations"));
    json_object_del(data, "sources");
    json_object_del(data, "citations");
    json_object_del(data, "id");
    kg_cite_t cites[64];
    size_t n = 0, i;
    json_t *s;
    int rc = KG_OK;
    /* citations with their quotes, else the bare source ids; unknown sources are created */
    json_t *list = json_is_array(citations) ? citations : sources;
    json_array_foreach(list, i, s)
    {
        const char *id = json_is_string(s) ? json_string_value(s) : json_string_value(json_object_get(s, "id"));
        if (!id || n == 64)
            continue;
        if (kg_graph_entity_by_id(g, id) == KG_NONE) {
            kg_entity_spec_t src;
            kg_entity_spec_init(&src);
            src.id = id;
            src.kind = KG_KIND_SOURCE;
            src.origin = path;
            if ((rc = kg_graph_add_entity(g, &src, NULL, err)))
                break;
        }
        cites[n].source = id;
        cites[n].quote = json_is_object(s) ? json_string_value(json_object_get(s, "quote")) : NULL;
        n++;
    }
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
                                                : json_string_value(label) ? json_string_value(label) : "linked_to";
        st.as_of = json_string_value(as_of);
        st.according_to = by_id;
        st.cites = cites;
        st.n_cites = n;
        st.attrs = json_object_size(attrs) ? attrs : NULL;
        st.origin = path;
        st.line = line;
        rc = kg_graph_add_stmt(g, &st, NULL, err);
        if (rc && err && !err->line) {
            err->line = line;
            err->column = column;
        }
    }
    json_t *owned[] = {pred, label, as_of, by, sources, citations, attrs};
    for (size_t k = 0; k < sizeof owned / sizeof *owned; k++)
        json_decref(owned[k]);
    return rc;
}

