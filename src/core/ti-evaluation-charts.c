/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ti-evaluation"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "ti-evaluation-private.h"
#include "ti-format.h"
#include "ti-reach-row.h"
#include "ti-review-status.h"
#include "ti-session.h"
#include "ti-vocabulary.h"

/*
 * The evaluation's charts, each a #TiSeries: the figures modules' figures broken down by
 * month, sector, tier, event or milestone, from what the modules counted them from (their
 * tallies and breakdowns), so that a chart's numbers add up to its headline. Each chart's
 * definition is in ti-evaluation.c.
 */

static const char *const chart_keys[] = {
  "completions_over_time",   "reach_by_sector",    "champions_over_time",
  "sessions_by_facilitator", "confidence_by_tier", "review_outcomes",
  "attendance_by_event",     "charter_by_sector",  "milestone_timeline",
};

static const char *const chart_titles[] = {
  N_ ("Completions over time"),
  N_ ("Tier 1 reach by sector"),
  N_ ("Active champions over time"),
  N_ ("Sessions by facilitator"),
  N_ ("Confidence before and after, by tier"),
  N_ ("Review outcomes"),
  N_ ("Attendance by event"),
  N_ ("Charter adoption by sector"),
  N_ ("Milestone timeline"),
};

G_STATIC_ASSERT (G_N_ELEMENTS (chart_keys) == G_N_ELEMENTS (chart_titles));

/* Adds @series as the chart of its key; takes it. */
static void
add_chart (TiEvaluation *evaluation, TiSeries *series)
{
  TiChartFigure *chart = g_new0 (TiChartFigure, 1);
  const char *key = ti_series_get_key (series);

  for (guint i = 0; i < G_N_ELEMENTS (chart_keys); i++)
    if (g_str_equal (chart_keys[i], key))
      {
        chart->key = chart_keys[i];
        chart->title = g_strdup (_ (chart_titles[i]));
      }
  g_assert (chart->key != NULL);
  chart->series = series;
  chart->outcomes = ti_evaluation_outcomes_of (key);
  g_ptr_array_add (evaluation->charts, chart);
}

/* A new series of @n_categories with the series named as given (translated, %NULL-ended). */
static TiSeries *
series_new (const char *key, TiSeriesFormat format, guint n_categories, const char *name, ...)
{
  TiSeries *series;
  va_list names;
  guint n = 0;

  va_start (names, name);
  for (const char *next = name; next != NULL; next = va_arg (names, const char *))
    n++;
  va_end (names);
  series = ti_series_new (key, format, n_categories, n);
  va_start (names, name);
  n = 0;
  for (const char *next = name; next != NULL; next = va_arg (names, const char *))
    ti_series_set_series_name (series, n++, next);
  va_end (names);
  return series;
}

/* A category that is a record: its title, keyed by its id in decimal. */
static void
set_record_category (TiSeries *series, guint category, const char *title, gint64 id)
{
  char key[24];

  g_snprintf (key, sizeof key, "%" G_GINT64_FORMAT, id);
  ti_series_set_category (series, category, title, key);
}

/* The month (ti_month_number()) of the last day on or before @day (a 'YYYY-MM-DD'). */
static int
month_of (const char *day)
{
  return ti_month_number (day);
}

/* The last day of @month (ti_month_number()), as 'YYYY-MM-DD'. */
static void
month_end (int month, char out[11])
{
  int year = month / 12, m = month % 12 + 1;

  g_snprintf (out, 11, "%04d-%02d-%02d", year, m, g_date_get_days_in_month (m, year));
}

static gboolean
is_open (const char *day, const char *open)
{
  return strcmp (day, open) == 0;
}

/* The months of the period: its own months where it has an end, the first and last month
 * of @data_first..@data_last (months with data; -1 when none) where it is open. Returns
 * how many months, from *@first. */
static guint
period_months (const TiPeriod *period, int data_first, int data_last, int *first)
{
  int last;

  *first = is_open (period->from, "0000-01-01") ? data_first : month_of (period->from);
  last = is_open (period->to, "9999-12-31") ? data_last : month_of (period->to);
  if (*first < 0 || last < 0 || last < *first)
    return 0;
  return (guint)(last - *first + 1);
}

static void
set_month_categories (TiSeries *series, int first, guint n)
{
  for (guint i = 0; i < n; i++)
    {
      int month = first + (int)i;

      ti_series_set_category_month (series, i, month / 12, month % 12 + 1);
    }
}

static void
add_completions_over_time (TiEvaluation *evaluation, const TiEvaluationSources *sources)
{
  g_autoptr (GListModel) tier1 = ti_tier1_tally_rows (sources->breakdown.tier1, TI_REACH_BY_MONTH);
  GArray *sessions = sources->breakdown.completions_by_month;
  guint n_tier1 = g_list_model_get_n_items (tier1);
  int data_first = -1, data_last = -1, first;
  guint n;
  TiSeries *series;
  double sums[3] = { 0, 0, 0 };
  guint next_tier1 = 0, next_session = 0;

  /* Tier 1's months run from its first completion to its last; the sessions' are those with
   * completions, in order. */
  if (n_tier1 > 0)
    {
      g_autoptr (TiReachRow) row_first = g_list_model_get_item (tier1, 0);
      g_autoptr (TiReachRow) row_last = g_list_model_get_item (tier1, n_tier1 - 1);

      data_first = month_of (ti_reach_row_get_key (row_first));
      data_last = month_of (ti_reach_row_get_key (row_last));
    }
  if (sessions->len > 0)
    {
      int a = g_array_index (sessions, TiMonthCompletions, 0).month;
      int b = g_array_index (sessions, TiMonthCompletions, sessions->len - 1).month;

      data_first = data_first < 0 ? a : MIN (data_first, a);
      data_last = MAX (data_last, b);
    }
  n = period_months (&sources->period, data_first, data_last, &first);

  series = series_new ("completions_over_time", TI_SERIES_FORMAT_COUNT, n, _ ("Tier 1"),
                       _ ("Tier 2"), _ ("Tier 3"), NULL);
  set_month_categories (series, first, n);
  for (guint i = 0; i < n; i++)
    {
      int month = first + (int)i;

      for (; next_tier1 < n_tier1; next_tier1++)
        {
          g_autoptr (TiReachRow) row = g_list_model_get_item (tier1, next_tier1);

          if (month_of (ti_reach_row_get_key (row)) > month)
            break;
          sums[0] += ti_reach_row_get_completions (row);
        }
      for (; next_session < sessions->len; next_session++)
        {
          const TiMonthCompletions *m = &g_array_index (sessions, TiMonthCompletions, next_session);

          if (m->month > month)
            break;
          sums[1] += m->completions[0];
          sums[2] += m->completions[1];
        }
      for (guint s = 0; s < 3; s++)
        ti_series_set_value (series, s, i, sums[s]);
    }
  add_chart (evaluation, series);
}

static void
add_reach_by_sector (TiEvaluation *evaluation, const TiEvaluationSources *sources)
{
  g_autoptr (GListModel) rows = ti_tier1_tally_rows (sources->breakdown.tier1, TI_REACH_BY_SECTOR);
  guint n = g_list_model_get_n_items (rows);
  TiSeries *series
    = series_new ("reach_by_sector", TI_SERIES_FORMAT_PERCENT, n, _ ("Tier 1 reach"), NULL);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (TiReachRow) row = g_list_model_get_item (rows, i);
      double reach = ti_reach_row_get_reach (row);

      ti_series_set_category (series, i, ti_reach_row_get_label (row), ti_reach_row_get_key (row));
      ti_series_set_value (series, 0, i, reach < 0 ? NAN : reach);
    }
  add_chart (evaluation, series);
}

static void
add_champions_over_time (TiEvaluation *evaluation, const TiEvaluationSources *sources)
{
  const TiNetworkTally *tally = sources->network_tally;
  const char *on = sources->network.on;
  int data_first = -1, first;
  guint n;
  TiSeries *series;

  /* Open: from the first champion's month to the month the network stands on. */
  for (guint i = 0; i < tally->champions->len; i++)
    {
      const char *since = g_array_index (tally->champions, TiNetworkChampion, i).since;

      if (since[0] != '\0' && (data_first < 0 || month_of (since) < data_first))
        data_first = month_of (since);
    }
  n = period_months (&sources->period, data_first, month_of (on), &first);
  /* Never past the day the network stands on. */
  if (n > 0 && first + (int)n - 1 > month_of (on))
    n = month_of (on) < first ? 0 : (guint)(month_of (on) - first + 1);

  series
    = series_new ("champions_over_time", TI_SERIES_FORMAT_COUNT, n, _ ("Active champions"), NULL);
  set_month_categories (series, first, n);
  for (guint i = 0; i < n; i++)
    {
      char day[11];

      month_end (first + (int)i, day);
      if (strcmp (day, on) > 0)
        memcpy (day, on, sizeof day);
      ti_series_set_value (series, 0, i, ti_network_tally_count_active (tally, day));
    }
  add_chart (evaluation, series);
}

static void
add_sessions_by_facilitator (TiEvaluation *evaluation, const TiEvaluationSources *sources)
{
  static const char *const kinds[TI_FACILITATOR_N_KINDS]
    = { "coordinator", "psychologist", "champion" };
  TiSeries *series = series_new ("sessions_by_facilitator", TI_SERIES_FORMAT_COUNT,
                                 TI_FACILITATOR_N_KINDS, _ ("Tier 2"), _ ("Tier 3"), NULL);

  for (guint k = 0; k < TI_FACILITATOR_N_KINDS; k++)
    {
      ti_series_set_category (series, k, ti_facilitator_kind_label (kinds[k]), kinds[k]);
      for (guint t = 0; t < 2; t++)
        ti_series_set_value (series, t, k, sources->breakdown.tiers[t].by_facilitator[k]);
    }
  add_chart (evaluation, series);
}

static void
add_confidence_by_tier (TiEvaluation *evaluation, const TiEvaluationSources *sources)
{
  TiSeries *series
    = series_new ("confidence_by_tier", TI_SERIES_FORMAT_SCORE, 2, _ ("Before"), _ ("After"), NULL);

  ti_series_set_category (series, 0, _ ("Tier 2"), "tier2");
  ti_series_set_category (series, 1, _ ("Tier 3"), "tier3");
  for (guint t = 0; t < 2; t++)
    {
      ti_series_set_value (series, 0, t, ti_tier_count_mean_before (&sources->breakdown.tiers[t]));
      ti_series_set_value (series, 1, t, ti_tier_count_mean_after (&sources->breakdown.tiers[t]));
    }
  add_chart (evaluation, series);
}

/* Delivered sessions of the period by review status, on the starts_at index. */
static const char review_sql[] = "SELECT review_status, count(*) FROM sessions"
                                 " WHERE starts_at BETWEEN ?1 AND ?2 AND status = 'delivered'"
                                 " GROUP BY review_status";

static gboolean
add_review_outcomes (TiEvaluation *evaluation, TiDatabase *db, const TiEvaluationSources *sources,
                     GError **error)
{
  static const TiReviewStatus statuses[]
    = { TI_REVIEW_APPROVED, TI_REVIEW_CHANGES_REQUESTED, TI_REVIEW_AWAITING };
  g_autoptr (sqlite3_stmt) stmt = ti_database_prepare (db, review_sql, error);
  g_autoptr (TiSeries) series = NULL;
  int rc;

  if (stmt == NULL)
    return FALSE;
  series = series_new ("review_outcomes", TI_SERIES_FORMAT_COUNT, G_N_ELEMENTS (statuses),
                       _ ("Sessions"), NULL);
  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    {
      ti_series_set_category (series, i, ti_review_status_label (statuses[i]),
                              ti_review_status_key (statuses[i]));
      ti_series_set_value (series, 0, i, 0);
    }
  sqlite3_bind_text (stmt, 1, sources->period.from, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, sources->period.to_time, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *key = (const char *)sqlite3_column_text (stmt, 0);

      for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
        if (g_strcmp0 (key, ti_review_status_key (statuses[i])) == 0)
          ti_series_set_value (series, 0, i, sqlite3_column_int (stmt, 1));
    }
  if (rc != SQLITE_DONE)
    return ti_database_set_error_from_sqlite (db, rc, _ ("computing the evaluation"), error);
  add_chart (evaluation, g_steal_pointer (&series));
  return TRUE;
}

static gboolean
add_attendance_by_event (TiEvaluation *evaluation, TiDatabase *db,
                         const TiEvaluationSources *sources, GError **error)
{
  g_autoptr (GArray) events = ti_event_figures_by_event (db, &sources->period, error);
  TiSeries *series;

  if (events == NULL)
    return FALSE;
  series = series_new ("attendance_by_event", TI_SERIES_FORMAT_COUNT, events->len, _ ("Invited"),
                       _ ("Attended"), NULL);
  for (guint i = 0; i < events->len; i++)
    {
      const TiEventCount *event = &g_array_index (events, TiEventCount, i);
      g_autofree char *day = ti_format_date (event->starts_at);
      /* Translators: an event in a chart: its date, then its title; events of the same title
       * are told apart by their date, which comes first so that it is never cut */
      g_autofree char *label = g_strdup_printf (_ ("%s · %s"), day, event->title);

      set_record_category (series, i, label, event->id);
      ti_series_set_value (series, 0, i, event->invitations);
      ti_series_set_value (series, 1, i, event->attendances);
    }
  add_chart (evaluation, series);
  return TRUE;
}

static void
add_charter_by_sector (TiEvaluation *evaluation, const TiEvaluationSources *sources)
{
  /* In the order the chart stacks them: furthest first. */
  static const TiCharterStage stages[]
    = { TI_CHARTER_STAGE_SIGNED, TI_CHARTER_STAGE_CONSULTATION, TI_CHARTER_STAGE_NOT_STARTED };
  const TiNetworkTally *tally = sources->network_tally;
  guint n_organisations = tally->organisations->len;
  g_autofree TiCharterStage *stage_of = g_new0 (TiCharterStage, n_organisations);
  guint n_sectors, n = 0;
  const TiTerm *sectors = ti_vocabulary_sectors (&n_sectors);
  g_autofree guint *counts = g_new0 (guint, n_sectors * G_N_ELEMENTS (stages));
  g_autofree gboolean *any = g_new0 (gboolean, n_sectors);
  TiSeries *series;

  ti_network_tally_charter_stages (tally, sources->network.on, stage_of);
  for (guint i = 0; i < n_organisations; i++)
    {
      const TiNetworkOrganisation *o = TI_NETWORK_ORGANISATION (tally, i);

      if (!TI_NETWORK_IS_TOP_LEVEL (tally, i))
        continue;
      for (guint k = 0; k < n_sectors; k++)
        if (g_strcmp0 (sectors[k].key, o->sector) == 0)
          for (guint s = 0; s < G_N_ELEMENTS (stages); s++)
            if (stages[s] == stage_of[i])
              {
                counts[k * G_N_ELEMENTS (stages) + s]++;
                any[k] = TRUE;
              }
    }
  for (guint k = 0; k < n_sectors; k++)
    n += any[k];

  series = ti_series_new ("charter_by_sector", TI_SERIES_FORMAT_COUNT, n, G_N_ELEMENTS (stages));
  for (guint s = 0; s < G_N_ELEMENTS (stages); s++)
    ti_series_set_series_name (series, s,
                               ti_charter_stage_label (ti_charter_stage_key (stages[s])));
  for (guint k = 0, c = 0; k < n_sectors; k++)
    {
      if (!any[k])
        continue;
      ti_series_set_category (series, c, _ (sectors[k].label), sectors[k].key);
      for (guint s = 0; s < G_N_ELEMENTS (stages); s++)
        ti_series_set_value (series, s, c, counts[k * G_N_ELEMENTS (stages) + s]);
      c++;
    }
  add_chart (evaluation, series);
}

static void
add_milestone_timeline (TiEvaluation *evaluation, const TiEvaluationSources *sources)
{
  GArray *all = sources->milestone_list;
  g_autoptr (GPtrArray) shown = g_ptr_array_new ();
  TiSeries *series;

  /* The milestones the headline counts: due in the period (all, when it is open). */
  for (guint i = 0; i < all->len; i++)
    if (ti_milestone_due_in (g_array_index (all, TiEvaluationMilestone, i).due_month,
                             &sources->period))
      g_ptr_array_add (shown, &g_array_index (all, TiEvaluationMilestone, i));

  series = series_new ("milestone_timeline", TI_SERIES_FORMAT_MONTH, shown->len, _ ("Due"),
                       _ ("Done"), NULL);
  for (guint i = 0; i < shown->len; i++)
    {
      const TiEvaluationMilestone *m = g_ptr_array_index (shown, i);

      set_record_category (series, i, m->title, m->id);
      ti_series_set_category_group (series, i, m->workstream);
      ti_series_set_category_state (series, i, m->status, ti_milestone_status_label (m->status));
      ti_series_set_value (series, 0, i, month_of (m->due_month));
      ti_series_set_value (series, 1, i,
                           ti_milestone_status_is_done (m->status) ? month_of (m->done_on) : NAN);
    }
  add_chart (evaluation, series);
}

/* Adds the charts, in the order the page shows them. */
gboolean
ti_evaluation_add_charts (TiEvaluation *evaluation, TiDatabase *db,
                          const TiEvaluationSources *sources, GError **error)
{
  add_completions_over_time (evaluation, sources);
  add_reach_by_sector (evaluation, sources);
  add_champions_over_time (evaluation, sources);
  add_sessions_by_facilitator (evaluation, sources);
  add_confidence_by_tier (evaluation, sources);
  if (!add_review_outcomes (evaluation, db, sources, error)
      || !add_attendance_by_event (evaluation, db, sources, error))
    return FALSE;
  add_charter_by_sector (evaluation, sources);
  add_milestone_timeline (evaluation, sources);
  return TRUE;
}
