/* srm-comparison-row.c: one row of a comparison, immutable once built. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "srm-comparison-private.h"
#include "srm-comparison-row.h"

struct _SrmComparisonRow
{
  GObject parent_instance;

  SrmLayer *left_layer;
  SrmLayer *right_layer;
  char *model_id;
  SrmOwner left_owner;
  SrmOwner right_owner;
  SrmDifference difference;
};

G_DEFINE_FINAL_TYPE (SrmComparisonRow, srm_comparison_row, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (SrmDifference, srm_difference,
  G_DEFINE_ENUM_VALUE (SRM_DIFFERENCE_SAME, "same"),
  G_DEFINE_ENUM_VALUE (SRM_DIFFERENCE_TO_PROVIDER, "moves-to-provider"),
  G_DEFINE_ENUM_VALUE (SRM_DIFFERENCE_TO_CUSTOMER, "moves-to-customer"),
  G_DEFINE_ENUM_VALUE (SRM_DIFFERENCE_BECOMES_SHARED, "becomes-shared"),
  G_DEFINE_ENUM_VALUE (SRM_DIFFERENCE_SHARED_TO_PROVIDER, "shared-to-provider"),
  G_DEFINE_ENUM_VALUE (SRM_DIFFERENCE_SHARED_TO_CUSTOMER, "shared-to-customer"),
  G_DEFINE_ENUM_VALUE (SRM_DIFFERENCE_LEFT_ONLY, "left-only"),
  G_DEFINE_ENUM_VALUE (SRM_DIFFERENCE_RIGHT_ONLY, "right-only"))

const char *
srm_difference_to_string (SrmDifference difference)
{
  switch (difference)
    {
    case SRM_DIFFERENCE_SAME:
      return "same";
    case SRM_DIFFERENCE_TO_PROVIDER:
      return "moves-to-provider";
    case SRM_DIFFERENCE_TO_CUSTOMER:
      return "moves-to-customer";
    case SRM_DIFFERENCE_BECOMES_SHARED:
      return "becomes-shared";
    case SRM_DIFFERENCE_SHARED_TO_PROVIDER:
      return "shared-to-provider";
    case SRM_DIFFERENCE_SHARED_TO_CUSTOMER:
      return "shared-to-customer";
    case SRM_DIFFERENCE_LEFT_ONLY:
      return "left-only";
    case SRM_DIFFERENCE_RIGHT_ONLY:
      return "right-only";
    default:
      g_return_val_if_reached (NULL);
    }
}

char *
srm_difference_describe (SrmDifference  difference,
                         const char    *provider_name)
{
  if (provider_name == NULL || *provider_name == '\0')
    provider_name = _("the provider");

  switch (difference)
    {
    case SRM_DIFFERENCE_SAME:
      return g_strdup (_("same"));
    case SRM_DIFFERENCE_TO_PROVIDER:
      /* Translators: %s is the provider, e.g. "moves to Microsoft" */
      return g_strdup_printf (_("moves to %s"), provider_name);
    case SRM_DIFFERENCE_TO_CUSTOMER:
      return g_strdup (_("moves to you"));
    case SRM_DIFFERENCE_BECOMES_SHARED:
      return g_strdup (_("becomes shared"));
    case SRM_DIFFERENCE_SHARED_TO_PROVIDER:
      /* Translators: %s is the provider, e.g. "moves from shared to Microsoft" */
      return g_strdup_printf (_("moves from shared to %s"), provider_name);
    case SRM_DIFFERENCE_SHARED_TO_CUSTOMER:
      return g_strdup (_("moves from shared to you"));
    case SRM_DIFFERENCE_LEFT_ONLY:
      return g_strdup (_("row only in the left table"));
    case SRM_DIFFERENCE_RIGHT_ONLY:
      return g_strdup (_("row only in the right table"));
    default:
      g_return_val_if_reached (NULL);
    }
}

SrmDifference
srm_difference_between (SrmOwner left,
                        SrmOwner right)
{
  if (left == right)
    return SRM_DIFFERENCE_SAME;
  if (right == SRM_OWNER_SHARED)
    return SRM_DIFFERENCE_BECOMES_SHARED;
  if (left == SRM_OWNER_SHARED)
    return right == SRM_OWNER_PROVIDER ? SRM_DIFFERENCE_SHARED_TO_PROVIDER
                                       : SRM_DIFFERENCE_SHARED_TO_CUSTOMER;
  return right == SRM_OWNER_PROVIDER ? SRM_DIFFERENCE_TO_PROVIDER : SRM_DIFFERENCE_TO_CUSTOMER;
}

static void
srm_comparison_row_dispose (GObject *object)
{
  SrmComparisonRow *self = SRM_COMPARISON_ROW (object);

  g_clear_object (&self->left_layer);
  g_clear_object (&self->right_layer);

  G_OBJECT_CLASS (srm_comparison_row_parent_class)->dispose (object);
}

static void
srm_comparison_row_finalize (GObject *object)
{
  SrmComparisonRow *self = SRM_COMPARISON_ROW (object);

  g_clear_pointer (&self->model_id, g_free);

  G_OBJECT_CLASS (srm_comparison_row_parent_class)->finalize (object);
}

static void
srm_comparison_row_class_init (SrmComparisonRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = srm_comparison_row_dispose;
  object_class->finalize = srm_comparison_row_finalize;
}

static void
srm_comparison_row_init (SrmComparisonRow *self)
{
}

SrmComparisonRow *
_srm_comparison_row_new (SrmLayer   *left_layer,
                         SrmOwner    left_owner,
                         SrmLayer   *right_layer,
                         SrmOwner    right_owner,
                         const char *model_id)
{
  SrmComparisonRow *self = g_object_new (SRM_TYPE_COMPARISON_ROW, NULL);

  g_return_val_if_fail (left_layer != NULL || right_layer != NULL, self);

  self->left_layer = left_layer != NULL ? g_object_ref (left_layer) : NULL;
  self->right_layer = right_layer != NULL ? g_object_ref (right_layer) : NULL;
  self->left_owner = left_owner;
  self->right_owner = right_owner;
  self->model_id = g_strdup (model_id);

  if (left_layer == NULL)
    self->difference = SRM_DIFFERENCE_RIGHT_ONLY;
  else if (right_layer == NULL)
    self->difference = SRM_DIFFERENCE_LEFT_ONLY;
  else
    self->difference = srm_difference_between (left_owner, right_owner);

  return self;
}

SrmLayer *
srm_comparison_row_get_left_layer (SrmComparisonRow *self)
{
  g_return_val_if_fail (SRM_IS_COMPARISON_ROW (self), NULL);

  return self->left_layer;
}

SrmLayer *
srm_comparison_row_get_right_layer (SrmComparisonRow *self)
{
  g_return_val_if_fail (SRM_IS_COMPARISON_ROW (self), NULL);

  return self->right_layer;
}

const char *
srm_comparison_row_get_model_id (SrmComparisonRow *self)
{
  g_return_val_if_fail (SRM_IS_COMPARISON_ROW (self), NULL);

  return self->model_id;
}

gboolean
srm_comparison_row_get_left_owner (SrmComparisonRow *self,
                                   SrmOwner         *owner)
{
  g_return_val_if_fail (SRM_IS_COMPARISON_ROW (self), FALSE);

  if (self->left_layer == NULL)
    return FALSE;
  if (owner != NULL)
    *owner = self->left_owner;
  return TRUE;
}

gboolean
srm_comparison_row_get_right_owner (SrmComparisonRow *self,
                                    SrmOwner         *owner)
{
  g_return_val_if_fail (SRM_IS_COMPARISON_ROW (self), FALSE);

  if (self->right_layer == NULL)
    return FALSE;
  if (owner != NULL)
    *owner = self->right_owner;
  return TRUE;
}

SrmDifference
srm_comparison_row_get_difference (SrmComparisonRow *self)
{
  g_return_val_if_fail (SRM_IS_COMPARISON_ROW (self), SRM_DIFFERENCE_SAME);

  return self->difference;
}
