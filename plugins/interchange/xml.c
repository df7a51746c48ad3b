/* xml.c - what the XML readers (GraphML, GEXF) share: an expat parser that reads no external entity, the read loop, typed values, and the edges kept until every node is known. */
#define _POSIX_C_SOURCE 200809L /* strndup */
#include "xml.h"

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* An external entity is never read: kgkit opens only the files it is given. Its reference is left out, and
 * said. expat hands this handler the ix_xml_t (XML_SetExternalEntityRefHandlerArg). */
static int XMLCALL external_entity(XML_Parser arg, const XML_Char *context, const XML_Char *base,
                                   const XML_Char *system_id, const XML_Char *public_id)
{
    const ix_xml_t *x = (const ix_xml_t *)(void *)arg;
    (void)base;
    kg_graph_warn(x->g, x->path, (int)XML_GetCurrentLineNumber(x->p), (int)XML_GetCurrentColumnNumber(x->p) + 1,
                  "%s: the external entity %s (%s) is not read", x->format, context ? context : "?",
                  system_id ? system_id : public_id ? public_id : "no address");
    return XML_STATUS_OK;
}

int ix_xml_open(ix_xml_t *x, kg_graph_t *g, const char *path, const char *format, const char *encoding, void *ud,
                XML_StartElementHandler start, XML_EndElementHandler end, XML_CharacterDataHandler text,
                kg_error_t *err)
{
    *x = (ix_xml_t){XML_ParserCreate(encoding), g, path, format};
    if (!x->p)
        return kg_error_set(err, KG_ENOMEM, path, 0, 0, "out of memory");
    XML_SetUserData(x->p, ud);
    XML_SetElementHandler(x->p, start, end);
    XML_SetCharacterDataHandler(x->p, text);
    XML_SetExternalEntityRefHandler(x->p, external_entity);
    XML_SetExternalEntityRefHandlerArg(x->p, (void *)x);
    XML_SetParamEntityParsing(x->p, XML_PARAM_ENTITY_PARSING_NEVER);
    return KG_OK;
}

void ix_xml_read(ix_xml_t *x, FILE *in, const kg_opts_t *opts, int *stop, kg_error_t *err)
{
    char buf[65536], what[64];
    size_t n, total = 0;
    int done = 0;
    snprintf(what, sizeof what, "reading %s", x->format);
    while (!done && !*stop) {
        n = fread(buf, 1, sizeof buf, in);
        done = n < sizeof buf;
        total += n;
        if (XML_Parse(x->p, buf, (int)n, done) == XML_STATUS_ERROR && !*stop)
            *stop = kg_error_set(err, KG_EINPUT, x->path, (int)XML_GetCurrentLineNumber(x->p),
                                 (int)XML_GetCurrentColumnNumber(x->p) + 1, "%s: %s", x->format,
                                 XML_ErrorString(XML_GetErrorCode(x->p)));
        kg_progress(opts, what, total, 0);
    }
    if (!*stop && ferror(in)) /* a short read that was an error, not the end */
        *stop = kg_error_set(err, KG_EIO, x->path, 0, 0, "cannot read: %s", strerror(errno));
}

void ix_xml_close(ix_xml_t *x)
{
    if (x->p)
        XML_ParserFree(x->p);
    x->p = NULL;
}

const char *ix_xml_attr(const char **atts, const char *name)
{
    for (size_t i = 0; atts[i]; i += 2)
        if (!strcmp(atts[i], name))
            return atts[i + 1];
    return NULL;
}

char *ix_xml_dup(const char *s)
{
    if (!s)
        return NULL;
    size_t n = strlen(s) + 1;
    char *d = malloc(n);
    return d ? memcpy(d, s, n) : NULL;
}

void ix_xml_fail(ix_xml_t *x, int *rc, kg_error_t *err, int code, const char *fmt, ...)
{
    if (*rc)
        return;
    char msg[KG_ERROR_TEXT_LENGTH];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    *rc = kg_error_set(err, code, x->path, (int)XML_GetCurrentLineNumber(x->p),
                       (int)XML_GetCurrentColumnNumber(x->p) + 1, "%s: %s", x->format, msg);
    XML_StopParser(x->p, XML_FALSE);
}

json_t *ix_xml_typed(const char *type, const char *text)
{
    const char *t = type ? type : "string";
    char *end;
    if (!strcmp(t, "int") || !strcmp(t, "integer") || !strcmp(t, "long") || !strcmp(t, "short") ||
        !strcmp(t, "byte")) {
        errno = 0;
        long long v = strtoll(text, &end, 10);
        if (*text && !*end && errno != ERANGE)
            return json_integer(v);
    } else if (!strcmp(t, "float") || !strcmp(t, "double") || !strcmp(t, "bigdecimal")) {
        double v = strtod(text, &end);
        if (*text && !*end && isfinite(v))
            return json_real(v);
    } else if (!strcmp(t, "boolean")) {
        if (!strcmp(text, "true") || !strcmp(text, "1"))
            return json_true();
        if (!strcmp(text, "false") || !strcmp(text, "0"))
            return json_false();
    } else if (!strncmp(t, "list", 4)) {
        json_t *list = json_array();
        const char *s = text;
        size_t n = strlen(s);
        if (n >= 2 && s[0] == '[' && s[n - 1] == ']') /* Gephi writes [a, b]; the schema says a|b */
            s++, n -= 2;
        int brackets = s != text;
        while (n) {
            size_t k = 0;
            while (k < n && s[k] != (brackets ? ',' : '|'))
                k++;
            size_t a = 0, b = k;
            while (a < b && s[a] == ' ')
                a++;
            while (b > a && s[b - 1] == ' ')
                b--;
            char *item = strndup(s + a, b - a);
            json_array_append_new(list, json_string(item ? item : ""));
            free(item);
            s += k < n ? k + 1 : k;
            n -= k < n ? k + 1 : k;
        }
        return list;
    }
    return json_string(text);
}

int ix_keep(ix_kept_t *k, const ix_kept_edge_t *e)
{
    if (kg_array_reserve((void **)&k->items, &k->cap, k->n + 1, sizeof *k->items))
        return -1;
    k->items[k->n++] = *e;
    return 0;
}

int ix_add_kept(kg_graph_t *g, const char *path, const char *format, const ix_kept_t *k, ix_roles_t *roles,
                kg_error_t *err)
{
    int rc = KG_OK;
    for (size_t i = 0; i < k->n && !rc; i++) {
        const ix_kept_edge_t *e = &k->items[i];
        if (kg_graph_entity_by_id(g, e->source) == KG_NONE || kg_graph_entity_by_id(g, e->target) == KG_NONE)
            return kg_error_set(err, KG_ENOTFOUND, path, e->line, e->column, "%s: <edge> names no node \"%s\"", format,
                                kg_graph_entity_by_id(g, e->source) == KG_NONE ? e->source : e->target);
        rc = ix_add_edge(g, path, e->line, e->column, e->source, e->target, e->data, e->undirected, roles, err);
    }
    return rc;
}

void ix_kept_edge_free(ix_kept_edge_t *e)
{
    free(e->source);
    free(e->target);
    json_decref(e->data);
    memset(e, 0, sizeof *e);
}

void ix_kept_free(ix_kept_t *k)
{
    for (size_t i = 0; i < k->n; i++)
        ix_kept_edge_free(&k->items[i]);
    free(k->items);
    memset(k, 0, sizeof *k);
}
