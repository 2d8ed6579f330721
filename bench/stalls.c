/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The longest main-loop stall against DESIGN.md §6: no page switch or dashboard refresh at
 * scale 10 stalls the main loop over 16 ms (work over that runs in a thread).
 *
 *   ti-bench-stalls PROGRAMME.sqlite        (under Xvfb; bench/window.sh runs it)
 *
 * Opens the app's window on the programme, as the app does, and lets it settle (not counted:
 * that is the first frame's benchmark). Then, as a person would, goes to every sidebar
 * destination in turn, twice (the first visit may fill a page for the first time, the
 * second comes back to it), and on the Evaluation dashboard chooses each period in turn.
 * After each step (for a period, once the new figures are drawn) the main loop runs until it
 * has been QUIET seconds without an iteration over 16 ms of main-thread CPU (at most a
 * minute), so a worker's result arriving late counts in the step that asked for it.
 *
 * The loop is driven here one iteration at a time; a stall is one iteration of the main
 * context: every source it dispatched, frames included, back to back. Each is timed twice:
 * wall time (what a person waits, including waiting for a core on a busy machine) and the
 * main thread's CPU time (our work alone). Prints a line per step, with how long after the
 * step began its longest wall stall came; then one line of tab-separated figures: the longest
 * wall and CPU stall (ms) over all the steps, and the step where the longest wall stall was. */
#include "config.h"

#include <adwaita.h>
#include <locale.h>
#include <stdlib.h>

#include "bench-util.h"
#include "ti-application.h"
#include "ti-dashboard-view.h"
#include "ti-window.h"

#define QUIET 2.0

static const char *const destinations[] = {
  "Network map", "Training tiers", "Champions", "Events", "Evaluation",
};

static BenchStall step_longest, overall;
static gint64 step_began;
static char *overall_step;

/* Runs the main loop for @seconds, keeping the step's longest iteration. */
static void
run_for (double seconds)
{
  bench_run_until (NULL, NULL, seconds, &step_longest);
}

/* Runs the main loop until QUIET seconds pass without an iteration over 16 ms of main-thread
 * CPU (the machine's load does not count), or a minute. */
static void
settle (void)
{
  gint64 end = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
  gint64 quiet_since = g_get_monotonic_time ();

  while (g_get_monotonic_time () < end
         && g_get_monotonic_time () - quiet_since < QUIET * G_USEC_PER_SEC)
    {
      BenchStall chunk = { 0 };

      bench_run_until (NULL, NULL, 0.1, &chunk);
      if (chunk.wall_ms > step_longest.wall_ms)
        {
          step_longest.wall_ms = chunk.wall_ms;
          step_longest.wall_at = chunk.wall_at;
        }
      step_longest.cpu_ms = MAX (step_longest.cpu_ms, chunk.cpu_ms);
      if (chunk.cpu_ms > 16)
        quiet_since = g_get_monotonic_time ();
    }
}

static void
begin_step (void)
{
  step_longest = (BenchStall) { 0 };
  step_began = g_get_monotonic_time ();
}

static void
end_step (const char *step)
{
  g_print ("  %-40s longest stall %6.1f ms wall (%5.0f ms in), %6.1f ms CPU\n", step,
           step_longest.wall_ms, (step_longest.wall_at - step_began) / 1000.0, step_longest.cpu_ms);
  if (step_longest.wall_ms > overall.wall_ms)
    {
      g_free (overall_step);
      overall_step = g_strdup (step);
    }
  overall.wall_ms = MAX (overall.wall_ms, step_longest.wall_ms);
  overall.cpu_ms = MAX (overall.cpu_ms, step_longest.cpu_ms);
}

static void
choose_period (TiWindow *window, TiDashboardView *view, TiPeriodPreset preset, const char *name)
{
  BenchRefresh refresh;
  g_autofree char *step = g_strdup_printf ("period: %s", name);

  begin_step ();
  bench_refresh_watch (&refresh, view, GTK_WIDGET (window));
  ti_period_chooser_set_preset (ti_dashboard_view_get_period_chooser (view), preset);
  bench_run_until (bench_refresh_painted, &refresh, 30, &step_longest);
  settle ();
  end_step (step);
  if (!refresh.painted)
    g_printerr ("  (the dashboard did not refresh within 30 s)\n");
  bench_refresh_unwatch (&refresh);
}

int
main (int argc, char **argv)
{
  g_autoptr (TiApplication) app = NULL;
  TiWindow *window;
  TiDashboardView *view;

  if (argc != 2)
    {
      g_printerr ("usage: %s PROGRAMME.sqlite\n", argv[0]);
      return 2;
    }
  setlocale (LC_ALL, "");
  gtk_init ();
  adw_init ();

  app = ti_application_new ();
  g_application_register (G_APPLICATION (app), NULL, NULL);
  window = ti_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  if (!ti_window_open_programme (window, argv[1], FALSE))
    {
      g_printerr ("%s: could not open %s\n", argv[0], argv[1]);
      return EXIT_FAILURE;
    }
  begin_step ();
  settle ();
  end_step ("(opening the programme, not counted)");
  overall = (BenchStall) { 0 };
  g_clear_pointer (&overall_step, g_free);

  for (int visit = 1; visit <= 2; visit++)
    for (guint d = 0; d < G_N_ELEMENTS (destinations); d++)
      {
        g_autofree char *step
          = g_strdup_printf ("%s %s", visit == 1 ? "to" : "back to", destinations[d]);

        begin_step ();
        gtk_widget_activate_action (GTK_WIDGET (window), "win.destination", "i", d);
        settle ();
        end_step (step);
      }

  view = TI_DASHBOARD_VIEW (bench_find_type (GTK_WIDGET (window), TI_TYPE_DASHBOARD_VIEW));
  if (view == NULL || ti_window_get_destination (window) != G_N_ELEMENTS (destinations) - 1)
    {
      g_printerr ("%s: no Evaluation dashboard on screen\n", argv[0]);
      return EXIT_FAILURE;
    }
  choose_period (window, view, TI_PERIOD_WHOLE_PROGRAMME, "whole programme");
  choose_period (window, view, TI_PERIOD_FINANCIAL_YEAR_2023_24, "financial year 2023/24");
  choose_period (window, view, TI_PERIOD_LAST_QUARTER, "last quarter");
  choose_period (window, view, TI_PERIOD_EVALUATION, "evaluation period");

  g_print ("%.1f\t%.1f\t%s\n", overall.wall_ms, overall.cpu_ms, overall_step);
  gtk_window_destroy (GTK_WINDOW (window));
  run_for (0.2);
  g_free (overall_step);
  return EXIT_SUCCESS;
}
