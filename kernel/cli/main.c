/* main.c - the kgkit command: global options, plugin loading, dispatch through the command table, error reporting, crashes. */
#define _DEFAULT_SOURCE /* sigaction, scandir, alphasort */
#include "cli.h"

#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <sys/stat.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int cli_exit_code(int status)
{
    switch (status) {
    case KG_OK: return EXIT_OK;
    case KG_EUSAGE: return EXIT_USAGE;
    default: return EXIT_INPUT;
    }
}

int cli_fail(const kg_error_t *err)
{
    char buf[KG_ERROR_SOURCE_LENGTH + KG_ERROR_TEXT_LENGTH + 64];
    cli_progress_done();
    /* stdout closed by its reader (kgkit ... | head): quiet, as a program killed by SIGPIPE would be */
    snprintf(buf, sizeof buf, "cannot write: %s", strerror(EPIPE));
    if (err->code == KG_EIO && !strcmp(err->source, "<stdout>") && !strcmp(err->text, buf))
        return EXIT_PIPE;
    kg_error_format(err, buf, sizeof buf);
    fprintf(stderr, "kgkit: error: %s\n", buf);
    return cli_exit_code(err->code);
}

int cli_usage(const char *fmt, ...)
{
    va_list ap;
    fputs("kgkit: ", stderr);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputs("\n", stderr);
    return EXIT_USAGE;
}

void cli_warn(void *userdata, const kg_error_t *w)
{
    const cli_t *c = userdata;
    if (c->quiet)
        return;
    char buf[KG_ERROR_SOURCE_LENGTH + KG_ERROR_TEXT_LENGTH + 64];
    kg_error_format(w, buf, sizeof buf);
    cli_progress_done();
    fprintf(stderr, "kgkit: warning: %s\n", buf);
}

static void plugin_problem(void *userdata, const kg_error_t *p)
{
    const cli_t *c = userdata;
    if (c->quiet)
        return;
    fprintf(stderr, "kgkit: warning: plugin %s skipped: %s\n", p->source, p->text);
}

/* The inputs as the files to read: a directory stands for its files that an importer takes by name, in name
 * order (`kgkit export csv -o DIR/` names its tables so that this order is the one they need). NULL-terminated,
 * malloc'd strings in a malloc'd list; NULL when out of memory. */
static char **expand_inputs(const cli_t *c, const char *const *inputs, int n, int *count)
{
    size_t cap = (size_t)n + 1, k = 0;
    char **files = calloc(cap, sizeof *files);
    for (int i = 0; files && i < n; i++) {
        struct dirent **list = NULL;
        struct stat st;
        int m = strcmp(inputs[i], "-") && stat(inputs[i], &st) == 0 && S_ISDIR(st.st_mode)
                    ? scandir(inputs[i], &list, NULL, alphasort)
                    : -1;
        for (int j = 0; j < (m < 0 ? 1 : m) && files; j++) {
            char path[4096];
            snprintf(path, sizeof path, "%s", inputs[i]);
            if (m >= 0) {
                snprintf(path, sizeof path, "%s/%s", inputs[i], list[j]->d_name);
                if (list[j]->d_name[0] == '.' || stat(path, &st) != 0 || !S_ISREG(st.st_mode) ||
                    !kg_host_importer_for(c->host, path, NULL, 0))
                    continue;
            }
            if (k + 1 >= cap) {
                char **x = realloc(files, (cap *= 2) * sizeof *x);
                if (!x) {
                    for (size_t q = 0; q < k; q++)
                        free(files[q]);
                    free(files);
                    files = NULL;
                    break;
                }
                files = x;
            }
            if (files && !(files[k++] = strdup(path)))
                k--;
            if (files)
                files[k] = NULL;
        }
        for (int j = 0; j < m; j++)
            free(list[j]);
        free(list);
    }
    *count = (int)k;
    return files;
}

/* Warnings while loading: those of a file read again (see cli_load) were said the first time. */
typedef struct load_warn {
    cli_t *c;
    int mute;
} load_warn_t;

static void load_warn(void *userdata, const kg_error_t *w)
{
    const load_warn_t *lw = userdata;
    if (!lw->mute)
        cli_warn(lw->c, w);
}

/* Merges *g by the judgements in path (replacing it); an exit code. */
static int cli_judge(cli_t *c, kg_graph_t **g, const char *path)
{
    kg_judgements_t *j;
    kg_graph_t *merged;
    kg_error_t err;
    size_t n;
    if (kg_judgements_load(path, 0, &j, cli_warn, c, &err))
        return cli_fail(&err);
    int rc = kg_graph_apply_judgements(*g, j, &merged, &n, &err);
    if (rc == KG_OK) {
        if (!c->quiet)
            fprintf(stderr, "kgkit: %s: %zu judgement%s, %zu entit%s merged into others\n", path,
                    kg_judgements_count(j), kg_judgements_count(j) == 1 ? "" : "s", n, n == 1 ? "y" : "ies");
        kg_graph_free(*g);
        *g = merged;
    }
    kg_judgements_free(j);
    return rc == KG_OK ? EXIT_OK : cli_fail(&err);
}

int cli_load(cli_t *c, kg_graph_t **out, const char *const *inputs, int n, const char *format,
             const kg_opts_t *opts)
{
    kg_graph_t *g = NULL;
    kg_error_t err, first_err;
    *out = NULL;
    int n_files;
    char **files = expand_inputs(c, inputs, n, &n_files);
    /* per file: read into the graph, read once before (into a graph given up), moved to the front */
    unsigned char *done = files ? calloc((size_t)n_files + 1, 3) : NULL;
    unsigned char *read_before = done ? done + n_files + 1 : NULL, *moved = done ? read_before + n_files + 1 : NULL;
    load_warn_t lw = {c, 0};
    kg_opts_t *o = NULL;
    int rc = EXIT_OK;
    if (!done || kg_graph_new(&g) != KG_OK || (!opts && kg_opts_new(&o) != KG_OK))
        rc = cli_usage("out of memory");
    if (o) {
        kg_opts_set_progress(o, cli_progress, NULL);
        opts = o;
    }
    if (g)
        kg_graph_set_warn_handler(g, load_warn, &lw);
    /* Files in any order: one that names an entity no file read so far has (KG_ENOTFOUND) waits, and is read
     * again once the others are in; what still fails then is reported as it failed first. One that declares
     * what files read before it used otherwise (KG_ECONFLICT: a predicates table declaring numbers after a
     * statements table gave the predicate text) is moved to the front, once, and every file read again. */
    int left = n_files, progress = 1, have_first = 0;
    while (rc == EXIT_OK && left && progress) {
        progress = 0;
        have_first = 0;
        for (int i = 0; i < n_files && rc == EXIT_OK; i++) {
            if (done[i])
                continue;
            lw.mute = read_before[i];
            cli_progress_label(files[i]);
            int st = kg_host_import_file(c->host, g, files[i], format, opts, &err);
            cli_progress_done();
            lw.mute = 0;
            if (st == KG_OK) {
                done[i] = 1;
                left--;
                progress = 1;
            } else if (st == KG_ENOTFOUND && left > 1 && strcmp(files[i], "-")) {
                if (!have_first)
                    first_err = err, have_first = 1;
            } else if (st == KG_ECONFLICT && !moved[i] && left < n_files && strcmp(files[i], "-")) {
                char *f = files[i];
                unsigned char was_read = read_before[i];
                for (int k = 0; k < n_files; k++)
                    read_before[k] |= done[k];
                memmove(files + 1, files, (size_t)i * sizeof *files);
                memmove(read_before + 1, read_before, (size_t)i);
                memmove(moved + 1, moved, (size_t)i);
                files[0] = f;
                read_before[0] = was_read;
                moved[0] = 1;
                memset(done, 0, (size_t)n_files);
                kg_graph_free(g);
                if (kg_graph_new(&g) != KG_OK) {
                    g = NULL;
                    rc = cli_usage("out of memory");
                    break;
                }
                kg_graph_set_warn_handler(g, load_warn, &lw);
                left = n_files;
                progress = 1;
                break;
            } else {
                rc = cli_fail(&err);
            }
        }
    }
    if (rc == EXIT_OK && left)
        rc = cli_fail(have_first ? &first_err : &err);
    if (rc == EXIT_OK && c->judgements) /* the entities judged one, merged */
        rc = cli_judge(c, &g, c->judgements);
    for (int i = 0; files && i < n_files; i++)
        free(files[i]);
    free(files);
    free(done);
    kg_opts_free(o);
    if (rc != EXIT_OK) {
        kg_graph_free(g);
        return rc;
    }
    kg_graph_set_warn_handler(g, cli_warn, c);
    *out = g;
    return EXIT_OK;
}

/* ------------------------------------------------------------ crashes */

static struct sigaction previous_action[32];
static const int crash_signals[] = {SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT};

static void say(const char *s)
{
    size_t n = strlen(s);
    while (n) {
        ssize_t w = write(STDERR_FILENO, s, n);
        if (w <= 0)
            return;
        s += w;
        n -= (size_t)w;
    }
}

/* A crash: name the plugin whose code was running, remove the half-written files, then let the signal take
 * its course (the handler there before, e.g. AddressSanitizer's report, or the default: a core dump). Only
 * async-signal-safe calls. */
static void on_crash(int sig)
{
    const char *what, *plugin = kg_host_running(&what);
    say("kgkit: ");
    if (plugin) {
        say("the plugin \"");
        say(plugin);
        say("\" crashed in ");
        say(what);
    } else {
        say("kgkit crashed");
    }
    say(sig == SIGSEGV ? " (segmentation fault)" : sig == SIGBUS ? " (bus error)" : sig == SIGFPE ? " (arithmetic error)"
        : sig == SIGILL ? " (illegal instruction)" : " (aborted)");
    say("; files being written were removed, earlier ones are as they were\n");
    kg_stage_unlink_all();
    sigaction(sig, &previous_action[sig], NULL);
    raise(sig);
}

static void catch_crashes(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_crash;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESETHAND | SA_NODEFER;
    for (size_t i = 0; i < sizeof crash_signals / sizeof *crash_signals; i++)
        sigaction(crash_signals[i], &sa, &previous_action[crash_signals[i]]);
}

int main(int argc, char **argv)
{
    cli_t c;
    memset(&c, 0, sizeof c);
    /* a closed pipe or a file size limit makes a write fail with EPIPE or EFBIG, which is reported (and in
     * kgkit run does not stop the files named with -e), instead of killing the process half-way */
    signal(SIGPIPE, SIG_IGN);
    signal(SIGXFSZ, SIG_IGN);
    catch_crashes();
    /* OpenBLAS (igraph's BLAS where it is installed) starts worker threads when the network plugin loads,
     * which under an address-space limit (ulimit -v) retry a failing allocation forever: kgkit then hangs
     * instead of saying "out of memory". igraph's use of BLAS is small; one thread, unless the user says. */
    setenv("OPENBLAS_NUM_THREADS", "1", 0);
    const char **explicit_plugins = calloc((size_t)argc + 1, sizeof *explicit_plugins);
    char **rest = calloc((size_t)argc + 1, sizeof *rest);
    if (!explicit_plugins || !rest)
        return EXIT_INPUT;
    int n_plugins = 0, n_rest = 0, defaults = 1, rc = EXIT_OK;
    const char *command = NULL;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!command && (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0)) {
            cli_print_main_usage(stdout);
            goto done;
        } else if (!command && strcmp(a, "--version") == 0) {
            printf("kgkit %s (plugin ABI %d.%d)\n", kg_version(), KG_ABI_MAJOR, KG_ABI_MINOR);
            goto done;
        } else if (strcmp(a, "--plugin") == 0) {
            if (i + 1 >= argc) {
                rc = cli_usage("--plugin needs a FILE");
                goto done;
            }
            explicit_plugins[n_plugins++] = argv[++i];
        } else if (strncmp(a, "--plugin=", 9) == 0) {
            explicit_plugins[n_plugins++] = a + 9;
        } else if (strcmp(a, "--no-default-plugins") == 0) {
            defaults = 0;
        } else if (strcmp(a, "-q") == 0 || strcmp(a, "--quiet") == 0) {
            c.quiet = 1;
        } else if (!command && a[0] == '-' && a[1]) {
            rc = cli_usage("unknown option %s (see kgkit --help)", a);
            goto done;
        } else if (!command) {
            command = a;
        } else {
            rest[n_rest++] = argv[i];
        }
    }
    if (!command) {
        cli_print_main_usage(stderr);
        rc = EXIT_USAGE;
        goto done;
    }
    const cli_command_t *cmd = cli_find_command(command);
    if (!cmd) {
        rc = cli_usage("unknown command \"%s\" (see kgkit --help)", command);
        goto done;
    }
    if (kg_host_new(&c.host) != KG_OK) {
        rc = EXIT_INPUT;
        goto done;
    }
    kg_host_set_report_handler(c.host, plugin_problem, &c);
    for (int i = 0; i < n_plugins; i++) {
        kg_error_t err;
        kg_host_load(c.host, explicit_plugins[i], &err); /* reported through the handler */
    }
    if (defaults)
        kg_host_discover(c.host);
    else
        kg_host_load_path(c.host, getenv("KGKIT_PLUGIN_PATH"));
    c.argc = n_rest;
    c.argv = rest;
    cli_args_t args;
    if ((rc = cli_parse(cmd, &c, &args)) == EXIT_OK) {
        c.judgements = cli_value(&args, "--judgements", NULL);
        rc = cmd->fn(&c, &args);
        cli_args_free(&args);
    } else if (rc < 0) { /* --help */
        rc = EXIT_OK;
    }
done:
    kg_host_free(c.host);
    free(explicit_plugins);
    free(rest);
    return rc;
}
