/* srm-test-util.c: main-loop, window and temporary-file helpers shared by the
 * UI tests. */
#include <gio/gio.h>

#include "srm-test-util.h"
#include "srm-window.h"

void
srm_test_drain (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

void
srm_test_run_for (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (2000);
    }
}

gboolean
srm_test_run_until (SrmTestCondition condition,
                    gpointer         data,
                    guint            timeout_ms)
{
  gint64 end = g_get_monotonic_time () + timeout_ms * (gint64) 1000;

  while (g_get_monotonic_time () < end)
    {
      if (condition (data))
        return TRUE;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  return condition (data);
}

static void
remove_file_tree (GFile *file)
{
  g_autoptr(GFileEnumerator) children =
    g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                               G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);

  if (children != NULL)
    {
      GFileInfo *info;
      GFile *child;

      while (g_file_enumerator_iterate (children, &info, &child, NULL, NULL) && info != NULL)
        if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
          remove_file_tree (child);
        else
          g_file_delete (child, NULL, NULL);
    }
  g_file_delete (file, NULL, NULL);
}

void
srm_test_remove_tree (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  remove_file_tree (file);
}

void
srm_test_reset_settings (void)
{
  g_autoptr(GSettings) settings = g_settings_new ("io.github.srmexplorer.SrmExplorer");

  g_settings_reset (settings, "catalog");
  g_settings_reset (settings, "model");
  g_settings_reset (settings, "services");
}

GtkWidget *
srm_test_find_widget (GtkWidget          *root,
                      SrmTestWidgetMatch  match,
                      gconstpointer       data)
{
  if (match (root, data))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = srm_test_find_widget (child, match, data);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
is_of_type (GtkWidget     *widget,
            gconstpointer  type)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (type));
}

GtkWidget *
srm_test_find_widget_of_type (GtkWidget *root,
                              GType      type)
{
  return srm_test_find_widget (root, is_of_type, GSIZE_TO_POINTER (type));
}

guint
srm_test_count_explorer_windows (GtkApplication *application)
{
  guint n = 0;

  for (GList *l = gtk_application_get_windows (application); l != NULL; l = l->next)
    if (SRM_IS_WINDOW (l->data))
      n++;
  return n;
}

void
srm_test_destroy_all_windows (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  g_autoptr(GPtrArray) windows = g_ptr_array_new_with_free_func (g_object_unref);

  /* Dialogs, then the explorer windows; not what GTK owns (help overlays). */
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      GtkWindow *toplevel = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (toplevel))
        g_ptr_array_insert (windows, 0, toplevel);
      else if (SRM_IS_WINDOW (toplevel))
        g_ptr_array_add (windows, toplevel);
      else
        g_object_unref (toplevel);
    }
  for (guint i = 0; i < windows->len; i++)
    gtk_window_destroy (g_ptr_array_index (windows, i));
  srm_test_drain ();
}

AdwMessageDialog *
srm_test_find_message_dialog (GtkWindow  *window,
                              const char *heading)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (toplevel)
          && gtk_widget_get_visible (GTK_WIDGET (toplevel))
          && gtk_window_get_transient_for (toplevel) == window
          && (heading == NULL
              || g_str_has_prefix (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (toplevel)), heading)))
        return ADW_MESSAGE_DIALOG (toplevel);
    }
  return NULL;
}

typedef struct {
  GtkWindow  *window;
  const char *heading;
} DialogQuery;

static gboolean
dialog_shown (gpointer data)
{
  DialogQuery *query = data;

  return srm_test_find_message_dialog (query->window, query->heading) != NULL;
}

AdwMessageDialog *
srm_test_wait_for_message_dialog (GtkWindow  *window,
                                  const char *heading,
                                  guint       timeout_ms)
{
  DialogQuery query = { window, heading };

  srm_test_run_until (dialog_shown, &query, timeout_ms);
  return srm_test_find_message_dialog (window, heading);
}
