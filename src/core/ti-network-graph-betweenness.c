/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ti-network-graph"

#include "config.h"

#include <string.h>

#include "ti-network-graph-private.h"

/*
 * Betweenness without the leaves. Half the nodes of the champions' network are leaves (a
 * champion tied only to their organisation, an organisation with one champion), and a leaf
 * lies on no shortest path between two others; yet Brandes' algorithm (igraph_betweenness())
 * searches from every one of them. Here a leaf is folded into its one neighbour, its anchor,
 * and the search runs on the rest, the core, each node standing for itself and its leaves
 * (its weight: 1 + its leaves). For a core node v, of the pairs {a, b} of the whole graph:
 *
 * - a and b with different anchors A and B: their shortest paths are A's to B's with the
 *   leaf ties at the ends, so v lies on them as it lies on A's to B's, once for each of the
 *   w(A) w(B) pairs the two anchors stand for (Brandes' accumulation with the targets
 *   weighted, each source's share times its weight); and v lies on every path from a leaf of
 *   its own to anything not anchored at v: leaves(v) × (component's size − w(v)) pairs;
 * - a and b both leaves of v: their one path goes through v: leaves(v) choose 2 pairs.
 *
 * A leaf's betweenness is 0. A tie joining two leaves (a component of two) folds neither.
 * The answers are igraph_betweenness()'s (unweighted, undirected, each unordered pair once),
 * to the rounding of the sums; the test checks them against it on a demo programme.
 */

#define THREAD_FROM 500 /* core nodes; a second thread for fewer costs more than it saves */

typedef struct
{
  guint n;         /* core nodes */
  guint *start;    /* n + 1: where each core node's neighbours begin in @adjacent */
  guint *adjacent; /* core indices */
  double *weight;  /* 1 + leaves, by core index */
} Core;

static void
core_clear (Core *core)
{
  g_free (core->start);
  g_free (core->adjacent);
  g_free (core->weight);
}

/* The core of @graph: every node but the leaves, with their ties among them; @leaves (by
 * node) says how many leaves each node anchors, @core_index (by node) each node's index in
 * the core, or G_MAXUINT for a leaf. */
static void
fold_leaves (const TiNetworkGraph *graph, Core *core, guint *leaves, guint *core_index)
{
  guint n = graph->nodes->len, n_ties = graph->ties->len;
  g_autofree guint *degree = g_new0 (guint, MAX (n, 1));
  g_autofree guint *neighbour = g_new0 (guint, MAX (n, 1));
  g_autofree guint *fill = NULL;

  for (guint e = 0; e < n_ties; e++)
    {
      const TiNetworkTie *t = &g_array_index (graph->ties, TiNetworkTie, e);

      degree[t->source]++;
      degree[t->target]++;
      neighbour[t->source] = t->target;
      neighbour[t->target] = t->source;
    }
  memset (leaves, 0, n * sizeof (guint));
  core->n = 0;
  for (guint v = 0; v < n; v++)
    if (degree[v] == 1 && degree[neighbour[v]] > 1)
      {
        leaves[neighbour[v]]++;
        core_index[v] = G_MAXUINT;
      }
    else
      core_index[v] = core->n++;

  core->start = g_new0 (guint, core->n + 1);
  core->weight = g_new (double, MAX (core->n, 1));
  for (guint v = 0; v < n; v++)
    if (core_index[v] != G_MAXUINT)
      core->weight[core_index[v]] = 1 + leaves[v];
  for (guint e = 0; e < n_ties; e++)
    {
      const TiNetworkTie *t = &g_array_index (graph->ties, TiNetworkTie, e);
      guint a = core_index[t->source], b = core_index[t->target];

      if (a != G_MAXUINT && b != G_MAXUINT)
        {
          core->start[a + 1]++;
          core->start[b + 1]++;
        }
    }
  for (guint i = 0; i < core->n; i++)
    core->start[i + 1] += core->start[i];
  core->adjacent = g_new (guint, MAX (core->start[core->n], 1));
  fill = g_memdup2 (core->start, (core->n + 1) * sizeof (guint));
  for (guint e = 0; e < n_ties; e++)
    {
      const TiNetworkTie *t = &g_array_index (graph->ties, TiNetworkTie, e);
      guint a = core_index[t->source], b = core_index[t->target];

      if (a != G_MAXUINT && b != G_MAXUINT)
        {
          core->adjacent[fill[a]++] = b;
          core->adjacent[fill[b]++] = a;
        }
    }
}

/* Brandes' algorithm on the core, the targets weighted, each source's share times its
 * weight, from the sources @first, @first + 2, @first + 4…: adds to @score (by core index)
 * their shares of the pairs, each unordered pair counted from both its ends. */
static void
accumulate (const Core *core, guint first, double *score)
{
  guint n = core->n;
  g_autofree guint *order = g_new (guint, MAX (n, 1)); /* the search's nodes, nearest first */
  g_autofree int *distance = g_new (int, MAX (n, 1));
  g_autofree double *paths = g_new0 (double, MAX (n, 1));
  g_autofree double *dependency = g_new0 (double, MAX (n, 1));

  for (guint i = 0; i < n; i++)
    distance[i] = -1;
  for (guint s = first; s < n; s += 2)
    {
      guint head = 0, tail = 0;

      /* Breadth first from s, counting the shortest paths to each node. */
      distance[s] = 0;
      paths[s] = 1;
      order[tail++] = s;
      while (head < tail)
        {
          guint v = order[head++];

          for (guint k = core->start[v]; k < core->start[v + 1]; k++)
            {
              guint w = core->adjacent[k];

              if (distance[w] < 0)
                {
                  distance[w] = distance[v] + 1;
                  order[tail++] = w;
                }
              if (distance[w] == distance[v] + 1)
                paths[w] += paths[v];
            }
        }

      /* Back from the farthest: each node's dependency passed to its predecessors. */
      while (tail > 1)
        {
          guint w = order[--tail];
          double share = (core->weight[w] + dependency[w]) / paths[w];

          for (guint k = core->start[w]; k < core->start[w + 1]; k++)
            {
              guint v = core->adjacent[k];

              if (distance[v] == distance[w] - 1)
                dependency[v] += paths[v] * share;
            }
          score[w] += core->weight[s] * dependency[w];
        }

      /* Only the nodes reached were touched. */
      for (guint i = 0; i < head; i++)
        {
          guint v = order[i];

          distance[v] = -1;
          paths[v] = 0;
          dependency[v] = 0;
        }
    }
}

typedef struct
{
  const Core *core;
  double *score;
} OddSources;

static gpointer
accumulate_odd (gpointer data)
{
  OddSources *odd = data;

  accumulate (odd->core, 1, odd->score);
  return NULL;
}

/* The even sources here and the odd ones in a thread of their own, when there are enough to
 * be worth it: two cores halve the time. The halves are always the same and summed in the
 * same order, so the answers do not depend on the machine. */
static void
accumulate_all (const Core *core, double *score)
{
  g_autofree double *odd_score = g_new0 (double, MAX (core->n, 1));
  OddSources odd = { core, odd_score };
  GThread *thread = NULL;

  if (core->n >= THREAD_FROM && g_get_num_processors () > 1)
    thread = g_thread_try_new ("ti-betweenness", accumulate_odd, &odd, NULL);
  accumulate (core, 0, score);
  if (thread != NULL)
    g_thread_join (thread);
  else
    accumulate (core, 1, odd_score);
  for (guint i = 0; i < core->n; i++)
    score[i] += odd_score[i];
}

/* How many nodes of the whole graph each core node's component holds, by core index. */
static void
component_sizes (const Core *core, double *size)
{
  guint n = core->n;
  g_autofree guint *queue = g_new (guint, MAX (n, 1));
  g_autofree gboolean *seen = g_new0 (gboolean, MAX (n, 1));

  for (guint s = 0; s < n; s++)
    {
      guint head = 0, tail = 0;
      double total = 0;

      if (seen[s])
        continue;
      seen[s] = TRUE;
      queue[tail++] = s;
      while (head < tail)
        {
          guint v = queue[head++];

          total += core->weight[v];
          for (guint k = core->start[v]; k < core->start[v + 1]; k++)
            if (!seen[core->adjacent[k]])
              {
                seen[core->adjacent[k]] = TRUE;
                queue[tail++] = core->adjacent[k];
              }
        }
      for (guint i = 0; i < tail; i++)
        size[queue[i]] = total;
    }
}

/**
 * ti_network_graph_betweenness:
 * @graph: a graph
 * @betweenness: (out caller-allocates) (array): one for each node
 *
 * Each node's betweenness: on how many of the shortest paths between two other nodes it
 * lies, each pair of nodes counting once, shared out among its shortest paths (unweighted,
 * not normalised): what igraph_betweenness() answers for the undirected graph, computed with
 * the leaves folded into their neighbours (see above).
 */
void
ti_network_graph_betweenness (const TiNetworkGraph *graph, double *betweenness)
{
  guint n = graph->nodes->len;
  g_autofree guint *leaves = g_new (guint, MAX (n, 1));
  g_autofree guint *core_index = g_new (guint, MAX (n, 1));
  g_autofree double *score = NULL;
  g_autofree double *size = NULL;
  Core core = { 0 };

  fold_leaves (graph, &core, leaves, core_index);
  score = g_new0 (double, MAX (core.n, 1));
  size = g_new (double, MAX (core.n, 1));
  accumulate_all (&core, score);
  component_sizes (&core, size);
  for (guint v = 0; v < n; v++)
    {
      guint c = core_index[v];
      double l = leaves[v];

      betweenness[v]
        = c == G_MAXUINT ? 0 : score[c] / 2 + l * (size[c] - core.weight[c]) + l * (l - 1) / 2;
    }
  core_clear (&core);
}
