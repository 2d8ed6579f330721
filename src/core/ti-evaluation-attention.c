/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ti-evaluation"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "ti-evaluation-private.h"
#include "ti-format.h"
#include "ti-reviews.h"
#include "ti-vocabulary.h"

/*
 * "Needs attention": what the coordinator should look at today, whatever the period. Each
 * kind is one indexed query (or the network tally), its records most urgent first:
 *
 * - reviews overdue: delivered sessions awaiting review whose age in the review queue (days
 *   from the session's day to today) is over 14 days; the oldest first;
 * - sessions soon: planned sessions starting from today to 7 days ahead, both included;
 *   the soonest first;
 * - events soon: events starting from today to 7 days ahead; the soonest first;
 * - milestones: at risk or late today (ti_milestone_status_as_of()); late ones first, each
 *   group by due month;
 * - quiet champions: champions active today (the network's rule) who joined before the day
 *   six months before today and whose newest activity on or before today — facilitating a
 *   session that was not cancelled, attending a session, attending an event — came before
 *   that day too; activity on that very day is within the six months. Erased people are
 *   left out: there is nobody to contact. Those with no activity at all first, then the
 *   quietest longest;
 * - organisations without a champion: top-level organisations with no champion active
 *   today in themselves or their directorates; the largest workforce first, then by name.
 */

static void
record_free (gpointer data)
{
  TiAttentionRecord *record = data;

  g_free (record->title);
  g_free (record->subtitle);
  g_free (record);
}

/* Adds a record; takes @subtitle. */
static void
add_record (GPtrArray *records, gint64 id, const char *title, char *subtitle)
{
  TiAttentionRecord *record = g_new0 (TiAttentionRecord, 1);

  record->id = id;
  record->title = g_strdup (title);
  record->subtitle = subtitle;
  g_ptr_array_add (records, record);
}

/* Adds the item of @kind, titled @format ("%s sessions…", in the plural form for the count)
 * with its count as people read figures ("1,204"), when it has records; takes @records. */
static void
add_attention (TiEvaluation *evaluation, TiAttentionKind kind, const char *format,
               GPtrArray *records)
{
  TiAttention *attention;

  if (records->len == 0)
    {
      g_ptr_array_unref (records);
      return;
    }
  attention = g_new0 (TiAttention, 1);
  attention->kind = kind;
  {
    g_autofree char *count = ti_format_count (records->len);

    attention->title = g_strdup_printf (format, count);
  }
  attention->records = records;
  g_ptr_array_add (evaluation->attention, attention);
}

static GPtrArray *
records_new (void)
{
  return g_ptr_array_new_with_free_func (record_free);
}

static gboolean
failed (TiDatabase *db, int rc, GError **error)
{
  return ti_database_set_error_from_sqlite (db, rc, _ ("finding what needs attention"), error);
}

/* "Tier 2 · 12 Mar 2024", and the time when @with_time. */
static char *
tier_and_day (int tier, const char *starts_at, gboolean with_time)
{
  g_autofree char *day = ti_format_date (starts_at);

  if (with_time && starts_at != NULL && strlen (starts_at) >= 16)
    /* Translators: a session's tier, day and time: "Tier 2 · 12 Mar 2024 · 09:30" */
    return g_strdup_printf (_ ("Tier %d · %s · %s"), tier, day, starts_at + 11);
  /* Translators: a session's tier and day: "Tier 2 · 12 Mar 2024" */
  return g_strdup_printf (_ ("Tier %d · %s"), tier, day);
}

/* Delivered sessions awaiting review, oldest first, on the (review_status, starts_at) index. */
static const char awaiting_sql[] = "SELECT id, tier, title, starts_at FROM sessions"
                                   " WHERE review_status = 'awaiting' AND status = 'delivered'"
                                   " ORDER BY starts_at, id";

static gboolean
add_reviews_overdue (TiEvaluation *evaluation, TiDatabase *db, const GDate *today, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = ti_database_prepare (db, awaiting_sql, error);
  GPtrArray *records;
  int rc;

  if (stmt == NULL)
    return FALSE;
  records = records_new ();
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *starts_at = (const char *)sqlite3_column_text (stmt, 3);
      int age = ti_review_age_days (starts_at, today);
      g_autofree char *when = NULL;

      /* Oldest first: the first one young enough ends the list. */
      if (age <= TI_ATTENTION_REVIEW_DAYS)
        break;
      when = tier_and_day (sqlite3_column_int (stmt, 1), starts_at, FALSE);
      add_record (records, sqlite3_column_int64 (stmt, 0),
                  (const char *)sqlite3_column_text (stmt, 2),
                  /* Translators: "Tier 2 · 12 Mar 2024 · 31 days waiting" */
                  g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s · %d day waiting",
                                                "%s · %d days waiting", age),
                                   when, age));
    }
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      g_ptr_array_unref (records);
      return failed (db, rc, error);
    }
  add_attention (evaluation, TI_ATTENTION_REVIEW_OVERDUE,
                 g_dngettext (GETTEXT_PACKAGE, "%s session awaiting review for over 14 days",
                              "%s sessions awaiting review for over 14 days", records->len),
                 records);
  return TRUE;
}

/* ?1 today, ?2 the last minute of the seventh day ahead: on the starts_at indexes. */
static const char sessions_soon_sql[] = "SELECT id, tier, title, starts_at FROM sessions"
                                        " WHERE starts_at BETWEEN ?1 AND ?2"
                                        "   AND status = 'planned'"
                                        " ORDER BY starts_at, id";
static const char events_soon_sql[] = "SELECT id, 0, title, starts_at FROM events"
                                      " WHERE starts_at BETWEEN ?1 AND ?2"
                                      " ORDER BY starts_at, id";

static gboolean
add_soon (TiEvaluation *evaluation, TiDatabase *db, TiAttentionKind kind, const char *today,
          const char *last, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = ti_database_prepare (
    db, kind == TI_ATTENTION_SESSION_SOON ? sessions_soon_sql : events_soon_sql, error);
  GPtrArray *records;
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, today, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, last, -1, SQLITE_STATIC);
  records = records_new ();
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *starts_at = (const char *)sqlite3_column_text (stmt, 3);
      g_autofree char *day = ti_format_date (starts_at);
      char *subtitle = kind == TI_ATTENTION_SESSION_SOON
                         ? tier_and_day (sqlite3_column_int (stmt, 1), starts_at, TRUE)
                         /* Translators: an event's day and time, "22 May 2024 · 10:00" */
                         : g_strdup_printf (_ ("%s · %s"), day, starts_at + 11);

      add_record (records, sqlite3_column_int64 (stmt, 0),
                  (const char *)sqlite3_column_text (stmt, 2), subtitle);
    }
  if (rc != SQLITE_DONE)
    {
      g_ptr_array_unref (records);
      return failed (db, rc, error);
    }
  if (kind == TI_ATTENTION_SESSION_SOON)
    add_attention (evaluation, kind,
                   g_dngettext (GETTEXT_PACKAGE, "%s session in the next 7 days",
                                "%s sessions in the next 7 days", records->len),
                   records);
  else
    add_attention (evaluation, kind,
                   g_dngettext (GETTEXT_PACKAGE, "%s event in the next 7 days",
                                "%s events in the next 7 days", records->len),
                   records);
  return TRUE;
}

static void
add_milestones (TiEvaluation *evaluation, const TiEvaluationSources *sources)
{
  GArray *all = sources->milestone_list;
  GPtrArray *records = records_new ();

  /* Late ones first, then those at risk; each by due month. */
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < all->len; i++)
      {
        const TiEvaluationMilestone *m = &g_array_index (all, TiEvaluationMilestone, i);
        g_autofree char *due = NULL;

        if (m->status != (pass == 0 ? TI_MILESTONE_LATE : TI_MILESTONE_AT_RISK))
          continue;
        due = ti_format_month (m->due_month);
        add_record (records, m->id, m->title,
                    /* Translators: "Late · due Mar 2024 · Training" */
                    g_strdup_printf (_ ("%s · due %s · %s"), ti_milestone_status_label (m->status),
                                     due, m->workstream));
      }
  add_attention (evaluation, TI_ATTENTION_MILESTONE,
                 g_dngettext (GETTEXT_PACKAGE, "%s milestone at risk or late",
                              "%s milestones at risk or late", records->len),
                 records);
}

/* 'YYYY-MM-DD', or "" for none. */
typedef char Day[11];

/* The newest activity on or before today's last minute of each champion: facilitating a
 * session that was not cancelled, attending a session, attending an event. The sessions are
 * read once (a scan, in id order) and each activity looks its session up in C, rather than
 * SQLite looking a session up for every facilitator and attendee: the facilitators are a
 * scan of a small table, the sessions attended are the champions' rows of the
 * attendance_person index, the events attended a scan of the event lists in event order. */
static const char session_days_sql[]
  = "SELECT id, starts_at, status = 'cancelled' FROM sessions ORDER BY id";
static const char facilitated_sql[] = "SELECT person_id, session_id FROM session_facilitators";
static const char attended_sql[]
  = "SELECT a.person_id, a.session_id FROM champions c"
    "  CROSS JOIN attendance a ON a.person_id = c.person_id WHERE a.attended";
static const char events_attended_sql[]
  = "SELECT a.person_id, e.starts_at FROM events e"
    "  CROSS JOIN event_attendance a ON a.event_id = e.id"
    "  WHERE a.attended AND e.starts_at <= ?1";

/* A session that started on or before today's last minute: its day, and whether it was
 * cancelled. */
typedef struct
{
  gint64 id;
  Day day;
  gboolean cancelled;
} SessionDay;

static int
compare_session (const void *key, const void *element)
{
  gint64 id = *(const gint64 *)key;
  gint64 other = ((const SessionDay *)element)->id;

  return (id > other) - (id < other);
}

/* What the activity is read into: the sessions by id, and each champion's newest day. */
typedef struct
{
  const TiNetworkTally *tally;
  GArray *sessions; /* of SessionDay, by id */
  Day *newest;      /* by the champion's place in the tally */
} Activity;

static const SessionDay *
find_session (const Activity *activity, gint64 id)
{
  /* An empty GArray's data is NULL, which bsearch must not be given. */
  if (activity->sessions->len == 0)
    return NULL;
  return bsearch (&id, activity->sessions->data, activity->sessions->len, sizeof (SessionDay),
                  compare_session);
}

/* Keeps @when ('YYYY-MM-DD…') as @person_id's newest day when they are a champion and it is
 * newer. */
static void
note_activity (Activity *activity, gint64 person_id, const char *when)
{
  const TiNetworkTally *tally = activity->tally;
  const TiNetworkChampion *champion = ti_network_tally_find_champion (tally, person_id);
  char *day;

  if (champion == NULL || when == NULL)
    return;
  day = activity->newest[champion - (const TiNetworkChampion *)(gpointer)tally->champions->data];
  if (strncmp (when, day, 10) > 0)
    g_strlcpy (day, when, sizeof (Day));
}

/* Steps @sql (bound to @last_minute when it has a parameter) and hands each row to @row. */
static gboolean
read_rows (TiDatabase *db, const char *sql, const char *last_minute, Activity *activity,
           void (*row) (Activity *activity, sqlite3_stmt *stmt, const char *last_minute),
           GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = ti_database_prepare (db, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  if (sqlite3_bind_parameter_count (stmt) > 0)
    sqlite3_bind_text (stmt, 1, last_minute, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    row (activity, stmt, last_minute);
  if (rc != SQLITE_DONE)
    return failed (db, rc, error);
  return TRUE;
}

static void
session_day_row (Activity *activity, sqlite3_stmt *stmt, const char *last_minute)
{
  const char *starts_at = (const char *)sqlite3_column_text (stmt, 1);
  SessionDay session = {
    .id = sqlite3_column_int64 (stmt, 0),
    .cancelled = sqlite3_column_int (stmt, 2),
  };

  if (starts_at == NULL || strcmp (starts_at, last_minute) > 0)
    return;
  g_strlcpy (session.day, starts_at, sizeof session.day);
  g_array_append_val (activity->sessions, session);
}

static void
facilitated_row (Activity *activity, sqlite3_stmt *stmt, const char *last_minute)
{
  const SessionDay *session = find_session (activity, sqlite3_column_int64 (stmt, 1));

  if (session != NULL && !session->cancelled)
    note_activity (activity, sqlite3_column_int64 (stmt, 0), session->day);
}

static void
attended_row (Activity *activity, sqlite3_stmt *stmt, const char *last_minute)
{
  const SessionDay *session = find_session (activity, sqlite3_column_int64 (stmt, 1));

  if (session != NULL)
    note_activity (activity, sqlite3_column_int64 (stmt, 0), session->day);
}

static void
event_attended_row (Activity *activity, sqlite3_stmt *stmt, const char *last_minute)
{
  note_activity (activity, sqlite3_column_int64 (stmt, 0),
                 (const char *)sqlite3_column_text (stmt, 1));
}

/* A quiet champion: their place in the tally and their newest activity's day ("" for
 * none). */
typedef struct
{
  const TiNetworkChampion *champion;
  const char *newest;
} Quiet;

static int
compare_quiet (gconstpointer a, gconstpointer b)
{
  const Quiet *x = a, *y = b;
  int by_day = strcmp (x->newest, y->newest);

  if (by_day != 0)
    return by_day;
  return (x->champion->person_id > y->champion->person_id)
         - (x->champion->person_id < y->champion->person_id);
}

/* Each champion's newest activity day, "" for none, by their place in the tally. */
static gboolean
read_newest (TiDatabase *db, const TiEvaluationSources *sources, Day *newest, GError **error)
{
  g_autoptr (GArray) sessions = g_array_new (FALSE, FALSE, sizeof (SessionDay));
  Activity activity = { sources->network_tally, sessions, newest };
  char last_minute[17];

  g_snprintf (last_minute, sizeof last_minute, "%s 23:59", sources->today);
  return read_rows (db, session_days_sql, last_minute, &activity, session_day_row, error)
         && read_rows (db, facilitated_sql, last_minute, &activity, facilitated_row, error)
         && read_rows (db, attended_sql, last_minute, &activity, attended_row, error)
         && read_rows (db, events_attended_sql, last_minute, &activity, event_attended_row,
                       error);
}

static gboolean
add_quiet_champions (TiEvaluation *evaluation, TiDatabase *db, const TiEvaluationSources *sources,
                     const GDate *today, GError **error)
{
  const TiNetworkTally *tally = sources->network_tally;
  guint n = tally->champions->len;
  g_autofree Day *newest = g_new0 (Day, n);
  g_autoptr (GArray) quiet = g_array_new (FALSE, FALSE, sizeof (Quiet));
  char cutoff[11];
  GDate six_months_ago = *today;
  GPtrArray *records;

  if (!read_newest (db, sources, newest, error))
    return FALSE;
  g_date_subtract_months (&six_months_ago, TI_ATTENTION_QUIET_MONTHS);
  g_date_strftime (cutoff, sizeof cutoff, "%Y-%m-%d", &six_months_ago);
  for (guint i = 0; i < n; i++)
    {
      const TiNetworkChampion *champion = &g_array_index (tally->champions, TiNetworkChampion, i);
      Quiet q = { champion, newest[i] };

      if (!champion->erased && strcmp (champion->since, cutoff) < 0
          && strcmp (newest[i], cutoff) < 0
          && ti_network_champion_is_active (champion, sources->today))
        g_array_append_val (quiet, q);
    }

  g_array_sort (quiet, compare_quiet);
  records = records_new ();
  for (guint i = 0; i < quiet->len; i++)
    {
      const Quiet *q = &g_array_index (quiet, Quiet, i);
      g_autofree char *when = NULL;
      char *subtitle;

      if (q->newest[0] == '\0')
        when = g_strdup (_ ("No activity recorded"));
      else
        {
          g_autofree char *day = ti_format_date (q->newest);

          /* Translators: a champion's newest activity, "Last active 14 Nov 2023" */
          when = g_strdup_printf (_ ("Last active %s"), day);
        }
      subtitle
        = q->champion->organisation >= 0 ? g_strdup_printf (
            "%s · %s", when, TI_NETWORK_ORGANISATION (tally, q->champion->organisation)->name)
                                         : g_steal_pointer (&when);
      add_record (records, q->champion->person_id, q->champion->name, subtitle);
    }
  add_attention (evaluation, TI_ATTENTION_QUIET_CHAMPION,
                 g_dngettext (GETTEXT_PACKAGE, "%s champion with no activity for 6 months",
                              "%s champions with no activity for 6 months", records->len),
                 records);
  return TRUE;
}

static int
compare_workforce (gconstpointer a, gconstpointer b, gpointer data)
{
  const TiNetworkTally *tally = data;
  gint64 x = TI_NETWORK_ORGANISATION (tally, *(const guint *)a)->headcount;
  gint64 y = TI_NETWORK_ORGANISATION (tally, *(const guint *)b)->headcount;

  return (x < y) - (x > y);
}

static void
add_organisations_without_champion (TiEvaluation *evaluation, const TiEvaluationSources *sources)
{
  const TiNetworkTally *tally = sources->network_tally;
  guint n = tally->organisations->len;
  g_autofree gboolean *rooted = g_new0 (gboolean, n);
  g_autoptr (GArray) order = g_array_new (FALSE, FALSE, sizeof (guint));
  GPtrArray *records = records_new ();

  ti_network_tally_mark_rooted (tally, sources->today, rooted);
  for (guint i = 0; i < n; i++)
    if (TI_NETWORK_IS_TOP_LEVEL (tally, i) && !rooted[i])
      g_array_append_val (order, i);
  /* The organisations are in name order; a stable sort keeps it among equals. */
  g_array_sort_with_data (order, compare_workforce, (gpointer)tally);
  for (guint k = 0; k < order->len; k++)
    {
      const TiNetworkOrganisation *o
        = TI_NETWORK_ORGANISATION (tally, g_array_index (order, guint, k));

      add_record (records, o->id, o->name,
                  g_strdup_printf ("%s · %s", ti_vocabulary_sector_label (o->sector),
                                   ti_vocabulary_locality_label (o->locality)));
    }
  add_attention (evaluation, TI_ATTENTION_ORGANISATION_WITHOUT_CHAMPION,
                 g_dngettext (GETTEXT_PACKAGE, "%s organisation without an active champion",
                              "%s organisations without an active champion", records->len),
                 records);
}

/* Adds what needs attention today, most urgent kinds first (the order of #TiAttentionKind). */
gboolean
ti_evaluation_add_attention (TiEvaluation *evaluation, TiDatabase *db,
                             const TiEvaluationSources *sources, GError **error)
{
  GDate today, last_day;
  char last[17];

  ti_date_parse (sources->today, &today);
  last_day = today;
  g_date_add_days (&last_day, TI_ATTENTION_SOON_DAYS);
  g_date_strftime (last, sizeof last, "%Y-%m-%d 23:59", &last_day);

  if (!add_reviews_overdue (evaluation, db, &today, error)
      || !add_soon (evaluation, db, TI_ATTENTION_SESSION_SOON, sources->today, last, error)
      || !add_soon (evaluation, db, TI_ATTENTION_EVENT_SOON, sources->today, last, error))
    return FALSE;
  add_milestones (evaluation, sources);
  if (!add_quiet_champions (evaluation, db, sources, &today, error))
    return FALSE;
  add_organisations_without_champion (evaluation, sources);
  return TRUE;
}
