/* srm-details-panel.h: the sidebar that explains one layer: who owns it in
 * each model and for each selected service, why, what the customer must do, and
 * where that is written. */
#pragma once

#include <adwaita.h>

#include "srm-model.h"

G_BEGIN_DECLS

#define SRM_TYPE_DETAILS_PANEL (srm_details_panel_get_type ())
G_DECLARE_FINAL_TYPE (SrmDetailsPanel, srm_details_panel, SRM, DETAILS_PANEL, AdwBin)

GtkWidget    *srm_details_panel_new           (SrmSelection    *selection);
SrmSelection *srm_details_panel_get_selection (SrmDetailsPanel *self);
void          srm_details_panel_set_selection (SrmDetailsPanel *self,
                                               SrmSelection    *selection);
/* The layer shown; NULL shows a hint to pick one. An id the catalog doesn't
 * have counts as NULL. */
const char   *srm_details_panel_get_layer_id  (SrmDetailsPanel *self);
void          srm_details_panel_set_layer_id  (SrmDetailsPanel *self,
                                               const char      *layer_id);

/* For tests and tooling: the duties listed under "Your duties", in the order
 * shown (selected services in catalog order, each service's duties in order). */
guint         srm_details_panel_get_n_duties    (SrmDetailsPanel *self);
const char   *srm_details_panel_get_duty_id     (SrmDetailsPanel *self,
                                                 guint            index);
const char   *srm_details_panel_get_duty_text   (SrmDetailsPanel *self,
                                                 guint            index);
/* The status page shown instead of a layer, or NULL while a layer is shown. */
AdwStatusPage *srm_details_panel_get_status_page (SrmDetailsPanel *self);

G_END_DECLS
