/* srm-assessment-view.c: the page of an open assessment.
 *
 * Top to bottom: the title and what is in scope; a card with the progress
 * overall and per layer; title, organisation and assessor as entry rows; then
 * every answer, grouped by layer with the layer's progress in the group
 * heading, and the answers whose duty the catalog no longer has in a group of
 * their own at the end (kept and shown, never dropped).
 *
 * The list is bound to the document's answers; each row edits its answer
 * directly. The view listens to the document's ::changed to rescore, so the
 * numbers follow every keystroke. Filters are applied when they change, not on
 * every edit, so a row doesn't vanish under the cursor while it is edited.
 */
#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "srm-assessment-view.h"

#define ORPHANS_KEY "\x01orphans"
#define GROUP_KEY "srm-group-key"

struct _SrmAssessmentView
{
  AdwBin              parent_instance;

  SrmAssessment      *assessment;
  SrmAssessmentScore *score;
  /* The document's answers through the filters: what the list shows. */
  GtkFilterListModel *filtered;
  GtkCustomFilter    *filter;
  char               *progress_text;
  gboolean            syncing;

  gboolean            gaps_only;
  gboolean            overdue_only;
  char               *owner_filter;    /* casefolded, NULL for none */

  GtkScrolledWindow  *scrolled_window;
  GtkLabel           *title_label;
  AdwEntryRow        *title_row;
  GtkLabel           *scope_label;
  GtkLabel           *percent_label;
  GtkLabel           *progress_label;
  GtkLevelBar        *level_bar;
  GtkFlowBox         *layers_box;
  AdwEntryRow        *organisation_row;
  AdwEntryRow        *assessor_row;
  GtkToggleButton    *gaps_toggle;
  GtkToggleButton    *overdue_toggle;
  GtkSearchEntry     *owner_search;
  GtkListBox         *answers_list;
};

G_DEFINE_FINAL_TYPE (SrmAssessmentView, srm_assessment_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_ASSESSMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

GtkWidget *
srm_assessment_view_new (void)
{
  return g_object_new (SRM_TYPE_ASSESSMENT_VIEW, NULL);
}

static void
get_today (GDate *today)
{
  g_date_clear (today, 1);
  g_date_set_time_t (today, time (NULL));
}

static gboolean
is_gap (SrmAnswer *answer)
{
  SrmAnswerStatus status = srm_answer_get_status (answer);

  return status == SRM_ANSWER_STATUS_NOT_ASSESSED
         || status == SRM_ANSWER_STATUS_NOT_STARTED
         || status == SRM_ANSWER_STATUS_IN_PROGRESS;
}

static gboolean
is_overdue (SrmAnswer   *answer,
            const GDate *today)
{
  const GDate *due = srm_answer_get_due (answer);

  return is_gap (answer) && due != NULL && g_date_valid (due) && g_date_compare (due, today) < 0;
}

/* Rounded half up, as the format's scoring rules say. */
static int
percent_of (double score)
{
  return (int) floor (score * 100.0 + 0.5);
}

static const char *
layer_name (SrmAssessmentView *self,
            const char        *layer_id)
{
  SrmCatalog *catalog = self->assessment ? srm_assessment_get_catalog (self->assessment) : NULL;
  SrmLayer *layer = catalog != NULL && layer_id != NULL ? srm_catalog_lookup_layer (catalog, layer_id) : NULL;

  if (layer != NULL)
    return srm_layer_get_name (layer);
  if (layer_id == NULL || layer_id[0] == '\0')
    return _("No layer");
  return layer_id;
}

static const SrmScoreTally *
lookup_layer_tally (SrmAssessmentView *self,
                    const char        *layer_id)
{
  guint n;

  if (self->score == NULL)
    return NULL;
  n = srm_assessment_score_get_n_layers (self->score);
  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (srm_assessment_score_get_layer_id (self->score, i), layer_id ? layer_id : "") == 0)
      return srm_assessment_score_get_layer (self->score, i);
  return NULL;
}

/* "3 of 5 done · 60%", or "Not applicable" when nothing is counted. */
static char *
describe_tally (const SrmScoreTally *tally)
{
  double score;

  if (tally == NULL || !srm_score_tally_get_score (tally, &score))
    return g_strdup (_("Nothing to score"));
  /* TRANSLATORS: progress of one layer: implemented of counted duties, then the score */
  return g_strdup_printf (_("%u of %u done · %d%%"),
                          tally->by_status[SRM_ANSWER_STATUS_IMPLEMENTED], tally->counted,
                          percent_of (score));
}

/* ---- progress ---- */

static GtkWidget *
create_layer_progress (SrmAssessmentView   *self,
                       const char          *layer_id,
                       const SrmScoreTally *tally)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *name = gtk_label_new (layer_name (self, layer_id));
  GtkWidget *value;
  GtkWidget *bar = gtk_level_bar_new_for_interval (0, 1);
  g_autofree char *text = NULL;
  g_autofree char *accessible = NULL;
  g_autofree char *described = describe_tally (tally);
  double score = 0;
  gboolean scored = srm_score_tally_get_score (tally, &score);

  if (scored)
    text = g_strdup_printf (_("%d%%"), percent_of (score));
  else
    text = g_strdup (C_("no score", "—"));
  value = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (name, TRUE);
  gtk_widget_add_css_class (name, "caption");
  gtk_widget_add_css_class (value, "caption");
  gtk_widget_add_css_class (value, "numeric");
  gtk_widget_add_css_class (value, "dim-label");
  gtk_box_append (GTK_BOX (line), name);
  gtk_box_append (GTK_BOX (line), value);

  gtk_level_bar_set_value (GTK_LEVEL_BAR (bar), scored ? score : 0);
  gtk_widget_add_css_class (bar, "thin");
  gtk_box_append (GTK_BOX (box), line);
  gtk_box_append (GTK_BOX (box), bar);

  accessible = g_strdup_printf ("%s: %s", layer_name (self, layer_id), described);
  gtk_widget_set_tooltip_text (box, accessible);
  return box;
}

static void
update_progress (SrmAssessmentView *self)
{
  const SrmScoreTally *overall;
  g_autofree char *percent = NULL;
  g_autofree char *gaps_text = NULL;
  g_autofree char *overdue_text = NULL;
  g_autofree char *rest = NULL;
  GtkWidget *child;
  double score = 0;
  gboolean scored;
  guint n_gaps, n_overdue;
  GDate today;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->layers_box))) != NULL)
    gtk_flow_box_remove (self->layers_box, child);
  g_clear_object (&self->score);
  g_clear_pointer (&self->progress_text, g_free);

  if (self->assessment == NULL)
    return;

  get_today (&today);
  self->score = srm_assessment_score_new (self->assessment, &today);
  overall = srm_assessment_score_get_overall (self->score);
  scored = srm_score_tally_get_score (overall, &score);
  n_gaps = g_list_model_get_n_items (srm_assessment_score_get_gaps (self->score));
  n_overdue = g_list_model_get_n_items (srm_assessment_score_get_overdue (self->score));

  /* TRANSLATORS: part of "45% done · 12 open gaps · 3 overdue" */
  gaps_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u open gap", "%u open gaps", n_gaps), n_gaps);
  /* TRANSLATORS: part of "45% done · 12 open gaps · 3 overdue" */
  overdue_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u overdue", "%u overdue", n_overdue), n_overdue);

  if (scored)
    {
      percent = g_strdup_printf (_("%d%%"), percent_of (score));
      /* TRANSLATORS: after a big "45%": "done · 12 open gaps · 3 overdue" */
      rest = g_strdup_printf (_("done · %s · %s"), gaps_text, overdue_text);
      /* TRANSLATORS: "45% done · 12 open gaps · 3 overdue" */
      self->progress_text = g_strdup_printf (_("%d%% done · %s · %s"), percent_of (score), gaps_text, overdue_text);
    }
  else
    {
      percent = g_strdup (C_("no score", "—"));
      /* TRANSLATORS: when every duty is not applicable or risk accepted */
      rest = g_strdup_printf (_("no duties to score · %s · %s"), gaps_text, overdue_text);
      self->progress_text = g_strdup_printf (_("No duties to score · %s · %s"), gaps_text, overdue_text);
    }

  gtk_label_set_label (self->percent_label, percent);
  gtk_label_set_label (self->progress_label, rest);
  gtk_level_bar_set_value (self->level_bar, scored ? score : 0);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->level_bar),
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, self->progress_text, -1);
  if (n_overdue > 0)
    gtk_widget_add_css_class (GTK_WIDGET (self->progress_label), "has-overdue");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->progress_label), "has-overdue");

  for (guint i = 0; i < srm_assessment_score_get_n_layers (self->score); i++)
    gtk_flow_box_append (self->layers_box,
                         create_layer_progress (self, srm_assessment_score_get_layer_id (self->score, i),
                                                srm_assessment_score_get_layer (self->score, i)));
  for (child = gtk_widget_get_first_child (GTK_WIDGET (self->layers_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    gtk_widget_set_focusable (child, FALSE);
}

/* ---- header: title, scope, organisation, assessor ---- */

static void
sync_title (SrmAssessmentView *self)
{
  const char *title = self->assessment ? srm_assessment_get_title (self->assessment) : "";

  gtk_label_set_label (self->title_label, title[0] != '\0' ? title : _("Untitled Assessment"));
  if (title[0] == '\0')
    gtk_widget_add_css_class (GTK_WIDGET (self->title_label), "untitled");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->title_label), "untitled");

  self->syncing = TRUE;
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->title_row)), title) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->title_row), title);
  self->syncing = FALSE;
}

static void
on_title_changed (SrmAssessmentView *self)
{
  if (!self->syncing && self->assessment != NULL)
    srm_assessment_set_title (self->assessment, gtk_editable_get_text (GTK_EDITABLE (self->title_row)));
}

static void
sync_people (SrmAssessmentView *self)
{
  const char *organisation = self->assessment ? srm_assessment_get_organisation (self->assessment) : "";
  const char *assessor = self->assessment ? srm_assessment_get_assessor (self->assessment) : "";

  self->syncing = TRUE;
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->organisation_row)), organisation) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->organisation_row), organisation);
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->assessor_row)), assessor) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->assessor_row), assessor);
  self->syncing = FALSE;
}

static void
on_organisation_changed (SrmAssessmentView *self)
{
  if (!self->syncing && self->assessment != NULL)
    srm_assessment_set_organisation (self->assessment, gtk_editable_get_text (GTK_EDITABLE (self->organisation_row)));
}

static void
on_assessor_changed (SrmAssessmentView *self)
{
  if (!self->syncing && self->assessment != NULL)
    srm_assessment_set_assessor (self->assessment, gtk_editable_get_text (GTK_EDITABLE (self->assessor_row)));
}

static void
update_scope (SrmAssessmentView *self)
{
  SrmCatalog *catalog;
  const char * const *service_ids;
  g_autoptr(GString) text = NULL;
  guint n_answers;

  if (self->assessment == NULL)
    {
      gtk_label_set_label (self->scope_label, "");
      return;
    }

  catalog = srm_assessment_get_catalog (self->assessment);
  service_ids = srm_assessment_get_service_ids (self->assessment);
  n_answers = g_list_model_get_n_items (srm_assessment_get_answers (self->assessment));
  text = g_string_new (NULL);

  if (catalog != NULL)
    g_string_append (text, srm_catalog_get_title (catalog));
  else
    /* TRANSLATORS: %s is a catalog id */
    g_string_append_printf (text, _("Catalog “%s” (not installed)"), srm_assessment_get_catalog_id (self->assessment));

  for (guint i = 0; service_ids[i] != NULL; i++)
    {
      SrmService *service = catalog != NULL ? srm_catalog_lookup_service (catalog, service_ids[i]) : NULL;

      g_string_append (text, i == 0 ? " · " : ", ");
      g_string_append (text, service != NULL ? srm_service_get_name (service) : service_ids[i]);
    }
  g_string_append (text, " · ");
  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u duty", "%u duties", n_answers), n_answers);
  gtk_label_set_label (self->scope_label, text->str);
}

/* ---- the list ---- */

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  SrmAssessmentView *self = user_data;

  return srm_answer_row_new (self->assessment, SRM_ANSWER (item), srm_assessment_get_catalog (self->assessment));
}

static const char *
group_key (SrmAnswer *answer)
{
  const char *layer_id;

  if (srm_answer_get_orphaned (answer))
    return ORPHANS_KEY;
  layer_id = srm_answer_get_layer_id (answer);
  return layer_id != NULL ? layer_id : "";
}

static GtkWidget *
create_group_header (void)
{
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *tally = gtk_label_new (NULL);
  GtkWidget *bar = gtk_level_bar_new_for_interval (0, 1);

  gtk_widget_add_css_class (header, "group-header");
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_widget_add_css_class (title, "heading");
  gtk_widget_add_css_class (tally, "numeric");
  gtk_widget_add_css_class (tally, "dim-label");
  gtk_widget_set_valign (bar, GTK_ALIGN_CENTER);
  gtk_widget_set_size_request (bar, 64, -1);
  gtk_widget_add_css_class (bar, "thin");
  gtk_accessible_update_property (GTK_ACCESSIBLE (bar), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Layer progress"), -1);
  gtk_box_append (GTK_BOX (header), title);
  gtk_box_append (GTK_BOX (header), tally);
  gtk_box_append (GTK_BOX (header), bar);
  return header;
}

static void
fill_group_header (SrmAssessmentView *self,
                   GtkWidget         *header,
                   const char        *key)
{
  GtkWidget *title = gtk_widget_get_first_child (header);
  GtkWidget *tally_label = gtk_widget_get_next_sibling (title);
  GtkWidget *bar = gtk_widget_get_next_sibling (tally_label);

  if (g_str_equal (key, ORPHANS_KEY))
    {
      guint n = self->assessment ? srm_assessment_get_n_orphaned (self->assessment) : 0;
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u answer kept", "%u answers kept", n), n);

      gtk_label_set_label (GTK_LABEL (title), _("No longer in the catalog"));
      gtk_label_set_label (GTK_LABEL (tally_label), text);
      gtk_widget_set_tooltip_text (header, _("The catalog no longer lists these duties. "
                                             "Your answers are kept, saved and scored."));
      gtk_widget_set_visible (bar, FALSE);
    }
  else
    {
      const SrmScoreTally *tally = lookup_layer_tally (self, key);
      g_autofree char *text = describe_tally (tally);
      double score = 0;
      gboolean scored = tally != NULL && srm_score_tally_get_score (tally, &score);

      gtk_label_set_label (GTK_LABEL (title), layer_name (self, key));
      gtk_label_set_label (GTK_LABEL (tally_label), text);
      gtk_level_bar_set_value (GTK_LEVEL_BAR (bar), scored ? score : 0);
      gtk_widget_set_visible (bar, TRUE);
    }
  g_object_set_data_full (G_OBJECT (header), GROUP_KEY, g_strdup (key), g_free);
}

static void
header_func (GtkListBoxRow *row,
             GtkListBoxRow *before,
             gpointer       user_data)
{
  SrmAssessmentView *self = user_data;
  const char *key = group_key (srm_answer_row_get_answer (SRM_ANSWER_ROW (row)));
  GtkWidget *header = gtk_list_box_row_get_header (row);

  if (before != NULL && g_str_equal (key, group_key (srm_answer_row_get_answer (SRM_ANSWER_ROW (before)))))
    {
      if (header != NULL)
        gtk_list_box_row_set_header (row, NULL);
      return;
    }

  if (header == NULL)
    {
      header = create_group_header ();
      gtk_list_box_row_set_header (row, header);
    }
  fill_group_header (self, header, key);
  if (before == NULL)
    gtk_widget_add_css_class (header, "first");
  else
    gtk_widget_remove_css_class (header, "first");
}

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  SrmAssessmentView *self = user_data;
  SrmAnswer *answer = SRM_ANSWER (item);
  GDate today;

  if (self->gaps_only && !is_gap (answer))
    return FALSE;
  if (self->overdue_only)
    {
      get_today (&today);
      if (!is_overdue (answer, &today))
        return FALSE;
    }
  if (self->owner_filter != NULL)
    {
      g_autofree char *owner = g_utf8_casefold (srm_answer_get_owner (answer), -1);

      if (strstr (owner, self->owner_filter) == NULL)
        return FALSE;
    }
  return TRUE;
}

static void
apply_filters (SrmAssessmentView *self)
{
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  gtk_list_box_invalidate_headers (self->answers_list);
}

static void
filters_changed_cb (SrmAssessmentView *self)
{
  const char *owner = gtk_editable_get_text (GTK_EDITABLE (self->owner_search));

  self->gaps_only = gtk_toggle_button_get_active (self->gaps_toggle);
  self->overdue_only = gtk_toggle_button_get_active (self->overdue_toggle);
  g_clear_pointer (&self->owner_filter, g_free);
  if (owner != NULL && owner[0] != '\0')
    self->owner_filter = g_utf8_casefold (owner, -1);
  apply_filters (self);
}

void
srm_assessment_view_set_filter (SrmAssessmentView *self,
                                gboolean           gaps_only,
                                gboolean           overdue_only,
                                const char        *owner)
{
  g_return_if_fail (SRM_IS_ASSESSMENT_VIEW (self));

  gtk_toggle_button_set_active (self->gaps_toggle, gaps_only);
  gtk_toggle_button_set_active (self->overdue_toggle, overdue_only);
  gtk_editable_set_text (GTK_EDITABLE (self->owner_search), owner ? owner : "");
  /* The search entry waits before it says; don't. */
  filters_changed_cb (self);
}

/* ---- the document ---- */

static void
on_assessment_changed (SrmAssessmentView *self,
                       SrmAnswer         *answer)
{
  update_progress (self);
  gtk_list_box_invalidate_headers (self->answers_list);
}

static void
on_assessment_notify (SrmAssessmentView *self,
                      GParamSpec        *pspec)
{
  const char *name = g_param_spec_get_name (pspec);

  if (g_str_equal (name, "title"))
    sync_title (self);
  else if (g_str_equal (name, "organisation") || g_str_equal (name, "assessor"))
    sync_people (self);
  else if (g_str_equal (name, "answers") || g_str_equal (name, "catalog"))
    update_scope (self);
}

SrmAssessment *
srm_assessment_view_get_assessment (SrmAssessmentView *self)
{
  g_return_val_if_fail (SRM_IS_ASSESSMENT_VIEW (self), NULL);
  return self->assessment;
}

void
srm_assessment_view_set_assessment (SrmAssessmentView *self,
                                    SrmAssessment     *assessment)
{
  g_return_if_fail (SRM_IS_ASSESSMENT_VIEW (self));
  g_return_if_fail (assessment == NULL || SRM_IS_ASSESSMENT (assessment));

  if (self->assessment == assessment)
    return;

  if (self->assessment != NULL)
    g_signal_handlers_disconnect_by_data (self->assessment, self);
  gtk_list_box_bind_model (self->answers_list, NULL, NULL, NULL, NULL);
  gtk_filter_list_model_set_model (self->filtered, NULL);
  g_set_object (&self->assessment, assessment);

  if (assessment != NULL)
    {
      g_signal_connect_object (assessment, "changed", G_CALLBACK (on_assessment_changed), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (assessment, "notify", G_CALLBACK (on_assessment_notify), self, G_CONNECT_SWAPPED);
      /* Scored before the rows are made, so the first headers have numbers. */
      update_progress (self);
      gtk_filter_list_model_set_model (self->filtered, srm_assessment_get_answers (assessment));
      gtk_list_box_bind_model (self->answers_list, G_LIST_MODEL (self->filtered),
                               create_row, self, NULL);
    }
  else
    update_progress (self);

  sync_title (self);
  sync_people (self);
  update_scope (self);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scrolled_window), 0);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ASSESSMENT]);
}

SrmAssessmentScore *
srm_assessment_view_get_score (SrmAssessmentView *self)
{
  g_return_val_if_fail (SRM_IS_ASSESSMENT_VIEW (self), NULL);
  return self->score;
}

const char *
srm_assessment_view_get_progress_text (SrmAssessmentView *self)
{
  g_return_val_if_fail (SRM_IS_ASSESSMENT_VIEW (self), NULL);
  return self->progress_text;
}

SrmAnswerRow *
srm_assessment_view_get_row (SrmAssessmentView *self,
                             const char        *duty_id)
{
  GtkListBoxRow *row;

  g_return_val_if_fail (SRM_IS_ASSESSMENT_VIEW (self), NULL);

  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->answers_list, i)) != NULL; i++)
    if (g_strcmp0 (srm_answer_get_duty_id (srm_answer_row_get_answer (SRM_ANSWER_ROW (row))), duty_id) == 0)
      return SRM_ANSWER_ROW (row);
  return NULL;
}

guint
srm_assessment_view_get_n_visible_rows (SrmAssessmentView *self)
{
  GtkListBoxRow *row;
  guint n = 0;

  g_return_val_if_fail (SRM_IS_ASSESSMENT_VIEW (self), 0);

  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->answers_list, i)) != NULL; i++)
    n++;
  return n;
}

const char *
srm_assessment_view_get_group_title (SrmAssessmentView *self,
                                     const char        *duty_id)
{
  SrmAnswerRow *row;
  GtkWidget *header;

  g_return_val_if_fail (SRM_IS_ASSESSMENT_VIEW (self), NULL);

  row = srm_assessment_view_get_row (self, duty_id);
  header = row != NULL ? gtk_list_box_row_get_header (GTK_LIST_BOX_ROW (row)) : NULL;
  if (header == NULL)
    return NULL;
  return gtk_label_get_label (GTK_LABEL (gtk_widget_get_first_child (header)));
}

/* ---- GObject ---- */

static void
srm_assessment_view_dispose (GObject *object)
{
  SrmAssessmentView *self = SRM_ASSESSMENT_VIEW (object);

  if (self->assessment != NULL)
    g_signal_handlers_disconnect_by_data (self->assessment, self);
  if (self->answers_list != NULL)
    gtk_list_box_bind_model (self->answers_list, NULL, NULL, NULL, NULL);
  /* AdwBin unparents its child itself: the template must not do it first,
   * or AdwBin is left with a dangling child. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SRM_TYPE_ASSESSMENT_VIEW);
  g_clear_object (&self->assessment);
  g_clear_object (&self->score);
  g_clear_object (&self->filtered);

  G_OBJECT_CLASS (srm_assessment_view_parent_class)->dispose (object);
}

static void
srm_assessment_view_finalize (GObject *object)
{
  SrmAssessmentView *self = SRM_ASSESSMENT_VIEW (object);

  g_free (self->progress_text);
  g_free (self->owner_filter);

  G_OBJECT_CLASS (srm_assessment_view_parent_class)->finalize (object);
}

static void
srm_assessment_view_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  SrmAssessmentView *self = SRM_ASSESSMENT_VIEW (object);

  switch (prop_id)
    {
    case PROP_ASSESSMENT:
      g_value_set_object (value, self->assessment);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
srm_assessment_view_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  SrmAssessmentView *self = SRM_ASSESSMENT_VIEW (object);

  switch (prop_id)
    {
    case PROP_ASSESSMENT:
      srm_assessment_view_set_assessment (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
srm_assessment_view_class_init (SrmAssessmentViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = srm_assessment_view_dispose;
  object_class->finalize = srm_assessment_view_finalize;
  object_class->get_property = srm_assessment_view_get_property;
  object_class->set_property = srm_assessment_view_set_property;

  properties[PROP_ASSESSMENT] =
    g_param_spec_object ("assessment", NULL, NULL, SRM_TYPE_ASSESSMENT,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/srm-assessment-view.ui");
  gtk_widget_class_bind_template_child (widget_class, SrmAssessmentView, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, SrmAssessmentView, title_label);
  gtk_widget_class_bind_template_child (widget_class, SrmAssessmentView, scope_label);
  gtk_widget_class_bind_template_child (widget_class, SrmAssessmentView, percent_label);
  gtk_widget_class_bind_template_child (widget_class, SrmAssessmentView, progress_label);
  gtk_widget_class_bind_template_child (widget_class, SrmAssessmentView, level_bar);
  gtk_widget_class_bind_template_child (widget_class, SrmAssessmentView, layers_box);
  gtk_widget_class_bind_template_child (widget_class, SrmAssessmentView, title_row);
  gtk_widget_class_bind_template_child (widget_class, SrmAssessmentView, organisation_row);
  gtk_widget_class_bind_template_child (widget_class, SrmAssessmentView, assessor_row);
  gtk_widget_class_bind_template_child (widget_class, SrmAssessmentView, gaps_toggle);
  gtk_widget_class_bind_template_child (widget_class, SrmAssessmentView, overdue_toggle);
  gtk_widget_class_bind_template_child (widget_class, SrmAssessmentView, owner_search);
  gtk_widget_class_bind_template_child (widget_class, SrmAssessmentView, answers_list);
  gtk_widget_class_bind_template_callback (widget_class, filters_changed_cb);

  gtk_widget_class_set_css_name (widget_class, "srm-assessment-view");
}

static void
srm_assessment_view_init (SrmAssessmentView *self)
{
  GtkWidget *placeholder;

  g_type_ensure (SRM_TYPE_ANSWER_ROW);
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_list_box_set_header_func (self->answers_list, header_func, self, NULL);
  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  /* The list model takes the filter's reference. */
  self->filtered = gtk_filter_list_model_new (NULL, GTK_FILTER (self->filter));

  placeholder = gtk_label_new (_("No duties match these filters"));
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_add_css_class (placeholder, "list-placeholder");
  gtk_list_box_set_placeholder (self->answers_list, placeholder);

  g_signal_connect_swapped (self->title_row, "changed", G_CALLBACK (on_title_changed), self);
  g_signal_connect_swapped (self->organisation_row, "changed", G_CALLBACK (on_organisation_changed), self);
  g_signal_connect_swapped (self->assessor_row, "changed", G_CALLBACK (on_assessor_changed), self);

  /* AdwEntryRow's own undo would swallow Ctrl+Z before the document's. */
  gtk_editable_set_enable_undo (GTK_EDITABLE (self->title_row), FALSE);
  gtk_editable_set_enable_undo (GTK_EDITABLE (self->organisation_row), FALSE);
  gtk_editable_set_enable_undo (GTK_EDITABLE (self->assessor_row), FALSE);
}
