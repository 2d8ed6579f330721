/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "bench-util.h"

#include <time.h>

/* The CPU time this thread has had, in ms: its own work, whatever else the machine runs. */
double
bench_thread_cpu_ms (void)
{
  struct timespec now;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &now);
  return now.tv_sec * 1000.0 + now.tv_nsec / 1e6;
}

/* The first widget of @type in @root's tree, @root included, depth first. */
GtkWidget *
bench_find_type (GtkWidget *root, GType type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = bench_find_type (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Runs the default main context one iteration at a time until @done (when not NULL) says so
 * or @seconds pass, keeping in @longest the longest iteration: every source it dispatched,
 * frames included, back to back. Between iterations it sleeps 0.2 ms rather than spin. */
void
bench_run_until (gboolean (*done) (gpointer), gpointer data, double seconds, BenchStall *longest)
{
  gint64 end = g_get_monotonic_time () + (gint64) (seconds * G_USEC_PER_SEC);

  while (g_get_monotonic_time () < end && (done == NULL || !done (data)))
    {
      gint64 start = g_get_monotonic_time ();
      double cpu = bench_thread_cpu_ms ();

      g_main_context_iteration (NULL, FALSE);
      if (longest != NULL)
        {
          double wall_ms = (g_get_monotonic_time () - start) / 1000.0;

          if (wall_ms > longest->wall_ms)
            {
              longest->wall_ms = wall_ms;
              longest->wall_at = start;
            }
          longest->cpu_ms = MAX (longest->cpu_ms, bench_thread_cpu_ms () - cpu);
        }
      g_usleep (200);
    }
}

static void
refreshed_cb (GObject *view, BenchRefresh *refresh)
{
  refresh->refreshed = TRUE;
  refresh->refreshed_at = g_get_monotonic_time ();
}

static void
after_paint_cb (GdkFrameClock *clock, BenchRefresh *refresh)
{
  if (refresh->refreshed && !refresh->painted)
    {
      refresh->painted = TRUE;
      refresh->painted_at = g_get_monotonic_time ();
    }
}

/* Watches @view's "refreshed" signal and the first frame of @window drawn after it. */
void
bench_refresh_watch (BenchRefresh *refresh, gpointer view, GtkWidget *window)
{
  *refresh = (BenchRefresh) { 0 };
  refresh->view = view;
  refresh->clock = gtk_widget_get_frame_clock (window);
  refresh->refreshed_id = g_signal_connect (view, "refreshed", G_CALLBACK (refreshed_cb), refresh);
  refresh->paint_id
    = g_signal_connect (refresh->clock, "after-paint", G_CALLBACK (after_paint_cb), refresh);
}

gboolean
bench_refresh_painted (gpointer refresh)
{
  return ((BenchRefresh *) refresh)->painted;
}

void
bench_refresh_unwatch (BenchRefresh *refresh)
{
  g_signal_handler_disconnect (refresh->view, refresh->refreshed_id);
  g_signal_handler_disconnect (refresh->clock, refresh->paint_id);
}
