/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ti-network-figures"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "ti-network-figures-private.h"
#include "ti-training-figures-private.h"
#include "ti-vocabulary.h"

/*
 * The champions' network and the charter, in one place: the Network map's overview, the
 * Evaluation dashboards, "Needs attention" and the workbook read them from here.
 *
 * The rules:
 *
 * - A champion is active on a day D when they joined on or before D (since ≤ D) and had not
 *   been paused or stepped down by then: a paused or stepped-down champion is inactive from
 *   the day their status changed (from the day they joined when no date was recorded).
 * - The network is made of top-level organisations: a directorate counts with its parent (a
 *   council and its services are one partner), for champions and for the charter.
 * - A top-level organisation's charter stage on D is the furthest that it or any of its
 *   directorates had reached: signed when signed on or before D; otherwise in consultation
 *   when the consultation had started by D (or the record says it has started but not when);
 *   otherwise not started.
 * - The figures of a period stand on its last day, or on the day they are as of (today)
 *   when that is earlier or the period has no end: nothing is counted before it happens.
 *
 * Erased people keep their place in every count. The organisations and the champions are
 * read once (a few thousand rows at county scale ten) and judged in C, so that a chart can
 * ask about every month's end without another query.
 */

static const TiFigureDefinition definitions[] = {
  { "active_champions", N_ ("Active champions"),
    N_ ("Champions active on the period’s last day (today, if that is earlier or the period "
        "is open): joined on or before it, and not paused or stepped down by then.") },
  { "organisations_in_network", N_ ("Organisations in the network"),
    N_ ("Top-level organisations with at least one active champion on that day in "
        "themselves or their directorates; a directorate counts with its parent.") },
  { "organisations", N_ ("Organisations"),
    N_ ("Top-level organisations recorded in the programme; directorates count with their "
        "parent.") },
  { "sectors_with_champion", N_ ("Sectors with a champion"),
    N_ ("Sectors of the organisations in the network.") },
  { "charter_signatories", N_ ("Charter signatories"),
    N_ ("Top-level organisations whose charter (their own or a directorate’s) was signed on "
        "or before the period’s last day (today, if that is earlier or the period is "
        "open).") },
};

/**
 * ti_network_figure_definitions:
 * @n_definitions: (out): how many
 *
 * Every network figure's name and one-line definition, in the order a report shows them.
 *
 * Returns: (transfer none) (array length=n_definitions): the definitions
 */
const TiFigureDefinition *
ti_network_figure_definitions (guint *n_definitions)
{
  *n_definitions = G_N_ELEMENTS (definitions);
  return definitions;
}

/**
 * ti_network_figure_definition:
 * @key: a figure's key
 *
 * Returns: (transfer none) (nullable): its definition, or %NULL for no such figure
 */
const TiFigureDefinition *
ti_network_figure_definition (const char *key)
{
  return ti_figure_definition_find (definitions, G_N_ELEMENTS (definitions), key);
}

static void
champion_clear (gpointer data)
{
  g_free (((TiNetworkChampion *)data)->name);
}

void
ti_network_tally_free (TiNetworkTally *tally)
{
  if (tally == NULL)
    return;
  g_clear_pointer (&tally->tree, ti_organisation_tree_unref);
  g_free (tally->charters);
  g_clear_pointer (&tally->champions, g_array_unref);
  g_free (tally);
}

static void
copy_day (char out[11], const char *text)
{
  g_strlcpy (out, text != NULL ? text : "", 11);
}

/* Each organisation's own charter adoption; none recorded is "not started". */
static gboolean
load_charters (TiNetworkTally *tally, TiDatabase *db, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = ti_database_prepare (
    db,
    "SELECT organisation_id, stage <> 'not_started', consultation_started_on, signed_on"
    " FROM charter_adoptions",
    error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int i = ti_organisation_tree_find (tally->tree, sqlite3_column_int64 (stmt, 0));
      TiNetworkCharter *charter;

      if (i < 0)
        continue;
      charter = &tally->charters[i];
      charter->adopting = sqlite3_column_int (stmt, 1);
      copy_day (charter->consultation_on, (const char *)sqlite3_column_text (stmt, 2));
      copy_day (charter->signed_on, (const char *)sqlite3_column_text (stmt, 3));
    }
  if (rc != SQLITE_DONE)
    return ti_database_set_error_from_sqlite (db, rc, _ ("reading the organisations"), error);
  return TRUE;
}

static gboolean
load_champions (TiNetworkTally *tally, TiDatabase *db, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = ti_database_prepare (
    db,
    "SELECT c.person_id, p.organisation_id, p.erased_on IS NOT NULL, c.since,"
    "  CASE WHEN c.status <> 'active' THEN coalesce(c.status_changed_on, c.since) END, p.name"
    " FROM champions c JOIN people p ON p.id = c.person_id ORDER BY c.person_id",
    error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 organisation_id = sqlite3_column_int64 (stmt, 1);
      TiNetworkChampion c = {
        .person_id = sqlite3_column_int64 (stmt, 0),
        .organisation = ti_organisation_tree_find (tally->tree, organisation_id),
        .erased = sqlite3_column_int (stmt, 2),
        .name = g_strdup ((const char *)sqlite3_column_text (stmt, 5)),
      };

      copy_day (c.since, (const char *)sqlite3_column_text (stmt, 3));
      copy_day (c.inactive_from, (const char *)sqlite3_column_text (stmt, 4));
      g_array_append_val (tally->champions, c);
    }
  if (rc != SQLITE_DONE)
    return ti_database_set_error_from_sqlite (db, rc, _ ("reading the champions"), error);
  return TRUE;
}

/*
 * Reads the organisations' charters and the champions for the organisations of @tree (which
 * it keeps a reference to); call it inside the read transaction @tree was read in.
 */
TiNetworkTally *
ti_network_tally_new_for (TiDatabase *db, TiOrganisationTree *tree, GError **error)
{
  g_autoptr (TiNetworkTally) tally = g_new0 (TiNetworkTally, 1);

  tally->tree = ti_organisation_tree_ref (tree);
  tally->organisations = tree->nodes;
  tally->charters = g_new0 (TiNetworkCharter, tree->nodes->len);
  tally->champions = g_array_new (FALSE, TRUE, sizeof (TiNetworkChampion));
  g_array_set_clear_func (tally->champions, champion_clear);
  if (!load_charters (tally, db, error) || !load_champions (tally, db, error))
    return NULL;
  return g_steal_pointer (&tally);
}

/*
 * Reads the organisations, their charters and the champions; call it inside a read
 * transaction when it must agree with other reads.
 */
TiNetworkTally *
ti_network_tally_new (TiDatabase *db, GError **error)
{
  g_autoptr (TiOrganisationTree) tree = ti_organisation_tree_new (db, error);

  return tree != NULL ? ti_network_tally_new_for (db, tree, error) : NULL;
}

static int
compare_person (const void *key, const void *element)
{
  gint64 id = *(const gint64 *)key;
  gint64 other = ((const TiNetworkChampion *)element)->person_id;

  return (id > other) - (id < other);
}

/* The champion who is @person_id, or %NULL when they are not one. */
const TiNetworkChampion *
ti_network_tally_find_champion (const TiNetworkTally *tally, gint64 person_id)
{
  /* An empty GArray's data is NULL, which bsearch must not be given. */
  if (tally->champions->len == 0)
    return NULL;
  return bsearch (&person_id, tally->champions->data, tally->champions->len,
                  sizeof (TiNetworkChampion), compare_person);
}

/* The one formula of "active on @day" (see the top of this file). */
gboolean
ti_network_champion_is_active (const TiNetworkChampion *champion, const char *day)
{
  return champion->since[0] != '\0' && strcmp (champion->since, day) <= 0
         && (champion->inactive_from[0] == '\0' || strcmp (champion->inactive_from, day) > 0);
}

guint
ti_network_tally_count_active (const TiNetworkTally *tally, const char *day)
{
  guint n = 0;

  for (guint i = 0; i < tally->champions->len; i++)
    n += ti_network_champion_is_active (&g_array_index (tally->champions, TiNetworkChampion, i),
                                        day);
  return n;
}

/*
 * Sets @rooted[i] (one for each organisation, zeroed by the caller) for each top-level
 * organisation with an active champion on @day in itself or its directorates.
 *
 * Returns: how many top-level organisations are so marked
 */
guint
ti_network_tally_mark_rooted (const TiNetworkTally *tally, const char *day, gboolean *rooted)
{
  guint n = 0;

  for (guint i = 0; i < tally->champions->len; i++)
    {
      const TiNetworkChampion *c = &g_array_index (tally->champions, TiNetworkChampion, i);
      int root;

      if (c->organisation < 0 || !ti_network_champion_is_active (c, day))
        continue;
      root = TI_NETWORK_ORGANISATION (tally, c->organisation)->root;
      n += !rooted[root];
      rooted[root] = TRUE;
    }
  return n;
}

static TiCharterStage
stage_on (const TiNetworkCharter *o, const char *day)
{
  if (o->signed_on[0] != '\0' && strcmp (o->signed_on, day) <= 0)
    return TI_CHARTER_STAGE_SIGNED;
  if (o->adopting && (o->consultation_on[0] == '\0' || strcmp (o->consultation_on, day) <= 0))
    return TI_CHARTER_STAGE_CONSULTATION;
  return TI_CHARTER_STAGE_NOT_STARTED;
}

/*
 * Sets @stages[i] (one for each organisation) for each top-level organisation to its
 * charter stage on @day: not started, in consultation or signed (see the top of this file).
 */
void
ti_network_tally_charter_stages (const TiNetworkTally *tally, const char *day,
                                 TiCharterStage *stages)
{
  for (guint i = 0; i < tally->organisations->len; i++)
    stages[i] = TI_CHARTER_STAGE_NOT_STARTED;
  for (guint i = 0; i < tally->organisations->len; i++)
    {
      int root = TI_NETWORK_ORGANISATION (tally, i)->root;

      stages[root] = MAX (stages[root], stage_on (&tally->charters[i], day));
    }
}

/*
 * Counts the figures of a period (as ti_period_init() made it) from @tally, standing on its
 * last day or @today, whichever is earlier.
 */
void
ti_network_figures_count (const TiNetworkTally *tally, const char *from, const char *to,
                          const TiPeriod *period, const char *today, TiNetworkFigures *out)
{
  guint n = tally->organisations->len;
  g_autofree gboolean *rooted = g_new0 (gboolean, n);
  g_autofree TiCharterStage *stages = g_new0 (TiCharterStage, n);
  g_autoptr (GHashTable) sectors = g_hash_table_new (g_str_hash, g_str_equal);

  memset (out, 0, sizeof *out);
  out->from = g_strdup (from);
  out->to = g_strdup (to);
  g_strlcpy (out->on, strcmp (period->to, today) < 0 ? period->to : today, sizeof out->on);
  out->active_champions = ti_network_tally_count_active (tally, out->on);
  out->organisations_in_network = ti_network_tally_mark_rooted (tally, out->on, rooted);
  ti_network_tally_charter_stages (tally, out->on, stages);
  for (guint i = 0; i < n; i++)
    {
      if (!TI_NETWORK_IS_TOP_LEVEL (tally, i))
        continue;
      out->organisations++;
      out->charter_signatories += stages[i] == TI_CHARTER_STAGE_SIGNED;
      if (rooted[i])
        g_hash_table_add (sectors, TI_NETWORK_ORGANISATION (tally, i)->sector);
    }
  out->sectors_with_champion = g_hash_table_size (sectors);
}

/**
 * ti_network_figures_compute:
 * @from: (nullable): the period's first day, 'YYYY-MM-DD', or %NULL for no start
 * @to: (nullable): its last day, or %NULL for no end
 * @as_of: (nullable): today, 'YYYY-MM-DD'; %NULL for the real today
 * @out: (out caller-allocates): the figures; clear with ti_network_figures_clear()
 *
 * Computes the network figures as ti_network_figure_definitions() defines them, on the
 * period's last day or @as_of, whichever is earlier.
 *
 * Returns: %FALSE with @error set when a date is not an ISO date or the programme cannot be
 *   read
 */
gboolean
ti_network_figures_compute (TiDatabase *db, const char *from, const char *to, const char *as_of,
                            TiNetworkFigures *out, GError **error)
{
  g_autoptr (TiNetworkTally) tally = NULL;
  gboolean own_transaction;
  TiPeriod period;
  char today[11];

  g_return_val_if_fail (TI_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  memset (out, 0, sizeof *out);
  if (!ti_period_init (&period, from, to, error) || !ti_day_init (today, as_of, error))
    return FALSE;
  if (!ti_database_snapshot_begin (db, &own_transaction, error))
    return FALSE;
  tally = ti_network_tally_new (db, error);
  ti_database_snapshot_end (db, own_transaction);
  if (tally == NULL)
    return FALSE;
  ti_network_figures_count (tally, from, to, &period, today, out);
  return TRUE;
}

/**
 * ti_network_figures_clear:
 *
 * Frees what @figures holds and zeroes it; it may be cleared again.
 */
void
ti_network_figures_clear (TiNetworkFigures *figures)
{
  g_free (figures->from);
  g_free (figures->to);
  memset (figures, 0, sizeof *figures);
}

/**
 * ti_network_figures_free:
 * @figures: (nullable): figures from ti_network_figures_compute_finish()
 */
void
ti_network_figures_free (TiNetworkFigures *figures)
{
  if (figures == NULL)
    return;
  ti_network_figures_clear (figures);
  g_free (figures);
}

static gboolean
compute (TiDatabase *db, const char *from, const char *to, const char *as_of, gpointer out,
         GError **error)
{
  return ti_network_figures_compute (db, from, to, as_of, out, error);
}

/**
 * ti_network_figures_compute_async:
 * @db_path: the programme file; the worker opens its own read-only connection
 * @from: (nullable): as for ti_network_figures_compute(); copied
 * @to: (nullable): likewise
 * @as_of: (nullable): likewise
 *
 * Computes the figures in a worker thread.
 */
void
ti_network_figures_compute_async (const char *db_path, const char *from, const char *to,
                                  const char *as_of, GCancellable *cancellable,
                                  GAsyncReadyCallback callback, gpointer user_data)
{
  ti_figures_compute_async (db_path, from, to, as_of, sizeof (TiNetworkFigures), compute,
                            (GDestroyNotify)ti_network_figures_free, cancellable, callback,
                            user_data);
}

/**
 * ti_network_figures_compute_finish:
 *
 * Returns: (transfer full) (nullable): the figures, to free with ti_network_figures_free(), or
 *   %NULL with @error set
 */
TiNetworkFigures *
ti_network_figures_compute_finish (GAsyncResult *result, GError **error)
{
  return ti_database_read_finish (result, error);
}
