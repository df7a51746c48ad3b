/* entity.c - entities and sources: adding and merging, lookup by id and alias, accessors, attributes. */
#include "graph_internal.h"
#include "kgkit/names.h"

#include <stdlib.h>
#include <string.h>

void kg_i_alias_map_add(kg_graph_t *g, uint32_t sym, uint32_t e)
{
    uint32_t have = g->alias_by_sym[sym];
    if (have == KG_NONE)
        g->alias_by_sym[sym] = e;
    else if (have != e)
        g->alias_by_sym[sym] = KG_AMBIGUOUS;
}

void kg_i_rebuild_entity_maps(kg_graph_t *g)
{
    for (uint32_t i = 0; i < g->map_cap; i++) {
        g->ent_by_sym[i] = KG_NONE;
        g->alias_by_sym[i] = KG_NONE;
    }
    for (uint32_t e = 0; e < g->n_ents; e++) {
        kg_ent_t *x = &g->ents[e];
        g->ent_by_sym[x->id] = e;
        if (x->label)
            kg_i_alias_map_add(g, x->label, e);
        for (uint32_t i = 0; i < x->n_alias; i++)
            kg_i_alias_map_add(g, x->alias[i], e);
    }
}

static int has_alias(const kg_ent_t *x, uint32_t sym)
{
    for (uint32_t i = 0; i < x->n_alias; i++)
        if (x->alias[i] == sym)
            return 1;
    return 0;
}

static int add_alias(kg_graph_t *g, uint32_t e, uint32_t sym)
{
    kg_ent_t *x = &g->ents[e];
    if (sym == x->label || has_alias(x, sym))
        return KG_OK;
    if (kg_i_grow((void **)&x->alias, &x->cap_alias, x->n_alias + 1, sizeof *x->alias))
        return KG_ENOMEM;
    x->alias[x->n_alias++] = sym;
    kg_i_alias_map_add(g, sym, e);
    return KG_OK;
}

/* The symbols of a spec, interned up front so that a failure leaves no
 * partial entity behind (extra symbols in the pool are harmless). */
typedef struct {
    uint32_t id, kind, label, date, publisher, url;
} ent_syms_t;

static int intern_spec(kg_graph_t *g, const kg_entity_spec_t *s, ent_syms_t *o)
{
    o->id = kg_i_intern(g, s->id);
    o->kind = kg_i_intern(g, s->kind);
    o->label = kg_i_intern(g, s->label && *s->label ? s->label : NULL);
    o->date = kg_i_intern(g, s->date);
    o->publisher = kg_i_intern(g, s->publisher);
    o->url = kg_i_intern(g, s->url);
    for (size_t i = 0; i < s->n_aliases; i++)
        if (kg_i_intern(g, s->aliases[i]) == KG_NONE)
            return KG_ENOMEM;
    if (o->id == KG_NONE || o->kind == KG_NONE || o->label == KG_NONE || o->date == KG_NONE ||
        o->publisher == KG_NONE || o->url == KG_NONE)
        return KG_ENOMEM;
    return KG_OK;
}

/* A field that must not change once set (kind, publisher, url). */
static int check_same(const kg_graph_t *g, const kg_entity_spec_t *s, const char *field, uint32_t have,
                      uint32_t want, kg_error_t *err)
{
    if (!want || !have || have == want)
        return KG_OK;
    return kg_error_set(err, KG_ECONFLICT, s->origin, s->line, 0,
                        "entity \"%s\" is already of %s \"%s\", not \"%s\"", s->id, field, kg_i_str(g, have),
                        kg_i_str(g, want));
}

static int merge_entity(kg_graph_t *g, uint32_t e, const kg_entity_spec_t *s, const ent_syms_t *y,
                        kg_error_t *err)
{
    kg_ent_t *x = &g->ents[e];
    int rc;
    /* the default kind is no kind said: a later one refines it (an edge list names people, a node table says
     * they are people), in whichever order the files come */
    uint32_t unsaid = kg_strpool_lookup(&g->pool, "entity");
    int refine = y->kind && x->kind == unsaid && y->kind != unsaid;
    if ((rc = check_same(g, s, "kind", refine ? y->kind : x->kind, y->kind, err)) ||
        (rc = check_same(g, s, "publisher", x->publisher, y->publisher, err)) ||
        (rc = check_same(g, s, "url", x->url, y->url, err)))
        return rc;
    /* kg_graph_add_entity checked the attributes */
    if (kg_i_snapshot_ent(g, e))
        return kg_error_set(err, KG_ENOMEM, s->origin, s->line, 0, "out of memory");
    x = &g->ents[e];
    if (refine)
        x->kind = y->kind;
    if (y->publisher)
        x->publisher = y->publisher;
    if (y->url)
        x->url = y->url;
    if (y->label && x->label != y->label) {
        if (!x->label) {
            x->label = y->label;
            kg_i_alias_map_add(g, y->label, e);
        } else {
            kg_graph_warn(g, s->origin, s->line, 0,
                          "entity \"%s\" has two labels: kept \"%s\", \"%s\" added as an alias", s->id,
                          kg_i_str(g, x->label), kg_i_str(g, y->label));
            if (add_alias(g, e, y->label))
                return kg_error_set(err, KG_ENOMEM, s->origin, s->line, 0, "out of memory");
        }
    }
    if (y->date && x->date != y->date) {
        if (!x->date)
            x->date = y->date;
        else
            kg_graph_warn(g, s->origin, s->line, 0, "entity \"%s\" has two dates: kept %s, ignored %s", s->id,
                          kg_i_str(g, x->date), kg_i_str(g, y->date));
    }
    for (size_t i = 0; i < s->n_aliases; i++)
        if (add_alias(g, e, kg_strpool_lookup(&g->pool, s->aliases[i])))
            return kg_error_set(err, KG_ENOMEM, s->origin, s->line, 0, "out of memory");
    char what[300];
    snprintf(what, sizeof what, "entity \"%s\"", s->id);
    return kg_i_attrs_merge(g, &x->attrs, s->attrs, what, s->origin, s->line, err);
}

int kg_graph_add_entity(kg_graph_t *g, const kg_entity_spec_t *s, kg_entity_t *out, kg_error_t *err)
{
    if (out)
        *out = KG_NONE;
    if (!s->id || !*s->id)
        return kg_error_set(err, KG_EINPUT, s->origin, s->line, 0, "entity without an id");
    int rc;
    if ((rc = kg_i_check_text(s->id, "an entity id", s->origin, s->line, err)) ||
        (rc = kg_i_check_text(s->kind, "the kind", s->origin, s->line, err)) ||
        (rc = kg_i_check_text(s->label, "the label", s->origin, s->line, err)) ||
        (rc = kg_i_check_text(s->date, "the date", s->origin, s->line, err)) ||
        (rc = kg_i_check_text(s->publisher, "the publisher", s->origin, s->line, err)) ||
        (rc = kg_i_check_text(s->url, "the url", s->origin, s->line, err)))
        return rc;
    for (size_t i = 0; i < s->n_aliases; i++)
        if ((rc = kg_i_check_text(s->aliases[i], "an alias", s->origin, s->line, err)))
            return rc;
    if (s->kind && !*s->kind)
        return kg_error_set(err, KG_EINPUT, s->origin, s->line, 0, "entity \"%s\": empty kind", s->id);
    kg_when_t when;
    const char *why;
    int is_source = s->kind && strcmp(s->kind, KG_KIND_SOURCE) == 0;
    if (s->date && kg_when_parse(s->date, &when, &why) != KG_OK)
        return kg_error_set(err, KG_EINPUT, s->origin, s->line, 0, "%s \"%s\": %s date \"%s\" %s",
                            is_source ? "source" : "entity", s->id, is_source ? "published" : "the", s->date, why);
    for (size_t i = 0; i < s->n_aliases; i++)
        if (!s->aliases[i] || !*s->aliases[i])
            return kg_error_set(err, KG_EINPUT, s->origin, s->line, 0, "entity \"%s\": empty alias", s->id);
    char what[96];
    snprintf(what, sizeof what, "entity \"%.80s\"", s->id);
    if ((rc = kg_i_check_attrs(s->attrs, what, s->origin, s->line, err)))
        return rc;
    ent_syms_t y;
    if (intern_spec(g, s, &y))
        return kg_error_set(err, KG_ENOMEM, s->origin, s->line, 0, "out of memory");
    kg_i_changed(g);
    uint32_t e = g->ent_by_sym[y.id];
    if (e != KG_NONE) {
        rc = merge_entity(g, e, s, &y, err);
        if (rc == KG_OK && out)
            *out = e;
        return rc;
    }
    if (g->n_ents >= KG_AMBIGUOUS - 1 ||
        kg_i_grow((void **)&g->ents, &g->cap_ents, g->n_ents + 1, sizeof *g->ents))
        return kg_error_set(err, KG_ENOMEM, s->origin, s->line, 0, "out of memory");
    json_t *attrs = NULL;
    if (s->attrs && json_object_size(s->attrs) && !(attrs = json_deep_copy(s->attrs)))
        return kg_error_set(err, KG_ENOMEM, s->origin, s->line, 0, "out of memory");
    e = g->n_ents++;
    kg_ent_t *x = &g->ents[e];
    memset(x, 0, sizeof *x);
    x->id = y.id;
    x->kind = y.kind ? y.kind : kg_i_intern(g, "entity");
    x->label = y.label;
    x->date = y.date;
    x->publisher = y.publisher;
    x->url = y.url;
    x->attrs = attrs;
    g->ent_by_sym[y.id] = e;
    if (y.label)
        kg_i_alias_map_add(g, y.label, e);
    for (size_t i = 0; i < s->n_aliases; i++) {
        if (add_alias(g, e, kg_strpool_lookup(&g->pool, s->aliases[i]))) {
            /* undo this entity */
            g->n_ents--;
            free(x->alias);
            json_decref(x->attrs);
            kg_i_rebuild_entity_maps(g);
            return kg_error_set(err, KG_ENOMEM, s->origin, s->line, 0, "out of memory");
        }
    }
    if (out)
        *out = e;
    return KG_OK;
}

size_t kg_graph_entity_count(const kg_graph_t *g)
{
    return g->n_ents;
}

kg_entity_t kg_graph_entity_by_id(const kg_graph_t *g, const char *id)
{
    uint32_t sym = kg_strpool_lookup(&g->pool, id);
    return sym ? g->ent_by_sym[sym] : KG_NONE;
}

/* No id, label or alias is the text as given: the names that are it with case, accents, punctuation, word order
 * and script set aside (kgkit/names.h). O(entities), on this path only. */
static int find_by_keys(const kg_graph_t *g, const char *key, kg_entity_t *out, kg_error_t *err)
{
    kg_name_keys_t want = {0}, have = {0};
    if (kg_name_keys(key, &want) != KG_OK)
        return kg_error_say(err, KG_ENOMEM, "out of memory");
    uint32_t found = KG_NONE, n_found = 0;
    char list[KG_ERROR_TEXT_LENGTH] = "";
    size_t len = 0;
    /* the same words first; failing those, a label or alias with the same skeletons (another romanisation:
     * Алесь Бяляцкі), so that a typo in an id is still an error with the closest one */
    for (int loose = 0; loose < 2 && !n_found; loose++)
        for (uint32_t i = 0; want.n && i < g->n_ents; i++) {
            const kg_ent_t *x = &g->ents[i];
            int match = 0;
            for (size_t k = loose; k <= x->n_alias + 1 && !match; k++) { /* an id only by its words */
                uint32_t name = k == 0 ? x->id : k == 1 ? x->label : x->alias[k - 2];
                if (name && kg_name_keys(kg_i_str(g, name), &have) == KG_OK)
                    match = loose ? kg_name_skeletons_match(&want, &have) : kg_name_keys_match(&want, &have);
            }
            if (!match)
                continue;
            found = i;
            n_found++;
            if (len < sizeof list - 1)
                len += (size_t)snprintf(list + len, sizeof list - len, "%s%s (%s, %s)", len ? ", " : "",
                                        kg_i_str(g, x->label ? x->label : x->id), kg_i_str(g, x->id),
                                        kg_i_str(g, x->kind));
        }
    kg_name_keys_free(&want);
    kg_name_keys_free(&have);
    if (n_found == 1) {
        *out = found;
        return KG_OK;
    }
    if (n_found > 1)
        return kg_error_say(err, KG_ECONFLICT, "\"%s\" names several entities: %s", key, list);
    return kg_error_say(err, KG_ENOTFOUND, "no entity has the id or alias \"%s\"", key);
}

int kg_graph_find(const kg_graph_t *g, const char *key, kg_entity_t *out, kg_error_t *err)
{
    *out = KG_NONE;
    uint32_t sym = kg_strpool_lookup(&g->pool, key);
    if (sym && g->ent_by_sym[sym] != KG_NONE) {
        *out = g->ent_by_sym[sym];
        return KG_OK;
    }
    uint32_t e = sym ? g->alias_by_sym[sym] : KG_NONE;
    if (e == KG_NONE)
        return find_by_keys(g, key ? key : "", out, err);
    if (e != KG_AMBIGUOUS) {
        *out = e;
        return KG_OK;
    }
    /* error path only: list the entities that share the name */
    char list[KG_ERROR_TEXT_LENGTH] = "";
    size_t len = 0;
    for (uint32_t i = 0; i < g->n_ents && len < sizeof list - 1; i++) {
        const kg_ent_t *x = &g->ents[i];
        if (x->label == sym || has_alias(x, sym))
            len += (size_t)snprintf(list + len, sizeof list - len, "%s%s (%s)", len ? ", " : "", kg_i_str(g, x->id),
                                    kg_i_str(g, x->kind));
    }
    return kg_error_say(err, KG_ECONFLICT, "\"%s\" names several entities: %s", key, list);
}

#define ENT_OR_NULL(g, e) ((e) < (g)->n_ents ? &(g)->ents[e] : NULL)

const char *kg_entity_id(const kg_graph_t *g, kg_entity_t e)
{
    const kg_ent_t *x = ENT_OR_NULL(g, e);
    return x ? kg_i_str(g, x->id) : NULL;
}
const char *kg_entity_kind(const kg_graph_t *g, kg_entity_t e)
{
    const kg_ent_t *x = ENT_OR_NULL(g, e);
    return x ? kg_i_str(g, x->kind) : NULL;
}
const char *kg_entity_label(const kg_graph_t *g, kg_entity_t e)
{
    const kg_ent_t *x = ENT_OR_NULL(g, e);
    return x ? kg_i_str(g, x->label) : NULL;
}
const char *kg_entity_date(const kg_graph_t *g, kg_entity_t e)
{
    const kg_ent_t *x = ENT_OR_NULL(g, e);
    return x ? kg_i_str(g, x->date) : NULL;
}
const char *kg_entity_publisher(const kg_graph_t *g, kg_entity_t e)
{
    const kg_ent_t *x = ENT_OR_NULL(g, e);
    return x ? kg_i_str(g, x->publisher) : NULL;
}
const char *kg_entity_url(const kg_graph_t *g, kg_entity_t e)
{
    const kg_ent_t *x = ENT_OR_NULL(g, e);
    return x ? kg_i_str(g, x->url) : NULL;
}
size_t kg_entity_alias_count(const kg_graph_t *g, kg_entity_t e)
{
    const kg_ent_t *x = ENT_OR_NULL(g, e);
    return x ? x->n_alias : 0;
}
const char *kg_entity_alias(const kg_graph_t *g, kg_entity_t e, size_t i)
{
    const kg_ent_t *x = ENT_OR_NULL(g, e);
    return x && i < x->n_alias ? kg_i_str(g, x->alias[i]) : NULL;
}
const char *kg_entity_name(const kg_graph_t *g, kg_entity_t e)
{
    const kg_ent_t *x = ENT_OR_NULL(g, e);
    return x ? kg_i_str(g, x->label ? x->label : x->id) : NULL;
}
int kg_entity_is_source(const kg_graph_t *g, kg_entity_t e)
{
    const kg_ent_t *x = ENT_OR_NULL(g, e);
    return x && strcmp(kg_i_str(g, x->kind), KG_KIND_SOURCE) == 0;
}
const json_t *kg_entity_attrs(const kg_graph_t *g, kg_entity_t e)
{
    const kg_ent_t *x = ENT_OR_NULL(g, e);
    return x ? x->attrs : NULL;
}
const json_t *kg_entity_attr(const kg_graph_t *g, kg_entity_t e, const char *key)
{
    const kg_ent_t *x = ENT_OR_NULL(g, e);
    return x && x->attrs ? json_object_get(x->attrs, key) : NULL;
}

int kg_entity_attr_set_new(kg_graph_t *g, kg_entity_t e, const char *key, json_t *value)
{
    if (e >= g->n_ents || !key || !value) {
        json_decref(value);
        return KG_EUSAGE;
    }
    if (kg_i_snapshot_ent(g, e)) {
        json_decref(value);
        return KG_ENOMEM;
    }
    kg_ent_t *x = &g->ents[e];
    if (!x->attrs && !(x->attrs = json_object())) {
        json_decref(value);
        return KG_ENOMEM;
    }
    return json_object_set_new(x->attrs, key, value) == 0 ? KG_OK : KG_ENOMEM;
}

void kg_entity_spec_init(kg_entity_spec_t *spec)
{
    memset(spec, 0, sizeof *spec);
}
