/* srm-wrapped-text.c: a Pango layout's text as it was wrapped (see the header). */
#include "srm-wrapped-text.h"

char *
srm_wrapped_text_dup (PangoLayout *layout)
{
  const char *text;
  GSList *first;
  GString *lines;

  g_return_val_if_fail (PANGO_IS_LAYOUT (layout), NULL);

  text = pango_layout_get_text (layout);
  first = pango_layout_get_lines_readonly (layout);
  lines = g_string_new (NULL);
  for (GSList *l = first; l != NULL; l = l->next)
    {
      PangoLayoutLine *line = l->data;
      int length = line->length;

      while (length > 0 && g_ascii_isspace (text[line->start_index + length - 1]))
        length--;
      if (l != first)
        g_string_append_c (lines, '\n');
      g_string_append_len (lines, text + line->start_index, length);
    }

  return g_string_free (lines, FALSE);
}
