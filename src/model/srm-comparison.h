/* srm-comparison.h: two columns, two services or two catalogs side by side,
 * row by row, with what differs between them. */
#pragma once

#include <json-glib/json-glib.h>

#include "srm-catalog.h"
#include "srm-catalog-registry.h"
#include "srm-comparison-row.h"

G_BEGIN_DECLS

#define SRM_COMPARISON_ERROR (srm_comparison_error_quark ())
GQuark srm_comparison_error_quark (void);

typedef enum {
  SRM_COMPARISON_ERROR_INVALID_SPEC,    /* not "A,B" */
  SRM_COMPARISON_ERROR_UNKNOWN_CATALOG, /* the catalog to look ids up in does not exist */
  SRM_COMPARISON_ERROR_UNKNOWN_ID,      /* a token names no model, service or catalog */
  SRM_COMPARISON_ERROR_AMBIGUOUS,       /* both tokens name things of several kinds */
  SRM_COMPARISON_ERROR_MIXED_KINDS,     /* e.g. a model and a service */
} SrmComparisonError;

typedef enum {
  SRM_COMPARISON_MODELS,    /* two columns of one catalog */
  SRM_COMPARISON_SERVICES,  /* two services of one catalog, overrides applied */
  SRM_COMPARISON_CATALOGS,  /* two catalogs: rows matched by maps_to, common columns cell by cell */
} SrmComparisonKind;

#define SRM_TYPE_COMPARISON (srm_comparison_get_type ())
G_DECLARE_FINAL_TYPE (SrmComparison, srm_comparison, SRM, COMPARISON, GObject)

SrmComparison     *srm_comparison_new_models       (SrmCatalog         *catalog,
                                                    const char         *left_model_id,
                                                    const char         *right_model_id);
SrmComparison     *srm_comparison_new_services     (SrmCatalog         *catalog,
                                                    const char         *left_service_id,
                                                    const char         *right_service_id);
SrmComparison     *srm_comparison_new_catalogs     (SrmCatalog         *left,
                                                    SrmCatalog         *right);
/* @spec is "A,B": two model ids or two service ids of the catalog @catalog_id
 * (NULL: the default catalog), or two catalog ids of @registry. Errors name
 * the token at fault. */
SrmComparison     *srm_comparison_new_from_spec    (SrmCatalogRegistry *registry,
                                                    const char         *spec,
                                                    const char         *catalog_id,
                                                    GError            **error);

SrmComparisonKind  srm_comparison_get_kind         (SrmComparison      *self);
/* The same catalog twice for models and services. */
SrmCatalog        *srm_comparison_get_left_catalog (SrmComparison      *self);
SrmCatalog        *srm_comparison_get_right_catalog (SrmComparison     *self);
/* Model, service or catalog ids. */
const char        *srm_comparison_get_left_id      (SrmComparison      *self);
const char        *srm_comparison_get_right_id     (SrmComparison      *self);
/* For people: "IaaS", "Azure Kubernetes Service (AKS)", "Microsoft Azure". */
const char        *srm_comparison_get_left_title   (SrmComparison      *self);
const char        *srm_comparison_get_right_title  (SrmComparison      *self);
/* A GListModel of SrmComparisonRow: every row, in table order. For catalogs a
 * row per matched layer and common column, and one per layer found in only one
 * of the two. */
GListModel        *srm_comparison_get_rows         (SrmComparison      *self);
/* The rows whose difference is not SRM_DIFFERENCE_SAME. */
GListModel        *srm_comparison_get_differences  (SrmComparison      *self);

/* {"kind": "models", "catalog": "azure", "left": "iaas", "right": "paas",
 *  "differences": [{"left_layer": "os", "left_name": …, "right_layer": "os",
 *  "right_name": …, "model": null, "left_owner": "customer",
 *  "right_owner": "provider", "difference": "moves-to-provider",
 *  "text": "moves to Microsoft"}, …]} */
JsonNode          *srm_comparison_to_json          (SrmComparison      *self);

G_END_DECLS
