/* plugin.c - the "entities" plugin: one person, one entity. The duplicates analysis finds the entities that may be one, across spellings and scripts, with the evidence for and against. */
#include "entities.h"

static const kg_analysis_t duplicates = {
    KG_ANALYSIS_VERSION, "duplicates",
    "entities that may be one: names across case, accents, word order, initials, scripts (ICU) and romanisations, "
    "kinds, shared neighbours and sources, dates; scored pairs with their reasons",
    en_duplicates_run, en_duplicates_params, NULL};

static int entities_init(kg_registry_t *reg, kg_error_t *err)
{
    (void)err;
    return kg_registry_add_analysis(reg, &duplicates);
}

KG_PLUGIN_DEFINE("entities", "1.0.0", "duplicate detection across spellings and scripts", entities_init, NULL)
