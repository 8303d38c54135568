/* test-quiz.c: quizzes generated from the built-in catalogs.
 *
 * What a user notices: the answer key is right (worked out again here from the
 * catalog, not from the generator), no question has two right answers, and a
 * trainer who gives a seed gets the same quiz again.
 */
#include <string.h>

#include "srm-model.h"

static const char * const catalog_ids[] = { "azure", "azure-2026", "azure-ai", NULL };

static SrmCatalogRegistry *
new_registry (void)
{
  g_autofree char *empty = g_test_build_filename (G_TEST_DIST, "data", "no-user-catalogs", NULL);

  return srm_catalog_registry_new (empty);
}

static char *
quiz_to_text (SrmQuiz *quiz)
{
  g_autoptr(JsonNode) root = srm_quiz_to_json (quiz);

  return json_to_string (root, FALSE);
}

static SrmOwner
owner_of (SrmCatalog *catalog,
          const char *layer_id,
          const char *model_id)
{
  SrmOwner owner = (SrmOwner) -1;

  g_assert_true (srm_catalog_get_owner (catalog, layer_id, model_id, &owner));
  return owner;
}

static gboolean
customer_everywhere (SrmCatalog *catalog,
                     const char *layer_id)
{
  GListModel *models = srm_catalog_get_models (catalog);

  for (guint i = 0; i < g_list_model_get_n_items (models); i++)
    {
      g_autoptr(SrmServiceModel) model = g_list_model_get_item (models, i);

      if (owner_of (catalog, layer_id, srm_service_model_get_id (model)) != SRM_OWNER_CUSTOMER)
        return FALSE;
    }
  return TRUE;
}

static const char *
layer_id_named (SrmCatalog *catalog,
                const char *name)
{
  GListModel *layers = srm_catalog_get_layers (catalog);

  for (guint i = 0; i < g_list_model_get_n_items (layers); i++)
    {
      g_autoptr(SrmLayer) layer = g_list_model_get_item (layers, i);

      if (g_strcmp0 (srm_layer_get_name (layer), name) == 0)
        return srm_layer_get_id (layer);
    }
  return NULL;
}

/* Is choice @i right? Worked out from the catalog and the words of the
 * question, with none of the generator's code. */
static gboolean
choice_is_right (SrmCatalog      *catalog,
                 SrmQuizQuestion *question,
                 guint            i)
{
  const char *choice = srm_quiz_question_get_choices (question)[i];
  const char *provider = srm_catalog_get_provider_name (catalog);
  const char *text = srm_quiz_question_get_text (question);
  const char *layer_id;
  SrmOwner owner, from, to;

  switch (srm_quiz_question_get_kind (question))
    {
    case SRM_QUIZ_KIND_OWNER:
      owner = owner_of (catalog, srm_quiz_question_get_layer_id (question),
                        srm_quiz_question_get_model_id (question));
      return g_strcmp0 (choice, srm_owner_get_label (owner, provider)) == 0;

    case SRM_QUIZ_KIND_ALWAYS_CUSTOMER:
      layer_id = layer_id_named (catalog, choice);
      g_assert_nonnull (layer_id);
      return customer_everywhere (catalog, layer_id);

    case SRM_QUIZ_KIND_SERVICE_MODEL:
      {
        SrmService *service = srm_catalog_lookup_service (catalog, srm_quiz_question_get_service_id (question));
        SrmServiceModel *model = srm_catalog_lookup_model (catalog, srm_service_get_model_id (service));

        g_assert_nonnull (strstr (text, srm_service_get_name (service)));
        return g_strcmp0 (choice, srm_service_model_get_short_name (model)) == 0;
      }

    case SRM_QUIZ_KIND_MODEL_CHANGE:
      layer_id = layer_id_named (catalog, choice);
      g_assert_nonnull (layer_id);
      from = owner_of (catalog, layer_id, srm_quiz_question_get_from_model_id (question));
      to = owner_of (catalog, layer_id, srm_quiz_question_get_to_model_id (question));
      if (from == to)
        return FALSE;
      /* The question says which change it asks about. */
      if (from == SRM_OWNER_CUSTOMER && to == SRM_OWNER_PROVIDER)
        return strstr (text, "moves from you to") != NULL;
      if (from == SRM_OWNER_CUSTOMER && to == SRM_OWNER_SHARED)
        return strstr (text, "from yours alone to shared") != NULL;
      if (from == SRM_OWNER_PROVIDER && to == SRM_OWNER_SHARED)
        return strstr (text, "alone to shared") != NULL && strstr (text, "yours alone") == NULL;
      if (from == SRM_OWNER_SHARED && to == SRM_OWNER_PROVIDER)
        return strstr (text, "moves from shared to") != NULL && strstr (text, "to you?") == NULL;
      if (from == SRM_OWNER_SHARED && to == SRM_OWNER_CUSTOMER)
        return strstr (text, "moves from shared to you") != NULL;
      return strstr (text, "to you?") != NULL && strstr (text, "from shared") == NULL;

    default:
      g_assert_not_reached ();
    }
}

static void
assert_question_sound (SrmCatalog      *catalog,
                       SrmQuizQuestion *question)
{
  const char * const *choices = srm_quiz_question_get_choices (question);
  guint n = g_strv_length ((GStrv) choices);
  guint answer = srm_quiz_question_get_answer (question);
  guint n_right = 0;

  g_assert_cmpuint (n, >=, 2);
  g_assert_cmpuint (n, <=, 4);
  g_assert_cmpuint (n, ==, srm_quiz_question_get_n_choices (question));
  g_assert_cmpuint (answer, <, n);
  g_assert_cmpstr (srm_quiz_question_get_catalog_id (question), ==, srm_catalog_get_id (catalog));
  g_assert_nonnull (srm_quiz_question_get_reason (question));
  g_assert_cmpuint (g_list_model_get_n_items (srm_quiz_question_get_sources (question)), >, 0);

  for (guint i = 0; i < n; i++)
    {
      for (guint j = 0; j < i; j++)
        g_assert_cmpstr (choices[i], !=, choices[j]);
      if (choice_is_right (catalog, question, i))
        {
          n_right++;
          g_assert_cmpuint (i, ==, answer);
        }
    }
  g_assert_cmpuint (n_right, ==, 1);

  if (srm_quiz_question_get_kind (question) == SRM_QUIZ_KIND_OWNER)
    g_assert_cmpuint (n, ==, 3);
}

static void
test_same_seed_same_quiz (void)
{
  g_autoptr(SrmCatalogRegistry) registry = new_registry ();

  for (guint c = 0; catalog_ids[c] != NULL; c++)
    {
      SrmCatalog *catalog = srm_catalog_registry_lookup (registry, catalog_ids[c]);
      g_autoptr(SrmQuiz) first = srm_quiz_generate (catalog, 10, 42, NULL);
      g_autoptr(SrmQuiz) second = srm_quiz_generate (catalog, 10, 42, NULL);
      g_autofree char *a = quiz_to_text (first);
      g_autofree char *b = quiz_to_text (second);

      g_assert_cmpstr (a, ==, b);
      g_assert_cmpuint (srm_quiz_get_seed (first), ==, 42);
      g_assert_cmpstr (srm_quiz_get_catalog_id (first), ==, catalog_ids[c]);
    }
}

static void
test_different_seeds_differ (void)
{
  g_autoptr(SrmCatalogRegistry) registry = new_registry ();

  for (guint c = 0; catalog_ids[c] != NULL; c++)
    {
      SrmCatalog *catalog = srm_catalog_registry_lookup (registry, catalog_ids[c]);
      g_autoptr(SrmQuiz) first = srm_quiz_generate (catalog, 10, 1, NULL);
      g_autoptr(SrmQuiz) second = srm_quiz_generate (catalog, 10, 2, NULL);
      g_autoptr(JsonNode) a = srm_quiz_to_json (first);
      g_autoptr(JsonNode) b = srm_quiz_to_json (second);

      /* Compare questions only: the seeds themselves differ anyway. */
      g_assert_false (json_node_equal (json_object_get_member (json_node_get_object (a), "questions"),
                                       json_object_get_member (json_node_get_object (b), "questions")));
    }
}

/* Seeds 1..200 on every built-in catalog: every key agrees with the matrix. */
static void
test_answer_keys (void)
{
  g_autoptr(SrmCatalogRegistry) registry = new_registry ();

  for (guint c = 0; catalog_ids[c] != NULL; c++)
    {
      SrmCatalog *catalog = srm_catalog_registry_lookup (registry, catalog_ids[c]);
      guint available = srm_quiz_count_available (catalog);
      guint kinds_seen = 0;

      g_assert_cmpuint (available, >=, 10);

      for (guint32 seed = 1; seed <= 200; seed++)
        {
          g_autoptr(GError) error = NULL;
          g_autoptr(SrmQuiz) quiz = srm_quiz_generate (catalog, 10, seed, &error);
          g_autoptr(GHashTable) texts = g_hash_table_new (g_str_hash, g_str_equal);

          g_assert_no_error (error);
          g_assert_cmpuint (srm_quiz_get_n_questions (quiz), ==, 10);
          g_assert_cmpuint (srm_quiz_get_n_requested (quiz), ==, 10);

          for (guint i = 0; i < srm_quiz_get_n_questions (quiz); i++)
            {
              SrmQuizQuestion *question = srm_quiz_get_question (quiz, i);

              assert_question_sound (catalog, question);
              g_assert_true (g_hash_table_add (texts, (gpointer) srm_quiz_question_get_text (question)));
              kinds_seen |= 1u << srm_quiz_question_get_kind (question);
            }
        }

      /* azure-2026 has no services, so no service-model questions. */
      if (g_list_model_get_n_items (srm_catalog_get_services (catalog)) > 0)
        g_assert_cmpuint (kinds_seen, ==, 0xf);
      else
        g_assert_cmpuint (kinds_seen, ==, 0xf & ~(1u << SRM_QUIZ_KIND_SERVICE_MODEL));
    }
}

/* A short quiz still mixes the kinds. */
static void
test_kinds_mixed (void)
{
  g_autoptr(SrmCatalogRegistry) registry = new_registry ();
  SrmCatalog *catalog = srm_catalog_registry_lookup (registry, "azure");

  for (guint32 seed = 1; seed <= 20; seed++)
    {
      g_autoptr(SrmQuiz) quiz = srm_quiz_generate (catalog, 4, seed, NULL);
      guint kinds = 0;

      for (guint i = 0; i < srm_quiz_get_n_questions (quiz); i++)
        kinds |= 1u << srm_quiz_question_get_kind (srm_quiz_get_question (quiz, i));
      g_assert_cmpuint (kinds, ==, 0xf);
    }
}

/* Asking for more than the catalog can give returns every distinct question once. */
static void
test_more_than_available (void)
{
  g_autoptr(SrmCatalogRegistry) registry = new_registry ();
  SrmCatalog *catalog = srm_catalog_registry_lookup (registry, "azure-ai");
  guint available = srm_quiz_count_available (catalog);
  g_autoptr(SrmQuiz) quiz = srm_quiz_generate (catalog, 1000, 7, NULL);
  g_autoptr(GHashTable) texts = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GError) error = NULL;
  g_autoptr(SrmQuiz) none = NULL;

  g_assert_cmpuint (srm_quiz_get_n_requested (quiz), ==, 1000);
  g_assert_cmpuint (srm_quiz_get_n_questions (quiz), ==, available);
  for (guint i = 0; i < srm_quiz_get_n_questions (quiz); i++)
    {
      SrmQuizQuestion *question = srm_quiz_get_question (quiz, i);

      assert_question_sound (catalog, question);
      g_assert_true (g_hash_table_add (texts, (gpointer) srm_quiz_question_get_text (question)));
    }
  g_assert_null (srm_quiz_get_question (quiz, available));

  none = srm_quiz_generate (catalog, 0, 7, &error);
  g_assert_null (none);
  g_assert_error (error, SRM_QUIZ_ERROR, SRM_QUIZ_ERROR_INVALID_COUNT);
}

static void
assert_members (JsonObject         *object,
                const char * const *names)
{
  g_assert_cmpuint (json_object_get_size (object), ==, g_strv_length ((GStrv) names));
  for (guint i = 0; names[i] != NULL; i++)
    {
      if (!json_object_has_member (object, names[i]))
        g_error ("missing member “%s”", names[i]);
    }
}

static void
test_json_shape (void)
{
  g_autoptr(SrmCatalogRegistry) registry = new_registry ();
  SrmCatalog *catalog = srm_catalog_registry_lookup (registry, "azure");
  g_autoptr(SrmQuiz) quiz = srm_quiz_generate (catalog, 30, 5, NULL);
  g_autoptr(JsonNode) root = srm_quiz_to_json (quiz);
  JsonObject *object;
  JsonArray *questions;
  guint n_owner = 0;

  g_assert_true (JSON_NODE_HOLDS_OBJECT (root));
  object = json_node_get_object (root);
  assert_members (object, (const char *[]) { "seed", "questions", NULL });
  g_assert_cmpint (json_object_get_int_member (object, "seed"), ==, 5);
  questions = json_object_get_array_member (object, "questions");
  g_assert_cmpuint (json_array_get_length (questions), ==, 30);

  for (guint i = 0; i < json_array_get_length (questions); i++)
    {
      JsonObject *q = json_array_get_object_element (questions, i);
      const char *kind = json_object_get_string_member (q, "kind");
      JsonArray *choices = json_object_get_array_member (q, "choices");
      gint64 answer = json_object_get_int_member (q, "answer");

      g_assert_cmpstr (json_object_get_string_member (q, "catalog"), ==, "azure");
      g_assert_nonnull (json_object_get_string_member (q, "text"));
      g_assert_cmpint (answer, >=, 0);
      g_assert_cmpint (answer, <, json_array_get_length (choices));
      for (guint c = 0; c < json_array_get_length (choices); c++)
        g_assert_nonnull (json_array_get_string_element (choices, c));

      if (g_str_equal (kind, "owner"))
        {
          const char *layer = json_object_get_string_member (q, "layer");

          assert_members (q, (const char *[]) { "kind", "text", "choices", "answer", "catalog",
                                                "layer", "model", NULL });
          /* The layer by name, the model by id. */
          g_assert_nonnull (layer_id_named (catalog, layer));
          g_assert_nonnull (srm_catalog_lookup_model (catalog, json_object_get_string_member (q, "model")));
          g_assert_cmpuint (json_array_get_length (choices), ==, 3);
          n_owner++;
        }
      else if (g_str_equal (kind, "always-customer"))
        assert_members (q, (const char *[]) { "kind", "text", "choices", "answer", "catalog",
                                              "layer", NULL });
      else if (g_str_equal (kind, "service-model"))
        {
          assert_members (q, (const char *[]) { "kind", "text", "choices", "answer", "catalog",
                                                "service", "model", NULL });
          g_assert_nonnull (srm_catalog_lookup_service (catalog, json_object_get_string_member (q, "service")));
        }
      else if (g_str_equal (kind, "model-change"))
        assert_members (q, (const char *[]) { "kind", "text", "choices", "answer", "catalog",
                                              "layer", "from_model", "to_model", NULL });
      else
        g_error ("unknown kind “%s”", kind);
    }
  g_assert_cmpuint (n_owner, >, 0);
}

/* One owner question, spelled out, as a trainer would read it. */
static void
test_owner_question_example (void)
{
  g_autoptr(SrmCatalogRegistry) registry = new_registry ();
  SrmCatalog *catalog = srm_catalog_registry_lookup (registry, "azure");
  g_autoptr(SrmQuiz) quiz = srm_quiz_generate (catalog, 1000, 3, NULL);
  gboolean found = FALSE;

  for (guint i = 0; i < srm_quiz_get_n_questions (quiz); i++)
    {
      SrmQuizQuestion *question = srm_quiz_get_question (quiz, i);

      if (srm_quiz_question_get_kind (question) != SRM_QUIZ_KIND_OWNER ||
          g_strcmp0 (srm_quiz_question_get_layer_id (question), "os") != 0 ||
          g_strcmp0 (srm_quiz_question_get_model_id (question), "paas") != 0)
        continue;

      g_assert_cmpstr (srm_quiz_question_get_text (question), ==, "Who owns “Operating system” in PaaS?");
      g_assert_cmpstr (srm_quiz_question_get_choices (question)[0], ==, "Customer");
      g_assert_cmpstr (srm_quiz_question_get_choices (question)[1], ==, "Microsoft");
      g_assert_cmpstr (srm_quiz_question_get_choices (question)[2], ==, "Shared");
      g_assert_cmpuint (srm_quiz_question_get_answer (question), ==, 1);
      found = TRUE;
    }
  g_assert_true (found);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/quiz/seed/same", test_same_seed_same_quiz);
  g_test_add_func ("/quiz/seed/different", test_different_seeds_differ);
  g_test_add_func ("/quiz/answer-keys", test_answer_keys);
  g_test_add_func ("/quiz/kinds-mixed", test_kinds_mixed);
  g_test_add_func ("/quiz/more-than-available", test_more_than_available);
  g_test_add_func ("/quiz/json", test_json_shape);
  g_test_add_func ("/quiz/owner-example", test_owner_question_example);

  return g_test_run ();
}
