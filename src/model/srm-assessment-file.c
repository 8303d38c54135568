/* srm-assessment-file.c: the assessment file format (docs/assessment-format.md).
 *
 * Assessments are edited by people, merged in git and sometimes mangled by
 * tools, and losing one costs days of work, so reading is strict and says
 * exactly where a file is wrong ("NAME: PLACE: problem", PLACE a JSON path such
 * as answers[12].due, or LINE:COLUMN before the JSON is understood), while
 * members a newer minor version added are kept and written back unchanged.
 *
 * Writing is deterministic: members in a fixed order, 2-space indent, a final
 * newline, so the same document always gives the same bytes and diffs stay
 * small.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "srm-assessment-file.h"
#include "srm-assessment-private.h"
#include "srm-json-guard.h"

#define FORMAT_NAME "srm-assessment"
/* Values quoted back in messages come from the file; keep messages one line. */

/* ---- messages ---- */

typedef struct {
  const char *name;
  const char *prefix;   /* where the document sits in its file, or NULL */
  GError     *error;
} Reader;

static gboolean
is_plain_member_name (const char *name)
{
  if (*name == '\0')
    return FALSE;
  for (const char *p = name; *p != '\0'; p++)
    {
      if (!g_ascii_isalnum (*p) && *p != '_' && *p != '-')
        return FALSE;
    }
  return TRUE;
}

/* parent[index].member, each part optional (index < 0, member NULL). */
static char *
make_place (const char *prefix,
            const char *parent,
            gint64      index,
            const char *member)
{
  GString *place = g_string_new (prefix);

  if (parent != NULL)
    {
      if (place->len > 0)
        g_string_append_c (place, '.');
      g_string_append (place, parent);
    }
  if (index >= 0)
    g_string_append_printf (place, "[%" G_GINT64_FORMAT "]", index);
  if (member != NULL)
    {
      if (is_plain_member_name (member))
        {
          if (place->len > 0)
            g_string_append_c (place, '.');
          g_string_append (place, member);
        }
      else
        {
          g_autofree char *quoted = srm_json_quote_value (member);

          g_string_append_printf (place, "[\"%s\"]", quoted);
        }
    }
  return g_string_free (place, FALSE);
}

static gboolean fail (Reader             *self,
                      SrmAssessmentError  code,
                      const char         *parent,
                      gint64              index,
                      const char         *member,
                      const char         *format,
                      ...) G_GNUC_PRINTF (6, 7);

/* Records the first problem and returns FALSE; the place is only built here,
 * so reading a valid file formats no paths. */
static gboolean
fail (Reader             *self,
      SrmAssessmentError  code,
      const char         *parent,
      gint64              index,
      const char         *member,
      const char         *format,
      ...)
{
  g_autofree char *problem = NULL;
  g_autofree char *place = NULL;
  va_list args;

  if (self->error != NULL)
    return FALSE;

  va_start (args, format);
  problem = g_strdup_vprintf (format, args);
  va_end (args);

  place = make_place (self->prefix, parent, index, member);
  _srm_assessment_set_error (&self->error, code, self->name, place, problem);
  return FALSE;
}

/* The slot of @name in @known, or @n_known. A handful of names: comparing the
 * first byte first is cheaper than hashing. */
static guint
find_known (const char         *name,
            const char * const *known,
            guint               n_known)
{
  guint i = 0;

  while (i < n_known && (name[0] != known[i][0] || strcmp (name, known[i]) != 0))
    i++;
  return i;
}

/* Each object's members in one pass: looking each known name up in
 * json-glib's hash table (and then every member again, to find the unknown
 * ones) hashed each name two or three times, which showed in profiles of
 * files with 100,000 answers. nodes[i] is the member named known[i], or NULL;
 * when @extra is not NULL, the members not in @known are copied to *extra in
 * file order (*extra stays NULL if there are none). */
static void
sort_members (JsonObject          *object,
              const char * const  *known,
              guint                n_known,
              JsonNode           **nodes,
              JsonObject         **extra)
{
  JsonObjectIter iter;
  const char *name;
  JsonNode *node;
  gboolean has_unknown = FALSE;

  memset (nodes, 0, n_known * sizeof *nodes);

  /* The unordered walk reads the hash table's entries without hashing... */
  json_object_iter_init (&iter, object);
  while (json_object_iter_next (&iter, &name, &node))
    {
      guint i = find_known (name, known, n_known);

      if (i < n_known)
        nodes[i] = node;
      else
        has_unknown = TRUE;
    }

  /* ...but unknown members must keep their order: a second, ordered walk
   * for the rare object that has them. */
  if (!has_unknown || extra == NULL)
    return;
  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &name, &node))
    {
      if (find_known (name, known, n_known) < n_known)
        continue;
      if (*extra == NULL)
        *extra = json_object_new ();
      json_object_set_member (*extra, name, json_node_copy (node));
    }
}

/* @node is the member named @member, or NULL when absent; *out is @node, or
 * NULL when an optional member is absent (a JSON null counts as absent: many
 * writers emit it for "no value"). */
static gboolean
get_member (Reader      *self,
            JsonNode    *node,
            const char  *parent,
            gint64       index,
            const char  *member,
            SrmJsonKind  expect,
            gboolean     required,
            JsonNode   **out)
{
  *out = NULL;
  if (node == NULL || (!required && JSON_NODE_HOLDS_NULL (node)))
    {
      if (required)
        return fail (self, SRM_ASSESSMENT_ERROR_MISSING_FIELD, parent, index, NULL,
                     _("missing required member \"%s\""), member);
      return TRUE;
    }

  if (!srm_json_node_is (node, expect))
    /* Translators: e.g. "expected a string, found a whole number" */
    return fail (self, SRM_ASSESSMENT_ERROR_WRONG_TYPE, parent, index, member,
                 _("expected %s, found %s"), srm_json_describe_kind (expect), srm_json_describe_node (node));

  *out = node;
  return TRUE;
}

/* An optional string, copied; NULL when absent or empty. */
static gboolean
read_string (Reader      *self,
             JsonNode    *node,
             const char  *parent,
             gint64       index,
             const char  *member,
             gboolean     required,
             char       **out)
{
  const char *text;

  *out = NULL;
  if (!get_member (self, node, parent, index, member, SRM_JSON_STRING, required, &node))
    return FALSE;
  if (node == NULL)
    return TRUE;

  text = json_node_get_string (node);
  if (*text != '\0')
    *out = g_strdup (text);
  return TRUE;
}

/* An id has no spaces or control characters (it may be non-ASCII). */
static gboolean
id_is_clean (const char *id,
             gsize       len)
{
  for (gsize i = 0; i < len; i++)
    {
      if ((guchar) id[i] <= ' ' || id[i] == 0x7f)
        return FALSE;
    }
  return TRUE;
}

/* A required id: a non-empty string without spaces or control characters. */
static gboolean
read_id (Reader      *self,
         JsonNode    *node,
         const char  *parent,
         gint64       index,
         const char  *member,
         const char **out)
{
  const char *id;

  *out = NULL;
  if (!get_member (self, node, parent, index, member, SRM_JSON_STRING, TRUE, &node))
    return FALSE;

  id = json_node_get_string (node);
  if (*id == '\0')
    return fail (self, SRM_ASSESSMENT_ERROR_INVALID_VALUE, parent, index, member,
                 _("the id is empty"));
  if (!id_is_clean (id, strlen (id)))
    {
      g_autofree char *quoted = srm_json_quote_value (id);

      return fail (self, SRM_ASSESSMENT_ERROR_INVALID_VALUE, parent, index, member,
                   _("\"%s\" is not a valid id: it contains spaces or control characters"),
                   quoted);
    }

  *out = id;
  return TRUE;
}

static gboolean
digits (const char *p,
        guint       n,
        guint      *value)
{
  guint v = 0;

  for (guint i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit (p[i]))
        return FALSE;
      v = v * 10 + (guint) (p[i] - '0');
    }
  *value = v;
  return TRUE;
}

/* Exactly YYYY-MM-DD, a day that exists. @text need not end in a NUL: the
 * direct reader passes text still in the file's bytes. */
static gboolean
parse_date (const char *text,
            gsize       len,
            GDate      *date)
{
  guint y, m, d;

  if (len != 10 || text[4] != '-' || text[7] != '-' ||
      !digits (text, 4, &y) || !digits (text + 5, 2, &m) || !digits (text + 8, 2, &d))
    return FALSE;
  if (y < 1 || !g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y))
    return FALSE;

  g_date_clear (date, 1);
  g_date_set_dmy (date, (GDateDay) d, (GDateMonth) m, (GDateYear) y);
  return TRUE;
}

/* ISO 8601 with a zone; kept in UTC to the second, the precision we write.
 * The form we write (2026-11-20T09:30:00Z) is read without GLib's general
 * parser, which matters for files of 100,000 answers. As parse_date (),
 * @text need not end in a NUL. */
static GDateTime *
parse_time (const char *text,
            gsize       len)
{
  g_autoptr(GDateTime) parsed = NULL;
  g_autoptr(GTimeZone) utc = NULL;
  g_autoptr(GDateTime) in_utc = NULL;
  g_autofree char *copy = NULL;
  const char *time_part;
  guint y, mo, d, h, mi, s;

  if (len == 20 && text[4] == '-' && text[7] == '-' && text[10] == 'T' &&
      text[13] == ':' && text[16] == ':' && text[19] == 'Z' &&
      digits (text, 4, &y) && digits (text + 5, 2, &mo) && digits (text + 8, 2, &d) &&
      digits (text + 11, 2, &h) && digits (text + 14, 2, &mi) && digits (text + 17, 2, &s))
    {
      if (y < 1 || !g_date_valid_dmy ((GDateDay) d, (GDateMonth) mo, (GDateYear) y) ||
          h > 23 || mi > 59 || s > 59)
        return NULL;
      return g_date_time_new_utc ((int) y, (int) mo, (int) d, (int) h, (int) mi, s);
    }

  /* Anything else must have a time and say its zone: a time without one
   * means different instants to different readers. */
  text = copy = g_strndup (text, len);
  time_part = strpbrk (text, "Tt");
  if (time_part == NULL || strpbrk (time_part, "Zz+-") == NULL)
    return NULL;
  utc = g_time_zone_new_utc ();
  parsed = g_date_time_new_from_iso8601 (text, NULL);
  if (parsed == NULL)
    return NULL;
  in_utc = g_date_time_to_timezone (parsed, utc);
  if (in_utc == NULL)
    return NULL;
  return g_date_time_new_utc (g_date_time_get_year (in_utc),
                              g_date_time_get_month (in_utc),
                              g_date_time_get_day_of_month (in_utc),
                              g_date_time_get_hour (in_utc),
                              g_date_time_get_minute (in_utc),
                              g_date_time_get_second (in_utc));
}

static gboolean
read_time (Reader      *self,
           JsonNode    *node,
           const char  *parent,
           gint64       index,
           const char  *member,
           gboolean     required,
           GDateTime  **out)
{
  g_autofree char *quoted = NULL;

  *out = NULL;
  if (!get_member (self, node, parent, index, member, SRM_JSON_STRING, required, &node))
    return FALSE;
  if (node == NULL)
    return TRUE;

  *out = parse_time (json_node_get_string (node), strlen (json_node_get_string (node)));
  if (*out != NULL)
    return TRUE;

  quoted = srm_json_quote_value (json_node_get_string (node));
  return fail (self, SRM_ASSESSMENT_ERROR_INVALID_VALUE, parent, index, member,
               _("\"%s\" is not a time like 2026-11-20T09:30:00Z"), quoted);
}

/* ---- reading ---- */

/* The members we know, in the order we write them; slots for sort_members (). */
enum {
  ANSWER_DUTY, ANSWER_SERVICE, ANSWER_LAYER, ANSWER_STATUS, ANSWER_OWNER, ANSWER_DUE,
  ANSWER_EVIDENCE, ANSWER_NOTES, ANSWER_CHANGED, N_ANSWER_MEMBERS
};

static const char * const answer_members[N_ANSWER_MEMBERS + 1] = {
  "duty", "service", "layer", "status", "owner", "due", "evidence", "notes", "changed", NULL,
};

enum {
  TOP_FORMAT, TOP_VERSION, TOP_TITLE, TOP_ORGANISATION, TOP_ASSESSOR, TOP_CREATED,
  TOP_MODIFIED, TOP_CATALOG, TOP_SCOPE, TOP_ANSWERS, N_TOP_MEMBERS
};

static const char * const top_members[N_TOP_MEMBERS + 1] = {
  "format", "version", "title", "organisation", "assessor", "created", "modified",
  "catalog", "scope", "answers", NULL,
};

enum { CATALOG_ID, CATALOG_VERSION, N_CATALOG_MEMBERS };
static const char * const catalog_members[N_CATALOG_MEMBERS] = { "id", "version" };

enum { SCOPE_MODELS, SCOPE_SERVICES, N_SCOPE_MEMBERS };
static const char * const scope_members[N_SCOPE_MEMBERS] = { "models", "services" };

static SrmAnswer *
read_answer (Reader     *self,
             JsonNode   *node,
             guint       index,
             GHashTable *first_index)
{
  JsonNode *nodes[N_ANSWER_MEMBERS];
  g_autoptr(JsonObject) extra = NULL;
  const char *duty_id, *service_id;
  g_autofree char *layer_id = NULL;
  g_autofree char *owner = NULL;
  g_autofree char *notes = NULL;
  g_autofree char *evidence = NULL;
  g_autoptr(GDateTime) changed = NULL;
  JsonNode *member;
  SrmAnswerStatus status;
  GDate due;
  gboolean has_due = FALSE;
  gpointer first;

  if (!srm_json_node_is (node, SRM_JSON_OBJECT))
    {
      fail (self, SRM_ASSESSMENT_ERROR_WRONG_TYPE, "answers", index, NULL,
            _("expected %s, found %s"), srm_json_describe_kind (SRM_JSON_OBJECT), srm_json_describe_node (node));
      return NULL;
    }
  /* The members are checked in a fixed order below, whatever their order in
   * the file, so the first problem reported stays the same. */
  sort_members (json_node_get_object (node), answer_members, N_ANSWER_MEMBERS, nodes, &extra);

  if (!read_id (self, nodes[ANSWER_DUTY], "answers", index, "duty", &duty_id) ||
      !read_id (self, nodes[ANSWER_SERVICE], "answers", index, "service", &service_id))
    return NULL;

  if (g_hash_table_lookup_extended (first_index, duty_id, NULL, &first))
    {
      g_autofree char *quoted = srm_json_quote_value (duty_id);
      g_autofree char *first_place = make_place (NULL, "answers", GPOINTER_TO_INT (first), NULL);

      /* Translators: the second %s is where the first answer is, e.g. answers[3] */
      fail (self, SRM_ASSESSMENT_ERROR_DUPLICATE, "answers", index, "duty",
            _("a second answer for the duty \"%s\"; the first is %s"), quoted, first_place);
      return NULL;
    }
  g_hash_table_insert (first_index, (char *) duty_id, GUINT_TO_POINTER (index));

  if (!get_member (self, nodes[ANSWER_STATUS], "answers", index, "status", SRM_JSON_STRING, TRUE, &member))
    return NULL;
  if (!srm_answer_status_from_string (json_node_get_string (member), &status))
    {
      g_autofree char *quoted = srm_json_quote_value (json_node_get_string (member));

      fail (self, SRM_ASSESSMENT_ERROR_INVALID_VALUE, "answers", index, "status",
            _("unknown status \"%s\"; expected not-assessed, not-started, in-progress, implemented, not-applicable or risk-accepted"),
            quoted);
      return NULL;
    }

  if (!read_string (self, nodes[ANSWER_LAYER], "answers", index, "layer", FALSE, &layer_id) ||
      !read_string (self, nodes[ANSWER_OWNER], "answers", index, "owner", FALSE, &owner) ||
      !read_string (self, nodes[ANSWER_NOTES], "answers", index, "notes", FALSE, &notes) ||
      !read_string (self, nodes[ANSWER_EVIDENCE], "answers", index, "evidence", FALSE, &evidence) ||
      !read_time (self, nodes[ANSWER_CHANGED], "answers", index, "changed", FALSE, &changed))
    return NULL;

  if (!get_member (self, nodes[ANSWER_DUE], "answers", index, "due", SRM_JSON_STRING, FALSE, &member))
    return NULL;
  if (member != NULL)
    {
      if (!parse_date (json_node_get_string (member), strlen (json_node_get_string (member)), &due))
        {
          g_autofree char *quoted = srm_json_quote_value (json_node_get_string (member));

          fail (self, SRM_ASSESSMENT_ERROR_INVALID_VALUE, "answers", index, "due",
                _("\"%s\" is not a date like 2026-12-31"), quoted);
          return NULL;
        }
      has_due = TRUE;
    }

  return _srm_answer_new_loaded (g_strdup (duty_id), g_strdup (service_id),
                                 g_steal_pointer (&layer_id), status,
                                 g_steal_pointer (&owner), g_steal_pointer (&notes),
                                 g_steal_pointer (&evidence), has_due ? &due : NULL,
                                 g_steal_pointer (&changed), g_steal_pointer (&extra));
}

static gboolean
read_id_list (Reader      *self,
              JsonNode    *node,
              const char  *member,
              gboolean     required,
              GStrv       *out)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autofree char *parent = g_strconcat ("scope.", member, NULL);
  JsonArray *array;
  guint n;

  if (!get_member (self, node, "scope", -1, member, SRM_JSON_ARRAY, required, &node))
    return FALSE;

  if (node != NULL)
    {
      array = json_node_get_array (node);
      n = json_array_get_length (array);
      for (guint i = 0; i < n; i++)
        {
          JsonNode *element = json_array_get_element (array, i);

          if (!srm_json_node_is (element, SRM_JSON_STRING))
            return fail (self, SRM_ASSESSMENT_ERROR_WRONG_TYPE, parent, i, NULL,
                         _("expected %s, found %s"), srm_json_describe_kind (SRM_JSON_STRING),
                         srm_json_describe_node (element));
          if (*json_node_get_string (element) == '\0')
            return fail (self, SRM_ASSESSMENT_ERROR_INVALID_VALUE, parent, i, NULL,
                         _("the id is empty"));
          g_strv_builder_add (builder, json_node_get_string (element));
        }
    }

  *out = g_strv_builder_end (builder);
  return TRUE;
}

/* "MAJOR.MINOR", both whole numbers. */
static gboolean
parse_version (const char *text,
               guint64    *major,
               guint64    *minor)
{
  char *end = NULL;

  if (!g_ascii_isdigit (*text))
    return FALSE;
  *major = g_ascii_strtoull (text, &end, 10);
  if (*end != '.' || !g_ascii_isdigit (end[1]))
    return FALSE;
  *minor = g_ascii_strtoull (end + 1, &end, 10);
  return *end == '\0';
}

static gboolean
read_header (Reader    *self,
             JsonNode **nodes)
{
  JsonNode *node;
  const char *text;
  guint64 major = 0, minor = 0;
  g_autofree char *quoted = NULL;

  /* The format and version first: a newer file may differ in everything else,
   * and then that is the one thing worth saying. */
  if (!get_member (self, nodes[TOP_FORMAT], NULL, -1, "format", SRM_JSON_STRING, TRUE, &node))
    return FALSE;
  text = json_node_get_string (node);
  if (!g_str_equal (text, FORMAT_NAME))
    {
      quoted = srm_json_quote_value (text);
      return fail (self, SRM_ASSESSMENT_ERROR_INVALID_VALUE, NULL, -1, "format",
                   _("this is not an assessment: the format is \"%s\", not \"%s\""),
                   quoted, FORMAT_NAME);
    }

  if (!get_member (self, nodes[TOP_VERSION], NULL, -1, "version", SRM_JSON_STRING, TRUE, &node))
    return FALSE;
  text = json_node_get_string (node);
  quoted = srm_json_quote_value (text);
  if (!parse_version (text, &major, &minor))
    return fail (self, SRM_ASSESSMENT_ERROR_INVALID_VALUE, NULL, -1, "version",
                 _("\"%s\" is not a version like 1.0"), quoted);
  if (major > SRM_ASSESSMENT_FORMAT_MAJOR)
    /* Translators: the first %s is a version like 2.0, %d the major version we read */
    return fail (self, SRM_ASSESSMENT_ERROR_UNSUPPORTED_VERSION, NULL, -1, NULL,
                 _("this assessment was written by a newer version (format %s); this version reads %d.x"),
                 quoted, SRM_ASSESSMENT_FORMAT_MAJOR);
  if (major < SRM_ASSESSMENT_FORMAT_MAJOR)
    return fail (self, SRM_ASSESSMENT_ERROR_UNSUPPORTED_VERSION, NULL, -1, NULL,
                 _("format %s is not one this version reads; it reads %d.x"),
                 quoted, SRM_ASSESSMENT_FORMAT_MAJOR);
  return TRUE;
}

/* Everything before the answers: the format and version, the title, the
 * times, the catalog and the scope, with @nodes from sort_members (). Shared
 * by the tree and the direct reader, so both accept exactly the same. */
static gboolean
read_head (Reader                *self,
           JsonNode             **nodes,
           SrmAssessmentContents *contents)
{
  JsonNode *catalog[N_CATALOG_MEMBERS];
  JsonNode *scope[N_SCOPE_MEMBERS];
  JsonNode *member;
  const char *catalog_id;

  if (!read_header (self, nodes) ||
      !read_string (self, nodes[TOP_TITLE], NULL, -1, "title", TRUE, &contents->title) ||
      !read_string (self, nodes[TOP_ORGANISATION], NULL, -1, "organisation", FALSE, &contents->organisation) ||
      !read_string (self, nodes[TOP_ASSESSOR], NULL, -1, "assessor", FALSE, &contents->assessor) ||
      !read_time (self, nodes[TOP_CREATED], NULL, -1, "created", TRUE, &contents->created) ||
      !read_time (self, nodes[TOP_MODIFIED], NULL, -1, "modified", TRUE, &contents->modified))
    return FALSE;

  /* Unknown members of catalog and scope are not kept (no @extra). */
  if (!get_member (self, nodes[TOP_CATALOG], NULL, -1, "catalog", SRM_JSON_OBJECT, TRUE, &member))
    return FALSE;
  sort_members (json_node_get_object (member), catalog_members, N_CATALOG_MEMBERS, catalog, NULL);
  if (!read_id (self, catalog[CATALOG_ID], "catalog", -1, "id", &catalog_id) ||
      !read_string (self, catalog[CATALOG_VERSION], "catalog", -1, "version", FALSE, &contents->catalog_version))
    return FALSE;
  contents->catalog_id = g_strdup (catalog_id);

  if (!get_member (self, nodes[TOP_SCOPE], NULL, -1, "scope", SRM_JSON_OBJECT, TRUE, &member))
    return FALSE;
  sort_members (json_node_get_object (member), scope_members, N_SCOPE_MEMBERS, scope, NULL);
  return read_id_list (self, scope[SCOPE_MODELS], "models", FALSE, &contents->model_ids) &&
         read_id_list (self, scope[SCOPE_SERVICES], "services", TRUE, &contents->service_ids);
}

SrmAssessment *
_srm_assessment_file_read_node (JsonNode    *node,
                                const char  *name,
                                const char  *place,
                                GError     **error)
{
  Reader reader = { name, place, NULL };
  Reader *self = &reader;
  SrmAssessmentContents contents = { 0, };
  g_autoptr(GHashTable) first_index = NULL;
  JsonNode *nodes[N_TOP_MEMBERS];
  JsonArray *array;
  JsonNode *member;
  guint n;

  if (!srm_json_node_is (node, SRM_JSON_OBJECT))
    {
      if (place == NULL)
        /* Translators: the whole file is one JSON value of the wrong kind */
        _srm_assessment_set_error (error, SRM_ASSESSMENT_ERROR_WRONG_TYPE, name, NULL,
                                   _("expected the file to hold an object"));
      else
        {
          fail (self, SRM_ASSESSMENT_ERROR_WRONG_TYPE, NULL, -1, NULL, _("expected %s, found %s"),
                srm_json_describe_kind (SRM_JSON_OBJECT), srm_json_describe_node (node));
          g_propagate_error (error, reader.error);
        }
      return NULL;
    }
  sort_members (json_node_get_object (node), top_members, N_TOP_MEMBERS, nodes, &contents.extra);

  if (!read_head (self, nodes, &contents))
    goto failed;

  if (!get_member (self, nodes[TOP_ANSWERS], NULL, -1, "answers", SRM_JSON_ARRAY, TRUE, &member))
    goto failed;
  array = json_node_get_array (member);
  n = json_array_get_length (array);
  contents.answers = g_ptr_array_new_full (n, g_object_unref);
  first_index = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < n; i++)
    {
      SrmAnswer *answer = read_answer (self, json_array_get_element (array, i), i, first_index);

      if (answer == NULL)
        goto failed;
      g_ptr_array_add (contents.answers, answer);
    }

  return _srm_assessment_new_from_contents (&contents);

failed:
  _srm_assessment_contents_clear (&contents);
  g_propagate_error (error, reader.error);
  return NULL;
}

/* ---- duplicate members ---- */

/* json-glib keeps the last of two members with one name and says nothing, so a
 * merge that left "status" twice in an answer would silently pick one. This
 * scan runs on text json-glib accepted, so it can trust the syntax.
 *
 * It reads every byte of the file, so it is kept cheap: strings are skipped
 * with memchr (), and the member names of all open objects share one array
 * (an object's names follow its parent's, and go when it closes) instead of an
 * array per object. */

typedef struct {
  const char *start;   /* the raw bytes between the quotes */
  gsize       len;
  char       *decoded; /* when the raw bytes hold escapes */
} Key;

typedef struct {
  gboolean    is_object;
  gboolean    expect_key;
  guint       index;        /* arrays: the current element */
  guint       first_key;    /* objects: where their names start in the shared array */
  GHashTable *key_set;      /* objects with many members: decoded names */
  char       *label_key;    /* the member this value is, in its parent object… */
  gint64      label_index;  /* …or the element, in its parent array (else -1) */
} Frame;

static void
frame_clear (Frame *frame)
{
  g_clear_pointer (&frame->key_set, g_hash_table_unref);
  g_clear_pointer (&frame->label_key, g_free);
}

static void
key_clear (Key *key)
{
  g_clear_pointer (&key->decoded, g_free);
}

/* The end quote of the string starting at @p (after its opening quote). */
static const char *
string_end (const char *p,
            const char *end)
{
  for (;;)
    {
      const char *close = memchr (p, '"', (gsize) (end - p));
      const char *q;

      if (close == NULL)
        return end;
      /* A quote after an odd number of backslashes is escaped. */
      for (q = close; q > p && q[-1] == '\\'; q--)
        ;
      if ((close - q) % 2 == 0)
        return close;
      p = close + 1;
    }
}

static char *
decode_string (const char *p,
               gsize       len)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *quoted = g_strdup_printf ("\"%.*s\"", (int) len, p);

  /* Rare (escaped member names): let json-glib decode its own escapes. */
  if (json_parser_load_from_data (parser, quoted, -1, NULL) &&
      JSON_NODE_HOLDS_VALUE (json_parser_get_root (parser)))
    return g_strdup (json_node_get_string (json_parser_get_root (parser)));
  return g_strndup (p, len);
}

/* TRUE if @frame, the innermost open object, already has the name; @keys
 * holds the names of every open object. */
static gboolean
add_key (GArray     *keys,
         Frame      *frame,
         const char *start,
         gsize       len,
         char      **name)
{
  Key key = { start, len, NULL };

  if (memchr (start, '\\', len) != NULL)
    key.decoded = decode_string (start, len);

  if (frame->key_set != NULL)
    {
      char *text = key.decoded != NULL ? key.decoded : g_strndup (start, len);

      if (!g_hash_table_add (frame->key_set, text))
        {
          *name = g_strdup (text);
          return TRUE;
        }
      return FALSE;
    }

  for (guint i = frame->first_key; i < keys->len; i++)
    {
      Key *other = &g_array_index (keys, Key, i);
      gboolean same;

      if (key.decoded == NULL && other->decoded == NULL)
        same = other->len == len && memcmp (other->start, start, len) == 0;
      else
        {
          g_autofree char *a = key.decoded != NULL ? g_strdup (key.decoded) : g_strndup (start, len);
          g_autofree char *b = other->decoded != NULL ? g_strdup (other->decoded) : g_strndup (other->start, other->len);

          same = g_str_equal (a, b);
        }
      if (same)
        {
          *name = key.decoded != NULL ? key.decoded : g_strndup (start, len);
          return TRUE;
        }
    }
  g_array_append_val (keys, key);

  /* Past a few dozen members, switch to a set so a hostile object with
   * 100,000 members costs linear time. */
  if (keys->len - frame->first_key > 32)
    {
      frame->key_set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      for (guint i = frame->first_key; i < keys->len; i++)
        {
          Key *k = &g_array_index (keys, Key, i);

          g_hash_table_add (frame->key_set,
                            k->decoded != NULL ? g_steal_pointer (&k->decoded) : g_strndup (k->start, k->len));
        }
      g_array_set_size (keys, frame->first_key);
    }
  return FALSE;
}

static char *
frames_place (GArray *stack)
{
  GString *place = g_string_new (NULL);

  /* Frame 0 is the root value, which has no label. */
  for (guint i = 1; i < stack->len; i++)
    {
      Frame *frame = &g_array_index (stack, Frame, i);

      if (frame->label_key != NULL)
        {
          g_autofree char *part = make_place (place->len > 0 ? place->str : NULL, NULL, -1, frame->label_key);

          g_string_assign (place, part);
        }
      else
        g_string_append_printf (place, "[%" G_GINT64_FORMAT "]", frame->label_index);
    }
  return g_string_free (place, FALSE);
}

/* Returns FALSE and the place of the object and the name when a member name is
 * used twice in one object. */
static gboolean
find_duplicate_member (const char  *data,
                       gsize        len,
                       char       **place,
                       char       **name)
{
  g_autoptr(GArray) stack = g_array_sized_new (FALSE, TRUE, sizeof (Frame), 8);
  g_autoptr(GArray) keys = g_array_sized_new (FALSE, FALSE, sizeof (Key), 64);
  const char *p = data, *end = data + len;
  /* The member name just read, as raw bytes: copied only when an object or
   * array is its value, as the path to a problem is made of those. */
  const char *key_start = NULL;
  gsize key_len = 0;
  /* The innermost open value; moves only at brackets, as the stack does. */
  Frame *top = NULL;
  gboolean found = FALSE;

  g_array_set_clear_func (stack, (GDestroyNotify) frame_clear);
  g_array_set_clear_func (keys, (GDestroyNotify) key_clear);

  while (p < end && !found)
    {
      const char *close;

      switch (*p)
        {
        case '"':
          close = string_end (p + 1, end);
          if (top != NULL && top->is_object && top->expect_key)
            {
              top->expect_key = FALSE;
              key_start = p + 1;
              key_len = (gsize) (close - p - 1);
              if (add_key (keys, top, key_start, key_len, name))
                {
                  found = TRUE;
                  break;
                }
            }
          p = close + 1;
          continue;

        case '{':
        case '[':
          {
            Frame frame = { 0, };

            frame.is_object = *p == '{';
            frame.expect_key = frame.is_object;
            frame.first_key = keys->len;
            frame.label_index = -1;
            if (top != NULL && top->is_object && key_start != NULL)
              frame.label_key = memchr (key_start, '\\', key_len) != NULL
                                ? decode_string (key_start, key_len)
                                : g_strndup (key_start, key_len);
            else if (top != NULL)
              frame.label_index = top->index;
            g_array_append_val (stack, frame);
            top = &g_array_index (stack, Frame, stack->len - 1);
          }
          break;

        case '}':
        case ']':
          if (top != NULL)
            {
              if (top->is_object && keys->len > top->first_key)
                g_array_set_size (keys, top->first_key);
              g_array_set_size (stack, stack->len - 1);
              top = stack->len > 0 ? &g_array_index (stack, Frame, stack->len - 1) : NULL;
            }
          break;

        case ',':
          if (top != NULL && top->is_object)
            top->expect_key = TRUE;
          else if (top != NULL)
            top->index++;
          break;

        default:
          break;
        }
      p++;
    }

  if (found)
    *place = frames_place (stack);
  return !found;
}

JsonNode *
_srm_assessment_file_parse_json (const char  *data,
                                 gsize        len,
                                 const char  *name,
                                 GError     **error)
{
  SrmJsonGuardProblem problem = { 0, };
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *place = NULL;
  g_autofree char *member = NULL;

  root = srm_json_guard_parse (data, len, SRM_ASSESSMENT_MAX_BYTES, SRM_ASSESSMENT_MAX_DEPTH, &problem);
  if (root == NULL)
    {
      static const SrmAssessmentError codes[] = {
        [SRM_JSON_GUARD_OK] = SRM_ASSESSMENT_ERROR_SYNTAX,
        [SRM_JSON_GUARD_TOO_LARGE] = SRM_ASSESSMENT_ERROR_TOO_LARGE,
        [SRM_JSON_GUARD_INVALID_UTF8] = SRM_ASSESSMENT_ERROR_ENCODING,
        [SRM_JSON_GUARD_NUL_BYTE] = SRM_ASSESSMENT_ERROR_ENCODING,
        [SRM_JSON_GUARD_EMPTY] = SRM_ASSESSMENT_ERROR_SYNTAX,
        [SRM_JSON_GUARD_TOO_DEEP] = SRM_ASSESSMENT_ERROR_TOO_DEEP,
        [SRM_JSON_GUARD_SYNTAX] = SRM_ASSESSMENT_ERROR_SYNTAX,
      };
      g_autofree char *text = srm_json_guard_problem_describe (&problem);
      SrmAssessmentError code = (guint) problem.kind < G_N_ELEMENTS (codes)
                                ? codes[problem.kind] : SRM_ASSESSMENT_ERROR_SYNTAX;

      _srm_assessment_set_error (error, code, name, NULL, text);
      srm_json_guard_problem_clear (&problem);
      return NULL;
    }

  if (!find_duplicate_member (data, len, &place, &member))
    {
      g_autofree char *quoted = srm_json_quote_value (member);

      /* Translators: %s is a member name such as "status" */
      g_set_error (error, SRM_ASSESSMENT_ERROR, SRM_ASSESSMENT_ERROR_DUPLICATE,
                   _("%s: %s: the member \"%s\" appears twice"), name,
                   place != NULL && *place != '\0' ? place : _("the top level"), quoted);
      return NULL;
    }

  return g_steal_pointer (&root);
}

/* ---- reading without a tree ----
 *
 * json-glib builds a node, a copied name and a hash-table entry for every
 * member, which the reader above only looks at once before all of it is
 * freed again; for a file of 10,000 answers, the parse, the separate guard
 * and duplicate scans over the text, and the freeing of the tree made
 * loading 1.5 to 2 times json-glib's parse alone. The direct reader walks the
 * bytes once and builds each SrmAnswer straight from them.
 *
 * It only vouches for files it understands completely: standard JSON
 * (RFC 8259; control characters in strings are taken as they are, as
 * json-glib takes them) that the reader above would accept. For anything
 * else it returns NULL and the tree reader decides: every broken file, so
 * each error keeps its message and place, and what json-glib accepts beyond
 * the standard (comments, single quotes, hex numbers…). Everything the direct
 * reader accepts, json-glib reads to the same values; numbers, which only
 * members we do not know hold, are left to json-glib itself. The
 * /assessment/direct/ tests in tests/test-assessment.c hold the two readers
 * to the same result on valid files and on thousands of damaged ones. */

typedef struct {
  const char *p;          /* the next byte */
  const char *end;
  guint       depth;      /* arrays and objects open */
  GString    *decoded;    /* the last string read, when it had escapes */
  JsonParser *numbers;    /* for numbers; made when first needed */
} Cursor;

/* TRUE for the ASCII bytes a string can hold as they are: all but the
 * quote, the backslash and NUL. The standard wants control characters
 * escaped, but json-glib takes them as they are, and its generator (so our
 * writer too) writes U+001F unescaped: files the app saved must not miss the
 * direct reader for that. */
static const gboolean plain_in_string[256] = {
  [0x01 ... '!'] = 1, ['#' ... '['] = 1, [']' ... 0x7f] = 1,
};

static inline void
skip_blank (Cursor *c)
{
  while (c->p < c->end && (*c->p == ' ' || *c->p == '\n' || *c->p == '\r' || *c->p == '\t'))
    c->p++;
}

/* Four hex digits at @p (before @end). */
static gboolean
scan_hex4 (const char *p,
           const char *end,
           gunichar   *out)
{
  gunichar value = 0;

  if (end - p < 4)
    return FALSE;
  for (guint i = 0; i < 4; i++)
    {
      int digit = g_ascii_xdigit_value (p[i]);

      if (digit < 0)
        return FALSE;
      value = value << 4 | (gunichar) digit;
    }
  *out = value;
  return TRUE;
}

/* The rest of a string that has escapes, decoded into c->decoded; @q is the
 * first backslash, @high whether a byte before it was not ASCII. Only the
 * standard escapes: json-glib also takes "\x" for "x", cuts the string at
 * "\u0000" and lets a lone surrogate through as bytes that are not UTF-8;
 * those files go to the tree reader. */
static gboolean
scan_escaped (Cursor      *c,
              const char  *start,
              const char  *q,
              gboolean     high,
              const char **text,
              gsize       *len)
{
  GString *out = c->decoded;

  g_string_truncate (out, 0);
  g_string_append_len (out, start, q - start);

  while (q < c->end && *q != '"')
    {
      const char *run = q;
      gunichar unit, low;

      while (q < c->end && (plain_in_string[(guchar) *q] || (guchar) *q >= 0x80))
        high |= (guchar) *q++ >= 0x80;
      g_string_append_len (out, run, q - run);
      if (q == c->end || *q == '"')
        break;
      if (*q != '\\' || c->end - q < 2)
        return FALSE;   /* a NUL, or the end */

      switch (q[1])
        {
        case '"':  g_string_append_c (out, '"'); break;
        case '\\': g_string_append_c (out, '\\'); break;
        case '/':  g_string_append_c (out, '/'); break;
        case 'b':  g_string_append_c (out, '\b'); break;
        case 'f':  g_string_append_c (out, '\f'); break;
        case 'n':  g_string_append_c (out, '\n'); break;
        case 'r':  g_string_append_c (out, '\r'); break;
        case 't':  g_string_append_c (out, '\t'); break;
        case 'u':
          if (!scan_hex4 (q + 2, c->end, &unit) || unit == 0 || (unit >= 0xdc00 && unit < 0xe000))
            return FALSE;
          if (unit >= 0xd800 && unit < 0xdc00)
            {
              /* A surrogate pair: \uD83D\uDE00 is one character. */
              if (c->end - q < 12 || q[6] != '\\' || q[7] != 'u' ||
                  !scan_hex4 (q + 8, c->end, &low) || low < 0xdc00 || low >= 0xe000)
                return FALSE;
              unit = 0x10000 + ((unit - 0xd800) << 10) + (low - 0xdc00);
              q += 6;
            }
          g_string_append_unichar (out, unit);
          q += 4;
          break;
        default:
          return FALSE;
        }
      q += 2;
    }

  if (q == c->end)
    return FALSE;
  /* Escapes are ASCII: checking the raw bytes checks what they hold. */
  if (high && !g_utf8_validate_len (start, q - start, NULL))
    return FALSE;
  *text = out->str;
  *len = out->len;
  c->p = q + 1;
  return TRUE;
}

/* The string at c->p (its opening quote). *text is the file's own bytes when
 * the string has no escapes, else c->decoded: either is only valid until the
 * next string is read, and does not end in a NUL. */
static gboolean
scan_string (Cursor      *c,
             const char **text,
             gsize       *len)
{
  const char *start = c->p + 1;
  const char *q = start;
  gboolean high = FALSE;

  for (;;)
    {
      while (q < c->end && plain_in_string[(guchar) *q])
        q++;
      if (q == c->end)
        return FALSE;
      if (*q == '"')
        break;
      if ((guchar) *q >= 0x80)
        {
          high = TRUE;
          q++;
          continue;
        }
      if (*q == '\\')
        return scan_escaped (c, start, q, high, text, len);
      return FALSE;   /* a NUL, which the guard refuses */
    }

  /* The guard's UTF-8 check, for the strings that need it: outside strings,
   * only ASCII is accepted. */
  if (high && !g_utf8_validate_len (start, q - start, NULL))
    return FALSE;
  *text = start;
  *len = (gsize) (q - start);
  c->p = q + 1;
  return TRUE;
}

static gboolean
scan_word (Cursor     *c,
           const char *word,
           gsize       len)
{
  if ((gsize) (c->end - c->p) < len || memcmp (c->p, word, len) != 0)
    return FALSE;
  c->p += len;
  return TRUE;
}

static gboolean
enter (Cursor *c)
{
  c->p++;
  return ++c->depth <= SRM_ASSESSMENT_MAX_DEPTH;
}

/* Moves to the next item of the array or object being read, which @close
 * ends: 1 with the cursor on it, 0 after @close, -1 if the text is not what
 * we accept. *first is TRUE before the first item. */
static int
next_item (Cursor   *c,
           gboolean *first,
           char      close)
{
  skip_blank (c);
  if (c->p == c->end)
    return -1;
  if (*c->p == close)
    {
      c->p++;
      c->depth--;
      return 0;
    }
  if (!*first)
    {
      if (*c->p != ',')
        return -1;
      c->p++;
      skip_blank (c);
    }
  *first = FALSE;
  return c->p < c->end ? 1 : -1;
}

/* As next_item (), for objects: 1 with the member's name (see scan_string ())
 * and the cursor on its value. */
static int
next_member (Cursor      *c,
             gboolean    *first,
             const char **name,
             gsize       *len)
{
  int more = next_item (c, first, '}');

  if (more <= 0)
    return more;
  if (*c->p != '"' || !scan_string (c, name, len))
    return -1;
  skip_blank (c);
  if (c->p == c->end || *c->p != ':')
    return -1;
  c->p++;
  skip_blank (c);
  return c->p < c->end ? 1 : -1;
}

static inline int
next_element (Cursor   *c,
              gboolean *first)
{
  return next_item (c, first, ']');
}

static JsonNode *build_value (Cursor *c);

/* A number in the standard's form, read by json-glib, which has its own
 * ways with large ones (it wraps 9223372036854775808 to a negative). */
static JsonNode *
build_number (Cursor *c)
{
  const char *start = c->p;
  const char *q = c->p;
  g_autofree char *text = NULL;
  JsonNode *root, *element;

#define DIGITS_AT(x) ((x) < c->end && g_ascii_isdigit (*(x)))
  if (*q == '-')
    q++;
  if (q < c->end && *q == '0')
    q++;
  else if (DIGITS_AT (q))
    while (DIGITS_AT (q))
      q++;
  else
    return NULL;
  if (q < c->end && *q == '.')
    {
      q++;
      if (!DIGITS_AT (q))
        return NULL;
      while (DIGITS_AT (q))
        q++;
    }
  if (q < c->end && (*q == 'e' || *q == 'E'))
    {
      q++;
      if (q < c->end && (*q == '+' || *q == '-'))
        q++;
      if (!DIGITS_AT (q))
        return NULL;
      while (DIGITS_AT (q))
        q++;
    }
#undef DIGITS_AT
  c->p = q;

  if (c->numbers == NULL)
    c->numbers = json_parser_new_immutable ();
  text = g_strdup_printf ("[%.*s]", (int) (q - start), start);
  if (!json_parser_load_from_data (c->numbers, text, -1, NULL))
    return NULL;
  root = json_parser_get_root (c->numbers);
  if (root == NULL || !JSON_NODE_HOLDS_ARRAY (root) ||
      json_array_get_length (json_node_get_array (root)) != 1)
    return NULL;
  element = json_array_get_element (json_node_get_array (root), 0);
  if (json_node_get_value_type (element) != G_TYPE_INT64 &&
      json_node_get_value_type (element) != G_TYPE_DOUBLE)
    return NULL;
  return json_node_copy (element);
}

static JsonNode *
build_string (Cursor *c)
{
  const char *text;
  gsize len;
  JsonNode *node;

  if (!scan_string (c, &text, &len))
    return NULL;
  /* json-glib wants the text to end in a NUL. */
  if (text != c->decoded->str)
    {
      g_string_truncate (c->decoded, 0);
      g_string_append_len (c->decoded, text, len);
    }
  node = json_node_new (JSON_NODE_VALUE);
  json_node_set_string (node, c->decoded->str);
  return node;
}

static JsonNode *
build_object (Cursor *c)
{
  g_autoptr(JsonObject) object = json_object_new ();
  gboolean first = TRUE;
  const char *name;
  gsize len;
  JsonNode *node;
  int more;

  if (!enter (c))
    return NULL;
  while ((more = next_member (c, &first, &name, &len)) > 0)
    {
      g_autofree char *key = g_strndup (name, len);
      JsonNode *value;

      /* The duplicate-member scan's rule, for every object in the file. */
      if (json_object_has_member (object, key))
        return NULL;
      value = build_value (c);
      if (value == NULL)
        return NULL;
      json_object_set_member (object, key, value);
    }
  if (more < 0)
    return NULL;

  node = json_node_new (JSON_NODE_OBJECT);
  json_node_take_object (node, g_steal_pointer (&object));
  return node;
}

static JsonNode *
build_array (Cursor *c)
{
  g_autoptr(JsonArray) array = json_array_new ();
  gboolean first = TRUE;
  JsonNode *node;
  int more;

  if (!enter (c))
    return NULL;
  while ((more = next_element (c, &first)) > 0)
    {
      JsonNode *value = build_value (c);

      if (value == NULL)
        return NULL;
      json_array_add_element (array, value);
    }
  if (more < 0)
    return NULL;

  node = json_node_new (JSON_NODE_ARRAY);
  json_node_take_array (node, g_steal_pointer (&array));
  return node;
}

/* Any value, as json-glib's parser would make it (but not yet sealed). Used
 * for everything but the answers: the head of the file is small, and
 * members we do not know are rare. */
static JsonNode *
build_value (Cursor *c)
{
  JsonNode *node;

  switch (*c->p)
    {
    case '{':
      return build_object (c);
    case '[':
      return build_array (c);
    case '"':
      return build_string (c);
    case 't':
      if (!scan_word (c, "true", 4))
        return NULL;
      node = json_node_new (JSON_NODE_VALUE);
      json_node_set_boolean (node, TRUE);
      return node;
    case 'f':
      if (!scan_word (c, "false", 5))
        return NULL;
      node = json_node_new (JSON_NODE_VALUE);
      json_node_set_boolean (node, FALSE);
      return node;
    case 'n':
      return scan_word (c, "null", 4) ? json_node_new (JSON_NODE_NULL) : NULL;
    case '-':
    case '0' ... '9':
      return build_number (c);
    default:
      return NULL;
    }
}

/* A value that must be a string or null, as every member of an answer that
 * we know: 1 for a string (*text, *len as scan_string ()), 0 for null, -1
 * for anything else, which the tree reader reports. */
static int
scan_text (Cursor      *c,
           const char **text,
           gsize       *len)
{
  if (*c->p == '"')
    return scan_string (c, text, len) ? 1 : -1;
  return scan_word (c, "null", 4) ? 0 : -1;
}

/* Lengths of answer_members, for comparing names that do not end in a NUL. */
static const guint8 answer_member_lengths[N_ANSWER_MEMBERS] = { 4, 7, 5, 6, 5, 3, 8, 5, 7 };

static guint
find_known_len (const char *name,
                gsize       len)
{
  guint i = 0;

  while (i < N_ANSWER_MEMBERS &&
         (len != answer_member_lengths[i] || name[0] != answer_members[i][0] ||
          memcmp (name, answer_members[i], len) != 0))
    i++;
  return i;
}

/* Answers read but not yet added to their document: a handful, so that they
 * are added while still in the cache. */
#define DIRECT_BATCH 64

typedef struct {
  Cursor         cursor;
  SrmAssessment *document;      /* the answers go in as they are read */
  SrmAnswer     *batch[DIRECT_BATCH];
  guint          n_batch;
  GHashTable    *by_duty;       /* duty id → answer, borrowed from the answers */
  /* Answers edited together share their time, and GDateTime is immutable. */
  GDateTime     *last_changed;
  char           last_changed_text[20];
} Direct;

/* Hands the batch to the document, which keeps the answers. */
static void
direct_flush (Direct *self)
{
  _srm_assessment_append_loaded (self->document, self->batch, self->n_batch);
  for (guint i = 0; i < self->n_batch; i++)
    g_object_unref (self->batch[i]);
  self->n_batch = 0;
}

/* An optional text member: NULL when null or empty, as read_string (). */
static gboolean
direct_text (Cursor  *c,
             char   **out)
{
  const char *text;
  gsize len;
  int kind = scan_text (c, &text, &len);

  if (kind < 0)
    return FALSE;
  if (kind > 0 && len > 0)
    *out = g_strndup (text, len);
  return TRUE;
}

/* A required id, as read_id (). */
static gboolean
direct_id (Cursor  *c,
           char   **out)
{
  const char *text;
  gsize len;

  if (scan_text (c, &text, &len) <= 0 || len == 0 || !id_is_clean (text, len))
    return FALSE;
  *out = g_strndup (text, len);
  return TRUE;
}

static gboolean
direct_status (Cursor          *c,
               SrmAnswerStatus *out)
{
  const char *text;
  gsize len;

  if (scan_text (c, &text, &len) <= 0)
    return FALSE;
  for (guint i = SRM_ANSWER_STATUS_NOT_ASSESSED; i <= SRM_ANSWER_STATUS_RISK_ACCEPTED; i++)
    {
      const char *name = srm_answer_status_to_string ((SrmAnswerStatus) i);

      if (strlen (name) == len && memcmp (name, text, len) == 0)
        {
          *out = (SrmAnswerStatus) i;
          return TRUE;
        }
    }
  return FALSE;
}

static gboolean
direct_changed (Direct     *self,
                GDateTime **out)
{
  const char *text;
  gsize len;
  int kind = scan_text (&self->cursor, &text, &len);

  if (kind <= 0)
    return kind == 0;
  if (self->last_changed != NULL && len == sizeof self->last_changed_text &&
      memcmp (text, self->last_changed_text, len) == 0)
    {
      *out = g_date_time_ref (self->last_changed);
      return TRUE;
    }
  *out = parse_time (text, len);
  if (*out == NULL)
    return FALSE;
  if (len == sizeof self->last_changed_text)
    {
      g_clear_pointer (&self->last_changed, g_date_time_unref);
      self->last_changed = g_date_time_ref (*out);
      memcpy (self->last_changed_text, text, len);
    }
  return TRUE;
}

static gboolean
direct_due (Cursor   *c,
            GDate    *due,
            gboolean *has_due)
{
  const char *text;
  gsize len;
  int kind = scan_text (c, &text, &len);

  if (kind <= 0)
    return kind == 0;
  *has_due = parse_date (text, len, due);
  return *has_due;
}

/* One answer, checked as read_answer () checks it; NULL if it would not
 * pass, or is not standard JSON. */
static SrmAnswer *
direct_answer (Direct *self)
{
  Cursor *c = &self->cursor;
  g_autofree char *duty_id = NULL;
  g_autofree char *service_id = NULL;
  g_autofree char *layer_id = NULL;
  g_autofree char *owner = NULL;
  g_autofree char *notes = NULL;
  g_autofree char *evidence = NULL;
  g_autoptr(GDateTime) changed = NULL;
  g_autoptr(JsonObject) extra = NULL;
  SrmAnswerStatus status = SRM_ANSWER_STATUS_NOT_ASSESSED;
  gboolean has_status = FALSE;
  gboolean has_due = FALSE;
  gboolean first = TRUE;
  guint seen = 0;
  const char *name;
  const char *duty_key;
  gsize len;
  GDate due;
  SrmAnswer *answer;
  int more;

  if (*c->p != '{' || !enter (c))
    return NULL;

  while ((more = next_member (c, &first, &name, &len)) > 0)
    {
      guint slot = find_known_len (name, len);
      gboolean ok;

      if (slot == N_ANSWER_MEMBERS)
        {
          /* Kept for a newer version, as sort_members () keeps it. */
          g_autofree char *key = g_strndup (name, len);
          JsonNode *value;

          if (extra != NULL && json_object_has_member (extra, key))
            return NULL;
          value = build_value (c);
          if (value == NULL)
            return NULL;
          json_node_seal (value);
          if (extra == NULL)
            extra = json_object_new ();
          json_object_set_member (extra, key, value);
          continue;
        }

      if (seen & (1u << slot))
        return NULL;   /* a member twice */
      seen |= 1u << slot;

      switch (slot)
        {
        case ANSWER_DUTY:     ok = direct_id (c, &duty_id); break;
        case ANSWER_SERVICE:  ok = direct_id (c, &service_id); break;
        case ANSWER_LAYER:    ok = direct_text (c, &layer_id); break;
        case ANSWER_STATUS:   ok = has_status = direct_status (c, &status); break;
        case ANSWER_OWNER:    ok = direct_text (c, &owner); break;
        case ANSWER_DUE:      ok = direct_due (c, &due, &has_due); break;
        case ANSWER_EVIDENCE: ok = direct_text (c, &evidence); break;
        case ANSWER_NOTES:    ok = direct_text (c, &notes); break;
        case ANSWER_CHANGED:  ok = direct_changed (self, &changed); break;
        default:              g_assert_not_reached ();
        }
      if (!ok)
        return NULL;
    }

  if (more < 0 || duty_id == NULL || service_id == NULL || !has_status)
    return NULL;

  duty_key = duty_id;
  answer = _srm_answer_new_loaded (g_steal_pointer (&duty_id), g_steal_pointer (&service_id),
                                   g_steal_pointer (&layer_id), status,
                                   g_steal_pointer (&owner), g_steal_pointer (&notes),
                                   g_steal_pointer (&evidence), has_due ? &due : NULL,
                                   g_steal_pointer (&changed), g_steal_pointer (&extra));
  /* The document's index, made now, while the answer is in the cache; one
   * probe both finds a second answer for a duty and adds the first. */
  if (!g_hash_table_insert (self->by_duty, (char *) duty_key, answer))
    {
      /* The table now lists this answer, but is thrown away with it. */
      g_object_unref (answer);
      return NULL;
    }
  return answer;
}

static gboolean
direct_answers (Direct *self)
{
  Cursor *c = &self->cursor;
  gboolean first = TRUE;
  int more;

  if (*c->p != '[' || !enter (c))
    return FALSE;
  while ((more = next_element (c, &first)) > 0)
    {
      SrmAnswer *answer = direct_answer (self);

      if (answer == NULL)
        return FALSE;
      self->batch[self->n_batch++] = answer;
      if (self->n_batch == DIRECT_BATCH)
        direct_flush (self);
    }
  direct_flush (self);
  return more == 0;
}

SrmAssessment *
_srm_assessment_file_read_direct (const char *data,
                                  gsize       len)
{
  Direct direct = { { data, data + len, 0, NULL, NULL }, NULL, { NULL, }, 0, NULL, NULL, { 0, } };
  Cursor *c = &direct.cursor;
  SrmAssessmentContents contents = { 0, };
  /* Every top-level member but the answers, for read_head (). */
  g_autoptr(JsonObject) head = json_object_new ();
  JsonNode *nodes[N_TOP_MEMBERS];
  Reader reader = { "", NULL, NULL };
  gboolean have_answers = FALSE;
  gboolean first = TRUE;
  gboolean ok = FALSE;
  const char *name;
  gsize name_len;
  int more;

  if (len > SRM_ASSESSMENT_MAX_BYTES)
    return NULL;

  c->decoded = g_string_new (NULL);
  direct.document = g_object_new (SRM_TYPE_ASSESSMENT, NULL);
  direct.by_duty = g_hash_table_new (g_str_hash, g_str_equal);

  skip_blank (c);
  if (c->p == c->end || *c->p != '{' || !enter (c))
    goto out;
  while ((more = next_member (c, &first, &name, &name_len)) > 0)
    {
      g_autofree char *key = NULL;
      JsonNode *value;

      if (name_len == strlen ("answers") && memcmp (name, "answers", name_len) == 0)
        {
          if (have_answers || !direct_answers (&direct))
            goto out;
          have_answers = TRUE;
          continue;
        }

      key = g_strndup (name, name_len);
      if (json_object_has_member (head, key))
        goto out;
      value = build_value (c);
      if (value == NULL)
        goto out;
      /* Unknown members are kept as json-glib's immutable parser made them. */
      json_node_seal (value);
      json_object_set_member (head, key, value);
    }
  skip_blank (c);
  if (more < 0 || c->p != c->end || !have_answers)
    goto out;

  sort_members (head, top_members, N_TOP_MEMBERS, nodes, &contents.extra);
  if (!read_head (&reader, nodes, &contents))
    goto out;
  contents.document = g_steal_pointer (&direct.document);
  contents.answer_by_duty = g_steal_pointer (&direct.by_duty);
  ok = TRUE;

out:
  /* On a problem, nothing half-built is left: the answers read so far go
   * with their document. */
  g_clear_error (&reader.error);
  g_clear_pointer (&direct.by_duty, g_hash_table_unref);
  for (guint i = 0; i < direct.n_batch; i++)
    g_object_unref (direct.batch[i]);
  g_clear_object (&direct.document);
  g_clear_pointer (&direct.last_changed, g_date_time_unref);
  g_clear_object (&c->numbers);
  g_string_free (c->decoded, TRUE);
  if (!ok)
    {
      _srm_assessment_contents_clear (&contents);
      return NULL;
    }
  return _srm_assessment_new_from_contents (&contents);
}

SrmAssessment *
_srm_assessment_file_parse (const char  *data,
                            gsize        len,
                            const char  *name,
                            GError     **error)
{
  SrmAssessment *assessment = _srm_assessment_file_read_direct (data, len);
  g_autoptr(JsonNode) root = NULL;

  if (assessment != NULL)
    return assessment;

  /* Not a file the direct reader vouches for: the tree reader decides, and
   * says what is wrong. */
  root = _srm_assessment_file_parse_json (data, len, name, error);
  if (root == NULL)
    return NULL;
  return _srm_assessment_file_read_node (root, name, NULL, error);
}

GBytes *
_srm_assessment_file_load (GFile         *file,
                           const char    *name,
                           GCancellable  *cancellable,
                           GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GError) local = NULL;
  g_autoptr(GByteArray) buffer = NULL;
  g_autofree char *problem = NULL;
  goffset size;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, cancellable, &local);
  if (info != NULL && g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    {
      _srm_assessment_set_error (error, SRM_ASSESSMENT_ERROR_READ, name, NULL,
                                 _("cannot read the file: it is a folder"));
      return NULL;
    }
  if (info != NULL && g_file_info_get_size (info) > SRM_ASSESSMENT_MAX_BYTES)
    {
      g_autofree char *limit = g_format_size_full (SRM_ASSESSMENT_MAX_BYTES, G_FORMAT_SIZE_IEC_UNITS);

      /* Translators: %s is a size such as "32.0 MiB" */
      problem = g_strdup_printf (_("the file is larger than the limit of %s"), limit);
      _srm_assessment_set_error (error, SRM_ASSESSMENT_ERROR_TOO_LARGE, name, NULL, problem);
      return NULL;
    }

  if (info != NULL)
    stream = g_file_read (file, cancellable, &local);
  if (stream == NULL)
    {
      if (g_error_matches (local, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return NULL;
        }
      /* Translators: %s is the system's reason, e.g. "No such file or directory" */
      problem = g_strdup_printf (_("cannot read the file: %s"), local->message);
      _srm_assessment_set_error (error, SRM_ASSESSMENT_ERROR_READ, name, NULL, problem);
      return NULL;
    }

  /* The size may have changed since: read at most one byte over the limit. */
  size = g_file_info_get_size (info);
  buffer = g_byte_array_sized_new ((guint) MIN (size + 1, SRM_ASSESSMENT_MAX_BYTES + 1));
  while (buffer->len <= SRM_ASSESSMENT_MAX_BYTES)
    {
      const gsize chunk = 256 * 1024;
      guint before = buffer->len;
      gssize n;

      g_byte_array_set_size (buffer, before + chunk);
      n = g_input_stream_read (G_INPUT_STREAM (stream), buffer->data + before, chunk,
                               cancellable, &local);
      if (n < 0)
        {
          g_byte_array_set_size (buffer, before);
          if (g_error_matches (local, G_IO_ERROR, G_IO_ERROR_CANCELLED))
            {
              g_propagate_error (error, g_steal_pointer (&local));
              return NULL;
            }
          problem = g_strdup_printf (_("cannot read the file: %s"), local->message);
          _srm_assessment_set_error (error, SRM_ASSESSMENT_ERROR_READ, name, NULL, problem);
          return NULL;
        }
      g_byte_array_set_size (buffer, before + (guint) n);
      if (n == 0)
        break;
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&buffer));
}

/* ---- writing ---- */

static void
set_time_member (JsonObject *object,
                 const char *member,
                 GDateTime  *time)
{
  g_autoptr(GDateTime) utc = g_date_time_to_utc (time);
  g_autofree char *text = g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");

  json_object_set_string_member (object, member, text);
}

static void
set_text_member (JsonObject *object,
                 const char *member,
                 const char *text)
{
  if (text != NULL && *text != '\0')
    json_object_set_string_member (object, member, text);
}

/* Unknown members go after the known ones, in the order the file had them. */
static void
add_extra (JsonObject *object,
           JsonObject *extra)
{
  g_autoptr(GList) names = NULL;

  if (extra == NULL)
    return;

  names = json_object_get_members (extra);
  for (GList *l = names; l != NULL; l = l->next)
    {
      if (!json_object_has_member (object, l->data))
        json_object_set_member (object, l->data, json_node_copy (json_object_get_member (extra, l->data)));
    }
}

static JsonArray *
strv_array (const char * const *ids)
{
  JsonArray *array = json_array_new ();

  for (guint i = 0; ids[i] != NULL; i++)
    json_array_add_string_element (array, ids[i]);
  return array;
}

static JsonNode *
answer_to_node (SrmAnswer *answer)
{
  JsonObject *object = json_object_new ();
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);
  const GDate *due = srm_answer_get_due (answer);

  json_object_set_string_member (object, "duty", srm_answer_get_duty_id (answer));
  json_object_set_string_member (object, "service", srm_answer_get_service_id (answer));
  set_text_member (object, "layer", srm_answer_get_layer_id (answer));
  json_object_set_string_member (object, "status",
                                 srm_answer_status_to_string (srm_answer_get_status (answer)));
  set_text_member (object, "owner", srm_answer_get_owner (answer));
  if (due != NULL)
    {
      char text[16];

      g_snprintf (text, sizeof text, "%04u-%02u-%02u", (guint) g_date_get_year (due),
                  (guint) g_date_get_month (due), (guint) g_date_get_day (due));
      json_object_set_string_member (object, "due", text);
    }
  set_text_member (object, "evidence", srm_answer_get_evidence (answer));
  set_text_member (object, "notes", srm_answer_get_notes (answer));
  if (srm_answer_get_changed (answer) != NULL)
    set_time_member (object, "changed", srm_answer_get_changed (answer));
  add_extra (object, _srm_answer_get_extra (answer));

  json_node_take_object (node, object);
  return node;
}

JsonNode *
_srm_assessment_file_to_node (SrmAssessment *assessment)
{
  JsonObject *root = json_object_new ();
  JsonObject *catalog = json_object_new ();
  JsonObject *scope = json_object_new ();
  JsonArray *answers;
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);
  GListModel *list = srm_assessment_get_answers (assessment);
  guint n = g_list_model_get_n_items (list);
  g_autofree char *version = g_strdup_printf ("%d.%d", SRM_ASSESSMENT_FORMAT_MAJOR,
                                              SRM_ASSESSMENT_FORMAT_MINOR);

  json_object_set_string_member (root, "format", FORMAT_NAME);
  json_object_set_string_member (root, "version", version);
  json_object_set_string_member (root, "title", srm_assessment_get_title (assessment));
  json_object_set_string_member (root, "organisation", srm_assessment_get_organisation (assessment));
  json_object_set_string_member (root, "assessor", srm_assessment_get_assessor (assessment));
  set_time_member (root, "created", srm_assessment_get_created (assessment));
  set_time_member (root, "modified", srm_assessment_get_modified (assessment));

  json_object_set_string_member (catalog, "id", srm_assessment_get_catalog_id (assessment));
  set_text_member (catalog, "version", srm_assessment_get_catalog_version (assessment));
  json_object_set_object_member (root, "catalog", catalog);

  json_object_set_array_member (scope, "models", strv_array (srm_assessment_get_model_ids (assessment)));
  json_object_set_array_member (scope, "services", strv_array (srm_assessment_get_service_ids (assessment)));
  json_object_set_object_member (root, "scope", scope);

  /* Before the answers, so they stay near the top where a person sees them. */
  add_extra (root, _srm_assessment_get_extra (assessment));

  answers = json_array_sized_new (n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SrmAnswer) answer = g_list_model_get_item (list, i);

      json_array_add_element (answers, answer_to_node (answer));
    }
  json_object_set_array_member (root, "answers", answers);

  json_node_take_object (node, root);
  return node;
}

/* ---- writing, straight to text ----
 *
 * Saving used to build the JsonNode tree above only to print it, and building
 * and freeing it (a node, a copied name and a hash-table entry per member)
 * cost three times json-glib's printing itself. srm_assessment_to_bytes ()
 * now prints the document directly. The bytes must stay exactly those of
 * json-glib 1.6's pretty-printer (indent 2) on _srm_assessment_file_to_node (),
 * which drafts still use: tests/test-assessment.c compares the two on tricky
 * strings and unknown members of every JSON type.
 *
 * json-glib's layout: an object is "{", then "\n", the members at one more
 * level joined by ",\n", and "\n"; then the indentation of its own level and
 * "}". An array is the same with "[" and "]", except that an empty one is
 * "[]" while an empty object is "{", its level's indentation, "}". A member is
 * its indentation, the quoted name, " : " and the value. */

static void
append_indent (GString *out,
               guint    level)
{
  static const char spaces[] = "                                ";
  gsize n = level * 2;

  while (n > 0)
    {
      gsize chunk = MIN (n, sizeof spaces - 1);

      g_string_append_len (out, spaces, (gssize) chunk);
      n -= chunk;
    }
}

/* json-glib 1.6's json_strescape (): \" and \\, \b \f \n \r \t, \u00XX for
 * the other bytes 0x01 to 0x1e and for 0x7f. 0x1f (its range check stops one
 * short) and UTF-8 beyond ASCII are written as they are. */
static void
append_escaped (GString    *out,
                const char *text)
{
  const char *run = text;
  const char *p;

  for (p = text; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      if (c >= 0x1f && c != '"' && c != '\\' && c != 0x7f)
        continue;

      /* Copy plain text in runs: most strings need no escape at all. */
      g_string_append_len (out, run, p - run);
      run = p + 1;
      switch (c)
        {
        case '"':  g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\b': g_string_append (out, "\\b"); break;
        case '\f': g_string_append (out, "\\f"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\t': g_string_append (out, "\\t"); break;
        default:   g_string_append_printf (out, "\\u00%02x", c); break;
        }
    }
  g_string_append_len (out, run, p - run);
}

/* A string value; NULL as json_object_set_string_member () stores it. */
static void
append_string (GString    *out,
               const char *text)
{
  if (text == NULL)
    {
      g_string_append (out, "null");
      return;
    }
  g_string_append_c (out, '"');
  append_escaped (out, text);
  g_string_append_c (out, '"');
}

/* Starts a member at @level: the separator from the previous member (or the
 * newline after the opening brace), the indentation and the name. */
static void
append_name (GString    *out,
             guint       level,
             gboolean   *first,
             const char *name)
{
  g_string_append (out, *first ? "\n" : ",\n");
  *first = FALSE;
  append_indent (out, level);
  append_string (out, name);
  g_string_append (out, " : ");
}

/* Closes an object whose members are at @level + 1. */
static void
append_object_end (GString  *out,
                   guint     level,
                   gboolean  empty)
{
  if (!empty)
    g_string_append_c (out, '\n');
  append_indent (out, level);
  g_string_append_c (out, '}');
}

static void
append_string_member (GString    *out,
                      guint       level,
                      gboolean   *first,
                      const char *name,
                      const char *text)
{
  append_name (out, level, first, name);
  append_string (out, text);
}

/* Empty text is left out, as set_text_member () does. */
static void
append_text_member (GString    *out,
                    guint       level,
                    gboolean   *first,
                    const char *name,
                    const char *text)
{
  if (text != NULL && *text != '\0')
    append_string_member (out, level, first, name, text);
}

/* At least @width digits, zero-padded: printf's %0*u without its cost. */
static void
append_number (GString *out,
               guint    value,
               guint    width)
{
  char digits[16];
  guint n = 0;

  do
    {
      digits[n++] = (char) ('0' + value % 10);
      value /= 10;
    }
  while (value > 0 || n < width);
  while (n > 0)
    g_string_append_c (out, digits[--n]);
}

/* As set_time_member () writes it, g_date_time_format (utc,
 * "%Y-%m-%dT%H:%M:%SZ"), which was a tenth of the saving time: %Y is not
 * padded, the others are two digits. */
static void
append_time_member (GString    *out,
                    guint       level,
                    gboolean   *first,
                    const char *name,
                    GDateTime  *time)
{
  g_autoptr(GDateTime) converted = NULL;
  GDateTime *utc = time;
  int year, month, day;

  /* Times read from a file are in UTC already: no copy for those. */
  if (g_date_time_get_utc_offset (time) != 0)
    utc = converted = g_date_time_to_utc (time);

  g_date_time_get_ymd (utc, &year, &month, &day);
  append_name (out, level, first, name);
  g_string_append_c (out, '"');
  append_number (out, (guint) year, 1);
  g_string_append_c (out, '-');
  append_number (out, (guint) month, 2);
  g_string_append_c (out, '-');
  append_number (out, (guint) day, 2);
  g_string_append_c (out, 'T');
  append_number (out, (guint) g_date_time_get_hour (utc), 2);
  g_string_append_c (out, ':');
  append_number (out, (guint) g_date_time_get_minute (utc), 2);
  g_string_append_c (out, ':');
  append_number (out, (guint) g_date_time_get_second (utc), 2);
  g_string_append (out, "Z\"");
}

static void append_node (GString  *out,
                         guint     level,
                         JsonNode *node);

/* Any JSON value at @level, for members we do not know: json-glib's
 * dump_node (), including its number formats. */
static void
append_value (GString  *out,
              JsonNode *node)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_INT64:
      g_string_append_printf (out, "%" G_GINT64_FORMAT, json_node_get_int (node));
      break;
    case G_TYPE_DOUBLE:
      g_ascii_dtostr (buffer, sizeof buffer, json_node_get_double (node));
      g_string_append (out, buffer);
      /* json-glib keeps a whole double from reading back as an integer. */
      if (strpbrk (buffer, ".eE") == NULL)
        g_string_append (out, ".0");
      break;
    case G_TYPE_BOOLEAN:
      g_string_append (out, json_node_get_boolean (node) ? "true" : "false");
      break;
    case G_TYPE_STRING:
      append_string (out, json_node_get_string (node));
      break;
    default:
      g_string_append (out, "null");
      break;
    }
}

static void
append_node (GString  *out,
             guint     level,
             JsonNode *node)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObjectIter iter;
        const char *name;
        JsonNode *member;
        gboolean first = TRUE;

        g_string_append_c (out, '{');
        json_object_iter_init_ordered (&iter, json_node_get_object (node));
        while (json_object_iter_next_ordered (&iter, &name, &member))
          {
            append_name (out, level + 1, &first, name);
            append_node (out, level + 1, member);
          }
        append_object_end (out, level, first);
      }
      break;

    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);
        guint n = json_array_get_length (array);

        g_string_append_c (out, '[');
        if (n == 0)
          {
            g_string_append_c (out, ']');
            break;
          }
        for (guint i = 0; i < n; i++)
          {
            g_string_append (out, i == 0 ? "\n" : ",\n");
            append_indent (out, level + 1);
            append_node (out, level + 1, json_array_get_element (array, i));
          }
        g_string_append_c (out, '\n');
        append_indent (out, level);
        g_string_append_c (out, ']');
      }
      break;

    case JSON_NODE_VALUE:
      append_value (out, node);
      break;

    case JSON_NODE_NULL:
    default:
      g_string_append (out, "null");
      break;
    }
}

/* Unknown members after the known ones, in the order the file had them, at
 * @level. The reader never puts a known name among them; a stray one is
 * skipped rather than written twice, as add_extra () does. */
static void
append_extra (GString            *out,
              guint               level,
              gboolean           *first,
              JsonObject         *extra,
              const char * const *known)
{
  JsonObjectIter iter;
  const char *name;
  JsonNode *node;

  if (extra == NULL)
    return;

  json_object_iter_init_ordered (&iter, extra);
  while (json_object_iter_next_ordered (&iter, &name, &node))
    {
      if (g_strv_contains (known, name))
        continue;
      append_name (out, level, first, name);
      append_node (out, level, node);
    }
}

static void
append_id_array (GString            *out,
                 guint               level,
                 gboolean           *first,
                 const char         *name,
                 const char * const *ids)
{
  append_name (out, level, first, name);
  if (ids[0] == NULL)
    {
      g_string_append (out, "[]");
      return;
    }
  g_string_append_c (out, '[');
  for (guint i = 0; ids[i] != NULL; i++)
    {
      g_string_append (out, i == 0 ? "\n" : ",\n");
      append_indent (out, level + 1);
      append_string (out, ids[i]);
    }
  g_string_append_c (out, '\n');
  append_indent (out, level);
  g_string_append_c (out, ']');
}

/* An answer is an element of "answers", at level 2; its members at 3. */
static void
append_answer (GString   *out,
               SrmAnswer *answer)
{
  const GDate *due = srm_answer_get_due (answer);
  gboolean first = TRUE;

  append_indent (out, 2);
  g_string_append_c (out, '{');
  append_string_member (out, 3, &first, "duty", srm_answer_get_duty_id (answer));
  append_string_member (out, 3, &first, "service", srm_answer_get_service_id (answer));
  append_text_member (out, 3, &first, "layer", srm_answer_get_layer_id (answer));
  append_string_member (out, 3, &first, "status",
                        srm_answer_status_to_string (srm_answer_get_status (answer)));
  append_text_member (out, 3, &first, "owner", srm_answer_get_owner (answer));
  if (due != NULL)
    {
      append_name (out, 3, &first, "due");
      g_string_append_c (out, '"');
      append_number (out, (guint) g_date_get_year (due), 4);
      g_string_append_c (out, '-');
      append_number (out, (guint) g_date_get_month (due), 2);
      g_string_append_c (out, '-');
      append_number (out, (guint) g_date_get_day (due), 2);
      g_string_append_c (out, '"');
    }
  append_text_member (out, 3, &first, "evidence", srm_answer_get_evidence (answer));
  append_text_member (out, 3, &first, "notes", srm_answer_get_notes (answer));
  if (srm_answer_get_changed (answer) != NULL)
    append_time_member (out, 3, &first, "changed", srm_answer_get_changed (answer));
  append_extra (out, 3, &first, _srm_answer_get_extra (answer), answer_members);
  append_object_end (out, 2, first);
}

GBytes *
_srm_assessment_file_write (SrmAssessment *assessment)
{
  GListModel *list = srm_assessment_get_answers (assessment);
  guint n = g_list_model_get_n_items (list);
  /* Room for a typical answer, so the buffer rarely grows. */
  GString *out = g_string_sized_new (4096 + (gsize) n * 192);
  gboolean first = TRUE;
  gboolean first_in = TRUE;

  g_string_append_c (out, '{');
  append_string_member (out, 1, &first, "format", FORMAT_NAME);
  append_name (out, 1, &first, "version");
  g_string_append_printf (out, "\"%d.%d\"", SRM_ASSESSMENT_FORMAT_MAJOR, SRM_ASSESSMENT_FORMAT_MINOR);
  append_string_member (out, 1, &first, "title", srm_assessment_get_title (assessment));
  append_string_member (out, 1, &first, "organisation", srm_assessment_get_organisation (assessment));
  append_string_member (out, 1, &first, "assessor", srm_assessment_get_assessor (assessment));
  append_time_member (out, 1, &first, "created", srm_assessment_get_created (assessment));
  append_time_member (out, 1, &first, "modified", srm_assessment_get_modified (assessment));

  append_name (out, 1, &first, "catalog");
  g_string_append_c (out, '{');
  append_string_member (out, 2, &first_in, "id", srm_assessment_get_catalog_id (assessment));
  append_text_member (out, 2, &first_in, "version", srm_assessment_get_catalog_version (assessment));
  append_object_end (out, 1, first_in);

  append_name (out, 1, &first, "scope");
  g_string_append_c (out, '{');
  first_in = TRUE;
  append_id_array (out, 2, &first_in, "models", srm_assessment_get_model_ids (assessment));
  append_id_array (out, 2, &first_in, "services", srm_assessment_get_service_ids (assessment));
  append_object_end (out, 1, first_in);

  /* Before the answers, as _srm_assessment_file_to_node () puts them. */
  append_extra (out, 1, &first, _srm_assessment_get_extra (assessment), top_members);

  append_name (out, 1, &first, "answers");
  if (n == 0)
    g_string_append (out, "[]");
  else
    {
      g_string_append_c (out, '[');
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(SrmAnswer) answer = g_list_model_get_item (list, i);

          g_string_append (out, i == 0 ? "\n" : ",\n");
          append_answer (out, answer);
        }
      g_string_append_c (out, '\n');
      append_indent (out, 1);
      g_string_append_c (out, ']');
    }
  append_object_end (out, 0, first);

  /* A final newline, as editors and git expect. */
  g_string_append_c (out, '\n');
  return g_string_free_to_bytes (out);
}

GBytes *
_srm_assessment_file_generate (JsonNode *root)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  gsize len = 0;
  char *text;

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_indent_char (generator, ' ');
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, &len);

  /* A final newline, as editors and git expect. */
  text = g_realloc (text, len + 2);
  text[len] = '\n';
  text[len + 1] = '\0';
  return g_bytes_new_take (text, len + 1);
}
