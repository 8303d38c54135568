/* test-comparison.c: columns, services and catalogs side by side.
 *
 * What a user notices: a comparison lists exactly what differs and nothing
 * else; the diagram against the January 2026 table gives the documented
 * differences (reference/azure-srm-facts.md §1.3); a mistyped spec names the
 * token at fault.
 */
#include <glib/gstdio.h>
#include <string.h>

#include "srm-model.h"

typedef struct {
  const char *left_layer;   /* NULL: only in the right table */
  const char *right_layer;  /* NULL: only in the left table */
  const char *model;        /* the column, for catalogs */
  SrmDifference difference;
} Expected;

static SrmCatalogRegistry *
new_registry (void)
{
  g_autofree char *empty = g_test_build_filename (G_TEST_DIST, "data", "no-user-catalogs", NULL);

  return srm_catalog_registry_new (empty);
}

static void
assert_differences (SrmComparison  *comparison,
                    const Expected *expected,
                    guint           n_expected)
{
  GListModel *differences = srm_comparison_get_differences (comparison);

  g_assert_true (g_list_model_get_item_type (differences) == SRM_TYPE_COMPARISON_ROW);
  g_assert_cmpuint (g_list_model_get_n_items (differences), ==, n_expected);

  for (guint i = 0; i < n_expected; i++)
    {
      g_autoptr(SrmComparisonRow) row = g_list_model_get_item (differences, i);
      SrmLayer *left = srm_comparison_row_get_left_layer (row);
      SrmLayer *right = srm_comparison_row_get_right_layer (row);

      g_assert_cmpstr (left ? srm_layer_get_id (left) : NULL, ==, expected[i].left_layer);
      g_assert_cmpstr (right ? srm_layer_get_id (right) : NULL, ==, expected[i].right_layer);
      g_assert_cmpstr (srm_comparison_row_get_model_id (row), ==, expected[i].model);
      g_assert_cmpint (srm_comparison_row_get_difference (row), ==, expected[i].difference);
      g_assert_true (srm_comparison_row_get_left_owner (row, NULL) == (left != NULL));
      g_assert_true (srm_comparison_row_get_right_owner (row, NULL) == (right != NULL));
    }
}

/* The documented differences between the diagram and the 2026 table, and
 * nothing else: one row only in each, and two SaaS cells. */
static void
test_azure_vs_2026 (void)
{
  g_autoptr(SrmCatalogRegistry) registry = new_registry ();
  g_autoptr(GError) error = NULL;
  g_autoptr(SrmComparison) comparison = srm_comparison_new_from_spec (registry, "azure,azure-2026",
                                                                       NULL, &error);
  static const Expected expected[] = {
    { NULL, "configurations", NULL, SRM_DIFFERENCE_RIGHT_ONLY },
    { "devices", "client-devices", "saas", SRM_DIFFERENCE_BECOMES_SHARED },
    { "identity-infra", NULL, NULL, SRM_DIFFERENCE_LEFT_ONLY },
    { "applications", "applications", "saas", SRM_DIFFERENCE_BECOMES_SHARED },
  };
  g_autoptr(SrmComparisonRow) devices = NULL;
  SrmOwner left, right;

  g_assert_no_error (error);
  g_assert_cmpint (srm_comparison_get_kind (comparison), ==, SRM_COMPARISON_CATALOGS);
  g_assert_cmpstr (srm_comparison_get_left_id (comparison), ==, "azure");
  g_assert_cmpstr (srm_comparison_get_right_id (comparison), ==, "azure-2026");
  assert_differences (comparison, expected, G_N_ELEMENTS (expected));

  devices = g_list_model_get_item (srm_comparison_get_differences (comparison), 1);
  g_assert_true (srm_comparison_row_get_left_owner (devices, &left));
  g_assert_true (srm_comparison_row_get_right_owner (devices, &right));
  g_assert_cmpint (left, ==, SRM_OWNER_CUSTOMER);
  g_assert_cmpint (right, ==, SRM_OWNER_SHARED);

  /* 9 matched rows × 4 columns, plus a row only in each table. */
  g_assert_cmpuint (g_list_model_get_n_items (srm_comparison_get_rows (comparison)), ==, 9 * 4 + 2);
}

/* The other way round, the same differences mirrored. */
static void
test_2026_vs_azure (void)
{
  g_autoptr(SrmCatalogRegistry) registry = new_registry ();
  g_autoptr(SrmComparison) comparison = NULL;
  static const Expected expected[] = {
    { "configurations", NULL, NULL, SRM_DIFFERENCE_LEFT_ONLY },
    /* After "Identities and users", its neighbour in the diagram. */
    { NULL, "identity-infra", NULL, SRM_DIFFERENCE_RIGHT_ONLY },
    { "client-devices", "devices", "saas", SRM_DIFFERENCE_SHARED_TO_CUSTOMER },
    { "applications", "applications", "saas", SRM_DIFFERENCE_SHARED_TO_PROVIDER },
  };

  comparison = srm_comparison_new_catalogs (srm_catalog_registry_lookup (registry, "azure-2026"),
                                            srm_catalog_registry_lookup (registry, "azure"));
  assert_differences (comparison, expected, G_N_ELEMENTS (expected));
}

static void
test_iaas_vs_paas (void)
{
  g_autoptr(SrmCatalogRegistry) registry = new_registry ();
  g_autoptr(GError) error = NULL;
  g_autoptr(SrmComparison) comparison = srm_comparison_new_from_spec (registry, "iaas,paas", "azure", &error);
  static const Expected expected[] = {
    { "identity-infra", "identity-infra", NULL, SRM_DIFFERENCE_BECOMES_SHARED },
    { "applications", "applications", NULL, SRM_DIFFERENCE_BECOMES_SHARED },
    { "network-controls", "network-controls", NULL, SRM_DIFFERENCE_BECOMES_SHARED },
    { "os", "os", NULL, SRM_DIFFERENCE_TO_PROVIDER },
  };

  g_assert_no_error (error);
  g_assert_cmpint (srm_comparison_get_kind (comparison), ==, SRM_COMPARISON_MODELS);
  g_assert_cmpstr (srm_comparison_get_left_title (comparison), ==, "IaaS");
  g_assert_cmpstr (srm_comparison_get_right_title (comparison), ==, "PaaS");
  g_assert_cmpuint (g_list_model_get_n_items (srm_comparison_get_rows (comparison)), ==, 10);
  assert_differences (comparison, expected, G_N_ELEMENTS (expected));
}

static void
test_aks_vs_app_service (void)
{
  g_autoptr(SrmCatalogRegistry) registry = new_registry ();
  g_autoptr(GError) error = NULL;
  g_autoptr(SrmComparison) comparison = srm_comparison_new_from_spec (registry, "aks, app-service", NULL, &error);
  static const Expected expected[] = {
    { "os", "os", NULL, SRM_DIFFERENCE_SHARED_TO_PROVIDER },
  };
  g_autoptr(SrmComparisonRow) row = NULL;
  SrmOwner left, right;

  g_assert_no_error (error);
  g_assert_cmpint (srm_comparison_get_kind (comparison), ==, SRM_COMPARISON_SERVICES);
  assert_differences (comparison, expected, G_N_ELEMENTS (expected));

  row = g_list_model_get_item (srm_comparison_get_differences (comparison), 0);
  g_assert_true (srm_comparison_row_get_left_owner (row, &left));
  g_assert_true (srm_comparison_row_get_right_owner (row, &right));
  g_assert_cmpint (left, ==, SRM_OWNER_SHARED);
  g_assert_cmpint (right, ==, SRM_OWNER_PROVIDER);
}

static void
test_difference_words (void)
{
  static const struct {
    SrmOwner left, right;
    SrmDifference difference;
    const char *words;
  } cases[] = {
    { SRM_OWNER_CUSTOMER, SRM_OWNER_PROVIDER, SRM_DIFFERENCE_TO_PROVIDER, "moves to Microsoft" },
    { SRM_OWNER_PROVIDER, SRM_OWNER_CUSTOMER, SRM_DIFFERENCE_TO_CUSTOMER, "moves to you" },
    { SRM_OWNER_CUSTOMER, SRM_OWNER_SHARED, SRM_DIFFERENCE_BECOMES_SHARED, "becomes shared" },
    { SRM_OWNER_PROVIDER, SRM_OWNER_SHARED, SRM_DIFFERENCE_BECOMES_SHARED, "becomes shared" },
    { SRM_OWNER_SHARED, SRM_OWNER_PROVIDER, SRM_DIFFERENCE_SHARED_TO_PROVIDER, "moves from shared to Microsoft" },
    { SRM_OWNER_SHARED, SRM_OWNER_CUSTOMER, SRM_DIFFERENCE_SHARED_TO_CUSTOMER, "moves from shared to you" },
    { SRM_OWNER_SHARED, SRM_OWNER_SHARED, SRM_DIFFERENCE_SAME, "same" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *words = srm_difference_describe (cases[i].difference, "Microsoft");

      g_assert_cmpint (srm_difference_between (cases[i].left, cases[i].right), ==, cases[i].difference);
      g_assert_cmpstr (words, ==, cases[i].words);
    }
}

static void
test_json (void)
{
  g_autoptr(SrmCatalogRegistry) registry = new_registry ();
  g_autoptr(SrmComparison) comparison = srm_comparison_new_from_spec (registry, "azure,azure-2026", NULL, NULL);
  g_autoptr(JsonNode) root = srm_comparison_to_json (comparison);
  JsonObject *object = json_node_get_object (root);
  JsonArray *differences = json_object_get_array_member (object, "differences");
  JsonObject *first, *second;

  g_assert_cmpstr (json_object_get_string_member (object, "kind"), ==, "catalogs");
  g_assert_false (json_object_has_member (object, "catalog"));
  g_assert_cmpstr (json_object_get_string_member (object, "left"), ==, "azure");
  g_assert_cmpstr (json_object_get_string_member (object, "right"), ==, "azure-2026");
  g_assert_cmpuint (json_array_get_length (differences), ==, 4);

  first = json_array_get_object_element (differences, 0);
  g_assert_true (json_object_get_null_member (first, "left_layer"));
  g_assert_cmpstr (json_object_get_string_member (first, "right_name"), ==, "Configurations and settings");
  g_assert_cmpstr (json_object_get_string_member (first, "difference"), ==, "right-only");

  second = json_array_get_object_element (differences, 1);
  g_assert_cmpstr (json_object_get_string_member (second, "model"), ==, "saas");
  g_assert_cmpstr (json_object_get_string_member (second, "left_owner"), ==, "customer");
  g_assert_cmpstr (json_object_get_string_member (second, "right_owner"), ==, "shared");
  g_assert_cmpstr (json_object_get_string_member (second, "text"), ==, "becomes shared");
}

typedef struct {
  const char *spec;
  const char *catalog_id;
  SrmComparisonError code;
  const char *token;  /* the message must quote it */
} BadSpec;

static void
test_bad_specs (void)
{
  g_autoptr(SrmCatalogRegistry) registry = new_registry ();
  static const BadSpec bad[] = {
    { "iaas", NULL, SRM_COMPARISON_ERROR_INVALID_SPEC, "“iaas”" },
    { "iaas,paas,saas", NULL, SRM_COMPARISON_ERROR_INVALID_SPEC, "“iaas,paas,saas”" },
    { ",paas", NULL, SRM_COMPARISON_ERROR_INVALID_SPEC, "“,paas”" },
    { "paas,paas", NULL, SRM_COMPARISON_ERROR_INVALID_SPEC, "“paas”" },
    { "iaas,pass", NULL, SRM_COMPARISON_ERROR_UNKNOWN_ID, "“pass”" },
    { "kubernetes,aks", NULL, SRM_COMPARISON_ERROR_UNKNOWN_ID, "“kubernetes”" },
    { "onprem,iaas", "azure-ai", SRM_COMPARISON_ERROR_UNKNOWN_ID, "“onprem”" },
    { "iaas,aks", NULL, SRM_COMPARISON_ERROR_MIXED_KINDS, "“aks”" },
    { "azure,paas", NULL, SRM_COMPARISON_ERROR_MIXED_KINDS, "“azure”" },
    { "iaas,paas", "gcp", SRM_COMPARISON_ERROR_UNKNOWN_CATALOG, "“gcp”" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(SrmComparison) comparison = NULL;

      g_test_message ("%s", bad[i].spec);
      comparison = srm_comparison_new_from_spec (registry, bad[i].spec, bad[i].catalog_id, &error);
      g_assert_null (comparison);
      g_assert_error (error, SRM_COMPARISON_ERROR, (int) bad[i].code);
      if (strstr (error->message, bad[i].token) == NULL)
        g_error ("“%s” does not name %s", error->message, bad[i].token);
    }
}

/* A user catalog whose id is also a model id makes "iaas,paas" ambiguous. */
static void
test_ambiguous_spec (void)
{
  g_autofree char *dir = g_dir_make_tmp ("srm-comparison-XXXXXX", NULL);
  g_autofree char *minimal_path = g_test_build_filename (G_TEST_DIST, "data", "catalog-valid-minimal.json", NULL);
  g_autofree char *minimal = NULL;
  g_autoptr(SrmCatalogRegistry) registry = NULL;
  g_autoptr(SrmComparison) comparison = NULL;
  g_autoptr(GError) error = NULL;
  const char * const ids[] = { "iaas", "paas" };

  g_assert_true (g_file_get_contents (minimal_path, &minimal, NULL, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autoptr(GString) text = g_string_new (minimal);
      g_autofree char *file = g_strdup_printf ("%s/%s.json", dir, ids[i]);
      g_autofree char *id_member = g_strdup_printf ("\"id\": \"%s\"", ids[i]);

      g_assert_cmpuint (g_string_replace (text, "\"id\": \"example\"", id_member, 1), ==, 1);
      g_assert_true (g_file_set_contents (file, text->str, -1, NULL));
    }

  registry = srm_catalog_registry_new (dir);
  g_assert_cmpuint (g_strv_length ((GStrv) srm_catalog_registry_get_errors (registry)), ==, 0);
  comparison = srm_comparison_new_from_spec (registry, "iaas,paas", NULL, &error);
  g_assert_null (comparison);
  g_assert_error (error, SRM_COMPARISON_ERROR, SRM_COMPARISON_ERROR_AMBIGUOUS);
  g_assert_nonnull (strstr (error->message, "“iaas”"));

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autofree char *file = g_strdup_printf ("%s/%s.json", dir, ids[i]);
      g_unlink (file);
    }
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/comparison/catalogs/azure-vs-2026", test_azure_vs_2026);
  g_test_add_func ("/comparison/catalogs/2026-vs-azure", test_2026_vs_azure);
  g_test_add_func ("/comparison/models/iaas-vs-paas", test_iaas_vs_paas);
  g_test_add_func ("/comparison/services/aks-vs-app-service", test_aks_vs_app_service);
  g_test_add_func ("/comparison/difference-words", test_difference_words);
  g_test_add_func ("/comparison/json", test_json);
  g_test_add_func ("/comparison/spec/bad", test_bad_specs);
  g_test_add_func ("/comparison/spec/ambiguous", test_ambiguous_spec);

  return g_test_run ();
}
