/* cli.h - the kgkit command's shared state, its command table's types, and the helpers its subcommands share. */
#ifndef KG_CLI_H
#define KG_CLI_H

#include <kgkit/kgkit.h>

/* Exit codes. */
#define EXIT_OK 0
#define EXIT_INPUT 1
#define EXIT_USAGE 2
#define EXIT_PIPE 141 /* stdout closed by its reader: what a shell shows for a death by SIGPIPE */

typedef struct cli {
    kg_host_t *host;
    int quiet;
    const char *judgements; /* --judgements FILE: cli_load merges by it */
    int argc;    /* the subcommand's arguments, after global options */
    char **argv;
} cli_t;

/* ------------------------------------------------------ the command table */

/* An option of a command. With `arg` it takes a value ("-o FILE", "-o=FILE" is not
 * accepted, "--output=FILE" is); without, it is a flag. */
typedef struct cli_opt {
    const char *short_name; /* "-o", or NULL */
    const char *long_name;  /* "--output" (every option has one) */
    const char *arg;        /* the value's name in the help ("FILE"), or NULL for a flag */
    const char *help;
    int repeat;             /* may be given more than once (each value is kept, in order) */
    int synopsis_long;      /* the synopsis spells it long even though it has a short name */
} cli_opt_t;

/* What the parser found: the positional arguments, and every option given, in order. */
typedef struct cli_given {
    const cli_opt_t *opt;
    const char *value;      /* NULL for a flag */
} cli_given_t;

typedef struct cli_args {
    const char **pos;
    int n_pos;
    cli_given_t *given;
    int n_given;
} cli_args_t;

/* One row per command: the parser, `kgkit --help`, `kgkit NAME --help` and the
 * dispatch all read it. */
typedef struct cli_command {
    const char *name;
    const char *alias;        /* another name (NULL) */
    const char *operands;     /* the positional part of the synopsis: "INPUT..." */
    const char *brief;        /* its line in `kgkit --help`: "INPUT... -o OUT" */
    const char *summary;      /* and what it does, in one line */
    const char *help;         /* the paragraphs of `kgkit NAME --help` */
    const cli_opt_t *opts;    /* ending with a row whose long_name is NULL */
    int min_pos, max_pos;     /* how many positional arguments (max -1: any number) */
    const char *too_few;      /* the message when fewer are given */
    const char *too_many;     /* ... when more (NULL: "unexpected argument X") */
    void (*more_help)(const kg_host_t *h); /* what follows the options in its help: formats, analyses */
    int (*fn)(cli_t *c, const cli_args_t *a);
} cli_command_t;

extern const cli_command_t cli_commands[];
extern const size_t cli_command_count;

/* args.c: parses c->argv against the command's table into *a (free with cli_args_free). Returns EXIT_OK;
 * or, having printed what to print, -1 for --help (the caller exits 0) or EXIT_USAGE. */
int cli_parse(const cli_command_t *cmd, const cli_t *c, cli_args_t *a);
void cli_args_free(cli_args_t *a);
/* The last value given for the option named long_name, or def. */
const char *cli_value(const cli_args_t *a, const char *long_name, const char *def);
/* Whether the flag named long_name was given. */
int cli_flag(const cli_args_t *a, const char *long_name);
/* Whether given item i is the option named long_name. */
int cli_is(const cli_given_t *g, const char *long_name);
/* `kgkit --help` and `kgkit NAME --help`. */
void cli_print_main_usage(FILE *out);
void cli_print_command_help(const cli_command_t *cmd, const kg_host_t *h);
const cli_command_t *cli_find_command(const char *name);

/* --------------------------------------------------------------- helpers */

/* progress.c: progress on stderr when it is a terminal */
void cli_progress(void *userdata, const char *what, uint64_t done, uint64_t total);
void cli_progress_done(void);
void cli_progress_label(const char *label);
/* Several tasks at once (kgkit run's exports side by side): one line naming each started one and its share
 * done. userdata of cli_progress_many is the task's index; cli_progress_many_mark says it started (0) or
 * ended (1). Thread-safe; cli_progress_done ends the line. */
void cli_progress_many_begin(const char *const *labels, int n);
void cli_progress_many(void *userdata, const char *what, uint64_t done, uint64_t total);
void cli_progress_many_mark(int task, int done);

/* main.c */
int cli_fail(const kg_error_t *err);               /* prints, returns the exit code */
int cli_usage(const char *fmt, ...) KG_PRINTF(1, 2); /* prints, returns EXIT_USAGE */
int cli_exit_code(int status);
void cli_warn(void *userdata, const kg_error_t *w);
/* Loads graphs (merged) from inputs; "-" is stdin. format may be NULL. */
int cli_load(cli_t *c, kg_graph_t **out, const char *const *inputs, int n, const char *format,
             const kg_opts_t *opts);
/* "--format text|json" into *out, or a usage error. */
int cli_parse_format(const char *s, kg_format_t *out);
/* "kgkit: wrote PATH (WHAT)" unless quiet or PATH is stdout. */
void cli_wrote(const cli_t *c, const char *path, const char *what);

/* commands.c: import, analyze, export, info, plugins; run.c: run */
int cmd_import(cli_t *c, const cli_args_t *a);
int cmd_analyze(cli_t *c, const cli_args_t *a);
int cmd_export(cli_t *c, const cli_args_t *a);
int cmd_plugins(cli_t *c, const cli_args_t *a);
int cmd_info(cli_t *c, const cli_args_t *a);
/* review.c */
int cmd_review(cli_t *c, const cli_args_t *a);
int cmd_run(cli_t *c, const cli_args_t *a);
/* The --help lists that follow a command's options. */
void cli_list_importers(const kg_host_t *h);
void cli_list_exporters(const kg_host_t *h);
void cli_list_analyses(const kg_host_t *h);

#endif
