/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ti-editor-window"

#include "config.h"

#include <glib/gi18n.h>

#include "ti-editor-window.h"
#include "ti-feedback.h"

/**
 * TiEditorWindow:
 *
 * What every editor shares: it knows whether anything changed, saves with Ctrl+S or Save
 * (through #TiEditorWindowClass.save), asks "Discard Changes?" on Escape, Cancel or close
 * only when something did, and marks a refused field with its message under it. It has no
 * template, so each editor keeps its own, header bar included: the Cancel and Save buttons
 * name the actions ti_editor_window_class_install_actions() installs.
 */
typedef struct
{
  gboolean changed;
  char *discard_message;
} TiEditorWindowPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (TiEditorWindow, ti_editor_window, ADW_TYPE_WINDOW)

enum
{
  PROP_0,
  PROP_DISCARD_MESSAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/**
 * ti_editor_window_set_changed:
 *
 * Says whether the fields differ from what was loaded or last saved; the window asks
 * before closing only when they do.
 */
void
ti_editor_window_set_changed (TiEditorWindow *self, gboolean changed)
{
  TiEditorWindowPrivate *priv = ti_editor_window_get_instance_private (self);

  g_return_if_fail (TI_IS_EDITOR_WINDOW (self));
  priv->changed = changed;
}

/**
 * ti_editor_window_mark_changed:
 *
 * A field changed. Suits a template callback on the fields' signals.
 */
void
ti_editor_window_mark_changed (TiEditorWindow *self)
{
  ti_editor_window_set_changed (self, TRUE);
}

/**
 * ti_editor_window_get_discard_message:
 *
 * Returns: (nullable): what "Discard Changes?" says about this window's changes
 */
const char *
ti_editor_window_get_discard_message (TiEditorWindow *self)
{
  TiEditorWindowPrivate *priv = ti_editor_window_get_instance_private (self);

  g_return_val_if_fail (TI_IS_EDITOR_WINDOW (self), NULL);
  return priv->discard_message;
}

void
ti_editor_window_set_discard_message (TiEditorWindow *self, const char *message)
{
  TiEditorWindowPrivate *priv = ti_editor_window_get_instance_private (self);

  g_return_if_fail (TI_IS_EDITOR_WINDOW (self));
  if (g_strcmp0 (priv->discard_message, message) == 0)
    return;
  g_free (priv->discard_message);
  priv->discard_message = g_strdup (message);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DISCARD_MESSAGE]);
}

/**
 * ti_editor_window_show_error:
 * @row: (nullable): the field at fault, or %NULL for a message about the whole window
 * @message: (nullable): the label under it
 * @text: what is wrong, in words
 * @focus: whether to put the focus on @row
 *
 * Marks @row as refused (also for screen readers) and shows @text in @message.
 */
void
ti_editor_window_show_error (TiEditorWindow *self, GtkWidget *row, GtkLabel *message,
                             const char *text, gboolean focus)
{
  g_return_if_fail (TI_IS_EDITOR_WINDOW (self));
  g_return_if_fail (text != NULL);

  if (row != NULL)
    {
      gtk_widget_add_css_class (row, "error");
      gtk_accessible_update_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_INVALID,
                                   GTK_ACCESSIBLE_INVALID_TRUE, -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      text, -1);
    }
  if (message != NULL)
    {
      gtk_label_set_text (message, text);
      gtk_widget_set_visible (GTK_WIDGET (message), TRUE);
    }
  if (row != NULL && focus)
    gtk_widget_grab_focus (row);
}

/**
 * ti_editor_window_clear_error:
 * @row: (nullable): a field
 * @message: (nullable): the label under it
 *
 * Takes away what ti_editor_window_show_error() showed.
 */
void
ti_editor_window_clear_error (TiEditorWindow *self, GtkWidget *row, GtkLabel *message)
{
  g_return_if_fail (TI_IS_EDITOR_WINDOW (self));

  if (row != NULL)
    {
      gtk_widget_remove_css_class (row, "error");
      gtk_accessible_reset_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_INVALID);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }
  if (message != NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (message), FALSE);
      gtk_label_set_text (message, "");
    }
}

static void
save_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  TiEditorWindow *self = TI_EDITOR_WINDOW (widget);
  TiEditorWindowClass *klass = TI_EDITOR_WINDOW_GET_CLASS (self);

  g_return_if_fail (klass->save != NULL);
  if (!klass->save (self))
    return;
  ti_editor_window_set_changed (self, FALSE);
  gtk_window_destroy (GTK_WINDOW (self));
}

static gboolean
destroy_idle (gpointer window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  return G_SOURCE_REMOVE;
}

/* The dialog is transient for this window: it closes first, then the window goes. */
static void
discard_response_cb (TiEditorWindow *self, const char *response)
{
  if (g_strcmp0 (response, "discard") == 0)
    {
      ti_editor_window_set_changed (self, FALSE);
      g_idle_add_full (G_PRIORITY_DEFAULT, destroy_idle, g_object_ref (self), g_object_unref);
    }
}

/* Returns TRUE when it asked (the window stays until the person answers). */
static gboolean
ask_before_discarding (TiEditorWindow *self)
{
  TiEditorWindowPrivate *priv = ti_editor_window_get_instance_private (self);
  AdwMessageDialog *dialog;

  if (!priv->changed)
    return FALSE;
  dialog = ADW_MESSAGE_DIALOG (
    adw_message_dialog_new (GTK_WINDOW (self), _("Discard Changes?"), priv->discard_message));
  adw_message_dialog_add_responses (dialog, "keep", _("_Keep Editing"), "discard", _("_Discard"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "keep");
  adw_message_dialog_set_close_response (dialog, "keep");
  g_signal_connect_object (dialog, "response", G_CALLBACK (discard_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

static void
cancel_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  TiEditorWindow *self = TI_EDITOR_WINDOW (widget);

  if (!ask_before_discarding (self))
    gtk_window_destroy (GTK_WINDOW (self));
}

static gboolean
ti_editor_window_close_request (GtkWindow *window)
{
  if (ask_before_discarding (TI_EDITOR_WINDOW (window)))
    return TRUE;
  return GTK_WINDOW_CLASS (ti_editor_window_parent_class)->close_request (window);
}

/**
 * ti_editor_window_class_install_actions:
 * @group: the prefix the editor's Cancel and Save buttons use, such as "editor"
 *
 * Installs `@group.save` (also on Ctrl+S) and `@group.cancel` (also on Escape).
 */
void
ti_editor_window_class_install_actions (TiEditorWindowClass *klass, const char *group)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  g_autofree char *save = g_strconcat (group, ".save", NULL);
  g_autofree char *cancel = g_strconcat (group, ".cancel", NULL);

  g_return_if_fail (TI_IS_EDITOR_WINDOW_CLASS (klass));

  gtk_widget_class_install_action (widget_class, save, NULL, save_activated);
  gtk_widget_class_install_action (widget_class, cancel, NULL, cancel_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, save, NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, cancel, NULL);
}

/**
 * ti_editor_window_class_bind_fields:
 * @names: (array length=n_fields): the fields' names in the template
 * @fields_offset: where the editor's array of #TiEditorField is, in the same order
 *
 * Binds each field's `NAME_row` and `NAME_error` template children.
 */
void
ti_editor_window_class_bind_fields (GtkWidgetClass *widget_class, const char *const *names,
                                    guint n_fields, gsize fields_offset)
{
  for (guint i = 0; i < n_fields; i++)
    {
      g_autofree char *row = g_strconcat (names[i], "_row", NULL);
      g_autofree char *error = g_strconcat (names[i], "_error", NULL);
      gsize field = fields_offset + i * sizeof (TiEditorField);

      /* Interned: the names must outlive the class. */
      gtk_widget_class_bind_template_child_full (widget_class, g_intern_string (row), FALSE,
                                                 field + G_STRUCT_OFFSET (TiEditorField, row));
      gtk_widget_class_bind_template_child_full (
        widget_class, g_intern_string (error), FALSE,
        field + G_STRUCT_OFFSET (TiEditorField, error_label));
    }
}

static void
ti_editor_window_finalize (GObject *object)
{
  TiEditorWindow *self = TI_EDITOR_WINDOW (object);
  TiEditorWindowPrivate *priv = ti_editor_window_get_instance_private (self);

  g_free (priv->discard_message);

  G_OBJECT_CLASS (ti_editor_window_parent_class)->finalize (object);
}

static void
ti_editor_window_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_DISCARD_MESSAGE:
      g_value_set_string (value, ti_editor_window_get_discard_message (TI_EDITOR_WINDOW (object)));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ti_editor_window_set_property (GObject *object, guint prop_id, const GValue *value,
                               GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_DISCARD_MESSAGE:
      ti_editor_window_set_discard_message (TI_EDITOR_WINDOW (object), g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ti_editor_window_class_init (TiEditorWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->finalize = ti_editor_window_finalize;
  object_class->get_property = ti_editor_window_get_property;
  object_class->set_property = ti_editor_window_set_property;
  window_class->close_request = ti_editor_window_close_request;

  /**
   * TiEditorWindow:discard-message:
   *
   * What "Discard Changes?" says about the changes, such as "The changes to this person
   * have not been saved." Set in each editor's template, where it is translated.
   */
  properties[PROP_DISCARD_MESSAGE]
    = g_param_spec_string ("discard-message", NULL, NULL, NULL,
                           G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ti_editor_window_init (TiEditorWindow *self)
{
}

/**
 * ti_editor_window_show_problems:
 * @problems: (element-type GError): every problem the core found, as its validate_all gives them
 * @fields: (array length=n_fields): the editor's fields
 * @field_for: which of @fields a problem belongs to
 * @show: (nullable): marks a field when the editor focuses something else than its row
 * @heading: (not nullable): the dialog's heading for a problem that belongs to no field,
 *   translated
 *
 * Marks every field at fault at once, with its message under it (several for one field, one
 * per line); the first takes the focus. A problem of no field is said in a dialog.
 *
 * Returns: %TRUE when there are no problems: the edit may be saved
 */
gboolean
ti_editor_window_show_problems (TiEditorWindow *self, GPtrArray *problems,
                                const TiEditorField *fields, guint n_fields,
                                TiEditorFieldForFunc field_for, TiEditorShowFunc show,
                                const char *heading)
{
  g_autofree gboolean *marked = g_new0 (gboolean, n_fields);
  const GError *unplaced = NULL;
  gboolean focus = TRUE;

  g_return_val_if_fail (TI_IS_EDITOR_WINDOW (self), FALSE);

  for (guint i = 0; i < problems->len; i++)
    {
      const GError *problem = g_ptr_array_index (problems, i);
      int field = field_for (problem);

      if (field < 0 || (guint) field >= n_fields)
        {
          unplaced = unplaced ? unplaced : problem;
          continue;
        }
      if (marked[field])
        {
          g_autofree char *joined = g_strconcat (gtk_label_get_text (fields[field].error_label),
                                                 "\n", problem->message, NULL);

          gtk_label_set_text (fields[field].error_label, joined);
          continue;
        }
      if (show != NULL)
        show (self, field, problem->message, focus);
      else
        ti_editor_window_show_error (self, fields[field].row, fields[field].error_label,
                                     problem->message, focus);
      marked[field] = TRUE;
      focus = FALSE;
    }
  if (unplaced != NULL)
    ti_feedback_show_message (GTK_WIDGET (self), heading, unplaced->message);
  return problems->len == 0;
}
