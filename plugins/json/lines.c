/* lines.c - the JSON Lines reader: lines read and decoded by jansson, in file order, either in the caller's
 * thread or, for a big file, by threads of their own that work ahead of the one adding records to the graph
 * (decoding is more than half of loading). The reading threads take the file in batches of lines, one after
 * the other, and decode them side by side; the caller takes the batches in the file's order. Either way the
 * records, a syntax error and the end of the input come out in the same order, with the same line and column;
 * only whose thread decoded them differs. A statement (nine records in ten) is also read and checked here,
 * into a flat record, and its tree freed at once by the thread that made it: glibc's allocator is far slower
 * when one thread frees what another allocated, or when thousands of trees wait to be freed. Other records
 * come as trees, the reader's until the next batch. */
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
#define BATCH 512     /* lines handed over at a time */
#define MAX_READERS 4 /* decoding threads, at most */

typedef struct batch {
    jl_record_t recs[BATCH];
    size_t n;
    deferred_t flat; /* the statements among them, read */
    /* read ahead: the batch's lines as read (n_lines of them, NUL-terminated, one after the other), and how the
     * input ended in it, if it did */
    kg_buf_t lines;
    size_t n_lines;
    int lineno[BATCH];
    size_t len[BATCH], from[BATCH]; /* each line's length, and where its text starts */
    kg_error_t end; /* why the input ends in this batch (code KG_OK: it did not, or it ended at its end) */
    int last;       /* the input ends in this batch */
    enum { BATCH_FREE, BATCH_DECODING, BATCH_READY } state;
} batch_t;

struct jl_reader {
    FILE *in;
    const char *path;
    char *line;
    size_t cap;
    int lineno;
    /* why the input ended early (code KG_OK: it did not): set once, by the caller's thread */
    kg_error_t end;
    /* read ahead: a ring of batches; batch number k is decoded in ring[k % ring_n], once number k - ring_n has
     * been taken */
    int threaded;
    pthread_t threads[MAX_READERS];
    int n_threads;
    pthread_mutex_t mu;
    pthread_cond_t can_put, can_take;
    batch_t *ring;
    size_t ring_n;
    size_t next_read; /* the number of the next batch to read */
    size_t next_take; /* the number of the batch the caller takes next */
    int read_done;    /* the input has ended (in batch next_read - 1) */
    int stop;         /* the caller wants no more */
    batch_t *cur;     /* the caller's batch being taken from */
    size_t cur_i;
    batch_t *single; /* not threaded: the record handed out last */
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

/* The next non-blank line into r->line: its length and where its text starts, or -1 at the end (end says why,
 * when it came early). */
static ssize_t next_line(jl_reader_t *r, size_t *from, kg_error_t *end)
{
    ssize_t n;
    while ((n = getline(&r->line, &r->cap, r->in)) >= 0) {
        r->lineno++;
        size_t i = r->lineno == 1 ? kg_utf8_bom(r->line, (size_t)n) : 0;
        while (i < (size_t)n && strchr(" \t\r\n", r->line[i]))
            i++;
        if (i < (size_t)n) {
            *from = i;
            return n;
        }
    }
    if (ferror(r->in))
        kg_error_set(end, KG_EIO, r->path, 0, 0, "cannot read: %s", strerror(errno));
    else if (!feof(r->in)) /* getline gave up before the end: it could not grow its line */
        kg_error_set(end, KG_ENOMEM, r->path, r->lineno + 1, 0, "out of memory");
    return -1;
}

/* Decodes the line text[0..n) (its first non-blank byte at column `from` + 1) into b's next record. 1 with a
 * record, 0 with end set to why it cannot be one. */
static int decode(jl_reader_t *r, batch_t *b, const char *text, size_t n, size_t from, int lineno, kg_error_t *end)
{
    jl_record_t *out = &b->recs[b->n];
    unsigned long failed_before = kg_alloc_failures();
    json_error_t je;
    json_t *rec = json_loadb(text + from, n - from, JSON_REJECT_DUPLICATES, &je);
    if (!rec) {
        if (kg_alloc_failures() != failed_before)
            kg_error_set(end, KG_ENOMEM, r->path, lineno, 1, "out of memory");
        else
            kg_error_set(end, KG_EINPUT, r->path, lineno, (int)from + (je.column > 0 ? je.column : 1), "%s", je.text);
        return 0;
    }
    out->lineno = lineno;
    out->rec = NULL;
    out->flat = NULL;
    if (!is_statement(rec)) {
        out->rec = rec;
        b->n++;
        return 1;
    }
    rec_ctx_t c = {NULL, r->path, lineno, 1, end};
    int rc = rec_statement_read(&c, rec, 1, &b->flat);
    json_decref(rec);
    if (rc)
        return 0;
    out->flat = &b->flat;
    out->at = b->flat.n - 1;
    b->n++;
    return 1;
}

/* Reads the next batch's lines into b (the caller holds the lock: the file is read by one thread at a time,
 * in order). */
static void read_batch(jl_reader_t *r, batch_t *b)
{
    kg_buf_clear(&b->lines);
    b->n_lines = 0;
    b->last = 0;
    kg_error_clear(&b->end);
    size_t from;
    ssize_t n;
    while (b->n_lines < BATCH) {
        if ((n = next_line(r, &from, &b->end)) < 0) {
            b->last = 1;
            return;
        }
        /* kept as read: the column of an error counts from the line's start */
        if (kg_buf_add(&b->lines, r->line, (size_t)n + 1) != KG_OK) {
            kg_error_set(&b->end, KG_ENOMEM, r->path, r->lineno, 0, "out of memory");
            b->last = 1;
            return;
        }
        b->lineno[b->n_lines] = r->lineno;
        b->len[b->n_lines] = (size_t)n;
        b->from[b->n_lines++] = from;
    }
}

/* Decodes the lines read into b; a line that is no record ends the input there. */
static void decode_batch(jl_reader_t *r, batch_t *b)
{
    batch_clear(b);
    const char *p = b->lines.data;
    for (size_t i = 0; i < b->n_lines; p += b->len[i] + 1, i++) {
        kg_error_t why;
        kg_error_clear(&why);
        if (!decode(r, b, p, b->len[i], b->from[i], b->lineno[i], &why)) {
            b->end = why; /* the error on this line comes before whatever ended the reading later */
            b->last = 1;
            return;
        }
    }
}

static void *read_ahead(void *arg)
{
    jl_reader_t *r = arg;
    pthread_mutex_lock(&r->mu);
    for (;;) {
        if (r->stop || r->read_done)
            break;
        batch_t *b = &r->ring[r->next_read % r->ring_n];
        if (b->state != BATCH_FREE) { /* the caller has not taken the batch this slot held */
            pthread_cond_wait(&r->can_put, &r->mu);
            continue;
        }
        size_t number = r->next_read++;
        b->state = BATCH_DECODING;
        read_batch(r, b);
        if (b->last)
            r->read_done = 1;
        pthread_mutex_unlock(&r->mu);
        /* the slot is this thread's alone until it is ready; what it held was taken and is done with */
        decode_batch(r, b);
        pthread_mutex_lock(&r->mu);
        b->state = BATCH_READY;
        if (b->last) /* an error in decoding ends the input here: no later batch is read */
            r->read_done = 1;
        if (number == r->next_take)
            pthread_cond_signal(&r->can_take);
    }
    pthread_cond_broadcast(&r->can_put); /* another reader may wait for a slot that will not free */
    pthread_mutex_unlock(&r->mu);
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
    int threads = kg_threads();
    int big = fd >= 0 && fstat(fd, &st) == 0 &&
              S_ISREG(st.st_mode) && st.st_size >= (off_t)READ_AHEAD_MIN &&
              getrlimit(RLIMIT_AS, &as) == 0 && as.rlim_cur == RLIM_INFINITY && threads > 1;
    /* as many decoding threads as processors (the caller's thread adds what they decode), two batches each */
    int readers = threads < MAX_READERS ? threads : MAX_READERS;
    if (big && (r->ring = calloc((size_t)readers * 2, sizeof *r->ring)) != NULL) {
        r->ring_n = (size_t)readers * 2;
        pthread_mutex_init(&r->mu, NULL);
        pthread_cond_init(&r->can_put, NULL);
        pthread_cond_init(&r->can_take, NULL);
        /* jansson seeds its hash tables on first use; an object made here makes that happen in one thread */
        json_decref(json_object());
        while (r->n_threads < readers && pthread_create(&r->threads[r->n_threads], NULL, read_ahead, r) == 0)
            r->n_threads++;
        if (r->n_threads) {
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
        size_t from;
        ssize_t n = next_line(r, &from, &r->end);
        if (n < 0 || !decode(r, r->single, r->line, (size_t)n, from, r->lineno, &r->end))
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
        if (r->cur) { /* the batch is taken: its slot is free for the batch ring_n after it */
            int last = r->cur->last;
            if (last && r->end.code == KG_OK)
                r->end = r->cur->end;
            r->cur->state = BATCH_FREE;
            r->cur = NULL;
            r->next_take++;
            pthread_cond_broadcast(&r->can_put);
            if (last) {
                pthread_mutex_unlock(&r->mu);
                return 0;
            }
        }
        batch_t *b = &r->ring[r->next_take % r->ring_n];
        while (b->state != BATCH_READY)
            pthread_cond_wait(&r->can_take, &r->mu);
        r->cur = b;
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
        pthread_cond_broadcast(&r->can_put);
        pthread_mutex_unlock(&r->mu);
        for (int i = 0; i < r->n_threads; i++)
            pthread_join(r->threads[i], NULL);
        for (size_t i = 0; i < r->ring_n; i++) { /* taken or not */
            batch_clear(&r->ring[i]);
            deferred_free(&r->ring[i].flat);
            kg_buf_free(&r->ring[i].lines);
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
