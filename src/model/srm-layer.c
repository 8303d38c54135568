/* srm-layer.c: a row of the matrix (e.g. "Operating system") and its owner in
 * each model.
 *
 * Cells are keyed by model id rather than column position so a layer can answer
 * on its own, without the catalog's list of models.
 */
#include "config.h"

#include "srm-layer.h"
#include "srm-model-private.h"

struct _SrmLayer
{
  GObject parent_instance;

  char *id;
  char *name;
  char *group_id;
  char *description;
  char *maps_to;
  GStrv sources;
  guint index;

  /* model id → GINT_TO_POINTER (owner + 1), so 0 (NULL) means "no cell" */
  GHashTable *owners;
  /* model id → note */
  GHashTable *cell_notes;
};

G_DEFINE_FINAL_TYPE (SrmLayer, srm_layer, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_GROUP_ID,
  PROP_DESCRIPTION,
  PROP_INDEX,
  PROP_MAPS_TO,
  PROP_SOURCES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
srm_layer_finalize (GObject *object)
{
  SrmLayer *self = SRM_LAYER (object);

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->group_id, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->maps_to, g_free);
  g_clear_pointer (&self->sources, g_strfreev);
  g_clear_pointer (&self->owners, g_hash_table_unref);
  g_clear_pointer (&self->cell_notes, g_hash_table_unref);

  G_OBJECT_CLASS (srm_layer_parent_class)->finalize (object);
}

static void
srm_layer_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  SrmLayer *self = SRM_LAYER (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_GROUP_ID:
      g_value_set_string (value, self->group_id);
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;
    case PROP_INDEX:
      g_value_set_uint (value, self->index);
      break;
    case PROP_MAPS_TO:
      g_value_set_string (value, self->maps_to);
      break;
    case PROP_SOURCES:
      g_value_set_boxed (value, self->sources);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
srm_layer_class_init (SrmLayerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = srm_layer_finalize;
  object_class->get_property = srm_layer_get_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_GROUP_ID] =
    g_param_spec_string ("group-id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_INDEX] =
    g_param_spec_uint ("index", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_MAPS_TO] =
    g_param_spec_string ("maps-to", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SOURCES] =
    g_param_spec_boxed ("sources", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
srm_layer_init (SrmLayer *self)
{
  self->owners = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->cell_notes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

SrmLayer *
_srm_layer_new (const char *id,
                const char *name,
                const char *group_id,
                const char *description,
                guint       index,
                const char *maps_to,
                GStrv       sources)
{
  SrmLayer *self;

  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  self = g_object_new (SRM_TYPE_LAYER, NULL);
  self->id = g_strdup (id);
  self->name = g_strdup (name);
  self->group_id = g_strdup (group_id);
  self->description = g_strdup (description);
  self->index = index;
  self->maps_to = g_strdup (maps_to);
  self->sources = sources != NULL ? sources : g_new0 (char *, 1);

  return self;
}

void
_srm_layer_set_owner (SrmLayer   *self,
                      const char *model_id,
                      SrmOwner    owner)
{
  g_return_if_fail (SRM_IS_LAYER (self));
  g_return_if_fail (model_id != NULL);

  g_hash_table_replace (self->owners, g_strdup (model_id), GINT_TO_POINTER (owner + 1));
}

void
_srm_layer_set_cell_note (SrmLayer   *self,
                          const char *model_id,
                          const char *note)
{
  g_return_if_fail (SRM_IS_LAYER (self));
  g_return_if_fail (model_id != NULL);
  g_return_if_fail (note != NULL);

  g_hash_table_replace (self->cell_notes, g_strdup (model_id), g_strdup (note));
}

const char *
srm_layer_get_id (SrmLayer *self)
{
  g_return_val_if_fail (SRM_IS_LAYER (self), NULL);

  return self->id;
}

const char *
srm_layer_get_name (SrmLayer *self)
{
  g_return_val_if_fail (SRM_IS_LAYER (self), NULL);

  return self->name;
}

const char *
srm_layer_get_group_id (SrmLayer *self)
{
  g_return_val_if_fail (SRM_IS_LAYER (self), NULL);

  return self->group_id;
}

const char *
srm_layer_get_description (SrmLayer *self)
{
  g_return_val_if_fail (SRM_IS_LAYER (self), NULL);

  return self->description;
}

guint
srm_layer_get_index (SrmLayer *self)
{
  g_return_val_if_fail (SRM_IS_LAYER (self), 0);

  return self->index;
}

gboolean
srm_layer_get_owner (SrmLayer   *self,
                     const char *model_id,
                     SrmOwner   *owner)
{
  gpointer cell;

  g_return_val_if_fail (SRM_IS_LAYER (self), FALSE);

  if (model_id == NULL)
    return FALSE;

  cell = g_hash_table_lookup (self->owners, model_id);
  if (cell == NULL)
    return FALSE;

  if (owner != NULL)
    *owner = (SrmOwner) (GPOINTER_TO_INT (cell) - 1);
  return TRUE;
}

const char *
srm_layer_get_cell_note (SrmLayer   *self,
                         const char *model_id)
{
  g_return_val_if_fail (SRM_IS_LAYER (self), NULL);

  if (model_id == NULL)
    return NULL;

  return g_hash_table_lookup (self->cell_notes, model_id);
}

const char *
srm_layer_get_maps_to (SrmLayer *self)
{
  g_return_val_if_fail (SRM_IS_LAYER (self), NULL);

  return self->maps_to;
}

const char * const *
srm_layer_get_sources (SrmLayer *self)
{
  g_return_val_if_fail (SRM_IS_LAYER (self), NULL);

  return (const char * const *) self->sources;
}
