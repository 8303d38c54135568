/* srm-diagram-painter-private.h: the parts of the painter shared between its
 * files: what to show (content), how to lay it out (geometry) and how to paint
 * a layout (paint), so the exporters can reuse each step. */
#pragma once

#include <pango/pangocairo.h>

#include "srm-diagram-layout-private.h"
#include "srm-diagram-painter.h"
#include "srm-diagram-tile-cache-private.h"

G_BEGIN_DECLS

/* Everything that changes the geometry. */
typedef struct {
  SrmCatalog         *catalog;
  const char         *model_id;      /* NULL: none, or unknown to the catalog */
  const char * const *service_ids;   /* known to the catalog only */
  const char * const *spotlight;     /* NULL or empty: all layers bright */
  gboolean            show_legend;
  gboolean            show_summary;
  const char         *title;
  const char         *summary;
} SrmDiagramContent;

/* Everything that only changes colours. */
typedef struct {
  SrmDiagramStyle style;
  double          progress;
  int             focus_row, focus_column;
  int             hover_row, hover_column;
  int             pressed_row, pressed_column;
} SrmDiagramPaintState;

typedef struct {
  double red, green, blue, alpha;
} SrmRgba;

/* height < 0: as tall as the content needs at the natural type size for @width. */
SrmDiagramLayout *srm_diagram_geometry_build      (const SrmDiagramContent    *content,
                                                   PangoContext               *context,
                                                   double                      width,
                                                   double                      height);

void              srm_diagram_paint               (cairo_t                    *cr,
                                                   SrmDiagramLayout           *layout,
                                                   const SrmDiagramPaintState *state,
                                                   gboolean                    with_text);
/* As srm_diagram_paint () with text, but on an image target the background
 * and each cell come from images kept in @tiles (see the top of
 * srm-diagram-tile-cache-private.h); other targets, or @tiles NULL, are
 * painted as srm_diagram_paint () does. */
void              srm_diagram_paint_with_tiles    (cairo_t                    *cr,
                                                   SrmDiagramLayout           *layout,
                                                   const SrmDiagramPaintState *state,
                                                   SrmTileCache               *tiles);
/* The colour a text of @layout is painted in (for the SVG writer). */
void              srm_diagram_paint_text_color    (SrmDiagramLayout           *layout,
                                                   const SrmDiagramTextItem   *item,
                                                   const SrmDiagramPaintState *state,
                                                   SrmRgba                    *color);
void              srm_diagram_paint_background    (SrmDiagramStyle             style,
                                                   SrmRgba                    *color);

/* Text and cells as the diagram lays them out, for the comparison painter.
 * A text never breaks mid-word; fit shrinks it from @size towards @min_size
 * and ellipsizes as a last resort. */
PangoLayout      *srm_diagram_text_new            (PangoContext               *context,
                                                   const char                 *text,
                                                   double                      size,
                                                   PangoWeight                 weight,
                                                   double                      width,
                                                   PangoAlignment              align);
PangoLayout      *srm_diagram_text_fit            (PangoContext               *context,
                                                   const char                 *text,
                                                   double                      size,
                                                   double                      min_size,
                                                   PangoWeight                 weight,
                                                   double                      width,
                                                   int                         max_lines,
                                                   PangoAlignment              align);
void              srm_diagram_text_size           (PangoLayout                *layout,
                                                   double                     *width,
                                                   double                     *height);
/* The size of the owner words in the cells of @column (0: glyphs only) and
 * the glyphs, words and "Shared" chip of one cell, at body size @f. */
double            srm_diagram_cell_text_size      (SrmDiagramLayout           *layout,
                                                   PangoContext               *context,
                                                   SrmCatalog                 *catalog,
                                                   double                      f,
                                                   guint                       column,
                                                   double                      cell_width,
                                                   double                      cell_height);
void              srm_diagram_cell_content        (SrmDiagramLayout           *layout,
                                                   PangoContext               *context,
                                                   SrmCatalog                 *catalog,
                                                   double                      f,
                                                   SrmDiagramCell             *cell,
                                                   double                      text_size);
/* A service's name in a header @width wide: two lines, its acronym, three. */
PangoLayout      *srm_diagram_service_header_text (PangoContext              *context,
                                                   const char                 *name,
                                                   double                      f,
                                                   double                      width);
/* A legend swatch of @kind with its glyphs. */
void              srm_diagram_swatch_add          (SrmDiagramLayout           *layout,
                                                   SrmSwatchKind               kind,
                                                   cairo_rectangle_t           rect,
                                                   double                      f);
/* The owner legend at (@x, @y), centred in @width; returns its bottom. */
double            srm_diagram_legend_build        (SrmDiagramLayout           *layout,
                                                   PangoContext               *context,
                                                   SrmCatalog                 *catalog,
                                                   double                      f,
                                                   double                      x,
                                                   double                      y,
                                                   double                      width);
/* A Pango context with the painters' font options. */
PangoContext     *srm_diagram_context_new         (void);
/* Makes srm_diagram_text_new () on @context return the layout it made before
 * for the same text, size, weight, width and alignment, shared: only for a
 * context whose layouts nobody changes. Clear it when the texts change for
 * good (another catalog) so it does not keep what will not be asked again. */
void              srm_diagram_text_cache_enable   (PangoContext               *context);
void              srm_diagram_text_cache_clear    (PangoContext               *context);

/* The painter's own Pango context and cached layout for draw and export. */
SrmDiagramLayout *srm_diagram_painter_get_layout  (SrmDiagramPainter          *self,
                                                   double                      width,
                                                   double                      height);
void              srm_diagram_painter_get_state   (SrmDiagramPainter          *self,
                                                   SrmDiagramPaintState       *state);
/* The images srm_diagram_painter_draw () keeps; NULL before it drew on an
 * image surface. For tests. */
SrmTileCache     *srm_diagram_painter_get_tiles   (SrmDiagramPainter          *self);

/* The diameter of the "differs from its model" badge in the top-right corner of
 * a cell @r at body size @f, and its inset from the corner; the layout keeps
 * that corner free of words. */
static inline double
srm_diagram_override_badge_size (double                   f,
                                 const cairo_rectangle_t *r)
{
  return MIN (1.05 * f, MIN (r->width, r->height) * 0.62);
}

static inline double
srm_diagram_override_badge_inset (double                   f,
                                  const cairo_rectangle_t *r)
{
  return MIN (0.12 * f, srm_diagram_override_badge_size (f, r) * 0.15);
}

#define SRM_DIAGRAM_FONT_FAMILY "Cantarell, Noto Sans, DejaVu Sans, Sans"
#define SRM_DIAGRAM_TEXT_REFERENCE_SIZE 16.0

G_END_DECLS
