/* srm-answer.c: one answer of an assessment.
 *
 * The setters are the only way views change an answer, so they are where an
 * edit is noticed: they compare, apply, notify and then tell the document,
 * which records the undo step and marks itself dirty.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "srm-assessment-private.h"

struct _SrmAnswer
{
  GObject parent_instance;

  char            *duty_id;
  char            *service_id;
  char            *layer_id;
  SrmDuty         *duty;
  gboolean         orphaned;

  SrmAnswerStatus  status;
  char            *owner;
  char            *notes;
  char            *evidence;
  gboolean         has_due;
  GDate            due;
  GDateTime       *changed;

  JsonObject      *extra;
  SrmAssessment   *document;   /* not a reference: the document owns us */
};

G_DEFINE_TYPE (SrmAnswer, srm_answer, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (SrmAnswerStatus, srm_answer_status,
  G_DEFINE_ENUM_VALUE (SRM_ANSWER_STATUS_NOT_ASSESSED, "not-assessed"),
  G_DEFINE_ENUM_VALUE (SRM_ANSWER_STATUS_NOT_STARTED, "not-started"),
  G_DEFINE_ENUM_VALUE (SRM_ANSWER_STATUS_IN_PROGRESS, "in-progress"),
  G_DEFINE_ENUM_VALUE (SRM_ANSWER_STATUS_IMPLEMENTED, "implemented"),
  G_DEFINE_ENUM_VALUE (SRM_ANSWER_STATUS_NOT_APPLICABLE, "not-applicable"),
  G_DEFINE_ENUM_VALUE (SRM_ANSWER_STATUS_RISK_ACCEPTED, "risk-accepted"))

enum {
  PROP_0,
  PROP_DUTY_ID,
  PROP_SERVICE_ID,
  PROP_LAYER_ID,
  PROP_DUTY,
  PROP_ORPHANED,
  PROP_STATUS,
  PROP_OWNER,
  PROP_NOTES,
  PROP_EVIDENCE,
  PROP_DUE,
  PROP_CHANGED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const status_names[] = {
  "not-assessed", "not-started", "in-progress", "implemented", "not-applicable", "risk-accepted",
};

const char *
srm_answer_status_to_string (SrmAnswerStatus status)
{
  g_return_val_if_fail ((guint) status < G_N_ELEMENTS (status_names), NULL);
  return status_names[status];
}

gboolean
srm_answer_status_from_string (const char      *text,
                               SrmAnswerStatus *status)
{
  g_return_val_if_fail (text != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (status_names); i++)
    {
      if (g_str_equal (text, status_names[i]))
        {
          if (status != NULL)
            *status = (SrmAnswerStatus) i;
          return TRUE;
        }
    }
  return FALSE;
}

const char *
srm_answer_status_get_label (SrmAnswerStatus status)
{
  switch (status)
    {
    case SRM_ANSWER_STATUS_NOT_ASSESSED:
      return _("Not assessed");
    case SRM_ANSWER_STATUS_NOT_STARTED:
      return _("Not started");
    case SRM_ANSWER_STATUS_IN_PROGRESS:
      return _("In progress");
    case SRM_ANSWER_STATUS_IMPLEMENTED:
      return _("Implemented");
    case SRM_ANSWER_STATUS_NOT_APPLICABLE:
      return _("Not applicable");
    case SRM_ANSWER_STATUS_RISK_ACCEPTED:
      return _("Risk accepted");
    default:
      g_return_val_if_reached (NULL);
    }
}

void
_srm_answer_value_clear (SrmAnswerValue *value)
{
  g_clear_pointer (&value->text, g_free);
}

static void
srm_answer_finalize (GObject *object)
{
  SrmAnswer *self = SRM_ANSWER (object);

  g_free (self->duty_id);
  g_free (self->service_id);
  g_free (self->layer_id);
  g_free (self->owner);
  g_free (self->notes);
  g_free (self->evidence);
  g_clear_pointer (&self->changed, g_date_time_unref);
  g_clear_pointer (&self->extra, json_object_unref);
  g_clear_object (&self->duty);

  G_OBJECT_CLASS (srm_answer_parent_class)->finalize (object);
}

static void
srm_answer_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  SrmAnswer *self = SRM_ANSWER (object);

  switch (prop_id)
    {
    case PROP_DUTY_ID:
      g_value_set_string (value, self->duty_id);
      break;
    case PROP_SERVICE_ID:
      g_value_set_string (value, self->service_id);
      break;
    case PROP_LAYER_ID:
      g_value_set_string (value, self->layer_id);
      break;
    case PROP_DUTY:
      g_value_set_object (value, self->duty);
      break;
    case PROP_ORPHANED:
      g_value_set_boolean (value, self->orphaned);
      break;
    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;
    case PROP_OWNER:
      g_value_set_string (value, srm_answer_get_owner (self));
      break;
    case PROP_NOTES:
      g_value_set_string (value, srm_answer_get_notes (self));
      break;
    case PROP_EVIDENCE:
      g_value_set_string (value, srm_answer_get_evidence (self));
      break;
    case PROP_DUE:
      g_value_set_boxed (value, srm_answer_get_due (self));
      break;
    case PROP_CHANGED:
      g_value_set_boxed (value, self->changed);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
srm_answer_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  SrmAnswer *self = SRM_ANSWER (object);

  switch (prop_id)
    {
    case PROP_DUTY_ID:
      g_assert (self->duty_id == NULL);
      self->duty_id = g_value_dup_string (value);
      break;
    case PROP_SERVICE_ID:
      g_assert (self->service_id == NULL);
      self->service_id = g_value_dup_string (value);
      break;
    case PROP_STATUS:
      srm_answer_set_status (self, g_value_get_enum (value));
      break;
    case PROP_OWNER:
      srm_answer_set_owner (self, g_value_get_string (value));
      break;
    case PROP_NOTES:
      srm_answer_set_notes (self, g_value_get_string (value));
      break;
    case PROP_EVIDENCE:
      srm_answer_set_evidence (self, g_value_get_string (value));
      break;
    case PROP_DUE:
      srm_answer_set_due (self, g_value_get_boxed (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
srm_answer_class_init (SrmAnswerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = srm_answer_finalize;
  object_class->get_property = srm_answer_get_property;
  object_class->set_property = srm_answer_set_property;

  properties[PROP_DUTY_ID] =
    g_param_spec_string ("duty-id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SERVICE_ID] =
    g_param_spec_string ("service-id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LAYER_ID] =
    g_param_spec_string ("layer-id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DUTY] =
    g_param_spec_object ("duty", NULL, NULL, SRM_TYPE_DUTY,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ORPHANED] =
    g_param_spec_boolean ("orphaned", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL, SRM_TYPE_ANSWER_STATUS, SRM_ANSWER_STATUS_NOT_ASSESSED,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_OWNER] =
    g_param_spec_string ("owner", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NOTES] =
    g_param_spec_string ("notes", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_EVIDENCE] =
    g_param_spec_string ("evidence", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DUE] =
    g_param_spec_boxed ("due", NULL, NULL, G_TYPE_DATE,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CHANGED] =
    g_param_spec_boxed ("changed", NULL, NULL, G_TYPE_DATE_TIME,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
srm_answer_init (SrmAnswer *self)
{
  g_date_clear (&self->due, 1);
}

SrmAnswer *
srm_answer_new (const char *duty_id,
                const char *service_id)
{
  g_return_val_if_fail (duty_id != NULL, NULL);
  g_return_val_if_fail (service_id != NULL, NULL);

  return g_object_new (SRM_TYPE_ANSWER, "duty-id", duty_id, "service-id", service_id, NULL);
}

SrmAnswer *
_srm_answer_new_loaded (char            *duty_id,
                        char            *service_id,
                        char            *layer_id,
                        SrmAnswerStatus  status,
                        char            *owner,
                        char            *notes,
                        char            *evidence,
                        const GDate     *due,
                        GDateTime       *changed,
                        JsonObject      *extra)
{
  /* No properties through GValues: a file may hold 100,000 answers. */
  SrmAnswer *self = g_object_new (SRM_TYPE_ANSWER, NULL);

  self->duty_id = duty_id;
  self->service_id = service_id;
  self->layer_id = layer_id;
  self->status = status;
  self->owner = owner;
  self->notes = notes;
  self->evidence = evidence;
  if (due != NULL)
    {
      self->has_due = TRUE;
      self->due = *due;
    }
  self->changed = changed;
  self->extra = extra;
  return self;
}

JsonObject *
_srm_answer_get_extra (SrmAnswer *self)
{
  return self->extra;
}

void
_srm_answer_set_document (SrmAnswer     *self,
                          SrmAssessment *document)
{
  self->document = document;
}

void
_srm_answer_resolve (SrmAnswer *self,
                     SrmDuty   *duty,
                     gboolean   attached)
{
  gboolean orphaned = attached && duty == NULL;

  g_object_freeze_notify (G_OBJECT (self));

  if (g_set_object (&self->duty, duty))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DUTY]);

  if (duty != NULL && g_strcmp0 (self->layer_id, srm_duty_get_layer_id (duty)) != 0)
    {
      g_free (self->layer_id);
      self->layer_id = g_strdup (srm_duty_get_layer_id (duty));
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAYER_ID]);
    }

  if (self->orphaned != orphaned)
    {
      self->orphaned = orphaned;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ORPHANED]);
    }

  g_object_thaw_notify (G_OBJECT (self));
}

const char *
srm_answer_get_duty_id (SrmAnswer *self)
{
  g_return_val_if_fail (SRM_IS_ANSWER (self), NULL);
  return self->duty_id;
}

const char *
srm_answer_get_service_id (SrmAnswer *self)
{
  g_return_val_if_fail (SRM_IS_ANSWER (self), NULL);
  return self->service_id;
}

const char *
srm_answer_get_layer_id (SrmAnswer *self)
{
  g_return_val_if_fail (SRM_IS_ANSWER (self), NULL);
  return self->layer_id;
}

SrmDuty *
srm_answer_get_duty (SrmAnswer *self)
{
  g_return_val_if_fail (SRM_IS_ANSWER (self), NULL);
  return self->duty;
}

gboolean
srm_answer_get_orphaned (SrmAnswer *self)
{
  g_return_val_if_fail (SRM_IS_ANSWER (self), FALSE);
  return self->orphaned;
}

SrmAnswerStatus
srm_answer_get_status (SrmAnswer *self)
{
  g_return_val_if_fail (SRM_IS_ANSWER (self), SRM_ANSWER_STATUS_NOT_ASSESSED);
  return self->status;
}

const char *
srm_answer_get_owner (SrmAnswer *self)
{
  g_return_val_if_fail (SRM_IS_ANSWER (self), NULL);
  return self->owner != NULL ? self->owner : "";
}

const char *
srm_answer_get_notes (SrmAnswer *self)
{
  g_return_val_if_fail (SRM_IS_ANSWER (self), NULL);
  return self->notes != NULL ? self->notes : "";
}

const char *
srm_answer_get_evidence (SrmAnswer *self)
{
  g_return_val_if_fail (SRM_IS_ANSWER (self), NULL);
  return self->evidence != NULL ? self->evidence : "";
}

const GDate *
srm_answer_get_due (SrmAnswer *self)
{
  g_return_val_if_fail (SRM_IS_ANSWER (self), NULL);
  return self->has_due ? &self->due : NULL;
}

GDateTime *
srm_answer_get_changed (SrmAnswer *self)
{
  g_return_val_if_fail (SRM_IS_ANSWER (self), NULL);
  return self->changed;
}

static char **
text_slot (SrmAnswer      *self,
           SrmAnswerField  field)
{
  switch (field)
    {
    case SRM_ANSWER_FIELD_OWNER:
      return &self->owner;
    case SRM_ANSWER_FIELD_NOTES:
      return &self->notes;
    case SRM_ANSWER_FIELD_EVIDENCE:
      return &self->evidence;
    case SRM_ANSWER_FIELD_STATUS:
    case SRM_ANSWER_FIELD_DUE:
    default:
      g_assert_not_reached ();
    }
}

static GParamSpec *
field_pspec (SrmAnswerField field)
{
  switch (field)
    {
    case SRM_ANSWER_FIELD_STATUS:
      return properties[PROP_STATUS];
    case SRM_ANSWER_FIELD_OWNER:
      return properties[PROP_OWNER];
    case SRM_ANSWER_FIELD_NOTES:
      return properties[PROP_NOTES];
    case SRM_ANSWER_FIELD_EVIDENCE:
      return properties[PROP_EVIDENCE];
    case SRM_ANSWER_FIELD_DUE:
    default:
      return properties[PROP_DUE];
    }
}

static void
capture (SrmAnswer      *self,
         SrmAnswerField  field,
         SrmAnswerValue *out)
{
  memset (out, 0, sizeof *out);
  g_date_clear (&out->due, 1);

  switch (field)
    {
    case SRM_ANSWER_FIELD_STATUS:
      out->status = self->status;
      break;
    case SRM_ANSWER_FIELD_DUE:
      out->has_due = self->has_due;
      out->due = self->due;
      break;
    case SRM_ANSWER_FIELD_OWNER:
    case SRM_ANSWER_FIELD_NOTES:
    case SRM_ANSWER_FIELD_EVIDENCE:
    default:
      out->text = g_strdup (*text_slot (self, field) != NULL ? *text_slot (self, field) : "");
      break;
    }
}

static gboolean
is_current (SrmAnswer            *self,
            SrmAnswerField        field,
            const SrmAnswerValue *value)
{
  const char *text;

  switch (field)
    {
    case SRM_ANSWER_FIELD_STATUS:
      return self->status == value->status;
    case SRM_ANSWER_FIELD_DUE:
      if (self->has_due != value->has_due)
        return FALSE;
      return !self->has_due || g_date_compare (&self->due, &value->due) == 0;
    case SRM_ANSWER_FIELD_OWNER:
    case SRM_ANSWER_FIELD_NOTES:
    case SRM_ANSWER_FIELD_EVIDENCE:
    default:
      text = *text_slot (self, field);
      return g_strcmp0 (text != NULL ? text : "", value->text != NULL ? value->text : "") == 0;
    }
}

void
_srm_answer_apply (SrmAnswer            *self,
                   SrmAnswerField        field,
                   const SrmAnswerValue *value,
                   GDateTime            *changed)
{
  char **slot;

  switch (field)
    {
    case SRM_ANSWER_FIELD_STATUS:
      self->status = value->status;
      break;
    case SRM_ANSWER_FIELD_DUE:
      self->has_due = value->has_due;
      if (value->has_due)
        self->due = value->due;
      else
        g_date_clear (&self->due, 1);
      break;
    case SRM_ANSWER_FIELD_OWNER:
    case SRM_ANSWER_FIELD_NOTES:
    case SRM_ANSWER_FIELD_EVIDENCE:
    default:
      slot = text_slot (self, field);
      g_free (*slot);
      *slot = (value->text != NULL && *value->text != '\0') ? g_strdup (value->text) : NULL;
      break;
    }

  g_object_freeze_notify (G_OBJECT (self));
  g_object_notify_by_pspec (G_OBJECT (self), field_pspec (field));
  if (self->changed != changed &&
      (self->changed == NULL || changed == NULL || !g_date_time_equal (self->changed, changed)))
    {
      g_clear_pointer (&self->changed, g_date_time_unref);
      self->changed = changed != NULL ? g_date_time_ref (changed) : NULL;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHANGED]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

/* The one path of every setter: nothing happens unless the value changes. */
static void
edit (SrmAnswer            *self,
      SrmAnswerField        field,
      const SrmAnswerValue *after)
{
  SrmAnswerValue before;
  g_autoptr(GDateTime) changed_before = NULL;
  g_autoptr(GDateTime) now = NULL;

  if (is_current (self, field, after))
    return;

  capture (self, field, &before);
  changed_before = self->changed != NULL ? g_date_time_ref (self->changed) : NULL;
  now = _srm_now_utc ();

  _srm_answer_apply (self, field, after, now);

  if (self->document != NULL)
    _srm_assessment_answer_edited (self->document, self, field, &before, after,
                                   changed_before, now);

  _srm_answer_value_clear (&before);
}

void
srm_answer_set_status (SrmAnswer       *self,
                       SrmAnswerStatus  status)
{
  SrmAnswerValue value = { .status = status };

  g_return_if_fail (SRM_IS_ANSWER (self));
  g_return_if_fail ((guint) status < G_N_ELEMENTS (status_names));

  edit (self, SRM_ANSWER_FIELD_STATUS, &value);
}

static void
set_text (SrmAnswer      *self,
          SrmAnswerField  field,
          const char     *text)
{
  SrmAnswerValue value = { .text = (char *) (text != NULL ? text : "") };

  edit (self, field, &value);
}

void
srm_answer_set_owner (SrmAnswer  *self,
                      const char *owner)
{
  g_return_if_fail (SRM_IS_ANSWER (self));
  set_text (self, SRM_ANSWER_FIELD_OWNER, owner);
}

void
srm_answer_set_notes (SrmAnswer  *self,
                      const char *notes)
{
  g_return_if_fail (SRM_IS_ANSWER (self));
  set_text (self, SRM_ANSWER_FIELD_NOTES, notes);
}

void
srm_answer_set_evidence (SrmAnswer  *self,
                         const char *evidence)
{
  g_return_if_fail (SRM_IS_ANSWER (self));
  set_text (self, SRM_ANSWER_FIELD_EVIDENCE, evidence);
}

void
srm_answer_set_due (SrmAnswer   *self,
                    const GDate *due)
{
  SrmAnswerValue value = { 0, };

  g_return_if_fail (SRM_IS_ANSWER (self));
  g_return_if_fail (due == NULL || g_date_valid (due));

  g_date_clear (&value.due, 1);
  if (due != NULL)
    {
      value.has_due = TRUE;
      value.due = *due;
    }
  edit (self, SRM_ANSWER_FIELD_DUE, &value);
}
