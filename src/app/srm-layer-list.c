/* srm-layer-list.c: the text alternative of the diagram.
 *
 * Each layer is a row that says in words who owns it for what is selected: the
 * selected services one by one, else the selected model, else every model. The
 * diagram shows the same with colour, which some people cannot see and screen
 * readers cannot read. Rows are made once per catalog and only their text
 * changes with the selection, so keyboard focus stays where the user left it.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "srm-layer-list.h"
#include "srm-tooltip.h"

struct _SrmLayerList
{
  AdwBin        parent_instance;

  SrmSelection *selection;

  GtkListBox   *list_box;
};

G_DEFINE_FINAL_TYPE (SrmLayerList, srm_layer_list, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_SELECTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  LAYER_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* What each row carries. */
#define ROW_LAYER_KEY  "srm-layer-id"
#define ROW_OWNERS_KEY "srm-owners-label"
#define ROW_TEXT_KEY   "srm-owners-text"

GtkWidget *
srm_layer_list_new (SrmSelection *selection)
{
  return g_object_new (SRM_TYPE_LAYER_LIST, "selection", selection, NULL);
}

SrmSelection *
srm_layer_list_get_selection (SrmLayerList *self)
{
  g_return_val_if_fail (SRM_IS_LAYER_LIST (self), NULL);
  return self->selection;
}

static const char *
get_model_short_name (SrmCatalog *catalog,
                      const char *model_id)
{
  SrmServiceModel *model = srm_catalog_lookup_model (catalog, model_id);

  return model != NULL ? srm_service_model_get_short_name (model) : model_id;
}

/* One "NAME: OWNER" item, to both the plain text and the markup. The owner word
 * is bold so the eye finds it, but the words carry it, never the weight alone.
 * Short model pairs share a line, so with @keep_together they never wrap
 * inside: a model's name is never split from its owner. */
static void
append_owner (GString    *text,
              GString    *markup,
              const char *separator,
              const char *name,
              const char *owner,
              const char *remark,
              gboolean    keep_together)
{
  g_autofree char *escaped_name = g_markup_escape_text (name, -1);
  g_autofree char *escaped_owner = g_markup_escape_text (owner, -1);
  g_autofree char *bold_owner = g_strdup_printf ("<b>%s</b>", escaped_owner);
  g_autofree char *pair = NULL;

  if (text->len > 0)
    {
      g_string_append (text, separator);
      g_string_append (markup, separator);
    }
  /* TRANSLATORS: a service model or service and who owns a layer in it, e.g. "PaaS: Shared" */
  g_string_append_printf (text, _("%s: %s"), name, owner);
  pair = g_strdup_printf (_("%s: %s"), escaped_name, bold_owner);
  if (keep_together)
    {
      g_auto(GStrv) words = g_strsplit (pair, " ", -1);

      g_free (pair);
      pair = g_strjoinv ("\xc2\xa0", words);  /* U+00A0 NO-BREAK SPACE */
    }
  g_string_append (markup, pair);
  if (remark != NULL)
    {
      g_autofree char *escaped_remark = g_markup_escape_text (remark, -1);

      g_string_append_printf (text, " (%s)", remark);
      g_string_append_printf (markup, " (%s)", escaped_remark);
    }
}

static void
describe_owners (SrmLayerList *self,
                 SrmLayer     *layer,
                 GString      *text,
                 GString      *markup)
{
  SrmCatalog *catalog = srm_selection_get_catalog (self->selection);
  const char *provider = srm_catalog_get_provider_name (catalog);
  const char *layer_id = srm_layer_get_id (layer);
  const char * const *service_ids = srm_selection_get_service_ids (self->selection);
  const char *model_id = srm_selection_get_model_id (self->selection);
  SrmOwner owner;

  if (service_ids[0] != NULL)
    {
      /* A workload is the most specific thing selected, so it wins over a model. */
      for (guint i = 0; service_ids[i] != NULL; i++)
        {
          SrmService *service = srm_catalog_lookup_service (catalog, service_ids[i]);
          g_autofree char *remark = NULL;
          SrmOwner override;

          if (service == NULL || !srm_catalog_get_service_owner (catalog, service_ids[i], layer_id, &owner))
            continue;
          if (srm_service_get_override (service, layer_id, &override))
            /* TRANSLATORS: after a service's owner of a layer, e.g. "Shared (differs from PaaS)" */
            remark = g_strdup_printf (_("differs from %s"),
                                      get_model_short_name (catalog, srm_service_get_model_id (service)));
          append_owner (text, markup, "\n", srm_service_get_name (service),
                        srm_owner_get_label (owner, provider), remark, FALSE);
        }
    }
  else if (model_id != NULL)
    {
      if (srm_layer_get_owner (layer, model_id, &owner))
        append_owner (text, markup, " · ", get_model_short_name (catalog, model_id),
                      srm_owner_get_label (owner, provider), NULL, TRUE);
    }
  else
    {
      GListModel *models = srm_catalog_get_models (catalog);

      for (guint i = 0; i < g_list_model_get_n_items (models); i++)
        {
          g_autoptr(SrmServiceModel) model = g_list_model_get_item (models, i);

          if (srm_layer_get_owner (layer, srm_service_model_get_id (model), &owner))
            append_owner (text, markup, " · ", srm_service_model_get_short_name (model),
                          srm_owner_get_label (owner, provider), NULL, TRUE);
        }
    }
}

static void
update_row (SrmLayerList  *self,
            GtkListBoxRow *row)
{
  SrmCatalog *catalog = srm_selection_get_catalog (self->selection);
  SrmLayer *layer = srm_catalog_lookup_layer (catalog, g_object_get_data (G_OBJECT (row), ROW_LAYER_KEY));
  GtkLabel *owners_label = g_object_get_data (G_OBJECT (row), ROW_OWNERS_KEY);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GString) markup = g_string_new (NULL);

  if (layer == NULL)
    return;

  describe_owners (self, layer, text, markup);
  gtk_label_set_markup (owners_label, markup->str);
  g_object_set_data_full (G_OBJECT (row), ROW_TEXT_KEY, g_string_free (g_steal_pointer (&text), FALSE), g_free);
}

static GtkWidget *
create_row (SrmLayerList *self,
            SrmCatalog   *catalog,
            SrmLayer     *layer)
{
  const char *group_id = srm_layer_get_group_id (layer);
  SrmLayerGroup *group = group_id != NULL ? srm_catalog_lookup_group (catalog, group_id) : NULL;
  GtkWidget *row, *box, *top, *name, *group_label = NULL, *owners;

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  gtk_widget_add_css_class (box, "layer-row");

  top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_box_append (GTK_BOX (box), top);

  name = gtk_label_new (srm_layer_get_name (layer));
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_wrap (GTK_LABEL (name), TRUE);
  gtk_widget_set_hexpand (name, TRUE);
  gtk_widget_add_css_class (name, "layer-name");
  gtk_box_append (GTK_BOX (top), name);

  if (group != NULL)
    {
      group_label = gtk_label_new (srm_layer_group_get_short_name (group));
      gtk_label_set_xalign (GTK_LABEL (group_label), 1);
      gtk_label_set_justify (GTK_LABEL (group_label), GTK_JUSTIFY_RIGHT);
      gtk_label_set_wrap (GTK_LABEL (group_label), TRUE);
      gtk_widget_set_valign (group_label, GTK_ALIGN_BASELINE);
      srm_tooltip_set_text_unmapped (group_label, srm_layer_group_get_name (group));
      gtk_widget_add_css_class (group_label, "caption");
      gtk_widget_add_css_class (group_label, "dim-label");
      gtk_widget_add_css_class (group_label, "layer-group");
      gtk_box_append (GTK_BOX (top), group_label);
    }

  owners = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (owners), 0);
  gtk_label_set_wrap (GTK_LABEL (owners), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (owners), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (owners, "layer-owners");
  gtk_box_append (GTK_BOX (box), owners);

  row = gtk_list_box_row_new ();
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  srm_tooltip_set_text_unmapped (row, srm_layer_get_description (layer));
  /* Read as "Operating system, Varies by service type", then the owners.
   * A layer without a group (as in the AI catalog) has no group label; its
   * NULL must end the list, or GTK reads the NULL after it as the next
   * relation and crashes on what follows. */
  if (group_label != NULL)
    gtk_accessible_update_relation (GTK_ACCESSIBLE (row),
                                    GTK_ACCESSIBLE_RELATION_LABELLED_BY, name, group_label, NULL,
                                    -1);
  else
    gtk_accessible_update_relation (GTK_ACCESSIBLE (row),
                                    GTK_ACCESSIBLE_RELATION_LABELLED_BY, name, NULL,
                                    -1);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, owners, NULL,
                                  -1);

  g_object_set_data_full (G_OBJECT (row), ROW_LAYER_KEY, g_strdup (srm_layer_get_id (layer)), g_free);
  g_object_set_data (G_OBJECT (row), ROW_OWNERS_KEY, owners);
  update_row (self, GTK_LIST_BOX_ROW (row));
  return row;
}

static void
rebuild (SrmLayerList *self)
{
  SrmCatalog *catalog;
  GListModel *layers;
  GtkListBoxRow *row;

  while ((row = gtk_list_box_get_row_at_index (self->list_box, 0)) != NULL)
    gtk_list_box_remove (self->list_box, GTK_WIDGET (row));

  if (self->selection == NULL)
    return;

  catalog = srm_selection_get_catalog (self->selection);
  layers = srm_catalog_get_layers (catalog);
  for (guint i = 0; i < g_list_model_get_n_items (layers); i++)
    {
      g_autoptr(SrmLayer) layer = g_list_model_get_item (layers, i);

      gtk_list_box_append (self->list_box, create_row (self, catalog, layer));
    }
}

static void
update_rows (SrmLayerList *self)
{
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->list_box, i)) != NULL; i++)
    update_row (self, row);
}

void
srm_layer_list_set_selection (SrmLayerList *self,
                              SrmSelection *selection)
{
  g_return_if_fail (SRM_IS_LAYER_LIST (self));
  g_return_if_fail (selection == NULL || SRM_IS_SELECTION (selection));

  if (self->selection == selection)
    return;

  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  g_set_object (&self->selection, selection);
  if (selection != NULL)
    {
      g_signal_connect_object (selection, "notify::catalog",
                               G_CALLBACK (rebuild), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (selection, "notify::model-id",
                               G_CALLBACK (update_rows), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (selection, "notify::service-ids",
                               G_CALLBACK (update_rows), self, G_CONNECT_SWAPPED);
    }
  rebuild (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTION]);
}

static void
on_row_activated (SrmLayerList  *self,
                  GtkListBoxRow *row,
                  GtkListBox    *list_box)
{
  g_signal_emit (self, signals[LAYER_ACTIVATED], 0, g_object_get_data (G_OBJECT (row), ROW_LAYER_KEY));
}

GtkListBoxRow *
srm_layer_list_get_row (SrmLayerList *self,
                        const char   *layer_id)
{
  GtkListBoxRow *row;

  g_return_val_if_fail (SRM_IS_LAYER_LIST (self), NULL);
  g_return_val_if_fail (layer_id != NULL, NULL);

  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->list_box, i)) != NULL; i++)
    if (g_strcmp0 (g_object_get_data (G_OBJECT (row), ROW_LAYER_KEY), layer_id) == 0)
      return row;
  return NULL;
}

const char *
srm_layer_list_get_owners_text (SrmLayerList *self,
                                const char   *layer_id)
{
  GtkListBoxRow *row;

  g_return_val_if_fail (SRM_IS_LAYER_LIST (self), NULL);

  row = srm_layer_list_get_row (self, layer_id);
  return row != NULL ? g_object_get_data (G_OBJECT (row), ROW_TEXT_KEY) : NULL;
}

static void
srm_layer_list_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  SrmLayerList *self = SRM_LAYER_LIST (object);

  switch (prop_id)
    {
    case PROP_SELECTION:
      g_value_set_object (value, self->selection);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
srm_layer_list_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  SrmLayerList *self = SRM_LAYER_LIST (object);

  switch (prop_id)
    {
    case PROP_SELECTION:
      srm_layer_list_set_selection (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
srm_layer_list_dispose (GObject *object)
{
  SrmLayerList *self = SRM_LAYER_LIST (object);

  /* AdwBin would unparent its child again after the template freed it. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SRM_TYPE_LAYER_LIST);
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  g_clear_object (&self->selection);

  G_OBJECT_CLASS (srm_layer_list_parent_class)->dispose (object);
}

static void
srm_layer_list_class_init (SrmLayerListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = srm_layer_list_get_property;
  object_class->set_property = srm_layer_list_set_property;
  object_class->dispose = srm_layer_list_dispose;

  properties[PROP_SELECTION] =
    g_param_spec_object ("selection", NULL, NULL, SRM_TYPE_SELECTION,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SrmLayerList::layer-activated:
   * @layer_id: the id of the layer whose row was activated
   *
   * The user clicked a row or pressed Enter or Space on it, e.g. to see the
   * layer's details.
   */
  signals[LAYER_ACTIVATED] =
    g_signal_new ("layer-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/srm-layer-list.ui");
  gtk_widget_class_bind_template_child (widget_class, SrmLayerList, list_box);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);

  gtk_widget_class_set_css_name (widget_class, "srm-layer-list");
}

static void
srm_layer_list_init (SrmLayerList *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
