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
 * organisation (or among its group), and holds pinned nodes where a person put them
 * (Fruchterman–Reingold's bounds, equal on both sides). When most nodes already have a place
 * the layout only settles the newcomers (a cool start and fewer steps), so that the map does
 * not jump between openings or when a champion is added. Each connected component is laid
 * out on its own; the groups nobody had placed are set beside the network, largest first, and
 * the organisations with no tie to another (TiNetworkNode.apart) are a band of dots under it
 * all, laid afresh each time, so that the network, not hundreds of lone organisations, fills
 * the map.
 */

#define SEED 20230126   /* the network's launch */
#define ITERATIONS 500
#define SETTLE_ITERATIONS 120
#define GRID_FROM 100 /* nodes; the grid makes each step linear: 41 ms against 626 at scale 1 */
#define SETTLED_SHARE 0.9 /* from this share of saved nodes on, the layout only settles */

#define GOLDEN_ANGLE 2.399963229728653 /* radians: a spiral's points never line up */
#define SPIRAL_STEP 0.5 /* a newcomer's distance from their organisation, times sqrt(k + 1) */
#define PULL 0.25 /* at most, a node's ties' weights in all, on average in its component */
#define SMALL_GROUP 50      /* nodes; a group this small keeps its ties' full pull */
#define COMPONENT_GAP 1.5   /* between connected components set side by side */
#define BAND_GAP 1.0        /* round each dot of the band of organisations without ties */
#define BAND_SHARE 0.2      /* the band's area at most, against the network's above it */
#define BAND_MIN_SCALE 0.35 /* the band's dots no closer than this times BAND_GAP */

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

/* A connected component as the layout sees it. */
typedef struct
{
  guint size;
  guint first;         /* its first node: the order among equal sizes */
  guint start;         /* where its nodes begin in the nodes sorted by component */
  guint organisations; /* how many of its nodes are organisations */
  guint placed;        /* how many of its nodes start where they were kept */
  gboolean apart;      /* at most one organisation: laid in the band under the network */
  gboolean pinned;     /* a node of it is pinned */
  double sum_x, sum_y; /* of its kept nodes: where its newcomers start */
  double min_x, min_y, width, height;
} Component;

/* Where each node starts: its kept position; or, for a champion seen for the first time, on
 * a golden-angle spiral around their organisation, so that an organisation's newcomers ring
 * it (the spiral grows with how many there are) instead of piling into one spot; or, for an
 * organisation of the band, its cell's middle (the band is laid out afterwards); or, for
 * anything else, anywhere in a square around its component's kept nodes whose side grows
 * with the square root of the component's nodes, so that each node has about the same room
 * and a small group starts small (a square as big as the whole graph stretched a group of
 * three across the map). Piled-up starts are what made the layout slow: Fruchterman–
 * Reingold's grid is linear only while its cells hold a few nodes.
 *
 * The band's dots keep no place of their own (it is laid out afresh under the network each
 * time), unless a person pinned one; with @hold (a past day's graph, from today's
 * positions) every node kept stays exactly where it is. Returns how many were kept. */
static guint
place (TiNetworkGraph *graph, GHashTable *positions, const igraph_vector_int_t *membership,
       Component *components, gboolean hold, igraph_matrix_t *xy, igraph_vector_t *const bounds[4])
{
  guint n = graph->nodes->len;
  g_autofree guint *newcomers = g_new0 (guint, MAX (n, 1));
  g_autofree gboolean *kept = g_new0 (gboolean, MAX (n, 1));
  guint saved = 0;

  /* The kept nodes first, so that a component's newcomers start among them. */
  for (guint i = 0; i < n; i++)
    {
      TiNetworkNode *node = NODE (graph, i);
      Component *c = &components[VECTOR (*membership)[i]];
      const Position *p = saved_position (positions, node);

      node->pinned = p != NULL && p->pinned;
      c->pinned |= node->pinned;
      if (p == NULL)
        continue;
      saved++;
      if (c->apart && !node->pinned && !hold)
        continue;
      kept[i] = TRUE;
      MATRIX (*xy, i, 0) = p->x;
      MATRIX (*xy, i, 1) = p->y;
      c->placed++;
      c->sum_x += p->x;
      c->sum_y += p->y;
    }
  for (guint i = 0; i < n; i++)
    {
      TiNetworkNode *node = NODE (graph, i);
      Component *c = &components[VECTOR (*membership)[i]];
      gboolean fixed = node->pinned || (hold && kept[i]);
      double x = MATRIX (*xy, i, 0), y = MATRIX (*xy, i, 1);

      if (kept[i])
        ;
      else if (node->organisation >= 0 && (guint) node->organisation < i)
        {
          /* Organisations come first: theirs is known by now. */
          guint k = newcomers[node->organisation]++;
          double r = SPIRAL_STEP * sqrt (k + 1);
          double a = k * GOLDEN_ANGLE;

          x = MATRIX (*xy, node->organisation, 0) + r * cos (a);
          y = MATRIX (*xy, node->organisation, 1) + r * sin (a);
        }
      else if (c->apart && c->placed == 0)
        x = y = 0;
      else
        {
          double side = sqrt (c->size);

          x = (c->placed > 0 ? c->sum_x / c->placed : 0) + RNG_UNIF (-side, side);
          y = (c->placed > 0 ? c->sum_y / c->placed : 0) + RNG_UNIF (-side, side);
        }
      MATRIX (*xy, i, 0) = x;
      MATRIX (*xy, i, 1) = y;
      VECTOR (*bounds[0])[i] = fixed ? x : -IGRAPH_INFINITY;
      VECTOR (*bounds[1])[i] = fixed ? x : IGRAPH_INFINITY;
      VECTOR (*bounds[2])[i] = fixed ? y : -IGRAPH_INFINITY;
      VECTOR (*bounds[3])[i] = fixed ? y : IGRAPH_INFINITY;
    }
  return saved;
}

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
  gboolean pinned = FALSE, free_node = FALSE;
  double strength = 0;
  igraph_error_t rc;

  /* Nothing to move: a lone node, or every node held where it is. */
  for (guint i = 0; i < size && !free_node; i++)
    free_node = !isfinite (VECTOR (*bounds[0])[nodes[i]]);
  if (size < 2 || !free_node)
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
   * its weights scaled so that a node's ties pull with about PULL in all, the core spreads.
   * A small group keeps its weights: weakened, a chain of a few stretched across the map. */
  strength /= size;
  if (size > SMALL_GROUP && strength > PULL)
    igraph_vector_scale (&weights, PULL / strength);
  for (guint b = 0; b < 4; b++)
    igraph_vector_init (&sub_bounds[b], size);
  for (guint i = 0; i < size; i++)
    {
      MATRIX (sub, i, 0) = MATRIX (*xy, nodes[i], 0);
      MATRIX (sub, i, 1) = MATRIX (*xy, nodes[i], 1);
      pinned |= isfinite (VECTOR (*bounds[0])[nodes[i]]);
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

/* The box round @size nodes of @order in @xy: min x, min y, max x, max y, grown by @box's. */
static void
grow_box (const guint *order, guint size, const igraph_matrix_t *xy, double box[4])
{
  for (guint i = 0; i < size; i++)
    {
      box[0] = MIN (box[0], MATRIX (*xy, order[i], 0));
      box[1] = MIN (box[1], MATRIX (*xy, order[i], 1));
      box[2] = MAX (box[2], MATRIX (*xy, order[i], 0));
      box[3] = MAX (box[3], MATRIX (*xy, order[i], 1));
    }
}

static void
move_component (const Component *comp, const guint *order, igraph_matrix_t *xy, double dx,
                double dy, double scale)
{
  for (guint i = 0; i < comp->size; i++)
    {
      guint v = order[comp->start + i];

      MATRIX (*xy, v, 0) = dx + (MATRIX (*xy, v, 0) - comp->min_x) * scale;
      MATRIX (*xy, v, 1) = dy + (MATRIX (*xy, v, 1) - comp->min_y) * scale;
    }
}

/* The groups nobody had placed (@fresh of them, by @rank, largest first) beside the network
 * kept (@box; empty: nothing was kept, and the largest group is the network, at 0, 0): in
 * rows in a column at its right, as wide as they need to stand about as high as it (at most
 * as wide as it), so that the small groups sit close by the big one and the whole is about as
 * wide as a window. */
static void
pack_groups (Component *components, const guint *rank, guint fresh, const guint *order,
             igraph_matrix_t *xy, const double box[4])
{
  double network[4], area = 0, widest = 0, row_width, x = 0, y, row_height = 0;
  guint first = 0;

  if (fresh == 0)
    return;
  memcpy (network, box, sizeof network);
  if (box[0] > box[2])
    {
      Component *big = &components[rank[0]];

      move_component (big, order, xy, 0, 0, 1);
      network[0] = network[1] = 0;
      network[2] = big->width - COMPONENT_GAP;
      network[3] = big->height - COMPONENT_GAP;
      first = 1;
    }
  for (guint r = first; r < fresh; r++)
    {
      area += components[rank[r]].width * components[rank[r]].height;
      widest = MAX (widest, components[rank[r]].width);
    }
  row_width = MAX (widest, MIN (area / MAX (network[3] - network[1], 1), network[2] - network[0]));
  y = network[1];
  for (guint r = first; r < fresh; r++)
    {
      Component *comp = &components[rank[r]];

      if (x > 0 && x + comp->width > row_width)
        {
          x = 0;
          y += row_height;
          row_height = 0;
        }
      move_component (comp, order, xy, network[2] + COMPONENT_GAP + x, y, 1);
      x += comp->width;
      row_height = MAX (row_height, comp->height);
    }
}

/* The components with at most one organisation (@n_apart of them, by @rank): an organisation
 * without ties to another and its own champions round it. They are a band of small dots under
 * the network (@box: its extent), as wide as it and at most BAND_SHARE of its area, the
 * biggest first: hundreds of isolated organisations laid out like the network filled most of
 * the map, and the network was a blob in a corner of it. */
static void
lay_band (Component *components, const guint *rank, guint n_apart, const guint *order,
          igraph_matrix_t *xy, const double box[4])
{
  gboolean network = box[0] <= box[2];
  g_autofree double *at_x = g_new (double, MAX (n_apart, 1));
  g_autofree double *at_y = g_new (double, MAX (n_apart, 1));
  g_autofree double *row_used = g_new0 (double, MAX (n_apart, 1));
  g_autofree guint *row = g_new (guint, MAX (n_apart, 1));
  double cells = 0, widest = 0, scale = 1, row_width, x = 0, y = 0, row_height = 0;
  double left, top;
  guint rows = 0;

  if (n_apart == 0)
    return;
  for (guint r = 0; r < n_apart; r++)
    {
      Component *comp = &components[rank[r]];

      comp->width += BAND_GAP;
      comp->height += BAND_GAP;
      cells += comp->width * comp->height;
      widest = MAX (widest, comp->width);
    }
  if (network)
    scale = CLAMP (sqrt (BAND_SHARE * MAX (box[2] - box[0], 1) * MAX (box[3] - box[1], 1) / cells),
                   BAND_MIN_SCALE, 1);
  row_width = network ? MAX (box[2] - box[0], widest * scale) : MAX (sqrt (cells), widest);
  for (guint r = 0; r < n_apart; r++)
    {
      Component *comp = &components[rank[r]];

      if (x > 0 && x + comp->width * scale > row_width)
        {
          row_used[rows++] = x;
          x = 0;
          y += row_height;
          row_height = 0;
        }
      at_x[r] = x;
      at_y[r] = y;
      row[r] = rows;
      x += comp->width * scale;
      row_height = MAX (row_height, comp->height * scale);
    }
  row_used[rows] = x;
  /* Each row centred under the network. */
  left = network ? (box[0] + box[2]) / 2 : 0;
  top = network ? box[3] + COMPONENT_GAP : 0;
  for (guint r = 0; r < n_apart; r++)
    move_component (&components[rank[r]], order, xy,
                    left - row_used[row[r]] / 2 + at_x[r] + BAND_GAP * scale / 2,
                    top + at_y[r] + BAND_GAP * scale / 2, scale);
}

/* Each connected component laid out on its own, so that components neither push nor pull
 * each other. Then the groups of two organisations or more that nobody had placed are set in
 * rows under the network that was kept (on a first layout, under the largest group), and the
 * organisations without ties to another in a band of small dots under them all; a group kept
 * stays where its saved positions put it. */
static igraph_error_t
lay_out_components (TiNetworkGraph *graph, const igraph_vector_int_t *membership,
                    Component *components, guint count, igraph_matrix_t *xy,
                    igraph_vector_t *const bounds[4], gboolean settle)
{
  guint n = graph->nodes->len, n_ties = graph->ties->len;
  igraph_error_t rc = IGRAPH_SUCCESS;
  g_autofree guint *order = g_new (guint, MAX (n, 1)); /* nodes sorted by component */
  g_autofree guint *local = g_new (guint, MAX (n, 1)); /* a node's index in its component */
  g_autofree guint *tie_order = g_new (guint, MAX (n_ties, 1)); /* ties by component */
  g_autofree guint *tie_start = g_new0 (guint, count + 1);
  g_autofree guint *fill = g_new0 (guint, MAX (count, 1));
  g_autofree guint *rank = g_new (guint, MAX (count, 1));
  double kept[4] = { G_MAXDOUBLE, G_MAXDOUBLE, -G_MAXDOUBLE, -G_MAXDOUBLE };
  double network[4];
  guint fresh = 0, n_apart = 0, moved = 0;

  for (guint c = 1; c < count; c++)
    components[c].start = components[c - 1].start + components[c - 1].size;
  for (guint i = 0; i < n; i++)
    {
      guint c = VECTOR (*membership)[i];

      local[i] = fill[c]++;
      order[components[c].start + local[i]] = i;
    }
  for (guint e = 0; e < n_ties; e++)
    tie_start[VECTOR (*membership)[g_array_index (graph->ties, TiNetworkTie, e).source] + 1]++;
  for (guint c = 0; c < count; c++)
    tie_start[c + 1] += tie_start[c];
  memset (fill, 0, MAX (count, 1) * sizeof (guint));
  for (guint e = 0; e < n_ties; e++)
    {
      guint c = VECTOR (*membership)[g_array_index (graph->ties, TiNetworkTie, e).source];

      tie_order[tie_start[c] + fill[c]++] = e;
    }

  for (guint c = 0; c < count && rc == IGRAPH_SUCCESS; c++)
    {
      Component *comp = &components[c];
      double box[4] = { G_MAXDOUBLE, G_MAXDOUBLE, -G_MAXDOUBLE, -G_MAXDOUBLE };

      /* The band's organisations and their champions are already where they go, round
       * them. */
      if (!comp->apart || comp->placed > 0)
        rc = lay_out_component (graph, order + comp->start, comp->size, local,
                                tie_order + tie_start[c], tie_start[c + 1] - tie_start[c], xy,
                                bounds, settle);
      grow_box (order + comp->start, comp->size, xy, box);
      comp->min_x = box[0];
      comp->min_y = box[1];
      comp->width = box[2] - box[0];
      comp->height = box[3] - box[1];
      if (!comp->apart && comp->placed > 0)
        grow_box (order + comp->start, comp->size, xy, kept);
    }
  if (rc != IGRAPH_SUCCESS)
    return rc;

  /* The groups nobody had placed, largest first, under the kept ones. */
  for (guint c = 0; c < count; c++)
    if (!components[c].apart && components[c].placed == 0)
      {
        components[c].width += COMPONENT_GAP;
        components[c].height += COMPONENT_GAP;
        rank[fresh++] = c;
      }
  g_qsort_with_data (rank, fresh, sizeof (guint), compare_ranks, components);
  pack_groups (components, rank, fresh, order, xy, kept);
  moved += fresh;

  /* The band under the whole network. */
  memcpy (network, kept, sizeof network);
  for (guint r = 0; r < fresh; r++)
    grow_box (order + components[rank[r]].start, components[rank[r]].size, xy, network);
  for (guint c = 0; c < count; c++)
    if (components[c].apart && components[c].placed == 0 && !components[c].pinned)
      rank[n_apart++] = c;
  g_qsort_with_data (rank, n_apart, sizeof (guint), compare_ranks, components);
  lay_band (components, rank, n_apart, order, xy, network);
  moved += n_apart;

  /* A first layout: the network's middle at 0, 0. */
  if (moved == count && network[0] <= network[2])
    for (guint i = 0; i < n; i++)
      {
        MATRIX (*xy, i, 0) -= (network[0] + network[2]) / 2;
        MATRIX (*xy, i, 1) -= (network[1] + network[3]) / 2;
      }
  return rc;
}

/* Lays @graph out from @positions (by "kind:id"); with @hold, every node with a position stays
 * exactly there. */
static gboolean
lay_out (TiNetworkGraph *graph, GHashTable *positions, gboolean hold, GError **error)
{
  guint n = graph->nodes->len;
  igraph_t g;
  igraph_matrix_t xy;
  igraph_vector_t min_x, max_x, min_y, max_y;
  igraph_vector_int_t membership, sizes;
  igraph_integer_t count = 0;
  igraph_error_t rc = IGRAPH_SUCCESS;
  igraph_vector_t *const bounds[4] = { &min_x, &max_x, &min_y, &max_y };
  g_autofree Component *components = NULL;
  gboolean settle;
  guint saved;

  if (!ti_network_graph_to_igraph (graph, &g, error))
    return FALSE;
  igraph_matrix_init (&xy, n, 2);
  for (guint b = 0; b < 4; b++)
    igraph_vector_init (bounds[b], n);
  igraph_vector_int_init (&membership, n);
  igraph_vector_int_init (&sizes, 0);
  rc = igraph_connected_components (&g, &membership, &sizes, &count, IGRAPH_WEAK);
  if (rc == IGRAPH_SUCCESS)
    {
      components = g_new0 (Component, MAX (count, 1));
      for (igraph_integer_t c = 0; c < count; c++)
        components[c].first = G_MAXUINT;
      for (guint i = 0; i < n; i++)
        {
          Component *c = &components[VECTOR (membership)[i]];

          c->first = MIN (c->first, i);
          c->size++;
          c->organisations += NODE (graph, i)->kind == TI_NETWORK_NODE_ORGANISATION;
        }
      for (igraph_integer_t c = 0; c < count; c++)
        components[c].apart = components[c].organisations <= 1;

      igraph_rng_seed (igraph_rng_default (), SEED);
      saved = place (graph, positions, &membership, components, hold, &xy, bounds);
      graph->new_positions = n - saved;
      settle = n > 0 && saved >= SETTLED_SHARE * n;
      rc = lay_out_components (graph, &membership, components, count, &xy, bounds, settle);
    }
  if (rc == IGRAPH_SUCCESS)
    for (guint i = 0; i < n; i++)
      {
        NODE (graph, i)->x = MATRIX (xy, i, 0);
        NODE (graph, i)->y = MATRIX (xy, i, 1);
      }

  igraph_destroy (&g);
  igraph_matrix_destroy (&xy);
  for (guint b = 0; b < 4; b++)
    igraph_vector_destroy (bounds[b]);
  igraph_vector_int_destroy (&membership);
  igraph_vector_int_destroy (&sizes);
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
  ok = lay_out (graph, positions, FALSE, error);
  ti_network_graph_igraph_unlock ();
  return ok;
}

/* @graph's nodes' positions, by "kind:id", as read_positions() gives them. */
static GHashTable *
graph_positions (const TiNetworkGraph *graph)
{
  GHashTable *positions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (guint i = 0; i < graph->nodes->len; i++)
    {
      const TiNetworkNode *node = NODE (graph, i);
      Position *p = g_new (Position, 1);

      p->x = node->x;
      p->y = node->y;
      p->pinned = node->pinned;
      g_hash_table_insert (
        positions, g_strdup_printf ("%s:%" G_GINT64_FORMAT, kind_key (node->kind), node->id), p);
    }
  return positions;
}

/**
 * ti_network_graph_layout_from_today:
 * @graph: a past day's graph, built
 * @db: the programme
 * @cancellable: (nullable): stops the work between its steps
 *
 * Lays @graph out where today's map has its nodes: today's network laid out from the saved
 * positions (ti_network_graph_layout()), then each of @graph's nodes held at its place there;
 * only nodes today's network lacks (a champion who has stepped down since) are placed, round
 * them. Counts no new positions: a past day's layout is not for saving over today's.
 *
 * Returns: %FALSE with @error set when it could not be read, igraph failed or it was
 *   cancelled
 */
gboolean
ti_network_graph_layout_from_today (TiNetworkGraph *graph, TiDatabase *db,
                                    GCancellable *cancellable, GError **error)
{
  g_autoptr (TiNetworkGraph) today = ti_network_graph_read (db, graph->mode, NULL, error);
  g_autoptr (GHashTable) positions = NULL;
  gboolean ok;

  if (today == NULL || g_cancellable_set_error_if_cancelled (cancellable, error)
      || !ti_network_graph_layout (today, db, error)
      || g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  positions = graph_positions (today);
  ti_network_graph_igraph_lock ();
  ok = lay_out (graph, positions, TRUE, error);
  ti_network_graph_igraph_unlock ();
  graph->new_positions = 0;
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
