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
    if (x == floor(x) && fabs(x) < 1e15) {
        snprintf(buf, sizeof buf, "%.0f", x);
        literal(q, buf, "integer");
        return;
    }
    for (int p = 1; p <= 17; p++) {
        snprintf(buf, sizeof buf, "%.*g", p, x);
        if (strtod(buf, NULL) == x)
            break;
    }
    literal(q, buf, strchr(buf, 'e') || isinf(x) || isnan(x) ? "double" : "decimal");
}

static void date(const nq_t *q, const char *d)
{
    size_t n = strlen(d);
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

static void describe_entity(const nq_t *q, const kg_graph_t *g, kg_entity_t e)
{
    const char *id = kg_entity_id(g, e);
    const char *k = kg_entity_is_source(g, e) ? "source" : "entity";
    iri(q, k, id), fputs(" <" RDF "type> ", q->out), iri(q, "kind", kg_entity_kind(g, e)), end(q, NULL);
    iri(q, k, id), fputs(" <" RDFS "label> ", q->out), literal(q, kg_entity_name(g, e), NULL), end(q, NULL);
    for (size_t i = 0; i < kg_entity_alias_count(g, e); i++)
        iri(q, k, id), fputs(" <" SKOS "altLabel> ", q->out), literal(q, kg_entity_alias(g, e, i), NULL), end(q, NULL);
    if (kg_entity_date(g, e))
        iri(q, k, id), fputs(" <" DCT "date> ", q->out), date(q, kg_entity_date(g, e)), end(q, NULL);
    if (kg_entity_publisher(g, e))
        iri(q, k, id), fputs(" <" DCT "publisher> ", q->out), literal(q, kg_entity_publisher(g, e), NULL), end(q, NULL);
    if (kg_entity_url(g, e))
        iri(q, k, id), fputs(" <" DCT "source> ", q->out), literal(q, kg_entity_url(g, e), "anyURI"), end(q, NULL);
}

/* One statement as seen by one source (NULL: no source, the default graph). */
static void statement(const nq_t *q, const kg_graph_t *g, kg_stmt_t s, const char *source, const char *quote,
                      size_t cite)
{
    kg_entity_t subj = kg_stmt_subject(g, s), obj = kg_stmt_object(g, s), by = kg_stmt_according_to(g, s);
    const char *sk = kg_entity_is_source(g, subj) ? "source" : "entity";
    kg_value_t v;
    kg_stmt_value(g, s, &v);
    iri(q, sk, kg_entity_id(g, subj)), fputc(' ', q->out), iri(q, "predicate", kg_stmt_predicate(g, s));
    fputc(' ', q->out);
    if (obj != KG_NONE)
        iri(q, kg_entity_is_source(g, obj) ? "source" : "entity", kg_entity_id(g, obj));
    else
        value(q, &v);
    end(q, source);
    int details = kg_stmt_as_of(g, s) || by != KG_NONE || quote ||
                  (v.type == KG_VALUE_NUMBER && (v.qualifier != KG_Q_EXACT || v.unit || !isnan(v.lower) || !isnan(v.upper)));
    if (!details)
        return;
    /* the statement reified in the same graph, with what the triple cannot say */
    char node[64];
    snprintf(node, sizeof node, "_:s%uc%zu", (unsigned)s, cite);
    fprintf(q->out, "%s <" RDF "type> <" RDF "Statement>", node), end(q, source);
    fprintf(q->out, "%s <" RDF "subject> ", node), iri(q, sk, kg_entity_id(g, subj)), end(q, source);
    fprintf(q->out, "%s <" RDF "predicate> ", node), iri(q, "predicate", kg_stmt_predicate(g, s)), end(q, source);
    fprintf(q->out, "%s <" RDF "object> ", node);
    if (obj != KG_NONE)
        iri(q, kg_entity_is_source(g, obj) ? "source" : "entity", kg_entity_id(g, obj));
    else
        value(q, &v);
    end(q, source);
    if (kg_stmt_as_of(g, s))
        fprintf(q->out, "%s ", node), iri(q, "vocab", "asOf"), fputc(' ', q->out), date(q, kg_stmt_as_of(g, s)),
            end(q, source);
    if (by != KG_NONE)
        fprintf(q->out, "%s ", node), iri(q, "vocab", "accordingTo"), fputc(' ', q->out),
            iri(q, kg_entity_is_source(g, by) ? "source" : "entity", kg_entity_id(g, by)), end(q, source);
    if (v.type == KG_VALUE_NUMBER) {
        if (v.qualifier != KG_Q_EXACT)
            fprintf(q->out, "%s ", node), iri(q, "vocab", "qualifier"), fputc(' ', q->out),
                literal(q, kg_qualifier_name(v.qualifier), NULL), end(q, source);
        if (v.unit)
            fprintf(q->out, "%s ", node), iri(q, "vocab", "unit"), fputc(' ', q->out), literal(q, v.unit, NULL),
                end(q, source);
        if (!isnan(v.lower))
            fprintf(q->out, "%s ", node), iri(q, "vocab", "lower"), fputc(' ', q->out), number(q, v.lower),
                end(q, source);
        if (!isnan(v.upper))
            fprintf(q->out, "%s ", node), iri(q, "vocab", "upper"), fputc(' ', q->out), number(q, v.upper),
                end(q, source);
    }
    if (quote)
        fprintf(q->out, "%s ", node), iri(q, "vocab", "quote"), fputc(' ', q->out), literal(q, quote, NULL),
            end(q, source);
}

int ix_export_nquads(const kg_graph_t *g, FILE *out, const kg_opts_t *opts, kg_error_t *err)
{
    nq_t q = {out, kg_opts_get(opts, "base")};
    if (!q.base)
        q.base = "urn:kgkit:";
    if (strpbrk(q.base, "<>\"{}|^`\\ \t\n"))
        return kg_error_set(err, KG_EUSAGE, NULL, 0, 0, "nquads: base \"%s\" cannot start an IRI", q.base);
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
