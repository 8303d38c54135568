/* test-compare-painter.c: the comparison painter marks exactly the documented
 * differences, lines up rows with gaps for rows one table lacks, draws at every
 * size and style, and exports files whose words a presenter can search. */
#include <glib/gstdio.h>
#include <string.h>

#include "srm-model.h"
#include "srm-render.h"

typedef struct {
  char               *user_dir;
  SrmCatalogRegistry *registry;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->user_dir = g_dir_make_tmp ("test-compare-XXXXXX", NULL);
  g_assert_nonnull (fixture->user_dir);
  fixture->registry = srm_catalog_registry_new (fixture->user_dir);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->registry);
  g_rmdir (fixture->user_dir);
  g_free (fixture->user_dir);
}

static SrmComparePainter *
painter_for (Fixture    *fixture,
             const char *spec)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SrmComparison) comparison = srm_comparison_new_from_spec (fixture->registry, spec, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (comparison);
  return srm_compare_painter_new (comparison);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* "side:layer:column:difference" for every cell that differs, sorted, and
 * "gap:side:layer" for every row with a gap. */
static char *
describe_marks (SrmCompareLayout *layout)
{
  g_autoptr(GPtrArray) marks = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < srm_compare_layout_get_n_cells (layout); i++)
    {
      const SrmCompareCell *cell = srm_compare_layout_get_cell (layout, i);

      if (cell->difference == SRM_DIFFERENCE_SAME)
        continue;
      g_assert_cmpuint (cell->number, >, 0);
      if (cell->difference == SRM_DIFFERENCE_LEFT_ONLY || cell->difference == SRM_DIFFERENCE_RIGHT_ONLY)
        continue;
      g_ptr_array_add (marks, g_strdup_printf ("%s:%s:%s:%s", cell->side == SRM_COMPARE_LEFT ? "left" : "right",
                                               cell->layer_id, cell->column_id,
                                               srm_difference_to_string (cell->difference)));
    }
  for (guint i = 0; i < srm_compare_layout_get_n_rows (layout); i++)
    {
      const SrmCompareRow *row = srm_compare_layout_get_row (layout, i);

      if (row->difference == SRM_DIFFERENCE_SAME)
        {
          g_assert_cmpfloat (row->gap_rect.width, ==, 0);
          continue;
        }
      g_assert_cmpfloat (row->gap_rect.width, >, 0);
      g_ptr_array_add (marks, g_strdup_printf ("%s:%s", srm_difference_to_string (row->difference),
                                               row->left_layer_id != NULL ? row->left_layer_id : row->right_layer_id));
    }

  g_ptr_array_sort (marks, compare_strings);
  for (guint i = 0; i < marks->len; i++)
    g_string_append_printf (out, "%s%s", i > 0 ? " " : "", (char *) marks->pdata[i]);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
test_catalogs (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(SrmComparePainter) painter = painter_for (fixture, "azure,azure-2026");
  g_autoptr(SrmCompareLayout) layout = srm_compare_painter_layout (painter, 1920, 1080);
  g_autofree char *marks = describe_marks (layout);
  g_autofree char *title = srm_compare_painter_dup_title (painter);
  guint n_gaps = 0;

  g_assert_cmpstr (marks, ==,
                   "left-only:identity-infra "
                   "left:applications:saas:becomes-shared left:devices:saas:becomes-shared "
                   "right-only:configurations "
                   "right:applications:saas:becomes-shared right:client-devices:saas:becomes-shared");
  g_assert_cmpstr (title, ==, "Microsoft Azure vs January 2026 table");
  g_assert_cmpuint (srm_compare_layout_get_n_columns (layout), ==, 4);
  g_assert_cmpuint (srm_compare_layout_get_n_differences (layout), ==, 4);

  /* Matched rows share a line: devices beside client devices. */
  for (guint i = 0; i < srm_compare_layout_get_n_rows (layout); i++)
    {
      const SrmCompareRow *row = srm_compare_layout_get_row (layout, i);

      if (g_strcmp0 (row->left_layer_id, "devices") == 0)
        g_assert_cmpstr (row->right_layer_id, ==, "client-devices");
      if (row->difference == SRM_DIFFERENCE_RIGHT_ONLY)
        {
          g_assert_null (row->left_layer_id);
          g_assert_cmpstr (row->right_layer_id, ==, "configurations");
          n_gaps++;
        }
      if (row->difference == SRM_DIFFERENCE_LEFT_ONLY)
        {
          g_assert_null (row->right_layer_id);
          g_assert_cmpstr (row->left_layer_id, ==, "identity-infra");
          n_gaps++;
        }
    }
  g_assert_cmpuint (n_gaps, ==, 2);

  /* The gap is labelled in words. */
  {
    guint labelled = 0;

    for (guint i = 0; i < srm_compare_layout_get_n_texts (layout); i++)
      if (g_strcmp0 (srm_compare_layout_get_text (layout, i)->text, "not in this table") == 0)
        labelled++;
    g_assert_cmpuint (labelled, ==, 2);
  }
}

static void
test_models (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(SrmComparePainter) painter = painter_for (fixture, "iaas,paas");
  g_autoptr(SrmCompareLayout) layout = srm_compare_painter_layout (painter, 1280, 800);
  g_autofree char *marks = describe_marks (layout);
  g_autofree char *title = srm_compare_painter_dup_title (painter);
  const char *expected[] = {
    "Identity and directory infrastructure: becomes shared",
    "Applications: becomes shared",
    "Network controls: becomes shared",
    "Operating system: moves to Microsoft",
  };

  g_assert_cmpstr (marks, ==,
                   "left:applications:iaas:becomes-shared left:identity-infra:iaas:becomes-shared "
                   "left:network-controls:iaas:becomes-shared left:os:iaas:moves-to-provider "
                   "right:applications:paas:becomes-shared right:identity-infra:paas:becomes-shared "
                   "right:network-controls:paas:becomes-shared right:os:paas:moves-to-provider");
  g_assert_cmpstr (title, ==, "IaaS → PaaS");
  g_assert_cmpuint (srm_compare_layout_get_n_columns (layout), ==, 1);
  g_assert_cmpuint (srm_compare_layout_get_n_differences (layout), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const SrmCompareDifference *difference = srm_compare_layout_get_difference (layout, i);

      g_assert_cmpuint (difference->number, ==, i + 1);
      g_assert_cmpstr (difference->text, ==, expected[i]);
    }
}

static void
test_services (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(SrmComparePainter) painter = painter_for (fixture, "aks,app-service");
  g_autoptr(SrmCompareLayout) layout = srm_compare_painter_layout (painter, 800, -1);
  g_autofree char *marks = describe_marks (layout);
  g_autofree char *title = srm_compare_painter_dup_title (painter);

  g_assert_cmpstr (marks, ==, "left:os:aks:shared-to-provider right:os:app-service:shared-to-provider");
  g_assert_true (g_str_has_prefix (title, "AKS vs "));
  g_assert_cmpuint (srm_compare_layout_get_n_differences (layout), ==, 1);
}

static char *
read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

/* The words of every <text> element, lines joined by spaces. */
static char *
svg_words (const char *svg)
{
  GString *words = g_string_new (NULL);
  const char *p = svg;

  while ((p = strstr (p, "<text")) != NULL)
    {
      const char *start = strchr (p, '>');
      const char *end = start != NULL ? strstr (start, "</text>") : NULL;

      if (end == NULL)
        break;
      g_string_append_len (words, start + 1, end - start - 1);
      g_string_append_c (words, ' ');
      p = end;
    }
  return g_string_free (words, FALSE);
}

static void
assert_text (const char *words,
             const char *text)
{
  if (strstr (words, text) == NULL)
    g_error ("no text “%s” in the SVG: %s", text, words);
}

static void
test_export_svg (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(SrmComparePainter) painter = painter_for (fixture, "iaas,paas");
  g_autofree char *path = g_build_filename (fixture->user_dir, "compare.svg", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *svg = NULL;
  g_autofree char *words = NULL;

  g_assert_true (srm_compare_export_to_file (painter, path, 1920, -1, 1, &error));
  g_assert_no_error (error);
  svg = read_file (path);
  g_assert_true (g_str_has_prefix (svg, "<?xml"));
  words = svg_words (svg);
  assert_text (words, "Operating system");
  assert_text (words, "Network controls");
  assert_text (words, "moves to Microsoft");
  assert_text (words, "becomes shared");
  assert_text (words, "IaaS → PaaS");
  g_unlink (path);

  g_clear_object (&painter);
  painter = painter_for (fixture, "azure,azure-2026");
  g_assert_true (srm_compare_export_to_file (painter, path, 1600, -1, 1, &error));
  g_assert_no_error (error);
  g_free (svg);
  g_free (words);
  svg = read_file (path);
  words = svg_words (svg);
  assert_text (words, "not in this table");
  assert_text (words, "row only in “January 2026 table”");
  assert_text (words, "Configurations and settings");
  assert_text (words, "Identity and directory infrastructure");
  g_unlink (path);
}

static void
test_export_png_size (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(SrmComparePainter) painter = painter_for (fixture, "aks,app-service");
  g_autofree char *path = g_build_filename (fixture->user_dir, "compare.png", NULL);
  g_autofree char *bmp = g_build_filename (fixture->user_dir, "compare.bmp", NULL);
  g_autoptr(GError) error = NULL;
  cairo_surface_t *surface;
  double natural;

  g_assert_true (srm_compare_export_to_file (painter, path, 640, 400, 2, &error));
  g_assert_no_error (error);
  surface = cairo_image_surface_create_from_png (path);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, 1280);
  g_assert_cmpint (cairo_image_surface_get_height (surface), ==, 800);
  cairo_surface_destroy (surface);

  natural = srm_compare_painter_get_natural_height (painter, 900);
  g_assert_true (srm_compare_export_to_file (painter, path, 900, -1, 1, &error));
  g_assert_no_error (error);
  surface = cairo_image_surface_create_from_png (path);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, 900);
  g_assert_cmpint (cairo_image_surface_get_height (surface), ==, (int) natural);
  cairo_surface_destroy (surface);
  g_unlink (path);

  g_assert_false (srm_compare_export_to_file (painter, bmp, 800, 600, 1, &error));
  g_assert_error (error, SRM_EXPORT_ERROR, SRM_EXPORT_ERROR_UNKNOWN_FORMAT);
  g_assert_false (g_file_test (bmp, G_FILE_TEST_EXISTS));
}

static gboolean
inside (const cairo_rectangle_t *r,
        double                   width,
        double                   height)
{
  return r->x >= -0.5 && r->y >= -0.5 && r->x + r->width <= width + 0.5 && r->y + r->height <= height + 0.5;
}

static void
test_styles_and_sizes (Fixture       *fixture,
                       gconstpointer  data)
{
  const char *specs[] = { "iaas,paas", "aks,app-service", "azure,azure-2026" };
  const int sizes[][2] = { { 360, 640 }, { 3840, 2160 } };

  for (guint k = 0; k < G_N_ELEMENTS (specs); k++)
    {
      g_autoptr(SrmComparePainter) painter = painter_for (fixture, specs[k]);

      for (guint style = SRM_DIAGRAM_STYLE_LIGHT; style <= SRM_DIAGRAM_STYLE_PRINT; style++)
        for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
          {
            g_autoptr(SrmCompareLayout) layout = NULL;
            cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, sizes[s][0], sizes[s][1]);
            cairo_t *cr = cairo_create (surface);

            srm_compare_painter_set_style (painter, style);
            layout = srm_compare_painter_draw (painter, cr, sizes[s][0], sizes[s][1]);
            g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
            g_assert_cmpuint (srm_compare_layout_get_n_cells (layout), >, 0);
            for (guint i = 0; i < srm_compare_layout_get_n_cells (layout); i++)
              g_assert_true (inside (&srm_compare_layout_get_cell (layout, i)->rect, sizes[s][0], sizes[s][1]));
            for (guint i = 0; i < srm_compare_layout_get_n_differences (layout); i++)
              g_assert_true (inside (&srm_compare_layout_get_difference (layout, i)->rect, sizes[s][0], sizes[s][1]));
            /* Type grows with a 4K canvas. */
            if (sizes[s][0] > 1000)
              g_assert_cmpfloat (srm_compare_layout_get_font_size (layout), >, 24);
            cairo_destroy (cr);
            cairo_surface_destroy (surface);
          }
    }
}

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  ADD ("/compare-painter/catalogs", test_catalogs);
  ADD ("/compare-painter/models", test_models);
  ADD ("/compare-painter/services", test_services);
  ADD ("/compare-painter/export-svg", test_export_svg);
  ADD ("/compare-painter/export-png-size", test_export_png_size);
  ADD ("/compare-painter/styles-and-sizes", test_styles_and_sizes);

  return g_test_run ();
}
