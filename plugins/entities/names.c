/* names.c - every entity's names (label and aliases) under every key kgkit/names.h gives them, made once per graph for the comparisons. */
#include "entities.h"

#include <stdlib.h>
#include <string.h>

void en_names_free(en_names_t *names)
{
    free(names->start);
    free(names->names);
    kg_buf_free(&names->text);
    memset(names, 0, sizeof *names);
}

int en_names_build(const kg_graph_t *g, en_names_t *names, const kg_opts_t *opts, kg_error_t *err)
{
    memset(names, 0, sizeof *names);
    size_t n = kg_graph_entity_count(g);
    names->n_entities = n;
    if (!(names->start = malloc((n + 1) * sizeof *names->start)))
        return kg_error_set(err, KG_ENOMEM, NULL, 0, 0, "out of memory");
    /* offsets first (the text buffer moves as it grows), pointers at the end */
    size_t *key_at = NULL, cap_at = 0;
    kg_name_keys_t k = {0};
    int rc = KG_OK;
    for (size_t e = 0; e < n && !rc; e++) {
        names->start[e] = names->n_names;
        if (kg_entity_is_source(g, (kg_entity_t)e))
            continue;
        size_t n_al = kg_entity_alias_count(g, (kg_entity_t)e);
        for (size_t i = 0; i <= n_al && !rc; i++) {
            const char *name = i == 0 ? kg_entity_name(g, (kg_entity_t)e) : kg_entity_alias(g, (kg_entity_t)e, i - 1);
            for (const unsigned char *c = (const unsigned char *)(name ? name : ""); *c && !names->other_scripts; c++)
                names->other_scripts = *c >= 0x80;
            if (!name || kg_name_keys(name, &k)) {
                rc = name ? kg_error_set(err, KG_ENOMEM, NULL, 0, 0, "out of memory") : KG_OK;
                continue;
            }
            for (size_t j = 0; j < k.n && !rc; j++) {
                int dup = 0; /* the label and an alias often give the same key */
                for (size_t x = names->start[e]; x < names->n_names && !dup; x++)
                    dup = !strcmp(names->text.data + key_at[3 * x], k.key[j]);
                if (dup)
                    continue;
                if (kg_array_reserve((void **)&key_at, &cap_at, 3 * names->n_names + 3, sizeof *key_at)) {
                    rc = kg_error_set(err, KG_ENOMEM, NULL, 0, 0, "out of memory");
                    break;
                }
                const char *parts[3] = {k.key[j], k.skeleton[j], k.consonants[j]};
                for (int p = 0; p < 3; p++) {
                    key_at[3 * names->n_names + (size_t)p] = names->text.len;
                    kg_buf_puts(&names->text, parts[p]);
                    kg_buf_putc(&names->text, '\0');
                }
                names->n_names++;
            }
        }
        names->n_named += names->n_names > names->start[e];
        if ((e & 0xffff) == 0)
            kg_progress(opts, "reading names", e, n);
    }
    names->start[n] = names->n_names;
    kg_name_keys_free(&k);
    if (!rc && names->text.failed)
        rc = kg_error_set(err, KG_ENOMEM, NULL, 0, 0, "out of memory");
    if (!rc && !(names->names = malloc((names->n_names + 1) * sizeof *names->names)))
        rc = kg_error_set(err, KG_ENOMEM, NULL, 0, 0, "out of memory");
    for (size_t x = 0; !rc && x < names->n_names; x++)
        names->names[x] = (en_name_t){names->text.data + key_at[3 * x], names->text.data + key_at[3 * x + 1],
                                      names->text.data + key_at[3 * x + 2]};
    free(key_at);
    if (rc)
        en_names_free(names);
    return rc;
}
