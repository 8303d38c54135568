/* srm-cli-common.h: what every command-line module shares: how errors and JSON
 * are printed. */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Prints "srm-explorer: MESSAGE" on standard error and returns exit status 1. */
int  srm_cli_fail       (const char *format,
                         ...) G_GNUC_PRINTF (1, 2);
/* Pretty-printed, two-space indent, with a final newline. */
void srm_cli_print_json (JsonNode   *root);

G_END_DECLS
