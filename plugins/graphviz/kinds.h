/* kinds.h - how each kind of entity looks, and the colour of disputed facts: one table for the diagrams (build.c) and the interactive page (plugins/html), so that both read alike. */
#ifndef KG_KINDS_H
#define KG_KINDS_H

typedef struct kind_style {
    const char *kind, *shape, *style, *fill, *line, *legend;
} kind_style_t;

static const kind_style_t kind_styles[] = {
    {"person", "ellipse", "filled", "#dbe9f6", "#3b6ea5", "person"},
    {"group", "box", "rounded,filled", "#e3f1dd", "#4a8a3a", "group"},
    {"event", "hexagon", "filled", "#fdebd0", "#c07a18", "event"},
    {"place", "house", "filled", "#efe3f5", "#7c4f93", "place"},
    {"source", "note", "filled", "#eeeeee", "#777777", "source"},
};
static const kind_style_t other_style = {NULL, "box", "filled", "#ffffff", "#666666", NULL};

#define DISPUTED_COLOR "#c0392b"

#endif
