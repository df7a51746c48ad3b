/* test_json.c - CUnit suite for the native format plugin: data-driven valid and invalid cases, round trips, atomic imports. */
#define _GNU_SOURCE
#include "test_util.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

static kg_host_t *host;

static char *slurp(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    char *buf = NULL;
    size_t len = 0;
    FILE *m = open_memstream(&buf, &len);
    char tmp[4096];
    size_t n;
    while ((n = fread(tmp, 1, sizeof tmp, f)) > 0)
        fwrite(tmp, 1, n, m);
    fclose(m);
    fclose(f);
    return buf;
}

static char *export_string(kg_graph_t *g, const char *format)
{
    char path[] = "/tmp/kgtest-XXXXXX";
    int fd = mkstemp(path);
    close(fd);
    kg_error_t err;
    int rc = kg_host_export_file(host, g, format, path, NULL, &err);
    CU_ASSERT_EQUAL(rc, KG_OK);
    char *s = rc == KG_OK ? slurp(path) : NULL;
    unlink(path);
    return s;
}

static void chomp(char *s)
{
    size_t n = strlen(s);
    while (n && (s[n - 1] == '\n' || s[n - 1] == '\r'))
        s[--n] = '\0';
}

/* The name of a case folder's input.* file into out ("" when it has none). */
static void find_input(const char *casedir, char *out, size_t size)
{
    out[0] = '\0';
    DIR *cd = opendir(casedir);
    struct dirent *f;
    while (cd && (f = readdir(cd)))
        if (strncmp(f->d_name, "input.", 6) == 0)
            snprintf(out, size, "%s", f->d_name);
    if (cd)
        closedir(cd);
}

/* Each folder of tests/cases/json-invalid holds input.json or input.jsonl and
 * `error`: the exact message, "input.json:LINE:COLUMN: text". */
static void test_invalid_cases(void)
{
    char dir[1024];
    snprintf(dir, sizeof dir, "%s/json-invalid", KGKIT_CASES_DIR);
    DIR *d = opendir(dir);
    CU_ASSERT_PTR_NOT_NULL_FATAL(d);
    struct dirent *de;
    int cases = 0;
    char cwd[1024];
    CU_ASSERT_PTR_NOT_NULL_FATAL(getcwd(cwd, sizeof cwd));
    while ((de = readdir(d))) {
        if (de->d_name[0] == '.')
            continue;
        char casedir[2048];
        snprintf(casedir, sizeof casedir, "%s/%s", dir, de->d_name);
        CU_ASSERT_EQUAL_FATAL(chdir(casedir), 0);
        char input[256];
        find_input(".", input, sizeof input);
        char *expected = slurp("error");
        CU_ASSERT_PTR_NOT_NULL(expected);
        if (!expected || !input[0]) {
            fprintf(stderr, "\n    case %s lacks input.* or error\n", de->d_name);
            free(expected);
            continue;
        }
        chomp(expected);
        kg_graph_t *g;
        kg_graph_new(&g);
        /* the graph holds something before, and must hold exactly that after */
        kg_entity_spec_t s = {0};
        s.id = "keep:me";
        kg_graph_add_entity(g, &s, NULL, NULL);
        kg_error_t err;
        int rc = kg_host_import_file(host, g, input, NULL, NULL, &err);
        char got[2048];
        kg_error_format(&err, got, sizeof got);
        if (rc == KG_OK || strcmp(got, expected) != 0)
            fprintf(stderr, "\n    case %s:\n      expected: %s\n      got:      %s\n", de->d_name, expected,
                    rc == KG_OK ? "(success)" : got);
        CU_ASSERT_NOT_EQUAL(rc, KG_OK);
        CU_ASSERT_STRING_EQUAL(got, expected);
        CU_ASSERT_EQUAL(kg_graph_entity_count(g), 1);
        CU_ASSERT_EQUAL(kg_graph_stmt_count(g), 0);
        CU_ASSERT_EQUAL(kg_graph_predicate_count(g), 0);
        kg_graph_free(g);
        free(expected);
        cases++;
    }
    closedir(d);
    CU_ASSERT_EQUAL(chdir(cwd), 0);
    CU_ASSERT(cases >= 20);
}

/* Each folder of tests/cases/json-valid holds an input and `expected.json`, the
 * canonical document the json exporter writes for it. */
static void test_valid_cases(void)
{
    char dir[1024];
    snprintf(dir, sizeof dir, "%s/json-valid", KGKIT_CASES_DIR);
    DIR *d = opendir(dir);
    CU_ASSERT_PTR_NOT_NULL_FATAL(d);
    struct dirent *de;
    int cases = 0;
    while ((de = readdir(d))) {
        if (de->d_name[0] == '.')
            continue;
        char casedir[2048], name[256], input[2304], expected_path[2304];
        snprintf(casedir, sizeof casedir, "%s/%s", dir, de->d_name);
        find_input(casedir, name, sizeof name);
        CU_ASSERT_FATAL(name[0] != '\0');
        snprintf(input, sizeof input, "%s/%s", casedir, name);
        snprintf(expected_path, sizeof expected_path, "%s/expected.json", casedir);
        char *expected = slurp(expected_path);
        CU_ASSERT_PTR_NOT_NULL_FATAL(expected);
        kg_graph_t *g;
        kg_graph_new(&g);
        kg_error_t err;
        int rc = kg_host_import_file(host, g, input, NULL, NULL, &err);
        if (rc) {
            char msg[1024];
            kg_error_format(&err, msg, sizeof msg);
            fprintf(stderr, "\n    case %s: %s\n", de->d_name, msg);
        }
        CU_ASSERT_EQUAL(rc, KG_OK);
        char *doc = export_string(g, "json");
        char *lines = export_string(g, "jsonl");
        if (doc && strcmp(doc, expected) != 0)
            fprintf(stderr, "\n    case %s: export differs from expected.json:\n%s\n", de->d_name, doc);
        CU_ASSERT(doc && strcmp(doc, expected) == 0);
        /* lossless: the JSON Lines form and the document form read back the same */
        char tmp[] = "/tmp/kgtest-XXXXXX.jsonl";
        int fd = mkstemps(tmp, 6);
        CU_ASSERT_FATAL(fd >= 0);
        CU_ASSERT_EQUAL(write(fd, lines, strlen(lines)), (ssize_t)strlen(lines));
        close(fd);
        kg_graph_t *g2;
        kg_graph_new(&g2);
        CU_ASSERT_EQUAL(kg_host_import_file(host, g2, tmp, NULL, NULL, &err), KG_OK);
        char *doc2 = export_string(g2, "json");
        CU_ASSERT(doc2 && doc && strcmp(doc, doc2) == 0);
        unlink(tmp);
        free(doc);
        free(doc2);
        free(lines);
        free(expected);
        kg_graph_free(g);
        kg_graph_free(g2);
        cases++;
    }
    closedir(d);
    CU_ASSERT(cases >= 5);
}

/* A failure half-way through a second input leaves the first one's graph. */
static void test_failed_import_keeps_graph(void)
{
    char a[] = "/tmp/kgtest-a-XXXXXX.jsonl", b[] = "/tmp/kgtest-b-XXXXXX.jsonl";
    int fa = mkstemps(a, 6), fb = mkstemps(b, 6);
    const char *ta = "{\"type\": \"source\", \"id\": \"s1\"}\n"
                     "{\"type\": \"entity\", \"id\": \"p1\", \"kind\": \"person\"}\n"
                     "{\"type\": \"statement\", \"subject\": \"p1\", \"predicate\": \"age\", \"value\": 40, "
                     "\"sources\": [\"s1\"]}\n";
    const char *tb = "{\"type\": \"entity\", \"id\": \"p2\", \"kind\": \"person\"}\n"
                     "{\"type\": \"entity\", \"id\": \"p1\", \"aliases\": [\"P One\"]}\n"
                     "{\"type\": \"statement\", \"subject\": \"p1\", \"predicate\": \"age\", \"value\": 40, "
                     "\"sources\": [\"s2\"]}\n"
                     "{\"type\": \"source\", \"id\": \"s3\"}\n";
    CU_ASSERT(write(fa, ta, strlen(ta)) > 0 && write(fb, tb, strlen(tb)) > 0);
    close(fa);
    close(fb);
    kg_graph_t *g;
    kg_graph_new(&g);
    kg_error_t err;
    CU_ASSERT_EQUAL(kg_host_import_file(host, g, a, NULL, NULL, &err), KG_OK);
    char *before = export_string(g, "json");
    CU_ASSERT_EQUAL(kg_host_import_file(host, g, b, NULL, NULL, &err), KG_ENOTFOUND);
    ASSERT_CONTAINS(err.text, "\"s2\"");
    CU_ASSERT_EQUAL(err.line, 3);
    char *after = export_string(g, "json");
    CU_ASSERT(before && after && strcmp(before, after) == 0);
    kg_entity_t f;
    CU_ASSERT_EQUAL(kg_graph_find(g, "P One", &f, NULL), KG_ENOTFOUND);
    free(before);
    free(after);
    kg_graph_free(g);
    unlink(a);
    unlink(b);
}

/* Records in any order: statements before the entities they name. */
static void test_lines_any_order(void)
{
    char a[] = "/tmp/kgtest-XXXXXX.jsonl";
    int fd = mkstemps(a, 6);
    const char *t = "{\"type\": \"statement\", \"subject\": \"p1\", \"predicate\": \"member_of\", \"object\": \"g1\", "
                    "\"sources\": [{\"id\": \"s1\", \"quote\": \"q\"}]}\n"
                    "\n"
                    "{\"type\": \"predicate\", \"name\": \"member_of\", \"kind\": \"relation\"}\n"
                    "{\"type\": \"entity\", \"id\": \"g1\", \"kind\": \"group\"}\n"
                    "{\"type\": \"source\", \"id\": \"s1\", \"published\": \"2024-12\"}\n"
                    "{\"type\": \"entity\", \"id\": \"p1\", \"kind\": \"person\"}\n";
    CU_ASSERT(write(fd, t, strlen(t)) > 0);
    close(fd);
    kg_graph_t *g;
    kg_graph_new(&g);
    kg_error_t err;
    CU_ASSERT_EQUAL(kg_host_import_file(host, g, a, NULL, NULL, &err), KG_OK);
    CU_ASSERT_EQUAL(kg_graph_stmt_count(g), 1);
    const char *quote;
    CU_ASSERT_EQUAL(kg_stmt_cite(g, 0, 0, &quote), kg_graph_entity_by_id(g, "s1"));
    ASSERT_STR(quote, "q");
    kg_graph_free(g);
    unlink(a);
}

/* A JSON Lines file big enough to be read ahead in a thread (over 4 MB): statements before the entities they
 * name, every kind of value, quotes, attributes, text beyond ASCII; `bad` (a line, or NULL) at line `at`. */
static void write_big_lines(const char *path, int at, const char *bad)
{
    FILE *f = fopen(path, "w");
    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    const int blocks = 400; /* of ten lines: block b defines s<b> and p<b>, and names p<b+1> before it is defined */
    char pad[1101]; /* long lines: few records (fast under the sanitizers), yet over 4 MB */
    for (int k = 0; k < 1100; k++)
        pad[k] = "abcdefghij klmnopqrs "[k % 21];
    pad[1100] = '\0';
    for (int i = 0; i < blocks * 10; i++) {
        int b = i / 10, next = (b + 1) % blocks, prev = b ? b - 1 : b;
        if (i + 1 == at)
            fprintf(f, "%s\n", bad);
        else if (i % 10 == 0)
            fprintf(f, "{\"type\": \"source\", \"id\": \"s%d\", \"title\": \"Zvieda %d %s\", \"published\": "
                       "\"2024-%02d\"}\n", b, b, pad, 1 + b % 12);
        else if (i % 10 == 1)
            fprintf(f, "{\"type\": \"entity\", \"id\": \"p%d\", \"kind\": \"person\", \"label\": "
                       "\"Алесь %d\", \"aliases\": [\"A. %d %s\"]}\n", b, b, b, pad);
        else if (i % 10 == 2)
            fprintf(f, "{\"type\": \"statement\", \"subject\": \"p%d\", \"predicate\": \"knows\", \"object\": "
                       "\"p%d\", \"sources\": [{\"id\": \"s%d\", \"quote\": \"they met in %d\"}, \"s%d\"]}\n",
                    b, next, b, b, prev);
        else if (i % 10 == 3)
            fprintf(f, "{\"type\": \"statement\", \"subject\": \"p%d\", \"predicate\": \"held\", \"value\": "
                       "{\"amount\": %d, \"qualifier\": \"about\", \"unit\": \"people\"}, \"as_of\": \"2024-%02d\", "
                       "\"sources\": [{\"id\": \"s%d\", \"quote\": \"%s\"}], \"attrs\": {\"n\": %d, \"note\": \"ў\"}}\n",
                    next, b * 3, 1 + b % 12, b, pad, b);
        else if (i % 10 == 4)
            fprintf(f, "{\"type\": \"statement\", \"subject\": \"p%d\", \"predicate\": \"status\", \"value\": "
                       "\"in exile %d %s\", \"according_to\": \"p%d\", \"sources\": [\"s%d\"]}\n",
                    b, b % 7, pad, next, prev);
        else if (i % 10 == 5)
            fprintf(f, "{\"type\": \"statement\", \"subject\": \"p%d\", \"predicate\": \"released\", \"value\": "
                       "{\"date\": \"2025-0%d-1%d\"}, \"sources\": [{\"id\": \"s%d\", \"quote\": \"%s\"}]}\n", b,
                    1 + b % 9, b % 10, b, pad);
        else
            fprintf(f, "{\"type\": \"statement\", \"subject\": \"p%d\", \"predicate\": \"count%d\", \"value\": "
                       "{\"qualifier\": \"thousands\"}, \"sources\": [{\"id\": \"s%d\", \"quote\": \"%d %s\"}]}\n", b,
                    i % 10, b, i, pad);
    }
    fclose(f);
}

/* Imports path with `threads` allowed (KGKIT_THREADS); the graph as JSON Lines, or NULL, with the error. */
static char *import_with(const char *path, const char *threads, kg_error_t *err)
{
    setenv("KGKIT_THREADS", threads, 1);
    kg_graph_t *g;
    kg_graph_new(&g);
    kg_graph_begin(g);
    int rc = kg_host_import_file(host, g, path, NULL, NULL, err);
    unsetenv("KGKIT_THREADS");
    char *s = NULL;
    if (rc == KG_OK) {
        kg_graph_commit(g);
        s = export_string(g, "jsonl");
    } else {
        kg_graph_rollback(g);
        CU_ASSERT_EQUAL(kg_graph_entity_count(g), 0);
    }
    kg_graph_free(g);
    return s;
}

/* A big file is decoded by threads of their own, batch by batch: the same graph, and the same error at the same
 * place, as read in one thread, with one thread decoding or several; an error early on stops the reading threads
 * (nothing leaks, nothing hangs). */
static void test_lines_read_ahead(void)
{
    char path[] = "/tmp/kgtest-XXXXXX.jsonl";
    close(mkstemps(path, 6));
    write_big_lines(path, 0, NULL);
    struct stat st;
    CU_ASSERT(stat(path, &st) == 0 && st.st_size >= (4 << 20)); /* read ahead from 4 MB (plugins/json/lines.c) */
    kg_error_t e1, e2;
    char *one = import_with(path, "1", &e1), *two = import_with(path, "2", &e2), *three = import_with(path, "3", &e2);
    CU_ASSERT_PTR_NOT_NULL(one);
    CU_ASSERT(one && two && strcmp(one, two) == 0);
    CU_ASSERT(one && three && strcmp(one, three) == 0); /* three threads decoding batches side by side */
    free(three);
    CU_ASSERT(one && strlen(one) > (4u << 20)); /* big enough to be read ahead */
    CU_ASSERT(one && strstr(one, "\"note\": \"ў\"") && strstr(one, "\"quote\": \"they met in 12\"") &&
              strstr(one, "\"p399\""));
    free(one);
    free(two);
    static const struct {
        int at;
        const char *line, *text;
        int code, column;
    } bad[] = {
        {3990, "{\"type\": \"statement\", \"subject\": ", "end of file", KG_EINPUT, 0},
        {3989, "{\"type\": \"statement\", \"subject\": \"p1\", \"predicate\": \"knows\", \"object\": \"p2\","
                " \"sources\": [\"p3\"]}", "\"p3\" is a person, not a source", KG_EINPUT, 1},
        {3991, "{\"type\": \"statement\", \"subject\": 5, \"predicate\": \"p\", \"value\": 1}",
         "field \"subject\" must be a string", KG_EINPUT, 1},
        {3992, "{\"type\": \"entity\", \"id\": \"x\", \"kind\": 3}", "\"kind\" must be a string", KG_EINPUT, 1},
        {3993, "{\"type\": \"statement\", \"subject\": \"nobody\", \"predicate\": \"p\", \"value\": 1}",
         "unknown entity \"nobody\"", KG_ENOTFOUND, 1},
        {3, "[1, 2]", "expected a record object", KG_EINPUT, 1},
        {4, "{\"type\": \"source\", \"id\": \"s0\", \"title\": \"A\", \"title\": \"B\"}", "duplicate", KG_EINPUT, 0},
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        write_big_lines(path, bad[i].at, bad[i].line);
        one = import_with(path, "1", &e1);
        two = import_with(path, "2", &e2);
        kg_error_t e3;
        three = import_with(path, "3", &e3);
        CU_ASSERT_PTR_NULL(one);
        CU_ASSERT_PTR_NULL(two);
        CU_ASSERT_PTR_NULL(three);
        ASSERT_STR(e1.text, e3.text);
        CU_ASSERT_EQUAL(e3.line, e1.line);
        CU_ASSERT_EQUAL(e3.column, e1.column);
        free(three);
        ASSERT_CONTAINS(e1.text, bad[i].text);
        ASSERT_STR(e1.text, e2.text);
        CU_ASSERT_EQUAL(e1.code, bad[i].code);
        CU_ASSERT_EQUAL(e2.code, e1.code);
        CU_ASSERT_EQUAL(e1.line, bad[i].at);
        CU_ASSERT_EQUAL(e2.line, e1.line);
        CU_ASSERT_EQUAL(e2.column, e1.column);
        if (bad[i].column)
            CU_ASSERT_EQUAL(e1.column, bad[i].column);
        free(one);
        free(two);
    }
    unlink(path);
}

/* KGKIT_THREADS: a positive count, capped; anything else is one thread. */
static void test_threads_setting(void)
{
    setenv("KGKIT_THREADS", "3", 1);
    CU_ASSERT_EQUAL(kg_threads(), 3);
    setenv("KGKIT_THREADS", "1", 1);
    CU_ASSERT_EQUAL(kg_threads(), 1);
    setenv("KGKIT_THREADS", "100000", 1);
    CU_ASSERT_EQUAL(kg_threads(), 256);
    static const char *const not_counts[] = {"0", "-2", "two", "2x", " "};
    for (size_t i = 0; i < sizeof not_counts / sizeof *not_counts; i++) {
        setenv("KGKIT_THREADS", not_counts[i], 1);
        CU_ASSERT_EQUAL(kg_threads(), 1);
    }
    unsetenv("KGKIT_THREADS");
    CU_ASSERT(kg_threads() >= 1);
    CU_ASSERT_EQUAL(kg_threads(), (int)sysconf(_SC_NPROCESSORS_ONLN));
}

/* Format choice by content when the name says nothing. */
static void test_sniffing(void)
{
    const char *doc = "{\"kgkit\": 1, \"entities\": [{\"id\": \"a\"}]}";
    const char *lines = "{\"kgkit\": 1}\n{\"type\": \"entity\", \"id\": \"a\"}\n";
    CU_ASSERT_PTR_NOT_NULL(kg_host_importer_for(host, "/tmp/x.data", doc, strlen(doc)));
    ASSERT_STR(kg_host_importer_for(host, "/tmp/x.data", doc, strlen(doc))->name, "json");
    ASSERT_STR(kg_host_importer_for(host, "/tmp/x.data", lines, strlen(lines))->name, "jsonl");
    ASSERT_STR(kg_host_importer_for(host, "/tmp/x.JSONL", doc, strlen(doc))->name, "jsonl"); /* the name wins */
    CU_ASSERT_PTR_NULL(kg_host_importer_for(host, "/tmp/x.data", "hello", 5));
}

int main(void)
{
    if (kg_host_new(&host) != KG_OK || kg_host_load_dir(host, KGKIT_BUILD_PLUGIN_DIR) == 0) {
        fprintf(stderr, "cannot load the bundled plugins from %s\n", KGKIT_BUILD_PLUGIN_DIR);
        return 1;
    }
    static const test_case_t tests[] = {{"invalid inputs: file, line, column, message", test_invalid_cases},
                                        {"valid inputs: canonical export, lossless round trip", test_valid_cases},
                                        {"a failed import leaves the graph as it was", test_failed_import_keeps_graph},
                                        {"JSON Lines records in any order", test_lines_any_order},
                                        {"a big file read ahead: same graph, same errors", test_lines_read_ahead},
                                        {"KGKIT_THREADS", test_threads_setting},
                                        {"format by name, then by content", test_sniffing},
                                        {NULL, NULL}};
    int rc = run_suite("json", tests);
    kg_host_free(host);
    return rc;
}
