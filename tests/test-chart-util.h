/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Helpers for the chart kit's tests: show a widget in a window of its own, let frames pass. */

void test_chart_iterate (void);
void test_chart_settle (void);
GtkWidget *test_chart_show_in_window (GtkWidget *widget, int width, int height);
void test_chart_close_and_finalize (GtkWidget *window, gpointer widget);

G_END_DECLS
