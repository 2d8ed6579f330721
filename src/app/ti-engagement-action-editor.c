/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ti-engagement-action-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "ti-engagement-action-editor.h"
#include "ti-engagement.h"
#include "ti-feedback.h"

/**
 * TiEngagementActionEditor:
 *
 * Adds or edits one "you said, we did" action of an engagement activity: what was said,
 * what was done, the owner (a role or team, never a participant), the due date and the
 * status. The core checks each field (ti_engagement_validate_action()); each one at fault is
 * marked with its message under it. Emits #TiEngagementActionEditor::saved.
 */

typedef enum
{
  FIELD_YOU_SAID,
  FIELD_WE_DID,
  FIELD_OWNER,
  FIELD_DUE,
  FIELD_STATUS,
  N_FIELDS
} Field;

struct _TiEngagementActionEditor
{
  TiEditorWindow parent_instance;

  TiDatabase *database;
  gint64 activity_id;
  gint64 id;
  TiEditorField fields[N_FIELDS];
};

G_DEFINE_FINAL_TYPE (TiEngagementActionEditor, ti_engagement_action_editor,
                     TI_TYPE_EDITOR_WINDOW)

enum
{
  SIGNAL_SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
field_text (TiEngagementActionEditor *self, Field field)
{
  return gtk_editable_get_text (GTK_EDITABLE (self->fields[field].row));
}

static void
set_text (TiEngagementActionEditor *self, Field field, const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (self->fields[field].row), text ? text : "");
}

static void
clear_field_error (TiEngagementActionEditor *self, Field field)
{
  ti_editor_window_clear_error (TI_EDITOR_WINDOW (self), self->fields[field].row,
                                self->fields[field].error_label);
}

static void
show_field_error (TiEngagementActionEditor *self, Field field, const char *message,
                  gboolean focus)
{
  ti_editor_window_show_error (TI_EDITOR_WINDOW (self), self->fields[field].row,
                               self->fields[field].error_label, message, focus);
}

static void
field_changed_cb (TiEngagementActionEditor *self, GtkWidget *widget)
{
  for (guint i = 0; i < N_FIELDS; i++)
    if (widget == self->fields[i].row)
      clear_field_error (self, i);
  /* Done without what was done is refused under "We did": a new status may settle it. */
  if (widget == self->fields[FIELD_STATUS].row)
    clear_field_error (self, FIELD_WE_DID);
  ti_editor_window_mark_changed (TI_EDITOR_WINDOW (self));
}

static void
field_notify_cb (TiEngagementActionEditor *self, GParamSpec *pspec, GtkWidget *widget)
{
  field_changed_cb (self, widget);
}

static int
field_for_error (const GError *error)
{
  if (error->domain != TI_ENGAGEMENT_ERROR)
    return -1;
  switch (error->code)
    {
    case TI_ENGAGEMENT_ERROR_YOU_SAID:
      return FIELD_YOU_SAID;
    case TI_ENGAGEMENT_ERROR_WE_DID:
      return FIELD_WE_DID;
    case TI_ENGAGEMENT_ERROR_DUE:
      return FIELD_DUE;
    case TI_ENGAGEMENT_ERROR_STATUS:
      return FIELD_STATUS;
    default:
      return -1;
    }
}

static gboolean
ti_engagement_action_editor_save (TiEditorWindow *window)
{
  TiEngagementActionEditor *self = TI_ENGAGEMENT_ACTION_EDITOR (window);
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (GError) error = NULL;
  gboolean focus = TRUE;
  TiEngagementActionEdit edit = {
    .id = self->id,
    .activity_id = self->activity_id,
    .you_said = field_text (self, FIELD_YOU_SAID),
    .we_did = field_text (self, FIELD_WE_DID),
    .owner = field_text (self, FIELD_OWNER),
    .due_on = field_text (self, FIELD_DUE),
    .status = adw_combo_row_get_selected (ADW_COMBO_ROW (self->fields[FIELD_STATUS].row)),
  };

  for (guint i = 0; i < N_FIELDS; i++)
    clear_field_error (self, i);
  problems = ti_engagement_validate_action (self->database, &edit, &error);
  if (problems == NULL)
    {
      ti_feedback_show_message (GTK_WIDGET (self), _("The Action Could Not Be Saved"),
                                error->message);
      return FALSE;
    }
  for (guint i = 0; i < problems->len; i++)
    {
      const GError *problem = g_ptr_array_index (problems, i);
      int field = field_for_error (problem);

      if (field < 0)
        {
          ti_feedback_show_message (GTK_WIDGET (self), _("The Action Could Not Be Saved"),
                                    problem->message);
          return FALSE;
        }
      show_field_error (self, field, problem->message, focus);
      focus = FALSE;
    }
  if (problems->len > 0)
    return FALSE;
  if (!ti_engagement_save_action (self->database, &edit, NULL, &error))
    {
      ti_feedback_show_message (GTK_WIDGET (self), _("The Action Could Not Be Saved"),
                                error->message);
      return FALSE;
    }
  g_signal_emit (self, signals[SIGNAL_SAVED], 0);
  return TRUE;
}

/**
 * ti_engagement_action_editor_ask_what_was_done:
 * @message: why, in words
 *
 * Sets the status to done and asks, under "We did", for what was done: the person chose done
 * for an action that does not say yet.
 */
void
ti_engagement_action_editor_ask_what_was_done (TiEngagementActionEditor *self,
                                               const char *message)
{
  g_return_if_fail (TI_IS_ENGAGEMENT_ACTION_EDITOR (self));

  adw_combo_row_set_selected (ADW_COMBO_ROW (self->fields[FIELD_STATUS].row),
                              TI_ENGAGEMENT_ACTION_DONE);
  show_field_error (self, FIELD_WE_DID, message, TRUE);
}

/**
 * ti_engagement_action_editor_new:
 * @parent: the main window
 * @database: the open programme
 * @activity_id: the activity the action belongs to
 * @action: (nullable): the action to edit, or %NULL to add one
 *
 * Returns: (transfer none): the editor, not yet shown; it destroys itself when closed
 */
TiEngagementActionEditor *
ti_engagement_action_editor_new (GtkWindow *parent, TiDatabase *database, gint64 activity_id,
                                 const TiEngagementAction *action)
{
  TiEngagementActionEditor *self;

  g_return_val_if_fail (TI_IS_DATABASE (database), NULL);

  self = g_object_new (TI_TYPE_ENGAGEMENT_ACTION_EDITOR, "transient-for", parent, NULL);
  self->database = g_object_ref (database);
  self->activity_id = activity_id;
  if (action != NULL)
    {
      self->id = action->id;
      gtk_window_set_title (GTK_WINDOW (self), _("Edit Action"));
      set_text (self, FIELD_YOU_SAID, action->you_said);
      set_text (self, FIELD_WE_DID, action->we_did);
      set_text (self, FIELD_OWNER, action->owner);
      set_text (self, FIELD_DUE, action->due_on);
      adw_combo_row_set_selected (ADW_COMBO_ROW (self->fields[FIELD_STATUS].row),
                                  action->status);
    }
  else
    gtk_window_set_title (GTK_WINDOW (self), _("New Action"));
  ti_editor_window_set_changed (TI_EDITOR_WINDOW (self), FALSE);
  gtk_widget_grab_focus (self->fields[FIELD_YOU_SAID].row);
  return self;
}

static void
ti_engagement_action_editor_dispose (GObject *object)
{
  TiEngagementActionEditor *self = TI_ENGAGEMENT_ACTION_EDITOR (object);

  g_clear_object (&self->database);

  G_OBJECT_CLASS (ti_engagement_action_editor_parent_class)->dispose (object);
}

static void
ti_engagement_action_editor_class_init (TiEngagementActionEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  TiEditorWindowClass *editor_class = TI_EDITOR_WINDOW_CLASS (klass);
  static const char *const field_names[N_FIELDS] = {
    "you_said", "we_did", "owner", "due", "status",
  };

  object_class->dispose = ti_engagement_action_editor_dispose;
  editor_class->save = ti_engagement_action_editor_save;

  /**
   * TiEngagementActionEditor::saved:
   *
   * The action was saved; the editor closes next.
   */
  signals[SIGNAL_SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                        NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ti-engagement-action-editor.ui");
  ti_editor_window_class_bind_fields (widget_class, field_names, N_FIELDS,
                                      G_STRUCT_OFFSET (TiEngagementActionEditor, fields));
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, field_notify_cb);
  ti_editor_window_class_install_actions (editor_class, "editor");
}

static void
ti_engagement_action_editor_init (TiEngagementActionEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
