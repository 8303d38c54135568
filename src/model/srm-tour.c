/* srm-tour.c: a guided tour and its loader (docs/tour-format.md).
 *
 * Tours are written by trainers, like catalogs, so a refusal names the file,
 * the step and the member to fix: "my-tour.json: steps[3].model: …", indices
 * from 0. The shape of the file is checked at load; the ids it uses are checked
 * against a catalog registry, at load when one is given, or later with
 * srm_tour_validate() (a tour may be opened before its catalog is installed).
 *
 * Built-in tours live in the catalogs' GResource. Their texts are English in
 * the JSON and translated here with g_dgettext(); the strings reach the
 * translators through data/tours/srm-tour-strings.h, generated from the JSON
 * by build-aux/tour-strings.py (see docs/tour-format.md).
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "srm-json-guard.h"
#include "srm-model-private.h"
#include "srm-tour.h"
#include "srm-tour-private.h"

#define TOURS_RESOURCE_DIR RESOURCE_PREFIX "/tours/"

struct _SrmTour
{
  GObject parent_instance;

  char *id;
  char *title;
  char *description;
  char *name;
  gboolean builtin;
  GListStore *steps;
};

G_DEFINE_FINAL_TYPE (SrmTour, srm_tour, G_TYPE_OBJECT)

G_DEFINE_QUARK (srm-tour-error-quark, srm_tour_error)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_DESCRIPTION,
  PROP_STEPS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const builtin_ids[] = {
  "onprem-to-saas",
  "always-yours",
  "inside-a-service",
  "ai-shared-responsibility",
  NULL
};

static void
srm_tour_dispose (GObject *object)
{
  SrmTour *self = SRM_TOUR (object);

  g_clear_object (&self->steps);

  G_OBJECT_CLASS (srm_tour_parent_class)->dispose (object);
}

static void
srm_tour_finalize (GObject *object)
{
  SrmTour *self = SRM_TOUR (object);

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->name, g_free);

  G_OBJECT_CLASS (srm_tour_parent_class)->finalize (object);
}

static void
srm_tour_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  SrmTour *self = SRM_TOUR (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;
    case PROP_STEPS:
      g_value_set_object (value, self->steps);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
srm_tour_class_init (SrmTourClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = srm_tour_dispose;
  object_class->finalize = srm_tour_finalize;
  object_class->get_property = srm_tour_get_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_STEPS] =
    g_param_spec_object ("steps", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
srm_tour_init (SrmTour *self)
{
  self->steps = g_list_store_new (SRM_TYPE_TOUR_STEP);
}

/* ---- messages ---- */

static void set_error (GError       **error,
                       SrmTourError   code,
                       const char    *name,
                       const char    *place,
                       const char    *format,
                       ...) G_GNUC_PRINTF (5, 6);

static void
set_error (GError       **error,
           SrmTourError   code,
           const char    *name,
           const char    *place,
           const char    *format,
           ...)
{
  g_autofree char *problem = NULL;
  va_list args;

  va_start (args, format);
  problem = g_strdup_vprintf (format, args);
  va_end (args);

  if (place != NULL && *place != '\0')
    /* Translators: file name, place in the file, problem; e.g.
     * my-tour.json: steps[3].model: catalog "azure-ai" has no model "onprem" */
    g_set_error (error, SRM_TOUR_ERROR, code, _("%s: %s: %s"), name, place, problem);
  else
    /* Translators: file name, problem */
    g_set_error (error, SRM_TOUR_ERROR, code, _("%s: %s"), name, problem);
}

/* ---- reading ---- */

typedef struct {
  const char *name;
  GError **error;
} Reader;

static char *
place_of (const char *parent,
          const char *member)
{
  if (parent == NULL || *parent == '\0')
    return g_strdup (member);
  return g_strconcat (parent, ".", member, NULL);
}

static gboolean
is_blank (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (!g_unichar_isspace (g_utf8_get_char (p)))
        return FALSE;
    }
  return TRUE;
}

static gboolean
is_valid_id (const char *id)
{
  if (*id == '\0')
    return FALSE;

  for (const char *p = id; *p != '\0'; p++)
    {
      if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && *p != '-' && *p != '_' && *p != '.')
        return FALSE;
    }
  return TRUE;
}

static gboolean
is_string_node (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING;
}

/* What a string member must hold: anything, text a person reads (not blank),
 * or an id. */
enum { ANY_STRING, TEXT, ID };

/* Sets *out to the string, or NULL when an optional member is absent (a JSON
 * null counts as absent, as in catalogs). */
static gboolean
read_string (Reader      *self,
             JsonObject  *object,
             const char  *parent,
             const char  *member,
             gboolean     required,
             int          kind,
             const char **out)
{
  JsonNode *node = json_object_get_member (object, member);
  g_autofree char *place = place_of (parent, member);
  const char *text;

  *out = NULL;
  if (node == NULL || (!required && JSON_NODE_HOLDS_NULL (node)))
    {
      if (!required)
        return TRUE;
      set_error (self->error, SRM_TOUR_ERROR_MISSING_FIELD, self->name, parent,
                 _("missing required member \"%s\""), member);
      return FALSE;
    }

  if (!is_string_node (node))
    {
      set_error (self->error, SRM_TOUR_ERROR_WRONG_TYPE, self->name, place,
                 _("expected %s, found %s"), _("a string"), srm_json_describe_node (node));
      return FALSE;
    }

  text = json_node_get_string (node);
  if (kind == TEXT && is_blank (text))
    {
      set_error (self->error, SRM_TOUR_ERROR_INVALID_VALUE, self->name, place,
                 _("must not be empty"));
      return FALSE;
    }
  if (kind == ID && !is_valid_id (text))
    {
      g_autofree char *quoted = srm_json_quote_value (text);

      set_error (self->error, SRM_TOUR_ERROR_INVALID_VALUE, self->name, place,
                 _("\"%s\" is not an id: use a–z, 0–9, \"-\", \"_\" and \".\""), quoted);
      return FALSE;
    }

  *out = text;
  return TRUE;
}

/* An optional array of distinct ids; *out is never NULL on success. */
static gboolean
read_id_list (Reader      *self,
              JsonObject  *object,
              const char  *parent,
              const char  *member,
              GStrv       *out)
{
  JsonNode *node = json_object_get_member (object, member);
  g_autofree char *place = place_of (parent, member);
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  JsonArray *array;

  *out = NULL;
  if (node != NULL && !JSON_NODE_HOLDS_NULL (node))
    {
      if (!JSON_NODE_HOLDS_ARRAY (node))
        {
          set_error (self->error, SRM_TOUR_ERROR_WRONG_TYPE, self->name, place,
                     _("expected %s, found %s"), _("an array"), srm_json_describe_node (node));
          return FALSE;
        }

      array = json_node_get_array (node);
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *element = json_array_get_element (array, i);
          g_autofree char *element_place = g_strdup_printf ("%s[%u]", place, i);
          const char *id;

          if (!is_string_node (element))
            {
              set_error (self->error, SRM_TOUR_ERROR_WRONG_TYPE, self->name, element_place,
                         _("expected %s, found %s"), _("a string"), srm_json_describe_node (element));
              return FALSE;
            }
          id = json_node_get_string (element);
          if (!is_valid_id (id))
            {
              g_autofree char *quoted = srm_json_quote_value (id);

              set_error (self->error, SRM_TOUR_ERROR_INVALID_VALUE, self->name, element_place,
                         _("\"%s\" is not an id: use a–z, 0–9, \"-\", \"_\" and \".\""), quoted);
              return FALSE;
            }
          if (!g_hash_table_add (seen, (gpointer) id))
            {
              set_error (self->error, SRM_TOUR_ERROR_DUPLICATE_ID, self->name, element_place,
                         _("\"%s\" is listed twice"), id);
              return FALSE;
            }
          g_strv_builder_add (ids, id);
        }
    }

  *out = g_strv_builder_end (ids);
  return TRUE;
}

static gboolean
read_header (Reader     *self,
             JsonObject *object)
{
  JsonNode *node;
  const char *format;
  gint64 version;

  if (!read_string (self, object, "", "format", TRUE, ANY_STRING, &format))
    return FALSE;
  if (g_strcmp0 (format, "srm-tour") != 0)
    {
      g_autofree char *quoted = srm_json_quote_value (format);

      set_error (self->error, SRM_TOUR_ERROR_INVALID_VALUE, self->name, "format",
                 _("expected \"srm-tour\", found \"%s\""), quoted);
      return FALSE;
    }

  node = json_object_get_member (object, "format_version");
  if (node == NULL)
    {
      set_error (self->error, SRM_TOUR_ERROR_MISSING_FIELD, self->name, NULL,
                 _("missing required member \"%s\""), "format_version");
      return FALSE;
    }
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    {
      set_error (self->error, SRM_TOUR_ERROR_WRONG_TYPE, self->name, "format_version",
                 _("expected %s, found %s"), _("a whole number"), srm_json_describe_node (node));
      return FALSE;
    }

  version = json_node_get_int (node);
  if (version > SRM_TOUR_FORMAT_VERSION)
    {
      set_error (self->error, SRM_TOUR_ERROR_UNSUPPORTED_VERSION, self->name, "format_version",
                 /* Translators: a file format version, then the newest this app reads */
                 _("version %" G_GINT64_FORMAT " is newer than this app reads (%d); update the app"),
                 version, SRM_TOUR_FORMAT_VERSION);
      return FALSE;
    }
  if (version < 1)
    {
      set_error (self->error, SRM_TOUR_ERROR_INVALID_VALUE, self->name, "format_version",
                 _("version %" G_GINT64_FORMAT " does not exist; the first is 1"), version);
      return FALSE;
    }

  return TRUE;
}

/* Built-in tours are translated; a trainer's own tour is shown as written. */
static const char *
translate (gboolean    builtin,
           const char *text)
{
  if (!builtin || text == NULL)
    return text;
  return g_dgettext (GETTEXT_PACKAGE, text);
}

static SrmTourStep *
read_step (Reader   *self,
           JsonNode *node,
           guint     index,
           gboolean  builtin)
{
  g_autofree char *place = g_strdup_printf ("steps[%u]", index);
  g_auto(GStrv) services = NULL;
  g_auto(GStrv) spotlight = NULL;
  const char *catalog_id, *model_id, *title, *caption;
  JsonObject *object;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      set_error (self->error, SRM_TOUR_ERROR_WRONG_TYPE, self->name, place,
                 _("expected %s, found %s"), _("an object"), srm_json_describe_node (node));
      return NULL;
    }
  object = json_node_get_object (node);

  if (!read_string (self, object, place, "catalog", TRUE, ID, &catalog_id) ||
      !read_string (self, object, place, "model", FALSE, ID, &model_id) ||
      !read_id_list (self, object, place, "services", &services) ||
      !read_id_list (self, object, place, "spotlight", &spotlight) ||
      !read_string (self, object, place, "title", FALSE, TEXT, &title) ||
      !read_string (self, object, place, "caption", TRUE, TEXT, &caption))
    return NULL;

  return _srm_tour_step_new (index, catalog_id, model_id,
                             g_steal_pointer (&services), g_steal_pointer (&spotlight),
                             translate (builtin, title), translate (builtin, caption));
}

static SrmTour *
read_tour (Reader   *self,
           JsonNode *root,
           gboolean  builtin)
{
  g_autoptr(SrmTour) tour = NULL;
  const char *id, *title, *description;
  JsonObject *object;
  JsonNode *node;
  JsonArray *steps;

  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      set_error (self->error, SRM_TOUR_ERROR_WRONG_TYPE, self->name, NULL,
                 _("the document must be a JSON object ({ … }), not %s"), srm_json_describe_node (root));
      return NULL;
    }
  object = json_node_get_object (root);

  if (!read_header (self, object) ||
      !read_string (self, object, "", "id", TRUE, ID, &id) ||
      !read_string (self, object, "", "title", TRUE, TEXT, &title) ||
      !read_string (self, object, "", "description", FALSE, ANY_STRING, &description))
    return NULL;

  node = json_object_get_member (object, "steps");
  if (node == NULL)
    {
      set_error (self->error, SRM_TOUR_ERROR_MISSING_FIELD, self->name, NULL,
                 _("missing required member \"%s\""), "steps");
      return NULL;
    }
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      set_error (self->error, SRM_TOUR_ERROR_WRONG_TYPE, self->name, "steps",
                 _("expected %s, found %s"), _("an array"), srm_json_describe_node (node));
      return NULL;
    }
  steps = json_node_get_array (node);
  if (json_array_get_length (steps) == 0)
    {
      set_error (self->error, SRM_TOUR_ERROR_NO_STEPS, self->name, "steps",
                 _("a tour needs at least one step"));
      return NULL;
    }

  tour = g_object_new (SRM_TYPE_TOUR, NULL);
  tour->id = g_strdup (id);
  tour->title = g_strdup (translate (builtin, title));
  if (description != NULL && *description != '\0')
    tour->description = g_strdup (translate (builtin, description));
  tour->name = g_strdup (self->name);
  tour->builtin = builtin;

  for (guint i = 0; i < json_array_get_length (steps); i++)
    {
      g_autoptr(SrmTourStep) step = read_step (self, json_array_get_element (steps, i), i, builtin);

      if (step == NULL)
        return NULL;
      g_list_store_append (tour->steps, step);
    }

  return g_steal_pointer (&tour);
}

static SrmTourError
guard_problem_code (SrmJsonGuardProblemKind kind)
{
  switch (kind)
    {
    case SRM_JSON_GUARD_TOO_LARGE:
      return SRM_TOUR_ERROR_TOO_LARGE;
    case SRM_JSON_GUARD_INVALID_UTF8:
    case SRM_JSON_GUARD_NUL_BYTE:
      return SRM_TOUR_ERROR_ENCODING;
    case SRM_JSON_GUARD_TOO_DEEP:
      return SRM_TOUR_ERROR_TOO_DEEP;
    case SRM_JSON_GUARD_EMPTY:
    case SRM_JSON_GUARD_SYNTAX:
    case SRM_JSON_GUARD_OK:
    default:
      return SRM_TOUR_ERROR_SYNTAX;
    }
}

static SrmTour *
load_bytes (GBytes             *bytes,
            const char         *name,
            gboolean            builtin,
            SrmCatalogRegistry *registry,
            GError            **error)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(SrmTour) tour = NULL;
  SrmJsonGuardProblem problem = { 0, };
  Reader reader = { name, error };
  gsize len = 0;
  const char *data = g_bytes_get_data (bytes, &len);

  root = srm_json_guard_parse (data, len, SRM_TOUR_MAX_BYTES, SRM_TOUR_MAX_DEPTH, &problem);
  if (root == NULL)
    {
      g_autofree char *text = srm_json_guard_problem_describe (&problem);

      set_error (error, guard_problem_code (problem.kind), name, NULL, "%s", text);
      srm_json_guard_problem_clear (&problem);
      return NULL;
    }

  tour = read_tour (&reader, root, builtin);
  if (tour == NULL)
    return NULL;

  if (registry != NULL && !srm_tour_validate (tour, registry, error))
    return NULL;

  g_debug ("Loaded tour “%s” (%u steps) from %s", tour->id, srm_tour_get_n_steps (tour), name);
  return g_steal_pointer (&tour);
}

SrmTour *
srm_tour_new_from_bytes (GBytes             *bytes,
                         const char         *display_name,
                         SrmCatalogRegistry *registry,
                         GError            **error)
{
  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (registry == NULL || SRM_IS_CATALOG_REGISTRY (registry), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (display_name == NULL)
    display_name = _("tour");

  return load_bytes (bytes, display_name, FALSE, registry, error);
}

SrmTour *
srm_tour_new_from_file (GFile              *file,
                        SrmCatalogRegistry *registry,
                        GError            **error)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) read_error = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (registry == NULL || SRM_IS_CATALOG_REGISTRY (registry), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (g_file_peek_path (file) != NULL)
    name = g_filename_display_basename (g_file_peek_path (file));
  else
    name = g_file_get_parse_name (file);

  /* One byte more than a tour may have: enough to know it is too large
   * without reading all of a huge (or endless) one. */
  stream = g_file_read (file, NULL, &read_error);
  if (stream != NULL)
    {
      g_autofree char *buffer = g_malloc (SRM_TOUR_MAX_BYTES + 1);
      gsize n_read = 0;

      if (g_input_stream_read_all (G_INPUT_STREAM (stream), buffer, SRM_TOUR_MAX_BYTES + 1,
                                   &n_read, NULL, &read_error))
        bytes = g_bytes_new (buffer, n_read);
    }
  if (bytes == NULL)
    {
      /* Translators: %s is the system's reason, e.g. "No such file or directory" */
      set_error (error, SRM_TOUR_ERROR_READ, name, NULL, _("cannot read the file: %s"),
                 read_error->message);
      return NULL;
    }

  return load_bytes (bytes, name, FALSE, registry, error);
}

static SrmTour *
load_resource (const char         *resource_path,
               gboolean            builtin,
               SrmCatalogRegistry *registry,
               GError            **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) read_error = NULL;
  g_autofree char *name = g_path_get_basename (resource_path);

  /* The tours share the catalogs' resource bundle. */
  _srm_catalog_resources_ensure ();

  bytes = g_resources_lookup_data (resource_path, G_RESOURCE_LOOKUP_FLAGS_NONE, &read_error);
  if (bytes == NULL)
    {
      set_error (error, SRM_TOUR_ERROR_READ, name, NULL, _("cannot read the file: %s"),
                 read_error->message);
      return NULL;
    }

  return load_bytes (bytes, name, builtin, registry, error);
}

SrmTour *
srm_tour_new_from_resource (const char         *resource_path,
                            SrmCatalogRegistry *registry,
                            GError            **error)
{
  g_return_val_if_fail (resource_path != NULL, NULL);
  g_return_val_if_fail (registry == NULL || SRM_IS_CATALOG_REGISTRY (registry), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return load_resource (resource_path, g_str_has_prefix (resource_path, TOURS_RESOURCE_DIR),
                        registry, error);
}

const char * const *
srm_tour_builtin_ids (void)
{
  return builtin_ids;
}

SrmTour *
srm_tour_new_builtin (const char         *tour_id,
                      SrmCatalogRegistry *registry,
                      GError            **error)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (tour_id != NULL, NULL);
  g_return_val_if_fail (registry == NULL || SRM_IS_CATALOG_REGISTRY (registry), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!g_strv_contains (builtin_ids, tour_id))
    {
      g_autofree char *quoted = srm_json_quote_value (tour_id);

      g_set_error (error, SRM_TOUR_ERROR, SRM_TOUR_ERROR_READ,
                   _("There is no built-in tour “%s”"), quoted);
      return NULL;
    }

  path = g_strconcat (TOURS_RESOURCE_DIR, tour_id, ".json", NULL);
  return load_resource (path, TRUE, registry, error);
}

static gboolean
unknown_reference (SrmTour     *self,
                   GError     **error,
                   guint        step,
                   const char  *member,
                   int          element,
                   const char  *format,
                   ...) G_GNUC_PRINTF (6, 7);

static gboolean
unknown_reference (SrmTour     *self,
                   GError     **error,
                   guint        step,
                   const char  *member,
                   int          element,
                   const char  *format,
                   ...)
{
  g_autofree char *place = NULL;
  g_autofree char *problem = NULL;
  va_list args;

  va_start (args, format);
  problem = g_strdup_vprintf (format, args);
  va_end (args);

  if (element >= 0)
    place = g_strdup_printf ("steps[%u].%s[%d]", step, member, element);
  else
    place = g_strdup_printf ("steps[%u].%s", step, member);

  set_error (error, SRM_TOUR_ERROR_UNKNOWN_REFERENCE, self->name, place, "%s", problem);
  return FALSE;
}

gboolean
srm_tour_validate (SrmTour             *self,
                   SrmCatalogRegistry  *registry,
                   GError             **error)
{
  g_return_val_if_fail (SRM_IS_TOUR (self), FALSE);
  g_return_val_if_fail (SRM_IS_CATALOG_REGISTRY (registry), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  for (guint i = 0; i < srm_tour_get_n_steps (self); i++)
    {
      SrmTourStep *step = srm_tour_get_step (self, i);
      const char *catalog_id = srm_tour_step_get_catalog_id (step);
      const char *model_id = srm_tour_step_get_model_id (step);
      const char * const *services = srm_tour_step_get_service_ids (step);
      const char * const *spotlight = srm_tour_step_get_spotlight_ids (step);
      SrmCatalog *catalog = srm_catalog_registry_lookup (registry, catalog_id);

      if (catalog == NULL)
        return unknown_reference (self, error, i, "catalog", -1,
                                  _("unknown catalog \"%s\""), catalog_id);

      if (model_id != NULL && srm_catalog_lookup_model (catalog, model_id) == NULL)
        return unknown_reference (self, error, i, "model", -1,
                                  _("catalog \"%s\" has no model \"%s\""), catalog_id, model_id);

      for (guint j = 0; services[j] != NULL; j++)
        {
          if (srm_catalog_lookup_service (catalog, services[j]) == NULL)
            return unknown_reference (self, error, i, "services", (int) j,
                                      _("catalog \"%s\" has no service \"%s\""),
                                      catalog_id, services[j]);
        }

      for (guint j = 0; spotlight[j] != NULL; j++)
        {
          if (srm_catalog_lookup_layer (catalog, spotlight[j]) == NULL)
            return unknown_reference (self, error, i, "spotlight", (int) j,
                                      _("catalog \"%s\" has no layer \"%s\""),
                                      catalog_id, spotlight[j]);
        }
    }

  return TRUE;
}

const char *
srm_tour_get_id (SrmTour *self)
{
  g_return_val_if_fail (SRM_IS_TOUR (self), NULL);

  return self->id;
}

const char *
srm_tour_get_title (SrmTour *self)
{
  g_return_val_if_fail (SRM_IS_TOUR (self), NULL);

  return self->title;
}

const char *
srm_tour_get_description (SrmTour *self)
{
  g_return_val_if_fail (SRM_IS_TOUR (self), NULL);

  return self->description;
}

const char *
srm_tour_get_name (SrmTour *self)
{
  g_return_val_if_fail (SRM_IS_TOUR (self), NULL);

  return self->name;
}

gboolean
srm_tour_get_builtin (SrmTour *self)
{
  g_return_val_if_fail (SRM_IS_TOUR (self), FALSE);

  return self->builtin;
}

GListModel *
srm_tour_get_steps (SrmTour *self)
{
  g_return_val_if_fail (SRM_IS_TOUR (self), NULL);

  return G_LIST_MODEL (self->steps);
}

guint
srm_tour_get_n_steps (SrmTour *self)
{
  g_return_val_if_fail (SRM_IS_TOUR (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->steps));
}

SrmTourStep *
srm_tour_get_step (SrmTour *self,
                   guint    index)
{
  g_autoptr(SrmTourStep) step = NULL;

  g_return_val_if_fail (SRM_IS_TOUR (self), NULL);

  step = g_list_model_get_item (G_LIST_MODEL (self->steps), index);
  /* The store keeps its own reference, so a borrowed pointer stays valid. */
  return step;
}
