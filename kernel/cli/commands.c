/* commands.c - the command table (one row per command: synopsis, help, options, function) and the subcommands import, analyze, export, info and plugins. */
#include "cli.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* ------------------------------------------------------------ shared */

int cli_parse_format(const char *s, kg_format_t *out)
{
    if (strcmp(s, "text") == 0)
        *out = KG_FORMAT_TEXT;
    else if (strcmp(s, "json") == 0)
        *out = KG_FORMAT_JSON;
    else
        return cli_usage("--format must be text or json, not \"%s\"", s);
    return EXIT_OK;
}

void cli_wrote(const cli_t *c, const char *path, const char *what)
{
    if (!c->quiet && strcmp(path, "-") != 0)
        fprintf(stderr, "kgkit: wrote %s (%s)\n", path, what);
}

static void print_params(const kg_param_t *p)
{
    for (; p && p->name; p++) {
        int pad = (int)(18 - strlen(p->name) - strlen(p->type));
        printf("      -p %s=%s%*s%s%s%s%s\n", p->name, p->type, pad > 0 ? pad : 1, "", p->help ? p->help : "",
               p->default_value ? " (default " : "", p->default_value ? p->default_value : "",
               p->default_value ? ")" : "");
    }
}

void cli_list_importers(const kg_host_t *h)
{
    printf("\ninput formats:\n");
    for (size_t i = 0; i < kg_host_importer_count(h); i++) {
        const kg_importer_t *m = kg_host_importer(h, i, NULL);
        char ext[64] = "";
        size_t len = 0;
        for (const char *const *x = m->extensions; x && *x && len < sizeof ext; x++)
            len += (size_t)snprintf(ext + len, sizeof ext - len, "%s%s", len ? " " : "", *x);
        printf("  %-12s %-16s %s\n", m->name, ext, m->description);
        print_params(m->params);
    }
}

void cli_list_exporters(const kg_host_t *h)
{
    printf("\noutput formats:\n");
    for (size_t i = 0; i < kg_host_exporter_count(h); i++) {
        const kg_exporter_t *e = kg_host_exporter(h, i, NULL);
        printf("  %-12s %-8s %s\n", e->name, e->extension ? e->extension : "", e->description);
        print_params(e->params);
    }
    printf("\nevery exporter also takes a selection (only that part of the graph is written):\n");
    print_params(kg_select_params());
}

void cli_list_analyses(const kg_host_t *h)
{
    printf("\nanalyses:\n");
    for (size_t i = 0; i < kg_host_analysis_count(h); i++) {
        const kg_analysis_t *a = kg_host_analysis(h, i, NULL);
        printf("  %-14s %s\n", a->name, a->description);
        if (kg_analysis_writes(a))
            printf("  %-14s writes back the attribute%s %s\n", "", strchr(kg_analysis_writes(a), ',') ? "s" : "",
                   kg_analysis_writes(a));
        print_params(a->params);
    }
}

/* The -p KEY=VALUE options into a new parameter set with progress (NULL and the exit code after a failure). */
static kg_opts_t *params_from(const cli_args_t *a, int *rc)
{
    kg_opts_t *opts;
    *rc = EXIT_OK;
    if (kg_opts_new(&opts) != KG_OK) {
        *rc = cli_usage("out of memory");
        return NULL;
    }
    kg_opts_set_progress(opts, cli_progress, NULL);
    for (int i = 0; i < a->n_given; i++) {
        kg_error_t err;
        if (cli_is(&a->given[i], "--param") && kg_opts_set_pair(opts, a->given[i].value, &err) != KG_OK) {
            *rc = cli_fail(&err);
            kg_opts_free(opts);
            return NULL;
        }
    }
    return opts;
}

typedef struct write_report {
    cli_t *c;
    kg_graph_t *g;
    const char *name;
    const kg_opts_t *opts;
    kg_format_t format;
} write_report_t;

static int report_to(FILE *f, void *userdata, kg_error_t *err)
{
    write_report_t *w = userdata;
    return kg_host_analyze(w->c->host, w->g, w->name, w->opts, w->format, f, err);
}

/* --------------------------------------------------------------- import */

int cmd_import(cli_t *c, const cli_args_t *a)
{
    const char *out = cli_value(a, "--output", "-"), *from = cli_value(a, "--from", NULL),
               *to = cli_value(a, "--to", NULL);
    kg_graph_t *g = NULL;
    int rc;
    kg_opts_t *opts = params_from(a, &rc);
    if (!opts)
        return rc;
    if (!to && strcmp(out, "-") == 0)
        to = "json";
    if (to && !kg_host_find_exporter(c->host, to))
        rc = cli_usage("import: no exporter for format \"%s\"", to);
    else if (!to && !kg_host_exporter_for(c->host, out))
        rc = cli_usage("import: cannot tell the output format of %s; give --to FORMAT", out);
    else if (from && !kg_host_find_importer(c->host, from))
        rc = cli_usage("import: no importer for format \"%s\"", from);
    else if ((rc = cli_load(c, &g, a->pos, a->n_pos, from, opts)) == EXIT_OK) {
        kg_error_t err;
        if (kg_host_export_file(c->host, g, to, out, NULL, &err) != KG_OK)
            rc = cli_fail(&err);
        else
            cli_wrote(c, out, to ? to : "by extension");
    }
    kg_graph_free(g);
    kg_opts_free(opts);
    return rc;
}

/* -------------------------------------------------------------- analyze */

int cmd_analyze(cli_t *c, const cli_args_t *a)
{
    const char *out = cli_value(a, "--output", "-"), *from = cli_value(a, "--from", NULL), *name = a->pos[0];
    kg_format_t format = KG_FORMAT_TEXT;
    kg_graph_t *g = NULL;
    int rc = cli_parse_format(cli_value(a, "--format", "text"), &format);
    if (rc)
        return rc;
    if (!kg_host_find_analysis(c->host, name))
        return cli_usage("analyze: no analysis named \"%s\" (see kgkit analyze --help)", name);
    kg_opts_t *opts = params_from(a, &rc);
    if (!opts)
        return rc;
    if ((rc = cli_load(c, &g, &a->pos[1], 1, from, NULL)) == EXIT_OK) {
        kg_error_t err;
        write_report_t w = {c, g, name, opts, format};
        if (kg_write_atomic(out, report_to, &w, &err) != KG_OK)
            rc = cli_fail(&err);
        else
            cli_wrote(c, out, name);
    }
    kg_graph_free(g);
    kg_opts_free(opts);
    return rc;
}

/* --------------------------------------------------------------- export */

/* Formats that are several files: written into a directory together (`kgkit export csv g.json -o DIR/`), named
 * so that `kgkit import DIR/` (or its .csv files in the shell's order) reads them back in the order they need. */
static const struct {
    const char *format;
    const char *parts[4][2]; /* format, file name */
} file_sets[] = {
    {"csv", {{"csv-entities", "entities.csv"}, {"csv-predicates", "predicates.csv"}, {"csv", "statements.csv"}}},
};

static int is_dir(const char *path)
{
    struct stat st;
    size_t n = strlen(path);
    return (n && path[n - 1] == '/') || (stat(path, &st) == 0 && S_ISDIR(st.st_mode));
}

/* Writes every part of a file set into dir, all committed together or none. */
static int export_set(cli_t *c, const kg_graph_t *g, size_t set, const char *dir, const kg_opts_t *opts)
{
    kg_staged_t *staged[4] = {NULL, NULL, NULL, NULL};
    char paths[4][4096];
    kg_error_t err;
    int rc = EXIT_OK, n = 0;
    if (mkdir(dir, 0777) != 0 && errno != EEXIST) {
        kg_error_set(&err, KG_EIO, dir, 0, 0, "cannot make the directory: %s", strerror(errno));
        return cli_fail(&err);
    }
    for (; n < 4 && file_sets[set].parts[n][0]; n++) {
        snprintf(paths[n], sizeof paths[n], "%s%s%s", dir, dir[strlen(dir) - 1] == '/' ? "" : "/",
                 file_sets[set].parts[n][1]);
        cli_progress_label(paths[n]);
        int st = kg_host_export_staged(c->host, g, file_sets[set].parts[n][0], paths[n], opts, &staged[n], &err);
        cli_progress_done();
        if (st != KG_OK) {
            rc = cli_fail(&err);
            break;
        }
    }
    for (int i = 0; i < n && rc == EXIT_OK; i++) {
        kg_staged_t *s = staged[i];
        staged[i] = NULL;
        if (kg_stage_commit(s, &err) != KG_OK)
            rc = cli_fail(&err);
    }
    for (int i = 0; i < 4; i++)
        kg_stage_abort(staged[i]);
    for (int i = 0; i < n && rc == EXIT_OK; i++)
        cli_wrote(c, paths[i], file_sets[set].parts[i][0]);
    return rc;
}

int cmd_export(cli_t *c, const cli_args_t *a)
{
    const char *out = cli_value(a, "--output", "-"), *from = cli_value(a, "--from", NULL), *format = a->pos[0];
    kg_graph_t *g = NULL;
    int rc;
    if (!kg_host_find_exporter(c->host, format))
        return cli_usage("export: no exporter for format \"%s\" (see kgkit export --help)", format);
    kg_opts_t *opts = params_from(a, &rc);
    if (!opts)
        return rc;
    size_t set = sizeof file_sets / sizeof *file_sets;
    for (size_t i = 0; strcmp(out, "-") && is_dir(out) && i < sizeof file_sets / sizeof *file_sets; i++)
        if (!strcmp(kg_host_find_exporter(c->host, format)->name, file_sets[i].format))
            set = i;
    if ((rc = cli_load(c, &g, &a->pos[1], 1, from, NULL)) == EXIT_OK && set < sizeof file_sets / sizeof *file_sets) {
        rc = export_set(c, g, set, out, opts);
    } else if (rc == EXIT_OK) {
        kg_error_t err;
        cli_progress_label(out);
        int st = kg_host_export_file(c->host, g, format, out, opts, &err);
        cli_progress_done();
        if (st != KG_OK)
            rc = cli_fail(&err);
        else
            cli_wrote(c, out, format);
    }
    kg_graph_free(g);
    kg_opts_free(opts);
    return rc;
}

/* ----------------------------------------------------------------- info */

int cmd_info(cli_t *c, const cli_args_t *a)
{
    kg_format_t format = KG_FORMAT_TEXT;
    int rc = cli_parse_format(cli_value(a, "--format", "text"), &format);
    if (rc)
        return rc;
    if (!kg_host_find_analysis(c->host, "summary"))
        return cli_usage("info: the \"summary\" plugin is not loaded (see kgkit plugins)");
    kg_graph_t *g;
    if ((rc = cli_load(c, &g, a->pos, 1, cli_value(a, "--from", NULL), NULL)) != EXIT_OK)
        return rc;
    kg_error_t err;
    rc = kg_host_analyze(c->host, g, "summary", NULL, format, stdout, &err) == KG_OK ? EXIT_OK : cli_fail(&err);
    kg_graph_free(g);
    return rc;
}

/* -------------------------------------------------------------- plugins */

static json_t *plugins_json(const kg_host_t *h)
{
    json_t *root = json_object(), *list = json_array(), *problems = json_array();
    for (size_t p = 0; p < kg_host_plugin_count(h); p++) {
        const char *path;
        const kg_plugin_desc_t *d = kg_host_plugin(h, p, &path);
        json_t *o = json_object(), *imp = json_array(), *exp = json_array(), *an = json_array();
        json_object_set_new(o, "name", json_string(d->name));
        json_object_set_new(o, "version", json_string(d->version ? d->version : ""));
        json_object_set_new(o, "description", json_string(d->description ? d->description : ""));
        json_object_set_new(o, "path", json_string(path));
        for (size_t i = 0, q; i < kg_host_importer_count(h); i++)
            if (kg_host_importer(h, i, &q) && q == p)
                json_array_append_new(imp, json_string(kg_host_importer(h, i, NULL)->name));
        for (size_t i = 0, q; i < kg_host_exporter_count(h); i++)
            if (kg_host_exporter(h, i, &q) && q == p)
                json_array_append_new(exp, json_string(kg_host_exporter(h, i, NULL)->name));
        for (size_t i = 0, q; i < kg_host_analysis_count(h); i++)
            if (kg_host_analysis(h, i, &q) && q == p)
                json_array_append_new(an, json_string(kg_host_analysis(h, i, NULL)->name));
        json_object_set_new(o, "importers", imp);
        json_object_set_new(o, "exporters", exp);
        json_object_set_new(o, "analyses", an);
        json_array_append_new(list, o);
    }
    for (size_t i = 0; i < kg_host_problem_count(h); i++) {
        const kg_error_t *e = kg_host_problem(h, i);
        json_t *o = json_object();
        json_object_set_new(o, "path", json_string(e->source));
        json_object_set_new(o, "reason", json_string(e->text));
        json_array_append_new(problems, o);
    }
    json_object_set_new(root, "plugins", list);
    json_object_set_new(root, "skipped", problems);
    return root;
}

int cmd_plugins(cli_t *c, const cli_args_t *a)
{
    json_t *root = plugins_json(c->host);
    if (cli_flag(a, "--json")) {
        json_dumpf(root, stdout, JSON_INDENT(2));
        fputc('\n', stdout);
        json_decref(root);
        return EXIT_OK;
    }
    size_t i;
    json_t *p;
    json_array_foreach(json_object_get(root, "plugins"), i, p) {
        printf("%s %s — %s\n  from %s\n", json_string_value(json_object_get(p, "name")),
               json_string_value(json_object_get(p, "version")), json_string_value(json_object_get(p, "description")),
               json_string_value(json_object_get(p, "path")));
        static const char *const caps[] = {"importers", "exporters", "analyses"};
        for (int k = 0; k < 3; k++) {
            json_t *list = json_object_get(p, caps[k]);
            if (!json_array_size(list))
                continue;
            printf("  %-10s", caps[k]);
            size_t j;
            json_t *name;
            json_array_foreach(list, j, name) printf(" %s", json_string_value(name));
            printf("\n");
        }
    }
    if (!i)
        printf("no plugins loaded (installed directory: %s)\n", kg_host_install_dir());
    json_array_foreach(json_object_get(root, "skipped"), i, p) {
        printf("skipped %s: %s\n", json_string_value(json_object_get(p, "path")),
               json_string_value(json_object_get(p, "reason")));
    }
    json_decref(root);
    return EXIT_OK;
}

/* ------------------------------------------------------------ the table */

static const cli_opt_t import_opts[] = {
    {"-o", "--output", "FILE", "where to write (format from its extension; default stdout)", 0, 0},
    {NULL, "--from", "FORMAT", "the inputs' format (default: by extension, then by content)", 0, 0},
    {NULL, "--to", "FORMAT", "the output format (default: by extension of OUT, else json)", 0, 0},
    {"-p", "--param", "KEY=VALUE", "a parameter for the importer", 1, 0},
    {NULL, "--judgements", "FILE", "merge the entities judged the same in FILE (docs/entities.md)", 0, 0},
    {NULL, NULL, NULL, NULL, 0, 0}};

static const cli_opt_t analyze_opts[] = {
    {"-f", "--format", "text|json", "the report's form (default text)", 0, 1},
    {"-o", "--output", "FILE", "write the report there (atomically) instead of stdout", 0, 0},
    {NULL, "--from", "FORMAT", "GRAPH's format, when its name does not tell", 0, 0},
    {"-p", "--param", "KEY=VALUE", "a parameter of the analysis", 1, 0},
    {NULL, "--judgements", "FILE", "merge the entities judged the same in FILE (docs/entities.md)", 0, 0},
    {NULL, NULL, NULL, NULL, 0, 0}};

static const cli_opt_t export_opts[] = {
    {"-o", "--output", "FILE", "where to write (default stdout)", 0, 0},
    {NULL, "--from", "FORMAT", "GRAPH's format, when its name does not tell", 0, 0},
    {"-p", "--param", "KEY=VALUE", "a parameter of the exporter", 1, 0},
    {NULL, "--judgements", "FILE", "merge the entities judged the same in FILE (docs/entities.md)", 0, 0},
    {NULL, NULL, NULL, NULL, 0, 0}};

static const cli_opt_t run_opts[] = {
    {"-a", "--analyze", "NAME[=FILE]",
     "run an analysis; its report goes to stdout, or to FILE (JSON if FILE ends in .json)", 1, 0},
    {"-e", "--export", "[FORMAT=]FILE", "write the graph to FILE, in FORMAT or by FILE's extension", 1, 0},
    {"-f", "--format", "text|json", "the form of reports on stdout (default text)", 0, 1},
    {NULL, "--from", "FORMAT", "the inputs' format", 0, 0},
    {"-p", "--param", "NAME.KEY=VALUE", "a parameter for the analysis, exporter or importer NAME", 1, 0},
    {NULL, "--timings", NULL,
     "say each phase's wall time on stderr at the end (load, each analysis, each export; with exports side by "
     "side, exports= their wall time)",
     0, 0},
    {NULL, "--judgements", "FILE", "merge the entities judged the same in FILE (docs/entities.md)", 0, 0},
    {NULL, NULL, NULL, NULL, 0, 0}};

static const cli_opt_t info_opts[] = {
    {"-f", "--format", "text|json", "the form of the summary (default text)", 0, 1},
    {NULL, "--from", "FORMAT", "GRAPH's format, when its name does not tell", 0, 0},
    {NULL, "--judgements", "FILE", "merge the entities judged the same in FILE (docs/entities.md)", 0, 0},
    {NULL, NULL, NULL, NULL, 0, 0}};

static const cli_opt_t review_opts[] = {
    {NULL, "--judgements", "FILE", "the judgements file to read and append to (made when missing)", 0, 0},
    {NULL, "--by", "NAME", "who judges (default: $USER)", 0, 0},
    {NULL, "--from", "FORMAT", "GRAPH's format, when its name does not tell", 0, 0},
    {"-p", "--param", "KEY=VALUE", "a parameter of the duplicates analysis (threshold, same, max_block)", 1, 0},
    {NULL, NULL, NULL, NULL, 0, 0}};

static const cli_opt_t plugins_opts[] = {
    {NULL, "--json", NULL, "the list as JSON", 0, 0},
    {NULL, NULL, NULL, NULL, 0, 0}};

const cli_command_t cli_commands[] = {
    {"import", NULL, "INPUT...", "INPUT... -o OUT", "read inputs in any known format, merge, write one graph",
     "Reads one or more inputs (\"-\" is stdin), merges them into one graph and writes it\n"
     "(default: the native JSON document on stdout). Entities with the same id merge;\n"
     "the same statement from several sources becomes one statement citing them all.\n"
     "An input that fails leaves nothing written.\n",
     import_opts, 1, -1, "no INPUT given (see kgkit import --help)", NULL, cli_list_importers, cmd_import},
    {"analyze", "analyse", "NAME GRAPH", "NAME GRAPH", "run an analysis and print its report",
     "Runs the analysis NAME on GRAPH (any importable file, \"-\" for stdin) and prints\n"
     "its report. To keep the results the analysis writes back into the graph, use\n"
     "`kgkit run GRAPH -a NAME -e annotated.json`.\n",
     analyze_opts, 2, 2, "usage: kgkit analyze NAME GRAPH (see kgkit analyze --help)",
     "one GRAPH only (merge inputs with kgkit import or kgkit run)", cli_list_analyses, cmd_analyze},
    {"export", NULL, "FORMAT GRAPH", "FORMAT GRAPH -o OUT", "write a graph in another format",
     "Writes GRAPH in FORMAT, to FILE (through a temporary file renamed on success,\n"
     "so a failure never leaves half a file) or to stdout. `-o DIR/` with csv writes\n"
     "the three tables (entities.csv, predicates.csv, statements.csv) into DIR, together.\n",
     export_opts, 2, 2, "usage: kgkit export FORMAT GRAPH -o FILE (see kgkit export --help)", "one GRAPH only",
     cli_list_exporters, cmd_export},
    {"run", NULL, "INPUT...", "INPUT... [-a NAME]... [-e FILE]...", "import, analyse and export in one go",
     "The whole pipeline in one command: imports and merges the inputs, runs each\n"
     "analysis in order (each sees what the previous ones wrote back), then writes\n"
     "each export. Nothing is written when an input or an analysis fails.\n",
     run_opts, 1, -1, "no INPUT given (see kgkit run --help)", NULL, NULL, cmd_run},
    {"info", NULL, "GRAPH", "GRAPH", "what a graph holds: kinds, predicates, sources",
     "What GRAPH holds: entities by kind, predicates (declared or inferred, with their\n"
     "use), and the sources with the number of statements each supports. It runs the\n"
     "\"summary\" analysis.\n",
     info_opts, 1, 1, "usage: kgkit info GRAPH (see kgkit info --help)", "one GRAPH only", NULL, cmd_info},
    {"review", NULL, "GRAPH", "GRAPH --judgements FILE", "judge candidate duplicates one by one",
     "Runs the duplicates analysis on GRAPH and shows each open candidate pair (not yet\n"
     "judged in FILE): the two entities with their kinds, names, neighbours and the sources\n"
     "that name each, and the evidence. Type s (same), d (different), u (unsure), k (skip)\n"
     "or q (quit), then Enter; words after the letter are kept as the reason. Each judgement\n"
     "is appended to FILE at once. Merge by them with --judgements FILE on import or run.\n",
     review_opts, 1, 1, "usage: kgkit review GRAPH --judgements FILE (see kgkit review --help)", "one GRAPH only",
     NULL, cmd_review},
    {"plugins", NULL, "", "", "the loaded plugins and what they provide",
     "Lists the loaded plugins, the file each came from and what it provides, then\n"
     "any plugin that was skipped and why.\n",
     plugins_opts, 0, 0, "", NULL, NULL, cmd_plugins},
};
const size_t cli_command_count = sizeof cli_commands / sizeof *cli_commands;
