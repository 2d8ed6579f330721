/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

void ti_files_remove_folder (const char *folder);

/* Whether an entry of a folder, by its name, is one ti_files_remove_stale() may remove. */
typedef gboolean (*TiFilesMatch) (const char *name, gpointer data);

guint ti_files_remove_stale (const char *folder, TiFilesMatch match, gpointer data,
                             gint64 older_than_seconds);

G_END_DECLS
