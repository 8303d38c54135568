/* srm-tour-step.c: one stop of a guided tour.
 *
 * Immutable once the tour loader has built it; ids are not checked here but by
 * the loader and srm_tour_validate(), which know the file and the catalogs.
 */
#include "config.h"

#include "srm-tour-step.h"
#include "srm-tour-private.h"

struct _SrmTourStep
{
  GObject parent_instance;

  guint index;
  char *catalog_id;
  char *model_id;
  GStrv service_ids;
  GStrv spotlight_ids;
  char *title;
  char *caption;
};

G_DEFINE_FINAL_TYPE (SrmTourStep, srm_tour_step, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_INDEX,
  PROP_CATALOG_ID,
  PROP_MODEL_ID,
  PROP_TITLE,
  PROP_CAPTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
srm_tour_step_finalize (GObject *object)
{
  SrmTourStep *self = SRM_TOUR_STEP (object);

  g_clear_pointer (&self->catalog_id, g_free);
  g_clear_pointer (&self->model_id, g_free);
  g_clear_pointer (&self->service_ids, g_strfreev);
  g_clear_pointer (&self->spotlight_ids, g_strfreev);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->caption, g_free);

  G_OBJECT_CLASS (srm_tour_step_parent_class)->finalize (object);
}

static void
srm_tour_step_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  SrmTourStep *self = SRM_TOUR_STEP (object);

  switch (prop_id)
    {
    case PROP_INDEX:
      g_value_set_uint (value, self->index);
      break;
    case PROP_CATALOG_ID:
      g_value_set_string (value, self->catalog_id);
      break;
    case PROP_MODEL_ID:
      g_value_set_string (value, self->model_id);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_CAPTION:
      g_value_set_string (value, self->caption);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
srm_tour_step_class_init (SrmTourStepClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = srm_tour_step_finalize;
  object_class->get_property = srm_tour_step_get_property;

  properties[PROP_INDEX] =
    g_param_spec_uint ("index", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_CATALOG_ID] =
    g_param_spec_string ("catalog-id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_MODEL_ID] =
    g_param_spec_string ("model-id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_CAPTION] =
    g_param_spec_string ("caption", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
srm_tour_step_init (SrmTourStep *self)
{
}

SrmTourStep *
_srm_tour_step_new (guint       index,
                    const char *catalog_id,
                    const char *model_id,
                    GStrv       service_ids,
                    GStrv       spotlight_ids,
                    const char *title,
                    const char *caption)
{
  SrmTourStep *self = g_object_new (SRM_TYPE_TOUR_STEP, NULL);

  self->index = index;
  self->catalog_id = g_strdup (catalog_id);
  self->model_id = g_strdup (model_id);
  self->service_ids = service_ids != NULL ? service_ids : g_new0 (char *, 1);
  self->spotlight_ids = spotlight_ids != NULL ? spotlight_ids : g_new0 (char *, 1);
  self->title = g_strdup (title);
  self->caption = g_strdup (caption);

  return self;
}

guint
srm_tour_step_get_index (SrmTourStep *self)
{
  g_return_val_if_fail (SRM_IS_TOUR_STEP (self), 0);

  return self->index;
}

const char *
srm_tour_step_get_catalog_id (SrmTourStep *self)
{
  g_return_val_if_fail (SRM_IS_TOUR_STEP (self), NULL);

  return self->catalog_id;
}

const char *
srm_tour_step_get_model_id (SrmTourStep *self)
{
  g_return_val_if_fail (SRM_IS_TOUR_STEP (self), NULL);

  return self->model_id;
}

const char * const *
srm_tour_step_get_service_ids (SrmTourStep *self)
{
  g_return_val_if_fail (SRM_IS_TOUR_STEP (self), NULL);

  return (const char * const *) self->service_ids;
}

const char * const *
srm_tour_step_get_spotlight_ids (SrmTourStep *self)
{
  g_return_val_if_fail (SRM_IS_TOUR_STEP (self), NULL);

  return (const char * const *) self->spotlight_ids;
}

const char *
srm_tour_step_get_title (SrmTourStep *self)
{
  g_return_val_if_fail (SRM_IS_TOUR_STEP (self), NULL);

  return self->title;
}

const char *
srm_tour_step_get_caption (SrmTourStep *self)
{
  g_return_val_if_fail (SRM_IS_TOUR_STEP (self), NULL);

  return self->caption;
}
