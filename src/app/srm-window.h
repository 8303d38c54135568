/* srm-window.h: the explorer window. */
#pragma once

#include <adwaita.h>

#include "srm-application.h"
#include "srm-details-panel.h"
#include "srm-diagram-view.h"
#include "srm-render.h"

G_BEGIN_DECLS

#define SRM_TYPE_WINDOW (srm_window_get_type ())
G_DECLARE_FINAL_TYPE (SrmWindow, srm_window, SRM, WINDOW, AdwApplicationWindow)

SrmWindow       *srm_window_new               (SrmApplication    *application);
SrmCatalog      *srm_window_get_catalog       (SrmWindow         *self);
/* The catalog, model and services every view of the window follows. */
SrmSelection    *srm_window_get_selection     (SrmWindow         *self);
SrmDiagramView  *srm_window_get_diagram_view  (SrmWindow         *self);
SrmDetailsPanel *srm_window_get_details_panel (SrmWindow         *self);
/* The diagram as a texture, e.g. for the clipboard. */
GdkTexture      *srm_window_render_texture    (SrmWindow         *self,
                                               SrmDiagramPainter *painter,
                                               int                width,
                                               int                height,
                                               double             scale);

G_END_DECLS
