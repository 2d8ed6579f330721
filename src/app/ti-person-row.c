/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ti-person-row"

#include "config.h"

#include "ti-person-row.h"

/**
 * ti_person_row_remove_button_new:
 * @label: what it does, plain text, shown as its tooltip and read as its name
 *
 * Returns: (transfer floating): a flat trash button; the caller connects "clicked"
 */
GtkWidget *
ti_person_row_remove_button_new (const char *label)
{
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");

  gtk_widget_set_valign (remove, GTK_ALIGN_START);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  return remove;
}

/**
 * ti_person_row_header_new:
 * @name: the person's name
 * @about: (nullable): a dimmed line under it (their organisation, …)
 * @extra: (nullable): more under @about
 * @remove: the button that takes them off, at the end
 *
 * Returns: (transfer floating): the row's first line
 */
GtkWidget *
ti_person_row_header_new (const char *name, const char *about, GtkWidget *extra, GtkWidget *remove)
{
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *who = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *name_label = gtk_label_new (name);
  GtkWidget *about_label = gtk_label_new (about);

  gtk_widget_set_hexpand (who, TRUE);
  gtk_label_set_xalign (GTK_LABEL (name_label), 0);
  gtk_label_set_wrap (GTK_LABEL (name_label), TRUE);
  gtk_widget_add_css_class (name_label, "heading");
  gtk_label_set_xalign (GTK_LABEL (about_label), 0);
  gtk_label_set_wrap (GTK_LABEL (about_label), TRUE);
  gtk_widget_add_css_class (about_label, "dim-label");
  gtk_widget_add_css_class (about_label, "caption");
  gtk_box_append (GTK_BOX (who), name_label);
  gtk_box_append (GTK_BOX (who), about_label);
  if (extra != NULL)
    gtk_box_append (GTK_BOX (who), extra);
  gtk_box_append (GTK_BOX (header), who);
  gtk_box_append (GTK_BOX (header), remove);
  return header;
}

/**
 * ti_person_row_new:
 * @name: the person's name, the row's accessible name
 * @header: from ti_person_row_header_new()
 * @marks: (array length=n_marks): the widgets that show and edit their marks
 *
 * Returns: (transfer floating): a #GtkListBoxRow
 */
GtkWidget *
ti_person_row_new (const char *name, GtkWidget *header, GtkWidget *const *marks, guint n_marks)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *flow = gtk_flow_box_new ();

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  /* Tab moves through the ticks and scores, not to the row. */
  gtk_widget_set_focusable (row, FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);

  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (flow), GTK_SELECTION_NONE);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (flow), 18);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (flow), 6);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (flow), n_marks);
  for (guint i = 0; i < n_marks; i++)
    {
      gtk_widget_set_halign (marks[i], GTK_ALIGN_START);
      gtk_flow_box_append (GTK_FLOW_BOX (flow), marks[i]);
      gtk_widget_set_focusable (gtk_widget_get_parent (marks[i]), FALSE);
    }

  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), flow);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  return row;
}
