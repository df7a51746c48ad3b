/* counts.c - the counts an article gives, read as one: a count repeated (the headline, then the body) shares what
 * one of its mentions says of its date, its origin and its qualifier. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "text_plugin.h"

/* Whether two found counts are one count: the same measure and the same amount (a vague quantity is never one
 * with another, and the qualifier may differ: "at least three people" in the headline, "three people" in the
 * body). */
static int same_count(const gazetteer_t *gz, const tx_count_t *a, const tx_count_t *b)
{
    return !isnan(a->amount) && a->amount == b->amount &&
           !strcmp(gz->claims[a->claim].predicate, gz->claims[b->claim].predicate);
}

/* Whether span a lies inside span b (or is it). */
static int inside(const kg_when_t *a, const kg_when_t *b)
{
    return a->first >= b->first && a->last <= b->last;
}

/* Whether two mentions are now of one time: both undated (the article's), or dated the same. */
static int same_time(const tx_count_t *a, const tx_count_t *b)
{
    return a->dated == b->dated && (!a->dated || !strcmp(a->when, b->when));
}

void tx_counts_share(tx_count_t *counts, size_t n, const gazetteer_t *gz, const char *published)
{
    /* the dates as the clauses give them, so that what is shared does not depend on the order of the counts */
    kg_when_t *span = calloc(n ? n : 1, sizeof *span);
    unsigned char *own = calloc(n ? n : 1, 1);
    if (!span || !own) { /* nothing shared: each count keeps what its own clause gives */
        free(span);
        free(own);
        return;
    }
    for (size_t i = 0; i < n; i++)
        own[i] = counts[i].dated && kg_when_parse(counts[i].when, &span[i], NULL) == KG_OK;
    for (size_t i = 0; i < n; i++) {
        tx_count_t *c = &counts[i];
        /* the narrowest date the other mentions give, if they agree (each inside the other, or the same): for a
         * mention its clause does not date, of those before it ("In September 2025, … released 52 prisoners …
         * The release of 52 prisoners was not the first") or of the article's news ("Belarus releases 3 people",
         * then "… U.S. officials said Wednesday") */
        size_t narrow = (size_t)-1;
        int agree = 1;
        for (size_t j = 0; j < n && agree; j++) {
            if (j == i || !own[j] || !same_count(gz, c, &counts[j]))
                continue;
            /* "On August 16, Lukashenko also pardoned 30" in an article of 4 September is another round than its
             * "pardoned 30 people" before it */
            if (!own[i] && counts[j].sentence > c->sentence && !tx_news_day(published, &span[j]))
                continue;
            if (own[i] && !inside(&span[j], &span[i]))
                continue; /* a dated mention takes only a narrower date inside its own */
            if (narrow == (size_t)-1 || inside(&span[j], &span[narrow]))
                narrow = j;
            else if (!inside(&span[narrow], &span[j]))
                agree = 0; /* neither inside the other: two times, two counts */
        }
        if (narrow != (size_t)-1 && agree) {
            c->dated = 1;
            memcpy(c->when, counts[narrow].when, sizeof c->when);
        }
    }
    /* then the origin, among the mentions now of one time: the one they name, if they name one */
    for (size_t i = 0; i < n; i++) {
        tx_count_t *c = &counts[i];
        const char *origin = NULL;
        int agree = 1;
        for (size_t j = 0; j < n && agree && !c->according_to; j++) {
            const tx_count_t *d = &counts[j];
            if (j == i || !d->according_to || !same_count(gz, c, d) || !same_time(c, d))
                continue;
            if (origin && strcmp(origin, d->according_to))
                agree = 0;
            origin = d->according_to;
        }
        if (!c->according_to && origin && agree)
            c->according_to = origin;
    }
    /* and the qualifier: a mention that gives none repeats the one that does ("Lukashenko frees another 37 …,
     * with around 1,300 remaining behind bars" in the standfirst, "another 1,300 remain in prison" in the
     * headline: about 1,300); writers drop "about" when they repeat a figure, they do not add one */
    for (size_t i = 0; i < n; i++) {
        tx_count_t *c = &counts[i];
        if (c->qualifier != KG_Q_EXACT)
            continue;
        int found = 0, agree = 1;
        kg_qualifier_t q = KG_Q_EXACT;
        for (size_t j = 0; j < n && agree; j++) {
            const tx_count_t *d = &counts[j];
            if (j == i || d->qualifier == KG_Q_EXACT || !same_count(gz, c, d) || !same_time(c, d))
                continue;
            if (found && d->qualifier != q)
                agree = 0;
            q = d->qualifier;
            found = 1;
        }
        if (found && agree)
            c->qualifier = q;
    }
    free(span);
    free(own);
}
