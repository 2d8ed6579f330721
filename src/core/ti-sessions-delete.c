/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ti-sessions"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ti-record-snapshot.h"
#include "ti-sessions.h"

/*
 * Deleting a session, and putting it back exactly (Undo): its facilitators, register,
 * reviews with their answers, and the milestones it was evidence for.
 */

/* What a delete removes, in the order it is put back (the session first). */
static const TiKeptRows kept[] = {
  { "sessions", "SELECT * FROM sessions WHERE id = ?" },
  { "session_facilitators", "SELECT * FROM session_facilitators WHERE session_id = ?" },
  { "attendance", "SELECT * FROM attendance WHERE session_id = ?" },
  { "reviews", "SELECT * FROM reviews WHERE session_id = ?" },
  { "review_answers", "SELECT * FROM review_answers WHERE review_id IN"
                      " (SELECT id FROM reviews WHERE session_id = ?)" },
};

static const TiRecordKind session_record = {
  .entity = "session",
  .kept = kept,
  .n_kept = G_N_ELEMENTS (kept),
  .evidence_column = "evidence_session_id",
  .error_domain = ti_sessions_error_quark,
  .not_found_code = TI_SESSIONS_ERROR_NOT_FOUND,
  .not_found = N_("This session is no longer in the programme."),
  .restore_code = TI_SESSIONS_ERROR_RESTORE,
  .restore_failed = N_("The session could not be put back, because the programme has changed "
                       "since (%s)"),
};

/* A #TiSessionSnapshot is a #TiRecordSnapshot under the session's own name. */

/**
 * ti_session_snapshot_free:
 * @snapshot: (nullable) (transfer full): a snapshot from ti_sessions_delete()
 */
void
ti_session_snapshot_free (TiSessionSnapshot *snapshot)
{
  ti_record_snapshot_free ((TiRecordSnapshot *) snapshot);
}

/**
 * ti_session_snapshot_get_id:
 *
 * Returns: the id of the session the snapshot holds
 */
gint64
ti_session_snapshot_get_id (const TiSessionSnapshot *snapshot)
{
  return ti_record_snapshot_get_id ((const TiRecordSnapshot *) snapshot);
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
  g_return_val_if_fail (TI_IS_DATABASE (db), FALSE);

  return ti_record_delete (db, &session_record, session_id,
                           (TiRecordSnapshot **) out_snapshot, error);
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
  g_return_val_if_fail (TI_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (snapshot != NULL, FALSE);

  return ti_record_restore (db, (const TiRecordSnapshot *) snapshot, error);
}
