/* strpool.h - string interning for the graph: each distinct string stored once, named by a small integer. */
#ifndef KG_STRPOOL_H
#define KG_STRPOOL_H

#include <stddef.h>
#include <stdint.h>

/* Symbol 0 means "no string". Interned strings live in arena chunks and never
 * move, so pointers returned by kg_strpool_str stay valid for the pool's life. */
typedef struct kg_strpool_chunk kg_strpool_chunk_t;
/* A slot of the table holds what a probe compares, so that a probe that misses reads nothing else. */
typedef struct kg_strpool_slot {
    const char *str;
    uint32_t hash, sym; /* sym 0: empty */
} kg_strpool_slot_t;
typedef struct kg_strpool {
    const char **strs;     /* sym -> string (strs[0] == NULL) */
    uint32_t n, cap;
    kg_strpool_slot_t *table; /* open addressing */
    size_t table_cap;      /* power of two */
    kg_strpool_chunk_t *chunks;
    char *cur;
    size_t left;
} kg_strpool_t;

int kg_strpool_init(kg_strpool_t *p);
void kg_strpool_destroy(kg_strpool_t *p);
/* The symbol of s (len bytes), adding it when new. 0 on out-of-memory. */
uint32_t kg_strpool_intern(kg_strpool_t *p, const char *s, size_t len);
/* The symbol of s if interned, else 0. Never allocates. */
uint32_t kg_strpool_lookup(const kg_strpool_t *p, const char *s);
static inline const char *kg_strpool_str(const kg_strpool_t *p, uint32_t sym)
{
    return sym < p->n ? p->strs[sym] : NULL;
}
uint64_t kg_hash_bytes(const void *data, size_t len, uint64_t seed);

#endif
