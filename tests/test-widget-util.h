/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ti-application.h"
#include "ti-window.h"

G_BEGIN_DECLS

/* Helpers for the widget tests: drive the main loop, and find widgets as a person would. */

TiApplication *test_widget_init (int *argc, char ***argv);
int test_widget_finish (int status);

void test_iterate_until (gboolean (*done) (gpointer), gpointer data);
void test_iterate_a_while (void);
void test_wait_for_finalized (gpointer *weak_pointer);

typedef gboolean (*TestWidgetMatch) (GtkWidget *widget, gconstpointer data);

GtkWidget *test_find_widget (GtkWidget *root, gboolean mapped_only, TestWidgetMatch match,
                             gconstpointer data);
GPtrArray *test_collect_widgets (GtkWidget *root, gboolean mapped_only, TestWidgetMatch match,
                                 gconstpointer data);

GtkWidget *test_find_shown (GtkWidget *root, const char *text);
void test_wait_for_text (GtkWidget *root, const char *text);
void test_wait_for_text_anywhere (GtkWidget *root, const char *text);
void test_wait_for_gone (GtkWidget *root, const char *text);
GtkWidget *test_find_type (GtkWidget *root, GType type);
GtkWidget *test_find_row (GtkWidget *root, const char *title);
GtkWidget *test_find_button (GtkWidget *root, const char *label);
GtkWidget *test_wait_for_widget (GtkWidget *root, TestWidgetMatch match, gconstpointer data);
const char *test_wait_for_text_containing (GtkWidget *root, const char *part);
GtkWidget *test_wait_for_button (GtkWidget *root, const char *label);
GtkWidget *test_wait_for_row (GtkWidget *root, const char *title);

GtkWindow *test_find_toplevel (GType type);
GtkWindow *test_wait_for_toplevel (GType type);
void test_wait_for_toplevel_gone (GType type);
AdwMessageDialog *test_find_dialog (const char *heading);
AdwMessageDialog *test_wait_for_dialog (const char *heading);

TiWindow *test_window_new (const char *path);
void test_window_close (TiWindow *window);
GtkWidget *test_show_view (TiWindow *window, guint destination, const char *view,
                           GType view_type);

G_END_DECLS
