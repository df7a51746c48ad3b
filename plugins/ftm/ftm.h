/* ftm.h - the ftm plugin inside: the FollowTheMoney model it checks entities against (schema.c, generated), and its importer. */
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

int ftm_import(kg_graph_t *g, FILE *in, const char *path, const kg_opts_t *opts, kg_error_t *err);
int ftm_sniff(const char *head, size_t len);

#endif
