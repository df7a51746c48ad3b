/* names.c - ids made from names, the same for the same name in every file: entities named by a label, and the sources a citation names as text. */
#include "kgkit/graph.h"
#include "kgkit/buf.h"

#include <ctype.h>
#include <string.h>

int kg_slug_id(const char *prefix, const char *name, kg_buf_t *out)
{
    kg_buf_clear(out);
    kg_buf_printf(out, "%s:", prefix);
    size_t start = out->len;
    int dash = 0;
    for (const unsigned char *p = (const unsigned char *)name; *p; p++) {
        if (isalnum(*p) || *p >= 0x80) {
            if (dash && out->len > start)
                kg_buf_putc(out, '-');
            kg_buf_putc(out, *p >= 0x80 ? *p : tolower(*p));
            dash = 0;
        } else {
            dash = 1;
        }
    }
    if (out->len == start) /* only punctuation: the text as it is */
        kg_buf_puts(out, name);
    return out->failed ? KG_ENOMEM : KG_OK;
}

int kg_graph_source_from_text(kg_graph_t *g, const char *text, const char *origin, int line, kg_buf_t *id,
                              kg_error_t *err)
{
    kg_entity_t e = kg_graph_entity_by_id(g, text);
    if (e != KG_NONE && kg_entity_is_source(g, e)) {
        kg_buf_clear(id);
        return kg_buf_puts(id, text) ? kg_error_set(err, KG_ENOMEM, origin, line, 0, "out of memory") : KG_OK;
    }
    int url = !strncmp(text, "http://", 7) || !strncmp(text, "https://", 8);
    if (kg_slug_id("src", url ? strstr(text, "//") + 2 : text, id))
        return kg_error_set(err, KG_ENOMEM, origin, line, 0, "out of memory");
    kg_entity_spec_t s;
    kg_entity_spec_init(&s);
    s.id = id->data;
    s.kind = KG_KIND_SOURCE;
    s.url = url ? text : NULL;
    s.label = url ? NULL : text;
    s.origin = origin;
    s.line = line;
    return kg_graph_add_entity(g, &s, NULL, err);
}
