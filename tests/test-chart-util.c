/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "test-chart-util.h"

/* Runs what the main loop has waiting. */
void
test_chart_iterate (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* Waits for a frame or two, so new styles reach the widgets. */
void
test_chart_settle (void)
{
  for (int i = 0; i < 10; i++)
    {
      g_usleep (10000);
      test_chart_iterate ();
    }
}

/* Shows @widget in a window of its own and waits until it has been laid out. */
GtkWidget *
test_chart_show_in_window (GtkWidget *widget, int width, int height)
{
  GtkWidget *window = gtk_window_new ();

  gtk_window_set_child (GTK_WINDOW (window), widget);
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  for (int i = 0; i < 100 && gtk_widget_get_width (widget) == 0; i++)
    {
      g_usleep (10000);
      test_chart_iterate ();
    }
  g_assert_cmpint (gtk_widget_get_width (widget), >, 0);
  return window;
}

/* Destroys the window @widget was shown in, and checks nothing else keeps the widget. */
void
test_chart_close_and_finalize (GtkWidget *window, gpointer widget)
{
  g_object_ref (widget);
  gtk_window_destroy (GTK_WINDOW (window));
  test_chart_settle ();
  g_assert_finalize_object (widget);
}
