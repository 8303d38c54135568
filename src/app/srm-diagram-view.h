/* srm-diagram-view.h: the shared responsibility diagram on screen.
 *
 * Paints the selection with an SrmDiagramPainter, follows the system's light,
 * dark and high-contrast looks, animates selection changes, and lets pointer
 * and keyboard users explore it cell by cell. */
#pragma once

#include <adwaita.h>

#include "srm-model.h"
#include "srm-diagram-painter.h"

G_BEGIN_DECLS

#define SRM_TYPE_DIAGRAM_VIEW (srm_diagram_view_get_type ())
G_DECLARE_FINAL_TYPE (SrmDiagramView, srm_diagram_view, SRM, DIAGRAM_VIEW, GtkWidget)

GtkWidget          *srm_diagram_view_new                    (SrmSelection   *selection);

SrmSelection       *srm_diagram_view_get_selection          (SrmDiagramView *self);
void                srm_diagram_view_set_selection          (SrmDiagramView *self,
                                                             SrmSelection   *selection);
SrmDiagramStyle     srm_diagram_view_get_style              (SrmDiagramView *self);
/* Also turns off follow-system-style. */
void                srm_diagram_view_set_style              (SrmDiagramView *self,
                                                             SrmDiagramStyle style);
/* TRUE (the default): light, dark or contrast as AdwStyleManager says. */
gboolean            srm_diagram_view_get_follow_system_style (SrmDiagramView *self);
void                srm_diagram_view_set_follow_system_style (SrmDiagramView *self,
                                                              gboolean        follow);
/* Layer ids kept bright while the others are dimmed; NULL or empty: all bright. */
const char * const *srm_diagram_view_get_spotlight_layers   (SrmDiagramView *self);
void                srm_diagram_view_set_spotlight_layers   (SrmDiagramView *self,
                                                             const char * const *layer_ids);

/* The painter behind the view (same selection and style), for exporting exactly
 * what is on screen. Owned by the view. */
SrmDiagramPainter  *srm_diagram_view_get_painter            (SrmDiagramView *self);

/* The geometry last drawn, or NULL before the first draw. Owned by the view. */
SrmDiagramLayout   *srm_diagram_view_get_layout             (SrmDiagramView *self);
/* Ids of the highlighted columns, left to right, at the current size. */
char              **srm_diagram_view_get_highlighted_column_ids (SrmDiagramView *self);

/* The keyboard focus cell as (row, column) of the layout; -1, -1 before the
 * view was first focused. Until the user moves it, it sits at the top of the
 * first highlighted column (or the top left), following the selection. */
void                srm_diagram_view_get_focus_cell         (SrmDiagramView *self,
                                                             int            *row,
                                                             int            *column);
/* Moves the focus cell by (@drow, @dcolumn), stopping at the edges. */
void                srm_diagram_view_move_focus             (SrmDiagramView *self,
                                                             int             drow,
                                                             int             dcolumn);
/* Emits ::cell-activated for the focus cell, as Enter does. */
void                srm_diagram_view_activate_focus_cell    (SrmDiagramView *self);
/* "Operating system, PaaS: Microsoft", the accessible label; NULL without a focus cell. */
char               *srm_diagram_view_dup_focused_cell_label (SrmDiagramView *self);
/* The tooltip shown at (@x, @y) in widget coordinates; NULL outside the cells. */
char               *srm_diagram_view_dup_tooltip_at         (SrmDiagramView *self,
                                                             double          x,
                                                             double          y);
/* An assessment's progress drawn over the customer and shared cells of its
 * services (see srm-diagram-overlay.h); NULL (the default) for none. Scores
 * are snapshots: set a new one after the document changed. */
SrmAssessmentScore *srm_diagram_view_get_assessment_score   (SrmDiagramView     *self);
void                srm_diagram_view_set_assessment_score   (SrmDiagramView     *self,
                                                             SrmAssessmentScore *score);
/* How far the selection-change transition is: 1 when none is running. */
double              srm_diagram_view_get_transition_progress (SrmDiagramView *self);

G_END_DECLS
