/* srm-compare-view.c: the comparison as a picture, redrawn at the widget's
 * size so the type grows with the window, in the palette of the system style.
 * Screen readers get the same differences as words from the list beside it;
 * the picture itself is one image with a label. */
#include "config.h"

#include <glib/gi18n.h>

#include "srm-compare-view.h"

struct _SrmCompareView
{
  GtkWidget          parent_instance;

  SrmComparePainter *painter;
};

G_DEFINE_FINAL_TYPE (SrmCompareView, srm_compare_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_COMPARISON,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
follow_system_style (SrmCompareView *self)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  SrmDiagramStyle style = SRM_DIAGRAM_STYLE_LIGHT;

  if (adw_style_manager_get_high_contrast (manager))
    style = SRM_DIAGRAM_STYLE_CONTRAST;
  else if (adw_style_manager_get_dark (manager))
    style = SRM_DIAGRAM_STYLE_DARK;
  srm_compare_painter_set_style (self->painter, style);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
srm_compare_view_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  SrmCompareView *self = SRM_COMPARE_VIEW (widget);
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  g_autoptr(SrmCompareLayout) layout = NULL;
  cairo_t *cr;

  if (width <= 0 || height <= 0)
    return;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  layout = srm_compare_painter_draw (self->painter, cr, width, height);
  cairo_destroy (cr);
}

static void
srm_compare_view_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  /* Any size: the painter fits the picture to it. */
  *minimum = orientation == GTK_ORIENTATION_HORIZONTAL ? 320 : 240;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 900 : 600;
}

static void
update_label (SrmCompareView *self)
{
  g_autofree char *title = srm_compare_painter_dup_title (self->painter);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
}

static void
srm_compare_view_dispose (GObject *object)
{
  SrmCompareView *self = SRM_COMPARE_VIEW (object);

  g_signal_handlers_disconnect_by_data (adw_style_manager_get_default (), self);
  g_clear_object (&self->painter);

  G_OBJECT_CLASS (srm_compare_view_parent_class)->dispose (object);
}

static void
srm_compare_view_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  SrmCompareView *self = SRM_COMPARE_VIEW (object);

  switch (prop_id)
    {
    case PROP_COMPARISON:
      g_value_set_object (value, srm_compare_view_get_comparison (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
srm_compare_view_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  SrmCompareView *self = SRM_COMPARE_VIEW (object);

  switch (prop_id)
    {
    case PROP_COMPARISON:
      srm_compare_view_set_comparison (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
srm_compare_view_class_init (SrmCompareViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = srm_compare_view_dispose;
  object_class->get_property = srm_compare_view_get_property;
  object_class->set_property = srm_compare_view_set_property;
  widget_class->snapshot = srm_compare_view_snapshot;
  widget_class->measure = srm_compare_view_measure;

  properties[PROP_COMPARISON] =
    g_param_spec_object ("comparison", NULL, NULL, SRM_TYPE_COMPARISON,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "srm-compare-view");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
srm_compare_view_init (SrmCompareView *self)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();

  self->painter = srm_compare_painter_new (NULL);
  follow_system_style (self);
  g_signal_connect_swapped (manager, "notify::dark", G_CALLBACK (follow_system_style), self);
  g_signal_connect_swapped (manager, "notify::high-contrast", G_CALLBACK (follow_system_style), self);
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self), TRUE);
}

GtkWidget *
srm_compare_view_new (void)
{
  return g_object_new (SRM_TYPE_COMPARE_VIEW, NULL);
}

SrmComparePainter *
srm_compare_view_get_painter (SrmCompareView *self)
{
  g_return_val_if_fail (SRM_IS_COMPARE_VIEW (self), NULL);
  return self->painter;
}

SrmComparison *
srm_compare_view_get_comparison (SrmCompareView *self)
{
  g_return_val_if_fail (SRM_IS_COMPARE_VIEW (self), NULL);
  return srm_compare_painter_get_comparison (self->painter);
}

void
srm_compare_view_set_comparison (SrmCompareView *self,
                                 SrmComparison  *comparison)
{
  g_return_if_fail (SRM_IS_COMPARE_VIEW (self));

  if (srm_compare_painter_get_comparison (self->painter) == comparison)
    return;
  srm_compare_painter_set_comparison (self->painter, comparison);
  update_label (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPARISON]);
}
