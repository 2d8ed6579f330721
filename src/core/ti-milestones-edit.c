/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ti-milestones"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ti-format.h"
#include "ti-milestones.h"
#include "ti-record-snapshot.h"
#include "ti-validation.h"

/*
 * Adding, editing and deleting milestones (with Undo). Every save is one transaction with
 * an audit entry that names what kind of change it was, never anyone's details.
 */

/* For the audit entry: which kind of evidence, never what it says. */
static const char *const evidence_keys[] = { "none", "event", "session", "charter", "text" };

/* A problem with one field, in this module's error domain. */
#define add_error(errors, code, ...) \
  ti_field_errors_add (errors, TI_MILESTONES_ERROR, code, __VA_ARGS__)

static gboolean
is_workstream (const char *key)
{
  return key != NULL && *ti_workstream_label (key) != '\0';
}

static void
check_due_month (const TiMilestoneEdit *edit, GPtrArray *errors)
{
  g_autofree char *text = ti_text_trimmed (edit->due_month);
  char month[8];

  if (*text == '\0')
    {
      add_error (errors, TI_MILESTONES_ERROR_DUE_MONTH, _ ("Enter the month it is due."));
      return;
    }
  switch (ti_milestone_month_parse (text, month))
    {
    case TI_MONTH_OK:
      break;
    case TI_MONTH_IMPOSSIBLE:
      /* Translators: a month as the person typed it, written right but with no such month */
      add_error (errors, TI_MILESTONES_ERROR_DUE_MONTH, _ ("%s is not a real month."), text);
      break;
    case TI_MONTH_MALFORMED:
    default:
      add_error (errors, TI_MILESTONES_ERROR_DUE_MONTH,
                 _ ("Enter the month as YYYY-MM or as a month and year, for example "
                    "2024-05 or May 2024."));
    }
}

static void
check_done_on (const TiMilestoneEdit *edit, GPtrArray *errors)
{
  g_autofree char *text = ti_text_trimmed (edit->done_on);
  GDate date;

  if (*text == '\0')
    return;
  switch (ti_date_check (text, &date))
    {
    case TI_DATE_OK:
      if (ti_date_is_future (&date))
        add_error (errors, TI_MILESTONES_ERROR_DONE_ON,
                   _ ("A milestone cannot be done in the future. Enter the day it was done, "
                      "or leave the date empty until it is."));
      break;
    case TI_DATE_IMPOSSIBLE:
      /* Translators: a date as the person typed it, written right but with no such day. */
      add_error (errors, TI_MILESTONES_ERROR_DONE_ON, _ ("%s is not a real date."), text);
      break;
    case TI_DATE_MALFORMED:
    default:
      add_error (errors, TI_MILESTONES_ERROR_DONE_ON,
                 _ ("Enter the date as YYYY-MM-DD or DD/MM/YYYY."));
    }
}

/* Adds the evidence's problem, if any; %FALSE only when the programme cannot be read. */
static gboolean
check_evidence (TiDatabase *db, const TiMilestoneEdit *edit, GPtrArray *errors, GError **error)
{
  g_autofree char *text = NULL;
  const char *sql = NULL;
  const char *missing = NULL;
  gint64 n;

  switch (edit->evidence_kind)
    {
    case TI_EVIDENCE_NONE:
      return TRUE;
    case TI_EVIDENCE_TEXT:
      text = ti_text_trimmed (edit->evidence_text);
      if (*text == '\0')
        add_error (errors, TI_MILESTONES_ERROR_EVIDENCE,
                   _ ("Describe the evidence, or choose “None yet”."));
      return TRUE;
    case TI_EVIDENCE_EVENT:
      sql = "SELECT count(*) FROM events WHERE id = ?";
      missing = _ ("Choose the network event that shows the milestone was met.");
      break;
    case TI_EVIDENCE_SESSION:
      sql = "SELECT count(*) FROM sessions WHERE id = ?";
      missing = _ ("Choose the session that shows the milestone was met.");
      break;
    case TI_EVIDENCE_CHARTER:
      sql = "SELECT count(*) FROM charter_adoptions WHERE organisation_id = ?"
            " AND stage IN ('signed', 'review_due')";
      missing = _ ("Choose an organisation that has signed the charter.");
      break;
    default:
      add_error (errors, TI_MILESTONES_ERROR_EVIDENCE,
                 _ ("Choose the kind of evidence: an event, a session, a charter signature, "
                    "words, or none yet."));
      return TRUE;
    }
  n = edit->evidence_id > 0 ? ti_database_count_with (db, sql, edit->evidence_id, NULL, error) : 0;
  if (n < 0)
    return FALSE;
  if (n == 0)
    add_error (errors, TI_MILESTONES_ERROR_EVIDENCE, "%s", missing);
  return TRUE;
}

/**
 * ti_milestones_validate_all:
 * @edit: the editor's values
 *
 * Checks every field of @edit, in the editor's order, so that all the problems can be
 * shown at once: a title; one of the four workstreams; a real due month (`2024-05`,
 * `05/2024`, `May 2024`); a done date, if any, that is real and not in the future; and
 * evidence of one kind that is in the programme (a charter signature must be a signed
 * adoption), or words that are not blank. A milestone that is no longer there gives that one
 * problem only.
 *
 * Returns: (transfer full) (element-type GError) (nullable): one #GError per problem, in
 *   %TI_MILESTONES_ERROR with its code naming the field; empty when @edit can be saved.
 *   %NULL with @error set only when the programme cannot be read.
 */
GPtrArray *
ti_milestones_validate_all (TiDatabase *db, const TiMilestoneEdit *edit, GError **error)
{
  g_autoptr (GPtrArray) errors = NULL;
  g_autofree char *title = NULL;

  g_return_val_if_fail (TI_IS_DATABASE (db), NULL);
  g_return_val_if_fail (edit != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  errors = g_ptr_array_new_with_free_func ((GDestroyNotify)g_error_free);
  if (edit->id > 0)
    {
      gint64 n = ti_database_count_with (db, "SELECT count(*) FROM milestones WHERE id = ?",
                                         edit->id, NULL, error);
      if (n < 0)
        return NULL;
      if (n == 0)
        {
          add_error (errors, TI_MILESTONES_ERROR_NOT_FOUND,
                     _ ("This milestone is no longer in the programme."));
          return g_steal_pointer (&errors);
        }
    }

  title = ti_text_trimmed (edit->title);
  if (*title == '\0')
    add_error (errors, TI_MILESTONES_ERROR_TITLE, _ ("Enter what the milestone is."));
  if (!is_workstream (edit->workstream))
    add_error (errors, TI_MILESTONES_ERROR_WORKSTREAM,
               _ ("Choose a workstream: principles, training, service delivery or "
                  "organisational change."));
  check_due_month (edit, errors);
  check_done_on (edit, errors);
  if (!check_evidence (db, edit, errors, error))
    return NULL;
  return g_steal_pointer (&errors);
}

static gboolean
validate (TiDatabase *db, const TiMilestoneEdit *edit, GError **error)
{
  g_autoptr (GPtrArray) errors = ti_milestones_validate_all (db, edit, error);

  return ti_field_errors_none (errors, error);
}

static gboolean
save_in_transaction (TiDatabase *db, const TiMilestoneEdit *edit, gint64 *out_id, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autofree char *title = ti_text_trimmed (edit->title);
  g_autofree char *done_text = ti_text_trimmed (edit->done_on);
  g_autofree char *done_on = NULL;
  g_autofree char *text = NULL;
  g_autofree char *detail = NULL;
  char month[8];
  GDate date;

  if (!validate (db, edit, error))
    return FALSE;
  ti_milestone_month_parse (edit->due_month, month);
  if (*done_text != '\0' && ti_date_parse (done_text, &date))
    done_on = ti_date_to_iso (&date);

  stmt = ti_database_prepare (
    db,
    edit->id > 0
      ? "UPDATE milestones SET workstream_id = (SELECT id FROM workstreams WHERE key = ?1),"
        " title = ?2, due_month = ?3, done_on = ?4, evidence_event_id = ?5,"
        " evidence_session_id = ?6, evidence_organisation_id = ?7, evidence_text = ?8"
        " WHERE id = ?9"
      : "INSERT INTO milestones (workstream_id, title, due_month, done_on, evidence_event_id,"
        " evidence_session_id, evidence_organisation_id, evidence_text)"
        " VALUES ((SELECT id FROM workstreams WHERE key = ?1), ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, edit->workstream, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, title, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, month, -1, SQLITE_STATIC);
  if (done_on != NULL)
    sqlite3_bind_text (stmt, 4, done_on, -1, SQLITE_STATIC);
  /* Only the chosen kind of evidence is kept; the others are cleared. */
  if (edit->evidence_kind == TI_EVIDENCE_EVENT)
    sqlite3_bind_int64 (stmt, 5, edit->evidence_id);
  if (edit->evidence_kind == TI_EVIDENCE_SESSION)
    sqlite3_bind_int64 (stmt, 6, edit->evidence_id);
  if (edit->evidence_kind == TI_EVIDENCE_CHARTER)
    sqlite3_bind_int64 (stmt, 7, edit->evidence_id);
  if (edit->evidence_kind == TI_EVIDENCE_TEXT)
    {
      text = ti_text_trimmed (edit->evidence_text);
      sqlite3_bind_text (stmt, 8, text, -1, SQLITE_STATIC);
    }
  if (edit->id > 0)
    sqlite3_bind_int64 (stmt, 9, edit->id);
  if (!ti_database_step_done (db, stmt, error))
    return FALSE;
  *out_id = edit->id > 0 ? edit->id : sqlite3_last_insert_rowid (ti_database_get_handle (db));

  detail = g_strdup_printf ("workstream: %s; due: %s; done: %s; evidence: %s", edit->workstream,
                            month, done_on ? done_on : "no",
                            evidence_keys[MIN (edit->evidence_kind, TI_EVIDENCE_TEXT)]);
  return ti_database_audit (db, edit->id > 0 ? "update" : "create", "milestone", *out_id, detail,
                            error);
}

/**
 * ti_milestones_save:
 * @edit: the editor's values; @edit->id 0 adds a milestone
 * @out_id: (out) (optional): the milestone's id
 *
 * Validates @edit (see ti_milestones_validate_all(); the first problem is the error), then
 * writes the milestone in one transaction with an audit entry: the due month as 'YYYY-MM',
 * the done date as 'YYYY-MM-DD', and only the chosen kind of evidence.
 *
 * Returns: %TRUE when saved; %FALSE with @error set, and nothing written, otherwise
 */
gboolean
ti_milestones_save (TiDatabase *db, const TiMilestoneEdit *edit, gint64 *out_id, GError **error)
{
  gint64 id = 0;

  g_return_val_if_fail (TI_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (edit != NULL, FALSE);

  if (!ti_database_begin (db, error)
      || !ti_database_end (db, save_in_transaction (db, edit, &id, error), error))
    return FALSE;
  if (out_id != NULL)
    *out_id = id;
  return TRUE;
}

/* Delete and undo ------------------------------------------------------------------------- */

/* A milestone's evidence (an event, a session, a charter signature) stays: only the link
 * goes with it. */
static const TiKeptRows kept[] = {
  { "milestones", "SELECT * FROM milestones WHERE id = ?" },
};

static const TiRecordKind milestone_record = {
  .entity = "milestone",
  .kept = kept,
  .n_kept = G_N_ELEMENTS (kept),
  .error_domain = ti_milestones_error_quark,
  .not_found_code = TI_MILESTONES_ERROR_NOT_FOUND,
  .not_found = N_ ("This milestone is no longer in the programme."),
  .restore_code = TI_MILESTONES_ERROR_RESTORE,
  .restore_failed = N_ ("The milestone could not be put back, because the programme has "
                        "changed since (%s)"),
};

/* A #TiMilestoneSnapshot is a #TiRecordSnapshot under the milestone's own name. */

/**
 * ti_milestone_snapshot_free:
 * @snapshot: (nullable) (transfer full): a snapshot from ti_milestones_delete()
 */
void
ti_milestone_snapshot_free (TiMilestoneSnapshot *snapshot)
{
  ti_record_snapshot_free ((TiRecordSnapshot *) snapshot);
}

/**
 * ti_milestone_snapshot_get_id:
 *
 * Returns: the id of the milestone the snapshot holds
 */
gint64
ti_milestone_snapshot_get_id (const TiMilestoneSnapshot *snapshot)
{
  return ti_record_snapshot_get_id ((const TiRecordSnapshot *) snapshot);
}

/**
 * ti_milestones_delete:
 * @milestone_id: the milestone
 * @out_snapshot: (out) (optional) (transfer full): what was removed, for
 *   ti_milestones_restore(); free with ti_milestone_snapshot_free()
 *
 * Deletes a milestone in one transaction with an audit entry. Its evidence (an event, a
 * session, a charter signature) stays: only the link goes.
 *
 * Returns: %TRUE when deleted; %FALSE with @error set (%TI_MILESTONES_ERROR_NOT_FOUND when
 *   there is no such milestone), and nothing changed, otherwise
 */
gboolean
ti_milestones_delete (TiDatabase *db, gint64 milestone_id, TiMilestoneSnapshot **out_snapshot,
                      GError **error)
{
  g_return_val_if_fail (TI_IS_DATABASE (db), FALSE);

  return ti_record_delete (db, &milestone_record, milestone_id,
                           (TiRecordSnapshot **) out_snapshot, error);
}

/**
 * ti_milestones_restore:
 * @snapshot: from ti_milestones_delete()
 *
 * Puts back exactly what the delete removed (same id, same evidence), in one transaction
 * with an audit entry. Fails with %TI_MILESTONES_ERROR_RESTORE, changing nothing, when the
 * programme has changed so that it no longer fits (its evidence was deleted since, or a new
 * milestone took the id).
 *
 * Returns: %TRUE when restored
 */
gboolean
ti_milestones_restore (TiDatabase *db, const TiMilestoneSnapshot *snapshot, GError **error)
{
  g_return_val_if_fail (TI_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (snapshot != NULL, FALSE);

  return ti_record_restore (db, (const TiRecordSnapshot *) snapshot, error);
}
