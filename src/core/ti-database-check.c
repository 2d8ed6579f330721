/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ti-database"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "ti-database-private.h"
#include "ti-database.h"
#include "ti-format.h"
#include "ti-schema.h"

/* Keeping the programme file whole: backups with the online API, and the health check. */

/**
 * ti_database_backup_to:
 * @dest_path: the backup file; written whole (to a temporary name, then renamed) or not at all
 *
 * Copies the programme with SQLite's online backup API into a private (0600) file.
 */
gboolean
ti_database_backup_to (TiDatabase *self, const char *dest_path, GError **error)
{
  g_autofree char *dir = g_path_get_dirname (dest_path);
  g_autofree char *tmp_path = g_strconcat (dest_path, ".partial", NULL);
  g_autofree char *display = g_filename_display_name (dest_path);
  sqlite3 *dest = NULL;
  sqlite3_backup *backup;
  int rc;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;
      g_set_error (error, TI_DATABASE_ERROR, TI_DATABASE_ERROR_FAILED,
                   _("Could not create the backup folder for “%s”: %s."), display,
                   g_strerror (saved));
      return FALSE;
    }

  g_unlink (tmp_path);
  {
    int fd = g_open (tmp_path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd >= 0)
      close (fd);
  }

  rc = sqlite3_open_v2 (tmp_path, &dest, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  if (rc == SQLITE_OK)
    {
      backup = sqlite3_backup_init (dest, "main", ti_database_get_handle (self), "main");
      if (backup == NULL)
        rc = sqlite3_errcode (dest);
      else
        {
          rc = sqlite3_backup_step (backup, -1);
          sqlite3_backup_finish (backup);
          if (rc == SQLITE_DONE)
            rc = SQLITE_OK;
        }
    }
  /* A copy in rollback-journal mode: reading it later leaves no -wal and -shm beside it. */
  if (rc == SQLITE_OK)
    rc = sqlite3_exec (dest, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);
  sqlite3_close_v2 (dest);

  if (rc != SQLITE_OK)
    {
      g_unlink (tmp_path);
      g_set_error (error, TI_DATABASE_ERROR, TI_DATABASE_ERROR_FAILED,
                   _("Could not write the backup “%s”: %s."), display,
                   ti_database_problem_in_words (rc));
      return FALSE;
    }

  if (g_rename (tmp_path, dest_path) != 0)
    {
      int saved = errno;
      g_unlink (tmp_path);
      g_set_error (error, TI_DATABASE_ERROR, TI_DATABASE_ERROR_FAILED,
                   _("Could not write the backup “%s”: %s."), display, g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

/**
 * ti_database_describe_contents:
 *
 * Returns: (transfer full) (nullable): what the programme holds, in words: "136 organisations,
 *   612 people, 538 champions, 25,000 Tier 1 completions, 1,000 Tier 2/3 sessions"
 */
char *
ti_database_describe_contents (TiDatabase *self, GError **error)
{
  gint64 organisations, people, champions, sessions, completions;

  if ((organisations = ti_database_count (self, "SELECT count(*) FROM organisations", error)) < 0
      || (people = ti_database_count (self, "SELECT count(*) FROM people", error)) < 0
      || (champions = ti_database_count (self, "SELECT count(*) FROM champions", error)) < 0
      || (completions = ti_database_count (self, "SELECT count(*) FROM tier1_completions", error)) < 0
      || (sessions = ti_database_count (self, "SELECT count(*) FROM sessions", error)) < 0)
    return NULL;

  {
    g_autofree char *n_organisations = ti_format_count (organisations);
    g_autofree char *n_people = ti_format_count (people);
    g_autofree char *n_champions = ti_format_count (champions);
    g_autofree char *n_completions = ti_format_count (completions);
    g_autofree char *n_sessions = ti_format_count (sessions);

    return g_strdup_printf (_("%s organisations, %s people, %s champions, %s Tier 1 completions, "
                              "%s Tier 2/3 sessions"),
                            n_organisations, n_people, n_champions, n_completions, n_sessions);
  }
}

/**
 * ti_database_check:
 *
 * Verifies integrity, foreign keys and the schema version.
 *
 * Returns: (transfer full) (nullable): a one-line summary of a healthy file, or %NULL with
 *   @error saying what is wrong
 */
char *
ti_database_check (TiDatabase *self, GError **error)
{
  g_autofree char *display = g_filename_display_basename (ti_database_get_path (self));
  g_autoptr (sqlite3_stmt) integrity = NULL;
  g_autoptr (GString) problems = g_string_new (NULL);
  g_autofree char *contents = NULL;
  gint64 fk_problems;
  int rc;

  integrity = ti_database_prepare (self, "PRAGMA integrity_check(10)", error);
  if (integrity == NULL)
    return NULL;
  while ((rc = sqlite3_step (integrity)) == SQLITE_ROW)
    {
      const char *line = (const char *) sqlite3_column_text (integrity, 0);
      if (g_strcmp0 (line, "ok") != 0)
        g_string_append_printf (problems, "%s%s", problems->len ? "; " : "", line);
    }
  if (rc != SQLITE_DONE)
    {
      g_set_error (error, TI_DATABASE_ERROR, TI_DATABASE_ERROR_DAMAGED,
                   _("“%s” is damaged: its integrity check could not finish (%s)."), display,
                   ti_database_problem_in_words (rc));
      return NULL;
    }
  if (problems->len > 0)
    {
      g_set_error (error, TI_DATABASE_ERROR, TI_DATABASE_ERROR_DAMAGED,
                   _("“%s” is damaged: %s."), display, problems->str);
      return NULL;
    }

  fk_problems = ti_database_count (self, "SELECT count(*) FROM pragma_foreign_key_check", error);
  if (fk_problems < 0)
    return NULL;
  if (fk_problems > 0)
    {
      g_autofree char *count = ti_format_count (fk_problems);

      g_set_error (error, TI_DATABASE_ERROR, TI_DATABASE_ERROR_DAMAGED,
                   g_dngettext (GETTEXT_PACKAGE,
                                "“%s” is damaged: %s record refers to a record that does not exist.",
                                "“%s” is damaged: %s records refer to records that do not exist.",
                                fk_problems),
                   display, count);
      return NULL;
    }

  if (ti_database_get_schema_version (self) != ti_schema_get_current_version ())
    {
      g_set_error (error, TI_DATABASE_ERROR, TI_DATABASE_ERROR_FAILED,
                   _("“%s” is at programme format %d, expected %d."), display,
                   ti_database_get_schema_version (self), ti_schema_get_current_version ());
      return NULL;
    }

  contents = ti_database_describe_contents (self, error);
  if (contents == NULL)
    return NULL;
  return g_strdup_printf (_("%s: healthy (programme format %d; integrity and links checked): %s."),
                          display, ti_database_get_schema_version (self), contents);
}
