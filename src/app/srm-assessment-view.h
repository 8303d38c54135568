/* srm-assessment-view.h: the page of an open assessment: its header, progress
 * overall and per layer, and every duty in scope, editable in place. */
#pragma once

#include <adwaita.h>

#include "srm-answer-row.h"
#include "srm-model.h"

G_BEGIN_DECLS

#define SRM_TYPE_ASSESSMENT_VIEW (srm_assessment_view_get_type ())
G_DECLARE_FINAL_TYPE (SrmAssessmentView, srm_assessment_view, SRM, ASSESSMENT_VIEW, AdwBin)

GtkWidget          *srm_assessment_view_new                (void);

/* (nullable) The document shown; it should be attached to its catalog. */
SrmAssessment      *srm_assessment_view_get_assessment     (SrmAssessmentView *self);
void                srm_assessment_view_set_assessment     (SrmAssessmentView *self,
                                                            SrmAssessment     *assessment);

/* The score behind the progress shown, NULL without a document. */
SrmAssessmentScore *srm_assessment_view_get_score          (SrmAssessmentView *self);
/* "45% done · 12 open gaps · 3 overdue", as shown. */
const char         *srm_assessment_view_get_progress_text  (SrmAssessmentView *self);

/* Filters, as the toggles and the owner search set them. */
void                srm_assessment_view_set_filter         (SrmAssessmentView *self,
                                                            gboolean           gaps_only,
                                                            gboolean           overdue_only,
                                                            const char        *owner);
/* The row of @duty_id, or NULL. */
SrmAnswerRow       *srm_assessment_view_get_row            (SrmAssessmentView *self,
                                                            const char        *duty_id);
/* How many rows the filters let through. */
guint               srm_assessment_view_get_n_visible_rows (SrmAssessmentView *self);
/* The group heading shown above @duty_id's row, or NULL if it starts no group:
 * "Identity and access", "No longer in the catalog". */
const char         *srm_assessment_view_get_group_title    (SrmAssessmentView *self,
                                                            const char        *duty_id);

G_END_DECLS
