/* srm-layer-group.h: a band of layers ("always retained by the customer", …). */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define SRM_TYPE_LAYER_GROUP (srm_layer_group_get_type ())
G_DECLARE_FINAL_TYPE (SrmLayerGroup, srm_layer_group, SRM, LAYER_GROUP, GObject)

const char *srm_layer_group_get_id          (SrmLayerGroup *self);
const char *srm_layer_group_get_name        (SrmLayerGroup *self);
/* A short label for tight spaces, e.g. "Always yours"; never NULL (falls back to the name). */
const char *srm_layer_group_get_short_name  (SrmLayerGroup *self);
const char *srm_layer_group_get_description (SrmLayerGroup *self);

G_END_DECLS
