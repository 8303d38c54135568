/* test-quiz-window.c: the quiz window, for real, on a virtual display.
 *
 * What the room notices: the questions on screen are the generator's for the
 * seed the trainer gave, the keys 1–4 answer, right and wrong are marked and
 * explained, the result counts right, and "Try Again" asks the same again.
 */
#include <adwaita.h>

#include "srm-application.h"
#include "srm-test-util.h"
#include "srm-quiz-window.h"
#include "srm-window.h"

#define SEED 4242
#define COUNT 5

typedef struct {
  SrmWindow     *window;
  SrmCatalog    *catalog;
  SrmQuizWindow *quiz_window;
} Fixture;

/* One application for the whole program: it owns its D-Bus name until exit. */
static SrmApplication *the_application;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new ("io.github.srmexplorer.SrmExplorer");
  SrmCatalogRegistry *registry = srm_application_get_registry (the_application);

  g_settings_reset (settings, "catalog");
  fixture->window = srm_window_new (the_application);
  gtk_window_present (GTK_WINDOW (fixture->window));
  fixture->catalog = srm_catalog_registry_lookup (registry, "azure");
  g_assert_nonnull (fixture->catalog);
  fixture->quiz_window = srm_quiz_window_new (GTK_WINDOW (fixture->window), fixture->catalog);
  gtk_window_present (GTK_WINDOW (fixture->quiz_window));
  srm_test_run_for (200);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->quiz_window));
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  srm_test_drain ();
}

static SrmQuiz *
generate_expected (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  SrmQuiz *quiz = srm_quiz_generate (fixture->catalog, COUNT, SEED, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (srm_quiz_get_n_questions (quiz), ==, COUNT);
  return quiz;
}

static void
start_quiz (Fixture *fixture)
{
  srm_quiz_window_set_count (fixture->quiz_window, COUNT);
  srm_quiz_window_set_seed (fixture->quiz_window, SEED);
  g_assert_true (srm_quiz_window_start (fixture->quiz_window));
  srm_test_run_for (100);
  g_assert_cmpstr (srm_quiz_window_get_page (fixture->quiz_window), ==, "question");
}

static SrmQuizQuestion *
shown_question (Fixture *fixture)
{
  return srm_quiz_get_question (srm_quiz_window_get_quiz (fixture->quiz_window),
                                srm_quiz_window_get_position (fixture->quiz_window));
}

static guint
wrong_choice (SrmQuizQuestion *question)
{
  return (srm_quiz_question_get_answer (question) + 1) % srm_quiz_question_get_n_choices (question);
}

static void
test_start_page (Fixture       *fixture,
                 gconstpointer  data)
{
  SrmQuizWindow *quiz_window = fixture->quiz_window;

  g_assert_cmpstr (srm_quiz_window_get_page (quiz_window), ==, "start");
  g_assert_cmpuint (srm_quiz_window_get_count (quiz_window), ==, 10);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (quiz_window)) == GTK_WINDOW (fixture->window));
  g_assert_false (gtk_window_get_modal (GTK_WINDOW (quiz_window)));
  /* More than the catalog can give is clamped, so the quiz never runs short. */
  srm_quiz_window_set_count (quiz_window, 100000);
  g_assert_cmpuint (srm_quiz_window_get_count (quiz_window), ==, srm_quiz_count_available (fixture->catalog));
  /* Keys are for the questions: on the start page they do nothing. */
  g_assert_false (srm_quiz_window_handle_key (quiz_window, GDK_KEY_1, 0));
  g_assert_cmpstr (srm_quiz_window_get_page (quiz_window), ==, "start");
}

static void
test_first_question_matches_generator (Fixture       *fixture,
                                       gconstpointer  data)
{
  g_autoptr(SrmQuiz) expected = generate_expected (fixture);
  SrmQuizQuestion *want = srm_quiz_get_question (expected, 0);
  SrmQuizQuestion *shown;

  start_quiz (fixture);
  shown = shown_question (fixture);
  g_assert_cmpuint (srm_quiz_window_get_position (fixture->quiz_window), ==, 0);
  g_assert_cmpuint (srm_quiz_get_seed (srm_quiz_window_get_quiz (fixture->quiz_window)), ==, SEED);
  g_assert_cmpstr (srm_quiz_question_get_text (shown), ==, srm_quiz_question_get_text (want));
  g_assert_true (g_strv_equal (srm_quiz_question_get_choices (shown), srm_quiz_question_get_choices (want)));
  g_assert_cmpuint (srm_quiz_question_get_answer (shown), ==, srm_quiz_question_get_answer (want));

  /* One button per choice, the rest hidden; nothing marked, no reason yet. */
  for (guint i = 0; i < 4; i++)
    {
      GtkWidget *button = srm_quiz_window_get_answer_button (fixture->quiz_window, i);

      g_assert_cmpint (gtk_widget_get_visible (button), ==, i < srm_quiz_question_get_n_choices (want));
      g_assert_cmpint (srm_quiz_window_get_mark (fixture->quiz_window, i), ==, SRM_QUIZ_MARK_NONE);
    }
  g_assert_null (srm_quiz_window_get_reason_text (fixture->quiz_window));
  g_assert_false (srm_quiz_window_is_answered (fixture->quiz_window));
}

static void
test_right_answer_by_key (Fixture       *fixture,
                          gconstpointer  data)
{
  SrmQuizQuestion *question;
  guint answer;
  GtkWidget *button;

  start_quiz (fixture);
  question = shown_question (fixture);
  answer = srm_quiz_question_get_answer (question);
  g_assert_cmpuint (srm_quiz_window_get_score (fixture->quiz_window), ==, 0);

  g_assert_true (srm_quiz_window_handle_key (fixture->quiz_window, GDK_KEY_1 + answer, 0));
  srm_test_run_for (50);
  g_assert_true (srm_quiz_window_is_answered (fixture->quiz_window));
  g_assert_cmpuint (srm_quiz_window_get_score (fixture->quiz_window), ==, 1);
  g_assert_cmpstr (srm_quiz_window_get_reason_text (fixture->quiz_window), ==,
                   srm_quiz_question_get_reason (question));
  g_assert_cmpint (srm_quiz_window_get_mark (fixture->quiz_window, answer), ==, SRM_QUIZ_MARK_CHOSEN_RIGHT);
  button = srm_quiz_window_get_answer_button (fixture->quiz_window, answer);
  g_assert_true (gtk_widget_has_css_class (button, "chosen-right"));
  g_assert_cmpuint (srm_quiz_window_get_n_missed (fixture->quiz_window), ==, 0);

  /* A second answer to the same question counts for nothing. */
  g_assert_true (srm_quiz_window_handle_key (fixture->quiz_window, GDK_KEY_KP_1 + wrong_choice (question), 0));
  g_assert_cmpuint (srm_quiz_window_get_score (fixture->quiz_window), ==, 1);
  g_assert_cmpuint (srm_quiz_window_get_n_missed (fixture->quiz_window), ==, 0);

  /* Enter goes on to the next question, which starts unanswered. */
  g_assert_true (srm_quiz_window_handle_key (fixture->quiz_window, GDK_KEY_Return, 0));
  g_assert_cmpuint (srm_quiz_window_get_position (fixture->quiz_window), ==, 1);
  g_assert_false (srm_quiz_window_is_answered (fixture->quiz_window));
  g_assert_null (srm_quiz_window_get_reason_text (fixture->quiz_window));
  /* … and Enter before an answer does not skip it. */
  g_assert_false (srm_quiz_window_handle_key (fixture->quiz_window, GDK_KEY_Right, 0));
  g_assert_cmpuint (srm_quiz_window_get_position (fixture->quiz_window), ==, 1);
}

static void
test_wrong_answer_is_marked_and_reviewed (Fixture       *fixture,
                                          gconstpointer  data)
{
  SrmQuizQuestion *question;
  SrmQuizQuestion *missed;
  guint answer, wrong, chosen = G_MAXUINT;

  start_quiz (fixture);
  question = shown_question (fixture);
  answer = srm_quiz_question_get_answer (question);
  wrong = wrong_choice (question);

  g_assert_true (srm_quiz_window_handle_key (fixture->quiz_window, GDK_KEY_KP_1 + wrong, 0));
  srm_test_run_for (50);
  g_assert_cmpuint (srm_quiz_window_get_score (fixture->quiz_window), ==, 0);
  g_assert_cmpint (srm_quiz_window_get_mark (fixture->quiz_window, wrong), ==, SRM_QUIZ_MARK_CHOSEN_WRONG);
  g_assert_true (gtk_widget_has_css_class (srm_quiz_window_get_answer_button (fixture->quiz_window, wrong),
                                           "chosen-wrong"));
  /* The right one is marked too, and the reason says why. */
  g_assert_cmpint (srm_quiz_window_get_mark (fixture->quiz_window, answer), ==, SRM_QUIZ_MARK_RIGHT_ANSWER);
  g_assert_cmpstr (srm_quiz_window_get_reason_text (fixture->quiz_window), ==,
                   srm_quiz_question_get_reason (question));

  g_assert_cmpuint (srm_quiz_window_get_n_missed (fixture->quiz_window), ==, 1);
  missed = srm_quiz_window_get_missed (fixture->quiz_window, 0, &chosen);
  g_assert_true (missed == question);
  g_assert_cmpuint (chosen, ==, wrong);
}

/* Right on even questions, wrong on odd ones: 3 of 5. */
static void
answer_all (Fixture *fixture)
{
  for (guint i = 0; i < COUNT; i++)
    {
      SrmQuizQuestion *question = shown_question (fixture);
      guint choice = i % 2 == 0 ? srm_quiz_question_get_answer (question) : wrong_choice (question);

      g_assert_cmpuint (srm_quiz_window_get_position (fixture->quiz_window), ==, i);
      g_assert_true (srm_quiz_window_answer (fixture->quiz_window, choice));
      g_assert_true (srm_quiz_window_handle_key (fixture->quiz_window, i % 2 ? GDK_KEY_space : GDK_KEY_Right, 0));
    }
  srm_test_run_for (100);
}

static void
test_result_and_try_again (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(SrmQuiz) expected = generate_expected (fixture);
  SrmQuizQuestion *missed;
  guint chosen;

  start_quiz (fixture);
  answer_all (fixture);

  g_assert_cmpstr (srm_quiz_window_get_page (fixture->quiz_window), ==, "result");
  g_assert_cmpuint (srm_quiz_window_get_score (fixture->quiz_window), ==, 3);
  g_assert_cmpstr (srm_quiz_window_get_result_text (fixture->quiz_window), ==, "3 of 5");
  g_assert_cmpuint (srm_quiz_window_get_n_missed (fixture->quiz_window), ==, 2);
  missed = srm_quiz_window_get_missed (fixture->quiz_window, 1, &chosen);
  g_assert_cmpstr (srm_quiz_question_get_text (missed), ==,
                   srm_quiz_question_get_text (srm_quiz_get_question (expected, 3)));
  g_assert_cmpuint (chosen, ==, wrong_choice (missed));
  /* Keys do not answer anything on the result page. */
  g_assert_false (srm_quiz_window_handle_key (fixture->quiz_window, GDK_KEY_Return, 0));

  /* Try Again: the same questions, in the same order, from a clean score. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->quiz_window), "quiz.try-again", NULL);
  srm_test_run_for (100);
  g_assert_cmpstr (srm_quiz_window_get_page (fixture->quiz_window), ==, "question");
  g_assert_cmpuint (srm_quiz_window_get_score (fixture->quiz_window), ==, 0);
  g_assert_cmpuint (srm_quiz_window_get_n_missed (fixture->quiz_window), ==, 0);
  for (guint i = 0; i < COUNT; i++)
    {
      SrmQuizQuestion *question = shown_question (fixture);

      g_assert_cmpstr (srm_quiz_question_get_text (question), ==,
                       srm_quiz_question_get_text (srm_quiz_get_question (expected, i)));
      g_assert_true (g_strv_equal (srm_quiz_question_get_choices (question),
                                   srm_quiz_question_get_choices (srm_quiz_get_question (expected, i))));
      srm_quiz_window_answer (fixture->quiz_window, srm_quiz_question_get_answer (question));
      srm_quiz_window_next (fixture->quiz_window);
    }
  g_assert_cmpstr (srm_quiz_window_get_result_text (fixture->quiz_window), ==, "5 of 5");
  g_assert_cmpuint (srm_quiz_window_get_n_missed (fixture->quiz_window), ==, 0);

  /* New Quiz: back to the start page, ready for another seed. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->quiz_window), "quiz.new-quiz", NULL);
  g_assert_cmpstr (srm_quiz_window_get_page (fixture->quiz_window), ==, "start");
  g_assert_cmpuint (srm_quiz_window_get_count (fixture->quiz_window), ==, COUNT);
}

static SrmQuizWindow *
find_quiz_window (SrmWindow *parent)
{
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (the_application));
  SrmQuizWindow *found = NULL;

  for (GList *l = windows; l != NULL; l = l->next)
    if (SRM_IS_QUIZ_WINDOW (l->data) && gtk_window_get_transient_for (l->data) == GTK_WINDOW (parent))
      {
        g_assert_null (found);
        found = l->data;
      }
  return found;
}

static void
test_window_action_opens_quiz (Fixture       *fixture,
                               gconstpointer  data)
{
  SrmWindow *window = srm_window_new (the_application);
  SrmQuizWindow *opened;

  gtk_window_present (GTK_WINDOW (window));
  srm_test_run_for (200);
  g_assert_null (find_quiz_window (window));

  g_action_group_activate_action (G_ACTION_GROUP (window), "quiz", NULL);
  srm_test_run_for (200);
  opened = find_quiz_window (window);
  g_assert_nonnull (opened);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (opened)));
  g_assert_true (srm_quiz_window_get_catalog (opened) == srm_window_get_catalog (window));
  g_assert_cmpstr (srm_quiz_window_get_page (opened), ==, "start");

  /* Asking again brings the same quiz back rather than a second one. */
  g_action_group_activate_action (G_ACTION_GROUP (window), "quiz", NULL);
  srm_test_run_for (100);
  g_assert_true (find_quiz_window (window) == opened);

  gtk_window_destroy (GTK_WINDOW (opened));
  gtk_window_destroy (GTK_WINDOW (window));
  srm_test_drain ();
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  the_application = srm_application_new ();
  g_application_register (G_APPLICATION (the_application), NULL, &error);
  g_assert_no_error (error);

  g_test_add ("/quiz-window/start-page", Fixture, NULL, fixture_set_up, test_start_page, fixture_tear_down);
  g_test_add ("/quiz-window/first-question", Fixture, NULL, fixture_set_up, test_first_question_matches_generator, fixture_tear_down);
  g_test_add ("/quiz-window/right-answer", Fixture, NULL, fixture_set_up, test_right_answer_by_key, fixture_tear_down);
  g_test_add ("/quiz-window/wrong-answer", Fixture, NULL, fixture_set_up, test_wrong_answer_is_marked_and_reviewed, fixture_tear_down);
  g_test_add ("/quiz-window/result-try-again", Fixture, NULL, fixture_set_up, test_result_and_try_again, fixture_tear_down);
  g_test_add ("/quiz-window/win-quiz-action", Fixture, NULL, fixture_set_up, test_window_action_opens_quiz, fixture_tear_down);

  status = g_test_run ();
  g_clear_object (&the_application);
  return status;
}
