/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ti-person-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "ti-format.h"
#include "ti-organisation.h"
#include "ti-organisations.h"
#include "ti-feedback.h"
#include "ti-person-editor.h"
#include "ti-vocabulary.h"

/**
 * TiPersonEditor:
 *
 * Adds or edits one person. On saving, every field at fault is marked at once, one
 * message under each, and the first takes the focus. Emits #TiPersonEditor::saved with
 * the person's id.
 */

/* The fields that can be refused, each with the message row under it. */
typedef enum
{
  FIELD_NAME,
  FIELD_EMAIL,
  FIELD_ORGANISATION,
  FIELD_LOCALITY,
  FIELD_CHAMPION_SINCE,
  FIELD_STATUS,
  FIELD_CONTACT_ON,
  FIELD_DIRECTORY_ON,
  N_FIELDS
} Field;

struct _TiPersonEditor
{
  TiEditorWindow parent_instance;

  TiDatabase *database;
  GListModel *organisations;
  gint64 id;
  char *role;
  char *initial_values; /* what the fields held when opened, to know whether anything changed */
  char *saved_email;

  TiEditorField fields[N_FIELDS];
  GtkDropDown *organisation_dropdown;
  GtkEditable *job_title_row;
  GtkSwitch *champion_switch;
  GtkTextView *notes_view;
  GtkSwitch *contact_consent_switch;
  GtkEditable *contact_how_row;
  GtkSwitch *directory_consent_switch;
  GtkEditable *directory_how_row;
};

G_DEFINE_FINAL_TYPE (TiPersonEditor, ti_person_editor, TI_TYPE_EDITOR_WINDOW)

enum
{
  SIGNAL_SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Keys of the status choices, in the .ui's order. */
static const char *const status_keys[] = { "active", "paused", "stepped_down" };

static const char *
field_text (TiPersonEditor *self, Field field)
{
  return gtk_editable_get_text (GTK_EDITABLE (self->fields[field].row));
}

static void
set_field_text (TiPersonEditor *self, Field field, const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (self->fields[field].row), text ? text : "");
}

static char *
notes_text (TiPersonEditor *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->notes_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static gint64
selected_organisation_id (TiPersonEditor *self)
{
  TiOrganisation *organisation = gtk_drop_down_get_selected_item (self->organisation_dropdown);

  return organisation != NULL ? ti_organisation_get_id (organisation) : 0;
}

static void
select_organisation (TiPersonEditor *self, gint64 id)
{
  guint n = self->organisations ? g_list_model_get_n_items (self->organisations) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (TiOrganisation) organisation = g_list_model_get_item (self->organisations, i);
      if (ti_organisation_get_id (organisation) == id)
        {
          gtk_drop_down_set_selected (self->organisation_dropdown, i);
          return;
        }
    }
  gtk_drop_down_set_selected (self->organisation_dropdown, GTK_INVALID_LIST_POSITION);
}

static const char *
selected_locality_key (TiPersonEditor *self)
{
  guint choice = adw_combo_row_get_selected (ADW_COMBO_ROW (self->fields[FIELD_LOCALITY].row));
  guint n_terms;
  const TiTerm *terms = ti_vocabulary_localities (&n_terms);

  /* The first choice is "Not recorded". */
  return choice >= 1 && choice <= n_terms ? terms[choice - 1].key : NULL;
}

static const char *
selected_status_key (TiPersonEditor *self)
{
  guint choice = adw_combo_row_get_selected (ADW_COMBO_ROW (self->fields[FIELD_STATUS].row));

  return status_keys[choice < G_N_ELEMENTS (status_keys) ? choice : 0];
}

/* Everything the fields hold, as one string: equal strings mean nothing changed. */
static char *
current_values (TiPersonEditor *self)
{
  g_autofree char *notes = notes_text (self);

  return g_strdup_printf (
    "%s\x1f%s\x1f%" G_GINT64_FORMAT "\x1f%s\x1f%s\x1f%d\x1f%s\x1f%s\x1f%s\x1f%d\x1f%s\x1f%s\x1f%d"
    "\x1f%s\x1f%s",
    field_text (self, FIELD_NAME), field_text (self, FIELD_EMAIL),
    selected_organisation_id (self), gtk_editable_get_text (self->job_title_row),
    selected_locality_key (self) ? selected_locality_key (self) : "",
    gtk_switch_get_active (self->champion_switch), field_text (self, FIELD_CHAMPION_SINCE),
    selected_status_key (self), notes, gtk_switch_get_active (self->contact_consent_switch),
    field_text (self, FIELD_CONTACT_ON), gtk_editable_get_text (self->contact_how_row),
    gtk_switch_get_active (self->directory_consent_switch), field_text (self, FIELD_DIRECTORY_ON),
    gtk_editable_get_text (self->directory_how_row));
}

/* Changed means different from when it opened: typing a field back as it was is no change. */
static void
update_changed (TiPersonEditor *self)
{
  g_autofree char *values = current_values (self);

  ti_editor_window_set_changed (TI_EDITOR_WINDOW (self),
                                g_strcmp0 (values, self->initial_values) != 0);
}

/* Validation messages ------------------------------------------------------------------ */

static void
clear_field_error (TiPersonEditor *self, Field field)
{
  ti_editor_window_clear_error (TI_EDITOR_WINDOW (self), self->fields[field].row,
                                self->fields[field].error_label);
}

static void
show_field_error (TiPersonEditor *self, Field field, const char *message, gboolean focus)
{
  /* The organisation's row holds a dropdown: the dropdown takes the focus. */
  ti_editor_window_show_error (TI_EDITOR_WINDOW (self), self->fields[field].row,
                               self->fields[field].error_label, message,
                               focus && field != FIELD_ORGANISATION);
  if (focus && field == FIELD_ORGANISATION)
    gtk_widget_grab_focus (GTK_WIDGET (self->organisation_dropdown));
}

static void
field_changed_cb (TiPersonEditor *self, GtkWidget *widget)
{
  /* A change to a field (or to the switch a date belongs to) takes its message away. */
  for (guint i = 0; i < N_FIELDS; i++)
    if (widget == self->fields[i].row
        || (i == FIELD_ORGANISATION && widget == GTK_WIDGET (self->organisation_dropdown))
        || (i == FIELD_CHAMPION_SINCE && widget == GTK_WIDGET (self->champion_switch))
        || (i == FIELD_CONTACT_ON && widget == GTK_WIDGET (self->contact_consent_switch))
        || (i == FIELD_DIRECTORY_ON && widget == GTK_WIDGET (self->directory_consent_switch)))
      clear_field_error (self, i);
  update_changed (self);
}

static void
field_notify_cb (TiPersonEditor *self, GParamSpec *pspec, GtkWidget *widget)
{
  field_changed_cb (self, widget);
}

static int
field_for_error (const GError *error)
{
  if (error->domain != TI_PEOPLE_ERROR)
    return -1;
  switch (error->code)
    {
    case TI_PEOPLE_ERROR_NAME:
      return FIELD_NAME;
    case TI_PEOPLE_ERROR_EMAIL:
      return FIELD_EMAIL;
    case TI_PEOPLE_ERROR_ORGANISATION:
      return FIELD_ORGANISATION;
    case TI_PEOPLE_ERROR_LOCALITY:
      return FIELD_LOCALITY;
    case TI_PEOPLE_ERROR_CHAMPION_SINCE:
      return FIELD_CHAMPION_SINCE;
    case TI_PEOPLE_ERROR_STATUS:
      return FIELD_STATUS;
    case TI_PEOPLE_ERROR_CONTACT_CONSENT_DATE:
      return FIELD_CONTACT_ON;
    case TI_PEOPLE_ERROR_DIRECTORY_CONSENT_DATE:
      return FIELD_DIRECTORY_ON;
    default:
      return -1;
    }
}

/* Saving ---------------------------------------------------------------------------------- */

/* Reads a date field when @needed. A date that cannot be read gives its message in
 * @messages, the field's slot, and a date that is not valid in @date. */
static void
read_date (TiPersonEditor *self, Field field, gboolean needed, GDate *date, char **messages)
{
  const char *text = field_text (self, field);

  g_date_clear (date, 1);
  if (!needed || *text == '\0')
    return;
  switch (ti_date_check (text, date))
    {
    case TI_DATE_OK:
      return;
    case TI_DATE_IMPOSSIBLE:
      {
        g_autofree char *trimmed = g_strstrip (g_strdup (text));
        /* Translators: a date as the person typed it, written right but with no such day. */
        messages[field] = g_strdup_printf (_("%s is not a real date."), trimmed);
      }
      break;
    case TI_DATE_MALFORMED:
    default:
      messages[field] = g_strdup (_("Enter the date as YYYY-MM-DD or DD/MM/YYYY."));
      break;
    }
  g_date_clear (date, 1);
}

/* Marks every field that has a message in @messages, focusing the first in the form.
 * Returns: whether any field was marked */
static gboolean
show_field_errors (TiPersonEditor *self, char **messages)
{
  gboolean focus = TRUE;

  for (guint i = 0; i < N_FIELDS; i++)
    if (messages[i] != NULL)
      {
        show_field_error (self, i, messages[i], focus);
        focus = FALSE;
      }
  return !focus;
}

static void
free_messages (char **messages)
{
  for (guint i = 0; i < N_FIELDS; i++)
    g_clear_pointer (&messages[i], g_free);
}

static gboolean
ti_person_editor_save (TiEditorWindow *window)
{
  TiPersonEditor *self = TI_PERSON_EDITOR (window);
  g_autofree char *notes = notes_text (self);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) problems = NULL;
  char *messages[N_FIELDS] = { NULL };
  const GError *unplaced = NULL;
  TiPersonEdit edit = { 0 };
  gboolean marked;
  gint64 id = 0;
  int field;

  for (guint i = 0; i < N_FIELDS; i++)
    clear_field_error (self, i);

  edit.id = self->id;
  edit.name = field_text (self, FIELD_NAME);
  edit.email = field_text (self, FIELD_EMAIL);
  edit.organisation_id = selected_organisation_id (self);
  edit.job_title = gtk_editable_get_text (self->job_title_row);
  edit.locality = selected_locality_key (self);
  edit.notes = notes;
  edit.role = self->role;
  edit.is_champion = gtk_switch_get_active (self->champion_switch);
  edit.status = selected_status_key (self);
  edit.contact_consent = gtk_switch_get_active (self->contact_consent_switch);
  edit.contact_consent_how = gtk_editable_get_text (self->contact_how_row);
  edit.directory_consent = gtk_switch_get_active (self->directory_consent_switch);
  edit.directory_consent_how = gtk_editable_get_text (self->directory_how_row);

  /* Every field at fault is marked at once: dates that cannot be read first, as they
   * are, then whatever the model refuses in the other fields. */
  read_date (self, FIELD_CHAMPION_SINCE, edit.is_champion, &edit.champion_since, messages);
  read_date (self, FIELD_CONTACT_ON, edit.contact_consent, &edit.contact_consent_on, messages);
  read_date (self, FIELD_DIRECTORY_ON, edit.directory_consent, &edit.directory_consent_on,
             messages);

  problems = ti_people_validate_all (self->database, &edit, &error);
  if (problems == NULL)
    {
      free_messages (messages);
      ti_feedback_show_message (GTK_WIDGET (self), _("The Person Could Not Be Saved"), error->message);
      return FALSE;
    }
  for (guint i = 0; i < problems->len; i++)
    {
      const GError *problem = g_ptr_array_index (problems, i);

      field = field_for_error (problem);
      if (field < 0)
        {
          if (unplaced == NULL)
            unplaced = problem;
        }
      else if (messages[field] == NULL)
        messages[field] = g_strdup (problem->message);
    }
  marked = show_field_errors (self, messages);
  free_messages (messages);
  if (unplaced != NULL)
    ti_feedback_show_message (GTK_WIDGET (self), _("The Person Could Not Be Saved"), unplaced->message);
  if (marked || unplaced != NULL)
    return FALSE;

  if (!ti_people_save (self->database, &edit, &id, &error))
    {
      field = field_for_error (error);
      if (field >= 0)
        show_field_error (self, field, error->message, TRUE);
      else
        ti_feedback_show_message (GTK_WIDGET (self), _("The Person Could Not Be Saved"), error->message);
      return FALSE;
    }

  self->saved_email = g_strstrip (g_strdup (edit.email));
  g_signal_emit (self, signals[SIGNAL_SAVED], 0, id);
  return TRUE;
}

/* A new organisation, created from the editor ---------------------------------------- */

static gboolean
load_organisations (TiPersonEditor *self, GError **error)
{
  g_autoptr (GListModel) organisations = ti_organisations_list_choices (self->database, error);

  if (organisations == NULL)
    return FALSE;
  g_set_object (&self->organisations, organisations);
  gtk_drop_down_set_model (self->organisation_dropdown, organisations);
  return TRUE;
}

static GListModel *
vocabulary_model (const TiTerm *terms, guint n_terms)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  for (guint i = 0; i < n_terms; i++)
    gtk_string_list_append (list, _(terms[i].label));
  return G_LIST_MODEL (list);
}

static void
organisation_name_changed_cb (GtkEditable *name, AdwMessageDialog *dialog)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (name)));

  adw_message_dialog_set_response_enabled (dialog, "create", *text != '\0');
}

static void
create_organisation_cb (AdwMessageDialog *dialog, const char *response, TiPersonEditor *self)
{
  AdwComboRow *sector = g_object_get_data (G_OBJECT (dialog), "sector");
  AdwComboRow *locality = g_object_get_data (G_OBJECT (dialog), "locality");
  GtkEditable *name = g_object_get_data (G_OBJECT (dialog), "name");
  g_autoptr (GError) error = NULL;
  const TiTerm *sectors, *localities;
  guint n_sectors, n_localities;
  TiOrganisationEdit edit = { 0 };
  gint64 id = 0;

  sectors = ti_vocabulary_sectors (&n_sectors);
  localities = ti_vocabulary_localities (&n_localities);
  edit.name = gtk_editable_get_text (name);
  edit.sector = sectors[MIN (adw_combo_row_get_selected (sector), n_sectors - 1)].key;
  edit.locality = localities[MIN (adw_combo_row_get_selected (locality), n_localities - 1)].key;

  if (!ti_organisations_save (self->database, &edit, &id, &error)
      || !load_organisations (self, &error))
    {
      g_autofree char *message = g_strdup_printf (_("The organisation was not created: %s"),
                                                  error->message);
      show_field_error (self, FIELD_ORGANISATION, message, TRUE);
      return;
    }
  select_organisation (self, id);
  update_changed (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->organisation_dropdown));
}

static void
new_organisation_action (GtkWidget *widget, const char *action, GVariant *param)
{
  TiPersonEditor *self = TI_PERSON_EDITOR (widget);
  GtkWidget *dialog, *list, *name, *sector, *locality;
  g_autoptr (GListModel) sectors = NULL;
  g_autoptr (GListModel) localities = NULL;
  const TiTerm *terms;
  guint n_terms;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("New Organisation"),
                                   _("A partner organisation in the network. Its workforce "
                                     "headcount and parent can be added in Organisations."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "create", _("C_reate"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "create",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "create", FALSE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "create");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");

  name = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (name), _("Name"));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (name), FALSE);
  adw_entry_row_set_activates_default (ADW_ENTRY_ROW (name), TRUE);
  g_signal_connect_object (name, "changed", G_CALLBACK (organisation_name_changed_cb), dialog, 0);

  sector = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (sector), _("Sector"));
  terms = ti_vocabulary_sectors (&n_terms);
  sectors = vocabulary_model (terms, n_terms);
  adw_combo_row_set_model (ADW_COMBO_ROW (sector), sectors);

  locality = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (locality), _("Locality"));
  terms = ti_vocabulary_localities (&n_terms);
  localities = vocabulary_model (terms, n_terms);
  adw_combo_row_set_model (ADW_COMBO_ROW (locality), localities);

  gtk_list_box_append (GTK_LIST_BOX (list), name);
  gtk_list_box_append (GTK_LIST_BOX (list), sector);
  gtk_list_box_append (GTK_LIST_BOX (list), locality);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), list);

  g_object_set_data (G_OBJECT (dialog), "name", name);
  g_object_set_data (G_OBJECT (dialog), "sector", sector);
  g_object_set_data (G_OBJECT (dialog), "locality", locality);
  g_signal_connect_object (dialog, "response::create", G_CALLBACK (create_organisation_cb), self,
                           0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (name);
}

/* Filling the fields ------------------------------------------------------------------- */

static void
set_date_field (TiPersonEditor *self, Field field, const char *iso_date)
{
  set_field_text (self, field, iso_date);
}

static void
fill_from_profile (TiPersonEditor *self, const TiPersonProfile *profile, const char *email)
{
  guint n_terms;
  const TiTerm *terms = ti_vocabulary_localities (&n_terms);

  self->id = profile->id;
  self->role = g_strdup (profile->role_key);
  set_field_text (self, FIELD_NAME, profile->name);
  set_field_text (self, FIELD_EMAIL, profile->email ? profile->email : email);
  select_organisation (self, profile->organisation_id);
  gtk_editable_set_text (self->job_title_row, profile->job_title ? profile->job_title : "");
  for (guint i = 0; i < n_terms; i++)
    if (g_strcmp0 (terms[i].key, profile->locality_key) == 0)
      adw_combo_row_set_selected (ADW_COMBO_ROW (self->fields[FIELD_LOCALITY].row), i + 1);

  gtk_switch_set_active (self->champion_switch, profile->is_champion);
  set_date_field (self, FIELD_CHAMPION_SINCE, profile->champion_since);
  for (guint i = 0; i < G_N_ELEMENTS (status_keys); i++)
    if (g_strcmp0 (status_keys[i], profile->status_key) == 0)
      adw_combo_row_set_selected (ADW_COMBO_ROW (self->fields[FIELD_STATUS].row), i);

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->notes_view),
                            profile->notes ? profile->notes : "", -1);
  gtk_switch_set_active (self->contact_consent_switch, profile->contact_consent);
  set_date_field (self, FIELD_CONTACT_ON, profile->contact_consent_on);
  gtk_editable_set_text (self->contact_how_row,
                         profile->contact_consent_how ? profile->contact_consent_how : "");
  gtk_switch_set_active (self->directory_consent_switch, profile->directory_consent);
  set_date_field (self, FIELD_DIRECTORY_ON, profile->directory_consent_on);
  gtk_editable_set_text (self->directory_how_row,
                         profile->directory_consent_how ? profile->directory_consent_how : "");
}

/**
 * ti_person_editor_new:
 * @parent: the main window
 * @database: the open programme
 * @profile: (nullable): the person to edit, or %NULL to add one
 * @email: (nullable): the email held for them, which the profile hides without consent
 *
 * Returns: (transfer none): the editor, not yet shown; it destroys itself when closed
 */
TiPersonEditor *
ti_person_editor_new (GtkWindow *parent, TiDatabase *database, const TiPersonProfile *profile,
                      const char *email)
{
  TiPersonEditor *self;
  g_autoptr (GError) error = NULL;

  g_return_val_if_fail (TI_IS_DATABASE (database), NULL);

  self = g_object_new (TI_TYPE_PERSON_EDITOR, "transient-for", parent, NULL);
  self->database = g_object_ref (database);
  if (!load_organisations (self, &error))
    show_field_error (self, FIELD_ORGANISATION, error->message, FALSE);
  gtk_drop_down_set_selected (self->organisation_dropdown, GTK_INVALID_LIST_POSITION);

  if (profile != NULL)
    {
      gtk_window_set_title (GTK_WINDOW (self), _("Edit Person"));
      fill_from_profile (self, profile, email);
    }
  else
    {
      g_autoptr (GDateTime) now = g_date_time_new_now_local ();
      g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

      gtk_window_set_title (GTK_WINDOW (self), _("New Person"));
      /* A new champion most often joins today. */
      gtk_switch_set_active (self->champion_switch, TRUE);
      set_date_field (self, FIELD_CHAMPION_SINCE, today);
    }
  self->initial_values = current_values (self);
  update_changed (self);
  gtk_widget_grab_focus (self->fields[FIELD_NAME].row);
  return self;
}

/**
 * ti_person_editor_get_email:
 *
 * Returns: (nullable): the email as saved, once #TiPersonEditor::saved was emitted
 */
const char *
ti_person_editor_get_email (TiPersonEditor *self)
{
  g_return_val_if_fail (TI_IS_PERSON_EDITOR (self), NULL);
  return self->saved_email;
}

static void
ti_person_editor_dispose (GObject *object)
{
  TiPersonEditor *self = TI_PERSON_EDITOR (object);

  g_clear_object (&self->database);
  g_clear_object (&self->organisations);

  G_OBJECT_CLASS (ti_person_editor_parent_class)->dispose (object);
}

static void
ti_person_editor_finalize (GObject *object)
{
  TiPersonEditor *self = TI_PERSON_EDITOR (object);

  g_free (self->role);
  g_free (self->initial_values);
  g_free (self->saved_email);

  G_OBJECT_CLASS (ti_person_editor_parent_class)->finalize (object);
}

static void
ti_person_editor_class_init (TiPersonEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  TiEditorWindowClass *editor_class = TI_EDITOR_WINDOW_CLASS (klass);
  static const char *const field_names[N_FIELDS] = {
    "name", "email", "organisation", "locality", "champion_since", "status", "contact_on",
    "directory_on",
  };

  object_class->dispose = ti_person_editor_dispose;
  object_class->finalize = ti_person_editor_finalize;
  editor_class->save = ti_person_editor_save;

  /**
   * TiPersonEditor::saved:
   * @id: the person's id
   *
   * The person was saved; the editor closes next.
   */
  signals[SIGNAL_SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                        NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  g_type_ensure (TI_TYPE_ORGANISATION);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ti-person-editor.ui");
  ti_editor_window_class_bind_fields (widget_class, field_names, N_FIELDS,
                                      G_STRUCT_OFFSET (TiPersonEditor, fields));
  gtk_widget_class_bind_template_child (widget_class, TiPersonEditor, organisation_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TiPersonEditor, job_title_row);
  gtk_widget_class_bind_template_child (widget_class, TiPersonEditor, champion_switch);
  gtk_widget_class_bind_template_child (widget_class, TiPersonEditor, notes_view);
  gtk_widget_class_bind_template_child (widget_class, TiPersonEditor, contact_consent_switch);
  gtk_widget_class_bind_template_child (widget_class, TiPersonEditor, contact_how_row);
  gtk_widget_class_bind_template_child (widget_class, TiPersonEditor, directory_consent_switch);
  gtk_widget_class_bind_template_child (widget_class, TiPersonEditor, directory_how_row);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, field_notify_cb);

  ti_editor_window_class_install_actions (editor_class, "editor");
  gtk_widget_class_install_action (widget_class, "editor.new-organisation", NULL,
                                   new_organisation_action);
}

static void
ti_person_editor_init (TiPersonEditor *self)
{
  guint n_terms;
  const TiTerm *terms = ti_vocabulary_localities (&n_terms);
  GtkStringList *localities = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  /* The notes are a text view, which the template cannot connect. */
  g_signal_connect_object (gtk_text_view_get_buffer (self->notes_view), "changed",
                           G_CALLBACK (update_changed), self, G_CONNECT_SWAPPED);

  gtk_string_list_append (localities, _("Not recorded"));
  for (guint i = 0; i < n_terms; i++)
    gtk_string_list_append (localities, _(terms[i].label));
  adw_combo_row_set_model (ADW_COMBO_ROW (self->fields[FIELD_LOCALITY].row),
                           G_LIST_MODEL (localities));
  g_object_unref (localities);
}
