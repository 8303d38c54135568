/* srm-diagram-paint.c: paints a laid-out diagram with cairo; owns the palette.
 *
 * This is the only place in the app with colours. Owner is never shown by
 * colour alone: customer cells are solid and carry a person glyph, provider
 * cells are hatched and carry a cloud glyph, shared cells are split diagonally
 * (customer above, provider below, as in Microsoft's figure) with both glyphs.
 */
#include "srm-diagram-painter-private.h"
#include "srm-diagram-tile-cache-private.h"

#include <math.h>
#include <string.h>

typedef struct {
  SrmRgba  background;
  SrmRgba  foreground;
  SrmRgba  secondary;      /* band labels */
  SrmRgba  band;           /* fill behind a group of rows */
  SrmRgba  band_border;
  SrmRgba  customer;
  SrmRgba  customer_ink;
  SrmRgba  provider;
  SrmRgba  provider_ink;
  SrmRgba  hatch;          /* stripes over provider cells */
  SrmRgba  chip;           /* the "Shared" chip and neutral swatches */
  SrmRgba  chip_ink;
  SrmRgba  cell_border;
  double   border_width;   /* in layout line widths; 0: no border */
  double   hatch_width;    /* in layout line widths */
  gboolean ink_backing;    /* provider glyphs and words sit on the chip colour (paper) */
  double   recede;         /* how far columns outside the selection fade, 0..1 */
  double   min_contrast;   /* the least contrast of words and glyphs on what they sit on */
  SrmRgba  focus;          /* the keyboard focus ring */
  SrmRgba  focus_inner;    /* a second ring inside it; alpha 0: none */
} Palette;

#define RGB(hex) { ((hex) >> 16 & 0xff) / 255.0, ((hex) >> 8 & 0xff) / 255.0, ((hex) & 0xff) / 255.0, 1.0 }
#define RGBA(hex, a) { ((hex) >> 16 & 0xff) / 255.0, ((hex) >> 8 & 0xff) / 255.0, ((hex) & 0xff) / 255.0, (a) }

/* Owner colours come from the Okabe–Ito palette (Okabe & Ito, "Color Universal
 * Design", 2008), chosen to stay apart in deuteranopia, protanopia and
 * tritanopia: orange #E69F00 for the customer and blue #0072B2 for the provider
 * differ in hue for red-green deficiencies and in lightness (about 72 against
 * 46 L*) for tritanopia and greyscale. The high-contrast style deepens the blue
 * to #005A8F so white text on it reaches 7:1 (black on #E69F00 is 9:1). Paper
 * (print) keeps the orange solid and turns the provider into blue hatching on
 * white, which stays distinct when printed in grey. Backgrounds follow
 * libadwaita: #FAFAFA light, #1E1E1E dark. */
static const Palette palettes[] = {
  [SRM_DIAGRAM_STYLE_LIGHT] = {
    .background = RGB (0xfafafa), .foreground = RGB (0x1f1f1f), .secondary = RGB (0x5c5c5c),
    .band = RGBA (0x1f1f1f, 0.045), .band_border = RGBA (0x1f1f1f, 0.0),
    .customer = RGB (0xe69f00), .customer_ink = RGB (0x1a1a1a),
    .provider = RGB (0x0072b2), .provider_ink = RGB (0xffffff), .hatch = RGBA (0xffffff, 0.10),
    .chip = RGB (0xffffff), .chip_ink = RGB (0x1f1f1f),
    .cell_border = RGBA (0x000000, 0.0), .border_width = 0, .hatch_width = 1.2,
    .ink_backing = FALSE, .recede = 0.62, .min_contrast = 3.4,
    .focus = RGB (0x3584e4), .focus_inner = RGBA (0x000000, 0.0),
  },
  [SRM_DIAGRAM_STYLE_DARK] = {
    .background = RGB (0x1e1e1e), .foreground = RGB (0xffffff), .secondary = RGB (0xb8b8b8),
    .band = RGBA (0xffffff, 0.05), .band_border = RGBA (0xffffff, 0.0),
    .customer = RGB (0xe69f00), .customer_ink = RGB (0x1a1a1a),
    .provider = RGB (0x0072b2), .provider_ink = RGB (0xffffff), .hatch = RGBA (0xffffff, 0.10),
    .chip = RGB (0x2e2e32), .chip_ink = RGB (0xffffff),
    .cell_border = RGBA (0x000000, 0.0), .border_width = 0, .hatch_width = 1.2,
    .ink_backing = FALSE, .recede = 0.62, .min_contrast = 3.4,
    .focus = RGB (0x78aeed), .focus_inner = RGBA (0x000000, 0.0),
  },
  [SRM_DIAGRAM_STYLE_CONTRAST] = {
    .background = RGB (0xffffff), .foreground = RGB (0x000000), .secondary = RGB (0x000000),
    .band = RGBA (0x000000, 0.0), .band_border = RGB (0x000000),
    .customer = RGB (0xe69f00), .customer_ink = RGB (0x000000),
    .provider = RGB (0x005a8f), .provider_ink = RGB (0xffffff), .hatch = RGBA (0xffffff, 0.16),
    .chip = RGB (0xffffff), .chip_ink = RGB (0x000000),
    .cell_border = RGB (0x000000), .border_width = 2.0, .hatch_width = 1.2,
    .ink_backing = FALSE, .recede = 0.35, .min_contrast = 4.7,
    .focus = RGB (0x000000), .focus_inner = RGB (0xffffff),
  },
  [SRM_DIAGRAM_STYLE_PRINT] = {
    .background = RGB (0xffffff), .foreground = RGB (0x000000), .secondary = RGB (0x333333),
    .band = RGBA (0x000000, 0.06), .band_border = RGBA (0x000000, 0.0),
    .customer = RGB (0xe69f00), .customer_ink = RGB (0x000000),
    .provider = RGB (0xffffff), .provider_ink = RGB (0x000000), .hatch = RGBA (0x0072b2, 0.75),
    .chip = RGB (0xffffff), .chip_ink = RGB (0x000000),
    .cell_border = RGBA (0x000000, 0.55), .border_width = 1.0, .hatch_width = 1.5,
    .ink_backing = TRUE, .recede = 0.5, .min_contrast = 4.5,
    .focus = RGB (0x3584e4), .focus_inner = RGBA (0x000000, 0.0),
  },
};

static const Palette *
get_palette (SrmDiagramStyle style)
{
  if ((guint) style >= G_N_ELEMENTS (palettes))
    style = SRM_DIAGRAM_STYLE_LIGHT;
  return &palettes[style];
}

void
srm_diagram_paint_background (SrmDiagramStyle  style,
                              SrmRgba         *color)
{
  *color = get_palette (style)->background;
}

/* ---- colour arithmetic ---- */

static SrmRgba
mix (SrmRgba a,
     SrmRgba b,
     double  t)
{
  return (SrmRgba) {
    a.red + (b.red - a.red) * t,
    a.green + (b.green - a.green) * t,
    a.blue + (b.blue - a.blue) * t,
    a.alpha + (b.alpha - a.alpha) * t,
  };
}

/* Receding: towards grey and towards the background, so the selection is what
 * the eye finds first. */
static SrmRgba
recede (const Palette *palette,
        SrmRgba        color,
        double         amount)
{
  double grey = 0.2126 * color.red + 0.7152 * color.green + 0.0722 * color.blue;
  SrmRgba desaturated = { grey, grey, grey, color.alpha };

  SrmRgba background = palette->background;

  if (amount <= 0)
    return color;
  /* Translucent colours (hatching, tints) keep their opacity. */
  background.alpha = color.alpha;
  color = mix (color, desaturated, 0.7 * amount);
  return mix (color, background, palette->recede * amount);
}

/* WCAG 2 relative luminance and contrast ratio. */
static double
channel_luminance (double c)
{
  return c <= 0.03928 ? c / 12.92 : pow ((c + 0.055) / 1.055, 2.4);
}

static double
luminance (SrmRgba c)
{
  return 0.2126 * channel_luminance (c.red) + 0.7152 * channel_luminance (c.green) +
         0.0722 * channel_luminance (c.blue);
}

static double
contrast_ratio (SrmRgba a,
                SrmRgba b)
{
  double la = luminance (a), lb = luminance (b);

  return (MAX (la, lb) + 0.05) / (MIN (la, lb) + 0.05);
}

/* @color over @under as it shows on screen. */
static SrmRgba
composite (SrmRgba color,
           SrmRgba under)
{
  SrmRgba out = mix (under, color, color.alpha);

  out.alpha = 1;
  return out;
}

/* @ink, moved towards black or white (whichever stands out more on @surface)
 * just far enough to reach the palette's contrast: receded words stay quiet
 * but readable from the back of a meeting room. */
static double
worst_contrast (SrmRgba        ink,
                SrmRgba        surface,
                const SrmRgba *stripes)
{
  double ratio = contrast_ratio (ink, surface);

  if (stripes != NULL)
    ratio = MIN (ratio, contrast_ratio (ink, composite (*stripes, surface)));
  return ratio;
}

/* @stripes: hatching over @surface the ink must also stand out on, or NULL. */
static SrmRgba
legible (const Palette *palette,
         SrmRgba        ink,
         SrmRgba        surface,
         const SrmRgba *stripes)
{
  SrmRgba black = { 0, 0, 0, 1 }, white = { 1, 1, 1, 1 }, pole;
  double lo = 0, hi = 1;

  surface = composite (surface, palette->background);
  ink = composite (ink, surface);
  if (worst_contrast (ink, surface, stripes) >= palette->min_contrast)
    return ink;

  pole = contrast_ratio (black, surface) >= contrast_ratio (white, surface) ? black : white;
  for (guint i = 0; i < 10; i++)
    {
      double t = (lo + hi) / 2;

      if (worst_contrast (mix (ink, pole, t), surface, stripes) >= palette->min_contrast)
        hi = t;
      else
        lo = t;
    }
  return mix (ink, pole, hi);
}

static void
set_color (cairo_t *cr,
           SrmRgba  color)
{
  cairo_set_source_rgba (cr, color.red, color.green, color.blue, color.alpha);
}

/* ---- emphasis ---- */

static gboolean
has_highlight (SrmDiagramLayout *layout)
{
  for (guint i = 0; i < layout->columns->len; i++)
    if (g_array_index (layout->columns, SrmDiagramColumn, i).highlighted)
      return TRUE;
  return FALSE;
}

/* How far the cell at (@row, @column) recedes; either may be -1. */
static double
fade_of (SrmDiagramLayout           *layout,
         const SrmDiagramPaintState *state,
         int                         row,
         int                         column)
{
  double fade = 0;

  if (column >= 0 && has_highlight (layout) &&
      !g_array_index (layout->columns, SrmDiagramColumn, column).highlighted)
    fade = CLAMP (state->progress, 0, 1);
  if (row >= 0 && !g_array_index (layout->rows, SrmDiagramRow, row).spotlit)
    fade = 1;
  return fade;
}

/* ---- shapes ---- */

static void
rounded_rect (cairo_t                 *cr,
              const cairo_rectangle_t *r,
              double                   radius)
{
  radius = MIN (radius, MIN (r->width, r->height) / 2);
  cairo_new_sub_path (cr);
  cairo_arc (cr, r->x + r->width - radius, r->y + radius, radius, -G_PI / 2, 0);
  cairo_arc (cr, r->x + r->width - radius, r->y + r->height - radius, radius, 0, G_PI / 2);
  cairo_arc (cr, r->x + radius, r->y + r->height - radius, radius, G_PI / 2, G_PI);
  cairo_arc (cr, r->x + radius, r->y + radius, radius, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

static cairo_rectangle_t
inflate (const cairo_rectangle_t *r,
         double                   by)
{
  return (cairo_rectangle_t) { r->x - by, r->y - by, r->width + 2 * by, r->height + 2 * by };
}

static void
person_path (cairo_t                 *cr,
             const cairo_rectangle_t *r)
{
  double s = r->width, cx = r->x + s / 2;

  cairo_new_sub_path (cr);
  cairo_arc (cr, cx, r->y + 0.27 * s, 0.21 * s, 0, 2 * G_PI);
  cairo_close_path (cr);
  /* Shoulders: the top half of an ellipse, closed along the bottom. */
  cairo_save (cr);
  cairo_translate (cr, cx, r->y + 0.98 * s);
  cairo_scale (cr, 0.4 * s, 0.44 * s);
  cairo_new_sub_path (cr);
  cairo_arc (cr, 0, 0, 1, G_PI, 2 * G_PI);
  cairo_close_path (cr);
  cairo_restore (cr);
}

static void
cloud_path (cairo_t                 *cr,
            const cairo_rectangle_t *r)
{
  double s = r->width, x = r->x, y = r->y;

  /* All sub-paths clockwise so the winding rule fills their union. */
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + 0.3 * s, y + 0.6 * s, 0.2 * s, 0, 2 * G_PI);
  cairo_close_path (cr);
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + 0.54 * s, y + 0.47 * s, 0.26 * s, 0, 2 * G_PI);
  cairo_close_path (cr);
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + 0.76 * s, y + 0.63 * s, 0.17 * s, 0, 2 * G_PI);
  cairo_close_path (cr);
  cairo_rectangle (cr, x + 0.3 * s, y + 0.6 * s, 0.46 * s, 0.2 * s);
}

/* Bitmap tiles narrower than this are widened (see hatch_pattern). */
#define HATCH_MIN_TILE 64.0

/* Stripes rising to the right as a repeating tile anchored to the canvas, so
 * neighbouring cells line up and a fill needs no clip. Vector targets get a
 * recording-surface tile so SVG and PDF stay sharp; image targets a bitmap at
 * device resolution, which is what keeps a full-screen frame fast. */
static cairo_pattern_t *
hatch_pattern (cairo_t *cr,
               SrmRgba  color,
               double   spacing,
               double   width)
{
  cairo_surface_t *target = cairo_get_target (cr);
  double dx = 1, dy = 0, scale, size, tile_scale;
  cairo_surface_t *tile;
  cairo_pattern_t *pattern;
  cairo_matrix_t matrix;
  cairo_t *tile_cr;

  cairo_user_to_device_distance (cr, &dx, &dy);
  scale = MAX (0.01, hypot (dx, dy));

  if (cairo_surface_get_type (target) == CAIRO_SURFACE_TYPE_IMAGE)
    {
      /* Whole device pixels, so the tile maps 1:1 and pixman takes its fast path. */
      size = MAX (2, round (spacing * scale));
      tile_scale = scale;
      tile = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) size, (int) size);
    }
  else
    {
      cairo_rectangle_t extents = { 0, 0, spacing, spacing };

      size = spacing;
      tile_scale = 1;
      tile = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, &extents);
    }

  tile_cr = cairo_create (tile);
  set_color (tile_cr, color);
  cairo_set_line_width (tile_cr, width * tile_scale);
  cairo_set_line_cap (tile_cr, CAIRO_LINE_CAP_SQUARE);
  /* The diagonal and its two corner neighbours, so the tile repeats seamlessly. */
  cairo_move_to (tile_cr, 0, size);
  cairo_line_to (tile_cr, size, 0);
  cairo_move_to (tile_cr, -size / 2, size / 2);
  cairo_line_to (tile_cr, size / 2, -size / 2);
  cairo_move_to (tile_cr, size / 2, size * 1.5);
  cairo_line_to (tile_cr, size * 1.5, size / 2);
  cairo_stroke (tile_cr);
  cairo_destroy (tile_cr);

  if (cairo_surface_get_type (tile) == CAIRO_SURFACE_TYPE_IMAGE && size < HATCH_MIN_TILE)
    {
      /* pixman repeats a narrow tile a few pixels at a time; copies of the
       * tile side by side (whole pixels, so every pixel is the same) let it
       * composite long runs. */
      int n = (int) ceil (HATCH_MIN_TILE / size);
      cairo_surface_t *wide = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, n * (int) size, n * (int) size);
      cairo_pattern_t *small = cairo_pattern_create_for_surface (tile);

      tile_cr = cairo_create (wide);
      cairo_pattern_set_extend (small, CAIRO_EXTEND_REPEAT);
      cairo_set_source (tile_cr, small);
      cairo_set_operator (tile_cr, CAIRO_OPERATOR_SOURCE);
      cairo_paint (tile_cr);
      cairo_destroy (tile_cr);
      cairo_pattern_destroy (small);
      cairo_surface_destroy (tile);
      tile = wide;
    }

  pattern = cairo_pattern_create_for_surface (tile);
  cairo_surface_destroy (tile);
  cairo_pattern_set_extend (pattern, CAIRO_EXTEND_REPEAT);
  cairo_matrix_init_scale (&matrix, tile_scale, tile_scale);
  cairo_pattern_set_matrix (pattern, &matrix);
  if (tile_scale != 1)
    cairo_pattern_set_filter (pattern, CAIRO_FILTER_GOOD);

  return pattern;
}

/* Hatch tiles made during one frame, by colour: receded columns share one,
 * bright ones another, so a frame makes a handful instead of one per cell. */
#define N_HATCH_TILES 6

typedef struct {
  guint            n;
  SrmRgba          color[N_HATCH_TILES];
  cairo_pattern_t *pattern[N_HATCH_TILES];
} HatchCache;

static void
hatch_cache_clear (HatchCache *cache)
{
  for (guint i = 0; i < cache->n; i++)
    cairo_pattern_destroy (cache->pattern[i]);
  cache->n = 0;
}

static void
hatch (cairo_t                 *cr,
       HatchCache              *cache,
       SrmRgba                  color,
       double                   spacing,
       double                   width)
{
  cairo_pattern_t *pattern = NULL;

  /* Spacing and width are the same for the whole frame. */
  for (guint i = 0; i < cache->n && pattern == NULL; i++)
    if (memcmp (&cache->color[i], &color, sizeof color) == 0)
      pattern = cache->pattern[i];

  if (pattern == NULL)
    {
      pattern = hatch_pattern (cr, color, spacing, width);
      if (cache->n == N_HATCH_TILES)
        {
          cairo_pattern_destroy (cache->pattern[0]);
          memmove (&cache->color[0], &cache->color[1], (N_HATCH_TILES - 1) * sizeof cache->color[0]);
          memmove (&cache->pattern[0], &cache->pattern[1], (N_HATCH_TILES - 1) * sizeof cache->pattern[0]);
          cache->n--;
        }
      cache->color[cache->n] = color;
      cache->pattern[cache->n] = pattern;
      cache->n++;
    }

  cairo_set_source (cr, pattern);
  cairo_fill_preserve (cr);
}

/* Where the line from corner @a in direction @d enters the circle (@c, @radius)
 * that rounds that corner; the corner itself when it is not rounded. */
static void
enter_corner (double  ax,
              double  ay,
              double  dx,
              double  dy,
              double  cx,
              double  cy,
              double  radius,
              double *px,
              double *py)
{
  double ex = ax - cx, ey = ay - cy;
  double a = dx * dx + dy * dy, b = ex * dx + ey * dy, c = ex * ex + ey * ey - radius * radius;
  double disc = b * b - a * c, t = 0;

  if (a > 0 && disc >= 0)
    t = MAX (0, (-b - sqrt (disc)) / a);
  *px = ax + t * dx;
  *py = ay + t * dy;
}

/* The part of the rounded rectangle @r above its diagonal from bottom-left to
 * top-right, as a path rather than a clip: a clip costs a mask per cell. The
 * diagonal meets the rounded corners on their arcs. */
static void
customer_half_path (cairo_t                 *cr,
                    const cairo_rectangle_t *r,
                    double                   radius)
{
  double x = r->x, y = r->y, w = r->width, h = r->height;
  double x1, y1, x2, y2;

  radius = MIN (radius, MIN (w, h) / 2);
  enter_corner (x, y + h, w, -h, x + radius, y + h - radius, radius, &x1, &y1);
  enter_corner (x + w, y, -w, h, x + w - radius, y + radius, radius, &x2, &y2);

  cairo_new_path (cr);
  if (radius > 0)
    cairo_arc (cr, x + radius, y + h - radius, radius, atan2 (y1 - (y + h - radius), x1 - (x + radius)), G_PI);
  else
    cairo_move_to (cr, x1, y1);
  cairo_arc (cr, x + radius, y + radius, radius, G_PI, 3 * G_PI / 2);
  if (radius > 0)
    cairo_arc (cr, x + w - radius, y + radius, radius, -G_PI / 2, atan2 (y2 - (y + radius), x2 - (x + w - radius)));
  else
    cairo_line_to (cr, x2, y2);
  cairo_close_path (cr);
}

/* Fills the rounded rectangle @r, whose path is already set, for @owner. */
static void
fill_owner (cairo_t                 *cr,
            HatchCache              *cache,
            SrmDiagramLayout        *layout,
            const Palette           *palette,
            const cairo_rectangle_t *r,
            double                   radius,
            SrmOwner                 owner,
            double                   fade)
{
  double f = layout->font_size;

  if (owner == SRM_OWNER_CUSTOMER)
    {
      set_color (cr, recede (palette, palette->customer, fade));
      cairo_fill (cr);
      return;
    }

  set_color (cr, recede (palette, palette->provider, fade));
  cairo_fill_preserve (cr);
  hatch (cr, cache, recede (palette, palette->hatch, fade), MAX (4, 0.42 * f),
         palette->hatch_width * layout->line_width);

  if (owner == SRM_OWNER_SHARED)
    {
      /* The customer's half: above the diagonal from bottom-left to top-right. */
      customer_half_path (cr, r, radius);
      set_color (cr, recede (palette, palette->customer, fade));
      cairo_fill (cr);
    }
  cairo_new_path (cr);
}

/* "Differs from its model": a round badge with "≠" in the top-right corner of
 * @r, in the ink that stands out most from cells of either owner (dark on
 * light themes, light on dark ones), ringed in the background colour so it
 * lifts off the hatching. The legend draws the same badge on its swatch. */
static void
override_mark (cairo_t                 *cr,
               SrmDiagramLayout        *layout,
               const Palette           *palette,
               const cairo_rectangle_t *r,
               double                   fade)
{
  double f = layout->font_size;
  double d = srm_diagram_override_badge_size (f, r);
  double inset = srm_diagram_override_badge_inset (f, r);
  double cx = r->x + r->width - inset - d / 2, cy = r->y + inset + d / 2;
  double ring = MAX (1, 0.9 * layout->line_width);
  double bar = d * 0.26, stroke = MAX (1, d * 0.1);
  SrmRgba fill = recede (palette, palette->foreground, fade * 0.6);

  cairo_save (cr);
  cairo_new_path (cr);
  cairo_arc (cr, cx, cy, d / 2 - ring / 2, 0, 2 * G_PI);
  set_color (cr, fill);
  cairo_fill_preserve (cr);
  set_color (cr, palette->background);
  cairo_set_line_width (cr, ring);
  cairo_stroke (cr);

  /* "≠" as strokes: no font needed, crisp at any size. */
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_width (cr, stroke);
  cairo_move_to (cr, cx - bar, cy - d * 0.1);
  cairo_line_to (cr, cx + bar, cy - d * 0.1);
  cairo_move_to (cr, cx - bar, cy + d * 0.1);
  cairo_line_to (cr, cx + bar, cy + d * 0.1);
  cairo_move_to (cr, cx + bar * 0.55, cy - d * 0.27);
  cairo_line_to (cr, cx - bar * 0.55, cy + d * 0.27);
  set_color (cr, legible (palette, palette->background, fill, NULL));
  cairo_stroke (cr);
  cairo_restore (cr);
}

static void
stroke_border (cairo_t                 *cr,
               SrmDiagramLayout        *layout,
               const Palette           *palette,
               const cairo_rectangle_t *r,
               double                   fade)
{
  double width = palette->border_width * layout->line_width;
  cairo_rectangle_t inner;

  if (width <= 0)
    return;
  /* Inside the cell, so borders never eat the gutters. */
  inner = inflate (r, -width / 2);
  rounded_rect (cr, &inner, layout->radius - width / 2);
  set_color (cr, recede (palette, palette->cell_border, fade * 0.5));
  cairo_set_line_width (cr, width);
  cairo_stroke (cr);
}

/* ---- parts ---- */

static void
paint_bands (cairo_t          *cr,
             SrmDiagramLayout *layout,
             const Palette    *palette)
{
  for (guint i = 0; i < layout->bands->len; i++)
    {
      const SrmDiagramBand *band = &g_array_index (layout->bands, SrmDiagramBand, i);

      rounded_rect (cr, &band->rect, layout->radius * 1.6);
      set_color (cr, palette->band);
      cairo_fill_preserve (cr);
      set_color (cr, palette->band_border);
      cairo_set_line_width (cr, layout->line_width);
      cairo_stroke (cr);
    }
}

/* A highlighted column's outline: its header and its cells. */
static cairo_rectangle_t
column_frame_rect (const SrmDiagramColumn *column)
{
  cairo_rectangle_t r = column->rect;

  r.y = column->header_rect.y;
  r.height = column->rect.y + column->rect.height - r.y;
  return r;
}

static void
paint_column_frames (cairo_t                    *cr,
                     SrmDiagramLayout           *layout,
                     const Palette              *palette,
                     const SrmDiagramPaintState *state)
{
  double p = CLAMP (state->progress, 0, 1);

  if (p <= 0)
    return;

  for (guint i = 0; i < layout->columns->len; i++)
    {
      const SrmDiagramColumn *column = &g_array_index (layout->columns, SrmDiagramColumn, i);
      cairo_rectangle_t r;
      SrmRgba color = palette->foreground;

      if (!column->highlighted)
        continue;

      r = column_frame_rect (column);
      rounded_rect (cr, &r, layout->radius * 1.5);
      color.alpha = 0.06 * p;
      set_color (cr, color);
      cairo_fill_preserve (cr);
      color.alpha = p;
      set_color (cr, color);
      cairo_set_line_width (cr, MAX (2, 0.09 * layout->font_size));
      cairo_stroke (cr);
    }
}

/* Whether (@row, @column) is a cell of @layout: what is drawn there belongs
 * to that cell and stays inside it. */
static gboolean
in_cell (SrmDiagramLayout *layout,
         int               row,
         int               column)
{
  return row >= 0 && column >= 0 && (guint) row < layout->rows->len && (guint) column < layout->columns->len;
}

/* The hover or press tint over a cell; 0: none. */
static double
cell_tint (const SrmDiagramCell       *cell,
           const SrmDiagramPaintState *state)
{
  if ((int) cell->row == state->pressed_row && (int) cell->column == state->pressed_column)
    return 0.18;
  if ((int) cell->row == state->hover_row && (int) cell->column == state->hover_column)
    return 0.09;
  return 0;
}

static void
paint_cell (cairo_t                    *cr,
            HatchCache                 *cache,
            SrmDiagramLayout           *layout,
            const Palette              *palette,
            const SrmDiagramPaintState *state,
            const SrmDiagramCell       *cell)
{
  double fade = fade_of (layout, state, cell->row, cell->column);
  double tint = cell_tint (cell, state);

  rounded_rect (cr, &cell->rect, layout->radius);
  fill_owner (cr, cache, layout, palette, &cell->rect, layout->radius, cell->owner, fade);

  if (tint > 0)
    {
      SrmRgba color = palette->foreground;

      color.alpha = tint;
      rounded_rect (cr, &cell->rect, layout->radius);
      set_color (cr, color);
      cairo_fill (cr);
    }

  stroke_border (cr, layout, palette, &cell->rect, fade);
  if (cell->is_override)
    override_mark (cr, layout, palette, &cell->rect, fade);
}

static void
paint_cells (cairo_t                    *cr,
             HatchCache                 *cache,
             SrmDiagramLayout           *layout,
             const Palette              *palette,
             const SrmDiagramPaintState *state)
{
  for (guint i = 0; i < layout->cells->len; i++)
    paint_cell (cr, cache, layout, palette, state, &g_array_index (layout->cells, SrmDiagramCell, i));
}

static void
paint_swatches (cairo_t          *cr,
                HatchCache       *cache,
                SrmDiagramLayout *layout,
                const Palette    *palette)
{
  for (guint i = 0; i < layout->swatches->len; i++)
    {
      const SrmDiagramSwatch *swatch = &g_array_index (layout->swatches, SrmDiagramSwatch, i);
      double radius = layout->radius * 0.7;

      rounded_rect (cr, &swatch->rect, radius);
      if (swatch->kind == SRM_SWATCH_OVERRIDE)
        {
          SrmRgba neutral = mix (palette->background, palette->foreground, 0.2);

          set_color (cr, neutral);
          cairo_fill (cr);
          override_mark (cr, layout, palette, &swatch->rect, 0);
        }
      else
        fill_owner (cr, cache, layout, palette, &swatch->rect, radius, (SrmOwner) swatch->kind, 0);
      stroke_border (cr, layout, palette, &swatch->rect, 0);
    }
}

static void
paint_pill (cairo_t                    *cr,
            SrmDiagramLayout           *layout,
            const Palette              *palette,
            const SrmDiagramPaintState *state,
            const SrmDiagramPill       *pill)
{
  double fade = fade_of (layout, state, pill->row, pill->column);
  SrmRgba fill;

  rounded_rect (cr, &pill->rect, pill->rect.height / 2);
  if (pill->row >= 0)
    {
      /* The "Shared" chip on a split cell. */
      fill = recede (palette, palette->chip, fade);
    }
  else
    {
      /* A model badge under a service's name. */
      fill = palette->foreground;
      fill.alpha = 0.12;
      fill = recede (palette, fill, fade);
    }
  set_color (cr, fill);
  cairo_fill_preserve (cr);
  if (palette->border_width > 0)
    {
      set_color (cr, palette->cell_border);
      cairo_set_line_width (cr, layout->line_width);
      cairo_stroke_preserve (cr);
    }
  cairo_new_path (cr);
}

/* @skip_cells: all but those in cells, which their tiles drew. */
static void
paint_pills (cairo_t                    *cr,
             SrmDiagramLayout           *layout,
             const Palette              *palette,
             const SrmDiagramPaintState *state,
             gboolean                    skip_cells)
{
  for (guint i = 0; i < layout->pills->len; i++)
    {
      const SrmDiagramPill *pill = &g_array_index (layout->pills, SrmDiagramPill, i);

      if (!skip_cells || !in_cell (layout, pill->row, pill->column))
        paint_pill (cr, layout, palette, state, pill);
    }
}

/* A comparison's marks in the foreground colour, the one that stands out from
 * both owner colours and survives greyscale: rings with a halo of background
 * so they lift off any cell, and badges for the numbers of the list. Gaps are
 * quiet: dashed, in the band colour, so an absent row reads as absent. */
static void
paint_marks (cairo_t          *cr,
             SrmDiagramLayout *layout,
             const Palette    *palette,
             SrmMarkKind       kind)
{
  double width = MAX (2.5, 0.14 * layout->font_size);

  for (guint i = 0; i < layout->marks->len; i++)
    {
      const SrmDiagramMark *mark = &g_array_index (layout->marks, SrmDiagramMark, i);
      cairo_rectangle_t r;

      if (mark->kind != kind)
        continue;

      switch (kind)
        {
        case SRM_MARK_RING:
          r = inflate (&mark->rect, width * 0.35);
          rounded_rect (cr, &r, layout->radius + width * 0.35);
          set_color (cr, palette->background);
          cairo_set_line_width (cr, width * 1.1);
          cairo_stroke (cr);
          r = inflate (&mark->rect, width * 0.9);
          rounded_rect (cr, &r, layout->radius + width * 0.9);
          set_color (cr, palette->foreground);
          cairo_set_line_width (cr, width);
          cairo_stroke (cr);
          break;

        case SRM_MARK_GAP:
          {
            double dash[] = { 2.2 * layout->line_width * 3, 1.6 * layout->line_width * 3 };
            SrmRgba edge = mix (palette->background, palette->foreground, 0.45);

            r = inflate (&mark->rect, -layout->line_width);
            rounded_rect (cr, &r, layout->radius);
            set_color (cr, palette->band);
            cairo_fill_preserve (cr);
            set_color (cr, edge);
            cairo_set_line_width (cr, MAX (1.5, 1.5 * layout->line_width));
            cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), 0);
            cairo_stroke (cr);
            cairo_set_dash (cr, NULL, 0, 0);
          }
          break;

        case SRM_MARK_BADGE:
        default:
          r = mark->rect;
          rounded_rect (cr, &r, r.height / 2);
          set_color (cr, palette->foreground);
          cairo_fill_preserve (cr);
          set_color (cr, palette->background);
          cairo_set_line_width (cr, MAX (1.5, 1.2 * layout->line_width));
          cairo_stroke (cr);
          break;
        }
    }
}

static SrmRgba
ink_on (const Palette *palette,
        SrmInkSurface  on,
        double         fade)
{
  SrmRgba ink, surface, faded, stripes;
  gboolean hatched = FALSE;

  switch ((int) on)
    {
    case SRM_ON_CUSTOMER:
      ink = palette->customer_ink;
      surface = palette->customer;
      break;
    case SRM_ON_PROVIDER:
      ink = palette->provider_ink;
      surface = palette->ink_backing ? palette->chip : palette->provider;
      hatched = !palette->ink_backing;
      break;
    default:
      ink = palette->chip_ink;
      surface = palette->chip;
      break;
    }

  if (fade <= 0)
    return ink;

  /* A receded cell's words turn into a deeper shade of its faded fill: quiet,
   * but still legible whatever the ink was. */
  surface = recede (palette, surface, fade);
  faded = mix (surface, palette->foreground, 0.5);
  stripes = recede (palette, palette->hatch, fade);
  return legible (palette, mix (ink, faded, fade), surface, hatched ? &stripes : NULL);
}

static void
paint_glyph (cairo_t                    *cr,
             SrmDiagramLayout           *layout,
             const Palette              *palette,
             const SrmDiagramPaintState *state,
             const SrmDiagramGlyph      *glyph)
{
  double fade = fade_of (layout, state, glyph->row, glyph->column);

  if (palette->ink_backing && glyph->on == SRM_ON_PROVIDER)
    {
      cairo_rectangle_t back = inflate (&glyph->rect, glyph->rect.width * 0.14);

      rounded_rect (cr, &back, back.width / 2);
      set_color (cr, palette->chip);
      cairo_fill (cr);
    }

  if (glyph->kind == SRM_GLYPH_PERSON)
    person_path (cr, &glyph->rect);
  else
    cloud_path (cr, &glyph->rect);
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_WINDING);
  set_color (cr, ink_on (palette, glyph->on, fade));
  cairo_fill (cr);
}

static void
paint_glyphs (cairo_t                    *cr,
              SrmDiagramLayout           *layout,
              const Palette              *palette,
              const SrmDiagramPaintState *state,
              gboolean                    skip_cells)
{
  for (guint i = 0; i < layout->glyphs->len; i++)
    {
      const SrmDiagramGlyph *glyph = &g_array_index (layout->glyphs, SrmDiagramGlyph, i);

      if (!skip_cells || !in_cell (layout, glyph->row, glyph->column))
        paint_glyph (cr, layout, palette, state, glyph);
    }
}

void
srm_diagram_paint_text_color (SrmDiagramLayout           *layout,
                              const SrmDiagramTextItem   *item,
                              const SrmDiagramPaintState *state,
                              SrmRgba                    *color)
{
  const Palette *palette = get_palette (state->style);
  double fade = fade_of (layout, state, item->row, item->column);
  SrmRgba ink, surface = palette->background;

  switch (item->role)
    {
    case SRM_TEXT_BAND:
      ink = palette->secondary;
      surface = composite (palette->band, palette->background);
      break;
    case SRM_TEXT_BADGE:
      ink = palette->foreground;
      surface = palette->foreground;
      surface.alpha = 0.12;
      surface = composite (recede (palette, surface, fade), palette->background);
      break;
    case SRM_TEXT_CELL:
      *color = ink_on (palette, item->on, fade);
      return;
    case SRM_TEXT_MARK:
      *color = palette->background;
      return;
    case SRM_TEXT_GAP:
      ink = palette->secondary;
      surface = composite (palette->band, palette->background);
      break;
    case SRM_TEXT_TITLE:
    case SRM_TEXT_SUMMARY:
    case SRM_TEXT_ROW_LABEL:
    case SRM_TEXT_HEADER:
    case SRM_TEXT_LEGEND:
    default:
      ink = palette->foreground;
      break;
    }

  *color = fade > 0 ? legible (palette, recede (palette, ink, fade), surface, NULL) : ink;
}

/* On paper, words on hatching sit on a plain backing so they stay crisp. */
static void
paint_text_backing (cairo_t                  *cr,
                    SrmDiagramLayout         *layout,
                    const Palette            *palette,
                    const SrmDiagramTextItem *item)
{
  cairo_rectangle_t back;

  if (!palette->ink_backing || item->on != SRM_ON_PROVIDER)
    return;
  back = inflate (&item->public.rect, 0.12 * layout->font_size);
  rounded_rect (cr, &back, layout->radius * 0.6);
  set_color (cr, palette->chip);
  cairo_fill (cr);
}

static void
paint_text_backings (cairo_t          *cr,
                     SrmDiagramLayout *layout,
                     const Palette    *palette,
                     gboolean          skip_cells)
{
  for (guint i = 0; i < layout->texts->len; i++)
    {
      const SrmDiagramTextItem *item = g_ptr_array_index (layout->texts, i);

      if (!skip_cells || !in_cell (layout, item->row, item->column))
        paint_text_backing (cr, layout, palette, item);
    }
}

static void
paint_text (cairo_t                    *cr,
            SrmDiagramLayout           *layout,
            const SrmDiagramPaintState *state,
            const SrmDiagramTextItem   *item)
{
  SrmRgba color;

  srm_diagram_paint_text_color (layout, item, state, &color);
  set_color (cr, color);
  cairo_save (cr);
  cairo_translate (cr, item->x, item->y);
  cairo_scale (cr, srm_diagram_text_scale (item->layout), srm_diagram_text_scale (item->layout));
  cairo_move_to (cr, 0, 0);
  pango_cairo_show_layout (cr, item->layout);
  cairo_restore (cr);
}

static void
paint_texts (cairo_t                    *cr,
             SrmDiagramLayout           *layout,
             const SrmDiagramPaintState *state,
             gboolean                    skip_cells)
{
  for (guint i = 0; i < layout->texts->len; i++)
    {
      const SrmDiagramTextItem *item = g_ptr_array_index (layout->texts, i);

      if (!skip_cells || !in_cell (layout, item->row, item->column))
        paint_text (cr, layout, state, item);
    }
}

/* The keyboard focus: an accent-coloured ring just outside the cell, unlike
 * the foreground outline of a highlighted column; in high contrast a black
 * ring with a white one inside it, which shows on any fill. */
static void
paint_focus (cairo_t                    *cr,
             SrmDiagramLayout           *layout,
             const Palette              *palette,
             const SrmDiagramPaintState *state)
{
  const SrmDiagramCell *cell;
  double width = MAX (3, 0.12 * layout->font_size);
  double offset = MAX (1, 0.05 * layout->font_size);
  cairo_rectangle_t ring;

  if (state->focus_row < 0 || state->focus_column < 0 ||
      (guint) state->focus_row >= layout->rows->len ||
      (guint) state->focus_column >= layout->columns->len)
    return;

  cell = srm_diagram_layout_get_cell (layout, state->focus_row, state->focus_column);

  if (palette->focus_inner.alpha > 0)
    {
      double inner = MAX (2, 0.6 * width);

      ring = inflate (&cell->rect, inner / 2);
      rounded_rect (cr, &ring, layout->radius + inner / 2);
      set_color (cr, palette->focus_inner);
      cairo_set_line_width (cr, inner);
      cairo_stroke (cr);
      offset = inner;
      width *= 1.2;
    }

  ring = inflate (&cell->rect, offset + width / 2);
  rounded_rect (cr, &ring, layout->radius + offset + width / 2);
  set_color (cr, palette->focus);
  cairo_set_line_width (cr, width);
  cairo_stroke (cr);
}

/* ---- tiles: pre-rendered pieces for raster targets ---- */

/* On an image surface, srm_diagram_paint_with_tiles () draws the background
 * (canvas, bands, column frames) and each cell with what sits in it from
 * images kept in an SrmTileCache, made by the same drawing code into an image
 * that is the target moved by whole device pixels: every shape, stripe and
 * glyph falls on the same pixel fractions, so the picture is the one drawn
 * directly but for rounding at a cell's antialiased edge (an edge pixel is
 * blended onto the background in one step instead of several). */

/* What one cell holds besides its fill. The geometry puts at most two glyphs,
 * one "Shared" chip and one word in a cell; a layout with more is not tiled. */
#define TILE_MAX_GLYPHS 2
#define TILE_MAX_PILLS  1
#define TILE_MAX_TEXTS  1
/* Bands and highlighted columns a background key holds; more: not tiled. */
#define TILE_MAX_BANDS  12
#define TILE_MAX_FRAMES 16

typedef struct {
  guint    glyphs[TILE_MAX_GLYPHS], n_glyphs;
  guint    pills[TILE_MAX_PILLS], n_pills;
  guint    texts[TILE_MAX_TEXTS], n_texts;
} CellItems;

/* Where a frame goes and how it is drawn, shared by all its tiles. Keys are
 * compared byte for byte: each is zeroed before it is filled, and its fields
 * are ordered so that none leaves padding. */
typedef struct {
  cairo_matrix_t matrix;            /* the target's user to device transform ... */
  double         device_scale[2];   /* ... and its surface's own */
  double         device_offset[2];
  double         tolerance;
  double         width, height;
  double         font_size, radius, line_width;
  int            style, antialias;
} TileFrame;

/* Everything that decides a cell's pixels. It holds the cell's place on the
 * target, not just its size: a layout puts cells at fractional positions, so
 * two cells seldom rasterise alike anyway, and a tile for this very place is
 * what drawing here directly would give. Words are held by their PangoLayout:
 * the painter's text cache gives the same one back for the same words when
 * the geometry is rebuilt, and the tile cache keeps a reference to it so no
 * other layout can take its address. */
typedef struct {
  TileFrame         frame;
  double            fade, tint;
  cairo_rectangle_t rect;
  SrmDiagramGlyph   glyphs[TILE_MAX_GLYPHS];
  SrmDiagramPill    pills[TILE_MAX_PILLS];
  struct {                           /* their colour follows from role, on, fade and style */
    PangoLayout      *layout;
    cairo_rectangle_t rect;
    double            x, y;
    SrmInkSurface     on;
    int               role;
  } texts[TILE_MAX_TEXTS];
  int               owner, is_override;
  guint             n_glyphs, n_pills;
  guint             n_texts, padding;
} CellKey;

/* Everything that decides the background's pixels. */
typedef struct {
  TileFrame         frame;
  double            progress;
  cairo_rectangle_t bands[TILE_MAX_BANDS];
  cairo_rectangle_t frames[TILE_MAX_FRAMES];
  guint             n_bands, n_frames;
} BackgroundKey;

/* The cache tells keys apart by their size. */
G_STATIC_ASSERT (sizeof (CellKey) != sizeof (BackgroundKey));

typedef void (*TilePaintFunc) (cairo_t *cr,
                               gpointer data);

/* Tiles are for image targets only: vector targets (SVG, PDF, and recording
 * surfaces, which GTK replays at a scale unknown here) keep their shapes and
 * text. A clip that is not whole pixels would cut a tile where it cuts each
 * shape, which is not the same, and comparison marks overlap cells: both are
 * drawn directly too. */
static gboolean
can_tile (cairo_t          *cr,
          SrmDiagramLayout *layout)
{
  cairo_surface_t *target = cairo_get_target (cr);
  cairo_rectangle_list_t *clip;
  gboolean whole_pixels;

  if (cairo_surface_get_type (target) != CAIRO_SURFACE_TYPE_IMAGE ||
      cairo_get_group_target (cr) != target ||
      cairo_get_operator (cr) != CAIRO_OPERATOR_OVER ||
      layout->marks->len > 0)
    return FALSE;

  /* cairo lists the clip as rectangles only when they are whole pixels. */
  clip = cairo_copy_clip_rectangle_list (cr);
  whole_pixels = clip->status == CAIRO_STATUS_SUCCESS;
  cairo_rectangle_list_destroy (clip);
  return whole_pixels;
}

/* Which glyphs, chips and words sit in each cell (row by row); FALSE when a
 * cell holds more than a key does. */
static gboolean
index_cell_items (SrmDiagramLayout *layout,
                  CellItems        *items)
{
  guint n_columns = layout->columns->len;

  for (guint i = 0; i < layout->glyphs->len; i++)
    {
      const SrmDiagramGlyph *glyph = &g_array_index (layout->glyphs, SrmDiagramGlyph, i);
      CellItems *cell;

      if (!in_cell (layout, glyph->row, glyph->column))
        continue;
      cell = &items[glyph->row * n_columns + glyph->column];
      if (cell->n_glyphs == TILE_MAX_GLYPHS)
        return FALSE;
      cell->glyphs[cell->n_glyphs++] = i;
    }

  for (guint i = 0; i < layout->pills->len; i++)
    {
      const SrmDiagramPill *pill = &g_array_index (layout->pills, SrmDiagramPill, i);
      CellItems *cell;

      if (!in_cell (layout, pill->row, pill->column))
        continue;
      cell = &items[pill->row * n_columns + pill->column];
      if (cell->n_pills == TILE_MAX_PILLS)
        return FALSE;
      cell->pills[cell->n_pills++] = i;
    }

  for (guint i = 0; i < layout->texts->len; i++)
    {
      const SrmDiagramTextItem *item = g_ptr_array_index (layout->texts, i);
      CellItems *cell;

      if (!in_cell (layout, item->row, item->column))
        continue;
      cell = &items[item->row * n_columns + item->column];
      if (cell->n_texts == TILE_MAX_TEXTS)
        return FALSE;
      cell->texts[cell->n_texts++] = i;
    }

  return TRUE;
}

static void
get_device_transform (cairo_t *cr,
                      double   scale[2],
                      double   offset[2])
{
  cairo_surface_t *target = cairo_get_target (cr);

  cairo_surface_get_device_scale (target, &scale[0], &scale[1]);
  cairo_surface_get_device_offset (target, &offset[0], &offset[1]);
}

static void
tile_frame_init (TileFrame                  *frame,
                 cairo_t                    *cr,
                 SrmDiagramLayout           *layout,
                 const SrmDiagramPaintState *state)
{
  memset (frame, 0, sizeof *frame);
  cairo_get_matrix (cr, &frame->matrix);
  get_device_transform (cr, frame->device_scale, frame->device_offset);
  frame->tolerance = cairo_get_tolerance (cr);
  frame->antialias = cairo_get_antialias (cr);
  frame->width = layout->width;
  frame->height = layout->height;
  frame->font_size = layout->font_size;
  frame->radius = layout->radius;
  frame->line_width = layout->line_width;
  frame->style = state->style;
}

/* The target's pixel at user (@x, @y): cairo_user_to_device () leaves out the
 * surface's own device scale and offset. */
static void
user_to_pixel (cairo_t *cr,
               double  *x,
               double  *y)
{
  double scale[2], offset[2];

  get_device_transform (cr, scale, offset);
  cairo_user_to_device (cr, x, y);
  *x = *x * scale[0] + offset[0];
  *y = *y * scale[1] + offset[1];
}

/* The device pixels covering @r, and @margin more each side. */
static cairo_rectangle_int_t
device_extents (cairo_t                 *cr,
                const cairo_rectangle_t *r,
                int                      margin)
{
  double x0 = G_MAXDOUBLE, y0 = G_MAXDOUBLE, x1 = -G_MAXDOUBLE, y1 = -G_MAXDOUBLE;
  cairo_rectangle_int_t extents;

  for (guint corner = 0; corner < 4; corner++)
    {
      double x = r->x + (corner & 1 ? r->width : 0), y = r->y + (corner & 2 ? r->height : 0);

      user_to_pixel (cr, &x, &y);
      x0 = MIN (x0, x);
      y0 = MIN (y0, y);
      x1 = MAX (x1, x);
      y1 = MAX (y1, y);
    }

  extents.x = (int) floor (x0) - margin;
  extents.y = (int) floor (y0) - margin;
  extents.width = (int) ceil (x1) + margin - extents.x;
  extents.height = (int) ceil (y1) + margin - extents.y;
  return extents;
}

/* Paints @func into an image of the target's device pixels at @extents: the
 * same user space, device transform and settings as @cr. */
static cairo_surface_t *
render_tile (cairo_t                     *cr,
             const cairo_rectangle_int_t *extents,
             TilePaintFunc                func,
             gpointer                     data)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, extents->width, extents->height);
  double scale[2], offset[2];
  cairo_matrix_t matrix;
  cairo_t *tile_cr;

  get_device_transform (cr, scale, offset);
  cairo_surface_set_device_scale (surface, scale[0], scale[1]);
  cairo_surface_set_device_offset (surface, offset[0] - extents->x, offset[1] - extents->y);

  tile_cr = cairo_create (surface);
  cairo_get_matrix (cr, &matrix);
  cairo_set_matrix (tile_cr, &matrix);
  cairo_set_antialias (tile_cr, cairo_get_antialias (cr));
  cairo_set_tolerance (tile_cr, cairo_get_tolerance (cr));
  cairo_set_fill_rule (tile_cr, CAIRO_FILL_RULE_WINDING);
  cairo_set_line_join (tile_cr, CAIRO_LINE_JOIN_ROUND);
  func (tile_cr, data);
  cairo_destroy (tile_cr);
  cairo_surface_flush (surface);

  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    g_clear_pointer (&surface, cairo_surface_destroy);
  return surface;
}

/* @tile's image on the pixels it was made for: its device transform is the
 * target's moved by its position, so it lines up in the target's user space. */
static void
composite_tile (cairo_t          *cr,
                const SrmTile    *tile,
                cairo_operator_t  op)
{
  double scale[2], offset[2];

  get_device_transform (cr, scale, offset);
  cairo_save (cr);
  cairo_identity_matrix (cr);
  cairo_set_operator (cr, op);
  cairo_set_source_surface (cr, tile->surface, 0, 0);
  cairo_rectangle (cr, (tile->x - offset[0]) / scale[0], (tile->y - offset[1]) / scale[1],
                   cairo_image_surface_get_width (tile->surface) / scale[0],
                   cairo_image_surface_get_height (tile->surface) / scale[1]);
  cairo_fill (cr);
  cairo_restore (cr);
}

/* A tile gets its image the second frame that asks for it: a picture that
 * changes every frame (a window being resized) is drawn directly, and never
 * made into images it would not reuse. */
static gboolean
wants_image (const SrmTile *tile)
{
  return tile != NULL && tile->surface == NULL && tile->n_frames >= 2;
}

/* Gives @tile an image of @func at @extents if the budget allows. */
static void
make_image (cairo_t                     *cr,
            SrmTileCache                *tiles,
            SrmTile                     *tile,
            const cairo_rectangle_int_t *extents,
            TilePaintFunc                func,
            gpointer                     data)
{
  cairo_surface_t *surface;

  if (srm_tile_cache_has_room (tiles, (gsize) extents->width * extents->height * 4) &&
      (surface = render_tile (cr, extents, func, data)) != NULL &&
      !srm_tile_cache_store (tiles, tile, surface, extents->x, extents->y))
    cairo_surface_destroy (surface);
}

/* -- the background -- */

static void
paint_background (cairo_t                    *cr,
                  SrmDiagramLayout           *layout,
                  const Palette              *palette,
                  const SrmDiagramPaintState *state)
{
  set_color (cr, palette->background);
  cairo_rectangle (cr, 0, 0, layout->width, layout->height);
  cairo_fill (cr);

  paint_bands (cr, layout, palette);
  paint_column_frames (cr, layout, palette, state);
  paint_marks (cr, layout, palette, SRM_MARK_GAP);
}

typedef struct {
  SrmDiagramLayout           *layout;
  const Palette              *palette;
  const SrmDiagramPaintState *state;
} BackgroundJob;

static void
paint_background_job (cairo_t  *cr,
                      gpointer  data)
{
  BackgroundJob *job = data;

  paint_background (cr, job->layout, job->palette, job->state);
}

/* The background is opaque over the whole canvas, so its image replaces the
 * target's pixels outright (a copy, a fifth of the cost of blending it): only
 * when the canvas is whole device pixels, or its edge pixels would lose what
 * was under them. While the highlight fades in or out, the column frames
 * change every frame: the image is then the background at progress 0 (canvas
 * and bands), and the frames are drawn over it. FALSE: draw it directly. */
static gboolean
paint_background_tiled (cairo_t                    *cr,
                        SrmTileCache               *tiles,
                        SrmDiagramLayout           *layout,
                        const Palette              *palette,
                        const SrmDiagramPaintState *state)
{
  cairo_rectangle_t canvas = { 0, 0, layout->width, layout->height };
  cairo_rectangle_int_t extents = device_extents (cr, &canvas, 0);
  double x0 = 0, y0 = 0, x1 = layout->width, y1 = layout->height;
  gboolean fading = state->progress > 0 && state->progress < 1;
  SrmDiagramPaintState under = *state;
  BackgroundJob job = { layout, palette, &under };
  SrmTile *tile;
  BackgroundKey key;
  guint n_frames = 0;

  user_to_pixel (cr, &x0, &y0);
  user_to_pixel (cr, &x1, &y1);
  if (x0 != extents.x || y0 != extents.y || x1 != extents.x + extents.width || y1 != extents.y + extents.height ||
      layout->bands->len > TILE_MAX_BANDS ||
      (gsize) extents.width * extents.height * 4 > srm_tile_cache_get_budget (tiles) / 3)
    return FALSE;

  if (fading)
    under.progress = 0;

  memset (&key, 0, sizeof key);
  tile_frame_init (&key.frame, cr, layout, &under);
  key.progress = under.progress;
  key.n_bands = layout->bands->len;
  for (guint i = 0; i < layout->bands->len; i++)
    key.bands[i] = g_array_index (layout->bands, SrmDiagramBand, i).rect;
  for (guint i = 0; i < layout->columns->len && under.progress > 0; i++)
    {
      const SrmDiagramColumn *column = &g_array_index (layout->columns, SrmDiagramColumn, i);

      if (!column->highlighted)
        continue;
      if (n_frames == TILE_MAX_FRAMES)
        return FALSE;
      key.frames[n_frames++] = column_frame_rect (column);
    }
  key.n_frames = n_frames;

  tile = srm_tile_cache_lookup (tiles, &key, sizeof key, NULL, 0);
  if (wants_image (tile))
    make_image (cr, tiles, tile, &extents, paint_background_job, &job);
  if (tile == NULL || tile->surface == NULL)
    return FALSE;
  composite_tile (cr, tile, CAIRO_OPERATOR_SOURCE);
  if (fading)
    paint_column_frames (cr, layout, palette, state);
  return TRUE;
}

/* -- cells -- */

typedef struct {
  HatchCache                 *hatch;
  SrmDiagramLayout           *layout;
  const Palette              *palette;
  const SrmDiagramPaintState *state;
  const SrmDiagramCell       *cell;
  const CellItems            *items;
} CellJob;

/* A cell and what sits in it, in the order the passes of srm_diagram_paint ()
 * draw them: nothing else overlaps a cell, so the pixels are the same. */
static void
paint_cell_job (cairo_t  *cr,
                gpointer  data)
{
  CellJob *job = data;
  SrmDiagramLayout *layout = job->layout;
  const CellItems *items = job->items;

  paint_cell (cr, job->hatch, layout, job->palette, job->state, job->cell);
  for (guint i = 0; i < items->n_pills; i++)
    paint_pill (cr, layout, job->palette, job->state, &g_array_index (layout->pills, SrmDiagramPill, items->pills[i]));
  for (guint i = 0; i < items->n_texts; i++)
    paint_text_backing (cr, layout, job->palette, g_ptr_array_index (layout->texts, items->texts[i]));
  for (guint i = 0; i < items->n_glyphs; i++)
    paint_glyph (cr, layout, job->palette, job->state, &g_array_index (layout->glyphs, SrmDiagramGlyph, items->glyphs[i]));
  for (guint i = 0; i < items->n_texts; i++)
    paint_text (cr, layout, job->state, g_ptr_array_index (layout->texts, items->texts[i]));
}

static void
cell_key_init (CellKey       *key,
               cairo_t       *cr,
               const CellJob *job)
{
  SrmDiagramLayout *layout = job->layout;
  const CellItems *items = job->items;

  memset (key, 0, sizeof *key);
  tile_frame_init (&key->frame, cr, layout, job->state);
  key->fade = fade_of (layout, job->state, job->cell->row, job->cell->column);
  key->tint = cell_tint (job->cell, job->state);
  key->rect = job->cell->rect;
  key->owner = job->cell->owner;
  key->is_override = job->cell->is_override;

  key->n_glyphs = items->n_glyphs;
  for (guint i = 0; i < items->n_glyphs; i++)
    key->glyphs[i] = g_array_index (layout->glyphs, SrmDiagramGlyph, items->glyphs[i]);
  key->n_pills = items->n_pills;
  for (guint i = 0; i < items->n_pills; i++)
    key->pills[i] = g_array_index (layout->pills, SrmDiagramPill, items->pills[i]);
  key->n_texts = items->n_texts;
  for (guint i = 0; i < items->n_texts; i++)
    {
      const SrmDiagramTextItem *item = g_ptr_array_index (layout->texts, items->texts[i]);

      key->texts[i].layout = item->layout;
      key->texts[i].rect = item->public.rect;
      key->texts[i].x = item->x;
      key->texts[i].y = item->y;
      key->texts[i].on = item->on;
      key->texts[i].role = item->role;
    }
}

static void
union_rect (cairo_rectangle_t       *a,
            const cairo_rectangle_t *b)
{
  double x1 = MAX (a->x + a->width, b->x + b->width), y1 = MAX (a->y + a->height, b->y + b->height);

  a->x = MIN (a->x, b->x);
  a->y = MIN (a->y, b->y);
  a->width = x1 - a->x;
  a->height = y1 - a->y;
}

/* The device pixels a cell job may touch: the cell, its chip, its glyphs with
 * their paper backings, the ink of its words with theirs. */
static cairo_rectangle_int_t
cell_job_extents (cairo_t       *cr,
                  const CellJob *job)
{
  SrmDiagramLayout *layout = job->layout;
  const CellItems *items = job->items;
  cairo_rectangle_t r = job->cell->rect;

  for (guint i = 0; i < items->n_pills; i++)
    union_rect (&r, &g_array_index (layout->pills, SrmDiagramPill, items->pills[i]).rect);
  for (guint i = 0; i < items->n_glyphs; i++)
    {
      const SrmDiagramGlyph *glyph = &g_array_index (layout->glyphs, SrmDiagramGlyph, items->glyphs[i]);
      cairo_rectangle_t back = inflate (&glyph->rect, glyph->rect.width * 0.14);

      union_rect (&r, &back);
    }
  for (guint i = 0; i < items->n_texts; i++)
    {
      const SrmDiagramTextItem *item = g_ptr_array_index (layout->texts, items->texts[i]);
      cairo_rectangle_t back = inflate (&item->public.rect, 0.12 * layout->font_size);
      cairo_rectangle_t ink_rect;
      double scale = srm_diagram_text_scale (item->layout);
      PangoRectangle ink;

      pango_layout_get_extents (item->layout, &ink, NULL);
      ink_rect = srm_rect_make (item->x + scale * ink.x / PANGO_SCALE, item->y + scale * ink.y / PANGO_SCALE,
                                scale * ink.width / PANGO_SCALE, scale * ink.height / PANGO_SCALE);
      union_rect (&r, &back);
      union_rect (&r, &ink_rect);
    }

  return device_extents (cr, &r, 1);
}

/* A cell and its contents from its tile; directly while it fades (its look is
 * gone by the next frame), before its tile is made or when the budget is spent. */
static void
paint_cell_tiled (cairo_t       *cr,
                  SrmTileCache  *tiles,
                  CellJob       *job)
{
  double fade = fade_of (job->layout, job->state, job->cell->row, job->cell->column);
  gpointer objects[TILE_MAX_TEXTS];
  SrmTile *tile = NULL;
  CellKey key;

  if (fade <= 0 || fade >= 1)
    {
      cell_key_init (&key, cr, job);
      for (guint i = 0; i < key.n_texts; i++)
        objects[i] = key.texts[i].layout;
      tile = srm_tile_cache_lookup (tiles, &key, sizeof key, objects, key.n_texts);
      if (wants_image (tile))
        {
          cairo_rectangle_int_t extents = cell_job_extents (cr, job);

          make_image (cr, tiles, tile, &extents, paint_cell_job, job);
        }
    }

  if (tile != NULL && tile->surface != NULL)
    composite_tile (cr, tile, CAIRO_OPERATOR_OVER);
  else
    paint_cell_job (cr, job);
}

static void
paint (cairo_t                    *cr,
       SrmDiagramLayout           *layout,
       const SrmDiagramPaintState *state,
       gboolean                    with_text,
       SrmTileCache               *tiles)
{
  const Palette *palette = get_palette (state->style);
  HatchCache hatch_cache = { 0, };
  g_autofree CellItems *items = NULL;

  cairo_save (cr);
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_WINDING);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);

  if (tiles != NULL && with_text && can_tile (cr, layout))
    {
      TileFrame frame;

      items = g_new0 (CellItems, MAX (1, layout->cells->len));
      if (!index_cell_items (layout, items))
        g_clear_pointer (&items, g_free);
      tile_frame_init (&frame, cr, layout, state);
      srm_tile_cache_begin_frame (tiles, &frame, sizeof frame);
    }

  if (items == NULL || !paint_background_tiled (cr, tiles, layout, palette, state))
    paint_background (cr, layout, palette, state);

  if (items != NULL)
    for (guint i = 0; i < layout->cells->len; i++)
      {
        CellJob job = { &hatch_cache, layout, palette, state,
                        &g_array_index (layout->cells, SrmDiagramCell, i), &items[i] };

        paint_cell_tiled (cr, tiles, &job);
      }
  else
    paint_cells (cr, &hatch_cache, layout, palette, state);
  paint_marks (cr, layout, palette, SRM_MARK_RING);
  paint_swatches (cr, &hatch_cache, layout, palette);
  hatch_cache_clear (&hatch_cache);
  /* The tiles drew what sits in cells. */
  paint_pills (cr, layout, palette, state, items != NULL);
  paint_text_backings (cr, layout, palette, items != NULL);
  paint_glyphs (cr, layout, palette, state, items != NULL);
  paint_marks (cr, layout, palette, SRM_MARK_BADGE);
  if (with_text)
    paint_texts (cr, layout, state, items != NULL);
  paint_focus (cr, layout, palette, state);

  cairo_restore (cr);
}

void
srm_diagram_paint (cairo_t                    *cr,
                   SrmDiagramLayout           *layout,
                   const SrmDiagramPaintState *state,
                   gboolean                    with_text)
{
  paint (cr, layout, state, with_text, NULL);
}

void
srm_diagram_paint_with_tiles (cairo_t                    *cr,
                              SrmDiagramLayout           *layout,
                              const SrmDiagramPaintState *state,
                              SrmTileCache               *tiles)
{
  paint (cr, layout, state, TRUE, tiles);
}
