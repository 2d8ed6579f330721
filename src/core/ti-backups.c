/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ti-backups"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ti-backups.h"

/*
 * Backups of a programme: whole copies made with SQLite's online backup API into the
 * "backups" folder beside the programme (private, 0700; each file 0600), named after the
 * programme, why and when: "demo-daily-20240430-091500.sqlite". Each is checked
 * (integrity, links, format) as soon as it is made; one that fails is removed and the
 * failure said. Restoring copies a checked backup over the closed programme, keeping the
 * programme as it was as a backup first.
 */

#define FOLDER "backups"
#define STAMP_FORMAT "%Y%m%d-%H%M%S"

static const struct
{
  TiBackupReason reason;
  const char *tag;
  const char *label;
} reasons[] = {
  { TI_BACKUP_DAILY, "daily", N_ ("Daily") },
  { TI_BACKUP_BEFORE_IMPORT, "before-import", N_ ("Before an import") },
  { TI_BACKUP_BEFORE_MIGRATION, "before-migration", N_ ("Before an update") },
  { TI_BACKUP_BEFORE_RESTORE, "before-restore", N_ ("Before a restore") },
  { TI_BACKUP_MANUAL, "manual", N_ ("Made by hand") },
};

/**
 * ti_backup_reason_label:
 *
 * Returns: (transfer none): why a backup was made, in words ("Before an import")
 */
const char *
ti_backup_reason_label (TiBackupReason reason)
{
  for (guint i = 0; i < G_N_ELEMENTS (reasons); i++)
    if (reasons[i].reason == reason)
      return _ (reasons[i].label);
  g_return_val_if_reached (NULL);
}

void
ti_backup_free (TiBackup *backup)
{
  if (backup == NULL)
    return;
  g_free (backup->path);
  g_clear_pointer (&backup->made, g_date_time_unref);
  g_free (backup->contents);
  g_free (backup);
}

/* The programme's name without its folder or extension: what its backups start with. */
static char *
programme_stem (const char *db_path)
{
  char *base = g_path_get_basename (db_path);
  char *dot = strrchr (base, '.');

  if (dot != NULL && dot != base)
    *dot = '\0';
  return base;
}

/**
 * ti_backups_folder:
 *
 * Returns: (transfer full): the folder the programme's backups are kept in, beside it
 */
char *
ti_backups_folder (const char *db_path)
{
  g_autofree char *dir = g_path_get_dirname (db_path);

  return g_build_filename (dir, FOLDER, NULL);
}

/**
 * ti_backups_path_for:
 * @reason: why it is made
 * @from_version: for %TI_BACKUP_BEFORE_MIGRATION, the format updated from; otherwise unused
 * @when: (nullable): when; %NULL for now
 *
 * Returns: (transfer full): the name a backup made now for @reason takes; a name already
 *   taken gets a number after it
 */
char *
ti_backups_path_for (const char *db_path, TiBackupReason reason, int from_version,
                     GDateTime *when)
{
  g_autofree char *folder = ti_backups_folder (db_path);
  g_autofree char *stem = programme_stem (db_path);
  g_autoptr (GDateTime) now = when != NULL ? g_date_time_to_utc (when) : g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format (now, STAMP_FORMAT);
  g_autofree char *tag = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (reasons); i++)
    if (reasons[i].reason == reason)
      tag = reason == TI_BACKUP_BEFORE_MIGRATION
              ? g_strdup_printf ("v%d-%s", from_version, reasons[i].tag)
              : g_strdup (reasons[i].tag);
  g_return_val_if_fail (tag != NULL, NULL);

  for (guint n = 1;; n++)
    {
      g_autofree char *name = n == 1 ? g_strdup_printf ("%s-%s-%s.sqlite", stem, tag, stamp)
                                     : g_strdup_printf ("%s-%s-%s-%u.sqlite", stem, tag, stamp, n);
      char *path = g_build_filename (folder, name, NULL);

      if (!g_file_test (path, G_FILE_TEST_EXISTS))
        return path;
      g_free (path);
    }
}

/* Opens @path read-only and runs the programme check: its contents in words, or NULL. */
static char *
inspect (const char *path, GError **error)
{
  g_autoptr (TiDatabase) copy = ti_database_open (path, TI_DATABASE_OPEN_READ_ONLY, error);

  return copy != NULL ? ti_database_check (copy, error) : NULL;
}

/**
 * ti_backups_make:
 * @db: the programme
 * @reason: why
 *
 * Backs up what is committed in the programme with the online backup API (other
 * connections may go on working, @db may be in the middle of a transaction) and checks the
 * copy.
 *
 * Returns: (transfer full) (nullable): the backup's path, or %NULL with @error set; a copy
 *   that fails its check is removed
 */
char *
ti_backups_make (TiDatabase *db, TiBackupReason reason, GError **error)
{
  const char *db_path = ti_database_get_path (db);
  g_autofree char *path
    = ti_backups_path_for (db_path, reason, ti_database_get_schema_version (db), NULL);
  g_autofree char *contents = NULL;
  g_autoptr (GError) local = NULL;
  /* Through a connection of its own: it sees what is committed, even while @db is in the
   * middle of a change (an import about to commit backs up the programme as it was). */
  g_autoptr (TiDatabase) reader = ti_database_open (db_path, TI_DATABASE_OPEN_READ_ONLY, error);

  if (reader == NULL || !ti_database_backup_to (reader, path, error))
    return NULL;
  contents = inspect (path, &local);
  if (contents == NULL)
    {
      g_unlink (path);
      g_set_error (error, TI_DATABASE_ERROR, TI_DATABASE_ERROR_DAMAGED,
                   _("The backup was not kept, because its check failed: %s"), local->message);
      return NULL;
    }
  return g_steal_pointer (&path);
}

/* Reads a backup's reason and time from its name; FALSE for a file that is not one of the
 * programme's backups. */
static gboolean
parse_name (const char *stem, const char *name, TiBackupReason *reason, GDateTime **made)
{
  g_autofree char *pattern = NULL;
  g_autofree char *escaped = g_regex_escape_string (stem, -1);
  g_autoptr (GRegex) regex = NULL;
  g_autoptr (GMatchInfo) match = NULL;
  g_autofree char *tag = NULL;
  g_autofree char *day = NULL;
  g_autofree char *time = NULL;
  int y, mo, d, h, mi, s;

  pattern = g_strdup_printf ("^%s-(daily|before-import|v[0-9]+-before-migration|before-restore|"
                             "manual)-([0-9]{8})-([0-9]{6})(-[0-9]+)?\\.sqlite$",
                             escaped);
  regex = g_regex_new (pattern, G_REGEX_OPTIMIZE, 0, NULL);
  if (!g_regex_match (regex, name, 0, &match))
    return FALSE;
  tag = g_match_info_fetch (match, 1);
  day = g_match_info_fetch (match, 2);
  time = g_match_info_fetch (match, 3);
  if (sscanf (day, "%4d%2d%2d", &y, &mo, &d) != 3 || sscanf (time, "%2d%2d%2d", &h, &mi, &s) != 3)
    return FALSE;
  *made = g_date_time_new_utc (y, mo, d, h, mi, s);
  if (*made == NULL)
    return FALSE;
  *reason = TI_BACKUP_MANUAL;
  for (guint i = 0; i < G_N_ELEMENTS (reasons); i++)
    if (g_str_has_suffix (tag, reasons[i].tag))
      *reason = reasons[i].reason;
  return TRUE;
}

static int
newest_first (gconstpointer a, gconstpointer b)
{
  const TiBackup *first = *(TiBackup *const *)a;
  const TiBackup *second = *(TiBackup *const *)b;
  int by_time = g_date_time_compare (second->made, first->made);

  return by_time != 0 ? by_time : g_strcmp0 (second->path, first->path);
}

/* The backups in the folder, newest first, not yet inspected. */
static GPtrArray *
find_backups (const char *db_path, GError **error)
{
  g_autofree char *folder = ti_backups_folder (db_path);
  g_autofree char *stem = programme_stem (db_path);
  g_autoptr (GPtrArray) backups = g_ptr_array_new_with_free_func ((GDestroyNotify)ti_backup_free);
  g_autoptr (GDir) dir = NULL;
  g_autoptr (GError) local = NULL;
  const char *name;

  dir = g_dir_open (folder, 0, &local);
  if (dir == NULL)
    {
      if (g_error_matches (local, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return g_steal_pointer (&backups);
      g_propagate_error (error, g_steal_pointer (&local));
      return NULL;
    }
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      TiBackup *backup;
      TiBackupReason reason;
      GDateTime *made = NULL;
      GStatBuf st;

      if (!parse_name (stem, name, &reason, &made))
        continue;
      backup = g_new0 (TiBackup, 1);
      backup->path = g_build_filename (folder, name, NULL);
      backup->made = made;
      backup->reason = reason;
      if (g_stat (backup->path, &st) == 0)
        backup->size = st.st_size;
      g_ptr_array_add (backups, backup);
    }
  g_ptr_array_sort (backups, newest_first);
  return g_steal_pointer (&backups);
}

/**
 * ti_backups_list:
 * @db_path: the programme file
 *
 * Finds the programme's backups and checks each one (open read-only, integrity, links,
 * format), saying what it holds: slow for large programmes, so call it from a worker.
 *
 * Returns: (transfer full) (element-type TiBackup): the backups, newest first; %NULL with
 *   @error set when the folder cannot be read
 */
GPtrArray *
ti_backups_list (const char *db_path, GError **error)
{
  GPtrArray *backups = find_backups (db_path, error);

  for (guint i = 0; backups != NULL && i < backups->len; i++)
    {
      TiBackup *backup = g_ptr_array_index (backups, i);
      g_autoptr (GError) problem = NULL;

      backup->contents = inspect (backup->path, &problem);
      backup->healthy = backup->contents != NULL;
      if (!backup->healthy)
        backup->contents = g_strdup (problem->message);
    }
  return backups;
}

/**
 * ti_backups_make_daily:
 * @out_path: (out) (optional) (transfer full) (nullable): the backup made, %NULL when the
 *   programme already had one from today
 *
 * Makes the day's backup when no backup of the programme was made today (local time).
 *
 * Returns: %FALSE with @error set when a backup was due but could not be made
 */
gboolean
ti_backups_make_daily (TiDatabase *db, char **out_path, GError **error)
{
  g_autoptr (GPtrArray) backups = find_backups (ti_database_get_path (db), error);
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  char *made;

  if (out_path != NULL)
    *out_path = NULL;
  if (backups == NULL)
    return FALSE;
  if (backups->len > 0)
    {
      const TiBackup *newest = g_ptr_array_index (backups, 0);
      g_autoptr (GDateTime) local = g_date_time_to_local (newest->made);

      if (g_date_time_get_year (local) == g_date_time_get_year (now)
          && g_date_time_get_day_of_year (local) == g_date_time_get_day_of_year (now))
        return TRUE;
    }
  made = ti_backups_make (db, TI_BACKUP_DAILY, error);
  if (made == NULL)
    return FALSE;
  if (out_path != NULL)
    *out_path = made;
  else
    g_free (made);
  return TRUE;
}

static gpointer
make_daily_in_worker (TiDatabase *db, gpointer data, GError **error)
{
  char *path = NULL;

  if (!ti_backups_make_daily (db, &path, error))
    return NULL;
  /* Nothing was due: say so with an empty path rather than no result. */
  return path != NULL ? path : g_strdup ("");
}

/**
 * ti_backups_make_daily_async:
 * @db_path: the programme; the worker opens its own read-only connection
 *
 * ti_backups_make_daily() in a worker thread.
 */
void
ti_backups_make_daily_async (const char *db_path, GCancellable *cancellable,
                             GAsyncReadyCallback callback, gpointer user_data)
{
  ti_database_read_async (db_path, make_daily_in_worker, NULL, NULL, g_free, cancellable,
                          callback, user_data);
}

/**
 * ti_backups_make_daily_finish:
 *
 * Returns: (transfer full) (nullable): the backup made, "" when none was due, or %NULL with
 *   @error set
 */
char *
ti_backups_make_daily_finish (GAsyncResult *result, GError **error)
{
  return ti_database_read_finish (result, error);
}

/* Removes what backups killed midway left: "NAME.sqlite.partial" (and its journal) more than
 * an hour old, so that one being written is never touched. */
static void
remove_partial_backups (const char *db_path, GDateTime *now)
{
  g_autofree char *folder = ti_backups_folder (db_path);
  g_autofree char *stem = programme_stem (db_path);
  g_autoptr (GDir) dir = g_dir_open (folder, 0, NULL);
  gint64 cutoff = g_date_time_to_unix (now) - 60 * 60;
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      GStatBuf st;

      if (!g_str_has_prefix (name, stem)
          || (!g_str_has_suffix (name, ".partial") && !g_str_has_suffix (name, ".partial-journal")))
        continue;
      path = g_build_filename (folder, name, NULL);
      if (g_lstat (path, &st) == 0 && S_ISREG (st.st_mode) && st.st_mtime < cutoff)
        g_unlink (path);
    }
}

/**
 * ti_backups_prune:
 * @retention_days: how many days backups are kept
 * @now: (nullable): the time to count from; %NULL for now
 *
 * Removes the programme's backups older than @retention_days, always keeping the newest, and
 * what backups killed midway left behind.
 *
 * Returns: how many were removed
 */
guint
ti_backups_prune (const char *db_path, guint retention_days, GDateTime *now)
{
  g_autoptr (GPtrArray) backups = find_backups (db_path, NULL);
  g_autoptr (GDateTime) reference = now != NULL ? g_date_time_ref (now)
                                                : g_date_time_new_now_utc ();
  g_autoptr (GDateTime) cutoff = g_date_time_add_days (reference, -(int)retention_days);
  guint removed = 0;

  for (guint i = 1; backups != NULL && i < backups->len; i++)
    {
      const TiBackup *backup = g_ptr_array_index (backups, i);

      if (g_date_time_compare (backup->made, cutoff) < 0 && g_unlink (backup->path) == 0)
        removed++;
    }
  remove_partial_backups (db_path, reference);
  return removed;
}

/* Copies @from to @to byte for byte, flushed to the disk. */
static gboolean
copy_file (const char *from, const char *to, GError **error)
{
  g_autoptr (GFile) source = g_file_new_for_path (from);
  g_autoptr (GFile) target = g_file_new_for_path (to);
  int fd;
  gboolean ok;

  if (!g_file_copy (source, target, G_FILE_COPY_OVERWRITE | G_FILE_COPY_NOFOLLOW_SYMLINKS,
                    NULL, NULL, NULL, error))
    return FALSE;
  g_chmod (to, 0600);
  fd = g_open (to, O_RDONLY, 0);
  ok = fd >= 0 && fsync (fd) == 0;
  if (fd >= 0)
    close (fd);
  if (!ok)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not write “%s” to the disk."), to);
  return ok;
}

/* Keeps the programme as it is now as a backup: through SQLite when it opens, byte for
 * byte (with its write-ahead log) when it is too damaged to. */
static char *
keep_current (const char *db_path, GError **error)
{
  g_autoptr (GError) local = NULL;
  g_autoptr (TiDatabase) current = ti_database_open (db_path, TI_DATABASE_OPEN_READ_ONLY, &local);
  g_autofree char *kept = NULL;
  const char *suffixes[] = { "", "-wal" };

  if (current != NULL)
    {
      kept = ti_backups_path_for (db_path, TI_BACKUP_BEFORE_RESTORE, 0, NULL);
      if (ti_database_backup_to (current, kept, error))
        return g_steal_pointer (&kept);
      return NULL;
    }
  kept = ti_backups_path_for (db_path, TI_BACKUP_BEFORE_RESTORE, 0, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *from = g_strconcat (db_path, suffixes[i], NULL);
      g_autofree char *to = g_strconcat (kept, suffixes[i], NULL);

      if (g_file_test (from, G_FILE_TEST_EXISTS) && !copy_file (from, to, error))
        return NULL;
    }
  return g_steal_pointer (&kept);
}

/**
 * ti_backups_restore:
 * @db_path: the programme; nothing may have it open
 * @backup_path: one of its backups
 * @out_kept: (out) (optional) (transfer full): where the programme as it was is kept
 *
 * Puts a backup in the programme's place. The backup is checked first; the programme as it
 * is (even damaged) is kept as a backup; the restored file is written beside the programme
 * and renamed over it, so a failure at any step leaves the programme as it was.
 *
 * Returns: %FALSE with @error set when nothing was restored
 */
gboolean
ti_backups_restore (const char *db_path, const char *backup_path, char **out_kept,
                    GError **error)
{
  g_autoptr (GError) local = NULL;
  g_autofree char *contents = inspect (backup_path, &local);
  g_autofree char *kept = NULL;
  g_autofree char *dir = g_path_get_dirname (db_path);
  g_autofree char *random = g_strnfill (6, 'X');
  g_autofree char *name = g_strdup_printf (".restoring-%s", random);
  g_autofree char *temporary = g_build_filename (dir, name, NULL);
  const char *sidecars[] = { "-wal", "-shm", "-journal" };
  int fd;

  if (contents == NULL)
    {
      g_set_error (error, TI_DATABASE_ERROR, TI_DATABASE_ERROR_DAMAGED,
                   _("This backup cannot be restored: %s"), local->message);
      return FALSE;
    }
  if (g_file_test (db_path, G_FILE_TEST_EXISTS))
    {
      kept = keep_current (db_path, error);
      if (kept == NULL)
        {
          g_prefix_error (error, _("Nothing was restored, because the programme as it is could "
                                   "not be kept first. "));
          return FALSE;
        }
    }

  fd = g_mkstemp_full (temporary, O_RDWR, 0600);
  if (fd < 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Nothing was restored: could not write in the programme’s folder (%s)."),
                   g_strerror (saved));
      return FALSE;
    }
  close (fd);
  if (!copy_file (backup_path, temporary, error))
    {
      g_unlink (temporary);
      g_prefix_error (error, _("Nothing was restored. "));
      return FALSE;
    }
  /* The old write-ahead log belongs to the old file: replayed onto the restored one, it
   * would damage it. It was kept above, with the rest of the programme as it was. */
  for (guint i = 0; i < G_N_ELEMENTS (sidecars); i++)
    {
      g_autofree char *sidecar = g_strconcat (db_path, sidecars[i], NULL);

      g_unlink (sidecar);
    }
  if (g_rename (temporary, db_path) != 0)
    {
      int saved = errno;

      g_unlink (temporary);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Nothing was restored: could not replace the programme (%s). It is kept "
                     "as it was in the backups."),
                   g_strerror (saved));
      return FALSE;
    }
  if (out_kept != NULL)
    *out_kept = g_steal_pointer (&kept);
  return TRUE;
}

/**
 * ti_backups_save_copy:
 * @dest_path: where the copy goes; replaced only when the copy is whole and checked
 *
 * "Save a copy": the programme as it is now, copied with the online backup API and checked.
 *
 * Returns: %FALSE with @error set when no copy was saved
 */
gboolean
ti_backups_save_copy (TiDatabase *db, const char *dest_path, GError **error)
{
  g_autofree char *dir = g_path_get_dirname (dest_path);
  g_autofree char *base = g_path_get_basename (dest_path);
  g_autofree char *name = g_strdup_printf (".%s-copy", base);
  g_autofree char *temporary = g_build_filename (dir, name, NULL);
  g_autofree char *contents = NULL;
  g_autoptr (GError) local = NULL;

  if (!ti_database_backup_to (db, temporary, error))
    return FALSE;
  contents = inspect (temporary, &local);
  if (contents == NULL)
    {
      g_unlink (temporary);
      g_set_error (error, TI_DATABASE_ERROR, TI_DATABASE_ERROR_DAMAGED,
                   _("The copy was not saved, because its check failed: %s"), local->message);
      return FALSE;
    }
  if (g_rename (temporary, dest_path) != 0)
    {
      int saved = errno;
      g_autofree char *display = g_filename_display_name (dest_path);

      g_unlink (temporary);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Could not save the copy as “%s”: %s."), display, g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}
