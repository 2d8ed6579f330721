/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ti-network-graph"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "ti-network-figures-private.h"
#include "ti-network-graph-private.h"
#include "ti-tiers.h"
#include "ti-vocabulary.h"

/*
 * The champions' network as a graph, built from the programme in one read:
 *
 * - Organisations are the top-level ones (a directorate counts with its parent), every one of
 *   them, with or without champions: those without are the gaps the map shows.
 * - Champions are those active on the graph's day, by the network figures' rule
 *   (ti_network_champion_is_active()), each tied to their top-level organisation.
 * - Two champions are tied by gatherings held on or before that day: delivered sessions they
 *   facilitated together, delivered sessions they both attended, events they both attended;
 *   the tie's weight is how many. A gathering with more than TI_NETWORK_GATHERING_MAX of the
 *   graph's champions is counted but ties nobody (see the header).
 * - Two organisations are tied by the ties between their champions, weights summed.
 *
 * The pairs are gathered in C, not with SQL self-joins: each gathering's champions are read
 * in gathering order, and the pairs of the small ones go into one array that is sorted and
 * counted. Tens of thousands of pairs at county scale ten, a few milliseconds.
 */

static const TiFigureDefinition definitions[] = {
  { "network_ties", N_ ("Ties"),
    N_ ("Two champions active on the day are tied by the delivered sessions they facilitated "
        "together, the delivered sessions and the events they both attended, held on or "
        "before it; the weight is how many. A gathering of more than 40 champions ties "
        "nobody. Two organisations are tied by their champions’ ties.") },
  { "network_bridges", N_ ("Bridges"),
    N_ ("Champions (or organisations) whose ties reach at least two sectors other than their "
        "own, by betweenness: how often they lie on the shortest paths between others.") },
  { "network_groups", N_ ("Connected groups"),
    N_ ("Groups of two organisations or more joined by ties, directly or through others; an "
        "isolated organisation is not a group.") },
  { "network_isolated", N_ ("Isolated organisations"),
    N_ ("Top-level organisations with no active champion, or none of whose champions has a "
        "tie with a champion of another organisation.") },
  { "network_sector_gaps", N_ ("Sectors with no ties"),
    N_ ("Pairs of sectors with no tie between their champions (or organisations).") },
};

G_DEFINE_QUARK (ti-network-graph-error-quark, ti_network_graph_error)

/**
 * ti_network_graph_figure_definitions:
 * @n_definitions: (out): how many
 *
 * The network map's measures, each named and defined in one line, for the map's side panel
 * and the workbook's notes.
 *
 * Returns: (transfer none) (array length=n_definitions): the definitions
 */
const TiFigureDefinition *
ti_network_graph_figure_definitions (guint *n_definitions)
{
  *n_definitions = G_N_ELEMENTS (definitions);
  return definitions;
}

static void
node_clear (gpointer data)
{
  g_free (((TiNetworkNode *) data)->label);
}

TiNetworkGraph *
ti_network_graph_new (TiNetworkMode mode)
{
  TiNetworkGraph *graph = g_new0 (TiNetworkGraph, 1);

  graph->mode = mode;
  graph->nodes = g_array_new (FALSE, TRUE, sizeof (TiNetworkNode));
  g_array_set_clear_func (graph->nodes, node_clear);
  graph->ties = g_array_new (FALSE, TRUE, sizeof (TiNetworkTie));
  graph->bridges = g_array_new (FALSE, FALSE, sizeof (guint));
  graph->isolated = g_array_new (FALSE, FALSE, sizeof (guint));
  graph->sector_pairs = g_array_new (FALSE, TRUE, sizeof (TiSectorPair));
  return graph;
}

/**
 * ti_network_graph_free:
 * @graph: (nullable) (transfer full): a graph
 */
void
ti_network_graph_free (TiNetworkGraph *graph)
{
  if (graph == NULL)
    return;
  g_clear_pointer (&graph->nodes, g_array_unref);
  g_clear_pointer (&graph->ties, g_array_unref);
  g_clear_pointer (&graph->bridges, g_array_unref);
  g_clear_pointer (&graph->isolated, g_array_unref);
  g_clear_pointer (&graph->sector_pairs, g_array_unref);
  ti_sector_matrix_clear (&graph->sector_matrix);
  g_free (graph->description);
  g_free (graph);
}

/* What building reads and works with; the champions' node indices are by tally index. */
typedef struct
{
  TiNetworkGraph *graph;
  TiNetworkTally *tally;
  char last_minute[17];  /* 'YYYY-MM-DD 23:59' of the graph's day */
  int *organisation_node; /* by organisation index: its top-level organisation's node */
  int *champion_node;     /* by tally index: the champion's node, -1 when not in the graph */
  GArray *pairs;          /* of guint64: (lower node << 32) | higher node, one per gathering */
  GArray *gathering;      /* of guint: the nodes of the gathering being read */
} Builder;

static void
builder_clear (Builder *b)
{
  g_clear_pointer (&b->tally, ti_network_tally_free);
  g_clear_pointer (&b->organisation_node, g_free);
  g_clear_pointer (&b->champion_node, g_free);
  g_clear_pointer (&b->pairs, g_array_unref);
  g_clear_pointer (&b->gathering, g_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Builder, builder_clear)

static TiNetworkNode *
add_node (TiNetworkGraph *graph, TiNetworkNodeKind kind, gint64 id, const char *label,
          const char *sector, const char *locality)
{
  TiNetworkNode node = {
    .kind = kind,
    .id = id,
    .label = g_strdup (label != NULL ? label : ""),
    .sector = ti_vocabulary_sector_key (sector),
    .locality = ti_vocabulary_locality_key (locality),
    .organisation = -1,
  };

  if (node.sector == NULL)
    node.sector = "other";
  node.sector_label = ti_vocabulary_sector_label (node.sector);
  if (node.locality == NULL)
    node.locality = "";
  g_array_append_val (graph->nodes, node);
  return &g_array_index (graph->nodes, TiNetworkNode, graph->nodes->len - 1);
}

static void
add_organisations (Builder *b)
{
  GArray *organisations = b->tally->organisations;

  b->organisation_node = g_new (int, organisations->len);
  for (guint i = 0; i < organisations->len; i++)
    {
      const TiNetworkOrganisation *o = TI_NETWORK_ORGANISATION (b->tally, i);

      if (!TI_NETWORK_IS_TOP_LEVEL (b->tally, i))
        continue;
      b->organisation_node[i] = b->graph->nodes->len;
      add_node (b->graph, TI_NETWORK_NODE_ORGANISATION, o->id, o->name, o->sector, o->locality);
    }
  for (guint i = 0; i < organisations->len; i++)
    b->organisation_node[i] = b->organisation_node[TI_NETWORK_ORGANISATION (b->tally, i)->root];
}

/* The champions active on the day, after the organisations, each with their highest tier
 * completed by then (ti_tiers_sql(): the one rule of tiers). */
static gboolean
add_champions (Builder *b, TiDatabase *db, GError **error)
{
  TiNetworkGraph *graph = b->graph;
  g_autofree char *sql = ti_tiers_sql ("IN (SELECT person_id FROM champions)");
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  b->champion_node = g_new (int, MAX (b->tally->champions->len, 1));
  for (guint i = 0; i < b->tally->champions->len; i++)
    {
      const TiNetworkChampion *c = &g_array_index (b->tally->champions, TiNetworkChampion, i);
      int organisation = c->organisation >= 0 ? b->organisation_node[c->organisation] : -1;
      const TiNetworkNode *o
        = organisation >= 0 ? &g_array_index (graph->nodes, TiNetworkNode, organisation) : NULL;
      TiNetworkNode *node;

      b->champion_node[i] = -1;
      if (!ti_network_champion_is_active (c, graph->as_of))
        continue;
      b->champion_node[i] = graph->nodes->len;
      node = add_node (graph, TI_NETWORK_NODE_CHAMPION, c->person_id, c->name,
                       o != NULL ? o->sector : NULL, o != NULL ? o->locality : NULL);
      node->organisation = organisation;
      if (o != NULL)
        g_array_index (graph->nodes, TiNetworkNode, organisation).champions++;
    }

  stmt = ti_database_prepare (db, sql, error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const TiNetworkChampion *c
        = ti_network_tally_find_champion (b->tally, sqlite3_column_int64 (stmt, 0));
      int at = c != NULL ? b->champion_node[c - (TiNetworkChampion *) b->tally->champions->data]
                         : -1;
      TiNetworkNode *node;

      if (at < 0)
        continue;
      node = &g_array_index (graph->nodes, TiNetworkNode, at);
      for (int tier = 3; tier >= 1 && node->tier == 0; tier--)
        {
          const char *on = (const char *) sqlite3_column_text (stmt, tier);

          if (on != NULL && strcmp (on, graph->as_of) <= 0)
            node->tier = tier;
        }
    }
  if (rc != SQLITE_DONE)
    return ti_database_set_error_from_sqlite (db, rc, _ ("reading the champions’ training"),
                                              error);
  return TRUE;
}

/* Ties each pair of the gathering just read, unless it is too large to mean anything. */
static void
close_gathering (Builder *b)
{
  GArray *members = b->gathering;

  if (members->len > TI_NETWORK_GATHERING_MAX)
    b->graph->large_gatherings++;
  else
    for (guint i = 0; i < members->len; i++)
      for (guint j = i + 1; j < members->len; j++)
        {
          guint64 lo = MIN (g_array_index (members, guint, i), g_array_index (members, guint, j));
          guint64 hi = MAX (g_array_index (members, guint, i), g_array_index (members, guint, j));
          guint64 pair = (lo << 32) | hi;

          if (lo != hi)
            g_array_append_val (b->pairs, pair);
        }
  g_array_set_size (members, 0);
}

/* Reads rows (gathering id, person id) in gathering order, held by ?1 (the day's last
 * minute), and ties the graph's champions in each gathering. */
static gboolean
read_gatherings (Builder *b, TiDatabase *db, const char *sql, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = ti_database_prepare (db, sql, error);
  gint64 current = 0;
  gboolean any = FALSE;
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, b->last_minute, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 gathering = sqlite3_column_int64 (stmt, 0);
      const TiNetworkChampion *c
        = ti_network_tally_find_champion (b->tally, sqlite3_column_int64 (stmt, 1));
      int node;

      if (any && gathering != current)
        close_gathering (b);
      current = gathering;
      any = TRUE;
      node = c != NULL ? b->champion_node[c - (TiNetworkChampion *) b->tally->champions->data]
                       : -1;
      if (node >= 0)
        g_array_append_val (b->gathering, node);
    }
  if (any)
    close_gathering (b);
  if (rc != SQLITE_DONE)
    return ti_database_set_error_from_sqlite (db, rc, _ ("reading the sessions and events"),
                                              error);
  return TRUE;
}

static const char facilitated_sql[]
  = "SELECT f.session_id, f.person_id FROM sessions s"
    "  CROSS JOIN session_facilitators f ON f.session_id = s.id"
    " WHERE s.status = 'delivered' AND s.starts_at <= ?1 ORDER BY f.session_id";
static const char attended_sql[]
  = "SELECT a.session_id, a.person_id FROM sessions s"
    "  CROSS JOIN attendance a ON a.session_id = s.id"
    " WHERE s.status = 'delivered' AND s.starts_at <= ?1 AND a.attended ORDER BY a.session_id";
static const char events_sql[]
  = "SELECT a.event_id, a.person_id FROM events e"
    "  CROSS JOIN event_attendance a ON a.event_id = e.id"
    " WHERE e.starts_at <= ?1 AND a.attended ORDER BY a.event_id";

static int
compare_pair (const void *a, const void *b)
{
  guint64 x = *(const guint64 *) a, y = *(const guint64 *) b;

  return (x > y) - (x < y);
}

/* Sorts @pairs and counts each: the weighted ties. */
static void
count_pairs (GArray *pairs, GArray *ties)
{
  /* An empty GArray's data is NULL, which qsort must not be given. */
  if (pairs->len > 1)
    qsort (pairs->data, pairs->len, sizeof (guint64), compare_pair);
  for (guint i = 0; i < pairs->len;)
    {
      guint64 pair = g_array_index (pairs, guint64, i);
      TiNetworkTie tie = { .source = pair >> 32, .target = pair & G_MAXUINT32 };
      guint j = i;

      while (j < pairs->len && g_array_index (pairs, guint64, j) == pair)
        j++;
      tie.weight = j - i;
      g_array_append_val (ties, tie);
      i = j;
    }
}

/* The organisations' ties from their champions', weights summed; marks on @linked the
 * organisations with any. */
static GArray *
organisation_ties (const TiNetworkGraph *graph, const GArray *champion_ties, gboolean *linked)
{
  g_autoptr (GArray) pairs = g_array_new (FALSE, FALSE, sizeof (guint64));
  g_autoptr (GArray) weights = g_array_new (FALSE, FALSE, sizeof (double));
  GArray *ties = g_array_new (FALSE, TRUE, sizeof (TiNetworkTie));

  /* Each champion tie once per unit of weight: the weights are small counts. */
  for (guint i = 0; i < champion_ties->len; i++)
    {
      const TiNetworkTie *t = &g_array_index (champion_ties, TiNetworkTie, i);
      int a = g_array_index (graph->nodes, TiNetworkNode, t->source).organisation;
      int b = g_array_index (graph->nodes, TiNetworkNode, t->target).organisation;
      guint64 pair;

      if (a < 0 || b < 0 || a == b)
        continue;
      pair = ((guint64) MIN (a, b) << 32) | (guint64) MAX (a, b);
      for (guint w = 0; w < (guint) t->weight; w++)
        g_array_append_val (pairs, pair);
      linked[a] = linked[b] = TRUE;
    }
  count_pairs (pairs, ties);
  return ties;
}

static void
add_membership_ties (TiNetworkGraph *graph)
{
  for (guint i = 0; i < graph->nodes->len; i++)
    {
      const TiNetworkNode *n = &g_array_index (graph->nodes, TiNetworkNode, i);
      TiNetworkTie tie = { .source = n->organisation, .target = i, .weight = 1, .membership = TRUE };

      if (n->kind == TI_NETWORK_NODE_CHAMPION && n->organisation >= 0)
        g_array_append_val (graph->ties, tie);
    }
}

static gboolean
read_graph (Builder *b, TiDatabase *db, GError **error)
{
  TiNetworkGraph *graph = b->graph;
  g_autoptr (GArray) champion_ties = g_array_new (FALSE, TRUE, sizeof (TiNetworkTie));
  g_autoptr (GArray) org_ties = NULL;
  g_autofree gboolean *linked = NULL;
  guint n_organisations;

  b->tally = ti_network_tally_new (db, error);
  if (b->tally == NULL)
    return FALSE;
  add_organisations (b);
  n_organisations = graph->nodes->len;
  if (!add_champions (b, db, error) || !read_gatherings (b, db, facilitated_sql, error)
      || !read_gatherings (b, db, attended_sql, error)
      || !read_gatherings (b, db, events_sql, error))
    return FALSE;
  count_pairs (b->pairs, champion_ties);

  linked = g_new0 (gboolean, n_organisations);
  org_ties = organisation_ties (graph, champion_ties, linked);
  for (guint i = 0; i < n_organisations; i++)
    if (g_array_index (graph->nodes, TiNetworkNode, i).champions == 0 || !linked[i])
      g_array_append_val (graph->isolated, i);

  if (graph->mode == TI_NETWORK_ORGANISATIONS)
    {
      g_array_set_size (graph->nodes, n_organisations);
      g_array_append_vals (graph->ties, org_ties->data, org_ties->len);
    }
  else
    {
      add_membership_ties (graph);
      g_array_append_vals (graph->ties, champion_ties->data, champion_ties->len);
    }
  return TRUE;
}

/* The network as it stood on @as_of, not yet measured. */
TiNetworkGraph *
ti_network_graph_read (TiDatabase *db, TiNetworkMode mode, const char *as_of, GError **error)
{
  g_autoptr (TiNetworkGraph) graph = ti_network_graph_new (mode);
  g_auto (Builder) b = { .graph = graph };
  char today[11];
  gboolean started;
  gboolean ok;

  if (!ti_day_init (graph->as_of, as_of, error) || !ti_day_init (today, NULL, error))
    return NULL;
  graph->past = strcmp (graph->as_of, today) < 0;
  g_snprintf (b.last_minute, sizeof b.last_minute, "%s 23:59", graph->as_of);
  b.pairs = g_array_new (FALSE, FALSE, sizeof (guint64));
  b.gathering = g_array_new (FALSE, FALSE, sizeof (guint));

  if (!ti_database_snapshot_begin (db, &started, error))
    return NULL;
  ok = read_graph (&b, db, error);
  ti_database_snapshot_end (db, started);
  return ok ? g_steal_pointer (&graph) : NULL;
}

/**
 * ti_network_graph_build:
 * @mode: organisations only, or the full network
 * @as_of: (nullable): the day, 'YYYY-MM-DD'; %NULL for today
 *
 * Builds the network as it stood on @as_of (see #TiNetworkGraph and #TiNetworkTie for what
 * is in it) and measures it. Its nodes are not laid out: see ti_network_graph_layout().
 *
 * Returns: (transfer full) (nullable): the graph, or %NULL with @error set
 */
TiNetworkGraph *
ti_network_graph_build (TiDatabase *db, TiNetworkMode mode, const char *as_of, GError **error)
{
  g_autoptr (TiNetworkGraph) graph = ti_network_graph_read (db, mode, as_of, error);

  if (graph == NULL || !ti_network_graph_measure (graph, error))
    return NULL;
  return g_steal_pointer (&graph);
}

typedef struct
{
  TiNetworkMode mode;
  char *as_of;
  GCancellable *cancellable;
} BuildJob;

static void
build_job_free (gpointer data)
{
  BuildJob *job = data;

  g_free (job->as_of);
  g_clear_object (&job->cancellable);
  g_free (job);
}

/* In the worker, on its read-only connection: built, measured and laid out from the saved
 * positions (a past day's from today's layout), stopping between the steps once cancelled:
 * at scale ten each takes a second or so. */
static gpointer
build_in_thread (TiDatabase *db, gpointer data, GError **error)
{
  BuildJob *job = data;
  g_autoptr (TiNetworkGraph) graph = ti_network_graph_read (db, job->mode, job->as_of, error);

  if (graph == NULL || g_cancellable_set_error_if_cancelled (job->cancellable, error)
      || !ti_network_graph_measure (graph, error)
      || g_cancellable_set_error_if_cancelled (job->cancellable, error))
    return NULL;
  if (graph->past ? !ti_network_graph_layout_from_today (graph, db, job->cancellable, error)
                  : !ti_network_graph_layout (graph, db, error))
    return NULL;
  if (g_cancellable_set_error_if_cancelled (job->cancellable, error))
    return NULL;
  return g_steal_pointer (&graph);
}

/**
 * ti_network_graph_build_async:
 * @db_path: the programme file, read on a connection of the worker's own
 * @mode: organisations only, or the full network
 * @as_of: (nullable): the day, 'YYYY-MM-DD'; %NULL for today
 *
 * Builds, measures and lays out the network in a worker thread (see ti_network_graph_build()
 * and ti_network_graph_layout()). A past day's network (#TiNetworkGraph.past) is laid out
 * from today's layout: each node where today's map shows it, only the nodes today's network
 * lacks placed anew, and nothing worth saving (#TiNetworkGraph.new_positions is 0), so that
 * going back in time neither moves what people know nor overwrites today's positions.
 * Finish with ti_network_graph_build_finish() (%G_IO_ERROR_CANCELLED once @cancellable is
 * cancelled: the work stops between building, measuring and laying out); save a layout that
 * placed nodes for the first time with ti_network_graph_save_positions_async(), and a node a
 * person drags with ti_network_graph_save_position().
 */
void
ti_network_graph_build_async (const char *db_path, TiNetworkMode mode, const char *as_of,
                              GCancellable *cancellable, GAsyncReadyCallback callback,
                              gpointer user_data)
{
  BuildJob *job = g_new0 (BuildJob, 1);

  job->mode = mode;
  job->as_of = g_strdup (as_of);
  job->cancellable = cancellable != NULL ? g_object_ref (cancellable) : NULL;
  ti_database_read_async (db_path, build_in_thread, job, build_job_free,
                          (GDestroyNotify) ti_network_graph_free, cancellable, callback,
                          user_data);
}

/**
 * ti_network_graph_build_finish:
 *
 * Returns: (transfer full) (nullable): the graph, laid out, or %NULL with @error set
 */
TiNetworkGraph *
ti_network_graph_build_finish (GAsyncResult *result, GError **error)
{
  return ti_database_read_finish (result, error);
}
