/* review.c - `kgkit review`: the open candidate duplicates one by one, each pair with its kinds, names, neighbours and the sources that name each, judged with a key and appended to the judgements file at once, so that a closed terminal loses nothing already judged. */
#define _GNU_SOURCE /* open_memstream */
#include "cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* Text from the graph on the terminal: control characters (an escape sequence in a label) as "?". */
static void put(const char *s)
{
    for (; s && *s; s++)
        putchar((unsigned char)*s < 0x20 || *s == 0x7f ? '?' : *s);
}

/* What the reviewer sees of one side of a pair. */
static void show_side(const kg_graph_t *g, const char *tag, const char *id)
{
    kg_entity_t e = kg_graph_entity_by_id(g, id);
    if (e == KG_NONE)
        return;
    printf("  %s  ", tag);
    put(kg_entity_name(g, e));
    printf("  (");
    put(id);
    printf(", ");
    put(kg_entity_kind(g, e));
    printf(")\n");
    size_t n = kg_entity_alias_count(g, e);
    if (n) {
        printf("     also:");
        for (size_t i = 0; i < n && i < 8; i++) {
            printf("%s ", i ? ";" : "");
            put(kg_entity_alias(g, e, i));
        }
        printf("%s\n", n > 8 ? "; ..." : "");
    }
    kg_entity_t *nb = NULL;
    size_t nn = 0;
    if (kg_graph_neighbours(g, e, KG_BOTH, &nb, &nn) == KG_OK && nn) {
        printf("     neighbours:");
        for (size_t i = 0; i < nn && i < 8; i++) {
            printf("%s ", i ? "," : "");
            put(kg_entity_name(g, nb[i]));
        }
        printf("%s\n", nn > 8 ? ", ..." : "");
    }
    kg_free(nb);
    /* the sources that name it, each once */
    size_t ns;
    const kg_stmt_t *st = kg_graph_stmts_by_subject(g, e, &ns);
    kg_entity_t shown[6];
    size_t k = 0;
    for (size_t i = 0; i < ns && k < 6; i++)
        for (size_t c = 0; c < kg_stmt_cite_count(g, st[i]) && k < 6; c++) {
            kg_entity_t src = kg_stmt_cite(g, st[i], c, NULL);
            int seen = 0;
            for (size_t x = 0; x < k; x++)
                seen |= shown[x] == src;
            if (seen)
                continue;
            shown[k++] = src;
            const char *date = kg_entity_date(g, src);
            printf("     %s ", k == 1 ? "sources:" : "        ");
            put(kg_entity_name(g, src));
            printf("%s%s%s\n", date ? " (" : "", date ? date : "", date ? ")" : "");
        }
}

int cmd_review(cli_t *c, const cli_args_t *a)
{
    const char *path = c->judgements, *by = cli_value(a, "--by", NULL), *from = cli_value(a, "--from", NULL);
    if (!path)
        return cli_usage("review: give the judgements file with --judgements FILE (it is made when missing)");
    if (!by)
        by = getenv("USER") && *getenv("USER") ? getenv("USER") : "kgkit review";
    c->judgements = NULL; /* the pairs are judged on the graph as it is, the judged ones left out */
    kg_graph_t *g = NULL;
    int rc;
    kg_opts_t *opts = NULL;
    kg_judgements_t *judged = NULL;
    kg_error_t err;
    char *report = NULL;
    size_t report_len = 0;
    json_t *doc = NULL;
    if ((rc = cli_load(c, &g, a->pos, 1, from, NULL)) != EXIT_OK)
        return rc;
    if (kg_judgements_load(path, 1, &judged, cli_warn, c, &err) != KG_OK) {
        rc = cli_fail(&err);
        goto done;
    }
    /* the open candidates: the duplicates analysis with -p parameters, the judged pairs left out */
    if (kg_opts_new(&opts) != KG_OK) {
        rc = cli_usage("out of memory");
        goto done;
    }
    for (int i = 0; i < a->n_given; i++)
        if (cli_is(&a->given[i], "--param") && kg_opts_set_pair(opts, a->given[i].value, &err) != KG_OK) {
            rc = cli_fail(&err);
            goto done;
        }
    kg_opts_set(opts, "judgements", path);
    FILE *mem = open_memstream(&report, &report_len);
    if (!mem) {
        rc = cli_usage("out of memory");
        goto done;
    }
    int st = kg_host_analyze(c->host, g, "duplicates", opts, KG_FORMAT_JSON, mem, &err);
    fclose(mem);
    if (st != KG_OK) {
        rc = cli_fail(&err);
        goto done;
    }
    json_error_t je;
    json_t *cands = (doc = json_loadb(report, report_len, 0, &je)) ? json_object_get(doc, "candidates") : NULL;
    size_t n = json_array_size(cands), judged_now = 0, i;
    if (!n)
        printf("No open candidates: every pair that looks alike is judged (%zu judgements in %s).\n",
               kg_judgements_count(judged), path);
    json_t *cand;
    json_array_foreach(cands, i, cand) {
        const char *ia = json_string_value(json_object_get(cand, "a")), *ib = json_string_value(json_object_get(cand, "b"));
        printf("\n[%zu/%zu] score %.2f, suggested %s\n", i + 1, n, json_real_value(json_object_get(cand, "score")),
               json_string_value(json_object_get(cand, "suggested")));
        show_side(g, "A", ia);
        show_side(g, "B", ib);
        size_t r;
        json_t *why;
        json_array_foreach(json_object_get(cand, "reasons"), r, why) {
            printf("     %+5.1f %s: ", json_real_value(json_object_get(why, "weight")),
                   json_string_value(json_object_get(why, "evidence")));
            put(json_string_value(json_object_get(why, "detail")));
            printf("\n");
        }
        kg_judged_t verdict = KG_JUDGED_NONE;
        char line[1024], *rest = NULL;
        for (;;) {
            printf("  same (s), different (d), unsure (u), skip (k), quit (q); a reason may follow: ");
            fflush(stdout);
            if (!fgets(line, sizeof line, stdin)) { /* the end of input is a quit */
                printf("\n");
                line[0] = 'q';
                line[1] = '\0';
            }
            char *p = line;
            while (*p == ' ' || *p == '\t')
                p++;
            rest = p + (*p ? 1 : 0);
            while (*rest == ' ' || *rest == '\t')
                rest++;
            rest[strcspn(rest, "\r\n")] = '\0';
            if (*p == 's' || *p == 'd' || *p == 'u' || *p == 'k' || *p == 'q')
                break;
            printf("  (one of s, d, u, k, q)\n");
        }
        char key = line[strspn(line, " \t")];
        if (key == 'q')
            break;
        verdict = key == 's' ? KG_JUDGED_SAME : key == 'd' ? KG_JUDGED_DIFFERENT : key == 'u' ? KG_JUDGED_UNSURE : 0;
        if (!verdict)
            continue;
        char at[32];
        time_t now = time(NULL);
        strftime(at, sizeof at, "%Y-%m-%dT%H:%M:%SZ", gmtime(&now));
        kg_judgement_t j = {ia, ib, verdict, by, at, *rest ? rest : NULL, 0};
        if (kg_judgements_append(path, &j, &err) != KG_OK) {
            rc = cli_fail(&err);
            goto done;
        }
        judged_now++;
        printf("  -> %s, written to %s\n", kg_judged_name(verdict), path);
    }
    if (n)
        printf("\n%zu judged now; %zu candidate%s left open. Merge with --judgements %s on import or run.\n", judged_now,
               n - judged_now, n - judged_now == 1 ? "" : "s", path);
done:
    json_decref(doc);
    free(report);
    kg_opts_free(opts);
    kg_judgements_free(judged);
    kg_graph_free(g);
    return rc;
}
