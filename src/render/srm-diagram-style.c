/* srm-diagram-style.c: the diagram styles as a GEnum, so settings can bind to them. */
#include "srm-diagram-style.h"

GType
srm_diagram_style_get_type (void)
{
  static gsize type_id = 0;

  if (g_once_init_enter (&type_id))
    {
      static const GEnumValue values[] = {
        { SRM_DIAGRAM_STYLE_LIGHT, "SRM_DIAGRAM_STYLE_LIGHT", "light" },
        { SRM_DIAGRAM_STYLE_DARK, "SRM_DIAGRAM_STYLE_DARK", "dark" },
        { SRM_DIAGRAM_STYLE_CONTRAST, "SRM_DIAGRAM_STYLE_CONTRAST", "contrast" },
        { SRM_DIAGRAM_STYLE_PRINT, "SRM_DIAGRAM_STYLE_PRINT", "print" },
        { 0, NULL, NULL },
      };
      GType id = g_enum_register_static (g_intern_static_string ("SrmDiagramStyle"), values);

      g_once_init_leave (&type_id, id);
    }

  return type_id;
}

const char *
srm_diagram_style_to_string (SrmDiagramStyle style)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (SRM_TYPE_DIAGRAM_STYLE);
  GEnumValue *value = g_enum_get_value (klass, style);

  g_return_val_if_fail (value != NULL, NULL);

  return value->value_nick;
}

gboolean
srm_diagram_style_from_string (const char      *text,
                               SrmDiagramStyle *style)
{
  g_autoptr(GEnumClass) klass = NULL;
  GEnumValue *value;

  g_return_val_if_fail (style != NULL, FALSE);

  if (text == NULL)
    return FALSE;

  klass = g_type_class_ref (SRM_TYPE_DIAGRAM_STYLE);
  value = g_enum_get_value_by_nick (klass, text);
  if (value == NULL)
    return FALSE;

  *style = value->value;
  return TRUE;
}
