/* srm-service.h: a concrete cloud service (App Service, AKS …), its model and duties. */
#pragma once

#include <gio/gio.h>

#include "srm-owner.h"

G_BEGIN_DECLS

#define SRM_TYPE_SERVICE (srm_service_get_type ())
G_DECLARE_FINAL_TYPE (SrmService, srm_service, SRM, SERVICE, GObject)

const char         *srm_service_get_id          (SrmService *self);
const char         *srm_service_get_name        (SrmService *self);
const char         *srm_service_get_category    (SrmService *self);
/* The id of the model column this service starts from, e.g. "paas". */
const char         *srm_service_get_model_id    (SrmService *self);
/* How the catalog qualifies the model ("Managed Kubernetes …"), or NULL. */
const char         *srm_service_get_model_label (SrmService *self);
const char         *srm_service_get_notes       (SrmService *self);
const char * const *srm_service_get_sources     (SrmService *self);
/* A GListModel of SrmDuty, in catalog order. */
GListModel         *srm_service_get_duties      (SrmService *self);
/* TRUE and the owner if the service documents a deviation from its model on @layer_id. */
gboolean            srm_service_get_override    (SrmService *self,
                                                 const char *layer_id,
                                                 SrmOwner   *owner);
/* Layer ids that have an override, in catalog layer order; NULL-terminated, never NULL. */
const char * const *srm_service_get_override_layers (SrmService *self);

G_END_DECLS
