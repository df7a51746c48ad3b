/* csv_plugin.h - the CSV plugin inside: an RFC 4180 reader, the three tables (entities, statements, predicates). */
#ifndef KG_CSV_PLUGIN_H
#define KG_CSV_PLUGIN_H

#include <kgkit/kgkit.h>

/* Reads records of an RFC 4180 file: fields separated by commas, quoted
 * fields with doubled quotes and line breaks inside, CRLF or LF, a UTF-8 BOM
 * skipped. */
typedef struct csv_reader {
    FILE *in;
    const char *path;
    int line;          /* the line the current record starts on */
    int next_line;
    char **fields;     /* the current record */
    size_t n, cap;
    kg_buf_t buf;      /* field storage: the record's fields, each NUL-terminated */
    size_t *offsets;
    size_t cap_offsets;
    int started;
} csv_reader_t;

void csv_reader_init(csv_reader_t *r, FILE *in, const char *path);
/* Reads the next record: 1, 0 at the end, or minus a kg_status (err filled). */
int csv_read(csv_reader_t *r, kg_error_t *err);
void csv_reader_free(csv_reader_t *r);

/* One field, quoted when it needs to be. */
void csv_write_field(FILE *out, const char *s);

int csv_import(kg_graph_t *g, FILE *in, const char *path, const kg_opts_t *opts, kg_error_t *err);
int csv_sniff(const char *head, size_t len);
extern const kg_param_t csv_export_params[];
int csv_export_statements(const kg_graph_t *g, FILE *out, const kg_opts_t *opts, kg_error_t *err);
int csv_export_entities(const kg_graph_t *g, FILE *out, const kg_opts_t *opts, kg_error_t *err);
int csv_export_predicates(const kg_graph_t *g, FILE *out, const kg_opts_t *opts, kg_error_t *err);

#endif
