/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ti-sessions-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "ti-format.h"
#include "ti-records-view.h"
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
 * open the session editor; *Delete* offers Undo. Emits #TiRecordsView::changed after it
 * changed the programme, so that the other views of Training tiers can reload.
 */
struct _TiSessionsView
{
  TiRecordsView parent_instance;

  TiSessionsFilter *filter;

  GtkDropDown *tier_filter;
  GtkDropDown *status_filter;
  GtkDropDown *host_filter;
  GtkDropDown *facilitator_filter;
  GtkEntry *from_entry;
  GtkEntry *to_entry;
  GtkLabel *dates_error;
};

G_DEFINE_FINAL_TYPE (TiSessionsView, ti_sessions_view, TI_TYPE_RECORDS_VIEW)

static const TiTableColumn columns[] = {
  { N_("Date"), "starts-at", TI_CELL_DATE, FALSE, 11 },
  { N_("Time"), "time", TI_CELL_TEXT, FALSE, 0, TRUE },
  { N_("Tier"), "tier", TI_CELL_TIER, FALSE },
  { N_("Title"), "title", TI_CELL_TEXT, TRUE, 18 },
  { N_("Host organisation"), "host-organisation", TI_CELL_TEXT, TRUE, 14, TRUE },
  { N_("Facilitators"), "facilitators", TI_CELL_TEXT, TRUE, 14, TRUE },
  /* "Booked" is everyone on the register; "Attended" those who came, as the figures count. */
  { N_("Booked"), "attendees", TI_CELL_COUNT, FALSE, 0, TRUE },
  { N_("Attended"), "attended", TI_CELL_COUNT, FALSE, 0, TRUE },
  { N_("Status"), "status", TI_CELL_TEXT, FALSE, 0, TRUE },
  { N_("Review"), "review-status", TI_CELL_TEXT, FALSE, 14, TRUE },
};

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
search_changed_cb (TiSessionsView *self, GtkSearchEntry *entry)
{
  if (self->filter != NULL)
    ti_sessions_filter_set_search (self->filter, gtk_editable_get_text (GTK_EDITABLE (entry)));
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

static void
list_loaded (TiRecordsView *view, GListModel *sessions)
{
  TiSessionsView *self = TI_SESSIONS_VIEW (view);

  ti_sessions_filter_update_choices (self->filter, sessions, self->host_filter,
                                     self->facilitator_filter);
  filters_changed_cb (self);
}

static char *
count_text (guint shown, guint total, const char *n_shown, const char *n_total)
{
  if (shown == total)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s session", "%s sessions", total),
                            n_total);
  return g_strdup_printf (_("Showing %s of %s sessions"), n_shown, n_total);
}

/**
 * ti_sessions_view_set_database:
 * @database: (nullable): the open programme
 *
 * Reads the sessions again; with the same programme, the session shown stays.
 */
void
ti_sessions_view_set_database (TiSessionsView *self, TiDatabase *database)
{
  g_return_if_fail (TI_IS_SESSIONS_VIEW (self));
  ti_records_view_set_database (TI_RECORDS_VIEW (self), database);
}

/* The session editor ----------------------------------------------------------------------- */

static void
saved_cb (TiSessionsView *self, gint64 id, gboolean back_in_queue)
{
  ti_records_view_saved (TI_RECORDS_VIEW (self), id,
                         back_in_queue ? _("Session saved — back in the review queue")
                                       : _("Session saved"));
}

static GtkWindow *
new_editor (TiRecordsView *self, GtkWindow *parent, TiDatabase *database, gpointer session)
{
  TiSessionEditor *editor = ti_session_editor_new (parent, database, session);

  g_signal_connect_object (editor, "saved", G_CALLBACK (saved_cb), self, G_CONNECT_SWAPPED);
  return GTK_WINDOW (editor);
}

static void
ti_sessions_view_dispose (GObject *object)
{
  TiSessionsView *self = TI_SESSIONS_VIEW (object);

  g_clear_object (&self->filter);

  G_OBJECT_CLASS (ti_sessions_view_parent_class)->dispose (object);
}

#define BIND(name) gtk_widget_class_bind_template_child (widget_class, TiSessionsView, name)

static void
ti_sessions_view_class_init (TiSessionsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  TiRecordsViewClass *records_class = TI_RECORDS_VIEW_CLASS (klass);

  object_class->dispose = ti_sessions_view_dispose;

  records_class->list_async = ti_sessions_list_async;
  records_class->list_finish = ti_sessions_list_finish;
  records_class->list_loaded = list_loaded;
  records_class->count_text = count_text;
  records_class->show_record = (TiRecordShowFunc) ti_session_page_show;
  records_class->get_record = (TiRecordGetFunc) ti_session_page_get_session;
  records_class->new_editor = new_editor;
  records_class->delete_record = (TiRecordDeleteFunc) ti_sessions_delete;
  records_class->restore_record = (TiRecordRestoreFunc) ti_sessions_restore;
  records_class->free_snapshot = (GDestroyNotify) ti_session_snapshot_free;
  records_class->open_failed = N_("The Session Could Not Be Opened");
  records_class->delete_failed = N_("The Session Could Not Be Deleted");
  records_class->restore_failed = N_("The Session Could Not Be Restored");

  g_type_ensure (TI_TYPE_SESSION);
  g_type_ensure (TI_TYPE_SESSION_PAGE);
  ti_records_view_class_set_template (records_class, RESOURCE_PATH "/ti-sessions-view.ui",
                                      "sessions");
  BIND (tier_filter);
  BIND (status_filter);
  BIND (host_filter);
  BIND (facilitator_filter);
  BIND (from_entry);
  BIND (to_entry);
  BIND (dates_error);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, filters_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, dates_changed_cb);
}

static void
ti_sessions_view_init (TiSessionsView *self)
{
  TiRecordsView *view = TI_RECORDS_VIEW (self);

  gtk_widget_init_template (GTK_WIDGET (self));
  ti_table_add_columns (ti_records_view_get_column_view (view), TI_TYPE_SESSION, columns,
                        G_N_ELEMENTS (columns));
  self->filter = ti_sessions_filter_new ();
  ti_records_view_set_filter (view, GTK_FILTER (self->filter));
}
