/* entities.h - the entities plugin inside: each entity's names as keys (names.c), the evidence that two entities are one (score.c), candidates found by blocking (duplicates.c), and the reports. */
#ifndef KG_ENTITIES_H
#define KG_ENTITIES_H

#include <kgkit/kgkit.h>

/* One name of an entity as compared: its key, skeleton and consonants (kgkit/names.h), words separated by
 * spaces. */
typedef struct en_name {
    const char *key, *skeleton, *consonants;
} en_name_t;

/* Every entity's names: label and aliases, each under every key. */
typedef struct en_names {
    size_t *start;  /* entity -> its names are names[start[e] .. start[e + 1]) */
    en_name_t *names;
    size_t n_names;
    kg_buf_t text;  /* the keys' text */
    size_t n_entities; /* every entity of the graph */
    size_t n_named;    /* those compared: not sources, with a name that has letters or digits */
    int other_scripts; /* some name is not ASCII (ICU was needed) */
} en_names_t;

int en_names_build(const kg_graph_t *g, en_names_t *names, const kg_opts_t *opts, kg_error_t *err);
void en_names_free(en_names_t *names);

/* The evidence for and against two entities being one; each piece a reason with its weight (log-odds). */
#define EN_REASONS_MAX 12
typedef struct en_reason {
    const char *evidence; /* "name", "kind", "neighbours", "sources", "dates", "attributes", "gender", "related" */
    double weight;
    char detail[160];
} en_reason_t;

typedef struct en_pair {
    kg_entity_t a, b;
    double score; /* in [0, 1] */
    en_reason_t reasons[EN_REASONS_MAX];
    size_t n_reasons;
    int explain; /* the reasons' details are written (en_score's explain) */
} en_pair_t;

/* The weights, written once (docs/entities.md explains each). */
#define EN_PRIOR -3.0            /* two entities that share a name part are seldom one */
#define EN_W_SAME_NAME 6.0       /* the same words, case, accents, punctuation, order and script aside */
#define EN_W_SAME_SKELETON 5.0   /* every word the same in another romanisation, and alike (two words or more) */
#define EN_W_SKELETON_ONLY 3.5   /* the same in another romanisation, but a word unlike as written (Jaro-Winkler < 0.75) */
#define EN_W_SAME_SKELETON_1 3.0 /* a one-word name the same in another romanisation */
#define EN_W_SAME_CONSONANTS 2.5 /* every word the same once vowels are set aside too (Aleksandr, Alexander) */
#define EN_W_INITIALS 3.0        /* every word matches, initials standing for words */
#define EN_W_PART 2.5            /* one name is a part of the other (a surname alone) */
#define EN_W_FUZZY 8.0           /* per unit of word similarity above 0.85 (typos) */
#define EN_W_WORD_DIFFERS -3.0   /* a word of one name matches nothing in the other (another given name) */
#define EN_W_NUMBERS_DIFFER -5.0 /* the names hold different numbers: the 2020 election is not the 2025 one */
#define EN_W_GENDER -6.0         /* the same surname in its female and male forms: relatives, not one person */
#define EN_W_SAME_KIND 0.5
#define EN_W_NEIGHBOURS_MAX 3.0  /* shared neighbours: 1 + 4 x their share, at most this */
#define EN_W_SOURCES_MAX 2.0     /* shared sources: 0.5 + 1.5 x their share */
#define EN_W_RELATED -3.0        /* a relation joins the two: a person is not married to herself */
#define EN_W_DATE_DIFFERS -4.0   /* a date-valued fact (birth date) that differs, per predicate, at most two */
#define EN_W_DATE_AGREES 1.5
#define EN_W_ATTR_DIFFERS -1.5   /* a scalar attribute of one name with another value (at most two) */
#define EN_W_ATTR_AGREES 0.5     /* ... with the same value (at most two) */

/* Scores the pair (a, b): 0 when they may be compared, 1 when their kinds cannot be one entity (a person and a
 * place) and the pair is not scored. With explain, each reason's detail is written too (the same score). */
int en_score(const kg_graph_t *g, const en_names_t *names, kg_entity_t a, kg_entity_t b, int explain, en_pair_t *out);

extern const kg_param_t en_duplicates_params[];
int en_duplicates_run(kg_graph_t *g, const kg_opts_t *opts, kg_format_t format, FILE *out, kg_error_t *err);

#endif
