/* srm-catalog-registry.c: every catalog the app knows: the built-in ones from
 * the GResource, then the user's from $XDG_DATA_HOME/srm-explorer/catalogs.
 *
 * Built-in catalogs are part of the program, so one that fails to load is a bug
 * (g_critical). User catalogs are someone's work in progress: a broken one is
 * skipped with a warning and its message kept for the UI, and the others still
 * load.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "srm-catalog-registry.h"
#include "srm-catalog-resources.h"
#include "srm-model-private.h"

#define CATALOGS_RESOURCE_DIR RESOURCE_PREFIX "/catalogs/"

struct _SrmCatalogRegistry
{
  GObject parent_instance;

  GListStore *catalogs;
  /* catalog id → borrowed SrmCatalog (the store holds it) */
  GHashTable *by_id;
  GStrv errors;
};

G_DEFINE_FINAL_TYPE (SrmCatalogRegistry, srm_catalog_registry, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CATALOGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const builtin_paths[] = {
  CATALOGS_RESOURCE_DIR "azure.json",
  CATALOGS_RESOURCE_DIR "azure-2026.json",
  CATALOGS_RESOURCE_DIR "azure-ai.json",
  NULL
};

void
_srm_catalog_resources_ensure (void)
{
  static gsize registered = 0;

  /* Registering a static resource twice makes GLib's resource list loop on
   * itself, so leave it alone if someone registered it before us. */
  if (g_once_init_enter (&registered))
    {
      if (!g_resources_get_info ("/io/github/srmexplorer/SrmExplorer/catalogs/azure.json",
                                 G_RESOURCE_LOOKUP_FLAGS_NONE, NULL, NULL, NULL))
        srm_catalogs_register_resource ();
      g_once_init_leave (&registered, 1);
    }
}

const char * const *
srm_catalog_registry_builtin_paths (void)
{
  _srm_catalog_resources_ensure ();

  return builtin_paths;
}

static void
srm_catalog_registry_dispose (GObject *object)
{
  SrmCatalogRegistry *self = SRM_CATALOG_REGISTRY (object);

  g_clear_pointer (&self->by_id, g_hash_table_unref);
  g_clear_object (&self->catalogs);

  G_OBJECT_CLASS (srm_catalog_registry_parent_class)->dispose (object);
}

static void
srm_catalog_registry_finalize (GObject *object)
{
  SrmCatalogRegistry *self = SRM_CATALOG_REGISTRY (object);

  g_clear_pointer (&self->errors, g_strfreev);

  G_OBJECT_CLASS (srm_catalog_registry_parent_class)->finalize (object);
}

static void
srm_catalog_registry_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  SrmCatalogRegistry *self = SRM_CATALOG_REGISTRY (object);

  switch (prop_id)
    {
    case PROP_CATALOGS:
      g_value_set_object (value, self->catalogs);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
srm_catalog_registry_class_init (SrmCatalogRegistryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = srm_catalog_registry_dispose;
  object_class->finalize = srm_catalog_registry_finalize;
  object_class->get_property = srm_catalog_registry_get_property;

  properties[PROP_CATALOGS] =
    g_param_spec_object ("catalogs", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
srm_catalog_registry_init (SrmCatalogRegistry *self)
{
  self->catalogs = g_list_store_new (SRM_TYPE_CATALOG);
  self->by_id = g_hash_table_new (g_str_hash, g_str_equal);
}

static void
add_catalog (SrmCatalogRegistry *self,
             SrmCatalog         *catalog)
{
  g_list_store_append (self->catalogs, catalog);
  g_hash_table_insert (self->by_id, (gpointer) srm_catalog_get_id (catalog), catalog);
}

static void
load_builtin (SrmCatalogRegistry *self)
{
  const char * const *paths = srm_catalog_registry_builtin_paths ();

  for (guint i = 0; paths[i] != NULL; i++)
    {
      g_autoptr(SrmCatalog) catalog = NULL;
      g_autoptr(GError) error = NULL;

      catalog = srm_catalog_new_from_resource (paths[i], &error);
      if (catalog == NULL)
        {
          g_critical ("Built-in catalog is broken: %s", error->message);
          continue;
        }

      if (g_hash_table_contains (self->by_id, srm_catalog_get_id (catalog)))
        {
          g_critical ("Built-in catalog %s repeats the id “%s”",
                      paths[i], srm_catalog_get_id (catalog));
          continue;
        }

      add_catalog (self, catalog);
    }
}

/* *.json file names in @dir, sorted, so the order does not depend on the
 * file system. Hidden files are editors' backups and locks, not catalogs. */
static GPtrArray *
list_catalog_files (const char  *dir,
                    GError     **error)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) handle = NULL;
  const char *name;

  handle = g_dir_open (dir, 0, error);
  if (handle == NULL)
    return NULL;

  while ((name = g_dir_read_name (handle)) != NULL)
    {
      if (name[0] != '.' && g_str_has_suffix (name, ".json"))
        g_ptr_array_add (names, g_strdup (name));
    }

  return g_steal_pointer (&names);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static void
skip_user_catalog (GStrvBuilder *errors,
                   const char   *path,
                   const char   *message)
{
  g_warning ("Skipping catalog %s: %s", path, message);
  g_strv_builder_add (errors, message);
}

static void
load_user (SrmCatalogRegistry *self,
           const char         *dir,
           GStrvBuilder       *errors)
{
  g_autoptr(GPtrArray) names = NULL;
  g_autoptr(GError) error = NULL;

  names = list_catalog_files (dir, &error);
  if (names == NULL)
    {
      /* No directory is the usual case: the user never added a catalog. */
      if (!g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        {
          g_autofree char *message = NULL;

          /* Translators: %s is a folder, then the system's reason */
          g_autofree char *display_dir = g_filename_display_name (dir);

          message = g_strdup_printf (_("%s: cannot read the folder: %s"), display_dir, error->message);
          g_warning ("%s", message);
          g_strv_builder_add (errors, message);
        }
      return;
    }

  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *display_path = g_filename_display_name (path);
      g_autofree char *display_name = g_filename_display_name (name);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(SrmCatalog) catalog = NULL;
      g_autoptr(GError) load_error = NULL;
      SrmCatalog *other;

      catalog = srm_catalog_new_from_file (file, &load_error);
      if (catalog == NULL)
        {
          skip_user_catalog (errors, display_path, load_error->message);
          continue;
        }

      other = g_hash_table_lookup (self->by_id, srm_catalog_get_id (catalog));
      if (other != NULL)
        {
          g_autofree char *message = NULL;

          /* Translators: file name, the catalog id, the other catalog's title */
          message = g_strdup_printf (_("%s: id: the id \"%s\" is already used by the catalog \"%s\""),
                                     display_name, srm_catalog_get_id (catalog),
                                     srm_catalog_get_title (other));
          skip_user_catalog (errors, display_path, message);
          continue;
        }

      add_catalog (self, catalog);
    }
}

SrmCatalogRegistry *
srm_catalog_registry_new (const char *user_dir)
{
  g_autoptr(SrmCatalogRegistry) self = NULL;
  g_autoptr(GStrvBuilder) errors = g_strv_builder_new ();
  g_autofree char *default_dir = NULL;

  if (user_dir == NULL)
    {
      default_dir = g_build_filename (g_get_user_data_dir (), "srm-explorer", "catalogs", NULL);
      user_dir = default_dir;
    }

  self = g_object_new (SRM_TYPE_CATALOG_REGISTRY, NULL);

  load_builtin (self);
  load_user (self, user_dir, errors);
  self->errors = g_strv_builder_end (errors);

  return g_steal_pointer (&self);
}

GListModel *
srm_catalog_registry_get_catalogs (SrmCatalogRegistry *self)
{
  g_return_val_if_fail (SRM_IS_CATALOG_REGISTRY (self), NULL);

  return G_LIST_MODEL (self->catalogs);
}

SrmCatalog *
srm_catalog_registry_lookup (SrmCatalogRegistry *self,
                             const char         *catalog_id)
{
  g_return_val_if_fail (SRM_IS_CATALOG_REGISTRY (self), NULL);

  if (catalog_id == NULL)
    return NULL;

  return g_hash_table_lookup (self->by_id, catalog_id);
}

const char * const *
srm_catalog_registry_get_errors (SrmCatalogRegistry *self)
{
  g_return_val_if_fail (SRM_IS_CATALOG_REGISTRY (self), NULL);

  return (const char * const *) self->errors;
}
