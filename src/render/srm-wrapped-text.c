/* srm-wrapped-text.c: a Pango layout's text as it was wrapped (see the header). */
#include "srm-wrapped-text.h"

char *
srm_wrapped_text_dup (PangoLayout *layout)
{
  const char *text = pango_layout_get_text (layout);
  GString *lines = g_string_new (NULL);

  g_return_val_if_fail (PANGO_IS_LAYOUT (layout), NULL);

  for (GSList *l = pango_layout_get_lines_readonly (layout); l != NULL; l = l->next)
    {
      PangoLayoutLine *line = l->data;
      int length = line->length;

      while (length > 0 && g_ascii_isspace (text[line->start_index + length - 1]))
        length--;
      if (l != pango_layout_get_lines_readonly (layout))
        g_string_append_c (lines, '\n');
      g_string_append_len (lines, text + line->start_index, length);
    }

  return g_string_free (lines, FALSE);
}
