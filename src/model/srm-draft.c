/* srm-draft.c: the description of one autosaved draft. */
#include "config.h"

#include "srm-draft.h"

struct _SrmDraft
{
  GObject parent_instance;

  char      *id;
  char      *title;
  GDateTime *saved;
  GFile     *original;
};

G_DEFINE_TYPE (SrmDraft, srm_draft, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_SAVED,
  PROP_ORIGINAL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
srm_draft_finalize (GObject *object)
{
  SrmDraft *self = SRM_DRAFT (object);

  g_free (self->id);
  g_free (self->title);
  g_clear_pointer (&self->saved, g_date_time_unref);
  g_clear_object (&self->original);

  G_OBJECT_CLASS (srm_draft_parent_class)->finalize (object);
}

static void
srm_draft_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  SrmDraft *self = SRM_DRAFT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_SAVED:
      g_value_set_boxed (value, self->saved);
      break;
    case PROP_ORIGINAL:
      g_value_set_object (value, self->original);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
srm_draft_class_init (SrmDraftClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = srm_draft_finalize;
  object_class->get_property = srm_draft_get_property;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, ro);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, "", ro);
  properties[PROP_SAVED] = g_param_spec_boxed ("saved", NULL, NULL, G_TYPE_DATE_TIME, ro);
  properties[PROP_ORIGINAL] = g_param_spec_object ("original", NULL, NULL, G_TYPE_FILE, ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
srm_draft_init (SrmDraft *self)
{
}

SrmDraft *
srm_draft_new (const char *id,
               const char *title,
               GDateTime  *saved,
               GFile      *original)
{
  SrmDraft *self;

  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (saved != NULL, NULL);
  g_return_val_if_fail (original == NULL || G_IS_FILE (original), NULL);

  self = g_object_new (SRM_TYPE_DRAFT, NULL);
  self->id = g_strdup (id);
  self->title = g_strdup (title != NULL ? title : "");
  self->saved = g_date_time_ref (saved);
  self->original = original != NULL ? g_object_ref (original) : NULL;
  return self;
}

const char *
srm_draft_get_id (SrmDraft *self)
{
  g_return_val_if_fail (SRM_IS_DRAFT (self), NULL);
  return self->id;
}

const char *
srm_draft_get_title (SrmDraft *self)
{
  g_return_val_if_fail (SRM_IS_DRAFT (self), NULL);
  return self->title;
}

GDateTime *
srm_draft_get_saved (SrmDraft *self)
{
  g_return_val_if_fail (SRM_IS_DRAFT (self), NULL);
  return self->saved;
}

GFile *
srm_draft_get_original (SrmDraft *self)
{
  g_return_val_if_fail (SRM_IS_DRAFT (self), NULL);
  return self->original;
}
