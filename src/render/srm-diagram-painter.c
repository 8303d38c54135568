/* srm-diagram-painter.c: what the diagram shows, and the entry points that lay it
 * out and paint it (see the header). The geometry lives in
 * srm-diagram-geometry.c, the colours and strokes in srm-diagram-paint.c.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "srm-diagram-painter-private.h"

#define N_CACHED_LAYOUTS 3

struct _SrmDiagramPainter
{
  GObject          parent_instance;

  SrmCatalog      *catalog;
  char            *model_id;
  GStrv            service_ids;
  SrmDiagramStyle  style;
  double           highlight_progress;
  int              focus_layer, focus_column;
  int              hover_layer, hover_column;
  int              pressed_layer, pressed_column;
  GStrv            spotlight_layers;
  gboolean         show_legend;
  gboolean         show_summary;
  char            *title;

  /* The painter's own text context: fixed font options, unhinted metrics, so a
   * PNG, a PDF and the window wrap lines identically. */
  PangoContext     *context;
  /* The last few layouts by size, most recent first: a view asks for its
   * natural height (height -1) and then draws at its allocation, and an
   * export may come in between; none of them should evict the others. */
  SrmDiagramLayout *cached[N_CACHED_LAYOUTS];
  double            cached_width[N_CACHED_LAYOUTS], cached_height[N_CACHED_LAYOUTS];
  /* The background and cells pre-rendered for drawing on image surfaces,
   * made on the first such draw. */
  SrmTileCache     *tiles;
};

G_DEFINE_FINAL_TYPE (SrmDiagramPainter, srm_diagram_painter, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CATALOG,
  PROP_MODEL_ID,
  PROP_SERVICE_IDS,
  PROP_STYLE,
  PROP_HIGHLIGHT_PROGRESS,
  PROP_FOCUS_LAYER,
  PROP_FOCUS_COLUMN,
  PROP_HOVER_LAYER,
  PROP_HOVER_COLUMN,
  PROP_PRESSED_LAYER,
  PROP_PRESSED_COLUMN,
  PROP_SPOTLIGHT_LAYERS,
  PROP_SHOW_LEGEND,
  PROP_SHOW_SUMMARY,
  PROP_TITLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const empty_strv[] = { NULL };

static void
invalidate_layout (SrmDiagramPainter *self)
{
  for (guint i = 0; i < N_CACHED_LAYOUTS; i++)
    g_clear_pointer (&self->cached[i], srm_diagram_layout_unref);
}

static gboolean
strv_equal0 (const char * const *a,
             const char * const *b)
{
  if (a == NULL)
    a = empty_strv;
  if (b == NULL)
    b = empty_strv;
  return g_strv_equal (a, b);
}

static gboolean
set_strv (GStrv              *field,
          const char * const *value)
{
  if (strv_equal0 ((const char * const *) *field, value))
    return FALSE;
  g_strfreev (*field);
  *field = g_strdupv ((char **) (value != NULL ? value : empty_strv));
  return TRUE;
}

/* g_set_str () is GLib 2.76. */
static gboolean
set_str (char       **field,
         const char  *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;
  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

static void
set_int (SrmDiagramPainter *self,
         int               *field,
         int                value,
         guint              prop)
{
  value = MAX (-1, value);
  if (*field == value)
    return;
  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static void
srm_diagram_painter_dispose (GObject *object)
{
  SrmDiagramPainter *self = SRM_DIAGRAM_PAINTER (object);

  invalidate_layout (self);
  g_clear_pointer (&self->tiles, srm_tile_cache_free);
  g_clear_object (&self->catalog);
  /* The text cache lives on the context and its layouts hold the context:
   * without emptying it first, neither would ever be freed. */
  if (self->context != NULL)
    srm_diagram_text_cache_clear (self->context);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (srm_diagram_painter_parent_class)->dispose (object);
}

static void
srm_diagram_painter_finalize (GObject *object)
{
  SrmDiagramPainter *self = SRM_DIAGRAM_PAINTER (object);

  g_free (self->model_id);
  g_strfreev (self->service_ids);
  g_strfreev (self->spotlight_layers);
  g_free (self->title);

  G_OBJECT_CLASS (srm_diagram_painter_parent_class)->finalize (object);
}

static void
srm_diagram_painter_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  SrmDiagramPainter *self = SRM_DIAGRAM_PAINTER (object);

  switch (prop_id)
    {
    case PROP_CATALOG:
      g_value_set_object (value, self->catalog);
      break;
    case PROP_MODEL_ID:
      g_value_set_string (value, self->model_id);
      break;
    case PROP_SERVICE_IDS:
      g_value_set_boxed (value, self->service_ids);
      break;
    case PROP_STYLE:
      g_value_set_enum (value, self->style);
      break;
    case PROP_HIGHLIGHT_PROGRESS:
      g_value_set_double (value, self->highlight_progress);
      break;
    case PROP_FOCUS_LAYER:
      g_value_set_int (value, self->focus_layer);
      break;
    case PROP_FOCUS_COLUMN:
      g_value_set_int (value, self->focus_column);
      break;
    case PROP_HOVER_LAYER:
      g_value_set_int (value, self->hover_layer);
      break;
    case PROP_HOVER_COLUMN:
      g_value_set_int (value, self->hover_column);
      break;
    case PROP_PRESSED_LAYER:
      g_value_set_int (value, self->pressed_layer);
      break;
    case PROP_PRESSED_COLUMN:
      g_value_set_int (value, self->pressed_column);
      break;
    case PROP_SPOTLIGHT_LAYERS:
      g_value_set_boxed (value, self->spotlight_layers);
      break;
    case PROP_SHOW_LEGEND:
      g_value_set_boolean (value, self->show_legend);
      break;
    case PROP_SHOW_SUMMARY:
      g_value_set_boolean (value, self->show_summary);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
srm_diagram_painter_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  SrmDiagramPainter *self = SRM_DIAGRAM_PAINTER (object);

  switch (prop_id)
    {
    case PROP_CATALOG:
      srm_diagram_painter_set_catalog (self, g_value_get_object (value));
      break;
    case PROP_MODEL_ID:
      srm_diagram_painter_set_model_id (self, g_value_get_string (value));
      break;
    case PROP_SERVICE_IDS:
      srm_diagram_painter_set_service_ids (self, g_value_get_boxed (value));
      break;
    case PROP_STYLE:
      srm_diagram_painter_set_style (self, g_value_get_enum (value));
      break;
    case PROP_HIGHLIGHT_PROGRESS:
      srm_diagram_painter_set_highlight_progress (self, g_value_get_double (value));
      break;
    case PROP_FOCUS_LAYER:
      set_int (self, &self->focus_layer, g_value_get_int (value), prop_id);
      break;
    case PROP_FOCUS_COLUMN:
      set_int (self, &self->focus_column, g_value_get_int (value), prop_id);
      break;
    case PROP_HOVER_LAYER:
      set_int (self, &self->hover_layer, g_value_get_int (value), prop_id);
      break;
    case PROP_HOVER_COLUMN:
      set_int (self, &self->hover_column, g_value_get_int (value), prop_id);
      break;
    case PROP_PRESSED_LAYER:
      set_int (self, &self->pressed_layer, g_value_get_int (value), prop_id);
      break;
    case PROP_PRESSED_COLUMN:
      set_int (self, &self->pressed_column, g_value_get_int (value), prop_id);
      break;
    case PROP_SPOTLIGHT_LAYERS:
      srm_diagram_painter_set_spotlight_layers (self, g_value_get_boxed (value));
      break;
    case PROP_SHOW_LEGEND:
      srm_diagram_painter_set_show_legend (self, g_value_get_boolean (value));
      break;
    case PROP_SHOW_SUMMARY:
      srm_diagram_painter_set_show_summary (self, g_value_get_boolean (value));
      break;
    case PROP_TITLE:
      srm_diagram_painter_set_title (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static GParamSpec *
cell_param (const char *name,
            const char *nick)
{
  return g_param_spec_int (name, nick, NULL, -1, G_MAXINT, -1,
                           G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
}

static void
srm_diagram_painter_class_init (SrmDiagramPainterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = srm_diagram_painter_dispose;
  object_class->finalize = srm_diagram_painter_finalize;
  object_class->get_property = srm_diagram_painter_get_property;
  object_class->set_property = srm_diagram_painter_set_property;

  properties[PROP_CATALOG] =
    g_param_spec_object ("catalog", "Catalog", NULL, SRM_TYPE_CATALOG, flags);
  properties[PROP_MODEL_ID] =
    g_param_spec_string ("model-id", "Model id", NULL, NULL, flags);
  properties[PROP_SERVICE_IDS] =
    g_param_spec_boxed ("service-ids", "Service ids", NULL, G_TYPE_STRV, flags);
  properties[PROP_STYLE] =
    g_param_spec_enum ("style", "Style", NULL, SRM_TYPE_DIAGRAM_STYLE, SRM_DIAGRAM_STYLE_LIGHT, flags);
  properties[PROP_HIGHLIGHT_PROGRESS] =
    g_param_spec_double ("highlight-progress", "Highlight progress", NULL, 0, 1, 1, flags);
  properties[PROP_FOCUS_LAYER] = cell_param ("focus-layer", "Focus layer");
  properties[PROP_FOCUS_COLUMN] = cell_param ("focus-column", "Focus column");
  properties[PROP_HOVER_LAYER] = cell_param ("hover-layer", "Hover layer");
  properties[PROP_HOVER_COLUMN] = cell_param ("hover-column", "Hover column");
  properties[PROP_PRESSED_LAYER] = cell_param ("pressed-layer", "Pressed layer");
  properties[PROP_PRESSED_COLUMN] = cell_param ("pressed-column", "Pressed column");
  properties[PROP_SPOTLIGHT_LAYERS] =
    g_param_spec_boxed ("spotlight-layers", "Spotlight layers", NULL, G_TYPE_STRV, flags);
  properties[PROP_SHOW_LEGEND] =
    g_param_spec_boolean ("show-legend", "Show legend", NULL, TRUE, flags);
  properties[PROP_SHOW_SUMMARY] =
    g_param_spec_boolean ("show-summary", "Show summary", NULL, TRUE, flags);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", "Title", NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
srm_diagram_painter_init (SrmDiagramPainter *self)
{
  self->service_ids = g_new0 (char *, 1);
  self->spotlight_layers = g_new0 (char *, 1);
  self->style = SRM_DIAGRAM_STYLE_LIGHT;
  self->highlight_progress = 1;
  self->focus_layer = self->focus_column = -1;
  self->hover_layer = self->hover_column = -1;
  self->pressed_layer = self->pressed_column = -1;
  self->show_legend = TRUE;
  self->show_summary = TRUE;
}

SrmDiagramPainter *
srm_diagram_painter_new (SrmCatalog *catalog)
{
  g_return_val_if_fail (catalog == NULL || SRM_IS_CATALOG (catalog), NULL);

  return g_object_new (SRM_TYPE_DIAGRAM_PAINTER, "catalog", catalog, NULL);
}

/* ---- properties ---- */

SrmCatalog *
srm_diagram_painter_get_catalog (SrmDiagramPainter *self)
{
  g_return_val_if_fail (SRM_IS_DIAGRAM_PAINTER (self), NULL);
  return self->catalog;
}

void
srm_diagram_painter_set_catalog (SrmDiagramPainter *self,
                                 SrmCatalog        *catalog)
{
  g_return_if_fail (SRM_IS_DIAGRAM_PAINTER (self));
  g_return_if_fail (catalog == NULL || SRM_IS_CATALOG (catalog));

  if (g_set_object (&self->catalog, catalog))
    {
      invalidate_layout (self);
      if (self->context != NULL)
        srm_diagram_text_cache_clear (self->context);
      /* No tile of the old catalog's words will be asked for again. */
      if (self->tiles != NULL)
        srm_tile_cache_clear (self->tiles);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CATALOG]);
    }
}

const char *
srm_diagram_painter_get_model_id (SrmDiagramPainter *self)
{
  g_return_val_if_fail (SRM_IS_DIAGRAM_PAINTER (self), NULL);
  return self->model_id;
}

void
srm_diagram_painter_set_model_id (SrmDiagramPainter *self,
                                  const char        *model_id)
{
  g_return_if_fail (SRM_IS_DIAGRAM_PAINTER (self));

  if (model_id != NULL && model_id[0] == '\0')
    model_id = NULL;
  if (set_str (&self->model_id, model_id))
    {
      invalidate_layout (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODEL_ID]);
    }
}

const char * const *
srm_diagram_painter_get_service_ids (SrmDiagramPainter *self)
{
  g_return_val_if_fail (SRM_IS_DIAGRAM_PAINTER (self), NULL);
  return (const char * const *) self->service_ids;
}

void
srm_diagram_painter_set_service_ids (SrmDiagramPainter  *self,
                                     const char * const *service_ids)
{
  g_return_if_fail (SRM_IS_DIAGRAM_PAINTER (self));

  if (set_strv (&self->service_ids, service_ids))
    {
      invalidate_layout (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SERVICE_IDS]);
    }
}

SrmDiagramStyle
srm_diagram_painter_get_style (SrmDiagramPainter *self)
{
  g_return_val_if_fail (SRM_IS_DIAGRAM_PAINTER (self), SRM_DIAGRAM_STYLE_LIGHT);
  return self->style;
}

void
srm_diagram_painter_set_style (SrmDiagramPainter *self,
                               SrmDiagramStyle    style)
{
  g_return_if_fail (SRM_IS_DIAGRAM_PAINTER (self));
  g_return_if_fail (style <= SRM_DIAGRAM_STYLE_PRINT);

  if (self->style == style)
    return;
  self->style = style;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STYLE]);
}

double
srm_diagram_painter_get_highlight_progress (SrmDiagramPainter *self)
{
  g_return_val_if_fail (SRM_IS_DIAGRAM_PAINTER (self), 0);
  return self->highlight_progress;
}

void
srm_diagram_painter_set_highlight_progress (SrmDiagramPainter *self,
                                            double             progress)
{
  g_return_if_fail (SRM_IS_DIAGRAM_PAINTER (self));

  progress = CLAMP (progress, 0, 1);
  if (self->highlight_progress == progress)
    return;
  self->highlight_progress = progress;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HIGHLIGHT_PROGRESS]);
}

static void
set_cell (SrmDiagramPainter *self,
          int               *layer_field,
          int               *column_field,
          int                layer,
          int                column,
          guint              layer_prop,
          guint              column_prop)
{
  g_object_freeze_notify (G_OBJECT (self));
  set_int (self, layer_field, layer, layer_prop);
  set_int (self, column_field, column, column_prop);
  g_object_thaw_notify (G_OBJECT (self));
}

void
srm_diagram_painter_set_focus_cell (SrmDiagramPainter *self,
                                    int                layer,
                                    int                column)
{
  g_return_if_fail (SRM_IS_DIAGRAM_PAINTER (self));
  set_cell (self, &self->focus_layer, &self->focus_column, layer, column,
            PROP_FOCUS_LAYER, PROP_FOCUS_COLUMN);
}

void
srm_diagram_painter_get_focus_cell (SrmDiagramPainter *self,
                                    int               *layer,
                                    int               *column)
{
  g_return_if_fail (SRM_IS_DIAGRAM_PAINTER (self));
  if (layer != NULL)
    *layer = self->focus_layer;
  if (column != NULL)
    *column = self->focus_column;
}

void
srm_diagram_painter_set_hover_cell (SrmDiagramPainter *self,
                                    int                layer,
                                    int                column)
{
  g_return_if_fail (SRM_IS_DIAGRAM_PAINTER (self));
  set_cell (self, &self->hover_layer, &self->hover_column, layer, column,
            PROP_HOVER_LAYER, PROP_HOVER_COLUMN);
}

void
srm_diagram_painter_get_hover_cell (SrmDiagramPainter *self,
                                    int               *layer,
                                    int               *column)
{
  g_return_if_fail (SRM_IS_DIAGRAM_PAINTER (self));
  if (layer != NULL)
    *layer = self->hover_layer;
  if (column != NULL)
    *column = self->hover_column;
}

void
srm_diagram_painter_set_pressed_cell (SrmDiagramPainter *self,
                                      int                layer,
                                      int                column)
{
  g_return_if_fail (SRM_IS_DIAGRAM_PAINTER (self));
  set_cell (self, &self->pressed_layer, &self->pressed_column, layer, column,
            PROP_PRESSED_LAYER, PROP_PRESSED_COLUMN);
}

void
srm_diagram_painter_get_pressed_cell (SrmDiagramPainter *self,
                                      int               *layer,
                                      int               *column)
{
  g_return_if_fail (SRM_IS_DIAGRAM_PAINTER (self));
  if (layer != NULL)
    *layer = self->pressed_layer;
  if (column != NULL)
    *column = self->pressed_column;
}

const char * const *
srm_diagram_painter_get_spotlight_layers (SrmDiagramPainter *self)
{
  g_return_val_if_fail (SRM_IS_DIAGRAM_PAINTER (self), NULL);
  return (const char * const *) self->spotlight_layers;
}

void
srm_diagram_painter_set_spotlight_layers (SrmDiagramPainter  *self,
                                          const char * const *layer_ids)
{
  g_return_if_fail (SRM_IS_DIAGRAM_PAINTER (self));

  if (set_strv (&self->spotlight_layers, layer_ids))
    {
      invalidate_layout (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SPOTLIGHT_LAYERS]);
    }
}

gboolean
srm_diagram_painter_get_show_legend (SrmDiagramPainter *self)
{
  g_return_val_if_fail (SRM_IS_DIAGRAM_PAINTER (self), FALSE);
  return self->show_legend;
}

void
srm_diagram_painter_set_show_legend (SrmDiagramPainter *self,
                                     gboolean           show_legend)
{
  g_return_if_fail (SRM_IS_DIAGRAM_PAINTER (self));

  show_legend = !!show_legend;
  if (self->show_legend == show_legend)
    return;
  self->show_legend = show_legend;
  invalidate_layout (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_LEGEND]);
}

gboolean
srm_diagram_painter_get_show_summary (SrmDiagramPainter *self)
{
  g_return_val_if_fail (SRM_IS_DIAGRAM_PAINTER (self), FALSE);
  return self->show_summary;
}

void
srm_diagram_painter_set_show_summary (SrmDiagramPainter *self,
                                      gboolean           show_summary)
{
  g_return_if_fail (SRM_IS_DIAGRAM_PAINTER (self));

  show_summary = !!show_summary;
  if (self->show_summary == show_summary)
    return;
  self->show_summary = show_summary;
  invalidate_layout (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_SUMMARY]);
}

const char *
srm_diagram_painter_get_title (SrmDiagramPainter *self)
{
  g_return_val_if_fail (SRM_IS_DIAGRAM_PAINTER (self), NULL);
  return self->title;
}

void
srm_diagram_painter_set_title (SrmDiagramPainter *self,
                               const char        *title)
{
  g_return_if_fail (SRM_IS_DIAGRAM_PAINTER (self));

  if (set_str (&self->title, title))
    {
      invalidate_layout (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
    }
}

/* ---- selection ---- */

/* The selected services the catalog knows, in the order they were given. */
static GPtrArray *
known_services (SrmDiagramPainter *self)
{
  GPtrArray *services = g_ptr_array_new ();

  for (guint i = 0; self->catalog != NULL && self->service_ids[i] != NULL; i++)
    {
      SrmService *service = srm_catalog_lookup_service (self->catalog, self->service_ids[i]);

      if (service == NULL)
        g_debug ("Ignoring unknown service “%s”", self->service_ids[i]);
      else if (!g_ptr_array_find (services, service, NULL))
        g_ptr_array_add (services, service);
    }

  return services;
}

static SrmServiceModel *
known_model (SrmDiagramPainter *self)
{
  if (self->catalog == NULL || self->model_id == NULL)
    return NULL;
  return srm_catalog_lookup_model (self->catalog, self->model_id);
}

/* The more customer-side of two owners: customer > shared > provider. */
static SrmOwner
most_customer_side (SrmOwner a,
                    SrmOwner b)
{
  if (a == SRM_OWNER_CUSTOMER || b == SRM_OWNER_CUSTOMER)
    return SRM_OWNER_CUSTOMER;
  if (a == SRM_OWNER_SHARED || b == SRM_OWNER_SHARED)
    return SRM_OWNER_SHARED;
  return SRM_OWNER_PROVIDER;
}

char *
srm_diagram_painter_dup_summary (SrmDiagramPainter *self)
{
  g_autoptr(GPtrArray) services = NULL;
  SrmServiceModel *model;
  GListModel *layers;
  guint n_layers, owned = 0, shared = 0;

  g_return_val_if_fail (SRM_IS_DIAGRAM_PAINTER (self), NULL);

  if (self->catalog == NULL)
    return g_strdup ("");

  services = known_services (self);
  model = known_model (self);
  layers = srm_catalog_get_layers (self->catalog);
  n_layers = g_list_model_get_n_items (layers);

  if (services->len == 0 && model == NULL)
    {
      /* TRANSLATORS: the diagram's summary when nothing is selected; %s is the cloud provider */
      return g_strdup_printf (_("Pick a model or a service to see what you own and what %s runs for you"),
                              srm_catalog_get_provider_name (self->catalog));
    }

  for (guint i = 0; i < n_layers; i++)
    {
      g_autoptr(SrmLayer) layer = g_list_model_get_item (layers, i);
      const char *layer_id = srm_layer_get_id (layer);
      SrmOwner owner = SRM_OWNER_PROVIDER;

      if (services->len == 0)
        srm_catalog_get_owner (self->catalog, layer_id, srm_service_model_get_id (model), &owner);

      for (guint j = 0; j < services->len; j++)
        {
          SrmOwner service_owner = SRM_OWNER_PROVIDER;

          srm_catalog_get_service_owner (self->catalog, srm_service_get_id (services->pdata[j]),
                                         layer_id, &service_owner);
          owner = most_customer_side (owner, service_owner);
        }

      if (owner == SRM_OWNER_CUSTOMER)
        owned++;
      else if (owner == SRM_OWNER_SHARED)
        shared++;
    }

  if (services->len > 1)
    {
      if (shared == 0)
        /* TRANSLATORS: the diagram's summary; "workload" is the set of selected services */
        return g_strdup_printf (ngettext ("For this workload (%u services) you own %u of %u layer",
                                          "For this workload (%u services) you own %u of %u layers", n_layers),
                                services->len, owned, n_layers);
      /* TRANSLATORS: the diagram's summary; "workload" is the set of selected services */
      return g_strdup_printf (ngettext ("For this workload (%u services) you own %u of %u layer and share %u",
                                        "For this workload (%u services) you own %u of %u layers and share %u", n_layers),
                              services->len, owned, n_layers, shared);
    }

  if (services->len == 1)
    {
      const char *name = srm_service_get_name (services->pdata[0]);

      if (shared == 0)
        /* TRANSLATORS: the diagram's summary; %s is a service, e.g. App Service */
        return g_strdup_printf (ngettext ("For %s you own %u of %u layer",
                                          "For %s you own %u of %u layers", n_layers),
                                name, owned, n_layers);
      /* TRANSLATORS: the diagram's summary; %s is a service, e.g. App Service */
      return g_strdup_printf (ngettext ("For %s you own %u of %u layer and share %u",
                                        "For %s you own %u of %u layers and share %u", n_layers),
                              name, owned, n_layers, shared);
    }

  if (shared == 0)
    /* TRANSLATORS: the diagram's summary; %s is a model, e.g. PaaS */
    return g_strdup_printf (ngettext ("In %s you own %u of %u layer",
                                      "In %s you own %u of %u layers", n_layers),
                            srm_service_model_get_short_name (model), owned, n_layers);
  /* TRANSLATORS: the diagram's summary; %s is a model, e.g. PaaS */
  return g_strdup_printf (ngettext ("In %s you own %u of %u layer and share %u",
                                    "In %s you own %u of %u layers and share %u", n_layers),
                          srm_service_model_get_short_name (model), owned, n_layers, shared);
}

/* ---- layout and drawing ---- */

/* Each thread's font map for the painters: like Pango's default one per
 * thread, but the painters' own, so that one loaded on another thread can be
 * handed over (srm_diagram_fonts_adopt ()) without changing GTK's. */
static GPrivate diagram_font_map = G_PRIVATE_INIT (g_object_unref);

static PangoFontMap *
get_font_map (void)
{
  PangoFontMap *font_map = g_private_get (&diagram_font_map);

  if (font_map == NULL)
    {
      font_map = pango_cairo_font_map_new ();
      g_private_set (&diagram_font_map, font_map);
    }
  return font_map;
}

static PangoContext *
context_new_for_font_map (PangoFontMap *font_map)
{
  PangoContext *context = pango_font_map_create_context (font_map);
  cairo_font_options_t *options = cairo_font_options_create ();

  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_SLIGHT);
  cairo_font_options_set_antialias (options, CAIRO_ANTIALIAS_GRAY);
  pango_cairo_context_set_font_options (context, options);
  pango_context_set_round_glyph_positions (context, FALSE);
  cairo_font_options_destroy (options);
  return context;
}

PangoContext *
srm_diagram_context_new (void)
{
  return context_new_for_font_map (get_font_map ());
}

/* Loads what the first diagram of @catalog would: each weight of the
 * diagram's font at the size its text is set in (see text_layout_new ()),
 * with the metrics and the shaping data of the catalog's words. Measured:
 * about 10 M instructions that the first frame's diagram no longer spends. */
PangoFontMap *
srm_diagram_fonts_load (SrmCatalog *catalog)
{
  static const PangoWeight weights[] = { PANGO_WEIGHT_NORMAL, PANGO_WEIGHT_MEDIUM, PANGO_WEIGHT_BOLD };
  g_autoptr(GString) words = g_string_new (NULL);
  PangoFontMap *font_map;
  PangoContext *context;

  g_return_val_if_fail (catalog == NULL || SRM_IS_CATALOG (catalog), NULL);

  font_map = pango_cairo_font_map_new ();
  context = context_new_for_font_map (font_map);

  if (catalog != NULL)
    {
      GListModel *layers = srm_catalog_get_layers (catalog);
      GListModel *models = srm_catalog_get_models (catalog);

      for (guint i = 0; i < g_list_model_get_n_items (layers); i++)
        {
          g_autoptr(SrmLayer) layer = g_list_model_get_item (layers, i);
          g_string_append_printf (words, "%s ", srm_layer_get_name (layer));
        }
      for (guint i = 0; i < g_list_model_get_n_items (models); i++)
        {
          g_autoptr(SrmServiceModel) model = g_list_model_get_item (models, i);
          g_string_append_printf (words, "%s ", srm_service_model_get_name (model));
        }
      g_string_append_printf (words, "%s %s %s",
                              srm_owner_get_label (SRM_OWNER_CUSTOMER, srm_catalog_get_provider_name (catalog)),
                              srm_owner_get_label (SRM_OWNER_PROVIDER, srm_catalog_get_provider_name (catalog)),
                              srm_owner_get_label (SRM_OWNER_SHARED, srm_catalog_get_provider_name (catalog)));
    }

  for (guint i = 0; i < G_N_ELEMENTS (weights); i++)
    {
      g_autoptr(PangoLayout) layout = srm_diagram_text_new (context, words->str,
                                                            SRM_DIAGRAM_TEXT_REFERENCE_SIZE,
                                                            weights[i], -1, PANGO_ALIGN_LEFT);

      pango_layout_get_extents (layout, NULL, NULL);
    }
  g_object_unref (context);
  return font_map;
}

void
srm_diagram_fonts_adopt (PangoFontMap *font_map)
{
  g_return_if_fail (PANGO_IS_FONT_MAP (font_map));
  g_private_replace (&diagram_font_map, g_object_ref (font_map));
}

static PangoContext *
get_context (SrmDiagramPainter *self)
{
  if (self->context == NULL)
    {
      self->context = srm_diagram_context_new ();
      /* Every layout of this context stays the painter's: safe to share. */
      srm_diagram_text_cache_enable (self->context);
    }

  return self->context;
}

static SrmDiagramLayout *
build_layout (SrmDiagramPainter *self,
              PangoContext      *context,
              double             width,
              double             height)
{
  g_autoptr(GPtrArray) services = NULL;
  g_autoptr(GPtrArray) service_ids = g_ptr_array_new ();
  g_autofree char *summary = NULL;
  SrmDiagramContent content = { 0, };
  SrmDiagramLayout *layout;

  if (self->catalog == NULL)
    {
      layout = srm_diagram_layout_new ();
      layout->width = width;
      layout->height = MAX (0, height);
      layout->font_size = 11;
      return layout;
    }

  services = known_services (self);
  for (guint i = 0; i < services->len; i++)
    g_ptr_array_add (service_ids, (gpointer) srm_service_get_id (services->pdata[i]));
  g_ptr_array_add (service_ids, NULL);
  summary = srm_diagram_painter_dup_summary (self);

  content.catalog = self->catalog;
  content.model_id = known_model (self) != NULL ? self->model_id : NULL;
  content.service_ids = (const char * const *) service_ids->pdata;
  content.spotlight = (const char * const *) self->spotlight_layers;
  content.show_legend = self->show_legend;
  content.show_summary = self->show_summary;
  content.title = self->title;
  content.summary = summary;

  return srm_diagram_geometry_build (&content, context, width, height);
}

SrmDiagramLayout *
srm_diagram_painter_get_layout (SrmDiagramPainter *self,
                                double             width,
                                double             height)
{
  SrmDiagramLayout *layout = NULL;
  guint found = N_CACHED_LAYOUTS - 1;

  /* Any negative height means the natural one. */
  if (height < 0)
    height = -1;

  for (guint i = 0; i < N_CACHED_LAYOUTS; i++)
    if (self->cached[i] != NULL && self->cached_width[i] == width && self->cached_height[i] == height)
      {
        layout = self->cached[i];
        found = i;
        break;
      }

  if (layout == NULL)
    {
      g_clear_pointer (&self->cached[found], srm_diagram_layout_unref);
      layout = build_layout (self, get_context (self), width, height);
    }

  /* Move it to the front. */
  memmove (&self->cached[1], &self->cached[0], found * sizeof self->cached[0]);
  memmove (&self->cached_width[1], &self->cached_width[0], found * sizeof self->cached_width[0]);
  memmove (&self->cached_height[1], &self->cached_height[0], found * sizeof self->cached_height[0]);
  self->cached[0] = layout;
  self->cached_width[0] = width;
  self->cached_height[0] = height;

  return srm_diagram_layout_ref (layout);
}

void
srm_diagram_painter_get_state (SrmDiagramPainter    *self,
                               SrmDiagramPaintState *state)
{
  state->style = self->style;
  state->progress = self->highlight_progress;
  state->focus_row = self->focus_layer;
  state->focus_column = self->focus_column;
  state->hover_row = self->hover_layer;
  state->hover_column = self->hover_column;
  state->pressed_row = self->pressed_layer;
  state->pressed_column = self->pressed_column;
}

SrmDiagramLayout *
srm_diagram_painter_layout (SrmDiagramPainter *self,
                            PangoContext      *context,
                            double             width,
                            double             height)
{
  g_return_val_if_fail (SRM_IS_DIAGRAM_PAINTER (self), NULL);
  g_return_val_if_fail (context == NULL || PANGO_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (width > 0, NULL);

  if (context == NULL || context == self->context)
    return srm_diagram_painter_get_layout (self, width, height);

  return build_layout (self, context, width, height);
}

SrmDiagramLayout *
srm_diagram_painter_draw (SrmDiagramPainter *self,
                          cairo_t           *cr,
                          double             width,
                          double             height)
{
  SrmDiagramPaintState state;
  SrmDiagramLayout *layout;

  g_return_val_if_fail (SRM_IS_DIAGRAM_PAINTER (self), NULL);
  g_return_val_if_fail (cr != NULL, NULL);
  g_return_val_if_fail (width > 0 && height > 0, NULL);

  layout = srm_diagram_painter_get_layout (self, width, height);
  srm_diagram_painter_get_state (self, &state);
  if (self->tiles == NULL && cairo_surface_get_type (cairo_get_target (cr)) == CAIRO_SURFACE_TYPE_IMAGE)
    self->tiles = srm_tile_cache_new (SRM_TILE_CACHE_DEFAULT_BUDGET);
  srm_diagram_paint_with_tiles (cr, layout, &state, self->tiles);

  return layout;
}

SrmTileCache *
srm_diagram_painter_get_tiles (SrmDiagramPainter *self)
{
  g_return_val_if_fail (SRM_IS_DIAGRAM_PAINTER (self), NULL);
  return self->tiles;
}

double
srm_diagram_painter_get_natural_height (SrmDiagramPainter *self,
                                        double             width)
{
  g_autoptr(SrmDiagramLayout) layout = NULL;

  g_return_val_if_fail (SRM_IS_DIAGRAM_PAINTER (self), 0);
  g_return_val_if_fail (width > 0, 0);

  layout = srm_diagram_painter_get_layout (self, width, -1);
  return ceil (srm_diagram_layout_get_height (layout));
}
