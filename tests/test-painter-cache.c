/* test-painter-cache.c: the painter's cell images (its tile cache) change how
 * fast a frame is drawn on an image surface, never what it shows: a frame
 * drawn from them is the frame drawn directly, but for rounding on the
 * antialiased edge of a cell, in every style, size, scale and state, and
 * after anything that changes the picture; vector targets never get images;
 * and the cache stays within its budget. */
#include <math.h>
#include <string.h>

#include <cairo-pdf.h>
#include <cairo-svg.h>

#include "srm-model.h"
#include "srm-render.h"
#include "srm-diagram-painter-private.h"

/* How far a pixel on a cell's edge may move: its antialiased coverage is
 * blended onto the background in one step instead of one per layer, and each
 * layer rounds once; a cell's edge has at most six (fill, stripes, the
 * customer's half, hover or press tint, border, and the focus ring drawn
 * over it). Anything misplaced or miscoloured moves pixels much further, or
 * off the edges. */
#define EDGE_TOLERANCE 6

/* The largest difference seen, for the log. */
static int max_delta_seen;

static SrmCatalog *
load_catalog (const char *id)
{
  g_autofree char *path = g_strdup_printf ("/io/github/srmexplorer/SrmExplorer/catalogs/%s.json", id);
  g_autoptr(GError) error = NULL;
  SrmCatalog *catalog = srm_catalog_new_from_resource (path, &error);

  g_assert_no_error (error);
  return catalog;
}

/* How a frame reaches device pixels: through the context's matrix, as the
 * exporters scale, or the surface's own device scale, as a HiDPI surface. */
typedef enum {
  SCALE_BY_MATRIX,
  SCALE_BY_DEVICE,
} ScaleMode;

static cairo_surface_t *
new_target (int       width,
            int       height,
            double    scale,
            ScaleMode mode)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                                         (int) ceil (width * scale),
                                                         (int) ceil (height * scale));

  if (mode == SCALE_BY_DEVICE)
    cairo_surface_set_device_scale (surface, scale, scale);
  return surface;
}

static cairo_t *
new_context (cairo_surface_t *surface,
             double           scale,
             ScaleMode        mode)
{
  cairo_t *cr = cairo_create (surface);

  /* Whatever the last frame left: a frame paints every pixel of its canvas. */
  cairo_set_operator (cr, CAIRO_OPERATOR_CLEAR);
  cairo_paint (cr);
  cairo_set_operator (cr, CAIRO_OPERATOR_OVER);
  if (mode == SCALE_BY_MATRIX)
    cairo_scale (cr, scale, scale);
  return cr;
}

/* The frame as the painter draws it on an image surface, images and all. */
static void
draw (SrmDiagramPainter *painter,
      cairo_surface_t   *surface,
      int                width,
      int                height,
      double             scale,
      ScaleMode          mode)
{
  cairo_t *cr = new_context (surface, scale, mode);

  srm_diagram_layout_unref (srm_diagram_painter_draw (painter, cr, width, height));
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
}

/* The same frame drawn directly, shape by shape, as the exporters draw it. */
static cairo_surface_t *
draw_direct (SrmDiagramPainter *painter,
             int                width,
             int                height,
             double             scale,
             ScaleMode          mode)
{
  cairo_surface_t *surface = new_target (width, height, scale, mode);
  g_autoptr(SrmDiagramLayout) layout = srm_diagram_painter_get_layout (painter, width, height);
  SrmDiagramPaintState state;
  cairo_t *cr = new_context (surface, scale, mode);

  srm_diagram_painter_get_state (painter, &state);
  srm_diagram_paint (cr, layout, &state, TRUE);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

/* Whether device pixel (@x, @y) is on the antialiased edge of a cell of
 * @layout: within a pixel of its outline, straight or rounded. */
static gboolean
on_cell_edge (SrmDiagramLayout *layout,
              double            scale,
              int               x,
              int               y)
{
  double px = x + 0.5, py = y + 0.5;

  for (guint i = 0; i < srm_diagram_layout_get_n_cells (layout); i++)
    {
      const cairo_rectangle_t *r = &srm_diagram_layout_get_nth_cell (layout, i)->rect;
      double x0 = r->x * scale, y0 = r->y * scale;
      double x1 = (r->x + r->width) * scale, y1 = (r->y + r->height) * scale;
      double radius = MIN (layout->radius, MIN (r->width, r->height) / 2) * scale;
      double cx = CLAMP (px, x0 + radius, x1 - radius), cy = CLAMP (py, y0 + radius, y1 - radius);
      double d = hypot (px - cx, py - cy) - radius;  /* to the rounded outline, negative inside */

      if (px < x0 - 1.5 || px > x1 + 1.5 || py < y0 - 1.5 || py > y1 + 1.5)
        continue;
      /* Inside the corner arcs, or within 1.5 pixels of a straight side. */
      if (fabs (d) <= 1.5 || (d < 0 && MIN (MIN (px - x0, x1 - px), MIN (py - y0, y1 - py)) <= 1.5))
        return TRUE;
    }
  return FALSE;
}

/* Fails unless @actual is @expected but for pixels on a cell's edge moved by
 * at most EDGE_TOLERANCE; returns how many pixels differ. */
static guint
assert_same_picture (cairo_surface_t  *expected,
                     cairo_surface_t  *actual,
                     SrmDiagramLayout *layout,
                     double            scale,
                     const char       *what)
{
  int width = cairo_image_surface_get_width (expected), height = cairo_image_surface_get_height (expected);
  int stride = cairo_image_surface_get_stride (expected);
  const guint8 *a = cairo_image_surface_get_data (expected), *b = cairo_image_surface_get_data (actual);
  guint differ = 0;

  g_assert_cmpint (cairo_image_surface_get_width (actual), ==, width);
  g_assert_cmpint (cairo_image_surface_get_height (actual), ==, height);

  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        const guint8 *p = a + y * stride + 4 * x, *q = b + y * stride + 4 * x;
        int delta = 0;

        for (guint k = 0; k < 4; k++)
          delta = MAX (delta, ABS (p[k] - q[k]));
        if (delta == 0)
          continue;
        differ++;
        max_delta_seen = MAX (max_delta_seen, delta);
        if (delta > EDGE_TOLERANCE || !on_cell_edge (layout, scale, x, y))
          g_error ("%s: pixel %d,%d is #%08x drawn directly, #%08x from the cache (%s)", what, x, y,
                   *(const guint32 *) p, *(const guint32 *) q,
                   delta > EDGE_TOLERANCE ? "too far" : "not on a cell's edge");
      }
  return differ;
}

typedef struct {
  const char *model_id;
  const char *service_ids[4];
  double      progress;
} Case;

static const Case cases[] = {
  { NULL, { NULL }, 1 },
  { "paas", { NULL }, 1 },
  { NULL, { "aks", "app-service", "azure-sql-db", NULL }, 1 },
  /* Mid-fade: the columns outside the selection and the column frames are
   * drawn directly over the images of the rest. */
  { NULL, { "aks", "app-service", "azure-sql-db", NULL }, 0.5 },
  { "iaas", { NULL }, 0 },
};

static void
apply_case (SrmDiagramPainter *painter,
            const Case        *c)
{
  srm_diagram_painter_set_model_id (painter, c->model_id);
  srm_diagram_painter_set_service_ids (painter, c->service_ids);
  srm_diagram_painter_set_highlight_progress (painter, c->progress);
}

/* Three frames of @painter against the direct drawing: the first is the same
 * byte for byte when the painter has no image yet (it makes none on a piece's
 * first frame); the second makes the images and the third is drawn from them,
 * both the same but for cell edges. */
static void
check_frames (SrmDiagramPainter *painter,
              int                width,
              int                height,
              double             scale,
              ScaleMode          mode,
              const char        *what)
{
  cairo_surface_t *expected = draw_direct (painter, width, height, scale, mode);
  cairo_surface_t *actual = new_target (width, height, scale, mode);
  g_autoptr(SrmDiagramLayout) layout = srm_diagram_painter_get_layout (painter, width, height);
  SrmTileCache *tiles;

  for (guint frame = 0; frame < 3; frame++)
    {
      g_autofree char *label = g_strdup_printf ("%s, frame %u", what, frame + 1);
      gboolean had_images;

      tiles = srm_diagram_painter_get_tiles (painter);
      had_images = tiles != NULL && srm_tile_cache_get_n_images (tiles) > 0;
      draw (painter, actual, width, height, scale, mode);
      if (frame == 0 && !had_images)
        g_assert_cmpmem (cairo_image_surface_get_data (expected),
                         cairo_image_surface_get_stride (expected) * cairo_image_surface_get_height (expected),
                         cairo_image_surface_get_data (actual),
                         cairo_image_surface_get_stride (actual) * cairo_image_surface_get_height (actual));
      else
        assert_same_picture (expected, actual, layout, scale, label);
    }

  /* The comparison meant something: the last frame came from images. */
  tiles = srm_diagram_painter_get_tiles (painter);
  g_assert_nonnull (tiles);
  g_assert_cmpuint (srm_tile_cache_get_n_images (tiles), >, 0);
  g_assert_cmpuint (srm_tile_cache_get_bytes (tiles), <=, srm_tile_cache_get_budget (tiles));

  cairo_surface_destroy (expected);
  cairo_surface_destroy (actual);
}

static void
test_same_pixels (void)
{
  g_autoptr(SrmCatalog) catalog = load_catalog ("azure");
  const struct { int width, height; double scale; ScaleMode mode; } targets[] = {
    { 360, 640, 1, SCALE_BY_MATRIX },
    { 360, 640, 2, SCALE_BY_DEVICE },
    { 1920, 1080, 1, SCALE_BY_MATRIX },
    { 1280, 800, 2, SCALE_BY_MATRIX },
    /* Whole pixels neither in user space nor on the device. */
    { 1001, 733, 1.5, SCALE_BY_MATRIX },
    { 3840, 2160, 1, SCALE_BY_MATRIX },
  };

  for (guint style = SRM_DIAGRAM_STYLE_LIGHT; style <= SRM_DIAGRAM_STYLE_PRINT; style++)
    for (guint t = 0; t < G_N_ELEMENTS (targets); t++)
      for (guint k = 0; k < G_N_ELEMENTS (cases); k++)
        {
          g_autoptr(SrmDiagramPainter) painter = srm_diagram_painter_new (catalog);
          g_autofree char *what = NULL;

          /* Every case at the first sizes; the big ones with three services,
           * and 4K in two styles only, to keep the test quick. */
          if ((t >= 3 && k != 2) || (t == 5 && style != SRM_DIAGRAM_STYLE_LIGHT && style != SRM_DIAGRAM_STYLE_PRINT))
            continue;

          what = g_strdup_printf ("%s %dx%d ×%g%s, case %u", srm_diagram_style_to_string (style),
                                  targets[t].width, targets[t].height, targets[t].scale,
                                  targets[t].mode == SCALE_BY_DEVICE ? " (device)" : "", k);
          srm_diagram_painter_set_style (painter, style);
          apply_case (painter, &cases[k]);
          /* A hovered, a pressed and a focused cell look different. */
          srm_diagram_painter_set_hover_cell (painter, 2, 1);
          srm_diagram_painter_set_pressed_cell (painter, 3, 4);
          srm_diagram_painter_set_focus_cell (painter, 1, 5);
          check_frames (painter, targets[t].width, targets[t].height, targets[t].scale, targets[t].mode, what);
        }
  g_test_message ("largest difference on a cell's edge: %d of 255", max_delta_seen);
}

/* A painter that drew one picture long enough to keep its images, then
 * another: the new picture, not a leftover of the old one. */
static void
test_invalidation (void)
{
  g_autoptr(SrmCatalog) azure = load_catalog ("azure");
  g_autoptr(SrmCatalog) other = load_catalog ("azure-2026");
  g_autoptr(SrmDiagramPainter) painter = srm_diagram_painter_new (azure);
  const char *services[] = { "aks", "app-service", NULL };
  const char *spotlight[] = { "os", "network-controls", NULL };
  SrmTileCache *tiles;

  srm_diagram_painter_set_service_ids (painter, services);
  check_frames (painter, 1280, 800, 1, SCALE_BY_MATRIX, "first picture");
  tiles = srm_diagram_painter_get_tiles (painter);

  srm_diagram_painter_set_style (painter, SRM_DIAGRAM_STYLE_DARK);
  check_frames (painter, 1280, 800, 1, SCALE_BY_MATRIX, "after a style change");
  srm_diagram_painter_set_style (painter, SRM_DIAGRAM_STYLE_CONTRAST);
  check_frames (painter, 1280, 800, 1, SCALE_BY_MATRIX, "after another style change");

  check_frames (painter, 1400, 800, 1, SCALE_BY_MATRIX, "after a resize");
  check_frames (painter, 1400, 800, 2, SCALE_BY_MATRIX, "at scale 2");
  check_frames (painter, 1400, 800, 2, SCALE_BY_DEVICE, "at device scale 2");

  srm_diagram_painter_set_model_id (painter, "saas");
  check_frames (painter, 1400, 800, 1, SCALE_BY_MATRIX, "after a selection change");
  srm_diagram_painter_set_spotlight_layers (painter, spotlight);
  check_frames (painter, 1400, 800, 1, SCALE_BY_MATRIX, "with a spotlight");
  srm_diagram_painter_set_hover_cell (painter, 4, 2);
  check_frames (painter, 1400, 800, 1, SCALE_BY_MATRIX, "with the pointer on a cell");
  srm_diagram_painter_set_highlight_progress (painter, 0.3);
  check_frames (painter, 1400, 800, 1, SCALE_BY_MATRIX, "while the highlight fades");

  /* Another catalog: its words, its cells; the old images go at once. */
  srm_diagram_painter_set_catalog (painter, other);
  g_assert_true (srm_diagram_painter_get_tiles (painter) == tiles);
  g_assert_cmpuint (srm_tile_cache_get_n_images (tiles), ==, 0);
  check_frames (painter, 1400, 800, 1, SCALE_BY_MATRIX, "after a catalog change");
}

/* A frame at a new size or scale cannot use any image of the last one, so
 * they are dropped rather than left to age out. */
static void
test_resize_drops_images (void)
{
  g_autoptr(SrmCatalog) catalog = load_catalog ("azure");
  g_autoptr(SrmDiagramPainter) painter = srm_diagram_painter_new (catalog);
  cairo_surface_t *surface = new_target (1920, 1080, 1, SCALE_BY_MATRIX);
  SrmTileCache *tiles;
  guint n_images;

  for (guint i = 0; i < 3; i++)
    draw (painter, surface, 1920, 1080, 1, SCALE_BY_MATRIX);
  tiles = srm_diagram_painter_get_tiles (painter);
  n_images = srm_tile_cache_get_n_images (tiles);
  /* A background and about a cell each: the azure catalog has 10 × 4. */
  g_assert_cmpuint (n_images, >=, 40);

  draw (painter, surface, 1900, 1080, 1, SCALE_BY_MATRIX);
  g_assert_cmpuint (srm_tile_cache_get_n_images (tiles), ==, 0);
  draw (painter, surface, 1900, 1080, 1, SCALE_BY_MATRIX);
  g_assert_cmpuint (srm_tile_cache_get_n_images (tiles), ==, n_images);

  cairo_surface_destroy (surface);
}

static cairo_status_t
append_to_string (void                *closure,
                  const unsigned char *data,
                  unsigned int         length)
{
  g_string_append_len (closure, (const char *) data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* SVG, PDF and recording surfaces (GTK's drawing nodes) keep shapes as shapes:
 * a painter with images for the screen draws no image into them. */
static void
test_vector_targets_stay_vector (void)
{
  g_autoptr(SrmCatalog) catalog = load_catalog ("azure");
  g_autoptr(SrmDiagramPainter) painter = srm_diagram_painter_new (catalog);
  const char *services[] = { "aks", NULL };
  cairo_surface_t *image = new_target (1280, 800, 1, SCALE_BY_MATRIX);
  cairo_rectangle_t extents = { 0, 0, 1280, 800 };
  g_autoptr(GString) svg = g_string_new (NULL);
  g_autoptr(GString) pdf = g_string_new (NULL);
  cairo_surface_t *targets[3];
  SrmTileCache *tiles;
  guint n_images;

  srm_diagram_painter_set_service_ids (painter, services);
  /* Vector drawing first makes no cache at all. */
  targets[0] = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, &extents);
  {
    cairo_t *cr = cairo_create (targets[0]);

    srm_diagram_layout_unref (srm_diagram_painter_draw (painter, cr, 1280, 800));
    cairo_destroy (cr);
  }
  cairo_surface_destroy (targets[0]);
  g_assert_null (srm_diagram_painter_get_tiles (painter));

  for (guint i = 0; i < 3; i++)
    draw (painter, image, 1280, 800, 1, SCALE_BY_MATRIX);
  tiles = srm_diagram_painter_get_tiles (painter);
  n_images = srm_tile_cache_get_n_images (tiles);
  g_assert_cmpuint (n_images, >, 0);

  targets[0] = cairo_svg_surface_create_for_stream (append_to_string, svg, 1280, 800);
  targets[1] = cairo_pdf_surface_create_for_stream (append_to_string, pdf, 1280, 800);
  targets[2] = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, &extents);
  for (guint i = 0; i < G_N_ELEMENTS (targets); i++)
    {
      for (guint frame = 0; frame < 3; frame++)
        {
          cairo_t *cr = cairo_create (targets[i]);

          srm_diagram_layout_unref (srm_diagram_painter_draw (painter, cr, 1280, 800));
          g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
          cairo_destroy (cr);
        }
      cairo_surface_finish (targets[i]);
      cairo_surface_destroy (targets[i]);
    }

  /* Nothing was looked up or made for them, and nothing dropped. */
  g_assert_cmpuint (srm_tile_cache_get_n_images (tiles), ==, n_images);
  /* cairo writes a bitmap into SVG as <image>; the text stays glyphs, not pixels. */
  g_assert_null (strstr (svg->str, "<image"));
  g_assert_nonnull (strstr (svg->str, "<path"));
  g_assert_true (g_str_has_prefix (pdf->str, "%PDF"));
  g_assert_null (strstr (pdf->str, "/Subtype /Image"));

  cairo_surface_destroy (image);
}

/* ---- the cache itself ---- */

typedef struct {
  guint64 id;
  guint64 filler[7];
} Key;

static cairo_surface_t *
new_image (int side)
{
  return cairo_image_surface_create (CAIRO_FORMAT_ARGB32, side, side);
}

static SrmTile *
lookup (SrmTileCache *cache,
        guint64       id)
{
  Key key = { id, { 0, } };

  return srm_tile_cache_lookup (cache, &key, sizeof key, NULL, 0);
}

static void
test_cache_budget (void)
{
  /* Room for three 64 × 64 images (16 KiB each) and their keys. */
  g_autoptr(SrmTileCache) cache = srm_tile_cache_new (3 * 16384 + 4096);
  const char frame[] = "frame";
  SrmTile *tile;

  srm_tile_cache_begin_frame (cache, frame, sizeof frame);
  for (guint64 id = 0; id < 3; id++)
    {
      tile = lookup (cache, id);
      g_assert_nonnull (tile);
      g_assert_null (tile->surface);
      g_assert_cmpuint (tile->n_frames, ==, 1);
      g_assert_true (srm_tile_cache_store (cache, tile, new_image (64), 10, 20));
    }
  g_assert_cmpuint (srm_tile_cache_get_n_images (cache), ==, 3);

  /* A fourth image in the same frame would push out one this frame drew
   * with: refused, and the others stay. */
  tile = lookup (cache, 3);
  g_assert_false (srm_tile_cache_has_room (cache, 16384));
  {
    cairo_surface_t *surface = new_image (64);

    g_assert_false (srm_tile_cache_store (cache, tile, surface, 0, 0));
    cairo_surface_destroy (surface);
  }
  g_assert_cmpuint (srm_tile_cache_get_n_images (cache), ==, 3);
  g_assert_cmpuint (srm_tile_cache_get_bytes (cache), <=, srm_tile_cache_get_budget (cache));

  /* Next frame: asked for twice now, kept where it was. */
  srm_tile_cache_begin_frame (cache, frame, sizeof frame);
  tile = lookup (cache, 1);
  g_assert_cmpuint (tile->n_frames, ==, 2);
  g_assert_nonnull (tile->surface);
  g_assert_cmpint (tile->x, ==, 10);
  g_assert_cmpint (tile->y, ==, 20);

  /* A new image pushes out the least recently used one (0), not 1. */
  tile = lookup (cache, 4);
  g_assert_true (srm_tile_cache_store (cache, tile, new_image (64), 0, 0));
  g_assert_cmpuint (srm_tile_cache_get_bytes (cache), <=, srm_tile_cache_get_budget (cache));
  g_assert_nonnull (lookup (cache, 1)->surface);
  g_assert_null (lookup (cache, 0)->surface);

  /* An image bigger than the whole budget is never kept. */
  srm_tile_cache_begin_frame (cache, frame, sizeof frame);
  tile = lookup (cache, 5);
  g_assert_false (srm_tile_cache_has_room (cache, 4 * 16384));

  /* Another frame size: nothing can match, all dropped. */
  srm_tile_cache_begin_frame (cache, "other", 6);
  g_assert_cmpuint (srm_tile_cache_get_n_images (cache), ==, 0);
  g_assert_cmpuint (srm_tile_cache_get_bytes (cache), ==, 0);
  g_assert_cmpuint (lookup (cache, 1)->n_frames, ==, 1);
}

/* Keys alone (pieces seen once) cannot outgrow the budget either. */
static void
test_cache_keys_bounded (void)
{
  g_autoptr(SrmTileCache) cache = srm_tile_cache_new (16384);
  const char frame[] = "frame";

  for (guint64 id = 0; id < 10000; id++)
    {
      srm_tile_cache_begin_frame (cache, frame, sizeof frame);
      g_assert_nonnull (lookup (cache, id));
      g_assert_cmpuint (srm_tile_cache_get_bytes (cache), <=, 16384);
    }
}

/* A key holding an object's address keeps the object, so no other object
 * can be made at that address and match the key by mistake. */
static void
test_cache_keeps_objects (void)
{
  g_autoptr(SrmTileCache) cache = srm_tile_cache_new (1 << 20);
  GObject *object = g_object_new (G_TYPE_OBJECT, NULL);
  gpointer objects[] = { object };
  const char frame[] = "frame";
  gpointer weak = object;

  g_object_add_weak_pointer (object, &weak);
  srm_tile_cache_begin_frame (cache, frame, sizeof frame);
  g_assert_nonnull (srm_tile_cache_lookup (cache, &object, sizeof object, objects, 1));
  g_object_unref (object);
  g_assert_nonnull (weak);

  srm_tile_cache_clear (cache);
  g_assert_null (weak);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/painter-cache/same-pixels", test_same_pixels);
  g_test_add_func ("/painter-cache/invalidation", test_invalidation);
  g_test_add_func ("/painter-cache/resize-drops-images", test_resize_drops_images);
  g_test_add_func ("/painter-cache/vector-targets-stay-vector", test_vector_targets_stay_vector);
  g_test_add_func ("/tile-cache/budget", test_cache_budget);
  g_test_add_func ("/tile-cache/keys-bounded", test_cache_keys_bounded);
  g_test_add_func ("/tile-cache/keeps-objects", test_cache_keeps_objects);

  return g_test_run ();
}
