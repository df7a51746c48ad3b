/* csv_plugin.h - the CSV plugin inside: its reader (csv_reader.h), the three tables (entities, statements, predicates). */
#ifndef KG_CSV_PLUGIN_H
#define KG_CSV_PLUGIN_H

#include "csv_reader.h"

/* decode.c: the input as UTF-8 (a UTF-8 file as it is; else, read as Windows-1252, converted, with a
 * warning naming the first line that is not UTF-8; encoding= forces one), and its delimiter (`,` `;` or tab:
 * the most frequent outside quotes on the first line; delimiter= forces one). */
int csv_decode(kg_graph_t *g, const kg_opts_t *opts, const char *path, char **text, size_t *len, kg_error_t *err);
int csv_delimiter(const kg_opts_t *opts, const char *text, size_t len, char *delim, kg_error_t *err);

/* layout.c: the tables people keep. A mapping (parameters, or a JSON file of the same keys) names the columns'
 * roles; without one, an edge list (Source, Target[, Weight...]), a newsroom's entity pairs (Entity A, Entity B,
 * their types, Connection, Source(s)) and a node table (Id[, Label...]) are recognised by their header. */
typedef struct csv_layout csv_layout_t;
/* Whether the parameters map columns (a mapping file, or any role). */
int csv_layout_mapped(const kg_opts_t *opts);
/* Whether a mapping was given or the header is one of those layouts: 1 with *out made (free with
 * csv_layout_free), 0 when neither (a kgkit table, or nothing kgkit knows), or minus a kg_status. */
int csv_layout_open(kg_graph_t *g, const csv_reader_t *header, const kg_opts_t *opts, csv_layout_t **out,
                    kg_error_t *err);
int csv_layout_row(kg_graph_t *g, csv_layout_t *l, const csv_reader_t *r, kg_error_t *err);
/* After the last row: says what was read how (one line). */
void csv_layout_close(kg_graph_t *g, csv_layout_t *l, const char *path, size_t rows);
void csv_layout_free(csv_layout_t *l);
/* The guidance when a header names nothing kgkit knows. */
int csv_layout_unknown(const csv_reader_t *header, kg_error_t *err);

extern const kg_param_t csv_import_params[];
int csv_import(kg_graph_t *g, FILE *in, const char *path, const kg_opts_t *opts, kg_error_t *err);
int csv_sniff(const char *head, size_t len);
extern const kg_param_t csv_export_params[];
int csv_export_statements(const kg_graph_t *g, FILE *out, const kg_opts_t *opts, kg_error_t *err);
int csv_export_entities(const kg_graph_t *g, FILE *out, const kg_opts_t *opts, kg_error_t *err);
int csv_export_predicates(const kg_graph_t *g, FILE *out, const kg_opts_t *opts, kg_error_t *err);

#endif
