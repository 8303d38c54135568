/* srm-service-model.c: a column of the matrix: On-premises, IaaS, PaaS or SaaS.
 *
 * The index is kept so views can place a column without searching the list.
 */
#include "config.h"

#include "srm-service-model.h"
#include "srm-model-private.h"

struct _SrmServiceModel
{
  GObject parent_instance;

  char *id;
  char *name;
  char *short_name;
  char *description;
  guint index;
};

G_DEFINE_FINAL_TYPE (SrmServiceModel, srm_service_model, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_SHORT_NAME,
  PROP_DESCRIPTION,
  PROP_INDEX,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
srm_service_model_finalize (GObject *object)
{
  SrmServiceModel *self = SRM_SERVICE_MODEL (object);

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->short_name, g_free);
  g_clear_pointer (&self->description, g_free);

  G_OBJECT_CLASS (srm_service_model_parent_class)->finalize (object);
}

static void
srm_service_model_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  SrmServiceModel *self = SRM_SERVICE_MODEL (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_SHORT_NAME:
      g_value_set_string (value, srm_service_model_get_short_name (self));
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;
    case PROP_INDEX:
      g_value_set_uint (value, self->index);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
srm_service_model_class_init (SrmServiceModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = srm_service_model_finalize;
  object_class->get_property = srm_service_model_get_property;

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
  properties[PROP_INDEX] =
    g_param_spec_uint ("index", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
srm_service_model_init (SrmServiceModel *self)
{
}

SrmServiceModel *
_srm_service_model_new (const char *id,
                        const char *name,
                        const char *short_name,
                        const char *description,
                        guint       index)
{
  SrmServiceModel *self;

  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  self = g_object_new (SRM_TYPE_SERVICE_MODEL, NULL);
  self->id = g_strdup (id);
  self->name = g_strdup (name);
  self->short_name = g_strdup (short_name);
  self->description = g_strdup (description);
  self->index = index;

  return self;
}

const char *
srm_service_model_get_id (SrmServiceModel *self)
{
  g_return_val_if_fail (SRM_IS_SERVICE_MODEL (self), NULL);

  return self->id;
}

const char *
srm_service_model_get_name (SrmServiceModel *self)
{
  g_return_val_if_fail (SRM_IS_SERVICE_MODEL (self), NULL);

  return self->name;
}

const char *
srm_service_model_get_short_name (SrmServiceModel *self)
{
  g_return_val_if_fail (SRM_IS_SERVICE_MODEL (self), NULL);

  return self->short_name != NULL ? self->short_name : self->name;
}

const char *
srm_service_model_get_description (SrmServiceModel *self)
{
  g_return_val_if_fail (SRM_IS_SERVICE_MODEL (self), NULL);

  return self->description;
}

guint
srm_service_model_get_index (SrmServiceModel *self)
{
  g_return_val_if_fail (SRM_IS_SERVICE_MODEL (self), 0);

  return self->index;
}
