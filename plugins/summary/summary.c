/* summary.c - the "summary" analysis: counts by kind, predicates with their use, sources with what they support. */
#include <kgkit/kgkit.h>

#include <math.h>
#include <string.h>

static void text_report(kg_graph_t *g, FILE *out)
{
    size_t n_ent = kg_graph_entity_count(g), n_st = kg_graph_stmt_count(g), n_rel = 0, n_cited = 0;
    for (kg_stmt_t s = 0; s < n_st; s++) {
        n_rel += kg_stmt_object(g, s) != KG_NONE;
        n_cited += kg_stmt_cite_count(g, s) > 0;
    }
    fprintf(out, "entities    %zu\n", n_ent);
    fprintf(out, "statements  %zu (%zu relations, %zu claims; %zu cite a source)\n", n_st, n_rel, n_st - n_rel,
            n_cited);
    fprintf(out, "\nkinds\n");
    for (size_t i = 0; i < kg_graph_kind_count(g); i++) {
        size_t n;
        const char *kind = kg_graph_kind(g, i);
        kg_graph_entities_of_kind(g, kind, &n);
        fprintf(out, "  %-22s %8zu\n", kind, n);
    }
    fprintf(out, "\npredicates\n");
    for (size_t i = 0; i < kg_graph_predicate_count(g); i++) {
        const char *name = kg_graph_predicate_name(g, i);
        kg_predicate_t p, d;
        size_t n;
        kg_graph_predicate(g, name, &p);
        kg_graph_stmts_by_predicate(g, name, &n);
        int declared = kg_graph_predicate_declared(g, name, &d) == KG_OK && d.kind != KG_PRED_UNKNOWN;
        char kind[64];
        if (p.kind == KG_PRED_RELATION)
            snprintf(kind, sizeof kind, "relation");
        else
            snprintf(kind, sizeof kind, "claim (%s%s%s)", kg_value_type_name(p.value_type), p.unit ? ", " : "",
                     p.unit ? p.unit : "");
        fprintf(out, "  %-30s %8zu  %s%s%s%s\n", name, n, kind, p.functional ? ", functional" : "",
                p.cumulative ? ", cumulative" : "", declared ? "" : " [not declared]");
    }
    size_t n_src;
    const kg_entity_t *srcs = kg_graph_entities_of_kind(g, KG_KIND_SOURCE, &n_src);
    fprintf(out, "\nsources\n");
    if (!n_src)
        fprintf(out, "  (none)\n");
    for (size_t i = 0; i < n_src; i++) {
        size_t n;
        kg_graph_stmts_by_source(g, srcs[i], &n);
        const char *pub = kg_entity_publisher(g, srcs[i]), *date = kg_entity_date(g, srcs[i]);
        fprintf(out, "  %-30s %6zu statements  %s%s%s%s%s\n", kg_entity_id(g, srcs[i]), n,
                pub ? pub : "", pub && date ? ", " : "", date ? date : "",
                (pub || date) ? "  " : "", kg_entity_name(g, srcs[i]));
    }
}

static int json_report(kg_graph_t *g, FILE *out, kg_error_t *err)
{
    json_t *root = json_object(), *kinds = json_object(), *preds = json_array(), *sources = json_array();
    size_t n_st = kg_graph_stmt_count(g), n_rel = 0;
    for (kg_stmt_t s = 0; s < n_st; s++)
        n_rel += kg_stmt_object(g, s) != KG_NONE;
    json_object_set_new(root, "entities", json_integer((json_int_t)kg_graph_entity_count(g)));
    json_object_set_new(root, "statements", json_integer((json_int_t)n_st));
    json_object_set_new(root, "relations", json_integer((json_int_t)n_rel));
    json_object_set_new(root, "claims", json_integer((json_int_t)(n_st - n_rel)));
    for (size_t i = 0; i < kg_graph_kind_count(g); i++) {
        size_t n;
        const char *kind = kg_graph_kind(g, i);
        kg_graph_entities_of_kind(g, kind, &n);
        json_object_set_new(kinds, kind, json_integer((json_int_t)n));
    }
    json_object_set_new(root, "kinds", kinds);
    for (size_t i = 0; i < kg_graph_predicate_count(g); i++) {
        const char *name = kg_graph_predicate_name(g, i);
        kg_predicate_t p;
        size_t n;
        kg_graph_predicate(g, name, &p);
        kg_graph_stmts_by_predicate(g, name, &n);
        json_t *o = json_object();
        json_object_set_new(o, "name", json_string(name));
        json_object_set_new(o, "statements", json_integer((json_int_t)n));
        json_object_set_new(o, "kind", json_string(kg_pred_kind_name(p.kind) ? kg_pred_kind_name(p.kind) : "claim"));
        if (p.kind == KG_PRED_CLAIM)
            json_object_set_new(o, "type", json_string(kg_value_type_name(p.value_type)));
        json_object_set_new(o, "functional", json_boolean(p.functional));
        json_object_set_new(o, "cumulative", json_boolean(p.cumulative));
        json_array_append_new(preds, o);
    }
    json_object_set_new(root, "predicates", preds);
    size_t n_src;
    const kg_entity_t *srcs = kg_graph_entities_of_kind(g, KG_KIND_SOURCE, &n_src);
    for (size_t i = 0; i < n_src; i++) {
        size_t n;
        kg_graph_stmts_by_source(g, srcs[i], &n);
        json_t *o = json_object();
        json_object_set_new(o, "id", json_string(kg_entity_id(g, srcs[i])));
        json_object_set_new(o, "statements", json_integer((json_int_t)n));
        json_array_append_new(sources, o);
    }
    json_object_set_new(root, "sources", sources);
    int rc = json_dumpf(root, out, JSON_INDENT(2)) == 0 ? KG_OK : kg_error_say(err, KG_EIO, "write failed");
    fputc('\n', out);
    json_decref(root);
    return rc;
}

static int summary_run(kg_graph_t *g, const kg_opts_t *opts, kg_format_t format, FILE *out, kg_error_t *err)
{
    if (format == KG_FORMAT_JSON)
        return json_report(g, out, err);
    text_report(g, out);
    return KG_OK;
}

static const kg_analysis_t summary = {KG_ANALYSIS_VERSION, "summary",
                                      "counts by kind, predicates and their use, sources and what they support",
                                      summary_run, NULL, NULL};

static int summary_init(kg_registry_t *reg, kg_error_t *err)
{
    return kg_registry_add_analysis(reg, &summary);
}

KG_PLUGIN_DEFINE("summary", "1.0.0", "graph summary: what `kgkit info` prints", summary_init, NULL)
