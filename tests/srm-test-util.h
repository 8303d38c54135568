/* srm-test-util.h: main-loop and temporary-file helpers shared by the UI tests. */
#pragma once

#include <glib.h>

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

G_END_DECLS
