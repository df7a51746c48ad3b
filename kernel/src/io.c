/* io.c - running capabilities on files: format choice, all-or-nothing imports, atomic exports, analyses. */
#define _GNU_SOURCE
#include "kgkit/host.h"
#include "alloc.h"
#include "kgkit/select.h"
#include "host_internal.h"

#include <errno.h>
#include <stdatomic.h>
#include <libgen.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define HEAD_SIZE 4096

/* A stream that first replays the bytes already read for sniffing, then
 * continues with the underlying non-seekable stream (stdin, pipes). */
typedef struct replay {
    char head[HEAD_SIZE];
    size_t len, pos;
    FILE *rest;
} replay_t;

static ssize_t replay_read(void *cookie, char *buf, size_t size)
{
    replay_t *r = cookie;
    if (r->pos < r->len) {
        size_t n = r->len - r->pos < size ? r->len - r->pos : size;
        memcpy(buf, r->head + r->pos, n);
        r->pos += n;
        return (ssize_t)n;
    }
    size_t n = fread(buf, 1, size, r->rest);
    return n == 0 && ferror(r->rest) ? -1 : (ssize_t)n;
}

static int replay_close(void *cookie)
{
    free(cookie);
    return 0;
}

static int fill_source(kg_error_t *err, const char *path)
{
    if (err && !err->source[0])
        snprintf(err->source, sizeof err->source, "%s", path);
    return err ? err->code : KG_EINPUT;
}

int kg_host_import_file(const kg_host_t *h, kg_graph_t *g, const char *path, const char *format,
                        const kg_opts_t *opts, kg_error_t *err)
{
    int is_stdin = strcmp(path, "-") == 0;
    const char *name = is_stdin ? "<stdin>" : path;
    const kg_importer_t *imp = NULL;
    if (format && !(imp = kg_host_find_importer(h, format)))
        return kg_error_say(err, KG_ENOTFOUND, "no importer for format \"%s\" (see: kgkit plugins)",
                            format);
    FILE *f = is_stdin ? stdin : fopen(path, "rb");
    if (!f)
        return kg_error_set(err, KG_EIO, path, 0, 0, "cannot open: %s", strerror(errno));
    struct stat st;
    if (!is_stdin && fstat(fileno(f), &st) == 0 && S_ISDIR(st.st_mode)) {
        fclose(f);
        return kg_error_set(err, KG_EIO, path, 0, 0, "is a directory, not a file");
    }
    replay_t *r = kg_i_calloc(1, sizeof *r);
    if (!r) {
        if (!is_stdin)
            fclose(f);
        return kg_error_set(err, KG_ENOMEM, path, 0, 0, "out of memory");
    }
    r->len = fread(r->head, 1, HEAD_SIZE, f);
    if (ferror(f)) {
        free(r);
        if (!is_stdin)
            fclose(f);
        return kg_error_set(err, KG_EIO, name, 0, 0, "cannot read: %s", strerror(errno));
    }
    const kg_importer_t *other = imp ? kg_host_importer_looks_like(h, imp, r->head, r->len) : NULL;
    if (!imp)
        imp = kg_host_importer_for(h, is_stdin ? NULL : path, r->head, r->len);
    FILE *in = NULL;
    int rc = KG_OK;
    if (other) {
        const char *d = other->description ? other->description : "";
        rc = kg_error_set(err, KG_EINPUT, name, 0, 0,
                          "this is not %s: it looks like %s (%.*s); read it with --from %s, or without --from",
                          imp->name, other->name, (int)strcspn(d, ":"), d, other->name);
    } else if (!imp) {
        rc = kg_error_set(err, KG_ENOTFOUND, name, 0, 0,
                          "cannot tell the format from the name or content; give it with --from FORMAT");
    } else if (!is_stdin && fseek(f, 0, SEEK_SET) == 0) {
        in = f;
        free(r);
        r = NULL;
    } else {
        r->rest = f;
        cookie_io_functions_t io = {replay_read, NULL, NULL, replay_close};
        if (!(in = fopencookie(r, "rb", io)))
            rc = kg_error_set(err, KG_ENOMEM, name, 0, 0, "out of memory");
        else
            r = NULL; /* owned by the cookie stream now */
    }
    if (rc == KG_OK) {
        char owner[300];
        snprintf(owner, sizeof owner, "importer \"%s\"", imp->name);
        rc = kg_opts_check(opts, imp->params, owner, err);
    }
    if (rc == KG_OK) {
        int own_txn = !kg_graph_in_transaction(g);
        if (own_txn)
            kg_graph_begin(g);
        kg_error_clear(err);
        kg_i_running(kg_i_plugin_of(h, imp), "importer", imp->name);
        rc = imp->import(g, in, name, opts, err);
        kg_i_running(NULL, NULL, NULL);
        if (rc != KG_OK) {
            if (err && err->code == KG_OK)
                err->code = rc;
            fill_source(err, name);
        }
        if (own_txn) {
            if (rc == KG_OK)
                kg_graph_commit(g);
            else
                kg_graph_rollback(g);
        }
    }
    free(r);
    if (in && in != f)
        fclose(in);
    if (!is_stdin)
        fclose(f);
    return rc;
}

/* ------------------------------------------------------------ writing */

/* The temporary files of open stages, so that a crash handler can remove them (kg_stage_unlink_all): a fixed
 * table of paths, written before a stage is used and cleared when it ends. */
#define MAX_LIVE_STAGES 64
static _Atomic(char *) live_stages[MAX_LIVE_STAGES]; /* stages may open and end in several threads at once */

static void stage_live(char *tmp, int on)
{
    for (int i = 0; i < MAX_LIVE_STAGES; i++) {
        char *expected = on ? NULL : tmp;
        if (atomic_compare_exchange_strong(&live_stages[i], &expected, on ? tmp : NULL))
            return;
    }
}

void kg_stage_unlink_all(void)
{
    for (int i = 0; i < MAX_LIVE_STAGES; i++) {
        char *tmp = atomic_load(&live_stages[i]);
        if (tmp)
            unlink(tmp); /* async-signal-safe */
    }
}

struct kg_staged {
    FILE *f;
    char path[PATH_MAX]; /* where it goes */
    char tmp[PATH_MAX];  /* the temporary file; empty when writing straight to a device, a FIFO or stdout */
    int is_stdout;
};

/* Follows path's symbolic links (a dangling one too: the file it names is what gets written) into out. */
static int resolve_links(const char *path, char *out, kg_error_t *err)
{
    char cur[PATH_MAX];
    snprintf(cur, sizeof cur, "%s", path);
    for (int hops = 0;; hops++) {
        struct stat st;
        if (lstat(cur, &st) != 0 || !S_ISLNK(st.st_mode)) {
            snprintf(out, PATH_MAX, "%s", cur);
            return KG_OK;
        }
        if (hops == 40)
            return kg_error_set(err, KG_EIO, path, 0, 0, "too many levels of symbolic links");
        char link[PATH_MAX];
        ssize_t n = readlink(cur, link, sizeof link - 1);
        if (n < 0)
            return kg_error_set(err, KG_EIO, path, 0, 0, "cannot read the link: %s", strerror(errno));
        link[n] = '\0';
        if (link[0] == '/') {
            snprintf(cur, sizeof cur, "%s", link);
        } else { /* relative to the link's directory */
            char dir_buf[PATH_MAX], next[PATH_MAX];
            snprintf(dir_buf, sizeof dir_buf, "%s", cur);
            if ((size_t)snprintf(next, sizeof next, "%s/%s", dirname(dir_buf), link) >= sizeof next)
                return kg_error_set(err, KG_EIO, path, 0, 0, "path too long");
            snprintf(cur, sizeof cur, "%s", next);
        }
    }
}

int kg_stage_open(const char *path, kg_staged_t **out, FILE **f, kg_error_t *err)
{
    *out = NULL;
    *f = NULL;
    kg_staged_t *s = kg_i_calloc(1, sizeof *s);
    if (!s)
        return kg_error_set(err, KG_ENOMEM, path, 0, 0, "out of memory");
    if (strcmp(path, "-") == 0) {
        s->is_stdout = 1;
        s->f = stdout;
        snprintf(s->path, sizeof s->path, "<stdout>");
        *out = s;
        *f = stdout;
        return KG_OK;
    }
    int rc = resolve_links(path, s->path, err);
    struct stat st;
    int exists = rc == KG_OK && stat(s->path, &st) == 0;
    if (rc == KG_OK && exists && S_ISDIR(st.st_mode))
        rc = kg_error_set(err, KG_EIO, path, 0, 0, "is a directory, not a file");
    if (rc == KG_OK && exists && !S_ISREG(st.st_mode)) { /* a device or a pipe: nothing to replace */
        if (!(s->f = fopen(s->path, "wb")))
            rc = kg_error_set(err, KG_EIO, path, 0, 0, "cannot write: %s", strerror(errno));
    } else if (rc == KG_OK) {
        char dir_buf[PATH_MAX], base_buf[PATH_MAX];
        snprintf(dir_buf, sizeof dir_buf, "%s", s->path);
        snprintf(base_buf, sizeof base_buf, "%s", s->path);
        const char *dir = dirname(dir_buf), *base = basename(base_buf);
        int fd = -1;
        if ((size_t)snprintf(s->tmp, sizeof s->tmp, "%s/.%s.tmp-XXXXXX", dir, base) >= sizeof s->tmp)
            rc = kg_error_set(err, KG_EIO, path, 0, 0, "path too long");
        else if ((fd = mkstemp(s->tmp)) < 0)
            rc = kg_error_set(err, KG_EIO, path, 0, 0, "cannot create a file in %s: %s", dir, strerror(errno));
        if (rc == KG_OK) {
            /* the replacement keeps the old file's permissions, but never set-user-id, set-group-id or sticky */
            mode_t mask = umask(0);
            umask(mask);
            fchmod(fd, exists ? st.st_mode & 0777 : 0666 & ~mask);
            if (!(s->f = fdopen(fd, "wb"))) {
                rc = kg_error_set(err, KG_EIO, path, 0, 0, "cannot write: %s", strerror(errno));
                close(fd);
                unlink(s->tmp);
            }
        }
        if (rc != KG_OK)
            s->tmp[0] = '\0';
        else
            stage_live(s->tmp, 1);
    }
    if (rc != KG_OK) {
        free(s);
        return rc;
    }
    *out = s;
    *f = s->f;
    return KG_OK;
}

/* Flushes, syncs and closes the file; on failure aborts (and frees) the stage. stdout: flushes and frees. */
static int stage_finish(kg_staged_t *s, kg_error_t *err)
{
    if (!s)
        return KG_OK;
    int rc = KG_OK;
    if (s->is_stdout) {
        if (fflush(stdout) != 0)
            rc = kg_error_set(err, KG_EIO, "<stdout>", 0, 0, "cannot write: %s", strerror(errno));
        free(s);
        return rc;
    }
    if (s->tmp[0] && (fflush(s->f) != 0 || ferror(s->f) || fsync(fileno(s->f)) != 0))
        rc = kg_error_set(err, KG_EIO, s->path, 0, 0, "cannot write: %s", strerror(errno));
    if (fclose(s->f) != 0 && rc == KG_OK)
        rc = kg_error_set(err, KG_EIO, s->path, 0, 0, "cannot write: %s", strerror(errno));
    s->f = NULL;
    if (rc != KG_OK) {
        kg_stage_abort(s);
        return rc;
    }
    return KG_OK;
}

int kg_stage_flush(kg_staged_t *s, kg_error_t *err)
{
    if (!s || !s->f || s->is_stdout || !s->tmp[0])
        return KG_OK;
    if (fflush(s->f) != 0 || ferror(s->f) || fsync(fileno(s->f)) != 0) {
        int rc = kg_error_set(err, KG_EIO, s->path, 0, 0, "cannot write: %s", strerror(errno));
        kg_stage_abort(s);
        return rc;
    }
    return KG_OK;
}

int kg_stage_commit(kg_staged_t *s, kg_error_t *err)
{
    if (!s)
        return KG_OK;
    int rc = KG_OK, is_stdout = s->is_stdout;
    if (s->f && (rc = stage_finish(s, err)) != KG_OK)
        return rc; /* finish aborted and freed it */
    if (is_stdout)
        return KG_OK; /* stage_finish freed it */
    if (s->tmp[0] && rename(s->tmp, s->path) != 0) {
        rc = kg_error_set(err, KG_EIO, s->path, 0, 0, "cannot rename into place: %s", strerror(errno));
        unlink(s->tmp);
    }
    if (s->tmp[0])
        stage_live(s->tmp, 0);
    free(s);
    return rc;
}

void kg_stage_abort(kg_staged_t *s)
{
    if (!s)
        return;
    if (s->f && !s->is_stdout)
        fclose(s->f);
    if (s->tmp[0]) {
        unlink(s->tmp);
        stage_live(s->tmp, 0);
    }
    free(s);
}

int kg_write_atomic(const char *path, kg_write_fn write, void *userdata, kg_error_t *err)
{
    kg_staged_t *s;
    FILE *f;
    int rc = kg_stage_open(path, &s, &f, err);
    if (rc != KG_OK)
        return rc;
    kg_error_clear(err);
    rc = write(f, userdata, err);
    if (rc != KG_OK && err && err->code == KG_OK)
        err->code = rc;
    if (rc != KG_OK) {
        if (!strcmp(path, "-"))
            fflush(stdout);
        kg_stage_abort(s);
        return rc;
    }
    return kg_stage_commit(s, err);
}

static int known_param(const kg_param_t *p, const char *key)
{
    for (; p && p->name; p++)
        if (strcmp(p->name, key) == 0)
            return 1;
    return 0;
}

/* Options of an export: the exporter's own, and the selection's. */
static int check_export_opts(const kg_exporter_t *exp, const kg_opts_t *opts, kg_error_t *err)
{
    for (size_t i = 0; opts && i < kg_opts_count(opts); i++) {
        const char *key = kg_opts_key(opts, i);
        if (known_param(exp->params, key) || known_param(kg_select_params(), key))
            continue;
        char list[KG_ERROR_TEXT_LENGTH / 2] = "";
        size_t len = 0;
        for (const kg_param_t *p = exp->params; p && p->name && len < sizeof list - 1; p++)
            len += (size_t)snprintf(list + len, sizeof list - len, "%s%s", len ? ", " : "", p->name);
        return kg_error_say(err, KG_EUSAGE,
                            "exporter \"%s\" has no parameter \"%s\" (it takes: %s; and every exporter the "
                            "selection: kinds, predicates, sources, from, to, undated, around, depth, isolated)",
                            exp->name, key, len ? list : "none");
    }
    return KG_OK;
}

int kg_host_export_staged(const kg_host_t *h, const kg_graph_t *g, const char *format, const char *path,
                          const kg_opts_t *opts, kg_staged_t **staged, kg_error_t *err)
{
    *staged = NULL;
    const kg_exporter_t *exp = format ? kg_host_find_exporter(h, format) : kg_host_exporter_for(h, path);
    if (!exp) {
        if (format)
            return kg_error_say(err, KG_ENOTFOUND, "no exporter for format \"%s\" (see: kgkit plugins)",
                                format);
        return kg_error_set(err, KG_ENOTFOUND, path, 0, 0,
                            "cannot tell the format from the file name; name it (e.g. kgkit export json ...)");
    }
    int rc = check_export_opts(exp, opts, err);
    if (rc)
        return rc;
    /* a selection narrows the graph before any exporter sees it */
    kg_select_t sel;
    kg_graph_t *sub = NULL;
    int given;
    if ((rc = kg_select_from_opts(&sel, opts, &given, err)))
        return rc;
    if (given) {
        rc = kg_graph_select(g, &sel, &sub, err);
        kg_select_clear(&sel);
        int allow_empty = 0;
        if (!rc && (rc = kg_param_bool(opts, kg_select_params(), "allow_empty", &allow_empty, err)) == KG_OK &&
            !allow_empty && kg_graph_stmt_count(sub) == 0 && kg_graph_stmt_count(g) > 0)
            rc = kg_error_say(err, KG_EINPUT, "the selection keeps no statement of the graph's %zu: nothing to draw "
                              "or write (-p allow_empty=true writes it anyway)", kg_graph_stmt_count(g));
        if (rc) {
            kg_graph_free(sub);
            return rc;
        }
        g = sub;
    }
    FILE *f;
    rc = kg_stage_open(path, staged, &f, err);
    if (rc == KG_OK) {
        kg_error_clear(err);
        kg_i_running(kg_i_plugin_of(h, exp), "exporter", exp->name);
        rc = exp->export_graph(g, f, opts, err);
        kg_i_running(NULL, NULL, NULL);
        if (rc != KG_OK && err && err->code == KG_OK)
            err->code = rc;
        if (rc == KG_OK && (fflush(f) != 0 || ferror(f)))
            rc = kg_error_set(err, KG_EIO, path, 0, 0, "cannot write: %s", strerror(errno));
        if (rc != KG_OK) {
            kg_stage_abort(*staged);
            *staged = NULL;
        }
    }
    kg_graph_free(sub);
    if (rc != KG_OK)
        fill_source(err, strcmp(path, "-") == 0 ? "<stdout>" : path);
    return rc;
}

int kg_host_export_file(const kg_host_t *h, const kg_graph_t *g, const char *format, const char *path,
                        const kg_opts_t *opts, kg_error_t *err)
{
    kg_staged_t *staged;
    int rc = kg_host_export_staged(h, g, format, path, opts, &staged, err);
    if (rc == KG_OK && (rc = kg_stage_commit(staged, err)) != KG_OK)
        fill_source(err, strcmp(path, "-") == 0 ? "<stdout>" : path);
    return rc;
}

int kg_host_analyze(const kg_host_t *h, kg_graph_t *g, const char *name, const kg_opts_t *opts,
                    kg_format_t format, FILE *out, kg_error_t *err)
{
    const kg_analysis_t *an = kg_host_find_analysis(h, name);
    if (!an)
        return kg_error_say(err, KG_ENOTFOUND, "no analysis named \"%s\" (see: kgkit plugins)", name);
    char owner[300];
    snprintf(owner, sizeof owner, "analysis \"%s\"", an->name);
    int rc = kg_opts_check(opts, an->params, owner, err);
    if (rc)
        return rc;
    kg_error_clear(err);
    kg_i_running(kg_i_plugin_of(h, an), "analysis", an->name);
    rc = an->run(g, opts, format, out, err);
    kg_i_running(NULL, NULL, NULL);
    if (rc != KG_OK && err && err->code == KG_OK)
        err->code = rc;
    return rc;
}
