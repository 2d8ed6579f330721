/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ti-row-set"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ti-row-set.h"

static void
row_free (gpointer data)
{
  sqlite3_value **row = data;

  for (guint i = 0; row[i] != NULL; i++)
    sqlite3_value_free (row[i]);
  g_free (row);
}

/**
 * ti_row_set_capture:
 * @out: (out caller-allocates): the rows; clear with ti_row_set_clear()
 * @sql: a query with one parameter, @id
 *
 * Keeps a copy of every row @sql returns, values and column names.
 */
gboolean
ti_row_set_capture (TiRowSet *out, TiDatabase *db, const char *sql, gint64 id, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = ti_database_prepare (db, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  out->n_columns = sqlite3_column_count (stmt);
  out->columns = g_new0 (char *, out->n_columns + 1);
  for (guint i = 0; i < out->n_columns; i++)
    out->columns[i] = g_strdup (sqlite3_column_name (stmt, i));
  out->rows = g_ptr_array_new_with_free_func (row_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      sqlite3_value **row = g_new0 (sqlite3_value *, out->n_columns + 1);

      for (guint i = 0; i < out->n_columns; i++)
        row[i] = sqlite3_value_dup (sqlite3_column_value (stmt, i));
      g_ptr_array_add (out->rows, row);
    }
  if (rc != SQLITE_DONE)
    return ti_database_set_error_from_sqlite (db, rc, _("reading the programme"), error);
  return TRUE;
}

/**
 * ti_row_set_insert:
 * @table: where the rows came from
 *
 * Writes the rows back into @table as they were, ids included.
 */
gboolean
ti_row_set_insert (const TiRowSet *set, TiDatabase *db, const char *table, GError **error)
{
  g_autoptr (GString) sql = g_string_new (NULL);
  g_autofree char *cols = g_strjoinv (", ", set->columns);
  g_autoptr (sqlite3_stmt) stmt = NULL;

  g_string_append_printf (sql, "INSERT INTO %s (%s) VALUES (", table, cols);
  for (guint i = 0; i < set->n_columns; i++)
    g_string_append (sql, i ? ", ?" : "?");
  g_string_append (sql, ")");
  stmt = ti_database_prepare (db, sql->str, error);
  if (stmt == NULL)
    return FALSE;
  for (guint r = 0; r < set->rows->len; r++)
    {
      sqlite3_value **row = g_ptr_array_index (set->rows, r);

      for (guint i = 0; i < set->n_columns; i++)
        sqlite3_bind_value (stmt, i + 1, row[i]);
      if (!ti_database_step_done (db, stmt, error))
        return FALSE;
    }
  return TRUE;
}

void
ti_row_set_clear (TiRowSet *set)
{
  g_clear_pointer (&set->columns, g_strfreev);
  g_clear_pointer (&set->rows, g_ptr_array_unref);
}
