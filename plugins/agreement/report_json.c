/* report_json.c - the agreement report as JSON (documented in docs/agreement.md), streamed one slot per line. */
#include "agreement.h"

#include <errno.h>
#include <math.h>
#include <string.h>

#define DUMP_FLAGS (JSON_PRESERVE_ORDER | JSON_ENCODE_ANY)

static json_t *str_or_null(const char *s)
{
    return s ? json_string(s) : json_null();
}

static json_t *entity_or_null(const kg_graph_t *g, kg_entity_t e)
{
    return e != KG_NONE ? json_string(kg_entity_id(g, e)) : json_null();
}

static json_t *share(uint32_t part, uint32_t whole)
{
    return whole ? json_real((double)part / whole) : json_null();
}

static json_t *clash_list(const kg_graph_t *g, const ag_result_t *r, const ag_slot_t *sl, uint32_t from, uint32_t n)
{
    json_t *a = json_array();
    for (uint32_t k = from; k < from + n; k++) {
        const ag_clash_t *c = &r->clashes[sl->clash_first + k];
        char text[2048];
        ag_clash_explain(g, r, c, text, sizeof text);
        json_array_append_new(a, json_pack("{s:[I,I],s:s,s:s}", "reports", (json_int_t)(c->a - sl->first),
                                           (json_int_t)(c->b - sl->first), "why", ag_why_code(c->why), "reason",
                                           text));
    }
    return a;
}

static json_t *slot_json(const kg_graph_t *g, const ag_result_t *r, const ag_slot_t *sl)
{
    json_t *o = json_object(), *reports = json_array();
    json_object_set_new(o, "subject", json_string(kg_entity_id(g, sl->subject)));
    json_object_set_new(o, "predicate", json_string(r->preds[sl->pred].name));
    if (sl->multi) {
        if (sl->object != KG_NONE) {
            json_object_set_new(o, "object", json_string(kg_entity_id(g, sl->object)));
        } else {
            kg_value_t v;
            kg_stmt_value(g, r->reports[sl->first].stmt, &v);
            json_object_set_new(o, "value", kg_value_to_json(&v));
        }
    }
    json_object_set_new(o, "status", json_string(ag_status_name(sl->status)));
    json_object_set_new(o, "origins", json_integer(sl->origins));
    json_object_set_new(o, "sources", json_integer(sl->sources));
    json_object_set_new(o, "statements", json_integer(sl->statements));
    for (uint32_t i = 0; i < sl->count; i++) {
        const ag_report_t *rep = &r->reports[sl->first + i];
        json_t *x = json_object();
        kg_entity_t obj = kg_stmt_object(g, rep->stmt);
        json_object_set_new(x, "source", json_string(kg_entity_id(g, rep->source)));
        if (obj != KG_NONE) {
            json_object_set_new(x, "object", json_string(kg_entity_id(g, obj)));
        } else {
            kg_value_t v;
            kg_stmt_value(g, rep->stmt, &v);
            json_object_set_new(x, "value", kg_value_to_json(&v));
        }
        json_object_set_new(x, "as_of", str_or_null(rep->time.text));
        json_object_set_new(x, "dated_by", rep->time.by == AG_DATED_STATEMENT ? json_string("statement")
                                           : rep->time.by == AG_DATED_SOURCE  ? json_string("source")
                                                                              : json_null());
        json_object_set_new(x, "according_to", entity_or_null(g, kg_stmt_according_to(g, rep->stmt)));
        json_object_set_new(x, "quote", str_or_null(rep->quote));
        if (r->trust_computed)
            json_object_set_new(x, "confidence", isnan(rep->confidence) ? json_null() : json_real(rs_round(rep->confidence)));
        json_array_append_new(reports, x);
    }
    json_object_set_new(o, "reports", reports);
    json_object_set_new(o, "conflicts", clash_list(g, r, sl, 0, sl->n_conflicts));
    json_object_set_new(o, "undetermined", clash_list(g, r, sl, sl->n_conflicts, sl->n_undetermined));
    json_object_set_new(o, "changes", clash_list(g, r, sl, sl->n_conflicts + sl->n_undetermined, sl->n_changes));
    if (!sl->multi) {
        json_t *series = json_array();
        for (uint32_t k = 0; k < sl->n_series; k++) {
            const ag_date_verdict_t *d = &r->series[sl->series_first + k];
            json_t *idx = json_array();
            for (uint32_t i = 0; i < d->count; i++)
                json_array_append_new(idx, json_integer(d->first - sl->first + i));
            json_array_append_new(series, json_pack("{s:o,s:s,s:I,s:o}", "as_of",
                                                    str_or_null(r->reports[d->first].time.text), "status",
                                                    ag_status_name(d->status), "origins", (json_int_t)d->origins,
                                                    "reports", idx));
        }
        json_object_set_new(o, "series", series);
    }
    return o;
}

static int dump(json_t *v, FILE *f)
{
    int rc = v ? kg_json_dumpf(v, f, DUMP_FLAGS) : -1;
    json_decref(v);
    return rc;
}

int ag_report_json(const kg_graph_t *g, const ag_result_t *r, const ag_options_t *opt, FILE *f, kg_error_t *err)
{
    int rc = 0;
    json_t *totals = json_pack("{s:I,s:I,s:I,s:I,s:I,s:I,s:I,s:I,s:I,s:I,s:I}", "slots", (json_int_t)r->n_slots,
                               "conflict", (json_int_t)r->by_status[AG_CONFLICT], "undetermined",
                               (json_int_t)r->by_status[AG_UNDETERMINED], "changed",
                               (json_int_t)r->by_status[AG_CHANGED], "agreed", (json_int_t)r->by_status[AG_AGREED],
                               "single", (json_int_t)r->by_status[AG_SINGLE], "reports", (json_int_t)r->n_reports,
                               "statements", (json_int_t)r->n_statements, "sources", (json_int_t)r->n_sources,
                               "unsourced_claims", (json_int_t)r->unsourced_claims, "unsourced_relations",
                               (json_int_t)r->unsourced_relations);
    fputs("{\n  \"analysis\": \"agreement\",\n  \"format\": 2,\n  \"totals\": ", f);
    rc |= dump(totals, f);
    fputs(",\n  \"dated_by_source\": ", f);
    fputs(opt->date_from_source ? "true" : "false", f);
    if (r->trust_computed) {
        fputs(",\n  \"trust\": ", f);
        rc |= dump(json_pack("{s:s,s:i}", "method", "resolve", "iterations", r->trust_iterations), f);
    }
    fputs(",\n  \"slots\": [", f);
    for (size_t s = 0; s < r->n_slots && !rc; s++) {
        fputs(s ? ",\n    " : "\n    ", f);
        rc |= dump(slot_json(g, r, &r->slots[s]), f);
    }
    fputs(r->n_slots ? "\n  ],\n  \"sources\": [" : "],\n  \"sources\": [", f);
    for (size_t i = 0; i < r->n_sources && !rc; i++) {
        const ag_source_stats_t *s = &r->sources[i];
        json_t *o = json_pack("{s:s,s:I,s:I,s:I,s:I,s:o}", "id", kg_entity_id(g, s->source), "reports",
                              (json_int_t)s->reports, "shared", (json_int_t)s->shared, "agreed",
                              (json_int_t)s->agreed, "conflicts", (json_int_t)s->conflicts, "agreement",
                              share(s->agreed, s->shared));
        if (o && r->trust_computed)
            json_object_set_new(o, "trust", isnan(s->trust) ? json_null() : json_real(rs_round(s->trust)));
        fputs(i ? ",\n    " : "\n    ", f);
        rc |= dump(o, f);
    }
    fputs(r->n_sources ? "\n  ],\n  \"pairs\": [" : "],\n  \"pairs\": [", f);
    for (size_t i = 0; i < r->n_pairs && !rc; i++) {
        const ag_pair_t *p = &r->pairs[i];
        fputs(i ? ",\n    " : "\n    ", f);
        rc |= dump(json_pack("{s:s,s:s,s:I,s:I,s:o}", "a", kg_entity_id(g, r->sources[p->a].source), "b",
                             kg_entity_id(g, r->sources[p->b].source), "shared", (json_int_t)p->shared, "agreed",
                             (json_int_t)p->agreed, "agreement", share(p->agreed, p->shared)),
                   f);
    }
    fputs(r->n_pairs ? "\n  ]\n}\n" : "]\n}\n", f);
    if (rc || ferror(f))
        return kg_error_say(err, rc && !ferror(f) ? KG_ENOMEM : KG_EIO,
                            "agreement: cannot write the report%s%s", ferror(f) ? ": " : "",
                            ferror(f) ? strerror(errno) : "");
    return KG_OK;
}
