/* test-cli.c: the headless command line, run as a real process with no display. */
#include <glib/gstdio.h>
#include <cairo.h>
#include <json-glib/json-glib.h>

#include "srm-model.h"

typedef struct {
  int   status;
  char *out;
  char *err;
} CliResult;

static void
cli_result_free (CliResult *result)
{
  g_free (result->out);
  g_free (result->err);
  g_free (result);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CliResult, cli_result_free)

/* Runs srm-explorer with @args (NULL-terminated), with no display and an empty
 * user data folder, and collects what it printed. */
static CliResult *
run_cli (const char *first_arg,
         ...)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *data_home = NULL;
  CliResult *result = g_new0 (CliResult, 1);
  const char *binary = g_getenv ("SRM_EXPLORER");
  va_list args;

  g_assert_nonnull (binary);
  g_ptr_array_add (argv, (gpointer) binary);
  va_start (args, first_arg);
  for (const char *arg = first_arg; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  data_home = g_dir_make_tmp ("srm-cli-XXXXXX", &error);
  g_assert_no_error (error);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_unsetenv (launcher, "DISPLAY");
  g_subprocess_launcher_unsetenv (launcher, "WAYLAND_DISPLAY");
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", data_home, TRUE);
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &result->out, &result->err, &error);
  g_assert_no_error (error);
  result->status = g_subprocess_get_if_exited (process) ? g_subprocess_get_exit_status (process) : -1;
  g_rmdir (data_home);
  return result;
}

static SrmCatalog *
load_builtin (const char *id)
{
  g_autofree char *path = g_strdup_printf ("/io/github/srmexplorer/SrmExplorer/catalogs/%s.json", id);
  g_autoptr(GError) error = NULL;
  SrmCatalog *catalog = srm_catalog_new_from_resource (path, &error);

  g_assert_no_error (error);
  return catalog;
}

static JsonObject *
parse_object (const char *text,
              JsonParser *parser)
{
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));
  return json_node_get_object (json_parser_get_root (parser));
}

static void
test_version (void)
{
  g_autoptr(CliResult) result = run_cli ("--version", NULL);

  g_assert_cmpint (result->status, ==, 0);
  g_assert_true (g_str_has_prefix (result->out, "srm-explorer "));
  g_assert_cmpstr (result->err, ==, "");
}

static void
test_help_lists_commands (void)
{
  g_autoptr(CliResult) result = run_cli ("--help", NULL);
  const char *options[] = { "--version", "--list-catalogs", "--list-services", "--matrix",
                            "--catalog", "--catalog-file", "--service", "--json" };

  g_assert_cmpint (result->status, ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (options); i++)
    g_assert_nonnull (strstr (result->out, options[i]));
}

static void
test_list_catalogs (void)
{
  g_autoptr(CliResult) text = run_cli ("--list-catalogs", NULL);
  g_autoptr(CliResult) json = run_cli ("--list-catalogs", "--json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonArray *catalogs;

  g_assert_cmpint (text->status, ==, 0);
  g_assert_nonnull (strstr (text->out, "azure "));
  g_assert_nonnull (strstr (text->out, "azure-2026"));
  g_assert_nonnull (strstr (text->out, "azure-ai"));

  g_assert_cmpint (json->status, ==, 0);
  catalogs = json_object_get_array_member (parse_object (json->out, parser), "catalogs");
  g_assert_cmpuint (json_array_get_length (catalogs), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (catalogs, 0), "id"), ==, "azure");
}

static void
test_list_services_json (void)
{
  g_autoptr(CliResult) result = run_cli ("--list-services", "--json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(SrmCatalog) catalog = load_builtin ("azure");
  JsonObject *root;
  JsonArray *services;
  gboolean saw_aks = FALSE;

  g_assert_cmpint (result->status, ==, 0);
  root = parse_object (result->out, parser);
  g_assert_cmpstr (json_object_get_string_member (root, "catalog"), ==, "azure");
  services = json_object_get_array_member (root, "services");
  g_assert_cmpuint (json_array_get_length (services), ==, 39);
  for (guint i = 0; i < json_array_get_length (services); i++)
    {
      JsonObject *service = json_array_get_object_element (services, i);
      const char *id = json_object_get_string_member (service, "id");
      SrmService *expected = srm_catalog_lookup_service (catalog, id);

      g_assert_nonnull (expected);
      g_assert_cmpstr (json_object_get_string_member (service, "model"), ==, srm_service_get_model_id (expected));
      if (g_str_equal (id, "aks"))
        {
          JsonObject *overrides = json_object_get_object_member (service, "overrides");
          g_assert_cmpstr (json_object_get_string_member (overrides, "os"), ==, "shared");
          saw_aks = TRUE;
        }
    }
  g_assert_true (saw_aks);
}

/* --matrix --json has exactly the documented shape, and every cell matches the catalog. */
static void
check_matrix_json (const char *catalog_id,
                   const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(SrmCatalog) catalog = load_builtin (catalog_id);
  JsonObject *root = parse_object (text, parser);
  JsonArray *models, *layers;
  GListModel *catalog_models = srm_catalog_get_models (catalog);
  GListModel *catalog_layers = srm_catalog_get_layers (catalog);

  g_assert_cmpstr (json_object_get_string_member (root, "catalog"), ==, catalog_id);
  g_assert_false (json_object_has_member (root, "service_model"));
  models = json_object_get_array_member (root, "models");
  layers = json_object_get_array_member (root, "layers");
  g_assert_cmpuint (json_array_get_length (models), ==, g_list_model_get_n_items (catalog_models));
  g_assert_cmpuint (json_array_get_length (layers), ==, g_list_model_get_n_items (catalog_layers));

  for (guint m = 0; m < json_array_get_length (models); m++)
    {
      g_autoptr(SrmServiceModel) model = g_list_model_get_item (catalog_models, m);
      JsonObject *object = json_array_get_object_element (models, m);

      g_assert_cmpuint (json_object_get_size (object), ==, 2);
      g_assert_cmpstr (json_object_get_string_member (object, "id"), ==, srm_service_model_get_id (model));
      g_assert_cmpstr (json_object_get_string_member (object, "name"), ==, srm_service_model_get_short_name (model));
    }

  for (guint l = 0; l < json_array_get_length (layers); l++)
    {
      g_autoptr(SrmLayer) layer = g_list_model_get_item (catalog_layers, l);
      JsonObject *object = json_array_get_object_element (layers, l);
      JsonObject *owners = json_object_get_object_member (object, "owners");

      g_assert_cmpuint (json_object_get_size (object), ==, 4);
      g_assert_cmpstr (json_object_get_string_member (object, "id"), ==, srm_layer_get_id (layer));
      g_assert_cmpstr (json_object_get_string_member (object, "name"), ==, srm_layer_get_name (layer));
      g_assert_true (json_object_has_member (object, "group"));
      g_assert_cmpuint (json_object_get_size (owners), ==, g_list_model_get_n_items (catalog_models));
      for (guint m = 0; m < g_list_model_get_n_items (catalog_models); m++)
        {
          g_autoptr(SrmServiceModel) model = g_list_model_get_item (catalog_models, m);
          SrmOwner owner;

          g_assert_true (srm_layer_get_owner (layer, srm_service_model_get_id (model), &owner));
          g_assert_cmpstr (json_object_get_string_member (owners, srm_service_model_get_id (model)),
                           ==, srm_owner_to_string (owner));
        }
    }
}

static void
test_matrix_json (void)
{
  const char *ids[] = { "azure", "azure-2026", "azure-ai" };

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autoptr(CliResult) result = i == 0 ? run_cli ("--matrix", "--json", NULL)
                                           : run_cli ("--matrix", "--json", "--catalog", ids[i], NULL);
      g_assert_cmpint (result->status, ==, 0);
      g_assert_cmpstr (result->err, ==, "");
      check_matrix_json (ids[i], result->out);
    }
}

/* Spot checks written out from Microsoft's diagram, independent of the catalog file. */
static void
test_matrix_json_known_cells (void)
{
  g_autoptr(CliResult) result = run_cli ("--matrix", "--json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonArray *layers;
  struct { guint row; const char *id; const char *group; const char *onprem, *iaas, *paas, *saas; } rows[] = {
    { 0, "data", "customer-always", "customer", "customer", "customer", "customer" },
    { 3, "identity-infra", "varies", "customer", "customer", "shared", "shared" },
    { 4, "applications", "varies", "customer", "customer", "shared", "provider" },
    { 6, "os", "varies", "customer", "customer", "provider", "provider" },
    { 9, "physical-datacenter", "provider", "customer", "provider", "provider", "provider" },
  };

  g_assert_cmpint (result->status, ==, 0);
  layers = json_object_get_array_member (parse_object (result->out, parser), "layers");
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      JsonObject *layer = json_array_get_object_element (layers, rows[i].row);
      JsonObject *owners = json_object_get_object_member (layer, "owners");

      g_assert_cmpstr (json_object_get_string_member (layer, "id"), ==, rows[i].id);
      g_assert_cmpstr (json_object_get_string_member (layer, "group"), ==, rows[i].group);
      g_assert_cmpstr (json_object_get_string_member (owners, "onprem"), ==, rows[i].onprem);
      g_assert_cmpstr (json_object_get_string_member (owners, "iaas"), ==, rows[i].iaas);
      g_assert_cmpstr (json_object_get_string_member (owners, "paas"), ==, rows[i].paas);
      g_assert_cmpstr (json_object_get_string_member (owners, "saas"), ==, rows[i].saas);
    }
}

static void
test_matrix_service_aks (void)
{
  g_autoptr(CliResult) result = run_cli ("--matrix", "--service", "aks", "--json", NULL);
  g_autoptr(CliResult) text = run_cli ("--matrix", "--service", "aks", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root;
  JsonArray *layers;
  gboolean saw_os = FALSE;

  g_assert_cmpint (result->status, ==, 0);
  root = parse_object (result->out, parser);
  g_assert_cmpstr (json_object_get_string_member (root, "service_model"), ==, "paas");
  g_assert_cmpstr (json_object_get_string_member (root, "service"), ==, "aks");
  layers = json_object_get_array_member (root, "layers");
  for (guint i = 0; i < json_array_get_length (layers); i++)
    {
      JsonObject *layer = json_array_get_object_element (layers, i);
      JsonObject *owners = json_object_get_object_member (layer, "owners");

      if (g_str_equal (json_object_get_string_member (layer, "id"), "os"))
        {
          /* AKS's agent nodes are shared; the generic PaaS column says Microsoft. */
          g_assert_cmpstr (json_object_get_string_member (owners, "paas"), ==, "shared");
          g_assert_cmpstr (json_object_get_string_member (owners, "iaas"), ==, "customer");
          saw_os = TRUE;
        }
    }
  g_assert_true (saw_os);

  g_assert_cmpint (text->status, ==, 0);
  g_assert_nonnull (strstr (text->out, "PaaS*"));
  g_assert_nonnull (strstr (text->out, "Operating system"));
}

static void
test_matrix_text (void)
{
  g_autoptr(CliResult) result = run_cli ("--matrix", NULL);

  g_assert_cmpint (result->status, ==, 0);
  g_assert_nonnull (strstr (result->out, "Information and data"));
  g_assert_nonnull (strstr (result->out, "Physical datacenter"));
  g_assert_nonnull (strstr (result->out, "On-premises"));
  g_assert_nonnull (strstr (result->out, "Microsoft"));
  g_assert_nonnull (strstr (result->out, "Shared"));
}

static void
test_catalog_file (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "catalog-valid-small.json", NULL);
  g_autoptr(CliResult) result = run_cli ("--matrix", "--json", "--catalog-file", path, NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(SrmCatalog) catalog = srm_catalog_new_from_file (file, &error);
  JsonObject *root;

  g_assert_no_error (error);
  g_assert_cmpint (result->status, ==, 0);
  root = parse_object (result->out, parser);
  g_assert_cmpstr (json_object_get_string_member (root, "catalog"), ==, srm_catalog_get_id (catalog));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "layers")), ==,
                    g_list_model_get_n_items (srm_catalog_get_layers (catalog)));
}

typedef struct {
  const char *name;
  const char *args[6];
  const char *expected_in_stderr;
} ErrorCase;

static void
test_errors (void)
{
  g_autofree char *broken = g_test_build_filename (G_TEST_DIST, "data", "catalog-truncated.json", NULL);
  const ErrorCase cases[] = {
    { "unknown catalog", { "--matrix", "--catalog", "nope" }, "nope" },
    { "unknown service", { "--matrix", "--service", "no-such-service" }, "no-such-service" },
    { "two commands", { "--matrix", "--list-services" }, "--list-services" },
    { "option without command", { "--json" }, "--matrix" },
    { "broken catalog file", { "--matrix", "--catalog-file", broken }, "catalog-truncated.json" },
    { "missing catalog file", { "--matrix", "--catalog-file", "/nonexistent/x.json" }, "x.json" },
    { "two services for matrix", { "--matrix", "--service", "aks", "--service", "app-service" }, "one service" },
    { "unknown option", { "--no-such-option" }, "no-such-option" },
    { "seed without quiz", { "--matrix", "--quiz-seed", "3" }, "--quiz" },
    { "service ignored", { "--list-services", "--service", "aks" }, "--service" },
    { "quiz of nothing", { "--quiz", "0" }, "1" },
    { "compare unknown", { "--compare", "iaas,nope" }, "nope" },
    { "tour with a command", { "--tour", "x.json", "--matrix" }, "--tour" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char * const *a = cases[i].args;
      g_autoptr(CliResult) result = run_cli (a[0], a[1], a[2], a[3], a[4], a[5], NULL);

      g_test_message ("case: %s: %s", cases[i].name, result->err);
      g_assert_cmpint (result->status, !=, 0);
      g_assert_cmpstr (result->out, ==, "");
      g_assert_nonnull (strstr (result->err, cases[i].expected_in_stderr));
    }
}

static char *
make_temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("srm-export-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
remove_dir (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (dir);
}

static void
test_export_png_size (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "paas.png", NULL);
  g_autoptr(CliResult) result = run_cli ("--export-diagram", path, "--model", "paas",
                                         "--width", "1000", "--scale", "2", NULL);
  cairo_surface_t *surface;

  g_assert_cmpint (result->status, ==, 0);
  g_assert_cmpstr (result->err, ==, "");
  surface = cairo_image_surface_create_from_png (path);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, 2000);
  g_assert_cmpint (cairo_image_surface_get_height (surface), >, 600);
  cairo_surface_destroy (surface);
  remove_dir (dir);
}

/* The contents of every <text> element, joined by spaces. */
static char *
svg_text_content (const char *svg)
{
  g_autoptr(GString) words = g_string_new (NULL);
  const char *p = svg;

  while ((p = strstr (p, "<text")) != NULL)
    {
      const char *start = strchr (p, '>');
      const char *end = start ? strstr (start, "</text>") : NULL;

      if (end == NULL)
        break;
      g_string_append_len (words, start + 1, end - start - 1);
      g_string_append_c (words, ' ');
      p = end;
    }
  return g_string_free (g_steal_pointer (&words), FALSE);
}

static void
test_export_svg_and_pdf_keep_text (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *svg = g_build_filename (dir, "aks.SVG", NULL);
  g_autofree char *pdf = g_build_filename (dir, "aks.pdf", NULL);
  g_autoptr(CliResult) svg_result = run_cli ("--export-diagram", svg, "--service", "aks",
                                             "--service", "app-service", "--style", "print", NULL);
  g_autoptr(CliResult) pdf_result = run_cli ("--export-diagram", pdf, "--service", "aks",
                                             "--style", "dark", NULL);
  g_autoptr(SrmCatalog) catalog = load_builtin ("azure");
  GListModel *layers = srm_catalog_get_layers (catalog);
  g_autofree char *svg_text = NULL;
  g_autofree char *svg_words = NULL;
  g_autofree char *pdf_head = NULL;
  gsize pdf_length;

  g_assert_cmpint (svg_result->status, ==, 0);
  g_assert_true (g_file_get_contents (svg, &svg_text, NULL, NULL));
  /* A wrapped label is one <text> per line, so compare with the text content. */
  svg_words = svg_text_content (svg_text);
  for (guint i = 0; i < g_list_model_get_n_items (layers); i++)
    {
      g_autoptr(SrmLayer) layer = g_list_model_get_item (layers, i);
      g_autofree char *escaped = g_markup_escape_text (srm_layer_get_name (layer), -1);
      g_assert_nonnull (strstr (svg_words, escaped));
    }
  g_assert_nonnull (strstr (svg_text, ">PaaS<"));

  g_assert_cmpint (pdf_result->status, ==, 0);
  g_assert_true (g_file_get_contents (pdf, &pdf_head, &pdf_length, NULL));
  g_assert_cmpuint (pdf_length, >, 1000);
  g_assert_true (g_str_has_prefix (pdf_head, "%PDF"));
  remove_dir (dir);
}

static void
test_export_errors (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *png = g_build_filename (dir, "out.png", NULL);
  g_autofree char *gif = g_build_filename (dir, "out.gif", NULL);
  g_autofree char *nowhere = g_build_filename (dir, "missing-folder", "out.png", NULL);
  const ErrorCase cases[] = {
    { "unknown service", { "--export-diagram", png, "--service", "no-such-service" }, "no-such-service" },
    { "unknown model", { "--export-diagram", png, "--model", "faas" }, "faas" },
    { "model of another catalog", { "--export-diagram", png, "--catalog", "azure-ai", "--model", "onprem" }, "onprem" },
    { "unknown style", { "--export-diagram", png, "--style", "neon" }, "neon" },
    { "unknown extension", { "--export-diagram", gif }, "out.gif" },
    { "folder missing", { "--export-diagram", nowhere }, "out.png" },
    { "width too small", { "--export-diagram", png, "--width", "10" }, "--width" },
    { "style without export", { "--matrix", "--style", "dark" }, "--export-diagram" },
  };
  g_autoptr(GDir) handle = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char * const *a = cases[i].args;
      g_autoptr(CliResult) result = run_cli (a[0], a[1], a[2], a[3], a[4], a[5], NULL);

      g_test_message ("case: %s: %s", cases[i].name, result->err);
      g_assert_cmpint (result->status, !=, 0);
      g_assert_nonnull (strstr (result->err, cases[i].expected_in_stderr));
    }
  /* A refused export leaves nothing behind, not even a temporary file. */
  handle = g_dir_open (dir, 0, NULL);
  g_assert_null (g_dir_read_name (handle));
  remove_dir (dir);
}

static void
test_quiz_is_repeatable_and_right (void)
{
  g_autoptr(CliResult) first = run_cli ("--quiz", "12", "--quiz-seed", "42", "--json", NULL);
  g_autoptr(CliResult) again = run_cli ("--quiz", "12", "--quiz-seed", "42", "--json", NULL);
  g_autoptr(CliResult) other = run_cli ("--quiz", "12", "--quiz-seed", "43", "--json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(SrmCatalog) catalog = load_builtin ("azure");
  JsonObject *root;
  JsonArray *questions;
  guint owner_questions = 0;

  g_assert_cmpint (first->status, ==, 0);
  g_assert_cmpstr (first->out, ==, again->out);
  g_assert_cmpstr (first->out, !=, other->out);

  root = parse_object (first->out, parser);
  g_assert_cmpint (json_object_get_int_member (root, "seed"), ==, 42);
  questions = json_object_get_array_member (root, "questions");
  g_assert_cmpuint (json_array_get_length (questions), ==, 12);
  for (guint i = 0; i < json_array_get_length (questions); i++)
    {
      JsonObject *question = json_array_get_object_element (questions, i);
      JsonArray *choices = json_object_get_array_member (question, "choices");
      gint64 answer = json_object_get_int_member (question, "answer");

      g_assert_cmpint (answer, >=, 0);
      g_assert_cmpint (answer, <, json_array_get_length (choices));
      g_assert_cmpstr (json_object_get_string_member (question, "catalog"), ==, "azure");
      if (g_str_equal (json_object_get_string_member (question, "kind"), "owner"))
        {
          const char *layer_name = json_object_get_string_member (question, "layer");
          const char *model_id = json_object_get_string_member (question, "model");
          GListModel *layers = srm_catalog_get_layers (catalog);
          const char *expected = NULL;

          /* The key says the owner the catalog's matrix says. */
          for (guint l = 0; l < g_list_model_get_n_items (layers); l++)
            {
              g_autoptr(SrmLayer) layer = g_list_model_get_item (layers, l);
              SrmOwner owner;

              if (g_str_equal (srm_layer_get_name (layer), layer_name) &&
                  srm_layer_get_owner (layer, model_id, &owner))
                expected = srm_owner_get_label (owner, srm_catalog_get_provider_name (catalog));
            }
          g_assert_nonnull (expected);
          g_assert_cmpstr (json_array_get_string_element (choices, answer), ==, expected);
          owner_questions++;
        }
    }
  g_assert_cmpuint (owner_questions, >, 0);
}

static void
test_compare_tables (void)
{
  g_autoptr(CliResult) result = run_cli ("--compare", "azure,azure-2026", "--json", NULL);
  g_autoptr(CliResult) text = run_cli ("--compare", "iaas,paas", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonArray *differences;

  g_assert_cmpint (result->status, ==, 0);
  differences = json_object_get_array_member (parse_object (result->out, parser), "differences");
  g_assert_cmpuint (json_array_get_length (differences), ==, 4);

  g_assert_cmpint (text->status, ==, 0);
  g_assert_nonnull (strstr (text->out, "Operating system"));
  g_assert_nonnull (strstr (text->out, "moves to Microsoft"));
}

static void
test_export_compare (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *svg = g_build_filename (dir, "tables.svg", NULL);
  g_autofree char *png = g_build_filename (dir, "iaas-paas.png", NULL);
  g_autoptr(CliResult) svg_result = run_cli ("--export-compare", svg, "--compare", "azure,azure-2026", NULL);
  g_autoptr(CliResult) png_result = run_cli ("--export-compare", png, "--compare", "iaas,paas",
                                             "--width", "1200", "--style", "dark", NULL);
  g_autoptr(CliResult) no_spec = run_cli ("--export-compare", png, NULL);
  g_autofree char *svg_text = NULL;
  g_autofree char *words = NULL;
  cairo_surface_t *surface;

  g_assert_cmpint (svg_result->status, ==, 0);
  g_assert_true (g_file_get_contents (svg, &svg_text, NULL, NULL));
  words = svg_text_content (svg_text);
  g_assert_nonnull (strstr (words, "Configurations and settings"));
  g_assert_nonnull (strstr (words, "becomes shared"));

  g_assert_cmpint (png_result->status, ==, 0);
  surface = cairo_image_surface_create_from_png (png);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, 1200);
  cairo_surface_destroy (surface);

  g_assert_cmpint (no_spec->status, !=, 0);
  g_assert_nonnull (strstr (no_spec->err, "--compare"));
  remove_dir (dir);
}

static void
test_validate_kinds (void)
{
  g_autofree char *tour = g_test_build_filename (G_TEST_DIST, "..", "data", "tours", "onprem-to-saas.json", NULL);
  g_autofree char *broken_tour = g_test_build_filename (G_TEST_DIST, "data", "tour-unknown-model.json", NULL);
  g_autofree char *catalog = g_test_build_filename (G_TEST_DIST, "data", "catalog-valid-small.json", NULL);
  g_autofree char *broken_catalog = g_test_build_filename (G_TEST_DIST, "data", "catalog-unknown-layer-in-duty.json", NULL);
  g_autoptr(CliResult) tour_ok = run_cli ("--validate", tour, NULL);
  g_autoptr(CliResult) tour_bad = run_cli ("--validate", broken_tour, NULL);
  g_autoptr(CliResult) catalog_ok = run_cli ("--validate", catalog, NULL);
  g_autoptr(CliResult) catalog_bad = run_cli ("--validate", broken_catalog, NULL);
  g_autoptr(CliResult) unknown = run_cli ("--validate", g_getenv ("SRM_EXPLORER"), NULL);

  g_assert_cmpint (tour_ok->status, ==, 0);
  g_assert_nonnull (strstr (tour_ok->out, "onprem-to-saas.json"));
  g_assert_cmpint (tour_bad->status, !=, 0);
  g_assert_nonnull (strstr (tour_bad->err, "steps["));
  g_assert_cmpint (catalog_ok->status, ==, 0);
  g_assert_cmpint (catalog_bad->status, !=, 0);
  g_assert_nonnull (strstr (catalog_bad->err, "services[0].duties[1].layer"));
  g_assert_cmpint (unknown->status, !=, 0);
  g_assert_nonnull (strstr (unknown->err, "format"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/version", test_version);
  g_test_add_func ("/cli/help", test_help_lists_commands);
  g_test_add_func ("/cli/list-catalogs", test_list_catalogs);
  g_test_add_func ("/cli/list-services-json", test_list_services_json);
  g_test_add_func ("/cli/matrix-json", test_matrix_json);
  g_test_add_func ("/cli/matrix-json-known-cells", test_matrix_json_known_cells);
  g_test_add_func ("/cli/matrix-service-aks", test_matrix_service_aks);
  g_test_add_func ("/cli/matrix-text", test_matrix_text);
  g_test_add_func ("/cli/catalog-file", test_catalog_file);
  g_test_add_func ("/cli/errors", test_errors);
  g_test_add_func ("/cli/export-png-size", test_export_png_size);
  g_test_add_func ("/cli/export-svg-pdf-text", test_export_svg_and_pdf_keep_text);
  g_test_add_func ("/cli/export-errors", test_export_errors);
  g_test_add_func ("/cli/quiz", test_quiz_is_repeatable_and_right);
  g_test_add_func ("/cli/compare", test_compare_tables);
  g_test_add_func ("/cli/validate-kinds", test_validate_kinds);
  g_test_add_func ("/cli/export-compare", test_export_compare);

  return g_test_run ();
}
