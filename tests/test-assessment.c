/* test-assessment.c: assessments as a user relies on them: every answer
 * survives a save and a load, files written by newer versions keep what this
 * one doesn't know, broken files are refused with a message that names the
 * file and the place, saving never destroys the previous file, undo undoes,
 * and drafts left by a killed app are found again.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "srm-model.h"
#include "srm-assessment-file.h"

#define EXAMPLE "app-service-sql-keyvault.srma"

static SrmCatalog *
azure_catalog (void)
{
  g_autoptr(GError) error = NULL;
  SrmCatalog *catalog;

  catalog = srm_catalog_new_from_resource ("/io/github/srmexplorer/SrmExplorer/catalogs/azure.json", &error);
  if (catalog == NULL)
    {
      /* The resource is registered by the registry on first use. */
      srm_catalog_registry_builtin_paths ();
      g_clear_error (&error);
      catalog = srm_catalog_new_from_resource ("/io/github/srmexplorer/SrmExplorer/catalogs/azure.json", &error);
    }
  g_assert_no_error (error);
  return catalog;
}

static char *
example_path (void)
{
  return g_test_build_filename (G_TEST_DIST, "..", "data", "examples", EXAMPLE, NULL);
}

static char *
data_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", name, NULL);
}

static SrmAssessment *
load_path (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  SrmAssessment *assessment = srm_assessment_new_from_file (file, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (assessment);
  return assessment;
}

static GBytes *
read_bytes (const char *path)
{
  char *contents = NULL;
  gsize len = 0;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &contents, &len, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, len);
}

static void
assert_bytes_equal (GBytes *a,
                    GBytes *b)
{
  if (!g_bytes_equal (a, b))
    {
      g_autofree char *x = g_strndup (g_bytes_get_data (a, NULL), g_bytes_get_size (a));
      g_autofree char *y = g_strndup (g_bytes_get_data (b, NULL), g_bytes_get_size (b));

      g_assert_cmpstr (x, ==, y);
    }
}

static char *
make_temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("srm-assessment-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
remove_tree (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  g_chmod (dir, 0700);
  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
        remove_tree (path);
      else
        g_unlink (path);
    }
  g_rmdir (dir);
}

static guint
count_entries (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (handle != NULL && g_dir_read_name (handle) != NULL)
    n++;
  return n;
}

static gboolean
running_as_root (void)
{
  return geteuid () == 0;
}

static SrmAnswer *
answer_at (SrmAssessment *assessment,
           guint          index)
{
  SrmAnswer *answer = g_list_model_get_item (srm_assessment_get_answers (assessment), index);

  g_object_unref (answer);   /* the document keeps it */
  return answer;
}

/* ---- new documents ---- */

static void
test_new_for_selection (void)
{
  g_autoptr(SrmCatalog) catalog = azure_catalog ();
  const char *services[] = { "key-vault", "app-service", "no-such-service", "azure-sql-db", NULL };
  const char *models[] = { "paas", "no-such-model", NULL };
  g_autoptr(SrmAssessment) assessment = srm_assessment_new_for_selection (catalog, models, services);
  GListModel *answers = srm_assessment_get_answers (assessment);
  const char * const expected_services[] = { "app-service", "azure-sql-db", "key-vault", NULL };
  const char * const expected_models[] = { "paas", NULL };
  guint last_layer = 0;

  /* App Service, Azure SQL Database and Key Vault have four customer duties each. */
  g_assert_cmpuint (g_list_model_get_n_items (answers), ==, 12);
  g_assert_true (g_strv_equal (srm_assessment_get_service_ids (assessment), expected_services));
  g_assert_true (g_strv_equal (srm_assessment_get_model_ids (assessment), expected_models));
  g_assert_cmpstr (srm_assessment_get_catalog_id (assessment), ==, "azure");
  g_assert_cmpstr (srm_assessment_get_catalog_version (assessment), ==, srm_catalog_get_version (catalog));
  g_assert_true (srm_assessment_get_catalog (assessment) == catalog);
  g_assert_false (srm_assessment_get_dirty (assessment));
  g_assert_false (srm_assessment_get_can_undo (assessment));
  g_assert_nonnull (srm_assessment_get_created (assessment));
  g_assert_null (srm_assessment_get_file (assessment));

  for (guint i = 0; i < 12; i++)
    {
      SrmAnswer *answer = answer_at (assessment, i);
      SrmDuty *duty = srm_answer_get_duty (answer);
      SrmLayer *layer;

      g_assert_nonnull (duty);
      g_assert_false (srm_answer_get_orphaned (answer));
      g_assert_cmpint (srm_answer_get_status (answer), ==, SRM_ANSWER_STATUS_NOT_ASSESSED);
      g_assert_cmpstr (srm_answer_get_layer_id (answer), ==, srm_duty_get_layer_id (duty));
      g_assert_true (g_strv_contains (expected_services, srm_answer_get_service_id (answer)));
      g_assert_true (srm_assessment_lookup_answer (assessment, srm_duty_get_id (duty)) == answer);
      g_assert_null (srm_answer_get_changed (answer));
      g_assert_null (srm_answer_get_due (answer));
      g_assert_cmpstr (srm_answer_get_owner (answer), ==, "");

      /* Catalog order: layers top to bottom. */
      layer = srm_catalog_lookup_layer (catalog, srm_answer_get_layer_id (answer));
      g_assert_cmpuint (srm_layer_get_index (layer), >=, last_layer);
      last_layer = srm_layer_get_index (layer);
    }

  g_assert_cmpstr (srm_answer_get_duty_id (answer_at (assessment, 0)), ==, "azure-sql-db-auditing");
}

/* ---- round trip ---- */

static void
test_round_trip (void)
{
  g_autoptr(SrmCatalog) catalog = azure_catalog ();
  const char *services[] = { "app-service", "azure-sql-db", "key-vault", NULL };
  g_autoptr(SrmAssessment) assessment = srm_assessment_new_for_selection (catalog, NULL, services);
  g_autoptr(SrmAssessment) loaded = NULL;
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "round trip é.srma", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GBytes) second = NULL;
  GListModel *answers = srm_assessment_get_answers (assessment);
  guint n = g_list_model_get_n_items (answers);

  srm_assessment_set_title (assessment, "Web shop — “Q4” 🔐");
  srm_assessment_set_organisation (assessment, "Contoso\nLtd");
  srm_assessment_set_assessor (assessment, "Zoë O'Neil \"ZO\"");

  /* Every status, twice, and every field set on most answers. */
  for (guint i = 0; i < n; i++)
    {
      SrmAnswer *answer = answer_at (assessment, i);
      g_autofree char *owner = g_strdup_printf ("Team %u ✓", i);
      g_autofree char *notes = g_strdup_printf ("Note %u\twith \"quotes\", \\ and\nnew lines", i);
      GDate due;

      srm_answer_set_status (answer, (SrmAnswerStatus) (i % 6));
      if (i % 4 == 3)
        continue;
      srm_answer_set_owner (answer, owner);
      srm_answer_set_notes (answer, notes);
      srm_answer_set_evidence (answer, i % 2 ? "https://example.com/e?a=1&b=<2>" : "Runbook §4");
      g_date_clear (&due, 1);
      g_date_set_dmy (&due, (GDateDay) (1 + i), G_DATE_FEBRUARY, 2028);   /* a leap year */
      srm_answer_set_due (answer, &due);
    }
  g_assert_true (srm_assessment_get_dirty (assessment));

  g_assert_true (srm_assessment_save (assessment, file, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (srm_assessment_get_dirty (assessment));
  g_assert_true (g_file_equal (srm_assessment_get_file (assessment), file));

  loaded = load_path (path);
  g_assert_false (srm_assessment_get_dirty (loaded));
  g_assert_cmpstr (srm_assessment_get_title (loaded), ==, "Web shop — “Q4” 🔐");
  g_assert_cmpstr (srm_assessment_get_organisation (loaded), ==, "Contoso\nLtd");
  g_assert_cmpstr (srm_assessment_get_assessor (loaded), ==, "Zoë O'Neil \"ZO\"");
  g_assert_true (g_date_time_equal (srm_assessment_get_created (loaded), srm_assessment_get_created (assessment)));
  g_assert_true (g_date_time_equal (srm_assessment_get_modified (loaded), srm_assessment_get_modified (assessment)));
  g_assert_cmpstr (srm_assessment_get_catalog_id (loaded), ==, "azure");
  g_assert_cmpstr (srm_assessment_get_catalog_version (loaded), ==, srm_catalog_get_version (catalog));
  g_assert_true (g_strv_equal (srm_assessment_get_service_ids (loaded), srm_assessment_get_service_ids (assessment)));
  g_assert_cmpuint (g_list_model_get_n_items (srm_assessment_get_answers (loaded)), ==, n);

  for (guint i = 0; i < n; i++)
    {
      SrmAnswer *a = answer_at (assessment, i);
      SrmAnswer *b = answer_at (loaded, i);

      g_assert_cmpstr (srm_answer_get_duty_id (a), ==, srm_answer_get_duty_id (b));
      g_assert_cmpstr (srm_answer_get_service_id (a), ==, srm_answer_get_service_id (b));
      g_assert_cmpstr (srm_answer_get_layer_id (a), ==, srm_answer_get_layer_id (b));
      g_assert_cmpint (srm_answer_get_status (a), ==, srm_answer_get_status (b));
      g_assert_cmpstr (srm_answer_get_owner (a), ==, srm_answer_get_owner (b));
      g_assert_cmpstr (srm_answer_get_notes (a), ==, srm_answer_get_notes (b));
      g_assert_cmpstr (srm_answer_get_evidence (a), ==, srm_answer_get_evidence (b));
      g_assert_true ((srm_answer_get_due (a) == NULL) == (srm_answer_get_due (b) == NULL));
      if (srm_answer_get_due (a) != NULL)
        g_assert_cmpint (g_date_compare (srm_answer_get_due (a), srm_answer_get_due (b)), ==, 0);
      g_assert_nonnull (srm_answer_get_changed (b));
      g_assert_true (g_date_time_equal (srm_answer_get_changed (a), srm_answer_get_changed (b)));
    }

  /* Saving what was loaded gives the same bytes. */
  first = read_bytes (path);
  second = srm_assessment_to_bytes (loaded);
  assert_bytes_equal (first, second);

  remove_tree (dir);
}

static void
test_example_is_canonical (void)
{
  g_autofree char *path = example_path ();
  g_autoptr(SrmAssessment) assessment = load_path (path);
  g_autoptr(SrmCatalog) catalog = azure_catalog ();
  g_autoptr(GBytes) on_disk = read_bytes (path);
  g_autoptr(GBytes) saved = srm_assessment_to_bytes (assessment);
  g_autoptr(GBytes) attached = NULL;

  assert_bytes_equal (on_disk, saved);

  srm_assessment_attach_catalog (assessment, catalog);
  g_assert_cmpuint (srm_assessment_get_n_orphaned (assessment), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (srm_assessment_get_answers (assessment)), ==, 12);
  g_assert_false (srm_assessment_get_dirty (assessment));
  attached = srm_assessment_to_bytes (assessment);
  assert_bytes_equal (on_disk, attached);
}

static void
test_deterministic_golden (void)
{
  g_autofree char *input = data_path ("assessment-valid-extras.srma");
  g_autofree char *golden_path = data_path ("assessment-golden.srma");
  g_autoptr(GBytes) golden = read_bytes (golden_path);
  g_autoptr(SrmAssessment) assessment = load_path (input);
  g_autoptr(SrmAssessment) again = load_path (golden_path);
  g_autoptr(GBytes) first = srm_assessment_to_bytes (assessment);
  g_autoptr(GBytes) second = srm_assessment_to_bytes (assessment);
  g_autoptr(GBytes) fixed_point = srm_assessment_to_bytes (again);
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path_a = g_build_filename (dir, "a.srma", NULL);
  g_autofree char *path_b = g_build_filename (dir, "b.srma", NULL);
  g_autoptr(GFile) file_a = g_file_new_for_path (path_a);
  g_autoptr(GFile) file_b = g_file_new_for_path (path_b);
  g_autoptr(GBytes) saved_a = NULL;
  g_autoptr(GBytes) saved_b = NULL;
  g_autoptr(GError) error = NULL;
  const char *data;
  gsize len;

  assert_bytes_equal (first, second);
  assert_bytes_equal (first, golden);
  assert_bytes_equal (fixed_point, golden);

  g_assert_true (srm_assessment_save (assessment, file_a, NULL, &error));
  g_assert_true (srm_assessment_save (assessment, file_b, NULL, &error));
  g_assert_no_error (error);
  saved_a = read_bytes (path_a);
  saved_b = read_bytes (path_b);
  assert_bytes_equal (saved_a, saved_b);
  assert_bytes_equal (saved_a, golden);

  /* Pretty-printed with two spaces, UTF-8 as is, one final newline. */
  data = g_bytes_get_data (golden, &len);
  g_assert_true (g_str_has_prefix (data, "{\n  \"format\""));
  g_assert_true (len > 2 && data[len - 1] == '\n' && data[len - 2] == '}');
  g_assert_nonnull (g_strstr_len (data, (gssize) len, "🔐"));

  remove_tree (dir);
}

static void
test_unknown_members_survive (void)
{
  g_autofree char *input = data_path ("assessment-valid-extras.srma");
  g_autoptr(SrmAssessment) assessment = load_path (input);
  g_autoptr(SrmAssessment) reloaded = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root, *answer;
  JsonArray *cadence;

  /* An edit elsewhere must not lose what a newer version wrote. */
  srm_answer_set_owner (answer_at (assessment, 0), "Security team");
  bytes = srm_assessment_to_bytes (assessment);
  g_assert_true (json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL),
                                             (gssize) g_bytes_get_size (bytes), &error));
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (root, "version"), ==, "1.0");
  g_assert_cmpint (json_object_get_int_member (root, "x-after-answers"), ==, 7);
  cadence = json_object_get_array_member (json_object_get_object_member (root, "x-review"), "cadence");
  g_assert_cmpuint (json_array_get_length (cadence), ==, 5);
  g_assert_cmpfloat (json_array_get_double_element (cadence, 2), ==, 1.5);
  g_assert_true (json_array_get_boolean_element (cadence, 3));
  g_assert_true (json_array_get_null_element (cadence, 4));

  answer = json_array_get_object_element (json_object_get_array_member (root, "answers"), 0);
  g_assert_cmpstr (json_object_get_string_member (answer, "owner"), ==, "Security team");
  g_assert_cmpstr (json_object_get_string_member (answer, "x-ticket"), ==, "SEC-1234");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (answer, "x-approvals")), ==, 1);

  reloaded = srm_assessment_new_from_bytes (bytes, "reloaded.srma", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (srm_answer_get_owner (answer_at (reloaded, 0)), ==, "Security team");
}

/* Saving writes the text directly instead of printing a JSON tree with
 * json-glib; the bytes must be exactly json-glib's, whatever the strings and
 * whatever a newer version added. */
static const char tricky_document[] =
  "{\"format\": \"srm-assessment\", \"version\": \"1.3\","
  " \"title\": \"Quotes \\\" and \\\\ backslashes, \\t tab, \\n newline, \\r\\b\\f,"
  " \\u0001 \\u001e \\u001f \\u007f controls, /slash, \\u00e9t\\u00e9\","
  " \"organisation\": \"Emoji \\ud83d\\ude00, non-BMP \\ud834\\udd1e, RTL \\u05e9\\u05dc\\u05d5\\u05dd \\u0645\\u0631\\u062d\\u0628\\u0627\","
  " \"assessor\": \"\\u200f\\u202eright to left\\u202c\","
  " \"created\": \"2026-11-20T11:30:00+02:00\", \"modified\": \"2026-11-24T16:40:12Z\","
  " \"catalog\": {\"id\": \"azure\", \"version\": \"2026.11 \\\"beta\\\"\"},"
  " \"scope\": {\"models\": [\"p\\\"aas\\\\\", \"\\t\\u0002\"], \"services\": []},"
  " \"x-empty-object\": {}, \"x-empty-array\": [],"
  " \"x-nested\": {\"deep\": {\"deeper\": [[], [{}], {\"a\": [1, -7, 12345678901234, 1.5, -0.25, 2.0, 1e300, 3e-5]}]}},"
  " \"x-flags\": [true, false, null, \"\\\"\\\\\\n\\u001f\"],"
  " \"we\\\"ird\\n name\\u00e9\": null,"
  " \"answers\": ["
  "  {\"duty\": \"d\\\"uty\\\\1\\ud83d\\ude00\", \"service\": \"svc-\\u05e9\", \"layer\": \"\\u0645data\","
  "   \"status\": \"in-progress\", \"owner\": \"Team \\\"A\\\"\\t\\u0001\", \"due\": \"2027-02-28\","
  "   \"evidence\": \"https://example.com/?q=\\\"x\\\"&y=\\\\\", \"notes\": \"line 1\\nline 2\\r\\n\\ud83d\\udd12\","
  "   \"changed\": \"2026-11-20T09:30:00Z\", \"x-ticket\": {\"id\": 42, \"tags\": [\"a\", {}], \"ratio\": 0.1},"
  "   \"x-none\": null, \"x-yes\": true, \"x-no\": false, \"x-empty\": [], \"x-text\": \"\\u007f\"},"
  "  {\"duty\": \"plain\", \"service\": \"svc\", \"status\": \"not-assessed\"}"
  " ], \"x-after-answers\": 100.0}";

static GBytes *
json_glib_bytes (JsonNode *root)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, NULL);
  return g_bytes_new_take (g_strconcat (text, "\n", NULL), strlen (text) + 1);
}

static void
assert_same_bytes (GBytes *actual,
                   GBytes *expected)
{
  /* As strings, so a difference shows where it is. */
  g_autofree char *a = g_strndup (g_bytes_get_data (actual, NULL), g_bytes_get_size (actual));
  g_autofree char *e = g_strndup (g_bytes_get_data (expected, NULL), g_bytes_get_size (expected));

  g_assert_cmpstr (a, ==, e);
  g_assert_true (g_bytes_equal (actual, expected));
}

static void
check_writer_matches_json_glib (SrmAssessment *assessment)
{
  g_autoptr(JsonNode) tree = _srm_assessment_file_to_node (assessment);
  g_autoptr(GBytes) written = srm_assessment_to_bytes (assessment);
  g_autoptr(GBytes) generated = json_glib_bytes (tree);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GBytes) reprinted = NULL;
  g_autoptr(GError) error = NULL;

  /* json-glib's generator on the tree the document makes… */
  assert_same_bytes (written, generated);
  /* …and on the tree json-glib reads back from what was written. */
  g_assert_true (json_parser_load_from_data (parser, g_bytes_get_data (written, NULL),
                                             (gssize) g_bytes_get_size (written), &error));
  g_assert_no_error (error);
  reprinted = json_glib_bytes (json_parser_get_root (parser));
  assert_same_bytes (written, reprinted);
}

static void
test_writer_matches_json_glib (void)
{
  g_autoptr(GBytes) input = g_bytes_new_static (tricky_document, sizeof tricky_document - 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(SrmAssessment) assessment = srm_assessment_new_from_bytes (input, "tricky.srma", &error);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(SrmAssessment) reloaded = NULL;
  GDate due;

  g_assert_no_error (error);
  g_assert_nonnull (assessment);
  g_assert_cmpuint (g_list_model_get_n_items (srm_assessment_get_answers (assessment)), ==, 2);
  check_writer_matches_json_glib (assessment);

  /* Text typed in the app, with every byte json-glib escapes. */
  srm_assessment_set_title (assessment, "\x01\x02\x03\x04\x05\x06\x07\b\t\n\x0b\f\r\x0e\x0f"
                                        "\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f"
                                        " !\"#\\/\x7f" "é€😀𝄞 שלום مرحبا");
  srm_assessment_set_organisation (assessment, "");
  srm_answer_set_owner (answer_at (assessment, 1), "\"\\\"");
  srm_answer_set_notes (answer_at (assessment, 1), "\t\u202e");
  g_date_clear (&due, 1);
  g_date_set_dmy (&due, 9, G_DATE_JANUARY, 2031);
  srm_answer_set_due (answer_at (assessment, 1), &due);
  srm_answer_set_status (answer_at (assessment, 1), SRM_ANSWER_STATUS_IMPLEMENTED);
  check_writer_matches_json_glib (assessment);

  /* What was written reads back to the same bytes. */
  bytes = srm_assessment_to_bytes (assessment);
  reloaded = srm_assessment_new_from_bytes (bytes, "tricky.srma", &error);
  g_assert_no_error (error);
  check_writer_matches_json_glib (reloaded);
}

static void
test_orphaned_answers_survive (void)
{
  g_autofree char *input = data_path ("assessment-valid-extras.srma");
  g_autoptr(SrmAssessment) assessment = load_path (input);
  g_autoptr(SrmCatalog) catalog = azure_catalog ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(SrmAssessment) reloaded = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *answers = srm_assessment_get_answers (assessment);
  SrmAnswer *orphan;
  guint n;

  srm_assessment_attach_catalog (assessment, catalog);

  /* The catalog has no "key-vault-retired-duty": kept, flagged, last; the
   * three Key Vault duties the file lacked were added. */
  n = g_list_model_get_n_items (answers);
  g_assert_cmpuint (n, ==, 5);
  g_assert_cmpuint (srm_assessment_get_n_orphaned (assessment), ==, 1);
  orphan = answer_at (assessment, n - 1);
  g_assert_cmpstr (srm_answer_get_duty_id (orphan), ==, "key-vault-retired-duty");
  g_assert_true (srm_answer_get_orphaned (orphan));
  g_assert_null (srm_answer_get_duty (orphan));
  g_assert_cmpstr (srm_answer_get_layer_id (orphan), ==, "data");
  g_assert_cmpint (srm_answer_get_status (orphan), ==, SRM_ANSWER_STATUS_IMPLEMENTED);
  g_assert_nonnull (srm_assessment_lookup_answer (assessment, "key-vault-rotation"));
  g_assert_true (srm_assessment_get_dirty (assessment));

  bytes = srm_assessment_to_bytes (assessment);
  reloaded = srm_assessment_new_from_bytes (bytes, "reloaded.srma", &error);
  g_assert_no_error (error);
  orphan = srm_assessment_lookup_answer (reloaded, "key-vault-retired-duty");
  g_assert_nonnull (orphan);
  g_assert_cmpstr (srm_answer_get_owner (orphan), ==, "Platform team");
  g_assert_cmpstr (srm_answer_get_evidence (orphan), ==, "https://example.com/evidence?id=1&x=<y>");
}

/* ---- editing ---- */

typedef struct {
  guint changed;
  guint notify_status;
  guint notify_dirty;
  SrmAnswer *last_answer;
} Counts;

static void
on_changed (SrmAssessment *assessment,
            SrmAnswer     *answer,
            Counts        *counts)
{
  counts->changed++;
  counts->last_answer = answer;
}

static void
on_notify_status (GObject    *object,
                  GParamSpec *pspec,
                  Counts     *counts)
{
  counts->notify_status++;
}

static void
on_notify_dirty (GObject    *object,
                 GParamSpec *pspec,
                 Counts     *counts)
{
  counts->notify_dirty++;
}

static SrmAssessment *
new_small_assessment (void)
{
  g_autoptr(SrmCatalog) catalog = azure_catalog ();
  const char *services[] = { "key-vault", NULL };

  return srm_assessment_new_for_selection (catalog, NULL, services);
}

static void
test_changes_and_dirty (void)
{
  g_autoptr(SrmAssessment) assessment = new_small_assessment ();
  SrmAnswer *answer = answer_at (assessment, 0);
  Counts counts = { 0, };
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "dirty.srma", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(SrmAssessment) loaded = NULL;

  g_signal_connect (assessment, "changed", G_CALLBACK (on_changed), &counts);
  g_signal_connect (answer, "notify::status", G_CALLBACK (on_notify_status), &counts);
  g_signal_connect (assessment, "notify::dirty", G_CALLBACK (on_notify_dirty), &counts);

  srm_answer_set_status (answer, SRM_ANSWER_STATUS_IMPLEMENTED);
  g_assert_cmpuint (counts.changed, ==, 1);
  g_assert_true (counts.last_answer == answer);
  g_assert_cmpuint (counts.notify_status, ==, 1);
  g_assert_cmpuint (counts.notify_dirty, ==, 1);
  g_assert_true (srm_assessment_get_dirty (assessment));
  g_assert_nonnull (srm_answer_get_changed (answer));

  /* The same value again: nothing happens. */
  srm_answer_set_status (answer, SRM_ANSWER_STATUS_IMPLEMENTED);
  srm_answer_set_owner (answer, NULL);
  srm_answer_set_due (answer, NULL);
  g_assert_cmpuint (counts.changed, ==, 1);
  g_assert_cmpuint (counts.notify_status, ==, 1);

  g_assert_true (srm_assessment_save (assessment, file, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (srm_assessment_get_dirty (assessment));
  g_assert_cmpuint (counts.notify_dirty, ==, 2);

  /* Document fields count too, and are notified. */
  srm_assessment_set_title (assessment, "New title");
  g_assert_true (srm_assessment_get_dirty (assessment));
  g_assert_cmpuint (counts.changed, ==, 2);
  g_assert_null (counts.last_answer);
  srm_assessment_set_title (assessment, "New title");
  g_assert_cmpuint (counts.changed, ==, 2);

  loaded = load_path (path);
  g_assert_false (srm_assessment_get_dirty (loaded));

  /* Undo is a change that needs saving too. */
  g_assert_true (srm_assessment_save (assessment, file, NULL, &error));
  g_assert_true (srm_assessment_undo (assessment));
  g_assert_true (srm_assessment_get_dirty (assessment));

  remove_tree (dir);
}

static void
test_undo_redo (void)
{
  g_autoptr(SrmAssessment) assessment = new_small_assessment ();
  SrmAnswer *first = answer_at (assessment, 0);
  SrmAnswer *second = answer_at (assessment, 1);
  GDate due;

  g_assert_false (srm_assessment_get_can_undo (assessment));
  g_assert_false (srm_assessment_undo (assessment));

  srm_answer_set_status (first, SRM_ANSWER_STATUS_IN_PROGRESS);
  g_date_clear (&due, 1);
  g_date_set_dmy (&due, 31, G_DATE_DECEMBER, 2026);
  srm_answer_set_due (second, &due);
  g_assert_true (srm_assessment_get_can_undo (assessment));

  g_assert_true (srm_assessment_undo (assessment));
  g_assert_null (srm_answer_get_due (second));
  /* Undo also restores when the answer last changed: never. */
  g_assert_null (srm_answer_get_changed (second));
  g_assert_true (srm_assessment_get_can_redo (assessment));
  g_assert_true (srm_assessment_undo (assessment));
  g_assert_cmpint (srm_answer_get_status (first), ==, SRM_ANSWER_STATUS_NOT_ASSESSED);
  g_assert_false (srm_assessment_get_can_undo (assessment));

  g_assert_true (srm_assessment_redo (assessment));
  g_assert_cmpint (srm_answer_get_status (first), ==, SRM_ANSWER_STATUS_IN_PROGRESS);
  g_assert_true (srm_assessment_redo (assessment));
  g_assert_cmpint (g_date_compare (srm_answer_get_due (second), &due), ==, 0);
  g_assert_false (srm_assessment_redo (assessment));

  /* A new edit after an undo drops what could be redone. */
  g_assert_true (srm_assessment_undo (assessment));
  srm_answer_set_owner (first, "Platform team");
  g_assert_false (srm_assessment_get_can_redo (assessment));

  /* Setting the current value records nothing. */
  while (srm_assessment_undo (assessment))
    ;
  srm_answer_set_status (first, srm_answer_get_status (first));
  g_assert_false (srm_assessment_get_can_undo (assessment));
}

static guint
count_undo_steps (SrmAssessment *assessment)
{
  guint n = 0;

  while (srm_assessment_undo (assessment))
    n++;
  return n;
}

static void
test_undo_merges_typing (void)
{
  g_autoptr(SrmAssessment) assessment = new_small_assessment ();
  SrmAnswer *first = answer_at (assessment, 0);
  SrmAnswer *second = answer_at (assessment, 1);
  const char *typed[] = { "P", "Pl", "Pla", "Plat", "Platform", NULL };

  for (guint i = 0; typed[i] != NULL; i++)
    srm_answer_set_notes (first, typed[i]);
  g_assert_true (srm_assessment_undo (assessment));
  g_assert_cmpstr (srm_answer_get_notes (first), ==, "");
  g_assert_false (srm_assessment_get_can_undo (assessment));
  g_assert_true (srm_assessment_redo (assessment));
  g_assert_cmpstr (srm_answer_get_notes (first), ==, "Platform");
  g_assert_true (srm_assessment_undo (assessment));

  /* Another field, another answer, a status: separate steps. */
  srm_answer_set_notes (first, "a");
  srm_answer_set_owner (first, "b");
  srm_answer_set_owner (second, "c");
  srm_answer_set_owner (second, "cd");
  srm_answer_set_status (second, SRM_ANSWER_STATUS_IMPLEMENTED);
  srm_answer_set_status (second, SRM_ANSWER_STATUS_IN_PROGRESS);
  g_assert_cmpuint (count_undo_steps (assessment), ==, 5);

  /* A sealed step (the field lost focus) is not merged into. */
  srm_answer_set_evidence (first, "https://");
  srm_assessment_seal_undo_step (assessment);
  srm_answer_set_evidence (first, "https://example.com");
  g_assert_cmpuint (count_undo_steps (assessment), ==, 2);

  /* Nor is typing after a pause of more than a second. */
  srm_answer_set_evidence (first, "x");
  g_usleep (1100 * 1000);
  srm_answer_set_evidence (first, "xy");
  g_assert_cmpuint (count_undo_steps (assessment), ==, 2);
  g_assert_cmpstr (srm_answer_get_evidence (first), ==, "");
}

/* ---- refused files ---- */

typedef struct {
  const char         *file;
  SrmAssessmentError  code;
  const char         *place;   /* expected after "NAME: " */
} Broken;

static const Broken broken_files[] = {
  { "assessment-empty.srma", SRM_ASSESSMENT_ERROR_SYNTAX, "the file is empty" },
  { "assessment-not-object.srma", SRM_ASSESSMENT_ERROR_WRONG_TYPE, "expected the file to hold an object" },
  { "assessment-syntax-error.srma", SRM_ASSESSMENT_ERROR_SYNTAX, "2:29: " },
  { "assessment-truncated.srma", SRM_ASSESSMENT_ERROR_SYNTAX, "21:" },
  { "assessment-invalid-utf8.srma", SRM_ASSESSMENT_ERROR_ENCODING, "4:20: " },
  { "assessment-nul-byte.srma", SRM_ASSESSMENT_ERROR_ENCODING, "4:20: " },
  { "assessment-nested-deep.srma", SRM_ASSESSMENT_ERROR_TOO_DEEP, "4:" },
  { "assessment-duplicate-member-top.srma", SRM_ASSESSMENT_ERROR_DUPLICATE, "the top level: the member \"title\"" },
  { "assessment-duplicate-member-answer.srma", SRM_ASSESSMENT_ERROR_DUPLICATE, "answers[1]: the member \"status\"" },
  { "assessment-duplicate-member-escaped.srma", SRM_ASSESSMENT_ERROR_DUPLICATE, "answers[1]: the member \"status\"" },
  { "assessment-duplicate-answer.srma", SRM_ASSESSMENT_ERROR_DUPLICATE, "answers[3].duty: " },
  { "assessment-newer-major.srma", SRM_ASSESSMENT_ERROR_UNSUPPORTED_VERSION,
    "this assessment was written by a newer version (format 2.0); this version reads 1.x" },
  { "assessment-older-major.srma", SRM_ASSESSMENT_ERROR_UNSUPPORTED_VERSION, "format 0.9" },
  { "assessment-wrong-format.srma", SRM_ASSESSMENT_ERROR_INVALID_VALUE, "format: " },
  { "assessment-missing-format.srma", SRM_ASSESSMENT_ERROR_MISSING_FIELD, "missing required member \"format\"" },
  { "assessment-missing-version.srma", SRM_ASSESSMENT_ERROR_MISSING_FIELD, "missing required member \"version\"" },
  { "assessment-version-number.srma", SRM_ASSESSMENT_ERROR_WRONG_TYPE, "version: " },
  { "assessment-bad-version.srma", SRM_ASSESSMENT_ERROR_INVALID_VALUE, "version: " },
  { "assessment-missing-title.srma", SRM_ASSESSMENT_ERROR_MISSING_FIELD, "missing required member \"title\"" },
  { "assessment-wrong-type-title.srma", SRM_ASSESSMENT_ERROR_WRONG_TYPE, "title: " },
  { "assessment-wrong-type-organisation.srma", SRM_ASSESSMENT_ERROR_WRONG_TYPE, "organisation: " },
  { "assessment-wrong-type-assessor.srma", SRM_ASSESSMENT_ERROR_WRONG_TYPE, "assessor: " },
  { "assessment-bad-created.srma", SRM_ASSESSMENT_ERROR_INVALID_VALUE, "created: \"yesterday\"" },
  { "assessment-time-without-zone.srma", SRM_ASSESSMENT_ERROR_INVALID_VALUE, "created: " },
  { "assessment-missing-modified.srma", SRM_ASSESSMENT_ERROR_MISSING_FIELD, "missing required member \"modified\"" },
  { "assessment-wrong-type-catalog.srma", SRM_ASSESSMENT_ERROR_WRONG_TYPE, "catalog: " },
  { "assessment-missing-catalog-id.srma", SRM_ASSESSMENT_ERROR_MISSING_FIELD, "catalog: missing required member \"id\"" },
  { "assessment-missing-scope.srma", SRM_ASSESSMENT_ERROR_MISSING_FIELD, "missing required member \"scope\"" },
  { "assessment-wrong-type-scope-services.srma", SRM_ASSESSMENT_ERROR_WRONG_TYPE, "scope.services: " },
  { "assessment-wrong-type-scope-element.srma", SRM_ASSESSMENT_ERROR_WRONG_TYPE, "scope.services[1]: " },
  { "assessment-missing-answers.srma", SRM_ASSESSMENT_ERROR_MISSING_FIELD, "missing required member \"answers\"" },
  { "assessment-wrong-type-answers.srma", SRM_ASSESSMENT_ERROR_WRONG_TYPE, "answers: " },
  { "assessment-wrong-type-answer.srma", SRM_ASSESSMENT_ERROR_WRONG_TYPE, "answers[0]: " },
  { "assessment-missing-duty.srma", SRM_ASSESSMENT_ERROR_MISSING_FIELD, "answers[0]: missing required member \"duty\"" },
  { "assessment-empty-duty.srma", SRM_ASSESSMENT_ERROR_INVALID_VALUE, "answers[0].duty: " },
  { "assessment-missing-service.srma", SRM_ASSESSMENT_ERROR_MISSING_FIELD, "answers[2]: missing required member \"service\"" },
  { "assessment-missing-status.srma", SRM_ASSESSMENT_ERROR_MISSING_FIELD, "answers[0]: missing required member \"status\"" },
  { "assessment-wrong-type-status.srma", SRM_ASSESSMENT_ERROR_WRONG_TYPE, "answers[1].status: " },
  { "assessment-invalid-status.srma", SRM_ASSESSMENT_ERROR_INVALID_VALUE, "answers[1].status: unknown status \"done\"" },
  { "assessment-invalid-due-feb-30.srma", SRM_ASSESSMENT_ERROR_INVALID_VALUE, "answers[0].due: \"2026-02-30\"" },
  { "assessment-invalid-due-tomorrow.srma", SRM_ASSESSMENT_ERROR_INVALID_VALUE, "answers[0].due: \"tomorrow\"" },
  { "assessment-wrong-type-due.srma", SRM_ASSESSMENT_ERROR_WRONG_TYPE, "answers[0].due: " },
  { "assessment-invalid-changed.srma", SRM_ASSESSMENT_ERROR_INVALID_VALUE, "answers[1].changed: " },
  { "assessment-wrong-type-owner.srma", SRM_ASSESSMENT_ERROR_WRONG_TYPE, "answers[2].owner: " },
  { "assessment-wrong-type-notes.srma", SRM_ASSESSMENT_ERROR_WRONG_TYPE, "answers[2].notes: " },
  { "assessment-wrong-type-evidence.srma", SRM_ASSESSMENT_ERROR_WRONG_TYPE, "answers[2].evidence: " },
  { "assessment-wrong-type-layer.srma", SRM_ASSESSMENT_ERROR_WRONG_TYPE, "answers[2].layer: " },
};

static void
test_broken_file (gconstpointer data)
{
  const Broken *broken = data;
  g_autofree char *path = data_path (broken->file);
  g_autofree char *expected = g_strdup_printf ("%s: %s", broken->file, broken->place);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(SrmAssessment) assessment = NULL;
  g_autoptr(GBytes) before = read_bytes (path);
  g_autoptr(GBytes) after = NULL;

  assessment = srm_assessment_new_from_file (file, NULL, &error);
  g_assert_null (assessment);
  g_assert_error (error, SRM_ASSESSMENT_ERROR, (int) broken->code);
  if (!g_str_has_prefix (error->message, expected))
    g_error ("expected a message starting with ‘%s’, got ‘%s’", expected, error->message);

  /* Loading never touches the file. */
  after = read_bytes (path);
  assert_bytes_equal (before, after);
}

static void
test_valid_minimal (void)
{
  g_autofree char *path = data_path ("assessment-valid-minimal.srma");
  g_autoptr(SrmAssessment) assessment = load_path (path);

  g_assert_cmpuint (g_list_model_get_n_items (srm_assessment_get_answers (assessment)), ==, 3);
}

/* ---- the direct reader ----
 *
 * Files are read straight from their bytes, without json-glib's tree; for
 * anything it cannot vouch for, the direct reader steps aside and the tree
 * reader (json-glib, then every check) decides and words the error. These
 * tests hold the two to the same result. */

/* The tree reader alone, as every file was read before. */
static SrmAssessment *
read_with_tree (const char  *data,
                gsize        len,
                const char  *name,
                GError     **error)
{
  g_autoptr(JsonNode) root = _srm_assessment_file_parse_json (data, len, name, error);

  if (root == NULL)
    return NULL;
  return _srm_assessment_file_read_node (root, name, NULL, error);
}

/* Everything a user could notice: the bytes it saves to (every field, the
 * unknown members, the order), the dirty flag and the lookup by duty. */
static void
assert_same_document (SrmAssessment *direct,
                      SrmAssessment *tree)
{
  g_autoptr(GBytes) a = srm_assessment_to_bytes (direct);
  g_autoptr(GBytes) b = srm_assessment_to_bytes (tree);
  guint n = g_list_model_get_n_items (srm_assessment_get_answers (tree));

  assert_same_bytes (a, b);
  g_assert_cmpuint (g_list_model_get_n_items (srm_assessment_get_answers (direct)), ==, n);
  g_assert_cmpint (srm_assessment_get_dirty (direct), ==, srm_assessment_get_dirty (tree));
  g_assert_false (srm_assessment_get_can_undo (direct));
  for (guint i = 0; i < n; i++)
    {
      SrmAnswer *answer = answer_at (direct, i);

      g_assert_true (srm_assessment_lookup_answer (direct, srm_answer_get_duty_id (answer)) == answer);
    }
}

/* Reads @data both ways: the direct reader must build the very document the
 * tree reader builds, or decline. Returns whether it accepted. */
static gboolean
check_direct_matches_tree (const char *data,
                           gsize       len)
{
  g_autoptr(SrmAssessment) direct = _srm_assessment_file_read_direct (data, len);
  g_autoptr(SrmAssessment) tree = NULL;
  g_autoptr(GError) error = NULL;

  if (direct == NULL)
    return FALSE;
  tree = read_with_tree (data, len, "checked.srma", &error);
  if (tree == NULL)
    g_error ("the direct reader accepted what the tree reader refuses (%s): ‘%.*s’",
             error->message, (int) len, data);
  assert_same_document (direct, tree);
  return TRUE;
}

/* A file as people and other tools may write it: members in any order,
 * nulls for absent members, escapes, text beyond ASCII, zones other than UTC
 * and members a newer version added, of every JSON type. */
static GBytes *
varied_document (guint n_answers)
{
  static const char * const notes[] = {
    "Tracked in the backlog.", "Line 1\\nline 2\\ttab \\\"quoted\\\" \\\\ back\\/slash",
    "Zoë, Ærø, 東京, שלום, مرحبا 🔐", "\\u00e9t\\u00e9 \\ud83d\\ude00 \\u001f\\u007f \\uD834\\uDD1E",
  };
  GString *text = g_string_new (NULL);

  g_string_append (text, "{\"title\": \"Varied \\\"one\\\"\", \"x-first\": [1, -2, 3.5e2, true, null, {}],"
                         "\n\t\"format\":\"srm-assessment\" ,\"version\" : \"1.7\", \"organisation\": null,"
                         "\"created\": \"2026-11-02T10:15:00+02:00\", \"modified\": \"2026-11-24T16:40:12Z\","
                         "\"catalog\": {\"version\": \"2026.11\", \"id\": \"azure\", \"x-ignored\": {\"a\": [0]}},"
                         "\"scope\": {\"services\": [\"svc-a\", \"svc-\\u00e9\"], \"models\": null, \"x\": 1},"
                         "\"answers\": [\r\n");
  for (guint i = 0; i < n_answers; i++)
    {
      g_autoptr(GPtrArray) members = g_ptr_array_new_with_free_func (g_free);

      g_ptr_array_add (members, g_strdup_printf ("\"duty\": \"duty-%u-%s\"", i, i % 7 == 0 ? "é" : "x"));
      g_ptr_array_add (members, g_strdup_printf ("\"service\":\"svc-%u\"", i % 13));
      g_ptr_array_add (members, g_strdup_printf ("\"status\": \"%s\"",
                                                 srm_answer_status_to_string ((SrmAnswerStatus) (i % 6))));
      if (i % 3 == 0)
        g_ptr_array_add (members, g_strdup_printf ("\"layer\": \"layer-%u\"", i % 10));
      else if (i % 3 == 1)
        g_ptr_array_add (members, g_strdup ("\"layer\": null"));
      if (i % 2 == 0)
        g_ptr_array_add (members, g_strdup_printf ("\"owner\": \"Team %u\"", i % 17));
      else if (i % 5 == 1)
        g_ptr_array_add (members, g_strdup ("\"owner\": \"\""));
      if (i % 4 == 0)
        g_ptr_array_add (members, g_strdup_printf ("\"due\": \"20%02u-%02u-%02u\"", 20 + i % 10, 1 + i % 12, 1 + i % 28));
      if (i % 4 == 1)
        g_ptr_array_add (members, g_strdup ("\"due\": null"));
      g_ptr_array_add (members, g_strdup_printf ("\"notes\": \"%s\"", notes[i % G_N_ELEMENTS (notes)]));
      if (i % 3 != 2)
        g_ptr_array_add (members, g_strdup_printf ("\"evidence\": \"https://example.com/%u?a=1&b=<2>\"", i));
      if (i % 5 == 0)
        g_ptr_array_add (members, g_strdup ("\"changed\": \"2026-11-20T09:30:00Z\""));
      else if (i % 5 == 1)
        g_ptr_array_add (members, g_strdup_printf ("\"changed\": \"2026-11-%02uT23:59:59-05:00\"", 1 + i % 28));
      else if (i % 5 == 2)
        g_ptr_array_add (members, g_strdup ("\"changed\": null"));
      if (i % 6 == 0)
        g_ptr_array_add (members, g_strdup_printf ("\"x-ticket\": {\"id\": %u, \"tags\": [\"a\", [], {}], "
                                                   "\"ratio\": 0.%u, \"big\": 12345678901234567890, \"ok\": false}",
                                                   i, i));
      if (i % 6 == 3)
        g_ptr_array_add (members, g_strdup ("\"x-\\\"odd\\\" name\": \"\\u00e9\""));

      /* A different order for each answer. */
      for (guint j = members->len; j > 1; j--)
        {
          guint k = (i * 7 + j * 3) % j;
          gpointer swap = members->pdata[j - 1];

          members->pdata[j - 1] = members->pdata[k];
          members->pdata[k] = swap;
        }
      g_string_append (text, i > 0 ? ",\n    {" : "    {");
      for (guint j = 0; j < members->len; j++)
        g_string_append_printf (text, "%s%s", j > 0 ? (j % 2 ? ", " : ",\n      ") : "",
                                (char *) members->pdata[j]);
      g_string_append_c (text, '}');
    }
  g_string_append (text, "\n  ], \"x-last\": {\"nested\": {\"deeper\": [[[\"\\u0001\"]]]}}, \"assessor\": \"Ann\"}\n");
  return g_string_free_to_bytes (text);
}

static void
assert_direct_accepts (GBytes *bytes)
{
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);

  g_assert_true (check_direct_matches_tree (data, len));
}

static void
test_direct_same_as_tree (void)
{
  const char * const files[] = {
    "assessment-golden.srma", "assessment-valid-extras.srma", "assessment-valid-minimal.srma",
  };
  g_autofree char *example = example_path ();
  g_autoptr(GBytes) example_bytes = read_bytes (example);
  g_autoptr(GBytes) tricky = g_bytes_new_static (tricky_document, sizeof tricky_document - 1);
  g_autoptr(GBytes) varied = varied_document (3000);
  g_autoptr(SrmAssessment) loaded = NULL;
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(GError) error = NULL;

  assert_direct_accepts (example_bytes);
  assert_direct_accepts (tricky);
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = data_path (files[i]);
      g_autoptr(GBytes) bytes = read_bytes (path);

      assert_direct_accepts (bytes);
    }

  /* A large file in any layout, and the same document as the app writes it. */
  assert_direct_accepts (varied);
  loaded = srm_assessment_new_from_bytes (varied, "varied.srma", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (srm_assessment_get_answers (loaded)), ==, 3000);
  saved = srm_assessment_to_bytes (loaded);
  assert_direct_accepts (saved);
}

/* Every broken file goes to the tree reader, which words the error. */
static void
test_direct_declines_broken (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (broken_files); i++)
    {
      g_autofree char *path = data_path (broken_files[i].file);
      g_autoptr(GBytes) bytes = read_bytes (path);
      gsize len;
      const char *data = g_bytes_get_data (bytes, &len);
      g_autoptr(SrmAssessment) direct = _srm_assessment_file_read_direct (data, len);

      if (direct != NULL)
        g_error ("the direct reader accepted %s", broken_files[i].file);
    }
}

/* Thousands of damaged copies of valid files: cut, with a byte missing,
 * added or changed, or a piece repeated (which makes duplicate members). The
 * direct reader must build exactly what the tree reader builds, or decline. */
static void
test_direct_damaged (void)
{
  static const char bytes[] = "\"\\,:{}[] \n\t0123456789-+.eEunlfatrsx\x01\x1f\x7f\xc3\xa9\xed\xa0\x80\xff";
  g_autoptr(GBytes) varied = varied_document (12);
  g_autoptr(GBytes) tricky = g_bytes_new_static (tricky_document, sizeof tricky_document - 1);
  GBytes *bases[] = { varied, tricky };
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261125);
  guint accepted = 0, declined = 0;

  for (guint b = 0; b < G_N_ELEMENTS (bases); b++)
    {
      gsize len;
      const char *data = g_bytes_get_data (bases[b], &len);

      for (guint i = 0; i < 2500; i++)
        {
          g_autoptr(GString) copy = g_string_new_len (data, (gssize) len);
          gsize at = (gsize) g_rand_int_range (rand, 0, (gint32) len);
          char byte = bytes[g_rand_int_range (rand, 0, sizeof bytes)];
          gsize span = (gsize) g_rand_int_range (rand, 1, 40);

          switch (i % 5)
            {
            case 0:
              g_string_truncate (copy, at);
              break;
            case 1:
              g_string_erase (copy, (gssize) at, 1);
              break;
            case 2:
              g_string_insert_len (copy, (gssize) at, &byte, 1);   /* bytes includes the NUL */
              break;
            case 3:
              copy->str[at] = byte;
              break;
            default:
              g_string_insert_len (copy, (gssize) at, data + at, (gssize) MIN (span, len - at));
              break;
            }
          if (check_direct_matches_tree (copy->str, copy->len))
            accepted++;
          else
            declined++;
        }
    }

  /* Both ways were taken: spaces, digits in strings… keep a file valid. */
  g_test_message ("direct reader: %u damaged files accepted, %u declined", accepted, declined);
  g_assert_cmpuint (accepted, >, 500);
  g_assert_cmpuint (declined, >, 2000);
}

static void
assert_load_error (GBytes             *bytes,
                   SrmAssessmentError  code,
                   const char         *expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SrmAssessment) assessment = srm_assessment_new_from_bytes (bytes, "big.srma", &error);

  g_assert_null (assessment);
  g_assert_error (error, SRM_ASSESSMENT_ERROR, (int) code);
  if (!g_str_has_prefix (error->message, expected))
    g_error ("expected a message starting with ‘%s’, got ‘%s’", expected, error->message);
}

/* @bytes with the first @old after @from replaced by @new. */
static GBytes *
replace_after (GBytes     *bytes,
               const char *from,
               const char *old,
               const char *new)
{
  g_autofree char *text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  char *start = strstr (text, from);
  char *at;

  g_assert_nonnull (start);
  at = strstr (start, old);
  g_assert_nonnull (at);
  return g_bytes_new_take (g_strdup_printf ("%.*s%s%s", (int) (at - text), text, new, at + strlen (old)),
                           g_bytes_get_size (bytes) - strlen (old) + strlen (new));
}

/* The quoted duty id of answer @index, to find it in a saved file. */
static char *
quoted_duty (SrmAssessment *assessment,
             guint          index)
{
  return g_strdup_printf ("\"%s\"", srm_answer_get_duty_id (answer_at (assessment, index)));
}

/* A problem near the end of a large file is reported as in a small one,
 * and nothing of the 10,000 answers read before it comes out. */
static void
test_direct_late_errors (void)
{
  g_autoptr(GBytes) varied = varied_document (10000);
  g_autoptr(SrmAssessment) assessment = srm_assessment_new_from_bytes (varied, "big.srma", NULL);
  g_autoptr(GBytes) saved = srm_assessment_to_bytes (assessment);
  g_autofree char *duty_9876 = quoted_duty (assessment, 9876);
  g_autofree char *duty_9990 = quoted_duty (assessment, 9990);
  g_autofree char *duty_9997 = quoted_duty (assessment, 9997);
  g_autofree char *duty_9998 = quoted_duty (assessment, 9998);
  g_autofree char *duty_9999 = quoted_duty (assessment, 9999);
  g_autoptr(GBytes) bad_due = replace_after (saved, duty_9876, "\"due\" : \"", "\"due\" : \"2026-02-30\", \"x\" : \"");
  g_autoptr(GBytes) bad_type = replace_after (saved, duty_9990, "\"owner\" : ", "\"owner\" : 7, \"x\" : ");
  g_autoptr(GBytes) twice = replace_after (saved, duty_9997, "\"status\" : ", "\"status\" : \"implemented\", \"status\" : ");
  g_autoptr(GBytes) second = replace_after (saved, duty_9999, duty_9999, duty_9998);
  g_autoptr(GBytes) cut = NULL;
  g_autofree char *second_message = NULL;
  g_autofree char *line = NULL;
  const char *text, *end;
  guint n_lines = 1;

  /* No catalog is attached: answers are saved in file order. */
  g_assert_nonnull (assessment);
  g_assert_cmpuint (g_list_model_get_n_items (srm_assessment_get_answers (assessment)), ==, 10000);

  assert_load_error (bad_due, SRM_ASSESSMENT_ERROR_INVALID_VALUE,
                     "big.srma: answers[9876].due: \"2026-02-30\" is not a date like 2026-12-31");
  assert_load_error (bad_type, SRM_ASSESSMENT_ERROR_WRONG_TYPE,
                     "big.srma: answers[9990].owner: expected a string, found a whole number");
  assert_load_error (twice, SRM_ASSESSMENT_ERROR_DUPLICATE,
                     "big.srma: answers[9997]: the member \"status\" appears twice");
  second_message = g_strdup_printf ("big.srma: answers[9999].duty: a second answer for the duty %s; "
                                    "the first is answers[9998]", duty_9998);
  assert_load_error (second, SRM_ASSESSMENT_ERROR_DUPLICATE, second_message);

  /* Cut short in the last answer's duty: the place is the line it is on. */
  text = g_bytes_get_data (saved, NULL);
  end = g_strstr_len (text, (gssize) g_bytes_get_size (saved), duty_9999) + 4;
  cut = g_bytes_new_from_bytes (saved, 0, (gsize) (end - text));
  for (const char *p = text; p < end; p++)
    n_lines += *p == '\n';
  line = g_strdup_printf ("big.srma: %u:", n_lines);
  assert_load_error (cut, SRM_ASSESSMENT_ERROR_SYNTAX, line);
}

static void
test_truncated_everywhere (void)
{
  g_autofree char *path = example_path ();
  g_autoptr(GBytes) whole = read_bytes (path);
  gsize len = g_bytes_get_size (whole);
  const char *data = g_bytes_get_data (whole, NULL);
  const gsize offsets[] = { 0, 1, 2, 17, 40, 100, 333, 512, 1000, 1500, 2222, 3000 };

  /* Ten and more cuts, and every 97th byte, anywhere short of the end. */
  for (gsize i = 0; i < G_N_ELEMENTS (offsets) + len / 97; i++)
    {
      gsize cut = i < G_N_ELEMENTS (offsets) ? offsets[i] : (i - G_N_ELEMENTS (offsets)) * 97;
      g_autoptr(GBytes) part = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(SrmAssessment) assessment = NULL;

      if (cut >= len - 2)
        continue;
      part = g_bytes_new (data, cut);
      assessment = srm_assessment_new_from_bytes (part, "cut.srma", &error);
      g_assert_null (assessment);
      g_assert_error (error, SRM_ASSESSMENT_ERROR, SRM_ASSESSMENT_ERROR_SYNTAX);
      g_assert_true (g_str_has_prefix (error->message, "cut.srma: "));
    }
}

static void
test_huge (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "huge.srma", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(SrmAssessment) assessment = NULL;
  GString *text;
  int fd;

  /* A 33 MiB title, from memory. */
  text = g_string_new ("{\"format\": \"srm-assessment\", \"version\": \"1.0\", \"title\": \"");
  while (text->len <= SRM_ASSESSMENT_MAX_BYTES + 1024 * 1024)
    g_string_append (text, "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef");
  g_string_append (text, "\"}");
  {
    g_autoptr(GBytes) bytes = g_string_free_to_bytes (text);

    assessment = srm_assessment_new_from_bytes (bytes, "huge.srma", &error);
    g_assert_null (assessment);
    g_assert_error (error, SRM_ASSESSMENT_ERROR, SRM_ASSESSMENT_ERROR_TOO_LARGE);
    g_assert_true (g_str_has_prefix (error->message, "huge.srma: "));
    g_clear_error (&error);
  }

  /* A file that says it is 1 GiB is refused on its size alone: it is sparse,
   * and reading it would take a second and a gigabyte. */
  fd = g_open (path, O_WRONLY | O_CREAT, 0600);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, (off_t) 1024 * 1024 * 1024), ==, 0);
  close (fd);
  assessment = srm_assessment_new_from_file (file, NULL, &error);
  g_assert_null (assessment);
  g_assert_error (error, SRM_ASSESSMENT_ERROR, SRM_ASSESSMENT_ERROR_TOO_LARGE);
  g_assert_true (g_str_has_prefix (error->message, "huge.srma: the file is larger than the limit of 32"));

  remove_tree (dir);
}

static void
assert_read_error (const char *path,
                   const char *name)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(SrmAssessment) assessment = srm_assessment_new_from_file (file, NULL, &error);
  g_autofree char *prefix = g_strconcat (name, ": cannot read the file", NULL);

  g_assert_null (assessment);
  g_assert_error (error, SRM_ASSESSMENT_ERROR, SRM_ASSESSMENT_ERROR_READ);
  g_assert_true (g_str_has_prefix (error->message, prefix));
}

static void
test_read_errors (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *missing = g_build_filename (dir, "missing.srma", NULL);
  g_autofree char *folder = g_build_filename (dir, "folder.srma", NULL);
  g_autofree char *secret = g_build_filename (dir, "secret.srma", NULL);
  g_autofree char *example = example_path ();
  g_autoptr(GBytes) bytes = read_bytes (example);

  assert_read_error (missing, "missing.srma");
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  assert_read_error (folder, "folder.srma");

  g_assert_true (g_file_set_contents (secret, g_bytes_get_data (bytes, NULL),
                                      (gssize) g_bytes_get_size (bytes), NULL));
  g_assert_cmpint (g_chmod (secret, 0000), ==, 0);
  if (running_as_root ())
    g_test_message ("running as root, which ignores permissions: the unreadable case is skipped");
  else
    assert_read_error (secret, "secret.srma");

  remove_tree (dir);
  if (running_as_root ())
    g_test_skip ("root ignores file permissions");
}

/* ---- saving ---- */

static void
write_file (const char *path,
            const char *text)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
}

static void
test_save_modes_and_backup (void)
{
  g_autoptr(SrmAssessment) assessment = new_small_assessment ();
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "team.srma", NULL);
  g_autofree char *backup = g_build_filename (dir, "team.srma~", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GBytes) kept = NULL;
  g_autoptr(GBytes) second = NULL;
  g_autoptr(GBytes) on_disk = NULL;
  GStatBuf st;

  /* A umask that would let others read does not apply: the file is 0600. */
  umask (0022);
  g_assert_true (srm_assessment_save (assessment, file, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_false (g_file_test (backup, G_FILE_TEST_EXISTS));
  first = read_bytes (path);

  srm_answer_set_status (answer_at (assessment, 0), SRM_ANSWER_STATUS_IMPLEMENTED);
  g_assert_true (srm_assessment_save (assessment, file, NULL, &error));
  g_assert_no_error (error);
  kept = read_bytes (backup);
  assert_bytes_equal (first, kept);
  g_assert_cmpint (g_stat (backup, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  second = srm_assessment_to_bytes (assessment);
  on_disk = read_bytes (path);
  assert_bytes_equal (second, on_disk);

  /* Only the file and its backup: no temporary file left behind. */
  g_assert_cmpuint (count_entries (dir), ==, 2);
  remove_tree (dir);
}

static void
test_save_keeps_owner_permissions (void)
{
  g_autoptr(SrmAssessment) assessment = new_small_assessment ();
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "shared.srma", NULL);
  g_autofree char *backup = g_build_filename (dir, "shared.srma~", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  write_file (path, "{}");
  g_chmod (path, 0640);
  g_assert_true (srm_assessment_save (assessment, file, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0640);
  g_assert_cmpint (g_stat (backup, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  remove_tree (dir);
}

static void
test_save_read_only_folder (void)
{
  g_autoptr(SrmAssessment) assessment = new_small_assessment ();
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "team.srma", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) after = NULL;
  const char *original = "{ \"the\": \"original\" }\n";

  if (running_as_root ())
    {
      remove_tree (dir);
      g_test_skip ("root can write into read-only folders");
      return;
    }

  write_file (path, original);
  g_chmod (dir, 0500);
  g_assert_false (srm_assessment_save (assessment, file, NULL, &error));
  g_assert_error (error, SRM_ASSESSMENT_ERROR, SRM_ASSESSMENT_ERROR_WRITE);
  g_assert_true (g_str_has_prefix (error->message, "team.srma: cannot save"));
  g_assert_true (srm_assessment_get_dirty (assessment) == FALSE);   /* new, never dirty */
  g_assert_null (srm_assessment_get_file (assessment));

  after = read_bytes (path);
  g_assert_cmpstr (g_bytes_get_data (after, NULL), ==, original);
  g_assert_cmpuint (count_entries (dir), ==, 1);
  remove_tree (dir);
}

static void
test_save_write_fault (void)
{
  g_autoptr(SrmAssessment) assessment = new_small_assessment ();
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "team.srma", NULL);
  g_autofree char *backup = g_build_filename (dir, "team.srma~", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) backup_before = NULL;
  const int faults[] = { 0, 1, 100, 1000 };

  /* Two saves, so there is a file and a backup to protect. */
  g_assert_true (srm_assessment_save (assessment, file, NULL, &error));
  srm_answer_set_owner (answer_at (assessment, 0), "First");
  g_assert_true (srm_assessment_save (assessment, file, NULL, &error));
  g_assert_no_error (error);
  before = read_bytes (path);
  backup_before = read_bytes (backup);

  srm_answer_set_owner (answer_at (assessment, 0), "Second, never saved");
  for (guint i = 0; i < G_N_ELEMENTS (faults); i++)
    {
      g_autoptr(GBytes) after = NULL;
      g_autoptr(GBytes) backup_after = NULL;

      _srm_safe_file_set_write_fault (faults[i]);
      g_assert_false (srm_assessment_save (assessment, file, NULL, &error));
      _srm_safe_file_set_write_fault (-1);
      g_assert_error (error, SRM_ASSESSMENT_ERROR, SRM_ASSESSMENT_ERROR_WRITE);
      g_assert_true (g_str_has_prefix (error->message, "team.srma: "));
      g_clear_error (&error);

      after = read_bytes (path);
      assert_bytes_equal (before, after);
      backup_after = read_bytes (backup);
      assert_bytes_equal (backup_before, backup_after);
      g_assert_cmpuint (count_entries (dir), ==, 2);
      g_assert_true (srm_assessment_get_dirty (assessment));
    }

  remove_tree (dir);
}

static void
test_save_through_symlink (void)
{
  g_autoptr(SrmAssessment) assessment = new_small_assessment ();
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *real_dir = g_build_filename (dir, "synced", NULL);
  g_autofree char *target = g_build_filename (real_dir, "team.srma", NULL);
  g_autofree char *link = g_build_filename (dir, "team.srma", NULL);
  g_autofree char *target_backup = g_build_filename (real_dir, "team.srma~", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (link);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) expected = NULL;
  g_autoptr(GBytes) on_disk = NULL;
  g_autoptr(GBytes) kept = NULL;

  g_assert_cmpint (g_mkdir (real_dir, 0700), ==, 0);
  write_file (target, "old\n");
  g_assert_cmpint (symlink (target, link), ==, 0);

  /* The link's target is replaced; the link stays a link. */
  g_assert_true (srm_assessment_save (assessment, file, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (link, G_FILE_TEST_IS_SYMLINK));
  expected = srm_assessment_to_bytes (assessment);
  on_disk = read_bytes (target);
  assert_bytes_equal (expected, on_disk);
  kept = read_bytes (target_backup);
  g_assert_cmpstr (g_bytes_get_data (kept, NULL), ==, "old\n");

  remove_tree (dir);
}

typedef struct {
  GMainLoop     *loop;
  GAsyncResult  *result;
} Wait;

static void
on_done (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  Wait *wait = user_data;

  wait->result = g_object_ref (result);
  g_main_loop_quit (wait->loop);
}

static void
test_async (void)
{
  g_autoptr(SrmAssessment) assessment = new_small_assessment ();
  g_autoptr(SrmAssessment) loaded = NULL;
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "async.srma", NULL);
  g_autofree char *broken = data_path ("assessment-invalid-status.srma");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) broken_file = g_file_new_for_path (broken);
  g_autoptr(GError) error = NULL;
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  Wait wait = { loop, NULL };

  srm_answer_set_status (answer_at (assessment, 0), SRM_ANSWER_STATUS_RISK_ACCEPTED);
  srm_assessment_save_async (assessment, file, NULL, on_done, &wait);
  /* Edited while the worker writes: still dirty afterwards. */
  srm_answer_set_owner (answer_at (assessment, 1), "During the save");
  g_main_loop_run (loop);
  g_assert_true (srm_assessment_save_finish (assessment, wait.result, &error));
  g_assert_no_error (error);
  g_clear_object (&wait.result);
  g_assert_true (srm_assessment_get_dirty (assessment));
  g_assert_true (g_file_equal (srm_assessment_get_file (assessment), file));

  srm_assessment_load_async (file, NULL, on_done, &wait);
  g_main_loop_run (loop);
  loaded = srm_assessment_load_finish (wait.result, &error);
  g_assert_no_error (error);
  g_clear_object (&wait.result);
  g_assert_cmpint (srm_answer_get_status (answer_at (loaded, 0)), ==, SRM_ANSWER_STATUS_RISK_ACCEPTED);
  g_assert_cmpstr (srm_answer_get_owner (answer_at (loaded, 1)), ==, "");
  g_assert_false (srm_assessment_get_dirty (loaded));
  g_clear_object (&loaded);

  srm_assessment_load_async (broken_file, NULL, on_done, &wait);
  g_main_loop_run (loop);
  loaded = srm_assessment_load_finish (wait.result, &error);
  g_assert_null (loaded);
  g_assert_error (error, SRM_ASSESSMENT_ERROR, SRM_ASSESSMENT_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  g_clear_object (&wait.result);

  g_cancellable_cancel (cancellable);
  srm_assessment_save_async (assessment, file, cancellable, on_done, &wait);
  g_main_loop_run (loop);
  g_assert_false (srm_assessment_save_finish (assessment, wait.result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_object (&wait.result);
  g_assert_cmpuint (count_entries (dir), ==, 1);   /* one save, so no backup yet */

  remove_tree (dir);
}

/* ---- drafts ---- */

static void
test_drafts (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *drafts_dir = g_build_filename (dir, "drafts", NULL);
  g_autofree char *example = example_path ();
  g_autoptr(SrmDraftStore) store = srm_draft_store_new (drafts_dir);
  g_autoptr(SrmAssessment) from_file = load_path (example);
  g_autoptr(SrmAssessment) fresh = new_small_assessment ();
  g_autoptr(SrmAssessment) recovered = NULL;
  g_autoptr(GListModel) drafts = NULL;
  g_autoptr(SrmDraft) draft = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) expected = NULL;
  g_autoptr(GBytes) actual = NULL;
  g_autofree char *id = srm_draft_store_new_draft_id ();
  g_autofree char *draft_path = NULL;
  GStatBuf st;

  g_assert_cmpstr (srm_draft_store_get_dir (store), ==, drafts_dir);
  drafts = srm_draft_store_list_drafts (store);
  g_assert_cmpuint (g_list_model_get_n_items (drafts), ==, 0);
  g_clear_object (&drafts);

  srm_answer_set_notes (answer_at (from_file, 11), "Unsaved work");
  srm_assessment_set_title (fresh, "Never saved");
  g_assert_true (srm_draft_store_save_draft (store, from_file, id, &error));
  g_assert_no_error (error);
  g_assert_true (srm_draft_store_save_draft (store, fresh, "fresh-1", &error));
  g_assert_no_error (error);
  /* Saving a draft is not saving the document. */
  g_assert_true (srm_assessment_get_dirty (from_file));

  draft_path = g_strconcat (drafts_dir, "/", id, ".srma-draft", NULL);
  g_assert_cmpint (g_stat (draft_path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (g_stat (drafts_dir, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);

  drafts = srm_draft_store_list_drafts (store);
  g_assert_cmpuint (g_list_model_get_n_items (drafts), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(SrmDraft) item = g_list_model_get_item (drafts, i);

      if (g_str_equal (srm_draft_get_id (item), id))
        {
          g_autofree char *original = g_file_get_path (srm_draft_get_original (item));
          g_autofree char *canonical = g_canonicalize_filename (example, NULL);

          g_assert_cmpstr (srm_draft_get_title (item), ==, "Contoso web shop: customer duties");
          g_assert_cmpstr (original, ==, canonical);
          g_assert_nonnull (srm_draft_get_saved (item));
        }
      else
        {
          g_assert_cmpstr (srm_draft_get_id (item), ==, "fresh-1");
          g_assert_cmpstr (srm_draft_get_title (item), ==, "Never saved");
          g_assert_null (srm_draft_get_original (item));
        }
    }

  recovered = srm_draft_store_load_draft (store, id, &error);
  g_assert_no_error (error);
  g_assert_true (srm_assessment_get_dirty (recovered));
  g_assert_true (g_file_equal (srm_assessment_get_file (recovered), srm_assessment_get_file (from_file)));
  expected = srm_assessment_to_bytes (from_file);
  actual = srm_assessment_to_bytes (recovered);
  assert_bytes_equal (expected, actual);

  g_assert_true (srm_draft_store_discard_draft (store, id, &error));
  g_assert_true (srm_draft_store_discard_draft (store, id, &error));   /* already gone: fine */
  g_assert_no_error (error);
  g_clear_object (&drafts);
  drafts = srm_draft_store_list_drafts (store);
  g_assert_cmpuint (g_list_model_get_n_items (drafts), ==, 1);
  g_clear_object (&recovered);
  recovered = srm_draft_store_load_draft (store, id, &error);
  g_assert_null (recovered);
  g_assert_error (error, SRM_ASSESSMENT_ERROR, SRM_ASSESSMENT_ERROR_READ);

  remove_tree (dir);
}

#define KILLED_DRAFT_ENV "SRM_TEST_KILLED_DRAFT_DIR"

static void
test_draft_of_killed_process (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SrmDraftStore) store = NULL;
  g_autoptr(GListModel) drafts = NULL;
  g_autoptr(SrmDraft) draft = NULL;
  g_autoptr(SrmAssessment) recovered = NULL;
  g_autoptr(GError) error = NULL;

  if (g_test_subprocess ())
    {
      /* The app, autosaving, then killed before it could clean up. */
      g_autoptr(SrmDraftStore) child_store = srm_draft_store_new (g_getenv (KILLED_DRAFT_ENV));
      g_autoptr(SrmAssessment) assessment = new_small_assessment ();

      srm_assessment_set_title (assessment, "Work of a killed process");
      srm_answer_set_status (answer_at (assessment, 2), SRM_ANSWER_STATUS_IN_PROGRESS);
      g_assert_true (srm_draft_store_save_draft (child_store, assessment, "killed", NULL));
      kill (getpid (), SIGKILL);
      return;
    }

  dir = make_temp_dir ();
  g_setenv (KILLED_DRAFT_ENV, dir, TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_unsetenv (KILLED_DRAFT_ENV);

  store = srm_draft_store_new (dir);
  drafts = srm_draft_store_list_drafts (store);
  g_assert_cmpuint (g_list_model_get_n_items (drafts), ==, 1);
  draft = g_list_model_get_item (drafts, 0);
  g_assert_cmpstr (srm_draft_get_id (draft), ==, "killed");
  g_assert_cmpstr (srm_draft_get_title (draft), ==, "Work of a killed process");

  recovered = srm_draft_store_load_draft (store, "killed", &error);
  g_assert_no_error (error);
  g_assert_cmpint (srm_answer_get_status (answer_at (recovered, 2)), ==, SRM_ANSWER_STATUS_IN_PROGRESS);
  g_assert_null (srm_assessment_get_file (recovered));

  remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/assessment/new-for-selection", test_new_for_selection);
  g_test_add_func ("/assessment/round-trip", test_round_trip);
  g_test_add_func ("/assessment/example-is-canonical", test_example_is_canonical);
  g_test_add_func ("/assessment/deterministic-golden", test_deterministic_golden);
  g_test_add_func ("/assessment/unknown-members-survive", test_unknown_members_survive);
  g_test_add_func ("/assessment/writer-matches-json-glib", test_writer_matches_json_glib);
  g_test_add_func ("/assessment/orphaned-answers-survive", test_orphaned_answers_survive);
  g_test_add_func ("/assessment/changes-and-dirty", test_changes_and_dirty);
  g_test_add_func ("/assessment/undo-redo", test_undo_redo);
  g_test_add_func ("/assessment/undo-merges-typing", test_undo_merges_typing);
  g_test_add_func ("/assessment/valid-minimal", test_valid_minimal);
  for (guint i = 0; i < G_N_ELEMENTS (broken_files); i++)
    {
      g_autofree char *name = g_strdup_printf ("/assessment/refused/%s", broken_files[i].file);

      g_test_add_data_func (name, &broken_files[i], test_broken_file);
    }
  g_test_add_func ("/assessment/refused/truncated-everywhere", test_truncated_everywhere);
  g_test_add_func ("/assessment/direct/same-as-tree", test_direct_same_as_tree);
  g_test_add_func ("/assessment/direct/declines-broken", test_direct_declines_broken);
  g_test_add_func ("/assessment/direct/damaged", test_direct_damaged);
  g_test_add_func ("/assessment/direct/late-errors", test_direct_late_errors);
  g_test_add_func ("/assessment/refused/huge", test_huge);
  g_test_add_func ("/assessment/refused/read-errors", test_read_errors);
  g_test_add_func ("/assessment/save/modes-and-backup", test_save_modes_and_backup);
  g_test_add_func ("/assessment/save/keeps-owner-permissions", test_save_keeps_owner_permissions);
  g_test_add_func ("/assessment/save/read-only-folder", test_save_read_only_folder);
  g_test_add_func ("/assessment/save/write-fault", test_save_write_fault);
  g_test_add_func ("/assessment/save/through-symlink", test_save_through_symlink);
  g_test_add_func ("/assessment/async", test_async);
  g_test_add_func ("/assessment/drafts/save-list-load-discard", test_drafts);
  g_test_add_func ("/assessment/drafts/killed-process", test_draft_of_killed_process);

  return g_test_run ();
}
