/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ti-events"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "ti-events.h"
#include "ti-vocabulary.h"

/*
 * Network events: the list, one event, and one event in figures. Editing and deleting are in
 * ti-events-edit.c, speakers in ti-event-speakers.c, invitations and attendance in
 * ti-event-guests.c; the programme's event figures in ti-event-figures.c.
 *
 * An attendance row is one person on an event's list: invited, attended or both (someone
 * may come without an invitation). Feedback counts only from people who came.
 */

G_DEFINE_QUARK (ti-events-error-quark, ti_events_error)

#define COL_TEXT(stmt, i) ((const char *) sqlite3_column_text ((stmt), (i)))

/* ?1 is one event's id, or 0 for every event. */
static const char events_sql[] =
  "SELECT e.id, e.title, e.kind, e.starts_at, e.venue, e.online_link, e.description,"
  "  e.best_practice,"
  "  (SELECT count(*) FROM event_speakers s WHERE s.event_id = e.id),"
  "  (SELECT count(*) FROM event_attendance a WHERE a.event_id = e.id AND a.invited),"
  "  (SELECT count(*) FROM event_attendance a WHERE a.event_id = e.id AND a.attended)"
  " FROM events e WHERE ?1 = 0 OR e.id = ?1"
  " ORDER BY e.starts_at DESC, e.id DESC";

static GPtrArray *
load_events (TiDatabase *db, gint64 event_id, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = ti_database_prepare (db, events_sql, error);
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, event_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TiEventFields f = {
        .id = sqlite3_column_int64 (stmt, 0),
        .title = COL_TEXT (stmt, 1),
        .kind_key = COL_TEXT (stmt, 2),
        .starts_at = COL_TEXT (stmt, 3),
        .venue = COL_TEXT (stmt, 4),
        .online_link = COL_TEXT (stmt, 5),
        .description = COL_TEXT (stmt, 6),
        .best_practice = COL_TEXT (stmt, 7),
        .speakers = sqlite3_column_int (stmt, 8),
        .invited = sqlite3_column_int (stmt, 9),
        .attended = sqlite3_column_int (stmt, 10),
      };
      g_ptr_array_add (items, ti_event_new (&f));
    }
  if (rc != SQLITE_DONE)
    {
      ti_database_set_error_from_sqlite (db, rc, _("reading the events"), error);
      return NULL;
    }
  return g_steal_pointer (&items);
}

/**
 * ti_events_list:
 *
 * Every network event with its counts of speakers, invited and attended, newest first.
 *
 * Returns: (transfer full) (nullable): a #GListModel of #TiEvent, or %NULL with @error set
 */
GListModel *
ti_events_list (TiDatabase *db, GError **error)
{
  g_autoptr (GPtrArray) items = NULL;
  GListStore *store;

  g_return_val_if_fail (TI_IS_DATABASE (db), NULL);

  items = load_events (db, 0, error);
  if (items == NULL)
    return NULL;
  /* One splice, so a bound view sees a single items-changed. */
  store = g_list_store_new (TI_TYPE_EVENT);
  g_list_store_splice (store, 0, 0, items->pdata, items->len);
  return G_LIST_MODEL (store);
}

static gpointer
read_list (TiDatabase *db, gpointer data, GError **error)
{
  return ti_events_list (db, error);
}

/**
 * ti_events_list_async:
 * @db_path: the programme file; the worker opens its own read-only connection
 *
 * Reads the list in a thread (see ti_events_list()).
 */
void
ti_events_list_async (const char *db_path, GCancellable *cancellable,
                      GAsyncReadyCallback callback, gpointer user_data)
{
  ti_database_read_async (db_path, read_list, NULL, NULL, g_object_unref, cancellable, callback,
                          user_data);
}

/**
 * ti_events_list_finish:
 *
 * Returns: (transfer full) (nullable): a #GListModel of #TiEvent, or %NULL with @error set
 */
GListModel *
ti_events_list_finish (GAsyncResult *result, GError **error)
{
  return ti_database_read_finish (result, error);
}

/**
 * ti_events_get:
 * @event_id: the event
 *
 * Returns: (transfer full) (nullable): the event, or %NULL with @error set
 *   (%TI_EVENTS_ERROR_NOT_FOUND when there is no such event)
 */
TiEvent *
ti_events_get (TiDatabase *db, gint64 event_id, GError **error)
{
  g_autoptr (GPtrArray) items = NULL;

  g_return_val_if_fail (TI_IS_DATABASE (db), NULL);

  items = event_id > 0 ? load_events (db, event_id, error) : g_ptr_array_new ();
  if (items == NULL)
    return NULL;
  if (items->len == 0)
    {
      g_set_error (error, TI_EVENTS_ERROR, TI_EVENTS_ERROR_NOT_FOUND,
                   _("This event is no longer in the programme."));
      return NULL;
    }
  return g_object_ref (g_ptr_array_index (items, 0));
}

/* One event in figures ------------------------------------------------------------------ */

static void
tally_free (TiEventTally *tally)
{
  g_free (tally->label);
  g_free (tally);
}

/* Rows of (label, count) for @event_id; sector keys become their labels. */
static GPtrArray *
read_tallies (TiDatabase *db, const char *sql, gint64 event_id, gboolean sectors, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = ti_database_prepare (db, sql, error);
  g_autoptr (GPtrArray) tallies = g_ptr_array_new_with_free_func ((GDestroyNotify) tally_free);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, event_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TiEventTally *tally = g_new0 (TiEventTally, 1);

      tally->label = g_strdup (sectors ? ti_vocabulary_sector_label (COL_TEXT (stmt, 0))
                                       : COL_TEXT (stmt, 0));
      tally->count = sqlite3_column_int (stmt, 1);
      g_ptr_array_add (tallies, tally);
    }
  if (rc != SQLITE_DONE)
    {
      ti_database_set_error_from_sqlite (db, rc, _("reading the event"), error);
      return NULL;
    }
  return g_steal_pointer (&tallies);
}

#define CAME "FROM event_attendance a JOIN people p ON p.id = a.person_id" \
             " JOIN organisations o ON o.id = p.organisation_id WHERE a.event_id = ?1 AND a.attended"

static const char organisations_sql[] =
  "SELECT o.name, count(*) " CAME " GROUP BY o.id ORDER BY 2 DESC, o.name COLLATE NOCASE";
static const char sectors_sql[] =
  "SELECT o.sector, count(*) " CAME " GROUP BY o.sector ORDER BY 2 DESC, o.sector";
/* Themes as written, the same theme in another case or spacing counted together. */
static const char themes_sql[] =
  "SELECT min(trim(feedback_theme)), count(*) FROM event_attendance"
  " WHERE event_id = ?1 AND attended AND length(trim(feedback_theme)) > 0"
  " GROUP BY lower(trim(feedback_theme)) ORDER BY 2 DESC, 1 COLLATE NOCASE";

static const char counts_sql[] =
  "SELECT coalesce(sum(invited), 0), coalesce(sum(attended), 0),"
  "  coalesce(sum(invited AND attended), 0),"
  "  count(CASE WHEN attended THEN feedback END), avg(CASE WHEN attended THEN feedback END),"
  "  coalesce(sum(attended AND NOT EXISTS (SELECT 1 FROM event_attendance b"
  "    JOIN events e ON e.id = b.event_id WHERE b.person_id = a.person_id AND b.attended"
  "    AND e.starts_at < (SELECT starts_at FROM events WHERE id = ?1))), 0)"
  " FROM event_attendance a WHERE a.event_id = ?1";

/**
 * ti_events_get_summary:
 * @event_id: the event
 * @out_summary: (out caller-allocates): the figures; clear with ti_event_summary_clear()
 *
 * One event in figures: invited against attended, the organisations and sectors of the
 * people who came, the first-timers (people who came and came to no event that started
 * earlier), and the feedback of the people who came: how many rated it, the mean (1–5) and
 * the themes.
 *
 * Returns: %TRUE with @out_summary filled in; %FALSE with @error set
 *   (%TI_EVENTS_ERROR_NOT_FOUND when there is no such event)
 */
gboolean
ti_events_get_summary (TiDatabase *db, gint64 event_id, TiEventSummary *out_summary,
                       GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  TiEventSummary s = { 0 };
  gint64 n;
  int rc;

  g_return_val_if_fail (TI_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (out_summary != NULL, FALSE);

  n = ti_database_count_with (db, "SELECT count(*) FROM events WHERE id = ?", event_id, NULL,
                              error);
  if (n < 0)
    return FALSE;
  if (n == 0)
    {
      g_set_error (error, TI_EVENTS_ERROR, TI_EVENTS_ERROR_NOT_FOUND,
                   _("This event is no longer in the programme."));
      return FALSE;
    }
  stmt = ti_database_prepare (db, counts_sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, event_id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return ti_database_set_error_from_sqlite (db, rc, _("reading the event"), error);
  s.invited = sqlite3_column_int (stmt, 0);
  s.attended = sqlite3_column_int (stmt, 1);
  s.invited_attended = sqlite3_column_int (stmt, 2);
  s.feedback_count = sqlite3_column_int (stmt, 3);
  s.feedback_mean = sqlite3_column_type (stmt, 4) == SQLITE_NULL ? NAN
                                                                 : sqlite3_column_double (stmt, 4);
  s.first_timers = sqlite3_column_int (stmt, 5);

  s.organisations = read_tallies (db, organisations_sql, event_id, FALSE, error);
  s.sectors = s.organisations ? read_tallies (db, sectors_sql, event_id, TRUE, error) : NULL;
  s.themes = s.sectors ? read_tallies (db, themes_sql, event_id, FALSE, error) : NULL;
  if (s.themes == NULL)
    {
      ti_event_summary_clear (&s);
      return FALSE;
    }
  *out_summary = s;
  return TRUE;
}

/**
 * ti_event_summary_clear:
 * @summary: from ti_events_get_summary()
 */
void
ti_event_summary_clear (TiEventSummary *summary)
{
  g_clear_pointer (&summary->organisations, g_ptr_array_unref);
  g_clear_pointer (&summary->sectors, g_ptr_array_unref);
  g_clear_pointer (&summary->themes, g_ptr_array_unref);
}
