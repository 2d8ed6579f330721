/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ti-engagement-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "ti-engagement-editor.h"
#include "ti-engagement.h"
#include "ti-feedback.h"

/**
 * TiEngagementEditor:
 *
 * Adds or edits one engagement activity: when, what kind, its title, how many took part in
 * each group (spin buttons: counts, never names), what it influenced (check buttons) and a
 * summary. The core checks every field (ti_engagement_validate_all()); each one at fault is
 * marked with its message under it, and the first takes the focus. Emits
 * #TiEngagementEditor::saved with the activity's id.
 */

typedef enum
{
  FIELD_DATE,
  FIELD_KIND,
  FIELD_TITLE,
  FIELD_COUNTS,
  FIELD_AREAS,
  N_FIELDS
} Field;

struct _TiEngagementEditor
{
  TiEditorWindow parent_instance;

  TiDatabase *database;
  gint64 id;

  TiEditorField fields[N_FIELDS];
  GtkSpinButton *spins[TI_ENGAGEMENT_N_GROUPS];
  GtkCheckButton *checks[TI_ENGAGEMENT_N_AREAS];
  GtkTextView *summary_view;
};

G_DEFINE_FINAL_TYPE (TiEngagementEditor, ti_engagement_editor, TI_TYPE_EDITOR_WINDOW)

enum
{
  SIGNAL_SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
field_text (TiEngagementEditor *self, Field field)
{
  return gtk_editable_get_text (GTK_EDITABLE (self->fields[field].row));
}

static void
set_text (TiEngagementEditor *self, Field field, const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (self->fields[field].row), text ? text : "");
}

static void
clear_field_error (TiEngagementEditor *self, Field field)
{
  ti_editor_window_clear_error (TI_EDITOR_WINDOW (self), self->fields[field].row,
                                self->fields[field].error_label);
}

static void
show_field_error (TiEngagementEditor *self, Field field, const char *message, gboolean focus)
{
  ti_editor_window_show_error (TI_EDITOR_WINDOW (self), self->fields[field].row,
                               self->fields[field].error_label, message, FALSE);
  /* The counts' and areas' rows hold their controls: the first of them takes the focus. */
  if (!focus)
    return;
  if (field == FIELD_COUNTS)
    gtk_widget_grab_focus (GTK_WIDGET (self->spins[0]));
  else if (field == FIELD_AREAS)
    gtk_widget_grab_focus (GTK_WIDGET (self->checks[0]));
  else
    gtk_widget_grab_focus (self->fields[field].row);
}

static void
field_changed_cb (TiEngagementEditor *self, GtkWidget *widget)
{
  for (guint i = 0; i < N_FIELDS; i++)
    if (widget == self->fields[i].row)
      clear_field_error (self, i);
  if (GTK_IS_CHECK_BUTTON (widget))
    clear_field_error (self, FIELD_AREAS);
  ti_editor_window_mark_changed (TI_EDITOR_WINDOW (self));
}

static void
field_notify_cb (TiEngagementEditor *self, GParamSpec *pspec, GtkWidget *widget)
{
  field_changed_cb (self, widget);
}

static void
count_changed_cb (TiEngagementEditor *self)
{
  clear_field_error (self, FIELD_COUNTS);
  ti_editor_window_mark_changed (TI_EDITOR_WINDOW (self));
}

static int
field_for_error (const GError *error)
{
  static const struct
  {
    int code;
    Field field;
  } map[] = {
    { TI_ENGAGEMENT_ERROR_DATE, FIELD_DATE },     { TI_ENGAGEMENT_ERROR_KIND, FIELD_KIND },
    { TI_ENGAGEMENT_ERROR_TITLE, FIELD_TITLE },   { TI_ENGAGEMENT_ERROR_COUNTS, FIELD_COUNTS },
    { TI_ENGAGEMENT_ERROR_AREAS, FIELD_AREAS },
  };

  for (guint i = 0; error->domain == TI_ENGAGEMENT_ERROR && i < G_N_ELEMENTS (map); i++)
    if (map[i].code == error->code)
      return map[i].field;
  return -1;
}

static char *
summary_text (TiEngagementEditor *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->summary_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static gboolean
ti_engagement_editor_save (TiEditorWindow *window)
{
  TiEngagementEditor *self = TI_ENGAGEMENT_EDITOR (window);
  const char *areas[TI_ENGAGEMENT_N_AREAS + 1] = { NULL };
  g_autofree char *summary = summary_text (self);
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (GError) error = NULL;
  guint kind = adw_combo_row_get_selected (ADW_COMBO_ROW (self->fields[FIELD_KIND].row));
  TiEngagementEdit edit = {
    .id = self->id,
    .held_on = field_text (self, FIELD_DATE),
    .kind = ti_engagement_kind_key (kind),
    .title = field_text (self, FIELD_TITLE),
    .summary = summary,
    .areas = areas,
  };
  guint n_areas = 0;
  gint64 id = 0;

  for (guint i = 0; i < N_FIELDS; i++)
    clear_field_error (self, i);
  for (guint g = 0; g < TI_ENGAGEMENT_N_GROUPS; g++)
    {
      /* What is typed but not yet confirmed with Enter counts too. */
      gtk_spin_button_update (self->spins[g]);
      edit.counts[g] = gtk_spin_button_get_value_as_int (self->spins[g]);
    }
  for (guint a = 0; a < TI_ENGAGEMENT_N_AREAS; a++)
    if (gtk_check_button_get_active (self->checks[a]))
      areas[n_areas++] = ti_engagement_area_key (a);

  problems = ti_engagement_validate_all (self->database, &edit, &error);
  if (problems == NULL)
    {
      ti_feedback_show_message (GTK_WIDGET (self), _("The Activity Could Not Be Saved"),
                                error->message);
      return FALSE;
    }
  if (!ti_editor_window_show_problems (TI_EDITOR_WINDOW (self), problems, self->fields, N_FIELDS,
                                       field_for_error, (TiEditorShowFunc) show_field_error,
                                       _("The Activity Could Not Be Saved")))
    return FALSE;
  if (!ti_engagement_save (self->database, &edit, &id, &error))
    {
      ti_feedback_show_message (GTK_WIDGET (self), _("The Activity Could Not Be Saved"),
                                error->message);
      return FALSE;
    }
  g_signal_emit (self, signals[SIGNAL_SAVED], 0, id);
  return TRUE;
}

static void
fill_from_activity (TiEngagementEditor *self, TiEngagementActivity *activity)
{
  const char *summary = ti_engagement_activity_get_summary (activity);

  self->id = ti_engagement_activity_get_id (activity);
  set_text (self, FIELD_DATE, ti_engagement_activity_get_held_on (activity));
  for (guint i = 0; i < ti_engagement_n_kinds (); i++)
    if (g_strcmp0 (ti_engagement_kind_key (i), ti_engagement_activity_get_kind_key (activity))
        == 0)
      adw_combo_row_set_selected (ADW_COMBO_ROW (self->fields[FIELD_KIND].row), i);
  set_text (self, FIELD_TITLE, ti_engagement_activity_get_title (activity));
  for (guint g = 0; g < TI_ENGAGEMENT_N_GROUPS; g++)
    gtk_spin_button_set_value (self->spins[g], ti_engagement_activity_get_count (activity, g));
  for (guint a = 0; a < TI_ENGAGEMENT_N_AREAS; a++)
    gtk_check_button_set_active (
      self->checks[a], ti_engagement_activity_has_area (activity, ti_engagement_area_key (a)));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->summary_view),
                            summary != NULL ? summary : "", -1);
}

/**
 * ti_engagement_editor_new:
 * @parent: the main window
 * @database: the open programme
 * @activity: (nullable): the activity to edit, or %NULL to log a new one (dated today)
 *
 * Returns: (transfer none): the editor, not yet shown; it destroys itself when closed
 */
TiEngagementEditor *
ti_engagement_editor_new (GtkWindow *parent, TiDatabase *database,
                          TiEngagementActivity *activity)
{
  TiEngagementEditor *self;

  g_return_val_if_fail (TI_IS_DATABASE (database), NULL);

  self = g_object_new (TI_TYPE_ENGAGEMENT_EDITOR, "transient-for", parent, NULL);
  self->database = g_object_ref (database);
  if (activity != NULL)
    {
      gtk_window_set_title (GTK_WINDOW (self), _("Edit Activity"));
      fill_from_activity (self, activity);
    }
  else
    {
      g_autoptr (GDateTime) now = g_date_time_new_now_local ();
      g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

      gtk_window_set_title (GTK_WINDOW (self), _("New Engagement Activity"));
      set_text (self, FIELD_DATE, today);
    }
  g_signal_connect_object (gtk_text_view_get_buffer (self->summary_view), "changed",
                           G_CALLBACK (ti_editor_window_mark_changed), self, G_CONNECT_SWAPPED);
  ti_editor_window_set_changed (TI_EDITOR_WINDOW (self), FALSE);
  gtk_widget_grab_focus (self->fields[FIELD_TITLE].row);
  return self;
}

static void
ti_engagement_editor_dispose (GObject *object)
{
  TiEngagementEditor *self = TI_ENGAGEMENT_EDITOR (object);

  g_clear_object (&self->database);

  G_OBJECT_CLASS (ti_engagement_editor_parent_class)->dispose (object);
}

#define BIND_AT(name, member) \
  gtk_widget_class_bind_template_child_full (widget_class, name, FALSE, \
                                             G_STRUCT_OFFSET (TiEngagementEditor, member))

static void
ti_engagement_editor_class_init (TiEngagementEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  TiEditorWindowClass *editor_class = TI_EDITOR_WINDOW_CLASS (klass);
  static const char *const field_names[N_FIELDS] = { "date", "kind", "title", "counts",
                                                     "areas" };

  object_class->dispose = ti_engagement_editor_dispose;
  editor_class->save = ti_engagement_editor_save;

  /**
   * TiEngagementEditor::saved:
   * @id: the activity's id
   *
   * The activity was saved; the editor closes next.
   */
  signals[SIGNAL_SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                        NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ti-engagement-editor.ui");
  ti_editor_window_class_bind_fields (widget_class, field_names, N_FIELDS,
                                      G_STRUCT_OFFSET (TiEngagementEditor, fields));
  /* In the order of #TiEngagementGroup and of the influence areas. */
  BIND_AT ("young_people_spin", spins[TI_ENGAGEMENT_YOUNG_PEOPLE]);
  BIND_AT ("adults_spin", spins[TI_ENGAGEMENT_ADULTS_LIVED_EXPERIENCE]);
  BIND_AT ("parents_spin", spins[TI_ENGAGEMENT_PARENTS_CARERS]);
  BIND_AT ("professionals_spin", spins[TI_ENGAGEMENT_PROFESSIONALS]);
  BIND_AT ("community_spin", spins[TI_ENGAGEMENT_COMMUNITY_MEMBERS]);
  BIND_AT ("principles_check", checks[0]);
  BIND_AT ("charter_check", checks[1]);
  BIND_AT ("training_check", checks[2]);
  BIND_AT ("service_delivery_check", checks[3]);
  BIND_AT ("evaluation_check", checks[4]);
  gtk_widget_class_bind_template_child (widget_class, TiEngagementEditor, summary_view);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, field_notify_cb);
  gtk_widget_class_bind_template_callback (widget_class, count_changed_cb);
  ti_editor_window_class_install_actions (editor_class, "editor");
}

static void
ti_engagement_editor_init (TiEngagementEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
