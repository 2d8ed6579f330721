/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ti-engagement-figures"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ti-engagement-figures.h"
#include "ti-format.h"
#include "ti-training-figures-private.h"

/*
 * The engagement figures of an evaluation period, in one place, each with its one-line
 * definition (the workbook's notes print them). An activity is in the period by the day it
 * was held, both ends included; its actions count with it, whenever they are due. An action's
 * status is the one it has now (the programme keeps no date of closing), so "open" and
 * "overdue" are as of the day the figures are computed.
 */

static const TiFigureDefinition definitions[] = {
  { "activities", N_("Engagement activities"),
    N_("Engagement activities held in the period, of every kind.") },
  { "participants", N_("Participants"),
    N_("Participants of those activities counted in every group together; someone at two "
       "activities counts twice, as nobody is named.") },
  { "participants_young_people", N_("Young people"),
    N_("Young people counted at the activities held in the period.") },
  { "participants_adults_lived_experience", N_("Adults with lived experience"),
    N_("Adults with lived experience counted at the activities held in the period.") },
  { "participants_parents_carers", N_("Parents and carers"),
    N_("Parents and carers counted at the activities held in the period.") },
  { "participants_professionals", N_("Professionals"),
    N_("Professionals counted at the activities held in the period.") },
  { "participants_community_members", N_("Community members"),
    N_("Community members counted at the activities held in the period.") },
  { "influenced_principles", N_("Activities influencing the principles"),
    N_("Activities held in the period that influenced the principles; an activity that "
       "influenced several areas counts under each.") },
  { "influenced_charter", N_("Activities influencing the charter"),
    N_("Activities held in the period that influenced the charter; an activity that "
       "influenced several areas counts under each.") },
  { "influenced_training", N_("Activities influencing training"),
    N_("Activities held in the period that influenced training; an activity that influenced "
       "several areas counts under each.") },
  { "influenced_service_delivery", N_("Activities influencing service delivery"),
    N_("Activities held in the period that influenced service delivery; an activity that "
       "influenced several areas counts under each.") },
  { "influenced_evaluation", N_("Activities influencing the evaluation"),
    N_("Activities held in the period that influenced the evaluation; an activity that "
       "influenced several areas counts under each.") },
  { "actions", N_("“You said, we did” actions"),
    N_("Actions recorded against the activities held in the period, whenever they are due.") },
  { "actions_done", N_("Actions closed"),
    N_("Those actions marked done.") },
  { "actions_open", N_("Actions open"),
    N_("Those actions not yet done: open or in progress.") },
  { "actions_overdue", N_("Actions overdue"),
    N_("Actions open or in progress whose due date is before the day the figures were "
       "computed; an action without a due date is never overdue.") },
};

/**
 * ti_engagement_figure_definitions:
 * @n_definitions: (out): how many
 *
 * Every engagement figure's name and one-line definition, in the order a report shows them.
 *
 * Returns: (transfer none) (array length=n_definitions): the definitions
 */
const TiFigureDefinition *
ti_engagement_figure_definitions (guint *n_definitions)
{
  *n_definitions = G_N_ELEMENTS (definitions);
  return definitions;
}

/**
 * ti_engagement_figure_definition:
 * @key: a figure's key
 *
 * Returns: (transfer none) (nullable): its definition, or %NULL for no such figure
 */
const TiFigureDefinition *
ti_engagement_figure_definition (const char *key)
{
  return ti_figure_definition_find (definitions, G_N_ELEMENTS (definitions), key);
}

/* One pass over the activities on their held_on index. */
static const char activities_sql[] =
  "SELECT count(*), coalesce(sum(young_people), 0), coalesce(sum(adults_lived_experience), 0),"
  "  coalesce(sum(parents_carers), 0), coalesce(sum(professionals), 0),"
  "  coalesce(sum(community_members), 0)"
  " FROM engagement_activities WHERE held_on BETWEEN ?1 AND ?2";

static const char areas_sql[] =
  "SELECT i.area, count(*) FROM engagement_activities a"
  " JOIN engagement_influences i ON i.activity_id = a.id"
  " WHERE a.held_on BETWEEN ?1 AND ?2 GROUP BY i.area";

static const char actions_sql[] =
  "SELECT count(*), coalesce(sum(x.status = 'done'), 0),"
  "  coalesce(sum(x.status <> 'done' AND x.due_on < ?3), 0)"
  " FROM engagement_activities a JOIN engagement_actions x ON x.activity_id = a.id"
  " WHERE a.held_on BETWEEN ?1 AND ?2";

static sqlite3_stmt *
prepare (TiDatabase *db, const char *sql, const TiPeriod *period, const char *today,
         GError **error)
{
  sqlite3_stmt *stmt = ti_database_prepare (db, sql, error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, period->from, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, period->to, -1, SQLITE_TRANSIENT);
  if (sqlite3_bind_parameter_count (stmt) >= 3)
    sqlite3_bind_text (stmt, 3, today, -1, SQLITE_TRANSIENT);
  return stmt;
}

static gboolean
failed (TiDatabase *db, int rc, GError **error)
{
  return ti_database_set_error_from_sqlite (db, rc == SQLITE_DONE ? SQLITE_INTERNAL : rc,
                                            _("counting the engagement figures"), error);
}

static gboolean
count_all (TiDatabase *db, const TiPeriod *period, TiEngagementFigures *out, GError **error)
{
  g_autoptr (sqlite3_stmt) activities = prepare (db, activities_sql, period, NULL, error);
  g_autoptr (sqlite3_stmt) areas = NULL;
  g_autoptr (sqlite3_stmt) actions = NULL;
  int rc;

  if (activities == NULL)
    return FALSE;
  if ((rc = sqlite3_step (activities)) != SQLITE_ROW)
    return failed (db, rc, error);
  out->activities = sqlite3_column_int (activities, 0);
  for (guint g = 0; g < TI_ENGAGEMENT_N_GROUPS; g++)
    {
      out->participants_by_group[g] = sqlite3_column_int (activities, 1 + g);
      out->participants += out->participants_by_group[g];
    }

  areas = prepare (db, areas_sql, period, NULL, error);
  if (areas == NULL)
    return FALSE;
  while ((rc = sqlite3_step (areas)) == SQLITE_ROW)
    for (guint i = 0; i < TI_ENGAGEMENT_N_AREAS; i++)
      if (g_strcmp0 ((const char *) sqlite3_column_text (areas, 0), ti_engagement_area_key (i))
          == 0)
        out->influenced[i] = sqlite3_column_int (areas, 1);
  if (rc != SQLITE_DONE)
    return failed (db, rc, error);

  actions = prepare (db, actions_sql, period, out->today, error);
  if (actions == NULL)
    return FALSE;
  if ((rc = sqlite3_step (actions)) != SQLITE_ROW)
    return failed (db, rc, error);
  out->actions = sqlite3_column_int (actions, 0);
  out->actions_done = sqlite3_column_int (actions, 1);
  out->actions_open = out->actions - out->actions_done;
  out->actions_overdue = sqlite3_column_int (actions, 2);
  return TRUE;
}

/**
 * ti_engagement_figures_compute:
 * @from: (nullable): the period's first day, 'YYYY-MM-DD'; %NULL for the programme's start
 * @to: (nullable): the period's last day, 'YYYY-MM-DD'; %NULL for no end
 * @today: (nullable): the day overdue actions are judged on, 'YYYY-MM-DD'; %NULL for today
 * @out: (out caller-allocates): filled in; clear it with ti_engagement_figures_clear()
 *
 * Computes every engagement figure for the period from one snapshot of the programme.
 *
 * Returns: %FALSE with @error set when a date is malformed or the programme cannot be read
 *   (@out is then cleared)
 */
gboolean
ti_engagement_figures_compute (TiDatabase *db, const char *from, const char *to,
                               const char *today, TiEngagementFigures *out, GError **error)
{
  gboolean own_transaction;
  gboolean ok;
  TiPeriod period, day;

  g_return_val_if_fail (TI_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  memset (out, 0, sizeof *out);
  if (!ti_period_init (&period, from, to, error))
    return FALSE;
  if (today == NULL)
    {
      g_autoptr (GDateTime) now = g_date_time_new_now_local ();
      g_autofree char *text = g_date_time_format (now, "%Y-%m-%d");

      g_strlcpy (out->today, text, sizeof out->today);
    }
  else if (!ti_period_init (&day, today, today, error))
    return FALSE;
  else
    g_strlcpy (out->today, day.from, sizeof out->today);
  out->from = g_strdup (from);
  out->to = g_strdup (to);

  ok = ti_database_snapshot_begin (db, &own_transaction, error)
       && count_all (db, &period, out, error);
  ti_database_snapshot_end (db, own_transaction);
  if (!ok)
    ti_engagement_figures_clear (out);
  return ok;
}

/**
 * ti_engagement_figures_clear:
 *
 * Frees what @figures holds and zeroes it; it may be cleared again.
 */
void
ti_engagement_figures_clear (TiEngagementFigures *figures)
{
  g_free (figures->from);
  g_free (figures->to);
  memset (figures, 0, sizeof *figures);
}

/**
 * ti_engagement_figures_free:
 * @figures: (nullable): figures from ti_engagement_figures_compute_finish()
 */
void
ti_engagement_figures_free (TiEngagementFigures *figures)
{
  if (figures == NULL)
    return;
  ti_engagement_figures_clear (figures);
  g_free (figures);
}

static gboolean
compute (TiDatabase *db, const char *from, const char *to, const char *today, gpointer out,
         GError **error)
{
  return ti_engagement_figures_compute (db, from, to, today, out, error);
}

/**
 * ti_engagement_figures_compute_async:
 * @db_path: the programme file; the worker opens its own read-only connection
 * @from: (nullable): as for ti_engagement_figures_compute(); copied
 * @to: (nullable): likewise
 *
 * Computes the figures in a worker thread, judging overdue actions on today's date.
 */
void
ti_engagement_figures_compute_async (const char *db_path, const char *from, const char *to,
                                     GCancellable *cancellable, GAsyncReadyCallback callback,
                                     gpointer user_data)
{
  ti_figures_compute_async (db_path, from, to, NULL, sizeof (TiEngagementFigures), compute,
                            (GDestroyNotify) ti_engagement_figures_free, cancellable, callback,
                            user_data);
}

/**
 * ti_engagement_figures_compute_finish:
 *
 * Returns: (transfer full) (nullable): the figures, to free with ti_engagement_figures_free(),
 *   or %NULL with @error set
 */
TiEngagementFigures *
ti_engagement_figures_compute_finish (GAsyncResult *result, GError **error)
{
  return ti_database_read_finish (result, error);
}
