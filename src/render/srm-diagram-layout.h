/* srm-diagram-layout.h: the geometry of one painted diagram.
 *
 * The painter returns one from every layout and draw, so the view can hit-test
 * pointer events and move keyboard focus, and tests can check what was drawn
 * without reading pixels. A layout is immutable and reference counted.
 */
#pragma once

#include <cairo.h>
#include <glib-object.h>

#include "srm-model.h"

G_BEGIN_DECLS

typedef enum {
  SRM_DIAGRAM_COLUMN_MODEL,
  SRM_DIAGRAM_COLUMN_SERVICE,
} SrmDiagramColumnKind;

typedef struct {
  SrmDiagramColumnKind kind;
  char                *id;          /* a model id or a service id */
  char                *model_id;    /* the model column it belongs to (its own id for models) */
  char                *label;       /* short name of the model, or name of the service */
  cairo_rectangle_t    rect;        /* header and cells */
  cairo_rectangle_t    header_rect;
  /* Part of the selection: the selected model, selected services and their models. */
  gboolean             highlighted;
} SrmDiagramColumn;

typedef struct {
  char             *layer_id;
  char             *name;
  char             *group_id;     /* NULL in catalogs without groups */
  cairo_rectangle_t rect;         /* the label and all cells of the row */
  cairo_rectangle_t label_rect;
  /* FALSE when a spotlight is on and this layer is not in it. */
  gboolean          spotlit;
} SrmDiagramRow;

typedef struct {
  char             *group_id;
  char             *label;        /* the group's name, or its short name when space is tight */
  cairo_rectangle_t rect;         /* the label and the rows of the group */
} SrmDiagramBand;

typedef struct {
  guint             row;
  guint             column;
  const char       *layer_id;     /* owned by the row */
  const char       *column_id;    /* owned by the column */
  SrmOwner          owner;
  /* A service cell whose owner differs from its model's cell. */
  gboolean          is_override;
  gboolean          highlighted;
  cairo_rectangle_t rect;
} SrmDiagramCell;

/* A piece of text as drawn: @rect is where its ink may go, @bounds the box it
 * belongs to (its cell, header, label column or the canvas) and never leaves. */
typedef struct {
  const char       *text;         /* as shown, lines separated by '\n' */
  cairo_rectangle_t rect;
  cairo_rectangle_t bounds;
} SrmDiagramText;

#define SRM_TYPE_DIAGRAM_LAYOUT (srm_diagram_layout_get_type ())
typedef struct _SrmDiagramLayout SrmDiagramLayout;

GType                   srm_diagram_layout_get_type         (void) G_GNUC_CONST;
SrmDiagramLayout       *srm_diagram_layout_ref              (SrmDiagramLayout *self);
void                    srm_diagram_layout_unref            (SrmDiagramLayout *self);

double                  srm_diagram_layout_get_width        (SrmDiagramLayout *self);
double                  srm_diagram_layout_get_height       (SrmDiagramLayout *self);
/* The body font size in pixels the layout settled on. */
double                  srm_diagram_layout_get_font_size    (SrmDiagramLayout *self);

guint                   srm_diagram_layout_get_n_columns    (SrmDiagramLayout *self);
const SrmDiagramColumn *srm_diagram_layout_get_column       (SrmDiagramLayout *self,
                                                             guint             column);
guint                   srm_diagram_layout_get_n_rows       (SrmDiagramLayout *self);
const SrmDiagramRow    *srm_diagram_layout_get_row          (SrmDiagramLayout *self,
                                                             guint             row);
guint                   srm_diagram_layout_get_n_bands      (SrmDiagramLayout *self);
const SrmDiagramBand   *srm_diagram_layout_get_band         (SrmDiagramLayout *self,
                                                             guint             band);
/* Cells are stored row by row: n_rows × n_columns of them. */
guint                   srm_diagram_layout_get_n_cells      (SrmDiagramLayout *self);
const SrmDiagramCell   *srm_diagram_layout_get_cell         (SrmDiagramLayout *self,
                                                             guint             row,
                                                             guint             column);
const SrmDiagramCell   *srm_diagram_layout_get_nth_cell     (SrmDiagramLayout *self,
                                                             guint             index);
/* The owner word shown in a cell ("You", "Microsoft", "Shared"), or NULL when
 * the cell shows only its glyph. */
const char             *srm_diagram_layout_get_cell_text    (SrmDiagramLayout *self,
                                                             guint             row,
                                                             guint             column);
guint                   srm_diagram_layout_get_n_texts      (SrmDiagramLayout *self);
const SrmDiagramText   *srm_diagram_layout_get_text         (SrmDiagramLayout *self,
                                                             guint             index);

/* FALSE and a zero-sized rectangle when it is not shown. */
gboolean                srm_diagram_layout_get_legend_rect  (SrmDiagramLayout  *self,
                                                             cairo_rectangle_t *rect);
gboolean                srm_diagram_layout_get_summary_rect (SrmDiagramLayout  *self,
                                                             cairo_rectangle_t *rect);
gboolean                srm_diagram_layout_get_title_rect   (SrmDiagramLayout  *self,
                                                             cairo_rectangle_t *rect);
/* The summary sentence (see srm_diagram_painter_dup_summary), even when not shown. */
const char             *srm_diagram_layout_get_summary      (SrmDiagramLayout *self);

/* The cell under (@x, @y). FALSE in gutters, headers, labels and the legend. */
gboolean                srm_diagram_layout_hit_test         (SrmDiagramLayout *self,
                                                             double            x,
                                                             double            y,
                                                             guint            *row,
                                                             guint            *column);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SrmDiagramLayout, srm_diagram_layout_unref)

G_END_DECLS
