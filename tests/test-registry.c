/* test-registry.c: the list of catalogs the app offers.
 *
 * What a user notices: the built-in catalogs always come first, a catalog they
 * dropped into their data folder appears after them, and a broken or clashing
 * one is skipped with a message naming the file instead of hiding the others.
 */
#include <glib/gstdio.h>

#include "srm-model.h"

static const char * const builtin_ids[] = { "azure", "azure-2026", "azure-ai", NULL };

/* A copy of a test catalog with its id replaced, so the user folder can hold a
 * valid catalog of its own and one that clashes with a built-in. */
static void
write_catalog_with_id (const char *dir,
                       const char *file_name,
                       const char *source_name,
                       const char *old_id,
                       const char *new_id)
{
  g_autofree char *source = g_test_build_filename (G_TEST_DIST, "data", source_name, NULL);
  g_autofree char *target = g_build_filename (dir, file_name, NULL);
  g_autofree char *old_member = g_strdup_printf ("\"id\": \"%s\",", old_id);
  g_autofree char *new_member = g_strdup_printf ("\"id\": \"%s\",", new_id);
  g_autofree char *contents = NULL;
  g_autofree char *replaced = NULL;
  g_autoptr(GError) error = NULL;
  const char *found;

  g_file_get_contents (source, &contents, NULL, &error);
  g_assert_no_error (error);

  /* The first "id" member of the file is the catalog's own. */
  found = strstr (contents, old_member);
  g_assert_nonnull (found);
  replaced = g_strdup_printf ("%.*s%s%s", (int) (found - contents), contents,
                              new_member, found + strlen (old_member));

  g_file_set_contents (target, replaced, -1, &error);
  g_assert_no_error (error);
}

static void
copy_test_file (const char *dir,
                const char *file_name,
                const char *source_name)
{
  g_autofree char *source = g_test_build_filename (G_TEST_DIST, "data", source_name, NULL);
  g_autofree char *target = g_build_filename (dir, file_name, NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize len;

  g_file_get_contents (source, &contents, &len, &error);
  g_assert_no_error (error);
  g_file_set_contents (target, contents, (gssize) len, &error);
  g_assert_no_error (error);
}

static void
remove_dir (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  g_assert_nonnull (handle);
  while ((name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_assert_cmpint (g_remove (path), ==, 0);
    }
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static void
assert_builtin_first (GListModel *catalogs)
{
  g_assert_cmpuint (g_list_model_get_n_items (catalogs), >=, g_strv_length ((GStrv) builtin_ids));

  for (guint i = 0; builtin_ids[i] != NULL; i++)
    {
      g_autoptr(SrmCatalog) catalog = g_list_model_get_item (catalogs, i);

      g_assert_cmpstr (srm_catalog_get_id (catalog), ==, builtin_ids[i]);
      g_assert_true (srm_catalog_get_builtin (catalog));
    }
}

static void
test_user_catalogs (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("srm-test-registry-XXXXXX", &error);
  g_autoptr(SrmCatalogRegistry) registry = NULL;
  g_autoptr(SrmCatalog) user = NULL;
  GListModel *catalogs;
  const char * const *errors;

  g_assert_no_error (error);

  /* Loaded in file name order: a, b, c, so the warnings come in that order. */
  write_catalog_with_id (dir, "a-valid.json", "catalog-valid-small.json", "small", "my-team");
  copy_test_file (dir, "b-broken.json", "catalog-unknown-layer-in-duty.json");
  write_catalog_with_id (dir, "c-duplicate.json", "catalog-valid-minimal.json", "example", "azure");
  /* Neither of these is a catalog: wrong extension, and an editor's hidden file. */
  copy_test_file (dir, "notes.txt", "catalog-truncated.json");
  copy_test_file (dir, ".a-valid.json.swp.json", "catalog-truncated.json");

  g_test_expect_message ("srm-model", G_LOG_LEVEL_WARNING, "*b-broken.json*");
  g_test_expect_message ("srm-model", G_LOG_LEVEL_WARNING, "*c-duplicate.json*");
  registry = srm_catalog_registry_new (dir);
  g_test_assert_expected_messages ();

  catalogs = srm_catalog_registry_get_catalogs (registry);
  g_assert_true (g_list_model_get_item_type (catalogs) == SRM_TYPE_CATALOG);
  g_assert_cmpuint (g_list_model_get_n_items (catalogs), ==, 4);
  assert_builtin_first (catalogs);

  user = g_list_model_get_item (catalogs, 3);
  g_assert_cmpstr (srm_catalog_get_id (user), ==, "my-team");
  g_assert_false (srm_catalog_get_builtin (user));
  g_assert_true (g_str_has_suffix (srm_catalog_get_origin (user), "a-valid.json"));

  g_assert_true (srm_catalog_registry_lookup (registry, "my-team") == user);
  for (guint i = 0; builtin_ids[i] != NULL; i++)
    g_assert_nonnull (srm_catalog_registry_lookup (registry, builtin_ids[i]));
  g_assert_nonnull (srm_catalog_registry_lookup (registry, SRM_DEFAULT_CATALOG_ID));
  /* The built-in keeps its id; the clashing copy is not what lookup finds. */
  g_assert_true (srm_catalog_get_builtin (srm_catalog_registry_lookup (registry, "azure")));
  g_assert_null (srm_catalog_registry_lookup (registry, "example"));
  g_assert_null (srm_catalog_registry_lookup (registry, "no-such-catalog"));
  g_assert_null (srm_catalog_registry_lookup (registry, NULL));

  errors = srm_catalog_registry_get_errors (registry);
  g_assert_nonnull (errors);
  g_assert_cmpuint (g_strv_length ((GStrv) errors), ==, 2);
  g_test_message ("%s", errors[0]);
  g_test_message ("%s", errors[1]);
  g_assert_true (g_str_has_prefix (errors[0], "b-broken.json: services[0].duties[1].layer: "));
  g_assert_true (g_str_has_prefix (errors[1], "c-duplicate.json: "));
  g_assert_nonnull (strstr (errors[1], "\"azure\""));

  remove_dir (dir);
}

static void
test_missing_user_dir (void)
{
  g_autoptr(SrmCatalogRegistry) registry = NULL;
  g_autofree char *dir = g_build_filename (g_get_tmp_dir (), "srm-test-registry-no-such-dir", NULL);

  g_assert_false (g_file_test (dir, G_FILE_TEST_EXISTS));

  /* No warning expected: fatal-warnings would fail the test. */
  registry = srm_catalog_registry_new (dir);

  g_assert_cmpuint (g_list_model_get_n_items (srm_catalog_registry_get_catalogs (registry)), ==, 3);
  assert_builtin_first (srm_catalog_registry_get_catalogs (registry));
  g_assert_nonnull (srm_catalog_registry_get_errors (registry));
  g_assert_null (srm_catalog_registry_get_errors (registry)[0]);
}

static void
test_default_user_dir (void)
{
  g_autoptr(SrmCatalogRegistry) registry = NULL;
  g_autofree char *dir = NULL;

  /* G_TEST_OPTION_ISOLATE_DIRS points the XDG dirs at a fresh temp tree. */
  dir = g_build_filename (g_get_user_data_dir (), "srm-explorer", "catalogs", NULL);
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  write_catalog_with_id (dir, "trainer.json", "catalog-valid-minimal.json", "example", "trainer");

  registry = srm_catalog_registry_new (NULL);

  g_assert_cmpuint (g_list_model_get_n_items (srm_catalog_registry_get_catalogs (registry)), ==, 4);
  g_assert_nonnull (srm_catalog_registry_lookup (registry, "trainer"));
  g_assert_null (srm_catalog_registry_get_errors (registry)[0]);
}

static void
test_builtin_paths (void)
{
  const char * const *paths = srm_catalog_registry_builtin_paths ();

  g_assert_cmpuint (g_strv_length ((GStrv) paths), ==, 3);
  g_assert_cmpstr (paths[0], ==, "/io/github/srmexplorer/SrmExplorer/catalogs/azure.json");
  g_assert_cmpstr (paths[1], ==, "/io/github/srmexplorer/SrmExplorer/catalogs/azure-2026.json");
  g_assert_cmpstr (paths[2], ==, "/io/github/srmexplorer/SrmExplorer/catalogs/azure-ai.json");
  /* Registered by the first call: the resource can be read directly now. */
  g_assert_true (g_resources_get_info (paths[0], G_RESOURCE_LOOKUP_FLAGS_NONE, NULL, NULL, NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/registry/builtin-paths", test_builtin_paths);
  g_test_add_func ("/registry/user-catalogs", test_user_catalogs);
  g_test_add_func ("/registry/missing-user-dir", test_missing_user_dir);
  g_test_add_func ("/registry/default-user-dir", test_default_user_dir);

  return g_test_run ();
}
