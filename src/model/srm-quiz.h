/* srm-quiz.h: a quiz generated from a catalog, to check what a room learned.
 *
 * Questions are never written by hand: they are derived from the catalog's
 * matrix and services, so they are as right as the catalog. The same catalog,
 * count and seed always give the same questions (GRand is the same Mersenne
 * Twister on every platform), so a trainer can print the answer key for a quiz
 * the room takes on screen.
 */
#pragma once

#include <json-glib/json-glib.h>

#include "srm-catalog.h"
#include "srm-quiz-question.h"

G_BEGIN_DECLS

#define SRM_QUIZ_ERROR (srm_quiz_error_quark ())
GQuark srm_quiz_error_quark (void);

typedef enum {
  SRM_QUIZ_ERROR_INVALID_COUNT, /* asked for no questions */
  SRM_QUIZ_ERROR_NO_QUESTIONS,  /* the catalog cannot produce a single question */
} SrmQuizError;

#define SRM_TYPE_QUIZ (srm_quiz_get_type ())
G_DECLARE_FINAL_TYPE (SrmQuiz, srm_quiz, SRM, QUIZ, GObject)

/* @count questions, all different (no two share a text), mixing the kinds.
 * When the catalog cannot produce @count distinct questions the quiz has
 * fewer: compare srm_quiz_get_n_questions() with srm_quiz_get_n_requested().
 * Fails only when it cannot produce any. */
SrmQuiz         *srm_quiz_generate          (SrmCatalog  *catalog,
                                             guint        count,
                                             guint32      seed,
                                             GError     **error);
/* How many distinct questions srm_quiz_generate() can make from @catalog. */
guint            srm_quiz_count_available   (SrmCatalog  *catalog);

guint32          srm_quiz_get_seed          (SrmQuiz     *self);
const char      *srm_quiz_get_catalog_id    (SrmQuiz     *self);
guint            srm_quiz_get_n_requested   (SrmQuiz     *self);
/* A GListModel of SrmQuizQuestion. */
GListModel      *srm_quiz_get_questions     (SrmQuiz     *self);
guint            srm_quiz_get_n_questions   (SrmQuiz     *self);
/* Borrowed; NULL when @index is out of range. */
SrmQuizQuestion *srm_quiz_get_question      (SrmQuiz     *self,
                                             guint        index);

/* {"seed": N, "questions": [{"kind": "owner", "text": …, "choices": […],
 *  "answer": INDEX, "catalog": "azure", "layer": "Operating system",
 *  "model": "paas"}, …]}; see docs/quiz.md for the other kinds. */
JsonNode        *srm_quiz_to_json           (SrmQuiz     *self);

G_END_DECLS
