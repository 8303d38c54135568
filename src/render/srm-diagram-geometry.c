/* srm-diagram-geometry.c: where everything of the diagram goes at a given size.
 *
 * Every length derives from one body font size f, so the diagram reads the same
 * from a phone-narrow window to a 4K projector. The size starts as large as the
 * width allows and shrinks until the content fits the height. At narrow widths
 * the layout adapts instead of shrinking the type further: labels wrap, group
 * names switch to their short form, cells drop their words and keep their glyph,
 * the legend stacks.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "srm-diagram-painter-private.h"

/* Below this the type is unreadable on a phone; at narrow widths the layout
 * adapts rather than shrinking further (only a very short window goes below). */
#define MIN_BODY_SIZE 11.0
#define FLOOR_BODY_SIZE 6.0
#define MAX_BODY_SIZE 96.0
/* A model or service column narrower than this many ems drops the owner words. */
#define MIN_COLUMN_EMS 6.5
/* Rows grow into spare height up to this many ems: taller bars stop reading as rows. */
#define MAX_ROW_EMS 3.8
#define MIN_ROW_EMS 2.3
/* Owner words are shrunk to fit a cell, but never below this many px. */
#define MIN_CELL_TEXT_SIZE 10.0

typedef struct {
  PangoContext            *context;
  const SrmDiagramContent *content;
  SrmDiagramLayout        *layout;
  double                   f;          /* body font size, px */
  double                   gap;        /* between cells */
  double                   min_row;    /* row height floor, px; 0: MIN_ROW_EMS */
  double                   max_width_f; /* out: the body size at which columns would be MIN_COLUMN_EMS wide */
} Builder;

/* ---- text, measured once ----
 *
 * Laying out a diagram measures a few hundred texts, and filling a canvas lays
 * it out several times at nearby sizes; a selection change measures the same
 * layer names, headers and legend again. Shaping and measuring dominate the
 * geometry, so a context can keep the layouts it made: the same text, size,
 * weight, width and alignment give the same layout object back, already
 * measured. Cached layouts are shared, so nobody may change one. */

#define TEXT_CACHE_MAX 4096

typedef struct {
  char           *text;
  double          size;
  PangoWeight     weight;
  int             width;    /* Pango units; -1: unwrapped */
  PangoAlignment  align;
} TextKey;

typedef struct {
  GHashTable *layouts;      /* TextKey → PangoLayout */
  guint       serial;       /* the context's when they were made */
} TextCache;

static GQuark
text_cache_quark (void)
{
  return g_quark_from_static_string ("srm-diagram-text-cache");
}

static guint
text_key_hash (gconstpointer data)
{
  const TextKey *key = data;
  guint hash = g_str_hash (key->text);

  hash = hash * 31 + g_double_hash (&key->size);
  hash = hash * 31 + (guint) key->weight;
  hash = hash * 31 + (guint) key->width;
  return hash * 31 + (guint) key->align;
}

static gboolean
text_key_equal (gconstpointer a,
                gconstpointer b)
{
  const TextKey *x = a, *y = b;

  return x->size == y->size && x->weight == y->weight && x->width == y->width &&
         x->align == y->align && strcmp (x->text, y->text) == 0;
}

static void
text_key_free (gpointer data)
{
  TextKey *key = data;

  g_free (key->text);
  g_free (key);
}

static void
text_cache_free (gpointer data)
{
  TextCache *cache = data;

  g_hash_table_unref (cache->layouts);
  g_free (cache);
}

void
srm_diagram_text_cache_enable (PangoContext *context)
{
  TextCache *cache;

  if (g_object_get_qdata (G_OBJECT (context), text_cache_quark ()) != NULL)
    return;
  cache = g_new0 (TextCache, 1);
  cache->layouts = g_hash_table_new_full (text_key_hash, text_key_equal, text_key_free, g_object_unref);
  cache->serial = pango_context_get_serial (context);
  g_object_set_qdata_full (G_OBJECT (context), text_cache_quark (), cache, text_cache_free);
}

void
srm_diagram_text_cache_clear (PangoContext *context)
{
  TextCache *cache = g_object_get_qdata (G_OBJECT (context), text_cache_quark ());

  if (cache != NULL)
    g_hash_table_remove_all (cache->layouts);
}

/* Why one size: Pango loads a font anew for every size it is asked for
 * (fontconfig's match, the font's metrics, its glyphs), and the diagram's fit
 * loops try many sizes; the first frame used to load some twenty fonts. With
 * metrics unhinted (srm_diagram_context_new ()) text scales exactly with its
 * size, so laying it out at one size within a width scaled the other way and
 * drawing it scaled gives the same lines, extents and picture. Cairo still
 * rasterizes the glyphs at the size they are drawn at, hinted as before. */
static PangoLayout *
text_layout_new (PangoContext   *context,
                 const char     *text,
                 double          size,
                 PangoWeight     weight,
                 double          width,
                 PangoAlignment  align)
{
  PangoLayout *layout = pango_layout_new (context);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (SRM_DIAGRAM_FONT_FAMILY);
  double scale = size / SRM_DIAGRAM_TEXT_REFERENCE_SIZE;

  pango_font_description_set_absolute_size (font, SRM_DIAGRAM_TEXT_REFERENCE_SIZE * PANGO_SCALE);
  pango_font_description_set_weight (font, weight);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text, -1);
  pango_layout_set_alignment (layout, align);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD);
  /* Rounded up, less a hair for the arithmetic: a width measured from a text
   * (a column as wide as its longest name) must fit that text again. */
  if (width > 0)
    pango_layout_set_width (layout, (int) ceil (width * PANGO_SCALE / scale - 1e-3));
  srm_diagram_text_set_scale (layout, scale);

  return layout;
}

PangoLayout *
srm_diagram_text_new (PangoContext   *context,
                      const char     *text,
                      double          size,
                      PangoWeight     weight,
                      double          width,
                      PangoAlignment  align)
{
  TextCache *cache = g_object_get_qdata (G_OBJECT (context), text_cache_quark ());
  TextKey key = { (char *) text, size, weight, width > 0 ? (int) floor (width * PANGO_SCALE) : -1, align };
  PangoLayout *layout;

  if (cache == NULL)
    return text_layout_new (context, text, size, weight, width, align);

  /* New fonts or font options measure differently. */
  if (cache->serial != pango_context_get_serial (context) ||
      g_hash_table_size (cache->layouts) >= TEXT_CACHE_MAX)
    {
      g_hash_table_remove_all (cache->layouts);
      cache->serial = pango_context_get_serial (context);
    }

  layout = g_hash_table_lookup (cache->layouts, &key);
  if (layout == NULL)
    {
      TextKey *stored = g_memdup2 (&key, sizeof key);

      layout = text_layout_new (context, text, size, weight, width, align);
      /* Measure now: every user asks for the extents. */
      pango_layout_get_extents (layout, NULL, NULL);
      stored->text = g_strdup (text);
      g_hash_table_insert (cache->layouts, stored, layout);
    }

  return g_object_ref (layout);
}

static PangoLayout *
new_text (Builder        *b,
          const char     *text,
          double          size,
          PangoWeight     weight,
          double          width,
          PangoAlignment  align)
{
  return srm_diagram_text_new (b->context, text, size, weight, width, align);
}

void
srm_diagram_text_size (PangoLayout *layout,
                       double      *width,
                       double      *height)
{
  double scale = srm_diagram_text_scale (layout);
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  if (width != NULL)
    *width = scale * logical.width / PANGO_SCALE;
  if (height != NULL)
    *height = scale * logical.height / PANGO_SCALE;
}

/* TRUE if Pango had to break a word to honour the width: each line but the
 * last must end at a space or after a hyphen or slash. */
static gboolean
breaks_mid_word (PangoLayout *layout)
{
  const char *text = pango_layout_get_text (layout);

  for (GSList *l = pango_layout_get_lines_readonly (layout); l != NULL && l->next != NULL; l = l->next)
    {
      PangoLayoutLine *line = l->data;
      const char *end = text + line->start_index + line->length;
      gunichar last;

      if (line->length == 0)
        continue;
      last = g_utf8_get_char (g_utf8_prev_char (end));
      if (!g_unichar_isspace (last) && last != '-' && last != '/' && last != 0x2010 && last != 0xAD)
        return TRUE;
    }

  return FALSE;
}

static gboolean
text_fits (PangoLayout *layout,
           double       width,
           int          max_lines)
{
  double w;

  srm_diagram_text_size (layout, &w, NULL);
  return pango_layout_get_line_count (layout) <= max_lines &&
         !breaks_mid_word (layout) &&
         w <= width + 0.01;
}

/* A layout of @text within @width on at most @max_lines lines, never broken
 * mid-word, in type from @size down to @min_size; NULL if it does not fit. */
static PangoLayout *
try_fit_text (PangoContext   *context,
              const char     *text,
              double          size,
              double          min_size,
              PangoWeight     weight,
              double          width,
              int             max_lines,
              PangoAlignment  align)
{
  for (double s = size; ; s = MAX (min_size, s * 0.92))
    {
      PangoLayout *layout = srm_diagram_text_new (context, text, s, weight, width, align);

      if (text_fits (layout, width, max_lines))
        return layout;
      g_object_unref (layout);
      if (s <= min_size)
        return NULL;
    }
}

/* Like try_fit_text (), but as a last resort shortened with an ellipsis. */
PangoLayout *
srm_diagram_text_fit (PangoContext   *context,
          const char     *text,
          double          size,
          double          min_size,
          PangoWeight     weight,
          double          width,
          int             max_lines,
          PangoAlignment  align)
{
  g_autofree char *shortened = NULL;
  PangoLayout *layout;
  gsize keep;

  layout = try_fit_text (context, text, size, min_size, weight, width, max_lines, align);
  if (layout != NULL)
    return layout;

  /* Ellipsized by hand rather than by Pango so that the text stored in the
   * layout (and written to SVG) is exactly what is shown. */
  keep = strlen (text);
  while (keep > 0)
    {
      const char *cut = g_utf8_find_prev_char (text, text + keep);

      keep = cut != NULL ? (gsize) (cut - text) : 0;
      while (keep > 0 && g_ascii_isspace (text[keep - 1]))
        keep--;
      g_free (shortened);
      shortened = g_strdup_printf ("%.*s…", (int) keep, text);
      layout = srm_diagram_text_new (context, shortened, min_size, weight, width, align);
      if (text_fits (layout, width, max_lines))
        return layout;
      g_object_unref (layout);
    }

  return srm_diagram_text_new (context, "…", min_size, weight, width, align);
}

#define rect_make srm_rect_make
#define place_text(b, text, x, y, bounds, role) srm_diagram_layout_take_text ((b)->layout, text, x, y, bounds, role)

static void
add_glyph (Builder       *b,
           SrmGlyphKind   kind,
           SrmInkSurface  on,
           double         x,
           double         y,
           double         size,
           int            row,
           int            column)
{
  SrmDiagramGlyph glyph = { kind, on, rect_make (x, y, size, size), row, column };

  g_array_append_val (b->layout->glyphs, glyph);
}

static gboolean
strv_contains (const char * const *strv,
               const char         *str)
{
  return strv != NULL && str != NULL && g_strv_contains (strv, str);
}

/* ---- columns ---- */

static void
add_columns (Builder *b)
{
  const SrmDiagramContent *c = b->content;
  GListModel *models = srm_catalog_get_models (c->catalog);
  g_autoptr(GPtrArray) emphasised = g_ptr_array_new ();
  guint n_models = g_list_model_get_n_items (models);

  if (c->model_id != NULL)
    g_ptr_array_add (emphasised, (gpointer) c->model_id);
  for (guint i = 0; c->service_ids != NULL && c->service_ids[i] != NULL; i++)
    {
      SrmService *service = srm_catalog_lookup_service (c->catalog, c->service_ids[i]);
      g_ptr_array_add (emphasised, (gpointer) srm_service_get_model_id (service));
    }
  g_ptr_array_add (emphasised, NULL);

  for (guint i = 0; i < n_models; i++)
    {
      g_autoptr(SrmServiceModel) model = g_list_model_get_item (models, i);
      SrmDiagramColumn column = { 0, };

      column.kind = SRM_DIAGRAM_COLUMN_MODEL;
      column.id = g_strdup (srm_service_model_get_id (model));
      column.model_id = g_strdup (column.id);
      column.label = g_strdup (srm_service_model_get_short_name (model));
      column.highlighted = strv_contains ((const char * const *) emphasised->pdata, column.id);
      g_array_append_val (b->layout->columns, column);
    }

  for (guint i = 0; c->service_ids != NULL && c->service_ids[i] != NULL; i++)
    {
      SrmService *service = srm_catalog_lookup_service (c->catalog, c->service_ids[i]);
      SrmDiagramColumn column = { 0, };

      column.kind = SRM_DIAGRAM_COLUMN_SERVICE;
      column.id = g_strdup (srm_service_get_id (service));
      column.model_id = g_strdup (srm_service_get_model_id (service));
      column.label = g_strdup (srm_service_get_name (service));
      column.highlighted = TRUE;
      g_array_append_val (b->layout->columns, column);
    }
}

static SrmServiceModel *
column_model (Builder                *b,
              const SrmDiagramColumn *column)
{
  return srm_catalog_lookup_model (b->content->catalog, column->model_id);
}

/* ---- the whole layout at one body size ---- */

static double
layout_title_and_summary (Builder *b,
                          double   x,
                          double   y,
                          double   width)
{
  const SrmDiagramContent *c = b->content;
  double f = b->f;
  cairo_rectangle_t bounds = rect_make (x, y, width, G_MAXDOUBLE / 4);

  if (c->title != NULL && c->title[0] != '\0')
    {
      PangoLayout *text = srm_diagram_text_fit (b->context, c->title, 1.6 * f, f, PANGO_WEIGHT_BOLD, width, 2, PANGO_ALIGN_LEFT);
      double h;

      srm_diagram_text_size (text, NULL, &h);
      place_text (b, text, x, y, &bounds, SRM_TEXT_TITLE);
      b->layout->has_title = TRUE;
      b->layout->title_rect = rect_make (x, y, width, h);
      y += h + 0.35 * f;
    }

  if (c->show_summary && c->summary != NULL)
    {
      PangoLayout *text = srm_diagram_text_fit (b->context, c->summary, 1.15 * f, 0.9 * f, PANGO_WEIGHT_MEDIUM, width, 3, PANGO_ALIGN_LEFT);
      double h;

      srm_diagram_text_size (text, NULL, &h);
      place_text (b, text, x, y, &bounds, SRM_TEXT_SUMMARY);
      b->layout->has_summary = TRUE;
      b->layout->summary_rect = rect_make (x, y, width, h);
      y += h;
    }

  if (b->layout->has_title || b->layout->has_summary)
    y += 1.0 * f;

  return y;
}

/* Width of the layer-name column: as wide as the longest name on one line,
 * within a share of the table, and never narrower than its longest word. */
static double
label_column_width (Builder *b,
                    double   grid_width,
                    guint    n_columns)
{
  GListModel *layers = srm_catalog_get_layers (b->content->catalog);
  double pad = 0.7 * b->f;
  double natural = 0, longest_word = 0;
  double share = n_columns <= 4 ? 0.34 : 0.26;

  for (guint i = 0; i < g_list_model_get_n_items (layers); i++)
    {
      g_autoptr(SrmLayer) layer = g_list_model_get_item (layers, i);
      g_auto(GStrv) words = g_strsplit (srm_layer_get_name (layer), " ", -1);
      g_autoptr(PangoLayout) text = new_text (b, srm_layer_get_name (layer), b->f, PANGO_WEIGHT_MEDIUM, -1, PANGO_ALIGN_LEFT);
      double w;

      srm_diagram_text_size (text, &w, NULL);
      natural = MAX (natural, w);
      for (guint j = 0; words[j] != NULL; j++)
        {
          g_autoptr(PangoLayout) word = new_text (b, words[j], b->f, PANGO_WEIGHT_MEDIUM, -1, PANGO_ALIGN_LEFT);

          srm_diagram_text_size (word, &w, NULL);
          longest_word = MAX (longest_word, w);
        }
    }

  return MAX (MIN (natural, grid_width * share), MIN (longest_word, grid_width * 0.4)) + pad;
}

/* A service's name on two lines; when too narrow, the acronym its name ends
 * with ("Azure Kubernetes Service (AKS)"), else three lines, else ellipsized. */
PangoLayout *
srm_diagram_service_header_text (PangoContext *context,
                                 const char   *name,
                                 double        f,
                                 double        width)
{
  PangoLayout *text;
  const char *open = strrchr (name, '(');

  text = try_fit_text (context, name, 0.92 * f, 0.75 * f, PANGO_WEIGHT_BOLD, width, 2, PANGO_ALIGN_CENTER);
  if (text != NULL)
    return text;

  if (open != NULL && g_str_has_suffix (open, ")") && strlen (open) > 2)
    {
      g_autofree char *acronym = g_strndup (open + 1, strlen (open) - 2);

      text = try_fit_text (context, acronym, 0.92 * f, 0.7 * f, PANGO_WEIGHT_BOLD, width, 1, PANGO_ALIGN_CENTER);
      if (text != NULL)
        return text;
    }

  return srm_diagram_text_fit (context, name, 0.92 * f, 0.7 * f, PANGO_WEIGHT_BOLD, width, 3, PANGO_ALIGN_CENTER);
}

static double
layout_headers (Builder *b,
                double   y,
                double   column_width)
{
  double f = b->f;
  double pad = 0.25 * f;
  double header_height = 0;
  g_autoptr(GPtrArray) texts = g_ptr_array_new ();
  g_autoptr(GArray) heights = g_array_new (FALSE, TRUE, sizeof (double));

  /* Measure every header first: they share one height and sit on the cells. */
  for (guint i = 0; i < b->layout->columns->len; i++)
    {
      SrmDiagramColumn *column = &g_array_index (b->layout->columns, SrmDiagramColumn, i);
      double inner = column_width - 2 * pad;
      PangoLayout *name;
      double h, badge_h = 0;

      if (column->kind == SRM_DIAGRAM_COLUMN_MODEL)
        name = srm_diagram_text_fit (b->context, column->label, 1.05 * f, 0.8 * f, PANGO_WEIGHT_BOLD, inner, 2, PANGO_ALIGN_CENTER);
      else
        {
          g_autoptr(PangoLayout) badge = srm_diagram_text_fit (b->context, srm_service_model_get_short_name (column_model (b, column)),
                                                   0.72 * f, 0.6 * f, PANGO_WEIGHT_BOLD, inner - 0.8 * f, 1, PANGO_ALIGN_CENTER);
          name = srm_diagram_service_header_text (b->context, column->label, f, inner);
          srm_diagram_text_size (badge, NULL, &badge_h);
          badge_h += 0.3 * f + 0.3 * f;
        }
      srm_diagram_text_size (name, NULL, &h);
      g_ptr_array_add (texts, name);
      h += badge_h;
      g_array_append_val (heights, h);
      header_height = MAX (header_height, h);
    }

  header_height += 2 * pad;

  for (guint i = 0; i < b->layout->columns->len; i++)
    {
      SrmDiagramColumn *column = &g_array_index (b->layout->columns, SrmDiagramColumn, i);
      PangoLayout *name = g_ptr_array_index (texts, i);
      double inner = column_width - 2 * pad;
      double top = y + header_height - pad - g_array_index (heights, double, i);
      SrmDiagramTextItem *item;
      double h;

      column->header_rect = rect_make (column->rect.x, y, column_width, header_height);
      srm_diagram_text_size (name, NULL, &h);
      item = place_text (b, name, column->rect.x + pad, top, &column->header_rect, SRM_TEXT_HEADER);
      item->column = i;

      if (column->kind == SRM_DIAGRAM_COLUMN_SERVICE)
        {
          PangoLayout *badge = srm_diagram_text_fit (b->context, srm_service_model_get_short_name (column_model (b, column)),
                                         0.72 * f, 0.6 * f, PANGO_WEIGHT_BOLD, inner - 0.8 * f, 1, PANGO_ALIGN_LEFT);
          SrmDiagramPill pill;
          double bw, bh;

          srm_diagram_text_size (badge, &bw, &bh);
          pill.rect = rect_make (column->rect.x + (column_width - bw) / 2 - 0.4 * f,
                                 top + h + 0.3 * f, bw + 0.8 * f, bh + 0.3 * f);
          pill.row = -1;
          pill.column = i;
          g_array_append_val (b->layout->pills, pill);
          item = place_text (b, badge, pill.rect.x + 0.4 * f, pill.rect.y + 0.15 * f,
                             &column->header_rect, SRM_TEXT_BADGE);
          item->column = i;
        }
    }

  return y + header_height;
}

/* The size of the owner words in @column's cells: the largest of a few steps at
 * which every word the column needs fits its cells, or 0 for glyphs only.
 * The table then uses the smallest of its columns' sizes. */
static double
choose_cell_text_size (Builder *b,
                       guint    column,
                       double   cell_width,
                       double   cell_height)
{
  const char *provider = srm_catalog_get_provider_name (b->content->catalog);
  const char *labels[] = { _("You"), provider, _("Shared") };
  gboolean used[3] = { FALSE, FALSE, FALSE };
  cairo_rectangle_t cell_rect = { 0, 0, cell_width, cell_height };
  double badge[3] = { 0, 0, 0 };
  /* Glyph, spacing and chip padding shrink with the words (see layout_cell_content). */
  const double steps[] = { 0.85, 0.76, 0.68, 0.6 };
  double f = b->f;

  if (cell_height < 1.5 * f)
    return 0;

  /* Not a stride over the grid: the comparison's layouts leave gaps. */
  for (guint i = 0; i < b->layout->cells->len; i++)
    {
      const SrmDiagramCell *cell = &g_array_index (b->layout->cells, SrmDiagramCell, i);
      SrmOwner owner = cell->owner;
      guint label;

      if (cell->column != column)
        continue;
      label = owner == SRM_OWNER_CUSTOMER ? 0 : owner == SRM_OWNER_PROVIDER ? 1 : 2;

      used[label] = TRUE;
      /* The badge takes the top-right corner: words beside a glyph move left
       * of it; a chip only needs a little more room, its corners being free. */
      if (cell->is_override)
        badge[label] = label == 2 ? 0.25 * f :
                       srm_diagram_override_badge_size (f, &cell_rect) + srm_diagram_override_badge_inset (f, &cell_rect);
    }

  for (guint s = 0; s < G_N_ELEMENTS (steps); s++)
    {
      double size = steps[s] * f;
      double k = steps[s] / 0.85;

      /* Smaller steps only help large type; words below this are unreadable. */
      if (s > 0 && size < MIN_CELL_TEXT_SIZE)
        break;
      gboolean fits = TRUE;

      for (guint i = 0; fits && i < G_N_ELEMENTS (labels); i++)
        {
          g_autoptr(PangoLayout) text = NULL;
          double w, need;

          if (!used[i])
            continue;
          text = new_text (b, labels[i], size, PANGO_WEIGHT_BOLD, -1, PANGO_ALIGN_LEFT);
          srm_diagram_text_size (text, &w, NULL);
          if (i == 2)
            need = w + 0.8 * k * f + 2 * (0.75 * f + 0.3 * f); /* chip between two corner glyphs */
          else
            need = k * (f + 0.35 * f) + w + 0.6 * f;
          /* Words stay clear of the override badge in the corner. */
          fits = need + badge[i] <= cell_width;
        }
      if (fits)
        return size;
    }

  return 0;
}

static void
layout_cell_content (Builder        *b,
                     SrmDiagramCell *cell,
                     double          text_size_px)
{
  const char *provider = srm_catalog_get_provider_name (b->content->catalog);
  cairo_rectangle_t *r = &cell->rect;
  cairo_rectangle_t content = cell->rect;
  double f = b->f;
  int row = cell->row, column = cell->column;
  double k = text_size_px / (0.85 * f); /* the words' scale, for glyph and padding */

  /* Centred words keep clear of the override badge in the top-right corner. */
  if (cell->is_override && cell->owner != SRM_OWNER_SHARED && text_size_px > 0)
    content.width -= (srm_diagram_override_badge_size (f, r) + srm_diagram_override_badge_inset (f, r));

  if (cell->owner == SRM_OWNER_SHARED)
    {
      double pad = MIN (0.3 * f, MIN (r->width, r->height) * 0.08);
      double g = MIN (0.75 * f, MIN (r->width, r->height) * 0.38);

      add_glyph (b, SRM_GLYPH_PERSON, SRM_ON_CUSTOMER, r->x + pad, r->y + pad, g, row, column);
      add_glyph (b, SRM_GLYPH_CLOUD, SRM_ON_PROVIDER, r->x + r->width - pad - g, r->y + r->height - pad - g, g, row, column);

      if (text_size_px > 0)
        {
          PangoLayout *text = new_text (b, _("Shared"), text_size_px, PANGO_WEIGHT_BOLD, -1, PANGO_ALIGN_LEFT);
          SrmDiagramTextItem *item;
          SrmDiagramPill pill;
          double w, h;

          srm_diagram_text_size (text, &w, &h);
          pill.rect = rect_make (content.x + (content.width - w) / 2 - 0.4 * k * f, r->y + (r->height - h) / 2 - 0.12 * f,
                                 w + 0.8 * k * f, h + 0.24 * f);
          pill.row = row;
          pill.column = column;
          g_array_append_val (b->layout->pills, pill);
          item = place_text (b, text, pill.rect.x + 0.4 * k * f, pill.rect.y + 0.12 * f, r, SRM_TEXT_CELL);
          item->row = row;
          item->column = column;
        }
      return;
    }
  else
    {
      SrmGlyphKind kind = cell->owner == SRM_OWNER_CUSTOMER ? SRM_GLYPH_PERSON : SRM_GLYPH_CLOUD;
      SrmInkSurface on = cell->owner == SRM_OWNER_CUSTOMER ? SRM_ON_CUSTOMER : SRM_ON_PROVIDER;

      if (text_size_px > 0)
        {
          const char *label = cell->owner == SRM_OWNER_CUSTOMER ? _("You") : provider;
          PangoLayout *text = new_text (b, label, text_size_px, PANGO_WEIGHT_BOLD, -1, PANGO_ALIGN_LEFT);
          SrmDiagramTextItem *item;
          double w, h, g = k * f, total, x;

          srm_diagram_text_size (text, &w, &h);
          total = g + 0.35 * k * f + w;
          x = content.x + (content.width - total) / 2;
          add_glyph (b, kind, on, x, r->y + (r->height - g) / 2, g, row, column);
          item = place_text (b, text, x + g + 0.35 * k * f, r->y + (r->height - h) / 2, r, SRM_TEXT_CELL);
          item->on = on;
          item->row = row;
          item->column = column;
        }
      else
        {
          double g = MIN (1.1 * f, MIN (r->width, r->height) * 0.7);

          add_glyph (b, kind, on, r->x + (r->width - g) / 2, r->y + (r->height - g) / 2, g, row, column);
        }
    }
}

static SrmOwner
column_owner (Builder                *b,
              const SrmDiagramColumn *column,
              const char             *layer_id,
              gboolean               *is_override)
{
  SrmCatalog *catalog = b->content->catalog;
  SrmOwner owner = SRM_OWNER_CUSTOMER, model_owner = SRM_OWNER_CUSTOMER;

  *is_override = FALSE;
  if (column->kind == SRM_DIAGRAM_COLUMN_MODEL)
    {
      srm_catalog_get_owner (catalog, layer_id, column->id, &owner);
      return owner;
    }

  srm_catalog_get_service_owner (catalog, column->id, layer_id, &owner);
  srm_catalog_get_owner (catalog, layer_id, column->model_id, &model_owner);
  *is_override = owner != model_owner;
  return owner;
}

static double
layout_rows (Builder *b,
             double   grid_x,
             double   grid_width,
             double   label_width,
             double   y,
             double   band_pad)
{
  const SrmDiagramContent *c = b->content;
  GListModel *layers = srm_catalog_get_layers (c->catalog);
  guint n_layers = g_list_model_get_n_items (layers);
  guint n_columns = b->layout->columns->len;
  double f = b->f;
  double min_row = b->min_row > 0 ? b->min_row : MIN_ROW_EMS * f;
  const char *current_group = NULL;
  gboolean spotlight = c->spotlight != NULL && c->spotlight[0] != NULL;
  SrmDiagramBand *band = NULL;
  SrmDiagramTextItem *band_text = NULL;
  g_autofree double *text_sizes = g_new0 (double, MAX (1, n_columns));

  for (guint i = 0; i < n_layers; i++)
    {
      g_autoptr(SrmLayer) layer = g_list_model_get_item (layers, i);
      const char *group_id = srm_layer_get_group_id (layer);
      SrmDiagramRow row = { 0, };
      PangoLayout *label;
      SrmDiagramTextItem *item;
      double h, row_height;

      if (group_id != NULL && g_strcmp0 (group_id, current_group) != 0)
        {
          SrmLayerGroup *group = srm_catalog_lookup_group (c->catalog, group_id);
          SrmDiagramBand new_band = { 0, };
          double band_label_width = grid_width;
          PangoLayout *text;
          double th;

          if (band != NULL)
            y += band_pad + 0.6 * f;

          /* The full name when it fits on one line, else the short one. */
          text = new_text (b, srm_layer_group_get_name (group), 0.88 * f, PANGO_WEIGHT_BOLD, band_label_width, PANGO_ALIGN_LEFT);
          if (!text_fits (text, band_label_width, 1))
            {
              g_object_unref (text);
              text = srm_diagram_text_fit (b->context, srm_layer_group_get_short_name (group), 0.88 * f, 0.75 * f,
                               PANGO_WEIGHT_BOLD, band_label_width, 2, PANGO_ALIGN_LEFT);
            }
          srm_diagram_text_size (text, NULL, &th);

          new_band.group_id = g_strdup (group_id);
          new_band.label = g_strdup (pango_layout_get_text (text));
          new_band.rect = rect_make (grid_x - band_pad, y, grid_width + 2 * band_pad, 0);
          g_array_append_val (b->layout->bands, new_band);
          band = &g_array_index (b->layout->bands, SrmDiagramBand, b->layout->bands->len - 1);
          band_text = place_text (b, text, grid_x, y + 0.45 * f, &band->rect, SRM_TEXT_BAND);
          y += 0.45 * f + th + 0.25 * f;
          current_group = group_id;
        }

      label = srm_diagram_text_fit (b->context, srm_layer_get_name (layer), f, 0.8 * f, PANGO_WEIGHT_MEDIUM,
                        label_width - 0.7 * f, 3, PANGO_ALIGN_LEFT);
      srm_diagram_text_size (label, NULL, &h);
      row_height = MAX (min_row, h + 0.6 * f);

      row.layer_id = g_strdup (srm_layer_get_id (layer));
      row.name = g_strdup (srm_layer_get_name (layer));
      row.group_id = g_strdup (group_id);
      row.rect = rect_make (grid_x, y, grid_width, row_height);
      row.label_rect = rect_make (grid_x, y, label_width, row_height);
      row.spotlit = !spotlight || strv_contains (c->spotlight, row.layer_id);
      g_array_append_val (b->layout->rows, row);

      item = place_text (b, label, grid_x, y + (row_height - h) / 2,
                         &g_array_index (b->layout->rows, SrmDiagramRow, i).label_rect, SRM_TEXT_ROW_LABEL);
      item->row = i;

      for (guint j = 0; j < n_columns; j++)
        {
          const SrmDiagramColumn *column = &g_array_index (b->layout->columns, SrmDiagramColumn, j);
          SrmDiagramCell cell = { 0, };

          cell.row = i;
          cell.column = j;
          cell.owner = column_owner (b, column, srm_layer_get_id (layer), &cell.is_override);
          cell.highlighted = column->highlighted;
          cell.rect = rect_make (column->rect.x + b->gap / 2, y + b->gap / 2,
                                 column->rect.width - b->gap, row_height - b->gap);
          g_array_append_val (b->layout->cells, cell);
        }

      y += row_height;
      if (band != NULL)
        {
          band->rect.height = y + band_pad - band->rect.y;
          band_text->public.bounds = band->rect;
        }
    }

  if (band != NULL)
    y += band_pad;

  for (guint j = 0; j < n_columns; j++)
    text_sizes[j] = choose_cell_text_size (b, j, g_array_index (b->layout->columns, SrmDiagramColumn, j).rect.width - b->gap,
                                           min_row - b->gap);
  /* One decision for the whole table: words at one size in every column, or
   * glyphs everywhere. Words in one column and none in the next read as if
   * the columns meant different things. */
  {
    double table_size = n_columns > 0 ? text_sizes[0] : 0;

    for (guint j = 1; j < n_columns; j++)
      table_size = MIN (table_size, text_sizes[j]);
    for (guint j = 0; j < n_columns; j++)
      text_sizes[j] = table_size;
  }

  /* Pointers into the arrays are stable now: name them in the cells. */
  for (guint i = 0; i < b->layout->cells->len; i++)
    {
      SrmDiagramCell *cell = &g_array_index (b->layout->cells, SrmDiagramCell, i);

      cell->layer_id = g_array_index (b->layout->rows, SrmDiagramRow, cell->row).layer_id;
      cell->column_id = g_array_index (b->layout->columns, SrmDiagramColumn, cell->column).id;
      layout_cell_content (b, cell, text_sizes[cell->column]);
    }

  return y;
}

void
srm_diagram_swatch_add (SrmDiagramLayout  *layout,
                        SrmSwatchKind      kind,
                        cairo_rectangle_t  rect,
                        double             f)
{
  SrmDiagramSwatch swatch = { kind, rect };
  double sw = rect.width, sh = rect.height, g = sh * 0.62;
  SrmDiagramGlyph glyphs[2] = {
    { SRM_GLYPH_PERSON, SRM_ON_CUSTOMER, rect_make (rect.x + (sw - g) / 2, rect.y + (sh - g) / 2, g, g), -1, -1 },
    { SRM_GLYPH_CLOUD, SRM_ON_PROVIDER, rect_make (rect.x + (sw - g) / 2, rect.y + (sh - g) / 2, g, g), -1, -1 },
  };

  g_array_append_val (layout->swatches, swatch);
  if (kind == SRM_SWATCH_CUSTOMER)
    g_array_append_val (layout->glyphs, glyphs[0]);
  else if (kind == SRM_SWATCH_PROVIDER)
    g_array_append_val (layout->glyphs, glyphs[1]);
  else if (kind == SRM_SWATCH_SHARED)
    {
      g = sh * 0.42;
      glyphs[0].rect = rect_make (rect.x + 0.1 * f, rect.y + 0.08 * f, g, g);
      glyphs[1].rect = rect_make (rect.x + sw - 0.1 * f - g, rect.y + sh - 0.08 * f - g, g, g);
      g_array_append_vals (layout->glyphs, glyphs, 2);
    }
}

static double
layout_legend (Builder *b,
               double   x,
               double   y,
               double   width)
{
  const char *provider = srm_catalog_get_provider_name (b->content->catalog);
  g_autofree char *provider_label = NULL;
  const char *labels[4];
  SrmSwatchKind kinds[4] = { SRM_SWATCH_CUSTOMER, SRM_SWATCH_PROVIDER, SRM_SWATCH_SHARED, SRM_SWATCH_OVERRIDE };
  guint n_items = 3;
  double f = b->f;
  double sw = 1.7 * f, sh = 1.2 * f, gap = 0.45 * f, spacing = 1.4 * f, line_gap = 0.4 * f;
  PangoLayout *texts[4];
  double widths[4], heights[4];
  double line_y = y, legend_right = x, legend_bottom = y;
  guint start = 0;

  /* TRANSLATORS: legend of the diagram; the customer's cells */
  labels[0] = _("You (customer)");
  /* TRANSLATORS: legend of the diagram; %s is the cloud provider, e.g. Microsoft */
  labels[1] = provider_label = g_strdup_printf (_("%s (provider)"), provider);
  /* TRANSLATORS: legend of the diagram; cells both sides are responsible for */
  labels[2] = _("Shared by both");
  /* TRANSLATORS: legend of the diagram; the mark on a service's cell */
  labels[3] = _("Differs from its model");

  for (guint i = 0; i < b->layout->columns->len; i++)
    if (g_array_index (b->layout->columns, SrmDiagramColumn, i).kind == SRM_DIAGRAM_COLUMN_SERVICE)
      n_items = 4;

  for (guint i = 0; i < n_items; i++)
    {
      texts[i] = srm_diagram_text_fit (b->context, labels[i], 0.9 * f, 0.8 * f, PANGO_WEIGHT_NORMAL, width - sw - gap, 2, PANGO_ALIGN_LEFT);
      srm_diagram_text_size (texts[i], &widths[i], &heights[i]);
    }

  /* Flow the items into centred lines; at narrow widths they stack. */
  while (start < n_items)
    {
      guint end = start;
      double line_width = 0, line_height = sh, lx;

      while (end < n_items)
        {
          double item_width = sw + gap + widths[end];
          double next = line_width + (end > start ? spacing : 0) + item_width;

          if (end > start && next > width)
            break;
          line_width = next;
          line_height = MAX (line_height, heights[end]);
          end++;
        }

      lx = x + MAX (0, (width - line_width) / 2);
      for (guint i = start; i < end; i++)
        {
          cairo_rectangle_t bounds = rect_make (x, y, width, G_MAXDOUBLE / 4);

          srm_diagram_swatch_add (b->layout, kinds[i], rect_make (lx, line_y + (line_height - sh) / 2, sw, sh), f);
          place_text (b, g_object_ref (texts[i]), lx + sw + gap, line_y + (line_height - heights[i]) / 2,
                      &bounds, SRM_TEXT_LEGEND);
          lx += sw + gap + widths[i] + spacing;
        }

      legend_right = MAX (legend_right, lx - spacing);
      legend_bottom = line_y + line_height;
      line_y += line_height + line_gap;
      start = end;
    }

  for (guint i = 0; i < n_items; i++)
    g_object_unref (texts[i]);

  b->layout->has_legend = TRUE;
  b->layout->legend_rect = rect_make (x, y, width, legend_bottom - y);
  return legend_bottom;
}

/* Lays everything out at body size @f and returns the height it needs. */
static double
build_at (Builder *b,
          double   width)
{
  guint n_columns, n_models;
  double f = b->f;
  double margin = MAX (12, 1.4 * f);
  double content_width = width - 2 * margin;
  gboolean has_bands = g_list_model_get_n_items (srm_catalog_get_groups (b->content->catalog)) > 0;
  double band_pad = has_bands ? 0.45 * f : 0;
  double grid_x, grid_width, label_width, column_width, service_gap, max_column, y;
  double table_x, table_width;

  b->gap = MAX (3, 0.32 * f);
  b->layout->font_size = f;
  b->layout->radius = MAX (4, 0.42 * f);
  b->layout->line_width = MAX (1, 0.07 * f);

  add_columns (b);
  n_columns = b->layout->columns->len;
  n_models = g_list_model_get_n_items (srm_catalog_get_models (b->content->catalog));

  grid_x = margin + band_pad;
  grid_width = content_width - 2 * band_pad;
  label_width = label_column_width (b, grid_width, n_columns);
  service_gap = n_columns > n_models ? 0.5 * f : 0;
  column_width = (grid_width - label_width - service_gap) / n_columns;

  /* Everything but the columns scales with the type (the label column nearly
   * so): the body size at which the columns would be just wide enough. */
  b->max_width_f = width / ((width - n_columns * column_width) / f + n_columns * MIN_COLUMN_EMS);

  /* Very wide cells look stretched on a 16:9 wall: cap them and centre the table. */
  max_column = 13 * f;
  if (column_width > max_column)
    {
      double excess = (column_width - max_column) * n_columns;

      column_width = max_column;
      grid_x += excess / 2;
      grid_width -= excess;
    }

  /* Title, summary and legend line up with the table rather than the canvas. */
  table_x = grid_x - band_pad;
  table_width = grid_width + 2 * band_pad;
  y = layout_title_and_summary (b, table_x, margin, table_width);

  for (guint i = 0; i < n_columns; i++)
    {
      SrmDiagramColumn *column = &g_array_index (b->layout->columns, SrmDiagramColumn, i);
      double x = grid_x + label_width + i * column_width + (i >= n_models ? service_gap : 0);

      column->rect = rect_make (x, y, column_width, 0);
    }

  y = layout_headers (b, y, column_width);
  y += b->gap / 2;
  y = layout_rows (b, grid_x, grid_width, label_width, y, band_pad);

  for (guint i = 0; i < n_columns; i++)
    {
      SrmDiagramColumn *column = &g_array_index (b->layout->columns, SrmDiagramColumn, i);
      column->rect.height = y - band_pad - column->rect.y;
    }
  b->layout->table_rect = rect_make (table_x, b->layout->columns->len > 0 ?
                                     g_array_index (b->layout->columns, SrmDiagramColumn, 0).rect.y : y,
                                     table_width, 0);
  b->layout->table_rect.height = y - b->layout->table_rect.y;

  if (b->content->show_legend)
    {
      y += 1.1 * f;
      y = layout_legend (b, table_x, y, table_width);
    }

  return y + margin;
}

static SrmDiagramLayout *
build (const SrmDiagramContent *content,
       PangoContext            *context,
       double                   f,
       double                   min_row,
       double                   width,
       double                  *needed,
       double                  *max_width_f)
{
  Builder b = { context, content, srm_diagram_layout_new (), f, 0, min_row, 0 };

  b.layout->summary = g_strdup (content->summary);
  *needed = build_at (&b, width);
  b.layout->width = width;
  b.layout->height = *needed;
  if (max_width_f != NULL)
    *max_width_f = b.max_width_f;
  return b.layout;
}

SrmDiagramLayout *
srm_diagram_geometry_build (const SrmDiagramContent *content,
                            PangoContext            *context,
                            double                   width,
                            double                   height)
{
  SrmDiagramLayout *layout;
  double natural_f = CLAMP (width / 52, MIN_BODY_SIZE, MAX_BODY_SIZE);
  double f = natural_f;
  double needed, max_width_f;
  guint n_rows;

  layout = build (content, context, f, 0, width, &needed, &max_width_f);
  if (height <= 0)
    return layout;

  /* A canvas taller than the content (a full-screen window, a catalog of few
   * layers): the type grows as far as the width allows, within reason, and
   * then shrinks to the height below. The type thus scales with the smaller
   * of the width- and the height-based factors. */
  if (needed < height)
    {
      double grown = MIN (MIN (max_width_f, 1.6 * natural_f), MAX_BODY_SIZE);

      if (grown > f * 1.02)
        {
          f = MIN (grown, f * height / needed);
          srm_diagram_layout_unref (layout);
          layout = build (content, context, f, 0, width, &needed, NULL);
        }
    }

  /* Height is nearly proportional to the body size: a few proportional steps
   * converge; the last one undershoots slightly so it surely fits. */
  for (guint i = 0; needed > height && f > FLOOR_BODY_SIZE && i < 8; i++)
    {
      f = MAX (FLOOR_BODY_SIZE, f * (height / needed) * (i < 2 ? 1.0 : 0.97));
      srm_diagram_layout_unref (layout);
      layout = build (content, context, f, 0, width, &needed, NULL);
    }

  /* Rows take the spare height, up to a sensible bar height. Each row grows
   * by at most its share, so the result still fits. */
  n_rows = layout->rows->len;
  if (needed < height && n_rows > 0)
    {
      double min_row = MIN (MAX_ROW_EMS * f, MIN_ROW_EMS * f + (height - needed) / n_rows);

      if (min_row > MIN_ROW_EMS * f + 1)
        {
          srm_diagram_layout_unref (layout);
          layout = build (content, context, f, min_row, width, &needed, NULL);
        }
    }

  /* Centre the content in the height it was given. */
  if (needed < height)
    srm_diagram_layout_translate (layout, 0, floor ((height - needed) / 2));
  layout->height = height;

  return layout;
}

/* ---- for other painters that draw cells like the diagram's ---- */

/* A builder over someone else's layout, for one of the steps below. */
#define BORROWED_BUILDER(b, layout, context, catalog, f) \
  SrmDiagramContent b##_content = { .catalog = (catalog) }; \
  Builder b = { (context), &b##_content, (layout), (f), 0, 0, 0 }

double
srm_diagram_cell_text_size (SrmDiagramLayout *layout,
                            PangoContext     *context,
                            SrmCatalog       *catalog,
                            double            f,
                            guint             column,
                            double            cell_width,
                            double            cell_height)
{
  BORROWED_BUILDER (b, layout, context, catalog, f);
  return choose_cell_text_size (&b, column, cell_width, cell_height);
}

void
srm_diagram_cell_content (SrmDiagramLayout *layout,
                          PangoContext     *context,
                          SrmCatalog       *catalog,
                          double            f,
                          SrmDiagramCell   *cell,
                          double            text_size)
{
  BORROWED_BUILDER (b, layout, context, catalog, f);
  layout_cell_content (&b, cell, text_size);
}

double
srm_diagram_legend_build (SrmDiagramLayout *layout,
                          PangoContext     *context,
                          SrmCatalog       *catalog,
                          double            f,
                          double            x,
                          double            y,
                          double            width)
{
  BORROWED_BUILDER (b, layout, context, catalog, f);
  return layout_legend (&b, x, y, width);
}
