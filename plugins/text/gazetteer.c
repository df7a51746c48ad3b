/* gazetteer.c - loading a gazetteer: entities with every spelling, claim patterns compiled and checked, predicates. */
#include "text_plugin.h"

#include <ctype.h>
#include <stdlib.h>
#include <stdarg.h>
#include <string.h>

void gz_free(gazetteer_t *gz)
{
    for (size_t i = 0; i < gz->n_classes; i++) {
        for (size_t k = 0; k < gz->classes[i].n; k++)
            free(gz->classes[i].phrases[k].words);
        free(gz->classes[i].phrases);
    }
    free(gz->classes);
    for (size_t i = 0; i < gz->n_entities; i++)
        free(gz->entities[i].names);
    for (size_t i = 0; i < gz->n_claims; i++) {
        for (size_t k = 0; k < gz->claims[i].n_patterns; k++) {
            free(gz->claims[i].patterns[k].words);
            free(gz->claims[i].patterns[k].cls);
        }
        free(gz->claims[i].patterns);
        free(gz->claims[i].exclude);
        for (size_t k = 0; k < gz->claims[i].n_not_before; k++)
            free(gz->claims[i].not_before[k].words);
        free(gz->claims[i].not_before);
        for (size_t k = 0; k < gz->claims[i].n_governed_by; k++)
            free(gz->claims[i].governed_by[k].words);
        free(gz->claims[i].governed_by);
        for (size_t k = 0; k < gz->claims[i].n_not_governed_by; k++)
            free(gz->claims[i].not_governed_by[k].words);
        free(gz->claims[i].not_governed_by);
        free(gz->claims[i].sentence_has);
        for (size_t k = 0; k < gz->claims[i].n_not_in_period; k++)
            free(gz->claims[i].not_in_period[k].words);
        free(gz->claims[i].not_in_period);
        free(gz->claims[i].part_phrases);
        free(gz->claims[i].part_names);
    }
    free(gz->entities);
    free(gz->claims);
    free(gz->storage);
    json_decref(gz->doc);
    memset(gz, 0, sizeof *gz);
}

static char *lower_copy(char **cursor, const char *s, size_t n)
{
    char *out = *cursor;
    for (size_t i = 0; i < n; i++)
        out[i] = (char)tolower((unsigned char)s[i]);
    out[n] = '\0';
    *cursor += n + 1;
    return out;
}

/* "at least {N} ... died" -> at, least, NUMBER, GAP, died. Words are split on
 * white space; punctuation stays part of a word except at its ends. */
static int compile(const char *text, const gazetteer_t *gz, gz_pattern_t *p, char **cursor, const char **why)
{
    size_t cap = strlen(text) + 2, numbers = 0;
    p->words = malloc(cap * sizeof *p->words);
    p->n = 0;
    p->cls = NULL;
    if (!p->words) {
        *why = "out of memory";
        return -1;
    }
    for (const char *s = text; *s;) {
        while (isspace((unsigned char)*s))
            s++;
        if (!*s)
            break;
        const char *e = s;
        while (*e && !isspace((unsigned char)*e))
            e++;
        size_t n = (size_t)(e - s);
        if (n == 3 && !strncmp(s, "{N}", 3)) {
            p->words[p->n++] = GZ_NUMBER;
            numbers++;
        } else if (n == 5 && !strncmp(s, "{ORD}", 5)) {
            p->words[p->n++] = GZ_ORDINAL;
            numbers++;
        } else if ((n == 3 && !strncmp(s, "...", 3)) || (n == 3 && !strncmp(s, "\xe2\x80\xa6", 3))) {
            p->words[p->n++] = GZ_GAP;
        } else if (n > 2 && s[0] == '{' && s[n - 1] == '}') {
            const gz_class_t *k = NULL;
            for (size_t c = 0; c < gz->n_classes && !k; c++)
                if (strlen(gz->classes[c].name) == n - 2 && !strncmp(gz->classes[c].name, s + 1, n - 2))
                    k = &gz->classes[c];
            if (!k) {
                *why = "the placeholders are {N} (a number), {ORD} (an ordinal: sixth, 6th) and the word classes the "
                       "gazetteer's \"classes\" name";
                return -1;
            }
            if (!p->cls && !(p->cls = calloc(cap, sizeof *p->cls))) {
                *why = "out of memory";
                return -1;
            }
            p->cls[p->n] = k;
            p->words[p->n++] = GZ_CLASS;
        } else if (memchr(s, '{', n) || memchr(s, '}', n)) {
            *why = "the placeholders are {N} (a number), {ORD} (an ordinal: sixth, 6th) and the word classes the "
                   "gazetteer's \"classes\" name";
            return -1;
        } else {
            /* punctuation at the ends of a pattern word is not matched */
            while (n && ispunct((unsigned char)*s) && *s != '\'')
                s++, n--;
            while (n && ispunct((unsigned char)s[n - 1]))
                n--;
            if (n)
                p->words[p->n++] = lower_copy(cursor, s, n);
        }
        s = e;
    }
    if (p->n > GZ_MAX_PATTERN_WORDS) {
        *why = "a pattern has at most " GZ_STR(GZ_MAX_PATTERN_WORDS) " words";
        return -1;
    }
    if (numbers != 1) {
        *why = numbers ? "a pattern holds one {N} or {ORD}, not several"
                       : "a pattern needs {N} where the number stands (or {ORD} for an ordinal)";
        return -1;
    }
    if (p->words[0] == GZ_GAP || p->words[p->n - 1] == GZ_GAP) {
        *why = "\"...\" goes between words, not at an end";
        return -1;
    }
    return 0;
}

/* Plain words ("have died"), lower-cased: what must not follow a match. */
static int words_of(const char *text, gz_pattern_t *p, char **cursor)
{
    p->words = malloc((strlen(text) / 2 + 2) * sizeof *p->words);
    p->n = 0;
    if (!p->words)
        return -1;
    for (const char *s = text; *s;) {
        while (isspace((unsigned char)*s))
            s++;
        const char *e = s;
        while (*e && !isspace((unsigned char)*e))
            e++;
        if (e > s)
            p->words[p->n++] = lower_copy(cursor, s, (size_t)(e - s));
        s = e;
    }
    return 0;
}

static int bad(kg_error_t *err, const char *path, const char *fmt, ...) KG_PRINTF(3, 4);

/* An error in the gazetteer file. */
static int bad(kg_error_t *err, const char *path, const char *fmt, ...)
{
    char text[KG_ERROR_TEXT_LENGTH];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(text, sizeof text, fmt, ap);
    va_end(ap);
    return kg_error_set(err, KG_EINPUT, path, 0, 0, "%s", text);
}

/* A claim entry's list of plain phrases (field), each compiled to its words: a list of non-empty strings, no
 * {N} or "..." in them. Names the entry and the field when it is not. */
static int phrases(json_t *c, const char *field, gz_pattern_t **out, size_t *n, char **cursor, const char *path,
                   const char *where, const char *predicate, kg_error_t *err)
{
    json_t *list = json_object_get(c, field), *x;
    size_t k;
    *n = 0;
    if (list && !json_is_array(list))
        return kg_error_set(err, KG_EINPUT, path, 0, 0, "gazetteer: claim pattern %s (%s): \"%s\" must be a list of "
                            "phrases", where, predicate, field);
    if (!(*out = calloc(json_array_size(list) + 1, sizeof **out)))
        return kg_error_set(err, KG_ENOMEM, path, 0, 0, "out of memory");
    json_array_foreach(list, k, x)
    {
        const char *t = json_string_value(x);
        if (!t || strspn(t, " \t\n\r") == strlen(t) || strchr(t, '{') || strstr(t, "..."))
            return kg_error_set(err, KG_EINPUT, path, 0, 0, "gazetteer: claim pattern %s (%s): \"%s\" item %zu must be "
                                "a phrase of plain words (no {N}, no \"...\"), not %s%s%s", where, predicate, field,
                                k + 1, !t ? "a non-string" : strspn(t, " \t\n\r") == strlen(t) ? "blank" : "\"",
                                t && strspn(t, " \t\n\r") != strlen(t) ? t : "",
                                t && strspn(t, " \t\n\r") != strlen(t) ? "\"" : "");
        if (words_of(t, &(*out)[(*n)++], cursor))
            return kg_error_set(err, KG_ENOMEM, path, 0, 0, "out of memory");
    }
    return KG_OK;
}

static int longer_first(const void *x, const void *y)
{
    const gz_pattern_t *a = x, *b = y;
    return a->n < b->n ? 1 : a->n > b->n ? -1 : 0;
}

/* The "classes" section: {"PEOPLE": ["people", "political prisoners", ...], ...}, each a name of capitals (not N,
 * ORD or YEAR) for a list of plain phrases. Names the class and the item when one is not. */
static int classes(gazetteer_t *gz, json_t *section, char **cursor, const char *path, kg_error_t *err)
{
    if (!section)
        return KG_OK;
    if (!json_is_object(section))
        return bad(err, path, "gazetteer: \"classes\" must be an object of word classes, each a list of phrases "
                   "(\"PEOPLE\": [\"people\", \"political prisoners\"])");
    if (!(gz->classes = calloc(json_object_size(section) + 1, sizeof *gz->classes)))
        return kg_error_set(err, KG_ENOMEM, path, 0, 0, "out of memory");
    const char *name;
    json_t *list;
    json_object_foreach(section, name, list)
    {
        size_t len = strlen(name), ok = len > 0;
        for (size_t i = 0; i < len; i++)
            ok &= isupper((unsigned char)name[i]) || name[i] == '_';
        if (!ok || !strcmp(name, "N") || !strcmp(name, "ORD") || !strcmp(name, "YEAR"))
            return bad(err, path, "gazetteer: word class \"%s\": a class's name is capitals (\"PEOPLE\"), and not N, "
                       "ORD or YEAR", name);
        if (!json_is_array(list) || !json_array_size(list))
            return bad(err, path, "gazetteer: word class \"%s\" must be a list of phrases", name);
        gz_class_t *k = &gz->classes[gz->n_classes++];
        k->name = name;
        if (!(k->phrases = calloc(json_array_size(list), sizeof *k->phrases)))
            return kg_error_set(err, KG_ENOMEM, path, 0, 0, "out of memory");
        size_t i;
        json_t *x;
        json_array_foreach(list, i, x)
        {
            const char *t = json_string_value(x);
            if (!t || strspn(t, " \t\n\r") == strlen(t) || strchr(t, '{') || strstr(t, "...") ||
                strstr(t, "\xe2\x80\xa6"))
                return bad(err, path, "gazetteer: word class \"%s\" item %zu must be a phrase of plain words (no "
                           "placeholder, no \"...\")", name, i + 1);
            if (words_of(t, &k->phrases[k->n++], cursor))
                return kg_error_set(err, KG_ENOMEM, path, 0, 0, "out of memory");
        }
        /* the longest phrase first: "political prisoners" before "prisoners", whatever the order written */
        qsort(k->phrases, k->n, sizeof *k->phrases, longer_first);
    }
    return KG_OK;
}

/* A claim entry's parts: {"Ukrainian citizens": "Ukrainians", …}, phrases of plain words naming some of a round's
 * people, each with its part's name (words and hyphens: it makes an id). Only a "@round" entry has them. */
static int parts(const json_t *c, gz_claim_t *cl, const char *path, const char *where, kg_error_t *err)
{
    json_t *obj = json_object_get(c, "parts"), *x;
    const char *phrase;
    if (!obj)
        return KG_OK;
    if (!json_is_object(obj) || strcmp(cl->subject, GZ_ROUND_SUBJECT))
        return bad(err, path, "gazetteer: claim pattern %s (%s): \"parts\" must be an object of phrases and the "
                   "parts they name ({\"Ukrainian citizens\": \"Ukrainians\"}), in an entry whose subject is \"@round\"",
                   where, cl->predicate);
    cl->part_phrases = calloc(json_object_size(obj) + 1, sizeof *cl->part_phrases);
    cl->part_names = calloc(json_object_size(obj) + 1, sizeof *cl->part_names);
    if (!cl->part_phrases || !cl->part_names)
        return kg_error_set(err, KG_ENOMEM, path, 0, 0, "out of memory");
    json_object_foreach(obj, phrase, x)
    {
        const char *name = json_string_value(x);
        int plain = *phrase && !strchr(phrase, '{') && !strstr(phrase, "...") && name && *name;
        for (const char *t = name; plain && *t; t++)
            plain = isalnum((unsigned char)*t) || *t == '-' || *t == ' ';
        if (!plain)
            return bad(err, path, "gazetteer: claim pattern %s (%s): \"parts\" item \"%s\" must map a plain phrase "
                       "to a part's name of letters, digits, spaces and hyphens", where, cl->predicate, phrase);
        cl->part_phrases[cl->n_parts] = phrase;
        cl->part_names[cl->n_parts++] = name;
    }
    return KG_OK;
}

/* A claim entry's not_in_period: phrases of plain words in which {YEAR} may stand for a year and {MONTH} for a
 * month ("in {YEAR}", "in {MONTH}", "this year", "in total"). Names the entry, the field and the phrase when one
 * does not parse. */
static int periods(json_t *c, gz_claim_t *cl, char **cursor, const char *path, const char *where, kg_error_t *err)
{
    json_t *list = json_object_get(c, "not_in_period"), *x;
    size_t k;
    cl->n_not_in_period = 0;
    if (list && (!json_is_array(list) || !json_array_size(list)))
        return bad(err, path, "gazetteer: claim pattern %s (%s): \"not_in_period\" must be a list of period phrases "
                   "(\"in {YEAR}\", \"this year\")", where, cl->predicate);
    if (!(cl->not_in_period = calloc(json_array_size(list) + 1, sizeof *cl->not_in_period)))
        return kg_error_set(err, KG_ENOMEM, path, 0, 0, "out of memory");
    json_array_foreach(list, k, x)
    {
        const char *t = json_string_value(x);
        if (!t || strspn(t, " \t\n\r") == strlen(t))
            return bad(err, path, "gazetteer: claim pattern %s (%s): \"not_in_period\" item %zu must be a period "
                       "phrase, not %s", where, cl->predicate, k + 1, t ? "a blank" : "a non-string");
        gz_pattern_t *p = &cl->not_in_period[cl->n_not_in_period++];
        if (words_of(t, p, cursor))
            return kg_error_set(err, KG_ENOMEM, path, 0, 0, "out of memory");
        for (size_t w = 0; w < p->n; w++) {
            if (!strcmp(p->words[w], "{year}")) {
                p->words[w] = GZ_YEAR;
                continue;
            }
            if (!strcmp(p->words[w], "{month}")) {
                p->words[w] = GZ_MONTH;
                continue;
            }
            if (strchr(p->words[w], '{') || strchr(p->words[w], '}') || strstr(p->words[w], "...") ||
                strstr(p->words[w], "\xe2\x80\xa6"))
                return bad(err, path, "gazetteer: claim pattern %s (%s): period phrase \"%s\" does not parse: its "
                           "words are plain, {YEAR} (a year) and {MONTH} (a month) the only placeholders", where,
                           cl->predicate, t);
        }
    }
    return KG_OK;
}

int gz_load(const char *path, gazetteer_t *gz, kg_error_t *err)
{
    json_error_t je;
    memset(gz, 0, sizeof *gz);
    gz->doc = json_load_file(path, JSON_REJECT_DUPLICATES, &je);
    if (!gz->doc)
        return kg_error_set(err, KG_EINPUT, path, je.line, je.column, "gazetteer: %s", je.text);
    json_t *ents = json_object_get(gz->doc, "entities"), *claims = json_object_get(gz->doc, "claims");
    gz->predicates = json_object_get(gz->doc, "predicates");
    if (!json_is_array(ents))
        return bad(err, path, "gazetteer: \"entities\" must be a list of entities");
    if (claims && !json_is_array(claims))
        return bad(err, path, "gazetteer: \"claims\" must be a list of claim patterns");
    if (gz->predicates && !json_is_object(gz->predicates))
        return bad(err, path, "gazetteer: \"predicates\" must be an object, as in the native format");
    /* room for every lower-cased pattern word */
    size_t storage = 1, i, k;
    json_t *c, *x;
    json_array_foreach(claims, i, c) json_array_foreach(json_object_get(c, "patterns"), k, x) if (json_is_string(x))
        storage += 2 * strlen(json_string_value(x)) + 2; /* words and their NULs */
    json_array_foreach(claims, i, c) json_array_foreach(json_object_get(c, "exclude"), k, x) if (json_is_string(x))
        storage += strlen(json_string_value(x)) + 2;
    static const char *const phrase_fields[] = {"not_before", "governed_by", "not_governed_by", "sentence_has",
                                                "not_in_period", NULL};
    for (const char *const *f = phrase_fields; *f; f++)
        json_array_foreach(claims, i, c) json_array_foreach(json_object_get(c, *f), k, x) if (json_is_string(x))
            storage += 2 * strlen(json_string_value(x)) + 2;
    json_t *cls = json_object_get(gz->doc, "classes"), *list;
    const char *cname;
    if (json_is_object(cls))
        json_object_foreach(cls, cname, list) json_array_foreach(list, k, x) if (json_is_string(x))
            storage += 2 * strlen(json_string_value(x)) + 2;
    gz->storage = malloc(storage);
    gz->entities = calloc(json_array_size(ents) + 1, sizeof *gz->entities);
    gz->claims = calloc(json_array_size(claims) + 1, sizeof *gz->claims);
    if (!gz->storage || !gz->entities || !gz->claims)
        return kg_error_set(err, KG_ENOMEM, path, 0, 0, "out of memory");
    char *cursor = gz->storage;
    int crc = classes(gz, cls, &cursor, path, err);
    if (crc)
        return crc;
    json_t *e;
    json_array_foreach(ents, i, e)
    {
        gz_entity_t *g = &gz->entities[gz->n_entities];
        g->id = json_string_value(json_object_get(e, "id"));
        g->kind = json_string_value(json_object_get(e, "kind"));
        g->label = json_string_value(json_object_get(e, "label"));
        char where[32];
        snprintf(where, sizeof where, "%zu", i + 1);
        if (!g->id || !*g->id)
            return bad(err, path, "gazetteer: entity %s has no \"id\"", where);
        json_t *al = json_object_get(e, "aliases");
        if (al && !json_is_array(al))
            return bad(err, path, "gazetteer: entity \"%s\": \"aliases\" must be a list", g->id);
        g->names = malloc((json_array_size(al) + 1) * sizeof *g->names);
        if (!g->names)
            return kg_error_set(err, KG_ENOMEM, path, 0, 0, "out of memory");
        if (g->label)
            g->names[g->n_names++] = g->label;
        json_array_foreach(al, k, x) if (json_is_string(x) && *json_string_value(x)) g->names[g->n_names++] =
            json_string_value(x);
        gz->n_entities++;
    }
    json_array_foreach(claims, i, c)
    {
        gz_claim_t *cl = &gz->claims[gz->n_claims];
        char where[32];
        snprintf(where, sizeof where, "%zu", i + 1);
        cl->predicate = json_string_value(json_object_get(c, "predicate"));
        cl->subject = json_string_value(json_object_get(c, "subject"));
        cl->unit = json_string_value(json_object_get(c, "unit"));
        cl->attribution = json_is_true(json_object_get(c, "attribution"));
        json_t *ev = json_object_get(c, "event");
        if (ev) { /* an ordinal's event: {"id": "event:pardon-round-{ORD}", "kind", "label", "part_of"} */
            cl->event.id = json_string_value(json_object_get(ev, "id"));
            cl->event.kind = json_string_value(json_object_get(ev, "kind"));
            cl->event.label = json_string_value(json_object_get(ev, "label"));
            cl->event.part_of = json_string_value(json_object_get(ev, "part_of"));
            if (!json_is_object(ev) || !cl->event.id || !strstr(cl->event.id, "{ORD}"))
                return bad(err, path, "gazetteer: claim pattern %s: \"event\" must be an object whose \"id\" holds {ORD} "
                           "(\"event:pardon-round-{ORD}\")", where);
            if (cl->subject)
                return bad(err, path, "gazetteer: claim pattern %s: an entry with an \"event\" is about that event: it "
                           "takes no \"subject\"", where);
            cl->subject = cl->event.id;
        }
        if (!cl->predicate || !cl->subject)
            return bad(err, path, "gazetteer: claim pattern %s needs a \"predicate\" and a \"subject\"", where);
        json_t *un = json_object_get(c, "unnamed_round");
        if (un) { /* {"id": "event:pardon-{DATE}-in-{SOURCE}", "kind", "label"}: one article's round */
            cl->unnamed_round.id = json_string_value(json_object_get(un, "id"));
            cl->unnamed_round.kind = json_string_value(json_object_get(un, "kind"));
            cl->unnamed_round.label = json_string_value(json_object_get(un, "label"));
            if (strcmp(cl->subject, GZ_ROUND_SUBJECT))
                return bad(err, path, "gazetteer: claim pattern %s (%s): \"unnamed_round\" belongs to an entry whose "
                           "subject is \"@round\"", where, cl->predicate);
            if (!json_is_object(un) || !cl->unnamed_round.id || !strstr(cl->unnamed_round.id, "{SOURCE}"))
                return bad(err, path, "gazetteer: claim pattern %s (%s): \"unnamed_round\" must be an object whose "
                           "\"id\" holds {SOURCE} (\"event:pardon-{DATE}-in-{SOURCE}\"): a round no article numbers "
                           "is one article's", where, cl->predicate);
            json_t *day = json_object_get(un, "by_day");
            if (day) { /* {"id": "event:release-{DAY}", "kind", "label"}: one day's act, whoever reports it */
                cl->by_day.id = json_string_value(json_object_get(day, "id"));
                cl->by_day.kind = json_string_value(json_object_get(day, "kind"));
                cl->by_day.label = json_string_value(json_object_get(day, "label"));
                if (!json_is_object(day) || !cl->by_day.id || !strstr(cl->by_day.id, "{DAY}") ||
                    strstr(cl->by_day.id, "{SOURCE}"))
                    return bad(err, path, "gazetteer: claim pattern %s (%s): \"unnamed_round\".\"by_day\" must be an "
                               "object whose \"id\" holds {DAY} and no {SOURCE} (\"event:release-{DAY}\"): one day's "
                               "act, whichever article reports it", where, cl->predicate);
            }
        }
        json_t *pats = json_object_get(c, "patterns"), *excl = json_object_get(c, "exclude");
        if (!json_is_array(pats) || !json_array_size(pats))
            return bad(err, path, "gazetteer: claim pattern %s (%s): \"patterns\" must be a list of phrases", where,
                       cl->predicate);
        gz->n_claims++; /* from here on, gz_free frees what the entry holds */
        cl->patterns = calloc(json_array_size(pats), sizeof *cl->patterns);
        cl->exclude = calloc(json_array_size(excl) + 1, sizeof *cl->exclude);
        if (!cl->patterns || !cl->exclude)
            return kg_error_set(err, KG_ENOMEM, path, 0, 0, "out of memory");
        json_array_foreach(pats, k, x)
        {
            const char *why = "a pattern must be a string";
            if (!json_is_string(x) || compile(json_string_value(x), gz, &cl->patterns[cl->n_patterns], &cursor, &why)) {
                cl->n_patterns++; /* freed with the entry */
                return kg_error_set(err, KG_EINPUT, path, 0, 0,
                                    "gazetteer: claim pattern %s (%s), pattern \"%s\": %s", where, cl->predicate,
                                    json_is_string(x) ? json_string_value(x) : "?", why);
            }
            cl->n_patterns++;
        }
        json_array_foreach(excl, k, x) if (json_is_string(x)) cl->exclude[cl->n_exclude++] =
            lower_copy(&cursor, json_string_value(x), strlen(json_string_value(x)));
        int rc;
        if ((rc = phrases(c, "not_before", &cl->not_before, &cl->n_not_before, &cursor, path, where, cl->predicate,
                          err)) ||
            (rc = phrases(c, "governed_by", &cl->governed_by, &cl->n_governed_by, &cursor, path, where, cl->predicate,
                          err)) ||
            (rc = phrases(c, "not_governed_by", &cl->not_governed_by, &cl->n_not_governed_by, &cursor, path, where,
                          cl->predicate, err)) ||
            (rc = periods(c, cl, &cursor, path, where, err)))
            return rc;
        if ((rc = parts(c, cl, path, where, err)))
            return rc;
        json_t *sh = json_object_get(c, "sentence_has");
        if (sh && (!json_is_array(sh) || !json_array_size(sh)))
            return bad(err, path, "gazetteer: claim pattern %s (%s): \"sentence_has\" must be a list of the phrases "
                       "that name the period counted from (\"since july\")", where, cl->predicate);
        if (!(cl->sentence_has = calloc(json_array_size(sh) + 1, sizeof *cl->sentence_has)))
            return kg_error_set(err, KG_ENOMEM, path, 0, 0, "out of memory");
        json_array_foreach(sh, k, x)
        {
            const char *t = json_string_value(x);
            if (!t || !*t || strchr(t, '{'))
                return bad(err, path, "gazetteer: claim pattern %s (%s): \"sentence_has\" holds plain phrases, each a "
                           "non-empty string without {N}", where, cl->predicate);
            cl->sentence_has[cl->n_sentence_has++] = lower_copy(&cursor, t, strlen(t));
        }
    }
    return KG_OK;
}
