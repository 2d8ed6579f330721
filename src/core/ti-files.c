/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ti-files.h"

/*
 * Files written whole or not at all leave private folders and temporary files behind them
 * while they work; these helpers clear them away.
 */

/**
 * ti_files_remove_folder:
 * @folder: a private folder of ours, holding only files (no subfolders)
 *
 * Removes @folder and every file in it, as far as it can; a folder already gone is fine.
 */
void
ti_files_remove_folder (const char *folder)
{
  g_autoptr (GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);

      g_unlink (path);
    }
  g_rmdir (folder);
}

/* When @st (of @path) last changed: a folder, when it or any file in it last did (writing into
 * a file changes the file, not its folder). */
static gint64
last_changed (const char *path, const GStatBuf *st)
{
  g_autoptr (GDir) listing = NULL;
  gint64 newest = st->st_mtime;
  const char *name;

  if (!S_ISDIR (st->st_mode))
    return newest;
  listing = g_dir_open (path, 0, NULL);
  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *inside = g_build_filename (path, name, NULL);
      GStatBuf file;

      if (g_lstat (inside, &file) == 0)
        newest = MAX (newest, (gint64) file.st_mtime);
    }
  return newest;
}

/**
 * ti_files_remove_stale:
 * @folder: where to look
 * @match: which entries are leftovers of ours, by name
 * @older_than_seconds: how long unchanged before an entry counts as left behind rather
 *   than being written
 *
 * Removes what work killed midway left in @folder: each matching file, or folder (with its
 * files), of this user's, unchanged for longer than @older_than_seconds (a folder counts as
 * changed when any file in it is: work still writing there keeps it).
 *
 * Returns: how many were removed
 */
guint
ti_files_remove_stale (const char *folder, TiFilesMatch match, gpointer data,
                       gint64 older_than_seconds)
{
  g_autoptr (GDir) listing = g_dir_open (folder, 0, NULL);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  const char *name;
  guint removed = 0;

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = NULL;
      GStatBuf st;

      if (!match (name, data))
        continue;
      path = g_build_filename (folder, name, NULL);
      if (g_lstat (path, &st) != 0 || st.st_uid != getuid ()
          || now - last_changed (path, &st) <= older_than_seconds)
        continue;
      if (S_ISDIR (st.st_mode))
        {
          ti_files_remove_folder (path);
          removed++;
        }
      else if (S_ISREG (st.st_mode) && g_unlink (path) == 0)
        removed++;
    }
  return removed;
}
