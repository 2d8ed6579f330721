/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ti-sessions"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ti-row-set.h"
#include "ti-sessions.h"

/*
 * Deleting a session, and putting it back exactly (Undo): its facilitators, register,
 * reviews with their answers, and the milestones it was evidence for.
 */

/* What a delete removes, in the order it is put back (the session first). */
static const struct
{
  const char *table;
  const char *sql;
} kept[] = {
  { "sessions", "SELECT * FROM sessions WHERE id = ?" },
  { "session_facilitators", "SELECT * FROM session_facilitators WHERE session_id = ?" },
  { "attendance", "SELECT * FROM attendance WHERE session_id = ?" },
  { "reviews", "SELECT * FROM reviews WHERE session_id = ?" },
  { "review_answers", "SELECT * FROM review_answers WHERE review_id IN"
                      " (SELECT id FROM reviews WHERE session_id = ?)" },
};

struct _TiSessionSnapshot
{
  gint64 id;
  TiRowSet tables[G_N_ELEMENTS (kept)];
  TiRowSet milestones; /* milestones it was evidence for: the delete sets that NULL */
};

/**
 * ti_session_snapshot_free:
 * @snapshot: (nullable) (transfer full): a snapshot from ti_sessions_delete()
 */
void
ti_session_snapshot_free (TiSessionSnapshot *snapshot)
{
  if (snapshot == NULL)
    return;
  for (guint t = 0; t < G_N_ELEMENTS (kept); t++)
    ti_row_set_clear (&snapshot->tables[t]);
  ti_row_set_clear (&snapshot->milestones);
  g_free (snapshot);
}

/**
 * ti_session_snapshot_get_id:
 *
 * Returns: the id of the session the snapshot holds
 */
gint64
ti_session_snapshot_get_id (const TiSessionSnapshot *snapshot)
{
  return snapshot->id;
}

static gboolean
delete_in_transaction (TiDatabase *db, gint64 id, TiSessionSnapshot *snapshot, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;

  for (guint t = 0; t < G_N_ELEMENTS (kept); t++)
    if (!ti_row_set_capture (&snapshot->tables[t], db, kept[t].sql, id, error))
      return FALSE;
  if (snapshot->tables[0].rows->len == 0)
    {
      g_set_error (error, TI_SESSIONS_ERROR, TI_SESSIONS_ERROR_NOT_FOUND,
                   _("This session is no longer in the programme."));
      return FALSE;
    }
  if (!ti_row_set_capture (&snapshot->milestones, db,
                           "SELECT id FROM milestones WHERE evidence_session_id = ?", id, error))
    return FALSE;

  /* The foreign keys remove the rest (cascade) and unlink the milestones (set null). */
  stmt = ti_database_prepare (db, "DELETE FROM sessions WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  return ti_database_step_done (db, stmt, error)
         && ti_database_audit (db, "delete", "session", id, NULL, error);
}

/**
 * ti_sessions_delete:
 * @session_id: the session
 * @out_snapshot: (out) (optional) (transfer full): what was removed, for
 *   ti_sessions_restore(); free with ti_session_snapshot_free()
 *
 * Deletes a session with its facilitators, register and reviews, in one transaction with
 * an audit entry.
 *
 * Returns: %TRUE when deleted; %FALSE with @error set (%TI_SESSIONS_ERROR_NOT_FOUND when
 *   there is no such session), and nothing changed, otherwise
 */
gboolean
ti_sessions_delete (TiDatabase *db, gint64 session_id, TiSessionSnapshot **out_snapshot,
                    GError **error)
{
  g_autoptr (TiSessionSnapshot) snapshot = g_new0 (TiSessionSnapshot, 1);

  g_return_val_if_fail (TI_IS_DATABASE (db), FALSE);

  snapshot->id = session_id;
  if (!ti_database_begin (db, error)
      || !ti_database_end (db, delete_in_transaction (db, session_id, snapshot, error), error))
    return FALSE;
  if (out_snapshot != NULL)
    *out_snapshot = g_steal_pointer (&snapshot);
  return TRUE;
}

static gboolean
restore_in_transaction (TiDatabase *db, const TiSessionSnapshot *snapshot, GError **error)
{
  g_autoptr (sqlite3_stmt) relink = NULL;

  for (guint t = 0; t < G_N_ELEMENTS (kept); t++)
    if (!ti_row_set_insert (&snapshot->tables[t], db, kept[t].table, error))
      return FALSE;

  relink = ti_database_prepare (
    db, "UPDATE milestones SET evidence_session_id = ?1 WHERE id = ?2"
        " AND evidence_session_id IS NULL", error);
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
  return ti_database_audit (db, "restore", "session", snapshot->id, NULL, error);
}

/**
 * ti_sessions_restore:
 * @snapshot: from ti_sessions_delete()
 *
 * Puts back exactly what the delete removed (same ids), in one transaction with an audit
 * entry. Fails with %TI_SESSIONS_ERROR_RESTORE, changing nothing, when the programme has
 * changed so that it no longer fits (a person on the register was deleted since, or a new
 * session took the id).
 *
 * Returns: %TRUE when restored
 */
gboolean
ti_sessions_restore (TiDatabase *db, const TiSessionSnapshot *snapshot, GError **error)
{
  g_autoptr (GError) local = NULL;

  g_return_val_if_fail (TI_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (snapshot != NULL, FALSE);

  if (!ti_database_begin (db, error))
    return FALSE;
  if (ti_database_end (db, restore_in_transaction (db, snapshot, &local), &local))
    return TRUE;
  g_set_error (error, TI_SESSIONS_ERROR, TI_SESSIONS_ERROR_RESTORE,
               _("The session could not be put back, because the programme has changed since "
                 "(%s)"),
               local->message);
  return FALSE;
}
