/* srm-quiz-question.h: one multiple-choice question generated from a catalog,
 * with its answer key, the reason for the answer and where that comes from. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef enum {
  SRM_QUIZ_KIND_OWNER,            /* who owns layer L in model M? */
  SRM_QUIZ_KIND_ALWAYS_CUSTOMER,  /* which of these layers is yours in every model? */
  SRM_QUIZ_KIND_SERVICE_MODEL,    /* which model does service S follow? */
  SRM_QUIZ_KIND_MODEL_CHANGE,     /* going from column A to the next, which layer changes so? */
} SrmQuizKind;

#define SRM_TYPE_QUIZ_KIND (srm_quiz_kind_get_type ())
GType        srm_quiz_kind_get_type  (void) G_GNUC_CONST;
/* "owner", "always-customer", "service-model", "model-change": the JSON spelling. */
const char  *srm_quiz_kind_to_string (SrmQuizKind kind);

#define SRM_TYPE_QUIZ_QUESTION (srm_quiz_question_get_type ())
G_DECLARE_FINAL_TYPE (SrmQuizQuestion, srm_quiz_question, SRM, QUIZ_QUESTION, GObject)

SrmQuizKind         srm_quiz_question_get_kind          (SrmQuizQuestion *self);
/* Translated. */
const char         *srm_quiz_question_get_text          (SrmQuizQuestion *self);
/* 2 to 4 distinct labels, NULL-terminated. */
const char * const *srm_quiz_question_get_choices       (SrmQuizQuestion *self);
guint               srm_quiz_question_get_n_choices     (SrmQuizQuestion *self);
/* What each choice stands for: an owner ("customer"…), a layer id or a model id. */
const char * const *srm_quiz_question_get_choice_ids    (SrmQuizQuestion *self);
/* Index of the one correct choice. */
guint               srm_quiz_question_get_answer        (SrmQuizQuestion *self);
/* Why the answer is right, in a sentence or two; translated apart from the
 * catalog's own notes. */
const char         *srm_quiz_question_get_reason        (SrmQuizQuestion *self);
/* A GListModel of SrmSource: where the reason comes from. */
GListModel         *srm_quiz_question_get_sources       (SrmQuizQuestion *self);

/* What the question is about; NULL where a kind has no such thing. For
 * always-customer and model-change questions the layer is the correct answer. */
const char         *srm_quiz_question_get_catalog_id    (SrmQuizQuestion *self);
const char         *srm_quiz_question_get_layer_id      (SrmQuizQuestion *self);
const char         *srm_quiz_question_get_layer_name    (SrmQuizQuestion *self);
const char         *srm_quiz_question_get_model_id      (SrmQuizQuestion *self);
const char         *srm_quiz_question_get_service_id    (SrmQuizQuestion *self);
const char         *srm_quiz_question_get_from_model_id (SrmQuizQuestion *self);
const char         *srm_quiz_question_get_to_model_id   (SrmQuizQuestion *self);

G_END_DECLS
