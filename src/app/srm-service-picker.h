/* srm-service-picker.h: a searchable list of the catalog's services, grouped by
 * category, where the presenter ticks the services of a workload. */
#pragma once

#include <adwaita.h>

#include "srm-model.h"

G_BEGIN_DECLS

#define SRM_TYPE_SERVICE_PICKER (srm_service_picker_get_type ())
G_DECLARE_FINAL_TYPE (SrmServicePicker, srm_service_picker, SRM, SERVICE_PICKER, AdwBin)

GtkWidget    *srm_service_picker_new           (SrmSelection     *selection);
SrmSelection *srm_service_picker_get_selection (SrmServicePicker *self);
void          srm_service_picker_set_selection (SrmServicePicker *self,
                                                SrmSelection     *selection);

/* For tests and tooling: the widgets a user would look at or type into. */
GtkEditable  *srm_service_picker_get_search_entry (SrmServicePicker *self);
/* The text of the "N selected" line. */
const char   *srm_service_picker_get_count_text   (SrmServicePicker *self);
/* The status page shown instead of the list (no match, no services), or NULL
 * while the list is shown. */
AdwStatusPage *srm_service_picker_get_status_page (SrmServicePicker *self);
/* Ids of the services whose rows pass the search, in the order shown. */
GStrv         srm_service_picker_dup_visible_ids  (SrmServicePicker *self);
/* The row of @service_id, or NULL when it is filtered out. */
GtkListBoxRow *srm_service_picker_get_row         (SrmServicePicker *self,
                                                   const char       *service_id);
/* How many rows are built now: before its window's first frame the picker
 * builds only those the window can show (see srm-service-picker.c). */
guint         srm_service_picker_get_n_built_rows (SrmServicePicker *self);
guint         srm_service_picker_rows_for_height  (int               height);
/* Whether the row's check box is ticked. */
gboolean      srm_service_picker_get_row_checked  (SrmServicePicker *self,
                                                   const char       *service_id);

G_END_DECLS
