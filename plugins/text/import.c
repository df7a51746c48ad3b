/* import.c - the "text" importer: an article as a source, the gazetteer's entities it mentions, co-mentions, claims. */
#define _POSIX_C_SOURCE 200809L
#include "text_plugin.h"

#include <ctype.h>
#include <errno.h>
#include <libgen.h>
#include <stdlib.h>
#include <math.h>
#include <string.h>
#include <strings.h>

typedef struct article {
    char *text;         /* the whole file */
    const char *body;   /* after the header block */
    char *id, *title, *publisher, *url, *date;
} article_t;

static char *trimmed_copy(const char *s, size_t n)
{
    while (n && isspace((unsigned char)*s))
        s++, n--;
    while (n && isspace((unsigned char)s[n - 1]))
        n--;
    char *c = malloc(n + 1);
    if (c) {
        memcpy(c, s, n);
        c[n] = '\0';
    }
    return c;
}

/* An optional header block: "key: value" lines (id, title, publisher, url,
 * date) up to a blank line or "---". Without one, the title is the first line. */
static int read_header(article_t *a)
{
    const char *p = a->text;
    int any = 0;
    for (;;) {
        const char *eol = strchr(p, '\n');
        size_t len = eol ? (size_t)(eol - p) : strlen(p);
        const char *colon = memchr(p, ':', len);
        static const char *const keys[] = {"id", "title", "publisher", "url", "date", NULL};
        int known = -1;
        for (int k = 0; colon && keys[k]; k++)
            if ((size_t)(colon - p) == strlen(keys[k]) && !strncasecmp(p, keys[k], strlen(keys[k])))
                known = k;
        if (known < 0)
            break;
        char *v = trimmed_copy(colon + 1, len - (size_t)(colon + 1 - p));
        char **slot[] = {&a->id, &a->title, &a->publisher, &a->url, &a->date};
        free(*slot[known]);
        *slot[known] = v;
        any = 1;
        p = eol ? eol + 1 : p + len;
    }
    if (any) {
        while (*p == ' ' || *p == '\t' || *p == '\r')
            p++;
        if (!strncmp(p, "---", 3))
            p += 3;
    }
    a->body = p;
    if (!a->title) {
        while (*p && isspace((unsigned char)*p))
            p++;
        const char *eol = strchr(p, '\n');
        size_t len = eol ? (size_t)(eol - p) : strlen(p);
        a->title = trimmed_copy(p, len < 300 ? len : 300);
    }
    return 0;
}

/* The articles list (-p articles=FILE): what a newsroom's list of its articles says of each (docs/text.md), for
 * articles whose own header does not say it. Every entry is checked, so that a mistake is found whichever article
 * is read: a malformed file names its line and column, an entry its number and file. *note (the entry's "note",
 * or NULL) is malloc'd. */
static int apply_articles(article_t *a, const char *list, const char *path, char **note, kg_error_t *err)
{
    static const char *const fields[] = {"file", "id", "title", "publisher", "url", "date", "note", NULL};
    json_error_t je;
    json_t *doc = json_load_file(list, JSON_REJECT_DUPLICATES, &je);
    if (!doc)
        return kg_error_set(err, KG_EINPUT, list, je.line, je.column, "articles list: %s", je.text);
    json_t *arts = json_object_get(doc, "articles");
    int rc = KG_OK;
    const char *top;
    json_t *tv;
    json_object_foreach(doc, top, tv) if (!rc && strcmp(top, "articles") && strcmp(top, "kgkit_articles") &&
                                          strcmp(top, "description")) rc =
        kg_error_set(err, KG_EINPUT, list, 0, 0, "articles list: unknown key \"%s\" (the keys: kgkit_articles, "
                     "description, articles)", top);
    if (!rc && !json_is_array(arts))
        rc = kg_error_set(err, KG_EINPUT, list, 0, 0, "articles list: \"articles\" must be a list of {\"file\", "
                          "\"id\", \"title\", \"publisher\", \"url\", \"date\", \"note\"}");
    char base[1024];
    snprintf(base, sizeof base, "%s", path);
    const char *name = basename(base);
    size_t i;
    json_t *e;
    json_array_foreach(arts, i, e)
    {
        const char *file = json_string_value(json_object_get(e, "file"));
        if (rc)
            break;
        if (!json_is_object(e) || !file || !*file || strchr(file, '/')) {
            rc = kg_error_set(err, KG_EINPUT, list, 0, 0, "articles list: entry %zu needs a \"file\" (the article's "
                              "file name, without its folder%s%s)", i + 1, file && strchr(file, '/') ? ": not " : "",
                              file && strchr(file, '/') ? file : "");
            break;
        }
        const char *key;
        json_t *v;
        json_object_foreach(e, key, v)
        {
            int known = 0;
            for (const char *const *f = fields; *f && !known; f++)
                known = !strcmp(key, *f);
            if (!known || !json_is_string(v)) {
                rc = kg_error_set(err, KG_EINPUT, list, 0, 0, known ? "articles list: entry %zu (%s): \"%s\" must be "
                                  "a string" : "articles list: entry %zu (%s): unknown field \"%s\" (the fields: "
                                  "file, id, title, publisher, url, date, note)", i + 1, file, key);
                break;
            }
        }
        const char *date = json_string_value(json_object_get(e, "date")), *why = NULL;
        kg_when_t when;
        if (!rc && date && kg_when_parse(date, &when, &why) != KG_OK)
            rc = kg_error_set(err, KG_EINPUT, list, 0, 0, "articles list: entry %zu (%s): date \"%s\" %s", i + 1,
                              file, date, why);
        if (rc || strcmp(file, name))
            continue;
        char **slot[] = {&a->id, &a->title, &a->publisher, &a->url, &a->date, note};
        for (size_t k = 0; k < sizeof slot / sizeof *slot; k++) {
            const char *value = json_string_value(json_object_get(e, fields[k + 1]));
            if (value && !*slot[k] && !(*slot[k] = strdup(value)))
                rc = kg_error_set(err, KG_ENOMEM, path, 0, 0, "out of memory");
        }
    }
    json_decref(doc);
    return rc;
}

static int declare_predicates(kg_graph_t *g, const json_t *preds, const char *path, kg_error_t *err)
{
    const char *name;
    json_t *p;
    json_object_foreach((json_t *)preds, name, p)
    {
        kg_predicate_t d;
        int rc = kg_predicate_from_json(name, p, &d, err); /* the native format's declarations, as the JSON reader reads them */
        if (!rc)
            rc = kg_graph_declare_predicate(g, &d, err);
        if (rc) {
            kg_error_prefix(err, "gazetteer %s", path);
            return rc;
        }
    }
    return KG_OK;
}

typedef struct ctx {
    kg_graph_t *g;
    const gazetteer_t *gz;
    const char *path;
    const char *source;
    kg_error_t *err;
    unsigned char *added;     /* gazetteer entity added to the graph */
    unsigned char *mentioned; /* a mentions statement made */
    struct pairs *pairs;      /* co-mentions */
    const tx_sentence_t *prev, *next; /* the sentences around the one read (NULL at the ends) */
    const tx_sentence_t *lead;        /* the first sentence of its paragraph (NULL when it is that one) */
    const tx_sentence_t *sent;        /* the article's sentences, and which one is read */
    size_t n_sent, at;
    const char *published;            /* the article's date, or NULL */
    const char *author;               /* the group or person the publisher is ("publisher: Viasna"), or NULL */
    char *round;                      /* the event of the article's round ("event:pardon-round-6"), or NULL */
    size_t roundless, other_round;    /* per-round counts left out: no round named; dated another time */
    tx_count_t *counts;               /* the counts found, made statements once the article is read */
    size_t n_counts, cap_counts;
} ctx_t;

/* Co-mentions: the pairs of gazetteer entities named in one sentence, with how many sentences name both and
 * the first of them. Sparse (a hash of the pairs seen), since a gazetteer of n entities has n^2 possible
 * pairs: an n x n table of 45k names took 24 GB. */
typedef struct pair {
    uint32_t a, b; /* a < b, gazetteer indexes */
    uint32_t count;
    const char *quote;
} pair_t;

typedef struct pairs {
    pair_t *items;
    size_t n, cap;
    uint32_t *slot; /* 1 + index into items, 0 empty; a power of two */
    size_t n_slots;
} pairs_t;

static size_t pair_hash(uint32_t a, uint32_t b, size_t mask)
{
    return (size_t)kg_hash_u64((uint64_t)a << 32 | b) & mask;
}

/* Counts one sentence naming both a and b (a < b). 0, or -1 on out-of-memory. */
static int pair_count(pairs_t *p, uint32_t a, uint32_t b, const char *quote)
{
    if (2 * (p->n + 1) > p->n_slots) { /* grow and rehash */
        size_t n_slots = p->n_slots ? 2 * p->n_slots : 1024;
        uint32_t *slot = calloc(n_slots, sizeof *slot);
        if (!slot)
            return -1;
        for (size_t i = 0; i < p->n; i++) {
            size_t h = pair_hash(p->items[i].a, p->items[i].b, n_slots - 1);
            while (slot[h])
                h = (h + 1) & (n_slots - 1);
            slot[h] = (uint32_t)i + 1;
        }
        free(p->slot);
        p->slot = slot;
        p->n_slots = n_slots;
    }
    size_t h = pair_hash(a, b, p->n_slots - 1);
    for (; p->slot[h]; h = (h + 1) & (p->n_slots - 1)) {
        pair_t *x = &p->items[p->slot[h] - 1];
        if (x->a == a && x->b == b) {
            x->count++;
            return 0;
        }
    }
    if (p->n == p->cap) {
        size_t cap = p->cap ? 2 * p->cap : 256;
        pair_t *items = realloc(p->items, cap * sizeof *items);
        if (!items)
            return -1;
        p->items = items;
        p->cap = cap;
    }
    p->items[p->n] = (pair_t){a, b, 1, quote};
    p->slot[h] = (uint32_t)++p->n;
    return 0;
}

static int pair_order(const void *x, const void *y)
{
    const pair_t *p = x, *q = y;
    return p->a != q->a ? (p->a < q->a ? -1 : 1) : p->b != q->b ? (p->b < q->b ? -1 : 1) : 0;
}

static int add_entity(ctx_t *c, size_t i)
{
    if (c->added[i])
        return KG_OK;
    const gz_entity_t *e = &c->gz->entities[i];
    kg_entity_spec_t s;
    kg_entity_spec_init(&s);
    s.id = e->id;
    s.kind = e->kind;
    s.label = e->label;
    s.aliases = e->label ? e->names + 1 : e->names;
    s.n_aliases = e->label ? e->n_names - 1 : e->n_names;
    s.origin = c->path;
    int rc = kg_graph_add_entity(c->g, &s, NULL, c->err);
    if (rc == KG_OK)
        c->added[i] = 1;
    return rc;
}

static size_t entity_index(const gazetteer_t *gz, const char *id)
{
    for (size_t i = 0; i < gz->n_entities; i++)
        if (!strcmp(gz->entities[i].id, id))
            return i;
    return (size_t)-1;
}

static int relation(ctx_t *c, const char *subject, const char *predicate, const char *object, const char *quote,
                    json_t *attrs)
{
    kg_stmt_spec_t s;
    kg_stmt_spec_init(&s);
    s.subject = subject;
    s.predicate = predicate;
    s.object = object;
    kg_cite_t cite = {c->source, quote};
    s.cites = &cite;
    s.n_cites = 1;
    s.attrs = attrs;
    s.origin = c->path;
    return kg_graph_add_stmt(c->g, &s, NULL, c->err);
}

/* One pattern against one sentence. A pattern with k gaps could try (GZ_GAP_WORDS + 1)^k ways at every word;
 * whether pattern word w can match from sentence word i does not depend on how the match got there, so each
 * (i, w) that failed is remembered and never tried again: at most n_words x n_pattern_words steps. */
typedef struct matcher {
    const tx_sentence_t *s;
    const gz_pattern_t *p;
    unsigned char *failed; /* (n_words + 1) x (p->n + 1) */
} matcher_t;

/* Whether w is a past participle that may describe the people a number counts ("documented", "imprisoned"): not
 * one that makes them others than the measure's ("released", "pardoned", "freed", "former"...). */
static int describing_participle(const char *w)
{
    static const char *const others[] = {"released", "pardoned", "freed", "liberated", "amnestied", "expelled",
                                         "deported", "exchanged", "transferred", "killed", "named", "unnamed", NULL};
    size_t n = strlen(w);
    if (n < 5 || strcmp(w + n - 2, "ed") || ispunct((unsigned char)w[n - 1]))
        return 0;
    for (const char *const *o = others; *o; o++)
        if (!strcmp(w, *o))
            return 0;
    return 1;
}

/* Matches pattern words from w at word i of the sentence; the number found
 * goes to *at (its words: *len), the word after the match to *after. */
static int match(matcher_t *m, size_t i, size_t w, size_t *at, size_t *len, size_t *after)
{
    const tx_sentence_t *s = m->s;
    const gz_pattern_t *p = m->p;
    if (w == p->n) {
        *after = i;
        return 1;
    }
    unsigned char *failed = &m->failed[i * (p->n + 1) + w];
    if (*failed)
        return 0;
    int ok = 0;
    if (p->words[w] == GZ_GAP) {
        /* a gap does not pass over a number: the nearer one is the count ("Since 2020, at least 3,200 people
         * … recognized"), and a year is none; an ordinal's pattern counts nothing ("the third time in three
         * months that … has pardoned") */
        double v;
        int ordinal = 0;
        for (size_t k = 0; k < p->n && !ordinal; k++)
            ordinal = p->words[k] == GZ_ORDINAL;
        for (size_t skip = 0; !ok && skip <= GZ_GAP_WORDS && i + skip <= s->n_words; skip++) {
            if (skip && !ordinal && tx_number(s, i + skip - 1, &v))
                break;
            ok = match(m, i + skip, w + 1, at, len, after);
        }
    } else if (i >= s->n_words) {
        ok = 0;
    } else if (p->words[w] == GZ_CLASS) {
        /* any of the class's phrases: "{N} {PEOPLE} remain" reads "1,100 dissidents remain" */
        const gz_class_t *k = p->cls[w];
        for (size_t a = 0; !ok && a < k->n; a++)
            ok = tx_phrase_at(s, i, &k->phrases[a]) && match(m, i + k->phrases[a].n, w + 1, at, len, after);
        /* right after the number, a participle before them describes them: "1,325 documented political
         * prisoners", "14 imprisoned opposition activists" (not one that makes them others: "52 released
         * prisoners" are no count of prisoners held) */
        if (!ok && w > 0 && p->words[w - 1] == GZ_NUMBER && describing_participle(s->words[i].text))
            for (size_t a = 0; !ok && a < k->n; a++)
                ok = tx_phrase_at(s, i + 1, &k->phrases[a]) && match(m, i + 1 + k->phrases[a].n, w + 1, at, len, after);
    } else if (p->words[w] == GZ_ORDINAL) {
        int n;
        if (tx_ordinal(s, i, &n) && match(m, i + 1, w + 1, at, len, after)) {
            *at = i;
            *len = 1;
            ok = 1;
        }
    } else if (p->words[w] == GZ_NUMBER) {
        double v;
        kg_qualifier_t q;
        /* the qualifier before the number is the number's: "pardoned {N} {PEOPLE}" reads "pardoned at least 13
         * people", "detained {N} {PERSONS}" "police detained more than 25,000 people" */
        if (w > 0 && p->words[w - 1] != GZ_GAP && tx_clause_break(s, i)) {
            *failed = 1; /* "Among those pardoned, 17 individuals suffer …": no object of "pardoned" */
            return 0;
        }
        if (w > 0)
            i += tx_qualifier_words(s, i);
        size_t used = tx_number(s, i, &v), vague = used ? 0 : tx_vague(s, i, &q);
        if (used && i + used <= s->n_words && match(m, i + used, w + 1, at, len, after)) {
            *at = i;
            *len = used;
            ok = 1;
        } else if (vague) {
            /* "thousands of political prisoners", or with one word between: "thousands of innocent political
             * prisoners" (not a word that makes them others: "thousands of former political prisoners") */
            static const char *const others[] = {"former", "ex", "released", "pardoned", "freed", "new", NULL};
            int other = 0;
            for (size_t k = 0; others[k] && i + vague < s->n_words; k++)
                other |= !strcmp(s->words[i + vague].text, others[k]);
            if (!other && (match(m, i + vague, w + 1, at, len, after) ||
                           (i + vague + 1 <= s->n_words && match(m, i + vague + 1, w + 1, at, len, after)))) {
                *at = i;
                *len = vague;
                ok = 1;
            }
        }
    } else {
        ok = !strcmp(s->words[i].text, p->words[w]) && match(m, i + 1, w + 1, at, len, after);
    }
    if (!ok && w > 0 && i < s->n_words) {
        /* an aside inside the phrase is not part of it: "at least 3,200 people (including 572 women) recognized
         * ... as political prisoners" */
        size_t end = tx_aside_end(s, i);
        ok = end > i && end < s->n_words && match(m, end, w, at, len, after);
    }
    *failed = !ok;
    return ok;
}

/* Reporting verbs, in the tenses articles use them: whom a count is attributed to stands nearest one. */
static const char *const reporting[] = {
    "said", "says", "say", "reported", "reports", "reporting", "report", "recorded", "records", "record",
    "documented", "documents", "counted", "counts", "estimate", "estimates", "estimated", "count", "recalled",
    "recalls", "indicate", "indicates", "indicated", "highlighted", "highlights", "told", "tells", "revealed",
    "emphasized", "emphasised", "emphasizes", "emphasises", "noted", "notes", "stated", "states", "warned", "warns",
    "tallied", "tallies", "wrote", "writes", "reveals", "reminded", "reminds", "stressed", "stresses", "added",
    "claimed", "claims", "insisted", "argued", "cautioned", "summarized", "summarised", "identifies", "adds",
    "confirmed", "confirms", "vowed", "vows", "hinted", "hints",
    /* the plural present ("Human rights organizations claim that …") */
    "claim", "warn", "emphasize", "emphasise", "confirm", "insist", "argue", "caution", "remind", "stress", "note",
    "reveal", "tally", NULL};

static int reporting_word(const char *w)
{
    for (const char *const *r = reporting; *r; r++)
        if (!strcmp(w, *r))
            return 1;
    return 0;
}

/* Whether byte offset pos of the sentence is inside a mention of one of the gazetteer's names. */
static int inside_name(const ctx_t *c, const tx_sentence_t *s, size_t pos)
{
    for (size_t i = 0; i < c->gz->n_entities; i++) {
        const gz_entity_t *e = &c->gz->entities[i];
        for (size_t k = 0; k < e->n_names; k++) {
            size_t len = strlen(e->names[k]);
            for (long from = 0, found; (found = tx_find_name(s->text + from, e->names[k])) >= 0;
                 from += found + (long)len) {
                size_t at = (size_t)(from + found);
                if (at > pos)
                    break;
                if (pos < at + len)
                    return 1;
            }
        }
    }
    return 0;
}

/* Whether word i of the sentence is a reporting verb (not inside a known name: "the United States");
 * "identified" only after have/has/had ("rights groups have
 * identified 1,244 political prisoners"), not as a participle ("20 individuals identified by human rights
 * activists as political prisoners"). */
static int reporting_verb(const ctx_t *c, const tx_sentence_t *s, size_t i)
{
    /* capitalised inside a sentence and part of a name the gazetteer knows, it is the name's: "the United States"
     * (a Title Case headline's "Rights Group Says" still reports) */
    const char *w = s->words[i].text, *before = i ? s->words[i - 1].text : "",
               *next = i + 1 < s->n_words ? s->words[i + 1].text : "";
    int verb;
    if (!strcmp(w, "identified") || !strcmp(w, "learned") || !strcmp(w, "learnt"))
        verb = !strcmp(before, "have") || !strcmp(before, "has") || !strcmp(before, "had"); /* "BelTA has learned" */
    else if (!strcmp(w, "announced") || !strcmp(w, "announces"))
        /* an announcement's source, not the act it announces: "Nausėda announced on X", "Belta announced that …",
         * "as announced by the presidential office" (not "Lukashenko announced the pardon of 29": his act) */
        verb = !strcmp(next, "that") || !strcmp(next, "on") || !strcmp(next, "via") || !strcmp(next, "in") ||
               !strcmp(next, "by") || !strcmp(before, "as") || tx_weekday(next) >= 0; /* "his office announced Friday" */
    else if (i >= 2 && !strcmp(before, "to") && !strcmp(s->words[i - 2].text, "according"))
        verb = 0; /* "According to reports, Lukashenko … pardoned 31": a noun, nobody's report */
    else if (!strcmp(w, "estimated") && (!strcmp(before, "an") || !strcmp(before, "the") || !strcmp(before, "a")))
        verb = 0; /* "an estimated 65,000 people": an adjective */
    else if ((!strcmp(before, "was") || !strcmp(before, "were") || !strcmp(before, "is") || !strcmp(before, "are") ||
              !strcmp(before, "been")) && strcmp(next, "by"))
        verb = 0; /* a passive with no "by" names no speaker: "The most recent pardon by Lukashenko was reported on
                   * 9 December" is not Lukashenko's report */
    else
        verb = reporting_word(w);
    return verb && !(i && isupper((unsigned char)s->text[s->words[i].start]) && inside_name(c, s, s->words[i].start));
}

/* How far (in bytes) a source's name may stand from its reporting verb: "Viasna estimates", "Nausėda, however,
 * reminded", not the president named three clauses earlier. */
#define TX_ATTRIBUTION_REACH 48
/* How far into a sentence its subject may start: "Lithuanian President Gitanas Nausėda called …". */
#define TX_SUBJECT_REACH 32
/* How far (in bytes) after a possessive the possessed name may start: "Trump's envoy, John Cole". */
#define TX_POSSESSED_REACH 12
/* How many sentences on a credit may stand from the figures it credits, in their paragraph. */
#define TX_CREDIT_REACH 3

/* Whether an entity can be whom a count is from: a group or a person. */
static int origin_kind(const gz_entity_t *e)
{
    return e->kind && (!strcmp(e->kind, "group") || !strcmp(e->kind, "person"));
}

/* Whether a possessive ("'s", "’s", "ʼs") at text is followed, within a few words, by the name of a group or person:
 * "Lukashenko's press service" is the press service's word, not Lukashenko's, and "Trump's envoy, John Cole" the
 * envoy's ("Viasna's spokesperson" stays Viasna's). */
static int owner_of_named(const ctx_t *c, const char *text)
{
    static const char *const marks[] = {"'s ", "\xe2\x80\x99s ", "\xca\xbcs ", NULL};
    size_t skip = 0;
    for (const char *const *m = marks; *m && !skip; m++)
        if (!strncmp(text, *m, strlen(*m)))
            skip = strlen(*m);
    if (!skip)
        return 0;
    for (size_t i = 0; i < c->gz->n_entities; i++) {
        const gz_entity_t *e = &c->gz->entities[i];
        if (!origin_kind(e))
            continue;
        for (size_t k = 0; k < e->n_names; k++) {
            long at = tx_find_name(text + skip, e->names[k]);
            if (at >= 0 && at <= TX_POSSESSED_REACH)
                return 1;
        }
    }
    return 0;
}

/* Whether the name at byte offset at is an adjective's ("the pro-Lukashenko channel", "anti-Lukashenko protests"). */
static int adjective_of(const char *text, long at)
{
    return (at >= 4 && !strncasecmp(text + at - 4, "pro-", 4)) || (at >= 5 && !strncasecmp(text + at - 5, "anti-", 5));
}

static int aside_apart(const tx_sentence_t *s, size_t i, size_t at);
static int reporting_verb(const ctx_t *c, const tx_sentence_t *s, size_t i);

/* Whether a reporting verb stands between byte offsets from and to (the verb whose speaker is sought): a name before
 * it is that verb's speaker, not the next one's ("his office said, but critics warned …": the office did not warn);
 * a word right before the verb is its subject's noun ("The UN report reveals"). */
static int verb_between(const ctx_t *c, const tx_sentence_t *s, long from, long to)
{
    for (size_t i = 0; i + 1 < s->n_words; i++)
        if ((long)s->words[i].start >= from && (long)s->words[i + 1].start < to && reporting_verb(c, s, i))
            return 1;
    return 0;
}

/* How long an appositive that is a name may be, in bytes: "…, John Cole," */
#define TX_NAME_APPOSITIVE 40
/* How long an appositive between a speaker's name and its verb may be, in bytes. */
#define TX_APPOSITIVE_REACH 96

/* Whether the text from byte offset from to byte offset to is one appositive, a name's description set off by
 * commas and nothing else (", President Donald Trump's deputy envoy to Ukraine, "): the name before it speaks. */
static int appositive_between(const char *text, long from, long to)
{
    if (to - from > TX_APPOSITIVE_REACH || to - from < 5 || text[from] != ',' || text[from + 1] != ' ')
        return 0;
    long close = to - 1;
    while (close > from && text[close] == ' ')
        close--;
    if (close <= from + 1 || text[close] != ',')
        return 0;
    for (long k = from + 1; k < close; k++)
        if (text[k] == ',' || text[k] == ';' || text[k] == ':' || text[k] == '.' || text[k] == '"')
            return 0;
    return 1;
}

/* The word of the sentence that holds (or follows) byte offset pos. */
static size_t word_of(const tx_sentence_t *s, long pos)
{
    size_t i = 0;
    while (i + 1 < s->n_words && (long)s->words[i].end <= pos)
        i++;
    return i;
}

/* The group or person named nearest byte offset pos of the sentence, within reach (after pos only, when after is
 * set), other than subject and other than one named in an aside apart from pos ("the Pul Pervogo channel on
 * Telegram, run by his press service, reported": Pul Pervogo's report; "Human rights groups, including Viasna,
 * say": the groups'); NULL when none. */
static const char *named_near(const ctx_t *c, const tx_sentence_t *s, long pos, int after, long reach,
                              const char *subject)
{
    const gazetteer_t *gz = c->gz;
    const char *best = NULL;
    long best_d = -1;
    size_t pos_word = s->n_words ? word_of(s, pos) : 0;
    for (size_t i = 0; i < gz->n_entities; i++) {
        const gz_entity_t *e = &gz->entities[i];
        if ((subject && !strcmp(e->id, subject)) || !origin_kind(e))
            continue;
        for (size_t k = 0; k < e->n_names; k++) {
            /* every place the name stands: "… founder of the Viasna Human Rights Center, …, Viasna human rights
             * center reports" is Viasna's report through its second mention */
            long len = (long)strlen(e->names[k]);
            for (long from = 0, found; (found = tx_find_name(s->text + from, e->names[k])) >= 0;
                 from += found + len) { /* on from the end of the last: a word boundary, since the name ended at one */
                long at = from + found, end = at + len;
                if (owner_of_named(c, s->text + end) || adjective_of(s->text, at) ||
                    (s->n_words && aside_apart(s, word_of(s, at), pos_word)) ||
                    (at < pos && s->n_words && verb_between(c, s, end, pos)))
                    continue;
                long d = at >= pos ? at - pos : after ? -1 : pos - end;
                if (d > 0 && at < pos && appositive_between(s->text, end, pos))
                    d = 2; /* "John Coale, President Donald Trump's deputy envoy to Ukraine, told": Coale's */
                if (d < 0 || (reach >= 0 && d > reach))
                    continue;
                if (best_d < 0 || d < best_d) {
                    best = e->id;
                    best_d = d;
                }
            }
        }
    }
    return best;
}

/* The group or person a sentence names first: a pronoun's antecedent, the previous sentence's subject
 * ("Tikhanovskaya … acknowledged the support she received from Donald Trump … . However, she emphasized …":
 * Tikhanovskaya, not Trump). */
static const char *named_first(const ctx_t *c, const tx_sentence_t *s, const char *subject)
{
    const char *best = NULL;
    long best_at = -1;
    for (size_t i = 0; i < c->gz->n_entities; i++) {
        const gz_entity_t *e = &c->gz->entities[i];
        if ((subject && !strcmp(e->id, subject)) || !origin_kind(e))
            continue;
        for (size_t k = 0; k < e->n_names; k++) {
            long at = tx_find_name(s->text, e->names[k]);
            if (at >= 0 && (best_at < 0 || at < best_at)) {
                best = e->id;
                best_at = at;
            }
        }
    }
    return best;
}

/* Where a relative clause (", which …," or ", who …,") that closes right before byte offset verb opens, or -1. */
static long relative_clause_before(const char *text, long verb)
{
    long close = verb - 1;
    while (close >= 0 && text[close] == ' ')
        close--;
    if (close < 0 || text[close] != ',')
        return -1;
    for (long k = close - 1; k >= 0; k--) {
        if (text[k] == ',')
            return !strncmp(text + k, ", which ", 8) || !strncmp(text + k, ", who ", 6) ? k : -1;
    }
    return -1;
}

/* Whom a sentence's reporting verb names (the speaker named nearest its first reporting verb), or NULL; *has_verb
 * (when given) says whether the sentence has a reporting verb at all. */
static const char *speaker_of(const ctx_t *c, const tx_sentence_t *s, const char *subject, int *has_verb)
{
    for (size_t i = 0; i < s->n_words; i++)
        if (reporting_verb(c, s, i)) {
            if (has_verb)
                *has_verb = 1;
            return named_near(c, s, (long)s->words[i].start, 0, TX_ATTRIBUTION_REACH, subject);
        }
    if (has_verb)
        *has_verb = 0;
    return NULL;
}

/* Whether the number at word at stands in an "including" aside: some of those the sentence counts ("About a hundred
 * civilians, including five Ukrainians who were held in Belarus, are being released"; "52 prisoners, including 14
 * foreign nationals,"), no count of the measure itself. */
static int in_including_aside(const tx_sentence_t *s, size_t at)
{
    for (size_t k = 0; k < at; k++)
        if (!strcmp(s->words[k].text, "including") && tx_aside_end(s, k) > at)
            return 1;
    return 0;
}

/* Whether word i stands in an aside that does not hold the number at word at ("Belarus pardoned 52 prisoners
 * (including 40 political prisoners, according to Viasna)": Viasna's is the 40, not the 52). */
static int aside_apart(const tx_sentence_t *s, size_t i, size_t at)
{
    for (size_t k = 0; k < i; k++) {
        size_t end = tx_aside_end(s, k);
        if (end > i && !(k <= at && at < end))
            return 1;
    }
    return 0;
}

/* Whether a quotation opens after word i of the sentence: "According to the Belarusian presidency, which pardoned
 * them, “Most of them are parents …”" credits the quotation, not the figures of the sentence after it. */
static int quotes_after(const tx_sentence_t *s, size_t i)
{
    const char *from = s->text + s->words[i].end;
    return strstr(from, "\xe2\x80\x9c") || strchr(from, '"') || strstr(from, "\xc2\xab");
}

/* Whom the sentence attributes its claim (the number at word `at`) to:
 * - "according to X": X;
 * - else the reporting verb nearest the number, and the group or person named nearest it ("Viasna estimates",
 *   "Human rights groups say", "Nausėda emphasised"); a pronoun before the verb ("she emphasized") stands for
 *   whom the previous sentence names first (its subject);
 * - else, in a quotation closed at the sentence's end, the speaker of the short sentence that follows
 *   ("... until they see freedom!” Lithuanian President Gitanas Nauseda wrote on X.");
 * never the claim's own subject; NULL when nobody is named (critics, an unnamed official). */
static const char *attribution(const ctx_t *c, const tx_sentence_t *s, size_t at, const char *subject)
{
    for (size_t i = 0; i + 1 < s->n_words; i++)
        if (!strcmp(s->words[i].text, "according") && !strcmp(s->words[i + 1].text, "to") && !aside_apart(s, i, at)) {
            /* the name in its phrase, up to the next comma ("According to the Viasna human rights center, there
             * are …"); a phrase that names nobody the gazetteer knows ("According to reports, Lukashenko …
             * pardoned 31", "…, according to RFE and AFP") leaves the question to the reporting verb */
            long to = (long)s->words[i + 1].end, stop = to + (long)strcspn(s->text + to, ",;");
            /* and a short appositive after it: "According to Trump's envoy, John Cole, there are", "according to
             * Belarus' oldest … human rights group, Viasna." */
            if (s->text[stop] == ',') {
                long next = stop + 1 + (long)strcspn(s->text + stop + 1, ",;");
                if (next - stop <= TX_NAME_APPOSITIVE)
                    stop = next;
            }
            const char *who = named_near(c, s, to, 1, stop - to, subject);
            if (who)
                return who;
            break;
        }
    long verb = -1;
    size_t verb_word = 0, best_gap = (size_t)-1;
    for (size_t i = 0; i < s->n_words; i++) {
        if (!reporting_verb(c, s, i))
            continue;
        size_t gap = i > at ? i - at : at - i;
        if (gap < best_gap) {
            best_gap = gap;
            verb = (long)s->words[i].start;
            verb_word = i;
        }
    }
    if (verb >= 0) {
        const char *who = named_near(c, s, verb, 0, TX_ATTRIBUTION_REACH, subject);
        if (!who) {
            /* a relative clause between the speaker and the verb: "Human rights group Viasna, which is banned in
             * Belarus as an extremist organisation, says there are about 1,250" is Viasna's */
            long clause = relative_clause_before(s->text, verb);
            if (clause >= 0)
                who = named_near(c, s, clause, 0, TX_ATTRIBUTION_REACH, subject);
        }
        if (!who && verb_word && (!strcmp(s->words[verb_word - 1].text, "but") ||
                                  !strcmp(s->words[verb_word - 1].text, "and"))) {
            /* a verb joined to the sentence's first shares its subject, named where the sentence starts:
             * "Nausėda called the releases a major US diplomatic success but added that …" */
            who = named_near(c, s, 0, 1, verb <= TX_SUBJECT_REACH ? verb - 1 : TX_SUBJECT_REACH, subject);
        }
        if (!who && verb_word && c->prev &&
            (!strcmp(s->words[verb_word - 1].text, "she") || !strcmp(s->words[verb_word - 1].text, "he")))
            /* "she added" goes on for whoever spoke in the sentence before ("…, said his wife Svetlana
             * Tsikhanouskaya in an article on X. “… 1150 political prisoners remain behind bars …,” she added."),
             * else for whom it names first, its subject */
            if (!(who = speaker_of(c, c->prev, subject, NULL)))
                who = named_first(c, c->prev, subject);
        return who;
    }
    /* a credit names where the figures come from: the next sentence ("The data was shared by the human rights
     * center Viasna.", a wire's "Source: Lukashenko's press service" line), or a later one of the same paragraph
     * ("… 1,135 political prisoners remain behind bars … . This is stated in the annual report of the human rights
     * center Viasna."); a credit that names nobody the gazetteer knows gives nobody */
    static const char *const credits[] = {"shared by", "provided by", "compiled by", "published by", "data from",
                                          "figures from", "reported by", "reported in", "stated in", "stated on",
                                          "source:", NULL};
    for (size_t j = c->at + 1; c->sent && j < c->n_sent && j <= c->at + TX_CREDIT_REACH; j++) {
        const tx_sentence_t *t = &c->sent[j];
        if (j > c->at + 1 && t->paragraph != s->paragraph)
            break;
        if (t->n_words > 14)
            continue;
        for (const char *const *k = credits; *k; k++) {
            long pos = tx_find_name(t->text, *k);
            if (pos >= 0 && (strcmp(*k, "source:") || pos == 0))
                return named_near(c, t, pos + (long)strlen(*k), 1, TX_ATTRIBUTION_REACH, subject);
        }
    }
    /* a quotation that ends the sentence, and its tag in the next one */
    size_t len = strlen(s->text);
    int quoted = (len >= 3 && !strcmp(s->text + len - 3, "\xe2\x80\x9d")) || (len && s->text[len - 1] == '"');
    int has_verb = 0;
    if (quoted && c->next && c->next->n_words <= 14) {
        const char *who = speaker_of(c, c->next, subject, &has_verb);
        if (has_verb)
            return who;
    }
    /* the sentence before, in the paragraph, that says whom its figures are from ("According to the Viasna human
     * rights center, there are currently 1,409 political prisoners … At least six have died behind bars.") */
    if (c->prev && c->prev->paragraph == s->paragraph) {
        for (size_t i = 0; i + 1 < c->prev->n_words; i++)
            if (!strcmp(c->prev->words[i].text, "according") && !strcmp(c->prev->words[i + 1].text, "to") &&
                !quotes_after(c->prev, i)) {
                const char *who = named_near(c, c->prev, (long)c->prev->words[i + 1].end, 1, -1, subject);
                if (who)
                    return who;
            }
    }
    /* a paragraph whose first sentence names its source ("Viasna has recorded 1,174 … At least eight political
     * prisoners have died behind bars." : Viasna's count too) */
    if (c->lead) {
        const char *who = speaker_of(c, c->lead, subject, &has_verb);
        if (has_verb)
            return who;
    }
    /* an organisation's own report speaks for it: the publisher, when it is a group or person the gazetteer knows
     * ("publisher: Viasna", "publisher: Amnesty International UK") */
    if (c->author && (!subject || strcmp(c->author, subject)))
        return c->author;
    return NULL;
}

/* The group or person the publisher is: its whole name, but for a parenthesis after it and a national branch's
 * "UK" ("Viasna", "EEAS (OSCE Permanent Council …)", "Amnesty International UK"; not "EU Today"), or NULL. */
static const char *publisher_entity(const gazetteer_t *gz, const char *publisher)
{
    if (!publisher)
        return NULL;
    size_t n = strcspn(publisher, "(");
    while (n && publisher[n - 1] == ' ')
        n--;
    if (n > 3 && !strncmp(publisher + n - 3, " UK", 3))
        n -= 3;
    for (size_t i = 0; i < gz->n_entities; i++) {
        const gz_entity_t *e = &gz->entities[i];
        if (!origin_kind(e))
            continue;
        for (size_t k = 0; k < e->n_names; k++)
            if (strlen(e->names[k]) == n && !strncasecmp(publisher, e->names[k], n))
                return e->id;
    }
    return NULL;
}

/* Which of the claim's governing phrases stands at word j: 1 governed_by, -1 not_governed_by, 0 none. */
static int governor_at(const gz_claim_t *cl, const tx_sentence_t *s, size_t j)
{
    for (size_t k = 0; k < cl->n_not_governed_by; k++)
        if (tx_phrase_at(s, j, &cl->not_governed_by[k]))
            return -1;
    for (size_t k = 0; k < cl->n_governed_by; k++)
        if (tx_phrase_at(s, j, &cl->governed_by[k]))
            return 1;
    return 0;
}

/* Whether word j is a past participle with no auxiliary before it ("prisoners recognized by …", not "have been
 * recognized"): a modifier of the noun before it rather than the clause's verb. */
static int bare_participle(const tx_sentence_t *s, size_t j)
{
    static const char *const aux[] = {"be", "been", "being", "is", "are", "was", "were", "have", "has", "had",
                                      "will", "would", "not", "having", NULL};
    const char *w = s->words[j].text;
    size_t n = strlen(w);
    if (!j || tx_clause_break(s, j) || !((n > 3 && !strcmp(w + n - 2, "ed")) || !strcmp(w, "held")))
        return 0;
    for (const char *const *a = aux; *a; a++)
        if (!strcmp(s->words[j - 1].text, *a))
            return 0;
    return 1;
}

/* Whether the number at words at..at+len measures what the claim entry counts: the nearest governing phrase after
 * it, else before it, decides (text_plugin.h). An entry without governing phrases takes every match. */
static int governed(const gz_claim_t *cl, const tx_sentence_t *s, size_t at, size_t len)
{
    if (!cl->n_governed_by && !cl->n_not_governed_by)
        return 1;
    /* a number right after a governing phrase (a qualifier, "another" or "a further" between) is its object, and
     * what follows describes them: "has pardoned 30 individuals who were incarcerated", "Viasna counts more than
     * 1,400 political prisoners" */
    size_t b = at;
    for (size_t k = 3; k >= 1; k--)
        if (b >= k && tx_qualifier_words(s, b - k) == k) {
            b -= k;
            break;
        }
    if (b >= 1 && (!strcmp(s->words[b - 1].text, "another") || !strcmp(s->words[b - 1].text, "further")))
        b -= b >= 2 && !strcmp(s->words[b - 1].text, "further") && !strcmp(s->words[b - 2].text, "a") ? 2 : 1;
    /* a number that opens an aside names what the words before it spoke of ("The majority of those released —
     * 114 people — were taken out of Belarus"): it is no object of theirs, and the clause's verb after the aside
     * decides, or nothing does */
    int apposition = tx_aside_end(s, b) != 0 || tx_aside_end(s, at) != 0;
    /* the object of a noun's preposition too: "granting pardon to around 350 individuals", "the release of 30" */
    if (!apposition && b >= 2 && !tx_clause_break(s, b) &&
        (!strcmp(s->words[b - 1].text, "to") || !strcmp(s->words[b - 1].text, "of")))
        for (size_t k = 0; k < cl->n_not_governed_by; k++) {
            const gz_pattern_t *g = &cl->not_governed_by[k];
            if (g->n <= b - 1 && tx_phrase_at(s, b - 1 - g->n, g))
                return 0;
        }
    for (int kind = -1; kind <= 1 && !apposition && !tx_clause_break(s, b); kind += 2) {
        const gz_pattern_t *list = kind < 0 ? cl->not_governed_by : cl->governed_by;
        size_t n = kind < 0 ? cl->n_not_governed_by : cl->n_governed_by;
        for (size_t k = 0; k < n; k++)
            if (list[k].n <= b && tx_phrase_at(s, b - list[k].n, &list[k]))
                return kind > 0;
    }
    /* an aside after the number describes some of them ("…, including six unjustly detained U.S. citizens, …",
     * "(including 572 women)"): its words govern them, not the count; its words are skipped, and counted none */
    /* a bare participle after them ("1,287 political prisoners recognized by the human rights community remain
     * behind bars", "350 individuals imprisoned on political charges") describes them: a later governing phrase,
     * the clause's own verb, decides when there is one */
    size_t seen = 0;
    int modifier = 0;
    for (size_t j = at + len; j < s->n_words && seen < GZ_GOVERN_AFTER; j++, seen++) {
        if (tx_sentence_break(s, j))
            break; /* a quotation's next sentence governs its own numbers */
        size_t end = tx_aside_end(s, j);
        if (end) {
            if (end >= s->n_words)
                break;
            j = end;
        }
        /* the next number owns what follows it: "frees 10 political prisoners but 1,400 remain" */
        double v;
        kg_qualifier_t vq;
        if (tx_number(s, j, &v) || tx_vague(s, j, &vq))
            break;
        int g = governor_at(cl, s, j);
        if (g && !modifier && bare_participle(s, j)) {
            modifier = g;
            continue;
        }
        if (g)
            return g > 0;
    }
    if (modifier)
        return modifier > 0;
    for (size_t d = 1; d <= GZ_GOVERN_BEFORE && d <= at && !apposition && !tx_sentence_break(s, at - d + 1); d++) {
        int g = governor_at(cl, s, at - d);
        if (g)
            return g > 0;
    }
    return cl->n_governed_by == 0;
}

/* A year at word j of the sentence ("2025", "2025,"): 1900..2100. */
static int year_word(const tx_sentence_t *s, size_t j)
{
    const char *w = s->words[j].text;
    size_t d = strspn(w, "0123456789");
    int y = atoi(w);
    return d == 4 && (!w[4] || ispunct((unsigned char)w[4])) && y >= 1900 && y <= 2100;
}

/* Whether period phrase p (words, GZ_YEAR for a year, GZ_MONTH for a month) stands at word j, outside a "since"
 * clause ("since the crackdown began in 2020" starts the running total's period; it is no other one). */
static int period_at(const tx_sentence_t *s, size_t j, const gz_pattern_t *p)
{
    if (j + p->n > s->n_words)
        return 0;
    for (size_t k = j >= 4 ? j - 4 : 0; k < j; k++)
        if (!strcmp(s->words[k].text, "since"))
            return 0;
    for (size_t w = 0; w < p->n; w++) {
        if (p->words[w] == GZ_YEAR) {
            if (!year_word(s, j + w))
                return 0;
            continue;
        }
        if (p->words[w] == GZ_MONTH) {
            if (!tx_month_name(s->words[j + w].text))
                return 0;
            continue;
        }
        const char *t = s->words[j + w].text;
        size_t n = strlen(p->words[w]);
        if (strncmp(t, p->words[w], n) || (t[n] && !ispunct((unsigned char)t[n])))
            return 0;
    }
    return 1;
}

/* Whether the period phrase at word j dates a report rather than what is counted: right after a reporting verb,
 * or after one and "earlier" or "late" ("Viasna said earlier this month that 65,000 people have faced arrests" is
 * the running total, said this month; not this month's arrests). */
static int dates_report(const tx_sentence_t *s, size_t j)
{
    if (j && reporting_word(s->words[j - 1].text))
        return 1;
    return j >= 2 && reporting_word(s->words[j - 2].text) &&
           (!strcmp(s->words[j - 1].text, "earlier") || !strcmp(s->words[j - 1].text, "late"));
}

/* Whether one of the entry's not_in_period phrases stands at word j, other than one that dates a report. */
static int period_named_at(const gz_claim_t *cl, const tx_sentence_t *s, size_t j, size_t at)
{
    if (aside_apart(s, j, at))
        return 0; /* in an aside about someone else: "Lukashenko, who has ruled … since 1994, had already pardoned 30" */
    for (size_t k = 0; k < cl->n_not_in_period; k++)
        if (period_at(s, j, &cl->not_in_period[k]))
            return !dates_report(s, j);
    return 0;
}

/* Whether a period of the entry's not_in_period stands near the number at words at..at+len: up to
 * GZ_GOVERN_BEFORE words before it and GZ_GOVERN_AFTER after, not past another number (a year is none), or opens
 * the sentence before a comma. */
static int in_other_period(const gz_claim_t *cl, const tx_sentence_t *s, size_t at, size_t len)
{
    if (!cl->n_not_in_period)
        return 0;
    double v;
    kg_qualifier_t vq;
    for (size_t j = at + len; j < s->n_words && j < at + len + GZ_GOVERN_AFTER; j++) {
        if (period_named_at(cl, s, j, at))
            return 1;
        if (!year_word(s, j) && (tx_number(s, j, &v) || tx_vague(s, j, &vq)))
            break;
    }
    for (size_t d = 1; d <= GZ_GOVERN_BEFORE && d <= at; d++) {
        size_t j = at - d;
        if (period_named_at(cl, s, j, at))
            return 1;
        if (!year_word(s, j) && (tx_number(s, j, &v) || tx_vague(s, j, &vq)))
            break;
    }
    /* a period that opens the sentence frames all of it: "In December, at least 20 political prisoners served
     * their full sentences, and 49 people were pardoned" (a month's total) */
    for (size_t k = 0; k < cl->n_not_in_period; k++)
        if (period_at(s, 0, &cl->not_in_period[k]) && cl->not_in_period[k].n < s->n_words &&
            tx_clause_break(s, cl->not_in_period[k].n))
            return 1;
    return 0;
}

/* Whether the number at words at..at+len is an increment of a running total ("at least five more political prisoners
 * have died": five more, not five in all): a predicate the gazetteer declares cumulative, and "more", "other",
 * "additional", "further" or "new" right after the number. */
static int increment_of_total(const gazetteer_t *gz, const gz_claim_t *cl, const tx_sentence_t *s, size_t at,
                              size_t len)
{
    json_t *decl = gz->predicates ? json_object_get(gz->predicates, cl->predicate) : NULL;
    if (!json_is_true(json_object_get(decl, "cumulative")) || at + len >= s->n_words)
        return 0;
    static const char *const more[] = {"more", "other", "others", "additional", "further", "new", NULL};
    for (const char *const *m = more; *m; m++)
        if (!strcmp(s->words[at + len].text, *m))
            return 1;
    return 0;
}

/* Whether the period phrase at byte `at` of sentence s belongs to an ordinal before it: "It is the fourth time
 * since July that the authoritarian leader has pardoned dozens" numbers the rounds since July, and "dozens" is what
 * each of them was, no running total since July. */
static int ordinal_period(const tx_sentence_t *s, size_t at)
{
    static const char *const nouns[] = {"time", "round", "wave", "act", "pardon", "release", NULL};
    size_t i = 0;
    while (i < s->n_words && s->words[i].start < at)
        i++;
    int n;
    if (i >= s->n_words || s->words[i].start != at || strcmp(s->words[i].text, "since") || i < 2 ||
        !tx_ordinal(s, i - 2, &n) || tx_clause_break(s, i - 1) || tx_clause_break(s, i))
        return 0;
    for (const char *const *w = nouns; *w; w++)
        if (!strcmp(s->words[i - 1].text, *w))
            return 1;
    return 0;
}

/* Whether the sentence names the period the measure counts from (sentence_has), when the entry asks for one; or
 * the sentence before it in the same paragraph ("… the eighth such pardon since the summer of 2024. In all, 207
 * political prisoners have been freed"). */
static int period_named(const ctx_t *c, const gz_claim_t *cl, const tx_sentence_t *s, const char *lowered)
{
    if (!cl->n_sentence_has)
        return 1;
    for (size_t k = 0; k < cl->n_sentence_has; k++)
        for (const char *p = strstr(lowered, cl->sentence_has[k]); p; p = strstr(p + 1, cl->sentence_has[k]))
            if (!ordinal_period(s, (size_t)(p - lowered)))
                return 1;
    if (c->prev && c->prev->paragraph == s->paragraph) {
        char before[4096];
        size_t n = strlen(c->prev->text) < sizeof before - 1 ? strlen(c->prev->text) : sizeof before - 1;
        for (size_t i = 0; i < n; i++)
            before[i] = (char)tolower((unsigned char)c->prev->text[i]);
        before[n] = '\0';
        for (size_t k = 0; k < cl->n_sentence_has; k++)
            for (const char *p = strstr(before, cl->sentence_has[k]); p; p = strstr(p + 1, cl->sentence_has[k]))
                if (!ordinal_period(c->prev, (size_t)(p - before)))
                    return 1;
    }
    return 0;
}

/* Whether day `when` falls in the week up to the article's date (a full date), or in its month (an article dated
 * only to its month): news of the round it reports. */
static int this_week(const char *published, const char *when)
{
    kg_when_t w;
    return when && strlen(when) == 10 && kg_when_parse(when, &w, NULL) == KG_OK && tx_news_day(published, &w);
}

/* template with every {KEY} of keys made its value: "event:pardon-round-{ORD}" with ORD=6 ->
 * "event:pardon-round-6". keys and values end with NULL. malloc'd. */
static char *filled(const char *template, const char *const *keys, const char *const *values)
{
    size_t need = strlen(template) + 1;
    for (size_t k = 0; keys[k]; k++)
        for (const char *p = strstr(template, keys[k]); p; p = strstr(p + strlen(keys[k]), keys[k]))
            need += strlen(values[k]);
    char *out = malloc(need), *o = out;
    if (!out)
        return NULL;
    for (const char *p = template; *p;) {
        size_t k = 0;
        while (keys[k] && strncmp(p, keys[k], strlen(keys[k])))
            k++;
        if (keys[k]) {
            o += sprintf(o, "%s", values[k]);
            p += strlen(keys[k]);
        } else {
            *o++ = *p++;
        }
    }
    *o = '\0';
    return out;
}

/* Adds the event of a template (an ordinal entry's event, an entry's unnamed_round) with its placeholders filled:
 * its id (malloc'd into *id, NULL on failure), kind ("event" by default) and label. */
static int add_event(ctx_t *c, const gz_event_t *ev, const char *const *keys, const char *const *values, char **id)
{
    char *label = ev->label ? filled(ev->label, keys, values) : NULL;
    *id = filled(ev->id, keys, values);
    if (!*id || (ev->label && !label)) {
        free(label);
        return kg_error_set(c->err, KG_ENOMEM, c->path, 0, 0, "out of memory");
    }
    kg_entity_spec_t e;
    kg_entity_spec_init(&e);
    e.id = *id;
    e.kind = ev->kind ? ev->kind : "event";
    e.label = label;
    e.origin = c->path;
    int rc = kg_graph_add_entity(c->g, &e, NULL, c->err);
    free(label);
    return rc;
}

/* The event of a round the article does not number: the entry's unnamed_round, one article's, at the count's date;
 * or, when the entry has a by_day template and the date is a full day, that day's act, whichever article reports it.
 * Added to the graph; its id is malloc'd into *id. */
static int unnamed_round(ctx_t *c, const gz_claim_t *cl, const char *date, char **id)
{
    if (cl->by_day.id && date && strlen(date) == 10) { /* a full day: that day's act, whoever reports it */
        const char *keys[] = {"{DAY}", "{DATE}", NULL}, *values[] = {date, date, NULL};
        return add_event(c, &cl->by_day, keys, values, id);
    }
    const char *src = !strncmp(c->source, "src:", 4) ? c->source + 4 : c->source;
    const char *keys[] = {"{SOURCE}", "{DATE}", NULL}, *values[] = {src, date ? date : "undated", NULL};
    return add_event(c, &cl->unnamed_round, keys, values, id);
}

/* Whether one of the entry's not_in_period phrases follows a match (ending at word from) within a few words: an
 * ordinal that another period counts ("the first round of pardons in 2025"). */
#define TX_PERIOD_AFTER 3
static int period_after(const gz_claim_t *cl, const tx_sentence_t *s, size_t from)
{
    for (size_t j = from; j < s->n_words && j <= from + TX_PERIOD_AFTER; j++)
        if (period_named_at(cl, s, j, from))
            return 1;
    return 0;
}

/* The rounds an article names by their ordinal ("This marked the sixth wave of pardons"): each an event of the
 * entry's template, part of its series, with the ordinal as a claim on it; the first one is the article's
 * round, which per-round counts (subject "@round") are about. */
static int rounds_in(ctx_t *c, const tx_sentence_t *s)
{
    const gazetteer_t *gz = c->gz;
    for (size_t k = 0; k < gz->n_claims; k++) {
        const gz_claim_t *cl = &gz->claims[k];
        if (!cl->event.id)
            continue;
        for (size_t p = 0; p < cl->n_patterns; p++) {
            matcher_t m = {s, &cl->patterns[p], calloc((s->n_words + 1) * (cl->patterns[p].n + 1), 1)};
            if (!m.failed)
                return kg_error_set(c->err, KG_ENOMEM, c->path, 0, 0, "out of memory");
            size_t at = 0, len = 0, after = 0, i;
            int n = 0, rc = KG_OK;
            /* the first ordinal of the series: not one another period counts, the words after it say ("the first
             * round of pardons in 2025 and the seventh since June 2024": the seventh) */
            for (i = 0; i < s->n_words; i++)
                if (match(&m, i, 0, &at, &len, &after) && tx_ordinal(s, at, &n) && !period_after(cl, s, after))
                    break;
            free(m.failed);
            if (i == s->n_words)
                continue;
            char num[16], *id = NULL;
            snprintf(num, sizeof num, "%d", n);
            const char *keys[] = {"{ORD}", NULL}, *values[] = {num, NULL};
            rc = add_event(c, &cl->event, keys, values, &id);
            if (!rc && cl->event.part_of && !(rc = add_entity(c, entity_index(gz, cl->event.part_of))))
                rc = relation(c, id, "part_of", cl->event.part_of, s->text, NULL);
            if (!rc) {
                kg_stmt_spec_t st;
                kg_stmt_spec_init(&st);
                st.subject = id;
                st.predicate = cl->predicate;
                st.value.type = KG_VALUE_NUMBER;
                st.value.amount = n;
                kg_cite_t cite = {c->source, s->text};
                st.cites = &cite;
                st.n_cites = 1;
                st.origin = c->path;
                rc = kg_graph_add_stmt(c->g, &st, NULL, c->err);
            }
            if (!rc && !c->round)
                c->round = id;
            else
                free(id);
            if (rc)
                return rc;
            break;
        }
    }
    return KG_OK;
}

/* The part of a round that the people a count's match names are (the entry's parts: "31 Ukrainian citizens",
 * "two Catholic priests"), between the number at word at and the match's end (word after, exclusive); the
 * longest phrase found, or NULL. */
static const char *part_in(const gz_claim_t *cl, const tx_sentence_t *s, size_t at, size_t after)
{
    if (!cl->n_parts || after <= at || after > s->n_words)
        return NULL;
    size_t from = s->words[at].start, to = s->words[after - 1].end;
    const char *best = NULL;
    size_t best_len = 0;
    for (size_t k = 0; k < cl->n_parts; k++) {
        size_t len = strlen(cl->part_phrases[k]);
        long pos = tx_find_name(s->text + from, cl->part_phrases[k]);
        if (pos >= 0 && from + (size_t)pos + len <= to && len > best_len) {
            best = cl->part_names[k];
            best_len = len;
        }
    }
    return best;
}

/* Whether, in the clause after word from, "and" joins another number to the count: "eight people convicted of
 * extremist activity and seven sentenced for drug crimes" (a year is none: "and 2025"). */
static int another_part_after(const tx_sentence_t *s, size_t from)
{
    double v;
    for (size_t j = from; j + 1 < s->n_words && j < from + GZ_GOVERN_AFTER; j++) {
        if (tx_clause_break(s, j))
            return 0;
        if (strcmp(s->words[j].text, "and"))
            continue;
        size_t k = j + 1 + tx_qualifier_words(s, j + 1);
        return k < s->n_words && !year_word(s, k) && tx_number(s, k, &v);
    }
    return 0;
}

/* Adds the event of a part of a round (the people of round whom part names: "event:pardon-2025-11-22-priests",
 * part_of the round's event), its id malloc'd into *id. */
static int part_event(ctx_t *c, const char *round, const char *part, const char *quote, char **id)
{
    size_t n = strlen(round) + strlen(part) + 2;
    const char *round_label = kg_entity_label(c->g, kg_graph_entity_by_id(c->g, round));
    size_t n_label = strlen(part) + strlen(round_label ? round_label : round) + 8;
    char *label = malloc(n_label);
    if (!(*id = malloc(n)) || !label) {
        free(label);
        return kg_error_set(c->err, KG_ENOMEM, c->path, 0, 0, "out of memory");
    }
    size_t j = (size_t)snprintf(*id, n, "%s-", round);
    for (const char *t = part; *t; t++) /* "Catholic priests": "catholic-priests" */
        (*id)[j++] = *t == ' ' ? '-' : (char)tolower((unsigned char)*t);
    (*id)[j] = '\0';
    snprintf(label, n_label, "%s in %s", part, round_label ? round_label : round);
    kg_entity_spec_t e;
    kg_entity_spec_init(&e);
    e.id = *id;
    e.kind = "event";
    e.label = label;
    e.origin = c->path;
    int rc = kg_graph_add_entity(c->g, &e, NULL, c->err);
    free(label);
    return rc ? rc : relation(c, *id, "part_of", round, quote, NULL);
}

static int claims_in(ctx_t *c, const tx_sentence_t *s)
{
    const gazetteer_t *gz = c->gz;
    char lowered[4096];
    size_t n = strlen(s->text) < sizeof lowered - 1 ? strlen(s->text) : sizeof lowered - 1;
    for (size_t i = 0; i < n; i++)
        lowered[i] = (char)tolower((unsigned char)s->text[i]);
    lowered[n] = '\0';
    for (size_t k = 0; k < gz->n_claims; k++) {
        const gz_claim_t *cl = &gz->claims[k];
        int excluded = 0, per_round = !strcmp(cl->subject, GZ_ROUND_SUBJECT);
        if (cl->event.id)
            continue; /* ordinals: rounds_in */
        for (size_t x = 0; x < cl->n_exclude && !excluded; x++)
            excluded = strstr(lowered, cl->exclude[x]) != NULL;
        if (excluded)
            continue;
        size_t seen_at = (size_t)-1;
        for (size_t p = 0; p < cl->n_patterns; p++) {
            matcher_t m = {s, &cl->patterns[p], calloc((s->n_words + 1) * (cl->patterns[p].n + 1), 1)};
            if (!m.failed)
                return kg_error_set(c->err, KG_ENOMEM, c->path, 0, 0, "out of memory");
            for (size_t i = 0; i < s->n_words; i++) {
                size_t at = 0, len = 0;
                size_t after = 0;
                if (!match(&m, i, 0, &at, &len, &after) || at == seen_at)
                    continue;
                int refused = 0;
                for (size_t x = 0; x < cl->n_not_before && !refused; x++) {
                    const gz_pattern_t *nb = &cl->not_before[x];
                    refused = after + nb->n <= s->n_words;
                    for (size_t w = 0; refused && w < nb->n; w++)
                        refused = !strcmp(s->words[after + w].text, nb->words[w]);
                }
                const char *part = per_round ? part_in(cl, s, at, after) : NULL;
                if (per_round && !part && another_part_after(s, after))
                    continue; /* "pardoned eight people convicted of extremist activity and seven sentenced for drug
                               * crimes": a part of the act, whose whole the sentence does not give */
                if (refused || in_including_aside(s, at) || !governed(cl, s, at, len) ||
                    !period_named(c, cl, s, lowered) ||
                    in_other_period(cl, s, at, len) || increment_of_total(gz, cl, s, at, len))
                    continue;
                seen_at = at; /* one claim per number, whichever pattern finds it */
                if (c->n_counts == c->cap_counts) {
                    size_t cap = c->cap_counts ? 2 * c->cap_counts : 16;
                    tx_count_t *grown = realloc(c->counts, cap * sizeof *grown);
                    if (!grown) {
                        free(m.failed);
                        return kg_error_set(c->err, KG_ENOMEM, c->path, 0, 0, "out of memory");
                    }
                    c->counts = grown;
                    c->cap_counts = cap;
                }
                tx_count_t *found = &c->counts[c->n_counts++];
                memset(found, 0, sizeof *found);
                found->claim = k;
                found->sentence = c->at;
                const tx_sentence_t *before = c->prev && c->prev->paragraph == s->paragraph ? c->prev : NULL;
                found->dated = tx_claim_date(s, at, c->published, before, found->when, sizeof found->when);
                kg_qualifier_t vq;
                int ord = 0;
                if (tx_number(s, at, &found->amount)) {
                    found->qualifier = tx_qualifier(s, at);
                } else if (tx_vague(s, at, &vq)) { /* "thousands of": a vague quantity, no amount of its own */
                    found->qualifier = vq;
                    found->amount = NAN;
                } else if (tx_ordinal(s, at, &ord)) { /* "the seventh dissenter to die in jail": the seventh of them */
                    found->amount = ord;
                }
                /* never the claim's own subject (an event of the article's is no gazetteer entity) */
                found->according_to = cl->attribution ? attribution(c, s, at, per_round ? c->round : cl->subject)
                                                      : NULL;
                found->part = part;
                break;
            }
            free(m.failed);
        }
    }
    return KG_OK;
}

/* The counts found, as statements, once every sentence is read and what their mentions say is shared: a count of
 * one round is about the article's round, which it names, or about an event of the article's own. */
static int add_counts(ctx_t *c)
{
    const gazetteer_t *gz = c->gz;
    tx_counts_share(c->counts, c->n_counts, gz, c->published);
    for (size_t i = 0; i < c->n_counts; i++) {
        const tx_count_t *found = &c->counts[i];
        const gz_claim_t *cl = &gz->claims[found->claim];
        int per_round = !strcmp(cl->subject, GZ_ROUND_SUBJECT);
        char *own_round = NULL; /* the event of a round the article does not number */
        if (per_round && (!c->round || (found->dated && !this_week(c->published, found->when)))) {
            /* a count of one round: the article's, which it names; a count dated otherwise ("last month,
             * 30 were pardoned") is of another round, unless within the week up to the article ("on
             * Monday pardoned 37 prisoners", reported on Tuesday: the round the article is about).
             * Neither numbered: an event of this article's, or, when the entry has none, left out */
            if (!cl->unnamed_round.id) {
                if (found->dated)
                    c->other_round++;
                else
                    c->roundless++;
                continue;
            }
            int rc = unnamed_round(c, cl, found->dated ? found->when : c->published, &own_round);
            if (rc) {
                free(own_round);
                return rc;
            }
        }
        char *part = NULL; /* the event of the part of the round its people are */
        if (per_round && found->part) {
            int rc = part_event(c, own_round ? own_round : c->round, found->part, c->sent[found->sentence].text, &part);
            if (rc) {
                free(own_round);
                free(part);
                return rc;
            }
        }
        kg_stmt_spec_t st;
        kg_stmt_spec_init(&st);
        st.subject = part ? part : own_round ? own_round : per_round ? c->round : cl->subject;
        st.predicate = cl->predicate;
        st.value.type = KG_VALUE_NUMBER;
        st.value.amount = found->amount;
        st.value.qualifier = found->qualifier;
        st.value.unit = cl->unit;
        st.according_to = found->according_to;
        if (found->dated)
            st.as_of = found->when; /* a past figure at its own date; a present one takes the article's */
        int rc = per_round ? KG_OK : add_entity(c, entity_index(gz, cl->subject));
        if (!rc && st.according_to)
            rc = add_entity(c, entity_index(gz, st.according_to));
        kg_cite_t cite = {c->source, c->sent[found->sentence].text};
        st.cites = &cite;
        st.n_cites = 1;
        st.origin = c->path;
        if (!rc)
            rc = kg_graph_add_stmt(c->g, &st, NULL, c->err);
        free(own_round);
        free(part);
        if (rc)
            return rc;
    }
    return KG_OK;
}

static int mentions_in(ctx_t *c, const tx_sentence_t *s, size_t *found, size_t max)
{
    size_t n_found = 0;
    for (size_t i = 0; i < c->gz->n_entities && n_found < max; i++) {
        const gz_entity_t *e = &c->gz->entities[i];
        int hit = 0;
        for (size_t k = 0; k < e->n_names && !hit; k++)
            hit = tx_find_name(s->text, e->names[k]) >= 0;
        if (!hit)
            continue;
        found[n_found++] = i;
        int rc = add_entity(c, i);
        if (!rc && !c->mentioned[i]) {
            rc = relation(c, c->source, "mentions", e->id, s->text, NULL);
            c->mentioned[i] = 1;
        }
        if (rc)
            return -1;
    }
    return (int)n_found;
}

int text_import(kg_graph_t *g, FILE *in, const char *path, const kg_opts_t *opts, kg_error_t *err)
{
    const char *gz_path = kg_opts_get(opts, "gazetteer");
    if (!gz_path)
        return kg_error_say(err, KG_EUSAGE,
                            "text: name the gazetteer: -p gazetteer=FILE (e.g. graphs/belarus/gazetteer.json)");
    gazetteer_t gz;
    int rc = gz_load(gz_path, &gz, err);
    if (rc) {
        gz_free(&gz);
        return rc;
    }
    /* claim subjects must be gazetteer entities (or the article's round), a round's series one too */
    for (size_t k = 0; k < gz.n_claims; k++)
        if (gz.claims[k].event.part_of && entity_index(&gz, gz.claims[k].event.part_of) == (size_t)-1) {
            rc = kg_error_set(err, KG_EINPUT, gz_path, 0, 0, "gazetteer: claim pattern %zu (%s): \"part_of\" \"%s\" is "
                              "not one of its entities", k + 1, gz.claims[k].predicate, gz.claims[k].event.part_of);
            gz_free(&gz);
            return rc;
        }
    for (size_t k = 0; k < gz.n_claims; k++)
        if (!gz.claims[k].event.id && strcmp(gz.claims[k].subject, GZ_ROUND_SUBJECT) &&
            entity_index(&gz, gz.claims[k].subject) == (size_t)-1) {
            rc = kg_error_set(err, KG_EINPUT, gz_path, 0, 0, "gazetteer: claim pattern %zu (%s): subject \"%s\" is not "
                                                             "one of its entities",
                              k + 1, gz.claims[k].predicate, gz.claims[k].subject);
            gz_free(&gz);
            return rc;
        }
    article_t a = {0};
    size_t len = 0;
    int read_rc = kg_read_all(in, path, &a.text, &len, err);
    tx_sentence_t *sent = NULL;
    size_t n_sent = 0;
    pairs_t pairs = {0};
    ctx_t c = {0};
    c.g = g;
    c.gz = &gz;
    c.path = path;
    c.err = err;
    c.added = calloc(gz.n_entities + 1, 1);
    c.mentioned = calloc(gz.n_entities + 1, 1);
    c.pairs = &pairs;
    size_t *found = malloc((gz.n_entities + 1) * sizeof *found);
    char *source_id = NULL, *note = NULL;
    if (read_rc) {
        rc = read_rc;
        goto done;
    }
    if (!c.added || !c.mentioned || !found) {
        rc = kg_error_set(err, KG_ENOMEM, path, 0, 0, "out of memory");
        goto done;
    }
    size_t bom = kg_utf8_bom(a.text, len);
    memmove(a.text, a.text + bom, len - bom + 1);
    len -= bom;
    size_t bad;
    if (!kg_utf8_valid(a.text, len, &bad)) { /* text at the door: line and column of the first bad byte */
        int line, column;
        kg_text_where(a.text, bad, &line, &column);
        rc = a.text[bad] ? kg_error_set(err, KG_EINPUT, path, line, column,
                                        "not UTF-8 text (byte 0x%02x): convert the article to UTF-8 first "
                                        "(iconv -f ENCODING -t UTF-8)",
                                        (unsigned char)a.text[bad])
                         : kg_error_set(err, KG_EINPUT, path, line, column, "a NUL byte: not a text file");
        goto done;
    }
    read_header(&a);
    const char *list = kg_opts_get(opts, "articles");
    if (list && (rc = apply_articles(&a, list, path, &note, err)))
        goto done;
    char found_date[16];
    if (!a.date && tx_find_published(a.body, found_date, sizeof found_date))
        a.date = strdup(found_date);
    if (!a.date)
        kg_graph_warn(g, path, 0, 0, "no publication date (a header \"date:\" line, or a date in the first lines): "
                      "its counts are undated unless their sentences date them");
    /* the article as a source */
    if (a.id) {
        source_id = strdup(a.id);
    } else {
        char base[1024];
        snprintf(base, sizeof base, "%s", path);
        char *b = basename(base), *dot = strrchr(b, '.');
        if (dot && dot != b)
            *dot = '\0';
        size_t need = strlen(b) + 5;
        if ((source_id = malloc(need)))
            snprintf(source_id, need, "src:%s", b);
    }
    if (!source_id) {
        rc = kg_error_set(err, KG_ENOMEM, path, 0, 0, "out of memory");
        goto done;
    }
    c.source = source_id;
    c.published = a.date;
    c.author = publisher_entity(&gz, a.publisher);
    kg_entity_spec_t src;
    kg_entity_spec_init(&src);
    src.id = source_id;
    src.kind = KG_KIND_SOURCE;
    src.label = a.title && *a.title ? a.title : NULL;
    src.publisher = a.publisher;
    src.url = a.url;
    src.date = a.date;
    src.origin = path;
    json_t *src_attrs = note ? json_pack("{s:s}", "note", note) : NULL;
    src.attrs = src_attrs;
    rc = note && !src_attrs ? kg_error_set(err, KG_ENOMEM, path, 0, 0, "out of memory")
                            : kg_graph_add_entity(g, &src, NULL, err);
    json_decref(src_attrs);
    if (rc)
        goto done;
    kg_predicate_t mentions, co;
    kg_predicate_init(&mentions, "mentions");
    mentions.kind = KG_PRED_RELATION;
    mentions.functional = 0;
    kg_predicate_init(&co, "co_mentioned_with");
    co.kind = KG_PRED_RELATION;
    co.functional = 0;
    if ((gz.predicates && (rc = declare_predicates(g, gz.predicates, gz_path, err))) ||
        (rc = kg_graph_declare_predicate(g, &mentions, err)) || (rc = kg_graph_declare_predicate(g, &co, err)))
        goto done;
    if (tx_sentences(a.body, &sent, &n_sent)) {
        rc = kg_error_set(err, KG_ENOMEM, path, 0, 0, "out of memory");
        goto done;
    }
    for (size_t i = 0; i < n_sent && !rc; i++) /* the article's round first: its counts may come before it */
        rc = rounds_in(&c, &sent[i]);
    for (size_t i = 0; i < n_sent && !rc; i++) {
        int k = mentions_in(&c, &sent[i], found, gz.n_entities);
        if (k < 0) {
            rc = err->code ? err->code : KG_ENOMEM;
            break;
        }
        for (int x = 0; x < k && !rc; x++)
            for (int y = x + 1; y < k && !rc; y++) {
                uint32_t lo = (uint32_t)(found[x] < found[y] ? found[x] : found[y]);
                uint32_t hi = (uint32_t)(found[x] < found[y] ? found[y] : found[x]);
                if (pair_count(&pairs, lo, hi, sent[i].text))
                    rc = kg_error_set(err, KG_ENOMEM, path, 0, 0, "out of memory");
            }
        c.prev = i ? &sent[i - 1] : NULL;
        c.next = i + 1 < n_sent ? &sent[i + 1] : NULL;
        size_t lead = i;
        while (lead && sent[lead - 1].paragraph == sent[i].paragraph)
            lead--;
        c.lead = lead < i ? &sent[lead] : NULL;
        c.sent = sent;
        c.n_sent = n_sent;
        c.at = i;
        if (!rc)
            rc = claims_in(&c, &sent[i]);
        kg_progress(opts, "reading the article", i + 1, n_sent);
    }
    if (!rc)
        rc = add_counts(&c);
    if (c.roundless)
        kg_graph_warn(g, path, 0, 0, "%zu count%s of one round of pardons left out: the article names no round "
                      "(\"the sixth round\")", c.roundless, c.roundless == 1 ? "" : "s");
    if (c.other_round)
        kg_graph_warn(g, path, 0, 0, "%zu count%s of an earlier round left out: dated otherwise than the article, "
                      "of a round it does not name", c.other_round, c.other_round == 1 ? "" : "s");
    /* co-mentions, weighted by how many sentences name both, in the order of the gazetteer */
    if (pairs.n)
        qsort(pairs.items, pairs.n, sizeof *pairs.items, pair_order);
    for (size_t i = 0; i < pairs.n && !rc; i++) {
        const pair_t *pr = &pairs.items[i];
        const char *a_id = gz.entities[pr->a].id, *b_id = gz.entities[pr->b].id;
        if (strcmp(a_id, b_id) > 0) {
            const char *t = a_id;
            a_id = b_id;
            b_id = t;
        }
        json_t *attrs = json_pack("{s:I}", "sentences", (json_int_t)pr->count);
        rc = relation(&c, a_id, "co_mentioned_with", b_id, pr->quote, attrs);
        json_decref(attrs);
    }
done:
    tx_sentences_free(sent, n_sent);
    free(found);
    free(c.added);
    free(c.mentioned);
    free(pairs.items);
    free(pairs.slot);
    free(source_id);
    free(note);
    free(c.round);
    free(c.counts);
    kg_free(a.text); /* from kg_read_all */
    char *fields[] = {a.id, a.title, a.publisher, a.url, a.date};
    for (size_t i = 0; i < sizeof fields / sizeof *fields; i++)
        free(fields[i]);
    gz_free(&gz);
    return rc;
}
