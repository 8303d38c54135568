/* srm-diagram-view.c: the diagram the room looks at.
 *
 * A childless widget that paints an SrmDiagramPainter at its size and keeps the
 * returned SrmDiagramLayout for hit testing. The hover, pressed and focus cells
 * live here and are lent to the painter only while it draws, so the painter the
 * window exports from never carries a stray focus ring or hover into a slide.
 *
 * Selection changes cross-fade from the previous picture to the new one (new
 * columns appear instead of popping in), and the first highlight also fades the
 * other columns down, over 200 ms with AdwTimedAnimation, which finishes at
 * once when the system turns animations off.
 */
#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "srm-diagram-overlay.h"
#include "srm-diagram-view.h"
#include "srm-texture.h"

#define TRANSITION_MS 200
#define MIN_WIDTH 320
#define MIN_HEIGHT 360
#define NATURAL_WIDTH 720
#define NATURAL_HEIGHT 540

struct _SrmDiagramView
{
  GtkWidget          parent_instance;

  SrmSelection      *selection;
  SrmDiagramPainter *painter;
  SrmDiagramStyle    style;
  gboolean           follow_system_style;
  char             **spotlight_layers;

  /* The geometry at the current size and content; NULL when stale. */
  SrmDiagramLayout  *layout;
  /* The last picture drawn, and the one a running transition fades from. */
  GskRenderNode     *last_node;
  GskRenderNode     *fade_from;
  AdwAnimation      *transition;
  double             transition_progress;
  /* The painter's highlight progress when the transition started. */
  double             progress_from;

  /* The focus cell by index and by id: ids survive columns being added or
   * removed, indices are the fallback when the id is gone. */
  int                focus_row, focus_column;
  char              *focus_layer_id;
  char              *focus_column_id;
  /* FALSE until the user moves the focus in this visit: until then it follows
   * the highlight, so tabbing in after picking a service lands on it. */
  gboolean           focus_placed;
  gboolean           keyboard_used;

  int                hover_row, hover_column;
  int                pressed_row, pressed_column;

  /* An assessment's progress drawn over the cells; NULL for none. */
  SrmAssessmentScore *assessment_score;
};

G_DEFINE_FINAL_TYPE (SrmDiagramView, srm_diagram_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SELECTION,
  PROP_STYLE,
  PROP_FOLLOW_SYSTEM_STYLE,
  PROP_SPOTLIGHT_LAYERS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  CELL_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

GtkWidget *
srm_diagram_view_new (SrmSelection *selection)
{
  g_return_val_if_fail (selection == NULL || SRM_IS_SELECTION (selection), NULL);

  return g_object_new (SRM_TYPE_DIAGRAM_VIEW, "selection", selection, NULL);
}

/* ---- layout and focus bookkeeping ---- */

static gboolean
is_allocated (SrmDiagramView *self)
{
  return gtk_widget_get_width (GTK_WIDGET (self)) > 0
         && gtk_widget_get_height (GTK_WIDGET (self)) > 0;
}

/* The layout at the current size, computed if stale. Before the first
 * allocation it is computed at the minimum size and not kept. */
static SrmDiagramLayout *
dup_current_layout (SrmDiagramView *self)
{
  double width, height;

  if (self->layout != NULL)
    return srm_diagram_layout_ref (self->layout);

  if (srm_diagram_painter_get_catalog (self->painter) == NULL)
    return NULL;

  if (!is_allocated (self))
    return srm_diagram_painter_layout (self->painter, NULL, MIN_WIDTH, MIN_HEIGHT);

  width = gtk_widget_get_width (GTK_WIDGET (self));
  height = gtk_widget_get_height (GTK_WIDGET (self));
  self->layout = srm_diagram_painter_layout (self->painter, NULL, width, height);
  return srm_diagram_layout_ref (self->layout);
}

static const SrmDiagramCell *
lookup_cell (SrmDiagramLayout *layout,
             int               row,
             int               column)
{
  if (layout == NULL || row < 0 || column < 0
      || (guint) row >= srm_diagram_layout_get_n_rows (layout)
      || (guint) column >= srm_diagram_layout_get_n_columns (layout))
    return NULL;

  return srm_diagram_layout_get_cell (layout, row, column);
}

/* Fills in the parts of a cell's description; FALSE if there is no such cell. */
static gboolean
describe_cell (SrmDiagramView   *self,
               SrmDiagramLayout *layout,
               int               row,
               int               column,
               const char      **layer_name,
               const char      **column_label,
               const char      **owner_label,
               const char      **differs_from,
               const char      **layer_description)
{
  const SrmDiagramCell *cell = lookup_cell (layout, row, column);
  const SrmDiagramColumn *col;
  SrmCatalog *catalog = srm_diagram_painter_get_catalog (self->painter);
  SrmLayer *layer;

  if (cell == NULL || catalog == NULL)
    return FALSE;

  col = srm_diagram_layout_get_column (layout, column);
  layer = srm_catalog_lookup_layer (catalog, cell->layer_id);

  *layer_name = srm_diagram_layout_get_row (layout, row)->name;
  *column_label = col->label;
  *owner_label = srm_owner_get_label (cell->owner, srm_catalog_get_provider_name (catalog));
  *differs_from = NULL;
  if (cell->is_override)
    {
      SrmServiceModel *model = srm_catalog_lookup_model (catalog, col->model_id);

      *differs_from = model != NULL ? srm_service_model_get_short_name (model) : col->model_id;
    }
  *layer_description = layer != NULL ? srm_layer_get_description (layer) : NULL;
  return TRUE;
}

static char *
dup_cell_label (SrmDiagramView   *self,
                SrmDiagramLayout *layout,
                int               row,
                int               column)
{
  const char *layer_name, *column_label, *owner_label, *differs_from, *description;

  if (!describe_cell (self, layout, row, column,
                      &layer_name, &column_label, &owner_label, &differs_from, &description))
    return NULL;

  if (differs_from != NULL)
    /* TRANSLATORS: read by screen readers for a diagram cell whose service
     * deviates from its model, e.g. "Operating system, AKS: Shared, differs from PaaS" */
    return g_strdup_printf (_("%s, %s: %s, differs from %s"),
                            layer_name, column_label, owner_label, differs_from);

  /* TRANSLATORS: read by screen readers for a diagram cell, e.g. "Operating system, PaaS: Microsoft" */
  return g_strdup_printf (_("%s, %s: %s"), layer_name, column_label, owner_label);
}

static char *
dup_cell_tooltip (SrmDiagramView   *self,
                  SrmDiagramLayout *layout,
                  int               row,
                  int               column)
{
  const char *layer_name, *column_label, *owner_label, *differs_from, *description;
  GString *text;

  if (!describe_cell (self, layout, row, column,
                      &layer_name, &column_label, &owner_label, &differs_from, &description))
    return NULL;

  text = g_string_new (NULL);
  if (differs_from != NULL)
    /* TRANSLATORS: a diagram cell's tooltip, e.g. "Operating system — AKS: Shared (differs from PaaS)" */
    g_string_append_printf (text, _("%s — %s: %s (differs from %s)"),
                            layer_name, column_label, owner_label, differs_from);
  else
    /* TRANSLATORS: a diagram cell's tooltip, e.g. "Operating system — PaaS: Microsoft" */
    g_string_append_printf (text, _("%s — %s: %s"), layer_name, column_label, owner_label);

  if (description != NULL && *description != '\0')
    g_string_append_printf (text, "\n%s", description);

  return g_string_free (text, FALSE);
}

static void
update_accessible_label (SrmDiagramView   *self,
                         SrmDiagramLayout *layout)
{
  g_autofree char *label = dup_cell_label (self, layout, self->focus_row, self->focus_column);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  label != NULL ? label : _("Shared responsibility diagram"),
                                  -1);
}

static void
update_accessible_description (SrmDiagramView *self)
{
  g_autofree char *summary = NULL;

  if (srm_diagram_painter_get_catalog (self->painter) != NULL)
    summary = srm_diagram_painter_dup_summary (self->painter);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  summary != NULL ? summary : "",
                                  -1);
}

static void
set_focus_cell (SrmDiagramView   *self,
                SrmDiagramLayout *layout,
                int               row,
                int               column)
{
  const SrmDiagramCell *cell = lookup_cell (layout, row, column);

  if (cell == NULL)
    {
      row = column = -1;
      g_clear_pointer (&self->focus_layer_id, g_free);
      g_clear_pointer (&self->focus_column_id, g_free);
    }
  else
    {
      g_free (self->focus_layer_id);
      self->focus_layer_id = g_strdup (cell->layer_id);
      g_free (self->focus_column_id);
      self->focus_column_id = g_strdup (cell->column_id);
    }

  if (row != self->focus_row || column != self->focus_column)
    {
      self->focus_row = row;
      self->focus_column = column;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }

  /* Also when the indices stay: the owner under them may have changed. */
  update_accessible_label (self, layout);
}

/* Where keyboard focus starts: the top of the first highlighted column, so the
 * first thing read is about the selection. */
static void
choose_initial_focus (SrmDiagramView   *self,
                      SrmDiagramLayout *layout)
{
  guint n_columns;
  int column = 0;

  if (layout == NULL || srm_diagram_layout_get_n_cells (layout) == 0)
    return;

  n_columns = srm_diagram_layout_get_n_columns (layout);
  for (guint c = 0; c < n_columns; c++)
    if (srm_diagram_layout_get_column (layout, c)->highlighted)
      {
        column = c;
        break;
      }

  set_focus_cell (self, layout, 0, column);
}

static int
find_column (SrmDiagramLayout *layout,
             const char       *column_id)
{
  for (guint c = 0; column_id != NULL && c < srm_diagram_layout_get_n_columns (layout); c++)
    if (g_strcmp0 (srm_diagram_layout_get_column (layout, c)->id, column_id) == 0)
      return c;
  return -1;
}

static int
find_row (SrmDiagramLayout *layout,
          const char       *layer_id)
{
  for (guint r = 0; layer_id != NULL && r < srm_diagram_layout_get_n_rows (layout); r++)
    if (g_strcmp0 (srm_diagram_layout_get_row (layout, r)->layer_id, layer_id) == 0)
      return r;
  return -1;
}

/* After the content changed: keep the focus on the same layer and column if
 * they are still shown, else at the same place clamped to the new edges. */
static void
revalidate_focus (SrmDiagramView   *self,
                  SrmDiagramLayout *layout)
{
  int n_rows, n_columns, row, column;

  if (self->focus_row < 0 || layout == NULL)
    {
      update_accessible_label (self, layout);
      return;
    }

  if (!self->focus_placed)
    {
      choose_initial_focus (self, layout);
      return;
    }

  n_rows = srm_diagram_layout_get_n_rows (layout);
  n_columns = srm_diagram_layout_get_n_columns (layout);
  if (n_rows == 0 || n_columns == 0)
    {
      set_focus_cell (self, layout, -1, -1);
      return;
    }

  row = find_row (layout, self->focus_layer_id);
  if (row < 0)
    row = CLAMP (self->focus_row, 0, n_rows - 1);
  column = find_column (layout, self->focus_column_id);
  if (column < 0)
    column = CLAMP (self->focus_column, 0, n_columns - 1);

  set_focus_cell (self, layout, row, column);
}

static void
set_hover_cell (SrmDiagramView *self,
                int             row,
                int             column)
{
  if (row == self->hover_row && column == self->hover_column)
    return;

  self->hover_row = row;
  self->hover_column = column;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
set_pressed_cell (SrmDiagramView *self,
                  int             row,
                  int             column)
{
  if (row == self->pressed_row && column == self->pressed_column)
    return;

  self->pressed_row = row;
  self->pressed_column = column;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* The content changed: drop the geometry and everything that pointed into it. */
static void
invalidate_layout (SrmDiagramView *self)
{
  g_autoptr(SrmDiagramLayout) layout = NULL;

  g_clear_pointer (&self->layout, srm_diagram_layout_unref);
  self->hover_row = self->hover_column = -1;
  self->pressed_row = self->pressed_column = -1;

  /* Before the first allocation there is nothing to keep valid, and a layout
   * at a made-up size would be thrown away: at start-up that was a tenth of
   * the time to the first frame. */
  if (is_allocated (self))
    {
      layout = dup_current_layout (self);
      revalidate_focus (self, layout);
    }
  update_accessible_description (self);

  gtk_widget_queue_resize (GTK_WIDGET (self));
}

/* ---- the transition ---- */

static void
transition_value_cb (double          value,
                     SrmDiagramView *self)
{
  self->transition_progress = value;
  srm_diagram_painter_set_highlight_progress (self->painter,
                                              self->progress_from + (1.0 - self->progress_from) * value);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
transition_done_cb (SrmDiagramView *self)
{
  g_clear_pointer (&self->fade_from, gsk_render_node_unref);
  self->transition_progress = 1.0;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gboolean
painter_shows_selection (SrmDiagramPainter *painter)
{
  const char * const *service_ids = srm_diagram_painter_get_service_ids (painter);

  return srm_diagram_painter_get_model_id (painter) != NULL
         || (service_ids != NULL && service_ids[0] != NULL);
}

static void
start_transition (SrmDiagramView *self,
                  double          progress_from)
{
  /* Fading from the picture on screen keeps what didn't change still. A
   * picture of another size would slide, so then the new one just appears. */
  g_clear_pointer (&self->fade_from, gsk_render_node_unref);
  if (self->last_node != NULL)
    {
      graphene_rect_t bounds;

      gsk_render_node_get_bounds (self->last_node, &bounds);
      if (bounds.size.width == gtk_widget_get_width (GTK_WIDGET (self))
          && bounds.size.height == gtk_widget_get_height (GTK_WIDGET (self)))
        self->fade_from = gsk_render_node_ref (self->last_node);
    }

  self->progress_from = progress_from;

  /* Plays to the end at once when animations are off or the view is unmapped. */
  adw_animation_reset (self->transition);
  adw_animation_play (self->transition);
}

/* ---- following the selection and the system ---- */

static void
sync_from_selection (SrmDiagramView *self)
{
  gboolean had_highlight = painter_shows_selection (self->painter);
  static const char * const no_ids[] = { NULL };

  if (self->selection != NULL)
    {
      srm_diagram_painter_set_catalog (self->painter, srm_selection_get_catalog (self->selection));
      srm_diagram_painter_set_model_id (self->painter, srm_selection_get_model_id (self->selection));
      srm_diagram_painter_set_service_ids (self->painter, srm_selection_get_service_ids (self->selection));
    }
  else
    {
      srm_diagram_painter_set_model_id (self->painter, NULL);
      srm_diagram_painter_set_service_ids (self->painter, no_ids);
    }

  invalidate_layout (self);
  /* Only the first highlight fades the rest of the diagram down; between two
   * selections the highlight stays and the cross-fade does the work. */
  start_transition (self, had_highlight ? 1.0 : 0.0);
}

static void
selection_notify_cb (SrmDiagramView *self)
{
  sync_from_selection (self);
}

static SrmDiagramStyle
system_style (void)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();

  if (adw_style_manager_get_high_contrast (manager))
    return SRM_DIAGRAM_STYLE_CONTRAST;
  if (adw_style_manager_get_dark (manager))
    return SRM_DIAGRAM_STYLE_DARK;
  return SRM_DIAGRAM_STYLE_LIGHT;
}

static void
apply_style (SrmDiagramView  *self,
             SrmDiagramStyle  style)
{
  if (self->style == style)
    return;

  self->style = style;
  srm_diagram_painter_set_style (self->painter, style);
  /* A new palette is not a new picture to fade from. */
  g_clear_pointer (&self->last_node, gsk_render_node_unref);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STYLE]);
}

static void
system_style_changed_cb (SrmDiagramView *self)
{
  if (self->follow_system_style)
    apply_style (self, system_style ());
}

/* ---- public API ---- */

SrmSelection *
srm_diagram_view_get_selection (SrmDiagramView *self)
{
  g_return_val_if_fail (SRM_IS_DIAGRAM_VIEW (self), NULL);

  return self->selection;
}

void
srm_diagram_view_set_selection (SrmDiagramView *self,
                                SrmSelection   *selection)
{
  g_return_if_fail (SRM_IS_DIAGRAM_VIEW (self));
  g_return_if_fail (selection == NULL || SRM_IS_SELECTION (selection));

  if (self->selection == selection)
    return;

  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);

  g_set_object (&self->selection, selection);

  if (selection != NULL)
    {
      g_signal_connect_swapped (selection, "notify::catalog", G_CALLBACK (selection_notify_cb), self);
      g_signal_connect_swapped (selection, "notify::model-id", G_CALLBACK (selection_notify_cb), self);
      g_signal_connect_swapped (selection, "notify::service-ids", G_CALLBACK (selection_notify_cb), self);
    }

  sync_from_selection (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTION]);
}

SrmDiagramStyle
srm_diagram_view_get_style (SrmDiagramView *self)
{
  g_return_val_if_fail (SRM_IS_DIAGRAM_VIEW (self), SRM_DIAGRAM_STYLE_LIGHT);

  return self->style;
}

void
srm_diagram_view_set_style (SrmDiagramView  *self,
                            SrmDiagramStyle  style)
{
  g_return_if_fail (SRM_IS_DIAGRAM_VIEW (self));

  g_object_freeze_notify (G_OBJECT (self));
  srm_diagram_view_set_follow_system_style (self, FALSE);
  apply_style (self, style);
  g_object_thaw_notify (G_OBJECT (self));
}

gboolean
srm_diagram_view_get_follow_system_style (SrmDiagramView *self)
{
  g_return_val_if_fail (SRM_IS_DIAGRAM_VIEW (self), FALSE);

  return self->follow_system_style;
}

void
srm_diagram_view_set_follow_system_style (SrmDiagramView *self,
                                          gboolean        follow)
{
  g_return_if_fail (SRM_IS_DIAGRAM_VIEW (self));

  follow = !!follow;
  if (self->follow_system_style == follow)
    return;

  self->follow_system_style = follow;
  if (follow)
    apply_style (self, system_style ());
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FOLLOW_SYSTEM_STYLE]);
}

const char * const *
srm_diagram_view_get_spotlight_layers (SrmDiagramView *self)
{
  g_return_val_if_fail (SRM_IS_DIAGRAM_VIEW (self), NULL);

  return (const char * const *) self->spotlight_layers;
}

void
srm_diagram_view_set_spotlight_layers (SrmDiagramView     *self,
                                       const char * const *layer_ids)
{
  g_return_if_fail (SRM_IS_DIAGRAM_VIEW (self));

  /* NULL and empty mean the same: everything bright. */
  if (layer_ids != NULL && layer_ids[0] == NULL)
    layer_ids = NULL;

  if (self->spotlight_layers == NULL && layer_ids == NULL)
    return;
  if (self->spotlight_layers != NULL && layer_ids != NULL
      && g_strv_equal ((const char * const *) self->spotlight_layers, layer_ids))
    return;

  g_strfreev (self->spotlight_layers);
  self->spotlight_layers = g_strdupv ((char **) layer_ids);
  srm_diagram_painter_set_spotlight_layers (self->painter, layer_ids);
  invalidate_layout (self);
  /* A guided tour's next step fades in like a new selection. */
  start_transition (self, 1.0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SPOTLIGHT_LAYERS]);
}

SrmDiagramPainter *
srm_diagram_view_get_painter (SrmDiagramView *self)
{
  g_return_val_if_fail (SRM_IS_DIAGRAM_VIEW (self), NULL);

  return self->painter;
}

SrmDiagramLayout *
srm_diagram_view_get_layout (SrmDiagramView *self)
{
  g_return_val_if_fail (SRM_IS_DIAGRAM_VIEW (self), NULL);

  return self->layout;
}

char **
srm_diagram_view_get_highlighted_column_ids (SrmDiagramView *self)
{
  g_autoptr(SrmDiagramLayout) layout = NULL;
  g_autoptr(GStrvBuilder) builder = NULL;

  g_return_val_if_fail (SRM_IS_DIAGRAM_VIEW (self), NULL);

  builder = g_strv_builder_new ();
  layout = dup_current_layout (self);
  for (guint c = 0; layout != NULL && c < srm_diagram_layout_get_n_columns (layout); c++)
    {
      const SrmDiagramColumn *column = srm_diagram_layout_get_column (layout, c);

      if (column->highlighted)
        g_strv_builder_add (builder, column->id);
    }

  return g_strv_builder_end (builder);
}

void
srm_diagram_view_get_focus_cell (SrmDiagramView *self,
                                 int            *row,
                                 int            *column)
{
  g_return_if_fail (SRM_IS_DIAGRAM_VIEW (self));

  if (row != NULL)
    *row = self->focus_row;
  if (column != NULL)
    *column = self->focus_column;
}

void
srm_diagram_view_move_focus (SrmDiagramView *self,
                             int             drow,
                             int             dcolumn)
{
  g_autoptr(SrmDiagramLayout) layout = NULL;
  int n_rows, n_columns;

  g_return_if_fail (SRM_IS_DIAGRAM_VIEW (self));

  layout = dup_current_layout (self);
  if (layout == NULL || srm_diagram_layout_get_n_cells (layout) == 0)
    return;

  self->keyboard_used = TRUE;
  if (self->focus_row < 0)
    choose_initial_focus (self, layout);
  self->focus_placed = TRUE;

  n_rows = srm_diagram_layout_get_n_rows (layout);
  n_columns = srm_diagram_layout_get_n_columns (layout);
  /* Wide steps (Home, End, Page Up) come in as ±n and are clamped like arrows. */
  set_focus_cell (self, layout,
                  CLAMP ((gint64) self->focus_row + drow, 0, n_rows - 1),
                  CLAMP ((gint64) self->focus_column + dcolumn, 0, n_columns - 1));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
srm_diagram_view_activate_focus_cell (SrmDiagramView *self)
{
  g_autoptr(SrmDiagramLayout) layout = NULL;
  const SrmDiagramCell *cell;

  g_return_if_fail (SRM_IS_DIAGRAM_VIEW (self));

  layout = dup_current_layout (self);
  cell = lookup_cell (layout, self->focus_row, self->focus_column);
  if (cell == NULL)
    return;

  g_signal_emit (self, signals[CELL_ACTIVATED], 0, cell->layer_id, cell->column_id);
}

char *
srm_diagram_view_dup_focused_cell_label (SrmDiagramView *self)
{
  g_autoptr(SrmDiagramLayout) layout = NULL;

  g_return_val_if_fail (SRM_IS_DIAGRAM_VIEW (self), NULL);

  layout = dup_current_layout (self);
  return dup_cell_label (self, layout, self->focus_row, self->focus_column);
}

char *
srm_diagram_view_dup_tooltip_at (SrmDiagramView *self,
                                 double          x,
                                 double          y)
{
  g_autoptr(SrmDiagramLayout) layout = NULL;
  guint row, column;

  g_return_val_if_fail (SRM_IS_DIAGRAM_VIEW (self), NULL);

  layout = dup_current_layout (self);
  if (layout == NULL || !srm_diagram_layout_hit_test (layout, x, y, &row, &column))
    return NULL;

  return dup_cell_tooltip (self, layout, row, column);
}

double
srm_diagram_view_get_transition_progress (SrmDiagramView *self)
{
  g_return_val_if_fail (SRM_IS_DIAGRAM_VIEW (self), 1.0);

  return self->transition_progress;
}

/* ---- input ---- */

static gboolean
hit_test (SrmDiagramView *self,
          double          x,
          double          y,
          int            *row,
          int            *column)
{
  g_autoptr(SrmDiagramLayout) layout = dup_current_layout (self);
  guint r, c;

  if (layout == NULL || !srm_diagram_layout_hit_test (layout, x, y, &r, &c))
    {
      *row = *column = -1;
      return FALSE;
    }

  *row = r;
  *column = c;
  return TRUE;
}

static void
motion_cb (SrmDiagramView *self,
           double          x,
           double          y)
{
  int row, column;

  hit_test (self, x, y, &row, &column);
  set_hover_cell (self, row, column);
}

static void
leave_cb (SrmDiagramView *self)
{
  set_hover_cell (self, -1, -1);
}

static void
pressed_cb (SrmDiagramView  *self,
            int              n_press,
            double           x,
            double           y,
            GtkGestureClick *gesture)
{
  int row, column;

  /* The pointer is in use again: don't draw the keyboard focus ring. */
  if (self->keyboard_used)
    {
      self->keyboard_used = FALSE;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }

  if (hit_test (self, x, y, &row, &column))
    set_pressed_cell (self, row, column);
  else
    set_pressed_cell (self, -1, -1);
}

static void
released_cb (SrmDiagramView  *self,
             int              n_press,
             double           x,
             double           y,
             GtkGestureClick *gesture)
{
  int row, column;
  gboolean same_cell;

  same_cell = hit_test (self, x, y, &row, &column)
              && row == self->pressed_row && column == self->pressed_column;
  set_pressed_cell (self, -1, -1);

  if (!same_cell)
    return;

  gtk_widget_grab_focus (GTK_WIDGET (self));
  {
    g_autoptr(SrmDiagramLayout) layout = dup_current_layout (self);

    set_focus_cell (self, layout, row, column);
    self->focus_placed = TRUE;
  }
  srm_diagram_view_activate_focus_cell (self);
}

static void
click_cancel_cb (SrmDiagramView *self)
{
  set_pressed_cell (self, -1, -1);
}

static gboolean
key_pressed_cb (SrmDiagramView        *self,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                GtkEventControllerKey *controller)
{
  /* Ctrl+Home and Ctrl+End reach the corners, as in spreadsheets. */
  gboolean control = (state & GDK_CONTROL_MASK) != 0;
  int far = G_MAXINT / 2;

  if ((state & (GDK_ALT_MASK | GDK_SUPER_MASK)) != 0)
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      srm_diagram_view_move_focus (self, 0, -1);
      return TRUE;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      srm_diagram_view_move_focus (self, 0, 1);
      return TRUE;
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      srm_diagram_view_move_focus (self, -1, 0);
      return TRUE;
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      srm_diagram_view_move_focus (self, 1, 0);
      return TRUE;
    case GDK_KEY_Home:
    case GDK_KEY_KP_Home:
      srm_diagram_view_move_focus (self, control ? -far : 0, -far);
      return TRUE;
    case GDK_KEY_End:
    case GDK_KEY_KP_End:
      srm_diagram_view_move_focus (self, control ? far : 0, far);
      return TRUE;
    case GDK_KEY_Page_Up:
    case GDK_KEY_KP_Page_Up:
      srm_diagram_view_move_focus (self, -far, 0);
      return TRUE;
    case GDK_KEY_Page_Down:
    case GDK_KEY_KP_Page_Down:
      srm_diagram_view_move_focus (self, far, 0);
      return TRUE;
    case GDK_KEY_Return:
    case GDK_KEY_ISO_Enter:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_space:
    case GDK_KEY_KP_Space:
      self->keyboard_used = TRUE;
      srm_diagram_view_activate_focus_cell (self);
      return TRUE;
    default:
      return FALSE;
    }
}

static void
focus_enter_cb (SrmDiagramView *self)
{
  if (!self->focus_placed)
    {
      g_autoptr(SrmDiagramLayout) layout = dup_current_layout (self);

      choose_initial_focus (self, layout);
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
focus_leave_cb (SrmDiagramView *self)
{
  self->focus_placed = FALSE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* A plain tooltip label never wraps, and a layer description is a long
 * sentence that would run off a projector's edge: wrap it, and set the cell
 * line in bold above it. */
static GtkWidget *
create_tooltip_label (const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", 2);
  g_autofree char *markup = NULL;
  GtkWidget *label;

  if (lines[1] != NULL)
    markup = g_markup_printf_escaped ("<b>%s</b>\n%s", lines[0], lines[1]);
  else
    markup = g_markup_printf_escaped ("<b>%s</b>", lines[0]);

  label = gtk_label_new (NULL);
  gtk_label_set_markup (GTK_LABEL (label), markup);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 48);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  return label;
}

static gboolean
srm_diagram_view_query_tooltip (GtkWidget  *widget,
                                int         x,
                                int         y,
                                gboolean    keyboard_tooltip,
                                GtkTooltip *tooltip)
{
  SrmDiagramView *self = SRM_DIAGRAM_VIEW (widget);
  g_autoptr(SrmDiagramLayout) layout = dup_current_layout (self);
  g_autofree char *text = NULL;
  const SrmDiagramCell *cell;
  int row, column;

  if (keyboard_tooltip)
    {
      row = self->focus_row;
      column = self->focus_column;
    }
  else
    hit_test (self, x, y, &row, &column);

  cell = lookup_cell (layout, row, column);
  if (cell == NULL)
    return FALSE;

  text = dup_cell_tooltip (self, layout, row, column);
  gtk_tooltip_set_custom (tooltip, create_tooltip_label (text));
  /* Moving to the next cell must replace the tooltip, not keep this one. */
  gtk_tooltip_set_tip_area (tooltip, &(GdkRectangle) {
                              floor (cell->rect.x), floor (cell->rect.y),
                              ceil (cell->rect.width), ceil (cell->rect.height) });
  return TRUE;
}

/* ---- GtkWidget ---- */

static GtkSizeRequestMode
srm_diagram_view_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
srm_diagram_view_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = MIN_WIDTH;
      *natural = NATURAL_WIDTH;
      return;
    }

  /* A fixed natural height, not the painter's height for this width: the
   * diagram scales itself to whatever it is given, and GTK measures a widget
   * many times at many widths while laying out the window, so a full painter
   * layout here made start-up several times slower than an empty window's. */
  *minimum = MIN_HEIGHT;
  *natural = NATURAL_HEIGHT;
}

static void
srm_diagram_view_size_allocate (GtkWidget *widget,
                                int        width,
                                int        height,
                                int        baseline)
{
  SrmDiagramView *self = SRM_DIAGRAM_VIEW (widget);

  if (self->layout != NULL
      && (srm_diagram_layout_get_width (self->layout) != width
          || srm_diagram_layout_get_height (self->layout) != height))
    {
      g_clear_pointer (&self->layout, srm_diagram_layout_unref);
      self->hover_row = self->hover_column = -1;
    }
}

static gboolean
shows_focus (SrmDiagramView *self)
{
  GtkWidget *widget = GTK_WIDGET (self);

  return gtk_widget_has_focus (widget)
         && (gtk_widget_has_visible_focus (widget) || self->keyboard_used);
}

static void
srm_diagram_view_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  SrmDiagramView *self = SRM_DIAGRAM_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  gboolean focus_shown = shows_focus (self);
  g_autoptr(SrmDiagramLayout) drawn = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  cairo_surface_t *surface;
  GskRenderNode *node;
  cairo_t *cr;
  int scale;

  if (width <= 0 || height <= 0 || srm_diagram_painter_get_catalog (self->painter) == NULL)
    return;

  /* The interaction state is lent for this draw only; see the top of the file. */
  srm_diagram_painter_set_focus_cell (self->painter,
                                      focus_shown ? self->focus_row : -1,
                                      focus_shown ? self->focus_column : -1);
  srm_diagram_painter_set_hover_cell (self->painter, self->hover_row, self->hover_column);
  srm_diagram_painter_set_pressed_cell (self->painter, self->pressed_row, self->pressed_column);

  /* Drawn into an image at the screen's scale rather than a cairo node:
   * GTK 4.8 gives a cairo node a recording surface and rasterises it later,
   * at a scale the painter cannot know, so the painter's cache of cell
   * images (which makes a hover or focus frame with three services about
   * five times cheaper) only works on an image of our own. The node is kept
   * for the next cross-fade. */
  scale = gtk_widget_get_scale_factor (widget);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width * scale, height * scale);
  cairo_surface_set_device_scale (surface, scale, scale);
  cr = cairo_create (surface);
  drawn = srm_diagram_painter_draw (self->painter, cr, width, height);
  if (drawn != NULL && self->assessment_score != NULL)
    srm_diagram_overlay_draw (cr, drawn, self->assessment_score, self->style);
  cairo_destroy (cr);
  texture = srm_texture_new_for_surface (surface);
  node = gsk_texture_node_new (texture, &GRAPHENE_RECT_INIT (0, 0, width, height));

  srm_diagram_painter_set_focus_cell (self->painter, -1, -1);
  srm_diagram_painter_set_hover_cell (self->painter, -1, -1);
  srm_diagram_painter_set_pressed_cell (self->painter, -1, -1);

  if (drawn != NULL && drawn != self->layout)
    {
      g_clear_pointer (&self->layout, srm_diagram_layout_unref);
      self->layout = srm_diagram_layout_ref (drawn);
    }

  if (self->fade_from != NULL && self->transition_progress < 1.0)
    {
      gtk_snapshot_push_cross_fade (snapshot, self->transition_progress);
      gtk_snapshot_append_node (snapshot, self->fade_from);
      gtk_snapshot_pop (snapshot);
      gtk_snapshot_append_node (snapshot, node);
      gtk_snapshot_pop (snapshot);
    }
  else
    gtk_snapshot_append_node (snapshot, node);

  g_clear_pointer (&self->last_node, gsk_render_node_unref);
  self->last_node = node;
}

static void
srm_diagram_view_state_flags_changed (GtkWidget     *widget,
                                      GtkStateFlags  previous)
{
  GtkStateFlags changed = previous ^ gtk_widget_get_state_flags (widget);

  if (changed & (GTK_STATE_FLAG_FOCUSED | GTK_STATE_FLAG_FOCUS_VISIBLE))
    gtk_widget_queue_draw (widget);

  GTK_WIDGET_CLASS (srm_diagram_view_parent_class)->state_flags_changed (widget, previous);
}

static void
srm_diagram_view_unmap (GtkWidget *widget)
{
  SrmDiagramView *self = SRM_DIAGRAM_VIEW (widget);

  GTK_WIDGET_CLASS (srm_diagram_view_parent_class)->unmap (widget);

  self->hover_row = self->hover_column = -1;
  self->pressed_row = self->pressed_column = -1;
  /* Whatever was on screen is gone; don't fade from it when mapped again. */
  g_clear_pointer (&self->last_node, gsk_render_node_unref);
  adw_animation_skip (self->transition);
}

/* ---- assessment overlay ---- */

SrmAssessmentScore *
srm_diagram_view_get_assessment_score (SrmDiagramView *self)
{
  g_return_val_if_fail (SRM_IS_DIAGRAM_VIEW (self), NULL);
  return self->assessment_score;
}

void
srm_diagram_view_set_assessment_score (SrmDiagramView     *self,
                                       SrmAssessmentScore *score)
{
  g_return_if_fail (SRM_IS_DIAGRAM_VIEW (self));
  g_return_if_fail (score == NULL || SRM_IS_ASSESSMENT_SCORE (score));

  if (g_set_object (&self->assessment_score, score))
    gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* ---- GObject ---- */

static void
srm_diagram_view_dispose (GObject *object)
{
  SrmDiagramView *self = SRM_DIAGRAM_VIEW (object);

  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  g_clear_object (&self->selection);
  g_signal_handlers_disconnect_by_data (adw_style_manager_get_default (), self);

  g_clear_object (&self->transition);
  g_clear_pointer (&self->fade_from, gsk_render_node_unref);
  g_clear_pointer (&self->last_node, gsk_render_node_unref);
  g_clear_pointer (&self->layout, srm_diagram_layout_unref);
  g_clear_object (&self->painter);
  g_clear_object (&self->assessment_score);

  G_OBJECT_CLASS (srm_diagram_view_parent_class)->dispose (object);
}

static void
srm_diagram_view_finalize (GObject *object)
{
  SrmDiagramView *self = SRM_DIAGRAM_VIEW (object);

  g_strfreev (self->spotlight_layers);
  g_free (self->focus_layer_id);
  g_free (self->focus_column_id);

  G_OBJECT_CLASS (srm_diagram_view_parent_class)->finalize (object);
}

static void
srm_diagram_view_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  SrmDiagramView *self = SRM_DIAGRAM_VIEW (object);

  switch (prop_id)
    {
    case PROP_SELECTION:
      g_value_set_object (value, self->selection);
      break;
    case PROP_STYLE:
      g_value_set_enum (value, self->style);
      break;
    case PROP_FOLLOW_SYSTEM_STYLE:
      g_value_set_boolean (value, self->follow_system_style);
      break;
    case PROP_SPOTLIGHT_LAYERS:
      g_value_set_boxed (value, self->spotlight_layers);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
srm_diagram_view_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  SrmDiagramView *self = SRM_DIAGRAM_VIEW (object);

  switch (prop_id)
    {
    case PROP_SELECTION:
      srm_diagram_view_set_selection (self, g_value_get_object (value));
      break;
    case PROP_STYLE:
      srm_diagram_view_set_style (self, g_value_get_enum (value));
      break;
    case PROP_FOLLOW_SYSTEM_STYLE:
      srm_diagram_view_set_follow_system_style (self, g_value_get_boolean (value));
      break;
    case PROP_SPOTLIGHT_LAYERS:
      srm_diagram_view_set_spotlight_layers (self, g_value_get_boxed (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
srm_diagram_view_class_init (SrmDiagramViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = srm_diagram_view_dispose;
  object_class->finalize = srm_diagram_view_finalize;
  object_class->get_property = srm_diagram_view_get_property;
  object_class->set_property = srm_diagram_view_set_property;

  widget_class->get_request_mode = srm_diagram_view_get_request_mode;
  widget_class->measure = srm_diagram_view_measure;
  widget_class->size_allocate = srm_diagram_view_size_allocate;
  widget_class->snapshot = srm_diagram_view_snapshot;
  widget_class->query_tooltip = srm_diagram_view_query_tooltip;
  widget_class->state_flags_changed = srm_diagram_view_state_flags_changed;
  widget_class->unmap = srm_diagram_view_unmap;

  properties[PROP_SELECTION] =
    g_param_spec_object ("selection", NULL, NULL, SRM_TYPE_SELECTION,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_STYLE] =
    g_param_spec_enum ("style", NULL, NULL, SRM_TYPE_DIAGRAM_STYLE, SRM_DIAGRAM_STYLE_LIGHT,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_FOLLOW_SYSTEM_STYLE] =
    g_param_spec_boolean ("follow-system-style", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SPOTLIGHT_LAYERS] =
    g_param_spec_boxed ("spotlight-layers", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SrmDiagramView::cell-activated:
   * @layer_id: the cell's layer
   * @column_id: the cell's column: a model id or a service id
   *
   * A cell was clicked, or Enter or Space pressed on the focus cell.
   */
  signals[CELL_ACTIVATED] =
    g_signal_new ("cell-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);

  gtk_widget_class_set_css_name (widget_class, "srm-diagram-view");
  /* GRID would be the honest role, but GTK 4.8 cannot expose accessible
   * children that are not widgets, so a screen reader would find an empty
   * grid. IMG with a label that follows the focus cell reads each cell as the
   * keyboard reaches it; SrmLayerList is the full textual alternative. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
srm_diagram_view_init (SrmDiagramView *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  AdwStyleManager *manager = adw_style_manager_get_default ();
  GtkEventController *controller;
  GtkGesture *click;

  self->painter = srm_diagram_painter_new (NULL);
  self->follow_system_style = TRUE;
  self->style = system_style ();
  srm_diagram_painter_set_style (self->painter, self->style);
  srm_diagram_painter_set_highlight_progress (self->painter, 1.0);
  self->transition_progress = 1.0;
  self->progress_from = 1.0;
  self->focus_row = self->focus_column = -1;
  self->hover_row = self->hover_column = -1;
  self->pressed_row = self->pressed_column = -1;

  self->transition =
    adw_timed_animation_new (widget, 0.0, 1.0, TRANSITION_MS,
                             adw_callback_animation_target_new ((AdwAnimationTargetFunc) transition_value_cb,
                                                                self, NULL));
  adw_timed_animation_set_easing (ADW_TIMED_ANIMATION (self->transition), ADW_EASE_OUT_CUBIC);
  g_signal_connect_swapped (self->transition, "done", G_CALLBACK (transition_done_cb), self);

  g_signal_connect_swapped (manager, "notify::dark", G_CALLBACK (system_style_changed_cb), self);
  g_signal_connect_swapped (manager, "notify::high-contrast", G_CALLBACK (system_style_changed_cb), self);

  gtk_widget_set_focusable (widget, TRUE);
  gtk_widget_set_has_tooltip (widget, TRUE);
  gtk_widget_set_overflow (widget, GTK_OVERFLOW_HIDDEN);

  controller = gtk_event_controller_motion_new ();
  g_signal_connect_swapped (controller, "enter", G_CALLBACK (motion_cb), self);
  g_signal_connect_swapped (controller, "motion", G_CALLBACK (motion_cb), self);
  g_signal_connect_swapped (controller, "leave", G_CALLBACK (leave_cb), self);
  gtk_widget_add_controller (widget, controller);

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect_swapped (click, "pressed", G_CALLBACK (pressed_cb), self);
  g_signal_connect_swapped (click, "released", G_CALLBACK (released_cb), self);
  /* Not ::stopped: it only resets the multi-click count and also comes while a
   * slow click is still held down. */
  g_signal_connect_swapped (click, "cancel", G_CALLBACK (click_cancel_cb), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (click));

  controller = gtk_event_controller_key_new ();
  g_signal_connect_swapped (controller, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (widget, controller);

  controller = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (controller, "enter", G_CALLBACK (focus_enter_cb), self);
  g_signal_connect_swapped (controller, "leave", G_CALLBACK (focus_leave_cb), self);
  gtk_widget_add_controller (widget, controller);

  update_accessible_label (self, NULL);
}
