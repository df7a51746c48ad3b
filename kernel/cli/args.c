/* args.c - the command table read three ways: parsing a command's arguments, its --help, and kgkit --help. */
#include "cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char main_head[] =
    "usage: kgkit [--plugin FILE]... [--no-default-plugins] [-q] COMMAND [ARGS]\n"
    "\n"
    "A knowledge graph toolkit: people, groups, events and the sources that report on them.\n"
    "\n"
    "commands:\n";

static const char main_tail[] =
    "\n"
    "global options:\n"
    "  --plugin FILE              load this plugin first (repeatable)\n"
    "  --no-default-plugins       load only --plugin files and $KGKIT_PLUGIN_PATH\n"
    "  -q, --quiet                no warnings on stderr\n"
    "  -h, --help                 this help; `kgkit COMMAND --help` for a command\n"
    "  --version                  the version\n"
    "\n"
    "Plugins are found in order: --plugin files, $KGKIT_PLUGIN_PATH (colon-separated),\n"
    "the build tree when kgkit runs from it, otherwise the installed plugin directory.\n"
    "Exit codes: 0 success, 1 bad input, 2 usage error.\n";

static int is_help(const char *a)
{
    return strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0;
}

const cli_command_t *cli_find_command(const char *name)
{
    for (size_t i = 0; i < cli_command_count; i++)
        if (!strcmp(cli_commands[i].name, name) || (cli_commands[i].alias && !strcmp(cli_commands[i].alias, name)))
            return &cli_commands[i];
    return NULL;
}

/* ---------------------------------------------------------------- help */

void cli_print_main_usage(FILE *out)
{
    fputs(main_head, out);
    for (size_t i = 0; i < cli_command_count; i++) {
        const cli_command_t *c = &cli_commands[i];
        char left[64];
        snprintf(left, sizeof left, "%s%s%s", c->name, *c->brief ? " " : "", c->brief);
        if (strlen(left) > 26)
            fprintf(out, "  %s\n  %-26s %s\n", left, "", c->summary);
        else
            fprintf(out, "  %-26s %s\n", left, c->summary);
    }
    fputs(main_tail, out);
}

/* "-o FILE", "--format text|json", "-q": how an option is written in the synopsis and the option list. */
static void spell(const cli_opt_t *o, int in_synopsis, char *buf, size_t size)
{
    const char *name = in_synopsis && o->short_name && !o->synopsis_long ? o->short_name : o->long_name;
    if (in_synopsis)
        snprintf(buf, size, "%s%s%s", name, o->arg ? " " : "", o->arg ? o->arg : "");
    else
        snprintf(buf, size, "%s%s%s%s%s", o->short_name ? o->short_name : "", o->short_name ? ", " : "",
                 o->long_name, o->arg ? " " : "", o->arg ? o->arg : "");
}

void cli_print_command_help(const cli_command_t *cmd, const kg_host_t *h)
{
    char buf[128];
    printf("usage: kgkit %s%s%s", cmd->name, *cmd->operands ? " " : "", cmd->operands);
    for (const cli_opt_t *o = cmd->opts; o->long_name; o++) {
        spell(o, 1, buf, sizeof buf);
        printf(" [%s]%s", buf, o->repeat ? "..." : "");
    }
    printf("\n\n%s", cmd->help);
    size_t width = 0;
    for (const cli_opt_t *o = cmd->opts; o->long_name; o++) {
        spell(o, 0, buf, sizeof buf);
        if (strlen(buf) > width)
            width = strlen(buf);
    }
    if (cmd->opts->long_name)
        fputc('\n', stdout);
    for (const cli_opt_t *o = cmd->opts; o->long_name; o++) {
        spell(o, 0, buf, sizeof buf);
        printf("  %-*s", (int)width, buf);
        /* the help wrapped at 80 columns, continued under its first word */
        size_t col = width + 2;
        for (const char *w = o->help; *w;) {
            size_t n = strcspn(w, " ");
            if (col + 1 + n > 80 && col > width + 4) {
                printf("\n  %-*s", (int)width, "");
                col = width + 2;
            }
            printf(col == width + 2 ? "  %.*s" : " %.*s", (int)n, w);
            col += (col == width + 2 ? 2 : 1) + n;
            w += n;
            while (*w == ' ')
                w++;
        }
        fputc('\n', stdout);
    }
    if (cmd->more_help)
        cmd->more_help(h);
}

/* --------------------------------------------------------------- parsing */

void cli_args_free(cli_args_t *a)
{
    free(a->pos);
    free(a->given);
    memset(a, 0, sizeof *a);
}

int cli_parse(const cli_command_t *cmd, const cli_t *c, cli_args_t *a)
{
    memset(a, 0, sizeof *a);
    a->pos = calloc((size_t)c->argc + 1, sizeof *a->pos);
    a->given = calloc((size_t)c->argc + 1, sizeof *a->given);
    if (!a->pos || !a->given) {
        cli_args_free(a);
        return cli_usage("out of memory");
    }
    for (int i = 0; i < c->argc; i++) {
        const char *arg = c->argv[i];
        if (is_help(arg)) {
            cli_print_command_help(cmd, c->host);
            cli_args_free(a);
            return -1;
        }
        if (arg[0] != '-' || !arg[1]) { /* "-" is stdin, an operand */
            a->pos[a->n_pos++] = arg;
            continue;
        }
        const cli_opt_t *found = NULL;
        const char *value = NULL;
        for (const cli_opt_t *o = cmd->opts; o->long_name && !found; o++) {
            size_t ll = strlen(o->long_name);
            if (o->arg && !strncmp(arg, o->long_name, ll) && arg[ll] == '=')
                found = o, value = arg + ll + 1;
            else if (!strcmp(arg, o->long_name) || (o->short_name && !strcmp(arg, o->short_name)))
                found = o;
        }
        if (!found) {
            cli_args_free(a);
            return cli_usage("%s: unknown option %s (see kgkit %s --help)", cmd->name, arg, cmd->name);
        }
        if (found->arg && !value) {
            if (i + 1 >= c->argc) {
                cli_args_free(a);
                return cli_usage("%s needs a value", arg);
            }
            value = c->argv[++i];
        }
        a->given[a->n_given++] = (cli_given_t){found, value};
    }
    if (a->n_pos < cmd->min_pos) {
        cli_args_free(a);
        return cli_usage("%s: %s", cmd->name, cmd->too_few);
    }
    if (cmd->max_pos >= 0 && a->n_pos > cmd->max_pos) {
        const char *extra = a->pos[cmd->max_pos];
        int rc = cmd->too_many ? cli_usage("%s: %s", cmd->name, cmd->too_many)
                               : cli_usage("%s: unexpected argument %s (see kgkit %s --help)", cmd->name, extra,
                                           cmd->name);
        cli_args_free(a);
        return rc;
    }
    return EXIT_OK;
}

int cli_is(const cli_given_t *g, const char *long_name)
{
    return !strcmp(g->opt->long_name, long_name);
}

const char *cli_value(const cli_args_t *a, const char *long_name, const char *def)
{
    const char *v = def;
    for (int i = 0; i < a->n_given; i++)
        if (cli_is(&a->given[i], long_name))
            v = a->given[i].value;
    return v;
}

int cli_flag(const cli_args_t *a, const char *long_name)
{
    for (int i = 0; i < a->n_given; i++)
        if (cli_is(&a->given[i], long_name))
            return 1;
    return 0;
}
