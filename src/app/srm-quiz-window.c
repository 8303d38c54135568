/* srm-quiz-window.c: the end-of-session quiz, for a projector.
 *
 * Three pages in a stack: start (count and seed), question, result. The
 * questions come from srm_quiz_generate(), so a seed written down at the start
 * gives the room the same quiz again. Everything is made to be read from the
 * back of a room: the type grows with the window (see update_size_class()),
 * and right and wrong are always said in words and icons, never colour alone.
 * The keyboard drives it all: 1–4 answer, Enter / → / Space go on.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "srm-quiz-window.h"

#define MAX_CHOICES 4
#define DEFAULT_COUNT 10

typedef struct {
  guint question;  /* index in the quiz */
  guint chosen;
} Miss;

struct _SrmQuizWindow
{
  AdwWindow        parent_instance;

  SrmCatalog      *catalog;
  SrmQuiz         *quiz;
  guint            position;
  guint            score;
  int              chosen;         /* -1 while the question is open */
  GArray          *missed;         /* of Miss */
  const char      *size_class;     /* static string, or NULL */
  guint            size_class_idle;

  AdwWindowTitle  *window_title;
  GtkButton       *fullscreen_button;
  GtkStack        *stack;
  GtkLabel        *catalog_label;
  AdwActionRow    *count_row;
  GtkSpinButton   *count_spin;
  GtkSpinButton   *seed_spin;
  GtkLabel        *error_label;
  GtkButton       *start_button;
  GtkLabel        *position_label;
  GtkLabel        *score_label;
  GtkProgressBar  *progress_bar;
  GtkLabel        *question_label;
  GtkBox          *answers_box;
  GtkBox          *feedback_box;
  GtkLabel        *verdict_label;
  GtkLabel        *reason_label;
  GtkBox          *sources_box;
  GtkButton       *next_button;
  GtkLabel        *result_score_label;
  GtkLabel        *result_percent_label;
  GtkLabel        *result_message_label;
  GtkButton       *try_again_button;
  GtkLabel        *review_heading;
  GtkListBox      *review_list;

  GtkWidget       *answer_buttons[MAX_CHOICES];
  GtkLabel        *answer_labels[MAX_CHOICES];
  GtkWidget       *answer_verdicts[MAX_CHOICES];
  GtkImage        *answer_verdict_icons[MAX_CHOICES];
  GtkLabel        *answer_verdict_labels[MAX_CHOICES];
  SrmQuizMark      marks[MAX_CHOICES];
};

G_DEFINE_FINAL_TYPE (SrmQuizWindow, srm_quiz_window, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_CATALOG,
  PROP_SCORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

SrmQuizWindow *
srm_quiz_window_new (GtkWindow  *parent,
                     SrmCatalog *catalog)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (SRM_IS_CATALOG (catalog), NULL);

  return g_object_new (SRM_TYPE_QUIZ_WINDOW,
                       "catalog", catalog,
                       "transient-for", parent,
                       "application", parent ? gtk_window_get_application (parent) : NULL,
                       NULL);
}

SrmCatalog *
srm_quiz_window_get_catalog (SrmQuizWindow *self)
{
  g_return_val_if_fail (SRM_IS_QUIZ_WINDOW (self), NULL);
  return self->catalog;
}

static SrmQuizQuestion *
current_question (SrmQuizWindow *self)
{
  return self->quiz ? srm_quiz_get_question (self->quiz, self->position) : NULL;
}

static void
set_score (SrmQuizWindow *self,
           guint          score)
{
  if (self->score == score)
    return;
  self->score = score;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCORE]);
}

/* ---- start page ---- */

/* Five digits at most: a trainer writes it on the board. Any 32-bit seed
 * can still be typed in. */
static void
roll_seed (SrmQuizWindow *self)
{
  gtk_spin_button_set_value (self->seed_spin, (double) g_random_int_range (1, 100000));
}

guint
srm_quiz_window_get_count (SrmQuizWindow *self)
{
  g_return_val_if_fail (SRM_IS_QUIZ_WINDOW (self), 0);
  gtk_spin_button_update (self->count_spin);
  return (guint) gtk_spin_button_get_value_as_int (self->count_spin);
}

void
srm_quiz_window_set_count (SrmQuizWindow *self,
                           guint          count)
{
  g_return_if_fail (SRM_IS_QUIZ_WINDOW (self));
  gtk_spin_button_set_value (self->count_spin, count);
}

guint32
srm_quiz_window_get_seed (SrmQuizWindow *self)
{
  g_return_val_if_fail (SRM_IS_QUIZ_WINDOW (self), 0);
  gtk_spin_button_update (self->seed_spin);
  /* Not _as_int: seeds go up to 2³² − 1. */
  return (guint32) gtk_spin_button_get_value (self->seed_spin);
}

void
srm_quiz_window_set_seed (SrmQuizWindow *self,
                          guint32        seed)
{
  g_return_if_fail (SRM_IS_QUIZ_WINDOW (self));
  gtk_spin_button_set_value (self->seed_spin, (double) seed);
}

static void
setup_start_page (SrmQuizWindow *self)
{
  guint available = srm_quiz_count_available (self->catalog);
  g_autofree char *subtitle = NULL;

  gtk_label_set_label (self->catalog_label, srm_catalog_get_title (self->catalog));
  adw_window_title_set_subtitle (self->window_title, srm_catalog_get_title (self->catalog));

  gtk_spin_button_set_range (self->count_spin, 1, MAX (available, 1));
  gtk_spin_button_set_value (self->count_spin, MIN (DEFAULT_COUNT, MAX (available, 1)));
  /* TRANSLATORS: subtitle of the number of questions; %u is how many the catalog can give */
  subtitle = g_strdup_printf (ngettext ("This catalog can give %u question",
                                        "This catalog can give up to %u questions", available),
                              available);
  adw_action_row_set_subtitle (self->count_row, subtitle);
  roll_seed (self);

  if (available == 0)
    {
      gtk_label_set_label (self->error_label, _("This catalog has nothing to ask: it needs a matrix with more than one owner"));
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "quiz.start", FALSE);
    }
}

static void
show_start_page (SrmQuizWindow *self)
{
  gtk_stack_set_visible_child_name (self->stack, "start");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "quiz.next", FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->start_button));
}

/* ---- question page ---- */

static void
set_mark (SrmQuizWindow *self,
          guint          index,
          SrmQuizMark    mark)
{
  static const char * const mark_classes[] = { "chosen-right", "chosen-wrong", "right-answer", "dimmed" };
  GtkWidget *button = self->answer_buttons[index];
  const char *icon = NULL;
  const char *words = NULL;
  const char *mark_class = NULL;
  g_autofree char *name = NULL;

  self->marks[index] = mark;
  for (guint i = 0; i < G_N_ELEMENTS (mark_classes); i++)
    gtk_widget_remove_css_class (button, mark_classes[i]);

  switch (mark)
    {
    case SRM_QUIZ_MARK_CHOSEN_RIGHT:
      icon = "emblem-ok-symbolic";
      words = _("Correct");
      mark_class = "chosen-right";
      break;
    case SRM_QUIZ_MARK_CHOSEN_WRONG:
      icon = "window-close-symbolic";
      words = _("Not quite");
      mark_class = "chosen-wrong";
      break;
    case SRM_QUIZ_MARK_RIGHT_ANSWER:
      icon = "emblem-ok-symbolic";
      words = _("Right answer");
      mark_class = "right-answer";
      break;
    case SRM_QUIZ_MARK_NONE:
    default:
      if (self->chosen >= 0)
        mark_class = "dimmed";
      break;
    }

  if (mark_class != NULL)
    gtk_widget_add_css_class (button, mark_class);
  gtk_widget_set_visible (self->answer_verdicts[index], words != NULL);
  if (words != NULL)
    {
      gtk_image_set_from_icon_name (self->answer_verdict_icons[index], icon);
      gtk_label_set_label (self->answer_verdict_labels[index], words);
    }

  /* TRANSLATORS: accessible name of an answer button: its number, then the choice */
  name = g_strdup_printf (_("Answer %u: %s"), index + 1, gtk_label_get_label (self->answer_labels[index]));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, words ? words : "",
                                  -1);
}

static void
update_status (SrmQuizWindow *self)
{
  guint n = srm_quiz_get_n_questions (self->quiz);
  guint answered = self->position + (self->chosen >= 0 ? 1 : 0);
  g_autofree char *position = NULL;
  g_autofree char *score = NULL;

  /* TRANSLATORS: "Question 3 of 10" */
  position = g_strdup_printf (_("Question %u of %u"), self->position + 1, n);
  gtk_label_set_label (self->position_label, position);
  /* TRANSLATORS: the score so far: right answers, then questions answered */
  score = g_strdup_printf (_("Score: %u of %u"), self->score, answered);
  gtk_label_set_label (self->score_label, score);
  gtk_progress_bar_set_fraction (self->progress_bar, n > 0 ? (double) answered / n : 0.0);
}

static void
show_question (SrmQuizWindow *self)
{
  SrmQuizQuestion *question = current_question (self);
  const char * const *choices = srm_quiz_question_get_choices (question);
  guint n_choices = srm_quiz_question_get_n_choices (question);
  gboolean last = self->position + 1 >= srm_quiz_get_n_questions (self->quiz);

  self->chosen = -1;
  gtk_label_set_label (self->question_label, srm_quiz_question_get_text (question));
  for (guint i = 0; i < MAX_CHOICES; i++)
    {
      gboolean shown = i < n_choices;

      gtk_widget_set_visible (self->answer_buttons[i], shown);
      gtk_widget_remove_css_class (self->answer_buttons[i], "answered");
      gtk_label_set_label (self->answer_labels[i], shown ? choices[i] : "");
      set_mark (self, i, SRM_QUIZ_MARK_NONE);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->feedback_box), FALSE);
  gtk_button_set_label (self->next_button, last ? _("See _Results") : _("_Next Question"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "quiz.next", FALSE);
  update_status (self);

  gtk_stack_set_visible_child_name (self->stack, "question");
  /* No focus: a stray Enter from the last question must not answer this one. */
  gtk_window_set_focus (GTK_WINDOW (self), NULL);
}

/* One source only: the room needs one place to look the answer up, and the
 * catalog lists its main document first. */
static void
fill_source (SrmQuizWindow   *self,
             SrmQuizQuestion *question)
{
  GListModel *sources = srm_quiz_question_get_sources (question);
  g_autoptr(SrmSource) source = NULL;
  GtkWidget *child;
  GtkWidget *heading;
  GtkWidget *widget;
  GtkWidget *label;
  const char *url;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->sources_box))) != NULL)
    gtk_box_remove (self->sources_box, child);

  /* The first one the room can open, else the first one. */
  for (guint i = 0; sources != NULL && i < g_list_model_get_n_items (sources); i++)
    {
      g_autoptr(SrmSource) candidate = g_list_model_get_item (sources, i);

      if (source == NULL || (srm_source_get_url (source) == NULL && srm_source_get_url (candidate) != NULL))
        g_set_object (&source, candidate);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->sources_box), source != NULL);
  if (source == NULL)
    return;

  url = srm_source_get_url (source);
  if (url != NULL)
    {
      /* GtkLinkButton opens it with gtk_show_uri() on its own. */
      widget = gtk_link_button_new_with_label (url, srm_source_get_title (source));
      label = gtk_button_get_child (GTK_BUTTON (widget));
      gtk_widget_set_tooltip_text (widget, url);
    }
  else
    widget = label = gtk_label_new (srm_source_get_title (source));
  if (GTK_IS_LABEL (label))
    {
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
    }
  /* Wide enough that the title does not wrap early beside the key hint. */
  gtk_widget_set_hexpand (widget, TRUE);
  gtk_widget_set_valign (widget, GTK_ALIGN_BASELINE);

  heading = gtk_label_new (_("Source:"));
  gtk_widget_set_valign (heading, GTK_ALIGN_BASELINE);
  gtk_widget_add_css_class (heading, "dim-label");
  gtk_box_append (self->sources_box, heading);
  gtk_box_append (self->sources_box, widget);
}

gboolean
srm_quiz_window_answer (SrmQuizWindow *self,
                        guint          index)
{
  SrmQuizQuestion *question;
  const char * const *choices;
  guint answer;
  g_autofree char *verdict = NULL;
  g_autofree char *spoken = NULL;

  g_return_val_if_fail (SRM_IS_QUIZ_WINDOW (self), FALSE);

  question = current_question (self);
  if (question == NULL || self->chosen >= 0 ||
      !g_str_equal (srm_quiz_window_get_page (self), "question") ||
      index >= srm_quiz_question_get_n_choices (question))
    return FALSE;

  answer = srm_quiz_question_get_answer (question);
  choices = srm_quiz_question_get_choices (question);
  self->chosen = (int) index;

  if (index == answer)
    {
      set_score (self, self->score + 1);
      verdict = g_strdup (_("Correct!"));
    }
  else
    {
      Miss miss = { self->position, index };

      g_array_append_val (self->missed, miss);
      /* TRANSLATORS: shown after a wrong answer, next to the answer buttons;
       * %u is the number of the right answer */
      verdict = g_strdup_printf (_("Not quite. The answer is %u."), answer + 1);
      /* TRANSLATORS: read by a screen reader after a wrong answer; %u is the
       * number of the right answer, %s its text */
      spoken = g_strdup_printf (_("Not quite. The answer is %u: %s"), answer + 1, choices[answer]);
    }

  for (guint i = 0; i < srm_quiz_question_get_n_choices (question); i++)
    {
      SrmQuizMark mark = SRM_QUIZ_MARK_NONE;

      if (i == index)
        mark = i == answer ? SRM_QUIZ_MARK_CHOSEN_RIGHT : SRM_QUIZ_MARK_CHOSEN_WRONG;
      else if (i == answer)
        mark = SRM_QUIZ_MARK_RIGHT_ANSWER;
      gtk_widget_add_css_class (self->answer_buttons[i], "answered");
      set_mark (self, i, mark);
    }

  gtk_label_set_label (self->verdict_label, verdict);
  gtk_widget_remove_css_class (GTK_WIDGET (self->verdict_label), index == answer ? "wrong" : "right");
  gtk_widget_add_css_class (GTK_WIDGET (self->verdict_label), index == answer ? "right" : "wrong");
  gtk_label_set_label (self->reason_label, srm_quiz_question_get_reason (question));
  fill_source (self, question);
  gtk_widget_set_visible (GTK_WIDGET (self->feedback_box), TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "quiz.next", TRUE);
  update_status (self);

  /* Enter and Space now go on; a screen reader reads the verdict with it. */
  gtk_widget_grab_focus (GTK_WIDGET (self->next_button));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->next_button),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, spoken ? spoken : verdict,
                                  -1);
  return TRUE;
}

/* ---- result page ---- */

static const char *
encouragement (guint score,
               guint n)
{
  if (score == n)
    return _("A perfect score: this room knows who secures what.");
  if (score * 10 >= n * 8)
    return _("Great work: the shared responsibility model is well understood.");
  if (score * 2 >= n)
    return _("A good start: go over the missed questions together.");
  return _("Every miss is a conversation worth having: review the answers below together.");
}

static GtkWidget *
create_answer_line (const char *icon_name,
                    const char *format,
                    const char *choice,
                    const char *css_class)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *image = gtk_image_new_from_icon_name (icon_name);
  g_autofree char *text = g_strdup_printf (format, choice);
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_set_valign (image, GTK_ALIGN_START);
  gtk_widget_add_css_class (box, css_class);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_box_append (GTK_BOX (box), image);
  gtk_box_append (GTK_BOX (box), label);
  return box;
}

static GtkWidget *
create_review_row (SrmQuizWindow *self,
                   const Miss    *miss)
{
  SrmQuizQuestion *question = srm_quiz_get_question (self->quiz, miss->question);
  const char * const *choices = srm_quiz_question_get_choices (question);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  g_autofree char *title = NULL;
  GtkWidget *label;
  GtkWidget *row;

  /* TRANSLATORS: a missed question in the review: its number, then its text */
  title = g_strdup_printf (_("%u. %s"), miss->question + 1, srm_quiz_question_get_text (question));
  label = gtk_label_new (title);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "quiz-review-question");
  gtk_box_append (GTK_BOX (box), label);

  /* TRANSLATORS: in the review of a missed question; %s is a choice */
  gtk_box_append (GTK_BOX (box), create_answer_line ("window-close-symbolic", _("Your answer: %s"),
                                                     choices[miss->chosen], "quiz-review-wrong"));
  /* TRANSLATORS: in the review of a missed question; %s is a choice */
  gtk_box_append (GTK_BOX (box), create_answer_line ("emblem-ok-symbolic", _("Correct answer: %s"),
                                                     choices[srm_quiz_question_get_answer (question)],
                                                     "quiz-review-right"));

  label = gtk_label_new (srm_quiz_question_get_reason (question));
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "quiz-review-reason");
  gtk_box_append (GTK_BOX (box), label);

  row = gtk_list_box_row_new ();
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  return row;
}

static void
show_result (SrmQuizWindow *self)
{
  guint n = srm_quiz_get_n_questions (self->quiz);
  g_autofree char *score = NULL;
  g_autofree char *percent = NULL;
  GtkListBoxRow *row;

  /* TRANSLATORS: the final score, "7 of 10" */
  score = g_strdup_printf (_("%u of %u"), self->score, n);
  gtk_label_set_label (self->result_score_label, score);
  /* TRANSLATORS: the final score as a percentage; %u is a number, %% the sign */
  percent = g_strdup_printf (_("%u%%"), n > 0 ? (self->score * 100 + n / 2) / n : 0);
  gtk_label_set_label (self->result_percent_label, percent);
  gtk_label_set_label (self->result_message_label, encouragement (self->score, n));

  while ((row = gtk_list_box_get_row_at_index (self->review_list, 0)) != NULL)
    gtk_list_box_remove (self->review_list, GTK_WIDGET (row));
  for (guint i = 0; i < self->missed->len; i++)
    gtk_list_box_append (self->review_list, create_review_row (self, &g_array_index (self->missed, Miss, i)));
  gtk_label_set_label (self->review_heading, self->missed->len > 0 ? _("Missed Questions") : _("No Missed Questions"));
  gtk_widget_set_visible (GTK_WIDGET (self->review_list), self->missed->len > 0);

  gtk_progress_bar_set_fraction (self->progress_bar, 1.0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "quiz.next", FALSE);
  gtk_stack_set_visible_child_name (self->stack, "result");
  gtk_widget_grab_focus (GTK_WIDGET (self->try_again_button));
}

/* ---- flow ---- */

static gboolean
run_quiz (SrmQuizWindow *self,
          guint          count,
          guint32        seed)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SrmQuiz) quiz = srm_quiz_generate (self->catalog, count, seed, &error);

  if (quiz == NULL)
    {
      gtk_label_set_label (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      show_start_page (self);
      return FALSE;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);

  g_set_object (&self->quiz, quiz);
  self->position = 0;
  set_score (self, 0);
  g_array_set_size (self->missed, 0);

  {
    /* TRANSLATORS: header subtitle during a quiz: the catalog, then the seed */
    g_autofree char *subtitle = g_strdup_printf (_("%s · seed %u"), srm_catalog_get_title (self->catalog),
                                                 (guint) srm_quiz_get_seed (quiz));
    adw_window_title_set_subtitle (self->window_title, subtitle);
  }
  show_question (self);
  return TRUE;
}

gboolean
srm_quiz_window_start (SrmQuizWindow *self)
{
  g_return_val_if_fail (SRM_IS_QUIZ_WINDOW (self), FALSE);
  return run_quiz (self, srm_quiz_window_get_count (self), srm_quiz_window_get_seed (self));
}

gboolean
srm_quiz_window_next (SrmQuizWindow *self)
{
  g_return_val_if_fail (SRM_IS_QUIZ_WINDOW (self), FALSE);

  if (self->quiz == NULL || self->chosen < 0 ||
      !g_str_equal (srm_quiz_window_get_page (self), "question"))
    return FALSE;

  if (self->position + 1 < srm_quiz_get_n_questions (self->quiz))
    {
      self->position++;
      show_question (self);
    }
  else
    show_result (self);
  return TRUE;
}

void
srm_quiz_window_try_again (SrmQuizWindow *self)
{
  g_return_if_fail (SRM_IS_QUIZ_WINDOW (self));

  if (self->quiz == NULL)
    return;
  run_quiz (self, srm_quiz_get_n_requested (self->quiz), srm_quiz_get_seed (self->quiz));
}

void
srm_quiz_window_new_quiz (SrmQuizWindow *self)
{
  g_return_if_fail (SRM_IS_QUIZ_WINDOW (self));

  roll_seed (self);
  adw_window_title_set_subtitle (self->window_title, srm_catalog_get_title (self->catalog));
  show_start_page (self);
}

gboolean
srm_quiz_window_handle_key (SrmQuizWindow   *self,
                            guint            keyval,
                            GdkModifierType  state)
{
  GtkWidget *focus;

  g_return_val_if_fail (SRM_IS_QUIZ_WINDOW (self), FALSE);

  if (!g_str_equal (srm_quiz_window_get_page (self), "question") ||
      (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK)) != 0)
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_1: case GDK_KEY_2: case GDK_KEY_3: case GDK_KEY_4:
      srm_quiz_window_answer (self, keyval - GDK_KEY_1);
      return TRUE;
    case GDK_KEY_KP_1: case GDK_KEY_KP_2: case GDK_KEY_KP_3: case GDK_KEY_KP_4:
      srm_quiz_window_answer (self, keyval - GDK_KEY_KP_1);
      return TRUE;
    case GDK_KEY_KP_End: case GDK_KEY_KP_Down: case GDK_KEY_KP_Page_Down: case GDK_KEY_KP_Left:
      /* The keypad with Num Lock off. */
      srm_quiz_window_answer (self, keyval == GDK_KEY_KP_End ? 0 : keyval == GDK_KEY_KP_Down ? 1
                                    : keyval == GDK_KEY_KP_Page_Down ? 2 : 3);
      return TRUE;
    case GDK_KEY_Right: case GDK_KEY_KP_Right:
      return srm_quiz_window_next (self);
    case GDK_KEY_Return: case GDK_KEY_KP_Enter: case GDK_KEY_ISO_Enter:
    case GDK_KEY_space: case GDK_KEY_KP_Space:
      /* Before an answer these activate the focused answer button; after it,
       * a focused source link still opens with them. */
      focus = gtk_window_get_focus (GTK_WINDOW (self));
      if (self->chosen < 0 || (focus != NULL && gtk_widget_get_ancestor (focus, GTK_TYPE_LINK_BUTTON) != NULL))
        return FALSE;
      return srm_quiz_window_next (self);
    default:
      return FALSE;
    }
}

static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                SrmQuizWindow         *self)
{
  return srm_quiz_window_handle_key (self, keyval, state);
}

/* ---- getters ---- */

const char *
srm_quiz_window_get_page (SrmQuizWindow *self)
{
  g_return_val_if_fail (SRM_IS_QUIZ_WINDOW (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}

SrmQuiz *
srm_quiz_window_get_quiz (SrmQuizWindow *self)
{
  g_return_val_if_fail (SRM_IS_QUIZ_WINDOW (self), NULL);
  return self->quiz;
}

guint
srm_quiz_window_get_position (SrmQuizWindow *self)
{
  g_return_val_if_fail (SRM_IS_QUIZ_WINDOW (self), 0);
  return self->position;
}

guint
srm_quiz_window_get_score (SrmQuizWindow *self)
{
  g_return_val_if_fail (SRM_IS_QUIZ_WINDOW (self), 0);
  return self->score;
}

gboolean
srm_quiz_window_is_answered (SrmQuizWindow *self)
{
  g_return_val_if_fail (SRM_IS_QUIZ_WINDOW (self), FALSE);
  return self->chosen >= 0;
}

SrmQuizMark
srm_quiz_window_get_mark (SrmQuizWindow *self,
                          guint          index)
{
  g_return_val_if_fail (SRM_IS_QUIZ_WINDOW (self), SRM_QUIZ_MARK_NONE);
  g_return_val_if_fail (index < MAX_CHOICES, SRM_QUIZ_MARK_NONE);
  return self->marks[index];
}

GtkWidget *
srm_quiz_window_get_answer_button (SrmQuizWindow *self,
                                   guint          index)
{
  g_return_val_if_fail (SRM_IS_QUIZ_WINDOW (self), NULL);
  g_return_val_if_fail (index < MAX_CHOICES, NULL);
  return self->answer_buttons[index];
}

const char *
srm_quiz_window_get_reason_text (SrmQuizWindow *self)
{
  g_return_val_if_fail (SRM_IS_QUIZ_WINDOW (self), NULL);
  if (!gtk_widget_get_visible (GTK_WIDGET (self->feedback_box)))
    return NULL;
  return gtk_label_get_label (self->reason_label);
}

const char *
srm_quiz_window_get_result_text (SrmQuizWindow *self)
{
  g_return_val_if_fail (SRM_IS_QUIZ_WINDOW (self), NULL);
  return gtk_label_get_label (self->result_score_label);
}

guint
srm_quiz_window_get_n_missed (SrmQuizWindow *self)
{
  g_return_val_if_fail (SRM_IS_QUIZ_WINDOW (self), 0);
  return self->missed->len;
}

SrmQuizQuestion *
srm_quiz_window_get_missed (SrmQuizWindow *self,
                            guint          index,
                            guint         *chosen)
{
  const Miss *miss;

  g_return_val_if_fail (SRM_IS_QUIZ_WINDOW (self), NULL);
  g_return_val_if_fail (index < self->missed->len, NULL);

  miss = &g_array_index (self->missed, Miss, index);
  if (chosen != NULL)
    *chosen = miss->chosen;
  return srm_quiz_get_question (self->quiz, miss->question);
}

/* ---- actions ---- */

static void
start_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  SrmQuizWindow *self = SRM_QUIZ_WINDOW (widget);

  /* Enter in a spin button may start the quiz twice: once from its own
   * activate, once through the default widget. */
  if (g_str_equal (srm_quiz_window_get_page (self), "start"))
    srm_quiz_window_start (self);
}

static void
answer_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  srm_quiz_window_answer (SRM_QUIZ_WINDOW (widget), g_variant_get_uint32 (parameter));
}

static void
next_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  srm_quiz_window_next (SRM_QUIZ_WINDOW (widget));
}

static void
try_again_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  srm_quiz_window_try_again (SRM_QUIZ_WINDOW (widget));
}

static void
new_quiz_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  srm_quiz_window_new_quiz (SRM_QUIZ_WINDOW (widget));
}

static void
new_seed_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  roll_seed (SRM_QUIZ_WINDOW (widget));
}

static void
fullscreen_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  if (gtk_window_is_fullscreen (GTK_WINDOW (widget)))
    gtk_window_unfullscreen (GTK_WINDOW (widget));
  else
    gtk_window_fullscreen (GTK_WINDOW (widget));
}

/* Escape leaves full screen first; then it closes the window, except in the
 * middle of a quiz, where a slip of the finger would lose the room's answers. */
static gboolean
escape_pressed (GtkWidget *widget,
                GVariant  *args,
                gpointer   user_data)
{
  SrmQuizWindow *self = SRM_QUIZ_WINDOW (widget);

  if (gtk_window_is_fullscreen (GTK_WINDOW (self)))
    {
      gtk_window_unfullscreen (GTK_WINDOW (self));
      return TRUE;
    }
  if (g_str_equal (srm_quiz_window_get_page (self), "question"))
    return FALSE;
  gtk_window_close (GTK_WINDOW (self));
  return TRUE;
}

static void
on_fullscreened_changed (SrmQuizWindow *self)
{
  gboolean fullscreen = gtk_window_is_fullscreen (GTK_WINDOW (self));

  gtk_button_set_icon_name (self->fullscreen_button,
                            fullscreen ? "view-restore-symbolic" : "view-fullscreen-symbolic");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->fullscreen_button),
                               fullscreen ? _("Leave Full Screen (F11)") : _("Full Screen (F11)"));
}

/* Enter in a spin button starts the quiz: GtkSpinButton only learns
 * activates-default in GTK 4.14. */
static void
on_spin_activate (SrmQuizWindow *self)
{
  if (g_str_equal (srm_quiz_window_get_page (self), "start") &&
      gtk_widget_is_sensitive (GTK_WIDGET (self->start_button)))
    srm_quiz_window_start (self);
}

/* ---- size ---- */

/* The type grows with the window, so the same quiz reads from the back of a
 * room on a projector and still fits a laptop. The class is changed from an
 * idle: changing style during allocation would re-queue the allocation. */
static gboolean
apply_size_class (gpointer user_data)
{
  SrmQuizWindow *self = user_data;
  static const char * const classes[] = { "quiz-small", "quiz-large" };

  self->size_class_idle = 0;
  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    {
      if (g_strcmp0 (classes[i], self->size_class) == 0)
        gtk_widget_add_css_class (GTK_WIDGET (self), classes[i]);
      else
        gtk_widget_remove_css_class (GTK_WIDGET (self), classes[i]);
    }
  return G_SOURCE_REMOVE;
}

static void
srm_quiz_window_size_allocate (GtkWidget *widget,
                               int        width,
                               int        height,
                               int        baseline)
{
  SrmQuizWindow *self = SRM_QUIZ_WINDOW (widget);
  const char *size_class = NULL;

  GTK_WIDGET_CLASS (srm_quiz_window_parent_class)->size_allocate (widget, width, height, baseline);

  if (width >= 1600 && height >= 950)
    size_class = "quiz-large";
  else if (width < 1200 || height < 900)
    size_class = "quiz-small";

  if (size_class != self->size_class)
    {
      self->size_class = size_class;
      if (self->size_class_idle == 0)
        self->size_class_idle = g_idle_add (apply_size_class, self);
    }
}

/* ---- GObject ---- */

static GtkWidget *
create_answer_button (SrmQuizWindow *self,
                      guint          index)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 18);
  g_autofree char *number_text = g_strdup_printf ("%u", index + 1);
  GtkWidget *number = gtk_label_new (number_text);
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *verdict = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *icon = gtk_image_new ();
  GtkWidget *words = gtk_label_new (NULL);

  gtk_widget_add_css_class (number, "quiz-answer-number");
  gtk_widget_set_valign (number, GTK_ALIGN_CENTER);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_add_css_class (label, "quiz-answer-label");
  gtk_widget_add_css_class (verdict, "quiz-answer-verdict");
  gtk_widget_set_valign (verdict, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (verdict), icon);
  gtk_box_append (GTK_BOX (verdict), words);
  gtk_widget_set_visible (verdict, FALSE);

  gtk_box_append (GTK_BOX (box), number);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), verdict);
  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_widget_add_css_class (button, "quiz-answer");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "quiz.answer");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "u", index);

  self->answer_labels[index] = GTK_LABEL (label);
  self->answer_verdicts[index] = verdict;
  self->answer_verdict_icons[index] = GTK_IMAGE (icon);
  self->answer_verdict_labels[index] = GTK_LABEL (words);
  return button;
}

static void
srm_quiz_window_constructed (GObject *object)
{
  SrmQuizWindow *self = SRM_QUIZ_WINDOW (object);

  G_OBJECT_CLASS (srm_quiz_window_parent_class)->constructed (object);

  g_assert (self->catalog != NULL);
  setup_start_page (self);
  show_start_page (self);
}

static void
srm_quiz_window_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  SrmQuizWindow *self = SRM_QUIZ_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CATALOG:
      g_value_set_object (value, self->catalog);
      break;
    case PROP_SCORE:
      g_value_set_uint (value, self->score);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
srm_quiz_window_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  SrmQuizWindow *self = SRM_QUIZ_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CATALOG:
      self->catalog = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
srm_quiz_window_dispose (GObject *object)
{
  SrmQuizWindow *self = SRM_QUIZ_WINDOW (object);

  g_clear_handle_id (&self->size_class_idle, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), SRM_TYPE_QUIZ_WINDOW);
  g_clear_object (&self->quiz);
  g_clear_object (&self->catalog);

  G_OBJECT_CLASS (srm_quiz_window_parent_class)->dispose (object);
}

static void
srm_quiz_window_finalize (GObject *object)
{
  SrmQuizWindow *self = SRM_QUIZ_WINDOW (object);

  g_clear_pointer (&self->missed, g_array_unref);

  G_OBJECT_CLASS (srm_quiz_window_parent_class)->finalize (object);
}

static void
srm_quiz_window_class_init (SrmQuizWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = srm_quiz_window_constructed;
  object_class->get_property = srm_quiz_window_get_property;
  object_class->set_property = srm_quiz_window_set_property;
  object_class->dispose = srm_quiz_window_dispose;
  object_class->finalize = srm_quiz_window_finalize;
  widget_class->size_allocate = srm_quiz_window_size_allocate;

  properties[PROP_CATALOG] =
    g_param_spec_object ("catalog", NULL, NULL, SRM_TYPE_CATALOG,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SCORE] =
    g_param_spec_uint ("score", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/srm-quiz-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SrmQuizWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, SrmQuizWindow, fullscreen_button);
  gtk_widget_class_bind_template_child (widget_class, SrmQuizWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, SrmQuizWindow, catalog_label);
  gtk_widget_class_bind_template_child (widget_class, SrmQuizWindow, count_row);
  gtk_widget_class_bind_template_child (widget_class, SrmQuizWindow, count_spin);
  gtk_widget_class_bind_template_child (widget_class, SrmQuizWindow, seed_spin);
  gtk_widget_class_bind_template_child (widget_class, SrmQuizWindow, error_label);
  gtk_widget_class_bind_template_child (widget_class, SrmQuizWindow, start_button);
  gtk_widget_class_bind_template_child (widget_class, SrmQuizWindow, position_label);
  gtk_widget_class_bind_template_child (widget_class, SrmQuizWindow, score_label);
  gtk_widget_class_bind_template_child (widget_class, SrmQuizWindow, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, SrmQuizWindow, question_label);
  gtk_widget_class_bind_template_child (widget_class, SrmQuizWindow, answers_box);
  gtk_widget_class_bind_template_child (widget_class, SrmQuizWindow, feedback_box);
  gtk_widget_class_bind_template_child (widget_class, SrmQuizWindow, verdict_label);
  gtk_widget_class_bind_template_child (widget_class, SrmQuizWindow, reason_label);
  gtk_widget_class_bind_template_child (widget_class, SrmQuizWindow, sources_box);
  gtk_widget_class_bind_template_child (widget_class, SrmQuizWindow, next_button);
  gtk_widget_class_bind_template_child (widget_class, SrmQuizWindow, result_score_label);
  gtk_widget_class_bind_template_child (widget_class, SrmQuizWindow, result_percent_label);
  gtk_widget_class_bind_template_child (widget_class, SrmQuizWindow, result_message_label);
  gtk_widget_class_bind_template_child (widget_class, SrmQuizWindow, try_again_button);
  gtk_widget_class_bind_template_child (widget_class, SrmQuizWindow, review_heading);
  gtk_widget_class_bind_template_child (widget_class, SrmQuizWindow, review_list);

  gtk_widget_class_install_action (widget_class, "quiz.start", NULL, start_activated);
  gtk_widget_class_install_action (widget_class, "quiz.answer", "u", answer_activated);
  gtk_widget_class_install_action (widget_class, "quiz.next", NULL, next_activated);
  gtk_widget_class_install_action (widget_class, "quiz.try-again", NULL, try_again_activated);
  gtk_widget_class_install_action (widget_class, "quiz.new-quiz", NULL, new_quiz_activated);
  gtk_widget_class_install_action (widget_class, "quiz.new-seed", NULL, new_seed_activated);
  gtk_widget_class_install_action (widget_class, "quiz.fullscreen", NULL, fullscreen_activated);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F11, 0, "quiz.fullscreen", NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Escape, 0, escape_pressed, NULL);
}

static void
srm_quiz_window_init (SrmQuizWindow *self)
{
  GtkEventController *keys;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->missed = g_array_new (FALSE, FALSE, sizeof (Miss));
  self->chosen = -1;

  for (guint i = 0; i < MAX_CHOICES; i++)
    {
      self->answer_buttons[i] = create_answer_button (self, i);
      gtk_box_append (self->answers_box, self->answer_buttons[i]);
    }

  /* Capture phase: the digits and arrows must reach the quiz before focus
   * navigation or a focused button takes them. */
  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);

  g_signal_connect_swapped (gtk_editable_get_delegate (GTK_EDITABLE (self->count_spin)), "activate",
                            G_CALLBACK (on_spin_activate), self);
  g_signal_connect_swapped (gtk_editable_get_delegate (GTK_EDITABLE (self->seed_spin)), "activate",
                            G_CALLBACK (on_spin_activate), self);
  g_signal_connect (self, "notify::fullscreened", G_CALLBACK (on_fullscreened_changed), NULL);
  on_fullscreened_changed (self);
}
