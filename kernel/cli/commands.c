/* commands.c - the subcommands: import, analyze, export, run, info, plugins. */
#include "cli.h"

#include <errno.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------ option parsing */

/* If argv[*i] is the option (short or long form, "--long=VALUE" too), stores
 * its value and returns 1; a missing value is a usage error (returns -1). */
static int opt_value(cli_t *c, int *i, const char *s, const char *l, const char **out)
{
    const char *a = c->argv[*i];
    size_t ll = l ? strlen(l) : 0;
    if (l && strncmp(a, l, ll) == 0 && a[ll] == '=') {
        *out = a + ll + 1;
        return 1;
    }
    if (!((s && strcmp(a, s) == 0) || (l && strcmp(a, l) == 0)))
        return 0;
    if (*i + 1 >= c->argc) {
        cli_usage("%s needs a value", a);
        return -1;
    }
    *out = c->argv[++*i];
    return 1;
}

static int is_help(const char *a)
{
    return strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0;
}

static int parse_format(const char *s, kg_format_t *out)
{
    if (strcmp(s, "text") == 0)
        *out = KG_FORMAT_TEXT;
    else if (strcmp(s, "json") == 0)
        *out = KG_FORMAT_JSON;
    else
        return cli_usage("--format must be text or json, not \"%s\"", s);
    return EXIT_OK;
}

static int ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && strcmp(s + n - m, suffix) == 0;
}

static void print_params(const kg_param_t *p)
{
    for (; p && p->name; p++)
        printf("      -p %s=%s%*s%s%s%s%s\n", p->name, p->type, (int)(18 - strlen(p->name) - strlen(p->type)) > 0
                                                                     ? (int)(18 - strlen(p->name) - strlen(p->type))
                                                                     : 1,
               "", p->help ? p->help : "", p->default_value ? " (default " : "",
               p->default_value ? p->default_value : "", p->default_value ? ")" : "");
}

static void list_formats(const kg_host_t *h, int exporters)
{
    size_t n = exporters ? kg_host_exporter_count(h) : kg_host_importer_count(h);
    for (size_t i = 0; i < n; i++) {
        if (exporters) {
            const kg_exporter_t *e = kg_host_exporter(h, i, NULL);
            printf("  %-12s %-8s %s\n", e->name, e->extension ? e->extension : "", e->description);
            print_params(e->params);
        } else {
            const kg_importer_t *m = kg_host_importer(h, i, NULL);
            char ext[64] = "";
            size_t len = 0;
            for (const char *const *x = m->extensions; x && *x && len < sizeof ext; x++)
                len += (size_t)snprintf(ext + len, sizeof ext - len, "%s%s", len ? " " : "", *x);
            printf("  %-12s %-16s %s\n", m->name, ext, m->description);
            print_params(m->params);
        }
    }
    if (exporters) {
        printf("\nevery exporter also takes a selection (only that part of the graph is written):\n");
        print_params(kg_select_params());
    }
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

/* Runs an analysis, its report written atomically to path ("-": stdout). */
static int analyze_to(cli_t *c, kg_graph_t *g, const char *name, const kg_opts_t *opts, kg_format_t format,
                      const char *path, kg_error_t *err)
{
    write_report_t w = {c, g, name, opts, format};
    return kg_write_atomic(path, report_to, &w, err);
}

static void wrote(cli_t *c, const char *path, const char *what)
{
    if (!c->quiet && strcmp(path, "-") != 0)
        fprintf(stderr, "kgkit: wrote %s (%s)\n", path, what);
}

/* --------------------------------------------------------------- import */

static const char import_help[] =
    "usage: kgkit import INPUT... [-o OUT] [--from FORMAT] [--to FORMAT] [-p KEY=VALUE]...\n"
    "\n"
    "Reads one or more inputs (\"-\" is stdin), merges them into one graph and writes it\n"
    "(default: the native JSON document on stdout). Entities with the same id merge;\n"
    "the same statement from several sources becomes one statement citing them all.\n"
    "An input that fails leaves nothing written.\n"
    "\n"
    "  -o, --output FILE   where to write (format from its extension; default stdout)\n"
    "  --from FORMAT       the inputs' format (default: by extension, then by content)\n"
    "  --to FORMAT         the output format (default: by extension of OUT, else json)\n"
    "  -p KEY=VALUE        a parameter for the importer\n"
    "\n"
    "input formats:\n";

int cmd_import(cli_t *c)
{
    const char *out = "-", *from = NULL, *to = NULL, *v;
    char **inputs = calloc((size_t)c->argc + 1, sizeof *inputs);
    kg_opts_t *opts = NULL;
    kg_graph_t *g = NULL;
    int n_in = 0, rc = EXIT_OK, r;
    if (!inputs || kg_opts_new(&opts) != KG_OK) {
        free(inputs);
        return EXIT_INPUT;
    }
    kg_opts_set_progress(opts, cli_progress, NULL);
    for (int i = 0; i < c->argc; i++) {
        const char *a = c->argv[i];
        if (is_help(a)) {
            fputs(import_help, stdout);
            list_formats(c->host, 0);
            goto done;
        }
        if ((r = opt_value(c, &i, "-o", "--output", &out)) || (r = opt_value(c, &i, NULL, "--from", &from)) ||
            (r = opt_value(c, &i, NULL, "--to", &to))) {
            if (r < 0)
                return free(inputs), kg_opts_free(opts), EXIT_USAGE;
        } else if ((r = opt_value(c, &i, "-p", "--param", &v))) {
            kg_error_t err;
            if (r < 0 || kg_opts_set_pair(opts, v, &err) != KG_OK) {
                rc = r < 0 ? EXIT_USAGE : cli_fail(&err);
                goto done;
            }
        } else if (a[0] == '-' && a[1]) {
            rc = cli_usage("import: unknown option %s (see kgkit import --help)", a);
            goto done;
        } else {
            inputs[n_in++] = c->argv[i];
        }
    }
    if (!n_in) {
        rc = cli_usage("import: no INPUT given (see kgkit import --help)");
        goto done;
    }
    if (!to && strcmp(out, "-") == 0)
        to = "json";
    if (to && !kg_host_find_exporter(c->host, to)) {
        rc = cli_usage("import: no exporter for format \"%s\"", to);
        goto done;
    }
    if (!to && !kg_host_exporter_for(c->host, out)) {
        rc = cli_usage("import: cannot tell the output format of %s; give --to FORMAT", out);
        goto done;
    }
    if (from && !kg_host_find_importer(c->host, from)) {
        rc = cli_usage("import: no importer for format \"%s\"", from);
        goto done;
    }
    if ((rc = cli_load(c, &g, inputs, n_in, from, opts)) != EXIT_OK)
        goto done;
    kg_error_t err;
    if (kg_host_export_file(c->host, g, to, out, NULL, &err) != KG_OK)
        rc = cli_fail(&err);
    else
        wrote(c, out, to ? to : "by extension");
done:
    kg_graph_free(g);
    kg_opts_free(opts);
    free(inputs);
    return rc;
}

/* -------------------------------------------------------------- analyze */

static const char analyze_help[] =
    "usage: kgkit analyze NAME GRAPH [--format text|json] [-o FILE] [-p KEY=VALUE]...\n"
    "\n"
    "Runs the analysis NAME on GRAPH (any importable file, \"-\" for stdin) and prints\n"
    "its report. To keep the results the analysis writes back into the graph, use\n"
    "`kgkit run GRAPH -a NAME -e annotated.json`.\n"
    "\n"
    "  --format text|json  the report's form (default text)\n"
    "  -o, --output FILE   write the report there (atomically) instead of stdout\n"
    "  --from FORMAT       GRAPH's format, when its name does not tell\n"
    "  -p KEY=VALUE        a parameter of the analysis\n"
    "\n"
    "analyses:\n";

static void list_analyses(const kg_host_t *h)
{
    for (size_t i = 0; i < kg_host_analysis_count(h); i++) {
        const kg_analysis_t *a = kg_host_analysis(h, i, NULL);
        printf("  %-14s %s\n", a->name, a->description);
        if (kg_analysis_writes(a))
            printf("  %-14s writes back the attribute%s %s\n", "", strchr(kg_analysis_writes(a), ',') ? "s" : "",
                   kg_analysis_writes(a));
        print_params(a->params);
    }
}

int cmd_analyze(cli_t *c)
{
    const char *out = "-", *from = NULL, *fmt = "text", *v, *pos[2] = {NULL, NULL};
    kg_opts_t *opts = NULL;
    kg_graph_t *g = NULL;
    kg_format_t format = KG_FORMAT_TEXT;
    int n_pos = 0, rc = EXIT_OK, r;
    if (kg_opts_new(&opts) != KG_OK)
        return EXIT_INPUT;
    kg_opts_set_progress(opts, cli_progress, NULL);
    for (int i = 0; i < c->argc; i++) {
        const char *a = c->argv[i];
        if (is_help(a)) {
            fputs(analyze_help, stdout);
            list_analyses(c->host);
            goto done;
        }
        if ((r = opt_value(c, &i, "-o", "--output", &out)) || (r = opt_value(c, &i, NULL, "--from", &from)) ||
            (r = opt_value(c, &i, "-f", "--format", &fmt))) {
            if (r < 0) {
                rc = EXIT_USAGE;
                goto done;
            }
        } else if ((r = opt_value(c, &i, "-p", "--param", &v))) {
            kg_error_t err;
            if (r < 0 || kg_opts_set_pair(opts, v, &err) != KG_OK) {
                rc = r < 0 ? EXIT_USAGE : cli_fail(&err);
                goto done;
            }
        } else if (a[0] == '-' && a[1]) {
            rc = cli_usage("analyze: unknown option %s (see kgkit analyze --help)", a);
            goto done;
        } else if (n_pos < 2) {
            pos[n_pos++] = a;
        } else {
            rc = cli_usage("analyze: one GRAPH only (merge inputs with kgkit import or kgkit run)");
            goto done;
        }
    }
    if (n_pos < 2) {
        rc = cli_usage("analyze: usage: kgkit analyze NAME GRAPH (see kgkit analyze --help)");
        goto done;
    }
    if ((rc = parse_format(fmt, &format)))
        goto done;
    if (!kg_host_find_analysis(c->host, pos[0])) {
        rc = cli_usage("analyze: no analysis named \"%s\" (see kgkit analyze --help)", pos[0]);
        goto done;
    }
    if ((rc = cli_load(c, &g, (char **)&pos[1], 1, from, NULL)) != EXIT_OK)
        goto done;
    kg_error_t err;
    if (analyze_to(c, g, pos[0], opts, format, out, &err) != KG_OK)
        rc = cli_fail(&err);
    else
        wrote(c, out, pos[0]);
done:
    kg_graph_free(g);
    kg_opts_free(opts);
    return rc;
}

/* --------------------------------------------------------------- export */

static const char export_help[] =
    "usage: kgkit export FORMAT GRAPH [-o FILE] [-p KEY=VALUE]...\n"
    "\n"
    "Writes GRAPH in FORMAT, to FILE (through a temporary file renamed on success,\n"
    "so a failure never leaves half a file) or to stdout.\n"
    "\n"
    "  -o, --output FILE   where to write (default stdout)\n"
    "  --from FORMAT       GRAPH's format, when its name does not tell\n"
    "  -p KEY=VALUE        a parameter of the exporter\n"
    "\n"
    "output formats:\n";

int cmd_export(cli_t *c)
{
    const char *out = "-", *from = NULL, *v, *pos[2] = {NULL, NULL};
    kg_opts_t *opts = NULL;
    kg_graph_t *g = NULL;
    int n_pos = 0, rc = EXIT_OK, r;
    if (kg_opts_new(&opts) != KG_OK)
        return EXIT_INPUT;
    kg_opts_set_progress(opts, cli_progress, NULL);
    for (int i = 0; i < c->argc; i++) {
        const char *a = c->argv[i];
        if (is_help(a)) {
            fputs(export_help, stdout);
            list_formats(c->host, 1);
            goto done;
        }
        if ((r = opt_value(c, &i, "-o", "--output", &out)) || (r = opt_value(c, &i, NULL, "--from", &from))) {
            if (r < 0) {
                rc = EXIT_USAGE;
                goto done;
            }
        } else if ((r = opt_value(c, &i, "-p", "--param", &v))) {
            kg_error_t err;
            if (r < 0 || kg_opts_set_pair(opts, v, &err) != KG_OK) {
                rc = r < 0 ? EXIT_USAGE : cli_fail(&err);
                goto done;
            }
        } else if (a[0] == '-' && a[1]) {
            rc = cli_usage("export: unknown option %s (see kgkit export --help)", a);
            goto done;
        } else if (n_pos < 2) {
            pos[n_pos++] = a;
        } else {
            rc = cli_usage("export: one GRAPH only");
            goto done;
        }
    }
    if (n_pos < 2) {
        rc = cli_usage("export: usage: kgkit export FORMAT GRAPH -o FILE (see kgkit export --help)");
        goto done;
    }
    if (!kg_host_find_exporter(c->host, pos[0])) {
        rc = cli_usage("export: no exporter for format \"%s\" (see kgkit export --help)", pos[0]);
        goto done;
    }
    if ((rc = cli_load(c, &g, (char **)&pos[1], 1, from, NULL)) != EXIT_OK)
        goto done;
    kg_error_t err;
    cli_progress_label(out);
    int st = kg_host_export_file(c->host, g, pos[0], out, opts, &err);
    cli_progress_done();
    if (st != KG_OK)
        rc = cli_fail(&err);
    else
        wrote(c, out, pos[0]);
done:
    kg_graph_free(g);
    kg_opts_free(opts);
    return rc;
}

/* ------------------------------------------------------------------ run */

static const char run_help[] =
    "usage: kgkit run INPUT... [-a NAME[=FILE]]... [-e [FORMAT=]FILE]... [options]\n"
    "\n"
    "The whole pipeline in one command: imports and merges the inputs, runs each\n"
    "analysis in order (each sees what the previous ones wrote back), then writes\n"
    "each export. Nothing is written when an input or an analysis fails.\n"
    "\n"
    "  -a, --analyze NAME        run an analysis; its report goes to stdout\n"
    "  -a NAME=FILE              ... its report goes to FILE (JSON if FILE ends in .json)\n"
    "  -e, --export FILE         write the graph, format from FILE's extension\n"
    "  -e FORMAT=FILE            ... in FORMAT\n"
    "  --format text|json        the form of reports on stdout (default text)\n"
    "  --from FORMAT             the inputs' format\n"
    "  -p NAME.KEY=VALUE         a parameter for the analysis, exporter or importer NAME\n";

typedef struct step {
    const char *name; /* analysis name or export format (NULL: by extension) */
    const char *file;
    kg_opts_t *opts;
} step_t;

/* Splits "A=B" into A and B (A may be empty: returns only B). */
static void split_eq(const char *s, char *left, size_t size, const char **right)
{
    const char *eq = strchr(s, '=');
    left[0] = '\0';
    *right = s;
    if (eq && (size_t)(eq - s) < size) {
        memcpy(left, s, (size_t)(eq - s));
        left[eq - s] = '\0';
        *right = eq + 1;
    }
}

int cmd_run(cli_t *c)
{
    const char *from = NULL, *fmt = "text", *v;
    int n = c->argc;
    char **inputs = calloc((size_t)n + 1, sizeof *inputs);
    step_t *an = calloc((size_t)n + 1, sizeof *an), *ex = calloc((size_t)n + 1, sizeof *ex);
    char (*names)[128] = calloc((size_t)n + 1, sizeof *names);
    const char **params = calloc((size_t)n + 1, sizeof *params);
    kg_opts_t *import_opts = NULL;
    kg_graph_t *g = NULL;
    kg_staged_t **staged = NULL;
    int n_in = 0, n_an = 0, n_ex = 0, n_par = 0, n_staged = 0, rc = EXIT_OK, r;
    kg_format_t format = KG_FORMAT_TEXT;
    kg_error_t err;
    if (!inputs || !an || !ex || !names || !params || kg_opts_new(&import_opts) != KG_OK) {
        rc = EXIT_INPUT;
        goto done;
    }
    kg_opts_set_progress(import_opts, cli_progress, NULL);
    for (int i = 0; i < c->argc; i++) {
        const char *a = c->argv[i];
        if (is_help(a)) {
            fputs(run_help, stdout);
            goto done;
        }
        if ((r = opt_value(c, &i, "-a", "--analyze", &v))) {
            if (r < 0) {
                rc = EXIT_USAGE;
                goto done;
            }
            const char *file;
            split_eq(v, names[i], sizeof names[i], &file);
            an[n_an].name = names[i][0] ? names[i] : v;
            an[n_an++].file = names[i][0] ? file : NULL;
        } else if ((r = opt_value(c, &i, "-e", "--export", &v))) {
            if (r < 0) {
                rc = EXIT_USAGE;
                goto done;
            }
            split_eq(v, names[i], sizeof names[i], &ex[n_ex].file);
            ex[n_ex++].name = names[i][0] ? names[i] : NULL;
        } else if ((r = opt_value(c, &i, NULL, "--from", &from)) || (r = opt_value(c, &i, "-f", "--format", &fmt))) {
            if (r < 0) {
                rc = EXIT_USAGE;
                goto done;
            }
        } else if ((r = opt_value(c, &i, "-p", "--param", &v))) {
            if (r < 0) {
                rc = EXIT_USAGE;
                goto done;
            }
            params[n_par++] = v;
        } else if (a[0] == '-' && a[1]) {
            rc = cli_usage("run: unknown option %s (see kgkit run --help)", a);
            goto done;
        } else {
            inputs[n_in++] = c->argv[i];
        }
    }
    if (!n_in) {
        rc = cli_usage("run: no INPUT given (see kgkit run --help)");
        goto done;
    }
    if ((rc = parse_format(fmt, &format)))
        goto done;
    /* check every name before doing any work */
    for (int i = 0; i < n_an; i++) {
        if (!kg_host_find_analysis(c->host, an[i].name)) {
            rc = cli_usage("run: no analysis named \"%s\" (see kgkit plugins)", an[i].name);
            goto done;
        }
    }
    for (int i = 0; i < n_ex; i++) {
        const kg_exporter_t *e = ex[i].name ? kg_host_find_exporter(c->host, ex[i].name)
                                            : kg_host_exporter_for(c->host, ex[i].file);
        if (!e) {
            rc = ex[i].name ? cli_usage("run: no exporter for format \"%s\"", ex[i].name)
                            : cli_usage("run: cannot tell the format of %s; write -e FORMAT=%s", ex[i].file,
                                        ex[i].file);
            goto done;
        }
        ex[i].name = e->name;
    }
    /* route NAME.KEY=VALUE parameters */
    for (int i = 0; i < n_par; i++) {
        const char *dot = strchr(params[i], '.'), *eq = strchr(params[i], '=');
        if (!dot || !eq || dot > eq) {
            rc = cli_usage("run: parameter \"%s\" is not of the form NAME.KEY=VALUE", params[i]);
            goto done;
        }
        char target[128];
        snprintf(target, sizeof target, "%.*s", (int)(dot - params[i]), params[i]);
        int used = 0;
        step_t *lists[2] = {an, ex};
        int counts[2] = {n_an, n_ex};
        for (int l = 0; l < 2; l++) {
            for (int k = 0; k < counts[l]; k++) {
                step_t *s = &lists[l][k];
                if (strcmp(s->name, target) != 0)
                    continue;
                if (!s->opts && kg_opts_new(&s->opts) != KG_OK) {
                    rc = EXIT_INPUT;
                    goto done;
                }
                kg_opts_set_pair(s->opts, dot + 1, NULL);
                used = 1;
            }
        }
        /* the importer's, when no analysis or export of this run has the name
         * (dot names both an importer and an exporter), or when --from names it */
        if ((from && strcmp(target, from) == 0) || (!used && kg_host_find_importer(c->host, target))) {
            kg_opts_set_pair(import_opts, dot + 1, NULL);
            used = 1;
        }
        if (!used) {
            rc = cli_usage("run: parameter \"%s\" names no analysis, exporter or importer of this run", params[i]);
            goto done;
        }
    }
    if ((rc = cli_load(c, &g, inputs, n_in, from, import_opts)) != EXIT_OK)
        goto done;
    /* every report file and export is staged, and all appear together once every step has succeeded: a
     * failing analysis or export leaves the files of the earlier ones as they were */
    staged = calloc((size_t)(n_an + n_ex) + 1, sizeof *staged);
    if (!staged) {
        kg_error_say(&err, KG_ENOMEM, "out of memory");
        rc = cli_fail(&err);
        goto done;
    }
    for (int i = 0; i < n_an; i++) {
        kg_format_t f = an[i].file ? (ends_with(an[i].file, ".json") ? KG_FORMAT_JSON : KG_FORMAT_TEXT) : format;
        FILE *out = stdout;
        int st = an[i].file ? kg_stage_open(an[i].file, &staged[n_staged], &out, &err) : KG_OK;
        if (st == KG_OK && an[i].file)
            n_staged++;
        if (st == KG_OK)
            st = kg_host_analyze(c->host, g, an[i].name, an[i].opts, f, out, &err);
        if (!an[i].file && (fflush(stdout) != 0 || ferror(stdout))) {
            /* the reader of stdout went away (kgkit run ... | head): the files named with -e are still
             * written; any other failure to write the report is one */
            if (errno != EPIPE && st == KG_OK)
                st = kg_error_set(&err, KG_EIO, "<stdout>", 0, 0, "cannot write: %s", strerror(errno));
            else if (errno == EPIPE && (st == KG_OK || err.code == KG_EIO))
                st = KG_OK, clearerr(stdout);
        }
        if (st != KG_OK) {
            rc = cli_fail(&err);
            goto done;
        }
    }
    for (int i = 0; i < n_ex; i++) {
        cli_progress_label(ex[i].file);
        int st = kg_host_export_staged(c->host, g, ex[i].name, ex[i].file, ex[i].opts, &staged[n_staged], &err);
        cli_progress_done();
        if (st != KG_OK) {
            rc = cli_fail(&err);
            goto done;
        }
        n_staged++;
    }
    for (int i = 0; i < n_staged; i++) {
        kg_staged_t *s = staged[i];
        staged[i] = NULL;
        if (kg_stage_commit(s, &err) != KG_OK) {
            rc = cli_fail(&err);
            goto done;
        }
    }
    for (int i = 0; i < n_an; i++)
        if (an[i].file)
            wrote(c, an[i].file, an[i].name);
    for (int i = 0; i < n_ex; i++)
        wrote(c, ex[i].file, ex[i].name);
done:
    for (int i = 0; staged && i < n_staged; i++)
        kg_stage_abort(staged[i]);
    free(staged);
    for (int i = 0; an && i < n_an; i++)
        kg_opts_free(an[i].opts);
    for (int i = 0; ex && i < n_ex; i++)
        kg_opts_free(ex[i].opts);
    kg_graph_free(g);
    kg_opts_free(import_opts);
    free(inputs);
    free(an);
    free(ex);
    free(names);
    free(params);
    return rc;
}

/* ----------------------------------------------------------------- info */

static const char info_help[] =
    "usage: kgkit info GRAPH [--format text|json] [--from FORMAT]\n"
    "\n"
    "What GRAPH holds: entities by kind, predicates (declared or inferred, with their\n"
    "use), and the sources with the number of statements each supports. It runs the\n"
    "\"summary\" analysis.\n";

int cmd_info(cli_t *c)
{
    const char *fmt = "text", *from = NULL, *graph = NULL;
    kg_format_t format = KG_FORMAT_TEXT;
    int r, rc;
    for (int i = 0; i < c->argc; i++) {
        if (is_help(c->argv[i])) {
            fputs(info_help, stdout);
            return EXIT_OK;
        }
        if ((r = opt_value(c, &i, "-f", "--format", &fmt)) || (r = opt_value(c, &i, NULL, "--from", &from))) {
            if (r < 0)
                return EXIT_USAGE;
        } else if (c->argv[i][0] == '-' && c->argv[i][1]) {
            return cli_usage("info: unknown option %s (see kgkit info --help)", c->argv[i]);
        } else if (graph) {
            return cli_usage("info: one GRAPH only");
        } else {
            graph = c->argv[i];
        }
    }
    if (!graph)
        return cli_usage("info: usage: kgkit info GRAPH (see kgkit info --help)");
    if ((rc = parse_format(fmt, &format)))
        return rc;
    if (!kg_host_find_analysis(c->host, "summary"))
        return cli_usage("info: the \"summary\" plugin is not loaded (see kgkit plugins)");
    kg_graph_t *g;
    if ((rc = cli_load(c, &g, (char **)&graph, 1, from, NULL)) != EXIT_OK)
        return rc;
    kg_error_t err;
    rc = kg_host_analyze(c->host, g, "summary", NULL, format, stdout, &err) == KG_OK ? EXIT_OK : cli_fail(&err);
    kg_graph_free(g);
    return rc;
}

/* -------------------------------------------------------------- plugins */

static const char plugins_help[] =
    "usage: kgkit plugins [--json]\n"
    "\n"
    "Lists the loaded plugins, the file each came from and what it provides, then\n"
    "any plugin that was skipped and why.\n";

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

int cmd_plugins(cli_t *c)
{
    int as_json = 0;
    for (int i = 0; i < c->argc; i++) {
        if (is_help(c->argv[i])) {
            fputs(plugins_help, stdout);
            return EXIT_OK;
        } else if (strcmp(c->argv[i], "--json") == 0) {
            as_json = 1;
        } else {
            return cli_usage("plugins: unexpected argument %s (see kgkit plugins --help)", c->argv[i]);
        }
    }
    json_t *root = plugins_json(c->host);
    if (as_json) {
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
