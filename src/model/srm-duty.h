/* srm-duty.h: one thing the customer must do for a service, on one layer. */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define SRM_TYPE_DUTY (srm_duty_get_type ())
G_DECLARE_FINAL_TYPE (SrmDuty, srm_duty, SRM, DUTY, GObject)

/* Unique in the whole catalog, stable across catalog versions: assessments refer to it. */
const char         *srm_duty_get_id         (SrmDuty *self);
const char         *srm_duty_get_service_id (SrmDuty *self);
const char         *srm_duty_get_layer_id   (SrmDuty *self);
const char         *srm_duty_get_text       (SrmDuty *self);
/* Microsoft cloud security benchmark control ids, e.g. "PV-6"; never NULL, may be empty. */
const char * const *srm_duty_get_mcsb       (SrmDuty *self);
/* At least one source id. */
const char * const *srm_duty_get_sources    (SrmDuty *self);

G_END_DECLS
