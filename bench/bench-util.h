/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the window benchmarks share: driving the main loop one iteration at a time and
 * timing each, finding widgets, and waiting for a view's refresh to be drawn. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The longest main-loop iteration seen: wall time, and the main thread's CPU time. */
typedef struct
{
  double wall_ms;
  double cpu_ms;
  gint64 wall_at; /* when the longest by wall time began, g_get_monotonic_time () */
} BenchStall;

/* A view's "refreshed" signal, then the window's next frame drawn after it. */
typedef struct
{
  gboolean refreshed;
  gboolean painted;
  gint64 refreshed_at; /* g_get_monotonic_time () */
  gint64 painted_at;
  GObject *view;
  GdkFrameClock *clock;
  gulong refreshed_id;
  gulong paint_id;
} BenchRefresh;

double bench_thread_cpu_ms (void);
GtkWidget *bench_find_type (GtkWidget *root, GType type);
void bench_run_until (gboolean (*done) (gpointer), gpointer data, double seconds,
                      BenchStall *longest);
void bench_refresh_watch (BenchRefresh *refresh, gpointer view, GtkWidget *window);
gboolean bench_refresh_painted (gpointer refresh);
void bench_refresh_unwatch (BenchRefresh *refresh);

G_END_DECLS
