/* srm-cli.c: the headless command line of Shared Responsibility Explorer.
 *
 * Options are parsed by GApplication; handle-local-options runs before the
 * application registers or GTK opens a display, so none of this needs one.
 * Output meant for scripts (--json) is stable: keys and order are part of the
 * contract documented in the README.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <locale.h>

#include "srm-cli.h"
#include "srm-cli-assessment.h"
#include "srm-cli-common.h"
#include "srm-cli-compare.h"
#include "srm-cli-training.h"
#include "srm-model.h"
#include "srm-render.h"
#include "srm-application.h"

/* Exports wider than this would take hundreds of megabytes as PNG. */
#define MAX_EXPORT_WIDTH 8192
#define MIN_EXPORT_WIDTH 320
#define DEFAULT_EXPORT_WIDTH 1600

typedef struct {
  gboolean   json;
  char      *catalog_id;
  char      *catalog_file;
  char     **service_ids;
  char      *model_id;
  char      *style;
  char      *export_path;
  int        width;
  double     scale;
  char      *validate_path;
  char      *summary_path;
  char      *compare_spec;
  char      *export_compare_path;
  char      *tour_path;
  int        quiz_count;
  gint64     quiz_seed;
  gboolean   has_quiz_seed;
} SrmCliRequest;

static void
srm_cli_request_clear (SrmCliRequest *request)
{
  g_clear_pointer (&request->catalog_id, g_free);
  g_clear_pointer (&request->catalog_file, g_free);
  g_clear_pointer (&request->service_ids, g_strfreev);
  g_clear_pointer (&request->model_id, g_free);
  g_clear_pointer (&request->style, g_free);
  g_clear_pointer (&request->export_path, g_free);
  g_clear_pointer (&request->validate_path, g_free);
  g_clear_pointer (&request->summary_path, g_free);
  g_clear_pointer (&request->compare_spec, g_free);
  g_clear_pointer (&request->export_compare_path, g_free);
  g_clear_pointer (&request->tour_path, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (SrmCliRequest, srm_cli_request_clear)

static const GOptionEntry cli_entries[] = {
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Print the version and exit"), NULL },
  { "list-catalogs", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("List the available catalogs"), NULL },
  { "list-services", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("List the services of a catalog"), NULL },
  { "matrix", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Print who owns each layer in each service model"), NULL },
  { "validate", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Check an assessment, tour or catalog file and print a one-line summary"), N_("FILE") },
  { "summary", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Print an assessment's scores per layer and overall, open gaps and overdue items"), N_("FILE") },
  { "quiz", 0, 0, G_OPTION_ARG_INT, NULL,
    N_("Print a quiz of COUNT questions generated from the catalog"), N_("COUNT") },
  { "quiz-seed", 0, 0, G_OPTION_ARG_INT64, NULL,
    N_("Make the quiz repeatable: the same seed gives the same quiz (with --quiz)"), N_("N") },
  { "compare", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Compare two models, two services or two catalogs, e.g. iaas,paas or azure,azure-2026"), N_("A,B") },
  { "export-compare", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Export the comparison given with --compare to a PNG, SVG or PDF file"), N_("FILE") },
  { "tour", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Open the window and present this guided tour"), N_("FILE") },
  { "export-diagram", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Export the diagram to a PNG, SVG or PDF file (by its extension)"), N_("FILE") },
  { "catalog", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Use the catalog with this id (default: azure)"), N_("ID") },
  { "catalog-file", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Use the catalog in this JSON file"), N_("PATH") },
  { "service", 0, 0, G_OPTION_ARG_STRING_ARRAY, NULL,
    N_("Show a service's owners (--matrix), or highlight services (--export-diagram; repeat for several)"), N_("ID") },
  { "model", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Highlight a service model, e.g. paas (with --export-diagram)"), N_("ID") },
  { "style", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("light, dark, contrast or print (with --export-diagram; default light)"), N_("STYLE") },
  { "width", 0, 0, G_OPTION_ARG_INT, NULL,
    N_("Width in pixels (with --export-diagram; default 1600)"), N_("PX") },
  { "scale", 0, 0, G_OPTION_ARG_DOUBLE, NULL,
    N_("Pixels per unit for PNG, e.g. 2 for a sharp slide (with --export-diagram; default 1)"), N_("N") },
  { "json", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Print JSON instead of text"), NULL },
  { NULL }
};

void
srm_cli_add_options (GApplication *application)
{
  g_application_add_main_option_entries (application, cli_entries);
  g_application_set_option_context_parameter_string (application, _("[FILE…]"));
  g_application_set_option_context_summary (application,
    _("Show who secures what in the cloud, and assess your side of the split."));
  g_application_set_option_context_description (application,
    _("Without a command option, the window opens. Commands print to standard output\n"
      "and need no display:\n"
      "  srm-explorer --list-catalogs\n"
      "  srm-explorer --list-services --catalog azure --json\n"
      "  srm-explorer --matrix --service aks\n"
      "  srm-explorer --matrix --catalog-file my-catalog.json --json\n"
      "  srm-explorer --export-diagram paas.svg --model paas\n"
      "  srm-explorer --export-diagram aks.png --service aks --style dark --scale 2\n"
      "  srm-explorer --compare azure,azure-2026\n"
      "  srm-explorer --export-compare iaas-paas.svg --compare iaas,paas\n"
      "  srm-explorer --quiz 10 --quiz-seed 42 --json\n"
      "  srm-explorer --validate my-assessment.srma\n"
      "  srm-explorer --summary my-assessment.srma --json"));
}

static char *
known_ids (GListModel *list,
           const char *(*get_id) (gpointer))
{
  g_autoptr(GString) ids = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (list, i);
      if (i > 0)
        g_string_append (ids, ", ");
      g_string_append (ids, get_id (item));
    }
  return g_string_free (g_steal_pointer (&ids), FALSE);
}

/* Resolves --catalog / --catalog-file to a catalog, or prints why not. */
static SrmCatalog *
load_catalog (const SrmCliRequest *request,
              SrmCatalogRegistry **registry_out)
{
  g_autoptr(SrmCatalogRegistry) registry = NULL;
  SrmCatalog *catalog;

  if (request->catalog_file != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (request->catalog_file);
      g_autoptr(GError) error = NULL;

      if (request->catalog_id != NULL)
        {
          srm_cli_fail (_("use either --catalog or --catalog-file, not both"));
          return NULL;
        }
      catalog = srm_catalog_new_from_file (file, &error);
      if (catalog == NULL)
        srm_cli_fail ("%s", error->message);
      return catalog;
    }

  registry = srm_catalog_registry_new (NULL);
  catalog = srm_catalog_registry_lookup (registry,
                                         request->catalog_id ? request->catalog_id
                                                             : SRM_DEFAULT_CATALOG_ID);
  if (catalog == NULL)
    {
      g_autofree char *ids = known_ids (srm_catalog_registry_get_catalogs (registry),
                                        (const char *(*) (gpointer)) srm_catalog_get_id);
      srm_cli_fail (_("unknown catalog “%s”; the catalogs are: %s (see --list-catalogs)"),
                    request->catalog_id, ids);
      return NULL;
    }
  if (registry_out != NULL)
    *registry_out = g_steal_pointer (&registry);
  return g_object_ref (catalog);
}

/* Pads @text with spaces to @width characters (not bytes: names may be UTF-8). */
static void
append_padded (GString    *line,
               const char *text,
               guint       width)
{
  glong length = g_utf8_strlen (text, -1);

  g_string_append (line, text);
  for (glong i = length; i < (glong) width; i++)
    g_string_append_c (line, ' ');
}

static int
command_list_catalogs (const SrmCliRequest *request)
{
  g_autoptr(SrmCatalogRegistry) registry = srm_catalog_registry_new (NULL);
  GListModel *catalogs = srm_catalog_registry_get_catalogs (registry);
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "catalogs");
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (catalogs); i++)
    {
      g_autoptr(SrmCatalog) catalog = g_list_model_get_item (catalogs, i);

      if (request->json)
        {
          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "id");
          json_builder_add_string_value (builder, srm_catalog_get_id (catalog));
          json_builder_set_member_name (builder, "title");
          json_builder_add_string_value (builder, srm_catalog_get_title (catalog));
          json_builder_set_member_name (builder, "version");
          json_builder_add_string_value (builder, srm_catalog_get_version (catalog));
          json_builder_set_member_name (builder, "sources_read");
          json_builder_add_string_value (builder, srm_catalog_get_sources_read (catalog));
          json_builder_set_member_name (builder, "builtin");
          json_builder_add_boolean_value (builder, srm_catalog_get_builtin (catalog));
          json_builder_set_member_name (builder, "origin");
          json_builder_add_string_value (builder, srm_catalog_get_origin (catalog));
          json_builder_end_object (builder);
        }
      else
        {
          /* TRANSLATORS: catalog id, title, version, date its sources were read */
          g_print (_("%-12s %s (version %s, sources read %s)%s\n"),
                   srm_catalog_get_id (catalog), srm_catalog_get_title (catalog),
                   srm_catalog_get_version (catalog), srm_catalog_get_sources_read (catalog),
                   srm_catalog_get_builtin (catalog) ? "" : _(" [user catalog]"));
        }
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  if (request->json)
    {
      g_autoptr(JsonNode) root = json_builder_get_root (builder);
      srm_cli_print_json (root);
    }
  return 0;
}

static int
command_list_services (const SrmCliRequest *request)
{
  g_autoptr(SrmCatalog) catalog = load_catalog (request, NULL);
  GListModel *services;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  guint id_width = 2, model_width = 5;

  if (catalog == NULL)
    return 1;
  services = srm_catalog_get_services (catalog);

  for (guint i = 0; i < g_list_model_get_n_items (services); i++)
    {
      g_autoptr(SrmService) service = g_list_model_get_item (services, i);
      SrmServiceModel *model = srm_catalog_lookup_model (catalog, srm_service_get_model_id (service));

      id_width = MAX (id_width, g_utf8_strlen (srm_service_get_id (service), -1));
      model_width = MAX (model_width, g_utf8_strlen (srm_service_model_get_short_name (model), -1));
    }

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "catalog");
  json_builder_add_string_value (builder, srm_catalog_get_id (catalog));
  json_builder_set_member_name (builder, "services");
  json_builder_begin_array (builder);

  if (!request->json)
    {
      g_autoptr(GString) header = g_string_new (NULL);
      append_padded (header, _("ID"), id_width + 2);
      append_padded (header, _("MODEL"), model_width + 2);
      g_string_append (header, _("NAME"));
      g_print ("%s\n", header->str);
    }

  for (guint i = 0; i < g_list_model_get_n_items (services); i++)
    {
      g_autoptr(SrmService) service = g_list_model_get_item (services, i);
      const char *model_id = srm_service_get_model_id (service);
      SrmServiceModel *model = srm_catalog_lookup_model (catalog, model_id);
      const char * const *override_layers = srm_service_get_override_layers (service);

      if (request->json)
        {
          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "id");
          json_builder_add_string_value (builder, srm_service_get_id (service));
          json_builder_set_member_name (builder, "name");
          json_builder_add_string_value (builder, srm_service_get_name (service));
          json_builder_set_member_name (builder, "category");
          json_builder_add_string_value (builder, srm_service_get_category (service));
          json_builder_set_member_name (builder, "model");
          json_builder_add_string_value (builder, model_id);
          json_builder_set_member_name (builder, "overrides");
          json_builder_begin_object (builder);
          for (guint j = 0; override_layers[j] != NULL; j++)
            {
              SrmOwner owner;
              srm_service_get_override (service, override_layers[j], &owner);
              json_builder_set_member_name (builder, override_layers[j]);
              json_builder_add_string_value (builder, srm_owner_to_string (owner));
            }
          json_builder_end_object (builder);
          json_builder_set_member_name (builder, "duties");
          json_builder_add_int_value (builder, g_list_model_get_n_items (srm_service_get_duties (service)));
          json_builder_end_object (builder);
        }
      else
        {
          g_autoptr(GString) line = g_string_new (NULL);
          append_padded (line, srm_service_get_id (service), id_width + 2);
          append_padded (line, srm_service_model_get_short_name (model), model_width + 2);
          g_string_append (line, srm_service_get_name (service));
          g_print ("%s\n", line->str);
        }
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  if (request->json)
    {
      g_autoptr(JsonNode) root = json_builder_get_root (builder);
      srm_cli_print_json (root);
    }
  return 0;
}

static int
command_matrix (const SrmCliRequest *request)
{
  g_autoptr(SrmCatalog) catalog = load_catalog (request, NULL);
  SrmService *service = NULL;
  const char *service_model_id = NULL;
  GListModel *layers, *models;
  guint n_layers, n_models;

  if (catalog == NULL)
    return 1;
  layers = srm_catalog_get_layers (catalog);
  models = srm_catalog_get_models (catalog);
  n_layers = g_list_model_get_n_items (layers);
  n_models = g_list_model_get_n_items (models);

  if (request->service_ids != NULL && request->service_ids[0] != NULL)
    {
      if (request->service_ids[1] != NULL)
        return srm_cli_fail (_("--matrix shows one service at a time; got %u"),
                             g_strv_length (request->service_ids));
      service = srm_catalog_lookup_service (catalog, request->service_ids[0]);
      if (service == NULL)
        return srm_cli_fail (_("catalog “%s” has no service “%s” (see --list-services)"),
                             srm_catalog_get_id (catalog), request->service_ids[0]);
      service_model_id = srm_service_get_model_id (service);
    }

  if (request->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "catalog");
      json_builder_add_string_value (builder, srm_catalog_get_id (catalog));
      if (service != NULL)
        {
          json_builder_set_member_name (builder, "service");
          json_builder_add_string_value (builder, srm_service_get_id (service));
          json_builder_set_member_name (builder, "service_model");
          json_builder_add_string_value (builder, service_model_id);
        }
      json_builder_set_member_name (builder, "models");
      json_builder_begin_array (builder);
      for (guint m = 0; m < n_models; m++)
        {
          g_autoptr(SrmServiceModel) model = g_list_model_get_item (models, m);
          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "id");
          json_builder_add_string_value (builder, srm_service_model_get_id (model));
          json_builder_set_member_name (builder, "name");
          json_builder_add_string_value (builder, srm_service_model_get_short_name (model));
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_set_member_name (builder, "layers");
      json_builder_begin_array (builder);
      for (guint l = 0; l < n_layers; l++)
        {
          g_autoptr(SrmLayer) layer = g_list_model_get_item (layers, l);
          const char *group_id = srm_layer_get_group_id (layer);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "id");
          json_builder_add_string_value (builder, srm_layer_get_id (layer));
          json_builder_set_member_name (builder, "name");
          json_builder_add_string_value (builder, srm_layer_get_name (layer));
          json_builder_set_member_name (builder, "group");
          if (group_id != NULL)
            json_builder_add_string_value (builder, group_id);
          else
            json_builder_add_null_value (builder);
          json_builder_set_member_name (builder, "owners");
          json_builder_begin_object (builder);
          for (guint m = 0; m < n_models; m++)
            {
              g_autoptr(SrmServiceModel) model = g_list_model_get_item (models, m);
              const char *model_id = srm_service_model_get_id (model);
              SrmOwner owner;

              /* The service's own column carries its overrides; the others
               * stay the generic model's, for contrast. */
              if (service != NULL && g_strcmp0 (model_id, service_model_id) == 0)
                srm_catalog_get_service_owner (catalog, srm_service_get_id (service),
                                               srm_layer_get_id (layer), &owner);
              else
                srm_layer_get_owner (layer, model_id, &owner);
              json_builder_set_member_name (builder, model_id);
              json_builder_add_string_value (builder, srm_owner_to_string (owner));
            }
          json_builder_end_object (builder);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
      root = json_builder_get_root (builder);
      srm_cli_print_json (root);
      return 0;
    }

  /* Text: one row per layer, one column per model; the service's column is starred. */
  {
    g_autoptr(GString) line = g_string_new (NULL);
    guint name_width = 5;
    guint column_width = 8;
    const char *provider = srm_catalog_get_provider_name (catalog);

    for (guint l = 0; l < n_layers; l++)
      {
        g_autoptr(SrmLayer) layer = g_list_model_get_item (layers, l);
        name_width = MAX (name_width, g_utf8_strlen (srm_layer_get_name (layer), -1));
      }
    for (guint m = 0; m < n_models; m++)
      {
        g_autoptr(SrmServiceModel) model = g_list_model_get_item (models, m);
        column_width = MAX (column_width, g_utf8_strlen (srm_service_model_get_short_name (model), -1) + 1);
      }
    column_width = MAX (column_width, (guint) g_utf8_strlen (srm_owner_get_label (SRM_OWNER_CUSTOMER, provider), -1));
    column_width = MAX (column_width, (guint) g_utf8_strlen (srm_owner_get_label (SRM_OWNER_PROVIDER, provider), -1));
    column_width = MAX (column_width, (guint) g_utf8_strlen (srm_owner_get_label (SRM_OWNER_SHARED, provider), -1));

    if (service != NULL)
      g_print (_("%s — %s, with %s’s own column marked *\n\n"),
               srm_catalog_get_title (catalog), srm_service_get_name (service),
               srm_service_get_name (service));
    else
      g_print ("%s\n\n", srm_catalog_get_title (catalog));

    append_padded (line, _("Layer"), name_width + 2);
    for (guint m = 0; m < n_models; m++)
      {
        g_autoptr(SrmServiceModel) model = g_list_model_get_item (models, m);
        g_autofree char *label = NULL;

        if (service != NULL && g_strcmp0 (srm_service_model_get_id (model), service_model_id) == 0)
          label = g_strconcat (srm_service_model_get_short_name (model), "*", NULL);
        else
          label = g_strdup (srm_service_model_get_short_name (model));
        append_padded (line, label, column_width + 2);
      }
    g_print ("%s\n", g_strchomp (line->str));

    for (guint l = 0; l < n_layers; l++)
      {
        g_autoptr(SrmLayer) layer = g_list_model_get_item (layers, l);

        g_string_truncate (line, 0);
        append_padded (line, srm_layer_get_name (layer), name_width + 2);
        for (guint m = 0; m < n_models; m++)
          {
            g_autoptr(SrmServiceModel) model = g_list_model_get_item (models, m);
            const char *model_id = srm_service_model_get_id (model);
            SrmOwner owner;

            if (service != NULL && g_strcmp0 (model_id, service_model_id) == 0)
              srm_catalog_get_service_owner (catalog, srm_service_get_id (service),
                                             srm_layer_get_id (layer), &owner);
            else
              srm_layer_get_owner (layer, model_id, &owner);
            append_padded (line, srm_owner_get_label (owner, provider), column_width + 2);
          }
        g_print ("%s\n", g_strchomp (line->str));
      }
  }
  return 0;
}

static int
command_export_diagram (const SrmCliRequest *request)
{
  g_autoptr(SrmCatalog) catalog = NULL;
  g_autoptr(SrmDiagramPainter) painter = NULL;
  g_autoptr(GError) error = NULL;
  SrmDiagramStyle style = SRM_DIAGRAM_STYLE_LIGHT;
  int width = request->width > 0 ? request->width : DEFAULT_EXPORT_WIDTH;
  double scale = request->scale > 0 ? request->scale : 1.0;

  /* Check everything a person typed before doing any work, so a typo never
   * leaves a file behind. */
  if (!srm_diagram_export_format_from_path (request->export_path, NULL))
    return srm_cli_fail (_("cannot export to “%s”: the file name must end in .png, .svg or .pdf"),
                         request->export_path);
  if (request->style != NULL && !srm_diagram_style_from_string (request->style, &style))
    return srm_cli_fail (_("unknown style “%s”; use light, dark, contrast or print"), request->style);
  if (request->width != 0 && (width < MIN_EXPORT_WIDTH || width > MAX_EXPORT_WIDTH))
    return srm_cli_fail (_("--width must be between %d and %d pixels"), MIN_EXPORT_WIDTH, MAX_EXPORT_WIDTH);
  if (request->scale != 0 && (scale < 0.5 || scale > 4))
    return srm_cli_fail (_("--scale must be between 0.5 and 4"));

  catalog = load_catalog (request, NULL);
  if (catalog == NULL)
    return 1;

  if (request->model_id != NULL && srm_catalog_lookup_model (catalog, request->model_id) == NULL)
    {
      g_autofree char *ids = known_ids (srm_catalog_get_models (catalog),
                                        (const char *(*) (gpointer)) srm_service_model_get_id);
      return srm_cli_fail (_("catalog “%s” has no model “%s”; its models are: %s"),
                           srm_catalog_get_id (catalog), request->model_id, ids);
    }
  for (guint i = 0; request->service_ids != NULL && request->service_ids[i] != NULL; i++)
    if (srm_catalog_lookup_service (catalog, request->service_ids[i]) == NULL)
      return srm_cli_fail (_("catalog “%s” has no service “%s” (see --list-services)"),
                           srm_catalog_get_id (catalog), request->service_ids[i]);

  painter = srm_diagram_painter_new (catalog);
  srm_diagram_painter_set_model_id (painter, request->model_id);
  if (request->service_ids != NULL)
    srm_diagram_painter_set_service_ids (painter, (const char * const *) request->service_ids);
  srm_diagram_painter_set_style (painter, style);
  srm_diagram_painter_set_highlight_progress (painter, 1.0);

  if (!srm_diagram_export_to_file (painter, request->export_path, width, -1, scale, &error))
    return srm_cli_fail ("%s", error->message);
  return 0;
}

/* What kind of document a file is, from its "format" member (or, for a file too
 * broken to say, its extension), so --validate can hand it to the right loader
 * and report that loader's precise error. */
static const char *
sniff_format (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GFileInputStream) stream = g_file_read (file, NULL, NULL);
  char head[4096];
  gssize length;
  const char *kinds[] = { "srm-assessment", "srm-tour", "srm-catalog" };

  if (stream != NULL &&
      (length = g_input_stream_read (G_INPUT_STREAM (stream), head, sizeof head - 1, NULL, NULL)) > 0)
    {
      head[length] = '\0';
      for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
        {
          g_autofree char *pattern = g_strdup_printf ("\"format\"\\s*:\\s*\"%s\"", kinds[i]);
          if (g_regex_match_simple (pattern, head, 0, 0))
            return kinds[i];
        }
    }
  if (g_str_has_suffix (path, ".srma"))
    return "srm-assessment";
  return NULL;
}

static int
command_validate (const SrmCliRequest *request)
{
  const char *path = request->validate_path;
  const char *kind = sniff_format (path);

  if (g_strcmp0 (kind, "srm-assessment") == 0)
    return srm_cli_validate_assessment (path, request->json);
  if (g_strcmp0 (kind, "srm-tour") == 0)
    return srm_cli_validate_tour (path);
  if (g_strcmp0 (kind, "srm-catalog") == 0)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
      g_autoptr(GError) error = NULL;
      g_autoptr(SrmCatalog) catalog = srm_catalog_new_from_file (file, &error);
      g_autofree char *name = g_file_get_basename (file);

      if (catalog == NULL)
        return srm_cli_fail ("%s", error->message);
      g_print (_("%s: valid catalog “%s”, %u layers, %u models, %u services\n"), name,
               srm_catalog_get_id (catalog),
               g_list_model_get_n_items (srm_catalog_get_layers (catalog)),
               g_list_model_get_n_items (srm_catalog_get_models (catalog)),
               g_list_model_get_n_items (srm_catalog_get_services (catalog)));
      return 0;
    }
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return srm_cli_fail (_("%s: no such file"), path);
  return srm_cli_fail (_("%s: not an assessment, tour or catalog: it has no \"format\" member "
                         "saying \"srm-assessment\", \"srm-tour\" or \"srm-catalog\""), path);
}

/* --tour FILE: over the first window of a new instance, or handed to the
 * instance already running (GApplication would otherwise just activate it,
 * and the tour would be lost). Returns -1 to go on starting, 0 when done. */
static int
srm_cli_start_tour (GApplication *application,
                    const char   *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *uri = NULL;

  if (!g_application_register (application, NULL, &error))
    return srm_cli_fail ("%s", error->message);
  if (!g_application_get_is_remote (application))
    {
      srm_application_set_startup_tour (SRM_APPLICATION (application), path);
      return -1;
    }

  file = g_file_new_for_commandline_arg (path);
  uri = g_file_get_uri (file);
  g_action_group_activate_action (G_ACTION_GROUP (application), "present-tour",
                                  g_variant_new_string (uri));
  return 0;
}

int
srm_cli_handle_local_options (GApplication *application,
                              GVariantDict *options,
                              gpointer      user_data)
{
  g_auto(SrmCliRequest) request = { 0 };
  const char *commands[] = { "version", "list-catalogs", "list-services", "matrix", "export-diagram",
                             "validate", "summary", "quiz", "compare" };
  const char *command = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      if (!g_variant_dict_contains (options, commands[i]))
        continue;
      if (command != NULL)
        return srm_cli_fail (_("--%s and --%s cannot be used together; give one command"),
                             command, commands[i]);
      command = commands[i];
    }

  g_variant_dict_lookup (options, "json", "b", &request.json);
  g_variant_dict_lookup (options, "catalog", "s", &request.catalog_id);
  g_variant_dict_lookup (options, "catalog-file", "^ay", &request.catalog_file);
  g_variant_dict_lookup (options, "service", "^as", &request.service_ids);
  g_variant_dict_lookup (options, "model", "s", &request.model_id);
  g_variant_dict_lookup (options, "style", "s", &request.style);
  g_variant_dict_lookup (options, "export-diagram", "^ay", &request.export_path);
  g_variant_dict_lookup (options, "width", "i", &request.width);
  g_variant_dict_lookup (options, "scale", "d", &request.scale);
  g_variant_dict_lookup (options, "validate", "^ay", &request.validate_path);
  g_variant_dict_lookup (options, "summary", "^ay", &request.summary_path);
  g_variant_dict_lookup (options, "compare", "s", &request.compare_spec);
  g_variant_dict_lookup (options, "tour", "^ay", &request.tour_path);
  g_variant_dict_lookup (options, "export-compare", "^ay", &request.export_compare_path);
  g_variant_dict_lookup (options, "quiz", "i", &request.quiz_count);
  request.has_quiz_seed = g_variant_dict_lookup (options, "quiz-seed", "x", &request.quiz_seed);

  if (request.export_compare_path != NULL && g_strcmp0 (command, "compare") != 0)
    return srm_cli_fail (_("--export-compare needs the two sides: add --compare A,B"));
  if (request.has_quiz_seed && g_strcmp0 (command, "quiz") != 0)
    return srm_cli_fail (_("--quiz-seed goes with --quiz"));
  if (request.tour_path != NULL)
    {
      if (command != NULL)
        return srm_cli_fail (_("--tour opens the window; it cannot be combined with --%s"), command);
      return srm_cli_start_tour (application, request.tour_path);
    }

  if (command == NULL)
    {
      if (request.json || request.catalog_id || request.catalog_file || request.service_ids ||
          request.model_id || request.style || request.width || request.scale)
        return srm_cli_fail (_("--json, --catalog, --catalog-file, --service, --model, --style, --width "
                       "and --scale go with a command such as --matrix (see --help)"));
      return -1; /* no command: open the window */
    }
  if (request.service_ids != NULL && !g_str_equal (command, "matrix") &&
      !g_str_equal (command, "export-diagram"))
    return srm_cli_fail (_("--service goes with --matrix or --export-diagram"));
  if (request.model_id != NULL && !g_str_equal (command, "export-diagram"))
    return srm_cli_fail (_("--model goes with --export-diagram"));
  if (!g_str_equal (command, "export-diagram") && request.export_compare_path == NULL &&
      (request.style || request.width || request.scale))
    return srm_cli_fail (_("--style, --width and --scale go with --export-diagram or --export-compare"));

  if (g_str_equal (command, "version"))
    {
      g_print ("%s %s\n", "srm-explorer", PACKAGE_VERSION);
      return 0;
    }
  if (g_str_equal (command, "list-catalogs"))
    return command_list_catalogs (&request);
  if (g_str_equal (command, "list-services"))
    return command_list_services (&request);
  if (g_str_equal (command, "matrix"))
    return command_matrix (&request);
  if (g_str_equal (command, "export-diagram"))
    return command_export_diagram (&request);
  if (g_str_equal (command, "validate"))
    return command_validate (&request);
  if (g_str_equal (command, "summary"))
    return srm_cli_summary (request.summary_path, request.json, NULL);
  if (g_str_equal (command, "quiz"))
    {
      if (request.quiz_seed < 0 || request.quiz_seed > G_MAXUINT32)
        return srm_cli_fail (_("--quiz-seed must be between 0 and %u"), G_MAXUINT32);
      return srm_cli_quiz (NULL, request.catalog_id, request.catalog_file, request.quiz_count,
                           request.has_quiz_seed ? request.quiz_seed : -1, request.json);
    }
  if (g_str_equal (command, "compare") && request.export_compare_path != NULL)
    return srm_cli_export_compare (NULL, request.catalog_id, request.compare_spec,
                                   request.export_compare_path, request.style,
                                   request.width, request.scale);
  if (g_str_equal (command, "compare"))
    return srm_cli_compare_text (NULL, request.catalog_id, request.compare_spec, request.json);

  g_assert_not_reached ();
}
