/* progress.c - a one-line progress display on stderr, only when stderr is a terminal, at most ten updates a second;
 * for exports written side by side, one line for all of them. */
#define _POSIX_C_SOURCE 200809L
#include "cli.h"

#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static int shown;
static double last;
static char label[256];

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

void cli_progress_label(const char *l)
{
    snprintf(label, sizeof label, "%s", l ? l : "");
}

void cli_progress(void *userdata, const char *what, uint64_t done, uint64_t total)
{
    if (!isatty(STDERR_FILENO))
        return;
    double t = now();
    if (shown && t - last < 0.1)
        return;
    last = t;
    shown = 1;
    if (total)
        fprintf(stderr, "\r\033[K%s %s: %3.0f%%", what, label, 100.0 * (double)done / (double)total);
    else
        fprintf(stderr, "\r\033[K%s %s: %llu records", what, label, (unsigned long long)done);
    fflush(stderr);
}

void cli_progress_done(void)
{
    if (shown && isatty(STDERR_FILENO))
        fputs("\r\033[K", stderr);
    shown = 0;
}

/* ------------------------------------------------ several at once */

#define MAX_TASKS 64
static pthread_mutex_t many_lock = PTHREAD_MUTEX_INITIALIZER;
static struct {
    char label[48];
    double fraction; /* < 0: not started; 1: done */
} tasks[MAX_TASKS];
static int n_tasks;

void cli_progress_many_begin(const char *const *labels, int n)
{
    n_tasks = n < MAX_TASKS ? n : MAX_TASKS;
    for (int i = 0; i < n_tasks; i++) {
        snprintf(tasks[i].label, sizeof tasks[i].label, "%s", labels[i]);
        tasks[i].fraction = -1;
    }
}

static void show_many(void)
{
    char line[512];
    size_t len = (size_t)snprintf(line, sizeof line, "writing");
    for (int i = 0; i < n_tasks && len < sizeof line; i++) {
        if (tasks[i].fraction < 0)
            continue;
        len += (size_t)snprintf(line + len, sizeof line - len, "%s %s %3.0f%%", len > 7 ? "," : "",
                                tasks[i].label, 100.0 * tasks[i].fraction);
    }
    fprintf(stderr, "\r\033[K%s", line);
    fflush(stderr);
}

void cli_progress_many(void *userdata, const char *what, uint64_t done, uint64_t total)
{
    (void)what;
    int i = (int)(intptr_t)userdata;
    if (i < 0 || i >= n_tasks || !isatty(STDERR_FILENO))
        return;
    pthread_mutex_lock(&many_lock);
    tasks[i].fraction = total ? (double)done / (double)total : 0;
    double t = now();
    if (!shown || t - last >= 0.1) {
        last = t;
        shown = 1;
        show_many();
    }
    pthread_mutex_unlock(&many_lock);
}

void cli_progress_many_mark(int i, int done)
{
    if (i < 0 || i >= n_tasks)
        return;
    pthread_mutex_lock(&many_lock);
    tasks[i].fraction = done ? 1 : 0;
    if (isatty(STDERR_FILENO)) {
        shown = 1;
        show_many();
    }
    pthread_mutex_unlock(&many_lock);
}
