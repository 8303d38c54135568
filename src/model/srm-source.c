/* srm-source.c: a published document that a catalog fact comes from.
 *
 * Every owner and duty in a catalog names at least one of these, so the app can
 * always answer "says who?".
 */
#include "config.h"

#include "srm-source.h"
#include "srm-model-private.h"

struct _SrmSource
{
  GObject parent_instance;

  char *id;
  char *title;
  char *url;
};

G_DEFINE_FINAL_TYPE (SrmSource, srm_source, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_URL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
srm_source_finalize (GObject *object)
{
  SrmSource *self = SRM_SOURCE (object);

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->url, g_free);

  G_OBJECT_CLASS (srm_source_parent_class)->finalize (object);
}

static void
srm_source_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  SrmSource *self = SRM_SOURCE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_URL:
      g_value_set_string (value, self->url);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
srm_source_class_init (SrmSourceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = srm_source_finalize;
  object_class->get_property = srm_source_get_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_URL] =
    g_param_spec_string ("url", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
srm_source_init (SrmSource *self)
{
}

SrmSource *
_srm_source_new (const char *id,
                 const char *title,
                 const char *url)
{
  SrmSource *self;

  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (title != NULL, NULL);

  self = g_object_new (SRM_TYPE_SOURCE, NULL);
  self->id = g_strdup (id);
  self->title = g_strdup (title);
  self->url = g_strdup (url);

  return self;
}

const char *
srm_source_get_id (SrmSource *self)
{
  g_return_val_if_fail (SRM_IS_SOURCE (self), NULL);

  return self->id;
}

const char *
srm_source_get_title (SrmSource *self)
{
  g_return_val_if_fail (SRM_IS_SOURCE (self), NULL);

  return self->title;
}

const char *
srm_source_get_url (SrmSource *self)
{
  g_return_val_if_fail (SRM_IS_SOURCE (self), NULL);

  return self->url;
}
