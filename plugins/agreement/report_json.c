/* report_json.c - the agreement report as JSON (documented in docs/agreement.md), streamed one slot per line:
 * each slot's text is put straight into a buffer (the bytes jansson would write for it, without building it)
 * and written out once the buffer is large, so that no report, however large, is held whole. */
#include "agreement.h"

#include <errno.h>
#include <math.h>
#include <string.h>

#define FLAGS 0 /* jansson's default separators, ", " and ": ", as the report has always had */

typedef struct writer {
    kg_buf_t b;
    FILE *f;
    int rc; /* KG_OK, or the first failure */
} writer_t;

static void flush(writer_t *w, size_t above)
{
    if (!w->rc)
        w->rc = kg_buf_flush(&w->b, w->f, above);
}

/* "name": at the start of an object (first) or after a field */
static void key(writer_t *w, int first, const char *name)
{
    kg_buf_puts(&w->b, first ? "\"" : ", \"");
    kg_buf_puts(&w->b, name);
    kg_buf_puts(&w->b, "\": ");
}

static void str(writer_t *w, const char *s)
{
    kg_json_put_string(&w->b, s);
}

static void integer(writer_t *w, const char *name, size_t n)
{
    char text[24];
    key(w, 0, name);
    kg_buf_puts(&w->b, kg_int_text((long long)n, text, sizeof text));
}

static void entity_or_null(writer_t *w, const kg_graph_t *g, kg_entity_t e)
{
    str(w, e != KG_NONE ? kg_entity_id(g, e) : NULL);
}

static void share(writer_t *w, uint32_t part, uint32_t whole)
{
    kg_json_put_real(&w->b, whole ? (double)part / whole : NAN); /* null when nothing is shared */
}

static void value_of(writer_t *w, const kg_graph_t *g, kg_stmt_t s)
{
    kg_value_t v;
    kg_stmt_value(g, s, &v);
    kg_json_put_value(&w->b, &v, FLAGS);
}

static void clash_list(writer_t *w, const kg_graph_t *g, const ag_result_t *r, const ag_slot_t *sl, uint32_t from,
                       uint32_t n)
{
    kg_buf_putc(&w->b, '[');
    for (uint32_t k = from; k < from + n; k++) {
        const ag_clash_t *c = &r->clashes[sl->clash_first + k];
        char text[2048];
        ag_clash_explain(g, r, c, text, sizeof text);
        kg_buf_printf(&w->b, "%s{\"reports\": [%u, %u], \"why\": ", k > from ? ", " : "", (unsigned)(c->a - sl->first),
                      (unsigned)(c->b - sl->first));
        str(w, ag_why_code(c->why));
        key(w, 0, "reason");
        str(w, text);
        kg_buf_putc(&w->b, '}');
    }
    kg_buf_putc(&w->b, ']');
}

static void put_slot(writer_t *w, const kg_graph_t *g, const ag_result_t *r, const ag_slot_t *sl)
{
    kg_buf_putc(&w->b, '{');
    key(w, 1, "subject");
    str(w, kg_entity_id(g, sl->subject));
    key(w, 0, "predicate");
    str(w, r->preds[sl->pred].name);
    if (sl->multi) {
        if (sl->object != KG_NONE) {
            key(w, 0, "object");
            str(w, kg_entity_id(g, sl->object));
        } else {
            key(w, 0, "value");
            value_of(w, g, r->reports[sl->first].stmt);
        }
    }
    key(w, 0, "status");
    str(w, ag_status_name(sl->status));
    integer(w, "origins", sl->origins);
    integer(w, "sources", sl->sources);
    integer(w, "statements", sl->statements);
    key(w, 0, "reports");
    kg_buf_putc(&w->b, '[');
    for (uint32_t i = 0; i < sl->count; i++) {
        const ag_report_t *rep = &r->reports[sl->first + i];
        kg_entity_t obj = kg_stmt_object(g, rep->stmt);
        kg_buf_puts(&w->b, i ? ", {" : "{");
        key(w, 1, "source");
        str(w, kg_entity_id(g, rep->source));
        if (obj != KG_NONE) {
            key(w, 0, "object");
            str(w, kg_entity_id(g, obj));
        } else {
            key(w, 0, "value");
            value_of(w, g, rep->stmt);
        }
        key(w, 0, "as_of");
        str(w, rep->time.text);
        key(w, 0, "dated_by");
        str(w, rep->time.by == AG_DATED_STATEMENT ? "statement" : rep->time.by == AG_DATED_SOURCE ? "source" : NULL);
        key(w, 0, "according_to");
        entity_or_null(w, g, kg_stmt_according_to(g, rep->stmt));
        key(w, 0, "quote");
        str(w, rep->quote);
        if (r->trust_computed) {
            key(w, 0, "confidence");
            kg_json_put_real(&w->b, rs_round(rep->confidence)); /* null when there is none (NaN) */
        }
        kg_buf_putc(&w->b, '}');
    }
    kg_buf_putc(&w->b, ']');
    key(w, 0, "conflicts");
    clash_list(w, g, r, sl, 0, sl->n_conflicts);
    key(w, 0, "undetermined");
    clash_list(w, g, r, sl, sl->n_conflicts, sl->n_undetermined);
    key(w, 0, "changes");
    clash_list(w, g, r, sl, sl->n_conflicts + sl->n_undetermined, sl->n_changes);
    if (!sl->multi) {
        key(w, 0, "series");
        kg_buf_putc(&w->b, '[');
        for (uint32_t k = 0; k < sl->n_series; k++) {
            const ag_date_verdict_t *d = &r->series[sl->series_first + k];
            kg_buf_puts(&w->b, k ? ", {" : "{");
            key(w, 1, "as_of");
            str(w, r->reports[d->first].time.text);
            key(w, 0, "status");
            str(w, ag_status_name(d->status));
            integer(w, "origins", d->origins);
            key(w, 0, "reports");
            kg_buf_putc(&w->b, '[');
            for (uint32_t i = 0; i < d->count; i++) {
                char text[24];
                kg_buf_puts(&w->b, i ? ", " : "");
                kg_buf_puts(&w->b, kg_int_text(d->first - sl->first + i, text, sizeof text));
            }
            kg_buf_puts(&w->b, "]}");
        }
        kg_buf_putc(&w->b, ']');
    }
    kg_buf_putc(&w->b, '}');
}

int ag_report_json(const kg_graph_t *g, const ag_result_t *r, const ag_options_t *opt, FILE *f, kg_error_t *err)
{
    writer_t w = {KG_BUF_INIT, f, KG_OK};
    kg_buf_puts(&w.b, "{\n  \"analysis\": \"agreement\",\n  \"format\": 2,\n  \"totals\": {");
    key(&w, 1, "slots");
    kg_buf_printf(&w.b, "%zu", r->n_slots);
    integer(&w, "conflict", r->by_status[AG_CONFLICT]);
    integer(&w, "undetermined", r->by_status[AG_UNDETERMINED]);
    integer(&w, "changed", r->by_status[AG_CHANGED]);
    integer(&w, "agreed", r->by_status[AG_AGREED]);
    integer(&w, "single", r->by_status[AG_SINGLE]);
    integer(&w, "reports", r->n_reports);
    integer(&w, "statements", r->n_statements);
    integer(&w, "sources", r->n_sources);
    integer(&w, "unsourced_claims", r->unsourced_claims);
    integer(&w, "unsourced_relations", r->unsourced_relations);
    kg_buf_puts(&w.b, "},\n  \"dated_by_source\": ");
    kg_buf_puts(&w.b, opt->date_from_source ? "true" : "false");
    if (r->trust_computed)
        kg_buf_printf(&w.b, ",\n  \"trust\": {\"method\": \"resolve\", \"iterations\": %d}", r->trust_iterations);
    if (opt->findings_only)
        kg_buf_puts(&w.b, ",\n  \"slots_listed\": \"findings\"");
    if (opt->pairs_min > 1)
        kg_buf_printf(&w.b, ",\n  \"pairs_min\": %ld", opt->pairs_min);
    kg_buf_puts(&w.b, ",\n  \"slots\": [");
    size_t listed = 0;
    for (size_t s = 0; s < r->n_slots && !w.rc; s++) {
        ag_status_t st = r->slots[s].status;
        if (opt->findings_only && st != AG_CONFLICT && st != AG_UNDETERMINED && st != AG_CHANGED)
            continue;
        kg_buf_puts(&w.b, listed++ ? ",\n    " : "\n    ");
        put_slot(&w, g, r, &r->slots[s]);
        flush(&w, 1 << 16);
    }
    kg_buf_puts(&w.b, listed ? "\n  ],\n  \"sources\": [" : "],\n  \"sources\": [");
    for (size_t i = 0; i < r->n_sources && !w.rc; i++) {
        const ag_source_stats_t *s = &r->sources[i];
        kg_buf_puts(&w.b, i ? ",\n    {" : "\n    {");
        key(&w, 1, "id");
        str(&w, kg_entity_id(g, s->source));
        integer(&w, "reports", s->reports);
        integer(&w, "shared", s->shared);
        integer(&w, "agreed", s->agreed);
        integer(&w, "conflicts", s->conflicts);
        key(&w, 0, "agreement");
        share(&w, s->agreed, s->shared);
        if (r->trust_computed) {
            key(&w, 0, "trust");
            kg_json_put_real(&w.b, rs_round(s->trust));
        }
        kg_buf_putc(&w.b, '}');
        flush(&w, 1 << 16);
    }
    kg_buf_puts(&w.b, r->n_sources ? "\n  ],\n  \"pairs\": [" : "],\n  \"pairs\": [");
    listed = 0;
    for (size_t i = 0; i < r->n_pairs && !w.rc; i++) {
        const ag_pair_t *p = &r->pairs[i];
        if (p->shared < (uint64_t)opt->pairs_min)
            continue;
        kg_buf_puts(&w.b, listed++ ? ",\n    {" : "\n    {");
        key(&w, 1, "a");
        str(&w, kg_entity_id(g, r->sources[p->a].source));
        key(&w, 0, "b");
        str(&w, kg_entity_id(g, r->sources[p->b].source));
        integer(&w, "shared", p->shared);
        integer(&w, "agreed", p->agreed);
        key(&w, 0, "agreement");
        share(&w, p->agreed, p->shared);
        kg_buf_putc(&w.b, '}');
        flush(&w, 1 << 16);
    }
    kg_buf_puts(&w.b, listed ? "\n  ]\n}\n" : "]\n}\n");
    flush(&w, 0);
    kg_buf_free(&w.b);
    if (w.rc || ferror(f))
        return kg_error_say(err, w.rc == KG_ENOMEM && !ferror(f) ? KG_ENOMEM : KG_EIO,
                            "agreement: cannot write the report%s%s", ferror(f) ? ": " : "",
                            ferror(f) ? strerror(errno) : "");
    return KG_OK;
}
