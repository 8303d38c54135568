/* srm-owner.c: who holds a responsibility in one cell of the matrix.
 *
 * Registered as a GEnum whose nicks are the catalog spelling, so GSettings,
 * property bindings and JSON output all use the same words.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "srm-owner.h"

G_DEFINE_ENUM_TYPE (SrmOwner, srm_owner,
  G_DEFINE_ENUM_VALUE (SRM_OWNER_CUSTOMER, "customer"),
  G_DEFINE_ENUM_VALUE (SRM_OWNER_PROVIDER, "provider"),
  G_DEFINE_ENUM_VALUE (SRM_OWNER_SHARED, "shared"))

const char *
srm_owner_to_string (SrmOwner owner)
{
  switch (owner)
    {
    case SRM_OWNER_CUSTOMER:
      return "customer";
    case SRM_OWNER_PROVIDER:
      return "provider";
    case SRM_OWNER_SHARED:
      return "shared";
    default:
      g_return_val_if_reached (NULL);
    }
}

gboolean
srm_owner_from_string (const char *text,
                       SrmOwner   *owner)
{
  SrmOwner found;

  /* Exact words only: a catalog is data that others read too, and "Customer"
   * accepted here would be refused by stricter tools. */
  if (g_strcmp0 (text, "customer") == 0)
    found = SRM_OWNER_CUSTOMER;
  else if (g_strcmp0 (text, "provider") == 0)
    found = SRM_OWNER_PROVIDER;
  else if (g_strcmp0 (text, "shared") == 0)
    found = SRM_OWNER_SHARED;
  else
    return FALSE;

  /* @owner may be NULL to only check the word. */
  if (owner != NULL)
    *owner = found;
  return TRUE;
}

const char *
srm_owner_get_label (SrmOwner    owner,
                     const char *provider_name)
{
  switch (owner)
    {
    case SRM_OWNER_CUSTOMER:
      return _("Customer");
    case SRM_OWNER_PROVIDER:
      /* The provider's own name ("Microsoft") is a proper noun from the
       * catalog and is not translated. */
      if (provider_name != NULL && *provider_name != '\0')
        return provider_name;
      return _("Provider");
    case SRM_OWNER_SHARED:
      return _("Shared");
    default:
      g_return_val_if_reached (NULL);
    }
}
