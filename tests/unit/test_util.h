/* test_util.h - small helpers shared by the CUnit suites: running a suite, building specs. */
#ifndef KG_TEST_UTIL_H
#define KG_TEST_UTIL_H

#include <CUnit/Basic.h>
#include <kgkit/kgkit.h>
#include <string.h>

typedef struct test_case {
    const char *name;
    void (*fn)(void);
} test_case_t;

/* Runs one suite verbosely; the exit status is the number of failures. */
static inline int run_suite(const char *name, const test_case_t *tests)
{
    if (CU_initialize_registry() != CUE_SUCCESS)
        return 1;
    CU_pSuite s = CU_add_suite(name, NULL, NULL);
    for (const test_case_t *t = tests; t->name; t++)
        CU_add_test(s, t->name, t->fn);
    CU_basic_set_mode(CU_BRM_VERBOSE);
    CU_basic_run_tests();
    unsigned failed = CU_get_number_of_failures() + CU_get_number_of_tests_failed();
    CU_cleanup_registry();
    return failed ? 1 : 0;
}

#define ASSERT_STR(a, b) CU_ASSERT_STRING_EQUAL((a) ? (a) : "(null)", (b))
#define ASSERT_CONTAINS(hay, needle)                                                                    \
    do {                                                                                              \
        int found_ = strstr((hay), (needle)) != NULL;                                                 \
        if (!found_)                                                                                  \
            fprintf(stderr, "\n    expected \"%s\" in \"%s\"\n", (needle), (hay));                    \
        CU_ASSERT(found_);                                                                            \
    } while (0)

#endif
