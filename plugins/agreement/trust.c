/* trust.c - optional trust scores in the spirit of TruthFinder: source trust and fact confidence computed to a fixed point.
 *
 * A fact is a statement; its supporters are the sources that cite it. With
 * t(s) a source's trust and tau(s) = -ln(1 - t(s)):
 *   sigma(f)  = sum of tau(s) over the supporters of f
 *   sigma*(f) = sigma(f) + rho * sum over the other facts g of its slot of
 *               imp(g, f) * sigma(g), where imp is +1 when the two values fit,
 *               -1 when they conflict and 0 when they differ only over time
 *   c(f)      = 1 / (1 + exp(-gamma * sigma*(f)))
 *   t(s)      = the mean of c(f) over the facts s supports
 * starting from t = trust_initial, until no trust moves by more than 1e-6 or
 * after trust_iterations rounds. Defaults (0.9, gamma 0.3, rho 0.5) are the
 * ones Yin, Han and Yu published for TruthFinder (KDD 2007). */
#include "agreement.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

typedef struct implication {
    uint32_t from, to; /* facts */
    int sign;
} implication_t;

int ag_trust(const kg_graph_t *g, const ag_options_t *o, ag_result_t *r)
{
    size_t n_st = kg_graph_stmt_count(g), n_facts = 0, n_imp = 0, cap_imp = 0;
    uint32_t *fact_of_stmt = malloc((n_st ? n_st : 1) * sizeof *fact_of_stmt);
    uint32_t *fact_of_report = malloc((r->n_reports ? r->n_reports : 1) * sizeof *fact_of_report);
    uint32_t *src_of_report = malloc((r->n_reports ? r->n_reports : 1) * sizeof *src_of_report);
    double *trust = malloc((r->n_sources ? r->n_sources : 1) * sizeof *trust);
    double *sum = malloc((r->n_sources ? r->n_sources : 1) * sizeof *sum);
    double *sigma = NULL, *sigma_star = NULL, *conf = NULL;
    implication_t *imp = NULL;
    signed char *matrix = NULL;
    size_t cap_matrix = 0;
    int rc = -1;
    if (!fact_of_stmt || !fact_of_report || !src_of_report || !trust || !sum)
        goto done;
    memset(fact_of_stmt, 0xff, (n_st ? n_st : 1) * sizeof *fact_of_stmt);

    /* facts and their slot-mates' implications */
    for (size_t s = 0; s < r->n_slots; s++) {
        const ag_slot_t *sl = &r->slots[s];
        uint32_t first_fact = (uint32_t)n_facts;
        for (uint32_t i = 0; i < sl->count; i++) {
            const ag_report_t *rep = &r->reports[sl->first + i];
            if (fact_of_stmt[rep->stmt] == KG_NONE)
                fact_of_stmt[rep->stmt] = (uint32_t)n_facts++;
            fact_of_report[sl->first + i] = fact_of_stmt[rep->stmt];
        }
        size_t k = n_facts - first_fact;
        if (k < 2)
            continue;
        if (k * k > cap_matrix) {
            signed char *m = realloc(matrix, k * k);
            if (!m)
                goto done;
            matrix = m;
            cap_matrix = k * k;
        }
        memset(matrix, 1, k * k);
        for (uint32_t c = 0; c < sl->n_clash; c++) {
            const ag_clash_t *cl = &r->clashes[sl->clash_first + c];
            size_t a = fact_of_report[cl->a] - first_fact, b = fact_of_report[cl->b] - first_fact;
            /* a conflict opposes; a change, or a clash the dates cannot settle, neither supports nor opposes */
            signed char v = ag_why_status(cl->why) != AG_CONFLICT ? (matrix[a * k + b] < 0 ? -1 : 0) : -1;
            matrix[a * k + b] = matrix[b * k + a] = v;
        }
        for (size_t a = 0; a < k; a++)
            for (size_t b = 0; b < k; b++) {
                if (a == b || !matrix[a * k + b])
                    continue;
                if (n_imp == cap_imp) {
                    size_t cap = cap_imp ? cap_imp * 2 : 256;
                    implication_t *x = realloc(imp, cap * sizeof *x);
                    if (!x)
                        goto done;
                    imp = x;
                    cap_imp = cap;
                }
                imp[n_imp].from = (uint32_t)(first_fact + b);
                imp[n_imp].to = (uint32_t)(first_fact + a);
                imp[n_imp].sign = matrix[a * k + b];
                n_imp++;
            }
    }
    sigma = malloc((n_facts ? n_facts : 1) * sizeof *sigma);
    sigma_star = malloc((n_facts ? n_facts : 1) * sizeof *sigma_star);
    conf = malloc((n_facts ? n_facts : 1) * sizeof *conf);
    if (!sigma || !sigma_star || !conf)
        goto done;

    /* source index of each report: sources[] is sorted by id, reports name entities */
    for (size_t i = 0; i < r->n_reports; i++) {
        size_t lo = 0, hi = r->n_sources;
        kg_entity_t e = r->reports[i].source;
        const char *id = kg_entity_id(g, e);
        while (lo < hi) { /* binary search by id, the order of sources[] */
            size_t mid = (lo + hi) / 2;
            int c = strcmp(kg_entity_id(g, r->sources[mid].source), id);
            if (c < 0)
                lo = mid + 1;
            else
                hi = mid;
        }
        src_of_report[i] = (uint32_t)lo;
    }

    for (size_t s = 0; s < r->n_sources; s++)
        trust[s] = o->trust_initial;
    int it;
    for (it = 1; it <= o->trust_iterations; it++) {
        memset(sigma, 0, n_facts * sizeof *sigma);
        for (size_t i = 0; i < r->n_reports; i++) {
            double t = trust[src_of_report[i]];
            if (t > 0.999999)
                t = 0.999999;
            sigma[fact_of_report[i]] += -log(1.0 - t);
        }
        memcpy(sigma_star, sigma, n_facts * sizeof *sigma);
        for (size_t i = 0; i < n_imp; i++)
            sigma_star[imp[i].to] += o->trust_rho * imp[i].sign * sigma[imp[i].from];
        for (size_t f = 0; f < n_facts; f++)
            conf[f] = 1.0 / (1.0 + exp(-o->trust_gamma * sigma_star[f]));
        memset(sum, 0, r->n_sources * sizeof *sum);
        for (size_t i = 0; i < r->n_reports; i++)
            sum[src_of_report[i]] += conf[fact_of_report[i]];
        double moved = 0;
        for (size_t s = 0; s < r->n_sources; s++) {
            if (!r->sources[s].reports)
                continue;
            double t = sum[s] / r->sources[s].reports;
            if (fabs(t - trust[s]) > moved)
                moved = fabs(t - trust[s]);
            trust[s] = t;
        }
        if (moved < 1e-6)
            break;
    }
    r->trust_iterations = it > o->trust_iterations ? o->trust_iterations : it;
    for (size_t s = 0; s < r->n_sources; s++)
        r->sources[s].trust = r->sources[s].reports ? trust[s] : NAN;
    for (size_t i = 0; i < r->n_reports; i++)
        r->reports[i].confidence = conf[fact_of_report[i]];
    r->trust_computed = 1;
    rc = 0;
done:
    free(fact_of_stmt);
    free(fact_of_report);
    free(src_of_report);
    free(trust);
    free(sum);
    free(sigma);
    free(sigma_star);
    free(conf);
    free(imp);
    free(matrix);
    return rc;
}
