/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ti-evaluation"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ti-evaluation-private.h"
#include "ti-format.h"

/*
 * Everything the Evaluation destination and the workbook show, in one place. The figures
 * come from the figures modules (training, network, events, engagement, milestones), read
 * in one snapshot: the evaluation only chooses, combines and words them, so a figure keeps the
 * one formula its module gives it. The headlines are worded in ti-evaluation-headlines.c, the
 * charts built in ti-evaluation-charts.c, and "Needs attention" found in
 * ti-evaluation-attention.c.
 */

/* The County Business Plan outcomes (report §1.2), in their order. */
static const struct
{
  TiOutcome outcome;
  guint number;
  const char *short_label;
  const char *label;
} outcomes[TI_N_OUTCOMES] = {
  { TI_OUTCOME_1, 1, N_ ("Outcome 1"),
    N_ ("Outcome 1: a county infrastructure that drives recovery") },
  { TI_OUTCOME_3, 3, N_ ("Outcome 3"),
    N_ ("Outcome 3: fairer life chances and opportunity for all") },
  { TI_OUTCOME_4, 4, N_ ("Outcome 4"), N_ ("Outcome 4: improved health and wellbeing") },
  { TI_OUTCOME_5, 5, N_ ("Outcome 5"),
    N_ ("Outcome 5: meeting the challenges through innovation and improvement") },
};

/**
 * ti_outcome_nth:
 * @index: from 0 to %TI_N_OUTCOMES − 1
 *
 * Returns: the @index-th outcome, in the plan's order (1, 3, 4, 5)
 */
TiOutcome
ti_outcome_nth (guint index)
{
  g_return_val_if_fail (index < TI_N_OUTCOMES, TI_OUTCOME_1);
  return outcomes[index].outcome;
}

static guint
outcome_index (TiOutcome outcome)
{
  for (guint i = 0; i < TI_N_OUTCOMES; i++)
    if (outcomes[i].outcome == outcome)
      return i;
  g_return_val_if_reached (0);
}

/**
 * ti_outcome_number:
 * @outcome: one outcome (not a mask of several)
 *
 * Returns: its number in the County Business Plan (1, 3, 4 or 5)
 */
guint
ti_outcome_number (TiOutcome outcome)
{
  return outcomes[outcome_index (outcome)].number;
}

/**
 * ti_outcome_short_label:
 * @outcome: one outcome (not a mask of several)
 *
 * Returns: (transfer none): its name as a chip shows it ("Outcome 1"), translated
 */
const char *
ti_outcome_short_label (TiOutcome outcome)
{
  return _ (outcomes[outcome_index (outcome)].short_label);
}

/**
 * ti_outcomes_join:
 * @mask: a #TiOutcome mask
 * @short_labels: "Outcome 1" rather than the outcome in words
 * @separator: put between two outcomes (", ", "\n")
 *
 * Returns: (transfer full): the outcomes of @mask in the plan's order, "" for none
 */
char *
ti_outcomes_join (guint mask, gboolean short_labels, const char *separator)
{
  g_autoptr (GString) text = g_string_new (NULL);

  for (guint i = 0; i < TI_N_OUTCOMES; i++)
    if (mask & outcomes[i].outcome)
      {
        if (text->len > 0)
          g_string_append (text, separator);
        g_string_append (text, short_labels ? _ (outcomes[i].short_label) : _ (outcomes[i].label));
      }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/**
 * ti_outcome_label:
 * @outcome: one outcome (not a mask of several)
 *
 * Returns: (transfer none): its name and what it is about ("Outcome 1: a county
 *   infrastructure that drives recovery"), translated
 */
const char *
ti_outcome_label (TiOutcome outcome)
{
  return _ (outcomes[outcome_index (outcome)].label);
}

/*
 * Which outcomes each figure and chart evidences, and why (report §1.2): the one table.
 * Outcome 1 — infrastructure: a skilled workforce across partners, staff satisfaction and
 * turnover; 3 — fairer chances: empowerment and co-production with people with lived
 * experience; 4 — health and wellbeing: practice that stops retraumatising people; 5 —
 * innovation: Somerset among the leaders of a new way of working, sharing best practice.
 */
static const struct
{
  const char *key;
  guint outcomes;
} outcome_tags[] = {
  /* The network spreads change through partners (1) and is the innovation itself (5). */
  { "active_champions", TI_OUTCOME_1 | TI_OUTCOME_5 },
  { "organisations_in_network", TI_OUTCOME_1 | TI_OUTCOME_5 },
  { "champions_over_time", TI_OUTCOME_1 | TI_OUTCOME_5 },
  /* The charter commits partners (1) to principles of choice and empowerment (3). */
  { "charter_signatories", TI_OUTCOME_1 | TI_OUTCOME_3 },
  { "charter_by_sector", TI_OUTCOME_1 | TI_OUTCOME_3 },
  /* Training builds the workforce (1) and practice that supports wellbeing (4). */
  { "tier1_completions", TI_OUTCOME_1 | TI_OUTCOME_4 },
  { "tier1_reach", TI_OUTCOME_1 | TI_OUTCOME_4 },
  { "reach_by_sector", TI_OUTCOME_1 | TI_OUTCOME_4 },
  { "completions_over_time", TI_OUTCOME_1 | TI_OUTCOME_4 },
  { "sessions_delivered", TI_OUTCOME_1 | TI_OUTCOME_4 },
  { "session_attendees", TI_OUTCOME_1 | TI_OUTCOME_4 },
  /* The cascade through champions: workforce (1) and a new way of delivering it (5). */
  { "sessions_by_facilitator", TI_OUTCOME_1 | TI_OUTCOME_5 },
  /* Confidence in trauma-informed practice is the route to better wellbeing (4). */
  { "confidence_change", TI_OUTCOME_4 },
  { "confidence_by_tier", TI_OUTCOME_4 },
  /* Events share best practice and put Somerset at the front (5). */
  { "events_held", TI_OUTCOME_5 },
  { "event_attendances", TI_OUTCOME_5 },
  { "attendance_by_event", TI_OUTCOME_5 },
  /* Engagement with lived experience is co-production and empowerment (3). */
  { "engagement_participants", TI_OUTCOME_3 },
  /* Fidelity reviews and milestones: improvement, delivered as planned (5). */
  { "review_outcomes", TI_OUTCOME_5 },
  { "milestones_on_time", TI_OUTCOME_5 },
  { "milestone_timeline", TI_OUTCOME_5 },
};

/* The #TiOutcome mask of a headline or chart key; 0 for none. */
guint
ti_evaluation_outcomes_of (const char *key)
{
  for (guint i = 0; i < G_N_ELEMENTS (outcome_tags); i++)
    if (g_str_equal (outcome_tags[i].key, key))
      return outcome_tags[i].outcomes;
  g_return_val_if_reached (0);
}

/* Figures of the evaluation's own, and its charts. The headlines that are a figures module's
 * figure under another name are in `aliases`: their definition is that module's. */
static const TiFigureDefinition definitions[] = {
  { "sessions_delivered", N_ ("Sessions delivered"),
    N_ ("Tier 2 and Tier 3 sessions marked delivered that started in the period.") },
  { "milestones_on_time", N_ ("Milestones on time"),
    N_ ("Milestones due in the period that were done on time, of all the milestones due in "
        "the period, judged on today.") },
  { "completions_over_time", N_ ("Completions over time"),
    N_ ("Completions by the end of each month of the period, counted from its start: Tier 1 "
        "completion records; Tier 2 and 3 attendees marked completed at delivered sessions, by "
        "the session’s month. An open period runs from the first to the last month with "
        "any.") },
  { "champions_over_time", N_ ("Active champions over time"),
    N_ ("Champions active on the last day of each month of the period (today for the current "
        "month), as for active champions; an open period starts with the first champion’s "
        "month and ends with today’s.") },
  { "sessions_by_facilitator", N_ ("Sessions by facilitator"),
    N_ ("Delivered Tier 2 and 3 sessions in the period, by tier, with a coordinator, a "
        "psychologist or a champion among the facilitators; a session led by several kinds "
        "counts under each.") },
  { "confidence_by_tier", N_ ("Confidence before and after, by tier"),
    N_ ("Mean confidence before and after (1–5) of each tier’s attendees with both scores, "
        "at delivered sessions in the period; no figure without paired scores.") },
  { "review_outcomes", N_ ("Review outcomes"),
    N_ ("Delivered Tier 2 and 3 sessions in the period by where their review stands now: "
        "approved, changes requested or awaiting review; sessions whose review is not due "
        "(led by a psychologist) are left out.") },
  { "attendance_by_event", N_ ("Attendance by event"),
    N_ ("Each event held in the period, in date order: people invited, and people marked as "
        "attended, as for invitations and attendances.") },
  { "charter_by_sector", N_ ("Charter adoption by sector"),
    N_ ("Top-level organisations by the sector they are in and the stage their charter had "
        "reached on the period’s last day (today, if that is earlier or the period is open): "
        "signed, in consultation or not started; sectors without organisations are left "
        "out.") },
  { "milestone_timeline", N_ ("Milestone timeline"),
    N_ ("The milestones due in the period (every milestone when the period is open), by due "
        "month, with the month each was done and its status today.") },
};

/* A headline under its evaluation key, whose definition is a module's figure. */
static const struct
{
  const char *key;
  const char *figure;
} aliases[] = {
  { "session_attendees", "attendees" },
  { "event_attendances", "attendances" },
  { "engagement_participants", "participants" },
  { "reach_by_sector", "tier1_by_sector" },
};

/**
 * ti_evaluation_definitions:
 * @n_definitions: (out): how many
 *
 * The evaluation's own figures and its charts, each with a one-line definition; the other
 * headlines are the figures modules' and ti_evaluation_definition() finds theirs.
 *
 * Returns: (transfer none) (array length=n_definitions): the definitions
 */
const TiFigureDefinition *
ti_evaluation_definitions (guint *n_definitions)
{
  *n_definitions = G_N_ELEMENTS (definitions);
  return definitions;
}

/**
 * ti_evaluation_definition:
 * @key: a headline's or a chart's key, or any figures module's figure
 *
 * The one definition of a figure: the evaluation's own, or the figures module's whose figure
 * it is (training, network, events, engagement, milestones).
 *
 * Returns: (transfer none) (nullable): its definition, or %NULL for no such figure
 */
const TiFigureDefinition *
ti_evaluation_definition (const char *key)
{
  const TiFigureDefinition *found
    = ti_figure_definition_find (definitions, G_N_ELEMENTS (definitions), key);

  for (guint i = 0; found == NULL && i < G_N_ELEMENTS (aliases); i++)
    if (g_strcmp0 (aliases[i].key, key) == 0)
      key = aliases[i].figure;
  if (found == NULL)
    found = ti_training_figure_definition (key);
  if (found == NULL)
    found = ti_network_figure_definition (key);
  if (found == NULL)
    found = ti_event_figure_definition (key);
  if (found == NULL)
    found = ti_engagement_figure_definition (key);
  if (found == NULL)
    found = ti_milestone_figure_definition (key);
  return found;
}

/* Presets ------------------------------------------------------------------------------ */

static char *
iso_of (const GDate *date)
{
  return ti_date_to_iso (date);
}

static char *
iso_dmy (int day, int month, int year)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);
  return iso_of (&date);
}

/**
 * ti_period_preset_range:
 * @preset: which period
 * @today: the day "last quarter" is counted back from
 * @evaluation_start: the evaluation period's first day, from the programme's settings
 * @evaluation_end: its last day
 * @from: (out) (transfer full) (nullable): the first day, 'YYYY-MM-DD', %NULL when open
 * @to: (out) (transfer full) (nullable): the last day, likewise
 *
 * The dates of a preset period: the evaluation period; the whole programme (both ends
 * open); the last whole calendar quarter that ended before @today (on 27 November 2026:
 * 1 July to 30 September 2026); the financial year 2023/24 (1 April 2023 to 31 March 2024).
 *
 * Returns: %TRUE with @from and @to set; %FALSE (and both %NULL) for
 *   %TI_PERIOD_CUSTOM, whose dates the person chooses
 */
gboolean
ti_period_preset_range (TiPeriodPreset preset, const GDate *today, const GDate *evaluation_start,
                        const GDate *evaluation_end, char **from, char **to)
{
  g_return_val_if_fail (from != NULL && to != NULL, FALSE);

  *from = NULL;
  *to = NULL;
  switch (preset)
    {
    case TI_PERIOD_EVALUATION:
      g_return_val_if_fail (evaluation_start != NULL && g_date_valid (evaluation_start), FALSE);
      g_return_val_if_fail (evaluation_end != NULL && g_date_valid (evaluation_end), FALSE);
      *from = iso_of (evaluation_start);
      *to = iso_of (evaluation_end);
      return TRUE;
    case TI_PERIOD_WHOLE_PROGRAMME:
      return TRUE;
    case TI_PERIOD_LAST_QUARTER:
      {
        int year, first_month;
        GDate end;

        g_return_val_if_fail (today != NULL && g_date_valid (today), FALSE);
        /* The quarter before the one today is in. */
        year = g_date_get_year (today);
        first_month = ((int)g_date_get_month (today) - 1) / 3 * 3 + 1 - 3;
        if (first_month < 1)
          {
            first_month += 12;
            year--;
          }
        g_date_clear (&end, 1);
        g_date_set_dmy (&end, g_date_get_days_in_month (first_month + 2, year), first_month + 2,
                        year);
        *from = iso_dmy (1, first_month, year);
        *to = iso_of (&end);
        return TRUE;
      }
    case TI_PERIOD_FINANCIAL_YEAR_2023_24:
      *from = g_strdup ("2023-04-01");
      *to = g_strdup ("2024-03-31");
      return TRUE;
    case TI_PERIOD_CUSTOM:
      return FALSE;
    default:
      g_return_val_if_reached (FALSE);
    }
}

/* Computing ---------------------------------------------------------------------------- */

/*
 * ti_evaluation_sources_clear:
 *
 * Frees what the sources hold and zeroes them.
 */
void
ti_evaluation_sources_clear (TiEvaluationSources *sources)
{
  ti_training_figures_clear (&sources->training);
  ti_training_breakdown_clear (&sources->breakdown);
  g_clear_pointer (&sources->network_tally, ti_network_tally_free);
  ti_network_figures_clear (&sources->network);
  ti_event_figures_clear (&sources->events);
  ti_engagement_figures_clear (&sources->engagement);
  ti_milestone_figures_clear (&sources->milestones);
  g_clear_pointer (&sources->milestone_list, g_array_unref);
  memset (sources, 0, sizeof *sources);
}

static void
milestone_clear (gpointer data)
{
  TiEvaluationMilestone *milestone = data;

  g_free (milestone->title);
  g_free (milestone->due_month);
  g_free (milestone->done_on);
  g_free (milestone->workstream);
}

/* Every milestone, by due month, with its workstream's name: for the timeline and for
 * "Needs attention". */
static const char milestones_sql[] = "SELECT m.id, m.title, m.due_month, m.done_on, w.name"
                                     " FROM milestones m JOIN workstreams w"
                                     "   ON w.id = m.workstream_id"
                                     " ORDER BY m.due_month, w.position, m.id";

static gboolean
read_milestones (TiDatabase *db, TiEvaluationSources *sources, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = ti_database_prepare (db, milestones_sql, error);
  GDate today;
  int rc;

  if (stmt == NULL)
    return FALSE;
  ti_date_parse (sources->today, &today);
  sources->milestone_list = g_array_new (FALSE, TRUE, sizeof (TiEvaluationMilestone));
  g_array_set_clear_func (sources->milestone_list, milestone_clear);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TiEvaluationMilestone m = {
        .id = sqlite3_column_int64 (stmt, 0),
        .title = g_strdup ((const char *)sqlite3_column_text (stmt, 1)),
        .due_month = g_strdup ((const char *)sqlite3_column_text (stmt, 2)),
        .done_on = g_strdup ((const char *)sqlite3_column_text (stmt, 3)),
        .workstream = g_strdup ((const char *)sqlite3_column_text (stmt, 4)),
      };

      m.status = ti_milestone_status_as_of (m.due_month, m.done_on, &today);
      g_array_append_val (sources->milestone_list, m);
    }
  if (rc != SQLITE_DONE)
    return ti_database_set_error_from_sqlite (db, rc, _ ("computing the evaluation"), error);
  return TRUE;
}

static gboolean
read_sources (TiDatabase *db, const char *from, const char *to, TiEvaluationSources *sources,
              GError **error)
{
  const char *today = sources->today;

  if (!ti_training_figures_compute_breakdown (db, from, to, &sources->training, &sources->breakdown,
                                              error))
    return FALSE;
  /* The network stands on the organisations the Tier 1 tally read: one read of the tree. */
  sources->network_tally
    = ti_network_tally_new_for (db, ti_tier1_tally_get_organisations (sources->breakdown.tier1),
                                error);
  if (sources->network_tally == NULL)
    return FALSE;
  ti_network_figures_count (sources->network_tally, from, to, &sources->period, today,
                            &sources->network);
  return ti_event_figures_compute (db, from, to, &sources->events, error)
         && ti_engagement_figures_compute (db, from, to, today, &sources->engagement, error)
         && ti_milestone_figures_compute (db, from, to, today, &sources->milestones, error)
         && read_milestones (db, sources, error);
}

static void
chart_free (gpointer data)
{
  TiChartFigure *chart = data;

  g_free (chart->title);
  g_clear_pointer (&chart->series, ti_series_unref);
  g_free (chart);
}

static void
attention_free (gpointer data)
{
  TiAttention *attention = data;

  g_free (attention->title);
  g_clear_pointer (&attention->records, g_ptr_array_unref);
  g_free (attention);
}

/**
 * ti_evaluation_compute:
 * @from: (nullable): the period's first day, 'YYYY-MM-DD'; %NULL when open
 * @to: (nullable): its last day; %NULL when open
 * @today: (nullable): the day "needs attention", statuses and "active" are judged on,
 *   'YYYY-MM-DD'; %NULL for the real today
 *
 * Computes everything the Evaluation destination shows for the period, from one snapshot of
 * the programme.
 *
 * Returns: (transfer full) (nullable): the evaluation, to free with ti_evaluation_free(); %NULL
 *   with @error set when a date is not 'YYYY-MM-DD' (%TI_TRAINING_FIGURES_ERROR_PERIOD) or
 *   the programme cannot be read
 */
TiEvaluation *
ti_evaluation_compute (TiDatabase *db, const char *from, const char *to, const char *today,
                       GError **error)
{
  g_auto (TiEvaluationSources) sources = { 0 };

  return ti_evaluation_compute_keeping (db, from, to, today, &sources, error);
}

/*
 * ti_evaluation_compute_keeping:
 * @sources: (out caller-allocates): zeroed; filled with what the evaluation was computed
 *   from (the training breakdown with its Tier 1 tally, the network tally, …), for the
 *   workbook's detail sheets to read the same tallies; clear with
 *   ti_evaluation_sources_clear(), also on failure
 *
 * ti_evaluation_compute(), keeping its sources.
 */
TiEvaluation *
ti_evaluation_compute_keeping (TiDatabase *db, const char *from, const char *to,
                               const char *today, TiEvaluationSources *sources, GError **error)
{
  g_autoptr (TiEvaluation) evaluation = NULL;
  gboolean own_transaction;
  gboolean ok;

  g_return_val_if_fail (TI_IS_DATABASE (db), NULL);

  if (!ti_period_init (&sources->period, from, to, error)
      || !ti_day_init (sources->today, today, error))
    return NULL;

  evaluation = g_new0 (TiEvaluation, 1);
  evaluation->from = g_strdup (from);
  evaluation->to = g_strdup (to);
  g_strlcpy (evaluation->today, sources->today, sizeof evaluation->today);
  evaluation->headlines = g_ptr_array_new_with_free_func (ti_headline_free);
  evaluation->charts = g_ptr_array_new_with_free_func (chart_free);
  evaluation->attention = g_ptr_array_new_with_free_func (attention_free);

  if (!ti_database_snapshot_begin (db, &own_transaction, error))
    return NULL;
  ok = read_sources (db, from, to, sources, error)
       && ti_evaluation_add_charts (evaluation, db, sources, error)
       && ti_evaluation_add_attention (evaluation, db, sources, error);
  ti_database_snapshot_end (db, own_transaction);
  if (!ok)
    return NULL;

  ti_evaluation_add_headlines (evaluation, sources);
  return g_steal_pointer (&evaluation);
}

/**
 * ti_evaluation_free:
 * @evaluation: (nullable): an evaluation
 */
void
ti_evaluation_free (TiEvaluation *evaluation)
{
  if (evaluation == NULL)
    return;
  g_free (evaluation->from);
  g_free (evaluation->to);
  g_clear_pointer (&evaluation->headlines, g_ptr_array_unref);
  g_clear_pointer (&evaluation->charts, g_ptr_array_unref);
  g_clear_pointer (&evaluation->attention, g_ptr_array_unref);
  g_free (evaluation);
}

/* What the worker computes: the period and today, copied. */
typedef struct
{
  char *from;
  char *to;
  char *today;
} EvaluationJob;

static void
evaluation_job_free (gpointer data)
{
  EvaluationJob *job = data;

  g_free (job->from);
  g_free (job->to);
  g_free (job->today);
  g_free (job);
}

static gpointer
read_evaluation (TiDatabase *db, gpointer data, GError **error)
{
  EvaluationJob *job = data;

  return ti_evaluation_compute (db, job->from, job->to, job->today, error);
}

/**
 * ti_evaluation_compute_async:
 * @db_path: the programme file; the worker opens its own read-only connection
 * @from: (nullable): as for ti_evaluation_compute(); copied
 * @to: (nullable): likewise
 * @today: (nullable): likewise
 *
 * Computes the evaluation in a worker thread.
 */
void
ti_evaluation_compute_async (const char *db_path, const char *from, const char *to,
                             const char *today, GCancellable *cancellable,
                             GAsyncReadyCallback callback, gpointer user_data)
{
  EvaluationJob *job = g_new0 (EvaluationJob, 1);

  job->from = g_strdup (from);
  job->to = g_strdup (to);
  job->today = g_strdup (today);
  ti_database_read_async (db_path, read_evaluation, job, evaluation_job_free,
                          (GDestroyNotify)ti_evaluation_free, cancellable, callback, user_data);
}

/**
 * ti_evaluation_compute_finish:
 *
 * Returns: (transfer full) (nullable): the evaluation, to free with ti_evaluation_free(), or
 *   %NULL with @error set
 */
TiEvaluation *
ti_evaluation_compute_finish (GAsyncResult *result, GError **error)
{
  return ti_database_read_finish (result, error);
}

/* The element of @array (of structs whose first member is their key) with @key, or %NULL. */
static gconstpointer
find_keyed (GPtrArray *array, const char *key)
{
  for (guint i = 0; i < array->len; i++)
    {
      const char *const *keyed = g_ptr_array_index (array, i);

      if (g_strcmp0 (*keyed, key) == 0)
        return keyed;
    }
  return NULL;
}

/**
 * ti_evaluation_find_headline:
 * @key: a headline's key ("active_champions")
 *
 * Returns: (transfer none) (nullable): the headline, or %NULL when there is none of that key
 */
const TiHeadline *
ti_evaluation_find_headline (const TiEvaluation *evaluation, const char *key)
{
  g_return_val_if_fail (evaluation != NULL, NULL);
  G_STATIC_ASSERT (G_STRUCT_OFFSET (TiHeadline, key) == 0);
  return find_keyed (evaluation->headlines, key);
}

/**
 * ti_evaluation_find_chart:
 * @key: a chart's key ("reach_by_sector")
 *
 * Returns: (transfer none) (nullable): the chart, or %NULL when there is none of that key
 */
const TiChartFigure *
ti_evaluation_find_chart (const TiEvaluation *evaluation, const char *key)
{
  g_return_val_if_fail (evaluation != NULL, NULL);
  G_STATIC_ASSERT (G_STRUCT_OFFSET (TiChartFigure, key) == 0);
  return find_keyed (evaluation->charts, key);
}
