/* judge.c - judgements of which entities are one (kgkit/judge.h): the JSON Lines file read and appended to, and the graph merged by them, with the canonical id, aliases, merged_from, and the refusal of a merge that a "different" judgement contradicts. */
#define _GNU_SOURCE /* fileno */
#include "kgkit/judge.h"
#include "kgkit/attrs.h"
#include "kgkit/buf.h"
#include "alloc.h"
#include "graph_internal.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct kg_judgements {
    kg_judgement_t *list;
    size_t n, cap;
    json_t *docs;  /* the lines' objects (the strings live there) */
    json_t *pairs; /* "a\x1fb" (sorted) -> index of the last judgement of the pair */
};

static const char *const judged_names[] = {"", "same", "different", "unsure"};

const char *kg_judged_name(kg_judged_t j)
{
    return (unsigned)j < 4 ? judged_names[j] : "";
}

static void pair_key(const char *a, const char *b, kg_buf_t *k)
{
    kg_buf_clear(k);
    int lt = strcmp(a, b) < 0;
    kg_buf_puts(k, lt ? a : b);
    kg_buf_putc(k, '\x1f');
    kg_buf_puts(k, lt ? b : a);
    kg_buf_putc(k, '\0');
}

void kg_judgements_free(kg_judgements_t *j)
{
    if (!j)
        return;
    free(j->list);
    json_decref(j->docs);
    json_decref(j->pairs);
    free(j);
}

size_t kg_judgements_count(const kg_judgements_t *j)
{
    return j ? j->n : 0;
}

const kg_judgement_t *kg_judgements_get(const kg_judgements_t *j, size_t i)
{
    return j && i < j->n ? &j->list[i] : NULL;
}

const kg_judgement_t *kg_judgements_find(const kg_judgements_t *j, const char *a, const char *b)
{
    if (!j || !a || !b)
        return NULL;
    kg_buf_t k = KG_BUF_INIT;
    pair_key(a, b, &k);
    json_t *at = k.failed ? NULL : json_object_get(j->pairs, k.data);
    kg_buf_free(&k);
    return at ? &j->list[json_integer_value(at)] : NULL;
}

/* One line, checked; the judgement's strings point into o. */
static int check_line(const char *path, int line, json_t *o, kg_judgement_t *out, json_t *unknown,
                      kg_error_t *err)
{
    if (!json_is_object(o))
        return kg_error_set(err, KG_EINPUT, path, line, 1, "a judgement is a JSON object {\"a\", \"b\", \"judgement\"...}");
    memset(out, 0, sizeof *out);
    out->line = line;
    const char *key;
    json_t *v;
    json_object_foreach(o, key, v) {
        const char **field = !strcmp(key, "a") ? &out->a : !strcmp(key, "b") ? &out->b : !strcmp(key, "by") ? &out->by
                             : !strcmp(key, "at") ? &out->at : !strcmp(key, "why") ? &out->why : NULL;
        if (!strcmp(key, "judgement")) {
            const char *s = json_string_value(v);
            for (int k = KG_JUDGED_SAME; s && k <= KG_JUDGED_UNSURE; k++)
                if (!strcmp(s, judged_names[k]))
                    out->judged = (kg_judged_t)k;
            if (!out->judged && !s)
                return kg_error_set(err, KG_EINPUT, path, line, 0,
                                    "\"judgement\" must be a string: \"same\", \"different\" or \"unsure\"");
            if (!out->judged)
                return kg_error_set(err, KG_EINPUT, path, line, 0,
                                    "\"judgement\" is \"same\", \"different\" or \"unsure\", not \"%s\"", s);
        } else if (field) {
            if (!json_is_string(v) || (field == &out->a || field == &out->b ? !*json_string_value(v) : 0))
                return kg_error_set(err, KG_EINPUT, path, line, 0, "\"%s\" must be %s", key,
                                    field == &out->a || field == &out->b ? "an entity id (a non-empty string)"
                                                                          : "a string");
            *field = json_string_value(v);
        } else if (!json_object_get(unknown, key)) {
            json_object_set_new(unknown, key, json_integer(line));
        }
    }
    if (!out->a || !out->b || !out->judged)
        return kg_error_set(err, KG_EINPUT, path, line, 0, "a judgement needs \"a\", \"b\" and \"judgement\"; this line lacks \"%s\"",
                            !out->a ? "a" : !out->b ? "b" : "judgement");
    if (!strcmp(out->a, out->b))
        return kg_error_set(err, KG_EINPUT, path, line, 0, "\"%s\" is judged against itself", out->a);
    return KG_OK;
}

int kg_judgements_load(const char *path, int missing_ok, kg_judgements_t **out, kg_warn_fn warn, void *warn_data,
                       kg_error_t *err)
{
    *out = NULL;
    kg_judgements_t *j = kg_i_calloc(1, sizeof *j);
    if (!j || !(j->docs = json_array()) || !(j->pairs = json_object())) {
        kg_judgements_free(j);
        return kg_error_set(err, KG_ENOMEM, path, 0, 0, "out of memory");
    }
    FILE *f = fopen(path, "rb");
    if (!f) {
        if (errno == ENOENT && missing_ok) {
            *out = j;
            return KG_OK;
        }
        kg_judgements_free(j);
        return kg_error_set(err, KG_EIO, path, 0, 0, "cannot read the judgements: %s", strerror(errno));
    }
    char *text;
    size_t len;
    int rc = kg_read_all(f, path, &text, &len, err);
    fclose(f);
    if (rc) {
        kg_judgements_free(j);
        return rc;
    }
    kg_buf_t key = KG_BUF_INIT;
    json_t *unknown = json_object();
    int line = 1;
    for (char *p = text + kg_utf8_bom(text, len), *end = text + len; p < end && !rc; line++) {
        char *nl = memchr(p, '\n', (size_t)(end - p));
        size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p), k = 0;
        while (k < n && (p[k] == ' ' || p[k] == '\t' || p[k] == '\r'))
            k++;
        if (k < n) {
            json_error_t je;
            json_t *o = json_loadb(p, n, JSON_REJECT_DUPLICATES, &je);
            if (!o) {
                rc = kg_error_set(err, KG_EINPUT, path, line, je.column, "%s", je.text);
                break;
            }
            json_array_append_new(j->docs, o);
            if (kg_array_reserve((void **)&j->list, &j->cap, j->n + 1, sizeof *j->list)) {
                rc = kg_error_set(err, KG_ENOMEM, path, line, 0, "out of memory");
                break;
            }
            if ((rc = check_line(path, line, o, &j->list[j->n], unknown, err)))
                break;
            pair_key(j->list[j->n].a, j->list[j->n].b, &key);
            if (key.failed || json_object_set_new(j->pairs, key.data, json_integer((json_int_t)j->n)))
                rc = kg_error_set(err, KG_ENOMEM, path, line, 0, "out of memory");
            j->n++;
        }
        p += n + 1;
    }
    free(text);
    if (!rc && json_object_size(unknown) && warn) {
        kg_buf_t list = KG_BUF_INIT;
        const char *k;
        json_t *v;
        json_object_foreach(unknown, k, v) kg_buf_printf(&list, "%s\"%s\" (first on line %d)", list.len ? ", " : "", k,
                                                         (int)json_integer_value(v));
        kg_error_t w;
        kg_error_set(&w, KG_OK, path, 0, 0, "judgements: left out what the format does not have: %s",
                     list.data ? list.data : "");
        warn(warn_data, &w);
        kg_buf_free(&list);
    }
    kg_buf_free(&key);
    json_decref(unknown);
    if (rc) {
        kg_judgements_free(j);
        return rc;
    }
    *out = j;
    return KG_OK;
}

int kg_judgements_append(const char *path, const kg_judgement_t *j, kg_error_t *err)
{
    json_t *o = json_pack("{s:s,s:s,s:s}", "a", j->a, "b", j->b, "judgement", kg_judged_name(j->judged));
    if (o && j->by)
        json_object_set_new(o, "by", json_string(j->by));
    if (o && j->at)
        json_object_set_new(o, "at", json_string(j->at));
    if (o && j->why)
        json_object_set_new(o, "why", json_string(j->why));
    char *line = o ? json_dumps(o, JSON_COMPACT | JSON_PRESERVE_ORDER) : NULL;
    json_decref(o);
    if (!line)
        return kg_error_set(err, KG_ENOMEM, path, 0, 0, "out of memory");
    FILE *f = fopen(path, "ab");
    int ok = f && fputs(line, f) != EOF && fputc('\n', f) != EOF && fflush(f) == 0 && fsync(fileno(f)) == 0;
    int e = errno;
    if (f && fclose(f) != 0 && ok) {
        ok = 0;
        e = errno;
    }
    free(line);
    return ok ? KG_OK : kg_error_set(err, KG_EIO, path, 0, 0, "cannot write the judgement: %s", strerror(e));
}

/* ------------------------------------------------------------ merging */

static size_t find(size_t *up, size_t x)
{
    while (up[x] != x)
        x = up[x] = up[up[x]];
    return x;
}

/* The chain of "same" judgements that joins a to b (breadth first over them), into msg. */
static void chain(const kg_graph_t *g, const kg_judgements_t *j, const unsigned char *use, kg_entity_t a,
                  kg_entity_t b, kg_buf_t *msg)
{
    size_t n = kg_graph_entity_count(g);
    size_t *via = kg_i_malloc((n + 1) * sizeof *via), *queue = kg_i_malloc((n + 1) * sizeof *queue);
    if (!via || !queue) {
        free(via);
        free(queue);
        return;
    }
    for (size_t e = 0; e < n; e++)
        via[e] = (size_t)-1;
    size_t head = 0, tail = 0;
    queue[tail++] = a;
    via[a] = j->n; /* the start */
    while (head < tail && via[b] == (size_t)-1) {
        kg_entity_t e = (kg_entity_t)queue[head++];
        for (size_t i = 0; i < j->n; i++) {
            if (!use[i] || j->list[i].judged != KG_JUDGED_SAME)
                continue;
            kg_entity_t x = kg_graph_entity_by_id(g, j->list[i].a), y = kg_graph_entity_by_id(g, j->list[i].b);
            kg_entity_t other = x == e ? y : y == e ? x : KG_NONE;
            if (other != KG_NONE && via[other] == (size_t)-1) {
                via[other] = i;
                queue[tail++] = other;
            }
        }
    }
    /* back from b to a */
    kg_entity_t at = b;
    int first = 1;
    while (at != a && via[at] < j->n) {
        const kg_judgement_t *s = &j->list[via[at]];
        kg_buf_printf(msg, "%s%s ~ %s (line %d)", first ? "" : ", ", s->a, s->b, s->line);
        first = 0;
        at = kg_graph_entity_by_id(g, !strcmp(kg_entity_id(g, at), s->a) ? s->b : s->a);
    }
    free(via);
    free(queue);
}

static int generic(const char *kind)
{
    return !kind || !strcmp(kind, "entity");
}

int kg_graph_apply_judgements(const kg_graph_t *g, const kg_judgements_t *j, kg_graph_t **out, size_t *merged,
                              kg_error_t *err)
{
    size_t n = kg_graph_entity_count(g), n_st = kg_graph_stmt_count(g);
    *out = NULL;
    if (merged)
        *merged = 0;
    size_t *up = kg_i_malloc((n + 1) * sizeof *up), *count = kg_i_calloc(n + 1, sizeof *count),
           *canon = kg_i_malloc((n + 1) * sizeof *canon);
    unsigned char *use = kg_i_calloc(j->n + 1, 1);
    kg_graph_t *m = NULL;
    kg_buf_t key = KG_BUF_INIT, msg = KG_BUF_INIT;
    int rc = KG_OK;
    if (!up || !count || !canon || !use || kg_graph_new(&m) != KG_OK) {
        rc = kg_error_say(err, KG_ENOMEM, "out of memory");
        goto done;
    }
    m->warn = g->warn;
    m->warn_ud = g->warn_ud;
    for (size_t e = 0; e < n; e++)
        up[e] = e;
    /* the last judgement of each pair counts; ids the graph lacks are said and skipped */
    for (size_t i = 0; i < j->n; i++) {
        const kg_judgement_t *x = &j->list[i];
        pair_key(x->a, x->b, &key);
        if (key.failed || json_integer_value(json_object_get(j->pairs, key.data)) != (json_int_t)i)
            continue;
        kg_entity_t a = kg_graph_entity_by_id(g, x->a), b = kg_graph_entity_by_id(g, x->b);
        if (a == KG_NONE || b == KG_NONE) {
            kg_graph_warn(m, NULL, x->line, 0,
                          "judgements: no entity \"%s\" in the graph: the judgement of line %d is skipped",
                          a == KG_NONE ? x->a : x->b, x->line);
            continue;
        }
        use[i] = 1;
        if (x->judged == KG_JUDGED_SAME) {
            const char *ka = kg_entity_kind(g, a), *kb = kg_entity_kind(g, b);
            if (!generic(ka) && !generic(kb) && strcmp(ka, kb)) {
                rc = kg_error_say(err, KG_ECONFLICT,
                                  "judgements: line %d judges \"%s\" (a %s) and \"%s\" (a %s) the same: one entity "
                                  "cannot be of two kinds",
                                  x->line, x->a, ka, x->b, kb);
                goto done;
            }
            up[find(up, a)] = find(up, b);
        }
    }
    for (size_t i = 0; i < j->n; i++) {
        const kg_judgement_t *x = &j->list[i];
        if (!use[i] || x->judged != KG_JUDGED_DIFFERENT)
            continue;
        kg_entity_t a = kg_graph_entity_by_id(g, x->a), b = kg_graph_entity_by_id(g, x->b);
        if (find(up, a) == find(up, b)) {
            chain(g, j, use, a, b, &msg);
            rc = kg_error_say(err, KG_ECONFLICT,
                              "judgements: line %d judges \"%s\" and \"%s\" different, but \"same\" judgements join "
                              "them: %s. Change one of these lines",
                              x->line, x->a, x->b, msg.data ? msg.data : "?");
            goto done;
        }
    }
    /* the canonical member: the one the most statements name, the first in the graph on a tie */
    for (size_t s = 0; s < n_st; s++) {
        count[kg_stmt_subject(g, (kg_stmt_t)s)]++;
        if (kg_stmt_object(g, (kg_stmt_t)s) != KG_NONE)
            count[kg_stmt_object(g, (kg_stmt_t)s)]++;
        if (kg_stmt_according_to(g, (kg_stmt_t)s) != KG_NONE)
            count[kg_stmt_according_to(g, (kg_stmt_t)s)]++;
    }
    for (size_t e = 0; e < n; e++)
        canon[e] = (size_t)-1;
    for (size_t e = 0; e < n; e++) {
        size_t r = find(up, e);
        if (canon[r] == (size_t)-1 || count[e] > count[canon[r]])
            canon[r] = e;
    }
    if ((rc = kg_i_copy_declarations(g, m, err)))
        goto done;
    /* entities: the canonical one of each cluster as it is, then the others into it */
    for (int pass = 0; pass < 2 && !rc; pass++)
        for (size_t e = 0; e < n && !rc; e++) {
            kg_entity_t c = (kg_entity_t)canon[find(up, e)];
            if ((pass == 0) != (c == e))
                continue;
            size_t n_al = kg_entity_alias_count(g, (kg_entity_t)e);
            const char **al = kg_i_malloc((n_al + 2) * sizeof *al);
            if (!al) {
                rc = kg_error_say(err, KG_ENOMEM, "out of memory");
                break;
            }
            size_t k = 0;
            for (size_t i = 0; i < n_al; i++)
                al[k++] = kg_entity_alias(g, (kg_entity_t)e, i);
            kg_entity_spec_t s;
            kg_entity_spec_init(&s);
            s.id = kg_entity_id(g, c);
            s.kind = kg_entity_kind(g, (kg_entity_t)e);
            s.date = kg_entity_date(g, (kg_entity_t)e);
            s.publisher = kg_entity_publisher(g, (kg_entity_t)e);
            s.url = kg_entity_url(g, (kg_entity_t)e);
            s.attrs = kg_entity_attrs(g, (kg_entity_t)e);
            if (c == e) {
                s.label = kg_entity_label(g, (kg_entity_t)e);
            } else { /* its id and label become aliases of the canonical entity */
                al[k++] = kg_entity_id(g, (kg_entity_t)e);
                if (kg_entity_label(g, (kg_entity_t)e))
                    al[k++] = kg_entity_label(g, (kg_entity_t)e);
                if (generic(s.kind))
                    s.kind = NULL;
            }
            s.aliases = al;
            s.n_aliases = k;
            kg_entity_t made;
            rc = kg_graph_add_entity(m, &s, &made, err);
            if (!rc && c != e) {
                json_t *from = json_array();
                const json_t *had = kg_entity_attr(m, made, KG_ATTR_MERGED_FROM);
                size_t i;
                json_t *v;
                json_array_foreach(had, i, v) json_array_append(from, v);
                json_array_append_new(from, json_string(kg_entity_id(g, (kg_entity_t)e)));
                rc = kg_entity_attr_set_new(m, made, KG_ATTR_MERGED_FROM, from);
                if (merged)
                    (*merged)++;
            }
            free(al);
        }
    /* statements, moved over */
    for (size_t s = 0; s < n_st && !rc; s++) {
        kg_stmt_t st = (kg_stmt_t)s;
        size_t nc = kg_stmt_cite_count(g, st);
        kg_cite_t *cites = kg_i_malloc((nc + 1) * sizeof *cites);
        if (!cites) {
            rc = kg_error_say(err, KG_ENOMEM, "out of memory");
            break;
        }
        for (size_t i = 0; i < nc; i++) {
            const char *quote;
            kg_entity_t src = kg_stmt_cite(g, st, i, &quote);
            cites[i] = (kg_cite_t){kg_entity_id(g, (kg_entity_t)canon[find(up, src)]), quote};
        }
        kg_entity_t o = kg_stmt_object(g, st), by = kg_stmt_according_to(g, st);
        kg_stmt_spec_t spec;
        kg_stmt_spec_init(&spec);
        spec.subject = kg_entity_id(g, (kg_entity_t)canon[find(up, kg_stmt_subject(g, st))]);
        spec.predicate = kg_stmt_predicate(g, st);
        spec.object = o != KG_NONE ? kg_entity_id(g, (kg_entity_t)canon[find(up, o)]) : NULL;
        kg_stmt_value(g, st, &spec.value);
        spec.as_of = kg_stmt_as_of(g, st);
        spec.according_to = by != KG_NONE ? kg_entity_id(g, (kg_entity_t)canon[find(up, by)]) : NULL;
        spec.cites = cites;
        spec.n_cites = nc;
        spec.attrs = kg_stmt_attrs(g, st);
        rc = kg_graph_add_stmt(m, &spec, NULL, err);
        free(cites);
    }
done:
    free(up);
    free(count);
    free(canon);
    free(use);
    kg_buf_free(&key);
    kg_buf_free(&msg);
    if (rc) {
        kg_graph_free(m);
        return rc;
    }
    *out = m;
    return KG_OK;
}
