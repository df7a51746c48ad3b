/* wordcount.c - an example kgkit plugin: the "wordcount" analysis counts the words of labels and quotes.
 *
 * Build it out of tree against an installed kgkit (see CMakeLists.txt beside
 * it, or: cc -shared -fPIC -fvisibility=hidden wordcount.c -o wordcount.so
 * $(pkg-config --cflags --libs kgkit)) and load it with
 * `kgkit --plugin ./wordcount.so analyze wordcount GRAPH`. */
#include <kgkit/kgkit.h>

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

/* Adds each word of text (lower-cased ASCII; other bytes kept) to counts. */
static int count_words(json_t *counts, const char *text)
{
    char word[256];
    size_t n = 0;
    for (const char *p = text;; p++) {
        unsigned char ch = (unsigned char)*p;
        if (ch && (isalnum(ch) || ch >= 0x80)) {
            if (n < sizeof word - 1)
                word[n++] = (char)tolower(ch);
            continue;
        }
        if (n) {
            word[n] = '\0';
            json_int_t have = json_integer_value(json_object_get(counts, word));
            if (json_object_set_new(counts, word, json_integer(have + 1)))
                return KG_ENOMEM;
            n = 0;
        }
        if (!ch)
            return KG_OK;
    }
}

typedef struct { const char *word; json_int_t count; } pair_t;

static int by_count(const void *a, const void *b)
{
    const pair_t *x = a, *y = b;
    if (x->count != y->count)
        return x->count < y->count ? 1 : -1;
    return strcmp(x->word, y->word);
}

static int wordcount_run(kg_graph_t *g, const kg_opts_t *opts, kg_format_t format, FILE *out, kg_error_t *err)
{
    long min;
    int rc = kg_opts_get_int(opts, "min", 2, &min, err);
    if (rc)
        return rc;
    json_t *counts = json_object();
    for (kg_entity_t e = 0; rc == KG_OK && e < kg_graph_entity_count(g); e++) {
        const char *label = kg_entity_label(g, e);
        if (label)
            rc = count_words(counts, label);
    }
    for (kg_stmt_t s = 0; rc == KG_OK && s < kg_graph_stmt_count(g); s++) {
        for (size_t i = 0; rc == KG_OK && i < kg_stmt_cite_count(g, s); i++) {
            const char *quote;
            kg_stmt_cite(g, s, i, &quote);
            if (quote)
                rc = count_words(counts, quote);
        }
    }
    size_t n = json_object_size(counts), k = 0;
    pair_t *pairs = malloc((n + 1) * sizeof *pairs);
    if (rc || !pairs) {
        free(pairs);
        json_decref(counts);
        return kg_error_set(err, KG_ENOMEM, NULL, 0, 0, "out of memory");
    }
    const char *word;
    json_t *v;
    json_object_foreach(counts, word, v) {
        if (json_integer_value(v) >= min)
            pairs[k++] = (pair_t){word, json_integer_value(v)};
    }
    qsort(pairs, k, sizeof *pairs, by_count);
    if (format == KG_FORMAT_JSON) {
        json_t *o = json_object();
        for (size_t i = 0; i < k; i++)
            json_object_set_new(o, pairs[i].word, json_integer(pairs[i].count));
        json_dumpf(o, out, JSON_INDENT(2));
        fputc('\n', out);
        json_decref(o);
    } else {
        for (size_t i = 0; i < k; i++)
            fprintf(out, "%s %lld\n", pairs[i].word, (long long)pairs[i].count);
    }
    free(pairs);
    json_decref(counts);
    return KG_OK;
}

static const kg_param_t wordcount_params[] = {
    {"min", "int", "2", "print words seen at least this often"},
    {NULL, NULL, NULL, NULL},
};

static const kg_analysis_t wordcount = {
    KG_ANALYSIS_VERSION, "wordcount", "the most frequent words of labels and quotes", wordcount_run, wordcount_params,
    NULL, /* writes no attribute back */
};

static int wordcount_init(kg_registry_t *reg, kg_error_t *err)
{
    return kg_registry_add_analysis(reg, &wordcount);
}

KG_PLUGIN_DEFINE("wordcount", "1.0.0", "example plugin: word counts of labels and quotes", wordcount_init, NULL)
