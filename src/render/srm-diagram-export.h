/* srm-diagram-export.h: the diagram as a PNG, SVG or PDF file, or an image in memory.
 *
 * SVG and PDF keep text as text, so a slide deck can be searched and its words
 * copied. Files are written to a temporary file beside the target and renamed
 * over it: a failed export never leaves half a file behind.
 */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "srm-diagram-painter.h"

G_BEGIN_DECLS

#define SRM_EXPORT_ERROR (srm_export_error_quark ())
GQuark srm_export_error_quark (void);

typedef enum {
  SRM_EXPORT_ERROR_UNKNOWN_FORMAT, /* the file name ends in none of .png, .svg, .pdf */
  SRM_EXPORT_ERROR_WRITE,          /* the file could not be written */
} SrmExportError;

typedef enum {
  SRM_DIAGRAM_EXPORT_PNG,
  SRM_DIAGRAM_EXPORT_SVG,
  SRM_DIAGRAM_EXPORT_PDF,
} SrmDiagramExportFormat;

/* The format named by @path's extension, case-insensitive. */
gboolean         srm_diagram_export_format_from_path (const char             *path,
                                                      SrmDiagramExportFormat *format);

/* Writes the diagram at @width × @height (@height -1: as tall as the content
 * needs at @width). @scale multiplies the pixel size of a PNG (2: for HiDPI);
 * SVG and PDF are vectors and ignore it. */
gboolean         srm_diagram_export_to_file          (SrmDiagramPainter  *painter,
                                                      const char         *path,
                                                      int                 width,
                                                      int                 height,
                                                      double              scale,
                                                      GError            **error);
/* The file's bytes without writing anything. */
GBytes          *srm_diagram_export_to_bytes         (SrmDiagramPainter  *painter,
                                                      SrmDiagramExportFormat     format,
                                                      int                 width,
                                                      int                 height,
                                                      double              scale);
/* An ARGB32 image surface of width×scale by height×scale pixels, e.g. to copy. */
cairo_surface_t *srm_diagram_render_to_surface       (SrmDiagramPainter  *painter,
                                                      int                 width,
                                                      int                 height,
                                                      double              scale);

G_END_DECLS
