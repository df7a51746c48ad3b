/* io.c - running capabilities on files: format choice, all-or-nothing imports, atomic exports, analyses. */
#define _GNU_SOURCE
#include "kgkit/host.h"
#include "kgkit/select.h"

#include <errno.h>
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
        return kg_error_set(err, KG_ENOTFOUND, NULL, 0, 0, "no importer for format \"%s\" (see: kgkit plugins)",
                            format);
    FILE *f = is_stdin ? stdin : fopen(path, "rb");
    if (!f)
        return kg_error_set(err, KG_EIO, path, 0, 0, "cannot open: %s", strerror(errno));
    struct stat st;
    if (!is_stdin && fstat(fileno(f), &st) == 0 && S_ISDIR(st.st_mode)) {
        fclose(f);
        return kg_error_set(err, KG_EIO, path, 0, 0, "is a directory, not a file");
    }
    replay_t *r = calloc(1, sizeof *r);
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
    if (!imp)
        imp = kg_host_importer_for(h, is_stdin ? NULL : path, r->head, r->len);
    FILE *in = NULL;
    int rc = KG_OK;
    if (!imp) {
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
        rc = imp->import(g, in, name, opts, err);
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

/* Writes straight into an existing device or FIFO (/dev/null, a pipe). */
static int write_stream(const char *path, kg_write_fn write, void *userdata, kg_error_t *err)
{
    FILE *f = fopen(path, "wb");
    if (!f)
        return kg_error_set(err, KG_EIO, path, 0, 0, "cannot write: %s", strerror(errno));
    kg_error_clear(err);
    int rc = write(f, userdata, err);
    if (rc != KG_OK && err && err->code == KG_OK)
        err->code = rc;
    if (fclose(f) != 0 && rc == KG_OK)
        rc = kg_error_set(err, KG_EIO, path, 0, 0, "cannot write: %s", strerror(errno));
    return rc;
}

int kg_write_atomic(const char *path, kg_write_fn write, void *userdata, kg_error_t *err)
{
    if (strcmp(path, "-") == 0) {
        int rc = write(stdout, userdata, err);
        if (rc == KG_OK && fflush(stdout) != 0)
            return kg_error_set(err, KG_EIO, "<stdout>", 0, 0, "cannot write: %s", strerror(errno));
        return rc;
    }
    /* A symbolic link stays a link: the file it points to is replaced. */
    char target[PATH_MAX];
    struct stat st;
    if (lstat(path, &st) == 0 && S_ISLNK(st.st_mode) && realpath(path, target))
        path = target;
    int exists = stat(path, &st) == 0;
    if (exists && S_ISDIR(st.st_mode))
        return kg_error_set(err, KG_EIO, path, 0, 0, "is a directory, not a file");
    if (exists && !S_ISREG(st.st_mode))
        return write_stream(path, write, userdata, err); /* a device or a pipe: nothing to replace */
    char dir_buf[PATH_MAX], base_buf[PATH_MAX], tmp[PATH_MAX];
    snprintf(dir_buf, sizeof dir_buf, "%s", path);
    snprintf(base_buf, sizeof base_buf, "%s", path);
    const char *dir = dirname(dir_buf), *base = basename(base_buf);
    if ((size_t)snprintf(tmp, sizeof tmp, "%s/.%s.tmp-XXXXXX", dir, base) >= sizeof tmp)
        return kg_error_set(err, KG_EIO, path, 0, 0, "path too long");
    int fd = mkstemp(tmp);
    if (fd < 0)
        return kg_error_set(err, KG_EIO, path, 0, 0, "cannot create a file in %s: %s", dir, strerror(errno));
    if (exists) { /* the replacement keeps the old file's permissions */
        fchmod(fd, st.st_mode & 07777);
    } else {
        mode_t mask = umask(0);
        umask(mask);
        fchmod(fd, 0666 & ~mask);
    }
    FILE *f = fdopen(fd, "wb");
    if (!f) {
        close(fd);
        unlink(tmp);
        return kg_error_set(err, KG_EIO, path, 0, 0, "cannot write: %s", strerror(errno));
    }
    kg_error_clear(err);
    int rc = write(f, userdata, err);
    if (rc != KG_OK && err && err->code == KG_OK)
        err->code = rc;
    if (rc == KG_OK && (fflush(f) != 0 || ferror(f) || fsync(fileno(f)) != 0))
        rc = kg_error_set(err, KG_EIO, path, 0, 0, "cannot write: %s", strerror(errno));
    if (fclose(f) != 0 && rc == KG_OK)
        rc = kg_error_set(err, KG_EIO, path, 0, 0, "cannot write: %s", strerror(errno));
    if (rc == KG_OK && rename(tmp, path) != 0)
        rc = kg_error_set(err, KG_EIO, path, 0, 0, "cannot rename into place: %s", strerror(errno));
    if (rc != KG_OK)
        unlink(tmp);
    return rc;
}

typedef struct export_job {
    const kg_exporter_t *exp;
    const kg_graph_t *g;
    const kg_opts_t *opts;
} export_job_t;

static int export_write(FILE *f, void *userdata, kg_error_t *err)
{
    export_job_t *job = userdata;
    return job->exp->export_graph(job->g, f, job->opts, err);
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
        return kg_error_set(err, KG_EUSAGE, NULL, 0, 0,
                            "exporter \"%s\" has no parameter \"%s\" (it takes: %s; and every exporter the "
                            "selection: kinds, predicates, sources, from, to, undated, around, depth, isolated)",
                            exp->name, key, len ? list : "none");
    }
    return KG_OK;
}

int kg_host_export_file(const kg_host_t *h, const kg_graph_t *g, const char *format, const char *path,
                        const kg_opts_t *opts, kg_error_t *err)
{
    const kg_exporter_t *exp = format ? kg_host_find_exporter(h, format) : kg_host_exporter_for(h, path);
    if (!exp) {
        if (format)
            return kg_error_set(err, KG_ENOTFOUND, NULL, 0, 0, "no exporter for format \"%s\" (see: kgkit plugins)",
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
        if (rc)
            return rc;
        g = sub;
    }
    export_job_t job = {exp, g, opts};
    rc = kg_write_atomic(path, export_write, &job, err);
    kg_graph_free(sub);
    if (rc != KG_OK)
        fill_source(err, strcmp(path, "-") == 0 ? "<stdout>" : path);
    return rc;
}

int kg_host_analyze(const kg_host_t *h, kg_graph_t *g, const char *name, const kg_opts_t *opts,
                    kg_format_t format, FILE *out, kg_error_t *err)
{
    const kg_analysis_t *an = kg_host_find_analysis(h, name);
    if (!an)
        return kg_error_set(err, KG_ENOTFOUND, NULL, 0, 0, "no analysis named \"%s\" (see: kgkit plugins)", name);
    char owner[300];
    snprintf(owner, sizeof owner, "analysis \"%s\"", an->name);
    int rc = kg_opts_check(opts, an->params, owner, err);
    if (rc)
        return rc;
    kg_error_clear(err);
    rc = an->run(g, opts, format, out, err);
    if (rc != KG_OK && err && err->code == KG_OK)
        err->code = rc;
    return rc;
}
