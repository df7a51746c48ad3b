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

int ix_export_neo4j_nodes(const kg_graph_t *g, FILE *out, const kg_opts_t *opts, kg_error_t *err)
{
    (void)opts;
    ix_keys_t nk = {0}, ek = {0};
    int rc = ix_keys_collect(g, &nk, &ek);
    ix_keys_clear(&ek);
    if (rc) {
        ix_keys_clear(&nk);
        return kg_error_set(err, rc, NULL, 0, 0, "out of memory");
    }
    fputs("id:ID,aliases:string[]", out);
    for (size_t k = 0; k < nk.n; k++)
        if (own_column(nk.items[k].name, node_special)) {
            fputc(',', out);
            char head[600];
            snprintf(head, sizeof head, "%s%s", nk.items[k].name, neo4j_type(nk.items[k].type));
            csv_field(out, head);
        }
    fputs(",:LABEL\n", out);
    for (kg_entity_t e = 0; rc == KG_OK && e < kg_graph_entity_count(g); e++) {
        if (!ix_is_node(g, e))
            continue;
        ix_attrs_t a = {0};
        if ((rc = ix_node_attrs(g, e, &a)) == KG_OK) {
            csv_field(out, kg_entity_id(g, e));
            fputc(',', out);
            size_t n = kg_entity_alias_count(g, e);
            const char **al = malloc((n + 1) * sizeof *al);
            for (size_t i = 0; al && i < n; i++)
                al[i] = kg_entity_alias(g, e, i);
            if (al)
                csv_array(out, al, n);
            free(al);
            csv_attrs(out, &nk, &a, node_special);
            fputc(',', out);
            char labels[512];
            snprintf(labels, sizeof labels, "Entity;%s", kg_entity_kind(g, e));
            csv_field(out, labels);
            fputc('\n', out);
        }
        ix_attrs_clear(&a);
    }
    ix_keys_clear(&nk);
    if (rc)
        return kg_error_set(err, rc, NULL, 0, 0, "out of memory");
    return ix_write_error(out, err);
}

int ix_export_neo4j_relationships(const kg_graph_t *g, FILE *out, const kg_opts_t *opts, kg_error_t *err)
{
    (void)opts;
    ix_keys_t nk = {0}, ek = {0};
    int rc = ix_keys_collect(g, &nk, &ek);
    ix_keys_clear(&nk);
    if (rc) {
        ix_keys_clear(&ek);
        return kg_error_set(err, rc, NULL, 0, 0, "out of memory");
    }
    fputs(":START_ID,:END_ID,:TYPE,statement,sources:string[]", out);
    for (size_t k = 0; k < ek.n; k++)
        if (own_column(ek.items[k].name, edge_special)) {
            fputc(',', out);
            char head[600];
            snprintf(head, sizeof head, "%s%s", ek.items[k].name, neo4j_type(ek.items[k].type));
            csv_field(out, head);
        }
    fputc('\n', out);
    for (kg_stmt_t s = 0; rc == KG_OK && s < kg_graph_stmt_count(g); s++) {
        if (!ix_is_edge(g, s))
            continue;
        ix_attrs_t a = {0};
        if ((rc = ix_edge_attrs(g, s, &a)) == KG_OK) {
            csv_field(out, kg_entity_id(g, kg_stmt_subject(g, s)));
            fputc(',', out);
            csv_field(out, kg_entity_id(g, kg_stmt_object(g, s)));
            fputc(',', out);
            csv_field(out, kg_stmt_predicate(g, s));
            fprintf(out, ",s%u,", (unsigned)s);
            size_t n = kg_stmt_cite_count(g, s);
            const char **ids = malloc((n + 1) * sizeof *ids);
            for (size_t i = 0; ids && i < n; i++)
                ids[i] = kg_entity_id(g, kg_stmt_cite(g, s, i, NULL));
            if (ids)
                csv_array(out, ids, n);
            free(ids);
            csv_attrs(out, &ek, &a, edge_special);
            fputc('\n', out);
        }
        ix_attrs_clear(&a);
    }
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

int ix_export_cypher(const kg_graph_t *g, FILE *out, const kg_opts_t *opts, kg_error_t *err)
{
    (void)opts;
    int rc = KG_OK;
    fputs("// written by kgkit: run with cypher-shell -f FILE (for big graphs, prefer the neo4j-admin CSV files)\n"
          "CREATE INDEX kgkit_entity_id IF NOT EXISTS FOR (n:Entity) ON (n.id);\n",
          out);
    for (kg_entity_t e = 0; rc == KG_OK && e < kg_graph_entity_count(g); e++) {
        if (!ix_is_node(g, e))
            continue;
        ix_attrs_t a = {0};
        if ((rc = ix_node_attrs(g, e, &a)) == KG_OK) {
            fputs("CREATE (:Entity:", out);
            cypher_name(out, kg_entity_kind(g, e));
            fputs(" {id: ", out);
            cypher_string(out, kg_entity_id(g, e));
            fputs(", aliases: [", out);
            for (size_t i = 0; i < kg_entity_alias_count(g, e); i++) {
                fputs(i ? ", " : "", out);
                cypher_string(out, kg_entity_alias(g, e, i));
            }
            fputc(']', out);
            cypher_props(out, &a, node_special);
            fputs("});\n", out);
        }
        ix_attrs_clear(&a);
    }
    for (kg_stmt_t s = 0; rc == KG_OK && s < kg_graph_stmt_count(g); s++) {
        if (!ix_is_edge(g, s))
            continue;
        ix_attrs_t a = {0};
        if ((rc = ix_edge_attrs(g, s, &a)) == KG_OK) {
            fputs("MATCH (a:Entity {id: ", out);
            cypher_string(out, kg_entity_id(g, kg_stmt_subject(g, s)));
            fputs("}), (b:Entity {id: ", out);
            cypher_string(out, kg_entity_id(g, kg_stmt_object(g, s)));
            fputs("}) CREATE (a)-[:", out);
            cypher_name(out, kg_stmt_predicate(g, s));
            fprintf(out, " {statement: 's%u', sources: [", (unsigned)s);
            for (size_t i = 0; i < kg_stmt_cite_count(g, s); i++) {
                fputs(i ? ", " : "", out);
                cypher_string(out, kg_entity_id(g, kg_stmt_cite(g, s, i, NULL)));
            }
            fputc(']', out);
            cypher_props(out, &a, edge_special);
            fputs("}]->(b);\n", out);
        }
        ix_attrs_clear(&a);
    }
    if (rc)
        return kg_error_set(err, rc, NULL, 0, 0, "out of memory");
    return ix_write_error(out, err);
}
