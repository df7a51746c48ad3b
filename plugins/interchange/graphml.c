/* graphml.c - the "graphml" exporter: typed <key> declarations, nodes and edges with <data>; lists as JSON text. */
#include "interchange.h"

static const char *graphml_type(ix_type_t t)
{
    static const char *const names[] = {"boolean", "long", "double", "string"};
    return names[t];
}

static void write_data(FILE *out, const ix_keys_t *keys, const ix_attrs_t *a, char prefix)
{
    char buf[64];
    for (size_t i = 0; i < a->n; i++) {
        size_t k = ix_keys_find(keys, a->items[i].name);
        fprintf(out, "      <data key=\"%c%zu\">", prefix, k);
        ix_xml(out, ix_text(a->items[i].value, buf, sizeof buf));
        fputs("</data>\n", out);
    }
}

int ix_export_graphml(const kg_graph_t *g, FILE *out, const kg_opts_t *opts, kg_error_t *err)
{
    ix_keys_t nk = {0}, ek = {0};
    int rc = ix_keys_collect(g, &nk, &ek);
    if (rc) {
        ix_keys_clear(&nk);
        ix_keys_clear(&ek);
        return kg_error_set(err, rc, NULL, 0, 0, "out of memory");
    }
    fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
          "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"\n"
          "    xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
          "    xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
          "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n"
          "  <!-- written by kgkit: lists (aliases, sources, citations, claims) are JSON text -->\n",
          out);
    for (int pass = 0; pass < 2; pass++) {
        const ix_keys_t *k = pass ? &ek : &nk;
        for (size_t i = 0; i < k->n; i++) {
            fprintf(out, "  <key id=\"%c%zu\" for=\"%s\" attr.name=\"", pass ? 'e' : 'n', i, pass ? "edge" : "node");
            ix_xml(out, k->items[i].name);
            fprintf(out, "\" attr.type=\"%s\"/>\n", graphml_type(k->items[i].type));
        }
    }
    fputs("  <graph id=\"kgkit\" edgedefault=\"directed\">\n", out);
    size_t n_ent = kg_graph_entity_count(g), n_st = kg_graph_stmt_count(g);
    for (kg_entity_t e = 0; rc == KG_OK && e < n_ent; e++) {
        if (!ix_is_node(g, e))
            continue;
        ix_attrs_t a = {0};
        if ((rc = ix_node_attrs(g, e, &a)) == KG_OK) {
            fputs("    <node id=\"", out);
            ix_xml(out, kg_entity_id(g, e));
            fputs("\">\n", out);
            write_data(out, &nk, &a, 'n');
            fputs("    </node>\n", out);
        }
        ix_attrs_clear(&a);
    }
    for (kg_stmt_t s = 0; rc == KG_OK && s < n_st; s++) {
        if (!ix_is_edge(g, s))
            continue;
        ix_attrs_t a = {0};
        if ((rc = ix_edge_attrs(g, s, &a)) == KG_OK) {
            fprintf(out, "    <edge id=\"s%u\" source=\"", (unsigned)s);
            ix_xml(out, kg_entity_id(g, kg_stmt_subject(g, s)));
            fputs("\" target=\"", out);
            ix_xml(out, kg_entity_id(g, kg_stmt_object(g, s)));
            fputs("\">\n", out);
            write_data(out, &ek, &a, 'e');
            fputs("    </edge>\n", out);
        }
        ix_attrs_clear(&a);
        if ((s & 0xffff) == 0)
            kg_progress(opts, "writing GraphML", s, n_st);
    }
    fputs("  </graph>\n</graphml>\n", out);
    ix_keys_clear(&nk);
    ix_keys_clear(&ek);
    if (rc)
        return kg_error_set(err, rc, NULL, 0, 0, "out of memory");
    return ix_write_error(out, err);
}
