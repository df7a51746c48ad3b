/* xml.h - what the XML readers (GraphML, GEXF) share: an expat parser that reads no external entity, the read loop, typed values, and the edges kept until every node is known. */
#ifndef KG_IX_XML_H
#define KG_IX_XML_H

#include "interchange.h"

#include <expat.h>

typedef struct ix_xml {
    XML_Parser p;
    kg_graph_t *g;
    const char *path;
    const char *format; /* "GraphML", "GEXF": the first word of its messages */
} ix_xml_t;

/* A parser whose handlers get ud; an external entity (<!ENTITY x SYSTEM "file:///etc/passwd">) is never read
 * but said. encoding NULL: as the file declares it. Returns KG_OK or KG_ENOMEM (err filled). */
int ix_xml_open(ix_xml_t *x, kg_graph_t *g, const char *path, const char *format, const char *encoding, void *ud,
                XML_StartElementHandler start, XML_EndElementHandler end, XML_CharacterDataHandler text,
                kg_error_t *err);
/* Parses in to its end, or until *stop is set by a handler; malformed XML and a failed read set *stop too, with
 * err naming the file, line and column. Progress as "reading FORMAT". */
void ix_xml_read(ix_xml_t *x, FILE *in, const kg_opts_t *opts, int *stop, kg_error_t *err);
void ix_xml_close(ix_xml_t *x);

/* A value as its declared type says, in either format's words: int, integer, long, short, byte; float, double,
 * bigdecimal; boolean (true/false, 1/0); GEXF's list types ("a|b", or Gephi's "[a, b]"). What the type cannot
 * hold exactly (an integer beyond 64 bits, NaN or infinity, which JSON has no number for) stays the text as
 * written, rather than a saturated or lost value; so does any other type. A new reference. */
json_t *ix_xml_typed(const char *type, const char *text);

/* An element's attribute (NULL when absent), and a copy of a string (NULL for NULL or out of memory). */
const char *ix_xml_attr(const char **atts, const char *name);
char *ix_xml_dup(const char *s);
/* Stops the parse with an error at the current line and column, "FORMAT: what", once: *rc keeps the first. */
void ix_xml_fail(ix_xml_t *x, int *rc, kg_error_t *err, int code, const char *fmt, ...) KG_PRINTF(5, 6);

/* An edge read before its nodes may be known (GraphML and GEXF may list edges first). */
typedef struct ix_kept_edge {
    char *source, *target;
    json_t *data;
    int undirected, line, column;
} ix_kept_edge_t;

typedef struct ix_kept {
    ix_kept_edge_t *items;
    size_t n, cap;
} ix_kept_t;

/* Keeps e (its strings and data are the list's now). 0, or -1 when out of memory (e is left to the caller). */
int ix_keep(ix_kept_t *k, const ix_kept_edge_t *e);
/* Adds the kept edges as relations (ix_add_edge); one naming no node is an error that names it. */
int ix_add_kept(kg_graph_t *g, const char *path, const char *format, const ix_kept_t *k, ix_roles_t *roles,
                kg_error_t *err);
void ix_kept_edge_free(ix_kept_edge_t *e);
void ix_kept_free(ix_kept_t *k);

#endif
