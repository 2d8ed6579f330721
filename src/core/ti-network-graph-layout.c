/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ti-network-graph"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "ti-network-graph-private.h"

/*
 * The network laid out with igraph's Fruchterman–Reingold (with its grid past a hundred
 * nodes, which keeps each step linear), from a fixed seed so that the same programme gives
 * the same picture.
 *
 * Positions are kept in the programme (network_positions, one row per mode and node): a
 * layout starts from the saved positions, places a node seen for the first time near its
 * organisation, and holds pinned nodes where a person put them (Fruchterman–Reingold's
 * bounds, equal on both sides). When most nodes already have a place the layout only
 * settles the newcomers (a cool start and fewer steps), so that the map does not jump
 * between openings or when a champion is added.
 */

#define SEED 20230126   /* the network's launch */
#define ITERATIONS 500
#define SETTLE_ITERATIONS 120
#define GRID_FROM 100 /* nodes; the grid makes each step linear: 41 ms against 626 at scale 1 */
#define SETTLED_SHARE 0.9 /* from this share of saved nodes on, the layout only settles */

#define NODE(graph, i) (&g_array_index ((graph)->nodes, TiNetworkNode, (i)))

static const char *
mode_key (TiNetworkMode mode)
{
  return mode == TI_NETWORK_CHAMPIONS ? "champions" : "organisations";
}

static const char *
kind_key (TiNetworkNodeKind kind)
{
  return kind == TI_NETWORK_NODE_CHAMPION ? "champion" : "organisation";
}

typedef struct
{
  double x;
  double y;
  gboolean pinned;
} Position;

/* The saved positions of @graph's mode, by "kind:id". */
static GHashTable *
read_positions (TiDatabase *db, TiNetworkMode mode, GError **error)
{
  g_autoptr (GHashTable) positions
    = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  if (db == NULL)
    return g_steal_pointer (&positions);
  stmt = ti_database_prepare (db, "SELECT kind, id, x, y, pinned FROM network_positions"
                                  " WHERE mode = ?1",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, mode_key (mode), -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Position *p = g_new (Position, 1);

      p->x = sqlite3_column_double (stmt, 2);
      p->y = sqlite3_column_double (stmt, 3);
      p->pinned = sqlite3_column_int (stmt, 4);
      g_hash_table_insert (positions,
                           g_strdup_printf ("%s:%" G_GINT64_FORMAT,
                                            (const char *) sqlite3_column_text (stmt, 0),
                                            (gint64) sqlite3_column_int64 (stmt, 1)),
                           p);
    }
  if (rc != SQLITE_DONE)
    {
      ti_database_set_error_from_sqlite (db, rc, _ ("reading the network map’s positions"),
                                         error);
      return NULL;
    }
  return g_steal_pointer (&positions);
}

static const Position *
saved_position (GHashTable *positions, const TiNetworkNode *node)
{
  g_autofree char *key = g_strdup_printf ("%s:%" G_GINT64_FORMAT, kind_key (node->kind), node->id);

  return g_hash_table_lookup (positions, key);
}

/* Where each node starts: its saved position, or near its organisation for a champion seen
 * for the first time, or anywhere in the square the layout fills. Returns how many were
 * saved. */
static guint
place (TiNetworkGraph *graph, GHashTable *positions, igraph_matrix_t *xy, igraph_vector_t *min_x,
       igraph_vector_t *max_x, igraph_vector_t *min_y, igraph_vector_t *max_y)
{
  guint n = graph->nodes->len;
  double side = sqrt (MAX (n, 1));
  guint saved = 0;

  for (guint i = 0; i < n; i++)
    {
      TiNetworkNode *node = NODE (graph, i);
      const Position *p = saved_position (positions, node);
      double x, y;

      node->pinned = p != NULL && p->pinned;
      if (p != NULL)
        {
          x = p->x;
          y = p->y;
          saved++;
        }
      else if (node->organisation >= 0 && (guint) node->organisation < i)
        {
          /* Organisations come first: theirs is known by now. */
          x = MATRIX (*xy, node->organisation, 0) + RNG_UNIF (-1, 1);
          y = MATRIX (*xy, node->organisation, 1) + RNG_UNIF (-1, 1);
        }
      else
        {
          x = RNG_UNIF (-side, side);
          y = RNG_UNIF (-side, side);
        }
      MATRIX (*xy, i, 0) = x;
      MATRIX (*xy, i, 1) = y;
      VECTOR (*min_x)[i] = node->pinned ? x : -IGRAPH_INFINITY;
      VECTOR (*max_x)[i] = node->pinned ? x : IGRAPH_INFINITY;
      VECTOR (*min_y)[i] = node->pinned ? y : -IGRAPH_INFINITY;
      VECTOR (*max_y)[i] = node->pinned ? y : IGRAPH_INFINITY;
    }
  return saved;
}

static gboolean
lay_out (TiNetworkGraph *graph, GHashTable *positions, GError **error)
{
  guint n = graph->nodes->len;
  igraph_t g;
  igraph_matrix_t xy;
  igraph_vector_t weights, min_x, max_x, min_y, max_y;
  igraph_error_t rc = IGRAPH_SUCCESS;
  gboolean settle;
  gboolean any_pinned = FALSE;
  guint saved;

  if (!ti_network_graph_to_igraph (graph, &g, error))
    return FALSE;
  igraph_matrix_init (&xy, n, 2);
  igraph_vector_init (&weights, graph->ties->len);
  igraph_vector_init (&min_x, n);
  igraph_vector_init (&max_x, n);
  igraph_vector_init (&min_y, n);
  igraph_vector_init (&max_y, n);
  for (guint i = 0; i < graph->ties->len; i++)
    VECTOR (weights)[i] = g_array_index (graph->ties, TiNetworkTie, i).weight;

  igraph_rng_seed (igraph_rng_default (), SEED);
  saved = place (graph, positions, &xy, &min_x, &max_x, &min_y, &max_y);
  settle = n > 0 && saved >= SETTLED_SHARE * n;
  /* Unbounded nodes cost the grid dearly (its cells are cut from the bounds): bounds only
   * when a node is pinned. */
  for (guint i = 0; i < n; i++)
    any_pinned |= NODE (graph, i)->pinned;
  if (n > 1)
    rc = igraph_layout_fruchterman_reingold (
      &g, &xy, TRUE, settle ? SETTLE_ITERATIONS : ITERATIONS,
      settle ? sqrt (n) / 100 : sqrt (n) / 10, n > GRID_FROM ? IGRAPH_LAYOUT_GRID : IGRAPH_LAYOUT_NOGRID,
      &weights, any_pinned ? &min_x : NULL, any_pinned ? &max_x : NULL,
      any_pinned ? &min_y : NULL, any_pinned ? &max_y : NULL);
  if (rc == IGRAPH_SUCCESS)
    for (guint i = 0; i < n; i++)
      {
        NODE (graph, i)->x = MATRIX (xy, i, 0);
        NODE (graph, i)->y = MATRIX (xy, i, 1);
      }

  igraph_destroy (&g);
  igraph_matrix_destroy (&xy);
  igraph_vector_destroy (&weights);
  igraph_vector_destroy (&min_x);
  igraph_vector_destroy (&max_x);
  igraph_vector_destroy (&min_y);
  igraph_vector_destroy (&max_y);
  return ti_network_graph_set_igraph_error (rc, _ ("laid out"), error);
}

/**
 * ti_network_graph_layout:
 * @graph: a graph, built
 * @db: (nullable): the programme its positions are saved in; %NULL to lay it out afresh
 *
 * Sets each node's position (and whether it is pinned) with a force-directed layout, seeded,
 * starting from the positions saved with ti_network_graph_save_positions(): the same
 * programme always gives the same picture, and a saved picture only moves to make room for
 * what is new.
 *
 * Returns: %FALSE with @error set when the positions could not be read or igraph failed
 */
gboolean
ti_network_graph_layout (TiNetworkGraph *graph, TiDatabase *db, GError **error)
{
  g_autoptr (GHashTable) positions = read_positions (db, graph->mode, error);
  gboolean ok;

  if (positions == NULL)
    return FALSE;
  ti_network_graph_igraph_lock ();
  ok = lay_out (graph, positions, error);
  ti_network_graph_igraph_unlock ();
  return ok;
}

/**
 * ti_network_graph_save_positions:
 * @graph: a graph, laid out
 *
 * Saves every node's position and whether it is pinned, in one transaction, for the graph's
 * mode; the positions of nodes not in @graph (champions who had not joined by its day) are
 * kept.
 *
 * Returns: %FALSE with @error set when nothing was saved
 */
gboolean
ti_network_graph_save_positions (TiDatabase *db, const TiNetworkGraph *graph, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  gboolean ok = TRUE;

  if (!ti_database_begin (db, error))
    return FALSE;
  stmt = ti_database_prepare (db, "INSERT OR REPLACE INTO network_positions"
                                  " (mode, kind, id, x, y, pinned) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                              error);
  ok = stmt != NULL;
  for (guint i = 0; ok && i < graph->nodes->len; i++)
    {
      const TiNetworkNode *node = NODE (graph, i);

      sqlite3_reset (stmt);
      sqlite3_bind_text (stmt, 1, mode_key (graph->mode), -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, kind_key (node->kind), -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 3, node->id);
      sqlite3_bind_double (stmt, 4, node->x);
      sqlite3_bind_double (stmt, 5, node->y);
      sqlite3_bind_int (stmt, 6, node->pinned ? 1 : 0);
      ok = ti_database_step_done (db, stmt, error);
    }
  return ti_database_end (db, ok, error);
}
