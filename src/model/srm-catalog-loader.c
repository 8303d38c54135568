/* srm-catalog-loader.c: reads a catalog from JSON (docs/catalog-format.md).
 *
 * Catalogs are written by hand, by trainers, so every refusal must let a person
 * find and fix the problem: messages read "NAME: PLACE: problem", where PLACE is
 * a JSON path such as services[3].duties[1].layer (indices from 0) or LINE:COLUMN
 * for problems found before the JSON is understood. The loader checks the whole
 * document against the format before building any object, and stops at the
 * first problem, so the message always points at one place.
 *
 * Untrusted bytes first go through srm-json-guard (size, encoding, nesting), so
 * json-glib never sees a file that could exhaust it.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "srm-catalog.h"
#include "srm-json-guard.h"
#include "srm-model-private.h"

/* Values quoted back in messages come from the file; keep them short enough
 * that a message stays one readable line. */

typedef enum {
  REF_SOURCE,
  REF_GROUP,
  REF_MODEL,
  REF_LAYER,
} RefKind;

typedef enum {
  SOURCES_OPTIONAL,      /* may be absent or empty */
  SOURCES_REQUIRED,      /* must be present (missing-field) and not empty (missing-source) */
  SOURCES_AT_LEAST_ONE,  /* absent or empty is missing-source */
} SourcesNeed;

typedef struct {
  const char *name;
  GError *error;

  /* id → place of the item that defined it, for duplicate messages */
  GHashTable *source_places;
  GHashTable *group_places;
  GHashTable *model_places;
  GHashTable *layer_places;
  GHashTable *service_places;
  GHashTable *duty_places;

  /* layer id → borrowed SrmLayer, for the order of service overrides */
  GHashTable *layer_by_id;
  /* model ids in column order, for the "every model has a cell" check */
  GPtrArray *model_ids;
  gboolean has_groups;
} Loader;

static void
loader_init (Loader     *self,
             const char *name)
{
  memset (self, 0, sizeof *self);
  self->name = name;
  self->source_places = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->group_places = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->model_places = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->layer_places = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->service_places = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->duty_places = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->layer_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->model_ids = g_ptr_array_new_with_free_func (g_free);
}

static void
loader_clear (Loader *self)
{
  g_clear_error (&self->error);
  g_clear_pointer (&self->source_places, g_hash_table_unref);
  g_clear_pointer (&self->group_places, g_hash_table_unref);
  g_clear_pointer (&self->model_places, g_hash_table_unref);
  g_clear_pointer (&self->layer_places, g_hash_table_unref);
  g_clear_pointer (&self->service_places, g_hash_table_unref);
  g_clear_pointer (&self->duty_places, g_hash_table_unref);
  g_clear_pointer (&self->layer_by_id, g_hash_table_unref);
  g_clear_pointer (&self->model_ids, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Loader, loader_clear)

/* ---- messages ---- */

static void
set_error (GError         **error,
           SrmCatalogError  code,
           const char      *name,
           const char      *place,
           const char      *problem)
{
  if (place != NULL && *place != '\0')
    /* Translators: file name, place in the file, problem; e.g.
     * azure.json: services[3].duties[1].layer: unknown layer "os" */
    g_set_error (error, SRM_CATALOG_ERROR, code, _("%s: %s: %s"), name, place, problem);
  else
    /* Translators: file name, problem */
    g_set_error (error, SRM_CATALOG_ERROR, code, _("%s: %s"), name, problem);
}

static gboolean fail (Loader          *self,
                      SrmCatalogError  code,
                      const char      *place,
                      const char      *format,
                      ...) G_GNUC_PRINTF (4, 5);

/* Records the first problem and returns FALSE, so checks read
 * "if (…) return fail (…);". */
static gboolean
fail (Loader          *self,
      SrmCatalogError  code,
      const char      *place,
      const char      *format,
      ...)
{
  g_autofree char *problem = NULL;
  va_list args;

  va_start (args, format);
  problem = g_strdup_vprintf (format, args);
  va_end (args);

  if (self->error == NULL)
    set_error (&self->error, code, self->name, place, problem);

  return FALSE;
}

static gboolean
is_plain_member_name (const char *name)
{
  if (*name == '\0')
    return FALSE;

  for (const char *p = name; *p != '\0'; p++)
    {
      if (!g_ascii_isalnum (*p) && *p != '_' && *p != '-')
        return FALSE;
    }
  return TRUE;
}

/* parent.member, or parent["odd member"] when the name would make the path
 * ambiguous (a dot, a space, …). */
static char *
place_member (const char *parent,
              const char *member)
{
  g_autofree char *quoted = NULL;

  if (is_plain_member_name (member))
    {
      if (parent == NULL || *parent == '\0')
        return g_strdup (member);
      return g_strconcat (parent, ".", member, NULL);
    }

  quoted = srm_json_quote_value (member);
  return g_strdup_printf ("%s[\"%s\"]", parent != NULL ? parent : "", quoted);
}

static char *
place_index (const char *parent,
             guint       index)
{
  return g_strdup_printf ("%s[%u]", parent, index);
}

static gboolean
check_type (Loader     *self,
            JsonNode   *node,
            SrmJsonKind      expect,
            const char *place)
{
  if (srm_json_node_is (node, expect))
    return TRUE;

  /* Translators: e.g. "expected an array, found an object" */
  return fail (self, SRM_CATALOG_ERROR_WRONG_TYPE, place, _("expected %s, found %s"),
               srm_json_describe_kind (expect), srm_json_describe_node (node));
}

/* ---- members ---- */

/* Sets *out to the member's node, or to NULL when an optional member is absent
 * (a JSON null counts as absent, as many writers emit it for "no value"). */
static gboolean
get_member (Loader      *self,
            JsonObject  *object,
            const char  *place,
            const char  *member,
            SrmJsonKind       expect,
            gboolean     required,
            JsonNode   **out)
{
  JsonNode *node = json_object_get_member (object, member);
  g_autofree char *member_place = NULL;

  *out = NULL;

  if (node == NULL || (!required && JSON_NODE_HOLDS_NULL (node)))
    {
      if (required)
        return fail (self, SRM_CATALOG_ERROR_MISSING_FIELD, place,
                     _("missing required member \"%s\""), member);
      return TRUE;
    }

  member_place = place_member (place, member);
  if (!check_type (self, node, expect, member_place))
    return FALSE;

  *out = node;
  return TRUE;
}

static gboolean
is_blank_text (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (!g_unichar_isspace (g_utf8_get_char (p)))
        return FALSE;
    }
  return TRUE;
}

/* An optional string, as written (may be empty). */
static gboolean
read_string (Loader      *self,
             JsonObject  *object,
             const char  *place,
             const char  *member,
             const char **out)
{
  JsonNode *node;

  *out = NULL;
  if (!get_member (self, object, place, member, SRM_JSON_STRING, FALSE, &node))
    return FALSE;
  if (node != NULL)
    *out = json_node_get_string (node);
  return TRUE;
}

/* A string a person reads (a title, a name, a duty's text): when present it
 * must say something. */
static gboolean
read_text (Loader      *self,
           JsonObject  *object,
           const char  *place,
           const char  *member,
           gboolean     required,
           const char **out)
{
  JsonNode *node;
  g_autofree char *member_place = NULL;

  *out = NULL;
  if (!get_member (self, object, place, member, SRM_JSON_STRING, required, &node))
    return FALSE;
  if (node == NULL)
    return TRUE;

  if (is_blank_text (json_node_get_string (node)))
    {
      member_place = place_member (place, member);
      return fail (self, SRM_CATALOG_ERROR_INVALID_VALUE, member_place, _("must not be empty"));
    }

  *out = json_node_get_string (node);
  return TRUE;
}

static gboolean
is_valid_id (const char *id,
             gboolean    allow_upper)
{
  if (*id == '\0')
    return FALSE;

  for (const char *p = id; *p != '\0'; p++)
    {
      if (g_ascii_islower (*p) || g_ascii_isdigit (*p) || *p == '-' || *p == '_' || *p == '.')
        continue;
      if (allow_upper && g_ascii_isupper (*p))
        continue;
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_id (Loader     *self,
          const char *id,
          gboolean    allow_upper,
          const char *place)
{
  g_autofree char *quoted = NULL;

  if (is_valid_id (id, allow_upper))
    return TRUE;

  if (*id == '\0')
    return fail (self, SRM_CATALOG_ERROR_INVALID_VALUE, place, _("the id is empty"));

  quoted = srm_json_quote_value (id);
  if (allow_upper)
    return fail (self, SRM_CATALOG_ERROR_INVALID_VALUE, place,
                 _("\"%s\" is not a valid id: use letters, digits, \"-\", \"_\" and \".\""),
                 quoted);
  return fail (self, SRM_CATALOG_ERROR_INVALID_VALUE, place,
               _("\"%s\" is not a valid id: use lowercase letters, digits, \"-\", \"_\" and \".\""),
               quoted);
}

/* The required "id" member of an item, checked for form and uniqueness among
 * @places; the item's place is recorded for later duplicate messages. */
static gboolean
read_id (Loader      *self,
         JsonObject  *object,
         const char  *place,
         gboolean     allow_upper,
         GHashTable  *places,
         const char **out)
{
  JsonNode *node;
  g_autofree char *id_place = NULL;
  g_autofree char *quoted = NULL;
  const char *id;
  const char *first;

  *out = NULL;
  if (!get_member (self, object, place, "id", SRM_JSON_STRING, TRUE, &node))
    return FALSE;

  id = json_node_get_string (node);
  id_place = place_member (place, "id");
  if (!check_id (self, id, allow_upper, id_place))
    return FALSE;

  first = g_hash_table_lookup (places, id);
  if (first != NULL)
    {
      quoted = srm_json_quote_value (id);
      /* Translators: the second %s is where the id was first used, e.g. layers[1] */
      return fail (self, SRM_CATALOG_ERROR_DUPLICATE_ID, id_place,
                   _("the id \"%s\" is already used by %s"), quoted, first);
    }

  g_hash_table_insert (places, g_strdup (id), g_strdup (place));
  *out = id;
  return TRUE;
}

static gboolean
check_reference (Loader     *self,
                 RefKind     kind,
                 const char *id,
                 const char *place)
{
  g_autofree char *quoted = NULL;
  g_autofree char *problem = NULL;
  GHashTable *places;

  switch (kind)
    {
    case REF_SOURCE:
      places = self->source_places;
      break;
    case REF_GROUP:
      places = self->group_places;
      break;
    case REF_MODEL:
      places = self->model_places;
      break;
    case REF_LAYER:
      places = self->layer_places;
      break;
    default:
      g_return_val_if_reached (FALSE);
    }

  if (g_hash_table_contains (places, id))
    return TRUE;

  /* One sentence per kind, so translators see whole messages. */
  quoted = srm_json_quote_value (id);
  switch (kind)
    {
    case REF_SOURCE:
      problem = g_strdup_printf (_("unknown source \"%s\""), quoted);
      break;
    case REF_GROUP:
      problem = g_strdup_printf (_("unknown group \"%s\""), quoted);
      break;
    case REF_MODEL:
      problem = g_strdup_printf (_("unknown model \"%s\""), quoted);
      break;
    case REF_LAYER:
    default:
      problem = g_strdup_printf (_("unknown layer \"%s\""), quoted);
      break;
    }

  return fail (self, SRM_CATALOG_ERROR_UNKNOWN_REFERENCE, place, "%s", problem);
}

/* A required member naming an item of @kind. */
static gboolean
read_reference (Loader      *self,
                JsonObject  *object,
                const char  *place,
                const char  *member,
                RefKind      kind,
                const char **out)
{
  JsonNode *node;
  g_autofree char *member_place = NULL;

  *out = NULL;
  if (!get_member (self, object, place, member, SRM_JSON_STRING, TRUE, &node))
    return FALSE;

  member_place = place_member (place, member);
  if (!check_reference (self, kind, json_node_get_string (node), member_place))
    return FALSE;

  *out = json_node_get_string (node);
  return TRUE;
}

static gboolean
read_owner (Loader     *self,
            JsonNode   *node,
            const char *place,
            SrmOwner   *owner)
{
  g_autofree char *quoted = NULL;

  if (!check_type (self, node, SRM_JSON_STRING, place))
    return FALSE;

  if (srm_owner_from_string (json_node_get_string (node), owner))
    return TRUE;

  quoted = srm_json_quote_value (json_node_get_string (node));
  return fail (self, SRM_CATALOG_ERROR_INVALID_VALUE, place,
               _("unknown owner \"%s\": use \"customer\", \"provider\" or \"shared\""), quoted);
}

/* An array of strings (e.g. mcsb control ids), each non-empty. */
static gboolean
read_string_list (Loader      *self,
                  JsonObject  *object,
                  const char  *place,
                  const char  *member,
                  GStrv       *out)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autofree char *member_place = NULL;
  JsonArray *array;
  JsonNode *node;
  guint n;

  *out = NULL;
  if (!get_member (self, object, place, member, SRM_JSON_ARRAY, FALSE, &node))
    return FALSE;

  if (node != NULL)
    {
      member_place = place_member (place, member);
      array = json_node_get_array (node);
      n = json_array_get_length (array);

      for (guint i = 0; i < n; i++)
        {
          g_autofree char *item_place = place_index (member_place, i);
          JsonNode *item = json_array_get_element (array, i);

          if (!check_type (self, item, SRM_JSON_STRING, item_place))
            return FALSE;
          if (is_blank_text (json_node_get_string (item)))
            return fail (self, SRM_CATALOG_ERROR_INVALID_VALUE, item_place, _("must not be empty"));

          g_strv_builder_add (builder, json_node_get_string (item));
        }
    }

  *out = g_strv_builder_end (builder);
  return TRUE;
}

/* An array of source ids; every one must name a source of the catalog. */
static gboolean
read_source_ids (Loader      *self,
                 JsonObject  *object,
                 const char  *place,
                 const char  *member,
                 SourcesNeed  need,
                 GStrv       *out)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autofree char *member_place = place_member (place, member);
  JsonArray *array;
  JsonNode *node;
  guint n;

  *out = NULL;
  if (!get_member (self, object, place, member, SRM_JSON_ARRAY, need == SOURCES_REQUIRED, &node))
    return FALSE;

  if (node == NULL && need == SOURCES_AT_LEAST_ONE)
    return fail (self, SRM_CATALOG_ERROR_MISSING_SOURCE, place,
                 _("no source: add \"%s\" with the id of at least one source"), member);

  array = node != NULL ? json_node_get_array (node) : NULL;
  n = array != NULL ? json_array_get_length (array) : 0;

  if (n == 0 && need != SOURCES_OPTIONAL)
    return fail (self, SRM_CATALOG_ERROR_MISSING_SOURCE, member_place,
                 _("the list is empty: name at least one source"));

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *item_place = place_index (member_place, i);
      JsonNode *item = json_array_get_element (array, i);

      if (!check_type (self, item, SRM_JSON_STRING, item_place))
        return FALSE;
      if (!check_reference (self, REF_SOURCE, json_node_get_string (item), item_place))
        return FALSE;

      g_strv_builder_add (builder, json_node_get_string (item));
    }

  *out = g_strv_builder_end (builder);
  return TRUE;
}

/* An array member whose elements are objects; *out is NULL when an optional
 * array is absent. Empty required lists are refused: a catalog without models
 * or layers has no table to show. */
static gboolean
read_object_array (Loader      *self,
                   JsonObject  *object,
                   const char  *place,
                   const char  *member,
                   gboolean     required,
                   JsonArray  **out)
{
  g_autofree char *member_place = place_member (place, member);
  JsonArray *array;
  JsonNode *node;
  guint n;

  *out = NULL;
  if (!get_member (self, object, place, member, SRM_JSON_ARRAY, required, &node))
    return FALSE;
  if (node == NULL)
    return TRUE;

  array = json_node_get_array (node);
  n = json_array_get_length (array);

  if (n == 0 && required)
    return fail (self, SRM_CATALOG_ERROR_MISSING_FIELD, member_place,
                 _("the list is empty: a catalog needs at least one item here"));

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *item_place = place_index (member_place, i);

      if (!check_type (self, json_array_get_element (array, i), SRM_JSON_OBJECT, item_place))
        return FALSE;
    }

  *out = array;
  return TRUE;
}

/* ---- values ---- */

static gboolean
is_iso_date (const char *text)
{
  guint year, month, day;

  if (strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;

  for (guint i = 0; i < 10; i++)
    {
      if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
        return FALSE;
    }

  year = (guint) g_ascii_strtoull (text, NULL, 10);
  month = (guint) g_ascii_strtoull (text + 5, NULL, 10);
  day = (guint) g_ascii_strtoull (text + 8, NULL, 10);

  return month >= 1 && month <= 12 && day >= 1 && day <= 31 && year >= 1 &&
         g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year);
}

/* The app opens these in a browser, so only web addresses are allowed: a
 * file: or javascript: link in a shared catalog would be a trap. */
static gboolean
is_web_address (const char *url)
{
  const char *scheme;

  if (!g_uri_is_valid (url, G_URI_FLAGS_NONE, NULL))
    return FALSE;

  scheme = g_uri_peek_scheme (url);
  return g_strcmp0 (scheme, "https") == 0 || g_strcmp0 (scheme, "http") == 0;
}

/* ---- the document ---- */

static gboolean
read_sources (Loader     *self,
              JsonObject *root,
              GListStore *store)
{
  JsonArray *array;

  if (!read_object_array (self, root, "", "sources", TRUE, &array))
    return FALSE;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *object = json_array_get_object_element (array, i);
      g_autofree char *place = place_index ("sources", i);
      g_autofree char *url_place = place_member (place, "url");
      g_autofree char *quoted = NULL;
      g_autoptr(SrmSource) source = NULL;
      const char *id, *title, *url;

      if (!read_id (self, object, place, TRUE, self->source_places, &id) ||
          !read_text (self, object, place, "title", TRUE, &title) ||
          !read_string (self, object, place, "url", &url))
        return FALSE;

      if (url != NULL && !is_web_address (url))
        {
          quoted = srm_json_quote_value (url);
          return fail (self, SRM_CATALOG_ERROR_INVALID_VALUE, url_place,
                       _("\"%s\" is not a web address: use one that starts with https://"), quoted);
        }

      source = _srm_source_new (id, title, url);
      g_list_store_append (store, source);
    }

  return TRUE;
}

static gboolean
read_groups (Loader     *self,
             JsonObject *root,
             GListStore *store)
{
  JsonArray *array;

  if (!read_object_array (self, root, "", "groups", FALSE, &array))
    return FALSE;
  if (array == NULL)
    return TRUE;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *object = json_array_get_object_element (array, i);
      g_autofree char *place = place_index ("groups", i);
      g_autoptr(SrmLayerGroup) group = NULL;
      const char *id, *name, *short_name, *description;

      if (!read_id (self, object, place, FALSE, self->group_places, &id) ||
          !read_text (self, object, place, "name", TRUE, &name) ||
          !read_text (self, object, place, "short_name", FALSE, &short_name) ||
          !read_string (self, object, place, "description", &description))
        return FALSE;

      group = _srm_layer_group_new (id, name, short_name, description);
      g_list_store_append (store, group);
    }

  /* An empty list is a table without bands, like an absent one. */
  self->has_groups = json_array_get_length (array) > 0;
  return TRUE;
}

static gboolean
read_models (Loader     *self,
             JsonObject *root,
             GListStore *store)
{
  JsonArray *array;

  if (!read_object_array (self, root, "", "models", TRUE, &array))
    return FALSE;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *object = json_array_get_object_element (array, i);
      g_autofree char *place = place_index ("models", i);
      g_autoptr(SrmServiceModel) model = NULL;
      const char *id, *name, *short_name, *description;

      if (!read_id (self, object, place, FALSE, self->model_places, &id) ||
          !read_text (self, object, place, "name", TRUE, &name) ||
          !read_text (self, object, place, "short_name", FALSE, &short_name) ||
          !read_string (self, object, place, "description", &description))
        return FALSE;

      model = _srm_service_model_new (id, name, short_name, description, i);
      g_list_store_append (store, model);
      g_ptr_array_add (self->model_ids, g_strdup (id));
    }

  return TRUE;
}

static gboolean
read_owners (Loader     *self,
             JsonObject *object,
             const char *place,
             SrmLayer   *layer)
{
  g_autofree char *owners_place = place_member (place, "owners");
  g_autoptr(GList) members = NULL;
  JsonObject *owners;
  JsonNode *node;

  if (!get_member (self, object, place, "owners", SRM_JSON_OBJECT, TRUE, &node))
    return FALSE;

  owners = json_node_get_object (node);
  members = json_object_get_members (owners);

  for (const GList *l = members; l != NULL; l = l->next)
    {
      const char *model_id = l->data;
      g_autofree char *cell_place = place_member (owners_place, model_id);
      SrmOwner owner;

      if (!check_reference (self, REF_MODEL, model_id, cell_place) ||
          !read_owner (self, json_object_get_member (owners, model_id), cell_place, &owner))
        return FALSE;

      _srm_layer_set_owner (layer, model_id, owner);
    }

  for (guint i = 0; i < self->model_ids->len; i++)
    {
      const char *model_id = g_ptr_array_index (self->model_ids, i);

      if (!srm_layer_get_owner (layer, model_id, NULL))
        return fail (self, SRM_CATALOG_ERROR_MISSING_FIELD, owners_place,
                     _("no owner for model \"%s\": every model needs a cell"), model_id);
    }

  return TRUE;
}

static gboolean
read_cell_notes (Loader     *self,
                 JsonObject *object,
                 const char *place,
                 SrmLayer   *layer)
{
  g_autofree char *notes_place = place_member (place, "cell_notes");
  g_autoptr(GList) members = NULL;
  JsonObject *notes;
  JsonNode *node;

  if (!get_member (self, object, place, "cell_notes", SRM_JSON_OBJECT, FALSE, &node))
    return FALSE;
  if (node == NULL)
    return TRUE;

  notes = json_node_get_object (node);
  members = json_object_get_members (notes);

  for (const GList *l = members; l != NULL; l = l->next)
    {
      const char *model_id = l->data;
      g_autofree char *note_place = place_member (notes_place, model_id);
      JsonNode *note = json_object_get_member (notes, model_id);

      if (!check_reference (self, REF_MODEL, model_id, note_place) ||
          !check_type (self, note, SRM_JSON_STRING, note_place))
        return FALSE;

      _srm_layer_set_cell_note (layer, model_id, json_node_get_string (note));
    }

  return TRUE;
}

/* Rows of one group form one band in the diagram, so they must be adjacent.
 * @last_place maps a group id to the place of its latest layer so far. */
static gboolean
check_group_band (Loader     *self,
                  const char *group_id,
                  const char *previous_group_id,
                  GHashTable *last_place,
                  const char *place)
{
  g_autofree char *group_place = place_member (place, "group");
  const char *earlier;

  if (g_strcmp0 (group_id, previous_group_id) != 0 &&
      (earlier = g_hash_table_lookup (last_place, group_id)) != NULL)
    /* Translators: the second %s is the place of the group's previous layer, e.g. layers[1] */
    return fail (self, SRM_CATALOG_ERROR_INVALID_VALUE, group_place,
                 _("the layers of group \"%s\" must be consecutive, but this one is apart from %s"),
                 group_id, earlier);

  g_hash_table_replace (last_place, g_strdup (group_id), g_strdup (place));
  return TRUE;
}

static gboolean
read_layers (Loader     *self,
             JsonObject *root,
             GListStore *store)
{
  g_autoptr(GHashTable) last_place = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  const char *previous_group_id = NULL;
  JsonArray *array;

  if (!read_object_array (self, root, "", "layers", TRUE, &array))
    return FALSE;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *object = json_array_get_object_element (array, i);
      g_autofree char *place = place_index ("layers", i);
      g_autofree char *maps_to_place = place_member (place, "maps_to");
      g_autoptr(SrmLayer) layer = NULL;
      g_auto(GStrv) sources = NULL;
      const char *id, *name, *group_id = NULL, *description, *maps_to;

      if (!read_id (self, object, place, FALSE, self->layer_places, &id) ||
          !read_text (self, object, place, "name", TRUE, &name) ||
          !read_string (self, object, place, "description", &description) ||
          !read_string (self, object, place, "maps_to", &maps_to) ||
          !read_source_ids (self, object, place, "sources", SOURCES_OPTIONAL, &sources))
        return FALSE;

      if (maps_to != NULL && !check_id (self, maps_to, FALSE, maps_to_place))
        return FALSE;

      if (self->has_groups)
        {
          if (!json_object_has_member (object, "group"))
            return fail (self, SRM_CATALOG_ERROR_MISSING_FIELD, place,
                         _("missing required member \"group\": the catalog has groups, so every layer names one"));
          if (!read_reference (self, object, place, "group", REF_GROUP, &group_id) ||
              !check_group_band (self, group_id, previous_group_id, last_place, place))
            return FALSE;
          previous_group_id = group_id;
        }
      else if (json_object_has_member (object, "group"))
        {
          /* Without groups every group id is unknown; say so rather than
           * silently dropping the band the author meant. */
          if (!read_reference (self, object, place, "group", REF_GROUP, &group_id))
            return FALSE;
        }

      layer = _srm_layer_new (id, name, group_id, description, i, maps_to,
                              g_steal_pointer (&sources));

      if (!read_owners (self, object, place, layer) ||
          !read_cell_notes (self, object, place, layer))
        return FALSE;

      g_hash_table_insert (self->layer_by_id, (gpointer) srm_layer_get_id (layer), layer);
      g_list_store_append (store, layer);
    }

  return TRUE;
}

static gboolean
read_duties (Loader     *self,
             JsonObject *object,
             const char *place,
             const char *service_id,
             GListStore *store)
{
  g_autofree char *duties_place = place_member (place, "duties");
  JsonArray *array;

  if (!read_object_array (self, object, place, "duties", FALSE, &array))
    return FALSE;
  if (array == NULL)
    return TRUE;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *duty_object = json_array_get_object_element (array, i);
      g_autofree char *duty_place = place_index (duties_place, i);
      g_autoptr(SrmDuty) duty = NULL;
      g_auto(GStrv) mcsb = NULL;
      g_auto(GStrv) sources = NULL;
      const char *id, *layer_id, *text;

      /* Duty ids are unique in the whole catalog: assessments store answers
       * by duty id alone. */
      if (!read_id (self, duty_object, duty_place, FALSE, self->duty_places, &id) ||
          !read_reference (self, duty_object, duty_place, "layer", REF_LAYER, &layer_id) ||
          !read_text (self, duty_object, duty_place, "text", TRUE, &text) ||
          !read_string_list (self, duty_object, duty_place, "mcsb", &mcsb) ||
          !read_source_ids (self, duty_object, duty_place, "sources", SOURCES_AT_LEAST_ONE, &sources))
        return FALSE;

      duty = _srm_duty_new (id, service_id, layer_id, text,
                            g_steal_pointer (&mcsb), g_steal_pointer (&sources));
      g_list_store_append (store, duty);
    }

  return TRUE;
}

static int
compare_layer_index (gconstpointer a,
                     gconstpointer b)
{
  guint ia = srm_layer_get_index (*(SrmLayer * const *) a);
  guint ib = srm_layer_get_index (*(SrmLayer * const *) b);

  return ia < ib ? -1 : ia > ib;
}

static gboolean
read_overrides (Loader     *self,
                JsonObject *object,
                const char *place,
                SrmService *service)
{
  g_autofree char *overrides_place = place_member (place, "overrides");
  g_autoptr(GPtrArray) layers = g_ptr_array_new ();
  g_autoptr(GList) members = NULL;
  JsonObject *overrides;
  JsonNode *node;

  if (!get_member (self, object, place, "overrides", SRM_JSON_OBJECT, FALSE, &node))
    return FALSE;
  if (node == NULL)
    return TRUE;

  overrides = json_node_get_object (node);
  members = json_object_get_members (overrides);

  for (const GList *l = members; l != NULL; l = l->next)
    {
      const char *layer_id = l->data;
      g_autofree char *cell_place = place_member (overrides_place, layer_id);
      SrmOwner owner;

      if (!check_reference (self, REF_LAYER, layer_id, cell_place) ||
          !read_owner (self, json_object_get_member (overrides, layer_id), cell_place, &owner))
        return FALSE;

      g_ptr_array_add (layers, g_hash_table_lookup (self->layer_by_id, layer_id));
    }

  /* srm_service_get_override_layers() promises catalog row order, whatever
   * order the author wrote the members in. */
  g_ptr_array_sort (layers, compare_layer_index);

  for (guint i = 0; i < layers->len; i++)
    {
      const char *layer_id = srm_layer_get_id (g_ptr_array_index (layers, i));
      SrmOwner owner;

      srm_owner_from_string (json_object_get_string_member (overrides, layer_id), &owner);
      _srm_service_add_override (service, layer_id, owner);
    }

  return TRUE;
}

static gboolean
read_services (Loader     *self,
               JsonObject *root,
               GListStore *store)
{
  JsonArray *array;

  if (!read_object_array (self, root, "", "services", FALSE, &array))
    return FALSE;
  if (array == NULL)
    return TRUE;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *object = json_array_get_object_element (array, i);
      g_autofree char *place = place_index ("services", i);
      g_autoptr(GListStore) duties = g_list_store_new (SRM_TYPE_DUTY);
      g_autoptr(SrmService) service = NULL;
      g_auto(GStrv) sources = NULL;
      const char *id, *name, *category, *model_id, *model_label, *notes;

      if (!read_id (self, object, place, FALSE, self->service_places, &id) ||
          !read_text (self, object, place, "name", TRUE, &name) ||
          !read_text (self, object, place, "category", TRUE, &category) ||
          !read_reference (self, object, place, "model", REF_MODEL, &model_id) ||
          !read_string (self, object, place, "model_label", &model_label) ||
          !read_string (self, object, place, "notes", &notes) ||
          !read_source_ids (self, object, place, "sources", SOURCES_AT_LEAST_ONE, &sources) ||
          !read_duties (self, object, place, id, duties))
        return FALSE;

      service = _srm_service_new (id, name, category, model_id, model_label, notes,
                                  g_steal_pointer (&sources), g_steal_pointer (&duties));

      if (!read_overrides (self, object, place, service))
        return FALSE;

      g_list_store_append (store, service);
    }

  return TRUE;
}

/* "format" and "format_version" come first: a file that is not a catalog, or
 * is from a newer app, should say so rather than fail on some member its
 * format does differently. */
static gboolean
read_header (Loader     *self,
             JsonObject *root)
{
  g_autofree char *quoted = NULL;
  JsonNode *node;
  gint64 version;

  if (!get_member (self, root, "", "format", SRM_JSON_STRING, TRUE, &node))
    return FALSE;

  if (g_strcmp0 (json_node_get_string (node), "srm-catalog") != 0)
    {
      quoted = srm_json_quote_value (json_node_get_string (node));
      return fail (self, SRM_CATALOG_ERROR_INVALID_VALUE, "format",
                   _("\"%s\" is not \"srm-catalog\"; this is not a catalog file"), quoted);
    }

  if (!get_member (self, root, "", "format_version", SRM_JSON_INTEGER, TRUE, &node))
    return FALSE;

  version = json_node_get_int (node);
  if (version > SRM_CATALOG_FORMAT_VERSION)
    return fail (self, SRM_CATALOG_ERROR_UNSUPPORTED_VERSION, "format_version",
                 _("this file uses catalog format %lld, but this version of Shared Responsibility Explorer reads format %d at most"),
                 (long long) version, SRM_CATALOG_FORMAT_VERSION);
  if (version < 1)
    return fail (self, SRM_CATALOG_ERROR_INVALID_VALUE, "format_version",
                 _("%lld is not a catalog format version: they start at 1"),
                 (long long) version);

  return TRUE;
}

static SrmCatalog *
read_catalog (Loader     *self,
              JsonNode   *root,
              const char *origin,
              gboolean    builtin)
{
  g_autoptr(GListStore) sources = g_list_store_new (SRM_TYPE_SOURCE);
  g_autoptr(GListStore) groups = g_list_store_new (SRM_TYPE_LAYER_GROUP);
  g_autoptr(GListStore) models = g_list_store_new (SRM_TYPE_SERVICE_MODEL);
  g_autoptr(GListStore) layers = g_list_store_new (SRM_TYPE_LAYER);
  g_autoptr(GListStore) services = g_list_store_new (SRM_TYPE_SERVICE);
  g_auto(GStrv) matrix_sources = NULL;
  g_autofree char *quoted = NULL;
  SrmCatalogContents contents = { NULL, };
  const char *id, *title, *description, *version, *sources_read, *provider;
  JsonObject *object;
  JsonNode *node;

  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      fail (self, SRM_CATALOG_ERROR_WRONG_TYPE, NULL,
            _("the document must be a JSON object ({ … }), not %s"), srm_json_describe_node (root));
      return NULL;
    }
  object = json_node_get_object (root);

  if (!read_header (self, object))
    return NULL;

  if (!get_member (self, object, "", "id", SRM_JSON_STRING, TRUE, &node) ||
      !check_id (self, json_node_get_string (node), FALSE, "id"))
    return NULL;
  id = json_node_get_string (node);

  if (!read_text (self, object, "", "title", TRUE, &title) ||
      !read_string (self, object, "", "description", &description) ||
      !read_text (self, object, "", "version", TRUE, &version) ||
      !read_text (self, object, "", "sources_read", TRUE, &sources_read) ||
      !read_text (self, object, "", "provider", FALSE, &provider))
    return NULL;

  if (!is_iso_date (sources_read))
    {
      quoted = srm_json_quote_value (sources_read);
      fail (self, SRM_CATALOG_ERROR_INVALID_VALUE, "sources_read",
            _("\"%s\" is not a date of the form YYYY-MM-DD, e.g. 2026-11-01"), quoted);
      return NULL;
    }

  /* Sources, groups, models and layers in that order: each list may only
   * refer to the ones before it. */
  if (!read_sources (self, object, sources) ||
      !read_groups (self, object, groups) ||
      !read_models (self, object, models) ||
      !read_layers (self, object, layers) ||
      !read_source_ids (self, object, "", "matrix_sources", SOURCES_REQUIRED, &matrix_sources) ||
      !read_services (self, object, services))
    return NULL;

  contents.id = id;
  contents.title = title;
  contents.description = description;
  contents.version = version;
  contents.sources_read = sources_read;
  contents.provider_name = provider != NULL ? provider : _("Provider");
  contents.origin = origin;
  contents.builtin = builtin;
  contents.matrix_sources = g_steal_pointer (&matrix_sources);
  contents.sources = g_steal_pointer (&sources);
  contents.groups = g_steal_pointer (&groups);
  contents.models = g_steal_pointer (&models);
  contents.layers = g_steal_pointer (&layers);
  contents.services = g_steal_pointer (&services);

  return _srm_catalog_new (&contents);
}

static SrmCatalogError
guard_problem_code (SrmJsonGuardProblemKind kind)
{
  switch (kind)
    {
    case SRM_JSON_GUARD_TOO_LARGE:
      return SRM_CATALOG_ERROR_TOO_LARGE;
    case SRM_JSON_GUARD_INVALID_UTF8:
    case SRM_JSON_GUARD_NUL_BYTE:
      return SRM_CATALOG_ERROR_ENCODING;
    case SRM_JSON_GUARD_TOO_DEEP:
      return SRM_CATALOG_ERROR_TOO_DEEP;
    case SRM_JSON_GUARD_EMPTY:
    case SRM_JSON_GUARD_SYNTAX:
    case SRM_JSON_GUARD_OK:
    default:
      return SRM_CATALOG_ERROR_SYNTAX;
    }
}

static SrmCatalog *
load_bytes (GBytes      *bytes,
            const char  *name,
            const char  *origin,
            gboolean     builtin,
            GError     **error)
{
  g_auto(Loader) loader = { NULL, };
  g_autoptr(JsonNode) root = NULL;
  SrmJsonGuardProblem problem = { 0, };
  SrmCatalog *catalog;
  gsize len = 0;
  const char *data = g_bytes_get_data (bytes, &len);

  root = srm_json_guard_parse (data, len, SRM_CATALOG_MAX_BYTES, SRM_CATALOG_MAX_DEPTH, &problem);
  if (root == NULL)
    {
      g_autofree char *text = srm_json_guard_problem_describe (&problem);

      set_error (error, guard_problem_code (problem.kind), name, NULL, text);
      srm_json_guard_problem_clear (&problem);
      return NULL;
    }

  loader_init (&loader, name);
  catalog = read_catalog (&loader, root, origin, builtin);
  if (catalog == NULL)
    {
      g_propagate_error (error, g_steal_pointer (&loader.error));
      return NULL;
    }

  g_debug ("Loaded catalog “%s” from %s", srm_catalog_get_id (catalog), origin);
  return catalog;
}

SrmCatalog *
srm_catalog_new_from_bytes (GBytes      *bytes,
                            const char  *display_name,
                            GError     **error)
{
  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (display_name == NULL)
    display_name = _("catalog");

  return load_bytes (bytes, display_name, display_name, FALSE, error);
}

/* Reads at most one byte more than a catalog may have: enough to know a file
 * is too large without reading all of a huge (or endless) one. */
static GBytes *
read_bounded (GFile   *file,
              gsize    max_bytes,
              GError **error)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GByteArray) buffer = g_byte_array_new ();
  const gsize chunk = 64 * 1024;

  stream = g_file_read (file, NULL, error);
  if (stream == NULL)
    return NULL;

  while (buffer->len <= max_bytes)
    {
      guint before = buffer->len;
      gssize n;

      g_byte_array_set_size (buffer, before + chunk);
      n = g_input_stream_read (G_INPUT_STREAM (stream), buffer->data + before, chunk, NULL, error);
      if (n < 0)
        return NULL;

      g_byte_array_set_size (buffer, before + (guint) n);
      if (n == 0)
        break;
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&buffer));
}

SrmCatalog *
srm_catalog_new_from_file (GFile   *file,
                           GError **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) read_error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *origin = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* File names need not be UTF-8; messages must be. */
  if (g_file_peek_path (file) != NULL)
    name = g_filename_display_basename (g_file_peek_path (file));
  else
    name = g_file_get_parse_name (file);
  origin = g_file_get_path (file);
  if (origin == NULL)
    origin = g_file_get_uri (file);

  bytes = read_bounded (file, SRM_CATALOG_MAX_BYTES, &read_error);
  if (bytes == NULL)
    {
      g_autofree char *problem = NULL;

      /* Translators: %s is the system's reason, e.g. "No such file or directory" */
      problem = g_strdup_printf (_("cannot read the file: %s"), read_error->message);
      set_error (error, SRM_CATALOG_ERROR_READ, name, NULL, problem);
      return NULL;
    }

  return load_bytes (bytes, name, origin, FALSE, error);
}

SrmCatalog *
srm_catalog_new_from_resource (const char  *resource_path,
                               GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) read_error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *origin = NULL;

  g_return_val_if_fail (resource_path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  _srm_catalog_resources_ensure ();

  name = g_path_get_basename (resource_path);
  origin = g_strconcat ("resource://", resource_path, NULL);

  bytes = g_resources_lookup_data (resource_path, G_RESOURCE_LOOKUP_FLAGS_NONE, &read_error);
  if (bytes == NULL)
    {
      g_autofree char *problem = NULL;

      problem = g_strdup_printf (_("cannot read the file: %s"), read_error->message);
      set_error (error, SRM_CATALOG_ERROR_READ, name, NULL, problem);
      return NULL;
    }

  return load_bytes (bytes, name, origin, TRUE, error);
}
