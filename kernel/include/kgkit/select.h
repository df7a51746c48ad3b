/* kgkit/select.h - selections: the part of a graph to export (by kind, predicate, source, date range, neighbourhood). */
#ifndef KGKIT_SELECT_H
#define KGKIT_SELECT_H

#include "common.h"
#include "error.h"
#include "graph.h"
#include "plugin.h"

#ifdef __cplusplus
extern "C" {
#endif

/* What to keep. Every field narrows the graph; unset fields (NULL / 0) keep
 * everything. The host applies a selection before any exporter runs, so
 * every exporter, bundled or not, honours the same parameters. */
typedef struct kg_select {
    const char *const *kinds;       /* entity kinds to keep */
    size_t n_kinds;
    const char *const *predicates;  /* statements with these predicates */
    size_t n_predicates;
    const char *const *sources;     /* statements these sources cite, with only their citations */
    size_t n_sources;
    const char *from, *to;          /* ISO 8601 (partial) dates bounding the statements' dates */
    int drop_undated;               /* with from/to: drop statements that have no date at all */
    const char *around;             /* an entity id or alias: keep its neighbourhood */
    int depth;                      /* relation hops around it (default 1) */
    int drop_isolated;              /* drop entities left without any relation */
} kg_select_t;

/* Initialises s to "keep everything" (depth 1). */
KG_API void kg_select_init(kg_select_t *s);

/* The parameters a selection reads from options, for checking and --help:
 * kinds, predicates, sources (comma-separated lists), from, to,
 * undated (keep|drop), around, depth, isolated (keep|drop). A
 * NULL-name-terminated static table. */
KG_API const kg_param_t *kg_select_params(void);

/* Fills s from opts. Strings point into opts (valid while it lives); the
 * lists are allocated: free them with kg_select_clear. *given is set to 1
 * when opts hold any selection parameter. Returns KG_OK, or KG_EUSAGE naming
 * a parameter that does not parse. */
KG_API int kg_select_from_opts(kg_select_t *s, const kg_opts_t *opts, int *given, kg_error_t *err);
KG_API void kg_select_clear(kg_select_t *s);

/* Builds into *out a new graph holding the selected part of g:
 *  1. entities of the kinds (all, when no kinds are given);
 *  2. statements whose subject (and object) are kept, whose predicate is
 *     listed, that a listed source cites (other citations dropped), and
 *     whose date overlaps from..to (a statement's date is its as_of, else
 *     the publication dates of the sources citing it; undated statements are
 *     kept unless drop_undated);
 *  3. around: the entities within depth relation hops of that entity (in
 *     either direction, over the statements kept so far);
 *  4. drop_isolated: entities without a kept relation go, with their claims.
 * Sources cited by kept statements, and entities kept statements are
 * according_to, come along so that every statement keeps its meaning.
 * Predicate declarations and attributes are copied. Errors: KG_ENOTFOUND /
 * KG_ECONFLICT for an around that names no entity / several, KG_EUSAGE for
 * a bad date, KG_ENOMEM. */
KG_API int kg_graph_select(const kg_graph_t *g, const kg_select_t *s, kg_graph_t **out, kg_error_t *err);

#ifdef __cplusplus
}
#endif
#endif
