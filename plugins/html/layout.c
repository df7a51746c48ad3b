/* layout.c - which entities the page draws, and where: Fruchterman-Reingold through igraph, seeded, so that the same graph opens the same way. */
#include "html.h"
#include "netview.h" /* igraph, its handlers and its errors as the network analyses have them */

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define NOT_DRAWN ((size_t)-1)

void html_nodes_free(html_nodes_t *nodes)
{
    free(nodes->entity);
    free(nodes->node_of);
    free(nodes->xy);
    memset(nodes, 0, sizeof *nodes);
}

int html_nodes_pick(const kg_graph_t *g, html_nodes_t *nodes, size_t *n_relations, kg_error_t *err)
{
    size_t n_ent = kg_graph_entity_count(g), n_stmt = kg_graph_stmt_count(g);
    memset(nodes, 0, sizeof *nodes);
    *n_relations = 0;
    unsigned char *named = calloc(n_ent + 1, 1);
    nodes->entity = malloc((n_ent + 1) * sizeof *nodes->entity);
    nodes->node_of = malloc((n_ent + 1) * sizeof *nodes->node_of);
    if (!named || !nodes->entity || !nodes->node_of) {
        free(named);
        html_nodes_free(nodes);
        return kg_error_set(err, KG_ENOMEM, NULL, 0, 0, "out of memory");
    }
    for (size_t s = 0; s < n_stmt; s++) {
        kg_entity_t o = kg_stmt_object(g, (kg_stmt_t)s);
        named[kg_stmt_subject(g, (kg_stmt_t)s)] = 1;
        if (o != KG_NONE) {
            (*n_relations)++;
            named[o] = 1;
        }
    }
    for (size_t e = 0; e < n_ent; e++) {
        nodes->node_of[e] = NOT_DRAWN;
        if (!kg_entity_is_source(g, (kg_entity_t)e) || named[e]) {
            nodes->node_of[e] = nodes->n;
            nodes->entity[nodes->n++] = (kg_entity_t)e;
        }
    }
    free(named);
    return KG_OK;
}

static int igraph_failed(igraph_error_t code, kg_error_t *err)
{
    return kg_netview_igraph_error(code, "laying out the page", err);
}

int html_nodes_layout(const kg_graph_t *g, html_nodes_t *nodes, const kg_opts_t *opts, kg_error_t *err)
{
    size_t n_stmt = kg_graph_stmt_count(g);
    if (!(nodes->xy = calloc(2 * nodes->n + 2, sizeof *nodes->xy)))
        return kg_error_set(err, KG_ENOMEM, NULL, 0, 0, "out of memory");
    if (nodes->n < 2) {
        for (size_t i = 0; i < 2 * nodes->n; i++)
            nodes->xy[i] = 500;
        return KG_OK;
    }
    kg_netview_init_igraph();
    igraph_vector_int_t edges;
    igraph_t net;
    igraph_matrix_t pos;
    igraph_error_t rc = igraph_vector_int_init(&edges, 0);
    if (rc)
        return igraph_failed(rc, err);
    for (size_t s = 0; s < n_stmt && !rc; s++) {
        kg_entity_t o = kg_stmt_object(g, (kg_stmt_t)s), a = kg_stmt_subject(g, (kg_stmt_t)s);
        if (o != KG_NONE && o != a && !(rc = igraph_vector_int_push_back(&edges, (igraph_integer_t)nodes->node_of[a])))
            rc = igraph_vector_int_push_back(&edges, (igraph_integer_t)nodes->node_of[o]);
    }
    if (rc || (rc = igraph_create(&net, &edges, (igraph_integer_t)nodes->n, IGRAPH_UNDIRECTED))) {
        igraph_vector_int_destroy(&edges);
        return igraph_failed(rc, err);
    }
    igraph_vector_int_destroy(&edges);
    if ((rc = igraph_matrix_init(&pos, 0, 0))) {
        igraph_destroy(&net);
        return igraph_failed(rc, err);
    }
    kg_progress(opts, "laying out the page", 0, 0);
    igraph_rng_seed(igraph_rng_default(), 20240917);
    /* the grid variant past 1,000 nodes (igraph's own threshold): linear per iteration */
    rc = igraph_layout_fruchterman_reingold(&net, &pos, 0, 500, sqrt((double)nodes->n), IGRAPH_LAYOUT_AUTOGRID, NULL,
                                            NULL, NULL, NULL, NULL);
    if (!rc) { /* scaled into a 1000 x 1000 square, keeping the aspect */
        double lo[2] = {INFINITY, INFINITY}, hi[2] = {-INFINITY, -INFINITY};
        for (size_t i = 0; i < nodes->n; i++)
            for (int d = 0; d < 2; d++) {
                double v = MATRIX(pos, (igraph_integer_t)i, d);
                lo[d] = v < lo[d] ? v : lo[d];
                hi[d] = v > hi[d] ? v : hi[d];
            }
        double span = fmax(hi[0] - lo[0], hi[1] - lo[1]);
        span = span > 0 ? span : 1;
        for (size_t i = 0; i < nodes->n; i++)
            for (int d = 0; d < 2; d++)
                nodes->xy[2 * i + (size_t)d] = round((MATRIX(pos, (igraph_integer_t)i, d) - lo[d]) / span * 10000) / 10;
    }
    igraph_matrix_destroy(&pos);
    igraph_destroy(&net);
    return rc ? igraph_failed(rc, err) : KG_OK;
}
