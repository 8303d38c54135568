/* srm-draft-store.h: autosaved drafts of assessments, for recovery after a
 * crash, a power cut or a killed process. No UI: the app saves a draft every
 * minute and on quit, discards it after a successful save, and at start-up
 * offers the drafts it finds (they were left by a process that didn't finish).
 *
 * Each draft is one file, DIR/ID.srma-draft, written like an assessment
 * (temporary file, sync, rename; mode 0600, the folder 0700), holding the
 * assessment and the path of the file it belongs to, if any. See
 * docs/assessment-format.md.
 */
#pragma once

#include <gio/gio.h>

#include "srm-assessment.h"
#include "srm-draft.h"

G_BEGIN_DECLS

#define SRM_TYPE_DRAFT_STORE (srm_draft_store_get_type ())
G_DECLARE_FINAL_TYPE (SrmDraftStore, srm_draft_store, SRM, DRAFT_STORE, GObject)

/* @dir: NULL for $XDG_DATA_HOME/srm-explorer/drafts. Created when the first
 * draft is saved. */
SrmDraftStore *srm_draft_store_new           (const char     *dir);
const char    *srm_draft_store_get_dir       (SrmDraftStore  *self);

/* A new random id (letters, digits and "-"). Draft ids must be 1 to 64
 * letters, digits, "-" or "_". */
char          *srm_draft_store_new_draft_id  (void);

/* Saves the document as it is now; replaces an earlier draft with @draft_id.
 * Does not change the document (it stays dirty). */
gboolean       srm_draft_store_save_draft    (SrmDraftStore  *self,
                                              SrmAssessment  *assessment,
                                              const char     *draft_id,
                                              GError        **error);
/* The same, writing in a worker thread (serialised on the calling one). */
void           srm_draft_store_save_draft_async  (SrmDraftStore       *self,
                                                  SrmAssessment       *assessment,
                                                  const char          *draft_id,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);
gboolean       srm_draft_store_save_draft_finish (SrmDraftStore       *self,
                                                  GAsyncResult        *result,
                                                  GError             **error);

/* A new GListModel of SrmDraft, newest first. Unreadable drafts are skipped
 * with a message in the log that names the file. */
GListModel    *srm_draft_store_list_drafts   (SrmDraftStore  *self);

/* A new document from the draft: dirty, its file the draft's original (or
 * NULL). Errors as srm_assessment_new_from_file(), naming the draft file. */
SrmAssessment *srm_draft_store_load_draft    (SrmDraftStore  *self,
                                              const char     *draft_id,
                                              GError        **error);

/* Deletes the draft; a draft that isn't there is not an error. */
gboolean       srm_draft_store_discard_draft (SrmDraftStore  *self,
                                              const char     *draft_id,
                                              GError        **error);

G_END_DECLS
