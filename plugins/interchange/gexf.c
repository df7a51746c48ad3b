/* gexf.c - the "gexf" exporter (GEXF 1.3 for Gephi, 1.2draft on request): attributes, and dates as spells for the timeline. */
#include "interchange.h"

#include <string.h>

const kg_param_t ix_gexf_params[] = {
    {"version", "string", "1.3", "GEXF version: 1.3 (Gephi 0.9+), or 1.2draft (what NetworkX 2.8 reads)"},
    {NULL, NULL, NULL, NULL}};

static void attvalues(FILE *out, const ix_keys_t *keys, const ix_attrs_t *a)
{
    fputs("        <attvalues>\n", out);
    for (size_t i = 0; i < a->n; i++) {
        fprintf(out, "          <attvalue for=\"%zu\" value=\"", ix_keys_find(keys, a->items[i].name));
        ix_xml(out, a->items[i].text);
        fputs("\"/>\n", out);
    }
    fputs("        </attvalues>\n", out);
}

/* A time as the spell it names: 2024-11 is 2024-11-01 .. 2024-11-30, 2024-08/2024-09 is 2024-08-01 .. 2024-09-30,
 * and an open end ("../2024-12") is a spell without that end, as GEXF allows. */
static void spell(FILE *out, const char *date)
{
    kg_when_t w;
    char day[16];
    if (!date || kg_when_parse(date, &w, NULL) != KG_OK)
        return;
    fputs("        <spells><spell", out);
    if (w.first != KG_DAY_OPEN_START) {
        kg_day_format(w.first, day, sizeof day);
        fprintf(out, " start=\"%s\"", day);
    }
    if (w.last != KG_DAY_OPEN_END) {
        kg_day_format(w.last, day, sizeof day);
        fprintf(out, " end=\"%s\"", day);
    }
    fputs("/></spells>\n", out);
}

static int write_node(void *ud, kg_entity_t e, const ix_attrs_t *a)
{
    ix_writer_t *w = ud;
    fputs("      <node id=\"", w->out);
    ix_xml(w->out, kg_entity_id(w->g, e));
    fputs("\" label=\"", w->out);
    ix_xml(w->out, kg_entity_name(w->g, e));
    fputs("\">\n", w->out);
    attvalues(w->out, w->nodes, a);
    spell(w->out, kg_entity_date(w->g, e));
    fputs("      </node>\n", w->out);
    return 0;
}

static int write_edge(void *ud, kg_stmt_t s, const ix_attrs_t *a)
{
    ix_writer_t *w = ud;
    char id[40];
    fprintf(w->out, "      <edge id=\"%s\" source=\"", ix_edge_id(s, a->copy, id, sizeof id));
    ix_xml(w->out, kg_entity_id(w->g, kg_stmt_subject(w->g, s)));
    fputs("\" target=\"", w->out);
    ix_xml(w->out, kg_entity_id(w->g, kg_stmt_object(w->g, s)));
    fputs("\" label=\"", w->out);
    ix_xml(w->out, kg_stmt_predicate(w->g, s));
    fputs(kg_stmt_undirected(w->g, s) ? "\" type=\"undirected\">\n" : "\">\n", w->out);
    attvalues(w->out, w->edges, a);
    spell(w->out, kg_stmt_as_of(w->g, s));
    fputs("      </edge>\n", w->out);
    return 0;
}

int ix_export_gexf(const kg_graph_t *g, FILE *out, const kg_opts_t *opts, kg_error_t *err)
{
    static const char *const versions[] = {"1.3", "1.2draft", NULL};
    static const char *const namespaces[] = {"http://gexf.net/1.3", "http://www.gexf.net/1.2draft"};
    int version;
    int rc = kg_param_choice(opts, ix_gexf_params, "version", versions, &version, err);
    if (rc)
        return rc;
    const char *ns = namespaces[version];
    ix_keys_t nk = {0}, ek = {0};
    rc = ix_keys_collect(g, &nk, &ek);
    if (rc) {
        ix_keys_clear(&nk);
        ix_keys_clear(&ek);
        return kg_error_say(err, rc, "out of memory");
    }
    fprintf(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                 "<gexf xmlns=\"%s\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
                 "    xsi:schemaLocation=\"%s %s/gexf.xsd\" version=\"%s\">\n"
                 "  <meta><creator>kgkit</creator><description>entities, relations and their sources; lists are "
                 "JSON text; as_of dates are spells</description></meta>\n"
                 "  <graph defaultedgetype=\"directed\" mode=\"dynamic\" timeformat=\"date\">\n",
            ns, ns, ns, versions[version]);
    for (int pass = 0; pass < 2; pass++) {
        const ix_keys_t *k = pass ? &ek : &nk;
        fprintf(out, "    <attributes class=\"%s\" mode=\"static\">\n", pass ? "edge" : "node");
        for (size_t i = 0; i < k->n; i++) {
            fprintf(out, "      <attribute id=\"%zu\" title=\"", i);
            ix_xml(out, k->items[i].name);
            fprintf(out, "\" type=\"%s\"/>\n", ix_type_name(k->items[i].type));
        }
        fputs("    </attributes>\n", out);
    }
    ix_writer_t w = {g, out, &nk, &ek};
    fputs("    <nodes>\n", out);
    rc = ix_walk(g, opts, NULL, write_node, NULL, &w);
    fputs("    </nodes>\n    <edges>\n", out);
    if (!rc)
        rc = ix_walk(g, opts, "writing GEXF", NULL, write_edge, &w);
    fputs("    </edges>\n  </graph>\n</gexf>\n", out);
    ix_keys_clear(&nk);
    ix_keys_clear(&ek);
    if (rc)
        return kg_error_say(err, rc, "out of memory");
    return ix_write_error(out, err);
}
