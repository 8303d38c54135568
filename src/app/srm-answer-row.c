/* srm-answer-row.c: one duty of an assessment, editable in place.
 *
 * The row writes every edit straight to its SrmAnswer (which records it for
 * undo) and follows the answer's notifications, so undo, redo and edits made
 * elsewhere show up here. Text fields set the answer on every keystroke: the
 * document merges quick edits of one field into one undo step, and the row
 * seals the step when a field loses focus. The entries' own undo is off, so
 * Ctrl+Z always reaches the document.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "srm-answer-row.h"

struct _SrmAnswerRow
{
  GtkListBoxRow  parent_instance;

  SrmAssessment *assessment;
  SrmAnswer     *answer;
  char          *due_text;
  /* Set while the row copies the answer into its editors, so that doesn't
   * come back as an edit. */
  gboolean       syncing;

  GtkLabel      *duty_label;
  GtkBox        *meta_box;
  GtkLabel      *service_label;
  GtkDropDown   *status_drop_down;
  GtkEntry      *owner_entry;
  GtkMenuButton *due_button;
  GtkImage      *due_icon;
  GtkLabel      *due_label;
  GtkPopover    *due_popover;
  GtkCalendar   *calendar;
  GtkEntry      *evidence_entry;
  GtkButton     *evidence_link_button;
  GtkExpander   *notes_expander;
  GtkLabel      *notes_preview;
  GtkTextView   *notes_view;
};

G_DEFINE_FINAL_TYPE (SrmAnswerRow, srm_answer_row, GTK_TYPE_LIST_BOX_ROW)

static const char *status_classes[] = {
  "status-not-assessed",
  "status-not-started",
  "status-in-progress",
  "status-implemented",
  "status-not-applicable",
  "status-risk-accepted",
};

gboolean
srm_answer_row_evidence_is_link (const char *evidence)
{
  if (evidence == NULL)
    return FALSE;
  return (g_str_has_prefix (evidence, "https://") || g_str_has_prefix (evidence, "http://"))
         && strchr (evidence, ' ') == NULL && strlen (evidence) > 8;
}

static gboolean
is_gap (SrmAnswerStatus status)
{
  return status == SRM_ANSWER_STATUS_NOT_ASSESSED
         || status == SRM_ANSWER_STATUS_NOT_STARTED
         || status == SRM_ANSWER_STATUS_IN_PROGRESS;
}

static void
set_text_if_different (GtkEditable *editable,
                       const char  *text)
{
  if (g_strcmp0 (gtk_editable_get_text (editable), text) != 0)
    gtk_editable_set_text (editable, text);
}

static void
sync_due (SrmAnswerRow *self)
{
  const GDate *due = srm_answer_get_due (self->answer);
  GtkWidget *button = GTK_WIDGET (self->due_button);
  GDate today;
  char buffer[64];

  g_date_clear (&today, 1);
  g_date_set_time_t (&today, time (NULL));

  g_clear_pointer (&self->due_text, g_free);
  gtk_widget_remove_css_class (button, "overdue");
  gtk_widget_remove_css_class (button, "has-due");
  if (due == NULL || !g_date_valid (due))
    {
      self->due_text = g_strdup (_("No due date"));
      /* Only the icon: the row stays narrow enough for a phone. */
      gtk_label_set_label (self->due_label, "");
      gtk_widget_set_visible (GTK_WIDGET (self->due_label), FALSE);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Set a due date"), -1);
      gtk_image_set_from_icon_name (self->due_icon, "x-office-calendar-symbolic");
      gtk_widget_set_tooltip_text (button, _("Set a due date"));
      return;
    }

  /* TRANSLATORS: a due date in a button, see strftime(3); keep it short */
  if (g_date_strftime (buffer, sizeof buffer, C_("due date format", "%e %b %Y"), due) == 0)
    buffer[0] = '\0';
  self->due_text = g_strdup (g_strstrip (buffer));
  gtk_label_set_label (self->due_label, self->due_text);
  gtk_widget_set_visible (GTK_WIDGET (self->due_label), TRUE);
  gtk_widget_add_css_class (button, "has-due");

  if (is_gap (srm_answer_get_status (self->answer)) && g_date_compare (due, &today) < 0)
    {
      /* TRANSLATORS: tooltip of an overdue date, %s is the date */
      g_autofree char *tooltip = g_strdup_printf (_("Overdue: was due %s"), self->due_text);

      gtk_widget_add_css_class (button, "overdue");
      gtk_image_set_from_icon_name (self->due_icon, "task-past-due-symbolic");
      gtk_widget_set_tooltip_text (button, tooltip);
      /* The icon and the tooltip say it; screen readers get the word too. */
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
    }
  else
    {
      /* TRANSLATORS: tooltip of a due date, %s is the date */
      g_autofree char *tooltip = g_strdup_printf (_("Due %s"), self->due_text);

      gtk_image_set_from_icon_name (self->due_icon, "task-due-symbolic");
      gtk_widget_set_tooltip_text (button, tooltip);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
    }
}

static void
sync_status (SrmAnswerRow *self)
{
  SrmAnswerStatus status = srm_answer_get_status (self->answer);
  GtkWidget *widget = GTK_WIDGET (self);

  if (gtk_drop_down_get_selected (self->status_drop_down) != (guint) status)
    gtk_drop_down_set_selected (self->status_drop_down, status);
  for (guint i = 0; i < G_N_ELEMENTS (status_classes); i++)
    {
      if (i == (guint) status)
        gtk_widget_add_css_class (widget, status_classes[i]);
      else
        gtk_widget_remove_css_class (widget, status_classes[i]);
    }
}

static void
sync_evidence (SrmAnswerRow *self)
{
  const char *evidence = srm_answer_get_evidence (self->answer);

  set_text_if_different (GTK_EDITABLE (self->evidence_entry), evidence);
  gtk_widget_set_visible (GTK_WIDGET (self->evidence_link_button), srm_answer_row_evidence_is_link (evidence));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->evidence_link_button), evidence);
}

static void
sync_notes (SrmAnswerRow *self)
{
  const char *notes = srm_answer_get_notes (self->answer);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->notes_view);
  g_autofree char *current = NULL;
  g_autofree char *first_line = NULL;
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  current = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  if (g_strcmp0 (current, notes) != 0)
    gtk_text_buffer_set_text (buffer, notes, -1);

  first_line = g_strndup (notes, strcspn (notes, "\n"));
  gtk_label_set_label (self->notes_preview, first_line);
}

/* Copies the whole answer into the editors. */
static void
sync_all (SrmAnswerRow *self)
{
  self->syncing = TRUE;
  sync_status (self);
  set_text_if_different (GTK_EDITABLE (self->owner_entry), srm_answer_get_owner (self->answer));
  sync_due (self);
  sync_evidence (self);
  sync_notes (self);
  self->syncing = FALSE;
}

static void
on_answer_notify (SrmAnswerRow *self,
                  GParamSpec   *pspec)
{
  const char *name = g_param_spec_get_name (pspec);

  self->syncing = TRUE;
  if (g_str_equal (name, "status"))
    {
      sync_status (self);
      sync_due (self);
    }
  else if (g_str_equal (name, "owner"))
    set_text_if_different (GTK_EDITABLE (self->owner_entry), srm_answer_get_owner (self->answer));
  else if (g_str_equal (name, "due"))
    sync_due (self);
  else if (g_str_equal (name, "evidence"))
    sync_evidence (self);
  else if (g_str_equal (name, "notes"))
    sync_notes (self);
  self->syncing = FALSE;
}

/* ---- edits ---- */

static void
on_status_selected (SrmAnswerRow *self)
{
  guint selected = gtk_drop_down_get_selected (self->status_drop_down);

  if (self->syncing || self->answer == NULL || selected > SRM_ANSWER_STATUS_RISK_ACCEPTED)
    return;
  srm_answer_set_status (self->answer, selected);
}

static void
on_owner_changed (SrmAnswerRow *self)
{
  if (!self->syncing)
    srm_answer_set_owner (self->answer, gtk_editable_get_text (GTK_EDITABLE (self->owner_entry)));
}

static void
on_evidence_changed (SrmAnswerRow *self)
{
  if (self->syncing)
    return;
  srm_answer_set_evidence (self->answer, gtk_editable_get_text (GTK_EDITABLE (self->evidence_entry)));
}

static void
on_notes_changed (SrmAnswerRow *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->notes_view);
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  if (self->syncing)
    return;
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  srm_answer_set_notes (self->answer, text);
}

static void
on_editor_focus_leave (SrmAnswerRow *self)
{
  srm_assessment_seal_undo_step (self->assessment);
}

static void
set_due_from_date_time (SrmAnswerRow *self,
                        GDateTime    *date_time)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date,
                  g_date_time_get_day_of_month (date_time),
                  g_date_time_get_month (date_time),
                  g_date_time_get_year (date_time));
  srm_answer_set_due (self->answer, &date);
}

static void
calendar_day_selected_cb (SrmAnswerRow *self)
{
  g_autoptr(GDateTime) date_time = NULL;

  if (self->syncing)
    return;
  date_time = gtk_calendar_get_date (self->calendar);
  set_due_from_date_time (self, date_time);
  gtk_popover_popdown (self->due_popover);
}

static void
due_today_clicked_cb (SrmAnswerRow *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  set_due_from_date_time (self, now);
  gtk_popover_popdown (self->due_popover);
}

static void
due_clear_clicked_cb (SrmAnswerRow *self)
{
  srm_answer_set_due (self->answer, NULL);
  gtk_popover_popdown (self->due_popover);
}

/* The calendar opens on the due date, or on today. */
static void
due_popover_show_cb (SrmAnswerRow *self)
{
  const GDate *due = srm_answer_get_due (self->answer);
  g_autoptr(GDateTime) date_time = NULL;

  if (due != NULL && g_date_valid (due))
    date_time = g_date_time_new_local (g_date_get_year (due), g_date_get_month (due),
                                       g_date_get_day (due), 12, 0, 0);
  else
    date_time = g_date_time_new_now_local ();

  self->syncing = TRUE;
  gtk_calendar_select_day (self->calendar, date_time);
  self->syncing = FALSE;
  gtk_widget_set_sensitive (GTK_WIDGET (self->calendar), TRUE);
}

static void
evidence_link_clicked_cb (SrmAnswerRow *self)
{
  const char *evidence = srm_answer_get_evidence (self->answer);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (srm_answer_row_evidence_is_link (evidence))
    gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, evidence, GDK_CURRENT_TIME);
}

/* ---- construction ---- */

static void
add_focus_leave (SrmAnswerRow *self,
                 GtkWidget    *widget)
{
  GtkEventController *controller = gtk_event_controller_focus_new ();

  g_signal_connect_swapped (controller, "leave", G_CALLBACK (on_editor_focus_leave), self);
  gtk_widget_add_controller (widget, controller);
}

static void
fill_meta (SrmAnswerRow *self,
           SrmCatalog   *catalog)
{
  SrmDuty *duty = srm_answer_get_duty (self->answer);
  const char *service_id = srm_answer_get_service_id (self->answer);
  SrmService *service = catalog != NULL ? srm_catalog_lookup_service (catalog, service_id) : NULL;
  const char * const *mcsb = duty != NULL ? srm_duty_get_mcsb (duty) : NULL;

  if (duty != NULL)
    gtk_label_set_label (self->duty_label, srm_duty_get_text (duty));
  else
    {
      /* TRANSLATORS: an answer whose duty the catalog doesn't have; %s is its id */
      g_autofree char *text = g_strdup_printf (_("Duty “%s”"), srm_answer_get_duty_id (self->answer));
      gtk_label_set_label (self->duty_label, text);
    }

  gtk_label_set_label (self->service_label, service != NULL ? srm_service_get_name (service) : service_id);

  for (guint i = 0; mcsb != NULL && mcsb[i] != NULL; i++)
    {
      GtkWidget *tag = gtk_label_new (mcsb[i]);
      g_autofree char *tooltip = g_strdup_printf (_("Microsoft cloud security benchmark control %s"), mcsb[i]);

      gtk_widget_add_css_class (tag, "mcsb-tag");
      gtk_widget_set_tooltip_text (tag, tooltip);
      gtk_widget_set_valign (tag, GTK_ALIGN_CENTER);
      gtk_box_append (self->meta_box, tag);
    }

  {
    g_autofree char *label = g_strdup_printf ("%s — %s", gtk_label_get_label (self->duty_label),
                                              gtk_label_get_label (self->service_label));
    gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  }
}

GtkWidget *
srm_answer_row_new (SrmAssessment *assessment,
                    SrmAnswer     *answer,
                    SrmCatalog    *catalog)
{
  SrmAnswerRow *self;

  g_return_val_if_fail (SRM_IS_ASSESSMENT (assessment), NULL);
  g_return_val_if_fail (SRM_IS_ANSWER (answer), NULL);
  g_return_val_if_fail (catalog == NULL || SRM_IS_CATALOG (catalog), NULL);

  self = g_object_new (SRM_TYPE_ANSWER_ROW, NULL);
  self->assessment = g_object_ref (assessment);
  self->answer = g_object_ref (answer);

  fill_meta (self, catalog);
  sync_all (self);
  g_signal_connect_object (answer, "notify", G_CALLBACK (on_answer_notify), self, G_CONNECT_SWAPPED);

  return GTK_WIDGET (self);
}

SrmAnswer *
srm_answer_row_get_answer (SrmAnswerRow *self)
{
  g_return_val_if_fail (SRM_IS_ANSWER_ROW (self), NULL);
  return self->answer;
}

GtkDropDown *
srm_answer_row_get_status_drop_down (SrmAnswerRow *self)
{
  g_return_val_if_fail (SRM_IS_ANSWER_ROW (self), NULL);
  return self->status_drop_down;
}

GtkEditable *
srm_answer_row_get_owner_entry (SrmAnswerRow *self)
{
  g_return_val_if_fail (SRM_IS_ANSWER_ROW (self), NULL);
  return GTK_EDITABLE (self->owner_entry);
}

GtkEditable *
srm_answer_row_get_evidence_entry (SrmAnswerRow *self)
{
  g_return_val_if_fail (SRM_IS_ANSWER_ROW (self), NULL);
  return GTK_EDITABLE (self->evidence_entry);
}

const char *
srm_answer_row_get_due_text (SrmAnswerRow *self)
{
  g_return_val_if_fail (SRM_IS_ANSWER_ROW (self), NULL);
  return self->due_text;
}

static void
srm_answer_row_dispose (GObject *object)
{
  SrmAnswerRow *self = SRM_ANSWER_ROW (object);

  if (self->answer != NULL)
    g_signal_handlers_disconnect_by_data (self->answer, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), SRM_TYPE_ANSWER_ROW);
  g_clear_object (&self->answer);
  g_clear_object (&self->assessment);

  G_OBJECT_CLASS (srm_answer_row_parent_class)->dispose (object);
}

static void
srm_answer_row_finalize (GObject *object)
{
  SrmAnswerRow *self = SRM_ANSWER_ROW (object);

  g_free (self->due_text);

  G_OBJECT_CLASS (srm_answer_row_parent_class)->finalize (object);
}

static void
srm_answer_row_class_init (SrmAnswerRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = srm_answer_row_dispose;
  object_class->finalize = srm_answer_row_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/srm-answer-row.ui");
  gtk_widget_class_bind_template_child (widget_class, SrmAnswerRow, duty_label);
  gtk_widget_class_bind_template_child (widget_class, SrmAnswerRow, meta_box);
  gtk_widget_class_bind_template_child (widget_class, SrmAnswerRow, service_label);
  gtk_widget_class_bind_template_child (widget_class, SrmAnswerRow, status_drop_down);
  gtk_widget_class_bind_template_child (widget_class, SrmAnswerRow, owner_entry);
  gtk_widget_class_bind_template_child (widget_class, SrmAnswerRow, due_button);
  gtk_widget_class_bind_template_child (widget_class, SrmAnswerRow, due_icon);
  gtk_widget_class_bind_template_child (widget_class, SrmAnswerRow, due_label);
  gtk_widget_class_bind_template_child (widget_class, SrmAnswerRow, due_popover);
  gtk_widget_class_bind_template_child (widget_class, SrmAnswerRow, calendar);
  gtk_widget_class_bind_template_child (widget_class, SrmAnswerRow, evidence_entry);
  gtk_widget_class_bind_template_child (widget_class, SrmAnswerRow, evidence_link_button);
  gtk_widget_class_bind_template_child (widget_class, SrmAnswerRow, notes_expander);
  gtk_widget_class_bind_template_child (widget_class, SrmAnswerRow, notes_preview);
  gtk_widget_class_bind_template_child (widget_class, SrmAnswerRow, notes_view);
  gtk_widget_class_bind_template_callback (widget_class, due_popover_show_cb);
  gtk_widget_class_bind_template_callback (widget_class, calendar_day_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, due_today_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, due_clear_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, evidence_link_clicked_cb);

  gtk_widget_class_set_css_name (widget_class, "row");
}

static void
srm_answer_row_init (SrmAnswerRow *self)
{
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);
  GtkTextBuffer *buffer;

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = SRM_ANSWER_STATUS_NOT_ASSESSED; i <= SRM_ANSWER_STATUS_RISK_ACCEPTED; i++)
    gtk_string_list_append (statuses, srm_answer_status_get_label (i));
  gtk_drop_down_set_model (self->status_drop_down, G_LIST_MODEL (statuses));

  buffer = gtk_text_view_get_buffer (self->notes_view);
  gtk_text_buffer_set_enable_undo (buffer, FALSE);

  g_signal_connect_swapped (self->status_drop_down, "notify::selected", G_CALLBACK (on_status_selected), self);
  g_signal_connect_swapped (self->owner_entry, "changed", G_CALLBACK (on_owner_changed), self);
  g_signal_connect_swapped (self->evidence_entry, "changed", G_CALLBACK (on_evidence_changed), self);
  g_signal_connect_swapped (buffer, "changed", G_CALLBACK (on_notes_changed), self);

  add_focus_leave (self, GTK_WIDGET (self->owner_entry));
  add_focus_leave (self, GTK_WIDGET (self->evidence_entry));
  add_focus_leave (self, GTK_WIDGET (self->notes_view));
}
