/* kgkit/graph.h - the knowledge graph: entities, sources, statements, predicates, merging, queries. */
#ifndef KGKIT_GRAPH_H
#define KGKIT_GRAPH_H

#include <jansson.h>
#include <stdio.h>
#include "common.h"
#include "error.h"
#include "buf.h"

#ifdef __cplusplus
extern "C" {
#endif

/* An opaque graph. Not thread-safe: one thread at a time (queries build
 * indexes lazily). */
typedef struct kg_graph kg_graph_t;

/* Entities and statements are named by handles: small integers, stable for
 * the life of the graph (nothing is ever renumbered except by a rollback,
 * which drops the handles created inside the transaction). */
typedef uint32_t kg_entity_t;
typedef uint32_t kg_stmt_t;
#define KG_NONE ((uint32_t)0xFFFFFFFFu)

/* The kind every source entity has. */
#define KG_KIND_SOURCE "source"

/* ---------------------------------------------------------------- values */

typedef enum kg_value_type {
    KG_VALUE_NONE = 0, /* the statement is a relation: it has an entity object */
    KG_VALUE_NUMBER,
    KG_VALUE_TEXT,
    KG_VALUE_DATE
} kg_value_type_t;

typedef enum kg_qualifier {
    KG_Q_EXACT = 0,
    KG_Q_ABOUT,
    KG_Q_AT_LEAST,
    KG_Q_MORE_THAN,
    KG_Q_AT_MOST,
    KG_Q_FEWER_THAN,
    /* Vague quantities: words, not counts ("thousands of political prisoners").
     * Each stands for an interval (kg_qualifier_vague_range); the amount is
     * its lower end and is not written. */
    KG_Q_A_HANDFUL,             /* [2, 10] */
    KG_Q_DOZENS,                /* [12, inf) */
    KG_Q_HUNDREDS,              /* [100, inf) */
    KG_Q_THOUSANDS,             /* [1,000, inf) */
    KG_Q_TENS_OF_THOUSANDS,     /* [10,000, inf) */
    KG_Q_HUNDREDS_OF_THOUSANDS, /* [100,000, inf) */
    KG_Q_MILLIONS               /* [1,000,000, inf) */
} kg_qualifier_t;
#define KG_Q_LAST KG_Q_MILLIONS

/* A claim's value. Strings are borrowed: interned in the graph (valid for
 * its life) or owned by the caller when passed in. For numbers, lower and
 * upper are optional explicit bounds (NAN when absent) and unit may be NULL.
 * For texts, text is the text; for dates, text is the ISO 8601 date. */
typedef struct kg_value {
    kg_value_type_t type;
    kg_qualifier_t qualifier;
    double amount;
    double lower;
    double upper;
    const char *unit;
    const char *text;
} kg_value_t;

/* Initialises v to "no value" (bounds NAN). */
KG_API void kg_value_init(kg_value_t *v);

/* "exact", "about", "at_least", ..., "thousands", "tens_of_thousands". Static strings. */
KG_API const char *kg_qualifier_name(kg_qualifier_t q);
/* Parses a qualifier name. Returns KG_OK or KG_ENOTFOUND. */
KG_API int kg_qualifier_parse(const char *name, kg_qualifier_t *out);
/* Every qualifier name, comma-separated, for messages ("exact, about, ..."). */
KG_API const char *kg_qualifier_names(void);
/* What a message about an unknown qualifier name says next (snprintf-like):
 * "did you mean \"thousands\"? The qualifiers are exact, about, ...". */
KG_API size_t kg_qualifier_expected(const char *name, char *buf, size_t size);
/* 1 for a vague quantity (KG_Q_A_HANDFUL .. KG_Q_MILLIONS), else 0. */
KG_API int kg_qualifier_is_vague(kg_qualifier_t q);
/* The interval a vague quantity stands for: [*lo, *hi], *hi INFINITY when it
 * has no upper end. The lower ends are generous on purpose: people say
 * "thousands" of 1,400 prisoners, so thousands is 1,000 or more, and a count
 * inside the interval is compatible with it. Returns 0, or -1 when q is not
 * vague. */
KG_API int kg_qualifier_vague_range(kg_qualifier_t q, double *lo, double *hi);
/* "number", "text", "date" ("entity" for KG_VALUE_NONE). */
KG_API const char *kg_value_type_name(kg_value_type_t t);

/* Writes a value for people into buf (snprintf-like: returns the length the
 * whole text needs, writes at most size bytes, always terminated when size >
 * 0): "about 1,400 people", "more than 1,300", "at least 6 (6 to 10)", a text
 * as it is, a date as written. Numbers get thousands separators and the
 * fewest digits that read back exactly. */
KG_API size_t kg_value_format(const kg_value_t *v, char *buf, size_t size);

/* Numbers as people write them, read once for every importer: an optional
 * sign, digits with optional thousands separators in groups of three
 * ("1,174", "65,000"), an optional decimal part and exponent ("19.5",
 * "1.5e3"). kg_number_scan reads such a number at the start of s and returns
 * the bytes it took (0: none; a number of more than 60 characters is no
 * number anyone writes), the value in *out; kg_number_parse takes only a
 * string that is wholly one finite number (KG_OK, else KG_EINPUT). */
KG_API size_t kg_number_scan(const char *s, double *out);
KG_API int kg_number_parse(const char *s, double *out);

/* A number as text, exact and shortest, the one way every writer puts one: a whole number below 10^15 as its
 * digits ("1400", not 1.4e+03), any other with the fewest significant digits that read back as the same double
 * ("19.5", "0.1", "1.2901139428694502e-06"); "nan", "inf", "-inf" as printf writes them. Returns buf (48 bytes
 * are always enough). */
KG_API const char *kg_number_text(double x, char *buf, size_t size);
/* An integer as text, without printf (the writers' hot path); "" when buf is too small (24 bytes always do).
 * Returns buf. */
KG_API const char *kg_int_text(long long x, char *buf, size_t size);

/* One field of an RFC 4180 CSV file written to out: as it is, or quoted (inner
 * quotes doubled) when it holds a comma, a quote or a line break, or begins or
 * ends with a space (so that spreadsheets keep it). NULL writes nothing. */
KG_API void kg_csv_write_field(FILE *out, const char *s);

/* The value as the native format writes it: a bare number when exact without
 * unit or bounds, else {"amount", "qualifier", "unit", "lower", "upper"}; a
 * string for a text; {"date": ...} for a date; null for no value. A new
 * reference (NULL on out-of-memory). */
KG_API json_t *kg_value_to_json(const kg_value_t *v);

/* json_dumpf with every real written exactly and shortest (the fewest digits
 * that read back as the same double: 0.1, not 0.10000000000000001). flags
 * are jansson's, without JSON_REAL_PRECISION. Returns 0, or -1 on failure. */
KG_API int kg_json_dumpf(const json_t *v, FILE *out, size_t flags);

/* JSON text put straight into a buffer, the bytes of jansson's dump of the same value, without building it (the
 * writers' fast path): a string (quotes, backslash and control characters escaped, UTF-8 as it is; NULL puts
 * null); a real, shortest and exact (10.0, 0.1, 1e20; null when not finite); a number as kg_value_to_json makes
 * it (an integer when whole, else a real); a value as kg_value_to_json makes it; and any jansson value. `flags`
 * are jansson's: JSON_COMPACT gives its "," and ":" separators, else ", " and ": ". Each returns KG_OK, or
 * KG_ENOMEM when the buffer has failed. */
KG_API int kg_json_put_string(kg_buf_t *b, const char *s);
KG_API int kg_json_put_real(kg_buf_t *b, double x);
KG_API int kg_json_put_number(kg_buf_t *b, double x);
KG_API int kg_json_put_value(kg_buf_t *b, const kg_value_t *v, size_t flags);
KG_API int kg_json_put(kg_buf_t *b, const json_t *v, size_t flags);

/* ----------------------------------------------------------------- dates */

/* A calendar date of year, year-month or full precision (ISO 8601 partial). */
typedef struct kg_date {
    int year;
    int month;     /* 1..12, 0 when the precision is the year */
    int day;       /* 1..31, 0 when the precision is the month or year */
} kg_date_t;

/* Parses "YYYY", "YYYY-MM" or "YYYY-MM-DD" (checking month and day ranges,
 * leap years included). Returns KG_OK or KG_EINPUT. */
KG_API int kg_date_parse(const char *text, kg_date_t *out);

/* The interval of days a (possibly partial) date names, as day numbers
 * counted from 1970-01-01: first and last day inclusive. "2024" gives
 * 2024-01-01..2024-12-31. */
KG_API void kg_date_span(const kg_date_t *d, int64_t *first_day, int64_t *last_day);

/* A time as the native format writes a source's publication date and a
 * statement's as_of: a (partial) date, or an ISO 8601 interval of two
 * (partial) dates "start/end", either end ".." when open:
 *   "2024"             some time in 2024 (2024-01-01 .. 2024-12-31)
 *   "2024-08/2024-09"  some time in August or September 2024
 *   "../2024-12"       at the latest in December 2024
 *   "2020/.."          in 2020 or later
 * first and last are inclusive day numbers (from 1970-01-01); an open end is
 * KG_DAY_OPEN_START / KG_DAY_OPEN_END. */
typedef struct kg_when {
    int64_t first, last;
} kg_when_t;
#define KG_DAY_OPEN_START INT64_MIN
#define KG_DAY_OPEN_END INT64_MAX

/* Parses a time (above). Returns KG_OK, or KG_EINPUT with *why (when why is
 * not NULL) set to a static sentence saying what is wrong: not a date nor an
 * interval, an interval that ends before it starts, or one open at both ends. */
KG_API int kg_when_parse(const char *text, kg_when_t *out, const char **why);
/* 1 when the text is an interval ("start/end"), 0 for a single date. */
KG_API int kg_when_is_interval(const char *text);
/* What every message about a time that does not parse says it should be. */
#define KG_WHEN_EXPECTED \
    "an ISO 8601 date (YYYY, YYYY-MM or YYYY-MM-DD) or an interval of two (start/end, \"..\" for an open end)"
/* Writes a day number as YYYY-MM-DD into buf (at least 16 bytes for any day). */
KG_API void kg_day_format(int64_t day, char *buf, size_t size);

/* ----------------------------------------------------------------- text */

/* Every string the graph takes is strict UTF-8 (RFC 3629: no overlong forms, no surrogates, nothing above
 * U+10FFFF) without NUL bytes; the add functions refuse others with KG_EINPUT. Importers call this at their
 * door to name the line and column: returns 1 when the len bytes at s are such text, else 0 with the offset
 * of the first bad byte in *bad (when not NULL). */
KG_API int kg_utf8_valid(const char *s, size_t len, size_t *bad);
/* Attributes nest at most this deep (an object of objects of ...): the native writer adds a few levels around
 * them, and jansson reads at most 2,048, so every graph kgkit takes it can also write and read back. */
#define KG_MAX_ATTR_DEPTH 512

/* The length of a UTF-8 byte order mark at the start of the len bytes at s (3), or 0 when there is none.
 * Editors on Windows write one first; every importer of text skips it. */
KG_API size_t kg_utf8_bom(const char *s, size_t len);
/* Reads all of in (an importer's input) into *out, NUL-terminated, its length (without the NUL) in *len;
 * release it with kg_free. A read that fails is KG_EIO ("cannot read: ..."), not the end of the input.
 * Returns KG_OK, KG_EIO or KG_ENOMEM, naming path. */
KG_API int kg_read_all(FILE *in, const char *path, char **out, size_t *len, kg_error_t *err);

/* The 1-based line and column (in characters) of byte offset in the text s, for messages. O(offset). */
KG_API void kg_text_where(const char *s, size_t offset, int *line, int *column);

/* "Did you mean": the Levenshtein distance between a and b (ASCII letters
 * compared without case), or cap + 1 when it is more than cap (names longer
 * than 200 bytes are always cap + 1). */
KG_API size_t kg_edit_distance(const char *a, const char *b, size_t cap);
/* The distance up to which a name is taken for a typo of what: a third of its length, at least 2. */
KG_API size_t kg_typo_cap(const char *what);
/* The name among n closest to what within kg_typo_cap(what) (the first of equals), or NULL. */
KG_API const char *kg_closest_name(const char *what, const char *const *names, size_t n);

/* ---------------------------------------------------------------- graph */

/* Creates an empty graph into *out. Returns KG_OK or KG_ENOMEM. */
KG_API int kg_graph_new(kg_graph_t **out);
/* Frees the graph and everything it owns. NULL-safe. */
KG_API void kg_graph_free(kg_graph_t *g);

/* Warnings: merges that keep one side of a clash (two labels, two dates,
 * two attribute values) are reported here rather than silently resolved.
 * The default handler counts and discards them. */
typedef void (*kg_warn_fn)(void *userdata, const kg_error_t *warning);
KG_API void kg_graph_set_warn_handler(kg_graph_t *g, kg_warn_fn fn, void *userdata);
KG_API size_t kg_graph_warning_count(const kg_graph_t *g);
/* Reports a warning through the graph's handler (for importers). */
KG_API void kg_graph_warn(kg_graph_t *g, const char *source, int line, int column,
                          const char *fmt, ...) KG_PRINTF(5, 6);

/* Transactions make a multi-record change all-or-nothing: after begin, a
 * rollback restores the graph exactly as it was (entities, statements,
 * predicates, attributes). Transactions do not nest: begin inside a
 * transaction returns KG_EUSAGE. The plugin host wraps every import in one. */
KG_API int kg_graph_begin(kg_graph_t *g);
KG_API int kg_graph_commit(kg_graph_t *g);
KG_API int kg_graph_rollback(kg_graph_t *g);
KG_API int kg_graph_in_transaction(const kg_graph_t *g);

/* Interns s in the graph's string pool and returns the pooled copy, valid
 * for the graph's life. Returns NULL on out-of-memory or when s is NULL. */
KG_API const char *kg_graph_intern(kg_graph_t *g, const char *s);

/* -------------------------------------------------------------- entities */

/* What an importer knows about an entity. Everything but id is optional
 * (NULL / 0). Strings and attrs are borrowed: the graph copies them. */
typedef struct kg_entity_spec {
    const char *id;
    const char *kind;        /* defaults to "entity" when the entity is new */
    const char *label;
    const char *date;        /* ISO 8601 (partial allowed); for sources, the published date */
    const char *const *aliases;
    size_t n_aliases;
    const char *publisher;   /* sources only */
    const char *url;         /* sources only */
    const json_t *attrs;     /* a JSON object, or NULL */
    const char *origin;      /* where it was read, for messages: file name; may be NULL */
    int line;                /* and line, 0 when unknown */
} kg_entity_spec_t;

/* Initialises a spec: everything NULL/0. Use it rather than a literal {0}: a field appended in a later
 * version then starts unset in code built before it. */
KG_API void kg_entity_spec_init(kg_entity_spec_t *spec);

/* Ids made from names (kernel/src/names.c), the same for the same name in every file and importer.
 * kg_slug_id writes "prefix:slug" into out (cleared first): ASCII letters and digits lowercased, any other ASCII
 * run as one '-', other bytes (other scripts) kept ("Ales Bialiatski" -> person:ales-bialiatski); a name of
 * punctuation only is kept as it is. kg_graph_source_from_text: the source a citation written as text names,
 * made when new: a source entity's id as it is; a URL, a source with that url; anything else, a source with that
 * title; their ids made from the text (src:www-nytimes-com-2016-05-31-...). Its id goes to *id. Both need
 * kgkit/buf.h; they return KG_OK, KG_ENOMEM, or kg_graph_add_entity's errors. */
typedef struct kg_buf kg_buf_t;
KG_API int kg_slug_id(const char *prefix, const char *name, kg_buf_t *out);
KG_API int kg_graph_source_from_text(kg_graph_t *g, const char *text, const char *origin, int line, kg_buf_t *id,
                                     kg_error_t *err);

/* Adds an entity, or merges into the entity with the same id: aliases and
 * attributes are united; a different label or date is kept as it was and
 * reported as a warning (the other label becomes an alias); a different kind,
 * publisher or url is an error (KG_ECONFLICT), except that the default kind
 * "entity" (none said) takes the kind a later spec says. The handle goes to *out
 * (may be NULL). Errors: KG_EINPUT (empty id, bad date, attrs not an object),
 * KG_ECONFLICT, KG_ENOMEM. On error nothing is changed. */
KG_API int kg_graph_add_entity(kg_graph_t *g, const kg_entity_spec_t *spec, kg_entity_t *out,
                               kg_error_t *err);

KG_API size_t kg_graph_entity_count(const kg_graph_t *g);

/* The entity with exactly this id, or KG_NONE. O(1). */
KG_API kg_entity_t kg_graph_entity_by_id(const kg_graph_t *g, const char *id);

/* Finds an entity by id, then by alias or label (exact match, O(1)); failing
 * those, by a name that is one of theirs with case, accents, punctuation, word
 * order and script set aside ("paul manafort", "Лукашэнка": kgkit/names.h;
 * O(entities)). Returns KG_OK, KG_ENOTFOUND, or KG_ECONFLICT when the name
 * names several entities (err lists them with their kinds). */
KG_API int kg_graph_find(const kg_graph_t *g, const char *id_or_alias, kg_entity_t *out,
                         kg_error_t *err);

/* Accessors. Returned strings are interned (valid for the graph's life);
 * NULL when absent. Handles out of range give NULL / 0. */
KG_API const char *kg_entity_id(const kg_graph_t *g, kg_entity_t e);
KG_API const char *kg_entity_kind(const kg_graph_t *g, kg_entity_t e);
KG_API const char *kg_entity_label(const kg_graph_t *g, kg_entity_t e);
KG_API const char *kg_entity_date(const kg_graph_t *g, kg_entity_t e);
KG_API const char *kg_entity_publisher(const kg_graph_t *g, kg_entity_t e);
KG_API const char *kg_entity_url(const kg_graph_t *g, kg_entity_t e);
KG_API size_t kg_entity_alias_count(const kg_graph_t *g, kg_entity_t e);
KG_API const char *kg_entity_alias(const kg_graph_t *g, kg_entity_t e, size_t i);
/* The label, or the id when there is no label. */
KG_API const char *kg_entity_name(const kg_graph_t *g, kg_entity_t e);
KG_API int kg_entity_is_source(const kg_graph_t *g, kg_entity_t e);

/* Attributes: a JSON object owned by the graph (borrowed; NULL when the
 * entity has none). Do not modify it directly: use the setters, which keep
 * transactions able to roll back. */
KG_API const json_t *kg_entity_attrs(const kg_graph_t *g, kg_entity_t e);
KG_API const json_t *kg_entity_attr(const kg_graph_t *g, kg_entity_t e, const char *key);
/* Sets attribute key to value, stealing the reference to value (even on
 * error), as json_object_set_new does. Analyses use this to write results
 * back. Returns KG_OK, KG_EUSAGE (bad handle/key/NULL value) or KG_ENOMEM. */
KG_API int kg_entity_attr_set_new(kg_graph_t *g, kg_entity_t e, const char *key, json_t *value);

/* ------------------------------------------------------------ statements */

/* One cited source, with the quote that supports the statement (or NULL). */
typedef struct kg_cite {
    const char *source; /* id of an entity of kind "source" */
    const char *quote;
} kg_cite_t;

/* What an importer knows about a statement. subject and predicate are
 * required; exactly one of object (an entity id: a relation) and value
 * (type != KG_VALUE_NONE: a claim). All strings borrowed. */
typedef struct kg_stmt_spec {
    const char *subject;
    const char *predicate;
    const char *object;
    kg_value_t value;
    const char *as_of;          /* ISO 8601, partial allowed */
    const char *according_to;   /* entity id */
    const kg_cite_t *cites;
    size_t n_cites;
    const json_t *attrs;        /* JSON object or NULL */
    const char *origin;         /* for messages: file name; may be NULL */
    int line;
} kg_stmt_spec_t;

/* Initialises a spec: everything NULL/0, value "none". */
KG_API void kg_stmt_spec_init(kg_stmt_spec_t *spec);

/* Adds a statement. Ids must name existing entities (by id, not alias); cited
 * sources must be entities of kind "source". A statement equal to an existing
 * one (same subject, predicate, object or value, as_of and according_to)
 * merges into it: the citations and attributes are united. A value whose type
 * contradicts the predicate's declaration is an error naming the field.
 * Errors: KG_EINPUT, KG_ENOTFOUND (unknown id, named in err), KG_ENOMEM.
 * On error nothing is changed. */
/* For importers of formats with parallel edges (DOT, GraphML, GEXF, GML): adds the relation as
 * kg_graph_add_stmt does; when it equals one that this import added already (a handle of first or more, first
 * being kg_graph_stmt_count when the import began), the statement's KG_ATTR_MULTIPLICITY counts one more, so
 * that parallel edges keep their number. */
KG_API int kg_graph_add_parallel(kg_graph_t *g, const kg_stmt_spec_t *spec, size_t first, kg_stmt_t *out,
                                 kg_error_t *err);
KG_API int kg_graph_add_stmt(kg_graph_t *g, const kg_stmt_spec_t *spec, kg_stmt_t *out,
                             kg_error_t *err);

KG_API size_t kg_graph_stmt_count(const kg_graph_t *g);

KG_API kg_entity_t kg_stmt_subject(const kg_graph_t *g, kg_stmt_t s);
KG_API const char *kg_stmt_predicate(const kg_graph_t *g, kg_stmt_t s);
/* The object entity, or KG_NONE for a claim. */
KG_API kg_entity_t kg_stmt_object(const kg_graph_t *g, kg_stmt_t s);
/* Fills *out with the value (type KG_VALUE_NONE for a relation). */
KG_API void kg_stmt_value(const kg_graph_t *g, kg_stmt_t s, kg_value_t *out);
KG_API const char *kg_stmt_as_of(const kg_graph_t *g, kg_stmt_t s);
/* The entity the report attributes the statement to, or KG_NONE. */
KG_API kg_entity_t kg_stmt_according_to(const kg_graph_t *g, kg_stmt_t s);
KG_API size_t kg_stmt_cite_count(const kg_graph_t *g, kg_stmt_t s);
/* The i-th citation: its source entity, and quote (NULL when none). */
KG_API kg_entity_t kg_stmt_cite(const kg_graph_t *g, kg_stmt_t s, size_t i, const char **quote);
/* The statement's attributes (a JSON object, or NULL), borrowed and read-only: statements that have just the same
 * shared value (an analysis's verdict) share one object, so change them only through kg_stmt_attr_set_new. */
KG_API const json_t *kg_stmt_attrs(const kg_graph_t *g, kg_stmt_t s);
KG_API const json_t *kg_stmt_attr(const kg_graph_t *g, kg_stmt_t s, const char *key);
/* As kg_entity_attr_set_new, for statements. */
KG_API int kg_stmt_attr_set_new(kg_graph_t *g, kg_stmt_t s, const char *key, json_t *value);

/* ------------------------------------------------------------ predicates */

typedef enum kg_pred_kind {
    KG_PRED_UNKNOWN = 0, /* not declared: inferred from use */
    KG_PRED_RELATION,
    KG_PRED_CLAIM
} kg_pred_kind_t;

/* A predicate's declaration. Fields not declared are left at their "unset"
 * values: kind KG_PRED_UNKNOWN, functional/cumulative -1, value_type
 * KG_VALUE_NONE, tolerance NAN, strings NULL. */
typedef struct kg_predicate {
    const char *name;
    kg_pred_kind_t kind;
    int functional;             /* 1 one value at a time, 0 multi-valued */
    kg_value_type_t value_type; /* for claims: number, text or date */
    const char *unit;
    double tolerance;           /* relative, e.g. 0.05 for 5 % */
    int cumulative;             /* 1: a running total that cannot decrease */
    const char *label;
    const char *description;
} kg_predicate_t;

KG_API void kg_predicate_init(kg_predicate_t *p, const char *name);

/* Symmetric relations (married_to, allied_with: A with B is B with A). Declares the predicate a symmetric (or,
 * with 0, a directed) relation: the exporters write its statements as undirected edges and the diagrams draw
 * them without arrowheads. A claim cannot be symmetric, and a different earlier declaration is a clash
 * (KG_EINPUT). kg_graph_predicate_symmetric: 1, 0, or -1 when not said (an unknown predicate too).
 * kg_stmt_undirected: whether a relation has no direction: its predicate is symmetric, or it is marked
 * KG_ATTR_UNDIRECTED (kgkit/attrs.h). */
KG_API int kg_graph_declare_symmetric(kg_graph_t *g, const char *name, int symmetric, kg_error_t *err);
KG_API int kg_graph_predicate_symmetric(const kg_graph_t *g, const char *name);
KG_API int kg_stmt_undirected(const kg_graph_t *g, kg_stmt_t s);

/* The words of a declaration, read once for every importer: "relation" or
 * "claim" (KG_OK, else KG_ENOTFOUND); "entity", "number", "text" or "date"
 * (entity is KG_VALUE_NONE: a relation's object). */
KG_API int kg_pred_kind_parse(const char *name, kg_pred_kind_t *out);
KG_API const char *kg_pred_kind_name(kg_pred_kind_t kind); /* "relation", "claim", or NULL when unknown */
KG_API int kg_value_type_parse(const char *name, kg_value_type_t *out);

/* A declaration as the native format writes it ({"kind", "functional",
 * "value_type", "unit", "tolerance", "cumulative", "label", "description"})
 * into *out (strings borrowed from decl). Fields it does not know are the
 * caller's to refuse. Errors (KG_EINPUT) say what is wrong with which field,
 * in words prefixed by `predicate "name"`; no location: the caller adds its
 * file, line and column. */
KG_API int kg_predicate_from_json(const char *name, const json_t *decl, kg_predicate_t *out, kg_error_t *err);

/* Declares (or merges a declaration of) a predicate. A field declared twice
 * with different values is KG_ECONFLICT; statements already using the
 * predicate must fit the declaration (KG_ECONFLICT otherwise: the command
 * then reads the declaring file first). */
KG_API int kg_graph_declare_predicate(kg_graph_t *g, const kg_predicate_t *decl, kg_error_t *err);

/* Predicates declared or used, in order of first appearance. */
KG_API size_t kg_graph_predicate_count(const kg_graph_t *g);
KG_API const char *kg_graph_predicate_name(const kg_graph_t *g, size_t i);
/* The declaration as written (unset fields unset). Returns KG_ENOTFOUND when
 * the predicate was never declared nor used. */
KG_API int kg_graph_predicate_declared(const kg_graph_t *g, const char *name, kg_predicate_t *out);
/* The effective description: declared fields, and defaults for the rest —
 * kind and value type from use, relations multi-valued, claims functional,
 * tolerance 0.05 for "about" numbers, not cumulative. */
KG_API int kg_graph_predicate(const kg_graph_t *g, const char *name, kg_predicate_t *out);

/* --------------------------------------------------------------- queries */

/* Lists of handles are borrowed from the graph's indexes: valid until the
 * graph next changes. Indexes are built on first use after a change, in time
 * linear in the graph; lookups are O(1) plus the size of the answer. */

/* Builds the indexes now. Reading a graph is then safe from several threads at once (until it next changes):
 * the const API changes nothing else. KG_OK, or KG_ENOMEM (the indexes are then built on first use, and the
 * graph must be read from one thread). */
KG_API int kg_graph_prepare(const kg_graph_t *g);
/* Entities of one kind, in insertion order. */
KG_API const kg_entity_t *kg_graph_entities_of_kind(const kg_graph_t *g, const char *kind, size_t *n);
/* The distinct kinds, in order of first appearance. */
KG_API size_t kg_graph_kind_count(const kg_graph_t *g);
KG_API const char *kg_graph_kind(const kg_graph_t *g, size_t i);

/* Statements whose subject / object is e, or that cite source e. */
KG_API const kg_stmt_t *kg_graph_stmts_by_subject(const kg_graph_t *g, kg_entity_t e, size_t *n);
KG_API const kg_stmt_t *kg_graph_stmts_by_object(const kg_graph_t *g, kg_entity_t e, size_t *n);
KG_API const kg_stmt_t *kg_graph_stmts_by_source(const kg_graph_t *g, kg_entity_t source, size_t *n);
/* Statements with this predicate. */
KG_API const kg_stmt_t *kg_graph_stmts_by_predicate(const kg_graph_t *g, const char *predicate, size_t *n);

typedef enum kg_direction { KG_OUT = 1, KG_IN = 2, KG_BOTH = 3 } kg_direction_t;

/* The distinct entities joined to e by relations in the given direction,
 * in a new array (kg_free it) of *n handles, sorted by handle. Returns KG_OK
 * or KG_ENOMEM. */
KG_API int kg_graph_neighbours(const kg_graph_t *g, kg_entity_t e, kg_direction_t dir,
                               kg_entity_t **out, size_t *n);

#ifdef __cplusplus
}
#endif
#endif
