/* test-tour.c: guided tours: the built-in ones, a trainer's own, broken ones.
 *
 * What a user notices: every built-in tour opens and shows things that exist,
 * its texts reach the translators, and a broken tour is refused with a message
 * that names the file and the step to fix.
 */
#include <string.h>

#include "srm-model.h"

/* The header xgettext reads; compiled here only to compare it with the tours. */
#define N_(String) (String)
#include "../data/tours/srm-tour-strings.h"

static SrmCatalogRegistry *
new_registry (void)
{
  g_autofree char *empty = g_test_build_filename (G_TEST_DIST, "data", "no-user-catalogs", NULL);

  /* A folder that does not exist: only the built-in catalogs. */
  return srm_catalog_registry_new (empty);
}

static SrmTour *
load_test_tour (const char          *name,
                SrmCatalogRegistry  *registry,
                GError             **error)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return srm_tour_new_from_file (file, registry, error);
}

static void
assert_step_refers_to_existing_things (SrmCatalogRegistry *registry,
                                       SrmTourStep        *step)
{
  SrmCatalog *catalog = srm_catalog_registry_lookup (registry, srm_tour_step_get_catalog_id (step));
  const char * const *services = srm_tour_step_get_service_ids (step);
  const char * const *spotlight = srm_tour_step_get_spotlight_ids (step);

  g_assert_nonnull (catalog);
  if (srm_tour_step_get_model_id (step) != NULL)
    g_assert_nonnull (srm_catalog_lookup_model (catalog, srm_tour_step_get_model_id (step)));
  g_assert_nonnull (services);
  for (guint i = 0; services[i] != NULL; i++)
    g_assert_nonnull (srm_catalog_lookup_service (catalog, services[i]));
  g_assert_nonnull (spotlight);
  for (guint i = 0; spotlight[i] != NULL; i++)
    g_assert_nonnull (srm_catalog_lookup_layer (catalog, spotlight[i]));
  g_assert_nonnull (srm_tour_step_get_caption (step));
  g_assert_cmpuint (strlen (srm_tour_step_get_caption (step)), >, 10);
}

static void
test_builtin_tours_load (void)
{
  g_autoptr(SrmCatalogRegistry) registry = new_registry ();
  const char * const *ids = srm_tour_builtin_ids ();

  g_assert_cmpuint (g_strv_length ((GStrv) ids), ==, 4);

  for (guint i = 0; ids[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(SrmTour) tour = srm_tour_new_builtin (ids[i], registry, &error);
      GListModel *steps;

      g_assert_no_error (error);
      g_assert_nonnull (tour);
      g_assert_cmpstr (srm_tour_get_id (tour), ==, ids[i]);
      g_assert_true (srm_tour_get_builtin (tour));
      g_assert_nonnull (srm_tour_get_title (tour));
      steps = srm_tour_get_steps (tour);
      g_assert_true (g_list_model_get_item_type (steps) == SRM_TYPE_TOUR_STEP);
      g_assert_cmpuint (g_list_model_get_n_items (steps), >=, 3);
      g_assert_cmpuint (srm_tour_get_n_steps (tour), ==, g_list_model_get_n_items (steps));
      g_assert_null (srm_tour_get_step (tour, srm_tour_get_n_steps (tour)));

      for (guint s = 0; s < srm_tour_get_n_steps (tour); s++)
        {
          SrmTourStep *step = srm_tour_get_step (tour, s);

          g_assert_cmpuint (srm_tour_step_get_index (step), ==, s);
          assert_step_refers_to_existing_things (registry, step);
        }

      /* Loading without a registry and validating later agrees. */
      {
        g_autoptr(SrmTour) again = srm_tour_new_builtin (ids[i], NULL, &error);

        g_assert_no_error (error);
        g_assert_true (srm_tour_validate (again, registry, &error));
        g_assert_no_error (error);
      }

      /* The AI tour is about the AI catalog. */
      if (g_str_equal (ids[i], "ai-shared-responsibility"))
        g_assert_cmpstr (srm_tour_step_get_catalog_id (srm_tour_get_step (tour, 0)), ==, "azure-ai");
    }
}

/* The facts the built-in tours state, checked against the catalogs, so a
 * catalog change that makes a caption wrong fails here. */
static void
test_builtin_tours_facts (void)
{
  g_autoptr(SrmCatalogRegistry) registry = new_registry ();
  SrmCatalog *azure = srm_catalog_registry_lookup (registry, "azure");
  SrmCatalog *ai = srm_catalog_registry_lookup (registry, "azure-ai");
  SrmOwner owner;

  /* "Inside a service": the OS is the only layer where AKS and App Service differ. */
  {
    g_autoptr(SrmComparison) comparison = srm_comparison_new_services (azure, "aks", "app-service");
    GListModel *differences = srm_comparison_get_differences (comparison);
    g_autoptr(SrmComparisonRow) row = NULL;

    g_assert_cmpuint (g_list_model_get_n_items (differences), ==, 1);
    row = g_list_model_get_item (differences, 0);
    g_assert_cmpstr (srm_layer_get_id (srm_comparison_row_get_left_layer (row)), ==, "os");
  }

  /* "From on-premises to SaaS", step 2: in IaaS the OS is still yours. */
  g_assert_true (srm_catalog_get_owner (azure, "os", "iaas", &owner));
  g_assert_cmpint (owner, ==, SRM_OWNER_CUSTOMER);
  /* Step 4: in SaaS the identity infrastructure stays shared. */
  g_assert_true (srm_catalog_get_owner (azure, "identity-infra", "saas", &owner));
  g_assert_cmpint (owner, ==, SRM_OWNER_SHARED);

  /* "AI shared responsibility": the platform is Microsoft's from PaaS on, the
   * application only in SaaS, usage never. */
  g_assert_true (srm_catalog_get_owner (ai, "ai-platform", "paas", &owner));
  g_assert_cmpint (owner, ==, SRM_OWNER_PROVIDER);
  g_assert_true (srm_catalog_get_owner (ai, "ai-application", "paas", &owner));
  g_assert_cmpint (owner, ==, SRM_OWNER_CUSTOMER);
  g_assert_true (srm_catalog_get_owner (ai, "ai-application", "saas", &owner));
  g_assert_cmpint (owner, ==, SRM_OWNER_PROVIDER);
  g_assert_true (srm_catalog_get_owner (ai, "ai-usage", "saas", &owner));
  g_assert_cmpint (owner, ==, SRM_OWNER_CUSTOMER);
}

static void
collect (GHashTable *used,
         const char *text)
{
  if (text != NULL)
    g_hash_table_add (used, g_strdup (text));
}

/* Every text of the built-in tours is in the header xgettext reads, and the
 * header holds nothing else (with LC_ALL=C.UTF-8 the texts are untranslated). */
static void
test_builtin_tours_translatable (void)
{
  g_autoptr(GHashTable) header = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) used = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  const char * const *ids = srm_tour_builtin_ids ();
  GHashTableIter iter;
  gpointer text;

  for (guint i = 0; srm_tour_strings[i] != NULL; i++)
    g_hash_table_add (header, (gpointer) srm_tour_strings[i]);

  for (guint i = 0; ids[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(SrmTour) tour = srm_tour_new_builtin (ids[i], NULL, &error);

      g_assert_no_error (error);
      collect (used, srm_tour_get_title (tour));
      collect (used, srm_tour_get_description (tour));
      for (guint s = 0; s < srm_tour_get_n_steps (tour); s++)
        {
          collect (used, srm_tour_step_get_title (srm_tour_get_step (tour, s)));
          collect (used, srm_tour_step_get_caption (srm_tour_get_step (tour, s)));
        }
    }

  g_hash_table_iter_init (&iter, used);
  while (g_hash_table_iter_next (&iter, &text, NULL))
    {
      if (!g_hash_table_contains (header, text))
        g_error ("“%s” is missing from data/tours/srm-tour-strings.h; "
                 "run build-aux/tour-strings.py", (const char *) text);
    }
  g_assert_cmpuint (g_hash_table_size (header), ==, g_hash_table_size (used));
}

static void
test_user_tour (void)
{
  g_autoptr(SrmCatalogRegistry) registry = new_registry ();
  g_autoptr(GError) error = NULL;
  g_autoptr(SrmTour) tour = load_test_tour ("tour-valid.json", registry, &error);
  SrmTourStep *step;

  g_assert_no_error (error);
  g_assert_cmpstr (srm_tour_get_id (tour), ==, "my-tour");
  g_assert_cmpstr (srm_tour_get_title (tour), ==, "My tour");
  g_assert_cmpstr (srm_tour_get_description (tour), ==, "Two steps for a test.");
  g_assert_cmpstr (srm_tour_get_name (tour), ==, "tour-valid.json");
  g_assert_false (srm_tour_get_builtin (tour));
  g_assert_cmpuint (srm_tour_get_n_steps (tour), ==, 2);

  step = srm_tour_get_step (tour, 0);
  g_assert_cmpstr (srm_tour_step_get_catalog_id (step), ==, "azure");
  g_assert_cmpstr (srm_tour_step_get_model_id (step), ==, "paas");
  g_assert_cmpstr (srm_tour_step_get_service_ids (step)[0], ==, "aks");
  g_assert_null (srm_tour_step_get_service_ids (step)[1]);
  g_assert_cmpstr (srm_tour_step_get_spotlight_ids (step)[0], ==, "os");
  g_assert_cmpstr (srm_tour_step_get_title (step), ==, "AKS");
  g_assert_cmpstr (srm_tour_step_get_caption (step), ==, "The operating system of AKS is shared.");

  /* Optional members absent: no model, empty lists, no title. */
  step = srm_tour_get_step (tour, 1);
  g_assert_null (srm_tour_step_get_model_id (step));
  g_assert_null (srm_tour_step_get_service_ids (step)[0]);
  g_assert_null (srm_tour_step_get_spotlight_ids (step)[0]);
  g_assert_null (srm_tour_step_get_title (step));
}

static void
test_from_bytes (void)
{
  const char *text =
    "{ \"format\": \"srm-tour\", \"format_version\": 1, \"id\": \"t\", \"title\": \"T\","
    "  \"steps\": [ { \"catalog\": \"azure\", \"model\": \"saas\", \"caption\": \"SaaS.\" } ] }";
  g_autoptr(GBytes) bytes = g_bytes_new_static (text, strlen (text));
  g_autoptr(SrmCatalogRegistry) registry = new_registry ();
  g_autoptr(GError) error = NULL;
  g_autoptr(SrmTour) tour = srm_tour_new_from_bytes (bytes, "pasted.json", registry, &error);
  g_autoptr(SrmTour) unknown = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (srm_tour_get_name (tour), ==, "pasted.json");

  unknown = srm_tour_new_builtin ("no-such-tour", NULL, &error);
  g_assert_null (unknown);
  g_assert_error (error, SRM_TOUR_ERROR, SRM_TOUR_ERROR_READ);
}

typedef struct {
  const char *file;
  SrmTourError code;
  const char *expected;  /* a part of the message after "FILE: " */
} BrokenTour;

static const BrokenTour broken_tours[] = {
  { "tour-unknown-catalog.json", SRM_TOUR_ERROR_UNKNOWN_REFERENCE, "steps[1].catalog: unknown catalog \"gcp\"" },
  { "tour-unknown-model.json", SRM_TOUR_ERROR_UNKNOWN_REFERENCE,
    "steps[2].model: catalog \"azure-ai\" has no model \"onprem\"" },
  { "tour-unknown-service.json", SRM_TOUR_ERROR_UNKNOWN_REFERENCE,
    "steps[0].services[1]: catalog \"azure\" has no service \"kubernetes\"" },
  { "tour-unknown-layer.json", SRM_TOUR_ERROR_UNKNOWN_REFERENCE,
    "steps[1].spotlight[0]: catalog \"azure-2026\" has no layer \"identity-infra\"" },
  { "tour-empty-caption.json", SRM_TOUR_ERROR_INVALID_VALUE, "steps[2].caption: must not be empty" },
  { "tour-missing-caption.json", SRM_TOUR_ERROR_MISSING_FIELD, "steps[1]: missing required member \"caption\"" },
  { "tour-no-steps.json", SRM_TOUR_ERROR_NO_STEPS, "steps: a tour needs at least one step" },
  { "tour-wrong-type-services.json", SRM_TOUR_ERROR_WRONG_TYPE, "steps[2].services: expected an array, found a string" },
  { "tour-wrong-type-step.json", SRM_TOUR_ERROR_WRONG_TYPE, "steps[1]: expected an object, found a string" },
  { "tour-wrong-type-caption.json", SRM_TOUR_ERROR_WRONG_TYPE, "steps[0].caption: expected a string, found an array" },
  { "tour-duplicate-service.json", SRM_TOUR_ERROR_DUPLICATE_ID, "steps[2].services[1]: \"aks\" is listed twice" },
  { "tour-bad-id.json", SRM_TOUR_ERROR_INVALID_VALUE, "steps[0].catalog: \"Azure Cloud\" is not an id" },
  { "tour-truncated.json", SRM_TOUR_ERROR_SYNTAX, "" },
  { "tour-newer-version.json", SRM_TOUR_ERROR_UNSUPPORTED_VERSION, "format_version: version 2 is newer" },
  { "tour-not-object.json", SRM_TOUR_ERROR_WRONG_TYPE, "the document must be a JSON object" },
  { "tour-wrong-format.json", SRM_TOUR_ERROR_INVALID_VALUE, "format: expected \"srm-tour\", found \"srm-catalog\"" },
  { "tour-invalid-utf8.json", SRM_TOUR_ERROR_ENCODING, "" },
  { "tour-does-not-exist.json", SRM_TOUR_ERROR_READ, "cannot read the file" },
};

static void
test_broken_tours (void)
{
  g_autoptr(SrmCatalogRegistry) registry = new_registry ();

  for (guint i = 0; i < G_N_ELEMENTS (broken_tours); i++)
    {
      const BrokenTour *broken = &broken_tours[i];
      g_autoptr(GError) error = NULL;
      g_autoptr(SrmTour) tour = NULL;
      g_autofree char *prefix = g_strconcat (broken->file, ": ", NULL);

      g_test_message ("%s", broken->file);
      tour = load_test_tour (broken->file, registry, &error);
      g_assert_null (tour);
      g_assert_error (error, SRM_TOUR_ERROR, (int) broken->code);
      g_assert_true (g_str_has_prefix (error->message, prefix));
      if (strstr (error->message, broken->expected) == NULL)
        g_error ("%s: “%s” does not contain “%s”", broken->file, error->message, broken->expected);
    }
}

/* Without a registry the shape is checked but not the ids; validating later
 * gives the same message as loading with one. */
static void
test_validate_later (void)
{
  g_autoptr(SrmCatalogRegistry) registry = new_registry ();
  g_autoptr(GError) error = NULL;
  g_autoptr(SrmTour) tour = load_test_tour ("tour-unknown-model.json", NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (tour);
  g_assert_false (srm_tour_validate (tour, registry, &error));
  g_assert_error (error, SRM_TOUR_ERROR, SRM_TOUR_ERROR_UNKNOWN_REFERENCE);
  g_assert_cmpstr (error->message, ==,
                   "tour-unknown-model.json: steps[2].model: catalog \"azure-ai\" has no model \"onprem\"");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/tour/builtin/load", test_builtin_tours_load);
  g_test_add_func ("/tour/builtin/facts", test_builtin_tours_facts);
  g_test_add_func ("/tour/builtin/translatable", test_builtin_tours_translatable);
  g_test_add_func ("/tour/user/valid", test_user_tour);
  g_test_add_func ("/tour/user/from-bytes", test_from_bytes);
  g_test_add_func ("/tour/broken/refused", test_broken_tours);
  g_test_add_func ("/tour/broken/validate-later", test_validate_later);

  return g_test_run ();
}
