/* opts.c - parameter sets handed to importers, exporters and analyses, and progress reporting. */
#define _POSIX_C_SOURCE 200809L
#include "kgkit/host.h"
#include "kgkit/graph.h"
#include "alloc.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

struct kg_opts {
    char **keys;
    char **values;
    size_t n, cap;
    kg_progress_fn progress;
    void *progress_ud;
};

int kg_opts_new(kg_opts_t **out)
{
    *out = kg_i_calloc(1, sizeof **out);
    return *out ? KG_OK : KG_ENOMEM;
}

void kg_opts_free(kg_opts_t *o)
{
    if (!o)
        return;
    for (size_t i = 0; i < o->n; i++) {
        free(o->keys[i]);
        free(o->values[i]);
    }
    free(o->keys);
    free(o->values);
    free(o);
}

static long find(const kg_opts_t *o, const char *key)
{
    for (size_t i = 0; o && i < o->n; i++)
        if (strcmp(o->keys[i], key) == 0)
            return (long)i;
    return -1;
}

int kg_opts_set(kg_opts_t *o, const char *key, const char *value)
{
    char *v = kg_i_strdup(value ? value : "");
    if (!v)
        return KG_ENOMEM;
    long i = find(o, key);
    if (i >= 0) {
        free(o->values[i]);
        o->values[i] = v;
        return KG_OK;
    }
    if (o->n == o->cap) {
        size_t cap = o->cap ? o->cap * 2 : 8;
        char **k = kg_i_realloc(o->keys, cap * sizeof *k);
        if (k)
            o->keys = k;
        char **vs = kg_i_realloc(o->values, cap * sizeof *vs);
        if (vs)
            o->values = vs;
        if (!k || !vs) {
            free(v);
            return KG_ENOMEM;
        }
        o->cap = cap;
    }
    if (!(o->keys[o->n] = kg_i_strdup(key))) {
        free(v);
        return KG_ENOMEM;
    }
    o->values[o->n++] = v;
    return KG_OK;
}

int kg_opts_set_pair(kg_opts_t *o, const char *pair, kg_error_t *err)
{
    const char *eq = strchr(pair, '=');
    if (!eq || eq == pair)
        return kg_error_say(err, KG_EUSAGE, "parameter \"%s\" is not of the form key=value", pair);
    char key[256];
    size_t len = (size_t)(eq - pair);
    if (len >= sizeof key)
        return kg_error_say(err, KG_EUSAGE, "parameter name too long");
    memcpy(key, pair, len);
    key[len] = '\0';
    return kg_opts_set(o, key, eq + 1) == KG_OK ? KG_OK : kg_error_say(err, KG_ENOMEM, "out of memory");
}

size_t kg_opts_count(const kg_opts_t *o)
{
    return o ? o->n : 0;
}

const char *kg_opts_key(const kg_opts_t *o, size_t i)
{
    return o && i < o->n ? o->keys[i] : NULL;
}

const char *kg_opts_get(const kg_opts_t *o, const char *key)
{
    long i = find(o, key);
    return i >= 0 ? o->values[i] : NULL;
}

/* The text parsers behind the getters: v is the value of parameter key. */
static int parse_int(const char *key, const char *v, long *out, kg_error_t *err)
{
    char *end;
    errno = 0;
    long x = strtol(v, &end, 10);
    if (!*v || *end || errno)
        return kg_error_say(err, KG_EUSAGE, "parameter %s: \"%s\" is not an integer", key, v);
    *out = x;
    return KG_OK;
}

static int parse_double(const char *key, const char *v, double *out, kg_error_t *err)
{
    char *end;
    errno = 0;
    double x = strtod(v, &end);
    if (!*v || *end || errno || !isfinite(x))
        return kg_error_say(err, KG_EUSAGE, "parameter %s: \"%s\" is not a number", key, v);
    *out = x;
    return KG_OK;
}

static int parse_bool(const char *key, const char *v, int *out, kg_error_t *err)
{
    static const char *const yes[] = {"1", "true", "yes", "on"}, *const no[] = {"0", "false", "no", "off"};
    for (int i = 0; i < 4; i++) {
        if (strcasecmp(v, yes[i]) == 0)
            return (*out = 1, KG_OK);
        if (strcasecmp(v, no[i]) == 0)
            return (*out = 0, KG_OK);
    }
    return kg_error_say(err, KG_EUSAGE, "parameter %s: \"%s\" is not a boolean (true/false)", key, v);
}

int kg_opts_get_int(const kg_opts_t *o, const char *key, long def, long *out, kg_error_t *err)
{
    const char *v = kg_opts_get(o, key);
    *out = def;
    return v ? parse_int(key, v, out, err) : KG_OK;
}

int kg_opts_get_double(const kg_opts_t *o, const char *key, double def, double *out, kg_error_t *err)
{
    const char *v = kg_opts_get(o, key);
    *out = def;
    return v ? parse_double(key, v, out, err) : KG_OK;
}

int kg_opts_get_bool(const kg_opts_t *o, const char *key, int def, int *out, kg_error_t *err)
{
    const char *v = kg_opts_get(o, key);
    *out = def;
    return v ? parse_bool(key, v, out, err) : KG_OK;
}

/* ------------------------------------------------ declared parameters */

/* The text of parameter key: given, else its declared default (NULL when it has none). *given says which. A key
 * the table does not declare is the plugin's mistake. */
static int lookup(const kg_opts_t *o, const kg_param_t *params, const char *key, const char **text, int *given,
                  kg_error_t *err)
{
    const kg_param_t *decl = NULL;
    for (const kg_param_t *p = params; p && p->name && !decl; p++)
        if (strcmp(p->name, key) == 0)
            decl = p;
    *text = NULL;
    *given = 0;
    if (!decl)
        return kg_error_say(err, KG_EINTERNAL, "parameter %s is read but not declared in the parameter table", key);
    const char *v = kg_opts_get(o, key);
    *given = v != NULL;
    *text = v ? v : decl->default_value;
    return KG_OK;
}

/* A declared default that does not parse is the plugin's mistake, not the user's. */
static int default_check(int rc, int given, const char *key, const char *text, kg_error_t *err)
{
    if (rc != KG_EUSAGE || given)
        return rc;
    return kg_error_say(err, KG_EINTERNAL, "parameter %s: its declared default \"%s\" is not valid", key, text);
}

int kg_param_int(const kg_opts_t *o, const kg_param_t *params, const char *key, long *out, kg_error_t *err)
{
    const char *text;
    int given, rc = lookup(o, params, key, &text, &given, err);
    *out = 0;
    if (rc || !text)
        return rc;
    return default_check(parse_int(key, text, out, err), given, key, text, err);
}

int kg_param_double(const kg_opts_t *o, const kg_param_t *params, const char *key, double *out, kg_error_t *err)
{
    const char *text;
    int given, rc = lookup(o, params, key, &text, &given, err);
    *out = 0;
    if (rc || !text)
        return rc;
    return default_check(parse_double(key, text, out, err), given, key, text, err);
}

int kg_param_bool(const kg_opts_t *o, const kg_param_t *params, const char *key, int *out, kg_error_t *err)
{
    const char *text;
    int given, rc = lookup(o, params, key, &text, &given, err);
    *out = 0;
    if (rc || !text)
        return rc;
    return default_check(parse_bool(key, text, out, err), given, key, text, err);
}

int kg_param_string(const kg_opts_t *o, const kg_param_t *params, const char *key, const char **out,
                    kg_error_t *err)
{
    int given;
    return lookup(o, params, key, out, &given, err);
}

int kg_param_choice(const kg_opts_t *o, const kg_param_t *params, const char *key, const char *const *choices,
                    int *index, kg_error_t *err)
{
    const char *text;
    int given, rc = lookup(o, params, key, &text, &given, err);
    *index = -1;
    if (rc || !text)
        return rc;
    size_t n = 0;
    while (choices[n])
        n++;
    for (size_t i = 0; i < n; i++)
        if (strcmp(choices[i], text) == 0)
            return (*index = (int)i, KG_OK);
    if (!given)
        return kg_error_say(err, KG_EINTERNAL, "parameter %s: its declared default \"%s\" is not one of its choices",
                            key, text);
    char list[KG_ERROR_TEXT_LENGTH / 2] = "";
    size_t len = 0;
    for (size_t i = 0; i < n && len < sizeof list - 1; i++)
        len += (size_t)snprintf(list + len, sizeof list - len, "%s\"%s\"", i == 0 ? "" : i + 1 == n ? " or " : ", ",
                                choices[i]);
    const char *close = kg_closest_name(text, choices, n);
    if (close)
        return kg_error_say(err, KG_EUSAGE, "parameter %s must be %s, not \"%s\" (did you mean \"%s\"?)", key,
                            list, text, close);
    return kg_error_say(err, KG_EUSAGE, "parameter %s must be %s, not \"%s\"", key, list, text);
}

void kg_opts_set_progress(kg_opts_t *o, kg_progress_fn fn, void *userdata)
{
    o->progress = fn;
    o->progress_ud = userdata;
}

void kg_progress(const kg_opts_t *o, const char *what, uint64_t done, uint64_t total)
{
    if (o && o->progress)
        o->progress(o->progress_ud, what, done, total);
}

int kg_opts_check(const kg_opts_t *o, const kg_param_t *params, const char *owner, kg_error_t *err)
{
    for (size_t i = 0; o && i < o->n; i++) {
        int known = 0;
        for (const kg_param_t *p = params; p && p->name; p++)
            if (strcmp(p->name, o->keys[i]) == 0)
                known = 1;
        if (known)
            continue;
        char list[KG_ERROR_TEXT_LENGTH / 2] = "";
        size_t len = 0;
        for (const kg_param_t *p = params; p && p->name && len < sizeof list - 1; p++)
            len += (size_t)snprintf(list + len, sizeof list - len, "%s%s", len ? ", " : "", p->name);
        return kg_error_say(err, KG_EUSAGE, "%s has no parameter \"%s\" (it takes: %s)", owner,
                            o->keys[i], len ? list : "none");
    }
    return KG_OK;
}
