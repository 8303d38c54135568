/* srm-diagram-layout.c: the geometry of one painted diagram (see the header). */
#include "srm-diagram-layout-private.h"
#include "srm-wrapped-text.h"

G_DEFINE_BOXED_TYPE (SrmDiagramLayout, srm_diagram_layout,
                     srm_diagram_layout_ref, srm_diagram_layout_unref)

static GQuark
text_scale_quark (void)
{
  static GQuark quark;

  if (G_UNLIKELY (quark == 0))
    quark = g_quark_from_static_string ("srm-diagram-text-scale");
  return quark;
}

void
srm_diagram_text_set_scale (PangoLayout *layout,
                            double       scale)
{
  g_object_set_qdata_full (G_OBJECT (layout), text_scale_quark (), g_memdup2 (&scale, sizeof scale), g_free);
}

double
srm_diagram_text_scale (PangoLayout *layout)
{
  double *scale = g_object_get_qdata (G_OBJECT (layout), text_scale_quark ());

  return scale != NULL ? *scale : 1.0;
}

static void
clear_column (gpointer data)
{
  SrmDiagramColumn *column = data;

  g_free (column->id);
  g_free (column->model_id);
  g_free (column->label);
}

static void
clear_row (gpointer data)
{
  SrmDiagramRow *row = data;

  g_free (row->layer_id);
  g_free (row->name);
  g_free (row->group_id);
}

static void
clear_band (gpointer data)
{
  SrmDiagramBand *band = data;

  g_free (band->group_id);
  g_free (band->label);
}

static void
free_text (gpointer data)
{
  SrmDiagramTextItem *item = data;

  g_free (item->text);
  g_clear_object (&item->layout);
  g_free (item);
}

SrmDiagramLayout *
srm_diagram_layout_new (void)
{
  SrmDiagramLayout *self = g_new0 (SrmDiagramLayout, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->columns = g_array_new (FALSE, TRUE, sizeof (SrmDiagramColumn));
  g_array_set_clear_func (self->columns, clear_column);
  self->rows = g_array_new (FALSE, TRUE, sizeof (SrmDiagramRow));
  g_array_set_clear_func (self->rows, clear_row);
  self->bands = g_array_new (FALSE, TRUE, sizeof (SrmDiagramBand));
  g_array_set_clear_func (self->bands, clear_band);
  self->cells = g_array_new (FALSE, TRUE, sizeof (SrmDiagramCell));
  self->texts = g_ptr_array_new_with_free_func (free_text);
  self->glyphs = g_array_new (FALSE, TRUE, sizeof (SrmDiagramGlyph));
  self->swatches = g_array_new (FALSE, TRUE, sizeof (SrmDiagramSwatch));
  self->pills = g_array_new (FALSE, TRUE, sizeof (SrmDiagramPill));
  self->marks = g_array_new (FALSE, TRUE, sizeof (SrmDiagramMark));

  return self;
}

SrmDiagramLayout *
srm_diagram_layout_ref (SrmDiagramLayout *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
srm_diagram_layout_unref (SrmDiagramLayout *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_array_unref (self->columns);
  g_array_unref (self->rows);
  g_array_unref (self->bands);
  g_array_unref (self->cells);
  g_ptr_array_unref (self->texts);
  g_array_unref (self->glyphs);
  g_array_unref (self->swatches);
  g_array_unref (self->pills);
  g_array_unref (self->marks);
  g_free (self->summary);
  g_free (self);
}

SrmDiagramTextItem *
srm_diagram_layout_add_text (SrmDiagramLayout        *self,
                             PangoLayout             *layout,
                             double                   x,
                             double                   y,
                             const cairo_rectangle_t *bounds,
                             SrmTextRole              role)
{
  SrmDiagramTextItem *item = g_new0 (SrmDiagramTextItem, 1);
  PangoRectangle logical;
  double scale = srm_diagram_text_scale (layout);

  pango_layout_get_extents (layout, NULL, &logical);
  /* The text as wrapped, one line per line, so tests and the SVG writer see
   * exactly what was drawn. */
  item->text = srm_wrapped_text_dup (layout);
  item->layout = g_object_ref (layout);
  item->x = x;
  item->y = y;
  item->role = role;
  item->on = SRM_ON_BACKGROUND;
  item->row = -1;
  item->column = -1;
  item->public.text = item->text;
  item->public.rect.x = x + scale * logical.x / PANGO_SCALE;
  item->public.rect.y = y + scale * logical.y / PANGO_SCALE;
  item->public.rect.width = scale * logical.width / PANGO_SCALE;
  item->public.rect.height = scale * logical.height / PANGO_SCALE;
  item->public.bounds = *bounds;

  g_ptr_array_add (self->texts, item);
  return item;
}

SrmDiagramTextItem *
srm_diagram_layout_take_text (SrmDiagramLayout        *self,
                              PangoLayout             *layout,
                              double                   x,
                              double                   y,
                              const cairo_rectangle_t *bounds,
                              SrmTextRole              role)
{
  SrmDiagramTextItem *item = srm_diagram_layout_add_text (self, layout, x, y, bounds, role);

  g_object_unref (layout);
  return item;
}

static void
move_rect (cairo_rectangle_t *rect,
           double             dx,
           double             dy)
{
  rect->x += dx;
  rect->y += dy;
}

void
srm_diagram_layout_translate (SrmDiagramLayout *self,
                              double            dx,
                              double            dy)
{
  for (guint i = 0; i < self->columns->len; i++)
    {
      SrmDiagramColumn *column = &g_array_index (self->columns, SrmDiagramColumn, i);
      move_rect (&column->rect, dx, dy);
      move_rect (&column->header_rect, dx, dy);
    }
  for (guint i = 0; i < self->rows->len; i++)
    {
      SrmDiagramRow *row = &g_array_index (self->rows, SrmDiagramRow, i);
      move_rect (&row->rect, dx, dy);
      move_rect (&row->label_rect, dx, dy);
    }
  for (guint i = 0; i < self->bands->len; i++)
    move_rect (&g_array_index (self->bands, SrmDiagramBand, i).rect, dx, dy);
  for (guint i = 0; i < self->cells->len; i++)
    move_rect (&g_array_index (self->cells, SrmDiagramCell, i).rect, dx, dy);
  for (guint i = 0; i < self->glyphs->len; i++)
    move_rect (&g_array_index (self->glyphs, SrmDiagramGlyph, i).rect, dx, dy);
  for (guint i = 0; i < self->swatches->len; i++)
    move_rect (&g_array_index (self->swatches, SrmDiagramSwatch, i).rect, dx, dy);
  for (guint i = 0; i < self->pills->len; i++)
    move_rect (&g_array_index (self->pills, SrmDiagramPill, i).rect, dx, dy);
  for (guint i = 0; i < self->marks->len; i++)
    move_rect (&g_array_index (self->marks, SrmDiagramMark, i).rect, dx, dy);
  for (guint i = 0; i < self->texts->len; i++)
    {
      SrmDiagramTextItem *item = g_ptr_array_index (self->texts, i);
      item->x += dx;
      item->y += dy;
      move_rect (&item->public.rect, dx, dy);
      move_rect (&item->public.bounds, dx, dy);
    }
  move_rect (&self->title_rect, dx, dy);
  move_rect (&self->summary_rect, dx, dy);
  move_rect (&self->legend_rect, dx, dy);
  move_rect (&self->table_rect, dx, dy);
}

double
srm_diagram_layout_get_width (SrmDiagramLayout *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->width;
}

double
srm_diagram_layout_get_height (SrmDiagramLayout *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->height;
}

double
srm_diagram_layout_get_font_size (SrmDiagramLayout *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->font_size;
}

guint
srm_diagram_layout_get_n_columns (SrmDiagramLayout *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->columns->len;
}

const SrmDiagramColumn *
srm_diagram_layout_get_column (SrmDiagramLayout *self,
                               guint             column)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (column < self->columns->len, NULL);
  return &g_array_index (self->columns, SrmDiagramColumn, column);
}

guint
srm_diagram_layout_get_n_rows (SrmDiagramLayout *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->rows->len;
}

const SrmDiagramRow *
srm_diagram_layout_get_row (SrmDiagramLayout *self,
                            guint             row)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (row < self->rows->len, NULL);
  return &g_array_index (self->rows, SrmDiagramRow, row);
}

guint
srm_diagram_layout_get_n_bands (SrmDiagramLayout *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->bands->len;
}

const SrmDiagramBand *
srm_diagram_layout_get_band (SrmDiagramLayout *self,
                             guint             band)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (band < self->bands->len, NULL);
  return &g_array_index (self->bands, SrmDiagramBand, band);
}

guint
srm_diagram_layout_get_n_cells (SrmDiagramLayout *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->cells->len;
}

const SrmDiagramCell *
srm_diagram_layout_get_cell (SrmDiagramLayout *self,
                             guint             row,
                             guint             column)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (row < self->rows->len, NULL);
  g_return_val_if_fail (column < self->columns->len, NULL);
  return &g_array_index (self->cells, SrmDiagramCell, row * self->columns->len + column);
}

const SrmDiagramCell *
srm_diagram_layout_get_nth_cell (SrmDiagramLayout *self,
                                 guint             index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->cells->len, NULL);
  return &g_array_index (self->cells, SrmDiagramCell, index);
}

guint
srm_diagram_layout_get_n_texts (SrmDiagramLayout *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->texts->len;
}

const SrmDiagramText *
srm_diagram_layout_get_text (SrmDiagramLayout *self,
                             guint             index)
{
  SrmDiagramTextItem *item;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->texts->len, NULL);

  item = g_ptr_array_index (self->texts, index);
  return &item->public;
}

static gboolean
get_optional_rect (gboolean                 shown,
                   const cairo_rectangle_t *source,
                   cairo_rectangle_t       *rect)
{
  if (rect != NULL)
    {
      if (shown)
        *rect = *source;
      else
        *rect = (cairo_rectangle_t) { 0, 0, 0, 0 };
    }
  return shown;
}

gboolean
srm_diagram_layout_get_legend_rect (SrmDiagramLayout  *self,
                                    cairo_rectangle_t *rect)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return get_optional_rect (self->has_legend, &self->legend_rect, rect);
}

gboolean
srm_diagram_layout_get_summary_rect (SrmDiagramLayout  *self,
                                     cairo_rectangle_t *rect)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return get_optional_rect (self->has_summary, &self->summary_rect, rect);
}

gboolean
srm_diagram_layout_get_title_rect (SrmDiagramLayout  *self,
                                   cairo_rectangle_t *rect)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return get_optional_rect (self->has_title, &self->title_rect, rect);
}

const char *
srm_diagram_layout_get_summary (SrmDiagramLayout *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->summary;
}

static gboolean
rect_contains (const cairo_rectangle_t *rect,
               double                   x,
               double                   y)
{
  return x >= rect->x && x < rect->x + rect->width &&
         y >= rect->y && y < rect->y + rect->height;
}

gboolean
srm_diagram_layout_hit_test (SrmDiagramLayout *self,
                             double            x,
                             double            y,
                             guint            *row,
                             guint            *column)
{
  g_return_val_if_fail (self != NULL, FALSE);

  for (guint i = 0; i < self->cells->len; i++)
    {
      const SrmDiagramCell *cell = &g_array_index (self->cells, SrmDiagramCell, i);

      if (rect_contains (&cell->rect, x, y))
        {
          if (row != NULL)
            *row = cell->row;
          if (column != NULL)
            *column = cell->column;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
srm_diagram_layout_get_cell_text (SrmDiagramLayout *self,
                                  guint             row,
                                  guint             column)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (row < self->rows->len && column < self->columns->len, NULL);

  for (guint i = 0; i < self->texts->len; i++)
    {
      const SrmDiagramTextItem *item = g_ptr_array_index (self->texts, i);

      if (item->role == SRM_TEXT_CELL && item->row == (int) row && item->column == (int) column)
        return item->text;
    }

  return NULL;
}
