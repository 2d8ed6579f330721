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
#include "ti-files.h"
#include "ti-format.h"

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

/* Opens @path read-only and runs the programme check: what it holds in words, or NULL. */
static char *
inspect (const char *path, GError **error)
{
  g_autoptr (TiDatabase) copy = ti_database_open (path, TI_DATABASE_OPEN_READ_ONLY, error);
  g_autofree char *summary = copy != NULL ? ti_database_check (copy, error) : NULL;

  return summary != NULL ? ti_database_describe_contents (copy, error) : NULL;
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

/* A file a backup killed midway left: "STEM….sqlite.partial" (or its journal). */
static gboolean
is_partial_backup (const char *name, gpointer stem)
{
  return g_str_has_prefix (name, stem)
         && (g_str_has_suffix (name, ".partial") || g_str_has_suffix (name, ".partial-journal"));
}

/* Removes what backups killed midway left, once an hour old, so that one being written is
 * never touched. */
static void
remove_partial_backups (const char *db_path)
{
  g_autofree char *folder = ti_backups_folder (db_path);
  g_autofree char *stem = programme_stem (db_path);

  ti_files_remove_stale (folder, is_partial_backup, stem, 60 * 60);
}

/**
 * ti_backups_prune:
 * @retention_days: how many days backups are kept
 * @now: (nullable): the time to count the retention from; %NULL for now
 *
 * Removes the programme's backups older than @retention_days, always keeping the newest, and
 * what backups killed midway left behind once it has been unchanged for an hour.
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
  remove_partial_backups (db_path);
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
  g_autofree char *display = g_filename_display_basename (dest_path);
  GStatBuf programme, target;

  if (g_stat (ti_database_get_path (db), &programme) == 0 && g_stat (dest_path, &target) == 0
      && programme.st_dev == target.st_dev && programme.st_ino == target.st_ino)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                   _("“%s” is the programme itself: choose another name for the copy."),
                   display);
      return FALSE;
    }
  /* A write-ahead log beside the target belongs to the file there: SQLite would replay it
   * onto the copy and damage it. */
  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *sidecar = g_strconcat (dest_path, i == 0 ? "-wal" : "-shm", NULL);

      if (g_file_test (sidecar, G_FILE_TEST_EXISTS))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_BUSY,
                       _("“%s” is a programme that is open, or was not closed properly, so it was "
                         "not replaced: choose another name for the copy."),
                       display);
          return FALSE;
        }
    }
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

      g_unlink (temporary);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Could not save the copy as “%s”: %s."), display, g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

/**
 * ti_backup_format_made:
 *
 * Returns: (transfer full): when @backup was made, in local time: "30 Apr 2024, 09:15"
 */
char *
ti_backup_format_made (const TiBackup *backup)
{
  g_autoptr (GDateTime) local = NULL;
  g_autofree char *day = NULL;
  g_autofree char *iso = NULL;
  g_autofree char *time = NULL;

  g_return_val_if_fail (backup != NULL, NULL);

  if (backup->made == NULL)
    return g_strdup ("");
  local = g_date_time_to_local (backup->made);
  iso = g_date_time_format (local, "%Y-%m-%d");
  day = ti_format_date (iso);
  time = g_date_time_format (local, "%H:%M");
  /* Translators: a day ("30 Apr 2024"), then a time of day ("09:15") */
  return g_strdup_printf (_("%s, %s"), day, time);
}

/**
 * ti_backups_find_latest_good:
 * @db_path: the programme file
 *
 * The newest of the programme's backups that passes the programme check: checked newest
 * first, so usually only one is opened.
 *
 * Returns: (transfer full) (nullable): the backup, with what it holds; %NULL when there is
 *   none (or the folder cannot be read)
 */
TiBackup *
ti_backups_find_latest_good (const char *db_path)
{
  g_autoptr (GPtrArray) backups = find_backups (db_path, NULL);

  for (guint i = 0; backups != NULL && i < backups->len; i++)
    {
      TiBackup *backup = g_ptr_array_index (backups, i);

      backup->contents = inspect (backup->path, NULL);
      backup->healthy = backup->contents != NULL;
      if (backup->healthy)
        return g_ptr_array_steal_index (backups, i);
    }
  return NULL;
}

/* The workers below make, prune, check and restore one at a time in this process, so that a
 * restore never replaces a programme while its day's backup is being made, and a listing
 * never checks a backup that is being pruned. */
static GMutex one_at_a_time;

typedef struct
{
  char *db_path;
  char *other_path; /* the backup to restore, or the copy to write */
  guint retention_days;
} BackupJob;

static void
backup_job_free (gpointer data)
{
  BackupJob *job = data;

  g_free (job->db_path);
  g_free (job->other_path);
  g_free (job);
}

static BackupJob *
backup_job_new (const char *db_path, const char *other_path, guint retention_days)
{
  BackupJob *job = g_new0 (BackupJob, 1);

  job->db_path = g_strdup (db_path);
  job->other_path = g_strdup (other_path);
  job->retention_days = retention_days;
  return job;
}

static gpointer
make_daily_and_prune_in_worker (TiDatabase *db, gpointer data, GError **error)
{
  BackupJob *job = data;
  g_autoptr (GMutexLocker) locker = g_mutex_locker_new (&one_at_a_time);
  char *path = NULL;
  gboolean made = ti_backups_make_daily (db, &path, error);

  /* Pruned even when today's backup failed: a full disk gets room back, and the newest
   * backup is always kept. */
  ti_backups_prune (job->db_path, job->retention_days, NULL);
  if (!made)
    return NULL;
  return path != NULL ? path : g_strdup ("");
}

/**
 * ti_backups_make_daily_and_prune_async:
 * @db_path: the programme; the worker opens its own read-only connection
 * @retention_days: how many days backups are kept (see ti_backups_prune())
 *
 * What opening a programme does in a worker thread: the day's backup when none was made
 * today, then the backups older than @retention_days removed.
 */
void
ti_backups_make_daily_and_prune_async (const char *db_path, guint retention_days,
                                       GCancellable *cancellable, GAsyncReadyCallback callback,
                                       gpointer user_data)
{
  ti_database_read_async (db_path, make_daily_and_prune_in_worker,
                          backup_job_new (db_path, NULL, retention_days), backup_job_free,
                          g_free, cancellable, callback, user_data);
}

/**
 * ti_backups_make_daily_and_prune_finish:
 *
 * Returns: (transfer full) (nullable): the backup made, "" when none was due, or %NULL with
 *   @error set when one was due and could not be made
 */
char *
ti_backups_make_daily_and_prune_finish (GAsyncResult *result, GError **error)
{
  return ti_database_read_finish (result, error);
}

/* Runs @thread over a job for @db_path in a worker thread; @source_tag is the public
 * function's, for its _finish. */
static void
run_job (const char *db_path, const char *other_path, gpointer source_tag,
         GTaskThreadFunc thread, GCancellable *cancellable, GAsyncReadyCallback callback,
         gpointer user_data)
{
  g_autoptr (GTask) task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, backup_job_new (db_path, other_path, 0), backup_job_free);
  g_task_run_in_thread (task, thread);
}

static gpointer
finish_job (GAsyncResult *result, gpointer source_tag, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
list_in_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  BackupJob *job = data;
  g_autoptr (GMutexLocker) locker = g_mutex_locker_new (&one_at_a_time);
  GError *error = NULL;
  GPtrArray *backups = ti_backups_list (job->db_path, &error);

  if (backups == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, backups, (GDestroyNotify) g_ptr_array_unref);
}

/**
 * ti_backups_list_async:
 *
 * ti_backups_list() in a worker thread.
 */
void
ti_backups_list_async (const char *db_path, GCancellable *cancellable,
                       GAsyncReadyCallback callback, gpointer user_data)
{
  run_job (db_path, NULL, ti_backups_list_async, list_in_thread, cancellable, callback,
           user_data);
}

/**
 * ti_backups_list_finish:
 *
 * Returns: (transfer full) (element-type TiBackup): the backups, newest first, or %NULL with
 *   @error set
 */
GPtrArray *
ti_backups_list_finish (GAsyncResult *result, GError **error)
{
  return finish_job (result, ti_backups_list_async, error);
}

static void
find_latest_good_in_thread (GTask *task, gpointer source, gpointer data,
                            GCancellable *cancellable)
{
  BackupJob *job = data;
  g_autoptr (GMutexLocker) locker = g_mutex_locker_new (&one_at_a_time);

  g_task_return_pointer (task, ti_backups_find_latest_good (job->db_path),
                         (GDestroyNotify) ti_backup_free);
}

/**
 * ti_backups_find_latest_good_async:
 *
 * ti_backups_find_latest_good() in a worker thread.
 */
void
ti_backups_find_latest_good_async (const char *db_path, GCancellable *cancellable,
                                   GAsyncReadyCallback callback, gpointer user_data)
{
  run_job (db_path, NULL, ti_backups_find_latest_good_async, find_latest_good_in_thread,
           cancellable, callback, user_data);
}

/**
 * ti_backups_find_latest_good_finish:
 *
 * Returns: (transfer full) (nullable): the newest healthy backup; %NULL when there is none,
 *   or with @error set when the search was cancelled
 */
TiBackup *
ti_backups_find_latest_good_finish (GAsyncResult *result, GError **error)
{
  return finish_job (result, ti_backups_find_latest_good_async, error);
}

static void
restore_in_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  BackupJob *job = data;
  g_autoptr (GMutexLocker) locker = g_mutex_locker_new (&one_at_a_time);
  GError *error = NULL;
  char *kept = NULL;

  /* Never cancelled once started: a restore is finished or not begun. */
  if (!ti_backups_restore (job->db_path, job->other_path, &kept, &error))
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, kept != NULL ? kept : g_strdup (""), g_free);
}

/**
 * ti_backups_restore_async:
 * @db_path: the programme; nothing in this process may have it open (workers that only
 *   read it may still be finishing)
 * @backup_path: the backup to put in its place
 *
 * ti_backups_restore() in a worker thread, after any backup work of this process in progress.
 */
void
ti_backups_restore_async (const char *db_path, const char *backup_path,
                          GAsyncReadyCallback callback, gpointer user_data)
{
  run_job (db_path, backup_path, ti_backups_restore_async, restore_in_thread, NULL, callback,
           user_data);
}

/**
 * ti_backups_restore_finish:
 * @out_kept: (out) (optional) (transfer full) (nullable): where the programme as it was is
 *   kept; %NULL when there was no programme file
 *
 * Returns: %FALSE with @error set when nothing was restored
 */
gboolean
ti_backups_restore_finish (GAsyncResult *result, char **out_kept, GError **error)
{
  g_autofree char *kept = finish_job (result, ti_backups_restore_async, error);

  if (kept == NULL)
    return FALSE;
  if (out_kept != NULL)
    *out_kept = *kept != '\0' ? g_steal_pointer (&kept) : NULL;
  return TRUE;
}

static gpointer
save_copy_in_worker (TiDatabase *db, gpointer data, GError **error)
{
  BackupJob *job = data;

  if (!ti_backups_save_copy (db, job->other_path, error))
    return NULL;
  return g_strdup (job->other_path);
}

/**
 * ti_backups_save_copy_async:
 * @db_path: the programme; the worker copies what is committed in it through a connection of
 *   its own
 * @dest_path: where the copy goes
 *
 * ti_backups_save_copy() in a worker thread.
 */
void
ti_backups_save_copy_async (const char *db_path, const char *dest_path,
                            GCancellable *cancellable, GAsyncReadyCallback callback,
                            gpointer user_data)
{
  ti_database_read_async (db_path, save_copy_in_worker, backup_job_new (db_path, dest_path, 0),
                          backup_job_free, g_free, cancellable, callback, user_data);
}

/**
 * ti_backups_save_copy_finish:
 *
 * Returns: %FALSE with @error set when no copy was saved
 */
gboolean
ti_backups_save_copy_finish (GAsyncResult *result, GError **error)
{
  g_autofree char *saved = ti_database_read_finish (result, error);

  return saved != NULL;
}
