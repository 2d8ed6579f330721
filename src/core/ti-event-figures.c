/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ti-event-figures"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "ti-event-figures-private.h"
#include "ti-events.h"

/*
 * The network events' figures of an evaluation period, in one place: the Events views, the
 * Evaluation dashboards and the workbook read them from here, and the workbook's notes print
 * the definitions below.
 *
 * An event is held in the period when it started on one of its days (both ends included)
 * and has started by now: a planned event is not yet held. Attendance and feedback count
 * only people marked as attended; erased people keep their place in every count.
 */

static const TiFigureDefinition definitions[] = {
  { "events_held", N_("Events held"),
    N_("Network events, launches, conferences, workshops and webinars that started in the "
       "period, up to now.") },
  { "invitations", N_("Invitations"),
    N_("People invited to the events held; someone invited to two events counts twice.") },
  { "attendances", N_("Attendances"),
    N_("People marked as attended at the events held, invited or not; someone at two events "
       "counts twice.") },
  { "attendance_mean", N_("Attendance per event"),
    N_("Attendances ÷ events held; no figure without events.") },
  { "people_attending", N_("People attending"),
    N_("Different people who attended at least one event held in the period.") },
  { "organisations_reached", N_("Organisations reached"),
    N_("Different organisations of the people who attended the events held.") },
  { "sectors_reached", N_("Sectors reached"),
    N_("Different sectors of those organisations.") },
  { "speakers_local", N_("Local speakers"),
    N_("Guest speakers of local reach at the events held; a speaker at two events counts "
       "twice.") },
  { "speakers_national", N_("National speakers"),
    N_("Guest speakers of national reach at the events held.") },
  { "speakers_international", N_("International speakers"),
    N_("Guest speakers of international reach at the events held.") },
  { "feedback_count", N_("Feedback given"),
    N_("Attendees of the events held who rated their event from 1 to 5.") },
  { "feedback_mean", N_("Mean feedback"),
    N_("Mean of those ratings (1–5); no figure without feedback.") },
};

/**
 * ti_event_figure_definitions:
 * @n_definitions: (out): how many
 *
 * Every event figure's name and one-line definition, in the order of #TiEventFigures.
 *
 * Returns: (transfer none) (array length=n_definitions): the definitions
 */
const TiFigureDefinition *
ti_event_figure_definitions (guint *n_definitions)
{
  *n_definitions = G_N_ELEMENTS (definitions);
  return definitions;
}

/**
 * ti_event_figure_definition:
 * @key: a figure's key
 *
 * Returns: (transfer none) (nullable): its definition, or %NULL for no such figure
 */
const TiFigureDefinition *
ti_event_figure_definition (const char *key)
{
  return ti_figure_definition_find (definitions, G_N_ELEMENTS (definitions), key);
}

/* The people who came to the events in `held` (a CTE the query defines first), and how many
 * organisations and sectors they are from: one formula for the period's figures and for one
 * event's page. The lists are read from the held events on the attendance primary key, and
 * each person's attendances are summed before their organisation is looked up, so each
 * person is looked up once and no count(DISTINCT) sorts a row per attendance. */
#define CAME_SQL \
  "  list AS (SELECT a.* FROM held h CROSS JOIN event_attendance a ON a.event_id = h.id)," \
  "  attendee AS (SELECT person_id, count(*) AS attendances, count(feedback) AS ratings," \
  "    total(feedback) AS rating_sum FROM list WHERE attended GROUP BY person_id)," \
  "  came AS (SELECT t.*, p.organisation_id, o.sector FROM attendee t" \
  "    CROSS JOIN people p ON p.id = t.person_id" \
  "    LEFT JOIN organisations o ON o.id = p.organisation_id)"
#define REACH_SQL \
  "  (SELECT count(DISTINCT organisation_id) FROM came)," \
  "  (SELECT count(DISTINCT sector) FROM came)"

/* The events held in a period: ?1 the first day, ?2 the last start on the last day, ?3 now
 * ('YYYY-MM-DD HH:MM'). */
#define HELD_SQL \
  "held AS (SELECT id FROM events WHERE starts_at >= ?1 AND starts_at <= ?2" \
  "    AND starts_at <= ?3)"

static const char figures_sql[] =
  "WITH " HELD_SQL "," CAME_SQL ","
  "  speakers AS (SELECT s.reach FROM held h CROSS JOIN event_speakers s ON s.event_id = h.id)"
  " SELECT (SELECT count(*) FROM held), (SELECT coalesce(sum(invited), 0) FROM list),"
  "  (SELECT coalesce(sum(attendances), 0) FROM came), (SELECT count(*) FROM came),"
  REACH_SQL ","
  "  (SELECT count(*) FROM speakers WHERE reach = 'local'),"
  "  (SELECT count(*) FROM speakers WHERE reach = 'national'),"
  "  (SELECT count(*) FROM speakers WHERE reach = 'international'),"
  "  (SELECT coalesce(sum(ratings), 0) FROM came), (SELECT total(rating_sum) FROM came)";

/* ?1 the event. */
static const char reach_sql[]
  = "WITH held AS (SELECT id FROM events WHERE id = ?1)," CAME_SQL " SELECT" REACH_SQL;

/**
 * ti_events_count_reach:
 * @event_id: the event
 * @out_organisations: (out): how many different organisations the people who came are from
 * @out_sectors: (out): how many different sectors those organisations are in
 *
 * One event's reach, counted as the events' figures count "Organisations reached" and
 * "Sectors reached" for a period (ti_event_figure_definitions()).
 *
 * Returns: %TRUE with the counts set; %FALSE with @error set
 */
gboolean
ti_events_count_reach (TiDatabase *db, gint64 event_id, guint *out_organisations,
                       guint *out_sectors, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (TI_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (out_organisations != NULL && out_sectors != NULL, FALSE);

  stmt = ti_database_prepare (db, reach_sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, event_id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return ti_database_set_error_from_sqlite (db, rc, _("reading the event"), error);
  *out_organisations = sqlite3_column_int (stmt, 0);
  *out_sectors = sqlite3_column_int (stmt, 1);
  return TRUE;
}

/* Each event held, as the figures count its invitations and attendances. */
static const char by_event_sql[] =
  "WITH " HELD_SQL
  " SELECT e.id, e.title, coalesce(sum(a.invited), 0), coalesce(sum(a.attended), 0),"
  "   e.starts_at"
  " FROM held h JOIN events e ON e.id = h.id"
  " LEFT JOIN event_attendance a ON a.event_id = e.id"
  " GROUP BY e.id ORDER BY e.starts_at, e.id";

static void
event_count_clear (gpointer data)
{
  g_free (((TiEventCount *) data)->title);
  g_free (((TiEventCount *) data)->starts_at);
}

static sqlite3_stmt *
prepare_held (TiDatabase *db, const char *sql, const TiPeriod *period, GError **error)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *now_text = g_date_time_format (now, "%Y-%m-%d %H:%M");
  sqlite3_stmt *stmt = ti_database_prepare (db, sql, error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, period->from, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, period->to_time, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, now_text, -1, SQLITE_TRANSIENT);
  return stmt;
}

/*
 * The events held in @period (as ti_period_init() made it), in date order, each with its
 * invitations and attendances as ti_event_figures_compute() counts them for the period.
 *
 * Returns: (transfer full) (element-type TiEventCount): the events, or %NULL with @error
 */
GArray *
ti_event_figures_by_event (TiDatabase *db, const TiPeriod *period, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = prepare_held (db, by_event_sql, period, error);
  g_autoptr (GArray) events = g_array_new (FALSE, TRUE, sizeof (TiEventCount));
  int rc;

  if (stmt == NULL)
    return NULL;
  g_array_set_clear_func (events, event_count_clear);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TiEventCount event = {
        .id = sqlite3_column_int64 (stmt, 0),
        .title = g_strdup ((const char *) sqlite3_column_text (stmt, 1)),
        .invitations = sqlite3_column_int (stmt, 2),
        .attendances = sqlite3_column_int (stmt, 3),
        .starts_at = g_strdup ((const char *) sqlite3_column_text (stmt, 4)),
      };

      g_array_append_val (events, event);
    }
  if (rc != SQLITE_DONE)
    {
      ti_database_set_error_from_sqlite (db, rc, _("computing the event figures"), error);
      return NULL;
    }
  return g_steal_pointer (&events);
}

/**
 * ti_event_figures_compute:
 * @from: (nullable): the period's first day, 'YYYY-MM-DD', or %NULL for no start
 * @to: (nullable): its last day, or %NULL for no end
 * @out: (out caller-allocates): the figures; clear with ti_event_figures_clear()
 *
 * Computes every event figure for the period, as ti_event_figure_definitions() defines
 * them.
 *
 * Returns: %TRUE with @out filled in; %FALSE with @error set when a date is not
 *   'YYYY-MM-DD' (%TI_TRAINING_FIGURES_ERROR_PERIOD) or the programme cannot be read
 */
gboolean
ti_event_figures_compute (TiDatabase *db, const char *from, const char *to, TiEventFigures *out,
                          GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  TiPeriod period;
  int rc;

  g_return_val_if_fail (TI_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  memset (out, 0, sizeof *out);
  if (!ti_period_init (&period, from, to, error))
    return FALSE;
  stmt = prepare_held (db, figures_sql, &period, error);
  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return ti_database_set_error_from_sqlite (db, rc, _("computing the event figures"), error);

  out->from = g_strdup (from);
  out->to = g_strdup (to);
  out->events_held = sqlite3_column_int (stmt, 0);
  out->invitations = sqlite3_column_int (stmt, 1);
  out->attendances = sqlite3_column_int (stmt, 2);
  out->attendance_mean = out->events_held > 0 ? (double) out->attendances / out->events_held
                                              : NAN;
  out->people_attending = sqlite3_column_int (stmt, 3);
  out->organisations_reached = sqlite3_column_int (stmt, 4);
  out->sectors_reached = sqlite3_column_int (stmt, 5);
  out->speakers_local = sqlite3_column_int (stmt, 6);
  out->speakers_national = sqlite3_column_int (stmt, 7);
  out->speakers_international = sqlite3_column_int (stmt, 8);
  out->feedback_count = sqlite3_column_int (stmt, 9);
  /* As avg() over the ratings: their sum (exact in a double) over their count. */
  out->feedback_mean = out->feedback_count > 0
                         ? sqlite3_column_double (stmt, 10) / out->feedback_count
                         : NAN;
  return TRUE;
}

/**
 * ti_event_figures_clear:
 * @figures: figures from ti_event_figures_compute()
 */
void
ti_event_figures_clear (TiEventFigures *figures)
{
  g_free (figures->from);
  g_free (figures->to);
  memset (figures, 0, sizeof *figures);
}

/**
 * ti_event_figures_free:
 * @figures: (nullable): figures from ti_event_figures_compute_finish()
 */
void
ti_event_figures_free (TiEventFigures *figures)
{
  if (figures == NULL)
    return;
  ti_event_figures_clear (figures);
  g_free (figures);
}

static gboolean
compute (TiDatabase *db, const char *from, const char *to, const char *as_of, gpointer out,
         GError **error)
{
  return ti_event_figures_compute (db, from, to, out, error);
}

/**
 * ti_event_figures_compute_async:
 * @db_path: the programme file; the worker opens its own read-only connection
 * @from: (nullable): as for ti_event_figures_compute(); copied
 * @to: (nullable): likewise
 *
 * Computes the figures in a worker thread.
 */
void
ti_event_figures_compute_async (const char *db_path, const char *from, const char *to,
                                GCancellable *cancellable, GAsyncReadyCallback callback,
                                gpointer user_data)
{
  ti_figures_compute_async (db_path, from, to, NULL, sizeof (TiEventFigures), compute,
                            (GDestroyNotify) ti_event_figures_free, cancellable, callback,
                            user_data);
}

/**
 * ti_event_figures_compute_finish:
 *
 * Returns: (transfer full) (nullable): the figures, to free with ti_event_figures_free(), or
 *   %NULL with @error set
 */
TiEventFigures *
ti_event_figures_compute_finish (GAsyncResult *result, GError **error)
{
  return ti_database_read_finish (result, error);
}
