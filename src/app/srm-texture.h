/* srm-texture.h: cairo image surfaces from the painters as GDK textures. */
#pragma once

#include <cairo.h>
#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Takes ownership of @surface, an ARGB32 image surface. */
GdkTexture *srm_texture_new_for_surface (cairo_surface_t *surface);

G_END_DECLS
