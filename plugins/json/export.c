/* export.c - writers for the native JSON document and JSON Lines: one record per line, in graph order. */
#include "json_plugin.h"

#include <errno.h>
#include <string.h>

#define PROGRESS_EVERY 65536

static int dump(json_t *rec, FILE *out, kg_error_t *err)
{
    if (!rec)
        return kg_error_say(err, KG_ENOMEM, "out of memory");
    unsigned long failed_before = kg_alloc_failures();
    int rc = kg_json_dumpf(rec, out, JSON_DUMP_FLAGS);
    json_decref(rec);
    if (rc == 0)
        return KG_OK;
    if (kg_alloc_failures() != failed_before && !ferror(out))
        return kg_error_say(err, KG_ENOMEM, "out of memory");
    return kg_error_say(err, KG_EIO, "cannot write: %s", strerror(errno));
}

/* Entities other than sources, or sources only. */
static int is_wanted(const kg_graph_t *g, kg_entity_t e, int sources)
{
    return kg_entity_is_source(g, e) == sources;
}

int json_export_document(const kg_graph_t *g, FILE *out, const kg_opts_t *opts, kg_error_t *err)
{
    int rc = KG_OK;
    fputs("{\n  \"kgkit\": 1,\n  \"predicates\": {", out);
    int first = 1;
    for (size_t i = 0; rc == KG_OK && i < kg_graph_predicate_count(g); i++) {
        const char *name = kg_graph_predicate_name(g, i);
        json_t *p = out_predicate(g, name);
        if (!p)
            continue;
        json_t *key = json_string(name);
        fputs(first ? "\n    " : ",\n    ", out);
        if ((rc = dump(key, out, err)) == KG_OK) {
            fputs(": ", out);
            rc = dump(p, out, err);
        } else {
            json_decref(p);
        }
        first = 0;
    }
    fputs(first ? "},\n" : "\n  },\n", out);
    static const char *const names[] = {"sources", "entities"};
    for (int sources = 1; sources >= 0; sources--) {
        fprintf(out, "  \"%s\": [", names[1 - sources]);
        first = 1;
        for (kg_entity_t e = 0; rc == KG_OK && e < kg_graph_entity_count(g); e++) {
            if (!is_wanted(g, e, sources))
                continue;
            fputs(first ? "\n    " : ",\n    ", out);
            rc = dump(out_entity(g, e), out, err);
            first = 0;
        }
        fputs(first ? "],\n" : "\n  ],\n", out);
    }
    fputs("  \"statements\": [", out);
    size_t n = kg_graph_stmt_count(g);
    for (kg_stmt_t s = 0; rc == KG_OK && s < n; s++) {
        fputs(s ? ",\n    " : "\n    ", out);
        rc = dump(out_statement(g, s), out, err);
        if (s % PROGRESS_EVERY == 0)
            kg_progress(opts, "writing", s, n);
    }
    fputs(n ? "\n  ]\n}\n" : "]\n}\n", out);
    if (rc == KG_OK && ferror(out))
        rc = kg_error_say(err, KG_EIO, "cannot write: %s", strerror(errno));
    return rc;
}

static int line(json_t *rec, const char *type, FILE *out, kg_error_t *err)
{
    if (!rec)
        return kg_error_say(err, KG_ENOMEM, "out of memory");
    /* "type" first, for people reading the file */
    json_t *o = json_object();
    json_object_set_new(o, "type", json_string(type));
    json_object_update(o, rec);
    json_decref(rec);
    int rc = dump(o, out, err);
    if (rc == KG_OK)
        fputc('\n', out);
    return rc;
}

int json_export_lines(const kg_graph_t *g, FILE *out, const kg_opts_t *opts, kg_error_t *err)
{
    int rc = KG_OK;
    fputs("{\"kgkit\": 1}\n", out);
    for (size_t i = 0; rc == KG_OK && i < kg_graph_predicate_count(g); i++) {
        const char *name = kg_graph_predicate_name(g, i);
        json_t *p = out_predicate(g, name);
        if (!p)
            continue;
        json_t *rec = json_object();
        json_object_set_new(rec, "name", json_string(name));
        json_object_update(rec, p);
        json_decref(p);
        rc = line(rec, "predicate", out, err);
    }
    for (int sources = 1; sources >= 0; sources--)
        for (kg_entity_t e = 0; rc == KG_OK && e < kg_graph_entity_count(g); e++)
            if (is_wanted(g, e, sources))
                rc = line(out_entity(g, e), sources ? "source" : "entity", out, err);
    size_t n = kg_graph_stmt_count(g);
    for (kg_stmt_t s = 0; rc == KG_OK && s < n; s++) {
        rc = line(out_statement(g, s), "statement", out, err);
        if (s % PROGRESS_EVERY == 0)
            kg_progress(opts, "writing", s, n);
    }
    if (rc == KG_OK && ferror(out))
        rc = kg_error_say(err, KG_EIO, "cannot write: %s", strerror(errno));
    return rc;
}
