/* srm-test-util.c: main-loop helpers shared by the UI tests. */
#include "srm-test-util.h"

void
srm_test_drain (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

void
srm_test_run_for (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (2000);
    }
}
