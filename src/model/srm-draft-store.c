/* srm-draft-store.c: autosaved drafts, one file each.
 *
 * A draft wraps the assessment's own JSON in an object that says which file it
 * belongs to and when it was written, so one atomic write records both and a
 * recovery dialog can say "Unsaved changes to team.srma" without guessing.
 */
#include "config.h"

#include <errno.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "srm-assessment-file.h"
#include "srm-assessment-private.h"
#include "srm-draft-store.h"

#define DRAFT_FORMAT "srm-assessment-draft"
#define DRAFT_SUFFIX ".srma-draft"
#define DRAFT_ID_MAX 64

struct _SrmDraftStore
{
  GObject parent_instance;

  char *dir;
};

G_DEFINE_TYPE (SrmDraftStore, srm_draft_store, G_TYPE_OBJECT)

static void
srm_draft_store_finalize (GObject *object)
{
  SrmDraftStore *self = SRM_DRAFT_STORE (object);

  g_free (self->dir);

  G_OBJECT_CLASS (srm_draft_store_parent_class)->finalize (object);
}

static void
srm_draft_store_class_init (SrmDraftStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = srm_draft_store_finalize;
}

static void
srm_draft_store_init (SrmDraftStore *self)
{
}

SrmDraftStore *
srm_draft_store_new (const char *dir)
{
  SrmDraftStore *self = g_object_new (SRM_TYPE_DRAFT_STORE, NULL);

  if (dir != NULL)
    self->dir = g_strdup (dir);
  else
    self->dir = g_build_filename (g_get_user_data_dir (), "srm-explorer", "drafts", NULL);
  return self;
}

const char *
srm_draft_store_get_dir (SrmDraftStore *self)
{
  g_return_val_if_fail (SRM_IS_DRAFT_STORE (self), NULL);
  return self->dir;
}

char *
srm_draft_store_new_draft_id (void)
{
  return g_uuid_string_random ();
}

/* Ids become file names: nothing that could leave the folder. */
static gboolean
is_valid_draft_id (const char *id)
{
  gsize len = 0;

  for (const char *p = id; *p != '\0'; p++, len++)
    {
      if (!g_ascii_isalnum (*p) && *p != '-' && *p != '_')
        return FALSE;
    }
  return len > 0 && len <= DRAFT_ID_MAX;
}

static char *
draft_path (SrmDraftStore *self,
            const char    *draft_id)
{
  g_autofree char *name = g_strconcat (draft_id, DRAFT_SUFFIX, NULL);

  return g_build_filename (self->dir, name, NULL);
}

static GBytes *
serialise_draft (SrmAssessment *assessment,
                 const char    *draft_id)
{
  g_autoptr(JsonNode) root = json_node_new (JSON_NODE_OBJECT);
  g_autoptr(GDateTime) now = _srm_now_utc ();
  g_autofree char *saved = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
  JsonObject *object = json_object_new ();
  GFile *original = srm_assessment_get_file (assessment);

  json_object_set_string_member (object, "format", DRAFT_FORMAT);
  json_object_set_string_member (object, "version", "1.0");
  json_object_set_string_member (object, "id", draft_id);
  json_object_set_string_member (object, "saved", saved);
  json_object_set_string_member (object, "title", srm_assessment_get_title (assessment));
  if (original != NULL)
    {
      /* A URI: file names need not be UTF-8, JSON must be. */
      g_autofree char *uri = g_file_get_uri (original);

      json_object_set_string_member (object, "original", uri);
    }
  json_object_set_member (object, "assessment", _srm_assessment_file_to_node (assessment));
  json_node_take_object (root, object);

  return _srm_assessment_file_generate (root);
}

static gboolean
write_draft (const char    *dir,
             const char    *path,
             GBytes        *bytes,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) local = NULL;
  g_autofree char *name = NULL;
  g_autofree char *problem = NULL;

  /* The folder is private: drafts describe security gaps too. */
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;
      g_autofree char *display = g_filename_display_name (dir);

      /* Translators: a folder, then the system's reason */
      problem = g_strdup_printf (_("cannot create the folder %s: %s"), display, g_strerror (saved_errno));
      name = _srm_assessment_display_name (file);
      _srm_assessment_set_error (error, SRM_ASSESSMENT_ERROR_WRITE, name, NULL, problem);
      return FALSE;
    }

  if (_srm_safe_file_replace (file, bytes, FALSE, cancellable, &local))
    return TRUE;

  if (g_error_matches (local, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  name = _srm_assessment_display_name (file);
  problem = g_strdup_printf (_("cannot save the draft: %s"), local->message);
  _srm_assessment_set_error (error, SRM_ASSESSMENT_ERROR_WRITE, name, NULL, problem);
  return FALSE;
}

gboolean
srm_draft_store_save_draft (SrmDraftStore  *self,
                            SrmAssessment  *assessment,
                            const char     *draft_id,
                            GError        **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (SRM_IS_DRAFT_STORE (self), FALSE);
  g_return_val_if_fail (SRM_IS_ASSESSMENT (assessment), FALSE);
  g_return_val_if_fail (draft_id != NULL && is_valid_draft_id (draft_id), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  bytes = serialise_draft (assessment, draft_id);
  path = draft_path (self, draft_id);
  return write_draft (self->dir, path, bytes, NULL, error);
}

typedef struct {
  char   *dir;
  char   *path;
  GBytes *bytes;
} DraftWrite;

static void
draft_write_free (DraftWrite *data)
{
  g_free (data->dir);
  g_free (data->path);
  g_bytes_unref (data->bytes);
  g_free (data);
}

static void
save_draft_in_thread (GTask        *task,
                      gpointer      source_object,
                      gpointer      task_data,
                      GCancellable *cancellable)
{
  DraftWrite *data = task_data;
  GError *error = NULL;

  if (write_draft (data->dir, data->path, data->bytes, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
srm_draft_store_save_draft_async (SrmDraftStore       *self,
                                  SrmAssessment       *assessment,
                                  const char          *draft_id,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  DraftWrite *data;

  g_return_if_fail (SRM_IS_DRAFT_STORE (self));
  g_return_if_fail (SRM_IS_ASSESSMENT (assessment));
  g_return_if_fail (draft_id != NULL && is_valid_draft_id (draft_id));

  data = g_new0 (DraftWrite, 1);
  data->dir = g_strdup (self->dir);
  data->path = draft_path (self, draft_id);
  data->bytes = serialise_draft (assessment, draft_id);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, srm_draft_store_save_draft_async);
  g_task_set_task_data (task, data, (GDestroyNotify) draft_write_free);
  g_task_run_in_thread (task, save_draft_in_thread);
}

gboolean
srm_draft_store_save_draft_finish (SrmDraftStore  *self,
                                   GAsyncResult   *result,
                                   GError        **error)
{
  g_return_val_if_fail (SRM_IS_DRAFT_STORE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Reads a draft file: its description and, if @assessment is not NULL, the
 * document. */
static SrmDraft *
read_draft (const char     *path,
            SrmAssessment **assessment,
            GError        **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *name = _srm_assessment_display_name (file);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GDateTime) saved = NULL;
  g_autoptr(GFile) original = NULL;
  JsonObject *object;
  JsonNode *node;
  const char *id, *title, *text;
  gsize len;
  const char *data;

  bytes = _srm_assessment_file_load (file, name, NULL, error);
  if (bytes == NULL)
    return NULL;
  data = g_bytes_get_data (bytes, &len);
  root = _srm_assessment_file_parse_json (data != NULL ? data : "", len, name, error);
  if (root == NULL)
    return NULL;

  /* The wrapper is written only by this code; a short check suffices. */
  object = JSON_NODE_HOLDS_OBJECT (root) ? json_node_get_object (root) : NULL;
  if (object == NULL ||
      g_strcmp0 (json_object_get_string_member_with_default (object, "format", ""), DRAFT_FORMAT) != 0 ||
      (id = json_object_get_string_member_with_default (object, "id", NULL)) == NULL ||
      (text = json_object_get_string_member_with_default (object, "saved", NULL)) == NULL ||
      (saved = g_date_time_new_from_iso8601 (text, NULL)) == NULL ||
      (node = json_object_get_member (object, "assessment")) == NULL)
    {
      _srm_assessment_set_error (error, SRM_ASSESSMENT_ERROR_INVALID_VALUE, name, NULL,
                                 _("this is not a draft of an assessment"));
      return NULL;
    }
  title = json_object_get_string_member_with_default (object, "title", "");
  text = json_object_get_string_member_with_default (object, "original", NULL);
  if (text != NULL)
    original = g_file_new_for_uri (text);

  if (assessment != NULL)
    {
      *assessment = _srm_assessment_file_read_node (node, name, "assessment", error);
      if (*assessment == NULL)
        return NULL;
      if (original != NULL)
        _srm_assessment_set_saved (*assessment, original);
      /* Its changes are not in any saved file. */
      _srm_assessment_set_dirty (*assessment, TRUE);
    }

  return srm_draft_new (id, title, saved, original);
}

static int
newest_first (gconstpointer a,
              gconstpointer b)
{
  SrmDraft *x = *(SrmDraft **) a, *y = *(SrmDraft **) b;
  int order = g_date_time_compare (srm_draft_get_saved (y), srm_draft_get_saved (x));

  return order != 0 ? order : g_strcmp0 (srm_draft_get_id (x), srm_draft_get_id (y));
}

GListModel *
srm_draft_store_list_drafts (SrmDraftStore *self)
{
  g_autoptr(GListStore) store = g_list_store_new (SRM_TYPE_DRAFT);
  g_autoptr(GPtrArray) drafts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GDir) dir = NULL;
  const char *entry;

  g_return_val_if_fail (SRM_IS_DRAFT_STORE (self), NULL);

  dir = g_dir_open (self->dir, 0, NULL);
  while (dir != NULL && (entry = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      g_autoptr(GError) error = NULL;
      SrmDraft *draft;

      /* Temporary files of an interrupted write start with a dot. */
      if (!g_str_has_suffix (entry, DRAFT_SUFFIX) || entry[0] == '.')
        continue;

      path = g_build_filename (self->dir, entry, NULL);
      draft = read_draft (path, NULL, &error);
      if (draft == NULL)
        {
          g_message ("Skipping a draft that cannot be read: %s", error->message);
          continue;
        }
      g_ptr_array_add (drafts, draft);
    }

  g_ptr_array_sort (drafts, newest_first);
  g_list_store_splice (store, 0, 0, drafts->pdata, drafts->len);
  return G_LIST_MODEL (g_steal_pointer (&store));
}

SrmAssessment *
srm_draft_store_load_draft (SrmDraftStore  *self,
                            const char     *draft_id,
                            GError        **error)
{
  g_autofree char *path = NULL;
  g_autoptr(SrmDraft) draft = NULL;
  SrmAssessment *assessment = NULL;

  g_return_val_if_fail (SRM_IS_DRAFT_STORE (self), NULL);
  g_return_val_if_fail (draft_id != NULL && is_valid_draft_id (draft_id), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  path = draft_path (self, draft_id);
  draft = read_draft (path, &assessment, error);
  if (draft == NULL)
    {
      g_clear_object (&assessment);
      return NULL;
    }
  return assessment;
}

gboolean
srm_draft_store_discard_draft (SrmDraftStore  *self,
                               const char     *draft_id,
                               GError        **error)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (SRM_IS_DRAFT_STORE (self), FALSE);
  g_return_val_if_fail (draft_id != NULL && is_valid_draft_id (draft_id), FALSE);

  path = draft_path (self, draft_id);
  if (g_unlink (path) != 0 && errno != ENOENT)
    {
      int saved_errno = errno;
      g_autofree char *name = g_filename_display_basename (path);

      g_set_error (error, SRM_ASSESSMENT_ERROR, SRM_ASSESSMENT_ERROR_WRITE,
                   /* Translators: a file name, then the system's reason */
                   _("%s: cannot delete the draft: %s"), name, g_strerror (saved_errno));
      return FALSE;
    }
  return TRUE;
}
