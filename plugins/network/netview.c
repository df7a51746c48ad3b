/* netview.c - building the igraph network of a kgkit graph, finding entities with suggestions, igraph's errors. */
#include "netview.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

void kg_netview_init_igraph(void)
{
    static int done;
    if (done)
        return;
    done = 1;
    /* the default handler aborts the process: we check every return code */
    igraph_set_error_handler(igraph_error_handler_ignore);
    igraph_set_warning_handler(igraph_warning_handler_ignore);
}

int kg_netview_igraph_error(igraph_error_t code, const char *what, kg_error_t *err)
{
    return kg_error_say(err, code == IGRAPH_ENOMEM ? KG_ENOMEM : KG_EINTERNAL, "igraph: %s: %s", what,
                        igraph_strerror(code));
}

/* ----------------------------------------------------------- building */

typedef struct pair_map {
    uint64_t *keys;
    igraph_integer_t *vals;
    size_t cap;
} pair_map_t;

static igraph_integer_t *pair_find(pair_map_t *m, uint64_t key)
{
    size_t h = (size_t)kg_hash_u64(key) & (m->cap - 1);
    while (m->vals[h] >= 0 && m->keys[h] != key)
        h = (h + 1) & (m->cap - 1);
    m->keys[h] = key;
    return &m->vals[h];
}

static int in_list(const char *list, const char *name)
{
    size_t n = strlen(name);
    for (const char *p = list; p && *p;) {
        while (*p == ' ' || *p == ',')
            p++;
        size_t len = strcspn(p, ",");
        size_t trimmed = len;
        while (trimmed && p[trimmed - 1] == ' ')
            trimmed--;
        if (trimmed == n && strncmp(p, name, n) == 0)
            return 1;
        p += len;
    }
    return 0;
}

typedef struct link {
    igraph_integer_t a, b;
    kg_stmt_t stmt;
} link_t;

/* A weight as a relation holds it: a number, or text that reads as one (DOT's attributes are text). */
static int weight_of(const json_t *x, double *w)
{
    if (json_is_number(x))
        *w = json_number_value(x);
    else if (!json_is_string(x) || kg_number_parse(json_string_value(x), w))
        return -1;
    return *w >= 0 ? 0 : -1;
}

/* weight=ATTR: some relation has it, and every one that has it holds a number of 0 or more. */
static int check_weight(const kg_graph_t *g, const char *attr, kg_error_t *err)
{
    size_t found = 0;
    json_t *names = json_object();
    for (kg_stmt_t s = 0; s < kg_graph_stmt_count(g); s++) {
        if (kg_stmt_object(g, s) == KG_NONE)
            continue;
        const json_t *x = kg_stmt_attr(g, s, attr);
        if (x) {
            found++;
            double w;
            if (weight_of(x, &w)) {
                json_decref(names);
                return kg_error_say(err, KG_EINPUT, "weight=%s: the relation %s %s %s has %s \"%s\" that is no "
                                    "weight (a number of 0 or more)", attr, kg_entity_id(g, kg_stmt_subject(g, s)),
                                    kg_stmt_predicate(g, s), kg_entity_id(g, kg_stmt_object(g, s)), attr,
                                    json_is_string(x) ? json_string_value(x) : "a value");
            }
        } else if (!found && kg_stmt_attrs(g, s)) {
            const char *key;
            json_t *val;
            json_object_foreach((json_t *)kg_stmt_attrs(g, s), key, val) json_object_set_new(names, key, json_true());
        }
    }
    if (!found) {
        const char *list[256];
        size_t n = 0;
        const char *key;
        json_t *val;
        json_object_foreach(names, key, val) if (n < 256) list[n++] = key;
        const char *close = kg_closest_name(attr, list, n);
        int rc = kg_error_say(err, KG_EUSAGE, "weight=%s: no relation has the attribute \"%s\"%s%s%s", attr, attr,
                              close ? " (did you mean \"" : "", close ? close : "", close ? "\"?)" : "");
        json_decref(names);
        return rc;
    }
    json_decref(names);
    return KG_OK;
}

int kg_netview_build(const kg_graph_t *g, const kg_opts_t *opts, const kg_param_t *params, kg_netview_t *v,
                     kg_error_t *err)
{
    int rc, source_nodes;
    const char *preds;
    memset(v, 0, sizeof *v);
    kg_netview_init_igraph();
    const char *weight_attr;
    if ((rc = kg_param_bool(opts, params, "directed", &v->directed, err)) ||
        (rc = kg_param_bool(opts, params, "source_nodes", &source_nodes, err)) ||
        (rc = kg_param_string(opts, params, "predicates", &preds, err)) ||
        (rc = kg_param_string(opts, params, "weight", &weight_attr, err)))
        return rc;
    if (weight_attr && *weight_attr && (rc = check_weight(g, weight_attr, err)))
        return rc;
    /* predicates= names predicates the graph has: a typo is an error with the closest, not an empty network */
    for (const char *p = preds; p && *p;) {
        while (*p == ' ' || *p == ',')
            p++;
        size_t len = strcspn(p, ",");
        char name[256];
        snprintf(name, sizeof name, "%.*s", (int)len, p);
        for (size_t k = strlen(name); k && name[k - 1] == ' ';)
            name[--k] = '\0';
        kg_predicate_t info;
        if (*name && kg_graph_predicate(g, name, &info) != KG_OK) {
            size_t n = kg_graph_predicate_count(g);
            const char **names = malloc((n + 1) * sizeof *names);
            for (size_t i = 0; names && i < n; i++)
                names[i] = kg_graph_predicate_name(g, i);
            const char *close = names ? kg_closest_name(name, names, n) : NULL;
            rc = kg_error_say(err, KG_ENOTFOUND, "predicates: no statement with the predicate \"%s\"%s%s%s", name,
                              close ? " (did you mean \"" : "", close ? close : "", close ? "\"?)" : "");
            free(names);
            return rc;
        }
        p += len;
    }
    size_t n_ent = kg_graph_entity_count(g), n_st = kg_graph_stmt_count(g), n_links = 0;
    v->entity = malloc((n_ent + 1) * sizeof *v->entity);
    v->vertex = malloc((n_ent + 1) * sizeof *v->vertex);
    /* a relation gives one link; with source nodes, each citation up to two more */
    size_t cap_links = n_st + 1;
    if (source_nodes)
        for (kg_stmt_t s = 0; s < n_st; s++)
            cap_links += 2 * kg_stmt_cite_count(g, s);
    link_t *links = malloc(cap_links * sizeof *links);
    pair_map_t m = {NULL, NULL, 64};
    igraph_vector_int_t edges;
    uint32_t *stamp = NULL;
    int have_edges = 0;
    if (!v->entity || !v->vertex || !links)
        goto nomem;
    for (kg_entity_t e = 0; e < n_ent; e++) {
        v->vertex[e] = -1;
        if (!kg_entity_is_source(g, e) || source_nodes) {
            v->vertex[e] = v->n_vertices;
            v->entity[v->n_vertices++] = e;
        }
    }
    for (kg_stmt_t s = 0; s < n_st; s++) {
        kg_entity_t a = kg_stmt_subject(g, s), b = kg_stmt_object(g, s);
        if (b != KG_NONE && (!preds || in_list(preds, kg_stmt_predicate(g, s))) && v->vertex[a] >= 0 &&
            v->vertex[b] >= 0) {
            links[n_links++] = (link_t){v->vertex[a], v->vertex[b], s};
            v->n_relations++;
        }
        if (!source_nodes)
            continue;
        for (size_t i = 0; i < kg_stmt_cite_count(g, s); i++) {
            kg_entity_t src = kg_stmt_cite(g, s, i, NULL);
            kg_entity_t ends[2] = {a, b};
            for (int k = 0; k < 2; k++)
                if (ends[k] != KG_NONE && v->vertex[ends[k]] >= 0 && ends[k] != src)
                    links[n_links++] = (link_t){v->vertex[src], v->vertex[ends[k]], s};
        }
    }
    /* merge links between the same pair into one edge */
    while (m.cap < 2 * n_links + 2)
        m.cap *= 2;
    m.keys = malloc(m.cap * sizeof *m.keys);
    m.vals = malloc(m.cap * sizeof *m.vals);
    igraph_integer_t *edge_of = malloc((n_links + 1) * sizeof *edge_of);
    if (!m.keys || !m.vals || !edge_of) {
        free(edge_of);
        goto nomem;
    }
    for (size_t i = 0; i < m.cap; i++)
        m.vals[i] = -1;
    if (igraph_vector_int_init(&edges, 0)) {
        free(edge_of);
        goto nomem;
    }
    have_edges = 1;
    for (size_t i = 0; i < n_links; i++) {
        igraph_integer_t a = links[i].a, b = links[i].b;
        if (!v->directed && a > b) {
            igraph_integer_t t = a;
            a = b;
            b = t;
        }
        igraph_integer_t *slot = pair_find(&m, ((uint64_t)a << 32) | (uint64_t)b);
        if (*slot < 0) {
            *slot = v->n_edges++;
            if (igraph_vector_int_push_back(&edges, a) || igraph_vector_int_push_back(&edges, b)) {
                free(edge_of);
                goto nomem;
            }
        }
        edge_of[i] = *slot;
    }
    /* statements per edge (counting sort), and weights: independent origins */
    v->stmt_start = calloc((size_t)v->n_edges + 2, sizeof *v->stmt_start);
    v->stmts = malloc((n_links + 1) * sizeof *v->stmts);
    stamp = calloc(n_ent + 1, sizeof *stamp);
    if (!v->stmt_start || !v->stmts || !stamp || igraph_vector_init(&v->weight, v->n_edges)) {
        free(edge_of);
        goto nomem;
    }
    for (size_t i = 0; i < n_links; i++)
        v->stmt_start[edge_of[i] + 2]++;
    for (igraph_integer_t e = 0; e < v->n_edges; e++)
        v->stmt_start[e + 2] += v->stmt_start[e + 1];
    for (size_t i = 0; i < n_links; i++)
        v->stmts[v->stmt_start[edge_of[i] + 1]++] = links[i].stmt;
    free(edge_of);
    for (igraph_integer_t e = 0; e < v->n_edges; e++) {
        double origins = 0;
        for (size_t k = v->stmt_start[e]; k < v->stmt_start[e + 1]; k++) {
            kg_stmt_t s = v->stmts[k];
            kg_entity_t by = kg_stmt_according_to(g, s);
            size_t n_cites = kg_stmt_cite_count(g, s);
            for (size_t i = 0; i < (by != KG_NONE ? 1 : n_cites); i++) {
                kg_entity_t origin = by != KG_NONE ? by : kg_stmt_cite(g, s, i, NULL);
                if (stamp[origin] != (uint32_t)e + 1) {
                    stamp[origin] = (uint32_t)e + 1;
                    origins++;
                }
            }
        }
        VECTOR(v->weight)[e] = origins > 0 ? origins : 1;
        if (weight_attr && *weight_attr) { /* the relations' own weights, added up */
            double sum = 0;
            for (size_t k = v->stmt_start[e]; k < v->stmt_start[e + 1]; k++) {
                const json_t *x = kg_stmt_attr(g, v->stmts[k], weight_attr);
                double w = 1;
                if (x)
                    weight_of(x, &w); /* checked before */
                sum += w;
            }
            VECTOR(v->weight)[e] = sum;
        }
    }
    v->weight_attr = weight_attr && *weight_attr ? weight_attr : NULL;
    igraph_error_t ierr = igraph_create(&v->graph, &edges, v->n_vertices, v->directed);
    igraph_vector_int_destroy(&edges);
    have_edges = 0;
    if (ierr) {
        igraph_vector_destroy(&v->weight);
        memset(&v->weight, 0, sizeof v->weight);
        rc = kg_netview_igraph_error(ierr, "building the network", err);
        goto fail;
    }
    free(links);
    free(m.keys);
    free(m.vals);
    free(stamp);
    return KG_OK;
nomem:
    rc = kg_error_say(err, KG_ENOMEM, "out of memory");
fail:
    if (have_edges)
        igraph_vector_int_destroy(&edges);
    if (v->weight.stor_begin)
        igraph_vector_destroy(&v->weight);
    free(links);
    free(m.keys);
    free(m.vals);
    free(stamp);
    free(v->entity);
    free(v->vertex);
    free(v->stmt_start);
    free(v->stmts);
    memset(v, 0, sizeof *v);
    return rc;
}

void kg_netview_free(kg_netview_t *v)
{
    if (!v || !v->entity)
        return;
    igraph_destroy(&v->graph);
    igraph_vector_destroy(&v->weight);
    free(v->entity);
    free(v->vertex);
    free(v->stmt_start);
    free(v->stmts);
    memset(v, 0, sizeof *v);
}

/* ---------------------------------------------------------- finding */

int kg_netview_find(const kg_graph_t *g, const char *what, const char *param, kg_entity_t *out, kg_error_t *err)
{
    int rc = kg_graph_find(g, what, out, err);
    if (rc != KG_ENOTFOUND)
        return rc;
    size_t cap = kg_typo_cap(what);
    kg_entity_t best[3] = {KG_NONE, KG_NONE, KG_NONE};
    size_t best_d[3] = {SIZE_MAX, SIZE_MAX, SIZE_MAX};
    for (kg_entity_t e = 0; e < kg_graph_entity_count(g); e++) {
        size_t d = kg_edit_distance(what, kg_entity_id(g, e), cap);
        if (kg_entity_label(g, e)) {
            size_t x = kg_edit_distance(what, kg_entity_label(g, e), cap);
            d = x < d ? x : d;
        }
        for (size_t i = 0; i < kg_entity_alias_count(g, e); i++) {
            size_t x = kg_edit_distance(what, kg_entity_alias(g, e, i), cap);
            d = x < d ? x : d;
        }
        if (d > cap)
            continue;
        for (int k = 0; k < 3; k++)
            if (d < best_d[k]) {
                for (int j = 2; j > k; j--) {
                    best[j] = best[j - 1];
                    best_d[j] = best_d[j - 1];
                }
                best[k] = e;
                best_d[k] = d;
                break;
            }
    }
    char hint[KG_ERROR_TEXT_LENGTH / 2] = "";
    size_t len = 0;
    for (int k = 0; k < 3 && best[k] != KG_NONE && len < sizeof hint; k++)
        len += (size_t)snprintf(hint + len, sizeof hint - len, "%s%s (%s)", k ? ", " : "; did you mean ",
                                kg_entity_name(g, best[k]), kg_entity_id(g, best[k]));
    return kg_error_say(err, KG_ENOTFOUND, "%s: no entity with id or alias \"%s\"%s%s", param, what, hint,
                        len ? "?" : "");
}
