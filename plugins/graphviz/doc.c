/* doc.c - the diagram as the builder makes it (gv_doc): a graph, its nodes, edges and subgraphs with their
 * attributes, in arrays of our own. The DOT exporter writes it out as it is (a million statements in seconds,
 * where cgraph took half a minute); the renderers turn it into a cgraph graph for libgvc to lay out. */
#include "graphviz_plugin.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

typedef struct gv_attr {
    struct gv_attr *next;
    const char *value;
    uint32_t name;
    uint8_t html;
} gv_attr_t;

struct gv_obj {
    gv_doc_t *doc;
    gv_attr_t *attrs;
    const char *name;     /* nodes */
    gv_obj_t *tail, *head; /* edges */
    gv_obj_t *sub;        /* nodes: the subgraph that holds them, or NULL */
    uint8_t type;
};

/* Memory that never moves: blocks, each at least 1 MiB, strings and records carved from them. */
typedef struct block {
    struct block *next;
    size_t used, size;
    max_align_t data[];
} block_t;

#define MAX_NAMES 1024

struct gv_doc {
    block_t *blocks;
    int failed;
    gv_obj_t root;
    gv_obj_t **subs, **nodes, **edges;
    size_t n_subs, cap_subs, n_nodes, cap_nodes, n_edges, cap_edges;
    gv_obj_t **by_name; /* the nodes by name, open addressing */
    size_t cap_by_name;
    const char **shorts; /* short values kept once ("2.5", "none", a colour), open addressing */
    size_t cap_shorts, n_shorts;
    const char *names[MAX_NAMES]; /* attribute names, by first use */
    uint32_t n_names;
    const char *defaults[3][MAX_NAMES]; /* GV_NODE, GV_EDGE, GV_GRAPH: the declared defaults (NULL: "") */
};

/* size bytes aligned to align (a power of two): records to their pointers', strings to nothing, so that the
 * million attributes of a big diagram do not each round up to 16 bytes */
static void *carve_aligned(gv_doc_t *d, size_t size, size_t align)
{
    block_t *b = d->blocks;
    size_t pad = b ? (align - b->used % align) % align : 0;
    if (b && b->size - b->used >= size + pad)
        b->used += pad;
    else
        size = (size + sizeof(max_align_t) - 1) / sizeof(max_align_t) * sizeof(max_align_t);
    if (!b || b->size - b->used < size) {
        size_t want = size > (1u << 20) ? size : (1u << 20);
        block_t *nb = malloc(sizeof *nb + want);
        if (!nb) {
            d->failed = 1;
            return NULL;
        }
        nb->size = want;
        nb->used = 0;
        if (b && size > (1u << 19)) { /* a large one on its own, behind the current block */
            nb->next = b->next;
            b->next = nb;
        } else {
            nb->next = b;
            d->blocks = nb;
        }
        b = nb;
    }
    void *p = (char *)b->data + b->used;
    b->used += size;
    return p;
}

static void *carve(gv_doc_t *d, size_t size)
{
    return carve_aligned(d, size, sizeof(void *));
}

#define SHORT_VALUE 24 /* values up to this long are kept once: a diagram repeats its styles on every edge */

static const char *carve_copy(gv_doc_t *d, const char *s, size_t n)
{
    char *c = carve_aligned(d, n, 1);
    return c ? memcpy(c, s, n) : "";
}

static size_t short_slot(const gv_doc_t *d, const char *s, size_t n)
{
    uint64_t h = 1469598103934665603u;
    for (size_t k = 0; k < n; k++)
        h = (h ^ (unsigned char)s[k]) * 1099511628211u;
    size_t i = (size_t)(h & (d->cap_shorts - 1));
    while (d->shorts[i] && strcmp(d->shorts[i], s))
        i = (i + 1) & (d->cap_shorts - 1);
    return i;
}

/* The doc's copy of s (its strings never change): a short one shared with its equals. */
static const char *copy(gv_doc_t *d, const char *s)
{
    size_t n = strlen(s) + 1;
    if (n > SHORT_VALUE)
        return carve_copy(d, s, n);
    if (2 * (d->n_shorts + 1) > d->cap_shorts) {
        size_t cap = d->cap_shorts ? 2 * d->cap_shorts : 256;
        const char **old = d->shorts, **table = calloc(cap, sizeof *table);
        size_t old_cap = d->cap_shorts;
        if (!table)
            return carve_copy(d, s, n); /* kept unshared: the same text */
        d->shorts = table;
        d->cap_shorts = cap;
        for (size_t i = 0; i < old_cap; i++)
            if (old[i])
                d->shorts[short_slot(d, old[i], strlen(old[i]))] = old[i];
        free(old);
    }
    size_t i = short_slot(d, s, n - 1);
    if (!d->shorts[i]) {
        const char *c = carve_copy(d, s, n);
        if (d->failed)
            return c;
        d->shorts[i] = c;
        d->n_shorts++;
    }
    return d->shorts[i];
}

static int push(gv_doc_t *d, gv_obj_t ***items, size_t *n, size_t *cap, gv_obj_t *o)
{
    if (kg_array_reserve((void **)items, cap, *n + 1, sizeof **items)) {
        d->failed = 1;
        return -1;
    }
    (*items)[(*n)++] = o;
    return 0;
}

gv_doc_t *gv_doc_new(void)
{
    gv_doc_t *d = calloc(1, sizeof *d);
    if (d) {
        d->root.type = GV_GRAPH;
        d->root.doc = d;
    }
    return d;
}

void gv_doc_free(gv_doc_t *d)
{
    if (!d)
        return;
    for (block_t *b = d->blocks, *next; b; b = next) {
        next = b->next;
        free(b);
    }
    free(d->subs);
    free(d->nodes);
    free(d->edges);
    free(d->by_name);
    free(d->shorts);
    free(d);
}

int gv_doc_failed(const gv_doc_t *d)
{
    return d->failed;
}

gv_obj_t *gv_doc_root(gv_doc_t *d)
{
    return &d->root;
}

static gv_obj_t *new_obj(gv_doc_t *d, int type)
{
    gv_obj_t *o = carve(d, sizeof *o);
    if (o) {
        memset(o, 0, sizeof *o);
        o->type = (uint8_t)type;
        o->doc = d;
    }
    return o;
}

static uint32_t name_id(gv_doc_t *d, const char *name)
{
    for (uint32_t i = 0; i < d->n_names; i++)
        if (!strcmp(d->names[i], name))
            return i;
    if (d->n_names == MAX_NAMES) {
        d->failed = 1;
        return 0;
    }
    d->names[d->n_names] = copy(d, name);
    return d->n_names++;
}

void gv_doc_default(gv_doc_t *d, int type, const char *name, const char *value)
{
    d->defaults[type][name_id(d, name)] = copy(d, value);
}

static size_t hash(const char *s)
{
    size_t h = 1469598103934665603u;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211u;
    return h;
}

gv_obj_t *gv_doc_node(gv_doc_t *d, const char *name, int create)
{
    if (d->cap_by_name) {
        for (size_t h = hash(name) & (d->cap_by_name - 1); d->by_name[h]; h = (h + 1) & (d->cap_by_name - 1))
            if (!strcmp(d->by_name[h]->name, name))
                return d->by_name[h];
    }
    if (!create)
        return NULL;
    if (2 * (d->n_nodes + 1) > d->cap_by_name) { /* grow the index, and place every node again */
        size_t cap = d->cap_by_name ? 2 * d->cap_by_name : 1024;
        gv_obj_t **x = calloc(cap, sizeof *x);
        if (!x) {
            d->failed = 1;
            return NULL;
        }
        for (size_t i = 0; i < d->n_nodes; i++) {
            size_t h = hash(d->nodes[i]->name) & (cap - 1);
            while (x[h])
                h = (h + 1) & (cap - 1);
            x[h] = d->nodes[i];
        }
        free(d->by_name);
        d->by_name = x;
        d->cap_by_name = cap;
    }
    gv_obj_t *n = new_obj(d, GV_NODE);
    if (!n || push(d, &d->nodes, &d->n_nodes, &d->cap_nodes, n))
        return NULL;
    n->name = copy(d, name);
    size_t h = hash(name) & (d->cap_by_name - 1);
    while (d->by_name[h])
        h = (h + 1) & (d->cap_by_name - 1);
    d->by_name[h] = n;
    return n;
}

gv_obj_t *gv_doc_edge(gv_doc_t *d, gv_obj_t *tail, gv_obj_t *head)
{
    gv_obj_t *e = new_obj(d, GV_EDGE);
    if (!e || push(d, &d->edges, &d->n_edges, &d->cap_edges, e))
        return NULL;
    e->tail = tail;
    e->head = head;
    return e;
}

gv_obj_t *gv_doc_subgraph(gv_doc_t *d)
{
    gv_obj_t *s = new_obj(d, GV_SUBGRAPH);
    if (!s || push(d, &d->subs, &d->n_subs, &d->cap_subs, s))
        return NULL;
    return s;
}

void gv_doc_subnode(gv_obj_t *sub, gv_obj_t *node)
{
    if (sub && node)
        node->sub = sub;
}

const char *gv_obj_name(const gv_obj_t *o)
{
    return o->name ? o->name : "";
}

static void set(gv_obj_t *o, const char *name, const char *value, int html)
{
    if (!o)
        return;
    gv_doc_t *d = o->doc;
    uint32_t id = name_id(d, name);
    gv_attr_t *a = o->attrs;
    while (a && a->name != id)
        a = a->next;
    if (!a) {
        if (!(a = carve(d, sizeof *a)))
            return;
        a->name = id;
        a->next = o->attrs;
        o->attrs = a;
    }
    a->value = copy(d, value);
    a->html = (uint8_t)html;
}

void gv_set(gv_obj_t *o, const char *name, const char *value)
{
    set(o, name, value, 0);
}

void gv_set_html(gv_obj_t *o, const char *name, const char *html)
{
    set(o, name, html, 1);
}

/* ------------------------------------------------------------------ DOT */

/* Whether s is written bare: a DOT ID of letters, digits, '_' and non-ASCII bytes, not starting with a digit,
 * and no keyword. */
static int bare(const char *s)
{
    static const char *const keywords[] = {"node", "edge", "graph", "digraph", "subgraph", "strict", NULL};
    if (!*s || (*s >= '0' && *s <= '9'))
        return 0;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++)
        if (!(*p >= 0x80 || *p == '_' || (*p >= '0' && *p <= '9') || ((*p | 0x20) >= 'a' && (*p | 0x20) <= 'z')))
            return 0;
    for (size_t i = 0; keywords[i]; i++)
        if (!strcasecmp(s, keywords[i]))
            return 0;
    return 1;
}

/* An ID as cgraph's writer puts it: bare, or quoted with its quotes escaped; an HTML string in < >. */
static void put_id(kg_buf_t *b, const char *s, int html)
{
    if (html) {
        kg_buf_putc(b, '<');
        kg_buf_puts(b, s);
        kg_buf_putc(b, '>');
        return;
    }
    if (bare(s)) {
        kg_buf_puts(b, s);
        return;
    }
    kg_buf_putc(b, '"');
    for (const char *run = s;; s++) {
        if (*s && *s != '"')
            continue;
        kg_buf_add(b, run, (size_t)(s - run));
        if (!*s)
            break;
        kg_buf_add(b, "\\\"", 2);
        run = s + 1;
    }
    kg_buf_putc(b, '"');
}

/* The attributes (a list) that differ from the defaults of type t (-1: all of them), by name as cgraph writes
 * them: "\t[a=b,\n\t\tc=d]". */
static void put_attrs(const gv_doc_t *d, kg_buf_t *b, const gv_attr_t *attrs, int t, const uint32_t *rank)
{
    const gv_attr_t *list[MAX_NAMES];
    size_t n = 0;
    for (const gv_attr_t *a = attrs; a && n < MAX_NAMES; a = a->next) {
        const char *def = t >= 0 && d->defaults[t][a->name] ? d->defaults[t][a->name] : "";
        if (t >= 0 && !strcmp(a->value, def) && !a->html)
            continue;
        size_t i = n++; /* insertion by the names' order */
        while (i > 0 && rank[list[i - 1]->name] > rank[a->name]) {
            list[i] = list[i - 1];
            i--;
        }
        list[i] = a;
    }
    if (!n)
        return;
    kg_buf_puts(b, "\t[");
    for (size_t i = 0; i < n; i++) {
        kg_buf_puts(b, i ? ",\n\t\t" : "");
        kg_buf_puts(b, d->names[list[i]->name]);
        kg_buf_putc(b, '=');
        put_id(b, list[i]->value, list[i]->html);
    }
    kg_buf_putc(b, ']');
}

static void put_node(const gv_doc_t *d, kg_buf_t *b, const gv_obj_t *n, const uint32_t *rank, const char *indent)
{
    kg_buf_puts(b, indent);
    put_id(b, n->name, 0);
    put_attrs(d, b, n->attrs, GV_NODE, rank);
    kg_buf_puts(b, ";\n");
}

int gv_doc_write_dot(const gv_doc_t *d, const char *name, FILE *out, const kg_opts_t *opts)
{
    uint32_t order[MAX_NAMES], rank[MAX_NAMES];
    for (uint32_t i = 0; i < d->n_names; i++) { /* the attribute names in order */
        uint32_t j = i;
        for (; j > 0 && strcmp(d->names[order[j - 1]], d->names[i]) > 0; j--)
            order[j] = order[j - 1];
        order[j] = i;
    }
    for (uint32_t i = 0; i < d->n_names; i++)
        rank[order[i]] = i;
    kg_buf_t b = KG_BUF_INIT;
    kg_buf_puts(&b, "digraph ");
    put_id(&b, name, 0);
    kg_buf_puts(&b, " {\n");
    if (d->root.attrs) { /* the graph's own attributes, every one */
        kg_buf_puts(&b, "\tgraph");
        put_attrs(d, &b, d->root.attrs, -1, rank);
        kg_buf_puts(&b, ";\n");
    }
    static const char *const what[] = {[GV_NODE] = "node", [GV_EDGE] = "edge"};
    for (int t = GV_NODE; t <= GV_EDGE; t++) { /* the defaults of nodes and edges that are not "" */
        gv_attr_t items[MAX_NAMES];
        size_t n = 0;
        for (uint32_t i = 0; i < d->n_names; i++)
            if (d->defaults[t][i] && *d->defaults[t][i]) {
                items[n] = (gv_attr_t){n ? &items[n - 1] : NULL, d->defaults[t][i], i, 0};
                n++;
            }
        if (!n)
            continue;
        kg_buf_putc(&b, '\t');
        kg_buf_puts(&b, what[t]);
        put_attrs(d, &b, &items[n - 1], -1, rank);
        kg_buf_puts(&b, ";\n");
    }
    for (size_t s = 0; s < d->n_subs; s++) { /* each subgraph with its nodes */
        kg_buf_puts(&b, "\t{\n");
        if (d->subs[s]->attrs) {
            kg_buf_puts(&b, "\t\tgraph");
            put_attrs(d, &b, d->subs[s]->attrs, GV_GRAPH, rank);
            kg_buf_puts(&b, ";\n");
        }
        for (size_t i = 0; i < d->n_nodes; i++)
            if (d->nodes[i]->sub == d->subs[s])
                put_node(d, &b, d->nodes[i], rank, "\t\t");
        kg_buf_puts(&b, "\t}\n");
    }
    int rc = KG_OK;
    for (size_t i = 0; i < d->n_nodes && !rc; i++) {
        if (!d->nodes[i]->sub)
            put_node(d, &b, d->nodes[i], rank, "\t");
        rc = kg_buf_flush(&b, out, 1 << 16);
    }
    for (size_t i = 0; i < d->n_edges && !rc; i++) {
        const gv_obj_t *e = d->edges[i];
        kg_buf_putc(&b, '\t');
        put_id(&b, e->tail->name, 0);
        kg_buf_puts(&b, " -> ");
        put_id(&b, e->head->name, 0);
        put_attrs(d, &b, e->attrs, GV_EDGE, rank);
        kg_buf_puts(&b, ";\n");
        rc = kg_buf_flush(&b, out, 1 << 16);
        if ((i & 0xffff) == 0)
            kg_progress(opts, "writing DOT", i, d->n_edges);
    }
    kg_buf_puts(&b, "}\n");
    if (!rc)
        rc = kg_buf_flush(&b, out, 0);
    kg_buf_free(&b);
    return rc;
}

/* --------------------------------------------------------------- cgraph */

static void cg_attrs(const gv_doc_t *d, Agraph_t *G, void *obj, const gv_obj_t *o)
{
    for (const gv_attr_t *a = o->attrs; a; a = a->next) {
        if (a->html) {
            char *html = agstrdup_html(G, (char *)a->value);
            agsafeset(obj, (char *)d->names[a->name], html, (char *)"");
            agstrfree(G, html);
        } else {
            agsafeset(obj, (char *)d->names[a->name], (char *)a->value, (char *)"");
        }
    }
}

Agraph_t *gv_doc_to_cgraph(const gv_doc_t *d, const char *name)
{
    Agraph_t *G = agopen((char *)name, Agdirected, NULL);
    if (!G)
        return NULL;
    static const int kinds[] = {AGNODE, AGEDGE, AGRAPH};
    static const int types[] = {GV_NODE, GV_EDGE, GV_GRAPH};
    for (int k = 0; k < 3; k++)
        for (uint32_t i = 0; i < d->n_names; i++)
            if (d->defaults[types[k]][i])
                agattr(G, kinds[k], (char *)d->names[i], (char *)d->defaults[types[k]][i]);
    /* attributes are set in the order they were first set on each object (the list holds them newest first) */
    cg_attrs(d, G, G, &d->root);
    Agraph_t **subs = calloc(d->n_subs + 1, sizeof *subs);
    if (!subs) {
        agclose(G);
        return NULL;
    }
    for (size_t s = 0; s < d->n_subs; s++) {
        subs[s] = agsubg(G, NULL, 1);
        cg_attrs(d, G, subs[s], d->subs[s]);
    }
    Agnode_t **nodes = calloc(d->n_nodes + 1, sizeof *nodes);
    int failed = !nodes;
    for (size_t i = 0; !failed && i < d->n_nodes; i++) {
        const gv_obj_t *n = d->nodes[i];
        failed = !(nodes[i] = agnode(G, (char *)n->name, 1));
        for (size_t s = 0; !failed && n->sub && s < d->n_subs; s++)
            if (d->subs[s] == n->sub)
                agsubnode(subs[s], nodes[i], 1);
        if (!failed)
            cg_attrs(d, G, nodes[i], n);
    }
    for (size_t i = 0; !failed && i < d->n_edges; i++) {
        const gv_obj_t *e = d->edges[i];
        Agedge_t *x = agedge(G, agnode(G, (char *)e->tail->name, 0), agnode(G, (char *)e->head->name, 0), NULL, 1);
        failed = !x;
        if (x)
            cg_attrs(d, G, x, e);
    }
    free(subs);
    free(nodes);
    if (failed) {
        agclose(G);
        return NULL;
    }
    return G;
}
