/* srm-selection.h: what is being looked at: a catalog, at most one service model,
 * and any number of services (a workload). Views bind to its properties. */
#pragma once

#include <glib-object.h>

#include "srm-catalog.h"

G_BEGIN_DECLS

#define SRM_TYPE_SELECTION (srm_selection_get_type ())
G_DECLARE_FINAL_TYPE (SrmSelection, srm_selection, SRM, SELECTION, GObject)

SrmSelection       *srm_selection_new             (SrmCatalog   *catalog);

SrmCatalog         *srm_selection_get_catalog     (SrmSelection *self);
/* Changing the catalog clears the model and the services it doesn't have. */
void                srm_selection_set_catalog     (SrmSelection *self,
                                                   SrmCatalog   *catalog);
/* NULL when no model is selected. */
const char         *srm_selection_get_model_id    (SrmSelection *self);
/* Ignored (with a critical) if the catalog has no such model; NULL or "" clears. */
void                srm_selection_set_model_id    (SrmSelection *self,
                                                   const char   *model_id);
/* In the catalog's order; never NULL. */
const char * const *srm_selection_get_service_ids (SrmSelection *self);
/* Unknown ids are dropped silently: settings may remember services a catalog lost. */
void                srm_selection_set_service_ids (SrmSelection *self,
                                                   const char * const *service_ids);
gboolean            srm_selection_has_service     (SrmSelection *self,
                                                   const char   *service_id);
void                srm_selection_set_service_selected (SrmSelection *self,
                                                        const char   *service_id,
                                                        gboolean      selected);
/* TRUE if neither a model nor a service is selected. */
gboolean            srm_selection_is_empty        (SrmSelection *self);

G_END_DECLS
