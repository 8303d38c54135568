/* srm-presentation.c: presentation mode.
 *
 * A full-screen window over the explorer window for a projector: the diagram as
 * large as the screen allows, a caption in large type under it, and nothing to
 * click. A presenter drives it with a clicker (arrow and page keys) through an
 * SrmTourPlayer, which plays a tour, or with no tour the catalog's columns,
 * into the explorer window's own selection: leaving a live presentation shows
 * where it stopped, leaving a tour puts back what was there before.
 *
 * The keys go through srm_presentation_handle_key(), which the window's key
 * controller calls in the capture phase and the tests call directly.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "srm-presentation.h"

/* How long the step indicator stays after a change, and the pointer after it
 * last moved. */
#define STEP_LABEL_TIMEOUT_MS 1500
#define CURSOR_TIMEOUT_MS 2000

struct _SrmPresentation
{
  AdwWindow       parent_instance;

  SrmWindow      *window;
  SrmSelection   *selection;
  SrmTourPlayer  *player;

  /* The explorer window's selection before a tour replaced it. */
  gboolean        has_saved_selection;
  SrmCatalog     *saved_catalog;
  char           *saved_model_id;
  char          **saved_service_ids;

  /* A layer the presenter clicked, spotlighted until the next step. */
  char           *clicked_layer_id;

  gboolean        blanked;
  gboolean        caption_visible;

  guint           step_label_timeout_id;
  guint           cursor_timeout_id;
  guint           type_size_idle_id;
  int             type_size_height;
  double          pointer_x;
  double          pointer_y;

  GtkBox         *stage;
  SrmDiagramView *diagram_view;
  GtkLabel       *caption_label;
  GtkRevealer    *step_revealer;
  GtkLabel       *step_label;
  GtkWidget      *blank;
};

G_DEFINE_FINAL_TYPE (SrmPresentation, srm_presentation, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_WINDOW,
  PROP_BLANKED,
  PROP_CAPTION_VISIBLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ---- what is on screen ---- */

static void
apply_spotlight (SrmPresentation *self)
{
  const char *clicked[] = { self->clicked_layer_id, NULL };

  if (self->clicked_layer_id != NULL)
    srm_diagram_view_set_spotlight_layers (self->diagram_view, clicked);
  else
    srm_diagram_view_set_spotlight_layers (self->diagram_view,
                                           srm_tour_player_get_spotlight_ids (self->player));
}

static void
update_caption (SrmPresentation *self)
{
  const char *caption = srm_tour_player_get_caption (self->player);

  gtk_label_set_label (self->caption_label, caption);
  gtk_widget_set_visible (GTK_WIDGET (self->caption_label),
                          self->caption_visible && caption[0] != '\0');
}

/* GTK 4.8 has no announcements; the window's description carries the step,
 * and the caption is a plain label a screen reader reaches. */
static void
update_accessible_description (SrmPresentation *self)
{
  const char *title = srm_tour_player_get_title (self->player);
  /* TRANSLATORS: read by screen readers in presentation mode: step number, step count */
  g_autofree char *step = g_strdup_printf (_("Step %u of %u"),
                                           srm_tour_player_get_index (self->player) + 1,
                                           srm_tour_player_get_n_steps (self->player));
  g_autofree char *description = g_strjoin (". ", step,
                                            title ? title : srm_tour_player_get_caption (self->player),
                                            title ? srm_tour_player_get_caption (self->player) : NULL,
                                            NULL);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

static void
update_step_label (SrmPresentation *self)
{
  /* TRANSLATORS: the step indicator in presentation mode: step number / step count */
  g_autofree char *label = g_strdup_printf (C_("presentation step", "%u / %u"),
                                            srm_tour_player_get_index (self->player) + 1,
                                            srm_tour_player_get_n_steps (self->player));

  gtk_label_set_label (self->step_label, label);
}

static void
player_changed (SrmPresentation *self)
{
  SrmDiagramPainter *painter = srm_diagram_view_get_painter (self->diagram_view);

  srm_diagram_painter_set_title (painter, srm_tour_player_get_title (self->player));
  gtk_widget_queue_draw (GTK_WIDGET (self->diagram_view));
  apply_spotlight (self);
  update_caption (self);
  update_step_label (self);
  update_accessible_description (self);
}

static gboolean
hide_step_label (gpointer data)
{
  SrmPresentation *self = data;

  gtk_revealer_set_reveal_child (self->step_revealer, FALSE);
  self->step_label_timeout_id = 0;
  return G_SOURCE_REMOVE;
}

/* The indicator fades in on every step and out again; GtkRevealer skips the
 * fade when animations are off. */
static void
flash_step_label (SrmPresentation *self)
{
  g_clear_handle_id (&self->step_label_timeout_id, g_source_remove);
  gtk_revealer_set_reveal_child (self->step_revealer, !self->blanked);
  self->step_label_timeout_id = g_timeout_add (STEP_LABEL_TIMEOUT_MS, hide_step_label, self);
}

static void
player_index_changed (SrmPresentation *self)
{
  g_clear_pointer (&self->clicked_layer_id, g_free);
  apply_spotlight (self);
  flash_step_label (self);
}

/* The backdrop continues the diagram's own background (the painter owns the
 * palette; the CSS classes name it), so the screen reads as one slide. */
static void
diagram_style_changed (SrmPresentation *self)
{
  static const char * const classes[] = { "diagram-light", "diagram-dark", "diagram-contrast", "diagram-print" };
  SrmDiagramStyle style = srm_diagram_view_get_style (self->diagram_view);

  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    {
      if (i == (guint) style)
        gtk_widget_add_css_class (GTK_WIDGET (self), classes[i]);
      else
        gtk_widget_remove_css_class (GTK_WIDGET (self), classes[i]);
    }
}

/* A presenter's extra: a clicked row is spotlighted; clicking it again goes
 * back to the step's own spotlight. */
static void
on_cell_activated (SrmPresentation *self,
                   const char      *layer_id,
                   const char      *column_id)
{
  if (g_strcmp0 (self->clicked_layer_id, layer_id) == 0)
    g_clear_pointer (&self->clicked_layer_id, g_free);
  else
    {
      g_free (self->clicked_layer_id);
      self->clicked_layer_id = g_strdup (layer_id);
    }
  apply_spotlight (self);
}

/* The type of the caption follows the screen, as the painter's does: a line
 * about a 30th of the height, so it reads from the back of a room. Applied in
 * an idle, since changing a label's size from size_allocate would resize the
 * window while it is being allocated. */
static gboolean
update_type_size (gpointer data)
{
  SrmPresentation *self = data;
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  double caption_px = CLAMP (MIN (height / 30.0, width / 50.0), 16.0, 64.0);
  PangoAttrList *caption_attrs = pango_attr_list_new ();
  PangoAttrList *step_attrs = pango_attr_list_new ();

  self->type_size_idle_id = 0;
  pango_attr_list_insert (caption_attrs, pango_attr_size_new_absolute ((int) (caption_px * PANGO_SCALE)));
  pango_attr_list_insert (step_attrs, pango_attr_size_new_absolute ((int) (caption_px * 0.7 * PANGO_SCALE)));
  gtk_label_set_attributes (self->caption_label, caption_attrs);
  gtk_label_set_attributes (self->step_label, step_attrs);
  pango_attr_list_unref (caption_attrs);
  pango_attr_list_unref (step_attrs);
  return G_SOURCE_REMOVE;
}

static void
srm_presentation_size_allocate (GtkWidget *widget,
                                int        width,
                                int        height,
                                int        baseline)
{
  SrmPresentation *self = SRM_PRESENTATION (widget);

  GTK_WIDGET_CLASS (srm_presentation_parent_class)->size_allocate (widget, width, height, baseline);

  if (height != self->type_size_height && self->type_size_idle_id == 0)
    {
      self->type_size_height = height;
      self->type_size_idle_id = g_idle_add (update_type_size, self);
    }
}

/* ---- the pointer: hidden while still, so it never sits on the diagram ---- */

static gboolean
hide_cursor (gpointer data)
{
  SrmPresentation *self = data;

  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "none");
  self->cursor_timeout_id = 0;
  return G_SOURCE_REMOVE;
}

static void
restart_cursor_timeout (SrmPresentation *self)
{
  g_clear_handle_id (&self->cursor_timeout_id, g_source_remove);
  self->cursor_timeout_id = g_timeout_add (CURSOR_TIMEOUT_MS, hide_cursor, self);
}

static void
pointer_moved (SrmPresentation *self,
               double           x,
               double           y)
{
  /* Changing the cursor can bring a motion event at the same place. */
  if (G_APPROX_VALUE (x, self->pointer_x, 0.5) && G_APPROX_VALUE (y, self->pointer_y, 0.5))
    return;
  self->pointer_x = x;
  self->pointer_y = y;
  gtk_widget_set_cursor (GTK_WIDGET (self), NULL);
  restart_cursor_timeout (self);
}

/* ---- keys ---- */

gboolean
srm_presentation_handle_key (SrmPresentation *self,
                             guint            keyval,
                             GdkModifierType  state)
{
  g_return_val_if_fail (SRM_IS_PRESENTATION (self), FALSE);

  /* Shortcuts such as Ctrl+Q and Ctrl+W keep working. */
  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK)) != 0)
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_Escape:
      if (self->blanked)
        srm_presentation_set_blanked (self, FALSE);
      else
        srm_presentation_leave (self);
      return TRUE;

    /* Clickers send B or a full stop for their "black screen" button. */
    case GDK_KEY_b:
    case GDK_KEY_B:
    case GDK_KEY_period:
      srm_presentation_set_blanked (self, !self->blanked);
      return TRUE;

    case GDK_KEY_c:
    case GDK_KEY_C:
      srm_presentation_set_caption_visible (self, !self->caption_visible);
      return TRUE;

    /* A clicker's "start presentation" button; already presenting. */
    case GDK_KEY_F5:
      return TRUE;

    default:
      break;
    }

  switch (keyval)
    {
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
    case GDK_KEY_Page_Down:
    case GDK_KEY_KP_Page_Down:
    case GDK_KEY_space:
    case GDK_KEY_KP_Space:
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
    case GDK_KEY_Page_Up:
    case GDK_KEY_KP_Page_Up:
    case GDK_KEY_BackSpace:
    case GDK_KEY_Home:
    case GDK_KEY_KP_Home:
    case GDK_KEY_End:
    case GDK_KEY_KP_End:
      /* On a black screen any step key brings the slide back first, so the
       * presenter never skips a step the room did not see. */
      if (self->blanked)
        {
          srm_presentation_set_blanked (self, FALSE);
          return TRUE;
        }
      break;
    default:
      return FALSE;
    }

  switch (keyval)
    {
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
    case GDK_KEY_Page_Down:
    case GDK_KEY_KP_Page_Down:
    case GDK_KEY_space:
    case GDK_KEY_KP_Space:
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
      if (!srm_tour_player_next (self->player))
        flash_step_label (self);
      return TRUE;
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
    case GDK_KEY_Page_Up:
    case GDK_KEY_KP_Page_Up:
    case GDK_KEY_BackSpace:
      if (!srm_tour_player_previous (self->player))
        flash_step_label (self);
      return TRUE;
    case GDK_KEY_Home:
    case GDK_KEY_KP_Home:
      if (!srm_tour_player_first (self->player))
        flash_step_label (self);
      return TRUE;
    case GDK_KEY_End:
    case GDK_KEY_KP_End:
      if (!srm_tour_player_last (self->player))
        flash_step_label (self);
      return TRUE;
    default:
      return FALSE;
    }
}

static gboolean
key_pressed_cb (SrmPresentation       *self,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                GtkEventControllerKey *controller)
{
  return srm_presentation_handle_key (self, keyval, state);
}

/* ---- public API ---- */

SrmTourPlayer *
srm_presentation_get_player (SrmPresentation *self)
{
  g_return_val_if_fail (SRM_IS_PRESENTATION (self), NULL);
  return self->player;
}

SrmDiagramView *
srm_presentation_get_diagram_view (SrmPresentation *self)
{
  g_return_val_if_fail (SRM_IS_PRESENTATION (self), NULL);
  return self->diagram_view;
}

gboolean
srm_presentation_get_blanked (SrmPresentation *self)
{
  g_return_val_if_fail (SRM_IS_PRESENTATION (self), FALSE);
  return self->blanked;
}

void
srm_presentation_set_blanked (SrmPresentation *self,
                              gboolean         blanked)
{
  g_return_if_fail (SRM_IS_PRESENTATION (self));

  blanked = !!blanked;
  if (self->blanked == blanked)
    return;
  self->blanked = blanked;
  gtk_widget_set_visible (self->blank, blanked);
  if (blanked)
    gtk_revealer_set_reveal_child (self->step_revealer, FALSE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BLANKED]);
}

gboolean
srm_presentation_get_caption_visible (SrmPresentation *self)
{
  g_return_val_if_fail (SRM_IS_PRESENTATION (self), FALSE);
  return self->caption_visible;
}

void
srm_presentation_set_caption_visible (SrmPresentation *self,
                                      gboolean         visible)
{
  g_return_if_fail (SRM_IS_PRESENTATION (self));

  visible = !!visible;
  if (self->caption_visible == visible)
    return;
  self->caption_visible = visible;
  update_caption (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAPTION_VISIBLE]);
}

const char *
srm_presentation_get_caption (SrmPresentation *self)
{
  g_return_val_if_fail (SRM_IS_PRESENTATION (self), NULL);
  return gtk_label_get_label (self->caption_label);
}

const char *
srm_presentation_get_step_label (SrmPresentation *self)
{
  g_return_val_if_fail (SRM_IS_PRESENTATION (self), NULL);
  return gtk_label_get_label (self->step_label);
}

gboolean
srm_presentation_get_step_label_shown (SrmPresentation *self)
{
  g_return_val_if_fail (SRM_IS_PRESENTATION (self), FALSE);
  return gtk_revealer_get_reveal_child (self->step_revealer);
}

void
srm_presentation_leave (SrmPresentation *self)
{
  g_return_if_fail (SRM_IS_PRESENTATION (self));
  gtk_window_close (GTK_WINDOW (self));
}

SrmPresentation *
srm_presentation_lookup (SrmWindow *window)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  g_return_val_if_fail (SRM_IS_WINDOW (window), NULL);

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (SRM_IS_PRESENTATION (toplevel) && SRM_PRESENTATION (toplevel)->window == window)
        return SRM_PRESENTATION (toplevel);
    }
  return NULL;
}

static void
save_selection (SrmPresentation *self)
{
  if (self->has_saved_selection)
    return;
  self->has_saved_selection = TRUE;
  self->saved_catalog = g_object_ref (srm_selection_get_catalog (self->selection));
  self->saved_model_id = g_strdup (srm_selection_get_model_id (self->selection));
  self->saved_service_ids = g_strdupv ((char **) srm_selection_get_service_ids (self->selection));
}

static void
restore_selection (SrmPresentation *self)
{
  if (!self->has_saved_selection)
    return;
  self->has_saved_selection = FALSE;
  srm_selection_set_catalog (self->selection, self->saved_catalog);
  if (self->saved_model_id != NULL && srm_catalog_lookup_model (self->saved_catalog, self->saved_model_id) != NULL)
    srm_selection_set_model_id (self->selection, self->saved_model_id);
  else
    srm_selection_set_model_id (self->selection, NULL);
  srm_selection_set_service_ids (self->selection, (const char * const *) self->saved_service_ids);
}

/* On the explorer window's monitor, so a presenter moves that window to the
 * projector and presses F5. The window is also sized to the monitor, for
 * kiosk-like sessions without a window manager that would honour fullscreen. */
static void
go_full_screen (SrmPresentation *self)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (self->window));
  GdkMonitor *monitor = NULL;

  if (surface != NULL)
    monitor = gdk_display_get_monitor_at_surface (gtk_widget_get_display (GTK_WIDGET (self)), surface);
  if (monitor != NULL)
    {
      GdkRectangle geometry;

      gdk_monitor_get_geometry (monitor, &geometry);
      gtk_window_set_default_size (GTK_WINDOW (self), geometry.width, geometry.height);
      gtk_window_fullscreen_on_monitor (GTK_WINDOW (self), monitor);
    }
  else
    gtk_window_fullscreen (GTK_WINDOW (self));
}

SrmPresentation *
srm_presentation_present (SrmWindow *window,
                          SrmTour   *tour)
{
  SrmPresentation *self;

  g_return_val_if_fail (SRM_IS_WINDOW (window), NULL);
  g_return_val_if_fail (tour == NULL || SRM_IS_TOUR (tour), NULL);

  self = srm_presentation_lookup (window);
  if (self == NULL)
    self = g_object_new (SRM_TYPE_PRESENTATION,
                         "window", window,
                         "transient-for", window,
                         "application", gtk_window_get_application (GTK_WINDOW (window)),
                         NULL);
  if (tour != NULL)
    {
      save_selection (self);
      gtk_window_set_title (GTK_WINDOW (self), srm_tour_get_title (tour));
      srm_tour_player_set_tour (self->player, tour);
    }
  go_full_screen (self);
  gtk_window_present (GTK_WINDOW (self));
  return self;
}

/* ---- loading tours ---- */

static SrmCatalogRegistry *
dup_registry (SrmWindow *window)
{
  SrmCatalogRegistry *registry = NULL;

  g_object_get (window, "registry", &registry, NULL);
  return registry;
}

static void
show_tour_error (SrmWindow    *window,
                 const GError *error)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (window),
                                              _("Cannot Present the Tour"),
                                              error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

void
srm_presentation_present_builtin_tour (SrmWindow  *window,
                                       const char *tour_id)
{
  g_autoptr(SrmCatalogRegistry) registry = NULL;
  g_autoptr(SrmTour) tour = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (SRM_IS_WINDOW (window));
  g_return_if_fail (tour_id != NULL);

  registry = dup_registry (window);
  tour = srm_tour_new_builtin (tour_id, registry, &error);
  if (tour == NULL)
    show_tour_error (window, error);
  else
    srm_presentation_present (window, tour);
}

static void
load_tour_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  GError *error = NULL;
  /* Shape only: the registry belongs to the main thread, so the ids are
   * checked there, with the same messages. */
  SrmTour *tour = srm_tour_new_from_file (G_FILE (task_data), NULL, &error);

  if (tour == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, tour, g_object_unref);
}

static void
load_tour_done (GObject      *source_object,
                GAsyncResult *result,
                gpointer      user_data)
{
  SrmWindow *window = SRM_WINDOW (source_object);
  g_autoptr(SrmCatalogRegistry) registry = NULL;
  g_autoptr(SrmTour) tour = NULL;
  g_autoptr(GError) error = NULL;

  /* The window was closed while the file was read. */
  if (gtk_window_get_application (GTK_WINDOW (window)) == NULL)
    return;

  tour = g_task_propagate_pointer (G_TASK (result), &error);
  registry = dup_registry (window);
  if (tour == NULL || !srm_tour_validate (tour, registry, &error))
    show_tour_error (window, error);
  else
    srm_presentation_present (window, tour);
}

void
srm_presentation_present_tour_file (SrmWindow *window,
                                    GFile     *file)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (SRM_IS_WINDOW (window));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (window, NULL, load_tour_done, NULL);
  g_task_set_source_tag (task, srm_presentation_present_tour_file);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, load_tour_thread);
}

static void
on_tour_chooser_response (GtkNativeDialog *chooser,
                          int              response,
                          SrmWindow       *window)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        srm_presentation_present_tour_file (window, file);
    }
  /* The chooser was ours from srm_presentation_choose_tour() until now. */
  g_object_unref (chooser);
}

void
srm_presentation_choose_tour (SrmWindow *window)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  g_return_if_fail (SRM_IS_WINDOW (window));

  chooser = gtk_file_chooser_native_new (_("Open Tour"), GTK_WINDOW (window),
                                         GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (filter, _("Tours"));
  gtk_file_filter_add_pattern (filter, "*.json");
  gtk_file_filter_add_mime_type (filter, "application/json");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  /* The window stays alive until the chooser answers. */
  g_signal_connect_data (chooser, "response", G_CALLBACK (on_tour_chooser_response),
                         g_object_ref (window), (GClosureNotify) (void (*) (void)) g_object_unref, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* ---- GObject ---- */

static gboolean
srm_presentation_close_request (GtkWindow *window)
{
  SrmPresentation *self = SRM_PRESENTATION (window);

  restore_selection (self);
  return GTK_WINDOW_CLASS (srm_presentation_parent_class)->close_request (window);
}

static void
srm_presentation_constructed (GObject *object)
{
  SrmPresentation *self = SRM_PRESENTATION (object);
  g_autoptr(SrmCatalogRegistry) registry = NULL;

  G_OBJECT_CLASS (srm_presentation_parent_class)->constructed (object);

  g_assert (self->window != NULL);
  registry = dup_registry (self->window);
  self->selection = g_object_ref (srm_window_get_selection (self->window));
  self->player = srm_tour_player_new (self->selection, registry);
  srm_diagram_view_set_selection (self->diagram_view, self->selection);

  g_signal_connect_object (self->player, "notify", G_CALLBACK (player_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->player, "notify::index", G_CALLBACK (player_index_changed),
                           self, G_CONNECT_SWAPPED);
  player_changed (self);
  flash_step_label (self);
}

static void
srm_presentation_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  SrmPresentation *self = SRM_PRESENTATION (object);

  switch (prop_id)
    {
    case PROP_WINDOW:
      g_value_set_object (value, self->window);
      break;
    case PROP_BLANKED:
      g_value_set_boolean (value, self->blanked);
      break;
    case PROP_CAPTION_VISIBLE:
      g_value_set_boolean (value, self->caption_visible);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
srm_presentation_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  SrmPresentation *self = SRM_PRESENTATION (object);

  switch (prop_id)
    {
    case PROP_WINDOW:
      g_set_weak_pointer (&self->window, g_value_get_object (value));
      break;
    case PROP_BLANKED:
      srm_presentation_set_blanked (self, g_value_get_boolean (value));
      break;
    case PROP_CAPTION_VISIBLE:
      srm_presentation_set_caption_visible (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
srm_presentation_dispose (GObject *object)
{
  SrmPresentation *self = SRM_PRESENTATION (object);

  g_clear_handle_id (&self->step_label_timeout_id, g_source_remove);
  g_clear_handle_id (&self->cursor_timeout_id, g_source_remove);
  g_clear_handle_id (&self->type_size_idle_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), SRM_TYPE_PRESENTATION);
  g_clear_object (&self->player);
  g_clear_object (&self->selection);
  g_clear_object (&self->saved_catalog);
  g_clear_weak_pointer (&self->window);

  G_OBJECT_CLASS (srm_presentation_parent_class)->dispose (object);
}

static void
srm_presentation_finalize (GObject *object)
{
  SrmPresentation *self = SRM_PRESENTATION (object);

  g_clear_pointer (&self->saved_model_id, g_free);
  g_clear_pointer (&self->saved_service_ids, g_strfreev);
  g_clear_pointer (&self->clicked_layer_id, g_free);

  G_OBJECT_CLASS (srm_presentation_parent_class)->finalize (object);
}

static void
srm_presentation_class_init (SrmPresentationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = srm_presentation_constructed;
  object_class->get_property = srm_presentation_get_property;
  object_class->set_property = srm_presentation_set_property;
  object_class->dispose = srm_presentation_dispose;
  object_class->finalize = srm_presentation_finalize;
  widget_class->size_allocate = srm_presentation_size_allocate;
  window_class->close_request = srm_presentation_close_request;

  properties[PROP_WINDOW] =
    g_param_spec_object ("window", NULL, NULL, SRM_TYPE_WINDOW,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BLANKED] =
    g_param_spec_boolean ("blanked", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_CAPTION_VISIBLE] =
    g_param_spec_boolean ("caption-visible", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (SRM_TYPE_DIAGRAM_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/srm-presentation.ui");
  gtk_widget_class_bind_template_child (widget_class, SrmPresentation, stage);
  gtk_widget_class_bind_template_child (widget_class, SrmPresentation, diagram_view);
  gtk_widget_class_bind_template_child (widget_class, SrmPresentation, caption_label);
  gtk_widget_class_bind_template_child (widget_class, SrmPresentation, step_revealer);
  gtk_widget_class_bind_template_child (widget_class, SrmPresentation, step_label);
  gtk_widget_class_bind_template_child (widget_class, SrmPresentation, blank);
}

static void
srm_presentation_init (SrmPresentation *self)
{
  GtkEventController *controller;

  self->caption_visible = TRUE;
  self->pointer_x = self->pointer_y = -1;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Capture phase: the keys are the presenter's before any child sees them. */
  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_swapped (controller, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_motion_new ();
  g_signal_connect_swapped (controller, "motion", G_CALLBACK (pointer_moved), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
  restart_cursor_timeout (self);

  g_signal_connect_object (self->diagram_view, "cell-activated",
                           G_CALLBACK (on_cell_activated), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->diagram_view, "notify::style",
                           G_CALLBACK (diagram_style_changed), self, G_CONNECT_SWAPPED);
  diagram_style_changed (self);
}
