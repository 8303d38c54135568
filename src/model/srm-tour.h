/* srm-tour.h: a guided tour: steps a trainer walks a room through, each showing a
 * catalog, maybe a column and some services, with rows in the spotlight and a
 * caption to read out. See docs/tour-format.md.
 */
#pragma once

#include <gio/gio.h>

#include "srm-catalog-registry.h"
#include "srm-tour-step.h"

G_BEGIN_DECLS

/* The tour format version this build reads; a file with a larger one is refused. */
#define SRM_TOUR_FORMAT_VERSION 1
/* Tours are short; anything larger is refused before parsing. */
#define SRM_TOUR_MAX_BYTES (1024 * 1024)
#define SRM_TOUR_MAX_DEPTH 16

#define SRM_TOUR_ERROR (srm_tour_error_quark ())
GQuark srm_tour_error_quark (void);

typedef enum {
  SRM_TOUR_ERROR_READ,                /* the file cannot be read */
  SRM_TOUR_ERROR_TOO_LARGE,           /* over SRM_TOUR_MAX_BYTES */
  SRM_TOUR_ERROR_ENCODING,            /* not UTF-8, or contains NUL bytes */
  SRM_TOUR_ERROR_SYNTAX,              /* not JSON: truncated, stray characters, empty */
  SRM_TOUR_ERROR_TOO_DEEP,            /* nested deeper than SRM_TOUR_MAX_DEPTH */
  SRM_TOUR_ERROR_MISSING_FIELD,       /* a required member is absent */
  SRM_TOUR_ERROR_WRONG_TYPE,          /* a member has the wrong JSON type */
  SRM_TOUR_ERROR_INVALID_VALUE,       /* right type, bad value: empty caption, bad id, wrong format */
  SRM_TOUR_ERROR_DUPLICATE_ID,        /* a service or layer named twice in one step */
  SRM_TOUR_ERROR_NO_STEPS,            /* "steps" is empty */
  SRM_TOUR_ERROR_UNKNOWN_REFERENCE,   /* a catalog, model, service or layer that does not exist */
  SRM_TOUR_ERROR_UNSUPPORTED_VERSION, /* format_version newer than we read */
} SrmTourError;

#define SRM_TYPE_TOUR (srm_tour_get_type ())
G_DECLARE_FINAL_TYPE (SrmTour, srm_tour, SRM, TOUR, GObject)

/* Loaders. With a @registry, every id is also checked against its catalogs
 * (as srm_tour_validate() does); with NULL only the file's shape is checked.
 * Messages read "NAME: PLACE: problem", e.g.
 * my-tour.json: steps[3].model: catalog "azure-ai" has no model "onprem" */
SrmTour            *srm_tour_new_from_file      (GFile              *file,
                                                 SrmCatalogRegistry *registry,
                                                 GError            **error);
SrmTour            *srm_tour_new_from_resource  (const char         *resource_path,
                                                 SrmCatalogRegistry *registry,
                                                 GError            **error);
SrmTour            *srm_tour_new_from_bytes     (GBytes             *bytes,
                                                 const char         *display_name,
                                                 SrmCatalogRegistry *registry,
                                                 GError            **error);

/* The tours shipped in the program, in the order a trainer would use them. */
const char * const *srm_tour_builtin_ids        (void);
/* Loads a built-in tour with its texts translated. */
SrmTour            *srm_tour_new_builtin        (const char         *tour_id,
                                                 SrmCatalogRegistry *registry,
                                                 GError            **error);

/* Checks every step against @registry: the catalog, model, services and
 * spotlight layers must exist. Errors use SRM_TOUR_ERROR_UNKNOWN_REFERENCE. */
gboolean            srm_tour_validate           (SrmTour            *self,
                                                 SrmCatalogRegistry *registry,
                                                 GError            **error);

const char         *srm_tour_get_id             (SrmTour            *self);
const char         *srm_tour_get_title          (SrmTour            *self);
/* May be NULL. */
const char         *srm_tour_get_description    (SrmTour            *self);
/* The name used in messages: the file's basename or the display name. */
const char         *srm_tour_get_name           (SrmTour            *self);
gboolean            srm_tour_get_builtin        (SrmTour            *self);
/* A GListModel of SrmTourStep, at least one. */
GListModel         *srm_tour_get_steps          (SrmTour            *self);
guint               srm_tour_get_n_steps        (SrmTour            *self);
/* Borrowed; NULL when @index is out of range. */
SrmTourStep        *srm_tour_get_step           (SrmTour            *self,
                                                 guint               index);

G_END_DECLS
