/* srm-cli-training.h: the command line's training commands: a quiz with its
 * answer key, checking a tour file, and the differences between two columns,
 * services or catalogs. Each returns the process's exit status and prints
 * errors as "srm-explorer: message" on standard error. */
#pragma once

#include "srm-model.h"

G_BEGIN_DECLS

/* Prints @count questions on one catalog: --catalog @catalog_id, or the file
 * @catalog_file, or the default. @seed < 0 picks a random seed, printed so
 * the quiz can be repeated. Text output marks the answers (a trainer's key). */
int srm_cli_quiz            (SrmCatalogRegistry *registry,
                             const char         *catalog_id,
                             const char         *catalog_file,
                             int                 count,
                             gint64              seed,
                             gboolean            json);

/* Loads a tour file and checks it against the installed catalogs: 0 and a
 * one-line summary, or 1 and the error. */
int srm_cli_validate_tour   (const char         *path);

/* @spec as for srm_comparison_new_from_spec(); models and services are looked
 * up in @catalog_id (NULL: the default catalog). */
int srm_cli_compare_text    (SrmCatalogRegistry *registry,
                             const char         *catalog_id,
                             const char         *spec,
                             gboolean            json);

G_END_DECLS
