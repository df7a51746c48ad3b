/* progress.c - a one-line progress display on stderr, only when stderr is a terminal, at most ten updates a second. */
#define _POSIX_C_SOURCE 200809L
#include "cli.h"

#include <stdio.h>
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
