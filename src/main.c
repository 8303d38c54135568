/* main.c: entry point. Command-line options that print or export are handled
 * before any display is opened (see srm-cli.c); otherwise the window opens. */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "srm-application.h"
#include "srm-cli.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(SrmApplication) application = NULL;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  application = srm_application_new ();
  srm_cli_add_options (G_APPLICATION (application));
  g_signal_connect (application, "handle-local-options",
                    G_CALLBACK (srm_cli_handle_local_options), NULL);

  return g_application_run (G_APPLICATION (application), argc, argv);
}
