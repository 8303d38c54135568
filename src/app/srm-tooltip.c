/* srm-tooltip.c: tooltips for widgets that are still being built.
 *
 * GTK 4.8 answers gtk_widget_set_tooltip_text () on a visible widget by asking
 * the display where the pointer is, in case the new tooltip should show at
 * once. On X11 that is three round trips to the server (a flush, a pointer
 * query and a sync), and the diagram's text alternative, the model switcher
 * and the header bar set some thirty tooltips while the window is built: a
 * measurable part of start-up. A widget that is not on screen yet cannot be
 * under the pointer, so the question is moot; GTK skips it for hidden
 * widgets, so the tooltip is set while the widget is briefly hidden. That is
 * also why the window's and the picker's templates leave tooltips to code:
 * GtkBuilder sets them on visible widgets. */
#include "srm-tooltip.h"

/* Sets @widget's tooltip text; @widget must not be on screen (mapped) yet. */
void
srm_tooltip_set_text_unmapped (GtkWidget  *widget,
                               const char *text)
{
  gboolean visible;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (!gtk_widget_get_mapped (widget));

  visible = gtk_widget_get_visible (widget);
  gtk_widget_set_visible (widget, FALSE);
  gtk_widget_set_tooltip_text (widget, text);
  gtk_widget_set_visible (widget, visible);
}
