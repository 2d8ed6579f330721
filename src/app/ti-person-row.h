/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* A row of a list of people edited in place (a session's register, an event's list): who
 * they are with a button to take them off, then their marks, which wrap in a narrow window. */
GtkWidget *ti_person_row_remove_button_new (const char *label);
GtkWidget *ti_person_row_header_new (const char *name, const char *about, GtkWidget *extra,
                                     GtkWidget *remove);
GtkWidget *ti_person_row_new (const char *name, GtkWidget *header, GtkWidget *const *marks,
                              guint n_marks);

G_END_DECLS
