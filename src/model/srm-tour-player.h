/* srm-tour-player.h: plays a guided tour, or the catalog's columns, step by step
 * into a selection, for presenting in front of a room. */
#pragma once

#include <glib-object.h>

#include "srm-catalog-registry.h"
#include "srm-selection.h"
#include "srm-tour.h"

G_BEGIN_DECLS

#define SRM_TYPE_TOUR_PLAYER (srm_tour_player_get_type ())
G_DECLARE_FINAL_TYPE (SrmTourPlayer, srm_tour_player, SRM, TOUR_PLAYER, GObject)

/* @registry finds the catalogs a tour's steps name; may be NULL, in which case
 * only steps on the selection's current catalog can change the model. */
SrmTourPlayer      *srm_tour_player_new             (SrmSelection       *selection,
                                                     SrmCatalogRegistry *registry);

SrmSelection       *srm_tour_player_get_selection   (SrmTourPlayer      *self);
/* NULL when playing "live": the overview, then each column of the current
 * catalog from the left (On-premises → IaaS → PaaS → SaaS). */
SrmTour            *srm_tour_player_get_tour        (SrmTourPlayer      *self);
/* With a tour, goes to its first step and applies it to the selection. Live,
 * the step follows the selection's model and only models are changed. */
void                srm_tour_player_set_tour        (SrmTourPlayer      *self,
                                                     SrmTour            *tour);

/* From 0; always below the count, which is at least 1. */
guint               srm_tour_player_get_index       (SrmTourPlayer      *self);
guint               srm_tour_player_get_n_steps     (SrmTourPlayer      *self);

/* Each returns TRUE when the step changed; at either end they do nothing. */
gboolean            srm_tour_player_next            (SrmTourPlayer      *self);
gboolean            srm_tour_player_previous        (SrmTourPlayer      *self);
gboolean            srm_tour_player_first           (SrmTourPlayer      *self);
gboolean            srm_tour_player_last            (SrmTourPlayer      *self);
gboolean            srm_tour_player_go_to           (SrmTourPlayer      *self,
                                                     guint               index);

/* The current step's heading, NULL when it has none. Live: the model's name,
 * or the catalog's title for the overview. */
const char         *srm_tour_player_get_title       (SrmTourPlayer      *self);
/* Never NULL, may be empty. Live: the model's (or catalog's) description. */
const char         *srm_tour_player_get_caption     (SrmTourPlayer      *self);
/* Layers to keep bright; never NULL, empty means no spotlight. */
const char * const *srm_tour_player_get_spotlight_ids (SrmTourPlayer    *self);

G_END_DECLS
