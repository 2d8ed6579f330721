/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ti-events"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ti-events.h"
#include "ti-format.h"
#include "ti-record-snapshot.h"
#include "ti-validation.h"

/*
 * Adding, editing and deleting network events (deleting puts back exactly, for Undo: its
 * speakers, its list of people and the milestones it was evidence for).
 */

/* A problem with one field, in this module's error domain. */
#define add_error(errors, code, ...) \
  ti_field_errors_add (errors, TI_EVENTS_ERROR, code, __VA_ARGS__)

/* Reads `HH:MM` or `H:MM` (24-hour) as 'HH:MM'; %NULL when it cannot. */
static char *
read_time (const char *text)
{
  g_autofree char *t = ti_text_trimmed (text);
  g_auto (GStrv) parts = g_strsplit (t, ":", -1);
  guint64 hours, minutes;

  if (g_strv_length (parts) != 2 || strlen (parts[0]) < 1 || strlen (parts[0]) > 2
      || strlen (parts[1]) != 2
      || !g_ascii_string_to_unsigned (parts[0], 10, 0, 23, &hours, NULL)
      || !g_ascii_string_to_unsigned (parts[1], 10, 0, 59, &minutes, NULL))
    return NULL;
  return g_strdup_printf ("%02d:%02d", (int) hours, (int) minutes);
}

/* The start as stored, 'YYYY-MM-DD HH:MM', or %NULL when the date or time cannot be read. */
static char *
edit_starts_at (const TiEventEdit *edit)
{
  g_autofree char *iso = NULL;
  g_autofree char *time = read_time (edit->time);
  GDate date;

  if (time == NULL || ti_date_check (edit->date, &date) != TI_DATE_OK)
    return NULL;
  iso = ti_date_to_iso (&date);
  return g_strdup_printf ("%s %s", iso, time);
}

/* An http or https address with a host, such as https://meet.example.org/network. */
static gboolean
link_is_valid (const char *link)
{
  g_autoptr (GUri) uri = g_uri_parse (link, G_URI_FLAGS_NONE, NULL);
  const char *scheme = uri ? g_uri_get_scheme (uri) : NULL;
  const char *host = uri ? g_uri_get_host (uri) : NULL;

  return scheme != NULL && (g_ascii_strcasecmp (scheme, "https") == 0
                            || g_ascii_strcasecmp (scheme, "http") == 0)
         && host != NULL && strchr (host, '.') != NULL && strpbrk (link, " \t\n") == NULL;
}

static void
check_date_time (const TiEventEdit *edit, GPtrArray *errors)
{
  g_autofree char *date = ti_text_trimmed (edit->date);
  g_autofree char *time = ti_text_trimmed (edit->time);
  g_autofree char *parsed = NULL;
  GDate d;

  if (*date == '\0')
    add_error (errors, TI_EVENTS_ERROR_DATE, _("Enter the date of the event."));
  else
    switch (ti_date_check (date, &d))
      {
      case TI_DATE_OK:
        break;
      case TI_DATE_IMPOSSIBLE:
        /* Translators: a date as the person typed it, written right but with no such day. */
        add_error (errors, TI_EVENTS_ERROR_DATE, _("%s is not a real date."), date);
        break;
      default:
        add_error (errors, TI_EVENTS_ERROR_DATE, _("Enter the date as YYYY-MM-DD or DD/MM/YYYY."));
      }
  parsed = read_time (time);
  if (*time == '\0')
    add_error (errors, TI_EVENTS_ERROR_TIME, _("Enter the start time."));
  else if (parsed == NULL)
    add_error (errors, TI_EVENTS_ERROR_TIME,
               _("Enter the start time as HH:MM on the 24-hour clock, for example 09:30."));
}

/**
 * ti_events_validate_all:
 * @edit: the editor's values
 *
 * Checks every field of @edit, in the editor's order, so that all the problems can be
 * shown at once: a title; a kind (launch, network event, conference, workshop, webinar); a
 * real date and a time; a venue or an online link (or both); a link, when given, that is
 * an http or https address. An event that is no longer there gives that one problem only.
 *
 * Returns: (transfer full) (element-type GError) (nullable): one #GError per problem, in
 *   %TI_EVENTS_ERROR with its code naming the field and its message saying what to do;
 *   empty when @edit can be saved. %NULL with @error set only when the programme cannot be
 *   read.
 */
GPtrArray *
ti_events_validate_all (TiDatabase *db, const TiEventEdit *edit, GError **error)
{
  g_autoptr (GPtrArray) errors = NULL;
  g_autofree char *title = NULL;
  g_autofree char *venue = NULL;
  g_autofree char *link = NULL;

  g_return_val_if_fail (TI_IS_DATABASE (db), NULL);
  g_return_val_if_fail (edit != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  errors = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
  if (edit->id > 0)
    {
      gint64 n = ti_database_count_with (db, "SELECT count(*) FROM events WHERE id = ?", edit->id,
                                         NULL, error);
      if (n < 0)
        return NULL;
      if (n == 0)
        {
          add_error (errors, TI_EVENTS_ERROR_NOT_FOUND,
                     _("This event is no longer in the programme."));
          return g_steal_pointer (&errors);
        }
    }

  title = ti_text_trimmed (edit->title);
  venue = ti_text_trimmed (edit->venue);
  link = ti_text_trimmed (edit->online_link);
  if (*title == '\0')
    add_error (errors, TI_EVENTS_ERROR_TITLE, _("Enter a title."));
  if (*ti_event_kind_label (edit->kind) == '\0')
    add_error (errors, TI_EVENTS_ERROR_KIND,
               _("Choose a kind: launch, network event, conference, workshop or webinar."));
  check_date_time (edit, errors);
  if (*venue == '\0' && *link == '\0')
    add_error (errors, TI_EVENTS_ERROR_PLACE,
               _("Enter the venue, or the online link for an event held online."));
  if (*link != '\0' && !link_is_valid (link))
    add_error (errors, TI_EVENTS_ERROR_LINK,
               _("Enter the online link as a web address, such as "
                 "https://meet.example.org/network-event."));
  return g_steal_pointer (&errors);
}

/* Text without surrounding white space, or NULL when nothing is left. */
#define TRIMMED(param) "nullif(trim(" param ", char(32, 9, 10, 13)), '')"

static gboolean
save_in_transaction (TiDatabase *db, const TiEventEdit *edit, gint64 *out_id, GError **error)
{
  g_autoptr (GPtrArray) problems = ti_events_validate_all (db, edit, error);
  g_autofree char *starts_at = NULL;
  g_autoptr (sqlite3_stmt) stmt = NULL;

  if (!ti_field_errors_none (problems, error))
    return FALSE;
  starts_at = edit_starts_at (edit);
  stmt = ti_database_prepare (
    db,
    edit->id > 0
      ? "UPDATE events SET title = " TRIMMED ("?1") ", kind = ?2, starts_at = ?3,"
        " venue = " TRIMMED ("?4") ", online_link = " TRIMMED ("?5") ","
        " description = " TRIMMED ("?6") ", best_practice = " TRIMMED ("?7") " WHERE id = ?8"
      : "INSERT INTO events (title, kind, starts_at, venue, online_link, description,"
        " best_practice) VALUES (" TRIMMED ("?1") ", ?2, ?3, " TRIMMED ("?4") ", "
        TRIMMED ("?5") ", " TRIMMED ("?6") ", " TRIMMED ("?7") ")",
    error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, edit->title, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, edit->kind, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, starts_at, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, edit->venue, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, edit->online_link, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, edit->description, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, edit->best_practice, -1, SQLITE_STATIC);
  if (edit->id > 0)
    sqlite3_bind_int64 (stmt, 8, edit->id);
  if (!ti_database_step_done (db, stmt, error))
    return FALSE;
  *out_id = edit->id > 0 ? edit->id : sqlite3_last_insert_rowid (ti_database_get_handle (db));
  /* The audit names the kind, never anyone's details. */
  return ti_database_audit (db, edit->id > 0 ? "update" : "create", "event", *out_id, edit->kind,
                            error);
}

/**
 * ti_events_save:
 * @edit: the editor's values; @edit->id 0 adds an event
 * @out_id: (out) (optional): the event's id
 *
 * Validates @edit (see ti_events_validate_all(); the first problem is the error), then
 * writes it in one transaction with an audit entry.
 *
 * Returns: %TRUE when saved; %FALSE with @error set, and nothing written, otherwise
 */
gboolean
ti_events_save (TiDatabase *db, const TiEventEdit *edit, gint64 *out_id, GError **error)
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

/* Delete and undo ------------------------------------------------------------------------ */

/* What a delete removes, in the order it is put back (the event first). */
static const TiKeptRows kept[] = {
  { "events", "SELECT * FROM events WHERE id = ?" },
  { "event_speakers", "SELECT * FROM event_speakers WHERE event_id = ?" },
  { "event_attendance", "SELECT * FROM event_attendance WHERE event_id = ?" },
};

static const TiRecordKind event_record = {
  .entity = "event",
  .kept = kept,
  .n_kept = G_N_ELEMENTS (kept),
  .evidence_column = "evidence_event_id",
  .error_domain = ti_events_error_quark,
  .not_found_code = TI_EVENTS_ERROR_NOT_FOUND,
  .not_found = N_("This event is no longer in the programme."),
  .restore_code = TI_EVENTS_ERROR_RESTORE,
  .restore_failed = N_("The event could not be put back, because the programme has changed "
                       "since (%s)"),
};

/* A #TiEventSnapshot is a #TiRecordSnapshot under the event's own name. */

/**
 * ti_event_snapshot_free:
 * @snapshot: (nullable) (transfer full): a snapshot from ti_events_delete()
 */
void
ti_event_snapshot_free (TiEventSnapshot *snapshot)
{
  ti_record_snapshot_free ((TiRecordSnapshot *) snapshot);
}

/**
 * ti_event_snapshot_get_id:
 *
 * Returns: the id of the event the snapshot holds
 */
gint64
ti_event_snapshot_get_id (const TiEventSnapshot *snapshot)
{
  return ti_record_snapshot_get_id ((const TiRecordSnapshot *) snapshot);
}

/**
 * ti_events_delete:
 * @event_id: the event
 * @out_snapshot: (out) (optional) (transfer full): what was removed, for ti_events_restore();
 *   free with ti_event_snapshot_free()
 *
 * Deletes an event with its speakers and its list of people, in one transaction with an
 * audit entry; a milestone it was evidence for keeps its other evidence.
 *
 * Returns: %TRUE when deleted; %FALSE with @error set (%TI_EVENTS_ERROR_NOT_FOUND when there
 *   is no such event), and nothing changed, otherwise
 */
gboolean
ti_events_delete (TiDatabase *db, gint64 event_id, TiEventSnapshot **out_snapshot,
                  GError **error)
{
  g_return_val_if_fail (TI_IS_DATABASE (db), FALSE);

  return ti_record_delete (db, &event_record, event_id, (TiRecordSnapshot **) out_snapshot,
                           error);
}

/**
 * ti_events_restore:
 * @snapshot: from ti_events_delete()
 *
 * Puts back exactly what the delete removed (same ids), in one transaction with an audit
 * entry. Fails with %TI_EVENTS_ERROR_RESTORE, changing nothing, when the programme has
 * changed so that it no longer fits (a person on its list was deleted since).
 *
 * Returns: %TRUE when restored
 */
gboolean
ti_events_restore (TiDatabase *db, const TiEventSnapshot *snapshot, GError **error)
{
  g_return_val_if_fail (TI_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (snapshot != NULL, FALSE);

  return ti_record_restore (db, (const TiRecordSnapshot *) snapshot, error);
}
