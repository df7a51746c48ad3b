/* threads.c - how many threads kgkit's work may use: KGKIT_THREADS when set (1: the caller's thread alone),
 * else the processors online. The JSON Lines reader decodes in a second thread when this is more than one. */
#include "kgkit/common.h"

#include <stdlib.h>
#include <unistd.h>

int kg_threads(void)
{
    const char *env = getenv("KGKIT_THREADS");
    if (env && *env) {
        char *end;
        long n = strtol(env, &end, 10);
        if (*end == '\0' && n >= 1)
            return n > 256 ? 256 : (int)n;
        /* a value that is no count is not guessed at: one thread, the safe reading */
        return 1;
    }
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n < 1 ? 1 : n > 256 ? 256 : (int)n;
}
