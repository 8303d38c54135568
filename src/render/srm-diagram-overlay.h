/* srm-diagram-overlay.h: an assessment's progress drawn over the diagram.
 *
 * For each layer the customer owns or shares in the assessment's services (or
 * in the highlighted model columns when no service column is shown), a badge
 * at the right end of the row's label: a progress ring and "done/counted" for
 * that layer, and a "!" when one of its duties is overdue. One per row rather
 * than per cell, because scores are per layer and a cell's owner word must
 * stay readable. Words and shapes carry the meaning, the colours only repeat
 * it. Cairo and Pango only.
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

/* The text of the badge of @row's layer ("3/5", "3/5 !", "n/a"), or NULL when
 * the row gets none; one badge per layer row, drawn in its label area, so
 * @column is ignored. For tests and tooltips. */
char *srm_diagram_overlay_dup_badge_text (SrmDiagramLayout   *layout,
                                          SrmAssessmentScore *score,
                                          guint               row,
                                          guint               column);

G_END_DECLS
