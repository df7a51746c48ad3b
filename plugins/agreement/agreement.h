/* agreement.h - the source agreement analysis inside the plugin: value intervals, report dates, slots, verdicts.
 *
 * The analysis turns every (statement, cited source) pair into a report,
 * groups reports into slots (subject + predicate for functional predicates,
 * subject + predicate + object/value for multi-valued ones), compares the
 * reports of a slot pairwise, and derives each slot's status and each
 * source's agreement with the others. interval.c holds the comparison rules,
 * slots.c the grouping and verdicts, trust.c the optional trust scores (the
 * resolve analysis's source accuracies, resolve.c),
 * explain.c the words,
 * report_text.c / report_json.c the two outputs. The rules are documented in
 * docs/agreement.md. */
#ifndef KG_AGREEMENT_H
#define KG_AGREEMENT_H

#include <kgkit/kgkit.h>

/* ------------------------------------------------------------- intervals */

/* A set of reals: lo..hi, each end open or closed; infinite ends are open. */
typedef struct ag_interval {
    double lo, hi;
    int lo_open, hi_open;
} ag_interval_t;

/* The interval a number claim names: exact a is [a, a]; about a is a widened
 * by the relative tolerance on both sides; at_least [a, inf); more_than
 * (a, inf); at_most (-inf, a]; fewer_than (-inf, a). Explicit lower / upper
 * bounds replace the end they give (closed). */
void ag_number_interval(const kg_value_t *v, double tolerance, ag_interval_t *out);

/* 1 when the two intervals share at least one point. */
int ag_intervals_meet(const ag_interval_t *a, const ag_interval_t *b);

/* How two values of one slot relate. */
typedef enum ag_compat {
    AG_COMPATIBLE = 0,   /* both can be true at once */
    AG_INCOMPATIBLE,     /* they cannot */
    AG_INCOMPARABLE      /* numbers in different units: a person must look */
} ag_compat_t;

/* What the comparison of two values needs to know about their predicate. */
typedef struct ag_pred_info {
    const char *name;
    int functional;
    int cumulative;
    double tolerance;     /* relative, >= 0 */
    const char *unit;     /* the declared unit, or NULL */
    kg_pred_kind_t kind;
} ag_pred_info_t;

/* Compares two claim values (numbers: intervals and units; texts: after
 * normalisation; dates: the day spans they name). */
ag_compat_t ag_values_compare(const kg_value_t *a, const kg_value_t *b, const ag_pred_info_t *p);

/* Texts compare after normalisation: leading/trailing space and a final
 * full stop dropped, inner runs of white space made one space, ASCII letters
 * folded to lower case. Returns 0 when equal. */
int ag_text_compare(const char *a, const char *b);

/* ----------------------------------------------------------------- dates */

typedef enum ag_dated_by {
    AG_DATED_NONE = 0,    /* no date: the report can be ordered against nothing */
    AG_DATED_STATEMENT,   /* the statement's as_of */
    AG_DATED_SOURCE       /* the citing source's publication date */
} ag_dated_by_t;

/* A report's time: the closed interval of days its date or interval names
 * (kg_when_t: an open end is KG_DAY_OPEN_START / KG_DAY_OPEN_END). */
typedef struct ag_time {
    ag_dated_by_t by;
    const char *text;     /* the date as written, NULL when by is NONE */
    int64_t first, last;
} ag_time_t;

/* Fills t from a date or interval (kg_when_parse). Returns 0, or -1 when it
 * does not parse (t is then undated). */
int ag_time_from(const char *date, ag_dated_by_t by, ag_time_t *t);

/* -1 when a lies wholly before b, 1 when wholly after, 0 when the two
 * overlap or either is undated (they cannot be ordered). */
int ag_time_order(const ag_time_t *a, const ag_time_t *b);

/* 1 when two reports' dates place them at the same time: the same span, and
 * either both are the statements' own as_of (the figure for that period) or
 * the span is at most a month (a source published in 2024 and another one
 * published in 2024 may be eleven months apart). */
int ag_time_same(const ag_time_t *a, const ag_time_t *b);

/* 1 when two times are the same date as a series groups them: both undated,
 * or both dated with the same span. */
int ag_time_same_date(const ag_time_t *a, const ag_time_t *b);

/* ------------------------------------------------------------- verdicts */

typedef enum ag_status {
    AG_SINGLE = 0,   /* all compatible, one independent origin */
    AG_AGREED,       /* all compatible, two or more origins */
    AG_CHANGED,      /* incompatible only across dates that order them */
    AG_UNDETERMINED, /* incompatible where the dates cannot order them (or units differ): change or contradiction? */
    AG_CONFLICT      /* incompatible at the same time, or a running total that fell */
} ag_status_t;
#define AG_N_STATUS 5

const char *ag_status_name(ag_status_t s);

/* Why two reports of a slot do not fit together. */
typedef enum ag_why {
    AG_WHY_CHANGE = 0,      /* a change over time (not a conflict) */
    AG_WHY_SAME_TIME,       /* conflict: their dates place them at the same time */
    AG_WHY_UNDATED,         /* undetermined: one or both have no date */
    AG_WHY_DECREASE,        /* conflict: a running total went down */
    AG_WHY_UNITS,           /* undetermined: different units */
    AG_WHY_OVERLAP          /* undetermined: their dates overlap without being the same time */
} ag_why_t;

const char *ag_why_code(ag_why_t w);
/* The status a clash of this kind gives: AG_CONFLICT, AG_UNDETERMINED or AG_CHANGED. */
ag_status_t ag_why_status(ag_why_t w);

/* The verdict on two reports whose values are `compat`: -1 when they fit
 * (compatible), else the reason. `a_below_b` says, for incompatible numbers,
 * whether a's interval lies below b's (for running totals). */
int ag_judge(ag_compat_t compat, const ag_time_t *a, const ag_time_t *b, int cumulative, int a_below_b);

/* ---------------------------------------------------------------- model */

/* One source's account of one statement. */
typedef struct ag_report {
    kg_stmt_t stmt;
    kg_entity_t source;
    kg_entity_t origin;   /* according_to, else the source itself */
    const char *quote;
    ag_time_t time;
    uint32_t slot;
    double confidence;    /* trust.c: the probability that the report's value is right (NAN: not weighed) */
} ag_report_t;

/* Two reports of a slot that do not fit, and why (indexes into reports). */
typedef struct ag_clash {
    uint32_t a, b;        /* a is the earlier (or first in report order) */
    ag_why_t why;
} ag_clash_t;

/* The reports of a functional slot at one date (a run of its reports with the
 * same span, or the undated ones) and their verdict at that date: conflict
 * when one of them conflicts with another report, undetermined when one can't
 * be ordered against an incompatible report, else agreed or single by the
 * origins at that date. */
typedef struct ag_date_verdict {
    uint32_t first, count;   /* reports[first .. first+count) */
    uint32_t origins;
    ag_status_t status;
} ag_date_verdict_t;

typedef struct ag_slot {
    kg_entity_t subject;
    uint32_t pred;        /* index into ag_result_t.preds */
    kg_entity_t object;   /* relations: the object; KG_NONE for claims */
    int multi;            /* a multi-valued slot (subject, predicate, object or value) */
    uint32_t first, count;         /* its reports: reports[first .. first+count) */
    uint32_t clash_first, n_clash; /* its clashes: conflicts, then undetermined, then changes */
    uint32_t n_conflicts, n_undetermined, n_changes;
    uint32_t series_first, n_series; /* functional slots: its dates, in ag_result_t.series */
    uint32_t origins, sources, statements;
    ag_status_t status;
} ag_slot_t;

typedef struct ag_source_stats {
    kg_entity_t source;
    uint32_t reports;
    uint32_t shared;      /* slots it shares with another source */
    uint32_t agreed;      /* of those, slots where it conflicts with no other source */
    uint32_t conflicts;   /* slots where it conflicts with another source */
    double trust;         /* trust.c, NAN when not computed */
} ag_source_stats_t;

typedef struct ag_pair {
    uint32_t a, b;        /* indexes into sources, a < b */
    uint32_t shared, agreed;
} ag_pair_t;

typedef struct ag_options {
    int skip_unsourced;   /* leave out claims citing no source instead of failing */
    int date_from_source; /* date undated reports by their source's publication date */
    int annotate;         /* write results back as statement attributes */
    int trust;            /* compute trust scores (trust.c) */
    int lean;             /* slots and their dates only: no pairwise comparison, no source statistics (resolve.c) */
    int findings_only;    /* the JSON report lists the slots in conflict, undetermined or changed only */
    long pairs_min;       /* ...and the pairs of sources that share at least this many facts */
} ag_options_t;

/* options.c: the parameter tables, and the options with their declared defaults or as given. */
extern const kg_param_t ag_params[], rs_params[];
void ag_options_init(ag_options_t *o);
/* The agreement analysis's options and its text report's list limit, from opts; KG_EUSAGE naming a bad one. */
int ag_options_read(const kg_opts_t *opts, ag_options_t *o, long *limit, kg_error_t *err);

typedef struct ag_result {
    ag_pred_info_t *preds;
    size_t n_preds;
    ag_report_t *reports;
    size_t n_reports;
    ag_slot_t *slots;
    size_t n_slots;
    ag_clash_t *clashes;
    size_t n_clashes;
    ag_date_verdict_t *series;
    size_t n_series;
    ag_source_stats_t *sources;   /* every source entity, in id order */
    size_t n_sources;
    ag_pair_t *pairs;             /* in (a, b) order */
    size_t n_pairs;
    size_t by_status[AG_N_STATUS];
    size_t n_statements;          /* statements taken into account */
    size_t unsourced_claims, unsourced_relations;
    int trust_computed;
    int trust_iterations;        /* iterations the trust scores took */
    int dated_by_source;          /* some report was dated by its source */
} ag_result_t;

/* Runs the analysis on g. Returns KG_OK, or fills err: KG_EINPUT for a claim
 * citing no source (unless skip_unsourced), KG_ENOMEM. Writes attributes back
 * when o->annotate. Free the result with ag_result_free. */
int ag_analyse(kg_graph_t *g, const ag_options_t *o, const kg_opts_t *progress, ag_result_t *out,
               kg_error_t *err);
void ag_result_free(ag_result_t *r);

/* trust.c: fills sources[].trust (NAN for a source with no report in a functional slot) and
 * reports[].confidence from the resolve analysis's model (docs/resolve.md). */
int ag_trust(kg_graph_t *g, const ag_options_t *o, ag_result_t *r);

/* explain.c: words for people. A report's value ("about 1,400 people"; for a
 * relation the object's name), its date ("2024-12", "2024 (source date)",
 * "no date"), and the sentence that explains a clash. */
void ag_report_value(const kg_graph_t *g, const ag_report_t *rep, char *buf, size_t size);
void ag_report_date(const ag_report_t *rep, char *buf, size_t size);
void ag_clash_explain(const kg_graph_t *g, const ag_result_t *r, const ag_clash_t *c, char *buf, size_t size);

/* Reports. */
int ag_report_text(const kg_graph_t *g, const ag_result_t *r, long limit, FILE *out, kg_error_t *err);
int ag_report_json(const kg_graph_t *g, const ag_result_t *r, const ag_options_t *o, FILE *out, kg_error_t *err);

/* ------------------------------------------------------------ resolve.c */

/* "kgkit analyze resolve": for every functional slot and date that has
 * reports (a question), the most credible value, learned with source
 * accuracies across the whole graph. The method is in docs/resolve.md. */
typedef struct rs_options {
    double prior;          /* a source's accuracy before any evidence, in (0, 1) */
    double prior_weight;   /* how many contested reports the prior is worth */
    double false_values;   /* n in a vote's weight ln(n A / (1 - A)) */
    double mislabel;       /* in [0, 1]: the discount on a number that is another date's value */
    int copies;            /* find sources that copy each other and count them once */
    int iterations;        /* the most rounds of each fixed point */
    const char **slow;     /* slowly changing predicates: reports of other dates support, decaying */
    size_t n_slow;
    double slow_weight;    /* their weight at no distance; halves every year */
    const char **only;     /* resolve these predicates only (NULL: every functional one) */
    size_t n_only;
    int annotate;
    char *lists[2];        /* owned: the text only and slow point into */
} rs_options_t;

void rs_options_init(rs_options_t *o);
/* The resolve analysis's options (and the agreement options it shares, and the list limit) from opts; the
 * predicate lists are checked against g. Release with rs_options_clear, also after a failure. */
int rs_options_read(const kg_graph_t *g, const kg_opts_t *opts, ag_options_t *ao, rs_options_t *o, long *limit,
                    kg_error_t *err);
void rs_options_clear(rs_options_t *o);

typedef struct rs_candidate {
    uint32_t rep;          /* the report whose value stands for it (an exact one rather than "about") */
    double score, p;       /* the vote, and the probability after normalisation */
} rs_candidate_t;

typedef struct rs_question {
    uint32_t series;       /* index into ag_result_t.series: the reports of one slot at one date */
    uint32_t slot;
    uint32_t cand_first, n_cand;
    uint32_t best, second; /* candidate indexes (relative), second UINT32_MAX when there is none */
    uint32_t origins;
} rs_question_t;

typedef struct rs_result {
    ag_result_t ag;         /* the slots, reports and dates it stands on */
    rs_question_t *questions;
    size_t n_questions;
    rs_candidate_t *cands;
    size_t n_cands;
    double *accuracy;       /* per source (ag.sources order) */
    uint32_t *claims;       /* per source: its reports in resolved questions */
    uint32_t *copy_group;   /* per source: the first source of its group of copies (itself when alone) */
    size_t n_copy_groups;   /* groups of two or more */
    size_t skipped_multi;   /* multi-valued slots left out */
    int iterations;         /* rounds of the last fixed point */
    double prior;           /* the accuracy every source started from */
    double *report_p;       /* per report of ag: the probability that its value is right (NAN outside questions) */
    unsigned char *for_best; /* per report of ag: 1 when it supports its question's chosen value */
    int ag_borrowed;        /* ag belongs to the caller (rs_learn): rs_result_free leaves it */
} rs_result_t;

int rs_resolve(kg_graph_t *g, const ag_options_t *ao, const rs_options_t *o, const kg_opts_t *progress,
               rs_result_t *out, kg_error_t *err);
/* The same on an agreement result the caller keeps (ag is borrowed: out->ag is a shallow copy). */
int rs_learn(kg_graph_t *g, const ag_result_t *ag, const rs_options_t *o, const kg_opts_t *progress, rs_result_t *out,
             kg_error_t *err);
void rs_result_free(rs_result_t *r);
/* 1 when report rep (an index into ag.reports) supports candidate c of its question. */
int rs_supports(const kg_graph_t *g, const rs_result_t *r, uint32_t rep, const rs_candidate_t *c);
/* Sets "value" (a claim's, as the native format writes it) or "object" (a relation's) on o. Returns 0 or -1. */
/* Confidences and trusts as the reports write them: to six decimals. */
double rs_round(double x);
int rs_put_value(json_t *o, const kg_graph_t *g, const rs_result_t *r, const rs_candidate_t *cand);
int rs_report_json(const kg_graph_t *g, const rs_result_t *r, FILE *out, kg_error_t *err);
int rs_report_text(const kg_graph_t *g, const rs_result_t *r, long limit, FILE *out, kg_error_t *err);

#endif
