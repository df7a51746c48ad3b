/* alloc.c - the kernel's allocator: every allocation of libkgkit, and jansson's, goes through here, so that a
 * failed one is counted (kg_alloc_failures tells a plugin that jansson's "syntax error" was memory) and a test
 * can make the Nth from now fail (kg_test_alloc_fail, and every one after it when asked), to walk every
 * out-of-memory path and check that each ends in a clean KG_ENOMEM. */
#include "alloc.h"
#include "kgkit/host.h"

#include <jansson.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

/* allocations that returned NULL, injected or real; counted from any thread (the JSON Lines reader decodes in
 * one of its own). The injection below is armed only by single-threaded tests. */
static atomic_ulong failures;
static long countdown;   /* 0: no injection; else allocations left until the one that fails */
static int persistent;   /* after the failure, keep failing */
static int failed;       /* an injected failure happened */
static json_malloc_t saved_malloc;
static json_free_t saved_free;
static void *json_alloc(size_t size);

static int fail_now(void)
{
    if (!countdown)
        return 0;
    if (failed && persistent)
        return 1;
    if (--countdown > 0)
        return 0;
    failed = 1;
    if (!persistent)
        countdown = 0;
    else
        countdown = 1; /* stays armed */
    return 1;
}

static void *counted(void *p)
{
    if (!p)
        atomic_fetch_add_explicit(&failures, 1, memory_order_relaxed);
    return p;
}

void *kg_i_malloc(size_t size)
{
    return counted(fail_now() ? NULL : malloc(size));
}

void *kg_i_calloc(size_t n, size_t size)
{
    return counted(fail_now() ? NULL : calloc(n, size));
}

void *kg_i_realloc(void *p, size_t size)
{
    return counted(fail_now() ? NULL : realloc(p, size));
}

char *kg_i_strdup(const char *s)
{
    size_t n = strlen(s) + 1;
    char *d = kg_i_malloc(n);
    return d ? memcpy(d, s, n) : NULL;
}

static void *json_alloc(size_t size)
{
    return kg_i_malloc(size);
}

/* jansson allocates through kgkit, so that a failed allocation inside it is known as one: jansson reports
 * some as a syntax error, some with no message. Only when the program has not given jansson allocators of
 * its own. */
__attribute__((constructor)) static void hook_jansson(void)
{
    json_get_alloc_funcs(&saved_malloc, &saved_free);
    if (saved_malloc == malloc && saved_free == free)
        json_set_alloc_funcs(json_alloc, free);
}

unsigned long kg_alloc_failures(void)
{
    return atomic_load_explicit(&failures, memory_order_relaxed);
}

int kg_test_alloc_fail(long n, int keep_failing)
{
    int happened = failed;
    json_malloc_t m;
    json_free_t f;
    json_get_alloc_funcs(&m, &f);
    if (m != json_alloc) /* the program set its own: tests still reach jansson's allocations */
        json_set_alloc_funcs(json_alloc, free);
    countdown = n > 0 ? n : 0;
    persistent = keep_failing;
    failed = 0;
    return happened;
}
