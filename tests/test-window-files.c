/* test-window-files.c: the ways an assessment reaches or leaves the window
 * other than the Open and Save dialogs, in a real window on a virtual display:
 * a file dropped on the window, the Open Recent submenu, and the drafts written
 * on a timer while a document has unsaved changes.
 *
 * Xvfb can't synthesise an XDND drag, so the drop tests emit ::drop on the
 * window's own GtkDropTarget with what GTK would hand it; the tests check the
 * target accepts those types, so a real drag delivers them the same way. */
#include <adwaita.h>
#include <glib/gstdio.h>
#include <sys/stat.h>

#include "srm-application.h"
#include "srm-test-util.h"
#include "srm-window.h"
#include "srm-window-private.h"

#define ASSESSMENT_MIME_TYPE "application/x-srm-assessment"
/* Longer than anything here takes on a loaded CI machine. */
#define WAIT_MS 10000

/* One application for the whole program: it owns its D-Bus name until exit. */
static SrmApplication *the_application;
/* XDG_DATA_HOME: drafts and recent files. */
static char *data_home;
/* Where the tests write the assessments they drop, open and save. */
static char *work_dir;

static const char *scope[] = { "app-service", "azure-sql-db", "key-vault", NULL };

/* ---- windows ---- */

static SrmWindow *
new_window (void)
{
  SrmWindow *window;

  srm_test_reset_settings ();
  window = srm_window_new (the_application);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  srm_test_run_for (200);
  return window;
}

/* A window with a new assessment of the three services, not yet edited. */
static SrmWindow *
new_window_with_assessment (void)
{
  SrmWindow *window = new_window ();

  srm_selection_set_service_ids (srm_window_get_selection (window), scope);
  g_action_group_activate_action (G_ACTION_GROUP (window), "new-assessment", NULL);
  g_assert_nonnull (srm_window_get_assessment (window));
  g_assert_false (srm_assessment_get_dirty (srm_window_get_assessment (window)));
  srm_test_run_for (100);
  return window;
}

/* The explorer window other than @not_this that has an assessment open. */
static SrmWindow *
find_other_window_with_assessment (SrmWindow *not_this)
{
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (the_application));

  for (GList *l = windows; l != NULL; l = l->next)
    if (SRM_IS_WINDOW (l->data) && l->data != not_this && srm_window_get_assessment (l->data) != NULL)
      return l->data;
  return NULL;
}

static gboolean
other_window_has_assessment (gpointer data)
{
  return find_other_window_with_assessment (data) != NULL;
}

static gboolean
has_assessment (gpointer data)
{
  return srm_window_get_assessment (data) != NULL;
}

static const char *
visible_page (SrmWindow *window)
{
  GtkWidget *stack = gtk_widget_get_ancestor (GTK_WIDGET (srm_window_get_assessment_view (window)), GTK_TYPE_STACK);

  return gtk_stack_get_visible_child_name (GTK_STACK (stack));
}

/* ---- files ---- */

static char *
work_path (const char *name)
{
  return g_build_filename (work_dir, name, NULL);
}

/* The example assessment under another title, saved as @name in the work
 * folder, so each test has a file of its own to tell apart. */
static GFile *
write_assessment (const char *name,
                  const char *title)
{
  g_autofree char *example = g_test_build_filename (G_TEST_DIST, "..", "data", "examples",
                                                    "app-service-sql-keyvault.srma", NULL);
  g_autofree char *path = work_path (name);
  g_autofree char *contents = NULL;
  g_autofree char *quoted = g_strdup_printf ("\"title\" : \"%s\"", title);
  g_autoptr(GString) text = NULL;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (example, &contents, NULL, &error);
  g_assert_no_error (error);
  text = g_string_new (contents);
  g_assert_cmpuint (g_string_replace (text, "\"title\" : \"Contoso web shop: customer duties\"", quoted, 1), ==, 1);
  g_file_set_contents (path, text->str, -1, &error);
  g_assert_no_error (error);
  return g_file_new_for_path (path);
}

static void
touch (const char *path)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, "", 0, &error);
  g_assert_no_error (error);
}

static gboolean
flag_set (gpointer data)
{
  return *(gboolean *) data;
}

static void
set_flag (gboolean *flag)
{
  *flag = TRUE;
}

static void
on_saved (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (srm_window_save_assessment_finish (SRM_WINDOW (source), result, &error));
  g_assert_no_error (error);
  set_flag (user_data);
}

/* ---- drag and drop ---- */

static GtkDropTarget *
find_drop_target (SrmWindow *window)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (window));
  GtkDropTarget *found = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        {
          /* One target: two would race for the same drop. */
          g_assert_null (found);
          found = GTK_DROP_TARGET (controller);
        }
    }
  g_assert_nonnull (found);
  return found;
}

/* What GTK does when the drag is released over the window: ::drop with the
 * data converted to one of the target's types. */
static gboolean
drop_value (SrmWindow    *window,
            const GValue *value)
{
  GtkDropTarget *target = find_drop_target (window);
  gboolean accepted = FALSE;

  g_signal_emit_by_name (target, "drop", value, 200.0, 300.0, &accepted);
  return accepted;
}

/* As a file manager drops them. */
static gboolean
drop_files (SrmWindow *window,
            GFile    **files,
            gsize      n_files)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&value, gdk_file_list_new_from_array (files, n_files));
  return drop_value (window, &value);
}

static gboolean
type_accepted (GtkDropTarget *target,
               GType          type)
{
  gsize n_types = 0;
  const GType *types = gtk_drop_target_get_gtypes (target, &n_types);

  for (gsize i = 0; i < n_types; i++)
    if (types[i] == type)
      return TRUE;
  return FALSE;
}

static void
test_drop_opens_assessment (void)
{
  SrmWindow *window = new_window ();
  GtkDropTarget *target = find_drop_target (window);
  g_autoptr(GFile) file = write_assessment ("dropped.srma", "Dropped on the window");
  SrmAssessment *assessment;

  /* What a file manager offers, as a list or one file; not text. */
  g_assert_true (type_accepted (target, GDK_TYPE_FILE_LIST));
  g_assert_true (type_accepted (target, G_TYPE_FILE));
  g_assert_false (type_accepted (target, G_TYPE_STRING));
  g_assert_true (gtk_drop_target_get_actions (target) & GDK_ACTION_COPY);

  g_assert_null (srm_window_get_assessment (window));
  g_assert_true (drop_files (window, &file, 1));
  /* Loaded in a worker: nothing yet, and the main loop never blocked. */
  g_assert_null (srm_window_get_assessment (window));
  g_assert_true (srm_test_run_until (has_assessment, window, WAIT_MS));

  /* This window had no document: the file opens here, as it is on disk. */
  assessment = srm_window_get_assessment (window);
  g_assert_cmpuint (srm_test_count_explorer_windows (GTK_APPLICATION (the_application)), ==, 1);
  g_assert_true (g_file_equal (srm_assessment_get_file (assessment), file));
  g_assert_cmpstr (srm_assessment_get_title (assessment), ==, "Dropped on the window");
  g_assert_cmpstr (srm_answer_get_owner (srm_assessment_lookup_answer (assessment, "azure-sql-db-auditing")),
                   ==, "Data platform team");
  g_assert_true (g_strv_equal (srm_assessment_get_service_ids (assessment), scope));
  g_assert_nonnull (srm_assessment_get_catalog (assessment));
  g_assert_false (srm_assessment_get_dirty (assessment));
  g_assert_nonnull (strstr (gtk_window_get_title (GTK_WINDOW (window)), "dropped.srma"));
  g_assert_cmpstr (visible_page (window), ==, "assessment");
  g_assert_true (srm_assessment_view_get_assessment (srm_window_get_assessment_view (window)) == assessment);

  srm_test_destroy_all_windows ();
}

static void
test_drop_on_open_document_uses_new_window (void)
{
  SrmWindow *window = new_window_with_assessment ();
  SrmAssessment *mine = srm_window_get_assessment (window);
  g_autoptr(GFile) file = write_assessment ("second.srma", "Dropped second");
  g_auto(GValue) value = G_VALUE_INIT;
  SrmWindow *other;

  srm_assessment_set_title (mine, "Mine, unsaved");

  /* A single GFile, the target's other type. */
  g_value_init (&value, G_TYPE_FILE);
  g_value_set_object (&value, file);
  g_assert_true (drop_value (window, &value));
  g_assert_true (srm_test_run_until (other_window_has_assessment, window, WAIT_MS));

  /* Never replaced behind the user's back: a second window has the file. */
  other = find_other_window_with_assessment (window);
  g_assert_cmpuint (srm_test_count_explorer_windows (GTK_APPLICATION (the_application)), ==, 2);
  g_assert_cmpstr (srm_assessment_get_title (srm_window_get_assessment (other)), ==, "Dropped second");
  g_assert_true (srm_window_get_assessment (window) == mine);
  g_assert_cmpstr (srm_assessment_get_title (mine), ==, "Mine, unsaved");
  g_assert_true (srm_assessment_get_dirty (mine));

  /* Dropped again: the window that has it comes up, no third copy. */
  g_assert_true (drop_files (window, &file, 1));
  srm_test_run_for (300);
  g_assert_cmpuint (srm_test_count_explorer_windows (GTK_APPLICATION (the_application)), ==, 2);
  g_assert_true (srm_window_get_assessment (window) == mine);

  srm_test_destroy_all_windows ();
}

static void
test_drop_several_files (void)
{
  SrmWindow *window = new_window ();
  GFile *files[2];
  SrmWindow *other;
  const char *titles[2];

  files[0] = write_assessment ("first-of-two.srma", "First of two");
  files[1] = write_assessment ("second-of-two.srma", "Second of two");
  g_assert_true (drop_files (window, files, 2));
  g_assert_true (srm_test_run_until (has_assessment, window, WAIT_MS));
  g_assert_true (srm_test_run_until (other_window_has_assessment, window, WAIT_MS));
  srm_test_run_for (200);

  /* One window each, whichever finished loading first. */
  other = find_other_window_with_assessment (window);
  g_assert_cmpuint (srm_test_count_explorer_windows (GTK_APPLICATION (the_application)), ==, 2);
  titles[0] = srm_assessment_get_title (srm_window_get_assessment (window));
  titles[1] = srm_assessment_get_title (srm_window_get_assessment (other));
  g_assert_true ((g_str_equal (titles[0], "First of two") && g_str_equal (titles[1], "Second of two"))
                 || (g_str_equal (titles[0], "Second of two") && g_str_equal (titles[1], "First of two")));

  g_object_unref (files[0]);
  g_object_unref (files[1]);
  srm_test_destroy_all_windows ();
}

static void
test_drop_malformed_keeps_document (void)
{
  SrmWindow *window = new_window_with_assessment ();
  SrmAssessment *assessment = srm_window_get_assessment (window);
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "assessment-truncated.srma", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *uri = g_file_get_uri (file);
  AdwMessageDialog *dialog;

  srm_assessment_set_title (assessment, "Work in progress");
  g_assert_true (drop_files (window, &file, 1));
  dialog = srm_test_wait_for_message_dialog (GTK_WINDOW (window), "Cannot Open Assessment", WAIT_MS);
  g_assert_nonnull (dialog);
  /* The loader's message, naming the file. */
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "assessment-truncated.srma"));

  g_assert_true (srm_window_get_assessment (window) == assessment);
  g_assert_cmpstr (srm_assessment_get_title (assessment), ==, "Work in progress");
  g_assert_true (srm_assessment_get_dirty (assessment));
  g_assert_cmpuint (srm_test_count_explorer_windows (GTK_APPLICATION (the_application)), ==, 1);
  /* A file that didn't open is no recent file. */
  g_assert_false (gtk_recent_manager_has_item (gtk_recent_manager_get_default (), uri));

  srm_test_destroy_all_windows ();
}

static void
test_drop_refuses_non_files (void)
{
  SrmWindow *window = new_window ();
  g_autoptr(GFile) file = write_assessment ("as-text.srma", "Dropped as text");
  g_autofree char *uri = g_file_get_uri (file);
  g_auto(GValue) text = G_VALUE_INIT;

  /* Text, even text naming an assessment, is not a file. */
  g_value_init (&text, G_TYPE_STRING);
  g_value_set_string (&text, uri);
  g_assert_false (drop_value (window, &text));
  /* Nor is an empty list. */
  g_assert_false (drop_files (window, NULL, 0));

  srm_test_run_for (500);
  g_assert_null (srm_window_get_assessment (window));
  g_assert_null (srm_test_find_message_dialog (GTK_WINDOW (window), NULL));
  g_assert_cmpuint (srm_test_count_explorer_windows (GTK_APPLICATION (the_application)), ==, 1);

  srm_test_destroy_all_windows ();
}

/* ---- open recent ---- */

typedef struct {
  char *label;
  char *action;
  char *uri;
} RecentEntry;

static void
recent_entry_free (RecentEntry *entry)
{
  g_free (entry->label);
  g_free (entry->action);
  g_free (entry->uri);
  g_free (entry);
}

static gboolean
model_has_action (GMenuModel *model,
                  const char *action)
{
  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autofree char *name = NULL;
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (model, i, G_MENU_LINK_SECTION);

      if (g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_ACTION, "s", &name)
          && g_str_equal (name, action))
        return TRUE;
      if (section != NULL && model_has_action (section, action))
        return TRUE;
    }
  return FALSE;
}

/* The header bar's main menu button: the primary one (F10). */
static GtkMenuButton *
find_primary_menu_button (GtkWidget *widget)
{
  if (GTK_IS_MENU_BUTTON (widget) && gtk_menu_button_get_primary (GTK_MENU_BUTTON (widget)))
    return GTK_MENU_BUTTON (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkMenuButton *found = find_primary_menu_button (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The submenu labelled @label, looking into sections. */
static GMenuModel *
find_submenu (GMenuModel *model,
              const char *label)
{
  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autofree char *item_label = NULL;
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (model, i, G_MENU_LINK_SECTION);
      GMenuModel *found;

      if (g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_LABEL, "s", &item_label)
          && g_str_equal (item_label, label))
        {
          found = g_menu_model_get_item_link (model, i, G_MENU_LINK_SUBMENU);
          if (found != NULL)
            return found;
        }
      if (section != NULL && (found = find_submenu (section, label)) != NULL)
        return found;
    }
  return NULL;
}

/* What the window's menu offers under Open Recent, top first; empty when there
 * is no such submenu. */
static GPtrArray *
recent_menu_entries (SrmWindow *window)
{
  GPtrArray *entries = g_ptr_array_new_with_free_func ((GDestroyNotify) recent_entry_free);
  g_autoptr(GMenuModel) submenu = NULL;

  submenu = find_submenu (srm_window_get_primary_menu (window), "Open _Recent");
  if (submenu == NULL)
    return entries;

  for (int i = 0; i < g_menu_model_get_n_items (submenu); i++)
    {
      RecentEntry *entry = g_new0 (RecentEntry, 1);
      g_autoptr(GVariant) target = g_menu_model_get_item_attribute_value (submenu, i, G_MENU_ATTRIBUTE_TARGET,
                                                                           G_VARIANT_TYPE_STRING);

      g_menu_model_get_item_attribute (submenu, i, G_MENU_ATTRIBUTE_LABEL, "s", &entry->label);
      g_menu_model_get_item_attribute (submenu, i, G_MENU_ATTRIBUTE_ACTION, "s", &entry->action);
      entry->uri = target != NULL ? g_variant_dup_string (target, NULL) : NULL;
      g_ptr_array_add (entries, entry);
    }
  return entries;
}

static RecentEntry *
find_recent_entry (GPtrArray  *entries,
                   const char *uri)
{
  for (guint i = 0; i < entries->len; i++)
    {
      RecentEntry *entry = g_ptr_array_index (entries, i);

      if (g_strcmp0 (entry->uri, uri) == 0)
        return entry;
    }
  return NULL;
}

typedef struct {
  SrmWindow  *window;
  const char *uri;
  guint       n_entries;
} RecentQuery;

static gboolean
recent_menu_lists (gpointer data)
{
  RecentQuery *query = data;
  g_autoptr(GPtrArray) entries = recent_menu_entries (query->window);

  if (query->uri != NULL)
    return find_recent_entry (entries, query->uri) != NULL;
  return entries->len == query->n_entries;
}

/* Until the recent manager has said it changed (GTK coalesces changes for a
 * quarter of a second), so every window has rebuilt its menu. */
static void
wait_for_recent_changed (void)
{
  GtkRecentManager *manager = gtk_recent_manager_get_default ();
  gboolean changed = FALSE;
  gulong id = g_signal_connect_swapped (manager, "changed", G_CALLBACK (set_flag), &changed);

  g_assert_true (srm_test_run_until (flag_set, &changed, WAIT_MS));
  g_signal_handler_disconnect (manager, id);
}

static void
forget_recent_files (void)
{
  GtkRecentManager *manager = gtk_recent_manager_get_default ();
  g_autoptr(GError) error = NULL;
  g_autolist(GtkRecentInfo) items = gtk_recent_manager_get_items (manager);

  if (items == NULL)
    return;
  gtk_recent_manager_purge_items (manager, &error);
  g_assert_no_error (error);
  wait_for_recent_changed ();
}

/* As another application (or this one) records a file it used. */
static void
add_recent (const char *path,
            const char *mime_type)
{
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  GtkRecentData data = {
    .mime_type = (char *) mime_type,
    .app_name = (char *) "some-app",
    .app_exec = (char *) "some-app %u",
  };

  g_assert_true (gtk_recent_manager_add_full (gtk_recent_manager_get_default (), uri, &data));
}

/* A text shown in @widget or under it, as drawn (mnemonics taken out). */
static gboolean
shows_text (GtkWidget  *widget,
            const char *text)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (shows_text (child, text))
      return TRUE;
  return FALSE;
}

static void
test_recent_lists_opened_file (void)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *uri = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GtkRecentInfo) info = NULL;
  RecentEntry *entry;
  RecentQuery query = { 0 };
  SrmWindow *window;
  SrmAssessment *assessment;

  forget_recent_files ();
  window = new_window ();
  entries = recent_menu_entries (window);
  /* Nothing recent: no empty submenu. */
  g_assert_cmpuint (entries->len, ==, 0);
  g_clear_pointer (&entries, g_ptr_array_unref);

  file = write_assessment ("recent.srma", "Opened, then recent");
  uri = g_file_get_uri (file);
  srm_window_open_file (window, file);
  g_assert_true (srm_test_run_until (has_assessment, window, WAIT_MS));

  /* Opening it recorded it, as an assessment, and the menu followed. */
  info = gtk_recent_manager_lookup_item (gtk_recent_manager_get_default (), uri, NULL);
  g_assert_nonnull (info);
  g_assert_cmpstr (gtk_recent_info_get_mime_type (info), ==, ASSESSMENT_MIME_TYPE);
  query.window = window;
  query.uri = uri;
  g_assert_true (srm_test_run_until (recent_menu_lists, &query, WAIT_MS));
  entries = recent_menu_entries (window);
  g_assert_cmpuint (entries->len, ==, 1);
  entry = g_ptr_array_index (entries, 0);
  g_assert_cmpstr (entry->label, ==, "recent.srma");
  g_assert_cmpstr (entry->action, ==, "win.open-recent");
  g_assert_cmpstr (entry->uri, ==, uri);
  g_clear_pointer (&entries, g_ptr_array_unref);

  /* A window opened later lists it from the start, and choosing it opens it. */
  srm_test_destroy_all_windows ();
  window = new_window ();
  entries = recent_menu_entries (window);
  entry = find_recent_entry (entries, uri);
  g_assert_nonnull (entry);
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "open-recent"));
  g_action_group_activate_action (G_ACTION_GROUP (window), "open-recent", g_variant_new_string (entry->uri));
  g_assert_true (srm_test_run_until (has_assessment, window, WAIT_MS));
  assessment = srm_window_get_assessment (window);
  g_assert_cmpstr (srm_assessment_get_title (assessment), ==, "Opened, then recent");
  g_assert_true (g_file_equal (srm_assessment_get_file (assessment), file));
  g_assert_cmpuint (srm_test_count_explorer_windows (GTK_APPLICATION (the_application)), ==, 1);

  srm_test_destroy_all_windows ();
}

static void
test_recent_saved_file_and_name (void)
{
  SrmWindow *window = new_window_with_assessment ();
  /* An underscore in a menu label is a mnemonic; in a file name it is not. */
  g_autofree char *path = work_path ("q4_review.srma");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *uri = g_file_get_uri (file);
  GtkMenuButton *button;
  GtkPopover *popover;
  RecentQuery query = { window, uri, 0 };
  gboolean saved = FALSE;

  forget_recent_files ();
  srm_window_save_assessment_to (window, file, on_saved, &saved);
  g_assert_true (srm_test_run_until (flag_set, &saved, WAIT_MS));
  g_assert_false (srm_assessment_get_dirty (srm_window_get_assessment (window)));

  /* Saving recorded it too. */
  g_assert_true (srm_test_run_until (recent_menu_lists, &query, WAIT_MS));

  /* The menu's labels, as they are drawn, show the file's name as it is. The
   * button gets its menu when it first opens, so it has no popover before. */
  button = find_primary_menu_button (GTK_WIDGET (window));
  g_assert_nonnull (button);
  g_assert_null (gtk_menu_button_get_popover (button));
  gtk_menu_button_popup (button);
  srm_test_drain ();
  popover = gtk_menu_button_get_popover (button);
  g_assert_nonnull (popover);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (popover)));
  g_assert_true (gtk_menu_button_get_menu_model (button) == srm_window_get_primary_menu (window));
  g_assert_true (model_has_action (gtk_menu_button_get_menu_model (button), "win.open"));
  g_assert_true (shows_text (GTK_WIDGET (popover), "q4_review.srma"));
  gtk_menu_button_popdown (button);
  srm_test_drain ();

  srm_test_destroy_all_windows ();
}

static void
test_recent_only_assessments_that_exist (void)
{
  const char *names[] = { "by-type.json", "by-name.srma", "notes.txt", "photo.png", "gone.srma", "plain.srma" };
  const char *types[] = { ASSESSMENT_MIME_TYPE, "application/octet-stream", "text/plain", "image/png",
                          ASSESSMENT_MIME_TYPE, ASSESSMENT_MIME_TYPE };
  char *uris[G_N_ELEMENTS (names)];
  g_autoptr(GPtrArray) entries = NULL;
  SrmWindow *window;

  forget_recent_files ();
  window = new_window ();
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = work_path (names[i]);

      touch (path);
      add_recent (path, types[i]);
      uris[i] = g_filename_to_uri (path, NULL, NULL);
      /* Distinct times, so "newest first" has one answer. */
      g_usleep (20000);
    }
  /* Moved or deleted since it was recorded. */
  {
    g_autofree char *gone = work_path ("gone.srma");
    g_assert_cmpint (g_unlink (gone), ==, 0);
  }
  wait_for_recent_changed ();

  /* The assessments, by type or by name, newest first; not other files, not
   * one that is no longer there. */
  entries = recent_menu_entries (window);
  g_assert_cmpuint (entries->len, ==, 3);
  g_assert_cmpstr (((RecentEntry *) g_ptr_array_index (entries, 0))->uri, ==, uris[5]);
  g_assert_cmpstr (((RecentEntry *) g_ptr_array_index (entries, 1))->uri, ==, uris[1]);
  g_assert_cmpstr (((RecentEntry *) g_ptr_array_index (entries, 2))->uri, ==, uris[0]);
  g_assert_cmpstr (((RecentEntry *) g_ptr_array_index (entries, 2))->label, ==, "by-type.json");
  for (guint i = 0; i < entries->len; i++)
    g_assert_cmpstr (((RecentEntry *) g_ptr_array_index (entries, i))->action, ==, "win.open-recent");

  /* Only other kinds of files: no Open Recent at all. */
  forget_recent_files ();
  {
    g_autofree char *path = work_path ("notes.txt");
    add_recent (path, "text/plain");
  }
  wait_for_recent_changed ();
  g_clear_pointer (&entries, g_ptr_array_unref);
  entries = recent_menu_entries (window);
  g_assert_cmpuint (entries->len, ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_free (uris[i]);
  srm_test_destroy_all_windows ();
}

static void
test_recent_newest_eight (void)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GPtrArray) uris = g_ptr_array_new_with_free_func (g_free);
  SrmWindow *window;

  forget_recent_files ();
  window = new_window ();
  for (guint i = 0; i < 10; i++)
    {
      g_autofree char *name = g_strdup_printf ("team-%u.srma", i);
      g_autofree char *path = work_path (name);

      touch (path);
      add_recent (path, ASSESSMENT_MIME_TYPE);
      g_ptr_array_add (uris, g_filename_to_uri (path, NULL, NULL));
      g_usleep (20000);
    }
  /* Used again: the oldest becomes the newest, wherever GTK keeps it. */
  {
    g_autofree char *path = work_path ("team-0.srma");
    add_recent (path, ASSESSMENT_MIME_TYPE);
  }
  wait_for_recent_changed ();

  /* The eight most recently used, newest first: team-0, then team-9 … team-3. */
  entries = recent_menu_entries (window);
  g_assert_cmpuint (entries->len, ==, 8);
  g_assert_cmpstr (((RecentEntry *) g_ptr_array_index (entries, 0))->uri, ==, g_ptr_array_index (uris, 0));
  for (guint i = 1; i < 8; i++)
    g_assert_cmpstr (((RecentEntry *) g_ptr_array_index (entries, i))->uri, ==, g_ptr_array_index (uris, 10 - i));

  srm_test_destroy_all_windows ();
}

/* ---- autosaved drafts ---- */

static char *
draft_path (const char *draft_id)
{
  g_autofree char *name = g_strconcat (draft_id, ".srma-draft", NULL);

  /* Where docs/assessment-format.md says they go. */
  return g_build_filename (data_home, "srm-explorer", "drafts", name, NULL);
}

static guint
count_drafts (void)
{
  g_autofree char *dir_path = g_build_filename (data_home, "srm-explorer", "drafts", NULL);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;
  guint n = 0;

  if (dir == NULL)
    return 0;
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".srma-draft"))
      n++;
  return n;
}

static void
remove_all_drafts (void)
{
  g_autofree char *dir_path = g_build_filename (data_home, "srm-explorer", "drafts", NULL);

  srm_test_remove_tree (dir_path);
  g_assert_cmpuint (count_drafts (), ==, 0);
}

static gboolean
draft_on_disk (gpointer data)
{
  const char *draft_id = srm_window_get_draft_id (data);
  g_autofree char *path = NULL;

  if (draft_id == NULL)
    return FALSE;
  path = draft_path (draft_id);
  return g_file_test (path, G_FILE_TEST_EXISTS);
}

static gboolean
no_draft_on_disk (gpointer data)
{
  return count_drafts () == 0;
}

/* Drafts are written to a temporary file renamed over the last one: a new
 * inode each time, so a rewrite shows even within the same second. */
static guint64
draft_inode (SrmWindow *window)
{
  g_autofree char *path = draft_path (srm_window_get_draft_id (window));
  GStatBuf buf;

  g_assert_cmpint (g_stat (path, &buf), ==, 0);
  return buf.st_ino;
}

typedef struct {
  SrmWindow *window;
  guint64    inode;
} RewriteQuery;

static gboolean
draft_rewritten (gpointer data)
{
  RewriteQuery *query = data;
  g_autofree char *path = draft_path (srm_window_get_draft_id (query->window));
  GStatBuf buf;

  return g_stat (path, &buf) == 0 && buf.st_ino != query->inode;
}

static SrmAssessment *
load_draft (SrmWindow *window)
{
  g_autoptr(SrmDraftStore) store = srm_draft_store_new (NULL);
  g_autoptr(GError) error = NULL;
  SrmAssessment *draft = srm_draft_store_load_draft (store, srm_window_get_draft_id (window), &error);

  g_assert_no_error (error);
  return draft;
}

static SrmAnswerRow *
row_for (SrmWindow  *window,
         const char *duty_id)
{
  SrmAnswerRow *row = srm_assessment_view_get_row (srm_window_get_assessment_view (window), duty_id);

  g_assert_nonnull (row);
  return row;
}

static void
test_autosave_writes_draft_after_edit (void)
{
  SrmWindow *window;
  SrmAssessment *assessment;
  g_autoptr(SrmAssessment) draft = NULL;
  g_autoptr(SrmAssessment) later = NULL;
  RewriteQuery rewrite;

  remove_all_drafts ();
  window = new_window_with_assessment ();
  assessment = srm_window_get_assessment (window);
  srm_window_set_autosave_interval_for_testing (window, 1);

  /* Edited through the view, as a user would. */
  srm_assessment_set_title (assessment, "Autosaved before lunch");
  gtk_editable_set_text (srm_answer_row_get_owner_entry (row_for (window, "key-vault-purge-protection")),
                         "Night shift");
  /* Written by the timer, not on every keystroke. */
  g_assert_cmpuint (count_drafts (), ==, 0);

  g_assert_true (srm_test_run_until (draft_on_disk, window, WAIT_MS));
  g_assert_cmpuint (count_drafts (), ==, 1);
  draft = load_draft (window);
  g_assert_cmpstr (srm_assessment_get_title (draft), ==, "Autosaved before lunch");
  g_assert_cmpstr (srm_answer_get_owner (srm_assessment_lookup_answer (draft, "key-vault-purge-protection")),
                   ==, "Night shift");
  /* Never saved: the draft belongs to no file. */
  g_assert_null (srm_assessment_get_file (draft));
  /* A draft is no save: the document still has unsaved changes. */
  g_assert_true (srm_assessment_get_dirty (assessment));
  g_assert_nonnull (strstr (gtk_window_get_title (GTK_WINDOW (window)), "•"));

  /* A later edit goes to the same draft at a later tick. */
  rewrite.window = window;
  rewrite.inode = draft_inode (window);
  srm_assessment_set_title (assessment, "Autosaved after lunch");
  g_assert_true (srm_test_run_until (draft_rewritten, &rewrite, WAIT_MS));
  g_assert_cmpuint (count_drafts (), ==, 1);
  later = load_draft (window);
  g_assert_cmpstr (srm_assessment_get_title (later), ==, "Autosaved after lunch");

  srm_test_destroy_all_windows ();
  remove_all_drafts ();
}

static void
test_autosave_only_after_changes (void)
{
  g_autoptr(GFile) file = write_assessment ("untouched.srma", "Opened, not edited");
  SrmWindow *window;
  SrmAssessment *assessment;
  RewriteQuery rewrite;

  remove_all_drafts ();
  window = new_window ();
  srm_window_set_autosave_interval_for_testing (window, 1);
  srm_window_open_file (window, file);
  g_assert_true (srm_test_run_until (has_assessment, window, WAIT_MS));
  assessment = srm_window_get_assessment (window);
  g_assert_false (srm_assessment_get_dirty (assessment));

  /* Several intervals with the document as on disk: no draft. */
  srm_test_run_for (3500);
  g_assert_null (srm_window_get_draft_id (window));
  g_assert_cmpuint (count_drafts (), ==, 0);

  /* An edit: one draft at the next tick… */
  srm_assessment_set_organisation (assessment, "Fabrikam");
  g_assert_true (srm_test_run_until (draft_on_disk, window, WAIT_MS));
  {
    g_autoptr(SrmAssessment) draft = load_draft (window);

    g_assert_cmpstr (srm_assessment_get_organisation (draft), ==, "Fabrikam");
    /* It knows the file it belongs to, for recovery. */
    g_assert_true (g_file_equal (srm_assessment_get_file (draft), file));
  }

  /* …and no rewrite while nothing changes, though the document stays unsaved. */
  rewrite.window = window;
  rewrite.inode = draft_inode (window);
  srm_test_run_for (3500);
  g_assert_true (srm_assessment_get_dirty (assessment));
  g_assert_false (draft_rewritten (&rewrite));
  g_assert_cmpuint (count_drafts (), ==, 1);

  srm_test_destroy_all_windows ();
  remove_all_drafts ();
}

static void
test_autosave_draft_removed_after_save (void)
{
  g_autofree char *path = work_path ("saved-after-draft.srma");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *first_draft = NULL;
  SrmWindow *window;
  SrmAssessment *assessment;
  gboolean saved = FALSE;

  remove_all_drafts ();
  window = new_window_with_assessment ();
  assessment = srm_window_get_assessment (window);
  srm_window_set_autosave_interval_for_testing (window, 1);

  srm_assessment_set_title (assessment, "Drafted, then saved");
  g_assert_true (srm_test_run_until (draft_on_disk, window, WAIT_MS));
  first_draft = draft_path (srm_window_get_draft_id (window));

  srm_window_save_assessment_to (window, file, on_saved, &saved);
  g_assert_true (srm_test_run_until (flag_set, &saved, WAIT_MS));
  g_assert_false (srm_assessment_get_dirty (assessment));
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
  /* The file has everything the draft had: the draft goes. */
  g_assert_true (srm_test_run_until (no_draft_on_disk, NULL, WAIT_MS));
  g_assert_false (g_file_test (first_draft, G_FILE_TEST_EXISTS));

  /* Saved and untouched: the timer writes nothing more. */
  srm_test_run_for (2500);
  g_assert_cmpuint (count_drafts (), ==, 0);

  /* The next edit starts drafting again. */
  srm_assessment_set_title (assessment, "Edited after saving");
  g_assert_true (srm_test_run_until (draft_on_disk, window, WAIT_MS));
  {
    g_autoptr(SrmAssessment) draft = load_draft (window);

    g_assert_cmpstr (srm_assessment_get_title (draft), ==, "Edited after saving");
    g_assert_true (g_file_equal (srm_assessment_get_file (draft), file));
  }

  srm_test_destroy_all_windows ();
  remove_all_drafts ();
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  /* Drafts and recent files go to a folder of our own, before GLib caches
   * the user data dir: never those of whoever runs the tests. */
  data_home = g_dir_make_tmp ("srm-window-files-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  work_dir = g_build_filename (data_home, "files", NULL);
  g_assert_cmpint (g_mkdir (work_dir, 0700), ==, 0);

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  the_application = srm_application_new ();
  g_application_register (G_APPLICATION (the_application), NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/window-files/drop/opens-assessment", test_drop_opens_assessment);
  g_test_add_func ("/window-files/drop/open-document-uses-new-window", test_drop_on_open_document_uses_new_window);
  g_test_add_func ("/window-files/drop/several-files", test_drop_several_files);
  g_test_add_func ("/window-files/drop/malformed-keeps-document", test_drop_malformed_keeps_document);
  g_test_add_func ("/window-files/drop/refuses-non-files", test_drop_refuses_non_files);
  g_test_add_func ("/window-files/recent/lists-opened-file", test_recent_lists_opened_file);
  g_test_add_func ("/window-files/recent/saved-file-and-name", test_recent_saved_file_and_name);
  g_test_add_func ("/window-files/recent/only-assessments-that-exist", test_recent_only_assessments_that_exist);
  g_test_add_func ("/window-files/recent/newest-eight", test_recent_newest_eight);
  g_test_add_func ("/window-files/autosave/writes-draft-after-edit", test_autosave_writes_draft_after_edit);
  g_test_add_func ("/window-files/autosave/only-after-changes", test_autosave_only_after_changes);
  g_test_add_func ("/window-files/autosave/draft-removed-after-save", test_autosave_draft_removed_after_save);

  status = g_test_run ();
  g_clear_object (&the_application);
  srm_test_remove_tree (data_home);
  g_free (work_dir);
  g_free (data_home);
  return status;
}
