/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ti-tiers"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ti-tiers.h"

/*
 * THE ONE PLACE where a person's tier progression is defined. Every list, profile, figure
 * and export that needs a person's tier asks this file, so the rule cannot drift:
 *
 *   Tier 1 date  = earliest tier1_completions.completed_on;
 *   Tier 2 date  = earliest start date of a *delivered* Tier 2 session whose register has
 *                  the person with completed = 1;
 *   Tier 3 date  = the same for Tier 3;
 *   highest tier = the highest tier with a date (0 when none). Tiers are cumulative in the
 *                  offer, but a Tier 3 completion counts as Tier 3 even without Tier 1.
 */

/**
 * ti_tiers_sql:
 * @person_condition: (nullable): an SQL condition on a person id column, without the
 *   column: "= ?1", "IN (SELECT person_id FROM champions)"; %NULL for everyone
 *
 * The set-based form of the rule, for lists: a SELECT returning one row per person with
 * any progression, columns `person_id, tier1_on, tier2_on, tier3_on, highest_tier`. Use
 * it as a subquery or a common table expression. The condition is applied inside, so that
 * the indexes on person ids are used when it narrows the set.
 *
 * Returns: (transfer full): the SQL text
 */
char *
ti_tiers_sql (const char *person_condition)
{
  const char *cond = person_condition ? person_condition : "IS NOT NULL";

  return g_strdup_printf (
    "SELECT person_id, max(t1) AS tier1_on, max(t2) AS tier2_on, max(t3) AS tier3_on,"
    "  CASE WHEN max(t3) IS NOT NULL THEN 3 WHEN max(t2) IS NOT NULL THEN 2"
    "       WHEN max(t1) IS NOT NULL THEN 1 ELSE 0 END AS highest_tier"
    " FROM ("
    "  SELECT tc.person_id AS person_id, min(tc.completed_on) AS t1, NULL AS t2, NULL AS t3"
    "   FROM tier1_completions tc WHERE tc.person_id %s GROUP BY tc.person_id"
    "  UNION ALL"
    "  SELECT a.person_id,  NULL,"
    "    min(CASE WHEN s.tier = 2 THEN substr(s.starts_at, 1, 10) END),"
    "    min(CASE WHEN s.tier = 3 THEN substr(s.starts_at, 1, 10) END)"
    "   FROM attendance a JOIN sessions s ON s.id = a.session_id"
    "   WHERE a.person_id %s AND a.completed = 1 AND s.status = 'delivered'"
    "   GROUP BY a.person_id"
    " ) GROUP BY person_id",
    cond, cond);
}

void
ti_tier_progress_clear (TiTierProgress *progress)
{
  g_clear_pointer (&progress->tier1_on, g_free);
  g_clear_pointer (&progress->tier2_on, g_free);
  g_clear_pointer (&progress->tier3_on, g_free);
  progress->highest_tier = 0;
}

/**
 * ti_tiers_get_progress:
 * @person_id: the person
 * @out_progress: (out caller-allocates): filled in; clear it with ti_tier_progress_clear()
 *
 * One person's progression (all fields empty and tier 0 when there is none).
 *
 * Returns: %FALSE with @error set when the programme could not be read
 */
gboolean
ti_tiers_get_progress (TiDatabase *db, gint64 person_id, TiTierProgress *out_progress,
                       GError **error)
{
  g_autofree char *sql = ti_tiers_sql ("= ?1");
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  memset (out_progress, 0, sizeof *out_progress);
  stmt = ti_database_prepare (db, sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, person_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      out_progress->tier1_on = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      out_progress->tier2_on = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      out_progress->tier3_on = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      out_progress->highest_tier = sqlite3_column_int (stmt, 4);
      return TRUE;
    }
  if (rc == SQLITE_DONE)
    return TRUE;
  return ti_database_set_error_from_sqlite (db, rc, _("reading the programme"), error);
}
