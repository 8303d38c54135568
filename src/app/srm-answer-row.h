/* srm-answer-row.h: one duty of an assessment, editable in place: status,
 * owner, due date, evidence and notes of its SrmAnswer. */
#pragma once

#include <adwaita.h>

#include "srm-model.h"

G_BEGIN_DECLS

#define SRM_TYPE_ANSWER_ROW (srm_answer_row_get_type ())
G_DECLARE_FINAL_TYPE (SrmAnswerRow, srm_answer_row, SRM, ANSWER_ROW, GtkListBoxRow)

/* @assessment: the document @answer belongs to, for sealing undo steps when a
 * text field loses focus. @catalog: (nullable) names the service. */
GtkWidget   *srm_answer_row_new               (SrmAssessment *assessment,
                                               SrmAnswer     *answer,
                                               SrmCatalog    *catalog);
SrmAnswer   *srm_answer_row_get_answer        (SrmAnswerRow  *self);

/* The editors, for tests and keyboard focus. */
GtkDropDown *srm_answer_row_get_status_drop_down (SrmAnswerRow *self);
GtkEditable *srm_answer_row_get_owner_entry      (SrmAnswerRow *self);
GtkEditable *srm_answer_row_get_evidence_entry   (SrmAnswerRow *self);
/* The due date as shown ("No due date", "12 Mar 2027"). */
const char  *srm_answer_row_get_due_text         (SrmAnswerRow *self);

/* TRUE for a URL the evidence link button would open. */
gboolean     srm_answer_row_evidence_is_link     (const char   *evidence);

G_END_DECLS
