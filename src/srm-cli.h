/* srm-cli.h: the headless command line. Everything here runs before GTK opens a
 * display, so it works over SSH, in CI and in scripts. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

void srm_cli_add_options           (GApplication *application);
/* A "handle-local-options" handler: the exit status of a command, or -1 to go on
 * and open the window. */
int  srm_cli_handle_local_options  (GApplication *application,
                                    GVariantDict *options,
                                    gpointer      user_data);

G_END_DECLS
