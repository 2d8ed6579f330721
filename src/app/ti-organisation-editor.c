/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ti-organisation-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "ti-organisation-editor.h"
#include "ti-organisations.h"
#include "ti-vocabulary.h"

/**
 * TiOrganisationEditor:
 *
 * Adds or edits one organisation: name, sector, locality, headcount and parent. The core
 * validates; a refused field is marked and its message shown under it, and nothing is
 * saved.
 */
struct _TiOrganisationEditor
{
  TiEditorWindow parent_instance;

  TiDatabase *database;
  gint64 id;
  GArray *parent_ids; /* the parent dropdown's positions → ids; position 0 is "None" */

  GtkLabel *general_message;
  AdwEntryRow *name_row;
  GtkLabel *name_message;
  AdwComboRow *sector_row;
  AdwComboRow *locality_row;
  GtkLabel *vocabulary_message;
  AdwActionRow *headcount_row;
  GtkSpinButton *headcount_spin;
  GtkLabel *headcount_message;
  AdwActionRow *parent_row;
  GtkDropDown *parent_dropdown;
  GtkLabel *parent_message;
};

G_DEFINE_FINAL_TYPE (TiOrganisationEditor, ti_organisation_editor, TI_TYPE_EDITOR_WINDOW)

enum
{
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
clear_messages (TiOrganisationEditor *self)
{
  TiEditorWindow *window = TI_EDITOR_WINDOW (self);

  ti_editor_window_clear_error (window, NULL, self->general_message);
  ti_editor_window_clear_error (window, GTK_WIDGET (self->name_row), self->name_message);
  ti_editor_window_clear_error (window, GTK_WIDGET (self->sector_row), self->vocabulary_message);
  ti_editor_window_clear_error (window, GTK_WIDGET (self->locality_row), NULL);
  ti_editor_window_clear_error (window, GTK_WIDGET (self->headcount_row), self->headcount_message);
  ti_editor_window_clear_error (window, GTK_WIDGET (self->parent_row), self->parent_message);
}

/* Marks the field the error names, and puts its message under it. */
static void
show_error (TiOrganisationEditor *self, const GError *error)
{
  GtkLabel *label = self->general_message;
  GtkWidget *row = NULL;

  if (error->domain == TI_ORGANISATIONS_ERROR)
    switch (error->code)
      {
      case TI_ORGANISATIONS_ERROR_NAME:
        label = self->name_message, row = GTK_WIDGET (self->name_row);
        break;
      case TI_ORGANISATIONS_ERROR_SECTOR:
        label = self->vocabulary_message, row = GTK_WIDGET (self->sector_row);
        break;
      case TI_ORGANISATIONS_ERROR_LOCALITY:
        label = self->vocabulary_message, row = GTK_WIDGET (self->locality_row);
        break;
      case TI_ORGANISATIONS_ERROR_HEADCOUNT:
        label = self->headcount_message, row = GTK_WIDGET (self->headcount_row);
        break;
      case TI_ORGANISATIONS_ERROR_PARENT:
        label = self->parent_message, row = GTK_WIDGET (self->parent_row);
        break;
      default:
        break;
      }
  ti_editor_window_show_error (TI_EDITOR_WINDOW (self), row, label, error->message, TRUE);
}

static gboolean
ti_organisation_editor_save (TiEditorWindow *window)
{
  TiOrganisationEditor *self = TI_ORGANISATION_EDITOR (window);
  g_autoptr (GError) error = NULL;
  guint n_sectors, n_localities;
  const TiTerm *sectors = ti_vocabulary_sectors (&n_sectors);
  const TiTerm *localities = ti_vocabulary_localities (&n_localities);
  guint sector = adw_combo_row_get_selected (self->sector_row);
  guint locality = adw_combo_row_get_selected (self->locality_row);
  guint parent = gtk_drop_down_get_selected (self->parent_dropdown);
  TiOrganisationEdit edit = {
    .id = self->id,
    .name = gtk_editable_get_text (GTK_EDITABLE (self->name_row)),
    .sector = sector < n_sectors ? sectors[sector].key : "",
    .locality = locality < n_localities ? localities[locality].key : "",
    .headcount = (gint64) gtk_spin_button_get_value (self->headcount_spin),
    .parent_id = parent < self->parent_ids->len ? g_array_index (self->parent_ids, gint64, parent) : 0,
  };
  gint64 id = 0;

  clear_messages (self);
  if (!ti_organisations_save (self->database, &edit, &id, &error))
    {
      show_error (self, error);
      return FALSE;
    }
  g_signal_emit (self, signals[SAVED], 0, id);
  return TRUE;
}

static GListModel *
vocabulary_model (const TiTerm *terms, guint n_terms, const char *(*label) (const char *key))
{
  GtkStringList *list = gtk_string_list_new (NULL);

  for (guint i = 0; i < n_terms; i++)
    gtk_string_list_append (list, label (terms[i].key));
  return G_LIST_MODEL (list);
}

static guint
term_position (const TiTerm *terms, guint n_terms, const char *key)
{
  for (guint i = 0; i < n_terms; i++)
    if (g_strcmp0 (terms[i].key, key) == 0)
      return i;
  return 0;
}

static void
fill (TiOrganisationEditor *self, GListModel *organisations, TiOrganisation *organisation)
{
  g_autoptr (GtkStringList) parents = gtk_string_list_new (NULL);
  g_autoptr (GListModel) sector_model = NULL;
  g_autoptr (GListModel) locality_model = NULL;
  guint n_sectors, n_localities;
  const TiTerm *sectors = ti_vocabulary_sectors (&n_sectors);
  const TiTerm *localities = ti_vocabulary_localities (&n_localities);
  gint64 parent_id = organisation ? ti_organisation_get_parent_id (organisation) : 0;
  guint parent_position = 0;
  gint64 none = 0;
  guint n = organisations ? g_list_model_get_n_items (organisations) : 0;

  sector_model = vocabulary_model (sectors, n_sectors, ti_vocabulary_sector_label);
  locality_model = vocabulary_model (localities, n_localities, ti_vocabulary_locality_label);
  adw_combo_row_set_model (self->sector_row, sector_model);
  adw_combo_row_set_model (self->locality_row, locality_model);

  gtk_string_list_append (parents, _("None"));
  g_array_append_val (self->parent_ids, none);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (TiOrganisation) other = g_list_model_get_item (organisations, i);
      gint64 other_id = ti_organisation_get_id (other);

      if (organisation != NULL && other_id == self->id)
        continue;
      if (other_id == parent_id)
        parent_position = self->parent_ids->len;
      gtk_string_list_append (parents, ti_organisation_get_name (other));
      g_array_append_val (self->parent_ids, other_id);
    }
  gtk_drop_down_set_model (self->parent_dropdown, G_LIST_MODEL (parents));

  if (organisation != NULL)
    {
      gtk_window_set_title (GTK_WINDOW (self), _("Edit Organisation"));
      gtk_editable_set_text (GTK_EDITABLE (self->name_row), ti_organisation_get_name (organisation));
      adw_combo_row_set_selected (self->sector_row,
                                  term_position (sectors, n_sectors,
                                                 ti_organisation_get_sector_key (organisation)));
      adw_combo_row_set_selected (self->locality_row,
                                  term_position (localities, n_localities,
                                                 ti_organisation_get_locality_key (organisation)));
      gtk_spin_button_set_value (self->headcount_spin,
                                 (double) ti_organisation_get_headcount (organisation));
      gtk_drop_down_set_selected (self->parent_dropdown, parent_position);
    }
  else
    {
      gtk_window_set_title (GTK_WINDOW (self), _("New Organisation"));
      gtk_drop_down_set_selected (self->parent_dropdown, 0);
    }
  /* Filling the fields is no change. */
  ti_editor_window_set_changed (TI_EDITOR_WINDOW (self), FALSE);
}

/**
 * ti_organisation_editor_new:
 * @database: the open programme
 * @organisations: (nullable): the organisations, offered as parents
 * @organisation: (nullable): the one to edit, or %NULL to add one
 *
 * Returns: (transfer none): a new editor; it emits ::saved with the id, then closes.
 */
TiOrganisationEditor *
ti_organisation_editor_new (TiDatabase *database, GListModel *organisations,
                            TiOrganisation *organisation)
{
  TiOrganisationEditor *self = g_object_new (TI_TYPE_ORGANISATION_EDITOR, NULL);

  self->database = g_object_ref (database);
  self->id = organisation ? ti_organisation_get_id (organisation) : 0;
  fill (self, organisations, organisation);
  return self;
}

static void
ti_organisation_editor_dispose (GObject *object)
{
  TiOrganisationEditor *self = TI_ORGANISATION_EDITOR (object);

  g_clear_object (&self->database);
  g_clear_pointer (&self->parent_ids, g_array_unref);

  G_OBJECT_CLASS (ti_organisation_editor_parent_class)->dispose (object);
}

static void
ti_organisation_editor_class_init (TiOrganisationEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  TiEditorWindowClass *editor_class = TI_EDITOR_WINDOW_CLASS (klass);

  object_class->dispose = ti_organisation_editor_dispose;
  editor_class->save = ti_organisation_editor_save;

  /**
   * TiOrganisationEditor::saved:
   * @id: the organisation's id
   *
   * The organisation was saved.
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                 NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ti-organisation-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, TiOrganisationEditor, general_message);
  gtk_widget_class_bind_template_child (widget_class, TiOrganisationEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, TiOrganisationEditor, name_message);
  gtk_widget_class_bind_template_child (widget_class, TiOrganisationEditor, sector_row);
  gtk_widget_class_bind_template_child (widget_class, TiOrganisationEditor, locality_row);
  gtk_widget_class_bind_template_child (widget_class, TiOrganisationEditor, vocabulary_message);
  gtk_widget_class_bind_template_child (widget_class, TiOrganisationEditor, headcount_row);
  gtk_widget_class_bind_template_child (widget_class, TiOrganisationEditor, headcount_spin);
  gtk_widget_class_bind_template_child (widget_class, TiOrganisationEditor, headcount_message);
  gtk_widget_class_bind_template_child (widget_class, TiOrganisationEditor, parent_row);
  gtk_widget_class_bind_template_child (widget_class, TiOrganisationEditor, parent_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TiOrganisationEditor, parent_message);
  gtk_widget_class_bind_template_callback_full (widget_class, "field_changed_cb",
                                                G_CALLBACK (ti_editor_window_mark_changed));

  ti_editor_window_class_install_actions (editor_class, "editor");
}

static void
ti_organisation_editor_init (TiOrganisationEditor *self)
{
  GtkExpression *expression;

  self->parent_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gtk_widget_init_template (GTK_WIDGET (self));

  /* The dropdown searches the names. */
  expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");
  gtk_drop_down_set_expression (self->parent_dropdown, expression);
  gtk_expression_unref (expression);
}
