/* text_plugin.h - the text importer inside: the gazetteer, the scanner (sentences, words, numbers), the import. */
#ifndef KG_TEXT_PLUGIN_H
#define KG_TEXT_PLUGIN_H

#include <kgkit/kgkit.h>

/* ---------------------------------------------------------- gazetteer */

typedef struct gz_entity {
    const char *id, *kind, *label;
    const char **names;      /* label and aliases: the spellings looked for */
    size_t n_names;
} gz_entity_t;

/* A claim pattern, compiled: words to match in order; NUMBER where the
 * number stands; GAP for "..." (up to GZ_GAP words). */
#define GZ_NUMBER ((const char *)1)
#define GZ_GAP ((const char *)2)
#define GZ_ORDINAL ((const char *)3) /* {ORD}: "sixth", "6th" */
#define GZ_YEAR ((const char *)4)    /* {YEAR} in a period phrase: a year, 1900..2100 */
#define GZ_MONTH ((const char *)6)   /* {MONTH} in a period phrase: a month's name */
#define GZ_CLASS ((const char *)5)   /* {PEOPLE}: one of a word class's phrases (the pattern's cls says which) */
#define GZ_GAP_WORDS 4
#define GZ_MAX_PATTERN_WORDS 64 /* a longer pattern is no phrase; the matcher recurses once per word */
#define GZ_STR_(x) #x
#define GZ_STR(x) GZ_STR_(x)

typedef struct gz_class gz_class_t;

typedef struct gz_pattern {
    const char **words;      /* lower-cased */
    size_t n;
    const gz_class_t **cls;  /* per word: the class a GZ_CLASS word stands for (NULL for the others); NULL when the
                              * pattern names no class */
} gz_pattern_t;

/* A word class: a name the gazetteer's patterns use ("{PEOPLE}") for any of its phrases ("people", "political
 * prisoners", "detainees"), so that one pattern says what a measure is however the article names them. */
struct gz_class {
    const char *name;        /* without braces: "PEOPLE" */
    gz_pattern_t *phrases;   /* plain words, lower-cased */
    size_t n;
};

/* An event an ordinal names ("the sixth round of pardons"): templates in which {ORD} is the number. */
typedef struct gz_event {
    const char *id, *kind, *label, *part_of;
} gz_event_t;

/* The subject that stands for the article's round (the event its ordinal names). */
#define GZ_ROUND_SUBJECT "@round"

typedef struct gz_claim {
    const char *predicate, *subject, *unit;
    gz_event_t event;        /* an ordinal entry: its event (event.id NULL otherwise); the claim is on the event */
    /* a "@round" entry: the event a round the article does not number stands for, templates in which {SOURCE} is
     * the article's source id (without "src:") and {DATE} the count's date; id NULL when the entry has none (the
     * count is then left out) */
    gz_event_t unnamed_round;
    /* the same, for a count whose date is a full day: templates in which {DAY} is that day and no {SOURCE} is, so
     * that the articles reporting one day's act report one event ("52 released on 11 September"); id NULL when the
     * entry has none */
    gz_event_t by_day;
    int attribution;         /* read according_to from the sentence */
    gz_pattern_t *patterns;
    size_t n_patterns;
    const char **exclude;    /* a sentence with one of these phrases is skipped (lower-cased) */
    size_t n_exclude;
    gz_pattern_t *not_before; /* words that must not follow a match ("have died" after "{N} political prisoners") */
    size_t n_not_before;
    /* What the number measures is decided by the word that governs it: the nearest of these phrases after the
     * number (up to GZ_GOVERN_AFTER words), else before it (up to GZ_GOVERN_BEFORE). A governed_by phrase keeps
     * the claim ("remain", "behind bars"), a not_governed_by one drops it ("released", "pardoned"); with
     * governed_by given, a number that no phrase governs is dropped. */
    gz_pattern_t *governed_by, *not_governed_by;
    size_t n_governed_by, n_not_governed_by;
    const char **sentence_has; /* the period the measure counts from: one of these must be in the sentence */
    size_t n_sentence_has;
    /* Periods that make the number another measure ("in {YEAR}", "this year", "in total" for the people of one
     * round: "342 political prisoners were pardoned in 2025" is a year's total, not a round's); one of these
     * near the number (GZ_GOVERN_BEFORE words before it, GZ_GOVERN_AFTER after, not past another number) drops
     * the claim. Words, with GZ_YEAR for {YEAR}. */
    gz_pattern_t *not_in_period;
    size_t n_not_in_period;
    /* A "@round" entry's parts: phrases naming some of a round's people by nationality, faith or trade ("Ukrainian
     * citizens", "Catholic priests"), each with the part's name ("Ukrainians", "priests"). A count whose people
     * one of them names is of that part of the round (an event of its own, part_of the round's), not of the
     * round: "pardoned 31 Ukrainian citizens and two Catholic priests" gives no round of 31 and one of 2.
     * Borrowed from doc. */
    const char **part_phrases, **part_names;
    size_t n_parts;
} gz_claim_t;
#define GZ_GOVERN_AFTER 12
#define GZ_GOVERN_BEFORE 8

typedef struct gazetteer {
    json_t *doc;             /* owns the strings */
    gz_class_t *classes;     /* the "classes" section */
    size_t n_classes;
    gz_entity_t *entities;
    size_t n_entities;
    gz_claim_t *claims;
    size_t n_claims;
    json_t *predicates;      /* borrowed from doc: the native format's predicates section, or NULL */
    char *storage;           /* lower-cased pattern words */
} gazetteer_t;

/* Loads and checks a gazetteer. A malformed file names its line and column;
 * a pattern that does not parse names its entry. */
int gz_load(const char *path, gazetteer_t *gz, kg_error_t *err);
void gz_free(gazetteer_t *gz);

/* ----------------------------------------------------------- scanning */

/* A word of a sentence: its text lower-cased (ASCII; other letters as they are), and where it is. */
typedef struct tx_word {
    char *text;
    size_t start, end;       /* byte offsets in the sentence */
} tx_word_t;

typedef struct tx_sentence {
    char *text;              /* white space made single spaces */
    tx_word_t *words;
    size_t n_words;
    size_t paragraph;        /* which paragraph (0, 1, ...): blank lines part them, or every line in a text without */
    size_t *aside_end;       /* per word: where an aside opening there ends (tx_aside_end); NULL without words */
    size_t *number_len;      /* per word: the words the number there takes (tx_number; 0: none), read once */
    double *number_value;    /* per word: that number's value */
    unsigned char *vague_len; /* per word: the words a vague quantity there takes (tx_vague; 0: none), read once */
    kg_qualifier_t *vague_q;  /* per word: its qualifier */
} tx_sentence_t;

/* Splits normalised text into sentences (abbreviations like "U.S." and
 * initials do not end one). */
int tx_sentences(const char *text, tx_sentence_t **out, size_t *n);
void tx_sentences_free(tx_sentence_t *s, size_t n);

/* Reads a number at word i ("1,174", "65,000", "six", "19½", "1.2 million"):
 * returns the words it takes (0: not a number) and the value. */
size_t tx_number(const tx_sentence_t *s, size_t i, double *value);

/* The qualifier the words before word i give ("about", "more than", "at least"...). */
kg_qualifier_t tx_qualifier(const tx_sentence_t *s, size_t i);
/* How many words a qualifier takes that starts at word i ("more than" 2, "no fewer than" 3, "about" 1), or 0. */
size_t tx_qualifier_words(const tx_sentence_t *s, size_t i);
/* A vague quantity at word i: "thousands of", "tens of thousands of", "a handful of", "dozens of"... Returns the
 * words it takes (its "of" included) and the qualifier in *q (KG_Q_THOUSANDS...), or 0. */
size_t tx_vague(const tx_sentence_t *s, size_t i, kg_qualifier_t *q);
/* An ordinal at word i ("sixth", "twenty-first", "6th"): returns 1 and its number in *n, else 0. */
int tx_ordinal(const tx_sentence_t *s, size_t i, int *n);
/* dates.c: 1..12 when w is a month's full name ("july", "july,"), else 0. */
int tx_month_name(const char *w);
/* dates.c: 0..6 (Monday..Sunday) when w is a weekday's name, with punctuation after it ("wednesday,"), else -1. */
int tx_weekday(const char *w);
/* dates.c: the publication date an article's first lines give (an ISO date, "June 25, 2025", "25 June 2025"),
 * as YYYY-MM-DD into out; returns 1, or 0 when they give none. */
int tx_find_published(const char *body, char *out, size_t size);
/* dates.c: whether span w is of the article's news: inside the week up to its day of publication (published, a
 * full date), or inside its month (an article dated only to its month); 0 without a publication date. */
int tx_news_day(const char *published, const kg_when_t *w);
/* The date a clause names for the number at word `at`, relative to the article's published date (partial,
 * or NULL): "last month", "in May", "in July 2024", "as of the end of December 2025", "on August 16" (the last
 * one up to the article), "in 2020", "during the 2020 protests", "following the 2020 election"; never a period's start
 * ("since July 2024"); "during the unrest" takes the year the sentence before (before, or NULL) names. Writes it
 * into out and returns 1, or 0 when the clause names none (a present-tense count:
 * its date is the article's). */
int tx_claim_date(const tx_sentence_t *s, size_t at, const char *published, const tx_sentence_t *before, char *out,
                  size_t size);

/* Whether a comma, semicolon or colon stands between words i - 1 and i: a clause's break. */
int tx_clause_break(const tx_sentence_t *s, size_t i);
/* Whether a sentence ends between words i - 1 and i inside a sentence (a quotation kept whole: "… thank him for
 * the release of 16 prisoners. We are also discussing …"): a full stop (not an abbreviation's), "!" or "?", and a
 * capital after it. */
int tx_sentence_break(const tx_sentence_t *s, size_t i);
/* 1 when the words of phrase p stand at word i of the sentence. */
int tx_phrase_at(const tx_sentence_t *s, size_t i, const gz_pattern_t *p);
/* An aside that opens at word i: "(including 572 women)", "-- many classified as political prisoners --",
 * "— …  —", or ", including six U.S. citizens,". Its words describe some of them, not what a count is. Returns the
 * word after its close (s->n_words when it runs to the sentence's end), or 0 when no aside opens at word i. */
size_t tx_aside_end(const tx_sentence_t *s, size_t i);

/* Whether the sentence holds one of an entity's names at a word boundary
 * (case-insensitive for ASCII letters); the byte offset of the first one, or -1. */
long tx_find_name(const char *sentence, const char *name);

/* ------------------------------------------------------------- counts */

#define TX_WHEN_SIZE 32 /* a date or an interval of two days: "2025-09-01/2025-09-07" */

/* A count found in an article, before it is a statement: the gazetteer entry that found it, where, its value,
 * and what its clause says of its date and origin. */
typedef struct tx_count {
    size_t claim;             /* gz->claims index */
    size_t sentence;          /* the sentence's index */
    double amount;            /* NAN for a vague quantity */
    kg_qualifier_t qualifier;
    int dated;                /* its clause dates it (when); else it is the article's date */
    char when[TX_WHEN_SIZE];
    const char *according_to; /* borrowed from the gazetteer; NULL when nobody is named */
    const char *part;         /* the part of the round its people are (gz_claim_t.part_names), or NULL */
} tx_count_t;

/* counts.c: a count the article repeats (the headline's, then the body's) is one count: a mention that its clause
 * does not date takes the narrowest date the others give, when they agree, from a mention before it or from one
 * of the article's news (tx_news_day), and one that names nobody takes
 * the origin the others name, when they name one ("Belarus releases 3 people" in the headline is the three "U.S.
 * officials said Wednesday" were released); one without a qualifier takes the one qualifier the others of its
 * date give ("another 1,300 remain in prison" after "around 1,300 remaining behind bars": about 1,300). */
void tx_counts_share(tx_count_t *counts, size_t n, const gazetteer_t *gz, const char *published);

int text_import(kg_graph_t *g, FILE *in, const char *path, const kg_opts_t *opts, kg_error_t *err);

#endif
