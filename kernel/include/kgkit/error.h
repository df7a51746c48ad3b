/* kgkit/error.h - status codes and the one error struct (message + location) used everywhere. */
#ifndef KGKIT_ERROR_H
#define KGKIT_ERROR_H

#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Status codes. Every fallible function returns one; 0 is success. */
typedef enum kg_status {
    KG_OK = 0,
    KG_EINPUT = 1,    /* malformed or inconsistent input (file, record, value) */
    KG_EUSAGE = 2,    /* a caller asked for something that makes no sense */
    KG_ENOTFOUND = 3, /* an id, alias, format or plugin that does not exist */
    KG_ENOMEM = 4,    /* out of memory */
    KG_EIO = 5,       /* reading or writing a file failed */
    KG_EPLUGIN = 6,   /* a plugin could not be loaded or misbehaved */
    KG_ECONFLICT = 7, /* a clash that cannot be merged (kinds, declarations, names) */
    KG_EINTERNAL = 8  /* a bug: an invariant did not hold */
} kg_status_t;

#define KG_ERROR_SOURCE_LENGTH 256
#define KG_ERROR_TEXT_LENGTH 512

/* Caller-owned error report, passed last. Filled on failure; the error path
 * never allocates. line and column are 1-based, 0 when unknown. source is a
 * file name, "<stdin>", a plugin path or empty. */
typedef struct kg_error {
    int code;
    int line;
    int column;
    char source[KG_ERROR_SOURCE_LENGTH];
    char text[KG_ERROR_TEXT_LENGTH];
} kg_error_t;

/* Resets err to "no error". err may be NULL. */
KG_API void kg_error_clear(kg_error_t *err);

/* Fills err (when not NULL) and returns code, so that `return kg_error_set(...)`
 * reads naturally. source may be NULL. The message is truncated to fit. */
KG_API int kg_error_set(kg_error_t *err, int code, const char *source, int line, int column,
                        const char *fmt, ...) KG_PRINTF(6, 7);

/* The same for an error that belongs to no file: a bad parameter, out of memory,
 * an analysis that cannot run. */
KG_API int kg_error_say(kg_error_t *err, int code, const char *fmt, ...) KG_PRINTF(3, 4);

/* Prefixes err->text with "prefix: " (e.g. the plugin or record being processed). */
KG_API void kg_error_prefix(kg_error_t *err, const char *fmt, ...) KG_PRINTF(2, 3);

/* Writes "source:line:column: text" (parts that are unknown left out) into buf.
 * Returns the length that the full text needs, like snprintf. */
KG_API int kg_error_format(const kg_error_t *err, char *buf, size_t size);

/* A short, static name for a status code ("bad input", "not found", ...). */
KG_API const char *kg_status_str(int code);

#ifdef __cplusplus
}
#endif
#endif
