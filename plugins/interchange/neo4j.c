/* neo4j.c - Neo4j: the CSV files of `neo4j-admin database import` (nodes, relationships) and a Cypher script. */
#define _POSIX_C_SOURCE 200809L /* strdup */
#include "interchange.h"

#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------ CSV */

/* One RFC 4180 field (libkgkit's writer). */
#define csv_field kg_csv_write_field

/* A string[] field: items joined by ';' (neo4j-admin's array delimiter; a ';'
 * inside an item becomes ','). */
static void csv_array(FILE *out, const char *const *items, size_t n)
{
    size_t len = 0;
    for (size_t i = 0; i < n; i++)
        len += strlen(items[i]) + 1;
    char *buf = malloc(len + 1), *p = buf;
    if (!buf)
        return;
    *p = '\0';
    for (size_t i = 0; i < n; i++) {
        if (i)
            *p++ = ';';
        for (const char *c = items[i]; *c; c++)
            *p++ = *c == ';' ? ',' : *c;
        *p = '\0';
    }
    csv_field(out, buf);
    free(buf);
}

static const char *neo4j_type(ix_type_t t)
{
    static const char *const names[] = {":boolean", ":long", ":double", ""};
    return names[t];
}

/* Columns: the keys of the elements but those written in their own column. */
static int own_column(const char *name, const char *const *special)
{
    for (; *special; special++)
        if (!strcmp(*special, name))
            return 0;
    return 1;
}

static void csv_attrs(FILE *out, const ix_keys_t *keys, const ix_attrs_t *a, const char *const *special)
{
    for (size_t k = 0; k < keys->n; k++) {
        if (!own_column(keys->items[k].name, special))
            continue;
        fputc(',', out);
        for (size_t i = 0; i < a->n; i++)
            if (!strcmp(a->items[i].name, keys->items[k].name))
                csv_field(out, a->items[i].text);
    }
}

static const char *const node_special[] = {"aliases", NULL};
static const char *const edge_special[] = {"predicate", "sources", NULL};
/* the properties kgkit's own columns make: an attribute of the same name must not overwrite them */
static const char *const node_reserved[] = {"id", "aliases", NULL};
static const char *const edge_reserved[] = {"statement", "sources", NULL};

/* Property names, one per attribute key, the same in the CSV files and in Cypher. A header field of
 * neo4j-admin is NAME:TYPE, so a ':' in a name (x:LABEL, :ID, :END_ID) would make a column of another kind:
 * it becomes '_', as does a control character. A name of one of kgkit's own properties gets "attr." before
 * it, an empty one is "_", and names that end up equal get "_2", "_3"... */
typedef struct prop_names {
    char **name; /* parallel to the keys */
    size_t n;
} prop_names_t;

static void prop_names_free(prop_names_t *p)
{
    for (size_t i = 0; i < p->n; i++)
        free(p->name[i]);
    free(p->name);
    memset(p, 0, sizeof *p);
}

static int prop_names_make(const ix_keys_t *keys, const char *const *reserved, prop_names_t *p)
{
    p->n = 0;
    p->name = calloc(keys->n + 1, sizeof *p->name);
    if (!p->name)
        return -1;
    for (size_t k = 0; k < keys->n; k++, p->n++) {
        const char *src = keys->items[k].name;
        size_t len = strlen(src);
        char *n = malloc(len + 24);
        if (!n)
            return -1;
        snprintf(n, len + 24, "%s%s", own_column(src, reserved) ? "" : "attr.", *src ? src : "_");
        for (char *c = n; *c; c++)
            if (*c == ':' || (unsigned char)*c < 0x20)
                *c = '_';
        size_t base = strlen(n);
        for (unsigned dup = 2;; dup++) {
            int clash = !own_column(n, reserved);
            for (size_t j = 0; j < k && !clash; j++)
                clash = !strcmp(p->name[j], n);
            if (!clash)
                break;
            snprintf(n + base, 24, "_%u", dup);
        }
        p->name[k] = n;
    }
    return 0;
}

typedef struct writer {
    const kg_graph_t *g;
    FILE *out;
    const ix_keys_t *keys;      /* nodes' (or the relationships' in that CSV file) */
    const prop_names_t *names;
    const ix_keys_t *keys2;     /* Cypher: the relationships' */
    const prop_names_t *names2;
} writer_t;

/* ",name:type" for each attribute column */
static void header_columns(FILE *out, const ix_keys_t *keys, const prop_names_t *names, const char *const *special)
{
    for (size_t k = 0; k < keys->n; k++)
        if (own_column(keys->items[k].name, special)) {
            fputc(',', out);
            size_t len = strlen(names->name[k]) + 16;
            char *head = malloc(len);
            if (!head)
                continue;
            snprintf(head, len, "%s%s", names->name[k], neo4j_type(keys->items[k].type));
            csv_field(out, head); /* quoted when the name holds a ',' or '"': neo4j-admin reads it so */
            free(head);
        }
}

/* Neo4j labels are split at ';' (its array delimiter): a kind "person;Admin" must stay one label. The kind
 * itself is also written as the property "kind". */
static void csv_labels(FILE *out, const char *kind)
{
    size_t len = strlen(kind);
    char *l = malloc(len + 8);
    if (!l)
        return;
    snprintf(l, len + 8, "Entity;%s", kind);
    for (char *c = l + 7; *c; c++)
        if (*c == ';' || (unsigned char)*c < 0x20)
            *c = '_';
    csv_field(out, l);
    free(l);
}

/* A string[] field of n strings from get(g, x, i). */
static void csv_list(FILE *out, const kg_graph_t *g, uint32_t x, size_t n,
                     const char *(*get)(const kg_graph_t *, uint32_t, size_t))
{
    const char **items = malloc((n + 1) * sizeof *items);
    for (size_t i = 0; items && i < n; i++)
        items[i] = get(g, x, i);
    if (items)
        csv_array(out, items, n);
    free(items);
}

static const char *alias_of(const kg_graph_t *g, uint32_t e, size_t i)
{
    return kg_entity_alias(g, e, i);
}

static const char *source_of(const kg_graph_t *g, uint32_t s, size_t i)
{
    return kg_entity_id(g, kg_stmt_cite(g, s, i, NULL));
}

static int node_row(void *ud, kg_entity_t e, const ix_attrs_t *a)
{
    writer_t *w = ud;
    csv_field(w->out, kg_entity_id(w->g, e));
    fputc(',', w->out);
    csv_list(w->out, w->g, e, kg_entity_alias_count(w->g, e), alias_of);
    csv_attrs(w->out, w->keys, a, node_special);
    fputc(',', w->out);
    csv_labels(w->out, kg_entity_kind(w->g, e));
    fputc('\n', w->out);
    return 0;
}

static int relationship_row(void *ud, kg_stmt_t s, const ix_attrs_t *a)
{
    writer_t *w = ud;
    csv_field(w->out, kg_entity_id(w->g, kg_stmt_subject(w->g, s)));
    fputc(',', w->out);
    csv_field(w->out, kg_entity_id(w->g, kg_stmt_object(w->g, s)));
    fputc(',', w->out);
    char *type = strdup(kg_stmt_predicate(w->g, s)); /* control characters as '_', as in Cypher */
    for (char *c = type; c && *c; c++)
        if ((unsigned char)*c < 0x20)
            *c = '_';
    csv_field(w->out, type ? type : kg_stmt_predicate(w->g, s));
    free(type);
    fprintf(w->out, ",s%u,", (unsigned)s);
    csv_list(w->out, w->g, s, kg_stmt_cite_count(w->g, s), source_of);
    csv_attrs(w->out, w->keys, a, edge_special);
    fputc('\n', w->out);
    return 0;
}

int ix_export_neo4j_nodes(const kg_graph_t *g, FILE *out, const kg_opts_t *opts, kg_error_t *err)
{
    ix_keys_t nk = {0}, ek = {0};
    int rc = ix_keys_collect(g, &nk, &ek);
    ix_keys_clear(&ek);
    if (rc) {
        ix_keys_clear(&nk);
        return kg_error_say(err, rc, "out of memory");
    }
    prop_names_t names = {0};
    if (prop_names_make(&nk, node_reserved, &names)) {
        prop_names_free(&names);
        ix_keys_clear(&nk);
        return kg_error_say(err, KG_ENOMEM, "out of memory");
    }
    fputs("id:ID,aliases:string[]", out);
    header_columns(out, &nk, &names, node_special);
    fputs(",:LABEL\n", out);
    writer_t w = {g, out, &nk, &names, NULL, NULL};
    rc = ix_walk(g, opts, NULL, node_row, NULL, &w);
    prop_names_free(&names);
    ix_keys_clear(&nk);
    if (rc)
        return kg_error_say(err, rc, "out of memory");
    return ix_write_error(out, err);
}

int ix_export_neo4j_relationships(const kg_graph_t *g, FILE *out, const kg_opts_t *opts, kg_error_t *err)
{
    ix_keys_t nk = {0}, ek = {0};
    int rc = ix_keys_collect(g, &nk, &ek);
    ix_keys_clear(&nk);
    if (rc) {
        ix_keys_clear(&ek);
        return kg_error_say(err, rc, "out of memory");
    }
    prop_names_t names = {0};
    if (prop_names_make(&ek, edge_reserved, &names)) {
        prop_names_free(&names);
        ix_keys_clear(&ek);
        return kg_error_say(err, KG_ENOMEM, "out of memory");
    }
    fputs(":START_ID,:END_ID,:TYPE,statement,sources:string[]", out);
    header_columns(out, &ek, &names, edge_special);
    fputc('\n', out);
    writer_t w = {g, out, &ek, &names, NULL, NULL};
    rc = ix_walk(g, opts, "writing Neo4j relationships", NULL, relationship_row, &w);
    prop_names_free(&names);
    ix_keys_clear(&ek);
    if (rc)
        return kg_error_say(err, rc, "out of memory");
    return ix_write_error(out, err);
}

/* --------------------------------------------------------------- Cypher */

static void cypher_string(FILE *out, const char *s)
{
    fputc('\'', out);
    for (; *s; s++) {
        switch (*s) {
        case '\'': fputs("\\'", out); break;
        case '\\': fputs("\\\\", out); break;
        case '\n': fputs("\\n", out); break;
        case '\r': fputs("\\r", out); break;
        case '\t': fputs("\\t", out); break;
        default:
            if ((unsigned char)*s < 0x20)
                fprintf(out, "\\u%04x", (unsigned char)*s);
            else
                fputc(*s, out);
        }
    }
    fputc('\'', out);
}

/* A label, relationship type or property key in backticks (a backtick doubled). A control character, legal
 * there but a line break in the middle of a statement, becomes '_', as in the CSV files' names. */
static void cypher_name(FILE *out, const char *s)
{
    fputc('`', out);
    for (; *s; s++) {
        if (*s == '`')
            fputc('`', out);
        fputc((unsigned char)*s < 0x20 ? '_' : *s, out);
    }
    fputc('`', out);
}

static void cypher_props(FILE *out, const ix_attrs_t *a, const ix_keys_t *keys, const prop_names_t *names,
                         const char *const *skip)
{
    for (size_t i = 0; i < a->n; i++) {
        if (!own_column(a->items[i].name, skip))
            continue;
        size_t k = ix_keys_find(keys, a->items[i].name);
        fputs(", ", out);
        cypher_name(out, k != (size_t)-1 ? names->name[k] : a->items[i].name);
        fputs(": ", out);
        const char *t = a->items[i].text;
        if (a->items[i].type == IX_STRING)
            cypher_string(out, t);
        else /* a real stays a Float in Cypher: 20.0, not the Integer 20 */
            fprintf(out, "%s%s", t, a->items[i].type == IX_DOUBLE && !strpbrk(t, ".eEin") ? ".0" : "");
    }
}

/* ['a', 'b'] */
static void cypher_list(FILE *out, const kg_graph_t *g, uint32_t x, size_t n,
                        const char *(*get)(const kg_graph_t *, uint32_t, size_t))
{
    fputc('[', out);
    for (size_t i = 0; i < n; i++) {
        fputs(i ? ", " : "", out);
        cypher_string(out, get(g, x, i));
    }
    fputc(']', out);
}

static int cypher_node(void *ud, kg_entity_t e, const ix_attrs_t *a)
{
    writer_t *w = ud;
    fputs("CREATE (:Entity:", w->out);
    const char *kind = kg_entity_kind(w->g, e);
    char *label = strdup(kind); /* the same label as the CSV files give (csv_labels) */
    for (char *c = label; c && *c; c++)
        if (*c == ';')
            *c = '_';
    cypher_name(w->out, label ? label : kind);
    free(label);
    fputs(" {id: ", w->out);
    cypher_string(w->out, kg_entity_id(w->g, e));
    fputs(", aliases: ", w->out);
    cypher_list(w->out, w->g, e, kg_entity_alias_count(w->g, e), alias_of);
    cypher_props(w->out, a, w->keys, w->names, node_special);
    fputs("});\n", w->out);
    return 0;
}

static int cypher_relationship(void *ud, kg_stmt_t s, const ix_attrs_t *a)
{
    writer_t *w = ud;
    fputs("MATCH (a:Entity {id: ", w->out);
    cypher_string(w->out, kg_entity_id(w->g, kg_stmt_subject(w->g, s)));
    fputs("}), (b:Entity {id: ", w->out);
    cypher_string(w->out, kg_entity_id(w->g, kg_stmt_object(w->g, s)));
    fputs("}) CREATE (a)-[:", w->out);
    cypher_name(w->out, kg_stmt_predicate(w->g, s));
    fprintf(w->out, " {statement: 's%u', sources: ", (unsigned)s);
    cypher_list(w->out, w->g, s, kg_stmt_cite_count(w->g, s), source_of);
    cypher_props(w->out, a, w->keys2, w->names2, edge_special);
    fputs("}]->(b);\n", w->out);
    return 0;
}

int ix_export_cypher(const kg_graph_t *g, FILE *out, const kg_opts_t *opts, kg_error_t *err)
{
    int rc;
    fputs("// written by kgkit: run with cypher-shell -f FILE (for big graphs, prefer the neo4j-admin CSV files)\n"
          "CREATE INDEX kgkit_entity_id IF NOT EXISTS FOR (n:Entity) ON (n.id);\n",
          out);
    ix_keys_t nk = {0}, ek = {0};
    prop_names_t nn = {0}, en = {0};
    if (ix_keys_collect(g, &nk, &ek) || prop_names_make(&nk, node_reserved, &nn) ||
        prop_names_make(&ek, edge_reserved, &en)) {
        rc = KG_ENOMEM;
    } else {
        writer_t w = {g, out, &nk, &nn, &ek, &en};
        rc = ix_walk(g, opts, "writing Cypher", cypher_node, cypher_relationship, &w);
    }
    prop_names_free(&nn);
    prop_names_free(&en);
    ix_keys_clear(&nk);
    ix_keys_clear(&ek);
    if (rc)
        return kg_error_say(err, rc, "out of memory");
    return ix_write_error(out, err);
}
