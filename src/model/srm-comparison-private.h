/* srm-comparison-private.h: how a comparison builds its rows. */
#pragma once

#include "srm-comparison-row.h"

G_BEGIN_DECLS

/* Either layer may be NULL (not both); the owner of a missing side is ignored. */
SrmComparisonRow *_srm_comparison_row_new (SrmLayer   *left_layer,
                                           SrmOwner    left_owner,
                                           SrmLayer   *right_layer,
                                           SrmOwner    right_owner,
                                           const char *model_id);

G_END_DECLS
