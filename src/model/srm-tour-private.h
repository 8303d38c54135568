/* srm-tour-private.h: how the tour loader builds steps. Steps are immutable
 * once built; the string vectors are taken over (transfer full). */
#pragma once

#include "srm-tour-step.h"

G_BEGIN_DECLS

SrmTourStep *_srm_tour_step_new (guint       index,
                                 const char *catalog_id,
                                 const char *model_id,
                                 GStrv       service_ids,
                                 GStrv       spotlight_ids,
                                 const char *title,
                                 const char *caption);

G_END_DECLS
