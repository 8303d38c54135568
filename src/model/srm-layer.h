/* srm-layer.h: a row of the matrix (e.g. "Operating system") and its owner in each model. */
#pragma once

#include <glib-object.h>

#include "srm-owner.h"

G_BEGIN_DECLS

#define SRM_TYPE_LAYER (srm_layer_get_type ())
G_DECLARE_FINAL_TYPE (SrmLayer, srm_layer, SRM, LAYER, GObject)

const char         *srm_layer_get_id          (SrmLayer   *self);
const char         *srm_layer_get_name        (SrmLayer   *self);
/* NULL when the catalog has no groups (the January 2026 table has none). */
const char         *srm_layer_get_group_id    (SrmLayer   *self);
const char         *srm_layer_get_description (SrmLayer   *self);
/* Position of the row in the catalog, from 0 (top row first). */
guint               srm_layer_get_index       (SrmLayer   *self);
/* The owner of this row in the column @model_id. FALSE if the model is unknown. */
gboolean            srm_layer_get_owner       (SrmLayer   *self,
                                               const char *model_id,
                                               SrmOwner   *owner);
/* Why this cell is owned the way it is, if the catalog says; else NULL. */
const char         *srm_layer_get_cell_note   (SrmLayer   *self,
                                               const char *model_id);
/* Ids of another catalog's layer this row corresponds to (for comparisons); may be NULL. */
const char         *srm_layer_get_maps_to     (SrmLayer   *self);
/* Source ids (never NULL, may be empty). */
const char * const *srm_layer_get_sources     (SrmLayer   *self);

G_END_DECLS
