/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ti-organisations"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ti-organisations.h"
#include "ti-row-set.h"

/*
 * Merging two organisations that are the same (imports make duplicates). Everything that
 * points at the merged one moves to the kept one; the kept one's name, sector and
 * locality stay, its headcount too unless it is 0 (unknown) and the merged one's is not.
 * Of two charter adoptions the more advanced stage wins, and all commitments move.
 *
 * A merge can be undone: it keeps a snapshot of everything it changes, and
 * ti_organisations_unmerge() puts it back with the same ids.
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

struct _TiOrganisationMergeSnapshot
{
  gint64 keep_id;
  gint64 merge_id;
  TiRowSet merged;          /* the merged organisation's row */
  TiRowSet merged_adoption; /* its charter adoption: none or one row */
  TiRowSet kept;            /* the kept one's headcount and parent before the merge */
  TiRowSet kept_adoption;   /* the kept one's adoption before the merge: none or one row */
  GArray *people;         /* ids of what moved from the merged organisation to the kept one */
  GArray *sessions;
  GArray *children;
  GArray *commitments;
  GArray *milestones;
};

/* The rows that move, by the column that points at the organisation; @also narrows the
 * choice as the merge step does (?1 = keep): the kept one does not move under itself. */
static const struct
{
  const char *table;
  const char *column;
  const char *also;
  gsize offset;
} moved[] = {
  { "people", "organisation_id", "", G_STRUCT_OFFSET (TiOrganisationMergeSnapshot, people) },
  { "sessions", "host_organisation_id", "",
    G_STRUCT_OFFSET (TiOrganisationMergeSnapshot, sessions) },
  { "organisations", "parent_id", " AND id <> ?1",
    G_STRUCT_OFFSET (TiOrganisationMergeSnapshot, children) },
  { "charter_commitments", "organisation_id", "",
    G_STRUCT_OFFSET (TiOrganisationMergeSnapshot, commitments) },
  { "milestones", "evidence_organisation_id", "",
    G_STRUCT_OFFSET (TiOrganisationMergeSnapshot, milestones) },
};

#define MOVED_IDS(snapshot, i) G_STRUCT_MEMBER (GArray *, (snapshot), moved[(i)].offset)

/**
 * ti_organisation_merge_snapshot_free:
 * @snapshot: (nullable) (transfer full): a snapshot from ti_organisations_merge()
 */
void
ti_organisation_merge_snapshot_free (TiOrganisationMergeSnapshot *snapshot)
{
  if (snapshot == NULL)
    return;
  ti_row_set_clear (&snapshot->merged);
  ti_row_set_clear (&snapshot->merged_adoption);
  ti_row_set_clear (&snapshot->kept);
  ti_row_set_clear (&snapshot->kept_adoption);
  for (guint i = 0; i < G_N_ELEMENTS (moved); i++)
    g_clear_pointer (&MOVED_IDS (snapshot, i), g_array_unref);
  g_free (snapshot);
}

/**
 * ti_organisation_merge_snapshot_get_merge_id:
 *
 * Returns: the id of the organisation the merge removed
 */
gint64
ti_organisation_merge_snapshot_get_merge_id (const TiOrganisationMergeSnapshot *snapshot)
{
  g_return_val_if_fail (snapshot != NULL, 0);

  return snapshot->merge_id;
}

static gboolean
capture_ids (TiDatabase *db, const char *sql, gint64 keep_id, gint64 merge_id, GArray **out,
             GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = ti_database_prepare (db, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  if (sqlite3_bind_parameter_index (stmt, "?1") > 0)
    sqlite3_bind_int64 (stmt, 1, keep_id);
  sqlite3_bind_int64 (stmt, 2, merge_id);
  *out = g_array_new (FALSE, FALSE, sizeof (gint64));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (*out, id);
    }
  if (rc != SQLITE_DONE)
    return ti_database_set_error_from_sqlite (db, rc, _("reading the organisations"), error);
  return TRUE;
}

/* Everything the merge steps change, read before they run. */
static gboolean
capture (TiDatabase *db, TiOrganisationMergeSnapshot *snapshot, GError **error)
{
  static const char organisation[] = "SELECT * FROM organisations WHERE id = ?";
  static const char adoption[] = "SELECT * FROM charter_adoptions WHERE organisation_id = ?";
  static const char kept[] = "SELECT headcount, parent_id FROM organisations WHERE id = ?";

  if (!ti_row_set_capture (&snapshot->merged, db, organisation, snapshot->merge_id, error)
      || !ti_row_set_capture (&snapshot->merged_adoption, db, adoption, snapshot->merge_id, error)
      || !ti_row_set_capture (&snapshot->kept, db, kept, snapshot->keep_id, error)
      || !ti_row_set_capture (&snapshot->kept_adoption, db, adoption, snapshot->keep_id, error))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (moved); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT id FROM %s WHERE %s = ?2%s ORDER BY id",
                                              moved[i].table, moved[i].column, moved[i].also);

      if (!capture_ids (db, sql, snapshot->keep_id, snapshot->merge_id,
                        &MOVED_IDS (snapshot, i), error))
        return FALSE;
    }
  return TRUE;
}

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
 * @out_snapshot: (out) (optional) (transfer full): what the merge changed, for
 *   ti_organisations_unmerge(); free with ti_organisation_merge_snapshot_free()
 *
 * Moves people, hosted sessions, child organisations, the charter adoption (the more
 * advanced stage wins) with its commitments, and milestone evidence from @merge_id to
 * @keep_id, then deletes @merge_id: one transaction, one audit entry.
 *
 * Returns: %TRUE when merged
 */
gboolean
ti_organisations_merge (TiDatabase *db, gint64 keep_id, gint64 merge_id,
                        TiOrganisationMergeSnapshot **out_snapshot, GError **error)
{
  g_autoptr (TiOrganisationMergeSnapshot) snapshot = NULL;
  g_autofree char *detail = NULL;

  g_return_val_if_fail (TI_IS_DATABASE (db), FALSE);

  if (keep_id == merge_id)
    {
      g_set_error (error, TI_ORGANISATIONS_ERROR, TI_ORGANISATIONS_ERROR_MERGE,
                   _("Choose two different organisations to merge."));
      return FALSE;
    }
  snapshot = g_new0 (TiOrganisationMergeSnapshot, 1);
  snapshot->keep_id = keep_id;
  snapshot->merge_id = merge_id;
  if (!ti_database_begin (db, error))
    return FALSE;
  detail = g_strdup_printf ("merged #%" G_GINT64_FORMAT, merge_id);
  if (both_exist (db, keep_id, merge_id, error)
      && capture (db, snapshot, error)
      && merge_in_transaction (db, keep_id, merge_id, error)
      && ti_database_audit (db, "merge", "organisation", keep_id, detail, error)
      && ti_database_commit (db, error))
    {
      if (out_snapshot != NULL)
        *out_snapshot = g_steal_pointer (&snapshot);
      return TRUE;
    }
  ti_database_rollback (db);
  return FALSE;
}

/* Undo ------------------------------------------------------------------------------------ */

/* Writes the single row of @set back over the row whose @key is @id (the key stays). */
static gboolean
update_row (TiDatabase *db, const char *table, const char *key, gint64 id, const TiRowSet *set,
            GError **error)
{
  g_autoptr (GString) sql = g_string_new (NULL);
  g_autoptr (sqlite3_stmt) stmt = NULL;
  sqlite3_value **row;
  guint n = 0;

  g_return_val_if_fail (set->rows->len == 1, FALSE);

  row = g_ptr_array_index (set->rows, 0);
  g_string_append_printf (sql, "UPDATE %s SET ", table);
  for (guint i = 0; i < set->n_columns; i++)
    if (!g_str_equal (set->columns[i], key))
      g_string_append_printf (sql, "%s%s = ?%u", n++ ? ", " : "", set->columns[i], i + 1);
  g_string_append_printf (sql, " WHERE %s = ?%u", key, set->n_columns + 1);
  stmt = ti_database_prepare (db, sql->str, error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < set->n_columns; i++)
    sqlite3_bind_value (stmt, i + 1, row[i]);
  sqlite3_bind_int64 (stmt, set->n_columns + 1, id);
  return ti_database_step_done (db, stmt, error);
}

static gboolean
move_back (TiDatabase *db, const TiOrganisationMergeSnapshot *snapshot, guint i, GError **error)
{
  g_autofree char *sql
    = g_strdup_printf ("UPDATE %s SET %s = ?2 WHERE id = ?3 AND %s = ?1", moved[i].table,
                       moved[i].column, moved[i].column);
  g_autoptr (sqlite3_stmt) stmt = ti_database_prepare (db, sql, error);
  GArray *ids = MOVED_IDS (snapshot, i);

  if (stmt == NULL)
    return FALSE;
  for (guint j = 0; j < ids->len; j++)
    {
      sqlite3_bind_int64 (stmt, 1, snapshot->keep_id);
      sqlite3_bind_int64 (stmt, 2, snapshot->merge_id);
      sqlite3_bind_int64 (stmt, 3, g_array_index (ids, gint64, j));
      if (!ti_database_step_done (db, stmt, error))
        return FALSE;
    }
  return TRUE;
}

static gint64
count_where (TiDatabase *db, const char *sql, sqlite3_value *value, gint64 id, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = ti_database_prepare (db, sql, error);
  int rc;

  if (stmt == NULL)
    return -1;
  if (value != NULL)
    sqlite3_bind_value (stmt, 1, value);
  else
    sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return sqlite3_column_int64 (stmt, 0);
  ti_database_set_error_from_sqlite (db, rc, _("reading the organisations"), error);
  return -1;
}

static gboolean
fail_unmerge (GError **error, const char *message)
{
  g_set_error_literal (error, TI_ORGANISATIONS_ERROR, TI_ORGANISATIONS_ERROR_UNMERGE, message);
  return FALSE;
}

/* The kept organisation must still be there, and the merged one's id and name be free. */
static gboolean
check_unmerge (TiDatabase *db, const TiOrganisationMergeSnapshot *snapshot, GError **error)
{
  sqlite3_value **merged = g_ptr_array_index (snapshot->merged.rows, 0);
  g_autofree char *message = NULL;
  guint name_column = 0;
  gint64 n;

  while (!g_str_equal (snapshot->merged.columns[name_column], "name"))
    name_column++;

  n = count_where (db, "SELECT count(*) FROM organisations WHERE id = ?", NULL,
                   snapshot->keep_id, error);
  if (n < 0)
    return FALSE;
  if (n == 0)
    return fail_unmerge (error, _("The merge cannot be undone, because the organisation it "
                                  "went into is no longer in the programme."));
  n = count_where (db, "SELECT count(*) FROM organisations WHERE id = ?", NULL,
                   snapshot->merge_id, error);
  if (n < 0)
    return FALSE;
  if (n > 0)
    return fail_unmerge (error, _("The merge has been undone already."));
  n = count_where (db, "SELECT count(*) FROM organisations WHERE name = ?", merged[name_column],
                   0, error);
  if (n < 0)
    return FALSE;
  if (n == 0)
    return TRUE;
  message = g_strdup_printf (_("The merge cannot be undone, because another organisation is "
                               "now called “%s”."),
                             (const char *) sqlite3_value_text (merged[name_column]));
  return fail_unmerge (error, message);
}

static gboolean
unmerge_in_transaction (TiDatabase *db, const TiOrganisationMergeSnapshot *snapshot,
                        GError **error)
{
  g_autofree char *detail = NULL;

  if (!check_unmerge (db, snapshot, error))
    return FALSE;
  /* The merged organisation and its adoption first: what moves back points at them. */
  if (!ti_row_set_insert (&snapshot->merged, db, "organisations", error)
      || !ti_row_set_insert (&snapshot->merged_adoption, db, "charter_adoptions", error))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (moved); i++)
    if (!move_back (db, snapshot, i, error))
      return FALSE;

  /* The kept one's own fields; an adoption the merge created goes again (its commitments
   * have moved back by now). */
  if (!update_row (db, "organisations", "id", snapshot->keep_id, &snapshot->kept, error))
    return FALSE;
  if (snapshot->kept_adoption.rows->len > 0)
    {
      if (!update_row (db, "charter_adoptions", "organisation_id", snapshot->keep_id,
                       &snapshot->kept_adoption, error))
        return FALSE;
    }
  else
    {
      g_autoptr (sqlite3_stmt) stmt = ti_database_prepare (
        db, "DELETE FROM charter_adoptions WHERE organisation_id = ?", error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, snapshot->keep_id);
      if (!ti_database_step_done (db, stmt, error))
        return FALSE;
    }

  detail = g_strdup_printf ("undid merge into #%" G_GINT64_FORMAT, snapshot->keep_id);
  return ti_database_audit (db, "restore", "organisation", snapshot->merge_id, detail, error);
}

/**
 * ti_organisations_unmerge:
 * @snapshot: from ti_organisations_merge()
 *
 * Undoes a merge: puts the merged organisation back with its charter adoption, moves its
 * people, hosted sessions, child organisations, commitments and milestone evidence back,
 * and gives the kept organisation its headcount, parent and adoption again; same ids, one
 * transaction with an audit entry. Fails with %TI_ORGANISATIONS_ERROR_UNMERGE, changing
 * nothing, when the programme has changed so that it no longer fits (for example another
 * organisation now has the merged one's name).
 *
 * Returns: %TRUE when undone
 */
gboolean
ti_organisations_unmerge (TiDatabase *db, const TiOrganisationMergeSnapshot *snapshot,
                          GError **error)
{
  g_autoptr (GError) local = NULL;

  g_return_val_if_fail (TI_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (snapshot != NULL, FALSE);
  g_return_val_if_fail (snapshot->merged.rows != NULL && snapshot->merged.rows->len == 1, FALSE);

  if (!ti_database_begin (db, error))
    return FALSE;
  if (unmerge_in_transaction (db, snapshot, &local) && ti_database_commit (db, &local))
    return TRUE;

  ti_database_rollback (db);
  if (g_error_matches (local, TI_ORGANISATIONS_ERROR, TI_ORGANISATIONS_ERROR_UNMERGE))
    g_propagate_error (error, g_steal_pointer (&local));
  else
    g_set_error (error, TI_ORGANISATIONS_ERROR, TI_ORGANISATIONS_ERROR_UNMERGE,
                 _("The merge cannot be undone, because the programme has changed since (%s)"),
                 local->message);
  return FALSE;
}
