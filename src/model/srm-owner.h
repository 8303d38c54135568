/* srm-owner.h: who holds a responsibility in one cell of the matrix. */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum {
  SRM_OWNER_CUSTOMER,
  SRM_OWNER_PROVIDER,
  SRM_OWNER_SHARED,
} SrmOwner;

#define SRM_TYPE_OWNER (srm_owner_get_type ())
GType        srm_owner_get_type       (void) G_GNUC_CONST;

/* "customer", "provider" or "shared": the spelling of catalogs and JSON output. */
const char  *srm_owner_to_string      (SrmOwner     owner);
gboolean     srm_owner_from_string    (const char  *text,
                                       SrmOwner    *owner);
/* Translated, for people: "Customer", "Microsoft" (the provider's name), "Shared". */
const char  *srm_owner_get_label      (SrmOwner     owner,
                                       const char  *provider_name);

G_END_DECLS
