/* srm-wrapped-text.h: a Pango layout's text as it was wrapped. */
#pragma once

#include <pango/pango.h>

G_BEGIN_DECLS

/* The text of @layout one line per line, as Pango wrapped it, each line
 * without the spaces it ended with. */
char *srm_wrapped_text_dup (PangoLayout *layout);

G_END_DECLS
