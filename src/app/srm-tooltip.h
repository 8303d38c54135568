/* srm-tooltip.h: tooltips for widgets that are still being built. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void srm_tooltip_set_text_unmapped (GtkWidget  *widget,
                                    const char *text);

G_END_DECLS
