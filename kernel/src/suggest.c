/* suggest.c - "did you mean": the edit distance between two names, and the closest of a list, for messages about typos. */
#include "kgkit/graph.h"

#include <ctype.h>
#include <string.h>

size_t kg_edit_distance(const char *a, const char *b, size_t cap)
{
    size_t la = strlen(a), lb = strlen(b);
    if ((la > lb ? la - lb : lb - la) > cap || la > 200 || lb > 200)
        return cap + 1;
    size_t row[201];
    for (size_t j = 0; j <= lb; j++)
        row[j] = j;
    for (size_t i = 1; i <= la; i++) {
        size_t diag = row[0], best = row[0] = i;
        for (size_t j = 1; j <= lb; j++) {
            size_t up = row[j];
            int same = tolower((unsigned char)a[i - 1]) == tolower((unsigned char)b[j - 1]);
            size_t x = diag + !same;
            if (row[j - 1] + 1 < x)
                x = row[j - 1] + 1;
            if (up + 1 < x)
                x = up + 1;
            row[j] = x;
            diag = up;
            if (x < best)
                best = x;
        }
        if (best > cap)
            return cap + 1;
    }
    return row[lb];
}

size_t kg_typo_cap(const char *what)
{
    size_t n = strlen(what) / 3;
    return n > 2 ? n : 2;
}

const char *kg_closest_name(const char *what, const char *const *names, size_t n)
{
    const char *best = NULL;
    size_t cap = kg_typo_cap(what), best_d = cap + 1;
    for (size_t i = 0; i < n; i++) {
        size_t d = kg_edit_distance(what, names[i], cap);
        if (d < best_d) {
            best = names[i];
            best_d = d;
        }
    }
    return best;
}
