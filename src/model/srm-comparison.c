/* srm-comparison.c: two columns, two services or two catalogs side by side.
 *
 * For two catalogs, rows are matched through "maps_to" (a row of one names the
 * row of the other it stands for), in either direction; rows without maps_to
 * on both sides match by equal id. Only columns both catalogs have (same model
 * id) are compared, cell by cell. A row found in one catalog only is one
 * difference, whatever its columns: it is the row that differs, not its cells.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "srm-comparison.h"
#include "srm-comparison-private.h"

struct _SrmComparison
{
  GObject parent_instance;

  SrmComparisonKind kind;
  SrmCatalog *left_catalog;
  SrmCatalog *right_catalog;
  char *left_id;
  char *right_id;
  char *left_title;
  char *right_title;
  GListStore *rows;
  GListStore *differences;
};

G_DEFINE_FINAL_TYPE (SrmComparison, srm_comparison, G_TYPE_OBJECT)

G_DEFINE_QUARK (srm-comparison-error-quark, srm_comparison_error)

static void
srm_comparison_dispose (GObject *object)
{
  SrmComparison *self = SRM_COMPARISON (object);

  g_clear_object (&self->left_catalog);
  g_clear_object (&self->right_catalog);
  g_clear_object (&self->rows);
  g_clear_object (&self->differences);

  G_OBJECT_CLASS (srm_comparison_parent_class)->dispose (object);
}

static void
srm_comparison_finalize (GObject *object)
{
  SrmComparison *self = SRM_COMPARISON (object);

  g_clear_pointer (&self->left_id, g_free);
  g_clear_pointer (&self->right_id, g_free);
  g_clear_pointer (&self->left_title, g_free);
  g_clear_pointer (&self->right_title, g_free);

  G_OBJECT_CLASS (srm_comparison_parent_class)->finalize (object);
}

static void
srm_comparison_class_init (SrmComparisonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = srm_comparison_dispose;
  object_class->finalize = srm_comparison_finalize;
}

static void
srm_comparison_init (SrmComparison *self)
{
  self->rows = g_list_store_new (SRM_TYPE_COMPARISON_ROW);
  self->differences = g_list_store_new (SRM_TYPE_COMPARISON_ROW);
}

static SrmComparison *
comparison_new (SrmComparisonKind  kind,
                SrmCatalog        *left_catalog,
                SrmCatalog        *right_catalog,
                const char        *left_id,
                const char        *right_id,
                const char        *left_title,
                const char        *right_title)
{
  SrmComparison *self = g_object_new (SRM_TYPE_COMPARISON, NULL);

  self->kind = kind;
  self->left_catalog = g_object_ref (left_catalog);
  self->right_catalog = g_object_ref (right_catalog);
  self->left_id = g_strdup (left_id);
  self->right_id = g_strdup (right_id);
  self->left_title = g_strdup (left_title);
  self->right_title = g_strdup (right_title);
  return self;
}

static void
add_row (SrmComparison *self,
         SrmLayer      *left_layer,
         SrmOwner       left_owner,
         SrmLayer      *right_layer,
         SrmOwner       right_owner,
         const char    *model_id)
{
  g_autoptr(SrmComparisonRow) row = NULL;

  row = _srm_comparison_row_new (left_layer, left_owner, right_layer, right_owner, model_id);
  g_list_store_append (self->rows, row);
  if (srm_comparison_row_get_difference (row) != SRM_DIFFERENCE_SAME)
    g_list_store_append (self->differences, row);
}

/* Catalog lists hold their items as long as the catalog lives. */
static gpointer
borrow_item (GListModel *list,
             guint       index)
{
  g_autoptr(GObject) item = g_list_model_get_item (list, index);

  return item;
}

SrmComparison *
srm_comparison_new_models (SrmCatalog *catalog,
                           const char *left_model_id,
                           const char *right_model_id)
{
  SrmComparison *self;
  SrmServiceModel *left, *right;
  GListModel *layers;

  g_return_val_if_fail (SRM_IS_CATALOG (catalog), NULL);
  left = srm_catalog_lookup_model (catalog, left_model_id);
  right = srm_catalog_lookup_model (catalog, right_model_id);
  g_return_val_if_fail (left != NULL && right != NULL, NULL);

  self = comparison_new (SRM_COMPARISON_MODELS, catalog, catalog, left_model_id, right_model_id,
                         srm_service_model_get_short_name (left),
                         srm_service_model_get_short_name (right));

  layers = srm_catalog_get_layers (catalog);
  for (guint i = 0; i < g_list_model_get_n_items (layers); i++)
    {
      SrmLayer *layer = borrow_item (layers, i);
      SrmOwner a = SRM_OWNER_CUSTOMER, b = SRM_OWNER_CUSTOMER;

      srm_layer_get_owner (layer, left_model_id, &a);
      srm_layer_get_owner (layer, right_model_id, &b);
      add_row (self, layer, a, layer, b, NULL);
    }

  return self;
}

SrmComparison *
srm_comparison_new_services (SrmCatalog *catalog,
                             const char *left_service_id,
                             const char *right_service_id)
{
  SrmComparison *self;
  SrmService *left, *right;
  GListModel *layers;

  g_return_val_if_fail (SRM_IS_CATALOG (catalog), NULL);
  left = srm_catalog_lookup_service (catalog, left_service_id);
  right = srm_catalog_lookup_service (catalog, right_service_id);
  g_return_val_if_fail (left != NULL && right != NULL, NULL);

  self = comparison_new (SRM_COMPARISON_SERVICES, catalog, catalog,
                         left_service_id, right_service_id,
                         srm_service_get_name (left), srm_service_get_name (right));

  layers = srm_catalog_get_layers (catalog);
  for (guint i = 0; i < g_list_model_get_n_items (layers); i++)
    {
      SrmLayer *layer = borrow_item (layers, i);
      SrmOwner a = SRM_OWNER_CUSTOMER, b = SRM_OWNER_CUSTOMER;

      srm_catalog_get_service_owner (catalog, left_service_id, srm_layer_get_id (layer), &a);
      srm_catalog_get_service_owner (catalog, right_service_id, srm_layer_get_id (layer), &b);
      add_row (self, layer, a, layer, b, NULL);
    }

  return self;
}

static gboolean
layers_match (SrmLayer *left,
              SrmLayer *right)
{
  const char *left_maps = srm_layer_get_maps_to (left);
  const char *right_maps = srm_layer_get_maps_to (right);

  if (right_maps != NULL || left_maps != NULL)
    return g_strcmp0 (right_maps, srm_layer_get_id (left)) == 0 ||
           g_strcmp0 (left_maps, srm_layer_get_id (right)) == 0;
  return strcmp (srm_layer_get_id (left), srm_layer_get_id (right)) == 0;
}

static void
add_right_only (SrmComparison *self,
                GListModel    *right_layers,
                SrmLayer     **match_of_right,
                guint         *next_right)
{
  /* The rows of the right table that have no match and follow the last one
   * placed: they go where they stand in their own table. */
  while (*next_right < g_list_model_get_n_items (right_layers) && match_of_right[*next_right] == NULL)
    {
      add_row (self, NULL, SRM_OWNER_CUSTOMER, borrow_item (right_layers, *next_right),
               SRM_OWNER_CUSTOMER, NULL);
      (*next_right)++;
    }
}

SrmComparison *
srm_comparison_new_catalogs (SrmCatalog *left,
                             SrmCatalog *right)
{
  SrmComparison *self;
  GListModel *left_layers, *right_layers, *left_models;
  g_autofree SrmLayer **match_of_left = NULL;
  g_autofree SrmLayer **match_of_right = NULL;
  g_autoptr(GPtrArray) common = g_ptr_array_new ();
  guint n_left, n_right, next_right = 0;

  g_return_val_if_fail (SRM_IS_CATALOG (left), NULL);
  g_return_val_if_fail (SRM_IS_CATALOG (right), NULL);

  self = comparison_new (SRM_COMPARISON_CATALOGS, left, right,
                         srm_catalog_get_id (left), srm_catalog_get_id (right),
                         srm_catalog_get_title (left), srm_catalog_get_title (right));

  left_layers = srm_catalog_get_layers (left);
  right_layers = srm_catalog_get_layers (right);
  n_left = g_list_model_get_n_items (left_layers);
  n_right = g_list_model_get_n_items (right_layers);
  match_of_left = g_new0 (SrmLayer *, n_left + 1);
  match_of_right = g_new0 (SrmLayer *, n_right + 1);

  /* First match wins: a row counts once on each side. */
  for (guint i = 0; i < n_left; i++)
    {
      SrmLayer *l = borrow_item (left_layers, i);

      for (guint j = 0; j < n_right; j++)
        {
          SrmLayer *r = borrow_item (right_layers, j);

          if (match_of_right[j] == NULL && layers_match (l, r))
            {
              match_of_left[i] = r;
              match_of_right[j] = l;
              break;
            }
        }
    }

  left_models = srm_catalog_get_models (left);
  for (guint m = 0; m < g_list_model_get_n_items (left_models); m++)
    {
      const char *model_id = srm_service_model_get_id (borrow_item (left_models, m));

      if (srm_catalog_lookup_model (right, model_id) != NULL)
        g_ptr_array_add (common, (gpointer) model_id);
    }

  add_right_only (self, right_layers, match_of_right, &next_right);

  for (guint i = 0; i < n_left; i++)
    {
      SrmLayer *l = borrow_item (left_layers, i);
      SrmLayer *r = match_of_left[i];

      if (r == NULL)
        {
          add_row (self, l, SRM_OWNER_CUSTOMER, NULL, SRM_OWNER_CUSTOMER, NULL);
          continue;
        }

      for (guint m = 0; m < common->len; m++)
        {
          const char *model_id = g_ptr_array_index (common, m);
          SrmOwner a = SRM_OWNER_CUSTOMER, b = SRM_OWNER_CUSTOMER;

          srm_layer_get_owner (l, model_id, &a);
          srm_layer_get_owner (r, model_id, &b);
          add_row (self, l, a, r, b, model_id);
        }

      next_right = srm_layer_get_index (r) + 1;
      add_right_only (self, right_layers, match_of_right, &next_right);
    }

  return self;
}

/* ---- "A,B" ---- */

typedef enum {
  TOKEN_MODEL = 1 << 0,
  TOKEN_SERVICE = 1 << 1,
  TOKEN_CATALOG = 1 << 2,
} TokenKinds;

static TokenKinds
token_kinds (SrmCatalogRegistry *registry,
             SrmCatalog         *catalog,
             const char         *token)
{
  TokenKinds kinds = 0;

  if (catalog != NULL && srm_catalog_lookup_model (catalog, token) != NULL)
    kinds |= TOKEN_MODEL;
  if (catalog != NULL && srm_catalog_lookup_service (catalog, token) != NULL)
    kinds |= TOKEN_SERVICE;
  if (srm_catalog_registry_lookup (registry, token) != NULL)
    kinds |= TOKEN_CATALOG;
  return kinds;
}

static const char *
describe_kind (TokenKinds kinds)
{
  if (kinds & TOKEN_MODEL)
    return _("a service model");
  if (kinds & TOKEN_SERVICE)
    return _("a service");
  return _("a catalog");
}

SrmComparison *
srm_comparison_new_from_spec (SrmCatalogRegistry  *registry,
                              const char          *spec,
                              const char          *catalog_id,
                              GError             **error)
{
  g_auto(GStrv) tokens = NULL;
  SrmCatalog *catalog;
  TokenKinds kinds[2], both;

  g_return_val_if_fail (SRM_IS_CATALOG_REGISTRY (registry), NULL);
  g_return_val_if_fail (spec != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  tokens = g_strsplit (spec, ",", -1);
  if (g_strv_length (tokens) != 2)
    {
      g_set_error (error, SRM_COMPARISON_ERROR, SRM_COMPARISON_ERROR_INVALID_SPEC,
                   _("“%s” is not two ids separated by a comma, e.g. iaas,paas or aks,app-service"),
                   spec);
      return NULL;
    }
  for (guint i = 0; i < 2; i++)
    {
      g_strstrip (tokens[i]);
      if (*tokens[i] == '\0')
        {
          g_set_error (error, SRM_COMPARISON_ERROR, SRM_COMPARISON_ERROR_INVALID_SPEC,
                       _("“%s” is not two ids separated by a comma, e.g. iaas,paas or aks,app-service"),
                       spec);
          return NULL;
        }
    }
  if (strcmp (tokens[0], tokens[1]) == 0)
    {
      g_set_error (error, SRM_COMPARISON_ERROR, SRM_COMPARISON_ERROR_INVALID_SPEC,
                   _("“%s” would be compared with itself"), tokens[0]);
      return NULL;
    }

  if (catalog_id == NULL)
    catalog_id = SRM_DEFAULT_CATALOG_ID;
  catalog = srm_catalog_registry_lookup (registry, catalog_id);
  if (catalog == NULL)
    {
      g_set_error (error, SRM_COMPARISON_ERROR, SRM_COMPARISON_ERROR_UNKNOWN_CATALOG,
                   _("unknown catalog “%s”"), catalog_id);
      return NULL;
    }

  for (guint i = 0; i < 2; i++)
    {
      kinds[i] = token_kinds (registry, catalog, tokens[i]);
      if (kinds[i] == 0)
        {
          g_set_error (error, SRM_COMPARISON_ERROR, SRM_COMPARISON_ERROR_UNKNOWN_ID,
                       /* Translators: a token of the comparison, then a catalog id */
                       _("“%s” is not a service model or a service of the catalog “%s”, nor a catalog"),
                       tokens[i], catalog_id);
          return NULL;
        }
    }

  both = kinds[0] & kinds[1];
  if (both == 0)
    {
      g_set_error (error, SRM_COMPARISON_ERROR, SRM_COMPARISON_ERROR_MIXED_KINDS,
                   /* Translators: "“iaas” is a service model but “aks” is a service; …" */
                   _("“%s” is %s but “%s” is %s; compare two of a kind"),
                   tokens[0], describe_kind (kinds[0]), tokens[1], describe_kind (kinds[1]));
      return NULL;
    }
  if ((both & (both - 1)) != 0)
    {
      const char *token = (kinds[0] & (kinds[0] - 1)) != 0 ? tokens[0] : tokens[1];

      g_set_error (error, SRM_COMPARISON_ERROR, SRM_COMPARISON_ERROR_AMBIGUOUS,
                   _("“%s” names more than one thing (a service model, a service or a catalog); "
                     "“%s,%s” is ambiguous"),
                   token, tokens[0], tokens[1]);
      return NULL;
    }

  if (both == TOKEN_MODEL)
    return srm_comparison_new_models (catalog, tokens[0], tokens[1]);
  if (both == TOKEN_SERVICE)
    return srm_comparison_new_services (catalog, tokens[0], tokens[1]);
  return srm_comparison_new_catalogs (srm_catalog_registry_lookup (registry, tokens[0]),
                                      srm_catalog_registry_lookup (registry, tokens[1]));
}

/* ---- reading it ---- */

SrmComparisonKind
srm_comparison_get_kind (SrmComparison *self)
{
  g_return_val_if_fail (SRM_IS_COMPARISON (self), SRM_COMPARISON_MODELS);

  return self->kind;
}

SrmCatalog *
srm_comparison_get_left_catalog (SrmComparison *self)
{
  g_return_val_if_fail (SRM_IS_COMPARISON (self), NULL);

  return self->left_catalog;
}

SrmCatalog *
srm_comparison_get_right_catalog (SrmComparison *self)
{
  g_return_val_if_fail (SRM_IS_COMPARISON (self), NULL);

  return self->right_catalog;
}

const char *
srm_comparison_get_left_id (SrmComparison *self)
{
  g_return_val_if_fail (SRM_IS_COMPARISON (self), NULL);

  return self->left_id;
}

const char *
srm_comparison_get_right_id (SrmComparison *self)
{
  g_return_val_if_fail (SRM_IS_COMPARISON (self), NULL);

  return self->right_id;
}

const char *
srm_comparison_get_left_title (SrmComparison *self)
{
  g_return_val_if_fail (SRM_IS_COMPARISON (self), NULL);

  return self->left_title;
}

const char *
srm_comparison_get_right_title (SrmComparison *self)
{
  g_return_val_if_fail (SRM_IS_COMPARISON (self), NULL);

  return self->right_title;
}

GListModel *
srm_comparison_get_rows (SrmComparison *self)
{
  g_return_val_if_fail (SRM_IS_COMPARISON (self), NULL);

  return G_LIST_MODEL (self->rows);
}

GListModel *
srm_comparison_get_differences (SrmComparison *self)
{
  g_return_val_if_fail (SRM_IS_COMPARISON (self), NULL);

  return G_LIST_MODEL (self->differences);
}

static const char *
kind_to_string (SrmComparisonKind kind)
{
  switch (kind)
    {
    case SRM_COMPARISON_MODELS:
      return "models";
    case SRM_COMPARISON_SERVICES:
      return "services";
    case SRM_COMPARISON_CATALOGS:
      return "catalogs";
    default:
      g_return_val_if_reached (NULL);
    }
}

static void
add_string_or_null (JsonBuilder *builder,
                    const char  *name,
                    const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

JsonNode *
srm_comparison_to_json (SrmComparison *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  GListModel *differences;
  const char *provider;

  g_return_val_if_fail (SRM_IS_COMPARISON (self), NULL);

  differences = G_LIST_MODEL (self->differences);
  provider = srm_catalog_get_provider_name (self->left_catalog);

  json_builder_begin_object (builder);
  add_string_or_null (builder, "kind", kind_to_string (self->kind));
  if (self->kind != SRM_COMPARISON_CATALOGS)
    add_string_or_null (builder, "catalog", srm_catalog_get_id (self->left_catalog));
  add_string_or_null (builder, "left", self->left_id);
  add_string_or_null (builder, "right", self->right_id);
  json_builder_set_member_name (builder, "differences");
  json_builder_begin_array (builder);

  for (guint i = 0; i < g_list_model_get_n_items (differences); i++)
    {
      SrmComparisonRow *row = borrow_item (differences, i);
      SrmLayer *left = srm_comparison_row_get_left_layer (row);
      SrmLayer *right = srm_comparison_row_get_right_layer (row);
      SrmDifference difference = srm_comparison_row_get_difference (row);
      g_autofree char *text = srm_difference_describe (difference, provider);
      SrmOwner owner;

      json_builder_begin_object (builder);
      add_string_or_null (builder, "left_layer", left ? srm_layer_get_id (left) : NULL);
      add_string_or_null (builder, "left_name", left ? srm_layer_get_name (left) : NULL);
      add_string_or_null (builder, "right_layer", right ? srm_layer_get_id (right) : NULL);
      add_string_or_null (builder, "right_name", right ? srm_layer_get_name (right) : NULL);
      add_string_or_null (builder, "model", srm_comparison_row_get_model_id (row));
      add_string_or_null (builder, "left_owner",
                          srm_comparison_row_get_left_owner (row, &owner) ? srm_owner_to_string (owner) : NULL);
      add_string_or_null (builder, "right_owner",
                          srm_comparison_row_get_right_owner (row, &owner) ? srm_owner_to_string (owner) : NULL);
      add_string_or_null (builder, "difference", srm_difference_to_string (difference));
      add_string_or_null (builder, "text", text);
      json_builder_end_object (builder);
    }

  json_builder_end_array (builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}
