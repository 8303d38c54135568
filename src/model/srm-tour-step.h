/* srm-tour-step.h: one stop of a guided tour: which catalog, column and services
 * to show, which rows to spotlight, and what the trainer says about it. */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define SRM_TYPE_TOUR_STEP (srm_tour_step_get_type ())
G_DECLARE_FINAL_TYPE (SrmTourStep, srm_tour_step, SRM, TOUR_STEP, GObject)

/* Position in the tour, from 0. */
guint               srm_tour_step_get_index         (SrmTourStep *self);
const char         *srm_tour_step_get_catalog_id    (SrmTourStep *self);
/* The column to highlight, or NULL for the whole table. */
const char         *srm_tour_step_get_model_id      (SrmTourStep *self);
/* Services to highlight; NULL-terminated, never NULL, may be empty. */
const char * const *srm_tour_step_get_service_ids   (SrmTourStep *self);
/* Rows to spotlight (the others are dimmed); never NULL, empty means no spotlight. */
const char * const *srm_tour_step_get_spotlight_ids (SrmTourStep *self);
/* Already translated for built-in tours. */
const char         *srm_tour_step_get_title         (SrmTourStep *self);
const char         *srm_tour_step_get_caption       (SrmTourStep *self);

G_END_DECLS
