/* kgkit/plugin.h - the plugin ABI: the descriptor a plugin exports and the capabilities it registers.
 *
 * A plugin is a shared object that exports one symbol, kg_plugin_entry,
 * returning its descriptor (write it with KG_PLUGIN_DEFINE). The host checks
 * the ABI version, then calls init, which registers importers, analyses and
 * exporters on the registry it is given. Plugins link libkgkit and include
 * <kgkit/kgkit.h>; build them with hidden visibility, the macro exports the
 * entry. Capability tables are borrowed: they must stay valid while the
 * plugin is loaded (static tables are the norm). */
#ifndef KGKIT_PLUGIN_H
#define KGKIT_PLUGIN_H

#include <stddef.h>
#include <stdio.h>
#include "common.h"
#include "error.h"
#include "graph.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ABI version. The major changes when a struct below changes incompatibly;
 * the minor grows when fields are appended to the descriptor or to a
 * capability table (whose own version then grows). The rule the host
 * applies (libgit2's):
 *   - a plugin's descriptor: the host's major, a minor up to the host's, and
 *     a struct_size of at least KG_PLUGIN_DESC_MIN_SIZE (the first layout);
 *   - a capability table: any version from 1 up to the host's; the host reads
 *     only the fields that version has, and an appended field a table lacks
 *     counts as absent (NULL).
 * So a plugin built against older headers loads in a newer host of the same
 * major; a newer one is refused with both versions named.
 * History: 1.0 first; 1.1 kg_analysis_t version 2 (appended: writes), and the
 * functions kg_param_* (defaults read from the parameter table), kg_buf_* and
 * kg_array_reserve (kgkit/buf.h). */
#define KG_ABI_MAJOR 1
#define KG_ABI_MINOR 2

#define KG_PLUGIN_ENTRY_SYMBOL "kg_plugin_entry"

typedef struct kg_registry kg_registry_t;
typedef struct kg_opts kg_opts_t;

/* --------------------------------------------------------------- options */

/* Parameters given to a capability (from --param key=value, or from a
 * program). Values are strings; the getters parse them. */
KG_API const char *kg_opts_get(const kg_opts_t *o, const char *key);
/* Parses the option as an integer / float / boolean (1/0, true/false,
 * yes/no, on/off). Returns KG_OK with *out set (def when absent), or
 * KG_EUSAGE with a message naming the option when it does not parse. */
KG_API int kg_opts_get_int(const kg_opts_t *o, const char *key, long def, long *out, kg_error_t *err);
KG_API int kg_opts_get_double(const kg_opts_t *o, const char *key, double def, double *out, kg_error_t *err);
KG_API int kg_opts_get_bool(const kg_opts_t *o, const char *key, int def, int *out, kg_error_t *err);

/* Long work reports progress: what is being done, how much is done and the
 * total (0 when unknown). The host shows it on a terminal; cheap to call
 * often (it rate-limits). */
KG_API void kg_progress(const kg_opts_t *o, const char *what, uint64_t done, uint64_t total);

/* A declared parameter, for --help and for checking option names. */
typedef struct kg_param {
    const char *name;
    const char *type;          /* "int", "float", "bool", "string", "entity", ... */
    const char *default_value; /* as text, or NULL */
    const char *help;
} kg_param_t;

/* Parameters read through their declaration (ABI 1.1). The getters above
 * take their default from the caller; these take it from the parameter's
 * entry in `params` (the capability's table, the one --help prints), so a
 * default is written once. With o NULL they give the defaults.
 * - A key the table does not declare, or a declared default that does not
 *   parse, is the plugin's mistake: KG_EINTERNAL naming the parameter.
 * - A given value that does not parse is KG_EUSAGE naming the parameter.
 * kg_param_string gives the text (given, else the default, else NULL; borrowed
 * from o or the table). kg_param_choice takes a value from the NULL-terminated
 * `choices` and sets *index to its position (-1 when neither given nor
 * defaulted); any other value is KG_EUSAGE listing the choices, with a
 * did-you-mean. */
KG_API int kg_param_int(const kg_opts_t *o, const kg_param_t *params, const char *key, long *out, kg_error_t *err);
KG_API int kg_param_double(const kg_opts_t *o, const kg_param_t *params, const char *key, double *out,
                           kg_error_t *err);
KG_API int kg_param_bool(const kg_opts_t *o, const kg_param_t *params, const char *key, int *out, kg_error_t *err);
KG_API int kg_param_string(const kg_opts_t *o, const kg_param_t *params, const char *key, const char **out,
                           kg_error_t *err);
KG_API int kg_param_choice(const kg_opts_t *o, const kg_param_t *params, const char *key, const char *const *choices,
                           int *index, kg_error_t *err);

/* ---------------------------------------------------------- capabilities */

#define KG_IMPORTER_VERSION 1
typedef struct kg_importer {
    unsigned int version;               /* KG_IMPORTER_VERSION */
    const char *name;                   /* format name, e.g. "json" */
    const char *description;
    const char *const *extensions;      /* NULL-terminated, e.g. {".json", NULL} */
    /* Optional: how sure (0..100) the importer is that the first bytes of an
     * input are its format. NULL: never chosen by content. */
    int (*sniff)(const char *head, size_t len);
    /* Reads `in` (display name `path`: a file name or "<stdin>") into g.
     * Entities and statements may refer to ones already in g. On failure
     * fills err (with line and column where known) and returns its code;
     * the host rolls the graph back, so the importer need not clean up. */
    int (*import)(kg_graph_t *g, FILE *in, const char *path, const kg_opts_t *opts, kg_error_t *err);
    const kg_param_t *params;           /* NULL-name-terminated, or NULL */
} kg_importer_t;

#define KG_EXPORTER_VERSION 2
/* flags (version 2): the exporter may run while other exports of the same graph run in other threads, its own
 * plugin's included: it keeps no state outside the call (no static buffers) and calls no library that does
 * (Graphviz's cgraph and gvc, igraph). kgkit run writes such exports side by side; the others one at a time. */
#define KG_EXPORTER_REENTRANT 1u
typedef struct kg_exporter {
    unsigned int version;               /* KG_EXPORTER_VERSION */
    const char *name;                   /* format name, e.g. "dot" */
    const char *description;
    const char *extension;              /* preferred file extension, e.g. ".dot" */
    /* Writes g to `out`. The host writes into a temporary file and renames it
     * only on success, so an exporter may fail half-way without harm. */
    int (*export_graph)(const kg_graph_t *g, FILE *out, const kg_opts_t *opts, kg_error_t *err);
    const kg_param_t *params;
    const char *const *aliases;         /* other names and extensions, NULL-terminated, or NULL */
    unsigned int flags;                 /* version 2: KG_EXPORTER_REENTRANT, or 0 */
} kg_exporter_t;

/* Whether an exporter said it may run beside other exports (0 for a table of version 1, which had no flags). */
KG_API int kg_exporter_reentrant(const kg_exporter_t *e);

typedef enum kg_format { KG_FORMAT_TEXT = 0, KG_FORMAT_JSON = 1 } kg_format_t;

#define KG_ANALYSIS_VERSION 2
typedef struct kg_analysis {
    unsigned int version;               /* KG_ANALYSIS_VERSION */
    const char *name;
    const char *description;
    /* Computes on g, may write results back as attributes (kg_*_attr_set_new),
     * and writes its report to `out` in the requested format. */
    int (*run)(kg_graph_t *g, const kg_opts_t *opts, kg_format_t format, FILE *out, kg_error_t *err);
    const kg_param_t *params;
    /* version 2: the attributes it writes back, comma-separated ("agreement"; the
     * bundled ones are in kgkit/attrs.h), or NULL. Read it with kg_analysis_writes. */
    const char *writes;
} kg_analysis_t;

/* The attributes an analysis writes back (NULL when it says none, or when its
 * table is of version 1, which had no such field). */
KG_API const char *kg_analysis_writes(const kg_analysis_t *a);

/* Called from a plugin's init. Tables are borrowed (see above). A name that
 * another plugin already registered makes the plugin's init fail. */
KG_API int kg_registry_add_importer(kg_registry_t *r, const kg_importer_t *imp);
KG_API int kg_registry_add_exporter(kg_registry_t *r, const kg_exporter_t *exp);
KG_API int kg_registry_add_analysis(kg_registry_t *r, const kg_analysis_t *an);

/* ------------------------------------------------------------ descriptor */

typedef struct kg_plugin_desc {
    uint32_t abi_major;       /* KG_ABI_MAJOR of the headers the plugin was built with */
    uint32_t abi_minor;
    uint32_t struct_size;     /* sizeof(kg_plugin_desc_t) */
    const char *name;         /* unique among loaded plugins: [a-z0-9_-]+ */
    const char *version;
    const char *description;  /* one line */
    /* Registers capabilities. Returns KG_OK, or fills err and returns a code;
     * then nothing it registered is kept. */
    int (*init)(kg_registry_t *reg, kg_error_t *err);
    /* Optional: called before the plugin is unloaded. */
    void (*fini)(void);
} kg_plugin_desc_t;

/* The size of the descriptor's first layout (ABI 1.0): the least a plugin's struct_size may be. */
#define KG_PLUGIN_DESC_MIN_SIZE (offsetof(kg_plugin_desc_t, fini) + sizeof(void (*)(void)))

typedef const kg_plugin_desc_t *(*kg_plugin_entry_fn)(void);

#if defined(__GNUC__)
#define KG_PLUGIN_EXPORT __attribute__((visibility("default")))
#else
#define KG_PLUGIN_EXPORT
#endif

/* Defines the entry symbol. Use once per plugin:
 *   KG_PLUGIN_DEFINE("csv", "1.0.0", "CSV tables", csv_init, NULL) */
#define KG_PLUGIN_DEFINE(NAME, VERSION, DESCRIPTION, INIT, FINI)                      \
    KG_PLUGIN_EXPORT const kg_plugin_desc_t *kg_plugin_entry(void);                   \
    KG_PLUGIN_EXPORT const kg_plugin_desc_t *kg_plugin_entry(void)                    \
    {                                                                                 \
        static const kg_plugin_desc_t desc = {KG_ABI_MAJOR, KG_ABI_MINOR,             \
                                              (uint32_t)sizeof(kg_plugin_desc_t),     \
                                              NAME, VERSION, DESCRIPTION, INIT, FINI}; \
        return &desc;                                                                 \
    }

#ifdef __cplusplus
}
#endif
#endif
