/* cli.h - shared state and helpers of the kgkit command's subcommands. */
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
    int argc;    /* the subcommand's arguments, after global options */
    char **argv;
} cli_t;

/* progress.c: progress on stderr when it is a terminal */
void cli_progress(void *userdata, const char *what, uint64_t done, uint64_t total);
void cli_progress_done(void);
void cli_progress_label(const char *label);

/* main.c */
int cli_fail(const kg_error_t *err);               /* prints, returns the exit code */
int cli_usage(const char *fmt, ...) KG_PRINTF(1, 2); /* prints, returns EXIT_USAGE */
int cli_exit_code(int status);
void cli_warn(void *userdata, const kg_error_t *w);
/* Loads graphs (merged) from inputs; "-" is stdin. format may be NULL. */
int cli_load(cli_t *c, kg_graph_t **out, char **inputs, int n, const char *format, const kg_opts_t *opts);

/* commands.c */
int cmd_import(cli_t *c);
int cmd_analyze(cli_t *c);
int cmd_export(cli_t *c);
int cmd_plugins(cli_t *c);
int cmd_info(cli_t *c);
int cmd_run(cli_t *c);

#endif
