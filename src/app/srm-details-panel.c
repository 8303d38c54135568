/* srm-details-panel.c: everything the catalog says about one layer, for the
 * current selection.
 *
 * The panel is rebuilt whenever the layer or the selection changes: it holds a
 * few dozen rows at most, and rebuilding keeps every section consistent with
 * the others. The duties shown are also kept in an array, so tests and tooling
 * can read what a user would read without walking widgets.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "srm-details-panel.h"

struct _SrmDetailsPanel
{
  AdwBin               parent_instance;

  SrmSelection        *selection;
  char                *layer_id;
  GPtrArray           *duties;          /* of SrmDuty, as listed */

  GtkStack            *stack;
  AdwStatusPage       *status_page;
  GtkScrolledWindow   *scrolled_window;
  GtkLabel            *group_label;
  GtkLabel            *title_label;
  GtkLabel            *description_label;
  GtkListBox          *models_list;
  AdwPreferencesGroup *services_group;
  GtkListBox          *services_list;
  GtkListBox          *duties_list;
  GtkLabel            *duties_placeholder;
  GtkListBox          *sources_list;
};

G_DEFINE_FINAL_TYPE (SrmDetailsPanel, srm_details_panel, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_SELECTION,
  PROP_LAYER_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define ROW_URL_KEY "srm-url"

GtkWidget *
srm_details_panel_new (SrmSelection *selection)
{
  return g_object_new (SRM_TYPE_DETAILS_PANEL, "selection", selection, NULL);
}

SrmSelection *
srm_details_panel_get_selection (SrmDetailsPanel *self)
{
  g_return_val_if_fail (SRM_IS_DETAILS_PANEL (self), NULL);
  return self->selection;
}

const char *
srm_details_panel_get_layer_id (SrmDetailsPanel *self)
{
  g_return_val_if_fail (SRM_IS_DETAILS_PANEL (self), NULL);
  return self->layer_id;
}

static void
clear_list (GtkListBox *list_box)
{
  GtkListBoxRow *row;

  while ((row = gtk_list_box_get_row_at_index (list_box, 0)) != NULL)
    gtk_list_box_remove (list_box, GTK_WIDGET (row));
}

static const char *
get_model_short_name (SrmCatalog *catalog,
                      const char *model_id)
{
  SrmServiceModel *model = srm_catalog_lookup_model (catalog, model_id);

  return model != NULL ? srm_service_model_get_short_name (model) : model_id;
}

/* The owner in words, in a pill whose colour only repeats what the word says. */
static GtkWidget *
create_owner_label (SrmCatalog *catalog,
                    SrmOwner    owner)
{
  g_autofree char *owner_class = g_strdup_printf ("owner-%s", srm_owner_to_string (owner));
  GtkWidget *label;

  label = gtk_label_new (srm_owner_get_label (owner, srm_catalog_get_provider_name (catalog)));
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (label, "owner-pill");
  gtk_widget_add_css_class (label, owner_class);
  return label;
}

static GtkWidget *
create_action_row (const char *title,
                   const char *subtitle)
{
  g_autofree char *escaped_title = g_markup_escape_text (title, -1);
  GtkWidget *row = adw_action_row_new ();

  /* Rows take markup, and catalog text may hold "&" or "<". */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped_title);
  if (subtitle != NULL)
    {
      g_autofree char *escaped_subtitle = g_markup_escape_text (subtitle, -1);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped_subtitle);
    }
  return row;
}

static void
fill_models (SrmDetailsPanel *self,
             SrmCatalog      *catalog,
             SrmLayer        *layer)
{
  GListModel *models = srm_catalog_get_models (catalog);
  const char *selected_model = srm_selection_get_model_id (self->selection);

  for (guint i = 0; i < g_list_model_get_n_items (models); i++)
    {
      g_autoptr(SrmServiceModel) model = g_list_model_get_item (models, i);
      const char *model_id = srm_service_model_get_id (model);
      GtkWidget *row;
      SrmOwner owner;

      if (!srm_layer_get_owner (layer, model_id, &owner))
        continue;

      row = create_action_row (srm_service_model_get_name (model),
                               srm_layer_get_cell_note (layer, model_id));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), create_owner_label (catalog, owner));

      if (g_strcmp0 (model_id, selected_model) == 0)
        {
          GtkWidget *mark = gtk_image_new_from_icon_name ("object-select-symbolic");

          gtk_widget_set_tooltip_text (mark, _("Selected model"));
          gtk_accessible_update_property (GTK_ACCESSIBLE (mark),
                                          GTK_ACCESSIBLE_PROPERTY_LABEL, _("Selected model"),
                                          -1);
          gtk_widget_add_css_class (mark, "selected-mark");
          adw_action_row_add_prefix (ADW_ACTION_ROW (row), mark);
          gtk_widget_add_css_class (row, "selected-model");
        }
      gtk_list_box_append (self->models_list, row);
    }
}

static void
fill_services (SrmDetailsPanel *self,
               SrmCatalog      *catalog,
               SrmLayer        *layer)
{
  const char * const *service_ids = srm_selection_get_service_ids (self->selection);
  const char *layer_id = srm_layer_get_id (layer);
  const char *provider = srm_catalog_get_provider_name (catalog);

  gtk_widget_set_visible (GTK_WIDGET (self->services_group), service_ids[0] != NULL);

  for (guint i = 0; service_ids[i] != NULL; i++)
    {
      SrmService *service = srm_catalog_lookup_service (catalog, service_ids[i]);
      const char *model_id;
      g_autofree char *subtitle = NULL;
      SrmOwner owner, model_owner, override;
      GtkWidget *row;

      if (service == NULL || !srm_catalog_get_service_owner (catalog, service_ids[i], layer_id, &owner))
        continue;

      model_id = srm_service_get_model_id (service);
      if (srm_service_get_override (service, layer_id, &override) &&
          srm_layer_get_owner (layer, model_id, &model_owner))
        /* TRANSLATORS: a service whose owner of a layer is not its model's, e.g.
         * "Differs from PaaS, where Microsoft owns this layer" */
        subtitle = g_strdup_printf (_("Differs from %s, where %s owns this layer"),
                                    get_model_short_name (catalog, model_id),
                                    srm_owner_get_label (model_owner, provider));
      else
        /* TRANSLATORS: a service that follows its model's column, e.g. "As in PaaS" */
        subtitle = g_strdup_printf (_("As in %s"), get_model_short_name (catalog, model_id));

      row = create_action_row (srm_service_get_name (service), subtitle);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), create_owner_label (catalog, owner));
      if (srm_service_get_override (service, layer_id, NULL))
        gtk_widget_add_css_class (row, "differs");
      gtk_list_box_append (self->services_list, row);
    }
}

static char *
format_source_links (SrmCatalog         *catalog,
                     const char * const *source_ids)
{
  g_autoptr(GString) links = g_string_new (NULL);

  for (guint i = 0; source_ids[i] != NULL; i++)
    {
      SrmSource *source = srm_catalog_lookup_source (catalog, source_ids[i]);
      const char *url;
      g_autofree char *title = NULL;

      if (source == NULL)
        continue;
      title = g_markup_escape_text (srm_source_get_title (source), -1);
      url = srm_source_get_url (source);
      if (links->len > 0)
        g_string_append (links, "\n");
      if (url != NULL)
        {
          g_autofree char *escaped_url = g_markup_escape_text (url, -1);
          g_string_append_printf (links, "<a href=\"%s\">%s</a>", escaped_url, title);
        }
      else
        g_string_append (links, title);
    }
  return g_string_free (g_steal_pointer (&links), FALSE);
}

static GtkWidget *
create_duty_row (SrmCatalog *catalog,
                 SrmService *service,
                 SrmDuty    *duty)
{
  const char * const *mcsb = srm_duty_get_mcsb (duty);
  g_autofree char *links = NULL;
  GtkWidget *row, *box, *service_label, *text, *sources;

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_add_css_class (box, "duty-row");

  service_label = gtk_label_new (srm_service_get_name (service));
  gtk_label_set_xalign (GTK_LABEL (service_label), 0);
  gtk_label_set_wrap (GTK_LABEL (service_label), TRUE);
  gtk_widget_add_css_class (service_label, "caption-heading");
  gtk_widget_add_css_class (service_label, "dim-label");
  gtk_box_append (GTK_BOX (box), service_label);

  text = gtk_label_new (srm_duty_get_text (duty));
  gtk_label_set_xalign (GTK_LABEL (text), 0);
  gtk_label_set_wrap (GTK_LABEL (text), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (text), PANGO_WRAP_WORD_CHAR);
  gtk_box_append (GTK_BOX (box), text);

  if (mcsb[0] != NULL)
    {
      GtkWidget *tags = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

      for (guint i = 0; mcsb[i] != NULL; i++)
        {
          GtkWidget *tag = gtk_label_new (mcsb[i]);
          /* TRANSLATORS: tooltip of a tag like "PV-6" */
          g_autofree char *tooltip = g_strdup_printf (_("Microsoft cloud security benchmark control %s"), mcsb[i]);

          gtk_widget_set_tooltip_text (tag, tooltip);
          gtk_accessible_update_property (GTK_ACCESSIBLE (tag),
                                          GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip,
                                          -1);
          gtk_widget_add_css_class (tag, "mcsb-tag");
          gtk_box_append (GTK_BOX (tags), tag);
        }
      gtk_box_append (GTK_BOX (box), tags);
    }

  links = format_source_links (catalog, srm_duty_get_sources (duty));
  if (links[0] != '\0')
    {
      /* GtkLabel opens its links with gtk_show_uri() on its own. */
      sources = gtk_label_new (NULL);
      gtk_label_set_markup (GTK_LABEL (sources), links);
      gtk_label_set_xalign (GTK_LABEL (sources), 0);
      gtk_label_set_wrap (GTK_LABEL (sources), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (sources), PANGO_WRAP_WORD_CHAR);
      gtk_widget_add_css_class (sources, "caption");
      gtk_widget_add_css_class (sources, "duty-sources");
      gtk_box_append (GTK_BOX (box), sources);
    }

  row = gtk_list_box_row_new ();
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  return row;
}

static void
fill_duties (SrmDetailsPanel *self,
             SrmCatalog      *catalog,
             SrmLayer        *layer)
{
  const char * const *service_ids = srm_selection_get_service_ids (self->selection);
  const char *layer_id = srm_layer_get_id (layer);

  for (guint i = 0; service_ids[i] != NULL; i++)
    {
      SrmService *service = srm_catalog_lookup_service (catalog, service_ids[i]);
      GListModel *duties;

      if (service == NULL)
        continue;

      duties = srm_service_get_duties (service);
      for (guint d = 0; d < g_list_model_get_n_items (duties); d++)
        {
          g_autoptr(SrmDuty) duty = g_list_model_get_item (duties, d);

          if (g_strcmp0 (srm_duty_get_layer_id (duty), layer_id) != 0)
            continue;
          gtk_list_box_append (self->duties_list, create_duty_row (catalog, service, duty));
          g_ptr_array_add (self->duties, g_steal_pointer (&duty));
        }
    }

  if (service_ids[0] == NULL)
    gtk_label_set_label (self->duties_placeholder,
                         _("Pick services on the left to see your duties for this layer"));
  else
    gtk_label_set_label (self->duties_placeholder, _("No duties listed for this layer"));
}

static void
add_source_row (SrmDetailsPanel *self,
                SrmCatalog      *catalog,
                const char      *source_id,
                GHashTable      *seen)
{
  SrmSource *source = srm_catalog_lookup_source (catalog, source_id);
  const char *url;
  GtkWidget *row;

  if (source == NULL || !g_hash_table_add (seen, (gpointer) source_id))
    return;

  url = srm_source_get_url (source);
  row = create_action_row (srm_source_get_title (source), url);
  if (url != NULL)
    {
      GtkWidget *icon = gtk_image_new_from_icon_name ("adw-external-link-symbolic");

      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), icon);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_widget_set_tooltip_text (row, url);
      g_object_set_data_full (G_OBJECT (row), ROW_URL_KEY, g_strdup (url), g_free);
    }
  gtk_list_box_append (self->sources_list, row);
}

static void
fill_sources (SrmDetailsPanel *self,
              SrmCatalog      *catalog,
              SrmLayer        *layer)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  const char * const *layer_sources = srm_layer_get_sources (layer);
  const char * const *matrix_sources = srm_catalog_get_matrix_sources (catalog);

  for (guint i = 0; layer_sources[i] != NULL; i++)
    add_source_row (self, catalog, layer_sources[i], seen);
  for (guint i = 0; matrix_sources != NULL && matrix_sources[i] != NULL; i++)
    add_source_row (self, catalog, matrix_sources[i], seen);
}

static void
rebuild (SrmDetailsPanel *self)
{
  SrmCatalog *catalog = NULL;
  SrmLayer *layer = NULL;
  const char *group_id;
  SrmLayerGroup *group = NULL;

  g_ptr_array_set_size (self->duties, 0);
  clear_list (self->models_list);
  clear_list (self->services_list);
  clear_list (self->duties_list);
  clear_list (self->sources_list);

  if (self->selection != NULL)
    catalog = srm_selection_get_catalog (self->selection);
  if (catalog != NULL && self->layer_id != NULL)
    layer = srm_catalog_lookup_layer (catalog, self->layer_id);

  if (layer == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  group_id = srm_layer_get_group_id (layer);
  if (group_id != NULL)
    group = srm_catalog_lookup_group (catalog, group_id);
  gtk_widget_set_visible (GTK_WIDGET (self->group_label), group != NULL);
  if (group != NULL)
    {
      gtk_label_set_label (self->group_label, srm_layer_group_get_short_name (group));
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->group_label), srm_layer_group_get_name (group));
    }
  gtk_label_set_label (self->title_label, srm_layer_get_name (layer));
  gtk_label_set_label (self->description_label, srm_layer_get_description (layer));
  gtk_widget_set_visible (GTK_WIDGET (self->description_label),
                          srm_layer_get_description (layer) != NULL);

  fill_models (self, catalog, layer);
  fill_services (self, catalog, layer);
  fill_duties (self, catalog, layer);
  fill_sources (self, catalog, layer);

  gtk_stack_set_visible_child_name (self->stack, "layer");
}

void
srm_details_panel_set_layer_id (SrmDetailsPanel *self,
                                const char      *layer_id)
{
  g_return_if_fail (SRM_IS_DETAILS_PANEL (self));

  if (layer_id != NULL && layer_id[0] == '\0')
    layer_id = NULL;
  /* (g_set_str() is GLib 2.76, newer than we may use.) */
  if (g_strcmp0 (self->layer_id, layer_id) == 0)
    return;
  g_free (self->layer_id);
  self->layer_id = g_strdup (layer_id);

  rebuild (self);
  /* A new layer is a new page: start reading it from the top. */
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scrolled_window), 0);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAYER_ID]);
}

static void
on_catalog_changed (SrmDetailsPanel *self)
{
  SrmCatalog *catalog = srm_selection_get_catalog (self->selection);

  /* Layer ids are the catalog's own; another catalog's "os" may not exist. */
  if (self->layer_id != NULL && srm_catalog_lookup_layer (catalog, self->layer_id) == NULL)
    srm_details_panel_set_layer_id (self, NULL);
  else
    rebuild (self);
}

void
srm_details_panel_set_selection (SrmDetailsPanel *self,
                                 SrmSelection    *selection)
{
  g_return_if_fail (SRM_IS_DETAILS_PANEL (self));
  g_return_if_fail (selection == NULL || SRM_IS_SELECTION (selection));

  if (self->selection == selection)
    return;

  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  g_set_object (&self->selection, selection);
  if (selection != NULL)
    {
      g_signal_connect_object (selection, "notify::catalog",
                               G_CALLBACK (on_catalog_changed), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (selection, "notify::model-id",
                               G_CALLBACK (rebuild), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (selection, "notify::service-ids",
                               G_CALLBACK (rebuild), self, G_CONNECT_SWAPPED);
    }
  rebuild (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTION]);
}

static void
on_source_activated (SrmDetailsPanel *self,
                     GtkListBoxRow   *row,
                     GtkListBox      *list_box)
{
  const char *url = g_object_get_data (G_OBJECT (row), ROW_URL_KEY);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (url == NULL)
    return;
  /* GtkUriLauncher would report failures, but it is GTK 4.10. */
  gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, url, GDK_CURRENT_TIME);
}

guint
srm_details_panel_get_n_duties (SrmDetailsPanel *self)
{
  g_return_val_if_fail (SRM_IS_DETAILS_PANEL (self), 0);
  return self->duties->len;
}

const char *
srm_details_panel_get_duty_id (SrmDetailsPanel *self,
                               guint            index)
{
  g_return_val_if_fail (SRM_IS_DETAILS_PANEL (self), NULL);
  g_return_val_if_fail (index < self->duties->len, NULL);
  return srm_duty_get_id (g_ptr_array_index (self->duties, index));
}

const char *
srm_details_panel_get_duty_text (SrmDetailsPanel *self,
                                 guint            index)
{
  g_return_val_if_fail (SRM_IS_DETAILS_PANEL (self), NULL);
  g_return_val_if_fail (index < self->duties->len, NULL);
  return srm_duty_get_text (g_ptr_array_index (self->duties, index));
}

AdwStatusPage *
srm_details_panel_get_status_page (SrmDetailsPanel *self)
{
  g_return_val_if_fail (SRM_IS_DETAILS_PANEL (self), NULL);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "empty") != 0)
    return NULL;
  return self->status_page;
}

static void
srm_details_panel_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  SrmDetailsPanel *self = SRM_DETAILS_PANEL (object);

  switch (prop_id)
    {
    case PROP_SELECTION:
      g_value_set_object (value, self->selection);
      break;
    case PROP_LAYER_ID:
      g_value_set_string (value, self->layer_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
srm_details_panel_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  SrmDetailsPanel *self = SRM_DETAILS_PANEL (object);

  switch (prop_id)
    {
    case PROP_SELECTION:
      srm_details_panel_set_selection (self, g_value_get_object (value));
      break;
    case PROP_LAYER_ID:
      srm_details_panel_set_layer_id (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
srm_details_panel_dispose (GObject *object)
{
  SrmDetailsPanel *self = SRM_DETAILS_PANEL (object);

  /* AdwBin would unparent its child again after the template freed it. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SRM_TYPE_DETAILS_PANEL);
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  g_clear_object (&self->selection);
  if (self->duties != NULL)
    g_ptr_array_set_size (self->duties, 0);

  G_OBJECT_CLASS (srm_details_panel_parent_class)->dispose (object);
}

static void
srm_details_panel_finalize (GObject *object)
{
  SrmDetailsPanel *self = SRM_DETAILS_PANEL (object);

  g_clear_pointer (&self->layer_id, g_free);
  g_clear_pointer (&self->duties, g_ptr_array_unref);

  G_OBJECT_CLASS (srm_details_panel_parent_class)->finalize (object);
}

static void
srm_details_panel_class_init (SrmDetailsPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = srm_details_panel_get_property;
  object_class->set_property = srm_details_panel_set_property;
  object_class->dispose = srm_details_panel_dispose;
  object_class->finalize = srm_details_panel_finalize;

  properties[PROP_SELECTION] =
    g_param_spec_object ("selection", NULL, NULL, SRM_TYPE_SELECTION,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_LAYER_ID] =
    g_param_spec_string ("layer-id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/srm-details-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, SrmDetailsPanel, stack);
  gtk_widget_class_bind_template_child (widget_class, SrmDetailsPanel, status_page);
  gtk_widget_class_bind_template_child (widget_class, SrmDetailsPanel, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, SrmDetailsPanel, group_label);
  gtk_widget_class_bind_template_child (widget_class, SrmDetailsPanel, title_label);
  gtk_widget_class_bind_template_child (widget_class, SrmDetailsPanel, description_label);
  gtk_widget_class_bind_template_child (widget_class, SrmDetailsPanel, models_list);
  gtk_widget_class_bind_template_child (widget_class, SrmDetailsPanel, services_group);
  gtk_widget_class_bind_template_child (widget_class, SrmDetailsPanel, services_list);
  gtk_widget_class_bind_template_child (widget_class, SrmDetailsPanel, duties_list);
  gtk_widget_class_bind_template_child (widget_class, SrmDetailsPanel, sources_list);
  gtk_widget_class_bind_template_callback (widget_class, on_source_activated);

  gtk_widget_class_set_css_name (widget_class, "srm-details-panel");
}

static void
srm_details_panel_init (SrmDetailsPanel *self)
{
  self->duties = g_ptr_array_new_with_free_func (g_object_unref);

  gtk_widget_init_template (GTK_WIDGET (self));

  /* The hint sits inside the empty boxed list, where the duties would be. */
  self->duties_placeholder = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->duties_placeholder, TRUE);
  gtk_label_set_justify (self->duties_placeholder, GTK_JUSTIFY_CENTER);
  gtk_widget_add_css_class (GTK_WIDGET (self->duties_placeholder), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (self->duties_placeholder), "duties-placeholder");
  gtk_list_box_set_placeholder (self->duties_list, GTK_WIDGET (self->duties_placeholder));

  rebuild (self);
}
