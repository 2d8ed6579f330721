/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Window to first frame against DESIGN.md §6: the app's window on a programme at most 1.5 × a
 * bare libadwaita window's first frame, both under the same Xvfb and GSK_RENDERER.
 *
 *   ti-bench-first-frame SINCE PROGRAMME.sqlite   the app, as `trauma-informed --db=PROGRAMME`
 *   ti-bench-first-frame SINCE --bare             a bare AdwApplicationWindow with a label
 *
 * SINCE is the wall clock in nanoseconds since the epoch (`date +%s%N`) just before the
 * process was started (bench/window.sh does), so loading the libraries counts too. The app
 * runs exactly as the real one does: TiApplication's own command line, the same --db path
 * through activate, its window presented and the programme opened. Prints the milliseconds
 * from SINCE to the end of the window's first frame (its frame clock's first "after-paint"),
 * then quits. */
#include "config.h"

#include <adwaita.h>
#include <locale.h>
#include <stdlib.h>

#include "ti-application.h"

static gint64 since_us;
static gboolean painted;

static void
quit (gpointer app)
{
  g_application_quit (app);
}

static void
after_paint_cb (GdkFrameClock *clock, GtkWindow *window)
{
  if (painted)
    return;
  painted = TRUE;
  g_print ("%.1f\n", (g_get_real_time () - since_us) / 1000.0);
  g_idle_add_once (quit, gtk_window_get_application (window));
}

static void
realize_cb (GtkWidget *window)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (after_paint_cb), window);
}

static void
window_added_cb (GtkApplication *app, GtkWindow *window)
{
  g_signal_connect (window, "realize", G_CALLBACK (realize_cb), NULL);
}

/* The yardstick: what any libadwaita app shows at the least, at the app's default size. */
static void
bare_activate_cb (GApplication *app)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (app));

  gtk_window_set_title (GTK_WINDOW (window), "Trauma Informed Somerset");
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 720);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window),
                                      gtk_label_new ("Trauma Informed Somerset"));
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int argc, char **argv)
{
  g_autoptr (GtkApplication) app = NULL;
  g_autofree char *db = NULL;
  char *app_argv[3];
  int status;

  if (argc != 3)
    {
      g_printerr ("usage: %s SINCE-NS (PROGRAMME.sqlite | --bare)\n", argv[0]);
      return 2;
    }
  setlocale (LC_ALL, "");
  since_us = g_ascii_strtoll (argv[1], NULL, 10) / 1000;

  if (g_str_equal (argv[2], "--bare"))
    {
      app = GTK_APPLICATION (adw_application_new ("org.somerset.TraumaInformed.BenchBare",
                                                  G_APPLICATION_DEFAULT_FLAGS));
      g_signal_connect (app, "activate", G_CALLBACK (bare_activate_cb), NULL);
      app_argv[1] = NULL;
    }
  else
    {
      app = GTK_APPLICATION (ti_application_new ());
      db = g_strconcat ("--db=", argv[2], NULL);
      app_argv[1] = db;
    }
  app_argv[0] = argv[0];
  app_argv[2] = NULL;
  g_signal_connect (app, "window-added", G_CALLBACK (window_added_cb), NULL);
  status = g_application_run (G_APPLICATION (app), app_argv[1] != NULL ? 2 : 1, app_argv);
  if (!painted)
    {
      g_printerr ("%s: the window never drew a frame\n", argv[0]);
      return EXIT_FAILURE;
    }
  return status;
}
