/* srm-diagram-painter.h: draws the shared responsibility matrix with cairo and Pango.
 *
 * One painter serves the GTK view, the PNG/SVG/PDF exporters and printing: it
 * holds what to show (catalog, selected model or services, style, the view's
 * focus, hover and transition state) and paints it at any size, returning the
 * geometry it drew. It owns the palette; nothing else in the app has colours.
 */
#pragma once

#include <cairo.h>
#include <pango/pango.h>

#include "srm-model.h"
#include "srm-diagram-layout.h"
#include "srm-diagram-style.h"

G_BEGIN_DECLS

#define SRM_TYPE_DIAGRAM_PAINTER (srm_diagram_painter_get_type ())
G_DECLARE_FINAL_TYPE (SrmDiagramPainter, srm_diagram_painter, SRM, DIAGRAM_PAINTER, GObject)

SrmDiagramPainter  *srm_diagram_painter_new                   (SrmCatalog         *catalog);

/* The painters' fonts, loaded ahead. Painters use a font map of their own per
 * thread. srm_diagram_fonts_load () makes one and loads into it the fonts
 * @catalog's diagram is set in, on whatever thread calls it (a worker, while
 * GTK starts); srm_diagram_fonts_adopt () makes it the calling thread's, so
 * the first diagram there finds its fonts loaded. A font map is not safe to
 * use from two threads at once: hand it over only once the loading thread is
 * done with it. */
PangoFontMap       *srm_diagram_fonts_load                    (SrmCatalog         *catalog);
void                srm_diagram_fonts_adopt                   (PangoFontMap       *font_map);

SrmCatalog         *srm_diagram_painter_get_catalog           (SrmDiagramPainter  *self);
void                srm_diagram_painter_set_catalog           (SrmDiagramPainter  *self,
                                                               SrmCatalog         *catalog);
/* The selected model column, or NULL for none. */
const char         *srm_diagram_painter_get_model_id          (SrmDiagramPainter  *self);
void                srm_diagram_painter_set_model_id          (SrmDiagramPainter  *self,
                                                               const char         *model_id);
/* The selected services, each drawn as its own column; never NULL, may be empty. */
const char * const *srm_diagram_painter_get_service_ids       (SrmDiagramPainter  *self);
void                srm_diagram_painter_set_service_ids       (SrmDiagramPainter  *self,
                                                               const char * const *service_ids);
SrmDiagramStyle     srm_diagram_painter_get_style             (SrmDiagramPainter  *self);
void                srm_diagram_painter_set_style             (SrmDiagramPainter  *self,
                                                               SrmDiagramStyle     style);
/* 0: nothing stands out, 1: the selection fully highlighted; the view animates it. */
double              srm_diagram_painter_get_highlight_progress (SrmDiagramPainter *self);
void                srm_diagram_painter_set_highlight_progress (SrmDiagramPainter *self,
                                                               double              progress);
/* Cells as (layer index, column index) of the layout; -1, -1 for none. */
void                srm_diagram_painter_set_focus_cell        (SrmDiagramPainter  *self,
                                                               int                 layer,
                                                               int                 column);
void                srm_diagram_painter_get_focus_cell        (SrmDiagramPainter  *self,
                                                               int                *layer,
                                                               int                *column);
void                srm_diagram_painter_set_hover_cell        (SrmDiagramPainter  *self,
                                                               int                 layer,
                                                               int                 column);
void                srm_diagram_painter_get_hover_cell        (SrmDiagramPainter  *self,
                                                               int                *layer,
                                                               int                *column);
void                srm_diagram_painter_set_pressed_cell      (SrmDiagramPainter  *self,
                                                               int                 layer,
                                                               int                 column);
void                srm_diagram_painter_get_pressed_cell      (SrmDiagramPainter  *self,
                                                               int                *layer,
                                                               int                *column);
/* Layer ids kept bright while the others are dimmed; NULL or empty: all bright. */
const char * const *srm_diagram_painter_get_spotlight_layers  (SrmDiagramPainter  *self);
void                srm_diagram_painter_set_spotlight_layers  (SrmDiagramPainter  *self,
                                                               const char * const *layer_ids);
gboolean            srm_diagram_painter_get_show_legend       (SrmDiagramPainter  *self);
void                srm_diagram_painter_set_show_legend       (SrmDiagramPainter  *self,
                                                               gboolean            show_legend);
gboolean            srm_diagram_painter_get_show_summary      (SrmDiagramPainter  *self);
void                srm_diagram_painter_set_show_summary      (SrmDiagramPainter  *self,
                                                               gboolean            show_summary);
/* Drawn above everything when set, e.g. for an exported slide. */
const char         *srm_diagram_painter_get_title             (SrmDiagramPainter  *self);
void                srm_diagram_painter_set_title             (SrmDiagramPainter  *self,
                                                               const char         *title);

/* The geometry of the diagram at this size. @context may be NULL: the painter
 * then uses its own, which is what draw and the exporters use. */
SrmDiagramLayout   *srm_diagram_painter_layout                (SrmDiagramPainter  *self,
                                                               PangoContext       *context,
                                                               double              width,
                                                               double              height);
/* Paints into @cr at (0, 0) and returns the geometry it drew. */
SrmDiagramLayout   *srm_diagram_painter_draw                  (SrmDiagramPainter  *self,
                                                               cairo_t            *cr,
                                                               double              width,
                                                               double              height);
/* The height the diagram needs at @width with its type at its natural size. */
double              srm_diagram_painter_get_natural_height    (SrmDiagramPainter  *self,
                                                               double              width);
/* One line saying what the customer owns for the selection, translated. */
char               *srm_diagram_painter_dup_summary           (SrmDiagramPainter  *self);

G_END_DECLS
