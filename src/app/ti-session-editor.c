/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ti-session-editor"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "ti-feedback.h"
#include "ti-format.h"
#include "ti-organisation.h"
#include "ti-organisations.h"
#include "ti-people.h"
#include "ti-person-chooser.h"
#include "ti-session-editor.h"
#include "ti-sessions.h"

/**
 * TiSessionEditor:
 *
 * Adds or edits one Tier 2 or 3 session: what, when, where, who facilitated (each person
 * once, as coordinator, psychologist or champion), places and status. The core checks every
 * field (ti_sessions_validate_all()); each one at fault is marked with its message under it,
 * and the first takes the focus. Saving sets the review status as the core decides. Emits
 * #TiSessionEditor::saved with the session's id.
 */

/* The fields that can be refused, each with the message row under it. */
typedef enum
{
  FIELD_TIER,
  FIELD_TITLE,
  FIELD_DATE,
  FIELD_TIME,
  FIELD_DURATION,
  FIELD_MODE,
  FIELD_HOST,
  FIELD_CAPACITY,
  FIELD_STATUS,
  FIELD_FACILITATORS,
  N_FIELDS
} Field;

typedef struct
{
  gint64 person_id;
  char *name;
  char *detail; /* organisation and job title, to tell two of one name apart */
  guint kind;   /* index in kind_keys */
} Facilitator;

struct _TiSessionEditor
{
  TiEditorWindow parent_instance;

  TiDatabase *database;
  GListModel *organisations;
  gint64 id;
  GArray *facilitators; /* of Facilitator */
  char *initial_values;

  TiEditorField fields[N_FIELDS];
  GtkSpinButton *duration_spin;
  GtkDropDown *host_dropdown;
  GtkEditable *venue_row;
  GtkListBox *facilitators_list;
  GtkRevealer *review_note;
};

G_DEFINE_FINAL_TYPE (TiSessionEditor, ti_session_editor, TI_TYPE_EDITOR_WINDOW)

enum
{
  SIGNAL_SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Keys of the choices, in the .ui's order. */
static const char *const mode_keys[] = { "in_person", "online" };
static const char *const kind_keys[] = { "coordinator", "psychologist", "champion" };

static const char *
field_text (TiSessionEditor *self, Field field)
{
  return gtk_editable_get_text (GTK_EDITABLE (self->fields[field].row));
}

static guint
combo_choice (TiSessionEditor *self, Field field)
{
  return adw_combo_row_get_selected (ADW_COMBO_ROW (self->fields[field].row));
}

static gint64
selected_host_id (TiSessionEditor *self)
{
  TiOrganisation *organisation = gtk_drop_down_get_selected_item (self->host_dropdown);

  return organisation != NULL ? ti_organisation_get_id (organisation) : 0;
}

/* The places as typed: 0 for none, -1 for what is not a whole number (the core says so). */
static int
capacity_value (TiSessionEditor *self)
{
  g_autofree char *text = g_strstrip (g_strdup (field_text (self, FIELD_CAPACITY)));
  char *end = NULL;
  long value;

  if (*text == '\0')
    return 0;
  value = strtol (text, &end, 10);
  if (*end != '\0' || value < 0 || value > G_MAXINT)
    return -1;
  return (int) value;
}

/* Everything the fields hold, as one string: equal strings mean nothing changed. */
static char *
current_values (TiSessionEditor *self)
{
  GString *values = g_string_new (NULL);

  g_string_append_printf (values, "%u\x1f%s\x1f%s\x1f%s\x1f%d\x1f%u\x1f%s\x1f%" G_GINT64_FORMAT
                                  "\x1f%s\x1f%u",
                          combo_choice (self, FIELD_TIER), field_text (self, FIELD_TITLE),
                          field_text (self, FIELD_DATE), field_text (self, FIELD_TIME),
                          gtk_spin_button_get_value_as_int (self->duration_spin),
                          combo_choice (self, FIELD_MODE), gtk_editable_get_text (self->venue_row),
                          selected_host_id (self), field_text (self, FIELD_CAPACITY),
                          combo_choice (self, FIELD_STATUS));
  for (guint i = 0; i < self->facilitators->len; i++)
    {
      Facilitator *f = &g_array_index (self->facilitators, Facilitator, i);
      g_string_append_printf (values, "\x1f%" G_GINT64_FORMAT ":%u", f->person_id, f->kind);
    }
  return g_string_free (values, FALSE);
}

/* The fields as the core reads them; @facilitators has room for every facilitator. */
static void
read_edit (TiSessionEditor *self, TiSessionEdit *edit, TiFacilitatorEdit *facilitators)
{
  static const TiSessionStatus statuses[]
    = { TI_SESSION_PLANNED, TI_SESSION_DELIVERED, TI_SESSION_CANCELLED };

  for (guint i = 0; i < self->facilitators->len; i++)
    {
      Facilitator *f = &g_array_index (self->facilitators, Facilitator, i);
      facilitators[i].person_id = f->person_id;
      facilitators[i].kind = kind_keys[MIN (f->kind, G_N_ELEMENTS (kind_keys) - 1)];
    }
  *edit = (TiSessionEdit){ 0 };
  edit->id = self->id;
  edit->tier = combo_choice (self, FIELD_TIER) == 1 ? 3 : 2;
  edit->title = field_text (self, FIELD_TITLE);
  edit->date = field_text (self, FIELD_DATE);
  edit->time = field_text (self, FIELD_TIME);
  edit->duration_minutes = gtk_spin_button_get_value_as_int (self->duration_spin);
  edit->mode = mode_keys[MIN (combo_choice (self, FIELD_MODE), G_N_ELEMENTS (mode_keys) - 1)];
  edit->venue = gtk_editable_get_text (self->venue_row);
  edit->host_organisation_id = selected_host_id (self);
  edit->capacity = capacity_value (self);
  edit->status = statuses[MIN (combo_choice (self, FIELD_STATUS), G_N_ELEMENTS (statuses) - 1)];
  edit->facilitators = facilitators;
  edit->n_facilitators = self->facilitators->len;
}

/* Whether saving now sends an approved session back to the review queue (the core decides). */
static gboolean
reopens_review (TiSessionEditor *self)
{
  g_autofree TiFacilitatorEdit *facilitators
    = g_new0 (TiFacilitatorEdit, self->facilitators->len + 1);
  TiSessionEdit edit;

  if (self->database == NULL || self->id <= 0)
    return FALSE;
  read_edit (self, &edit, facilitators);
  return ti_sessions_save_reopens_review (self->database, &edit);
}

static void
update_changed (TiSessionEditor *self)
{
  g_autofree char *values = current_values (self);
  gboolean changed = g_strcmp0 (values, self->initial_values) != 0;

  ti_editor_window_set_changed (TI_EDITOR_WINDOW (self), changed);
  gtk_revealer_set_reveal_child (self->review_note, changed && reopens_review (self));
}

/* Validation messages ---------------------------------------------------------------------- */

static void
clear_field_error (TiSessionEditor *self, Field field)
{
  ti_editor_window_clear_error (TI_EDITOR_WINDOW (self), self->fields[field].row,
                                self->fields[field].error_label);
}

static void
show_field_error (TiSessionEditor *self, Field field, const char *message, gboolean focus)
{
  /* Rows holding a control give it the focus. */
  ti_editor_window_show_error (TI_EDITOR_WINDOW (self), self->fields[field].row,
                               self->fields[field].error_label, message,
                               focus && field != FIELD_HOST && field != FIELD_DURATION);
  if (focus && field == FIELD_HOST)
    gtk_widget_grab_focus (GTK_WIDGET (self->host_dropdown));
  else if (focus && field == FIELD_DURATION)
    gtk_widget_grab_focus (GTK_WIDGET (self->duration_spin));
}

static void
field_changed_cb (TiSessionEditor *self, GtkWidget *widget)
{
  for (guint i = 0; i < N_FIELDS; i++)
    if (widget == self->fields[i].row
        || (i == FIELD_HOST && widget == GTK_WIDGET (self->host_dropdown))
        || (i == FIELD_DURATION && widget == GTK_WIDGET (self->duration_spin)))
      clear_field_error (self, i);
  update_changed (self);
}

static void
field_notify_cb (TiSessionEditor *self, GParamSpec *pspec, GtkWidget *widget)
{
  field_changed_cb (self, widget);
}

static int
field_for_error (const GError *error)
{
  static const struct
  {
    int code;
    Field field;
  } map[] = {
    { TI_SESSIONS_ERROR_TIER, FIELD_TIER },
    { TI_SESSIONS_ERROR_TITLE, FIELD_TITLE },
    { TI_SESSIONS_ERROR_DATE, FIELD_DATE },
    { TI_SESSIONS_ERROR_TIME, FIELD_TIME },
    { TI_SESSIONS_ERROR_DURATION, FIELD_DURATION },
    { TI_SESSIONS_ERROR_MODE, FIELD_MODE },
    { TI_SESSIONS_ERROR_HOST, FIELD_HOST },
    { TI_SESSIONS_ERROR_CAPACITY, FIELD_CAPACITY },
    { TI_SESSIONS_ERROR_STATUS, FIELD_STATUS },
    { TI_SESSIONS_ERROR_FACILITATORS, FIELD_FACILITATORS },
  };

  for (guint i = 0; error->domain == TI_SESSIONS_ERROR && i < G_N_ELEMENTS (map); i++)
    if (map[i].code == error->code)
      return map[i].field;
  return -1;
}

/* Facilitators ----------------------------------------------------------------------------- */

static void rebuild_facilitators (TiSessionEditor *self);

static void
kind_selected_cb (GtkDropDown *dropdown, GParamSpec *pspec, TiSessionEditor *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (dropdown), "index"));
  guint kind = gtk_drop_down_get_selected (dropdown);

  if (index < self->facilitators->len && kind < G_N_ELEMENTS (kind_keys))
    g_array_index (self->facilitators, Facilitator, index).kind = kind;
  clear_field_error (self, FIELD_FACILITATORS);
  update_changed (self);
}

static void
remove_facilitator_cb (GtkButton *button, TiSessionEditor *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "index"));

  if (index < self->facilitators->len)
    g_array_remove_index (self->facilitators, index);
  rebuild_facilitators (self);
  clear_field_error (self, FIELD_FACILITATORS);
  update_changed (self);
  gtk_widget_grab_focus (self->fields[FIELD_FACILITATORS].row);
}

static GtkWidget *
facilitator_row_new (TiSessionEditor *self, guint index)
{
  static const char *kinds[G_N_ELEMENTS (kind_keys) + 1] = { NULL };
  Facilitator *f = &g_array_index (self->facilitators, Facilitator, index);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *kind;
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  g_autofree char *kind_label = g_strdup_printf (_("Role of %s"), f->name);
  g_autofree char *remove_label = g_strdup_printf (_("Remove %s"), f->name);

  for (guint i = 0; i < G_N_ELEMENTS (kind_keys); i++)
    kinds[i] = ti_facilitator_kind_label (kind_keys[i]);
  kind = gtk_drop_down_new_from_strings (kinds);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), f->name);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), f->detail);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (kind), f->kind);
  gtk_widget_set_valign (kind, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (kind), GTK_ACCESSIBLE_PROPERTY_LABEL, kind_label,
                                  -1);
  g_object_set_data (G_OBJECT (kind), "index", GUINT_TO_POINTER (index));
  g_signal_connect_object (kind, "notify::selected", G_CALLBACK (kind_selected_cb), self, 0);

  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, remove_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  remove_label, -1);
  g_object_set_data (G_OBJECT (remove), "index", GUINT_TO_POINTER (index));
  g_signal_connect_object (remove, "clicked", G_CALLBACK (remove_facilitator_cb), self, 0);

  adw_action_row_add_suffix (ADW_ACTION_ROW (row), kind);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
  g_object_set_data (G_OBJECT (row), "facilitator", GUINT_TO_POINTER (TRUE));
  return row;
}

/* The facilitators' rows come first in their list, before "Add Facilitator…". */
static void
rebuild_facilitators (TiSessionEditor *self)
{
  GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->facilitators_list));

  while (child != NULL && g_object_get_data (G_OBJECT (child), "facilitator") != NULL)
    {
      gtk_list_box_remove (self->facilitators_list, child);
      child = gtk_widget_get_first_child (GTK_WIDGET (self->facilitators_list));
    }
  for (guint i = 0; i < self->facilitators->len; i++)
    gtk_list_box_insert (self->facilitators_list, facilitator_row_new (self, i), i);
}

/**
 * ti_session_editor_add_facilitator:
 * @person_id: the person
 * @name: their name
 * @kind: coordinator, psychologist or champion
 *
 * Lists a facilitator, as choosing one in the editor does.
 */
void
ti_session_editor_add_facilitator (TiSessionEditor *self, gint64 person_id, const char *name,
                                   const char *kind)
{
  Facilitator f = { person_id, g_strdup (name), NULL, G_N_ELEMENTS (kind_keys) - 1 };
  g_autoptr (TiPersonProfile) profile = NULL;

  g_return_if_fail (TI_IS_SESSION_EDITOR (self));

  if (self->database != NULL)
    profile = ti_people_get_profile (self->database, person_id, NULL);
  f.detail = profile != NULL ? ti_format_person_detail (profile->organisation, profile->job_title)
                             : g_strdup ("");
  for (guint i = 0; i < G_N_ELEMENTS (kind_keys); i++)
    if (g_strcmp0 (kind_keys[i], kind) == 0)
      f.kind = i;
  g_array_append_val (self->facilitators, f);
  rebuild_facilitators (self);
  clear_field_error (self, FIELD_FACILITATORS);
  update_changed (self);
}

static void
facilitator_chosen_cb (TiPersonChooser *chooser, gint64 person_id, const char *name,
                       TiSessionEditor *self)
{
  g_autoptr (TiPersonProfile) profile = ti_people_get_profile (self->database, person_id, NULL);
  const char *role = profile != NULL ? profile->role_key : NULL;

  /* The coordinator and the psychologist usually facilitate as what they are. */
  ti_session_editor_add_facilitator (self, person_id, name,
                                     g_strcmp0 (role, "staff") != 0 && role != NULL ? role
                                                                                    : "champion");
  gtk_window_destroy (GTK_WINDOW (chooser));
  gtk_widget_grab_focus (self->fields[FIELD_FACILITATORS].row);
}

static void
add_facilitator_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  TiSessionEditor *self = TI_SESSION_EDITOR (widget);
  TiPersonChooser *chooser
    = ti_person_chooser_new (GTK_WINDOW (self), self->database, _("Add a Facilitator"), FALSE);

  for (guint i = 0; i < self->facilitators->len; i++)
    ti_person_chooser_exclude (chooser,
                               g_array_index (self->facilitators, Facilitator, i).person_id);
  g_signal_connect_object (chooser, "chosen", G_CALLBACK (facilitator_chosen_cb), self, 0);
  gtk_window_present (GTK_WINDOW (chooser));
}

/* Saving ----------------------------------------------------------------------------------- */

static gboolean
ti_session_editor_save (TiEditorWindow *window)
{
  TiSessionEditor *self = TI_SESSION_EDITOR (window);
  g_autofree TiFacilitatorEdit *facilitators = g_new0 (TiFacilitatorEdit,
                                                       self->facilitators->len + 1);
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (GError) error = NULL;
  gboolean back_in_queue;
  TiSessionEdit edit;
  gint64 id = 0;

  for (guint i = 0; i < N_FIELDS; i++)
    clear_field_error (self, i);
  read_edit (self, &edit, facilitators);

  /* Every field at fault is marked at once; several facilitator problems share one message. */
  problems = ti_sessions_validate_all (self->database, &edit, &error);
  if (problems == NULL)
    {
      ti_feedback_show_message (GTK_WIDGET (self), _("The Session Could Not Be Saved"),
                                error->message);
      return FALSE;
    }
  if (!ti_editor_window_show_problems (TI_EDITOR_WINDOW (self), problems, self->fields, N_FIELDS,
                                       field_for_error, (TiEditorShowFunc) show_field_error,
                                       _("The Session Could Not Be Saved")))
    return FALSE;

  back_in_queue = ti_sessions_save_reopens_review (self->database, &edit);
  if (!ti_sessions_save (self->database, &edit, &id, &error))
    {
      int field = field_for_error (error);

      if (field >= 0)
        show_field_error (self, field, error->message, TRUE);
      else
        ti_feedback_show_message (GTK_WIDGET (self), _("The Session Could Not Be Saved"),
                                  error->message);
      return FALSE;
    }
  g_signal_emit (self, signals[SIGNAL_SAVED], 0, id, back_in_queue);
  return TRUE;
}

/* Filling the fields ----------------------------------------------------------------------- */

static void
select_host (TiSessionEditor *self, gint64 id)
{
  guint n = self->organisations ? g_list_model_get_n_items (self->organisations) : 0;

  gtk_drop_down_set_selected (self->host_dropdown, GTK_INVALID_LIST_POSITION);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (TiOrganisation) organisation = g_list_model_get_item (self->organisations, i);
      if (ti_organisation_get_id (organisation) == id)
        gtk_drop_down_set_selected (self->host_dropdown, i);
    }
}

static void
set_text (TiSessionEditor *self, Field field, const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (self->fields[field].row), text ? text : "");
}

static void
fill_from_session (TiSessionEditor *self, TiSession *session)
{
  const char *starts_at = ti_session_get_starts_at (session);
  g_autofree char *date = g_strndup (starts_at, 10);
  g_autofree char *capacity = NULL;
  GPtrArray *facilitators = ti_session_get_facilitators (session);

  self->id = ti_session_get_id (session);
  adw_combo_row_set_selected (ADW_COMBO_ROW (self->fields[FIELD_TIER].row),
                              ti_session_get_tier (session) == 3 ? 1 : 0);
  set_text (self, FIELD_TITLE, ti_session_get_title (session));
  set_text (self, FIELD_DATE, date);
  set_text (self, FIELD_TIME, strlen (starts_at) > 11 ? starts_at + 11 : "");
  gtk_spin_button_set_value (self->duration_spin, ti_session_get_duration (session));
  adw_combo_row_set_selected (ADW_COMBO_ROW (self->fields[FIELD_MODE].row),
                              g_strcmp0 (ti_session_get_mode_key (session), "online") == 0);
  gtk_editable_set_text (self->venue_row, ti_session_get_venue (session));
  select_host (self, ti_session_get_host_organisation_id (session));
  if (ti_session_get_capacity (session) > 0)
    capacity = g_strdup_printf ("%d", ti_session_get_capacity (session));
  set_text (self, FIELD_CAPACITY, capacity);
  adw_combo_row_set_selected (ADW_COMBO_ROW (self->fields[FIELD_STATUS].row),
                              ti_session_get_status (session));
  for (guint i = 0; i < facilitators->len; i++)
    {
      TiFacilitator *f = g_ptr_array_index (facilitators, i);
      ti_session_editor_add_facilitator (self, f->person_id, f->name, f->kind);
    }
}

/**
 * ti_session_editor_new:
 * @parent: the main window
 * @database: the open programme
 * @session: (nullable): the session to edit (with its facilitators), or %NULL to add one
 *
 * Returns: (transfer none): the editor, not yet shown; it destroys itself when closed
 */
TiSessionEditor *
ti_session_editor_new (GtkWindow *parent, TiDatabase *database, TiSession *session)
{
  TiSessionEditor *self;
  g_autoptr (GError) error = NULL;

  g_return_val_if_fail (TI_IS_DATABASE (database), NULL);

  self = g_object_new (TI_TYPE_SESSION_EDITOR, "transient-for", parent, NULL);
  self->database = g_object_ref (database);
  self->organisations = ti_organisations_list_choices (database, &error);
  if (self->organisations == NULL)
    show_field_error (self, FIELD_HOST, error->message, FALSE);
  gtk_drop_down_set_model (self->host_dropdown, self->organisations);
  gtk_drop_down_set_selected (self->host_dropdown, GTK_INVALID_LIST_POSITION);

  if (session != NULL)
    {
      gtk_window_set_title (GTK_WINDOW (self), _("Edit Session"));
      fill_from_session (self, session);
    }
  else
    {
      g_autoptr (GDateTime) now = g_date_time_new_now_local ();
      g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

      gtk_window_set_title (GTK_WINDOW (self), _("New Session"));
      set_text (self, FIELD_DATE, today);
      set_text (self, FIELD_TIME, "09:30");
    }
  self->initial_values = current_values (self);
  update_changed (self);
  gtk_widget_grab_focus (self->fields[FIELD_TITLE].row);
  return self;
}

static void
ti_session_editor_dispose (GObject *object)
{
  TiSessionEditor *self = TI_SESSION_EDITOR (object);

  g_clear_object (&self->database);
  g_clear_object (&self->organisations);

  G_OBJECT_CLASS (ti_session_editor_parent_class)->dispose (object);
}

static void
facilitator_clear (gpointer data)
{
  g_free (((Facilitator *) data)->name);
  g_free (((Facilitator *) data)->detail);
}

static void
ti_session_editor_finalize (GObject *object)
{
  TiSessionEditor *self = TI_SESSION_EDITOR (object);

  g_array_unref (self->facilitators);
  g_free (self->initial_values);

  G_OBJECT_CLASS (ti_session_editor_parent_class)->finalize (object);
}

static void
ti_session_editor_class_init (TiSessionEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  TiEditorWindowClass *editor_class = TI_EDITOR_WINDOW_CLASS (klass);
  static const char *const field_names[N_FIELDS] = {
    "tier", "title", "date", "time", "duration", "mode", "host", "capacity", "status",
    "facilitators",
  };

  object_class->dispose = ti_session_editor_dispose;
  object_class->finalize = ti_session_editor_finalize;
  editor_class->save = ti_session_editor_save;

  /**
   * TiSessionEditor::saved:
   * @id: the session's id
   * @back_in_queue: whether saving sent its approved (or changes requested) review back to
   *   the psychologist's queue
   *
   * The session was saved; the editor closes next.
   */
  signals[SIGNAL_SAVED]
    = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                    G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_BOOLEAN);

  g_type_ensure (TI_TYPE_ORGANISATION);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ti-session-editor.ui");
  ti_editor_window_class_bind_fields (widget_class, field_names, N_FIELDS,
                                      G_STRUCT_OFFSET (TiSessionEditor, fields));
  gtk_widget_class_bind_template_child (widget_class, TiSessionEditor, duration_spin);
  gtk_widget_class_bind_template_child (widget_class, TiSessionEditor, host_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TiSessionEditor, venue_row);
  gtk_widget_class_bind_template_child (widget_class, TiSessionEditor, facilitators_list);
  gtk_widget_class_bind_template_child (widget_class, TiSessionEditor, review_note);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, field_notify_cb);

  ti_editor_window_class_install_actions (editor_class, "editor");
  gtk_widget_class_install_action (widget_class, "editor.add-facilitator", NULL,
                                   add_facilitator_activated);
}

static void
ti_session_editor_init (TiSessionEditor *self)
{
  self->facilitators = g_array_new (FALSE, TRUE, sizeof (Facilitator));
  g_array_set_clear_func (self->facilitators, facilitator_clear);
  gtk_widget_init_template (GTK_WIDGET (self));
}
