/* srm-comparison-row.h: one row of a comparison: a layer on the left, its
 * counterpart on the right (either may be missing), their owners and what
 * changed between them. */
#pragma once

#include <glib-object.h>

#include "srm-layer.h"
#include "srm-owner.h"

G_BEGIN_DECLS

typedef enum {
  SRM_DIFFERENCE_SAME,
  SRM_DIFFERENCE_TO_PROVIDER,        /* customer → provider: "moves to Microsoft" */
  SRM_DIFFERENCE_TO_CUSTOMER,        /* provider → customer: "moves to you" */
  SRM_DIFFERENCE_BECOMES_SHARED,     /* customer or provider → shared */
  SRM_DIFFERENCE_SHARED_TO_PROVIDER, /* shared → provider */
  SRM_DIFFERENCE_SHARED_TO_CUSTOMER, /* shared → customer */
  SRM_DIFFERENCE_LEFT_ONLY,          /* the row is only in the left table */
  SRM_DIFFERENCE_RIGHT_ONLY,         /* the row is only in the right table */
} SrmDifference;

#define SRM_TYPE_DIFFERENCE (srm_difference_get_type ())
GType        srm_difference_get_type  (void) G_GNUC_CONST;
/* "same", "moves-to-provider", "moves-to-customer", "becomes-shared",
 * "shared-to-provider", "shared-to-customer", "left-only", "right-only". */
const char  *srm_difference_to_string (SrmDifference  difference);
/* Translated words for people: "moves to Microsoft", "becomes shared", … */
char        *srm_difference_describe  (SrmDifference  difference,
                                       const char    *provider_name);
/* What a change of owner from @left to @right is. */
SrmDifference srm_difference_between  (SrmOwner       left,
                                       SrmOwner       right);

#define SRM_TYPE_COMPARISON_ROW (srm_comparison_row_get_type ())
G_DECLARE_FINAL_TYPE (SrmComparisonRow, srm_comparison_row, SRM, COMPARISON_ROW, GObject)

/* NULL when the row is only in the other table. */
SrmLayer      *srm_comparison_row_get_left_layer  (SrmComparisonRow *self);
SrmLayer      *srm_comparison_row_get_right_layer (SrmComparisonRow *self);
/* The column compared, for comparisons of two catalogs; else NULL. Also NULL
 * for a row only in one table. */
const char    *srm_comparison_row_get_model_id    (SrmComparisonRow *self);
/* FALSE when that side has no layer. */
gboolean       srm_comparison_row_get_left_owner  (SrmComparisonRow *self,
                                                   SrmOwner         *owner);
gboolean       srm_comparison_row_get_right_owner (SrmComparisonRow *self,
                                                   SrmOwner         *owner);
SrmDifference  srm_comparison_row_get_difference  (SrmComparisonRow *self);

G_END_DECLS
