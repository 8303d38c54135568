/* srm-draft.h: what the draft store knows about one autosaved draft, for a
 * recovery dialog ("Unsaved changes to team.srma, 10:42"). Immutable. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define SRM_TYPE_DRAFT (srm_draft_get_type ())
G_DECLARE_FINAL_TYPE (SrmDraft, srm_draft, SRM, DRAFT, GObject)

SrmDraft   *srm_draft_new          (const char *id,
                                    const char *title,
                                    GDateTime  *saved,
                                    GFile      *original);

const char *srm_draft_get_id       (SrmDraft   *self);
/* The assessment's title; may be "". */
const char *srm_draft_get_title    (SrmDraft   *self);
/* When the draft was written (UTC). */
GDateTime  *srm_draft_get_saved    (SrmDraft   *self);
/* The file the document was loaded from or saved to, or NULL if it never was. */
GFile      *srm_draft_get_original (SrmDraft   *self);

G_END_DECLS
