/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ti-records-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "ti-feedback.h"
#include "ti-format.h"
#include "ti-records-view.h"

/**
 * TiRecordsView:
 *
 * A list of records beside one record's page, in an #AdwLeaflet: the sessions, the network
 * events, the engagement activities. The list is read with the core's `*_list_async`, shown
 * with a count of what the search and filters let through, and read again without losing the
 * record shown. Activating a row slides in the record's page; Back, Alt+Left or Escape
 * return to the list, Ctrl+F to its search. *Add* and *Edit* open the subclass's editor;
 * *Delete* offers Undo. Emits #TiRecordsView::changed after it changed the programme.
 *
 * A subclass has its own template (its columns, filters and record page) and calls
 * ti_records_view_class_set_template() in its class_init: the template names the parts
 * shared here (`leaflet` with pages "list" and "record", `list_page`, `search_entry`,
 * `count_label`, `stack`, `spinner`, `column_view`, `sort_model`, `filter_model`,
 * `error_page`, `back_button`, `record_page`) and connects `visible_child_changed_cb`,
 * `row_activated_cb` and `page_changed_cb`. Its actions are "<prefix>.add", ".back",
 * ".edit", ".delete" and ".search".
 */
typedef struct
{
  TiDatabase *database;
  GCancellable *cancellable;
  gint64 reshow_id;  /* the record to show again once the list is loaded, or 0 */
  gint64 select_id;  /* the row to select once the list is loaded (a record put back), or 0 */
  gboolean emitting; /* in ::changed: the reload it causes is already under way */

  AdwLeaflet *leaflet;
  GtkWidget *list_page;
  GtkSearchEntry *search_entry;
  GtkLabel *count_label;
  GtkStack *stack;
  GtkSpinner *spinner;
  GtkColumnView *column_view;
  GtkSortListModel *sort_model;
  GtkFilterListModel *filter_model;
  AdwStatusPage *error_page;
  GtkWidget *back_button;
  GtkWidget *record_page;
} TiRecordsViewPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (TiRecordsView, ti_records_view, GTK_TYPE_WIDGET)

enum
{
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
set_action_enabled (TiRecordsView *self, const char *name, gboolean enabled)
{
  g_autofree char *action
    = g_strconcat (TI_RECORDS_VIEW_GET_CLASS (self)->action_prefix, ".", name, NULL);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), action, enabled);
}

static gint64
record_get_id (gpointer record)
{
  gint64 id = 0;

  g_object_get (record, "id", &id, NULL);
  return id;
}

/* The record on the record's page, or NULL. */
static gpointer
shown_record (TiRecordsView *self)
{
  TiRecordsViewPrivate *priv = ti_records_view_get_instance_private (self);

  return TI_RECORDS_VIEW_GET_CLASS (self)->get_record (priv->record_page);
}

static void
update_count (TiRecordsView *self)
{
  TiRecordsViewPrivate *priv = ti_records_view_get_instance_private (self);
  GListModel *all = gtk_sort_list_model_get_model (priv->sort_model);
  guint total = all ? g_list_model_get_n_items (all) : 0;
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (priv->filter_model));
  g_autofree char *n_total = ti_format_count (total);
  g_autofree char *n_shown = ti_format_count (shown);
  g_autofree char *text = NULL;

  if (all == NULL)
    return;
  text = TI_RECORDS_VIEW_GET_CLASS (self)->count_text (shown, total, n_shown, n_total);
  gtk_label_set_text (priv->count_label, text);

  if (total == 0)
    gtk_stack_set_visible_child_name (priv->stack, "empty");
  else if (shown == 0 && !gtk_filter_list_model_get_pending (priv->filter_model))
    gtk_stack_set_visible_child_name (priv->stack, "no-match");
  else
    gtk_stack_set_visible_child_name (priv->stack, "list");
}

/* Loading ---------------------------------------------------------------------------------- */

static void show_list (TiRecordsView *self);

/* Selects the row of the record with @id, when the search and filters show it. */
static void
select_record (TiRecordsView *self, gint64 id)
{
  TiRecordsViewPrivate *priv = ti_records_view_get_instance_private (self);
  GtkSelectionModel *rows = gtk_column_view_get_model (priv->column_view);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (rows));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (GObject) record = g_list_model_get_item (G_LIST_MODEL (rows), i);

      if (record_get_id (record) == id)
        {
          gtk_selection_model_select_item (rows, i, TRUE);
          return;
        }
    }
}

static void
records_loaded_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (TiRecordsView) self = user_data;
  TiRecordsViewClass *klass = TI_RECORDS_VIEW_GET_CLASS (self);
  TiRecordsViewPrivate *priv = ti_records_view_get_instance_private (self);
  g_autoptr (GError) error = NULL;
  g_autoptr (GListModel) records = klass->list_finish (result, &error);
  gint64 reshow_id = priv->reshow_id;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&priv->cancellable);
  gtk_spinner_stop (priv->spinner);
  priv->reshow_id = 0;
  if (records == NULL)
    {
      adw_status_page_set_description (priv->error_page, error->message);
      gtk_stack_set_visible_child_name (priv->stack, "error");
      return;
    }
  if (klass->list_loaded != NULL)
    klass->list_loaded (self, records);
  gtk_sort_list_model_set_model (priv->sort_model, records);
  update_count (self);
  if (reshow_id != 0 && !klass->show_record (priv->record_page, priv->database, reshow_id, NULL))
    show_list (self);
  if (priv->select_id != 0)
    select_record (self, priv->select_id);
  priv->select_id = 0;
}

static void
load (TiRecordsView *self)
{
  TiRecordsViewPrivate *priv = ti_records_view_get_instance_private (self);

  g_cancellable_cancel (priv->cancellable);
  g_clear_object (&priv->cancellable);
  if (priv->database == NULL)
    {
      gtk_sort_list_model_set_model (priv->sort_model, NULL);
      return;
    }
  priv->cancellable = g_cancellable_new ();
  if (gtk_sort_list_model_get_model (priv->sort_model) == NULL)
    {
      gtk_spinner_start (priv->spinner);
      gtk_stack_set_visible_child_name (priv->stack, "loading");
    }
  TI_RECORDS_VIEW_GET_CLASS (self)->list_async (ti_database_get_path (priv->database),
                                                priv->cancellable, records_loaded_cb,
                                                g_object_ref (self));
}

/* Something here changed the programme: the list reloads, the other views too. */
static void
changed (TiRecordsView *self)
{
  TiRecordsViewPrivate *priv = ti_records_view_get_instance_private (self);

  load (self);
  priv->emitting = TRUE;
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
  priv->emitting = FALSE;
}

static gboolean
page_shown (TiRecordsView *self)
{
  TiRecordsViewPrivate *priv = ti_records_view_get_instance_private (self);

  return g_strcmp0 (adw_leaflet_get_visible_child_name (priv->leaflet), "record") == 0
         && shown_record (self) != NULL;
}

/**
 * ti_records_view_set_database:
 * @database: (nullable): the open programme
 *
 * Reads the records again; with the same programme, the record shown stays.
 */
void
ti_records_view_set_database (TiRecordsView *self, TiDatabase *database)
{
  TiRecordsViewPrivate *priv = ti_records_view_get_instance_private (self);
  gpointer shown;

  g_return_if_fail (TI_IS_RECORDS_VIEW (self));

  /* Reading the record again would take the focus from the tick just made on its page. */
  if (priv->emitting && database == priv->database)
    return;
  shown = shown_record (self);
  if (database != priv->database)
    {
      adw_leaflet_set_visible_child (priv->leaflet, priv->list_page);
      gtk_sort_list_model_set_model (priv->sort_model, NULL);
    }
  else if (shown != NULL && page_shown (self))
    priv->reshow_id = record_get_id (shown);
  g_set_object (&priv->database, database);
  set_action_enabled (self, "add", database != NULL);
  load (self);
}

/**
 * ti_records_view_is_loading:
 *
 * Returns: whether the list is being read
 */
gboolean
ti_records_view_is_loading (TiRecordsView *self)
{
  TiRecordsViewPrivate *priv = ti_records_view_get_instance_private (self);

  g_return_val_if_fail (TI_IS_RECORDS_VIEW (self), FALSE);
  return priv->cancellable != NULL;
}

/* The record's page ----------------------------------------------------------------------- */

static void
update_actions (TiRecordsView *self)
{
  gboolean shown = page_shown (self);

  set_action_enabled (self, "back", shown);
  set_action_enabled (self, "edit", shown);
  set_action_enabled (self, "delete", shown);
}

static void
show_list (TiRecordsView *self)
{
  TiRecordsViewPrivate *priv = ti_records_view_get_instance_private (self);

  adw_leaflet_set_visible_child (priv->leaflet, priv->list_page);
  gtk_widget_grab_focus (GTK_WIDGET (priv->column_view));
  update_actions (self);
}

/**
 * ti_records_view_show_record:
 * @id: the record
 *
 * Slides in the record's page, as activating its row does.
 *
 * Returns: whether it could be shown (otherwise the person was told why)
 */
gboolean
ti_records_view_show_record (TiRecordsView *self, gint64 id)
{
  TiRecordsViewPrivate *priv = ti_records_view_get_instance_private (self);
  TiRecordsViewClass *klass;
  g_autoptr (GError) error = NULL;

  g_return_val_if_fail (TI_IS_RECORDS_VIEW (self), FALSE);

  klass = TI_RECORDS_VIEW_GET_CLASS (self);
  if (priv->database == NULL)
    return FALSE;
  if (!klass->show_record (priv->record_page, priv->database, id, &error))
    {
      ti_feedback_show_message (GTK_WIDGET (self), _(klass->open_failed), error->message);
      return FALSE;
    }
  adw_leaflet_set_visible_child_name (priv->leaflet, "record");
  update_actions (self);
  gtk_widget_grab_focus (priv->back_button);
  return TRUE;
}

static void
row_activated_cb (TiRecordsView *self, guint position, GtkColumnView *view)
{
  GListModel *model = G_LIST_MODEL (gtk_column_view_get_model (view));
  g_autoptr (GObject) record = g_list_model_get_item (model, position);

  if (record != NULL)
    ti_records_view_show_record (self, record_get_id (record));
}

static void
visible_child_changed_cb (TiRecordsView *self)
{
  /* Back by swipe or the mouse's back button lands here too. */
  update_actions (self);
}

static void
page_changed_cb (TiRecordsView *self)
{
  changed (self);
}

static void
back_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  show_list (TI_RECORDS_VIEW (widget));
}

static gboolean
escape_cb (GtkWidget *widget, GVariant *args, gpointer data)
{
  TiRecordsView *self = TI_RECORDS_VIEW (widget);

  if (!page_shown (self))
    return FALSE;
  show_list (self);
  return TRUE;
}

static void
search_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  TiRecordsView *self = TI_RECORDS_VIEW (widget);
  TiRecordsViewPrivate *priv = ti_records_view_get_instance_private (self);

  show_list (self);
  gtk_widget_grab_focus (GTK_WIDGET (priv->search_entry));
}

/* Adding, editing, deleting ---------------------------------------------------------------- */

/**
 * ti_records_view_saved:
 * @id: the record the editor saved
 * @message: what the toast says, plain text
 *
 * For the subclass's editor: says the record was saved, reloads and shows it.
 */
void
ti_records_view_saved (TiRecordsView *self, gint64 id, const char *message)
{
  g_return_if_fail (TI_IS_RECORDS_VIEW (self));

  ti_feedback_toast (GTK_WIDGET (self), message);
  changed (self);
  ti_records_view_show_record (self, id);
}

static void
open_editor (TiRecordsView *self, gpointer record)
{
  TiRecordsViewPrivate *priv = ti_records_view_get_instance_private (self);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWindow *editor;

  if (priv->database == NULL)
    return;
  editor = TI_RECORDS_VIEW_GET_CLASS (self)->new_editor (
    self, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, priv->database, record);
  gtk_window_present (editor);
}

static void
add_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  open_editor (TI_RECORDS_VIEW (widget), NULL);
}

static void
edit_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  TiRecordsView *self = TI_RECORDS_VIEW (widget);
  gpointer record = shown_record (self);

  if (record != NULL)
    open_editor (self, record);
}

static void
undo_delete_cb (AdwToast *toast, TiRecordsView *self)
{
  TiRecordsViewClass *klass = TI_RECORDS_VIEW_GET_CLASS (self);
  TiRecordsViewPrivate *priv = ti_records_view_get_instance_private (self);
  gconstpointer snapshot = g_object_get_data (G_OBJECT (toast), "snapshot");
  TiDatabase *database = g_object_get_data (G_OBJECT (toast), "database");
  g_autoptr (GError) error = NULL;

  if (!klass->restore_record (database, snapshot, &error))
    {
      ti_feedback_show_message (GTK_WIDGET (self), _(klass->restore_failed), error->message);
      return;
    }
  /* The record put back is the row selected, where the person left it. */
  if (database == priv->database)
    {
      priv->select_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (toast), "record-id"));
      changed (self);
    }
  /* The toast's button goes away with the toast: keep the keyboard in the list. */
  gtk_widget_grab_focus (GTK_WIDGET (priv->column_view));
}

static void
delete_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  TiRecordsView *self = TI_RECORDS_VIEW (widget);
  TiRecordsViewClass *klass = TI_RECORDS_VIEW_GET_CLASS (self);
  TiRecordsViewPrivate *priv = ti_records_view_get_instance_private (self);
  gpointer record = shown_record (self);
  gpointer snapshot = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *message = NULL;
  AdwToast *toast;

  if (record == NULL || priv->database == NULL)
    return;
  g_object_get (record, "title", &title, NULL);
  if (!klass->delete_record (priv->database, record_get_id (record), &snapshot, &error))
    {
      g_clear_pointer (&snapshot, klass->free_snapshot);
      ti_feedback_show_message (widget, _(klass->delete_failed), error->message);
      return;
    }

  message = g_strdup_printf (_("Deleted “%s”"), title);
  toast = ti_feedback_undo_toast (message);
  g_object_set_data_full (G_OBJECT (toast), "snapshot", snapshot, klass->free_snapshot);
  g_object_set_data (G_OBJECT (toast), "record-id", GSIZE_TO_POINTER (record_get_id (record)));
  g_object_set_data_full (G_OBJECT (toast), "database", g_object_ref (priv->database),
                          g_object_unref);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo_delete_cb), self, 0);
  show_list (self);
  changed (self);
  ti_feedback_add_toast (widget, toast);
}

/* The subclass's parts --------------------------------------------------------------------- */

/**
 * ti_records_view_get_column_view:
 *
 * Returns: (transfer none): the list, for the subclass's columns
 */
GtkColumnView *
ti_records_view_get_column_view (TiRecordsView *self)
{
  TiRecordsViewPrivate *priv = ti_records_view_get_instance_private (self);

  g_return_val_if_fail (TI_IS_RECORDS_VIEW (self), NULL);
  return priv->column_view;
}

/**
 * ti_records_view_get_search_entry:
 *
 * Returns: (transfer none): the search above the list
 */
GtkSearchEntry *
ti_records_view_get_search_entry (TiRecordsView *self)
{
  TiRecordsViewPrivate *priv = ti_records_view_get_instance_private (self);

  g_return_val_if_fail (TI_IS_RECORDS_VIEW (self), NULL);
  return priv->search_entry;
}

/**
 * ti_records_view_set_filter:
 * @filter: the subclass's search and filters
 */
void
ti_records_view_set_filter (TiRecordsView *self, GtkFilter *filter)
{
  TiRecordsViewPrivate *priv = ti_records_view_get_instance_private (self);

  g_return_if_fail (TI_IS_RECORDS_VIEW (self));
  gtk_filter_list_model_set_filter (priv->filter_model, filter);
}

static void
install_action (GtkWidgetClass *widget_class, const char *prefix, const char *name,
                GtkWidgetActionActivateFunc activate)
{
  g_autofree char *action = g_strconcat (prefix, ".", name, NULL);

  gtk_widget_class_install_action (widget_class, action, NULL, activate);
}

#define BIND(name) gtk_widget_class_bind_template_child_private (widget_class, TiRecordsView, name)

/**
 * ti_records_view_class_set_template:
 * @resource_path: the subclass's template
 * @action_prefix: its actions' prefix, as "sessions" for "sessions.back" (static)
 *
 * Sets the subclass's template, binds the parts shared here and installs the actions and
 * shortcuts. The subclass binds its own parts after it.
 */
void
ti_records_view_class_set_template (TiRecordsViewClass *klass, const char *resource_path,
                                    const char *action_prefix)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  g_autofree char *search = g_strconcat (action_prefix, ".search", NULL);
  g_autofree char *back = g_strconcat (action_prefix, ".back", NULL);

  klass->action_prefix = action_prefix;
  gtk_widget_class_set_template_from_resource (widget_class, resource_path);
  BIND (leaflet);
  BIND (list_page);
  BIND (search_entry);
  BIND (count_label);
  BIND (stack);
  BIND (spinner);
  BIND (column_view);
  BIND (sort_model);
  BIND (filter_model);
  BIND (error_page);
  BIND (back_button);
  BIND (record_page);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, visible_child_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, page_changed_cb);

  install_action (widget_class, action_prefix, "add", add_activated);
  install_action (widget_class, action_prefix, "back", back_activated);
  install_action (widget_class, action_prefix, "edit", edit_activated);
  install_action (widget_class, action_prefix, "delete", delete_activated);
  install_action (widget_class, action_prefix, "search", search_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, search, NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, back, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Escape, 0, escape_cb, NULL);
}

static void
ti_records_view_constructed (GObject *object)
{
  TiRecordsView *self = TI_RECORDS_VIEW (object);
  TiRecordsViewPrivate *priv = ti_records_view_get_instance_private (self);

  G_OBJECT_CLASS (ti_records_view_parent_class)->constructed (object);

  /* The subclass's instance init has built its template by now. */
  g_return_if_fail (priv->filter_model != NULL);
  /* Typing anywhere in the list starts a search. */
  gtk_search_entry_set_key_capture_widget (priv->search_entry, priv->list_page);
  g_signal_connect_object (priv->filter_model, "items-changed", G_CALLBACK (update_count), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (priv->filter_model, "notify::pending", G_CALLBACK (update_count), self,
                           G_CONNECT_SWAPPED);
  set_action_enabled (self, "add", FALSE);
  update_actions (self);
}

static void
ti_records_view_dispose (GObject *object)
{
  TiRecordsView *self = TI_RECORDS_VIEW (object);
  TiRecordsViewPrivate *priv = ti_records_view_get_instance_private (self);
  GtkWidget *child;

  g_cancellable_cancel (priv->cancellable);
  g_clear_object (&priv->cancellable);
  g_clear_object (&priv->database);
  if (priv->search_entry != NULL)
    gtk_search_entry_set_key_capture_widget (priv->search_entry, NULL);
  /* The template is the subclass's: the parts bound here are among its children. */
  gtk_widget_dispose_template (GTK_WIDGET (self), G_OBJECT_TYPE (self));
  /* GTK 4.8 unparents only the bound template children. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (ti_records_view_parent_class)->dispose (object);
}

static void
ti_records_view_class_init (TiRecordsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = ti_records_view_constructed;
  object_class->dispose = ti_records_view_dispose;

  /**
   * TiRecordsView::changed:
   *
   * A record, or something on its page, was added, edited or deleted here.
   */
  signals[SIGNAL_CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
ti_records_view_init (TiRecordsView *self)
{
}
