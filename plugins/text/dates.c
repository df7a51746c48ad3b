/* dates.c - when an article was published and when its figures hold: a date in its first lines, and the dates a clause names relative to it. */
#include "text_plugin.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static const char *const months[] = {"january", "february", "march",     "april",   "may",      "june",
                                     "july",    "august",   "september", "october", "november", "december"};

/* 1..12 for a month's name or its three-letter abbreviation (with or without a full stop), else 0. */
static int month_of(const char *w, size_t n)
{
    while (n && w[n - 1] == '.')
        n--;
    for (int m = 0; m < 12; m++) {
        size_t len = strlen(months[m]);
        if ((n == len || n == 3 || (m == 8 && n == 4)) && n <= len && !strncasecmp(w, months[m], n))
            return m + 1;
    }
    return 0;
}

int tx_month_name(const char *w)
{
    size_t n = strlen(w);
    while (n && ispunct((unsigned char)w[n - 1]))
        n--;
    int m = month_of(w, n);
    return m && n == strlen(months[m - 1]) ? m : 0;
}

static int valid(int y, int m, int d)
{
    char buf[16];
    kg_date_t x;
    snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
    return y >= 1900 && y <= 2100 && kg_date_parse(buf, &x) == KG_OK;
}

/* A date at p: "2025-09-11", "June 25, 2025" / "Jun 25, 2025", "25 June 2025". Writes YYYY-MM-DD; returns
 * the bytes it took, 0 when there is none. */
static size_t date_at(const char *p, char *out, size_t size)
{
    int y, m, d, n = 0;
    if (isdigit((unsigned char)p[0]) && sscanf(p, "%4d-%2d-%2d%n", &y, &m, &d, &n) == 3 && n == 10 &&
        !isdigit((unsigned char)p[10]) && valid(y, m, d)) {
        snprintf(out, size, "%04d-%02d-%02d", y, m, d);
        return 10;
    }
    const char *q = p;
    size_t wl = 0;
    while (isalpha((unsigned char)q[wl]) || q[wl] == '.')
        wl++;
    if (wl && (m = month_of(q, wl)) && sscanf(q + wl, " %2d, %4d%n", &d, &y, &n) == 2 && valid(y, m, d)) {
        snprintf(out, size, "%04d-%02d-%02d", y, m, d);
        return wl + (size_t)n;
    }
    if (isdigit((unsigned char)p[0]) && sscanf(p, "%2d %n", &d, &n) == 1) {
        q = p + n;
        wl = 0;
        while (isalpha((unsigned char)q[wl]))
            wl++;
        int k = 0;
        if (wl && (m = month_of(q, wl)) && sscanf(q + wl, " %4d%n", &y, &k) == 1 && valid(y, m, d)) {
            snprintf(out, size, "%04d-%02d-%02d", y, m, d);
            return (size_t)(q - p) + wl + (size_t)k;
        }
    }
    return 0;
}

#define TX_DATE_LINES 15 /* where a byline or dateline stands: the first lines of the body */

int tx_find_published(const char *body, char *out, size_t size)
{
    const char *p = body;
    for (int line = 0; *p && line < TX_DATE_LINES; line++) {
        const char *eol = strchr(p, '\n');
        size_t len = eol ? (size_t)(eol - p) : strlen(p);
        for (size_t i = 0; i < len; i++) {
            if (i && isalnum((unsigned char)p[i - 1]))
                continue; /* dates start at a word */
            char tmp[512];
            size_t n = len - i < sizeof tmp - 1 ? len - i : sizeof tmp - 1;
            memcpy(tmp, p + i, n);
            tmp[n] = '\0';
            if (date_at(tmp, out, size))
                return 1;
        }
        p = eol ? eol + 1 : p + len;
    }
    return 0;
}

/* The year and month of a (partial) ISO date; 0 when absent. */
static void year_month(const char *date, int *y, int *m)
{
    *y = *m = 0;
    if (date && strlen(date) >= 4)
        sscanf(date, "%4d-%2d", y, m);
}

static const char *const weekdays[] = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};

int tx_weekday(const char *w)
{
    size_t n = strlen(w);
    while (n && ispunct((unsigned char)w[n - 1]))
        n--;
    for (int d = 0; d < 7; d++)
        if (n == strlen(weekdays[d]) && !strncmp(w, weekdays[d], n))
            return d;
    return -1;
}

/* The words that make a weekday a date: "on Tuesday", "said Wednesday", "late Friday", "last Saturday". */
static const char *const weekday_lead[] = {"on", "said", "says", "announced", "reported", "confirmed", "stated",
                                           "told", "added", "late", "early", "last", NULL};

/* The weekend or week a phrase at word i names, relative to the article's day (published, a full date): "last
 * week" (Monday to Sunday before the article's week), "over the weekend" / "at the weekend" / "last weekend" /
 * "this weekend" (the last Saturday and Sunday up to it). Writes the interval and returns the words it takes, else
 * 0. */
static size_t week_at(const tx_sentence_t *s, size_t i, const char *published, char *out, size_t size)
{
    kg_when_t p;
    if (!published || strlen(published) != 10 || kg_when_parse(published, &p, NULL) != KG_OK || i + 1 >= s->n_words)
        return 0;
    int wd = (int)(((p.first % 7) + 7 + 3) % 7); /* 0 Monday */
    const char *a = s->words[i].text, *b = s->words[i + 1].text;
    size_t bl = strlen(b);
    while (bl && ispunct((unsigned char)b[bl - 1]))
        bl--;
    char from[16], to[16];
    if (!strcmp(a, "last") && bl == 4 && !strncmp(b, "week", 4)) {
        int64_t monday = p.first - wd - 7;
        kg_day_format(monday, from, sizeof from);
        kg_day_format(monday + 6, to, sizeof to);
        snprintf(out, size, "%s/%s", from, to);
        return 2;
    }
    if ((!strcmp(a, "over") || !strcmp(a, "at") || !strcmp(a, "last") || !strcmp(a, "this")) && i + 1 < s->n_words) {
        size_t k = i + 1;
        if ((!strcmp(a, "over") || !strcmp(a, "at")) && !strcmp(s->words[k].text, "the") && k + 1 < s->n_words)
            k++;
        const char *w = s->words[k].text;
        size_t wl = strlen(w);
        while (wl && ispunct((unsigned char)w[wl - 1]))
            wl--;
        if (wl != 7 || strncmp(w, "weekend", 7) || (k == i + 1 && strcmp(a, "last") && strcmp(a, "this")))
            return 0;
        int64_t saturday = p.first - ((wd - 5 + 7) % 7); /* the last Saturday up to the article's day */
        int64_t sunday = saturday + 1 <= p.first ? saturday + 1 : saturday;
        kg_day_format(saturday, from, sizeof from);
        kg_day_format(sunday, to, sizeof to);
        if (sunday == saturday)
            snprintf(out, size, "%s", from);
        else
            snprintf(out, size, "%s/%s", from, to);
        return k - i + 1;
    }
    return 0;
}

int tx_news_day(const char *published, const kg_when_t *w)
{
    kg_when_t p;
    if (!published || kg_when_parse(published, &p, NULL) != KG_OK)
        return 0;
    if (p.first == p.last)
        return w->first >= p.first - 7 && w->last <= p.last;
    return w->first >= p.first && w->last <= p.last;
}

/* The day of "on Tuesday" in an article published on day pub (a full date): the last such weekday up to it. */
static int weekday_before(const char *published, int weekday, char *out, size_t size)
{
    kg_when_t w;
    if (!published || strlen(published) != 10 || kg_when_parse(published, &w, NULL) != KG_OK)
        return 0;
    int pub_wd = (int)(((w.first % 7) + 7 + 3) % 7); /* 1970-01-01 was a Thursday: day 0 is weekday 3 */
    kg_day_format(w.first - (pub_wd - weekday + 7) % 7, out, size);
    return 1;
}

/* Events whose own day an "on" names ("ahead of the scheduled presidential elections on January 26",
 * "coinciding with the elections on January 26"): that day is the event's, it dates no count. */
static const char *const dated_events[] = {"election", "elections", "vote", "summit", "inauguration", NULL};

/* Whether the "on" at word i follows one of dated_events. */
static int event_day(const tx_sentence_t *s, size_t i)
{
    if (!i)
        return 0;
    for (const char *const *e = dated_events; *e; e++)
        if (!strcmp(s->words[i - 1].text, *e))
            return 1;
    return 0;
}

/* Word i as a weekday after a word that makes it a date ("on Tuesday", "said Wednesday"): the last such day up to
 * the article's (a full date) into out; 1, else 0. */
static int weekday_date(const tx_sentence_t *s, size_t i, const char *published, char *out, size_t size)
{
    int wd = i ? tx_weekday(s->words[i].text) : -1, lead = 0;
    for (const char *const *l = weekday_lead; wd >= 0 && *l && !lead; l++)
        lead = !strcmp(s->words[i - 1].text, *l);
    if (lead && !strcmp(s->words[i - 1].text, "on") && event_day(s, i - 1))
        return 0; /* "the election on Sunday": the election's day */
    return lead && weekday_before(published, wd, out, size);
}

/* Whether "since" stands in the four words before word i: a date there starts a period, it dates nothing. */
static int after_since(const tx_sentence_t *s, size_t i)
{
    for (size_t k = i >= 4 ? i - 4 : 0; k < i; k++)
        if (!strcmp(s->words[k].text, "since"))
            return 1;
    return 0;
}

/* A month and day at word i ("August 16", "Aug. 16", "16 August"), without a year: the last such day up to the
 * article's date (published, a full date or a month). Writes YYYY-MM-DD and returns 1, else 0. */
static int month_day(const tx_sentence_t *s, size_t i, const char *published, char *out, size_t size)
{
    int py, pm, pd = 0;
    year_month(published, &py, &pm);
    if (!py || !pm)
        return 0;
    if (published && strlen(published) == 10)
        sscanf(published + 8, "%2d", &pd);
    const char *a = s->words[i].text, *b = s->words[i + 1].text;
    int m = month_of(a, strlen(a)), d = 0;
    const char *day = b;
    if (!m) {
        m = month_of(b, strlen(b));
        day = a;
    }
    size_t digits = strspn(day, "0123456789");
    const char *rest = day + digits;
    if (!strncmp(rest, "st", 2) || !strncmp(rest, "nd", 2) || !strncmp(rest, "rd", 2) || !strncmp(rest, "th", 2))
        rest += 2; /* "11th September" */
    if (!m || !digits || digits > 2 || (*rest && !ispunct((unsigned char)*rest)))
        return 0;
    d = atoi(day);
    /* a year after it makes it a full date ("on August 16, 2024"): that one */
    int y = py;
    if (i + 2 < s->n_words && strlen(s->words[i + 2].text) >= 4 && isdigit((unsigned char)s->words[i + 2].text[0]))
        sscanf(s->words[i + 2].text, "%4d", &y);
    else if (m > pm || (m == pm && pd && d > pd)) {
        /* later in the year than the article: last year's, but a day of the coming weeks is a day ahead ("on the
         * eve of Victory Day celebrations on 9 May", written on 7 May), which dates no count */
        if (pd && (m == pm || (m == pm % 12 + 1 && d < pd)))
            return 0;
        y = py - 1;
    }
    if (!valid(y, m, d))
        return 0;
    snprintf(out, size, "%04d-%02d-%02d", y, m, d);
    return 1;
}

/* The last year (1990..2100) a sentence names, or 0. */
static int last_year(const tx_sentence_t *s)
{
    int last = 0, y;
    for (size_t i = 0; s && i < s->n_words; i++) {
        const char *x = s->words[i].text;
        if (strlen(x) == 4 && isdigit((unsigned char)x[0]) && isdigit((unsigned char)x[3]) &&
            sscanf(x, "%4d", &y) == 1 && y >= 1990 && y <= 2100)
            last = y;
    }
    return last;
}

/* Events an article names without their year ("during the unrest"): the year is the one the sentence before
 * names ("The 2020 election … triggered widespread protests. … arrested during the unrest."). */
static const char *const event_nouns[] = {"unrest", "protests", "protest", "demonstrations", "uprising",
                                          "crackdown", "election", "elections", NULL};

#define TX_OPENING_WORDS 2 /* where a sentence's opening date stands: "In early September", "On July 2, 2025" */
#define TX_LEAD_WORDS 2    /* a short lead clause before it: "For example, in June, …" */

int tx_claim_date(const tx_sentence_t *s, size_t at, const char *published, const tx_sentence_t *before, char *out,
                  size_t size)
{
    int py, pm;
    year_month(published, &py, &pm);
    size_t from = at > 10 ? at - 10 : 0, to = at + 10 < s->n_words ? at + 10 : s->n_words;
    /* the clause around the number first; then a date that opens the sentence, which dates all of it ("In early
     * September , … Lukashenko signed a decree to pardon 30 people") */
    /* a short lead clause before them ("For example, in June, he …", "However, on 13 December …") is no date */
    size_t lead = 0;
    for (size_t k = 1; k <= TX_LEAD_WORDS && !lead; k++)
        lead = tx_clause_break(s, k) ? k : 0;
    size_t opening = from > lead + TX_OPENING_WORDS ? lead + TX_OPENING_WORDS : from;
    /* a sentence that opens "At the end of June", "By the end of March": the "of" at its fourth word too */
    int end_of = s->n_words > 4 && (!strcmp(s->words[0].text, "at") || !strcmp(s->words[0].text, "by")) &&
                 !strcmp(s->words[1].text, "the") &&
                 (!strcmp(s->words[2].text, "end") || !strcmp(s->words[2].text, "beginning")) &&
                 !strcmp(s->words[3].text, "of") && from > 3;
    /* nearest the number first, in its own clause (no comma, semicolon or colon between): "pardons issued on
     * Aug. 16, with 18 more freed in early July" (July dates the 18); then before it, across a comma ("on August
     * 16, Lukashenko signed a decree pardoning 30 people, on September 4 — another 30": August dates the first
     * 30); then after it; then the sentence's opening words */
    size_t order[2 * 10 + 2 + TX_LEAD_WORDS + TX_OPENING_WORDS], n_order = 0;
    for (int tier = 0; tier < 3; tier++)
        for (size_t k = 0; at + k < to || k <= at - from; k++)
            for (int side = 0; side < 2; side++) {
                if ((side && !k) || (side ? k > at - from : at + k >= to))
                    continue;
                size_t i = side ? at - k : at + k, lo = side ? i : at, hi = side ? at : i;
                int broken = 0;
                for (size_t j = lo + 1; j <= hi && !broken; j++)
                    broken = tx_clause_break(s, j);
                if ((tier == 0 && !broken) || (tier == 1 && broken && side) || (tier == 2 && broken && !side))
                    order[n_order++] = i;
            }
    for (size_t k = 0; k < opening; k++)
        order[n_order++] = k; /* the lead clause's words too: "On Friday, …" is one */
    if (end_of)
        order[n_order++] = 3;
    for (size_t step = 0; step < n_order; step++) {
        size_t i = order[step];
        const char *w = s->words[i].text;
        if (after_since(s, i)) /* "since ..." starts a period (the measure's own), it dates nothing */
            continue;
        if (tx_weekday(w) >= 0 && i + 2 < s->n_words && month_day(s, i + 1, published, out, size))
            return 1; /* "on Wednesday, September 4": the day it names */
        if (weekday_date(s, i, published, out, size))
            return 1; /* "on Tuesday", "said Wednesday": that day, when the article's day is known */
        if (week_at(s, i, published, out, size))
            return 1; /* "last week", "over the weekend" */
        if (!strcmp(w, "on") && i + 2 < s->n_words && !event_day(s, i) && month_day(s, i + 1, published, out, size))
            return 1; /* "on August 16", "on Aug. 16", "on 16 August": the last such day up to the article */
        if (!strcmp(w, "of") && i && !strcmp(s->words[i - 1].text, "as") && i + 2 < s->n_words &&
            month_day(s, i + 1, published, out, size))
            return 1; /* "as of 5 July", "as of March 5" */
        if (!strcmp(w, "the") && i + 2 < s->n_words && month_day(s, i + 1, published, out, size))
            return 1; /* "the July 2 pardon of 16 prisoners": that day's */
        if ((!strcmp(w, "of") || !strcmp(w, "by")) && i + 2 < s->n_words) {
            /* "by March 2025": that month; "as of the end of December 2025": its last day */
            const char *x = s->words[i + 1].text;
            int m = month_of(x, strlen(x)), y = 0;
            if (m && strlen(x) == strlen(months[m - 1]) && strlen(s->words[i + 2].text) >= 4 &&
                sscanf(s->words[i + 2].text, "%4d", &y) == 1 && y >= 1900 && y <= 2100) {
                if (i && !strcmp(s->words[i - 1].text, "end")) { /* "at the end of September 2024": its last day */
                    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
                    int last = days[m - 1] + (m == 2 && ((y % 4 == 0 && y % 100) || y % 400 == 0));
                    snprintf(out, size, "%04d-%02d-%02d", y, m, last);
                } else {
                    snprintf(out, size, "%04d-%02d", y, m);
                }
                return 1;
            }
            if (m && strlen(x) == strlen(months[m - 1]) && i && !strcmp(s->words[i - 1].text, "end") && py) {
                /* "at the end of June", no year: that month of the article's year, or of the year before when it is
                 * later in the year than the article (the month, not its last day: an act "at the end of June"
                 * was some day of it) */
                y = pm && m > pm ? py - 1 : py;
                snprintf(out, size, "%04d-%02d", y, m);
                return 1;
            }
        }
        if (!strcmp(w, "yesterday") && published && strlen(published) == 10) {
            kg_when_t x;
            if (kg_when_parse(published, &x, NULL) == KG_OK) {
                kg_day_format(x.first - 1, out, size);
                return 1;
            }
        }
        if ((!strcmp(w, "this") || !strcmp(w, "earlier")) && i + 1 < s->n_words && py) {
            const char *x = s->words[i + 1].text;
            int earlier = !strcmp(w, "earlier") && !strcmp(x, "this") && i + 2 < s->n_words;
            if (earlier)
                x = s->words[i + 2].text;
            else if (i && !strcmp(s->words[i - 1].text, "earlier"))
                earlier = 1; /* "this" reached first, nearer the number: "earlier" still frames it */
            /* "earlier this year": some time in the article's year, up to its month ("this year" alone names a
             * period: "the seventh pardon this year") */
            if (earlier && !strcmp(x, "year")) {
                if (pm)
                    snprintf(out, size, "%04d-01/%04d-%02d", py, py, pm);
                else
                    snprintf(out, size, "%04d", py);
                return 1;
            }
            if (!strcmp(x, "month") && pm) {
                /* "earlier this month", in an article of a known day: from the month's first day up to it */
                if (earlier && published && strlen(published) == 10 && strcmp(published + 8, "01"))
                    snprintf(out, size, "%04d-%02d-01/%s", py, pm, published);
                else
                    snprintf(out, size, "%04d-%02d", py, pm);
                return 1;
            }
        }
        if ((!strcmp(w, "last") || !strcmp(w, "preceding") || !strcmp(w, "previous")) && i + 1 < s->n_words &&
            !strcmp(s->words[i + 1].text, "month") && py && pm) { /* "last month", "in the preceding month" */
            int y = pm == 1 ? py - 1 : py, m = pm == 1 ? 12 : pm - 1;
            snprintf(out, size, "%04d-%02d", y, m);
            return 1;
        }
        if (!strcmp(w, "in") && i + 1 < s->n_words) {
            /* "in early September", "in mid-July", "in late May": that month */
            size_t skip = i + 2 < s->n_words && (!strcmp(s->words[i + 1].text, "early") ||
                                                 !strcmp(s->words[i + 1].text, "late") ||
                                                 !strcmp(s->words[i + 1].text, "mid")) ? 1 : 0;
            const char *x = s->words[i + 1 + skip].text;
            if (!skip && !strncmp(x, "mid-", 4))
                x += 4;
            int m = month_of(x, strlen(x)), y = 0;
            /* "in May", "in July 2024" (a full name: "in mar" is no month) */
            if (m && strlen(x) == strlen(months[m - 1])) {
                size_t yi = i + 2 + skip;
                if (yi < s->n_words && strlen(s->words[yi].text) == 4 && sscanf(s->words[yi].text, "%4d", &y) == 1
                    && y >= 1900 && y <= 2100) {
                    snprintf(out, size, "%04d-%02d", y, m);
                    return 1;
                }
                if (!py)
                    continue;
                y = pm && m > pm ? py - 1 : py; /* "in May", written in July: this year's; in March: last year's */
                snprintf(out, size, "%04d-%02d", y, m);
                return 1;
            }
            if (strlen(x) == 4 && sscanf(x, "%4d", &y) == 1 && y >= 1990 && y <= 2100 && isdigit((unsigned char)x[3])) {
                snprintf(out, size, "%04d", y); /* "in 2020" */
                return 1;
            }
        }
        if ((!strcmp(w, "following") || !strcmp(w, "after")) && i + 3 < s->n_words &&
            !strcmp(s->words[i + 1].text, "the")) {
            /* "in the months following the 2020 election", "after the 2020 protests": that year */
            const char *x = s->words[i + 2].text;
            int y = 0;
            if (strlen(x) == 4 && sscanf(x, "%4d", &y) == 1 && y >= 1990 && y <= 2100)
                for (const char *const *n = event_nouns; *n; n++) {
                    const char *e = s->words[i + 3].text;
                    size_t l = strlen(*n);
                    if (!strncmp(e, *n, l) && (!e[l] || ispunct((unsigned char)e[l]))) {
                        snprintf(out, size, "%04d", y);
                        return 1;
                    }
                }
        }
        if (!strcmp(w, "amid") || !strcmp(w, "amidst")) {
            /* "amid huge protests that followed a disputed election", after "… in 2020.": that year */
            int y = 0;
            for (size_t k = i + 1; k < s->n_words && k <= i + 3; k++)
                for (const char *const *n = event_nouns; *n; n++)
                    if (!strcmp(s->words[k].text, *n) && (y = last_year(before)) != 0) {
                        snprintf(out, size, "%04d", y);
                        return 1;
                    }
        }
        if (!strcmp(w, "during") && i + 2 < s->n_words && !strcmp(s->words[i + 1].text, "the")) {
            const char *x = s->words[i + 2].text;
            int y = 0;
            if (strlen(x) == 4 && sscanf(x, "%4d", &y) == 1 && y >= 1990 && y <= 2100) {
                snprintf(out, size, "%04d", y); /* "during the 2020 protests" */
                return 1;
            }
            for (const char *const *n = event_nouns; *n; n++)
                if (!strcmp(x, *n) && (y = last_year(before)) != 0) {
                    snprintf(out, size, "%04d", y); /* "during the unrest", after "The 2020 election …" */
                    return 1;
                }
        }
    }
    /* farther than the clause: the one day the sentence names ("The release, announced on September 11, 2025,
     * came as part of a broader move that freed 52 political prisoners"; "Belarus has released three people, …,
     * U.S. officials said Wednesday"); two days, and it is not known which */
    char day[TX_WHEN_SIZE];
    int days = 0;
    for (size_t i = 0; i < s->n_words && days < 2; i++) {
        char here[TX_WHEN_SIZE];
        int found = (!strcmp(s->words[i].text, "on") && i + 2 < s->n_words && !event_day(s, i) &&
                     month_day(s, i + 1, published, here, sizeof here)) ||
                    weekday_date(s, i, published, here, sizeof here);
        if (found && !after_since(s, i) && (!days || strcmp(here, day))) {
            memcpy(day, here, sizeof day);
            days++;
        }
    }
    if (days == 1) {
        snprintf(out, size, "%s", day);
        return 1;
    }
    return 0;
}
