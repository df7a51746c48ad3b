/* host.c - the plugin host: dlopen, ABI checks, capability registration, discovery and lookup. */
#define _GNU_SOURCE
#include "kgkit/host.h"
#include "alloc.h"
#include "host_internal.h"

#include <dirent.h>
#include <errno.h>
#include <libgen.h>
#include <dlfcn.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#ifndef KGKIT_PLUGIN_DIR
#define KGKIT_PLUGIN_DIR "/usr/local/lib/kgkit/plugins"
#endif

typedef struct plugin_rec {
    void *handle;
    char *path;
    const kg_plugin_desc_t *desc;
} plugin_rec_t;

typedef struct cap_list {
    const void **tables;
    size_t *plugin;
    size_t n, cap;
} cap_list_t;

enum { CAP_IMPORTER, CAP_EXPORTER, CAP_ANALYSIS, CAP_KINDS };

struct kg_host {
    plugin_rec_t *plugins;
    size_t n_plugins, cap_plugins;
    cap_list_t caps[CAP_KINDS];
    kg_error_t *problems;
    size_t n_problems, cap_problems;
    kg_host_report_fn report;
    void *report_ud;
};

struct kg_registry {
    kg_host_t *host;
    const char *plugin_name;
    cap_list_t pending[CAP_KINDS];
    kg_error_t failure;
};

static const char *const cap_names[CAP_KINDS] = {"importer", "exporter", "analysis"};

/* ------------------------------------------------------- running code */

/* Which plugin's code runs now, for a crash handler: plain pointers to strings that live as long as the
 * plugin, read from a signal handler, so nothing here allocates or locks. One per thread (kgkit run's exports
 * may run side by side): the handler runs in the thread that crashed, and names what that thread ran. */
static _Thread_local const char *volatile running_plugin;
static _Thread_local char running_what[160];

const char *kg_i_plugin_of(const kg_host_t *h, const void *table)
{
    for (int k = 0; k < CAP_KINDS; k++)
        for (size_t i = 0; i < h->caps[k].n; i++)
            if (h->caps[k].tables[i] == table)
                return h->plugins[h->caps[k].plugin[i]].desc->name;
    return NULL;
}

void kg_i_running(const char *plugin, const char *kind, const char *name)
{
    running_plugin = NULL;
    if (plugin)
        snprintf(running_what, sizeof running_what, "the %s \"%s\"", kind, name);
    running_plugin = plugin;
}

const char *kg_host_running(const char **what)
{
    const char *p = running_plugin;
    if (what)
        *what = p ? running_what : NULL;
    return p;
}

int kg_host_new(kg_host_t **out)
{
    *out = kg_i_calloc(1, sizeof **out);
    return *out ? KG_OK : KG_ENOMEM;
}

static void cap_list_free(cap_list_t *l)
{
    free(l->tables);
    free(l->plugin);
    memset(l, 0, sizeof *l);
}

void kg_host_free(kg_host_t *h)
{
    if (!h)
        return;
    for (size_t i = h->n_plugins; i-- > 0;) {
        if (h->plugins[i].desc->fini)
            h->plugins[i].desc->fini();
        dlclose(h->plugins[i].handle);
        free(h->plugins[i].path);
    }
    for (int k = 0; k < CAP_KINDS; k++)
        cap_list_free(&h->caps[k]);
    free(h->plugins);
    free(h->problems);
    free(h);
}

void kg_host_set_report_handler(kg_host_t *h, kg_host_report_fn fn, void *userdata)
{
    h->report = fn;
    h->report_ud = userdata;
}

size_t kg_host_problem_count(const kg_host_t *h)
{
    return h->n_problems;
}

const kg_error_t *kg_host_problem(const kg_host_t *h, size_t i)
{
    return i < h->n_problems ? &h->problems[i] : NULL;
}

static void report(kg_host_t *h, const kg_error_t *e)
{
    if (h->n_problems == h->cap_problems) {
        size_t cap = h->cap_problems ? h->cap_problems * 2 : 4;
        kg_error_t *p = kg_i_realloc(h->problems, cap * sizeof *p);
        if (p) {
            h->problems = p;
            h->cap_problems = cap;
        }
    }
    if (h->n_problems < h->cap_problems)
        h->problems[h->n_problems++] = *e;
    if (h->report)
        h->report(h->report_ud, e);
}

/* ---------------------------------------------------------- registry */

static int cap_push(cap_list_t *l, const void *table, size_t plugin)
{
    if (l->n == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 8;
        const void **t = kg_i_realloc(l->tables, cap * sizeof *t);
        if (t)
            l->tables = t;
        size_t *p = kg_i_realloc(l->plugin, cap * sizeof *p);
        if (p)
            l->plugin = p;
        if (!t || !p)
            return KG_ENOMEM;
        l->cap = cap;
    }
    l->tables[l->n] = table;
    l->plugin[l->n++] = plugin;
    return KG_OK;
}

static const char *cap_name(int kind, const void *t)
{
    switch (kind) {
    case CAP_IMPORTER: return ((const kg_importer_t *)t)->name;
    case CAP_EXPORTER: return ((const kg_exporter_t *)t)->name;
    default: return ((const kg_analysis_t *)t)->name;
    }
}

static const void *cap_find(const cap_list_t *l, int kind, const char *name, size_t *plugin)
{
    for (size_t i = 0; i < l->n; i++) {
        if (strcasecmp(cap_name(kind, l->tables[i]), name) == 0) {
            if (plugin)
                *plugin = l->plugin[i];
            return l->tables[i];
        }
    }
    return NULL;
}

static int registry_add(kg_registry_t *r, int kind, const void *t, unsigned version, unsigned expected,
                        const char *name, int has_callback)
{
    if (r->failure.code)
        return r->failure.code;
    if (version < 1 || version > expected) /* older tables load (their appended fields count as absent) */
        return kg_error_say(&r->failure, KG_EPLUGIN,
                            "%s \"%s\" has table version %u; the host reads versions 1 to %u%s",
                            cap_names[kind], name ? name : "?", version, expected,
                            version > expected ? " (the plugin was built for a newer kgkit)" : "");
    if (!name || !*name || !has_callback)
        return kg_error_say(&r->failure, KG_EPLUGIN, "%s without a name or callback", cap_names[kind]);
    size_t other;
    if (cap_find(&r->host->caps[kind], kind, name, &other))
        return kg_error_say(&r->failure, KG_ECONFLICT, "%s \"%s\" is already provided by plugin \"%s\"",
                            cap_names[kind], name, r->host->plugins[other].desc->name);
    if (cap_find(&r->pending[kind], kind, name, NULL))
        return kg_error_say(&r->failure, KG_ECONFLICT, "%s \"%s\" is registered twice", cap_names[kind],
                            name);
    if (cap_push(&r->pending[kind], t, r->host->n_plugins))
        return kg_error_say(&r->failure, KG_ENOMEM, "out of memory");
    return KG_OK;
}

int kg_registry_add_importer(kg_registry_t *r, const kg_importer_t *t)
{
    return registry_add(r, CAP_IMPORTER, t, t->version, KG_IMPORTER_VERSION, t->name, t->import != NULL);
}

int kg_registry_add_exporter(kg_registry_t *r, const kg_exporter_t *t)
{
    return registry_add(r, CAP_EXPORTER, t, t->version, KG_EXPORTER_VERSION, t->name, t->export_graph != NULL);
}

int kg_exporter_reentrant(const kg_exporter_t *e)
{
    return e && e->version >= 2 && (e->flags & KG_EXPORTER_REENTRANT) != 0;
}

const char *kg_analysis_writes(const kg_analysis_t *a)
{
    return a && a->version >= 2 ? a->writes : NULL;
}

int kg_registry_add_analysis(kg_registry_t *r, const kg_analysis_t *t)
{
    return registry_add(r, CAP_ANALYSIS, t, t->version, KG_ANALYSIS_VERSION, t->name, t->run != NULL);
}

/* ------------------------------------------------------------ loading */

static int fail(kg_host_t *h, kg_error_t *err, const char *path, int code, const char *fmt, const char *arg)
{
    kg_error_t e;
    kg_error_set(&e, code, path, 0, 0, fmt, arg);
    report(h, &e);
    if (err)
        *err = e;
    return code;
}

static int valid_plugin_name(const char *s)
{
    if (!s || !*s)
        return 0;
    for (; *s; s++)
        if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '_' || *s == '-'))
            return 0;
    return 1;
}

/* What must hold of a file before its code runs in this process: it exists as a regular file (a FIFO named
 * x.so would block dlopen forever, a directory or a link loop cannot load), and neither it nor its directory
 * can be changed by every user of the machine (anyone could put code there that kgkit then runs). */
static int check_plugin_file(kg_host_t *h, const char *path, kg_error_t *err)
{
    struct stat st;
    if (stat(path, &st) != 0) {
        if (errno == ELOOP)
            return fail(h, err, path, KG_EPLUGIN, "%s", "cannot load plugin: a loop of symbolic links");
        return fail(h, err, path, KG_EPLUGIN, "cannot load plugin: %s", strerror(errno));
    }
    if (!S_ISREG(st.st_mode))
        return fail(h, err, path, KG_EPLUGIN, "cannot load plugin: %s, not a shared library",
                    S_ISDIR(st.st_mode) ? "a directory" : S_ISFIFO(st.st_mode) ? "a named pipe" : "not a regular file");
    if (st.st_mode & S_IWOTH)
        return fail(h, err, path, KG_EPLUGIN, "%s",
                    "refused: the plugin file is writable by every user, who could replace the code kgkit runs "
                    "(chmod o-w it)");
    char dir_buf[PATH_MAX];
    snprintf(dir_buf, sizeof dir_buf, "%s", path);
    const char *dir = dirname(dir_buf);
    if (stat(dir, &st) == 0 && (st.st_mode & S_IWOTH) && !(st.st_mode & S_ISVTX))
        return fail(h, err, path, KG_EPLUGIN,
                    "refused: its directory %s is writable by every user, who could put code there (chmod o-w it)",
                    dir);
    return KG_OK;
}

int kg_host_load(kg_host_t *h, const char *path, kg_error_t *err)
{
    char buf[KG_ERROR_TEXT_LENGTH];
    int checked = check_plugin_file(h, path, err);
    if (checked != KG_OK)
        return checked;
    /* RTLD_NODELETE: a plugin stays mapped after its handle is closed, so the
     * libraries it brought (libgvc, libigraph...) keep their static state
     * reachable, and destructors or thread-locals they registered never point
     * into unmapped code. */
    void *handle = dlopen(path, RTLD_NOW | RTLD_LOCAL | RTLD_NODELETE);
    if (!handle) {
        const char *why = dlerror();
        return fail(h, err, path, KG_EPLUGIN, "cannot load plugin: %s", why ? why : "unknown reason");
    }
    kg_plugin_entry_fn entry;
    *(void **)&entry = dlsym(handle, KG_PLUGIN_ENTRY_SYMBOL);
    if (!entry) {
        dlclose(handle);
        return fail(h, err, path, KG_EPLUGIN, "not a kgkit plugin: it has no entry symbol %s", KG_PLUGIN_ENTRY_SYMBOL);
    }
    const kg_plugin_desc_t *d = entry();
    if (!d) {
        dlclose(handle);
        return fail(h, err, path, KG_EPLUGIN, "%s", "the plugin's entry returned no descriptor");
    }
    if (d->abi_major != KG_ABI_MAJOR || d->abi_minor > KG_ABI_MINOR) {
        snprintf(buf, sizeof buf, "%u.%u, the host has %d.%d", d->abi_major, d->abi_minor, KG_ABI_MAJOR,
                 KG_ABI_MINOR);
        dlclose(handle);
        return fail(h, err, path, KG_EPLUGIN, "incompatible plugin ABI: the plugin was built for %s", buf);
    }
    if (d->struct_size < KG_PLUGIN_DESC_MIN_SIZE) {
        snprintf(buf, sizeof buf, "%u bytes, less than the %zu of its first layout (ABI %u.0)", d->struct_size,
                 (size_t)KG_PLUGIN_DESC_MIN_SIZE, KG_ABI_MAJOR);
        dlclose(handle);
        return fail(h, err, path, KG_EPLUGIN, "malformed plugin descriptor: %s", buf);
    }
    if (!valid_plugin_name(d->name) || !d->init) {
        dlclose(handle);
        return fail(h, err, path, KG_EPLUGIN, "%s", "malformed plugin descriptor (name of [a-z0-9_-] or init missing)");
    }
    for (size_t i = 0; i < h->n_plugins; i++) {
        if (strcmp(h->plugins[i].desc->name, d->name) == 0) {
            snprintf(buf, sizeof buf, "\"%s\" is already loaded from %s", d->name, h->plugins[i].path);
            dlclose(handle);
            return fail(h, err, path, KG_EPLUGIN, "duplicate plugin name: %s", buf);
        }
    }
    kg_registry_t reg;
    memset(&reg, 0, sizeof reg);
    reg.host = h;
    reg.plugin_name = d->name;
    kg_error_t ierr;
    kg_error_clear(&ierr);
    int rc = d->init(&reg, &ierr);
    if (rc == KG_OK && reg.failure.code) {
        rc = reg.failure.code;
        ierr = reg.failure;
    } else if (rc != KG_OK && !ierr.text[0]) {
        if (reg.failure.code)
            ierr = reg.failure;
        else
            snprintf(ierr.text, sizeof ierr.text, "%s", kg_status_str(rc));
    }
    if (rc == KG_OK && h->n_plugins == h->cap_plugins) {
        size_t cap = h->cap_plugins ? h->cap_plugins * 2 : 8;
        plugin_rec_t *p = kg_i_realloc(h->plugins, cap * sizeof *p);
        if (p) {
            h->plugins = p;
            h->cap_plugins = cap;
        } else {
            rc = kg_error_say(&ierr, KG_ENOMEM, "out of memory");
        }
    }
    char *path_copy = rc == KG_OK ? kg_i_strdup(path) : NULL;
    if (rc == KG_OK && !path_copy)
        rc = kg_error_say(&ierr, KG_ENOMEM, "out of memory");
    for (int k = 0; rc == KG_OK && k < CAP_KINDS; k++)
        for (size_t i = 0; rc == KG_OK && i < reg.pending[k].n; i++)
            if (cap_push(&h->caps[k], reg.pending[k].tables[i], h->n_plugins))
                rc = kg_error_say(&ierr, KG_ENOMEM, "out of memory");
    if (rc != KG_OK) {
        /* drop whatever was committed of this plugin's capabilities */
        for (int k = 0; k < CAP_KINDS; k++)
            while (h->caps[k].n && h->caps[k].plugin[h->caps[k].n - 1] == h->n_plugins)
                h->caps[k].n--;
        for (int k = 0; k < CAP_KINDS; k++)
            cap_list_free(&reg.pending[k]);
        free(path_copy);
        /* the descriptor lives in the plugin: use it before unloading */
        snprintf(buf, sizeof buf, "plugin \"%s\" failed to initialise: %s", d->name, ierr.text);
        if (d->fini)
            d->fini();
        dlclose(handle);
        return fail(h, err, path, KG_EPLUGIN, "%s", buf);
    }
    for (int k = 0; k < CAP_KINDS; k++)
        cap_list_free(&reg.pending[k]);
    plugin_rec_t *p = &h->plugins[h->n_plugins++];
    p->handle = handle;
    p->path = path_copy;
    p->desc = d;
    return KG_OK;
}

static int is_plugin_file(const char *name)
{
    size_t n = strlen(name);
    return n > 3 && strcmp(name + n - 3, ".so") == 0 && name[0] != '.';
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

size_t kg_host_load_dir(kg_host_t *h, const char *dir)
{
    DIR *d = opendir(dir);
    if (!d)
        return 0;
    char **names = NULL;
    size_t n = 0, cap = 0, loaded = 0;
    struct dirent *de;
    while ((de = readdir(d))) {
        if (!is_plugin_file(de->d_name))
            continue;
        if (n == cap) {
            cap = cap ? cap * 2 : 16;
            char **nn = kg_i_realloc(names, cap * sizeof *nn);
            if (!nn)
                break;
            names = nn;
        }
        if (!(names[n] = kg_i_strdup(de->d_name)))
            break;
        n++;
    }
    closedir(d);
    qsort(names, n, sizeof *names, cmp_str);
    for (size_t i = 0; i < n; i++) {
        char path[PATH_MAX];
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        if (kg_host_load(h, path, NULL) == KG_OK)
            loaded++;
        free(names[i]);
    }
    free(names);
    return loaded;
}

/* The bundled plugin directory: lib/kgkit/plugins beside the libkgkit that
 * is running (so the build tree's plugins when run from the build tree, the
 * installed ones otherwise, wherever the prefix), else the configured path. */
const char *kg_host_install_dir(void)
{
    static char dir[PATH_MAX];
    if (dir[0])
        return dir;
    Dl_info info;
    if (dladdr((void *)kg_host_install_dir, &info) && info.dli_fname && strchr(info.dli_fname, '/')) {
        char lib[PATH_MAX];
        if (realpath(info.dli_fname, lib)) {
            *strrchr(lib, '/') = '\0';
            struct stat st;
            snprintf(dir, sizeof dir, "%s/kgkit/plugins", lib);
            if (stat(dir, &st) == 0 && S_ISDIR(st.st_mode))
                return dir;
        }
    }
    snprintf(dir, sizeof dir, "%s", KGKIT_PLUGIN_DIR);
    return dir;
}

size_t kg_host_load_path(kg_host_t *h, const char *list)
{
    size_t loaded = 0;
    if (!list || !*list)
        return 0;
    char *copy = kg_i_strdup(list), *save = NULL;
    for (char *tok = copy ? strtok_r(copy, ":", &save) : NULL; tok; tok = strtok_r(NULL, ":", &save)) {
        struct stat st;
        if (tok[0] != '/') { /* "." or a relative name: what loads would depend on the working directory */
            fail(h, NULL, tok, KG_EPLUGIN, "%s",
                 "ignored: a relative entry of the plugin path would load code from wherever kgkit is started; "
                 "give an absolute path");
            continue;
        }
        if (stat(tok, &st) == 0 && S_ISDIR(st.st_mode))
            loaded += kg_host_load_dir(h, tok);
        else if (kg_host_load(h, tok, NULL) == KG_OK)
            loaded++;
    }
    free(copy);
    return loaded;
}

size_t kg_host_discover(kg_host_t *h)
{
    size_t loaded = kg_host_load_path(h, getenv("KGKIT_PLUGIN_PATH"));
    return loaded + kg_host_load_dir(h, kg_host_install_dir());
}
/* ------------------------------------------------------------ queries */

size_t kg_host_plugin_count(const kg_host_t *h)
{
    return h->n_plugins;
}

const kg_plugin_desc_t *kg_host_plugin(const kg_host_t *h, size_t i, const char **path)
{
    if (i >= h->n_plugins)
        return NULL;
    if (path)
        *path = h->plugins[i].path;
    return h->plugins[i].desc;
}

static const void *cap_at(const kg_host_t *h, int kind, size_t i, size_t *plugin)
{
    const cap_list_t *l = &h->caps[kind];
    if (i >= l->n)
        return NULL;
    if (plugin)
        *plugin = l->plugin[i];
    return l->tables[i];
}

size_t kg_host_importer_count(const kg_host_t *h) { return h->caps[CAP_IMPORTER].n; }
size_t kg_host_exporter_count(const kg_host_t *h) { return h->caps[CAP_EXPORTER].n; }
size_t kg_host_analysis_count(const kg_host_t *h) { return h->caps[CAP_ANALYSIS].n; }

const kg_importer_t *kg_host_importer(const kg_host_t *h, size_t i, size_t *plugin)
{
    return cap_at(h, CAP_IMPORTER, i, plugin);
}
const kg_exporter_t *kg_host_exporter(const kg_host_t *h, size_t i, size_t *plugin)
{
    return cap_at(h, CAP_EXPORTER, i, plugin);
}
const kg_analysis_t *kg_host_analysis(const kg_host_t *h, size_t i, size_t *plugin)
{
    return cap_at(h, CAP_ANALYSIS, i, plugin);
}

const kg_importer_t *kg_host_find_importer(const kg_host_t *h, const char *name)
{
    return cap_find(&h->caps[CAP_IMPORTER], CAP_IMPORTER, name, NULL);
}
const kg_analysis_t *kg_host_find_analysis(const kg_host_t *h, const char *name)
{
    return cap_find(&h->caps[CAP_ANALYSIS], CAP_ANALYSIS, name, NULL);
}

const kg_exporter_t *kg_host_find_exporter(const kg_host_t *h, const char *name)
{
    const kg_exporter_t *e = cap_find(&h->caps[CAP_EXPORTER], CAP_EXPORTER, name, NULL);
    if (e)
        return e;
    for (size_t i = 0; i < h->caps[CAP_EXPORTER].n; i++) {
        const kg_exporter_t *x = h->caps[CAP_EXPORTER].tables[i];
        for (const char *const *a = x->aliases; a && *a; a++)
            if (strcasecmp(*a, name) == 0)
                return x;
    }
    return NULL;
}

static size_t suffix_match(const char *path, const char *ext)
{
    size_t n = strlen(path), m = strlen(ext);
    return m && m <= n && strcasecmp(path + n - m, ext) == 0 ? m : 0;
}

/* The importer whose sniffer is surest of head (score > 0), and its score. */
static const kg_importer_t *by_content(const kg_host_t *h, const char *head, size_t len, int *score)
{
    const kg_importer_t *best = NULL;
    *score = 0;
    for (size_t i = 0; head && i < h->caps[CAP_IMPORTER].n; i++) {
        const kg_importer_t *x = h->caps[CAP_IMPORTER].tables[i];
        int sc = x->sniff ? x->sniff(head, len) : 0;
        if (sc > *score) {
            best = x;
            *score = sc;
        }
    }
    return best;
}

const kg_importer_t *kg_host_importer_for(const kg_host_t *h, const char *path, const char *head, size_t len)
{
    const kg_importer_t *best = NULL;
    size_t best_len = 0;
    for (size_t i = 0; path && i < h->caps[CAP_IMPORTER].n; i++) {
        const kg_importer_t *x = h->caps[CAP_IMPORTER].tables[i];
        for (const char *const *e = x->extensions; e && *e; e++) {
            size_t m = suffix_match(path, *e);
            if (m > best_len) {
                best = x;
                best_len = m;
            }
        }
    }
    int score;
    const kg_importer_t *content = by_content(h, head, len, &score);
    /* the content overrules an extension many formats share (".json" of NetworkX's node-link, ".xml") when
     * another importer is sure of it and the extension's own is not */
    if (best && content && content != best && score >= KG_SNIFF_SURE && best->sniff && best->sniff(head, len) == 0)
        return content;
    return best ? best : content;
}

const kg_importer_t *kg_host_importer_looks_like(const kg_host_t *h, const kg_importer_t *chosen, const char *head,
                                                 size_t len)
{
    int score;
    const kg_importer_t *content = by_content(h, head, len, &score);
    if (!content || content == chosen || score < KG_SNIFF_SURE || !chosen->sniff || chosen->sniff(head, len) > 0)
        return NULL;
    return content;
}

const kg_exporter_t *kg_host_exporter_for(const kg_host_t *h, const char *path)
{
    const kg_exporter_t *best = NULL;
    size_t best_len = 0;
    for (size_t i = 0; i < h->caps[CAP_EXPORTER].n; i++) {
        const kg_exporter_t *x = h->caps[CAP_EXPORTER].tables[i];
        size_t m = x->extension ? suffix_match(path, x->extension) : 0;
        for (const char *const *a = x->aliases; a && *a; a++)
            if (**a == '.' && suffix_match(path, *a) > m)
                m = suffix_match(path, *a);
        if (m > best_len) {
            best = x;
            best_len = m;
        }
    }
    return best;
}
