/* srm-safe-file.c: replacing a file so that it is never half-written.
 *
 * An assessment holds days of work and describes an organisation's security
 * gaps. So the new bytes go to a temporary file beside the target (same
 * folder, so the final rename is atomic), created 0600 and synced; only then is
 * the old file kept as NAME~ and the temporary file renamed over the target.
 * Whatever fails before that rename leaves the target byte-for-byte as it was
 * and removes the temporary file.
 *
 * The backup is a hard link to the old file, made before the rename, so the
 * target name never disappears even for an instant; file systems without hard
 * links get a rename instead (a crash between the two renames then leaves the
 * old file as NAME~ and no NAME, but never a broken one).
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "srm-assessment-file.h"

static gint write_fault = -1;   /* tests only; see the header */

void
_srm_safe_file_set_write_fault (int after_bytes)
{
  g_atomic_int_set (&write_fault, after_bytes);
}

static gboolean
set_errno_error (GError     **error,
                 int          saved_errno,
                 const char  *format,
                 const char  *path)
{
  g_autofree char *display = g_filename_display_name (path);

  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
               format, display, g_strerror (saved_errno));
  return FALSE;
}

static gboolean
write_all (int           fd,
           const char   *data,
           gsize         len,
           const char   *path,
           GError      **error)
{
  gssize fault = g_atomic_int_get (&write_fault);
  gsize written = 0;

  while (written < len)
    {
      gsize chunk = MIN (len - written, 1024 * 1024);
      gssize n;

      if (fault >= 0 && written + chunk > (gsize) fault)
        {
          chunk = (gsize) fault - written;
          if (chunk == 0)
            {
              g_set_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
                           "%s", "injected write fault (tests only)");
              return FALSE;
            }
        }

      n = write (fd, data + written, chunk);
      if (n < 0)
        {
          int saved_errno = errno;

          if (saved_errno == EINTR)
            continue;
          /* Translators: %s: a file name, then the system's reason */
          return set_errno_error (error, saved_errno, _("Cannot write “%s”: %s"), path);
        }
      written += (gsize) n;
    }
  return TRUE;
}

/* The path to write: @path itself, or what a symbolic link at @path points to,
 * so that a link (to a synced folder, say) keeps pointing at the new file. */
static char *
resolve_target (const char  *path,
                GError     **error)
{
  struct stat st;
  char *real;

  if (g_lstat (path, &st) != 0 || !S_ISLNK (st.st_mode))
    return g_strdup (path);

  real = realpath (path, NULL);
  if (real == NULL)
    set_errno_error (error, errno,
                     _("“%s” is a symbolic link to a file that cannot be reached: %s"), path);
  return real;
}

static void
sync_folder (const char *folder)
{
  int fd = open (folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

  /* Makes the renames durable; a folder that cannot be synced (some network
   * file systems) still got a complete file. */
  if (fd >= 0)
    {
      fsync (fd);
      close (fd);
    }
}

gboolean
_srm_safe_file_replace (GFile         *file,
                        GBytes        *bytes,
                        gboolean       keep_backup,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_autofree char *target = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *temp = NULL;
  g_autofree char *backup = NULL;
  gboolean had_target, backup_by_rename = FALSE;
  struct stat st;
  const char *data;
  gsize len;
  int fd;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (bytes != NULL, FALSE);

  if (g_file_peek_path (file) == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("Only local files can be saved safely"));
      return FALSE;
    }

  target = resolve_target (g_file_peek_path (file), error);
  if (target == NULL)
    return FALSE;

  had_target = g_stat (target, &st) == 0;
  if (had_target && !S_ISREG (st.st_mode))
    {
      g_autofree char *display = g_filename_display_name (target);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                   _("“%s” is not a regular file"), display);
      return FALSE;
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  folder = g_path_get_dirname (target);
  basename = g_path_get_basename (target);
  temp = g_strdup_printf ("%s/.%s.XXXXXX", folder, basename);
  backup = g_strconcat (target, "~", NULL);

  fd = g_mkstemp_full (temp, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0)
    return set_errno_error (error, errno, _("Cannot create a file in “%s”: %s"), folder);

  /* An existing file keeps the permissions its owner gave it. */
  if (had_target && fchmod (fd, st.st_mode & 07777) != 0)
    {
      int saved_errno = errno;

      close (fd);
      g_unlink (temp);
      return set_errno_error (error, saved_errno, _("Cannot write “%s”: %s"), temp);
    }

  data = g_bytes_get_data (bytes, &len);
  if (!write_all (fd, data, len, temp, error))
    {
      close (fd);
      g_unlink (temp);
      return FALSE;
    }

  if (fsync (fd) != 0 || close (fd) != 0)
    {
      int saved_errno = errno;

      g_unlink (temp);
      return set_errno_error (error, saved_errno, _("Cannot write “%s”: %s"), temp);
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      g_unlink (temp);
      return FALSE;
    }

  if (had_target && keep_backup)
    {
      if (g_unlink (backup) != 0 && errno != ENOENT)
        {
          int saved_errno = errno;

          g_unlink (temp);
          return set_errno_error (error, saved_errno, _("Cannot replace the backup “%s”: %s"), backup);
        }
      if (link (target, backup) != 0)
        {
          if (g_rename (target, backup) != 0)
            {
              int saved_errno = errno;

              g_unlink (temp);
              return set_errno_error (error, saved_errno, _("Cannot keep the backup “%s”: %s"), backup);
            }
          backup_by_rename = TRUE;
        }
    }

  if (g_rename (temp, target) != 0)
    {
      int saved_errno = errno;

      if (backup_by_rename)
        g_rename (backup, target);
      g_unlink (temp);
      return set_errno_error (error, saved_errno, _("Cannot replace “%s”: %s"), target);
    }

  /* Only now is the backup's inode no longer the target's: make it private,
   * as backups are the copies people forget about. */
  if (had_target && keep_backup)
    g_chmod (backup, 0600);

  sync_folder (folder);
  return TRUE;
}
