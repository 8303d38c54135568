/* srm-duty.c: one thing the customer must do for a service, on one layer.
 *
 * Assessments store answers by duty id, so the id is the duty's identity; the
 * text may be reworded between catalog versions.
 */
#include "config.h"

#include "srm-duty.h"
#include "srm-model-private.h"

struct _SrmDuty
{
  GObject parent_instance;

  char *id;
  char *service_id;
  char *layer_id;
  char *text;
  GStrv mcsb;
  GStrv sources;
};

G_DEFINE_FINAL_TYPE (SrmDuty, srm_duty, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_SERVICE_ID,
  PROP_LAYER_ID,
  PROP_TEXT,
  PROP_MCSB,
  PROP_SOURCES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
srm_duty_finalize (GObject *object)
{
  SrmDuty *self = SRM_DUTY (object);

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->service_id, g_free);
  g_clear_pointer (&self->layer_id, g_free);
  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->mcsb, g_strfreev);
  g_clear_pointer (&self->sources, g_strfreev);

  G_OBJECT_CLASS (srm_duty_parent_class)->finalize (object);
}

static void
srm_duty_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  SrmDuty *self = SRM_DUTY (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_SERVICE_ID:
      g_value_set_string (value, self->service_id);
      break;
    case PROP_LAYER_ID:
      g_value_set_string (value, self->layer_id);
      break;
    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;
    case PROP_MCSB:
      g_value_set_boxed (value, self->mcsb);
      break;
    case PROP_SOURCES:
      g_value_set_boxed (value, self->sources);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
srm_duty_class_init (SrmDutyClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = srm_duty_finalize;
  object_class->get_property = srm_duty_get_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SERVICE_ID] =
    g_param_spec_string ("service-id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_LAYER_ID] =
    g_param_spec_string ("layer-id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_MCSB] =
    g_param_spec_boxed ("mcsb", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SOURCES] =
    g_param_spec_boxed ("sources", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
srm_duty_init (SrmDuty *self)
{
}

SrmDuty *
_srm_duty_new (const char *id,
               const char *service_id,
               const char *layer_id,
               const char *text,
               GStrv       mcsb,
               GStrv       sources)
{
  SrmDuty *self;

  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (service_id != NULL, NULL);
  g_return_val_if_fail (layer_id != NULL, NULL);
  g_return_val_if_fail (text != NULL, NULL);

  self = g_object_new (SRM_TYPE_DUTY, NULL);
  self->id = g_strdup (id);
  self->service_id = g_strdup (service_id);
  self->layer_id = g_strdup (layer_id);
  self->text = g_strdup (text);
  self->mcsb = mcsb != NULL ? mcsb : g_new0 (char *, 1);
  self->sources = sources != NULL ? sources : g_new0 (char *, 1);

  return self;
}

const char *
srm_duty_get_id (SrmDuty *self)
{
  g_return_val_if_fail (SRM_IS_DUTY (self), NULL);

  return self->id;
}

const char *
srm_duty_get_service_id (SrmDuty *self)
{
  g_return_val_if_fail (SRM_IS_DUTY (self), NULL);

  return self->service_id;
}

const char *
srm_duty_get_layer_id (SrmDuty *self)
{
  g_return_val_if_fail (SRM_IS_DUTY (self), NULL);

  return self->layer_id;
}

const char *
srm_duty_get_text (SrmDuty *self)
{
  g_return_val_if_fail (SRM_IS_DUTY (self), NULL);

  return self->text;
}

const char * const *
srm_duty_get_mcsb (SrmDuty *self)
{
  g_return_val_if_fail (SRM_IS_DUTY (self), NULL);

  return (const char * const *) self->mcsb;
}

const char * const *
srm_duty_get_sources (SrmDuty *self)
{
  g_return_val_if_fail (SRM_IS_DUTY (self), NULL);

  return (const char * const *) self->sources;
}
