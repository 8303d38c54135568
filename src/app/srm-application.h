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

G_END_DECLS
