/* paths.c - the "paths" analysis: how two entities are connected, hop by hop, and according to whom. */
#include "network.h"

#include <string.h>

const kg_param_t net_paths_params[] = {
    {"from", "entity", NULL, "where the paths start: an entity id or alias (required)"},
    {"to", "entity", NULL, "where they end (required)"},
    {"max", "int", "10", "the most shortest paths to list"},
    KG_NETVIEW_PARAMS("false"),
    {NULL, NULL, NULL, NULL}};

/* The statements on one hop, each with its sources. */
static json_t *hop_json(const kg_graph_t *g, const kg_netview_t *v, igraph_integer_t edge, igraph_integer_t a,
                        igraph_integer_t b)
{
    json_t *stmts = json_array();
    for (size_t k = v->stmt_start[edge]; k < v->stmt_start[edge + 1]; k++) {
        kg_stmt_t s = v->stmts[k];
        json_t *src = json_array();
        for (size_t i = 0; i < kg_stmt_cite_count(g, s); i++) {
            const char *quote;
            kg_entity_t c = kg_stmt_cite(g, s, i, &quote);
            json_array_append_new(src, json_pack("{s:s,s:s?}", "id", kg_entity_id(g, c), "quote", quote));
        }
        kg_entity_t by = kg_stmt_according_to(g, s);
        kg_entity_t o = kg_stmt_object(g, s);
        json_array_append_new(stmts, json_pack("{s:s,s:s,s:s,s:s?,s:s?,s:o}", "subject",
                                               kg_entity_id(g, kg_stmt_subject(g, s)), "predicate",
                                               kg_stmt_predicate(g, s), "object",
                                               o != KG_NONE ? kg_entity_id(g, o) : "", "according_to",
                                               by != KG_NONE ? kg_entity_id(g, by) : NULL, "as_of",
                                               kg_stmt_as_of(g, s), "sources", src));
    }
    return json_pack("{s:s,s:s,s:o}", "from", kg_entity_id(g, v->entity[a]), "to", kg_entity_id(g, v->entity[b]),
                     "statements", stmts);
}

static void hop_text(const kg_graph_t *g, const kg_netview_t *v, igraph_integer_t edge, FILE *out)
{
    for (size_t k = v->stmt_start[edge]; k < v->stmt_start[edge + 1]; k++) {
        kg_stmt_t s = v->stmts[k];
        kg_entity_t o = kg_stmt_object(g, s), by = kg_stmt_according_to(g, s);
        fprintf(out, "       %s %s %s", kg_entity_name(g, kg_stmt_subject(g, s)), kg_stmt_predicate(g, s),
                o != KG_NONE ? kg_entity_name(g, o) : "");
        if (by != KG_NONE)
            fprintf(out, ", according to %s", kg_entity_name(g, by));
        fprintf(out, " \xe2\x80\x94 ");
        if (!kg_stmt_cite_count(g, s))
            fprintf(out, "no source");
        for (size_t i = 0; i < kg_stmt_cite_count(g, s); i++) {
            const char *quote;
            kg_entity_t c = kg_stmt_cite(g, s, i, &quote);
            fprintf(out, "%s%s%s%s%s", i ? "; " : "", kg_entity_id(g, c), quote ? ": \"" : "", quote ? quote : "",
                    quote ? "\"" : "");
        }
        fputc('\n', out);
    }
}

typedef struct settings {
    kg_entity_t a, b; /* the ends */
    long max;
} settings_t;

static int setup(net_job_t *j)
{
    settings_t *s = j->state;
    const char *from, *to;
    int rc;
    if ((rc = kg_param_string(j->opts, net_paths_params, "from", &from, j->err)) ||
        (rc = kg_param_string(j->opts, net_paths_params, "to", &to, j->err)))
        return rc;
    if (!from || !to)
        return kg_error_say(j->err, KG_EUSAGE, "paths: name both ends: -p from=ENTITY -p to=ENTITY");
    if ((rc = kg_param_int(j->opts, net_paths_params, "max", &s->max, j->err)))
        return rc;
    if (s->max < 1)
        return kg_error_say(j->err, KG_EUSAGE, "paths: max must be 1 or more");
    if ((rc = kg_netview_find(j->g, from, "from", &s->a, j->err)) ||
        (rc = kg_netview_find(j->g, to, "to", &s->b, j->err)))
        return rc;
    return KG_OK;
}

static int check(net_job_t *j)
{
    const settings_t *s = j->state;
    if (j->view.vertex[s->a] < 0 || j->view.vertex[s->b] < 0)
        return kg_error_say(j->err, KG_EUSAGE, "paths: %s is a source; add -p source_nodes=true to go "
                                               "through sources",
                            kg_entity_id(j->g, j->view.vertex[s->a] < 0 ? s->a : s->b));
    return KG_OK;
}

static int compute(net_job_t *j)
{
    const settings_t *s = j->state;
    const kg_entity_t a = s->a, b = s->b;
    const long max = s->max;
    kg_graph_t *g = j->g;
    const kg_netview_t v = j->view;
    FILE *out = j->out;
    int rc = KG_OK;
    igraph_vector_int_list_t vpaths, epaths;
    igraph_error_t ie;
    int have = 0;
    if ((ie = igraph_vector_int_list_init(&vpaths, 0)) || (have = 1, ie = igraph_vector_int_list_init(&epaths, 0)))
        goto done;
    have = 2;
    if ((ie = igraph_get_all_shortest_paths(&v.graph, &vpaths, &epaths, NULL, v.vertex[a], igraph_vss_1(v.vertex[b]),
                                            v.directed ? IGRAPH_OUT : IGRAPH_ALL)))
        goto done;
    igraph_integer_t n = igraph_vector_int_list_size(&epaths);
    igraph_integer_t hops = n ? igraph_vector_int_size(igraph_vector_int_list_get_ptr(&epaths, 0)) : -1;
    size_t shown = (size_t)n < (size_t)max ? (size_t)n : (size_t)max;
    if (j->format == KG_FORMAT_JSON) {
        json_t *list = json_array();
        for (size_t p = 0; p < shown; p++) {
            igraph_vector_int_t *vp = igraph_vector_int_list_get_ptr(&vpaths, (igraph_integer_t)p);
            igraph_vector_int_t *ep = igraph_vector_int_list_get_ptr(&epaths, (igraph_integer_t)p);
            json_t *h = json_array();
            for (igraph_integer_t k = 0; k < igraph_vector_int_size(ep); k++)
                json_array_append_new(h, hop_json(g, &v, VECTOR(*ep)[k], VECTOR(*vp)[k], VECTOR(*vp)[k + 1]));
            json_array_append_new(list, json_pack("{s:o}", "hops", h));
        }
        rc = net_dump(json_pack("{s:s,s:s,s:s,s:b,s:I,s:I,s:o}", "analysis", "paths", "from", kg_entity_id(g, a), "to",
                                kg_entity_id(g, b), "directed", v.directed, "length", (json_int_t)hops,
                                "shortest_paths", (json_int_t)n, "paths", list),
                      out, j->err);
    } else if (!n) {
        fprintf(out, "No path from %s to %s: they are not connected by relations%s.\n", kg_entity_name(g, a),
                kg_entity_name(g, b), v.directed ? " in that direction" : "");
    } else {
        fprintf(out, "%s to %s: %ld hop%s, %ld shortest path%s%s\n", kg_entity_name(g, a), kg_entity_name(g, b),
                (long)hops, hops == 1 ? "" : "s", (long)n, n == 1 ? "" : "s", shown < (size_t)n ? " (the first shown)" : "");
        for (size_t p = 0; p < shown; p++) {
            igraph_vector_int_t *vp = igraph_vector_int_list_get_ptr(&vpaths, (igraph_integer_t)p);
            igraph_vector_int_t *ep = igraph_vector_int_list_get_ptr(&epaths, (igraph_integer_t)p);
            fprintf(out, "\n %zu. ", p + 1);
            for (igraph_integer_t k = 0; k < igraph_vector_int_size(vp); k++)
                fprintf(out, "%s%s", k ? " \xe2\x80\x94 " : "", kg_entity_name(g, v.entity[VECTOR(*vp)[k]]));
            fputc('\n', out);
            for (igraph_integer_t k = 0; k < igraph_vector_int_size(ep); k++)
                hop_text(g, &v, VECTOR(*ep)[k], out);
        }
    }
done:
    if (have > 0)
        igraph_vector_int_list_destroy(&vpaths);
    if (have > 1)
        igraph_vector_int_list_destroy(&epaths);
    return ie ? net_igraph(j, ie) : rc;
}

const net_analysis_t net_paths = {"paths", net_paths_params, sizeof(settings_t), setup, check, compute};
