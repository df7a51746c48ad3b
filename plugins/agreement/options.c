/* options.c - the agreement and resolve analyses' parameters: their tables, the one place each default is written, and their reading into options. */
#include "agreement.h"

#include <stdlib.h>
#include <string.h>

const kg_param_t ag_params[] = {
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
    {"slots", "string", "all",
     "the slots the JSON report lists: all, or findings (those in conflict, undetermined or changed over time; "
     "the rest are counted in the totals and written back as verdicts)"},
    {"pairs_min", "int", "1",
     "the pairs of sources the JSON report lists share at least this many facts (most pairs of a big graph "
     "share one)"},
    {NULL, NULL, NULL, NULL}};

const kg_param_t rs_params[] = {
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

static const char *const unsourced_choices[] = {"error", "skip", NULL};

/* The parameters both analyses take (unsourced, date_from_source, annotate, limit), from either table; messages
 * name the analysis `who`. */
static int read_shared(const kg_opts_t *opts, const kg_param_t *params, const char *who, ag_options_t *o,
                       long *limit, kg_error_t *err)
{
    int rc, unsourced;
    memset(o, 0, sizeof *o);
    if ((rc = kg_param_choice(opts, params, "unsourced", unsourced_choices, &unsourced, err)) ||
        (rc = kg_param_bool(opts, params, "date_from_source", &o->date_from_source, err)) ||
        (rc = kg_param_bool(opts, params, "annotate", &o->annotate, err)) ||
        (rc = kg_param_int(opts, params, "limit", limit, err)))
        return rc;
    o->skip_unsourced = unsourced == 1;
    if (*limit < 0)
        return kg_error_say(err, KG_EUSAGE, "%s: parameter limit must be 0 or more, not %ld", who, *limit);
    return KG_OK;
}

void ag_options_init(ag_options_t *o)
{
    long limit;
    kg_error_t err;
    read_shared(NULL, ag_params, "agreement", o, &limit, &err); /* the declared defaults (a unit test parses them) */
}

int ag_options_read(const kg_opts_t *opts, ag_options_t *o, long *limit, kg_error_t *err)
{
    static const char *const slots_choices[] = {"all", "findings", NULL};
    int rc = read_shared(opts, ag_params, "agreement", o, limit, err);
    if (!rc)
        rc = kg_param_bool(opts, ag_params, "trust", &o->trust, err);
    if (!rc)
        rc = kg_param_choice(opts, ag_params, "slots", slots_choices, &o->findings_only, err);
    if (!rc)
        rc = kg_param_int(opts, ag_params, "pairs_min", &o->pairs_min, err);
    if (!rc && o->pairs_min < 1)
        rc = kg_error_say(err, KG_EUSAGE, "agreement: parameter pairs_min must be 1 or more, not %ld", o->pairs_min);
    return rc;
}

/* resolve's own numbers, checked. */
static int read_numbers(const kg_opts_t *opts, rs_options_t *o, kg_error_t *err)
{
    long iterations;
    int rc;
    if ((rc = kg_param_double(opts, rs_params, "prior", &o->prior, err)) ||
        (rc = kg_param_double(opts, rs_params, "prior_weight", &o->prior_weight, err)) ||
        (rc = kg_param_double(opts, rs_params, "false_values", &o->false_values, err)) ||
        (rc = kg_param_double(opts, rs_params, "mislabel", &o->mislabel, err)) ||
        (rc = kg_param_bool(opts, rs_params, "copies", &o->copies, err)) ||
        (rc = kg_param_double(opts, rs_params, "slow_weight", &o->slow_weight, err)) ||
        (rc = kg_param_bool(opts, rs_params, "annotate", &o->annotate, err)) ||
        (rc = kg_param_int(opts, rs_params, "iterations", &iterations, err)))
        return rc;
    if (!(o->prior > 0 && o->prior < 1))
        return kg_error_say(err, KG_EUSAGE, "resolve: parameter prior must lie strictly between 0 and 1, "
                            "not %g", o->prior);
    if (!(o->prior_weight >= 0) || !(o->false_values >= 1) || !(o->mislabel >= 0 && o->mislabel <= 1) ||
        !(o->slow_weight >= 0 && o->slow_weight <= 1))
        return kg_error_say(err, KG_EUSAGE,
                            "resolve: prior_weight must be 0 or more, false_values 1 or more, mislabel and "
                            "slow_weight in [0, 1] (got %g, %g, %g, %g)",
                            o->prior_weight, o->false_values, o->mislabel, o->slow_weight);
    if (iterations < 1 || iterations > 100000)
        return kg_error_say(err, KG_EUSAGE, "resolve: parameter iterations must be 1 to 100000, not %ld",
                            iterations);
    o->iterations = (int)iterations;
    return KG_OK;
}

void rs_options_init(rs_options_t *o)
{
    kg_error_t err;
    memset(o, 0, sizeof *o);
    read_numbers(NULL, o, &err); /* the declared defaults (a unit test parses them) */
}

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

int rs_options_read(const kg_graph_t *g, const kg_opts_t *opts, ag_options_t *ao, rs_options_t *o, long *limit,
                    kg_error_t *err)
{
    const char *only, *slow;
    int rc;
    rs_options_init(o);
    if ((rc = read_shared(opts, rs_params, "resolve", ao, limit, err)) || (rc = read_numbers(opts, o, err)) ||
        (rc = kg_param_string(opts, rs_params, "predicates", &only, err)) ||
        (rc = kg_param_string(opts, rs_params, "slowly_changing", &slow, err)) ||
        (rc = predicate_list(g, "predicates", only, 1, &o->lists[0], &o->only, &o->n_only, err)) ||
        (rc = predicate_list(g, "slowly_changing", slow, 0, &o->lists[1], &o->slow, &o->n_slow, err))) {
        rs_options_clear(o);
        return rc;
    }
    return KG_OK;
}

void rs_options_clear(rs_options_t *o)
{
    free(o->lists[0]);
    free(o->lists[1]);
    free((void *)o->only);
    free((void *)o->slow);
    o->lists[0] = o->lists[1] = NULL;
    o->only = o->slow = NULL;
    o->n_only = o->n_slow = 0;
}
