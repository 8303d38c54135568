/* srm-compare-view.h: a comparison drawn by SrmComparePainter, filling the widget. */
#pragma once

#include <adwaita.h>

#include "srm-render.h"

G_BEGIN_DECLS

#define SRM_TYPE_COMPARE_VIEW (srm_compare_view_get_type ())
G_DECLARE_FINAL_TYPE (SrmCompareView, srm_compare_view, SRM, COMPARE_VIEW, GtkWidget)

GtkWidget         *srm_compare_view_new            (void);
SrmComparePainter *srm_compare_view_get_painter    (SrmCompareView *self);
SrmComparison     *srm_compare_view_get_comparison (SrmCompareView *self);
/* NULL: nothing to compare (the view shows an empty canvas). */
void               srm_compare_view_set_comparison (SrmCompareView *self,
                                                    SrmComparison  *comparison);

G_END_DECLS
