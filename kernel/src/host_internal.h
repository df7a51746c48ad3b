/* host_internal.h - what the kernel's I/O shares with the plugin host: which plugin's code runs now, and the
 * staged files a crash must not leave behind. */
#ifndef KG_HOST_INTERNAL_H
#define KG_HOST_INTERNAL_H

#include "kgkit/host.h"

/* The name of the plugin that registered a capability table, or NULL. */
const char *kg_i_plugin_of(const kg_host_t *h, const void *table);
/* Marks plugin code as running (kind "importer", "exporter", "analysis"; its name), or none (plugin NULL). */
void kg_i_running(const char *plugin, const char *kind, const char *name);

#endif
