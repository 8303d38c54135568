/* srm-assessment-private.h: what the assessment's document, answers, file
 * format, drafts and scoring share inside the model library.
 *
 * Not part of srm-model.h: views edit answers through the public setters, which
 * record undo steps; only the file reader builds answers field by field.
 */
#pragma once

#include <json-glib/json-glib.h>

#include "srm-answer.h"
#include "srm-assessment.h"

G_BEGIN_DECLS

/* The limits of a file we read; see docs/assessment-format.md. */
#define SRM_ASSESSMENT_MAX_DEPTH 32

typedef enum {
  SRM_ANSWER_FIELD_STATUS,
  SRM_ANSWER_FIELD_OWNER,
  SRM_ANSWER_FIELD_NOTES,
  SRM_ANSWER_FIELD_EVIDENCE,
  SRM_ANSWER_FIELD_DUE,
} SrmAnswerField;

/* One field's value, for undo steps. */
typedef struct {
  SrmAnswerStatus status;
  char           *text;     /* owner, notes, evidence */
  gboolean        has_due;
  GDate           due;
} SrmAnswerValue;

void        _srm_answer_value_clear   (SrmAnswerValue *value);

/* Fills a fresh answer from a file; takes over every pointer (transfer full);
 * @extra: the members this version does not know, or NULL. */
SrmAnswer  *_srm_answer_new_loaded    (char            *duty_id,
                                       char            *service_id,
                                       char            *layer_id,
                                       SrmAnswerStatus  status,
                                       char            *owner,
                                       char            *notes,
                                       char            *evidence,
                                       const GDate     *due,
                                       GDateTime       *changed,
                                       JsonObject      *extra);
JsonObject *_srm_answer_get_extra     (SrmAnswer       *self);
/* The document that records this answer's edits; not a reference. */
void        _srm_answer_set_document  (SrmAnswer       *self,
                                       SrmAssessment   *document);
/* @duty: (nullable) the catalog's duty, or NULL: the answer is then orphaned
 * if @attached. */
void        _srm_answer_resolve       (SrmAnswer       *self,
                                       SrmDuty         *duty,
                                       gboolean         attached);
/* Sets a field without recording an undo step (undo and redo themselves). */
void        _srm_answer_apply         (SrmAnswer            *self,
                                       SrmAnswerField        field,
                                       const SrmAnswerValue *value,
                                       GDateTime            *changed);

/* Called by an answer after one of its setters changed a field. */
void        _srm_assessment_answer_edited (SrmAssessment        *self,
                                           SrmAnswer            *answer,
                                           SrmAnswerField        field,
                                           const SrmAnswerValue *before,
                                           const SrmAnswerValue *after,
                                           GDateTime            *changed_before,
                                           GDateTime            *changed_after);

/* Everything a file holds, gathered by the reader; taken over (transfer full)
 * by _srm_assessment_new_from_contents(). */
typedef struct {
  char       *title;
  char       *organisation;
  char       *assessor;
  GDateTime  *created;
  GDateTime  *modified;
  char       *catalog_id;
  char       *catalog_version;
  GStrv       model_ids;
  GStrv       service_ids;
  GPtrArray  *answers;   /* of SrmAnswer, file order */
  JsonObject *extra;     /* unknown top-level members, or NULL */
  /* Or, from a reader that added the answers to their document as it read
   * them (_srm_assessment_append_loaded ()): that document, to fill in, and
   * its answers by duty id (keys and values borrowed from the answers). */
  SrmAssessment *document;
  GHashTable    *answer_by_duty;
} SrmAssessmentContents;

void           _srm_assessment_contents_clear     (SrmAssessmentContents *contents);
SrmAssessment *_srm_assessment_new_from_contents  (SrmAssessmentContents *contents);
/* Appends @n_answers loaded answers (transfer none) to a document that is
 * being read, which nobody watches yet. A file may hold 100,000 answers, more
 * than the cache does: adding each while it is in the cache, instead of in a
 * pass over all of them at the end, saves fetching every one again. */
void           _srm_assessment_append_loaded      (SrmAssessment         *self,
                                                   SrmAnswer            **answers,
                                                   guint                  n_answers);
JsonObject    *_srm_assessment_get_extra          (SrmAssessment         *self);
/* Marks a freshly built document as saved at @file (or unsaved, when NULL). */
void           _srm_assessment_set_saved          (SrmAssessment         *self,
                                                   GFile                 *file);
void           _srm_assessment_set_dirty          (SrmAssessment         *self,
                                                   gboolean               dirty);

/* The current time, UTC, in whole seconds (the precision of the file). */
GDateTime     *_srm_now_utc                       (void);

/* "NAME: PLACE: problem" or "NAME: problem", translated. */
void           _srm_assessment_set_error          (GError              **error,
                                                   SrmAssessmentError    code,
                                                   const char           *name,
                                                   const char           *place,
                                                   const char           *problem);
/* The name messages use for @file: its display basename. */
char          *_srm_assessment_display_name       (GFile                 *file);

G_END_DECLS
