/* srm-cli-compare.h: a comparison as a picture from the command line. */
#pragma once

#include "srm-model.h"

G_BEGIN_DECLS

/* Writes the comparison @spec (as for srm_comparison_new_from_spec (); models
 * and services of @catalog_id, NULL: the default catalog) to @path, a .png,
 * .svg or .pdf, in @style ("light", "dark", "contrast", "print"; NULL: light),
 * @width pixels wide (0: the default) and as tall as it needs; @scale
 * multiplies a PNG's pixels (0: 1). @registry may be NULL. Returns the exit
 * status: 0, or 1 after "srm-explorer: message" on standard error. */
int srm_cli_export_compare (SrmCatalogRegistry *registry,
                            const char         *catalog_id,
                            const char         *spec,
                            const char         *path,
                            const char         *style,
                            int                 width,
                            double              scale);

G_END_DECLS
