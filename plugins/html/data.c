/* data.c - the page's data (docs/html.md): the sources, the entities where they sit, and every statement with its value, its time as day numbers, its citations and quotes, its verdict and whether it is the chosen value. */
#include "html.h"
#include "../graphviz/kinds.h" /* the diagrams' colours */

#include <stdlib.h>
#include <string.h>

static void set_text(json_t *o, const char *key, const char *s)
{
    if (s && *s)
        json_object_set_new(o, key, json_string(s));
}

/* A time as [first, last] day numbers, null for an open end; 0 when text is no time. */
static int day_span(const char *text, int64_t *first, int64_t *last)
{
    kg_when_t w;
    if (!text || kg_when_parse(text, &w, NULL) != KG_OK)
        return 0;
    *first = w.first;
    *last = w.last;
    return 1;
}

static json_t *span_json(int64_t first, int64_t last)
{
    return json_pack("[oo]", first == KG_DAY_OPEN_START ? json_null() : json_integer(first),
                     last == KG_DAY_OPEN_END ? json_null() : json_integer(last));
}

static json_t *styles(void)
{
    json_t *kinds = json_object();
    for (size_t i = 0; i < sizeof kind_styles / sizeof *kind_styles; i++)
        json_object_set_new(kinds, kind_styles[i].kind,
                            json_pack("{s:s,s:s}", "fill", kind_styles[i].fill, "line", kind_styles[i].line));
    return json_pack("{s:o,s:{s:s,s:s},s:s}", "kinds", kinds, "other", "fill", other_style.fill, "line",
                     other_style.line, "disputed", DISPUTED_COLOR);
}

/* One statement; src_of maps a source entity to its index in the page's sources. */
static json_t *statement(const kg_graph_t *g, kg_stmt_t s, const html_nodes_t *nodes, const size_t *src_of)
{
    json_t *o = json_object(), *cites = json_array();
    if (!o || !cites) {
        json_decref(o);
        json_decref(cites);
        return NULL;
    }
    json_object_set_new(o, "s", json_integer((json_int_t)nodes->node_of[kg_stmt_subject(g, s)]));
    json_object_set_new(o, "p", json_string(kg_stmt_predicate(g, s)));
    kg_entity_t obj = kg_stmt_object(g, s);
    if (obj != KG_NONE) {
        json_object_set_new(o, "o", json_integer((json_int_t)nodes->node_of[obj]));
        if (kg_stmt_undirected(g, s))
            json_object_set_new(o, "und", json_true());
    } else {
        kg_value_t v;
        kg_stmt_value(g, s, &v);
        char buf[512];
        kg_value_format(&v, buf, sizeof buf);
        json_object_set_new(o, "v", json_string(buf));
        if (v.type == KG_VALUE_NUMBER && !kg_qualifier_is_vague(v.qualifier)) /* "thousands" is no point */
            json_object_set_new(o, "num", json_real(v.amount));
    }
    const char *as_of = kg_stmt_as_of(g, s);
    int64_t first = KG_DAY_OPEN_END, last = KG_DAY_OPEN_START, a, b;
    if (day_span(as_of, &first, &last)) {
        set_text(o, "d", as_of);
    } else { /* no date of its own: its sources' publication */
        first = KG_DAY_OPEN_END;
        last = KG_DAY_OPEN_START;
    }
    size_t n = kg_stmt_cite_count(g, s);
    for (size_t i = 0; i < n; i++) {
        const char *quote = NULL;
        kg_entity_t src = kg_stmt_cite(g, s, i, &quote);
        json_array_append_new(cites, json_pack("[Io]", (json_int_t)src_of[src], quote ? json_string(quote) : json_null()));
        if (!as_of && day_span(kg_entity_date(g, src), &a, &b)) {
            first = a < first ? a : first;
            last = b > last ? b : last;
        }
    }
    json_object_set_new(o, "c", cites);
    if (first != KG_DAY_OPEN_END || last != KG_DAY_OPEN_START)
        json_object_set_new(o, "t", span_json(first, last));
    kg_entity_t by = kg_stmt_according_to(g, s);
    if (by != KG_NONE) {
        json_object_set_new(o, "by", json_string(kg_entity_name(g, by)));
        if (nodes->node_of[by] != (size_t)-1)
            json_object_set_new(o, "byi", json_integer((json_int_t)nodes->node_of[by]));
    }
    const json_t *ag = kg_stmt_attr(g, s, KG_ATTR_AGREEMENT);
    if (json_is_object(ag))
        json_object_set_new(o, "ag", json_deep_copy(ag));
    const json_t *chosen = json_object_get(kg_stmt_attr(g, s, KG_ATTR_RESOLUTION), KG_ATTR_RESOLUTION_CHOSEN);
    if (json_is_boolean(chosen))
        json_object_set(o, "chosen", (json_t *)chosen);
    return o;
}

json_t *html_data(const kg_graph_t *g, const html_nodes_t *nodes, const char *title)
{
    size_t n_ent = kg_graph_entity_count(g), n_stmt = kg_graph_stmt_count(g);
    size_t *src_of = malloc((n_ent + 1) * sizeof *src_of);
    json_t *doc = json_pack("{s:i,s:s,s:o,s:[],s:[],s:[]}", "kgkit_page", 1, "title", title, "styles", styles(),
                            "sources", "entities", "statements");
    if (!src_of || !doc) {
        free(src_of);
        json_decref(doc);
        return NULL;
    }
    json_t *sources = json_object_get(doc, "sources"), *entities = json_object_get(doc, "entities"),
           *stmts = json_object_get(doc, "statements");
    int failed = 0;
    for (size_t e = 0; e < n_ent; e++) {
        src_of[e] = (size_t)-1;
        if (!kg_entity_is_source(g, (kg_entity_t)e))
            continue;
        src_of[e] = json_array_size(sources);
        json_t *s = json_pack("{s:s}", "id", kg_entity_id(g, (kg_entity_t)e));
        set_text(s, "title", kg_entity_label(g, (kg_entity_t)e));
        set_text(s, "publisher", kg_entity_publisher(g, (kg_entity_t)e));
        set_text(s, "date", kg_entity_date(g, (kg_entity_t)e));
        set_text(s, "url", kg_entity_url(g, (kg_entity_t)e));
        failed |= json_array_append_new(sources, s);
    }
    for (size_t i = 0; i < nodes->n && !failed; i++) {
        kg_entity_t e = nodes->entity[i];
        json_t *x = json_pack("{s:s,s:s,s:f,s:f}", "id", kg_entity_id(g, e), "label", kg_entity_name(g, e), "x",
                              nodes->xy[2 * i], "y", nodes->xy[2 * i + 1]);
        set_text(x, "kind", kg_entity_kind(g, e));
        size_t n_al = kg_entity_alias_count(g, e);
        if (n_al) {
            json_t *al = json_array();
            for (size_t k = 0; k < n_al; k++)
                json_array_append_new(al, json_string(kg_entity_alias(g, e, k)));
            json_object_set_new(x, "aliases", al);
        }
        const json_t *resolved = kg_entity_attr(g, e, KG_ATTR_RESOLVED);
        if (json_is_object(resolved))
            json_object_set_new(x, "resolved", json_deep_copy(resolved));
        failed |= json_array_append_new(entities, x);
    }
    for (size_t s = 0; s < n_stmt && !failed; s++)
        failed |= json_array_append_new(stmts, statement(g, (kg_stmt_t)s, nodes, src_of));
    free(src_of);
    if (failed) {
        json_decref(doc);
        return NULL;
    }
    return doc;
}
