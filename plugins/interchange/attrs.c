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

void ix_attrs_free(ix_attrs_t *a)
{
    free(a->items);
    kg_buf_free(&a->buf);
    ix_cites_free(&a->cites);
    memset(a, 0, sizeof *a);
}

#define BORROWED ((size_t)-1)

static ix_attr_t *slot(ix_attrs_t *a)
{
    if (kg_array_reserve((void **)&a->items, &a->cap, a->n + 1, sizeof *a->items))
        return NULL;
    ix_attr_t *x = &a->items[a->n++];
    memset(x, 0, sizeof *x);
    x->name_at = x->text_at = BORROWED;
    return x;
}

/* name (borrowed) = text (borrowed; NULL: skipped). */
static int add(ix_attrs_t *a, const char *name, const char *text, ix_type_t type)
{
    if (!text)
        return KG_OK;
    ix_attr_t *x = slot(a);
    if (!x)
        return KG_ENOMEM;
    x->name = name;
    x->text = a->names_only ? NULL : text;
    x->type = type;
    return KG_OK;
}

/* name (borrowed) = the JSON text that put() makes in the buffer, as a string. */
typedef void (*put_fn)(ix_attrs_t *a, const kg_graph_t *g, uint32_t x);

static int add_put(ix_attrs_t *a, const char *name, put_fn put, const kg_graph_t *g, uint32_t of)
{
    ix_attr_t *x = slot(a);
    if (!x)
        return KG_ENOMEM;
    x->name = name;
    x->type = IX_STRING;
    if (!a->names_only) {
        x->text_at = a->buf.len;
        put(a, g, of);
        kg_buf_putc(&a->buf, '\0');
    }
    return a->buf.failed ? KG_ENOMEM : KG_OK;
}

static void put_aliases(ix_attrs_t *a, const kg_graph_t *g, uint32_t e) { ix_put_aliases(&a->buf, g, e); }
static void put_claims(ix_attrs_t *a, const kg_graph_t *g, uint32_t e) { ix_put_claims(&a->buf, g, e); }
static void put_sources(ix_attrs_t *a, const kg_graph_t *g, uint32_t s) { ix_put_sources(&a->buf, g, s); }
static void put_citations(ix_attrs_t *a, const kg_graph_t *g, uint32_t s)
{
    ix_put_citations(&a->buf, g, s, &a->cites);
}

/* Points the items at what the buffer holds, once it has stopped moving. */
static int settle(ix_attrs_t *a)
{
    if (a->buf.failed)
        return KG_ENOMEM;
    for (size_t i = 0; i < a->n; i++) {
        ix_attr_t *x = &a->items[i];
        if (x->name_at != BORROWED)
            x->name = a->buf.data + x->name_at;
        if (x->text_at != BORROWED)
            x->text = a->buf.data + x->text_at;
    }
    return KG_OK;
}

static int is_standard(const char *name, const char *const *standard)
{
    for (; *standard; standard++)
        if (!strcmp(*standard, name))
            return 1;
    return 0;
}

const char *ix_own_name(const json_t *attrs, const char *key, const char *const *standard, char *buf,
                        size_t size)
{
    if (!is_standard(key, standard))
        return key;
    size_t len = strlen(key), depth = 0;
    do { /* "attr.label", and "attr.attr.label" when the element has its own "attr.label" too */
        depth++;
        if (5 * depth + len >= size)
            return key;
        for (size_t i = 0; i < depth; i++)
            memcpy(buf + 5 * i, "attr.", 5);
        memcpy(buf + 5 * depth, key, len + 1);
    } while (json_object_get(attrs, buf));
    return buf;
}

/* A scalar's text: strings borrowed from the graph, numbers made in the buffer. */
static int add_scalar(ix_attrs_t *a, size_t name_at, const json_t *v)
{
    ix_type_t t = json_is_boolean(v) ? IX_BOOL : json_is_integer(v) ? IX_LONG : json_is_real(v) ? IX_DOUBLE : IX_STRING;
    ix_attr_t *x = slot(a);
    if (!x)
        return KG_ENOMEM;
    x->name_at = name_at;
    x->type = t;
    if (a->names_only)
        return KG_OK;
    char num[64];
    if (json_is_string(v)) {
        x->text = json_string_value(v);
    } else if (json_is_array(v)) { /* lists and other structures as JSON text */
        x->text_at = a->buf.len;
        kg_json_put(&a->buf, v, JSON_COMPACT);
        kg_buf_putc(&a->buf, '\0');
    } else if (json_is_boolean(v)) {
        x->text = json_is_true(v) ? "true" : "false";
    } else {
        x->text_at = a->buf.len;
        kg_buf_puts(&a->buf, ix_text(v, num, sizeof num));
        kg_buf_putc(&a->buf, '\0');
    }
    return a->buf.failed ? KG_ENOMEM : KG_OK;
}

/* Flattens an attributes object: objects by dots, scalars as they are, lists as JSON text; `skip` (a top-level
 * name, or NULL) is left out. The name so far is the buffer's text from `prefix_at` (none: (size_t)-1). */
static int flatten(ix_attrs_t *a, size_t prefix_at, const json_t *obj, const char *const *standard,
                   const char *skip)
{
    const char *key;
    json_t *v;
    json_object_foreach((json_t *)obj, key, v)
    {
        if (json_is_null(v) || (skip && prefix_at == BORROWED && !strcmp(key, skip)))
            continue;
        char own[512];
        const char *name = prefix_at == BORROWED ? ix_own_name(obj, key, standard, own, sizeof own) : key;
        size_t at = a->buf.len;
        if (prefix_at != BORROWED) { /* the prefix, copied: the buffer may move */
            size_t plen = strlen(a->buf.data + prefix_at);
            if (kg_buf_reserve(&a->buf, plen + 1))
                return KG_ENOMEM;
            kg_buf_add(&a->buf, a->buf.data + prefix_at, plen);
            kg_buf_putc(&a->buf, '.');
        }
        kg_buf_puts(&a->buf, name);
        if (kg_buf_putc(&a->buf, '\0'))
            return KG_ENOMEM;
        int rc = json_is_object(v) ? flatten(a, at, v, standard, NULL) : add_scalar(a, at, v);
        if (rc)
            return rc;
    }
    return KG_OK;
}

/* ------------------------------------------------------- lists as JSON text */

void ix_put_aliases(kg_buf_t *b, const kg_graph_t *g, kg_entity_t e)
{
    kg_buf_putc(b, '[');
    for (size_t i = 0; i < kg_entity_alias_count(g, e); i++) {
        if (i)
            kg_buf_putc(b, ',');
        kg_json_put_string(b, kg_entity_alias(g, e, i));
    }
    kg_buf_putc(b, ']');
}

int ix_has_claims(const kg_graph_t *g, kg_entity_t e)
{
    size_t k;
    const kg_stmt_t *st = kg_graph_stmts_by_subject(g, e, &k);
    for (size_t i = 0; i < k; i++)
        if (kg_stmt_object(g, st[i]) == KG_NONE)
            return 1;
    return 0;
}

void ix_put_sources(kg_buf_t *b, const kg_graph_t *g, kg_stmt_t s)
{
    kg_buf_putc(b, '[');
    for (size_t i = 0; i < kg_stmt_cite_count(g, s); i++) {
        if (i)
            kg_buf_putc(b, ',');
        kg_json_put_string(b, kg_entity_id(g, kg_stmt_cite(g, s, i, NULL)));
    }
    kg_buf_putc(b, ']');
}

void ix_put_claims(kg_buf_t *b, const kg_graph_t *g, kg_entity_t e)
{
    size_t k;
    int first = 1;
    const kg_stmt_t *st = kg_graph_stmts_by_subject(g, e, &k);
    kg_buf_putc(b, '[');
    for (size_t i = 0; i < k; i++) {
        if (kg_stmt_object(g, st[i]) != KG_NONE)
            continue;
        kg_value_t v;
        kg_stmt_value(g, st[i], &v);
        kg_entity_t by = kg_stmt_according_to(g, st[i]);
        kg_buf_puts(b, first ? "{\"predicate\":" : ",{\"predicate\":");
        first = 0;
        kg_json_put_string(b, kg_stmt_predicate(g, st[i]));
        kg_buf_puts(b, ",\"value\":");
        kg_json_put_value(b, &v, JSON_COMPACT);
        kg_buf_puts(b, ",\"as_of\":");
        kg_json_put_string(b, kg_stmt_as_of(g, st[i]));
        kg_buf_puts(b, ",\"according_to\":");
        kg_json_put_string(b, by != KG_NONE ? kg_entity_id(g, by) : NULL);
        kg_buf_puts(b, ",\"sources\":");
        ix_put_sources(b, g, st[i]);
        kg_buf_putc(b, '}');
    }
    kg_buf_putc(b, ']');
}

void ix_cites_free(ix_cites_t *c)
{
    kg_buf_free(&c->text);
    free(c->at);
    memset(c, 0, sizeof *c);
}

/* A source's citation, its quote aside: {"id":...,"quote": and ,"title":...,"publisher":...} */
static void put_cite_parts(kg_buf_t *b, const kg_graph_t *g, kg_entity_t src, int part)
{
    if (part == 0) {
        kg_buf_puts(b, "{\"id\":");
        kg_json_put_string(b, kg_entity_id(g, src));
        kg_buf_puts(b, ",\"quote\":");
        return;
    }
    kg_buf_puts(b, ",\"title\":");
    kg_json_put_string(b, kg_entity_label(g, src));
    kg_buf_puts(b, ",\"url\":");
    kg_json_put_string(b, kg_entity_url(g, src));
    kg_buf_puts(b, ",\"published\":");
    kg_json_put_string(b, kg_entity_date(g, src));
    kg_buf_puts(b, ",\"publisher\":");
    kg_json_put_string(b, kg_entity_publisher(g, src));
    kg_buf_putc(b, '}');
}

/* Where the cache holds src's parts (made now when not yet), or NULL when it cannot. */
static const char *cached_parts(ix_cites_t *c, const kg_graph_t *g, kg_entity_t src)
{
    if (!c->at) {
        c->n = kg_graph_entity_count(g);
        if (!(c->at = calloc(c->n + 1, sizeof *c->at)))
            return NULL;
    }
    if (src >= c->n)
        return NULL;
    if (!c->at[src]) {
        size_t at = c->text.len;
        put_cite_parts(&c->text, g, src, 0);
        kg_buf_putc(&c->text, '\0');
        put_cite_parts(&c->text, g, src, 1);
        if (kg_buf_putc(&c->text, '\0'))
            return NULL;
        c->at[src] = at + 1;
    }
    return c->text.data + c->at[src] - 1;
}

void ix_put_citations(kg_buf_t *b, const kg_graph_t *g, kg_stmt_t s, ix_cites_t *cache)
{
    kg_buf_putc(b, '[');
    for (size_t i = 0; i < kg_stmt_cite_count(g, s); i++) {
        const char *quote;
        kg_entity_t src = kg_stmt_cite(g, s, i, &quote);
        const char *parts = cache ? cached_parts(cache, g, src) : NULL;
        if (i)
            kg_buf_putc(b, ',');
        if (parts)
            kg_buf_puts(b, parts);
        else
            put_cite_parts(b, g, src, 0);
        kg_json_put_string(b, quote);
        if (parts)
            kg_buf_puts(b, parts + strlen(parts) + 1);
        else
            put_cite_parts(b, g, src, 1);
    }
    kg_buf_putc(b, ']');
}

/* ------------------------------------------------------------ the elements */

static const char *const node_standard[] = {"label", "kind", "aliases", "date", "claims", NULL};
static const char *const edge_standard[] = {"predicate", "as_of", "according_to", "sources", "citations", NULL};

static void start(ix_attrs_t *a)
{
    a->n = 0;
    kg_buf_clear(&a->buf);
}

int ix_node_attrs(const kg_graph_t *g, kg_entity_t e, ix_attrs_t *out)
{
    start(out);
    int rc = add(out, "label", kg_entity_name(g, e), IX_STRING) ||
             add(out, "kind", kg_entity_kind(g, e), IX_STRING);
    if (!rc && kg_entity_alias_count(g, e))
        rc = add_put(out, "aliases", put_aliases, g, e);
    if (!rc)
        rc = add(out, "date", kg_entity_date(g, e), IX_STRING);
    if (!rc && ix_has_claims(g, e))
        rc = add_put(out, "claims", put_claims, g, e);
    if (!rc && kg_entity_attrs(g, e))
        rc = flatten(out, BORROWED, kg_entity_attrs(g, e), node_standard, NULL);
    return rc ? KG_ENOMEM : settle(out);
}

int ix_edge_attrs(const kg_graph_t *g, kg_stmt_t s, ix_attrs_t *out)
{
    start(out);
    kg_entity_t by = kg_stmt_according_to(g, s);
    int rc = add(out, "predicate", kg_stmt_predicate(g, s), IX_STRING) ||
             add(out, "as_of", kg_stmt_as_of(g, s), IX_STRING) ||
             add(out, "according_to", by != KG_NONE ? kg_entity_id(g, by) : NULL, IX_STRING) ||
             add_put(out, "sources", put_sources, g, s);
    if (!rc && kg_stmt_cite_count(g, s))
        rc = add_put(out, "citations", put_citations, g, s);
    /* a symmetric predicate's relation says it has no direction, as an undirected graph's edges do */
    if (!rc && kg_stmt_undirected(g, s) && !kg_stmt_attr(g, s, KG_ATTR_UNDIRECTED))
        rc = add(out, KG_ATTR_UNDIRECTED, "true", IX_BOOL);
    if (!rc && kg_stmt_attrs(g, s)) /* the multiplicity is written as that many edges, not as a value */
        rc = flatten(out, BORROWED, kg_stmt_attrs(g, s), edge_standard, KG_ATTR_MULTIPLICITY);
    return rc ? KG_ENOMEM : settle(out);
}

unsigned ix_multiplicity(const kg_graph_t *g, kg_stmt_t s)
{
    const json_t *m = kg_stmt_attr(g, s, KG_ATTR_MULTIPLICITY);
    json_int_t n = json_is_integer(m) ? json_integer_value(m) : 1;
    return n > 1 && n < 1000000 ? (unsigned)n : 1;
}

const char *ix_edge_id(kg_stmt_t s, unsigned copy, char *buf, size_t size)
{
    if (size < 24)
        return "";
    buf[0] = 's';
    kg_int_text((long long)s, buf + 1, size - 1);
    if (copy) {
        size_t n = strlen(buf);
        buf[n] = '-';
        kg_int_text((long long)copy + 1, buf + n + 1, size - n - 1);
    }
    return buf;
}

/* ---------------------------------------------------------------- keys */

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

static int walk(const kg_graph_t *g, const kg_opts_t *opts, const char *what, ix_node_fn node, ix_edge_fn edge,
                void *ud, int names_only)
{
    int rc = KG_OK;
    ix_attrs_t a = {0};
    a.names_only = names_only;
    for (kg_entity_t e = 0; node && !rc && e < kg_graph_entity_count(g); e++)
        if (ix_is_node(g, e) && (rc = ix_node_attrs(g, e, &a)) == KG_OK)
            rc = node(ud, e, &a);
    size_t n = kg_graph_stmt_count(g);
    for (kg_stmt_t s = 0; edge && !rc && s < n; s++) {
        if (!ix_is_edge(g, s))
            continue;
        if ((rc = ix_edge_attrs(g, s, &a)) == KG_OK) /* parallel edges: as many as the relation has */
            for (unsigned k = 0, m = ix_multiplicity(g, s); !rc && k < m; k++)
                a.copy = k, rc = edge(ud, s, &a);
        a.copy = 0;
        if (what && (s & 0xffff) == 0)
            kg_progress(opts, what, s, n);
    }
    ix_attrs_free(&a);
    return rc;
}

int ix_walk(const kg_graph_t *g, const kg_opts_t *opts, const char *what, ix_node_fn node, ix_edge_fn edge,
            void *ud)
{
    return walk(g, opts, what, node, edge, ud, 0);
}

static int note_all(ix_keys_t *k, const ix_attrs_t *a)
{
    for (size_t i = 0; i < a->n; i++)
        if (note(k, a->items[i].name, a->items[i].type))
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
    int rc = walk(g, NULL, NULL, note_node, note_edge, both, 1);
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
    if (json_is_integer(v))
        return kg_int_text((long long)json_integer_value(v), buf, size);
    return kg_number_text(json_real_value(v), buf, size);
}

/* The escape XML needs for c, or NULL when c stands as it is. */
static const char *xml_escape(unsigned char c)
{
    switch (c) {
    case '&': return "&amp;";
    case '<': return "&lt;";
    case '>': return "&gt;";
    case '"': return "&quot;";
    case '\n': return "&#10;"; /* kept in attribute values too */
    case '\r': return "&#13;";
    case '\t': return "&#9;";
    default: return c < 0x20 ? "\xef\xbf\xbd" : NULL;
    }
}

/* Which bytes need an escape or end the text: 1 everywhere (NUL, control characters, & < >), 2 in attribute values
 * only (the double quote). */
enum { XML_ANYWHERE = 1, XML_IN_ATTRIBUTE = 2 };
static const unsigned char xml_special[256] = {
    [0] = 1, [1] = 1, [2] = 1, [3] = 1, [4] = 1, [5] = 1, [6] = 1, [7] = 1, [8] = 1, [9] = 1, [10] = 1,
    [11] = 1, [12] = 1, [13] = 1, [14] = 1, [15] = 1, [16] = 1, [17] = 1, [18] = 1, [19] = 1, [20] = 1,
    [21] = 1, [22] = 1, [23] = 1, [24] = 1, [25] = 1, [26] = 1, [27] = 1, [28] = 1, [29] = 1, [30] = 1,
    [31] = 1, [34] = 2, [38] = 1, [60] = 1, [62] = 1
};

/* The length of s's run of bytes that stand as they are (mask: XML_ANYWHERE, with XML_IN_ATTRIBUTE in an attribute
 * value); *esc is then the escape of the byte that ends it (NULL at the end of s). */
static size_t xml_run(const char *s, unsigned mask, const char **esc)
{
    const unsigned char *p = (const unsigned char *)s;
    while (!(xml_special[*p] & mask) && *p)
        p++;
    *esc = *p ? xml_escape(*p) : NULL;
    return (size_t)((const char *)p - s);
}

void ix_xml(FILE *out, const char *s)
{
    for (const char *esc;; s++) {
        size_t n = xml_run(s, XML_ANYWHERE | XML_IN_ATTRIBUTE, &esc);
        fwrite(s, 1, n, out);
        if (!esc)
            return;
        fputs(esc, out);
        s += n;
    }
}

static void put_escaped(kg_buf_t *b, const char *s, unsigned mask)
{
    for (const char *esc;; s++) {
        size_t n = xml_run(s, mask, &esc);
        kg_buf_add(b, s, n);
        if (!esc)
            return;
        kg_buf_puts(b, esc);
        s += n;
    }
}

void ix_xml_put(kg_buf_t *b, const char *s)
{
    put_escaped(b, s, XML_ANYWHERE | XML_IN_ATTRIBUTE);
}

void ix_xml_put_text(kg_buf_t *b, const char *s)
{
    put_escaped(b, s, XML_ANYWHERE);
}

int ix_write_error(FILE *out, kg_error_t *err)
{
    if (ferror(out))
        return kg_error_say(err, KG_EIO, "cannot write: %s", strerror(errno));
    return KG_OK;
}
