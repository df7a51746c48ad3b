/* plugin.c - the "csv" plugin: tables of entities, statements and predicates, in and out. */
#include "csv_plugin.h"

static const char *const csv_extensions[] = {".csv", NULL};
static const char *const statements_aliases[] = {"csv-statements", ".statements.csv", NULL};
static const char *const entities_aliases[] = {".entities.csv", NULL};
static const char *const predicates_aliases[] = {".predicates.csv", NULL};

/* The roles a column can be given (layout.c reads them; a mapping file has the same keys). */
const kg_param_t csv_import_params[] = {
    {"mapping", "file", NULL, "a JSON file giving the columns' roles, with the keys below (docs/csv.md)"},
    {"subject", "column", NULL, "the column of each row's subject: an entity id, or a name (see ends)"},
    {"object", "column", NULL, "the column of its object: the rows are relations"},
    {"value", "column", NULL, "the column of a claim's value: the rows are claims"},
    {"predicate", "column", NULL, "the column of the predicate"},
    {"predicate_value", "string", KG_PREDICATE_UNLABELLED, "the predicate of rows that give none"},
    {"subject_kind", "column", NULL, "the column of the subject's kind (\"Person\" is the kind person)"},
    {"object_kind", "column", NULL, "the column of the object's kind"},
    {"kind", "string", NULL, "the kind of entities no column gives a kind"},
    {"qualifier", "column", NULL, "the column of a claimed number's qualifier (about, at_least, ...)"},
    {"unit", "column", NULL, "the column of its unit"},
    {"source", "column", NULL, "the column of the citing sources: ids, URLs or titles, separated by ; or |"},
    {"quote", "column", NULL, "the column of the quote of the first source"},
    {"date", "column", NULL, "the column of the statement's date (as_of)"},
    {"weight", "column", NULL, "the column of a relation's weight (a number)"},
    {"direction", "column", NULL, "the column saying Directed or Undirected (Gephi's Type)"},
    {"subject_attrs", "list", NULL, "columns that are the subject's attributes, not the statement's"},
    {"object_attrs", "list", NULL, "columns that are the object's attributes"},
    {"id", "column", NULL, "a node table: the column of the entity's id"},
    {"label", "column", NULL, "a node table: the column of its label"},
    {"node_kind", "column", NULL, "a node table: the column of its kind"},
    {"ends", "string", "auto",
     "how subject and object cells name entities: id (as written), name (an id made of kind and name: "
     "person:george-keith), or auto (a cell with a space or a capital letter is a name)"},
    {"delimiter", "string", "auto", "the field separator: , ; tab |, or auto (the most frequent in the header)"},
    {"encoding", "string", "auto", "utf-8, windows-1252, or auto (UTF-8, else Windows-1252 with a warning)"},
    {NULL, NULL, NULL, NULL}};

static const kg_importer_t importer = {
    KG_IMPORTER_VERSION, "csv",
    "CSV tables: kgkit's (entities, statements, predicates), edge lists, node tables, or any columns mapped",
    csv_extensions, csv_sniff, csv_import, csv_import_params};

const kg_param_t csv_export_params[] = {
    {"bom", "bool", "true", "start with a UTF-8 byte order mark (Excel needs it to read UTF-8)"},
    {NULL, NULL, NULL, NULL}};

static const kg_exporter_t exporters[] = {
    {KG_EXPORTER_VERSION, "csv", "the statements table: one row per citation", ".csv", csv_export_statements,
     csv_export_params, statements_aliases, KG_EXPORTER_REENTRANT},
    {KG_EXPORTER_VERSION, "csv-entities", "the entities table (sources included)", ".entities.csv",
     csv_export_entities, csv_export_params, entities_aliases, KG_EXPORTER_REENTRANT},
    {KG_EXPORTER_VERSION, "csv-predicates", "the predicate declarations table", ".predicates.csv",
     csv_export_predicates, csv_export_params, predicates_aliases, KG_EXPORTER_REENTRANT},
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
