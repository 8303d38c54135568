/* srm-assessment.c: the assessment document: metadata, scope, answers, undo.
 *
 * Answers tell the document about their edits (srm-answer.c), and the document
 * keeps the undo history, the dirty flag and the modification time. Reading
 * and writing the file format lives in srm-assessment-file.c; this file only
 * runs it on the right thread.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "srm-assessment-file.h"
#include "srm-assessment-private.h"

/* Typing into a field produces one edit per key; edits of one field closer
 * than this are one undo step. */
#define MERGE_USEC (G_USEC_PER_SEC)
/* Old steps beyond this are forgotten. */
#define MAX_UNDO_STEPS 1000

typedef struct {
  SrmAnswer      *answer;
  SrmAnswerField  field;
  SrmAnswerValue  before;
  SrmAnswerValue  after;
  GDateTime      *changed_before;
  GDateTime      *changed_after;
  gint64          when;    /* monotonic, for merging */
} UndoStep;

struct _SrmAssessment
{
  GObject parent_instance;

  char       *title;
  char       *organisation;
  char       *assessor;
  GDateTime  *created;
  GDateTime  *modified;
  char       *catalog_id;
  char       *catalog_version;
  GStrv       model_ids;
  GStrv       service_ids;
  JsonObject *extra;

  GListStore *answers;
  GHashTable *answer_by_duty;   /* duty id → borrowed SrmAnswer */
  SrmCatalog *catalog;
  GFile      *file;

  gboolean    dirty;
  guint64     generation;       /* bumped on every change, to know if a save is current */
  GQueue      undo;
  GQueue      redo;
  gboolean    sealed;
};

G_DEFINE_TYPE (SrmAssessment, srm_assessment, G_TYPE_OBJECT)

G_DEFINE_QUARK (srm-assessment-error-quark, srm_assessment_error)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_ORGANISATION,
  PROP_ASSESSOR,
  PROP_CREATED,
  PROP_MODIFIED,
  PROP_CATALOG,
  PROP_CATALOG_ID,
  PROP_CATALOG_VERSION,
  PROP_FILE,
  PROP_DIRTY,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_ANSWERS,
  N_PROPS
};

enum {
  SIGNAL_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* ---- helpers shared in the library ---- */

GDateTime *
_srm_now_utc (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_new_utc (g_date_time_get_year (now),
                              g_date_time_get_month (now),
                              g_date_time_get_day_of_month (now),
                              g_date_time_get_hour (now),
                              g_date_time_get_minute (now),
                              g_date_time_get_second (now));
}

void
_srm_assessment_set_error (GError             **error,
                           SrmAssessmentError   code,
                           const char          *name,
                           const char          *place,
                           const char          *problem)
{
  if (place != NULL && *place != '\0')
    /* Translators: file name, place in the file, problem; e.g.
     * team.srma: answers[3].status: unknown status "done" */
    g_set_error (error, SRM_ASSESSMENT_ERROR, code, _("%s: %s: %s"), name, place, problem);
  else
    /* Translators: file name, problem */
    g_set_error (error, SRM_ASSESSMENT_ERROR, code, _("%s: %s"), name, problem);
}

char *
_srm_assessment_display_name (GFile *file)
{
  /* File names need not be UTF-8; messages must be. */
  if (g_file_peek_path (file) != NULL)
    return g_filename_display_basename (g_file_peek_path (file));
  return g_file_get_parse_name (file);
}

/* ---- undo steps ---- */

static void
undo_step_free (UndoStep *step)
{
  g_clear_object (&step->answer);
  _srm_answer_value_clear (&step->before);
  _srm_answer_value_clear (&step->after);
  g_clear_pointer (&step->changed_before, g_date_time_unref);
  g_clear_pointer (&step->changed_after, g_date_time_unref);
  g_free (step);
}

static void
copy_value (SrmAnswerValue       *dest,
            const SrmAnswerValue *src)
{
  *dest = *src;
  dest->text = g_strdup (src->text);
}

static void
clear_queue (GQueue *queue)
{
  UndoStep *step;

  while ((step = g_queue_pop_head (queue)) != NULL)
    undo_step_free (step);
}

/* ---- GObject ---- */

static void
srm_assessment_dispose (GObject *object)
{
  SrmAssessment *self = SRM_ASSESSMENT (object);

  clear_queue (&self->undo);
  clear_queue (&self->redo);

  if (self->answers != NULL)
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (self->answers));

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(SrmAnswer) answer = g_list_model_get_item (G_LIST_MODEL (self->answers), i);

          _srm_answer_set_document (answer, NULL);
        }
    }
  g_clear_object (&self->answers);
  g_clear_object (&self->catalog);
  g_clear_object (&self->file);

  G_OBJECT_CLASS (srm_assessment_parent_class)->dispose (object);
}

static void
srm_assessment_finalize (GObject *object)
{
  SrmAssessment *self = SRM_ASSESSMENT (object);

  g_free (self->title);
  g_free (self->organisation);
  g_free (self->assessor);
  g_clear_pointer (&self->created, g_date_time_unref);
  g_clear_pointer (&self->modified, g_date_time_unref);
  g_free (self->catalog_id);
  g_free (self->catalog_version);
  g_strfreev (self->model_ids);
  g_strfreev (self->service_ids);
  g_clear_pointer (&self->extra, json_object_unref);
  g_clear_pointer (&self->answer_by_duty, g_hash_table_unref);

  G_OBJECT_CLASS (srm_assessment_parent_class)->finalize (object);
}

static void
srm_assessment_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  SrmAssessment *self = SRM_ASSESSMENT (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, srm_assessment_get_title (self));
      break;
    case PROP_ORGANISATION:
      g_value_set_string (value, srm_assessment_get_organisation (self));
      break;
    case PROP_ASSESSOR:
      g_value_set_string (value, srm_assessment_get_assessor (self));
      break;
    case PROP_CREATED:
      g_value_set_boxed (value, self->created);
      break;
    case PROP_MODIFIED:
      g_value_set_boxed (value, self->modified);
      break;
    case PROP_CATALOG:
      g_value_set_object (value, self->catalog);
      break;
    case PROP_CATALOG_ID:
      g_value_set_string (value, self->catalog_id);
      break;
    case PROP_CATALOG_VERSION:
      g_value_set_string (value, self->catalog_version);
      break;
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;
    case PROP_DIRTY:
      g_value_set_boolean (value, self->dirty);
      break;
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, srm_assessment_get_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, srm_assessment_get_can_redo (self));
      break;
    case PROP_ANSWERS:
      g_value_set_object (value, self->answers);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
srm_assessment_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  SrmAssessment *self = SRM_ASSESSMENT (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      srm_assessment_set_title (self, g_value_get_string (value));
      break;
    case PROP_ORGANISATION:
      srm_assessment_set_organisation (self, g_value_get_string (value));
      break;
    case PROP_ASSESSOR:
      srm_assessment_set_assessor (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
srm_assessment_class_init (SrmAssessmentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = srm_assessment_dispose;
  object_class->finalize = srm_assessment_finalize;
  object_class->get_property = srm_assessment_get_property;
  object_class->set_property = srm_assessment_set_property;

  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, "", rw);
  properties[PROP_ORGANISATION] = g_param_spec_string ("organisation", NULL, NULL, "", rw);
  properties[PROP_ASSESSOR] = g_param_spec_string ("assessor", NULL, NULL, "", rw);
  properties[PROP_CREATED] = g_param_spec_boxed ("created", NULL, NULL, G_TYPE_DATE_TIME, ro);
  properties[PROP_MODIFIED] = g_param_spec_boxed ("modified", NULL, NULL, G_TYPE_DATE_TIME, ro);
  properties[PROP_CATALOG] = g_param_spec_object ("catalog", NULL, NULL, SRM_TYPE_CATALOG, ro);
  properties[PROP_CATALOG_ID] = g_param_spec_string ("catalog-id", NULL, NULL, NULL, ro);
  properties[PROP_CATALOG_VERSION] = g_param_spec_string ("catalog-version", NULL, NULL, NULL, ro);
  properties[PROP_FILE] = g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE, ro);
  properties[PROP_DIRTY] = g_param_spec_boolean ("dirty", NULL, NULL, FALSE, ro);
  properties[PROP_CAN_UNDO] = g_param_spec_boolean ("can-undo", NULL, NULL, FALSE, ro);
  properties[PROP_CAN_REDO] = g_param_spec_boolean ("can-redo", NULL, NULL, FALSE, ro);
  properties[PROP_ANSWERS] = g_param_spec_object ("answers", NULL, NULL, G_TYPE_LIST_MODEL, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SrmAssessment::changed:
   * @answer: (nullable): the answer that changed, or NULL for the document's
   *   own fields and for changes of many answers at once
   *
   * Emitted after any change of the content, once its notifications are out.
   */
  signals[SIGNAL_CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, SRM_TYPE_ANSWER);
}

static void
srm_assessment_init (SrmAssessment *self)
{
  self->answers = g_list_store_new (SRM_TYPE_ANSWER);
  self->answer_by_duty = g_hash_table_new (g_str_hash, g_str_equal);
  self->model_ids = g_new0 (char *, 1);
  self->service_ids = g_new0 (char *, 1);
  g_queue_init (&self->undo);
  g_queue_init (&self->redo);
}

/* ---- changes ---- */

static void
set_dirty (SrmAssessment *self,
           gboolean       dirty)
{
  if (self->dirty == dirty)
    return;
  self->dirty = dirty;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIRTY]);
}

void
_srm_assessment_set_dirty (SrmAssessment *self,
                           gboolean       dirty)
{
  set_dirty (self, dirty);
}

/* Every change of content ends here. */
static void
touched (SrmAssessment *self,
         SrmAnswer     *answer)
{
  g_autoptr(GDateTime) now = _srm_now_utc ();

  self->generation++;
  if (self->modified == NULL || !g_date_time_equal (self->modified, now))
    {
      g_clear_pointer (&self->modified, g_date_time_unref);
      self->modified = g_steal_pointer (&now);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
    }
  set_dirty (self, TRUE);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0, answer);
}

static void
notify_undo_state (SrmAssessment *self,
                   gboolean       could_undo,
                   gboolean       could_redo)
{
  if (could_undo != srm_assessment_get_can_undo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  if (could_redo != srm_assessment_get_can_redo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
}

static gboolean
is_text_field (SrmAnswerField field)
{
  return field == SRM_ANSWER_FIELD_OWNER ||
         field == SRM_ANSWER_FIELD_NOTES ||
         field == SRM_ANSWER_FIELD_EVIDENCE;
}

void
_srm_assessment_answer_edited (SrmAssessment        *self,
                               SrmAnswer            *answer,
                               SrmAnswerField        field,
                               const SrmAnswerValue *before,
                               const SrmAnswerValue *after,
                               GDateTime            *changed_before,
                               GDateTime            *changed_after)
{
  gboolean could_undo = srm_assessment_get_can_undo (self);
  gboolean could_redo = srm_assessment_get_can_redo (self);
  gint64 now = g_get_monotonic_time ();
  UndoStep *top = g_queue_peek_tail (&self->undo);

  clear_queue (&self->redo);

  if (!self->sealed && top != NULL && top->answer == answer && top->field == field &&
      is_text_field (field) && now - top->when < MERGE_USEC)
    {
      _srm_answer_value_clear (&top->after);
      copy_value (&top->after, after);
      g_clear_pointer (&top->changed_after, g_date_time_unref);
      top->changed_after = changed_after != NULL ? g_date_time_ref (changed_after) : NULL;
      top->when = now;
    }
  else
    {
      UndoStep *step = g_new0 (UndoStep, 1);

      step->answer = g_object_ref (answer);
      step->field = field;
      copy_value (&step->before, before);
      copy_value (&step->after, after);
      step->changed_before = changed_before != NULL ? g_date_time_ref (changed_before) : NULL;
      step->changed_after = changed_after != NULL ? g_date_time_ref (changed_after) : NULL;
      step->when = now;
      g_queue_push_tail (&self->undo, step);

      while (g_queue_get_length (&self->undo) > MAX_UNDO_STEPS)
        undo_step_free (g_queue_pop_head (&self->undo));
    }
  self->sealed = FALSE;

  touched (self, answer);
  notify_undo_state (self, could_undo, could_redo);
}

gboolean
srm_assessment_get_can_undo (SrmAssessment *self)
{
  g_return_val_if_fail (SRM_IS_ASSESSMENT (self), FALSE);
  return !g_queue_is_empty (&self->undo);
}

gboolean
srm_assessment_get_can_redo (SrmAssessment *self)
{
  g_return_val_if_fail (SRM_IS_ASSESSMENT (self), FALSE);
  return !g_queue_is_empty (&self->redo);
}

static gboolean
replay (SrmAssessment *self,
        GQueue        *from,
        GQueue        *to,
        gboolean       backwards)
{
  gboolean could_undo = srm_assessment_get_can_undo (self);
  gboolean could_redo = srm_assessment_get_can_redo (self);
  UndoStep *step = g_queue_pop_tail (from);

  if (step == NULL)
    return FALSE;

  if (backwards)
    _srm_answer_apply (step->answer, step->field, &step->before, step->changed_before);
  else
    _srm_answer_apply (step->answer, step->field, &step->after, step->changed_after);

  g_queue_push_tail (to, step);
  /* What comes after an undo or redo never merges into the step replayed. */
  self->sealed = TRUE;

  touched (self, step->answer);
  notify_undo_state (self, could_undo, could_redo);
  return TRUE;
}

gboolean
srm_assessment_undo (SrmAssessment *self)
{
  g_return_val_if_fail (SRM_IS_ASSESSMENT (self), FALSE);
  return replay (self, &self->undo, &self->redo, TRUE);
}

gboolean
srm_assessment_redo (SrmAssessment *self)
{
  g_return_val_if_fail (SRM_IS_ASSESSMENT (self), FALSE);
  return replay (self, &self->redo, &self->undo, FALSE);
}

void
srm_assessment_seal_undo_step (SrmAssessment *self)
{
  g_return_if_fail (SRM_IS_ASSESSMENT (self));
  self->sealed = TRUE;
}

/* ---- metadata ---- */

static void
set_text (SrmAssessment  *self,
          char          **slot,
          const char     *text,
          GParamSpec     *pspec)
{
  if (text == NULL)
    text = "";
  if (g_strcmp0 (*slot != NULL ? *slot : "", text) == 0)
    return;

  g_free (*slot);
  *slot = g_strdup (text);
  g_object_notify_by_pspec (G_OBJECT (self), pspec);
  touched (self, NULL);
}

const char *
srm_assessment_get_title (SrmAssessment *self)
{
  g_return_val_if_fail (SRM_IS_ASSESSMENT (self), NULL);
  return self->title != NULL ? self->title : "";
}

void
srm_assessment_set_title (SrmAssessment *self,
                          const char    *title)
{
  g_return_if_fail (SRM_IS_ASSESSMENT (self));
  set_text (self, &self->title, title, properties[PROP_TITLE]);
}

const char *
srm_assessment_get_organisation (SrmAssessment *self)
{
  g_return_val_if_fail (SRM_IS_ASSESSMENT (self), NULL);
  return self->organisation != NULL ? self->organisation : "";
}

void
srm_assessment_set_organisation (SrmAssessment *self,
                                 const char    *organisation)
{
  g_return_if_fail (SRM_IS_ASSESSMENT (self));
  set_text (self, &self->organisation, organisation, properties[PROP_ORGANISATION]);
}

const char *
srm_assessment_get_assessor (SrmAssessment *self)
{
  g_return_val_if_fail (SRM_IS_ASSESSMENT (self), NULL);
  return self->assessor != NULL ? self->assessor : "";
}

void
srm_assessment_set_assessor (SrmAssessment *self,
                             const char    *assessor)
{
  g_return_if_fail (SRM_IS_ASSESSMENT (self));
  set_text (self, &self->assessor, assessor, properties[PROP_ASSESSOR]);
}

GDateTime *
srm_assessment_get_created (SrmAssessment *self)
{
  g_return_val_if_fail (SRM_IS_ASSESSMENT (self), NULL);
  return self->created;
}

GDateTime *
srm_assessment_get_modified (SrmAssessment *self)
{
  g_return_val_if_fail (SRM_IS_ASSESSMENT (self), NULL);
  return self->modified;
}

GFile *
srm_assessment_get_file (SrmAssessment *self)
{
  g_return_val_if_fail (SRM_IS_ASSESSMENT (self), NULL);
  return self->file;
}

gboolean
srm_assessment_get_dirty (SrmAssessment *self)
{
  g_return_val_if_fail (SRM_IS_ASSESSMENT (self), FALSE);
  return self->dirty;
}

void
_srm_assessment_set_saved (SrmAssessment *self,
                           GFile         *file)
{
  if (file != NULL && (self->file == NULL || !g_file_equal (self->file, file)))
    {
      g_set_object (&self->file, file);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
    }
  set_dirty (self, FALSE);
}

JsonObject *
_srm_assessment_get_extra (SrmAssessment *self)
{
  return self->extra;
}

SrmCatalog *
srm_assessment_get_catalog (SrmAssessment *self)
{
  g_return_val_if_fail (SRM_IS_ASSESSMENT (self), NULL);
  return self->catalog;
}

const char *
srm_assessment_get_catalog_id (SrmAssessment *self)
{
  g_return_val_if_fail (SRM_IS_ASSESSMENT (self), NULL);
  return self->catalog_id;
}

const char *
srm_assessment_get_catalog_version (SrmAssessment *self)
{
  g_return_val_if_fail (SRM_IS_ASSESSMENT (self), NULL);
  return self->catalog_version;
}

const char * const *
srm_assessment_get_model_ids (SrmAssessment *self)
{
  g_return_val_if_fail (SRM_IS_ASSESSMENT (self), NULL);
  return (const char * const *) self->model_ids;
}

const char * const *
srm_assessment_get_service_ids (SrmAssessment *self)
{
  g_return_val_if_fail (SRM_IS_ASSESSMENT (self), NULL);
  return (const char * const *) self->service_ids;
}

GListModel *
srm_assessment_get_answers (SrmAssessment *self)
{
  g_return_val_if_fail (SRM_IS_ASSESSMENT (self), NULL);
  return G_LIST_MODEL (self->answers);
}

SrmAnswer *
srm_assessment_lookup_answer (SrmAssessment *self,
                              const char    *duty_id)
{
  g_return_val_if_fail (SRM_IS_ASSESSMENT (self), NULL);
  g_return_val_if_fail (duty_id != NULL, NULL);
  return g_hash_table_lookup (self->answer_by_duty, duty_id);
}

guint
srm_assessment_get_n_orphaned (SrmAssessment *self)
{
  guint n, orphaned = 0;

  g_return_val_if_fail (SRM_IS_ASSESSMENT (self), 0);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->answers));
  for (guint i = 0; i < n; i++)
    {
      SrmAnswer *answer = g_list_model_get_item (G_LIST_MODEL (self->answers), i);

      orphaned += srm_answer_get_orphaned (answer);
      g_object_unref (answer);
    }
  return orphaned;
}

/* ---- building ---- */

void
_srm_assessment_contents_clear (SrmAssessmentContents *contents)
{
  g_clear_pointer (&contents->title, g_free);
  g_clear_pointer (&contents->organisation, g_free);
  g_clear_pointer (&contents->assessor, g_free);
  g_clear_pointer (&contents->created, g_date_time_unref);
  g_clear_pointer (&contents->modified, g_date_time_unref);
  g_clear_pointer (&contents->catalog_id, g_free);
  g_clear_pointer (&contents->catalog_version, g_free);
  g_clear_pointer (&contents->model_ids, g_strfreev);
  g_clear_pointer (&contents->service_ids, g_strfreev);
  g_clear_pointer (&contents->answers, g_ptr_array_unref);
  g_clear_pointer (&contents->extra, json_object_unref);
  /* The index first: it borrows from the document's answers. */
  g_clear_pointer (&contents->answer_by_duty, g_hash_table_unref);
  g_clear_object (&contents->document);
}

/* Replaces the whole list in one items-changed. @answers: (transfer none). */
static void
set_answers (SrmAssessment *self,
             GPtrArray     *answers)
{
  guint old_n = g_list_model_get_n_items (G_LIST_MODEL (self->answers));

  g_hash_table_remove_all (self->answer_by_duty);
  for (guint i = 0; i < answers->len; i++)
    {
      SrmAnswer *answer = answers->pdata[i];

      _srm_answer_set_document (answer, self);
      g_hash_table_insert (self->answer_by_duty, (char *) srm_answer_get_duty_id (answer), answer);
    }
  g_list_store_splice (self->answers, 0, old_n, answers->pdata, answers->len);
}

void
_srm_assessment_append_loaded (SrmAssessment  *self,
                               SrmAnswer     **answers,
                               guint           n_answers)
{
  guint position = g_list_model_get_n_items (G_LIST_MODEL (self->answers));

  for (guint i = 0; i < n_answers; i++)
    _srm_answer_set_document (answers[i], self);
  g_list_store_splice (self->answers, position, 0, (gpointer *) answers, n_answers);
}

SrmAssessment *
_srm_assessment_new_from_contents (SrmAssessmentContents *contents)
{
  SrmAssessment *self = contents->document != NULL ? g_steal_pointer (&contents->document)
                                                   : g_object_new (SRM_TYPE_ASSESSMENT, NULL);

  self->title = g_steal_pointer (&contents->title);
  self->organisation = g_steal_pointer (&contents->organisation);
  self->assessor = g_steal_pointer (&contents->assessor);
  self->created = g_steal_pointer (&contents->created);
  self->modified = g_steal_pointer (&contents->modified);
  self->catalog_id = g_steal_pointer (&contents->catalog_id);
  self->catalog_version = g_steal_pointer (&contents->catalog_version);
  if (contents->model_ids != NULL)
    {
      g_strfreev (self->model_ids);
      self->model_ids = g_steal_pointer (&contents->model_ids);
    }
  if (contents->service_ids != NULL)
    {
      g_strfreev (self->service_ids);
      self->service_ids = g_steal_pointer (&contents->service_ids);
    }
  self->extra = g_steal_pointer (&contents->extra);
  if (contents->answer_by_duty != NULL)
    {
      g_hash_table_unref (self->answer_by_duty);
      self->answer_by_duty = g_steal_pointer (&contents->answer_by_duty);
    }
  if (contents->answers != NULL)
    set_answers (self, contents->answers);

  _srm_assessment_contents_clear (contents);
  return self;
}

static GStrv
known_ids (const char * const *ids,
           gboolean (*known) (SrmCatalog *, const char *),
           SrmCatalog         *catalog)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    {
      if (known (catalog, ids[i]))
        g_strv_builder_add (builder, ids[i]);
    }
  return g_strv_builder_end (builder);
}

static gboolean
is_known_model (SrmCatalog *catalog,
                const char *id)
{
  return srm_catalog_lookup_model (catalog, id) != NULL;
}

SrmAssessment *
srm_assessment_new_for_selection (SrmCatalog         *catalog,
                                  const char * const *model_ids,
                                  const char * const *service_ids)
{
  SrmAssessmentContents contents = { 0, };
  g_autoptr(GStrvBuilder) services = g_strv_builder_new ();
  GListModel *catalog_services;
  SrmAssessment *self;
  guint n;

  g_return_val_if_fail (SRM_IS_CATALOG (catalog), NULL);

  /* The scope lists services in catalog order, whatever order they came in. */
  catalog_services = srm_catalog_get_services (catalog);
  n = g_list_model_get_n_items (catalog_services);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SrmService) service = g_list_model_get_item (catalog_services, i);

      if (service_ids != NULL && g_strv_contains (service_ids, srm_service_get_id (service)))
        g_strv_builder_add (services, srm_service_get_id (service));
    }

  contents.created = _srm_now_utc ();
  contents.modified = g_date_time_ref (contents.created);
  contents.catalog_id = g_strdup (srm_catalog_get_id (catalog));
  contents.catalog_version = g_strdup (srm_catalog_get_version (catalog));
  contents.model_ids = known_ids (model_ids, is_known_model, catalog);
  contents.service_ids = g_strv_builder_end (services);
  self = _srm_assessment_new_from_contents (&contents);

  /* Attaching adds an answer for every duty in scope, in catalog order. */
  srm_assessment_attach_catalog (self, catalog);
  clear_queue (&self->undo);
  set_dirty (self, FALSE);
  return self;
}

/* ---- the catalog ---- */

typedef struct {
  SrmAnswer *answer;
  guint      layer;     /* catalog layer index; G_MAXUINT for orphans */
  guint      service;   /* catalog service index */
  guint      duty;      /* index within the service */
  guint      position;  /* before sorting, to keep orphans in order */
} SortKey;

static int
compare_keys (gconstpointer a,
              gconstpointer b)
{
  const SortKey *x = a, *y = b;

  if (x->layer != y->layer)
    return x->layer < y->layer ? -1 : 1;
  if (x->service != y->service)
    return x->service < y->service ? -1 : 1;
  if (x->duty != y->duty)
    return x->duty < y->duty ? -1 : 1;
  return (x->position > y->position) - (x->position < y->position);
}

void
srm_assessment_attach_catalog (SrmAssessment *self,
                               SrmCatalog    *catalog)
{
  g_autoptr(GHashTable) duty_rank = NULL;   /* duty id → SortKey template */
  g_autoptr(GArray) keys = NULL;
  g_autoptr(GPtrArray) sorted = NULL;
  GListModel *services;
  guint n_services, n_answers;
  gboolean added = FALSE;

  g_return_if_fail (SRM_IS_ASSESSMENT (self));
  g_return_if_fail (SRM_IS_CATALOG (catalog));

  duty_rank = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  services = srm_catalog_get_services (catalog);
  n_services = g_list_model_get_n_items (services);
  for (guint s = 0; s < n_services; s++)
    {
      g_autoptr(SrmService) service = g_list_model_get_item (services, s);
      GListModel *duties = srm_service_get_duties (service);
      guint n_duties = g_list_model_get_n_items (duties);
      gboolean in_scope = g_strv_contains ((const char * const *) self->service_ids,
                                           srm_service_get_id (service));

      for (guint d = 0; d < n_duties; d++)
        {
          g_autoptr(SrmDuty) duty = g_list_model_get_item (duties, d);
          SrmLayer *layer = srm_catalog_lookup_layer (catalog, srm_duty_get_layer_id (duty));
          SortKey *key = g_new0 (SortKey, 1);

          key->layer = layer != NULL ? srm_layer_get_index (layer) : G_MAXUINT - 1;
          key->service = s;
          key->duty = d;
          g_hash_table_insert (duty_rank, (char *) srm_duty_get_id (duty), key);

          if (in_scope && !g_hash_table_contains (self->answer_by_duty, srm_duty_get_id (duty)))
            {
              g_autoptr(SrmAnswer) answer = srm_answer_new (srm_duty_get_id (duty),
                                                            srm_service_get_id (service));

              _srm_answer_set_document (answer, self);
              g_list_store_append (self->answers, answer);
              g_hash_table_insert (self->answer_by_duty,
                                   (char *) srm_answer_get_duty_id (answer), answer);
              added = TRUE;
            }
        }
    }

  n_answers = g_list_model_get_n_items (G_LIST_MODEL (self->answers));
  keys = g_array_sized_new (FALSE, FALSE, sizeof (SortKey), n_answers);
  for (guint i = 0; i < n_answers; i++)
    {
      SrmAnswer *answer = g_list_model_get_item (G_LIST_MODEL (self->answers), i);
      const SortKey *rank = g_hash_table_lookup (duty_rank, srm_answer_get_duty_id (answer));
      SortKey key = { answer, G_MAXUINT, G_MAXUINT, G_MAXUINT, i };

      if (rank != NULL)
        {
          key.layer = rank->layer;
          key.service = rank->service;
          key.duty = rank->duty;
        }
      _srm_answer_resolve (answer, srm_catalog_lookup_duty (catalog, srm_answer_get_duty_id (answer)), TRUE);
      g_array_append_val (keys, key);
      g_object_unref (answer);   /* the store keeps it */
    }

  g_array_sort (keys, compare_keys);
  sorted = g_ptr_array_new_full (n_answers, g_object_unref);
  for (guint i = 0; i < keys->len; i++)
    g_ptr_array_add (sorted, g_object_ref (g_array_index (keys, SortKey, i).answer));
  set_answers (self, sorted);

  if (g_set_object (&self->catalog, catalog))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CATALOG]);

  if (added)
    touched (self, NULL);
}

/* ---- loading ---- */

SrmAssessment *
srm_assessment_new_from_bytes (GBytes     *bytes,
                               const char *display_name,
                               GError    **error)
{
  gsize len;
  const char *data;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (display_name == NULL)
    display_name = _("assessment");

  data = g_bytes_get_data (bytes, &len);
  return _srm_assessment_file_parse (data != NULL ? data : "", len, display_name, error);
}

SrmAssessment *
srm_assessment_new_from_file (GFile         *file,
                              GCancellable  *cancellable,
                              GError       **error)
{
  g_autofree char *name = NULL;
  g_autoptr(GBytes) bytes = NULL;
  SrmAssessment *self;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  name = _srm_assessment_display_name (file);
  bytes = _srm_assessment_file_load (file, name, cancellable, error);
  if (bytes == NULL)
    return NULL;

  self = srm_assessment_new_from_bytes (bytes, name, error);
  if (self != NULL)
    _srm_assessment_set_saved (self, file);
  return self;
}

static void
load_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  GError *error = NULL;
  SrmAssessment *self;

  /* The new document is not shared with anyone until the task returns it. */
  self = srm_assessment_new_from_file (task_data, cancellable, &error);
  if (self == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, self, g_object_unref);
}

void
srm_assessment_load_async (GFile               *file,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, srm_assessment_load_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, load_in_thread);
}

SrmAssessment *
srm_assessment_load_finish (GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == srm_assessment_load_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ---- saving ---- */

GBytes *
srm_assessment_to_bytes (SrmAssessment *self)
{
  g_return_val_if_fail (SRM_IS_ASSESSMENT (self), NULL);

  return _srm_assessment_file_write (self);
}

typedef struct {
  GFile   *file;
  GBytes  *bytes;
  guint64  generation;
} SaveData;

static void
save_data_free (SaveData *data)
{
  g_clear_object (&data->file);
  g_clear_pointer (&data->bytes, g_bytes_unref);
  g_free (data);
}

/* GIO's reason, under our domain and with the file's name; a cancellation
 * stays G_IO_ERROR_CANCELLED so callers can ignore it. */
static gboolean
write_file (GFile         *file,
            GBytes        *bytes,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autoptr(GError) local = NULL;
  g_autofree char *name = NULL;
  g_autofree char *problem = NULL;

  if (_srm_safe_file_replace (file, bytes, TRUE, cancellable, &local))
    return TRUE;

  if (g_error_matches (local, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }

  name = _srm_assessment_display_name (file);
  /* Translators: %s is the system's reason, e.g. "No space left on device" */
  problem = g_strdup_printf (_("cannot save; the file on disk is unchanged: %s"), local->message);
  _srm_assessment_set_error (error, SRM_ASSESSMENT_ERROR_WRITE, name, NULL, problem);
  return FALSE;
}

static void
saved (SrmAssessment *self,
       GFile         *file,
       guint64        generation)
{
  g_object_freeze_notify (G_OBJECT (self));
  _srm_assessment_set_saved (self, file);
  /* An edit made while the worker wrote is not in the file. */
  if (generation != self->generation)
    set_dirty (self, TRUE);
  g_object_thaw_notify (G_OBJECT (self));
}

gboolean
srm_assessment_save (SrmAssessment  *self,
                     GFile          *file,
                     GCancellable   *cancellable,
                     GError        **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (SRM_IS_ASSESSMENT (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  bytes = srm_assessment_to_bytes (self);
  if (!write_file (file, bytes, cancellable, error))
    return FALSE;

  saved (self, file, self->generation);
  return TRUE;
}

static void
save_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  SaveData *data = task_data;
  GError *error = NULL;

  if (write_file (data->file, data->bytes, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
srm_assessment_save_async (SrmAssessment       *self,
                           GFile               *file,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  SaveData *data;

  g_return_if_fail (SRM_IS_ASSESSMENT (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  data = g_new0 (SaveData, 1);
  data->file = g_object_ref (file);
  data->bytes = srm_assessment_to_bytes (self);   /* here: the document is not thread-safe */
  data->generation = self->generation;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, srm_assessment_save_async);
  g_task_set_task_data (task, data, (GDestroyNotify) save_data_free);
  g_task_run_in_thread (task, save_in_thread);
}

gboolean
srm_assessment_save_finish (SrmAssessment  *self,
                            GAsyncResult   *result,
                            GError        **error)
{
  SaveData *data;

  g_return_val_if_fail (SRM_IS_ASSESSMENT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == srm_assessment_save_async, FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;

  data = g_task_get_task_data (G_TASK (result));
  saved (self, data->file, data->generation);
  return TRUE;
}
