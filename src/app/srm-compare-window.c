/* srm-compare-window.c: the comparison window.
 *
 * Three pickers choose what to compare (models or services of the window's
 * catalog, or two catalogs) and the two sides; the picture is SrmCompareView,
 * and beside it the same differences as a list of real rows with words, which
 * is what a screen reader reads. Export writes what the painter draws, as the
 * main window's export does for the diagram.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "srm-compare-view.h"
#include "srm-compare-window.h"
#include "srm-texture.h"

#define EXPORT_PNG_SCALE 2.0

struct _SrmCompareWindow
{
  AdwWindow             parent_instance;

  SrmCatalogRegistry   *registry;
  SrmSelection         *selection;
  SrmComparison        *comparison;
  GPtrArray            *ids;          /* of the pickers' items, for the current kind */
  gboolean              filling;      /* the pickers are being refilled: ignore them */
  GtkFileChooserNative *export_chooser;

  GtkDropDown          *kind_picker;
  GtkDropDown          *left_picker;
  GtkDropDown          *right_picker;
  AdwToastOverlay      *toast_overlay;
  SrmCompareView       *view;
  GtkLabel             *summary_label;
  GtkListBox           *difference_list;
};

G_DEFINE_FINAL_TYPE (SrmCompareWindow, srm_compare_window, ADW_TYPE_WINDOW)

static SrmCatalog *
current_catalog (SrmCompareWindow *self)
{
  return srm_selection_get_catalog (self->selection);
}

static SrmComparisonKind
current_kind (SrmCompareWindow *self)
{
  return (SrmComparisonKind) gtk_drop_down_get_selected (self->kind_picker);
}

static void
toast (SrmCompareWindow *self,
       const char       *message)
{
  AdwToast *t = adw_toast_new (message);

  adw_toast_set_timeout (t, 3);
  adw_toast_overlay_add_toast (self->toast_overlay, t);
}

/* ---- the list of differences ---- */

static GtkWidget *
difference_row (SrmCompareWindow *self,
                SrmComparisonRow *row,
                guint             number)
{
  const char *provider = srm_catalog_get_provider_name (srm_comparison_get_left_catalog (self->comparison));
  g_autofree char *words = srm_compare_describe_row (self->comparison, row);
  g_autofree char *label = g_strdup_printf ("%u", number);
  GtkWidget *action_row = adw_action_row_new ();
  GtkWidget *badge = gtk_label_new (label);
  SrmOwner left, right;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (action_row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (action_row), words);
  if (srm_comparison_row_get_left_owner (row, &left) && srm_comparison_row_get_right_owner (row, &right))
    {
      /* TRANSLATORS: owners before and after, e.g. "You → Shared" */
      g_autofree char *owners = g_strdup_printf (_("%s → %s"), srm_owner_get_label (left, provider),
                                                 srm_owner_get_label (right, provider));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (action_row), owners);
    }
  gtk_widget_add_css_class (badge, "compare-badge");
  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (badge), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (action_row), badge);
  return action_row;
}

static void
rebuild_list (SrmCompareWindow *self)
{
  GtkWidget *child;
  GListModel *differences;
  guint n;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->difference_list))) != NULL)
    gtk_list_box_remove (self->difference_list, child);

  if (self->comparison == NULL)
    {
      gtk_label_set_label (self->summary_label, _("Pick two different sides to compare"));
      gtk_widget_set_visible (GTK_WIDGET (self->difference_list), FALSE);
      return;
    }

  differences = srm_comparison_get_differences (self->comparison);
  n = g_list_model_get_n_items (differences);
  if (n == 0)
    gtk_label_set_label (self->summary_label, _("No differences: every row has the same owner on both sides"));
  else
    {
      g_autofree char *summary = g_strdup_printf (g_dngettext (NULL, "%u difference", "%u differences", n), n);
      gtk_label_set_label (self->summary_label, summary);
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SrmComparisonRow) row = g_list_model_get_item (differences, i);
      gtk_list_box_append (self->difference_list, difference_row (self, row, i + 1));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->difference_list), n > 0);
}

/* ---- pickers ---- */

static const char *
picked_id (SrmCompareWindow *self,
           GtkDropDown      *picker)
{
  guint index = gtk_drop_down_get_selected (picker);

  return index < self->ids->len ? g_ptr_array_index (self->ids, index) : NULL;
}

static void
update_comparison (SrmCompareWindow *self)
{
  const char *left = picked_id (self, self->left_picker);
  const char *right = picked_id (self, self->right_picker);
  SrmCatalog *catalog = current_catalog (self);

  g_clear_object (&self->comparison);
  if (left != NULL && right != NULL && g_strcmp0 (left, right) != 0)
    {
      switch (current_kind (self))
        {
        case SRM_COMPARISON_MODELS:
          self->comparison = srm_comparison_new_models (catalog, left, right);
          break;
        case SRM_COMPARISON_SERVICES:
          self->comparison = srm_comparison_new_services (catalog, left, right);
          break;
        case SRM_COMPARISON_CATALOGS:
        default:
          self->comparison = srm_comparison_new_catalogs (srm_catalog_registry_lookup (self->registry, left),
                                                          srm_catalog_registry_lookup (self->registry, right));
          break;
        }
    }

  srm_compare_view_set_comparison (self->view, self->comparison);
  rebuild_list (self);
  if (self->comparison != NULL)
    {
      g_autofree char *title = srm_compare_painter_dup_title (srm_compare_view_get_painter (self->view));
      gtk_window_set_title (GTK_WINDOW (self), title);
    }
}

static guint
index_of (SrmCompareWindow *self,
          const char       *id)
{
  guint index;

  if (id != NULL && g_ptr_array_find_with_equal_func (self->ids, id, g_str_equal, &index))
    return index;
  return GTK_INVALID_LIST_POSITION;
}

/* The catalog another is a version of: "azure-2026" for "azure" and back. */
static guint
sibling_catalog (SrmCompareWindow *self,
                 const char       *id)
{
  for (guint i = 0; i < self->ids->len; i++)
    {
      const char *other = g_ptr_array_index (self->ids, i);

      if (g_strcmp0 (other, id) != 0 && (g_str_has_prefix (other, id) || g_str_has_prefix (id, other)))
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

/* Sensible sides for @kind from the main window's selection. */
static void
choose_defaults (SrmCompareWindow *self,
                 guint            *left,
                 guint            *right)
{
  SrmCatalog *catalog = current_catalog (self);
  const char * const *services = srm_selection_get_service_ids (self->selection);
  guint n = self->ids->len;

  *left = 0;
  *right = n > 1 ? 1 : 0;
  switch (current_kind (self))
    {
    case SRM_COMPARISON_MODELS:
      *left = index_of (self, srm_selection_get_model_id (self->selection));
      if (*left == GTK_INVALID_LIST_POSITION)
        *left = 0;
      /* The next column, or the one before the last. */
      *right = *left + 1 < n ? *left + 1 : (*left > 0 ? *left - 1 : 0);
      break;
    case SRM_COMPARISON_SERVICES:
      if (services[0] != NULL && index_of (self, services[0]) != GTK_INVALID_LIST_POSITION)
        *left = index_of (self, services[0]);
      if (services[0] != NULL && services[1] != NULL && index_of (self, services[1]) != GTK_INVALID_LIST_POSITION)
        *right = index_of (self, services[1]);
      else
        *right = *left + 1 < n ? *left + 1 : 0;
      break;
    case SRM_COMPARISON_CATALOGS:
    default:
      *left = index_of (self, srm_catalog_get_id (catalog));
      if (*left == GTK_INVALID_LIST_POSITION)
        *left = 0;
      *right = sibling_catalog (self, g_ptr_array_index (self->ids, *left));
      if (*right == GTK_INVALID_LIST_POSITION)
        *right = *left + 1 < n ? *left + 1 : 0;
      break;
    }
}

static void
fill_pickers (SrmCompareWindow *self)
{
  SrmCatalog *catalog = current_catalog (self);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  GListModel *items;
  guint left, right;

  g_ptr_array_set_size (self->ids, 0);
  switch (current_kind (self))
    {
    case SRM_COMPARISON_MODELS:
      items = srm_catalog_get_models (catalog);
      for (guint i = 0; i < g_list_model_get_n_items (items); i++)
        {
          g_autoptr(SrmServiceModel) model = g_list_model_get_item (items, i);
          g_ptr_array_add (self->ids, g_strdup (srm_service_model_get_id (model)));
          gtk_string_list_append (names, srm_service_model_get_short_name (model));
        }
      break;
    case SRM_COMPARISON_SERVICES:
      items = srm_catalog_get_services (catalog);
      for (guint i = 0; i < g_list_model_get_n_items (items); i++)
        {
          g_autoptr(SrmService) service = g_list_model_get_item (items, i);
          g_ptr_array_add (self->ids, g_strdup (srm_service_get_id (service)));
          gtk_string_list_append (names, srm_service_get_name (service));
        }
      break;
    case SRM_COMPARISON_CATALOGS:
    default:
      items = srm_catalog_registry_get_catalogs (self->registry);
      for (guint i = 0; i < g_list_model_get_n_items (items); i++)
        {
          g_autoptr(SrmCatalog) other = g_list_model_get_item (items, i);
          g_ptr_array_add (self->ids, g_strdup (srm_catalog_get_id (other)));
          gtk_string_list_append (names, srm_catalog_get_title (other));
        }
      break;
    }

  choose_defaults (self, &left, &right);
  self->filling = TRUE;
  gtk_drop_down_set_model (self->left_picker, G_LIST_MODEL (names));
  gtk_drop_down_set_model (self->right_picker, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->left_picker, left);
  gtk_drop_down_set_selected (self->right_picker, right);
  self->filling = FALSE;
  update_comparison (self);
}

static void
on_kind_picked (SrmCompareWindow *self)
{
  fill_pickers (self);
}

static void
on_side_picked (SrmCompareWindow *self)
{
  if (!self->filling)
    update_comparison (self);
}

gboolean
srm_compare_window_select (SrmCompareWindow  *self,
                           SrmComparisonKind  kind,
                           const char        *left_id,
                           const char        *right_id)
{
  guint left, right;

  g_return_val_if_fail (SRM_IS_COMPARE_WINDOW (self), FALSE);

  if (current_kind (self) != kind)
    gtk_drop_down_set_selected (self->kind_picker, kind);
  left = index_of (self, left_id);
  right = index_of (self, right_id);
  if (left == GTK_INVALID_LIST_POSITION || right == GTK_INVALID_LIST_POSITION)
    return FALSE;

  self->filling = TRUE;
  gtk_drop_down_set_selected (self->left_picker, left);
  gtk_drop_down_set_selected (self->right_picker, right);
  self->filling = FALSE;
  update_comparison (self);
  return TRUE;
}

SrmComparison *
srm_compare_window_get_comparison (SrmCompareWindow *self)
{
  g_return_val_if_fail (SRM_IS_COMPARE_WINDOW (self), NULL);
  return self->comparison;
}

GtkListBox *
srm_compare_window_get_difference_list (SrmCompareWindow *self)
{
  g_return_val_if_fail (SRM_IS_COMPARE_WINDOW (self), NULL);
  return self->difference_list;
}

/* ---- export and copy ---- */

static void
picture_size (SrmCompareWindow *self,
              int              *width,
              int              *height)
{
  *width = MAX (gtk_widget_get_width (GTK_WIDGET (self->view)), 640);
  *height = MAX (gtk_widget_get_height (GTK_WIDGET (self->view)), 480);
}

static void
on_export_response (GtkNativeDialog  *chooser,
                    int               response,
                    SrmCompareWindow *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autofree char *message = NULL;
  g_autoptr(GError) error = NULL;
  SrmDiagramExportFormat format = SRM_DIAGRAM_EXPORT_PNG;
  int width, height;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      path = file != NULL ? g_file_get_path (file) : NULL;
      picture_size (self, &width, &height);
      srm_diagram_export_format_from_path (path != NULL ? path : "", &format);
      /* The painter of the view: the file shows what the screen shows. */
      if (path == NULL)
        message = g_strdup (_("Cannot export there: choose a local file"));
      else if (!srm_compare_export_to_file (srm_compare_view_get_painter (self->view), path, width, height,
                                            format == SRM_DIAGRAM_EXPORT_PNG ? EXPORT_PNG_SCALE : 1.0, &error))
        message = g_strdup (error->message);
      else
        {
          g_autofree char *name = g_file_get_basename (file);
          /* TRANSLATORS: %s is a file name */
          message = g_strdup_printf (_("Exported “%s”"), name);
        }
      toast (self, message);
    }

  g_clear_object (&self->export_chooser);
}

static void
export_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  SrmCompareWindow *self = SRM_COMPARE_WINDOW (widget);
  const char *patterns[][2] = {
    { N_("PNG image"), "*.png" }, { N_("SVG image"), "*.svg" }, { N_("PDF document"), "*.pdf" },
  };
  g_autofree char *name = NULL;

  if (self->comparison == NULL || self->export_chooser != NULL)
    return;

  name = g_strdup_printf ("compare-%s-%s.png", srm_comparison_get_left_id (self->comparison),
                          srm_comparison_get_right_id (self->comparison));
  self->export_chooser = gtk_file_chooser_native_new (_("Export Comparison"), GTK_WINDOW (self),
                                                      GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  for (guint i = 0; i < G_N_ELEMENTS (patterns); i++)
    {
      g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

      gtk_file_filter_set_name (filter, _(patterns[i][0]));
      gtk_file_filter_add_pattern (filter, patterns[i][1]);
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->export_chooser), filter);
    }
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->export_chooser), name);
  g_signal_connect (self->export_chooser, "response", G_CALLBACK (on_export_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->export_chooser));
}

static void
copy_image_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  SrmCompareWindow *self = SRM_COMPARE_WINDOW (widget);
  g_autoptr(GdkTexture) texture = NULL;
  int width, height;

  if (self->comparison == NULL)
    return;

  picture_size (self, &width, &height);
  texture = srm_texture_new_for_surface (srm_compare_render_to_surface (srm_compare_view_get_painter (self->view),
                                                                       width, height, EXPORT_PNG_SCALE));
  gdk_clipboard_set_texture (gtk_widget_get_clipboard (widget), texture);
  toast (self, _("Image copied"));
}

/* ---- the type ---- */

static void
srm_compare_window_dispose (GObject *object)
{
  SrmCompareWindow *self = SRM_COMPARE_WINDOW (object);
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

  if (parent != NULL && g_object_get_data (G_OBJECT (parent), "srm-compare-window") == self)
    g_object_set_data (G_OBJECT (parent), "srm-compare-window", NULL);
  if (self->export_chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->export_chooser));
  g_clear_object (&self->export_chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), SRM_TYPE_COMPARE_WINDOW);
  g_clear_object (&self->comparison);
  g_clear_object (&self->selection);
  g_clear_object (&self->registry);

  G_OBJECT_CLASS (srm_compare_window_parent_class)->dispose (object);
}

static void
srm_compare_window_finalize (GObject *object)
{
  SrmCompareWindow *self = SRM_COMPARE_WINDOW (object);

  g_ptr_array_unref (self->ids);

  G_OBJECT_CLASS (srm_compare_window_parent_class)->finalize (object);
}

static void
srm_compare_window_class_init (SrmCompareWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = srm_compare_window_dispose;
  object_class->finalize = srm_compare_window_finalize;

  g_type_ensure (SRM_TYPE_COMPARE_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/srm-compare-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SrmCompareWindow, kind_picker);
  gtk_widget_class_bind_template_child (widget_class, SrmCompareWindow, left_picker);
  gtk_widget_class_bind_template_child (widget_class, SrmCompareWindow, right_picker);
  gtk_widget_class_bind_template_child (widget_class, SrmCompareWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, SrmCompareWindow, view);
  gtk_widget_class_bind_template_child (widget_class, SrmCompareWindow, summary_label);
  gtk_widget_class_bind_template_child (widget_class, SrmCompareWindow, difference_list);

  gtk_widget_class_install_action (widget_class, "compare.export", NULL, export_activated);
  gtk_widget_class_install_action (widget_class, "compare.copy-image", NULL, copy_image_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "compare.export", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "compare.copy-image", NULL);
}

static void
srm_compare_window_init (SrmCompareWindow *self)
{
  g_autoptr(GtkExpression) expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");

  self->ids = g_ptr_array_new_with_free_func (g_free);
  gtk_widget_init_template (GTK_WIDGET (self));

  /* Forty services are easier found by typing. */
  gtk_drop_down_set_expression (self->left_picker, expression);
  gtk_drop_down_set_expression (self->right_picker, expression);
  gtk_drop_down_set_enable_search (self->left_picker, TRUE);
  gtk_drop_down_set_enable_search (self->right_picker, TRUE);
}

SrmCompareWindow *
srm_compare_window_present_for (GtkWindow          *parent,
                                SrmCatalogRegistry *registry,
                                SrmSelection       *selection)
{
  SrmCompareWindow *self;
  guint kind = SRM_COMPARISON_MODELS;
  const char * const *services;

  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (SRM_IS_CATALOG_REGISTRY (registry), NULL);
  g_return_val_if_fail (SRM_IS_SELECTION (selection), NULL);

  /* One per main window: Ctrl+K again brings it back to the front. */
  self = g_object_get_data (G_OBJECT (parent), "srm-compare-window");
  if (self != NULL)
    {
      gtk_window_present (GTK_WINDOW (self));
      return self;
    }

  self = g_object_new (SRM_TYPE_COMPARE_WINDOW, "transient-for", parent, NULL);
  self->registry = g_object_ref (registry);
  self->selection = g_object_ref (selection);
  g_object_set_data (G_OBJECT (parent), "srm-compare-window", self);
  g_signal_connect_object (parent, "destroy", G_CALLBACK (gtk_window_destroy), self, G_CONNECT_SWAPPED);

  /* What the selection suggests: two services, a model, or the catalogs. */
  services = srm_selection_get_service_ids (selection);
  if (services[0] != NULL && services[1] != NULL)
    kind = SRM_COMPARISON_SERVICES;
  else if (srm_selection_get_model_id (selection) == NULL &&
           g_str_has_prefix (srm_catalog_get_id (srm_selection_get_catalog (selection)), SRM_DEFAULT_CATALOG_ID))
    kind = SRM_COMPARISON_CATALOGS;

  gtk_drop_down_set_selected (self->kind_picker, kind);
  fill_pickers (self);
  g_signal_connect_swapped (self->kind_picker, "notify::selected", G_CALLBACK (on_kind_picked), self);
  g_signal_connect_swapped (self->left_picker, "notify::selected", G_CALLBACK (on_side_picked), self);
  g_signal_connect_swapped (self->right_picker, "notify::selected", G_CALLBACK (on_side_picked), self);

  gtk_window_present (GTK_WINDOW (self));
  return self;
}
