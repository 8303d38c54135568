/* srm-test-util.h: main-loop, window and temporary-file helpers shared by the
 * UI tests. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Dispatches everything pending, without waiting. */
void srm_test_drain   (void);
/* Runs the main loop for @ms milliseconds of real time, so frames get drawn
 * and timeouts fire. */
void srm_test_run_for (guint ms);

typedef gboolean (*SrmTestCondition) (gpointer data);

/* Runs the main loop until @condition holds or @timeout_ms have passed;
 * returns whether it held. For what ends on its own time: a file loaded in a
 * worker, a timer, a signal GTK coalesces. */
gboolean srm_test_run_until (SrmTestCondition condition,
                             gpointer         data,
                             guint            timeout_ms);

/* Deletes @path and everything under it, not following symbolic links: the
 * temporary folders a test made. */
void     srm_test_remove_tree (const char *path);

/* Puts back the remembered catalog, model and services, so a new window
 * starts with nothing selected. */
void     srm_test_reset_settings (void);

/* The first widget under @root, @root included, depth first, for which
 * @match returns TRUE; NULL if none. */
typedef gboolean (*SrmTestWidgetMatch) (GtkWidget     *widget,
                                        gconstpointer  data);
GtkWidget *srm_test_find_widget (GtkWidget          *root,
                                 SrmTestWidgetMatch  match,
                                 gconstpointer       data);
/* The first widget of @type under @root, or NULL. */
GtkWidget *srm_test_find_widget_of_type (GtkWidget *root,
                                         GType      type);

/* The explorer windows @application has (not dialogs or other windows). */
guint    srm_test_count_explorer_windows (GtkApplication *application);

/* Closes every message dialog and explorer window, asking nothing, between
 * tests. */
void     srm_test_destroy_all_windows (void);

/* A visible message dialog over @window whose heading starts with @heading
 * (any heading when NULL), or NULL. */
AdwMessageDialog *srm_test_find_message_dialog     (GtkWindow  *window,
                                                    const char *heading);
/* The same, after waiting up to @timeout_ms for it to appear. */
AdwMessageDialog *srm_test_wait_for_message_dialog (GtkWindow  *window,
                                                    const char *heading,
                                                    guint       timeout_ms);

G_END_DECLS
