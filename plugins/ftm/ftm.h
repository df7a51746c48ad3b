/* ftm.h - the ftm plugin inside: the FollowTheMoney model it checks entities against (schema.c, generated), the entities read (import.c: JSON; statements.c: statement tables), and the importer. */
#ifndef KG_FTM_H
#define KG_FTM_H

#include <kgkit/kgkit.h>

typedef struct ftm_prop {
    const char *name;
    const char *type;  /* FtM's property type: name, string, text, date, entity, country, number, url, ... */
    const char *range; /* for entity properties, the schema of what they point at */
} ftm_prop_t;

typedef struct ftm_schema {
    const char *name;              /* Person, Payment, ... */
    const ftm_prop_t *props;       /* every property, its own and inherited, sorted by name */
    size_t n_props;
    const char *const *caption;    /* the properties that name an entity, in order */
    const char *edge_source, *edge_target, *edge_label; /* a link's ends and what it says; NULL for things */
    int edge_directed;
    int abstract;                  /* no entity is of this schema (Thing, LegalEntity is not abstract) */
} ftm_schema_t;

extern const ftm_schema_t ftm_schemata[];
extern const size_t ftm_schema_count;

const ftm_schema_t *ftm_find_schema(const char *name);
const ftm_prop_t *ftm_find_prop(const ftm_schema_t *s, const char *name);
/* The closest schema or property name to a misspelt one, for the error; NULL when none is close. */
const char *ftm_closest_schema(const char *name);
const char *ftm_closest_prop(const ftm_schema_t *s, const char *name);

/* One entity as read. prov, from a statement table only: per property, per value, the list of the statements
 * behind it ({"dataset", "first_seen", "last_seen", "lang", "original_value", "external", "id"}, empty ones
 * left out), in the order of the values in obj's properties. */
typedef struct ftm_rec {
    json_t *obj; /* id, schema, properties, datasets, and any other member FtM writes */
    const ftm_schema_t *schema;
    int line;
    json_t *prov;
} ftm_rec_t;

typedef struct ftm_reader {
    kg_graph_t *g;
    const char *path;
    kg_error_t *err;
    ftm_rec_t *recs;
    size_t n, cap;
    json_t *ids; /* id -> the line it is on */
    size_t missing, weird_dates;
    char first_missing[128];
} ftm_reader_t;

/* Checks an entity against the model and keeps it (taking o); an error names the line and what is wrong. */
int ftm_add_record(ftm_reader_t *r, json_t *o, int line);
/* statements.c: a statement table (CSV, as nomenklatura and ftm write it: canonical_id, entity_id, prop,
 * prop_type, schema, value, dataset, lang, original_value, external, first_seen, last_seen, id) into entities,
 * one per canonical id, each value with the statements behind it. */
int ftm_statements_is(const char *head, size_t len);
int ftm_statements_read(ftm_reader_t *r, const char *text, size_t len);

int ftm_import(kg_graph_t *g, FILE *in, const char *path, const kg_opts_t *opts, kg_error_t *err);
int ftm_sniff(const char *head, size_t len);

#endif
