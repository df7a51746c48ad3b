/* kgkit/host.h - the plugin host: loading and discovering plugins, and running their capabilities. */
#ifndef KGKIT_HOST_H
#define KGKIT_HOST_H

#include <stdio.h>
#include "plugin.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct kg_host kg_host_t;

/* Creates a host with no plugins. Returns KG_OK or KG_ENOMEM. */
KG_API int kg_host_new(kg_host_t **out);
/* Calls each plugin's fini, unloads them, frees the host. NULL-safe. */
KG_API void kg_host_free(kg_host_t *h);

/* Problems met while loading (a plugin skipped, with file and reason) go to
 * this handler; by default they are kept and can be listed afterwards. */
typedef void (*kg_host_report_fn)(void *userdata, const kg_error_t *problem);
KG_API void kg_host_set_report_handler(kg_host_t *h, kg_host_report_fn fn, void *userdata);
KG_API size_t kg_host_problem_count(const kg_host_t *h);
KG_API const kg_error_t *kg_host_problem(const kg_host_t *h, size_t i);

/* Loads one plugin file. On failure (not loadable, no entry symbol, ABI
 * mismatch, duplicate name, failing init) returns KG_EPLUGIN with err naming
 * the file and the reason, reports the same problem, and the host is as it
 * was. */
KG_API int kg_host_load(kg_host_t *h, const char *path, kg_error_t *err);
/* Loads every *.so in a directory, in name order; failures are reported and
 * skipped. Returns the number loaded; a missing directory loads none. */
KG_API size_t kg_host_load_dir(kg_host_t *h, const char *dir);

/* Loads each entry of a colon-separated list: a directory loads its *.so
 * files, anything else is loaded as a plugin file. Returns the number loaded. */
KG_API size_t kg_host_load_path(kg_host_t *h, const char *list);

/* Discovery in the documented order: $KGKIT_PLUGIN_PATH (colon-separated
 * directories or files), then the bundled plugin directory (see
 * kg_host_install_dir). Explicit files should be loaded with kg_host_load
 * before this. A plugin name seen twice is loaded once, the later file is
 * reported. Returns the number loaded. */
KG_API size_t kg_host_discover(kg_host_t *h);
/* The bundled plugin directory: lib/kgkit/plugins beside the running
 * libkgkit.so — the build tree's when run from the build tree, the installed
 * one otherwise (relocatable) — or, failing that, the configured path. */
KG_API const char *kg_host_install_dir(void);

/* Loaded plugins, in load order. */
KG_API size_t kg_host_plugin_count(const kg_host_t *h);
KG_API const kg_plugin_desc_t *kg_host_plugin(const kg_host_t *h, size_t i, const char **path);

/* Capabilities, in registration order; the index of the plugin that
 * provides each goes to *plugin (may be NULL). */
KG_API size_t kg_host_importer_count(const kg_host_t *h);
KG_API const kg_importer_t *kg_host_importer(const kg_host_t *h, size_t i, size_t *plugin);
KG_API size_t kg_host_exporter_count(const kg_host_t *h);
KG_API const kg_exporter_t *kg_host_exporter(const kg_host_t *h, size_t i, size_t *plugin);
KG_API size_t kg_host_analysis_count(const kg_host_t *h);
KG_API const kg_analysis_t *kg_host_analysis(const kg_host_t *h, size_t i, size_t *plugin);

/* Lookup by name (case-insensitive); NULL when unknown. */
KG_API const kg_importer_t *kg_host_find_importer(const kg_host_t *h, const char *name);
KG_API const kg_exporter_t *kg_host_find_exporter(const kg_host_t *h, const char *name);
KG_API const kg_analysis_t *kg_host_find_analysis(const kg_host_t *h, const char *name);

/* A sniffer's score from which it is sure of a format (see kg_importer_t.sniff). */
#define KG_SNIFF_SURE 50
/* Chooses the importer for an input: by its file extension (the longest
 * that matches), else by content sniffing of `head`. The content wins over
 * the extension when another importer is sure of it (KG_SNIFF_SURE) and the
 * extension's own sees nothing of its format (node-link JSON in a ".json"
 * file). NULL
 * when none fits. */
KG_API const kg_importer_t *kg_host_importer_for(const kg_host_t *h, const char *path,
                                                 const char *head, size_t len);
/* When the input was given to `chosen` (--from) but its sniffer sees nothing of its format in head and another
 * importer is sure of it: that other one, for a message ("this looks like GEXF"). Else NULL. */
KG_API const kg_importer_t *kg_host_importer_looks_like(const kg_host_t *h, const kg_importer_t *chosen,
                                                        const char *head, size_t len);
/* Chooses the exporter for an output file by extension or alias. */
KG_API const kg_exporter_t *kg_host_exporter_for(const kg_host_t *h, const char *path);

/* ------------------------------------------------------- options objects */

/* Creates an empty parameter set. Returns KG_OK or KG_ENOMEM. */
KG_API int kg_opts_new(kg_opts_t **out);
KG_API void kg_opts_free(kg_opts_t *o);
/* Sets key to value (both copied); a later set replaces. */
KG_API int kg_opts_set(kg_opts_t *o, const char *key, const char *value);
/* Parses "key=value". KG_EUSAGE when there is no '='. */
KG_API int kg_opts_set_pair(kg_opts_t *o, const char *pair, kg_error_t *err);
KG_API size_t kg_opts_count(const kg_opts_t *o);
KG_API const char *kg_opts_key(const kg_opts_t *o, size_t i);
/* Progress callback used by kg_progress. NULL disables progress. */
typedef void (*kg_progress_fn)(void *userdata, const char *what, uint64_t done, uint64_t total);
KG_API void kg_opts_set_progress(kg_opts_t *o, kg_progress_fn fn, void *userdata);
/* Checks that every key is one of params (NULL-name-terminated): an unknown
 * key is KG_EUSAGE naming it and listing the known ones. */
KG_API int kg_opts_check(const kg_opts_t *o, const kg_param_t *params, const char *owner,
                         kg_error_t *err);

/* ------------------------------------------------------------- running */

/* Imports a file (path, or "-" for stdin) into g, all or nothing. format may
 * be NULL to choose by extension or content. opts may be NULL. */
KG_API int kg_host_import_file(const kg_host_t *h, kg_graph_t *g, const char *path, const char *format,
                               const kg_opts_t *opts, kg_error_t *err);
/* Exports g to path ("-" for stdout) through a temporary file in the same
 * directory renamed over path on success: a failure leaves any previous file
 * untouched. format may be NULL to choose by extension. Besides the
 * exporter's parameters, opts may hold a selection (select.h): then the
 * exporter sees only the selected part of g. */
KG_API int kg_host_export_file(const kg_host_t *h, const kg_graph_t *g, const char *format,
                               const char *path, const kg_opts_t *opts, kg_error_t *err);
/* Runs an analysis by name; the report goes to out. */
KG_API int kg_host_analyze(const kg_host_t *h, kg_graph_t *g, const char *name, const kg_opts_t *opts,
                           kg_format_t format, FILE *out, kg_error_t *err);

/* Writes to path atomically: calls write(f, userdata, err) with a temporary
 * file in path's directory, then fsyncs and renames it over path (keeping an
 * old file's permissions); on failure removes the temporary file. A symbolic
 * link stays a link (its target is replaced). "-" writes to stdout, and an
 * existing device or FIFO (/dev/null, a named pipe) is written directly. */
typedef int (*kg_write_fn)(FILE *f, void *userdata, kg_error_t *err);
KG_API int kg_write_atomic(const char *path, kg_write_fn write, void *userdata, kg_error_t *err);

/* The same in steps, for several outputs that appear together or not at all (kgkit run): kg_stage_open gives
 * a file to write (*f) for path, kg_stage_commit flushes, syncs and renames it into place, kg_stage_abort
 * removes it and leaves path as it was. Each frees the stage. Paths are treated as by kg_write_atomic: links
 * followed (a dangling link's target is created), devices, FIFOs and "-" written directly. The replacement
 * keeps an old file's permission bits, but never its set-user-id, set-group-id or sticky bit. */
typedef struct kg_staged kg_staged_t;
KG_API int kg_stage_open(const char *path, kg_staged_t **staged, FILE **f, kg_error_t *err);
KG_API int kg_stage_commit(kg_staged_t *staged, kg_error_t *err);
KG_API void kg_stage_abort(kg_staged_t *staged);
/* Writes the stage's data to disk now (flush and sync), so that its commit is only a rename: a stage written
 * in a thread of its own is synced there, beside the others. On failure the stage is aborted (freed). */
KG_API int kg_stage_flush(kg_staged_t *staged, kg_error_t *err);

/* For tests only: makes the n-th allocation from now in libkgkit and in jansson fail (n >= 1), and every one
 * after it too when keep_failing; n <= 0 turns it off. Returns whether an injected failure happened since
 * the previous call, so that a test walks n = 1, 2, ... until a run completes without one. Not thread-safe. */
KG_API int kg_test_alloc_fail(long n, int keep_failing);

/* For a crash handler (async-signal-safe): removes the temporary file of every open stage. */
KG_API void kg_stage_unlink_all(void);
/* For a crash handler (async-signal-safe): the name of the plugin whose importer, exporter or analysis runs
 * now (NULL when none), and in *what (when not NULL) which one: "the analysis \"agreement\"". */
KG_API const char *kg_host_running(const char **what);

/* kg_host_export_file up to the rename: the export is written into a stage (*staged) for kg_stage_commit. */
KG_API int kg_host_export_staged(const kg_host_t *h, const kg_graph_t *g, const char *format, const char *path,
                                 const kg_opts_t *opts, kg_staged_t **staged, kg_error_t *err);

#ifdef __cplusplus
}
#endif
#endif
