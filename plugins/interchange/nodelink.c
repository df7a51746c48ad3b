/* nodelink.c - the "nodelink" (NetworkX / D3 node-link JSON) and "cyjs" (Cytoscape.js elements) exporters. */
#include "interchange.h"

#include <string.h>

static const char *const node_standard[] = {"id", "label", "kind", "aliases", "date", "claims", "name", "value", NULL};
static const char *const edge_standard[] = {"id",      "source", "target",    "key", "predicate", "as_of",
                                            "according_to", "sources", "citations", NULL};

/* Own attributes, native JSON; a name a standard field takes gets "attr." in front. */
static void add_own(json_t *o, const json_t *attrs, const char *const *standard)
{
    const char *key;
    json_t *v;
    json_object_foreach((json_t *)attrs, key, v)
    {
        int taken = 0;
        for (const char *const *s = standard; *s && !taken; s++)
            taken = !strcmp(*s, key);
        if (taken) {
            char name[512];
            snprintf(name, sizeof name, "attr.%s", key);
            json_object_set(o, name, v);
        } else {
            json_object_set(o, key, v);
        }
    }
}

static json_t *node_fields(const kg_graph_t *g, kg_entity_t e)
{
    json_t *o = json_pack("{s:s,s:s,s:s}", "id", kg_entity_id(g, e), "label", kg_entity_name(g, e), "kind",
                          kg_entity_kind(g, e));
    if (kg_entity_alias_count(g, e)) {
        json_t *al = json_array();
        for (size_t i = 0; i < kg_entity_alias_count(g, e); i++)
            json_array_append_new(al, json_string(kg_entity_alias(g, e, i)));
        json_object_set_new(o, "aliases", al);
    }
    if (kg_entity_date(g, e))
        json_object_set_new(o, "date", json_string(kg_entity_date(g, e)));
    json_t *claims = ix_claims(g, e);
    if (json_array_size(claims))
        json_object_set_new(o, "claims", claims);
    else
        json_decref(claims);
    if (kg_entity_attrs(g, e))
        add_own(o, kg_entity_attrs(g, e), node_standard);
    return o;
}

static json_t *edge_fields(const kg_graph_t *g, kg_stmt_t s)
{
    kg_entity_t by = kg_stmt_according_to(g, s);
    char key[32];
    snprintf(key, sizeof key, "s%u", (unsigned)s);
    json_t *o = json_pack("{s:s,s:s,s:s,s:s}", "source", kg_entity_id(g, kg_stmt_subject(g, s)), "target",
                          kg_entity_id(g, kg_stmt_object(g, s)), "key", key, "predicate", kg_stmt_predicate(g, s));
    if (kg_stmt_as_of(g, s))
        json_object_set_new(o, "as_of", json_string(kg_stmt_as_of(g, s)));
    if (by != KG_NONE)
        json_object_set_new(o, "according_to", json_string(kg_entity_id(g, by)));
    json_t *ids = json_array(), *cites = json_array();
    for (size_t i = 0; i < kg_stmt_cite_count(g, s); i++) {
        const char *quote;
        const char *id = kg_entity_id(g, kg_stmt_cite(g, s, i, &quote));
        json_array_append_new(ids, json_string(id));
        json_array_append_new(cites, ix_citation(g, kg_stmt_cite(g, s, i, NULL), quote));
    }
    json_object_set_new(o, "sources", ids);
    json_object_set_new(o, "citations", cites);
    if (kg_stmt_attrs(g, s))
        add_own(o, kg_stmt_attrs(g, s), edge_standard);
    if (kg_stmt_undirected(g, s))
        json_object_set_new(o, KG_ATTR_UNDIRECTED, json_true());
    return o;
}

/* ---- relations without attributes (most of them), written straight out: the same bytes as edge_fields()
 * dumped compact by jansson, without building the object (a tenth of the time). */

/* A string as jansson writes it: quotes, backslash and control characters escaped, the rest as it is. */
static void put_str(FILE *out, const char *s)
{
    putc('"', out);
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        switch (*p) {
        case '"': fputs("\\\"", out); break;
        case '\\': fputs("\\\\", out); break;
        case '\b': fputs("\\b", out); break;
        case '\f': fputs("\\f", out); break;
        case '\n': fputs("\\n", out); break;
        case '\r': fputs("\\r", out); break;
        case '\t': fputs("\\t", out); break;
        default:
            if (*p < 0x20)
                fprintf(out, "\\u%04X", *p);
            else
                putc(*p, out);
        }
    }
    putc('"', out);
}

static void put_field(FILE *out, const char *name, const char *value)
{
    if (!value)
        return;
    fprintf(out, ",\"%s\":", name);
    put_str(out, value);
}

static void put_field_or_null(FILE *out, const char *name, const char *value)
{
    if (value)
        put_field(out, name, value);
    else
        fprintf(out, ",\"%s\":null", name);
}

static void write_edge_plain(const kg_graph_t *g, kg_stmt_t s, const char *key, int cyjs, FILE *out)
{
    kg_entity_t by = kg_stmt_according_to(g, s);
    fputs(cyjs ? "{\"data\":{\"source\":" : "{\"source\":", out);
    put_str(out, kg_entity_id(g, kg_stmt_subject(g, s)));
    put_field(out, "target", kg_entity_id(g, kg_stmt_object(g, s)));
    put_field(out, "key", key);
    put_field(out, "predicate", kg_stmt_predicate(g, s));
    put_field(out, "as_of", kg_stmt_as_of(g, s));
    put_field(out, "according_to", by != KG_NONE ? kg_entity_id(g, by) : NULL);
    size_t n = kg_stmt_cite_count(g, s);
    fputs(",\"sources\":[", out);
    for (size_t i = 0; i < n; i++) {
        if (i)
            putc(',', out);
        put_str(out, kg_entity_id(g, kg_stmt_cite(g, s, i, NULL)));
    }
    fputs("],\"citations\":[", out);
    for (size_t i = 0; i < n; i++) { /* as ix_citation makes them */
        const char *quote;
        kg_entity_t src = kg_stmt_cite(g, s, i, &quote);
        fputs(i ? ",{\"id\":" : "{\"id\":", out);
        put_str(out, kg_entity_id(g, src));
        put_field_or_null(out, "quote", quote);
        put_field_or_null(out, "title", kg_entity_label(g, src));
        put_field_or_null(out, "url", kg_entity_url(g, src));
        put_field_or_null(out, "published", kg_entity_date(g, src));
        put_field_or_null(out, "publisher", kg_entity_publisher(g, src));
        putc('}', out);
    }
    putc(']', out);
    if (kg_stmt_undirected(g, s))
        fprintf(out, ",\"%s\":true", KG_ATTR_UNDIRECTED);
    if (cyjs) {
        put_field(out, "id", key);
        putc('}', out);
    }
    putc('}', out);
}

/* Writes {"head"..., "<nodes_key>": [...], "<edges_key>": [...]} one element per line. */
static int write_doc(const kg_graph_t *g, FILE *out, const kg_opts_t *opts, int cyjs, kg_error_t *err)
{
    int rc = 0;
    size_t n_st = kg_graph_stmt_count(g);
    if (cyjs)
        fputs("{\"format_version\": \"1.0\", \"generated_by\": \"kgkit\", \"data\": {\"name\": \"kgkit\"}, "
              "\"directed\": true, \"multigraph\": true,\n \"elements\": {\"nodes\": [",
              out);
    else
        fputs("{\"directed\": true, \"multigraph\": true, \"graph\": {\"generated_by\": \"kgkit\"},\n \"nodes\": [", out);
    int first = 1;
    for (kg_entity_t e = 0; !rc && e < kg_graph_entity_count(g); e++) {
        if (!ix_is_node(g, e))
            continue;
        json_t *o = node_fields(g, e);
        if (cyjs) { /* what NetworkX's cytoscape_graph and Cytoscape.js read: value, name */
            json_object_set_new(o, "value", json_string(kg_entity_id(g, e)));
            json_object_set_new(o, "name", json_string(kg_entity_name(g, e)));
            o = json_pack("{s:o}", "data", o);
        }
        fputs(first ? "\n  " : ",\n  ", out);
        rc = kg_json_dumpf(o, out, JSON_COMPACT | JSON_PRESERVE_ORDER);
        json_decref(o);
        first = 0;
    }
    fputs(cyjs ? "],\n \"edges\": [" : "],\n \"links\": [", out);
    first = 1;
    for (kg_stmt_t s = 0; !rc && s < n_st; s++) {
        if (!ix_is_edge(g, s))
            continue;
        const json_t *attrs = kg_stmt_attrs(g, s);
        if (!json_object_size(attrs)) { /* no attributes: no parallel copies either */
            char key[40];
            fputs(first ? "\n  " : ",\n  ", out);
            write_edge_plain(g, s, ix_edge_id(s, 0, key, sizeof key), cyjs, out);
            first = 0;
            if ((s & 0xffff) == 0)
                kg_progress(opts, cyjs ? "writing Cytoscape.js JSON" : "writing node-link JSON", s, n_st);
            continue;
        }
        for (unsigned k = 0, m = ix_multiplicity(g, s); !rc && k < m; k++) { /* parallel edges, each its key */
            json_t *o = edge_fields(g, s);
            char key[40];
            json_object_del(o, KG_ATTR_MULTIPLICITY);
            json_object_set_new(o, "key", json_string(ix_edge_id(s, k, key, sizeof key)));
            if (cyjs) {
                json_object_set_new(o, "id", json_string(key));
                o = json_pack("{s:o}", "data", o);
            }
            fputs(first ? "\n  " : ",\n  ", out);
            rc = kg_json_dumpf(o, out, JSON_COMPACT | JSON_PRESERVE_ORDER);
            json_decref(o);
            first = 0;
        }
        if ((s & 0xffff) == 0)
            kg_progress(opts, cyjs ? "writing Cytoscape.js JSON" : "writing node-link JSON", s, n_st);
    }
    fputs(cyjs ? "]}}\n" : "]}\n", out);
    if (rc && !ferror(out)) /* the dump failed without a failed write: memory */
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
