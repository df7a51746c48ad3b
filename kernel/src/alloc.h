/* alloc.h - the kernel's allocations, all through one place so that a test can make them fail
 * (kg_test_alloc_fail in kgkit/host.h). */
#ifndef KG_ALLOC_H
#define KG_ALLOC_H

#include <stddef.h>

void *kg_i_malloc(size_t size);
void *kg_i_calloc(size_t n, size_t size);
void *kg_i_realloc(void *p, size_t size);
char *kg_i_strdup(const char *s);

#endif
