/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ti-sessions-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "ti-feedback.h"
#include "ti-format.h"
#include "ti-session-editor.h"
#include "ti-session-page.h"
#include "ti-sessions-filter.h"
#include "ti-sessions-view.h"
#include "ti-sessions.h"
#include "ti-table.h"

/**
 * TiSessionsView:
 *
 * The Tier 2 and 3 sessions: sortable by every column, searchable (Ctrl+F, or type in the
 * list), filtered by tier, status, host organisation, facilitator and a range of dates.
 * Activating a row slides in the session's page, with its register; *Add Session* and *Edit*
 * open the session editor; *Delete* offers Undo. Emits #TiSessionsView::changed after it
 * changed the programme, so that the other views of Training tiers can reload.
 */
struct _TiSessionsView
{
  GtkWidget parent_instance;

  TiDatabase *database;
  GCancellable *cancellable;
  TiSessionsFilter *filter;
  gint64 reshow_id;        /* the session to show again once the list is loaded, or 0 */
  gboolean emitting;       /* in ::changed: the reload it causes is already under way */

  AdwLeaflet *leaflet;
  GtkWidget *list_page;
  GtkSearchEntry *search_entry;
  GtkDropDown *tier_filter;
  GtkDropDown *status_filter;
  GtkDropDown *host_filter;
  GtkDropDown *facilitator_filter;
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
  TiSessionPage *session_page;
};

G_DEFINE_FINAL_TYPE (TiSessionsView, ti_sessions_view, GTK_TYPE_WIDGET)

enum
{
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const TiTableColumn columns[] = {
  { N_("Date"), "starts-at", TI_CELL_DATE, FALSE, 11 },
  { N_("Time"), "time", TI_CELL_TEXT, FALSE },
  { N_("Tier"), "tier", TI_CELL_TIER, FALSE },
  { N_("Title"), "title", TI_CELL_TEXT, TRUE, 18 },
  { N_("Host organisation"), "host-organisation", TI_CELL_TEXT, TRUE, 14 },
  { N_("Facilitators"), "facilitators", TI_CELL_TEXT, TRUE, 14 },
  /* "Booked" is everyone on the register; "Attended" those who came, as the figures count. */
  { N_("Booked"), "attendees", TI_CELL_COUNT, FALSE },
  { N_("Attended"), "attended", TI_CELL_COUNT, FALSE },
  { N_("Status"), "status", TI_CELL_TEXT, FALSE },
  { N_("Review"), "review-status", TI_CELL_TEXT, FALSE, 14 },
};

static void
update_count (TiSessionsView *self)
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
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s session", "%s sessions", total),
                            n_total);
  else
    text = g_strdup_printf (_("Showing %s of %s sessions"), n_shown, n_total);
  gtk_label_set_text (self->count_label, text);

  if (total == 0)
    gtk_stack_set_visible_child_name (self->stack, "empty");
  else if (shown == 0 && !gtk_filter_list_model_get_pending (self->filter_model))
    gtk_stack_set_visible_child_name (self->stack, "no-match");
  else
    gtk_stack_set_visible_child_name (self->stack, "list");
}

/* Filters ---------------------------------------------------------------------------------- */

static void
filters_changed_cb (TiSessionsView *self)
{
  guint tier = gtk_drop_down_get_selected (self->tier_filter);
  guint status = gtk_drop_down_get_selected (self->status_filter);

  /* The drop-downs announce their first selection while the template is built. */
  if (self->filter == NULL)
    return;
  ti_sessions_filter_set_tier (self->filter, tier == 1 ? 2 : tier == 2 ? 3 : 0);
  ti_sessions_filter_set_status (self->filter, status >= 1 && status <= 3 ? (int) status - 1 : -1);
  ti_sessions_filter_apply_choices (self->filter, self->host_filter, self->facilitator_filter);
}

static void
search_changed_cb (TiSessionsView *self)
{
  if (self->filter != NULL)
    ti_sessions_filter_set_search (self->filter,
                                   gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
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
  switch (ti_date_check (text, &date))
    {
    case TI_DATE_OK:
      return ti_date_to_iso (&date);
    case TI_DATE_IMPOSSIBLE:
      /* Translators: a date as the person typed it, written right but with no such day. */
      g_string_append_printf (problems, _("%s is not a real date. "), text);
      break;
    default:
      g_string_append_printf (problems, _("Enter “%s” as YYYY-MM-DD or DD/MM/YYYY. "), text);
    }
  gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
  return NULL;
}

static void
dates_changed_cb (TiSessionsView *self)
{
  g_autoptr (GString) problems = g_string_new (NULL);
  g_autofree char *from = read_date_entry (self->from_entry, problems);
  g_autofree char *to = read_date_entry (self->to_entry, problems);

  if (from != NULL && to != NULL && g_strcmp0 (from, to) > 0)
    g_string_append (problems, _("The first date is after the last: no session can match."));
  g_strchomp (problems->str);
  gtk_label_set_text (self->dates_error, problems->str);
  gtk_widget_set_visible (GTK_WIDGET (self->dates_error), problems->len > 0);
  /* A date that cannot be read leaves its end of the range open. */
  if (self->filter != NULL)
    ti_sessions_filter_set_dates (self->filter, from, to);
}

/* Loading ---------------------------------------------------------------------------------- */

static void show_list (TiSessionsView *self);

static void
sessions_loaded_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (TiSessionsView) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GListModel) sessions = ti_sessions_list_finish (result, &error);
  gint64 reshow_id = self->reshow_id;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->cancellable);
  gtk_spinner_stop (self->spinner);
  self->reshow_id = 0;
  if (sessions == NULL)
    {
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }
  ti_sessions_filter_update_choices (self->filter, sessions, self->host_filter,
                                     self->facilitator_filter);
  filters_changed_cb (self);
  gtk_sort_list_model_set_model (self->sort_model, sessions);
  update_count (self);
  if (reshow_id != 0 && !ti_session_page_show (self->session_page, self->database, reshow_id,
                                               NULL))
    show_list (self);
}

static void
load (TiSessionsView *self)
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
  ti_sessions_list_async (ti_database_get_path (self->database), self->cancellable,
                          sessions_loaded_cb, g_object_ref (self));
}

/* Something here changed the programme: the list reloads, the other views too. */
static void
changed (TiSessionsView *self)
{
  load (self);
  self->emitting = TRUE;
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
  self->emitting = FALSE;
}

static gboolean page_shown (TiSessionsView *self);

/**
 * ti_sessions_view_set_database:
 * @database: (nullable): the open programme
 *
 * Reads the sessions again; with the same programme, the session shown stays.
 */
void
ti_sessions_view_set_database (TiSessionsView *self, TiDatabase *database)
{
  TiSession *shown = ti_session_page_get_session (self->session_page);

  g_return_if_fail (TI_IS_SESSIONS_VIEW (self));

  /* Reading the register again would take the focus from the tick just made. */
  if (self->emitting && database == self->database)
    return;
  if (database != self->database)
    {
      adw_leaflet_set_visible_child (self->leaflet, self->list_page);
      gtk_sort_list_model_set_model (self->sort_model, NULL);
    }
  else if (shown != NULL && page_shown (self))
    self->reshow_id = ti_session_get_id (shown);
  g_set_object (&self->database, database);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sessions.add", database != NULL);
  load (self);
}

/**
 * ti_sessions_view_is_loading:
 *
 * Returns: whether the list is being read
 */
gboolean
ti_sessions_view_is_loading (TiSessionsView *self)
{
  g_return_val_if_fail (TI_IS_SESSIONS_VIEW (self), FALSE);
  return self->cancellable != NULL;
}

/* The session's page ---------------------------------------------------------------------- */

static gboolean
page_shown (TiSessionsView *self)
{
  return g_strcmp0 (adw_leaflet_get_visible_child_name (self->leaflet), "session") == 0
         && ti_session_page_get_session (self->session_page) != NULL;
}

static void
update_actions (TiSessionsView *self)
{
  gboolean shown = page_shown (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sessions.back", shown);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sessions.edit", shown);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sessions.delete", shown);
}

static void
show_list (TiSessionsView *self)
{
  adw_leaflet_set_visible_child (self->leaflet, self->list_page);
  gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
  update_actions (self);
}

/**
 * ti_sessions_view_show_session:
 * @session_id: the session
 *
 * Slides in the session's page, as activating its row does.
 *
 * Returns: whether it could be shown (otherwise the person was told why)
 */
gboolean
ti_sessions_view_show_session (TiSessionsView *self, gint64 session_id)
{
  g_autoptr (GError) error = NULL;

  g_return_val_if_fail (TI_IS_SESSIONS_VIEW (self), FALSE);

  if (self->database == NULL)
    return FALSE;
  if (!ti_session_page_show (self->session_page, self->database, session_id, &error))
    {
      ti_feedback_show_message (GTK_WIDGET (self), _("The Session Could Not Be Opened"),
                                error->message);
      return FALSE;
    }
  adw_leaflet_set_visible_child_name (self->leaflet, "session");
  update_actions (self);
  gtk_widget_grab_focus (self->back_button);
  return TRUE;
}

static void
row_activated_cb (TiSessionsView *self, guint position, GtkColumnView *view)
{
  GListModel *model = G_LIST_MODEL (gtk_column_view_get_model (view));
  g_autoptr (TiSession) session = g_list_model_get_item (model, position);

  if (session != NULL)
    ti_sessions_view_show_session (self, ti_session_get_id (session));
}

static void
visible_child_changed_cb (TiSessionsView *self)
{
  /* Back by swipe or the mouse's back button lands here too. */
  update_actions (self);
}

static void
page_changed_cb (TiSessionsView *self)
{
  changed (self);
}

static void
back_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  show_list (TI_SESSIONS_VIEW (widget));
}

static gboolean
escape_cb (GtkWidget *widget, GVariant *args, gpointer data)
{
  TiSessionsView *self = TI_SESSIONS_VIEW (widget);

  if (!page_shown (self))
    return FALSE;
  show_list (self);
  return TRUE;
}

static void
search_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  TiSessionsView *self = TI_SESSIONS_VIEW (widget);

  show_list (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* Adding, editing, deleting ---------------------------------------------------------------- */

static void
saved_cb (TiSessionsView *self, gint64 id, gboolean back_in_queue)
{
  ti_feedback_toast (GTK_WIDGET (self), back_in_queue ? _("Session saved — back in the review "
                                                          "queue")
                                                      : _("Session saved"));
  changed (self);
  ti_sessions_view_show_session (self, id);
}

static void
open_editor (TiSessionsView *self, TiSession *session)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  TiSessionEditor *editor;

  if (self->database == NULL)
    return;
  editor = ti_session_editor_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                  self->database, session);
  g_signal_connect_object (editor, "saved", G_CALLBACK (saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
add_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  open_editor (TI_SESSIONS_VIEW (widget), NULL);
}

static void
edit_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  TiSessionsView *self = TI_SESSIONS_VIEW (widget);
  TiSession *session = ti_session_page_get_session (self->session_page);

  if (session != NULL)
    open_editor (self, session);
}

static void
undo_delete_cb (AdwToast *toast, TiSessionsView *self)
{
  TiSessionSnapshot *snapshot = g_object_get_data (G_OBJECT (toast), "snapshot");
  TiDatabase *database = g_object_get_data (G_OBJECT (toast), "database");
  g_autoptr (GError) error = NULL;

  if (!ti_sessions_restore (database, snapshot, &error))
    {
      ti_feedback_show_message (GTK_WIDGET (self), _("The Session Could Not Be Restored"),
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
  TiSessionsView *self = TI_SESSIONS_VIEW (widget);
  TiSession *session = ti_session_page_get_session (self->session_page);
  g_autoptr (TiSessionSnapshot) snapshot = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *message = NULL;
  AdwToast *toast;

  if (session == NULL || self->database == NULL)
    return;
  if (!ti_sessions_delete (self->database, ti_session_get_id (session), &snapshot, &error))
    {
      ti_feedback_show_message (GTK_WIDGET (self), _("The Session Could Not Be Deleted"),
                                error->message);
      return;
    }

  message = g_strdup_printf (_("Deleted “%s”"), ti_session_get_title (session));
  toast = ti_feedback_undo_toast (message);
  g_object_set_data_full (G_OBJECT (toast), "snapshot", g_steal_pointer (&snapshot),
                          (GDestroyNotify) ti_session_snapshot_free);
  g_object_set_data_full (G_OBJECT (toast), "database", g_object_ref (self->database),
                          g_object_unref);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo_delete_cb), self, 0);
  show_list (self);
  changed (self);
  ti_feedback_add_toast (GTK_WIDGET (self), toast);
}

static void
ti_sessions_view_dispose (GObject *object)
{
  TiSessionsView *self = TI_SESSIONS_VIEW (object);
  GtkWidget *child;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->database);
  g_clear_object (&self->filter);
  if (self->search_entry != NULL)
    gtk_search_entry_set_key_capture_widget (self->search_entry, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), TI_TYPE_SESSIONS_VIEW);
  /* GTK 4.8 unparents only the bound template children. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (ti_sessions_view_parent_class)->dispose (object);
}

#define BIND(name) gtk_widget_class_bind_template_child (widget_class, TiSessionsView, name)

static void
ti_sessions_view_class_init (TiSessionsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ti_sessions_view_dispose;

  /**
   * TiSessionsView::changed:
   *
   * A session or a register was added, edited or deleted here.
   */
  signals[SIGNAL_CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (TI_TYPE_SESSION);
  g_type_ensure (TI_TYPE_SESSION_PAGE);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ti-sessions-view.ui");
  BIND (leaflet);
  BIND (list_page);
  BIND (search_entry);
  BIND (tier_filter);
  BIND (status_filter);
  BIND (host_filter);
  BIND (facilitator_filter);
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
  BIND (session_page);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, filters_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, dates_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, visible_child_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, page_changed_cb);

  gtk_widget_class_install_action (widget_class, "sessions.add", NULL, add_activated);
  gtk_widget_class_install_action (widget_class, "sessions.back", NULL, back_activated);
  gtk_widget_class_install_action (widget_class, "sessions.edit", NULL, edit_activated);
  gtk_widget_class_install_action (widget_class, "sessions.delete", NULL, delete_activated);
  gtk_widget_class_install_action (widget_class, "sessions.search", NULL, search_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "sessions.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "sessions.back",
                                       NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Escape, 0, escape_cb, NULL);
}

static void
ti_sessions_view_init (TiSessionsView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  ti_table_add_columns (self->column_view, TI_TYPE_SESSION, columns, G_N_ELEMENTS (columns));
  /* Typing anywhere in the list starts a search. */
  gtk_search_entry_set_key_capture_widget (self->search_entry, self->list_page);

  self->filter = ti_sessions_filter_new ();
  gtk_filter_list_model_set_filter (self->filter_model, GTK_FILTER (self->filter));
  g_signal_connect_object (self->filter_model, "items-changed", G_CALLBACK (update_count), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->filter_model, "notify::pending", G_CALLBACK (update_count), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sessions.add", FALSE);
  update_actions (self);
}
