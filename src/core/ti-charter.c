/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ti-charter"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ti-charter-principle.h"
#include "ti-charter.h"
#include "ti-format.h"
#include "ti-validation.h"

/*
 * The county charter: its ordered principles, each organisation's adoption and its
 * commitments, and adoption across all partners. Every change is one transaction with an
 * audit entry.
 *
 * Adoption rules: each stage requires what it means — consultation its start date; signed
 * the date, the signatory and their role; review due also the review date. A stage may be
 * set back (a correction, or a lapsed signing): the fields given are stored as they are.
 */

G_DEFINE_QUARK (ti-charter-error-quark, ti_charter_error)

static const char *const stage_keys[TI_CHARTER_N_STAGES] = {
  "not_started", "consultation", "signed", "review_due",
};

const char *
ti_charter_stage_key (TiCharterStage stage)
{
  g_return_val_if_fail (stage < TI_CHARTER_N_STAGES, NULL);
  return stage_keys[stage];
}

/**
 * ti_charter_stage_from_key:
 *
 * Returns: the #TiCharterStage of @key, or -1 when it is not a stage
 */
int
ti_charter_stage_from_key (const char *key)
{
  for (int i = 0; i < TI_CHARTER_N_STAGES; i++)
    if (g_strcmp0 (key, stage_keys[i]) == 0)
      return i;
  return -1;
}

/**
 * ti_charter_stage_label:
 * @key: a stage key
 *
 * Returns: (transfer none): the stage in words
 */
const char *
ti_charter_stage_label (const char *key)
{
  switch (ti_charter_stage_from_key (key))
    {
    case TI_CHARTER_STAGE_NOT_STARTED:
      return _("Not started");
    case TI_CHARTER_STAGE_CONSULTATION:
      return _("In consultation");
    case TI_CHARTER_STAGE_SIGNED:
      return _("Signed");
    case TI_CHARTER_STAGE_REVIEW_DUE:
      return _("Review due");
    default:
      return "";
    }
}

/* Runs @change (already prepared and bound) and the audit entry in one transaction. */
static gboolean
change_with_audit (TiDatabase *db, sqlite3_stmt *change, const char *action, const char *entity,
                   gint64 id, const char *detail, GError **error)
{
  if (!ti_database_begin (db, error))
    return FALSE;
  if (ti_database_step_done (db, change, error)
      && ti_database_audit (db, action, entity, id, detail, error)
      && ti_database_commit (db, error))
    return TRUE;
  ti_database_rollback (db);
  return FALSE;
}

/* Ends the transaction of an insert: audit and commit when @inserted, else roll back. */
static gboolean
finish_insert (TiDatabase *db, gboolean inserted, const char *entity, gint64 *out_id,
               GError **error)
{
  gint64 id = sqlite3_last_insert_rowid (ti_database_get_handle (db));

  if (inserted && ti_database_audit (db, "create", entity, id, NULL, error)
      && ti_database_commit (db, error))
    {
      if (out_id != NULL)
        *out_id = id;
      return TRUE;
    }
  ti_database_rollback (db);
  return FALSE;
}

static gboolean
exists_or_error (TiDatabase *db, const char *sql, gint64 id, const char *missing, GError **error)
{
  gint64 n = ti_database_count_with (db, sql, id, NULL, error);

  if (n == 0)
    g_set_error_literal (error, TI_CHARTER_ERROR, TI_CHARTER_ERROR_NOT_FOUND, missing);
  return n > 0;
}

/* Principles --------------------------------------------------------------------------- */

/**
 * ti_charter_list_principles:
 *
 * Returns: (transfer full) (nullable): a #GListModel of #TiCharterPrinciple in order
 */
GListModel *
ti_charter_list_principles (TiDatabase *db, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = ti_database_prepare (
    db, "SELECT id, position, name, description FROM charter_principles ORDER BY position, id",
    error);
  g_autoptr (GListStore) store = g_list_store_new (TI_TYPE_CHARTER_PRINCIPLE);
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr (TiCharterPrinciple) principle = ti_charter_principle_new (
        sqlite3_column_int64 (stmt, 0), sqlite3_column_int (stmt, 1),
        (const char *) sqlite3_column_text (stmt, 2), (const char *) sqlite3_column_text (stmt, 3));
      g_list_store_append (store, principle);
    }
  if (rc != SQLITE_DONE)
    {
      ti_database_set_error_from_sqlite (db, rc, _("reading the charter"), error);
      return NULL;
    }
  return G_LIST_MODEL (g_steal_pointer (&store));
}

/* Checks a principle's name: not blank, not used by another principle. Returns it trimmed. */
static char *
checked_name (TiDatabase *db, gint64 id, const char *name, GError **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (name ? name : ""));
  gint64 taken;

  if (*trimmed == '\0')
    {
      g_set_error (error, TI_CHARTER_ERROR, TI_CHARTER_ERROR_NAME, _("Enter the principle’s name."));
      return NULL;
    }
  taken = ti_database_count_with (
    db, "SELECT count(*) FROM charter_principles WHERE id <> ?1 AND name = ?2", id, trimmed, error);
  if (taken < 0)
    return NULL;
  if (taken > 0)
    {
      g_set_error (error, TI_CHARTER_ERROR, TI_CHARTER_ERROR_NAME,
                   _("The charter already has a principle called “%s”."), trimmed);
      return NULL;
    }
  return g_steal_pointer (&trimmed);
}

/**
 * ti_charter_add_principle:
 * @description: (nullable)
 * @out_id: (out) (optional): the new principle's id
 *
 * Adds a principle at the end of the list.
 */
gboolean
ti_charter_add_principle (TiDatabase *db, const char *name, const char *description,
                          gint64 *out_id, GError **error)
{
  g_autofree char *trimmed = checked_name (db, 0, name, error);
  g_autoptr (sqlite3_stmt) stmt = NULL;

  if (trimmed == NULL)
    return FALSE;
  stmt = ti_database_prepare (db,
                              "INSERT INTO charter_principles (position, name, description)"
                              " VALUES ((SELECT coalesce(max(position), 0) + 1"
                              "          FROM charter_principles), ?1, ?2)",
                              error);
  if (stmt == NULL || !ti_database_begin (db, error))
    return FALSE;
  sqlite3_bind_text (stmt, 1, trimmed, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, description && *description ? description : NULL, -1,
                     SQLITE_STATIC);
  return finish_insert (db, ti_database_step_done (db, stmt, error), "charter_principle", out_id,
                        error);
}

/**
 * ti_charter_rename_principle:
 *
 * Renames a principle; the name must stay unique (case-insensitively).
 */
gboolean
ti_charter_rename_principle (TiDatabase *db, gint64 id, const char *name, GError **error)
{
  g_autofree char *trimmed = NULL;
  g_autoptr (sqlite3_stmt) stmt = NULL;

  if (!exists_or_error (db, "SELECT count(*) FROM charter_principles WHERE id = ?", id,
                        _("This principle is no longer in the charter."), error))
    return FALSE;
  trimmed = checked_name (db, id, name, error);
  if (trimmed == NULL)
    return FALSE;
  stmt = ti_database_prepare (db, "UPDATE charter_principles SET name = ?2 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, trimmed, -1, SQLITE_STATIC);
  return change_with_audit (db, stmt, "update", "charter_principle", id, "renamed", error);
}

/* Writes positions 1…n in the order of @ids. */
static gboolean
write_positions (TiDatabase *db, GArray *ids, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt
    = ti_database_prepare (db, "UPDATE charter_principles SET position = ?1 WHERE id = ?2", error);

  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < ids->len; i++)
    {
      sqlite3_bind_int (stmt, 1, i + 1);
      sqlite3_bind_int64 (stmt, 2, g_array_index (ids, gint64, i));
      if (!ti_database_step_done (db, stmt, error))
        return FALSE;
    }
  return TRUE;
}

/* The principle ids in order, without @except. */
static GArray *
ordered_ids (TiDatabase *db, gint64 except, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt
    = ti_database_prepare (db, "SELECT id FROM charter_principles ORDER BY position, id", error);
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      if (id != except)
        g_array_append_val (ids, id);
    }
  if (rc != SQLITE_DONE)
    {
      ti_database_set_error_from_sqlite (db, rc, _("reading the charter"), error);
      return NULL;
    }
  return g_steal_pointer (&ids);
}

/* Moves (position ≥ 1) or removes (position 0) a principle, renumbering the rest. */
static gboolean
reorder (TiDatabase *db, gint64 id, guint position, GError **error)
{
  g_autoptr (GArray) ids = NULL;
  g_autofree char *detail = NULL;

  if (!ti_database_begin (db, error))
    return FALSE;
  if (!exists_or_error (db, "SELECT count(*) FROM charter_principles WHERE id = ?", id,
                        _("This principle is no longer in the charter."), error)
      || (ids = ordered_ids (db, id, error)) == NULL)
    goto fail;

  if (position > ids->len + 1)
    {
      g_set_error (error, TI_CHARTER_ERROR, TI_CHARTER_ERROR_POSITION,
                   _("Choose a position from 1 to %u."), ids->len + 1);
      goto fail;
    }
  if (position > 0)
    g_array_insert_val (ids, position - 1, id);
  else
    {
      g_autoptr (sqlite3_stmt) stmt
        = ti_database_prepare (db, "DELETE FROM charter_principles WHERE id = ?", error);
      if (stmt == NULL)
        goto fail;
      sqlite3_bind_int64 (stmt, 1, id);
      if (!ti_database_step_done (db, stmt, error))
        goto fail;
    }

  detail = position > 0 ? g_strdup_printf ("moved to position %u", position) : NULL;
  if (write_positions (db, ids, error)
      && ti_database_audit (db, position > 0 ? "update" : "delete", "charter_principle", id,
                            detail, error)
      && ti_database_commit (db, error))
    return TRUE;

fail:
  ti_database_rollback (db);
  return FALSE;
}

/**
 * ti_charter_move_principle:
 * @position: the new position, from 1 (first) to the number of principles
 *
 * Moves a principle; the others shift so positions stay 1…n.
 */
gboolean
ti_charter_move_principle (TiDatabase *db, gint64 id, guint position, GError **error)
{
  if (position == 0)
    {
      g_set_error (error, TI_CHARTER_ERROR, TI_CHARTER_ERROR_POSITION,
                   _("Positions start at 1."));
      return FALSE;
    }
  return reorder (db, id, position, error);
}

/**
 * ti_charter_remove_principle:
 *
 * Removes a principle; those after it move up.
 */
gboolean
ti_charter_remove_principle (TiDatabase *db, gint64 id, GError **error)
{
  return reorder (db, id, 0, error);
}

/* Adoption ----------------------------------------------------------------------------- */

void
ti_charter_adoption_clear (TiCharterAdoption *adoption)
{
  g_clear_pointer (&adoption->signatory_name, g_free);
  g_clear_pointer (&adoption->signatory_role, g_free);
}

static void
date_from_column (sqlite3_stmt *stmt, int column, GDate *date)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  g_date_clear (date, 1);
  if (text != NULL)
    ti_date_parse (text, date);
}

/**
 * ti_charter_get_adoption:
 * @out_adoption: (out caller-allocates): filled in; clear with ti_charter_adoption_clear()
 *
 * An organisation's adoption; not started (no dates) when it has no record yet.
 */
gboolean
ti_charter_get_adoption (TiDatabase *db, gint64 organisation_id, TiCharterAdoption *out_adoption,
                         GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  memset (out_adoption, 0, sizeof *out_adoption);
  out_adoption->organisation_id = organisation_id;
  if (!exists_or_error (db, "SELECT count(*) FROM organisations WHERE id = ?", organisation_id,
                        _("This organisation is no longer in the programme."), error))
    return FALSE;
  stmt = ti_database_prepare (db,
                              "SELECT stage, consultation_started_on, signed_on, signatory_name,"
                              "  signatory_role, review_on FROM charter_adoptions"
                              " WHERE organisation_id = ?",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, organisation_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    return TRUE;
  if (rc != SQLITE_ROW)
    return ti_database_set_error_from_sqlite (db, rc, _("reading the charter"), error);
  out_adoption->stage = MAX (ti_charter_stage_from_key ((const char *) sqlite3_column_text (stmt, 0)), 0);
  date_from_column (stmt, 1, &out_adoption->consultation_started_on);
  date_from_column (stmt, 2, &out_adoption->signed_on);
  out_adoption->signatory_name = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
  out_adoption->signatory_role = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
  date_from_column (stmt, 5, &out_adoption->review_on);
  return TRUE;
}

static gboolean
fail_with (GError **error, int code, const char *message)
{
  g_set_error_literal (error, TI_CHARTER_ERROR, code, message);
  return FALSE;
}

/**
 * ti_charter_validate_adoption:
 *
 * Checks the rules of @adoption's stage (see #TiCharterAdoption).
 *
 * Returns: %TRUE when valid; otherwise %FALSE with @error's code naming the field
 */
gboolean
ti_charter_validate_adoption (const TiCharterAdoption *a, GError **error)
{
  gboolean signed_stage = a->stage == TI_CHARTER_STAGE_SIGNED || a->stage == TI_CHARTER_STAGE_REVIEW_DUE;

  if (a->stage >= TI_CHARTER_N_STAGES)
    return fail_with (error, TI_CHARTER_ERROR_STAGE, _("Choose a stage of adoption."));
  if (a->stage == TI_CHARTER_STAGE_CONSULTATION && !g_date_valid (&a->consultation_started_on))
    return fail_with (error, TI_CHARTER_ERROR_CONSULTATION_DATE,
                      _("Enter the date the consultation started."));
  if (g_date_valid (&a->consultation_started_on) && ti_date_is_future (&a->consultation_started_on))
    return fail_with (error, TI_CHARTER_ERROR_CONSULTATION_DATE,
                      _("The consultation date cannot be in the future."));
  if (signed_stage && !g_date_valid (&a->signed_on))
    return fail_with (error, TI_CHARTER_ERROR_SIGNED_ON, _("Enter the date the charter was signed."));
  if (g_date_valid (&a->signed_on) && ti_date_is_future (&a->signed_on))
    return fail_with (error, TI_CHARTER_ERROR_SIGNED_ON,
                      _("The signing date cannot be in the future."));
  if (signed_stage && ti_text_is_blank (a->signatory_name))
    return fail_with (error, TI_CHARTER_ERROR_SIGNATORY_NAME,
                      _("Enter the name of the person who signed."));
  if (signed_stage && ti_text_is_blank (a->signatory_role))
    return fail_with (error, TI_CHARTER_ERROR_SIGNATORY_ROLE,
                      _("Enter the role of the person who signed."));
  if (a->stage == TI_CHARTER_STAGE_REVIEW_DUE && !g_date_valid (&a->review_on))
    return fail_with (error, TI_CHARTER_ERROR_REVIEW_ON, _("Enter the review date."));
  if (g_date_valid (&a->review_on) && g_date_valid (&a->signed_on)
      && g_date_compare (&a->review_on, &a->signed_on) < 0)
    return fail_with (error, TI_CHARTER_ERROR_REVIEW_ON,
                      _("The review date cannot be before the charter was signed."));
  return TRUE;
}

static void
bind_date (sqlite3_stmt *stmt, int index, const GDate *date)
{
  if (date != NULL && g_date_valid (date))
    sqlite3_bind_text (stmt, index, ti_date_to_iso (date), -1, g_free);
  else
    sqlite3_bind_null (stmt, index);
}

static void
bind_trimmed (sqlite3_stmt *stmt, int index, const char *text)
{
  if (ti_text_is_blank (text))
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, g_strstrip (g_strdup (text)), -1, g_free);
}

/**
 * ti_charter_set_adoption:
 *
 * Validates and stores an organisation's adoption, with an audit entry.
 */
gboolean
ti_charter_set_adoption (TiDatabase *db, const TiCharterAdoption *adoption, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autofree char *detail = NULL;

  if (!ti_charter_validate_adoption (adoption, error)
      || !exists_or_error (db, "SELECT count(*) FROM organisations WHERE id = ?",
                           adoption->organisation_id,
                           _("This organisation is no longer in the programme."), error))
    return FALSE;
  stmt = ti_database_prepare (
    db,
    "INSERT INTO charter_adoptions (organisation_id, stage, consultation_started_on, signed_on,"
    "  signatory_name, signatory_role, review_on) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"
    " ON CONFLICT (organisation_id) DO UPDATE SET stage = ?2, consultation_started_on = ?3,"
    "  signed_on = ?4, signatory_name = ?5, signatory_role = ?6, review_on = ?7",
    error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, adoption->organisation_id);
  sqlite3_bind_text (stmt, 2, stage_keys[adoption->stage], -1, SQLITE_STATIC);
  bind_date (stmt, 3, &adoption->consultation_started_on);
  bind_date (stmt, 4, &adoption->signed_on);
  bind_trimmed (stmt, 5, adoption->signatory_name);
  bind_trimmed (stmt, 6, adoption->signatory_role);
  bind_date (stmt, 7, &adoption->review_on);
  detail = g_strdup_printf ("stage: %s", stage_keys[adoption->stage]);
  return change_with_audit (db, stmt, "update", "charter_adoption", adoption->organisation_id,
                            detail, error);
}

/* Commitments -------------------------------------------------------------------------- */

static void
commitment_free (gpointer data)
{
  TiCharterCommitment *c = data;

  g_free (c->action);
  g_free (c->due_on);
  g_free (c->done_on);
  g_free (c);
}

/**
 * ti_charter_list_commitments:
 *
 * Returns: (transfer full) (element-type TiCharterCommitment) (nullable): the
 *   organisation's commitments, by due date (undated last)
 */
GPtrArray *
ti_charter_list_commitments (TiDatabase *db, gint64 organisation_id, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = ti_database_prepare (
    db,
    "SELECT id, action, due_on, done_on FROM charter_commitments WHERE organisation_id = ?"
    " ORDER BY due_on IS NULL, due_on, id",
    error);
  g_autoptr (GPtrArray) list = g_ptr_array_new_with_free_func (commitment_free);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, organisation_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TiCharterCommitment *c = g_new0 (TiCharterCommitment, 1);

      c->id = sqlite3_column_int64 (stmt, 0);
      c->action = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      c->due_on = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      c->done_on = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      g_ptr_array_add (list, c);
    }
  if (rc != SQLITE_DONE)
    {
      ti_database_set_error_from_sqlite (db, rc, _("reading the charter"), error);
      return NULL;
    }
  return g_steal_pointer (&list);
}

static gboolean
validate_commitment (const char *action, const GDate *done_on, GError **error)
{
  if (ti_text_is_blank (action))
    return fail_with (error, TI_CHARTER_ERROR_ACTION, _("Enter what the organisation will do."));
  if (done_on != NULL && g_date_valid (done_on) && ti_date_is_future (done_on))
    return fail_with (error, TI_CHARTER_ERROR_DONE_ON, _("The done date cannot be in the future."));
  return TRUE;
}

/**
 * ti_charter_add_commitment:
 * @due_on: (nullable): when it is due
 * @done_on: (nullable): when it was done; not in the future
 * @out_id: (out) (optional): the new commitment's id
 *
 * Adds a commitment (creating a not-started adoption record if there is none yet).
 */
gboolean
ti_charter_add_commitment (TiDatabase *db, gint64 organisation_id, const char *action,
                           const GDate *due_on, const GDate *done_on, gint64 *out_id,
                           GError **error)
{
  g_autoptr (sqlite3_stmt) adoption = NULL;
  g_autoptr (sqlite3_stmt) stmt = NULL;

  if (!validate_commitment (action, done_on, error)
      || !exists_or_error (db, "SELECT count(*) FROM organisations WHERE id = ?", organisation_id,
                           _("This organisation is no longer in the programme."), error))
    return FALSE;
  adoption = ti_database_prepare (
    db, "INSERT OR IGNORE INTO charter_adoptions (organisation_id) VALUES (?)", error);
  stmt = adoption ? ti_database_prepare (db,
                                         "INSERT INTO charter_commitments (organisation_id, action,"
                                         "  due_on, done_on) VALUES (?1, ?2, ?3, ?4)",
                                         error)
                  : NULL;
  if (stmt == NULL || !ti_database_begin (db, error))
    return FALSE;
  sqlite3_bind_int64 (adoption, 1, organisation_id);
  sqlite3_bind_int64 (stmt, 1, organisation_id);
  bind_trimmed (stmt, 2, action);
  bind_date (stmt, 3, due_on);
  bind_date (stmt, 4, done_on);
  return finish_insert (db,
                        ti_database_step_done (db, adoption, error)
                          && ti_database_step_done (db, stmt, error),
                        "charter_commitment", out_id, error);
}

/**
 * ti_charter_update_commitment:
 * @due_on: (nullable)
 * @done_on: (nullable)
 */
gboolean
ti_charter_update_commitment (TiDatabase *db, gint64 id, const char *action, const GDate *due_on,
                              const GDate *done_on, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;

  if (!validate_commitment (action, done_on, error)
      || !exists_or_error (db, "SELECT count(*) FROM charter_commitments WHERE id = ?", id,
                           _("This commitment is no longer in the programme."), error))
    return FALSE;
  stmt = ti_database_prepare (
    db, "UPDATE charter_commitments SET action = ?2, due_on = ?3, done_on = ?4 WHERE id = ?1",
    error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  bind_trimmed (stmt, 2, action);
  bind_date (stmt, 3, due_on);
  bind_date (stmt, 4, done_on);
  return change_with_audit (db, stmt, "update", "charter_commitment", id, NULL, error);
}

gboolean
ti_charter_remove_commitment (TiDatabase *db, gint64 id, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;

  if (!exists_or_error (db, "SELECT count(*) FROM charter_commitments WHERE id = ?", id,
                        _("This commitment is no longer in the programme."), error))
    return FALSE;
  stmt = ti_database_prepare (db, "DELETE FROM charter_commitments WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  return change_with_audit (db, stmt, "delete", "charter_commitment", id, NULL, error);
}
