/* test-assessment-view.c: assessments in a real window on a virtual display:
 * starting one from the selection, editing it through the view, saving,
 * reopening, refusing a broken file, asking before closing unsaved work, and
 * recovering a draft left by a process that was killed. */
#include <adwaita.h>
#include <glib/gstdio.h>

#include "srm-application.h"
#include "srm-test-util.h"
#include "srm-assessment-view.h"
#include "srm-diagram-overlay.h"
#include "srm-window.h"

/* One application for the whole program: it owns its D-Bus name until exit. */
static SrmApplication *the_application;
static char *data_home;

static const char *scope[] = { "app-service", "azure-sql-db", "key-vault", NULL };

/* ---- helpers ---- */

static SrmWindow *
new_window (void)
{
  SrmWindow *window = srm_window_new (the_application);

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  srm_test_run_for (200);
  return window;
}

static SrmWindow *
find_window_with_assessment (void)
{
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (the_application));

  for (GList *l = windows; l != NULL; l = l->next)
    if (SRM_IS_WINDOW (l->data) && srm_window_get_assessment (l->data) != NULL)
      return l->data;
  return NULL;
}

static gboolean
any_window_has_assessment (gpointer data)
{
  return find_window_with_assessment () != NULL;
}

static gboolean
has_assessment (gpointer data)
{
  return srm_window_get_assessment (data) != NULL;
}

static SrmWindow *
new_window_with_assessment (void)
{
  SrmWindow *window;

  srm_test_reset_settings ();
  window = new_window ();
  srm_selection_set_service_ids (srm_window_get_selection (window), scope);
  g_action_group_activate_action (G_ACTION_GROUP (window), "new-assessment", NULL);
  g_assert_nonnull (srm_window_get_assessment (window));
  srm_test_run_for (100);
  return window;
}

static SrmAnswerRow *
row_for (SrmWindow  *window,
         const char *duty_id)
{
  SrmAnswerRow *row = srm_assessment_view_get_row (srm_window_get_assessment_view (window), duty_id);

  g_assert_nonnull (row);
  return row;
}

static const char *
first_duty_id (SrmAssessment *assessment)
{
  g_autoptr(SrmAnswer) answer = g_list_model_get_item (srm_assessment_get_answers (assessment), 0);

  return srm_answer_get_duty_id (answer);
}

typedef struct {
  gboolean done;
  gboolean ok;
  GError  *error;
} SaveWait;

static void
on_saved (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  SaveWait *wait = user_data;

  wait->ok = srm_window_save_assessment_finish (SRM_WINDOW (source), result, &wait->error);
  wait->done = TRUE;
}

static gboolean
save_done (gpointer data)
{
  return ((SaveWait *) data)->done;
}

static char *
temp_path (const char *name)
{
  return g_build_filename (data_home, name, NULL);
}

/* ---- tests ---- */

static void
test_new_from_selection (void)
{
  SrmWindow *window = new_window_with_assessment ();
  SrmAssessment *assessment = srm_window_get_assessment (window);
  SrmAssessmentView *view = srm_window_get_assessment_view (window);
  SrmCatalog *catalog = srm_window_get_catalog (window);
  GListModel *answers = srm_assessment_get_answers (assessment);
  g_autofree char *before = NULL;
  g_autofree char *expected = NULL;
  guint n_duties = 0;
  const char *duty_id;

  /* Exactly the duties of the three services. */
  g_assert_true (g_strv_equal (srm_assessment_get_service_ids (assessment), scope));
  for (guint i = 0; scope[i] != NULL; i++)
    {
      GListModel *duties = srm_service_get_duties (srm_catalog_lookup_service (catalog, scope[i]));

      n_duties += g_list_model_get_n_items (duties);
      for (guint d = 0; d < g_list_model_get_n_items (duties); d++)
        {
          g_autoptr(SrmDuty) duty = g_list_model_get_item (duties, d);
          g_assert_nonnull (srm_assessment_lookup_answer (assessment, srm_duty_get_id (duty)));
        }
    }
  g_assert_cmpuint (n_duties, >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (answers), ==, n_duties);
  g_assert_cmpuint (srm_assessment_view_get_n_visible_rows (view), ==, n_duties);

  /* The assessment page is up, and the title names the document. */
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (gtk_widget_get_ancestor (GTK_WIDGET (view), GTK_TYPE_STACK))),
                   ==, "assessment");

  before = g_strdup (srm_assessment_view_get_progress_text (view));
  expected = g_strdup_printf ("0%% done · %u open gaps · 0 overdue", n_duties);
  g_assert_cmpstr (before, ==, expected);

  /* A status chosen in a row's menu changes the document and the progress. */
  duty_id = first_duty_id (assessment);
  gtk_drop_down_set_selected (srm_answer_row_get_status_drop_down (row_for (window, duty_id)),
                              SRM_ANSWER_STATUS_IMPLEMENTED);
  g_assert_cmpint (srm_answer_get_status (srm_assessment_lookup_answer (assessment, duty_id)),
                   ==, SRM_ANSWER_STATUS_IMPLEMENTED);
  g_free (expected);
  expected = g_strdup_printf ("%d%% done · %u open gaps · 0 overdue",
                              (int) (100.0 / n_duties + 0.5), n_duties - 1);
  g_assert_cmpstr (srm_assessment_view_get_progress_text (view), ==, expected);
  g_assert_true (srm_assessment_get_dirty (assessment));
  g_assert_nonnull (strstr (gtk_window_get_title (GTK_WINDOW (window)), "•"));

  /* Typing an owner goes to the document too. */
  gtk_editable_set_text (srm_answer_row_get_owner_entry (row_for (window, duty_id)), "Platform team");
  g_assert_cmpstr (srm_answer_get_owner (srm_assessment_lookup_answer (assessment, duty_id)), ==, "Platform team");

  /* win.undo (Ctrl+Z) takes back the owner, then the status; the row follows. */
  srm_assessment_seal_undo_step (assessment);
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "undo"));
  g_action_group_activate_action (G_ACTION_GROUP (window), "undo", NULL);
  g_assert_cmpstr (gtk_editable_get_text (srm_answer_row_get_owner_entry (row_for (window, duty_id))), ==, "");
  g_action_group_activate_action (G_ACTION_GROUP (window), "undo", NULL);
  g_assert_cmpuint (gtk_drop_down_get_selected (srm_answer_row_get_status_drop_down (row_for (window, duty_id))),
                    ==, SRM_ANSWER_STATUS_NOT_ASSESSED);
  g_assert_cmpstr (srm_assessment_view_get_progress_text (view), ==, before);
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "redo"));
  g_action_group_activate_action (G_ACTION_GROUP (window), "redo", NULL);
  g_assert_cmpint (srm_answer_get_status (srm_assessment_lookup_answer (assessment, duty_id)),
                   ==, SRM_ANSWER_STATUS_IMPLEMENTED);

  /* Filters: open gaps hide the implemented duty; an owner search finds none. */
  srm_assessment_view_set_filter (view, TRUE, FALSE, NULL);
  g_assert_cmpuint (srm_assessment_view_get_n_visible_rows (view), ==, n_duties - 1);
  srm_assessment_view_set_filter (view, FALSE, FALSE, "nobody by this name");
  g_assert_cmpuint (srm_assessment_view_get_n_visible_rows (view), ==, 0);
  srm_assessment_view_set_filter (view, FALSE, FALSE, NULL);

  srm_test_destroy_all_windows ();
}

static void
test_new_without_services_explains (void)
{
  SrmWindow *window;

  srm_test_reset_settings ();
  window = new_window ();
  g_action_group_activate_action (G_ACTION_GROUP (window), "new-assessment", NULL);
  g_assert_null (srm_window_get_assessment (window));
  g_assert_nonnull (srm_test_wait_for_message_dialog (GTK_WINDOW (window), "Pick Services First", 10000));
  srm_test_destroy_all_windows ();
}

static void
test_save_and_reopen (void)
{
  SrmWindow *window = new_window_with_assessment ();
  SrmAssessment *assessment = srm_window_get_assessment (window);
  g_autofree char *path = temp_path ("reopen.srma");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *duty_id = g_strdup (first_duty_id (assessment));
  SaveWait wait = { 0 };
  SrmWindow *reopened;
  SrmAssessment *loaded;

  srm_assessment_set_title (assessment, "Shop, reopened");
  gtk_drop_down_set_selected (srm_answer_row_get_status_drop_down (row_for (window, duty_id)),
                              SRM_ANSWER_STATUS_RISK_ACCEPTED);

  srm_window_save_assessment_to (window, file, on_saved, &wait);
  g_assert_true (srm_test_run_until (save_done, &wait, 10000));
  g_assert_no_error (wait.error);
  g_assert_true (wait.ok);
  g_assert_false (srm_assessment_get_dirty (assessment));
  g_assert_true (g_file_equal (srm_assessment_get_file (assessment), file));
  g_assert_null (strstr (gtk_window_get_title (GTK_WINDOW (window)), "•"));
  g_assert_nonnull (strstr (gtk_window_get_title (GTK_WINDOW (window)), "reopen.srma"));

  /* As `srm-explorer reopen.srma` would: through the application's open. */
  srm_test_destroy_all_windows ();
  g_application_open (G_APPLICATION (the_application), &file, 1, "");
  g_assert_true (srm_test_run_until (any_window_has_assessment, NULL, 10000));
  reopened = find_window_with_assessment ();
  g_assert_cmpuint (srm_test_count_explorer_windows (GTK_APPLICATION (the_application)), ==, 1);

  loaded = srm_window_get_assessment (reopened);
  g_assert_cmpstr (srm_assessment_get_title (loaded), ==, "Shop, reopened");
  g_assert_true (g_strv_equal (srm_assessment_get_service_ids (loaded), scope));
  g_assert_cmpint (srm_answer_get_status (srm_assessment_lookup_answer (loaded, duty_id)),
                   ==, SRM_ANSWER_STATUS_RISK_ACCEPTED);
  g_assert_false (srm_assessment_get_dirty (loaded));
  g_assert_nonnull (srm_assessment_get_catalog (loaded));
  g_assert_cmpint (gtk_drop_down_get_selected (srm_answer_row_get_status_drop_down (row_for (reopened, duty_id))),
                   ==, SRM_ANSWER_STATUS_RISK_ACCEPTED);

  /* Opening the same file again brings up that window, no second copy. */
  srm_window_open_file (reopened, file);
  srm_test_run_for (200);
  g_assert_cmpuint (srm_test_count_explorer_windows (GTK_APPLICATION (the_application)), ==, 1);

  /* Saving added it to the recent files. */
  {
    g_autofree char *uri = g_file_get_uri (file);
    g_assert_true (gtk_recent_manager_has_item (gtk_recent_manager_get_default (), uri));
  }

  srm_test_destroy_all_windows ();
  g_unlink (path);
}

static void
test_malformed_file_keeps_document (void)
{
  SrmWindow *window = new_window_with_assessment ();
  SrmAssessment *assessment = srm_window_get_assessment (window);
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "assessment-truncated.srma", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  AdwMessageDialog *dialog;

  srm_assessment_set_title (assessment, "Work in progress");
  srm_window_open_file (window, file);
  dialog = srm_test_wait_for_message_dialog (GTK_WINDOW (window), "Cannot Open Assessment", 10000);
  g_assert_nonnull (dialog);
  /* The loader's message, naming the file. */
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "assessment-truncated.srma"));

  g_assert_true (srm_window_get_assessment (window) == assessment);
  g_assert_cmpstr (srm_assessment_get_title (assessment), ==, "Work in progress");
  g_assert_cmpuint (srm_test_count_explorer_windows (GTK_APPLICATION (the_application)), ==, 1);

  srm_test_destroy_all_windows ();
}

static void
test_close_with_unsaved_changes_asks (void)
{
  SrmWindow *window = new_window_with_assessment ();
  SrmAssessment *assessment = srm_window_get_assessment (window);
  g_autofree char *draft_id = NULL;
  g_autofree char *draft_path = NULL;
  AdwMessageDialog *dialog;

  srm_assessment_set_organisation (assessment, "Contoso");
  g_assert_true (srm_assessment_get_dirty (assessment));

  gtk_window_close (GTK_WINDOW (window));
  dialog = srm_test_wait_for_message_dialog (GTK_WINDOW (window), "Save changes to", 10000);
  g_assert_nonnull (dialog);
  g_assert_cmpuint (srm_test_count_explorer_windows (GTK_APPLICATION (the_application)), ==, 1);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));

  /* Asking wrote a draft first, in case the answer never comes. */
  draft_id = g_strdup (srm_window_get_draft_id (window));
  g_assert_nonnull (draft_id);
  draft_path = g_strdup_printf ("%s/srm-explorer/drafts/%s.srma-draft", data_home, draft_id);
  srm_test_run_for (300);
  g_assert_true (g_file_test (draft_path, G_FILE_TEST_EXISTS));

  /* Cancel: nothing closes. */
  adw_message_dialog_response (dialog, "cancel");
  srm_test_run_for (100);
  g_assert_cmpuint (srm_test_count_explorer_windows (GTK_APPLICATION (the_application)), ==, 1);
  g_assert_true (srm_window_get_assessment (window) == assessment);

  /* Discard: the window goes, and the draft with it. */
  gtk_window_close (GTK_WINDOW (window));
  dialog = srm_test_wait_for_message_dialog (GTK_WINDOW (window), "Save changes to", 10000);
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "discard");
  srm_test_run_for (300);
  g_assert_cmpuint (srm_test_count_explorer_windows (GTK_APPLICATION (the_application)), ==, 0);
  g_assert_false (g_file_test (draft_path, G_FILE_TEST_EXISTS));

  srm_test_destroy_all_windows ();
}

static void
test_draft_recovery (void)
{
  g_autofree char *example = g_test_build_filename (G_TEST_DIST, "..", "data", "examples",
                                                    "app-service-sql-keyvault.srma", NULL);
  g_autoptr(GFile) example_file = g_file_new_for_path (example);
  g_autoptr(GError) error = NULL;
  g_autoptr(SrmAssessment) crashed = srm_assessment_new_from_file (example_file, NULL, &error);
  g_autoptr(SrmDraftStore) store = srm_draft_store_new (NULL);
  g_autofree char *draft_id = srm_draft_store_new_draft_id ();
  SrmAnswer *answer;
  SrmAssessment *restored;
  AdwMessageDialog *dialog;
  SrmWindow *window;

  g_assert_no_error (error);
  /* What a killed process leaves: a draft with edits its file doesn't have. */
  srm_assessment_set_title (crashed, "Edited before the crash");
  answer = srm_assessment_lookup_answer (crashed, "azure-sql-db-auditing");
  g_assert_nonnull (answer);
  srm_answer_set_owner (answer, "Night shift");
  g_assert_true (srm_draft_store_save_draft (store, crashed, draft_id, &error));
  g_assert_no_error (error);

  srm_test_reset_settings ();
  window = new_window ();
  dialog = srm_test_wait_for_message_dialog (GTK_WINDOW (window), "Restore Unsaved Changes?", 10000);
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Unsaved changes to app-service-sql-keyvault.srma from"));

  adw_message_dialog_response (dialog, "restore");
  g_assert_true (srm_test_run_until (has_assessment, window, 10000));
  restored = srm_window_get_assessment (window);
  g_assert_true (srm_assessment_get_dirty (restored));
  g_assert_cmpstr (srm_assessment_get_title (restored), ==, "Edited before the crash");
  g_assert_cmpstr (srm_answer_get_owner (srm_assessment_lookup_answer (restored, "azure-sql-db-auditing")),
                   ==, "Night shift");
  /* Still the original file's document: Save writes there. */
  g_assert_true (g_file_equal (srm_assessment_get_file (restored), example_file));
  g_assert_cmpstr (srm_window_get_draft_id (window), ==, draft_id);
  g_assert_nonnull (strstr (gtk_window_get_title (GTK_WINDOW (window)), "•"));

  /* A second window doesn't offer it again. */
  {
    SrmWindow *second = new_window ();
    srm_test_run_for (300);
    g_assert_null (srm_test_find_message_dialog (GTK_WINDOW (second), "Restore Unsaved Changes?"));
  }

  srm_draft_store_discard_draft (store, draft_id, NULL);
  srm_test_destroy_all_windows ();
}

static void
test_orphans_and_overlay (void)
{
  g_autofree char *example = g_test_build_filename (G_TEST_DIST, "..", "data", "examples",
                                                    "app-service-sql-keyvault.srma", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *orphaned_path = temp_path ("orphaned.srma");
  g_autoptr(GFile) file = g_file_new_for_path (orphaned_path);
  g_autoptr(GString) text = NULL;
  SrmAssessmentView *view;
  SrmDiagramView *diagram;
  SrmDiagramLayout *layout;
  SrmWindow *window;
  cairo_surface_t *surface;
  cairo_t *cr;
  guint badges;

  /* A duty the catalog no longer has: kept and shown in its own group. */
  g_assert_true (g_file_get_contents (example, &contents, NULL, NULL));
  text = g_string_new (contents);
  g_assert_cmpuint (g_string_replace (text, "\"azure-sql-db-auditing\"", "\"retired-sql-duty\"", 1), ==, 1);
  g_assert_true (g_file_set_contents (orphaned_path, text->str, -1, NULL));

  srm_test_reset_settings ();
  window = new_window ();
  srm_window_open_file (window, file);
  g_assert_true (srm_test_run_until (has_assessment, window, 10000));
  view = srm_window_get_assessment_view (window);
  g_assert_cmpuint (srm_assessment_get_n_orphaned (srm_window_get_assessment (window)), ==, 1);
  g_assert_cmpstr (srm_assessment_view_get_group_title (view, "retired-sql-duty"), ==, "No longer in the catalog");
  /* The first duty opens the first layer's group. */
  g_assert_cmpstr (srm_assessment_view_get_group_title (view, first_duty_id (srm_window_get_assessment (window))),
                   ==, "Information and data");

  /* The diagram shows the assessment's services, with badges on request. */
  g_action_group_change_action_state (G_ACTION_GROUP (window), "show-assessment-overlay",
                                      g_variant_new_boolean (TRUE));
  srm_test_run_for (400);
  diagram = srm_window_get_diagram_view (window);
  g_assert_nonnull (srm_diagram_view_get_assessment_score (diagram));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (diagram)));
  layout = srm_diagram_view_get_layout (diagram);
  g_assert_nonnull (layout);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                        (int) srm_diagram_layout_get_width (layout),
                                        (int) srm_diagram_layout_get_height (layout));
  cr = cairo_create (surface);
  badges = srm_diagram_overlay_draw (cr, layout, srm_diagram_view_get_assessment_score (diagram),
                                     SRM_DIAGRAM_STYLE_LIGHT);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  g_assert_cmpuint (badges, >, 0);

  /* The catalog still has the duty the file lost: it came back as a new
   * answer, so the document has changes and closing it asks first. */
  g_assert_true (srm_assessment_get_dirty (srm_window_get_assessment (window)));
  g_action_group_activate_action (G_ACTION_GROUP (window), "close-assessment", NULL);
  {
    AdwMessageDialog *dialog = srm_test_wait_for_message_dialog (GTK_WINDOW (window), "Save changes to “orphaned.srma”?", 10000);

    g_assert_nonnull (dialog);
    adw_message_dialog_response (dialog, "discard");
  }
  srm_test_run_for (100);
  /* Closing the assessment takes the overlay away, and keeps the window. */
  g_assert_null (srm_window_get_assessment (window));
  g_assert_cmpuint (srm_test_count_explorer_windows (GTK_APPLICATION (the_application)), ==, 1);
  g_assert_null (srm_diagram_view_get_assessment_score (diagram));

  srm_test_destroy_all_windows ();
  g_unlink (orphaned_path);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  /* Drafts and recent files go to a folder of our own, before GLib caches
   * the user data dir. */
  data_home = g_dir_make_tmp ("srm-assessment-view-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  the_application = srm_application_new ();
  g_application_register (G_APPLICATION (the_application), NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/assessment-view/new-from-selection", test_new_from_selection);
  g_test_add_func ("/assessment-view/new-without-services", test_new_without_services_explains);
  g_test_add_func ("/assessment-view/save-and-reopen", test_save_and_reopen);
  g_test_add_func ("/assessment-view/malformed-file", test_malformed_file_keeps_document);
  g_test_add_func ("/assessment-view/close-asks", test_close_with_unsaved_changes_asks);
  g_test_add_func ("/assessment-view/draft-recovery", test_draft_recovery);
  g_test_add_func ("/assessment-view/orphans-and-overlay", test_orphans_and_overlay);

  status = g_test_run ();
  g_clear_object (&the_application);
  return status;
}
