/* srm-diagram-export-private.h: the file writers behind every exporter. They
 * take a laid-out picture and the state to paint it in, so the diagram and the
 * comparison painters write PNG, SVG (text as <text>) and PDF the same way. */
#pragma once

#include "srm-diagram-export.h"
#include "srm-diagram-painter-private.h"

G_BEGIN_DECLS

/* The file's bytes for @layout at its own size; @scale for PNG only. */
GBytes          *srm_export_layout_to_bytes   (SrmDiagramLayout           *layout,
                                               const SrmDiagramPaintState *state,
                                               SrmDiagramExportFormat      format,
                                               double                      scale);
cairo_surface_t *srm_export_layout_to_surface (SrmDiagramLayout           *layout,
                                               const SrmDiagramPaintState *state,
                                               double                      scale);
/* SRM_EXPORT_ERROR_UNKNOWN_FORMAT, naming the file, unless @path ends in a
 * known extension. */
gboolean         srm_export_check_path        (const char                 *path,
                                               SrmDiagramExportFormat     *format,
                                               GError                    **error);
/* Through a temporary file beside @path, renamed over it when complete. */
gboolean         srm_export_write_bytes       (const char                 *path,
                                               GBytes                     *bytes,
                                               GError                    **error);

G_END_DECLS
