/* graphml.c - the "graphml" exporter: typed <key> declarations, nodes and edges with <data>; lists as JSON text. */
#include "interchange.h"

/* The GraphML writer: each element is put together in a buffer, written out once it is large. */
typedef struct graphml {
    ix_writer_t w;
    kg_buf_t buf;
} graphml_t;

static int flush(graphml_t *x, size_t above)
{
    return kg_buf_flush(&x->buf, x->w.out, above);
}

static void put_data(kg_buf_t *b, const ix_keys_t *keys, const ix_attrs_t *a, char prefix)
{
    for (size_t i = 0; i < a->n; i++) {
        char num[24];
        kg_buf_puts(b, prefix == 'n' ? "      <data key=\"n" : "      <data key=\"e");
        kg_buf_puts(b, kg_int_text((long long)ix_keys_find(keys, a->items[i].name), num, sizeof num));
        kg_buf_puts(b, "\">");
        ix_xml_put_text(b, a->items[i].text);
        kg_buf_puts(b, "</data>\n");
    }
}

static int write_node(void *ud, kg_entity_t e, const ix_attrs_t *a)
{
    graphml_t *x = ud;
    kg_buf_puts(&x->buf, "    <node id=\"");
    ix_xml_put(&x->buf, kg_entity_id(x->w.g, e));
    kg_buf_puts(&x->buf, "\">\n");
    put_data(&x->buf, x->w.nodes, a, 'n');
    kg_buf_puts(&x->buf, "    </node>\n");
    return flush(x, 1 << 16);
}

static int write_edge(void *ud, kg_stmt_t s, const ix_attrs_t *a)
{
    graphml_t *x = ud;
    const kg_graph_t *g = x->w.g;
    char id[40];
    kg_buf_puts(&x->buf, "    <edge id=\"");
    kg_buf_puts(&x->buf, ix_edge_id(s, a->copy, id, sizeof id));
    kg_buf_puts(&x->buf, "\" source=\"");
    ix_xml_put(&x->buf, kg_entity_id(g, kg_stmt_subject(g, s)));
    kg_buf_puts(&x->buf, "\" target=\"");
    ix_xml_put(&x->buf, kg_entity_id(g, kg_stmt_object(g, s)));
    kg_buf_puts(&x->buf, kg_stmt_undirected(g, s) ? "\" directed=\"false\">\n" : "\">\n");
    put_data(&x->buf, x->w.edges, a, 'e');
    kg_buf_puts(&x->buf, "    </edge>\n");
    return flush(x, 1 << 16);
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
    graphml_t x = {{g, out, &nk, &ek}, KG_BUF_INIT};
    rc = ix_walk(g, opts, "writing GraphML", write_node, write_edge, &x);
    if (!rc)
        rc = flush(&x, 0);
    kg_buf_free(&x.buf);
    fputs("  </graph>\n</graphml>\n", out);
    ix_keys_clear(&nk);
    ix_keys_clear(&ek);
    if (rc == KG_ENOMEM)
        return kg_error_say(err, rc, "out of memory");
    return ix_write_error(out, err);
}
