/* srm-diagram-overlay.c: an assessment's progress drawn over the diagram.
 *
 * The overlay keeps its own small palette (the painter owns the diagram's):
 * blue for progress and orange for overdue, a pair that stays apart for every
 * common kind of colour blindness, on a badge that carries the numbers and a
 * "!" in text, so nothing is said by colour alone.
 */
#include "config.h"

#include <math.h>
#include <pango/pangocairo.h>

#include "srm-diagram-overlay.h"

#define OVERLAY_FONT_FAMILY "Cantarell, Noto Sans, DejaVu Sans, Sans"

typedef struct {
  double r, g, b, a;
} Rgba;

typedef struct {
  Rgba badge;
  Rgba border;
  Rgba text;
  Rgba track;
  Rgba progress;
  Rgba overdue;
} Palette;

static const Palette palettes[] = {
  [SRM_DIAGRAM_STYLE_LIGHT] = {
    { 1, 1, 1, 0.94 }, { 0, 0, 0, 0.25 }, { 0.12, 0.12, 0.14, 1 },
    { 0, 0, 0, 0.14 }, { 0.11, 0.44, 0.85, 1 }, { 0.78, 0.27, 0.0, 1 },
  },
  [SRM_DIAGRAM_STYLE_DARK] = {
    { 0.14, 0.14, 0.16, 0.94 }, { 1, 1, 1, 0.3 }, { 1, 1, 1, 1 },
    { 1, 1, 1, 0.2 }, { 0.47, 0.68, 0.93, 1 }, { 1, 0.64, 0.28, 1 },
  },
  [SRM_DIAGRAM_STYLE_CONTRAST] = {
    { 1, 1, 1, 1 }, { 0, 0, 0, 1 }, { 0, 0, 0, 1 },
    { 0, 0, 0, 0.3 }, { 0.0, 0.25, 0.6, 1 }, { 0.6, 0.2, 0.0, 1 },
  },
  [SRM_DIAGRAM_STYLE_PRINT] = {
    { 1, 1, 1, 1 }, { 0, 0, 0, 0.6 }, { 0, 0, 0, 1 },
    { 0, 0, 0, 0.15 }, { 0.2, 0.2, 0.2, 1 }, { 0, 0, 0, 1 },
  },
};

static void
set_source (cairo_t    *cr,
            const Rgba *c)
{
  cairo_set_source_rgba (cr, c->r, c->g, c->b, c->a);
}

static gboolean
score_has_service (SrmAssessmentScore *score,
                   const char         *service_id)
{
  guint n = srm_assessment_score_get_n_services (score);

  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (srm_assessment_score_get_service_id (score, i), service_id) == 0)
      return TRUE;
  return FALSE;
}

static const SrmScoreTally *
layer_tally (SrmAssessmentScore *score,
             const char         *layer_id)
{
  guint n = srm_assessment_score_get_n_layers (score);

  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (srm_assessment_score_get_layer_id (score, i), layer_id) == 0)
      return srm_assessment_score_get_layer (score, i);
  return NULL;
}

/* Service columns of the assessment get badges; when none is on screen (the
 * diagram shows only models), the highlighted model columns do. */
static gboolean
any_service_column (SrmDiagramLayout   *layout,
                    SrmAssessmentScore *score)
{
  for (guint c = 0; c < srm_diagram_layout_get_n_columns (layout); c++)
    {
      const SrmDiagramColumn *column = srm_diagram_layout_get_column (layout, c);

      if (column->kind == SRM_DIAGRAM_COLUMN_SERVICE && score_has_service (score, column->id))
        return TRUE;
    }
  return FALSE;
}

static gboolean
column_in_scope (SrmDiagramLayout   *layout,
                 SrmAssessmentScore *score,
                 guint               c,
                 gboolean            services_shown)
{
  const SrmDiagramColumn *column = srm_diagram_layout_get_column (layout, c);

  if (services_shown)
    return column->kind == SRM_DIAGRAM_COLUMN_SERVICE && score_has_service (score, column->id);
  return column->kind == SRM_DIAGRAM_COLUMN_MODEL && column->highlighted;
}

static gboolean
has_overdue (SrmAssessmentScore *score,
             const char         *layer_id)
{
  GListModel *overdue = srm_assessment_score_get_overdue (score);
  guint n = g_list_model_get_n_items (overdue);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SrmAnswer) answer = g_list_model_get_item (overdue, i);

      if (g_strcmp0 (srm_answer_get_layer_id (answer), layer_id) == 0)
        return TRUE;
    }
  return FALSE;
}

/* Fills @fraction (0…1, or -1 when nothing is counted) and @overdue for the
 * layer of @row. The score tallies layers, not layer × service, so the badge
 * belongs to the row: one per layer the customer has a hand in. */
static char *
badge_text (SrmDiagramLayout   *layout,
            SrmAssessmentScore *score,
            guint               row,
            gboolean            services_shown,
            double             *fraction,
            gboolean           *overdue)
{
  const SrmDiagramRow *layer_row = srm_diagram_layout_get_row (layout, row);
  const SrmScoreTally *tally;
  gboolean customer_side = FALSE;
  double value;

  for (guint c = 0; c < srm_diagram_layout_get_n_columns (layout); c++)
    {
      const SrmDiagramCell *cell = srm_diagram_layout_get_cell (layout, row, c);

      if (cell->owner != SRM_OWNER_PROVIDER && column_in_scope (layout, score, c, services_shown))
        customer_side = TRUE;
    }
  if (!customer_side)
    return NULL;
  tally = layer_tally (score, layer_row->layer_id);
  if (tally == NULL || tally->total == 0)
    return NULL;

  *overdue = has_overdue (score, layer_row->layer_id);
  if (!srm_score_tally_get_score (tally, &value))
    {
      *fraction = -1;
      /* Not translated: the overlay is drawn without gettext, like a chart's numbers. */
      return g_strdup ("n/a");
    }
  *fraction = value;
  return g_strdup_printf ("%u/%u%s", tally->by_status[SRM_ANSWER_STATUS_IMPLEMENTED],
                          tally->counted, *overdue ? " !" : "");
}

char *
srm_diagram_overlay_dup_badge_text (SrmDiagramLayout   *layout,
                                    SrmAssessmentScore *score,
                                    guint               row,
                                    guint               column)
{
  double fraction;
  gboolean overdue;

  g_return_val_if_fail (layout != NULL, NULL);
  g_return_val_if_fail (SRM_IS_ASSESSMENT_SCORE (score), NULL);
  g_return_val_if_fail (row < srm_diagram_layout_get_n_rows (layout), NULL);
  g_return_val_if_fail (column < srm_diagram_layout_get_n_columns (layout), NULL);

  return badge_text (layout, score, row, any_service_column (layout, score), &fraction, &overdue);
}

static void
rounded_rect (cairo_t *cr,
              double   x,
              double   y,
              double   w,
              double   h,
              double   r)
{
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + w - r, y + r, r, -G_PI / 2, 0);
  cairo_arc (cr, x + w - r, y + h - r, r, 0, G_PI / 2);
  cairo_arc (cr, x + r, y + h - r, r, G_PI / 2, G_PI);
  cairo_arc (cr, x + r, y + r, r, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

/* The right edge of the label text drawn in @row's label area. */
static double
label_text_right (SrmDiagramLayout    *layout,
                  const SrmDiagramRow *row)
{
  double right = row->label_rect.x;

  for (guint i = 0; i < srm_diagram_layout_get_n_texts (layout); i++)
    {
      const SrmDiagramText *text = srm_diagram_layout_get_text (layout, i);

      if (text->rect.x >= row->label_rect.x - 0.5 &&
          text->rect.x + text->rect.width <= row->label_rect.x + row->label_rect.width + 0.5 &&
          text->rect.y >= row->label_rect.y - 0.5 &&
          text->rect.y + text->rect.height <= row->label_rect.y + row->label_rect.height + 0.5)
        right = MAX (right, text->rect.x + text->rect.width);
    }
  return right;
}

/* Draws the badge right-aligned in @area's right end, after @text_right: with
 * its numbers when they fit there, else the ring alone (the numbers are on the
 * assessment page), else nothing. */
static gboolean
draw_badge (cairo_t                 *cr,
            const cairo_rectangle_t *area,
            double                   text_right,
            const char              *text,
            double                   fraction,
            gboolean                 overdue,
            double                   font_size,
            const Palette           *palette)
{
  PangoLayout *pango = pango_cairo_create_layout (cr);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (OVERLAY_FONT_FAMILY);
  PangoRectangle logical;
  double pad, ring, height, width, x, y, cx, cy, room;
  gboolean ring_only = FALSE;

  pango_font_description_set_absolute_size (font, font_size * PANGO_SCALE);
  pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (pango, font);
  pango_layout_set_text (pango, text, -1);
  pango_layout_get_pixel_extents (pango, NULL, &logical);

  pad = font_size * 0.35;
  ring = font_size * 0.5;
  height = MAX (logical.height, 2 * ring) + pad;
  width = pad + 2 * ring + pad * 0.8 + logical.width + pad;
  room = area->x + area->width - text_right - 2 * pad;

  if (width > room)
    {
      ring_only = TRUE;
      width = height;
    }
  if (width > room || height > area->height - 2)
    {
      g_object_unref (pango);
      return FALSE;
    }

  x = area->x + area->width - width - pad;
  y = area->y + (area->height - height) / 2;

  rounded_rect (cr, x, y, width, height, height / 2);
  set_source (cr, &palette->badge);
  cairo_fill_preserve (cr);
  cairo_set_line_width (cr, overdue ? 2 : 1);
  set_source (cr, overdue ? &palette->overdue : &palette->border);
  cairo_stroke (cr);

  cx = ring_only ? x + width / 2 : x + pad + ring;
  cy = y + height / 2;
  cairo_set_line_width (cr, MAX (1.5, ring * 0.45));
  cairo_new_sub_path (cr);
  cairo_arc (cr, cx, cy, ring * 0.8, 0, 2 * G_PI);
  set_source (cr, &palette->track);
  cairo_stroke (cr);
  if (fraction > 0)
    {
      cairo_new_sub_path (cr);
      cairo_arc (cr, cx, cy, ring * 0.8, -G_PI / 2, -G_PI / 2 + 2 * G_PI * MIN (fraction, 1.0));
      set_source (cr, &palette->progress);
      cairo_stroke (cr);
    }

  if (!ring_only)
    {
      set_source (cr, overdue ? &palette->overdue : &palette->text);
      cairo_move_to (cr, cx + ring + pad * 0.8, y + (height - logical.height) / 2);
      pango_cairo_show_layout (cr, pango);
    }
  g_object_unref (pango);
  return TRUE;
}

guint
srm_diagram_overlay_draw (cairo_t            *cr,
                          SrmDiagramLayout   *layout,
                          SrmAssessmentScore *score,
                          SrmDiagramStyle     style)
{
  const Palette *palette;
  gboolean services_shown;
  double font_size;
  guint drawn = 0;

  g_return_val_if_fail (cr != NULL, 0);
  g_return_val_if_fail (layout != NULL, 0);
  g_return_val_if_fail (SRM_IS_ASSESSMENT_SCORE (score), 0);

  palette = &palettes[(guint) style < G_N_ELEMENTS (palettes) ? style : SRM_DIAGRAM_STYLE_LIGHT];
  services_shown = any_service_column (layout, score);
  font_size = CLAMP (srm_diagram_layout_get_font_size (layout) * 0.78, 8, 16);

  cairo_save (cr);
  for (guint r = 0; r < srm_diagram_layout_get_n_rows (layout); r++)
    {
      const SrmDiagramRow *row = srm_diagram_layout_get_row (layout, r);
      g_autofree char *text = NULL;
      double fraction = 0;
      gboolean overdue = FALSE;

      text = badge_text (layout, score, r, services_shown, &fraction, &overdue);
      if (text == NULL)
        continue;
      if (draw_badge (cr, &row->label_rect, label_text_right (layout, row),
                      text, fraction, overdue, font_size, palette))
        drawn++;
    }
  cairo_restore (cr);
  return drawn;
}
