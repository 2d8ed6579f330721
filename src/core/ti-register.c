/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ti-register"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "ti-register.h"

/*
 * A session's register: who was booked, who attended and completed, and their confidence
 * before and after (1–5) and feedback (1–5).
 *
 * Scores count only for people who attended: a before score from someone who then did not
 * come says nothing about the session. That is the rule of every figure made from a
 * register, here and in the programme's figures.
 */

G_DEFINE_QUARK (ti-register-error-quark, ti_register_error)

static gboolean
check_session (TiDatabase *db, gint64 session_id, GError **error)
{
  gint64 n = ti_database_count_with (db, "SELECT count(*) FROM sessions WHERE id = ?", session_id,
                                     NULL, error);

  if (n < 0)
    return FALSE;
  if (n == 0)
    {
      g_set_error (error, TI_REGISTER_ERROR, TI_REGISTER_ERROR_SESSION,
                   _("This session is no longer in the programme."));
      return FALSE;
    }
  return TRUE;
}

static double
column_mean (sqlite3_stmt *stmt, int column)
{
  return sqlite3_column_type (stmt, column) == SQLITE_NULL ? NAN
                                                            : sqlite3_column_double (stmt, column);
}

/**
 * ti_register_get_summary:
 * @session_id: the session
 * @out_summary: (out caller-allocates): the figures
 *
 * One session's register in figures. Everyone on the register counts in @registered;
 * the scores (confidence before and after, the paired change, improvement and feedback)
 * count only for those who attended. The mean change is the mean over paired attendees of
 * after − before, which is not the difference of the two means when some scores are
 * missing.
 *
 * Returns: %TRUE with @out_summary filled in; %FALSE with @error set when the session does
 *   not exist (%TI_REGISTER_ERROR_SESSION) or the programme cannot be read
 */
gboolean
ti_register_get_summary (TiDatabase *db, gint64 session_id, TiRegisterSummary *out_summary,
                         GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (TI_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (out_summary != NULL, FALSE);

  if (!check_session (db, session_id, error))
    return FALSE;
  stmt = ti_database_prepare (
    db,
    "WITH a AS ("
    "  SELECT attended, completed,"
    "    CASE WHEN attended THEN confidence_before END AS b,"
    "    CASE WHEN attended THEN confidence_after END AS f,"
    "    CASE WHEN attended THEN feedback END AS fb"
    "  FROM attendance WHERE session_id = ?1)"
    " SELECT count(*), coalesce(sum(attended), 0), coalesce(sum(completed), 0),"
    "  count(b + f), avg(b), avg(f), avg(f - b), count(CASE WHEN f > b THEN 1 END),"
    "  count(fb), avg(fb)"
    " FROM a",
    error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, session_id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return ti_database_set_error_from_sqlite (db, rc, _("reading the register"), error);

  out_summary->registered = sqlite3_column_int (stmt, 0);
  out_summary->attended = sqlite3_column_int (stmt, 1);
  out_summary->completed = sqlite3_column_int (stmt, 2);
  out_summary->paired = sqlite3_column_int (stmt, 3);
  out_summary->mean_before = column_mean (stmt, 4);
  out_summary->mean_after = column_mean (stmt, 5);
  out_summary->mean_change = column_mean (stmt, 6);
  out_summary->improved = sqlite3_column_int (stmt, 7);
  out_summary->feedback_count = sqlite3_column_int (stmt, 8);
  out_summary->feedback_mean = column_mean (stmt, 9);
  return TRUE;
}
