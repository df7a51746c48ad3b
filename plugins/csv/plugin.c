/* plugin.c - the "csv" plugin: tables of entities, statements and predicates, in and out. */
#include "csv_plugin.h"

static const char *const csv_extensions[] = {".csv", NULL};
static const char *const statements_aliases[] = {"csv-statements", ".statements.csv", NULL};
static const char *const entities_aliases[] = {".entities.csv", NULL};
static const char *const predicates_aliases[] = {".predicates.csv", NULL};

static const kg_importer_t importer = {
    KG_IMPORTER_VERSION, "csv",
    "CSV tables (RFC 4180, UTF-8): entities, statements or predicates, told apart by the header", csv_extensions,
    csv_sniff, csv_import, NULL};

const kg_param_t csv_export_params[] = {
    {"bom", "bool", "true", "start with a UTF-8 byte order mark (Excel needs it to read UTF-8)"},
    {NULL, NULL, NULL, NULL}};

static const kg_exporter_t exporters[] = {
    {KG_EXPORTER_VERSION, "csv", "the statements table: one row per citation", ".csv", csv_export_statements,
     csv_export_params, statements_aliases},
    {KG_EXPORTER_VERSION, "csv-entities", "the entities table (sources included)", ".entities.csv",
     csv_export_entities, csv_export_params, entities_aliases},
    {KG_EXPORTER_VERSION, "csv-predicates", "the predicate declarations table", ".predicates.csv",
     csv_export_predicates, csv_export_params, predicates_aliases},
};

static int csv_init(kg_registry_t *reg, kg_error_t *err)
{
    (void)err;
    int rc = kg_registry_add_importer(reg, &importer);
    for (size_t i = 0; !rc && i < sizeof exporters / sizeof *exporters; i++)
        rc = kg_registry_add_exporter(reg, &exporters[i]);
    return rc;
}

KG_PLUGIN_DEFINE("csv", "1.0.0", "CSV tables of entities, statements and predicates, in and out", csv_init, NULL)
