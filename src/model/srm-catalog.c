/* srm-catalog.c: one shared responsibility model (layers × models) with its
 * services.
 *
 * The catalog owns its objects through list stores (the order views show) and
 * indexes them by id in hash tables (what look-ups and assessments need). It is
 * built complete by the loader (srm-catalog-loader.c) and never changes, so no
 * property here ever notifies.
 */
#include "config.h"

#include "srm-catalog.h"
#include "srm-model-private.h"

struct _SrmCatalog
{
  GObject parent_instance;

  char *id;
  char *title;
  char *description;
  char *version;
  char *sources_read;
  char *provider_name;
  char *origin;
  gboolean builtin;
  GStrv matrix_sources;

  GListStore *sources;
  GListStore *groups;
  GListStore *models;
  GListStore *layers;
  GListStore *services;

  /* id → borrowed object; the stores above hold the references */
  GHashTable *source_by_id;
  GHashTable *group_by_id;
  GHashTable *model_by_id;
  GHashTable *layer_by_id;
  GHashTable *service_by_id;
  GHashTable *duty_by_id;
};

G_DEFINE_FINAL_TYPE (SrmCatalog, srm_catalog, G_TYPE_OBJECT)

G_DEFINE_QUARK (srm-catalog-error-quark, srm_catalog_error)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_DESCRIPTION,
  PROP_VERSION,
  PROP_SOURCES_READ,
  PROP_PROVIDER_NAME,
  PROP_ORIGIN,
  PROP_BUILTIN,
  PROP_MATRIX_SOURCES,
  PROP_SOURCES,
  PROP_GROUPS,
  PROP_MODELS,
  PROP_LAYERS,
  PROP_SERVICES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
srm_catalog_dispose (GObject *object)
{
  SrmCatalog *self = SRM_CATALOG (object);

  /* The tables borrow from the stores, so they go first. */
  g_clear_pointer (&self->source_by_id, g_hash_table_unref);
  g_clear_pointer (&self->group_by_id, g_hash_table_unref);
  g_clear_pointer (&self->model_by_id, g_hash_table_unref);
  g_clear_pointer (&self->layer_by_id, g_hash_table_unref);
  g_clear_pointer (&self->service_by_id, g_hash_table_unref);
  g_clear_pointer (&self->duty_by_id, g_hash_table_unref);

  g_clear_object (&self->sources);
  g_clear_object (&self->groups);
  g_clear_object (&self->models);
  g_clear_object (&self->layers);
  g_clear_object (&self->services);

  G_OBJECT_CLASS (srm_catalog_parent_class)->dispose (object);
}

static void
srm_catalog_finalize (GObject *object)
{
  SrmCatalog *self = SRM_CATALOG (object);

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->version, g_free);
  g_clear_pointer (&self->sources_read, g_free);
  g_clear_pointer (&self->provider_name, g_free);
  g_clear_pointer (&self->origin, g_free);
  g_clear_pointer (&self->matrix_sources, g_strfreev);

  G_OBJECT_CLASS (srm_catalog_parent_class)->finalize (object);
}

static void
srm_catalog_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  SrmCatalog *self = SRM_CATALOG (object);

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
    case PROP_VERSION:
      g_value_set_string (value, self->version);
      break;
    case PROP_SOURCES_READ:
      g_value_set_string (value, self->sources_read);
      break;
    case PROP_PROVIDER_NAME:
      g_value_set_string (value, self->provider_name);
      break;
    case PROP_ORIGIN:
      g_value_set_string (value, self->origin);
      break;
    case PROP_BUILTIN:
      g_value_set_boolean (value, self->builtin);
      break;
    case PROP_MATRIX_SOURCES:
      g_value_set_boxed (value, self->matrix_sources);
      break;
    case PROP_SOURCES:
      g_value_set_object (value, self->sources);
      break;
    case PROP_GROUPS:
      g_value_set_object (value, self->groups);
      break;
    case PROP_MODELS:
      g_value_set_object (value, self->models);
      break;
    case PROP_LAYERS:
      g_value_set_object (value, self->layers);
      break;
    case PROP_SERVICES:
      g_value_set_object (value, self->services);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
srm_catalog_class_init (SrmCatalogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->dispose = srm_catalog_dispose;
  object_class->finalize = srm_catalog_finalize;
  object_class->get_property = srm_catalog_get_property;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, flags);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_DESCRIPTION] = g_param_spec_string ("description", NULL, NULL, NULL, flags);
  properties[PROP_VERSION] = g_param_spec_string ("version", NULL, NULL, NULL, flags);
  properties[PROP_SOURCES_READ] = g_param_spec_string ("sources-read", NULL, NULL, NULL, flags);
  properties[PROP_PROVIDER_NAME] = g_param_spec_string ("provider-name", NULL, NULL, NULL, flags);
  properties[PROP_ORIGIN] = g_param_spec_string ("origin", NULL, NULL, NULL, flags);
  properties[PROP_BUILTIN] = g_param_spec_boolean ("builtin", NULL, NULL, FALSE, flags);
  properties[PROP_MATRIX_SOURCES] = g_param_spec_boxed ("matrix-sources", NULL, NULL, G_TYPE_STRV, flags);
  properties[PROP_SOURCES] = g_param_spec_object ("sources", NULL, NULL, G_TYPE_LIST_MODEL, flags);
  properties[PROP_GROUPS] = g_param_spec_object ("groups", NULL, NULL, G_TYPE_LIST_MODEL, flags);
  properties[PROP_MODELS] = g_param_spec_object ("models", NULL, NULL, G_TYPE_LIST_MODEL, flags);
  properties[PROP_LAYERS] = g_param_spec_object ("layers", NULL, NULL, G_TYPE_LIST_MODEL, flags);
  properties[PROP_SERVICES] = g_param_spec_object ("services", NULL, NULL, G_TYPE_LIST_MODEL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
srm_catalog_init (SrmCatalog *self)
{
  self->source_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->group_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->model_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->layer_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->service_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->duty_by_id = g_hash_table_new (g_str_hash, g_str_equal);
}

typedef const char *(*GetIdFunc) (gpointer item);

/* Keys are the objects' own id strings, which live as long as the objects. */
static void
index_store (GHashTable *table,
             GListStore *store,
             GetIdFunc   get_id)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (store));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (store), i);

      g_hash_table_insert (table, (gpointer) get_id (item), item);
    }
}

static GListStore *
take_store (GListStore *store,
            GType       item_type)
{
  return store != NULL ? store : g_list_store_new (item_type);
}

SrmCatalog *
_srm_catalog_new (SrmCatalogContents *contents)
{
  SrmCatalog *self;
  guint n_services;

  g_return_val_if_fail (contents != NULL, NULL);
  g_return_val_if_fail (contents->id != NULL, NULL);

  self = g_object_new (SRM_TYPE_CATALOG, NULL);
  self->id = g_strdup (contents->id);
  self->title = g_strdup (contents->title);
  self->description = g_strdup (contents->description);
  self->version = g_strdup (contents->version);
  self->sources_read = g_strdup (contents->sources_read);
  self->provider_name = g_strdup (contents->provider_name);
  self->origin = g_strdup (contents->origin);
  self->builtin = contents->builtin;
  self->matrix_sources = contents->matrix_sources != NULL ? contents->matrix_sources : g_new0 (char *, 1);

  self->sources = take_store (contents->sources, SRM_TYPE_SOURCE);
  self->groups = take_store (contents->groups, SRM_TYPE_LAYER_GROUP);
  self->models = take_store (contents->models, SRM_TYPE_SERVICE_MODEL);
  self->layers = take_store (contents->layers, SRM_TYPE_LAYER);
  self->services = take_store (contents->services, SRM_TYPE_SERVICE);

  contents->matrix_sources = NULL;
  contents->sources = NULL;
  contents->groups = NULL;
  contents->models = NULL;
  contents->layers = NULL;
  contents->services = NULL;

  index_store (self->source_by_id, self->sources, (GetIdFunc) srm_source_get_id);
  index_store (self->group_by_id, self->groups, (GetIdFunc) srm_layer_group_get_id);
  index_store (self->model_by_id, self->models, (GetIdFunc) srm_service_model_get_id);
  index_store (self->layer_by_id, self->layers, (GetIdFunc) srm_layer_get_id);
  index_store (self->service_by_id, self->services, (GetIdFunc) srm_service_get_id);

  n_services = g_list_model_get_n_items (G_LIST_MODEL (self->services));
  for (guint i = 0; i < n_services; i++)
    {
      g_autoptr(SrmService) service = g_list_model_get_item (G_LIST_MODEL (self->services), i);
      GListModel *duties = srm_service_get_duties (service);

      index_store (self->duty_by_id, G_LIST_STORE (duties), (GetIdFunc) srm_duty_get_id);
    }

  return self;
}

const char *
srm_catalog_get_id (SrmCatalog *self)
{
  g_return_val_if_fail (SRM_IS_CATALOG (self), NULL);

  return self->id;
}

const char *
srm_catalog_get_title (SrmCatalog *self)
{
  g_return_val_if_fail (SRM_IS_CATALOG (self), NULL);

  return self->title;
}

const char *
srm_catalog_get_description (SrmCatalog *self)
{
  g_return_val_if_fail (SRM_IS_CATALOG (self), NULL);

  return self->description;
}

const char *
srm_catalog_get_version (SrmCatalog *self)
{
  g_return_val_if_fail (SRM_IS_CATALOG (self), NULL);

  return self->version;
}

const char *
srm_catalog_get_sources_read (SrmCatalog *self)
{
  g_return_val_if_fail (SRM_IS_CATALOG (self), NULL);

  return self->sources_read;
}

const char *
srm_catalog_get_provider_name (SrmCatalog *self)
{
  g_return_val_if_fail (SRM_IS_CATALOG (self), NULL);

  return self->provider_name;
}

const char *
srm_catalog_get_origin (SrmCatalog *self)
{
  g_return_val_if_fail (SRM_IS_CATALOG (self), NULL);

  return self->origin;
}

gboolean
srm_catalog_get_builtin (SrmCatalog *self)
{
  g_return_val_if_fail (SRM_IS_CATALOG (self), FALSE);

  return self->builtin;
}

const char * const *
srm_catalog_get_matrix_sources (SrmCatalog *self)
{
  g_return_val_if_fail (SRM_IS_CATALOG (self), NULL);

  return (const char * const *) self->matrix_sources;
}

GListModel *
srm_catalog_get_layers (SrmCatalog *self)
{
  g_return_val_if_fail (SRM_IS_CATALOG (self), NULL);

  return G_LIST_MODEL (self->layers);
}

GListModel *
srm_catalog_get_groups (SrmCatalog *self)
{
  g_return_val_if_fail (SRM_IS_CATALOG (self), NULL);

  return G_LIST_MODEL (self->groups);
}

GListModel *
srm_catalog_get_models (SrmCatalog *self)
{
  g_return_val_if_fail (SRM_IS_CATALOG (self), NULL);

  return G_LIST_MODEL (self->models);
}

GListModel *
srm_catalog_get_services (SrmCatalog *self)
{
  g_return_val_if_fail (SRM_IS_CATALOG (self), NULL);

  return G_LIST_MODEL (self->services);
}

GListModel *
srm_catalog_get_sources (SrmCatalog *self)
{
  g_return_val_if_fail (SRM_IS_CATALOG (self), NULL);

  return G_LIST_MODEL (self->sources);
}

/* Unknown ids are a normal question (an assessment from another catalog
 * version), so a NULL id answers NULL instead of failing a precondition. */
static gpointer
lookup (GHashTable *table,
        const char *id)
{
  return id != NULL ? g_hash_table_lookup (table, id) : NULL;
}

SrmLayer *
srm_catalog_lookup_layer (SrmCatalog *self,
                          const char *layer_id)
{
  g_return_val_if_fail (SRM_IS_CATALOG (self), NULL);

  return lookup (self->layer_by_id, layer_id);
}

SrmLayerGroup *
srm_catalog_lookup_group (SrmCatalog *self,
                          const char *group_id)
{
  g_return_val_if_fail (SRM_IS_CATALOG (self), NULL);

  return lookup (self->group_by_id, group_id);
}

SrmServiceModel *
srm_catalog_lookup_model (SrmCatalog *self,
                          const char *model_id)
{
  g_return_val_if_fail (SRM_IS_CATALOG (self), NULL);

  return lookup (self->model_by_id, model_id);
}

SrmService *
srm_catalog_lookup_service (SrmCatalog *self,
                            const char *service_id)
{
  g_return_val_if_fail (SRM_IS_CATALOG (self), NULL);

  return lookup (self->service_by_id, service_id);
}

SrmSource *
srm_catalog_lookup_source (SrmCatalog *self,
                           const char *source_id)
{
  g_return_val_if_fail (SRM_IS_CATALOG (self), NULL);

  return lookup (self->source_by_id, source_id);
}

SrmDuty *
srm_catalog_lookup_duty (SrmCatalog *self,
                         const char *duty_id)
{
  g_return_val_if_fail (SRM_IS_CATALOG (self), NULL);

  return lookup (self->duty_by_id, duty_id);
}

gboolean
srm_catalog_get_owner (SrmCatalog *self,
                       const char *layer_id,
                       const char *model_id,
                       SrmOwner   *owner)
{
  SrmLayer *layer;

  g_return_val_if_fail (SRM_IS_CATALOG (self), FALSE);

  layer = srm_catalog_lookup_layer (self, layer_id);
  if (layer == NULL || srm_catalog_lookup_model (self, model_id) == NULL)
    return FALSE;

  return srm_layer_get_owner (layer, model_id, owner);
}

gboolean
srm_catalog_get_service_owner (SrmCatalog *self,
                               const char *service_id,
                               const char *layer_id,
                               SrmOwner   *owner)
{
  SrmService *service;

  g_return_val_if_fail (SRM_IS_CATALOG (self), FALSE);

  service = srm_catalog_lookup_service (self, service_id);
  if (service == NULL || srm_catalog_lookup_layer (self, layer_id) == NULL)
    return FALSE;

  if (srm_service_get_override (service, layer_id, owner))
    return TRUE;

  return srm_catalog_get_owner (self, layer_id, srm_service_get_model_id (service), owner);
}
