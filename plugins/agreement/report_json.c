/* report_json.c - the agreement report as JSON (documented in docs/agreement.md), streamed one slot per line:
 * each slot's text is put straight into a buffer (the bytes jansson would write for it, without building it)
 * and written out once the buffer is large, so that no report, however large, is held whole. The long lists
 * (slots, pairs of sources) are put in chunks of items, on every thread kgkit may use (kg_threads), and the
 * chunks written in their order: the same bytes as from one thread, in half the time on two cores. */
#include "agreement.h"

#include <errno.h>
#include <math.h>
#include <pthread.h>
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

/* "name": at the start of an object (first) or after a field; name is a literal, so the text is one copy */
#define key(w, first, name) \
    ((first) ? kg_buf_add(&(w)->b, "\"" name "\": ", sizeof "\"" name "\": " - 1) \
             : kg_buf_add(&(w)->b, ", \"" name "\": ", sizeof ", \"" name "\": " - 1))

static void str(writer_t *w, const char *s)
{
    kg_json_put_string(&w->b, s);
}

static void int_value(writer_t *w, size_t n)
{
    char text[24];
    kg_buf_puts(&w->b, kg_int_text((long long)n, text, sizeof text));
}

#define integer(w, name, n) (key(w, 0, name), int_value(w, n))

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

/* ------------------------------------------------------------ the long lists, in chunks */

/* An item of a list, put into w (its text only: the list puts the separators). 0 when the item is not listed. */
typedef int (*item_fn)(writer_t *w, const kg_graph_t *g, const ag_result_t *r, const ag_options_t *o, size_t i);

#define CHUNK 1024     /* items put at a time */
#define MIN_THREADED 8 /* chunks: below this a list is put in the caller's thread */
#define SEP ",\n    " /* before every item; the list's first loses its comma */

typedef struct piece {
    writer_t w;
    size_t listed;
    enum { PIECE_FREE, PIECE_PUTTING, PIECE_READY } state;
} piece_t;

typedef struct list {
    const kg_graph_t *g;
    const ag_result_t *r;
    const ag_options_t *o;
    item_fn fn;
    size_t n, chunks;
    FILE *f;
    piece_t *ring; /* chunk c is put in ring[c % ring_n], once chunk c - ring_n is written */
    size_t ring_n;
    pthread_mutex_t mu;
    pthread_cond_t freed;
    size_t next_put, next_write, listed;
    int writing; /* a thread is writing chunks out, in order, with the lock released */
    int rc;
} list_t;

static void put_chunk(list_t *l, size_t c, piece_t *pc)
{
    kg_buf_clear(&pc->w.b);
    pc->listed = 0;
    size_t end = (c + 1) * CHUNK < l->n ? (c + 1) * CHUNK : l->n;
    for (size_t i = c * CHUNK; i < end; i++) {
        size_t mark = pc->w.b.len;
        kg_buf_add(&pc->w.b, SEP, sizeof SEP - 1);
        if (l->fn(&pc->w, l->g, l->r, l->o, i))
            pc->listed++;
        else if (!pc->w.b.failed) /* not listed: its separator taken back */
            pc->w.b.data[pc->w.b.len = mark] = '\0';
    }
}

/* Each thread, the caller's too: puts the next chunk whose place in the ring is free; whoever finishes the
 * chunk next in order writes it, and every one after it that is ready, while the others put on. */
static void *list_work(void *arg)
{
    list_t *l = arg;
    pthread_mutex_lock(&l->mu);
    while (!l->rc && l->next_put < l->chunks) {
        size_t c = l->next_put;
        piece_t *pc = &l->ring[c % l->ring_n];
        if (pc->state != PIECE_FREE) {
            pthread_cond_wait(&l->freed, &l->mu);
            continue;
        }
        l->next_put++;
        pc->state = PIECE_PUTTING;
        pthread_mutex_unlock(&l->mu);
        put_chunk(l, c, pc);
        pthread_mutex_lock(&l->mu);
        pc->state = PIECE_READY;
        if (pc->w.b.failed && !l->rc)
            l->rc = KG_ENOMEM;
        while (!l->writing && !l->rc && l->next_write < l->chunks &&
               l->ring[l->next_write % l->ring_n].state == PIECE_READY) {
            piece_t *out = &l->ring[l->next_write % l->ring_n];
            size_t skip = l->listed == 0 && out->listed ? 1 : 0; /* the list's first item has no comma */
            l->writing = 1;
            pthread_mutex_unlock(&l->mu);
            size_t len = out->w.b.len - skip;
            int rc = len && fwrite(out->w.b.data + skip, 1, len, l->f) != len ? KG_EIO : KG_OK;
            pthread_mutex_lock(&l->mu);
            l->writing = 0;
            l->listed += out->listed;
            out->state = PIECE_FREE;
            l->next_write++;
            if (rc && !l->rc)
                l->rc = rc;
            pthread_cond_broadcast(&l->freed);
        }
        if (l->rc)
            pthread_cond_broadcast(&l->freed);
    }
    pthread_mutex_unlock(&l->mu);
    return NULL;
}

/* The items 0 .. n-1 that fn lists, each on its own line, written after what w holds; how many were listed. */
static size_t put_list(writer_t *w, const kg_graph_t *g, const ag_result_t *r, const ag_options_t *o, size_t n,
                       item_fn fn)
{
    flush(w, 0);
    if (w->rc)
        return 0;
    list_t l = {g, r, o, fn, n, (n + CHUNK - 1) / CHUNK, w->f, NULL, 0,
                PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, 0, 0, 0, 0, KG_OK};
    int helpers = l.chunks >= MIN_THREADED ? kg_threads() - 1 : 0;
    if (helpers > 7)
        helpers = 7;
    if (helpers && kg_graph_prepare(g) != KG_OK) /* reading from several threads needs the indexes built */
        helpers = 0;
    l.ring_n = 2 * (size_t)(helpers + 1);
    if (!(l.ring = kg_malloc(l.ring_n * sizeof *l.ring))) {
        w->rc = KG_ENOMEM;
        return 0;
    }
    memset(l.ring, 0, l.ring_n * sizeof *l.ring); /* empty buffers (KG_BUF_INIT), every piece free */
    pthread_t threads[7];
    int started = 0;
    while (started < helpers && pthread_create(&threads[started], NULL, list_work, &l) == 0)
        started++;
    list_work(&l);
    for (int i = 0; i < started; i++)
        pthread_join(threads[i], NULL);
    for (size_t i = 0; i < l.ring_n; i++)
        kg_buf_free(&l.ring[i].w.b);
    kg_free(l.ring);
    pthread_mutex_destroy(&l.mu);
    pthread_cond_destroy(&l.freed);
    w->rc = l.rc;
    return l.listed;
}

static int slot_item(writer_t *w, const kg_graph_t *g, const ag_result_t *r, const ag_options_t *o, size_t s)
{
    ag_status_t st = r->slots[s].status;
    if (o->findings_only && st != AG_CONFLICT && st != AG_UNDETERMINED && st != AG_CHANGED)
        return 0;
    put_slot(w, g, r, &r->slots[s]);
    return 1;
}

static int source_item(writer_t *w, const kg_graph_t *g, const ag_result_t *r, const ag_options_t *o, size_t i)
{
    (void)o;
    const ag_source_stats_t *s = &r->sources[i];
    kg_buf_putc(&w->b, '{');
    key(w, 1, "id");
    str(w, kg_entity_id(g, s->source));
    integer(w, "reports", s->reports);
    integer(w, "shared", s->shared);
    integer(w, "agreed", s->agreed);
    integer(w, "conflicts", s->conflicts);
    key(w, 0, "agreement");
    share(w, s->agreed, s->shared);
    if (r->trust_computed) {
        key(w, 0, "trust");
        kg_json_put_real(&w->b, rs_round(s->trust));
    }
    kg_buf_putc(&w->b, '}');
    return 1;
}

static int pair_item(writer_t *w, const kg_graph_t *g, const ag_result_t *r, const ag_options_t *o, size_t i)
{
    const ag_pair_t *p = &r->pairs[i];
    if (p->shared < (uint64_t)o->pairs_min)
        return 0;
    kg_buf_putc(&w->b, '{');
    key(w, 1, "a");
    str(w, kg_entity_id(g, r->sources[p->a].source));
    key(w, 0, "b");
    str(w, kg_entity_id(g, r->sources[p->b].source));
    integer(w, "shared", p->shared);
    integer(w, "agreed", p->agreed);
    key(w, 0, "agreement");
    share(w, p->agreed, p->shared);
    kg_buf_putc(&w->b, '}');
    return 1;
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
    size_t listed = put_list(&w, g, r, opt, r->n_slots, slot_item);
    kg_buf_puts(&w.b, listed ? "\n  ],\n  \"sources\": [" : "],\n  \"sources\": [");
    listed = put_list(&w, g, r, opt, r->n_sources, source_item);
    kg_buf_puts(&w.b, listed ? "\n  ],\n  \"pairs\": [" : "],\n  \"pairs\": [");
    listed = put_list(&w, g, r, opt, r->n_pairs, pair_item);
    kg_buf_puts(&w.b, listed ? "\n  ]\n}\n" : "]\n}\n");
    flush(&w, 0);
    kg_buf_free(&w.b);
    if (w.rc || ferror(f))
        return kg_error_say(err, w.rc == KG_ENOMEM && !ferror(f) ? KG_ENOMEM : KG_EIO,
                            "agreement: cannot write the report%s%s", ferror(f) ? ": " : "",
                            ferror(f) ? strerror(errno) : "");
    return KG_OK;
}
