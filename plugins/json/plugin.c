/* plugin.c - the native format plugin: registers the json and jsonl importers and exporters. */
#include "json_plugin.h"

static const char *const doc_ext[] = {".json", NULL};
static const char *const lines_ext[] = {".jsonl", ".ndjson", NULL};
static const char *const lines_aliases[] = {"ndjson", ".ndjson", NULL};

static const kg_importer_t doc_importer = {
    KG_IMPORTER_VERSION, "json", "kgkit native JSON document {\"kgkit\": 1, ...}", doc_ext,
    json_sniff_document, json_import_document, NULL};
static const kg_importer_t lines_importer = {
    KG_IMPORTER_VERSION, "jsonl", "kgkit native records as JSON Lines, one per line, any order", lines_ext,
    json_sniff_lines, json_import_lines, NULL};
static const kg_exporter_t doc_exporter = {
    KG_EXPORTER_VERSION, "json", "kgkit native JSON document", ".json", json_export_document, NULL, NULL,
    KG_EXPORTER_REENTRANT};
static const kg_exporter_t lines_exporter = {
    KG_EXPORTER_VERSION, "jsonl", "kgkit native JSON Lines", ".jsonl", json_export_lines, NULL, lines_aliases,
    KG_EXPORTER_REENTRANT};

static int json_plugin_init(kg_registry_t *reg, kg_error_t *err)
{
    int rc;
    if ((rc = kg_registry_add_importer(reg, &doc_importer)) || (rc = kg_registry_add_importer(reg, &lines_importer)) ||
        (rc = kg_registry_add_exporter(reg, &doc_exporter)) || (rc = kg_registry_add_exporter(reg, &lines_exporter)))
        return rc;
    return KG_OK;
}

KG_PLUGIN_DEFINE("json", "1.0.0", "native format: JSON document and JSON Lines (jansson)", json_plugin_init, NULL)
