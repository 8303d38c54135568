/* srm-window.c: the main window: the default catalog's layers and who owns each
 * in every service model. Remembers its size in GSettings. */
#include "config.h"

#include <glib/gi18n.h>

#include "srm-window.h"

struct _SrmWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;
  SrmCatalog           *catalog;

  AdwWindowTitle       *window_title;
  GtkListBox           *layers_list;
};

G_DEFINE_FINAL_TYPE (SrmWindow, srm_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_CATALOG,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

SrmWindow *
srm_window_new (SrmApplication *application)
{
  return g_object_new (SRM_TYPE_WINDOW, "application", application, NULL);
}

SrmCatalog *
srm_window_get_catalog (SrmWindow *self)
{
  g_return_val_if_fail (SRM_IS_WINDOW (self), NULL);
  return self->catalog;
}

static GtkWidget *
create_layer_row (SrmLayer   *layer,
                  SrmCatalog *catalog)
{
  GListModel *models = srm_catalog_get_models (catalog);
  g_autoptr(GString) owners = g_string_new (NULL);
  GtkWidget *row;

  for (guint m = 0; m < g_list_model_get_n_items (models); m++)
    {
      g_autoptr(SrmServiceModel) model = g_list_model_get_item (models, m);
      SrmOwner owner;

      srm_layer_get_owner (layer, srm_service_model_get_id (model), &owner);
      if (m > 0)
        g_string_append (owners, " · ");
      /* TRANSLATORS: a service model and who owns a layer in it, e.g. "PaaS: Shared" */
      g_string_append_printf (owners, _("%s: %s"), srm_service_model_get_short_name (model),
                              srm_owner_get_label (owner, srm_catalog_get_provider_name (catalog)));
    }

  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), srm_layer_get_name (layer));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), owners->str);
  return row;
}

static void
srm_window_set_catalog (SrmWindow  *self,
                        SrmCatalog *catalog)
{
  GListModel *layers;
  GtkWidget *child;

  if (!g_set_object (&self->catalog, catalog))
    return;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->layers_list))) != NULL)
    gtk_list_box_remove (self->layers_list, child);

  if (catalog != NULL)
    {
      layers = srm_catalog_get_layers (catalog);
      for (guint i = 0; i < g_list_model_get_n_items (layers); i++)
        {
          g_autoptr(SrmLayer) layer = g_list_model_get_item (layers, i);
          gtk_list_box_append (self->layers_list, create_layer_row (layer, catalog));
        }
      adw_window_title_set_subtitle (self->window_title, srm_catalog_get_title (catalog));
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CATALOG]);
}

static void
srm_window_constructed (GObject *object)
{
  SrmWindow *self = SRM_WINDOW (object);
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));

  G_OBJECT_CLASS (srm_window_parent_class)->constructed (object);

  if (application != NULL)
    {
      SrmCatalogRegistry *registry = srm_application_get_registry (SRM_APPLICATION (application));
      srm_window_set_catalog (self, srm_catalog_registry_lookup (registry, SRM_DEFAULT_CATALOG_ID));
    }
}

static void
srm_window_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  SrmWindow *self = SRM_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CATALOG:
      g_value_set_object (value, self->catalog);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
srm_window_dispose (GObject *object)
{
  SrmWindow *self = SRM_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SRM_TYPE_WINDOW);
  g_clear_object (&self->catalog);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (srm_window_parent_class)->dispose (object);
}

static void
srm_window_class_init (SrmWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = srm_window_constructed;
  object_class->get_property = srm_window_get_property;
  object_class->dispose = srm_window_dispose;

  properties[PROP_CATALOG] =
    g_param_spec_object ("catalog", NULL, NULL, SRM_TYPE_CATALOG,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/srm-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SrmWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, SrmWindow, layers_list);
}

static void
srm_window_init (SrmWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  g_settings_bind (self->settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-height", self, "default-height", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);
}
