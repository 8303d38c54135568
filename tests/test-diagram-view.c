/* test-diagram-view.c: the diagram view in a real window under Xvfb: what it
 * highlights, how the keyboard focus moves and reads, what a click or Enter
 * reports, the tooltips, the system style and the selection transition. */
#include <adwaita.h>

#include "srm-ui-resources.h"
#include "srm-diagram-view.h"
#include "srm-diagram-painter-private.h"
#include "srm-diagram-tile-cache-private.h"

#define AZURE_CATALOG "/io/github/srmexplorer/SrmExplorer/catalogs/azure.json"

typedef struct {
  GtkWindow      *window;
  SrmDiagramView *view;
  SrmSelection   *selection;
} Fixture;

static gboolean
set_flag_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until @done says so or @timeout_ms pass; FALSE on timeout. */
static gboolean
iterate_until (gboolean (*done) (Fixture *), Fixture *fixture, guint timeout_ms)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add (timeout_ms, set_flag_cb, &timed_out);

  while (!done (fixture) && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  if (!timed_out)
    g_source_remove (id);
  return !timed_out || done (fixture);
}

static gboolean
is_drawn (Fixture *fixture)
{
  return srm_diagram_view_get_layout (fixture->view) != NULL;
}

static gboolean
is_transition_done (Fixture *fixture)
{
  return srm_diagram_view_get_transition_progress (fixture->view) >= 1.0;
}

/* Lets pending redraws and idles run, so what follows sees the drawn state. */
static void
settle (Fixture *fixture)
{
  gboolean elapsed = FALSE;

  g_timeout_add (50, set_flag_cb, &elapsed);
  while (!elapsed)
    g_main_context_iteration (NULL, TRUE);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SrmCatalog) catalog = srm_catalog_new_from_resource (AZURE_CATALOG, &error);

  g_assert_no_error (error);

  fixture->selection = srm_selection_new (catalog);
  fixture->view = SRM_DIAGRAM_VIEW (srm_diagram_view_new (fixture->selection));
  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 1000, 700);
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->view));
  gtk_window_present (fixture->window);

  g_assert_true (iterate_until (is_drawn, fixture, 5000));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (fixture->window);
  g_clear_object (&fixture->selection);
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", TRUE, NULL);
}

static int
column_index (SrmDiagramView *view,
              const char     *column_id)
{
  SrmDiagramLayout *layout = srm_diagram_view_get_layout (view);

  for (guint c = 0; c < srm_diagram_layout_get_n_columns (layout); c++)
    if (g_strcmp0 (srm_diagram_layout_get_column (layout, c)->id, column_id) == 0)
      return c;
  return -1;
}

static int
row_index (SrmDiagramView *view,
           const char     *layer_id)
{
  SrmDiagramLayout *layout = srm_diagram_view_get_layout (view);

  for (guint r = 0; r < srm_diagram_layout_get_n_rows (layout); r++)
    if (g_strcmp0 (srm_diagram_layout_get_row (layout, r)->layer_id, layer_id) == 0)
      return r;
  return -1;
}

static void
assert_focus (SrmDiagramView *view,
              int             row,
              int             column)
{
  int focus_row, focus_column;

  srm_diagram_view_get_focus_cell (view, &focus_row, &focus_column);
  g_assert_cmpint (focus_row, ==, row);
  g_assert_cmpint (focus_column, ==, column);
}

static void
assert_focused_label (SrmDiagramView *view,
                      const char     *expected)
{
  g_autofree char *label = srm_diagram_view_dup_focused_cell_label (view);

  g_assert_cmpstr (label, ==, expected);
}

static void
test_highlighted_columns (Fixture       *fixture,
                          gconstpointer  data)
{
  g_auto(GStrv) none = srm_diagram_view_get_highlighted_column_ids (fixture->view);
  g_auto(GStrv) paas = NULL;
  g_auto(GStrv) aks = NULL;
  const char * const expected_paas[] = { "paas", NULL };

  g_assert_cmpuint (g_strv_length (none), ==, 0);

  srm_selection_set_model_id (fixture->selection, "paas");
  paas = srm_diagram_view_get_highlighted_column_ids (fixture->view);
  g_assert_true (g_strv_equal ((const char * const *) paas, expected_paas));

  srm_selection_set_service_selected (fixture->selection, "aks", TRUE);
  aks = srm_diagram_view_get_highlighted_column_ids (fixture->view);
  g_assert_true (g_strv_contains ((const char * const *) aks, "aks"));
  g_assert_true (g_strv_contains ((const char * const *) aks, "paas"));

  /* What the room sees agrees with what the test asked. */
  g_assert_true (iterate_until (is_transition_done, fixture, 2000));
  settle (fixture);
  g_assert_cmpint (column_index (fixture->view, "aks"), >=, 0);
  g_assert_true (srm_diagram_layout_get_column (srm_diagram_view_get_layout (fixture->view),
                                                column_index (fixture->view, "aks"))->highlighted);
}

static void
test_focus_moves_and_clamps (Fixture       *fixture,
                             gconstpointer  data)
{
  SrmDiagramLayout *layout = srm_diagram_view_get_layout (fixture->view);
  int last_row = srm_diagram_layout_get_n_rows (layout) - 1;
  int last_column = srm_diagram_layout_get_n_columns (layout) - 1;

  /* The window may already have focused the view, its only focusable widget. */
  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (fixture->view)));
  settle (fixture);

  /* Nothing highlighted: the focus starts at the top left. */
  srm_diagram_view_move_focus (fixture->view, 0, 0);
  assert_focus (fixture->view, 0, 0);
  assert_focused_label (fixture->view, "Information and data, On-premises: Customer");

  srm_diagram_view_move_focus (fixture->view, -1, 0);
  srm_diagram_view_move_focus (fixture->view, 0, -1);
  assert_focus (fixture->view, 0, 0);

  srm_diagram_view_move_focus (fixture->view, 0, 1);
  assert_focus (fixture->view, 0, 1);
  assert_focused_label (fixture->view, "Information and data, IaaS: Customer");

  srm_diagram_view_move_focus (fixture->view, 1, 0);
  assert_focus (fixture->view, 1, 1);

  /* Home/End and Ctrl+End come in as large steps. */
  srm_diagram_view_move_focus (fixture->view, 0, G_MAXINT / 2);
  assert_focus (fixture->view, 1, last_column);
  srm_diagram_view_move_focus (fixture->view, G_MAXINT / 2, G_MAXINT / 2);
  assert_focus (fixture->view, last_row, last_column);
  srm_diagram_view_move_focus (fixture->view, 1, 1);
  assert_focus (fixture->view, last_row, last_column);
  assert_focused_label (fixture->view, "Physical datacenter, SaaS: Microsoft");

  /* The focus stays on its layer and column when columns come and go. */
  srm_selection_set_model_id (fixture->selection, "iaas");
  srm_selection_set_service_selected (fixture->selection, "aks", TRUE);
  g_assert_true (iterate_until (is_transition_done, fixture, 2000));
  settle (fixture);
  assert_focus (fixture->view, last_row, column_index (fixture->view, "saas"));

  srm_diagram_view_move_focus (fixture->view, 0, G_MAXINT / 2);
  assert_focus (fixture->view, last_row, column_index (fixture->view, "aks"));
  srm_diagram_view_move_focus (fixture->view, -(last_row - row_index (fixture->view, "os")), 0);
  assert_focused_label (fixture->view, "Operating system, Azure Kubernetes Service (AKS): Shared, differs from PaaS");

  /* Its column gone, the focus falls back to the nearest valid cell. */
  srm_selection_set_service_selected (fixture->selection, "aks", FALSE);
  g_assert_true (iterate_until (is_transition_done, fixture, 2000));
  settle (fixture);
  layout = srm_diagram_view_get_layout (fixture->view);
  assert_focus (fixture->view, row_index (fixture->view, "os"),
                srm_diagram_layout_get_n_columns (layout) - 1);
}

static void
test_focus_starts_in_highlighted_column (Fixture       *fixture,
                                         gconstpointer  data)
{
  srm_selection_set_model_id (fixture->selection, "paas");
  g_assert_true (iterate_until (is_transition_done, fixture, 2000));
  settle (fixture);

  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (fixture->view)));
  settle (fixture);
  srm_diagram_view_move_focus (fixture->view, 0, 0);
  assert_focus (fixture->view, 0, column_index (fixture->view, "paas"));
  assert_focused_label (fixture->view, "Information and data, PaaS: Customer");
}

static void
cell_activated_cb (SrmDiagramView *view,
                   const char     *layer_id,
                   const char     *column_id,
                   GPtrArray      *log)
{
  g_ptr_array_add (log, g_strdup_printf ("%s/%s", layer_id, column_id));
}

static void
test_activate (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GPtrArray) log = g_ptr_array_new_with_free_func (g_free);

  g_signal_connect (fixture->view, "cell-activated", G_CALLBACK (cell_activated_cb), log);

  srm_selection_set_service_selected (fixture->selection, "aks", TRUE);
  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (fixture->view)));
  settle (fixture);
  srm_diagram_view_move_focus (fixture->view, row_index (fixture->view, "os"), G_MAXINT / 2);
  srm_diagram_view_activate_focus_cell (fixture->view);

  g_assert_cmpuint (log->len, ==, 1);
  g_assert_cmpstr (log->pdata[0], ==, "os/aks");
}

static void
test_tooltip (Fixture       *fixture,
              gconstpointer  data)
{
  SrmDiagramLayout *layout;
  const SrmDiagramCell *cell;
  g_autofree char *text = NULL;
  g_autofree char *outside = NULL;
  g_autofree char *plain = NULL;

  srm_selection_set_service_selected (fixture->selection, "aks", TRUE);
  g_assert_true (iterate_until (is_transition_done, fixture, 2000));
  settle (fixture);
  layout = srm_diagram_view_get_layout (fixture->view);

  cell = srm_diagram_layout_get_cell (layout, row_index (fixture->view, "os"),
                                      column_index (fixture->view, "aks"));
  text = srm_diagram_view_dup_tooltip_at (fixture->view,
                                          cell->rect.x + cell->rect.width / 2,
                                          cell->rect.y + cell->rect.height / 2);
  g_assert_nonnull (text);
  g_assert_true (g_str_has_prefix (text, "Operating system — Azure Kubernetes Service (AKS): Shared (differs from PaaS)\n"));
  /* The second line is the layer's description. */
  g_assert_cmpuint (strlen (strchr (text, '\n')), >, 10);

  cell = srm_diagram_layout_get_cell (layout, row_index (fixture->view, "os"),
                                      column_index (fixture->view, "paas"));
  plain = srm_diagram_view_dup_tooltip_at (fixture->view,
                                           cell->rect.x + cell->rect.width / 2,
                                           cell->rect.y + cell->rect.height / 2);
  g_assert_true (g_str_has_prefix (plain, "Operating system — PaaS: Microsoft\n"));

  /* The very corner is margin, not a cell. */
  outside = srm_diagram_view_dup_tooltip_at (fixture->view, 1, 1);
  g_assert_null (outside);
}

static void
test_animations_off (Fixture       *fixture,
                     gconstpointer  data)
{
  SrmDiagramPainter *painter = srm_diagram_view_get_painter (fixture->view);

  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  srm_selection_set_model_id (fixture->selection, "paas");
  g_assert_cmpfloat (srm_diagram_painter_get_highlight_progress (painter), ==, 1.0);
  g_assert_cmpfloat (srm_diagram_view_get_transition_progress (fixture->view), ==, 1.0);

  srm_selection_set_service_selected (fixture->selection, "aks", TRUE);
  g_assert_cmpfloat (srm_diagram_view_get_transition_progress (fixture->view), ==, 1.0);
}

static void
test_animations_on (Fixture       *fixture,
                    gconstpointer  data)
{
  SrmDiagramPainter *painter = srm_diagram_view_get_painter (fixture->view);
  gint64 start, elapsed_ms;

  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", TRUE, NULL);

  /* The first highlight fades in from nothing. */
  start = g_get_monotonic_time ();
  srm_selection_set_model_id (fixture->selection, "paas");
  g_assert_cmpfloat (srm_diagram_painter_get_highlight_progress (painter), <, 1.0);
  g_assert_true (iterate_until (is_transition_done, fixture, 2000));
  elapsed_ms = (g_get_monotonic_time () - start) / 1000;
  g_assert_cmpfloat (srm_diagram_painter_get_highlight_progress (painter), ==, 1.0);
  g_assert_cmpint (elapsed_ms, >=, 150);

  /* Between two selections the highlight stays and the picture cross-fades. */
  settle (fixture);
  srm_selection_set_service_selected (fixture->selection, "aks", TRUE);
  g_assert_cmpfloat (srm_diagram_painter_get_highlight_progress (painter), ==, 1.0);
  g_assert_cmpfloat (srm_diagram_view_get_transition_progress (fixture->view), <, 1.0);
  g_assert_true (iterate_until (is_transition_done, fixture, 2000));
}

static void
test_follows_system_style (Fixture       *fixture,
                           gconstpointer  data)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  SrmDiagramPainter *painter = srm_diagram_view_get_painter (fixture->view);

  g_assert_true (srm_diagram_view_get_follow_system_style (fixture->view));

  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_DARK);
  g_assert_cmpint (srm_diagram_view_get_style (fixture->view), ==, SRM_DIAGRAM_STYLE_DARK);
  g_assert_cmpint (srm_diagram_painter_get_style (painter), ==, SRM_DIAGRAM_STYLE_DARK);

  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_LIGHT);
  g_assert_cmpint (srm_diagram_view_get_style (fixture->view), ==, SRM_DIAGRAM_STYLE_LIGHT);

  /* A style chosen by hand sticks. */
  srm_diagram_view_set_style (fixture->view, SRM_DIAGRAM_STYLE_CONTRAST);
  g_assert_false (srm_diagram_view_get_follow_system_style (fixture->view));
  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_DARK);
  g_assert_cmpint (srm_diagram_painter_get_style (painter), ==, SRM_DIAGRAM_STYLE_CONTRAST);

  srm_diagram_view_set_follow_system_style (fixture->view, TRUE);
  g_assert_cmpint (srm_diagram_painter_get_style (painter), ==, SRM_DIAGRAM_STYLE_DARK);

  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_DEFAULT);
}

static void
test_spotlight_and_painter (Fixture       *fixture,
                            gconstpointer  data)
{
  const char * const spot[] = { "os", "applications", NULL };
  SrmDiagramPainter *painter = srm_diagram_view_get_painter (fixture->view);
  SrmDiagramLayout *layout;

  srm_selection_set_model_id (fixture->selection, "paas");
  srm_diagram_view_set_spotlight_layers (fixture->view, spot);
  g_assert_true (g_strv_equal (srm_diagram_painter_get_spotlight_layers (painter), spot));

  settle (fixture);
  layout = srm_diagram_view_get_layout (fixture->view);
  g_assert_nonnull (layout);
  g_assert_true (srm_diagram_layout_get_row (layout, row_index (fixture->view, "os"))->spotlit);
  g_assert_false (srm_diagram_layout_get_row (layout, row_index (fixture->view, "data"))->spotlit);

  /* The painter the window exports from shows the same thing, without the
   * view's hover or focus. */
  g_assert_cmpstr (srm_diagram_painter_get_model_id (painter), ==, "paas");
  {
    int row, column;

    srm_diagram_painter_get_focus_cell (painter, &row, &column);
    g_assert_cmpint (row, ==, -1);
    g_assert_cmpint (column, ==, -1);
  }
}

/* The view draws into an image, so repeated frames (hover, focus) come from
 * the painter's cached cell images; a view drawing into GTK's recording
 * surface would never fill the cache. */
static void
test_frames_use_cached_images (Fixture       *fixture,
                               gconstpointer  data)
{
  SrmDiagramPainter *painter = srm_diagram_view_get_painter (fixture->view);
  SrmTileCache *tiles;

  srm_selection_set_service_ids (fixture->selection, (const char *[]) { "aks", "app-service", "azure-sql-db", NULL });
  g_assert_true (iterate_until (is_transition_done, fixture, 5000));
  for (guint i = 0; i < 3; i++)
    {
      gtk_widget_queue_draw (GTK_WIDGET (fixture->view));
      settle (fixture);
    }

  tiles = srm_diagram_painter_get_tiles (painter);
  g_assert_nonnull (tiles);
  g_assert_cmpuint (srm_tile_cache_get_n_images (tiles), >, 0);
  g_assert_cmpuint (srm_tile_cache_get_bytes (tiles), <=, srm_tile_cache_get_budget (tiles));
}

int
main (int   argc,
      char *argv[])
{
  gtk_init ();
  adw_init ();
  srm_ui_register_resource ();
  /* Not srm_catalogs_register_resource (): the catalog loader registers the
   * built-in catalogs itself, and a second registration makes GLib's resource
   * list a cycle. */
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/diagram-view/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("highlighted-columns", test_highlighted_columns);
  ADD ("focus-moves-and-clamps", test_focus_moves_and_clamps);
  ADD ("focus-starts-in-highlighted-column", test_focus_starts_in_highlighted_column);
  ADD ("activate", test_activate);
  ADD ("tooltip", test_tooltip);
  ADD ("animations-off", test_animations_off);
  ADD ("animations-on", test_animations_on);
  ADD ("follows-system-style", test_follows_system_style);
  ADD ("spotlight-and-painter", test_spotlight_and_painter);
  ADD ("frames-use-cached-images", test_frames_use_cached_images);

  return g_test_run ();
}
