/* plugin.c - the "agreement" analysis: its parameters, and the entry that registers it. */
#include "agreement.h"

#include <string.h>

static const kg_param_t params[] = {
    {"unsourced", "string", "error",
     "claims that cite no source: \"error\" stops the analysis, \"skip\" leaves them out (relations citing "
     "no source are always left out and counted)"},
    {"date_from_source", "bool", "true", "date a claim without as_of by its source's publication date"},
    {"annotate", "bool", "true",
     "write each statement's verdict back as its attribute \"agreement\": {status, origins, reports, "
     "at_date (the verdict at its date), disputed, and confidence with trust}"},
    {"limit", "int", "20", "items per list in the text report (0: all)"},
    {"trust", "bool", "false", "compute TruthFinder-style source trust and fact confidence"},
    {"trust_initial", "float", "0.9", "trust: every source's trust before the first round, in (0, 1)"},
    {"trust_gamma", "float", "0.3", "trust: the dampening factor of the confidence logistic"},
    {"trust_rho", "float", "0.5", "trust: the weight of related facts' support (+) and conflict (-)"},
    {"trust_iterations", "int", "100", "trust: the most rounds before stopping"},
    {NULL, NULL, NULL, NULL}};

static int read_options(const kg_opts_t *opts, ag_options_t *o, long *limit, kg_error_t *err)
{
    int rc;
    long iterations;
    ag_options_init(o);
    const char *unsourced = kg_opts_get(opts, "unsourced");
    if (unsourced && strcmp(unsourced, "error") != 0 && strcmp(unsourced, "skip") != 0)
        return kg_error_set(err, KG_EUSAGE, NULL, 0, 0,
                            "agreement: parameter unsourced must be \"error\" or \"skip\", not \"%s\"", unsourced);
    o->skip_unsourced = unsourced && strcmp(unsourced, "skip") == 0;
    if ((rc = kg_opts_get_bool(opts, "date_from_source", 1, &o->date_from_source, err)) ||
        (rc = kg_opts_get_bool(opts, "annotate", 1, &o->annotate, err)) ||
        (rc = kg_opts_get_int(opts, "limit", 20, limit, err)) ||
        (rc = kg_opts_get_bool(opts, "trust", 0, &o->trust, err)) ||
        (rc = kg_opts_get_double(opts, "trust_initial", o->trust_initial, &o->trust_initial, err)) ||
        (rc = kg_opts_get_double(opts, "trust_gamma", o->trust_gamma, &o->trust_gamma, err)) ||
        (rc = kg_opts_get_double(opts, "trust_rho", o->trust_rho, &o->trust_rho, err)) ||
        (rc = kg_opts_get_int(opts, "trust_iterations", o->trust_iterations, &iterations, err)))
        return rc;
    if (*limit < 0)
        return kg_error_set(err, KG_EUSAGE, NULL, 0, 0, "agreement: parameter limit must be 0 or more, not %ld",
                            *limit);
    if (!(o->trust_initial > 0 && o->trust_initial < 1))
        return kg_error_set(err, KG_EUSAGE, NULL, 0, 0,
                            "agreement: parameter trust_initial must lie strictly between 0 and 1, not %g",
                            o->trust_initial);
    if (!(o->trust_gamma > 0) || !(o->trust_rho >= 0 && o->trust_rho <= 1))
        return kg_error_set(err, KG_EUSAGE, NULL, 0, 0,
                            "agreement: trust_gamma must be positive and trust_rho in [0, 1] (got %g and %g)",
                            o->trust_gamma, o->trust_rho);
    if (iterations < 1 || iterations > 100000)
        return kg_error_set(err, KG_EUSAGE, NULL, 0, 0,
                            "agreement: parameter trust_iterations must be 1 to 100000, not %ld", iterations);
    o->trust_iterations = (int)iterations;
    return KG_OK;
}

static int agreement_run(kg_graph_t *g, const kg_opts_t *opts, kg_format_t format, FILE *out, kg_error_t *err)
{
    ag_options_t o;
    ag_result_t r;
    long limit;
    int rc = read_options(opts, &o, &limit, err);
    if (rc || (rc = ag_analyse(g, &o, opts, &r, err)))
        return rc;
    rc = format == KG_FORMAT_JSON ? ag_report_json(g, &r, &o, out, err) : ag_report_text(g, &r, limit, out, err);
    ag_result_free(&r);
    return rc;
}

static const kg_analysis_t agreement = {
    KG_ANALYSIS_VERSION, "agreement",
    "which sources agree, which contradict, which numbers changed over time; per-source agreement",
    agreement_run, params};

static int agreement_init(kg_registry_t *reg, kg_error_t *err)
{
    (void)err;
    return kg_registry_add_analysis(reg, &agreement);
}

KG_PLUGIN_DEFINE("agreement", "1.0.0", "source agreement: corroboration, contradiction and change over time",
                 agreement_init, NULL)
