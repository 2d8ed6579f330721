/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ti-event-editor"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ti-event-editor.h"
#include "ti-events.h"
#include "ti-feedback.h"

/**
 * TiEventEditor:
 *
 * Adds or edits one network event: title, kind, date and time, venue and online link,
 * description and the best practice shared. The core checks every field
 * (ti_events_validate_all()); each one at fault is marked with its message under it, and
 * the first takes the focus. Emits #TiEventEditor::saved with the event's id.
 */

typedef enum
{
  FIELD_TITLE,
  FIELD_KIND,
  FIELD_DATE,
  FIELD_TIME,
  FIELD_VENUE,
  FIELD_LINK,
  N_FIELDS
} Field;

struct _TiEventEditor
{
  TiEditorWindow parent_instance;

  TiDatabase *database;
  gint64 id;
  char *initial_values;

  TiEditorField fields[N_FIELDS];
  GtkTextView *description_view;
  GtkTextView *best_practice_view;
};

G_DEFINE_FINAL_TYPE (TiEventEditor, ti_event_editor, TI_TYPE_EDITOR_WINDOW)

enum
{
  SIGNAL_SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Keys of the kinds, in the .ui's order. */
static const char *const kind_keys[] = { "launch", "network_event", "conference", "workshop",
                                         "webinar" };

static const char *
field_text (TiEventEditor *self, Field field)
{
  return gtk_editable_get_text (GTK_EDITABLE (self->fields[field].row));
}

static char *
view_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static guint
kind_choice (TiEventEditor *self)
{
  return MIN (adw_combo_row_get_selected (ADW_COMBO_ROW (self->fields[FIELD_KIND].row)),
              G_N_ELEMENTS (kind_keys) - 1);
}

/* Everything the fields hold, as one string: equal strings mean nothing changed. */
static char *
current_values (TiEventEditor *self)
{
  g_autofree char *description = view_text (self->description_view);
  g_autofree char *best_practice = view_text (self->best_practice_view);

  return g_strdup_printf ("%s\x1f%u\x1f%s\x1f%s\x1f%s\x1f%s\x1f%s\x1f%s",
                          field_text (self, FIELD_TITLE), kind_choice (self),
                          field_text (self, FIELD_DATE), field_text (self, FIELD_TIME),
                          field_text (self, FIELD_VENUE), field_text (self, FIELD_LINK),
                          description, best_practice);
}

static void
update_changed (TiEventEditor *self)
{
  g_autofree char *values = current_values (self);

  ti_editor_window_set_changed (TI_EDITOR_WINDOW (self),
                                g_strcmp0 (values, self->initial_values) != 0);
}

static void
clear_field_error (TiEventEditor *self, Field field)
{
  ti_editor_window_clear_error (TI_EDITOR_WINDOW (self), self->fields[field].row,
                                self->fields[field].error_label);
}

static void
field_changed_cb (TiEventEditor *self, GtkWidget *widget)
{
  for (guint i = 0; i < N_FIELDS; i++)
    if (widget == self->fields[i].row)
      clear_field_error (self, i);
  /* A venue or a link answers the same problem. */
  if (widget == self->fields[FIELD_LINK].row)
    clear_field_error (self, FIELD_VENUE);
  update_changed (self);
}

static void
field_notify_cb (TiEventEditor *self, GParamSpec *pspec, GtkWidget *widget)
{
  field_changed_cb (self, widget);
}

static int
field_for_error (const GError *error)
{
  if (error->domain != TI_EVENTS_ERROR)
    return -1;
  switch (error->code)
    {
    case TI_EVENTS_ERROR_TITLE:
      return FIELD_TITLE;
    case TI_EVENTS_ERROR_KIND:
      return FIELD_KIND;
    case TI_EVENTS_ERROR_DATE:
      return FIELD_DATE;
    case TI_EVENTS_ERROR_TIME:
      return FIELD_TIME;
    case TI_EVENTS_ERROR_PLACE:
      return FIELD_VENUE;
    case TI_EVENTS_ERROR_LINK:
      return FIELD_LINK;
    default:
      return -1;
    }
}

static gboolean
ti_event_editor_save (TiEditorWindow *window)
{
  TiEventEditor *self = TI_EVENT_EDITOR (window);
  g_autofree char *description = view_text (self->description_view);
  g_autofree char *best_practice = view_text (self->best_practice_view);
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (GError) error = NULL;
  gint64 id = 0;
  TiEventEdit edit = {
    .id = self->id,
    .title = field_text (self, FIELD_TITLE),
    .kind = kind_keys[kind_choice (self)],
    .date = field_text (self, FIELD_DATE),
    .time = field_text (self, FIELD_TIME),
    .venue = field_text (self, FIELD_VENUE),
    .online_link = field_text (self, FIELD_LINK),
    .description = description,
    .best_practice = best_practice,
  };

  for (guint i = 0; i < N_FIELDS; i++)
    clear_field_error (self, i);
  problems = ti_events_validate_all (self->database, &edit, &error);
  if (problems == NULL)
    {
      ti_feedback_show_message (GTK_WIDGET (self), _("The Event Could Not Be Saved"),
                                error->message);
      return FALSE;
    }
  if (!ti_editor_window_show_problems (TI_EDITOR_WINDOW (self), problems, self->fields, N_FIELDS,
                                       field_for_error, NULL, _("The Event Could Not Be Saved")))
    return FALSE;

  if (!ti_events_save (self->database, &edit, &id, &error))
    {
      ti_feedback_show_message (GTK_WIDGET (self), _("The Event Could Not Be Saved"),
                                error->message);
      return FALSE;
    }
  g_signal_emit (self, signals[SIGNAL_SAVED], 0, id);
  return TRUE;
}

static void
set_text (TiEventEditor *self, Field field, const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (self->fields[field].row), text ? text : "");
}

static void
fill_from_event (TiEventEditor *self, TiEvent *event)
{
  const char *starts_at = ti_event_get_starts_at (event);
  g_autofree char *date = g_strndup (starts_at, 10);

  self->id = ti_event_get_id (event);
  set_text (self, FIELD_TITLE, ti_event_get_title (event));
  for (guint i = 0; i < G_N_ELEMENTS (kind_keys); i++)
    if (g_strcmp0 (kind_keys[i], ti_event_get_kind_key (event)) == 0)
      adw_combo_row_set_selected (ADW_COMBO_ROW (self->fields[FIELD_KIND].row), i);
  set_text (self, FIELD_DATE, date);
  set_text (self, FIELD_TIME, strlen (starts_at) > 11 ? starts_at + 11 : "");
  set_text (self, FIELD_VENUE, ti_event_get_venue (event));
  set_text (self, FIELD_LINK, ti_event_get_online_link (event));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->description_view),
                            ti_event_get_description (event), -1);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->best_practice_view),
                            ti_event_get_best_practice (event), -1);
}

/**
 * ti_event_editor_new:
 * @parent: the main window
 * @database: the open programme
 * @event: (nullable): the event to edit, or %NULL to add one
 *
 * Returns: (transfer none): the editor, not yet shown; it destroys itself when closed
 */
TiEventEditor *
ti_event_editor_new (GtkWindow *parent, TiDatabase *database, TiEvent *event)
{
  TiEventEditor *self;

  g_return_val_if_fail (TI_IS_DATABASE (database), NULL);

  self = g_object_new (TI_TYPE_EVENT_EDITOR, "transient-for", parent, NULL);
  self->database = g_object_ref (database);
  if (event != NULL)
    {
      gtk_window_set_title (GTK_WINDOW (self), _("Edit Event"));
      fill_from_event (self, event);
    }
  else
    {
      gtk_window_set_title (GTK_WINDOW (self), _("New Event"));
      adw_combo_row_set_selected (ADW_COMBO_ROW (self->fields[FIELD_KIND].row), 1);
      set_text (self, FIELD_TIME, "09:30");
    }
  self->initial_values = current_values (self);
  update_changed (self);
  gtk_widget_grab_focus (self->fields[FIELD_TITLE].row);
  return self;
}

static void
text_changed_cb (TiEventEditor *self)
{
  update_changed (self);
}

static void
ti_event_editor_dispose (GObject *object)
{
  TiEventEditor *self = TI_EVENT_EDITOR (object);

  g_clear_object (&self->database);

  G_OBJECT_CLASS (ti_event_editor_parent_class)->dispose (object);
}

static void
ti_event_editor_finalize (GObject *object)
{
  g_free (TI_EVENT_EDITOR (object)->initial_values);

  G_OBJECT_CLASS (ti_event_editor_parent_class)->finalize (object);
}

static void
ti_event_editor_class_init (TiEventEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  TiEditorWindowClass *editor_class = TI_EDITOR_WINDOW_CLASS (klass);
  static const char *const field_names[N_FIELDS] = {
    "title", "kind", "date", "time", "venue", "link",
  };

  object_class->dispose = ti_event_editor_dispose;
  object_class->finalize = ti_event_editor_finalize;
  editor_class->save = ti_event_editor_save;

  /**
   * TiEventEditor::saved:
   * @id: the event's id
   *
   * The event was saved; the editor closes next.
   */
  signals[SIGNAL_SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                        NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ti-event-editor.ui");
  ti_editor_window_class_bind_fields (widget_class, field_names, N_FIELDS,
                                      G_STRUCT_OFFSET (TiEventEditor, fields));
  gtk_widget_class_bind_template_child (widget_class, TiEventEditor, description_view);
  gtk_widget_class_bind_template_child (widget_class, TiEventEditor, best_practice_view);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, field_notify_cb);
  ti_editor_window_class_install_actions (editor_class, "editor");
}

static void
ti_event_editor_init (TiEventEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_object (gtk_text_view_get_buffer (self->description_view), "changed",
                           G_CALLBACK (text_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_text_view_get_buffer (self->best_practice_view), "changed",
                           G_CALLBACK (text_changed_cb), self, G_CONNECT_SWAPPED);
}
