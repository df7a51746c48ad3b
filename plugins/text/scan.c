/* scan.c - reading real text: sentences, words, numbers as written ("1,174", "six", "19½"), qualifiers, names. */
#include "text_plugin.h"

#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

void tx_sentences_free(tx_sentence_t *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        for (size_t k = 0; k < s[i].n_words; k++)
            free(s[i].words[k].text);
        free(s[i].words);
        free(s[i].aside_end);
        free(s[i].number_len);
        free(s[i].number_value);
        free(s[i].vague_len);
        free(s[i].vague_q);
        free(s[i].text);
    }
    free(s);
}

/* U+2000..U+206F (dashes, curly quotes, ellipsis) count as punctuation. */
static int general_punct(const unsigned char *p)
{
    return p[0] == 0xE2 && p[1] == 0x80;
}

static int letter_at(const unsigned char *p)
{
    return isalnum(*p) || (*p >= 0x80 && !general_punct(p) && !(p[0] == 0xC2 && (p[1] == 0xA0 || p[1] == 0xBD)));
}

static const char *const abbreviations[] = {"mr", "mrs", "ms", "dr", "st", "jr", "sr", "gen", "col", "lt", "sgt",
                                            "prof", "no", "vs", "etc", "inc", "co", "corp", "jan", "feb", "aug",
                                            "sept", "oct", "nov", "dec", NULL};

/* Whether the word ending at text[end] (just before a '.') is an abbreviation. */
static int abbreviation(const char *text, size_t end)
{
    size_t start = end;
    while (start > 0 && !isspace((unsigned char)text[start - 1]))
        start--;
    size_t n = end - start;
    if (n == 0)
        return 0;
    if (memchr(text + start, '.', n)) /* U.S. U.N. */
        return 1;
    if (n == 1 && isupper((unsigned char)text[start])) /* an initial */
        return 1;
    char w[16];
    if (n >= sizeof w)
        return 0;
    for (size_t i = 0; i < n; i++)
        w[i] = (char)tolower((unsigned char)text[start + i]);
    w[n] = '\0';
    for (const char *const *a = abbreviations; *a; a++)
        if (!strcmp(*a, w))
            return 1;
    return 0;
}

static int asides_compute(tx_sentence_t *s);
static int numbers_compute(tx_sentence_t *s);
static size_t vague_at(const tx_sentence_t *s, size_t i, kg_qualifier_t *q);

static int add_sentence(tx_sentence_t **list, size_t *n, size_t *cap, const char *s, size_t len, size_t paragraph)
{
    while (len && isspace((unsigned char)*s))
        s++, len--;
    while (len && isspace((unsigned char)s[len - 1]))
        len--;
    if (!len)
        return 0;
    if (*n == *cap) {
        size_t c = *cap ? 2 * *cap : 64;
        tx_sentence_t *x = realloc(*list, c * sizeof *x);
        if (!x)
            return -1;
        *list = x;
        *cap = c;
    }
    tx_sentence_t *t = &(*list)[*n];
    memset(t, 0, sizeof *t);
    t->paragraph = paragraph;
    if (!(t->text = malloc(len + 1)))
        return -1;
    /* white space made single spaces: names split across lines come together */
    size_t k = 0;
    for (size_t i = 0; i < len; i++) {
        if (isspace((unsigned char)s[i])) {
            if (k && t->text[k - 1] != ' ')
                t->text[k++] = ' ';
        } else {
            t->text[k++] = s[i];
        }
    }
    t->text[k] = '\0';
    (*n)++;
    /* words: split at spaces, punctuation stripped from their ends, ASCII lower-cased */
    size_t cap_w = k / 2 + 2;
    if (!(t->words = malloc(cap_w * sizeof *t->words)))
        return -1;
    for (size_t i = 0; i < k;) {
        while (i < k && t->text[i] == ' ')
            i++;
        size_t a = i;
        while (i < k && t->text[i] != ' ')
            i++;
        size_t b = i;
        while (a < b && !letter_at((const unsigned char *)t->text + a) && t->text[a] != '\'') {
            if (general_punct((const unsigned char *)t->text + a) && a + 3 <= b)
                a += 3;
            else
                a++;
        }
        while (b > a) {
            unsigned char c = (unsigned char)t->text[b - 1];
            if (b - a >= 3 && general_punct((const unsigned char *)t->text + b - 3))
                b -= 3;
            else if (c < 0x80 && !isalnum(c))
                b--;
            else
                break;
        }
        if (a >= b)
            continue;
        tx_word_t *w = &t->words[t->n_words];
        if (!(w->text = malloc(b - a + 1)))
            return -1;
        for (size_t j = 0; j < b - a; j++)
            w->text[j] = (char)tolower((unsigned char)t->text[a + j]);
        w->text[b - a] = '\0';
        w->start = a;
        w->end = b;
        t->n_words++;
    }
    return asides_compute(t) || numbers_compute(t);
}

/* Page furniture and headlines stand on lines of their own without a full stop: "Belarus leader Lukashenko
 * pardons 32 prisoners", "Al Jazeera", "By Mark Trevelyan", "Also Read | ...". A line that ends at newline i
 * without final punctuation ends its sentence when it is short (TX_SHORT_LINE words at most: a hard-wrapped
 * paragraph's lines are longer) and the next line (from j) starts with a capital, a digit or a quote. */
#define TX_SHORT_LINE 12

static int short_line(const char *text, size_t i, size_t j, size_t len)
{
    if (j >= len)
        return 1;
    unsigned char next = (unsigned char)text[j];
    if (!(isupper(next) || isdigit(next) || next == '"' || next == '(' || next >= 0x80))
        return 0;
    size_t a = i, words = 0;
    while (a > 0 && text[a - 1] != '\n')
        a--;
    for (size_t k = a; k < i; k++)
        words += !isspace((unsigned char)text[k]) && (k == a || isspace((unsigned char)text[k - 1]));
    /* a line that ends on a word that needs the next ("… including colleagues / Marfa Rabkova and / Valiantsin
     * Stefanovich, remain jailed": a page's links broke the line) goes on */
    static const char *const joining[] = {"and", "or", "of", "the", "a", "an", "to", "in", "for", "with", "by",
                                          "from", "on", "at", "as", "that", NULL};
    size_t e = i;
    while (e > a && isspace((unsigned char)text[e - 1]))
        e--;
    size_t w = e;
    while (w > a && !isspace((unsigned char)text[w - 1]))
        w--;
    for (const char *const *j2 = joining; *j2; j2++)
        if (e - w == strlen(*j2) && !strncasecmp(text + w, *j2, e - w))
            return 0;
    return words > 0 && words <= TX_SHORT_LINE;
}

/* Quotations, followed as the text is read, so that a quotation that closes later on its line keeps its
 * sentences one ("stating, "My husband … is free! It's hard to describe the joy in my heart," and acknowledged …"
 * is one sentence, whose speaker its start names); one left open to the line's end ends its sentences as usual.
 * Each line is scanned once for its last closing marks: linear in the text. */
typedef struct quotes {
    int straight, curly;     /* open in the sentence read: a '"' pending its pair, “ not yet closed */
    size_t line;             /* the line the marks below are of (its first byte), or SIZE_MAX */
    size_t last_straight, last_curly; /* 1 + the offset of the line's last '"' / '”'; 0: none */
} quotes_t;

static int curly_at(const char *text, size_t i, size_t len, unsigned char third)
{
    return i + 2 < len && (unsigned char)text[i] == 0xE2 && (unsigned char)text[i + 1] == 0x80 &&
           (unsigned char)text[i + 2] == third;
}

/* The marks of byte i, read in order. */
static void quotes_read(quotes_t *q, const char *text, size_t i, size_t len)
{
    if (text[i] == '"')
        q->straight ^= 1;
    else if (curly_at(text, i, len, 0x9C)) /* “ */
        q->curly++;
    else if (curly_at(text, i, len, 0x9D) && q->curly) /* ” */
        q->curly--;
}

/* Whether the boundary at i (the sentence would end before `end`, past its closing marks) is inside a quotation
 * that closes later on the line that starts at line_start. */
static int quotes_inside(quotes_t *q, const char *text, size_t i, size_t end, size_t line_start, size_t len)
{
    quotes_t now = *q;
    for (size_t k = i + 1; k < end; k++) /* the marks the sentence would close with */
        quotes_read(&now, text, k, len);
    if (!now.straight && !now.curly)
        return 0;
    if (q->line != line_start) {
        q->line = line_start;
        q->last_straight = q->last_curly = 0;
        for (size_t k = line_start; k < len && text[k] != '\n'; k++) {
            if (text[k] == '"')
                q->last_straight = k + 1;
            else if (curly_at(text, k, len, 0x9D))
                q->last_curly = k + 1;
        }
    }
    return (now.straight && q->last_straight > end) || (now.curly && q->last_curly > end);
}

int tx_sentences(const char *text, tx_sentence_t **out, size_t *n)
{
    size_t cap = 0, start = 0, len = strlen(text), para = 0, start_para = 0;
    /* paragraphs: parted by blank lines where the text has any, else one per line */
    int blank_lines = 0;
    for (size_t i = 0; i + 1 < len && !blank_lines; i++)
        if (text[i] == '\n') {
            size_t j = i + 1;
            while (j < len && (text[j] == ' ' || text[j] == '\t' || text[j] == '\r'))
                j++;
            blank_lines = j < len && text[j] == '\n';
        }
    *out = NULL;
    *n = 0;
    quotes_t q = {0, 0, SIZE_MAX, 0, 0};
    size_t line_start = 0;
    for (size_t i = 0; i < len; i++) {
        char c = text[i];
        int boundary = 0;
        size_t end = i + 1;
        quotes_read(&q, text, i, len);
        if (c == '\n') {
            line_start = i + 1;
            /* a paragraph, a bullet, or a line that ended its sentence */
            size_t j = i + 1;
            while (j < len && (text[j] == ' ' || text[j] == '\t' || text[j] == '\r'))
                j++;
            if (blank_lines ? j < len && text[j] == '\n' : 1)
                para++;
            size_t b = i;
            while (b > start && isspace((unsigned char)text[b - 1]))
                b--;
            char last = b > start ? text[b - 1] : '.';
            boundary = j >= len || text[j] == '\n' || (text[j] == '-' && text[j + 1] == ' ') || last == '.' ||
                       last == '!' || last == '?' || last == '"' || short_line(text, i, j, len);
            if (b >= 3 && (unsigned char)text[b - 3] == 0xE2 && (unsigned char)text[b - 2] == 0x80 &&
                (unsigned char)text[b - 1] == 0x9D) /* ” */
                boundary = 1;
        } else if ((c == '.' || c == '!' || c == '?') && i + 1 < len) {
            size_t j = i + 1;
            while (j < len && (text[j] == '"' || text[j] == ')' || text[j] == '\''))
                j++;
            if (j + 2 < len && (unsigned char)text[j] == 0xE2 && (unsigned char)text[j + 1] == 0x80 &&
                (unsigned char)text[j + 2] == 0x9D)
                j += 3;
            end = j;
            if (j < len && text[j] == ' ') {
                size_t k = j;
                while (k < len && text[k] == ' ')
                    k++;
                unsigned char next = (unsigned char)(k < len ? text[k] : 'A');
                boundary = (isupper(next) || isdigit(next) || next == '"' || next >= 0x80) &&
                           !(c == '.' && abbreviation(text, i)) &&
                           !quotes_inside(&q, text, i, j, line_start, len);
            }
        }
        if (boundary) {
            if (add_sentence(out, n, &cap, text + start, end - start, start_para))
                return -1;
            start = end;
            start_para = para;
            i = end - 1;
            q.straight = q.curly = 0; /* a new sentence: its own quotations */
        }
    }
    return add_sentence(out, n, &cap, text + start, len - start, start_para);
}

/* --------------------------------------------------------- numbers */

static const char *const units[] = {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
                                    "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
                                    "seventeen", "eighteen", "nineteen", NULL};
static const char *const tens[] = {"", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty",
                                   "ninety", NULL};

static int small_word(const char *w, double *v)
{
    for (int i = 0; units[i]; i++)
        if (!strcmp(w, units[i])) {
            *v = i;
            return 1;
        }
    for (int i = 2; tens[i]; i++) {
        size_t n = strlen(tens[i]);
        if (!strncmp(w, tens[i], n)) {
            if (!w[n]) {
                *v = 10 * i;
                return 1;
            }
            double u;
            if (w[n] == '-' && small_word(w + n + 1, &u) && u < 10) {
                *v = 10 * i + u;
                return 1;
            }
        }
    }
    return 0;
}

/* "1,174" "65,000" "19.5" "19½": a number as libkgkit reads them (digits in groups of three after separators),
 * then a vulgar fraction; "1990s" and "20th" are not counts. No sign: a dash in prose is not a minus. */
static int digits_word(const char *w, double *v)
{
    if (!isdigit((unsigned char)*w))
        return 0;
    size_t n = kg_number_scan(w, v);
    if (!n)
        return 0;
    const char *p = w + n;
    static const struct {
        const char *utf8;
        double value;
    } fractions[] = {{"\xc2\xbd", 0.5}, {"\xc2\xbc", 0.25}, {"\xc2\xbe", 0.75}}; /* ½ ¼ ¾ */
    for (size_t k = 0; k < 3; k++)
        if (!strncmp(p, fractions[k].utf8, 2) && !strchr(w, '.')) {
            *v += fractions[k].value;
            p += 2;
            break;
        }
    if (!strcmp(p, "s")) /* "1990s" */
        return 0;
    return *p == '\0';
}

/* "1.300", "65.000.000": one to three digits, then groups of a full stop and three digits. */
static int european_groups(const char *w)
{
    size_t lead = strspn(w, "0123456789");
    if (!lead || lead > 3 || w[lead] != '.')
        return 0;
    for (const char *p = w + lead; *p; p += 4)
        if (p[0] != '.' || strspn(p + 1, "0123456789") < 3 || (p[4] && p[4] != '.'))
            return 0;
    return 1;
}

/* Whether words j - 1 and j stand one space apart (a space, a no-break space or a thin one), nothing else between. */
static int space_grouped(const tx_sentence_t *s, size_t j)
{
    const char *a = s->text + s->words[j - 1].end, *b = s->text + s->words[j].start;
    size_t n = (size_t)(b - a);
    return (n == 1 && *a == ' ') || (n == 2 && !memcmp(a, "\xc2\xa0", 2)) ||
           (n == 3 && (!memcmp(a, "\xe2\x80\x89", 3) || !memcmp(a, "\xe2\x80\xaf", 3)));
}

/* The number at word i, read from the words (tx_number reads it from the sentence's table, made once by
 * numbers_compute for every sentence with words: the matcher asks for it at every word of every pattern). */
static size_t number_at(const tx_sentence_t *s, size_t i, double *value)
{
    if (i >= s->n_words)
        return 0;
    const char *w = s->words[i].text;
    double v;
    size_t used = 1;
    /* the second group of "1 164" is part of the number before it, no number of its own */
    if (i && strlen(w) == 3 && strspn(w, "0123456789") == 3 && strlen(s->words[i - 1].text) <= 3 &&
        strspn(s->words[i - 1].text, "0123456789") == strlen(s->words[i - 1].text) && space_grouped(s, i))
        return 0;
    /* "a hundred", "a thousand", "a million", "a dozen": one of them */
    if (!strcmp(w, "a") && i + 1 < s->n_words &&
        (!strcmp(s->words[i + 1].text, "hundred") || !strcmp(s->words[i + 1].text, "thousand") ||
         !strcmp(s->words[i + 1].text, "million") || !strcmp(s->words[i + 1].text, "dozen")))
        v = 1;
    else if (european_groups(w) && !(i + 1 < s->n_words && (!strcmp(s->words[i + 1].text, "million") ||
                                                            !strcmp(s->words[i + 1].text, "billion") ||
                                                            !strcmp(s->words[i + 1].text, "thousand")))) {
        /* thousands grouped by full stops, as in much of Europe: "1.300", "65.000.000" (groups of three digits,
         * and no "million" after it: "1.3 million" stays a decimal) */
        v = 0;
        for (const char *p = w; *p; p++)
            if (isdigit((unsigned char)*p))
                v = v * 10 + (*p - '0');
    } else if (!digits_word(w, &v) && !small_word(w, &v))
        return 0;
    /* thousands grouped by a space, as in much of Europe: "1 164", "65 000" (each group three digits, one space or
     * a no-break or thin space between) */
    if (strspn(w, "0123456789") == strlen(w) && strlen(w) <= 3)
        while (i + used < s->n_words && strlen(s->words[i + used].text) == 3 &&
               strspn(s->words[i + used].text, "0123456789") == 3 && space_grouped(s, i + used)) {
            v = v * 1000 + atoi(s->words[i + used].text);
            used++;
        }
    /* "two hundred", "1.2 million", "65 thousand", "a dozen" */
    while (i + used < s->n_words) {
        const char *m = s->words[i + used].text;
        double k = !strcmp(m, "hundred") ? 1e2 : !strcmp(m, "thousand") ? 1e3 : !strcmp(m, "million") ? 1e6
                   : !strcmp(m, "billion") ? 1e9 : !strcmp(m, "dozen") ? 12 : 0;
        if (!k)
            break;
        v *= k;
        used++;
    }
    *value = v;
    return used;
}

size_t tx_number(const tx_sentence_t *s, size_t i, double *value)
{
    if (i >= s->n_words)
        return 0;
    if (s->number_len[i])
        *value = s->number_value[i];
    return s->number_len[i];
}

static int numbers_compute(tx_sentence_t *s)
{
    if (!s->n_words)
        return 0;
    size_t *len = calloc(s->n_words, sizeof *len);
    double *val = calloc(s->n_words, sizeof *val);
    if (!len || !val) {
        free(len);
        free(val);
        return -1;
    }
    unsigned char *vlen = calloc(s->n_words, 1);
    kg_qualifier_t *vq = calloc(s->n_words, sizeof *vq);
    if (!vlen || !vq) {
        free(len);
        free(val);
        free(vlen);
        free(vq);
        return -1;
    }
    for (size_t i = 0; i < s->n_words; i++) {
        len[i] = number_at(s, i, &val[i]);
        vlen[i] = (unsigned char)vague_at(s, i, &vq[i]);
    }
    s->number_len = len;
    s->number_value = val;
    s->vague_len = vlen;
    s->vague_q = vq;
    return 0;
}

size_t tx_vague(const tx_sentence_t *s, size_t i, kg_qualifier_t *q)
{
    if (i >= s->n_words || !s->vague_len[i])
        return 0;
    *q = s->vague_q[i];
    return s->vague_len[i];
}

int tx_ordinal(const tx_sentence_t *s, size_t i, int *n)
{
    static const char *const words[] = {"first",     "second",     "third",      "fourth",     "fifth",
                                        "sixth",     "seventh",    "eighth",     "ninth",      "tenth",
                                        "eleventh",  "twelfth",    "thirteenth", "fourteenth", "fifteenth",
                                        "sixteenth", "seventeenth", "eighteenth", "nineteenth", "twentieth"};
    if (i >= s->n_words)
        return 0;
    const char *w = s->words[i].text;
    for (int k = 0; k < 20; k++)
        if (!strcmp(w, words[k])) {
            *n = k + 1;
            return 1;
        }
    if (!strncmp(w, "twenty-", 7)) /* twenty-first .. twenty-ninth */
        for (int k = 0; k < 9; k++)
            if (!strcmp(w + 7, words[k])) {
                *n = 21 + k;
                return 1;
            }
    int v = 0, digits = 0;
    while (isdigit((unsigned char)w[digits]) && digits < 4)
        v = v * 10 + (w[digits++] - '0');
    const char *suffix = w + digits;
    if (digits && v > 0 && (!strcmp(suffix, "st") || !strcmp(suffix, "nd") || !strcmp(suffix, "rd") || !strcmp(suffix, "th"))) {
        *n = v;
        return 1;
    }
    return 0;
}

int tx_phrase_at(const tx_sentence_t *s, size_t i, const gz_pattern_t *p)
{
    if (!p->n || i + p->n > s->n_words)
        return 0;
    for (size_t k = 0; k < p->n; k++)
        if (strcmp(s->words[i + k].text, p->words[k]))
            return 0;
    return 1;
}

/* The marks between words i - 1 and i (before the first word: the sentence's start). */
static const char *gap_start(const tx_sentence_t *s, size_t i)
{
    return s->text + (i ? s->words[i - 1].end : 0);
}

/* Whether the gap before word i holds mark (of mark_len bytes). */
static int gap_has(const tx_sentence_t *s, size_t i, const char *mark, size_t mark_len)
{
    const char *from = gap_start(s, i), *to = s->text + s->words[i].start;
    for (const char *p = from; p + mark_len <= to; p++)
        if (!memcmp(p, mark, mark_len))
            return 1;
    return 0;
}

int tx_clause_break(const tx_sentence_t *s, size_t i)
{
    return i && i < s->n_words && (gap_has(s, i, ",", 1) || gap_has(s, i, ";", 1) || gap_has(s, i, ":", 1));
}

int tx_sentence_break(const tx_sentence_t *s, size_t i)
{
    if (!i || i >= s->n_words)
        return 0;
    const char *from = gap_start(s, i), *to = s->text + s->words[i].start;
    int end = 0;
    for (const char *p = from; p < to && !end; p++)
        end = (*p == '.' && !abbreviation(s->text, (size_t)(from - s->text))) || *p == '!' || *p == '?';
    return end && isupper((unsigned char)s->text[s->words[i].start]);
}

/* The participles that open a clause about who people are ("…, convicted on dubious political charges, …"). */
static int describing(const char *w)
{
    static const char *const words[] = {"convicted", "sentenced", "accused", "charged", "prosecuted", "labelled",
                                        "labeled", "branded", "classified", "considered", "described", "designated",
                                        "recognized", "recognised", "serving", "incarcerated", "imprisoned",
                                        "jailed", "detained", "held", "arrested", "mostly", "many", "most", "run",
                                        "operated", "owned", "controlled", "founded", "headed", "led", NULL};
    for (const char *const *k = words; *k; k++)
        if (!strcmp(w, *k))
            return 1;
    return 0;
}

/* Where the aside that opens at each word ends (tx_aside_end), worked out once per sentence: for each mark, the
 * next gap that holds it, from the end backwards, so that a sentence of n words costs O(n), however many dashes
 * it holds. */
static int asides_compute(tx_sentence_t *s)
{
    /* a dash is the same mark at both ends: the one before word i opens an aside when the dashes before it are
     * paired ("people -- many classified as political prisoners -- remain": the second closes, at "remain");
     * an en dash or a hyphen counts only with spaces around it ("2020–2024", "Minsk-based" are no asides) */
    static const struct { const char *open, *close; int same; } marks[] = {
        {"(", ")", 0}, {"--", "--", 1}, {"\xe2\x80\x94", "\xe2\x80\x94", 1},
        {" \xe2\x80\x93 ", " \xe2\x80\x93 ", 1}, {" - ", " - ", 1},
    };
    enum { N_MARKS = sizeof marks / sizeof marks[0] };
    size_t n = s->n_words;
    if (!n)
        return 0;
    size_t *next = malloc(n * (N_MARKS + 1) * sizeof *next); /* per mark, then the clause comma: next gap at k > i */
    unsigned char *open = calloc(n, N_MARKS);
    if (!(s->aside_end = calloc(n, sizeof *s->aside_end)) || !next || !open) {
        free(next);
        free(open);
        return -1;
    }
    for (size_t m = 0; m <= N_MARKS; m++) {
        size_t after = n; /* none */
        for (size_t i = n; i-- > 0;) {
            next[m * n + i] = after;
            int here = m < N_MARKS ? gap_has(s, i, marks[m].close, strlen(marks[m].close))
                                   : gap_has(s, i, ",", 1) && strcmp(s->words[i].text, "who") &&
                                         strcmp(s->words[i].text, "whom") && strcmp(s->words[i].text, "whose") &&
                                         strcmp(s->words[i].text, "which");
            if (here)
                after = i;
        }
    }
    for (size_t m = 0; m < N_MARKS; m++) {
        size_t seen = 0; /* dashes before word i */
        for (size_t i = 0; i < n; i++) {
            int has = gap_has(s, i, marks[m].open, strlen(marks[m].open));
            open[m * n + i] = has && (!marks[m].same || seen % 2 == 0);
            seen += (size_t)has;
        }
    }
    for (size_t i = 0; i < n; i++) {
        size_t m = 0;
        while (m < N_MARKS && !open[m * n + i])
            m++;
        if (m < N_MARKS)
            s->aside_end[i] = next[m * n + i];
        else if (i && gap_has(s, i, ",", 1) && describing(s->words[i].text))
            /* a participle's clause between commas says who they are, not what the count is: "five detainees,
             * convicted on dubious political charges, died in custody" */
            s->aside_end[i] = next[N_MARKS * n + i];
        else if (i && gap_has(s, i, ",", 1) && (!strcmp(s->words[i].text, "who") || !strcmp(s->words[i].text, "which")))
            /* a relative clause between commas is about whom it follows: "Lukashenko, who has ruled the country
             * since 1994, had already pardoned 30" (1994 starts no period of the 30) */
            s->aside_end[i] = next[N_MARKS * n + i];
        else if (i && !strcmp(s->words[i].text, "including"))
            /* up to its comma; a relative clause after it is about whom the aside names ("including historical
             * opponent Mikola Statkevich, who was released in September but returned to prison"), so it goes on */
            s->aside_end[i] = next[N_MARKS * n + i];
    }
    free(next);
    free(open);
    return 0;
}

size_t tx_aside_end(const tx_sentence_t *s, size_t i)
{
    return i < s->n_words && s->aside_end ? s->aside_end[i] : 0;
}

/* A vague quantity at word i, read from the words (tx_vague reads the sentence's table, made once). */
static size_t vague_at(const tx_sentence_t *s, size_t i, kg_qualifier_t *q)
{
    /* longest first: "hundreds of thousands of" before "hundreds of" */
    static const struct {
        const char *words[4];
        kg_qualifier_t q;
    } phrases[] = {{{"hundreds", "of", "thousands", "of"}, KG_Q_HUNDREDS_OF_THOUSANDS},
                   {{"tens", "of", "thousands", "of"}, KG_Q_TENS_OF_THOUSANDS},
                   {{"a", "handful", "of", NULL}, KG_Q_A_HANDFUL},
                   {{"millions", "of", NULL, NULL}, KG_Q_MILLIONS},
                   {{"thousands", "of", NULL, NULL}, KG_Q_THOUSANDS},
                   {{"hundreds", "of", NULL, NULL}, KG_Q_HUNDREDS},
                   {{"dozens", "of", NULL, NULL}, KG_Q_DOZENS},
                   {{"several", "hundred", NULL, NULL}, KG_Q_HUNDREDS},
                   {{"several", "thousand", NULL, NULL}, KG_Q_THOUSANDS},
                   {{"several", "dozen", NULL, NULL}, KG_Q_DOZENS},
                   {{"a", "few", "hundred", NULL}, KG_Q_HUNDREDS},
                   {{"a", "few", "thousand", NULL}, KG_Q_THOUSANDS}};
    for (size_t k = 0; k < sizeof phrases / sizeof *phrases; k++) {
        size_t n = 0;
        while (n < 4 && phrases[k].words[n] && i + n < s->n_words && !strcmp(s->words[i + n].text, phrases[k].words[n]))
            n++;
        if (n < 4 && phrases[k].words[n])
            continue;
        *q = phrases[k].q;
        return n;
    }
    /* the word alone, as in "the hundreds currently held" (never "a handful" without its article) */
    static const struct {
        const char *word;
        kg_qualifier_t q;
    } bare[] = {{"millions", KG_Q_MILLIONS}, {"thousands", KG_Q_THOUSANDS}, {"hundreds", KG_Q_HUNDREDS},
                {"dozens", KG_Q_DOZENS}};
    /* "tens of thousands", "hundreds of thousands" standing alone ("Tens of thousands were arrested"): the whole,
     * and "thousands" inside them is no quantity of its own */
    if (i + 2 < s->n_words && !strcmp(s->words[i + 1].text, "of") && !strcmp(s->words[i + 2].text, "thousands") &&
        (!strcmp(s->words[i].text, "tens") || !strcmp(s->words[i].text, "hundreds"))) {
        *q = !strcmp(s->words[i].text, "tens") ? KG_Q_TENS_OF_THOUSANDS : KG_Q_HUNDREDS_OF_THOUSANDS;
        return 3;
    }
    if (i >= 2 && !strcmp(s->words[i - 1].text, "of") &&
        (!strcmp(s->words[i - 2].text, "tens") || !strcmp(s->words[i - 2].text, "hundreds")))
        return 0;
    for (size_t k = 0; i < s->n_words && k < sizeof bare / sizeof *bare; k++)
        if (!strcmp(s->words[i].text, bare[k].word)) {
            *q = bare[k].q;
            return 1;
        }
    return 0;
}

/* The qualifiers, written once: what the words before a number say of it. */
static const struct {
    const char *a, *b;
    kg_qualifier_t q;
} two[] = {{"more", "than", KG_Q_MORE_THAN},  {"at", "least", KG_Q_AT_LEAST},   {"no", "fewer", KG_Q_AT_LEAST},
           {"fewer", "than", KG_Q_FEWER_THAN}, {"less", "than", KG_Q_FEWER_THAN}, {"at", "most", KG_Q_AT_MOST},
           {"up", "to", KG_Q_AT_MOST},        {"upwards", "of", KG_Q_MORE_THAN}};
static const struct {
    const char *a;
    kg_qualifier_t q;
} one[] = {{"about", KG_Q_ABOUT},    {"approximately", KG_Q_ABOUT}, {"roughly", KG_Q_ABOUT},
           {"around", KG_Q_ABOUT},   {"some", KG_Q_ABOUT},          {"nearly", KG_Q_ABOUT},
           {"almost", KG_Q_ABOUT},   {"estimated", KG_Q_ABOUT},     {"over", KG_Q_MORE_THAN},
           {"above", KG_Q_MORE_THAN}, {"under", KG_Q_FEWER_THAN}};

/* Whether the "over" at word i is a verb's particle, not a qualifier: "Belarus has handed over 114 civilians" (114,
 * not more than 114). */
static int particle_over(const tx_sentence_t *s, size_t i)
{
    static const char *const verbs[] = {"hand", "hands", "handed", "handing", "turn", "turns", "turned", "turning",
                                        "pass", "passes", "passed", "passing", "took", "taken", "take", NULL};
    if (!i || strcmp(s->words[i].text, "over"))
        return 0;
    for (const char *const *v = verbs; *v; v++)
        if (!strcmp(s->words[i - 1].text, *v))
            return 1;
    return 0;
}

size_t tx_qualifier_words(const tx_sentence_t *s, size_t i)
{
    if (i + 2 < s->n_words && !strcmp(s->words[i].text, "no") &&
        (!strcmp(s->words[i + 1].text, "fewer") || !strcmp(s->words[i + 1].text, "less")) &&
        !strcmp(s->words[i + 2].text, "than"))
        return 3;
    if (i + 1 < s->n_words) {
        for (size_t k = 0; k < sizeof two / sizeof *two; k++)
            if (!strcmp(s->words[i].text, two[k].a) && !strcmp(s->words[i + 1].text, two[k].b))
                return 2;
        if (!strcmp(s->words[i].text, "an") && !strcmp(s->words[i + 1].text, "estimated"))
            return 2;
    }
    if (i < s->n_words && !particle_over(s, i))
        for (size_t k = 0; k < sizeof one / sizeof *one; k++)
            if (!strcmp(s->words[i].text, one[k].a))
                return 1;
    return 0;
}

kg_qualifier_t tx_qualifier(const tx_sentence_t *s, size_t i)
{
    /* "1000+", "1,000+": more than */
    if (i < s->n_words && s->text[s->words[i].end] == '+')
        return KG_Q_MORE_THAN;
    if (i >= 2) {
        const char *a = s->words[i - 2].text, *b = s->words[i - 1].text;
        for (size_t k = 0; k < sizeof two / sizeof *two; k++)
            if (!strcmp(a, two[k].a) && !strcmp(b, two[k].b))
                return two[k].q;
        if (i >= 3 && !strcmp(s->words[i - 3].text, "no") && !strcmp(a, "less") && !strcmp(b, "than"))
            return KG_Q_AT_LEAST;
    }
    if (i >= 1) {
        const char *a = s->words[i - 1].text;
        /* "know for certain about eight political prisoners": about them, not about eight */
        static const char *const knowing[] = {"know", "knows", "knew", "certain", "aware", "heard", "learned", NULL};
        int preposition = 0;
        for (const char *const *k = knowing; *k && i >= 2 && !strcmp(a, "about"); k++)
            preposition |= !strcmp(s->words[i - 2].text, *k);
        preposition |= particle_over(s, i - 1);
        for (size_t k = 0; k < sizeof one / sizeof *one && !preposition; k++)
            if (!strcmp(a, one[k].a))
                return one[k].q;
    }
    return KG_Q_EXACT;
}

long tx_find_name(const char *sentence, const char *name)
{
    size_t n = strlen(name);
    if (!n)
        return -1;
    for (const char *p = sentence; *p; p++) {
        if (strncasecmp(p, name, n) != 0)
            continue;
        const unsigned char *before = (const unsigned char *)p, *after = (const unsigned char *)p + n;
        int start_ok = p == sentence || !letter_at(before - 1);
        /* a UTF-8 letter before: look at its lead byte */
        if (p != sentence && before[-1] >= 0x80) {
            const unsigned char *q = before - 1;
            while (q > (const unsigned char *)sentence && (*q & 0xC0) == 0x80)
                q--;
            start_ok = !letter_at(q);
        }
        if (start_ok && !letter_at(after))
            return (long)(p - sentence);
    }
    return -1;
}
