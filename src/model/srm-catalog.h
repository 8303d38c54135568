/* srm-catalog.h: one shared responsibility model (layers × models) with its services.
 *
 * A catalog is read once from JSON (see docs/catalog-format.md) and is immutable
 * afterwards, so views can hold on to its objects freely.
 */
#pragma once

#include <gio/gio.h>

#include "srm-duty.h"
#include "srm-layer.h"
#include "srm-layer-group.h"
#include "srm-owner.h"
#include "srm-service.h"
#include "srm-service-model.h"
#include "srm-source.h"

G_BEGIN_DECLS

/* The catalog format version this build reads; a file with a larger one is refused. */
#define SRM_CATALOG_FORMAT_VERSION 1
/* Catalogs are small; anything larger than this is refused before parsing. */
#define SRM_CATALOG_MAX_BYTES (4 * 1024 * 1024)
/* Deeper JSON nesting than this is refused before parsing. */
#define SRM_CATALOG_MAX_DEPTH 16

#define SRM_CATALOG_ERROR (srm_catalog_error_quark ())
GQuark srm_catalog_error_quark (void);

typedef enum {
  SRM_CATALOG_ERROR_READ,                /* the file cannot be read (missing, permission, directory) */
  SRM_CATALOG_ERROR_TOO_LARGE,           /* over SRM_CATALOG_MAX_BYTES */
  SRM_CATALOG_ERROR_ENCODING,            /* not UTF-8, or contains NUL bytes */
  SRM_CATALOG_ERROR_SYNTAX,              /* not JSON: truncated, stray characters, empty file */
  SRM_CATALOG_ERROR_TOO_DEEP,            /* nested deeper than SRM_CATALOG_MAX_DEPTH */
  SRM_CATALOG_ERROR_MISSING_FIELD,       /* a required member is absent (or a matrix cell) */
  SRM_CATALOG_ERROR_WRONG_TYPE,          /* a member has the wrong JSON type */
  SRM_CATALOG_ERROR_INVALID_VALUE,       /* right type, bad value: empty id, unknown owner, bad date */
  SRM_CATALOG_ERROR_DUPLICATE_ID,        /* two layers/models/services/duties/sources with one id */
  SRM_CATALOG_ERROR_UNKNOWN_REFERENCE,   /* an id that names no layer, model, group or source */
  SRM_CATALOG_ERROR_MISSING_SOURCE,      /* a duty or service without any source */
  SRM_CATALOG_ERROR_UNSUPPORTED_VERSION, /* format_version newer than we read */
} SrmCatalogError;

#define SRM_TYPE_CATALOG (srm_catalog_get_type ())
G_DECLARE_FINAL_TYPE (SrmCatalog, srm_catalog, SRM, CATALOG, GObject)

/* Loaders. Error messages read "NAME: PLACE: problem", where NAME is the file's
 * basename (or @display_name) and PLACE a JSON path like services[3].duties[1].layer,
 * or LINE:COLUMN for syntax errors. */
SrmCatalog      *srm_catalog_new_from_file      (GFile        *file,
                                                 GError      **error);
SrmCatalog      *srm_catalog_new_from_resource  (const char   *resource_path,
                                                 GError      **error);
SrmCatalog      *srm_catalog_new_from_bytes     (GBytes       *bytes,
                                                 const char   *display_name,
                                                 GError      **error);

const char      *srm_catalog_get_id             (SrmCatalog   *self);
const char      *srm_catalog_get_title          (SrmCatalog   *self);
const char      *srm_catalog_get_description    (SrmCatalog   *self);
const char      *srm_catalog_get_version        (SrmCatalog   *self);
/* ISO 8601 date (YYYY-MM-DD) on which the sources were read. */
const char      *srm_catalog_get_sources_read   (SrmCatalog   *self);
/* "Microsoft": how owner labels name the provider. */
const char      *srm_catalog_get_provider_name  (SrmCatalog   *self);
/* Where it was loaded from: a path, "resource://…", or the display name. */
const char      *srm_catalog_get_origin         (SrmCatalog   *self);
gboolean         srm_catalog_get_builtin        (SrmCatalog   *self);
const char * const *srm_catalog_get_matrix_sources (SrmCatalog *self);

/* GListModels of SrmLayer, SrmLayerGroup, SrmServiceModel, SrmService, SrmSource; catalog order. */
GListModel      *srm_catalog_get_layers         (SrmCatalog   *self);
GListModel      *srm_catalog_get_groups         (SrmCatalog   *self);
GListModel      *srm_catalog_get_models         (SrmCatalog   *self);
GListModel      *srm_catalog_get_services       (SrmCatalog   *self);
GListModel      *srm_catalog_get_sources        (SrmCatalog   *self);

/* Look-ups by id; NULL when there is none. Borrowed references. */
SrmLayer        *srm_catalog_lookup_layer       (SrmCatalog   *self,
                                                 const char   *layer_id);
SrmLayerGroup   *srm_catalog_lookup_group       (SrmCatalog   *self,
                                                 const char   *group_id);
SrmServiceModel *srm_catalog_lookup_model       (SrmCatalog   *self,
                                                 const char   *model_id);
SrmService      *srm_catalog_lookup_service     (SrmCatalog   *self,
                                                 const char   *service_id);
SrmSource       *srm_catalog_lookup_source      (SrmCatalog   *self,
                                                 const char   *source_id);
SrmDuty         *srm_catalog_lookup_duty        (SrmCatalog   *self,
                                                 const char   *duty_id);

/* Who owns @layer_id in the column @model_id. FALSE if either id is unknown. */
gboolean         srm_catalog_get_owner          (SrmCatalog   *self,
                                                 const char   *layer_id,
                                                 const char   *model_id,
                                                 SrmOwner     *owner);
/* Who owns @layer_id for @service_id: its model's cell, unless the service overrides it. */
gboolean         srm_catalog_get_service_owner  (SrmCatalog   *self,
                                                 const char   *service_id,
                                                 const char   *layer_id,
                                                 SrmOwner     *owner);

G_END_DECLS
