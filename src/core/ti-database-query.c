/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ti-database"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ti-database-private.h"
#include "ti-database.h"

/* Statements, transactions, the audit log and reads in a worker thread. */

gboolean
ti_database_exec (TiDatabase *self, const char *sql, GError **error)
{
  int rc;

  g_return_val_if_fail (TI_IS_DATABASE (self), FALSE);

  rc = sqlite3_exec (ti_database_get_handle (self), sql, NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    return ti_database_set_error_from_sqlite (self, rc, _("a change"), error);
  return TRUE;
}

/**
 * ti_database_prepare:
 *
 * Returns: (transfer full) (nullable): a statement, or %NULL with @error set
 */
sqlite3_stmt *
ti_database_prepare (TiDatabase *self, const char *sql, GError **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_return_val_if_fail (TI_IS_DATABASE (self), NULL);

  rc = sqlite3_prepare_v2 (ti_database_get_handle (self), sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      ti_database_set_error_from_sqlite (self, rc, _("reading the programme"), error);
      return NULL;
    }
  return stmt;
}

/* Steps a statement that returns no rows and resets it for the next binding. */
gboolean
ti_database_step_done (TiDatabase *self, sqlite3_stmt *stmt, GError **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return ti_database_set_error_from_sqlite (self, rc, _("a change"), error);
  return TRUE;
}

/**
 * ti_database_count:
 *
 * Returns: the first column of the first row of @sql, or -1 with @error set
 */
gint64
ti_database_count (TiDatabase *self, const char *sql, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = ti_database_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return -1;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return sqlite3_column_int64 (stmt, 0);
  if (rc == SQLITE_DONE)
    return 0;
  ti_database_set_error_from_sqlite (self, rc, _("reading the programme"), error);
  return -1;
}

/**
 * ti_database_column_text:
 *
 * The text of @column in the current row, as sqlite3_column_text() gives it, but "" where
 * that would be %NULL. For a column the schema never leaves NULL: a damaged file can, and
 * a read must not crash on it.
 *
 * Returns: (transfer none) (not nullable): the text, valid until the statement moves on
 */
const char *
ti_database_column_text (sqlite3_stmt *stmt, int column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  return text != NULL ? text : "";
}

/**
 * ti_database_count_with:
 * @sql: a query whose first parameter is @id and second, if any, @text
 * @text: (nullable): the second parameter
 *
 * Returns: the first column of the first row (0 when there is none), or -1 with @error set
 */
gint64
ti_database_count_with (TiDatabase *self, const char *sql, gint64 id, const char *text,
                        GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = ti_database_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, id);
  if (text != NULL)
    sqlite3_bind_text (stmt, 2, text, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return sqlite3_column_int64 (stmt, 0);
  if (rc == SQLITE_DONE)
    return 0;
  ti_database_set_error_from_sqlite (self, rc, _("reading the programme"), error);
  return -1;
}

gboolean
ti_database_begin (TiDatabase *self, GError **error)
{
  if (!ti_database_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;
  ti_database_note_write (self, TRUE);
  return TRUE;
}

gboolean
ti_database_commit (TiDatabase *self, GError **error)
{
  if (!ti_database_exec (self, "COMMIT", error))
    return FALSE;
  ti_database_note_write (self, FALSE);
  return TRUE;
}

void
ti_database_rollback (TiDatabase *self)
{
  if (!sqlite3_get_autocommit (ti_database_get_handle (self)))
    sqlite3_exec (ti_database_get_handle (self), "ROLLBACK", NULL, NULL, NULL);
  ti_database_note_write (self, FALSE);
}

/**
 * ti_database_snapshot_begin:
 * @started: (out): whether a read transaction was begun here (not already open)
 *
 * Makes the queries that follow see one snapshot of the programme: begins a read transaction
 * unless the caller already holds one. End it with ti_database_snapshot_end().
 *
 * Returns: %FALSE with @error set when the transaction could not be begun
 */
gboolean
ti_database_snapshot_begin (TiDatabase *self, gboolean *started, GError **error)
{
  *started = sqlite3_get_autocommit (ti_database_get_handle (self));
  if (*started && !ti_database_exec (self, "BEGIN", error))
    {
      *started = FALSE;
      return FALSE;
    }
  return TRUE;
}

/**
 * ti_database_snapshot_end:
 * @started: what ti_database_snapshot_begin() said
 *
 * Ends the read transaction ti_database_snapshot_begin() began, if it began one: a read keeps
 * nothing, so it is rolled back.
 */
void
ti_database_snapshot_end (TiDatabase *self, gboolean started)
{
  if (started)
    ti_database_rollback (self);
}

/**
 * ti_database_end:
 * @ok: whether the work in the transaction succeeded
 *
 * Ends a transaction begun with ti_database_begin(): commits it when @ok, otherwise (or when
 * the commit fails) rolls it back, so that nothing is half written.
 *
 * Returns: %TRUE when committed; %FALSE otherwise, with @error set by the failed work or
 *   the commit
 */
gboolean
ti_database_end (TiDatabase *self, gboolean ok, GError **error)
{
  if (ok && ti_database_commit (self, error))
    return TRUE;
  ti_database_rollback (self);
  return FALSE;
}

/**
 * ti_database_audit:
 * @action: one of create, update, delete, merge, import, erase, migrate, restore
 * @entity: the table or kind of record
 * @entity_id: its id, or 0 when the entry is about many records
 * @detail: (nullable): a short description, never personal data
 *
 * Writes an audit entry; call it inside the transaction of the change it records.
 */
gboolean
ti_database_audit (TiDatabase *self, const char *action, const char *entity, gint64 entity_id,
                   const char *detail, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = ti_database_prepare (
    self, "INSERT INTO audit_log (action, entity, entity_id, detail) VALUES (?, ?, ?, ?)", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, action, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, entity, -1, SQLITE_STATIC);
  if (entity_id > 0)
    sqlite3_bind_int64 (stmt, 3, entity_id);
  sqlite3_bind_text (stmt, 4, detail, -1, SQLITE_STATIC);
  return ti_database_step_done (self, stmt, error);
}

typedef struct
{
  char *path;
  TiDatabaseReadFunc read;
  gpointer data;
  GDestroyNotify data_free;
  GDestroyNotify result_free;
} ReadJob;

static void
read_job_free (gpointer data)
{
  ReadJob *job = data;

  g_free (job->path);
  if (job->data_free != NULL)
    job->data_free (job->data);
  g_free (job);
}

static void
read_in_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  ReadJob *job = task_data;
  g_autoptr (TiDatabase) db = NULL;
  GError *error = NULL;
  gpointer result = NULL;

  /* A reader connection of its own: WAL lets it read while the window's connection writes,
   * and a connection is used by one thread only. */
  db = ti_database_open (job->path, TI_DATABASE_OPEN_READ_ONLY, &error);
  if (db != NULL)
    result = job->read (db, job->data, &error);
  if (result == NULL)
    g_task_return_error (task, error);
  else if (!g_task_return_error_if_cancelled (task))
    g_task_return_pointer (task, result, job->result_free);
  else
    job->result_free (result);
}

/**
 * ti_database_read_async:
 * @path: the programme file, opened again read-only in a worker thread
 * @read: what to read, called in the worker with that connection
 * @data: (nullable): passed to @read; freed with @data_free
 * @result_free: frees what @read returns, when nobody takes it
 *
 * Runs a slow read off the main thread. Finish with ti_database_read_finish().
 */
void
ti_database_read_async (const char *path, TiDatabaseReadFunc read, gpointer data,
                        GDestroyNotify data_free, GDestroyNotify result_free,
                        GCancellable *cancellable, GAsyncReadyCallback callback,
                        gpointer user_data)
{
  g_autoptr (GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  ReadJob *job = g_new0 (ReadJob, 1);

  g_return_if_fail (path != NULL && read != NULL && result_free != NULL);

  job->path = g_strdup (path);
  job->read = read;
  job->data = data;
  job->data_free = data_free;
  job->result_free = result_free;
  g_task_set_source_tag (task, ti_database_read_async);
  g_task_set_task_data (task, job, read_job_free);
  g_task_run_in_thread (task, read_in_thread);
}

/**
 * ti_database_read_finish:
 *
 * Returns: (transfer full) (nullable): what the read returned, or %NULL with @error set
 */
gpointer
ti_database_read_finish (GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * ti_database_get_change_stamp:
 * @self: the programme, as the window holds it
 *
 * Tells whether what was read from @self may have changed (figures, lists): the stamp changes
 * whenever something is committed to the programme, through @self's own connection or any
 * other (a worker's, another process's). Cheap enough for the main thread: no table is read.
 *
 * Returns: the stamp; compare it with an earlier one
 */
guint64
ti_database_get_change_stamp (TiDatabase *self)
{
  gint64 version = ti_database_count (self, "PRAGMA data_version", NULL);

  return ((guint64) MAX (version, 0) << 40)
         ^ (guint64) sqlite3_total_changes64 (ti_database_get_handle (self));
}
