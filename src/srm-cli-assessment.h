/* srm-cli-assessment.h: command line helpers for assessment files
 * (--validate-assessment, --summary). GLib only, no display: they work over
 * SSH, in CI and in git hooks. The JSON shapes are in docs/assessment-format.md.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Prints "NAME: valid assessment, 12 answers, 55% done, 3 overdue" (or JSON)
 * and returns 0, or prints the error on standard error and returns 1. A catalog
 * that isn't installed is a warning on standard error, not a failure. */
int srm_cli_validate_assessment (const char *path,
                                 gboolean    json);

/* Scores per layer, per service and overall, open gaps and overdue items, as
 * text or JSON. @today: what "overdue" is measured against; NULL for today's
 * local date. Returns 0, or 1 after printing the error on standard error. */
int srm_cli_summary             (const char *path,
                                 gboolean    json,
                                 GDate      *today);

G_END_DECLS
