/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ti-milestone-figures"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ti-format.h"
#include "ti-milestone-figures-private.h"

/*
 * The milestone figures of an evaluation period, in one place, as the training figures are:
 * the Programme timeline, the Evaluation dashboards and the workbook read them from here.
 *
 * A milestone is in the period when its due date — the last day of its due month — is in
 * it, both ends included. Its status is ti_milestone_status_compute() on the day the figures
 * are "as of", knowing only what was done by then: a milestone done after that day counts
 * as not done. So the figures for a board meeting stay what they were at the meeting.
 */

static const TiFigureDefinition definitions[] = {
  { "milestones_due", N_ ("Milestones due"),
    N_ ("Milestones of the four workstreams whose due month ends in the period; a milestone "
        "is due on the last day of its month.") },
  { "milestones_done_on_time", N_ ("Milestones done on time"),
    N_ ("Milestones due in the period that were done, by the day the figures are as of, on "
        "or before the last day of their due month.") },
  { "milestones_done_late", N_ ("Milestones done late"),
    N_ ("Milestones due in the period that were done, by the day the figures are as of, "
        "after the last day of their due month.") },
  { "milestones_late", N_ ("Milestones late"),
    N_ ("Milestones due in the period, not done by the day the figures are as of, whose due "
        "month had ended by then.") },
  { "milestones_at_risk", N_ ("Milestones at risk"),
    N_ ("Milestones due in the period, not done by the day the figures are as of, whose due "
        "month ends within 30 days of it (that day included).") },
  { "milestones_on_track", N_ ("Milestones on track"),
    N_ ("Milestones due in the period, not done by the day the figures are as of, whose due "
        "month ends more than 30 days after it.") },
};

/**
 * ti_milestone_figure_definitions:
 * @n_definitions: (out): how many
 *
 * Every milestone figure's name and one-line definition, in the order a report shows them.
 *
 * Returns: (transfer none) (array length=n_definitions): the definitions
 */
const TiFigureDefinition *
ti_milestone_figure_definitions (guint *n_definitions)
{
  *n_definitions = G_N_ELEMENTS (definitions);
  return definitions;
}

/**
 * ti_milestone_figure_definition:
 * @key: a figure's key
 *
 * Returns: (transfer none) (nullable): its definition, or %NULL for no such figure
 */
const TiFigureDefinition *
ti_milestone_figure_definition (const char *key)
{
  return ti_figure_definition_find (definitions, G_N_ELEMENTS (definitions), key);
}

/**
 * ti_milestone_figures_count:
 * @status: one milestone's status
 *
 * Counts one milestone due in the period: the one tally that both
 * ti_milestone_figures_compute() and a view counting the milestones it lists use.
 */
void
ti_milestone_figures_count (TiMilestoneFigures *figures, TiMilestoneStatus status)
{
  figures->milestones_due++;
  switch (status)
    {
    case TI_MILESTONE_DONE:
      figures->milestones_done_on_time++;
      break;
    case TI_MILESTONE_DONE_LATE:
      figures->milestones_done_late++;
      break;
    case TI_MILESTONE_LATE:
      figures->milestones_late++;
      break;
    case TI_MILESTONE_AT_RISK:
      figures->milestones_at_risk++;
      break;
    case TI_MILESTONE_ON_TRACK:
      figures->milestones_on_track++;
      break;
    case TI_MILESTONE_N_STATUSES:
    default:
      g_return_if_reached ();
    }
}

/**
 * ti_milestone_figures_get:
 *
 * Returns: how many milestones have @status in @figures
 */
guint
ti_milestone_figures_get (const TiMilestoneFigures *figures, TiMilestoneStatus status)
{
  switch (status)
    {
    case TI_MILESTONE_DONE:
      return figures->milestones_done_on_time;
    case TI_MILESTONE_DONE_LATE:
      return figures->milestones_done_late;
    case TI_MILESTONE_LATE:
      return figures->milestones_late;
    case TI_MILESTONE_AT_RISK:
      return figures->milestones_at_risk;
    case TI_MILESTONE_ON_TRACK:
      return figures->milestones_on_track;
    case TI_MILESTONE_N_STATUSES:
    default:
      g_return_val_if_reached (0);
    }
}

/* Whether a milestone due in @due_month is due in @period: its due date, the last day of the
 * month, is in it. */
gboolean
ti_milestone_due_in (const char *due_month, const TiPeriod *period)
{
  g_autofree char *due_iso = NULL;
  GDate due;

  if (!ti_milestone_due_date (due_month, &due))
    return FALSE;
  due_iso = ti_date_to_iso (&due);
  return strcmp (due_iso, period->from) >= 0 && strcmp (due_iso, period->to) <= 0;
}

/**
 * ti_milestone_figures_compute:
 * @from: (nullable): the period's first day, 'YYYY-MM-DD', or %NULL for no limit
 * @to: (nullable): its last day, or %NULL for no limit
 * @as_of: (nullable): the day the statuses are judged on, 'YYYY-MM-DD', or %NULL for today
 * @out: (out caller-allocates): the figures; clear with ti_milestone_figures_clear()
 *
 * Computes the milestone figures as defined in ti_milestone_figure_definitions().
 *
 * Returns: %FALSE with @error set when a date is not an ISO date or the programme cannot be
 *   read
 */
gboolean
ti_milestone_figures_compute (TiDatabase *db, const char *from, const char *to, const char *as_of,
                              TiMilestoneFigures *out, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  TiPeriod period, day;
  GDate today;
  int rc;

  g_return_val_if_fail (TI_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  memset (out, 0, sizeof *out);
  if (!ti_period_init (&period, from, to, error) || !ti_period_init (&day, as_of, NULL, error))
    return FALSE;
  if (as_of != NULL)
    ti_date_parse (as_of, &today);
  else
    ti_date_today (&today);

  stmt = ti_database_prepare (db, "SELECT due_month, done_on FROM milestones", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *due_month = (const char *)sqlite3_column_text (stmt, 0);
      const char *done_on = (const char *)sqlite3_column_text (stmt, 1);

      if (!ti_milestone_due_in (due_month, &period))
        continue;
      ti_milestone_figures_count (out, ti_milestone_status_as_of (due_month, done_on, &today));
    }
  if (rc != SQLITE_DONE)
    return ti_database_set_error_from_sqlite (db, rc, _ ("counting the milestone figures"), error);

  out->from = g_strdup (from);
  out->to = g_strdup (to);
  out->as_of = ti_date_to_iso (&today);
  return TRUE;
}

/**
 * ti_milestone_figures_clear:
 *
 * Frees what @figures holds and zeroes it; it may be cleared again.
 */
void
ti_milestone_figures_clear (TiMilestoneFigures *figures)
{
  g_free (figures->from);
  g_free (figures->to);
  g_free (figures->as_of);
  memset (figures, 0, sizeof *figures);
}

/**
 * ti_milestone_figures_free:
 * @figures: (nullable): figures from ti_milestone_figures_compute_finish()
 */
void
ti_milestone_figures_free (TiMilestoneFigures *figures)
{
  if (figures == NULL)
    return;
  ti_milestone_figures_clear (figures);
  g_free (figures);
}

static gboolean
compute (TiDatabase *db, const char *from, const char *to, const char *as_of, gpointer out,
         GError **error)
{
  return ti_milestone_figures_compute (db, from, to, as_of, out, error);
}

/**
 * ti_milestone_figures_compute_async:
 * @db_path: the programme file; the worker opens its own read-only connection
 * @from: (nullable): as for ti_milestone_figures_compute(); copied
 * @to: (nullable): likewise
 * @as_of: (nullable): likewise
 *
 * Computes the figures in a worker thread.
 */
void
ti_milestone_figures_compute_async (const char *db_path, const char *from, const char *to,
                                    const char *as_of, GCancellable *cancellable,
                                    GAsyncReadyCallback callback, gpointer user_data)
{
  ti_figures_compute_async (db_path, from, to, as_of, sizeof (TiMilestoneFigures), compute,
                            (GDestroyNotify)ti_milestone_figures_free, cancellable, callback,
                            user_data);
}

/**
 * ti_milestone_figures_compute_finish:
 *
 * Returns: (transfer full) (nullable): the figures, to free with ti_milestone_figures_free(),
 *   or %NULL with @error set
 */
TiMilestoneFigures *
ti_milestone_figures_compute_finish (GAsyncResult *result, GError **error)
{
  return ti_database_read_finish (result, error);
}
