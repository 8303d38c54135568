/* test-tour-player.c: stepping through a tour, or the columns, into a selection.
 *
 * What a presenter notices: each click shows what the tour says (catalog,
 * column, services, spotlight, caption), the ends are ends, and with no tour
 * the clicks walk the columns from the left.
 */
#include "srm-model.h"

static SrmCatalogRegistry *
new_registry (void)
{
  g_autofree char *empty = g_test_build_filename (G_TEST_DIST, "data", "no-user-catalogs", NULL);

  return srm_catalog_registry_new (empty);
}

static SrmTour *
load_test_tour (const char         *name,
                SrmCatalogRegistry *registry)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  SrmTour *tour = srm_tour_new_from_file (file, registry, &error);

  g_assert_no_error (error);
  return tour;
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

static void
test_tour_steps_apply_to_selection (void)
{
  g_autoptr(SrmCatalogRegistry) registry = new_registry ();
  SrmCatalog *azure = srm_catalog_registry_lookup (registry, "azure");
  g_autoptr(SrmSelection) selection = srm_selection_new (azure);
  g_autoptr(SrmTourPlayer) player = srm_tour_player_new (selection, registry);
  g_autoptr(GError) error = NULL;
  g_autoptr(SrmTour) tour = srm_tour_new_builtin ("onprem-to-saas", registry, &error);
  guint index_notifies = 0;

  g_assert_no_error (error);
  srm_selection_set_service_selected (selection, "aks", TRUE);
  g_signal_connect (player, "notify::index", G_CALLBACK (count_notify), &index_notifies);

  srm_tour_player_set_tour (player, tour);
  g_assert_true (srm_tour_player_get_tour (player) == tour);
  g_assert_cmpuint (srm_tour_player_get_index (player), ==, 0);
  g_assert_cmpuint (srm_tour_player_get_n_steps (player), ==, srm_tour_get_n_steps (tour));
  g_assert_cmpstr (srm_selection_get_model_id (selection), ==, "onprem");
  /* The step names no services: the workload on screen before is not part of it. */
  g_assert_cmpuint (g_strv_length ((char **) srm_selection_get_service_ids (selection)), ==, 0);
  g_assert_cmpstr (srm_tour_player_get_caption (player), ==,
                   srm_tour_step_get_caption (srm_tour_get_step (tour, 0)));
  g_assert_cmpstr (srm_tour_player_get_title (player), ==, "On-premises");

  g_assert_true (srm_tour_player_next (player));
  g_assert_cmpuint (srm_tour_player_get_index (player), ==, 1);
  g_assert_cmpstr (srm_selection_get_model_id (selection), ==, "iaas");
  g_assert_true (g_strv_contains (srm_tour_player_get_spotlight_ids (player), "physical-hosts"));
  g_assert_cmpstr (srm_tour_player_get_caption (player), ==,
                   srm_tour_step_get_caption (srm_tour_get_step (tour, 1)));

  g_assert_true (srm_tour_player_last (player));
  g_assert_cmpuint (srm_tour_player_get_index (player), ==, srm_tour_get_n_steps (tour) - 1);
  g_assert_cmpstr (srm_selection_get_model_id (selection), ==, "saas");
  g_assert_false (srm_tour_player_next (player));
  g_assert_false (srm_tour_player_last (player));

  g_assert_true (srm_tour_player_previous (player));
  g_assert_cmpstr (srm_selection_get_model_id (selection), ==, "saas");
  g_assert_true (srm_tour_player_first (player));
  g_assert_cmpstr (srm_selection_get_model_id (selection), ==, "onprem");
  g_assert_cmpuint (g_strv_length ((char **) srm_tour_player_get_spotlight_ids (player)), ==, 0);
  g_assert_false (srm_tour_player_previous (player));
  g_assert_false (srm_tour_player_go_to (player, 99));

  /* set_tour, next, last, previous, first: one notification each. */
  g_assert_cmpuint (index_notifies, ==, 5);
}

/* A step on another catalog switches the selection to it, and back. */
static void
test_tour_switches_catalogs (void)
{
  g_autoptr(SrmCatalogRegistry) registry = new_registry ();
  g_autoptr(SrmSelection) selection = srm_selection_new (srm_catalog_registry_lookup (registry, "azure"));
  g_autoptr(SrmTourPlayer) player = srm_tour_player_new (selection, registry);
  g_autoptr(SrmTour) tour = load_test_tour ("tour-valid.json", registry);
  guint n = srm_tour_get_n_steps (tour);

  srm_tour_player_set_tour (player, tour);
  for (guint i = 0; i < n; i++)
    {
      SrmTourStep *step = srm_tour_get_step (tour, i);
      const char * const *services = srm_tour_step_get_service_ids (step);

      g_assert_cmpuint (srm_tour_player_get_index (player), ==, i);
      g_assert_cmpstr (srm_catalog_get_id (srm_selection_get_catalog (selection)), ==,
                       srm_tour_step_get_catalog_id (step));
      g_assert_cmpstr (srm_selection_get_model_id (selection), ==, srm_tour_step_get_model_id (step));
      g_assert_true (g_strv_equal (srm_selection_get_service_ids (selection), services));
      g_assert_true (g_strv_equal (srm_tour_player_get_spotlight_ids (player),
                                   srm_tour_step_get_spotlight_ids (step)));
      srm_tour_player_next (player);
    }
}

static void
test_live_walks_the_columns (void)
{
  g_autoptr(SrmCatalogRegistry) registry = new_registry ();
  g_autoptr(SrmSelection) selection = srm_selection_new (srm_catalog_registry_lookup (registry, "azure"));
  g_autoptr(SrmTourPlayer) player = srm_tour_player_new (selection, NULL);
  const char *expected[] = { "onprem", "iaas", "paas", "saas" };

  srm_selection_set_service_selected (selection, "aks", TRUE);
  g_assert_null (srm_tour_player_get_tour (player));
  /* The overview, then one step per column. */
  g_assert_cmpuint (srm_tour_player_get_n_steps (player), ==, 5);
  g_assert_cmpuint (srm_tour_player_get_index (player), ==, 0);
  g_assert_cmpstr (srm_tour_player_get_caption (player), !=, "");

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_assert_true (srm_tour_player_next (player));
      g_assert_cmpstr (srm_selection_get_model_id (selection), ==, expected[i]);
      g_assert_cmpuint (srm_tour_player_get_index (player), ==, i + 1);
    }
  g_assert_false (srm_tour_player_next (player));
  g_assert_cmpstr (srm_tour_player_get_title (player), ==, "Software as a Service (SaaS)");
  /* Live steps leave the presenter's services alone and spotlight nothing. */
  g_assert_true (srm_selection_has_service (selection, "aks"));
  g_assert_cmpuint (g_strv_length ((char **) srm_tour_player_get_spotlight_ids (player)), ==, 0);

  /* The selection changed elsewhere: the step follows. */
  srm_selection_set_model_id (selection, "iaas");
  g_assert_cmpuint (srm_tour_player_get_index (player), ==, 2);
  g_assert_true (srm_tour_player_first (player));
  g_assert_null (srm_selection_get_model_id (selection));

  /* Another catalog has other columns. */
  srm_selection_set_catalog (selection, srm_catalog_registry_lookup (registry, "azure-ai"));
  g_assert_cmpuint (srm_tour_player_get_n_steps (player), ==,
                    g_list_model_get_n_items (srm_catalog_get_models (srm_selection_get_catalog (selection))) + 1);
}

/* Dropping the tour goes back to live stepping from where the tour left off. */
static void
test_tour_then_live (void)
{
  g_autoptr(SrmCatalogRegistry) registry = new_registry ();
  g_autoptr(SrmSelection) selection = srm_selection_new (srm_catalog_registry_lookup (registry, "azure"));
  g_autoptr(SrmTourPlayer) player = srm_tour_player_new (selection, registry);
  g_autoptr(SrmTour) tour = srm_tour_new_builtin ("onprem-to-saas", registry, NULL);

  srm_tour_player_set_tour (player, tour);
  srm_tour_player_go_to (player, 2);
  g_assert_cmpstr (srm_selection_get_model_id (selection), ==, "paas");
  srm_tour_player_set_tour (player, NULL);
  g_assert_cmpuint (srm_tour_player_get_index (player), ==, 3);
  g_assert_cmpuint (g_strv_length ((char **) srm_tour_player_get_spotlight_ids (player)), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/tour-player/tour-steps", test_tour_steps_apply_to_selection);
  g_test_add_func ("/tour-player/switches-catalogs", test_tour_switches_catalogs);
  g_test_add_func ("/tour-player/live-columns", test_live_walks_the_columns);
  g_test_add_func ("/tour-player/tour-then-live", test_tour_then_live);

  return g_test_run ();
}
