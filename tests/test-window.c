/* test-window.c: the explorer window, for real, on a virtual display. */
#include <adwaita.h>

#include "srm-application.h"
#include "srm-test-util.h"
#include "srm-details-panel.h"
#include "srm-layer-list.h"
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
  /* Every test starts from a first run: nothing remembered. */
  srm_test_reset_settings ();
  fixture->application = the_application;
  fixture->window = srm_window_new (fixture->application);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1280, 800);
  gtk_window_present (GTK_WINDOW (fixture->window));
  srm_test_run_for (300);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  srm_test_drain ();
}

static gboolean
strv_equal (char       **actual,
            const char  *first,
            ...)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) expected = NULL;
  va_list args;

  va_start (args, first);
  for (const char *id = first; id != NULL; id = va_arg (args, const char *))
    g_strv_builder_add (builder, id);
  va_end (args);
  expected = g_strv_builder_end (builder);
  return g_strv_equal ((const char * const *) actual, (const char * const *) expected);
}

/* The list page is made the first time it shows; then it follows the
 * selection, and picking a layer there opens its details, as in the diagram. */
static void
test_list_page (Fixture       *fixture,
                gconstpointer  data)
{
  SrmSelection *selection = srm_window_get_selection (fixture->window);
  GtkWidget *window = GTK_WIDGET (fixture->window);
  SrmLayerList *list;
  GtkListBoxRow *row;

  g_assert_null (srm_test_find_widget_of_type (window, SRM_TYPE_LAYER_LIST));

  g_action_group_change_action_state (G_ACTION_GROUP (window), "show-list", g_variant_new_boolean (TRUE));
  srm_test_run_for (300);
  list = SRM_LAYER_LIST (srm_test_find_widget_of_type (window, SRM_TYPE_LAYER_LIST));
  g_assert_nonnull (list);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (list)));
  g_assert_true (srm_layer_list_get_selection (list) == selection);
  row = srm_layer_list_get_row (list, "os");
  g_assert_nonnull (row);

  srm_selection_set_model_id (selection, "paas");
  srm_test_drain ();
  g_assert_cmpstr (srm_layer_list_get_owners_text (list, "os"), ==, "PaaS: Microsoft");

  gtk_widget_activate (GTK_WIDGET (row));
  srm_test_run_for (300);
  g_assert_cmpstr (srm_details_panel_get_layer_id (srm_window_get_details_panel (fixture->window)), ==, "os");

  /* Back to the diagram and again to the list: the same list. */
  g_action_group_change_action_state (G_ACTION_GROUP (window), "show-list", g_variant_new_boolean (FALSE));
  g_action_group_change_action_state (G_ACTION_GROUP (window), "show-list", g_variant_new_boolean (TRUE));
  srm_test_run_for (300);
  g_assert_true (srm_test_find_widget_of_type (window, SRM_TYPE_LAYER_LIST) == GTK_WIDGET (list));
}

static void
collect_menu_buttons (GtkWidget *widget,
                      GPtrArray *buttons)
{
  if (GTK_IS_MENU_BUTTON (widget) && gtk_widget_get_mapped (widget))
    g_ptr_array_add (buttons, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_menu_buttons (child, buttons);
}

/* The header bar's menus (catalog, main menu) get their popovers when they
 * first open, and then show their items. */
static void
test_menus_on_demand (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

  collect_menu_buttons (GTK_WIDGET (fixture->window), buttons);
  g_assert_cmpuint (buttons->len, >=, 2);
  for (guint i = 0; i < buttons->len; i++)
    {
      GtkMenuButton *button = buttons->pdata[i];
      GtkPopover *popover;

      g_assert_null (gtk_menu_button_get_popover (button));
      g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (button)));
      gtk_menu_button_popup (button);
      srm_test_run_for (100);
      popover = gtk_menu_button_get_popover (button);
      g_assert_nonnull (popover);
      g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (popover)));
      g_assert_nonnull (gtk_menu_button_get_menu_model (button));
      g_assert_cmpint (g_menu_model_get_n_items (gtk_menu_button_get_menu_model (button)), >, 0);
      gtk_menu_button_popdown (button);
      srm_test_run_for (100);
      g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (popover)));
    }
}

static void
test_opens_with_default_catalog (Fixture       *fixture,
                                 gconstpointer  data)
{
  SrmSelection *selection = srm_window_get_selection (fixture->window);
  SrmDiagramView *view = srm_window_get_diagram_view (fixture->window);
  g_auto(GStrv) highlighted = srm_diagram_view_get_highlighted_column_ids (view);
  SrmDiagramLayout *layout = srm_diagram_view_get_layout (view);

  g_assert_cmpstr (srm_catalog_get_id (srm_selection_get_catalog (selection)), ==, "azure");
  g_assert_true (srm_selection_is_empty (selection));
  g_assert_cmpuint (g_strv_length (highlighted), ==, 0);
  /* It has really drawn: ten layers by four models. */
  g_assert_nonnull (layout);
  g_assert_cmpuint (srm_diagram_layout_get_n_rows (layout), ==, 10);
  g_assert_cmpuint (srm_diagram_layout_get_n_columns (layout), ==, 4);
}

static void
test_model_then_service_highlight (Fixture       *fixture,
                                   gconstpointer  data)
{
  SrmSelection *selection = srm_window_get_selection (fixture->window);
  SrmDiagramView *view = srm_window_get_diagram_view (fixture->window);
  g_auto(GStrv) after_model = NULL;
  g_auto(GStrv) after_service = NULL;
  g_autoptr(GVariant) state = NULL;

  /* The header's model switcher and its shortcut go through win.model. */
  g_action_group_change_action_state (G_ACTION_GROUP (fixture->window), "model",
                                      g_variant_new_string ("paas"));
  srm_test_run_for (300);
  g_assert_cmpstr (srm_selection_get_model_id (selection), ==, "paas");
  after_model = srm_diagram_view_get_highlighted_column_ids (view);
  g_assert_true (strv_equal (after_model, "paas", NULL));

  srm_selection_set_service_selected (selection, "aks", TRUE);
  srm_test_run_for (300);
  after_service = srm_diagram_view_get_highlighted_column_ids (view);
  g_assert_true (g_strv_contains ((const char * const *) after_service, "aks"));
  g_assert_true (g_strv_contains ((const char * const *) after_service, "paas"));
  g_assert_false (g_strv_contains ((const char * const *) after_service, "iaas"));

  /* Ctrl+2 selects the second column from the left. */
  g_action_group_activate_action (G_ACTION_GROUP (fixture->window), "select-model-index",
                                  g_variant_new_int32 (2));
  g_assert_cmpstr (srm_selection_get_model_id (selection), ==, "iaas");
  state = g_action_group_get_action_state (G_ACTION_GROUP (fixture->window), "model");
  g_assert_cmpstr (g_variant_get_string (state, NULL), ==, "iaas");

  g_action_group_activate_action (G_ACTION_GROUP (fixture->window), "clear-selection", NULL);
  g_assert_true (srm_selection_is_empty (selection));
}

static void
test_keyboard_focus_moves (Fixture       *fixture,
                           gconstpointer  data)
{
  SrmDiagramView *view = srm_window_get_diagram_view (fixture->window);
  g_autofree char *first = NULL;
  g_autofree char *moved = NULL;
  int row, column;

  gtk_widget_grab_focus (GTK_WIDGET (view));
  srm_test_run_for (100);
  srm_diagram_view_get_focus_cell (view, &row, &column);
  g_assert_cmpint (row, ==, 0);
  g_assert_cmpint (column, ==, 0);
  first = srm_diagram_view_dup_focused_cell_label (view);
  g_assert_nonnull (strstr (first, "Information and data"));

  srm_diagram_view_move_focus (view, 6, 2);
  srm_diagram_view_get_focus_cell (view, &row, &column);
  g_assert_cmpint (row, ==, 6);
  g_assert_cmpint (column, ==, 2);
  moved = srm_diagram_view_dup_focused_cell_label (view);
  g_assert_nonnull (strstr (moved, "Operating system"));
  g_assert_nonnull (strstr (moved, "PaaS"));
  g_assert_nonnull (strstr (moved, "Microsoft"));
}

static void
test_details_show_service_duties (Fixture       *fixture,
                                  gconstpointer  data)
{
  SrmSelection *selection = srm_window_get_selection (fixture->window);
  SrmDiagramView *view = srm_window_get_diagram_view (fixture->window);
  SrmDetailsPanel *details = srm_window_get_details_panel (fixture->window);
  SrmCatalog *catalog = srm_selection_get_catalog (selection);
  SrmDuty *expected = NULL;
  GListModel *duties;

  srm_selection_set_service_selected (selection, "aks", TRUE);
  srm_test_run_for (300);

  /* Focus the operating system cell and press Enter on it. */
  gtk_widget_grab_focus (GTK_WIDGET (view));
  srm_diagram_view_move_focus (view, 6, 0);
  srm_diagram_view_activate_focus_cell (view);
  srm_test_run_for (300);

  g_assert_cmpstr (srm_details_panel_get_layer_id (details), ==, "os");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (details)));

  duties = srm_service_get_duties (srm_catalog_lookup_service (catalog, "aks"));
  for (guint i = 0; i < g_list_model_get_n_items (duties); i++)
    {
      g_autoptr(SrmDuty) duty = g_list_model_get_item (duties, i);
      if (g_str_equal (srm_duty_get_layer_id (duty), "os"))
        expected = duty;
    }
  g_assert_nonnull (expected);
  g_assert_cmpuint (srm_details_panel_get_n_duties (details), ==, 1);
  g_assert_cmpstr (srm_details_panel_get_duty_text (details, 0), ==, srm_duty_get_text (expected));
}

static void
test_catalog_switch_rebuilds_models (Fixture       *fixture,
                                     gconstpointer  data)
{
  SrmSelection *selection = srm_window_get_selection (fixture->window);
  SrmDiagramView *view = srm_window_get_diagram_view (fixture->window);
  SrmDiagramLayout *layout;

  g_action_group_change_action_state (G_ACTION_GROUP (fixture->window), "model",
                                      g_variant_new_string ("onprem"));
  g_action_group_change_action_state (G_ACTION_GROUP (fixture->window), "catalog",
                                      g_variant_new_string ("azure-ai"));
  srm_test_run_for (300);
  g_assert_cmpstr (srm_catalog_get_id (srm_selection_get_catalog (selection)), ==, "azure-ai");
  /* The AI model has no on-premises column: the choice is dropped, not kept dangling. */
  g_assert_null (srm_selection_get_model_id (selection));
  layout = srm_diagram_view_get_layout (view);
  g_assert_cmpuint (srm_diagram_layout_get_n_rows (layout), ==, 3);
  g_assert_cmpuint (srm_diagram_layout_get_n_columns (layout), ==, 3);

  /* An unknown catalog id changes nothing. */
  g_action_group_change_action_state (G_ACTION_GROUP (fixture->window), "catalog",
                                      g_variant_new_string ("no-such-catalog"));
  g_assert_cmpstr (srm_catalog_get_id (srm_selection_get_catalog (selection)), ==, "azure-ai");
}

static void
test_selection_is_remembered (Fixture       *fixture,
                              gconstpointer  data)
{
  SrmSelection *selection = srm_window_get_selection (fixture->window);
  SrmWindow *second;
  SrmSelection *restored;

  g_action_group_change_action_state (G_ACTION_GROUP (fixture->window), "model",
                                      g_variant_new_string ("saas"));
  srm_selection_set_service_selected (selection, "m365", TRUE);
  srm_selection_set_service_selected (selection, "entra-id", TRUE);

  second = srm_window_new (fixture->application);
  restored = srm_window_get_selection (second);
  g_assert_cmpstr (srm_selection_get_model_id (restored), ==, "saas");
  g_assert_true (srm_selection_has_service (restored, "m365"));
  g_assert_true (srm_selection_has_service (restored, "entra-id"));
  gtk_window_destroy (GTK_WINDOW (second));
}

static void
test_narrow_window (Fixture       *fixture,
                    gconstpointer  data)
{
  SrmDiagramView *view = srm_window_get_diagram_view (fixture->window);
  SrmDiagramLayout *layout;

  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 360, 640);
  g_action_group_change_action_state (G_ACTION_GROUP (fixture->window), "model",
                                      g_variant_new_string ("iaas"));
  srm_test_run_for (500);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (fixture->window)), <=, 400);
  /* The panels fold away and the diagram keeps the whole width. */
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (view)), >=, 320);
  layout = srm_diagram_view_get_layout (view);
  g_assert_nonnull (layout);
  g_assert_cmpuint (srm_diagram_layout_get_n_rows (layout), ==, 10);
}

/* The shortcuts window is built on first use, not with every window, and
 * then shown over the window that asked for it. */
static void
test_shortcuts_on_demand (Fixture       *fixture,
                          gconstpointer  data)
{
  GtkApplicationWindow *window = GTK_APPLICATION_WINDOW (fixture->window);
  GtkShortcutsWindow *shortcuts;
  GLogLevelFlags fatal;

  g_assert_null (gtk_application_window_get_help_overlay (window));

  /* GTK 4.8's shortcuts window warns that one of its own key labels has a
   * negative width (the same with the overlay GTK builds itself); only
   * criticals fail this test while it is open. */
  fatal = g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL);
  g_action_group_activate_action (G_ACTION_GROUP (window), "show-shortcuts", NULL);
  srm_test_run_for (300);
  shortcuts = gtk_application_window_get_help_overlay (window);
  g_assert_nonnull (shortcuts);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (shortcuts)));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (shortcuts)) == GTK_WINDOW (window));

  /* Closed and asked for again: the same window, not a second one. */
  gtk_window_close (GTK_WINDOW (shortcuts));
  srm_test_run_for (100);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (shortcuts)));
  g_action_group_activate_action (G_ACTION_GROUP (window), "show-shortcuts", NULL);
  srm_test_run_for (300);
  g_assert_true (gtk_application_window_get_help_overlay (window) == shortcuts);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (shortcuts)));
  gtk_window_close (GTK_WINDOW (shortcuts));
  srm_test_run_for (100);
  g_log_set_always_fatal (fatal);
}

/* The catalogs are read on another thread from startup on: the first window
 * gets them all, the same registry every time, and an application that never
 * asks for them still shuts down cleanly. */
static void
test_catalogs_read_at_startup (void)
{
  SrmCatalogRegistry *registry = srm_application_get_registry (the_application);
  g_autoptr(SrmApplication) unused = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (registry);
  g_assert_true (srm_application_get_registry (the_application) == registry);
  for (guint i = 0; i < 3; i++)
    g_assert_nonnull (srm_catalog_registry_lookup (registry, (const char *[]) { "azure", "azure-2026", "azure-ai" }[i]));
  g_assert_cmpuint (g_list_model_get_n_items (srm_catalog_registry_get_catalogs (registry)), >=, 3);

  unused = g_object_new (SRM_TYPE_APPLICATION,
                         "application-id", "io.github.srmexplorer.SrmExplorer.TestUnused",
                         "flags", G_APPLICATION_NON_UNIQUE,
                         NULL);
  g_assert_true (g_application_register (G_APPLICATION (unused), NULL, &error));
  g_assert_no_error (error);
  g_clear_object (&unused);
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

  g_test_add_func ("/application/catalogs-read-at-startup", test_catalogs_read_at_startup);
  g_test_add ("/window/opens", Fixture, NULL, fixture_set_up, test_opens_with_default_catalog, fixture_tear_down);
  g_test_add ("/window/model-then-service", Fixture, NULL, fixture_set_up, test_model_then_service_highlight, fixture_tear_down);
  g_test_add ("/window/keyboard-focus", Fixture, NULL, fixture_set_up, test_keyboard_focus_moves, fixture_tear_down);
  g_test_add ("/window/details-duties", Fixture, NULL, fixture_set_up, test_details_show_service_duties, fixture_tear_down);
  g_test_add ("/window/catalog-switch", Fixture, NULL, fixture_set_up, test_catalog_switch_rebuilds_models, fixture_tear_down);
  g_test_add ("/window/remembers-selection", Fixture, NULL, fixture_set_up, test_selection_is_remembered, fixture_tear_down);
  g_test_add ("/window/menus-on-demand", Fixture, NULL, fixture_set_up, test_menus_on_demand, fixture_tear_down);
  g_test_add ("/window/list-page", Fixture, NULL, fixture_set_up, test_list_page, fixture_tear_down);
  g_test_add ("/window/narrow", Fixture, NULL, fixture_set_up, test_narrow_window, fixture_tear_down);
  g_test_add ("/window/shortcuts-on-demand", Fixture, NULL, fixture_set_up, test_shortcuts_on_demand, fixture_tear_down);

  status = g_test_run ();
  g_clear_object (&the_application);
  return status;
}
