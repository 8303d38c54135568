/* srm-compare-window.h: two models, services or catalogs side by side. */
#pragma once

#include <adwaita.h>

#include "srm-render.h"

G_BEGIN_DECLS

#define SRM_TYPE_COMPARE_WINDOW (srm_compare_window_get_type ())
G_DECLARE_FINAL_TYPE (SrmCompareWindow, srm_compare_window, SRM, COMPARE_WINDOW, AdwWindow)

/* The comparison window of @parent, created on first use with defaults taken
 * from @selection (the selected model and the next one, the first two selected
 * services, or the catalog and its sibling table), and presented. */
SrmCompareWindow *srm_compare_window_present_for         (GtkWindow          *parent,
                                                          SrmCatalogRegistry *registry,
                                                          SrmSelection       *selection);
/* Picks what the pickers would: FALSE if an id is unknown for @kind. */
gboolean          srm_compare_window_select              (SrmCompareWindow   *self,
                                                          SrmComparisonKind   kind,
                                                          const char         *left_id,
                                                          const char         *right_id);
/* NULL while both sides are the same. */
SrmComparison    *srm_compare_window_get_comparison      (SrmCompareWindow   *self);
/* The differences as rows (AdwActionRow) of words, for screen readers and tests. */
GtkListBox       *srm_compare_window_get_difference_list (SrmCompareWindow   *self);

G_END_DECLS
