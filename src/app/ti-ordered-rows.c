/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ti-ordered-rows"

#include "config.h"

#include <glib/gi18n.h>

#include "ti-ordered-rows.h"

static void
button_clicked_cb (GtkWidget *button, GtkWidget *owner)
{
  gint64 *id = g_object_get_data (G_OBJECT (button), "item-id");

  gtk_widget_activate_action (owner, g_object_get_data (G_OBJECT (button), "action"), "x", *id);
}

/**
 * ti_ordered_rows_button:
 * @owner: the widget whose @action the button runs
 * @action: (not nullable): an action taking the item's id ("x"); a static string
 *
 * A flat icon button labelled for screen readers. Not a GtkActionable, so that the first
 * item's Move Up can stay insensitive while its action is enabled.
 *
 * Returns: (transfer floating): the button
 */
GtkWidget *
ti_ordered_rows_button (GtkWidget *owner, const char *icon_name, const char *label,
                        const char *action, gint64 id, gboolean sensitive)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  g_object_set_data (G_OBJECT (button), "action", (gpointer) action);
  g_object_set_data_full (G_OBJECT (button), "item-id", g_memdup2 (&id, sizeof id), g_free);
  g_signal_connect_object (button, "clicked", G_CALLBACK (button_clicked_cb), owner, 0);
  gtk_widget_set_sensitive (button, sensitive);
  return button;
}

/* The action names, kept for the buttons' lifetime (they hold them as plain pointers). */
static const char *
action_name (const char *prefix, const char *name)
{
  g_autofree char *full = g_strconcat (prefix, ".", name, NULL);

  return g_intern_string (full);
}

/**
 * ti_ordered_rows_add_buttons:
 * @index: the item's place, from 0
 *
 * Adds Move Up (insensitive on the first item), Move Down (on the last) and Remove to @row.
 *
 * Returns: the two move buttons, for ti_ordered_rows_focus_after_move()
 */
TiOrderedRowButtons
ti_ordered_rows_add_buttons (GtkWidget *owner, const char *prefix, AdwExpanderRow *row, gint64 id,
                             guint index, guint n_items)
{
  TiOrderedRowButtons buttons = {
    ti_ordered_rows_button (owner, "go-up-symbolic", _("Move Up"),
                            action_name (prefix, "move-up"), id, index > 0),
    ti_ordered_rows_button (owner, "go-down-symbolic", _("Move Down"),
                            action_name (prefix, "move-down"), id, index + 1 < n_items),
  };

  /* Each action goes before the ones already added. */
  adw_expander_row_add_action (row, ti_ordered_rows_button (owner, "user-trash-symbolic",
                                                            _("Remove"),
                                                            action_name (prefix, "remove"), id,
                                                            TRUE));
  adw_expander_row_add_action (row, buttons.down);
  adw_expander_row_add_action (row, buttons.up);
  return buttons;
}

/**
 * ti_ordered_rows_focus_after_move:
 * @moved_up: whether the item moved up
 *
 * Puts the focus back on the button that moved the item, or the other one when the item has
 * reached the end it moved to.
 */
void
ti_ordered_rows_focus_after_move (TiOrderedRowButtons buttons, gboolean moved_up)
{
  GtkWidget *target = moved_up ? buttons.up : buttons.down;
  GtkWidget *other = moved_up ? buttons.down : buttons.up;

  gtk_widget_grab_focus (gtk_widget_get_sensitive (target) ? target : other);
}

static void
clear_error_cb (GtkWidget *row)
{
  gtk_widget_remove_css_class (row, "error");
}

/**
 * ti_ordered_rows_clear_error_on_change:
 * @row: an editable row
 *
 * Takes away the row's error mark (a refused name) as soon as its text changes.
 */
void
ti_ordered_rows_clear_error_on_change (GtkWidget *row)
{
  g_signal_connect (row, "changed", G_CALLBACK (clear_error_cb), NULL);
}

static void
entry_activated_cb (AdwEntryRow *row, GtkWidget *owner)
{
  gtk_widget_activate_action (owner, g_object_get_data (G_OBJECT (row), "action"), NULL);
}

/**
 * ti_ordered_rows_new_entry:
 * @add: the owner's action that adds what the entry holds; a static string
 * @title: what the entry adds, such as "New principle"
 *
 * An entry row with an Add button; Enter adds too. Its error mark goes when its text changes.
 *
 * Returns: (transfer floating): the row
 */
GtkWidget *
ti_ordered_rows_new_entry (GtkWidget *owner, const char *add, const char *title)
{
  GtkWidget *row = adw_entry_row_new ();
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Add"));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), add);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), button);
  g_object_set_data (G_OBJECT (row), "action", (gpointer) add);
  g_signal_connect_object (row, "entry-activated", G_CALLBACK (entry_activated_cb), owner, 0);
  ti_ordered_rows_clear_error_on_change (row);
  return row;
}
