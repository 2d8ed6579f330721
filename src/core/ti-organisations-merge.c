/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ti-organisations"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ti-organisations.h"

/*
 * Merging two organisations that are the same (imports make duplicates). Everything that
 * points at the merged one moves to the kept one; the kept one's name, sector and
 * locality stay, its headcount too unless it is 0 (unknown) and the merged one's is not.
 * Of two charter adoptions the more advanced stage wins, and all commitments move.
 */

/* Each statement binds ?1 = keep, ?2 = merge. Order matters: the adoption must exist on
 * the kept organisation before commitments and milestone evidence move to it. */
static const char *const merge_steps[] = {
  "UPDATE people SET organisation_id = ?1 WHERE organisation_id = ?2",
  "UPDATE sessions SET host_organisation_id = ?1 WHERE host_organisation_id = ?2",
  /* The kept one cannot become its own child: it takes the merged one's parent instead. */
  "UPDATE organisations SET parent_id = (SELECT nullif(parent_id, ?1) FROM organisations"
  "  WHERE id = ?2) WHERE id = ?1 AND parent_id = ?2",
  "UPDATE organisations SET parent_id = ?1 WHERE parent_id = ?2 AND id <> ?1",
  "UPDATE organisations SET headcount = (SELECT headcount FROM organisations WHERE id = ?2)"
  "  WHERE id = ?1 AND headcount = 0",
  /* The more advanced adoption replaces the kept one's: a stage's offset in this string
   * grows with its progress. */
  "INSERT INTO charter_adoptions (organisation_id, stage, consultation_started_on, signed_on,"
  "  signatory_name, signatory_role, review_on)"
  " SELECT ?1, m.stage, m.consultation_started_on, m.signed_on, m.signatory_name,"
  "  m.signatory_role, m.review_on FROM charter_adoptions m WHERE m.organisation_id = ?2"
  "  AND coalesce((SELECT instr('not_started consultation signed review_due', k.stage)"
  "       FROM charter_adoptions k WHERE k.organisation_id = ?1), 0)"
  "      < instr('not_started consultation signed review_due', m.stage)"
  " ON CONFLICT (organisation_id) DO UPDATE SET stage = excluded.stage,"
  "  consultation_started_on = excluded.consultation_started_on,"
  "  signed_on = excluded.signed_on, signatory_name = excluded.signatory_name,"
  "  signatory_role = excluded.signatory_role, review_on = excluded.review_on",
  "UPDATE charter_commitments SET organisation_id = ?1 WHERE organisation_id = ?2",
  "UPDATE milestones SET evidence_organisation_id = ?1 WHERE evidence_organisation_id = ?2",
  "DELETE FROM organisations WHERE id = ?2",
};

static gboolean
merge_in_transaction (TiDatabase *db, gint64 keep_id, gint64 merge_id, GError **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (merge_steps); i++)
    {
      g_autoptr (sqlite3_stmt) stmt = ti_database_prepare (db, merge_steps[i], error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, keep_id);
      sqlite3_bind_int64 (stmt, 2, merge_id);
      if (!ti_database_step_done (db, stmt, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
both_exist (TiDatabase *db, gint64 keep_id, gint64 merge_id, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt
    = ti_database_prepare (db, "SELECT count(*) FROM organisations WHERE id IN (?1, ?2)", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, keep_id);
  sqlite3_bind_int64 (stmt, 2, merge_id);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int (stmt, 0) == 2)
    return TRUE;
  g_set_error (error, TI_ORGANISATIONS_ERROR, TI_ORGANISATIONS_ERROR_NOT_FOUND,
               _("One of the organisations is no longer in the programme."));
  return FALSE;
}

/**
 * ti_organisations_merge:
 * @keep_id: the organisation that stays
 * @merge_id: the duplicate, deleted once everything has moved
 *
 * Moves people, hosted sessions, child organisations, the charter adoption (the more
 * advanced stage wins) with its commitments, and milestone evidence from @merge_id to
 * @keep_id, then deletes @merge_id: one transaction, one audit entry.
 */
gboolean
ti_organisations_merge (TiDatabase *db, gint64 keep_id, gint64 merge_id, GError **error)
{
  g_autofree char *detail = NULL;

  if (keep_id == merge_id)
    {
      g_set_error (error, TI_ORGANISATIONS_ERROR, TI_ORGANISATIONS_ERROR_MERGE,
                   _("Choose two different organisations to merge."));
      return FALSE;
    }
  if (!ti_database_begin (db, error))
    return FALSE;
  detail = g_strdup_printf ("merged #%" G_GINT64_FORMAT, merge_id);
  if (both_exist (db, keep_id, merge_id, error)
      && merge_in_transaction (db, keep_id, merge_id, error)
      && ti_database_audit (db, "merge", "organisation", keep_id, detail, error)
      && ti_database_commit (db, error))
    return TRUE;
  ti_database_rollback (db);
  return FALSE;
}
