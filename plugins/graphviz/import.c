/* import.c - the "dot" importer: Graphviz files read by cgraph become entities, relations and group memberships. */
#include "graphviz_plugin.h"

#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* cgraph reports syntax errors through a global hook: collect them. */
static char dot_errors[1024];

static int collect(char *msg)
{
    size_t len = strlen(dot_errors);
    if (strncmp(msg, "Warning", 7) != 0 && len < sizeof dot_errors - 1)
        snprintf(dot_errors + len, sizeof dot_errors - len, "%s", msg);
    return 0;
}

int gv_sniff_dot(const char *head, size_t len)
{
    size_t i = 0;
    for (;;) { /* white space and comments */
        while (i < len && isspace((unsigned char)head[i]))
            i++;
        if (i + 1 < len && head[i] == '/' && head[i + 1] == '/') {
            while (i < len && head[i] != '\n')
                i++;
        } else if (i + 1 < len && head[i] == '/' && head[i + 1] == '*') {
            i += 2;
            while (i + 1 < len && !(head[i] == '*' && head[i + 1] == '/'))
                i++;
            i += 2;
        } else if (i < len && head[i] == '#') {
            while (i < len && head[i] != '\n')
                i++;
        } else {
            break;
        }
    }
    static const char *const starts[] = {"strict", "digraph", "graph", NULL};
    for (const char *const *s = starts; *s; s++) {
        size_t n = strlen(*s);
        if (i + n <= len && strncasecmp(head + i, *s, n) == 0 &&
            (i + n == len || !isalnum((unsigned char)head[i + n])))
            return 70;
    }
    return 0;
}

/* The character of the entity at s (gv_is_entity), as UTF-8 into out; returns its length in s. The five
 * XML entities and numeric ones are known; another named one is kept as written. */
static size_t add_entity(const char *s, kg_buf_t *out)
{
    static const struct { const char *name; const char *text; } named[] = {
        {"&amp;", "&"}, {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&apos;", "'"}, {"&nbsp;", "\xc2\xa0"}};
    size_t len = (size_t)(strchr(s, ';') - s) + 1;
    for (size_t i = 0; i < sizeof named / sizeof *named; i++)
        if (!strncmp(s, named[i].name, len) && strlen(named[i].name) == len) {
            kg_buf_puts(out, named[i].text);
            return len;
        }
    if (s[1] != '#') {
        kg_buf_printf(out, "%.*s", (int)len, s);
        return len;
    }
    unsigned long cp = s[2] == 'x' || s[2] == 'X' ? strtoul(s + 3, NULL, 16) : strtoul(s + 2, NULL, 10);
    char u[5] = {0};
    if (cp == 0 || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF)
        kg_buf_puts(out, "\xef\xbf\xbd");
    else if (cp < 0x80)
        u[0] = (char)cp;
    else if (cp < 0x800)
        u[0] = (char)(0xC0 | cp >> 6), u[1] = (char)(0x80 | (cp & 0x3F));
    else if (cp < 0x10000)
        u[0] = (char)(0xE0 | cp >> 12), u[1] = (char)(0x80 | ((cp >> 6) & 0x3F)), u[2] = (char)(0x80 | (cp & 0x3F));
    else
        u[0] = (char)(0xF0 | cp >> 18), u[1] = (char)(0x80 | ((cp >> 12) & 0x3F)),
        u[2] = (char)(0x80 | ((cp >> 6) & 0x3F)), u[3] = (char)(0x80 | (cp & 0x3F));
    kg_buf_puts(out, u);
    return len;
}

/* The most \N and \G one label expands: past it they stay as written (a small file of "\N\N\N..." labels
 * on long names would otherwise become gigabytes). */
#define MAX_EXPANSIONS 16

/* A label as text, as Graphviz draws it: its escapes (\n \l \r line breaks, \\ a backslash, \N the node's
 * name, \G the graph's) and character entities resolved; HTML-like labels without their tags. Returns 1 when
 * it left expansions as written (MAX_EXPANSIONS), else 0. */
static int label_text(const char *label, const char *node, const char *graph, kg_buf_t *out)
{
    int expanded = 0;
    if (aghtmlstr((char *)label)) {
        int in_tag = 0;
        for (const char *p = label; *p; p++) {
            if (*p == '<')
                in_tag = 1;
            else if (*p == '>')
                in_tag = 0;
            else if (!in_tag && *p == '&' && gv_is_entity(p))
                p += add_entity(p, out) - 1;
            else if (!in_tag) {
                char c[2] = {*p, '\0'};
                kg_buf_puts(out, c);
            }
        }
        return 0;
    }
    for (const char *p = label; *p; p++) {
        if (*p == '&' && gv_is_entity(p)) {
            p += add_entity(p, out) - 1;
            continue;
        }
        if (*p != '\\' || !p[1]) {
            char c[2] = {*p, '\0'};
            kg_buf_puts(out, c);
            continue;
        }
        p++;
        if (*p == 'n' || *p == 'l' || *p == 'r') {
            kg_buf_puts(out, "\n");
        } else if ((*p == 'N' || *p == 'G') && expanded < MAX_EXPANSIONS) {
            expanded++;
            kg_buf_puts(out, *p == 'N' ? (node ? node : "") : (graph ? graph : ""));
        } else if (*p == 'N' || *p == 'G') { /* past the bound: as written */
            kg_buf_puts(out, *p == 'N' ? "\\N" : "\\G");
            expanded = MAX_EXPANSIONS + 1;
        } else {
            char c[2] = {*p, '\0'};
            kg_buf_puts(out, c);
        }
    }
    return expanded > MAX_EXPANSIONS;
}

/* Attributes kgkit's own exporter writes for drawing: not data. */
static int presentation(const char *name)
{
    static const char *const names[] = {"shape",   "style",    "fillcolor", "color",     "tooltip", "penwidth",
                                        "fontcolor", "fontsize", "fontname", "arrowsize", "arrowhead", "label",
                                        "kind",    "predicate", "sources",   "kgkit_role", NULL};
    for (const char *const *n = names; *n; n++)
        if (!strcmp(*n, name))
            return 1;
    return 0;
}

typedef struct reader {
    kg_graph_t *g;
    Agraph_t *G;
    const char *path;
    const char *source;  /* the file's source id */
    int ours;            /* written by kgkit: presentation attributes are not data */
    kg_error_t *err;
    int warned_expansions, warned_default_label;
    size_t first;        /* the graph's statement count when the file began: parallel edges count from there */
} reader_t;

static void label_of(reader_t *r, const char *label, const char *node, const char *graph, kg_buf_t *out)
{
    if (label_text(label, node, graph, out) && !r->warned_expansions++)
        kg_graph_warn(r->g, r->path, 0, 0,
                      "DOT: labels with more than %d \\N or \\G are kept with the rest as written (first: %s)",
                      MAX_EXPANSIONS, node ? node : graph ? graph : "?");
}

/* The object's attributes that differ from their defaults, as a JSON object. */
static json_t *attrs_of(const reader_t *r, void *obj, int kind, const char *skip)
{
    json_t *a = json_object();
    for (Agsym_t *sym = agnxtattr(r->G, kind, NULL); sym; sym = agnxtattr(r->G, kind, sym)) {
        const char *v = agxget(obj, sym);
        if (!v || !strcmp(v, sym->defval ? sym->defval : "") || !strcmp(sym->name, skip))
            continue;
        if (r->ours && presentation(sym->name))
            continue;
        json_object_set_new(a, sym->name, json_string(v));
    }
    return a;
}

/* The entity id of a node: its name, decoded in files kgkit wrote (literal.c). */
static const char *id_of(const reader_t *r, Agnode_t *n, kg_buf_t *tmp)
{
    return r->ours ? gv_literal_decode(agnameof(n), tmp) : agnameof(n);
}

static int add_node(reader_t *r, Agnode_t *n)
{
    kg_buf_t id = {0}, kind_text = {0};
    const char *name = id_of(r, n, &id), *label = agget(n, (char *)"label"), *kind = agget(n, (char *)"kind");
    if (r->ours && kind)
        kind = gv_literal_decode(kind, &kind_text);
    kg_buf_t text = {0};
    json_t *attrs = attrs_of(r, n, AGNODE, "label");
    Agsym_t *label_sym = agattr(r->G, AGNODE, (char *)"label", NULL);
    if (label && label_sym && label_sym->defval && !strcmp(label, label_sym->defval) && *label &&
        strcmp(label, "\\N") != 0) {
        /* node [label=...] for every node is presentation, not each entity's name */
        if (!r->warned_default_label++)
            kg_graph_warn(r->g, r->path, 0, 0, "DOT: the default node label \"%.60s\" is not copied to every entity",
                          label);
        label = NULL;
    }
    if (label && *label && strcmp(label, "\\N") != 0) {
        label_of(r, label, name, agnameof(r->G), &text);
        if (aghtmlstr((char *)label))
            json_object_set_new(attrs, "label_html", json_string(label));
    }
    json_object_del(attrs, "kind");
    kg_entity_spec_t spec;
    kg_entity_spec_init(&spec);
    spec.id = name;
    spec.kind = kind && *kind ? kind : NULL;
    spec.label = text.len ? gv_buf_str(&text) : NULL;
    spec.attrs = json_object_size(attrs) ? attrs : NULL;
    spec.origin = r->path;
    int rc = id.failed || kind_text.failed || text.failed
                 ? kg_error_say(r->err, KG_ENOMEM, "out of memory")
                 : kg_graph_add_entity(r->g, &spec, NULL, r->err);
    json_decref(attrs);
    kg_buf_free(&text);
    kg_buf_free(&id);
    kg_buf_free(&kind_text);
    return rc;
}

/* A relation the file states; parallel edges (the same one again, as Graphviz keeps them) count in its
 * multiplicity, memberships do not (a node named twice in a cluster is in it once). */
static int add_relation_as(reader_t *r, const char *subject, const char *predicate, const char *object,
                           const json_t *attrs, int parallel)
{
    kg_stmt_spec_t s;
    kg_stmt_spec_init(&s);
    s.subject = subject;
    s.predicate = predicate;
    s.object = object;
    kg_cite_t cite = {r->source, NULL};
    s.cites = &cite;
    s.n_cites = 1;
    s.attrs = attrs && json_object_size(attrs) ? attrs : NULL;
    s.origin = r->path;
    return parallel ? kg_graph_add_parallel(r->g, &s, r->first, NULL, r->err) : kg_graph_add_stmt(r->g, &s, NULL, r->err);
}

static int add_relation(reader_t *r, const char *subject, const char *predicate, const char *object,
                        const json_t *attrs)
{
    return add_relation_as(r, subject, predicate, object, attrs, 0);
}

static int add_edge(reader_t *r, Agedge_t *e)
{
    const char *pred = agget(e, (char *)"predicate"), *label = agget(e, (char *)"label");
    kg_buf_t text = {0};
    json_t *attrs = attrs_of(r, e, AGEDGE, "predicate");
    int rc = KG_OK;
    if (!agisdirected(r->G))
        json_object_set_new(attrs, "undirected", json_true());
    if (pred && *pred) {
        kg_buf_puts(&text, pred);
    } else if (label && *label) {
        label_of(r, label, NULL, agnameof(r->G), &text);
        json_object_del(attrs, "label");
    } else {
        kg_buf_puts(&text, KG_PREDICATE_UNLABELLED);
    }
    kg_buf_t tail = {0}, head = {0}, item = {0};
    const char *from = id_of(r, agtail(e), &tail), *to = id_of(r, aghead(e), &head);
    if (text.failed || tail.failed || head.failed) {
        rc = kg_error_say(r->err, KG_ENOMEM, "out of memory");
    } else if (r->ours && pred && *pred) {
        /* kgkit merged parallel relations into one edge: "founded, leads" */
        for (const char *cursor = pred, *p; rc == KG_OK && (p = gv_list_next(&cursor, &item));)
            rc = item.failed ? kg_error_say(r->err, KG_ENOMEM, "out of memory")
                             : add_relation(r, from, p, to, attrs);
    } else {
        rc = add_relation_as(r, from, gv_buf_str(&text), to, attrs, 1);
    }
    kg_buf_free(&tail);
    kg_buf_free(&head);
    kg_buf_free(&item);
    json_decref(attrs);
    kg_buf_free(&text);
    return rc;
}

/* kgkit's legend: a node marked kgkit_role=legend (older files: a cluster, or nodes named kgkit_legend_*). */
static int is_legend(const reader_t *r, Agnode_t *n)
{
    const char *role = agget(n, (char *)"kgkit_role");
    return r->ours && ((role && !strcmp(role, "legend")) || !strncmp(agnameof(n), "kgkit_legend_", 13));
}

/* Named subgraphs and clusters become groups; their direct members (and
 * nested subgraphs) are member_of them. */
static int add_subgraphs(reader_t *r, Agraph_t *parent, const char *parent_id)
{
    int rc = KG_OK;
    for (Agraph_t *sub = agfstsubg(parent); sub && rc == KG_OK; sub = agnxtsubg(sub)) {
        const char *name = agnameof(sub);
        /* anonymous { rank=same; ... } groupings, and an older kgkit's legend cluster */
        if (!name || name[0] == '%' || (r->ours && !strcmp(name, "cluster_kgkit_legend")))
            continue;
        char id[1024];
        snprintf(id, sizeof id, "subgraph:%s", name);
        kg_buf_t text = {0};
        const char *label = agget(sub, (char *)"label");
        if (label && *label)
            label_of(r, label, NULL, name, &text);
        kg_entity_spec_t spec;
        kg_entity_spec_init(&spec);
        spec.id = id;
        spec.kind = "group";
        spec.label = text.len ? gv_buf_str(&text) : name;
        spec.origin = r->path;
        json_t *attrs = json_pack("{s:b}", "cluster", strncmp(name, "cluster", 7) == 0);
        spec.attrs = attrs;
        rc = kg_graph_add_entity(r->g, &spec, NULL, r->err);
        json_decref(attrs);
        kg_buf_free(&text);
        if (rc == KG_OK && parent_id)
            rc = add_relation(r, id, "member_of", parent_id, NULL);
        for (Agnode_t *n = agfstnode(sub); n && rc == KG_OK; n = agnxtnode(sub, n)) {
            int in_child = 0;
            for (Agraph_t *c = agfstsubg(sub); c && !in_child; c = agnxtsubg(c))
                in_child = agnameof(c)[0] != '%' && agsubnode(c, n, 0) != NULL;
            if (!in_child && !is_legend(r, n)) {
                kg_buf_t member = {0};
                const char *member_id = id_of(r, n, &member);
                rc = member.failed ? kg_error_say(r->err, KG_ENOMEM, "out of memory")
                                   : add_relation(r, member_id, "member_of", id, NULL);
                kg_buf_free(&member);
            }
        }
        if (rc == KG_OK)
            rc = add_subgraphs(r, sub, id);
    }
    return rc;
}

static int read_graph(reader_t *r)
{
    int rc = KG_OK;
    const char *comment = agget(r->G, (char *)"comment");
    r->ours = comment && !strcmp(comment, "written by kgkit");
    for (Agnode_t *n = agfstnode(r->G); n && rc == KG_OK; n = agnxtnode(r->G, n))
        if (!is_legend(r, n))
            rc = add_node(r, n);
    for (Agnode_t *n = agfstnode(r->G); n && rc == KG_OK; n = agnxtnode(r->G, n))
        for (Agedge_t *e = agfstout(r->G, n); e && rc == KG_OK; e = agnxtout(r->G, e))
            if (!is_legend(r, n))
                rc = add_edge(r, e);
    if (rc == KG_OK)
        rc = add_subgraphs(r, r->G, NULL);
    return rc;
}

/* "Error: f.gv: syntax error in line 3 near '->'" -> line 3, "syntax error near '->'" */
static int syntax_error(const char *path, kg_error_t *err)
{
    char text[1024];
    snprintf(text, sizeof text, "%s", dot_errors);
    for (char *p = text; *p; p++)
        if (*p == '\n')
            *p = ' ';
    int line = 0;
    char *at = strstr(text, " in line ");
    if (at) {
        line = atoi(at + 9);
        char *rest = at + 9;
        while (isdigit((unsigned char)*rest))
            rest++;
        memmove(at, rest, strlen(rest) + 1);
    }
    char *msg = strstr(text, "syntax error");
    if (!msg)
        msg = text[0] ? text : (char *)"not a Graphviz graph";
    size_t n = strlen(msg);
    while (n && msg[n - 1] == ' ')
        msg[--n] = '\0';
    return kg_error_set(err, KG_EINPUT, path, line, 0, "DOT: %s", msg);
}

/* cgraph's lexer (flex) keeps its state from one file to the next: a file that ends inside a token (a lone
 * "<" after the graph opens an HTML string that EOF never closes) would make the next file read as the rest
 * of that token. libcgraph 2.42 exports the lexer's reset without declaring it. */
extern int aaglex_destroy(void);

/* The file in memory, handed to cgraph through an I/O discipline: read once, checked at the door. */
typedef struct dot_text {
    char *data;
    size_t len, pos;
} dot_text_t;

static int text_read(void *chan, char *buf, int bufsize)
{
    dot_text_t *t = chan;
    size_t n = t->len - t->pos < (size_t)bufsize ? t->len - t->pos : (size_t)bufsize;
    memcpy(buf, t->data + t->pos, n);
    t->pos += n;
    return (int)n;
}

/* Whether the file says charset=latin1 (Graphviz's one other encoding) anywhere. */
static int declares_latin1(const char *s, size_t len)
{
    static const char *const names[] = {"latin1", "latin-1", "l1", "iso-8859-1", "iso_8859-1", "iso8859-1", NULL};
    for (const char *p = s; (p = memchr(p, 'c', len - (size_t)(p - s))) && (size_t)(p - s) + 7 < len; p++) {
        if (strncasecmp(p, "charset", 7) != 0)
            continue;
        const char *v = p + 7, *end = s + len;
        while (v < end && (isspace((unsigned char)*v) || *v == '=' || *v == '"'))
            v++;
        for (const char *const *n = names; *n; n++)
            if ((size_t)(end - v) >= strlen(*n) && !strncasecmp(v, *n, strlen(*n)))
                return 1;
    }
    return 0;
}

/* Reads the whole file, drops a UTF-8 byte order mark, converts a declared Latin-1 file to UTF-8, and refuses
 * anything else that is not UTF-8 text, naming its line and column. */
static int load_text(FILE *in, const char *path, dot_text_t *t, kg_error_t *err)
{
    memset(t, 0, sizeof *t);
    int rc = kg_read_all(in, path, &t->data, &t->len, err);
    if (rc != KG_OK)
        return rc;
    t->pos = kg_utf8_bom(t->data, t->len); /* a byte order mark: UTF-8 says so */
    size_t bad;
    if (kg_utf8_valid(t->data + t->pos, t->len - t->pos, &bad))
        return KG_OK;
    bad += t->pos;
    if (t->data[bad] && declares_latin1(t->data, t->len)) {
        size_t extra = 0;
        for (size_t i = 0; i < t->len; i++)
            extra += (unsigned char)t->data[i] >= 0x80;
        char *u = kg_malloc(t->len + extra + 1);
        if (!u)
            return kg_error_set(err, KG_ENOMEM, path, 0, 0, "out of memory");
        size_t o = 0;
        for (size_t i = 0; i < t->len; i++) {
            unsigned char c = (unsigned char)t->data[i];
            if (c >= 0x80) {
                u[o++] = (char)(0xC0 | c >> 6);
                u[o++] = (char)(0x80 | (c & 0x3F));
            } else {
                u[o++] = (char)c;
            }
        }
        kg_free(t->data);
        u[o] = '\0';
        t->data = u;
        t->len = o;
        if (kg_utf8_valid(t->data, t->len, &bad))
            return KG_OK;
    }
    int line, column;
    kg_text_where(t->data, bad, &line, &column);
    if (!t->data[bad])
        return kg_error_set(err, KG_EINPUT, path, line, column, "DOT: a NUL byte");
    return kg_error_set(err, KG_EINPUT, path, line, column,
                        "DOT: not UTF-8 text (byte 0x%02x); a Latin-1 file must say charset=latin1",
                        (unsigned char)t->data[bad]);
}

int gv_import_dot(kg_graph_t *g, FILE *in, const char *path, const kg_opts_t *opts, kg_error_t *err)
{
    (void)opts;
    char source[1024];
    snprintf(source, sizeof source, "file:%s", path);
    dot_text_t text;
    int rc = load_text(in, path, &text, err);
    if (rc != KG_OK) {
        kg_free(text.data);
        return rc;
    }
    Agiodisc_t io = {text_read, AgIoDisc.putstr, AgIoDisc.flush};
    Agdisc_t disc = {&AgMemDisc, &AgIdDisc, &io};
    agusererrf previous = agseterrf(collect);
    agsetfile((char *)path);
    int graphs = 0;
    for (;;) {
        dot_errors[0] = '\0';
        agreseterrors();
        Agraph_t *G = agread(&text, &disc);
        if (!G) {
            if (agerrors() || dot_errors[0] || !graphs)
                rc = syntax_error(path, err);
            break;
        }
        if (!graphs++) { /* the file is the source of what it holds */
            kg_entity_spec_t spec;
            kg_entity_spec_init(&spec);
            spec.id = source;
            spec.kind = KG_KIND_SOURCE;
            spec.label = agnameof(G) && agnameof(G)[0] != '%' ? agnameof(G) : NULL;
            spec.origin = path;
            rc = kg_graph_add_entity(g, &spec, NULL, err);
        }
        reader_t r = {g, G, path, source, 0, err, 0, 0, kg_graph_stmt_count(g)};
        if (rc == KG_OK)
            rc = read_graph(&r);
        agclose(G);
        if (rc != KG_OK)
            break;
    }
    aaglex_destroy(); /* the next file starts with a fresh lexer */
    agseterrf(previous);
    kg_free(text.data);
    return rc;
}
