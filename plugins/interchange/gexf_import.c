/* gexf_import.c - the "gexf" importer (expat): GEXF 1.1 to 1.3 as Gephi, NetworkX and others write it; nodes as entities, edges as relations, attvalues as attributes, spells as dates. */
#define _GNU_SOURCE /* memmem, strndup */
#include "xml.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Stops the parse with an error at the current place (xml.h). */
#define FAIL(r, code, ...) ix_xml_fail(&(r)->x, &(r)->rc, (r)->err, code, __VA_ARGS__)

typedef struct gattr {
    char *id, *title, *type, *def;
    int edge; /* class="edge" */
} gattr_t;

typedef struct reader {
    ix_xml_t x;
    kg_graph_t *g;
    const char *path;
    kg_error_t *err;
    int rc;
    int undirected_default; /* defaultedgetype="undirected" */
    int dates;              /* timeformat is date or datetime (the default): spells are dates */
    int edge_class;         /* inside <attributes class="edge"> */
    gattr_t *attrs;
    size_t n_attrs, cap_attrs;
    ix_kept_t edges;        /* added once every node is known */
    /* the element being read: nodes nest (a hierarchy), so a stack of their ids */
    char **node_ids;
    json_t **node_data;
    size_t depth, cap_depth, cap_data;
    int in_edge, in_default;
    ix_kept_edge_t edge;
    json_t *spells; /* of the node or edge being read */
    kg_buf_t text;
    ix_roles_t roles;
    size_t nodes, ignored;
    char ignored_name[64];
} reader_t;




/* The element's name without its namespace prefix ("viz:size" -> "size"), and whether it had one. */
static const char *local(const char *name, int *prefixed)
{
    const char *colon = strchr(name, ':');
    *prefixed = colon != NULL;
    return colon ? colon + 1 : name;
}

/* A GEXF time (a date, a datetime whose day is taken, or "" for an open end) as a kgkit date, shortened to the
 * month or year when a closed spell covers it whole (kgkit's writer spells "2024-11" as 2024-11-01 .. 2024-11-30). */
static int day_of(const char *t, int64_t *day)
{
    char d[11];
    kg_when_t w;
    if (strlen(t) < 10)
        return kg_when_parse(t, &w, NULL) == KG_OK ? (*day = w.first, 0) : -1;
    memcpy(d, t, 10);
    d[10] = '\0';
    if (t[10] && t[10] != 'T' && t[10] != ' ')
        return -1;
    return kg_when_parse(d, &w, NULL) == KG_OK ? (*day = w.first, 0) : -1;
}

/* How many characters of YYYY-MM-DD both days keep when the closed spell a..b is written at the coarsest
 * precision that covers it whole: 4 (years), 7 (months) or 10 (days). */
static int precision(int64_t a, int64_t b)
{
    char da[16], db[16], cand[16];
    kg_when_t wa, wb;
    kg_day_format(a, da, sizeof da);
    kg_day_format(b, db, sizeof db);
    if (strlen(da) != 10 || strlen(db) != 10)
        return 10;
    for (int len = 4; len <= 7; len += 3) {
        snprintf(cand, sizeof cand, "%.*s", len, da);
        if (kg_when_parse(cand, &wa, NULL) != KG_OK || wa.first != a)
            continue;
        snprintf(cand, sizeof cand, "%.*s", len, db);
        if (kg_when_parse(cand, &wb, NULL) == KG_OK && wb.last == b)
            return len;
    }
    return 10;
}

/* "start/end" of a spell as kgkit writes a time; NULL when neither end is a date. */
static json_t *spell_time(const char *start, const char *end)
{
    int64_t a = KG_DAY_OPEN_START, b = KG_DAY_OPEN_END;
    int has_a = start && *start && !day_of(start, &a), has_b = end && *end && !day_of(end, &b);
    if ((start && *start && !has_a) || (end && *end && !has_b) || (!has_a && !has_b) || (has_a && has_b && b < a))
        return NULL;
    /* a closed spell is written in the years or months it covers whole; an open one keeps its day, the only
     * thing said of it */
    char x[16] = "..", y[16] = "..", out[40];
    int len = has_a && has_b ? precision(a, b) : 10;
    if (has_a)
        kg_day_format(a, x, sizeof x);
    if (has_b)
        kg_day_format(b, y, sizeof y);
    if (len < 10 && strlen(x) == 10 && strlen(y) == 10) /* years of four digits: the ones precision() shortens */
        x[len] = y[len] = '\0';
    if (has_a && has_b && !strcmp(x, y))
        snprintf(out, sizeof out, "%s", x);
    else
        snprintf(out, sizeof out, "%s/%s", x, y);
    return json_string(out);
}

/* Records a spell (a <spell>, or start/end on a node or edge) of the element being read. */
static void add_spell(reader_t *r, const char **atts)
{
    const char *s = ix_xml_attr(atts, "start"), *e = ix_xml_attr(atts, "end");
    if (!s)
        s = ix_xml_attr(atts, "startopen");
    if (!e)
        e = ix_xml_attr(atts, "endopen");
    if (!s && !e)
        return;
    if (!r->spells)
        r->spells = json_array();
    json_array_append_new(r->spells, json_pack("{s:s?,s:s?}", "start", s, "end", e));
}

/* The element's spells into its data: one that is a date becomes its time (as_of, or date for a node), and all
 * of them are kept as "spells" when there are several or they are not dates. */
static void take_spells(reader_t *r, json_t *data, const char *time_key)
{
    if (!r->spells)
        return;
    json_t *one = json_array_size(r->spells) == 1 ? json_array_get(r->spells, 0) : NULL;
    json_t *t = one && r->dates ? spell_time(json_string_value(json_object_get(one, "start")),
                                             json_string_value(json_object_get(one, "end")))
                                : NULL;
    if (t)
        json_object_set_new(data, time_key, t);
    else
        json_object_set(data, "spells", r->spells);
    json_decref(r->spells);
    r->spells = NULL;
}

static gattr_t *find_attr(reader_t *r, const char *id, int edge)
{
    for (size_t i = 0; i < r->n_attrs; i++)
        if (r->attrs[i].edge == edge && !strcmp(r->attrs[i].id, id))
            return &r->attrs[i];
    for (size_t i = 0; i < r->n_attrs; i++) /* some writers refer to an attribute by its title */
        if (r->attrs[i].edge == edge && r->attrs[i].title && !strcmp(r->attrs[i].title, id))
            return &r->attrs[i];
    return NULL;
}

static void defaults(reader_t *r, json_t *data, int edge)
{
    for (size_t i = 0; i < r->n_attrs; i++)
        if (r->attrs[i].edge == edge && r->attrs[i].def)
            json_object_set_new(data, r->attrs[i].title, ix_xml_typed(r->attrs[i].type, r->attrs[i].def));
}

static json_t *current(reader_t *r)
{
    return r->in_edge ? r->edge.data : r->depth ? r->node_data[r->depth - 1] : NULL;
}

/* viz:color, viz:size, viz:position, viz:shape, viz:thickness: kept under "viz" (Gephi's look, not dropped). */
static void viz(reader_t *r, const char *what, const char **atts)
{
    json_t *data = current(r);
    if (!data)
        return;
    json_t *v = json_object_get(data, "viz");
    if (!json_is_object(v)) {
        v = json_object();
        json_object_set_new(data, "viz", v);
    }
    json_t *o = json_object();
    for (size_t i = 0; atts[i]; i += 2) {
        char *end;
        double x = strtod(atts[i + 1], &end);
        json_object_set_new(o, atts[i], *atts[i + 1] && !*end && isfinite(x) ? json_real(x) : json_string(atts[i + 1]));
    }
    json_t *value = json_object_get(o, "value");
    if (json_object_size(o) == 1 && value) /* <viz:size value="10"/> */
        json_object_set(v, what, value), json_decref(o);
    else
        json_object_set_new(v, what, o);
}

static void ignore(reader_t *r, const char *name)
{
    if (!r->ignored++)
        snprintf(r->ignored_name, sizeof r->ignored_name, "%s", name);
}

static void start_node(reader_t *r, const char **atts)
{
    const char *id = ix_xml_attr(atts, "id");
    if (!id) {
        FAIL(r, KG_EINPUT, "<node> needs an id");
        return;
    }
    if (kg_array_reserve((void **)&r->node_ids, &r->cap_depth, r->depth + 1, sizeof *r->node_ids) ||
        kg_array_reserve((void **)&r->node_data, &r->cap_data, r->depth + 1, sizeof *r->node_data)) {
        FAIL(r, KG_ENOMEM, "out of memory");
        return;
    }
    json_t *data = json_object();
    const char *label = ix_xml_attr(atts, "label"), *pid = ix_xml_attr(atts, "pid");
    if (label)
        json_object_set_new(data, "label", json_string(label));
    defaults(r, data, 0);
    if (pid)
        json_object_set_new(data, "parent", json_string(pid));
    else if (r->depth) /* a node inside a node: the hierarchy GEXF calls parents */
        json_object_set_new(data, "parent", json_string(r->node_ids[r->depth - 1]));
    r->node_ids[r->depth] = ix_xml_dup(id);
    r->node_data[r->depth++] = data;
    if (r->spells) {
        json_decref(r->spells);
        r->spells = NULL;
    }
    add_spell(r, atts);
}

static void end_node(reader_t *r)
{
    r->depth--;
    char *id = r->node_ids[r->depth];
    json_t *data = r->node_data[r->depth];
    take_spells(r, data, "date");
    json_t *parent = json_incref(json_object_get(data, "parent"));
    json_object_del(data, "parent");
    int rc = ix_add_node(r->g, r->x.path, (int)XML_GetCurrentLineNumber(r->x.p), id, data, &r->roles, r->err);
    if (!rc && parent) { /* the membership, as an edge to add once every node is known */
        ix_kept_edge_t m = {ix_xml_dup(id), ix_xml_dup(json_string_value(parent)),
                            json_pack("{s:s}", "predicate", "part_of"), 0,
                            (int)XML_GetCurrentLineNumber(r->x.p), 1};
        if (!m.source || !m.target || !m.data || ix_keep(&r->edges, &m)) {
            ix_kept_edge_free(&m);
            rc = kg_error_say(r->err, KG_ENOMEM, "out of memory");
        }
    }
    json_decref(parent);
    json_decref(data);
    free(id);
    r->nodes++;
    if (rc && !r->rc) {
        r->rc = rc;
        XML_StopParser(r->x.p, XML_FALSE);
    }
}

static void start_edge(reader_t *r, const char **atts)
{
    const char *s = ix_xml_attr(atts, "source"), *t = ix_xml_attr(atts, "target"), *type = ix_xml_attr(atts, "type");
    if (!s || !t) {
        FAIL(r, KG_EINPUT, "<edge> needs a source and a target");
        return;
    }
    memset(&r->edge, 0, sizeof r->edge);
    r->edge.source = ix_xml_dup(s);
    r->edge.target = ix_xml_dup(t);
    r->edge.line = (int)XML_GetCurrentLineNumber(r->x.p);
    r->edge.column = (int)XML_GetCurrentColumnNumber(r->x.p) + 1;
    r->edge.undirected = type ? !strcmp(type, "undirected") : r->undirected_default;
    json_t *data = r->edge.data = json_object();
    defaults(r, data, 1);
    const char *label = ix_xml_attr(atts, "label"), *kind = ix_xml_attr(atts, "kind"),
               *weight = ix_xml_attr(atts, "weight");
    if (label && *label) /* kgkit writes the predicate as the label */
        json_object_set_new(data, "predicate", json_string(label));
    else if (kind && *kind)
        json_object_set_new(data, "predicate", json_string(kind));
    if (weight) {
        char *end;
        double w = strtod(weight, &end);
        if (!*weight || *end || !isfinite(w)) {
            FAIL(r, KG_EINPUT, "<edge weight=\"%s\">: the weight is not a number", weight);
            return;
        }
        json_object_set_new(data, "weight", json_real(w));
    }
    if (type && !strcmp(type, "mutual"))
        json_object_set_new(data, "mutual", json_true());
    if (r->spells) {
        json_decref(r->spells);
        r->spells = NULL;
    }
    add_spell(r, atts);
    r->in_edge = 1;
}

static void attvalue(reader_t *r, const char **atts)
{
    const char *for_ = ix_xml_attr(atts, "for"), *value = ix_xml_attr(atts, "value");
    if (!for_)
        for_ = ix_xml_attr(atts, "id"); /* GEXF 1.1 */
    json_t *data = current(r);
    if (!data)
        return;
    const gattr_t *a = for_ ? find_attr(r, for_, r->in_edge) : NULL;
    if (!a) {
        FAIL(r, KG_EINPUT, "<attvalue for=\"%s\">: no %s attribute with that id is declared", for_ ? for_ : "",
             r->in_edge ? "edge" : "node");
        return;
    }
    if (!value)
        value = "";
    const char *s = ix_xml_attr(atts, "start"), *e = ix_xml_attr(atts, "end");
    if (!s && !e) {
        json_object_set_new(data, a->title, ix_xml_typed(a->type, value));
        return;
    }
    /* a dynamic value: the list of its values over time */
    json_t *list = json_object_get(data, a->title);
    if (!json_is_array(list)) {
        list = json_array();
        json_object_set_new(data, a->title, list);
    }
    json_array_append_new(list, json_pack("{s:o,s:s?,s:s?}", "value", ix_xml_typed(a->type, value), "start", s, "end", e));
}

static void XMLCALL on_start(void *ud, const char *name, const char **atts)
{
    reader_t *r = ud;
    int prefixed;
    const char *el = local(name, &prefixed);
    if (r->rc)
        return;
    kg_buf_clear(&r->text);
    if (prefixed && strncmp(name, "viz:", 4) == 0) {
        viz(r, el, atts);
    } else if (prefixed) {
        ignore(r, name);
    } else if (!strcmp(el, "graph")) {
        const char *d = ix_xml_attr(atts, "defaultedgetype"), *tf = ix_xml_attr(atts, "timeformat");
        r->undirected_default = d && !strcmp(d, "undirected");
        r->dates = !tf || !strcmp(tf, "date") || !strcmp(tf, "datetime") || !strcmp(tf, "dateTime");
    } else if (!strcmp(el, "attributes")) {
        const char *c = ix_xml_attr(atts, "class");
        r->edge_class = c && !strcmp(c, "edge");
    } else if (!strcmp(el, "attribute")) {
        const char *id = ix_xml_attr(atts, "id");
        if (!id) {
            FAIL(r, KG_EINPUT, "<attribute> needs an id");
            return;
        }
        if (kg_array_reserve((void **)&r->attrs, &r->cap_attrs, r->n_attrs + 1, sizeof *r->attrs)) {
            FAIL(r, KG_ENOMEM, "out of memory");
            return;
        }
        gattr_t *a = &r->attrs[r->n_attrs++];
        memset(a, 0, sizeof *a);
        a->id = ix_xml_dup(id);
        a->title = ix_xml_dup(ix_xml_attr(atts, "title") ? ix_xml_attr(atts, "title") : id);
        a->type = ix_xml_dup(ix_xml_attr(atts, "type"));
        a->edge = r->edge_class;
    } else if (!strcmp(el, "default")) {
        r->in_default = r->n_attrs > 0;
    } else if (!strcmp(el, "node")) {
        if (r->in_edge) {
            FAIL(r, KG_EINPUT, "a <node> inside an <edge>");
            return;
        }
        start_node(r, atts);
    } else if (!strcmp(el, "edge")) {
        if (r->in_edge) {
            FAIL(r, KG_EINPUT, "an <edge> inside an <edge>");
            return;
        }
        start_edge(r, atts);
    } else if (!strcmp(el, "attvalue")) {
        attvalue(r, atts);
    } else if (!strcmp(el, "spell")) {
        add_spell(r, atts);
    } else if (!strcmp(el, "parent")) { /* <parents><parent for="x"/></parents>: one more parent */
        const char *for_ = ix_xml_attr(atts, "for");
        json_t *data = current(r);
        if (for_ && data && !r->in_edge)
            json_object_set_new(data, "parent", json_string(for_));
    } else if (strcmp(el, "gexf") && strcmp(el, "meta") && strcmp(el, "creator") && strcmp(el, "description") &&
               strcmp(el, "keywords") && strcmp(el, "nodes") && strcmp(el, "edges") && strcmp(el, "attvalues") &&
               strcmp(el, "spells") && strcmp(el, "parents")) {
        ignore(r, name);
    }
}

static void XMLCALL on_text(void *ud, const char *s, int len)
{
    reader_t *r = ud;
    if (!r->rc && r->in_default && kg_buf_add(&r->text, s, (size_t)len))
        FAIL(r, KG_ENOMEM, "out of memory");
}

static void XMLCALL on_end(void *ud, const char *name)
{
    reader_t *r = ud;
    int prefixed;
    const char *el = local(name, &prefixed);
    if (r->rc || prefixed)
        return;
    if (!strcmp(el, "default") && r->in_default) {
        free(r->attrs[r->n_attrs - 1].def);
        r->attrs[r->n_attrs - 1].def = ix_xml_dup(r->text.len ? r->text.data : "");
        r->in_default = 0;
    } else if (!strcmp(el, "node") && r->depth) {
        end_node(r);
    } else if (!strcmp(el, "edge") && r->in_edge) {
        take_spells(r, r->edge.data, "as_of");
        if (ix_keep(&r->edges, &r->edge)) {
            FAIL(r, KG_ENOMEM, "out of memory");
            return;
        }
        memset(&r->edge, 0, sizeof r->edge);
        r->in_edge = 0;
    }
    kg_buf_clear(&r->text);
}

int ix_import_gexf(kg_graph_t *g, FILE *in, const char *path, const kg_opts_t *opts, kg_error_t *err)
{
    reader_t r;
    memset(&r, 0, sizeof r);
    r.g = g;
    r.x.path = path;
    r.err = err;
    r.dates = 1;
    int rc0 = ix_roles_init(&r.roles, g, opts, err);
    if (rc0 || (rc0 = ix_xml_open(&r.x, g, path, "GEXF", NULL, &r, on_start, on_end, on_text, err))) {
        ix_roles_free(&r.roles);
        return rc0;
    }
    ix_xml_read(&r.x, in, opts, &r.rc, err);
    if (!r.rc)
        r.rc = ix_add_kept(g, path, "GEXF", &r.edges, &r.roles, err);
    if (!r.rc && !(r.rc = ix_roles_check(&r.roles, path, err)))
        ix_roles_note(g, path, "GEXF", &r.roles);
    if (!r.rc && r.ignored)
        r.rc = ix_unread(g, &r.roles, path, err, "GEXF: %zu element%s not read (the first: <%s>)", r.ignored,
                         r.ignored == 1 ? "" : "s", r.ignored_name);
    ix_roles_free(&r.roles);
    ix_kept_free(&r.edges);
    ix_kept_edge_free(&r.edge);
    for (size_t i = 0; i < r.depth; i++) {
        free(r.node_ids[i]);
        json_decref(r.node_data[i]);
    }
    free(r.node_ids);
    free(r.node_data);
    for (size_t i = 0; i < r.n_attrs; i++) {
        free(r.attrs[i].id);
        free(r.attrs[i].title);
        free(r.attrs[i].type);
        free(r.attrs[i].def);
    }
    free(r.attrs);
    json_decref(r.spells);
    kg_buf_free(&r.text);
    ix_xml_close(&r.x);
    return r.rc;
}

int ix_sniff_gexf(const char *head, size_t len)
{
    return memmem(head, len < 2048 ? len : 2048, "<gexf", 5) ? 85 : 0;
}
