/* srm-presentation.h: presentation mode: the diagram full screen for a room,
 * stepped with a clicker through a guided tour or the catalog's columns. */
#pragma once

#include <adwaita.h>

#include "srm-diagram-view.h"
#include "srm-model.h"
#include "srm-window.h"

G_BEGIN_DECLS

#define SRM_TYPE_PRESENTATION (srm_presentation_get_type ())
G_DECLARE_FINAL_TYPE (SrmPresentation, srm_presentation, SRM, PRESENTATION, AdwWindow)

/* Presents @window's selection full screen, reusing the presentation already
 * open over @window. With a @tour, plays it from its first step and puts the
 * window's selection back as it was when the presentation is left; without,
 * steps live through the current catalog's columns and leaves them as shown. */
SrmPresentation *srm_presentation_present              (SrmWindow       *window,
                                                        SrmTour         *tour);
/* The presentation open over @window, or NULL. */
SrmPresentation *srm_presentation_lookup               (SrmWindow       *window);

/* Load a tour and present it; a tour that cannot be loaded is explained in a
 * dialog over @window instead (the message names the file and the step). */
void             srm_presentation_present_builtin_tour (SrmWindow       *window,
                                                        const char      *tour_id);
/* Reads the file in a thread; the presentation (or the dialog) follows. */
void             srm_presentation_present_tour_file    (SrmWindow       *window,
                                                        GFile           *file);
/* Asks for a tour file, then presents it. */
void             srm_presentation_choose_tour          (SrmWindow       *window);

SrmTourPlayer   *srm_presentation_get_player           (SrmPresentation *self);
SrmDiagramView  *srm_presentation_get_diagram_view     (SrmPresentation *self);

/* What the window's key controller does with a key press: steps, blanks,
 * hides the caption, leaves. TRUE when the key was used. */
gboolean         srm_presentation_handle_key           (SrmPresentation *self,
                                                        guint            keyval,
                                                        GdkModifierType  state);

/* Blanked: the screen is black, so the room looks at the presenter. */
gboolean         srm_presentation_get_blanked          (SrmPresentation *self);
void             srm_presentation_set_blanked          (SrmPresentation *self,
                                                        gboolean         blanked);
gboolean         srm_presentation_get_caption_visible  (SrmPresentation *self);
void             srm_presentation_set_caption_visible  (SrmPresentation *self,
                                                        gboolean         visible);
/* The caption as shown under the diagram. */
const char      *srm_presentation_get_caption          (SrmPresentation *self);
/* "3 / 5", and whether it is showing right now (it fades after each step). */
const char      *srm_presentation_get_step_label       (SrmPresentation *self);
gboolean         srm_presentation_get_step_label_shown (SrmPresentation *self);

/* Closes the presentation, restoring the selection a tour replaced. */
void             srm_presentation_leave                (SrmPresentation *self);

G_END_DECLS
