/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ti-register-editor"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "ti-feedback.h"
#include "ti-format.h"
#include "ti-person-chooser.h"
#include "ti-person-row.h"
#include "ti-register-editor.h"
#include "ti-register.h"

/**
 * TiRegisterEditor:
 *
 * A session's register, edited in place: one row per person with attended and completed
 * ticks and their confidence before and after and feedback (1–5, or "—" for none). Each
 * change is saved as it is made; the core keeps completing and attending consistent, and the
 * row follows what was saved. *Add Attendee* opens a people chooser that also adds someone
 * new; removing a row offers Undo. Emits #TiRegisterEditor::changed after every change.
 */
struct _TiRegisterEditor
{
  GtkWidget parent_instance;

  TiDatabase *database;
  TiSession *session;
  GListStore *attendees;
  TiPersonChooser *chooser; /* weak: it destroys itself */

  GtkLabel *count_label;
  GtkStack *stack;
  GtkListBox *list_box;
};

G_DEFINE_FINAL_TYPE (TiRegisterEditor, ti_register_editor, GTK_TYPE_WIDGET)

enum
{
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The marks a row edits, each shown by the TiAttendee property of the same name. */
typedef enum
{
  MARK_ATTENDED,
  MARK_COMPLETED,
  MARK_BEFORE,
  MARK_AFTER,
  MARK_FEEDBACK,
} Mark;

static const char *const mark_properties[] = {
  "attended", "completed", "confidence-before", "confidence-after", "feedback",
};

static void
set_mark (TiAttendeeMarks *marks, Mark mark, int value)
{
  switch (mark)
    {
    case MARK_ATTENDED:
      marks->attended = value;
      break;
    case MARK_COMPLETED:
      marks->completed = value;
      break;
    case MARK_BEFORE:
      marks->confidence_before = value;
      break;
    case MARK_AFTER:
      marks->confidence_after = value;
      break;
    case MARK_FEEDBACK:
    default:
      marks->feedback = value;
      break;
    }
}

static void
update_count (TiRegisterEditor *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->attendees));
  g_autofree char *count = ti_format_count (n);
  g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s person",
                                                        "%s people", n),
                                           count);

  gtk_label_set_text (self->count_label, text);
  gtk_stack_set_visible_child_name (self->stack, n > 0 ? "list" : "empty");
}

static void
changed (TiRegisterEditor *self)
{
  update_count (self);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

/* Saves one mark of @attendee; on refusal says why and shows the mark as it was. */
static void
save_mark (TiRegisterEditor *self, GtkWidget *widget, int value)
{
  TiAttendee *attendee = g_object_get_data (G_OBJECT (widget), "attendee");
  Mark mark = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (widget), "mark"));
  g_autoptr (GError) error = NULL;
  TiAttendeeMarks marks;
  int current = 0;

  g_object_get (attendee, mark_properties[mark], &current, NULL);
  if (self->database == NULL || value == current)
    return;
  ti_attendee_get_marks (attendee, &marks);
  set_mark (&marks, mark, value);
  if (!ti_register_update (self->database, attendee, &marks, &error))
    {
      ti_feedback_show_message (GTK_WIDGET (self), _("The Register Could Not Be Saved"),
                                error->message);
      /* The binding puts the widget back as the attendee still is. */
      g_object_notify (G_OBJECT (attendee), mark_properties[mark]);
      return;
    }
  changed (self);
}

static void
check_toggled_cb (GtkCheckButton *check, TiRegisterEditor *self)
{
  save_mark (self, GTK_WIDGET (check), gtk_check_button_get_active (check));
}

static void
score_selected_cb (GtkDropDown *dropdown, GParamSpec *pspec, TiRegisterEditor *self)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (selected != GTK_INVALID_LIST_POSITION)
    save_mark (self, GTK_WIDGET (dropdown), (int) selected);
}

/* Ties @widget to one mark of @attendee: it shows the mark, and changing it saves it. */
static void
tie_to_mark (GtkWidget *widget, TiAttendee *attendee, Mark mark, const char *widget_property,
             const char *spoken)
{
  g_autofree char *label = g_strdup_printf ("%s, %s", spoken, ti_attendee_get_name (attendee));

  g_object_set_data_full (G_OBJECT (widget), "attendee", g_object_ref (attendee), g_object_unref);
  g_object_set_data (G_OBJECT (widget), "mark", GINT_TO_POINTER (mark));
  g_object_bind_property (attendee, mark_properties[mark], widget, widget_property,
                          G_BINDING_SYNC_CREATE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
}

static GtkWidget *
check_new (TiRegisterEditor *self, TiAttendee *attendee, Mark mark, const char *text,
           const char *spoken)
{
  GtkWidget *check = gtk_check_button_new_with_label (text);

  tie_to_mark (check, attendee, mark, "active", spoken);
  g_signal_connect_object (check, "toggled", G_CALLBACK (check_toggled_cb), self, 0);
  return check;
}

static GtkWidget *
score_new (TiRegisterEditor *self, TiAttendee *attendee, Mark mark, const char *text,
           const char *spoken, const char *tooltip)
{
  static const char *const scores[] = { "—", "1", "2", "3", "4", "5", NULL };
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (text);
  GtkWidget *dropdown = gtk_drop_down_new_from_strings (scores);

  gtk_widget_set_tooltip_text (box, tooltip);
  gtk_widget_add_css_class (label, "dim-label");
  tie_to_mark (dropdown, attendee, mark, "selected", spoken);
  g_signal_connect_object (dropdown, "notify::selected", G_CALLBACK (score_selected_cb), self, 0);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), dropdown);
  return box;
}

static void remove_clicked_cb (GtkButton *button, TiRegisterEditor *self);

static GtkWidget *
row_header_new (TiRegisterEditor *self, TiAttendee *attendee)
{
  g_autofree char *remove_label = g_strdup_printf (_("Remove %s from the register"),
                                                   ti_attendee_get_name (attendee));
  GtkWidget *remove = ti_person_row_remove_button_new (remove_label);
  GtkWidget *warning = NULL;

  if (ti_attendee_get_warning (attendee) != NULL)
    {
      GtkWidget *label = gtk_label_new (ti_attendee_get_warning (attendee));

      warning = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      gtk_box_append (GTK_BOX (warning), gtk_image_new_from_icon_name ("dialog-warning-symbolic"));
      gtk_box_append (GTK_BOX (warning), label);
      gtk_widget_add_css_class (warning, "warning");
    }
  g_object_set_data_full (G_OBJECT (remove), "attendee", g_object_ref (attendee), g_object_unref);
  g_signal_connect_object (remove, "clicked", G_CALLBACK (remove_clicked_cb), self, 0);
  return ti_person_row_header_new (ti_attendee_get_name (attendee),
                                   ti_attendee_get_organisation (attendee), warning, remove);
}

/* One attendee: who, then the marks, which wrap onto more lines in a narrow window. */
static GtkWidget *
create_row (gpointer item, gpointer user_data)
{
  TiRegisterEditor *self = user_data;
  TiAttendee *attendee = item;
  GtkWidget *controls[] = {
    check_new (self, attendee, MARK_ATTENDED, _("Attended"), _("Attended")),
    check_new (self, attendee, MARK_COMPLETED, _("Completed"), _("Completed")),
    score_new (self, attendee, MARK_BEFORE, _("Before"), _("Confidence before"),
               _("Confidence before the session, from 1 (low) to 5 (high)")),
    score_new (self, attendee, MARK_AFTER, _("After"), _("Confidence after"),
               _("Confidence after the session, from 1 (low) to 5 (high)")),
    score_new (self, attendee, MARK_FEEDBACK, _("Feedback"), _("Feedback"),
               _("Their rating of the session, from 1 (poor) to 5 (excellent)")),
  };

  return ti_person_row_new (ti_attendee_get_name (attendee), row_header_new (self, attendee),
                            controls, G_N_ELEMENTS (controls));
}

/* Where @attendee goes in the register's order (by name, as the core reads it). */
static guint
sorted_position (TiRegisterEditor *self, TiAttendee *attendee)
{
  g_autofree char *key = g_utf8_collate_key (ti_attendee_get_name (attendee), -1);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->attendees));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (TiAttendee) other = g_list_model_get_item (G_LIST_MODEL (self->attendees), i);
      g_autofree char *other_key = g_utf8_collate_key (ti_attendee_get_name (other), -1);

      if (strcmp (key, other_key) < 0)
        return i;
    }
  return n;
}

static void
insert_attendee (TiRegisterEditor *self, TiAttendee *attendee)
{
  g_list_store_insert (self->attendees, sorted_position (self, attendee), attendee);
}

/* Removing, with Undo ---------------------------------------------------------------------- */

static void
undo_remove_cb (AdwToast *toast, TiRegisterEditor *self)
{
  TiAttendee *attendee = g_object_get_data (G_OBJECT (toast), "attendee");
  TiDatabase *database = g_object_get_data (G_OBJECT (toast), "database");
  g_autoptr (GError) error = NULL;

  if (!ti_register_restore (database, attendee, &error))
    {
      ti_feedback_show_message (GTK_WIDGET (self), _("The Attendee Could Not Be Put Back"),
                                error->message);
      return;
    }
  if (database == self->database && self->session != NULL
      && ti_session_get_id (self->session) == ti_attendee_get_session_id (attendee))
    insert_attendee (self, attendee);
  changed (self);
}

/* Keeps the keyboard where the removed row was, on the row that took its place (or the one
 * before it), so that the register does not scroll back to its first row. */
static void
focus_row_near (TiRegisterEditor *self, guint position)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->attendees));
  GtkListBoxRow *row
    = n > 0 ? gtk_list_box_get_row_at_index (self->list_box, MIN (position, n - 1)) : NULL;

  if (row == NULL || !gtk_widget_child_focus (GTK_WIDGET (row), GTK_DIR_TAB_FORWARD))
    gtk_widget_grab_focus (GTK_WIDGET (self->list_box));
}

static void
remove_clicked_cb (GtkButton *button, TiRegisterEditor *self)
{
  TiAttendee *attendee = g_object_get_data (G_OBJECT (button), "attendee");
  g_autoptr (GError) error = NULL;
  g_autofree char *message = NULL;
  AdwToast *toast;
  guint position = 0;

  if (self->database == NULL)
    return;
  if (!ti_register_remove (self->database, attendee, &error))
    {
      ti_feedback_show_message (GTK_WIDGET (self), _("The Attendee Could Not Be Removed"),
                                error->message);
      return;
    }

  message = g_strdup_printf (_("Removed %s from the register"), ti_attendee_get_name (attendee));
  toast = ti_feedback_undo_toast (message);
  g_object_set_data_full (G_OBJECT (toast), "attendee", g_object_ref (attendee), g_object_unref);
  g_object_set_data_full (G_OBJECT (toast), "database", g_object_ref (self->database),
                          g_object_unref);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo_remove_cb), self, 0);

  if (g_list_store_find (self->attendees, attendee, &position))
    g_list_store_remove (self->attendees, position);
  ti_feedback_add_toast (GTK_WIDGET (self), toast);
  changed (self);
  focus_row_near (self, position);
}

/* Adding --------------------------------------------------------------------------------- */

static void
added (TiRegisterEditor *self, TiAttendee *attendee)
{
  g_autofree char *message = NULL;
  const char *organisation = ti_attendee_get_organisation (attendee);

  if (organisation != NULL && *organisation != '\0')
    /* Translators: a person's name and organisation, so that two of one name are told apart */
    message = g_strdup_printf (_("%s (%s) is on the register."), ti_attendee_get_name (attendee),
                               organisation);
  else
    message = g_strdup_printf (_("%s is on the register."), ti_attendee_get_name (attendee));

  insert_attendee (self, attendee);
  if (self->chooser != NULL)
    {
      ti_person_chooser_exclude (self->chooser, ti_attendee_get_person_id (attendee));
      ti_person_chooser_confirm (self->chooser, message);
    }
  changed (self);
}

static void
chosen_cb (TiPersonChooser *chooser, gint64 person_id, const char *name, TiRegisterEditor *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TiAttendee) attendee = NULL;

  if (self->database == NULL || self->session == NULL)
    return;
  attendee = ti_register_add (self->database, ti_session_get_id (self->session), person_id,
                              &error);
  if (attendee == NULL)
    ti_person_chooser_show_error (chooser, error);
  else
    added (self, attendee);
}

static void
create_cb (TiPersonChooser *chooser, const char *name, gint64 organisation_id,
           TiRegisterEditor *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TiAttendee) attendee = NULL;

  if (self->database == NULL || self->session == NULL)
    return;
  attendee = ti_register_add_new_person (self->database, ti_session_get_id (self->session), name,
                                         organisation_id, &error);
  if (attendee == NULL)
    ti_person_chooser_show_error (chooser, error);
  else
    added (self, attendee);
}

static void
add_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  TiRegisterEditor *self = TI_REGISTER_EDITOR (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->attendees));

  if (self->database == NULL || self->session == NULL)
    return;
  if (self->chooser != NULL)
    {
      gtk_window_present (GTK_WINDOW (self->chooser));
      return;
    }
  self->chooser = ti_person_chooser_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         self->database, _("Add Attendees"), TRUE);
  g_object_add_weak_pointer (G_OBJECT (self->chooser), (gpointer *) &self->chooser);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (TiAttendee) attendee = g_list_model_get_item (G_LIST_MODEL (self->attendees), i);
      ti_person_chooser_exclude (self->chooser, ti_attendee_get_person_id (attendee));
    }
  g_signal_connect_object (self->chooser, "chosen", G_CALLBACK (chosen_cb), self, 0);
  g_signal_connect_object (self->chooser, "create", G_CALLBACK (create_cb), self, 0);
  gtk_window_present (GTK_WINDOW (self->chooser));
}

static gboolean
same_attendee (TiAttendee *a, TiAttendee *b)
{
  TiAttendeeMarks ma, mb;

  ti_attendee_get_marks (a, &ma);
  ti_attendee_get_marks (b, &mb);
  return ti_attendee_get_person_id (a) == ti_attendee_get_person_id (b)
         && g_strcmp0 (ti_attendee_get_name (a), ti_attendee_get_name (b)) == 0
         && g_strcmp0 (ti_attendee_get_organisation (a), ti_attendee_get_organisation (b)) == 0
         && g_strcmp0 (ti_attendee_get_warning (a), ti_attendee_get_warning (b)) == 0
         && ma.attended == mb.attended && ma.completed == mb.completed
         && ma.confidence_before == mb.confidence_before
         && ma.confidence_after == mb.confidence_after && ma.feedback == mb.feedback;
}

/* The same session read again (after every change, as the views reload): only the rows that
 * differ are made again, so the register keeps its scroll position and the keyboard focus.
 * %FALSE when the people on it are not the same, in the same order. */
static gboolean
update_in_place (TiRegisterEditor *self, GPtrArray *items)
{
  GListModel *shown = G_LIST_MODEL (self->attendees);

  if (g_list_model_get_n_items (shown) != items->len)
    return FALSE;
  for (guint i = 0; i < items->len; i++)
    {
      g_autoptr (TiAttendee) old = g_list_model_get_item (shown, i);

      if (ti_attendee_get_person_id (old)
          != ti_attendee_get_person_id (g_ptr_array_index (items, i)))
        return FALSE;
    }
  for (guint i = 0; i < items->len; i++)
    {
      g_autoptr (TiAttendee) old = g_list_model_get_item (shown, i);

      if (!same_attendee (old, g_ptr_array_index (items, i)))
        g_list_store_splice (self->attendees, i, 1, &items->pdata[i], 1);
    }
  return TRUE;
}

/**
 * ti_register_editor_show:
 * @database: the open programme
 * @session: the session whose register to edit
 *
 * Reads the session's register (a few dozen rows: quick enough for the main thread).
 *
 * Returns: %FALSE with @error set when it could not be read
 */
gboolean
ti_register_editor_show (TiRegisterEditor *self, TiDatabase *database, TiSession *session,
                         GError **error)
{
  g_autoptr (GListModel) attendees = NULL;
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  gboolean same_session;

  g_return_val_if_fail (TI_IS_REGISTER_EDITOR (self), FALSE);
  g_return_val_if_fail (TI_IS_DATABASE (database), FALSE);
  g_return_val_if_fail (TI_IS_SESSION (session), FALSE);

  attendees = ti_register_list (database, ti_session_get_id (session), error);
  if (attendees == NULL)
    return FALSE;
  if (self->chooser != NULL && (database != self->database || self->session == NULL
                                || ti_session_get_id (self->session) != ti_session_get_id (session)))
    gtk_window_destroy (GTK_WINDOW (self->chooser));
  same_session = database == self->database && self->session != NULL
                 && ti_session_get_id (self->session) == ti_session_get_id (session);
  g_set_object (&self->database, database);
  g_set_object (&self->session, session);
  for (guint i = 0, n = g_list_model_get_n_items (attendees); i < n; i++)
    g_ptr_array_add (items, g_list_model_get_item (attendees, i));
  if (!same_session || !update_in_place (self, items))
    g_list_store_splice (self->attendees, 0,
                         g_list_model_get_n_items (G_LIST_MODEL (self->attendees)), items->pdata,
                         items->len);
  update_count (self);
  return TRUE;
}

/**
 * ti_register_editor_get_attendees:
 *
 * Returns: (transfer none): the register shown, a #GListModel of #TiAttendee
 */
GListModel *
ti_register_editor_get_attendees (TiRegisterEditor *self)
{
  g_return_val_if_fail (TI_IS_REGISTER_EDITOR (self), NULL);
  return G_LIST_MODEL (self->attendees);
}

static void
ti_register_editor_dispose (GObject *object)
{
  TiRegisterEditor *self = TI_REGISTER_EDITOR (object);
  GtkWidget *child;

  if (self->chooser != NULL)
    gtk_window_destroy (GTK_WINDOW (self->chooser));
  g_clear_object (&self->database);
  g_clear_object (&self->session);
  g_clear_object (&self->attendees);
  gtk_widget_dispose_template (GTK_WIDGET (self), TI_TYPE_REGISTER_EDITOR);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (ti_register_editor_parent_class)->dispose (object);
}

static void
ti_register_editor_class_init (TiRegisterEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ti_register_editor_dispose;

  /**
   * TiRegisterEditor::changed:
   *
   * The register was changed (and saved).
   */
  signals[SIGNAL_CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ti-register-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, TiRegisterEditor, count_label);
  gtk_widget_class_bind_template_child (widget_class, TiRegisterEditor, stack);
  gtk_widget_class_bind_template_child (widget_class, TiRegisterEditor, list_box);
  gtk_widget_class_install_action (widget_class, "register.add", NULL, add_activated);
}

static void
ti_register_editor_init (TiRegisterEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->attendees = g_list_store_new (TI_TYPE_ATTENDEE);
  gtk_list_box_bind_model (self->list_box, G_LIST_MODEL (self->attendees), create_row, self, NULL);
  update_count (self);
}
