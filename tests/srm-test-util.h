/* srm-test-util.h: main-loop helpers shared by the UI tests. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Dispatches everything pending, without waiting. */
void srm_test_drain   (void);
/* Runs the main loop for @ms milliseconds of real time, so frames get drawn
 * and timeouts fire. */
void srm_test_run_for (guint ms);

G_END_DECLS
