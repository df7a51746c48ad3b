/* plugin.c - the "agreement" analysis: its parameters, and the entry that registers it. */
#include "agreement.h"

#include <stdlib.h>
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
    {"trust", "bool", "false",
     "learn each source's trust and each report's probability of being right, as the resolve analysis does "
     "(docs/resolve.md)"},
    {NULL, NULL, NULL, NULL}};

/* The parameters agreement and resolve share (unsourced, date_from_source, annotate, limit), into o and *limit;
 * messages name the analysis `who`. */
static int read_shared(const kg_opts_t *opts, const char *who, ag_options_t *o, long *limit, kg_error_t *err)
{
    int rc;
    ag_options_init(o);
    const char *unsourced = kg_opts_get(opts, "unsourced");
    if (unsourced && strcmp(unsourced, "error") != 0 && strcmp(unsourced, "skip") != 0)
        return kg_error_say(err, KG_EUSAGE, "%s: parameter unsourced must be \"error\" or \"skip\", not \"%s\"", who,
                            unsourced);
    o->skip_unsourced = unsourced && strcmp(unsourced, "skip") == 0;
    if ((rc = kg_opts_get_bool(opts, "date_from_source", 1, &o->date_from_source, err)) ||
        (rc = kg_opts_get_bool(opts, "annotate", 1, &o->annotate, err)) ||
        (rc = kg_opts_get_int(opts, "limit", 20, limit, err)))
        return rc;
    if (*limit < 0)
        return kg_error_say(err, KG_EUSAGE, "%s: parameter limit must be 0 or more, not %ld", who, *limit);
    return KG_OK;
}

static int read_options(const kg_opts_t *opts, ag_options_t *o, long *limit, kg_error_t *err)
{
    int rc = read_shared(opts, "agreement", o, limit, err);
    return rc ? rc : kg_opts_get_bool(opts, "trust", 0, &o->trust, err);
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

/* ------------------------------------------------------------ resolve */

static const kg_param_t resolve_params[] = {
    {"predicates", "string", "", "resolve these predicates only (comma-separated; each must be functional)"},
    {"unsourced", "string", "error", "claims that cite no source: \"error\" or \"skip\" (as for agreement)"},
    {"date_from_source", "bool", "true", "date a claim without as_of by its source's publication date"},
    {"annotate", "bool", "true",
     "write the chosen values back: entities get \"resolved\" {predicate: [{as_of, value, confidence}]}, "
     "statements \"resolution\" {chosen}"},
    {"limit", "int", "20", "items per list in the text report (0: all)"},
    {"prior", "float", "0.8", "every source's accuracy before any evidence, in (0, 1)"},
    {"prior_weight", "float", "2", "how many contested reports the prior is worth (0: none)"},
    {"false_values", "float", "10", "n in a vote's weight ln(n A / (1 - A)): how many wrong values a liar picks from"},
    {"mislabel", "float", "0.5",
     "in [0, 1]: how far a number that is another date's chosen value is discounted where it competes (0: off)"},
    {"copies", "bool", "true", "find sources that copy each other (they share most of their errors) and count them once"},
    {"slowly_changing", "string", "",
     "predicates whose values change slowly (comma-separated): reports of other dates support compatible values, "
     "halving with every year apart"},
    {"slow_weight", "float", "0.5", "the weight of another date's report at no distance, for slowly changing predicates"},
    {"iterations", "int", "20", "the most rounds of each fixed point"},
    {NULL, NULL, NULL, NULL}};

/* Splits a comma-separated list of predicate names into *out (malloc'd, pointing into *buf), checking each
 * against the graph: unknown names get a did-you-mean; with functional set, a multi-valued one is an error. */
static int predicate_list(const kg_graph_t *g, const char *param, const char *value, int functional, char **buf,
                          const char ***out, size_t *n, kg_error_t *err)
{
    *buf = NULL;
    *out = NULL;
    *n = 0;
    if (!value || !*value)
        return KG_OK;
    size_t n_pred = kg_graph_predicate_count(g), cap = 1;
    for (const char *p = value; *p; p++)
        cap += *p == ',';
    const char **names = malloc(n_pred ? n_pred * sizeof *names : sizeof *names);
    size_t len = strlen(value);
    if (!(*buf = malloc(len + 1)) || !(*out = malloc(cap * sizeof **out)) || !names) {
        free(names);
        return kg_error_say(err, KG_ENOMEM, "resolve: out of memory");
    }
    memcpy(*buf, value, len + 1);
    for (size_t i = 0; i < n_pred; i++)
        names[i] = kg_graph_predicate_name(g, i);
    int rc = KG_OK;
    for (char *tok = *buf, *next; tok && !rc; tok = next) {
        if ((next = strchr(tok, ',')))
            *next++ = '\0';
        while (*tok == ' ')
            tok++;
        for (char *e = tok + strlen(tok); e > tok && e[-1] == ' ';)
            *--e = '\0';
        if (!*tok)
            continue;
        kg_predicate_t p;
        if (kg_graph_predicate(g, tok, &p) != KG_OK) {
            const char *close = kg_closest_name(tok, names, n_pred);
            rc = kg_error_say(err, KG_EUSAGE, "resolve: parameter %s: no predicate \"%s\" in the graph%s%s%s",
                              param, tok, close ? "; did you mean \"" : "", close ? close : "", close ? "\"?" : "");
        } else if (functional && p.functional <= 0) {
            rc = kg_error_say(err, KG_EUSAGE,
                              "resolve: predicate \"%s\" is multi-valued: all its values can be true at once, so "
                              "there is no one value to choose (the agreement analysis weighs each value's "
                              "support); declare it \"functional\": true if it has one value at a time",
                              tok);
        } else {
            (*out)[(*n)++] = tok;
        }
    }
    free(names);
    return rc;
}

static int resolve_run(kg_graph_t *g, const kg_opts_t *opts, kg_format_t format, FILE *out, kg_error_t *err)
{
    ag_options_t ao;
    rs_options_t o;
    rs_result_t r;
    long limit, iterations;
    char *only_buf = NULL, *slow_buf = NULL;
    int rc;
    rs_options_init(&o);
    if ((rc = read_shared(opts, "resolve", &ao, &limit, err)))
        return rc;
    o.annotate = ao.annotate; /* resolve writes back its own attributes, not agreement's */
    if ((rc = kg_opts_get_double(opts, "prior", o.prior, &o.prior, err)) ||
        (rc = kg_opts_get_double(opts, "prior_weight", o.prior_weight, &o.prior_weight, err)) ||
        (rc = kg_opts_get_double(opts, "false_values", o.false_values, &o.false_values, err)) ||
        (rc = kg_opts_get_double(opts, "mislabel", o.mislabel, &o.mislabel, err)) ||
        (rc = kg_opts_get_bool(opts, "copies", 1, &o.copies, err)) ||
        (rc = kg_opts_get_double(opts, "slow_weight", o.slow_weight, &o.slow_weight, err)) ||
        (rc = kg_opts_get_int(opts, "iterations", o.iterations, &iterations, err)))
        return rc;
    if (!(o.prior > 0 && o.prior < 1))
        return kg_error_say(err, KG_EUSAGE, "resolve: parameter prior must lie strictly between 0 and 1, "
                            "not %g", o.prior);
    if (!(o.prior_weight >= 0) || !(o.false_values >= 1) || !(o.mislabel >= 0 && o.mislabel <= 1) ||
        !(o.slow_weight >= 0 && o.slow_weight <= 1))
        return kg_error_say(err, KG_EUSAGE,
                            "resolve: prior_weight must be 0 or more, false_values 1 or more, mislabel and "
                            "slow_weight in [0, 1] (got %g, %g, %g, %g)",
                            o.prior_weight, o.false_values, o.mislabel, o.slow_weight);
    if (iterations < 1 || iterations > 100000)
        return kg_error_say(err, KG_EUSAGE, "resolve: parameter iterations must be 1 to 100000, not %ld",
                            iterations);
    o.iterations = (int)iterations;
    if ((rc = predicate_list(g, "predicates", kg_opts_get(opts, "predicates"), 1, &only_buf, &o.only, &o.n_only,
                             err)) ||
        (rc = predicate_list(g, "slowly_changing", kg_opts_get(opts, "slowly_changing"), 0, &slow_buf, &o.slow,
                             &o.n_slow, err)))
        goto done;
    if ((rc = rs_resolve(g, &ao, &o, opts, &r, err)))
        goto done;
    rc = format == KG_FORMAT_JSON ? rs_report_json(g, &r, out, err) : rs_report_text(g, &r, limit, out, err);
    rs_result_free(&r);
done:
    free(only_buf);
    free(slow_buf);
    free((void *)o.only);
    free((void *)o.slow);
    return rc;
}

static const kg_analysis_t resolve = {
    KG_ANALYSIS_VERSION, "resolve",
    "the most credible value of every functional fact at every date, with source trust learned across the graph",
    resolve_run, resolve_params, KG_ATTR_RESOLVED "," KG_ATTR_RESOLUTION};

static const kg_analysis_t agreement = {
    KG_ANALYSIS_VERSION, "agreement",
    "which sources agree, which contradict, which numbers changed over time; per-source agreement",
    agreement_run, params, KG_ATTR_AGREEMENT};

static int agreement_init(kg_registry_t *reg, kg_error_t *err)
{
    (void)err;
    int rc = kg_registry_add_analysis(reg, &agreement);
    return rc ? rc : kg_registry_add_analysis(reg, &resolve);
}

KG_PLUGIN_DEFINE("agreement", "1.1.0", "source agreement: corroboration, contradiction and change over time; resolution of the most credible value",
                 agreement_init, NULL)
