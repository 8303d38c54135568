/* srm-quiz-window.h: the quiz a trainer puts on the projector at the end of a
 * session, generated from one catalog. */
#pragma once

#include <adwaita.h>

#include "srm-model.h"

G_BEGIN_DECLS

/* How an answer button is marked once the question is answered. */
typedef enum {
  SRM_QUIZ_MARK_NONE,          /* not answered yet, or neither chosen nor right */
  SRM_QUIZ_MARK_CHOSEN_RIGHT,  /* chosen, and right: "Correct" */
  SRM_QUIZ_MARK_CHOSEN_WRONG,  /* chosen, and wrong: "Not quite" */
  SRM_QUIZ_MARK_RIGHT_ANSWER,  /* the right answer, not chosen */
} SrmQuizMark;

#define SRM_TYPE_QUIZ_WINDOW (srm_quiz_window_get_type ())
G_DECLARE_FINAL_TYPE (SrmQuizWindow, srm_quiz_window, SRM, QUIZ_WINDOW, AdwWindow)

/* Transient for @parent (may be NULL), in @parent's application; shows the
 * start page with 10 questions (or as many as @catalog has) and a random seed. */
SrmQuizWindow   *srm_quiz_window_new             (GtkWindow     *parent,
                                                  SrmCatalog    *catalog);
SrmCatalog      *srm_quiz_window_get_catalog     (SrmQuizWindow *self);

/* The start page's settings, for the next srm_quiz_window_start(). */
guint            srm_quiz_window_get_count       (SrmQuizWindow *self);
void             srm_quiz_window_set_count       (SrmQuizWindow *self,
                                                  guint          count);
guint32          srm_quiz_window_get_seed        (SrmQuizWindow *self);
void             srm_quiz_window_set_seed        (SrmQuizWindow *self,
                                                  guint32        seed);

/* Generates the quiz from the start page's count and seed and shows its first
 * question. FALSE (with the reason on the start page) when the catalog has
 * nothing to ask. */
gboolean         srm_quiz_window_start           (SrmQuizWindow *self);
/* Answers the current question with choice @index (from 0). FALSE when there
 * is no such choice or the question is already answered. */
gboolean         srm_quiz_window_answer          (SrmQuizWindow *self,
                                                  guint          index);
/* After an answer: the next question, or the result page after the last one. */
gboolean         srm_quiz_window_next            (SrmQuizWindow *self);
/* The same questions again (same count and seed). */
void             srm_quiz_window_try_again       (SrmQuizWindow *self);
/* Back to the start page with a new random seed. */
void             srm_quiz_window_new_quiz        (SrmQuizWindow *self);
/* What a key press does on the window (1–4 answer; Enter, Right or Space go
 * on once answered): the window's own key controller calls it. TRUE when the
 * key was used. */
gboolean         srm_quiz_window_handle_key      (SrmQuizWindow  *self,
                                                  guint           keyval,
                                                  GdkModifierType state);

/* State, as a user sees it. */
/* "start", "question" or "result". */
const char      *srm_quiz_window_get_page        (SrmQuizWindow *self);
/* NULL before the first start. */
SrmQuiz         *srm_quiz_window_get_quiz        (SrmQuizWindow *self);
/* Index of the question shown, from 0. */
guint            srm_quiz_window_get_position    (SrmQuizWindow *self);
guint            srm_quiz_window_get_score       (SrmQuizWindow *self);
gboolean         srm_quiz_window_is_answered     (SrmQuizWindow *self);
SrmQuizMark      srm_quiz_window_get_mark        (SrmQuizWindow *self,
                                                  guint          index);
GtkWidget       *srm_quiz_window_get_answer_button (SrmQuizWindow *self,
                                                    guint          index);
/* The reason shown after an answer; NULL while it is hidden. */
const char      *srm_quiz_window_get_reason_text (SrmQuizWindow *self);
/* The result page's score line, e.g. "7 of 10". */
const char      *srm_quiz_window_get_result_text (SrmQuizWindow *self);
/* The missed questions, in the order they were asked, with the choice given. */
guint            srm_quiz_window_get_n_missed    (SrmQuizWindow *self);
SrmQuizQuestion *srm_quiz_window_get_missed      (SrmQuizWindow *self,
                                                  guint          index,
                                                  guint         *chosen);

G_END_DECLS
