/* kgkit/judge.h - people's judgements of which entities are one (a JSON Lines file kept under version control, as OpenSanctions' nomenklatura keeps its resolver's), and merging a graph by them. docs/entities.md. */
#ifndef KGKIT_JUDGE_H
#define KGKIT_JUDGE_H

#include "common.h"
#include "error.h"
#include "graph.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum kg_judged { KG_JUDGED_NONE = 0, KG_JUDGED_SAME, KG_JUDGED_DIFFERENT, KG_JUDGED_UNSURE } kg_judged_t;

/* One line of the file: {"a": ID, "b": ID, "judgement": "same" | "different" | "unsure", "by", "at", "why"}.
 * Strings borrowed from the set. */
typedef struct kg_judgement {
    const char *a, *b;
    kg_judged_t judged;
    const char *by, *at, *why; /* who, when (ISO 8601), why: NULL when not said */
    int line;                  /* in the file read */
} kg_judgement_t;

typedef struct kg_judgements kg_judgements_t;

/* "same", "different", "unsure". */
KG_API const char *kg_judged_name(kg_judged_t j);

/* Reads a judgements file. A missing file is an empty set when missing_ok (a review starts one). Errors
 * (KG_EINPUT) name the file, line and column: a line that is not a JSON object, a missing or misspelt field,
 * a judgement that is not same / different / unsure, an entity judged against itself. A member the format does
 * not have is kept out and said in one warning (warn may be NULL). */
KG_API int kg_judgements_load(const char *path, int missing_ok, kg_judgements_t **out, kg_warn_fn warn,
                              void *warn_data, kg_error_t *err);
KG_API void kg_judgements_free(kg_judgements_t *j);
KG_API size_t kg_judgements_count(const kg_judgements_t *j);
KG_API const kg_judgement_t *kg_judgements_get(const kg_judgements_t *j, size_t i);
/* The last judgement of the pair (either order), or NULL. O(1). */
KG_API const kg_judgement_t *kg_judgements_find(const kg_judgements_t *j, const char *a, const char *b);

/* Appends one judgement to the file (created when missing) as one line, flushed to disk before returning, so
 * that a closed terminal loses nothing already judged. Returns KG_OK or KG_EIO. */
KG_API int kg_judgements_append(const char *path, const kg_judgement_t *j, kg_error_t *err);

/* Builds into *out the graph merged by the judgements (the last one of a pair counts):
 *  - "same" is transitive: each cluster of entities is one entity, under a canonical id: the member that the
 *    most statements name (as subject, object or according_to), the first in the graph on a tie;
 *  - the other members' ids, labels and aliases become its aliases, their attributes merge into its own (a
 *    clash is reported as when two files give one entity), and the attribute "merged_from" lists their ids;
 *  - every statement and citation moves over; statements that become identical unite their sources;
 *  - a "different" judgement of two entities that "same" judgements join is an error naming the chain
 *    (KG_ECONFLICT); kinds that cannot be one (a person and a group) are an error naming the judgement;
 *  - a judgement naming an id the graph lacks is skipped with a warning on g's handler (graphs change).
 * *merged (when not NULL) gets the number of entities merged into others. g is not changed: removing a
 * judgement and merging again undoes it. */
KG_API int kg_graph_apply_judgements(const kg_graph_t *g, const kg_judgements_t *j, kg_graph_t **out,
                                     size_t *merged, kg_error_t *err);

#ifdef __cplusplus
}
#endif
#endif
