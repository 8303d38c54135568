/* srm-json-guard.c: checks run on untrusted JSON before a parser sees it.
 *
 * json-glib reads nested values recursively and trusts the length it is given
 * only as far as C strings go, so a hostile file could exhaust the stack or hide
 * text behind a NUL byte. These checks are linear, iterative and bounded, and
 * every problem is located by line and column so a person can fix the file.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "srm-json-guard.h"

/* Lines and columns of the byte at @offset; the bytes before it must be valid
 * UTF-8, which the checks make sure of by locating only the first bad byte. */
static void
locate (const char          *data,
        gsize                offset,
        SrmJsonGuardProblem *problem)
{
  gsize line_start = 0;
  guint line = 1;

  for (gsize i = 0; i < offset; i++)
    {
      if (data[i] == '\n')
        {
          line++;
          line_start = i + 1;
        }
    }

  problem->offset = offset;
  problem->line = line;
  problem->column = (guint) g_utf8_strlen (data + line_start, offset - line_start) + 1;
}

static gboolean
fail (SrmJsonGuardProblem     *problem,
      SrmJsonGuardProblemKind  kind,
      const char              *data,
      gsize                    offset)
{
  if (problem != NULL)
    {
      problem->kind = kind;
      if (data != NULL)
        locate (data, offset, problem);
    }
  return FALSE;
}

static gboolean
is_blank (const char *data,
          gsize       len)
{
  gsize i = 0;

  /* A UTF-8 byte order mark alone, as some editors write, is still empty. */
  if (len >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    i = 3;

  for (; i < len; i++)
    {
      if (data[i] != ' ' && data[i] != '\t' && data[i] != '\n' && data[i] != '\r')
        return FALSE;
    }
  return TRUE;
}

/* Counts brackets outside strings. Unbalanced brackets are left to the parser,
 * which can say more about them; this only bounds the depth it will recurse to,
 * and notes whether the data ends with something still open (*unclosed), the
 * mark of a file cut short, which json-glib describes poorly. */
static gboolean
find_too_deep (const char *data,
               gsize       len,
               guint       max_depth,
               gsize      *offset,
               gboolean   *unclosed)
{
  gboolean in_string = FALSE;
  guint depth = 0;

  for (gsize i = 0; i < len; i++)
    {
      char c = data[i];

      if (in_string)
        {
          if (c == '\\')
            i++;
          else if (c == '"')
            in_string = FALSE;
          continue;
        }

      switch (c)
        {
        case '"':
          in_string = TRUE;
          break;
        case '[':
        case '{':
          if (++depth > max_depth)
            {
              *offset = i;
              return TRUE;
            }
          break;
        case ']':
        case '}':
          if (depth > 0)
            depth--;
          break;
        default:
          break;
        }
    }

  *unclosed = in_string || depth > 0;
  return FALSE;
}

gboolean
srm_json_guard_check (const char          *data,
                      gsize                len,
                      gsize                max_bytes,
                      guint                max_depth,
                      SrmJsonGuardProblem *problem)
{
  const char *end = NULL;
  gboolean unclosed = FALSE;
  gsize offset = 0;

  g_return_val_if_fail (data != NULL || len == 0, FALSE);

  if (problem != NULL)
    {
      memset (problem, 0, sizeof *problem);
      problem->max_bytes = max_bytes;
      problem->max_depth = max_depth;
    }

  if (len > max_bytes)
    return fail (problem, SRM_JSON_GUARD_TOO_LARGE, NULL, 0);

  /* g_utf8_validate_len() stops at a NUL byte too; tell the two apart. */
  if (len > 0 && !g_utf8_validate_len (data, len, &end))
    {
      offset = (gsize) (end - data);
      return fail (problem,
                   *end == '\0' ? SRM_JSON_GUARD_NUL_BYTE : SRM_JSON_GUARD_INVALID_UTF8,
                   data, offset);
    }

  if (is_blank (data, len))
    return fail (problem, SRM_JSON_GUARD_EMPTY, NULL, 0);

  if (find_too_deep (data, len, max_depth, &offset, &unclosed))
    return fail (problem, SRM_JSON_GUARD_TOO_DEEP, data, offset);

  if (problem != NULL)
    problem->unclosed = unclosed;

  return TRUE;
}

/* json-glib 1.6 reports "<data>:LINE:COLUMN: Parse error: …" (partly
 * translated) and offers no structured position once parsing has failed. */
static void
read_parser_error (const GError        *error,
                   SrmJsonGuardProblem *problem)
{
  g_autoptr(GRegex) regex = NULL;
  g_autoptr(GMatchInfo) match = NULL;

  regex = g_regex_new ("^<data>:([0-9]+):([0-9]+):\\s*(.*)$",
                       G_REGEX_DOTALL | G_REGEX_OPTIMIZE, 0, NULL);

  if (regex != NULL && g_regex_match (regex, error->message, 0, &match))
    {
      g_autofree char *line = g_match_info_fetch (match, 1);
      g_autofree char *column = g_match_info_fetch (match, 2);

      problem->line = (guint) g_ascii_strtoull (line, NULL, 10);
      problem->column = (guint) g_ascii_strtoull (column, NULL, 10);
      problem->detail = g_match_info_fetch (match, 3);

      /* "not valid JSON: Parse error: …" says it twice; the prefix is only
       * dropped when untranslated, as a translation cannot be recognised. */
      if (g_str_has_prefix (problem->detail, "Parse error: "))
        {
          char *rest = g_strdup (problem->detail + strlen ("Parse error: "));

          g_free (problem->detail);
          problem->detail = rest;
        }
    }
  else
    {
      problem->detail = g_strdup (error->message);
    }
}

JsonNode *
srm_json_guard_parse (const char          *data,
                      gsize                len,
                      gsize                max_bytes,
                      guint                max_depth,
                      SrmJsonGuardProblem *problem)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) error = NULL;
  SrmJsonGuardProblem local = { 0, };
  JsonNode *root;

  if (problem == NULL)
    problem = &local;

  if (!srm_json_guard_check (data, len, max_bytes, max_depth, problem))
    return NULL;

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data, (gssize) len, &error))
    {
      problem->kind = SRM_JSON_GUARD_SYNTAX;
      read_parser_error (error, problem);
      srm_json_guard_problem_clear (&local);
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (root == NULL)
    {
      /* Not reachable after the emptiness check, but json-glib's answer for a
       * document without a value is NULL, and callers are promised a node. */
      problem->kind = SRM_JSON_GUARD_EMPTY;
      return NULL;
    }

  return json_node_ref (root);
}

char *
srm_json_guard_problem_describe (const SrmJsonGuardProblem *problem)
{
  g_autofree char *text = NULL;
  g_autofree char *size = NULL;

  g_return_val_if_fail (problem != NULL, NULL);

  switch (problem->kind)
    {
    case SRM_JSON_GUARD_OK:
      return g_strdup ("");

    case SRM_JSON_GUARD_TOO_LARGE:
      size = g_format_size_full (problem->max_bytes, G_FORMAT_SIZE_IEC_UNITS);
      /* Translators: %s is a size such as "4.0 MiB" */
      return g_strdup_printf (_("the file is larger than the limit of %s"), size);

    case SRM_JSON_GUARD_EMPTY:
      return g_strdup (_("the file is empty"));

    case SRM_JSON_GUARD_INVALID_UTF8:
      /* Translators: %lu is a byte offset from the start of the file */
      text = g_strdup_printf (_("byte %lu is not UTF-8 text; save the file with the UTF-8 encoding"),
                              (unsigned long) problem->offset);
      break;

    case SRM_JSON_GUARD_NUL_BYTE:
      /* Translators: %lu is a byte offset from the start of the file */
      text = g_strdup_printf (_("byte %lu is a NUL byte, which JSON text cannot contain"),
                              (unsigned long) problem->offset);
      break;

    case SRM_JSON_GUARD_TOO_DEEP:
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "arrays and objects are nested more than %u level deep",
                                           "arrays and objects are nested more than %u levels deep",
                                           problem->max_depth),
                              problem->max_depth);
      break;

    case SRM_JSON_GUARD_SYNTAX:
      if (problem->unclosed)
        /* Translators: %s is the JSON parser's own explanation */
        text = g_strdup_printf (_("not valid JSON: %s; the file ends before every array, object and string is closed: is it cut short?"),
                                problem->detail != NULL ? problem->detail : "");
      else
        /* Translators: %s is the JSON parser's own explanation */
        text = g_strdup_printf (_("not valid JSON: %s"),
                                problem->detail != NULL ? problem->detail : "");
      break;

    default:
      g_return_val_if_reached (NULL);
    }

  if (problem->line == 0)
    return g_steal_pointer (&text);

  /* Translators: a place in a file (line:column) and a problem there */
  return g_strdup_printf (_("%u:%u: %s"), problem->line, problem->column, text);
}

void
srm_json_guard_problem_clear (SrmJsonGuardProblem *problem)
{
  if (problem == NULL)
    return;

  g_clear_pointer (&problem->detail, g_free);
}

gboolean
srm_json_node_is (JsonNode    *node,
                  SrmJsonKind  kind)
{
  g_return_val_if_fail (node != NULL, FALSE);

  switch (kind)
    {
    case SRM_JSON_STRING:
      return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING;
    case SRM_JSON_INTEGER:
      return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_INT64;
    case SRM_JSON_ARRAY:
      return JSON_NODE_HOLDS_ARRAY (node);
    case SRM_JSON_OBJECT:
      return JSON_NODE_HOLDS_OBJECT (node);
    default:
      g_return_val_if_reached (FALSE);
    }
}

const char *
srm_json_describe_kind (SrmJsonKind kind)
{
  switch (kind)
    {
    case SRM_JSON_STRING:
      return _("a string");
    case SRM_JSON_INTEGER:
      return _("a whole number");
    case SRM_JSON_ARRAY:
      return _("an array");
    case SRM_JSON_OBJECT:
      return _("an object");
    default:
      g_return_val_if_reached ("");
    }
}

const char *
srm_json_describe_node (JsonNode *node)
{
  g_return_val_if_fail (node != NULL, "");

  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      return _("an object");
    case JSON_NODE_ARRAY:
      return _("an array");
    case JSON_NODE_NULL:
      return _("null");
    case JSON_NODE_VALUE:
    default:
      break;
    }

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING:
      return _("a string");
    case G_TYPE_INT64:
      return _("a whole number");
    case G_TYPE_DOUBLE:
      return _("a number with a fraction");
    case G_TYPE_BOOLEAN:
      return _("true or false");
    default:
      return _("a value");
    }
}

char *
srm_json_quote_value (const char *text)
{
  GString *out = g_string_new (NULL);
  const char *p = text;
  guint n = 0;

  g_return_val_if_fail (text != NULL, g_strdup (""));

  for (; *p != '\0' && n < 48; p = g_utf8_next_char (p), n++)
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iscntrl (c))
        g_string_append_c (out, '?');
      else
        g_string_append_unichar (out, c);
    }
  if (*p != '\0')
    g_string_append (out, "…");

  return g_string_free (out, FALSE);
}
