/* srm-diagram-tile-cache-private.h: pieces of the diagram pre-rendered into
 * image surfaces and kept between frames, so a repaint on a raster target
 * composites a few images instead of rasterising the same rounded corners,
 * hatching, glyphs and words again (see docs/performance.md, Painter).
 *
 * The cache knows nothing about what a piece is: the painter describes each
 * one by a key of bytes holding everything that decides its pixels (keys of
 * different kinds differ in size), and the cache maps keys to images, least
 * recently used first out, within a budget of bytes. It counts the frames
 * that asked for each key, so the painter can make an image only for a piece
 * asked for twice: a picture that changes every frame (a window being
 * resized) is drawn directly and never pays for images it will not reuse.
 */
#pragma once

#include <cairo.h>
#include <glib-object.h>

G_BEGIN_DECLS

typedef struct _SrmTileCache SrmTileCache;

typedef struct {
  cairo_surface_t *surface;     /* NULL until made; owned by the cache */
  int              x, y;        /* its top-left corner in the target's device pixels */
  guint            n_frames;    /* the frames that asked for it, this one included */
} SrmTile;

/* 48 MiB: the cells of a 4K frame at scale 1 (or 1080p at scale 2), about
 * 20 MiB, and the background of a 1080p frame, 8 MiB, with room to spare. */
#define SRM_TILE_CACHE_DEFAULT_BUDGET (48 * 1024 * 1024)

SrmTileCache *srm_tile_cache_new          (gsize          max_bytes);
void          srm_tile_cache_free         (SrmTileCache  *self);
void          srm_tile_cache_clear        (SrmTileCache  *self);

/* Starts a frame. @frame says what every piece of the frame shares (canvas
 * size, device transform, style); when it differs from the last frame's, no
 * tile can match any more and all are dropped at once. */
void          srm_tile_cache_begin_frame  (SrmTileCache  *self,
                                           gconstpointer  frame,
                                           gsize          frame_size);
/* The tile for @key, added without an image when it is new; NULL when not
 * even that fits in the budget (draw directly). @objects (may be
 * NULL) are GObjects whose addresses @key holds: a new entry keeps a reference
 * to each, so no other object can take those addresses while the key lives. */
SrmTile      *srm_tile_cache_lookup       (SrmTileCache  *self,
                                           gconstpointer  key,
                                           gsize          key_size,
                                           gpointer      *objects,
                                           guint          n_objects);
/* Gives @tile (from lookup, this frame) its image, taking @surface, an image
 * surface, if the budget allows it after dropping tiles no frame has used
 * since the last one; FALSE and @surface untouched otherwise. */
gboolean      srm_tile_cache_store        (SrmTileCache    *self,
                                           SrmTile         *tile,
                                           cairo_surface_t *surface,
                                           int              x,
                                           int              y);
/* Whether an image of @bytes could be stored now (see store). */
gboolean      srm_tile_cache_has_room     (SrmTileCache  *self,
                                           gsize          bytes);

/* What the cache holds: tiles with an image, and bytes counted against the
 * budget (images and keys). */
guint         srm_tile_cache_get_n_images (SrmTileCache  *self);
gsize         srm_tile_cache_get_bytes    (SrmTileCache  *self);
gsize         srm_tile_cache_get_budget   (SrmTileCache  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SrmTileCache, srm_tile_cache_free)

G_END_DECLS
