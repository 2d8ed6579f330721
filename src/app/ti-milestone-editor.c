/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ti-milestone-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "ti-feedback.h"
#include "ti-milestone-editor.h"
#include "ti-milestones.h"

/**
 * TiMilestoneEditor:
 *
 * Adds or edits one milestone: what is to be done, its workstream, the month it is due,
 * the day it was done, and its evidence — one event, session or charter signature chosen
 * from the programme, or a sentence. The core checks every field
 * (ti_milestones_validate_all()); each one at fault is marked with its message under it, and
 * the first takes the focus. Emits #TiMilestoneEditor::saved with the milestone's id.
 */

typedef enum
{
  FIELD_TITLE,
  FIELD_WORKSTREAM,
  FIELD_DUE,
  FIELD_DONE,
  FIELD_EVIDENCE,
  N_FIELDS
} Field;

struct _TiMilestoneEditor
{
  TiEditorWindow parent_instance;

  TiDatabase *database;
  gint64 id;
  GPtrArray *choices; /* of TiEvidenceChoice, for the kind shown */
  TiEvidenceKind choices_kind;
  char *initial_values;

  TiEditorField fields[N_FIELDS];
  GtkStringList *workstream_choices;
  GtkStringList *evidence_choices;
  AdwActionRow *choice_row;
  GtkDropDown *choice_dropdown;
  GtkStringList *choice_list;
  GtkEditable *text_row;
};

G_DEFINE_FINAL_TYPE (TiMilestoneEditor, ti_milestone_editor, TI_TYPE_EDITOR_WINDOW)

enum
{
  SIGNAL_SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The kinds of evidence, in the combo row's order. */
static const TiEvidenceKind kinds[] = { TI_EVIDENCE_NONE, TI_EVIDENCE_EVENT, TI_EVIDENCE_SESSION,
                                        TI_EVIDENCE_CHARTER, TI_EVIDENCE_TEXT };

static const char *
field_text (TiMilestoneEditor *self, Field field)
{
  return gtk_editable_get_text (GTK_EDITABLE (self->fields[field].row));
}

static guint
combo_choice (TiMilestoneEditor *self, Field field)
{
  return adw_combo_row_get_selected (ADW_COMBO_ROW (self->fields[field].row));
}

static TiEvidenceKind
selected_kind (TiMilestoneEditor *self)
{
  return kinds[MIN (combo_choice (self, FIELD_EVIDENCE), G_N_ELEMENTS (kinds) - 1)];
}

static gint64
selected_evidence_id (TiMilestoneEditor *self)
{
  guint i = gtk_drop_down_get_selected (self->choice_dropdown);

  if (self->choices == NULL || i >= self->choices->len)
    return 0;
  return ((TiEvidenceChoice *)g_ptr_array_index (self->choices, i))->id;
}

static char *
current_values (TiMilestoneEditor *self)
{
  return g_strdup_printf ("%s\x1f%u\x1f%s\x1f%s\x1f%u\x1f%" G_GINT64_FORMAT "\x1f%s",
                          field_text (self, FIELD_TITLE), combo_choice (self, FIELD_WORKSTREAM),
                          field_text (self, FIELD_DUE), field_text (self, FIELD_DONE),
                          combo_choice (self, FIELD_EVIDENCE), selected_evidence_id (self),
                          gtk_editable_get_text (self->text_row));
}

static void
update_changed (TiMilestoneEditor *self)
{
  g_autofree char *values = NULL;

  if (self->initial_values == NULL)
    return;
  values = current_values (self);
  ti_editor_window_set_changed (TI_EDITOR_WINDOW (self),
                                g_strcmp0 (values, self->initial_values) != 0);
}

static void
clear_field_error (TiMilestoneEditor *self, Field field)
{
  ti_editor_window_clear_error (TI_EDITOR_WINDOW (self), self->fields[field].row,
                                self->fields[field].error_label);
}

/* The evidence's message goes under the row that holds it; the focus goes to its control. */
static void
show_field_error (TiMilestoneEditor *self, Field field, const char *message, gboolean focus)
{
  TiEvidenceKind kind = selected_kind (self);
  GtkWidget *focus_widget = self->fields[field].row;

  if (field == FIELD_EVIDENCE && kind == TI_EVIDENCE_TEXT)
    focus_widget = GTK_WIDGET (self->text_row);
  else if (field == FIELD_EVIDENCE && kind != TI_EVIDENCE_NONE)
    focus_widget = GTK_WIDGET (self->choice_dropdown);
  ti_editor_window_show_error (TI_EDITOR_WINDOW (self), self->fields[field].row,
                               self->fields[field].error_label, message, FALSE);
  if (focus)
    gtk_widget_grab_focus (focus_widget);
}

/* Evidence --------------------------------------------------------------------------------- */

/* Fills the choices for the kind chosen, and shows the row that kind needs. */
static void
update_evidence_rows (TiMilestoneEditor *self)
{
  TiEvidenceKind kind = selected_kind (self);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) labels = NULL;
  gboolean chooses
    = kind == TI_EVIDENCE_EVENT || kind == TI_EVIDENCE_SESSION || kind == TI_EVIDENCE_CHARTER;

  gtk_widget_set_visible (GTK_WIDGET (self->text_row), kind == TI_EVIDENCE_TEXT);
  gtk_widget_set_visible (GTK_WIDGET (self->choice_row), chooses);
  if (!chooses || kind == self->choices_kind || self->database == NULL)
    return;

  g_clear_pointer (&self->choices, g_ptr_array_unref);
  self->choices_kind = kind;
  self->choices = ti_milestones_list_evidence (self->database, kind, &error);
  if (self->choices == NULL)
    {
      show_field_error (self, FIELD_EVIDENCE, error->message, FALSE);
      self->choices = g_ptr_array_new ();
    }
  labels = g_ptr_array_new ();
  for (guint i = 0; i < self->choices->len; i++)
    g_ptr_array_add (labels, ((TiEvidenceChoice *)g_ptr_array_index (self->choices, i))->label);
  g_ptr_array_add (labels, NULL);
  gtk_string_list_splice (self->choice_list, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->choice_list)),
                          (const char *const *)labels->pdata);
  gtk_drop_down_set_selected (self->choice_dropdown, GTK_INVALID_LIST_POSITION);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->choice_row),
                                 kind == TI_EVIDENCE_EVENT     ? _ ("Event")
                                 : kind == TI_EVIDENCE_SESSION ? _ ("Session")
                                                               : _ ("Signed by"));
  adw_action_row_set_subtitle (
    self->choice_row, self->choices->len > 0      ? NULL
                      : kind == TI_EVIDENCE_EVENT ? _ ("No network event has been planned yet.")
                      : kind == TI_EVIDENCE_SESSION
                        ? _ ("No Tier 2/3 session has been planned yet.")
                        : _ ("No organisation has signed the charter yet."));
  gtk_accessible_update_property (
    GTK_ACCESSIBLE (self->choice_dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL,
    adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self->choice_row)), -1);
}

static void
select_evidence (TiMilestoneEditor *self, gint64 id)
{
  for (guint i = 0; self->choices != NULL && i < self->choices->len; i++)
    if (((TiEvidenceChoice *)g_ptr_array_index (self->choices, i))->id == id)
      gtk_drop_down_set_selected (self->choice_dropdown, i);
}

static void
field_changed_cb (TiMilestoneEditor *self, GtkWidget *widget)
{
  for (guint i = 0; i < N_FIELDS; i++)
    if (widget == self->fields[i].row
        || (i == FIELD_EVIDENCE
            && (widget == GTK_WIDGET (self->choice_dropdown)
                || widget == GTK_WIDGET (self->text_row))))
      clear_field_error (self, i);
  if (widget == self->fields[FIELD_EVIDENCE].row)
    update_evidence_rows (self);
  update_changed (self);
}

static void
field_notify_cb (TiMilestoneEditor *self, GParamSpec *pspec, GtkWidget *widget)
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
    { TI_MILESTONES_ERROR_TITLE, FIELD_TITLE },
    { TI_MILESTONES_ERROR_WORKSTREAM, FIELD_WORKSTREAM },
    { TI_MILESTONES_ERROR_DUE_MONTH, FIELD_DUE },
    { TI_MILESTONES_ERROR_DONE_ON, FIELD_DONE },
    { TI_MILESTONES_ERROR_EVIDENCE, FIELD_EVIDENCE },
  };

  for (guint i = 0; error->domain == TI_MILESTONES_ERROR && i < G_N_ELEMENTS (map); i++)
    if (map[i].code == error->code)
      return map[i].field;
  return -1;
}

/* Saving ----------------------------------------------------------------------------------- */

static gboolean
ti_milestone_editor_save (TiEditorWindow *window)
{
  TiMilestoneEditor *self = TI_MILESTONE_EDITOR (window);
  const char *const *workstreams = ti_workstream_keys (NULL);
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (GError) error = NULL;
  guint workstream = combo_choice (self, FIELD_WORKSTREAM);
  TiMilestoneEdit edit = { 0 };
  gint64 id = 0;

  for (guint i = 0; i < N_FIELDS; i++)
    clear_field_error (self, i);

  edit.id = self->id;
  edit.title = field_text (self, FIELD_TITLE);
  edit.workstream
    = workstream < g_strv_length ((char **)workstreams) ? workstreams[workstream] : NULL;
  edit.due_month = field_text (self, FIELD_DUE);
  edit.done_on = field_text (self, FIELD_DONE);
  edit.evidence_kind = selected_kind (self);
  edit.evidence_id = selected_evidence_id (self);
  edit.evidence_text = gtk_editable_get_text (self->text_row);

  problems = ti_milestones_validate_all (self->database, &edit, &error);
  if (problems == NULL)
    {
      ti_feedback_show_message (GTK_WIDGET (self), _ ("The Milestone Could Not Be Saved"),
                                error->message);
      return FALSE;
    }
  if (!ti_editor_window_show_problems (TI_EDITOR_WINDOW (self), problems, self->fields, N_FIELDS,
                                       field_for_error, (TiEditorShowFunc) show_field_error,
                                       _ ("The Milestone Could Not Be Saved")))
    return FALSE;

  if (!ti_milestones_save (self->database, &edit, &id, &error))
    {
      int field = field_for_error (error);

      if (field >= 0)
        show_field_error (self, field, error->message, TRUE);
      else
        ti_feedback_show_message (GTK_WIDGET (self), _ ("The Milestone Could Not Be Saved"),
                                  error->message);
      return FALSE;
    }
  g_signal_emit (self, signals[SIGNAL_SAVED], 0, id);
  return TRUE;
}

/* Filling the fields ----------------------------------------------------------------------- */

static void
set_text (TiMilestoneEditor *self, Field field, const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (self->fields[field].row), text ? text : "");
}

static void
fill_from_milestone (TiMilestoneEditor *self, TiMilestone *milestone)
{
  const char *const *workstreams = ti_workstream_keys (NULL);
  TiEvidenceKind kind = ti_milestone_get_evidence_kind (milestone);

  self->id = ti_milestone_get_id (milestone);
  set_text (self, FIELD_TITLE, ti_milestone_get_title (milestone));
  for (guint i = 0; workstreams[i] != NULL; i++)
    if (g_strcmp0 (workstreams[i], ti_milestone_get_workstream_key (milestone)) == 0)
      adw_combo_row_set_selected (ADW_COMBO_ROW (self->fields[FIELD_WORKSTREAM].row), i);
  set_text (self, FIELD_DUE, ti_milestone_get_due_month (milestone));
  set_text (self, FIELD_DONE, ti_milestone_get_done_on (milestone));
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (kinds[i] == kind)
      adw_combo_row_set_selected (ADW_COMBO_ROW (self->fields[FIELD_EVIDENCE].row), i);
  update_evidence_rows (self);
  select_evidence (self, ti_milestone_get_evidence_id (milestone));
  gtk_editable_set_text (
    self->text_row, kind == TI_EVIDENCE_TEXT ? ti_milestone_get_evidence_text (milestone) : "");
}

/**
 * ti_milestone_editor_new:
 * @parent: the main window
 * @database: the open programme
 * @milestone: (nullable): the milestone to edit, or %NULL to add one
 *
 * Returns: (transfer none): the editor, not yet shown; it destroys itself when closed
 */
TiMilestoneEditor *
ti_milestone_editor_new (GtkWindow *parent, TiDatabase *database, TiMilestone *milestone)
{
  TiMilestoneEditor *self;

  g_return_val_if_fail (TI_IS_DATABASE (database), NULL);

  self = g_object_new (TI_TYPE_MILESTONE_EDITOR, "transient-for", parent, NULL);
  self->database = g_object_ref (database);
  if (milestone != NULL)
    {
      gtk_window_set_title (GTK_WINDOW (self), _ ("Edit Milestone"));
      fill_from_milestone (self, milestone);
    }
  else
    gtk_window_set_title (GTK_WINDOW (self), _ ("New Milestone"));
  self->initial_values = current_values (self);
  update_changed (self);
  gtk_widget_grab_focus (self->fields[FIELD_TITLE].row);
  return self;
}

static void
ti_milestone_editor_dispose (GObject *object)
{
  TiMilestoneEditor *self = TI_MILESTONE_EDITOR (object);

  g_clear_object (&self->database);
  g_clear_pointer (&self->choices, g_ptr_array_unref);

  G_OBJECT_CLASS (ti_milestone_editor_parent_class)->dispose (object);
}

static void
ti_milestone_editor_finalize (GObject *object)
{
  TiMilestoneEditor *self = TI_MILESTONE_EDITOR (object);

  g_free (self->initial_values);

  G_OBJECT_CLASS (ti_milestone_editor_parent_class)->finalize (object);
}

static void
ti_milestone_editor_class_init (TiMilestoneEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  TiEditorWindowClass *editor_class = TI_EDITOR_WINDOW_CLASS (klass);
  static const char *const field_names[N_FIELDS] = {
    "title", "workstream", "due", "done", "evidence",
  };

  object_class->dispose = ti_milestone_editor_dispose;
  object_class->finalize = ti_milestone_editor_finalize;
  editor_class->save = ti_milestone_editor_save;

  /**
   * TiMilestoneEditor::saved:
   * @id: the milestone's id
   *
   * The milestone was saved; the editor closes next.
   */
  signals[SIGNAL_SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                        NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ti-milestone-editor.ui");
  ti_editor_window_class_bind_fields (widget_class, field_names, N_FIELDS,
                                      G_STRUCT_OFFSET (TiMilestoneEditor, fields));
  gtk_widget_class_bind_template_child (widget_class, TiMilestoneEditor, workstream_choices);
  gtk_widget_class_bind_template_child (widget_class, TiMilestoneEditor, evidence_choices);
  gtk_widget_class_bind_template_child (widget_class, TiMilestoneEditor, choice_row);
  gtk_widget_class_bind_template_child (widget_class, TiMilestoneEditor, choice_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TiMilestoneEditor, choice_list);
  gtk_widget_class_bind_template_child (widget_class, TiMilestoneEditor, text_row);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, field_notify_cb);

  ti_editor_window_class_install_actions (editor_class, "editor");
}

static void
ti_milestone_editor_init (TiMilestoneEditor *self)
{
  const char *const *workstreams = ti_workstream_keys (NULL);

  self->choices_kind = TI_EVIDENCE_NONE;
  gtk_widget_init_template (GTK_WIDGET (self));
  /* The choices' words come from the core, so they read the same everywhere. */
  for (guint i = 0; workstreams[i] != NULL; i++)
    gtk_string_list_append (self->workstream_choices, ti_workstream_label (workstreams[i]));
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    gtk_string_list_append (self->evidence_choices, ti_evidence_kind_label (kinds[i]));
}
