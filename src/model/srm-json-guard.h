/* srm-json-guard.h: checks run on untrusted JSON before a parser sees it.
 *
 * Catalogs (and later assessments) come from files anyone can write, so before
 * json-glib parses them we refuse what would cost too much or mislead: too many
 * bytes, bytes that are not UTF-8, NUL bytes (which C strings silently cut),
 * and nesting deep enough to exhaust a recursive parser. The guard knows no
 * error domain: it reports an SrmJsonGuardProblem, and each loader maps the kind
 * to its own error code and prefixes the file name.
 *
 * Internal to the model library; not part of srm-model.h.
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef enum {
  SRM_JSON_GUARD_OK,
  SRM_JSON_GUARD_TOO_LARGE,     /* more than max_bytes */
  SRM_JSON_GUARD_INVALID_UTF8,  /* a byte sequence that is not UTF-8 */
  SRM_JSON_GUARD_NUL_BYTE,      /* a 0 byte */
  SRM_JSON_GUARD_EMPTY,         /* nothing but white space */
  SRM_JSON_GUARD_TOO_DEEP,      /* more than max_depth nested arrays/objects */
  SRM_JSON_GUARD_SYNTAX,        /* json-glib refused it (srm_json_guard_parse only) */
} SrmJsonGuardProblemKind;

/* Where and what: filled in when a check fails. Lines and columns count from 1,
 * columns in characters; offset is in bytes from the start of the data. */
typedef struct {
  SrmJsonGuardProblemKind kind;
  gsize  offset;
  guint  line;
  guint  column;
  gsize  max_bytes;   /* TOO_LARGE: the limit that was passed */
  guint  max_depth;   /* TOO_DEEP: the limit that was passed */
  char  *detail;      /* SYNTAX: json-glib's explanation; else NULL */
  gboolean unclosed;  /* SYNTAX: the data ends inside an array, object or string */
} SrmJsonGuardProblem;

/* Runs the checks in a fixed order (size, encoding, emptiness, depth) and stops
 * at the first problem. Does not parse. @problem may be NULL. */
gboolean    srm_json_guard_check          (const char          *data,
                                           gsize                len,
                                           gsize                max_bytes,
                                           guint                max_depth,
                                           SrmJsonGuardProblem *problem);

/* srm_json_guard_check(), then json-glib with the data's length, so it never
 * reads past it. Returns the root node (never NULL on success), or NULL and a
 * filled @problem. */
JsonNode   *srm_json_guard_parse          (const char          *data,
                                           gsize                len,
                                           gsize                max_bytes,
                                           guint                max_depth,
                                           SrmJsonGuardProblem *problem);

/* "PLACE: problem" or, for problems of the whole file, "problem"; translated,
 * without the file name, for a loader to prefix. */
char       *srm_json_guard_problem_describe (const SrmJsonGuardProblem *problem);

void        srm_json_guard_problem_clear  (SrmJsonGuardProblem *problem);

/* The JSON types a loader asks for, and how errors name what was found
 * ("expected a string, found an array"): shared so every file format the app
 * reads words its type errors the same way. */
typedef enum {
  SRM_JSON_STRING,
  SRM_JSON_INTEGER,
  SRM_JSON_ARRAY,
  SRM_JSON_OBJECT,
} SrmJsonKind;

gboolean    srm_json_node_is       (JsonNode    *node,
                                    SrmJsonKind  kind);
/* Translated: "a string", "a whole number", "an array", "an object". */
const char *srm_json_describe_kind (SrmJsonKind  kind);
/* Translated, for what a node holds: also "null", "true or false" … */
const char *srm_json_describe_node (JsonNode    *node);

/* A value from a file, for quoting in an error message: at most 48
 * characters (then "…"), control characters shown as "?". Newly allocated. */
char       *srm_json_quote_value   (const char  *text);

G_END_DECLS
