/* srm-source.h: a published document that a catalog fact comes from. */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define SRM_TYPE_SOURCE (srm_source_get_type ())
G_DECLARE_FINAL_TYPE (SrmSource, srm_source, SRM, SOURCE, GObject)

const char *srm_source_get_id    (SrmSource *self);
const char *srm_source_get_title (SrmSource *self);
/* May be NULL: some sources are repositories or papers without a web page. */
const char *srm_source_get_url   (SrmSource *self);

G_END_DECLS
