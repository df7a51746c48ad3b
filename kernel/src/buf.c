/* buf.c - the growable text buffer and the array growth step of kgkit/buf.h. */
#include "kgkit/buf.h"
#include "kgkit/error.h"
#include "alloc.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int kg_buf_reserve(kg_buf_t *b, size_t more)
{
    if (b->failed)
        return KG_ENOMEM;
    if (more > SIZE_MAX / 2 - b->len - 1)
        return (b->failed = 1, KG_ENOMEM);
    size_t need = b->len + more + 1;
    if (need <= b->cap)
        return KG_OK;
    size_t cap = b->cap ? b->cap : 64;
    while (cap < need)
        cap *= 2;
    char *d = kg_i_realloc(b->data, cap);
    if (!d)
        return (b->failed = 1, KG_ENOMEM);
    if (!b->data)
        d[0] = '\0';
    b->data = d;
    b->cap = cap;
    return KG_OK;
}

int kg_buf_add(kg_buf_t *b, const void *data, size_t n)
{
    if (kg_buf_reserve(b, n))
        return KG_ENOMEM;
    if (n)
        memcpy(b->data + b->len, data, n);
    b->len += n;
    b->data[b->len] = '\0';
    return KG_OK;
}

int kg_buf_puts(kg_buf_t *b, const char *s)
{
    return kg_buf_add(b, s, strlen(s));
}

int kg_buf_putc(kg_buf_t *b, int c)
{
    char ch = (char)c;
    return kg_buf_add(b, &ch, 1);
}

int kg_buf_printf(kg_buf_t *b, const char *fmt, ...)
{
    char small[256];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n < 0)
        return kg_buf_reserve(b, 0); /* an encoding error adds nothing */
    if ((size_t)n < sizeof small)
        return kg_buf_add(b, small, (size_t)n);
    if (kg_buf_reserve(b, (size_t)n))
        return KG_ENOMEM;
    va_start(ap, fmt);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
    return KG_OK;
}

size_t kg_strjoin(char *buf, size_t size, ...)
{
    size_t len = 0;
    va_list ap;
    va_start(ap, size);
    for (const char *s; (s = va_arg(ap, const char *)) != NULL;) {
        size_t n = strlen(s);
        if (len + 1 < size) {
            size_t room = size - 1 - len;
            memcpy(buf + len, s, n < room ? n : room);
        }
        len += n;
    }
    va_end(ap);
    if (size)
        buf[len < size ? len : size - 1] = '\0';
    return len;
}

void kg_buf_clear(kg_buf_t *b)
{
    b->len = 0;
    b->failed = 0;
    if (b->data)
        b->data[0] = '\0';
}

char *kg_buf_detach(kg_buf_t *b)
{
    char *s = b->failed ? NULL : b->data ? b->data : kg_i_strdup("");
    if (b->failed)
        free(b->data);
    *b = (kg_buf_t)KG_BUF_INIT;
    return s;
}

void kg_buf_free(kg_buf_t *b)
{
    free(b->data);
    *b = (kg_buf_t)KG_BUF_INIT;
}

int kg_array_reserve(void **items, size_t *cap, size_t need, size_t size)
{
    if (need <= *cap)
        return KG_OK;
    size_t c = *cap ? *cap : 16;
    while (c < need) {
        if (c > SIZE_MAX / 2)
            return KG_ENOMEM;
        c *= 2;
    }
    if (size && c > SIZE_MAX / size)
        return KG_ENOMEM;
    void *x = kg_i_realloc(*items, c * size);
    if (!x)
        return KG_ENOMEM;
    *items = x;
    *cap = c;
    return KG_OK;
}

int kg_buf_flush(kg_buf_t *b, FILE *out, size_t above)
{
    if (b->failed)
        return KG_ENOMEM;
    if (b->len > above) {
        if (fwrite(b->data, 1, b->len, out) != b->len)
            return KG_EIO;
        kg_buf_clear(b);
    }
    return KG_OK;
}
