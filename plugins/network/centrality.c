/* centrality.c - the "centrality" analysis: degree, PageRank, betweenness and closeness of every entity. */
#include "network.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

const kg_param_t net_centrality_params[] = {
    {"top", "int", "10", "entities in the text report's table (0: all)"},
    {"damping", "float", "0.85", "PageRank's damping factor"},
    {"weighted", "bool", "true", "weigh PageRank and strength by each tie's independent origins"},
    KG_NETVIEW_PARAMS("false"),
    {NULL, NULL, NULL, NULL}};

typedef struct row {
    igraph_integer_t v;
    double pagerank;
    const char *id;
} row_t;

static int cmp_row(const void *x, const void *y)
{
    const row_t *a = x, *b = y;
    if (a->pagerank != b->pagerank)
        return a->pagerank > b->pagerank ? -1 : 1;
    return strcmp(a->id, b->id);
}

typedef struct settings {
    long top;
    double damping;
    int weighted;
} settings_t;

static int setup(net_job_t *j)
{
    settings_t *s = j->state;
    int rc;
    if ((rc = kg_param_int(j->opts, net_centrality_params, "top", &s->top, j->err)) ||
        (rc = kg_param_double(j->opts, net_centrality_params, "damping", &s->damping, j->err)) ||
        (rc = kg_param_bool(j->opts, net_centrality_params, "weighted", &s->weighted, j->err)))
        return rc;
    if (s->top < 0 || !(s->damping > 0 && s->damping < 1))
        return kg_error_say(j->err, KG_EUSAGE, "centrality: top must be 0 or more and damping in (0, 1)");
    return KG_OK;
}

static int compute(net_job_t *j)
{
    const settings_t *s = j->state;
    const long top = s->top;
    const double damping = s->damping;
    const int weighted = s->weighted;
    kg_graph_t *g = j->g;
    const kg_netview_t v = j->view;
    FILE *out = j->out;
    int rc = KG_OK;
    igraph_vector_int_t degree;
    igraph_vector_t pagerank, betweenness, closeness;
    igraph_error_t ie = IGRAPH_SUCCESS;
    int have = 0;
    const igraph_vector_t *w = weighted ? &v.weight : NULL;
    igraph_neimode_t mode = v.directed ? IGRAPH_OUT : IGRAPH_ALL;
    if ((ie = igraph_vector_int_init(&degree, 0)) || (have = 1, ie = igraph_vector_init(&pagerank, 0)) ||
        (have = 2, ie = igraph_vector_init(&betweenness, 0)) || (have = 3, ie = igraph_vector_init(&closeness, 0)))
        goto done;
    have = 4;
    /* betweenness and closeness read weights as lengths, origins are strengths: unweighted */
    if ((ie = igraph_degree(&v.graph, &degree, igraph_vss_all(), IGRAPH_ALL, 1)) ||
        (ie = igraph_pagerank(&v.graph, IGRAPH_PAGERANK_ALGO_PRPACK, &pagerank, NULL, igraph_vss_all(), v.directed,
                              damping, w, NULL)) ||
        (ie = igraph_betweenness(&v.graph, &betweenness, igraph_vss_all(), v.directed, NULL)) ||
        (ie = igraph_closeness(&v.graph, &closeness, NULL, NULL, igraph_vss_all(), mode, NULL, 1)))
        goto done;

    row_t *rows = malloc((size_t)v.n_vertices * sizeof *rows);
    if (!rows) {
        ie = IGRAPH_ENOMEM;
        goto done;
    }
    for (igraph_integer_t i = 0; i < v.n_vertices; i++) {
        rows[i].v = i;
        rows[i].pagerank = VECTOR(pagerank)[i];
        rows[i].id = kg_entity_id(g, v.entity[i]);
        double c = VECTOR(closeness)[i];
        json_t *attr = json_pack("{s:I,s:f,s:f,s:o}", "degree", (json_int_t)VECTOR(degree)[i], "pagerank",
                                 VECTOR(pagerank)[i], "betweenness", VECTOR(betweenness)[i], "closeness",
                                 isnan(c) ? json_null() : json_real(c));
        if (!attr || kg_entity_attr_set_new(g, v.entity[i], KG_ATTR_CENTRALITY, attr)) {
            free(rows);
            ie = IGRAPH_ENOMEM;
            goto done;
        }
    }
    qsort(rows, (size_t)v.n_vertices, sizeof *rows, cmp_row);
    if (j->format == KG_FORMAT_JSON) {
        json_t *list = json_array();
        for (igraph_integer_t k = 0; k < v.n_vertices; k++) {
            kg_entity_t e = v.entity[rows[k].v];
            json_t *o = json_pack("{s:s,s:s?,s:s,s:i}", "id", kg_entity_id(g, e), "label", kg_entity_label(g, e),
                                  "kind", kg_entity_kind(g, e), "rank", (int)k + 1);
            json_object_update(o, (json_t *)kg_entity_attr(g, e, KG_ATTR_CENTRALITY)); /* copies, does not modify */
            json_array_append_new(list, o);
        }
        rc = net_dump(json_pack("{s:s,s:I,s:I,s:b,s:b,s:s?,s:f,s:o}", "analysis", "centrality", "vertices",
                                (json_int_t)v.n_vertices, "edges", (json_int_t)v.n_edges, "directed", v.directed,
                                "weighted", weighted, "weight", weighted ? v.weight_attr : NULL, "damping", damping,
                                "entities", list),
                      out, j->err);
    } else {
        fprintf(out, "Centrality: %ld entities, %ld ties from %zu relations (%s%s%s)\n", (long)v.n_vertices,
                (long)v.n_edges, v.n_relations, v.directed ? "directed" : "undirected",
                !weighted ? "" : v.weight_attr ? ", PageRank weighted by the relations' " : ", PageRank weighted by independent origins",
                weighted && v.weight_attr ? v.weight_attr : "");
        fprintf(out, "\n %4s  %-48s %8s %9s %12s %9s\n", "rank", "entity", "degree", "pagerank", "betweenness",
                "closeness");
        size_t shown = top && (size_t)top < (size_t)v.n_vertices ? (size_t)top : (size_t)v.n_vertices;
        for (size_t k = 0; k < shown; k++) {
            igraph_integer_t i = rows[k].v;
            char name[256];
            net_name(g, v.entity[i], name, sizeof name);
            double c = VECTOR(closeness)[i];
            char cbuf[32];
            snprintf(cbuf, sizeof cbuf, isnan(c) ? "-" : "%.3f", c);
            fprintf(out, " %4zu  %-48.48s %8ld %9.4f %12.2f %9s\n", k + 1, name, (long)VECTOR(degree)[i],
                    VECTOR(pagerank)[i], VECTOR(betweenness)[i], cbuf);
        }
        if (shown < (size_t)v.n_vertices)
            fprintf(out, "  ... and %zu more (-p top=0 lists all)\n", (size_t)v.n_vertices - shown);
        fprintf(out, "\nCloseness is computed within each entity's component; \"-\" for an isolated entity.\n");
    }
    free(rows);
done:
    if (have > 0)
        igraph_vector_int_destroy(&degree);
    if (have > 1)
        igraph_vector_destroy(&pagerank);
    if (have > 2)
        igraph_vector_destroy(&betweenness);
    if (have > 3)
        igraph_vector_destroy(&closeness);
    return ie ? net_igraph(j, ie) : rc;
}

const net_analysis_t net_centrality = {"centrality", net_centrality_params, sizeof(settings_t), setup, NULL, compute};
