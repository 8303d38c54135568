/* test-widgets.c: the service picker, the layer list and the details panel,
 * driven in real windows under Xvfb the way a user would drive them. */
#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "srm-details-panel.h"
#include "srm-layer-list.h"
#include "srm-service-picker.h"
#include "srm-tooltip.h"
#include "srm-test-util.h"
#include "srm-ui-resources.h"

#define CATALOG_PATH RESOURCE_PREFIX "/catalogs/"

static SrmCatalog *
load_catalog (const char *id)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_strdup_printf (CATALOG_PATH "%s.json", id);
  SrmCatalog *catalog = srm_catalog_new_from_resource (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (catalog);
  return catalog;
}

static void
iterate (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static gboolean
quit_wait (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* GtkSearchEntry waits a moment after typing before it says the text changed. */
static void
wait_ms (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, quit_wait, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  iterate ();
}

static GtkWindow *
show_in_window (GtkWidget *widget)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());

  gtk_window_set_default_size (window, 400, 700);
  gtk_window_set_child (window, widget);
  gtk_window_present (window);
  while (!gtk_widget_get_mapped (widget))
    g_main_context_iteration (NULL, TRUE);
  iterate ();
  return window;
}

static gboolean
has_action_name (GtkWidget     *widget,
                 gconstpointer  action_name)
{
  return GTK_IS_ACTIONABLE (widget) &&
         g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action_name) == 0;
}

static GtkWidget *
find_action_widget (GtkWidget  *root,
                    const char *action_name)
{
  return srm_test_find_widget (root, has_action_name, action_name);
}

static void
type_search (SrmServicePicker *picker,
             const char       *text)
{
  gtk_editable_set_text (srm_service_picker_get_search_entry (picker), text);
  wait_ms (400);
}

/* ---- SrmServicePicker ---- */

static void
test_picker_search (void)
{
  g_autoptr(SrmCatalog) catalog = load_catalog ("azure");
  g_autoptr(SrmSelection) selection = srm_selection_new (catalog);
  SrmServicePicker *picker = SRM_SERVICE_PICKER (srm_service_picker_new (selection));
  GtkWindow *window = show_in_window (GTK_WIDGET (picker));
  g_auto(GStrv) all = NULL;
  g_auto(GStrv) kube = NULL;
  g_auto(GStrv) category = NULL;
  g_auto(GStrv) again = NULL;
  AdwStatusPage *status;

  all = srm_service_picker_dup_visible_ids (picker);
  g_assert_cmpuint (g_strv_length (all), ==, g_list_model_get_n_items (srm_catalog_get_services (catalog)));
  g_assert_null (srm_service_picker_get_status_page (picker));

  /* Case-insensitive, on the name ("Kubernetes"). */
  type_search (picker, "KUBE");
  kube = srm_service_picker_dup_visible_ids (picker);
  g_assert_cmpstrv (kube, ((const char *[]) { "aks", NULL }));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (srm_service_picker_get_row (picker, "aks"))));

  /* On the category: "Containers" holds AKS, Container Instances, Container Apps, Registry. */
  type_search (picker, "containers");
  category = srm_service_picker_dup_visible_ids (picker);
  g_assert_true (g_strv_contains ((const char * const *) category, "aks"));
  g_assert_true (g_strv_contains ((const char * const *) category, "acr"));
  g_assert_false (g_strv_contains ((const char * const *) category, "app-service"));

  type_search (picker, "no such service");
  status = srm_service_picker_get_status_page (picker);
  g_assert_nonnull (status);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (status)));
  g_assert_cmpstr (adw_status_page_get_title (status), ==, "No services match");

  type_search (picker, "");
  again = srm_service_picker_dup_visible_ids (picker);
  g_assert_cmpuint (g_strv_length (again), ==, g_strv_length (all));
  g_assert_null (srm_service_picker_get_status_page (picker));

  gtk_window_destroy (window);
  iterate ();
}

static void
test_picker_sorted_by_category (void)
{
  g_autoptr(SrmCatalog) catalog = load_catalog ("azure");
  g_autoptr(SrmSelection) selection = srm_selection_new (catalog);
  SrmServicePicker *picker = SRM_SERVICE_PICKER (srm_service_picker_new (selection));
  GtkWindow *window = show_in_window (GTK_WIDGET (picker));
  g_auto(GStrv) ids = srm_service_picker_dup_visible_ids (picker);

  for (guint i = 1; ids[i] != NULL; i++)
    {
      SrmService *a = srm_catalog_lookup_service (catalog, ids[i - 1]);
      SrmService *b = srm_catalog_lookup_service (catalog, ids[i]);
      int by_category = g_utf8_collate (srm_service_get_category (a), srm_service_get_category (b));

      g_assert_cmpint (by_category, <=, 0);
      if (by_category == 0)
        g_assert_cmpint (g_utf8_collate (srm_service_get_name (a), srm_service_get_name (b)), <=, 0);
    }

  gtk_window_destroy (window);
  iterate ();
}

/* The picker shows long names on the lines they would wrap to, broken by
 * itself, so that no label in the list has to wrap (which GTK does at great
 * cost); short names stay on one line, and no name loses a character. */
static void
test_picker_long_names (void)
{
  g_autoptr(SrmCatalog) catalog = load_catalog ("azure");
  g_autoptr(SrmSelection) selection = srm_selection_new (catalog);
  SrmServicePicker *picker = SRM_SERVICE_PICKER (srm_service_picker_new (selection));
  GtkWindow *window = show_in_window (GTK_WIDGET (picker));
  GListModel *services = srm_catalog_get_services (catalog);
  guint n_broken = 0;

  for (guint i = 0; i < g_list_model_get_n_items (services); i++)
    {
      g_autoptr(SrmService) service = g_list_model_get_item (services, i);
      GtkListBoxRow *row = srm_service_picker_get_row (picker, srm_service_get_id (service));
      GtkWidget *name = NULL;
      g_autofree char *joined = NULL;

      g_assert_nonnull (row);
      for (GtkWidget *child = gtk_widget_get_first_child (gtk_list_box_row_get_child (row));
           child != NULL && name == NULL; child = gtk_widget_get_next_sibling (child))
        if (GTK_IS_LABEL (child) && gtk_widget_get_hexpand (child))
          name = child;
      g_assert_nonnull (name);
      g_assert_false (gtk_label_get_wrap (GTK_LABEL (name)));

      joined = g_strdup (gtk_label_get_label (GTK_LABEL (name)));
      g_strdelimit (joined, "\n", ' ');
      g_assert_cmpstr (joined, ==, srm_service_get_name (service));
      if (strchr (gtk_label_get_label (GTK_LABEL (name)), '\n') != NULL)
        n_broken++;
      if (g_utf8_strlen (srm_service_get_name (service), -1) <= 24)
        g_assert_null (strchr (gtk_label_get_label (GTK_LABEL (name)), '\n'));
    }
  /* "Azure AI services (Language, Vision, Speech, Content Safety, ...)" and
   * its like cannot fit 24 characters. */
  g_assert_cmpuint (n_broken, >=, 5);

  gtk_window_destroy (window);
  iterate ();
}

/* Built before its window shows, the picker makes only the rows the window
 * can show, and the rest once the first frame is painted; that first frame
 * still shows rows all the way down. A search needs every row, so it builds
 * them at once. */
typedef struct {
  SrmServicePicker *picker;
  guint             n_built;       /* when the first frame was painted */
  gboolean          filled;        /* the built rows reached the bottom then */
} FirstFrame;

static void
on_first_after_paint (GdkFrameClock *frame_clock,
                      FirstFrame    *first)
{
  GtkWidget *picker = GTK_WIDGET (first->picker);
  g_autofree char *last_id = NULL;
  g_auto(GStrv) ids = NULL;
  graphene_rect_t bounds;
  guint n;

  g_signal_handlers_disconnect_by_func (frame_clock, on_first_after_paint, first);
  n = first->n_built = srm_service_picker_get_n_built_rows (first->picker);
  g_assert_cmpuint (n, >, 0);

  /* The sorted order is the rows' order: the last one built is the nth. */
  ids = srm_service_picker_dup_visible_ids (first->picker);  /* builds the rest */
  last_id = g_strdup (ids[n - 1]);
  g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (srm_service_picker_get_row (first->picker, last_id)),
                                            picker, &bounds));
  first->filled = bounds.origin.y + bounds.size.height >= gtk_widget_get_height (picker);
}

static void
on_window_realize (GtkWidget  *window,
                   FirstFrame *first)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (on_first_after_paint), first);
}

static void
test_picker_rows_in_two_steps (void)
{
  g_autoptr(SrmCatalog) catalog = load_catalog ("azure");
  g_autoptr(SrmSelection) selection = srm_selection_new (catalog);
  guint n_services = g_list_model_get_n_items (srm_catalog_get_services (catalog));
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  SrmServicePicker *picker = SRM_SERVICE_PICKER (srm_service_picker_new (NULL));
  SrmServicePicker *searched = SRM_SERVICE_PICKER (srm_service_picker_new (NULL));
  FirstFrame first = { picker, 0, FALSE };
  g_auto(GStrv) matches = NULL;

  gtk_window_set_default_size (window, 400, 300);
  gtk_window_set_child (window, GTK_WIDGET (picker));
  srm_service_picker_set_selection (picker, selection);
  /* Under the picker's search tools (at least 43 px), 300 px hold at most
   * 257 / 44 rows: the picker makes one more. */
  g_assert_cmpuint (srm_service_picker_rows_for_height (300), ==, 6);
  g_assert_cmpuint (srm_service_picker_get_n_built_rows (picker), ==, 6);
  g_assert_cmpuint (srm_service_picker_get_n_built_rows (picker), <, n_services);

  g_signal_connect_after (window, "realize", G_CALLBACK (on_window_realize), &first);
  gtk_window_present (window);
  while (first.n_built == 0)
    g_main_context_iteration (NULL, TRUE);
  iterate ();
  g_assert_cmpuint (first.n_built, ==, 6);
  g_assert_true (first.filled);
  g_assert_cmpuint (srm_service_picker_get_n_built_rows (picker), ==, n_services);

  /* Once on screen, a picker gets all its rows at once. */
  srm_service_picker_set_selection (picker, NULL);
  srm_service_picker_set_selection (picker, selection);
  g_assert_cmpuint (srm_service_picker_get_n_built_rows (picker), ==, n_services);
  gtk_window_destroy (window);

  /* A search on a picker not yet shown: every match gets a row. */
  g_object_ref_sink (searched);
  srm_service_picker_set_selection (searched, selection);
  gtk_editable_set_text (srm_service_picker_get_search_entry (searched), "azure");
  wait_ms (400);
  matches = srm_service_picker_dup_visible_ids (searched);
  g_assert_cmpuint (g_strv_length (matches), >, 6);
  g_assert_cmpuint (srm_service_picker_get_n_built_rows (searched), ==, g_strv_length (matches));
  g_object_unref (searched);
  iterate ();
}

static void
test_picker_activate (void)
{
  g_autoptr(SrmCatalog) catalog = load_catalog ("azure");
  g_autoptr(SrmSelection) selection = srm_selection_new (catalog);
  SrmServicePicker *picker = SRM_SERVICE_PICKER (srm_service_picker_new (selection));
  GtkWindow *window = show_in_window (GTK_WIDGET (picker));
  GtkWidget *clear = find_action_widget (GTK_WIDGET (picker), "picker.clear");
  GtkListBoxRow *row;

  g_assert_nonnull (clear);
  g_assert_false (gtk_widget_is_sensitive (clear));
  g_assert_cmpstr (srm_service_picker_get_count_text (picker), ==, "No services selected");

  row = srm_service_picker_get_row (picker, "app-service");
  g_assert_nonnull (row);
  g_assert_false (srm_service_picker_get_row_checked (picker, "app-service"));

  /* What a click, Enter or Space on the row does. */
  gtk_widget_activate (GTK_WIDGET (row));
  iterate ();
  g_assert_true (srm_selection_has_service (selection, "app-service"));
  g_assert_true (srm_service_picker_get_row_checked (picker, "app-service"));
  g_assert_cmpstr (srm_service_picker_get_count_text (picker), ==, "1 service selected");
  g_assert_true (gtk_widget_is_sensitive (clear));

  gtk_widget_activate (GTK_WIDGET (srm_service_picker_get_row (picker, "aks")));
  iterate ();
  g_assert_cmpstrv (srm_selection_get_service_ids (selection),
                    ((const char *[]) { "aks", "app-service", NULL }));
  g_assert_cmpstr (srm_service_picker_get_count_text (picker), ==, "2 services selected");

  /* Activating again takes it out. */
  gtk_widget_activate (GTK_WIDGET (srm_service_picker_get_row (picker, "aks")));
  iterate ();
  g_assert_false (srm_selection_has_service (selection, "aks"));
  g_assert_false (srm_service_picker_get_row_checked (picker, "aks"));
  g_assert_cmpstr (srm_service_picker_get_count_text (picker), ==, "1 service selected");

  gtk_window_destroy (window);
  iterate ();
}

static void
test_picker_follows_selection (void)
{
  g_autoptr(SrmCatalog) catalog = load_catalog ("azure");
  g_autoptr(SrmSelection) selection = srm_selection_new (catalog);
  SrmServicePicker *picker = SRM_SERVICE_PICKER (srm_service_picker_new (selection));
  GtkWindow *window = show_in_window (GTK_WIDGET (picker));
  GtkWidget *clear = find_action_widget (GTK_WIDGET (picker), "picker.clear");
  GtkListBoxRow *aks_row = srm_service_picker_get_row (picker, "aks");

  gtk_widget_grab_focus (GTK_WIDGET (aks_row));

  /* Changed from elsewhere (the diagram, a saved workload). */
  srm_selection_set_service_ids (selection, (const char *[]) { "aks", "storage", NULL });
  iterate ();
  g_assert_true (srm_service_picker_get_row_checked (picker, "aks"));
  g_assert_true (srm_service_picker_get_row_checked (picker, "storage"));
  g_assert_false (srm_service_picker_get_row_checked (picker, "app-service"));
  g_assert_cmpstr (srm_service_picker_get_count_text (picker), ==, "2 services selected");
  /* Updated in place: the same row, still focused. */
  g_assert_true (srm_service_picker_get_row (picker, "aks") == aks_row);
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (aks_row)));

  /* Clear empties the workload and disables itself. */
  g_assert_true (gtk_widget_is_sensitive (clear));
  g_signal_emit_by_name (clear, "clicked");
  iterate ();
  g_assert_cmpstrv (srm_selection_get_service_ids (selection), ((const char *[]) { NULL }));
  g_assert_false (srm_service_picker_get_row_checked (picker, "aks"));
  g_assert_false (srm_service_picker_get_row_checked (picker, "storage"));
  g_assert_cmpstr (srm_service_picker_get_count_text (picker), ==, "No services selected");
  g_assert_false (gtk_widget_is_sensitive (clear));

  gtk_window_destroy (window);
  iterate ();
}

static void
test_picker_catalog_without_services (void)
{
  g_autoptr(SrmCatalog) catalog = load_catalog ("azure");
  g_autoptr(SrmCatalog) table = load_catalog ("azure-2026");
  g_autoptr(SrmSelection) selection = srm_selection_new (catalog);
  SrmServicePicker *picker = SRM_SERVICE_PICKER (srm_service_picker_new (selection));
  GtkWindow *window = show_in_window (GTK_WIDGET (picker));
  g_auto(GStrv) none = NULL;
  g_auto(GStrv) back = NULL;
  AdwStatusPage *status;

  g_assert_cmpuint (g_list_model_get_n_items (srm_catalog_get_services (table)), ==, 0);

  srm_selection_set_catalog (selection, table);
  iterate ();
  status = srm_service_picker_get_status_page (picker);
  g_assert_nonnull (status);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (status)));
  g_assert_cmpstr (adw_status_page_get_title (status), ==, "This catalog has no services");
  none = srm_service_picker_dup_visible_ids (picker);
  g_assert_cmpuint (g_strv_length (none), ==, 0);

  srm_selection_set_catalog (selection, catalog);
  iterate ();
  g_assert_null (srm_service_picker_get_status_page (picker));
  back = srm_service_picker_dup_visible_ids (picker);
  g_assert_cmpuint (g_strv_length (back), ==, g_list_model_get_n_items (srm_catalog_get_services (catalog)));

  gtk_window_destroy (window);
  iterate ();
}

/* ---- SrmLayerList ---- */

static char *
expected_all_models (SrmCatalog *catalog,
                     const char *layer_id)
{
  GListModel *models = srm_catalog_get_models (catalog);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (models); i++)
    {
      g_autoptr(SrmServiceModel) model = g_list_model_get_item (models, i);
      SrmOwner owner;

      g_assert_true (srm_catalog_get_owner (catalog, layer_id, srm_service_model_get_id (model), &owner));
      g_string_append_printf (text, "%s%s: %s", i > 0 ? " · " : "",
                              srm_service_model_get_short_name (model),
                              srm_owner_get_label (owner, srm_catalog_get_provider_name (catalog)));
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
on_layer_activated (SrmLayerList *list,
                    const char   *layer_id,
                    char        **out)
{
  g_free (*out);
  *out = g_strdup (layer_id);
}

/* srm_tooltip_set_text_unmapped () sets the text and leaves the widget as
 * visible or hidden as it was, in its parent if it has one. */
static void
test_tooltip_unmapped (void)
{
  GtkWidget *shown = g_object_ref_sink (gtk_label_new ("Shown"));
  GtkWidget *hidden = g_object_ref_sink (gtk_label_new ("Hidden"));
  GtkWidget *box = g_object_ref_sink (gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0));
  GtkWidget *child = gtk_button_new_with_label ("Child");

  gtk_widget_set_visible (hidden, FALSE);
  srm_tooltip_set_text_unmapped (shown, "A tip");
  srm_tooltip_set_text_unmapped (hidden, "Another tip");
  g_assert_true (gtk_widget_get_visible (shown));
  g_assert_false (gtk_widget_get_visible (hidden));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (shown), ==, "A tip");
  g_assert_true (gtk_widget_get_has_tooltip (shown));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (hidden), ==, "Another tip");

  srm_tooltip_set_text_unmapped (shown, NULL);
  g_assert_null (gtk_widget_get_tooltip_text (shown));
  g_assert_false (gtk_widget_get_has_tooltip (shown));

  /* A child of a widget that is not in a window yet, like a template's. */
  gtk_box_append (GTK_BOX (box), child);
  srm_tooltip_set_text_unmapped (child, "A child's tip");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (child), ==, "A child's tip");
  g_assert_true (gtk_widget_get_visible (child));
  g_assert_true (gtk_widget_get_parent (child) == box);

  g_object_unref (shown);
  g_object_unref (hidden);
  g_object_unref (box);
}

static void
test_layer_list_owners (void)
{
  g_autoptr(SrmCatalog) catalog = load_catalog ("azure");
  g_autoptr(SrmSelection) selection = srm_selection_new (catalog);
  SrmLayerList *list = SRM_LAYER_LIST (srm_layer_list_new (selection));
  GtkWindow *window = show_in_window (GTK_WIDGET (list));
  const char *provider = srm_catalog_get_provider_name (catalog);
  g_autofree char *os_all = expected_all_models (catalog, "os");
  g_autofree char *paas_os = g_strdup_printf ("PaaS: %s", srm_owner_get_label (SRM_OWNER_PROVIDER, provider));
  g_autofree char *paas_data = g_strdup_printf ("PaaS: %s", srm_owner_get_label (SRM_OWNER_CUSTOMER, provider));
  g_autofree char *activated = NULL;
  GListModel *layers = srm_catalog_get_layers (catalog);
  const char *text;

  /* One row per layer, shown, with the layer's description as its tooltip
   * (set while the row was hidden: see srm-tooltip.c). */
  for (guint i = 0; i < g_list_model_get_n_items (layers); i++)
    {
      g_autoptr(SrmLayer) layer = g_list_model_get_item (layers, i);
      GtkListBoxRow *row = srm_layer_list_get_row (list, srm_layer_get_id (layer));

      g_assert_nonnull (row);
      g_assert_true (gtk_widget_get_visible (GTK_WIDGET (row)));
      g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (row)));
      g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (row)), ==, srm_layer_get_description (layer));
    }

  /* Nothing selected: every model, in words. */
  g_assert_true (srm_selection_is_empty (selection));
  g_assert_cmpstr (srm_layer_list_get_owners_text (list, "os"), ==, os_all);
  g_assert_nonnull (strstr (os_all, "PaaS: Microsoft"));

  srm_selection_set_model_id (selection, "paas");
  iterate ();
  g_assert_cmpstr (srm_layer_list_get_owners_text (list, "os"), ==, paas_os);
  g_assert_cmpstr (srm_layer_list_get_owners_text (list, "data"), ==, paas_data);
  g_assert_cmpstr (srm_layer_list_get_owners_text (list, "os"), ==, "PaaS: Microsoft");

  /* AKS shares the OS with Microsoft, unlike its model: the row says both. */
  srm_selection_set_model_id (selection, NULL);
  srm_selection_set_service_ids (selection, (const char *[]) { "aks", "app-service", NULL });
  iterate ();
  text = srm_layer_list_get_owners_text (list, "os");
  g_assert_cmpstr (text, ==,
                   "Azure Kubernetes Service (AKS): Shared (differs from PaaS)\n"
                   "Azure App Service: Microsoft");

  srm_selection_set_service_ids (selection, NULL);
  iterate ();
  g_assert_cmpstr (srm_layer_list_get_owners_text (list, "os"), ==, os_all);

  g_signal_connect (list, "layer-activated", G_CALLBACK (on_layer_activated), &activated);
  gtk_widget_activate (GTK_WIDGET (srm_layer_list_get_row (list, "network-controls")));
  iterate ();
  g_assert_cmpstr (activated, ==, "network-controls");

  gtk_window_destroy (window);
  iterate ();
}

/* The AI catalog's layers have no group: a row is then labelled by its name
 * alone, and still described by its owners. (Building these rows once read
 * past the end of the relation list and crashed when a tour switched to
 * that catalog.) */
static void
test_layer_list_without_groups (void)
{
  g_autoptr(SrmCatalog) azure = load_catalog ("azure");
  g_autoptr(SrmCatalog) ai = load_catalog ("azure-ai");
  g_autoptr(SrmSelection) selection = srm_selection_new (azure);
  SrmLayerList *list = SRM_LAYER_LIST (srm_layer_list_new (selection));
  GtkWindow *window = show_in_window (GTK_WIDGET (list));
  GListModel *layers = srm_catalog_get_layers (ai);

  srm_selection_set_catalog (selection, ai);
  iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (layers), >, 0);
  for (guint i = 0; i < g_list_model_get_n_items (layers); i++)
    {
      g_autoptr(SrmLayer) layer = g_list_model_get_item (layers, i);
      const char *id = srm_layer_get_id (layer);
      g_autofree char *expected = expected_all_models (ai, id);
      GtkListBoxRow *row = srm_layer_list_get_row (list, id);

      g_assert_null (srm_layer_get_group_id (layer));
      g_assert_nonnull (row);
      g_assert_true (gtk_test_accessible_has_relation (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_RELATION_LABELLED_BY));
      g_assert_true (gtk_test_accessible_has_relation (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_RELATION_DESCRIBED_BY));
      g_assert_false (gtk_test_accessible_has_relation (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_RELATION_ACTIVE_DESCENDANT));
      g_assert_cmpstr (srm_layer_list_get_owners_text (list, id), ==, expected);
    }
  g_assert_null (srm_layer_list_get_row (list, "os"));

  srm_selection_set_catalog (selection, azure);
  iterate ();
  g_assert_nonnull (srm_layer_list_get_row (list, "os"));

  gtk_window_destroy (window);
  iterate ();
}

/* ---- SrmDetailsPanel ---- */

static GPtrArray *
expected_duties (SrmCatalog         *catalog,
                 const char * const *service_ids,
                 const char         *layer_id)
{
  GPtrArray *ids = g_ptr_array_new ();

  for (guint i = 0; service_ids[i] != NULL; i++)
    {
      GListModel *duties = srm_service_get_duties (srm_catalog_lookup_service (catalog, service_ids[i]));

      for (guint d = 0; d < g_list_model_get_n_items (duties); d++)
        {
          g_autoptr(SrmDuty) duty = g_list_model_get_item (duties, d);
          if (g_str_equal (srm_duty_get_layer_id (duty), layer_id))
            g_ptr_array_add (ids, (gpointer) srm_duty_get_id (duty));
        }
    }
  return ids;
}

static void
test_details_duties (void)
{
  g_autoptr(SrmCatalog) catalog = load_catalog ("azure");
  g_autoptr(SrmSelection) selection = srm_selection_new (catalog);
  SrmDetailsPanel *panel = SRM_DETAILS_PANEL (srm_details_panel_new (selection));
  GtkWindow *window = show_in_window (GTK_WIDGET (panel));
  g_autoptr(GPtrArray) expected = NULL;
  AdwStatusPage *status;

  /* No layer: a hint instead. */
  status = srm_details_panel_get_status_page (panel);
  g_assert_nonnull (status);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (status)));

  srm_details_panel_set_layer_id (panel, "os");
  iterate ();
  g_assert_null (srm_details_panel_get_status_page (panel));
  g_assert_cmpuint (srm_details_panel_get_n_duties (panel), ==, 0);

  srm_selection_set_service_ids (selection, (const char *[]) { "app-service", "aks", NULL });
  iterate ();
  expected = expected_duties (catalog, srm_selection_get_service_ids (selection), "os");
  /* AKS has one duty on the OS (node images), App Service none. */
  g_assert_cmpuint (expected->len, ==, 1);
  g_assert_cmpuint (srm_details_panel_get_n_duties (panel), ==, expected->len);
  for (guint i = 0; i < expected->len; i++)
    {
      SrmDuty *duty = srm_catalog_lookup_duty (catalog, g_ptr_array_index (expected, i));

      g_assert_cmpstr (srm_details_panel_get_duty_id (panel, i), ==, g_ptr_array_index (expected, i));
      g_assert_cmpstr (srm_details_panel_get_duty_text (panel, i), ==, srm_duty_get_text (duty));
      g_assert_cmpstr (srm_duty_get_service_id (duty), ==, "aks");
    }

  /* Another layer follows the same selection. */
  srm_details_panel_set_layer_id (panel, "accounts");
  iterate ();
  g_clear_pointer (&expected, g_ptr_array_unref);
  expected = expected_duties (catalog, srm_selection_get_service_ids (selection), "accounts");
  g_assert_cmpuint (expected->len, >, 1);
  g_assert_cmpuint (srm_details_panel_get_n_duties (panel), ==, expected->len);

  srm_details_panel_set_layer_id (panel, NULL);
  iterate ();
  status = srm_details_panel_get_status_page (panel);
  g_assert_nonnull (status);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (status)));
  g_assert_cmpuint (srm_details_panel_get_n_duties (panel), ==, 0);

  gtk_window_destroy (window);
  iterate ();
}

static void
test_details_catalog_switch (void)
{
  g_autoptr(SrmCatalog) catalog = load_catalog ("azure");
  g_autoptr(SrmCatalog) table = load_catalog ("azure-2026");
  g_autoptr(SrmSelection) selection = srm_selection_new (catalog);
  SrmDetailsPanel *panel = SRM_DETAILS_PANEL (srm_details_panel_new (selection));
  GtkWindow *window = show_in_window (GTK_WIDGET (panel));
  GListModel *layers = srm_catalog_get_layers (table);
  g_autoptr(SrmLayer) first = g_list_model_get_item (layers, 0);

  srm_selection_set_service_ids (selection, (const char *[]) { "aks", NULL });
  srm_details_panel_set_layer_id (panel, "os");
  iterate ();
  g_assert_cmpuint (srm_details_panel_get_n_duties (panel), ==, 1);

  /* The other catalog has no services, so no duties, whatever the layer. */
  srm_selection_set_catalog (selection, table);
  iterate ();
  g_assert_cmpuint (srm_details_panel_get_n_duties (panel), ==, 0);
  if (srm_catalog_lookup_layer (table, "os") == NULL)
    {
      g_assert_null (srm_details_panel_get_layer_id (panel));
      g_assert_nonnull (srm_details_panel_get_status_page (panel));
    }

  srm_details_panel_set_layer_id (panel, srm_layer_get_id (first));
  iterate ();
  g_assert_null (srm_details_panel_get_status_page (panel));

  gtk_window_destroy (window);
  iterate ();
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  /* GTK's test accessibility backend keeps the roles, properties and
   * relations widgets set, so the tests can read them back; "none" drops them. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  gtk_init ();
  adw_init ();
  srm_ui_register_resource ();
  /* Not srm_catalogs_register_resource (): the catalog loader registers the
   * built-in catalogs itself, and registering a static resource twice turns
   * GLib's list of resources into a cycle that look-ups never leave. */

  g_test_add_func ("/picker/search", test_picker_search);
  g_test_add_func ("/picker/sorted-by-category", test_picker_sorted_by_category);
  g_test_add_func ("/picker/long-names", test_picker_long_names);
  g_test_add_func ("/picker/rows-in-two-steps", test_picker_rows_in_two_steps);
  g_test_add_func ("/picker/activate", test_picker_activate);
  g_test_add_func ("/picker/follows-selection", test_picker_follows_selection);
  g_test_add_func ("/picker/catalog-without-services", test_picker_catalog_without_services);
  g_test_add_func ("/tooltip/unmapped", test_tooltip_unmapped);
  g_test_add_func ("/layer-list/owners", test_layer_list_owners);
  g_test_add_func ("/layer-list/without-groups", test_layer_list_without_groups);
  g_test_add_func ("/details/duties", test_details_duties);
  g_test_add_func ("/details/catalog-switch", test_details_catalog_switch);

  return g_test_run ();
}
