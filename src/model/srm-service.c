/* srm-service.c: a concrete cloud service (App Service, AKS …), its model and
 * duties.
 *
 * A service inherits its owners from its model's column; overrides record only
 * the cells a source documents as different, so the catalog stays the single
 * place where the column itself is defined.
 */
#include "config.h"

#include "srm-service.h"
#include "srm-duty.h"
#include "srm-model-private.h"

struct _SrmService
{
  GObject parent_instance;

  char *id;
  char *name;
  char *category;
  char *model_id;
  char *model_label;
  char *notes;
  GStrv sources;
  GListStore *duties;

  /* layer id → GINT_TO_POINTER (owner + 1) */
  GHashTable *overrides;
  /* NULL-terminated layer ids, in the order they were added */
  GPtrArray *override_layers;
};

G_DEFINE_FINAL_TYPE (SrmService, srm_service, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_CATEGORY,
  PROP_MODEL_ID,
  PROP_MODEL_LABEL,
  PROP_NOTES,
  PROP_SOURCES,
  PROP_DUTIES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
srm_service_dispose (GObject *object)
{
  SrmService *self = SRM_SERVICE (object);

  g_clear_object (&self->duties);

  G_OBJECT_CLASS (srm_service_parent_class)->dispose (object);
}

static void
srm_service_finalize (GObject *object)
{
  SrmService *self = SRM_SERVICE (object);

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->category, g_free);
  g_clear_pointer (&self->model_id, g_free);
  g_clear_pointer (&self->model_label, g_free);
  g_clear_pointer (&self->notes, g_free);
  g_clear_pointer (&self->sources, g_strfreev);
  g_clear_pointer (&self->overrides, g_hash_table_unref);
  g_clear_pointer (&self->override_layers, g_ptr_array_unref);

  G_OBJECT_CLASS (srm_service_parent_class)->finalize (object);
}

static void
srm_service_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  SrmService *self = SRM_SERVICE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_CATEGORY:
      g_value_set_string (value, self->category);
      break;
    case PROP_MODEL_ID:
      g_value_set_string (value, self->model_id);
      break;
    case PROP_MODEL_LABEL:
      g_value_set_string (value, self->model_label);
      break;
    case PROP_NOTES:
      g_value_set_string (value, self->notes);
      break;
    case PROP_SOURCES:
      g_value_set_boxed (value, self->sources);
      break;
    case PROP_DUTIES:
      g_value_set_object (value, self->duties);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
srm_service_class_init (SrmServiceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = srm_service_dispose;
  object_class->finalize = srm_service_finalize;
  object_class->get_property = srm_service_get_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_CATEGORY] =
    g_param_spec_string ("category", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_MODEL_ID] =
    g_param_spec_string ("model-id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_MODEL_LABEL] =
    g_param_spec_string ("model-label", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_NOTES] =
    g_param_spec_string ("notes", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SOURCES] =
    g_param_spec_boxed ("sources", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_DUTIES] =
    g_param_spec_object ("duties", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
srm_service_init (SrmService *self)
{
  self->overrides = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->override_layers = g_ptr_array_new_null_terminated (1, g_free, TRUE);
}

SrmService *
_srm_service_new (const char *id,
                  const char *name,
                  const char *category,
                  const char *model_id,
                  const char *model_label,
                  const char *notes,
                  GStrv       sources,
                  GListStore *duties)
{
  SrmService *self;

  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (category != NULL, NULL);
  g_return_val_if_fail (model_id != NULL, NULL);
  g_return_val_if_fail (duties == NULL || G_IS_LIST_STORE (duties), NULL);

  self = g_object_new (SRM_TYPE_SERVICE, NULL);
  self->id = g_strdup (id);
  self->name = g_strdup (name);
  self->category = g_strdup (category);
  self->model_id = g_strdup (model_id);
  self->model_label = g_strdup (model_label);
  self->notes = g_strdup (notes);
  self->sources = sources != NULL ? sources : g_new0 (char *, 1);
  self->duties = duties != NULL ? duties : g_list_store_new (SRM_TYPE_DUTY);

  return self;
}

void
_srm_service_add_override (SrmService *self,
                           const char *layer_id,
                           SrmOwner    owner)
{
  g_return_if_fail (SRM_IS_SERVICE (self));
  g_return_if_fail (layer_id != NULL);

  if (!g_hash_table_contains (self->overrides, layer_id))
    g_ptr_array_add (self->override_layers, g_strdup (layer_id));
  g_hash_table_replace (self->overrides, g_strdup (layer_id), GINT_TO_POINTER (owner + 1));
}

const char *
srm_service_get_id (SrmService *self)
{
  g_return_val_if_fail (SRM_IS_SERVICE (self), NULL);

  return self->id;
}

const char *
srm_service_get_name (SrmService *self)
{
  g_return_val_if_fail (SRM_IS_SERVICE (self), NULL);

  return self->name;
}

const char *
srm_service_get_category (SrmService *self)
{
  g_return_val_if_fail (SRM_IS_SERVICE (self), NULL);

  return self->category;
}

const char *
srm_service_get_model_id (SrmService *self)
{
  g_return_val_if_fail (SRM_IS_SERVICE (self), NULL);

  return self->model_id;
}

const char *
srm_service_get_model_label (SrmService *self)
{
  g_return_val_if_fail (SRM_IS_SERVICE (self), NULL);

  return self->model_label;
}

const char *
srm_service_get_notes (SrmService *self)
{
  g_return_val_if_fail (SRM_IS_SERVICE (self), NULL);

  return self->notes;
}

const char * const *
srm_service_get_sources (SrmService *self)
{
  g_return_val_if_fail (SRM_IS_SERVICE (self), NULL);

  return (const char * const *) self->sources;
}

GListModel *
srm_service_get_duties (SrmService *self)
{
  g_return_val_if_fail (SRM_IS_SERVICE (self), NULL);

  return G_LIST_MODEL (self->duties);
}

gboolean
srm_service_get_override (SrmService *self,
                          const char *layer_id,
                          SrmOwner   *owner)
{
  gpointer cell;

  g_return_val_if_fail (SRM_IS_SERVICE (self), FALSE);

  if (layer_id == NULL)
    return FALSE;

  cell = g_hash_table_lookup (self->overrides, layer_id);
  if (cell == NULL)
    return FALSE;

  if (owner != NULL)
    *owner = (SrmOwner) (GPOINTER_TO_INT (cell) - 1);
  return TRUE;
}

const char * const *
srm_service_get_override_layers (SrmService *self)
{
  static const char * const none[] = { NULL };

  g_return_val_if_fail (SRM_IS_SERVICE (self), NULL);

  /* An empty GPtrArray may have no buffer at all, even a NULL-terminated one. */
  if (self->override_layers->pdata == NULL)
    return none;

  return (const char * const *) self->override_layers->pdata;
}
