/* communities.c - the "communities" analysis: Leiden or Louvain (multilevel) on modularity, seeded, renumbered by size. */
#include "network.h"

#include <stdlib.h>
#include <string.h>

const kg_param_t net_communities_params[] = {
    {"method", "string", "leiden", "leiden, or multilevel (Louvain)"},
    {"resolution", "float", "1", "the modularity resolution (higher: smaller communities)"},
    {"seed", "int", "42", "the random seed: the same seed, the same communities"},
    {"weighted", "bool", "true", "weigh ties by their independent origins"},
    {"members", "int", "12", "members listed per community in the text report (0: all)"},
    KG_NETVIEW_PARAMS("false"),
    {NULL, NULL, NULL, NULL}};

typedef struct comm {
    igraph_integer_t id, size, first; /* first: the smallest member id's vertex, for ties */
} comm_t;

static const kg_graph_t *sort_graph;
static const kg_netview_t *sort_view;

static int cmp_comm(const void *x, const void *y)
{
    const comm_t *a = x, *b = y;
    if (a->size != b->size)
        return a->size > b->size ? -1 : 1;
    return strcmp(kg_entity_id(sort_graph, sort_view->entity[a->first]),
                  kg_entity_id(sort_graph, sort_view->entity[b->first]));
}

/* "louvain" is igraph's multilevel method by its usual name */
static const char *const methods[] = {"leiden", "multilevel", "louvain", NULL};

typedef struct settings {
    int method, weighted;
    double resolution;
    long seed, members;
} settings_t;

static int setup(net_job_t *j)
{
    settings_t *s = j->state;
    int rc;
    if ((rc = kg_param_choice(j->opts, net_communities_params, "method", methods, &s->method, j->err)) ||
        (rc = kg_param_double(j->opts, net_communities_params, "resolution", &s->resolution, j->err)) ||
        (rc = kg_param_int(j->opts, net_communities_params, "seed", &s->seed, j->err)) ||
        (rc = kg_param_int(j->opts, net_communities_params, "members", &s->members, j->err)) ||
        (rc = kg_param_bool(j->opts, net_communities_params, "weighted", &s->weighted, j->err)))
        return rc;
    if (!(s->resolution > 0) || s->members < 0)
        return kg_error_say(j->err, KG_EUSAGE, "communities: resolution must be positive, members 0 or more");
    return KG_OK;
}

static int check(net_job_t *j)
{
    if (j->view.directed)
        return kg_error_say(j->err, KG_EUSAGE, "communities: modularity is computed on undirected ties "
                                               "(leave out directed=true)");
    return KG_OK;
}

static int compute(net_job_t *j)
{
    const settings_t *s = j->state;
    const char *method = methods[s->method == 2 ? 1 : s->method];
    const double resolution = s->resolution;
    const long seed = s->seed, members = s->members;
    const int weighted = s->weighted;
    kg_graph_t *g = j->g;
    const kg_netview_t v = j->view;
    FILE *out = j->out;
    int rc = KG_OK;
    const igraph_vector_t *w = weighted ? &v.weight : NULL;
    igraph_vector_int_t membership;
    igraph_vector_t strength;
    igraph_real_t q = 0, quality;
    igraph_integer_t n_comm = 0;
    igraph_error_t ie;
    comm_t *comms = NULL;
    igraph_integer_t *renumber = NULL;
    int have = 0;
    igraph_rng_seed(igraph_rng_default(), (igraph_uint_t)seed);
    if ((ie = igraph_vector_int_init(&membership, 0)) || (have = 1, ie = igraph_vector_init(&strength, 0)))
        goto done;
    have = 2;
    double total = 0;
    for (igraph_integer_t e = 0; e < v.n_edges; e++)
        total += w ? VECTOR(*w)[e] : 1;
    if (!(total > 0)) {
        /* no ties (or only weightless ones): every entity is its own community. Leiden, run "until stable",
         * never ends on such a graph */
        if ((ie = igraph_vector_int_resize(&membership, v.n_vertices)))
            goto done;
        for (igraph_integer_t i = 0; i < v.n_vertices; i++)
            VECTOR(membership)[i] = i;
    } else if (!strcmp(method, "leiden")) {
        /* modularity through the Leiden quality: node weights are strengths, resolution / 2m */
        if ((ie = igraph_strength(&v.graph, &strength, igraph_vss_all(), IGRAPH_ALL, 1, w)) ||
            (ie = igraph_community_leiden(&v.graph, w, &strength, resolution / (2 * total), 0.01, 0,
                                          -1, &membership, &n_comm, &quality)))
            goto done;
    } else {
        if ((ie = igraph_community_multilevel(&v.graph, w, resolution, &membership, NULL, NULL)))
            goto done;
    }
    if (total > 0 && (ie = igraph_modularity(&v.graph, &membership, w, resolution, 0, &q)))
        goto done;
    /* communities by size, then by their smallest member id */
    n_comm = 0;
    for (igraph_integer_t i = 0; i < v.n_vertices; i++)
        if (VECTOR(membership)[i] + 1 > n_comm)
            n_comm = VECTOR(membership)[i] + 1;
    comms = calloc((size_t)n_comm + 1, sizeof *comms);
    renumber = malloc(((size_t)n_comm + 1) * sizeof *renumber);
    if (!comms || !renumber) {
        ie = IGRAPH_ENOMEM;
        goto done;
    }
    for (igraph_integer_t c = 0; c < n_comm; c++) {
        comms[c].id = c;
        comms[c].first = -1;
    }
    for (igraph_integer_t i = 0; i < v.n_vertices; i++) {
        comm_t *c = &comms[VECTOR(membership)[i]];
        c->size++;
        if (c->first < 0 || strcmp(kg_entity_id(g, v.entity[i]), kg_entity_id(g, v.entity[c->first])) < 0)
            c->first = i;
    }
    sort_graph = g;
    sort_view = &v;
    qsort(comms, (size_t)n_comm, sizeof *comms, cmp_comm);
    for (igraph_integer_t k = 0; k < n_comm; k++)
        renumber[comms[k].id] = k + 1;
    for (igraph_integer_t i = 0; i < v.n_vertices; i++)
        if (kg_entity_attr_set_new(g, v.entity[i], KG_ATTR_COMMUNITY, json_integer(renumber[VECTOR(membership)[i]]))) {
            ie = IGRAPH_ENOMEM;
            goto done;
        }
    if (j->format == KG_FORMAT_JSON) {
        json_t *list = json_array();
        for (igraph_integer_t k = 0; k < n_comm; k++) {
            json_t *m = json_array();
            for (igraph_integer_t i = 0; i < v.n_vertices; i++)
                if (renumber[VECTOR(membership)[i]] == k + 1)
                    json_array_append_new(m, json_string(kg_entity_id(g, v.entity[i])));
            json_array_append_new(list, json_pack("{s:I,s:I,s:o}", "id", (json_int_t)k + 1, "size",
                                                  (json_int_t)comms[k].size, "members", m));
        }
        rc = net_dump(json_pack("{s:s,s:s,s:I,s:f,s:b,s:s?,s:I,s:I,s:f,s:o}", "analysis", "communities", "method",
                                method, "seed", (json_int_t)seed, "resolution", resolution, "weighted", weighted,
                                "weight", weighted ? v.weight_attr : NULL, "vertices",
                                (json_int_t)v.n_vertices, "edges", (json_int_t)v.n_edges, "modularity", q,
                                "communities", list),
                      out, j->err);
    } else {
        fprintf(out, "Communities (%s, seed %ld, resolution %g%s%s): %ld communities among %ld entities, "
                     "modularity %.4f\n",
                method, seed, resolution,
                !weighted ? "" : v.weight_attr ? ", ties weighted by the relations' " : ", ties weighted by independent origins",
                weighted && v.weight_attr ? v.weight_attr : "", (long)n_comm,
                (long)v.n_vertices, q);
        for (igraph_integer_t k = 0; k < n_comm; k++) {
            fprintf(out, "\n %ld. %ld member%s:", (long)k + 1, (long)comms[k].size, comms[k].size == 1 ? "" : "s");
            long listed = 0;
            for (igraph_integer_t i = 0; i < v.n_vertices; i++) {
                if (renumber[VECTOR(membership)[i]] != k + 1)
                    continue;
                if (members && listed == members) {
                    fprintf(out, " ... and %ld more", (long)comms[k].size - listed);
                    break;
                }
                fprintf(out, "%s %s", listed++ ? "," : "", kg_entity_name(g, v.entity[i]));
            }
            fputc('\n', out);
        }
    }
done:
    free(comms);
    free(renumber);
    if (have > 0)
        igraph_vector_int_destroy(&membership);
    if (have > 1)
        igraph_vector_destroy(&strength);
    return ie ? net_igraph(j, ie) : rc;
}

const net_analysis_t net_communities = {"communities", net_communities_params, sizeof(settings_t), setup, check, compute};
