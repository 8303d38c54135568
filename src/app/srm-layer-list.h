/* srm-layer-list.h: the diagram as text, one row per layer with its owners in
 * words, for screen readers and keyboard users. */
#pragma once

#include <adwaita.h>

#include "srm-model.h"

G_BEGIN_DECLS

#define SRM_TYPE_LAYER_LIST (srm_layer_list_get_type ())
G_DECLARE_FINAL_TYPE (SrmLayerList, srm_layer_list, SRM, LAYER_LIST, AdwBin)

GtkWidget    *srm_layer_list_new           (SrmSelection *selection);
SrmSelection *srm_layer_list_get_selection (SrmLayerList *self);
void          srm_layer_list_set_selection (SrmLayerList *self,
                                            SrmSelection *selection);

/* For tests and tooling: the owners line of @layer_id's row as plain text,
 * e.g. "PaaS: Microsoft"; NULL if there is no such row. */
const char   *srm_layer_list_get_owners_text (SrmLayerList *self,
                                              const char   *layer_id);
/* The row of @layer_id, or NULL. */
GtkListBoxRow *srm_layer_list_get_row        (SrmLayerList *self,
                                              const char   *layer_id);

G_END_DECLS
