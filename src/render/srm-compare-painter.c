/* srm-compare-painter.c: two matrices side by side, differences marked.
 *
 * The picture is an ordinary diagram layout (cells, glyphs, texts, legend)
 * built here rather than by the diagram's geometry, plus the comparison's
 * marks: so it is painted by srm_diagram_paint () with the diagram's palette
 * and written by the same exporters, text as text. Every length derives from
 * one body size f, which follows the width and shrinks to fit a height.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "srm-compare-painter.h"
#include "srm-diagram-export-private.h"

#define MIN_BODY_SIZE 11.0
#define FLOOR_BODY_SIZE 6.0
#define MAX_BODY_SIZE 96.0
#define MIN_ROW_EMS 2.3
#define MAX_ROW_EMS 3.6

/* ---- the layout ---- */

struct _SrmCompareLayout {
  gatomicrefcount   ref_count;
  SrmDiagramLayout *diagram;     /* what is painted */
  guint             n_columns;   /* per side */
  GArray           *rows;        /* SrmCompareRow */
  GArray           *cells;       /* SrmCompareCell */
  GArray           *differences; /* SrmCompareDifference */
  GPtrArray        *strings;     /* what the rows, cells and differences point to */
};

G_DEFINE_BOXED_TYPE (SrmCompareLayout, srm_compare_layout, srm_compare_layout_ref, srm_compare_layout_unref)

static SrmCompareLayout *
compare_layout_new (void)
{
  SrmCompareLayout *self = g_new0 (SrmCompareLayout, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->diagram = srm_diagram_layout_new ();
  self->rows = g_array_new (FALSE, TRUE, sizeof (SrmCompareRow));
  self->cells = g_array_new (FALSE, TRUE, sizeof (SrmCompareCell));
  self->differences = g_array_new (FALSE, TRUE, sizeof (SrmCompareDifference));
  self->strings = g_ptr_array_new_with_free_func (g_free);
  return self;
}

SrmCompareLayout *
srm_compare_layout_ref (SrmCompareLayout *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
srm_compare_layout_unref (SrmCompareLayout *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  srm_diagram_layout_unref (self->diagram);
  g_array_unref (self->rows);
  g_array_unref (self->cells);
  g_array_unref (self->differences);
  g_ptr_array_unref (self->strings);
  g_free (self);
}

static const char *
keep (SrmCompareLayout *self,
      const char       *text)
{
  char *copy;

  if (text == NULL)
    return NULL;
  copy = g_strdup (text);
  g_ptr_array_add (self->strings, copy);
  return copy;
}

double
srm_compare_layout_get_width (SrmCompareLayout *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->diagram->width;
}

double
srm_compare_layout_get_height (SrmCompareLayout *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->diagram->height;
}

double
srm_compare_layout_get_font_size (SrmCompareLayout *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->diagram->font_size;
}

guint
srm_compare_layout_get_n_columns (SrmCompareLayout *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_columns;
}

guint
srm_compare_layout_get_n_rows (SrmCompareLayout *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->rows->len;
}

const SrmCompareRow *
srm_compare_layout_get_row (SrmCompareLayout *self,
                            guint             row)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (row < self->rows->len, NULL);
  return &g_array_index (self->rows, SrmCompareRow, row);
}

guint
srm_compare_layout_get_n_cells (SrmCompareLayout *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->cells->len;
}

const SrmCompareCell *
srm_compare_layout_get_cell (SrmCompareLayout *self,
                             guint             index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->cells->len, NULL);
  return &g_array_index (self->cells, SrmCompareCell, index);
}

guint
srm_compare_layout_get_n_differences (SrmCompareLayout *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->differences->len;
}

const SrmCompareDifference *
srm_compare_layout_get_difference (SrmCompareLayout *self,
                                   guint             index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->differences->len, NULL);
  return &g_array_index (self->differences, SrmCompareDifference, index);
}

guint
srm_compare_layout_get_n_texts (SrmCompareLayout *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return srm_diagram_layout_get_n_texts (self->diagram);
}

const SrmDiagramText *
srm_compare_layout_get_text (SrmCompareLayout *self,
                             guint             index)
{
  g_return_val_if_fail (self != NULL, NULL);
  return srm_diagram_layout_get_text (self->diagram, index);
}

static void
move_rect (cairo_rectangle_t *rect,
           double             dy)
{
  rect->y += dy;
}

static void
compare_layout_translate (SrmCompareLayout *self,
                          double            dy)
{
  srm_diagram_layout_translate (self->diagram, 0, dy);
  for (guint i = 0; i < self->rows->len; i++)
    {
      SrmCompareRow *row = &g_array_index (self->rows, SrmCompareRow, i);

      move_rect (&row->rect, dy);
      if (row->gap_rect.width > 0)
        move_rect (&row->gap_rect, dy);
    }
  for (guint i = 0; i < self->cells->len; i++)
    move_rect (&g_array_index (self->cells, SrmCompareCell, i).rect, dy);
  for (guint i = 0; i < self->differences->len; i++)
    move_rect (&g_array_index (self->differences, SrmCompareDifference, i).rect, dy);
}

/* ---- the painter ---- */

/* One line of the matrices: a matched pair of layers with a comparison row
 * per column, or a layer of one table only. */
typedef struct {
  SrmLayer         *left;
  SrmLayer         *right;
  GPtrArray        *cells;    /* SrmComparisonRow per column; empty for a gap */
  SrmComparisonRow *only;     /* the row of a layer in one table only */
} Group;

struct _SrmComparePainter
{
  GObject           parent_instance;

  SrmComparison    *comparison;
  SrmDiagramStyle   style;
  PangoContext     *context;

  GPtrArray        *groups;      /* Group */
  GPtrArray        *left_columns;  /* column ids of each side */
  GPtrArray        *right_columns;
  SrmCompareLayout *cached;
  double            cached_width, cached_height;
};

G_DEFINE_FINAL_TYPE (SrmComparePainter, srm_compare_painter, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_COMPARISON,
  PROP_STYLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
group_free (gpointer data)
{
  Group *group = data;

  g_ptr_array_unref (group->cells);
  g_clear_object (&group->only);
  g_free (group);
}

static void
invalidate (SrmComparePainter *self)
{
  g_clear_pointer (&self->cached, srm_compare_layout_unref);
}

/* Consecutive rows of the same pair of layers make one line; the columns are
 * those the comparison compared, in the order it did. */
static void
rebuild_groups (SrmComparePainter *self)
{
  GListModel *rows;
  Group *group = NULL;

  g_ptr_array_set_size (self->groups, 0);
  g_ptr_array_set_size (self->left_columns, 0);
  g_ptr_array_set_size (self->right_columns, 0);
  if (self->comparison == NULL)
    return;

  if (srm_comparison_get_kind (self->comparison) != SRM_COMPARISON_CATALOGS)
    {
      g_ptr_array_add (self->left_columns, g_strdup (srm_comparison_get_left_id (self->comparison)));
      g_ptr_array_add (self->right_columns, g_strdup (srm_comparison_get_right_id (self->comparison)));
    }

  rows = srm_comparison_get_rows (self->comparison);
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(SrmComparisonRow) row = g_list_model_get_item (rows, i);
      SrmLayer *left = srm_comparison_row_get_left_layer (row);
      SrmLayer *right = srm_comparison_row_get_right_layer (row);
      const char *model_id = srm_comparison_row_get_model_id (row);

      if (group == NULL || group->left != left || group->right != right || left == NULL || right == NULL)
        {
          group = g_new0 (Group, 1);
          group->left = left;
          group->right = right;
          group->cells = g_ptr_array_new_with_free_func (g_object_unref);
          g_ptr_array_add (self->groups, group);
        }

      if (left == NULL || right == NULL)
        {
          group->only = g_object_ref (row);
          continue;
        }
      g_ptr_array_add (group->cells, g_object_ref (row));

      if (model_id != NULL && !g_ptr_array_find_with_equal_func (self->left_columns, model_id, g_str_equal, NULL))
        {
          g_ptr_array_add (self->left_columns, g_strdup (model_id));
          g_ptr_array_add (self->right_columns, g_strdup (model_id));
        }
    }
}

static void
srm_compare_painter_dispose (GObject *object)
{
  SrmComparePainter *self = SRM_COMPARE_PAINTER (object);

  invalidate (self);
  g_clear_pointer (&self->groups, g_ptr_array_unref);
  g_clear_object (&self->comparison);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (srm_compare_painter_parent_class)->dispose (object);
}

static void
srm_compare_painter_finalize (GObject *object)
{
  SrmComparePainter *self = SRM_COMPARE_PAINTER (object);

  g_ptr_array_unref (self->left_columns);
  g_ptr_array_unref (self->right_columns);

  G_OBJECT_CLASS (srm_compare_painter_parent_class)->finalize (object);
}

static void
srm_compare_painter_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  SrmComparePainter *self = SRM_COMPARE_PAINTER (object);

  switch (prop_id)
    {
    case PROP_COMPARISON:
      g_value_set_object (value, self->comparison);
      break;
    case PROP_STYLE:
      g_value_set_enum (value, self->style);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
srm_compare_painter_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  SrmComparePainter *self = SRM_COMPARE_PAINTER (object);

  switch (prop_id)
    {
    case PROP_COMPARISON:
      srm_compare_painter_set_comparison (self, g_value_get_object (value));
      break;
    case PROP_STYLE:
      srm_compare_painter_set_style (self, g_value_get_enum (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
srm_compare_painter_class_init (SrmComparePainterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = srm_compare_painter_dispose;
  object_class->finalize = srm_compare_painter_finalize;
  object_class->get_property = srm_compare_painter_get_property;
  object_class->set_property = srm_compare_painter_set_property;

  properties[PROP_COMPARISON] =
    g_param_spec_object ("comparison", NULL, NULL, SRM_TYPE_COMPARISON,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_STYLE] =
    g_param_spec_enum ("style", NULL, NULL, SRM_TYPE_DIAGRAM_STYLE, SRM_DIAGRAM_STYLE_LIGHT,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
srm_compare_painter_init (SrmComparePainter *self)
{
  self->style = SRM_DIAGRAM_STYLE_LIGHT;
  self->groups = g_ptr_array_new_with_free_func (group_free);
  self->left_columns = g_ptr_array_new_with_free_func (g_free);
  self->right_columns = g_ptr_array_new_with_free_func (g_free);
}

SrmComparePainter *
srm_compare_painter_new (SrmComparison *comparison)
{
  g_return_val_if_fail (comparison == NULL || SRM_IS_COMPARISON (comparison), NULL);

  return g_object_new (SRM_TYPE_COMPARE_PAINTER, "comparison", comparison, NULL);
}

SrmComparison *
srm_compare_painter_get_comparison (SrmComparePainter *self)
{
  g_return_val_if_fail (SRM_IS_COMPARE_PAINTER (self), NULL);
  return self->comparison;
}

void
srm_compare_painter_set_comparison (SrmComparePainter *self,
                                    SrmComparison     *comparison)
{
  g_return_if_fail (SRM_IS_COMPARE_PAINTER (self));
  g_return_if_fail (comparison == NULL || SRM_IS_COMPARISON (comparison));

  if (!g_set_object (&self->comparison, comparison))
    return;
  rebuild_groups (self);
  invalidate (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPARISON]);
}

SrmDiagramStyle
srm_compare_painter_get_style (SrmComparePainter *self)
{
  g_return_val_if_fail (SRM_IS_COMPARE_PAINTER (self), SRM_DIAGRAM_STYLE_LIGHT);
  return self->style;
}

void
srm_compare_painter_set_style (SrmComparePainter *self,
                               SrmDiagramStyle    style)
{
  g_return_if_fail (SRM_IS_COMPARE_PAINTER (self));

  if (self->style == style)
    return;
  self->style = style;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STYLE]);
}

/* ---- words ---- */

/* "Microsoft Azure (January 2026 table)" beside "Microsoft Azure" is named by
 * what sets it apart: "January 2026 table". */
static char *
catalog_side_name (const char *title,
                   const char *other)
{
  gsize n = strlen (other);

  if (strncmp (title, other, n) == 0 && g_str_has_prefix (title + n, " (") && g_str_has_suffix (title, ")"))
    return g_strndup (title + n + 2, strlen (title) - n - 3);
  return g_strdup (title);
}

/* A service by the acronym its name ends with: "Azure Kubernetes Service (AKS)" → "AKS". */
static char *
service_short_name (const char *name)
{
  const char *open = strrchr (name, '(');

  if (open != NULL && open > name && g_str_has_suffix (open, ")") && strlen (open) > 2)
    return g_strndup (open + 1, strlen (open) - 2);
  return g_strdup (name);
}

static char *
side_name (SrmComparison *comparison,
           gboolean       left)
{
  const char *title = left ? srm_comparison_get_left_title (comparison)
                           : srm_comparison_get_right_title (comparison);
  const char *other = left ? srm_comparison_get_right_title (comparison)
                           : srm_comparison_get_left_title (comparison);

  switch (srm_comparison_get_kind (comparison))
    {
    case SRM_COMPARISON_CATALOGS:
      return catalog_side_name (title, other);
    case SRM_COMPARISON_SERVICES:
      return service_short_name (title);
    case SRM_COMPARISON_MODELS:
    default:
      return g_strdup (title);
    }
}

char *
srm_compare_painter_dup_title (SrmComparePainter *self)
{
  g_autofree char *left = NULL;
  g_autofree char *right = NULL;

  g_return_val_if_fail (SRM_IS_COMPARE_PAINTER (self), NULL);

  if (self->comparison == NULL)
    return g_strdup ("");

  left = side_name (self->comparison, TRUE);
  right = side_name (self->comparison, FALSE);
  if (srm_comparison_get_kind (self->comparison) == SRM_COMPARISON_MODELS)
    /* TRANSLATORS: a comparison of two service models, e.g. "IaaS → PaaS" */
    return g_strdup_printf (_("%s → %s"), left, right);
  /* TRANSLATORS: a comparison of two services or two tables, e.g. "AKS vs App Service" */
  return g_strdup_printf (_("%s vs %s"), left, right);
}

char *
srm_compare_describe_row (SrmComparison    *comparison,
                          SrmComparisonRow *row)
{
  SrmLayer *left, *right;
  const char *model_id;
  SrmDifference difference;
  g_autofree char *name = NULL;
  g_autofree char *words = NULL;

  g_return_val_if_fail (SRM_IS_COMPARISON (comparison), NULL);
  g_return_val_if_fail (SRM_IS_COMPARISON_ROW (row), NULL);

  left = srm_comparison_row_get_left_layer (row);
  right = srm_comparison_row_get_right_layer (row);
  model_id = srm_comparison_row_get_model_id (row);
  difference = srm_comparison_row_get_difference (row);

  if (left != NULL && right != NULL && g_strcmp0 (srm_layer_get_name (left), srm_layer_get_name (right)) != 0)
    /* TRANSLATORS: a row's name in the left table, then in the right one */
    name = g_strdup_printf (_("%s / %s"), srm_layer_get_name (left), srm_layer_get_name (right));
  else
    name = g_strdup (srm_layer_get_name (left != NULL ? left : right));

  if (model_id != NULL)
    {
      SrmServiceModel *model = srm_catalog_lookup_model (srm_comparison_get_left_catalog (comparison), model_id);
      /* TRANSLATORS: a row's name, then a column: "Applications, SaaS" */
      g_autofree char *with_model = g_strdup_printf (_("%s, %s"), name,
                                                     model != NULL ? srm_service_model_get_short_name (model) : model_id);

      g_free (name);
      name = g_steal_pointer (&with_model);
    }

  if (difference == SRM_DIFFERENCE_LEFT_ONLY || difference == SRM_DIFFERENCE_RIGHT_ONLY)
    {
      g_autofree char *side = side_name (comparison, difference == SRM_DIFFERENCE_LEFT_ONLY);

      /* TRANSLATORS: %s is a catalog's title */
      words = g_strdup_printf (_("row only in “%s”"), side);
    }
  else
    words = srm_difference_describe (difference,
                                     srm_catalog_get_provider_name (srm_comparison_get_left_catalog (comparison)));

  /* TRANSLATORS: a row, then what changes: "Operating system: moves to Microsoft" */
  return g_strdup_printf (_("%s: %s"), name, words);
}

/* ---- geometry ---- */

typedef struct {
  SrmComparePainter *painter;
  SrmCompareLayout  *layout;
  SrmDiagramLayout  *d;
  SrmCatalog        *catalog;   /* the left one: provider name and legend */
  double             f;
  double             gap;       /* between cells */
  double             min_row;
  gboolean           beside;    /* the list beside the matrices, not under them */
} Builder;

#define rect_make srm_rect_make
#define place_text(b, text, x, y, bounds, role) srm_diagram_layout_take_text ((b)->d, text, x, y, bounds, role)

static PangoLayout *
fit (Builder        *b,
     const char     *text,
     double          size,
     double          min_size,
     PangoWeight     weight,
     double          width,
     int             max_lines,
     PangoAlignment  align)
{
  return srm_diagram_text_fit (b->painter->context, text, size, min_size, weight, MAX (1, width), max_lines, align);
}

static void
add_mark (Builder           *b,
          SrmMarkKind        kind,
          cairo_rectangle_t  rect)
{
  SrmDiagramMark mark = { kind, rect };

  g_array_append_val (b->d->marks, mark);
}

/* A round badge with @number, centred on (@cx, @cy). */
static void
add_badge (Builder *b,
           guint    number,
           double   cx,
           double   cy,
           double   d)
{
  g_autofree char *label = g_strdup_printf ("%u", number);
  PangoLayout *text = srm_diagram_text_new (b->painter->context, label, 0.62 * d, PANGO_WEIGHT_BOLD, -1, PANGO_ALIGN_CENTER);
  cairo_rectangle_t rect;
  double w, h;

  srm_diagram_text_size (text, &w, &h);
  rect = rect_make (cx - MAX (d, w + 0.45 * d) / 2, cy - d / 2, MAX (d, w + 0.45 * d), d);
  add_mark (b, SRM_MARK_BADGE, rect);
  place_text (b, text, cx - w / 2, cy - h / 2, &rect, SRM_TEXT_MARK);
}

static double
badge_size (Builder *b)
{
  return MAX (14, 1.05 * b->f);
}

static double
label_width (Builder *b,
             double   share)
{
  double natural = 0, longest_word = 0;

  for (guint i = 0; i < b->painter->groups->len; i++)
    {
      Group *group = g_ptr_array_index (b->painter->groups, i);
      const char *name = srm_layer_get_name (group->left != NULL ? group->left : group->right);
      g_auto(GStrv) words = g_strsplit (name, " ", -1);
      g_autoptr(PangoLayout) text = srm_diagram_text_new (b->painter->context, name, b->f, PANGO_WEIGHT_MEDIUM, -1, PANGO_ALIGN_LEFT);
      double w;

      srm_diagram_text_size (text, &w, NULL);
      natural = MAX (natural, w);
      for (guint j = 0; words[j] != NULL; j++)
        {
          g_autoptr(PangoLayout) word = srm_diagram_text_new (b->painter->context, words[j], b->f, PANGO_WEIGHT_MEDIUM, -1, PANGO_ALIGN_LEFT);

          srm_diagram_text_size (word, &w, NULL);
          longest_word = MAX (longest_word, w);
        }
    }

  return MAX (MIN (natural, share), MIN (longest_word, share * 1.25)) + 0.7 * b->f;
}

static SrmOwner
cell_owner (SrmComparisonRow *row,
            gboolean          left)
{
  SrmOwner owner = SRM_OWNER_CUSTOMER;

  if (left)
    srm_comparison_row_get_left_owner (row, &owner);
  else
    srm_comparison_row_get_right_owner (row, &owner);
  return owner;
}

static double
layout_headers (Builder *b,
                double   y,
                double   side_x[2],
                double   column_width,
                double   side_gap)
{
  SrmComparePainter *p = b->painter;
  SrmComparisonKind kind = srm_comparison_get_kind (p->comparison);
  guint n = p->left_columns->len;
  double f = b->f, pad = 0.25 * f, side_width = n * column_width;
  double top = y, name_height = 0, column_height = 0;
  PangoLayout *names[2], *columns[2][16] = { { NULL } };
  cairo_rectangle_t bounds;

  for (guint s = 0; s < 2; s++)
    {
      SrmComparison *c = p->comparison;
      const char *title = s == 0 ? srm_comparison_get_left_title (c) : srm_comparison_get_right_title (c);
      g_autofree char *name = side_name (c, s == 0);
      double h;

      if (kind == SRM_COMPARISON_SERVICES)
        names[s] = srm_diagram_service_header_text (p->context, title, 1.1 * f, side_width - 2 * pad);
      else
        names[s] = fit (b, name, 1.1 * f, 0.8 * f, PANGO_WEIGHT_BOLD, side_width - 2 * pad, 2, PANGO_ALIGN_CENTER);
      srm_diagram_text_size (names[s], NULL, &h);
      name_height = MAX (name_height, h);

      /* Catalogs name their common columns under the table's name. */
      for (guint j = 0; kind == SRM_COMPARISON_CATALOGS && j < n && j < G_N_ELEMENTS (columns[s]); j++)
        {
          SrmServiceModel *model = srm_catalog_lookup_model (s == 0 ? srm_comparison_get_left_catalog (c)
                                                                    : srm_comparison_get_right_catalog (c),
                                                             g_ptr_array_index (s == 0 ? p->left_columns : p->right_columns, j));

          columns[s][j] = fit (b, model != NULL ? srm_service_model_get_short_name (model) : "?",
                               0.85 * f, 0.6 * f, PANGO_WEIGHT_BOLD, column_width - 2 * pad * 0.5, 2, PANGO_ALIGN_CENTER);
          srm_diagram_text_size (columns[s][j], NULL, &h);
          column_height = MAX (column_height, h);
        }
    }

  for (guint s = 0; s < 2; s++)
    {
      double h;

      bounds = rect_make (side_x[s], top, side_width, name_height + 2 * pad);
      srm_diagram_text_size (names[s], NULL, &h);
      place_text (b, names[s], side_x[s] + pad, top + pad + name_height - h, &bounds, SRM_TEXT_HEADER);
    }

  /* An arrow between the two names: the words of the list read left to right. */
  {
    PangoLayout *arrow = srm_diagram_text_new (p->context, "→", 1.1 * f, PANGO_WEIGHT_BOLD, -1, PANGO_ALIGN_CENTER);
    double w, h;

    srm_diagram_text_size (arrow, &w, &h);
    bounds = rect_make (side_x[0] + side_width, top, side_gap, name_height + 2 * pad);
    if (w <= side_gap)
      place_text (b, arrow, bounds.x + (side_gap - w) / 2, top + pad + name_height - h, &bounds, SRM_TEXT_HEADER);
    else
      g_object_unref (arrow);
  }

  y = top + name_height + 2 * pad;
  if (column_height > 0)
    {
      for (guint s = 0; s < 2; s++)
        for (guint j = 0; j < n && j < G_N_ELEMENTS (columns[s]); j++)
          {
            double h;

            bounds = rect_make (side_x[s] + j * column_width, y, column_width, column_height + pad);
            srm_diagram_text_size (columns[s][j], NULL, &h);
            place_text (b, columns[s][j], bounds.x + pad * 0.5, y + column_height - h, &bounds, SRM_TEXT_HEADER);
          }
      y += column_height + pad;
    }

  for (guint i = 0; i < b->d->columns->len; i++)
    {
      SrmDiagramColumn *column = &g_array_index (b->d->columns, SrmDiagramColumn, i);

      column->header_rect = rect_make (column->rect.x, top, column_width, y - top);
      column->rect.y = y;
    }

  return y;
}

static void
add_columns (Builder *b,
             double   side_x[2],
             double   column_width)
{
  SrmComparePainter *p = b->painter;

  for (guint s = 0; s < 2; s++)
    {
      GPtrArray *ids = s == 0 ? p->left_columns : p->right_columns;

      for (guint j = 0; j < ids->len; j++)
        {
          SrmDiagramColumn column = { 0, };

          column.kind = SRM_DIAGRAM_COLUMN_MODEL;
          column.id = g_strdup (g_ptr_array_index (ids, j));
          column.model_id = g_strdup (column.id);
          column.label = g_strdup (column.id);
          column.rect = rect_make (side_x[s] + j * column_width, 0, column_width, 0);
          g_array_append_val (b->d->columns, column);
        }
    }
}

/* The name of a row in the label column: the left table's, and the right
 * table's under it when it calls the row something else. */
static double
place_row_label (Builder                 *b,
                 Group                   *group,
                 const cairo_rectangle_t *label_rect,
                 double                   y,
                 double                   min_row,
                 guint                    row)
{
  double f = b->f, width = label_rect->width - 0.7 * f;
  SrmLayer *first = group->left != NULL ? group->left : group->right;
  PangoLayout *name = fit (b, srm_layer_get_name (first), f, 0.8 * f, PANGO_WEIGHT_MEDIUM, width, 3, PANGO_ALIGN_LEFT);
  PangoLayout *alias = NULL;
  double h, ah = 0, height;
  SrmDiagramTextItem *item;

  srm_diagram_text_size (name, NULL, &h);
  if (group->left != NULL && group->right != NULL &&
      g_strcmp0 (srm_layer_get_name (group->left), srm_layer_get_name (group->right)) != 0)
    {
      /* TRANSLATORS: the right table's name for a row, under the left table's */
      g_autofree char *text = g_strdup_printf (_("→ %s"), srm_layer_get_name (group->right));

      alias = fit (b, text, 0.8 * f, 0.7 * f, PANGO_WEIGHT_NORMAL, width, 2, PANGO_ALIGN_LEFT);
      srm_diagram_text_size (alias, NULL, &ah);
      ah += 0.1 * f;
    }

  height = MAX (min_row, h + ah + 0.6 * f);
  item = place_text (b, name, label_rect->x, y + (height - h - ah) / 2, label_rect, SRM_TEXT_ROW_LABEL);
  item->row = row;
  if (alias != NULL)
    {
      item = place_text (b, alias, label_rect->x, y + (height - h - ah) / 2 + h + 0.1 * f, label_rect, SRM_TEXT_BAND);
      item->row = row;
    }
  return height;
}

static void
add_cell (Builder          *b,
          guint             row,
          SrmCompareSide    side,
          guint             column,
          SrmLayer         *layer,
          SrmOwner          owner,
          SrmDifference     difference,
          cairo_rectangle_t rect)
{
  SrmCompareLayout *l = b->layout;
  SrmDiagramCell cell = { 0, };
  SrmCompareCell compare = { 0, };
  GPtrArray *ids = side == SRM_COMPARE_LEFT ? b->painter->left_columns : b->painter->right_columns;

  cell.row = row;
  cell.column = side * l->n_columns + column;
  cell.owner = owner;
  cell.rect = rect;
  g_array_append_val (b->d->cells, cell);

  compare.row = row;
  compare.side = side;
  compare.column = column;
  compare.layer_id = keep (l, srm_layer_get_id (layer));
  compare.column_id = keep (l, g_ptr_array_index (ids, column));
  compare.owner = owner;
  compare.difference = difference;
  compare.rect = rect;
  g_array_append_val (l->cells, compare);
}

/* The rows, their cells, rings, badges and gaps; returns the bottom. */
static double
layout_rows (Builder *b,
             double   x,
             double   label_w,
             double   side_x[2],
             double   column_width,
             double   y,
             guint   *number)
{
  SrmComparePainter *p = b->painter;
  SrmCompareLayout *l = b->layout;
  guint n = l->n_columns;
  double f = b->f, g = b->gap, d = badge_size (b);
  double side_width = n * column_width;

  for (guint i = 0; i < p->groups->len; i++)
    {
      Group *group = g_ptr_array_index (p->groups, i);
      SrmDiagramRow drow = { 0, };
      SrmCompareRow row = { 0, };
      cairo_rectangle_t label_rect = rect_make (x, y, label_w, 0);
      double height;
      gboolean differs = group->only != NULL;

      for (guint j = 0; j < group->cells->len; j++)
        differs |= srm_comparison_row_get_difference (group->cells->pdata[j]) != SRM_DIFFERENCE_SAME;

      height = place_row_label (b, group, &label_rect, y, b->min_row, i);
      label_rect.height = height;

      drow.layer_id = g_strdup (srm_layer_get_id (group->left != NULL ? group->left : group->right));
      drow.name = g_strdup (srm_layer_get_name (group->left != NULL ? group->left : group->right));
      drow.rect = rect_make (x, y, side_x[1] + side_width - x, height);
      drow.label_rect = label_rect;
      /* Rows where nothing changes recede, so the eye lands on the changes. */
      drow.spotlit = differs;
      g_array_append_val (b->d->rows, drow);

      row.left_layer_id = keep (l, group->left != NULL ? srm_layer_get_id (group->left) : NULL);
      row.right_layer_id = keep (l, group->right != NULL ? srm_layer_get_id (group->right) : NULL);
      row.name = keep (l, drow.name);
      row.difference = group->only != NULL ? srm_comparison_row_get_difference (group->only) : SRM_DIFFERENCE_SAME;
      row.differs = differs;
      row.rect = drow.rect;

      if (group->only != NULL)
        {
          gboolean on_left = group->left != NULL;
          SrmCompareSide present = on_left ? SRM_COMPARE_LEFT : SRM_COMPARE_RIGHT;
          cairo_rectangle_t span = rect_make (side_x[present] + g / 2, y + g / 2, side_width - g, height - g);
          cairo_rectangle_t gap = rect_make (side_x[!present] + g / 2, y + g / 2, side_width - g, height - g);
          PangoLayout *words;
          SrmDiagramTextItem *item;
          double h;

          /* Cells of a lone row still show its owners, model by model. */
          for (guint j = 0; j < n; j++)
            {
              SrmLayer *layer = on_left ? group->left : group->right;
              SrmOwner owner = SRM_OWNER_CUSTOMER;

              srm_layer_get_owner (layer, g_ptr_array_index (on_left ? p->left_columns : p->right_columns, j), &owner);
              add_cell (b, i, present, j, layer, owner, row.difference,
                        rect_make (side_x[present] + j * column_width + g / 2, y + g / 2, column_width - g, height - g));
            }

          add_mark (b, SRM_MARK_RING, span);
          add_mark (b, SRM_MARK_GAP, gap);
          /* TRANSLATORS: in the empty place of a row the other table has */
          words = fit (b, _("not in this table"), 0.85 * f, 0.6 * f, PANGO_WEIGHT_MEDIUM, gap.width - 0.6 * f, 2, PANGO_ALIGN_CENTER);
          srm_diagram_text_size (words, NULL, &h);
          item = place_text (b, words, gap.x + 0.3 * f, gap.y + (gap.height - h) / 2, &gap, SRM_TEXT_GAP);
          item->row = -1;
          row.gap_rect = gap;

          (*number)++;
          add_badge (b, *number, span.x + span.width, span.y, d);
          for (guint j = 0; j < n; j++)
            g_array_index (l->cells, SrmCompareCell, l->cells->len - 1 - j).number = *number;
        }
      else
        {
          for (guint s = 0; s < 2; s++)
            for (guint j = 0; j < group->cells->len && j < n; j++)
              {
                SrmComparisonRow *cr = group->cells->pdata[j];
                SrmDifference difference = srm_comparison_row_get_difference (cr);
                cairo_rectangle_t rect = rect_make (side_x[s] + j * column_width + g / 2, y + g / 2,
                                                    column_width - g, height - g);

                add_cell (b, i, s, j, s == 0 ? group->left : group->right, cell_owner (cr, s == 0), difference, rect);
                if (difference == SRM_DIFFERENCE_SAME)
                  continue;
                add_mark (b, SRM_MARK_RING, rect);
              }

          /* Badges last, over the rings, numbered in table order. */
          for (guint j = 0; j < group->cells->len && j < n; j++)
            {
              SrmComparisonRow *cr = group->cells->pdata[j];
              SrmCompareCell *right;

              if (srm_comparison_row_get_difference (cr) == SRM_DIFFERENCE_SAME)
                continue;
              right = &g_array_index (l->cells, SrmCompareCell, l->cells->len - group->cells->len + j);
              (*number)++;
              right->number = *number;
              g_array_index (l->cells, SrmCompareCell, l->cells->len - 2 * group->cells->len + j).number = *number;
              add_badge (b, *number, right->rect.x + right->rect.width, right->rect.y, d);
            }
        }

      g_array_append_val (l->rows, row);
      y += height;
    }

  return y;
}

/* Fills the cells as the diagram does: words sized per column, glyphs, chips. */
static void
fill_cells (Builder *b,
            double   column_width)
{
  guint n_columns = b->d->columns->len;
  g_autofree double *sizes = g_new0 (double, MAX (1, n_columns));

  for (guint j = 0; j < n_columns; j++)
    sizes[j] = srm_diagram_cell_text_size (b->d, b->painter->context, b->catalog, b->f, j,
                                           column_width - b->gap, b->min_row - b->gap);

  for (guint i = 0; i < b->d->cells->len; i++)
    {
      SrmDiagramCell *cell = &g_array_index (b->d->cells, SrmDiagramCell, i);

      cell->layer_id = g_array_index (b->d->rows, SrmDiagramRow, cell->row).layer_id;
      cell->column_id = g_array_index (b->d->columns, SrmDiagramColumn, cell->column).id;
      srm_diagram_cell_content (b->d, b->painter->context, b->catalog, b->f, cell, sizes[cell->column]);
    }
}

static SrmSwatchKind
swatch_of (SrmOwner owner)
{
  return (SrmSwatchKind) owner;
}

/* The numbered list of differences in words, each with its before → after
 * owners as swatches; returns the bottom. */
static double
layout_list (Builder *b,
             double   x,
             double   y,
             double   width)
{
  SrmComparePainter *p = b->painter;
  SrmCompareLayout *l = b->layout;
  GListModel *differences = srm_comparison_get_differences (p->comparison);
  guint n = g_list_model_get_n_items (differences);
  double f = b->f, d = badge_size (b) * 1.15, sw = 1.5 * f, sh = 1.05 * f;
  cairo_rectangle_t bounds = rect_make (x, y, width, G_MAXDOUBLE / 4);
  g_autofree char *heading = NULL;
  PangoLayout *text;
  double h;

  if (n == 0)
    heading = g_strdup (_("No differences: every row has the same owner on both sides"));
  else
    heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u difference", "%u differences", n), n);
  text = fit (b, heading, 1.15 * f, 0.9 * f, PANGO_WEIGHT_BOLD, width, 3, PANGO_ALIGN_LEFT);
  srm_diagram_text_size (text, NULL, &h);
  place_text (b, text, x, y, &bounds, SRM_TEXT_SUMMARY);
  b->d->has_summary = TRUE;
  b->d->summary_rect = rect_make (x, y, width, h);
  y += h + 0.6 * f;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SrmComparisonRow) row = g_list_model_get_item (differences, i);
      SrmDifference difference = srm_comparison_row_get_difference (row);
      g_autofree char *words = srm_compare_describe_row (p->comparison, row);
      SrmCompareDifference item = { 0, };
      gboolean lone = difference == SRM_DIFFERENCE_LEFT_ONLY || difference == SRM_DIFFERENCE_RIGHT_ONLY;
      double tx = x + d + 0.5 * f, line = MAX (d, sh), th;

      if (!lone)
        {
          double sy = y + (line - sh) / 2, aw, ah;
          PangoLayout *arrow = srm_diagram_text_new (p->context, "→", 0.9 * f, PANGO_WEIGHT_BOLD, -1, PANGO_ALIGN_LEFT);

          srm_diagram_text_size (arrow, &aw, &ah);
          srm_diagram_swatch_add (b->d, swatch_of (cell_owner (row, TRUE)), rect_make (tx, sy, sw, sh), f);
          place_text (b, arrow, tx + sw + 0.25 * f, y + (line - ah) / 2, &bounds, SRM_TEXT_LEGEND);
          srm_diagram_swatch_add (b->d, swatch_of (cell_owner (row, FALSE)),
                                  rect_make (tx + sw + 0.5 * f + aw, sy, sw, sh), f);
          tx += 2 * sw + aw + 1.2 * f;
        }

      text = fit (b, words, f, 0.8 * f, PANGO_WEIGHT_NORMAL, x + width - tx, 4, PANGO_ALIGN_LEFT);
      srm_diagram_text_size (text, NULL, &th);
      /* The first line sits level with the badge. */
      place_text (b, text, tx, y + MAX (0, (line - th) / 2), &bounds, SRM_TEXT_LEGEND);
      add_badge (b, i + 1, x + d / 2, y + line / 2, d);

      item.number = i + 1;
      item.difference = difference;
      for (guint r = 0; r < l->cells->len; r++)
        if (g_array_index (l->cells, SrmCompareCell, r).number == i + 1)
          item.row = g_array_index (l->cells, SrmCompareCell, r).row;
      item.text = keep (l, words);
      item.rect = rect_make (x, y, width, MAX (line, th));
      g_array_append_val (l->differences, item);

      y += MAX (line, th) + 0.55 * f;
    }

  return y - 0.55 * f;
}

/* Everything at body size @f; returns the height it needs. */
static double
build_at (Builder *b,
          double   width)
{
  SrmComparePainter *p = b->painter;
  SrmCompareLayout *l = b->layout;
  guint n = MAX (1, p->left_columns->len);
  double f = b->f;
  double margin = MAX (12, 1.4 * f);
  double content_width = width - 2 * margin;
  double list_width = 0, list_gap = 2 * f, matrix_width, side_gap = 1.6 * f;
  double label_w, column_width, x, y, table_top, table_bottom, list_bottom, total;
  double side_x[2];
  g_autofree char *title = srm_compare_painter_dup_title (p);
  PangoLayout *text;
  cairo_rectangle_t bounds;
  guint number = 0;

  b->gap = MAX (3, 0.32 * f);
  b->d->font_size = f;
  b->d->radius = MAX (4, 0.42 * f);
  b->d->line_width = MAX (1, 0.07 * f);
  l->n_columns = p->left_columns->len;
  if (b->min_row <= 0)
    b->min_row = MIN_ROW_EMS * f;

  if (b->beside)
    {
      list_width = CLAMP (0.34 * content_width, 16 * f, 28 * f);
      matrix_width = content_width - list_width - list_gap;
    }
  else
    matrix_width = content_width;

  label_w = label_width (b, matrix_width * (n == 1 ? 0.4 : 0.22));
  column_width = (matrix_width - label_w - side_gap) / (2 * n);
  column_width = MIN (column_width, n == 1 ? 11 * f : 9 * f);
  matrix_width = label_w + 2 * n * column_width + side_gap;

  if (b->beside)
    {
      list_width = MIN (content_width - matrix_width - list_gap, 30 * f);
      total = matrix_width + list_gap + list_width;
    }
  else
    {
      list_width = matrix_width;
      total = matrix_width;
    }
  x = margin + MAX (0, (content_width - total) / 2);

  bounds = rect_make (x, margin, total, G_MAXDOUBLE / 4);
  text = fit (b, title, 1.6 * f, f, PANGO_WEIGHT_BOLD, total, 2, PANGO_ALIGN_LEFT);
  srm_diagram_text_size (text, NULL, &y);
  place_text (b, text, x, margin, &bounds, SRM_TEXT_TITLE);
  b->d->has_title = TRUE;
  b->d->title_rect = rect_make (x, margin, total, y);
  y += margin + 1.0 * f;

  side_x[0] = x + label_w;
  side_x[1] = side_x[0] + n * column_width + side_gap;
  add_columns (b, side_x, column_width);
  table_top = y;
  y = layout_headers (b, y, side_x, column_width, side_gap);
  y += b->gap / 2;
  table_bottom = layout_rows (b, x, label_w, side_x, column_width, y, &number);
  fill_cells (b, column_width);

  for (guint i = 0; i < b->d->columns->len; i++)
    {
      SrmDiagramColumn *column = &g_array_index (b->d->columns, SrmDiagramColumn, i);
      column->rect.height = table_bottom - column->rect.y;
    }
  b->d->table_rect = rect_make (x, table_top, matrix_width, table_bottom - table_top);

  y = srm_diagram_legend_build (b->d, p->context, b->catalog, f, x, table_bottom + 1.1 * f, matrix_width);

  if (b->beside)
    list_bottom = layout_list (b, x + matrix_width + list_gap, table_top, list_width);
  else
    list_bottom = layout_list (b, x, y + 1.6 * f, list_width);

  return MAX (y, list_bottom) + margin;
}

static SrmCompareLayout *
build (SrmComparePainter *self,
       double             f,
       double             min_row,
       gboolean           beside,
       double             width,
       double            *needed)
{
  Builder b = { self, compare_layout_new (), NULL, NULL, f, 0, min_row, beside };

  b.d = b.layout->diagram;
  b.catalog = srm_comparison_get_left_catalog (self->comparison);
  *needed = build_at (&b, width);
  b.d->width = width;
  b.d->height = *needed;
  return b.layout;
}

static SrmCompareLayout *
build_layout (SrmComparePainter *self,
              double             width,
              double             height)
{
  SrmCompareLayout *layout;
  double natural_f = CLAMP (width / 52, MIN_BODY_SIZE, MAX_BODY_SIZE);
  double f = natural_f, needed;
  /* Beside on landscape canvases, under on portrait and narrow ones; the
   * eight columns of two catalogs need a wide canvas to leave room for it. */
  gboolean wide = self->left_columns->len > 1;
  gboolean beside = height > 0 ? (width >= (wide ? 1.6 : 1.25) * height && width >= (wide ? 1600 : 900))
                               : !wide && width >= 1100;

  if (self->comparison == NULL)
    {
      layout = compare_layout_new ();
      layout->diagram->width = width;
      layout->diagram->height = MAX (0, height);
      layout->diagram->font_size = MIN_BODY_SIZE;
      return layout;
    }

  layout = build (self, f, 0, beside, width, &needed);
  if (height <= 0)
    return layout;

  /* A canvas taller than the content grows the type a little, within reason;
   * one shorter shrinks it in a few proportional steps. */
  if (needed < height && 1.5 * natural_f > f * 1.02)
    {
      f = MIN (MIN (1.5 * natural_f, MAX_BODY_SIZE), f * height / needed);
      srm_compare_layout_unref (layout);
      layout = build (self, f, 0, beside, width, &needed);
    }
  for (guint i = 0; needed > height && f > FLOOR_BODY_SIZE && i < 8; i++)
    {
      f = MAX (FLOOR_BODY_SIZE, f * (height / needed) * (i < 2 ? 1.0 : 0.97));
      srm_compare_layout_unref (layout);
      layout = build (self, f, 0, beside, width, &needed);
    }

  /* Rows take some of the spare height. */
  if (needed < height && layout->rows->len > 0)
    {
      double min_row = MIN (MAX_ROW_EMS * f, MIN_ROW_EMS * f + (height - needed) / layout->rows->len);

      if (min_row > MIN_ROW_EMS * f + 1)
        {
          srm_compare_layout_unref (layout);
          layout = build (self, f, min_row, beside, width, &needed);
        }
    }

  if (needed < height)
    compare_layout_translate (layout, floor ((height - needed) / 2));
  layout->diagram->height = height;
  return layout;
}

static PangoContext *
get_context (SrmComparePainter *self)
{
  if (self->context == NULL)
    self->context = srm_diagram_context_new ();
  return self->context;
}

SrmCompareLayout *
srm_compare_painter_layout (SrmComparePainter *self,
                            double             width,
                            double             height)
{
  g_return_val_if_fail (SRM_IS_COMPARE_PAINTER (self), NULL);
  g_return_val_if_fail (width > 0, NULL);

  if (height < 0)
    height = -1;
  if (self->cached == NULL || self->cached_width != width || self->cached_height != height)
    {
      get_context (self);
      invalidate (self);
      self->cached = build_layout (self, width, height);
      self->cached_width = width;
      self->cached_height = height;
    }
  return srm_compare_layout_ref (self->cached);
}

double
srm_compare_painter_get_natural_height (SrmComparePainter *self,
                                        double             width)
{
  g_autoptr(SrmCompareLayout) layout = NULL;

  g_return_val_if_fail (SRM_IS_COMPARE_PAINTER (self), 0);
  g_return_val_if_fail (width > 0, 0);

  layout = srm_compare_painter_layout (self, width, -1);
  return ceil (srm_compare_layout_get_height (layout));
}

static void
get_state (SrmComparePainter    *self,
           SrmDiagramPaintState *state)
{
  *state = (SrmDiagramPaintState) { self->style, 0, -1, -1, -1, -1, -1, -1 };
}

SrmCompareLayout *
srm_compare_painter_draw (SrmComparePainter *self,
                          cairo_t           *cr,
                          double             width,
                          double             height)
{
  SrmDiagramPaintState state;
  SrmCompareLayout *layout;

  g_return_val_if_fail (SRM_IS_COMPARE_PAINTER (self), NULL);
  g_return_val_if_fail (cr != NULL, NULL);
  g_return_val_if_fail (width > 0 && height > 0, NULL);

  layout = srm_compare_painter_layout (self, width, height);
  get_state (self, &state);
  srm_diagram_paint (cr, layout->diagram, &state, TRUE);
  return layout;
}

/* ---- export ---- */

static SrmCompareLayout *
export_layout (SrmComparePainter *painter,
               int                width,
               int                height)
{
  /* The natural layout as it is: laid out again at its own (rounded) height,
   * it could choose to put the list elsewhere. */
  return srm_compare_painter_layout (painter, width, height > 0 ? height : -1);
}

cairo_surface_t *
srm_compare_render_to_surface (SrmComparePainter *painter,
                               int                width,
                               int                height,
                               double             scale)
{
  g_autoptr(SrmCompareLayout) layout = NULL;
  SrmDiagramPaintState state;

  g_return_val_if_fail (SRM_IS_COMPARE_PAINTER (painter), NULL);
  g_return_val_if_fail (width > 0, NULL);
  g_return_val_if_fail (scale > 0, NULL);

  layout = export_layout (painter, width, height);
  get_state (painter, &state);
  return srm_export_layout_to_surface (layout->diagram, &state, scale);
}

gboolean
srm_compare_export_to_file (SrmComparePainter  *painter,
                            const char         *path,
                            int                 width,
                            int                 height,
                            double              scale,
                            GError            **error)
{
  g_autoptr(SrmCompareLayout) layout = NULL;
  g_autoptr(GBytes) bytes = NULL;
  SrmDiagramExportFormat format;
  SrmDiagramPaintState state;

  g_return_val_if_fail (SRM_IS_COMPARE_PAINTER (painter), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (width > 0, FALSE);
  g_return_val_if_fail (scale > 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!srm_export_check_path (path, &format, error))
    return FALSE;

  layout = export_layout (painter, width, height);
  get_state (painter, &state);
  bytes = srm_export_layout_to_bytes (layout->diagram, &state, format, scale);
  return srm_export_write_bytes (path, bytes, error);
}
