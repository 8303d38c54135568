/* srm-texture.c: the bridge from src/render's cairo surfaces to GDK, which
 * src/render must not depend on; Copy Image in every window goes through it. */
#include "config.h"

#include "srm-texture.h"

GdkTexture *
srm_texture_new_for_surface (cairo_surface_t *surface)
{
  g_autoptr(GBytes) bytes = NULL;
  int stride;

  g_return_val_if_fail (surface != NULL, NULL);
  g_return_val_if_fail (cairo_image_surface_get_format (surface) == CAIRO_FORMAT_ARGB32, NULL);

  cairo_surface_flush (surface);
  stride = cairo_image_surface_get_stride (surface);
  /* The bytes own the surface, and the texture the bytes: no copy. */
  bytes = g_bytes_new_with_free_func (cairo_image_surface_get_data (surface),
                                      (gsize) stride * cairo_image_surface_get_height (surface),
                                      (GDestroyNotify) cairo_surface_destroy, surface);
  /* Cairo's ARGB32 is premultiplied, native-endian: GDK's default memory format. */
  return gdk_memory_texture_new (cairo_image_surface_get_width (surface),
                                 cairo_image_surface_get_height (surface),
                                 GDK_MEMORY_DEFAULT, bytes, stride);
}
