/* srm-service-model.h: a column of the matrix: On-premises, IaaS, PaaS or SaaS. */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define SRM_TYPE_SERVICE_MODEL (srm_service_model_get_type ())
G_DECLARE_FINAL_TYPE (SrmServiceModel, srm_service_model, SRM, SERVICE_MODEL, GObject)

const char *srm_service_model_get_id          (SrmServiceModel *self);
const char *srm_service_model_get_name        (SrmServiceModel *self);
/* "IaaS", "On-prem": for column headers; never NULL (falls back to the name). */
const char *srm_service_model_get_short_name  (SrmServiceModel *self);
const char *srm_service_model_get_description (SrmServiceModel *self);
/* Position of the column in the catalog, from 0. */
guint       srm_service_model_get_index       (SrmServiceModel *self);

G_END_DECLS
