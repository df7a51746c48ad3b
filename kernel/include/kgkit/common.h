/* kgkit/common.h - export macro, version numbers and the allocator shared by host and plugins. */
#ifndef KGKIT_COMMON_H
#define KGKIT_COMMON_H

#include <stddef.h>
#include <stdint.h>

#if defined(__GNUC__)
#define KG_API __attribute__((visibility("default")))
#else
#define KG_API
#endif

#if defined(__GNUC__)
#define KG_PRINTF(fmt, args) __attribute__((format(printf, fmt, args)))
#else
#define KG_PRINTF(fmt, args)
#endif

#if defined(__GNUC__)
#define KG_SENTINEL __attribute__((sentinel))
#else
#define KG_SENTINEL
#endif

#define KG_VERSION_MAJOR 0
#define KG_VERSION_MINOR 1
#define KG_VERSION_PATCH 0
#define KG_VERSION_STRING "0.1.0"

#ifdef __cplusplus
extern "C" {
#endif

/* The library's version string, e.g. "0.1.0". Static; never freed. */
KG_API const char *kg_version(void);

/* Memory that crosses the library boundary (returned lists, strings) is
 * allocated with kg_malloc and released with kg_free, so plugins and
 * programs never mix allocators. kg_free(NULL) is a no-op. */
KG_API void *kg_malloc(size_t size);
KG_API void kg_free(void *ptr);

/* How many allocations have failed in libkgkit and in jansson (which allocates through libkgkit unless the
 * program gave it allocators of its own). jansson reports some failures as syntax errors, some with no
 * message: a plugin compares the count before and after a jansson call to tell "out of memory" apart. */
KG_API unsigned long kg_alloc_failures(void);

/* How many threads kgkit's work may use, the caller's included: the environment variable KGKIT_THREADS when
 * it is set (1: no other thread; a value that is not a positive count also means 1), else the processors
 * online. Read at each call. */
KG_API int kg_threads(void);

#ifdef __cplusplus
}
#endif
#endif
