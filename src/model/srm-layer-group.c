/* srm-layer-group.c: a band of layers ("always retained by the customer", …).
 *
 * Groups only label consecutive rows; the owners live on the layers.
 */
#include "config.h"

#include "srm-layer-group.h"
#include "srm-model-private.h"

struct _SrmLayerGroup
{
  GObject parent_instance;

  char *id;
  char *name;
  char *short_name;
  char *description;
};

G_DEFINE_FINAL_TYPE (SrmLayerGroup, srm_layer_group, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_SHORT_NAME,
  PROP_DESCRIPTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
srm_layer_group_finalize (GObject *object)
{
  SrmLayerGroup *self = SRM_LAYER_GROUP (object);

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->short_name, g_free);
  g_clear_pointer (&self->description, g_free);

  G_OBJECT_CLASS (srm_layer_group_parent_class)->finalize (object);
}

static void
srm_layer_group_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  SrmLayerGroup *self = SRM_LAYER_GROUP (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_SHORT_NAME:
      g_value_set_string (value, srm_layer_group_get_short_name (self));
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
srm_layer_group_class_init (SrmLayerGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = srm_layer_group_finalize;
  object_class->get_property = srm_layer_group_get_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SHORT_NAME] =
    g_param_spec_string ("short-name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
srm_layer_group_init (SrmLayerGroup *self)
{
}

SrmLayerGroup *
_srm_layer_group_new (const char *id,
                      const char *name,
                      const char *short_name,
                      const char *description)
{
  SrmLayerGroup *self;

  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  self = g_object_new (SRM_TYPE_LAYER_GROUP, NULL);
  self->id = g_strdup (id);
  self->name = g_strdup (name);
  self->short_name = g_strdup (short_name);
  self->description = g_strdup (description);

  return self;
}

const char *
srm_layer_group_get_id (SrmLayerGroup *self)
{
  g_return_val_if_fail (SRM_IS_LAYER_GROUP (self), NULL);

  return self->id;
}

const char *
srm_layer_group_get_name (SrmLayerGroup *self)
{
  g_return_val_if_fail (SRM_IS_LAYER_GROUP (self), NULL);

  return self->name;
}

const char *
srm_layer_group_get_short_name (SrmLayerGroup *self)
{
  g_return_val_if_fail (SRM_IS_LAYER_GROUP (self), NULL);

  return self->short_name != NULL ? self->short_name : self->name;
}

const char *
srm_layer_group_get_description (SrmLayerGroup *self)
{
  g_return_val_if_fail (SRM_IS_LAYER_GROUP (self), NULL);

  return self->description;
}
