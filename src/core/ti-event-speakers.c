/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ti-events"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ti-events.h"

/*
 * An event's guest speakers: name, affiliation, reach (local, national, international) and
 * topic. Speakers are not people in the programme: they are named on the event's record
 * only. Each change is one transaction with an audit entry naming the speaker by id.
 */

/**
 * ti_event_speaker_copy:
 *
 * Returns: (transfer full): a copy; free with ti_event_speaker_free()
 */
TiEventSpeaker *
ti_event_speaker_copy (const TiEventSpeaker *speaker)
{
  TiEventSpeaker *copy = g_new0 (TiEventSpeaker, 1);

  copy->id = speaker->id;
  copy->event_id = speaker->event_id;
  copy->name = g_strdup (speaker->name);
  copy->affiliation = g_strdup (speaker->affiliation);
  copy->reach = g_strdup (speaker->reach);
  copy->topic = g_strdup (speaker->topic);
  return copy;
}

void
ti_event_speaker_free (TiEventSpeaker *speaker)
{
  if (speaker == NULL)
    return;
  g_free (speaker->name);
  g_free (speaker->affiliation);
  g_free (speaker->reach);
  g_free (speaker->topic);
  g_free (speaker);
}

/* ?1 is the event, ?2 one speaker or 0 for all; international speakers first. */
static GPtrArray *
read_speakers (TiDatabase *db, gint64 event_id, gint64 speaker_id, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = ti_database_prepare (
    db,
    "SELECT id, event_id, name, affiliation, reach, topic FROM event_speakers"
    " WHERE (?1 = 0 OR event_id = ?1) AND (?2 = 0 OR id = ?2)"
    " ORDER BY CASE reach WHEN 'international' THEN 0 WHEN 'national' THEN 1 ELSE 2 END,"
    "  name COLLATE NOCASE, id",
    error);
  g_autoptr (GPtrArray) speakers
    = g_ptr_array_new_with_free_func ((GDestroyNotify) ti_event_speaker_free);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, event_id);
  sqlite3_bind_int64 (stmt, 2, speaker_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const TiEventSpeaker row = {
        .id = sqlite3_column_int64 (stmt, 0),
        .event_id = sqlite3_column_int64 (stmt, 1),
        .name = (char *) sqlite3_column_text (stmt, 2),
        .affiliation = (char *) sqlite3_column_text (stmt, 3),
        .reach = (char *) sqlite3_column_text (stmt, 4),
        .topic = (char *) sqlite3_column_text (stmt, 5),
      };
      g_ptr_array_add (speakers, ti_event_speaker_copy (&row));
    }
  if (rc != SQLITE_DONE)
    {
      ti_database_set_error_from_sqlite (db, rc, _("reading the speakers"), error);
      return NULL;
    }
  return g_steal_pointer (&speakers);
}

/**
 * ti_events_list_speakers:
 * @event_id: the event
 *
 * Returns: (transfer full) (element-type TiEventSpeaker) (nullable): the event's speakers,
 *   international first, then national, then local, each by name; %NULL with @error set
 *   when the programme cannot be read
 */
GPtrArray *
ti_events_list_speakers (TiDatabase *db, gint64 event_id, GError **error)
{
  g_return_val_if_fail (TI_IS_DATABASE (db), NULL);
  return read_speakers (db, event_id, 0, error);
}

/**
 * ti_events_validate_speaker:
 * @speaker: the values to save
 *
 * Returns: (transfer full) (element-type GError): one #GError per problem (a name is
 *   required; the reach is local, national or international), empty when none
 */
GPtrArray *
ti_events_validate_speaker (const TiEventSpeaker *speaker)
{
  GPtrArray *errors = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
  g_autofree char *name = g_strstrip (g_strdup (speaker->name ? speaker->name : ""));

  if (*name == '\0')
    g_ptr_array_add (errors, g_error_new_literal (TI_EVENTS_ERROR, TI_EVENTS_ERROR_SPEAKER_NAME,
                                                  _("Enter the speaker’s name.")));
  if (*ti_event_reach_label (speaker->reach) == '\0')
    g_ptr_array_add (errors,
                     g_error_new_literal (TI_EVENTS_ERROR, TI_EVENTS_ERROR_SPEAKER_REACH,
                                          _("Choose the speaker’s reach: local, national or "
                                            "international.")));
  return errors;
}

static gboolean
check_event (TiDatabase *db, gint64 event_id, GError **error)
{
  gint64 n = ti_database_count_with (db, "SELECT count(*) FROM events WHERE id = ?", event_id,
                                     NULL, error);

  if (n == 0)
    g_set_error (error, TI_EVENTS_ERROR, TI_EVENTS_ERROR_NOT_FOUND,
                 _("This event is no longer in the programme."));
  return n > 0;
}

#define TRIMMED(param) "nullif(trim(" param ", char(32, 9, 10, 13)), '')"

/* Inserts (with @speaker's id when @keep_id) or updates the speaker. */
static gboolean
write_speaker (TiDatabase *db, const TiEventSpeaker *speaker, gboolean keep_id, gint64 *out_id,
               GError **error)
{
  g_autoptr (GPtrArray) problems = ti_events_validate_speaker (speaker);
  gboolean update = speaker->id > 0 && !keep_id;
  g_autoptr (sqlite3_stmt) stmt = NULL;

  if (problems->len > 0)
    {
      g_propagate_error (error, g_error_copy (g_ptr_array_index (problems, 0)));
      return FALSE;
    }
  if (!check_event (db, speaker->event_id, error))
    return FALSE;
  stmt = ti_database_prepare (
    db,
    update ? "UPDATE event_speakers SET name = " TRIMMED ("?2") ", affiliation = " TRIMMED ("?3")
             ", reach = ?4, topic = " TRIMMED ("?5") " WHERE id = ?6 AND event_id = ?1"
           : "INSERT INTO event_speakers (event_id, name, affiliation, reach, topic, id)"
             " VALUES (?1, " TRIMMED ("?2") ", " TRIMMED ("?3") ", ?4, " TRIMMED ("?5")
             ", nullif(?6, 0))",
    error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, speaker->event_id);
  sqlite3_bind_text (stmt, 2, speaker->name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, speaker->affiliation, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, speaker->reach, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, speaker->topic, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 6, speaker->id);
  if (!ti_database_step_done (db, stmt, error))
    return FALSE;
  if (update && sqlite3_changes (ti_database_get_handle (db)) == 0)
    {
      g_set_error (error, TI_EVENTS_ERROR, TI_EVENTS_ERROR_SPEAKER_NOT_FOUND,
                   _("This speaker is no longer on the event."));
      return FALSE;
    }
  *out_id = speaker->id > 0 ? speaker->id : sqlite3_last_insert_rowid (ti_database_get_handle (db));
  return ti_database_audit (db, update ? "update" : keep_id ? "restore" : "create",
                            "event_speaker", *out_id, NULL, error);
}

/**
 * ti_events_save_speaker:
 * @speaker: @speaker->id 0 adds a speaker to @speaker->event_id; otherwise edits that one
 * @out_id: (out) (optional): the speaker's id
 *
 * Validates (ti_events_validate_speaker(); the first problem is the error) and saves, in
 * one transaction with an audit entry.
 *
 * Returns: %TRUE when saved; %FALSE with @error set, and nothing written, otherwise
 */
gboolean
ti_events_save_speaker (TiDatabase *db, const TiEventSpeaker *speaker, gint64 *out_id,
                        GError **error)
{
  gint64 id = 0;

  g_return_val_if_fail (TI_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (speaker != NULL, FALSE);

  if (!ti_database_begin (db, error)
      || !ti_database_end (db, write_speaker (db, speaker, FALSE, &id, error), error))
    return FALSE;
  if (out_id != NULL)
    *out_id = id;
  return TRUE;
}

static gboolean
remove_in_transaction (TiDatabase *db, gint64 speaker_id, TiEventSpeaker **out_removed,
                       GError **error)
{
  g_autoptr (GPtrArray) found = read_speakers (db, 0, speaker_id, error);
  g_autoptr (sqlite3_stmt) stmt = NULL;

  if (found == NULL)
    return FALSE;
  if (found->len == 0)
    {
      g_set_error (error, TI_EVENTS_ERROR, TI_EVENTS_ERROR_SPEAKER_NOT_FOUND,
                   _("This speaker is no longer on the event."));
      return FALSE;
    }
  stmt = ti_database_prepare (db, "DELETE FROM event_speakers WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, speaker_id);
  if (!ti_database_step_done (db, stmt, error)
      || !ti_database_audit (db, "delete", "event_speaker", speaker_id, NULL, error))
    return FALSE;
  *out_removed = g_ptr_array_steal_index (found, 0);
  return TRUE;
}

/**
 * ti_events_remove_speaker:
 * @speaker_id: the speaker
 * @out_removed: (out) (optional) (transfer full): the speaker as they were, for
 *   ti_events_restore_speaker()
 *
 * Returns: %TRUE when removed; %FALSE with @error set otherwise
 */
gboolean
ti_events_remove_speaker (TiDatabase *db, gint64 speaker_id, TiEventSpeaker **out_removed,
                          GError **error)
{
  g_autoptr (TiEventSpeaker) removed = NULL;

  g_return_val_if_fail (TI_IS_DATABASE (db), FALSE);

  if (!ti_database_begin (db, error)
      || !ti_database_end (db, remove_in_transaction (db, speaker_id, &removed, error), error))
    return FALSE;
  if (out_removed != NULL)
    *out_removed = g_steal_pointer (&removed);
  return TRUE;
}

/**
 * ti_events_restore_speaker:
 * @speaker: a speaker ti_events_remove_speaker() removed
 *
 * Puts the speaker back with the same id, in one transaction with an audit entry.
 *
 * Returns: %TRUE when restored; %FALSE with @error set (the event is gone) otherwise
 */
gboolean
ti_events_restore_speaker (TiDatabase *db, const TiEventSpeaker *speaker, GError **error)
{
  gint64 id = 0;

  g_return_val_if_fail (TI_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (speaker != NULL, FALSE);

  return ti_database_begin (db, error)
         && ti_database_end (db, write_speaker (db, speaker, TRUE, &id, error), error);
}
