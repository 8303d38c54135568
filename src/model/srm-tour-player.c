/* srm-tour-player.c: plays a guided tour, or the catalog's columns, into a selection.
 *
 * Presentation mode steps through something with a clicker: a tour's steps, or,
 * with no tour, the overview and then each column of the current catalog from
 * the left. The player applies each step to the selection it was given, so every
 * view following that selection shows it, and exposes what the presenter's
 * screen adds on top (title, caption, spotlight) as properties. It has no UI, so
 * the tests can drive it without a display.
 */
#include "config.h"

#include "srm-tour-player.h"

struct _SrmTourPlayer
{
  GObject             parent_instance;

  SrmSelection       *selection;
  SrmCatalogRegistry *registry;
  SrmTour            *tour;

  guint               index;
  guint               n_steps;
  char               *title;
  char               *caption;
  char              **spotlight_ids;
};

G_DEFINE_FINAL_TYPE (SrmTourPlayer, srm_tour_player, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SELECTION,
  PROP_REGISTRY,
  PROP_TOUR,
  PROP_INDEX,
  PROP_N_STEPS,
  PROP_TITLE,
  PROP_CAPTION,
  PROP_SPOTLIGHT_IDS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const no_ids[] = { NULL };

SrmTourPlayer *
srm_tour_player_new (SrmSelection       *selection,
                     SrmCatalogRegistry *registry)
{
  g_return_val_if_fail (SRM_IS_SELECTION (selection), NULL);
  g_return_val_if_fail (registry == NULL || SRM_IS_CATALOG_REGISTRY (registry), NULL);

  return g_object_new (SRM_TYPE_TOUR_PLAYER,
                       "selection", selection,
                       "registry", registry,
                       NULL);
}

static gboolean
set_string (char       **field,
            const char  *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;
  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

/* Live steps: 0 is the overview (no model), then one per model from the left. */
static guint
live_index_of_selection (SrmTourPlayer *self)
{
  SrmCatalog *catalog = srm_selection_get_catalog (self->selection);
  const char *model_id = srm_selection_get_model_id (self->selection);
  GListModel *models = srm_catalog_get_models (catalog);

  if (model_id == NULL)
    return 0;
  for (guint i = 0; i < g_list_model_get_n_items (models); i++)
    {
      g_autoptr(SrmServiceModel) model = g_list_model_get_item (models, i);

      if (g_str_equal (srm_service_model_get_id (model), model_id))
        return i + 1;
    }
  return 0;
}

/* Recomputes what the current step shows and notifies what changed. */
static void
refresh (SrmTourPlayer *self)
{
  const char *title = NULL;
  const char *caption = NULL;
  const char * const *spotlight = no_ids;
  guint n_steps;

  if (self->tour != NULL)
    {
      SrmTourStep *step;

      n_steps = srm_tour_get_n_steps (self->tour);
      self->index = MIN (self->index, n_steps - 1);
      step = srm_tour_get_step (self->tour, self->index);
      title = srm_tour_step_get_title (step);
      caption = srm_tour_step_get_caption (step);
      spotlight = srm_tour_step_get_spotlight_ids (step);
    }
  else
    {
      SrmCatalog *catalog = srm_selection_get_catalog (self->selection);
      GListModel *models = srm_catalog_get_models (catalog);

      n_steps = g_list_model_get_n_items (models) + 1;
      self->index = MIN (self->index, n_steps - 1);
      if (self->index == 0)
        {
          title = srm_catalog_get_title (catalog);
          caption = srm_catalog_get_description (catalog);
        }
      else
        {
          /* Borrowed: the catalog is immutable and keeps its models. */
          g_autoptr(SrmServiceModel) model = g_list_model_get_item (models, self->index - 1);

          title = srm_service_model_get_name (model);
          caption = srm_service_model_get_description (model);
        }
    }

  g_object_freeze_notify (G_OBJECT (self));
  /* The index is notified unconditionally by callers that move it. */
  if (self->n_steps != n_steps)
    {
      self->n_steps = n_steps;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_STEPS]);
    }
  if (set_string (&self->title, title))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
  if (set_string (&self->caption, caption ? caption : ""))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAPTION]);
  if (!g_strv_equal ((const char * const *) self->spotlight_ids, spotlight))
    {
      g_strfreev (self->spotlight_ids);
      self->spotlight_ids = g_strdupv ((char **) spotlight);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SPOTLIGHT_IDS]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

static void
set_index (SrmTourPlayer *self,
           guint          index)
{
  gboolean changed = self->index != index;

  self->index = index;
  refresh (self);
  if (changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INDEX]);
}

static void
apply_tour_step (SrmTourPlayer *self,
                 SrmTourStep   *step)
{
  const char *catalog_id = srm_tour_step_get_catalog_id (step);
  const char *model_id = srm_tour_step_get_model_id (step);
  SrmCatalog *catalog = srm_selection_get_catalog (self->selection);

  if (!g_str_equal (srm_catalog_get_id (catalog), catalog_id))
    {
      SrmCatalog *other = self->registry ? srm_catalog_registry_lookup (self->registry, catalog_id) : NULL;

      if (other == NULL)
        {
          /* Loaders validate tours against the registry; this is a tour
           * that was not, shown as far as the current catalog allows. */
          g_debug ("Tour step %u names catalog “%s”, which is not installed",
                   srm_tour_step_get_index (step), catalog_id);
          return;
        }
      srm_selection_set_catalog (self->selection, other);
      catalog = other;
    }

  g_object_freeze_notify (G_OBJECT (self->selection));
  if (model_id != NULL && srm_catalog_lookup_model (catalog, model_id) != NULL)
    srm_selection_set_model_id (self->selection, model_id);
  else
    srm_selection_set_model_id (self->selection, NULL);
  srm_selection_set_service_ids (self->selection, srm_tour_step_get_service_ids (step));
  g_object_thaw_notify (G_OBJECT (self->selection));
}

gboolean
srm_tour_player_go_to (SrmTourPlayer *self,
                       guint          index)
{
  g_return_val_if_fail (SRM_IS_TOUR_PLAYER (self), FALSE);

  if (index >= self->n_steps || index == self->index)
    return FALSE;

  if (self->tour != NULL)
    {
      apply_tour_step (self, srm_tour_get_step (self->tour, index));
      set_index (self, index);
    }
  else
    {
      GListModel *models = srm_catalog_get_models (srm_selection_get_catalog (self->selection));
      g_autoptr(SrmServiceModel) model = index > 0 ? g_list_model_get_item (models, index - 1) : NULL;

      /* The selection's notification brings the index along (selection_changed). */
      set_index (self, index);
      srm_selection_set_model_id (self->selection, model ? srm_service_model_get_id (model) : NULL);
    }
  return TRUE;
}

gboolean
srm_tour_player_next (SrmTourPlayer *self)
{
  g_return_val_if_fail (SRM_IS_TOUR_PLAYER (self), FALSE);
  return srm_tour_player_go_to (self, self->index + 1);
}

gboolean
srm_tour_player_previous (SrmTourPlayer *self)
{
  g_return_val_if_fail (SRM_IS_TOUR_PLAYER (self), FALSE);
  return self->index > 0 && srm_tour_player_go_to (self, self->index - 1);
}

gboolean
srm_tour_player_first (SrmTourPlayer *self)
{
  g_return_val_if_fail (SRM_IS_TOUR_PLAYER (self), FALSE);
  return srm_tour_player_go_to (self, 0);
}

gboolean
srm_tour_player_last (SrmTourPlayer *self)
{
  g_return_val_if_fail (SRM_IS_TOUR_PLAYER (self), FALSE);
  return srm_tour_player_go_to (self, self->n_steps - 1);
}

/* Live, the presenter (or the main window behind) may change the model or the
 * catalog by other means: the step follows. */
static void
selection_changed (SrmTourPlayer *self)
{
  if (self->tour == NULL)
    set_index (self, live_index_of_selection (self));
}

SrmSelection *
srm_tour_player_get_selection (SrmTourPlayer *self)
{
  g_return_val_if_fail (SRM_IS_TOUR_PLAYER (self), NULL);
  return self->selection;
}

SrmTour *
srm_tour_player_get_tour (SrmTourPlayer *self)
{
  g_return_val_if_fail (SRM_IS_TOUR_PLAYER (self), NULL);
  return self->tour;
}

void
srm_tour_player_set_tour (SrmTourPlayer *self,
                          SrmTour       *tour)
{
  g_return_if_fail (SRM_IS_TOUR_PLAYER (self));
  g_return_if_fail (tour == NULL || SRM_IS_TOUR (tour));

  if (self->tour == tour)
    return;

  g_object_freeze_notify (G_OBJECT (self));
  g_set_object (&self->tour, tour);
  if (tour != NULL)
    {
      /* A tour always starts from its first step, applied even if the index
       * was already 0, since the selection is whatever was on screen. */
      apply_tour_step (self, srm_tour_get_step (tour, 0));
      self->index = G_MAXUINT;
      set_index (self, 0);
    }
  else
    {
      set_index (self, live_index_of_selection (self));
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOUR]);
  g_object_thaw_notify (G_OBJECT (self));
}

guint
srm_tour_player_get_index (SrmTourPlayer *self)
{
  g_return_val_if_fail (SRM_IS_TOUR_PLAYER (self), 0);
  return self->index;
}

guint
srm_tour_player_get_n_steps (SrmTourPlayer *self)
{
  g_return_val_if_fail (SRM_IS_TOUR_PLAYER (self), 0);
  return self->n_steps;
}

const char *
srm_tour_player_get_title (SrmTourPlayer *self)
{
  g_return_val_if_fail (SRM_IS_TOUR_PLAYER (self), NULL);
  return self->title;
}

const char *
srm_tour_player_get_caption (SrmTourPlayer *self)
{
  g_return_val_if_fail (SRM_IS_TOUR_PLAYER (self), NULL);
  return self->caption ? self->caption : "";
}

const char * const *
srm_tour_player_get_spotlight_ids (SrmTourPlayer *self)
{
  g_return_val_if_fail (SRM_IS_TOUR_PLAYER (self), NULL);
  return self->spotlight_ids ? (const char * const *) self->spotlight_ids : no_ids;
}

static void
srm_tour_player_constructed (GObject *object)
{
  SrmTourPlayer *self = SRM_TOUR_PLAYER (object);

  G_OBJECT_CLASS (srm_tour_player_parent_class)->constructed (object);

  g_assert (self->selection != NULL);
  g_signal_connect_object (self->selection, "notify::catalog",
                           G_CALLBACK (selection_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->selection, "notify::model-id",
                           G_CALLBACK (selection_changed), self, G_CONNECT_SWAPPED);
  self->index = live_index_of_selection (self);
  refresh (self);
}

static void
srm_tour_player_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  SrmTourPlayer *self = SRM_TOUR_PLAYER (object);

  switch (prop_id)
    {
    case PROP_SELECTION:
      g_value_set_object (value, self->selection);
      break;
    case PROP_REGISTRY:
      g_value_set_object (value, self->registry);
      break;
    case PROP_TOUR:
      g_value_set_object (value, self->tour);
      break;
    case PROP_INDEX:
      g_value_set_uint (value, self->index);
      break;
    case PROP_N_STEPS:
      g_value_set_uint (value, self->n_steps);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_CAPTION:
      g_value_set_string (value, srm_tour_player_get_caption (self));
      break;
    case PROP_SPOTLIGHT_IDS:
      g_value_set_boxed (value, srm_tour_player_get_spotlight_ids (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
srm_tour_player_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  SrmTourPlayer *self = SRM_TOUR_PLAYER (object);

  switch (prop_id)
    {
    case PROP_SELECTION:
      self->selection = g_value_dup_object (value);
      break;
    case PROP_REGISTRY:
      self->registry = g_value_dup_object (value);
      break;
    case PROP_TOUR:
      srm_tour_player_set_tour (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
srm_tour_player_dispose (GObject *object)
{
  SrmTourPlayer *self = SRM_TOUR_PLAYER (object);

  g_clear_object (&self->tour);
  g_clear_object (&self->registry);
  g_clear_object (&self->selection);

  G_OBJECT_CLASS (srm_tour_player_parent_class)->dispose (object);
}

static void
srm_tour_player_finalize (GObject *object)
{
  SrmTourPlayer *self = SRM_TOUR_PLAYER (object);

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->caption, g_free);
  g_clear_pointer (&self->spotlight_ids, g_strfreev);

  G_OBJECT_CLASS (srm_tour_player_parent_class)->finalize (object);
}

static void
srm_tour_player_class_init (SrmTourPlayerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->constructed = srm_tour_player_constructed;
  object_class->get_property = srm_tour_player_get_property;
  object_class->set_property = srm_tour_player_set_property;
  object_class->dispose = srm_tour_player_dispose;
  object_class->finalize = srm_tour_player_finalize;

  properties[PROP_SELECTION] =
    g_param_spec_object ("selection", NULL, NULL, SRM_TYPE_SELECTION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REGISTRY] =
    g_param_spec_object ("registry", NULL, NULL, SRM_TYPE_CATALOG_REGISTRY,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TOUR] =
    g_param_spec_object ("tour", NULL, NULL, SRM_TYPE_TOUR,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_INDEX] =
    g_param_spec_uint ("index", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_N_STEPS] =
    g_param_spec_uint ("n-steps", NULL, NULL, 0, G_MAXUINT, 1, ro);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL, ro);
  properties[PROP_CAPTION] =
    g_param_spec_string ("caption", NULL, NULL, "", ro);
  properties[PROP_SPOTLIGHT_IDS] =
    g_param_spec_boxed ("spotlight-ids", NULL, NULL, G_TYPE_STRV, ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
srm_tour_player_init (SrmTourPlayer *self)
{
  self->spotlight_ids = g_new0 (char *, 1);
}
