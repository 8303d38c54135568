/* srm-window.h: the explorer window. */
#pragma once

#include <adwaita.h>

#include "srm-application.h"
#include "srm-assessment-view.h"
#include "srm-details-panel.h"
#include "srm-diagram-view.h"
#include "srm-render.h"

G_BEGIN_DECLS

#define SRM_TYPE_WINDOW (srm_window_get_type ())
G_DECLARE_FINAL_TYPE (SrmWindow, srm_window, SRM, WINDOW, AdwApplicationWindow)

SrmWindow       *srm_window_new               (SrmApplication    *application);
SrmCatalog      *srm_window_get_catalog       (SrmWindow         *self);
/* The catalog, model and services every view of the window follows. */
SrmSelection    *srm_window_get_selection     (SrmWindow         *self);
SrmDiagramView  *srm_window_get_diagram_view  (SrmWindow         *self);
SrmDetailsPanel *srm_window_get_details_panel (SrmWindow         *self);

/* ---- assessments ---- */

/* The assessment open in this window, or NULL. */
SrmAssessment     *srm_window_get_assessment         (SrmWindow           *self);
SrmAssessmentView *srm_window_get_assessment_view    (SrmWindow           *self);
/* The id of the draft the open document autosaves to, or NULL before the first. */
const char        *srm_window_get_draft_id           (SrmWindow           *self);
/* Loads @file without blocking; shows it here if this window has no
 * assessment, else in a new window, or brings up the window that has it open.
 * A file that fails to load leaves every document as it was and says why in a
 * dialog. */
void               srm_window_open_file              (SrmWindow           *self,
                                                      GFile               *file);
/* What win.save-as does once a file is chosen: saves the open assessment to
 * @file, errors in a dialog, success in a toast and the recent files. */
void               srm_window_save_assessment_to     (SrmWindow           *self,
                                                      GFile               *file,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data);
gboolean           srm_window_save_assessment_finish (SrmWindow           *self,
                                                      GAsyncResult        *result,
                                                      GError             **error);

G_END_DECLS
