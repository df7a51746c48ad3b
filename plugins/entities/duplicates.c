/* duplicates.c - the "duplicates" analysis: candidate pairs of entities that may be one, found by blocking on the words of their names' consonants (each block compared within itself, so that the cost grows with the entities, not their square), scored with their reasons, and reported as pairs (JSON) or clusters (text). */
#include "entities.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

const kg_param_t en_duplicates_params[] = {
    {"threshold", "float", "0.4", "pairs scoring below this are left out (the review threshold)"},
    {"same", "float", "0.9", "pairs scoring this or more are suggested \"same\"; the others \"unsure\""},
    {"max_block", "int", "30", "entities sharing one name word that are compared pair by pair; a larger block is "
                                "compared by pairs of words, and each entity in it with its window= nearest in name order"},
    {"window", "int", "10", "in a block larger than max_block, how many neighbours in name order each entity is compared with"},
    {"limit", "int", "30", "clusters listed in the text report (0: all)"},
    {"judgements", "file", NULL, "a judgements file: the pairs it judges (same, different or unsure) are left out"},
    {NULL, NULL, NULL, NULL}};

typedef struct member {
    uint64_t key;
    uint32_t entity;
} member_t;

static uint64_t hash(const char *s, size_t n, uint64_t h)
{
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 1099511628211ull;
    return h;
}

static int cmp_member(const void *x, const void *y)
{
    const member_t *a = x, *b = y;
    if (a->key != b->key)
        return a->key < b->key ? -1 : 1;
    return a->entity < b->entity ? -1 : a->entity > b->entity;
}

static int cmp_u64(const void *x, const void *y)
{
    uint64_t a = *(const uint64_t *)x, b = *(const uint64_t *)y;
    return a < b ? -1 : a > b;
}

/* A candidate as kept: its reasons are found again when it is written (en_score is deterministic). */
typedef struct cand {
    kg_entity_t a, b;
    double score;
} cand_t;

typedef struct job {
    kg_graph_t *g;
    en_names_t names;
    member_t *members;
    size_t n_members, cap_members;
    uint64_t *pairs;
    size_t n_pairs, cap_pairs;
    size_t blocks, too_common, judged;
    char too_common_words[200];
} job_t;

static int add_member(job_t *j, uint64_t key, size_t e)
{
    if (kg_array_reserve((void **)&j->members, &j->cap_members, j->n_members + 1, sizeof *j->members))
        return -1;
    j->members[j->n_members++] = (member_t){key, (uint32_t)e};
    return 0;
}

/* Every entity under each word of its names' consonants, and, for names of two words or more, each pair of
 * words (the smaller blocks that stand in for a word too common to compare pair by pair). */
static int index_names(job_t *j)
{
    for (size_t e = 0; e < j->names.n_entities; e++)
        for (size_t x = j->names.start[e]; x < j->names.start[e + 1]; x++) {
            const char *s = j->names.names[x].consonants, *w[16];
            size_t len[16], n = 0;
            for (const char *p = s; *p && n < 16;) {
                while (*p == ' ')
                    p++;
                const char *start = p;
                while (*p && *p != ' ')
                    p++;
                if (p - start >= 2) { /* an initial is no block */
                    w[n] = start;
                    len[n++] = (size_t)(p - start);
                }
            }
            for (size_t a = 0; a < n; a++) {
                if (add_member(j, hash(w[a], len[a], 14695981039346656037ull) << 1, e))
                    return -1;
                for (size_t b = a + 1; b < n; b++) {
                    int lt = len[a] != len[b] ? len[a] < len[b] : memcmp(w[a], w[b], len[a]) < 0;
                    size_t p = lt ? a : b, q = lt ? b : a;
                    uint64_t h = hash(w[q], len[q], hash("|", 1, hash(w[p], len[p], 14695981039346656037ull)));
                    if (add_member(j, h << 1 | 1, e))
                        return -1;
                }
            }
        }
    return 0;
}

static const en_names_t *sort_names; /* for cmp_by_name (qsort has no context) */

/* Entities in the order of their first name's consonants. */
static int cmp_by_name(const void *x, const void *y)
{
    uint32_t a = ((const member_t *)x)->entity, b = ((const member_t *)y)->entity;
    const en_names_t *n = sort_names;
    const char *ka = n->start[a] < n->start[a + 1] ? n->names[n->start[a]].consonants : "",
               *kb = n->start[b] < n->start[b + 1] ? n->names[n->start[b]].consonants : "";
    int c = strcmp(ka, kb);
    return c ? c : (a < b ? -1 : a > b);
}

static int add_pair(job_t *j, uint64_t x, uint64_t y)
{
    if (kg_array_reserve((void **)&j->pairs, &j->cap_pairs, j->n_pairs + 1, sizeof *j->pairs))
        return -1;
    j->pairs[j->n_pairs++] = x < y ? x << 32 | y : y << 32 | x;
    return 0;
}

static int collect_pairs(job_t *j, long max_block, long window)
{
    if (j->n_members)
        qsort(j->members, j->n_members, sizeof *j->members, cmp_member);
    size_t i = 0;
    while (i < j->n_members) {
        size_t k = i, n = 0;
        while (k < j->n_members && j->members[k].key == j->members[i].key)
            k++;
        /* distinct entities of the block, in place */
        for (size_t x = i; x < k; x++)
            if (x == i || j->members[x].entity != j->members[x - 1].entity)
                j->members[i + n++].entity = j->members[x].entity;
        if (n >= 2) {
            j->blocks++;
            if ((long)n > max_block) { /* sorted neighbourhood: each with its nearest in name order */
                if (!(j->members[i].key & 1) && j->too_common++ < 3) { /* say which word */
                    const en_names_t *nm = &j->names;
                    uint32_t e = j->members[i].entity;
                    size_t used = strlen(j->too_common_words);
                    snprintf(j->too_common_words + used, sizeof j->too_common_words - used, "%s%s (%zu)",
                             used ? ", " : "", nm->start[e] < nm->start[e + 1] ? nm->names[nm->start[e]].key : "?", n);
                }
                sort_names = &j->names;
                qsort(j->members + i, n, sizeof *j->members, cmp_by_name);
                for (size_t a = 0; a < n; a++)
                    for (size_t b = a + 1; b < n && b <= a + (size_t)window; b++)
                        if (add_pair(j, j->members[i + a].entity, j->members[i + b].entity))
                            return -1;
            } else {
                for (size_t a = 0; a < n; a++)
                    for (size_t b = a + 1; b < n; b++)
                        if (add_pair(j, j->members[i + a].entity, j->members[i + b].entity))
                            return -1;
            }
        }
        i = k;
    }
    if (j->n_pairs)
        qsort(j->pairs, j->n_pairs, sizeof *j->pairs, cmp_u64);
    size_t m = 0;
    for (size_t x = 0; x < j->n_pairs; x++)
        if (!m || j->pairs[m - 1] != j->pairs[x])
            j->pairs[m++] = j->pairs[x];
    j->n_pairs = m;
    return 0;
}

static int cmp_score(const void *x, const void *y)
{
    const cand_t *a = x, *b = y;
    if (a->score != b->score)
        return a->score > b->score ? -1 : 1;
    return a->a != b->a ? (a->a < b->a ? -1 : 1) : (a->b < b->b ? -1 : a->b > b->b);
}

static json_t *pair_json(const kg_graph_t *g, const en_pair_t *p, double same)
{
    json_t *reasons = json_array();
    for (size_t i = 0; i < p->n_reasons; i++)
        json_array_append_new(reasons, json_pack("{s:s,s:f,s:s}", "evidence", p->reasons[i].evidence, "weight",
                                                 round(p->reasons[i].weight * 100) / 100, "detail",
                                                 p->reasons[i].detail));
    return json_pack("{s:s,s:s,s:s,s:s,s:f,s:s,s:o}", "a", kg_entity_id(g, p->a), "b", kg_entity_id(g, p->b),
                     "a_name", kg_entity_name(g, p->a), "b_name", kg_entity_name(g, p->b), "score",
                     round(p->score * 1000) / 1000, "suggested", p->score >= same ? "same" : "unsure", "reasons",
                     reasons);
}

/* clusters: union-find over the candidates */
static size_t find(size_t *up, size_t x)
{
    while (up[x] != x)
        x = up[x] = up[up[x]];
    return x;
}

static void text_report(const kg_graph_t *g, const job_t *j, const cand_t *c, size_t n, double same, long limit,
                        FILE *out)
{
    size_t n_same = 0;
    for (size_t i = 0; i < n; i++)
        n_same += c[i].score >= same;
    fprintf(out, "Duplicates: %zu candidate pair%s among %zu entities (%zu suggested same, %zu unsure)\n", n,
            n == 1 ? "" : "s", j->names.n_named, n_same, n - n_same);
    fprintf(out, "  %zu pairs compared in %zu blocks of shared name words", j->n_pairs - j->judged, j->blocks);
    if (j->judged)
        fprintf(out, "; %zu already judged", j->judged);
    if (j->too_common)
        fprintf(out, "; %zu word%s too common to compare every pair, each compared with its nearest in name order: %s",
                j->too_common, j->too_common == 1 ? "" : "s", j->too_common_words);
    fputs("\n", out);
    if (!n) {
        fputs("\n  No two entities look like one.\n", out);
        return;
    }
    size_t ne = kg_graph_entity_count(g), *up = malloc((ne + 1) * sizeof *up), *first = malloc((ne + 1) * sizeof *first);
    if (!up || !first) {
        free(up);
        free(first);
        return;
    }
    for (size_t e = 0; e < ne; e++)
        up[e] = e;
    for (size_t i = 0; i < n; i++)
        up[find(up, c[i].a)] = find(up, c[i].b);
    /* clusters in the order of their best pair (the pairs are sorted by score) */
    for (size_t e = 0; e < ne; e++)
        first[e] = (size_t)-1;
    size_t shown = 0;
    for (size_t i = 0; i < n; i++) {
        size_t root = find(up, c[i].a);
        if (first[root] != (size_t)-1)
            continue;
        first[root] = i;
        if (limit && shown >= (size_t)limit)
            continue;
        shown++;
        fprintf(out, "\n%2zu. ", shown);
        int lead = 1;
        for (size_t e = 0; e < ne; e++) /* the members */
            if (up[e] == e ? e == root : find(up, e) == root) {
                int in = 0;
                for (size_t k = i; k < n && !in; k++)
                    in = c[k].a == e || c[k].b == e;
                if (!in)
                    continue;
                fprintf(out, "%s%s (%s, %s)", lead ? "" : " ~ ", kg_entity_name(g, (kg_entity_t)e),
                        kg_entity_id(g, (kg_entity_t)e), kg_entity_kind(g, (kg_entity_t)e));
                lead = 0;
            }
        fputs("\n", out);
        for (size_t k = i; k < n; k++) {
            if (find(up, c[k].a) != root)
                continue;
            fprintf(out, "    %.2f %-6s %s ~ %s\n", c[k].score, c[k].score >= same ? "same" : "unsure",
                    kg_entity_id(g, c[k].a), kg_entity_id(g, c[k].b));
            en_pair_t p;
            en_score(g, &j->names, c[k].a, c[k].b, 1, &p);
            for (size_t r = 0; r < p.n_reasons; r++)
                fprintf(out, "           %+5.1f %s: %s\n", p.reasons[r].weight, p.reasons[r].evidence,
                        p.reasons[r].detail);
        }
    }
    size_t clusters = 0;
    for (size_t e = 0; e < ne; e++)
        clusters += first[e] != (size_t)-1;
    if (shown < clusters)
        fprintf(out, "\n   ... and %zu more clusters (-p limit=0 lists all; --format json gives every pair)\n",
                clusters - shown);
    fputs("\nJudge them with kgkit review, or write judgements by hand (docs/entities.md).\n", out);
    free(up);
    free(first);
}

int en_duplicates_run(kg_graph_t *g, const kg_opts_t *opts, kg_format_t format, FILE *out, kg_error_t *err)
{
    double threshold, same;
    long max_block, limit, window;
    int rc;
    const char *judged_path;
    if ((rc = kg_param_string(opts, en_duplicates_params, "judgements", &judged_path, err)) ||
        (rc = kg_param_double(opts, en_duplicates_params, "threshold", &threshold, err)) ||
        (rc = kg_param_double(opts, en_duplicates_params, "same", &same, err)) ||
        (rc = kg_param_int(opts, en_duplicates_params, "max_block", &max_block, err)) ||
        (rc = kg_param_int(opts, en_duplicates_params, "limit", &limit, err)) ||
        (rc = kg_param_int(opts, en_duplicates_params, "window", &window, err)))
        return rc;
    if (threshold < 0 || threshold > 1 || same < threshold || same > 1)
        return kg_error_set(err, KG_EUSAGE, NULL, 0, 0, "duplicates: 0 <= threshold <= same <= 1, not %g and %g",
                            threshold, same);
    if (max_block < 2 || limit < 0 || window < 1)
        return kg_error_set(err, KG_EUSAGE, NULL, 0, 0,
                            "duplicates: max_block must be 2 or more, window 1 or more, limit 0 or more");
    kg_judgements_t *judged = NULL;
    if (judged_path && (rc = kg_judgements_load(judged_path, 1, &judged, NULL, NULL, err)))
        return rc;
    job_t j;
    memset(&j, 0, sizeof j);
    j.g = g;
    cand_t *cands = NULL;
    size_t n_cands = 0, cap_cands = 0;
    if ((rc = en_names_build(g, &j.names, opts, err)))
        return rc;
    if (j.names.other_scripts && kg_name_keys_problem())
        kg_graph_warn(g, NULL, 0, 0, "duplicates: %s", kg_name_keys_problem());
    if (index_names(&j) || collect_pairs(&j, max_block, window))
        rc = kg_error_set(err, KG_ENOMEM, NULL, 0, 0, "out of memory");
    for (size_t i = 0; i < j.n_pairs && !rc; i++) {
        en_pair_t p;
        kg_entity_t a = (kg_entity_t)(j.pairs[i] >> 32), b = (kg_entity_t)(j.pairs[i] & 0xffffffffu);
        if (judged && kg_judgements_find(judged, kg_entity_id(g, a), kg_entity_id(g, b))) {
            j.judged++;
            continue;
        }
        if (en_score(g, &j.names, a, b, 0, &p) || p.score < threshold)
            continue;
        if (kg_array_reserve((void **)&cands, &cap_cands, n_cands + 1, sizeof *cands))
            rc = kg_error_set(err, KG_ENOMEM, NULL, 0, 0, "out of memory");
        else
            cands[n_cands++] = (cand_t){a, b, p.score};
        if ((i & 0x3fff) == 0)
            kg_progress(opts, "scoring candidate pairs", i, j.n_pairs);
    }
    if (!rc) {
        if (n_cands)
            qsort(cands, n_cands, sizeof *cands, cmp_score);
        if (format == KG_FORMAT_JSON) { /* streamed: one candidate at a time */
            fputs("{\"candidates\": [", out);
            for (size_t i = 0; i < n_cands && !rc; i++) {
                en_pair_t p;
                en_score(g, &j.names, cands[i].a, cands[i].b, 1, &p);
                json_t *c = pair_json(g, &p, same);
                fputs(i ? ",\n " : "\n ", out);
                if (!c || kg_json_dumpf(c, out, JSON_COMPACT))
                    rc = kg_error_set(err, c ? KG_EIO : KG_ENOMEM, NULL, 0, 0, c ? "cannot write the report" : "out of memory");
                json_decref(c);
            }
            json_t *tail = json_pack("{s:I,s:I,s:I,s:I,s:I}", "entities", (json_int_t)j.names.n_named, "blocks",
                                     (json_int_t)j.blocks, "pairs_compared", (json_int_t)(j.n_pairs - j.judged),
                                     "words_too_common", (json_int_t)j.too_common, "already_judged", (json_int_t)j.judged);
            if (!rc) {
                fprintf(out, "\n], \"threshold\": %g, \"same\": %g, \"totals\": ", threshold, same);
                if (!tail || kg_json_dumpf(tail, out, JSON_COMPACT) || fputs("}\n", out) == EOF)
                    rc = kg_error_set(err, tail ? KG_EIO : KG_ENOMEM, NULL, 0, 0, tail ? "cannot write the report" : "out of memory");
            }
            json_decref(tail);
        } else {
            text_report(g, &j, cands, n_cands, same, limit, out);
        }
    }
    free(cands);
    kg_judgements_free(judged);
    free(j.members);
    free(j.pairs);
    en_names_free(&j.names);
    return rc;
}
