/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ti-people"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ti-format.h"
#include "ti-people-private.h"
#include "ti-people.h"
#include "ti-validation.h"
#include "ti-vocabulary.h"

/*
 * Adding and editing people. A champion is never deleted by unticking "champion": the
 * champions row stays with status stepped_down (dated today), so the network's history
 * (who was a champion, from when) stays true. Ticking it again makes them active again.
 */

/* Trimmed copy, or NULL for NULL or blank text. */
static char *
trimmed_or_null (const char *text)
{
  char *copy;

  if (text == NULL)
    return NULL;
  copy = g_strstrip (g_strdup (text));
  if (*copy == '\0')
    g_clear_pointer (&copy, g_free);
  return copy;
}

static gboolean
row_exists (TiDatabase *db, const char *sql, gint64 id, const char *text, gint64 other,
            gboolean *out_exists, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = ti_database_prepare (db, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (text != NULL)
    sqlite3_bind_text (stmt, 2, text, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, other);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return ti_database_set_error_from_sqlite (db, rc, _("checking the person"), error);
  *out_exists = (rc == SQLITE_ROW);
  return TRUE;
}

/* A problem with one field, in this module's error domain. */
#define add_error(errors, code, ...) \
  ti_field_errors_add (errors, TI_PEOPLE_ERROR, code, __VA_ARGS__)

static void
check_date (GPtrArray *errors, const GDate *date, gboolean required, int code,
            const char *missing, const char *future)
{
  if (!g_date_valid (date))
    {
      if (required)
        g_ptr_array_add (errors, g_error_new_literal (TI_PEOPLE_ERROR, code, missing));
      return;
    }
  if (ti_date_is_future (date))
    g_ptr_array_add (errors, g_error_new_literal (TI_PEOPLE_ERROR, code, future));
}

/* Whether the person being edited can be edited at all: adds NOT_FOUND or ERASED to
 * @errors when not. %FALSE only when the database cannot be read. */
static gboolean
check_editable (TiDatabase *db, gint64 id, GPtrArray *errors, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt
    = ti_database_prepare (db, "SELECT erased_on IS NOT NULL FROM people WHERE id = ?", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    add_error (errors, TI_PEOPLE_ERROR_NOT_FOUND,
               _("This person is no longer in the programme."));
  else if (rc == SQLITE_ROW && sqlite3_column_int (stmt, 0))
    add_error (errors, TI_PEOPLE_ERROR_ERASED,
               _("This person’s details were erased; they cannot be edited."));
  else if (rc != SQLITE_ROW)
    return ti_database_set_error_from_sqlite (db, rc, _("checking the person"), error);
  return TRUE;
}

/**
 * ti_people_validate_all:
 * @edit: the editor's values
 *
 * Checks every field of @edit, in the editor's order, so that all the problems can be
 * shown at once. A person who cannot be edited (no longer there, or erased) gives that
 * one problem only, as their fields no longer matter.
 *
 * Returns: (transfer full) (element-type GError) (nullable): one #GError per invalid
 *   field, in %TI_PEOPLE_ERROR with its code naming the field and its message saying
 *   what to do; empty when @edit can be saved. %NULL with @error set only when the
 *   database cannot be read.
 */
GPtrArray *
ti_people_validate_all (TiDatabase *db, const TiPersonEdit *edit, GError **error)
{
  g_autoptr (GPtrArray) errors = NULL;
  g_autofree char *name = trimmed_or_null (edit->name);
  g_autofree char *too_long = NULL;
  g_autofree char *email = trimmed_or_null (edit->email);
  gboolean exists = FALSE;

  g_return_val_if_fail (TI_IS_DATABASE (db), NULL);
  g_return_val_if_fail (edit != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  errors = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);

  if (edit->id > 0)
    {
      if (!check_editable (db, edit->id, errors, error))
        return NULL;
      if (errors->len > 0)
        return g_steal_pointer (&errors);
    }

  if (name == NULL)
    add_error (errors, TI_PEOPLE_ERROR_NAME, _("Enter a name."));
  else if ((too_long = ti_name_too_long (name)) != NULL)
    add_error (errors, TI_PEOPLE_ERROR_NAME, _("The name is %s."), too_long);
  if (email != NULL)
    {
      if (!ti_text_is_email (email))
        add_error (errors, TI_PEOPLE_ERROR_EMAIL, _("“%s” is not a valid email address."),
                   email);
      else
        {
          /* The column is COLLATE NOCASE, so this compares case-insensitively. */
          if (!row_exists (db, "SELECT 1 FROM people WHERE email = ?2 AND id <> ?3",
                           1, email, edit->id, &exists, error))
            return NULL;
          if (exists)
            add_error (errors, TI_PEOPLE_ERROR_EMAIL,
                       _("Another person in the programme already uses this email address."));
        }
    }
  exists = FALSE;
  if (edit->organisation_id > 0
      && !row_exists (db, "SELECT 1 FROM organisations WHERE id = ?1",
                      edit->organisation_id, NULL, 0, &exists, error))
    return NULL;
  if (!exists)
    add_error (errors, TI_PEOPLE_ERROR_ORGANISATION,
               _("Choose an organisation that exists, or create it first."));
  if (edit->locality != NULL && *edit->locality != '\0'
      && g_strcmp0 (ti_vocabulary_locality_key (edit->locality), edit->locality) != 0)
    add_error (errors, TI_PEOPLE_ERROR_LOCALITY, _("Choose a locality from the list."));
  if (edit->role != NULL && *edit->role != '\0' && !g_str_equal (edit->role, "staff")
      && !g_str_equal (edit->role, "coordinator") && !g_str_equal (edit->role, "psychologist"))
    add_error (errors, TI_PEOPLE_ERROR_ROLE,
               _("Choose a role: staff, coordinator or psychologist."));
  if (edit->is_champion)
    check_date (errors, &edit->champion_since, TRUE, TI_PEOPLE_ERROR_CHAMPION_SINCE,
                _("Enter the date they became a champion."),
                _("The champion-since date cannot be in the future."));
  if (edit->is_champion && edit->status != NULL && *edit->status != '\0'
      && *ti_champion_status_label (edit->status) == '\0')
    add_error (errors, TI_PEOPLE_ERROR_STATUS,
               _("Choose a status: active, paused or stepped down."));
  check_date (errors, &edit->contact_consent_on, edit->contact_consent,
              TI_PEOPLE_ERROR_CONTACT_CONSENT_DATE,
              _("Enter the date contact consent was given."),
              _("The contact consent date cannot be in the future."));
  check_date (errors, &edit->directory_consent_on, edit->directory_consent,
              TI_PEOPLE_ERROR_DIRECTORY_CONSENT_DATE,
              _("Enter the date directory consent was given."),
              _("The directory consent date cannot be in the future."));
  return g_steal_pointer (&errors);
}

/**
 * ti_people_validate:
 * @edit: the editor's values
 *
 * Checks @edit with the rules of ti_people_validate_all(), giving only the first problem
 * in the editor's order.
 *
 * Returns: %TRUE when @edit can be saved; otherwise %FALSE with @error in
 *   %TI_PEOPLE_ERROR, its code naming the field and its message saying what to do
 */
gboolean
ti_people_validate (TiDatabase *db, const TiPersonEdit *edit, GError **error)
{
  g_autoptr (GPtrArray) errors = NULL;

  g_return_val_if_fail (TI_IS_DATABASE (db), FALSE);

  errors = ti_people_validate_all (db, edit, error);
  return ti_field_errors_none (errors, error);
}

/* The people columns the editor writes, in binding order. */
static const char *const person_columns[] = {
  "name", "email", "organisation_id", "job_title", "locality", "notes", "role",
  "contact_consent", "contact_consent_on", "contact_consent_how",
  "directory_consent", "directory_consent_on", "directory_consent_how",
};
#define N_PERSON_COLUMNS G_N_ELEMENTS (person_columns)

static char *
date_or_null (const GDate *date)
{
  return g_date_valid (date) ? ti_date_to_iso (date) : NULL;
}

static void
edit_to_values (const TiPersonEdit *edit, char **values)
{
  values[0] = trimmed_or_null (edit->name);
  values[1] = trimmed_or_null (edit->email);
  values[2] = g_strdup_printf ("%" G_GINT64_FORMAT, edit->organisation_id);
  values[3] = trimmed_or_null (edit->job_title);
  values[4] = trimmed_or_null (edit->locality);
  values[5] = trimmed_or_null (edit->notes);
  values[6] = trimmed_or_null (edit->role);
  if (values[6] == NULL)
    values[6] = g_strdup ("staff");
  values[7] = g_strdup (edit->contact_consent ? "1" : "0");
  values[8] = date_or_null (&edit->contact_consent_on);
  values[9] = trimmed_or_null (edit->contact_consent_how);
  values[10] = g_strdup (edit->directory_consent ? "1" : "0");
  values[11] = date_or_null (&edit->directory_consent_on);
  values[12] = trimmed_or_null (edit->directory_consent_how);
}

/* Reads the stored values of the same columns, as text, for the audit's list of changes. */
static gboolean
read_values (TiDatabase *db, gint64 id, char **values, GError **error)
{
  g_autofree char *cols = g_strjoinv (", ", (char **) person_columns);
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM people WHERE id = ?", cols);
  g_autoptr (sqlite3_stmt) stmt = ti_database_prepare (db, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return ti_database_set_error_from_sqlite (db, sqlite3_errcode (ti_database_get_handle (db)),
                                              _("saving the person"), error);
  for (guint i = 0; i < N_PERSON_COLUMNS; i++)
    values[i] = g_strdup ((const char *) sqlite3_column_text (stmt, i));
  return TRUE;
}

static gboolean
write_person (TiDatabase *db, gint64 id, char **values, gint64 *out_id, GError **error)
{
  g_autoptr (GString) sql = g_string_new (NULL);
  g_autoptr (sqlite3_stmt) stmt = NULL;

  if (id > 0)
    {
      g_string_append (sql, "UPDATE people SET ");
      for (guint i = 0; i < N_PERSON_COLUMNS; i++)
        g_string_append_printf (sql, "%s = ?%u, ", person_columns[i], i + 1);
      g_string_append_printf (sql, "updated_at = strftime('%%Y-%%m-%%dT%%H:%%M:%%SZ', 'now')"
                                   " WHERE id = ?%u", (guint) N_PERSON_COLUMNS + 1);
    }
  else
    {
      g_autofree char *cols = g_strjoinv (", ", (char **) person_columns);

      g_string_append_printf (sql, "INSERT INTO people (%s) VALUES (", cols);
      for (guint i = 0; i < N_PERSON_COLUMNS; i++)
        g_string_append_printf (sql, "%s?%u", i ? ", " : "", i + 1);
      g_string_append (sql, ")");
    }

  stmt = ti_database_prepare (db, sql->str, error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < N_PERSON_COLUMNS; i++)
    sqlite3_bind_text (stmt, i + 1, values[i], -1, SQLITE_STATIC);
  if (id > 0)
    sqlite3_bind_int64 (stmt, N_PERSON_COLUMNS + 1, id);
  if (!ti_database_step_done (db, stmt, error))
    return FALSE;
  *out_id = id > 0 ? id : sqlite3_last_insert_rowid (ti_database_get_handle (db));
  return TRUE;
}

/* Creates, updates or steps down the champions row; adds the fields that changed. */
static gboolean
write_champion (TiDatabase *db, gint64 id, const TiPersonEdit *edit, GPtrArray *changed,
                GError **error)
{
  g_autoptr (sqlite3_stmt) read = ti_database_prepare (
    db, "SELECT since, status FROM champions WHERE person_id = ?", error);
  g_autoptr (sqlite3_stmt) write = NULL;
  g_autofree char *old_since = NULL;
  g_autofree char *old_status = NULL;
  g_autofree char *since = date_or_null (&edit->champion_since);
  const char *status = edit->status && *edit->status ? edit->status : "active";

  if (read == NULL)
    return FALSE;
  sqlite3_bind_int64 (read, 1, id);
  if (sqlite3_step (read) == SQLITE_ROW)
    {
      old_since = g_strdup ((const char *) sqlite3_column_text (read, 0));
      old_status = g_strdup ((const char *) sqlite3_column_text (read, 1));
    }

  if (!edit->is_champion)
    {
      if (old_status == NULL || g_str_equal (old_status, "stepped_down"))
        return TRUE;
      status = "stepped_down";
      g_clear_pointer (&since, g_free);
      since = g_strdup (old_since);
    }

  if (g_strcmp0 (old_since, since) == 0 && g_strcmp0 (old_status, status) == 0)
    return TRUE;
  if (old_status == NULL)
    g_ptr_array_add (changed, (char *) "champion");
  if (old_since != NULL && g_strcmp0 (old_since, since) != 0)
    g_ptr_array_add (changed, (char *) "champion_since");
  if (old_status != NULL && g_strcmp0 (old_status, status) != 0)
    g_ptr_array_add (changed, (char *) "status");

  write = ti_database_prepare (
    db,
    "INSERT INTO champions (person_id, since, status, status_changed_on)"
    " VALUES (?1, ?2, ?3, date('now', 'localtime'))"
    " ON CONFLICT (person_id) DO UPDATE SET since = excluded.since, status = excluded.status,"
    "  status_changed_on = CASE WHEN status = excluded.status THEN status_changed_on"
    "                      ELSE excluded.status_changed_on END",
    error);
  if (write == NULL)
    return FALSE;
  sqlite3_bind_int64 (write, 1, id);
  sqlite3_bind_text (write, 2, since, -1, SQLITE_STATIC);
  sqlite3_bind_text (write, 3, status, -1, SQLITE_STATIC);
  return ti_database_step_done (db, write, error);
}

static void
free_values (char **values)
{
  for (guint i = 0; i < N_PERSON_COLUMNS; i++)
    g_free (values[i]);
}

/**
 * ti_people_save_in_transaction:
 *
 * ti_people_save() inside a transaction the caller began (and commits or rolls back), so
 * that adding a person can be one change with what it is for: a new attendee on a
 * session's register is one transaction, person and attendance together.
 */
gboolean
ti_people_save_in_transaction (TiDatabase *db, const TiPersonEdit *edit, gint64 *out_id,
                               GError **error)
{
  char *values[N_PERSON_COLUMNS] = { NULL };
  char *old[N_PERSON_COLUMNS] = { NULL };
  g_autoptr (GPtrArray) changed = g_ptr_array_new ();
  g_autofree char *detail = NULL;
  gint64 id = 0;
  gboolean ok = FALSE;

  if (!ti_people_validate (db, edit, error))
    return FALSE;

  edit_to_values (edit, values);
  if (edit->id > 0 && !read_values (db, edit->id, old, error))
    goto out;
  for (guint i = 0; i < N_PERSON_COLUMNS; i++)
    if (g_strcmp0 (old[i], values[i]) != 0)
      g_ptr_array_add (changed, (char *) person_columns[i]);

  if (!write_person (db, edit->id, values, &id, error)
      || !write_champion (db, id, edit, changed, error))
    goto out;

  g_ptr_array_add (changed, NULL);
  if (changed->len > 1)
    {
      g_autofree char *list = g_strjoinv (", ", (char **) changed->pdata);
      detail = g_strconcat ("fields: ", list, NULL);
    }
  else
    detail = g_strdup ("no changes");
  if (!ti_database_audit (db, edit->id > 0 ? "update" : "create", "person", id, detail, error))
    goto out;

  if (out_id != NULL)
    *out_id = id;
  ok = TRUE;

out:
  free_values (values);
  free_values (old);
  return ok;
}

/**
 * ti_people_save:
 * @edit: the editor's values; @edit->id 0 adds a person
 * @out_id: (out) (optional): the person's id
 *
 * Validates @edit (see ti_people_validate()), then writes the person and their champion
 * record in one transaction with an audit entry naming the fields that changed (never
 * their values). Unticking "champion" steps the champion down rather than deleting them.
 *
 * Returns: %TRUE when saved; %FALSE with @error set, and nothing written, otherwise
 */
gboolean
ti_people_save (TiDatabase *db, const TiPersonEdit *edit, gint64 *out_id, GError **error)
{
  g_return_val_if_fail (TI_IS_DATABASE (db), FALSE);

  return ti_database_begin (db, error)
         && ti_database_end (db, ti_people_save_in_transaction (db, edit, out_id, error), error);
}
