/* srm-application.h: the application: catalogs, global actions, windows. */
#pragma once

#include <adwaita.h>

#include "srm-model.h"

G_BEGIN_DECLS

#define SRM_TYPE_APPLICATION (srm_application_get_type ())
G_DECLARE_FINAL_TYPE (SrmApplication, srm_application, SRM, APPLICATION, AdwApplication)

SrmApplication     *srm_application_new          (void);
/* Every catalog the app knows, loaded once at start-up. */
SrmCatalogRegistry *srm_application_get_registry (SrmApplication *self);
/* A tour file (--tour) to present once the first window is open. */
void                srm_application_set_startup_tour (SrmApplication *self,
                                                      const char     *path);
const char         *srm_application_get_startup_tour (SrmApplication *self);

G_END_DECLS
