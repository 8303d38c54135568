/* srm-render.h: the render library: the diagram painter, its layout and its
 * exporters. cairo, Pango and GLib only, so the command line and the tests
 * render without a display. */
#pragma once

#include "srm-compare-painter.h"
#include "srm-diagram-export.h"
#include "srm-diagram-layout.h"
#include "srm-diagram-painter.h"
#include "srm-diagram-style.h"
