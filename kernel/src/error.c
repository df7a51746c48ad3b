/* error.c - the error struct, status names, the shared allocator and the library version. */
#include "kgkit/error.h"
#include "alloc.h"
#include "graph_internal.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *kg_version(void)
{
    return KG_VERSION_STRING;
}

void *kg_malloc(size_t size)
{
    return kg_i_malloc(size ? size : 1);
}

void kg_free(void *ptr)
{
    free(ptr);
}

void kg_error_clear(kg_error_t *err)
{
    if (!err)
        return;
    err->code = KG_OK;
    err->line = 0;
    err->column = 0;
    err->source[0] = '\0';
    err->text[0] = '\0';
}

static int set_v(kg_error_t *err, int code, const char *source, int line, int column, const char *fmt, va_list ap)
{
    if (!err)
        return code;
    err->code = code;
    err->line = line;
    err->column = column;
    snprintf(err->source, sizeof err->source, "%s", source ? source : "");
    vsnprintf(err->text, sizeof err->text, fmt, ap);
    kg_i_printable(err->text, sizeof err->text);
    kg_i_printable(err->source, sizeof err->source);
    return code;
}

int kg_error_set(kg_error_t *err, int code, const char *source, int line, int column, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int rc = set_v(err, code, source, line, column, fmt, ap);
    va_end(ap);
    return rc;
}

int kg_error_say(kg_error_t *err, int code, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int rc = set_v(err, code, NULL, 0, 0, fmt, ap);
    va_end(ap);
    return rc;
}

void kg_error_prefix(kg_error_t *err, const char *fmt, ...)
{
    if (!err)
        return;
    char prefix[KG_ERROR_TEXT_LENGTH], old[KG_ERROR_TEXT_LENGTH];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(prefix, sizeof prefix, fmt, ap);
    va_end(ap);
    memcpy(old, err->text, sizeof old);
    snprintf(err->text, sizeof err->text, "%s: %s", prefix, old);
    kg_i_printable(err->text, sizeof err->text);
}

int kg_error_format(const kg_error_t *err, char *buf, size_t size)
{
    if (!err->source[0])
        return snprintf(buf, size, "%s", err->text);
    if (err->line > 0 && err->column > 0)
        return snprintf(buf, size, "%s:%d:%d: %s", err->source, err->line, err->column, err->text);
    if (err->line > 0)
        return snprintf(buf, size, "%s:%d: %s", err->source, err->line, err->text);
    return snprintf(buf, size, "%s: %s", err->source, err->text);
}

const char *kg_status_str(int code)
{
    switch (code) {
    case KG_OK: return "ok";
    case KG_EINPUT: return "bad input";
    case KG_EUSAGE: return "usage error";
    case KG_ENOTFOUND: return "not found";
    case KG_ENOMEM: return "out of memory";
    case KG_EIO: return "input/output error";
    case KG_EPLUGIN: return "plugin error";
    case KG_ECONFLICT: return "conflict";
    case KG_EINTERNAL: return "internal error";
    default: return "unknown error";
    }
}
