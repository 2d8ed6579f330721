/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* An ordered list edited in preference rows (the charter's principles, the review
 * checklist): each item an expander row with Move Up, Move Down and Remove, and an entry row
 * that adds one at the end. The buttons run the owner's actions "PREFIX.move-up",
 * "PREFIX.move-down" and "PREFIX.remove" with the item's id ("x"); the entry runs the
 * owner's action that adds one. */

typedef struct
{
  GtkWidget *up;
  GtkWidget *down;
} TiOrderedRowButtons;

TiOrderedRowButtons ti_ordered_rows_add_buttons (GtkWidget *owner, const char *prefix,
                                                 AdwExpanderRow *row, gint64 id, guint index,
                                                 guint n_items);
GtkWidget *ti_ordered_rows_button (GtkWidget *owner, const char *icon_name, const char *label,
                                   const char *action, gint64 id, gboolean sensitive);
void ti_ordered_rows_focus_after_move (TiOrderedRowButtons buttons, gboolean moved_up);
GtkWidget *ti_ordered_rows_new_entry (GtkWidget *owner, const char *add, const char *title);
void ti_ordered_rows_clear_error_on_change (GtkWidget *row);

G_END_DECLS
