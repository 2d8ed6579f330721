/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ti-review-checklist-page"

#include "config.h"

#include <glib/gi18n.h>

#include "ti-fidelity.h"
#include "ti-ordered-rows.h"
#include "ti-review-checklist-page.h"

/**
 * TiReviewChecklistPage:
 *
 * The Preferences page that edits the fidelity checklist: items added, reworded, moved up or
 * down and removed (with Undo), and retired items put back. Each change is saved at once and
 * the page reloads; a refused change is marked on its row and explained in a toast. The
 * checklist is a handful of rows, read on the main thread.
 */
struct _TiReviewChecklistPage
{
  AdwPreferencesPage parent_instance;

  TiDatabase *database;
  GPtrArray *rows; /* the rows added to the groups, removed on reload */
  GtkWidget *new_row;

  /* The last removed item, for Undo. */
  gint64 removed_id;
  char *removed_text;
  guint removed_position;
  gboolean removed_retired;

  /* After a move, focus returns to the moved item's button. */
  gint64 focus_id;
  gboolean focus_up;

  AdwPreferencesGroup *items_group;
  AdwPreferencesGroup *retired_group;
};

G_DEFINE_FINAL_TYPE (TiReviewChecklistPage, ti_review_checklist_page, ADW_TYPE_PREFERENCES_PAGE)

static void undo_remove (TiReviewChecklistPage *self);

static void
toast (TiReviewChecklistPage *self, const char *message, gboolean with_undo)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autofree char *escaped = g_markup_escape_text (message, -1);
  AdwToast *toast = adw_toast_new (escaped);

  if (with_undo)
    {
      /* The toast is in the window, outside this page: a signal, not one of its actions. */
      adw_toast_set_button_label (toast, _("_Undo"));
      adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
      g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo_remove), self,
                               G_CONNECT_SWAPPED);
    }
  if (ADW_IS_PREFERENCES_WINDOW (root))
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (root), toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

static void
refuse (TiReviewChecklistPage *self, GtkWidget *row, const GError *error)
{
  if (row != NULL)
    gtk_widget_add_css_class (row, "error");
  toast (self, error->message, FALSE);
}

static void
add_to (TiReviewChecklistPage *self, AdwPreferencesGroup *group, GtkWidget *row)
{
  adw_preferences_group_add (group, row);
  g_ptr_array_add (self->rows, row);
}

static void
clear_rows (TiReviewChecklistPage *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);
      GtkWidget *group = gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP);
      adw_preferences_group_remove (ADW_PREFERENCES_GROUP (group), row);
    }
  g_ptr_array_set_size (self->rows, 0);
  self->new_row = NULL;
}

static void
reword_cb (AdwEntryRow *row, TiReviewChecklistPage *self);

static void
add_item_row (TiReviewChecklistPage *self, const TiFidelityItem *item, guint index, guint n)
{
  g_autofree char *title = g_strdup_printf ("%u. %s", index + 1, item->text);
  GtkWidget *row = adw_expander_row_new ();
  GtkWidget *wording = adw_entry_row_new ();
  TiOrderedRowButtons buttons;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  buttons = ti_ordered_rows_add_buttons (GTK_WIDGET (self), "checklist", ADW_EXPANDER_ROW (row),
                                         item->id, index, n);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (wording), _("Wording"));
  gtk_editable_set_text (GTK_EDITABLE (wording), item->text);
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (wording), TRUE);
  g_object_set_data_full (G_OBJECT (wording), "item-id", g_memdup2 (&item->id, sizeof item->id),
                          g_free);
  g_signal_connect_object (wording, "apply", G_CALLBACK (reword_cb), self, 0);
  ti_ordered_rows_clear_error_on_change (wording);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), wording);
  add_to (self, self->items_group, row);

  if (item->id == self->focus_id)
    {
      ti_ordered_rows_focus_after_move (buttons, self->focus_up);
      self->focus_id = 0;
    }
}

static void
add_new_item_row (TiReviewChecklistPage *self)
{
  self->new_row = ti_ordered_rows_new_entry (GTK_WIDGET (self), "checklist.add", _("New item"));
  add_to (self, self->items_group, self->new_row);
}

static void
add_retired_row (TiReviewChecklistPage *self, const TiFidelityItem *item)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *uses = g_strdup_printf (
    g_dngettext (GETTEXT_PACKAGE, "Answered in %u review", "Answered in %u reviews", item->uses),
    item->uses);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), item->text);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), uses);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             ti_ordered_rows_button (GTK_WIDGET (self), "edit-undo-symbolic",
                                                     _("Put Back in the Checklist"),
                                                     "checklist.restore", item->id, TRUE));
  add_to (self, self->retired_group, row);
}

static void
load (TiReviewChecklistPage *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) items = NULL;
  guint n_active = 0;
  gboolean any_retired = FALSE;

  clear_rows (self);
  if (self->database == NULL)
    return;
  items = ti_fidelity_list_items (self->database, TRUE, &error);
  if (items == NULL)
    {
      GtkWidget *row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     _("The checklist could not be read"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), error->message);
      add_to (self, self->items_group, row);
      return;
    }
  for (guint i = 0; i < items->len; i++)
    if (!((TiFidelityItem *) g_ptr_array_index (items, i))->retired)
      n_active++;
  if (n_active == 0)
    {
      GtkWidget *row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("The checklist has no items"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   _("Add what the psychologist checks below."));
      add_to (self, self->items_group, row);
    }
  for (guint i = 0; i < items->len; i++)
    {
      TiFidelityItem *item = g_ptr_array_index (items, i);

      if (!item->retired)
        add_item_row (self, item, i, n_active);
      else
        {
          add_retired_row (self, item);
          any_retired = TRUE;
        }
    }
  add_new_item_row (self);
  gtk_widget_set_visible (GTK_WIDGET (self->retired_group), any_retired);
}

/* Changes ----------------------------------------------------------------------------------- */

static void
add_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  TiReviewChecklistPage *self = TI_REVIEW_CHECKLIST_PAGE (widget);
  g_autoptr (GError) error = NULL;

  if (self->new_row == NULL || self->database == NULL)
    return;
  if (!ti_fidelity_add_item (self->database, gtk_editable_get_text (GTK_EDITABLE (self->new_row)),
                             NULL, &error))
    return refuse (self, self->new_row, error);
  load (self);
  gtk_widget_grab_focus (self->new_row);
  toast (self, _("Item added to the checklist"), FALSE);
}

static void
reword_cb (AdwEntryRow *row, TiReviewChecklistPage *self)
{
  gint64 *id = g_object_get_data (G_OBJECT (row), "item-id");
  g_autoptr (GError) error = NULL;
  gint64 new_id = 0;

  gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
  if (!ti_fidelity_rename_item (self->database, *id, gtk_editable_get_text (GTK_EDITABLE (row)),
                                &new_id, &error))
    return refuse (self, GTK_WIDGET (row), error);
  load (self);
  toast (self,
         new_id == *id ? _("Item reworded")
                       : _("Item reworded; the reviews that answered it keep the old words"),
         FALSE);
}

/* The position (1-based) of item @id in the checklist and its text, or 0 when it is not in
 * it. */
static guint
position_of (TiReviewChecklistPage *self, gint64 id, char **text, guint *n_items)
{
  g_autoptr (GPtrArray) items = ti_fidelity_list_items (self->database, FALSE, NULL);

  *n_items = items ? items->len : 0;
  for (guint i = 0; items != NULL && i < items->len; i++)
    {
      TiFidelityItem *item = g_ptr_array_index (items, i);
      if (item->id == id)
        {
          if (text != NULL)
            *text = g_strdup (item->text);
          return i + 1;
        }
    }
  return 0;
}

static void
move (TiReviewChecklistPage *self, gint64 id, int offset)
{
  g_autoptr (GError) error = NULL;
  guint n = 0;
  int position = (int) position_of (self, id, NULL, &n) + offset;

  if (position < 1 || position > (int) n)
    return;
  if (!ti_fidelity_move_item (self->database, id, (guint) position, &error))
    return refuse (self, NULL, error);
  self->focus_id = id;
  self->focus_up = offset < 0;
  load (self);
}

static void
move_up_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  move (TI_REVIEW_CHECKLIST_PAGE (widget), g_variant_get_int64 (parameter), -1);
}

static void
move_down_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  move (TI_REVIEW_CHECKLIST_PAGE (widget), g_variant_get_int64 (parameter), +1);
}

static void
remove_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  TiReviewChecklistPage *self = TI_REVIEW_CHECKLIST_PAGE (widget);
  gint64 id = g_variant_get_int64 (parameter);
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *message = NULL;
  gboolean retired = FALSE;
  guint n = 0;
  guint position = position_of (self, id, &text, &n);

  if (position == 0)
    return;
  if (!ti_fidelity_remove_item (self->database, id, &retired, &error))
    return refuse (self, NULL, error);
  self->removed_id = id;
  self->removed_position = position;
  self->removed_retired = retired;
  g_free (self->removed_text);
  self->removed_text = g_steal_pointer (&text);
  load (self);
  if (retired)
    message = g_strdup_printf (_("“%s” retired: the reviews that answered it still show it"),
                               self->removed_text);
  else
    message = g_strdup_printf (_("“%s” removed"), self->removed_text);
  toast (self, message, TRUE);
}

/* Puts the removed item back where it was. */
static void
undo_remove (TiReviewChecklistPage *self)
{
  g_autoptr (GError) error = NULL;
  gint64 id = self->removed_id;
  gboolean done;

  if (self->removed_text == NULL || self->database == NULL)
    return;
  if (self->removed_retired)
    done = ti_fidelity_restore_item (self->database, id, self->removed_position, &error);
  else
    done = ti_fidelity_add_item (self->database, self->removed_text, &id, &error)
           && ti_fidelity_move_item (self->database, id, self->removed_position, &error);
  load (self);
  if (!done)
    return refuse (self, NULL, error);
  g_clear_pointer (&self->removed_text, g_free);
  toast (self, _("Item put back in the checklist"), FALSE);
}

static void
restore_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  TiReviewChecklistPage *self = TI_REVIEW_CHECKLIST_PAGE (widget);
  g_autoptr (GError) error = NULL;
  guint n = 0;

  position_of (self, 0, NULL, &n);
  if (!ti_fidelity_restore_item (self->database, g_variant_get_int64 (parameter), n + 1, &error))
    return refuse (self, NULL, error);
  load (self);
  toast (self, _("Item put back in the checklist"), FALSE);
}

/* Life ------------------------------------------------------------------------------------- */

/**
 * ti_review_checklist_page_new:
 * @database: the open programme
 *
 * Returns: (transfer floating): the page, for a preferences window
 */
TiReviewChecklistPage *
ti_review_checklist_page_new (TiDatabase *database)
{
  TiReviewChecklistPage *self = g_object_new (TI_TYPE_REVIEW_CHECKLIST_PAGE, NULL);

  self->database = g_object_ref (database);
  load (self);
  return self;
}

static void
ti_review_checklist_page_dispose (GObject *object)
{
  TiReviewChecklistPage *self = TI_REVIEW_CHECKLIST_PAGE (object);

  g_clear_object (&self->database);
  g_clear_pointer (&self->removed_text, g_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), TI_TYPE_REVIEW_CHECKLIST_PAGE);
  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (ti_review_checklist_page_parent_class)->dispose (object);
}

static void
ti_review_checklist_page_class_init (TiReviewChecklistPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ti_review_checklist_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ti-review-checklist-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TiReviewChecklistPage, items_group);
  gtk_widget_class_bind_template_child (widget_class, TiReviewChecklistPage, retired_group);

  gtk_widget_class_install_action (widget_class, "checklist.add", NULL, add_activated);
  gtk_widget_class_install_action (widget_class, "checklist.move-up", "x", move_up_activated);
  gtk_widget_class_install_action (widget_class, "checklist.move-down", "x",
                                   move_down_activated);
  gtk_widget_class_install_action (widget_class, "checklist.remove", "x", remove_activated);
  gtk_widget_class_install_action (widget_class, "checklist.restore", "x", restore_activated);
}

static void
ti_review_checklist_page_init (TiReviewChecklistPage *self)
{
  self->rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}
