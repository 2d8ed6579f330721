/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ti-event-guest-list"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "ti-event-guest-list.h"
#include "ti-events.h"
#include "ti-feedback.h"
#include "ti-format.h"
#include "ti-organisation.h"
#include "ti-organisations.h"
#include "ti-person-chooser.h"
#include "ti-person-row.h"

/**
 * TiEventGuestList:
 *
 * An event's list of people, edited in place: invite one person (a people chooser), every
 * active champion, or everyone at an organisation; then tick who attended, and record their
 * feedback (1–5) and what it was about. Each change is saved as it is made; removing someone
 * offers Undo. Emits #TiEventGuestList::changed after every change.
 */
struct _TiEventGuestList
{
  GtkWidget parent_instance;

  TiDatabase *database;
  gint64 event_id;
  GListStore *guests;
  TiPersonChooser *chooser; /* weak: it destroys itself */

  GtkLabel *count_label;
  GtkStack *stack;
  GtkListBox *list_box;
};

G_DEFINE_FINAL_TYPE (TiEventGuestList, ti_event_guest_list, GTK_TYPE_WIDGET)

enum
{
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
update_count (TiEventGuestList *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->guests));
  guint invited = 0, attended = 0;
  g_autofree char *text = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (TiEventGuest) guest = g_list_model_get_item (G_LIST_MODEL (self->guests), i);
      invited += ti_event_guest_get_invited (guest);
      attended += ti_event_guest_get_attended (guest);
    }
  /* Translators: "12 invited, 9 attended" */
  text = g_strdup_printf (_("%u invited, %u attended"), invited, attended);
  gtk_label_set_text (self->count_label, text);
  gtk_stack_set_visible_child_name (self->stack, n > 0 ? "list" : "empty");
}

static void
changed (TiEventGuestList *self)
{
  update_count (self);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

/* Saves new marks for the guest a widget edits; on refusal says why and shows them as they
 * were. */
static void
save_marks (TiEventGuestList *self, TiEventGuest *guest, const TiGuestMarks *marks)
{
  g_autoptr (GError) error = NULL;

  if (self->database == NULL)
    return;
  if (!ti_events_update_guest (self->database, guest, marks, &error))
    {
      ti_feedback_show_message (GTK_WIDGET (self), _("The Attendance Could Not Be Saved"),
                                error->message);
      g_object_notify (G_OBJECT (guest), "attended");
      g_object_notify (G_OBJECT (guest), "feedback");
      return;
    }
  changed (self);
}

static void
attended_toggled_cb (GtkCheckButton *check, TiEventGuestList *self)
{
  TiEventGuest *guest = g_object_get_data (G_OBJECT (check), "guest");
  TiGuestMarks marks;

  ti_event_guest_get_marks (guest, &marks);
  if (marks.attended == gtk_check_button_get_active (check))
    return;
  marks.attended = gtk_check_button_get_active (check);
  save_marks (self, guest, &marks);
}

static void
feedback_selected_cb (GtkDropDown *dropdown, GParamSpec *pspec, TiEventGuestList *self)
{
  TiEventGuest *guest = g_object_get_data (G_OBJECT (dropdown), "guest");
  guint selected = gtk_drop_down_get_selected (dropdown);
  TiGuestMarks marks;

  ti_event_guest_get_marks (guest, &marks);
  if (selected == GTK_INVALID_LIST_POSITION || (int) selected == marks.feedback)
    return;
  marks.feedback = selected;
  save_marks (self, guest, &marks);
}

static void
theme_activate_cb (GtkEntry *entry, TiEventGuestList *self)
{
  TiEventGuest *guest = g_object_get_data (G_OBJECT (entry), "guest");
  g_autofree char *theme = g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry)));
  TiGuestMarks marks;

  ti_event_guest_get_marks (guest, &marks);
  if (g_strcmp0 (marks.feedback_theme, theme) == 0)
    return;
  marks.feedback_theme = theme;
  save_marks (self, guest, &marks);
  ti_feedback_toast (GTK_WIDGET (self), _("Feedback theme saved"));
}

static void
label_for (GtkWidget *widget, const char *what, TiEventGuest *guest)
{
  g_autofree char *label = g_strdup_printf ("%s, %s", what, ti_event_guest_get_name (guest));

  g_object_set_data_full (G_OBJECT (widget), "guest", g_object_ref (guest), g_object_unref);
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
}

static void remove_clicked_cb (GtkButton *button, TiEventGuestList *self);

static GtkWidget *
header_new (TiEventGuestList *self, TiEventGuest *guest)
{
  g_autoptr (GString) about = g_string_new (ti_event_guest_get_organisation (guest));
  g_autofree char *remove_label = g_strdup_printf (_("Take %s off the list"),
                                                   ti_event_guest_get_name (guest));
  GtkWidget *remove = ti_person_row_remove_button_new (remove_label);

  if (!ti_event_guest_get_invited (guest))
    g_string_append_printf (about, "%s%s", about->len ? " · " : "", _("Came without an invitation"));
  if (ti_event_guest_get_first_time (guest))
    g_string_append_printf (about, "%s%s", about->len ? " · " : "", _("First event"));
  g_object_set_data_full (G_OBJECT (remove), "guest", g_object_ref (guest), g_object_unref);
  g_signal_connect_object (remove, "clicked", G_CALLBACK (remove_clicked_cb), self, 0);
  return ti_person_row_header_new (ti_event_guest_get_name (guest), about->str, NULL, remove);
}

/* One person: who, then attended, feedback and its theme, wrapping in a narrow window. */
static GtkWidget *
create_row (gpointer item, gpointer user_data)
{
  static const char *const scores[] = { "—", "1", "2", "3", "4", "5", NULL };
  TiEventGuestList *self = user_data;
  TiEventGuest *guest = item;
  GtkWidget *attended = gtk_check_button_new_with_label (_("Attended"));
  GtkWidget *feedback_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *feedback_label = gtk_label_new (_("Feedback"));
  GtkWidget *feedback = gtk_drop_down_new_from_strings (scores);
  GtkWidget *theme = gtk_entry_new ();
  GtkWidget *controls[] = { attended, feedback_box, theme };

  label_for (attended, _("Attended"), guest);
  g_object_bind_property (guest, "attended", attended, "active", G_BINDING_SYNC_CREATE);
  g_signal_connect_object (attended, "toggled", G_CALLBACK (attended_toggled_cb), self, 0);

  gtk_widget_add_css_class (feedback_label, "dim-label");
  gtk_widget_set_tooltip_text (feedback_box, _("Their rating of the event, from 1 (poor) to 5 "
                                               "(excellent)"));
  label_for (feedback, _("Feedback"), guest);
  g_object_bind_property (guest, "feedback", feedback, "selected", G_BINDING_SYNC_CREATE);
  g_signal_connect_object (feedback, "notify::selected", G_CALLBACK (feedback_selected_cb), self,
                           0);
  gtk_box_append (GTK_BOX (feedback_box), feedback_label);
  gtk_box_append (GTK_BOX (feedback_box), feedback);

  gtk_editable_set_text (GTK_EDITABLE (theme), ti_event_guest_get_feedback_theme (guest));
  gtk_entry_set_placeholder_text (GTK_ENTRY (theme), _("Feedback theme"));
  gtk_widget_set_tooltip_text (theme, _("What their feedback was about, in a few words; Enter "
                                        "saves it"));
  gtk_editable_set_width_chars (GTK_EDITABLE (theme), 16);
  label_for (theme, _("Feedback theme"), guest);
  g_signal_connect_object (theme, "activate", G_CALLBACK (theme_activate_cb), self, 0);

  return ti_person_row_new (ti_event_guest_get_name (guest), header_new (self, guest), controls,
                            G_N_ELEMENTS (controls));
}

/* Reading -------------------------------------------------------------------------------- */

static gboolean
reload (TiEventGuestList *self, GError **error)
{
  g_autoptr (GListModel) guests = ti_events_list_guests (self->database, self->event_id, error);
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  if (guests == NULL)
    return FALSE;
  for (guint i = 0, n = g_list_model_get_n_items (guests); i < n; i++)
    g_ptr_array_add (items, g_list_model_get_item (guests, i));
  g_list_store_splice (self->guests, 0, g_list_model_get_n_items (G_LIST_MODEL (self->guests)),
                       items->pdata, items->len);
  update_count (self);
  return TRUE;
}

/* Reads the list again after invitations; says so when it cannot. */
static void
reload_after_change (TiEventGuestList *self)
{
  g_autoptr (GError) error = NULL;

  if (!reload (self, &error))
    ti_feedback_show_message (GTK_WIDGET (self), _("The List Could Not Be Read"), error->message);
  changed (self);
}

/**
 * ti_event_guest_list_show:
 * @database: the open programme
 * @event_id: the event whose list to edit
 *
 * Reads the event's list (a few hundred rows at most: quick enough for the main thread).
 *
 * Returns: %FALSE with @error set when it could not be read
 */
gboolean
ti_event_guest_list_show (TiEventGuestList *self, TiDatabase *database, gint64 event_id,
                          GError **error)
{
  g_return_val_if_fail (TI_IS_EVENT_GUEST_LIST (self), FALSE);
  g_return_val_if_fail (TI_IS_DATABASE (database), FALSE);

  if (self->chooser != NULL && (database != self->database || event_id != self->event_id))
    gtk_window_destroy (GTK_WINDOW (self->chooser));
  g_set_object (&self->database, database);
  self->event_id = event_id;
  return reload (self, error);
}

/**
 * ti_event_guest_list_get_guests:
 *
 * Returns: (transfer none): the list shown, a #GListModel of #TiEventGuest
 */
GListModel *
ti_event_guest_list_get_guests (TiEventGuestList *self)
{
  g_return_val_if_fail (TI_IS_EVENT_GUEST_LIST (self), NULL);
  return G_LIST_MODEL (self->guests);
}

/* Removing, with Undo ---------------------------------------------------------------------- */

static void
undo_remove_cb (AdwToast *toast, TiEventGuestList *self)
{
  TiEventGuest *guest = g_object_get_data (G_OBJECT (toast), "guest");
  TiDatabase *database = g_object_get_data (G_OBJECT (toast), "database");
  g_autoptr (GError) error = NULL;

  if (!ti_events_restore_guest (database, guest, &error))
    {
      ti_feedback_show_message (GTK_WIDGET (self), _("The Person Could Not Be Put Back"),
                                error->message);
      return;
    }
  if (database == self->database && ti_event_guest_get_event_id (guest) == self->event_id)
    reload_after_change (self);
}

static void
remove_clicked_cb (GtkButton *button, TiEventGuestList *self)
{
  TiEventGuest *guest = g_object_get_data (G_OBJECT (button), "guest");
  g_autoptr (GError) error = NULL;
  g_autofree char *message = NULL;
  AdwToast *toast;
  guint position;

  if (self->database == NULL)
    return;
  if (!ti_events_remove_guest (self->database, guest, &error))
    {
      ti_feedback_show_message (GTK_WIDGET (self), _("The Person Could Not Be Taken Off"),
                                error->message);
      return;
    }
  message = g_strdup_printf (_("Took %s off the list"), ti_event_guest_get_name (guest));
  toast = ti_feedback_undo_toast (message);
  g_object_set_data_full (G_OBJECT (toast), "guest", g_object_ref (guest), g_object_unref);
  g_object_set_data_full (G_OBJECT (toast), "database", g_object_ref (self->database),
                          g_object_unref);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo_remove_cb), self, 0);
  if (g_list_store_find (self->guests, guest, &position))
    g_list_store_remove (self->guests, position);
  ti_feedback_add_toast (GTK_WIDGET (self), toast);
  changed (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->list_box));
}

/* Inviting --------------------------------------------------------------------------------- */

static void
chosen_cb (TiPersonChooser *chooser, gint64 person_id, const char *name, TiEventGuestList *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TiEventGuest) guest = NULL;
  g_autofree char *message = NULL;

  if (self->database == NULL)
    return;
  guest = ti_events_invite (self->database, self->event_id, person_id, &error);
  if (guest == NULL)
    {
      ti_person_chooser_show_error (chooser, error);
      return;
    }
  message = g_strdup_printf (_("%s is invited."), name);
  ti_person_chooser_exclude (chooser, person_id);
  ti_person_chooser_confirm (chooser, message);
  reload_after_change (self);
}

static void
invite_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  TiEventGuestList *self = TI_EVENT_GUEST_LIST (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->guests));

  if (self->database == NULL)
    return;
  if (self->chooser != NULL)
    {
      gtk_window_present (GTK_WINDOW (self->chooser));
      return;
    }
  self->chooser = ti_person_chooser_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         self->database, _("Invite People"), FALSE);
  g_object_add_weak_pointer (G_OBJECT (self->chooser), (gpointer *) &self->chooser);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (TiEventGuest) guest = g_list_model_get_item (G_LIST_MODEL (self->guests), i);
      ti_person_chooser_exclude (self->chooser, ti_event_guest_get_person_id (guest));
    }
  g_signal_connect_object (self->chooser, "chosen", G_CALLBACK (chosen_cb), self, 0);
  gtk_window_present (GTK_WINDOW (self->chooser));
}

/* Says how many a bulk invitation added (@message), and reads the list again. */
static void
invited_many (TiEventGuestList *self, const char *message)
{
  ti_feedback_toast (GTK_WIDGET (self), message);
  reload_after_change (self);
}

static void
invite_champions_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  TiEventGuestList *self = TI_EVENT_GUEST_LIST (widget);
  g_autoptr (GError) error = NULL;
  g_autofree char *n = NULL;
  g_autofree char *message = NULL;
  guint added = 0;

  if (self->database == NULL)
    return;
  if (!ti_events_invite_champions (self->database, self->event_id, &added, &error))
    {
      ti_feedback_show_message (widget, _("The Champions Could Not Be Invited"), error->message);
      return;
    }
  n = ti_format_count (added);
  message = added == 0 ? g_strdup (_("Every active champion is already on the list."))
                       : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Invited %s active champion",
                                                       "Invited %s active champions", added),
                                          n);
  invited_many (self, message);
}

static void
organisation_response_cb (AdwMessageDialog *dialog, const char *response, TiEventGuestList *self)
{
  GtkDropDown *dropdown = g_object_get_data (G_OBJECT (dialog), "dropdown");
  TiOrganisation *organisation = gtk_drop_down_get_selected_item (dropdown);
  g_autoptr (GError) error = NULL;
  g_autofree char *n = NULL;
  g_autofree char *message = NULL;
  guint added = 0;

  if (g_strcmp0 (response, "invite") != 0 || organisation == NULL || self->database == NULL)
    return;
  if (!ti_events_invite_organisation (self->database, self->event_id,
                                      ti_organisation_get_id (organisation), &added, &error))
    {
      ti_feedback_show_message (GTK_WIDGET (self), _("The Organisation Could Not Be Invited"),
                                error->message);
      return;
    }
  n = ti_format_count (added);
  message = added == 0 ? g_strdup (_("Everyone there is already on the list."))
                       : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Invited %s person",
                                                       "Invited %s people", added),
                                          n);
  invited_many (self, message);
}

static void
invite_organisation_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  TiEventGuestList *self = TI_EVENT_GUEST_LIST (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autoptr (GError) error = NULL;
  g_autoptr (GListModel) organisations = NULL;
  GtkExpression *name = NULL;
  GtkWidget *dropdown;
  AdwMessageDialog *dialog;

  if (self->database == NULL)
    return;
  organisations = ti_organisations_list_choices (self->database, &error);
  if (organisations == NULL)
    {
      ti_feedback_show_message (widget, _("The Organisations Could Not Be Read"), error->message);
      return;
    }
  name = gtk_property_expression_new (TI_TYPE_ORGANISATION, NULL, "name");
  dropdown = gtk_drop_down_new (g_object_ref (organisations), name);
  gtk_drop_down_set_enable_search (GTK_DROP_DOWN (dropdown), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Organisation"), -1);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (
    GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, _("Invite an Organisation?"),
    _("Everyone at the organisation and its directorates who is not on the list yet is "
      "invited.")));
  adw_message_dialog_set_extra_child (dialog, dropdown);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "invite", _("_Invite"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "invite", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "invite");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data (G_OBJECT (dialog), "dropdown", dropdown);
  g_signal_connect_object (dialog, "response", G_CALLBACK (organisation_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
ti_event_guest_list_dispose (GObject *object)
{
  TiEventGuestList *self = TI_EVENT_GUEST_LIST (object);
  GtkWidget *child;

  if (self->chooser != NULL)
    gtk_window_destroy (GTK_WINDOW (self->chooser));
  g_clear_object (&self->database);
  g_clear_object (&self->guests);
  gtk_widget_dispose_template (GTK_WIDGET (self), TI_TYPE_EVENT_GUEST_LIST);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (ti_event_guest_list_parent_class)->dispose (object);
}

static void
ti_event_guest_list_class_init (TiEventGuestListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ti_event_guest_list_dispose;

  /**
   * TiEventGuestList::changed:
   *
   * The list was changed (and saved).
   */
  signals[SIGNAL_CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ti-event-guest-list.ui");
  gtk_widget_class_bind_template_child (widget_class, TiEventGuestList, count_label);
  gtk_widget_class_bind_template_child (widget_class, TiEventGuestList, stack);
  gtk_widget_class_bind_template_child (widget_class, TiEventGuestList, list_box);
  gtk_widget_class_install_action (widget_class, "guests.invite", NULL, invite_activated);
  gtk_widget_class_install_action (widget_class, "guests.invite-champions", NULL,
                                   invite_champions_activated);
  gtk_widget_class_install_action (widget_class, "guests.invite-organisation", NULL,
                                   invite_organisation_activated);
}

static void
ti_event_guest_list_init (TiEventGuestList *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->guests = g_list_store_new (TI_TYPE_EVENT_GUEST);
  gtk_list_box_bind_model (self->list_box, G_LIST_MODEL (self->guests), create_row, self, NULL);
  update_count (self);
}
