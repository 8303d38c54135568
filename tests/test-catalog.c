/* test-catalog.c: the catalog loader, on a valid catalog and on broken ones.
 *
 * What a user notices: every fact of a valid catalog reaches the views, and a
 * broken catalog is refused with a message that names the file and the place
 * to fix.
 */
#include <glib/gstdio.h>

#include "srm-model.h"
#include "srm-json-guard.h"

static SrmCatalog *
load_test_catalog (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  SrmCatalog *catalog;

  catalog = srm_catalog_new_from_file (file, &error);
  g_assert_no_error (error);
  g_assert_nonnull (catalog);
  return catalog;
}

static void
assert_strv (const char * const *actual,
             const char * const *expected)
{
  g_assert_nonnull (actual);
  g_assert_cmpuint (g_strv_length ((GStrv) actual), ==, g_strv_length ((GStrv) expected));
  for (guint i = 0; expected[i] != NULL; i++)
    g_assert_cmpstr (actual[i], ==, expected[i]);
}

static void
assert_owner (SrmCatalog *catalog,
              const char *layer_id,
              const char *model_id,
              SrmOwner    expected)
{
  SrmOwner owner = (SrmOwner) -1;

  g_assert_true (srm_catalog_get_owner (catalog, layer_id, model_id, &owner));
  g_assert_cmpint (owner, ==, expected);
}

static void
assert_service_owner (SrmCatalog *catalog,
                      const char *service_id,
                      const char *layer_id,
                      SrmOwner    expected)
{
  SrmOwner owner = (SrmOwner) -1;

  g_assert_true (srm_catalog_get_service_owner (catalog, service_id, layer_id, &owner));
  g_assert_cmpint (owner, ==, expected);
}

static void
assert_list (GListModel *list,
             GType       item_type,
             guint       n_items)
{
  g_assert_true (G_IS_LIST_MODEL (list));
  g_assert_true (g_list_model_get_item_type (list) == item_type);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, n_items);

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (list, i);

      g_assert_true (G_TYPE_CHECK_INSTANCE_TYPE (item, item_type));
    }
}

static void
test_valid_catalog (void)
{
  g_autoptr(SrmCatalog) catalog = load_test_catalog ("catalog-valid-small.json");

  g_assert_cmpstr (srm_catalog_get_id (catalog), ==, "small");
  g_assert_cmpstr (srm_catalog_get_title (catalog), ==, "Small test catalog");
  g_assert_cmpstr (srm_catalog_get_description (catalog), ==,
                   "Three models, four layers in two bands, two services.");
  g_assert_cmpstr (srm_catalog_get_version (catalog), ==, "2026.1");
  g_assert_cmpstr (srm_catalog_get_sources_read (catalog), ==, "2026-11-01");
  g_assert_cmpstr (srm_catalog_get_provider_name (catalog), ==, "Microsoft");
  g_assert_true (g_str_has_suffix (srm_catalog_get_origin (catalog), "catalog-valid-small.json"));
  g_assert_true (g_path_is_absolute (srm_catalog_get_origin (catalog)));
  g_assert_false (srm_catalog_get_builtin (catalog));
  assert_strv (srm_catalog_get_matrix_sources (catalog), (const char *[]) { "S1", NULL });

  assert_list (srm_catalog_get_sources (catalog), SRM_TYPE_SOURCE, 3);
  assert_list (srm_catalog_get_groups (catalog), SRM_TYPE_LAYER_GROUP, 2);
  assert_list (srm_catalog_get_models (catalog), SRM_TYPE_SERVICE_MODEL, 3);
  assert_list (srm_catalog_get_layers (catalog), SRM_TYPE_LAYER, 4);
  assert_list (srm_catalog_get_services (catalog), SRM_TYPE_SERVICE, 2);
}

static void
test_valid_sources_groups_models (void)
{
  g_autoptr(SrmCatalog) catalog = load_test_catalog ("catalog-valid-small.json");
  g_autoptr(SrmSource) first = g_list_model_get_item (srm_catalog_get_sources (catalog), 0);
  SrmLayerGroup *group;
  SrmServiceModel *model;
  SrmSource *source;

  g_assert_cmpstr (srm_source_get_id (first), ==, "S1");
  g_assert_cmpstr (srm_source_get_title (first), ==, "Shared responsibility in the cloud");
  g_assert_true (g_str_has_prefix (srm_source_get_url (first), "https://learn.microsoft.com/"));
  source = srm_catalog_lookup_source (catalog, "S2");
  g_assert_nonnull (source);
  g_assert_cmpstr (srm_source_get_title (source), ==, "A paper without a web page");
  g_assert_null (srm_source_get_url (source));
  g_assert_true (srm_catalog_lookup_source (catalog, "aks-doc") != NULL);

  group = srm_catalog_lookup_group (catalog, "customer-always");
  g_assert_nonnull (group);
  g_assert_cmpstr (srm_layer_group_get_id (group), ==, "customer-always");
  g_assert_cmpstr (srm_layer_group_get_name (group), ==, "Responsibility always retained by the customer");
  g_assert_cmpstr (srm_layer_group_get_short_name (group), ==, "Always yours");
  g_assert_null (srm_layer_group_get_description (group));
  group = srm_catalog_lookup_group (catalog, "varies");
  g_assert_cmpstr (srm_layer_group_get_short_name (group), ==, "Responsibility varies by type");
  g_assert_cmpstr (srm_layer_group_get_description (group), ==, "Depends on the model.");

  model = srm_catalog_lookup_model (catalog, "paas");
  g_assert_nonnull (model);
  g_assert_cmpstr (srm_service_model_get_id (model), ==, "paas");
  g_assert_cmpstr (srm_service_model_get_name (model), ==, "Platform as a service");
  g_assert_cmpstr (srm_service_model_get_short_name (model), ==, "PaaS");
  g_assert_cmpstr (srm_service_model_get_description (model), ==, "Managed runtime.");
  g_assert_cmpuint (srm_service_model_get_index (model), ==, 1);
  model = srm_catalog_lookup_model (catalog, "saas");
  g_assert_cmpstr (srm_service_model_get_short_name (model), ==, "Software as a service");
  g_assert_cmpuint (srm_service_model_get_index (model), ==, 2);
}

static void
test_valid_layers (void)
{
  g_autoptr(SrmCatalog) catalog = load_test_catalog ("catalog-valid-small.json");
  GListModel *layers = srm_catalog_get_layers (catalog);
  const char *expected_ids[] = { "data", "identity", "os", "network" };
  SrmLayer *layer;
  SrmOwner owner;

  for (guint i = 0; i < G_N_ELEMENTS (expected_ids); i++)
    {
      g_autoptr(SrmLayer) item = g_list_model_get_item (layers, i);

      g_assert_cmpstr (srm_layer_get_id (item), ==, expected_ids[i]);
      g_assert_cmpuint (srm_layer_get_index (item), ==, i);
      g_assert_true (srm_catalog_lookup_layer (catalog, expected_ids[i]) == item);
    }

  layer = srm_catalog_lookup_layer (catalog, "data");
  g_assert_cmpstr (srm_layer_get_name (layer), ==, "Information and data");
  g_assert_cmpstr (srm_layer_get_group_id (layer), ==, "customer-always");
  g_assert_cmpstr (srm_layer_get_description (layer), ==, "What you store.");
  g_assert_cmpstr (srm_layer_get_maps_to (layer), ==, "data");
  assert_strv (srm_layer_get_sources (layer), (const char *[]) { NULL });
  g_assert_null (srm_layer_get_cell_note (layer, "paas"));

  layer = srm_catalog_lookup_layer (catalog, "identity");
  g_assert_cmpstr (srm_layer_get_group_id (layer), ==, "varies");
  g_assert_null (srm_layer_get_description (layer));
  g_assert_null (srm_layer_get_maps_to (layer));
  assert_strv (srm_layer_get_sources (layer), (const char *[]) { "S2", NULL });
  g_assert_cmpstr (srm_layer_get_cell_note (layer, "paas"), ==,
                   "The platform runs the directory; you manage who is in it.");
  g_assert_null (srm_layer_get_cell_note (layer, "iaas"));
  g_assert_null (srm_layer_get_cell_note (layer, "no-such-model"));
  g_assert_true (srm_layer_get_owner (layer, "paas", &owner));
  g_assert_cmpint (owner, ==, SRM_OWNER_SHARED);
  g_assert_false (srm_layer_get_owner (layer, "no-such-model", &owner));
  g_assert_false (srm_layer_get_owner (layer, NULL, &owner));

  /* The whole table, as the matrix view shows it. */
  assert_owner (catalog, "data", "iaas", SRM_OWNER_CUSTOMER);
  assert_owner (catalog, "data", "paas", SRM_OWNER_CUSTOMER);
  assert_owner (catalog, "data", "saas", SRM_OWNER_CUSTOMER);
  assert_owner (catalog, "identity", "iaas", SRM_OWNER_CUSTOMER);
  assert_owner (catalog, "identity", "paas", SRM_OWNER_SHARED);
  assert_owner (catalog, "identity", "saas", SRM_OWNER_SHARED);
  assert_owner (catalog, "os", "iaas", SRM_OWNER_CUSTOMER);
  assert_owner (catalog, "os", "paas", SRM_OWNER_PROVIDER);
  assert_owner (catalog, "os", "saas", SRM_OWNER_PROVIDER);
  assert_owner (catalog, "network", "iaas", SRM_OWNER_CUSTOMER);
  assert_owner (catalog, "network", "paas", SRM_OWNER_SHARED);
  assert_owner (catalog, "network", "saas", SRM_OWNER_PROVIDER);

  g_assert_false (srm_catalog_get_owner (catalog, "no-such-layer", "iaas", &owner));
  g_assert_false (srm_catalog_get_owner (catalog, "os", "no-such-model", &owner));
  g_assert_false (srm_catalog_get_owner (catalog, NULL, NULL, &owner));
}

static void
test_valid_services (void)
{
  g_autoptr(SrmCatalog) catalog = load_test_catalog ("catalog-valid-small.json");
  g_autoptr(SrmDuty) first_duty = NULL;
  SrmService *service;
  SrmDuty *duty;
  SrmOwner owner;

  service = srm_catalog_lookup_service (catalog, "vm");
  g_assert_nonnull (service);
  g_assert_cmpstr (srm_service_get_id (service), ==, "vm");
  g_assert_cmpstr (srm_service_get_name (service), ==, "Virtual machines");
  g_assert_cmpstr (srm_service_get_category (service), ==, "Compute");
  g_assert_cmpstr (srm_service_get_model_id (service), ==, "iaas");
  g_assert_null (srm_service_get_model_label (service));
  g_assert_cmpstr (srm_service_get_notes (service), ==, "You run the guest.");
  assert_strv (srm_service_get_sources (service), (const char *[]) { "S1", NULL });
  assert_strv (srm_service_get_override_layers (service), (const char *[]) { NULL });
  g_assert_false (srm_service_get_override (service, "os", &owner));
  assert_list (srm_service_get_duties (service), SRM_TYPE_DUTY, 2);

  first_duty = g_list_model_get_item (srm_service_get_duties (service), 0);
  g_assert_cmpstr (srm_duty_get_id (first_duty), ==, "vm-patch");
  g_assert_cmpstr (srm_duty_get_service_id (first_duty), ==, "vm");
  g_assert_cmpstr (srm_duty_get_layer_id (first_duty), ==, "os");
  g_assert_cmpstr (srm_duty_get_text (first_duty), ==, "Patch the guest operating system.");
  assert_strv (srm_duty_get_mcsb (first_duty), (const char *[]) { "PV-6", "PV-5", NULL });
  assert_strv (srm_duty_get_sources (first_duty), (const char *[]) { "S1", NULL });
  g_assert_true (srm_catalog_lookup_duty (catalog, "vm-patch") == first_duty);

  duty = srm_catalog_lookup_duty (catalog, "vm-backup");
  g_assert_nonnull (duty);
  g_assert_cmpstr (srm_duty_get_layer_id (duty), ==, "data");
  assert_strv (srm_duty_get_mcsb (duty), (const char *[]) { NULL });
  assert_strv (srm_duty_get_sources (duty), (const char *[]) { "S1", "S2", NULL });

  service = srm_catalog_lookup_service (catalog, "aks");
  g_assert_nonnull (service);
  g_assert_cmpstr (srm_service_get_model_id (service), ==, "paas");
  g_assert_cmpstr (srm_service_get_model_label (service), ==,
                   "Managed Kubernetes (Microsoft says it isn't a PaaS)");
  g_assert_null (srm_service_get_notes (service));
  assert_list (srm_service_get_duties (service), SRM_TYPE_DUTY, 0);
  /* Written network first; reported in the catalog's row order. */
  assert_strv (srm_service_get_override_layers (service), (const char *[]) { "os", "network", NULL });
  g_assert_true (srm_service_get_override (service, "os", &owner));
  g_assert_cmpint (owner, ==, SRM_OWNER_SHARED);
  g_assert_false (srm_service_get_override (service, "data", &owner));

  /* A service's column is its model's, except where it overrides a cell. */
  assert_service_owner (catalog, "aks", "os", SRM_OWNER_SHARED);
  assert_service_owner (catalog, "aks", "network", SRM_OWNER_CUSTOMER);
  assert_service_owner (catalog, "aks", "identity", SRM_OWNER_SHARED);
  assert_service_owner (catalog, "aks", "data", SRM_OWNER_CUSTOMER);
  assert_service_owner (catalog, "vm", "os", SRM_OWNER_CUSTOMER);
  assert_service_owner (catalog, "vm", "network", SRM_OWNER_CUSTOMER);
  g_assert_false (srm_catalog_get_service_owner (catalog, "no-such-service", "os", &owner));
  g_assert_false (srm_catalog_get_service_owner (catalog, "aks", "no-such-layer", &owner));
}

static void
test_lookup_unknown (void)
{
  g_autoptr(SrmCatalog) catalog = load_test_catalog ("catalog-valid-small.json");

  g_assert_null (srm_catalog_lookup_layer (catalog, "operating-system"));
  g_assert_null (srm_catalog_lookup_group (catalog, "nope"));
  g_assert_null (srm_catalog_lookup_model (catalog, "faas"));
  g_assert_null (srm_catalog_lookup_service (catalog, "nope"));
  g_assert_null (srm_catalog_lookup_source (catalog, "S9"));
  g_assert_null (srm_catalog_lookup_source (catalog, "s1"));
  g_assert_null (srm_catalog_lookup_duty (catalog, "nope"));
  /* Ids are per kind: a layer id is not a duty id. */
  g_assert_null (srm_catalog_lookup_duty (catalog, "os"));
  g_assert_null (srm_catalog_lookup_layer (catalog, NULL));
  g_assert_null (srm_catalog_lookup_duty (catalog, NULL));
}

static void
test_properties (void)
{
  g_autoptr(SrmCatalog) catalog = load_test_catalog ("catalog-valid-small.json");
  g_autoptr(GListModel) layers = NULL;
  g_autofree char *title = NULL;
  g_autofree char *name = NULL;
  g_auto(GStrv) mcsb = NULL;
  gboolean builtin = TRUE;
  guint index = 0;

  g_object_get (catalog, "title", &title, "layers", &layers, "builtin", &builtin, NULL);
  g_assert_cmpstr (title, ==, "Small test catalog");
  g_assert_true (layers == srm_catalog_get_layers (catalog));
  g_assert_false (builtin);

  g_object_get (srm_catalog_lookup_layer (catalog, "os"), "name", &name, "index", &index, NULL);
  g_assert_cmpstr (name, ==, "Operating system");
  g_assert_cmpuint (index, ==, 2);

  g_object_get (srm_catalog_lookup_duty (catalog, "vm-patch"), "mcsb", &mcsb, NULL);
  assert_strv ((const char * const *) mcsb, (const char *[]) { "PV-6", "PV-5", NULL });

  /* Immutable: no property can be written. */
  g_assert_false (g_object_class_find_property (G_OBJECT_GET_CLASS (catalog), "title")->flags & G_PARAM_WRITABLE);
}

static void
test_minimal_base_is_valid (void)
{
  /* The broken catalogs are this one with one thing changed each. */
  g_autoptr(SrmCatalog) catalog = load_test_catalog ("catalog-valid-minimal.json");

  g_assert_cmpstr (srm_catalog_get_id (catalog), ==, "example");
  g_assert_cmpstr (srm_catalog_get_provider_name (catalog), ==, "Provider");
}

typedef struct {
  const char *file;
  SrmCatalogError code;
  /* The place the message must name; "L:C" stands for any LINE:COLUMN (the
   * parser's own positions), NULL for problems of the whole file. */
  const char *place;
  const char *snippet;
} BrokenCase;

static const BrokenCase broken_cases[] = {
  { "catalog-truncated.json", SRM_CATALOG_ERROR_SYNTAX, "L:C", "cut short" },
  { "catalog-syntax-error.json", SRM_CATALOG_ERROR_SYNTAX, "L:C", "not valid JSON" },
  { "catalog-empty.json", SRM_CATALOG_ERROR_SYNTAX, NULL, "the file is empty" },
  { "catalog-invalid-utf8.json", SRM_CATALOG_ERROR_ENCODING, "5:48", "byte 118 is not UTF-8" },
  { "catalog-nul-byte.json", SRM_CATALOG_ERROR_ENCODING, "5:43", "byte 113 is a NUL byte" },
  { "catalog-nested-50.json", SRM_CATALOG_ERROR_TOO_DEEP, "71:23", "more than 16 levels" },
  { "catalog-not-object.json", SRM_CATALOG_ERROR_WRONG_TYPE, NULL, "must be a JSON object" },
  { "catalog-wrong-format.json", SRM_CATALOG_ERROR_INVALID_VALUE, "format", "\"srm-assessment\"" },
  { "catalog-newer-version.json", SRM_CATALOG_ERROR_UNSUPPORTED_VERSION, "format_version",
    "this file uses catalog format 3, but this version of Shared Responsibility Explorer reads format 1 at most" },
  { "catalog-fractional-version.json", SRM_CATALOG_ERROR_WRONG_TYPE, "format_version", "expected a whole number" },
  { "catalog-bad-date.json", SRM_CATALOG_ERROR_INVALID_VALUE, "sources_read", "\"2026-02-30\" is not a date" },
  { "catalog-missing-matrix-sources.json", SRM_CATALOG_ERROR_MISSING_FIELD, NULL,
    "missing required member \"matrix_sources\"" },
  { "catalog-bad-url.json", SRM_CATALOG_ERROR_INVALID_VALUE, "sources[1].url", "not a web address" },
  { "catalog-no-models.json", SRM_CATALOG_ERROR_MISSING_FIELD, "models", "the list is empty" },
  { "catalog-wrong-type-layers.json", SRM_CATALOG_ERROR_WRONG_TYPE, "layers", "expected an array, found an object" },
  { "catalog-missing-id.json", SRM_CATALOG_ERROR_MISSING_FIELD, "layers[1]", "missing required member \"id\"" },
  { "catalog-duplicate-layer.json", SRM_CATALOG_ERROR_DUPLICATE_ID, "layers[2].id", "already used by layers[1]" },
  { "catalog-unknown-group.json", SRM_CATALOG_ERROR_UNKNOWN_REFERENCE, "layers[0].group", "unknown group \"g-middle\"" },
  { "catalog-missing-group.json", SRM_CATALOG_ERROR_MISSING_FIELD, "layers[1]", "missing required member \"group\"" },
  { "catalog-groups-not-consecutive.json", SRM_CATALOG_ERROR_INVALID_VALUE, "layers[2].group", "consecutive" },
  { "catalog-unknown-owner.json", SRM_CATALOG_ERROR_INVALID_VALUE, "layers[1].owners.saas", "unknown owner \"microsoft\"" },
  { "catalog-missing-cell.json", SRM_CATALOG_ERROR_MISSING_FIELD, "layers[2].owners", "no owner for model \"saas\"" },
  { "catalog-owner-for-unknown-model.json", SRM_CATALOG_ERROR_UNKNOWN_REFERENCE, "layers[0].owners.paas", "unknown model \"paas\"" },
  { "catalog-unknown-source-in-layer.json", SRM_CATALOG_ERROR_UNKNOWN_REFERENCE, "layers[0].sources[0]", "unknown source \"S7\"" },
  { "catalog-unknown-source.json", SRM_CATALOG_ERROR_UNKNOWN_REFERENCE, "services[0].sources[1]", "unknown source \"S9\"" },
  { "catalog-bad-id.json", SRM_CATALOG_ERROR_INVALID_VALUE, "services[0].id", "\"Virtual Machines\" is not a valid id" },
  { "catalog-unknown-model-in-service.json", SRM_CATALOG_ERROR_UNKNOWN_REFERENCE, "services[1].model", "unknown model \"paas\"" },
  { "catalog-missing-source-in-service.json", SRM_CATALOG_ERROR_MISSING_SOURCE, "services[0]", "no source" },
  { "catalog-empty-sources-in-service.json", SRM_CATALOG_ERROR_MISSING_SOURCE, "services[1].sources", "at least one source" },
  { "catalog-unknown-layer-in-override.json", SRM_CATALOG_ERROR_UNKNOWN_REFERENCE, "services[1].overrides.apps", "unknown layer \"apps\"" },
  { "catalog-unknown-layer-in-duty.json", SRM_CATALOG_ERROR_UNKNOWN_REFERENCE, "services[0].duties[1].layer",
    "unknown layer \"operating-system\"" },
  { "catalog-duplicate-duty.json", SRM_CATALOG_ERROR_DUPLICATE_ID, "services[1].duties[0].id",
    "the id \"vm-patch\" is already used by services[0].duties[0]" },
  { "catalog-missing-source-in-duty.json", SRM_CATALOG_ERROR_MISSING_SOURCE, "services[0].duties[1]", "no source" },
  { "catalog-wrong-type-duty-text.json", SRM_CATALOG_ERROR_WRONG_TYPE, "services[0].duties[0].text",
    "expected a string, found a whole number" },
};

/* "NAME: PLACE: problem", with PLACE as the case says. */
static void
assert_message (const char       *message,
                const BrokenCase *test)
{
  g_autofree char *name_prefix = g_strconcat (test->file, ": ", NULL);
  const char *rest;

  g_test_message ("%s", message);
  g_assert_true (g_str_has_prefix (message, name_prefix));
  rest = message + strlen (name_prefix);

  if (g_strcmp0 (test->place, "L:C") == 0)
    g_assert_true (g_regex_match_simple ("^[0-9]+:[0-9]+: ", rest, 0, 0));
  else if (test->place != NULL)
    {
      g_autofree char *place_prefix = g_strconcat (test->place, ": ", NULL);

      g_assert_true (g_str_has_prefix (rest, place_prefix));
    }

  g_assert_nonnull (strstr (message, test->snippet));
}

static void
test_broken (gconstpointer data)
{
  const BrokenCase *test = data;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", test->file, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(SrmCatalog) catalog = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));

  catalog = srm_catalog_new_from_file (file, &error);
  g_assert_null (catalog);
  g_assert_error (error, SRM_CATALOG_ERROR, (int) test->code);
  assert_message (error->message, test);
}

static void
test_read_errors (void)
{
  g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "data", NULL);
  g_autofree char *missing = g_test_build_filename (G_TEST_DIST, "data", "no-such-catalog.json", NULL);
  g_autoptr(GFile) dir_file = g_file_new_for_path (dir);
  g_autoptr(GFile) missing_file = g_file_new_for_path (missing);
  g_autoptr(SrmCatalog) catalog = NULL;
  g_autoptr(GError) error = NULL;

  catalog = srm_catalog_new_from_file (dir_file, &error);
  g_assert_null (catalog);
  g_assert_error (error, SRM_CATALOG_ERROR, SRM_CATALOG_ERROR_READ);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, "data: "));
  g_clear_error (&error);

  catalog = srm_catalog_new_from_file (missing_file, &error);
  g_assert_null (catalog);
  g_assert_error (error, SRM_CATALOG_ERROR, SRM_CATALOG_ERROR_READ);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, "no-such-catalog.json: "));
  g_clear_error (&error);

  catalog = srm_catalog_new_from_resource ("/io/github/srmexplorer/SrmExplorer/catalogs/no-such.json", &error);
  g_assert_null (catalog);
  g_assert_error (error, SRM_CATALOG_ERROR, SRM_CATALOG_ERROR_READ);
  g_assert_true (g_str_has_prefix (error->message, "no-such.json: "));
}

static void
test_too_large (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("srm-test-catalog-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(SrmCatalog) catalog = NULL;
  gsize len = SRM_CATALOG_MAX_BYTES + 100;

  g_assert_no_error (error);

  /* Valid JSON padded with spaces: refused for its size alone. */
  contents = g_malloc (len);
  memset (contents, ' ', len);
  contents[0] = '{';
  contents[len - 1] = '}';

  path = g_build_filename (dir, "huge.json", NULL);
  g_file_set_contents (path, contents, (gssize) len, &error);
  g_assert_no_error (error);

  file = g_file_new_for_path (path);
  catalog = srm_catalog_new_from_file (file, &error);
  g_assert_null (catalog);
  g_assert_error (error, SRM_CATALOG_ERROR, SRM_CATALOG_ERROR_TOO_LARGE);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, "huge.json: "));
  /* g_format_size() puts a no-break space between number and unit. */
  g_assert_nonnull (strstr (error->message, "4.0"));
  g_assert_nonnull (strstr (error->message, "MiB"));

  g_assert_cmpint (g_remove (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static void
test_from_bytes (void)
{
  static const char partial[] = "{ \"format\": \"srm-catalog\", \"format_version\": 1 }";
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "catalog-valid-small.json", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *with_bom = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) broken = NULL;
  g_autoptr(SrmCatalog) catalog = NULL;
  g_autoptr(GError) error = NULL;
  gsize len;

  g_file_get_contents (path, &contents, &len, &error);
  g_assert_no_error (error);

  /* Editors on some systems start UTF-8 files with a byte order mark. */
  with_bom = g_strconcat ("\xEF\xBB\xBF", contents, NULL);
  bytes = g_bytes_new (with_bom, strlen (with_bom));
  catalog = srm_catalog_new_from_bytes (bytes, "pasted.json", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (srm_catalog_get_id (catalog), ==, "small");
  g_assert_cmpstr (srm_catalog_get_origin (catalog), ==, "pasted.json");
  g_assert_false (srm_catalog_get_builtin (catalog));

  broken = g_bytes_new_static (partial, strlen (partial));
  g_assert_null (srm_catalog_new_from_bytes (broken, "pasted.json", &error));
  g_assert_error (error, SRM_CATALOG_ERROR, SRM_CATALOG_ERROR_MISSING_FIELD);
  g_assert_cmpstr (error->message, ==, "pasted.json: missing required member \"id\"");
}

static void
test_builtin_resources (void)
{
  const char * const *paths = srm_catalog_registry_builtin_paths ();

  g_assert_cmpuint (g_strv_length ((GStrv) paths), ==, 3);

  for (guint i = 0; paths[i] != NULL; i++)
    {
      g_autoptr(SrmCatalog) catalog = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *origin = g_strconcat ("resource://", paths[i], NULL);

      catalog = srm_catalog_new_from_resource (paths[i], &error);
      g_assert_no_error (error);
      g_assert_true (srm_catalog_get_builtin (catalog));
      g_assert_cmpstr (srm_catalog_get_origin (catalog), ==, origin);
      g_assert_cmpuint (g_list_model_get_n_items (srm_catalog_get_layers (catalog)), >, 0);
    }
}

static void
test_owner (void)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (SRM_TYPE_OWNER);
  SrmOwner owner = SRM_OWNER_CUSTOMER;

  g_assert_cmpstr (g_enum_get_value (klass, SRM_OWNER_CUSTOMER)->value_nick, ==, "customer");
  g_assert_cmpstr (g_enum_get_value (klass, SRM_OWNER_PROVIDER)->value_nick, ==, "provider");
  g_assert_cmpstr (g_enum_get_value (klass, SRM_OWNER_SHARED)->value_nick, ==, "shared");

  g_assert_cmpstr (srm_owner_to_string (SRM_OWNER_SHARED), ==, "shared");
  g_assert_true (srm_owner_from_string ("provider", &owner));
  g_assert_cmpint (owner, ==, SRM_OWNER_PROVIDER);
  g_assert_false (srm_owner_from_string ("Provider", &owner));
  g_assert_false (srm_owner_from_string (NULL, &owner));
  g_assert_cmpint (owner, ==, SRM_OWNER_PROVIDER);

  g_assert_cmpstr (srm_owner_get_label (SRM_OWNER_CUSTOMER, "Microsoft"), ==, "Customer");
  g_assert_cmpstr (srm_owner_get_label (SRM_OWNER_PROVIDER, "Microsoft"), ==, "Microsoft");
  g_assert_cmpstr (srm_owner_get_label (SRM_OWNER_PROVIDER, NULL), ==, "Provider");
  g_assert_cmpstr (srm_owner_get_label (SRM_OWNER_SHARED, "Microsoft"), ==, "Shared");
}

static gboolean
guard (const char          *data,
       guint                max_depth,
       SrmJsonGuardProblem *problem)
{
  return srm_json_guard_check (data, strlen (data), 1024, max_depth, problem);
}

static void
test_guard_depth (void)
{
  SrmJsonGuardProblem problem;
  g_autofree char *description = NULL;

  g_assert_true (guard ("{\"a\": [[1]]}", 3, &problem));
  g_assert_false (guard ("{\"a\": [[[1]]]}", 3, &problem));
  g_assert_cmpint (problem.kind, ==, SRM_JSON_GUARD_TOO_DEEP);
  g_assert_cmpuint (problem.line, ==, 1);
  g_assert_cmpuint (problem.column, ==, 9);

  /* Brackets in strings, even after escaped quotes, are text. */
  g_assert_true (guard ("{\"a\": \"[[[[\\\"[[[[\"}", 2, &problem));
  g_assert_true (guard ("[] [] [] []", 1, &problem));

  g_assert_false (guard ("[\n [\n  [\"é\", [", 3, &problem));
  g_assert_cmpuint (problem.line, ==, 3);
  g_assert_cmpuint (problem.column, ==, 9);
  description = srm_json_guard_problem_describe (&problem);
  g_assert_cmpstr (description, ==, "3:9: arrays and objects are nested more than 3 levels deep");
}

static void
test_guard_encoding (void)
{
  SrmJsonGuardProblem problem;
  const char nul[] = "{\n\"a\": \"x\0\"}";

  g_assert_false (guard ("{\n \"caf\xe9\": 1}", 16, &problem));
  g_assert_cmpint (problem.kind, ==, SRM_JSON_GUARD_INVALID_UTF8);
  g_assert_cmpuint (problem.offset, ==, 7);
  g_assert_cmpuint (problem.line, ==, 2);
  g_assert_cmpuint (problem.column, ==, 6);

  g_assert_false (srm_json_guard_check (nul, sizeof nul - 1, 1024, 16, &problem));
  g_assert_cmpint (problem.kind, ==, SRM_JSON_GUARD_NUL_BYTE);
  g_assert_cmpuint (problem.offset, ==, 9);
  g_assert_cmpuint (problem.line, ==, 2);
  g_assert_cmpuint (problem.column, ==, 8);

  g_assert_false (guard ("", 16, &problem));
  g_assert_cmpint (problem.kind, ==, SRM_JSON_GUARD_EMPTY);
  g_assert_false (guard (" \n\t\r\n", 16, &problem));
  g_assert_cmpint (problem.kind, ==, SRM_JSON_GUARD_EMPTY);
  g_assert_false (guard ("\xEF\xBB\xBF\n", 16, &problem));
  g_assert_cmpint (problem.kind, ==, SRM_JSON_GUARD_EMPTY);

  g_assert_false (srm_json_guard_check ("[1, 2]", 6, 5, 16, &problem));
  g_assert_cmpint (problem.kind, ==, SRM_JSON_GUARD_TOO_LARGE);
  g_assert_true (srm_json_guard_check ("[1, 2]", 6, 6, 16, &problem));
}

static void
test_guard_parse (void)
{
  SrmJsonGuardProblem problem = { 0, };
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *description = NULL;

  root = srm_json_guard_parse ("{\"a\": [1, 2]}", 13, 1024, 16, &problem);
  g_assert_nonnull (root);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (root));

  g_assert_null (srm_json_guard_parse ("{\n  \"a\": [1,\n", 13, 1024, 16, &problem));
  g_assert_cmpint (problem.kind, ==, SRM_JSON_GUARD_SYNTAX);
  g_assert_true (problem.unclosed);
  g_assert_cmpuint (problem.line, >, 0);
  description = srm_json_guard_problem_describe (&problem);
  g_assert_true (g_str_has_prefix (description, "not valid JSON") ||
                 g_regex_match_simple ("^[0-9]+:[0-9]+: not valid JSON", description, 0, 0));
  srm_json_guard_problem_clear (&problem);
  g_assert_null (problem.detail);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/catalog/valid/catalog", test_valid_catalog);
  g_test_add_func ("/catalog/valid/sources-groups-models", test_valid_sources_groups_models);
  g_test_add_func ("/catalog/valid/layers", test_valid_layers);
  g_test_add_func ("/catalog/valid/services", test_valid_services);
  g_test_add_func ("/catalog/valid/lookup-unknown", test_lookup_unknown);
  g_test_add_func ("/catalog/valid/properties", test_properties);
  g_test_add_func ("/catalog/valid/minimal", test_minimal_base_is_valid);
  g_test_add_func ("/catalog/valid/from-bytes", test_from_bytes);
  g_test_add_func ("/catalog/valid/builtin-resources", test_builtin_resources);

  for (guint i = 0; i < G_N_ELEMENTS (broken_cases); i++)
    {
      g_autofree char *test_path = g_strdup_printf ("/catalog/broken/%s", broken_cases[i].file);

      g_test_add_data_func (test_path, &broken_cases[i], test_broken);
    }
  g_test_add_func ("/catalog/broken/read-errors", test_read_errors);
  g_test_add_func ("/catalog/broken/too-large", test_too_large);

  g_test_add_func ("/owner", test_owner);
  g_test_add_func ("/json-guard/depth", test_guard_depth);
  g_test_add_func ("/json-guard/encoding", test_guard_encoding);
  g_test_add_func ("/json-guard/parse", test_guard_parse);

  return g_test_run ();
}
