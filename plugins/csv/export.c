/* export.c - the CSV exporters: statements (one row per citation), entities, predicates — what the importer reads back. */
#include "csv_plugin.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

static int done(FILE *out, kg_error_t *err)
{
    if (ferror(out))
        return kg_error_say(err, KG_EIO, "cannot write: %s", strerror(errno));
    return KG_OK;
}

static void number(FILE *out, double x)
{
    char buf[64];
    if (isnan(x))
        return;
    fputs(kg_number_text(x, buf, sizeof buf), out); /* a whole number as people write it: 1400, not 1.4e+03 */
}

static void json_cell(FILE *out, const json_t *attrs)
{
    if (!attrs || !json_object_size(attrs))
        return;
    char *s = json_dumps(attrs, JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(17));
    if (s)
        csv_write_field(out, s);
    free(s);
}

static void sep(FILE *out)
{
    fputc(',', out);
}

/* A UTF-8 byte order mark first, unless bom=false: Excel reads UTF-8 (Cyrillic,
 * curly quotes) right only with it; the importer and LibreOffice skip it. */
static int start(FILE *out, const kg_opts_t *opts, kg_error_t *err)
{
    int bom;
    int rc = kg_param_bool(opts, csv_export_params, "bom", &bom, err);
    if (!rc && bom)
        fputs("\xef\xbb\xbf", out);
    return rc;
}

int csv_export_statements(const kg_graph_t *g, FILE *out, const kg_opts_t *opts, kg_error_t *err)
{
    int rc = start(out, opts, err);
    if (rc)
        return rc;
    fputs("subject,predicate,object,value,value_type,qualifier,unit,lower,upper,as_of,according_to,source,quote,"
          "attrs\r\n",
          out);
    size_t n = kg_graph_stmt_count(g);
    for (kg_stmt_t s = 0; s < n; s++) {
        size_t cites = kg_stmt_cite_count(g, s);
        for (size_t i = 0; i < (cites ? cites : 1); i++) {
            kg_value_t v;
            kg_stmt_value(g, s, &v);
            kg_entity_t o = kg_stmt_object(g, s), by = kg_stmt_according_to(g, s);
            csv_write_field(out, kg_entity_id(g, kg_stmt_subject(g, s)));
            sep(out);
            csv_write_field(out, kg_stmt_predicate(g, s));
            sep(out);
            if (o != KG_NONE)
                csv_write_field(out, kg_entity_id(g, o));
            sep(out);
            if (v.type == KG_VALUE_NUMBER && !kg_qualifier_is_vague(v.qualifier)) /* a vague quantity has no value */
                number(out, v.amount);
            else if (v.type != KG_VALUE_NONE)
                csv_write_field(out, v.text);
            sep(out);
            if (v.type != KG_VALUE_NONE)
                fputs(kg_value_type_name(v.type), out);
            sep(out);
            if (v.type == KG_VALUE_NUMBER)
                fputs(kg_qualifier_name(v.qualifier), out);
            sep(out);
            if (v.type == KG_VALUE_NUMBER && v.unit)
                csv_write_field(out, v.unit);
            sep(out);
            if (v.type == KG_VALUE_NUMBER)
                number(out, v.lower);
            sep(out);
            if (v.type == KG_VALUE_NUMBER)
                number(out, v.upper);
            sep(out);
            if (kg_stmt_as_of(g, s))
                csv_write_field(out, kg_stmt_as_of(g, s));
            sep(out);
            if (by != KG_NONE)
                csv_write_field(out, kg_entity_id(g, by));
            sep(out);
            if (cites) {
                const char *quote;
                csv_write_field(out, kg_entity_id(g, kg_stmt_cite(g, s, i, &quote)));
                sep(out);
                if (quote)
                    csv_write_field(out, quote);
            } else {
                sep(out);
            }
            sep(out);
            if (i == 0)
                json_cell(out, kg_stmt_attrs(g, s));
            fputs("\r\n", out);
        }
        if ((s & 0xffff) == 0)
            kg_progress(opts, "writing CSV", s, n);
    }
    return done(out, err);
}

int csv_export_entities(const kg_graph_t *g, FILE *out, const kg_opts_t *opts, kg_error_t *err)
{
    int rc = start(out, opts, err);
    if (rc)
        return rc;
    fputs("id,kind,label,aliases,date,publisher,url,attrs\r\n", out);
    for (kg_entity_t e = 0; e < kg_graph_entity_count(g); e++) {
        csv_write_field(out, kg_entity_id(g, e));
        sep(out);
        csv_write_field(out, kg_entity_kind(g, e));
        sep(out);
        if (kg_entity_label(g, e))
            csv_write_field(out, kg_entity_label(g, e));
        sep(out);
        /* "a; b": a ';' in an alias as "\;", a backslash before ';', '\' or the end as "\\" (the importer's
         * split reads them back) */
        size_t n = kg_entity_alias_count(g, e), len = 0;
        for (size_t i = 0; i < n; i++)
            len += 2 * strlen(kg_entity_alias(g, e, i)) + 2;
        char *list = malloc(len + 1), *w = list;
        for (size_t i = 0; list && i < n; i++) {
            if (i)
                *w++ = ';', *w++ = ' ';
            for (const char *c = kg_entity_alias(g, e, i); *c; c++) {
                if (*c == ';' || (*c == '\\' && (c[1] == ';' || c[1] == '\\' || !c[1])))
                    *w++ = '\\';
                *w++ = *c;
            }
        }
        if (list) {
            *w = '\0';
            if (n)
                csv_write_field(out, list);
            free(list);
        }
        sep(out);
        if (kg_entity_date(g, e))
            csv_write_field(out, kg_entity_date(g, e));
        sep(out);
        if (kg_entity_publisher(g, e))
            csv_write_field(out, kg_entity_publisher(g, e));
        sep(out);
        if (kg_entity_url(g, e))
            csv_write_field(out, kg_entity_url(g, e));
        sep(out);
        json_cell(out, kg_entity_attrs(g, e));
        fputs("\r\n", out);
    }
    return done(out, err);
}

int csv_export_predicates(const kg_graph_t *g, FILE *out, const kg_opts_t *opts, kg_error_t *err)
{
    int rc = start(out, opts, err);
    if (rc)
        return rc;
    fputs("name,kind,functional,value_type,unit,tolerance,cumulative,symmetric,label,description\r\n", out);
    for (size_t i = 0; i < kg_graph_predicate_count(g); i++) {
        kg_predicate_t d;
        const char *name = kg_graph_predicate_name(g, i);
        if (kg_graph_predicate_declared(g, name, &d) != KG_OK ||
            (d.kind == KG_PRED_UNKNOWN && d.functional < 0 && d.cumulative < 0 && !d.value_type && !d.unit &&
             !d.label && !d.description && isnan(d.tolerance) && kg_graph_predicate_symmetric(g, name) < 0))
            continue;
        int sym = kg_graph_predicate_symmetric(g, name);
        csv_write_field(out, name);
        fprintf(out, ",%s,%s,%s,", kg_pred_kind_name(d.kind) ? kg_pred_kind_name(d.kind) : "",
                d.functional < 0 ? "" : d.functional ? "true" : "false",
                d.value_type ? kg_value_type_name(d.value_type) : "");
        if (d.unit)
            csv_write_field(out, d.unit);
        sep(out);
        number(out, d.tolerance);
        fprintf(out, ",%s,%s,", d.cumulative < 0 ? "" : d.cumulative ? "true" : "false",
                sym < 0 ? "" : sym ? "true" : "false");
        if (d.label)
            csv_write_field(out, d.label);
        sep(out);
        if (d.description)
            csv_write_field(out, d.description);
        fputs("\r\n", out);
    }
    return done(out, err);
}
