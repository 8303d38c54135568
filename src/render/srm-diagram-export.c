/* srm-diagram-export.c: PNG, SVG and PDF files of the diagram.
 *
 * cairo's SVG surface turns text into glyph outlines, which no one can search,
 * copy or translate. So the SVG is written in two passes over the same layout:
 * cairo draws every shape with text switched off, then each line of every
 * Pango layout becomes a <text> element at the position Pango gave it, with
 * textLength pinning it to Pango's measured width so a viewer with other fonts
 * still keeps it inside its cell. PDF text stays text with cairo alone.
 */
#include "config.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gi18n-lib.h>
#include <math.h>

#include "srm-diagram-export-private.h"

G_DEFINE_QUARK (srm-export-error-quark, srm_export_error)

gboolean
srm_diagram_export_format_from_path (const char      *path,
                                     SrmDiagramExportFormat *format)
{
  static const struct { const char *suffix; SrmDiagramExportFormat format; } formats[] = {
    { ".png", SRM_DIAGRAM_EXPORT_PNG },
    { ".svg", SRM_DIAGRAM_EXPORT_SVG },
    { ".pdf", SRM_DIAGRAM_EXPORT_PDF },
  };
  g_autofree char *lower = NULL;

  g_return_val_if_fail (path != NULL, FALSE);

  lower = g_ascii_strdown (path, -1);
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (g_str_has_suffix (lower, formats[i].suffix))
      {
        if (format != NULL)
          *format = formats[i].format;
        return TRUE;
      }

  return FALSE;
}

static cairo_status_t
append_to_bytes (void                *closure,
                 const unsigned char *data,
                 unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static double
resolve_height (SrmDiagramPainter *painter,
                int                width,
                int                height)
{
  if (height > 0)
    return height;
  return srm_diagram_painter_get_natural_height (painter, width);
}

cairo_surface_t *
srm_export_layout_to_surface (SrmDiagramLayout           *layout,
                              const SrmDiagramPaintState *state,
                              double                      scale)
{
  cairo_surface_t *surface;
  cairo_t *cr;

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                        (int) ceil (layout->width * scale),
                                        (int) ceil (layout->height * scale));
  cr = cairo_create (surface);
  cairo_scale (cr, scale, scale);
  srm_diagram_paint (cr, layout, state, TRUE);
  cairo_destroy (cr);

  return surface;
}

cairo_surface_t *
srm_diagram_render_to_surface (SrmDiagramPainter *painter,
                               int                width,
                               int                height,
                               double             scale)
{
  g_autoptr(SrmDiagramLayout) layout = NULL;
  SrmDiagramPaintState state;

  g_return_val_if_fail (SRM_IS_DIAGRAM_PAINTER (painter), NULL);
  g_return_val_if_fail (width > 0, NULL);
  g_return_val_if_fail (scale > 0, NULL);

  layout = srm_diagram_painter_get_layout (painter, width, resolve_height (painter, width, height));
  srm_diagram_painter_get_state (painter, &state);
  return srm_export_layout_to_surface (layout, &state, scale);
}

static void
append_color (GString       *svg,
              const char    *attribute,
              const SrmRgba *color)
{
  g_string_append_printf (svg, " %s=\"#%02x%02x%02x\"", attribute,
                          (int) round (CLAMP (color->red, 0, 1) * 255),
                          (int) round (CLAMP (color->green, 0, 1) * 255),
                          (int) round (CLAMP (color->blue, 0, 1) * 255));
  if (color->alpha < 1)
    g_string_append_printf (svg, " %s-opacity=\"%.3f\"", attribute, color->alpha);
}

/* One <text> per line of each Pango layout, at Pango's own positions. */
static void
append_text_layer (GString                    *svg,
                   SrmDiagramLayout           *layout,
                   const SrmDiagramPaintState *state)
{
  g_string_append (svg, "<g id=\"text\" font-family=\"Cantarell, 'Noto Sans', 'DejaVu Sans', sans-serif\">\n");

  for (guint i = 0; i < layout->texts->len; i++)
    {
      const SrmDiagramTextItem *item = g_ptr_array_index (layout->texts, i);
      const PangoFontDescription *font = pango_layout_get_font_description (item->layout);
      const char *text = pango_layout_get_text (item->layout);
      PangoLayoutIter *iter = pango_layout_get_iter (item->layout);
      double scale = srm_diagram_text_scale (item->layout);
      SrmRgba color;

      srm_diagram_paint_text_color (layout, item, state, &color);

      do
        {
          PangoLayoutLine *line = pango_layout_iter_get_line_readonly (iter);
          g_autofree char *escaped = NULL;
          PangoRectangle logical;
          int length = line->length, end_x = 0;
          double x, y;

          while (length > 0 && g_ascii_isspace (text[line->start_index + length - 1]))
            length--;
          if (length == 0)
            continue;

          pango_layout_iter_get_line_extents (iter, NULL, &logical);
          pango_layout_line_index_to_x (line, line->start_index + length, FALSE, &end_x);
          x = item->x + scale * logical.x / PANGO_SCALE;
          y = item->y + scale * pango_layout_iter_get_baseline (iter) / PANGO_SCALE;
          escaped = g_markup_escape_text (text + line->start_index, length);

          g_string_append_printf (svg, "<text x=\"%.2f\" y=\"%.2f\" font-size=\"%.2f\" font-weight=\"%d\"",
                                  x, y, scale * pango_font_description_get_size (font) / PANGO_SCALE,
                                  (int) pango_font_description_get_weight (font));
          append_color (svg, "fill", &color);
          if (end_x > 0)
            g_string_append_printf (svg, " textLength=\"%.2f\" lengthAdjust=\"spacingAndGlyphs\"",
                                    scale * end_x / PANGO_SCALE);
          g_string_append_printf (svg, ">%s</text>\n", escaped);
        }
      while (pango_layout_iter_next_line (iter));

      pango_layout_iter_free (iter);
    }

  g_string_append (svg, "</g>\n");
}

static GBytes *
render_svg (SrmDiagramLayout           *layout,
            const SrmDiagramPaintState *state)
{
  GByteArray *bytes = g_byte_array_new ();
  cairo_surface_t *surface;
  g_autoptr(GString) svg = NULL;
  const char *close;
  cairo_t *cr;

  surface = cairo_svg_surface_create_for_stream (append_to_bytes, bytes, layout->width, layout->height);
  cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PX);
  cr = cairo_create (surface);
  srm_diagram_paint (cr, layout, state, FALSE);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);

  /* Text goes last, inside the root element, in the same user space. */
  svg = g_string_new_len ((const char *) bytes->data, bytes->len);
  g_byte_array_unref (bytes);
  close = g_strrstr (svg->str, "</svg>");
  if (close != NULL)
    g_string_truncate (svg, close - svg->str);
  append_text_layer (svg, layout, state);
  g_string_append (svg, "</svg>\n");

  return g_string_free_to_bytes (g_steal_pointer (&svg));
}

GBytes *
srm_export_layout_to_bytes (SrmDiagramLayout           *layout,
                            const SrmDiagramPaintState *state,
                            SrmDiagramExportFormat      format,
                            double                      scale)
{
  GByteArray *bytes;
  cairo_surface_t *surface;

  switch (format)
    {
    case SRM_DIAGRAM_EXPORT_SVG:
      return render_svg (layout, state);

    case SRM_DIAGRAM_EXPORT_PDF:
      {
        cairo_t *cr;

        bytes = g_byte_array_new ();
        surface = cairo_pdf_surface_create_for_stream (append_to_bytes, bytes, layout->width, layout->height);
        cr = cairo_create (surface);
        srm_diagram_paint (cr, layout, state, TRUE);
        cairo_destroy (cr);
        cairo_surface_finish (surface);
        cairo_surface_destroy (surface);
        return g_byte_array_free_to_bytes (bytes);
      }

    case SRM_DIAGRAM_EXPORT_PNG:
    default:
      bytes = g_byte_array_new ();
      surface = srm_export_layout_to_surface (layout, state, scale);
      cairo_surface_write_to_png_stream (surface, append_to_bytes, bytes);
      cairo_surface_destroy (surface);
      return g_byte_array_free_to_bytes (bytes);
    }
}

GBytes *
srm_diagram_export_to_bytes (SrmDiagramPainter      *painter,
                             SrmDiagramExportFormat  format,
                             int                     width,
                             int                     height,
                             double                  scale)
{
  g_autoptr(SrmDiagramLayout) layout = NULL;
  SrmDiagramPaintState state;

  g_return_val_if_fail (SRM_IS_DIAGRAM_PAINTER (painter), NULL);
  g_return_val_if_fail (width > 0, NULL);
  g_return_val_if_fail (scale > 0, NULL);

  layout = srm_diagram_painter_get_layout (painter, width, resolve_height (painter, width, height));
  srm_diagram_painter_get_state (painter, &state);
  return srm_export_layout_to_bytes (layout, &state, format, scale);
}

gboolean
srm_export_check_path (const char              *path,
                       SrmDiagramExportFormat  *format,
                       GError                 **error)
{
  g_autofree char *display = NULL;

  if (srm_diagram_export_format_from_path (path, format))
    return TRUE;

  display = g_filename_display_name (path);
  g_set_error (error, SRM_EXPORT_ERROR, SRM_EXPORT_ERROR_UNKNOWN_FORMAT,
               /* TRANSLATORS: %s is a file name */
               _("Cannot export to “%s”: the name must end in .png, .svg or .pdf"), display);
  return FALSE;
}

gboolean
srm_export_write_bytes (const char  *path,
                        GBytes      *bytes,
                        GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  /* A temporary file beside the target, renamed over it once complete. */
  if (!g_file_set_contents_full (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                 G_FILE_SET_CONTENTS_CONSISTENT, 0666, &local_error))
    {
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (error, SRM_EXPORT_ERROR, SRM_EXPORT_ERROR_WRITE,
                   /* TRANSLATORS: %s is a file name, then the system's reason */
                   _("Could not write “%s”: %s"), display, local_error->message);
      return FALSE;
    }

  return TRUE;
}

gboolean
srm_diagram_export_to_file (SrmDiagramPainter  *painter,
                            const char         *path,
                            int                 width,
                            int                 height,
                            double              scale,
                            GError            **error)
{
  g_autoptr(GBytes) bytes = NULL;
  SrmDiagramExportFormat format;

  g_return_val_if_fail (SRM_IS_DIAGRAM_PAINTER (painter), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (width > 0, FALSE);
  g_return_val_if_fail (scale > 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!srm_export_check_path (path, &format, error))
    return FALSE;

  bytes = srm_diagram_export_to_bytes (painter, format, width, height, scale);
  return srm_export_write_bytes (path, bytes, error);
}
