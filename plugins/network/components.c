/* components.c - the "components" analysis: the connected parts of the network, and who is cut off from the largest. */
#include "network.h"

#include <stdlib.h>
#include <string.h>

const kg_param_t net_components_params[] = {
    {"members", "int", "12", "members listed per component in the text report (0: all)"},
    KG_NETVIEW_PARAMS("false"),
    {NULL, NULL, NULL, NULL}};

typedef struct part {
    igraph_integer_t id, size;
} part_t;

static int cmp_part(const void *x, const void *y)
{
    const part_t *a = x, *b = y;
    if (a->size != b->size)
        return a->size > b->size ? -1 : 1;
    return a->id < b->id ? -1 : a->id > b->id; /* ids follow the first member's vertex: entity order */
}

static int setup(net_job_t *j)
{
    long *members = j->state;
    int rc = kg_param_int(j->opts, net_components_params, "members", members, j->err);
    if (!rc && *members < 0)
        return kg_error_say(j->err, KG_EUSAGE, "components: members must be 0 or more");
    return rc;
}

static int compute(net_job_t *j)
{
    kg_graph_t *g = j->g;
    const kg_netview_t v = j->view;
    long members = *(long *)j->state;
    FILE *out = j->out;
    int rc = KG_OK;
    igraph_vector_int_t membership, csize;
    igraph_integer_t n = 0;
    igraph_error_t ie;
    part_t *parts = NULL;
    igraph_integer_t *rank = NULL;
    int have = 0;
    if ((ie = igraph_vector_int_init(&membership, 0)) || (have = 1, ie = igraph_vector_int_init(&csize, 0)))
        goto done;
    have = 2;
    if ((ie = igraph_connected_components(&v.graph, &membership, &csize, &n, v.directed ? IGRAPH_STRONG : IGRAPH_WEAK)))
        goto done;
    parts = malloc((size_t)n * sizeof *parts);
    rank = malloc((size_t)n * sizeof *rank);
    if (!parts || !rank) {
        ie = IGRAPH_ENOMEM;
        goto done;
    }
    for (igraph_integer_t c = 0; c < n; c++)
        parts[c] = (part_t){c, VECTOR(csize)[c]};
    qsort(parts, (size_t)n, sizeof *parts, cmp_part);
    for (igraph_integer_t k = 0; k < n; k++)
        rank[parts[k].id] = k + 1;
    for (igraph_integer_t i = 0; i < v.n_vertices; i++)
        if (kg_entity_attr_set_new(g, v.entity[i], KG_ATTR_COMPONENT, json_integer(rank[VECTOR(membership)[i]]))) {
            ie = IGRAPH_ENOMEM;
            goto done;
        }
    igraph_integer_t cut_off = v.n_vertices - parts[0].size;
    if (j->format == KG_FORMAT_JSON) {
        json_t *list = json_array();
        for (igraph_integer_t k = 0; k < n; k++) {
            json_t *m = json_array();
            for (igraph_integer_t i = 0; i < v.n_vertices; i++)
                if (rank[VECTOR(membership)[i]] == k + 1)
                    json_array_append_new(m, json_string(kg_entity_id(g, v.entity[i])));
            json_array_append_new(list, json_pack("{s:I,s:I,s:o}", "id", (json_int_t)k + 1, "size",
                                                  (json_int_t)parts[k].size, "members", m));
        }
        rc = net_dump(json_pack("{s:s,s:b,s:I,s:I,s:I,s:I,s:I,s:o}", "analysis", "components", "directed", v.directed,
                                "vertices", (json_int_t)v.n_vertices, "edges", (json_int_t)v.n_edges, "count",
                                (json_int_t)n, "largest", (json_int_t)parts[0].size, "cut_off", (json_int_t)cut_off,
                                "components", list),
                      out, j->err);
    } else {
        fprintf(out, "Components: %ld among %ld entities; the largest holds %ld, %ld %s cut off from it\n", (long)n,
                (long)v.n_vertices, (long)parts[0].size, (long)cut_off, cut_off == 1 ? "is" : "are");
        for (igraph_integer_t k = 1; k < n; k++) {
            fprintf(out, " %ld. %ld:", (long)k + 1, (long)parts[k].size);
            long listed = 0;
            for (igraph_integer_t i = 0; i < v.n_vertices; i++) {
                if (rank[VECTOR(membership)[i]] != k + 1)
                    continue;
                if (members && listed == members) {
                    fprintf(out, " ... and %ld more", (long)parts[k].size - listed);
                    break;
                }
                fprintf(out, "%s %s", listed++ ? "," : "", kg_entity_name(g, v.entity[i]));
            }
            fputc('\n', out);
        }
    }
done:
    free(parts);
    free(rank);
    if (have > 0)
        igraph_vector_int_destroy(&membership);
    if (have > 1)
        igraph_vector_int_destroy(&csize);
    return ie ? net_igraph(j, ie) : rc;
}

const net_analysis_t net_components = {"components", net_components_params, sizeof(long), setup, NULL, compute};
