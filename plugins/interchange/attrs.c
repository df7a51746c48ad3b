/* attrs.c - elements' attributes flattened to scalar values under one set of typed names, for the interchange formats. */
#define _POSIX_C_SOURCE 200809L
#include "interchange.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

int ix_is_node(const kg_graph_t *g, kg_entity_t e)
{
    return !kg_entity_is_source(g, e);
}

int ix_is_edge(const kg_graph_t *g, kg_stmt_t s)
{
    kg_entity_t o = kg_stmt_object(g, s);
    return o != KG_NONE && ix_is_node(g, o) && ix_is_node(g, kg_stmt_subject(g, s));
}

void ix_attrs_clear(ix_attrs_t *a)
{
    for (size_t i = 0; i < a->n; i++) {
        free(a->items[i].name);
        json_decref(a->items[i].value);
    }
    free(a->items);
    memset(a, 0, sizeof *a);
}

/* Adds name = value (stealing value; NULL or null values are skipped). */
static int add(ix_attrs_t *a, const char *prefix, const char *name, json_t *value)
{
    if (!value || json_is_null(value)) {
        json_decref(value);
        return 0;
    }
    if (a->n == a->cap) {
        size_t cap = a->cap ? 2 * a->cap : 16;
        ix_attr_t *x = realloc(a->items, cap * sizeof *x);
        if (!x) {
            json_decref(value);
            return -1;
        }
        a->items = x;
        a->cap = cap;
    }
    size_t len = (prefix ? strlen(prefix) + 1 : 0) + strlen(name) + 1;
    char *n = malloc(len);
    if (!n) {
        json_decref(value);
        return -1;
    }
    snprintf(n, len, "%s%s%s", prefix ? prefix : "", prefix ? "." : "", name);
    a->items[a->n].name = n;
    a->items[a->n].value = value;
    a->n++;
    return 0;
}

static json_t *as_text(const json_t *v)
{
    char *s = json_dumps(v, JSON_COMPACT | JSON_ENCODE_ANY | JSON_PRESERVE_ORDER);
    json_t *t = s ? json_string(s) : NULL;
    free(s);
    return t;
}

static int is_standard(const char *name, const char *const *standard)
{
    for (; *standard; standard++)
        if (!strcmp(*standard, name))
            return 1;
    return 0;
}

/* Flattens an attributes object: objects by dots, scalars as they are, lists as JSON text. */
static int flatten(ix_attrs_t *a, const char *prefix, const json_t *obj, const char *const *standard)
{
    const char *key;
    json_t *v;
    json_object_foreach((json_t *)obj, key, v)
    {
        const char *p = prefix;
        char buf[512];
        if (!prefix && is_standard(key, standard)) {
            snprintf(buf, sizeof buf, "attr");
            p = buf;
        }
        int rc;
        if (json_is_object(v)) {
            char nested[1024];
            snprintf(nested, sizeof nested, "%s%s%s", p ? p : "", p ? "." : "", key);
            rc = flatten(a, nested, v, standard);
        } else if (json_is_array(v)) {
            rc = add(a, p, key, as_text(v));
        } else {
            rc = add(a, p, key, json_incref(v));
        }
        if (rc)
            return rc;
    }
    return 0;
}

json_t *ix_claims(const kg_graph_t *g, kg_entity_t e)
{
    json_t *list = json_array();
    size_t k;
    const kg_stmt_t *st = kg_graph_stmts_by_subject(g, e, &k);
    for (size_t i = 0; i < k; i++) {
        if (kg_stmt_object(g, st[i]) != KG_NONE)
            continue;
        kg_value_t v;
        kg_stmt_value(g, st[i], &v);
        kg_entity_t by = kg_stmt_according_to(g, st[i]);
        json_t *src = json_array();
        for (size_t j = 0; j < kg_stmt_cite_count(g, st[i]); j++)
            json_array_append_new(src, json_string(kg_entity_id(g, kg_stmt_cite(g, st[i], j, NULL))));
        json_array_append_new(list, json_pack("{s:s,s:o,s:s?,s:s?,s:o}", "predicate", kg_stmt_predicate(g, st[i]),
                                              "value", kg_value_to_json(&v), "as_of", kg_stmt_as_of(g, st[i]),
                                              "according_to", by != KG_NONE ? kg_entity_id(g, by) : NULL, "sources",
                                              src));
    }
    return list;
}

static const char *const node_standard[] = {"label", "kind", "aliases", "date", "claims", NULL};
static const char *const edge_standard[] = {"predicate", "as_of", "according_to", "sources", "citations", NULL};

int ix_node_attrs(const kg_graph_t *g, kg_entity_t e, ix_attrs_t *out)
{
    int rc = add(out, NULL, "label", json_string(kg_entity_name(g, e))) ||
             add(out, NULL, "kind", json_string(kg_entity_kind(g, e)));
    if (!rc && kg_entity_alias_count(g, e)) {
        json_t *al = json_array();
        for (size_t i = 0; i < kg_entity_alias_count(g, e); i++)
            json_array_append_new(al, json_string(kg_entity_alias(g, e, i)));
        rc = add(out, NULL, "aliases", as_text(al));
        json_decref(al);
    }
    if (!rc && kg_entity_date(g, e))
        rc = add(out, NULL, "date", json_string(kg_entity_date(g, e)));
    json_t *claims = ix_claims(g, e);
    if (!rc && json_array_size(claims))
        rc = add(out, NULL, "claims", as_text(claims));
    json_decref(claims);
    if (!rc && kg_entity_attrs(g, e))
        rc = flatten(out, NULL, kg_entity_attrs(g, e), node_standard);
    return rc ? KG_ENOMEM : KG_OK;
}

int ix_edge_attrs(const kg_graph_t *g, kg_stmt_t s, ix_attrs_t *out)
{
    kg_entity_t by = kg_stmt_according_to(g, s);
    int rc = add(out, NULL, "predicate", json_string(kg_stmt_predicate(g, s)));
    if (!rc && kg_stmt_as_of(g, s))
        rc = add(out, NULL, "as_of", json_string(kg_stmt_as_of(g, s)));
    if (!rc && by != KG_NONE)
        rc = add(out, NULL, "according_to", json_string(kg_entity_id(g, by)));
    json_t *ids = json_array(), *cites = json_array();
    for (size_t i = 0; i < kg_stmt_cite_count(g, s); i++) {
        const char *quote;
        const char *id = kg_entity_id(g, kg_stmt_cite(g, s, i, &quote));
        json_array_append_new(ids, json_string(id));
        json_array_append_new(cites, ix_citation(g, kg_stmt_cite(g, s, i, NULL), quote));
    }
    if (!rc)
        rc = add(out, NULL, "sources", as_text(ids));
    if (!rc && json_array_size(cites))
        rc = add(out, NULL, "citations", as_text(cites));
    json_decref(ids);
    json_decref(cites);
    /* a symmetric predicate's relation says it has no direction, as an undirected graph's edges do */
    if (!rc && kg_stmt_undirected(g, s) && !kg_stmt_attr(g, s, KG_ATTR_UNDIRECTED))
        rc = add(out, NULL, KG_ATTR_UNDIRECTED, json_true());
    if (!rc && kg_stmt_attrs(g, s)) { /* the multiplicity is written as that many edges, not as a value */
        json_t *own = json_copy((json_t *)kg_stmt_attrs(g, s));
        json_object_del(own, KG_ATTR_MULTIPLICITY);
        rc = own ? flatten(out, NULL, own, edge_standard) : KG_ENOMEM;
        json_decref(own);
    }
    return rc ? KG_ENOMEM : KG_OK;
}

json_t *ix_citation(const kg_graph_t *g, kg_entity_t src, const char *quote)
{
    const char *label = kg_entity_label(g, src);
    return json_pack("{s:s,s:s?,s:s?,s:s?,s:s?,s:s?}", "id", kg_entity_id(g, src), "quote", quote, "title", label,
                     "url", kg_entity_url(g, src), "published", kg_entity_date(g, src), "publisher",
                     kg_entity_publisher(g, src));
}

unsigned ix_multiplicity(const kg_graph_t *g, kg_stmt_t s)
{
    const json_t *m = kg_stmt_attr(g, s, KG_ATTR_MULTIPLICITY);
    json_int_t n = json_is_integer(m) ? json_integer_value(m) : 1;
    return n > 1 && n < 1000000 ? (unsigned)n : 1;
}

const char *ix_edge_id(kg_stmt_t s, unsigned copy, char *buf, size_t size)
{
    if (copy)
        snprintf(buf, size, "s%u-%u", (unsigned)s, copy + 1);
    else
        snprintf(buf, size, "s%u", (unsigned)s);
    return buf;
}

/* ---------------------------------------------------------------- keys */

static ix_type_t type_of(const json_t *v)
{
    return json_is_boolean(v) ? IX_BOOL : json_is_integer(v) ? IX_LONG : json_is_real(v) ? IX_DOUBLE : IX_STRING;
}

static int note(ix_keys_t *k, const char *name, ix_type_t t)
{
    size_t i = ix_keys_find(k, name);
    if (i != (size_t)-1) {
        if (k->items[i].type != t) /* integers and reals make reals; anything else mixed makes strings */
            k->items[i].type = ((k->items[i].type == IX_LONG && t == IX_DOUBLE) ||
                                (k->items[i].type == IX_DOUBLE && t == IX_LONG))
                                   ? IX_DOUBLE
                                   : IX_STRING;
        return 0;
    }
    if (k->n == k->cap) {
        size_t cap = k->cap ? 2 * k->cap : 16;
        ix_key_t *x = realloc(k->items, cap * sizeof *x);
        if (!x)
            return -1;
        k->items = x;
        k->cap = cap;
    }
    if (!(k->items[k->n].name = strdup(name)))
        return -1;
    k->items[k->n++].type = t;
    return 0;
}

const char *ix_type_name(ix_type_t t)
{
    static const char *const names[] = {"boolean", "long", "double", "string"};
    return names[t];
}

size_t ix_keys_find(const ix_keys_t *k, const char *name)
{
    for (size_t i = 0; i < k->n; i++)
        if (!strcmp(k->items[i].name, name))
            return i;
    return (size_t)-1;
}

void ix_keys_clear(ix_keys_t *k)
{
    for (size_t i = 0; i < k->n; i++)
        free(k->items[i].name);
    free(k->items);
    memset(k, 0, sizeof *k);
}

int ix_walk(const kg_graph_t *g, const kg_opts_t *opts, const char *what, ix_node_fn node, ix_edge_fn edge,
            void *ud)
{
    int rc = KG_OK;
    for (kg_entity_t e = 0; node && !rc && e < kg_graph_entity_count(g); e++) {
        if (!ix_is_node(g, e))
            continue;
        ix_attrs_t a = {0};
        if ((rc = ix_node_attrs(g, e, &a)) == KG_OK)
            rc = node(ud, e, &a);
        ix_attrs_clear(&a);
    }
    size_t n = kg_graph_stmt_count(g);
    for (kg_stmt_t s = 0; edge && !rc && s < n; s++) {
        if (!ix_is_edge(g, s))
            continue;
        ix_attrs_t a = {0};
        if ((rc = ix_edge_attrs(g, s, &a)) == KG_OK) /* parallel edges: as many as the relation has */
            for (unsigned k = 0, m = ix_multiplicity(g, s); !rc && k < m; k++)
                a.copy = k, rc = edge(ud, s, &a);
        ix_attrs_clear(&a);
        if (what && (s & 0xffff) == 0)
            kg_progress(opts, what, s, n);
    }
    return rc;
}

static int note_all(ix_keys_t *k, const ix_attrs_t *a)
{
    for (size_t i = 0; i < a->n; i++)
        if (note(k, a->items[i].name, type_of(a->items[i].value)))
            return KG_ENOMEM;
    return KG_OK;
}

static int note_node(void *ud, kg_entity_t e, const ix_attrs_t *a)
{
    (void)e;
    return note_all(&((ix_keys_t *)ud)[0], a);
}

static int note_edge(void *ud, kg_stmt_t s, const ix_attrs_t *a)
{
    (void)s;
    return note_all(&((ix_keys_t *)ud)[1], a);
}

int ix_keys_collect(const kg_graph_t *g, ix_keys_t *nodes, ix_keys_t *edges)
{
    ix_keys_t both[2] = {*nodes, *edges};
    int rc = ix_walk(g, NULL, NULL, note_node, note_edge, both);
    *nodes = both[0];
    *edges = both[1];
    return rc;
}

/* ---------------------------------------------------------------- text */

const char *ix_text(const json_t *v, char *buf, size_t size)
{
    if (json_is_string(v))
        return json_string_value(v);
    if (json_is_boolean(v))
        return json_is_true(v) ? "true" : "false";
    if (json_is_integer(v)) {
        snprintf(buf, size, "%lld", (long long)json_integer_value(v));
        return buf;
    }
    double x = json_real_value(v);
    for (int p = 1; p <= 17; p++) { /* the fewest digits that read back exactly */
        snprintf(buf, size, "%.*g", p, x);
        if (strtod(buf, NULL) == x)
            break;
    }
    return buf;
}

void ix_xml(FILE *out, const char *s)
{
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        switch (*p) {
        case '&': fputs("&amp;", out); break;
        case '<': fputs("&lt;", out); break;
        case '>': fputs("&gt;", out); break;
        case '"': fputs("&quot;", out); break;
        case '\n': fputs("&#10;", out); break; /* kept in attribute values too */
        case '\r': fputs("&#13;", out); break;
        case '\t': fputs("&#9;", out); break;
        default:
            if (*p < 0x20)
                fputs("\xef\xbf\xbd", out);
            else
                fputc(*p, out);
        }
    }
}

int ix_write_error(FILE *out, kg_error_t *err)
{
    if (ferror(out))
        return kg_error_say(err, KG_EIO, "cannot write: %s", strerror(errno));
    return KG_OK;
}
