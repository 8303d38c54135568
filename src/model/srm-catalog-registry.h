/* srm-catalog-registry.h: every catalog the app knows: the built-in ones from the
 * GResource, then the user's: the *.json files in $XDG_DATA_HOME/srm-explorer/catalogs.
 *
 * A broken user catalog never stops the others: it is skipped, logged with a
 * warning that names the file, and kept in the list of load errors so the UI can
 * say what happened.
 */
#pragma once

#include <gio/gio.h>

#include "srm-catalog.h"

G_BEGIN_DECLS

/* The id of the catalog shown when nothing else was chosen. */
#define SRM_DEFAULT_CATALOG_ID "azure"

#define SRM_TYPE_CATALOG_REGISTRY (srm_catalog_registry_get_type ())
G_DECLARE_FINAL_TYPE (SrmCatalogRegistry, srm_catalog_registry, SRM, CATALOG_REGISTRY, GObject)

/* Loads built-in catalogs and those in @user_dir (NULL: $XDG_DATA_HOME/srm-explorer/catalogs). */
SrmCatalogRegistry *srm_catalog_registry_new          (const char         *user_dir);
/* A GListModel of SrmCatalog: built-in first, in a fixed order, then user catalogs by file name. */
GListModel         *srm_catalog_registry_get_catalogs (SrmCatalogRegistry *self);
SrmCatalog         *srm_catalog_registry_lookup       (SrmCatalogRegistry *self,
                                                       const char         *catalog_id);
/* The messages of user catalogs that were skipped; NULL-terminated, never NULL. */
const char * const *srm_catalog_registry_get_errors   (SrmCatalogRegistry *self);

/* Resource paths of the built-in catalogs, default first. */
const char * const *srm_catalog_registry_builtin_paths (void);

G_END_DECLS
