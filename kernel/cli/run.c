/* run.c - kgkit run: the pipeline as a plan (inputs, analyses, exports, each with its parameters) checked whole
 * before any work, then carried out with every file staged, and all committed together at the end. */
#define _POSIX_C_SOURCE 200809L /* clock_gettime */
#include "cli.h"

#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* --timings: each phase's wall time, said on stderr at the end (for people, and bench/compare.sh). */
typedef struct timings {
    int on;
    char text[2048];
    size_t len;
    double start, mark;
} timings_t;

static void lap(timings_t *t, const char *what)
{
    if (!t->on)
        return;
    double n = now();
    if (t->len < sizeof t->text)
        t->len += (size_t)snprintf(t->text + t->len, sizeof t->text - t->len, " %s=%.2f", what, n - t->mark);
    t->mark = n;
}

typedef struct step {
    char name[128];   /* analysis name or export format ("" for an export: by the file's extension) */
    const char *file; /* NULL for a report on stdout */
    kg_opts_t *opts;
} step_t;

typedef struct plan {
    const char *const *inputs;
    int n_inputs;
    const char *from;
    kg_format_t format;  /* of reports on stdout */
    step_t *an, *ex;
    int n_an, n_ex;
    kg_opts_t *import_opts;
} plan_t;

static void plan_free(plan_t *p)
{
    for (int i = 0; p->an && i < p->n_an; i++)
        kg_opts_free(p->an[i].opts);
    for (int i = 0; p->ex && i < p->n_ex; i++)
        kg_opts_free(p->ex[i].opts);
    free(p->an);
    free(p->ex);
    kg_opts_free(p->import_opts);
    memset(p, 0, sizeof *p);
}

/* "A=B" into the step's name A and file B; without "=", all of it is the name (analyses) or the file (exports). */
static void split_step(const char *s, int name_alone, step_t *st)
{
    const char *eq = strchr(s, '=');
    st->file = NULL;
    if (eq && (size_t)(eq - s) < sizeof st->name) {
        snprintf(st->name, sizeof st->name, "%.*s", (int)(eq - s), s);
        st->file = eq + 1;
    } else if (name_alone) {
        snprintf(st->name, sizeof st->name, "%s", s);
    } else {
        st->file = s;
    }
}

/* The -a and -e steps, every name checked against the loaded plugins. */
static int plan_steps(cli_t *c, const cli_args_t *a, plan_t *p)
{
    p->an = calloc((size_t)a->n_given + 1, sizeof *p->an);
    p->ex = calloc((size_t)a->n_given + 1, sizeof *p->ex);
    if (!p->an || !p->ex)
        return cli_usage("out of memory");
    for (int i = 0; i < a->n_given; i++) {
        if (cli_is(&a->given[i], "--analyze"))
            split_step(a->given[i].value, 1, &p->an[p->n_an++]);
        else if (cli_is(&a->given[i], "--export"))
            split_step(a->given[i].value, 0, &p->ex[p->n_ex++]);
    }
    for (int i = 0; i < p->n_an; i++)
        if (!kg_host_find_analysis(c->host, p->an[i].name))
            return cli_usage("run: no analysis named \"%s\" (see kgkit plugins)", p->an[i].name);
    for (int i = 0; i < p->n_ex; i++) {
        step_t *s = &p->ex[i];
        const kg_exporter_t *e = s->name[0] ? kg_host_find_exporter(c->host, s->name)
                                            : kg_host_exporter_for(c->host, s->file);
        if (!e)
            return s->name[0] ? cli_usage("run: no exporter for format \"%s\"", s->name)
                              : cli_usage("run: cannot tell the format of %s; write -e FORMAT=%s", s->file, s->file);
        snprintf(s->name, sizeof s->name, "%s", e->name);
    }
    return EXIT_OK;
}

/* Routes each NAME.KEY=VALUE to the steps called NAME, or to the importer. */
static int plan_params(cli_t *c, const cli_args_t *a, plan_t *p)
{
    for (int i = 0; i < a->n_given; i++) {
        if (!cli_is(&a->given[i], "--param"))
            continue;
        const char *param = a->given[i].value, *dot = strchr(param, '.'), *eq = strchr(param, '=');
        if (!dot || !eq || dot > eq)
            return cli_usage("run: parameter \"%s\" is not of the form NAME.KEY=VALUE", param);
        char target[128];
        snprintf(target, sizeof target, "%.*s", (int)(dot - param), param);
        int used = 0;
        step_t *lists[2] = {p->an, p->ex};
        int counts[2] = {p->n_an, p->n_ex};
        for (int l = 0; l < 2; l++) {
            for (int k = 0; k < counts[l]; k++) {
                step_t *s = &lists[l][k];
                if (strcmp(s->name, target) != 0)
                    continue;
                if ((!s->opts && kg_opts_new(&s->opts) != KG_OK) || kg_opts_set_pair(s->opts, dot + 1, NULL))
                    return cli_usage("out of memory");
                used = 1;
            }
        }
        /* the importer's, when no analysis or export of this run has the name
         * (dot names both an importer and an exporter), or when --from names it */
        if ((p->from && strcmp(target, p->from) == 0) || (!used && kg_host_find_importer(c->host, target))) {
            if (kg_opts_set_pair(p->import_opts, dot + 1, NULL))
                return cli_usage("out of memory");
            used = 1;
        }
        if (!used)
            return cli_usage("run: parameter \"%s\" names no analysis, exporter or importer of this run", param);
    }
    return EXIT_OK;
}

/* The whole plan from the arguments, checked before any work. */
static int plan_make(cli_t *c, const cli_args_t *a, plan_t *p)
{
    int rc;
    memset(p, 0, sizeof *p);
    p->inputs = a->pos;
    p->n_inputs = a->n_pos;
    p->from = cli_value(a, "--from", NULL);
    if ((rc = cli_parse_format(cli_value(a, "--format", "text"), &p->format)))
        return rc;
    if (kg_opts_new(&p->import_opts) != KG_OK)
        return cli_usage("out of memory");
    kg_opts_set_progress(p->import_opts, cli_progress, NULL);
    if ((rc = plan_steps(c, a, p)) || (rc = plan_params(c, a, p)))
        return rc;
    return EXIT_OK;
}

/* Files written by the run: each staged, all committed together once every step has succeeded, so that a
 * failing analysis or export leaves the files of the earlier ones as they were. */
typedef struct stages {
    kg_staged_t **items;
    int n;
} stages_t;

/* Runs the analyses in order; a report for stdout is written there now, a report file is staged. */
static int run_analyses(cli_t *c, const plan_t *p, kg_graph_t *g, stages_t *st, timings_t *t)
{
    kg_error_t err;
    for (int i = 0; i < p->n_an; i++) {
        const step_t *s = &p->an[i];
        size_t n = s->file ? strlen(s->file) : 0;
        kg_format_t f = s->file ? (n >= 5 && !strcmp(s->file + n - 5, ".json") ? KG_FORMAT_JSON : KG_FORMAT_TEXT)
                                : p->format;
        FILE *out = stdout;
        int rc = s->file ? kg_stage_open(s->file, &st->items[st->n], &out, &err) : KG_OK;
        if (rc == KG_OK && s->file)
            st->n++;
        cli_progress_label(s->name);
        if (rc == KG_OK)
            rc = kg_host_analyze(c->host, g, s->name, s->opts, f, out, &err);
        cli_progress_done();
        if (!s->file && (fflush(stdout) != 0 || ferror(stdout))) {
            /* the reader of stdout went away (kgkit run ... | head): the files named with -e are still
             * written; any other failure to write the report is one */
            if (errno != EPIPE && rc == KG_OK)
                rc = kg_error_set(&err, KG_EIO, "<stdout>", 0, 0, "cannot write: %s", strerror(errno));
            else if (errno == EPIPE && (rc == KG_OK || err.code == KG_EIO))
                rc = KG_OK, clearerr(stdout);
        }
        if (rc != KG_OK)
            return cli_fail(&err);
        lap(t, s->name);
    }
    return EXIT_OK;
}

static int run_exports_in_turn(cli_t *c, const plan_t *p, const kg_graph_t *g, stages_t *st, timings_t *t)
{
    kg_error_t err;
    for (int i = 0; i < p->n_ex; i++) {
        cli_progress_label(p->ex[i].file);
        int rc = kg_host_export_staged(c->host, g, p->ex[i].name, p->ex[i].file, p->ex[i].opts, &st->items[st->n],
                                       &err);
        cli_progress_done();
        if (rc != KG_OK)
            return cli_fail(&err);
        st->n++;
        lap(t, p->ex[i].name[0] ? p->ex[i].name : p->ex[i].file);
    }
    return EXIT_OK;
}

/* Exports side by side: each worker takes the next export of the plan; an exporter that is not reentrant
 * (kg_exporter_reentrant) runs only while no other such one does. Each output is synced by its worker, so the
 * commit is renames only. The first failure in the plan's order is the one reported, as in turn. */
typedef struct export_job {
    cli_t *c;
    const plan_t *p;
    const kg_graph_t *g;
    kg_staged_t **items; /* one per export, in the plan's order */
    kg_error_t *errs;
    int *rcs;
    double *seconds;
    int next;
    int failed; /* once one has, the exports not begun are not begun */
    pthread_mutex_t lock, serial;
} export_job_t;

static void *export_worker(void *arg)
{
    export_job_t *j = arg;
    for (;;) {
        pthread_mutex_lock(&j->lock);
        int i = j->failed || j->next >= j->p->n_ex ? -1 : j->next++;
        pthread_mutex_unlock(&j->lock);
        if (i < 0)
            return NULL;
        const step_t *s = &j->p->ex[i];
        int alone = !kg_exporter_reentrant(kg_host_find_exporter(j->c->host, s->name));
        if (alone)
            pthread_mutex_lock(&j->serial);
        cli_progress_many_mark(i, 0);
        double start = now();
        int rc = kg_host_export_staged(j->c->host, j->g, s->name, s->file, s->opts, &j->items[i], &j->errs[i]);
        if (rc == KG_OK && (rc = kg_stage_flush(j->items[i], &j->errs[i])) != KG_OK)
            j->items[i] = NULL; /* aborted and freed */
        j->seconds[i] = now() - start;
        cli_progress_many_mark(i, 1);
        if (alone)
            pthread_mutex_unlock(&j->serial);
        j->rcs[i] = rc;
        if (rc != KG_OK) {
            pthread_mutex_lock(&j->lock);
            j->failed = 1;
            pthread_mutex_unlock(&j->lock);
        }
    }
}

static int run_exports(cli_t *c, plan_t *p, const kg_graph_t *g, stages_t *st, timings_t *t)
{
    int workers = kg_threads();
    if (workers > p->n_ex)
        workers = p->n_ex;
    /* exports to stdout come out one after the other, as asked; threads read the graph only once it is prepared */
    for (int i = 0; i < p->n_ex && workers > 1; i++)
        if (strcmp(p->ex[i].file, "-") == 0)
            workers = 1;
    if (workers < 2 || kg_graph_prepare(g) != KG_OK)
        return run_exports_in_turn(c, p, g, st, t);
    int n = p->n_ex;
    export_job_t j = {c, p, g, st->items + st->n, calloc((size_t)n, sizeof *j.errs), calloc((size_t)n, sizeof *j.rcs),
                      calloc((size_t)n, sizeof *j.seconds), 0, 0, PTHREAD_MUTEX_INITIALIZER, PTHREAD_MUTEX_INITIALIZER};
    const char **labels = calloc((size_t)n, sizeof *labels);
    pthread_t *threads = calloc((size_t)workers, sizeof *threads);
    if (!j.errs || !j.rcs || !j.seconds || !labels || !threads) {
        free(j.errs), free(j.rcs), free(j.seconds), free(labels), free(threads);
        return cli_usage("out of memory");
    }
    /* each export reports its progress on the one line, under its file's name */
    int rc = EXIT_OK;
    for (int i = 0; i < n && rc == EXIT_OK; i++) {
        step_t *s = &p->ex[i];
        labels[i] = s->file;
        if (!s->opts && kg_opts_new(&s->opts) != KG_OK)
            rc = cli_usage("out of memory");
        else
            kg_opts_set_progress(s->opts, cli_progress_many, (void *)(intptr_t)i);
    }
    int started = 0;
    if (rc == EXIT_OK) {
        cli_progress_many_begin(labels, n);
        for (; started < workers; started++)
            if (pthread_create(&threads[started], NULL, export_worker, &j) != 0)
                break;
        if (started == 0) /* no thread to be had: this one does them all */
            export_worker(&j);
        for (int i = 0; i < started; i++)
            pthread_join(threads[i], NULL);
        cli_progress_done();
        for (int i = 0; i < n; i++)
            if (j.rcs[i] != KG_OK && rc == EXIT_OK)
                rc = cli_fail(&j.errs[i]);
        /* every stage made is counted, so that a failure aborts them all */
        st->n += n;
        if (rc == EXIT_OK) {
            for (int i = 0; i < n; i++)
                if (t->on && t->len < sizeof t->text)
                    t->len += (size_t)snprintf(t->text + t->len, sizeof t->text - t->len, " %s=%.2f",
                                               p->ex[i].name[0] ? p->ex[i].name : p->ex[i].file, j.seconds[i]);
            lap(t, "exports");
        }
    }
    free(j.errs), free(j.rcs), free(j.seconds), free(labels), free(threads);
    return rc;
}

static int commit_all(stages_t *st)
{
    kg_error_t err;
    for (int i = 0; i < st->n; i++) {
        kg_staged_t *s = st->items[i];
        st->items[i] = NULL;
        if (kg_stage_commit(s, &err) != KG_OK)
            return cli_fail(&err);
    }
    return EXIT_OK;
}

int cmd_run(cli_t *c, const cli_args_t *a)
{
    plan_t p;
    stages_t st = {NULL, 0};
    kg_graph_t *g = NULL;
    timings_t t = {cli_flag(a, "--timings"), "", 0, now(), 0};
    t.mark = t.start;
    int rc = plan_make(c, a, &p);
    if (rc == EXIT_OK && !(st.items = calloc((size_t)(p.n_an + p.n_ex) + 1, sizeof *st.items)))
        rc = cli_usage("out of memory");
    if (rc == EXIT_OK)
        rc = cli_load(c, &g, p.inputs, p.n_inputs, p.from, p.import_opts);
    lap(&t, "load");
    if (rc == EXIT_OK)
        rc = run_analyses(c, &p, g, &st, &t);
    if (rc == EXIT_OK)
        rc = run_exports(c, &p, g, &st, &t);
    if (rc == EXIT_OK)
        rc = commit_all(&st);
    lap(&t, "commit");
    if (rc == EXIT_OK && t.on)
        fprintf(stderr, "kgkit: timings (seconds):%s total=%.2f\n", t.text, now() - t.start);
    if (rc == EXIT_OK) {
        for (int i = 0; i < p.n_an; i++)
            if (p.an[i].file)
                cli_wrote(c, p.an[i].file, p.an[i].name);
        for (int i = 0; i < p.n_ex; i++)
            cli_wrote(c, p.ex[i].file, p.ex[i].name);
    }
    for (int i = 0; i < st.n; i++)
        kg_stage_abort(st.items[i]); /* NULL-safe: the committed ones are NULL */
    free(st.items);
    kg_graph_free(g);
    plan_free(&p);
    return rc;
}
