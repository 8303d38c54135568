/* srm-diagram-overlay.h: an assessment's progress drawn over the diagram.
 *
 * On each customer or shared cell of the assessment's services (or of the
 * highlighted model columns when no service column is shown), a badge with a
 * progress ring and "done/counted" for that layer, and a "!" when a duty of
 * that layer and service is overdue. Words and shapes carry the meaning, the
 * colours only repeat it. Cairo and Pango only.
 */
#pragma once

#include <cairo.h>

#include "srm-diagram-layout.h"
#include "srm-diagram-style.h"
#include "srm-model.h"

G_BEGIN_DECLS

/* Draws over a diagram already drawn with @layout on @cr (same coordinates).
 * Returns the number of badges drawn. */
guint srm_diagram_overlay_draw       (cairo_t            *cr,
                                      SrmDiagramLayout   *layout,
                                      SrmAssessmentScore *score,
                                      SrmDiagramStyle     style);

/* The text of the badge for @layer_id on @column_id ("3/5", "3/5 !", "n/a"),
 * or NULL when that cell gets none. For tests and tooltips. */
char *srm_diagram_overlay_dup_badge_text (SrmDiagramLayout   *layout,
                                          SrmAssessmentScore *score,
                                          guint               row,
                                          guint               column);

G_END_DECLS
