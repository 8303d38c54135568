/* test-scoring.c: the numbers a team reads off its assessment: scores per
 * layer, service and overall, the order of open gaps, what is overdue on which
 * day; and the command line helpers that print them.
 *
 * The worked example is the one in docs/assessment-format.md, on the example
 * file data/examples/app-service-sql-keyvault.srma, on 2026-11-25.
 */
#include <string.h>

#include <json-glib/json-glib.h>

#include "srm-model.h"

/* The helpers live beside srm-cli.c in the program, not in the model library;
 * compiling them in here tests them without the GTK program. */
#include "srm-cli-assessment.h"

static char *
example_path (void)
{
  return g_test_build_filename (G_TEST_DIST, "..", "data", "examples",
                                "app-service-sql-keyvault.srma", NULL);
}

static SrmCatalog *
azure_catalog (void)
{
  g_autoptr(GError) error = NULL;
  SrmCatalog *catalog;

  srm_catalog_registry_builtin_paths ();   /* registers the resource */
  catalog = srm_catalog_new_from_resource ("/io/github/srmexplorer/SrmExplorer/catalogs/azure.json", &error);
  g_assert_no_error (error);
  return catalog;
}

static SrmAssessment *
load_example (gboolean attach)
{
  g_autofree char *path = example_path ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  SrmAssessment *assessment = srm_assessment_new_from_file (file, NULL, &error);

  g_assert_no_error (error);
  if (attach)
    {
      g_autoptr(SrmCatalog) catalog = azure_catalog ();

      srm_assessment_attach_catalog (assessment, catalog);
    }
  return assessment;
}

static void
date_set (GDate *date,
          int    year,
          int    month,
          int    day)
{
  g_date_clear (date, 1);
  g_date_set_dmy (date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
}

static void
assert_tally (const SrmScoreTally *tally,
              double               points,
              guint                counted,
              guint                total)
{
  double score;

  g_assert_cmpfloat_with_epsilon (tally->points, points, 1e-9);
  g_assert_cmpuint (tally->counted, ==, counted);
  g_assert_cmpuint (tally->total, ==, total);
  g_assert_true (srm_score_tally_get_score (tally, &score));
  g_assert_cmpfloat_with_epsilon (score, points / counted, 1e-9);
}

static void
assert_duties (GListModel         *answers,
               const char * const *expected)
{
  guint n = g_list_model_get_n_items (answers);

  g_assert_cmpuint (n, ==, g_strv_length ((GStrv) expected));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SrmAnswer) answer = g_list_model_get_item (answers, i);

      g_assert_cmpstr (srm_answer_get_duty_id (answer), ==, expected[i]);
    }
}

static void
test_worked_example (void)
{
  g_autoptr(SrmAssessment) assessment = load_example (TRUE);
  g_autoptr(SrmAssessmentScore) score = NULL;
  const SrmScoreTally *overall;
  const char * const layers[] = { "data", "accounts", "applications", "network-controls", NULL };
  const char * const services[] = { "app-service", "azure-sql-db", "key-vault", NULL };
  const char * const gaps[] = {
    "azure-sql-db-backup-geo", "key-vault-rotation",          /* data: 11-15, 12-31 */
    "app-service-identity-secrets",                           /* accounts */
    "app-service-code-dependencies",                          /* applications */
    "azure-sql-db-firewall", "key-vault-private-access-logging", /* network: 11-25, none */
    NULL,
  };
  const char * const overdue[] = {
    "azure-sql-db-backup-geo", "app-service-identity-secrets", "app-service-code-dependencies", NULL,
  };
  GDate today;

  date_set (&today, 2026, 11, 25);
  score = srm_assessment_score_new (assessment, &today);

  /* 4 implemented + 3 in progress × 0.5 = 5.5 points over 10 counted
   * (12 answers less 1 not applicable and 1 risk accepted): 55 %. */
  overall = srm_assessment_score_get_overall (score);
  assert_tally (overall, 5.5, 10, 12);
  g_assert_cmpuint (overall->by_status[SRM_ANSWER_STATUS_IMPLEMENTED], ==, 4);
  g_assert_cmpuint (overall->by_status[SRM_ANSWER_STATUS_IN_PROGRESS], ==, 3);
  g_assert_cmpuint (overall->by_status[SRM_ANSWER_STATUS_NOT_STARTED], ==, 2);
  g_assert_cmpuint (overall->by_status[SRM_ANSWER_STATUS_NOT_ASSESSED], ==, 1);
  g_assert_cmpuint (overall->by_status[SRM_ANSWER_STATUS_NOT_APPLICABLE], ==, 1);
  g_assert_cmpuint (overall->by_status[SRM_ANSWER_STATUS_RISK_ACCEPTED], ==, 1);

  g_assert_cmpuint (srm_assessment_score_get_n_layers (score), ==, 4);
  for (guint i = 0; i < 4; i++)
    g_assert_cmpstr (srm_assessment_score_get_layer_id (score, i), ==, layers[i]);
  assert_tally (srm_assessment_score_get_layer (score, 0), 2.5, 4, 4);   /* 62.5 % */
  assert_tally (srm_assessment_score_get_layer (score, 1), 1.5, 2, 3);   /* 75 % */
  assert_tally (srm_assessment_score_get_layer (score, 2), 0.0, 1, 2);   /* 0 % */
  assert_tally (srm_assessment_score_get_layer (score, 3), 1.5, 3, 3);   /* 50 % */

  g_assert_cmpuint (srm_assessment_score_get_n_services (score), ==, 3);
  for (guint i = 0; i < 3; i++)
    g_assert_cmpstr (srm_assessment_score_get_service_id (score, i), ==, services[i]);
  assert_tally (srm_assessment_score_get_service (score, 0), 1.5, 3, 4);   /* 50 % */
  assert_tally (srm_assessment_score_get_service (score, 1), 3.0, 4, 4);   /* 75 % */
  assert_tally (srm_assessment_score_get_service (score, 2), 1.0, 3, 4);   /* 33.3 % */

  assert_duties (srm_assessment_score_get_gaps (score), gaps);
  assert_duties (srm_assessment_score_get_overdue (score), overdue);
}

static void
test_no_duties_is_not_zero (void)
{
  g_autoptr(SrmCatalog) catalog = azure_catalog ();
  const char *services[] = { "key-vault", NULL };
  g_autoptr(SrmAssessment) assessment = srm_assessment_new_for_selection (catalog, NULL, services);
  g_autoptr(SrmAssessmentScore) score = NULL;
  g_autoptr(SrmAssessment) empty = NULL;
  g_autoptr(SrmAssessmentScore) empty_score = NULL;
  GListModel *answers = srm_assessment_get_answers (assessment);
  double value = -1;
  GDate today;

  date_set (&today, 2026, 11, 25);
  for (guint i = 0; i < g_list_model_get_n_items (answers); i++)
    {
      g_autoptr(SrmAnswer) answer = g_list_model_get_item (answers, i);

      srm_answer_set_status (answer, g_str_equal (srm_answer_get_layer_id (answer), "data")
                                     ? SRM_ANSWER_STATUS_NOT_APPLICABLE
                                     : SRM_ANSWER_STATUS_IMPLEMENTED);
    }
  score = srm_assessment_score_new (assessment, &today);

  /* Key Vault: data (purge protection, rotation) both n/a: no duties, not 0 %. */
  g_assert_cmpstr (srm_assessment_score_get_layer_id (score, 0), ==, "data");
  g_assert_false (srm_score_tally_get_score (srm_assessment_score_get_layer (score, 0), &value));
  g_assert_cmpfloat (value, ==, -1);
  g_assert_cmpuint (srm_assessment_score_get_layer (score, 0)->total, ==, 2);
  g_assert_cmpuint (srm_assessment_score_get_layer (score, 0)->by_status[SRM_ANSWER_STATUS_NOT_APPLICABLE], ==, 2);
  assert_tally (srm_assessment_score_get_overall (score), 2.0, 2, 4);
  g_assert_cmpuint (g_list_model_get_n_items (srm_assessment_score_get_gaps (score)), ==, 0);

  /* An assessment without answers. */
  empty = srm_assessment_new_for_selection (catalog, NULL, NULL);
  empty_score = srm_assessment_score_new (empty, &today);
  g_assert_false (srm_score_tally_get_score (srm_assessment_score_get_overall (empty_score), NULL));
  g_assert_cmpuint (srm_assessment_score_get_n_layers (empty_score), ==, 0);
}

static void
test_overdue_boundary (void)
{
  g_autoptr(SrmCatalog) catalog = azure_catalog ();
  const char *services[] = { "app-service", "key-vault", NULL };
  g_autoptr(SrmAssessment) assessment = srm_assessment_new_for_selection (catalog, NULL, services);
  g_autoptr(SrmAssessmentScore) score = NULL;
  struct {
    const char      *duty;
    SrmAnswerStatus  status;
    int              day_offset;
    gboolean         overdue;
  } cases[] = {
    { "app-service-code-dependencies", SRM_ANSWER_STATUS_NOT_STARTED, -1, TRUE },    /* yesterday */
    { "app-service-runtime-upgrades", SRM_ANSWER_STATUS_IN_PROGRESS, 0, FALSE },     /* today */
    { "app-service-https-tls", SRM_ANSWER_STATUS_NOT_STARTED, +1, FALSE },           /* tomorrow */
    { "app-service-identity-secrets", SRM_ANSWER_STATUS_IMPLEMENTED, -30, FALSE },   /* done */
    { "key-vault-rbac", SRM_ANSWER_STATUS_NOT_APPLICABLE, -30, FALSE },
    { "key-vault-purge-protection", SRM_ANSWER_STATUS_RISK_ACCEPTED, -30, FALSE },
    { "key-vault-rotation", SRM_ANSWER_STATUS_NOT_ASSESSED, -365, TRUE },
    { "key-vault-private-access-logging", SRM_ANSWER_STATUS_IN_PROGRESS, -2, TRUE },
  };
  GListModel *overdue;
  GDate today;
  guint n_expected = 0;

  /* Across a month and year end, to catch date arithmetic. */
  date_set (&today, 2027, 1, 1);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      SrmAnswer *answer = srm_assessment_lookup_answer (assessment, cases[i].duty);
      GDate due = today;

      g_assert_nonnull (answer);
      if (cases[i].day_offset < 0)
        g_date_subtract_days (&due, (guint) -cases[i].day_offset);
      else
        g_date_add_days (&due, (guint) cases[i].day_offset);
      srm_answer_set_status (answer, cases[i].status);
      srm_answer_set_due (answer, &due);
      n_expected += cases[i].overdue;
    }

  score = srm_assessment_score_new (assessment, &today);
  overdue = srm_assessment_score_get_overdue (score);
  g_assert_cmpuint (g_list_model_get_n_items (overdue), ==, n_expected);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gboolean found = FALSE;

      for (guint j = 0; j < g_list_model_get_n_items (overdue); j++)
        {
          g_autoptr(SrmAnswer) answer = g_list_model_get_item (overdue, j);

          found |= g_str_equal (srm_answer_get_duty_id (answer), cases[i].duty);
        }
      if (found != cases[i].overdue)
        g_error ("%s: expected overdue=%d", cases[i].duty, cases[i].overdue);
    }
}

static void
test_gaps_order (void)
{
  g_autoptr(SrmCatalog) catalog = azure_catalog ();
  const char *services[] = { "storage", "key-vault", NULL };
  g_autoptr(SrmAssessment) assessment = srm_assessment_new_for_selection (catalog, NULL, services);
  g_autoptr(SrmAssessmentScore) score = NULL;
  GDate today, late, early;
  /* Data layer: storage-soft-delete-redundancy, storage-secure-transfer-keys,
   * key-vault-purge-protection, key-vault-rotation (catalog order). */
  const char * const expected[] = {
    "key-vault-rotation",                 /* data, due early */
    "storage-secure-transfer-keys",       /* data, due late */
    "storage-soft-delete-redundancy",     /* data, no date: catalog order */
    "key-vault-purge-protection",
    "storage-shared-key",                 /* accounts, no date */
    "key-vault-rbac",
    "storage-public-access",              /* network controls */
    "key-vault-private-access-logging",
    NULL,
  };

  date_set (&today, 2026, 11, 25);
  date_set (&early, 2026, 12, 1);
  date_set (&late, 2027, 3, 1);
  srm_answer_set_due (srm_assessment_lookup_answer (assessment, "storage-secure-transfer-keys"), &late);
  srm_answer_set_due (srm_assessment_lookup_answer (assessment, "key-vault-rotation"), &early);
  score = srm_assessment_score_new (assessment, &today);
  assert_duties (srm_assessment_score_get_gaps (score), expected);
  g_assert_cmpuint (g_list_model_get_n_items (srm_assessment_score_get_overdue (score)), ==, 0);
}

/* ---- the command line helpers, run in subprocesses to see their output ---- */

static void
test_cli_validate (void)
{
  if (g_test_subprocess ())
    {
      g_autofree char *path = example_path ();

      exit (srm_cli_validate_assessment (path, FALSE));
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  /* The overdue count depends on the real today: match the start. */
  g_test_trap_assert_stdout ("app-service-sql-keyvault.srma: valid assessment, 12 answers, 55% done, * overdue\n");
  g_test_trap_assert_stderr ("");
}

static void
test_cli_validate_json (void)
{
  if (g_test_subprocess ())
    {
      g_autofree char *path = example_path ();

      exit (srm_cli_validate_assessment (path, TRUE));
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stdout ("*\"valid\" : true,*\"answers\" : 12,*\"orphaned\" : 0,*\"score\" : 0.55*\"percent\" : 55,*");
}

static void
test_cli_validate_broken (void)
{
  if (g_test_subprocess ())
    {
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "assessment-invalid-status.srma", NULL);

      exit (srm_cli_validate_assessment (path, FALSE));
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stdout ("");
  g_test_trap_assert_stderr ("assessment-invalid-status.srma: answers[1].status: unknown status \"done\"*");
}

static void
test_cli_missing_catalog (void)
{
  if (g_test_subprocess ())
    {
      g_autofree char *dir = g_dir_make_tmp ("srm-cli-XXXXXX", NULL);
      g_autofree char *path = g_build_filename (dir, "other.srma", NULL);
      g_autofree char *example = example_path ();
      g_autofree char *text = NULL;
      g_autofree char *changed = NULL;
      GRegex *regex = g_regex_new ("\"id\" : \"azure\"", 0, 0, NULL);

      g_file_get_contents (example, &text, NULL, NULL);
      changed = g_regex_replace_literal (regex, text, -1, 0, "\"id\" : \"gone-catalog\"", 0, NULL);
      g_regex_unref (regex);
      g_file_set_contents (path, changed, -1, NULL);
      exit (srm_cli_validate_assessment (path, FALSE));
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stdout ("other.srma: valid assessment, 12 answers, 55% done, *");
  g_test_trap_assert_stderr ("other.srma: warning: the catalog \"gone-catalog\" is not installed*");
}

static void
test_cli_summary_json (void)
{
  if (g_test_subprocess ())
    {
      g_autofree char *path = example_path ();
      GDate today;

      date_set (&today, 2026, 11, 25);
      exit (srm_cli_summary (path, TRUE, &today));
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stdout ("{*\"today\" : \"2026-11-25\"*\"overall\" : {*\"score\" : 0.55*"
                             "\"percent\" : 55,*\"layers\" : [*\"id\" : \"data\"*\"name\" : \"Information and data\"*\"score\" : 0.625*"
                             "\"gaps\" : [*\"duty\" : \"azure-sql-db-backup-geo\"*"
                             "\"overdue\" : [*\"duty\" : \"azure-sql-db-backup-geo\"*"
                             "\"due\" : \"2026-11-15\"*\"overdue\" : true*");
}

static void
test_cli_summary_text (void)
{
  if (g_test_subprocess ())
    {
      g_autofree char *path = example_path ();
      GDate today;

      date_set (&today, 2026, 11, 25);
      exit (srm_cli_summary (path, FALSE, &today));
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stdout ("Contoso web shop: customer duties\n*Score by layer\n*Information and data*63%*"
                             "Overall*55%*5.5 of 10 counted, 2 not applicable or risk accepted*"
                             "Open gaps (6)*Overdue (3)*app-service-code-dependencies*");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/scoring/worked-example", test_worked_example);
  g_test_add_func ("/scoring/no-duties-is-not-zero", test_no_duties_is_not_zero);
  g_test_add_func ("/scoring/overdue-boundary", test_overdue_boundary);
  g_test_add_func ("/scoring/gaps-order", test_gaps_order);
  g_test_add_func ("/scoring/cli/validate", test_cli_validate);
  g_test_add_func ("/scoring/cli/validate-json", test_cli_validate_json);
  g_test_add_func ("/scoring/cli/validate-broken", test_cli_validate_broken);
  g_test_add_func ("/scoring/cli/missing-catalog", test_cli_missing_catalog);
  g_test_add_func ("/scoring/cli/summary-json", test_cli_summary_json);
  g_test_add_func ("/scoring/cli/summary-text", test_cli_summary_text);

  return g_test_run ();
}
