/* plugin.c - the "agreement" plugin: the agreement and resolve analyses' run functions, and the entry that registers them. */
#include "agreement.h"

#include <stdlib.h>
#include <string.h>

static int agreement_run(kg_graph_t *g, const kg_opts_t *opts, kg_format_t format, FILE *out, kg_error_t *err)
{
    ag_options_t o;
    ag_result_t r;
    long limit;
    int rc = ag_options_read(opts, &o, &limit, err);
    if (rc || (rc = ag_analyse(g, &o, opts, &r, err)))
        return rc;
    rc = format == KG_FORMAT_JSON ? ag_report_json(g, &r, &o, out, err) : ag_report_text(g, &r, limit, out, err);
    ag_result_free(&r);
    return rc;
}

/* ------------------------------------------------------------ resolve */

static int resolve_run(kg_graph_t *g, const kg_opts_t *opts, kg_format_t format, FILE *out, kg_error_t *err)
{
    ag_options_t ao;
    rs_options_t o;
    rs_result_t r;
    long limit;
    int rc = rs_options_read(g, opts, &ao, &o, &limit, err);
    if (rc)
        return rc;
    if (!(rc = rs_resolve(g, &ao, &o, opts, &r, err))) {
        rc = format == KG_FORMAT_JSON ? rs_report_json(g, &r, out, err) : rs_report_text(g, &r, limit, out, err);
        rs_result_free(&r);
    }
    rs_options_clear(&o);
    return rc;
}

static const kg_analysis_t resolve = {
    KG_ANALYSIS_VERSION, "resolve",
    "the most credible value of every functional fact at every date, with source trust learned across the graph",
    resolve_run, rs_params, KG_ATTR_RESOLVED "," KG_ATTR_RESOLUTION};

static const kg_analysis_t agreement = {
    KG_ANALYSIS_VERSION, "agreement",
    "which sources agree, which contradict, which numbers changed over time; per-source agreement",
    agreement_run, ag_params, KG_ATTR_AGREEMENT};

static int agreement_init(kg_registry_t *reg, kg_error_t *err)
{
    (void)err;
    int rc = kg_registry_add_analysis(reg, &agreement);
    return rc ? rc : kg_registry_add_analysis(reg, &resolve);
}

KG_PLUGIN_DEFINE("agreement", "1.1.0", "source agreement: corroboration, contradiction and change over time; resolution of the most credible value",
                 agreement_init, NULL)
