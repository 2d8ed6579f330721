/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ti-engagement-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "ti-engagement-editor.h"
#include "ti-engagement-page.h"
#include "ti-engagement-view.h"
#include "ti-engagement.h"
#include "ti-feedback.h"
#include "ti-format.h"
#include "ti-table.h"

/**
 * TiEngagementView:
 *
 * Engagement with people with lived experience: every activity, sortable by each column,
 * searched as you type (Ctrl+F) and filtered by kind and by what it influenced. Activating
 * a row slides in the activity's page (its counts, influences and "you said, we did"
 * actions); *Add Activity* and *Edit* open the activity editor; *Delete* offers Undo. Emits
 * #TiEngagementView::changed after it changed the programme.
 */
struct _TiEngagementView
{
  GtkWidget parent_instance;

  TiDatabase *database;
  GCancellable *cancellable;
  GtkCustomFilter *filter;
  gint64 reshow_id;  /* the activity to show again once the list is loaded, or 0 */
  gboolean emitting; /* in ::changed: the reload it causes is already under way */

  AdwLeaflet *leaflet;
  GtkWidget *list_page;
  GtkSearchEntry *search_entry;
  GtkDropDown *kind_filter;
  GtkDropDown *area_filter;
  GtkLabel *count_label;
  GtkStack *stack;
  GtkSpinner *spinner;
  GtkColumnView *column_view;
  GtkSortListModel *sort_model;
  GtkFilterListModel *filter_model;
  AdwStatusPage *error_page;
  GtkWidget *back_button;
  TiEngagementPage *activity_page;
};

G_DEFINE_FINAL_TYPE (TiEngagementView, ti_engagement_view, GTK_TYPE_WIDGET)

enum
{
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const TiTableColumn columns[] = {
  { N_("Date"), "held-on", TI_CELL_DATE, FALSE, 11 },
  { N_("Kind"), "kind", TI_CELL_TEXT, FALSE, 8 },
  { N_("Title"), "title", TI_CELL_TEXT, TRUE, 18 },
  { N_("Participants"), "participants", TI_CELL_COUNT, FALSE },
  { N_("Influenced"), "influences", TI_CELL_TEXT, TRUE, 12 },
  { N_("To do"), "actions-open", TI_CELL_COUNT, FALSE },
  { N_("Done"), "actions-done", TI_CELL_COUNT, FALSE },
};

static void
update_count (TiEngagementView *self)
{
  GListModel *all = gtk_sort_list_model_get_model (self->sort_model);
  guint total = all ? g_list_model_get_n_items (all) : 0;
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));
  g_autofree char *n_total = ti_format_count (total);
  g_autofree char *n_shown = ti_format_count (shown);
  g_autofree char *text = NULL;

  if (all == NULL)
    return;
  if (shown == total)
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s activity", "%s activities", total),
                            n_total);
  else
    text = g_strdup_printf (_("Showing %s of %s activities"), n_shown, n_total);
  gtk_label_set_text (self->count_label, text);

  if (total == 0)
    gtk_stack_set_visible_child_name (self->stack, "empty");
  else if (shown == 0)
    gtk_stack_set_visible_child_name (self->stack, "no-match");
  else
    gtk_stack_set_visible_child_name (self->stack, "list");
}

/* Filters ---------------------------------------------------------------------------------- */

static gboolean
activity_matches (gpointer item, gpointer data)
{
  TiEngagementView *self = data;
  TiEngagementActivity *activity = item;
  guint kind = gtk_drop_down_get_selected (self->kind_filter);
  guint area = gtk_drop_down_get_selected (self->area_filter);
  g_autofree char *search
    = ti_text_fold (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));

  /* The first choice of each is "any". */
  if (kind >= 1 && kind != GTK_INVALID_LIST_POSITION
      && g_strcmp0 (ti_engagement_activity_get_kind_key (activity),
                    ti_engagement_kind_key (kind - 1))
           != 0)
    return FALSE;
  if (area >= 1 && area != GTK_INVALID_LIST_POSITION
      && !ti_engagement_activity_has_area (activity, ti_engagement_area_key (area - 1)))
    return FALSE;
  g_strstrip (search);
  return *search == '\0'
         || strstr (ti_engagement_activity_get_search_key (activity), search) != NULL;
}

static void
filters_changed_cb (TiEngagementView *self)
{
  /* The drop-downs announce their first selection while the template is built. */
  if (self->filter != NULL)
    gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
fill_filter_choices (TiEngagementView *self)
{
  g_autoptr (GtkStringList) kinds = gtk_string_list_new (NULL);
  g_autoptr (GtkStringList) areas = gtk_string_list_new (NULL);

  gtk_string_list_append (kinds, _("Any kind"));
  for (guint i = 0; i < ti_engagement_n_kinds (); i++)
    gtk_string_list_append (kinds, ti_engagement_kind_label (ti_engagement_kind_key (i)));
  gtk_string_list_append (areas, _("Any influence"));
  for (guint i = 0; i < TI_ENGAGEMENT_N_AREAS; i++)
    gtk_string_list_append (areas, ti_engagement_area_label (ti_engagement_area_key (i)));
  gtk_drop_down_set_model (self->kind_filter, G_LIST_MODEL (kinds));
  gtk_drop_down_set_model (self->area_filter, G_LIST_MODEL (areas));
}

/* Loading ---------------------------------------------------------------------------------- */

static void show_list (TiEngagementView *self);

static void
activities_loaded_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (TiEngagementView) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GListModel) activities = ti_engagement_list_finish (result, &error);
  gint64 reshow_id = self->reshow_id;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->cancellable);
  gtk_spinner_stop (self->spinner);
  self->reshow_id = 0;
  if (activities == NULL)
    {
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }
  gtk_sort_list_model_set_model (self->sort_model, activities);
  update_count (self);
  if (reshow_id != 0
      && !ti_engagement_page_show (self->activity_page, self->database, reshow_id, NULL))
    show_list (self);
}

static void
load (TiEngagementView *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->database == NULL)
    {
      gtk_sort_list_model_set_model (self->sort_model, NULL);
      return;
    }
  self->cancellable = g_cancellable_new ();
  if (gtk_sort_list_model_get_model (self->sort_model) == NULL)
    {
      gtk_spinner_start (self->spinner);
      gtk_stack_set_visible_child_name (self->stack, "loading");
    }
  ti_engagement_list_async (ti_database_get_path (self->database), self->cancellable,
                            activities_loaded_cb, g_object_ref (self));
}

/* Something here changed the programme: the list reloads, and the page around it hears. */
static void
changed (TiEngagementView *self)
{
  load (self);
  self->emitting = TRUE;
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
  self->emitting = FALSE;
}

static gboolean page_shown (TiEngagementView *self);

/**
 * ti_engagement_view_set_database:
 * @database: (nullable): the open programme
 *
 * Reads the activities again; with the same programme, the activity shown stays.
 */
void
ti_engagement_view_set_database (TiEngagementView *self, TiDatabase *database)
{
  TiEngagementActivity *shown = ti_engagement_page_get_activity (self->activity_page);

  g_return_if_fail (TI_IS_ENGAGEMENT_VIEW (self));

  if (self->emitting && database == self->database)
    return;
  if (database != self->database)
    {
      adw_leaflet_set_visible_child (self->leaflet, self->list_page);
      gtk_sort_list_model_set_model (self->sort_model, NULL);
    }
  else if (shown != NULL && page_shown (self))
    self->reshow_id = ti_engagement_activity_get_id (shown);
  g_set_object (&self->database, database);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "engagement.add", database != NULL);
  load (self);
}

/**
 * ti_engagement_view_is_loading:
 *
 * Returns: whether the list is being read
 */
gboolean
ti_engagement_view_is_loading (TiEngagementView *self)
{
  g_return_val_if_fail (TI_IS_ENGAGEMENT_VIEW (self), FALSE);
  return self->cancellable != NULL;
}

/* The activity's page ---------------------------------------------------------------------- */

static gboolean
page_shown (TiEngagementView *self)
{
  return g_strcmp0 (adw_leaflet_get_visible_child_name (self->leaflet), "activity") == 0
         && ti_engagement_page_get_activity (self->activity_page) != NULL;
}

static void
update_actions (TiEngagementView *self)
{
  gboolean shown = page_shown (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "engagement.back", shown);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "engagement.edit", shown);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "engagement.delete", shown);
}

static void
show_list (TiEngagementView *self)
{
  adw_leaflet_set_visible_child (self->leaflet, self->list_page);
  gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
  update_actions (self);
}

/**
 * ti_engagement_view_show_activity:
 * @activity_id: the activity
 *
 * Slides in the activity's page, as activating its row does.
 *
 * Returns: whether it could be shown (otherwise the person was told why)
 */
gboolean
ti_engagement_view_show_activity (TiEngagementView *self, gint64 activity_id)
{
  g_autoptr (GError) error = NULL;

  g_return_val_if_fail (TI_IS_ENGAGEMENT_VIEW (self), FALSE);

  if (self->database == NULL)
    return FALSE;
  if (!ti_engagement_page_show (self->activity_page, self->database, activity_id, &error))
    {
      ti_feedback_show_message (GTK_WIDGET (self), _("The Activity Could Not Be Opened"),
                                error->message);
      return FALSE;
    }
  adw_leaflet_set_visible_child_name (self->leaflet, "activity");
  update_actions (self);
  gtk_widget_grab_focus (self->back_button);
  return TRUE;
}

static void
row_activated_cb (TiEngagementView *self, guint position, GtkColumnView *view)
{
  GListModel *model = G_LIST_MODEL (gtk_column_view_get_model (view));
  g_autoptr (TiEngagementActivity) activity = g_list_model_get_item (model, position);

  if (activity != NULL)
    ti_engagement_view_show_activity (self, ti_engagement_activity_get_id (activity));
}

static void
visible_child_changed_cb (TiEngagementView *self)
{
  update_actions (self);
}

static void
page_changed_cb (TiEngagementView *self)
{
  changed (self);
}

static void
back_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  show_list (TI_ENGAGEMENT_VIEW (widget));
}

static gboolean
escape_cb (GtkWidget *widget, GVariant *args, gpointer data)
{
  TiEngagementView *self = TI_ENGAGEMENT_VIEW (widget);

  if (!page_shown (self))
    return FALSE;
  show_list (self);
  return TRUE;
}

static void
search_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  TiEngagementView *self = TI_ENGAGEMENT_VIEW (widget);

  show_list (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* Adding, editing, deleting ---------------------------------------------------------------- */

static void
saved_cb (TiEngagementView *self, gint64 id)
{
  ti_feedback_toast (GTK_WIDGET (self), _("Activity saved"));
  changed (self);
  ti_engagement_view_show_activity (self, id);
}

static void
open_editor (TiEngagementView *self, TiEngagementActivity *activity)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  TiEngagementEditor *editor;

  if (self->database == NULL)
    return;
  editor = ti_engagement_editor_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                     self->database, activity);
  g_signal_connect_object (editor, "saved", G_CALLBACK (saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
add_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  open_editor (TI_ENGAGEMENT_VIEW (widget), NULL);
}

static void
edit_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  TiEngagementView *self = TI_ENGAGEMENT_VIEW (widget);
  TiEngagementActivity *activity = ti_engagement_page_get_activity (self->activity_page);

  if (activity != NULL)
    open_editor (self, activity);
}

static void
undo_delete_cb (AdwToast *toast, TiEngagementView *self)
{
  TiEngagementSnapshot *snapshot = g_object_get_data (G_OBJECT (toast), "snapshot");
  TiDatabase *database = g_object_get_data (G_OBJECT (toast), "database");
  g_autoptr (GError) error = NULL;

  if (!ti_engagement_restore (database, snapshot, &error))
    {
      ti_feedback_show_message (GTK_WIDGET (self), _("The Activity Could Not Be Restored"),
                                error->message);
      return;
    }
  if (database == self->database)
    changed (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
}

static void
delete_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  TiEngagementView *self = TI_ENGAGEMENT_VIEW (widget);
  TiEngagementActivity *activity = ti_engagement_page_get_activity (self->activity_page);
  g_autoptr (TiEngagementSnapshot) snapshot = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *message = NULL;
  AdwToast *toast;

  if (activity == NULL || self->database == NULL)
    return;
  if (!ti_engagement_delete (self->database, ti_engagement_activity_get_id (activity), &snapshot,
                             &error))
    {
      ti_feedback_show_message (GTK_WIDGET (self), _("The Activity Could Not Be Deleted"),
                                error->message);
      return;
    }

  message = g_strdup_printf (_("Deleted “%s”"), ti_engagement_activity_get_title (activity));
  toast = ti_feedback_undo_toast (message);
  g_object_set_data_full (G_OBJECT (toast), "snapshot", g_steal_pointer (&snapshot),
                          (GDestroyNotify) ti_engagement_snapshot_free);
  g_object_set_data_full (G_OBJECT (toast), "database", g_object_ref (self->database),
                          g_object_unref);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo_delete_cb), self, 0);
  show_list (self);
  changed (self);
  ti_feedback_add_toast (GTK_WIDGET (self), toast);
}

static void
ti_engagement_view_dispose (GObject *object)
{
  TiEngagementView *self = TI_ENGAGEMENT_VIEW (object);
  GtkWidget *child;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->database);
  if (self->search_entry != NULL)
    gtk_search_entry_set_key_capture_widget (self->search_entry, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), TI_TYPE_ENGAGEMENT_VIEW);
  /* GTK 4.8 unparents only the bound template children. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->filter);

  G_OBJECT_CLASS (ti_engagement_view_parent_class)->dispose (object);
}

#define BIND(name) gtk_widget_class_bind_template_child (widget_class, TiEngagementView, name)

static void
ti_engagement_view_class_init (TiEngagementViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ti_engagement_view_dispose;

  /**
   * TiEngagementView::changed:
   *
   * An activity or one of its actions was added, edited or deleted here.
   */
  signals[SIGNAL_CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (TI_TYPE_ENGAGEMENT_ACTIVITY);
  g_type_ensure (TI_TYPE_ENGAGEMENT_PAGE);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ti-engagement-view.ui");
  BIND (leaflet);
  BIND (list_page);
  BIND (search_entry);
  BIND (kind_filter);
  BIND (area_filter);
  BIND (count_label);
  BIND (stack);
  BIND (spinner);
  BIND (column_view);
  BIND (sort_model);
  BIND (filter_model);
  BIND (error_page);
  BIND (back_button);
  BIND (activity_page);
  gtk_widget_class_bind_template_callback (widget_class, filters_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, visible_child_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, page_changed_cb);

  gtk_widget_class_install_action (widget_class, "engagement.add", NULL, add_activated);
  gtk_widget_class_install_action (widget_class, "engagement.back", NULL, back_activated);
  gtk_widget_class_install_action (widget_class, "engagement.edit", NULL, edit_activated);
  gtk_widget_class_install_action (widget_class, "engagement.delete", NULL, delete_activated);
  gtk_widget_class_install_action (widget_class, "engagement.search", NULL, search_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "engagement.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK,
                                       "engagement.back", NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Escape, 0, escape_cb, NULL);
}

static void
ti_engagement_view_init (TiEngagementView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  ti_table_add_columns (self->column_view, TI_TYPE_ENGAGEMENT_ACTIVITY, columns,
                        G_N_ELEMENTS (columns));
  fill_filter_choices (self);
  /* Typing anywhere in the list starts a search. */
  gtk_search_entry_set_key_capture_widget (self->search_entry, self->list_page);

  self->filter = gtk_custom_filter_new (activity_matches, self, NULL);
  gtk_filter_list_model_set_filter (self->filter_model, GTK_FILTER (self->filter));
  g_signal_connect_object (self->filter_model, "items-changed", G_CALLBACK (update_count), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "engagement.add", FALSE);
  update_actions (self);
}
