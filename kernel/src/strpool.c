/* strpool.c - string interning: an arena of strings and an open-addressing hash table of symbols. */
#include "strpool.h"
#include "alloc.h"

#include <stdlib.h>
#include <string.h>

#define CHUNK_SIZE (256 * 1024)

struct kg_strpool_chunk {
    kg_strpool_chunk_t *next;
    char data[];
};

/* 64-bit FNV-1a with a final avalanche (so low bits are usable for masks). */
uint64_t kg_hash_bytes(const void *data, size_t len, uint64_t seed)
{
    const unsigned char *p = data;
    uint64_t h = 0xcbf29ce484222325ULL ^ seed;
    for (size_t i = 0; i < len; i++) {
        h ^= p[i];
        h *= 0x100000001b3ULL;
    }
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdULL;
    h ^= h >> 33;
    return h;
}

int kg_strpool_init(kg_strpool_t *p)
{
    memset(p, 0, sizeof *p);
    p->cap = 1024;
    p->strs = kg_i_malloc(p->cap * sizeof *p->strs);
    p->table_cap = 2048;
    p->table = kg_i_calloc(p->table_cap, sizeof *p->table);
    if (!p->strs || !p->table) {
        kg_strpool_destroy(p);
        return -1;
    }
    p->strs[0] = NULL;
    p->n = 1;
    return 0;
}

void kg_strpool_destroy(kg_strpool_t *p)
{
    kg_strpool_chunk_t *c = p->chunks;
    while (c) {
        kg_strpool_chunk_t *next = c->next;
        free(c);
        c = next;
    }
    free(p->strs);
    free(p->table);
    memset(p, 0, sizeof *p);
}

static char *pool_alloc(kg_strpool_t *p, size_t size)
{
    if (size > p->left) {
        size_t want = size > CHUNK_SIZE / 4 ? size : CHUNK_SIZE;
        kg_strpool_chunk_t *c = kg_i_malloc(sizeof *c + want);
        if (!c)
            return NULL;
        c->next = p->chunks;
        p->chunks = c;
        if (want == size) {
            /* a big string gets a chunk of its own; keep the current one */
            return c->data;
        }
        p->cur = c->data;
        p->left = want;
    }
    char *r = p->cur;
    p->cur += size;
    p->left -= size;
    return r;
}

static int grow_table(kg_strpool_t *p)
{
    size_t cap = p->table_cap * 2;
    kg_strpool_slot_t *t = kg_i_calloc(cap, sizeof *t);
    if (!t)
        return -1;
    for (size_t k = 0; k < p->table_cap; k++) { /* each slot knows its hash: rehashing reads nothing else */
        if (!p->table[k].sym)
            continue;
        size_t i = p->table[k].hash & (cap - 1);
        while (t[i].sym)
            i = (i + 1) & (cap - 1);
        t[i] = p->table[k];
    }
    free(p->table);
    p->table = t;
    p->table_cap = cap;
    return 0;
}

static uint32_t find(const kg_strpool_t *p, const char *s, size_t len, uint32_t h, size_t *slot)
{
    size_t mask = p->table_cap - 1;
    size_t i = h & mask;
    for (;;) {
        const kg_strpool_slot_t *t = &p->table[i];
        if (!t->sym) {
            *slot = i;
            return 0;
        }
        if (t->hash == h && strncmp(t->str, s, len) == 0 && t->str[len] == '\0')
            return t->sym;
        i = (i + 1) & mask;
    }
}

uint32_t kg_strpool_intern(kg_strpool_t *p, const char *s, size_t len)
{
    uint32_t h = (uint32_t)kg_hash_bytes(s, len, 0);
    size_t slot;
    uint32_t sym = find(p, s, len, h, &slot);
    if (sym)
        return sym;
    if ((size_t)(p->n + 1) * 2 > p->table_cap) {
        if (grow_table(p) != 0)
            return 0;
        find(p, s, len, h, &slot);
    }
    if (p->n == p->cap) {
        if (p->cap >= UINT32_MAX / 2)
            return 0;
        uint32_t cap = p->cap * 2;
        const char **strs = kg_i_realloc(p->strs, cap * sizeof *strs);
        if (!strs)
            return 0;
        p->strs = strs;
        p->cap = cap;
    }
    char *copy = pool_alloc(p, len + 1);
    if (!copy)
        return 0;
    memcpy(copy, s, len);
    copy[len] = '\0';
    sym = p->n++;
    p->strs[sym] = copy;
    p->table[slot] = (kg_strpool_slot_t){copy, h, sym};
    return sym;
}

uint32_t kg_strpool_lookup(const kg_strpool_t *p, const char *s)
{
    if (!s)
        return 0;
    size_t len = strlen(s);
    size_t slot;
    return find(p, s, len, (uint32_t)kg_hash_bytes(s, len, 0), &slot);
}
