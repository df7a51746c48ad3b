/* centrality.c - the "centrality" analysis: degree, PageRank, betweenness and closeness of every entity. */
#include "network.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

const kg_param_t net_centrality_params[] = {
    {"top", "int", "10", "entities in the text report's table (0: all)"},
    {"damping", "float", "0.85", "PageRank's damping factor"},
    {"weighted", "bool", "true", "weigh PageRank and strength by each tie's independent origins"},
    {"measures", "list", "degree,pagerank,betweenness,closeness",
     "which to compute (comma-separated): PageRank alone is fast on millions of ties, exact betweenness is not"},
    {"cutoff", "float", "-1",
     "betweenness and closeness over paths of at most this many hops (igraph's cutoff: an estimate that grows "
     "exact as it grows); -1: every path, exact"},
    KG_NETVIEW_PARAMS("false"),
    {NULL, NULL, NULL, NULL}};

typedef struct row {
    igraph_integer_t v;
    double key; /* the first measure computed of pagerank, degree, betweenness, closeness */
    const char *id;
} row_t;

static int cmp_row(const void *x, const void *y)
{
    const row_t *a = x, *b = y;
    if (a->key != b->key)
        return a->key > b->key ? -1 : 1;
    return strcmp(a->id, b->id);
}

enum { M_DEGREE, M_PAGERANK, M_BETWEENNESS, M_CLOSENESS, M_COUNT };
static const char *const measure_names[] = {"degree", "pagerank", "betweenness", "closeness", NULL};

typedef struct settings {
    long top;
    double damping, cutoff;
    int weighted;
    int want[M_COUNT];
} settings_t;

/* measures=a,b: each one of measure_names, or an error with the closest. */
static int read_measures(const char *list, int *want, kg_error_t *err)
{
    for (const char *p = list; p && *p;) {
        while (*p == ' ' || *p == ',')
            p++;
        size_t len = strcspn(p, ",");
        char name[64];
        snprintf(name, sizeof name, "%.*s", (int)len, p);
        for (size_t k = strlen(name); k && name[k - 1] == ' ';)
            name[--k] = '\0';
        int found = -1;
        for (int m = 0; m < M_COUNT; m++)
            if (!strcmp(name, measure_names[m]))
                found = m;
        if (*name && found < 0) {
            const char *close = kg_closest_name(name, measure_names, M_COUNT);
            return kg_error_say(err, KG_EUSAGE,
                                "centrality: parameter measures: no measure \"%s\" (degree, pagerank, betweenness, "
                                "closeness)%s%s%s", name, close ? "; did you mean \"" : "", close ? close : "",
                                close ? "\"?" : "");
        }
        if (found >= 0)
            want[found] = 1;
        p += len;
    }
    return KG_OK;
}

static int setup(net_job_t *j)
{
    settings_t *s = j->state;
    int rc;
    const char *measures;
    if ((rc = kg_param_int(j->opts, net_centrality_params, "top", &s->top, j->err)) ||
        (rc = kg_param_double(j->opts, net_centrality_params, "damping", &s->damping, j->err)) ||
        (rc = kg_param_bool(j->opts, net_centrality_params, "weighted", &s->weighted, j->err)) ||
        (rc = kg_param_double(j->opts, net_centrality_params, "cutoff", &s->cutoff, j->err)) ||
        (rc = kg_param_string(j->opts, net_centrality_params, "measures", &measures, j->err)) ||
        (rc = read_measures(measures, s->want, j->err)))
        return rc;
    if (!s->want[M_DEGREE] && !s->want[M_PAGERANK] && !s->want[M_BETWEENNESS] && !s->want[M_CLOSENESS])
        return kg_error_say(j->err, KG_EUSAGE, "centrality: parameter measures names none to compute");
    if (!(s->cutoff == -1 || s->cutoff >= 0))
        return kg_error_say(j->err, KG_EUSAGE, "centrality: cutoff must be -1 (every path) or 0 or more, not %g",
                            s->cutoff);
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
    const int *want = s->want;
    if ((want[M_DEGREE] && (ie = igraph_degree(&v.graph, &degree, igraph_vss_all(), IGRAPH_ALL, 1))) ||
        (want[M_PAGERANK] && (ie = igraph_pagerank(&v.graph, IGRAPH_PAGERANK_ALGO_PRPACK, &pagerank, NULL,
                                                   igraph_vss_all(), v.directed, damping, w, NULL))) ||
        (want[M_BETWEENNESS] &&
         (ie = igraph_betweenness_cutoff(&v.graph, &betweenness, igraph_vss_all(), v.directed, NULL, s->cutoff))) ||
        (want[M_CLOSENESS] && (ie = igraph_closeness_cutoff(&v.graph, &closeness, NULL, NULL, igraph_vss_all(), mode,
                                                            NULL, 1, s->cutoff))))
        goto done;

    row_t *rows = malloc((size_t)v.n_vertices * sizeof *rows);
    if (!rows) {
        ie = IGRAPH_ENOMEM;
        goto done;
    }
    for (igraph_integer_t i = 0; i < v.n_vertices; i++) {
        rows[i].v = i;
        rows[i].key = want[M_PAGERANK] ? VECTOR(pagerank)[i] : want[M_DEGREE] ? (double)VECTOR(degree)[i]
                      : want[M_BETWEENNESS] ? VECTOR(betweenness)[i]
                      : isnan(VECTOR(closeness)[i]) ? -1 : VECTOR(closeness)[i];
        rows[i].id = kg_entity_id(g, v.entity[i]);
        json_t *attr = json_object();
        double c = want[M_CLOSENESS] ? VECTOR(closeness)[i] : 0;
        if (want[M_DEGREE])
            json_object_set_new(attr, "degree", json_integer((json_int_t)VECTOR(degree)[i]));
        if (want[M_PAGERANK])
            json_object_set_new(attr, "pagerank", json_real(VECTOR(pagerank)[i]));
        if (want[M_BETWEENNESS])
            json_object_set_new(attr, "betweenness", json_real(VECTOR(betweenness)[i]));
        if (want[M_CLOSENESS])
            json_object_set_new(attr, "closeness", isnan(c) ? json_null() : json_real(c));
        if (!attr || json_object_size(attr) == 0 ||
            kg_entity_attr_set_new(g, v.entity[i], KG_ATTR_CENTRALITY, attr)) {
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
        json_t *names = json_array();
        for (int m = 0; m < M_COUNT; m++)
            if (want[m])
                json_array_append_new(names, json_string(measure_names[m]));
        rc = net_dump(json_pack("{s:s,s:I,s:I,s:b,s:b,s:s?,s:f,s:o,s:o,s:o}", "analysis", "centrality", "vertices",
                                (json_int_t)v.n_vertices, "edges", (json_int_t)v.n_edges, "directed", v.directed,
                                "weighted", weighted, "weight", weighted ? v.weight_attr : NULL, "damping", damping,
                                "measures", names, "cutoff", s->cutoff >= 0 ? json_real(s->cutoff) : json_null(),
                                "entities", list),
                      out, j->err);
    } else {
        fprintf(out, "Centrality: %ld entities, %ld ties from %zu relations (%s%s%s)\n", (long)v.n_vertices,
                (long)v.n_edges, v.n_relations, v.directed ? "directed" : "undirected",
                !weighted ? "" : v.weight_attr ? ", PageRank weighted by the relations' " : ", PageRank weighted by independent origins",
                weighted && v.weight_attr ? v.weight_attr : "");
        fprintf(out, "\n %4s  %-48s", "rank", "entity");
        static const char *const heads[] = {"%8s", " %9s", " %12s", " %9s"};
        for (int m = 0; m < M_COUNT; m++)
            if (want[m])
                fprintf(out, heads[m], measure_names[m]);
        fputc('\n', out);
        size_t shown = top && (size_t)top < (size_t)v.n_vertices ? (size_t)top : (size_t)v.n_vertices;
        for (size_t k = 0; k < shown; k++) {
            igraph_integer_t i = rows[k].v;
            char name[256];
            net_name(g, v.entity[i], name, sizeof name);
            fprintf(out, " %4zu  %-48.48s", k + 1, name);
            if (want[M_DEGREE])
                fprintf(out, " %7ld", (long)VECTOR(degree)[i]);
            if (want[M_PAGERANK])
                fprintf(out, " %9.4f", VECTOR(pagerank)[i]);
            if (want[M_BETWEENNESS])
                fprintf(out, " %12.2f", VECTOR(betweenness)[i]);
            if (want[M_CLOSENESS]) {
                double c = VECTOR(closeness)[i];
                char cbuf[32];
                snprintf(cbuf, sizeof cbuf, isnan(c) ? "-" : "%.3f", c);
                fprintf(out, " %9s", cbuf);
            }
            fputc('\n', out);
        }
        if (shown < (size_t)v.n_vertices)
            fprintf(out, "  ... and %zu more (-p top=0 lists all)\n", (size_t)v.n_vertices - shown);
        if (want[M_CLOSENESS])
            fprintf(out, "\nCloseness is computed within each entity's component; \"-\" for an isolated entity.\n");
        if (s->cutoff >= 0 && (want[M_BETWEENNESS] || want[M_CLOSENESS]))
            fprintf(out, "Betweenness and closeness count paths of at most %g hops only (cutoff).\n", s->cutoff);
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
