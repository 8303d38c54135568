/* srm-assessment.h: a team's self-assessment of its side of the shared
 * responsibility split: for the services it runs, one SrmAnswer per customer
 * duty (docs/assessment-format.md).
 *
 * An assessment describes an organisation's security gaps, so it is sensitive:
 * files are created readable by their owner only (0600), written so that a
 * crash or a full disk never leaves a half-written file, and the previous
 * version is kept as NAME.srma~.
 *
 * The document is not thread-safe: use it from one thread (the main thread in
 * the app). The async functions serialise on the calling thread and only do the
 * file I/O in a worker.
 */
#pragma once

#include <gio/gio.h>

#include "srm-answer.h"
#include "srm-catalog.h"

G_BEGIN_DECLS

/* The format this build writes, and the major version it reads (1.x). */
#define SRM_ASSESSMENT_FORMAT_MAJOR 1
#define SRM_ASSESSMENT_FORMAT_MINOR 0
/* Larger files are refused before they are read. */
#define SRM_ASSESSMENT_MAX_BYTES (32 * 1024 * 1024)

#define SRM_ASSESSMENT_ERROR (srm_assessment_error_quark ())
GQuark srm_assessment_error_quark (void);

typedef enum {
  SRM_ASSESSMENT_ERROR_READ,                /* missing, a folder, no permission */
  SRM_ASSESSMENT_ERROR_TOO_LARGE,           /* over SRM_ASSESSMENT_MAX_BYTES */
  SRM_ASSESSMENT_ERROR_ENCODING,            /* not UTF-8, or NUL bytes */
  SRM_ASSESSMENT_ERROR_SYNTAX,              /* not JSON: empty, truncated, malformed */
  SRM_ASSESSMENT_ERROR_TOO_DEEP,            /* nested deeper than the format allows */
  SRM_ASSESSMENT_ERROR_MISSING_FIELD,       /* a required member is absent */
  SRM_ASSESSMENT_ERROR_WRONG_TYPE,          /* a member has the wrong JSON type */
  SRM_ASSESSMENT_ERROR_INVALID_VALUE,       /* bad status, date, time, id, format name */
  SRM_ASSESSMENT_ERROR_DUPLICATE,           /* a member twice in one object, or two answers for one duty */
  SRM_ASSESSMENT_ERROR_UNSUPPORTED_VERSION, /* written by a newer major version */
  SRM_ASSESSMENT_ERROR_WRITE,               /* saving failed; the file on disk is unchanged */
} SrmAssessmentError;

#define SRM_TYPE_ASSESSMENT (srm_assessment_get_type ())
G_DECLARE_FINAL_TYPE (SrmAssessment, srm_assessment, SRM, ASSESSMENT, GObject)

/* A new assessment of every customer duty of @service_ids (status
 * not-assessed), attached to @catalog. Unknown ids are dropped, as settings may
 * remember services a catalog lost. @model_ids are recorded in the scope (the
 * columns the team looked at) and add no answers. */
SrmAssessment      *srm_assessment_new_for_selection (SrmCatalog          *catalog,
                                                      const char * const  *model_ids,
                                                      const char * const  *service_ids);

/* ---- reading and writing ---- */

/* Loaders return a new document (never touching the file), not dirty, not
 * attached to a catalog. Errors are in SRM_ASSESSMENT_ERROR (or G_IO_ERROR_CANCELLED)
 * and read "NAME: PLACE: problem", PLACE a JSON path such as answers[12].due. */
SrmAssessment      *srm_assessment_new_from_file     (GFile               *file,
                                                      GCancellable        *cancellable,
                                                      GError             **error);
SrmAssessment      *srm_assessment_new_from_bytes    (GBytes              *bytes,
                                                      const char          *display_name,
                                                      GError             **error);
void                srm_assessment_load_async        (GFile               *file,
                                                      GCancellable        *cancellable,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data);
SrmAssessment      *srm_assessment_load_finish       (GAsyncResult        *result,
                                                      GError             **error);

/* The file's bytes: deterministic (the same document gives the same bytes),
 * pretty-printed with a 2-space indent and a final newline. */
GBytes             *srm_assessment_to_bytes          (SrmAssessment       *self);

/* Writes to a temporary file beside @file, syncs it, keeps the old file as
 * NAME~ and renames the new one over it: on any failure the file on disk is
 * unchanged and no temporary file is left. If @file is a symbolic link, the
 * file it points to is replaced and the link kept. On success the document is
 * no longer dirty (unless it was edited while saving) and its file is @file. */
gboolean            srm_assessment_save              (SrmAssessment       *self,
                                                      GFile               *file,
                                                      GCancellable        *cancellable,
                                                      GError             **error);
void                srm_assessment_save_async        (SrmAssessment       *self,
                                                      GFile               *file,
                                                      GCancellable        *cancellable,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data);
gboolean            srm_assessment_save_finish       (SrmAssessment       *self,
                                                      GAsyncResult        *result,
                                                      GError             **error);

/* ---- the catalog ---- */

/* Resolves every answer to the catalog's duty; answers for duties the catalog
 * no longer has are kept and flagged orphaned, answers are put in catalog order
 * (layer, service, duty; orphans last, in their previous order), and duties the
 * catalog added to in-scope services get a not-assessed answer (which makes the
 * document dirty). The recorded catalog id and version are not changed. */
void                srm_assessment_attach_catalog    (SrmAssessment       *self,
                                                      SrmCatalog          *catalog);
SrmCatalog         *srm_assessment_get_catalog       (SrmAssessment       *self);
const char         *srm_assessment_get_catalog_id    (SrmAssessment       *self);
const char         *srm_assessment_get_catalog_version (SrmAssessment     *self);
/* Never NULL. */
const char * const *srm_assessment_get_model_ids     (SrmAssessment       *self);
const char * const *srm_assessment_get_service_ids   (SrmAssessment       *self);

/* ---- the document ---- */

/* Never NULL; "" when unset. */
const char         *srm_assessment_get_title         (SrmAssessment       *self);
void                srm_assessment_set_title         (SrmAssessment       *self,
                                                      const char          *title);
const char         *srm_assessment_get_organisation  (SrmAssessment       *self);
void                srm_assessment_set_organisation  (SrmAssessment       *self,
                                                      const char          *organisation);
const char         *srm_assessment_get_assessor      (SrmAssessment       *self);
void                srm_assessment_set_assessor      (SrmAssessment       *self,
                                                      const char          *assessor);
/* UTC, whole seconds. Modified is the time of the last change, not of saving. */
GDateTime          *srm_assessment_get_created       (SrmAssessment       *self);
GDateTime          *srm_assessment_get_modified      (SrmAssessment       *self);
/* Where it was loaded from or last saved to; NULL for a new document. */
GFile              *srm_assessment_get_file          (SrmAssessment       *self);
/* TRUE after any change (undo and redo included) until saved. */
gboolean            srm_assessment_get_dirty         (SrmAssessment       *self);

/* A GListModel of SrmAnswer in catalog order (see attach_catalog). */
GListModel         *srm_assessment_get_answers       (SrmAssessment       *self);
SrmAnswer          *srm_assessment_lookup_answer     (SrmAssessment       *self,
                                                      const char          *duty_id);
guint               srm_assessment_get_n_orphaned    (SrmAssessment       *self);

/* ---- undo ---- */

/* Undo and redo answer edits. Consecutive edits of one text field (owner,
 * notes, evidence) of one answer less than a second apart are one step. */
gboolean            srm_assessment_get_can_undo      (SrmAssessment       *self);
gboolean            srm_assessment_get_can_redo      (SrmAssessment       *self);
gboolean            srm_assessment_undo              (SrmAssessment       *self);
gboolean            srm_assessment_redo              (SrmAssessment       *self);
/* The next edit starts a new undo step, even within the second: call it when
 * a text field loses focus. */
void                srm_assessment_seal_undo_step    (SrmAssessment       *self);

G_END_DECLS
