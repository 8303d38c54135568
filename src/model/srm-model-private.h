/* srm-model-private.h: constructors the catalog loader uses to build the model.
 *
 * The public headers only read: catalog objects are immutable once loaded, so
 * everything that creates or fills them lives here, out of reach of views. The
 * string vectors and tables passed in are taken over (transfer full) so the
 * loader can hand its work to the objects without copying it.
 */
#pragma once

#include "srm-catalog.h"

G_BEGIN_DECLS

SrmSource       *_srm_source_new           (const char    *id,
                                            const char    *title,
                                            const char    *url);

SrmLayerGroup   *_srm_layer_group_new      (const char    *id,
                                            const char    *name,
                                            const char    *short_name,
                                            const char    *description);

SrmServiceModel *_srm_service_model_new    (const char    *id,
                                            const char    *name,
                                            const char    *short_name,
                                            const char    *description,
                                            guint          index);

/* @sources: (transfer full) NULL-terminated. The owners and notes are added
 * afterwards with the setters, once the loader has checked each cell. */
SrmLayer        *_srm_layer_new            (const char    *id,
                                            const char    *name,
                                            const char    *group_id,
                                            const char    *description,
                                            guint          index,
                                            const char    *maps_to,
                                            GStrv          sources);
void             _srm_layer_set_owner      (SrmLayer      *self,
                                            const char    *model_id,
                                            SrmOwner       owner);
void             _srm_layer_set_cell_note  (SrmLayer      *self,
                                            const char    *model_id,
                                            const char    *note);

/* @mcsb, @sources: (transfer full) NULL-terminated. */
SrmDuty         *_srm_duty_new             (const char    *id,
                                            const char    *service_id,
                                            const char    *layer_id,
                                            const char    *text,
                                            GStrv          mcsb,
                                            GStrv          sources);

/* @sources: (transfer full); @duties: (transfer full) a GListStore of SrmDuty. */
SrmService      *_srm_service_new          (const char    *id,
                                            const char    *name,
                                            const char    *category,
                                            const char    *model_id,
                                            const char    *model_label,
                                            const char    *notes,
                                            GStrv          sources,
                                            GListStore    *duties);
/* Overrides must be added in catalog layer order: that is the order of
 * srm_service_get_override_layers(). */
void             _srm_service_add_override (SrmService    *self,
                                            const char    *layer_id,
                                            SrmOwner       owner);

/* Everything the catalog holds, gathered by the loader. All stores and vectors
 * are taken over by _srm_catalog_new(). */
typedef struct {
  const char *id;
  const char *title;
  const char *description;
  const char *version;
  const char *sources_read;
  const char *provider_name;
  const char *origin;
  gboolean    builtin;
  GStrv       matrix_sources;
  GListStore *sources;
  GListStore *groups;
  GListStore *models;
  GListStore *layers;
  GListStore *services;
} SrmCatalogContents;

SrmCatalog      *_srm_catalog_new          (SrmCatalogContents *contents);

/* Registers the GResource holding the built-in catalogs, once. The resource is
 * compiled with --manual-register because a constructor in a static library is
 * dropped by the linker. */
void             _srm_catalog_resources_ensure (void);

G_END_DECLS
