/* srm-window.c: the explorer window.
 *
 * The window owns one SrmSelection (catalog, model, services) and hands it to
 * every view: the diagram, its list alternative, the service picker and the
 * details panel all follow it, so none of them talk to each other. The window's
 * own job is the header bar (catalog chooser, model switcher), the panels, the
 * actions, remembering the selection, and exporting what is on screen.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "srm-compare-window.h"
#include "srm-details-panel.h"
#include "srm-diagram-view.h"
#include "srm-layer-list.h"
#include "srm-presentation.h"
#include "srm-quiz-window.h"
#include "srm-render.h"
#include "srm-service-picker.h"
#include "srm-window.h"

/* PNG exports from the window are rendered at twice the on-screen size, so a
 * slide made from them stays sharp on a projector. */
#define EXPORT_PNG_SCALE 2.0

struct _SrmWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;
  SrmCatalogRegistry   *registry;
  SrmSelection         *selection;
  GtkFileChooserNative *export_chooser;

  AdwHeaderBar         *header_bar;
  GtkMenuButton        *catalog_button;
  GtkLabel             *catalog_label;
  AdwSqueezer          *model_squeezer;
  GtkBox               *model_switcher;
  GtkMenuButton        *model_menu_button;
  GtkToggleButton      *services_button;
  GtkToggleButton      *details_button;
  AdwToastOverlay      *toast_overlay;
  AdwFlap              *services_flap;
  AdwFlap              *details_flap;
  GtkStack             *view_stack;
  SrmServicePicker     *service_picker;
  SrmDetailsPanel      *details_panel;
  SrmDiagramView       *diagram_view;
  SrmLayerList         *layer_list;
};

G_DEFINE_FINAL_TYPE (SrmWindow, srm_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_REGISTRY,
  PROP_SELECTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

SrmWindow *
srm_window_new (SrmApplication *application)
{
  return g_object_new (SRM_TYPE_WINDOW,
                       "application", application,
                       "registry", srm_application_get_registry (application),
                       NULL);
}

SrmCatalog *
srm_window_get_catalog (SrmWindow *self)
{
  g_return_val_if_fail (SRM_IS_WINDOW (self), NULL);
  return srm_selection_get_catalog (self->selection);
}

SrmSelection *
srm_window_get_selection (SrmWindow *self)
{
  g_return_val_if_fail (SRM_IS_WINDOW (self), NULL);
  return self->selection;
}

SrmDiagramView *
srm_window_get_diagram_view (SrmWindow *self)
{
  g_return_val_if_fail (SRM_IS_WINDOW (self), NULL);
  return self->diagram_view;
}

SrmDetailsPanel *
srm_window_get_details_panel (SrmWindow *self)
{
  g_return_val_if_fail (SRM_IS_WINDOW (self), NULL);
  return self->details_panel;
}

static SrmCatalogRegistry *
srm_window_get_registry (SrmWindow *self)
{
  return self->registry;
}

/* The header's model switcher: "All" then one toggle per model of the catalog,
 * all driven by the stateful win.model action, so the buttons, the narrow menu
 * and the keyboard shortcuts can never disagree. */
static void
rebuild_model_switcher (SrmWindow *self)
{
  SrmCatalog *catalog = srm_selection_get_catalog (self->selection);
  GListModel *models = srm_catalog_get_models (catalog);
  g_autoptr(GMenu) menu = g_menu_new ();
  GtkWidget *child;
  GtkWidget *button;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->model_switcher))) != NULL)
    gtk_box_remove (self->model_switcher, child);

  button = gtk_toggle_button_new_with_label (C_("service model", "All"));
  gtk_widget_set_tooltip_text (button, _("Show every model without highlighting one"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.model");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", "");
  gtk_box_append (self->model_switcher, button);
  g_menu_append (menu, C_("service model", "All"), "win.model::");

  for (guint i = 0; i < g_list_model_get_n_items (models); i++)
    {
      g_autoptr(SrmServiceModel) model = g_list_model_get_item (models, i);
      g_autofree char *detailed = g_strdup_printf ("win.model::%s", srm_service_model_get_id (model));

      button = gtk_toggle_button_new_with_label (srm_service_model_get_short_name (model));
      gtk_widget_set_tooltip_text (button, srm_service_model_get_name (model));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.model");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", srm_service_model_get_id (model));
      gtk_box_append (self->model_switcher, button);
      g_menu_append (menu, srm_service_model_get_short_name (model), detailed);
    }
  gtk_menu_button_set_menu_model (self->model_menu_button, G_MENU_MODEL (menu));
}

static void
update_model_menu_label (SrmWindow *self)
{
  SrmCatalog *catalog = srm_selection_get_catalog (self->selection);
  const char *model_id = srm_selection_get_model_id (self->selection);
  SrmServiceModel *model = model_id ? srm_catalog_lookup_model (catalog, model_id) : NULL;

  gtk_menu_button_set_label (self->model_menu_button,
                             model ? srm_service_model_get_short_name (model) : C_("service model", "All"));
}

static void
rebuild_catalog_menu (SrmWindow *self)
{
  GListModel *catalogs = srm_catalog_registry_get_catalogs (srm_window_get_registry (self));
  g_autoptr(GMenu) menu = g_menu_new ();

  for (guint i = 0; i < g_list_model_get_n_items (catalogs); i++)
    {
      g_autoptr(SrmCatalog) catalog = g_list_model_get_item (catalogs, i);
      g_autoptr(GMenuItem) item = g_menu_item_new (srm_catalog_get_title (catalog), NULL);

      g_menu_item_set_action_and_target (item, "win.catalog", "s", srm_catalog_get_id (catalog));
      g_menu_append_item (menu, item);
    }
  gtk_menu_button_set_menu_model (self->catalog_button, G_MENU_MODEL (menu));
}

static void
on_selection_catalog_changed (SrmWindow *self)
{
  SrmCatalog *catalog = srm_selection_get_catalog (self->selection);
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), "catalog");

  g_simple_action_set_state (G_SIMPLE_ACTION (action), g_variant_new_string (srm_catalog_get_id (catalog)));
  gtk_label_set_label (self->catalog_label, srm_catalog_get_title (catalog));
  rebuild_model_switcher (self);
  update_model_menu_label (self);
  srm_details_panel_set_layer_id (self->details_panel, NULL);
  g_settings_set_string (self->settings, "catalog", srm_catalog_get_id (catalog));
}

static void
on_selection_model_changed (SrmWindow *self)
{
  const char *model_id = srm_selection_get_model_id (self->selection);
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), "model");

  g_simple_action_set_state (G_SIMPLE_ACTION (action), g_variant_new_string (model_id ? model_id : ""));
  update_model_menu_label (self);
  g_settings_set_string (self->settings, "model", model_id ? model_id : "");
}

static void
on_selection_services_changed (SrmWindow *self)
{
  g_settings_set_strv (self->settings, "services", srm_selection_get_service_ids (self->selection));
}

static void
show_layer_details (SrmWindow  *self,
                    const char *layer_id)
{
  srm_details_panel_set_layer_id (self->details_panel, layer_id);
  adw_flap_set_reveal_flap (self->details_flap, TRUE);
}

static void
on_cell_activated (SrmWindow  *self,
                   const char *layer_id,
                   const char *column_id)
{
  show_layer_details (self, layer_id);
}

static void
on_layer_activated (SrmWindow  *self,
                    const char *layer_id)
{
  show_layer_details (self, layer_id);
}

static void
model_change_state (GSimpleAction *action,
                    GVariant      *state,
                    gpointer       user_data)
{
  SrmWindow *self = user_data;
  const char *model_id = g_variant_get_string (state, NULL);
  SrmCatalog *catalog = srm_selection_get_catalog (self->selection);

  if (model_id[0] != '\0' && srm_catalog_lookup_model (catalog, model_id) == NULL)
    return;
  srm_selection_set_model_id (self->selection, model_id);
}

static void
select_model_index_activated (GSimpleAction *action,
                              GVariant      *parameter,
                              gpointer       user_data)
{
  SrmWindow *self = user_data;
  int index = g_variant_get_int32 (parameter);
  GListModel *models = srm_catalog_get_models (srm_selection_get_catalog (self->selection));
  g_autoptr(SrmServiceModel) model = NULL;

  /* 0 is "All"; 1 … n are the catalog's columns from the left. */
  if (index == 0)
    {
      srm_selection_set_model_id (self->selection, NULL);
      return;
    }
  model = index > 0 ? g_list_model_get_item (models, index - 1) : NULL;
  if (model != NULL)
    srm_selection_set_model_id (self->selection, srm_service_model_get_id (model));
}

static void
catalog_change_state (GSimpleAction *action,
                      GVariant      *state,
                      gpointer       user_data)
{
  SrmWindow *self = user_data;
  SrmCatalog *catalog = srm_catalog_registry_lookup (srm_window_get_registry (self),
                                                     g_variant_get_string (state, NULL));

  if (catalog != NULL)
    srm_selection_set_catalog (self->selection, catalog);
}

static void
show_list_change_state (GSimpleAction *action,
                        GVariant      *state,
                        gpointer       user_data)
{
  SrmWindow *self = user_data;

  g_simple_action_set_state (action, state);
  gtk_stack_set_visible_child_name (self->view_stack, g_variant_get_boolean (state) ? "list" : "diagram");
}

static void
clear_selection_activated (GSimpleAction *action,
                           GVariant      *parameter,
                           gpointer       user_data)
{
  SrmWindow *self = user_data;

  srm_selection_set_model_id (self->selection, NULL);
  srm_selection_set_service_ids (self->selection, NULL);
}

static char *
suggest_export_name (SrmWindow *self)
{
  SrmSelection *selection = self->selection;
  const char * const *services = srm_selection_get_service_ids (selection);
  const char *model_id = srm_selection_get_model_id (selection);
  g_autoptr(GString) name = g_string_new (srm_catalog_get_id (srm_selection_get_catalog (selection)));

  if (model_id != NULL)
    g_string_append_printf (name, "-%s", model_id);
  for (guint i = 0; services[i] != NULL && i < 3; i++)
    g_string_append_printf (name, "-%s", services[i]);
  g_string_append (name, ".png");
  return g_string_free (g_steal_pointer (&name), FALSE);
}

static void
on_export_response (GtkNativeDialog *chooser,
                    int              response,
                    SrmWindow       *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  SrmDiagramPainter *painter = srm_diagram_view_get_painter (self->diagram_view);
  int width = MAX (gtk_widget_get_width (GTK_WIDGET (self->diagram_view)), 640);
  int height = MAX (gtk_widget_get_height (GTK_WIDGET (self->diagram_view)), 480);
  SrmDiagramExportFormat format;
  AdwToast *toast;

  if (response != GTK_RESPONSE_ACCEPT)
    goto out;

  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  path = g_file_get_path (file);
  if (path == NULL || !srm_diagram_export_format_from_path (path, &format))
    {
      g_autofree char *name = file ? g_file_get_basename (file) : g_strdup ("");
      /* TRANSLATORS: %s is a file name */
      g_autofree char *message = g_strdup_printf (_("Cannot export to “%s”: use a name ending in .png, .svg or .pdf"), name);
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
      goto out;
    }

  /* The painter of the view, so the file shows exactly what the screen shows. */
  if (!srm_diagram_export_to_file (painter, path, width, height,
                                   format == SRM_DIAGRAM_EXPORT_PNG ? EXPORT_PNG_SCALE : 1.0, &error))
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      goto out;
    }

  {
    g_autofree char *name = g_file_get_basename (file);
    /* TRANSLATORS: %s is a file name */
    g_autofree char *message = g_strdup_printf (_("Exported “%s”"), name);
    toast = adw_toast_new (message);
    adw_toast_set_timeout (toast, 3);
    adw_toast_overlay_add_toast (self->toast_overlay, toast);
  }

out:
  g_clear_object (&self->export_chooser);
}

static void
export_diagram_activated (GSimpleAction *action,
                          GVariant      *parameter,
                          gpointer       user_data)
{
  SrmWindow *self = user_data;
  g_autofree char *name = suggest_export_name (self);
  struct { const char *label; const char *pattern; } filters[] = {
    { N_("PNG image"), "*.png" },
    { N_("SVG image"), "*.svg" },
    { N_("PDF document"), "*.pdf" },
  };

  if (self->export_chooser != NULL)
    return;

  self->export_chooser = gtk_file_chooser_native_new (_("Export Diagram"), GTK_WINDOW (self),
                                                      GTK_FILE_CHOOSER_ACTION_SAVE,
                                                      _("_Export"), _("_Cancel"));
  for (guint i = 0; i < G_N_ELEMENTS (filters); i++)
    {
      g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
      gtk_file_filter_set_name (filter, _(filters[i].label));
      gtk_file_filter_add_pattern (filter, filters[i].pattern);
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->export_chooser), filter);
    }
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->export_chooser), name);
  g_signal_connect (self->export_chooser, "response", G_CALLBACK (on_export_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->export_chooser));
}

static void
copy_image_activated (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  SrmWindow *self = user_data;
  SrmDiagramPainter *painter = srm_diagram_view_get_painter (self->diagram_view);
  int width = MAX (gtk_widget_get_width (GTK_WIDGET (self->diagram_view)), 640);
  int height = MAX (gtk_widget_get_height (GTK_WIDGET (self->diagram_view)), 480);
  g_autoptr(GdkTexture) texture = srm_window_render_texture (self, painter, width, height, EXPORT_PNG_SCALE);
  AdwToast *toast;

  gdk_clipboard_set_texture (gtk_widget_get_clipboard (GTK_WIDGET (self)), texture);
  toast = adw_toast_new (_("Image copied"));
  adw_toast_set_timeout (toast, 2);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

GdkTexture *
srm_window_render_texture (SrmWindow         *self,
                           SrmDiagramPainter *painter,
                           int                width,
                           int                height,
                           double             scale)
{
  cairo_surface_t *surface = srm_diagram_render_to_surface (painter, width, height, scale);
  g_autoptr(GBytes) bytes = NULL;
  GdkTexture *texture;
  int stride;

  cairo_surface_flush (surface);
  stride = cairo_image_surface_get_stride (surface);
  bytes = g_bytes_new_with_free_func (cairo_image_surface_get_data (surface),
                                      (gsize) stride * cairo_image_surface_get_height (surface),
                                      (GDestroyNotify) cairo_surface_destroy, surface);
  /* Cairo's ARGB32 is premultiplied, native-endian: GDK's default memory format. */
  texture = gdk_memory_texture_new (cairo_image_surface_get_width (surface),
                                    cairo_image_surface_get_height (surface),
                                    GDK_MEMORY_DEFAULT, bytes, stride);
  return texture;
}

/* Entry points of the training and assessment features. Each lives in its own
 * module; the window only routes the action to it. */
static void
present_activated (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  SrmWindow *self = user_data;

  srm_presentation_present (self, NULL);
}

static void
open_tour_activated (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  SrmWindow *self = user_data;
  const char *tour_id = g_variant_get_string (parameter, NULL);

  /* A built-in tour by id; "" asks for a file. */
  if (tour_id[0] == '\0')
    srm_presentation_choose_tour (self);
  else
    srm_presentation_present_builtin_tour (self, tour_id);
}

static void
compare_activated (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  SrmWindow *self = user_data;

  srm_compare_window_present_for (GTK_WINDOW (self), self->registry, self->selection);
}

static void
quiz_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  SrmWindow *self = user_data;
  SrmCatalog *catalog = srm_window_get_catalog (self);
  GList *windows = gtk_application_get_windows (gtk_window_get_application (GTK_WINDOW (self)));
  SrmQuizWindow *quiz = NULL;

  /* One quiz per window and catalog: choosing it again brings it back. */
  for (GList *l = windows; l != NULL; l = l->next)
    if (SRM_IS_QUIZ_WINDOW (l->data) &&
        gtk_window_get_transient_for (l->data) == GTK_WINDOW (self) &&
        srm_quiz_window_get_catalog (l->data) == catalog)
      quiz = l->data;

  if (quiz == NULL)
    quiz = srm_quiz_window_new (GTK_WINDOW (self), catalog);
  gtk_window_present (GTK_WINDOW (quiz));
}

static const GActionEntry win_entries[] = {
  { "present", present_activated },
  { "open-tour", open_tour_activated, "s" },
  { "compare", compare_activated },
  { "quiz", quiz_activated },
  { "model", NULL, "s", "''", model_change_state },
  { "select-model-index", select_model_index_activated, "i" },
  { "catalog", NULL, "s", "'azure'", catalog_change_state },
  { "show-list", NULL, NULL, "false", show_list_change_state },
  { "clear-selection", clear_selection_activated },
  { "export-diagram", export_diagram_activated },
  { "copy-image", copy_image_activated },
};

/* Puts back the catalog, model and services of the last session, dropping
 * whatever the catalogs no longer have. */
static void
restore_selection (SrmWindow *self)
{
  SrmCatalogRegistry *registry = srm_window_get_registry (self);
  g_autofree char *catalog_id = g_settings_get_string (self->settings, "catalog");
  g_autofree char *model_id = g_settings_get_string (self->settings, "model");
  g_auto(GStrv) service_ids = g_settings_get_strv (self->settings, "services");
  SrmCatalog *catalog = srm_catalog_registry_lookup (registry, catalog_id);

  if (catalog == NULL)
    catalog = srm_catalog_registry_lookup (registry, SRM_DEFAULT_CATALOG_ID);
  self->selection = srm_selection_new (catalog);
  if (srm_catalog_lookup_model (catalog, model_id) != NULL)
    srm_selection_set_model_id (self->selection, model_id);
  srm_selection_set_service_ids (self->selection, (const char * const *) service_ids);
}

static void
srm_window_constructed (GObject *object)
{
  SrmWindow *self = SRM_WINDOW (object);

  G_OBJECT_CLASS (srm_window_parent_class)->constructed (object);

  g_assert (self->registry != NULL);
  restore_selection (self);

  g_object_set (self->service_picker, "selection", self->selection, NULL);
  g_object_set (self->details_panel, "selection", self->selection, NULL);
  g_object_set (self->layer_list, "selection", self->selection, NULL);
  g_object_set (self->diagram_view, "selection", self->selection, NULL);

  g_signal_connect_object (self->selection, "notify::catalog",
                           G_CALLBACK (on_selection_catalog_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->selection, "notify::model-id",
                           G_CALLBACK (on_selection_model_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->selection, "notify::service-ids",
                           G_CALLBACK (on_selection_services_changed), self, G_CONNECT_SWAPPED);

  rebuild_catalog_menu (self);
  on_selection_catalog_changed (self);
  on_selection_model_changed (self);

  g_object_notify_by_pspec (object, properties[PROP_SELECTION]);
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
    case PROP_REGISTRY:
      g_value_set_object (value, self->registry);
      break;
    case PROP_SELECTION:
      g_value_set_object (value, self->selection);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
srm_window_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  SrmWindow *self = SRM_WINDOW (object);

  switch (prop_id)
    {
    case PROP_REGISTRY:
      self->registry = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
srm_window_dispose (GObject *object)
{
  SrmWindow *self = SRM_WINDOW (object);

  if (self->export_chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->export_chooser));
  g_clear_object (&self->export_chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), SRM_TYPE_WINDOW);
  g_clear_object (&self->selection);
  g_clear_object (&self->registry);
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
  object_class->set_property = srm_window_set_property;
  object_class->dispose = srm_window_dispose;

  /* Construct-only: the window needs its catalogs in constructed(), before
   * GtkWindow:application (not a construct property) has been set. */
  properties[PROP_REGISTRY] =
    g_param_spec_object ("registry", NULL, NULL, SRM_TYPE_CATALOG_REGISTRY,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTION] =
    g_param_spec_object ("selection", NULL, NULL, SRM_TYPE_SELECTION,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (SRM_TYPE_SERVICE_PICKER);
  g_type_ensure (SRM_TYPE_DETAILS_PANEL);
  g_type_ensure (SRM_TYPE_DIAGRAM_VIEW);
  g_type_ensure (SRM_TYPE_LAYER_LIST);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/srm-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SrmWindow, header_bar);
  gtk_widget_class_bind_template_child (widget_class, SrmWindow, catalog_button);
  gtk_widget_class_bind_template_child (widget_class, SrmWindow, catalog_label);
  gtk_widget_class_bind_template_child (widget_class, SrmWindow, model_squeezer);
  gtk_widget_class_bind_template_child (widget_class, SrmWindow, model_switcher);
  gtk_widget_class_bind_template_child (widget_class, SrmWindow, model_menu_button);
  gtk_widget_class_bind_template_child (widget_class, SrmWindow, services_button);
  gtk_widget_class_bind_template_child (widget_class, SrmWindow, details_button);
  gtk_widget_class_bind_template_child (widget_class, SrmWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, SrmWindow, services_flap);
  gtk_widget_class_bind_template_child (widget_class, SrmWindow, details_flap);
  gtk_widget_class_bind_template_child (widget_class, SrmWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, SrmWindow, service_picker);
  gtk_widget_class_bind_template_child (widget_class, SrmWindow, details_panel);
  gtk_widget_class_bind_template_child (widget_class, SrmWindow, diagram_view);
  gtk_widget_class_bind_template_child (widget_class, SrmWindow, layer_list);
}

static void
srm_window_init (SrmWindow *self)
{
  g_autoptr(GPropertyAction) show_services = NULL;
  g_autoptr(GPropertyAction) show_details = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  g_action_map_add_action_entries (G_ACTION_MAP (self), win_entries, G_N_ELEMENTS (win_entries), self);
  show_services = g_property_action_new ("show-services", self->services_flap, "reveal-flap");
  g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (show_services));
  show_details = g_property_action_new ("show-details", self->details_flap, "reveal-flap");
  g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (show_details));

  g_signal_connect_object (self->diagram_view, "cell-activated",
                           G_CALLBACK (on_cell_activated), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->layer_list, "layer-activated",
                           G_CALLBACK (on_layer_activated), self, G_CONNECT_SWAPPED);

  self->settings = g_settings_new (APP_ID);
  g_settings_bind (self->settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-height", self, "default-height", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);
}
