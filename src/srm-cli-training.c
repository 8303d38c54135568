/* srm-cli-training.c: quiz, tour check and comparison on the command line.
 *
 * Kept apart from srm-cli.c, which parses the options and calls these. Like
 * the rest of the command line they need no display. JSON output is for
 * scripts: keys are stable (docs/quiz.md, docs/tour-format.md).
 */
#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "srm-cli-common.h"
#include "srm-cli-training.h"

/* A quiz longer than this is not a quiz a room sits through. */
#define MAX_QUIZ_QUESTIONS 200

static SrmCatalogRegistry *
ensure_registry (SrmCatalogRegistry *registry)
{
  if (registry != NULL)
    return g_object_ref (registry);
  return srm_catalog_registry_new (NULL);
}

static void
print_quiz_key (SrmQuiz    *quiz,
                SrmCatalog *catalog)
{
  guint n = srm_quiz_get_n_questions (quiz);

  /* Translators: catalog title, seed, number of questions */
  g_print (_("Quiz on “%s”, seed %u, %u questions (answers marked *)\n"),
           srm_catalog_get_title (catalog), srm_quiz_get_seed (quiz), n);

  for (guint i = 0; i < n; i++)
    {
      SrmQuizQuestion *question = srm_quiz_get_question (quiz, i);
      const char * const *choices = srm_quiz_question_get_choices (question);
      GListModel *sources = srm_quiz_question_get_sources (question);

      g_print ("\n%u. %s\n", i + 1, srm_quiz_question_get_text (question));
      for (guint c = 0; choices[c] != NULL; c++)
        g_print ("   %c %c) %s\n", c == srm_quiz_question_get_answer (question) ? '*' : ' ',
                 'a' + c, choices[c]);
      /* Translators: the explanation of a quiz answer */
      g_print ("   %s %s\n", _("Why:"), srm_quiz_question_get_reason (question));
      for (guint s = 0; s < g_list_model_get_n_items (sources); s++)
        {
          g_autoptr(SrmSource) source = g_list_model_get_item (sources, s);
          const char *url = srm_source_get_url (source);

          g_print ("   [%s] %s%s%s\n", srm_source_get_id (source), srm_source_get_title (source),
                   url != NULL ? " " : "", url != NULL ? url : "");
        }
    }
}

int
srm_cli_quiz (SrmCatalogRegistry *registry,
              const char         *catalog_id,
              const char         *catalog_file,
              int                 count,
              gint64              seed,
              gboolean            json)
{
  g_autoptr(SrmCatalogRegistry) own_registry = NULL;
  g_autoptr(SrmCatalog) catalog = NULL;
  g_autoptr(SrmQuiz) quiz = NULL;
  g_autoptr(GError) error = NULL;

  if (catalog_id != NULL && catalog_file != NULL)
    return srm_cli_fail (_("use either --catalog or --catalog-file, not both"));
  if (count < 1 || count > MAX_QUIZ_QUESTIONS)
    return srm_cli_fail (_("a quiz has 1 to %d questions, not %d"), MAX_QUIZ_QUESTIONS, count);
  if (seed > G_MAXUINT32)
    return srm_cli_fail (_("the seed must be between 0 and %u"), G_MAXUINT32);
  if (seed < 0)
    seed = g_random_int ();

  if (catalog_file != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (catalog_file);

      catalog = srm_catalog_new_from_file (file, &error);
      if (catalog == NULL)
        return srm_cli_fail ("%s", error->message);
    }
  else
    {
      own_registry = ensure_registry (registry);
      if (catalog_id == NULL)
        catalog_id = SRM_DEFAULT_CATALOG_ID;
      catalog = srm_catalog_registry_lookup (own_registry, catalog_id);
      if (catalog == NULL)
        return srm_cli_fail (_("unknown catalog “%s” (see --list-catalogs)"), catalog_id);
      g_object_ref (catalog);
    }

  quiz = srm_quiz_generate (catalog, (guint) count, (guint32) seed, &error);
  if (quiz == NULL)
    return srm_cli_fail ("%s", error->message);

  if (srm_quiz_get_n_questions (quiz) < (guint) count)
    g_printerr (_("srm-explorer: the catalog “%s” has only %u different questions\n"),
                srm_catalog_get_id (catalog), srm_quiz_get_n_questions (quiz));

  if (json)
    {
      g_autoptr(JsonNode) root = srm_quiz_to_json (quiz);

      srm_cli_print_json (root);
    }
  else
    print_quiz_key (quiz, catalog);

  return 0;
}

int
srm_cli_validate_tour (const char *path)
{
  g_autoptr(SrmCatalogRegistry) registry = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(SrmTour) tour = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (path != NULL, 2);

  registry = srm_catalog_registry_new (NULL);
  file = g_file_new_for_commandline_arg (path);
  tour = srm_tour_new_from_file (file, registry, &error);
  if (tour == NULL)
    return srm_cli_fail ("%s", error->message);

  /* Translators: file name, tour title, tour id, number of steps */
  g_print (g_dngettext (NULL, "%s: “%s” (%s) is valid: %u step\n",
                        "%s: “%s” (%s) is valid: %u steps\n", srm_tour_get_n_steps (tour)),
           srm_tour_get_name (tour), srm_tour_get_title (tour), srm_tour_get_id (tour),
           srm_tour_get_n_steps (tour));
  return 0;
}

static const char *
owner_label (SrmComparisonRow *row,
             gboolean          left,
             const char       *provider)
{
  SrmOwner owner;
  gboolean has = left ? srm_comparison_row_get_left_owner (row, &owner)
                      : srm_comparison_row_get_right_owner (row, &owner);

  return has ? srm_owner_get_label (owner, provider) : "—";
}

int
srm_cli_compare_text (SrmCatalogRegistry *registry,
                      const char         *catalog_id,
                      const char         *spec,
                      gboolean            json)
{
  g_autoptr(SrmCatalogRegistry) own_registry = ensure_registry (registry);
  g_autoptr(SrmComparison) comparison = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *differences;
  const char *provider;
  guint n;

  g_return_val_if_fail (spec != NULL, 2);

  comparison = srm_comparison_new_from_spec (own_registry, spec, catalog_id, &error);
  if (comparison == NULL)
    return srm_cli_fail ("%s", error->message);

  if (json)
    {
      g_autoptr(JsonNode) root = srm_comparison_to_json (comparison);

      srm_cli_print_json (root);
      return 0;
    }

  differences = srm_comparison_get_differences (comparison);
  n = g_list_model_get_n_items (differences);
  provider = srm_catalog_get_provider_name (srm_comparison_get_left_catalog (comparison));

  /* Translators: "IaaS → PaaS: 4 differences" */
  g_print (g_dngettext (NULL, "%s → %s: %u difference\n", "%s → %s: %u differences\n", n),
           srm_comparison_get_left_title (comparison), srm_comparison_get_right_title (comparison), n);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SrmComparisonRow) row = g_list_model_get_item (differences, i);
      SrmLayer *left = srm_comparison_row_get_left_layer (row);
      SrmLayer *right = srm_comparison_row_get_right_layer (row);
      const char *model_id = srm_comparison_row_get_model_id (row);
      SrmDifference difference = srm_comparison_row_get_difference (row);
      g_autofree char *words = NULL;
      g_autofree char *name = NULL;

      if (left != NULL && right != NULL && g_strcmp0 (srm_layer_get_name (left), srm_layer_get_name (right)) != 0)
        name = g_strdup_printf ("%s / %s", srm_layer_get_name (left), srm_layer_get_name (right));
      else
        name = g_strdup (srm_layer_get_name (left != NULL ? left : right));
      if (model_id != NULL)
        {
          SrmServiceModel *model = srm_catalog_lookup_model (srm_comparison_get_left_catalog (comparison),
                                                             model_id);
          g_autofree char *with_model = g_strdup_printf ("%s, %s", name,
                                                          srm_service_model_get_short_name (model));
          g_free (name);
          name = g_steal_pointer (&with_model);
        }

      if (difference == SRM_DIFFERENCE_LEFT_ONLY)
        /* Translators: %s is a catalog's title */
        words = g_strdup_printf (_("row only in “%s”"), srm_comparison_get_left_title (comparison));
      else if (difference == SRM_DIFFERENCE_RIGHT_ONLY)
        words = g_strdup_printf (_("row only in “%s”"), srm_comparison_get_right_title (comparison));
      else
        {
          g_autofree char *change = srm_difference_describe (difference, provider);

          words = g_strdup_printf ("%s → %s (%s)", owner_label (row, TRUE, provider),
                                   owner_label (row, FALSE, provider), change);
        }

      g_print ("  %s: %s\n", name, words);
    }

  return 0;
}
