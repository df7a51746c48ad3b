/* build.c - the diagram of a kgkit graph (a gv_doc, doc.c): styles by kind, merged edges, provenance tooltips, disputed facts, legend. */
#include "graphviz_plugin.h"
#include "kinds.h"

#include <ctype.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

/* ----------------------------------------------------------- strings */

/* Graphviz reads "&name;", "&#NN;" and "&#xHH;" in a label as a character: is s the start of one? */
int gv_is_entity(const char *s)
{
    if (*s++ != '&')
        return 0;
    const char *start = s;
    if (*s == '#') {
        s++;
        int hexa = *s == 'x' || *s == 'X';
        s += hexa;
        start = s;
        while (hexa ? isxdigit((unsigned char)*s) : isdigit((unsigned char)*s))
            s++;
    } else {
        while (isalnum((unsigned char)*s))
            s++;
    }
    return s > start && *s == ';';
}

void gv_buf_add_escaped(kg_buf_t *b, const char *s)
{
    const char *run = s; /* the bytes since the last one that needs care, added at once */
    for (;; s++) {
        unsigned char c = (unsigned char)*s;
        if (c >= 0x20 && c != '\\' && c != '&' && c != 0xef)
            continue;
        kg_buf_add(b, run, (size_t)(s - run));
        run = s + 1;
        if (!c)
            break;
        if (c == '\\')
            kg_buf_add(b, "\\\\", 2);
        else if (c == '\n')
            kg_buf_add(b, "\\n", 2);
        else if (c == '\r')
            continue;
        else if (c < 0x20 && c != '\t')
            kg_buf_puts(b, "\xef\xbf\xbd"); /* control characters cannot go into SVG: U+FFFD */
        else if (c == '&' && gv_is_entity(s))
            kg_buf_puts(b, "&amp;"); /* "&amp;" as written, not as "&" */
        else if (gv_starts_with_bom(s))
            s += 2, run = s + 1; /* U+FEFF, invisible: Graphviz's reader drops it at the start of a value, then fails */
        else
            kg_buf_add(b, s, 1);
    }
}

const char *gv_buf_str(const kg_buf_t *b)
{
    return b->data && !b->failed ? b->data : "";
}

/* ------------------------------------------------------------- styles (kinds.h) */


static const kind_style_t *style_of(const char *kind)
{
    for (size_t i = 0; i < sizeof kind_styles / sizeof *kind_styles; i++)
        if (kind && strcmp(kind, kind_styles[i].kind) == 0)
            return &kind_styles[i];
    return &other_style;
}

static void style_node(gv_obj_t *n, const kind_style_t *st)
{
    gv_set(n, "shape", st->shape);
    gv_set(n, "style", st->style);
    gv_set(n, "fillcolor", st->fill);
    gv_set(n, "color", st->line);
}

/* ------------------------------------------------------------ options */

const kg_param_t gv_diagram_params[] = {GV_DIAGRAM_PARAMS, {NULL, NULL, NULL, NULL}};
const kg_param_t gv_render_params[] = {
    GV_DIAGRAM_PARAMS,
    {"engine", "string", "auto", "layout: dot, neato, fdp, sfdp, circo, twopi, or auto (twopi around= an entity, "
                                 "centred on it; else dot up to dot_max_nodes and dot_max_edges, sfdp above)"},
    {"dot_max_nodes", "int", "300", "auto engine: the most entities dot lays out"},
    {"dot_max_edges", "int", "1000", "auto engine: the most edges dot lays out"},
    {"label_max", "int", "200", "past this many entities, only the most central keep their labels (PageRank when "
                                "the centrality analysis ran, else the most relations); 0 keeps them all"},
    {NULL, NULL, NULL, NULL}};

/* Read against the render exporters' table, a superset of the DOT exporter's: the host refuses a parameter the
 * exporter does not declare before this runs, so for DOT the extra ones take their declared defaults. */
int gv_options_read(const kg_opts_t *opts, gv_options_t *o, kg_error_t *err)
{
    static const char *const edge_labels[] = {"on", "off", "auto", NULL}, *const claims[] = {"tooltip", "label", NULL},
                             *const rankdirs[] = {"LR", "RL", "TB", "BT", NULL},
                             *const engines[] = {"auto", "dot", "neato", "fdp", "sfdp", "circo", "twopi", NULL};
    const kg_param_t *t = gv_render_params;
    int rc, labels, claim, rankdir, engine;
    memset(o, 0, sizeof *o);
    o->focus = KG_NONE;
    if ((rc = kg_param_bool(opts, t, "source_nodes", &o->sources, err)) ||
        (rc = kg_param_bool(opts, t, "legend", &o->legend, err)) ||
        (rc = kg_param_int(opts, t, "edge_label_max", &o->edge_label_max, err)) ||
        (rc = kg_param_int(opts, t, "dot_max_nodes", &o->dot_max_nodes, err)) ||
        (rc = kg_param_int(opts, t, "dot_max_edges", &o->dot_max_edges, err)) ||
        (rc = kg_param_int(opts, t, "label_max", &o->label_max, err)) ||
        (rc = kg_param_choice(opts, t, "edge_labels", edge_labels, &labels, err)) ||
        (rc = kg_param_choice(opts, t, "claims", claims, &claim, err)) ||
        (rc = kg_param_choice(opts, t, "rankdir", rankdirs, &rankdir, err)) ||
        (rc = kg_param_choice(opts, t, "engine", engines, &engine, err)) ||
        (rc = kg_param_string(opts, t, "color_by", &o->color_by, err)) ||
        (rc = kg_param_string(opts, t, "size_by", &o->size_by, err)))
        return rc;
    o->edge_labels = labels == 2 ? -1 : labels == 0;
    o->claims_in_label = claim == 1;
    o->rankdir = rankdirs[rankdir];
    o->engine = engines[engine];
    if (o->edge_label_max < 0 || o->dot_max_nodes < 0 || o->dot_max_edges < 0 || o->label_max < 0)
        return kg_error_say(err, KG_EUSAGE, "size limits must be 0 or more");
    return KG_OK;
}

#define MAX_TOOLTIP_ITEMS 25

/* ------------------------------------------------------- the verdicts */

/* The agreement analysis's verdict on a statement, when it ran. */
typedef struct verdict {
    const char *status; /* NULL when the analysis did not run */
    int disputed;
} verdict_t;

static verdict_t verdict_of(const kg_graph_t *g, kg_stmt_t s)
{
    verdict_t v = {NULL, 0};
    const json_t *a = kg_stmt_attr(g, s, KG_ATTR_AGREEMENT);
    if (json_is_object(a)) {
        v.status = json_string_value(json_object_get(a, KG_ATTR_AGREEMENT_STATUS));
        v.disputed = json_is_true(json_object_get(a, KG_ATTR_AGREEMENT_DISPUTED));
    }
    return v;
}

/* "src:001 (2024-12): "quote"" lines of a statement's citations. */
static void add_citations(kg_buf_t *b, const kg_graph_t *g, kg_stmt_t s)
{
    for (size_t i = 0; i < kg_stmt_cite_count(g, s); i++) {
        const char *quote;
        kg_entity_t src = kg_stmt_cite(g, s, i, &quote);
        const char *date = kg_entity_date(g, src), *pub = kg_entity_publisher(g, src);
        kg_buf_puts(b, "\n    ");
        gv_buf_add_escaped(b, kg_entity_id(g, src));
        if (pub || date) {
            kg_buf_puts(b, " (");
            gv_buf_add_escaped(b, pub ? pub : "");
            kg_buf_puts(b, pub && date ? ", " : "");
            gv_buf_add_escaped(b, date ? date : "");
            kg_buf_puts(b, ")");
        }
        if (quote) {
            kg_buf_puts(b, ": \xe2\x80\x9c");
            gv_buf_add_escaped(b, quote);
            kg_buf_puts(b, "\xe2\x80\x9d");
        }
    }
}

/* "political_prisoners_held: about 1,400 people (as of 2024) [conflict]" */
static void add_claim(kg_buf_t *b, const kg_graph_t *g, kg_stmt_t s)
{
    kg_value_t v;
    char value[256];
    kg_stmt_value(g, s, &v);
    kg_value_format(&v, value, sizeof value);
    verdict_t vd = verdict_of(g, s);
    kg_entity_t by = kg_stmt_according_to(g, s);
    gv_buf_add_escaped(b, kg_stmt_predicate(g, s));
    kg_buf_puts(b, ": ");
    gv_buf_add_escaped(b, value);
    if (kg_stmt_as_of(g, s)) {
        kg_buf_puts(b, " (as of ");
        gv_buf_add_escaped(b, kg_stmt_as_of(g, s));
        kg_buf_puts(b, ")");
    }
    if (by != KG_NONE) {
        kg_buf_puts(b, ", according to ");
        gv_buf_add_escaped(b, kg_entity_name(g, by));
    }
    if (vd.status)
        kg_buf_printf(b, " [%s%s]", vd.status, vd.disputed ? ", disputed" : "");
    if (json_is_true(json_object_get(kg_stmt_attr(g, s, KG_ATTR_RESOLUTION), KG_ATTR_RESOLUTION_CHOSEN)))
        kg_buf_puts(b, " [chosen]");
}

/* A value as the resolve analysis writes it back ({"amount", "qualifier", "unit"}, a number, a text, a date,
 * or {"object": id}), for people. */
static void add_resolved_value(kg_buf_t *b, const kg_graph_t *g, const json_t *item)
{
    const json_t *v = json_object_get(item, "value"), *o = json_object_get(item, "object");
    kg_value_t x;
    char text[256];
    kg_value_init(&x);
    if (json_is_string(o)) {
        kg_entity_t e = kg_graph_entity_by_id(g, json_string_value(o));
        gv_buf_add_escaped(b, e != KG_NONE ? kg_entity_name(g, e) : json_string_value(o));
        return;
    }
    if (json_is_number(v)) {
        x.type = KG_VALUE_NUMBER;
        x.amount = json_number_value(v);
    } else if (json_is_string(v)) {
        gv_buf_add_escaped(b, json_string_value(v));
        return;
    } else if (json_is_object(v) && json_is_string(json_object_get(v, "date"))) {
        gv_buf_add_escaped(b, json_string_value(json_object_get(v, "date")));
        return;
    } else if (json_is_object(v)) {
        x.type = KG_VALUE_NUMBER;
        x.amount = json_number_value(json_object_get(v, "amount"));
        if (kg_qualifier_parse(json_string_value(json_object_get(v, "qualifier")), &x.qualifier) != KG_OK)
            x.qualifier = KG_Q_EXACT;
        x.unit = json_string_value(json_object_get(v, "unit"));
        if (json_is_number(json_object_get(v, "lower")))
            x.lower = json_number_value(json_object_get(v, "lower"));
        if (json_is_number(json_object_get(v, "upper")))
            x.upper = json_number_value(json_object_get(v, "upper"));
    } else {
        return;
    }
    kg_value_format(&x, text, sizeof text);
    gv_buf_add_escaped(b, text);
}

/* The most credible values the resolve analysis wrote back on an entity: "pred, as_of: value (confidence)". */
static void add_resolved(kg_buf_t *b, const kg_graph_t *g, kg_entity_t e)
{
    const json_t *res = kg_entity_attr(g, e, KG_ATTR_RESOLVED);
    const char *pred;
    const json_t *list;
    size_t shown = 0, total = 0;
    if (!json_is_object(res) || !json_object_size(res))
        return;
    kg_buf_puts(b, "\n\nmost credible values (kgkit analyze resolve):");
    json_object_foreach((json_t *)res, pred, list) {
        size_t i;
        const json_t *item;
        json_array_foreach(list, i, item) {
            total++;
            if (shown >= MAX_TOOLTIP_ITEMS)
                continue;
            const json_t *as_of = json_object_get(item, "as_of");
            kg_buf_puts(b, "\n  ");
            gv_buf_add_escaped(b, pred);
            if (json_is_string(as_of)) {
                kg_buf_puts(b, ", ");
                gv_buf_add_escaped(b, json_string_value(as_of));
            }
            kg_buf_puts(b, ": ");
            add_resolved_value(b, g, item);
            kg_buf_printf(b, " (confidence %.2f)", json_number_value(json_object_get(item, "confidence")));
            shown++;
        }
    }
    if (total > shown)
        kg_buf_printf(b, "\n  ... and %zu more", total - shown);
}

/* ------------------------------------------------------------ nodes */

/* The node of an entity: label, style by kind, tooltip with its claims.
 * Returns 1 when one of its claims is disputed. */
/* The number size_by= names on an entity: its attribute of that name, else the centrality analysis's measure of that
 * name (attrs.centrality.pagerank for size_by=pagerank); NULL when it holds no number there. */
static const json_t *size_value(const kg_graph_t *g, kg_entity_t e, const char *name)
{
    const json_t *v = kg_entity_attr(g, e, name);
    if (!v) {
        const json_t *c = kg_entity_attr(g, e, KG_ATTR_CENTRALITY);
        v = json_is_object(c) ? json_object_get(c, name) : NULL;
    }
    return json_is_number(v) ? v : NULL;
}

/* The range of size_by= over the drawn entities, which the sizes scale between. */
typedef struct size_range {
    double min, max;
    int any;
} size_range_t;

/* Sizes a node by where its value stands in the range: the area grows with the value (the square root of its
 * place), from the default size to about three times its width; an entity without the value keeps the default. */
static void size_node(gv_obj_t *n, kg_buf_t *tip, const kg_graph_t *g, kg_entity_t e, const char *name,
                      const size_range_t *r)
{
    const json_t *v = size_value(g, e, name);
    if (!v)
        return;
    double x = json_number_value(v), place = r->max > r->min ? (x - r->min) / (r->max - r->min) : 1.0;
    double s = sqrt(place < 0 ? 0 : place > 1 ? 1 : place);
    char num[32];
    snprintf(num, sizeof num, "%.1f", 11 + 13 * s);
    gv_set(n, "fontsize", num);
    snprintf(num, sizeof num, "%.2f", 0.75 + 1.5 * s);
    gv_set(n, "width", num);
    snprintf(num, sizeof num, "%.2f", 0.5 + 1.0 * s);
    gv_set(n, "height", num);
    kg_buf_puts(tip, "\\n");
    gv_buf_add_escaped(tip, name);
    kg_buf_printf(tip, " %g", x);
}

/* color_by=: an integer (a community, a component) picks a colour of a qualitative palette by its number; a text
 * (or true/false) one of the same palette by its rank among the values drawn, the most frequent first, past the
 * palette's size "other"; a fractional number a shade of a sequential scale by its place between the smallest and
 * the largest drawn. ColorBrewer's Set3 and Blues, light enough for black text. */
static const char *const group_palette[] = {"#8dd3c7", "#ffffb3", "#bebada", "#fb8072", "#80b1d3", "#fdb462",
                                            "#b3de69", "#fccde5", "#d9d9d9", "#bc80bd", "#ccebc5", "#ffed6f"};
/* categories take the palette without its grey, which stands for the rest */
static const char *const category_palette[] = {"#8dd3c7", "#ffffb3", "#bebada", "#fb8072", "#80b1d3", "#fdb462",
                                               "#b3de69", "#fccde5", "#bc80bd", "#ccebc5", "#ffed6f"};
#define N_CATEGORIES (sizeof category_palette / sizeof *category_palette)
#define OTHER_FILL "#d9d9d9"
static const char *const scale_palette[] = {"#f7fbff", "#deebf7", "#c6dbef", "#9ecae1", "#6baed6"};
#define N_SHADES (sizeof scale_palette / sizeof *scale_palette)

typedef struct color_map {
    json_t *rank;          /* a text value -> its rank (integer, from 0) among the values drawn; NULL: none */
    size_t n_values;       /* distinct text values drawn */
    double min, max;       /* fractional numbers drawn */
    int any_real;
} color_map_t;

/* The text a category value stands as: a string, or true / false; NULL for other values. */
static const char *category_text(const json_t *v)
{
    return json_is_string(v) ? json_string_value(v) : json_is_true(v) ? "true" : json_is_false(v) ? "false" : NULL;
}

typedef struct counted {
    const char *text;
    json_int_t n;
} counted_t;

static int by_count_desc(const void *a, const void *b)
{
    const counted_t *x = a, *y = b;
    return x->n != y->n ? (x->n < y->n ? 1 : -1) : strcmp(x->text, y->text);
}

/* The colour map of color_by= over the drawn entities. 0, or -1 out of memory. */
static int color_map_build(color_map_t *m, const kg_graph_t *g, const char *attr, const unsigned char *drawn,
                           size_t n_ent)
{
    memset(m, 0, sizeof *m);
    json_t *counts = json_object();
    if (!counts)
        return -1;
    for (kg_entity_t e = 0; e < n_ent; e++) {
        const json_t *v = drawn[e] ? kg_entity_attr(g, e, attr) : NULL;
        const char *text = category_text(v);
        if (text) {
            json_t *c = json_object_get(counts, text);
            json_object_set_new(counts, text, json_integer(c ? json_integer_value(c) + 1 : 1));
        } else if (json_is_real(v)) {
            double x = json_real_value(v);
            m->min = m->any_real && m->min < x ? m->min : x;
            m->max = m->any_real && m->max > x ? m->max : x;
            m->any_real = 1;
        }
    }
    m->n_values = json_object_size(counts);
    counted_t *list = malloc((m->n_values ? m->n_values : 1) * sizeof *list);
    if (!list || !(m->rank = json_object())) {
        free(list);
        json_decref(counts);
        return -1;
    }
    size_t i = 0;
    const char *key;
    json_t *v;
    json_object_foreach(counts, key, v) list[i++] = (counted_t){key, json_integer_value(v)};
    qsort(list, m->n_values, sizeof *list, by_count_desc);
    for (i = 0; i < m->n_values; i++)
        json_object_set_new(m->rank, list[i].text, json_integer((json_int_t)i));
    free(list);
    json_decref(counts);
    return 0;
}

/* The fill color_by= gives an entity, with its value for the tooltip; NULL when its value gives none. */
static const char *color_of(const color_map_t *m, const json_t *v)
{
    if (json_is_integer(v)) {
        json_int_t number = json_integer_value(v);
        /* groups count from 1; any integer picks a colour (INT64_MIN included) */
        uint64_t index = number > 0 ? (uint64_t)number - 1 : 0 - (uint64_t)number;
        return group_palette[index % (sizeof group_palette / sizeof *group_palette)];
    }
    if (json_is_real(v)) {
        double x = json_real_value(v), place = m->max > m->min ? (x - m->min) / (m->max - m->min) : 1.0;
        size_t shade = (size_t)(place * (double)N_SHADES);
        return scale_palette[shade < N_SHADES ? shade : N_SHADES - 1];
    }
    const char *text = category_text(v);
    const json_t *rank = text && m->rank ? json_object_get(m->rank, text) : NULL;
    if (!rank)
        return NULL;
    json_int_t r = json_integer_value(rank);
    return r < (json_int_t)N_CATEGORIES ? category_palette[r] : OTHER_FILL;
}

/* An entity and how central it is, for ranking. */
typedef struct ranked {
    double score;
    kg_entity_t e;
} ranked_t;

static int by_score_desc(const void *a, const void *b)
{
    const ranked_t *x = a, *y = b;
    return x->score < y->score ? 1 : x->score > y->score ? -1 : (x->e > y->e) - (x->e < y->e);
}

/* Which entities keep their labels in a picture of more than label_max: the label_max most central, by PageRank
 * when the centrality analysis wrote it, else by how many drawn relations they have; the focus always. NULL
 * (every label) when the picture is small enough, or out of memory (then every label too: a slower picture, not
 * a wrong one). */
static unsigned char *labels_kept(const kg_graph_t *g, const gv_options_t *o, const unsigned char *eligible,
                                  size_t n_ent)
{
    size_t n = 0;
    for (kg_entity_t e = 0; e < n_ent; e++)
        n += eligible[e];
    if (!o->label_max || n <= (size_t)o->label_max)
        return NULL;
    ranked_t *r = calloc(n_ent ? n_ent : 1, sizeof *r);
    unsigned char *keep = calloc(n_ent ? n_ent : 1, 1);
    if (!r || !keep) {
        free(r);
        free(keep);
        return NULL;
    }
    int by_pagerank = 0;
    for (kg_entity_t e = 0; e < n_ent && !by_pagerank; e++)
        by_pagerank = eligible[e] && size_value(g, e, KG_ATTR_CENTRALITY_PAGERANK) != NULL;
    for (kg_entity_t e = 0; e < n_ent; e++) {
        r[e].e = e;
        const json_t *pr = by_pagerank ? size_value(g, e, KG_ATTR_CENTRALITY_PAGERANK) : NULL;
        r[e].score = !eligible[e] ? -1 : pr ? json_number_value(pr) : 0;
    }
    for (kg_stmt_t s = 0; !by_pagerank && s < kg_graph_stmt_count(g); s++) {
        kg_entity_t a = kg_stmt_subject(g, s), b = kg_stmt_object(g, s);
        if (b != KG_NONE && eligible[a] && eligible[b]) {
            r[a].score++;
            r[b].score++;
        }
    }
    qsort(r, n_ent, sizeof *r, by_score_desc);
    for (size_t i = 0; i < (size_t)o->label_max; i++)
        keep[r[i].e] = 1;
    if (o->focus != KG_NONE)
        keep[o->focus] = 1;
    free(r);
    return keep;
}

static int draw_entity(gv_doc_t *G, const kg_graph_t *g, kg_entity_t e, const gv_options_t *o,
                       const size_range_t *size, const color_map_t *colors, int labelled, gv_obj_t **out)
{
    kg_buf_t label = {0}, tip = {0}, name = {0};
    gv_obj_t *n = gv_doc_node(G, gv_node_name(kg_entity_id(g, e), &name), 1);
    const char *kind = kg_entity_kind(g, e);
    kg_buf_free(&name);
    int disputed = 0, shown = 0;
    style_node(n, style_of(kind));
    gv_buf_add_literal(&name, kind ? kind : "entity");
    gv_set(n, "kind", gv_buf_str(&name)); /* for the DOT importer; Graphviz ignores it */
    kg_buf_free(&name);
    if (kg_entity_is_source(g, e)) { /* titles are long: the id, publisher and date */
        const char *pub = kg_entity_publisher(g, e), *date = kg_entity_date(g, e);
        gv_buf_add_escaped(&label, kg_entity_id(g, e));
        if (pub || date)
            kg_buf_puts(&label, "\\n");
        gv_buf_add_escaped(&label, pub ? pub : "");
        kg_buf_puts(&label, pub && date ? ", " : "");
        gv_buf_add_escaped(&label, date ? date : "");
    } else {
        gv_buf_add_escaped(&label, kg_entity_name(g, e));
    }
    gv_buf_add_escaped(&tip, kg_entity_name(g, e));
    kg_buf_puts(&tip, " (");
    gv_buf_add_escaped(&tip, kind ? kind : "entity");
    kg_buf_puts(&tip, ", ");
    gv_buf_add_escaped(&tip, kg_entity_id(g, e));
    kg_buf_puts(&tip, ")");
    if (kg_entity_alias_count(g, e)) {
        kg_buf_puts(&tip, "\\nalso: ");
        for (size_t i = 0; i < kg_entity_alias_count(g, e); i++) {
            kg_buf_puts(&tip, i ? ", " : "");
            gv_buf_add_escaped(&tip, kg_entity_alias(g, e, i));
        }
    }
    if (kg_entity_date(g, e)) {
        kg_buf_puts(&tip, "\\ndate: ");
        gv_buf_add_escaped(&tip, kg_entity_date(g, e));
    }
    size_t k;
    const kg_stmt_t *st = kg_graph_stmts_by_subject(g, e, &k);
    size_t claims = 0;
    for (size_t i = 0; i < k; i++) {
        if (kg_stmt_object(g, st[i]) != KG_NONE)
            continue;
        claims++;
        disputed |= verdict_of(g, st[i]).disputed;
        if (shown < MAX_TOOLTIP_ITEMS) {
            kg_buf_puts(&tip, "\\n\\n");
            add_claim(&tip, g, st[i]);
            add_citations(&tip, g, st[i]);
            if (o->claims_in_label) {
                kg_buf_puts(&label, "\\n");
                add_claim(&label, g, st[i]);
            }
            shown++;
        }
    }
    if (claims > (size_t)shown)
        kg_buf_printf(&tip, "\\n... and %zu more claims", claims - (size_t)shown);
    add_resolved(&tip, g, e);
    const json_t *value = o->color_by ? kg_entity_attr(g, e, o->color_by) : NULL;
    const char *fill = value ? color_of(colors, value) : NULL;
    if (fill) {
        gv_set(n, "fillcolor", fill);
        kg_buf_puts(&tip, "\\n");
        gv_buf_add_escaped(&tip, o->color_by);
        kg_buf_puts(&tip, " ");
        if (json_is_integer(value)) {
            kg_buf_printf(&tip, "%lld", (long long)json_integer_value(value));
        } else if (json_is_real(value)) {
            kg_buf_printf(&tip, "%g", json_real_value(value));
        } else {
            gv_buf_add_escaped(&tip, category_text(value));
        }
    }
    if (o->size_by)
        size_node(n, &tip, g, e, o->size_by, size);
    if (disputed) {
        gv_set(n, "color", DISPUTED_COLOR);
        gv_set(n, "penwidth", "2.5");
        kg_buf_puts(&tip, "\\n\\n(red border: some of these figures are disputed by other sources)");
    }
    if (!label.len) /* nothing visible (an empty or invisible label): the id, as for an entity without one */
        gv_buf_add_escaped(&label, kg_entity_id(g, e));
    if (!label.len) /* an invisible id too: U+FFFD, a character that cannot be shown */
        kg_buf_puts(&label, "\xef\xbf\xbd");
    if (labelled) {
        gv_set(n, "label", gv_buf_str(&label));
    } else { /* a dot of its size, its name in the tooltip */
        gv_set(n, "label", "");
        gv_set(n, "fixedsize", "true");
        if (!o->size_by || !size_value(g, e, o->size_by)) {
            gv_set(n, "width", "0.3");
            gv_set(n, "height", "0.3");
        }
    }
    gv_set(n, "tooltip", gv_buf_str(&tip));
    kg_buf_free(&label);
    kg_buf_free(&tip);
    *out = n;
    return disputed;
}

/* -------------------------------------------------------------- edges */

/* Relations between the same ordered pair are drawn as one edge. */
typedef struct edge_group {
    kg_entity_t from, to;
    kg_stmt_t first, last; /* a list of statements through next[] */
    size_t n;
} edge_group_t;

typedef struct pair_map {
    uint64_t *keys;
    uint32_t *vals;
    size_t cap;
} pair_map_t;

static size_t pair_slot(const pair_map_t *m, uint64_t key)
{
    size_t h = (size_t)kg_hash_u64(key) & (m->cap - 1);
    while (m->vals[h] != UINT32_MAX && m->keys[h] != key)
        h = (h + 1) & (m->cap - 1);
    return h;
}

/* Groups the relations whose ends are both drawn. */
static int group_relations(const kg_graph_t *g, const unsigned char *drawn, edge_group_t **groups_out, size_t *n_out,
                           kg_stmt_t **next_out)
{
    size_t n_st = kg_graph_stmt_count(g), n = 0, cap = 64;
    pair_map_t m = {NULL, NULL, 64};
    while (m.cap < 2 * n_st + 2)
        m.cap *= 2;
    m.keys = malloc(m.cap * sizeof *m.keys);
    m.vals = malloc(m.cap * sizeof *m.vals);
    edge_group_t *groups = malloc(cap * sizeof *groups);
    kg_stmt_t *next = malloc((n_st ? n_st : 1) * sizeof *next);
    if (!m.keys || !m.vals || !groups || !next)
        goto fail;
    memset(m.vals, 0xff, m.cap * sizeof *m.vals);
    for (kg_stmt_t s = 0; s < n_st; s++) {
        kg_entity_t a = kg_stmt_subject(g, s), b = kg_stmt_object(g, s);
        if (b == KG_NONE || !drawn[a] || !drawn[b])
            continue;
        uint64_t key = ((uint64_t)a << 32) | b;
        size_t h = pair_slot(&m, key);
        next[s] = KG_NONE;
        if (m.vals[h] == UINT32_MAX) {
            if (n == cap) {
                edge_group_t *x = realloc(groups, 2 * cap * sizeof *x);
                if (!x)
                    goto fail;
                groups = x;
                cap *= 2;
            }
            m.keys[h] = key;
            m.vals[h] = (uint32_t)n;
            groups[n++] = (edge_group_t){a, b, s, s, 1};
        } else {
            edge_group_t *gr = &groups[m.vals[h]];
            next[gr->last] = s;
            gr->last = s;
            gr->n++;
        }
    }
    free(m.keys);
    free(m.vals);
    *groups_out = groups;
    *n_out = n;
    *next_out = next;
    return 0;
fail:
    free(m.keys);
    free(m.vals);
    free(groups);
    free(next);
    return -1;
}

static void draw_edge(gv_doc_t *G, gv_obj_t *const *node_of, const kg_graph_t *g, const edge_group_t *gr,
                      const kg_stmt_t *next, int with_label)
{
    gv_obj_t *e = gv_doc_edge(G, node_of[gr->from], node_of[gr->to]);
    kg_buf_t preds = {0}, shown_preds = {0}, tip = {0}, sources = {0};
    int disputed = 0, agreed = 0, judged = 0, shown = 0, directed = 0;
    size_t n_sources = 0, cap_sources = 0;
    kg_entity_t *seen_sources = NULL;
    size_t n_preds = 0;
    for (kg_stmt_t s = gr->first; s != KG_NONE; s = next[s]) {
        const char *p = kg_stmt_predicate(g, s);
        /* predicates, each once */
        int seen = 0;
        for (kg_stmt_t t = gr->first; t != s; t = next[t])
            seen |= strcmp(kg_stmt_predicate(g, t), p) == 0;
        if (!seen) {
            gv_buf_add_list_item(&preds, p);
            if (strcmp(p, KG_PREDICATE_UNLABELLED)) { /* a relation its file did not name: no label to show */
                kg_buf_puts(&shown_preds, n_preds++ ? ", " : "");
                kg_buf_puts(&shown_preds, p);
            }
        }
        directed |= !kg_stmt_undirected(g, s);
        verdict_t v = verdict_of(g, s);
        judged |= v.status != NULL;
        disputed |= v.disputed;
        agreed |= v.status && !strcmp(v.status, "agreed");
        for (size_t i = 0; i < kg_stmt_cite_count(g, s); i++) {
            kg_entity_t src = kg_stmt_cite(g, s, i, NULL);
            int known = 0;
            for (size_t j = 0; j < n_sources && !known; j++)
                known = seen_sources[j] == src;
            if (known)
                continue;
            if (n_sources == cap_sources) {
                size_t cap = cap_sources ? 2 * cap_sources : 8;
                kg_entity_t *x = realloc(seen_sources, cap * sizeof *x);
                if (!x)
                    continue;
                seen_sources = x;
                cap_sources = cap;
            }
            seen_sources[n_sources++] = src;
            gv_buf_add_list_item(&sources, kg_entity_id(g, src));
        }
        if (shown++ < MAX_TOOLTIP_ITEMS) {
            kg_buf_puts(&tip, shown > 1 ? "\\n\\n" : "");
            gv_buf_add_escaped(&tip, kg_entity_name(g, gr->from));
            kg_buf_puts(&tip, " \xe2\x80\x94 ");
            gv_buf_add_escaped(&tip, p);
            kg_buf_puts(&tip, " \xe2\x86\x92 ");
            gv_buf_add_escaped(&tip, kg_entity_name(g, gr->to));
            if (kg_stmt_as_of(g, s)) {
                kg_buf_puts(&tip, " (as of ");
                gv_buf_add_escaped(&tip, kg_stmt_as_of(g, s));
                kg_buf_puts(&tip, ")");
            }
            if (v.status)
                kg_buf_printf(&tip, " [%s%s]", v.status, v.disputed ? ", disputed" : "");
            if (!kg_stmt_cite_count(g, s))
                kg_buf_puts(&tip, "\\n    (no source)");
            add_citations(&tip, g, s);
        }
    }
    if (gr->n > MAX_TOOLTIP_ITEMS)
        kg_buf_printf(&tip, "\\n... and %zu more", gr->n - MAX_TOOLTIP_ITEMS);
    gv_set(e, "predicate", gv_buf_str(&preds));
    gv_set(e, "sources", gv_buf_str(&sources));
    if (!directed) /* symmetric relations, and those of undirected graphs, have no arrowhead */
        gv_set(e, "dir", "none");
    gv_set(e, "tooltip", gv_buf_str(&tip));
    if (with_label && n_preds) {
        kg_buf_t label = {0};
        gv_buf_add_escaped(&label, gv_buf_str(&shown_preds));
        gv_set(e, "label", gv_buf_str(&label));
        kg_buf_free(&label);
    }
    char width[16];
    if (disputed) {
        gv_set(e, "color", DISPUTED_COLOR);
        gv_set(e, "fontcolor", DISPUTED_COLOR);
        gv_set(e, "style", "dashed");
        gv_set(e, "penwidth", "2");
    } else if (agreed) {
        gv_set(e, "penwidth", "2.5");
    } else if (!judged && n_sources > 1) {
        /* no verdicts: more sources, heavier */
        snprintf(width, sizeof width, "%.1f", 1 + 0.6 * (double)(n_sources - 1 < 4 ? n_sources - 1 : 4));
        gv_set(e, "penwidth", width);
    }
    kg_buf_free(&preds);
    kg_buf_free(&shown_preds);
    kg_buf_free(&tip);
    kg_buf_free(&sources);
    free(seen_sources);
}

/* Dotted edges from each drawn source to the entities its statements are about. */
static int draw_reporting(gv_doc_t *G, gv_obj_t *const *node_of, const kg_graph_t *g, size_t *edges)
{
    size_t n_src, n_ent = kg_graph_entity_count(g);
    const kg_entity_t *srcs = kg_graph_entities_of_kind(g, KG_KIND_SOURCE, &n_src);
    uint32_t *count = calloc(n_ent + 1, sizeof *count);
    kg_entity_t *touched = malloc((n_ent + 1) * sizeof *touched);
    if (!count || !touched) {
        free(count);
        free(touched);
        return -1;
    }
    for (size_t i = 0; i < n_src; i++) {
        size_t k, n_touched = 0;
        const kg_stmt_t *st = kg_graph_stmts_by_source(g, srcs[i], &k);
        for (size_t j = 0; j < k; j++) {
            kg_entity_t ends[2] = {kg_stmt_subject(g, st[j]), kg_stmt_object(g, st[j])};
            for (int side = 0; side < 2; side++) {
                kg_entity_t x = ends[side];
                if (x == KG_NONE || kg_entity_is_source(g, x))
                    continue;
                if (!count[x]++)
                    touched[n_touched++] = x;
            }
        }
        gv_obj_t *sn = node_of[srcs[i]];
        for (size_t j = 0; j < n_touched && sn; j++) {
            gv_obj_t *en = node_of[touched[j]];
            if (en) {
                gv_obj_t *e = gv_doc_edge(G, sn, en);
                ++*edges;
                kg_buf_t esc = {0};
                gv_buf_add_escaped(&esc, kg_entity_id(g, srcs[i]));
                kg_buf_printf(&esc, " reports %u statement%s about ", count[touched[j]],
                            count[touched[j]] == 1 ? "" : "s");
                gv_buf_add_escaped(&esc, kg_entity_name(g, touched[j]));
                gv_set(e, "tooltip", gv_buf_str(&esc));
                kg_buf_free(&esc);
                gv_set(e, "style", "dotted");
                gv_set(e, "color", "#999999");
                gv_set(e, "arrowhead", "none");
                gv_set(e, "predicate", "reports");
            }
        }
        for (size_t j = 0; j < n_touched; j++)
            count[touched[j]] = 0;
    }
    free(count);
    free(touched);
    return 0;
}

/* ------------------------------------------------------------- legend */

/* The legend: one node holding a table, so that it stays in one piece
 * whatever the layout engine (clusters are dot's only). */
/* An attribute's name in an HTML-like label: markup characters as entities, control characters as spaces. */
static void legend_name(kg_buf_t *t, const char *name)
{
    for (const char *p = name; *p; p++) {
        static const char *const entity[] = {['&'] = "&amp;", ['<'] = "&lt;", ['>'] = "&gt;", ['"'] = "&quot;"};
        unsigned char c = (unsigned char)*p;
        char one[2] = {*p, '\0'};
        if (c < 0x20)
            kg_buf_puts(t, " ");
        else
            kg_buf_puts(t, c < sizeof entity / sizeof *entity && entity[c] ? entity[c] : one);
    }
}

static void draw_legend(gv_doc_t *G, const unsigned char *kinds_used, int any_disputed, int any_other,
                        const char *color_by, const color_map_t *colors, const char *size_by,
                        const size_range_t *size, int straight)
{
    kg_buf_t t = {0};
    kg_buf_puts(&t, "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"3\" CELLPADDING=\"2\">"
                   "<TR><TD COLSPAN=\"2\"><B>legend</B></TD></TR>");
    for (size_t i = 0; i < sizeof kind_styles / sizeof *kind_styles; i++)
        if (kinds_used[i])
            kg_buf_printf(&t, "<TR><TD BORDER=\"1\" COLOR=\"%s\" BGCOLOR=\"%s\" COLSPAN=\"2\">%s</TD></TR>",
                        kind_styles[i].line, kind_styles[i].fill, kind_styles[i].legend);
    if (any_other)
        kg_buf_printf(&t, "<TR><TD BORDER=\"1\" COLOR=\"%s\" COLSPAN=\"2\">other kinds</TD></TR>",
                    other_style.line);
    if (color_by) {
        kg_buf_puts(&t, "<TR><TD COLSPAN=\"2\">fill: ");
        legend_name(&t, color_by);
        kg_buf_puts(&t, " (shape: kind)</TD></TR>");
        /* its values: each text's colour, the rest as "other"; a scale's ends */
        size_t shown = colors->n_values < N_CATEGORIES ? colors->n_values : N_CATEGORIES;
        for (size_t r = 0; r < shown; r++) {
            const char *key;
            json_t *v;
            json_object_foreach(colors->rank, key, v) if ((size_t)json_integer_value(v) == r) {
                kg_buf_printf(&t, "<TR><TD BORDER=\"1\" BGCOLOR=\"%s\" COLSPAN=\"2\">", category_palette[r]);
                legend_name(&t, key);
                kg_buf_puts(&t, "</TD></TR>");
            }
        }
        if (colors->n_values > N_CATEGORIES)
            kg_buf_printf(&t, "<TR><TD BORDER=\"1\" BGCOLOR=\"%s\" COLSPAN=\"2\">other (%zu values)</TD></TR>",
                          OTHER_FILL, colors->n_values - N_CATEGORIES);
        if (colors->any_real)
            kg_buf_printf(&t, "<TR><TD BORDER=\"1\" BGCOLOR=\"%s\">%g</TD><TD BORDER=\"1\" BGCOLOR=\"%s\">%g"
                          "</TD></TR>", scale_palette[0], colors->min, scale_palette[N_SHADES - 1], colors->max);
    }
    if (size_by && size->any) {
        kg_buf_puts(&t, "<TR><TD COLSPAN=\"2\">size: ");
        legend_name(&t, size_by);
        kg_buf_printf(&t, ", %g to %g</TD></TR>", size->min, size->max);
    }
    kg_buf_puts(&t, "<TR><TD><FONT POINT-SIZE=\"12\">\xe2\x94\x81\xe2\x94\x81\xe2\x94\x81</FONT></TD>"
                   "<TD ALIGN=\"LEFT\">corroborated</TD></TR>"
                   "<TR><TD>\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80</TD><TD ALIGN=\"LEFT\">one origin</TD></TR>");
    if (any_disputed)
        kg_buf_printf(&t, "<TR><TD><FONT COLOR=\"%s\">\xe2\x95\x8d\xe2\x95\x8d\xe2\x95\x8d</FONT></TD>"
                        "<TD ALIGN=\"LEFT\"><FONT COLOR=\"%s\">disputed (red border: disputed figures)</FONT></TD></TR>",
                    DISPUTED_COLOR, DISPUTED_COLOR);
    kg_buf_puts(&t, "</TABLE>");
    /* a name no entity has (an entity may be called kgkit_legend), marked for the importer */
    char name[32] = "kgkit_legend";
    for (unsigned i = 2; gv_doc_node(G, name, 0); i++)
        snprintf(name, sizeof name, "kgkit_legend_%u", i);
    gv_obj_t *n = gv_doc_node(G, name, 1);
    /* dot routes curves around nodes, the legend among them; straight lines (big diagrams) go through nodes, so
     * there the legend takes a rank of its own, beyond every edge between the others (an anonymous subgraph,
     * which the DOT importer passes over). The force layouts pack it apart (export.c). */
    gv_obj_t *last = straight ? gv_doc_subgraph(G) : NULL;
    if (last) {
        gv_set(last, "rank", "sink");
        gv_doc_subnode(last, n);
    }
    gv_set(n, "kgkit_role", "legend");
    gv_set(n, "shape", "plaintext");
    gv_set(n, "style", "");
    gv_set(n, "fontsize", "9");
    gv_set(n, "tooltip", "legend");
    if (!t.failed)
        gv_set_html(n, "label", t.data);
    kg_buf_free(&t);
}

/* --------------------------------------------------------------- build */

gv_doc_t *gv_build(const kg_graph_t *g, const gv_options_t *o, gv_stats_t *stats, kg_error_t *err)
{
    size_t n_ent = kg_graph_entity_count(g);
    unsigned char *drawn = calloc(n_ent + 1, 1), *keep = NULL;
    color_map_t colors = {0};
    unsigned char kinds_used[sizeof kind_styles / sizeof *kind_styles] = {0};
    edge_group_t *groups = NULL;
    kg_stmt_t *next = NULL;
    size_t n_groups = 0;
    int any_other = 0, any_disputed = 0;
    memset(stats, 0, sizeof *stats);
    gv_doc_t *G = gv_doc_new();
    gv_obj_t **node_of = calloc(n_ent + 1, sizeof *node_of); /* each drawn entity's node */
    if (!drawn || !G || !node_of)
        goto nomem;
    gv_obj_t *root = gv_doc_root(G);
    gv_set(root, "rankdir", o->rankdir);
    gv_set(root, "fontname", "Helvetica");
    gv_set(root, "fontsize", "10");
    gv_set(root, "outputorder", "edgesfirst");
    gv_set(root, "comment", "written by kgkit");
    gv_doc_default(G, GV_NODE, "fontname", "Helvetica");
    gv_doc_default(G, GV_NODE, "fontsize", "11");
    gv_doc_default(G, GV_EDGE, "fontname", "Helvetica");
    gv_doc_default(G, GV_EDGE, "fontsize", "9");
    gv_doc_default(G, GV_EDGE, "color", "#555555");
    gv_doc_default(G, GV_EDGE, "arrowsize", "0.7");

    for (kg_entity_t e = 0; e < n_ent; e++)
        drawn[e] = !kg_entity_is_source(g, e) || o->sources; /* to be drawn */
    size_range_t size = {0, 0, 0};
    for (kg_entity_t e = 0; o->size_by && e < n_ent; e++) {
        const json_t *v = drawn[e] ? size_value(g, e, o->size_by) : NULL;
        if (v) {
            double x = json_number_value(v);
            size.min = size.any && size.min < x ? size.min : x;
            size.max = size.any && size.max > x ? size.max : x;
            size.any = 1;
        }
    }
    keep = labels_kept(g, o, drawn, n_ent);
    if (o->color_by && color_map_build(&colors, g, o->color_by, drawn, n_ent))
        goto nomem;
    for (kg_entity_t e = 0; e < n_ent; e++) {
        if (!drawn[e])
            continue;
        int labelled = !keep || keep[e];
        stats->unlabelled += !labelled;
        any_disputed |= draw_entity(G, g, e, o, &size, &colors, labelled, &node_of[e]);
        const kind_style_t *st = style_of(kg_entity_kind(g, e));
        if (st == &other_style)
            any_other = 1;
        else
            kinds_used[st - kind_styles] = 1;
        stats->nodes++;
    }
    if (group_relations(g, drawn, &groups, &n_groups, &next))
        goto nomem;
    int labels = o->edge_labels < 0 ? n_groups <= (size_t)o->edge_label_max : o->edge_labels;
    stats->labels_dropped = o->edge_labels < 0 && !labels && n_groups > 0;
    for (size_t i = 0; i < n_groups; i++) {
        draw_edge(G, node_of, g, &groups[i], next, labels);
        for (kg_stmt_t s = groups[i].first; s != KG_NONE; s = next[s])
            any_disputed |= verdict_of(g, s).disputed;
    }
    stats->edges = n_groups;
    if (o->sources && draw_reporting(G, node_of, g, &stats->edges))
        goto nomem;
    if (o->focus != KG_NONE && drawn[o->focus]) { /* the root of a radial layout (twopi), and drawn so */
        gv_obj_t *f = node_of[o->focus];
        if (f) {
            gv_set(root, "root", gv_obj_name(f)); /* the graph's, not the node's root=true: that one crashes twopi 2.42 */
            gv_set(f, "penwidth", "3");
        }
    }
    /* big diagrams: straight edges, and dot's effort bounded (fewer network-simplex and crossing passes) */
    int straight = stats->edges > (size_t)o->edge_label_max;
    if (o->legend && stats->nodes)
        draw_legend(G, kinds_used, any_disputed, any_other, o->color_by, &colors, o->size_by, &size, straight);
    if (straight) {
        gv_set(root, "nslimit", "1");
        gv_set(root, "nslimit1", "1");
        gv_set(root, "mclimit", "0.1");
        gv_set(root, "searchsize", "20");
        gv_set(root, "remincross", "false");
        gv_set(root, "splines", "line"); /* routing curves around a thousand edges is the slowest part */
    }
    char caption[256];
    char culled[96] = "";
    if (stats->unlabelled)
        snprintf(culled, sizeof culled, " (names on the %zu most central; the rest in tooltips)",
                 stats->nodes - stats->unlabelled);
    snprintf(caption, sizeof caption, "kgkit: %zu entities, %zu edges%s%s", stats->nodes, stats->edges,
             stats->labels_dropped ? " (edge labels in tooltips: too many to draw)" : "", culled);
    gv_set(root, "label", caption);
    gv_set(root, "labelloc", "b");
    free(drawn);
    free(keep);
    free(node_of);
    json_decref(colors.rank);
    free(groups);
    free(next);
    if (gv_doc_failed(G)) {
        gv_doc_free(G);
        kg_error_say(err, KG_ENOMEM, "graphviz: out of memory");
        return NULL;
    }
    return G;
nomem:
    free(drawn);
    free(keep);
    free(node_of);
    json_decref(colors.rank);
    free(groups);
    free(next);
    gv_doc_free(G);
    kg_error_say(err, KG_ENOMEM, "graphviz: out of memory");
    return NULL;
}

/* color_by= and size_by= name an attribute some entity has (color_by an integer, as the network analyses write;
 * size_by a number, the centrality analysis's measures among them): a typo, or an analysis not run yet, is an
 * error that says which, not a diagram without colours or sizes. */
static int check_attr(const kg_graph_t *g, const char *param, const char *attr, int numeric, kg_error_t *err)
{
    json_t *names = json_object();
    int found = 0;
    for (kg_entity_t e = 0; e < kg_graph_entity_count(g) && !found; e++) {
        found = numeric ? size_value(g, e, attr) != NULL : kg_entity_attr(g, e, attr) != NULL;
        const char *key;
        json_t *v;
        const json_t *c = kg_entity_attr(g, e, KG_ATTR_CENTRALITY);
        if (kg_entity_attrs(g, e))
            json_object_foreach((json_t *)kg_entity_attrs(g, e), key, v) json_object_set_new(names, key, json_true());
        if (numeric && json_is_object(c))
            json_object_foreach((json_t *)c, key, v) json_object_set_new(names, key, json_true());
    }
    if (!found) {
        const char *list[256];
        size_t n = 0;
        const char *key;
        json_t *v;
        json_object_foreach(names, key, v) if (n < 256) list[n++] = key;
        const char *close = kg_closest_name(attr, list, n);
        static const char *const measures[] = {"pagerank", "degree", "betweenness", "closeness", NULL};
        const char *analysis = NULL;
        if (!strcmp(attr, KG_ATTR_COMMUNITY))
            analysis = "communities";
        else if (!strcmp(attr, KG_ATTR_COMPONENT))
            analysis = "components";
        for (size_t i = 0; numeric && measures[i]; i++)
            if (!strcmp(attr, measures[i]))
                analysis = KG_ATTR_CENTRALITY;
        kg_error_say(err, KG_EINPUT, "%s=%s: no entity has %s \"%s\"%s%s%s%s%s%s", param, attr,
                     numeric ? "a number in the attribute" : "the attribute", attr,
                     close ? " (did you mean \"" : "", close ? close : "", close ? "\"?)" : "",
                     analysis ? "; the analysis that writes it has not run: kgkit run GRAPH -a " : "",
                     analysis ? analysis : "", analysis ? " -e OUT" : "");
    }
    json_decref(names);
    return found ? KG_OK : KG_EINPUT;
}

gv_doc_t *gv_prepare(const kg_graph_t *g, const kg_opts_t *opts, int picture, gv_options_t *o, gv_stats_t *stats,
                     kg_error_t *err)
{
    if (gv_options_read(opts, o, err) || (o->color_by && check_attr(g, "color_by", o->color_by, 0, err)) ||
        (o->size_by && check_attr(g, "size_by", o->size_by, 1, err)))
        return NULL;
    /* a neighbourhood (the selection's around=, which the host has checked and cut out): its focus */
    const char *around = kg_opts_get(opts, "around");
    if (around && kg_graph_find(g, around, &o->focus, NULL) != KG_OK)
        o->focus = KG_NONE;
    if (!picture)
        o->label_max = 0;
    return gv_build(g, o, stats, err);
}
