/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The network map's layout against DESIGN.md §6: scale 1 under 300 ms, scale 10 under 3 s,
 * and faster than Graphviz sfdp on the same graph; and drawing a frame of the map under
 * 16 ms (issue 7).
 *
 *   ti-bench-network-layout PROGRAMME.sqlite GRAPH.dot        (bench/network-layout.sh runs it)
 *
 * Builds the full network (champions mode) as of today, and prints one line of
 * tab-separated figures: nodes, ties, build and measures (best of 3, ms), layout from no
 * saved positions (best of 3, ms), then the map's frames (median of FRAMES, ms; "-" without a
 * display): the whole map fitted while it pans a pixel a frame, the whole map while it zooms
 * in and out a scroll wheel's step a frame, the whole map as the pointer moves between the two
 * biggest organisations, and zoomed ×4 on the biggest while it pans. Writes the same graph,
 * nodes and weighted ties, as DOT for sfdp.
 *
 * A frame is what GTK's Cairo renderer does with the map, which the window uses here: the
 * widget's snapshot (its GtkWidgetClass.snapshot, at FRAME_WIDTH × FRAME_HEIGHT) drawn into an
 * image surface of that size with gsk_render_node_draw(), timed as the CPU time of the thread
 * that draws, so that a busy machine's other work does not count. */
#include "config.h"

#include <gtk/gtk.h>
#include <stdio.h>
#include <stdlib.h>

#include "bench-util.h"
#include "ti-network-graph.h"
#include "ti-network-map-private.h"

#define RUNS 3
#define FRAMES 15
#define FRAME_WIDTH 1200
#define FRAME_HEIGHT 800

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

static void
iterate (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* One frame of @map: its snapshot, drawn as GTK's Cairo renderer draws it. */
static double
frame_ms (TiNetworkMap *map, cairo_surface_t *surface)
{
  double start = bench_thread_cpu_ms ();
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  GskRenderNode *node;
  cairo_t *cr = cairo_create (surface);

  GTK_WIDGET_GET_CLASS (map)->snapshot (GTK_WIDGET (map), snapshot);
  node = gtk_snapshot_free_to_node (snapshot);
  cairo_set_operator (cr, CAIRO_OPERATOR_CLEAR);
  cairo_paint (cr);
  cairo_set_operator (cr, CAIRO_OPERATOR_OVER);
  if (node != NULL)
    gsk_render_node_draw (node, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  g_clear_pointer (&node, gsk_render_node_unref);
  return bench_thread_cpu_ms () - start;
}

static int
compare_doubles (gconstpointer a, gconstpointer b)
{
  double da = *(const double *) a, db = *(const double *) b;

  return da < db ? -1 : da > db;
}

typedef enum
{
  FRAME_PAN,   /* the view moves a pixel between frames */
  FRAME_ZOOM,  /* the view zooms in and out by a scroll wheel's step */
  FRAME_HOVER, /* the pointer moves from one organisation to another */
} FrameChange;

/* The organisation with the most champions but @other's. */
static guint
biggest_organisation (TiNetworkGraph *graph, int other)
{
  guint biggest = 0;

  for (guint i = 0; i < graph->nodes->len; i++)
    {
      TiNetworkNode *node = &g_array_index (graph->nodes, TiNetworkNode, i);

      if (node->kind == TI_NETWORK_NODE_ORGANISATION && (int) i != other
          && (biggest == (guint) other
              || node->champions > g_array_index (graph->nodes, TiNetworkNode, biggest).champions))
        biggest = i;
    }
  return biggest;
}

/* The median of FRAMES frames of @map, each after @change. */
static double
median_frame_ms (TiNetworkMap *map, FrameChange change)
{
  cairo_surface_t *surface =
    cairo_image_surface_create (CAIRO_FORMAT_ARGB32, FRAME_WIDTH, FRAME_HEIGHT);
  TiNetworkGraph *graph = ti_network_map_get_graph (map);
  guint first = biggest_organisation (graph, -1);
  guint second = biggest_organisation (graph, (int) first);
  double times[FRAMES];

  frame_ms (map, surface);
  for (int i = 0; i < FRAMES; i++)
    {
      if (change == FRAME_PAN)
        ti_network_map_pan (map, i % 2 ? 1 : -1, 0);
      else if (change == FRAME_ZOOM)
        ti_network_map_zoom_by (map, i % 2 ? 1 / 1.2 : 1.2);
      else
        ti_network_map_set_hovered (map, (int) (i % 2 ? first : second));
      times[i] = frame_ms (map, surface);
    }
  ti_network_map_set_hovered (map, -1);
  cairo_surface_destroy (surface);
  qsort (times, FRAMES, sizeof (double), compare_doubles);
  return times[FRAMES / 2];
}

/* The map's frames at scale, in a window; FALSE without a display. */
static gboolean
measure_frames (TiNetworkGraph *graph, double *fitted, double *zooming, double *hover,
                double *zoomed)
{
  GtkWidget *window, *map;

  /* The frames are measured as the Cairo renderer draws them: the window uses it too. */
  g_setenv ("GSK_RENDERER", "cairo", TRUE);
  if (!gtk_init_check ())
    return FALSE;
  window = gtk_window_new ();
  map = ti_network_map_new ();
  gtk_window_set_child (GTK_WINDOW (window), map);
  gtk_window_set_default_size (GTK_WINDOW (window), FRAME_WIDTH, FRAME_HEIGHT);
  gtk_window_present (GTK_WINDOW (window));
  for (int i = 0; i < 500 && gtk_widget_get_width (map) != FRAME_WIDTH; i++)
    {
      g_usleep (10000);
      iterate ();
    }
  ti_network_map_set_graph (TI_NETWORK_MAP (map), graph);
  ti_network_map_fit (TI_NETWORK_MAP (map));
  iterate ();
  *fitted = median_frame_ms (TI_NETWORK_MAP (map), FRAME_PAN);
  *zooming = median_frame_ms (TI_NETWORK_MAP (map), FRAME_ZOOM);
  ti_network_map_fit (TI_NETWORK_MAP (map));
  *hover = median_frame_ms (TI_NETWORK_MAP (map), FRAME_HOVER);
  {
    TiNetworkNode *biggest =
      &g_array_index (graph->nodes, TiNetworkNode, biggest_organisation (graph, -1));

    ti_network_map_set_zoom_and_centre (TI_NETWORK_MAP (map),
                                        4 * ti_network_map_get_zoom (TI_NETWORK_MAP (map)),
                                        biggest->x, biggest->y);
  }
  *zoomed = median_frame_ms (TI_NETWORK_MAP (map), FRAME_PAN);
  ti_network_map_set_graph (TI_NETWORK_MAP (map), NULL);
  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
  return TRUE;
}

int
main (int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TiDatabase) db = NULL;
  g_autoptr (TiNetworkGraph) graph = NULL;
  double build_ms = G_MAXDOUBLE, layout_ms = G_MAXDOUBLE;
  double fitted_ms = 0, zooming_ms = 0, hover_ms = 0, zoomed_ms = 0;

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
  g_print ("%u\t%u\t%.0f\t%.0f", graph->nodes->len, graph->ties->len, build_ms, layout_ms);
  if (measure_frames (graph, &fitted_ms, &zooming_ms, &hover_ms, &zoomed_ms))
    g_print ("\t%.1f\t%.1f\t%.1f\t%.1f\n", fitted_ms, zooming_ms, hover_ms, zoomed_ms);
  else
    g_print ("\t-\t-\t-\t-\n");
  return EXIT_SUCCESS;
}
