/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ti-event-page"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "ti-event-guest-list.h"
#include "ti-event-page.h"
#include "ti-events.h"
#include "ti-feedback.h"
#include "ti-format.h"

/**
 * TiEventPage:
 *
 * One network event, as the coordinator would show it to the board: what, when and where;
 * the event in figures (invited, attended, first-timers, feedback); its description and the
 * best practice shared; who came (organisations and sectors) and what their feedback was
 * about; the speakers, edited here; and the list of people, where invitations and attendance
 * are recorded. Its figures follow every change, after which it emits #TiEventPage::changed.
 */
struct _TiEventPage
{
  GtkWidget parent_instance;

  TiDatabase *database;
  TiEvent *event;

  GtkScrolledWindow *scroller;
  GtkLabel *title_label;
  GtkLabel *subtitle_label;
  GtkLabel *invited_value;
  GtkLabel *attended_value;
  GtkLabel *attended_label;
  GtkLabel *first_value;
  GtkLabel *feedback_value;
  GtkLabel *feedback_label;
  GtkLabel *figures_note;
  AdwActionRow *kind_value;
  AdwActionRow *when_value;
  AdwActionRow *venue_value;
  AdwActionRow *link_value;
  GtkLabel *description_label;
  GtkLabel *best_practice_label;
  GtkLabel *reach_label;
  AdwExpanderRow *organisations_row;
  GPtrArray *organisation_rows; /* the rows in organisations_row, to take out again */
  AdwActionRow *sectors_value;
  AdwActionRow *themes_value;
  GtkListBox *speakers_list;
  TiEventGuestList *guest_list;
};

G_DEFINE_FINAL_TYPE (TiEventPage, ti_event_page, GTK_TYPE_WIDGET)

enum
{
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *const reach_keys[] = { "local", "national", "international" };

static gboolean
has_text (const char *text)
{
  return text != NULL && *text != '\0';
}

static void
set_fact (AdwActionRow *row, const char *text)
{
  adw_action_row_set_subtitle (row, text != NULL && *text != '\0' ? text : "—");
}

static void
set_text (GtkLabel *label, const char *text, const char *none)
{
  gboolean empty = text == NULL || *text == '\0';

  gtk_label_set_text (label, empty ? none : text);
  if (empty)
    gtk_widget_add_css_class (GTK_WIDGET (label), "dim-label");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (label), "dim-label");
}

static char *
people_text (guint count)
{
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u person", "%u people", count), count);
}

/* One short line each, most first: "Council · 2 people". */
static char *
tallies_lines (GPtrArray *tallies)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < tallies->len; i++)
    {
      TiEventTally *tally = g_ptr_array_index (tallies, i);
      g_autofree char *people = people_text (tally->count);

      if (i > 0)
        g_string_append_c (text, '\n');
      /* Translators: something counted and how many people: "Council · 2 people" */
      g_string_append_printf (text, _("%s · %s"), tally->label, people);
    }
  return g_string_free (text, FALSE);
}

/* "Somerset Council (2), Wellsway Primary School (1), Children's Services (1) and 39 more" */
static char *
top_organisations_text (GPtrArray *tallies)
{
  const guint shown = MIN (tallies->len, 3);
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < shown; i++)
    {
      TiEventTally *tally = g_ptr_array_index (tallies, i);

      if (i > 0)
        /* Translators: between the names of organisations, which may hold commas */
        g_string_append (text, _("; "));
      /* Translators: an organisation and how many people came from it: "Somerset Council (2)" */
      g_string_append_printf (text, _("%s (%u)"), tally->label, tally->count);
    }
  if (tallies->len > shown)
    {
      g_autofree char *top = g_string_free (g_steal_pointer (&text), FALSE);

      /* Translators: the organisations with most people, then how many others */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s and %u more", "%s and %u more",
                                           tallies->len - shown),
                              top, tallies->len - shown);
    }
  return g_string_free (text, FALSE);
}

static void
show_organisations (TiEventPage *self, GPtrArray *tallies)
{
  g_autofree char *top = top_organisations_text (tallies);

  for (guint i = 0; i < self->organisation_rows->len; i++)
    adw_expander_row_remove (self->organisations_row,
                             g_ptr_array_index (self->organisation_rows, i));
  g_ptr_array_set_size (self->organisation_rows, 0);
  for (guint i = 0; i < tallies->len; i++)
    {
      TiEventTally *tally = g_ptr_array_index (tallies, i);
      g_autofree char *people = people_text (tally->count);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *count = gtk_label_new (people);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), tally->label);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      gtk_widget_add_css_class (count, "dim-label");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), count);
      adw_expander_row_add_row (self->organisations_row, row);
      g_ptr_array_add (self->organisation_rows, row);
    }
  adw_expander_row_set_subtitle (self->organisations_row,
                                 tallies->len > 0
                                   ? top
                                   : _("None yet: no one has been marked as attended."));
  adw_expander_row_set_enable_expansion (self->organisations_row, tallies->len > 0);
  if (tallies->len == 0)
    adw_expander_row_set_expanded (self->organisations_row, FALSE);
}

static void
show_reach (TiEventPage *self, guint organisations, guint sectors)
{
  g_autofree char *organisations_text = g_strdup_printf (
    g_dngettext (GETTEXT_PACKAGE, "%u organisation", "%u organisations", organisations),
    organisations);
  g_autofree char *sectors_text = g_strdup_printf (
    g_dngettext (GETTEXT_PACKAGE, "%u sector", "%u sectors", sectors), sectors);
  /* Translators: the event's reach, "42 organisations · 7 sectors" */
  g_autofree char *text = g_strdup_printf (_("%s · %s"), organisations_text, sectors_text);

  gtk_label_set_text (self->reach_label, text);
}

static void
show_facts (TiEventPage *self)
{
  TiEvent *e = self->event;
  g_autofree char *subtitle = NULL;

  /* Translators: kind, date and time, place: "Launch · 26 Jan 2023, 10:00 · County Hall" */
  subtitle = g_strdup_printf (_("%s · %s · %s"), ti_event_get_kind (e), ti_event_get_when (e),
                              ti_event_get_place (e));
  gtk_label_set_text (self->title_label, ti_event_get_title (e));
  gtk_label_set_text (self->subtitle_label, subtitle);
  set_fact (self->kind_value, ti_event_get_kind (e));
  set_fact (self->when_value, ti_event_get_when (e));
  set_fact (self->venue_value, ti_event_get_venue (e));
  set_fact (self->link_value, ti_event_get_online_link (e));
  /* An online event has no venue, and most in person no link: no row of dashes for the board. */
  gtk_widget_set_visible (GTK_WIDGET (self->venue_value), has_text (ti_event_get_venue (e)));
  gtk_widget_set_visible (GTK_WIDGET (self->link_value), has_text (ti_event_get_online_link (e)));
  set_text (self->description_label, ti_event_get_description (e),
            _("No description yet: Edit says what the event was about."));
  set_text (self->best_practice_label, ti_event_get_best_practice (e),
            _("Nothing recorded yet: Edit records the themes and examples partners shared."));
}

static void
show_figures (TiEventPage *self, const TiEventSummary *s)
{
  g_autofree char *invited = ti_format_count (s->invited);
  g_autofree char *attended = ti_format_count (s->attended);
  g_autofree char *attended_label = NULL;
  g_autofree char *first = ti_format_count (s->first_timers);
  g_autofree char *feedback = isnan (s->feedback_mean) ? g_strdup ("—")
                                                       : ti_format_decimal (s->feedback_mean, 1,
                                                                            FALSE);
  g_autofree char *feedback_label = NULL;
  g_autofree char *note = NULL;
  g_autofree char *sectors = tallies_lines (s->sectors);
  g_autofree char *themes = tallies_lines (s->themes);

  attended_label = g_strdup_printf (_("Attended (%u of those invited)"), s->invited_attended);
  feedback_label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Mean feedback, 1–5 (%u rating)",
                                                 "Mean feedback, 1–5 (%u ratings)",
                                                 s->feedback_count),
                                    s->feedback_count);
  note = g_strdup (_("First-time attendees came to no earlier event. Feedback counts only from "
                     "people who attended."));

  gtk_label_set_text (self->invited_value, invited);
  gtk_label_set_text (self->attended_value, attended);
  gtk_label_set_text (self->attended_label, attended_label);
  gtk_label_set_text (self->first_value, first);
  gtk_label_set_text (self->feedback_value, feedback);
  gtk_label_set_text (self->feedback_label, feedback_label);
  gtk_label_set_text (self->figures_note, note);
  show_organisations (self, s->organisations);
  set_fact (self->sectors_value, sectors);
  set_fact (self->themes_value, themes);
}

/* Speakers --------------------------------------------------------------------------------- */

static void edit_speaker_clicked_cb (GtkButton *button, TiEventPage *self);
static void remove_speaker_clicked_cb (GtkButton *button, TiEventPage *self);

static GtkWidget *
speaker_button_new (TiEventPage *self, const TiEventSpeaker *speaker, const char *icon,
                    const char *format, GCallback callback)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);
  g_autofree char *label = g_strdup_printf (format, speaker->name);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  g_object_set_data_full (G_OBJECT (button), "speaker", ti_event_speaker_copy (speaker),
                          (GDestroyNotify) ti_event_speaker_free);
  g_signal_connect_object (button, "clicked", callback, self, 0);
  return button;
}

static GtkWidget *
speaker_row_new (TiEventPage *self, const TiEventSpeaker *speaker)
{
  GtkWidget *row = adw_action_row_new ();
  g_autoptr (GPtrArray) parts = g_ptr_array_new ();
  g_autofree char *subtitle = NULL;

  if (speaker->affiliation != NULL)
    g_ptr_array_add (parts, speaker->affiliation);
  g_ptr_array_add (parts, (char *) ti_event_reach_label (speaker->reach));
  if (speaker->topic != NULL)
    g_ptr_array_add (parts, speaker->topic);
  g_ptr_array_add (parts, NULL);
  subtitle = g_strjoinv (" · ", (char **) parts->pdata);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), speaker->name);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             speaker_button_new (self, speaker, "document-edit-symbolic",
                                                 _("Edit %s"), G_CALLBACK (edit_speaker_clicked_cb)));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             speaker_button_new (self, speaker, "user-trash-symbolic",
                                                 _("Remove %s"),
                                                 G_CALLBACK (remove_speaker_clicked_cb)));
  return row;
}

static gboolean
show_speakers (TiEventPage *self, GError **error)
{
  g_autoptr (GPtrArray) speakers = ti_events_list_speakers (self->database,
                                                            ti_event_get_id (self->event), error);
  GtkListBoxRow *row;

  if (speakers == NULL)
    return FALSE;
  /* Row by row: the list's first child may be its placeholder, which stays. */
  while ((row = gtk_list_box_get_row_at_index (self->speakers_list, 0)) != NULL)
    gtk_list_box_remove (self->speakers_list, GTK_WIDGET (row));
  for (guint i = 0; i < speakers->len; i++)
    gtk_list_box_append (self->speakers_list,
                         speaker_row_new (self, g_ptr_array_index (speakers, i)));
  return TRUE;
}

/* Reads the event, its figures and its speakers again: another event from its top, the same
 * one where the person had scrolled to. */
static gboolean
refresh (TiEventPage *self, gint64 event_id, GError **error)
{
  g_autoptr (TiEvent) event = ti_events_get (self->database, event_id, error);
  g_auto (TiEventSummary) summary = { 0 };
  gboolean another = self->event == NULL || ti_event_get_id (self->event) != event_id;
  guint organisations, sectors;

  if (event == NULL || !ti_events_get_summary (self->database, event_id, &summary, error)
      || !ti_events_count_reach (self->database, event_id, &organisations, &sectors, error))
    return FALSE;
  g_set_object (&self->event, event);
  show_facts (self);
  show_figures (self, &summary);
  show_reach (self, organisations, sectors);
  if (another)
    gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
  return show_speakers (self, error);
}

static void
changed (TiEventPage *self)
{
  g_autoptr (GError) error = NULL;

  if (self->event != NULL && !refresh (self, ti_event_get_id (self->event), &error))
    ti_feedback_show_message (GTK_WIDGET (self), _("The Event Could Not Be Shown"),
                              error->message);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

static void
guests_changed_cb (TiEventPage *self)
{
  changed (self);
}

/* The speaker dialog: name, affiliation, reach and topic; Save needs a name. */
static void
speaker_name_changed_cb (GtkEditable *name, AdwMessageDialog *dialog)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (name)));

  adw_message_dialog_set_response_enabled (dialog, "save", *text != '\0');
}

static void
speaker_response_cb (AdwMessageDialog *dialog, const char *response, TiEventPage *self)
{
  TiEventSpeaker *speaker = g_object_get_data (G_OBJECT (dialog), "speaker");
  GtkEditable *name = g_object_get_data (G_OBJECT (dialog), "name");
  GtkEditable *affiliation = g_object_get_data (G_OBJECT (dialog), "affiliation");
  GtkEditable *topic = g_object_get_data (G_OBJECT (dialog), "topic");
  GtkDropDown *reach = g_object_get_data (G_OBJECT (dialog), "reach");
  g_autoptr (GError) error = NULL;
  TiEventSpeaker edit = *speaker;

  if (g_strcmp0 (response, "save") != 0 || self->database == NULL)
    return;
  edit.name = (char *) gtk_editable_get_text (name);
  edit.affiliation = (char *) gtk_editable_get_text (affiliation);
  edit.topic = (char *) gtk_editable_get_text (topic);
  edit.reach = (char *) reach_keys[MIN (gtk_drop_down_get_selected (reach), 2)];
  if (!ti_events_save_speaker (self->database, &edit, NULL, &error))
    {
      ti_feedback_show_message (GTK_WIDGET (self), _("The Speaker Could Not Be Saved"),
                                error->message);
      return;
    }
  changed (self);
}

static GtkWidget *
speaker_entry_new (GtkWidget *box, const char *placeholder, const char *text)
{
  GtkWidget *entry = gtk_entry_new ();

  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), placeholder);
  gtk_editable_set_text (GTK_EDITABLE (entry), text ? text : "");
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  placeholder, -1);
  gtk_box_append (GTK_BOX (box), entry);
  return entry;
}

static void
open_speaker_dialog (TiEventPage *self, const TiEventSpeaker *speaker)
{
  static const char *reaches[4] = { NULL };
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *name, *reach;
  AdwMessageDialog *dialog;

  for (guint i = 0; i < G_N_ELEMENTS (reach_keys); i++)
    reaches[i] = ti_event_reach_label (reach_keys[i]);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (
    GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
    speaker->id > 0 ? _("Edit Speaker") : _("Add a Speaker"),
    _("A guest speaker is named on the event’s record only, not added to the people of the "
      "programme.")));
  name = speaker_entry_new (box, _("Name"), speaker->name);
  speaker_entry_new (box, _("Affiliation"), speaker->affiliation);
  reach = gtk_drop_down_new_from_strings (reaches);
  gtk_accessible_update_property (GTK_ACCESSIBLE (reach), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Reach: local, national or international"), -1);
  for (guint i = 0; i < G_N_ELEMENTS (reach_keys); i++)
    if (g_strcmp0 (reach_keys[i], speaker->reach) == 0)
      gtk_drop_down_set_selected (GTK_DROP_DOWN (reach), i);
  gtk_box_append (GTK_BOX (box), reach);
  speaker_entry_new (box, _("Topic"), speaker->topic);

  g_object_set_data (G_OBJECT (dialog), "name", name);
  g_object_set_data (G_OBJECT (dialog), "affiliation", gtk_widget_get_next_sibling (name));
  g_object_set_data (G_OBJECT (dialog), "reach", reach);
  g_object_set_data (G_OBJECT (dialog), "topic", gtk_widget_get_next_sibling (reach));
  g_object_set_data_full (G_OBJECT (dialog), "speaker", ti_event_speaker_copy (speaker),
                          (GDestroyNotify) ti_event_speaker_free);
  adw_message_dialog_set_extra_child (dialog, box);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "save", _("_Save"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "save");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (name, "changed", G_CALLBACK (speaker_name_changed_cb), dialog, 0);
  speaker_name_changed_cb (GTK_EDITABLE (name), dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (speaker_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (name);
}

static void
add_speaker_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  TiEventPage *self = TI_EVENT_PAGE (widget);
  TiEventSpeaker speaker = { .reach = (char *) "local" };

  if (self->event == NULL)
    return;
  speaker.event_id = ti_event_get_id (self->event);
  open_speaker_dialog (self, &speaker);
}

static void
edit_speaker_clicked_cb (GtkButton *button, TiEventPage *self)
{
  open_speaker_dialog (self, g_object_get_data (G_OBJECT (button), "speaker"));
}

static void
undo_remove_speaker_cb (AdwToast *toast, TiEventPage *self)
{
  TiEventSpeaker *speaker = g_object_get_data (G_OBJECT (toast), "speaker");
  TiDatabase *database = g_object_get_data (G_OBJECT (toast), "database");
  g_autoptr (GError) error = NULL;

  if (!ti_events_restore_speaker (database, speaker, &error))
    ti_feedback_show_message (GTK_WIDGET (self), _("The Speaker Could Not Be Put Back"),
                              error->message);
  else if (database == self->database)
    changed (self);
}

static void
remove_speaker_clicked_cb (GtkButton *button, TiEventPage *self)
{
  TiEventSpeaker *speaker = g_object_get_data (G_OBJECT (button), "speaker");
  g_autoptr (TiEventSpeaker) removed = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *message = NULL;
  AdwToast *toast;

  if (self->database == NULL
      || !ti_events_remove_speaker (self->database, speaker->id, &removed, &error))
    {
      if (error != NULL)
        ti_feedback_show_message (GTK_WIDGET (self), _("The Speaker Could Not Be Removed"),
                                  error->message);
      return;
    }
  message = g_strdup_printf (_("Removed %s"), removed->name);
  toast = ti_feedback_undo_toast (message);
  g_object_set_data_full (G_OBJECT (toast), "speaker", g_steal_pointer (&removed),
                          (GDestroyNotify) ti_event_speaker_free);
  g_object_set_data_full (G_OBJECT (toast), "database", g_object_ref (self->database),
                          g_object_unref);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo_remove_speaker_cb), self, 0);
  ti_feedback_add_toast (GTK_WIDGET (self), toast);
  changed (self);
}

/**
 * ti_event_page_show:
 * @database: the open programme
 * @event_id: the event
 *
 * Shows the event, read again from @database with its speakers and list (quick: one event):
 * another event from its top, the one shown again where it was scrolled to.
 *
 * Returns: %FALSE with @error set when it could not be read (or is no longer there)
 */
gboolean
ti_event_page_show (TiEventPage *self, TiDatabase *database, gint64 event_id, GError **error)
{
  g_return_val_if_fail (TI_IS_EVENT_PAGE (self), FALSE);
  g_return_val_if_fail (TI_IS_DATABASE (database), FALSE);

  if (database != self->database)
    g_clear_object (&self->event); /* another programme: another event, whatever its id */
  g_set_object (&self->database, database);
  if (!refresh (self, event_id, error))
    return FALSE;
  ti_event_guest_list_show (self->guest_list, database, event_id);
  return TRUE;
}

/**
 * ti_event_page_get_event:
 *
 * Returns: (transfer none) (nullable): the event shown, as last read
 */
TiEvent *
ti_event_page_get_event (TiEventPage *self)
{
  g_return_val_if_fail (TI_IS_EVENT_PAGE (self), NULL);
  return self->event;
}

static void
ti_event_page_dispose (GObject *object)
{
  TiEventPage *self = TI_EVENT_PAGE (object);
  GtkWidget *child;

  g_clear_object (&self->database);
  g_clear_object (&self->event);
  g_clear_pointer (&self->organisation_rows, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), TI_TYPE_EVENT_PAGE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (ti_event_page_parent_class)->dispose (object);
}

#define BIND(name) gtk_widget_class_bind_template_child (widget_class, TiEventPage, name)

static void
ti_event_page_class_init (TiEventPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ti_event_page_dispose;

  /**
   * TiEventPage::changed:
   *
   * The event's speakers or list were changed (and saved).
   */
  signals[SIGNAL_CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (TI_TYPE_EVENT_GUEST_LIST);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ti-event-page.ui");
  BIND (scroller);
  BIND (title_label);
  BIND (subtitle_label);
  BIND (invited_value);
  BIND (attended_value);
  BIND (attended_label);
  BIND (first_value);
  BIND (feedback_value);
  BIND (feedback_label);
  BIND (figures_note);
  BIND (kind_value);
  BIND (when_value);
  BIND (venue_value);
  BIND (link_value);
  BIND (description_label);
  BIND (best_practice_label);
  BIND (reach_label);
  BIND (organisations_row);
  BIND (sectors_value);
  BIND (themes_value);
  BIND (speakers_list);
  BIND (guest_list);
  gtk_widget_class_bind_template_callback (widget_class, guests_changed_cb);
  gtk_widget_class_install_action (widget_class, "event.add-speaker", NULL,
                                   add_speaker_activated);
}

static void
ti_event_page_init (TiEventPage *self)
{
  GtkWidget *placeholder;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->organisation_rows = g_ptr_array_new ();

  /* An empty boxed list would say nothing: say what to do instead. */
  placeholder = gtk_label_new (_("No speakers yet — add the guest speakers with Add Speaker."));
  gtk_label_set_wrap (GTK_LABEL (placeholder), TRUE);
  gtk_label_set_xalign (GTK_LABEL (placeholder), 0);
  gtk_widget_set_margin_top (placeholder, 12);
  gtk_widget_set_margin_bottom (placeholder, 12);
  gtk_widget_set_margin_start (placeholder, 12);
  gtk_widget_set_margin_end (placeholder, 12);
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_list_box_set_placeholder (self->speakers_list, placeholder);
}
