/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The network map's layout against DESIGN.md §6: scale 1 under 300 ms, scale 10 under 3 s,
 * and faster than Graphviz sfdp on the same graph.
 *
 *   ti-bench-network-layout PROGRAMME.sqlite GRAPH.dot        (bench/network-layout.sh runs it)
 *
 * Builds the full network (champions mode) as of today, and prints one line of
 * tab-separated figures: nodes, ties, build and measures (best of 3, ms), layout from no
 * saved positions (best of 3, ms). Writes the same graph, nodes and weighted ties, as DOT
 * for sfdp. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "ti-network-graph.h"

#define RUNS 3

static double
elapsed_ms (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

static gboolean
write_dot (const TiNetworkGraph *graph, const char *path, GError **error)
{
  g_autoptr (GString) dot = g_string_new ("graph network {\n");

  for (guint i = 0; i < graph->nodes->len; i++)
    g_string_append_printf (dot, "  n%u;\n", i);
  for (guint i = 0; i < graph->ties->len; i++)
    {
      const TiNetworkTie *t = &g_array_index (graph->ties, TiNetworkTie, i);

      g_string_append_printf (dot, "  n%u -- n%u [weight=%g];\n", t->source, t->target,
                              t->weight);
    }
  g_string_append (dot, "}\n");
  return g_file_set_contents (path, dot->str, dot->len, error);
}

int
main (int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TiDatabase) db = NULL;
  g_autoptr (TiNetworkGraph) graph = NULL;
  double build_ms = G_MAXDOUBLE, layout_ms = G_MAXDOUBLE;

  if (argc != 3)
    {
      g_printerr ("Usage: %s PROGRAMME.sqlite GRAPH.dot\n", argv[0]);
      return EXIT_FAILURE;
    }
  db = ti_database_open (argv[1], TI_DATABASE_OPEN_READ_ONLY, &error);
  if (db == NULL)
    {
      g_printerr ("%s\n", error->message);
      return EXIT_FAILURE;
    }

  for (int run = 0; run < RUNS; run++)
    {
      gint64 start = g_get_monotonic_time ();

      g_clear_pointer (&graph, ti_network_graph_free);
      graph = ti_network_graph_build (db, TI_NETWORK_CHAMPIONS, NULL, &error);
      if (graph == NULL)
        break;
      build_ms = MIN (build_ms, elapsed_ms (start));
      start = g_get_monotonic_time ();
      if (!ti_network_graph_layout (graph, NULL, &error))
        break;
      layout_ms = MIN (layout_ms, elapsed_ms (start));
    }
  if (error != NULL || !write_dot (graph, argv[2], &error))
    {
      g_printerr ("%s\n", error->message);
      return EXIT_FAILURE;
    }
  g_print ("%u\t%u\t%.0f\t%.0f\n", graph->nodes->len, graph->ties->len, build_ms, layout_ms);
  return EXIT_SUCCESS;
}
