/* srm-diagram-paint.c: paints a laid-out diagram with cairo; owns the palette.
 *
 * This is the only place in the app with colours. Owner is never shown by
 * colour alone: customer cells are solid and carry a person glyph, provider
 * cells are hatched and carry a cloud glyph, shared cells are split diagonally
 * (customer above, provider below, as in Microsoft's figure) with both glyphs.
 */
#include "srm-diagram-painter-private.h"

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

      r = column->rect;
      r.y = column->header_rect.y;
      r.height = column->rect.y + column->rect.height - r.y;
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

static void
paint_cells (cairo_t                    *cr,
             HatchCache                 *cache,
             SrmDiagramLayout           *layout,
             const Palette              *palette,
             const SrmDiagramPaintState *state)
{
  for (guint i = 0; i < layout->cells->len; i++)
    {
      const SrmDiagramCell *cell = &g_array_index (layout->cells, SrmDiagramCell, i);
      double fade = fade_of (layout, state, cell->row, cell->column);
      gboolean pressed = (int) cell->row == state->pressed_row && (int) cell->column == state->pressed_column;
      gboolean hovered = (int) cell->row == state->hover_row && (int) cell->column == state->hover_column;

      rounded_rect (cr, &cell->rect, layout->radius);
      fill_owner (cr, cache, layout, palette, &cell->rect, layout->radius, cell->owner, fade);

      if (pressed || hovered)
        {
          SrmRgba tint = palette->foreground;

          tint.alpha = pressed ? 0.18 : 0.09;
          rounded_rect (cr, &cell->rect, layout->radius);
          set_color (cr, tint);
          cairo_fill (cr);
        }

      stroke_border (cr, layout, palette, &cell->rect, fade);
      if (cell->is_override)
        override_mark (cr, layout, palette, &cell->rect, fade);
    }
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
paint_pills (cairo_t                    *cr,
             SrmDiagramLayout           *layout,
             const Palette              *palette,
             const SrmDiagramPaintState *state)
{
  for (guint i = 0; i < layout->pills->len; i++)
    {
      const SrmDiagramPill *pill = &g_array_index (layout->pills, SrmDiagramPill, i);
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
paint_glyphs (cairo_t                    *cr,
              SrmDiagramLayout           *layout,
              const Palette              *palette,
              const SrmDiagramPaintState *state)
{
  for (guint i = 0; i < layout->glyphs->len; i++)
    {
      const SrmDiagramGlyph *glyph = &g_array_index (layout->glyphs, SrmDiagramGlyph, i);
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
paint_text_backings (cairo_t          *cr,
                     SrmDiagramLayout *layout,
                     const Palette    *palette)
{
  if (!palette->ink_backing)
    return;

  for (guint i = 0; i < layout->texts->len; i++)
    {
      const SrmDiagramTextItem *item = g_ptr_array_index (layout->texts, i);
      cairo_rectangle_t back;

      if (item->on != SRM_ON_PROVIDER)
        continue;
      back = inflate (&item->public.rect, 0.12 * layout->font_size);
      rounded_rect (cr, &back, layout->radius * 0.6);
      set_color (cr, palette->chip);
      cairo_fill (cr);
    }
}

static void
paint_texts (cairo_t                    *cr,
             SrmDiagramLayout           *layout,
             const Palette              *palette,
             const SrmDiagramPaintState *state)
{
  for (guint i = 0; i < layout->texts->len; i++)
    {
      const SrmDiagramTextItem *item = g_ptr_array_index (layout->texts, i);
      SrmRgba color;

      srm_diagram_paint_text_color (layout, item, state, &color);
      set_color (cr, color);
      cairo_move_to (cr, item->x, item->y);
      pango_cairo_show_layout (cr, item->layout);
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

void
srm_diagram_paint (cairo_t                    *cr,
                   SrmDiagramLayout           *layout,
                   const SrmDiagramPaintState *state,
                   gboolean                    with_text)
{
  const Palette *palette = get_palette (state->style);
  HatchCache hatch_cache = { 0, };

  cairo_save (cr);
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_WINDING);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);

  set_color (cr, palette->background);
  cairo_rectangle (cr, 0, 0, layout->width, layout->height);
  cairo_fill (cr);

  paint_bands (cr, layout, palette);
  paint_column_frames (cr, layout, palette, state);
  paint_marks (cr, layout, palette, SRM_MARK_GAP);
  paint_cells (cr, &hatch_cache, layout, palette, state);
  paint_marks (cr, layout, palette, SRM_MARK_RING);
  paint_swatches (cr, &hatch_cache, layout, palette);
  hatch_cache_clear (&hatch_cache);
  paint_pills (cr, layout, palette, state);
  paint_text_backings (cr, layout, palette);
  paint_glyphs (cr, layout, palette, state);
  paint_marks (cr, layout, palette, SRM_MARK_BADGE);
  if (with_text)
    paint_texts (cr, layout, palette, state);
  paint_focus (cr, layout, palette, state);

  cairo_restore (cr);
}
