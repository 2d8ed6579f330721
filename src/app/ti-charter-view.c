/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ti-charter-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "ti-charter-principle.h"
#include "ti-charter-view.h"
#include "ti-charter.h"
#include "ti-table.h"
#include "ti-format.h"
#include "ti-ordered-rows.h"
#include "ti-window.h"

/**
 * TiCharterView:
 *
 * The county charter: its principles in order, and where the partners stand in adopting
 * it, overall and sector by sector. The charter is small (one row per organisation), so it
 * is read directly from the window's connection.
 *
 * Principles are edited here: added, renamed, moved up or down and removed (with Undo).
 * Each change is saved at once, and the view reloads.
 */
struct _TiCharterView
{
  GtkWidget parent_instance;

  TiDatabase *database;
  GPtrArray *rows; /* the rows added to the groups, removed on reload */

  /* The last removed principle, for Undo. */
  char *removed_name;
  char *removed_description;
  guint removed_position;

  /* After a move, focus returns to the moved principle's button. */
  gint64 focus_id;
  const char *focus_action;

  AdwToastOverlay *toast_overlay;
  AdwPreferencesGroup *principles_group;
  AdwPreferencesGroup *stages_group;
  AdwPreferencesGroup *sectors_group;
};

G_DEFINE_FINAL_TYPE (TiCharterView, ti_charter_view, GTK_TYPE_WIDGET)

static void
add_row (TiCharterView *self, AdwPreferencesGroup *group, const char *title,
         const char *subtitle, const char *suffix)
{
  GtkWidget *row = ti_table_info_row_new (title, subtitle, suffix);

  adw_preferences_group_add (group, row);
  g_ptr_array_add (self->rows, row);
}

static void
clear_rows (TiCharterView *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);
      GtkWidget *group = gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP);
      adw_preferences_group_remove (ADW_PREFERENCES_GROUP (group), row);
    }
  g_ptr_array_set_size (self->rows, 0);
}

static void
show_error (TiCharterView *self, const GError *error)
{
  add_row (self, self->principles_group, _("The charter could not be read"), error->message,
           NULL);
}

static void add_principle_row (TiCharterView *self, TiCharterPrinciple *principle, guint index,
                               guint n);
static void add_new_principle_row (TiCharterView *self);

static void
load (TiCharterView *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GListModel) principles = NULL;
  g_autoptr (TiCharterOverview) overview = NULL;
  guint n;

  clear_rows (self);
  if (self->database == NULL)
    return;

  principles = ti_charter_list_principles (self->database, &error);
  if (principles == NULL)
    return show_error (self, error);
  n = g_list_model_get_n_items (principles);
  if (n == 0)
    add_row (self, self->principles_group, _("The charter has no principles yet"),
             _("Add the first one below."), NULL);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (TiCharterPrinciple) principle = g_list_model_get_item (principles, i);
      add_principle_row (self, principle, i, n);
    }
  add_new_principle_row (self);

  overview = ti_charter_get_overview (self->database, &error);
  if (overview == NULL)
    return show_error (self, error);
  for (guint stage = 0; stage < TI_CHARTER_N_STAGES; stage++)
    {
      g_autofree char *count = ti_format_count (overview->counts[stage]);
      add_row (self, self->stages_group,
               ti_charter_stage_label (ti_charter_stage_key (stage)), NULL, count);
    }
  for (guint i = 0; i < overview->sectors->len; i++)
    {
      TiCharterSectorRow *row = g_ptr_array_index (overview->sectors, i);
      guint adopted = row->counts[TI_CHARTER_STAGE_SIGNED] + row->counts[TI_CHARTER_STAGE_REVIEW_DUE];
      g_autofree char *suffix = g_strdup_printf (_("%u of %u"), adopted, row->total);
      add_row (self, self->sectors_group, row->sector, NULL, suffix);
    }
}

/* Principles ------------------------------------------------------------------------------ */

static void
toast (TiCharterView *self, AdwToast *message)
{
  adw_toast_overlay_add_toast (self->toast_overlay, message);
}

static void
refuse (TiCharterView *self, GtkWidget *row, const GError *error)
{
  if (row != NULL)
    gtk_widget_add_css_class (row, "error");
  toast (self, adw_toast_new (error->message));
}

/* A change was saved: show it, and say so. */
static void
changed (TiCharterView *self, const char *message)
{
  load (self);
  if (message != NULL)
    toast (self, adw_toast_new (message));
}

static void
rename_cb (AdwEntryRow *row, TiCharterView *self)
{
  TiCharterPrinciple *principle = g_object_get_data (G_OBJECT (row), "principle");
  g_autoptr (GError) error = NULL;
  g_autofree char *message = NULL;
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
  if (!ti_charter_rename_principle (self->database, ti_charter_principle_get_id (principle), name,
                                    &error))
    return refuse (self, GTK_WIDGET (row), error);
  message = g_strdup_printf (_("Principle renamed to “%s”"), name);
  changed (self, message);
}

static void
add_principle_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  TiCharterView *self = TI_CHARTER_VIEW (widget);
  g_autoptr (GError) error = NULL;
  g_autofree char *message = NULL;
  GtkWidget *row = g_object_get_data (G_OBJECT (self), "new-principle-row");
  g_autofree char *name = NULL;

  if (row == NULL || self->database == NULL)
    return;
  name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  if (!ti_charter_add_principle (self->database, name, NULL, NULL, &error))
    return refuse (self, row, error);
  message = g_strdup_printf (_("Principle “%s” added"), name);
  changed (self, message);
}

static void
move (TiCharterView *self, gint64 id, int offset, const char *action)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GListModel) principles = ti_charter_list_principles (self->database, &error);
  guint n;

  if (principles == NULL)
    return refuse (self, NULL, error);
  n = g_list_model_get_n_items (principles);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (TiCharterPrinciple) principle = g_list_model_get_item (principles, i);
      int position = (int) i + 1 + offset;

      if (ti_charter_principle_get_id (principle) != id)
        continue;
      if (position < 1 || position > (int) n)
        return;
      if (!ti_charter_move_principle (self->database, id, (guint) position, &error))
        return refuse (self, NULL, error);
      self->focus_id = id;
      self->focus_action = action;
      changed (self, NULL);
      return;
    }
}

static void
move_up_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  move (TI_CHARTER_VIEW (widget), g_variant_get_int64 (parameter), -1, "charter.move-up");
}

static void
move_down_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  move (TI_CHARTER_VIEW (widget), g_variant_get_int64 (parameter), +1, "charter.move-down");
}

static void
remove_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  TiCharterView *self = TI_CHARTER_VIEW (widget);
  gint64 id = g_variant_get_int64 (parameter);
  g_autoptr (GError) error = NULL;
  g_autoptr (GListModel) principles = ti_charter_list_principles (self->database, &error);
  g_autofree char *message = NULL;
  AdwToast *undo;

  if (principles == NULL)
    return refuse (self, NULL, error);
  for (guint i = 0, n = g_list_model_get_n_items (principles); i < n; i++)
    {
      g_autoptr (TiCharterPrinciple) principle = g_list_model_get_item (principles, i);

      if (ti_charter_principle_get_id (principle) != id)
        continue;
      if (!ti_charter_remove_principle (self->database, id, &error))
        return refuse (self, NULL, error);
      g_free (self->removed_name);
      g_free (self->removed_description);
      self->removed_name = g_strdup (ti_charter_principle_get_name (principle));
      self->removed_description = g_strdup (ti_charter_principle_get_description (principle));
      self->removed_position = i + 1;
      changed (self, NULL);

      message = g_strdup_printf (_("Principle “%s” removed"), self->removed_name);
      undo = adw_toast_new (message);
      adw_toast_set_button_label (undo, _("_Undo"));
      adw_toast_set_action_name (undo, "charter.undo-remove");
      adw_toast_set_priority (undo, ADW_TOAST_PRIORITY_HIGH);
      toast (self, undo);
      return;
    }
}

/* Puts the removed principle back where it was, with its name and description. */
static void
undo_remove_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  TiCharterView *self = TI_CHARTER_VIEW (widget);
  g_autoptr (GError) error = NULL;
  gint64 id = 0;

  if (self->removed_name == NULL || self->database == NULL)
    return;
  if (!ti_charter_add_principle (self->database, self->removed_name, self->removed_description,
                                 &id, &error)
      || !ti_charter_move_principle (self->database, id, self->removed_position, &error))
    {
      changed (self, NULL);
      return refuse (self, NULL, error);
    }
  g_clear_pointer (&self->removed_name, g_free);
  g_clear_pointer (&self->removed_description, g_free);
  changed (self, _("Principle restored"));
}

static void
add_principle_row (TiCharterView *self, TiCharterPrinciple *principle, guint index, guint n)
{
  gint64 id = ti_charter_principle_get_id (principle);
  const char *description = ti_charter_principle_get_description (principle);
  g_autofree char *title = g_strdup_printf ("%u. %s", index + 1,
                                            ti_charter_principle_get_name (principle));
  GtkWidget *row = adw_expander_row_new ();
  GtkWidget *name_row = adw_entry_row_new ();
  TiOrderedRowButtons buttons;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (description != NULL && *description != '\0')
    adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), description);

  buttons = ti_ordered_rows_add_buttons (GTK_WIDGET (self), "charter", ADW_EXPANDER_ROW (row), id,
                                         index, n);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (name_row), _("Name"));
  gtk_editable_set_text (GTK_EDITABLE (name_row), ti_charter_principle_get_name (principle));
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (name_row), TRUE);
  g_object_set_data_full (G_OBJECT (name_row), "principle", g_object_ref (principle),
                          g_object_unref);
  g_signal_connect_object (name_row, "apply", G_CALLBACK (rename_cb), self, 0);
  ti_ordered_rows_clear_error_on_change (name_row);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), name_row);

  if (description != NULL && *description != '\0')
    {
      GtkWidget *description_row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (description_row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (description_row), _("Description"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (description_row), description);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), description_row);
    }

  adw_preferences_group_add (self->principles_group, row);
  g_ptr_array_add (self->rows, row);

  if (id == self->focus_id)
    {
      ti_ordered_rows_focus_after_move (buttons,
                                        g_strcmp0 (self->focus_action, "charter.move-up") == 0);
      self->focus_id = 0;
    }
}

static void
add_new_principle_row (TiCharterView *self)
{
  GtkWidget *row
    = ti_ordered_rows_new_entry (GTK_WIDGET (self), "charter.add-principle", _("New principle"));

  adw_preferences_group_add (self->principles_group, row);
  g_ptr_array_add (self->rows, row);
  g_object_set_data (G_OBJECT (self), "new-principle-row", row);
}

void
ti_charter_view_set_database (TiCharterView *self, TiDatabase *database)
{
  g_return_if_fail (TI_IS_CHARTER_VIEW (self));

  g_set_object (&self->database, database);
  load (self);
}

static void
ti_charter_view_dispose (GObject *object)
{
  TiCharterView *self = TI_CHARTER_VIEW (object);
  GtkWidget *child;

  g_clear_object (&self->database);
  g_clear_pointer (&self->removed_name, g_free);
  g_clear_pointer (&self->removed_description, g_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), TI_TYPE_CHARTER_VIEW);
  /* GTK 4.8 unparents only the bound template children. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (ti_charter_view_parent_class)->dispose (object);
}

static void
ti_charter_view_class_init (TiCharterViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ti_charter_view_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ti-charter-view.ui");
  gtk_widget_class_bind_template_child (widget_class, TiCharterView, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, TiCharterView, principles_group);
  gtk_widget_class_bind_template_child (widget_class, TiCharterView, stages_group);
  gtk_widget_class_bind_template_child (widget_class, TiCharterView, sectors_group);

  gtk_widget_class_install_action (widget_class, "charter.add-principle", NULL,
                                   add_principle_activated);
  gtk_widget_class_install_action (widget_class, "charter.move-up", "x", move_up_activated);
  gtk_widget_class_install_action (widget_class, "charter.move-down", "x", move_down_activated);
  gtk_widget_class_install_action (widget_class, "charter.remove", "x", remove_activated);
  gtk_widget_class_install_action (widget_class, "charter.undo-remove", NULL,
                                   undo_remove_activated);
}

static void
ti_charter_view_init (TiCharterView *self)
{
  self->rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}
