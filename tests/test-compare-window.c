/* test-compare-window.c: the comparison window, opened from the explorer
 * window on a virtual display, lists the differences in words. */
#include <adwaita.h>

#include "srm-application.h"
#include "srm-test-util.h"
#include "srm-compare-window.h"
#include "srm-window.h"

typedef struct {
  SrmWindow *window;
} Fixture;

/* One application for the whole program: it owns its D-Bus name until exit. */
static SrmApplication *the_application;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  srm_test_reset_settings ();
  fixture->window = srm_window_new (the_application);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1280, 800);
  gtk_window_present (GTK_WINDOW (fixture->window));
  srm_test_run_for (200);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* The comparison window the main window opened, found among the toplevels. */
static SrmCompareWindow *
find_compare_window (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (SRM_IS_COMPARE_WINDOW (window))
        return SRM_COMPARE_WINDOW (window);
    }
  return NULL;
}

static GPtrArray *
row_titles (SrmCompareWindow *compare)
{
  GPtrArray *titles = g_ptr_array_new ();
  GtkWidget *list = GTK_WIDGET (srm_compare_window_get_difference_list (compare));

  for (GtkWidget *child = gtk_widget_get_first_child (list); child != NULL; child = gtk_widget_get_next_sibling (child))
    if (ADW_IS_PREFERENCES_ROW (child))
      g_ptr_array_add (titles, (gpointer) adw_preferences_row_get_title (ADW_PREFERENCES_ROW (child)));
  return titles;
}

static void
test_models_then_catalogs (Fixture       *fixture,
                           gconstpointer  data)
{
  SrmCompareWindow *compare;
  g_autoptr(GPtrArray) titles = NULL;
  const char *model_words[] = {
    "Identity and directory infrastructure: becomes shared",
    "Applications: becomes shared",
    "Network controls: becomes shared",
    "Operating system: moves to Microsoft",
  };

  g_assert_null (find_compare_window ());
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.compare", NULL);
  srm_test_run_for (300);
  compare = find_compare_window ();
  g_assert_nonnull (compare);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (compare)) == GTK_WINDOW (fixture->window));

  /* Again: the same window comes back, not a second one. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.compare", NULL);
  srm_test_run_for (50);
  g_assert_true (find_compare_window () == compare);

  g_assert_true (srm_compare_window_select (compare, SRM_COMPARISON_MODELS, "iaas", "paas"));
  srm_test_run_for (200);
  titles = row_titles (compare);
  g_assert_cmpuint (titles->len, ==, G_N_ELEMENTS (model_words));
  for (guint i = 0; i < titles->len; i++)
    g_assert_cmpstr (titles->pdata[i], ==, model_words[i]);
  g_clear_pointer (&titles, g_ptr_array_unref);

  g_assert_true (srm_compare_window_select (compare, SRM_COMPARISON_CATALOGS, "azure", "azure-2026"));
  srm_test_run_for (200);
  g_assert_cmpint (srm_comparison_get_kind (srm_compare_window_get_comparison (compare)), ==, SRM_COMPARISON_CATALOGS);
  titles = row_titles (compare);
  g_assert_cmpuint (titles->len, ==, 4);
  g_assert_cmpstr (titles->pdata[0], ==, "Configurations and settings: row only in “January 2026 table”");
  g_assert_cmpstr (titles->pdata[2], ==, "Identity and directory infrastructure: row only in “Microsoft Azure”");
  g_clear_pointer (&titles, g_ptr_array_unref);

  /* The same on both sides is no comparison: the list says so. */
  g_assert_true (srm_compare_window_select (compare, SRM_COMPARISON_SERVICES, "aks", "aks"));
  srm_test_run_for (100);
  g_assert_null (srm_compare_window_get_comparison (compare));
  g_assert_true (srm_compare_window_select (compare, SRM_COMPARISON_SERVICES, "aks", "app-service"));
  srm_test_run_for (100);
  titles = row_titles (compare);
  g_assert_cmpuint (titles->len, ==, 1);
  g_assert_cmpstr (titles->pdata[0], ==, "Operating system: moves from shared to Microsoft");

  gtk_window_destroy (GTK_WINDOW (compare));
  srm_test_run_for (50);
  g_assert_null (find_compare_window ());
}

static void
test_defaults_follow_selection (Fixture       *fixture,
                                gconstpointer  data)
{
  SrmSelection *selection = srm_window_get_selection (fixture->window);
  SrmCompareWindow *compare;
  SrmComparison *comparison;
  const char *services[] = { "aks", "app-service", NULL };

  srm_selection_set_service_ids (selection, services);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.compare", NULL);
  srm_test_run_for (200);
  compare = find_compare_window ();
  comparison = srm_compare_window_get_comparison (compare);
  g_assert_cmpint (srm_comparison_get_kind (comparison), ==, SRM_COMPARISON_SERVICES);
  g_assert_cmpstr (srm_comparison_get_left_id (comparison), ==, "aks");
  g_assert_cmpstr (srm_comparison_get_right_id (comparison), ==, "app-service");

  /* Closing the main window closes its comparison. */
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  fixture->window = srm_window_new (the_application);
  srm_test_run_for (50);
  g_assert_null (find_compare_window ());
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

  g_test_add ("/compare-window/models-then-catalogs", Fixture, NULL, fixture_set_up,
              test_models_then_catalogs, fixture_tear_down);
  g_test_add ("/compare-window/defaults", Fixture, NULL, fixture_set_up,
              test_defaults_follow_selection, fixture_tear_down);

  status = g_test_run ();
  g_clear_object (&the_application);
  return status;
}
