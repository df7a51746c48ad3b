/* graphml.c - the "graphml" exporter: typed <key> declarations, nodes and edges with <data>; lists as JSON text. */
#include "interchange.h"

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

static int write_node(void *ud, kg_entity_t e, const ix_attrs_t *a)
{
    ix_writer_t *w = ud;
    fputs("    <node id=\"", w->out);
    ix_xml(w->out, kg_entity_id(w->g, e));
    fputs("\">\n", w->out);
    write_data(w->out, w->nodes, a, 'n');
    fputs("    </node>\n", w->out);
    return 0;
}

static int write_edge(void *ud, kg_stmt_t s, const ix_attrs_t *a)
{
    ix_writer_t *w = ud;
    char id[40];
    fprintf(w->out, "    <edge id=\"%s\" source=\"", ix_edge_id(s, a->copy, id, sizeof id));
    ix_xml(w->out, kg_entity_id(w->g, kg_stmt_subject(w->g, s)));
    fputs("\" target=\"", w->out);
    ix_xml(w->out, kg_entity_id(w->g, kg_stmt_object(w->g, s)));
    fputs(kg_stmt_undirected(w->g, s) ? "\" directed=\"false\">\n" : "\">\n", w->out);
    write_data(w->out, w->edges, a, 'e');
    fputs("    </edge>\n", w->out);
    return 0;
}

int ix_export_graphml(const kg_graph_t *g, FILE *out, const kg_opts_t *opts, kg_error_t *err)
{
    ix_keys_t nk = {0}, ek = {0};
    int rc = ix_keys_collect(g, &nk, &ek);
    if (rc) {
        ix_keys_clear(&nk);
        ix_keys_clear(&ek);
        return kg_error_say(err, rc, "out of memory");
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
            fprintf(out, "\" attr.type=\"%s\"/>\n", ix_type_name(k->items[i].type));
        }
    }
    fputs("  <graph id=\"kgkit\" edgedefault=\"directed\">\n", out);
    ix_writer_t w = {g, out, &nk, &ek};
    rc = ix_walk(g, opts, "writing GraphML", write_node, write_edge, &w);
    fputs("  </graph>\n</graphml>\n", out);
    ix_keys_clear(&nk);
    ix_keys_clear(&ek);
    if (rc)
        return kg_error_say(err, rc, "out of memory");
    return ix_write_error(out, err);
}
