/* kgkit/buf.h - growing memory, for the kernel and plugins alike: a text buffer, and arrays that grow by doubling. */
#ifndef KGKIT_BUF_H
#define KGKIT_BUF_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include "common.h"

/* A growable text (or byte) buffer, like jansson's strbuffer or libgit2's
 * git_buf. Start it with KG_BUF_INIT. data is owned by the buffer, NULL
 * until something is added, and then always NUL-terminated (len excludes
 * the NUL). An allocation that fails sets `failed` and leaves the text as it
 * was; later adds do nothing, so a writer can add many pieces and check once
 * at the end. Free with kg_buf_free, or take the text with kg_buf_detach. */
typedef struct kg_buf {
    char *data;
    size_t len, cap;
    int failed;
} kg_buf_t;

#define KG_BUF_INIT {NULL, 0, 0, 0}

/* Each returns KG_OK, or KG_ENOMEM (also when the buffer had failed before). */
KG_API int kg_buf_add(kg_buf_t *b, const void *data, size_t n);
KG_API int kg_buf_puts(kg_buf_t *b, const char *s);
KG_API int kg_buf_putc(kg_buf_t *b, int c);
KG_API int kg_buf_printf(kg_buf_t *b, const char *fmt, ...) KG_PRINTF(2, 3);
/* Room for `more` bytes beyond len without another allocation. */
KG_API int kg_buf_reserve(kg_buf_t *b, size_t more);
/* Empties the buffer (len 0, failed cleared) and keeps its memory. */
KG_API void kg_buf_clear(kg_buf_t *b);
/* The text, now the caller's to free() (an empty string when nothing was added; NULL when the buffer failed,
 * or when that empty string cannot be allocated); the buffer is left empty. */
KG_API char *kg_buf_detach(kg_buf_t *b);
KG_API void kg_buf_free(kg_buf_t *b);
/* The writers' step: once the buffer holds more than `above` bytes (0: anything), writes it to out and empties
 * it. KG_OK; KG_ENOMEM when the buffer had failed; KG_EIO when the write fails. */
KG_API int kg_buf_flush(kg_buf_t *b, FILE *out, size_t above);

/* The strings after size, up to a NULL, joined into buf as snprintf(buf, size, "%s%s...", ...) would: cut to
 * size - 1 bytes and NUL-terminated (nothing written when size is 0). Returns the length the whole text has,
 * as snprintf does. For the words of a report, where printf's parsing of its format would cost more than the
 * copying. */
KG_API size_t kg_strjoin(char *buf, size_t size, ...) KG_SENTINEL;

/* Makes room for at least `need` items of `size` bytes in the array *items of
 * capacity *cap (doubling, from 16): the growth step every list needs. Returns
 * KG_OK, or KG_ENOMEM with *items and *cap as they were (also on overflow). */
KG_API int kg_array_reserve(void **items, size_t *cap, size_t need, size_t size);

/* Where a 64-bit key goes in an open-addressing table: `kg_hash_u64(key) & (slots - 1)`. Every bit of the key
 * reaches the low bits (splitmix64's finalizer), so keys that differ only in their high half, such as the pairs
 * (a << 32 | b) of one b, do not all fall into one run of slots (a plain multiply keeps the low bits of the low
 * half only: at 5M statements the diagram's and the network's pair tables spent seconds probing). */
static inline uint64_t kg_hash_u64(uint64_t x)
{
    x ^= x >> 30;
    x *= 0xbf58476d1ce4e5b9ull;
    x ^= x >> 27;
    x *= 0x94d049bb133111ebull;
    return x ^ (x >> 31);
}

#endif
