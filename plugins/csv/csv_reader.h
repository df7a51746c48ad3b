/* csv_reader.h - the RFC 4180 reader (reader.c), shared by the plugins that read CSV: csv, and ftm for FtM's statement tables. */
#ifndef KG_CSV_READER_H
#define KG_CSV_READER_H

#include <kgkit/kgkit.h>

/* Reads records of an RFC 4180 file: fields separated by commas (or the
 * delimiter set), quoted fields with doubled quotes and line breaks inside,
 * CRLF or LF, a UTF-8 BOM skipped. Spaces before an opening quote are
 * dropped (`a, "b, c"`, as many hand-written files have it). */
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
    char delim;        /* ',' unless set after csv_reader_init */
} csv_reader_t;

void csv_reader_init(csv_reader_t *r, FILE *in, const char *path);
/* Reads the next record: 1, 0 at the end, or minus a kg_status (err filled). */
int csv_read(csv_reader_t *r, kg_error_t *err);
void csv_reader_free(csv_reader_t *r);

/* One field, quoted when it needs to be. */
void csv_write_field(FILE *out, const char *s);

#endif
