/* nodelink.c - the "nodelink" (NetworkX / D3 node-link JSON) and "cyjs" (Cytoscape.js elements) exporters. */
#include "interchange.h"

#include <string.h>

static const char *const node_standard[] = {"id", "label", "kind", "aliases", "date", "claims", "name", "value", NULL};
static const char *const edge_standard[] = {"id",      "source", "target",    "key", "predicate", "as_of",
                                            "according_to", "sources", "citations", NULL};

/* Each element is put straight into a buffer as JSON text (the bytes jansson would write for the object, a tenth
 * of the time of building it), written out once the buffer is large. */
static void put_key(kg_buf_t *b, const char *name)
{
    kg_buf_putc(b, ',');
    kg_json_put_string(b, name);
    kg_buf_putc(b, ':');
}

static void put_field(kg_buf_t *b, const char *name, const char *value)
{
    if (value)
        put_key(b, name), kg_json_put_string(b, value);
}

/* Own attributes, native JSON; a name a standard field takes gets "attr." in front. The multiplicity is
 * written as that many edges; "undirected" is true when the relation has no direction. */
static void put_own(kg_buf_t *b, const json_t *attrs, const char *const *standard, int undirected)
{
    const char *key;
    json_t *v;
    json_object_foreach((json_t *)attrs, key, v)
    {
        char own[512];
        if (!strcmp(key, KG_ATTR_MULTIPLICITY) && standard == edge_standard)
            continue;
        put_key(b, ix_own_name(attrs, key, standard, own, sizeof own));
        if (undirected && !strcmp(key, KG_ATTR_UNDIRECTED))
            kg_buf_puts(b, "true");
        else
            kg_json_put(b, v, JSON_COMPACT);
    }
}

static void put_node(kg_buf_t *b, const kg_graph_t *g, kg_entity_t e, int cyjs)
{
    kg_buf_puts(b, cyjs ? "{\"data\":{\"id\":" : "{\"id\":");
    kg_json_put_string(b, kg_entity_id(g, e));
    put_key(b, "label");
    kg_json_put_string(b, kg_entity_name(g, e));
    put_key(b, "kind");
    kg_json_put_string(b, kg_entity_kind(g, e));
    if (kg_entity_alias_count(g, e))
        put_key(b, "aliases"), ix_put_aliases(b, g, e);
    put_field(b, "date", kg_entity_date(g, e));
    if (ix_has_claims(g, e))
        put_key(b, "claims"), ix_put_claims(b, g, e);
    if (kg_entity_attrs(g, e))
        put_own(b, kg_entity_attrs(g, e), node_standard, 0);
    if (cyjs) { /* what NetworkX's cytoscape_graph and Cytoscape.js read: value, name */
        put_field(b, "value", kg_entity_id(g, e));
        put_field(b, "name", kg_entity_name(g, e));
        kg_buf_putc(b, '}');
    }
    kg_buf_putc(b, '}');
}

static void put_edge(kg_buf_t *b, const kg_graph_t *g, kg_stmt_t s, const char *key, int cyjs, ix_cites_t *cites)
{
    kg_entity_t by = kg_stmt_according_to(g, s);
    int undirected = kg_stmt_undirected(g, s);
    const json_t *attrs = kg_stmt_attrs(g, s);
    kg_buf_puts(b, cyjs ? "{\"data\":{\"source\":" : "{\"source\":");
    kg_json_put_string(b, kg_entity_id(g, kg_stmt_subject(g, s)));
    put_field(b, "target", kg_entity_id(g, kg_stmt_object(g, s)));
    put_field(b, "key", key);
    put_field(b, "predicate", kg_stmt_predicate(g, s));
    put_field(b, "as_of", kg_stmt_as_of(g, s));
    put_field(b, "according_to", by != KG_NONE ? kg_entity_id(g, by) : NULL);
    put_key(b, "sources");
    ix_put_sources(b, g, s);
    put_key(b, "citations");
    ix_put_citations(b, g, s, cites);
    if (attrs)
        put_own(b, attrs, edge_standard, undirected);
    if (undirected && !json_object_get(attrs, KG_ATTR_UNDIRECTED))
        put_key(b, KG_ATTR_UNDIRECTED), kg_buf_puts(b, "true");
    if (cyjs) {
        put_field(b, "id", key);
        kg_buf_putc(b, '}');
    }
    kg_buf_putc(b, '}');
}

/* Writes {"head"..., "<nodes_key>": [...], "<edges_key>": [...]} one element per line. */
static int write_doc(const kg_graph_t *g, FILE *out, const kg_opts_t *opts, int cyjs, kg_error_t *err)
{
    int rc = KG_OK;
    size_t n_st = kg_graph_stmt_count(g);
    kg_buf_t b = KG_BUF_INIT;
    ix_cites_t cites = {KG_BUF_INIT, NULL, 0};
    if (cyjs)
        kg_buf_puts(&b, "{\"format_version\": \"1.0\", \"generated_by\": \"kgkit\", \"data\": {\"name\": \"kgkit\"}, "
                        "\"directed\": true, \"multigraph\": true,\n \"elements\": {\"nodes\": [");
    else
        kg_buf_puts(&b, "{\"directed\": true, \"multigraph\": true, \"graph\": {\"generated_by\": \"kgkit\"},\n \"nodes\": [");
    int first = 1;
    for (kg_entity_t e = 0; !rc && e < kg_graph_entity_count(g); e++) {
        if (!ix_is_node(g, e))
            continue;
        kg_buf_puts(&b, first ? "\n  " : ",\n  ");
        put_node(&b, g, e, cyjs);
        first = 0;
        rc = kg_buf_flush(&b, out, 1 << 16);
    }
    kg_buf_puts(&b, cyjs ? "],\n \"edges\": [" : "],\n \"links\": [");
    first = 1;
    for (kg_stmt_t s = 0; !rc && s < n_st; s++) {
        if (!ix_is_edge(g, s))
            continue;
        for (unsigned k = 0, m = ix_multiplicity(g, s); !rc && k < m; k++) { /* parallel edges, each its key */
            char key[40];
            kg_buf_puts(&b, first ? "\n  " : ",\n  ");
            put_edge(&b, g, s, ix_edge_id(s, k, key, sizeof key), cyjs, &cites);
            first = 0;
            rc = kg_buf_flush(&b, out, 1 << 16);
        }
        if ((s & 0xffff) == 0)
            kg_progress(opts, cyjs ? "writing Cytoscape.js JSON" : "writing node-link JSON", s, n_st);
    }
    kg_buf_puts(&b, cyjs ? "]}}\n" : "]}\n");
    if (!rc)
        rc = kg_buf_flush(&b, out, 0);
    kg_buf_free(&b);
    ix_cites_free(&cites);
    if (rc == KG_ENOMEM)
        return kg_error_say(err, KG_ENOMEM, "out of memory");
    return ix_write_error(out, err);
}

int ix_export_nodelink(const kg_graph_t *g, FILE *out, const kg_opts_t *opts, kg_error_t *err)
{
    return write_doc(g, out, opts, 0, err);
}

int ix_export_cyjs(const kg_graph_t *g, FILE *out, const kg_opts_t *opts, kg_error_t *err)
{
    return write_doc(g, out, opts, 1, err);
}
