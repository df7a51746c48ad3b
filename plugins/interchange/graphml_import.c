/* graphml_import.c - the "graphml" importer (expat): nodes as entities, edges as relations, <data> as attributes. */
#define _POSIX_C_SOURCE 200809L /* strndup */
#include "xml.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Stops the parse with an error at the current place (xml.h). */
#define FAIL(r, code, ...) ix_xml_fail(&(r)->x, &(r)->rc, (r)->err, code, __VA_ARGS__)

typedef struct gkey {
    char *id, *name, *type, *def; /* for: node/edge/all; type: string, int, long, float, double, boolean */
    char *for_;
    char *yfiles;                 /* yfiles.type: yEd's graphics (nodegraphics, edgegraphics...), not a value */
} gkey_t;

typedef struct reader {
    ix_xml_t x;
    kg_graph_t *g;
    const char *path;
    kg_error_t *err;
    int rc;
    gkey_t *keys;
    size_t n_keys, cap_keys;
    ix_kept_t edges;      /* added once every node is known */
    int undirected;
    /* the nodes being read: nodes nest (yEd's groups), so a stack of their ids and data */
    char **node_ids;
    json_t **node_data;
    int *node_children;
    size_t depth, cap_ids, cap_data, cap_children;
    ix_kept_edge_t edge;
    int in_edge, in_key_default;
    gkey_t *data_key;     /* inside <data key=...> */
    int data_elements;    /* elements seen inside it: structure (yEd, yFiles), not a value */
    kg_buf_t text;        /* the character data of the current <data> or <default> */
    /* yEd's graphics of the current node or edge: its visible label, geometry, colours */
    int in_label;
    kg_buf_t label;
    json_t *look;
    ix_roles_t roles;
    size_t structured;    /* <data> of nested XML that is no value, not read */
    char structured_key[64];
} reader_t;





static gkey_t *find_key(reader_t *r, const char *id)
{
    for (size_t i = 0; i < r->n_keys; i++)
        if (!strcmp(r->keys[i].id, id))
            return &r->keys[i];
    return NULL;
}


static json_t *current(reader_t *r)
{
    return r->in_edge ? r->edge.data : r->depth ? r->node_data[r->depth - 1] : NULL;
}

/* The node on top of the stack, at its end: yEd's label and look into its data; a node with nodes inside is a
 * group (kind group unless it has one), and each node inside it is member_of it. */
static void end_node(reader_t *r)
{
    size_t d = --r->depth;
    char *id = r->node_ids[d];
    json_t *data = r->node_data[d];
    if (r->node_children[d] && !json_object_get(data, "kind") && !json_object_get(data, "type"))
        json_object_set_new(data, "kind", json_string("group"));
    int rc = ix_add_node(r->g, r->x.path, (int)XML_GetCurrentLineNumber(r->x.p), id, data, &r->roles, r->err);
    if (!rc && d) {
        ix_kept_edge_t m = {ix_xml_dup(id), ix_xml_dup(r->node_ids[d - 1]),
                            json_pack("{s:s}", "predicate", "member_of"), 0,
                            (int)XML_GetCurrentLineNumber(r->x.p), 1};
        if (!m.source || !m.target || !m.data || ix_keep(&r->edges, &m)) {
            ix_kept_edge_free(&m);
            rc = kg_error_say(r->err, KG_ENOMEM, "out of memory");
        }
    }
    free(id);
    json_decref(data);
    if (rc && !r->rc) {
        r->rc = rc;
        XML_StopParser(r->x.p, XML_FALSE);
    }
}

/* Inside yEd's graphics: the first label's text, and the geometry, fill, shape and line colour. */
static void yed_element(reader_t *r, const char *name, const char **atts)
{
    const char *local = strchr(name, ':') ? strchr(name, ':') + 1 : name;
    if (!strcmp(local, "NodeLabel") || !strcmp(local, "EdgeLabel")) {
        r->in_label = !r->label.len; /* the first label is the one shown */
        return;
    }
    if (!r->look && !(r->look = json_object()))
        return;
    if (!strcmp(local, "Geometry")) {
        static const char *const keys[] = {"x", "y", "width", "height"};
        for (int i = 0; i < 4; i++) {
            const char *v = ix_xml_attr(atts, keys[i]);
            char *end;
            double x = v ? strtod(v, &end) : 0;
            if (v && *v && !*end && isfinite(x) && !json_object_get(r->look, keys[i]))
                json_object_set_new(r->look, keys[i], json_real(x));
        }
    } else if ((!strcmp(local, "Fill") || !strcmp(local, "LineStyle")) && ix_xml_attr(atts, "color") &&
               !json_object_get(r->look, local[0] == 'F' ? "fill" : "color")) {
        json_object_set_new(r->look, local[0] == 'F' ? "fill" : "color", json_string(ix_xml_attr(atts, "color")));
    } else if (!strcmp(local, "Shape") && ix_xml_attr(atts, "type") && !json_object_get(r->look, "shape")) {
        json_object_set_new(r->look, "shape", json_string(ix_xml_attr(atts, "type")));
    }
}

/* The <default>s of the keys for this kind of element come first. */
static void defaults(reader_t *r, const char *kind, json_t *data)
{
    for (size_t i = 0; i < r->n_keys; i++) {
        const gkey_t *k = &r->keys[i];
        if (k->def && (!k->for_ || !strcmp(k->for_, kind) || !strcmp(k->for_, "all")))
            json_object_set_new(data, k->name, ix_xml_typed(k->type, k->def));
    }
}

static void XMLCALL on_start(void *ud, const char *name, const char **atts)
{
    reader_t *r = ud;
    if (r->rc)
        return;
    if (r->data_key) { /* an element inside <data>: structure, yEd's graphics among it; never a key, node or edge
                        * (a <key> here would move the keys that data_key points into) */
        r->data_elements++;
        if (r->data_key->yfiles)
            yed_element(r, name, atts);
        return;
    }
    kg_buf_clear(&r->text);
    if (!strcmp(name, "key")) {
        const char *id = ix_xml_attr(atts, "id");
        if (!id) {
            FAIL(r, KG_EINPUT, "<key> needs an id");
            return;
        }
        if (kg_array_reserve((void **)&r->keys, &r->cap_keys, r->n_keys + 1, sizeof *r->keys)) {
            FAIL(r, KG_ENOMEM, "out of memory");
            return;
        }
        gkey_t *k = &r->keys[r->n_keys++];
        memset(k, 0, sizeof *k);
        k->id = ix_xml_dup(id);
        k->name = ix_xml_dup(ix_xml_attr(atts, "attr.name") ? ix_xml_attr(atts, "attr.name") : id);
        k->type = ix_xml_dup(ix_xml_attr(atts, "attr.type"));
        k->for_ = ix_xml_dup(ix_xml_attr(atts, "for"));
        k->yfiles = ix_xml_dup(ix_xml_attr(atts, "yfiles.type"));
    } else if (!strcmp(name, "default")) {
        r->in_key_default = r->n_keys > 0;
    } else if (!strcmp(name, "graph")) {
        const char *d = ix_xml_attr(atts, "edgedefault");
        r->undirected = d && !strcmp(d, "undirected");
    } else if (!strcmp(name, "node")) {
        const char *id = ix_xml_attr(atts, "id");
        if (!id) {
            FAIL(r, KG_EINPUT, "<node> needs an id");
            return;
        }
        if (r->in_edge) {
            FAIL(r, KG_EINPUT, "a <node> inside an <edge> (a graph nested in an edge) is not read");
            return;
        }
        if (kg_array_reserve((void **)&r->node_ids, &r->cap_ids, r->depth + 1, sizeof *r->node_ids) ||
            kg_array_reserve((void **)&r->node_data, &r->cap_data, r->depth + 1, sizeof *r->node_data) ||
            kg_array_reserve((void **)&r->node_children, &r->cap_children, r->depth + 1, sizeof *r->node_children)) {
            FAIL(r, KG_ENOMEM, "out of memory");
            return;
        }
        if (r->depth)
            r->node_children[r->depth - 1]++;
        json_t *data = json_object();
        defaults(r, "node", data);
        r->node_ids[r->depth] = ix_xml_dup(id);
        /* yEd's group or folder is a group even when empty */
        r->node_children[r->depth] = ix_xml_attr(atts, "yfiles.foldertype") != NULL;
        r->node_data[r->depth++] = data;
    } else if (!strcmp(name, "edge")) {
        const char *s = ix_xml_attr(atts, "source"), *t = ix_xml_attr(atts, "target");
        if (r->in_edge) { /* GraphML allows a graph inside an edge; kgkit has nowhere to put it */
            FAIL(r, KG_EINPUT, "an <edge> inside an <edge> (a graph nested in an edge) is not read");
            return;
        }
        if (!s || !t) {
            FAIL(r, KG_EINPUT, "<edge> needs a source and a target");
            return;
        }
        memset(&r->edge, 0, sizeof r->edge);
        r->edge.source = ix_xml_dup(s);
        r->edge.target = ix_xml_dup(t);
        r->edge.line = (int)XML_GetCurrentLineNumber(r->x.p);
        r->edge.column = (int)XML_GetCurrentColumnNumber(r->x.p) + 1;
        r->edge.data = json_object();
        const char *directed = ix_xml_attr(atts, "directed");
        if (directed && !strcmp(directed, "false"))
            json_object_set_new(r->edge.data, "undirected", json_true());
        defaults(r, "edge", r->edge.data);
        r->in_edge = 1;
    } else if (!strcmp(name, "data")) {
        const char *key = ix_xml_attr(atts, "key");
        if (!key || !(r->data_key = find_key(r, key))) {
            FAIL(r, KG_EINPUT, "<data key=\"%s\">: no <key> with that id", key ? key : "");
            return;
        }
        r->data_elements = 0;
    }
}

static void XMLCALL on_text(void *ud, const char *s, int len)
{
    reader_t *r = ud;
    if (r->rc || (!r->data_key && !r->in_key_default))
        return;
    if (kg_buf_add(r->in_label ? &r->label : &r->text, s, (size_t)len))
        FAIL(r, KG_ENOMEM, "out of memory");
}

static int ws(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Whether text is only white space (what indents nested XML). */
static int blank(const char *s)
{
    while (ws(*s))
        s++;
    return !*s;
}

static void XMLCALL on_end(void *ud, const char *name)
{
    reader_t *r = ud;
    if (r->rc)
        return;
    const char *text = r->text.len ? r->text.data : "";
    if (!strcmp(name, "default") && r->in_key_default) {
        free(r->keys[r->n_keys - 1].def);
        r->keys[r->n_keys - 1].def = ix_xml_dup(text);
        r->in_key_default = 0;
    } else if (r->in_label && (strstr(name, "NodeLabel") || strstr(name, "EdgeLabel"))) {
        r->in_label = 0;
        if (!r->label.len) /* an empty label: nothing to trim (and no text buffer yet) */
            return;
        /* yEd's label text, without the layout's white space around it */
        size_t a = 0, n = r->label.len;
        while (a < n && ws(r->label.data[a]))
            a++;
        while (n > a && ws(r->label.data[n - 1]))
            n--;
        memmove(r->label.data, r->label.data + a, n - a);
        r->label.len = n - a;
        r->label.data[r->label.len] = '\0';
        return; /* the <data>'s own text goes on */
    } else if (!strcmp(name, "data") && r->data_key) {
        json_t *target = current(r);
        if (r->data_key->yfiles) { /* yEd's graphics: the label shown, and the look, are the element's */
            if (target && r->label.len && !json_object_get(target, "label"))
                json_object_set_new(target, "label", json_string(r->label.data));
            if (target && json_object_size(r->look))
                json_object_set(target, "yed", r->look);
            json_decref(r->look);
            r->look = NULL;
            kg_buf_clear(&r->label);
        } else if (r->data_elements && blank(text)) { /* nested XML without a value of its own (yFiles' styles) */
            if (!r->structured++)
                snprintf(r->structured_key, sizeof r->structured_key, "%s", r->data_key->name);
        } else if (target && r->data_elements) { /* text among nested XML: its words, one space between */
            char *w = r->text.data, *q = r->text.data;
            for (; *q; q++)
                if (!ws(*q) || (w > r->text.data && !ws(w[-1]) && !ws(q[1]) && q[1]))
                    *w++ = ws(*q) ? ' ' : *q;
            *w = '\0';
            r->text.len = (size_t)(w - r->text.data);
            /* yFiles for HTML keeps a node's or edge's labels as such a list */
            const char *n = r->data_key->name;
            if ((!strcmp(n, "NodeLabels") || !strcmp(n, "EdgeLabels")) && !json_object_get(target, "label"))
                json_object_set_new(target, "label", json_string(r->text.data + (r->text.data[0] == ' ')));
            else
                json_object_set_new(target, n, json_string(r->text.data + (r->text.data[0] == ' ')));
        } else if (target) {
            json_object_set_new(target, r->data_key->name, ix_xml_typed(r->data_key->type, text));
        }
        r->data_key = NULL;
    } else if (!strcmp(name, "node") && r->depth && !r->data_key) {
        end_node(r);
    } else if (!strcmp(name, "edge") && r->in_edge) {
        r->edge.undirected = r->undirected; /* the edgedefault of the graph it is in */
        if (ix_keep(&r->edges, &r->edge)) {
            FAIL(r, KG_ENOMEM, "out of memory");
            return;
        }
        memset(&r->edge, 0, sizeof r->edge);
        r->in_edge = 0;
    }
    if (!r->data_key)
        kg_buf_clear(&r->text);
}

int ix_import_graphml(kg_graph_t *g, FILE *in, const char *path, const kg_opts_t *opts, kg_error_t *err)
{
    reader_t r;
    memset(&r, 0, sizeof r);
    r.g = g;
    r.x.path = path;
    r.err = err;
    int rc0 = ix_roles_init(&r.roles, g, opts, err);
    if (rc0) {
        ix_roles_free(&r.roles);
        return rc0;
    }
    if ((rc0 = ix_xml_open(&r.x, g, path, "GraphML", "UTF-8", &r, on_start, on_end, on_text, err))) {
        ix_roles_free(&r.roles);
        return rc0;
    }
    ix_xml_read(&r.x, in, opts, &r.rc, err);
    if (!r.rc)
        r.rc = ix_add_kept(g, path, "GraphML", &r.edges, &r.roles, err);
    if (!r.rc && !(r.rc = ix_roles_check(&r.roles, path, err)))
        ix_roles_note(g, path, "GraphML", &r.roles);
    if (!r.rc && r.structured)
        r.rc = ix_unread(g, &r.roles, path, err,
                         "GraphML: %zu <data> element%s of nested XML with no value of %s own not read (the first: "
                         "key \"%s\")", r.structured, r.structured == 1 ? "" : "s",
                         r.structured == 1 ? "its" : "their", r.structured_key);
    ix_roles_free(&r.roles);
    ix_kept_free(&r.edges);
    ix_kept_edge_free(&r.edge);
    for (size_t i = 0; i < r.n_keys; i++) {
        free(r.keys[i].id);
        free(r.keys[i].name);
        free(r.keys[i].type);
        free(r.keys[i].def);
        free(r.keys[i].for_);
        free(r.keys[i].yfiles);
    }
    free(r.keys);
    for (size_t i = 0; i < r.depth; i++) {
        free(r.node_ids[i]);
        json_decref(r.node_data[i]);
    }
    free(r.node_ids);
    free(r.node_data);
    free(r.node_children);
    kg_buf_free(&r.text);
    kg_buf_free(&r.label);
    json_decref(r.look);
    ix_xml_close(&r.x);
    return r.rc;
}

int ix_sniff_graphml(const char *head, size_t len)
{
    char buf[1025];
    size_t n = len < 1024 ? len : 1024;
    memcpy(buf, head, n);
    buf[n] = '\0';
    return strstr(buf, "<graphml") ? 80 : 0;
}
