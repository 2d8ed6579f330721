/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ti-adoption-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "ti-adoption-editor.h"
#include "ti-charter.h"
#include "ti-format.h"

/**
 * TiAdoptionEditor:
 *
 * One organisation's adoption of the charter: the stage with the dates and signatory each
 * stage needs (saved with Save, validated by the core, the refused field marked), and its
 * commitments (added, marked done and removed straight away, removal with Undo).
 */
struct _TiAdoptionEditor
{
  TiEditorWindow parent_instance;

  TiDatabase *database;
  gint64 organisation_id;

  /* The last removed commitment, for Undo. */
  char *removed_action;
  GDate removed_due_on;
  GDate removed_done_on;

  AdwWindowTitle *window_title;
  AdwToastOverlay *toast_overlay;
  GtkLabel *general_message;
  GtkWidget *stage_box;
  AdwComboRow *stage_row;
  GtkLabel *stage_message;
  GtkWidget *consultation_box;
  AdwEntryRow *consultation_row;
  GtkLabel *consultation_message;
  GtkWidget *signed_box;
  AdwEntryRow *signed_row;
  GtkLabel *signed_message;
  GtkWidget *signatory_name_box;
  AdwEntryRow *signatory_name_row;
  GtkLabel *signatory_name_message;
  GtkWidget *signatory_role_box;
  AdwEntryRow *signatory_role_row;
  GtkLabel *signatory_role_message;
  GtkWidget *review_box;
  AdwEntryRow *review_row;
  GtkLabel *review_message;
  GtkListBox *commitments_list;
  AdwEntryRow *action_row;
  AdwEntryRow *due_row;
  GtkLabel *add_message;
};

G_DEFINE_FINAL_TYPE (TiAdoptionEditor, ti_adoption_editor, TI_TYPE_EDITOR_WINDOW)

enum
{
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
clear_messages (TiAdoptionEditor *self)
{
  TiEditorWindow *window = TI_EDITOR_WINDOW (self);

  ti_editor_window_clear_error (window, NULL, self->general_message);
  ti_editor_window_clear_error (window, GTK_WIDGET (self->stage_row), self->stage_message);
  ti_editor_window_clear_error (window, GTK_WIDGET (self->consultation_row),
                                self->consultation_message);
  ti_editor_window_clear_error (window, GTK_WIDGET (self->signed_row), self->signed_message);
  ti_editor_window_clear_error (window, GTK_WIDGET (self->signatory_name_row),
                                self->signatory_name_message);
  ti_editor_window_clear_error (window, GTK_WIDGET (self->signatory_role_row),
                                self->signatory_role_message);
  ti_editor_window_clear_error (window, GTK_WIDGET (self->review_row), self->review_message);
}

static void
show_error (TiAdoptionEditor *self, const GError *error)
{
  GtkLabel *label = self->general_message;
  GtkWidget *row = NULL;

  if (error->domain == TI_CHARTER_ERROR)
    switch (error->code)
      {
      case TI_CHARTER_ERROR_STAGE:
        label = self->stage_message, row = GTK_WIDGET (self->stage_row);
        break;
      case TI_CHARTER_ERROR_CONSULTATION_DATE:
        label = self->consultation_message, row = GTK_WIDGET (self->consultation_row);
        break;
      case TI_CHARTER_ERROR_SIGNED_ON:
        label = self->signed_message, row = GTK_WIDGET (self->signed_row);
        break;
      case TI_CHARTER_ERROR_SIGNATORY_NAME:
        label = self->signatory_name_message, row = GTK_WIDGET (self->signatory_name_row);
        break;
      case TI_CHARTER_ERROR_SIGNATORY_ROLE:
        label = self->signatory_role_message, row = GTK_WIDGET (self->signatory_role_row);
        break;
      case TI_CHARTER_ERROR_REVIEW_ON:
        label = self->review_message, row = GTK_WIDGET (self->review_row);
        break;
      default:
        break;
      }
  ti_editor_window_show_error (TI_EDITOR_WINDOW (self), row, label, error->message, TRUE);
}

/* Each stage shows the fields it needs, and keeps those of the stages before it. */
static void
stage_changed_cb (TiAdoptionEditor *self)
{
  guint stage = adw_combo_row_get_selected (self->stage_row);

  ti_editor_window_mark_changed (TI_EDITOR_WINDOW (self));
  gtk_widget_set_visible (self->consultation_box, stage >= TI_CHARTER_STAGE_CONSULTATION);
  gtk_widget_set_visible (self->signed_box, stage >= TI_CHARTER_STAGE_SIGNED);
  gtk_widget_set_visible (self->signatory_name_box, stage >= TI_CHARTER_STAGE_SIGNED);
  gtk_widget_set_visible (self->signatory_role_box, stage >= TI_CHARTER_STAGE_SIGNED);
  gtk_widget_set_visible (self->review_box, stage >= TI_CHARTER_STAGE_REVIEW_DUE);
}

/* An empty field is "no date" (the core says whether the stage needs one); anything else
 * must be a real date. */
static gboolean
read_date (TiAdoptionEditor *self, AdwEntryRow *row, GtkLabel *label, GtkWidget *field, GDate *date)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));
  g_autofree char *trimmed = g_strstrip (g_strdup (text));
  g_autofree char *message = NULL;

  g_date_clear (date, 1);
  if (*trimmed == '\0' || !gtk_widget_get_visible (field))
    return TRUE;
  switch (ti_date_check (trimmed, date))
    {
    case TI_DATE_OK:
      return TRUE;
    case TI_DATE_IMPOSSIBLE:
      /* Translators: a date as the person typed it, written right but with no such day. */
      message = g_strdup_printf (_("%s is not a real date."), trimmed);
      break;
    case TI_DATE_MALFORMED:
    default:
      message = g_strdup (_("Enter a date as YYYY-MM-DD or DD/MM/YYYY."));
      break;
    }
  ti_editor_window_show_error (TI_EDITOR_WINDOW (self), GTK_WIDGET (row), label, message, TRUE);
  return FALSE;
}

static void
set_date_text (AdwEntryRow *row, const GDate *date)
{
  g_autofree char *iso = g_date_valid (date) ? ti_date_to_iso (date) : NULL;

  gtk_editable_set_text (GTK_EDITABLE (row), iso != NULL ? iso : "");
}

/* A hidden field belongs to a later stage: its text is not part of this one. */
static const char *
visible_text (AdwEntryRow *row, GtkWidget *field)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));

  if (!gtk_widget_get_visible (field))
    return NULL;
  return *text != '\0' ? text : NULL;
}

static gboolean
ti_adoption_editor_save (TiEditorWindow *window)
{
  TiAdoptionEditor *self = TI_ADOPTION_EDITOR (window);
  g_autoptr (GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *role = NULL;
  TiCharterAdoption adoption = { 0 };

  clear_messages (self);
  adoption.organisation_id = self->organisation_id;
  adoption.stage = adw_combo_row_get_selected (self->stage_row);
  if (!read_date (self, self->consultation_row, self->consultation_message, self->consultation_box,
                  &adoption.consultation_started_on)
      || !read_date (self, self->signed_row, self->signed_message, self->signed_box,
                     &adoption.signed_on)
      || !read_date (self, self->review_row, self->review_message, self->review_box,
                     &adoption.review_on))
    return FALSE;
  name = g_strdup (visible_text (self->signatory_name_row, self->signatory_name_box));
  role = g_strdup (visible_text (self->signatory_role_row, self->signatory_role_box));
  adoption.signatory_name = name;
  adoption.signatory_role = role;

  if (!ti_charter_validate_adoption (&adoption, &error)
      || !ti_charter_set_adoption (self->database, &adoption, &error))
    {
      show_error (self, error);
      return FALSE;
    }
  g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
}

/* Commitments ------------------------------------------------------------------------- */

static void load_commitments (TiAdoptionEditor *self);

static void
toast (TiAdoptionEditor *self, AdwToast *toast)
{
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
commitments_changed (TiAdoptionEditor *self, const char *message)
{
  load_commitments (self);
  g_signal_emit (self, signals[CHANGED], 0);
  if (message != NULL)
    toast (self, adw_toast_new (message));
}

static void
done_toggled_cb (GtkCheckButton *check, TiAdoptionEditor *self)
{
  TiCharterCommitment *commitment = g_object_get_data (G_OBJECT (check), "commitment");
  g_autoptr (GError) error = NULL;
  const char *message;
  GDate due_on, done_on;

  g_date_clear (&due_on, 1);
  g_date_clear (&done_on, 1);
  if (commitment->due_on != NULL)
    ti_date_parse (commitment->due_on, &due_on);
  if (gtk_check_button_get_active (check))
    g_date_set_time_t (&done_on, time (NULL));
  if (!ti_charter_update_commitment (self->database, commitment->id, commitment->action,
                                     g_date_valid (&due_on) ? &due_on : NULL,
                                     g_date_valid (&done_on) ? &done_on : NULL, &error))
    {
      toast (self, adw_toast_new (error->message));
      load_commitments (self);
      return;
    }
  message = gtk_check_button_get_active (check) ? _("Commitment marked done today")
                                                : _("Commitment marked not done");
  commitments_changed (self, message);
}

static void
remove_clicked_cb (GtkButton *button, TiAdoptionEditor *self)
{
  TiCharterCommitment *commitment = g_object_get_data (G_OBJECT (button), "commitment");
  g_autoptr (GError) error = NULL;
  AdwToast *undo;

  g_free (self->removed_action);
  self->removed_action = g_strdup (commitment->action);
  g_date_clear (&self->removed_due_on, 1);
  g_date_clear (&self->removed_done_on, 1);
  if (commitment->due_on != NULL)
    ti_date_parse (commitment->due_on, &self->removed_due_on);
  if (commitment->done_on != NULL)
    ti_date_parse (commitment->done_on, &self->removed_done_on);
  if (!ti_charter_remove_commitment (self->database, commitment->id, &error))
    {
      toast (self, adw_toast_new (error->message));
      return;
    }
  commitments_changed (self, NULL);
  undo = adw_toast_new (_("Commitment removed"));
  adw_toast_set_button_label (undo, _("_Undo"));
  adw_toast_set_action_name (undo, "adoption.undo-remove");
  toast (self, undo);
}

static void
undo_remove_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  TiAdoptionEditor *self = TI_ADOPTION_EDITOR (widget);
  g_autoptr (GError) error = NULL;

  if (self->removed_action == NULL)
    return;
  if (!ti_charter_add_commitment (self->database, self->organisation_id, self->removed_action,
                                  g_date_valid (&self->removed_due_on) ? &self->removed_due_on : NULL,
                                  g_date_valid (&self->removed_done_on) ? &self->removed_done_on : NULL,
                                  NULL, &error))
    {
      toast (self, adw_toast_new (error->message));
      return;
    }
  g_clear_pointer (&self->removed_action, g_free);
  commitments_changed (self, NULL);
}

static void
commitment_free (gpointer data)
{
  TiCharterCommitment *commitment = data;

  g_free (commitment->action);
  g_free (commitment->due_on);
  g_free (commitment->done_on);
  g_free (commitment);
}

static char *
commitment_subtitle (const TiCharterCommitment *commitment)
{
  g_autofree char *due = commitment->due_on ? ti_format_date (commitment->due_on) : NULL;
  g_autofree char *done = commitment->done_on ? ti_format_date (commitment->done_on) : NULL;

  if (due != NULL && done != NULL)
    return g_strdup_printf (_("Due %s · done %s"), due, done);
  if (done != NULL)
    return g_strdup_printf (_("Done %s"), done);
  if (due != NULL)
    return g_strdup_printf (_("Due %s"), due);
  return g_strdup (_("No due date"));
}

static GtkWidget *
commitment_row (TiAdoptionEditor *self, TiCharterCommitment *commitment)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  g_autofree char *subtitle = commitment_subtitle (commitment);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), commitment->action);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), commitment->done_on != NULL);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (check, _("Done"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Done"), -1);
  g_object_set_data_full (G_OBJECT (check), "commitment", commitment, commitment_free);
  g_signal_connect_object (check, "toggled", G_CALLBACK (done_toggled_cb), self, 0);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);

  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, _("Remove Commitment"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Remove Commitment"), -1);
  g_object_set_data (G_OBJECT (remove), "commitment", commitment);
  g_signal_connect_object (remove, "clicked", G_CALLBACK (remove_clicked_cb), self, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
  return row;
}

static void
load_commitments (TiAdoptionEditor *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) commitments = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->commitments_list))) != NULL)
    gtk_list_box_remove (self->commitments_list, child);

  commitments = ti_charter_list_commitments (self->database, self->organisation_id, &error);
  if (commitments == NULL)
    {
      ti_editor_window_show_error (TI_EDITOR_WINDOW (self), NULL, self->add_message,
                                   error->message, FALSE);
      return;
    }
  if (commitments->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No commitments yet"));
      gtk_widget_add_css_class (row, "dim-label");
      gtk_list_box_append (self->commitments_list, row);
    }
  /* Each row takes its commitment, so the array gives them up. */
  g_ptr_array_set_free_func (commitments, NULL);
  for (guint i = 0; i < commitments->len; i++)
    gtk_list_box_append (self->commitments_list,
                         commitment_row (self, g_ptr_array_index (commitments, i)));
}

static void
add_changed_cb (TiAdoptionEditor *self)
{
  ti_editor_window_clear_error (TI_EDITOR_WINDOW (self), GTK_WIDGET (self->action_row),
                                self->add_message);
  ti_editor_window_clear_error (TI_EDITOR_WINDOW (self), GTK_WIDGET (self->due_row), NULL);
}

static void
add_commitment_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  TiAdoptionEditor *self = TI_ADOPTION_EDITOR (widget);
  g_autoptr (GError) error = NULL;
  g_autofree char *action = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->action_row))));
  GDate due_on;

  add_changed_cb (self);
  if (!read_date (self, self->due_row, self->add_message, GTK_WIDGET (self->due_row), &due_on))
    return;
  if (!ti_charter_add_commitment (self->database, self->organisation_id, action,
                                  g_date_valid (&due_on) ? &due_on : NULL, NULL, NULL, &error))
    {
      GtkWidget *row = g_error_matches (error, TI_CHARTER_ERROR, TI_CHARTER_ERROR_ACTION)
                         ? GTK_WIDGET (self->action_row)
                         : NULL;

      ti_editor_window_show_error (TI_EDITOR_WINDOW (self), row, self->add_message, error->message,
                                   TRUE);
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (self->action_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->due_row), "");
  commitments_changed (self, _("Commitment added"));
}

/* Construction -------------------------------------------------------------------------- */

static void
fill (TiAdoptionEditor *self, const char *organisation_name)
{
  g_autoptr (GtkStringList) stages = gtk_string_list_new (NULL);
  g_autoptr (GError) error = NULL;
  TiCharterAdoption adoption = { 0 };

  adw_window_title_set_subtitle (self->window_title, organisation_name);
  for (guint stage = 0; stage < TI_CHARTER_N_STAGES; stage++)
    gtk_string_list_append (stages, ti_charter_stage_label (ti_charter_stage_key (stage)));
  adw_combo_row_set_model (self->stage_row, G_LIST_MODEL (stages));

  if (ti_charter_get_adoption (self->database, self->organisation_id, &adoption, &error))
    {
      adw_combo_row_set_selected (self->stage_row, adoption.stage);
      set_date_text (self->consultation_row, &adoption.consultation_started_on);
      set_date_text (self->signed_row, &adoption.signed_on);
      set_date_text (self->review_row, &adoption.review_on);
      gtk_editable_set_text (GTK_EDITABLE (self->signatory_name_row),
                             adoption.signatory_name ? adoption.signatory_name : "");
      gtk_editable_set_text (GTK_EDITABLE (self->signatory_role_row),
                             adoption.signatory_role ? adoption.signatory_role : "");
      ti_charter_adoption_clear (&adoption);
    }
  else
    ti_editor_window_show_error (TI_EDITOR_WINDOW (self), NULL, self->general_message,
                                 error->message, FALSE);
  stage_changed_cb (self);
  load_commitments (self);
  /* Filling the fields is no change. */
  ti_editor_window_set_changed (TI_EDITOR_WINDOW (self), FALSE);
}

/**
 * ti_adoption_editor_new:
 * @database: the open programme
 * @organisation_id: the organisation whose adoption this is
 * @organisation_name: its name, shown under the title
 *
 * Returns: (transfer none): a new editor; it emits ::changed after each saved change.
 */
TiAdoptionEditor *
ti_adoption_editor_new (TiDatabase *database, gint64 organisation_id,
                        const char *organisation_name)
{
  TiAdoptionEditor *self = g_object_new (TI_TYPE_ADOPTION_EDITOR, NULL);

  self->database = g_object_ref (database);
  self->organisation_id = organisation_id;
  fill (self, organisation_name);
  return self;
}

static void
ti_adoption_editor_dispose (GObject *object)
{
  TiAdoptionEditor *self = TI_ADOPTION_EDITOR (object);

  g_clear_object (&self->database);
  g_clear_pointer (&self->removed_action, g_free);

  G_OBJECT_CLASS (ti_adoption_editor_parent_class)->dispose (object);
}

static void
ti_adoption_editor_class_init (TiAdoptionEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  TiEditorWindowClass *editor_class = TI_EDITOR_WINDOW_CLASS (klass);

  object_class->dispose = ti_adoption_editor_dispose;
  editor_class->save = ti_adoption_editor_save;

  /**
   * TiAdoptionEditor::changed:
   *
   * The adoption or its commitments changed in the programme.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ti-adoption-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, TiAdoptionEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, TiAdoptionEditor, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, TiAdoptionEditor, general_message);
  gtk_widget_class_bind_template_child (widget_class, TiAdoptionEditor, stage_box);
  gtk_widget_class_bind_template_child (widget_class, TiAdoptionEditor, stage_row);
  gtk_widget_class_bind_template_child (widget_class, TiAdoptionEditor, stage_message);
  gtk_widget_class_bind_template_child (widget_class, TiAdoptionEditor, consultation_box);
  gtk_widget_class_bind_template_child (widget_class, TiAdoptionEditor, consultation_row);
  gtk_widget_class_bind_template_child (widget_class, TiAdoptionEditor, consultation_message);
  gtk_widget_class_bind_template_child (widget_class, TiAdoptionEditor, signed_box);
  gtk_widget_class_bind_template_child (widget_class, TiAdoptionEditor, signed_row);
  gtk_widget_class_bind_template_child (widget_class, TiAdoptionEditor, signed_message);
  gtk_widget_class_bind_template_child (widget_class, TiAdoptionEditor, signatory_name_box);
  gtk_widget_class_bind_template_child (widget_class, TiAdoptionEditor, signatory_name_row);
  gtk_widget_class_bind_template_child (widget_class, TiAdoptionEditor, signatory_name_message);
  gtk_widget_class_bind_template_child (widget_class, TiAdoptionEditor, signatory_role_box);
  gtk_widget_class_bind_template_child (widget_class, TiAdoptionEditor, signatory_role_row);
  gtk_widget_class_bind_template_child (widget_class, TiAdoptionEditor, signatory_role_message);
  gtk_widget_class_bind_template_child (widget_class, TiAdoptionEditor, review_box);
  gtk_widget_class_bind_template_child (widget_class, TiAdoptionEditor, review_row);
  gtk_widget_class_bind_template_child (widget_class, TiAdoptionEditor, review_message);
  gtk_widget_class_bind_template_child (widget_class, TiAdoptionEditor, commitments_list);
  gtk_widget_class_bind_template_child (widget_class, TiAdoptionEditor, action_row);
  gtk_widget_class_bind_template_child (widget_class, TiAdoptionEditor, due_row);
  gtk_widget_class_bind_template_child (widget_class, TiAdoptionEditor, add_message);
  gtk_widget_class_bind_template_callback_full (widget_class, "field_changed_cb",
                                                G_CALLBACK (ti_editor_window_mark_changed));
  gtk_widget_class_bind_template_callback (widget_class, stage_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_changed_cb);

  ti_editor_window_class_install_actions (editor_class, "adoption");
  gtk_widget_class_install_action (widget_class, "adoption.add-commitment", NULL,
                                   add_commitment_activated);
  gtk_widget_class_install_action (widget_class, "adoption.undo-remove", NULL,
                                   undo_remove_activated);
}

static void
ti_adoption_editor_init (TiAdoptionEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
