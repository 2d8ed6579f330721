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
#include "ti-format.h"
#include "ti-records-view.h"
#include "ti-table.h"

/**
 * TiEventsView:
 *
 * The network events: sortable by every column, searchable (Ctrl+F, or type in the list),
 * filtered by kind and a range of dates. Activating a row slides in the event's page, with
 * its speakers and its list of people; *Add Event* and *Edit* open the event editor;
 * *Delete* offers Undo. Emits #TiRecordsView::changed after it changed the programme.
 */
struct _TiEventsView
{
  TiRecordsView parent_instance;

  GtkCustomFilter *filter;
  const char *kind; /* the kind shown, or NULL for any */
  char *from;       /* 'YYYY-MM-DD', or NULL */
  char *to;
  char *search;     /* folded, or NULL */

  GtkDropDown *kind_filter;
  GtkEntry *from_entry;
  GtkEntry *to_entry;
  GtkLabel *dates_error;
};

G_DEFINE_FINAL_TYPE (TiEventsView, ti_events_view, TI_TYPE_RECORDS_VIEW)

/* Keys of the kind filter's choices after "Any kind", in the .ui's order. */
static const char *const kind_keys[] = { "launch", "network_event", "conference", "workshop",
                                         "webinar" };

static const TiTableColumn columns[] = {
  { N_("Date"), "starts-at", TI_CELL_DATE, FALSE, 11 },
  { N_("Kind"), "kind", TI_CELL_TEXT, FALSE, 11, TRUE },
  { N_("Title"), "title", TI_CELL_TEXT, TRUE, 16 },
  { N_("Venue"), "place", TI_CELL_TEXT, FALSE, 10, TRUE },
  { N_("Speakers"), "speakers", TI_CELL_COUNT, FALSE, 0, TRUE },
  { N_("Invited"), "invited", TI_CELL_COUNT, FALSE, 0, TRUE },
  { N_("Attended"), "attended", TI_CELL_COUNT, FALSE },
};

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
search_changed_cb (TiEventsView *self, GtkSearchEntry *entry)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));

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

static char *
count_text (guint shown, guint total, const char *n_shown, const char *n_total)
{
  if (shown == total)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s event", "%s events", total), n_total);
  return g_strdup_printf (_("Showing %s of %s events"), n_shown, n_total);
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
  g_return_if_fail (TI_IS_EVENTS_VIEW (self));
  ti_records_view_set_database (TI_RECORDS_VIEW (self), database);
}

/* The event editor ------------------------------------------------------------------------- */

static void
saved_cb (TiEventsView *self, gint64 id)
{
  ti_records_view_saved (TI_RECORDS_VIEW (self), id, _("Event saved"));
}

static GtkWindow *
new_editor (TiRecordsView *self, GtkWindow *parent, TiDatabase *database, gpointer event)
{
  TiEventEditor *editor = ti_event_editor_new (parent, database, event);

  g_signal_connect_object (editor, "saved", G_CALLBACK (saved_cb), self, G_CONNECT_SWAPPED);
  return GTK_WINDOW (editor);
}

static void
ti_events_view_dispose (GObject *object)
{
  TiEventsView *self = TI_EVENTS_VIEW (object);

  g_clear_object (&self->filter);
  g_clear_pointer (&self->from, g_free);
  g_clear_pointer (&self->to, g_free);
  g_clear_pointer (&self->search, g_free);

  G_OBJECT_CLASS (ti_events_view_parent_class)->dispose (object);
}

#define BIND(name) gtk_widget_class_bind_template_child (widget_class, TiEventsView, name)

static void
ti_events_view_class_init (TiEventsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  TiRecordsViewClass *records_class = TI_RECORDS_VIEW_CLASS (klass);

  object_class->dispose = ti_events_view_dispose;

  records_class->list_async = ti_events_list_async;
  records_class->list_finish = ti_events_list_finish;
  records_class->count_text = count_text;
  records_class->show_record = (TiRecordShowFunc) ti_event_page_show;
  records_class->get_record = (TiRecordGetFunc) ti_event_page_get_event;
  records_class->new_editor = new_editor;
  records_class->delete_record = (TiRecordDeleteFunc) ti_events_delete;
  records_class->restore_record = (TiRecordRestoreFunc) ti_events_restore;
  records_class->free_snapshot = (GDestroyNotify) ti_event_snapshot_free;
  records_class->open_failed = N_("The Event Could Not Be Opened");
  records_class->delete_failed = N_("The Event Could Not Be Deleted");
  records_class->restore_failed = N_("The Event Could Not Be Restored");

  g_type_ensure (TI_TYPE_EVENT);
  g_type_ensure (TI_TYPE_EVENT_PAGE);
  ti_records_view_class_set_template (records_class, RESOURCE_PATH "/ti-events-view.ui",
                                      "events");
  BIND (kind_filter);
  BIND (from_entry);
  BIND (to_entry);
  BIND (dates_error);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, filters_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, dates_changed_cb);
}

static void
ti_events_view_init (TiEventsView *self)
{
  TiRecordsView *view = TI_RECORDS_VIEW (self);

  gtk_widget_init_template (GTK_WIDGET (self));
  ti_table_add_columns (ti_records_view_get_column_view (view), TI_TYPE_EVENT, columns,
                        G_N_ELEMENTS (columns));
  self->filter = gtk_custom_filter_new (event_match, self, NULL);
  ti_records_view_set_filter (view, GTK_FILTER (self->filter));
}
