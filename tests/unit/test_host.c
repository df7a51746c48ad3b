/* test_host.c - CUnit suite for the plugin host: broken plugins are reported and skipped, discovery, atomic output, parameters. */
#define _GNU_SOURCE
#include "test_util.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

static char path_buf[4096];
static const char *plugin(const char *name)
{
    snprintf(path_buf, sizeof path_buf, "%s/%s.so", KGKIT_TEST_PLUGIN_DIR, name);
    return path_buf;
}

static void expect_refused(kg_host_t *h, const char *name, const char *reason)
{
    kg_error_t err;
    size_t before = kg_host_problem_count(h), plugins = kg_host_plugin_count(h);
    CU_ASSERT_EQUAL(kg_host_load(h, plugin(name), &err), KG_EPLUGIN);
    ASSERT_STR(err.source, plugin(name)); /* the message names the file */
    ASSERT_CONTAINS(err.text, reason);
    CU_ASSERT_EQUAL(kg_host_problem_count(h), before + 1);
    CU_ASSERT_EQUAL(kg_host_plugin_count(h), plugins);
}

static void test_broken_plugins(void)
{
    kg_host_t *h;
    CU_ASSERT_EQUAL_FATAL(kg_host_new(&h), KG_OK);
    kg_error_t err;
    CU_ASSERT_EQUAL(kg_host_load(h, KGKIT_BUILD_PLUGIN_DIR "/json.so", &err), KG_OK);
    expect_refused(h, "wrong_abi", "incompatible plugin ABI: the plugin was built for 2.0, the host has 1.2");
    expect_refused(h, "newer_minor", "incompatible plugin ABI: the plugin was built for 1.3, the host has 1.2");
    expect_refused(h, "no_entry", "no entry symbol kg_plugin_entry");
    expect_refused(h, "failing_init", "plugin \"failing_init\" failed to initialise: needs a licence key");
    CU_ASSERT_PTR_NULL(kg_host_find_analysis(h, "ghost")); /* registered before init failed: dropped */
    expect_refused(h, "cap_clash", "exporter \"json\" is already provided by plugin \"json\"");
    expect_refused(h, "bad_table", "importer \"bad\" has table version 99; the host reads versions 1 to 1 (the plugin "
                                   "was built for a newer kgkit)");
    expect_refused(h, "newer_table", "analysis \"future\" has table version 3; the host reads versions 1 to 2");
    expect_refused(h, "small_desc", "malformed plugin descriptor: 12 bytes, less than the");
    expect_refused(h, "not_elf", "cannot load plugin");
    CU_ASSERT_EQUAL(kg_host_load(h, plugin("dup_a"), &err), KG_OK);
    expect_refused(h, "dup_b", "duplicate plugin name: \"dup\" is already loaded from");
    ASSERT_CONTAINS(err.text, "");
    CU_ASSERT_EQUAL(kg_host_load(h, "/nonexistent/plugin.so", &err), KG_EPLUGIN);
    /* the good ones still work */
    CU_ASSERT_EQUAL(kg_host_plugin_count(h), 2);
    CU_ASSERT_PTR_NOT_NULL(kg_host_find_importer(h, "json"));
    ASSERT_STR(kg_host_find_exporter(h, "json")->description, "kgkit native JSON document");
    kg_host_free(h);
}

/* The compatibility rule: a plugin built against ABI 1.0 (its descriptor's minor 0, an analysis table of version 1
 * without the fields appended since) loads in this host, runs, and its missing fields read as absent. */
static void test_old_layout_loads(void)
{
    kg_host_t *h;
    kg_error_t err;
    CU_ASSERT_EQUAL_FATAL(kg_host_new(&h), KG_OK);
    int rc = kg_host_load(h, plugin("old_table"), &err);
    if (rc)
        fprintf(stderr, "\n    %s\n", err.text);
    CU_ASSERT_EQUAL_FATAL(rc, KG_OK);
    const kg_analysis_t *a = kg_host_find_analysis(h, "oldie");
    CU_ASSERT_PTR_NOT_NULL_FATAL(a);
    CU_ASSERT_EQUAL(a->version, 1);
    CU_ASSERT_PTR_NULL(kg_analysis_writes(a)); /* the field it lacks is not read */
    kg_graph_t *g;
    CU_ASSERT_EQUAL_FATAL(kg_graph_new(&g), KG_OK);
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    CU_ASSERT_EQUAL(kg_host_analyze(h, g, "oldie", NULL, KG_FORMAT_TEXT, f, &err), KG_OK);
    fclose(f);
    ASSERT_STR(buf, "old table: 0 entities\n");
    free(buf);
    /* its exporter too, which says nothing of running beside others: it runs alone */
    const kg_exporter_t *x = kg_host_find_exporter(h, "oldexp");
    CU_ASSERT_PTR_NOT_NULL_FATAL(x);
    CU_ASSERT_EQUAL(x->version, 1);
    CU_ASSERT_FALSE(kg_exporter_reentrant(x));
    buf = NULL;
    f = open_memstream(&buf, &len);
    CU_ASSERT_EQUAL(x->export_graph(g, f, NULL, &err), KG_OK);
    fclose(f);
    ASSERT_STR(buf, "old exporter: 0 entities\n");
    free(buf);
    /* and today's tables say what they write */
    CU_ASSERT_EQUAL(kg_host_load(h, KGKIT_BUILD_PLUGIN_DIR "/agreement.so", &err), KG_OK);
    ASSERT_STR(kg_analysis_writes(kg_host_find_analysis(h, "agreement")), KG_ATTR_AGREEMENT);
    ASSERT_STR(kg_analysis_writes(kg_host_find_analysis(h, "resolve")), "resolved,resolution");
    /* and which exporters may run side by side: the writers of our own, not the renderers nor the page */
    CU_ASSERT_EQUAL(kg_host_load_dir(h, KGKIT_BUILD_PLUGIN_DIR) > 0, 1);
    static const char *const beside[] = {"json", "jsonl", "graphml", "gexf", "nodelink", "cyjs", "nquads", "csv", "dot"};
    for (size_t i = 0; i < sizeof beside / sizeof *beside; i++)
        CU_ASSERT_TRUE(kg_exporter_reentrant(kg_host_find_exporter(h, beside[i])));
    static const char *const alone[] = {"svg", "png", "pdf", "html"};
    for (size_t i = 0; i < sizeof alone / sizeof *alone; i++)
        CU_ASSERT_FALSE(kg_exporter_reentrant(kg_host_find_exporter(h, alone[i])));
    CU_ASSERT_FALSE(kg_exporter_reentrant(NULL));
    kg_graph_free(g);
    kg_host_free(h);
}

static void test_load_dir_skips_broken(void)
{
    kg_host_t *h;
    kg_host_new(&h);
    size_t n = kg_host_load_dir(h, KGKIT_TEST_PLUGIN_DIR);
    /* dup_a, halfway, crasher (which crashes only when run) and old_table load;
     * dup_b, wrong_abi, newer_minor, no_entry, failing_init, bad_table,
     * newer_table, small_desc and not_elf are refused; cap_clash loads because
     * no json plugin is there */
    CU_ASSERT_EQUAL(n, 5); /* and old_table */
    CU_ASSERT_EQUAL(kg_host_problem_count(h), 9); /* and small_desc, newer_table */
    CU_ASSERT_PTR_NOT_NULL(kg_host_find_analysis(h, "echo"));
    kg_host_free(h);
}

/* The shared objects in a directory. */
static size_t count_plugins(const char *dir)
{
    DIR *d = opendir(dir);
    size_t n = 0;
    struct dirent *de;
    while (d && (de = readdir(d))) {
        size_t len = strlen(de->d_name);
        n += len > 3 && strcmp(de->d_name + len - 3, ".so") == 0;
    }
    if (d)
        closedir(d);
    return n;
}

static void test_discovery_from_env(void)
{
    kg_host_t *h;
    kg_host_new(&h);
    char list[8192];
    snprintf(list, sizeof list, "%s:%s", plugin("halfway"), KGKIT_BUILD_PLUGIN_DIR);
    setenv("KGKIT_PLUGIN_PATH", list, 1);
    size_t n = kg_host_discover(h);
    unsetenv("KGKIT_PLUGIN_PATH");
    /* halfway and every bundled plugin from the path; the test runs from the
     * build tree, so the bundled directory is tried again: its plugins are
     * duplicates, reported, not loaded twice */
    CU_ASSERT_EQUAL(n, 1 + count_plugins(KGKIT_BUILD_PLUGIN_DIR));
    const char *path;
    ASSERT_STR(kg_host_plugin(h, 0, &path)->name, "halfway");
    ASSERT_STR(path, plugin("halfway"));
    CU_ASSERT_PTR_NOT_NULL(kg_host_find_analysis(h, "summary"));
    for (size_t i = 0; i < kg_host_problem_count(h); i++)
        ASSERT_CONTAINS(kg_host_problem(h, i)->text, "duplicate plugin name");
    kg_host_free(h);
}

static char *slurp(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    static char buf[65536];
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    buf[n] = '\0';
    fclose(f);
    return buf;
}

static int count_files(const char *dir)
{
    DIR *d = opendir(dir);
    int n = 0;
    struct dirent *de;
    while ((de = readdir(d)))
        n += de->d_name[0] != '.' || (strcmp(de->d_name, ".") && strcmp(de->d_name, ".."));
    closedir(d);
    return n;
}

static void test_failed_export_keeps_old_file(void)
{
    kg_host_t *h;
    kg_host_new(&h);
    kg_error_t err;
    CU_ASSERT_EQUAL(kg_host_load(h, plugin("halfway"), &err), KG_OK);
    CU_ASSERT_EQUAL(kg_host_load(h, KGKIT_BUILD_PLUGIN_DIR "/json.so", &err), KG_OK);
    char dir[] = "/tmp/kgtest-dir-XXXXXX";
    CU_ASSERT_PTR_NOT_NULL_FATAL(mkdtemp(dir));
    char out[512];
    snprintf(out, sizeof out, "%s/graph.out", dir);
    FILE *f = fopen(out, "w");
    fputs("the previous, good file\n", f);
    fclose(f);
    kg_graph_t *g;
    kg_graph_new(&g);
    CU_ASSERT_EQUAL(kg_host_export_file(h, g, "halfway", out, NULL, &err), KG_EIO);
    ASSERT_CONTAINS(err.text, "disk on fire");
    ASSERT_STR(err.source, out);
    ASSERT_STR(slurp(out), "the previous, good file\n");
    CU_ASSERT_EQUAL(count_files(dir), 1); /* no temporary file left behind */
    /* a successful export replaces it */
    CU_ASSERT_EQUAL(kg_host_export_file(h, g, "json", out, NULL, &err), KG_OK);
    ASSERT_CONTAINS(slurp(out), "\"kgkit\": 1");
    CU_ASSERT_EQUAL(count_files(dir), 1);
    /* into a directory that does not exist: a clear error */
    CU_ASSERT_EQUAL(kg_host_export_file(h, g, "json", "/nonexistent-dir/x.json", NULL, &err), KG_EIO);
    ASSERT_CONTAINS(err.text, "cannot create a file in /nonexistent-dir");
    /* a failing importer leaves nothing behind in the graph */
    char in[512];
    snprintf(in, sizeof in, "%s/data.half", dir);
    f = fopen(in, "w");
    fputs("HALF\n", f);
    fclose(f);
    CU_ASSERT_EQUAL(kg_host_import_file(h, g, in, NULL, NULL, &err), KG_EINPUT);
    CU_ASSERT_EQUAL(err.line, 2);
    CU_ASSERT_EQUAL(err.column, 7);
    CU_ASSERT_EQUAL(kg_graph_entity_count(g), 0);
    unlink(in);
    unlink(out);
    rmdir(dir);
    kg_graph_free(g);
    kg_host_free(h);
}

static void test_parameters(void)
{
    kg_host_t *h;
    kg_host_new(&h);
    kg_error_t err;
    CU_ASSERT_EQUAL(kg_host_load(h, plugin("halfway"), &err), KG_OK);
    kg_graph_t *g;
    kg_graph_new(&g);
    kg_entity_spec_t s = {0};
    s.id = "e";
    kg_graph_add_entity(g, &s, NULL, NULL);
    kg_opts_t *o;
    kg_opts_new(&o);
    kg_opts_set(o, "times", "2");
    char *buf = NULL;
    size_t len = 0;
    FILE *m = open_memstream(&buf, &len);
    CU_ASSERT_EQUAL(kg_host_analyze(h, g, "echo", o, KG_FORMAT_TEXT, m, &err), KG_OK);
    fclose(m);
    ASSERT_STR(buf, "1 entities\n1 entities\n");
    free(buf);
    CU_ASSERT(json_is_true(kg_entity_attr(g, 0, "seen_by_echo")));
    kg_opts_set(o, "times", "many");
    m = open_memstream(&buf, &len);
    CU_ASSERT_EQUAL(kg_host_analyze(h, g, "echo", o, KG_FORMAT_TEXT, m, &err), KG_EUSAGE);
    fclose(m);
    free(buf);
    ASSERT_CONTAINS(err.text, "times: \"many\" is not an integer");
    CU_ASSERT_EQUAL(kg_opts_set_pair(o, "colour=red", &err), KG_OK);
    CU_ASSERT_EQUAL(kg_host_analyze(h, g, "echo", o, KG_FORMAT_TEXT, stdout, &err), KG_EUSAGE);
    ASSERT_STR(err.text, "analysis \"echo\" has no parameter \"colour\" (it takes: times)");
    CU_ASSERT_EQUAL(kg_opts_set_pair(o, "novalue", &err), KG_EUSAGE);
    CU_ASSERT_EQUAL(kg_host_analyze(h, g, "nothing", o, KG_FORMAT_TEXT, stdout, &err), KG_ENOTFOUND);
    int b;
    kg_opts_set(o, "flag", "yes");
    CU_ASSERT_EQUAL(kg_opts_get_bool(o, "flag", 0, &b, &err), KG_OK);
    CU_ASSERT_EQUAL(b, 1);
    kg_opts_free(o);
    kg_graph_free(g);
    kg_host_free(h);
}

/* Parameters read through their declaration: the table's default, the given value, and the mistakes. */
static void test_declared_parameters(void)
{
    static const kg_param_t table[] = {{"n", "int", "12", ""},          {"x", "float", "0.5", ""},
                                       {"on", "bool", "true", ""},      {"name", "string", "leiden", ""},
                                       {"free", "string", NULL, ""},    {"broken", "int", "twelve", ""},
                                       {"odd", "string", "sideways", ""}, {NULL, NULL, NULL, NULL}};
    static const char *const methods[] = {"leiden", "multilevel", NULL}, *const dirs[] = {"up", "down", NULL};
    kg_error_t err;
    long n;
    double x;
    int on, k;
    const char *text;
    /* no options: the declared defaults */
    CU_ASSERT_EQUAL(kg_param_int(NULL, table, "n", &n, &err), KG_OK);
    CU_ASSERT_EQUAL(n, 12);
    CU_ASSERT_EQUAL(kg_param_double(NULL, table, "x", &x, &err), KG_OK);
    CU_ASSERT_DOUBLE_EQUAL(x, 0.5, 1e-12);
    CU_ASSERT_EQUAL(kg_param_bool(NULL, table, "on", &on, &err), KG_OK);
    CU_ASSERT_EQUAL(on, 1);
    CU_ASSERT_EQUAL(kg_param_string(NULL, table, "name", &text, &err), KG_OK);
    ASSERT_STR(text, "leiden");
    CU_ASSERT_EQUAL(kg_param_string(NULL, table, "free", &text, &err), KG_OK);
    CU_ASSERT_PTR_NULL(text);
    CU_ASSERT_EQUAL(kg_param_choice(NULL, table, "name", methods, &k, &err), KG_OK);
    CU_ASSERT_EQUAL(k, 0);
    CU_ASSERT_EQUAL(kg_param_choice(NULL, table, "free", methods, &k, &err), KG_OK);
    CU_ASSERT_EQUAL(k, -1);
    /* given values win */
    kg_opts_t *o;
    kg_opts_new(&o);
    kg_opts_set(o, "n", "3");
    kg_opts_set(o, "on", "off");
    kg_opts_set(o, "name", "multilevel");
    CU_ASSERT_EQUAL(kg_param_int(o, table, "n", &n, &err), KG_OK);
    CU_ASSERT_EQUAL(n, 3);
    CU_ASSERT_EQUAL(kg_param_bool(o, table, "on", &on, &err), KG_OK);
    CU_ASSERT_EQUAL(on, 0);
    CU_ASSERT_EQUAL(kg_param_choice(o, table, "name", methods, &k, &err), KG_OK);
    CU_ASSERT_EQUAL(k, 1);
    /* the user's mistakes: KG_EUSAGE naming the parameter, a misspelt choice with a did-you-mean */
    kg_opts_set(o, "n", "3.5");
    CU_ASSERT_EQUAL(kg_param_int(o, table, "n", &n, &err), KG_EUSAGE);
    ASSERT_STR(err.text, "parameter n: \"3.5\" is not an integer");
    kg_opts_set(o, "name", "lieden");
    CU_ASSERT_EQUAL(kg_param_choice(o, table, "name", methods, &k, &err), KG_EUSAGE);
    ASSERT_STR(err.text, "parameter name must be \"leiden\" or \"multilevel\", not \"lieden\" (did you mean \"leiden\"?)");
    kg_opts_set(o, "name", "spectral");
    CU_ASSERT_EQUAL(kg_param_choice(o, table, "name", methods, &k, &err), KG_EUSAGE);
    ASSERT_STR(err.text, "parameter name must be \"leiden\" or \"multilevel\", not \"spectral\"");
    /* the plugin's mistakes: an undeclared key, a default that does not parse or is not a choice */
    CU_ASSERT_EQUAL(kg_param_int(o, table, "m", &n, &err), KG_EINTERNAL);
    ASSERT_CONTAINS(err.text, "parameter m is read but not declared");
    CU_ASSERT_EQUAL(kg_param_int(o, table, "broken", &n, &err), KG_EINTERNAL);
    ASSERT_CONTAINS(err.text, "its declared default \"twelve\" is not valid");
    CU_ASSERT_EQUAL(kg_param_choice(o, table, "odd", dirs, &k, &err), KG_EINTERNAL);
    ASSERT_CONTAINS(err.text, "\"sideways\" is not one of its choices");
    kg_opts_free(o);
}

/* Every bundled capability's typed defaults parse as their type (the plugins read their defaults from these
 * tables, so a default that does not parse would fail every run that leaves the parameter out). */
static int check_table(const char *owner, const kg_param_t *params)
{
    int bad = 0;
    for (const kg_param_t *p = params; p && p->name; p++) {
        kg_error_t err;
        long n;
        double x;
        int b, rc = KG_OK;
        CU_ASSERT_PTR_NOT_NULL(p->type);
        CU_ASSERT_PTR_NOT_NULL(p->help);
        if (!p->type)
            continue;
        if (!strcmp(p->type, "int"))
            rc = kg_param_int(NULL, params, p->name, &n, &err);
        else if (!strcmp(p->type, "float"))
            rc = kg_param_double(NULL, params, p->name, &x, &err);
        else if (!strcmp(p->type, "bool"))
            rc = kg_param_bool(NULL, params, p->name, &b, &err);
        if (rc) {
            fprintf(stderr, "\n  %s: %s\n", owner, err.text);
            bad++;
        }
    }
    return bad;
}

static void test_bundled_parameter_tables(void)
{
    kg_host_t *h;
    kg_host_new(&h);
    CU_ASSERT(kg_host_load_dir(h, KGKIT_BUILD_PLUGIN_DIR) >= 8);
    size_t tables = 0;
    int bad = 0;
    for (size_t i = 0; i < kg_host_importer_count(h); i++, tables++)
        bad += check_table(kg_host_importer(h, i, NULL)->name, kg_host_importer(h, i, NULL)->params);
    for (size_t i = 0; i < kg_host_exporter_count(h); i++, tables++)
        bad += check_table(kg_host_exporter(h, i, NULL)->name, kg_host_exporter(h, i, NULL)->params);
    for (size_t i = 0; i < kg_host_analysis_count(h); i++, tables++)
        bad += check_table(kg_host_analysis(h, i, NULL)->name, kg_host_analysis(h, i, NULL)->params);
    bad += check_table("selection", kg_select_params());
    CU_ASSERT(tables >= 20);
    CU_ASSERT_EQUAL(bad, 0);
    kg_host_free(h);
}

static int write_hello(FILE *f, void *userdata, kg_error_t *err)
{
    (void)err;
    fputs((const char *)userdata, f);
    return KG_OK;
}

/* Atomic writes replace regular files only: a link stays a link, a FIFO
 * stays a FIFO (so /dev/null is never replaced), permissions are kept. */
static void test_atomic_write_respects_links_pipes_modes(void)
{
    char dir[] = "/tmp/kgtest-atomic-XXXXXX", file[256], link[256], fifo[256];
    CU_ASSERT_PTR_NOT_NULL_FATAL(mkdtemp(dir));
    snprintf(file, sizeof file, "%s/real.txt", dir);
    snprintf(link, sizeof link, "%s/link.txt", dir);
    snprintf(fifo, sizeof fifo, "%s/pipe", dir);
    kg_error_t err;
    struct stat st;
    CU_ASSERT_EQUAL(kg_write_atomic(file, write_hello, "one", &err), KG_OK);
    CU_ASSERT_EQUAL(chmod(file, 0600), 0);
    CU_ASSERT_EQUAL(symlink("real.txt", link), 0);
    CU_ASSERT_EQUAL(kg_write_atomic(link, write_hello, "two", &err), KG_OK);
    CU_ASSERT(lstat(link, &st) == 0 && S_ISLNK(st.st_mode));
    CU_ASSERT(stat(file, &st) == 0 && (st.st_mode & 0777) == 0600);
    CU_ASSERT_STRING_EQUAL(slurp(file), "two");

    CU_ASSERT_EQUAL_FATAL(mkfifo(fifo, 0600), 0);
    pid_t pid = fork();
    if (pid == 0) { /* the reader: copies the pipe into a file */
        char out[300], buf[64];
        snprintf(out, sizeof out, "%s.read", fifo);
        FILE *in = fopen(fifo, "rb"), *o = fopen(out, "wb");
        size_t n;
        while (in && o && (n = fread(buf, 1, sizeof buf, in)) > 0)
            fwrite(buf, 1, n, o);
        _exit(in && o && fclose(o) == 0 ? 0 : 1);
    }
    CU_ASSERT_EQUAL(kg_write_atomic(fifo, write_hello, "through the pipe", &err), KG_OK);
    int status = -1;
    waitpid(pid, &status, 0);
    CU_ASSERT(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    CU_ASSERT(stat(fifo, &st) == 0 && S_ISFIFO(st.st_mode));
    char read_back[300];
    snprintf(read_back, sizeof read_back, "%s.read", fifo);
    CU_ASSERT_STRING_EQUAL(slurp(read_back), "through the pipe");
    unlink(read_back);
    unlink(fifo);
    unlink(link);
    unlink(file);
    rmdir(dir);
}

int main(void)
{
    static const test_case_t tests[] = {{"broken plugins are refused with file and reason", test_broken_plugins},
                                        {"a directory with broken plugins loads the rest", test_load_dir_skips_broken},
                                        {"a plugin of the first ABI loads (the compatibility rule)", test_old_layout_loads},
                                        {"discovery from $KGKIT_PLUGIN_PATH", test_discovery_from_env},
                                        {"failed export keeps the old file", test_failed_export_keeps_old_file},
                                        {"atomic writes keep links, pipes and modes",
                                         test_atomic_write_respects_links_pipes_modes},
                                        {"parameters are checked and parsed", test_parameters},
                                        {"parameters read through their declaration", test_declared_parameters},
                                        {"every bundled parameter table's defaults parse",
                                         test_bundled_parameter_tables},
                                        {NULL, NULL}};
    return run_suite("host", tests);
}
