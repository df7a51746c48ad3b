/* graph_internal.h - the graph's private structures, shared by the kernel's graph files only. */
#ifndef KG_GRAPH_INTERNAL_H
#define KG_GRAPH_INTERNAL_H

#include "kgkit/graph.h"
#include "strpool.h"

/* Numbers in JSON text (jsontext.c): the fewest significant digits (1..17) that read back as exactly x, and
 * whether x is written as a JSON integer (whole, below 2^53) rather than a real. */
int kg_i_shortest_digits(double x);
int kg_i_is_json_integer(double x);

#define KG_AMBIGUOUS ((uint32_t)0xFFFFFFFEu)

typedef struct kg_ent {
    uint32_t id, kind, label, date, publisher, url; /* symbols */
    uint32_t n_alias, cap_alias;
    uint32_t *alias;
    json_t *attrs;
    uint32_t txn_mark; /* transaction serial of the last snapshot */
} kg_ent_t;

typedef struct kg_cite_rec {
    uint32_t source; /* entity */
    uint32_t quote;  /* symbol */
} kg_cite_rec_t;

typedef struct kg_st {
    uint32_t subj, pred, obj, as_of, acc; /* entity, symbol, entity, symbol, entity */
    uint8_t vtype, qual;
    uint32_t unit, text; /* symbols */
    double amount, lower, upper;
    uint32_t n_cite, cap_cite;
    kg_cite_rec_t *cites;
    json_t *attrs;
    uint32_t txn_mark;
} kg_st_t;

typedef struct kg_pred_rec {
    uint32_t sym;
    kg_predicate_t decl;     /* as declared; strings interned */
    uint8_t used_relation;   /* used with an entity object */
    uint8_t used_types;      /* bit (1 << kg_value_type_t) per value type used */
    int8_t symmetric;        /* -1 not said, 0 directed, 1 symmetric (kg_graph_declare_symmetric) */
    uint32_t txn_mark;
} kg_pred_rec_t;

/* A compressed adjacency list: items[off[k] .. off[k+1]) belong to key k. */
typedef struct kg_csr {
    uint32_t *off;
    uint32_t *items;
} kg_csr_t;

typedef struct kg_index {
    int valid;
    kg_csr_t by_subj, by_obj, by_src, by_pred, by_kind;
    uint32_t *kinds;        /* kind symbols in order of first appearance */
    uint32_t n_kinds;
    uint32_t *kind_by_sym;  /* symbol -> kind position, KG_NONE */
    uint32_t kind_by_sym_n;
} kg_index_t;

typedef enum { UNDO_ENT, UNDO_STMT, UNDO_PRED } kg_undo_kind_t;
typedef struct kg_undo {
    kg_undo_kind_t kind;
    uint32_t index;
    union {
        kg_ent_t ent;       /* saved copy; attrs is the saved reference */
        kg_st_t st;
        kg_pred_rec_t pred;
    } saved;
} kg_undo_t;

struct kg_graph {
    kg_strpool_t pool;

    kg_ent_t *ents;
    uint32_t n_ents, cap_ents;
    kg_st_t *stmts;
    uint32_t n_stmts, cap_stmts;
    kg_pred_rec_t *preds;
    uint32_t n_preds, cap_preds;

    /* symbol-indexed maps, grown with the pool: entity by id, by alias or
     * label (KG_AMBIGUOUS when several), predicate record by name */
    uint32_t *ent_by_sym, *alias_by_sym, *pred_by_sym;
    uint32_t map_cap;

    /* statement identity: open addressing, holds statement + 1, 0 empty */
    uint32_t *stab;
    size_t stab_cap;

    kg_index_t idx;

    kg_warn_fn warn;
    void *warn_ud;
    size_t n_warn;

    /* statements' attribute objects of one key whose value is shared ({"agreement": verdict}, the same verdict
     * for thousands of statements): one object each, referenced by every statement that has just that, copied
     * before it changes (kg_i_attrs_unshare). Open addressing, NULL empty; each slot holds a reference. */
    json_t **shared_attrs;
    size_t shared_cap, n_shared;

    int in_txn;
    uint32_t txn_serial;
    uint32_t txn_ents, txn_stmts, txn_preds;
    kg_undo_t *undo;
    size_t n_undo, cap_undo;
};

/* graph.c */
/* door.c: KG_EINPUT naming what (e.g. "the id") when s is not strict UTF-8; NULL is fine */
int kg_i_check_text(const char *s, const char *what, const char *origin, int line, kg_error_t *err);
/* door.c: KG_EINPUT unless attrs is NULL or an object at most KG_MAX_ATTR_DEPTH deep; what names the owner */
int kg_i_check_attrs(const json_t *attrs, const char *what, const char *origin, int line, kg_error_t *err);
/* rewrites a message of at most size bytes so that it prints safely: control characters and bytes that are
 * not UTF-8 as \xHH (\n, \t), a character cut by truncation dropped */
void kg_i_printable(char *text, size_t size);

const char *kg_i_str(const kg_graph_t *g, uint32_t sym);
uint32_t kg_i_intern(kg_graph_t *g, const char *s); /* 0 for NULL; KG_NONE on OOM */
int kg_i_maps_reserve(kg_graph_t *g);                /* grows maps to the pool size */
int kg_i_grow(void **arr, uint32_t *cap, uint32_t need, size_t elem);
void kg_i_changed(kg_graph_t *g);                     /* drops the query indexes */
int kg_i_snapshot_ent(kg_graph_t *g, uint32_t e);
int kg_i_snapshot_stmt(kg_graph_t *g, uint32_t s);
int kg_i_snapshot_pred(kg_graph_t *g, uint32_t p);
int kg_i_attrs_merge(kg_graph_t *g, json_t **dst, const json_t *src, const char *what, const char *origin,
                     int line, kg_error_t *err);
/* Makes *attrs an object of the caller's own before it changes: a copy when others hold it too. KG_ENOMEM. */
int kg_i_attrs_unshare(json_t **attrs);
/* The attribute object {key: value} shared by the statements that have just that (value held elsewhere too), a new
 * reference; NULL when value is no shared one or out of memory (then the caller makes its own). */
json_t *kg_i_shared_attrs(kg_graph_t *g, const char *key, json_t *value);

/* entity.c */
void kg_i_alias_map_add(kg_graph_t *g, uint32_t sym, uint32_t e);
void kg_i_rebuild_entity_maps(kg_graph_t *g);

/* stmt.c */
int kg_i_stab_rebuild(kg_graph_t *g);
void kg_i_stmt_free(kg_st_t *st);

/* predicate.c */
int kg_i_pred_get(kg_graph_t *g, uint32_t sym, uint32_t *out);
void kg_i_rebuild_pred_map(kg_graph_t *g);

/* index.c */
void kg_i_index_free(kg_index_t *idx);

/* Copies g's predicate declarations (and symmetric ones) into out: for the graphs built from another (select.c,
 * judge.c). */
int kg_i_copy_declarations(const kg_graph_t *g, kg_graph_t *out, kg_error_t *err);

#endif
