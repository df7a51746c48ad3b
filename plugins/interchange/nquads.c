/* nquads.c - the "nquads" exporter: RDF 1.1 N-Quads, one named graph per source, details of a statement reified. */
#include "interchange.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

const kg_param_t ix_nquads_params[] = {
    {"base", "string", "urn:kgkit:", "the prefix of every IRI kgkit makes (entity:, predicate:, kind:, source:, vocab:)"},
    {NULL, NULL, NULL, NULL}};

#define RDF "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
#define RDFS "http://www.w3.org/2000/01/rdf-schema#"
#define XSD "http://www.w3.org/2001/XMLSchema#"
#define SKOS "http://www.w3.org/2004/02/skos/core#"
#define DCT "http://purl.org/dc/terms/"

typedef struct nq {
    FILE *out;
    const char *base;
} nq_t;

/* <base + kind + ":" + percent-encoded name> */
static void iri(const nq_t *q, const char *kind, const char *name)
{
    fprintf(q->out, "<%s%s:", q->base, kind);
    for (const unsigned char *p = (const unsigned char *)name; *p; p++) {
        if ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || strchr("-._~:", *p))
            fputc(*p, q->out);
        else
            fprintf(q->out, "%%%02X", *p);
    }
    fputc('>', q->out);
}

static void literal(const nq_t *q, const char *s, const char *datatype)
{
    fputc('"', q->out);
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        switch (*p) {
        case '"': fputs("\\\"", q->out); break;
        case '\\': fputs("\\\\", q->out); break;
        case '\n': fputs("\\n", q->out); break;
        case '\r': fputs("\\r", q->out); break;
        default:
            if (*p < 0x20 || *p == 0x7f)
                fprintf(q->out, "\\u%04X", *p);
            else
                fputc(*p, q->out);
        }
    }
    fputc('"', q->out);
    if (datatype)
        fprintf(q->out, "^^<" XSD "%s>", datatype);
}

static void number(const nq_t *q, double x)
{
    char buf[64];
    kg_number_text(x, buf, sizeof buf);
    if (x == floor(x) && fabs(x) < 1e15) {
        literal(q, buf, "integer");
        return;
    }
    literal(q, buf, strchr(buf, 'e') || isinf(x) || isnan(x) ? "double" : "decimal");
}

/* A date as its XML Schema type (xsd:gYear, gYearMonth, date); an interval ("2024-08/2024-09", "../2024-12")
 * has none, and is written as an EDTF literal (the Library of Congress's datatype for ISO 8601-2 dates, whose
 * level 1 has these intervals). */
#define EDTF "http://id.loc.gov/datatypes/edtf/EDTF"

static void date(const nq_t *q, const char *d)
{
    size_t n = strlen(d);
    if (kg_when_is_interval(d)) {
        literal(q, d, NULL);
        fputs("^^<" EDTF ">", q->out);
        return;
    }
    literal(q, d, n == 4 ? "gYear" : n == 7 ? "gYearMonth" : "date");
}

/* the graph term and the end of a quad */
static void end(const nq_t *q, const char *source)
{
    if (source) {
        fputc(' ', q->out);
        iri(q, "source", source);
    }
    fputs(" .\n", q->out);
}

static void value(const nq_t *q, const kg_value_t *v)
{
    if (v->type == KG_VALUE_NUMBER)
        number(q, v->amount);
    else if (v->type == KG_VALUE_DATE)
        date(q, v->text);
    else
        literal(q, v->text ? v->text : "", NULL);
}

/* "<subject> <predicate> " with an absolute predicate IRI */
static void head(const nq_t *q, const char *kind, const char *id, const char *predicate)
{
    iri(q, kind, id);
    fprintf(q->out, " <%s> ", predicate);
}

/* "_:node <base vocab:term> " (term NULL: an absolute IRI in predicate) */
static void node_head(const nq_t *q, const char *node, const char *term, const char *predicate)
{
    fprintf(q->out, "%s ", node);
    if (term)
        iri(q, "vocab", term);
    else
        fprintf(q->out, "<%s>", predicate);
    fputc(' ', q->out);
}

static const char *kind_of(const kg_graph_t *g, kg_entity_t e)
{
    return kg_entity_is_source(g, e) ? "source" : "entity";
}

static void describe_entity(const nq_t *q, const kg_graph_t *g, kg_entity_t e)
{
    const char *id = kg_entity_id(g, e), *k = kind_of(g, e);
    head(q, k, id, RDF "type");
    iri(q, "kind", kg_entity_kind(g, e));
    end(q, NULL);
    head(q, k, id, RDFS "label");
    literal(q, kg_entity_name(g, e), NULL);
    end(q, NULL);
    for (size_t i = 0; i < kg_entity_alias_count(g, e); i++) {
        head(q, k, id, SKOS "altLabel");
        literal(q, kg_entity_alias(g, e, i), NULL);
        end(q, NULL);
    }
    if (kg_entity_date(g, e)) {
        head(q, k, id, DCT "date");
        date(q, kg_entity_date(g, e));
        end(q, NULL);
    }
    if (kg_entity_publisher(g, e)) {
        head(q, k, id, DCT "publisher");
        literal(q, kg_entity_publisher(g, e), NULL);
        end(q, NULL);
    }
    if (kg_entity_url(g, e)) {
        head(q, k, id, DCT "source");
        literal(q, kg_entity_url(g, e), "anyURI");
        end(q, NULL);
    }
}

/* The object of a statement: the entity, or the value. */
static void object(const nq_t *q, const kg_graph_t *g, kg_stmt_t s, const kg_value_t *v)
{
    kg_entity_t obj = kg_stmt_object(g, s);
    if (obj != KG_NONE)
        iri(q, kind_of(g, obj), kg_entity_id(g, obj));
    else
        value(q, v);
}

/* One statement as seen by one source (NULL: no source, the default graph). */
static void statement(const nq_t *q, const kg_graph_t *g, kg_stmt_t s, const char *source, const char *quote,
                      size_t cite)
{
    kg_entity_t subj = kg_stmt_subject(g, s), by = kg_stmt_according_to(g, s);
    const char *sk = kind_of(g, subj), *sid = kg_entity_id(g, subj), *pred = kg_stmt_predicate(g, s);
    kg_value_t v;
    kg_stmt_value(g, s, &v);
    iri(q, sk, sid);
    fputc(' ', q->out);
    iri(q, "predicate", pred);
    fputc(' ', q->out);
    object(q, g, s, &v);
    end(q, source);
    int number_details = v.type == KG_VALUE_NUMBER &&
                         (v.qualifier != KG_Q_EXACT || v.unit || !isnan(v.lower) || !isnan(v.upper));
    if (!kg_stmt_as_of(g, s) && by == KG_NONE && !quote && !number_details)
        return;
    /* the statement reified in the same graph, with what the triple cannot say */
    char node[64];
    snprintf(node, sizeof node, "_:s%uc%zu", (unsigned)s, cite);
    node_head(q, node, NULL, RDF "type");
    fputs("<" RDF "Statement>", q->out);
    end(q, source);
    node_head(q, node, NULL, RDF "subject");
    iri(q, sk, sid);
    end(q, source);
    node_head(q, node, NULL, RDF "predicate");
    iri(q, "predicate", pred);
    end(q, source);
    node_head(q, node, NULL, RDF "object");
    object(q, g, s, &v);
    end(q, source);
    if (kg_stmt_as_of(g, s)) {
        node_head(q, node, "asOf", NULL);
        date(q, kg_stmt_as_of(g, s));
        end(q, source);
    }
    if (by != KG_NONE) {
        node_head(q, node, "accordingTo", NULL);
        iri(q, kind_of(g, by), kg_entity_id(g, by));
        end(q, source);
    }
    if (v.type == KG_VALUE_NUMBER && v.qualifier != KG_Q_EXACT) {
        node_head(q, node, "qualifier", NULL);
        literal(q, kg_qualifier_name(v.qualifier), NULL);
        end(q, source);
    }
    if (v.type == KG_VALUE_NUMBER && v.unit) {
        node_head(q, node, "unit", NULL);
        literal(q, v.unit, NULL);
        end(q, source);
    }
    if (v.type == KG_VALUE_NUMBER && !isnan(v.lower)) {
        node_head(q, node, "lower", NULL);
        number(q, v.lower);
        end(q, source);
    }
    if (v.type == KG_VALUE_NUMBER && !isnan(v.upper)) {
        node_head(q, node, "upper", NULL);
        number(q, v.upper);
        end(q, source);
    }
    if (quote) {
        node_head(q, node, "quote", NULL);
        literal(q, quote, NULL);
        end(q, source);
    }
}

int ix_export_nquads(const kg_graph_t *g, FILE *out, const kg_opts_t *opts, kg_error_t *err)
{
    nq_t q = {out, NULL};
    int rc = kg_param_string(opts, ix_nquads_params, "base", &q.base, err);
    if (rc)
        return rc;
    if (strpbrk(q.base, "<>\"{}|^`\\ \t\n"))
        return kg_error_say(err, KG_EUSAGE, "nquads: base \"%s\" cannot start an IRI", q.base);
    for (kg_entity_t e = 0; e < kg_graph_entity_count(g); e++)
        describe_entity(&q, g, e);
    size_t n_st = kg_graph_stmt_count(g);
    for (kg_stmt_t s = 0; s < n_st; s++) {
        size_t n = kg_stmt_cite_count(g, s);
        if (!n)
            statement(&q, g, s, NULL, NULL, 0);
        for (size_t i = 0; i < n; i++) {
            const char *quote;
            kg_entity_t src = kg_stmt_cite(g, s, i, &quote);
            statement(&q, g, s, kg_entity_id(g, src), quote, i);
        }
        if ((s & 0xffff) == 0)
            kg_progress(opts, "writing N-Quads", s, n_st);
    }
    return ix_write_error(out, err);
}
