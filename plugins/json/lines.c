/* lines.c - the JSON Lines reader: lines read and decoded by jansson, in file order, either in the caller's
 * thread or, for a big file, in a thread of their own that works ahead of the one adding records to the
 * graph (decoding is about half of loading, so the two halves then run side by side on two cores). Either way
 * the records, a syntax error and the end of the input come out in the same order, with the same line and
 * column; only whose thread decoded them differs. A statement (nine records in ten) is also read and checked
 * here, into a flat record, and its tree freed at once by the thread that made it: glibc's allocator is far
 * slower when one thread frees what another allocated, or when thousands of trees wait to be freed. Other
 * records come as trees, the reader's until the next batch. */
#define _GNU_SOURCE
#include "json_plugin.h"

#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>

/* Below this a file is read in the caller's thread: a thread costs more than it saves, and small inputs stay
 * deterministic (the out-of-memory walk of the tests counts allocations). Standard input and pipes come
 * through the host's replay stream (it has no descriptor), so they are read in the caller's thread.
 * Not under a limit of address space: a second thread's allocator reserves 64 MB or more of it, and glibc, when
 * it cannot, tries again on every allocation (an import that takes minutes to run out of memory). */
#define READ_AHEAD_MIN (4u << 20)
#define BATCH 512 /* records handed over at a time */
#define QUEUE 4   /* batches decoded ahead, at most */

typedef struct batch {
    jl_record_t recs[BATCH];
    size_t n;
    deferred_t flat; /* the statements among them, read */
} batch_t;

struct jl_reader {
    FILE *in;
    const char *path;
    char *line;
    size_t cap;
    int lineno;
    /* why the input ended early (code KG_OK: it did not): set once, by whoever reads (the reading thread,
     * else the caller) */
    kg_error_t end;
    /* read ahead: a ring of QUEUE batches */
    int threaded;
    pthread_t thread;
    pthread_mutex_t mu;
    pthread_cond_t can_put, can_take;
    batch_t *ring;
    size_t head, count; /* batches filled, from head */
    int finished;       /* the reading thread has put its last batch */
    int stop;           /* the caller wants no more */
    batch_t *cur;       /* the caller's batch being taken from */
    size_t cur_i;
    batch_t *single;    /* not threaded: the record handed out last */
};

static void batch_clear(batch_t *b)
{
    for (size_t i = 0; i < b->n; i++)
        json_decref(b->recs[i].rec);
    b->n = 0;
    deferred_clear(&b->flat);
}

static int is_statement(json_t *rec)
{
    const char *t = json_string_value(json_object_get(rec, "type"));
    return t && strcmp(t, "statement") == 0;
}

/* Reads and decodes the next non-blank line into b. Returns 1 with a record, 0 at the end (r->end says why,
 * when it came early). */
static int read_one(jl_reader_t *r, batch_t *b)
{
    jl_record_t *out = &b->recs[b->n];
    ssize_t n;
    while ((n = getline(&r->line, &r->cap, r->in)) >= 0) {
        r->lineno++;
        size_t i = r->lineno == 1 ? kg_utf8_bom(r->line, (size_t)n) : 0;
        while (i < (size_t)n && strchr(" \t\r\n", r->line[i]))
            i++;
        if (i == (size_t)n)
            continue; /* blank line */
        unsigned long failed_before = kg_alloc_failures();
        json_error_t je;
        json_t *rec = json_loadb(r->line + i, (size_t)n - i, JSON_REJECT_DUPLICATES, &je);
        if (!rec) {
            if (kg_alloc_failures() != failed_before)
                kg_error_set(&r->end, KG_ENOMEM, r->path, r->lineno, 1, "out of memory");
            else
                kg_error_set(&r->end, KG_EINPUT, r->path, r->lineno, (int)i + (je.column > 0 ? je.column : 1), "%s",
                             je.text);
            return 0;
        }
        out->lineno = r->lineno;
        out->rec = NULL;
        out->flat = NULL;
        if (!is_statement(rec)) {
            out->rec = rec;
            b->n++;
            return 1;
        }
        rec_ctx_t c = {NULL, r->path, r->lineno, 1, &r->end};
        int rc = rec_statement_read(&c, rec, 1, &b->flat);
        json_decref(rec);
        if (rc)
            return 0;
        out->flat = &b->flat;
        out->at = b->flat.n - 1;
        b->n++;
        return 1;
    }
    if (ferror(r->in))
        kg_error_set(&r->end, KG_EIO, r->path, 0, 0, "cannot read: %s", strerror(errno));
    else if (!feof(r->in)) /* getline gave up before the end: it could not grow its line */
        kg_error_set(&r->end, KG_ENOMEM, r->path, r->lineno + 1, 0, "out of memory");
    return 0;
}

static void *read_ahead(void *arg)
{
    jl_reader_t *r = arg;
    for (;;) {
        pthread_mutex_lock(&r->mu);
        while (r->count == QUEUE && !r->stop)
            pthread_cond_wait(&r->can_put, &r->mu);
        int stop = r->stop;
        batch_t *b = &r->ring[(r->head + r->count) % QUEUE];
        pthread_mutex_unlock(&r->mu);
        if (stop)
            break;
        /* the slot is the reader's alone until it is counted in; what it held was taken and is done with */
        batch_clear(b);
        int more = 1;
        while (b->n < BATCH && (more = read_one(r, b)))
            ;
        pthread_mutex_lock(&r->mu);
        r->count++;
        r->finished = !more;
        pthread_cond_signal(&r->can_take);
        pthread_mutex_unlock(&r->mu);
        if (!more)
            break;
    }
    return NULL;
}

jl_reader_t *jl_reader_new(FILE *in, const char *path)
{
    jl_reader_t *r = calloc(1, sizeof *r);
    if (!r)
        return NULL;
    r->in = in;
    r->path = path;
    kg_error_clear(&r->end);
    struct stat st;
    int fd = fileno(in);
    struct rlimit as;
    int big = fd >= 0 && fstat(fd, &st) == 0 &&
              S_ISREG(st.st_mode) && st.st_size >= (off_t)READ_AHEAD_MIN &&
              getrlimit(RLIMIT_AS, &as) == 0 && as.rlim_cur == RLIM_INFINITY && kg_threads() > 1;
    if (big && (r->ring = calloc(QUEUE, sizeof *r->ring)) != NULL) {
        pthread_mutex_init(&r->mu, NULL);
        pthread_cond_init(&r->can_put, NULL);
        pthread_cond_init(&r->can_take, NULL);
        /* jansson seeds its hash tables on first use; an object made here makes that happen in one thread */
        json_decref(json_object());
        if (pthread_create(&r->thread, NULL, read_ahead, r) == 0) {
            r->threaded = 1;
        } else { /* no thread to be had: read in this one */
            pthread_mutex_destroy(&r->mu);
            pthread_cond_destroy(&r->can_put);
            pthread_cond_destroy(&r->can_take);
            free(r->ring);
            r->ring = NULL;
        }
    }
    if (!r->threaded && !(r->single = calloc(1, sizeof *r->single))) {
        free(r);
        return NULL;
    }
    return r;
}

int jl_reader_next(jl_reader_t *r, jl_record_t *out)
{
    if (!r->threaded) {
        batch_clear(r->single);
        if (!read_one(r, r->single))
            return 0;
        *out = r->single->recs[0];
        return 1;
    }
    for (;;) {
        if (r->cur && r->cur_i < r->cur->n) {
            *out = r->cur->recs[r->cur_i++];
            return 1;
        }
        pthread_mutex_lock(&r->mu);
        if (r->cur) { /* give the emptied batch back */
            r->head = (r->head + 1) % QUEUE;
            r->count--;
            r->cur = NULL;
            pthread_cond_signal(&r->can_put);
        }
        while (r->count == 0 && !r->finished)
            pthread_cond_wait(&r->can_take, &r->mu);
        if (r->count == 0) { /* finished and all taken: r->end is the thread's last word */
            pthread_mutex_unlock(&r->mu);
            return 0;
        }
        r->cur = &r->ring[r->head];
        r->cur_i = 0;
        pthread_mutex_unlock(&r->mu);
    }
}

int jl_reader_status(const jl_reader_t *r, kg_error_t *err)
{
    if (r->end.code != KG_OK)
        *err = r->end;
    return r->end.code;
}

void jl_reader_free(jl_reader_t *r)
{
    if (!r)
        return;
    if (r->threaded) {
        pthread_mutex_lock(&r->mu);
        r->stop = 1;
        pthread_cond_signal(&r->can_put);
        pthread_mutex_unlock(&r->mu);
        pthread_join(r->thread, NULL);
        for (size_t i = 0; i < QUEUE; i++) { /* taken or not */
            batch_clear(&r->ring[i]);
            deferred_free(&r->ring[i].flat);
        }
        pthread_mutex_destroy(&r->mu);
        pthread_cond_destroy(&r->can_put);
        pthread_cond_destroy(&r->can_take);
        free(r->ring);
    }
    if (r->single) {
        batch_clear(r->single);
        deferred_free(&r->single->flat);
        free(r->single);
    }
    free(r->line);
    free(r);
}
