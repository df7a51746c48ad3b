/* trust.c - the agreement analysis's optional trust scores: the resolve analysis's source accuracies and each report's probability of being right.
 *
 * With trust=true, every source gets the accuracy the resolve model learns
 * over the graph's functional slots (docs/resolve.md: votes weighted by
 * accuracy, contested questions only, origins and copies counted once, dates
 * kept apart), and every report of a functional slot the probability that
 * its value is the right one at its date. Reports of multi-valued slots, and
 * sources with none in a functional slot, have none (NAN). */
#include "agreement.h"

#include <math.h>

int ag_trust(kg_graph_t *g, const ag_options_t *o, ag_result_t *r)
{
    rs_options_t ro;
    rs_result_t rr;
    kg_error_t err;
    (void)o;
    rs_options_init(&ro);
    ro.annotate = 0;
    if (rs_learn(g, r, &ro, NULL, &rr, &err))
        return -1;
    for (size_t s = 0; s < r->n_sources; s++)
        r->sources[s].trust = rr.claims[s] ? rr.accuracy[s] : NAN;
    for (size_t i = 0; i < r->n_reports; i++)
        r->reports[i].confidence = rr.report_p[i];
    r->trust_iterations = rr.iterations;
    r->trust_computed = 1;
    rs_result_free(&rr);
    return 0;
}
