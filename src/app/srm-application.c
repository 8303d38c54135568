/* srm-application.c: owns the catalog registry, installs the app-wide actions and
 * their accelerators (in one place), and opens windows. */
#include "config.h"

#include <glib/gi18n.h>

#include "srm-application.h"
#include "srm-diagram-painter.h"
#include "srm-presentation.h"
#include "srm-ui-resources.h"
#include "srm-window.h"

/* What the start-up thread prepares: see load_registry (). */
typedef struct {
  SrmCatalogRegistry *registry;
  PangoFontMap       *diagram_fonts;
} StartupLoad;

/* Frees @load and returns its registry. */
static SrmCatalogRegistry *
startup_load_free (StartupLoad *load)
{
  SrmCatalogRegistry *registry = g_steal_pointer (&load->registry);

  g_clear_object (&load->diagram_fonts);
  g_free (load);
  return registry;
}

struct _SrmApplication
{
  AdwApplication      parent_instance;

  SrmCatalogRegistry *registry;
  GThread            *registry_loader; /* loading it, from startup until first asked for */
  char               *startup_tour;
};

G_DEFINE_FINAL_TYPE (SrmApplication, srm_application, ADW_TYPE_APPLICATION)

SrmApplication *
srm_application_new (void)
{
  static gsize resources_registered = 0;

  /* Registering a static resource twice makes GLib's resource list loop on
   * itself, so skip it when a test (or anyone) has registered it already. */
  if (g_once_init_enter (&resources_registered))
    {
      if (!g_resources_get_info (RESOURCE_PREFIX "/srm-window.ui", G_RESOURCE_LOOKUP_FLAGS_NONE,
                                 NULL, NULL, NULL))
        srm_ui_register_resource ();
      g_once_init_leave (&resources_registered, 1);
    }

  return g_object_new (SRM_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", RESOURCE_PREFIX,
                       NULL);
}

SrmCatalogRegistry *
srm_application_get_registry (SrmApplication *self)
{
  g_return_val_if_fail (SRM_IS_APPLICATION (self), NULL);

  /* Loaded lazily so command-line runs that never open a window don't pay for it twice. */
  if (self->registry == NULL && self->registry_loader != NULL)
    {
      StartupLoad *load = g_thread_join (g_steal_pointer (&self->registry_loader));

      /* The loading thread is done with the font map: this one takes it. */
      srm_diagram_fonts_adopt (load->diagram_fonts);
      self->registry = startup_load_free (load);
    }
  if (self->registry == NULL)
    self->registry = srm_catalog_registry_new (NULL);
  return self->registry;
}

/* For tests/bench: with SRM_EXPLORER_EXIT_AFTER_FIRST_FRAME set, print when the
 * first frame has been painted (CLOCK_MONOTONIC, which every process shares, so
 * the benchmark can subtract the time it forked us) and quit. */
static void
quit_after_first_paint (GdkFrameClock *frame_clock,
                        GApplication  *application)
{
  g_signal_handlers_disconnect_by_func (frame_clock, quit_after_first_paint, application);
  g_print ("first-frame-monotonic-usec %" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
  g_application_quit (application);
}

/* Connected when the window is realized, so it runs before the after-paint
 * handlers widgets connect when they are mapped (the service picker builds
 * its remaining rows in one): the time printed is the frame's, not theirs. */
static void
exit_after_first_frame (GtkWidget      *window,
                        SrmApplication *self)
{
  GdkFrameClock *frame_clock = gtk_widget_get_frame_clock (window);

  g_signal_connect (frame_clock, "after-paint", G_CALLBACK (quit_after_first_paint), self);
}

void
srm_application_set_startup_tour (SrmApplication *self,
                                  const char     *path)
{
  g_return_if_fail (SRM_IS_APPLICATION (self));

  g_free (self->startup_tour);
  self->startup_tour = g_strdup (path);
}

const char *
srm_application_get_startup_tour (SrmApplication *self)
{
  g_return_val_if_fail (SRM_IS_APPLICATION (self), NULL);
  return self->startup_tour;
}

static SrmWindow *
srm_application_new_window (SrmApplication *self)
{
  SrmWindow *window = srm_window_new (self);

  if (g_getenv ("SRM_EXPLORER_EXIT_AFTER_FIRST_FRAME") != NULL)
    g_signal_connect (window, "realize", G_CALLBACK (exit_after_first_frame), self);
  gtk_window_present (GTK_WINDOW (window));
  return window;
}

static void
srm_application_activate (GApplication *application)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (application));

  SrmApplication *self = SRM_APPLICATION (application);

  if (window != NULL)
    gtk_window_present (window);
  else
    window = GTK_WINDOW (srm_application_new_window (self));

  /* --tour: presented once, over the first window. */
  if (self->startup_tour != NULL && SRM_IS_WINDOW (window))
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (self->startup_tour);

      g_clear_pointer (&self->startup_tour, g_free);
      srm_presentation_present_tour_file (SRM_WINDOW (window), file);
    }
}

/* app.present-tour(uri): what `--tour FILE` asks of an instance that is
 * already running, since its own activation knows nothing of the option. */
static void
present_tour_activated (GSimpleAction *action,
                        GVariant      *parameter,
                        gpointer       user_data)
{
  SrmApplication *self = user_data;
  GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (self));
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (parameter, NULL));
  SrmWindow *window = SRM_IS_WINDOW (active) ? SRM_WINDOW (active) : NULL;

  /* The explorer window most recently used, not a dialog or a quiz. */
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL && window == NULL; l = l->next)
    if (SRM_IS_WINDOW (l->data))
      window = l->data;
  if (window == NULL)
    window = srm_application_new_window (self);
  else
    gtk_window_present (GTK_WINDOW (window));

  srm_presentation_present_tour_file (window, file);
}

static void
srm_application_open (GApplication  *application,
                      GFile        **files,
                      int            n_files,
                      const char    *hint)
{
  SrmApplication *self = SRM_APPLICATION (application);
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (application));
  SrmWindow *window = NULL;

  /* Into the most recent explorer window; it uses a new window for each
   * document once it has one. */
  for (GList *l = windows; l != NULL && window == NULL; l = l->next)
    if (SRM_IS_WINDOW (l->data))
      window = l->data;
  if (window == NULL)
    window = srm_application_new_window (self);

  for (int i = 0; i < n_files; i++)
    srm_window_open_file (window, files[i]);
  gtk_window_present (GTK_WINDOW (window));
}

static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  GApplication *application = user_data;
  /* A copy: a window that closes at once leaves the application's list. */
  GList *windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (application)));

  for (GList *l = windows; l != NULL; l = l->next)
    g_object_ref (l->data);

  /* Close windows one by one, so each can ask about unsaved work first. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (GTK_WINDOW (l->data));
  g_list_free_full (windows, g_object_unref);
}

static void
new_window_activated (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  srm_application_new_window (SRM_APPLICATION (user_data));
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  GtkApplication *application = user_data;
  const char *developers[] = { _("The Shared Responsibility Explorer developers"), NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (application),
                        "application-name", _("Shared Responsibility Explorer"),
                        "application-icon", APP_ID,
                        "developer-name", _("The Shared Responsibility Explorer developers"),
                        "developers", developers,
                        "version", PACKAGE_VERSION,
                        "website", "https://github.com/srmexplorer/srm-explorer",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "comments", _("Shows who secures what in the cloud, and helps "
                                      "teams assess their side of the split."),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static const GActionEntry app_entries[] = {
  { "quit", quit_activated },
  { "new-window", new_window_activated },
  { "about", about_activated },
  { "present-tour", present_tour_activated, "s" },
};

/* The model layer is GLib, GIO and json-glib only and the painter cairo and
 * Pango only, so the catalogs can be read, and the diagram's fonts loaded, on
 * another core while GTK opens the display and loads its theme; the first
 * window then finds them ready. */
static gpointer
load_registry (gpointer data)
{
  StartupLoad *load = g_new0 (StartupLoad, 1);
  GListModel *catalogs;
  g_autoptr(SrmCatalog) first = NULL;

  load->registry = srm_catalog_registry_new (NULL);
  catalogs = srm_catalog_registry_get_catalogs (load->registry);
  if (g_list_model_get_n_items (catalogs) > 0)
    first = g_list_model_get_item (catalogs, 0);
  load->diagram_fonts = srm_diagram_fonts_load (first);
  return load;
}

static void
srm_application_startup (GApplication *application)
{
  static const struct { const char *action; const char *accels[3]; } accels[] = {
    { "app.quit", { "<Control>q", NULL } },
    { "app.new-window", { "<Control>n", NULL } },
    { "window.close", { "<Control>w", NULL } },
    { "win.show-shortcuts", { "<Control>question", NULL } },
    { "win.export-diagram", { "<Control>e", NULL } },
    { "win.open", { "<Control>o", NULL } },
    { "win.save", { "<Control>s", NULL } },
    { "win.save-as", { "<Control><Shift>s", NULL } },
    { "win.undo", { "<Control>z", NULL } },
    { "win.redo", { "<Control><Shift>z", NULL } },
    { "win.present", { "F5", NULL } },
    { "win.compare", { "<Control>k", NULL } },
    { "win.copy-image", { "<Control><Shift>c", NULL } },
    { "win.show-list", { "<Control>l", NULL } },
    { "win.show-services", { "F9", NULL } },
    { "win.show-details", { "<Control>i", NULL } },
    { "win.clear-selection", { "<Control>BackSpace", NULL } },
    { "win.select-model-index(0)", { "<Control>0", NULL } },
    { "win.select-model-index(1)", { "<Control>1", NULL } },
    { "win.select-model-index(2)", { "<Control>2", NULL } },
    { "win.select-model-index(3)", { "<Control>3", NULL } },
    { "win.select-model-index(4)", { "<Control>4", NULL } },
  };

  SrmApplication *self = SRM_APPLICATION (application);

  if (self->registry == NULL && self->registry_loader == NULL)
    self->registry_loader = g_thread_new ("srm-catalogs", load_registry, NULL);

  G_APPLICATION_CLASS (srm_application_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (application), app_entries,
                                   G_N_ELEMENTS (app_entries), application);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (application),
                                           accels[i].action, accels[i].accels);
}

static void
srm_application_dispose (GObject *object)
{
  SrmApplication *self = SRM_APPLICATION (object);

  if (self->registry_loader != NULL)
    g_object_unref (startup_load_free (g_thread_join (g_steal_pointer (&self->registry_loader))));
  g_clear_object (&self->registry);
  g_clear_pointer (&self->startup_tour, g_free);

  G_OBJECT_CLASS (srm_application_parent_class)->dispose (object);
}

static void
srm_application_class_init (SrmApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = srm_application_dispose;
  app_class->activate = srm_application_activate;
  app_class->open = srm_application_open;
  app_class->startup = srm_application_startup;
}

static void
srm_application_init (SrmApplication *self)
{
}
