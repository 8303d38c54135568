/* srm-diagram-tile-cache.c: a bounded, least-recently-used map from the
 * painter's tile keys to pre-rendered images (see the header). */
#include "srm-diagram-tile-cache-private.h"

#include <string.h>

typedef struct {
  SrmTile    tile;        /* first, so an SrmTile * is an Entry * */
  guint8    *key;
  gsize      key_size;
  guint      hash;
  gsize      bytes;       /* counted against the budget */
  guint64    last_frame;
  GPtrArray *objects;     /* kept alive while the key holds their addresses */
  GList      link;        /* in lru, oldest first */
} Entry;

struct _SrmTileCache {
  gsize       max_bytes;
  gsize       bytes;
  guint       n_images;
  guint64     frame;
  GHashTable *entries;    /* Entry * → itself, by key */
  GQueue      lru;        /* Entry, least recently used first */
  guint8     *last_frame_key;
  gsize       last_frame_size;
};

/* The table holds entries and looks them up by their keys: a lookup wraps
 * the caller's key in an entry on the stack. */
static guint
entry_hash (gconstpointer data)
{
  return ((const Entry *) data)->hash;
}

static gboolean
entry_equal (gconstpointer a,
             gconstpointer b)
{
  const Entry *x = a, *y = b;

  return x->hash == y->hash && x->key_size == y->key_size && memcmp (x->key, y->key, x->key_size) == 0;
}

/* FNV-1a over 64-bit words: keys are a few hundred bytes of doubles and
 * pointers, hashed for every cell of every frame. */
static guint
hash_bytes (const guint8 *bytes,
            gsize         size)
{
  guint64 hash = G_GUINT64_CONSTANT (14695981039346656037);
  gsize i = 0;

  for (; i + sizeof (guint64) <= size; i += sizeof (guint64))
    {
      guint64 word;

      memcpy (&word, bytes + i, sizeof word);
      hash = (hash ^ word) * G_GUINT64_CONSTANT (1099511628211);
    }
  for (; i < size; i++)
    hash = (hash ^ bytes[i]) * G_GUINT64_CONSTANT (1099511628211);
  return (guint) (hash ^ (hash >> 32));
}

static void
entry_free (SrmTileCache *self,
            Entry        *entry)
{
  if (entry->tile.surface != NULL)
    {
      cairo_surface_destroy (entry->tile.surface);
      self->n_images--;
    }
  self->bytes -= entry->bytes;
  g_clear_pointer (&entry->objects, g_ptr_array_unref);
  g_free (entry->key);
  g_free (entry);
}

static void
remove_entry (SrmTileCache *self,
              Entry        *entry)
{
  g_hash_table_remove (self->entries, entry);
  g_queue_unlink (&self->lru, &entry->link);
  entry_free (self, entry);
}

SrmTileCache *
srm_tile_cache_new (gsize max_bytes)
{
  SrmTileCache *self = g_new0 (SrmTileCache, 1);

  self->max_bytes = max_bytes;
  self->entries = g_hash_table_new (entry_hash, entry_equal);
  g_queue_init (&self->lru);
  return self;
}

void
srm_tile_cache_clear (SrmTileCache *self)
{
  Entry *entry;

  g_return_if_fail (self != NULL);

  g_hash_table_remove_all (self->entries);
  while ((entry = g_queue_peek_head (&self->lru)) != NULL)
    {
      g_queue_unlink (&self->lru, &entry->link);
      entry_free (self, entry);
    }
  g_assert (self->bytes == 0 && self->n_images == 0);
}

void
srm_tile_cache_free (SrmTileCache *self)
{
  if (self == NULL)
    return;

  srm_tile_cache_clear (self);
  g_hash_table_unref (self->entries);
  g_free (self->last_frame_key);
  g_free (self);
}

void
srm_tile_cache_begin_frame (SrmTileCache  *self,
                            gconstpointer  frame,
                            gsize          frame_size)
{
  g_return_if_fail (self != NULL);

  if (self->last_frame_key == NULL || self->last_frame_size != frame_size ||
      memcmp (self->last_frame_key, frame, frame_size) != 0)
    {
      srm_tile_cache_clear (self);
      g_free (self->last_frame_key);
      self->last_frame_key = g_memdup2 (frame, frame_size);
      self->last_frame_size = frame_size;
    }
  self->frame++;
}

/* Drops the least recently used entries until @bytes more fit, but never one
 * this frame has asked for: it may be drawing with it. */
static gboolean
make_room (SrmTileCache *self,
           gsize         bytes)
{
  while (self->bytes + bytes > self->max_bytes)
    {
      Entry *oldest = g_queue_peek_head (&self->lru);

      if (oldest == NULL || oldest->last_frame == self->frame)
        return FALSE;
      remove_entry (self, oldest);
    }
  return TRUE;
}

SrmTile *
srm_tile_cache_lookup (SrmTileCache  *self,
                       gconstpointer  key,
                       gsize          key_size,
                       gpointer      *objects,
                       guint          n_objects)
{
  Entry probe = { .key = (guint8 *) key, .key_size = key_size };
  Entry *entry;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (key != NULL && key_size > 0, NULL);

  probe.hash = hash_bytes (key, key_size);
  entry = g_hash_table_lookup (self->entries, &probe);

  if (entry == NULL)
    {
      /* Even a bare entry costs its key, so keys alone cannot outgrow the budget. */
      if (!make_room (self, key_size + sizeof (Entry)))
        return NULL;
      entry = g_new0 (Entry, 1);
      entry->key = g_memdup2 (key, key_size);
      entry->key_size = key_size;
      entry->hash = probe.hash;
      entry->bytes = key_size + sizeof (Entry);
      entry->link.data = entry;
      if (n_objects > 0)
        {
          entry->objects = g_ptr_array_new_full (n_objects, g_object_unref);
          for (guint i = 0; i < n_objects; i++)
            g_ptr_array_add (entry->objects, g_object_ref (objects[i]));
        }
      self->bytes += entry->bytes;
      g_hash_table_add (self->entries, entry);
      g_queue_push_tail_link (&self->lru, &entry->link);
    }
  else
    {
      g_queue_unlink (&self->lru, &entry->link);
      g_queue_push_tail_link (&self->lru, &entry->link);
    }

  if (entry->last_frame != self->frame)
    {
      entry->last_frame = self->frame;
      entry->tile.n_frames++;
    }
  return &entry->tile;
}

gboolean
srm_tile_cache_has_room (SrmTileCache *self,
                         gsize         bytes)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return bytes <= self->max_bytes && make_room (self, bytes);
}

gboolean
srm_tile_cache_store (SrmTileCache    *self,
                      SrmTile         *tile,
                      cairo_surface_t *surface,
                      int              x,
                      int              y)
{
  Entry *entry = (Entry *) tile;
  gsize bytes;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (tile != NULL && tile->surface == NULL, FALSE);
  g_return_val_if_fail (entry->last_frame == self->frame, FALSE);
  g_return_val_if_fail (cairo_surface_get_type (surface) == CAIRO_SURFACE_TYPE_IMAGE, FALSE);

  bytes = (gsize) cairo_image_surface_get_stride (surface) * cairo_image_surface_get_height (surface);
  if (!srm_tile_cache_has_room (self, bytes))
    return FALSE;

  tile->surface = surface;
  tile->x = x;
  tile->y = y;
  entry->bytes += bytes;
  self->bytes += bytes;
  self->n_images++;
  return TRUE;
}

guint
srm_tile_cache_get_n_images (SrmTileCache *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_images;
}

gsize
srm_tile_cache_get_bytes (SrmTileCache *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->bytes;
}

gsize
srm_tile_cache_get_budget (SrmTileCache *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->max_bytes;
}
