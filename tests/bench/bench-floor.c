/* bench-floor.c: the least a libadwaita app can do: one window with a header bar
 * and a label, at the size srm-explorer opens with. bench-startup measures
 * srm-explorer against it, so the figures say what our own code costs on top of
 * GTK and libadwaita, on whatever machine runs them.
 *
 * It obeys srm-explorer's SRM_EXPLORER_EXIT_AFTER_FIRST_FRAME contract: with the
 * variable set, it quits once the window's first frame has been painted. Like
 * srm-explorer it is a unique application, so both pay for the D-Bus name. */
#include <adwaita.h>

static void
quit_after_first_paint (GdkFrameClock *frame_clock,
                        GApplication  *application)
{
  g_signal_handlers_disconnect_by_func (frame_clock, quit_after_first_paint, application);
  g_print ("first-frame-monotonic-usec %" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
  g_application_quit (application);
}

static void
exit_after_first_frame (GtkWidget    *window,
                        GApplication *application)
{
  GdkFrameClock *frame_clock = gtk_widget_get_frame_clock (window);

  g_signal_connect (frame_clock, "after-paint", G_CALLBACK (quit_after_first_paint), application);
}

static void
floor_activate (GApplication *application)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (application));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *label = gtk_label_new ("Floor");

  gtk_widget_set_vexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_box_append (GTK_BOX (box), label);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 720);

  if (g_getenv ("SRM_EXPLORER_EXIT_AFTER_FIRST_FRAME") != NULL)
    g_signal_connect (window, "realize", G_CALLBACK (exit_after_first_frame), application);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AdwApplication) application = NULL;

  application = adw_application_new ("io.github.srmexplorer.SrmExplorer.BenchFloor",
                                     G_APPLICATION_DEFAULT_FLAGS);
  g_signal_connect (application, "activate", G_CALLBACK (floor_activate), NULL);
  return g_application_run (G_APPLICATION (application), argc, argv);
}
