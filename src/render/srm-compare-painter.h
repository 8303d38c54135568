/* srm-compare-painter.h: draws a comparison (two models, two services or two
 * catalogs) as two matrices side by side with what differs marked.
 *
 * The two sides share one row order: matched rows line up, a row one table
 * lacks leaves a labelled gap on that side. Cells look exactly like the
 * diagram's (same palette, glyphs, split shared cells); each difference is
 * ringed, carries a numbered badge and has a line in words in the list under
 * or beside the matrices ("Operating system: moves to Microsoft"). Like the
 * diagram painter it works at any size and returns what it drew.
 */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "srm-model.h"
#include "srm-diagram-layout.h"
#include "srm-diagram-style.h"

G_BEGIN_DECLS

typedef enum {
  SRM_COMPARE_LEFT,
  SRM_COMPARE_RIGHT,
} SrmCompareSide;

typedef struct {
  guint             row;
  SrmCompareSide    side;
  guint             column;       /* within its side */
  const char       *layer_id;     /* that side's layer */
  const char       *column_id;    /* a model id, or a service id */
  SrmOwner          owner;
  /* SAME, or the change from the left cell to the right one (the same on both
   * sides), or LEFT_ONLY / RIGHT_ONLY for a row one table lacks. */
  SrmDifference     difference;
  guint             number;       /* its line in the list; 0: none */
  cairo_rectangle_t rect;
} SrmCompareCell;

typedef struct {
  const char       *left_layer_id;  /* NULL: the row is only in the right table */
  const char       *right_layer_id; /* NULL: only in the left table */
  const char       *name;           /* as labelled: the left name, then the right one if it differs */
  /* LEFT_ONLY or RIGHT_ONLY for a row with a gap, else SAME. */
  SrmDifference     difference;
  gboolean          differs;        /* any cell of the row differs */
  cairo_rectangle_t rect;
  cairo_rectangle_t gap_rect;       /* the empty side; zero-sized when none */
} SrmCompareRow;

typedef struct {
  guint             number;         /* 1, 2, …: the badge */
  SrmDifference     difference;
  guint             row;
  const char       *text;           /* "Operating system: moves to Microsoft" */
  cairo_rectangle_t rect;
} SrmCompareDifference;

#define SRM_TYPE_COMPARE_LAYOUT (srm_compare_layout_get_type ())
typedef struct _SrmCompareLayout SrmCompareLayout;

GType                       srm_compare_layout_get_type        (void) G_GNUC_CONST;
SrmCompareLayout           *srm_compare_layout_ref             (SrmCompareLayout *self);
void                        srm_compare_layout_unref           (SrmCompareLayout *self);
double                      srm_compare_layout_get_width       (SrmCompareLayout *self);
double                      srm_compare_layout_get_height      (SrmCompareLayout *self);
double                      srm_compare_layout_get_font_size   (SrmCompareLayout *self);
/* The number of columns on each side. */
guint                       srm_compare_layout_get_n_columns   (SrmCompareLayout *self);
guint                       srm_compare_layout_get_n_rows      (SrmCompareLayout *self);
const SrmCompareRow        *srm_compare_layout_get_row         (SrmCompareLayout *self,
                                                                guint             row);
/* The cells drawn, row by row, left side first; a gap has none. */
guint                       srm_compare_layout_get_n_cells     (SrmCompareLayout *self);
const SrmCompareCell       *srm_compare_layout_get_cell        (SrmCompareLayout *self,
                                                                guint             index);
guint                       srm_compare_layout_get_n_differences (SrmCompareLayout *self);
const SrmCompareDifference *srm_compare_layout_get_difference  (SrmCompareLayout *self,
                                                                guint             index);
/* Every text as drawn (and as written to SVG). */
guint                       srm_compare_layout_get_n_texts     (SrmCompareLayout *self);
const SrmDiagramText       *srm_compare_layout_get_text        (SrmCompareLayout *self,
                                                                guint             index);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SrmCompareLayout, srm_compare_layout_unref)

#define SRM_TYPE_COMPARE_PAINTER (srm_compare_painter_get_type ())
G_DECLARE_FINAL_TYPE (SrmComparePainter, srm_compare_painter, SRM, COMPARE_PAINTER, GObject)

SrmComparePainter *srm_compare_painter_new                (SrmComparison     *comparison);
SrmComparison     *srm_compare_painter_get_comparison     (SrmComparePainter *self);
void               srm_compare_painter_set_comparison     (SrmComparePainter *self,
                                                           SrmComparison     *comparison);
SrmDiagramStyle    srm_compare_painter_get_style          (SrmComparePainter *self);
void               srm_compare_painter_set_style          (SrmComparePainter *self,
                                                           SrmDiagramStyle    style);
/* "IaaS → PaaS", "AKS vs App Service", "Microsoft Azure vs January 2026 table". */
char              *srm_compare_painter_dup_title          (SrmComparePainter *self);

/* @height < 0: as tall as the content needs at @width. */
SrmCompareLayout  *srm_compare_painter_layout             (SrmComparePainter *self,
                                                           double             width,
                                                           double             height);
/* Paints into @cr at (0, 0) and returns the geometry it drew. */
SrmCompareLayout  *srm_compare_painter_draw               (SrmComparePainter *self,
                                                           cairo_t           *cr,
                                                           double             width,
                                                           double             height);
double             srm_compare_painter_get_natural_height (SrmComparePainter *self,
                                                           double             width);

/* One difference in words for people, as the list shows it:
 * "Operating system: moves to Microsoft",
 * "Configurations and settings: row only in “January 2026 table”". */
char              *srm_compare_describe_row               (SrmComparison     *comparison,
                                                           SrmComparisonRow  *row);

/* As srm_diagram_export_to_file(): PNG, SVG or PDF by @path's extension, text
 * kept as text, written through a temporary file; SRM_EXPORT_ERROR codes. */
gboolean           srm_compare_export_to_file             (SrmComparePainter *painter,
                                                           const char        *path,
                                                           int                width,
                                                           int                height,
                                                           double             scale,
                                                           GError           **error);
/* An ARGB32 image of width×scale by height×scale pixels (@height -1: natural). */
cairo_surface_t   *srm_compare_render_to_surface          (SrmComparePainter *painter,
                                                           int                width,
                                                           int                height,
                                                           double             scale);

G_END_DECLS
