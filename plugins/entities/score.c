/* score.c - the evidence that two entities are one: their names word by word (keys, skeletons, initials, typos, gendered forms), their kinds, shared neighbours and sources, relations between them, and date-valued facts; summed as log-odds (Fellegi-Sunter) into a score in [0, 1]. */
#include "entities.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define MAX_WORDS 12

typedef struct words {
    const char *w[MAX_WORDS];
    size_t len[MAX_WORDS];
    size_t n;
} words_t;

static void split(const char *s, words_t *out)
{
    out->n = 0;
    while (*s && out->n < MAX_WORDS) {
        while (*s == ' ')
            s++;
        const char *start = s;
        while (*s && *s != ' ')
            s++;
        if (s > start) {
            out->w[out->n] = start;
            out->len[out->n++] = (size_t)(s - start);
        }
    }
}

static int word_eq(const char *a, size_t la, const char *b, size_t lb)
{
    return la == lb && !memcmp(a, b, la);
}

/* Jaro-Winkler similarity of two ASCII words. */
static double jaro_winkler(const char *a, size_t la, const char *b, size_t lb)
{
    if (!la || !lb)
        return 0;
    if (la > 64 || lb > 64)
        return word_eq(a, la, b, lb);
    size_t range = (la > lb ? la : lb) / 2;
    range = range ? range - 1 : 0;
    unsigned char ma[64] = {0}, mb[64] = {0};
    size_t m = 0;
    for (size_t i = 0; i < la; i++) {
        size_t lo = i > range ? i - range : 0, hi = i + range + 1 < lb ? i + range + 1 : lb;
        for (size_t j = lo; j < hi; j++)
            if (!mb[j] && a[i] == b[j]) {
                ma[i] = mb[j] = 1;
                m++;
                break;
            }
    }
    if (!m)
        return 0;
    size_t t = 0, j = 0;
    for (size_t i = 0; i < la; i++) {
        if (!ma[i])
            continue;
        while (!mb[j])
            j++;
        t += a[i] != b[j];
        j++;
    }
    double jaro = ((double)m / (double)la + (double)m / (double)lb + ((double)m - (double)t / 2) / (double)m) / 3;
    size_t prefix = 0;
    while (prefix < 4 && prefix < la && prefix < lb && a[prefix] == b[prefix])
        prefix++;
    return jaro + (double)prefix * 0.1 * (1 - jaro);
}

/* Words of about one length that look alike: what a short skeleton needs besides. */
static int alike(const char *a, size_t la, const char *b, size_t lb)
{
    size_t lo = la < lb ? la : lb, hi = la < lb ? lb : la;
    return 10 * lo >= 6 * hi && jaro_winkler(a, la, b, lb) >= 0.88;
}

/* Whether two words are at most one letter added, dropped or changed apart. */
static int one_edit(const char *a, size_t la, const char *b, size_t lb)
{
    if (la > lb)
        return one_edit(b, lb, a, la);
    if (lb - la > 1)
        return 0;
    size_t i = 0;
    while (i < la && a[i] == b[i])
        i++;
    if (la == lb)
        return i == la || !memcmp(a + i + 1, b + i + 1, la - i - 1);
    return !memcmp(a + i, b + i + 1, la - i);
}

/* What comparing two names found. */
typedef struct name_cmp {
    double weight;     /* the name's evidence */
    const char *what;  /* "the same name" ... */
    double sim;
    int differs;       /* a word matches nothing */
    char differs_detail[80];
    int gender;        /* gendered forms of one surname (or given name) */
    char gender_detail[100];
    int numbers;       /* numbers in the names differ (2020 / 2025) */
    char numbers_detail[64];
} name_cmp_t;

static int all_digits(const char *w, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (w[i] < '0' || w[i] > '9')
            return 0;
    return n > 0;
}

/* Whether two words are one surname in its female and male forms ("tsikhanouskaya" / "tsikhanouski"). */
static int gendered(const char *a, size_t la, const char *b, size_t lb)
{
    char wa[80], wb[80], sa[80], sb[80], ka[80], kb[80];
    if (la >= sizeof wa || lb >= sizeof wb)
        return 0;
    memcpy(wa, a, la);
    wa[la] = '\0';
    memcpy(wb, b, lb);
    wb[lb] = '\0';
    int ga = kg_surname_gender(wa, sa, sizeof sa), gb = kg_surname_gender(wb, sb, sizeof sb);
    if (!ga || !gb || ga == gb)
        return 0;
    kg_name_skeleton(sa, ka, sizeof ka);
    kg_name_skeleton(sb, kb, sizeof kb);
    return !strcmp(ka, kb);
}

static void compare_names(const en_name_t *x, const en_name_t *y, int explain, name_cmp_t *c)
{
    memset(c, 0, sizeof *c);
    words_t ka, kb, sa, sb, ca, cb;
    split(x->key, &ka);
    split(y->key, &kb);
    split(x->skeleton, &sa);
    split(y->skeleton, &sb);
    split(x->consonants, &ca);
    split(y->consonants, &cb);
    if (ka.n != sa.n || kb.n != sb.n || ka.n != ca.n || kb.n != cb.n || !ka.n || !kb.n)
        return;
    if (kg_name_same_words(x->key, y->key)) {
        c->weight = EN_W_SAME_NAME;
        c->what = "the same name, case, accents, punctuation, word order and script aside";
        c->sim = 1;
        return;
    }
    /* A: the name with fewer words */
    int swap = ka.n > kb.n;
    const words_t *A = swap ? &kb : &ka, *B = swap ? &ka : &kb, *SA = swap ? &sb : &sa, *SB = swap ? &sa : &sb,
                  *CA = swap ? &cb : &ca, *CB = swap ? &ca : &cb;
    double m[MAX_WORDS][MAX_WORDS];
    int how[MAX_WORDS][MAX_WORDS]; /* 1 skeleton, 2 initial, 3 numbers differ, 4 consonants, 0 similarity */
    for (size_t i = 0; i < A->n; i++)
        for (size_t j = 0; j < B->n; j++) {
            how[i][j] = 0;
            int digits_a = all_digits(A->w[i], A->len[i]), digits_b = all_digits(B->w[j], B->len[j]);
            if (digits_a || digits_b) { /* years and numbers are equal or not at all: 2020 is not 2025 */
                m[i][j] = word_eq(A->w[i], A->len[i], B->w[j], B->len[j]) ? 1 : digits_a && digits_b ? 0.5 : 0;
                how[i][j] = m[i][j] == 1 ? 1 : digits_a && digits_b ? 3 : 0;
            } else if (word_eq(A->w[i], A->len[i], B->w[j], B->len[j]) ||
                       (word_eq(SA->w[i], SA->len[i], SB->w[j], SB->len[j]) &&
                        ((SA->len[i] >= 3 && SB->len[j] >= 3) || alike(A->w[i], A->len[i], B->w[j], B->len[j])))) {
                /* a short skeleton says little on its own: "eu" and "oi" are both "a" */
                m[i][j] = 1;
                how[i][j] = 1;
            } else if (word_eq(CA->w[i], CA->len[i], CB->w[j], CB->len[j]) && CA->len[i] >= 3 &&
                       one_edit(SA->w[i], SA->len[i], SB->w[j], SB->len[j])) {
                m[i][j] = 0.95; /* the same consonants, a vowel more or less: Aleksandr, Alexander */
                how[i][j] = 4;
            } else if ((A->len[i] == 1 && A->w[i][0] == B->w[j][0]) || (B->len[j] == 1 && A->w[i][0] == B->w[j][0])) {
                m[i][j] = 0.9;
                how[i][j] = 2;
            } else {
                m[i][j] = jaro_winkler(A->w[i], A->len[i], B->w[j], B->len[j]);
            }
        }
    /* greedy: the best remaining pair of words first */
    int row_to[MAX_WORDS], used_col[MAX_WORDS] = {0};
    for (size_t i = 0; i < A->n; i++)
        row_to[i] = -1;
    for (size_t step = 0; step < A->n; step++) {
        double best = -1;
        size_t bi = 0, bj = 0;
        for (size_t i = 0; i < A->n; i++)
            for (size_t j = 0; j < B->n; j++)
                if (row_to[i] < 0 && !used_col[j] && m[i][j] > best) {
                    best = m[i][j];
                    bi = i;
                    bj = j;
                }
        row_to[bi] = (int)bj;
        used_col[bj] = 1;
    }
    double sum = 0, low = 2, low_jw = 2; /* low_jw: the least alike pair of words as written */
    int all_skeleton = 1, all_consonants = 1, initials = 0, numbers = 0;
    size_t low_i = 0;
    for (size_t i = 0; i < A->n; i++) {
        size_t j = (size_t)row_to[i];
        sum += m[i][j];
        all_skeleton &= how[i][j] == 1;
        all_consonants &= how[i][j] == 1 || how[i][j] == 4;
        low_jw = fmin(low_jw, jaro_winkler(A->w[i], A->len[i], B->w[j], B->len[j]));
        initials |= how[i][j] == 2;
        if (how[i][j] == 3 && !numbers) {
            numbers = 1;
            c->numbers = 1;
            if (explain)
                snprintf(c->numbers_detail, sizeof c->numbers_detail, "%.*s / %.*s", (int)A->len[i], A->w[i],
                     (int)B->len[j], B->w[j]);
        }
        if (m[i][j] < low) {
            low = m[i][j];
            low_i = i;
        }
        /* gendered forms: a surname (-skaya/-ski, -ova/-ov...), or a given name that differs by a final a */
        if (!c->gender && (how[i][j] == 1 || how[i][j] == 4 || m[i][j] >= 0.9)) {
            int g = gendered(A->w[i], A->len[i], B->w[j], B->len[j]);
            int last_a = i + 1 == A->n, last_b = j + 1 == B->n;
            if (!g && !last_a && !last_b && how[i][j] == 1 && !word_eq(A->w[i], A->len[i], B->w[j], B->len[j])) {
                int ea = A->w[i][A->len[i] - 1] == 'a', eb = B->w[j][B->len[j] - 1] == 'a';
                g = ea != eb; /* Aleksandr / Aleksandra, Mario / Maria */
            }
            if (g) {
                c->gender = 1;
                if (explain)
                    snprintf(c->gender_detail, sizeof c->gender_detail, "%.*s / %.*s: one name in its female and male forms",
                         (int)A->len[i], A->w[i], (int)B->len[j], B->w[j]);
            }
        }
    }
    c->sim = sum / (double)A->n;
    if (low < 0.75 && A->n >= 2) {
        size_t j = (size_t)row_to[low_i];
        c->differs = 1;
        if (explain)
            snprintf(c->differs_detail, sizeof c->differs_detail, "%.*s / %.*s", (int)A->len[low_i], A->w[low_i],
                 (int)B->len[j], B->w[j]);
    }
    if (all_skeleton && A->n == B->n && low_jw >= 0.75) {
        c->weight = A->n >= 2 ? EN_W_SAME_SKELETON : EN_W_SAME_SKELETON_1;
        c->what = "the same name in another romanisation or transliteration";
    } else if (all_skeleton && A->n == B->n) {
        c->weight = EN_W_SKELETON_ONLY;
        c->what = "the same name but for its vowels (another romanisation, or another name)";
    } else if (all_consonants && A->n == B->n) {
        c->weight = EN_W_SAME_CONSONANTS;
        c->what = "the same name but for its vowels";
    } else if (low >= 0.9 && A->n == B->n && initials) {
        c->weight = EN_W_INITIALS;
        c->what = "the same name, with initials for words";
    } else if (low >= 0.9 && A->n < B->n) {
        c->weight = EN_W_PART;
        c->what = "one name is a part of the other";
    } else if (c->sim > 0.85) {
        c->weight = fmin(EN_W_FUZZY * (c->sim - 0.85), 1.2);
        c->what = "similar names (a typo or a variant spelling)";
    }
}

static int generic_kind(const char *k)
{
    return !k || !*k || !strcmp(k, "entity") || !strcmp(k, "thing");
}

static void add(en_pair_t *p, const char *evidence, double weight, const char *fmt, const char *a, const char *b)
{
    if (p->n_reasons >= EN_REASONS_MAX)
        return;
    en_reason_t *r = &p->reasons[p->n_reasons++];
    r->evidence = evidence;
    r->weight = weight;
    if (p->explain) /* the words only for the pairs reported: most pairs compared are not */
        snprintf(r->detail, sizeof r->detail, fmt, a ? a : "", b ? b : "");
    else
        r->detail[0] = '\0';
}

/* The sources that cite a statement about e (subject or object), sorted and distinct; kg_free-able array. */
static kg_entity_t *sources_of(const kg_graph_t *g, kg_entity_t e, size_t *n)
{
    size_t ns, no;
    const kg_stmt_t *subj = kg_graph_stmts_by_subject(g, e, &ns), *obj = kg_graph_stmts_by_object(g, e, &no);
    size_t cap = 0;
    for (size_t i = 0; i < ns; i++)
        cap += kg_stmt_cite_count(g, subj[i]);
    for (size_t i = 0; i < no; i++)
        cap += kg_stmt_cite_count(g, obj[i]);
    kg_entity_t *out = malloc((cap + 1) * sizeof *out);
    *n = 0;
    if (!out)
        return NULL;
    for (int side = 0; side < 2; side++) {
        const kg_stmt_t *list = side ? obj : subj;
        for (size_t i = 0, m = side ? no : ns; i < m; i++)
            for (size_t k = 0, c = kg_stmt_cite_count(g, list[i]); k < c; k++)
                out[(*n)++] = kg_stmt_cite(g, list[i], k, NULL);
    }
    return out;
}

static int cmp_entity(const void *x, const void *y)
{
    kg_entity_t a = *(const kg_entity_t *)x, b = *(const kg_entity_t *)y;
    return a < b ? -1 : a > b;
}

static size_t uniq(kg_entity_t *v, size_t n)
{
    if (n)
        qsort(v, n, sizeof *v, cmp_entity);
    size_t m = 0;
    for (size_t i = 0; i < n; i++)
        if (!m || v[m - 1] != v[i])
            v[m++] = v[i];
    return m;
}

/* |a ∩ b| of two sorted distinct arrays, leaving out skip_a and skip_b. */
static size_t common(const kg_entity_t *a, size_t na, const kg_entity_t *b, size_t nb)
{
    size_t i = 0, j = 0, c = 0;
    while (i < na && j < nb) {
        if (a[i] == b[j]) {
            c++;
            i++;
            j++;
        } else if (a[i] < b[j]) {
            i++;
        } else {
            j++;
        }
    }
    return c;
}

static void share_evidence(const kg_graph_t *g, kg_entity_t a, kg_entity_t b, en_pair_t *p)
{
    kg_entity_t *na = NULL, *nb = NULL;
    size_t ca = 0, cb = 0;
    char buf[64], buf2[64];
    if (!kg_graph_neighbours(g, a, KG_BOTH, &na, &ca) && !kg_graph_neighbours(g, b, KG_BOTH, &nb, &cb)) {
        int related = 0;
        for (size_t i = 0; i < ca; i++)
            related |= na[i] == b;
        if (related)
            add(p, "related", EN_W_RELATED, "a relation joins the two: two entities, not one%s%s", NULL, NULL);
        size_t c = common(na, ca, nb, cb), all = ca + cb - c - (related ? 2 : 0);
        if (c) {
            double share = all ? (double)c / (double)all : 1;
            if (p->explain) {
                snprintf(buf, sizeof buf, "%zu", c);
                snprintf(buf2, sizeof buf2, "%zu", all);
            }
            add(p, "neighbours", fmin(EN_W_NEIGHBOURS_MAX, 1 + 4 * share), "%s of their %s neighbours are shared", buf,
                buf2);
        }
    }
    kg_free(na);
    kg_free(nb);
    size_t sa = 0, sb = 0;
    kg_entity_t *xa = sources_of(g, a, &sa), *xb = sources_of(g, b, &sb);
    if (xa && xb) {
        sa = uniq(xa, sa);
        sb = uniq(xb, sb);
        size_t c = common(xa, sa, xb, sb);
        if (c) {
            double share = (double)c / (double)(sa + sb - c);
            if (p->explain) {
                snprintf(buf, sizeof buf, "%zu", c);
                snprintf(buf2, sizeof buf2, "%zu", sa + sb - c);
            }
            add(p, "sources", fmin(EN_W_SOURCES_MAX, 0.5 + 1.5 * share), "named by %s of the same %s sources", buf, buf2);
        }
    }
    free(xa);
    free(xb);
}

/* Date-valued claims of one predicate that both have: days that overlap agree, days apart differ. */
static void date_evidence(const kg_graph_t *g, kg_entity_t a, kg_entity_t b, en_pair_t *p)
{
    size_t na, nb;
    const kg_stmt_t *sa = kg_graph_stmts_by_subject(g, a, &na), *sb = kg_graph_stmts_by_subject(g, b, &nb);
    int differs = 0;
    for (size_t i = 0; i < na; i++) {
        kg_value_t va, vb;
        kg_stmt_value(g, sa[i], &va);
        kg_when_t wa, wb;
        if (va.type != KG_VALUE_DATE || kg_when_parse(va.text, &wa, NULL))
            continue;
        const char *pred = kg_stmt_predicate(g, sa[i]);
        int agree = 0, apart = 0;
        const char *other = NULL;
        for (size_t j = 0; j < nb; j++) {
            kg_stmt_value(g, sb[j], &vb);
            if (vb.type != KG_VALUE_DATE || strcmp(pred, kg_stmt_predicate(g, sb[j])) ||
                kg_when_parse(vb.text, &wb, NULL))
                continue;
            if (wa.first <= wb.last && wb.first <= wa.last)
                agree = 1;
            else {
                apart = 1;
                other = vb.text;
            }
        }
        char what[120] = "";
        if (p->explain)
            snprintf(what, sizeof what, "%s: %s", pred, va.text);
        if (apart && !agree && differs < 2) {
            differs++;
            add(p, "dates", EN_W_DATE_DIFFERS, "%s, the other %s", what, other);
        } else if (agree) {
            add(p, "dates", EN_W_DATE_AGREES, "the same %s%s", what, NULL);
        }
    }
}

/* Attributes that say where an entity came from or what an analysis found, not what it is. */
static int bookkeeping(const char *key)
{
    static const char *const skip[] = {KG_ATTR_CENTRALITY, KG_ATTR_COMMUNITY, KG_ATTR_COMPONENT, KG_ATTR_RESOLVED,
                                       KG_ATTR_MERGED_FROM, "first_seen", "last_seen", "last_change", "referents",
                                       "caption", "datasets", "id", NULL};
    for (const char *const *k = skip; *k; k++)
        if (!strcmp(key, *k))
            return 1;
    return !strncmp(key, "ftm_", 4) || !strncmp(key, "viz", 3) || !strncmp(key, "yed", 3);
}

/* Scalar attributes both have (a role, a nationality, a year of birth): the same value counts for, another
 * against, at most two of each. */
static void attribute_evidence(const kg_graph_t *g, kg_entity_t a, kg_entity_t b, en_pair_t *p)
{
    const json_t *xa = kg_entity_attrs(g, a), *xb = kg_entity_attrs(g, b), *va, *vb;
    const char *key;
    int agree = 0, differ = 0;
    json_object_foreach((json_t *)xa, key, va) {
        vb = json_object_get(xb, key);
        if (!vb || bookkeeping(key) || json_is_object(va) || json_is_array(va) || json_is_object(vb) ||
            json_is_array(vb) || json_is_null(va) || json_is_null(vb))
            continue;
        int same = json_equal(va, vb);
        if (same ? agree++ >= 2 : differ++ >= 2)
            continue;
        char *ta = p->explain ? json_dumps(va, JSON_ENCODE_ANY) : NULL,
             *tb = p->explain ? json_dumps(vb, JSON_ENCODE_ANY) : NULL, what[96] = "";
        if (p->explain)
            snprintf(what, sizeof what, "%.40s: %.40s", key, ta ? ta : "?");
        if (same)
            add(p, "attributes", EN_W_ATTR_AGREES, "the same %s%s", what, NULL);
        else
            add(p, "attributes", EN_W_ATTR_DIFFERS, "%s, the other %.40s", what, tb ? tb : "?");
        free(ta);
        free(tb);
    }
}

int en_score(const kg_graph_t *g, const en_names_t *names, kg_entity_t a, kg_entity_t b, int explain, en_pair_t *out)
{
    out->n_reasons = 0;
    out->explain = explain;
    out->a = a;
    out->b = b;
    const char *ka = kg_entity_kind(g, a), *kb = kg_entity_kind(g, b);
    if (!generic_kind(ka) && !generic_kind(kb) && strcmp(ka, kb))
        return 1;
    /* the names: the best of every name of a against every name of b */
    name_cmp_t best = {0}, c;
    int any = 0;
    for (size_t i = names->start[a]; i < names->start[a + 1]; i++)
        for (size_t j = names->start[b]; j < names->start[b + 1]; j++) {
            compare_names(&names->names[i], &names->names[j], explain, &c);
            double wc = c.weight + (c.differs ? EN_W_WORD_DIFFERS : 0) + (c.gender ? EN_W_GENDER : 0) +
                        (c.numbers ? EN_W_NUMBERS_DIFFER : 0);
            double wb = best.weight + (best.differs ? EN_W_WORD_DIFFERS : 0) + (best.gender ? EN_W_GENDER : 0) +
                        (best.numbers ? EN_W_NUMBERS_DIFFER : 0);
            if (!any || wc > wb || (wc == wb && c.sim > best.sim)) {
                best = c;
                any = 1;
            }
        }
    char sim[32] = "";
    if (explain)
        snprintf(sim, sizeof sim, "%.2f", best.sim);
    if (best.what)
        add(out, "name", best.weight, "%s (word similarity %s)", best.what, sim);
    if (best.differs)
        add(out, "name", EN_W_WORD_DIFFERS, "a word of one name matches none of the other: %s%s", best.differs_detail, NULL);
    if (best.numbers)
        add(out, "name", EN_W_NUMBERS_DIFFER, "the names hold different numbers: %s%s", best.numbers_detail, NULL);
    if (best.gender && (generic_kind(ka) || !strcmp(ka, "person")))
        add(out, "gender", EN_W_GENDER, "%s: relatives (spouses, parents, children), not one person%s", best.gender_detail,
            NULL);
    if (!generic_kind(ka) && !generic_kind(kb))
        add(out, "kind", EN_W_SAME_KIND, "both %s%s", ka, NULL);
    share_evidence(g, a, b, out);
    date_evidence(g, a, b, out);
    attribute_evidence(g, a, b, out);
    double z = EN_PRIOR;
    for (size_t i = 0; i < out->n_reasons; i++)
        z += out->reasons[i].weight;
    out->score = 1 / (1 + exp(-z));
    return 0;
}
