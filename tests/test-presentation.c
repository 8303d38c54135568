/* test-presentation.c: presentation mode and tours, for real, on a virtual display.
 *
 * What a presenter notices: F5 fills the screen, the clicker's keys step
 * through the tour (or the columns), B blanks, C hides the caption, Escape
 * leaves with the window as it was, and a broken tour says what is wrong.
 * Keys go through srm_presentation_handle_key(), as the key controller does.
 */
#include <adwaita.h>

#include "srm-application.h"
#include "srm-test-util.h"
#include "srm-presentation.h"
#include "srm-window.h"

typedef struct {
  SrmApplication *application;
  SrmWindow      *window;
} Fixture;

/* One application for the whole program: it owns its D-Bus name until exit. */
static SrmApplication *the_application;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  srm_test_reset_settings ();
  fixture->application = the_application;
  fixture->window = srm_window_new (fixture->application);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1024, 700);
  gtk_window_present (GTK_WINDOW (fixture->window));
  srm_test_run_for (200);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  /* The presentation and any dialog go with their window. */
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  srm_test_drain ();
}

static SrmPresentation *
present_builtin (Fixture    *fixture,
                 const char *tour_id)
{
  SrmPresentation *presentation;

  g_action_group_activate_action (G_ACTION_GROUP (fixture->window), "open-tour",
                                  g_variant_new_string (tour_id));
  srm_test_run_for (200);
  presentation = srm_presentation_lookup (fixture->window);
  g_assert_nonnull (presentation);
  return presentation;
}

static void
press (SrmPresentation *presentation,
       guint            keyval)
{
  g_assert_true (srm_presentation_handle_key (presentation, keyval, 0));
  srm_test_drain ();
}

static void
test_f5_opens_full_screen (Fixture       *fixture,
                           gconstpointer  data)
{
  SrmPresentation *presentation;
  gboolean fullscreened = FALSE;

  g_assert_null (srm_presentation_lookup (fixture->window));
  g_action_group_activate_action (G_ACTION_GROUP (fixture->window), "present", NULL);
  srm_test_run_for (400);

  presentation = srm_presentation_lookup (fixture->window);
  g_assert_nonnull (presentation);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (presentation)));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (presentation)) == GTK_WINDOW (fixture->window));
  g_object_get (presentation, "fullscreened", &fullscreened, NULL);
  g_assert_true (fullscreened);
  g_assert_true (gtk_window_is_fullscreen (GTK_WINDOW (presentation)));
  /* It follows the window's selection and says where it is. */
  g_assert_true (srm_diagram_view_get_selection (srm_presentation_get_diagram_view (presentation))
                 == srm_window_get_selection (fixture->window));
  g_assert_cmpstr (srm_presentation_get_step_label (presentation), ==, "1 / 5");
  g_assert_true (srm_presentation_get_step_label_shown (presentation));

  /* F5 again presents the same one. */
  g_action_group_activate_action (G_ACTION_GROUP (fixture->window), "present", NULL);
  g_assert_true (srm_presentation_lookup (fixture->window) == presentation);

  /* The step indicator fades away by itself. */
  srm_test_run_for (1800);
  g_assert_false (srm_presentation_get_step_label_shown (presentation));
}

static void
test_tour_keys_step (Fixture       *fixture,
                     gconstpointer  data)
{
  SrmSelection *selection = srm_window_get_selection (fixture->window);
  SrmPresentation *presentation = present_builtin (fixture, "onprem-to-saas");
  SrmDiagramView *view = srm_presentation_get_diagram_view (presentation);
  SrmTourPlayer *player = srm_presentation_get_player (presentation);
  SrmTour *tour = srm_tour_player_get_tour (player);
  g_autofree char *step1_caption = NULL;

  g_assert_nonnull (tour);
  g_assert_cmpstr (srm_tour_get_id (tour), ==, "onprem-to-saas");
  g_assert_cmpuint (srm_tour_get_n_steps (tour), ==, 5);
  g_assert_cmpstr (srm_selection_get_model_id (selection), ==, "onprem");
  g_assert_cmpstr (srm_presentation_get_caption (presentation), ==,
                   srm_tour_step_get_caption (srm_tour_get_step (tour, 0)));
  step1_caption = g_strdup (srm_presentation_get_caption (presentation));
  g_assert_cmpstr (srm_diagram_painter_get_title (srm_diagram_view_get_painter (view)), ==,
                   srm_tour_step_get_title (srm_tour_get_step (tour, 0)));

  /* Every forward key of a clicker. */
  press (presentation, GDK_KEY_Right);
  g_assert_cmpstr (srm_selection_get_model_id (selection), ==, "iaas");
  g_assert_cmpstr (srm_presentation_get_caption (presentation), !=, step1_caption);
  g_assert_cmpstr (srm_presentation_get_caption (presentation), ==,
                   srm_tour_step_get_caption (srm_tour_get_step (tour, 1)));
  g_assert_true (g_strv_contains (srm_diagram_view_get_spotlight_layers (view), "physical-hosts"));
  g_assert_cmpstr (srm_presentation_get_step_label (presentation), ==, "2 / 5");
  press (presentation, GDK_KEY_Page_Down);
  g_assert_cmpstr (srm_selection_get_model_id (selection), ==, "paas");
  press (presentation, GDK_KEY_space);
  g_assert_cmpstr (srm_selection_get_model_id (selection), ==, "saas");
  press (presentation, GDK_KEY_Down);
  g_assert_cmpuint (srm_tour_player_get_index (player), ==, 4);
  press (presentation, GDK_KEY_Right);
  g_assert_cmpuint (srm_tour_player_get_index (player), ==, 4);

  /* And back. */
  press (presentation, GDK_KEY_Left);
  press (presentation, GDK_KEY_Page_Up);
  g_assert_cmpstr (srm_selection_get_model_id (selection), ==, "paas");
  press (presentation, GDK_KEY_BackSpace);
  press (presentation, GDK_KEY_Up);
  g_assert_cmpstr (srm_selection_get_model_id (selection), ==, "onprem");
  g_assert_cmpstr (srm_presentation_get_caption (presentation), ==, step1_caption);

  press (presentation, GDK_KEY_End);
  g_assert_cmpuint (srm_tour_player_get_index (player), ==, 4);
  g_assert_cmpstr (srm_presentation_get_step_label (presentation), ==, "5 / 5");
  press (presentation, GDK_KEY_Home);
  g_assert_cmpuint (srm_tour_player_get_index (player), ==, 0);
  g_assert_cmpstr (srm_selection_get_model_id (selection), ==, "onprem");

  /* Keys a presenter doesn't use are left to the window. */
  g_assert_false (srm_presentation_handle_key (presentation, GDK_KEY_x, 0));
  g_assert_false (srm_presentation_handle_key (presentation, GDK_KEY_Right, GDK_CONTROL_MASK));
}

static void
test_blank_and_caption (Fixture       *fixture,
                        gconstpointer  data)
{
  SrmSelection *selection = srm_window_get_selection (fixture->window);
  SrmPresentation *presentation = present_builtin (fixture, "onprem-to-saas");

  press (presentation, GDK_KEY_b);
  g_assert_true (srm_presentation_get_blanked (presentation));
  press (presentation, GDK_KEY_B);
  g_assert_false (srm_presentation_get_blanked (presentation));

  /* On a black screen a step key only brings the picture back. */
  press (presentation, GDK_KEY_b);
  press (presentation, GDK_KEY_Right);
  g_assert_false (srm_presentation_get_blanked (presentation));
  g_assert_cmpstr (srm_selection_get_model_id (selection), ==, "onprem");

  /* The first Escape un-blanks; the presentation stays. */
  press (presentation, GDK_KEY_b);
  press (presentation, GDK_KEY_Escape);
  g_assert_false (srm_presentation_get_blanked (presentation));
  srm_test_run_for (100);
  g_assert_true (srm_presentation_lookup (fixture->window) == presentation);

  press (presentation, GDK_KEY_c);
  g_assert_false (srm_presentation_get_caption_visible (presentation));
  /* The caption keeps following the steps while hidden. */
  press (presentation, GDK_KEY_Right);
  g_assert_cmpstr (srm_selection_get_model_id (selection), ==, "iaas");
  press (presentation, GDK_KEY_C);
  g_assert_true (srm_presentation_get_caption_visible (presentation));
  g_assert_cmpstr (srm_presentation_get_caption (presentation), ==,
                   srm_tour_step_get_caption (srm_tour_get_step (srm_tour_player_get_tour (srm_presentation_get_player (presentation)), 1)));
}

static void
test_escape_restores_selection (Fixture       *fixture,
                                gconstpointer  data)
{
  SrmSelection *selection = srm_window_get_selection (fixture->window);
  SrmPresentation *presentation;

  g_action_group_change_action_state (G_ACTION_GROUP (fixture->window), "model",
                                      g_variant_new_string ("paas"));
  srm_selection_set_service_selected (selection, "aks", TRUE);

  presentation = present_builtin (fixture, "onprem-to-saas");
  g_assert_cmpstr (srm_selection_get_model_id (selection), ==, "onprem");
  g_assert_false (srm_selection_has_service (selection, "aks"));
  press (presentation, GDK_KEY_Right);
  press (presentation, GDK_KEY_Right);

  press (presentation, GDK_KEY_Escape);
  srm_test_run_for (200);
  g_assert_null (srm_presentation_lookup (fixture->window));
  g_assert_cmpstr (srm_selection_get_model_id (selection), ==, "paas");
  g_assert_true (srm_selection_has_service (selection, "aks"));
}

static void
test_live_steps_through_columns (Fixture       *fixture,
                                 gconstpointer  data)
{
  SrmSelection *selection = srm_window_get_selection (fixture->window);
  const char *expected[] = { "onprem", "iaas", "paas", "saas" };
  SrmPresentation *presentation;

  g_action_group_activate_action (G_ACTION_GROUP (fixture->window), "present", NULL);
  srm_test_run_for (200);
  presentation = srm_presentation_lookup (fixture->window);
  g_assert_nonnull (presentation);
  g_assert_null (srm_tour_player_get_tour (srm_presentation_get_player (presentation)));
  g_assert_null (srm_selection_get_model_id (selection));

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      press (presentation, GDK_KEY_Right);
      g_assert_cmpstr (srm_selection_get_model_id (selection), ==, expected[i]);
    }
  press (presentation, GDK_KEY_Page_Down);
  g_assert_cmpstr (srm_selection_get_model_id (selection), ==, "saas");
  press (presentation, GDK_KEY_Left);
  g_assert_cmpstr (srm_selection_get_model_id (selection), ==, "paas");

  /* Live, leaving shows where the presenter stopped. */
  press (presentation, GDK_KEY_Escape);
  srm_test_run_for (200);
  g_assert_null (srm_presentation_lookup (fixture->window));
  g_assert_cmpstr (srm_selection_get_model_id (selection), ==, "paas");
}

/* Clicking a row spotlights it; clicking it again gives the step's spotlight back. */
static void
test_click_spotlights_layer (Fixture       *fixture,
                             gconstpointer  data)
{
  SrmPresentation *presentation = present_builtin (fixture, "onprem-to-saas");
  SrmDiagramView *view = srm_presentation_get_diagram_view (presentation);
  const char * const *spotlight;

  press (presentation, GDK_KEY_Right);
  g_signal_emit_by_name (view, "cell-activated", "os", "iaas");
  spotlight = srm_diagram_view_get_spotlight_layers (view);
  g_assert_cmpuint (g_strv_length ((char **) spotlight), ==, 1);
  g_assert_cmpstr (spotlight[0], ==, "os");

  g_signal_emit_by_name (view, "cell-activated", "os", "iaas");
  g_assert_true (g_strv_contains (srm_diagram_view_get_spotlight_layers (view), "physical-hosts"));

  /* A step drops the presenter's spotlight. */
  g_signal_emit_by_name (view, "cell-activated", "data", "iaas");
  press (presentation, GDK_KEY_Right);
  g_assert_false (g_strv_contains (srm_diagram_view_get_spotlight_layers (view), "data"));
  g_assert_true (g_strv_contains (srm_diagram_view_get_spotlight_layers (view), "os"));
}

static AdwMessageDialog *
find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (toplevel) && gtk_widget_get_visible (GTK_WIDGET (toplevel)))
        return ADW_MESSAGE_DIALOG (toplevel);
    }
  return NULL;
}

static void
test_broken_tour_shows_error (Fixture       *fixture,
                              gconstpointer  data)
{
  SrmSelection *selection = srm_window_get_selection (fixture->window);
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "tour-unknown-model.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  AdwMessageDialog *dialog = NULL;
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  const char *body;

  srm_presentation_present_tour_file (fixture->window, file);
  while (dialog == NULL && g_get_monotonic_time () < deadline)
    {
      srm_test_run_for (20);
      dialog = find_message_dialog ();
    }
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (fixture->window));
  body = adw_message_dialog_get_body (dialog);
  g_assert_nonnull (strstr (body, "tour-unknown-model.json"));
  g_assert_nonnull (strstr (body, "steps[2]"));
  g_assert_null (srm_presentation_lookup (fixture->window));
  g_assert_null (srm_selection_get_model_id (selection));

  gtk_window_close (GTK_WINDOW (dialog));
  srm_test_run_for (100);
  g_assert_null (find_message_dialog ());

  /* An unknown built-in id is explained the same way. */
  g_action_group_activate_action (G_ACTION_GROUP (fixture->window), "open-tour",
                                  g_variant_new_string ("no-such-tour"));
  srm_test_run_for (100);
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "no-such-tour"));
  g_assert_null (srm_presentation_lookup (fixture->window));
  gtk_window_close (GTK_WINDOW (dialog));
  srm_test_run_for (100);
}

/* A tour file that loads is presented from its first step. */
static void
test_tour_file_presents (Fixture       *fixture,
                         gconstpointer  data)
{
  SrmSelection *selection = srm_window_get_selection (fixture->window);
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "tour-valid.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  SrmPresentation *presentation = NULL;
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  srm_presentation_present_tour_file (fixture->window, file);
  while (presentation == NULL && g_get_monotonic_time () < deadline)
    {
      srm_test_run_for (20);
      presentation = srm_presentation_lookup (fixture->window);
    }
  g_assert_nonnull (presentation);
  g_assert_cmpstr (srm_selection_get_model_id (selection), ==, "paas");
  g_assert_true (srm_selection_has_service (selection, "aks"));
  g_assert_cmpstr (srm_presentation_get_caption (presentation), ==, "The operating system of AKS is shared.");

  press (presentation, GDK_KEY_Right);
  g_assert_cmpstr (srm_catalog_get_id (srm_selection_get_catalog (selection)), ==, "azure-ai");

  press (presentation, GDK_KEY_Escape);
  srm_test_run_for (200);
  g_assert_cmpstr (srm_catalog_get_id (srm_selection_get_catalog (selection)), ==, "azure");
  g_assert_null (srm_selection_get_model_id (selection));
  g_assert_false (srm_selection_has_service (selection, "aks"));
}

static void
on_second_exited (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  gboolean *exited = user_data;

  g_assert_true (g_subprocess_wait_finish (G_SUBPROCESS (source), result, NULL));
  *exited = TRUE;
}

/* `srm-explorer --tour FILE` while the app is running hands the tour to the
 * running instance (this test program, which owns the application's name on
 * the session bus), which presents it over its window. */
static void
test_tour_from_second_instance (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "tour-valid.json", NULL);
  const char *binary = g_getenv ("SRM_EXPLORER");
  g_autoptr(GSubprocess) second = NULL;
  g_autoptr(GError) error = NULL;
  SrmPresentation *presentation = NULL;
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  gboolean exited = FALSE;

  g_assert_nonnull (binary);
  g_assert_null (srm_presentation_lookup (fixture->window));
  second = g_subprocess_new (G_SUBPROCESS_FLAGS_NONE, &error, binary, "--tour", path, NULL);
  g_assert_no_error (error);

  /* The second process returns at once; the tour loads here. */
  g_subprocess_wait_async (second, NULL, on_second_exited, &exited);
  while ((!exited || presentation == NULL) && g_get_monotonic_time () < deadline)
    {
      srm_test_run_for (20);
      presentation = srm_presentation_lookup (fixture->window);
    }
  g_assert_true (exited);
  g_assert_true (g_subprocess_get_if_exited (second));
  g_assert_cmpint (g_subprocess_get_exit_status (second), ==, 0);
  g_assert_nonnull (presentation);
  g_assert_cmpstr (srm_presentation_get_caption (presentation), ==, "The operating system of AKS is shared.");
  /* Into the window that was open: no second window. */
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (fixture->application))), >=, 1);
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (fixture->application)); l != NULL; l = l->next)
    g_assert_true (!SRM_IS_WINDOW (l->data) || l->data == (gpointer) fixture->window);

  press (presentation, GDK_KEY_Escape);
  srm_test_run_for (200);
  g_assert_null (srm_presentation_lookup (fixture->window));
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

  g_test_add ("/presentation/f5-full-screen", Fixture, NULL, fixture_set_up, test_f5_opens_full_screen, fixture_tear_down);
  g_test_add ("/presentation/tour-keys", Fixture, NULL, fixture_set_up, test_tour_keys_step, fixture_tear_down);
  g_test_add ("/presentation/blank-and-caption", Fixture, NULL, fixture_set_up, test_blank_and_caption, fixture_tear_down);
  g_test_add ("/presentation/escape-restores", Fixture, NULL, fixture_set_up, test_escape_restores_selection, fixture_tear_down);
  g_test_add ("/presentation/live-columns", Fixture, NULL, fixture_set_up, test_live_steps_through_columns, fixture_tear_down);
  g_test_add ("/presentation/click-spotlight", Fixture, NULL, fixture_set_up, test_click_spotlights_layer, fixture_tear_down);
  g_test_add ("/presentation/broken-tour", Fixture, NULL, fixture_set_up, test_broken_tour_shows_error, fixture_tear_down);
  g_test_add ("/presentation/tour-file", Fixture, NULL, fixture_set_up, test_tour_file_presents, fixture_tear_down);
  g_test_add ("/presentation/tour-from-second-instance", Fixture, NULL, fixture_set_up, test_tour_from_second_instance, fixture_tear_down);

  status = g_test_run ();
  g_clear_object (&the_application);
  return status;
}
