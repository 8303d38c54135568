/* srm-diagram-layout-private.h: what the painter keeps in a layout beyond the
 * public geometry: the Pango layouts of every text and the decorations (glyphs,
 * badges, legend swatches), so that drawing is a plain walk over a display list
 * and the SVG exporter can write the same texts as <text> elements. */
#pragma once

#include <pango/pango.h>

#include "srm-diagram-layout.h"

G_BEGIN_DECLS

typedef enum {
  SRM_TEXT_TITLE,
  SRM_TEXT_SUMMARY,
  SRM_TEXT_BAND,
  SRM_TEXT_ROW_LABEL,
  SRM_TEXT_HEADER,
  SRM_TEXT_BADGE,
  SRM_TEXT_CELL,
  SRM_TEXT_LEGEND,
  SRM_TEXT_MARK,   /* the number on a comparison's badge */
  SRM_TEXT_GAP,    /* the words in the gap of a row one table lacks */
} SrmTextRole;

/* What a text or glyph sits on, which decides its ink colour. */
typedef enum {
  SRM_ON_BACKGROUND = -1,
  SRM_ON_CUSTOMER = SRM_OWNER_CUSTOMER,
  SRM_ON_PROVIDER = SRM_OWNER_PROVIDER,
} SrmInkSurface;

typedef struct {
  SrmDiagramText public;
  char          *text;
  PangoLayout   *layout;
  double         x, y;         /* where pango_cairo_show_layout puts it */
  SrmTextRole    role;
  SrmInkSurface  on;
  int            row, column;  /* -1: not part of a row or column (dimming follows them) */
} SrmDiagramTextItem;

typedef enum {
  SRM_GLYPH_PERSON,
  SRM_GLYPH_CLOUD,
} SrmGlyphKind;

typedef struct {
  SrmGlyphKind      kind;
  SrmInkSurface     on;
  cairo_rectangle_t rect;
  int               row, column;
} SrmDiagramGlyph;

typedef enum {
  SRM_SWATCH_CUSTOMER = SRM_OWNER_CUSTOMER,
  SRM_SWATCH_PROVIDER = SRM_OWNER_PROVIDER,
  SRM_SWATCH_SHARED = SRM_OWNER_SHARED,
  SRM_SWATCH_OVERRIDE,
} SrmSwatchKind;

typedef struct {
  SrmSwatchKind     kind;
  cairo_rectangle_t rect;
} SrmDiagramSwatch;

/* A rounded label behind text: the model badge of a service header, the "Shared" chip. */
typedef struct {
  cairo_rectangle_t rect;
  int               row, column;
} SrmDiagramPill;

/* A comparison's annotations: a ring around what differs, a dashed gap where
 * a table lacks a row, a numbered badge tying a cell to its line in the list.
 * The diagram itself has none. */
typedef enum {
  SRM_MARK_RING,
  SRM_MARK_GAP,
  SRM_MARK_BADGE,
} SrmMarkKind;

typedef struct {
  SrmMarkKind       kind;
  cairo_rectangle_t rect;
} SrmDiagramMark;

struct _SrmDiagramLayout {
  gatomicrefcount ref_count;

  double     width;
  double     height;
  double     font_size;
  double     radius;        /* corner radius of cells */
  double     line_width;    /* hairlines, scaled with the type */

  GArray    *columns;       /* SrmDiagramColumn */
  GArray    *rows;          /* SrmDiagramRow */
  GArray    *bands;         /* SrmDiagramBand */
  GArray    *cells;         /* SrmDiagramCell */
  GPtrArray *texts;         /* SrmDiagramTextItem */
  GArray    *glyphs;        /* SrmDiagramGlyph */
  GArray    *swatches;      /* SrmDiagramSwatch */
  GArray    *pills;         /* SrmDiagramPill */
  GArray    *marks;         /* SrmDiagramMark */

  gboolean          has_title, has_summary, has_legend;
  cairo_rectangle_t title_rect;
  cairo_rectangle_t summary_rect;
  cairo_rectangle_t legend_rect;
  cairo_rectangle_t table_rect; /* headers, bands and rows */
  char             *summary;
};

/* The painters set every text in type of one size and scale it to the size
 * wanted (see srm_diagram_text_new ()): whoever reads a text's extents or
 * draws it multiplies by its scale, which is 1 for any other layout. */
void                srm_diagram_text_set_scale   (PangoLayout             *layout,
                                                  double                   scale);
double              srm_diagram_text_scale       (PangoLayout             *layout);

SrmDiagramLayout   *srm_diagram_layout_new       (void);
SrmDiagramTextItem *srm_diagram_layout_add_text  (SrmDiagramLayout        *self,
                                                  PangoLayout             *layout,
                                                  double                   x,
                                                  double                   y,
                                                  const cairo_rectangle_t *bounds,
                                                  SrmTextRole              role);
/* As add_text, taking @layout's reference. */
SrmDiagramTextItem *srm_diagram_layout_take_text (SrmDiagramLayout        *self,
                                                  PangoLayout             *layout,
                                                  double                   x,
                                                  double                   y,
                                                  const cairo_rectangle_t *bounds,
                                                  SrmTextRole              role);
/* Moves everything by (@dx, @dy). */
void                srm_diagram_layout_translate (SrmDiagramLayout        *self,
                                                  double                   dx,
                                                  double                   dy);

/* A rectangle that is never negative in size. */
static inline cairo_rectangle_t
srm_rect_make (double x,
               double y,
               double width,
               double height)
{
  return (cairo_rectangle_t) { x, y, MAX (0, width), MAX (0, height) };
}

G_END_DECLS
