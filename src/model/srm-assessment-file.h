/* srm-assessment-file.h: the assessment file format (docs/assessment-format.md)
 * and the safe way files are written, shared by documents and drafts.
 *
 * Internal to the model library; not part of srm-model.h.
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "srm-assessment.h"

G_BEGIN_DECLS

/* The document as a JSON object node, members in their documented order. */
JsonNode      *_srm_assessment_file_to_node   (SrmAssessment  *assessment);
/* Pretty-printed with a 2-space indent and a final newline. */
GBytes        *_srm_assessment_file_generate  (JsonNode       *root);
/* The same bytes as _srm_assessment_file_generate () of
 * _srm_assessment_file_to_node (), written without building the tree. */
GBytes        *_srm_assessment_file_write     (SrmAssessment  *assessment);

/* Reads and checks untrusted bytes; @name prefixes messages. */
SrmAssessment *_srm_assessment_file_parse     (const char     *data,
                                               gsize           len,
                                               const char     *name,
                                               GError        **error);
/* The fast way to read: straight from the bytes, without a JSON tree. NULL,
 * without an error, for anything it cannot vouch for: every file with a
 * problem and JSON beyond the standard, which _srm_assessment_file_parse ()
 * then gives to the tree reader. What it returns is what the tree reader
 * would have built. */
SrmAssessment *_srm_assessment_file_read_direct (const char   *data,
                                                 gsize         len);
/* Checks the duplicate-free, parsed object @node; @place: where it sits in
 * its file (NULL for the root), to prefix JSON paths in messages. */
SrmAssessment *_srm_assessment_file_read_node (JsonNode       *node,
                                               const char     *name,
                                               const char     *place,
                                               GError        **error);

/* The guard, the parser and the duplicate-member scan in one: the root node
 * or NULL and an SRM_ASSESSMENT_ERROR. */
JsonNode      *_srm_assessment_file_parse_json (const char    *data,
                                                gsize          len,
                                                const char    *name,
                                                GError       **error);

/* Reads @file whole, refusing a folder and anything over
 * SRM_ASSESSMENT_MAX_BYTES before reading it (errors: READ, TOO_LARGE). */
GBytes        *_srm_assessment_file_load      (GFile          *file,
                                               const char     *name,
                                               GCancellable   *cancellable,
                                               GError        **error);

/* Replaces @file with @bytes safely: a temporary file beside it (mode 0600),
 * written and synced, the old file kept as NAME~ if @keep_backup (mode 0600),
 * then renamed over it. On failure @file is unchanged and the temporary file
 * removed. A symbolic link is followed: its target is replaced, the link kept.
 * Errors are G_IO_ERROR. Safe to call from any thread. */
gboolean       _srm_safe_file_replace         (GFile          *file,
                                               GBytes         *bytes,
                                               gboolean        keep_backup,
                                               GCancellable   *cancellable,
                                               GError        **error);

/* For tests only: make the next writes fail (G_IO_ERROR_FAILED, as a full disk
 * would) after @after_bytes bytes of the temporary file are written; -1 turns
 * it off. Process-wide. */
void           _srm_safe_file_set_write_fault (int             after_bytes);

G_END_DECLS
