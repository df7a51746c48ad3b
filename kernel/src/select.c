/* select.c - selections: parsing them from options, and copying the selected part of a graph into a new one. */
#include "kgkit/select.h"
#include "alloc.h"
#include "kgkit/host.h"

#include <stdlib.h>
#include <string.h>

static const kg_param_t select_params[] = {
    {"kinds", "list", NULL, "keep entities of these kinds (comma-separated, e.g. person,group)"},
    {"predicates", "list", NULL, "keep statements with these predicates"},
    {"sources", "list", NULL, "keep what these sources report (ids, comma-separated)"},
    {"from", "date", NULL, "keep statements dated on or after this ISO 8601 date (partial allowed)"},
    {"to", "date", NULL, "keep statements dated on or before this date"},
    {"undated", "string", "keep", "with from/to: keep or drop statements that have no date"},
    {"around", "entity", NULL, "keep the neighbourhood of this entity (id or alias)"},
    {"depth", "int", "1", "with around: how many relation hops"},
    {"isolated", "string", "keep", "keep or drop entities left without any relation"},
    {"allow_empty", "bool", "false", "write an empty selection instead of refusing it (a selection that keeps no "
                                    "statement is an error, lest an empty picture read as \"no connection\")"},
    {NULL, NULL, NULL, NULL}};

const kg_param_t *kg_select_params(void)
{
    return select_params;
}

void kg_select_init(kg_select_t *s)
{
    memset(s, 0, sizeof *s);
    s->depth = 1;
}

void kg_select_clear(kg_select_t *s)
{
    if (!s)
        return;
    /* the lists own their element strings: one allocation per list */
    free((void *)s->kinds);
    free((void *)s->predicates);
    free((void *)s->sources);
    kg_select_init(s);
}

/* Splits "a, b,c" into a NULL-terminated array living in one allocation. */
static int split_list(const char *text, const char *const **out, size_t *n)
{
    size_t count = 1, len = strlen(text);
    for (const char *p = text; *p; p++)
        count += *p == ',';
    char **list = kg_i_malloc((count + 1) * sizeof *list + len + 1);
    if (!list)
        return KG_ENOMEM;
    char *buf = (char *)(list + count + 1);
    memcpy(buf, text, len + 1);
    size_t k = 0;
    for (char *tok = buf; tok;) {
        char *comma = strchr(tok, ',');
        if (comma)
            *comma = '\0';
        while (*tok == ' ')
            tok++;
        char *end = tok + strlen(tok);
        while (end > tok && end[-1] == ' ')
            *--end = '\0';
        if (*tok)
            list[k++] = tok;
        tok = comma ? comma + 1 : NULL;
    }
    list[k] = NULL;
    *out = (const char *const *)list;
    *n = k;
    return KG_OK;
}

static int keep_or_drop(const kg_opts_t *opts, const char *key, int *drop, kg_error_t *err)
{
    static const char *const choices[] = {"keep", "drop", NULL};
    int rc = kg_param_choice(opts, select_params, key, choices, drop, err);
    *drop = *drop == 1;
    return rc;
}

int kg_select_from_opts(kg_select_t *s, const kg_opts_t *opts, int *given, kg_error_t *err)
{
    kg_select_init(s);
    *given = 0;
    for (const kg_param_t *p = select_params; p->name; p++)
        *given |= kg_opts_get(opts, p->name) != NULL;
    if (!*given)
        return KG_OK;
    const char *v;
    int rc = KG_OK;
    if ((v = kg_opts_get(opts, "kinds")) && (rc = split_list(v, &s->kinds, &s->n_kinds)))
        goto fail;
    if ((v = kg_opts_get(opts, "predicates")) && (rc = split_list(v, &s->predicates, &s->n_predicates)))
        goto fail;
    if ((v = kg_opts_get(opts, "sources")) && (rc = split_list(v, &s->sources, &s->n_sources)))
        goto fail;
    s->from = kg_opts_get(opts, "from");
    s->to = kg_opts_get(opts, "to");
    s->around = kg_opts_get(opts, "around");
    kg_date_t d;
    if (s->from && kg_date_parse(s->from, &d) != KG_OK) {
        rc = kg_error_say(err, KG_EUSAGE, "parameter from: \"%s\" is not an ISO 8601 date (YYYY, "
                          "YYYY-MM or YYYY-MM-DD)", s->from);
        goto fail;
    }
    if (s->to && kg_date_parse(s->to, &d) != KG_OK) {
        rc = kg_error_say(err, KG_EUSAGE, "parameter to: \"%s\" is not an ISO 8601 date (YYYY, "
                          "YYYY-MM or YYYY-MM-DD)", s->to);
        goto fail;
    }
    long depth;
    if ((rc = kg_param_int(opts, select_params, "depth", &depth, err)))
        goto fail;
    if (depth < 0 || depth > 1000000) {
        rc = kg_error_say(err, KG_EUSAGE, "parameter depth must be 0 or more, not %ld", depth);
        goto fail;
    }
    s->depth = (int)depth;
    if ((rc = keep_or_drop(opts, "undated", &s->drop_undated, err)) ||
        (rc = keep_or_drop(opts, "isolated", &s->drop_isolated, err)))
        goto fail;
    return KG_OK;
fail:
    if (rc == KG_ENOMEM)
        kg_error_say(err, KG_ENOMEM, "out of memory");
    kg_select_clear(s);
    return rc;
}

/* ----------------------------------------------------------- selecting */

static int in_list(const char *const *list, size_t n, const char *s)
{
    for (size_t i = 0; i < n; i++)
        if (s && strcmp(list[i], s) == 0)
            return 1;
    return 0;
}

typedef struct sel {
    const kg_graph_t *g;
    const kg_select_t *s;
    unsigned char *ent;   /* entity kept */
    unsigned char *stmt;  /* statement kept */
    unsigned char *cite_src; /* entity is a listed source */
    int64_t from, to;     /* day range */
    int dated_range;
} sel_t;

/* A statement's date overlaps the range; -1 when it has no date at all. */
static int in_range(const sel_t *x, kg_stmt_t st)
{
    const kg_graph_t *g = x->g;
    kg_when_t w;
    const char *as_of = kg_stmt_as_of(g, st);
    if (as_of && kg_when_parse(as_of, &w, NULL) == KG_OK)
        return w.last >= x->from && w.first <= x->to;
    int dated = 0;
    for (size_t i = 0; i < kg_stmt_cite_count(g, st); i++) {
        kg_entity_t src = kg_stmt_cite(g, st, i, NULL);
        const char *date = kg_entity_date(g, src);
        if (x->s->n_sources && !x->cite_src[src])
            continue;
        if (!date || kg_when_parse(date, &w, NULL) != KG_OK)
            continue;
        dated = 1;
        if (w.last >= x->from && w.first <= x->to)
            return 1;
    }
    return dated ? 0 : -1;
}

static void keep_statements(sel_t *x)
{
    const kg_graph_t *g = x->g;
    const kg_select_t *s = x->s;
    for (kg_stmt_t st = 0; st < kg_graph_stmt_count(g); st++) {
        kg_entity_t o = kg_stmt_object(g, st);
        int keep = x->ent[kg_stmt_subject(g, st)] && (o == KG_NONE || x->ent[o]);
        if (keep && s->n_predicates)
            keep = in_list(s->predicates, s->n_predicates, kg_stmt_predicate(g, st));
        if (keep && s->n_sources) {
            keep = 0;
            for (size_t i = 0; i < kg_stmt_cite_count(g, st) && !keep; i++)
                keep = x->cite_src[kg_stmt_cite(g, st, i, NULL)];
        }
        if (keep && x->dated_range) {
            int r = in_range(x, st);
            keep = r == 1 || (r < 0 && !s->drop_undated);
        }
        x->stmt[st] = (unsigned char)keep;
    }
}

/* Entities within depth hops of root over kept relations. */
static int neighbourhood(sel_t *x, kg_entity_t root)
{
    const kg_graph_t *g = x->g;
    size_t n = kg_graph_entity_count(g);
    int *dist = kg_i_malloc(n * sizeof *dist);
    kg_entity_t *queue = kg_i_malloc(n * sizeof *queue);
    if (!dist || !queue) {
        free(dist);
        free(queue);
        return KG_ENOMEM;
    }
    for (size_t i = 0; i < n; i++)
        dist[i] = -1;
    size_t head = 0, tail = 0;
    dist[root] = 0;
    queue[tail++] = root;
    while (head < tail) {
        kg_entity_t e = queue[head++];
        if (dist[e] >= x->s->depth)
            continue;
        for (int side = 0; side < 2; side++) {
            size_t k;
            const kg_stmt_t *list = side ? kg_graph_stmts_by_object(g, e, &k) : kg_graph_stmts_by_subject(g, e, &k);
            for (size_t i = 0; i < k; i++) {
                kg_stmt_t st = list[i];
                kg_entity_t other = side ? kg_stmt_subject(g, st) : kg_stmt_object(g, st);
                if (!x->stmt[st] || other == KG_NONE || dist[other] >= 0)
                    continue;
                dist[other] = dist[e] + 1;
                queue[tail++] = other;
            }
        }
    }
    for (size_t i = 0; i < n; i++)
        x->ent[i] = x->ent[i] && dist[i] >= 0;
    free(dist);
    free(queue);
    return KG_OK;
}

static void drop_isolated(sel_t *x, kg_entity_t root)
{
    const kg_graph_t *g = x->g;
    size_t n = kg_graph_entity_count(g);
    for (kg_entity_t e = 0; e < n; e++) {
        if (!x->ent[e] || e == root)
            continue;
        int linked = 0;
        for (int side = 0; side < 2 && !linked; side++) {
            size_t k;
            const kg_stmt_t *list = side ? kg_graph_stmts_by_object(g, e, &k) : kg_graph_stmts_by_subject(g, e, &k);
            for (size_t i = 0; i < k && !linked; i++)
                linked = x->stmt[list[i]] && kg_stmt_object(g, list[i]) != KG_NONE;
        }
        x->ent[e] = (unsigned char)linked;
    }
}

/* ------------------------------------------------------------- copying */

static int copy_entity(const kg_graph_t *g, kg_graph_t *out, kg_entity_t e, kg_error_t *err)
{
    size_t n_alias = kg_entity_alias_count(g, e);
    const char **aliases = kg_i_malloc((n_alias ? n_alias : 1) * sizeof *aliases);
    if (!aliases)
        return kg_error_say(err, KG_ENOMEM, "out of memory");
    for (size_t i = 0; i < n_alias; i++)
        aliases[i] = kg_entity_alias(g, e, i);
    kg_entity_spec_t spec;
    kg_entity_spec_init(&spec);
    spec.id = kg_entity_id(g, e);
    spec.kind = kg_entity_kind(g, e);
    spec.label = kg_entity_label(g, e);
    spec.date = kg_entity_date(g, e);
    spec.aliases = aliases;
    spec.n_aliases = n_alias;
    spec.publisher = kg_entity_publisher(g, e);
    spec.url = kg_entity_url(g, e);
    spec.attrs = kg_entity_attrs(g, e);
    int rc = kg_graph_add_entity(out, &spec, NULL, err);
    free(aliases);
    return rc;
}

static int copy_statement(const sel_t *x, kg_graph_t *out, kg_stmt_t st, kg_error_t *err)
{
    const kg_graph_t *g = x->g;
    size_t n = kg_stmt_cite_count(g, st), k = 0;
    kg_cite_t *cites = kg_i_malloc((n ? n : 1) * sizeof *cites);
    if (!cites)
        return kg_error_say(err, KG_ENOMEM, "out of memory");
    for (size_t i = 0; i < n; i++) {
        const char *quote;
        kg_entity_t src = kg_stmt_cite(g, st, i, &quote);
        if (x->s->n_sources && !x->cite_src[src])
            continue;
        cites[k].source = kg_entity_id(g, src);
        cites[k].quote = quote;
        k++;
    }
    kg_stmt_spec_t spec;
    kg_stmt_spec_init(&spec);
    kg_entity_t o = kg_stmt_object(g, st), by = kg_stmt_according_to(g, st);
    spec.subject = kg_entity_id(g, kg_stmt_subject(g, st));
    spec.predicate = kg_stmt_predicate(g, st);
    spec.object = o != KG_NONE ? kg_entity_id(g, o) : NULL;
    kg_stmt_value(g, st, &spec.value);
    spec.as_of = kg_stmt_as_of(g, st);
    spec.according_to = by != KG_NONE ? kg_entity_id(g, by) : NULL;
    spec.cites = cites;
    spec.n_cites = k;
    spec.attrs = kg_stmt_attrs(g, st);
    int rc = kg_graph_add_stmt(out, &spec, NULL, err);
    free(cites);
    return rc;
}

/* The names a selection value could have meant: the graph's kinds, predicates, source ids, or entity ids and
 * labels, by parameter. */
static int no_such(const kg_graph_t *g, const char *param, const char *value, kg_error_t *err)
{
    size_t n = 0, cap = 64;
    const char **names = kg_i_malloc(cap * sizeof *names);
    int kinds = !strcmp(param, "kinds"), preds = !strcmp(param, "predicates"), srcs = !strcmp(param, "sources");
    size_t total = kinds ? kg_graph_kind_count(g) : preds ? kg_graph_predicate_count(g) : kg_graph_entity_count(g);
    for (size_t i = 0; names && i < total; i++) {
        const char *a = NULL, *b = NULL;
        if (kinds)
            a = kg_graph_kind(g, i);
        else if (preds)
            a = kg_graph_predicate_name(g, i);
        else if (!srcs || kg_entity_is_source(g, (kg_entity_t)i))
            a = kg_entity_id(g, (kg_entity_t)i), b = srcs ? NULL : kg_entity_label(g, (kg_entity_t)i);
        for (int k = 0; k < 2; k++) {
            const char *x = k ? b : a;
            if (!x)
                continue;
            if (n == cap) {
                const char **more = kg_i_realloc(names, (cap *= 2) * sizeof *more);
                if (!more)
                    break;
                names = more;
            }
            names[n++] = x;
        }
    }
    const char *close = names ? kg_closest_name(value, names, n) : NULL;
    static const char *const what[] = {"kinds", "no entity of kind", "predicates", "no statement with the predicate",
                                       "sources", "no source with id", "around", "no entity with id or alias"};
    const char *phrase = "nothing named";
    for (int i = 0; i < 8; i += 2)
        if (!strcmp(param, what[i]))
            phrase = what[i + 1];
    int rc = kg_error_say(err, KG_ENOTFOUND, "%s: %s \"%s\"%s%s%s", param, phrase, value,
                          close ? " (did you mean \"" : "", close ? close : "", close ? "\"?)" : "");
    free(names);
    return rc;
}

static int check_names(const kg_graph_t *g, const char *param, const char *const *list, size_t n, kg_error_t *err)
{
    int kinds = !strcmp(param, "kinds");
    for (size_t i = 0; i < n; i++) {
        int found = 0;
        size_t total = kinds ? kg_graph_kind_count(g) : kg_graph_predicate_count(g);
        for (size_t k = 0; k < total && !found; k++)
            found = !strcmp(list[i], kinds ? kg_graph_kind(g, k) : kg_graph_predicate_name(g, k));
        if (!found && !(kinds && !strcmp(list[i], KG_KIND_SOURCE)))
            return no_such(g, param, list[i], err);
    }
    return KG_OK;
}

int kg_i_copy_declarations(const kg_graph_t *g, kg_graph_t *out, kg_error_t *err)
{
    int rc = KG_OK;
    for (size_t i = 0; rc == KG_OK && i < kg_graph_predicate_count(g); i++) {
        kg_predicate_t d;
        if (kg_graph_predicate_declared(g, kg_graph_predicate_name(g, i), &d) == KG_OK &&
            (d.kind != KG_PRED_UNKNOWN || d.functional >= 0 || d.cumulative >= 0 || d.value_type || d.unit ||
             d.label || d.description || d.tolerance == d.tolerance))
            rc = kg_graph_declare_predicate(out, &d, err);
        int sym = kg_graph_predicate_symmetric(g, kg_graph_predicate_name(g, i));
        if (rc == KG_OK && sym >= 0)
            rc = kg_graph_declare_symmetric(out, kg_graph_predicate_name(g, i), sym, err);
    }
    return rc;
}

static int copy_selection(const sel_t *x, kg_graph_t *out, kg_error_t *err)
{
    const kg_graph_t *g = x->g;
    int rc = kg_i_copy_declarations(g, out, err);
    for (kg_entity_t e = 0; rc == KG_OK && e < kg_graph_entity_count(g); e++)
        if (x->ent[e])
            rc = copy_entity(g, out, e, err);
    for (kg_stmt_t st = 0; rc == KG_OK && st < kg_graph_stmt_count(g); st++)
        if (x->stmt[st])
            rc = copy_statement(x, out, st, err);
    return rc;
}

int kg_graph_select(const kg_graph_t *g, const kg_select_t *s, kg_graph_t **out, kg_error_t *err)
{
    size_t n_ent = kg_graph_entity_count(g), n_st = kg_graph_stmt_count(g);
    sel_t x = {g, s, kg_i_calloc(n_ent + 1, 1), kg_i_calloc(n_st + 1, 1), kg_i_calloc(n_ent + 1, 1), 0, 0, 0};
    kg_graph_t *sub = NULL;
    kg_entity_t root = KG_NONE;
    int rc = KG_OK;
    *out = NULL;
    if (!x.ent || !x.stmt || !x.cite_src) {
        rc = kg_error_say(err, KG_ENOMEM, "out of memory");
        goto done;
    }
    kg_date_t d;
    int64_t a, b;
    x.from = INT64_MIN;
    x.to = INT64_MAX;
    if (s->from) {
        if (kg_date_parse(s->from, &d) != KG_OK) {
            rc = kg_error_say(err, KG_EUSAGE, "from: \"%s\" is not an ISO 8601 date", s->from);
            goto done;
        }
        kg_date_span(&d, &a, &b);
        x.from = a;
    }
    if (s->to) {
        if (kg_date_parse(s->to, &d) != KG_OK) {
            rc = kg_error_say(err, KG_EUSAGE, "to: \"%s\" is not an ISO 8601 date", s->to);
            goto done;
        }
        kg_date_span(&d, &a, &b);
        x.to = b;
    }
    x.dated_range = s->from || s->to;
    /* every value names something the graph has: a typo is an error with the closest name, not an empty
     * picture */
    if ((rc = check_names(g, "kinds", s->kinds, s->n_kinds, err)) ||
        (rc = check_names(g, "predicates", s->predicates, s->n_predicates, err)))
        goto done;
    for (size_t i = 0; i < s->n_sources; i++) {
        kg_entity_t src = kg_graph_entity_by_id(g, s->sources[i]);
        if (src == KG_NONE || !kg_entity_is_source(g, src)) {
            rc = no_such(g, "sources", s->sources[i], err);
            goto done;
        }
        x.cite_src[src] = 1;
    }
    if (s->around && (rc = kg_graph_find(g, s->around, &root, err)) != KG_OK) {
        if (rc == KG_ENOTFOUND)
            no_such(g, "around", s->around, err);
        goto done;
    }
    /* 1. entities by kind; sources come along with what cites them */
    for (kg_entity_t e = 0; e < n_ent; e++)
        x.ent[e] = !kg_entity_is_source(g, e) && (!s->n_kinds || in_list(s->kinds, s->n_kinds, kg_entity_kind(g, e)));
    if (root != KG_NONE)
        x.ent[root] = 1;
    /* 2. statements; 3. the neighbourhood; 4. isolated entities */
    keep_statements(&x);
    if (root != KG_NONE) {
        if ((rc = neighbourhood(&x, root))) {
            kg_error_say(err, rc, "out of memory");
            goto done;
        }
        keep_statements(&x);
    }
    if (s->drop_isolated) {
        drop_isolated(&x, root);
        keep_statements(&x);
    }
    /* what kept statements need: their cited sources and attributions */
    for (kg_stmt_t st = 0; st < n_st; st++) {
        if (!x.stmt[st])
            continue;
        for (size_t i = 0; i < kg_stmt_cite_count(g, st); i++) {
            kg_entity_t src = kg_stmt_cite(g, st, i, NULL);
            if (!s->n_sources || x.cite_src[src])
                x.ent[src] = 1;
        }
        if (kg_stmt_according_to(g, st) != KG_NONE)
            x.ent[kg_stmt_according_to(g, st)] = 1;
    }
    /* an explicit "source" kind keeps every source */
    if (s->n_kinds && in_list(s->kinds, s->n_kinds, KG_KIND_SOURCE))
        for (kg_entity_t e = 0; e < n_ent; e++)
            x.ent[e] |= (unsigned char)kg_entity_is_source(g, e);
    if ((rc = kg_graph_new(&sub)) != KG_OK) {
        kg_error_say(err, rc, "out of memory");
        goto done;
    }
    if ((rc = copy_selection(&x, sub, err)) != KG_OK) {
        kg_graph_free(sub);
        goto done;
    }
    *out = sub;
done:
    free(x.ent);
    free(x.stmt);
    free(x.cite_src);
    return rc;
}
