/* srm-window-private.h: what the UI tests may change in a window that users
 * cannot. Only srm-window.c and the tests include it. */
#pragma once

#include "srm-window.h"

G_BEGIN_DECLS

/* Drafts of unsaved changes are written every 60 s; a test can't wait that
 * long. Also reschedules a timer already running. */
void srm_window_set_autosave_interval_for_testing (SrmWindow *self,
                                                   guint      seconds);

/* The main menu's model, which its button only gets when it first opens. */
GMenuModel *srm_window_get_primary_menu (SrmWindow *self);

G_END_DECLS
