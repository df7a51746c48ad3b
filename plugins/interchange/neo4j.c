/* neo4j.c - Neo4j: the CSV files of `neo4j-admin database import` (nodes, relationships) and a Cypher script. */
#include "interchange.h"

#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------ CSV */

/* One RFC 4180 field: quoted when it holds a comma, quote or line break. */
static void csv_field(FILE *out, const char *s)
{
    if (!strpbrk(s, ",\"\r\n")) {
        fputs(s, out);
        return;
    }
    fputc('"', out);
    for (; *s; s++) {
        if (*s == '"')
            fputc('"', out);
        fputc(*s, out);
    }
    fputc('"', out);
}

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
    char buf[64];
    for (size_t k = 0; k < keys->n; k++) {
        if (!own_column(keys->items[k].name, special))
            continue;
        fputc(',', out);
        for (size_t i = 0; i < a->n; i++)
            if (!strcmp(a->items[i].name, keys->items[k].name))
                csv_field(out, ix_text(a->items[i].value, buf, sizeof buf));
    }
}

static const char *const node_special[] = {"aliases", NULL};
static const char *const edge_special[] = {"predicate", "sources", NULL};

typedef struct writer {
    const kg_graph_t *g;
    FILE *out;
    const ix_keys_t *keys;
} writer_t;

/* ",name:type" for each attribute column */
static void header_columns(FILE *out, const ix_keys_t *keys, const char *const *special)
{
    for (size_t k = 0; k < keys->n; k++)
        if (own_column(keys->items[k].name, special)) {
            fputc(',', out);
            char head[600];
            snprintf(head, sizeof head, "%s%s", keys->items[k].name, neo4j_type(keys->items[k].type));
            csv_field(out, head);
        }
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
    char labels[512];
    snprintf(labels, sizeof labels, "Entity;%s", kg_entity_kind(w->g, e));
    csv_field(w->out, labels);
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
    csv_field(w->out, kg_stmt_predicate(w->g, s));
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
        return kg_error_set(err, rc, NULL, 0, 0, "out of memory");
    }
    fputs("id:ID,aliases:string[]", out);
    header_columns(out, &nk, node_special);
    fputs(",:LABEL\n", out);
    writer_t w = {g, out, &nk};
    rc = ix_walk(g, opts, NULL, node_row, NULL, &w);
    ix_keys_clear(&nk);
    if (rc)
        return kg_error_set(err, rc, NULL, 0, 0, "out of memory");
    return ix_write_error(out, err);
}

int ix_export_neo4j_relationships(const kg_graph_t *g, FILE *out, const kg_opts_t *opts, kg_error_t *err)
{
    ix_keys_t nk = {0}, ek = {0};
    int rc = ix_keys_collect(g, &nk, &ek);
    ix_keys_clear(&nk);
    if (rc) {
        ix_keys_clear(&ek);
        return kg_error_set(err, rc, NULL, 0, 0, "out of memory");
    }
    fputs(":START_ID,:END_ID,:TYPE,statement,sources:string[]", out);
    header_columns(out, &ek, edge_special);
    fputc('\n', out);
    writer_t w = {g, out, &ek};
    rc = ix_walk(g, opts, "writing Neo4j relationships", NULL, relationship_row, &w);
    ix_keys_clear(&ek);
    if (rc)
        return kg_error_set(err, rc, NULL, 0, 0, "out of memory");
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

static void cypher_name(FILE *out, const char *s)
{
    fputc('`', out);
    for (; *s; s++) {
        if (*s == '`')
            fputc('`', out);
        fputc(*s, out);
    }
    fputc('`', out);
}

static void cypher_props(FILE *out, const ix_attrs_t *a, const char *const *skip)
{
    char buf[64];
    for (size_t i = 0; i < a->n; i++) {
        if (!own_column(a->items[i].name, skip))
            continue;
        fputs(", ", out);
        cypher_name(out, a->items[i].name);
        fputs(": ", out);
        const json_t *v = a->items[i].value;
        if (json_is_string(v))
            cypher_string(out, json_string_value(v));
        else
            fputs(ix_text(v, buf, sizeof buf), out);
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
    cypher_name(w->out, kg_entity_kind(w->g, e));
    fputs(" {id: ", w->out);
    cypher_string(w->out, kg_entity_id(w->g, e));
    fputs(", aliases: ", w->out);
    cypher_list(w->out, w->g, e, kg_entity_alias_count(w->g, e), alias_of);
    cypher_props(w->out, a, node_special);
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
    cypher_props(w->out, a, edge_special);
    fputs("}]->(b);\n", w->out);
    return 0;
}

int ix_export_cypher(const kg_graph_t *g, FILE *out, const kg_opts_t *opts, kg_error_t *err)
{
    int rc;
    fputs("// written by kgkit: run with cypher-shell -f FILE (for big graphs, prefer the neo4j-admin CSV files)\n"
          "CREATE INDEX kgkit_entity_id IF NOT EXISTS FOR (n:Entity) ON (n.id);\n",
          out);
    writer_t w = {g, out, NULL};
    rc = ix_walk(g, opts, "writing Cypher", cypher_node, cypher_relationship, &w);
    if (rc)
        return kg_error_set(err, rc, NULL, 0, 0, "out of memory");
    return ix_write_error(out, err);
}
