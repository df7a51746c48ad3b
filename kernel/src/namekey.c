/* namekey.c - the keys people's names compare by (kgkit/names.h): ASCII words through ICU's transliterators for other scripts, their skeletons, and gendered surname endings. */
#include "kgkit/names.h"
#include "kgkit/error.h"

#include <ctype.h>
#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/ustring.h>
#include <unicode/utrans.h>
#include <unicode/uvernum.h>

/* ICU is loaded on the first name in another script, not linked: its data (30 MB) would be mapped into every
 * kgkit process, and one that runs in little memory could not even start. The names below are ICU's versioned
 * ones (utrans_openU_72), as its headers rename them. */
#define ICU_STR2(x) #x
#define ICU_STR(x) ICU_STR2(x)
#define ICU_LIBRARY "libicui18n.so." ICU_STR(U_ICU_VERSION_MAJOR_NUM)

static struct {
    UTransliterator *(*open)(const UChar *, int32_t, UTransDirection, const UChar *, int32_t, UParseError *,
                             UErrorCode *);
    void (*trans)(const UTransliterator *, UChar *, int32_t *, int32_t, int32_t, int32_t *, UErrorCode *);
    UChar *(*from_utf8)(UChar *, int32_t, int32_t *, const char *, int32_t, UErrorCode *);
    char *(*to_utf8)(char *, int32_t, int32_t *, const UChar *, int32_t, UErrorCode *);
    char problem[256];
} icu;

/* The transliterations: the generic one first; the BGN/PCGN ones only for Cyrillic (letters they do not know
 * fall through to the generic one). */
static const char *const transforms[] = {
    "Any-Latin; Latin-ASCII; Lower",
    "Belarusian-Latin/BGN; Any-Latin; Latin-ASCII; Lower",
    "Russian-Latin/BGN; Any-Latin; Latin-ASCII; Lower",
    "Ukrainian-Latin/BGN; Any-Latin; Latin-ASCII; Lower",
};
#define N_TRANSFORMS (sizeof transforms / sizeof *transforms)

static UTransliterator *translit[N_TRANSFORMS];
static pthread_once_t translit_once = PTHREAD_ONCE_INIT;
static pthread_mutex_t translit_lock = PTHREAD_MUTEX_INITIALIZER;

static void open_transliterators(void)
{
    void *h = dlopen(ICU_LIBRARY, RTLD_NOW | RTLD_LOCAL);
    if (h) {
        *(void **)&icu.open = dlsym(h, ICU_STR(utrans_openU));
        *(void **)&icu.trans = dlsym(h, ICU_STR(utrans_transUChars));
        *(void **)&icu.from_utf8 = dlsym(h, ICU_STR(u_strFromUTF8));
        *(void **)&icu.to_utf8 = dlsym(h, ICU_STR(u_strToUTF8));
    }
    if (!h || !icu.open || !icu.trans || !icu.from_utf8 || !icu.to_utf8) {
        snprintf(icu.problem, sizeof icu.problem,
                 "ICU's transliterators could not be loaded (%s: %s; Debian: libicu%d): names in other scripts are "
                 "compared by their Latin letters only",
                 ICU_LIBRARY, h ? "a function is missing" : dlerror(), U_ICU_VERSION_MAJOR_NUM);
        icu.open = NULL;
        return;
    }
    for (size_t i = 0; i < N_TRANSFORMS; i++) {
        UChar id[128];
        UErrorCode st = U_ZERO_ERROR;
        icu.from_utf8(id, (int32_t)(sizeof id / sizeof *id), NULL, transforms[i], -1, &st);
        translit[i] = U_SUCCESS(st) ? icu.open(id, -1, UTRANS_FORWARD, NULL, 0, NULL, &st) : NULL;
        if (U_FAILURE(st))
            translit[i] = NULL; /* an ICU without it: that key is not made */
    }
}

const char *kg_name_keys_problem(void)
{
    pthread_once(&translit_once, open_transliterators);
    return icu.problem[0] ? icu.problem : NULL;
}

/* text through transliterator i into out (UTF-8, size bytes); 0, or -1 when it could not be done. */
static int transliterate(size_t i, const char *text, char *out, size_t size)
{
    pthread_once(&translit_once, open_transliterators);
    if (!translit[i])
        return -1;
    size_t n = strlen(text), cap = 4 * n + 64;
    UChar *u = malloc(cap * sizeof *u);
    if (!u)
        return -1;
    UErrorCode st = U_ZERO_ERROR;
    int32_t len = 0;
    icu.from_utf8(u, (int32_t)cap, &len, text, (int32_t)n, &st);
    int32_t limit = len;
    if (U_SUCCESS(st)) {
        pthread_mutex_lock(&translit_lock);
        icu.trans(translit[i], u, &len, (int32_t)cap, 0, &limit, &st);
        pthread_mutex_unlock(&translit_lock);
    }
    int32_t got = 0;
    if (U_SUCCESS(st))
        icu.to_utf8(out, (int32_t)size, &got, u, len, &st);
    free(u);
    return U_SUCCESS(st) && (size_t)got < size ? 0 : -1;
}

/* ASCII letters and digits in lower case, words separated by one space; anything else separates. */
static size_t clean_ascii(const char *s, char *out, size_t size)
{
    size_t n = 0;
    int gap = 0;
    for (const unsigned char *p = (const unsigned char *)s; *p && n + 2 < size; p++) {
        if (*p < 0x80 && isalnum(*p)) {
            if (gap && n)
                out[n++] = ' ';
            out[n++] = (char)tolower(*p);
            gap = 0;
        } else if (*p != '\'' && *p < 0x80) { /* an apostrophe joins (O'Brien; the soft sign as ales'), and so
                                                 * does what a transliteration left (BGN's "lukash·enka") */
            gap = 1;
        }
    }
    out[n] = '\0';
    return n;
}

static int has_cyrillic(const char *s)
{
    for (const unsigned char *p = (const unsigned char *)s; *p; p++)
        if ((*p == 0xD0 || *p == 0xD1 || *p == 0xD2 || *p == 0xD3) && (p[1] & 0xC0) == 0x80)
            return 1;
    return 0;
}

static int is_ascii(const char *s)
{
    for (const unsigned char *p = (const unsigned char *)s; *p; p++)
        if (*p >= 0x80)
            return 0;
    return 1;
}

void kg_name_keys_free(kg_name_keys_t *k)
{
    free(k->storage_);
    memset(k, 0, sizeof *k);
}

int kg_name_keys(const char *name, kg_name_keys_t *k)
{
    kg_name_keys_free(k);
    size_t n = strlen(name ? name : ""), each = 4 * n + 64;
    size_t per = 3 * each; /* a key, its skeleton and its consonants */
    size_t count = is_ascii(name) ? 1 : has_cyrillic(name) ? N_TRANSFORMS : 1;
    char *raw = malloc(each);
    if (!(k->storage_ = malloc(per * count)) || !raw) {
        free(raw);
        kg_name_keys_free(k);
        return KG_ENOMEM;
    }
    for (size_t i = 0; i < count; i++) {
        const char *src = name;
        if (!is_ascii(name) && !transliterate(i, name, raw, each))
            src = raw;
        else if (!is_ascii(name) && i > 0) /* without ICU, only the first key: the name's Latin letters */
            continue;
        char *key = k->storage_ + k->n * per, *skel = key + each, *cons = skel + each;
        if (!clean_ascii(src, key, each))
            continue;
        int dup = 0;
        for (size_t j = 0; j < k->n; j++)
            dup |= !strcmp(k->key[j], key);
        if (dup)
            continue;
        kg_name_skeleton(key, skel, each);
        kg_name_consonants(key, cons, each);
        k->key[k->n] = key;
        k->skeleton[k->n] = skel;
        k->consonants[k->n] = cons;
        k->n++;
    }
    free(raw);
    return KG_OK;
}

static int vowel(int c)
{
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

static int front(int c)
{
    return c == 'i' || c == 'e' || c == 'y';
}

/* One word's skeleton, appended at out + *n: with every run of vowels one "a" (keep_vowels), or without the
 * vowels after the first letter (its consonants). */
static void skeleton_word(const char *w, size_t len, int keep_vowels, char *out, size_t *n, size_t size)
{
    char t[256];
    size_t m = 0;
    /* digraphs and the Belarusian forms, left to right; upper case marks a letter already made */
    for (size_t i = 0; i < len && m + 3 < sizeof t; i++) {
        const char *p = w + i;
        size_t left = len - i;
        if (left >= 4 && !strncmp(p, "shch", 4)) { t[m++] = 'S'; i += 3; }
        else if (left >= 3 && !strncmp(p, "sch", 3)) { t[m++] = 'S'; i += 2; }
        else if (left >= 2 && (!strncmp(p, "kh", 2))) { t[m++] = 'X'; i += 1; }
        else if (left >= 2 && (!strncmp(p, "zh", 2))) { t[m++] = 'Z'; i += 1; }
        else if (left >= 2 && (!strncmp(p, "sh", 2) || !strncmp(p, "sz", 2))) { t[m++] = 'S'; i += 1; }
        else if (left >= 2 && (!strncmp(p, "ch", 2) || !strncmp(p, "cz", 2))) { t[m++] = 'C'; i += 1; }
        else if (left >= 2 && (!strncmp(p, "ts", 2) || !strncmp(p, "tz", 2))) { t[m++] = left > 2 && front(p[2]) ? 't' : 'C'; i += 1; }
        else if (left >= 2 && !strncmp(p, "dz", 2)) { t[m++] = 'd'; i += 1; }
        else if (left >= 2 && !strncmp(p, "ph", 2)) { t[m++] = 'f'; i += 1; }
        else if (left >= 2 && !strncmp(p, "ck", 2)) { t[m++] = 'k'; i += 1; }
        else if (*p == 'c') t[m++] = left > 1 && front(p[1]) ? 't' : 'k';
        else if (*p == 'x') { t[m++] = 'k'; t[m++] = 's'; }
        else if (*p == 'w' || *p == 'v') t[m++] = 'v';
        else if (*p == 'q') t[m++] = 'k';
        else if (*p == 'h') t[m++] = 'g';
        else if (*p == 'j' || *p == 'y') t[m++] = 'i';
        else t[m++] = *p;
    }
    /* u after a vowel, before a consonant or at the end, is the Belarusian v (Tsikhanouski, Kalesnikau) */
    for (size_t i = 1; i < m; i++)
        if (t[i] == 'u' && vowel(t[i - 1]) && (i + 1 == m || !vowel(t[i + 1])))
            t[i] = 'v';
    char prev = 0;
    for (size_t i = 0; i < m && *n + 1 < size; i++) {
        char c = (char)tolower((unsigned char)t[i]);
        if (vowel(c)) {
            if (i > 0 && !keep_vowels)
                continue;
            c = 'a';
        }
        if (c == prev)
            continue;
        out[(*n)++] = c;
        prev = c;
    }
}

static size_t skeleton_of(const char *key, int keep_vowels, char *buf, size_t size)
{
    size_t n = 0;
    if (!size)
        return 0;
    const char *p = key;
    while (*p) {
        while (*p == ' ')
            p++;
        const char *start = p;
        while (*p && *p != ' ')
            p++;
        if (p > start) {
            if (n && n + 1 < size)
                buf[n++] = ' ';
            skeleton_word(start, (size_t)(p - start), keep_vowels, buf, &n, size);
        }
    }
    buf[n < size ? n : size - 1] = '\0';
    return n;
}

size_t kg_name_skeleton(const char *key, char *buf, size_t size)
{
    return skeleton_of(key, 1, buf, size);
}

size_t kg_name_consonants(const char *key, char *buf, size_t size)
{
    return skeleton_of(key, 0, buf, size);
}

/* Surname endings: the ending, its gender, and what the stem ends with so that the two genders' stems meet. */
static const struct ending {
    const char *end;
    char gender;
    const char *tail;
} endings[] = {
    {"skaya", 'f', "sk"}, {"skaja", 'f', "sk"}, {"skaia", 'f', "sk"}, {"ckaya", 'f', "ck"}, {"ska", 'f', "sk"},
    {"skiy", 'm', "sk"},  {"skij", 'm', "sk"},  {"skii", 'm', "sk"},  {"sky", 'm', "sk"},   {"ski", 'm', "sk"},
    {"cki", 'm', "ck"},   {"ova", 'f', "ov"},   {"eva", 'f', "ev"},   {"ava", 'f', "av"},   {"ina", 'f', "in"},
    {"yna", 'f', "yn"},   {"aya", 'f', ""},     {"aja", 'f', ""},     {"ov", 'm', "ov"},    {"ev", 'm', "ev"},
    {"ou", 'm', "ov"},    {"au", 'm', "av"},    {"in", 'm', "in"},    {"yn", 'm', "yn"},    {"oy", 'm', ""},
    {"iy", 'm', ""},      {"yi", 'm', ""},
};

int kg_surname_gender(const char *word, char *stem, size_t size)
{
    size_t n = strlen(word);
    for (size_t i = 0; i < sizeof endings / sizeof *endings; i++) {
        size_t e = strlen(endings[i].end);
        if (n > e + 2 && !strcmp(word + n - e, endings[i].end)) {
            snprintf(stem, size, "%.*s%s", (int)(n - e), word, endings[i].tail);
            return endings[i].gender;
        }
    }
    snprintf(stem, size, "%s", word);
    return 0;
}

int kg_name_same_words(const char *a, const char *b)
{
    size_t na = strlen(a), nb = strlen(b);
    if (na != nb)
        return 0;
    unsigned char used[64] = {0};
    const char *p = a;
    while (*p) {
        const char *end = strchr(p, ' ');
        size_t len = end ? (size_t)(end - p) : strlen(p);
        int found = 0, k = 0;
        for (const char *q = b; *q && !found; k++) {
            const char *qe = strchr(q, ' ');
            size_t ql = qe ? (size_t)(qe - q) : strlen(q);
            if (k < 64 && !used[k] && ql == len && !memcmp(p, q, len))
                found = used[k] = 1;
            q += ql + (qe ? 1 : 0);
        }
        if (!found)
            return 0;
        p += len + (end ? 1 : 0);
    }
    return 1;
}

int kg_name_keys_match(const kg_name_keys_t *a, const kg_name_keys_t *b)
{
    for (size_t i = 0; i < a->n; i++)
        for (size_t j = 0; j < b->n; j++)
            if (!strcmp(a->key[i], b->key[j]) || kg_name_same_words(a->key[i], b->key[j]))
                return 1;
    return 0;
}

int kg_name_skeletons_match(const kg_name_keys_t *a, const kg_name_keys_t *b)
{
    for (size_t i = 0; i < a->n; i++)
        for (size_t j = 0; j < b->n; j++)
            if (strlen(a->skeleton[i]) >= 3 && kg_name_same_words(a->skeleton[i], b->skeleton[j]))
                return 1;
    return 0;
}
