/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ti-event-guest-list"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

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
 * active champion, or everyone at an organisation (each after saying how many, with Undo);
 * then tick who attended, and record their feedback (1–5) and what it was about. The list is
 * read in a worker thread and shown in a #GtkListView, so thousands of guests cost only the
 * rows on screen; a search and a filter find one. Each change is saved as it is made and
 * updates its row in place; removing someone offers Undo. Emits #TiEventGuestList::changed
 * after every change.
 */
struct _TiEventGuestList
{
  GtkWidget parent_instance;

  TiDatabase *database;
  gint64 event_id;
  GListStore *guests;
  GtkFilterListModel *shown;
  GtkCustomFilter *filter;
  char *search; /* casefolded; NULL when not searching */
  guint show;   /* SHOW_… */
  GCancellable *cancellable; /* the read in progress */
  TiPersonChooser *chooser;  /* weak: it destroys itself */
  gboolean read_failed;
  TiEventInviteGroup inviting; /* the bulk invitation in progress */
  /* Going with its window: a theme still being typed is saved, but the page being torn
   * down is neither told nor shown anything. */
  gboolean disposing;

  GtkLabel *count_label;
  GtkWidget *find_box;
  GtkSearchEntry *search_entry;
  GtkDropDown *show_dropdown;
  GtkStack *stack;
  GtkSpinner *spinner;
  AdwStatusPage *error_page;
  GtkListView *list_view;
};

G_DEFINE_FINAL_TYPE (TiEventGuestList, ti_event_guest_list, GTK_TYPE_WIDGET)

enum
{
  SHOW_EVERYONE,
  SHOW_ATTENDED,
  SHOW_NOT_ATTENDED,
};

enum
{
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *const invite_actions[]
  = { "guests.invite", "guests.invite-champions", "guests.invite-organisation" };

static void reload (TiEventGuestList *self);

/* Counting and finding ------------------------------------------------------------------ */

static void
update_count (TiEventGuestList *self)
{
  GListModel *all = G_LIST_MODEL (self->guests);
  guint n = g_list_model_get_n_items (all);
  guint n_shown = g_list_model_get_n_items (G_LIST_MODEL (self->shown));
  guint invited = 0, attended = 0;
  g_autofree char *invited_text = NULL;
  g_autofree char *attended_text = NULL;
  g_autofree char *text = NULL;
  const char *page;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (TiEventGuest) guest = g_list_model_get_item (all, i);
      invited += ti_event_guest_get_invited (guest);
      attended += ti_event_guest_get_attended (guest);
    }
  invited_text = ti_format_count (invited);
  attended_text = ti_format_count (attended);
  if (n_shown < n)
    {
      g_autofree char *shown_text = ti_format_count (n_shown);
      g_autofree char *all_text = ti_format_count (n);

      /* Translators: "Showing 12 of 536 · 536 invited · 261 attended" */
      text = g_strdup_printf (_("Showing %s of %s · %s invited · %s attended"), shown_text,
                              all_text, invited_text, attended_text);
    }
  else
    /* Translators: "536 invited · 261 attended" */
    text = g_strdup_printf (_("%s invited · %s attended"), invited_text, attended_text);
  gtk_label_set_text (self->count_label, text);

  if (self->read_failed)
    page = "error";
  else if (self->cancellable != NULL && n == 0)
    page = "loading";
  else if (n == 0)
    page = "empty";
  else if (n_shown == 0 && !gtk_filter_list_model_get_pending (self->shown))
    page = "no-match";
  else
    page = "list";
  gtk_stack_set_visible_child_name (self->stack, page);
  gtk_spinner_set_spinning (self->spinner, g_str_equal (page, "loading"));
  gtk_widget_set_visible (self->find_box, n > 0);
}

static void
changed (TiEventGuestList *self)
{
  update_count (self);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

static gboolean
guest_matches (gpointer item, gpointer user_data)
{
  TiEventGuestList *self = user_data;
  TiEventGuest *guest = item;
  gboolean attended = ti_event_guest_get_attended (guest);
  g_autofree char *name = NULL;
  g_autofree char *organisation = NULL;

  if ((self->show == SHOW_ATTENDED && !attended) || (self->show == SHOW_NOT_ATTENDED && attended))
    return FALSE;
  if (self->search == NULL)
    return TRUE;
  name = g_utf8_casefold (ti_event_guest_get_name (guest), -1);
  if (strstr (name, self->search) != NULL)
    return TRUE;
  organisation = g_utf8_casefold (ti_event_guest_get_organisation (guest), -1);
  return strstr (organisation, self->search) != NULL;
}

static void
find_changed_cb (TiEventGuestList *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *trimmed = g_strstrip (g_strdup (text));

  g_clear_pointer (&self->search, g_free);
  if (*trimmed != '\0')
    self->search = g_utf8_casefold (trimmed, -1);
  self->show = gtk_drop_down_get_selected (self->show_dropdown);
  /* With nothing to find, the filter passes everyone without looking at them. */
  if (self->search == NULL && self->show == SHOW_EVERYONE)
    gtk_custom_filter_set_filter_func (self->filter, NULL, NULL, NULL);
  else
    gtk_custom_filter_set_filter_func (self->filter, guest_matches, self, NULL);
  update_count (self);
}

static void
shown_changed_cb (TiEventGuestList *self)
{
  update_count (self);
}

/* Editing one guest --------------------------------------------------------------------- */

/* Saves new marks for @guest; its row follows through the guest's properties. On refusal
 * says why and shows them as they were. */
static gboolean
save_marks (TiEventGuestList *self, TiEventGuest *guest, const TiGuestMarks *marks)
{
  g_autoptr (GError) error = NULL;

  if (self->database == NULL)
    return FALSE;
  if (!ti_events_update_guest (self->database, guest, marks, &error))
    {
      if (self->disposing)
        {
          g_message ("A guest's marks could not be saved: %s", error->message);
          return FALSE;
        }
      ti_feedback_show_message (GTK_WIDGET (self), _("The Attendance Could Not Be Saved"),
                                error->message);
      g_object_notify (G_OBJECT (guest), "attended");
      g_object_notify (G_OBJECT (guest), "feedback");
      return FALSE;
    }
  if (!self->disposing)
    changed (self);
  return TRUE;
}

/* The widgets of one row, made once and bound to whichever guest the row shows. */
typedef struct
{
  TiEventGuestList *self;
  TiEventGuest *guest; /* while bound */
  GtkWidget *box;
  GtkLabel *name;
  GtkLabel *about;
  GtkWidget *remove;
  GtkCheckButton *attended;
  GtkWidget *feedback_box;
  GtkSpinButton *feedback; /* 0 is "—": none given */
  GtkEntry *theme;
  GBinding *bindings[2];
  gulong notify_id;
} GuestRow;

static void
guest_row_free (gpointer data)
{
  g_free (data);
}

/* The line under the name, and whether feedback can be given, follow the attended mark. */
static void
update_about (GuestRow *row)
{
  TiEventGuest *guest = row->guest;
  gboolean attended = ti_event_guest_get_attended (guest);
  g_autoptr (GString) about = g_string_new (ti_event_guest_get_organisation (guest));
  const char *why = attended ? NULL
                             : _("Tick Attended first: feedback counts only from people who "
                                 "came");

  if (!ti_event_guest_get_invited (guest))
    g_string_append_printf (about, "%s%s", about->len ? " · " : "", _("Came without an invitation"));
  if (ti_event_guest_get_first_time (guest))
    g_string_append_printf (about, "%s%s", about->len ? " · " : "", _("First event"));
  gtk_label_set_text (row->about, about->str);
  gtk_widget_set_visible (GTK_WIDGET (row->about), about->len > 0);

  gtk_widget_set_sensitive (row->feedback_box, attended);
  gtk_widget_set_sensitive (GTK_WIDGET (row->theme), attended);
  gtk_widget_set_tooltip_text (row->feedback_box,
                               why ? why
                                   : _("Their rating of the event, from 1 (poor) to 5 "
                                       "(excellent)"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (row->theme),
                               why ? why
                                   : _("What their feedback was about, in a few words; saved "
                                       "on Enter or when you move on"));
}

static void
attended_toggled_cb (GtkCheckButton *check, GuestRow *row)
{
  TiGuestMarks marks;

  if (row->guest == NULL)
    return;
  ti_event_guest_get_marks (row->guest, &marks);
  if (marks.attended == gtk_check_button_get_active (check))
    return;
  marks.attended = gtk_check_button_get_active (check);
  save_marks (row->self, row->guest, &marks);
}

static void
feedback_changed_cb (GtkSpinButton *spin, GuestRow *row)
{
  int score = gtk_spin_button_get_value_as_int (spin);
  TiGuestMarks marks;

  if (row->guest == NULL)
    return;
  ti_event_guest_get_marks (row->guest, &marks);
  if (score == marks.feedback)
    return;
  marks.feedback = score;
  save_marks (row->self, row->guest, &marks);
}

/* A spin button rather than a drop-down: a row is made for each guest in view, and a
 * drop-down builds a list of its own. No score reads "—". */
static gboolean
feedback_output_cb (GtkSpinButton *spin, gpointer data)
{
  int score = gtk_spin_button_get_value_as_int (spin);
  g_autofree char *text = score > 0 ? g_strdup_printf ("%d", score) : g_strdup ("—");

  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (spin)), text) != 0)
    gtk_editable_set_text (GTK_EDITABLE (spin), text);
  return TRUE;
}

static int
feedback_input_cb (GtkSpinButton *spin, double *value, gpointer data)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (spin));
  char *end = NULL;
  gint64 score = g_ascii_strtoll (text, &end, 10);

  if (end == text || *end != '\0')
    score = 0; /* "—", or what is not a score: none */
  *value = CLAMP (score, 0, 5);
  return TRUE;
}

/* Saves the theme typed, if it changed; spaces around it are no change (a theme stored as
 * "networking " is shown as it is, and leaving it untouched saves nothing). */
static void
save_theme (GuestRow *row)
{
  g_autofree char *theme = NULL;
  g_autofree char *stored = NULL;
  TiGuestMarks marks;

  if (row->guest == NULL)
    return;
  theme = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row->theme))));
  ti_event_guest_get_marks (row->guest, &marks);
  stored = g_strstrip (g_strdup (marks.feedback_theme ? marks.feedback_theme : ""));
  if (g_strcmp0 (stored, theme) == 0)
    return;
  marks.feedback_theme = theme;
  if (save_marks (row->self, row->guest, &marks) && !row->self->disposing)
    ti_feedback_toast (GTK_WIDGET (row->self), _("Feedback theme saved"));
}

static void
theme_activate_cb (GtkEntry *entry, GuestRow *row)
{
  save_theme (row);
}

static void
theme_leave_cb (GtkEventControllerFocus *focus, GuestRow *row)
{
  save_theme (row);
}

static void remove_guest (TiEventGuestList *self, TiEventGuest *guest);

static void
remove_clicked_cb (GtkButton *button, GuestRow *row)
{
  if (row->guest != NULL)
    remove_guest (row->self, row->guest);
}

static void
label_for (GtkWidget *widget, const char *what, const char *name)
{
  g_autofree char *label = g_strdup_printf ("%s, %s", what, name);

  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
}

/* One person: who, then attended, feedback and its theme, wrapping in a narrow window. */
static void
setup_row_cb (GtkSignalListItemFactory *factory, GtkListItem *item, TiEventGuestList *self)
{
  GuestRow *row = g_new0 (GuestRow, 1);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *who = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *flow = gtk_flow_box_new ();
  GtkWidget *feedback_label = gtk_label_new (_("Feedback"));
  GtkEventController *focus = gtk_event_controller_focus_new ();
  GtkWidget *marks[3];

  row->self = self;
  row->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  row->name = GTK_LABEL (gtk_label_new (NULL));
  row->about = GTK_LABEL (gtk_label_new (NULL));
  row->remove = ti_person_row_remove_button_new (_("Take them off the list"));
  row->attended = GTK_CHECK_BUTTON (gtk_check_button_new_with_label (_("Attended")));
  row->feedback_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  row->feedback = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (0, 5, 1));
  row->theme = GTK_ENTRY (gtk_entry_new ());

  gtk_widget_set_margin_start (row->box, 12);
  gtk_widget_set_margin_end (row->box, 6);
  gtk_widget_set_margin_top (row->box, 8);
  gtk_widget_set_margin_bottom (row->box, 8);
  gtk_widget_set_hexpand (who, TRUE);
  gtk_label_set_xalign (row->name, 0);
  gtk_label_set_wrap (row->name, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (row->name), "heading");
  gtk_label_set_xalign (row->about, 0);
  gtk_label_set_wrap (row->about, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (row->about), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (row->about), "caption");
  gtk_box_append (GTK_BOX (who), GTK_WIDGET (row->name));
  gtk_box_append (GTK_BOX (who), GTK_WIDGET (row->about));
  gtk_box_append (GTK_BOX (header), who);
  gtk_box_append (GTK_BOX (header), row->remove);
  g_signal_connect (row->remove, "clicked", G_CALLBACK (remove_clicked_cb), row);

  g_signal_connect (row->attended, "toggled", G_CALLBACK (attended_toggled_cb), row);
  gtk_widget_add_css_class (feedback_label, "dim-label");
  gtk_box_append (GTK_BOX (row->feedback_box), feedback_label);
  gtk_box_append (GTK_BOX (row->feedback_box), GTK_WIDGET (row->feedback));
  gtk_editable_set_width_chars (GTK_EDITABLE (row->feedback), 2);
  g_signal_connect (row->feedback, "output", G_CALLBACK (feedback_output_cb), NULL);
  g_signal_connect (row->feedback, "input", G_CALLBACK (feedback_input_cb), NULL);
  g_signal_connect (row->feedback, "value-changed", G_CALLBACK (feedback_changed_cb), row);

  gtk_entry_set_placeholder_text (row->theme, _("Feedback theme"));
  gtk_editable_set_width_chars (GTK_EDITABLE (row->theme), 16);
  g_signal_connect (row->theme, "activate", G_CALLBACK (theme_activate_cb), row);
  g_signal_connect (focus, "leave", G_CALLBACK (theme_leave_cb), row);
  gtk_widget_add_controller (GTK_WIDGET (row->theme), focus);

  marks[0] = GTK_WIDGET (row->attended);
  marks[1] = row->feedback_box;
  marks[2] = GTK_WIDGET (row->theme);
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (flow), GTK_SELECTION_NONE);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (flow), 18);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (flow), 6);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (flow), G_N_ELEMENTS (marks));
  for (guint i = 0; i < G_N_ELEMENTS (marks); i++)
    {
      gtk_widget_set_halign (marks[i], GTK_ALIGN_START);
      gtk_flow_box_append (GTK_FLOW_BOX (flow), marks[i]);
      /* Tab moves through the ticks and scores, not to their cells. */
      gtk_widget_set_focusable (gtk_widget_get_parent (marks[i]), FALSE);
    }
  gtk_box_append (GTK_BOX (row->box), header);
  gtk_box_append (GTK_BOX (row->box), flow);

  gtk_list_item_set_activatable (item, FALSE);
  gtk_list_item_set_selectable (item, FALSE);
  gtk_list_item_set_child (item, row->box);
  /* The widgets can outlive the list item (their handlers take @row): @row goes with them. */
  g_object_set_data_full (G_OBJECT (row->box), "row", row, guest_row_free);
}

static void
guest_notify_cb (TiEventGuest *guest, GParamSpec *pspec, GuestRow *row)
{
  update_about (row);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory, GtkListItem *item, TiEventGuestList *self)
{
  GuestRow *row = g_object_get_data (G_OBJECT (gtk_list_item_get_child (item)), "row");
  TiEventGuest *guest = gtk_list_item_get_item (item);
  const char *name = ti_event_guest_get_name (guest);
  g_autofree char *remove_label = g_strdup_printf (_("Take %s off the list"), name);

  /* Set the values before the row knows its guest, so that nothing is saved. */
  gtk_label_set_text (row->name, name);
  gtk_editable_set_text (GTK_EDITABLE (row->theme), ti_event_guest_get_feedback_theme (guest));
  row->bindings[0] = g_object_bind_property (guest, "attended", row->attended, "active",
                                             G_BINDING_SYNC_CREATE);
  row->bindings[1] = g_object_bind_property (guest, "feedback", row->feedback, "value",
                                             G_BINDING_SYNC_CREATE);
  row->guest = g_object_ref (guest);
  row->notify_id = g_signal_connect (guest, "notify", G_CALLBACK (guest_notify_cb), row);
  update_about (row);

  gtk_accessible_update_property (GTK_ACCESSIBLE (row->box), GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  -1);
  gtk_widget_set_tooltip_text (row->remove, remove_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row->remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  remove_label, -1);
  label_for (GTK_WIDGET (row->attended), _("Attended"), name);
  label_for (GTK_WIDGET (row->feedback), _("Feedback"), name);
  label_for (GTK_WIDGET (row->theme), _("Feedback theme"), name);
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory, GtkListItem *item, TiEventGuestList *self)
{
  GuestRow *row = g_object_get_data (G_OBJECT (gtk_list_item_get_child (item)), "row");

  if (row->guest == NULL)
    return;
  /* A theme typed into a row scrolled away is kept, as if focus had left it. */
  save_theme (row);
  for (guint i = 0; i < G_N_ELEMENTS (row->bindings); i++)
    g_clear_pointer (&row->bindings[i], g_binding_unbind);
  g_clear_signal_handler (&row->notify_id, row->guest);
  g_clear_object (&row->guest);
}

/* Reading -------------------------------------------------------------------------------- */

static void
read_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  g_autoptr (TiEventGuestList) self = data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GListModel) guests = ti_events_list_guests_finish (result, &error);
  g_autoptr (GPtrArray) items = NULL;
  guint n;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->cancellable);
  if (guests == NULL)
    {
      self->read_failed = TRUE;
      adw_status_page_set_description (self->error_page, error->message);
      g_list_store_remove_all (self->guests);
      update_count (self);
      return;
    }
  n = g_list_model_get_n_items (guests);
  items = g_ptr_array_new_full (n, g_object_unref);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (items, g_list_model_get_item (guests, i));
  self->read_failed = FALSE;
  g_list_store_splice (self->guests, 0, g_list_model_get_n_items (G_LIST_MODEL (self->guests)),
                       items->pdata, items->len);
  update_count (self);
}

/* Reads the list in a worker; what is shown stays until the new list arrives. */
static void
reload (TiEventGuestList *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->database == NULL)
    return;
  self->cancellable = g_cancellable_new ();
  ti_events_list_guests_async (ti_database_get_path (self->database), self->event_id,
                               self->cancellable, read_cb, g_object_ref (self));
  update_count (self);
}

/**
 * ti_event_guest_list_show:
 * @database: the open programme
 * @event_id: the event whose list to edit
 *
 * Reads the event's list in a worker thread and shows it when read; until then it shows that
 * it is reading, and if it cannot be read it says why in its place.
 */
void
ti_event_guest_list_show (TiEventGuestList *self, TiDatabase *database, gint64 event_id)
{
  g_return_if_fail (TI_IS_EVENT_GUEST_LIST (self));
  g_return_if_fail (TI_IS_DATABASE (database));

  if (database != self->database || event_id != self->event_id)
    {
      if (self->chooser != NULL)
        gtk_window_destroy (GTK_WINDOW (self->chooser));
      /* Another event: its list is not this one, even for a moment. */
      g_list_store_remove_all (self->guests);
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      gtk_drop_down_set_selected (self->show_dropdown, SHOW_EVERYONE);
    }
  g_set_object (&self->database, database);
  self->event_id = event_id;
  self->read_failed = FALSE;
  reload (self);
}

/**
 * ti_event_guest_list_get_guests:
 *
 * Returns: (transfer none): the list as last read, a #GListModel of #TiEventGuest
 */
GListModel *
ti_event_guest_list_get_guests (TiEventGuestList *self)
{
  g_return_val_if_fail (TI_IS_EVENT_GUEST_LIST (self), NULL);
  return G_LIST_MODEL (self->guests);
}

static int
compare_guests (gconstpointer a, gconstpointer b, gpointer data)
{
  TiEventGuest *x = (TiEventGuest *) a, *y = (TiEventGuest *) b;
  g_autofree char *p = g_utf8_casefold (ti_event_guest_get_name (x), -1);
  g_autofree char *q = g_utf8_casefold (ti_event_guest_get_name (y), -1);
  int order = g_utf8_collate (p, q);

  if (order != 0)
    return order;
  return (ti_event_guest_get_person_id (x) > ti_event_guest_get_person_id (y))
         - (ti_event_guest_get_person_id (x) < ti_event_guest_get_person_id (y));
}

/* Puts one guest in its place by name, without reading the list again. */
static void
add_guest (TiEventGuestList *self, TiEventGuest *guest)
{
  g_list_store_insert_sorted (self->guests, guest, compare_guests, NULL);
  changed (self);
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
    add_guest (self, guest);
}

static void
remove_guest (TiEventGuestList *self, TiEventGuest *guest)
{
  g_autoptr (TiEventGuest) held = g_object_ref (guest);
  g_autoptr (GError) error = NULL;
  g_autofree char *message = NULL;
  AdwToast *toast;
  guint position;

  if (self->database == NULL)
    return;
  if (!ti_events_remove_guest (self->database, held, &error))
    {
      ti_feedback_show_message (GTK_WIDGET (self), _("The Person Could Not Be Taken Off"),
                                error->message);
      return;
    }
  message = g_strdup_printf (_("Took %s off the list"), ti_event_guest_get_name (held));
  toast = ti_feedback_undo_toast (message);
  g_object_set_data_full (G_OBJECT (toast), "guest", g_object_ref (held), g_object_unref);
  g_object_set_data_full (G_OBJECT (toast), "database", g_object_ref (self->database),
                          g_object_unref);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo_remove_cb), self, 0);
  if (g_list_store_find (self->guests, held, &position))
    g_list_store_remove (self->guests, position);
  ti_feedback_add_toast (GTK_WIDGET (self), toast);
  changed (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
}

/* Inviting one person ---------------------------------------------------------------------- */

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
  add_guest (self, guest);
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

/* Inviting many, after saying how many, with Undo ---------------------------------------- */

static void
set_inviting (TiEventGuestList *self, gboolean inviting)
{
  for (guint i = 0; i < G_N_ELEMENTS (invite_actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), invite_actions[i], !inviting);
}

static void
uninvited_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  g_autoptr (TiEventGuestList) self = data;
  g_autoptr (GError) error = NULL;
  g_autofree char *n = NULL;
  g_autofree char *message = NULL;
  guint removed = 0;

  set_inviting (self, FALSE);
  if (!ti_events_uninvite_finish (result, &removed, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        ti_feedback_show_message (GTK_WIDGET (self), _("The Invitations Could Not Be Undone"),
                                  error->message);
      return;
    }
  n = ti_format_count (removed);
  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Took %s invitation back",
                                          "Took %s invitations back", removed),
                             n);
  ti_feedback_toast (GTK_WIDGET (self), message);
  if (removed > 0)
    {
      reload (self);
      g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
    }
}

static void
undo_invite_cb (AdwToast *toast, TiEventGuestList *self)
{
  TiEventInvitations *batch = g_object_get_data (G_OBJECT (toast), "batch");
  TiDatabase *database = g_object_get_data (G_OBJECT (toast), "database");

  set_inviting (self, TRUE);
  ti_events_uninvite_async (ti_database_get_path (database), batch, NULL, uninvited_cb,
                            g_object_ref (self));
}

static void
invited_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  g_autoptr (TiEventGuestList) self = data;
  g_autoptr (GError) error = NULL;
  g_autoptr (TiEventInvitations) batch = ti_events_invite_group_finish (result, &error);
  gboolean champions = self->inviting == TI_EVENT_INVITE_ACTIVE_CHAMPIONS;
  g_autofree char *n = NULL;
  g_autofree char *message = NULL;
  AdwToast *toast;
  guint added;

  set_inviting (self, FALSE);
  if (batch == NULL)
    {
      ti_feedback_show_message (GTK_WIDGET (self), _("The People Could Not Be Invited"),
                                error->message);
      return;
    }
  added = batch->person_ids->len;
  if (added == 0)
    {
      ti_feedback_toast (GTK_WIDGET (self), _("Everyone is already on the list."));
      return;
    }
  n = ti_format_count (added);
  if (champions)
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Invited %s active champion",
                                            "Invited %s active champions", added),
                               n);
  else
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Invited %s person",
                                            "Invited %s people", added),
                               n);
  toast = ti_feedback_undo_toast (message);
  g_object_set_data_full (G_OBJECT (toast), "batch", g_steal_pointer (&batch),
                          (GDestroyNotify) ti_event_invitations_free);
  if (self->database != NULL)
    g_object_set_data_full (G_OBJECT (toast), "database", g_object_ref (self->database),
                            g_object_unref);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo_invite_cb), self, 0);
  ti_feedback_add_toast (GTK_WIDGET (self), toast);
  reload (self);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

/* Starts inviting @group in a worker; the list is read again once, when it is done. */
static void
invite_group (TiEventGuestList *self, TiEventInviteGroup group, gint64 organisation_id)
{
  if (self->database == NULL)
    return;
  set_inviting (self, TRUE);
  self->inviting = group;
  ti_events_invite_group_async (ti_database_get_path (self->database), self->event_id, group,
                                organisation_id, NULL, invited_cb, g_object_ref (self));
}

static void
champions_response_cb (AdwMessageDialog *dialog, const char *response, TiEventGuestList *self)
{
  if (g_strcmp0 (response, "invite") == 0)
    invite_group (self, TI_EVENT_INVITE_ACTIVE_CHAMPIONS, 0);
}

static AdwMessageDialog *
confirm_dialog_new (TiEventGuestList *self, const char *heading, const char *body)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (
    adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading, body));

  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "invite", _("_Invite"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "invite", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_close_response (dialog, "cancel");
  return dialog;
}

static void
invite_champions_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  TiEventGuestList *self = TI_EVENT_GUEST_LIST (widget);
  g_autoptr (GError) error = NULL;
  g_autofree char *n = NULL;
  g_autofree char *heading = NULL;
  AdwMessageDialog *dialog;
  guint count = 0;

  if (self->database == NULL)
    return;
  if (!ti_events_count_invitable (self->database, self->event_id,
                                  TI_EVENT_INVITE_ACTIVE_CHAMPIONS, 0, &count, &error))
    {
      ti_feedback_show_message (widget, _("The Champions Could Not Be Invited"), error->message);
      return;
    }
  if (count == 0)
    {
      ti_feedback_toast (widget, _("Every active champion is already on the list."));
      return;
    }
  n = ti_format_count (count);
  heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Invite %s Active Champion?",
                                          "Invite %s Active Champions?", count),
                             n);
  dialog = confirm_dialog_new (
    self, heading,
    _("Every active champion who is not on the list yet is invited; people whose details "
      "were erased never are. You can undo this from the message that follows."));
  adw_message_dialog_set_default_response (dialog, "invite");
  g_signal_connect_object (dialog, "response", G_CALLBACK (champions_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The organisation dialog: nothing chosen at first, and Invite says how many once it is. */
static void
organisation_selected_cb (GtkDropDown *dropdown, GParamSpec *pspec, AdwMessageDialog *dialog)
{
  TiEventGuestList *self = g_object_get_data (G_OBJECT (dialog), "list");
  TiOrganisation *organisation = gtk_drop_down_get_selected_item (dropdown);
  g_autoptr (GError) error = NULL;
  g_autofree char *n = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  guint count = 0;

  if (organisation == NULL || self == NULL || self->database == NULL)
    return;
  if (!ti_events_count_invitable (self->database, self->event_id, TI_EVENT_INVITE_ORGANISATION,
                                  ti_organisation_get_id (organisation), &count, &error))
    {
      adw_message_dialog_set_body (dialog, error->message);
      adw_message_dialog_set_response_enabled (dialog, "invite", FALSE);
      return;
    }
  n = ti_format_count (count);
  if (count == 0)
    {
      heading = g_strdup (_("Invite an Organisation?"));
      body = g_strdup_printf (_("Everyone at %s and its directorates is already on the list."),
                              ti_organisation_get_name (organisation));
    }
  else
    {
      heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Invite %s Person?",
                                              "Invite %s People?", count),
                                 n);
      body = g_strdup_printf (
        g_dngettext (GETTEXT_PACKAGE,
                     "%s person at %s or one of its directorates is not on the list yet. You "
                     "can undo this from the message that follows.",
                     "%s people at %s or one of its directorates are not on the list yet. You "
                     "can undo this from the message that follows.",
                     count),
        n, ti_organisation_get_name (organisation));
    }
  adw_message_dialog_set_heading (dialog, heading);
  adw_message_dialog_set_body (dialog, body);
  adw_message_dialog_set_response_enabled (dialog, "invite", count > 0);
  adw_message_dialog_set_default_response (dialog, count > 0 ? "invite" : "cancel");
}

static void
organisation_response_cb (AdwMessageDialog *dialog, const char *response, TiEventGuestList *self)
{
  GtkDropDown *dropdown = g_object_get_data (G_OBJECT (dialog), "dropdown");
  TiOrganisation *organisation = gtk_drop_down_get_selected_item (dropdown);

  if (g_strcmp0 (response, "invite") == 0 && organisation != NULL)
    invite_group (self, TI_EVENT_INVITE_ORGANISATION, ti_organisation_get_id (organisation));
}

/* GTK 4.8 leaves focus on the button when a searchable dropdown opens: move it to the
 * search field, so that typing finds an organisation at once. */
static void
popover_shown_cb (GtkWidget *popover)
{
  GtkWidget *entry = popover;

  while (entry != NULL && !GTK_IS_SEARCH_ENTRY (entry))
    entry = gtk_widget_get_first_child (entry);
  if (entry == NULL)
    {
      /* Not the first child all the way down: look through the popover's widgets. */
      GtkWidget *stack[64];
      guint depth = 0;

      stack[depth++] = popover;
      while (depth > 0 && entry == NULL)
        {
          GtkWidget *widget = stack[--depth];

          if (GTK_IS_SEARCH_ENTRY (widget))
            entry = widget;
          for (GtkWidget *child = gtk_widget_get_first_child (widget);
               child != NULL && depth < G_N_ELEMENTS (stack);
               child = gtk_widget_get_next_sibling (child))
            stack[depth++] = child;
        }
    }
  if (entry != NULL)
    gtk_widget_grab_focus (entry);
}

static void
focus_search_when_open (GtkWidget *dropdown)
{
  for (GtkWidget *child = gtk_widget_get_first_child (dropdown); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_POPOVER (child))
      g_signal_connect (child, "show", G_CALLBACK (popover_shown_cb), NULL);
}

static void
invite_organisation_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  TiEventGuestList *self = TI_EVENT_GUEST_LIST (widget);
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
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), GTK_INVALID_LIST_POSITION);
  gtk_widget_set_tooltip_text (dropdown, _("Choose an organisation"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Organisation"), -1);
  focus_search_when_open (dropdown);
  dialog = confirm_dialog_new (
    self, _("Invite an Organisation?"),
    _("Choose an organisation: everyone there and at its directorates who is not on the list "
      "yet is invited, and you will see how many before you do."));
  adw_message_dialog_set_extra_child (dialog, dropdown);
  adw_message_dialog_set_response_enabled (dialog, "invite", FALSE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  g_object_set_data (G_OBJECT (dialog), "dropdown", dropdown);
  g_object_set_data_full (G_OBJECT (dialog), "list", g_object_ref (self), g_object_unref);
  g_signal_connect (dropdown, "notify::selected", G_CALLBACK (organisation_selected_cb), dialog);
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
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->disposing = TRUE;
  if (self->list_view != NULL)
    gtk_list_view_set_model (self->list_view, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), TI_TYPE_EVENT_GUEST_LIST);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->shown);
  g_clear_object (&self->guests);
  g_clear_object (&self->database);

  G_OBJECT_CLASS (ti_event_guest_list_parent_class)->dispose (object);
}

static void
ti_event_guest_list_finalize (GObject *object)
{
  TiEventGuestList *self = TI_EVENT_GUEST_LIST (object);

  g_free (self->search);

  G_OBJECT_CLASS (ti_event_guest_list_parent_class)->finalize (object);
}

static void
ti_event_guest_list_class_init (TiEventGuestListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ti_event_guest_list_dispose;
  object_class->finalize = ti_event_guest_list_finalize;

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
  gtk_widget_class_bind_template_child (widget_class, TiEventGuestList, find_box);
  gtk_widget_class_bind_template_child (widget_class, TiEventGuestList, search_entry);
  gtk_widget_class_bind_template_child (widget_class, TiEventGuestList, show_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TiEventGuestList, stack);
  gtk_widget_class_bind_template_child (widget_class, TiEventGuestList, spinner);
  gtk_widget_class_bind_template_child (widget_class, TiEventGuestList, error_page);
  gtk_widget_class_bind_template_child (widget_class, TiEventGuestList, list_view);
  gtk_widget_class_bind_template_callback (widget_class, find_changed_cb);
  gtk_widget_class_install_action (widget_class, "guests.invite", NULL, invite_activated);
  gtk_widget_class_install_action (widget_class, "guests.invite-champions", NULL,
                                   invite_champions_activated);
  gtk_widget_class_install_action (widget_class, "guests.invite-organisation", NULL,
                                   invite_organisation_activated);
}

static void
ti_event_guest_list_init (TiEventGuestList *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkNoSelection *selection;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->guests = g_list_store_new (TI_TYPE_EVENT_GUEST);
  self->filter = gtk_custom_filter_new (NULL, NULL, NULL);
  self->shown = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->guests)),
                                           GTK_FILTER (self->filter));
  /* Searching thousands of guests goes on in steps between frames. */
  gtk_filter_list_model_set_incremental (self->shown, TRUE);
  g_signal_connect_swapped (self->shown, "items-changed", G_CALLBACK (shown_changed_cb), self);
  g_signal_connect_swapped (self->shown, "notify::pending", G_CALLBACK (shown_changed_cb), self);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row_cb), self);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->shown)));
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);
  update_count (self);
}
