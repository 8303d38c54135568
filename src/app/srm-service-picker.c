/* srm-service-picker.c: the catalog's services as a checklist, grouped by
 * category, filtered as the user types.
 *
 * The list is bound to a filter model over a sorted view of the catalog's
 * services, so typing only re-runs the filter and a new catalog only swaps the
 * sort model's source. A change of the selected services from elsewhere (the
 * diagram, a saved workload) never rebuilds the rows: that would lose keyboard
 * focus and scroll position, so the check boxes are updated in place.
 *
 * Rows come in two steps when the picker is built before its window shows:
 * as many as the window can show first, the rest right after the window's
 * first frame (see limit_rows ()). A list box builds, styles and measures
 * every row, seen or not, and the rows below the fold were some 4 % of the
 * work before the first frame.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "srm-service-picker.h"
#include "srm-tooltip.h"
#include "srm-wrapped-text.h"

struct _SrmServicePicker
{
  AdwBin              parent_instance;

  SrmSelection       *selection;
  char               *needle;         /* the casefolded search text, NULL when empty */
  int                 name_width;     /* Pango units a name may take, 0 until measured */

  GtkSortListModel   *sort_model;
  GtkFilterListModel *filter_model;
  GtkCustomFilter    *filter;
  GtkSliceListModel  *shown_model;    /* the rows built so far: all, or the first ones */
  GdkFrameClock      *frame_clock;    /* while waiting for the first frame to build the rest */

  GtkWidget          *tools_box;
  GtkWidget          *clear_button;
  GtkSearchEntry     *search_entry;
  GtkLabel           *count_label;
  GtkStack           *stack;
  GtkListBox         *list_box;
  AdwStatusPage      *status_page;
};

G_DEFINE_FINAL_TYPE (SrmServicePicker, srm_service_picker, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_SELECTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* What each row carries, so rows can be updated without asking the model. */
#define ROW_SERVICE_KEY "srm-service"
#define ROW_CHECK_KEY   "srm-check"

/* No row is lower than this: style.css gives rows a min-height of 36 px and
 * 4 px of padding above and below, and GTK's min-height is the content's. */
#define ROW_MIN_HEIGHT (36 + 2 * 4)

/* Above the list there is always at least this much of the picker's own:
 * srm-service-picker.ui's margins (3 × 6 px), the Clear button's 24-px
 * min-height (style.css) and the separator. The search entry and the header
 * bar come on top, but their heights are the theme's, so they are not
 * counted: the estimate may build a row or two too many, never too few. */
#define CHROME_MIN_HEIGHT (3 * 6 + 24 + 1)

GtkWidget *
srm_service_picker_new (SrmSelection *selection)
{
  return g_object_new (SRM_TYPE_SERVICE_PICKER, "selection", selection, NULL);
}

SrmSelection *
srm_service_picker_get_selection (SrmServicePicker *self)
{
  g_return_val_if_fail (SRM_IS_SERVICE_PICKER (self), NULL);
  return self->selection;
}

static SrmCatalog *
get_catalog (SrmServicePicker *self)
{
  return self->selection != NULL ? srm_selection_get_catalog (self->selection) : NULL;
}

static const char *
get_model_short_name (SrmServicePicker *self,
                      SrmService       *service)
{
  SrmCatalog *catalog = get_catalog (self);
  SrmServiceModel *model = NULL;

  if (catalog != NULL)
    model = srm_catalog_lookup_model (catalog, srm_service_get_model_id (service));
  return model != NULL ? srm_service_model_get_short_name (model) : srm_service_get_model_id (service);
}

static gboolean
contains_casefolded (const char *haystack,
                     const char *needle)
{
  g_autofree char *folded = NULL;

  if (haystack == NULL)
    return FALSE;
  folded = g_utf8_casefold (haystack, -1);
  return strstr (folded, needle) != NULL;
}

static gboolean
filter_service (gpointer item,
                gpointer user_data)
{
  SrmServicePicker *self = user_data;
  SrmService *service = item;

  if (self->needle == NULL)
    return TRUE;

  return contains_casefolded (srm_service_get_name (service), self->needle) ||
         contains_casefolded (srm_service_get_id (service), self->needle) ||
         contains_casefolded (srm_service_get_category (service), self->needle);
}

static int
compare_services (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  SrmService *service_a = (SrmService *) a;
  SrmService *service_b = (SrmService *) b;
  int result;

  result = g_utf8_collate (srm_service_get_category (service_a), srm_service_get_category (service_b));
  if (result == 0)
    result = g_utf8_collate (srm_service_get_name (service_a), srm_service_get_name (service_b));
  /* GtkSorter wants a GtkOrdering: exactly -1, 0 or 1. */
  return (result > 0) - (result < 0);
}

static void
update_row_state (SrmServicePicker *self,
                  GtkListBoxRow    *row)
{
  SrmService *service = g_object_get_data (G_OBJECT (row), ROW_SERVICE_KEY);
  GtkCheckButton *check = g_object_get_data (G_OBJECT (row), ROW_CHECK_KEY);
  gboolean selected;
  g_autofree char *label = NULL;

  selected = self->selection != NULL &&
             srm_selection_has_service (self->selection, srm_service_get_id (service));
  gtk_check_button_set_active (check, selected);

  /* The check box is not focusable (the row is), so the row must say all of it. */
  if (selected)
    /* TRANSLATORS: accessible name of a service row: "Azure App Service, PaaS, selected" */
    label = g_strdup_printf (_("%s, %s, selected"), srm_service_get_name (service),
                             get_model_short_name (self, service));
  else
    /* TRANSLATORS: accessible name of a service row: "Azure App Service, PaaS, not selected" */
    label = g_strdup_printf (_("%s, %s, not selected"), srm_service_get_name (service),
                             get_model_short_name (self, service));
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
}

static char *
describe_overrides (SrmServicePicker *self,
                    SrmService       *service)
{
  const char * const *layer_ids = srm_service_get_override_layers (service);
  SrmCatalog *catalog = get_catalog (self);
  g_autoptr(GString) layers = g_string_new (NULL);

  if (layer_ids[0] == NULL)
    return NULL;

  for (guint i = 0; layer_ids[i] != NULL; i++)
    {
      SrmLayer *layer = catalog != NULL ? srm_catalog_lookup_layer (catalog, layer_ids[i]) : NULL;

      if (i > 0)
        /* TRANSLATORS: separates layer names in a list */
        g_string_append (layers, _(", "));
      g_string_append (layers, layer != NULL ? srm_layer_get_name (layer) : layer_ids[i]);
    }

  /* TRANSLATORS: tooltip of a service whose owners differ from its model's column,
   * e.g. "Differs from PaaS on: Operating system" */
  return g_strdup_printf (_("Differs from %s on: %s"), get_model_short_name (self, service), layers->str);
}

/* The width of a service's name in the picker, in characters. */
#define SERVICE_NAME_CHARS 24

/* @name as a label SERVICE_NAME_CHARS wide would wrap it, with the line
 * breaks written out: Pango wraps it once here, at the width GtkLabel gives
 * such a label, so the label itself need not wrap. */
static char *
break_name (SrmServicePicker *self,
            const char       *name)
{
  PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (self));
  g_autoptr(PangoLayout) layout = pango_layout_new (context);

  /* Measured once per set of rows: the metrics shape a sample sentence. */
  if (self->name_width == 0)
    {
      PangoFontMetrics *metrics = pango_context_get_metrics (context, NULL, NULL);

      self->name_width = SERVICE_NAME_CHARS * MAX (pango_font_metrics_get_approximate_char_width (metrics),
                                                   pango_font_metrics_get_approximate_digit_width (metrics));
      pango_font_metrics_unref (metrics);
    }

  pango_layout_set_text (layout, name, -1);
  pango_layout_set_width (layout, self->name_width);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);

  return srm_wrapped_text_dup (layout);
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  SrmServicePicker *self = user_data;
  SrmService *service = item;
  const char *service_name = srm_service_get_name (service);
  g_autofree char *model_class = NULL;
  g_autofree char *differs = NULL;
  g_autofree char *lines = NULL;
  GtkWidget *row, *box, *check, *name, *badge;

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  gtk_widget_add_css_class (box, "service-row");

  /* Clicks go to the row, which toggles the service; a check box that also took
   * them would toggle twice. */
  check = gtk_check_button_new ();
  gtk_widget_set_can_focus (check, FALSE);
  gtk_widget_set_can_target (check, FALSE);
  gtk_box_append (GTK_BOX (box), check);

  /* Long names take several lines instead of widening the sidebar, which
   * AdwFlap gives its natural width: 24 characters is both the label's minimum
   * and its maximum width. The lines are broken here rather than by GTK: GTK
   * measures a wrapping label by laying it out again at every width it tries,
   * and Pango shapes the text anew each time, which for the picker's rows was
   * nearly a tenth of all the work before the first frame. Should the type grow later
   * (a larger font setting), the lines keep their breaks and the sidebar
   * widens a little; nothing is cut. */
  lines = g_utf8_strlen (service_name, -1) > SERVICE_NAME_CHARS
    ? break_name (self, service_name)
    : g_strdup (service_name);
  name = gtk_label_new (lines);
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_width_chars (GTK_LABEL (name), SERVICE_NAME_CHARS);
  gtk_label_set_max_width_chars (GTK_LABEL (name), SERVICE_NAME_CHARS);
  /* Screen readers read the name, not where its lines break. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (name),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, service_name,
                                  -1);
  gtk_widget_set_hexpand (name, TRUE);
  gtk_box_append (GTK_BOX (box), name);

  differs = describe_overrides (self, service);
  if (differs != NULL)
    {
      GtkWidget *marker = gtk_image_new_from_icon_name ("dialog-information-symbolic");

      gtk_widget_add_css_class (marker, "differs-marker");
      srm_tooltip_set_text_unmapped (marker, differs);
      gtk_widget_set_valign (marker, GTK_ALIGN_CENTER);
      gtk_box_append (GTK_BOX (box), marker);
    }

  badge = gtk_label_new (get_model_short_name (self, service));
  model_class = g_strdup_printf ("model-%s", srm_service_get_model_id (service));
  gtk_widget_add_css_class (badge, "model-badge");
  gtk_widget_add_css_class (badge, model_class);
  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), badge);

  row = gtk_list_box_row_new ();
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  if (differs != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, differs,
                                    -1);

  g_object_set_data_full (G_OBJECT (row), ROW_SERVICE_KEY, g_object_ref (service), g_object_unref);
  g_object_set_data (G_OBJECT (row), ROW_CHECK_KEY, check);
  update_row_state (self, GTK_LIST_BOX_ROW (row));

  return row;
}

static void
update_header (GtkListBoxRow *row,
               GtkListBoxRow *before,
               gpointer       user_data)
{
  SrmService *service = g_object_get_data (G_OBJECT (row), ROW_SERVICE_KEY);
  const char *category = srm_service_get_category (service);
  GtkWidget *header;

  if (before != NULL)
    {
      SrmService *previous = g_object_get_data (G_OBJECT (before), ROW_SERVICE_KEY);

      if (g_strcmp0 (srm_service_get_category (previous), category) == 0)
        {
          gtk_list_box_row_set_header (row, NULL);
          return;
        }
    }

  header = gtk_list_box_row_get_header (row);
  if (header == NULL || g_strcmp0 (gtk_label_get_label (GTK_LABEL (header)), category) != 0)
    {
      header = gtk_label_new (category);
      gtk_label_set_xalign (GTK_LABEL (header), 0);
      gtk_label_set_wrap (GTK_LABEL (header), TRUE);
      gtk_widget_add_css_class (header, "heading");
      gtk_widget_add_css_class (header, "dim-label");
      gtk_widget_add_css_class (header, "category-heading");
      gtk_list_box_row_set_header (row, header);
    }
  /* The first heading sits right under the search entry: less space above it. */
  if (before == NULL)
    gtk_widget_add_css_class (header, "first");
  else
    gtk_widget_remove_css_class (header, "first");
}

static void
update_rows (SrmServicePicker *self)
{
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->list_box, i)) != NULL; i++)
    update_row_state (self, row);
}

static void
update_count (SrmServicePicker *self)
{
  const char * const *ids = NULL;
  guint n = 0;
  g_autofree char *text = NULL;

  if (self->selection != NULL)
    {
      ids = srm_selection_get_service_ids (self->selection);
      n = g_strv_length ((GStrv) ids);
    }

  if (n == 0)
    text = g_strdup (_("No services selected"));
  else
    text = g_strdup_printf (ngettext ("%u service selected", "%u services selected", n), n);
  gtk_label_set_label (self->count_label, text);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "picker.clear", n > 0);
}

static void
update_page (SrmServicePicker *self)
{
  SrmCatalog *catalog = get_catalog (self);
  gboolean has_services;

  has_services = catalog != NULL && g_list_model_get_n_items (srm_catalog_get_services (catalog)) > 0;
  gtk_widget_set_visible (self->tools_box, has_services);

  if (!has_services)
    {
      adw_status_page_set_icon_name (self->status_page, "view-list-symbolic");
      adw_status_page_set_title (self->status_page, _("This catalog has no services"));
      adw_status_page_set_description (self->status_page,
                                       _("It only describes the matrix. Choose another catalog to pick the services of a workload."));
      gtk_stack_set_visible_child_name (self->stack, "status");
    }
  else if (g_list_model_get_n_items (G_LIST_MODEL (self->filter_model)) == 0)
    {
      adw_status_page_set_icon_name (self->status_page, "edit-find-symbolic");
      adw_status_page_set_title (self->status_page, _("No services match"));
      adw_status_page_set_description (self->status_page,
                                       _("Search by service name or category, for example “database” or “Kubernetes”."));
      gtk_stack_set_visible_child_name (self->stack, "status");
    }
  else
    {
      gtk_stack_set_visible_child_name (self->stack, "list");
      /* The stack measures its hidden page too: an empty one costs nothing,
       * while a wrapping description was laid out at every width tried. */
      adw_status_page_set_icon_name (self->status_page, NULL);
      adw_status_page_set_title (self->status_page, NULL);
      adw_status_page_set_description (self->status_page, NULL);
    }
}

/* ---- rows in two steps ---- */

static void
stop_waiting_for_frame (SrmServicePicker *self)
{
  if (self->frame_clock == NULL)
    return;
  g_signal_handlers_disconnect_by_data (self->frame_clock, self);
  g_clear_object (&self->frame_clock);
}

/* Builds the rows not built yet, if any. Whatever needs every row (a search,
 * the tests' getters) calls this first. */
static void
complete_rows (SrmServicePicker *self)
{
  stop_waiting_for_frame (self);
  if (gtk_slice_list_model_get_size (self->shown_model) != G_MAXUINT)
    gtk_slice_list_model_set_size (self->shown_model, G_MAXUINT);
}

static void
on_first_frame_painted (GdkFrameClock    *frame_clock,
                        SrmServicePicker *self)
{
  complete_rows (self);
}

static void
srm_service_picker_map (GtkWidget *widget)
{
  SrmServicePicker *self = SRM_SERVICE_PICKER (widget);

  GTK_WIDGET_CLASS (srm_service_picker_parent_class)->map (widget);

  if (gtk_slice_list_model_get_size (self->shown_model) != G_MAXUINT && self->frame_clock == NULL)
    {
      self->frame_clock = g_object_ref (gtk_widget_get_frame_clock (widget));
      g_signal_connect (self->frame_clock, "after-paint", G_CALLBACK (on_first_frame_painted), self);
    }
}

static void
srm_service_picker_unmap (GtkWidget *widget)
{
  SrmServicePicker *self = SRM_SERVICE_PICKER (widget);

  stop_waiting_for_frame (self);
  GTK_WIDGET_CLASS (srm_service_picker_parent_class)->unmap (widget);
}

/* The height the picker's window will have, or a monitor's when that is not
 * known (no window yet, or a maximized or full-screen one). */
static int
expected_height (SrmServicePicker *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GListModel *monitors;
  int width = 0, height = 0;  /* GTK 4.8 takes no NULL for the width */

  if (GTK_IS_WINDOW (root)
      && !gtk_window_is_maximized (GTK_WINDOW (root))
      && !gtk_window_is_fullscreen (GTK_WINDOW (root)))
    gtk_window_get_default_size (GTK_WINDOW (root), &width, &height);
  if (height > 0)
    return height;

  monitors = gdk_display_get_monitors (gtk_widget_get_display (GTK_WIDGET (self)));
  for (guint i = 0; i < g_list_model_get_n_items (monitors); i++)
    {
      g_autoptr(GdkMonitor) monitor = g_list_model_get_item (monitors, i);
      GdkRectangle geometry;

      gdk_monitor_get_geometry (monitor, &geometry);
      height = MAX (height, geometry.height);
    }
  return height;
}

/* Before the window shows, build only the rows it can show (more, with the
 * headings, search entry and header bar that take part of its height); the
 * rest come after its first frame, which then needn't wait for them. Once the
 * picker is on screen, every row is built at once, as before. */
static void
limit_rows (SrmServicePicker *self)
{
  int height;

  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;

  height = expected_height (self);
  if (height > 0)
    gtk_slice_list_model_set_size (self->shown_model,
                                   srm_service_picker_rows_for_height (height));
}

/**
 * srm_service_picker_rows_for_height:
 * @height: the height of the picker's window, in pixels
 *
 * Returns: how many rows a window @height pixels high can show at most, plus
 * one for a row cut by the bottom edge: what the picker builds before its
 * first frame.
 */
guint
srm_service_picker_rows_for_height (int height)
{
  return MAX (height - CHROME_MIN_HEIGHT, 0) / ROW_MIN_HEIGHT + 1;
}

/* ---- catalog, selection, search ---- */

static void
on_catalog_changed (SrmServicePicker *self)
{
  SrmCatalog *catalog = get_catalog (self);

  /* The rows are made anew: measure the type again for them. */
  self->name_width = 0;
  limit_rows (self);
  gtk_sort_list_model_set_model (self->sort_model,
                                 catalog != NULL ? srm_catalog_get_services (catalog) : NULL);
  update_count (self);
  update_page (self);
}

static void
on_service_ids_changed (SrmServicePicker *self)
{
  update_rows (self);
  update_count (self);
}

void
srm_service_picker_set_selection (SrmServicePicker *self,
                                  SrmSelection     *selection)
{
  g_return_if_fail (SRM_IS_SERVICE_PICKER (self));
  g_return_if_fail (selection == NULL || SRM_IS_SELECTION (selection));

  if (self->selection == selection)
    return;

  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  g_set_object (&self->selection, selection);
  if (selection != NULL)
    {
      g_signal_connect_object (selection, "notify::catalog",
                               G_CALLBACK (on_catalog_changed), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (selection, "notify::service-ids",
                               G_CALLBACK (on_service_ids_changed), self, G_CONNECT_SWAPPED);
    }

  /* The rows' badges and markers depend on the catalog, so start over. */
  gtk_sort_list_model_set_model (self->sort_model, NULL);
  on_catalog_changed (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTION]);
}

static void
on_search_changed (SrmServicePicker *self,
                   GtkSearchEntry   *entry)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  g_clear_pointer (&self->needle, g_free);
  if (stripped[0] != '\0')
    self->needle = g_utf8_casefold (stripped, -1);

  complete_rows (self);

  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_page (self);
}

static void
toggle_row (SrmServicePicker *self,
            GtkListBoxRow    *row)
{
  SrmService *service = g_object_get_data (G_OBJECT (row), ROW_SERVICE_KEY);
  const char *id = srm_service_get_id (service);

  if (self->selection != NULL)
    srm_selection_set_service_selected (self->selection, id,
                                        !srm_selection_has_service (self->selection, id));
}

static void
on_row_activated (SrmServicePicker *self,
                  GtkListBoxRow    *row,
                  GtkListBox       *list_box)
{
  toggle_row (self, row);
}

/* Enter in the search entry picks the first match, so a service can be added
 * without leaving the keyboard's home row. */
static void
on_search_activate (SrmServicePicker *self,
                    GtkSearchEntry   *entry)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->list_box, 0);

  if (row != NULL && self->needle != NULL)
    toggle_row (self, row);
}

static void
on_stop_search (SrmServicePicker *self,
                GtkSearchEntry   *entry)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
}

/* Down from the search entry goes into the list, as in GNOME Settings. */
static gboolean
on_search_key_pressed (SrmServicePicker      *self,
                       guint                  keyval,
                       guint                  keycode,
                       GdkModifierType        state,
                       GtkEventControllerKey *controller)
{
  GtkListBoxRow *row;

  if (keyval != GDK_KEY_Down && keyval != GDK_KEY_KP_Down)
    return GDK_EVENT_PROPAGATE;

  row = gtk_list_box_get_row_at_index (self->list_box, 0);
  if (row == NULL)
    return GDK_EVENT_PROPAGATE;
  gtk_widget_grab_focus (GTK_WIDGET (row));
  return GDK_EVENT_STOP;
}

static void
clear_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  SrmServicePicker *self = SRM_SERVICE_PICKER (widget);

  if (self->selection != NULL)
    srm_selection_set_service_ids (self->selection, NULL);
}

GtkEditable *
srm_service_picker_get_search_entry (SrmServicePicker *self)
{
  g_return_val_if_fail (SRM_IS_SERVICE_PICKER (self), NULL);
  return GTK_EDITABLE (self->search_entry);
}

const char *
srm_service_picker_get_count_text (SrmServicePicker *self)
{
  g_return_val_if_fail (SRM_IS_SERVICE_PICKER (self), NULL);
  return gtk_label_get_label (self->count_label);
}

AdwStatusPage *
srm_service_picker_get_status_page (SrmServicePicker *self)
{
  g_return_val_if_fail (SRM_IS_SERVICE_PICKER (self), NULL);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "status") != 0)
    return NULL;
  return self->status_page;
}

GStrv
srm_service_picker_dup_visible_ids (SrmServicePicker *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  GtkListBoxRow *row;

  g_return_val_if_fail (SRM_IS_SERVICE_PICKER (self), NULL);

  complete_rows (self);
  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->list_box, i)) != NULL; i++)
    {
      SrmService *service = g_object_get_data (G_OBJECT (row), ROW_SERVICE_KEY);

      if (gtk_widget_get_visible (GTK_WIDGET (row)))
        g_strv_builder_add (builder, srm_service_get_id (service));
    }
  return g_strv_builder_end (builder);
}

GtkListBoxRow *
srm_service_picker_get_row (SrmServicePicker *self,
                            const char       *service_id)
{
  GtkListBoxRow *row;

  g_return_val_if_fail (SRM_IS_SERVICE_PICKER (self), NULL);
  g_return_val_if_fail (service_id != NULL, NULL);

  complete_rows (self);
  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->list_box, i)) != NULL; i++)
    {
      SrmService *service = g_object_get_data (G_OBJECT (row), ROW_SERVICE_KEY);

      if (g_str_equal (srm_service_get_id (service), service_id))
        return row;
    }
  return NULL;
}

guint
srm_service_picker_get_n_built_rows (SrmServicePicker *self)
{
  g_return_val_if_fail (SRM_IS_SERVICE_PICKER (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->shown_model));
}

gboolean
srm_service_picker_get_row_checked (SrmServicePicker *self,
                                    const char       *service_id)
{
  GtkListBoxRow *row;

  g_return_val_if_fail (SRM_IS_SERVICE_PICKER (self), FALSE);

  row = srm_service_picker_get_row (self, service_id);
  if (row == NULL)
    return FALSE;
  return gtk_check_button_get_active (g_object_get_data (G_OBJECT (row), ROW_CHECK_KEY));
}

static void
srm_service_picker_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  SrmServicePicker *self = SRM_SERVICE_PICKER (object);

  switch (prop_id)
    {
    case PROP_SELECTION:
      g_value_set_object (value, self->selection);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
srm_service_picker_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  SrmServicePicker *self = SRM_SERVICE_PICKER (object);

  switch (prop_id)
    {
    case PROP_SELECTION:
      srm_service_picker_set_selection (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
srm_service_picker_dispose (GObject *object)
{
  SrmServicePicker *self = SRM_SERVICE_PICKER (object);

  stop_waiting_for_frame (self);
  if (self->list_box != NULL)
    gtk_list_box_bind_model (self->list_box, NULL, NULL, NULL, NULL);
  /* AdwBin would unparent its child again after the template freed it. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SRM_TYPE_SERVICE_PICKER);

  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  g_clear_object (&self->selection);
  g_clear_object (&self->shown_model);
  g_clear_object (&self->filter_model);
  g_clear_object (&self->sort_model);
  g_clear_object (&self->filter);

  G_OBJECT_CLASS (srm_service_picker_parent_class)->dispose (object);
}

static void
srm_service_picker_finalize (GObject *object)
{
  SrmServicePicker *self = SRM_SERVICE_PICKER (object);

  g_clear_pointer (&self->needle, g_free);

  G_OBJECT_CLASS (srm_service_picker_parent_class)->finalize (object);
}

static void
srm_service_picker_class_init (SrmServicePickerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = srm_service_picker_get_property;
  object_class->set_property = srm_service_picker_set_property;
  object_class->dispose = srm_service_picker_dispose;
  object_class->finalize = srm_service_picker_finalize;

  widget_class->map = srm_service_picker_map;
  widget_class->unmap = srm_service_picker_unmap;

  properties[PROP_SELECTION] =
    g_param_spec_object ("selection", NULL, NULL, SRM_TYPE_SELECTION,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "picker.clear", NULL, clear_action);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/srm-service-picker.ui");
  gtk_widget_class_bind_template_child (widget_class, SrmServicePicker, tools_box);
  gtk_widget_class_bind_template_child (widget_class, SrmServicePicker, clear_button);
  gtk_widget_class_bind_template_child (widget_class, SrmServicePicker, search_entry);
  gtk_widget_class_bind_template_child (widget_class, SrmServicePicker, count_label);
  gtk_widget_class_bind_template_child (widget_class, SrmServicePicker, stack);
  gtk_widget_class_bind_template_child (widget_class, SrmServicePicker, list_box);
  gtk_widget_class_bind_template_child (widget_class, SrmServicePicker, status_page);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search);
  gtk_widget_class_bind_template_callback (widget_class, on_search_key_pressed);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);

  gtk_widget_class_set_css_name (widget_class, "srm-service-picker");
}

static void
srm_service_picker_init (SrmServicePicker *self)
{
  g_autoptr(GtkCustomSorter) sorter = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  /* Not in the template: see srm-tooltip.c. */
  srm_tooltip_set_text_unmapped (self->clear_button, _("Deselect All Services"));

  sorter = gtk_custom_sorter_new (compare_services, NULL, NULL);
  self->sort_model = gtk_sort_list_model_new (NULL, GTK_SORTER (g_steal_pointer (&sorter)));
  self->filter = gtk_custom_filter_new (filter_service, self, NULL);
  self->filter_model = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->sort_model)),
                                                  GTK_FILTER (g_object_ref (self->filter)));

  self->shown_model = gtk_slice_list_model_new (G_LIST_MODEL (g_object_ref (self->filter_model)), 0, G_MAXUINT);

  gtk_list_box_bind_model (self->list_box, G_LIST_MODEL (self->shown_model),
                           create_row, self, NULL);
  gtk_list_box_set_header_func (self->list_box, update_header, NULL, NULL);

  /* No gtk_search_entry_set_key_capture_widget (): the captured Enter would
   * activate the entry instead of the focused row. */

  update_count (self);
  update_page (self);
}
