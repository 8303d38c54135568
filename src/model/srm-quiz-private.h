/* srm-quiz-private.h: how the quiz generator builds its questions, which are
 * immutable afterwards. */
#pragma once

#include "srm-quiz-question.h"

G_BEGIN_DECLS

typedef struct {
  SrmQuizKind  kind;
  const char  *text;
  const char  *reason;
  const char  *catalog_id;
  const char  *layer_id;
  const char  *layer_name;
  const char  *model_id;
  const char  *service_id;
  const char  *from_model_id;
  const char  *to_model_id;
  GPtrArray   *choices;     /* of char *, borrowed */
  GPtrArray   *choice_ids;  /* of char *, borrowed */
  guint        answer;
  GListStore  *sources;     /* of SrmSource, borrowed */
} SrmQuizQuestionContents;

/* Copies everything in @contents. */
SrmQuizQuestion *_srm_quiz_question_new (const SrmQuizQuestionContents *contents);

G_END_DECLS
