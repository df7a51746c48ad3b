/* gml_import.c - the "gml" importer: GML (Newman's, NetworkX's, Cytoscape's, yEd's) read by igraph's own parser, its nodes as entities and edges as relations. */
#define _POSIX_C_SOURCE 200809L /* strdup */
#include "interchange.h"

#include <igraph/igraph.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* igraph reports through process-wide handlers; while a file is read they keep its first error and warning
 * (and count the warnings), and free what igraph had allocated, as its own handlers do. */
static char gml_error[512], gml_warning[512];
static size_t gml_warnings;

static void on_igraph_error(const char *reason, const char *file, int line, igraph_error_t code)
{
    (void)file, (void)line;
    if (!gml_error[0])
        snprintf(gml_error, sizeof gml_error, "%s", reason && *reason ? reason : igraph_strerror(code));
    IGRAPH_FINALLY_FREE();
}

static void on_igraph_warning(const char *reason, const char *file, int line)
{
    (void)file, (void)line;
    if (!gml_warnings++)
        snprintf(gml_warning, sizeof gml_warning, "%s", reason ? reason : "");
}

/* An igraph attribute value of element i as JSON (NULL when there is none: NaN is igraph's missing number). */
static json_t *value_of(const igraph_t *G, igraph_attribute_elemtype_t elem, const char *name, igraph_attribute_type_t t,
                        igraph_integer_t i)
{
    if (t == IGRAPH_ATTRIBUTE_NUMERIC) {
        double x = elem == IGRAPH_ATTRIBUTE_VERTEX ? VAN(G, name, i) : EAN(G, name, i);
        if (!isfinite(x))
            return NULL;
        if (x == floor(x) && fabs(x) < 9007199254740992.0)
            return json_integer((json_int_t)x);
        return json_real(x);
    }
    if (t == IGRAPH_ATTRIBUTE_BOOLEAN)
        return json_boolean(elem == IGRAPH_ATTRIBUTE_VERTEX ? VAB(G, name, i) : EAB(G, name, i));
    if (t == IGRAPH_ATTRIBUTE_STRING) {
        const char *s = elem == IGRAPH_ATTRIBUTE_VERTEX ? VAS(G, name, i) : EAS(G, name, i);
        return s ? json_string(s) : NULL;
    }
    return NULL;
}

/* The element's attributes as the importers' shared rule reads them (interchange.h). */
static json_t *element_data(const igraph_t *G, igraph_attribute_elemtype_t elem, const igraph_strvector_t *names,
                            const igraph_vector_int_t *types, igraph_integer_t i, const char *skip)
{
    json_t *data = json_object();
    for (igraph_integer_t k = 0; data && k < igraph_strvector_size(names); k++) {
        const char *name = igraph_strvector_get(names, k);
        if (skip && !strcmp(name, skip))
            continue;
        json_t *v = value_of(G, elem, name, (igraph_attribute_type_t)VECTOR(*types)[k], i);
        if (v && json_is_string(v) && !*json_string_value(v) && !strcmp(name, "label")) /* label "" is none */
            json_decref(v), v = NULL;
        if (v)
            json_object_set_new(data, name, v);
    }
    return data;
}

int ix_import_gml(kg_graph_t *g, FILE *in, const char *path, const kg_opts_t *opts, kg_error_t *err)
{
    igraph_t G;
    ix_roles_t roles;
    igraph_strvector_t gn, vn, en;
    igraph_vector_int_t gt, vt, et;
    int rc = KG_OK, have_graph = 0, have_lists = 0;
    if ((rc = ix_roles_init(&roles, g, opts, err))) {
        ix_roles_free(&roles);
        return rc;
    }
    gml_error[0] = gml_warning[0] = '\0';
    gml_warnings = 0;
    igraph_error_handler_t *old_error = igraph_set_error_handler(on_igraph_error);
    igraph_warning_handler_t *old_warning = igraph_set_warning_handler(on_igraph_warning);
    igraph_attribute_table_t *old_table = igraph_set_attribute_table(&igraph_cattribute_table);
    igraph_error_t ie = igraph_read_graph_gml(&G, in);
    if (ie) {
        /* igraph's message names the line ("Parse error in GML file, line 3 (syntax error, ...)"): so does ours */
        const char *at = strstr(gml_error, "line ");
        int line = at ? atoi(at + 5) : 0;
        rc = kg_error_set(err, ie == IGRAPH_ENOMEM ? KG_ENOMEM : KG_EINPUT, path, line > 0 ? line : 0, 0, "GML: %s",
                          gml_error[0] ? gml_error : igraph_strerror(ie));
        goto done;
    }
    have_graph = 1;
    if (igraph_strvector_init(&gn, 0) || igraph_strvector_init(&vn, 0) || igraph_strvector_init(&en, 0) ||
        igraph_vector_int_init(&gt, 0) || igraph_vector_int_init(&vt, 0) || igraph_vector_int_init(&et, 0) ||
        (have_lists = 1, igraph_cattribute_list(&G, &gn, &gt, &vn, &vt, &en, &et))) {
        rc = kg_error_set(err, KG_ENOMEM, path, 0, 0, "out of memory");
        goto done;
    }
    igraph_integer_t nv = igraph_vcount(&G), ne = igraph_ecount(&G);
    int has_id = igraph_cattribute_has_attr(&G, IGRAPH_ATTRIBUTE_VERTEX, "id");
    char **ids = calloc((size_t)nv + 1, sizeof *ids);
    if (!ids) {
        rc = kg_error_set(err, KG_ENOMEM, path, 0, 0, "out of memory");
        goto done;
    }
    for (igraph_integer_t i = 0; i < nv && !rc; i++) {
        char id[64];
        double x = has_id ? VAN(&G, "id", i) : NAN;
        if (isfinite(x))
            snprintf(id, sizeof id, "%.17g", x);
        else
            snprintf(id, sizeof id, "%ld", (long)i);
        json_t *data = element_data(&G, IGRAPH_ATTRIBUTE_VERTEX, &vn, &vt, i, "id");
        if (!(ids[i] = strdup(id)) || !data)
            rc = kg_error_set(err, KG_ENOMEM, path, 0, 0, "out of memory");
        else
            rc = ix_add_node(g, path, 0, id, data, &roles, err);
        json_decref(data);
    }
    int undirected = !igraph_is_directed(&G);
    for (igraph_integer_t e = 0; e < ne && !rc; e++) {
        json_t *data = element_data(&G, IGRAPH_ATTRIBUTE_EDGE, &en, &et, e, NULL);
        if (!data)
            rc = kg_error_set(err, KG_ENOMEM, path, 0, 0, "out of memory");
        else
            rc = ix_add_edge(g, path, 0, 0, ids[IGRAPH_FROM(&G, e)], ids[IGRAPH_TO(&G, e)], data, undirected, &roles,
                             err);
        json_decref(data);
    }
    for (igraph_integer_t i = 0; i < nv; i++)
        free(ids[i]);
    free(ids);
    /* the graph's own attributes have no place in kgkit; igraph's warnings say what it left out */
    if (!rc && !(rc = ix_roles_check(&roles, path, err))) {
        ix_roles_note(g, path, "GML", &roles);
        char names[200] = "";
        size_t n = 0;
        for (igraph_integer_t k = 0; k < igraph_strvector_size(&gn); k++)
            n += (size_t)snprintf(names + n, n < sizeof names ? sizeof names - n : 0, "%s%s", n ? ", " : "",
                                  igraph_strvector_get(&gn, k));
        if (n)
            rc = ix_unread(g, &roles, path, err, "GML: the graph's own attributes are not read (%s)", names);
        if (!rc && gml_warnings)
            rc = ix_unread(g, &roles, path, err, "GML: igraph's reader left %zu thing%s out (the first: %s)",
                           gml_warnings, gml_warnings == 1 ? "" : "s", gml_warning);
    }
done:
    if (have_lists) {
        igraph_strvector_destroy(&gn);
        igraph_strvector_destroy(&vn);
        igraph_strvector_destroy(&en);
        igraph_vector_int_destroy(&gt);
        igraph_vector_int_destroy(&vt);
        igraph_vector_int_destroy(&et);
    }
    if (have_graph)
        igraph_destroy(&G);
    ix_roles_free(&roles);
    igraph_set_attribute_table(old_table);
    igraph_set_warning_handler(old_warning);
    igraph_set_error_handler(old_error);
    return rc;
}

/* GML: key-value lines, then "graph [" (DOT's blocks open with "{", not "["). */
int ix_sniff_gml(const char *head, size_t len)
{
    for (size_t i = 0; i + 5 < len; i++) {
        if (memcmp(head + i, "graph", 5) || (i && !strchr(" \t\r\n", head[i - 1])))
            continue;
        size_t j = i + 5;
        while (j < len && strchr(" \t\r\n", head[j]))
            j++;
        if (j < len && head[j] == '[')
            return 60;
    }
    return 0;
}
