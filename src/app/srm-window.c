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
#include "srm-assessment-view.h"
#include "srm-details-panel.h"
#include "srm-diagram-view.h"
#include "srm-layer-list.h"
#include "srm-presentation.h"
#include "srm-quiz-window.h"
#include "srm-render.h"
#include "srm-service-picker.h"
#include "srm-tooltip.h"
#include "srm-texture.h"
#include "srm-window.h"
#include "srm-window-private.h"

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
  GtkMenuButton        *primary_menu_button;
  GMenuModel           *primary_menu;
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
  AdwBin               *details_bin;
  SrmDetailsPanel      *details_panel;    /* in details_bin; NULL until the flap first opens */
  SrmDiagramView       *diagram_view;
  AdwBin               *layer_list_bin;
  SrmLayerList         *layer_list;       /* in layer_list_bin; NULL until the list page shows */

  /* The assessment, if one is open: see "assessments" below. */
  SrmAssessment        *assessment;
  SrmDraftStore        *draft_store;
  char                 *draft_id;
  struct _DraftFlight  *draft_flight;
  GCancellable         *io_cancellable;
  GtkFileChooserNative *assessment_chooser;
  GtkWidget            *save_dialog;
  GBinding             *undo_binding;
  GBinding             *redo_binding;
  guint                 autosave_id;
  guint                 autosave_seconds;
  gboolean              changed_since_draft;
  gboolean              close_confirmed;
  AdwBin               *assessment_bin;
  SrmAssessmentView    *assessment_view;  /* in assessment_bin; NULL until first needed */
  GtkToggleButton      *assessment_button;
  GtkStack             *title_stack;
  AdwWindowTitle       *document_title;
  GMenu                *recent_section;
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

/* The details panel is made when the flap first opens: until a cell or a
 * layer is picked nothing shows it, and building it with the window was some
 * 1 % of the work before the first frame. */
static SrmDetailsPanel *
ensure_details_panel (SrmWindow *self)
{
  if (self->details_panel == NULL)
    {
      self->details_panel = SRM_DETAILS_PANEL (srm_details_panel_new (self->selection));
      adw_bin_set_child (self->details_bin, GTK_WIDGET (self->details_panel));
    }
  return self->details_panel;
}

SrmDetailsPanel *
srm_window_get_details_panel (SrmWindow *self)
{
  g_return_val_if_fail (SRM_IS_WINDOW (self), NULL);
  return ensure_details_panel (self);
}

static SrmCatalogRegistry *
srm_window_get_registry (SrmWindow *self)
{
  return self->registry;
}

/* The header's model switcher: "All" then one toggle per model of the catalog,
 * all driven by the stateful win.model action, so the buttons, the narrow menu
 * and the keyboard shortcuts can never disagree. */
/* GtkMenuButton builds its whole GtkPopoverMenu as soon as it is given a menu
 * model, and the window's three menus made some 170 widgets (the main menu
 * alone 120) before the first frame, 1.5 % of the work: each button gets its
 * model when it first opens instead. */
#define MENU_MODEL_KEY "srm-menu-model"

static void
give_menu_model (GtkMenuButton *button,
                 gpointer       user_data)
{
  g_autoptr(GMenuModel) model = g_object_steal_data (G_OBJECT (button), MENU_MODEL_KEY);

  if (model == NULL)
    return;
  gtk_menu_button_set_create_popup_func (button, NULL, NULL, NULL);
  gtk_menu_button_set_menu_model (button, model);
}

static void
set_menu_model_on_popup (GtkMenuButton *button,
                         GMenuModel    *model)
{
  /* Once it has opened, a new model replaces the old at once. */
  if (gtk_menu_button_get_popover (button) != NULL)
    {
      gtk_menu_button_set_menu_model (button, model);
      return;
    }
  g_object_set_data_full (G_OBJECT (button), MENU_MODEL_KEY, g_object_ref (model), g_object_unref);
  gtk_menu_button_set_create_popup_func (button, give_menu_model, NULL, NULL);
}

GMenuModel *
srm_window_get_primary_menu (SrmWindow *self)
{
  g_return_val_if_fail (SRM_IS_WINDOW (self), NULL);
  return self->primary_menu;
}

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
  srm_tooltip_set_text_unmapped (button, _("Show every model without highlighting one"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.model");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", "");
  gtk_box_append (self->model_switcher, button);
  g_menu_append (menu, C_("service model", "All"), "win.model::");

  for (guint i = 0; i < g_list_model_get_n_items (models); i++)
    {
      g_autoptr(SrmServiceModel) model = g_list_model_get_item (models, i);
      g_autofree char *detailed = g_strdup_printf ("win.model::%s", srm_service_model_get_id (model));

      button = gtk_toggle_button_new_with_label (srm_service_model_get_short_name (model));
      srm_tooltip_set_text_unmapped (button, srm_service_model_get_name (model));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.model");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", srm_service_model_get_id (model));
      gtk_box_append (self->model_switcher, button);
      g_menu_append (menu, srm_service_model_get_short_name (model), detailed);
    }
  set_menu_model_on_popup (self->model_menu_button, G_MENU_MODEL (menu));
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
  set_menu_model_on_popup (self->catalog_button, G_MENU_MODEL (menu));
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
  if (self->details_panel != NULL)
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

/* A hidden flap is still measured and allocated by AdwFlap on every layout;
 * the details panel is hidden until a cell is picked, so it stays invisible
 * (and costs GTK nothing) until the flap starts to open, and again once it
 * has closed: about 2 % of the work before the first frame. */
static void
update_details_visible (SrmWindow *self)
{
  gboolean visible = adw_flap_get_reveal_flap (self->details_flap)
                     || adw_flap_get_reveal_progress (self->details_flap) > 0;
  GtkWidget *flap = adw_flap_get_flap (self->details_flap);

  if (visible)
    ensure_details_panel (self);
  if (gtk_widget_get_visible (flap) != visible)
    gtk_widget_set_visible (flap, visible);
}

static void
show_layer_details (SrmWindow  *self,
                    const char *layer_id)
{
  srm_details_panel_set_layer_id (ensure_details_panel (self), layer_id);
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

/* The list page (the diagram in words, for screen readers and keyboards) is
 * made when it is first shown: it is one switch away from the diagram, and
 * building it with the window was some 1 % of the work before the first
 * frame. */
static void
on_view_page_changed (SrmWindow *self)
{
  if (self->layer_list != NULL
      || g_strcmp0 (gtk_stack_get_visible_child_name (self->view_stack), "list") != 0)
    return;

  self->layer_list = SRM_LAYER_LIST (srm_layer_list_new (self->selection));
  g_signal_connect_object (self->layer_list, "layer-activated",
                           G_CALLBACK (on_layer_activated), self, G_CONNECT_SWAPPED);
  adw_bin_set_child (self->layer_list_bin, GTK_WIDGET (self->layer_list));
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
  g_autoptr(GdkTexture) texture =
    srm_texture_new_for_surface (srm_diagram_render_to_surface (painter, width, height, EXPORT_PNG_SCALE));
  AdwToast *toast;

  gdk_clipboard_set_texture (gtk_widget_get_clipboard (GTK_WIDGET (self)), texture);
  toast = adw_toast_new (_("Image copied"));
  adw_toast_set_timeout (toast, 2);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* ---- assessments ----
 *
 * A window holds at most one assessment, shown on the view stack's
 * "assessment" page. Opening or starting another one while this window has
 * one uses a new window, so a document is never replaced behind the user's
 * back; a file that fails to load changes nothing.
 *
 * While the document is dirty a draft is written every minute and when the
 * window is asked to close; the draft goes after a successful save or an
 * explicit Discard. Drafts this process didn't write are offered when a window
 * first shows: they were left by a process that ended without asking.
 */

#define AUTOSAVE_SECONDS 60
#define RECENT_MAX 8
#define ASSESSMENT_MIME_TYPE "application/x-srm-assessment"

typedef enum {
  AFTER_SAVE_NOTHING,
  AFTER_SAVE_CLOSE_WINDOW,
  AFTER_SAVE_CLOSE_ASSESSMENT,
} AfterSave;

/* A draft being written. The window may go away meanwhile, and the draft may
 * have to go as soon as it is written (Discard or Save came first). */
typedef struct _DraftFlight {
  SrmDraftStore *store;
  char          *draft_id;
  GWeakRef       window;
  gboolean       discard;
} DraftFlight;

/* Drafts written by, or already offered in, this process: never offered
 * (again) by its windows. */
static GHashTable *known_drafts;

static void
remember_draft (const char *draft_id)
{
  if (known_drafts == NULL)
    known_drafts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_hash_table_add (known_drafts, g_strdup (draft_id));
}

SrmAssessment *
srm_window_get_assessment (SrmWindow *self)
{
  g_return_val_if_fail (SRM_IS_WINDOW (self), NULL);
  return self->assessment;
}

/* The assessment page is made the first time it is needed, not with the
 * window: most sessions present the diagram and never open an assessment,
 * and its widgets were some 2 % of the work before the first frame. */
static SrmAssessmentView *
ensure_assessment_view (SrmWindow *self)
{
  if (self->assessment_view == NULL)
    {
      self->assessment_view = SRM_ASSESSMENT_VIEW (srm_assessment_view_new ());
      adw_bin_set_child (self->assessment_bin, GTK_WIDGET (self->assessment_view));
    }
  return self->assessment_view;
}

SrmAssessmentView *
srm_window_get_assessment_view (SrmWindow *self)
{
  g_return_val_if_fail (SRM_IS_WINDOW (self), NULL);
  return ensure_assessment_view (self);
}

const char *
srm_window_get_draft_id (SrmWindow *self)
{
  g_return_val_if_fail (SRM_IS_WINDOW (self), NULL);
  return self->draft_id;
}

static char *
dup_document_name (SrmAssessment *assessment)
{
  GFile *file = srm_assessment_get_file (assessment);
  const char *title = srm_assessment_get_title (assessment);

  if (file != NULL)
    return g_file_get_basename (file);
  if (title[0] != '\0')
    return g_strdup (title);
  return g_strdup (_("New Assessment"));
}

static void
show_message (SrmWindow  *self,
              const char *heading,
              const char *body)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
show_toast (SrmWindow  *self,
            const char *text)
{
  AdwToast *toast = adw_toast_new (text);

  adw_toast_set_timeout (toast, 3);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
update_document_title (SrmWindow *self)
{
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  g_autofree char *window_title = NULL;
  GFile *file;

  if (self->assessment == NULL)
    {
      gtk_window_set_title (GTK_WINDOW (self), _("Shared Responsibility Explorer"));
      return;
    }

  name = dup_document_name (self->assessment);
  /* TRANSLATORS: the window title of a document with unsaved changes */
  title = srm_assessment_get_dirty (self->assessment) ? g_strdup_printf (_("• %s"), name) : g_strdup (name);
  adw_window_title_set_title (self->document_title, title);

  file = srm_assessment_get_file (self->assessment);
  if (file != NULL)
    {
      g_autoptr(GFile) parent = g_file_get_parent (file);
      g_autofree char *path = parent != NULL ? g_file_get_path (parent) : NULL;
      const char *home = g_get_home_dir ();

      if (path != NULL && home != NULL && g_str_has_prefix (path, home))
        {
          g_autofree char *short_path = g_strconcat ("~", path + strlen (home), NULL);
          adw_window_title_set_subtitle (self->document_title, short_path);
        }
      else
        adw_window_title_set_subtitle (self->document_title, path ? path : "");
    }
  else
    adw_window_title_set_subtitle (self->document_title, _("Not saved yet"));

  /* TRANSLATORS: window title: the document, then the app */
  window_title = g_strdup_printf (_("%s — Shared Responsibility Explorer"), title);
  gtk_window_set_title (GTK_WINDOW (self), window_title);
}

static void
set_action_enabled (SrmWindow  *self,
                    const char *name,
                    gboolean    enabled)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), name);

  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), enabled);
}

static void
update_overlay (SrmWindow *self)
{
  g_autoptr(GVariant) state = g_action_group_get_action_state (G_ACTION_GROUP (self), "show-assessment-overlay");
  g_autoptr(SrmAssessmentScore) score = NULL;
  GDate today;

  if (self->assessment != NULL && g_variant_get_boolean (state))
    {
      g_date_clear (&today, 1);
      g_date_set_time_t (&today, time (NULL));
      score = srm_assessment_score_new (self->assessment, &today);
    }
  srm_diagram_view_set_assessment_score (self->diagram_view, score);
}

/* ---- drafts ---- */

static void
draft_flight_free (DraftFlight *flight)
{
  g_clear_object (&flight->store);
  g_free (flight->draft_id);
  g_weak_ref_clear (&flight->window);
  g_free (flight);
}

static void
on_draft_saved (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  DraftFlight *flight = user_data;
  g_autoptr(SrmWindow) window = g_weak_ref_get (&flight->window);
  g_autoptr(GError) error = NULL;

  if (!srm_draft_store_save_draft_finish (flight->store, result, &error)
      && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    /* Not a dialog: the document itself is fine; a toast says it. */
    {
      g_message ("Cannot write the draft %s: %s", flight->draft_id, error->message);
      if (window != NULL)
        show_toast (window, _("Could not keep a draft of the unsaved changes"));
    }

  if (flight->discard)
    srm_draft_store_discard_draft (flight->store, flight->draft_id, NULL);
  if (window != NULL && window->draft_flight == flight)
    window->draft_flight = NULL;
  draft_flight_free (flight);
}

static void
save_draft (SrmWindow *self)
{
  DraftFlight *flight;

  if (self->assessment == NULL || !srm_assessment_get_dirty (self->assessment))
    return;
  if (self->draft_id == NULL)
    {
      self->draft_id = srm_draft_store_new_draft_id ();
      remember_draft (self->draft_id);
    }

  /* A newer draft replaces the one in flight; it must not discard it later. */
  if (self->draft_flight != NULL)
    self->draft_flight->discard = FALSE;

  flight = g_new0 (DraftFlight, 1);
  flight->store = g_object_ref (self->draft_store);
  flight->draft_id = g_strdup (self->draft_id);
  g_weak_ref_init (&flight->window, self);
  self->draft_flight = flight;
  self->changed_since_draft = FALSE;
  srm_draft_store_save_draft_async (self->draft_store, self->assessment, self->draft_id,
                                    NULL, on_draft_saved, flight);
}

static void
discard_draft (SrmWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (self->draft_id == NULL)
    return;
  if (self->draft_flight != NULL)
    self->draft_flight->discard = TRUE;
  if (!srm_draft_store_discard_draft (self->draft_store, self->draft_id, &error))
    g_message ("Cannot delete the draft %s: %s", self->draft_id, error->message);
}

static gboolean
autosave_tick (gpointer user_data)
{
  SrmWindow *self = user_data;

  if (self->assessment == NULL || !srm_assessment_get_dirty (self->assessment))
    {
      self->autosave_id = 0;
      return G_SOURCE_REMOVE;
    }
  if (self->changed_since_draft)
    save_draft (self);
  return G_SOURCE_CONTINUE;
}

void
srm_window_set_autosave_interval_for_testing (SrmWindow *self,
                                              guint      seconds)
{
  g_return_if_fail (SRM_IS_WINDOW (self));
  g_return_if_fail (seconds > 0);

  self->autosave_seconds = seconds;
  if (self->autosave_id != 0)
    {
      g_source_remove (self->autosave_id);
      self->autosave_id = g_timeout_add_seconds (seconds, autosave_tick, self);
    }
}

/* ---- the document ---- */

static void
on_assessment_changed (SrmWindow *self)
{
  self->changed_since_draft = TRUE;
  if (self->autosave_id == 0)
    self->autosave_id = g_timeout_add_seconds (self->autosave_seconds, autosave_tick, self);
  update_overlay (self);
}

static void
show_assessment_page (SrmWindow *self,
                      gboolean   show)
{
  g_action_group_change_action_state (G_ACTION_GROUP (self), "show-assessment", g_variant_new_boolean (show));
}

/* The diagram follows the assessment's scope, so the overlay has its columns. */
static void
select_assessment_scope (SrmWindow     *self,
                         SrmAssessment *assessment)
{
  SrmCatalog *catalog = srm_assessment_get_catalog (assessment);
  const char * const *model_ids = srm_assessment_get_model_ids (assessment);

  if (catalog == NULL)
    return;
  if (srm_selection_get_catalog (self->selection) != catalog)
    srm_selection_set_catalog (self->selection, catalog);
  srm_selection_set_service_ids (self->selection, srm_assessment_get_service_ids (assessment));
  if (model_ids[0] != NULL && srm_catalog_lookup_model (catalog, model_ids[0]) != NULL)
    srm_selection_set_model_id (self->selection, model_ids[0]);
}

/* @draft_id: the draft the document was restored from, or NULL. */
static void
set_assessment (SrmWindow     *self,
                SrmAssessment *assessment,
                const char    *draft_id)
{
  if (self->assessment != NULL)
    g_signal_handlers_disconnect_by_data (self->assessment, self);
  g_clear_pointer (&self->undo_binding, g_binding_unbind);
  g_clear_pointer (&self->redo_binding, g_binding_unbind);
  g_clear_handle_id (&self->autosave_id, g_source_remove);
  g_clear_pointer (&self->draft_id, g_free);
  self->changed_since_draft = FALSE;

  g_set_object (&self->assessment, assessment);
  if (assessment != NULL || self->assessment_view != NULL)
    srm_assessment_view_set_assessment (ensure_assessment_view (self), assessment);

  if (assessment != NULL)
    {
      GAction *undo = g_action_map_lookup_action (G_ACTION_MAP (self), "undo");
      GAction *redo = g_action_map_lookup_action (G_ACTION_MAP (self), "redo");

      self->draft_id = g_strdup (draft_id);
      g_signal_connect_object (assessment, "changed", G_CALLBACK (on_assessment_changed), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (assessment, "notify::dirty", G_CALLBACK (update_document_title), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (assessment, "notify::file", G_CALLBACK (update_document_title), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (assessment, "notify::title", G_CALLBACK (update_document_title), self, G_CONNECT_SWAPPED);
      self->undo_binding = g_object_bind_property (assessment, "can-undo", undo, "enabled", G_BINDING_SYNC_CREATE);
      self->redo_binding = g_object_bind_property (assessment, "can-redo", redo, "enabled", G_BINDING_SYNC_CREATE);
      select_assessment_scope (self, assessment);
      if (srm_assessment_get_dirty (assessment))
        on_assessment_changed (self);
    }
  else
    {
      set_action_enabled (self, "undo", FALSE);
      set_action_enabled (self, "redo", FALSE);
      g_action_group_change_action_state (G_ACTION_GROUP (self), "show-assessment-overlay",
                                          g_variant_new_boolean (FALSE));
    }

  for (guint i = 0; i < 4; i++)
    {
      static const char *names[] = { "save", "save-as", "close-assessment", "show-assessment-overlay" };
      set_action_enabled (self, names[i], assessment != NULL);
    }
  set_action_enabled (self, "show-assessment", assessment != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->assessment_button), assessment != NULL);
  show_assessment_page (self, assessment != NULL);
  update_document_title (self);
  update_overlay (self);
}

static void
attach_catalog (SrmWindow     *self,
                SrmAssessment *assessment)
{
  SrmCatalog *catalog = srm_catalog_registry_lookup (srm_window_get_registry (self),
                                                     srm_assessment_get_catalog_id (assessment));

  if (catalog != NULL)
    srm_assessment_attach_catalog (assessment, catalog);
}

/* This window if it has no assessment, else a new one. */
static SrmWindow *
window_for_new_document (SrmWindow *self)
{
  SrmWindow *window;

  if (self->assessment == NULL)
    return self;
  window = srm_window_new (SRM_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))));
  gtk_window_present (GTK_WINDOW (window));
  return window;
}

static void
add_recent (GFile *file)
{
  g_autofree char *uri = g_file_get_uri (file);
  GtkRecentData data = {
    .mime_type = (char *) ASSESSMENT_MIME_TYPE,
    .app_name = (char *) g_get_application_name (),
    .app_exec = (char *) "srm-explorer %u",
  };

  if (data.app_name == NULL)
    data.app_name = (char *) "srm-explorer";
  gtk_recent_manager_add_full (gtk_recent_manager_get_default (), uri, &data);
}

static void
on_assessment_loaded (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(SrmWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(SrmAssessment) assessment = srm_assessment_load_finish (result, &error);

  if (assessment == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_message (self, _("Cannot Open Assessment"), error->message);
      return;
    }

  attach_catalog (self, assessment);
  add_recent (srm_assessment_get_file (assessment));
  set_assessment (window_for_new_document (self), assessment, NULL);
}

void
srm_window_open_file (SrmWindow *self,
                      GFile     *file)
{
  GList *windows;

  g_return_if_fail (SRM_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  /* Already open: bring it up rather than having two copies to save. */
  windows = gtk_application_get_windows (gtk_window_get_application (GTK_WINDOW (self)));
  for (GList *l = windows; l != NULL; l = l->next)
    if (SRM_IS_WINDOW (l->data) && SRM_WINDOW (l->data)->assessment != NULL)
      {
        GFile *open = srm_assessment_get_file (SRM_WINDOW (l->data)->assessment);

        if (open != NULL && g_file_equal (open, file))
          {
            show_assessment_page (l->data, TRUE);
            gtk_window_present (l->data);
            return;
          }
      }

  srm_assessment_load_async (file, self->io_cancellable, on_assessment_loaded, g_object_ref (self));
}

/* ---- saving ---- */

typedef struct {
  SrmAssessment *assessment;
  GFile         *file;
} SaveData;

static void
save_data_free (SaveData *data)
{
  g_clear_object (&data->assessment);
  g_clear_object (&data->file);
  g_free (data);
}

static void
on_assessment_saved (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SrmWindow *self = g_task_get_source_object (task);
  SaveData *data = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_file_get_basename (data->file);

  if (!srm_assessment_save_finish (data->assessment, result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_message (self, _("Cannot Save Assessment"), error->message);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  add_recent (data->file);
  /* The window was closed meanwhile: its widgets are gone. */
  if (g_task_return_error_if_cancelled (task))
    return;
  /* Edited while saving: the draft still has work the file doesn't. */
  if (data->assessment == self->assessment && !srm_assessment_get_dirty (data->assessment))
    discard_draft (self);
  update_document_title (self);
  {
    /* TRANSLATORS: %s is a file name */
    g_autofree char *text = g_strdup_printf (_("Saved “%s”"), name);
    show_toast (self, text);
  }
  g_task_return_boolean (task, TRUE);
}

void
srm_window_save_assessment_to (SrmWindow           *self,
                               GFile               *file,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  GTask *task;
  SaveData *data;

  g_return_if_fail (SRM_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, self->io_cancellable, callback, user_data);
  g_task_set_source_tag (task, srm_window_save_assessment_to);
  if (self->assessment == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "%s", _("No assessment is open"));
      g_object_unref (task);
      return;
    }

  data = g_new0 (SaveData, 1);
  data->assessment = g_object_ref (self->assessment);
  data->file = g_object_ref (file);
  g_task_set_task_data (task, data, (GDestroyNotify) save_data_free);
  srm_assessment_save_async (self->assessment, file, self->io_cancellable, on_assessment_saved, task);
}

gboolean
srm_window_save_assessment_finish (SrmWindow     *self,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
close_assessment_now (SrmWindow *self)
{
  discard_draft (self);
  set_assessment (self, NULL, NULL);
}

static gboolean
close_confirmed_cb (gpointer data)
{
  gtk_window_close (GTK_WINDOW (data));
  return G_SOURCE_REMOVE;
}

/* From an idle: the dialog that asked is still finishing its ::response, and
 * must not outlive the window it is transient for. */
static void
close_confirmed (SrmWindow *self)
{
  self->close_confirmed = TRUE;
  g_idle_add_full (G_PRIORITY_DEFAULT, close_confirmed_cb, g_object_ref (self), g_object_unref);
}

static void
after_save (SrmWindow *self,
            AfterSave  after)
{
  switch (after)
    {
    case AFTER_SAVE_CLOSE_WINDOW:
      close_confirmed (self);
      break;
    case AFTER_SAVE_CLOSE_ASSESSMENT:
      close_assessment_now (self);
      break;
    case AFTER_SAVE_NOTHING:
    default:
      break;
    }
}

static void
on_saved_then (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  SrmWindow *self = SRM_WINDOW (source);

  if (srm_window_save_assessment_finish (self, result, NULL))
    after_save (self, GPOINTER_TO_INT (user_data));
}

static void
on_save_as_response (GtkNativeDialog *chooser,
                     int              response,
                     gpointer         user_data)
{
  SrmWindow *self = g_object_get_data (G_OBJECT (chooser), "srm-window");
  g_autoptr(GFile) file = NULL;
  g_autofree char *name = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->assessment_chooser);
  if (file == NULL)
    return;

  /* Named without the extension: add it, so the file opens with the app. */
  name = g_file_get_basename (file);
  if (strchr (name, '.') == NULL)
    {
      g_autofree char *with_suffix = g_strconcat (name, ".srma", NULL);
      g_autoptr(GFile) parent = g_file_get_parent (file);
      GFile *renamed = g_file_get_child (parent, with_suffix);

      g_object_unref (file);
      file = renamed;
    }

  srm_window_save_assessment_to (self, file, on_saved_then, user_data);
}

static void
add_assessment_filters (GtkFileChooser *chooser)
{
  g_autoptr(GtkFileFilter) assessments = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  gtk_file_filter_set_name (assessments, _("Assessments"));
  gtk_file_filter_add_mime_type (assessments, ASSESSMENT_MIME_TYPE);
  gtk_file_filter_add_pattern (assessments, "*.srma");
  gtk_file_chooser_add_filter (chooser, assessments);
  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (chooser, all);
  gtk_file_chooser_set_filter (chooser, assessments);
}

static void
choose_save_file (SrmWindow *self,
                  AfterSave  after)
{
  GtkFileChooser *chooser;
  g_autofree char *name = NULL;
  GFile *file;

  if (self->assessment_chooser != NULL || self->assessment == NULL)
    return;

  self->assessment_chooser = gtk_file_chooser_native_new (_("Save Assessment"), GTK_WINDOW (self),
                                                          GTK_FILE_CHOOSER_ACTION_SAVE,
                                                          _("_Save"), _("_Cancel"));
  chooser = GTK_FILE_CHOOSER (self->assessment_chooser);
  add_assessment_filters (chooser);
  file = srm_assessment_get_file (self->assessment);
  if (file != NULL)
    gtk_file_chooser_set_file (chooser, file, NULL);
  else
    {
      const char *title = srm_assessment_get_title (self->assessment);

      name = g_strdup_printf ("%s.srma", title[0] != '\0' ? title : _("assessment"));
      g_strdelimit (name, "/\\", '-');
      gtk_file_chooser_set_current_name (chooser, name);
    }
  g_object_set_data (G_OBJECT (self->assessment_chooser), "srm-window", self);
  g_signal_connect (self->assessment_chooser, "response", G_CALLBACK (on_save_as_response), GINT_TO_POINTER (after));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->assessment_chooser));
}

static void
save_then (SrmWindow *self,
           AfterSave  after)
{
  GFile *file = self->assessment ? srm_assessment_get_file (self->assessment) : NULL;

  if (file != NULL)
    srm_window_save_assessment_to (self, file, on_saved_then, GINT_TO_POINTER (after));
  else
    choose_save_file (self, after);
}

/* ---- unsaved changes ---- */

static void
on_save_changes_response (AdwMessageDialog *dialog,
                          const char       *response,
                          gpointer          user_data)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (dialog));
  SrmWindow *self;
  AfterSave after = GPOINTER_TO_INT (user_data);

  /* The window went away (the application quit) while the dialog was up. */
  if (parent == NULL)
    return;
  self = SRM_WINDOW (parent);

  if (g_str_equal (response, "save"))
    save_then (self, after);
  else if (g_str_equal (response, "discard"))
    {
      if (after == AFTER_SAVE_CLOSE_WINDOW)
        {
          discard_draft (self);
          close_confirmed (self);
        }
      else
        close_assessment_now (self);
    }
}

static void
ask_to_save (SrmWindow *self,
             AfterSave  after)
{
  g_autofree char *name = dup_document_name (self->assessment);
  g_autofree char *heading = NULL;
  GtkWidget *dialog;

  if (self->save_dialog != NULL)
    {
      gtk_window_present (GTK_WINDOW (self->save_dialog));
      return;
    }

  /* TRANSLATORS: %s is a file name or an assessment's title */
  heading = g_strdup_printf (_("Save changes to “%s”?"), name);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading,
                                   _("If you don’t save, the changes since it was last saved are lost."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (on_save_changes_response), GINT_TO_POINTER (after));
  self->save_dialog = dialog;
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &self->save_dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
srm_window_close_request (GtkWindow *window)
{
  SrmWindow *self = SRM_WINDOW (window);

  if (self->assessment != NULL && srm_assessment_get_dirty (self->assessment) && !self->close_confirmed)
    {
      /* Kept even if the answer never comes (logout, a killed process). */
      save_draft (self);
      ask_to_save (self, AFTER_SAVE_CLOSE_WINDOW);
      return TRUE;
    }

  return GTK_WINDOW_CLASS (srm_window_parent_class)->close_request (window);
}

/* ---- recovery ---- */

static char *
describe_draft (SrmDraft *draft)
{
  GFile *original = srm_draft_get_original (draft);
  g_autoptr(GDateTime) local = g_date_time_to_local (srm_draft_get_saved (draft));
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *name = NULL;
  g_autofree char *when = NULL;

  if (original != NULL)
    name = g_file_get_basename (original);
  else if (srm_draft_get_title (draft)[0] != '\0')
    name = g_strdup_printf ("“%s”", srm_draft_get_title (draft));
  else
    name = g_strdup (_("a new assessment"));

  if (g_date_time_get_year (local) == g_date_time_get_year (now)
      && g_date_time_get_day_of_year (local) == g_date_time_get_day_of_year (now))
    /* TRANSLATORS: the time of a draft saved today, see g_date_time_format() */
    when = g_date_time_format (local, _("%H:%M"));
  else
    /* TRANSLATORS: the date and time of an older draft, see g_date_time_format() */
    when = g_date_time_format (local, _("%e %b, %H:%M"));

  /* TRANSLATORS: "Unsaved changes to app-service.srma from 10:42" */
  return g_strdup_printf (_("Unsaved changes to %s from %s"), name, g_strstrip (when));
}

static void
on_recovery_response (AdwMessageDialog *dialog,
                      const char       *response,
                      gpointer          user_data)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (dialog));
  GListModel *drafts = g_object_get_data (G_OBJECT (dialog), "srm-drafts");
  SrmWindow *self;

  /* The drafts stay on disk, to be offered again next time. */
  if (parent == NULL)
    return;
  self = SRM_WINDOW (parent);

  for (guint i = 0; i < g_list_model_get_n_items (drafts); i++)
    {
      g_autoptr(SrmDraft) draft = g_list_model_get_item (drafts, i);
      const char *draft_id = srm_draft_get_id (draft);

      if (g_str_equal (response, "discard"))
        srm_draft_store_discard_draft (self->draft_store, draft_id, NULL);
      else if (g_str_equal (response, "restore"))
        {
          g_autoptr(GError) error = NULL;
          g_autoptr(SrmAssessment) assessment = srm_draft_store_load_draft (self->draft_store, draft_id, &error);

          if (assessment == NULL)
            {
              show_message (self, _("Cannot Restore Unsaved Changes"), error->message);
              continue;
            }
          attach_catalog (self, assessment);
          set_assessment (window_for_new_document (self), assessment, draft_id);
        }
    }
}

static void
offer_drafts (SrmWindow  *self,
              GListModel *found)
{
  g_autoptr(GListStore) drafts = g_list_store_new (SRM_TYPE_DRAFT);
  g_autoptr(GString) body = g_string_new (NULL);
  GtkWidget *dialog;
  guint n;

  for (guint i = 0; i < g_list_model_get_n_items (found); i++)
    {
      g_autoptr(SrmDraft) draft = g_list_model_get_item (found, i);
      g_autofree char *line = NULL;

      if (known_drafts != NULL && g_hash_table_contains (known_drafts, srm_draft_get_id (draft)))
        continue;
      remember_draft (srm_draft_get_id (draft));
      g_list_store_append (drafts, draft);
      line = describe_draft (draft);
      g_string_append_printf (body, "%s%s", body->len > 0 ? "\n" : "", line);
    }

  n = g_list_model_get_n_items (G_LIST_MODEL (drafts));
  if (n == 0)
    return;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Restore Unsaved Changes?"), body->str);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "later", _("_Not Now"),
                                    "discard", _("_Discard"),
                                    "restore", _("_Restore"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "restore", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "restore");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "later");
  g_object_set_data_full (G_OBJECT (dialog), "srm-drafts", g_object_ref (drafts), g_object_unref);
  g_signal_connect (dialog, "response", G_CALLBACK (on_recovery_response), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
list_drafts_thread (GTask        *task,
                    gpointer      source,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  g_autoptr(SrmDraftStore) store = srm_draft_store_new (task_data);

  g_task_return_pointer (task, srm_draft_store_list_drafts (store), g_object_unref);
}

static void
on_drafts_listed (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GListModel) drafts = g_task_propagate_pointer (G_TASK (result), NULL);

  if (drafts != NULL)
    offer_drafts (SRM_WINDOW (source), drafts);
}

/* Once, when the window first shows: reading the drafts touches the disk, so
 * it happens in a worker. */
static void
look_for_drafts (SrmWindow *self)
{
  g_autoptr(GTask) task = NULL;

  g_signal_handlers_disconnect_by_func (self, look_for_drafts, self);
  task = g_task_new (self, self->io_cancellable, on_drafts_listed, NULL);
  g_task_set_task_data (task, g_strdup (srm_draft_store_get_dir (self->draft_store)), g_free);
  g_task_run_in_thread (task, list_drafts_thread);
}

/* ---- recent files and drag and drop ---- */

static gint
compare_recent (gconstpointer a,
                gconstpointer b)
{
  GDateTime *ma = gtk_recent_info_get_modified ((GtkRecentInfo *) a);
  GDateTime *mb = gtk_recent_info_get_modified ((GtkRecentInfo *) b);

  return g_date_time_compare (mb, ma);
}

static void
rebuild_recent_menu (SrmWindow *self)
{
  GList *items = gtk_recent_manager_get_items (gtk_recent_manager_get_default ());
  g_autoptr(GMenu) submenu = g_menu_new ();
  guint n = 0;

  if (self->recent_section == NULL)
    {
      g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);
      return;
    }
  items = g_list_sort (items, compare_recent);
  for (GList *l = items; l != NULL && n < RECENT_MAX; l = l->next)
    {
      GtkRecentInfo *info = l->data;
      const char *uri = gtk_recent_info_get_uri (info);
      g_autoptr(GMenuItem) item = NULL;
      g_autoptr(GString) label = NULL;

      if (g_strcmp0 (gtk_recent_info_get_mime_type (info), ASSESSMENT_MIME_TYPE) != 0
          && !g_str_has_suffix (uri, ".srma"))
        continue;
      /* Deleted or moved since: it could only fail to open. */
      if (gtk_recent_info_is_local (info) && !gtk_recent_info_exists (info))
        continue;
      /* Menu labels take "_" as a mnemonic; a file name's are its own. */
      label = g_string_new (gtk_recent_info_get_display_name (info));
      g_string_replace (label, "_", "__", 0);
      item = g_menu_item_new (label->str, NULL);
      g_menu_item_set_action_and_target (item, "win.open-recent", "s", uri);
      g_menu_append_item (submenu, item);
      n++;
    }
  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);

  g_menu_remove_all (self->recent_section);
  if (n > 0)
    g_menu_append_submenu (self->recent_section, _("Open _Recent"), G_MENU_MODEL (submenu));
}

static gboolean
on_drop (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         SrmWindow     *self)
{
  if (G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    {
      GSList *files = gdk_file_list_get_files (g_value_get_boxed (value));

      for (GSList *l = files; l != NULL; l = l->next)
        srm_window_open_file (self, l->data);
      g_slist_free (files);
      return files != NULL;
    }
  if (G_VALUE_HOLDS (value, G_TYPE_FILE))
    {
      srm_window_open_file (self, g_value_get_object (value));
      return TRUE;
    }
  return FALSE;
}

/* ---- actions ---- */

static void
new_assessment_activated (GSimpleAction *action,
                          GVariant      *parameter,
                          gpointer       user_data)
{
  SrmWindow *self = user_data;
  const char * const *service_ids = srm_selection_get_service_ids (self->selection);
  const char *model_id = srm_selection_get_model_id (self->selection);
  const char *model_ids[] = { model_id, NULL };
  g_autoptr(SrmAssessment) assessment = NULL;

  if (service_ids[0] == NULL)
    {
      show_message (self, _("Pick Services First"),
                    _("An assessment covers the customer duties of the services you run. "
                      "Pick them in the Services panel (F9), then start the assessment."));
      return;
    }

  assessment = srm_assessment_new_for_selection (srm_selection_get_catalog (self->selection),
                                                 model_ids, service_ids);
  set_assessment (window_for_new_document (self), assessment, NULL);
}

static void
on_open_response (GtkNativeDialog *chooser,
                  int              response,
                  SrmWindow       *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->assessment_chooser);
  if (file != NULL)
    srm_window_open_file (self, file);
}

static void
open_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  SrmWindow *self = user_data;

  if (self->assessment_chooser != NULL)
    return;
  self->assessment_chooser = gtk_file_chooser_native_new (_("Open Assessment"), GTK_WINDOW (self),
                                                          GTK_FILE_CHOOSER_ACTION_OPEN,
                                                          _("_Open"), _("_Cancel"));
  add_assessment_filters (GTK_FILE_CHOOSER (self->assessment_chooser));
  g_signal_connect (self->assessment_chooser, "response", G_CALLBACK (on_open_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->assessment_chooser));
}

static void
open_recent_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (parameter, NULL));

  srm_window_open_file (SRM_WINDOW (user_data), file);
}

static void
save_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  save_then (SRM_WINDOW (user_data), AFTER_SAVE_NOTHING);
}

static void
save_as_activated (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  choose_save_file (SRM_WINDOW (user_data), AFTER_SAVE_NOTHING);
}

static void
close_assessment_activated (GSimpleAction *action,
                            GVariant      *parameter,
                            gpointer       user_data)
{
  SrmWindow *self = user_data;

  if (self->assessment == NULL)
    return;
  if (srm_assessment_get_dirty (self->assessment))
    ask_to_save (self, AFTER_SAVE_CLOSE_ASSESSMENT);
  else
    close_assessment_now (self);
}

static void
undo_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  SrmWindow *self = user_data;

  if (self->assessment != NULL)
    srm_assessment_undo (self->assessment);
}

static void
redo_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  SrmWindow *self = user_data;

  if (self->assessment != NULL)
    srm_assessment_redo (self->assessment);
}

static void
show_assessment_change_state (GSimpleAction *action,
                              GVariant      *state,
                              gpointer       user_data)
{
  SrmWindow *self = user_data;
  gboolean show = g_variant_get_boolean (state) && self->assessment != NULL;
  g_autoptr(GVariant) list_state = g_action_group_get_action_state (G_ACTION_GROUP (self), "show-list");

  g_simple_action_set_state (action, g_variant_new_boolean (show));
  if (show)
    gtk_stack_set_visible_child_name (self->view_stack, "assessment");
  else if (g_strcmp0 (gtk_stack_get_visible_child_name (self->view_stack), "assessment") == 0)
    gtk_stack_set_visible_child_name (self->view_stack, g_variant_get_boolean (list_state) ? "list" : "diagram");
}

static void
show_assessment_overlay_change_state (GSimpleAction *action,
                                      GVariant      *state,
                                      gpointer       user_data)
{
  SrmWindow *self = user_data;

  g_simple_action_set_state (action, state);
  update_overlay (self);
  /* Asked to see it: show the diagram. */
  if (g_variant_get_boolean (state) && self->assessment != NULL)
    {
      g_action_group_change_action_state (G_ACTION_GROUP (self), "show-list", g_variant_new_boolean (FALSE));
      show_assessment_page (self, FALSE);
    }
}

/* Whatever switched the page (the toggle, Ctrl+L, the overlay), the header
 * follows: the document's name over the assessment, the models elsewhere. */
static void
on_visible_page_changed (SrmWindow *self)
{
  gboolean assessment = g_strcmp0 (gtk_stack_get_visible_child_name (self->view_stack), "assessment") == 0;
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), "show-assessment");
  g_autoptr(GVariant) state = g_action_get_state (action);

  if (g_variant_get_boolean (state) != assessment)
    g_simple_action_set_state (G_SIMPLE_ACTION (action), g_variant_new_boolean (assessment));
  gtk_stack_set_visible_child_name (self->title_stack, assessment ? "document" : "models");
  /* The catalog and a layer's details belong to the diagram; over the
   * assessment they only take room a narrow header doesn't have. */
  gtk_widget_set_visible (GTK_WIDGET (self->catalog_button), !assessment);
  gtk_widget_set_visible (GTK_WIDGET (self->details_button), !assessment);
  if (assessment)
    adw_flap_set_reveal_flap (self->details_flap, FALSE);
}

static const GActionEntry assessment_entries[] = {
  { "new-assessment", new_assessment_activated },
  { "open", open_activated },
  { "open-recent", open_recent_activated, "s" },
  { "save", save_activated },
  { "save-as", save_as_activated },
  { "close-assessment", close_assessment_activated },
  { "undo", undo_activated },
  { "redo", redo_activated },
  { "show-assessment", NULL, NULL, "false", show_assessment_change_state },
  { "show-assessment-overlay", NULL, NULL, "false", show_assessment_overlay_change_state },
};

static void
srm_window_class_init_assessments (GtkWidgetClass *widget_class)
{
  GTK_WINDOW_CLASS (widget_class)->close_request = srm_window_close_request;

  gtk_widget_class_bind_template_child (widget_class, SrmWindow, assessment_bin);
  gtk_widget_class_bind_template_child (widget_class, SrmWindow, assessment_button);
  gtk_widget_class_bind_template_child (widget_class, SrmWindow, title_stack);
  gtk_widget_class_bind_template_child (widget_class, SrmWindow, document_title);
  gtk_widget_class_bind_template_child (widget_class, SrmWindow, recent_section);
}

static void
srm_window_init_assessments (SrmWindow *self)
{
  GtkDropTarget *drop_target;

  g_action_map_add_action_entries (G_ACTION_MAP (self), assessment_entries,
                                   G_N_ELEMENTS (assessment_entries), self);
  self->io_cancellable = g_cancellable_new ();
  self->draft_store = srm_draft_store_new (NULL);
  self->autosave_seconds = AUTOSAVE_SECONDS;
  set_assessment (self, NULL, NULL);

  g_signal_connect_object (self->view_stack, "notify::visible-child-name",
                           G_CALLBACK (on_visible_page_changed), self, G_CONNECT_SWAPPED);

  drop_target = gtk_drop_target_new (G_TYPE_INVALID, GDK_ACTION_COPY);
  gtk_drop_target_set_gtypes (drop_target, (GType[2]) { GDK_TYPE_FILE_LIST, G_TYPE_FILE }, 2);
  g_signal_connect (drop_target, "drop", G_CALLBACK (on_drop), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop_target));

  g_signal_connect_object (gtk_recent_manager_get_default (), "changed",
                           G_CALLBACK (rebuild_recent_menu), self, G_CONNECT_SWAPPED);
  rebuild_recent_menu (self);

  g_signal_connect (self, "map", G_CALLBACK (look_for_drafts), self);
}

static void
srm_window_dispose_assessments (SrmWindow *self)
{
  if (self->assessment_chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->assessment_chooser));
  g_clear_object (&self->assessment_chooser);
  if (self->io_cancellable != NULL)
    g_cancellable_cancel (self->io_cancellable);
  g_clear_object (&self->io_cancellable);
  g_clear_handle_id (&self->autosave_id, g_source_remove);
  g_clear_pointer (&self->undo_binding, g_binding_unbind);
  g_clear_pointer (&self->redo_binding, g_binding_unbind);
  if (self->assessment != NULL)
    g_signal_handlers_disconnect_by_data (self->assessment, self);
  g_clear_object (&self->assessment);
  g_clear_pointer (&self->draft_id, g_free);
  self->draft_flight = NULL;
  g_clear_object (&self->draft_store);
  if (self->save_dialog != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->save_dialog), (gpointer *) &self->save_dialog);
  self->save_dialog = NULL;
  g_signal_handlers_disconnect_by_data (gtk_recent_manager_get_default (), self);
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

/* The keyboard shortcuts window, built when first asked for: GTK would build
 * the one at gtk/help-overlay.ui with every window, a twentieth of the work
 * before the first frame, for a window few people open. Once set as the help
 * overlay, GTK shows it and fills in the application's accelerators. */
static void
show_shortcuts_activated (GSimpleAction *action,
                          GVariant      *parameter,
                          gpointer       user_data)
{
  GtkApplicationWindow *self = user_data;

  if (gtk_application_window_get_help_overlay (self) == NULL)
    {
      g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource (RESOURCE_PREFIX "/srm-shortcuts-window.ui");

      gtk_application_window_set_help_overlay (self, GTK_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "help_overlay")));
    }
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-help-overlay", NULL);
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
  { "show-shortcuts", show_shortcuts_activated },
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

  srm_window_dispose_assessments (self);
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
  g_type_ensure (SRM_TYPE_DIAGRAM_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/srm-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SrmWindow, header_bar);
  gtk_widget_class_bind_template_child (widget_class, SrmWindow, catalog_button);
  gtk_widget_class_bind_template_child (widget_class, SrmWindow, primary_menu_button);
  gtk_widget_class_bind_template_child (widget_class, SrmWindow, primary_menu);
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
  gtk_widget_class_bind_template_child (widget_class, SrmWindow, details_bin);
  gtk_widget_class_bind_template_child (widget_class, SrmWindow, diagram_view);
  gtk_widget_class_bind_template_child (widget_class, SrmWindow, layer_list_bin);
  srm_window_class_init_assessments (widget_class);
}

static void
srm_window_init (SrmWindow *self)
{
  g_autoptr(GPropertyAction) show_services = NULL;
  g_autoptr(GPropertyAction) show_details = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  set_menu_model_on_popup (self->primary_menu_button, self->primary_menu);
  /* Not in srm-window.ui, where GtkBuilder would set them on visible
   * widgets, which costs three round trips to the X server each: see
   * srm-tooltip.c. */
  srm_tooltip_set_text_unmapped (GTK_WIDGET (self->services_button), _("Services"));
  srm_tooltip_set_text_unmapped (GTK_WIDGET (self->catalog_button), _("Catalog"));
  srm_tooltip_set_text_unmapped (GTK_WIDGET (self->model_menu_button), _("Service Model"));
  srm_tooltip_set_text_unmapped (GTK_WIDGET (self->primary_menu_button), _("Main Menu"));
  srm_tooltip_set_text_unmapped (GTK_WIDGET (self->assessment_button), _("Assessment"));
  srm_tooltip_set_text_unmapped (GTK_WIDGET (self->details_button), _("Details"));

  g_action_map_add_action_entries (G_ACTION_MAP (self), win_entries, G_N_ELEMENTS (win_entries), self);
  show_services = g_property_action_new ("show-services", self->services_flap, "reveal-flap");
  g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (show_services));
  show_details = g_property_action_new ("show-details", self->details_flap, "reveal-flap");
  g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (show_details));
  g_signal_connect_object (self->details_flap, "notify::reveal-flap",
                           G_CALLBACK (update_details_visible), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->details_flap, "notify::reveal-progress",
                           G_CALLBACK (update_details_visible), self, G_CONNECT_SWAPPED);
  update_details_visible (self);

  g_signal_connect_object (self->diagram_view, "cell-activated",
                           G_CALLBACK (on_cell_activated), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->view_stack, "notify::visible-child-name",
                           G_CALLBACK (on_view_page_changed), self, G_CONNECT_SWAPPED);

  self->settings = g_settings_new (APP_ID);
  g_settings_bind (self->settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-height", self, "default-height", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);

  srm_window_init_assessments (self);
}
