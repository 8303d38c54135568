/* srm-window.h: the main window. */
#pragma once

#include <adwaita.h>

#include "srm-application.h"

G_BEGIN_DECLS

#define SRM_TYPE_WINDOW (srm_window_get_type ())
G_DECLARE_FINAL_TYPE (SrmWindow, srm_window, SRM, WINDOW, AdwApplicationWindow)

SrmWindow  *srm_window_new         (SrmApplication *application);
SrmCatalog *srm_window_get_catalog (SrmWindow      *self);

G_END_DECLS
