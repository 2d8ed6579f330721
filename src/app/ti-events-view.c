/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ti-events-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "ti-event-editor.h"
#include "ti-event-page.h"
#include "ti-events-view.h"
#include "ti-events.h"
#include "ti-feedback.h"
#include "ti-format.h"
#include "ti-table.h"

/**
 * TiEventsView:
 *
 * The network events: sortable by every column, searchable (Ctrl+F, or type in the list),
 * filtered by kind and a range of dates. Activating a row slides in the event's page, with
 * its speakers and its list of people; *Add Event* and *Edit* open the event editor;
 * *Delete* offers Undo. Emits #TiEventsView::changed after it changed the programme.
 */
struct _TiEventsView
{
  GtkWidget parent_instance;

  TiDatabase *database;
  GCancellable *cancellable;
  GtkCustomFilter *filter;
  const char *kind;  /* the kind shown, or NULL for any */
  char *from;        /* 'YYYY-MM-DD', or NULL */
  char *to;
  char *search;      /* folded, or NULL */
  gint64 reshow_id;  /* the event to show again once the list is loaded, or 0 */
  gboolean emitting; /* in ::changed: the reload it causes is already under way */

  AdwLeaflet *leaflet;
  GtkWidget *list_page;
  GtkSearchEntry *search_entry;
  GtkDropDown *kind_filter;
  GtkEntry *from_entry;
  GtkEntry *to_entry;
  GtkLabel *dates_error;
  GtkLabel *count_label;
  GtkStack *stack;
  GtkSpinner *spinner;
  GtkColumnView *column_view;
  GtkSortListModel *sort_model;
  GtkFilterListModel *filter_model;
  AdwStatusPage *error_page;
  GtkWidget *back_button;
  TiEventPage *event_page;
};

G_DEFINE_FINAL_TYPE (TiEventsView, ti_events_view, GTK_TYPE_WIDGET)

enum
{
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Keys of the kind filter's choices after "Any kind", in the .ui's order. */
static const char *const kind_keys[] = { "launch", "network_event", "conference", "workshop",
                                         "webinar" };

static const TiTableColumn columns[] = {
  { N_("Date"), "starts-at", TI_CELL_DATE, FALSE, 11 },
  { N_("Kind"), "kind", TI_CELL_TEXT, FALSE, 11 },
  { N_("Title"), "title", TI_CELL_TEXT, TRUE, 16 },
  { N_("Venue"), "place", TI_CELL_TEXT, FALSE, 10 },
  { N_("Speakers"), "speakers", TI_CELL_COUNT, FALSE },
  { N_("Invited"), "invited", TI_CELL_COUNT, FALSE },
  { N_("Attended"), "attended", TI_CELL_COUNT, FALSE },
};

static void
update_count (TiEventsView *self)
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
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s event", "%s events", total),
                            n_total);
  else
    text = g_strdup_printf (_("Showing %s of %s events"), n_shown, n_total);
  gtk_label_set_text (self->count_label, text);

  if (total == 0)
    gtk_stack_set_visible_child_name (self->stack, "empty");
  else if (shown == 0 && !gtk_filter_list_model_get_pending (self->filter_model))
    gtk_stack_set_visible_child_name (self->stack, "no-match");
  else
    gtk_stack_set_visible_child_name (self->stack, "list");
}

/* Filters ---------------------------------------------------------------------------------- */

static gboolean
event_match (gpointer item, gpointer user_data)
{
  TiEventsView *self = user_data;
  TiEvent *event = item;
  const char *starts_at = ti_event_get_starts_at (event);

  if (self->kind != NULL && g_strcmp0 (ti_event_get_kind_key (event), self->kind) != 0)
    return FALSE;
  if (self->from != NULL && strncmp (starts_at, self->from, 10) < 0)
    return FALSE;
  if (self->to != NULL && strncmp (starts_at, self->to, 10) > 0)
    return FALSE;
  return self->search == NULL || strstr (ti_event_get_search_key (event), self->search) != NULL;
}

static void
refilter (TiEventsView *self)
{
  if (self->filter != NULL)
    gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
filters_changed_cb (TiEventsView *self)
{
  guint kind = gtk_drop_down_get_selected (self->kind_filter);

  self->kind = kind >= 1 && kind <= G_N_ELEMENTS (kind_keys) ? kind_keys[kind - 1] : NULL;
  refilter (self);
}

static void
search_changed_cb (TiEventsView *self)
{
  g_autofree char *text
    = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))));

  g_free (self->search);
  self->search = *text != '\0' ? ti_text_fold (text) : NULL;
  refilter (self);
}

/* Reads one end of the date range; a date that cannot be read adds its words to @problems. */
static char *
read_date_entry (GtkEntry *entry, GString *problems)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
  GDate date;

  gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
  if (*text == '\0')
    return NULL;
  if (ti_date_check (text, &date) == TI_DATE_OK)
    return ti_date_to_iso (&date);
  /* Translators: a date as the person typed it */
  g_string_append_printf (problems, _("Enter “%s” as a real date, YYYY-MM-DD or DD/MM/YYYY. "),
                          text);
  gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
  return NULL;
}

static void
dates_changed_cb (TiEventsView *self)
{
  g_autoptr (GString) problems = g_string_new (NULL);

  g_free (self->from);
  g_free (self->to);
  /* A date that cannot be read leaves its end of the range open. */
  self->from = read_date_entry (self->from_entry, problems);
  self->to = read_date_entry (self->to_entry, problems);
  if (self->from != NULL && self->to != NULL && strcmp (self->from, self->to) > 0)
    g_string_append (problems, _("The first date is after the last: no event can match."));
  g_strchomp (problems->str);
  gtk_label_set_text (self->dates_error, problems->str);
  gtk_widget_set_visible (GTK_WIDGET (self->dates_error), problems->len > 0);
  refilter (self);
}

/* Loading ---------------------------------------------------------------------------------- */

static void show_list (TiEventsView *self);

static void
events_loaded_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (TiEventsView) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GListModel) events = ti_events_list_finish (result, &error);
  gint64 reshow_id = self->reshow_id;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->cancellable);
  gtk_spinner_stop (self->spinner);
  self->reshow_id = 0;
  if (events == NULL)
    {
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }
  gtk_sort_list_model_set_model (self->sort_model, events);
  update_count (self);
  if (reshow_id != 0 && !ti_event_page_show (self->event_page, self->database, reshow_id, NULL))
    show_list (self);
}

static void
load (TiEventsView *self)
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
  ti_events_list_async (ti_database_get_path (self->database), self->cancellable,
                        events_loaded_cb, g_object_ref (self));
}

/* Something here changed the programme: the list reloads, the other views too. */
static void
changed (TiEventsView *self)
{
  load (self);
  self->emitting = TRUE;
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
  self->emitting = FALSE;
}

static gboolean
page_shown (TiEventsView *self)
{
  return g_strcmp0 (adw_leaflet_get_visible_child_name (self->leaflet), "event") == 0
         && ti_event_page_get_event (self->event_page) != NULL;
}

/**
 * ti_events_view_set_database:
 * @database: (nullable): the open programme
 *
 * Reads the events again; with the same programme, the event shown stays.
 */
void
ti_events_view_set_database (TiEventsView *self, TiDatabase *database)
{
  TiEvent *shown = ti_event_page_get_event (self->event_page);

  g_return_if_fail (TI_IS_EVENTS_VIEW (self));

  /* Reading the list again would take the focus from the tick just made. */
  if (self->emitting && database == self->database)
    return;
  if (database != self->database)
    {
      adw_leaflet_set_visible_child (self->leaflet, self->list_page);
      gtk_sort_list_model_set_model (self->sort_model, NULL);
    }
  else if (shown != NULL && page_shown (self))
    self->reshow_id = ti_event_get_id (shown);
  g_set_object (&self->database, database);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "events.add", database != NULL);
  load (self);
}

/**
 * ti_events_view_is_loading:
 *
 * Returns: whether the list is being read
 */
gboolean
ti_events_view_is_loading (TiEventsView *self)
{
  g_return_val_if_fail (TI_IS_EVENTS_VIEW (self), FALSE);
  return self->cancellable != NULL;
}

/* The event's page ------------------------------------------------------------------------ */

static void
update_actions (TiEventsView *self)
{
  gboolean shown = page_shown (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "events.back", shown);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "events.edit", shown);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "events.delete", shown);
}

static void
show_list (TiEventsView *self)
{
  adw_leaflet_set_visible_child (self->leaflet, self->list_page);
  gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
  update_actions (self);
}

/**
 * ti_events_view_show_event:
 * @event_id: the event
 *
 * Slides in the event's page, as activating its row does.
 *
 * Returns: whether it could be shown (otherwise the person was told why)
 */
gboolean
ti_events_view_show_event (TiEventsView *self, gint64 event_id)
{
  g_autoptr (GError) error = NULL;

  g_return_val_if_fail (TI_IS_EVENTS_VIEW (self), FALSE);

  if (self->database == NULL)
    return FALSE;
  if (!ti_event_page_show (self->event_page, self->database, event_id, &error))
    {
      ti_feedback_show_message (GTK_WIDGET (self), _("The Event Could Not Be Opened"),
                                error->message);
      return FALSE;
    }
  adw_leaflet_set_visible_child_name (self->leaflet, "event");
  update_actions (self);
  gtk_widget_grab_focus (self->back_button);
  return TRUE;
}

static void
row_activated_cb (TiEventsView *self, guint position, GtkColumnView *view)
{
  GListModel *model = G_LIST_MODEL (gtk_column_view_get_model (view));
  g_autoptr (TiEvent) event = g_list_model_get_item (model, position);

  if (event != NULL)
    ti_events_view_show_event (self, ti_event_get_id (event));
}

static void
visible_child_changed_cb (TiEventsView *self)
{
  /* Back by swipe or the mouse's back button lands here too. */
  update_actions (self);
}

static void
page_changed_cb (TiEventsView *self)
{
  changed (self);
}

static void
back_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  show_list (TI_EVENTS_VIEW (widget));
}

static gboolean
escape_cb (GtkWidget *widget, GVariant *args, gpointer data)
{
  TiEventsView *self = TI_EVENTS_VIEW (widget);

  if (!page_shown (self))
    return FALSE;
  show_list (self);
  return TRUE;
}

static void
search_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  TiEventsView *self = TI_EVENTS_VIEW (widget);

  show_list (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* Adding, editing, deleting ---------------------------------------------------------------- */

static void
saved_cb (TiEventsView *self, gint64 id)
{
  ti_feedback_toast (GTK_WIDGET (self), _("Event saved"));
  changed (self);
  ti_events_view_show_event (self, id);
}

static void
open_editor (TiEventsView *self, TiEvent *event)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  TiEventEditor *editor;

  if (self->database == NULL)
    return;
  editor = ti_event_editor_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->database,
                                event);
  g_signal_connect_object (editor, "saved", G_CALLBACK (saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
add_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  open_editor (TI_EVENTS_VIEW (widget), NULL);
}

static void
edit_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  TiEventsView *self = TI_EVENTS_VIEW (widget);
  TiEvent *event = ti_event_page_get_event (self->event_page);

  if (event != NULL)
    open_editor (self, event);
}

static void
undo_delete_cb (AdwToast *toast, TiEventsView *self)
{
  TiEventSnapshot *snapshot = g_object_get_data (G_OBJECT (toast), "snapshot");
  TiDatabase *database = g_object_get_data (G_OBJECT (toast), "database");
  g_autoptr (GError) error = NULL;

  if (!ti_events_restore (database, snapshot, &error))
    {
      ti_feedback_show_message (GTK_WIDGET (self), _("The Event Could Not Be Restored"),
                                error->message);
      return;
    }
  if (database == self->database)
    changed (self);
  /* The toast's button goes away with the toast: keep the keyboard in the list. */
  gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
}

static void
delete_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  TiEventsView *self = TI_EVENTS_VIEW (widget);
  TiEvent *event = ti_event_page_get_event (self->event_page);
  g_autoptr (TiEventSnapshot) snapshot = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *message = NULL;
  AdwToast *toast;

  if (event == NULL || self->database == NULL)
    return;
  if (!ti_events_delete (self->database, ti_event_get_id (event), &snapshot, &error))
    {
      ti_feedback_show_message (GTK_WIDGET (self), _("The Event Could Not Be Deleted"),
                                error->message);
      return;
    }
  message = g_strdup_printf (_("Deleted “%s”"), ti_event_get_title (event));
  toast = ti_feedback_undo_toast (message);
  g_object_set_data_full (G_OBJECT (toast), "snapshot", g_steal_pointer (&snapshot),
                          (GDestroyNotify) ti_event_snapshot_free);
  g_object_set_data_full (G_OBJECT (toast), "database", g_object_ref (self->database),
                          g_object_unref);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo_delete_cb), self, 0);
  show_list (self);
  changed (self);
  ti_feedback_add_toast (GTK_WIDGET (self), toast);
}

static void
ti_events_view_dispose (GObject *object)
{
  TiEventsView *self = TI_EVENTS_VIEW (object);
  GtkWidget *child;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->database);
  g_clear_object (&self->filter);
  g_clear_pointer (&self->from, g_free);
  g_clear_pointer (&self->to, g_free);
  g_clear_pointer (&self->search, g_free);
  if (self->search_entry != NULL)
    gtk_search_entry_set_key_capture_widget (self->search_entry, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), TI_TYPE_EVENTS_VIEW);
  /* GTK 4.8 unparents only the bound template children. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (ti_events_view_parent_class)->dispose (object);
}

#define BIND(name) gtk_widget_class_bind_template_child (widget_class, TiEventsView, name)

static void
ti_events_view_class_init (TiEventsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ti_events_view_dispose;

  /**
   * TiEventsView::changed:
   *
   * An event, its speakers or its list of people was added, edited or deleted here.
   */
  signals[SIGNAL_CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (TI_TYPE_EVENT);
  g_type_ensure (TI_TYPE_EVENT_PAGE);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ti-events-view.ui");
  BIND (leaflet);
  BIND (list_page);
  BIND (search_entry);
  BIND (kind_filter);
  BIND (from_entry);
  BIND (to_entry);
  BIND (dates_error);
  BIND (count_label);
  BIND (stack);
  BIND (spinner);
  BIND (column_view);
  BIND (sort_model);
  BIND (filter_model);
  BIND (error_page);
  BIND (back_button);
  BIND (event_page);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, filters_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, dates_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, visible_child_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, page_changed_cb);

  gtk_widget_class_install_action (widget_class, "events.add", NULL, add_activated);
  gtk_widget_class_install_action (widget_class, "events.back", NULL, back_activated);
  gtk_widget_class_install_action (widget_class, "events.edit", NULL, edit_activated);
  gtk_widget_class_install_action (widget_class, "events.delete", NULL, delete_activated);
  gtk_widget_class_install_action (widget_class, "events.search", NULL, search_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "events.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "events.back",
                                       NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Escape, 0, escape_cb, NULL);
}

static void
ti_events_view_init (TiEventsView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  ti_table_add_columns (self->column_view, TI_TYPE_EVENT, columns, G_N_ELEMENTS (columns));
  /* Typing anywhere in the list starts a search. */
  gtk_search_entry_set_key_capture_widget (self->search_entry, self->list_page);

  self->filter = gtk_custom_filter_new (event_match, self, NULL);
  gtk_filter_list_model_set_filter (self->filter_model, GTK_FILTER (self->filter));
  g_signal_connect_object (self->filter_model, "items-changed", G_CALLBACK (update_count), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->filter_model, "notify::pending", G_CALLBACK (update_count), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "events.add", FALSE);
  update_actions (self);
}
