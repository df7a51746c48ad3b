/* floor.c - the floor of loading: jansson parsing each line of a JSON Lines file and freeing it, nothing more
 * (bench/compare.sh compiles and times it beside kgkit's load). */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv)
{
    FILE *f = argc > 1 ? fopen(argv[1], "rb") : NULL;
    if (!f) {
        fprintf(stderr, "usage: floor FILE.jsonl\n");
        return 2;
    }
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    long records = 0;
    while ((n = getline(&line, &cap, f)) > 0) {
        json_error_t e;
        json_t *v = json_loadb(line, (size_t)n, 0, &e);
        records += v != NULL;
        json_decref(v);
    }
    free(line);
    fclose(f);
    printf("%ld\n", records);
    return 0;
}
