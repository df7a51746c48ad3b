/* nodelink_import.c - the "nodelink" importer: node-link JSON as NetworkX (json_graph), D3 and kgkit's own exporter write it. */
#define _GNU_SOURCE /* memmem, strdup, strndup */
#include "interchange.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* A node id or an edge end as text: a string as it is, an integer in decimal (NetworkX writes integer ids as
 * numbers). NULL for anything else. */
static const char *id_text(const json_t *v, char *buf, size_t size)
{
    if (json_is_string(v))
        return json_string_value(v);
    if (json_is_integer(v)) {
        snprintf(buf, size, "%lld", (long long)json_integer_value(v));
        return buf;
    }
    return NULL;
}

static int bad(const char *path, int code, const char *fmt, const char *a, size_t i, kg_error_t *err)
{
    char where[64];
    snprintf(where, sizeof where, fmt, i);
    return kg_error_set(err, code, path, 0, 0, "node-link JSON: %s%s", where, a ? a : "");
}

/* The nodes: each an entity; "name" is the label when there is none (D3). Returns the ids in *ids (index ->
 * entity id, for D3's links by index). */
static int read_nodes(kg_graph_t *g, const char *path, const json_t *nodes, int by_index, char ***ids,
                      ix_roles_t *roles, kg_error_t *err)
{
    size_t n = json_array_size(nodes), i;
    json_t *node;
    *ids = calloc(n + 1, sizeof **ids);
    if (!*ids)
        return kg_error_set(err, KG_ENOMEM, path, 0, 0, "out of memory");
    json_array_foreach(nodes, i, node) {
        char buf[32];
        if (!json_is_object(node))
            return bad(path, KG_EINPUT, "nodes[%zu] is not an object", NULL, i, err);
        const char *id = by_index ? (snprintf(buf, sizeof buf, "%zu", i), buf)
                                  : id_text(json_object_get(node, "id"), buf, sizeof buf);
        if (!id)
            return bad(path, KG_EINPUT, "nodes[%zu]: \"id\" must be a string or an integer", NULL, i, err);
        if (!((*ids)[i] = strdup(id)))
            return kg_error_set(err, KG_ENOMEM, path, 0, 0, "out of memory");
        json_t *data = json_deep_copy(node);
        if (!data)
            return kg_error_set(err, KG_ENOMEM, path, 0, 0, "out of memory");
        json_object_del(data, "id");
        json_t *label = json_object_get(data, "label");
        if (!label && json_is_string(json_object_get(data, "name"))) {
            json_object_set(data, "label", json_object_get(data, "name"));
            json_object_del(data, "name");
        } else if (label && !json_is_string(label)) { /* a number or other value as the label: its text */
            char text[64];
            const char *t = ix_text(label, text, sizeof text);
            json_object_set_new(data, "label", json_string(t ? t : ""));
        }
        int rc = ix_add_node(g, path, 0, id, data, roles, err);
        json_decref(data);
        if (rc)
            return rc;
    }
    return KG_OK;
}

static int read_links(kg_graph_t *g, const char *path, const json_t *links, const char *links_name, int by_index,
                      char **ids, size_t n_nodes, int directed, ix_roles_t *roles, kg_error_t *err)
{
    size_t i;
    json_t *link;
    json_array_foreach(links, i, link) {
        char fmt[64], b1[32], b2[32];
        if (!json_is_object(link)) {
            snprintf(fmt, sizeof fmt, "%s[%%zu] is not an object", links_name);
            return bad(path, KG_EINPUT, fmt, NULL, i, err);
        }
        const json_t *sv = json_object_get(link, "source"), *tv = json_object_get(link, "target");
        const char *ends[2];
        const json_t *vals[2] = {sv, tv};
        for (int k = 0; k < 2; k++) {
            if (by_index) {
                json_int_t x = json_is_integer(vals[k]) ? json_integer_value(vals[k]) : -1;
                ends[k] = x >= 0 && (size_t)x < n_nodes ? ids[x] : NULL;
                if (!ends[k]) {
                    snprintf(fmt, sizeof fmt, "%s[%%zu]: \"%s\" must be the index of a node (0 to %zu)",
                             links_name, k ? "target" : "source", n_nodes ? n_nodes - 1 : 0);
                    return bad(path, KG_EINPUT, fmt, NULL, i, err);
                }
            } else {
                ends[k] = id_text(vals[k], k ? b2 : b1, sizeof b1);
                if (!ends[k]) {
                    snprintf(fmt, sizeof fmt, "%s[%%zu]: \"%s\" must be a node id", links_name,
                             k ? "target" : "source");
                    return bad(path, KG_EINPUT, fmt, NULL, i, err);
                }
                if (kg_graph_entity_by_id(g, ends[k]) == KG_NONE) {
                    snprintf(fmt, sizeof fmt, "%s[%%zu]: %s names no node: ", links_name, k ? "target" : "source");
                    return bad(path, KG_ENOTFOUND, fmt, ends[k], i, err);
                }
            }
        }
        json_t *data = json_deep_copy(link);
        if (!data)
            return kg_error_set(err, KG_ENOMEM, path, 0, 0, "out of memory");
        json_object_del(data, "source");
        json_object_del(data, "target");
        /* a multigraph's key tells parallel edges apart: a number, or kgkit's statement number (s12, s12-2), says
         * nothing more */
        const json_t *key = json_object_get(data, "key");
        const char *ks = json_string_value(key);
        size_t digits = ks && ks[0] == 's' ? strspn(ks + 1, "0123456789") : 0;
        if (json_is_integer(key) || (digits && (!ks[1 + digits] || (ks[1 + digits] == '-' &&
                                                                   strspn(ks + 2 + digits, "0123456789") ==
                                                                       strlen(ks + 2 + digits) && ks[2 + digits]))))
            json_object_del(data, "key");
        int rc = ix_add_edge(g, path, 0, 0, ends[0], ends[1], data, !directed, roles, err);
        json_decref(data);
        if (rc)
            return rc;
    }
    return KG_OK;
}

int ix_import_nodelink(kg_graph_t *g, FILE *in, const char *path, const kg_opts_t *opts, kg_error_t *err)
{
    char *text;
    size_t len;
    ix_roles_t roles;
    int rc = ix_roles_init(&roles, g, opts, err);
    if (rc || (rc = kg_read_all(in, path, &text, &len, err))) {
        ix_roles_free(&roles);
        return rc;
    }
    json_error_t je;
    size_t bom = kg_utf8_bom(text, len);
    json_t *root = json_loadb(text + bom, len - bom, JSON_REJECT_DUPLICATES, &je);
    free(text);
    if (!root) {
        ix_roles_free(&roles);
        return kg_error_set(err, KG_EINPUT, path, je.line, je.column, "node-link JSON: %s", je.text);
    }
    const json_t *nodes = json_object_get(root, "nodes");
    const char *links_name = json_object_get(root, "links") ? "links" : "edges";
    const json_t *links = json_object_get(root, links_name);
    if (!json_is_object(root) || !json_is_array(nodes) || (links && !json_is_array(links))) {
        json_decref(root);
        ix_roles_free(&roles);
        return kg_error_set(err, KG_EINPUT, path, 1, 1,
                            "node-link JSON: expected an object with a list \"nodes\" and a list \"links\" (or "
                            "\"edges\"), as NetworkX's node_link_data writes");
    }
    const json_t *directed = json_object_get(root, "directed");
    /* D3 writes nodes without ids, and links by the nodes' index */
    int by_index = 1;
    size_t i;
    json_t *v;
    json_array_foreach(nodes, i, v) if (json_object_get(v, "id")) by_index = 0;
    char **ids = NULL;
    rc = read_nodes(g, path, nodes, by_index, &ids, &roles, err);
    if (!rc && links)
        rc = read_links(g, path, links, links_name, by_index, ids, json_array_size(nodes),
                        directed ? json_is_true(directed) : 0, &roles, err);
    if (!rc && !(rc = ix_roles_check(&roles, path, err)))
        ix_roles_note(g, path, "node-link JSON", &roles);
    /* what kgkit has no place for is said, not dropped in silence */
    const char *key;
    json_t *graph = json_object_get(root, "graph");
    if (!rc && json_object_size(graph) > (json_object_get(graph, "generated_by") != NULL)) { /* kgkit's mark aside */
        char names[200] = "";
        size_t n = 0;
        json_object_foreach(graph, key, v) if (strcmp(key, "generated_by")) n += (size_t)snprintf(names + n, n < sizeof names ? sizeof names - n : 0,
                                                                 "%s%s", n ? ", " : "", key);
        rc = ix_unread(g, &roles, path, err, "node-link JSON: the graph's own attributes are not read (%s)", names);
    }
    json_object_foreach(root, key, v) {
        if (!rc && strcmp(key, "nodes") && strcmp(key, links_name) && strcmp(key, "directed") &&
            strcmp(key, "multigraph") && strcmp(key, "graph"))
            rc = ix_unread(g, &roles, path, err, "node-link JSON: the key \"%s\" is not read", key);
    }
    ix_roles_free(&roles);
    for (i = 0; ids && i < json_array_size(nodes); i++)
        free(ids[i]);
    free(ids);
    json_decref(root);
    return rc;
}

int ix_sniff_nodelink(const char *head, size_t len)
{
    size_t i = kg_utf8_bom(head, len);
    while (i < len && strchr(" \t\r\n", head[i]))
        i++;
    if (i >= len || head[i] != '{')
        return 0;
    int nodes = memmem(head, len, "\"nodes\"", 7) != NULL;
    int links = memmem(head, len, "\"links\"", 7) || memmem(head, len, "\"edges\"", 7);
    int flags = memmem(head, len, "\"directed\"", 10) || memmem(head, len, "\"multigraph\"", 12);
    return nodes && (links || flags) ? 70 : nodes ? 30 : 0;
}
