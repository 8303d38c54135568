/* srm-model.h: the model library: catalogs, owners and (later) assessments.
 * GLib, GIO and json-glib only, so the command line and tests need no display. */
#pragma once

#include "srm-catalog.h"
#include "srm-catalog-registry.h"
#include "srm-duty.h"
#include "srm-layer.h"
#include "srm-layer-group.h"
#include "srm-owner.h"
#include "srm-selection.h"
#include "srm-service.h"
#include "srm-service-model.h"
#include "srm-source.h"
