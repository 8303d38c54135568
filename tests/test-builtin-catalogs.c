/* test-builtin-catalogs.c: the three catalogs shipped in the GResource say what
 * Microsoft says.
 *
 * The expected tables below are written out by hand from the fact sheet
 * (shared/reference/azure-srm-facts.*), not read from the catalogs, so a slip in
 * the catalog JSON files shows up here as a wrong cell rather than passing silently.
 */
#include "srm-model.h"

#define CATALOG_PREFIX "/io/github/srmexplorer/SrmExplorer/catalogs/"

#define C SRM_OWNER_CUSTOMER
#define P SRM_OWNER_PROVIDER
#define S SRM_OWNER_SHARED

typedef struct {
  const char *id;
  const char *name;
  const char *group_id; /* NULL for a catalog without groups */
  const char *maps_to;  /* only the January 2026 table maps its rows */
  SrmOwner    owners[4];
} ExpectedRow;

/* Microsoft's diagram in "Shared responsibility in the cloud" [S1, S2, S3]; columns
 * in the catalog's order (Microsoft draws them right to left). */
static const char *azure_models[] = { "onprem", "iaas", "paas", "saas" };
static const char *azure_model_short_names[] = { "On-premises", "IaaS", "PaaS", "SaaS" };
static const char *azure_groups[] = { "customer-always", "varies", "provider" };
static const ExpectedRow azure_rows[] = {
  { "data",                "Information and data",                  "customer-always", NULL, { C, C, C, C } },
  { "devices",             "Devices (Mobile and PCs)",              "customer-always", NULL, { C, C, C, C } },
  { "accounts",            "Accounts and identities",               "customer-always", NULL, { C, C, C, C } },
  { "identity-infra",      "Identity and directory infrastructure", "varies",          NULL, { C, C, S, S } },
  { "applications",        "Applications",                          "varies",          NULL, { C, C, S, P } },
  { "network-controls",    "Network controls",                      "varies",          NULL, { C, C, S, P } },
  { "os",                  "Operating system",                      "varies",          NULL, { C, C, P, P } },
  { "physical-hosts",      "Physical hosts",                        "provider",        NULL, { C, P, P, P } },
  { "physical-network",    "Physical network",                      "provider",        NULL, { C, P, P, P } },
  { "physical-datacenter", "Physical datacenter",                   "provider",        NULL, { C, P, P, P } },
};

/* The text table of the January 2026 revision of S1: other rows, two SaaS cells
 * differ from the diagram, and no bands. */
static const ExpectedRow azure_2026_rows[] = {
  { "customer-data",       "Customer data",               NULL, "data",                { C, C, C, C } },
  { "configurations",      "Configurations and settings", NULL, NULL,                  { C, C, C, C } },
  { "identities-users",    "Identities and users",        NULL, "accounts",            { C, C, C, C } },
  { "client-devices",      "Client devices",              NULL, "devices",             { C, C, C, S } },
  { "applications",        "Applications",                NULL, "applications",        { C, C, S, S } },
  { "network-controls",    "Network controls",            NULL, "network-controls",    { C, C, S, P } },
  { "os",                  "Operating system",            NULL, "os",                  { C, C, P, P } },
  { "physical-hosts",      "Physical hosts",              NULL, "physical-hosts",      { C, P, P, P } },
  { "physical-network",    "Physical network",            NULL, "physical-network",    { C, P, P, P } },
  { "physical-datacenter", "Physical datacenter",         NULL, "physical-datacenter", { C, P, P, P } },
};

/* The AI shared responsibility model at layer level [S5, S6, S7]; no on-premises column. */
static const char *ai_models[] = { "iaas", "paas", "saas" };
static const ExpectedRow ai_rows[] = {
  { "ai-usage",       "AI usage",       NULL, NULL, { C, C, C } },
  { "ai-application", "AI application", NULL, NULL, { C, C, P } },
  { "ai-platform",    "AI platform",    NULL, NULL, { C, P, P } },
};

typedef struct {
  const char *id;
  const char *model_id;
  guint       n_duties;
} ExpectedService;

static const ExpectedService azure_services[] = {
  { "azure-vm", "iaas", 4 },          { "vmss", "iaas", 3 },
  { "sql-on-vm", "iaas", 4 },         { "avd", "iaas", 4 },
  { "aks", "paas", 4 },               { "aci", "paas", 3 },
  { "container-apps", "paas", 3 },    { "acr", "paas", 3 },
  { "app-service", "paas", 4 },       { "functions", "paas", 4 },
  { "logic-apps", "paas", 3 },        { "apim", "paas", 3 },
  { "azure-sql-db", "paas", 4 },      { "sql-mi", "paas", 3 },
  { "cosmos-db", "paas", 4 },         { "postgresql", "paas", 4 },
  { "mysql", "paas", 3 },             { "redis", "paas", 3 },
  { "synapse", "paas", 3 },           { "storage", "paas", 4 },
  { "managed-disks", "iaas", 3 },     { "azure-backup", "paas", 3 },
  { "vnet", "iaas", 4 },              { "azure-firewall", "paas", 3 },
  { "app-gateway-waf", "paas", 3 },   { "front-door", "paas", 3 },
  { "vpn-er", "paas", 3 },            { "ddos", "paas", 2 },
  { "entra-id", "saas", 4 },          { "key-vault", "paas", 4 },
  { "defender-for-cloud", "saas", 4 },{ "sentinel", "saas", 3 },
  { "azure-monitor", "paas", 3 },     { "azure-openai", "paas", 4 },
  { "ai-services", "paas", 3 },       { "azure-ml", "paas", 3 },
  { "m365-copilot", "saas", 4 },      { "m365", "saas", 4 },
  { "dynamics-365", "saas", 4 },
};

/* In the AI model, only the duties tied to an AI layer are kept. */
static const ExpectedService ai_services[] = {
  { "azure-openai", "paas", 2 },
  { "ai-services",  "paas", 0 },
  { "azure-ml",     "iaas", 2 },
  { "m365-copilot", "saas", 4 },
};

static SrmCatalog *
load_builtin (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_strconcat (CATALOG_PREFIX, name, NULL);
  SrmCatalog *catalog;

  catalog = srm_catalog_new_from_resource (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (catalog);
  return catalog;
}

static void
assert_models (SrmCatalog   *catalog,
               const char  **model_ids,
               guint         n_models)
{
  GListModel *models = srm_catalog_get_models (catalog);

  g_assert_cmpuint (g_list_model_get_n_items (models), ==, n_models);
  for (guint i = 0; i < n_models; i++)
    {
      g_autoptr(SrmServiceModel) model = g_list_model_get_item (models, i);

      g_assert_cmpstr (srm_service_model_get_id (model), ==, model_ids[i]);
      g_assert_cmpuint (srm_service_model_get_index (model), ==, i);
    }
}

/* Checks every row (id, name, group, position) and every cell, both through the
 * layer and through the catalog. Returns the number of cells checked. */
static guint
assert_matrix (SrmCatalog        *catalog,
               const ExpectedRow *rows,
               guint              n_rows,
               const char       **model_ids,
               guint              n_models)
{
  GListModel *layers = srm_catalog_get_layers (catalog);
  guint n_cells = 0;

  g_assert_cmpuint (g_list_model_get_n_items (layers), ==, n_rows);
  for (guint i = 0; i < n_rows; i++)
    {
      g_autoptr(SrmLayer) layer = g_list_model_get_item (layers, i);

      g_test_message ("row %s", rows[i].id);
      g_assert_cmpstr (srm_layer_get_id (layer), ==, rows[i].id);
      g_assert_cmpstr (srm_layer_get_name (layer), ==, rows[i].name);
      g_assert_cmpstr (srm_layer_get_group_id (layer), ==, rows[i].group_id);
      g_assert_cmpstr (srm_layer_get_maps_to (layer), ==, rows[i].maps_to);
      g_assert_cmpuint (srm_layer_get_index (layer), ==, i);
      g_assert_true (srm_catalog_lookup_layer (catalog, rows[i].id) == layer);

      for (guint m = 0; m < n_models; m++)
        {
          SrmOwner owner = -1;

          g_assert_true (srm_layer_get_owner (layer, model_ids[m], &owner));
          g_assert_cmpint (owner, ==, rows[i].owners[m]);

          owner = -1;
          g_assert_true (srm_catalog_get_owner (catalog, rows[i].id, model_ids[m], &owner));
          g_assert_cmpint (owner, ==, rows[i].owners[m]);
          n_cells++;
        }
    }

  return n_cells;
}

static void
assert_services (SrmCatalog            *catalog,
                 const ExpectedService *expected,
                 guint                  n_expected)
{
  GListModel *services = srm_catalog_get_services (catalog);

  g_assert_cmpuint (g_list_model_get_n_items (services), ==, n_expected);
  for (guint i = 0; i < n_expected; i++)
    {
      g_autoptr(SrmService) service = g_list_model_get_item (services, i);

      g_assert_cmpstr (srm_service_get_id (service), ==, expected[i].id);
      g_assert_cmpstr (srm_service_get_model_id (service), ==, expected[i].model_id);
      g_assert_cmpuint (g_list_model_get_n_items (srm_service_get_duties (service)), ==,
                        expected[i].n_duties);
    }
}

static void
test_azure_header (void)
{
  g_autoptr(SrmCatalog) catalog = load_builtin ("azure.json");

  g_assert_cmpstr (srm_catalog_get_id (catalog), ==, "azure");
  g_assert_cmpstr (srm_catalog_get_id (catalog), ==, SRM_DEFAULT_CATALOG_ID);
  g_assert_cmpstr (srm_catalog_get_title (catalog), ==, "Microsoft Azure");
  g_assert_cmpstr (srm_catalog_get_provider_name (catalog), ==, "Microsoft");
  g_assert_cmpstr (srm_catalog_get_version (catalog), ==, "2026.11");
  g_assert_cmpstr (srm_catalog_get_sources_read (catalog), ==, "2026-11-01");
}

static void
test_azure_matrix (void)
{
  g_autoptr(SrmCatalog) catalog = load_builtin ("azure.json");
  GListModel *groups = srm_catalog_get_groups (catalog);
  GListModel *models = srm_catalog_get_models (catalog);

  assert_models (catalog, azure_models, G_N_ELEMENTS (azure_models));
  for (guint i = 0; i < G_N_ELEMENTS (azure_model_short_names); i++)
    {
      g_autoptr(SrmServiceModel) model = g_list_model_get_item (models, i);

      g_assert_cmpstr (srm_service_model_get_short_name (model), ==, azure_model_short_names[i]);
    }

  g_assert_cmpuint (g_list_model_get_n_items (groups), ==, G_N_ELEMENTS (azure_groups));
  for (guint i = 0; i < G_N_ELEMENTS (azure_groups); i++)
    {
      g_autoptr(SrmLayerGroup) group = g_list_model_get_item (groups, i);

      g_assert_cmpstr (srm_layer_group_get_id (group), ==, azure_groups[i]);
    }

  g_assert_cmpuint (assert_matrix (catalog, azure_rows, G_N_ELEMENTS (azure_rows),
                                   azure_models, G_N_ELEMENTS (azure_models)), ==, 40);
}

static void
test_azure_2026_matrix (void)
{
  g_autoptr(SrmCatalog) catalog = load_builtin ("azure-2026.json");
  g_autoptr(SrmCatalog) azure = load_builtin ("azure.json");

  g_assert_cmpstr (srm_catalog_get_id (catalog), ==, "azure-2026");
  g_assert_cmpstr (srm_catalog_get_title (catalog), ==, "Microsoft Azure (January 2026 table)");
  g_assert_cmpuint (g_list_model_get_n_items (srm_catalog_get_groups (catalog)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (srm_catalog_get_services (catalog)), ==, 0);
  assert_models (catalog, azure_models, G_N_ELEMENTS (azure_models));
  g_assert_cmpuint (assert_matrix (catalog, azure_2026_rows, G_N_ELEMENTS (azure_2026_rows),
                                   azure_models, G_N_ELEMENTS (azure_models)), ==, 40);

  /* Comparisons need every mapped row to land on a row of the diagram. */
  for (guint i = 0; i < G_N_ELEMENTS (azure_2026_rows); i++)
    if (azure_2026_rows[i].maps_to != NULL)
      g_assert_nonnull (srm_catalog_lookup_layer (azure, azure_2026_rows[i].maps_to));
}

static void
test_azure_ai_matrix (void)
{
  g_autoptr(SrmCatalog) catalog = load_builtin ("azure-ai.json");

  g_assert_cmpstr (srm_catalog_get_id (catalog), ==, "azure-ai");
  g_assert_cmpstr (srm_catalog_get_title (catalog), ==, "Microsoft AI shared responsibility");
  g_assert_cmpstr (srm_catalog_get_provider_name (catalog), ==, "Microsoft");
  g_assert_cmpuint (g_list_model_get_n_items (srm_catalog_get_groups (catalog)), ==, 0);
  assert_models (catalog, ai_models, G_N_ELEMENTS (ai_models));
  g_assert_cmpuint (assert_matrix (catalog, ai_rows, G_N_ELEMENTS (ai_rows),
                                   ai_models, G_N_ELEMENTS (ai_models)), ==, 9);
  assert_services (catalog, ai_services, G_N_ELEMENTS (ai_services));
}

static void
test_azure_services (void)
{
  g_autoptr(SrmCatalog) catalog = load_builtin ("azure.json");
  GListModel *services = srm_catalog_get_services (catalog);
  guint n_duties = 0;

  assert_services (catalog, azure_services, G_N_ELEMENTS (azure_services));
  for (guint i = 0; i < g_list_model_get_n_items (services); i++)
    {
      g_autoptr(SrmService) service = g_list_model_get_item (services, i);

      n_duties += g_list_model_get_n_items (srm_service_get_duties (service));
    }
  g_assert_cmpuint (n_duties, ==, 134);
}

/* AKS is the one documented deviation: its agent nodes are shared [S14]. */
static void
test_azure_overrides (void)
{
  g_autoptr(SrmCatalog) catalog = load_builtin ("azure.json");
  GListModel *services = srm_catalog_get_services (catalog);
  SrmService *aks = srm_catalog_lookup_service (catalog, "aks");
  SrmOwner owner = -1;

  g_assert_nonnull (aks);
  g_assert_true (srm_catalog_get_service_owner (catalog, "aks", "os", &owner));
  g_assert_cmpint (owner, ==, SRM_OWNER_SHARED);
  g_assert_true (srm_service_get_override (aks, "os", &owner));
  g_assert_cmpint (owner, ==, SRM_OWNER_SHARED);

  /* The other rows of AKS follow the PaaS column. */
  g_assert_true (srm_catalog_get_service_owner (catalog, "aks", "network-controls", &owner));
  g_assert_cmpint (owner, ==, SRM_OWNER_SHARED);
  g_assert_true (srm_catalog_get_service_owner (catalog, "aks", "physical-hosts", &owner));
  g_assert_cmpint (owner, ==, SRM_OWNER_PROVIDER);

  g_assert_true (srm_catalog_get_service_owner (catalog, "app-service", "os", &owner));
  g_assert_cmpint (owner, ==, SRM_OWNER_PROVIDER);
  g_assert_true (srm_catalog_get_service_owner (catalog, "azure-vm", "os", &owner));
  g_assert_cmpint (owner, ==, SRM_OWNER_CUSTOMER);

  for (guint i = 0; i < g_list_model_get_n_items (services); i++)
    {
      g_autoptr(SrmService) service = g_list_model_get_item (services, i);
      const char * const *layers = srm_service_get_override_layers (service);

      if (service == aks)
        {
          g_assert_cmpuint (g_strv_length ((char **) layers), ==, 1);
          g_assert_cmpstr (layers[0], ==, "os");
        }
      else
        {
          g_test_message ("%s", srm_service_get_id (service));
          g_assert_cmpuint (g_strv_length ((char **) layers), ==, 0);
        }
    }
}

static void
assert_sources_known (SrmCatalog          *catalog,
                      const char * const  *sources,
                      GHashTable          *used)
{
  g_assert_nonnull (sources);
  for (guint i = 0; sources[i] != NULL; i++)
    {
      g_assert_nonnull (srm_catalog_lookup_source (catalog, sources[i]));
      g_hash_table_add (used, (gpointer) sources[i]);
    }
}

/* Holds for every built-in catalog: references resolve, facts have sources,
 * duty ids are unique, rows are described, and no source is listed for nothing. */
static void
test_catalog_integrity (gconstpointer data)
{
  g_autoptr(SrmCatalog) catalog = load_builtin (data);
  g_autoptr(GHashTable) duty_ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) used = g_hash_table_new (g_str_hash, g_str_equal);
  GListModel *layers = srm_catalog_get_layers (catalog);
  GListModel *services = srm_catalog_get_services (catalog);
  GListModel *sources = srm_catalog_get_sources (catalog);
  const char * const *matrix_sources = srm_catalog_get_matrix_sources (catalog);

  g_assert_true (srm_catalog_get_builtin (catalog));
  g_assert_nonnull (matrix_sources);
  g_assert_nonnull (matrix_sources[0]);
  assert_sources_known (catalog, matrix_sources, used);

  for (guint i = 0; i < g_list_model_get_n_items (layers); i++)
    {
      g_autoptr(SrmLayer) layer = g_list_model_get_item (layers, i);
      const char *description = srm_layer_get_description (layer);

      g_test_message ("layer %s", srm_layer_get_id (layer));
      g_assert_nonnull (description);
      g_assert_cmpstr (description, !=, "");
      assert_sources_known (catalog, srm_layer_get_sources (layer), used);
    }

  for (guint i = 0; i < g_list_model_get_n_items (services); i++)
    {
      g_autoptr(SrmService) service = g_list_model_get_item (services, i);
      GListModel *duties = srm_service_get_duties (service);
      const char * const *override_layers = srm_service_get_override_layers (service);
      const char * const *service_sources = srm_service_get_sources (service);

      g_test_message ("service %s", srm_service_get_id (service));
      g_assert_nonnull (srm_catalog_lookup_model (catalog, srm_service_get_model_id (service)));
      g_assert_nonnull (service_sources);
      g_assert_nonnull (service_sources[0]);
      assert_sources_known (catalog, service_sources, used);

      for (guint l = 0; override_layers[l] != NULL; l++)
        g_assert_nonnull (srm_catalog_lookup_layer (catalog, override_layers[l]));

      for (guint d = 0; d < g_list_model_get_n_items (duties); d++)
        {
          g_autoptr(SrmDuty) duty = g_list_model_get_item (duties, d);
          const char *id = srm_duty_get_id (duty);
          const char * const *duty_sources = srm_duty_get_sources (duty);

          g_test_message ("duty %s", id);
          g_assert_false (g_hash_table_contains (duty_ids, id));
          g_hash_table_add (duty_ids, (gpointer) id);
          g_assert_true (srm_catalog_lookup_duty (catalog, id) == duty);
          g_assert_cmpstr (srm_duty_get_service_id (duty), ==, srm_service_get_id (service));
          g_assert_nonnull (srm_catalog_lookup_layer (catalog, srm_duty_get_layer_id (duty)));
          g_assert_true (srm_duty_get_text (duty) != NULL && *srm_duty_get_text (duty) != '\0');
          g_assert_nonnull (duty_sources);
          g_assert_nonnull (duty_sources[0]);
          assert_sources_known (catalog, duty_sources, used);
        }
    }

  /* The catalogs list only the sources they cite. */
  for (guint i = 0; i < g_list_model_get_n_items (sources); i++)
    {
      g_autoptr(SrmSource) source = g_list_model_get_item (sources, i);

      g_test_message ("listed source %s", srm_source_get_id (source));
      g_assert_true (g_hash_table_contains (used, srm_source_get_id (source)));
      g_assert_true (srm_source_get_title (source) != NULL && *srm_source_get_title (source) != '\0');
    }
}

/* The AI catalog's duties must not collide with the Azure catalog's: an
 * assessment names a duty by id alone. */
static void
test_ai_duty_ids_distinct (void)
{
  g_autoptr(SrmCatalog) azure = load_builtin ("azure.json");
  g_autoptr(SrmCatalog) ai = load_builtin ("azure-ai.json");
  GListModel *services = srm_catalog_get_services (ai);

  for (guint i = 0; i < g_list_model_get_n_items (services); i++)
    {
      g_autoptr(SrmService) service = g_list_model_get_item (services, i);
      GListModel *duties = srm_service_get_duties (service);

      for (guint d = 0; d < g_list_model_get_n_items (duties); d++)
        {
          g_autoptr(SrmDuty) duty = g_list_model_get_item (duties, d);

          g_assert_null (srm_catalog_lookup_duty (azure, srm_duty_get_id (duty)));
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  /* No srm_catalogs_register_resource () here: the loader registers the built-in
   * catalogs itself, and registering the static resource a second time turns
   * GLib's list of resources into a cycle that the first look-up never leaves. */
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/builtin-catalogs/azure/header", test_azure_header);
  g_test_add_func ("/builtin-catalogs/azure/matrix", test_azure_matrix);
  g_test_add_func ("/builtin-catalogs/azure/services", test_azure_services);
  g_test_add_func ("/builtin-catalogs/azure/overrides", test_azure_overrides);
  g_test_add_func ("/builtin-catalogs/azure-2026/matrix", test_azure_2026_matrix);
  g_test_add_func ("/builtin-catalogs/azure-ai/matrix", test_azure_ai_matrix);
  g_test_add_func ("/builtin-catalogs/azure-ai/duty-ids", test_ai_duty_ids_distinct);
  g_test_add_data_func ("/builtin-catalogs/azure/integrity", "azure.json", test_catalog_integrity);
  g_test_add_data_func ("/builtin-catalogs/azure-2026/integrity", "azure-2026.json", test_catalog_integrity);
  g_test_add_data_func ("/builtin-catalogs/azure-ai/integrity", "azure-ai.json", test_catalog_integrity);

  return g_test_run ();
}
