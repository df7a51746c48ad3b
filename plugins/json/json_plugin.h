/* json_plugin.h - shared pieces of the native-format plugin: record <-> graph conversion, readers, writers. */
#ifndef KG_JSON_PLUGIN_H
#define KG_JSON_PLUGIN_H

#include <kgkit/kgkit.h>

/* Where a record was read, for messages. */
typedef struct rec_ctx {
    kg_graph_t *g;
    const char *path;
    int line, column;
    kg_error_t *err;
} rec_ctx_t;

/* Adds one record to the graph. kind is "source", "entity", "statement" or
 * "predicate" (with the record's name for predicates from the document's
 * "predicates" object, else NULL). type_field: whether a "type" member is
 * allowed (JSON Lines). Returns a kg status; err is filled. */
int rec_source(rec_ctx_t *c, json_t *rec, int type_field);
int rec_entity(rec_ctx_t *c, json_t *rec, int type_field);
int rec_statement(rec_ctx_t *c, json_t *rec, int type_field);
int rec_predicate(rec_ctx_t *c, const char *name, json_t *rec, int type_field);

/* Statements whose references are not known yet wait here until the end of
 * the input (records may come in any order): read and checked once, as their
 * strings in one arena and their numbers in a record each (far smaller than
 * decoded trees, and not parsed a second time). */
typedef struct deferred_rec {
    size_t at;              /* their strings, in the arena from here */
    size_t n_cites;
    kg_value_type_t type;
    kg_qualifier_t qualifier;
    double amount, lower, upper;
    json_t *attrs;          /* a reference, or NULL */
    int line, column;
} deferred_rec_t;

typedef struct deferred {
    kg_buf_t text;
    deferred_rec_t *recs;
    size_t n, cap;
} deferred_t;
/* Adds the waiting statements; an unknown reference then is an error. */
int deferred_flush(deferred_t *d, rec_ctx_t *c, int type_field);
void deferred_free(deferred_t *d);
void deferred_clear(deferred_t *d); /* empty, its memory kept */
/* Adds a statement now, or defers it when a reference is not yet known. */
int rec_statement_or_defer(rec_ctx_t *c, json_t *rec, int type_field, deferred_t *d);
/* The same in two steps, for a reader that decodes in another thread: a statement record read and checked
 * into the list `into` (no graph needed), then statement i of that list added, or made to wait in d. */
int rec_statement_read(rec_ctx_t *c, json_t *rec, int type_field, deferred_t *into);
int rec_statement_add_read(rec_ctx_t *c, const deferred_t *from, size_t i, deferred_t *d);

/* Builds the JSON records of the graph (new references). */
json_t *out_predicate(const kg_graph_t *g, const char *name); /* NULL when undeclared */
json_t *out_entity(const kg_graph_t *g, kg_entity_t e);        /* sources in source form */
json_t *out_statement(const kg_graph_t *g, kg_stmt_t s);

/* The JSON Lines reader (lines.c): decoded records in file order, read ahead in a thread of their own when
 * the input is big. */
typedef struct jl_reader jl_reader_t;
typedef struct jl_record {
    /* a statement, read and checked: flat->recs[at]; any other record as its tree; both the reader's until
     * the next record is asked for (take a reference to keep any of the tree) */
    const deferred_t *flat;
    size_t at;
    json_t *rec;
    int lineno;
} jl_record_t;
jl_reader_t *jl_reader_new(FILE *in, const char *path); /* NULL when out of memory */
/* The next record: 1, or 0 when the input has ended (jl_reader_status says whether early). */
int jl_reader_next(jl_reader_t *r, jl_record_t *out);
/* Once jl_reader_next gave 0: KG_OK at the end of the input, else the error that ended it early (a syntax
 * error, a statement record that is not one, a line too long for memory, a failed read) copied into err. */
int jl_reader_status(const jl_reader_t *r, kg_error_t *err);
/* Stops the reading and frees every record. NULL-safe. */
void jl_reader_free(jl_reader_t *r);

int json_import_document(kg_graph_t *g, FILE *in, const char *path, const kg_opts_t *opts, kg_error_t *err);
int json_import_lines(kg_graph_t *g, FILE *in, const char *path, const kg_opts_t *opts, kg_error_t *err);
int json_sniff_document(const char *head, size_t len);
int json_sniff_lines(const char *head, size_t len);
int json_export_document(const kg_graph_t *g, FILE *out, const kg_opts_t *opts, kg_error_t *err);
int json_export_lines(const kg_graph_t *g, FILE *out, const kg_opts_t *opts, kg_error_t *err);

#define JSON_DUMP_FLAGS (JSON_PRESERVE_ORDER | JSON_ENCODE_ANY)

#endif
