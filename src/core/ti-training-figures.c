/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ti-training-figures"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "ti-format.h"
#include "ti-training-figures-private.h"

/*
 * The training figures of an evaluation period, in one place: the Training tiers views,
 * the Evaluation dashboards and the workbook all read them from here, and the workbook's
 * notes print the definitions below. A figure changes here or nowhere.
 *
 * "The period" is from its first day to its last, both included (an open end reaches as
 * far as the programme does). A session is in the period by the day it starts; a review
 * by the day it was recorded. Only delivered sessions count: planned and cancelled ones
 * are neither delivered nor attended. Erased people keep their place in every count.
 */

G_DEFINE_QUARK (ti-training-figures-error-quark, ti_training_figures_error)

static const TiFigureDefinition definitions[] = {
  { "tier1_completions", N_("Tier 1 completions"),
    N_("Tier 1 completion records dated in the period; someone who completed twice counts "
       "twice.") },
  { "tier1_people", N_("People completing Tier 1"),
    N_("Different people with at least one Tier 1 completion dated in the period.") },
  { "tier1_reached", N_("Workforce reached by Tier 1"),
    N_("People in Somerset organisations with a known headcount who completed Tier 1 on or "
       "before the period’s last day, each organisation counting at most its headcount.") },
  { "tier1_headcount", N_("Workforce headcount"),
    N_("Headcount of Somerset organisations, each counted once: a parent’s headcount includes "
       "its directorates, and a headcount of 0 means not known and is left out.") },
  { "tier1_reach", N_("Tier 1 reach"),
    N_("Workforce reached by Tier 1 ÷ workforce headcount; no figure when no headcount is "
       "known.") },
  { "sessions_tier2", N_("Tier 2 sessions delivered"),
    N_("Tier 2 sessions marked delivered that started in the period.") },
  { "sessions_tier3", N_("Tier 3 sessions delivered"),
    N_("Tier 3 sessions marked delivered that started in the period.") },
  { "sessions_coordinator", N_("Sessions facilitated by a coordinator"),
    N_("Delivered Tier 2 and 3 sessions in the period with a coordinator among the "
       "facilitators; a session led by several kinds of facilitator counts under each.") },
  { "sessions_psychologist", N_("Sessions facilitated by a psychologist"),
    N_("Delivered Tier 2 and 3 sessions in the period with a psychologist among the "
       "facilitators; a session led by several kinds of facilitator counts under each.") },
  { "sessions_champion", N_("Sessions cascaded by champions"),
    N_("Delivered Tier 2 and 3 sessions in the period with a champion among the "
       "facilitators; a session led by several kinds of facilitator counts under each.") },
  { "attendees", N_("Attendees"),
    N_("Register entries marked attended at delivered sessions in the period; someone at "
       "two sessions counts twice.") },
  { "session_completions", N_("Session completions"),
    N_("Attendees also marked as having completed the session.") },
  { "completion_rate", N_("Completion rate"),
    N_("Session completions ÷ attendees; no figure without attendees.") },
  { "paired_attendees", N_("Attendees with both confidence scores"),
    N_("Attendees with a confidence score (1–5) both before and after the session; the "
       "confidence figures are over these only.") },
  { "confidence_before", N_("Mean confidence before"),
    N_("Mean confidence before the session (1–5) of the attendees with both scores.") },
  { "confidence_after", N_("Mean confidence after"),
    N_("Mean confidence after the session (1–5) of the attendees with both scores.") },
  { "confidence_change", N_("Mean confidence change"),
    N_("Mean of each paired attendee’s score after minus before: the mean after minus the "
       "mean before; no figure without paired scores.") },
  { "improved_share", N_("Attendees more confident"),
    N_("Share of the attendees with both scores whose confidence after is higher than "
       "before.") },
  { "review_backlog", N_("Review backlog"),
    N_("Delivered sessions started by the period’s last day that were awaiting review or "
       "had changes requested at its end, judged by their latest review by then (their "
       "current status when no review came later).") },
  { "reviews_recorded", N_("Reviews recorded"),
    N_("Reviews recorded in the period; a session reviewed twice counts twice.") },
  { "reviews_approved", N_("Reviews approving"),
    N_("Reviews recorded in the period whose outcome was approved.") },
  { "approval_rate", N_("Approval rate"),
    N_("Reviews approving ÷ reviews recorded in the period; no figure without reviews.") },
  { "first_reviews", N_("Sessions first reviewed"),
    N_("Sessions whose first review was recorded in the period.") },
  { "median_days_to_review", N_("Median days to first review"),
    N_("Median of the days from a session’s date to its first review, over the sessions "
       "first reviewed in the period; no figure without any.") },
  { "tier1_by_organisation", N_("Tier 1 reach by organisation"),
    N_("Each organisation with its directorates: completions in the period, people reached "
       "by its last day, and reach over its headcount, at most 100%.") },
  { "tier1_by_sector", N_("Tier 1 reach by sector"),
    N_("Somerset organisations by the sector of their top-level organisation, reach counted "
       "as for the programme.") },
  { "tier1_by_locality", N_("Tier 1 reach by locality"),
    N_("Organisations by the locality of their top-level organisation, reach counted as "
       "for the programme.") },
  { "tier1_by_month", N_("Tier 1 completions by month"),
    N_("Completions and different people completing in each month of the period, from the "
       "first month with a completion to the last; people reached counts everyone by the "
       "month’s end.") },
};

/**
 * ti_training_figure_definitions:
 * @n_definitions: (out): how many
 *
 * Every training figure's name and one-line definition, in the order a report shows them:
 * the fields of #TiTrainingFigures, then the Tier 1 breakdowns.
 *
 * Returns: (transfer none) (array length=n_definitions): the definitions
 */
const TiFigureDefinition *
ti_training_figure_definitions (guint *n_definitions)
{
  *n_definitions = G_N_ELEMENTS (definitions);
  return definitions;
}

/**
 * ti_training_figure_definition:
 * @key: a figure's key
 *
 * Returns: (transfer none) (nullable): its definition, or %NULL for no such figure
 */
const TiFigureDefinition *
ti_training_figure_definition (const char *key)
{
  return ti_figure_definition_find (definitions, G_N_ELEMENTS (definitions), key);
}

/* The definition with @key among @definitions, or %NULL: every figures module's lookup. */
const TiFigureDefinition *
ti_figure_definition_find (const TiFigureDefinition *definitions, guint n_definitions,
                           const char *key)
{
  for (guint i = 0; i < n_definitions; i++)
    if (g_strcmp0 (definitions[i].key, key) == 0)
      return &definitions[i];
  return NULL;
}

static gboolean
copy_date (char out[11], const char *date, const char *open, GError **error)
{
  GDate parsed;

  if (date == NULL)
    {
      g_strlcpy (out, open, 11);
      return TRUE;
    }
  /* Only the stored form: a date as the programme file writes it. */
  if (strlen (date) != 10 || ti_date_check (date, &parsed) != TI_DATE_OK || date[4] != '-')
    {
      g_set_error (error, TI_TRAINING_FIGURES_ERROR, TI_TRAINING_FIGURES_ERROR_PERIOD,
                   _("“%s” is not a date written as YYYY-MM-DD."), date);
      return FALSE;
    }
  g_strlcpy (out, date, 11);
  return TRUE;
}

/**
 * ti_period_init:
 * @from: (nullable): the first day, 'YYYY-MM-DD', or %NULL for none
 * @to: (nullable): the last day, or %NULL for none
 *
 * Returns: %FALSE with @error when a date is not an ISO date
 */
gboolean
ti_period_init (TiPeriod *period, const char *from, const char *to, GError **error)
{
  if (!copy_date (period->from, from, "0000-01-01", error)
      || !copy_date (period->to, to, "9999-12-31", error))
    return FALSE;
  g_snprintf (period->to_time, sizeof period->to_time, "%s 23:59", period->to);
  return TRUE;
}

/*
 * Copies @day into @out when it is written as 'YYYY-MM-DD', or today's date (local time) when
 * it is %NULL: the "today" or "as of" day of the figures that judge something on a day.
 */
gboolean
ti_day_init (char out[11], const char *day, GError **error)
{
  g_autoptr (GDateTime) now = NULL;
  g_autofree char *today = NULL;

  if (day != NULL)
    return copy_date (out, day, NULL, error);
  now = g_date_time_new_now_local ();
  today = g_date_time_format (now, "%Y-%m-%d");
  g_strlcpy (out, today, 11);
  return TRUE;
}

/* Binds ?1 first day, ?2 last day, ?3 last session start, where the query has them. */
static sqlite3_stmt *
prepare_for_period (TiDatabase *db, const char *sql, const TiPeriod *period, GError **error)
{
  sqlite3_stmt *stmt = ti_database_prepare (db, sql, error);
  int n;

  if (stmt == NULL)
    return NULL;
  n = sqlite3_bind_parameter_count (stmt);
  sqlite3_bind_text (stmt, 1, period->from, -1, SQLITE_TRANSIENT);
  if (n >= 2)
    sqlite3_bind_text (stmt, 2, period->to, -1, SQLITE_TRANSIENT);
  if (n >= 3)
    sqlite3_bind_text (stmt, 3, period->to_time, -1, SQLITE_TRANSIENT);
  return stmt;
}

/* Steps @stmt to its one row, or fails in words. */
static gboolean
step_row (TiDatabase *db, sqlite3_stmt *stmt, GError **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    return TRUE;
  if (rc == SQLITE_DONE)
    rc = SQLITE_INTERNAL;
  return ti_database_set_error_from_sqlite (db, rc, _("counting the training figures"), error);
}

static double
ratio (double part, double whole)
{
  return whole > 0 ? part / whole : NAN;
}

static gboolean
count_tier1 (TiDatabase *db, const TiPeriod *period, TiTrainingFigures *out,
             TiTrainingBreakdown *breakdown, GError **error)
{
  breakdown->tier1 = ti_tier1_tally_new (db, period, error);
  if (breakdown->tier1 == NULL)
    return FALSE;
  ti_tier1_tally_totals (breakdown->tier1, &out->tier1_completions, &out->tier1_people,
                         &out->tier1_reached, &out->tier1_headcount);
  out->tier1_reach = ratio (out->tier1_reached, out->tier1_headcount);
  return TRUE;
}

/* Sessions on the starts_at index, by tier; the facilitators on their primary key. The kinds
 * are in the order of TiFacilitatorKind. */
static const char sessions_sql[] =
  "SELECT s.tier, count(*),"
  "  coalesce(sum(EXISTS (SELECT 1 FROM session_facilitators f"
  "    WHERE f.session_id = s.id AND f.kind = 'coordinator')), 0),"
  "  coalesce(sum(EXISTS (SELECT 1 FROM session_facilitators f"
  "    WHERE f.session_id = s.id AND f.kind = 'psychologist')), 0),"
  "  coalesce(sum(EXISTS (SELECT 1 FROM session_facilitators f"
  "    WHERE f.session_id = s.id AND f.kind = 'champion')), 0)"
  " FROM sessions s"
  " WHERE s.starts_at BETWEEN ?1 AND ?3 AND s.status = 'delivered' GROUP BY s.tier";

/* The attendees of those sessions, on the attendance primary key, in time order (the
 * starts_at index, no sorting); summed in C, which is a third quicker than SQLite's
 * aggregates over a hundred thousand rows. */
static const char attendance_sql[] =
  "SELECT s.tier, s.starts_at, a.completed, a.confidence_before, a.confidence_after"
  " FROM sessions s JOIN attendance a ON a.session_id = s.id"
  " WHERE s.starts_at BETWEEN ?1 AND ?3 AND s.status = 'delivered' AND a.attended = 1"
  " ORDER BY s.starts_at";

/* Tier 2 → 0, Tier 3 → 1; the schema allows no other. */
static guint
tier_index (int tier)
{
  return tier == 3 ? 1 : 0;
}

/* One attendee's register entry: counted by tier, and a completion by the session's month. */
static void
count_attendee (TiTrainingBreakdown *breakdown, sqlite3_stmt *attendance)
{
  TiTierCount *count = &breakdown->tiers[tier_index (sqlite3_column_int (attendance, 0))];
  const char *starts_at = (const char *) sqlite3_column_text (attendance, 1);

  count->attendees++;
  if (sqlite3_column_int (attendance, 2) != 0)
    {
      GArray *months = breakdown->completions_by_month;
      int month = ti_month_number (starts_at);
      TiMonthCompletions *last = months->len > 0
                                   ? &g_array_index (months, TiMonthCompletions, months->len - 1)
                                   : NULL;

      count->completions++;
      if (last == NULL || last->month != month)
        {
          TiMonthCompletions added = { month, { 0, 0 } };

          g_array_append_val (months, added);
          last = &g_array_index (months, TiMonthCompletions, months->len - 1);
        }
      last->completions[count - breakdown->tiers]++;
    }
  if (sqlite3_column_type (attendance, 3) != SQLITE_NULL
      && sqlite3_column_type (attendance, 4) != SQLITE_NULL)
    {
      int score_before = sqlite3_column_int (attendance, 3);
      int score_after = sqlite3_column_int (attendance, 4);

      count->paired++;
      count->before += score_before;
      count->after += score_after;
      count->improved += score_after > score_before;
    }
}

static gboolean
count_sessions (TiDatabase *db, const TiPeriod *period, TiTrainingFigures *out,
                TiTrainingBreakdown *breakdown, GError **error)
{
  g_autoptr (sqlite3_stmt) sessions = prepare_for_period (db, sessions_sql, period, error);
  g_autoptr (sqlite3_stmt) attendance = NULL;
  TiTierCount all = { 0 };
  int rc;

  if (sessions == NULL)
    return FALSE;
  while ((rc = sqlite3_step (sessions)) == SQLITE_ROW)
    {
      TiTierCount *count = &breakdown->tiers[tier_index (sqlite3_column_int (sessions, 0))];

      count->sessions = sqlite3_column_int (sessions, 1);
      for (guint kind = 0; kind < TI_FACILITATOR_N_KINDS; kind++)
        count->by_facilitator[kind] = sqlite3_column_int (sessions, 2 + kind);
    }
  if (rc != SQLITE_DONE)
    return ti_database_set_error_from_sqlite (db, rc, _("counting the training figures"), error);

  attendance = prepare_for_period (db, attendance_sql, period, error);
  if (attendance == NULL)
    return FALSE;
  while ((rc = sqlite3_step (attendance)) == SQLITE_ROW)
    count_attendee (breakdown, attendance);
  if (rc != SQLITE_DONE)
    return ti_database_set_error_from_sqlite (db, rc, _("counting the training figures"), error);

  /* The figures are the tiers' sums: integer sums, so the means are exact, and so is their
   * difference. */
  for (guint t = 0; t < G_N_ELEMENTS (breakdown->tiers); t++)
    ti_tier_count_add (&all, &breakdown->tiers[t]);
  out->sessions_tier2 = breakdown->tiers[0].sessions;
  out->sessions_tier3 = breakdown->tiers[1].sessions;
  out->sessions_coordinator = all.by_facilitator[TI_FACILITATOR_COORDINATOR];
  out->sessions_psychologist = all.by_facilitator[TI_FACILITATOR_PSYCHOLOGIST];
  out->sessions_champion = all.by_facilitator[TI_FACILITATOR_CHAMPION];
  out->attendees = all.attendees;
  out->session_completions = all.completions;
  out->paired_attendees = all.paired;
  out->completion_rate = ratio (all.completions, all.attendees);
  out->confidence_before = ti_tier_count_mean_before (&all);
  out->confidence_after = ti_tier_count_mean_after (&all);
  out->confidence_change = ratio (all.after - all.before, all.paired);
  out->improved_share = ratio (all.improved, all.paired);
  return TRUE;
}

/**
 * ti_tier_count_add:
 *
 * Adds @count's sessions and attendees to @sum: the programme's count is its tiers' sum.
 */
void
ti_tier_count_add (TiTierCount *sum, const TiTierCount *count)
{
  sum->sessions += count->sessions;
  for (guint kind = 0; kind < TI_FACILITATOR_N_KINDS; kind++)
    sum->by_facilitator[kind] += count->by_facilitator[kind];
  sum->attendees += count->attendees;
  sum->completions += count->completions;
  sum->paired += count->paired;
  sum->before += count->before;
  sum->after += count->after;
  sum->improved += count->improved;
}

/**
 * ti_tier_count_mean_before:
 *
 * Returns: the mean confidence before (1–5) of the paired attendees counted, NAN for none:
 *   the one formula of "confidence_before", for the programme and for a tier
 */
double
ti_tier_count_mean_before (const TiTierCount *count)
{
  return ratio (count->before, count->paired);
}

/**
 * ti_tier_count_mean_after:
 *
 * Returns: the mean confidence after, as ti_tier_count_mean_before()
 */
double
ti_tier_count_mean_after (const TiTierCount *count)
{
  return ratio (count->after, count->paired);
}

/* Waiting at the period's end: a review after it means the status then is the latest review
 * up to it (none: awaiting); otherwise the status now is the status then. Correlated
 * subqueries on reviews (session_id, reviewed_on). */
static const char backlog_sql[] =
  "SELECT count(*) FROM sessions s"
  " WHERE s.starts_at BETWEEN ?1 AND ?3 AND s.status = 'delivered'"
  " AND CASE WHEN EXISTS (SELECT 1 FROM reviews r WHERE r.session_id = s.id"
  "                         AND r.reviewed_on > ?2)"
  "   THEN coalesce((SELECT r.outcome FROM reviews r WHERE r.session_id = s.id"
  "                    AND r.reviewed_on <= ?2 ORDER BY r.reviewed_on DESC, r.id DESC LIMIT 1),"
  "                 'awaiting') <> 'approved'"
  "   ELSE s.review_status IN ('awaiting', 'changes_requested') END";

static const char reviews_sql[] =
  "SELECT count(*), coalesce(sum(outcome = 'approved'), 0) FROM reviews"
  " WHERE reviewed_on BETWEEN ?1 AND ?2";

/* Days from each session to its first review, for the sessions first reviewed in the
 * period, in order. */
static const char days_sql[] =
  "SELECT CAST(julianday(r.first) - julianday(substr(s.starts_at, 1, 10)) AS INTEGER) AS days"
  " FROM (SELECT session_id, min(reviewed_on) AS first FROM reviews GROUP BY session_id) r"
  " JOIN sessions s ON s.id = r.session_id"
  " WHERE r.first BETWEEN ?1 AND ?2 ORDER BY days";

static gboolean
count_reviews (TiDatabase *db, const TiPeriod *period, TiTrainingFigures *out, GError **error)
{
  g_autoptr (sqlite3_stmt) backlog = NULL;
  g_autoptr (sqlite3_stmt) reviews = NULL;
  g_autoptr (sqlite3_stmt) days = NULL;
  g_autoptr (GArray) values = g_array_new (FALSE, FALSE, sizeof (gint64));
  TiPeriod until_end = *period;
  int rc;

  /* The backlog at the end counts every session by then, from before the period too. */
  g_strlcpy (until_end.from, "0000-01-01", sizeof until_end.from);
  backlog = prepare_for_period (db, backlog_sql, &until_end, error);
  if (backlog == NULL || !step_row (db, backlog, error))
    return FALSE;
  out->review_backlog = sqlite3_column_int (backlog, 0);

  reviews = prepare_for_period (db, reviews_sql, period, error);
  if (reviews == NULL || !step_row (db, reviews, error))
    return FALSE;
  out->reviews_recorded = sqlite3_column_int (reviews, 0);
  out->reviews_approved = sqlite3_column_int (reviews, 1);
  out->approval_rate = ratio (out->reviews_approved, out->reviews_recorded);

  days = prepare_for_period (db, days_sql, period, error);
  if (days == NULL)
    return FALSE;
  while ((rc = sqlite3_step (days)) == SQLITE_ROW)
    {
      gint64 value = sqlite3_column_int64 (days, 0);
      g_array_append_val (values, value);
    }
  if (rc != SQLITE_DONE)
    return ti_database_set_error_from_sqlite (db, rc, _("counting the training figures"), error);
  out->first_reviews = values->len;
  if (values->len == 0)
    out->median_days_to_review = NAN;
  else if (values->len % 2 == 1)
    out->median_days_to_review = g_array_index (values, gint64, values->len / 2);
  else
    out->median_days_to_review = (g_array_index (values, gint64, values->len / 2 - 1)
                                  + g_array_index (values, gint64, values->len / 2))
                                 / 2.0;
  return TRUE;
}

/**
 * ti_training_figures_compute:
 * @from: (nullable): the period's first day, 'YYYY-MM-DD'; %NULL for the programme's start
 * @to: (nullable): the period's last day, 'YYYY-MM-DD'; %NULL for no end
 * @out: (out caller-allocates): filled in; clear it with ti_training_figures_clear()
 *
 * Computes every training figure for the period from one snapshot of the programme.
 *
 * Returns: %FALSE with @error set when a date is malformed or the programme cannot be read
 *   (@out is then cleared)
 */
gboolean
ti_training_figures_compute (TiDatabase *db, const char *from, const char *to,
                             TiTrainingFigures *out, GError **error)
{
  g_auto (TiTrainingBreakdown) breakdown = { 0 };

  return ti_training_figures_compute_breakdown (db, from, to, out, &breakdown, error);
}

/*
 * Computes the training figures as ti_training_figures_compute() does, and hands back what
 * they were counted from, split by tier and by month, for the evaluation's charts: one pass,
 * one formula. @breakdown is zeroed first; clear it with ti_training_breakdown_clear().
 */
gboolean
ti_training_figures_compute_breakdown (TiDatabase *db, const char *from, const char *to,
                                       TiTrainingFigures *out, TiTrainingBreakdown *breakdown,
                                       GError **error)
{
  gboolean own_transaction;
  gboolean ok;
  TiPeriod period;

  g_return_val_if_fail (TI_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (out != NULL && breakdown != NULL, FALSE);

  memset (out, 0, sizeof *out);
  memset (breakdown, 0, sizeof *breakdown);
  if (!ti_period_init (&period, from, to, error))
    return FALSE;
  out->from = g_strdup (from);
  out->to = g_strdup (to);
  breakdown->completions_by_month = g_array_new (FALSE, TRUE, sizeof (TiMonthCompletions));

  ok = ti_database_snapshot_begin (db, &own_transaction, error)
       && count_tier1 (db, &period, out, breakdown, error)
       && count_sessions (db, &period, out, breakdown, error)
       && count_reviews (db, &period, out, error);
  ti_database_snapshot_end (db, own_transaction);
  if (!ok)
    {
      ti_training_figures_clear (out);
      ti_training_breakdown_clear (breakdown);
    }
  return ok;
}

void
ti_training_breakdown_clear (TiTrainingBreakdown *breakdown)
{
  g_clear_pointer (&breakdown->tier1, ti_tier1_tally_free);
  g_clear_pointer (&breakdown->completions_by_month, g_array_unref);
  memset (breakdown, 0, sizeof *breakdown);
}

/**
 * ti_training_figures_clear:
 *
 * Frees what @figures holds and zeroes it; it may be cleared again.
 */
void
ti_training_figures_clear (TiTrainingFigures *figures)
{
  g_free (figures->from);
  g_free (figures->to);
  memset (figures, 0, sizeof *figures);
}

/**
 * ti_training_figures_free:
 * @figures: (nullable): figures from ti_training_figures_compute_finish()
 */
void
ti_training_figures_free (TiTrainingFigures *figures)
{
  if (figures == NULL)
    return;
  ti_training_figures_clear (figures);
  g_free (figures);
}

static void
organisation_node_clear (gpointer data)
{
  TiOrganisationNode *node = data;

  g_free (node->name);
  g_free (node->sector);
  g_free (node->locality);
}

static void
organisation_tree_clear (gpointer data)
{
  TiOrganisationTree *tree = data;

  g_clear_pointer (&tree->index_of, g_hash_table_unref);
  g_clear_pointer (&tree->nodes, g_array_unref);
}

/*
 * Reads the organisations in name order and walks each up to its top-level organisation;
 * call it inside a read transaction when it must agree with other reads.
 *
 * Returns: (transfer full) (nullable): the tree, or %NULL with @error set
 */
TiOrganisationTree *
ti_organisation_tree_new (TiDatabase *db, GError **error)
{
  g_autoptr (TiOrganisationTree) tree = g_rc_box_new0 (TiOrganisationTree);
  g_autoptr (sqlite3_stmt) stmt = ti_database_prepare (
    db,
    "SELECT id, parent_id, name, sector, locality, headcount FROM organisations"
    " ORDER BY name COLLATE NOCASE, id",
    error);
  g_autoptr (GArray) parent_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  GArray *nodes;
  int rc;

  tree->nodes = nodes = g_array_new (FALSE, TRUE, sizeof (TiOrganisationNode));
  g_array_set_clear_func (nodes, organisation_node_clear);
  tree->index_of = g_hash_table_new (g_int64_hash, g_int64_equal);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TiOrganisationNode node = {
        .id = sqlite3_column_int64 (stmt, 0),
        .name = g_strdup (ti_database_column_text (stmt, 2)),
        .sector = g_strdup (ti_database_column_text (stmt, 3)),
        .locality = g_strdup (ti_database_column_text (stmt, 4)),
        .headcount = sqlite3_column_int64 (stmt, 5),
      };
      gint64 parent_id = sqlite3_column_int64 (stmt, 1);

      g_array_append_val (nodes, node);
      g_array_append_val (parent_ids, parent_id);
    }
  if (rc != SQLITE_DONE)
    {
      ti_database_set_error_from_sqlite (db, rc, _("reading the organisations"), error);
      return NULL;
    }

  for (guint i = 0; i < nodes->len; i++)
    g_hash_table_insert (tree->index_of, &TI_ORGANISATION_NODE (tree, i)->id,
                         GINT_TO_POINTER (i + 1));
  for (guint i = 0; i < nodes->len; i++)
    TI_ORGANISATION_NODE (tree, i)->parent
      = ti_organisation_tree_find (tree, g_array_index (parent_ids, gint64, i));
  /* Up to the top from each; the schema and the editor refuse cycles, the step limit is a
   * guard. */
  for (guint i = 0; i < nodes->len; i++)
    {
      int at = (int) i;

      for (guint steps = 0; steps <= nodes->len; steps++)
        {
          int above = TI_ORGANISATION_NODE (tree, at)->parent;

          if (above < 0)
            break;
          at = above;
        }
      TI_ORGANISATION_NODE (tree, i)->root = at;
    }
  return g_steal_pointer (&tree);
}

TiOrganisationTree *
ti_organisation_tree_ref (TiOrganisationTree *tree)
{
  return g_rc_box_acquire (tree);
}

void
ti_organisation_tree_unref (TiOrganisationTree *tree)
{
  g_rc_box_release_full (tree, organisation_tree_clear);
}

/* The index of the organisation @id in @tree, or -1 when there is none. */
int
ti_organisation_tree_find (const TiOrganisationTree *tree, gint64 id)
{
  return GPOINTER_TO_INT (g_hash_table_lookup (tree->index_of, &id)) - 1;
}

TiPeriodJob *
ti_period_job_new (const char *from, const char *to, TiReachGrouping grouping)
{
  TiPeriodJob *job = g_new0 (TiPeriodJob, 1);

  job->from = g_strdup (from);
  job->to = g_strdup (to);
  job->grouping = grouping;
  return job;
}

void
ti_period_job_free (gpointer data)
{
  TiPeriodJob *job = data;

  g_free (job->from);
  g_free (job->to);
  g_free (job);
}

/* What a figures worker computes, and how. */
typedef struct
{
  char *from;
  char *to;
  char *as_of;
  gsize figures_size;
  TiFiguresComputeFunc compute;
  GDestroyNotify free_figures;
} FiguresJob;

static void
figures_job_free (gpointer data)
{
  FiguresJob *job = data;

  g_free (job->from);
  g_free (job->to);
  g_free (job->as_of);
  g_free (job);
}

static gpointer
read_figures (TiDatabase *db, gpointer data, GError **error)
{
  FiguresJob *job = data;
  gpointer figures = g_malloc0 (job->figures_size);

  if (!job->compute (db, job->from, job->to, job->as_of, figures, error))
    {
      job->free_figures (figures);
      return NULL;
    }
  return figures;
}

/*
 * Computes a module's figures in a worker thread, which opens its own read-only connection
 * to @db_path; ti_database_read_finish() returns them (transfer full), to free with
 * @free_figures. @from, @to and @as_of are copied.
 */
void
ti_figures_compute_async (const char *db_path, const char *from, const char *to,
                          const char *as_of, gsize figures_size, TiFiguresComputeFunc compute,
                          GDestroyNotify free_figures, GCancellable *cancellable,
                          GAsyncReadyCallback callback, gpointer user_data)
{
  FiguresJob *job = g_new0 (FiguresJob, 1);

  job->from = g_strdup (from);
  job->to = g_strdup (to);
  job->as_of = g_strdup (as_of);
  job->figures_size = figures_size;
  job->compute = compute;
  job->free_figures = free_figures;
  ti_database_read_async (db_path, read_figures, job, figures_job_free, free_figures,
                          cancellable, callback, user_data);
}

static gboolean
compute (TiDatabase *db, const char *from, const char *to, const char *as_of, gpointer out,
         GError **error)
{
  return ti_training_figures_compute (db, from, to, out, error);
}

/**
 * ti_training_figures_compute_async:
 * @db_path: the programme file; the worker opens its own read-only connection
 * @from: (nullable): as for ti_training_figures_compute(); copied
 * @to: (nullable): likewise
 *
 * Computes the figures in a worker thread.
 */
void
ti_training_figures_compute_async (const char *db_path, const char *from, const char *to,
                                   GCancellable *cancellable, GAsyncReadyCallback callback,
                                   gpointer user_data)
{
  ti_figures_compute_async (db_path, from, to, NULL, sizeof (TiTrainingFigures), compute,
                            (GDestroyNotify) ti_training_figures_free, cancellable, callback,
                            user_data);
}

/**
 * ti_training_figures_compute_finish:
 *
 * Returns: (transfer full) (nullable): the figures, to free with ti_training_figures_free(),
 *   or %NULL with @error set
 */
TiTrainingFigures *
ti_training_figures_compute_finish (GAsyncResult *result, GError **error)
{
  return ti_database_read_finish (result, error);
}
