/* srm-answer.h: a team's answer for one customer duty of one service in an
 * assessment: how far it is done, by whom, with what evidence, by when.
 *
 * Answers belong to an SrmAssessment, which records every edit made through
 * the setters below for undo and redo. Setting a field to the value it already
 * has does nothing: no notification, no undo step, no change of time.
 */
#pragma once

#include <glib-object.h>

#include "srm-duty.h"

G_BEGIN_DECLS

/* The order is the order of progress and of the status menu; the nicks
 * ("not-assessed", …) are the spelling of the file format. */
typedef enum {
  SRM_ANSWER_STATUS_NOT_ASSESSED,
  SRM_ANSWER_STATUS_NOT_STARTED,
  SRM_ANSWER_STATUS_IN_PROGRESS,
  SRM_ANSWER_STATUS_IMPLEMENTED,
  SRM_ANSWER_STATUS_NOT_APPLICABLE,
  SRM_ANSWER_STATUS_RISK_ACCEPTED,
} SrmAnswerStatus;

#define SRM_TYPE_ANSWER_STATUS (srm_answer_status_get_type ())
GType            srm_answer_status_get_type    (void) G_GNUC_CONST;

/* "not-assessed", "in-progress", …: the file format's spelling. */
const char      *srm_answer_status_to_string   (SrmAnswerStatus  status);
gboolean         srm_answer_status_from_string (const char      *text,
                                                SrmAnswerStatus *status);
/* Translated, for people: "Not assessed", "In progress", … */
const char      *srm_answer_status_get_label   (SrmAnswerStatus  status);

#define SRM_TYPE_ANSWER (srm_answer_get_type ())
G_DECLARE_FINAL_TYPE (SrmAnswer, srm_answer, SRM, ANSWER, GObject)

/* A detached answer (status not-assessed); SrmAssessment makes its own. */
SrmAnswer       *srm_answer_new                (const char      *duty_id,
                                                const char      *service_id);

const char      *srm_answer_get_duty_id        (SrmAnswer       *self);
const char      *srm_answer_get_service_id     (SrmAnswer       *self);
/* The duty's layer: from the catalog once attached, else as the file recorded
 * it; NULL if neither knows. */
const char      *srm_answer_get_layer_id       (SrmAnswer       *self);
/* The catalog's duty once the assessment is attached to a catalog that has it;
 * else NULL. Borrowed. */
SrmDuty         *srm_answer_get_duty           (SrmAnswer       *self);
/* TRUE when the assessment is attached to a catalog without this duty. Such
 * answers are kept, saved and scored: they are the team's work. */
gboolean         srm_answer_get_orphaned       (SrmAnswer       *self);

SrmAnswerStatus  srm_answer_get_status         (SrmAnswer       *self);
void             srm_answer_set_status         (SrmAnswer       *self,
                                                SrmAnswerStatus  status);
/* The person or team who owns the duty; never NULL, "" when unset. */
const char      *srm_answer_get_owner          (SrmAnswer       *self);
void             srm_answer_set_owner          (SrmAnswer       *self,
                                                const char      *owner);
/* Free text; never NULL, "" when unset. */
const char      *srm_answer_get_notes          (SrmAnswer       *self);
void             srm_answer_set_notes          (SrmAnswer       *self,
                                                const char      *notes);
/* Free text or a link (https://…); never NULL, "" when unset. */
const char      *srm_answer_get_evidence       (SrmAnswer       *self);
void             srm_answer_set_evidence       (SrmAnswer       *self,
                                                const char      *evidence);
/* The due date, or NULL for none. */
const GDate     *srm_answer_get_due            (SrmAnswer       *self);
/* @due: (nullable) a valid date, or NULL to clear it. */
void             srm_answer_set_due            (SrmAnswer       *self,
                                                const GDate     *due);
/* When a field last changed (UTC, whole seconds), or NULL if never. */
GDateTime       *srm_answer_get_changed        (SrmAnswer       *self);

G_END_DECLS
