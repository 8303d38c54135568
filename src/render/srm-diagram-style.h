/* srm-diagram-style.h: the looks the diagram painter knows: the app's light and
 * dark themes, a high-contrast one, and one for paper that survives greyscale. */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum {
  SRM_DIAGRAM_STYLE_LIGHT,    /*< nick=light >*/
  SRM_DIAGRAM_STYLE_DARK,     /*< nick=dark >*/
  SRM_DIAGRAM_STYLE_CONTRAST, /*< nick=contrast >*/
  SRM_DIAGRAM_STYLE_PRINT,    /*< nick=print >*/
} SrmDiagramStyle;

#define SRM_TYPE_DIAGRAM_STYLE (srm_diagram_style_get_type ())
GType        srm_diagram_style_get_type    (void) G_GNUC_CONST;

/* "light", "dark", "contrast" or "print": the spelling of settings and the command line. */
const char  *srm_diagram_style_to_string   (SrmDiagramStyle  style);
gboolean     srm_diagram_style_from_string (const char      *text,
                                            SrmDiagramStyle *style);

G_END_DECLS
