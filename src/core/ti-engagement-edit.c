/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ti-engagement"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ti-engagement.h"
#include "ti-format.h"
#include "ti-validation.h"

/*
 * Adding and editing engagement activities and their "you said, we did" actions. Each save
 * is one transaction with an audit entry that names the kind and the counts, never the
 * title or anything said: those are free text and could hold anything.
 */

/* A problem with one field, in this module's error domain. */
#define add_error(errors, code, ...) \
  ti_field_errors_add (errors, TI_ENGAGEMENT_ERROR, code, __VA_ARGS__)

/* The date as stored, or NULL (with its problem added to @errors) when it cannot be. */
static char *
check_date (const char *text, gboolean required, gboolean past_only, int code,
            GPtrArray *errors)
{
  g_autofree char *trimmed = ti_text_trimmed (text);
  GDate date;

  if (*trimmed == '\0')
    {
      if (required)
        add_error (errors, code, _("Enter the date it was held."));
      return NULL;
    }
  switch (ti_date_check (trimmed, &date))
    {
    case TI_DATE_OK:
      if (past_only && ti_date_is_future (&date))
        {
          add_error (errors, code,
                     _("Log an activity once it has been held: the date is in the future."));
          return NULL;
        }
      return ti_date_to_iso (&date);
    case TI_DATE_IMPOSSIBLE:
      /* Translators: a date as the person typed it, written right but with no such day. */
      add_error (errors, code, _("%s is not a real date."), trimmed);
      return NULL;
    default:
      add_error (errors, code, _("Enter the date as YYYY-MM-DD or DD/MM/YYYY."));
      return NULL;
    }
}

/* Adds an error when @id names no row of @sql; %FALSE only when it cannot be read. */
static gboolean
check_exists (TiDatabase *db, const char *sql, gint64 id, const char *message,
              GPtrArray *errors, GError **error)
{
  gint64 n = ti_database_count_with (db, sql, id, NULL, error);

  if (n < 0)
    return FALSE;
  if (n == 0)
    add_error (errors, TI_ENGAGEMENT_ERROR_NOT_FOUND, "%s", message);
  return TRUE;
}

/**
 * ti_engagement_validate_all:
 * @edit: the editor's values
 *
 * Checks every field of @edit, in the editor's order, so that all the problems can be shown
 * at once. An activity that is no longer there gives that one problem only.
 *
 * Returns: (transfer full) (element-type GError) (nullable): one #GError per problem in
 *   %TI_ENGAGEMENT_ERROR, its code naming the field and its message saying what to do;
 *   empty when @edit can be saved. %NULL with @error set only when the programme cannot be
 *   read.
 */
GPtrArray *
ti_engagement_validate_all (TiDatabase *db, const TiEngagementEdit *edit, GError **error)
{
  g_autoptr (GPtrArray) errors = NULL;
  g_autofree char *held_on = NULL;
  gboolean counts_ok = TRUE;
  gint64 total = 0;

  g_return_val_if_fail (TI_IS_DATABASE (db), NULL);
  g_return_val_if_fail (edit != NULL, NULL);

  errors = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
  if (edit->id > 0)
    {
      if (!check_exists (db, "SELECT count(*) FROM engagement_activities WHERE id = ?", edit->id,
                         _("This engagement activity is no longer in the programme."), errors,
                         error))
        return NULL;
      if (errors->len > 0)
        return g_steal_pointer (&errors);
    }

  held_on = check_date (edit->held_on, TRUE, TRUE, TI_ENGAGEMENT_ERROR_DATE, errors);
  if (*ti_engagement_kind_label (edit->kind) == '\0')
    add_error (errors, TI_ENGAGEMENT_ERROR_KIND,
               _("Choose the kind of activity: focus group, survey, panel, one-to-one, "
                 "co-production workshop or consultation."));
  if (ti_text_is_blank (edit->title))
    add_error (errors, TI_ENGAGEMENT_ERROR_TITLE, _("Enter a title."));
  for (guint g = 0; g < TI_ENGAGEMENT_N_GROUPS; g++)
    {
      if (edit->counts[g] < 0 || edit->counts[g] > TI_ENGAGEMENT_MAX_COUNT)
        {
          add_error (errors, TI_ENGAGEMENT_ERROR_COUNTS,
                     _("Enter the number of %s as a whole number from 0 to 1,000,000."),
                     ti_engagement_group_label (g));
          counts_ok = FALSE;
        }
      total += edit->counts[g];
    }
  if (counts_ok && total == 0)
    add_error (errors, TI_ENGAGEMENT_ERROR_COUNTS,
               _("Count the participants: at least one group needs a number above 0."));
  for (guint i = 0; edit->areas != NULL && edit->areas[i] != NULL; i++)
    {
      if (*ti_engagement_area_label (edit->areas[i]) == '\0')
        add_error (errors, TI_ENGAGEMENT_ERROR_AREAS,
                   _("Choose what it influenced from principles, charter, training, service "
                     "delivery and evaluation."));
      else
        for (guint j = 0; j < i; j++)
          if (g_strcmp0 (edit->areas[j], edit->areas[i]) == 0)
            add_error (errors, TI_ENGAGEMENT_ERROR_AREAS,
                       _("%s is listed more than once: list each area once."),
                       ti_engagement_area_label (edit->areas[i]));
    }
  return g_steal_pointer (&errors);
}

/* Text without surrounding white space, or NULL when nothing is left. */
#define TRIMMED(param) "nullif(trim(" param ", char(32, 9, 10, 13)), '')"

static gboolean
write_activity (TiDatabase *db, const TiEngagementEdit *edit, const char *held_on,
                gint64 *out_id, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = ti_database_prepare (
    db,
    edit->id > 0
      ? "UPDATE engagement_activities SET held_on = ?1, kind = ?2, title = " TRIMMED ("?3") ","
        " summary = " TRIMMED ("?4") ", young_people = ?5, adults_lived_experience = ?6,"
        " parents_carers = ?7, professionals = ?8, community_members = ?9 WHERE id = ?10"
      : "INSERT INTO engagement_activities (held_on, kind, title, summary, young_people,"
        " adults_lived_experience, parents_carers, professionals, community_members)"
        " VALUES (?1, ?2, " TRIMMED ("?3") ", " TRIMMED ("?4") ", ?5, ?6, ?7, ?8, ?9)",
    error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, held_on, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, edit->kind, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, edit->title, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, edit->summary, -1, SQLITE_STATIC);
  for (guint g = 0; g < TI_ENGAGEMENT_N_GROUPS; g++)
    sqlite3_bind_int64 (stmt, 5 + g, edit->counts[g]);
  if (edit->id > 0)
    sqlite3_bind_int64 (stmt, 10, edit->id);
  if (!ti_database_step_done (db, stmt, error))
    return FALSE;
  *out_id = edit->id > 0 ? edit->id : sqlite3_last_insert_rowid (ti_database_get_handle (db));
  return TRUE;
}

static gboolean
write_areas (TiDatabase *db, gint64 id, const TiEngagementEdit *edit, GError **error)
{
  g_autoptr (sqlite3_stmt) clear = ti_database_prepare (
    db, "DELETE FROM engagement_influences WHERE activity_id = ?", error);
  g_autoptr (sqlite3_stmt) add = NULL;

  if (clear == NULL)
    return FALSE;
  sqlite3_bind_int64 (clear, 1, id);
  if (!ti_database_step_done (db, clear, error))
    return FALSE;
  add = ti_database_prepare (
    db, "INSERT INTO engagement_influences (activity_id, area) VALUES (?, ?)", error);
  if (add == NULL)
    return FALSE;
  for (guint i = 0; edit->areas != NULL && edit->areas[i] != NULL; i++)
    {
      sqlite3_bind_int64 (add, 1, id);
      sqlite3_bind_text (add, 2, edit->areas[i], -1, SQLITE_STATIC);
      if (!ti_database_step_done (db, add, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
save_in_transaction (TiDatabase *db, const TiEngagementEdit *edit, gint64 *out_id,
                     GError **error)
{
  g_autoptr (GPtrArray) problems = ti_engagement_validate_all (db, edit, error);
  g_autoptr (GString) detail = g_string_new (NULL);
  g_autofree char *held_on = NULL;
  GDate date;
  gint64 total = 0;

  if (!ti_field_errors_none (problems, error))
    return FALSE;
  ti_date_check (edit->held_on, &date);
  held_on = ti_date_to_iso (&date);
  if (!write_activity (db, edit, held_on, out_id, error)
      || !write_areas (db, *out_id, edit, error))
    return FALSE;

  /* The audit says what kind and how many, never what was written. */
  for (guint g = 0; g < TI_ENGAGEMENT_N_GROUPS; g++)
    total += edit->counts[g];
  g_string_append_printf (detail, "kind: %s; participants: %" G_GINT64_FORMAT "; influences: ",
                          edit->kind, total);
  for (guint i = 0; edit->areas != NULL && edit->areas[i] != NULL; i++)
    g_string_append_printf (detail, "%s%s", i ? ", " : "", edit->areas[i]);
  return ti_database_audit (db, edit->id > 0 ? "update" : "create", "engagement_activity",
                            *out_id, detail->str, error);
}

/**
 * ti_engagement_save:
 * @edit: the editor's values; @edit->id 0 adds an activity
 * @out_id: (out) (optional): the activity's id
 *
 * Validates @edit (see ti_engagement_validate_all(); the first problem is the error), then
 * writes the activity and what it influenced in one transaction with an audit entry. Its
 * actions are kept.
 *
 * Returns: %TRUE when saved; %FALSE with @error set, and nothing written, otherwise
 */
gboolean
ti_engagement_save (TiDatabase *db, const TiEngagementEdit *edit, gint64 *out_id,
                    GError **error)
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

/* Actions ---------------------------------------------------------------------------------- */

/**
 * ti_engagement_validate_action:
 * @edit: the action editor's values
 *
 * Checks every field of @edit: what was said is required, the due date (optional) must be
 * a real date, and an action marked done needs what was done. An action or activity that
 * is no longer there gives that one problem only.
 *
 * Returns: (transfer full) (element-type GError) (nullable): one #GError per problem, as
 *   ti_engagement_validate_all() does
 */
GPtrArray *
ti_engagement_validate_action (TiDatabase *db, const TiEngagementActionEdit *edit,
                               GError **error)
{
  g_autoptr (GPtrArray) errors = NULL;
  g_autofree char *due_on = NULL;

  g_return_val_if_fail (TI_IS_DATABASE (db), NULL);
  g_return_val_if_fail (edit != NULL, NULL);

  errors = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
  if (!check_exists (db, "SELECT count(*) FROM engagement_activities WHERE id = ?",
                     edit->activity_id,
                     _("This engagement activity is no longer in the programme."), errors,
                     error)
      || (edit->id > 0
          && !check_exists (db, "SELECT count(*) FROM engagement_actions WHERE id = ?",
                            edit->id, _("This action is no longer in the programme."), errors,
                            error)))
    return NULL;
  if (errors->len > 0)
    return g_steal_pointer (&errors);

  if (ti_text_is_blank (edit->you_said))
    add_error (errors, TI_ENGAGEMENT_ERROR_YOU_SAID,
               _("Enter what was said: the view or request the action answers."));
  if (edit->status == TI_ENGAGEMENT_ACTION_DONE && ti_text_is_blank (edit->we_did))
    add_error (errors, TI_ENGAGEMENT_ERROR_WE_DID,
               _("Say what was done before marking the action done."));
  due_on = check_date (edit->due_on, FALSE, FALSE, TI_ENGAGEMENT_ERROR_DUE, errors);
  if (*ti_engagement_action_status_label (edit->status) == '\0')
    add_error (errors, TI_ENGAGEMENT_ERROR_STATUS,
               _("Choose a status: open, in progress or done."));
  return g_steal_pointer (&errors);
}

static gboolean
save_action_in_transaction (TiDatabase *db, const TiEngagementActionEdit *edit, gint64 *out_id,
                            GError **error)
{
  g_autoptr (GPtrArray) problems = ti_engagement_validate_action (db, edit, error);
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autofree char *due_on = NULL;
  g_autofree char *detail = NULL;
  GDate date;

  if (!ti_field_errors_none (problems, error))
    return FALSE;
  if (ti_date_check (edit->due_on, &date) == TI_DATE_OK)
    due_on = ti_date_to_iso (&date);
  stmt = ti_database_prepare (
    db,
    edit->id > 0
      ? "UPDATE engagement_actions SET you_said = " TRIMMED ("?2") ", we_did = " TRIMMED ("?3")
        ", owner = " TRIMMED ("?4") ", due_on = ?5, status = ?6 WHERE id = ?7"
        " AND activity_id = ?1"
      : "INSERT INTO engagement_actions (activity_id, you_said, we_did, owner, due_on, status)"
        " VALUES (?1, " TRIMMED ("?2") ", " TRIMMED ("?3") ", " TRIMMED ("?4") ", ?5, ?6)",
    error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, edit->activity_id);
  sqlite3_bind_text (stmt, 2, edit->you_said, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, edit->we_did, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, edit->owner, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, due_on, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, ti_engagement_action_status_key (edit->status), -1, SQLITE_STATIC);
  if (edit->id > 0)
    sqlite3_bind_int64 (stmt, 7, edit->id);
  if (!ti_database_step_done (db, stmt, error))
    return FALSE;
  *out_id = edit->id > 0 ? edit->id : sqlite3_last_insert_rowid (ti_database_get_handle (db));
  detail = g_strdup_printf ("activity: %" G_GINT64_FORMAT "; status: %s", edit->activity_id,
                            ti_engagement_action_status_key (edit->status));
  return ti_database_audit (db, edit->id > 0 ? "update" : "create", "engagement_action",
                            *out_id, detail, error);
}

/**
 * ti_engagement_save_action:
 * @edit: the action editor's values; @edit->id 0 adds an action to @edit->activity_id
 * @out_id: (out) (optional): the action's id
 *
 * Validates @edit (ti_engagement_validate_action(); the first problem is the error) and
 * writes it in one transaction with an audit entry.
 *
 * Returns: %TRUE when saved; %FALSE with @error set, and nothing written, otherwise
 */
gboolean
ti_engagement_save_action (TiDatabase *db, const TiEngagementActionEdit *edit, gint64 *out_id,
                           GError **error)
{
  gint64 id = 0;

  g_return_val_if_fail (TI_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (edit != NULL, FALSE);

  if (!ti_database_begin (db, error)
      || !ti_database_end (db, save_action_in_transaction (db, edit, &id, error), error))
    return FALSE;
  if (out_id != NULL)
    *out_id = id;
  return TRUE;
}

/**
 * ti_engagement_set_action_status:
 * @action_id: the action
 * @status: its new status
 *
 * Changes only the status, checked as ti_engagement_save_action() checks it (done needs
 * what was done).
 *
 * Returns: %TRUE when saved; %FALSE with @error set otherwise
 */
gboolean
ti_engagement_set_action_status (TiDatabase *db, gint64 action_id,
                                 TiEngagementActionStatus status, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  TiEngagementActionEdit edit = { .id = action_id, .status = status };
  g_autofree char *you_said = NULL, *we_did = NULL, *owner = NULL, *due_on = NULL;
  int rc;

  g_return_val_if_fail (TI_IS_DATABASE (db), FALSE);

  stmt = ti_database_prepare (
    db, "SELECT activity_id, you_said, we_did, owner, due_on FROM engagement_actions WHERE id = ?",
    error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, action_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, TI_ENGAGEMENT_ERROR, TI_ENGAGEMENT_ERROR_NOT_FOUND,
                   _("This action is no longer in the programme."));
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    return ti_database_set_error_from_sqlite (db, rc, _("reading the action"), error);
  edit.activity_id = sqlite3_column_int64 (stmt, 0);
  edit.you_said = you_said = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  edit.we_did = we_did = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
  edit.owner = owner = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
  edit.due_on = due_on = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
  g_clear_pointer (&stmt, sqlite3_finalize);
  return ti_engagement_save_action (db, &edit, NULL, error);
}
