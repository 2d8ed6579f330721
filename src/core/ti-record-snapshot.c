/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ti-record-snapshot"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ti-record-snapshot.h"
#include "ti-row-set.h"

/*
 * Deleting a record with the rows that depend on it, and putting it all back exactly
 * (same ids) for Undo. Each is one transaction with an audit entry.
 */

struct _TiRecordSnapshot
{
  const TiRecordKind *kind;
  gint64 id;
  TiRowSet *kept;      /* kind->n_kept of them, in kind->kept's order */
  TiRowSet milestones; /* the ids of those it was evidence for */
};

/**
 * ti_record_snapshot_free:
 * @snapshot: (nullable) (transfer full): a snapshot from ti_record_delete()
 */
void
ti_record_snapshot_free (TiRecordSnapshot *snapshot)
{
  if (snapshot == NULL)
    return;
  for (guint t = 0; t < snapshot->kind->n_kept; t++)
    ti_row_set_clear (&snapshot->kept[t]);
  g_free (snapshot->kept);
  ti_row_set_clear (&snapshot->milestones);
  g_free (snapshot);
}

/**
 * ti_record_snapshot_get_id:
 *
 * Returns: the id of the record the snapshot holds
 */
gint64
ti_record_snapshot_get_id (const TiRecordSnapshot *snapshot)
{
  return snapshot->id;
}

static gboolean
delete_in_transaction (TiDatabase *db, TiRecordSnapshot *snapshot, GError **error)
{
  const TiRecordKind *kind = snapshot->kind;
  g_autofree char *sql = NULL;
  g_autoptr (sqlite3_stmt) stmt = NULL;

  for (guint t = 0; t < kind->n_kept; t++)
    if (!ti_row_set_capture (&snapshot->kept[t], db, kind->kept[t].sql, snapshot->id, error))
      return FALSE;
  if (snapshot->kept[0].rows->len == 0)
    {
      g_set_error_literal (error, kind->error_domain (), kind->not_found_code, _(kind->not_found));
      return FALSE;
    }
  if (kind->evidence_column != NULL)
    {
      sql = g_strdup_printf ("SELECT id FROM milestones WHERE %s = ?", kind->evidence_column);
      if (!ti_row_set_capture (&snapshot->milestones, db, sql, snapshot->id, error))
        return FALSE;
      g_clear_pointer (&sql, g_free);
    }

  /* The foreign keys remove the rest (cascade) and unlink the milestones (set null). */
  sql = g_strdup_printf ("DELETE FROM %s WHERE id = ?", kind->kept[0].table);
  stmt = ti_database_prepare (db, sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, snapshot->id);
  return ti_database_step_done (db, stmt, error)
         && ti_database_audit (db, "delete", kind->entity, snapshot->id, NULL, error);
}

/**
 * ti_record_delete:
 * @kind: what the record is and what depends on it
 * @id: the record
 * @out_snapshot: (out) (optional) (transfer full): what was removed, for ti_record_restore();
 *   free with ti_record_snapshot_free()
 *
 * Deletes a record with the rows that depend on it, in one transaction with an audit entry.
 *
 * Returns: %TRUE when deleted; %FALSE with @error set (@kind's not-found code when there is
 *   no such record), and nothing changed, otherwise
 */
gboolean
ti_record_delete (TiDatabase *db, const TiRecordKind *kind, gint64 id,
                  TiRecordSnapshot **out_snapshot, GError **error)
{
  g_autoptr (TiRecordSnapshot) snapshot = g_new0 (TiRecordSnapshot, 1);

  snapshot->kind = kind;
  snapshot->id = id;
  snapshot->kept = g_new0 (TiRowSet, kind->n_kept);
  if (!ti_database_begin (db, error)
      || !ti_database_end (db, delete_in_transaction (db, snapshot, error), error))
    return FALSE;
  if (out_snapshot != NULL)
    *out_snapshot = g_steal_pointer (&snapshot);
  return TRUE;
}

static gboolean
restore_in_transaction (TiDatabase *db, const TiRecordSnapshot *snapshot, GError **error)
{
  const TiRecordKind *kind = snapshot->kind;
  g_autofree char *sql = NULL;
  g_autoptr (sqlite3_stmt) relink = NULL;

  for (guint t = 0; t < kind->n_kept; t++)
    if (!ti_row_set_insert (&snapshot->kept[t], db, kind->kept[t].table, error))
      return FALSE;
  if (kind->evidence_column != NULL)
    {
      sql = g_strdup_printf ("UPDATE milestones SET %s = ?1 WHERE id = ?2 AND %s IS NULL",
                             kind->evidence_column, kind->evidence_column);
      relink = ti_database_prepare (db, sql, error);
      if (relink == NULL)
        return FALSE;
      for (guint r = 0; r < snapshot->milestones.rows->len; r++)
        {
          sqlite3_value **row = g_ptr_array_index (snapshot->milestones.rows, r);

          sqlite3_bind_int64 (relink, 1, snapshot->id);
          sqlite3_bind_value (relink, 2, row[0]);
          if (!ti_database_step_done (db, relink, error))
            return FALSE;
        }
    }
  return ti_database_audit (db, "restore", kind->entity, snapshot->id, NULL, error);
}

/**
 * ti_record_restore:
 * @snapshot: from ti_record_delete()
 *
 * Puts back exactly what the delete removed (same ids), and links the milestones again,
 * in one transaction with an audit entry. Fails with the kind's restore code, changing
 * nothing, when the programme has changed so that it no longer fits (a row it refers to
 * was deleted since, or a new record took the id).
 *
 * Returns: %TRUE when restored
 */
gboolean
ti_record_restore (TiDatabase *db, const TiRecordSnapshot *snapshot, GError **error)
{
  const TiRecordKind *kind = snapshot->kind;
  g_autoptr (GError) local = NULL;

  if (!ti_database_begin (db, error))
    return FALSE;
  if (ti_database_end (db, restore_in_transaction (db, snapshot, &local), &local))
    return TRUE;
  g_set_error (error, kind->error_domain (), kind->restore_code, _(kind->restore_failed),
               local->message);
  return FALSE;
}
