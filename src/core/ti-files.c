/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>

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
