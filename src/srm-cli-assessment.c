/* srm-cli-assessment.c: --validate-assessment and --summary.
 *
 * Both load the file, attach the catalog it names (when installed) and score
 * it with SrmAssessmentScore, so the numbers are the app's. JSON output is a
 * contract for scripts: its keys and their order are documented in
 * docs/assessment-format.md.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "srm-cli-assessment.h"
#include "srm-cli-common.h"
#include "srm-model.h"

typedef struct {
  char               *name;
  SrmAssessment      *assessment;
  SrmCatalog         *catalog;     /* NULL when not installed */
  SrmCatalogRegistry *registry;
} Loaded;

static void
loaded_clear (Loaded *loaded)
{
  g_clear_pointer (&loaded->name, g_free);
  g_clear_object (&loaded->assessment);
  g_clear_object (&loaded->catalog);
  g_clear_object (&loaded->registry);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Loaded, loaded_clear)

static const char *
error_code_name (const GError *error)
{
  static const char * const names[] = {
    "read", "too-large", "encoding", "syntax", "too-deep", "missing-field",
    "wrong-type", "invalid-value", "duplicate", "unsupported-version", "write",
  };

  if (error->domain == SRM_ASSESSMENT_ERROR && (guint) error->code < G_N_ELEMENTS (names))
    return names[error->code];
  return "read";
}

/* Loads @path and attaches its catalog; FALSE after printing the error. */
static gboolean
load (const char *path,
      gboolean    json,
      Loaded     *loaded)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GError) error = NULL;
  const char *catalog_id;

  loaded->name = g_file_get_basename (file);
  if (loaded->name == NULL || !g_utf8_validate (loaded->name, -1, NULL))
    {
      g_free (loaded->name);
      loaded->name = g_file_get_parse_name (file);
    }

  loaded->assessment = srm_assessment_new_from_file (file, NULL, &error);
  if (loaded->assessment == NULL)
    {
      g_printerr ("%s\n", error->message);
      if (json)
        {
          g_autoptr(JsonBuilder) builder = json_builder_new ();
          g_autoptr(JsonNode) root = NULL;

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "file");
          json_builder_add_string_value (builder, loaded->name);
          json_builder_set_member_name (builder, "valid");
          json_builder_add_boolean_value (builder, FALSE);
          json_builder_set_member_name (builder, "error");
          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "code");
          json_builder_add_string_value (builder, error_code_name (error));
          json_builder_set_member_name (builder, "message");
          json_builder_add_string_value (builder, error->message);
          json_builder_end_object (builder);
          json_builder_end_object (builder);
          root = json_builder_get_root (builder);
          srm_cli_print_json (root);
        }
      return FALSE;
    }

  loaded->registry = srm_catalog_registry_new (NULL);
  catalog_id = srm_assessment_get_catalog_id (loaded->assessment);
  loaded->catalog = srm_catalog_registry_lookup (loaded->registry, catalog_id);
  if (loaded->catalog != NULL)
    {
      g_object_ref (loaded->catalog);
      srm_assessment_attach_catalog (loaded->assessment, loaded->catalog);
    }
  else
    /* Translators: file name, catalog id */
    g_printerr (_("%s: warning: the catalog \"%s\" is not installed; every answer is orphaned\n"),
                loaded->name, catalog_id);

  return TRUE;
}

static guint
n_answers (Loaded *loaded)
{
  return g_list_model_get_n_items (srm_assessment_get_answers (loaded->assessment));
}

static guint
n_orphaned (Loaded *loaded)
{
  if (loaded->catalog == NULL)
    return n_answers (loaded);
  return srm_assessment_get_n_orphaned (loaded->assessment);
}

static void
local_today (GDate *today)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  g_date_clear (today, 1);
  g_date_set_dmy (today, (GDateDay) g_date_time_get_day_of_month (now),
                  (GDateMonth) g_date_time_get_month (now),
                  (GDateYear) g_date_time_get_year (now));
}

static char *
format_date (const GDate *date)
{
  return g_strdup_printf ("%04u-%02u-%02u", (guint) g_date_get_year (date),
                          (guint) g_date_get_month (date), (guint) g_date_get_day (date));
}

/* "55%", or "no duties" when nothing is counted. */
static char *
format_score (const SrmScoreTally *tally)
{
  double score;

  if (!srm_score_tally_get_score (tally, &score))
    return g_strdup (_("no duties"));
  return g_strdup_printf ("%d%%", (int) (score * 100.0 + 0.5));
}

int
srm_cli_validate_assessment (const char *path,
                             gboolean    json)
{
  g_auto(Loaded) loaded = { 0, };
  g_autoptr(SrmAssessmentScore) score = NULL;
  const SrmScoreTally *overall;
  guint n_overdue;
  GDate today;
  double value;

  g_return_val_if_fail (path != NULL, 1);

  if (!load (path, json, &loaded))
    return 1;

  local_today (&today);
  score = srm_assessment_score_new (loaded.assessment, &today);
  overall = srm_assessment_score_get_overall (score);
  n_overdue = g_list_model_get_n_items (srm_assessment_score_get_overdue (score));

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "file");
      json_builder_add_string_value (builder, loaded.name);
      json_builder_set_member_name (builder, "valid");
      json_builder_add_boolean_value (builder, TRUE);
      json_builder_set_member_name (builder, "answers");
      json_builder_add_int_value (builder, n_answers (&loaded));
      json_builder_set_member_name (builder, "orphaned");
      json_builder_add_int_value (builder, n_orphaned (&loaded));
      json_builder_set_member_name (builder, "score");
      if (srm_score_tally_get_score (overall, &value))
        json_builder_add_double_value (builder, value);
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "percent");
      if (srm_score_tally_get_score (overall, &value))
        json_builder_add_int_value (builder, (gint64) (value * 100.0 + 0.5));
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "overdue");
      json_builder_add_int_value (builder, n_overdue);
      json_builder_end_object (builder);
      root = json_builder_get_root (builder);
      srm_cli_print_json (root);
    }
  else
    {
      g_autofree char *answers = NULL;
      g_autofree char *done = NULL;
      g_autofree char *overdue = NULL;

      answers = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u answer", "%u answers",
                                              n_answers (&loaded)), n_answers (&loaded));
      if (srm_score_tally_get_score (overall, &value))
        /* Translators: a percentage of the work done, e.g. "55% done" */
        done = g_strdup_printf (_("%d%% done"), (int) (value * 100.0 + 0.5));
      else
        done = g_strdup (_("no duties counted"));
      overdue = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u overdue", "%u overdue", n_overdue),
                                 n_overdue);
      /* Translators: file name, "12 answers", "55% done", "3 overdue" */
      g_print (_("%s: valid assessment, %s, %s, %s\n"), loaded.name, answers, done, overdue);
    }

  return 0;
}

/* ---- --summary ---- */

static const char *
layer_name (Loaded     *loaded,
            const char *layer_id)
{
  SrmLayer *layer = NULL;

  if (loaded->catalog != NULL && *layer_id != '\0')
    layer = srm_catalog_lookup_layer (loaded->catalog, layer_id);
  if (layer != NULL)
    return srm_layer_get_name (layer);
  return *layer_id != '\0' ? layer_id : _("(no layer)");
}

static const char *
service_name (Loaded     *loaded,
              const char *service_id)
{
  SrmService *service = NULL;

  if (loaded->catalog != NULL)
    service = srm_catalog_lookup_service (loaded->catalog, service_id);
  return service != NULL ? srm_service_get_name (service) : service_id;
}

static void
add_tally (JsonBuilder         *builder,
           const SrmScoreTally *tally)
{
  double score;

  /* The score as computed, and rounded for people: JSON numbers print 0.55
   * as 0.55000000000000004. */
  json_builder_set_member_name (builder, "score");
  if (srm_score_tally_get_score (tally, &score))
    json_builder_add_double_value (builder, score);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "percent");
  if (srm_score_tally_get_score (tally, &score))
    json_builder_add_int_value (builder, (gint64) (score * 100.0 + 0.5));
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "points");
  json_builder_add_double_value (builder, tally->points);
  json_builder_set_member_name (builder, "counted");
  json_builder_add_int_value (builder, tally->counted);
  json_builder_set_member_name (builder, "total");
  json_builder_add_int_value (builder, tally->total);
  json_builder_set_member_name (builder, "statuses");
  json_builder_begin_object (builder);
  for (guint s = SRM_ANSWER_STATUS_NOT_ASSESSED; s <= SRM_ANSWER_STATUS_RISK_ACCEPTED; s++)
    {
      json_builder_set_member_name (builder, srm_answer_status_to_string (s));
      json_builder_add_int_value (builder, tally->by_status[s]);
    }
  json_builder_end_object (builder);
}

static gboolean
is_overdue (SrmAnswer   *answer,
            const GDate *today)
{
  const GDate *due = srm_answer_get_due (answer);
  SrmAnswerStatus status = srm_answer_get_status (answer);

  return due != NULL && g_date_compare (due, today) < 0 &&
         status != SRM_ANSWER_STATUS_IMPLEMENTED &&
         status != SRM_ANSWER_STATUS_NOT_APPLICABLE &&
         status != SRM_ANSWER_STATUS_RISK_ACCEPTED;
}

static void
add_items (JsonBuilder *builder,
           GListModel  *answers,
           const GDate *today)
{
  guint n = g_list_model_get_n_items (answers);

  json_builder_begin_array (builder);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SrmAnswer) answer = g_list_model_get_item (answers, i);
      const GDate *due = srm_answer_get_due (answer);
      SrmDuty *duty = srm_answer_get_duty (answer);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "duty");
      json_builder_add_string_value (builder, srm_answer_get_duty_id (answer));
      json_builder_set_member_name (builder, "service");
      json_builder_add_string_value (builder, srm_answer_get_service_id (answer));
      json_builder_set_member_name (builder, "layer");
      if (srm_answer_get_layer_id (answer) != NULL)
        json_builder_add_string_value (builder, srm_answer_get_layer_id (answer));
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "status");
      json_builder_add_string_value (builder, srm_answer_status_to_string (srm_answer_get_status (answer)));
      json_builder_set_member_name (builder, "owner");
      json_builder_add_string_value (builder, srm_answer_get_owner (answer));
      json_builder_set_member_name (builder, "due");
      if (due != NULL)
        {
          g_autofree char *text = format_date (due);

          json_builder_add_string_value (builder, text);
        }
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "overdue");
      json_builder_add_boolean_value (builder, is_overdue (answer, today));
      json_builder_set_member_name (builder, "text");
      if (duty != NULL)
        json_builder_add_string_value (builder, srm_duty_get_text (duty));
      else
        json_builder_add_null_value (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
summary_json (Loaded             *loaded,
              SrmAssessmentScore *score,
              const GDate        *today)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *today_text = format_date (today);
  SrmAssessment *assessment = loaded->assessment;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "file");
  json_builder_add_string_value (builder, loaded->name);
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, srm_assessment_get_title (assessment));
  json_builder_set_member_name (builder, "organisation");
  json_builder_add_string_value (builder, srm_assessment_get_organisation (assessment));
  json_builder_set_member_name (builder, "catalog");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, srm_assessment_get_catalog_id (assessment));
  json_builder_set_member_name (builder, "version");
  if (srm_assessment_get_catalog_version (assessment) != NULL)
    json_builder_add_string_value (builder, srm_assessment_get_catalog_version (assessment));
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "installed");
  json_builder_add_boolean_value (builder, loaded->catalog != NULL);
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "today");
  json_builder_add_string_value (builder, today_text);
  json_builder_set_member_name (builder, "answers");
  json_builder_add_int_value (builder, n_answers (loaded));
  json_builder_set_member_name (builder, "orphaned");
  json_builder_add_int_value (builder, n_orphaned (loaded));

  json_builder_set_member_name (builder, "overall");
  json_builder_begin_object (builder);
  add_tally (builder, srm_assessment_score_get_overall (score));
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "layers");
  json_builder_begin_array (builder);
  for (guint i = 0; i < srm_assessment_score_get_n_layers (score); i++)
    {
      const char *id = srm_assessment_score_get_layer_id (score, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, id);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, layer_name (loaded, id));
      add_tally (builder, srm_assessment_score_get_layer (score, i));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "services");
  json_builder_begin_array (builder);
  for (guint i = 0; i < srm_assessment_score_get_n_services (score); i++)
    {
      const char *id = srm_assessment_score_get_service_id (score, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, id);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, service_name (loaded, id));
      add_tally (builder, srm_assessment_score_get_service (score, i));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "gaps");
  add_items (builder, srm_assessment_score_get_gaps (score), today);
  json_builder_set_member_name (builder, "overdue");
  add_items (builder, srm_assessment_score_get_overdue (score), today);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  srm_cli_print_json (root);
}

static void
print_tally_line (const char          *label,
                  const SrmScoreTally *tally)
{
  g_autofree char *score = format_score (tally);
  guint excluded = tally->by_status[SRM_ANSWER_STATUS_NOT_APPLICABLE] +
                   tally->by_status[SRM_ANSWER_STATUS_RISK_ACCEPTED];

  /* Translators: a label, a score ("55%"), points, counted duties, excluded duties */
  g_print (_("  %-32s %9s  %4.1f of %u counted, %u not applicable or risk accepted\n"),
           label, score, tally->points, tally->counted, excluded);
}

static void
print_items (Loaded      *loaded,
             GListModel  *answers,
             const GDate *today)
{
  guint n = g_list_model_get_n_items (answers);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SrmAnswer) answer = g_list_model_get_item (answers, i);
      const GDate *due = srm_answer_get_due (answer);
      g_autofree char *due_text = due != NULL ? format_date (due) : g_strdup (_("no due date"));
      const char *layer_id = srm_answer_get_layer_id (answer);

      g_print ("  %-24s %-36s %-15s %-10s%s  %s\n",
               layer_name (loaded, layer_id != NULL ? layer_id : ""),
               srm_answer_get_duty_id (answer),
               srm_answer_status_to_string (srm_answer_get_status (answer)),
               due_text,
               is_overdue (answer, today) ? _(" overdue") : "",
               srm_answer_get_owner (answer));
    }
  if (n == 0)
    g_print ("  %s\n", _("none"));
}

static void
summary_text (Loaded             *loaded,
              SrmAssessmentScore *score,
              const GDate        *today)
{
  g_autofree char *today_text = format_date (today);
  SrmAssessment *assessment = loaded->assessment;
  GListModel *gaps = srm_assessment_score_get_gaps (score);
  GListModel *overdue = srm_assessment_score_get_overdue (score);
  const char *title = srm_assessment_get_title (assessment);

  g_print ("%s\n", *title != '\0' ? title : loaded->name);
  /* Translators: file, catalog id, catalog version, number of answers, a date */
  g_print (_("%s · catalog %s %s · %u answers · as of %s\n"), loaded->name,
           srm_assessment_get_catalog_id (assessment),
           srm_assessment_get_catalog_version (assessment) != NULL
             ? srm_assessment_get_catalog_version (assessment) : "",
           n_answers (loaded), today_text);
  if (n_orphaned (loaded) > 0)
    g_print (g_dngettext (GETTEXT_PACKAGE,
                          "%u answer is for a duty the catalog does not have (orphaned)\n",
                          "%u answers are for duties the catalog does not have (orphaned)\n",
                          n_orphaned (loaded)),
             n_orphaned (loaded));

  g_print ("\n%s\n", _("Score by layer"));
  for (guint i = 0; i < srm_assessment_score_get_n_layers (score); i++)
    print_tally_line (layer_name (loaded, srm_assessment_score_get_layer_id (score, i)),
                      srm_assessment_score_get_layer (score, i));

  g_print ("\n%s\n", _("Score by service"));
  for (guint i = 0; i < srm_assessment_score_get_n_services (score); i++)
    print_tally_line (service_name (loaded, srm_assessment_score_get_service_id (score, i)),
                      srm_assessment_score_get_service (score, i));

  g_print ("\n");
  print_tally_line (_("Overall"), srm_assessment_score_get_overall (score));

  g_print ("\n%s (%u)\n", _("Open gaps"), g_list_model_get_n_items (gaps));
  print_items (loaded, gaps, today);
  g_print ("\n%s (%u)\n", _("Overdue"), g_list_model_get_n_items (overdue));
  print_items (loaded, overdue, today);
}

int
srm_cli_summary (const char *path,
                 gboolean    json,
                 GDate      *today)
{
  g_auto(Loaded) loaded = { 0, };
  g_autoptr(SrmAssessmentScore) score = NULL;
  GDate local;

  g_return_val_if_fail (path != NULL, 1);
  g_return_val_if_fail (today == NULL || g_date_valid (today), 1);

  if (!load (path, json, &loaded))
    return 1;

  if (today == NULL)
    {
      local_today (&local);
      today = &local;
    }

  score = srm_assessment_score_new (loaded.assessment, today);
  if (json)
    summary_json (&loaded, score, today);
  else
    summary_text (&loaded, score, today);
  return 0;
}
