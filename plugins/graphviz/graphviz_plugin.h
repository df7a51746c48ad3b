/* graphviz_plugin.h - the Graphviz plugin inside: diagram options, the cgraph builder, the exporters and the importer. */
#ifndef KG_GRAPHVIZ_PLUGIN_H
#define KG_GRAPHVIZ_PLUGIN_H

#include <kgkit/kgkit.h>
#include <graphviz/cgraph.h>
#include <string.h>

/* How the diagram is drawn. */
typedef struct gv_options {
    int sources;           /* draw sources as nodes, with "reported" edges */
    int legend;            /* a legend cluster of the kinds and edge styles */
    int edge_labels;       /* -1 auto (on up to edge_label_max edges), 0 off, 1 on */
    long edge_label_max;
    int claims_in_label;   /* claims in the node label too (always in the tooltip) */
    const char *rankdir;   /* dot's direction: LR, TB, ... */
    const char *color_by;  /* an entity attribute that picks the fill (build.c: color_of) */
    const char *size_by;   /* a numeric entity attribute (pagerank, or any number) that sizes the node */
    kg_entity_t focus;     /* the selection's around= entity, drawn at the centre; KG_NONE without one */
    long label_max;        /* pictures: past this many entities, only the most central keep their labels (0: all) */
    const char *engine;    /* renderers: dot, neato, fdp, sfdp, circo, or "auto" */
    long dot_max_nodes;    /* auto: dot up to this many nodes... */
    long dot_max_edges;    /* ...and edges, sfdp above */
} gv_options_t;

int gv_options_read(const kg_opts_t *opts, gv_options_t *o, kg_error_t *err);

/* What the builder drew, for the renderers' choices. */
typedef struct gv_stats {
    size_t nodes, edges;   /* drawn entities (and sources) and merged edges */
    int labels_dropped;    /* edge labels left to tooltips for size */
    size_t unlabelled;     /* entities drawn without their label (label_max) */
} gv_stats_t;

/* The diagram as the builder makes it (doc.c): a graph, its subgraphs, nodes and edges, each with string
 * attributes, as cgraph holds them (an attribute not set has its type's default, "" unless declared), in memory
 * of the document's, freed with it. The DOT exporter writes it straight; the renderers make a cgraph graph of
 * it. A failed allocation marks the document (gv_doc_failed) and makes later calls do nothing. */
typedef struct gv_doc gv_doc_t;
typedef struct gv_obj gv_obj_t; /* a graph, subgraph, node or edge */
enum { GV_NODE = 0, GV_EDGE = 1, GV_GRAPH = 2, GV_SUBGRAPH = 3 };

gv_doc_t *gv_doc_new(void);
void gv_doc_free(gv_doc_t *d);
int gv_doc_failed(const gv_doc_t *d);
gv_obj_t *gv_doc_root(gv_doc_t *d);
/* Declares the default of an attribute of nodes, edges or graphs (GV_NODE...), as agattr does. */
void gv_doc_default(gv_doc_t *d, int type, const char *name, const char *value);
/* The node of that name, made when create is set and there is none (NULL otherwise, or on failure). */
gv_obj_t *gv_doc_node(gv_doc_t *d, const char *name, int create);
gv_obj_t *gv_doc_edge(gv_doc_t *d, gv_obj_t *tail, gv_obj_t *head);
gv_obj_t *gv_doc_subgraph(gv_doc_t *d);
/* Puts a node in a subgraph (at most one: the legend's rank). */
void gv_doc_subnode(gv_obj_t *sub, gv_obj_t *node);
const char *gv_obj_name(const gv_obj_t *o);
/* Sets a string attribute (NULL objects are passed over); gv_set_html an HTML-like label (<...>). */
void gv_set(gv_obj_t *o, const char *name, const char *value);
void gv_set_html(gv_obj_t *o, const char *name, const char *html);
/* Writes the document as DOT, as cgraph's writer would (attributes by name, those at their default left out):
 * what cgraph reads back is the graph gv_doc_to_cgraph makes. KG_OK, KG_ENOMEM or KG_EIO. */
int gv_doc_write_dot(const gv_doc_t *d, const char *name, FILE *out, const kg_opts_t *opts);
/* The document as a new cgraph graph (agclose it), for layout; NULL when out of memory. */
Agraph_t *gv_doc_to_cgraph(const gv_doc_t *d, const char *name);

/* Builds the diagram of g as a new document (gv_doc_free it). Returns NULL on
 * failure with err filled. */
gv_doc_t *gv_build(const kg_graph_t *g, const gv_options_t *o, gv_stats_t *stats, kg_error_t *err);

/* Labels and tooltips are built in kg_buf_t (kgkit/buf.h). */
/* Appends text escaped for a Graphviz label or tooltip: a backslash doubled,
 * a line break written as \n (Graphviz reads both in labels), a carriage return
 * dropped, other control characters as U+FFFD (SVG cannot hold them), the
 * & of a character entity as &amp; (Graphviz would draw "&lt;" as "<"), and
 * U+FEFF (invisible; Graphviz's reader fails on a value that starts with it) left out. */
void gv_buf_add_escaped(kg_buf_t *b, const char *s);
/* Whether the NUL-terminated s starts with U+FEFF (a byte order mark): cgraph writes a value that starts
 * with it unquoted, and its reader then drops it. */
static inline int gv_starts_with_bom(const char *s)
{
    return !strncmp(s, "\xef\xbb\xbf", 3);
}
/* Whether s starts a character entity Graphviz reads in labels ("&amp;", "&#38;", "&#x26;"). */
int gv_is_entity(const char *s);
/* Data strings in kgkit's DOT (literal.c says why and how): gv_buf_add_literal appends s encoded
 * (backslash doubled, line breaks and control characters as escapes); gv_buf_add_list_item appends it as an
 * item of a ", "-separated list (its commas escaped too). */
void gv_buf_add_literal(kg_buf_t *b, const char *s);
void gv_buf_add_list_item(kg_buf_t *b, const char *s);
/* A node name for an entity id: the id itself when it needs no encoding, else its encoding in tmp. */
const char *gv_node_name(const char *id, kg_buf_t *tmp);
/* The decoded text of an encoded string, into out (returned; "" on out-of-memory, with out->failed). */
const char *gv_literal_decode(const char *s, kg_buf_t *out);
/* The next decoded item of an encoded list; *cursor starts at the list and becomes NULL after the last. */
const char *gv_list_next(const char **cursor, kg_buf_t *out);
const char *gv_buf_str(const kg_buf_t *b);

/* Capabilities. */
int gv_export_dot(const kg_graph_t *g, FILE *out, const kg_opts_t *opts, kg_error_t *err);
int gv_export_svg(const kg_graph_t *g, FILE *out, const kg_opts_t *opts, kg_error_t *err);
int gv_export_png(const kg_graph_t *g, FILE *out, const kg_opts_t *opts, kg_error_t *err);
int gv_export_pdf(const kg_graph_t *g, FILE *out, const kg_opts_t *opts, kg_error_t *err);
/* Frees the shared libgvc context (the plugin's fini). */
void gv_release_context(void);
int gv_import_dot(kg_graph_t *g, FILE *in, const char *path, const kg_opts_t *opts, kg_error_t *err);
int gv_sniff_dot(const char *head, size_t len);

/* The diagram's parameters, which the renderers take too (with theirs). */
#define GV_DIAGRAM_PARAMS                                                                                        \
    {"source_nodes", "bool", "false", "draw sources as nodes with edges to what they report (who reported what)"}, \
        {"legend", "bool", "true", "add a legend of the kinds and edge styles"},                               \
        {"edge_labels", "string", "auto",                                                                      \
         "predicates on edges: on, off, or auto (on up to edge_label_max edges; always in the tooltips)"},     \
        {"edge_label_max", "int", "150", "auto edge labels: the most edges that keep their labels"},           \
        {"claims", "string", "tooltip",                                                                        \
         "numbers and texts claimed of an entity: tooltip, or label (also on the node)"},                      \
        {"rankdir", "string", "LR", "dot's direction: LR, RL, TB or BT"},                                      \
        {"color_by", "string", NULL,                                                                           \
         "fill entities by an attribute: an integer (community, component) or a text by a palette, a "        \
         "fractional number by a scale; the legend lists the values (shapes still show the kind)"},                                                                                \
        {"size_by", "string", NULL,                                                                            \
         "size entities by a numeric attribute: a centrality measure after the centrality analysis (pagerank, " \
         "degree, betweenness, closeness) or any number the entities hold; the legend gives the range"}

extern const kg_param_t gv_diagram_params[];
extern const kg_param_t gv_render_params[];

/* Reads the options and builds the diagram (gv_doc_free it); NULL on failure with err filled. A picture (the
 * renderers) may leave labels off (label_max); the DOT file keeps every one, for the tools that read it. */
gv_doc_t *gv_prepare(const kg_graph_t *g, const kg_opts_t *opts, int picture, gv_options_t *o, gv_stats_t *stats,
                     kg_error_t *err);

#endif
