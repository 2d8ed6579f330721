/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ti-overview"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "ti-format.h"
#include "ti-milestone-status.h"
#include "ti-network-figures-private.h"
#include "ti-overview.h"
#include "ti-programme-settings.h"
#include "ti-training-figures.h"
#include "ti-vocabulary.h"

#define SECTION_ROWS 8

static void
figure_free (gpointer data)
{
  TiFigure *figure = data;

  g_free (figure->label);
  g_free (figure->value);
  g_free (figure);
}

static void
record_free (gpointer data)
{
  TiRecord *record = data;

  g_free (record->title);
  g_free (record->subtitle);
  g_free (record->suffix);
  g_free (record);
}

static void
section_free (gpointer data)
{
  TiRecordSection *section = data;

  g_free (section->title);
  g_free (section->description);
  g_free (section->empty_text);
  g_ptr_array_unref (section->records);
  g_free (section);
}

void
ti_overview_free (TiOverview *overview)
{
  if (overview == NULL)
    return;
  g_ptr_array_unref (overview->figures);
  g_ptr_array_unref (overview->sections);
  g_free (overview);
}

/* The period every evaluation figure is computed over, as ISO dates for binding. */
typedef struct
{
  char start[11];
  char end[11];
} Period;

static int
compare_counts (gconstpointer a, gconstpointer b, gpointer data)
{
  const guint *counts = data;
  guint count_a = counts[*(const guint *) a], count_b = counts[*(const guint *) b];

  return count_a < count_b ? 1 : count_a > count_b ? -1 : 0;
}

static void
add_figure (TiOverview *overview, const char *label, char *value)
{
  TiFigure *figure = g_new0 (TiFigure, 1);

  figure->label = g_strdup (label);
  figure->value = value;
  g_ptr_array_add (overview->figures, figure);
}

static sqlite3_stmt *
prepare_with_period (TiDatabase *db, const char *sql, const Period *period, GError **error)
{
  sqlite3_stmt *stmt = ti_database_prepare (db, sql, error);

  if (stmt != NULL && period != NULL)
    {
      int n = sqlite3_bind_parameter_count (stmt);
      if (n >= 1)
        sqlite3_bind_text (stmt, 1, period->start, -1, SQLITE_TRANSIENT);
      if (n >= 2)
        sqlite3_bind_text (stmt, 2, period->end, -1, SQLITE_TRANSIENT);
    }
  return stmt;
}

static gboolean
add_count (TiOverview *overview, TiDatabase *db, const char *label, const char *sql,
           const Period *period, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = prepare_with_period (db, sql, period, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return ti_database_set_error_from_sqlite (db, rc, _("reading the programme"), error);
  add_figure (overview, label, ti_format_count (sqlite3_column_int64 (stmt, 0)));
  return TRUE;
}

/* @sql returns: title, subtitle, date (nullable, ISO, shown before the subtitle),
 * suffix (nullable). */
static gboolean
add_section (TiOverview *overview, TiDatabase *db, const char *title, const char *description,
             const char *empty_text, const char *sql, const Period *period, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = prepare_with_period (db, sql, period, error);
  TiRecordSection *section;
  int rc;

  if (stmt == NULL)
    return FALSE;

  section = g_new0 (TiRecordSection, 1);
  section->title = g_strdup (title);
  section->description = g_strdup (description);
  section->empty_text = g_strdup (empty_text);
  section->records = g_ptr_array_new_with_free_func (record_free);
  g_ptr_array_add (overview->sections, section);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TiRecord *record = g_new0 (TiRecord, 1);
      const char *subtitle = (const char *) sqlite3_column_text (stmt, 1);
      const char *date = (const char *) sqlite3_column_text (stmt, 2);

      record->title = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      if (date != NULL)
        {
          g_autofree char *when = ti_format_date (date);
          record->subtitle = subtitle && *subtitle ? g_strdup_printf ("%s · %s", when, subtitle)
                                                   : g_steal_pointer (&when);
        }
      else
        record->subtitle = g_strdup (subtitle);
      record->suffix = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      g_ptr_array_add (section->records, record);
    }
  if (rc != SQLITE_DONE)
    return ti_database_set_error_from_sqlite (db, rc, _("reading the programme"), error);
  return TRUE;
}

/* The organisations with the most champions active today, as the network figures count
 * them (ti-network-figures.c), each under its own organisation. */
static void
add_most_champions (TiOverview *o, const TiNetworkTally *tally, const char *today)
{
  guint n = tally->organisations->len;
  g_autofree guint *counts = g_new0 (guint, n);
  g_autoptr (GArray) order = g_array_new (FALSE, FALSE, sizeof (guint));
  TiRecordSection *section = g_new0 (TiRecordSection, 1);

  section->title = g_strdup (_("Organisations with the most champions"));
  section->description = g_strdup (_("Where the network is strongest"));
  section->empty_text = g_strdup (_("No organisation has a champion yet."));
  section->records = g_ptr_array_new_with_free_func (record_free);
  g_ptr_array_add (o->sections, section);

  for (guint i = 0; i < tally->champions->len; i++)
    {
      const TiNetworkChampion *c = &g_array_index (tally->champions, TiNetworkChampion, i);

      if (c->organisation >= 0 && ti_network_champion_is_active (c, today))
        counts[c->organisation]++;
    }
  for (guint i = 0; i < n; i++)
    if (counts[i] > 0)
      g_array_append_val (order, i);
  /* Most first; the organisations are in name order, and the sort keeps it among equals. */
  g_array_sort_with_data (order, compare_counts, counts);
  for (guint k = 0; k < MIN (order->len, SECTION_ROWS); k++)
    {
      guint i = g_array_index (order, guint, k);
      const TiNetworkOrganisation *organisation = TI_NETWORK_ORGANISATION (tally, i);
      TiRecord *record = g_new0 (TiRecord, 1);

      record->title = g_strdup (organisation->name);
      record->subtitle = g_strdup_printf ("%s · %s",
                                          ti_vocabulary_sector_label (organisation->sector),
                                          ti_vocabulary_locality_label (organisation->locality));
      record->suffix = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u champion",
                                                     "%u champions", counts[i]),
                                        counts[i]);
      g_ptr_array_add (section->records, record);
    }
}

static gboolean
load_network_map (TiOverview *o, TiDatabase *db, GError **error)
{
  g_autoptr (TiNetworkTally) tally = ti_network_tally_new (db, error);
  g_auto (TiNetworkFigures) figures = { 0 };
  char today[11];
  TiPeriod whole;

  /* The same figures as the Evaluation destination: the whole programme, as of today. */
  if (tally == NULL || !ti_period_init (&whole, NULL, NULL, error)
      || !ti_day_init (today, NULL, error))
    return FALSE;
  ti_network_figures_count (tally, NULL, NULL, &whole, today, &figures);
  add_figure (o, _("Organisations in the network"),
              ti_format_count (figures.organisations_in_network));
  add_figure (o, _("Active champions"), ti_format_count (figures.active_champions));
  add_figure (o, _("Sectors with a champion"), ti_format_count (figures.sectors_with_champion));
  add_figure (o, _("Charter signatories"), ti_format_count (figures.charter_signatories));
  add_most_champions (o, tally, today);
  return add_section (o, db, _("Charter adoption"),
                      _("Where each partner stands with the county charter"),
                      _("No organisation has started adopting the charter."),
                      "SELECT CASE stage WHEN 'not_started' THEN 'Not started'"
                      "  WHEN 'consultation' THEN 'In consultation'"
                      "  WHEN 'signed' THEN 'Signed' ELSE 'Review due' END,"
                      "  NULL, NULL, count(*) || ' organisations'"
                      " FROM charter_adoptions GROUP BY stage"
                      " ORDER BY CASE stage WHEN 'not_started' THEN 1 WHEN 'consultation'"
                      "  THEN 2 WHEN 'signed' THEN 3 ELSE 4 END",
                      NULL, error);
}

static gboolean
load_events (TiOverview *o, TiDatabase *db, GError **error)
{
  return add_count (o, db, _("Events"), "SELECT count(*) FROM events", NULL, error)
         && add_count (o, db, _("Attendances"),
                       "SELECT count(*) FROM event_attendance WHERE attended", NULL, error)
         && add_count (o, db, _("Guest speakers"), "SELECT count(*) FROM event_speakers", NULL,
                       error)
         && add_count (o, db, _("Engagement participants"),
                       "SELECT coalesce(sum(young_people + adults_lived_experience"
                       "  + parents_carers + professionals + community_members), 0)"
                       " FROM engagement_activities",
                       NULL, error)
         && add_section (o, db, _("Latest events"), _("Network events, workshops and webinars, newest first"),
                         _("No network event has been planned yet."),
                         "SELECT e.title, coalesce(e.venue, 'Online'), e.starts_at,"
                         "  CASE WHEN attended > 0 THEN attended || ' attended'"
                         "  ELSE invited || ' invited' END"
                         " FROM (SELECT e.*, (SELECT count(*) FROM event_attendance a"
                         "   WHERE a.event_id = e.id AND a.attended) AS attended,"
                         "   (SELECT count(*) FROM event_attendance a WHERE a.event_id = e.id"
                         "   AND a.invited) AS invited FROM events e) e"
                         " ORDER BY e.starts_at DESC LIMIT " G_STRINGIFY (SECTION_ROWS),
                         NULL, error)
         && add_section (o, db, _("Engagement with lived experience"),
                         _("The latest activities; participants are counted, never named"),
                         _("No engagement activity has been logged yet."),
                         "SELECT title, replace(kind, '_', ' '), held_on,"
                         "  (young_people + adults_lived_experience + parents_carers"
                         "   + professionals + community_members) || ' participants'"
                         " FROM engagement_activities ORDER BY held_on DESC"
                         " LIMIT " G_STRINGIFY (SECTION_ROWS),
                         NULL, error);
}

static gboolean
load_evaluation (TiOverview *o, TiDatabase *db, GError **error)
{
  g_autoptr (TiProgrammeSettings) settings = ti_programme_settings_load (db, error);
  g_auto (TiTrainingFigures) figures = { 0 };
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  g_autofree char *description = NULL;
  Period period;

  if (settings == NULL)
    return FALSE;
  g_date_strftime (period.start, sizeof period.start, "%Y-%m-%d", &settings->period_start);
  g_date_strftime (period.end, sizeof period.end, "%Y-%m-%d", &settings->period_end);

  /* The same figures as the Training tiers destination and the workbook: one formula each. */
  if (!ti_training_figures_compute (db, period.start, period.end, &figures, error))
    return FALSE;
  add_figure (o, _("Tier 1 completions in the period"), ti_format_count (figures.tier1_completions));
  add_figure (o, _("Tier 2/3 sessions delivered"),
              ti_format_count (figures.sessions_tier2 + figures.sessions_tier3));
  add_figure (o, _("Tier 2/3 attendees"), ti_format_count (figures.attendees));
  add_figure (o, _("Mean confidence change (1–5 scale)"),
              isnan (figures.confidence_change)
                ? g_strdup (_("No scores yet"))
                : ti_format_decimal (figures.confidence_change, 2, TRUE));

  start = ti_format_date (period.start);
  end = ti_format_date (period.end);
  description = g_strdup_printf (_("The programme timeline; figures above cover %s to %s"),
                                 start, end);

  return add_section (o, db, _("Milestones"), description,
                      _("No milestone has been set yet."),
                      "SELECT m.title, 'Due ' || month_label(m.due_month) || ' · ' || w.name, NULL,"
                      "  milestone_status_label(m.due_month, m.done_on)"
                      " FROM milestones m JOIN workstreams w ON w.id = m.workstream_id"
                      " ORDER BY m.due_month, w.position, m.id",
                      NULL, error);
}

static void
month_function (sqlite3_context *context, int argc, sqlite3_value **argv)
{
  const char *month = (const char *) sqlite3_value_text (argv[0]);

  sqlite3_result_text (context, month ? ti_format_month (month) : NULL, -1, g_free);
}

/* A milestone's status for today, from the one formula (ti_milestone_status_compute()). */
static void
milestone_status_function (sqlite3_context *context, int argc, sqlite3_value **argv)
{
  TiMilestoneStatus status
    = ti_milestone_status_compute ((const char *) sqlite3_value_text (argv[0]),
                                   (const char *) sqlite3_value_text (argv[1]), NULL);

  sqlite3_result_text (context, ti_milestone_status_label (status), -1, SQLITE_TRANSIENT);
}

/* Lets the queries show labels ("Jan 2023") rather than stored keys. */
static void
register_label_functions (TiDatabase *db)
{
  sqlite3 *handle = ti_database_get_handle (db);

  sqlite3_create_function (handle, "month_label", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL,
                           month_function, NULL, NULL);
  sqlite3_create_function (handle, "milestone_status_label", 2, SQLITE_UTF8, NULL,
                           milestone_status_function, NULL, NULL);
}

/**
 * ti_overview_load:
 *
 * Returns: (transfer full) (nullable): the destination's figures and latest records
 */
TiOverview *
ti_overview_load (TiDatabase *db, TiDestination destination, GError **error)
{
  g_autoptr (TiOverview) overview = g_new0 (TiOverview, 1);
  gboolean ok = FALSE;

  g_return_val_if_fail (TI_IS_DATABASE (db), NULL);
  /* Training tiers and Champions have views of their own records and figures. */
  g_return_val_if_fail (destination == TI_DESTINATION_NETWORK_MAP
                          || destination == TI_DESTINATION_EVENTS
                          || destination == TI_DESTINATION_EVALUATION,
                        NULL);

  overview->destination = destination;
  overview->figures = g_ptr_array_new_with_free_func (figure_free);
  overview->sections = g_ptr_array_new_with_free_func (section_free);

  register_label_functions (db);
  if (!ti_database_exec (db, "BEGIN", error))
    return NULL;

  overview->programme_empty = ti_overview_programme_is_empty (db, error);
  if (error == NULL || *error == NULL)
    switch (destination)
      {
      case TI_DESTINATION_NETWORK_MAP:
        ok = load_network_map (overview, db, error);
        break;
      case TI_DESTINATION_EVENTS:
        ok = load_events (overview, db, error);
        break;
      case TI_DESTINATION_EVALUATION:
        ok = load_evaluation (overview, db, error);
        break;
      case TI_DESTINATION_TRAINING_TIERS:
      case TI_DESTINATION_CHAMPIONS:
      case TI_N_DESTINATIONS:
      default:
        g_assert_not_reached ();
      }

  ti_database_rollback (db); /* a read: nothing to keep */
  return ok ? g_steal_pointer (&overview) : NULL;
}

/**
 * ti_overview_programme_is_empty:
 *
 * Returns: %TRUE when the programme has no organisations and no people yet
 */
gboolean
ti_overview_programme_is_empty (TiDatabase *db, GError **error)
{
  gint64 n = ti_database_count (
    db, "SELECT (SELECT count(*) FROM organisations) + (SELECT count(*) FROM people)", error);

  return n == 0;
}

static gpointer
read_overview (TiDatabase *db, gpointer data, GError **error)
{
  return ti_overview_load (db, GPOINTER_TO_UINT (data), error);
}

/**
 * ti_overview_load_async:
 * @db_path: the programme file, opened again read-only in a worker thread
 *
 * Loads a destination's overview off the main thread.
 */
void
ti_overview_load_async (const char *db_path, TiDestination destination,
                        GCancellable *cancellable, GAsyncReadyCallback callback,
                        gpointer user_data)
{
  ti_database_read_async (db_path, read_overview, GUINT_TO_POINTER (destination), NULL,
                          (GDestroyNotify) ti_overview_free, cancellable, callback, user_data);
}

/**
 * ti_overview_load_finish:
 *
 * Returns: (transfer full) (nullable): the overview, or %NULL with @error set
 */
TiOverview *
ti_overview_load_finish (GAsyncResult *result, GError **error)
{
  return ti_database_read_finish (result, error);
}
