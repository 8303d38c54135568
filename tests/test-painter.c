/* test-painter.c: the diagram painter draws what the catalog says, where the
 * pointer finds it, at every size and style, and exports files a presenter can use. */
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "srm-model.h"
#include "srm-render.h"
#include "srm-diagram-painter-private.h"

typedef struct {
  char               *user_dir;
  SrmCatalogRegistry *registry;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->user_dir = g_dir_make_tmp ("test-painter-XXXXXX", NULL);
  g_assert_nonnull (fixture->user_dir);
  fixture->registry = srm_catalog_registry_new (fixture->user_dir);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->registry);
  remove_tree (fixture->user_dir);
  g_free (fixture->user_dir);
}

static SrmCatalog *
lookup (Fixture    *fixture,
        const char *id)
{
  SrmCatalog *catalog = srm_catalog_registry_lookup (fixture->registry, id);

  g_assert_nonnull (catalog);
  return catalog;
}

/* ---- selections ---- */

typedef struct {
  const char *model_id;
  GStrv       service_ids;
} Selection;

static void
selection_free (gpointer data)
{
  Selection *selection = data;

  g_strfreev (selection->service_ids);
  g_free (selection);
}

static void
add_selection (GPtrArray          *selections,
               const char         *model_id,
               const char * const *service_ids)
{
  Selection *selection = g_new0 (Selection, 1);

  selection->model_id = model_id;
  selection->service_ids = g_strdupv ((char **) service_ids);
  g_ptr_array_add (selections, selection);
}

/* None, each model, a single service (aks and app-service where the catalog has
 * them) and a workload of the first three services. */
static GPtrArray *
selections_for (SrmCatalog *catalog)
{
  GPtrArray *selections = g_ptr_array_new_with_free_func (selection_free);
  GListModel *models = srm_catalog_get_models (catalog);
  GListModel *services = srm_catalog_get_services (catalog);
  const char *none[] = { NULL };
  g_autoptr(GStrvBuilder) workload = g_strv_builder_new ();
  g_auto(GStrv) workload_ids = NULL;
  guint n_services = g_list_model_get_n_items (services);

  add_selection (selections, NULL, none);
  for (guint i = 0; i < g_list_model_get_n_items (models); i++)
    {
      g_autoptr(SrmServiceModel) model = g_list_model_get_item (models, i);
      add_selection (selections, srm_service_model_get_id (model), none);
    }

  if (srm_catalog_lookup_service (catalog, "aks") != NULL)
    {
      const char *aks[] = { "aks", NULL };
      const char *app_service[] = { "app-service", NULL };

      add_selection (selections, NULL, aks);
      add_selection (selections, NULL, app_service);
    }
  else if (n_services > 0)
    {
      g_autoptr(SrmService) service = g_list_model_get_item (services, 0);
      const char *one[] = { srm_service_get_id (service), NULL };

      add_selection (selections, NULL, one);
    }

  for (guint i = 0; i < MIN (3, n_services); i++)
    {
      g_autoptr(SrmService) service = g_list_model_get_item (services, i);
      g_strv_builder_add (workload, srm_service_get_id (service));
    }
  workload_ids = g_strv_builder_end (workload);
  if (n_services >= 3)
    add_selection (selections, NULL, (const char * const *) workload_ids);

  return selections;
}

static void
apply (SrmDiagramPainter *painter,
       const Selection   *selection)
{
  srm_diagram_painter_set_model_id (painter, selection->model_id);
  srm_diagram_painter_set_service_ids (painter, (const char * const *) selection->service_ids);
}

/* ---- cells show what the catalog says ---- */

static gboolean
expect_highlighted (SrmCatalog             *catalog,
                    const Selection        *selection,
                    const SrmDiagramColumn *column)
{
  if (column->kind == SRM_DIAGRAM_COLUMN_SERVICE)
    return TRUE;
  if (g_strcmp0 (selection->model_id, column->id) == 0)
    return TRUE;
  for (guint i = 0; selection->service_ids[i] != NULL; i++)
    {
      SrmService *service = srm_catalog_lookup_service (catalog, selection->service_ids[i]);
      if (g_strcmp0 (srm_service_get_model_id (service), column->id) == 0)
        return TRUE;
    }
  return FALSE;
}

static void
check_cells (SrmCatalog       *catalog,
             const Selection  *selection,
             SrmDiagramLayout *layout)
{
  GListModel *layers = srm_catalog_get_layers (catalog);
  GListModel *models = srm_catalog_get_models (catalog);
  guint n_models = g_list_model_get_n_items (models);
  guint n_services = g_strv_length (selection->service_ids);

  g_assert_cmpuint (srm_diagram_layout_get_n_rows (layout), ==, g_list_model_get_n_items (layers));
  g_assert_cmpuint (srm_diagram_layout_get_n_columns (layout), ==, n_models + n_services);
  g_assert_cmpuint (srm_diagram_layout_get_n_cells (layout), ==,
                    srm_diagram_layout_get_n_rows (layout) * srm_diagram_layout_get_n_columns (layout));

  for (guint c = 0; c < srm_diagram_layout_get_n_columns (layout); c++)
    {
      const SrmDiagramColumn *column = srm_diagram_layout_get_column (layout, c);

      /* Models in catalog order, then the services in the order picked. */
      if (c < n_models)
        {
          g_autoptr(SrmServiceModel) model = g_list_model_get_item (models, c);

          g_assert_cmpint (column->kind, ==, SRM_DIAGRAM_COLUMN_MODEL);
          g_assert_cmpstr (column->id, ==, srm_service_model_get_id (model));
        }
      else
        {
          g_assert_cmpint (column->kind, ==, SRM_DIAGRAM_COLUMN_SERVICE);
          g_assert_cmpstr (column->id, ==, selection->service_ids[c - n_models]);
        }
      g_assert_cmpint (column->highlighted, ==, expect_highlighted (catalog, selection, column));
    }

  for (guint r = 0; r < srm_diagram_layout_get_n_rows (layout); r++)
    {
      g_autoptr(SrmLayer) layer = g_list_model_get_item (layers, r);
      const SrmDiagramRow *row = srm_diagram_layout_get_row (layout, r);

      g_assert_cmpstr (row->layer_id, ==, srm_layer_get_id (layer));
      g_assert_cmpstr (row->group_id, ==, srm_layer_get_group_id (layer));

      for (guint c = 0; c < srm_diagram_layout_get_n_columns (layout); c++)
        {
          const SrmDiagramColumn *column = srm_diagram_layout_get_column (layout, c);
          const SrmDiagramCell *cell = srm_diagram_layout_get_cell (layout, r, c);
          SrmOwner expected, model_owner;

          g_assert_cmpuint (cell->row, ==, r);
          g_assert_cmpuint (cell->column, ==, c);
          g_assert_cmpstr (cell->layer_id, ==, row->layer_id);
          g_assert_cmpstr (cell->column_id, ==, column->id);
          g_assert_cmpint (cell->highlighted, ==, column->highlighted);

          if (column->kind == SRM_DIAGRAM_COLUMN_MODEL)
            {
              g_assert_true (srm_catalog_get_owner (catalog, row->layer_id, column->id, &expected));
              g_assert_false (cell->is_override);
            }
          else
            {
              g_assert_true (srm_catalog_get_service_owner (catalog, column->id, row->layer_id, &expected));
              g_assert_true (srm_catalog_get_owner (catalog, row->layer_id, column->model_id, &model_owner));
              g_assert_cmpint (cell->is_override, ==, expected != model_owner);
            }
          g_assert_cmpint (cell->owner, ==, expected);
        }
    }
}

static void
test_cells_match_catalog (Fixture       *fixture,
                          gconstpointer  data)
{
  GListModel *catalogs = srm_catalog_registry_get_catalogs (fixture->registry);

  g_assert_cmpuint (g_list_model_get_n_items (catalogs), >=, 3);

  for (guint i = 0; i < g_list_model_get_n_items (catalogs); i++)
    {
      g_autoptr(SrmCatalog) catalog = g_list_model_get_item (catalogs, i);
      g_autoptr(SrmDiagramPainter) painter = srm_diagram_painter_new (catalog);
      g_autoptr(GPtrArray) selections = selections_for (catalog);

      for (guint j = 0; j < selections->len; j++)
        {
          g_autoptr(SrmDiagramLayout) layout = NULL;

          apply (painter, selections->pdata[j]);
          layout = srm_diagram_painter_layout (painter, NULL, 1280, 800);
          check_cells (catalog, selections->pdata[j], layout);
        }
    }
}

static void
test_aks_os_is_shared_override (Fixture       *fixture,
                                gconstpointer  data)
{
  SrmCatalog *catalog = lookup (fixture, "azure");
  g_autoptr(SrmDiagramPainter) painter = srm_diagram_painter_new (catalog);
  g_autoptr(SrmDiagramLayout) layout = NULL;
  const char *services[] = { "aks", NULL };
  gboolean found = FALSE;

  srm_diagram_painter_set_service_ids (painter, services);
  layout = srm_diagram_painter_layout (painter, NULL, 1280, 800);

  for (guint r = 0; r < srm_diagram_layout_get_n_rows (layout); r++)
    {
      guint last = srm_diagram_layout_get_n_columns (layout) - 1;
      const SrmDiagramCell *cell = srm_diagram_layout_get_cell (layout, r, last);

      g_assert_cmpstr (cell->column_id, ==, "aks");
      if (g_strcmp0 (cell->layer_id, "os") == 0)
        {
          g_assert_cmpint (cell->owner, ==, SRM_OWNER_SHARED);
          g_assert_true (cell->is_override);
          g_assert_true (cell->highlighted);
          found = TRUE;
        }
    }
  g_assert_true (found);
}

/* ---- hit testing ---- */

static void
test_hit_testing (Fixture       *fixture,
                  gconstpointer  data)
{
  SrmCatalog *catalog = lookup (fixture, "azure");
  g_autoptr(SrmDiagramPainter) painter = srm_diagram_painter_new (catalog);
  const char *services[] = { "app-service", "aks", NULL };
  const int sizes[][2] = { { 1280, 800 }, { 360, 640 }, { 3840, 2160 } };

  srm_diagram_painter_set_service_ids (painter, services);

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      g_autoptr(SrmDiagramLayout) layout = srm_diagram_painter_layout (painter, NULL, sizes[s][0], sizes[s][1]);
      guint n_columns = srm_diagram_layout_get_n_columns (layout);
      guint row, column;

      for (guint i = 0; i < srm_diagram_layout_get_n_cells (layout); i++)
        {
          const SrmDiagramCell *cell = srm_diagram_layout_get_nth_cell (layout, i);

          g_assert_true (srm_diagram_layout_hit_test (layout, cell->rect.x + cell->rect.width / 2,
                                                      cell->rect.y + cell->rect.height / 2, &row, &column));
          g_assert_cmpuint (row, ==, cell->row);
          g_assert_cmpuint (column, ==, cell->column);

          /* The gutter to the right of a cell and below it belongs to no cell. */
          if (cell->column + 1 < n_columns)
            {
              const SrmDiagramCell *next = srm_diagram_layout_get_cell (layout, cell->row, cell->column + 1);
              double gutter = (cell->rect.x + cell->rect.width + next->rect.x) / 2;

              g_assert_false (srm_diagram_layout_hit_test (layout, gutter, cell->rect.y + cell->rect.height / 2, NULL, NULL));
            }
          if (cell->row + 1 < srm_diagram_layout_get_n_rows (layout))
            {
              const SrmDiagramCell *below = srm_diagram_layout_get_cell (layout, cell->row + 1, cell->column);
              double gutter = (cell->rect.y + cell->rect.height + below->rect.y) / 2;

              g_assert_false (srm_diagram_layout_hit_test (layout, cell->rect.x + cell->rect.width / 2, gutter, NULL, NULL));
            }
        }

      for (guint c = 0; c < n_columns; c++)
        {
          const SrmDiagramColumn *col = srm_diagram_layout_get_column (layout, c);

          g_assert_false (srm_diagram_layout_hit_test (layout, col->header_rect.x + col->header_rect.width / 2,
                                                       col->header_rect.y + col->header_rect.height / 2, NULL, NULL));
        }
      for (guint r = 0; r < srm_diagram_layout_get_n_rows (layout); r++)
        {
          const SrmDiagramRow *rw = srm_diagram_layout_get_row (layout, r);

          g_assert_false (srm_diagram_layout_hit_test (layout, rw->label_rect.x + rw->label_rect.width / 2,
                                                       rw->label_rect.y + rw->label_rect.height / 2, NULL, NULL));
        }
      g_assert_false (srm_diagram_layout_hit_test (layout, 1, 1, NULL, NULL));
      g_assert_false (srm_diagram_layout_hit_test (layout, -10, -10, NULL, NULL));
    }
}

/* ---- every style at the extremes of size ---- */

#define EPSILON 0.5

static void
assert_inside (const cairo_rectangle_t *inner,
               const cairo_rectangle_t *outer,
               const char              *what)
{
  if (inner->x < outer->x - EPSILON || inner->y < outer->y - EPSILON ||
      inner->x + inner->width > outer->x + outer->width + EPSILON ||
      inner->y + inner->height > outer->y + outer->height + EPSILON)
    g_error ("%s (%.1f,%.1f %.1f×%.1f) outside (%.1f,%.1f %.1f×%.1f)", what,
             inner->x, inner->y, inner->width, inner->height,
             outer->x, outer->y, outer->width, outer->height);
}

static gboolean
overlap (const cairo_rectangle_t *a,
         const cairo_rectangle_t *b)
{
  return a->x < b->x + b->width - EPSILON && b->x < a->x + a->width - EPSILON &&
         a->y < b->y + b->height - EPSILON && b->y < a->y + a->height - EPSILON;
}

static void
check_geometry (SrmDiagramLayout *layout,
                double            width,
                double            height)
{
  cairo_rectangle_t canvas = { 0, 0, width, height };
  cairo_rectangle_t rect;
  guint n_cells = srm_diagram_layout_get_n_cells (layout);

  for (guint i = 0; i < n_cells; i++)
    {
      const SrmDiagramCell *a = srm_diagram_layout_get_nth_cell (layout, i);

      g_assert_cmpfloat (a->rect.width, >, 0);
      g_assert_cmpfloat (a->rect.height, >, 0);
      assert_inside (&a->rect, &canvas, "cell");
      for (guint j = i + 1; j < n_cells; j++)
        g_assert_false (overlap (&a->rect, &srm_diagram_layout_get_nth_cell (layout, j)->rect));
    }

  for (guint i = 0; i < srm_diagram_layout_get_n_columns (layout); i++)
    assert_inside (&srm_diagram_layout_get_column (layout, i)->header_rect, &canvas, "header");
  for (guint i = 0; i < srm_diagram_layout_get_n_rows (layout); i++)
    assert_inside (&srm_diagram_layout_get_row (layout, i)->label_rect, &canvas, "row label");
  for (guint i = 0; i < srm_diagram_layout_get_n_bands (layout); i++)
    assert_inside (&srm_diagram_layout_get_band (layout, i)->rect, &canvas, "band");

  for (guint i = 0; i < srm_diagram_layout_get_n_texts (layout); i++)
    {
      const SrmDiagramText *text = srm_diagram_layout_get_text (layout, i);

      g_assert_cmpstr (text->text, !=, "");
      assert_inside (&text->rect, &canvas, text->text);
      assert_inside (&text->rect, &text->bounds, text->text);
    }

  if (srm_diagram_layout_get_legend_rect (layout, &rect))
    {
      assert_inside (&rect, &canvas, "legend");
      for (guint i = 0; i < n_cells; i++)
        g_assert_false (overlap (&rect, &srm_diagram_layout_get_nth_cell (layout, i)->rect));
    }
  if (srm_diagram_layout_get_summary_rect (layout, &rect))
    assert_inside (&rect, &canvas, "summary");
}

static void
test_styles_and_sizes (Fixture       *fixture,
                       gconstpointer  data)
{
  GListModel *catalogs = srm_catalog_registry_get_catalogs (fixture->registry);
  const int sizes[][2] = { { 360, 640 }, { 3840, 2160 }, { 1280, 800 }, { 1920, 1080 } };

  for (guint i = 0; i < g_list_model_get_n_items (catalogs); i++)
    {
      g_autoptr(SrmCatalog) catalog = g_list_model_get_item (catalogs, i);
      g_autoptr(SrmDiagramPainter) painter = srm_diagram_painter_new (catalog);
      g_autoptr(GPtrArray) selections = selections_for (catalog);

      srm_diagram_painter_set_title (painter, srm_catalog_get_title (catalog));
      srm_diagram_painter_set_focus_cell (painter, 1, 1);
      srm_diagram_painter_set_hover_cell (painter, 2, 0);

      for (guint style = SRM_DIAGRAM_STYLE_LIGHT; style <= SRM_DIAGRAM_STYLE_PRINT; style++)
        for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
          for (guint k = 0; k < selections->len; k++)
            {
              g_autoptr(SrmDiagramLayout) layout = NULL;
              cairo_surface_t *surface;
              cairo_t *cr;

              /* Every selection at the narrow size; the big one with a few. */
              if (s >= 1 && k % 3 != 0)
                continue;

              apply (painter, selections->pdata[k]);
              srm_diagram_painter_set_style (painter, style);
              surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, sizes[s][0], sizes[s][1]);
              cr = cairo_create (surface);
              layout = srm_diagram_painter_draw (painter, cr, sizes[s][0], sizes[s][1]);
              g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
              g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
              check_geometry (layout, sizes[s][0], sizes[s][1]);
              cairo_destroy (cr);
              cairo_surface_destroy (surface);
            }
    }
}

static void
test_style_strings (void)
{
  const char *nicks[] = { "light", "dark", "contrast", "print" };
  SrmDiagramStyle style;

  for (guint i = 0; i < G_N_ELEMENTS (nicks); i++)
    {
      g_assert_true (srm_diagram_style_from_string (nicks[i], &style));
      g_assert_cmpint (style, ==, i);
      g_assert_cmpstr (srm_diagram_style_to_string (style), ==, nicks[i]);
    }
  g_assert_false (srm_diagram_style_from_string ("sepia", &style));
  g_assert_false (srm_diagram_style_from_string (NULL, &style));
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              gpointer    data)
{
  (*(guint *) data)++;
}

static void
test_notify_only_on_change (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(SrmDiagramPainter) painter = srm_diagram_painter_new (lookup (fixture, "azure"));
  const char *services[] = { "aks", NULL };
  guint count = 0;

  g_signal_connect (painter, "notify", G_CALLBACK (count_notify), &count);
  srm_diagram_painter_set_model_id (painter, "paas");
  srm_diagram_painter_set_model_id (painter, "paas");
  srm_diagram_painter_set_service_ids (painter, services);
  srm_diagram_painter_set_service_ids (painter, services);
  srm_diagram_painter_set_highlight_progress (painter, 1);
  srm_diagram_painter_set_focus_cell (painter, 2, 3);
  srm_diagram_painter_set_focus_cell (painter, 2, 3);
  g_assert_cmpuint (count, ==, 4);
}

/* ---- a full-screen canvas ---- */

/* From the top of the headers to the bottom of the last row. */
static double
table_height (SrmDiagramLayout *layout)
{
  const SrmDiagramColumn *first = srm_diagram_layout_get_column (layout, 0);
  const SrmDiagramRow *last = srm_diagram_layout_get_row (layout, srm_diagram_layout_get_n_rows (layout) - 1);

  return last->rect.y + last->rect.height - first->header_rect.y;
}

static void
test_fills_canvas (Fixture       *fixture,
                   gconstpointer  data)
{
  const char *catalogs[] = { "azure", "azure-2026", "azure-ai" };
  const char *none[] = { NULL };
  const char *services[] = { "aks", "app-service", "azure-sql-db", NULL };

  for (guint i = 0; i < G_N_ELEMENTS (catalogs); i++)
    {
      SrmCatalog *catalog = lookup (fixture, catalogs[i]);
      g_autoptr(SrmDiagramPainter) painter = srm_diagram_painter_new (catalog);

      for (guint k = 0; k < 2; k++)
        {
          g_autoptr(SrmDiagramLayout) natural = NULL;
          g_autoptr(SrmDiagramLayout) layout = NULL;
          cairo_rectangle_t summary;
          double share;

          if (k == 1 && srm_catalog_lookup_service (catalog, "aks") == NULL)
            continue;
          srm_diagram_painter_set_service_ids (painter, k == 0 ? none : services);
          natural = srm_diagram_painter_layout (painter, NULL, 1920, -1);
          layout = srm_diagram_painter_layout (painter, NULL, 1920, 1080);
          share = table_height (layout) / 1080;

          /* A presenter's full screen: the table takes most of it, with type
           * no smaller than the natural size allows the height. */
          if (g_strcmp0 (catalogs[i], "azure") == 0)
            g_assert_cmpfloat (share, >=, 0.8);
          else
            g_assert_cmpfloat (share, >=, 0.45);
          /* A short catalog grows its type rather than sitting small. */
          if (srm_diagram_painter_get_natural_height (painter, 1920) < 0.7 * 1080)
            g_assert_cmpfloat (srm_diagram_layout_get_font_size (layout), >, srm_diagram_layout_get_font_size (natural));
          check_geometry (layout, 1920, 1080);

          /* The summary starts where the table does. */
          g_assert_true (srm_diagram_layout_get_summary_rect (layout, &summary));
          g_assert_cmpfloat (fabs (summary.x - srm_diagram_layout_get_row (layout, 0)->rect.x), <=,
                             srm_diagram_layout_get_font_size (layout));
        }
    }
}

/* Exports at height -1 are as tall as the content and no taller. */
static void
test_natural_height_unchanged_by_fill (Fixture       *fixture,
                                       gconstpointer  data)
{
  g_autoptr(SrmDiagramPainter) painter = srm_diagram_painter_new (lookup (fixture, "azure-ai"));
  g_autoptr(SrmDiagramLayout) natural = NULL;
  double height = srm_diagram_painter_get_natural_height (painter, 1920);

  natural = srm_diagram_painter_layout (painter, NULL, 1920, -1);
  g_assert_cmpfloat (fabs (srm_diagram_layout_get_height (natural) - height), <, 1);
  g_assert_cmpfloat (srm_diagram_layout_get_font_size (natural), ==, 1920.0 / 52);
}

/* The painter keeps its text measurements across layouts; a layout rebuilt
 * from them (after a selection change and back, at sizes that grow and
 * shrink the type) is the one a fresh painter makes, text for text. */
static void
test_text_cache_keeps_layout (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(SrmDiagramPainter) reused = srm_diagram_painter_new (lookup (fixture, "azure"));
  const char *services[] = { "aks", "app-service", "azure-sql-db", NULL };
  const char *other[] = { "azure-vm", NULL };
  const double sizes[][2] = { { 1920, 1080 }, { 360, 640 }, { 1280, -1 }, { 1920, 1080 } };

  srm_diagram_painter_set_service_ids (reused, services);
  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      g_autoptr(SrmDiagramPainter) fresh = srm_diagram_painter_new (lookup (fixture, "azure"));
      g_autoptr(SrmDiagramLayout) expected = NULL;
      g_autoptr(SrmDiagramLayout) layout = NULL;

      srm_diagram_layout_unref (srm_diagram_painter_layout (reused, NULL, sizes[s][0], sizes[s][1]));
      srm_diagram_painter_set_service_ids (reused, other);
      srm_diagram_layout_unref (srm_diagram_painter_layout (reused, NULL, sizes[s][0], sizes[s][1]));
      srm_diagram_painter_set_service_ids (reused, services);
      layout = srm_diagram_painter_layout (reused, NULL, sizes[s][0], sizes[s][1]);

      srm_diagram_painter_set_service_ids (fresh, services);
      expected = srm_diagram_painter_layout (fresh, NULL, sizes[s][0], sizes[s][1]);

      g_assert_cmpfloat (srm_diagram_layout_get_height (layout), ==, srm_diagram_layout_get_height (expected));
      g_assert_cmpuint (srm_diagram_layout_get_n_texts (layout), ==, srm_diagram_layout_get_n_texts (expected));
      for (guint i = 0; i < srm_diagram_layout_get_n_texts (layout); i++)
        {
          const SrmDiagramText *a = srm_diagram_layout_get_text (layout, i);
          const SrmDiagramText *b = srm_diagram_layout_get_text (expected, i);

          g_assert_cmpstr (a->text, ==, b->text);
          g_assert_true (memcmp (&a->rect, &b->rect, sizeof a->rect) == 0);
        }
    }
}

static gpointer
load_fonts_in_thread (gpointer catalog)
{
  return srm_diagram_fonts_load (catalog);
}

/* The fonts a worker loads ahead are the ones a painter then uses on the
 * thread that adopts them, and they lay the diagram out exactly as fonts
 * loaded on that thread did. */
static void
test_fonts_loaded_ahead (Fixture       *fixture,
                         gconstpointer  data)
{
  SrmCatalog *catalog = lookup (fixture, "azure");
  g_autoptr(SrmDiagramPainter) before = srm_diagram_painter_new (catalog);
  g_autoptr(SrmDiagramPainter) after = srm_diagram_painter_new (catalog);
  g_autoptr(SrmDiagramLayout) expected = NULL;
  g_autoptr(SrmDiagramLayout) actual = NULL;
  g_autoptr(PangoFontMap) font_map = NULL;
  PangoFontMap *old_map;
  PangoContext *context;

  expected = srm_diagram_painter_layout (before, NULL, 1100, 700);
  context = srm_diagram_context_new ();
  old_map = pango_context_get_font_map (context);
  g_object_unref (context);

  font_map = g_thread_join (g_thread_new ("fonts", load_fonts_in_thread, catalog));
  g_assert_true (PANGO_IS_FONT_MAP (font_map));
  g_assert_true (font_map != old_map);
  srm_diagram_fonts_adopt (font_map);
  context = srm_diagram_context_new ();
  g_assert_true (pango_context_get_font_map (context) == font_map);
  g_object_unref (context);

  actual = srm_diagram_painter_layout (after, NULL, 1100, 700);
  g_assert_cmpuint (srm_diagram_layout_get_n_texts (actual), ==, srm_diagram_layout_get_n_texts (expected));
  for (guint i = 0; i < srm_diagram_layout_get_n_texts (expected); i++)
    {
      const SrmDiagramText *a = srm_diagram_layout_get_text (expected, i);
      const SrmDiagramText *b = srm_diagram_layout_get_text (actual, i);

      g_assert_cmpstr (a->text, ==, b->text);
      g_assert_cmpfloat_with_epsilon (a->rect.x, b->rect.x, 1e-9);
      g_assert_cmpfloat_with_epsilon (a->rect.y, b->rect.y, 1e-9);
      g_assert_cmpfloat_with_epsilon (a->rect.width, b->rect.width, 1e-9);
      g_assert_cmpfloat_with_epsilon (a->rect.height, b->rect.height, 1e-9);
    }
}

static void
test_layout_cache (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(SrmDiagramPainter) painter = srm_diagram_painter_new (lookup (fixture, "azure"));
  const char *services[] = { "aks", NULL };
  SrmDiagramLayout *first, *again, *other;

  /* A view's size request and draw alternate between two sizes: both stay cached. */
  first = srm_diagram_painter_layout (painter, NULL, 1920, 1080);
  srm_diagram_painter_get_natural_height (painter, 1920);
  again = srm_diagram_painter_layout (painter, NULL, 1920, 1080);
  g_assert_true (first == again);
  srm_diagram_layout_unref (again);
  again = srm_diagram_painter_layout (painter, NULL, 1920, 1080);
  g_assert_true (first == again);
  srm_diagram_layout_unref (again);

  /* Paint state does not move geometry. */
  srm_diagram_painter_set_style (painter, SRM_DIAGRAM_STYLE_DARK);
  srm_diagram_painter_set_focus_cell (painter, 1, 1);
  srm_diagram_painter_set_highlight_progress (painter, 0.5);
  again = srm_diagram_painter_layout (painter, NULL, 1920, 1080);
  g_assert_true (first == again);
  srm_diagram_layout_unref (again);

  /* A new selection does. */
  srm_diagram_painter_set_service_ids (painter, services);
  other = srm_diagram_painter_layout (painter, NULL, 1920, 1080);
  g_assert_true (other != first);
  g_assert_cmpuint (srm_diagram_layout_get_n_columns (other), ==, srm_diagram_layout_get_n_columns (first) + 1);

  srm_diagram_layout_unref (first);
  srm_diagram_layout_unref (other);
}

static void
test_service_cells_have_words (Fixture       *fixture,
                               gconstpointer  data)
{
  SrmCatalog *catalog = lookup (fixture, "azure");
  g_autoptr(SrmDiagramPainter) painter = srm_diagram_painter_new (catalog);
  const char *services[] = { "aks", "app-service", NULL };
  const int sizes[][2] = { { 1920, -1 }, { 1920, 1080 } };

  srm_diagram_painter_set_service_ids (painter, services);

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      g_autoptr(SrmDiagramLayout) layout = srm_diagram_painter_layout (painter, NULL, sizes[s][0], sizes[s][1]);

      for (guint c = 0; c < srm_diagram_layout_get_n_columns (layout); c++)
        for (guint r = 0; r < srm_diagram_layout_get_n_rows (layout); r++)
          {
            const SrmDiagramCell *cell = srm_diagram_layout_get_cell (layout, r, c);
            const char *text = srm_diagram_layout_get_cell_text (layout, r, c);
            const char *expected = cell->owner == SRM_OWNER_CUSTOMER ? "You" :
                                   cell->owner == SRM_OWNER_SHARED ? "Shared" :
                                   srm_catalog_get_provider_name (catalog);

            if (g_strcmp0 (text, expected) != 0)
              g_error ("%dx%d cell %u,%u (%s, %s): “%s”, not “%s”", sizes[s][0], sizes[s][1], r, c,
                       cell->layer_id, cell->column_id, text, expected);
          }
    }
}

/* ---- export ---- */

static char *
read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

static void
test_export_svg_keeps_text (Fixture       *fixture,
                            gconstpointer  data)
{
  GListModel *catalogs = srm_catalog_registry_get_catalogs (fixture->registry);

  for (guint i = 0; i < g_list_model_get_n_items (catalogs); i++)
    {
      g_autoptr(SrmCatalog) catalog = g_list_model_get_item (catalogs, i);
      g_autoptr(SrmDiagramPainter) painter = srm_diagram_painter_new (catalog);
      g_autofree char *path = g_build_filename (fixture->user_dir, "diagram.svg", NULL);
      g_autofree char *svg = NULL;
      g_autoptr(GError) error = NULL;
      GListModel *layers = srm_catalog_get_layers (catalog);
      GListModel *models = srm_catalog_get_models (catalog);

      g_assert_true (srm_diagram_export_to_file (painter, path, 1920, -1, 1, &error));
      g_assert_no_error (error);
      svg = read_file (path);
      g_assert_true (g_str_has_prefix (svg, "<?xml"));
      g_assert_nonnull (strstr (svg, "</svg>"));

      for (guint j = 0; j < g_list_model_get_n_items (layers); j++)
        {
          g_autoptr(SrmLayer) layer = g_list_model_get_item (layers, j);
          g_autofree char *escaped = g_markup_escape_text (srm_layer_get_name (layer), -1);
          g_autofree char *element = g_strdup_printf (">%s</text>", escaped);

          if (strstr (svg, element) == NULL)
            g_error ("%s: no <text> for layer “%s”", srm_catalog_get_id (catalog), srm_layer_get_name (layer));
        }
      for (guint j = 0; j < g_list_model_get_n_items (models); j++)
        {
          g_autoptr(SrmServiceModel) model = g_list_model_get_item (models, j);
          g_autofree char *escaped = g_markup_escape_text (srm_service_model_get_short_name (model), -1);
          g_autofree char *element = g_strdup_printf (">%s</text>", escaped);

          if (strstr (svg, element) == NULL)
            g_error ("%s: no <text> for model “%s”", srm_catalog_get_id (catalog), srm_service_model_get_short_name (model));
        }
      g_unlink (path);
    }
}

static void
test_export_png_size (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(SrmDiagramPainter) painter = srm_diagram_painter_new (lookup (fixture, "azure"));
  g_autofree char *path = g_build_filename (fixture->user_dir, "diagram.PNG", NULL);
  g_autoptr(GError) error = NULL;
  cairo_surface_t *surface;
  double natural;

  srm_diagram_painter_set_model_id (painter, "paas");

  g_assert_true (srm_diagram_export_to_file (painter, path, 640, 400, 2, &error));
  g_assert_no_error (error);
  surface = cairo_image_surface_create_from_png (path);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, 1280);
  g_assert_cmpint (cairo_image_surface_get_height (surface), ==, 800);
  cairo_surface_destroy (surface);

  /* Height -1: as tall as the content at that width. */
  natural = srm_diagram_painter_get_natural_height (painter, 800);
  g_assert_cmpfloat (natural, >, 200);
  g_assert_true (srm_diagram_export_to_file (painter, path, 800, -1, 1, &error));
  g_assert_no_error (error);
  surface = cairo_image_surface_create_from_png (path);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, 800);
  g_assert_cmpint (cairo_image_surface_get_height (surface), ==, (int) natural);
  cairo_surface_destroy (surface);

  surface = srm_diagram_render_to_surface (painter, 300, 200, 1.5);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, 450);
  g_assert_cmpint (cairo_image_surface_get_height (surface), ==, 300);
  cairo_surface_destroy (surface);

  g_unlink (path);
}

static void
test_export_pdf (Fixture       *fixture,
                 gconstpointer  data)
{
  SrmCatalog *catalog = lookup (fixture, "azure");
  g_autoptr(SrmDiagramPainter) painter = srm_diagram_painter_new (catalog);
  g_autofree char *path = g_build_filename (fixture->user_dir, "diagram.pdf", NULL);
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autofree char *pdf = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (srm_diagram_export_to_file (painter, path, 1920, 1080, 1, &error));
  g_assert_no_error (error);
  pdf = read_file (path);
  g_assert_true (g_str_has_prefix (pdf, "%PDF"));

  if (pdftotext != NULL)
    {
      const char *argv[] = { pdftotext, path, "-", NULL };
      g_autofree char *text = NULL;
      g_autofree char *flat = NULL;
      GListModel *layers = srm_catalog_get_layers (catalog);

      g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &text, NULL, NULL, &error);
      g_assert_no_error (error);
      flat = g_strdelimit (g_strdup (text), "\n", ' ');
      for (guint j = 0; j < g_list_model_get_n_items (layers); j++)
        {
          g_autoptr(SrmLayer) layer = g_list_model_get_item (layers, j);
          g_assert_nonnull (strstr (flat, srm_layer_get_name (layer)));
        }
    }
  g_unlink (path);
}

static void
assert_dir_empty (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);

  g_assert_nonnull (dir);
  g_assert_null (g_dir_read_name (dir));
}

static void
test_export_errors (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(SrmDiagramPainter) painter = srm_diagram_painter_new (lookup (fixture, "azure"));
  g_autofree char *bmp = g_build_filename (fixture->user_dir, "diagram.bmp", NULL);
  g_autofree char *missing_dir = g_build_filename (fixture->user_dir, "no-such-folder", NULL);
  g_autofree char *missing = g_build_filename (missing_dir, "diagram.png", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (srm_diagram_export_to_file (painter, bmp, 800, 600, 1, &error));
  g_assert_error (error, SRM_EXPORT_ERROR, SRM_EXPORT_ERROR_UNKNOWN_FORMAT);
  g_assert_nonnull (strstr (error->message, "diagram.bmp"));
  g_clear_error (&error);

  g_assert_false (srm_diagram_export_to_file (painter, missing, 800, 600, 1, &error));
  g_assert_error (error, SRM_EXPORT_ERROR, SRM_EXPORT_ERROR_WRITE);
  g_assert_nonnull (strstr (error->message, "diagram.png"));
  g_assert_false (g_file_test (missing_dir, G_FILE_TEST_EXISTS));

  /* Nothing behind: no file, no temporary file. */
  assert_dir_empty (fixture->user_dir);
}

/* ---- summary ---- */

static char *
summary_for (SrmDiagramPainter  *painter,
             const char         *model_id,
             const char * const *service_ids)
{
  srm_diagram_painter_set_model_id (painter, model_id);
  srm_diagram_painter_set_service_ids (painter, service_ids);
  return srm_diagram_painter_dup_summary (painter);
}

static void
test_summary (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(SrmDiagramPainter) painter = srm_diagram_painter_new (lookup (fixture, "azure"));
  const char *none[] = { NULL };
  const char *app_service[] = { "app-service", NULL };
  const char *aks[] = { "aks", NULL };
  const char *workload[] = { "app-service", "aks", "functions", NULL };
  g_autofree char *paas = summary_for (painter, "paas", none);
  g_autofree char *app = summary_for (painter, NULL, app_service);
  g_autofree char *kubernetes = summary_for (painter, NULL, aks);
  g_autofree char *three = summary_for (painter, NULL, workload);
  g_autofree char *nothing = summary_for (painter, NULL, none);
  g_autoptr(SrmDiagramLayout) layout = NULL;

  g_assert_cmpstr (paas, ==, "In PaaS you own 3 of 10 layers and share 3");
  g_assert_cmpstr (app, ==, "For Azure App Service you own 3 of 10 layers and share 3");
  /* AKS's override makes the operating system shared. */
  g_assert_cmpstr (kubernetes, ==, "For Azure Kubernetes Service (AKS) you own 3 of 10 layers and share 4");
  g_assert_cmpstr (three, ==, "For this workload (3 services) you own 3 of 10 layers and share 4");
  g_assert_cmpstr (nothing, ==, "Pick a model or a service to see what you own and what Microsoft runs for you");

  layout = srm_diagram_painter_layout (painter, NULL, 1280, 800);
  g_assert_cmpstr (srm_diagram_layout_get_summary (layout), ==, nothing);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/painter/cells-match-catalog", test_cells_match_catalog);
  ADD ("/painter/aks-os-is-shared-override", test_aks_os_is_shared_override);
  ADD ("/painter/hit-testing", test_hit_testing);
  ADD ("/painter/styles-and-sizes", test_styles_and_sizes);
  ADD ("/painter/notify-only-on-change", test_notify_only_on_change);
  ADD ("/painter/summary", test_summary);
  ADD ("/painter/fills-canvas", test_fills_canvas);
  ADD ("/painter/natural-height-unchanged-by-fill", test_natural_height_unchanged_by_fill);
  ADD ("/painter/layout-cache", test_layout_cache);
  ADD ("/painter/fonts-loaded-ahead", test_fonts_loaded_ahead);
  ADD ("/painter/text-cache-keeps-layout", test_text_cache_keeps_layout);
  ADD ("/painter/service-cells-have-words", test_service_cells_have_words);
  ADD ("/export/svg-keeps-text", test_export_svg_keeps_text);
  ADD ("/export/png-size", test_export_png_size);
  ADD ("/export/pdf", test_export_pdf);
  ADD ("/export/errors", test_export_errors);
#undef ADD
  g_test_add_func ("/painter/style-strings", test_style_strings);

  return g_test_run ();
}
