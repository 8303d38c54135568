/* srm-cli-compare.c: --export-compare: the comparison of two models, services
 * or catalogs as a PNG, SVG or PDF, drawn as the app's comparison window draws
 * it. Like the rest of the command line it needs no display. */
#include "config.h"

#include <glib/gi18n.h>

#include "srm-cli-common.h"
#include "srm-cli-compare.h"
#include "srm-render.h"

#define DEFAULT_WIDTH 1600
#define MIN_WIDTH 320
#define MAX_WIDTH 8192

int
srm_cli_export_compare (SrmCatalogRegistry *registry,
                        const char         *catalog_id,
                        const char         *spec,
                        const char         *path,
                        const char         *style,
                        int                 width,
                        double              scale)
{
  g_autoptr(SrmCatalogRegistry) own_registry = NULL;
  g_autoptr(SrmComparison) comparison = NULL;
  g_autoptr(SrmComparePainter) painter = NULL;
  g_autoptr(GError) error = NULL;
  SrmDiagramStyle diagram_style = SRM_DIAGRAM_STYLE_LIGHT;

  g_return_val_if_fail (path != NULL, 2);

  /* Everything a person typed is checked before any work, so a typo never
   * leaves a file behind. */
  if (spec == NULL)
    return srm_cli_fail (_("--export-compare needs --compare A,B, e.g. --compare iaas,paas"));
  if (!srm_diagram_export_format_from_path (path, NULL))
    return srm_cli_fail (_("cannot export to “%s”: the file name must end in .png, .svg or .pdf"), path);
  if (style != NULL && !srm_diagram_style_from_string (style, &diagram_style))
    return srm_cli_fail (_("unknown style “%s”; use light, dark, contrast or print"), style);
  if (width == 0)
    width = DEFAULT_WIDTH;
  if (width < MIN_WIDTH || width > MAX_WIDTH)
    return srm_cli_fail (_("--width must be between %d and %d pixels"), MIN_WIDTH, MAX_WIDTH);
  if (scale == 0)
    scale = 1.0;
  if (scale < 0.5 || scale > 4)
    return srm_cli_fail (_("--scale must be between 0.5 and 4"));

  own_registry = registry != NULL ? g_object_ref (registry) : srm_catalog_registry_new (NULL);
  comparison = srm_comparison_new_from_spec (own_registry, spec, catalog_id, &error);
  if (comparison == NULL)
    return srm_cli_fail ("%s", error->message);

  painter = srm_compare_painter_new (comparison);
  srm_compare_painter_set_style (painter, diagram_style);
  if (!srm_compare_export_to_file (painter, path, width, -1, scale, &error))
    return srm_cli_fail ("%s", error->message);
  return 0;
}
