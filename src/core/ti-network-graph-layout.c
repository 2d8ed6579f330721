/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ti-network-graph"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

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
 * between openings or when a champion is added. The first layout (nothing saved) lays out
 * each connected component on its own and sets them side by side, largest first.
 */

#define SEED 20230126   /* the network's launch */
#define ITERATIONS 500
#define SETTLE_ITERATIONS 120
#define GRID_FROM 100 /* nodes; the grid makes each step linear: 41 ms against 626 at scale 1 */
#define SETTLED_SHARE 0.9 /* from this share of saved nodes on, the layout only settles */

#define GOLDEN_ANGLE 2.399963229728653 /* radians: a spiral's points never line up */
#define SPIRAL_STEP 0.5 /* a newcomer's distance from their organisation, times sqrt(k + 1) */
#define PULL 0.25 /* at most, a node's ties' weights in all, on average in its component */
#define COMPONENT_GAP 2.0 /* between connected components set side by side */

#define NODE(graph, i) (&g_array_index ((graph)->nodes, TiNetworkNode, (i)))

/* How hard a tie pulls: more with more shared gatherings, but by the square root, so that
 * the busiest pairs do not collapse the core onto itself. */
static double
tie_weight (const TiNetworkTie *t)
{
  return sqrt (MAX (t->weight, 1));
}

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

/* Where each node starts: its saved position; or, for a champion seen for the first time,
 * on a golden-angle spiral around their organisation, so that an organisation's newcomers
 * ring it (the spiral grows with how many there are) instead of piling into one spot; or,
 * for anything else, anywhere in a square whose side grows with the square root of the
 * nodes, so that each node has about the same room. Piled-up starts are what made the
 * layout slow: Fruchterman–Reingold's grid is linear only while its cells hold a few nodes.
 * Returns how many were saved. */
static guint
place (TiNetworkGraph *graph, GHashTable *positions, igraph_matrix_t *xy, igraph_vector_t *min_x,
       igraph_vector_t *max_x, igraph_vector_t *min_y, igraph_vector_t *max_y)
{
  guint n = graph->nodes->len;
  double side = sqrt (MAX (n, 1));
  g_autofree guint *newcomers = g_new0 (guint, MAX (n, 1));
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
          guint k = newcomers[node->organisation]++;
          double r = SPIRAL_STEP * sqrt (k + 1);
          double a = k * GOLDEN_ANGLE;

          x = MATRIX (*xy, node->organisation, 0) + r * cos (a);
          y = MATRIX (*xy, node->organisation, 1) + r * sin (a);
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

typedef struct
{
  guint size;
  guint first; /* its first node: the order among equal sizes */
  guint start; /* where its nodes begin in the nodes sorted by component */
  double min_x, min_y, width, height;
} Component;

static int
compare_components (gconstpointer a, gconstpointer b)
{
  const Component *ca = a, *cb = b;

  if (ca->size != cb->size)
    return ca->size > cb->size ? -1 : 1;
  return ca->first < cb->first ? -1 : ca->first > cb->first;
}

static int
compare_ranks (gconstpointer a, gconstpointer b, gpointer data)
{
  const Component *components = data;

  return compare_components (&components[*(const guint *) a], &components[*(const guint *) b]);
}

/* Fruchterman–Reingold on one connected component: @nodes (@size of them, indices into the
 * graph) from their places in @xy, with @ties' edges among them; @bounds (min x, max x,
 * min y, max y, by the graph's nodes) hold the pinned ones. Settling is a cool start and
 * fewer steps. */
static igraph_error_t
lay_out_component (TiNetworkGraph *graph, const guint *nodes, guint size, const guint *local,
                   const guint *ties, guint n_ties, igraph_matrix_t *xy,
                   igraph_vector_t *const bounds[4], gboolean settle)
{
  igraph_t g;
  igraph_matrix_t sub;
  igraph_vector_int_t edges;
  igraph_vector_t weights;
  igraph_vector_t sub_bounds[4];
  gboolean pinned = FALSE;
  double strength = 0;
  igraph_error_t rc;

  if (size < 2)
    return IGRAPH_SUCCESS;
  igraph_vector_int_init (&edges, 2 * (igraph_integer_t) n_ties);
  igraph_vector_init (&weights, n_ties);
  igraph_matrix_init (&sub, size, 2);
  for (guint e = 0; e < n_ties; e++)
    {
      const TiNetworkTie *t = &g_array_index (graph->ties, TiNetworkTie, ties[e]);

      VECTOR (edges)[2 * e] = local[t->source];
      VECTOR (edges)[2 * e + 1] = local[t->target];
      VECTOR (weights)[e] = tie_weight (t);
      strength += 2 * VECTOR (weights)[e];
    }
  /* A dense component (the connected core: tens of ties a node) pulls itself into a blob;
   * its weights scaled so that a node's ties pull with about PULL in all, the core spreads
   * like the sparse groups beside it. */
  strength /= size;
  if (strength > PULL)
    igraph_vector_scale (&weights, PULL / strength);
  for (guint b = 0; b < 4; b++)
    igraph_vector_init (&sub_bounds[b], size);
  for (guint i = 0; i < size; i++)
    {
      MATRIX (sub, i, 0) = MATRIX (*xy, nodes[i], 0);
      MATRIX (sub, i, 1) = MATRIX (*xy, nodes[i], 1);
      pinned |= NODE (graph, nodes[i])->pinned;
      for (guint b = 0; b < 4; b++)
        VECTOR (sub_bounds[b])[i] = VECTOR (*bounds[b])[nodes[i]];
    }
  rc = igraph_create (&g, &edges, size, IGRAPH_UNDIRECTED);
  if (rc == IGRAPH_SUCCESS)
    {
      /* Unbounded nodes cost the grid dearly (its cells are cut from the bounds): bounds
       * only when a node is pinned. */
      rc = igraph_layout_fruchterman_reingold (
        &g, &sub, TRUE, settle ? SETTLE_ITERATIONS : ITERATIONS,
        settle ? sqrt (size) / 100 : sqrt (size) / 10,
        size > GRID_FROM ? IGRAPH_LAYOUT_GRID : IGRAPH_LAYOUT_NOGRID, &weights,
        pinned ? &sub_bounds[0] : NULL, pinned ? &sub_bounds[1] : NULL,
        pinned ? &sub_bounds[2] : NULL, pinned ? &sub_bounds[3] : NULL);
      igraph_destroy (&g);
    }
  for (guint b = 0; b < 4; b++)
    igraph_vector_destroy (&sub_bounds[b]);
  if (rc == IGRAPH_SUCCESS)
    for (guint i = 0; i < size; i++)
      {
        MATRIX (*xy, nodes[i], 0) = MATRIX (sub, i, 0);
        MATRIX (*xy, nodes[i], 1) = MATRIX (sub, i, 1);
      }
  igraph_matrix_destroy (&sub);
  igraph_vector_int_destroy (&edges);
  igraph_vector_destroy (&weights);
  return rc;
}

/* Each connected component laid out on its own, so that components neither push nor pull
 * each other. On a first layout (@pack: nothing saved, so nothing pinned) the components are
 * then set in rows, largest first, so that the isolated organisations and the small groups
 * sit beside the core instead of crowding around it and squeezing it into the middle of the
 * picture; otherwise each stays where its saved positions put it. */
static igraph_error_t
lay_out_components (TiNetworkGraph *graph, const igraph_t *g, igraph_matrix_t *xy,
                    igraph_vector_t *const bounds[4], gboolean settle, gboolean pack)
{
  guint n = graph->nodes->len, n_ties = graph->ties->len;
  igraph_vector_int_t membership, sizes;
  igraph_integer_t count = 0;
  igraph_error_t rc;
  g_autofree Component *components = NULL;
  g_autofree guint *order = NULL;        /* nodes sorted by component */
  g_autofree guint *local = NULL;        /* a node's index in its component */
  g_autofree guint *tie_order = NULL;    /* ties sorted by component */
  g_autofree guint *tie_start = NULL;
  g_autofree guint *fill = NULL;
  g_autofree guint *rank = NULL;
  double area = 0, row_width, x = 0, y = 0, row_height = 0;

  igraph_vector_int_init (&membership, n);
  igraph_vector_int_init (&sizes, 0);
  rc = igraph_connected_components (g, &membership, &sizes, &count, IGRAPH_WEAK);
  if (rc != IGRAPH_SUCCESS)
    goto out;

  components = g_new0 (Component, count);
  order = g_new (guint, n);
  local = g_new (guint, n);
  tie_order = g_new (guint, MAX (n_ties, 1));
  tie_start = g_new0 (guint, count + 1);
  fill = g_new0 (guint, count);
  rank = g_new (guint, count);
  for (igraph_integer_t c = 0; c < count; c++)
    components[c].first = G_MAXUINT;
  for (guint i = 0; i < n; i++)
    {
      Component *c = &components[VECTOR (membership)[i]];

      c->first = MIN (c->first, i);
      c->size++;
    }
  for (igraph_integer_t c = 1; c < count; c++)
    components[c].start = components[c - 1].start + components[c - 1].size;
  for (guint i = 0; i < n; i++)
    {
      igraph_integer_t c = VECTOR (membership)[i];

      local[i] = fill[c]++;
      order[components[c].start + local[i]] = i;
    }
  for (guint e = 0; e < n_ties; e++)
    tie_start[VECTOR (membership)[g_array_index (graph->ties, TiNetworkTie, e).source] + 1]++;
  for (igraph_integer_t c = 0; c < count; c++)
    tie_start[c + 1] += tie_start[c];
  memset (fill, 0, count * sizeof (guint));
  for (guint e = 0; e < n_ties; e++)
    {
      igraph_integer_t c = VECTOR (membership)[g_array_index (graph->ties, TiNetworkTie, e).source];

      tie_order[tie_start[c] + fill[c]++] = e;
    }

  for (igraph_integer_t c = 0; c < count && rc == IGRAPH_SUCCESS; c++)
    {
      Component *comp = &components[c];
      double max_x = -G_MAXDOUBLE, max_y = -G_MAXDOUBLE;

      rc = lay_out_component (graph, order + comp->start, comp->size, local,
                              tie_order + tie_start[c], tie_start[c + 1] - tie_start[c], xy,
                              bounds, settle);
      comp->min_x = comp->min_y = G_MAXDOUBLE;
      for (guint i = 0; i < comp->size; i++)
        {
          guint v = order[comp->start + i];

          comp->min_x = MIN (comp->min_x, MATRIX (*xy, v, 0));
          comp->min_y = MIN (comp->min_y, MATRIX (*xy, v, 1));
          max_x = MAX (max_x, MATRIX (*xy, v, 0));
          max_y = MAX (max_y, MATRIX (*xy, v, 1));
        }
      comp->width = max_x - comp->min_x + COMPONENT_GAP;
      comp->height = max_y - comp->min_y + COMPONENT_GAP;
      area += comp->width * comp->height;
    }
  if (rc != IGRAPH_SUCCESS || !pack)
    goto out;

  /* Rows about as wide as the whole is high, largest first; then all centred on 0. */
  for (igraph_integer_t c = 0; c < count; c++)
    rank[c] = c;
  g_qsort_with_data (rank, count, sizeof (guint), compare_ranks, components);
  row_width = MAX (sqrt (area), components[rank[0]].width);
  for (igraph_integer_t r = 0; r < count; r++)
    {
      Component *comp = &components[rank[r]];
      double dx, dy;

      if (x > 0 && x + comp->width > row_width)
        {
          x = 0;
          y += row_height;
          row_height = 0;
        }
      dx = x - comp->min_x;
      dy = y - comp->min_y;
      for (guint i = 0; i < comp->size; i++)
        {
          guint v = order[comp->start + i];

          MATRIX (*xy, v, 0) += dx;
          MATRIX (*xy, v, 1) += dy;
        }
      x += comp->width;
      row_height = MAX (row_height, comp->height);
    }
  for (guint i = 0; i < n; i++)
    {
      MATRIX (*xy, i, 0) -= row_width / 2;
      MATRIX (*xy, i, 1) -= (y + row_height) / 2;
    }

out:
  igraph_vector_int_destroy (&membership);
  igraph_vector_int_destroy (&sizes);
  return rc;
}

static gboolean
lay_out (TiNetworkGraph *graph, GHashTable *positions, GError **error)
{
  guint n = graph->nodes->len;
  igraph_t g;
  igraph_matrix_t xy;
  igraph_vector_t min_x, max_x, min_y, max_y;
  igraph_error_t rc = IGRAPH_SUCCESS;
  igraph_vector_t *const bounds[4] = { &min_x, &max_x, &min_y, &max_y };
  gboolean settle;
  guint saved;

  if (!ti_network_graph_to_igraph (graph, &g, error))
    return FALSE;
  igraph_matrix_init (&xy, n, 2);
  igraph_vector_init (&min_x, n);
  igraph_vector_init (&max_x, n);
  igraph_vector_init (&min_y, n);
  igraph_vector_init (&max_y, n);

  igraph_rng_seed (igraph_rng_default (), SEED);
  saved = place (graph, positions, &xy, &min_x, &max_x, &min_y, &max_y);
  graph->new_positions = n - saved;
  settle = n > 0 && saved >= SETTLED_SHARE * n;
  if (n > 1)
    rc = lay_out_components (graph, &g, &xy, bounds, settle, saved == 0);
  if (rc == IGRAPH_SUCCESS)
    for (guint i = 0; i < n; i++)
      {
        NODE (graph, i)->x = MATRIX (xy, i, 0);
        NODE (graph, i)->y = MATRIX (xy, i, 1);
      }

  igraph_destroy (&g);
  igraph_matrix_destroy (&xy);
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
 * what is new. Counts the nodes it placed for the first time (#TiNetworkGraph.new_positions).
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

/* A layout's positions: a pinned row is never moved by a layout (a person may have dragged
 * the node meanwhile), nor unpinned by one. */
static const char save_layout_sql[]
  = "INSERT INTO network_positions (mode, kind, id, x, y, pinned)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6)"
    " ON CONFLICT (mode, kind, id) DO UPDATE SET x = excluded.x, y = excluded.y,"
    "   pinned = excluded.pinned"
    " WHERE excluded.pinned OR NOT network_positions.pinned";
/* A person's placing of one node: it is where they put it, pinned or not. */
static const char save_node_sql[]
  = "INSERT OR REPLACE INTO network_positions (mode, kind, id, x, y, pinned)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6)";

/* Saves the positions of @graph's nodes from @first to before @end with @sql, in one
 * transaction. */
static gboolean
save_nodes (TiDatabase *db, const TiNetworkGraph *graph, guint first, guint end, const char *sql,
            GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  gboolean ok = TRUE;

  if (!ti_database_begin (db, error))
    return FALSE;
  stmt = ti_database_prepare (db, sql, error);
  ok = stmt != NULL;
  for (guint i = first; ok && i < end; i++)
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

/**
 * ti_network_graph_save_positions:
 * @graph: a graph, laid out
 *
 * Saves every node's position and whether it is pinned, in one transaction, for the graph's
 * mode, so that the next layout starts from them; the positions of nodes not in @graph
 * (champions who had not joined by its day) are kept. A node pinned in the programme stays
 * where it was pinned unless it is pinned in @graph too: a person may have dragged it since
 * @graph was laid out. Thousands of rows at county scale ten (20–40 ms): see
 * ti_network_graph_save_positions_async() for the window.
 *
 * Returns: %FALSE with @error set when nothing was saved
 */
gboolean
ti_network_graph_save_positions (TiDatabase *db, const TiNetworkGraph *graph, GError **error)
{
  return save_nodes (db, graph, 0, graph->nodes->len, save_layout_sql, error);
}

/**
 * ti_network_graph_save_position:
 * @graph: a graph, laid out
 * @node: the index of the node a person moved
 *
 * Saves one node's position and whether it is pinned (a node a person dragged), and nothing
 * else: one row, in a transaction of its own, quick enough for the main thread.
 *
 * Returns: %FALSE with @error set when it was not saved
 */
gboolean
ti_network_graph_save_position (TiDatabase *db, const TiNetworkGraph *graph, guint node,
                                GError **error)
{
  g_return_val_if_fail (node < graph->nodes->len, FALSE);
  return save_nodes (db, graph, node, node + 1, save_node_sql, error);
}

static void
save_in_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  const char *db_path = g_object_get_data (G_OBJECT (task), "db-path");
  g_autoptr (TiDatabase) db = NULL;
  GError *error = NULL;

  /* A connection belongs to one thread: the worker opens its own. */
  db = ti_database_open (db_path, TI_DATABASE_OPEN_DEFAULT, &error);
  if (db != NULL && ti_network_graph_save_positions (db, task_data, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * ti_network_graph_save_positions_async:
 * @db_path: the programme file; the worker opens its own connection to it
 * @graph: a graph, laid out; its positions are copied, so it may be freed at once
 *
 * Runs ti_network_graph_save_positions() in a worker thread: for a layout that placed nodes
 * for the first time (#TiNetworkGraph.new_positions), so that the next opening starts from
 * it. Finish with ti_network_graph_save_positions_finish().
 */
void
ti_network_graph_save_positions_async (const char *db_path, const TiNetworkGraph *graph,
                                       GCancellable *cancellable, GAsyncReadyCallback callback,
                                       gpointer user_data)
{
  g_autoptr (GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  TiNetworkGraph *positions = ti_network_graph_new (graph->mode);

  g_return_if_fail (db_path != NULL);

  /* Only what is saved: the labels stay with @graph. */
  g_array_set_size (positions->nodes, graph->nodes->len);
  for (guint i = 0; i < graph->nodes->len; i++)
    {
      TiNetworkNode *copy = NODE (positions, i);

      *copy = *NODE (graph, i);
      copy->label = NULL;
    }
  g_task_set_source_tag (task, ti_network_graph_save_positions_async);
  g_object_set_data_full (G_OBJECT (task), "db-path", g_strdup (db_path), g_free);
  g_task_set_task_data (task, positions, (GDestroyNotify) ti_network_graph_free);
  g_task_run_in_thread (task, save_in_thread);
}

/**
 * ti_network_graph_save_positions_finish:
 *
 * Returns: %FALSE with @error set when nothing was saved
 */
gboolean
ti_network_graph_save_positions_finish (GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (
    g_task_get_source_tag (G_TASK (result)) == ti_network_graph_save_positions_async, FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}
