/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ti-sessions"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "ti-format.h"
#include "ti-sessions.h"
#include "ti-validation.h"

/*
 * Adding and editing sessions (deleting them, with Undo, is in ti-sessions-delete.c). Saving decides the review status with
 * ti_review_status_after_edit(), the one place that rule lives: the delivery has changed
 * when the tier, the date and time, the duration, the mode or the facilitators (who, and
 * in which role) changed. A corrected title, venue, host, capacity or status alone does
 * not reopen a review.
 */

/* A problem with one field, in this module's error domain. */
#define add_error(errors, code, ...) \
  ti_field_errors_add (errors, TI_SESSIONS_ERROR, code, __VA_ARGS__)

/* Reads `HH:MM` or `H:MM` (24-hour) into minutes since midnight. */
static gboolean
parse_time (const char *text, int *out_minutes)
{
  g_autofree char *trimmed = ti_text_trimmed (text);
  guint len = strlen (trimmed);
  const char *colon = strchr (trimmed, ':');
  int hours, minutes;

  if (colon == NULL || (colon - trimmed != 1 && colon - trimmed != 2) || colon + 3 != trimmed + len)
    return FALSE;
  for (const char *p = trimmed; *p != '\0'; p++)
    if (p != colon && !g_ascii_isdigit (*p))
      return FALSE;
  hours = atoi (trimmed);
  minutes = atoi (colon + 1);
  if (hours > 23 || minutes > 59)
    return FALSE;
  *out_minutes = hours * 60 + minutes;
  return TRUE;
}

/* The start as stored, 'YYYY-MM-DD HH:MM', or %NULL when the date or time cannot be read. */
static char *
edit_starts_at (const TiSessionEdit *edit)
{
  g_autofree char *iso = NULL;
  GDate date;
  int minutes;

  if (ti_date_check (edit->date, &date) != TI_DATE_OK || !parse_time (edit->time, &minutes))
    return NULL;
  iso = ti_date_to_iso (&date);
  return g_strdup_printf ("%s %02d:%02d", iso, minutes / 60, minutes % 60);
}

static void
check_date_time (const TiSessionEdit *edit, GPtrArray *errors)
{
  g_autofree char *trimmed = ti_text_trimmed (edit->date);
  g_autofree char *starts_at = NULL;
  int minutes;
  GDate date;

  if (*trimmed == '\0')
    add_error (errors, TI_SESSIONS_ERROR_DATE, _("Enter the date of the session."));
  else
    switch (ti_date_check (trimmed, &date))
      {
      case TI_DATE_OK:
        break;
      case TI_DATE_IMPOSSIBLE:
        /* Translators: a date as the person typed it, written right but with no such day. */
        add_error (errors, TI_SESSIONS_ERROR_DATE, _("%s is not a real date."), trimmed);
        break;
      default:
        add_error (errors, TI_SESSIONS_ERROR_DATE,
                   _("Enter the date as YYYY-MM-DD or DD/MM/YYYY."));
      }

  if (ti_text_is_blank (edit->time))
    add_error (errors, TI_SESSIONS_ERROR_TIME, _("Enter the start time."));
  else if (!parse_time (edit->time, &minutes))
    add_error (errors, TI_SESSIONS_ERROR_TIME,
               _("Enter the start time as HH:MM on the 24-hour clock, for example 09:30."));

  starts_at = edit_starts_at (edit);
  if (starts_at != NULL && edit->status == TI_SESSION_DELIVERED)
    {
      g_autoptr (GDateTime) now = g_date_time_new_now_local ();
      g_autofree char *now_text = g_date_time_format (now, "%Y-%m-%d %H:%M");

      if (strcmp (starts_at, now_text) > 0)
        add_error (errors, TI_SESSIONS_ERROR_DATE,
                   _("A delivered session cannot start in the future. Correct the date and "
                     "time, or set the status to planned."));
    }
}

/* Adds the facilitators' problems; %FALSE only when the programme cannot be read. */
static gboolean
check_facilitators (TiDatabase *db, const TiSessionEdit *edit, GPtrArray *errors,
                    GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;

  if (edit->n_facilitators == 0)
    {
      add_error (errors, TI_SESSIONS_ERROR_FACILITATORS, _("Add at least one facilitator."));
      return TRUE;
    }
  stmt = ti_database_prepare (db, "SELECT name FROM people WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < edit->n_facilitators; i++)
    {
      const TiFacilitatorEdit *facilitator = &edit->facilitators[i];
      g_autofree char *name = NULL;
      gboolean repeated = FALSE;
      int rc;

      sqlite3_bind_int64 (stmt, 1, facilitator->person_id);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        name = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      sqlite3_reset (stmt);
      if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return ti_database_set_error_from_sqlite (db, rc, _("checking the facilitators"), error);
      if (name == NULL)
        {
          add_error (errors, TI_SESSIONS_ERROR_FACILITATORS,
                     _("Choose each facilitator from the people in the programme."));
          continue;
        }
      for (guint j = 0; j < i; j++)
        repeated |= edit->facilitators[j].person_id == facilitator->person_id;
      if (repeated)
        add_error (errors, TI_SESSIONS_ERROR_FACILITATORS,
                   _("%s is listed more than once: list each facilitator once."), name);
      if (!ti_facilitator_kind_is_valid (facilitator->kind))
        add_error (errors, TI_SESSIONS_ERROR_FACILITATORS,
                   _("Choose whether %s facilitated as coordinator, psychologist or champion."),
                   name);
    }
  return TRUE;
}

/**
 * ti_sessions_validate_all:
 * @edit: the editor's values
 *
 * Checks every field of @edit, in the editor's order, so that all the problems can be
 * shown at once. A session that is no longer there gives that one problem only.
 *
 * A planned session may start in the future (or the past: not yet recorded as
 * delivered); a delivered one may not start in the future.
 *
 * Returns: (transfer full) (element-type GError) (nullable): one #GError per problem, in
 *   %TI_SESSIONS_ERROR with its code naming the field (the facilitators may have several)
 *   and its message saying what to do; empty when @edit can be saved. %NULL with @error
 *   set only when the programme cannot be read.
 */
GPtrArray *
ti_sessions_validate_all (TiDatabase *db, const TiSessionEdit *edit, GError **error)
{
  g_autoptr (GPtrArray) errors = NULL;
  gint64 n;

  g_return_val_if_fail (TI_IS_DATABASE (db), NULL);
  g_return_val_if_fail (edit != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  errors = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
  if (edit->id > 0)
    {
      n = ti_database_count_with (db, "SELECT count(*) FROM sessions WHERE id = ?", edit->id,
                                  NULL, error);
      if (n < 0)
        return NULL;
      if (n == 0)
        {
          add_error (errors, TI_SESSIONS_ERROR_NOT_FOUND,
                     _("This session is no longer in the programme."));
          return g_steal_pointer (&errors);
        }
    }

  if (edit->tier != 2 && edit->tier != 3)
    add_error (errors, TI_SESSIONS_ERROR_TIER, _("Choose Tier 2 or Tier 3."));
  if (ti_text_is_blank (edit->title))
    add_error (errors, TI_SESSIONS_ERROR_TITLE, _("Enter a title."));
  check_date_time (edit, errors);
  if (edit->duration_minutes < 1 || edit->duration_minutes > 1440)
    add_error (errors, TI_SESSIONS_ERROR_DURATION,
               _("Enter a length between 1 minute and 24 hours (1,440 minutes)."));
  if (*ti_session_mode_label (edit->mode) == '\0')
    add_error (errors, TI_SESSIONS_ERROR_MODE, _("Choose in person or online."));
  if (edit->host_organisation_id != 0)
    {
      n = ti_database_count_with (db, "SELECT count(*) FROM organisations WHERE id = ?",
                                  edit->host_organisation_id, NULL, error);
      if (n < 0)
        return NULL;
      if (n == 0)
        add_error (errors, TI_SESSIONS_ERROR_HOST,
                   _("Choose a host organisation that exists, or create it first."));
    }
  if (edit->capacity < 0)
    add_error (errors, TI_SESSIONS_ERROR_CAPACITY,
               _("Enter the number of places, or leave it empty for no limit."));
  if (edit->status > TI_SESSION_CANCELLED)
    add_error (errors, TI_SESSIONS_ERROR_STATUS,
               _("Choose a status: planned, delivered or cancelled."));
  if (!check_facilitators (db, edit, errors, error))
    return NULL;
  return g_steal_pointer (&errors);
}

/* What the review judged, as stored, to tell whether the delivery changed. */
typedef struct
{
  int tier;
  char *starts_at;
  int duration;
  char *mode;
  TiReviewStatus review_status;
  char *facilitators; /* "id:kind" sorted by id, joined by commas */
} Delivery;

static void
delivery_clear (Delivery *d)
{
  g_free (d->starts_at);
  g_free (d->mode);
  g_free (d->facilitators);
}

static gboolean
read_delivery (TiDatabase *db, gint64 id, Delivery *d, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = ti_database_prepare (
    db,
    "SELECT tier, starts_at, duration_minutes, mode, review_status,"
    "  (SELECT group_concat(person_id || ':' || kind, ',') FROM"
    "    (SELECT person_id, kind FROM session_facilitators WHERE session_id = ?1"
    "     ORDER BY person_id))"
    " FROM sessions WHERE id = ?1",
    error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return ti_database_set_error_from_sqlite (db, rc, _("saving the session"), error);
  d->tier = sqlite3_column_int (stmt, 0);
  d->starts_at = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  d->duration = sqlite3_column_int (stmt, 2);
  d->mode = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
  ti_review_status_from_key ((const char *) sqlite3_column_text (stmt, 4), &d->review_status);
  d->facilitators = g_strdup ((const char *) sqlite3_column_text (stmt, 5));
  return TRUE;
}

static int
compare_facilitators (gconstpointer a, gconstpointer b)
{
  const TiFacilitatorEdit *fa = a, *fb = b;

  return fa->person_id < fb->person_id ? -1 : fa->person_id > fb->person_id;
}

static char *
edit_facilitators (const TiSessionEdit *edit)
{
  g_autofree TiFacilitatorEdit *sorted
    = g_memdup2 (edit->facilitators, edit->n_facilitators * sizeof (TiFacilitatorEdit));
  GString *text = g_string_new (NULL);

  /* No facilitators: g_memdup2() gave NULL, which qsort must not be given. */
  if (edit->n_facilitators > 1)
    qsort (sorted, edit->n_facilitators, sizeof (TiFacilitatorEdit), compare_facilitators);
  for (guint i = 0; i < edit->n_facilitators; i++)
    g_string_append_printf (text, "%s%" G_GINT64_FORMAT ":%s", i ? "," : "",
                            sorted[i].person_id, sorted[i].kind);
  return g_string_free (text, FALSE);
}

static gboolean
is_psychologist_led (const TiSessionEdit *edit)
{
  g_autofree const char **kinds = g_new0 (const char *, edit->n_facilitators + 1);

  for (guint i = 0; i < edit->n_facilitators; i++)
    kinds[i] = edit->facilitators[i].kind;
  return ti_facilitators_are_psychologists (kinds, edit->n_facilitators);
}

/* Adds the names of the delivery fields that differ from @old to @changed. */
static void
compare_delivery (const Delivery *old, const Delivery *now, GPtrArray *changed)
{
  if (old->tier != now->tier)
    g_ptr_array_add (changed, (char *) "tier");
  if (g_strcmp0 (old->starts_at, now->starts_at) != 0)
    g_ptr_array_add (changed, (char *) "starts_at");
  if (old->duration != now->duration)
    g_ptr_array_add (changed, (char *) "duration");
  if (g_strcmp0 (old->mode, now->mode) != 0)
    g_ptr_array_add (changed, (char *) "mode");
  if (g_strcmp0 (old->facilitators, now->facilitators) != 0)
    g_ptr_array_add (changed, (char *) "facilitators");
}

/* Text without surrounding white space, or NULL when nothing is left. */
#define TRIMMED(param) "nullif(trim(" param ", char(32, 9, 10, 13)), '')"

static gboolean
write_session (TiDatabase *db, const TiSessionEdit *edit, const Delivery *now, gint64 *out_id,
               GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = ti_database_prepare (
    db,
    edit->id > 0
      ? "UPDATE sessions SET tier = ?1, title = " TRIMMED ("?2") ", starts_at = ?3,"
        " duration_minutes = ?4, mode = ?5, venue = " TRIMMED ("?6") ","
        " host_organisation_id = ?7, capacity = ?8, status = ?9, review_status = ?10"
        " WHERE id = ?11"
      : "INSERT INTO sessions (tier, title, starts_at, duration_minutes, mode, venue,"
        " host_organisation_id, capacity, status, review_status)"
        " VALUES (?1, " TRIMMED ("?2") ", ?3, ?4, ?5, " TRIMMED ("?6") ", ?7, ?8, ?9, ?10)",
    error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, edit->tier);
  sqlite3_bind_text (stmt, 2, edit->title, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, now->starts_at, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 4, edit->duration_minutes);
  sqlite3_bind_text (stmt, 5, edit->mode, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, edit->venue, -1, SQLITE_STATIC);
  if (edit->host_organisation_id > 0)
    sqlite3_bind_int64 (stmt, 7, edit->host_organisation_id);
  if (edit->capacity > 0)
    sqlite3_bind_int (stmt, 8, edit->capacity);
  sqlite3_bind_text (stmt, 9, ti_session_status_key (edit->status), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 10, ti_review_status_key (now->review_status), -1, SQLITE_STATIC);
  if (edit->id > 0)
    sqlite3_bind_int64 (stmt, 11, edit->id);
  if (!ti_database_step_done (db, stmt, error))
    return FALSE;
  *out_id = edit->id > 0 ? edit->id : sqlite3_last_insert_rowid (ti_database_get_handle (db));
  return TRUE;
}

static gboolean
write_facilitators (TiDatabase *db, gint64 id, const TiSessionEdit *edit, GError **error)
{
  g_autoptr (sqlite3_stmt) clear
    = ti_database_prepare (db, "DELETE FROM session_facilitators WHERE session_id = ?", error);
  g_autoptr (sqlite3_stmt) add = NULL;

  if (clear == NULL)
    return FALSE;
  sqlite3_bind_int64 (clear, 1, id);
  if (!ti_database_step_done (db, clear, error))
    return FALSE;
  add = ti_database_prepare (
    db, "INSERT INTO session_facilitators (session_id, person_id, kind) VALUES (?, ?, ?)", error);
  if (add == NULL)
    return FALSE;
  for (guint i = 0; i < edit->n_facilitators; i++)
    {
      sqlite3_bind_int64 (add, 1, id);
      sqlite3_bind_int64 (add, 2, edit->facilitators[i].person_id);
      sqlite3_bind_text (add, 3, edit->facilitators[i].kind, -1, SQLITE_STATIC);
      if (!ti_database_step_done (db, add, error))
        return FALSE;
    }
  return TRUE;
}

/* Validates within the transaction; the first problem becomes @error. */
static gboolean
validate (TiDatabase *db, const TiSessionEdit *edit, GError **error)
{
  g_autoptr (GPtrArray) errors = ti_sessions_validate_all (db, edit, error);

  return ti_field_errors_none (errors, error);
}

/* What @edit would store as the delivery; its starts_at is %NULL when the date or time
 * cannot be read. */
static void
edit_delivery (const TiSessionEdit *edit, Delivery *now)
{
  now->tier = edit->tier;
  now->starts_at = edit_starts_at (edit);
  now->duration = edit->duration_minutes;
  now->mode = g_strdup (edit->mode);
  now->facilitators = edit_facilitators (edit);
}

/**
 * ti_sessions_save_reopens_review:
 * @edit: the editor's values, as they would be saved
 *
 * Whether saving @edit sends a session whose review was approved, or had changes requested,
 * back to the psychologist's queue as awaiting review: its delivery (tier, date and time,
 * duration, mode or facilitators) changed. The session editor says so before saving.
 *
 * Returns: %TRUE when it would; %FALSE for a new session, values that cannot be saved as they
 *   are, or a session that cannot be read
 */
gboolean
ti_sessions_save_reopens_review (TiDatabase *db, const TiSessionEdit *edit)
{
  Delivery old = { .review_status = TI_REVIEW_NOT_DUE };
  Delivery now = { 0 };
  g_autoptr (GPtrArray) changed = g_ptr_array_new ();
  gboolean reopens = FALSE;

  g_return_val_if_fail (TI_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (edit != NULL, FALSE);

  if (edit->id <= 0 || !read_delivery (db, edit->id, &old, NULL))
    goto out;
  edit_delivery (edit, &now);
  if (now.starts_at == NULL
      || (old.review_status != TI_REVIEW_APPROVED
          && old.review_status != TI_REVIEW_CHANGES_REQUESTED))
    goto out;
  compare_delivery (&old, &now, changed);
  reopens = ti_review_status_after_edit (old.review_status, edit->status,
                                         is_psychologist_led (edit), changed->len > 0)
            == TI_REVIEW_AWAITING;

out:
  delivery_clear (&old);
  delivery_clear (&now);
  return reopens;
}

static gboolean
save_in_transaction (TiDatabase *db, const TiSessionEdit *edit, gint64 *out_id, GError **error)
{
  Delivery old = { .review_status = TI_REVIEW_NOT_DUE };
  Delivery now = { 0 };
  g_autoptr (GPtrArray) changed = g_ptr_array_new ();
  g_autoptr (GString) detail = g_string_new (NULL);
  gboolean ok = FALSE;

  if (!validate (db, edit, error))
    return FALSE;
  if (edit->id > 0 && !read_delivery (db, edit->id, &old, error))
    goto out;

  edit_delivery (edit, &now);
  if (edit->id > 0)
    compare_delivery (&old, &now, changed);
  now.review_status = ti_review_status_after_edit (old.review_status, edit->status,
                                                   is_psychologist_led (edit), changed->len > 0);

  if (!write_session (db, edit, &now, out_id, error)
      || !write_facilitators (db, *out_id, edit, error))
    goto out;

  /* The audit names what changed, never anyone's details. */
  if (changed->len > 0)
    {
      g_ptr_array_add (changed, NULL);
      g_autofree char *list = g_strjoinv (", ", (char **) changed->pdata);
      g_string_append_printf (detail, "delivery: %s; ", list);
    }
  g_string_append_printf (detail, "status: %s; review: %s", ti_session_status_key (edit->status),
                          ti_review_status_key (now.review_status));
  if (now.review_status != old.review_status)
    g_string_append_printf (detail, " (was %s)", ti_review_status_key (old.review_status));
  ok = ti_database_audit (db, edit->id > 0 ? "update" : "create", "session", *out_id,
                          detail->str, error);

out:
  delivery_clear (&old);
  delivery_clear (&now);
  return ok;
}

/**
 * ti_sessions_save:
 * @edit: the editor's values; @edit->id 0 adds a session
 * @out_id: (out) (optional): the session's id
 *
 * Validates @edit (see ti_sessions_validate_all(); the first problem is the error), then
 * writes the session and its facilitators in one transaction with an audit entry. The
 * review status is what ti_review_status_after_edit() makes of the saved session: it is
 * led by a psychologist when every facilitator is there as psychologist
 * (ti_facilitators_are_psychologists()), and its delivery
 * changed when the tier, date and time, duration, mode or facilitators (who or in which
 * role) differ from what was stored.
 *
 * Returns: %TRUE when saved; %FALSE with @error set, and nothing written, otherwise
 */
gboolean
ti_sessions_save (TiDatabase *db, const TiSessionEdit *edit, gint64 *out_id, GError **error)
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
