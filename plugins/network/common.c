/* common.c - what the network analyses share: the run skeleton, errors and output helpers. */
#include "network.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

int net_igraph(const net_job_t *j, igraph_error_t code)
{
    return code ? kg_netview_igraph_error(code, j->analysis->name, j->err) : KG_OK;
}

int net_run(const net_analysis_t *a, kg_graph_t *g, const kg_opts_t *opts, kg_format_t format, FILE *out,
            kg_error_t *err)
{
    net_job_t job = {.analysis = a, .g = g, .opts = opts, .format = format, .out = out, .err = err}, *j = &job;
    if (a->state_size && !(j->state = calloc(1, a->state_size)))
        return kg_error_say(err, KG_ENOMEM, "%s: out of memory", a->name);
    int rc = a->setup ? a->setup(j) : KG_OK;
    if (!rc && !(rc = kg_netview_build(g, opts, a->params, &j->view, err))) {
        if (!(rc = a->check ? a->check(j) : KG_OK))
            rc = j->view.n_vertices ? a->compute(j) : net_empty(a->name, format, out, err);
        kg_netview_free(&j->view);
    }
    free(j->state);
    return rc;
}

const char *net_name(const kg_graph_t *g, kg_entity_t e, char *buf, size_t size)
{
    const char *label = kg_entity_label(g, e), *id = kg_entity_id(g, e);
    if (label && *label && strcmp(label, id) != 0)
        snprintf(buf, size, "%s (%s)", label, id);
    else
        snprintf(buf, size, "%s", id);
    return buf;
}

int net_dump(json_t *report, FILE *out, kg_error_t *err)
{
    if (!report)
        return kg_error_say(err, KG_ENOMEM, "out of memory");
    int rc = kg_json_dumpf(report, out, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
    json_decref(report);
    fputc('\n', out);
    if (rc || ferror(out))
        return kg_error_say(err, KG_EIO, "cannot write the report: %s", strerror(errno));
    return KG_OK;
}

int net_empty(const char *analysis, kg_format_t format, FILE *out, kg_error_t *err)
{
    static const char note[] = "the graph has no entities (other than sources): nothing to compute";
    if (format == KG_FORMAT_JSON)
        return net_dump(json_pack("{s:s,s:i,s:i,s:s}", "analysis", analysis, "vertices", 0, "edges", 0, "note", note),
                        out, err);
    fprintf(out, "%s: %s.\n", analysis, note);
    return KG_OK;
}
