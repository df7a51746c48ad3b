/* common.c - output helpers the network analyses share. */
#include "network.h"

#include <errno.h>
#include <string.h>

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
