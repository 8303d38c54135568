/* srm-quiz-question.c: one generated multiple-choice question.
 *
 * Besides the text and choices it keeps what each choice stands for (an owner,
 * a layer or a model id), so the answer key can be checked against the catalog
 * without parsing labels, which are translated.
 */
#include "config.h"

#include "srm-quiz-question.h"
#include "srm-quiz-private.h"
#include "srm-source.h"

struct _SrmQuizQuestion
{
  GObject parent_instance;

  SrmQuizKind kind;
  char *text;
  char *reason;
  GStrv choices;
  GStrv choice_ids;
  guint answer;
  GListStore *sources;

  char *catalog_id;
  char *layer_id;
  char *layer_name;
  char *model_id;
  char *service_id;
  char *from_model_id;
  char *to_model_id;
};

G_DEFINE_FINAL_TYPE (SrmQuizQuestion, srm_quiz_question, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (SrmQuizKind, srm_quiz_kind,
  G_DEFINE_ENUM_VALUE (SRM_QUIZ_KIND_OWNER, "owner"),
  G_DEFINE_ENUM_VALUE (SRM_QUIZ_KIND_ALWAYS_CUSTOMER, "always-customer"),
  G_DEFINE_ENUM_VALUE (SRM_QUIZ_KIND_SERVICE_MODEL, "service-model"),
  G_DEFINE_ENUM_VALUE (SRM_QUIZ_KIND_MODEL_CHANGE, "model-change"))

enum {
  PROP_0,
  PROP_KIND,
  PROP_TEXT,
  PROP_ANSWER,
  PROP_REASON,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

const char *
srm_quiz_kind_to_string (SrmQuizKind kind)
{
  switch (kind)
    {
    case SRM_QUIZ_KIND_OWNER:
      return "owner";
    case SRM_QUIZ_KIND_ALWAYS_CUSTOMER:
      return "always-customer";
    case SRM_QUIZ_KIND_SERVICE_MODEL:
      return "service-model";
    case SRM_QUIZ_KIND_MODEL_CHANGE:
      return "model-change";
    default:
      g_return_val_if_reached (NULL);
    }
}

static void
srm_quiz_question_dispose (GObject *object)
{
  SrmQuizQuestion *self = SRM_QUIZ_QUESTION (object);

  g_clear_object (&self->sources);

  G_OBJECT_CLASS (srm_quiz_question_parent_class)->dispose (object);
}

static void
srm_quiz_question_finalize (GObject *object)
{
  SrmQuizQuestion *self = SRM_QUIZ_QUESTION (object);

  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->reason, g_free);
  g_clear_pointer (&self->choices, g_strfreev);
  g_clear_pointer (&self->choice_ids, g_strfreev);
  g_clear_pointer (&self->catalog_id, g_free);
  g_clear_pointer (&self->layer_id, g_free);
  g_clear_pointer (&self->layer_name, g_free);
  g_clear_pointer (&self->model_id, g_free);
  g_clear_pointer (&self->service_id, g_free);
  g_clear_pointer (&self->from_model_id, g_free);
  g_clear_pointer (&self->to_model_id, g_free);

  G_OBJECT_CLASS (srm_quiz_question_parent_class)->finalize (object);
}

static void
srm_quiz_question_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  SrmQuizQuestion *self = SRM_QUIZ_QUESTION (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;
    case PROP_ANSWER:
      g_value_set_uint (value, self->answer);
      break;
    case PROP_REASON:
      g_value_set_string (value, self->reason);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
srm_quiz_question_class_init (SrmQuizQuestionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = srm_quiz_question_dispose;
  object_class->finalize = srm_quiz_question_finalize;
  object_class->get_property = srm_quiz_question_get_property;

  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, SRM_TYPE_QUIZ_KIND, SRM_QUIZ_KIND_OWNER,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_ANSWER] =
    g_param_spec_uint ("answer", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_REASON] =
    g_param_spec_string ("reason", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
srm_quiz_question_init (SrmQuizQuestion *self)
{
  self->sources = g_list_store_new (SRM_TYPE_SOURCE);
}

static GStrv
strv_from_array (GPtrArray *array)
{
  GStrv strv = g_new0 (char *, array->len + 1);

  for (guint i = 0; i < array->len; i++)
    strv[i] = g_strdup (g_ptr_array_index (array, i));
  return strv;
}

SrmQuizQuestion *
_srm_quiz_question_new (const SrmQuizQuestionContents *contents)
{
  SrmQuizQuestion *self = g_object_new (SRM_TYPE_QUIZ_QUESTION, NULL);

  self->kind = contents->kind;
  self->text = g_strdup (contents->text);
  self->reason = g_strdup (contents->reason);
  self->choices = strv_from_array (contents->choices);
  self->choice_ids = strv_from_array (contents->choice_ids);
  self->answer = contents->answer;
  self->catalog_id = g_strdup (contents->catalog_id);
  self->layer_id = g_strdup (contents->layer_id);
  self->layer_name = g_strdup (contents->layer_name);
  self->model_id = g_strdup (contents->model_id);
  self->service_id = g_strdup (contents->service_id);
  self->from_model_id = g_strdup (contents->from_model_id);
  self->to_model_id = g_strdup (contents->to_model_id);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (contents->sources)); i++)
    {
      g_autoptr(SrmSource) source = g_list_model_get_item (G_LIST_MODEL (contents->sources), i);

      g_list_store_append (self->sources, source);
    }

  return self;
}

SrmQuizKind
srm_quiz_question_get_kind (SrmQuizQuestion *self)
{
  g_return_val_if_fail (SRM_IS_QUIZ_QUESTION (self), SRM_QUIZ_KIND_OWNER);

  return self->kind;
}

const char *
srm_quiz_question_get_text (SrmQuizQuestion *self)
{
  g_return_val_if_fail (SRM_IS_QUIZ_QUESTION (self), NULL);

  return self->text;
}

const char * const *
srm_quiz_question_get_choices (SrmQuizQuestion *self)
{
  g_return_val_if_fail (SRM_IS_QUIZ_QUESTION (self), NULL);

  return (const char * const *) self->choices;
}

guint
srm_quiz_question_get_n_choices (SrmQuizQuestion *self)
{
  g_return_val_if_fail (SRM_IS_QUIZ_QUESTION (self), 0);

  return g_strv_length (self->choices);
}

const char * const *
srm_quiz_question_get_choice_ids (SrmQuizQuestion *self)
{
  g_return_val_if_fail (SRM_IS_QUIZ_QUESTION (self), NULL);

  return (const char * const *) self->choice_ids;
}

guint
srm_quiz_question_get_answer (SrmQuizQuestion *self)
{
  g_return_val_if_fail (SRM_IS_QUIZ_QUESTION (self), 0);

  return self->answer;
}

const char *
srm_quiz_question_get_reason (SrmQuizQuestion *self)
{
  g_return_val_if_fail (SRM_IS_QUIZ_QUESTION (self), NULL);

  return self->reason;
}

GListModel *
srm_quiz_question_get_sources (SrmQuizQuestion *self)
{
  g_return_val_if_fail (SRM_IS_QUIZ_QUESTION (self), NULL);

  return G_LIST_MODEL (self->sources);
}

const char *
srm_quiz_question_get_catalog_id (SrmQuizQuestion *self)
{
  g_return_val_if_fail (SRM_IS_QUIZ_QUESTION (self), NULL);

  return self->catalog_id;
}

const char *
srm_quiz_question_get_layer_id (SrmQuizQuestion *self)
{
  g_return_val_if_fail (SRM_IS_QUIZ_QUESTION (self), NULL);

  return self->layer_id;
}

const char *
srm_quiz_question_get_layer_name (SrmQuizQuestion *self)
{
  g_return_val_if_fail (SRM_IS_QUIZ_QUESTION (self), NULL);

  return self->layer_name;
}

const char *
srm_quiz_question_get_model_id (SrmQuizQuestion *self)
{
  g_return_val_if_fail (SRM_IS_QUIZ_QUESTION (self), NULL);

  return self->model_id;
}

const char *
srm_quiz_question_get_service_id (SrmQuizQuestion *self)
{
  g_return_val_if_fail (SRM_IS_QUIZ_QUESTION (self), NULL);

  return self->service_id;
}

const char *
srm_quiz_question_get_from_model_id (SrmQuizQuestion *self)
{
  g_return_val_if_fail (SRM_IS_QUIZ_QUESTION (self), NULL);

  return self->from_model_id;
}

const char *
srm_quiz_question_get_to_model_id (SrmQuizQuestion *self)
{
  g_return_val_if_fail (SRM_IS_QUIZ_QUESTION (self), NULL);

  return self->to_model_id;
}
