/* srm-selection.c: the current selection, kept valid against its catalog.
 *
 * Service ids are kept in catalog order, whatever order they were picked in, so
 * the diagram's service columns and exports are the same for the same workload.
 */
#include "config.h"

#include "srm-selection.h"

struct _SrmSelection
{
  GObject     parent_instance;

  SrmCatalog *catalog;
  char       *model_id;
  GStrv       service_ids;
};

G_DEFINE_FINAL_TYPE (SrmSelection, srm_selection, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CATALOG,
  PROP_MODEL_ID,
  PROP_SERVICE_IDS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

SrmSelection *
srm_selection_new (SrmCatalog *catalog)
{
  g_return_val_if_fail (SRM_IS_CATALOG (catalog), NULL);

  return g_object_new (SRM_TYPE_SELECTION, "catalog", catalog, NULL);
}

SrmCatalog *
srm_selection_get_catalog (SrmSelection *self)
{
  g_return_val_if_fail (SRM_IS_SELECTION (self), NULL);
  return self->catalog;
}

const char *
srm_selection_get_model_id (SrmSelection *self)
{
  g_return_val_if_fail (SRM_IS_SELECTION (self), NULL);
  return self->model_id;
}

const char * const *
srm_selection_get_service_ids (SrmSelection *self)
{
  g_return_val_if_fail (SRM_IS_SELECTION (self), NULL);
  return (const char * const *) self->service_ids;
}

void
srm_selection_set_model_id (SrmSelection *self,
                            const char   *model_id)
{
  g_return_if_fail (SRM_IS_SELECTION (self));

  if (model_id != NULL && model_id[0] == '\0')
    model_id = NULL;
  g_return_if_fail (model_id == NULL || srm_catalog_lookup_model (self->catalog, model_id) != NULL);

  /* (g_set_str() is GLib 2.76, newer than we may use.) */
  if (g_strcmp0 (self->model_id, model_id) == 0)
    return;
  g_free (self->model_id);
  self->model_id = g_strdup (model_id);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODEL_ID]);
}

void
srm_selection_set_service_ids (SrmSelection       *self,
                               const char * const *service_ids)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) ids = NULL;
  GListModel *services;

  g_return_if_fail (SRM_IS_SELECTION (self));

  services = srm_catalog_get_services (self->catalog);
  for (guint i = 0; i < g_list_model_get_n_items (services); i++)
    {
      g_autoptr(SrmService) service = g_list_model_get_item (services, i);
      if (service_ids != NULL && g_strv_contains (service_ids, srm_service_get_id (service)))
        g_strv_builder_add (builder, srm_service_get_id (service));
    }
  ids = g_strv_builder_end (builder);

  if (g_strv_equal ((const char * const *) ids, (const char * const *) self->service_ids))
    return;
  g_strfreev (self->service_ids);
  self->service_ids = g_steal_pointer (&ids);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SERVICE_IDS]);
}

gboolean
srm_selection_has_service (SrmSelection *self,
                           const char   *service_id)
{
  g_return_val_if_fail (SRM_IS_SELECTION (self), FALSE);
  return service_id != NULL && g_strv_contains ((const char * const *) self->service_ids, service_id);
}

void
srm_selection_set_service_selected (SrmSelection *self,
                                    const char   *service_id,
                                    gboolean      selected)
{
  g_autoptr(GStrvBuilder) builder = NULL;
  g_auto(GStrv) ids = NULL;

  g_return_if_fail (SRM_IS_SELECTION (self));
  g_return_if_fail (service_id != NULL);

  if (srm_selection_has_service (self, service_id) == !!selected)
    return;

  builder = g_strv_builder_new ();
  for (guint i = 0; self->service_ids[i] != NULL; i++)
    if (!g_str_equal (self->service_ids[i], service_id))
      g_strv_builder_add (builder, self->service_ids[i]);
  if (selected)
    g_strv_builder_add (builder, service_id);
  ids = g_strv_builder_end (builder);
  srm_selection_set_service_ids (self, (const char * const *) ids);
}

gboolean
srm_selection_is_empty (SrmSelection *self)
{
  g_return_val_if_fail (SRM_IS_SELECTION (self), TRUE);
  return self->model_id == NULL && self->service_ids[0] == NULL;
}

void
srm_selection_set_catalog (SrmSelection *self,
                           SrmCatalog   *catalog)
{
  g_auto(GStrv) old_services = NULL;

  g_return_if_fail (SRM_IS_SELECTION (self));
  g_return_if_fail (SRM_IS_CATALOG (catalog));

  if (self->catalog == catalog)
    return;

  g_object_freeze_notify (G_OBJECT (self));
  old_services = g_steal_pointer (&self->service_ids);
  self->service_ids = g_new0 (char *, 1);
  g_set_object (&self->catalog, catalog);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CATALOG]);

  if (self->model_id != NULL && srm_catalog_lookup_model (catalog, self->model_id) == NULL)
    srm_selection_set_model_id (self, NULL);
  /* Keep what the new catalog also has, so switching back and forth loses little. */
  srm_selection_set_service_ids (self, (const char * const *) old_services);
  if (old_services[0] != NULL)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SERVICE_IDS]);
  g_object_thaw_notify (G_OBJECT (self));
}

static void
srm_selection_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  SrmSelection *self = SRM_SELECTION (object);

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
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
srm_selection_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  SrmSelection *self = SRM_SELECTION (object);

  switch (prop_id)
    {
    case PROP_CATALOG:
      srm_selection_set_catalog (self, g_value_get_object (value));
      break;
    case PROP_MODEL_ID:
      srm_selection_set_model_id (self, g_value_get_string (value));
      break;
    case PROP_SERVICE_IDS:
      srm_selection_set_service_ids (self, g_value_get_boxed (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
srm_selection_finalize (GObject *object)
{
  SrmSelection *self = SRM_SELECTION (object);

  g_clear_object (&self->catalog);
  g_clear_pointer (&self->model_id, g_free);
  g_clear_pointer (&self->service_ids, g_strfreev);

  G_OBJECT_CLASS (srm_selection_parent_class)->finalize (object);
}

static void
srm_selection_class_init (SrmSelectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = srm_selection_get_property;
  object_class->set_property = srm_selection_set_property;
  object_class->finalize = srm_selection_finalize;

  properties[PROP_CATALOG] =
    g_param_spec_object ("catalog", NULL, NULL, SRM_TYPE_CATALOG,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_MODEL_ID] =
    g_param_spec_string ("model-id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SERVICE_IDS] =
    g_param_spec_boxed ("service-ids", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
srm_selection_init (SrmSelection *self)
{
  self->service_ids = g_new0 (char *, 1);
}
