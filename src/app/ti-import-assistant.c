/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ti-import-assistant"

#include "config.h"

#include <glib/gi18n.h>

#include "ti-format.h"
#include "ti-import-assistant.h"
#include "ti-window.h"

/**
 * TiImportAssistant:
 *
 * Brings a CSV file into the programme in three steps: choose what the file holds and the
 * file; see its first rows and match its columns to ours; import it in a worker thread.
 * The import is all or nothing, so a refused file is explained problem by problem, with
 * line numbers, and nothing is written.
 */
struct _TiImportAssistant
{
  AdwWindow parent_instance;

  GWeakRef window; /* the TiWindow told of an import, which may close first */
  char *db_path;
  TiImportKind kind;
  char *file;
  TiImportPreview *preview;  /* the chosen file, read for the chosen kind; its mapping is edited */
  GPtrArray *kind_checks;    /* a GtkCheckButton per kind, in TiImportKind order */
  GPtrArray *mapping_rows;   /* an AdwComboRow per field of the kind, in field order */
  GCancellable *cancellable; /* the import in progress, if any */
  gboolean disposed;

  /* template widgets */
  AdwToastOverlay *toast_overlay;
  AdwWindowTitle *window_title;
  GtkButton *cancel_button;
  GtkButton *back_button;
  GtkButton *next_button;
  GtkButton *import_button;
  GtkStack *steps;
  AdwPreferencesGroup *kind_group;
  AdwActionRow *file_row;
  GtkLabel *file_error_label;
  GtkColumnView *preview_view;
  AdwPreferencesGroup *mapping_group;
  GtkLabel *mapping_hint_label;
  GtkProgressBar *progress_bar;
  GtkLabel *problems_summary_label;
  AdwPreferencesGroup *problems_group;
  GtkListBox *problems_list;
  AdwPreferencesGroup *warnings_group;
  GtkListBox *warnings_list;
};

G_DEFINE_FINAL_TYPE (TiImportAssistant, ti_import_assistant, ADW_TYPE_WINDOW)

/* How many records of the file the preview shows. */
#define PREVIEW_ROWS 5

static const char *
kind_label (TiImportKind kind)
{
  switch (kind)
    {
    case TI_IMPORT_ORGANISATIONS:
      return _("Organisations");
    case TI_IMPORT_PEOPLE:
      return _("People");
    case TI_IMPORT_TIER1:
      return _("Tier 1 completions");
    default:
      return ti_import_kind_to_string (kind);
    }
}

/* The window names the file by its name, as the file row does; the full path is for the
 * command line. Messages from the import name it either as given or as displayed. */
static char *
with_file_name (const char *text, const char *path)
{
  g_autoptr (GString) shown = g_string_new (text);
  g_autofree char *display = NULL;
  g_autofree char *name = NULL;

  if (path == NULL)
    return g_string_free (g_steal_pointer (&shown), FALSE);
  display = g_filename_display_name (path);
  name = g_filename_display_basename (path);
  if (g_strcmp0 (display, name) != 0)
    g_string_replace (shown, display, name, 0);
  if (g_strcmp0 (path, name) != 0 && g_strcmp0 (path, display) != 0)
    g_string_replace (shown, path, name, 0);
  return g_string_free (g_steal_pointer (&shown), FALSE);
}

/* A header as the person reads it: an empty one is named by its place. */
static char *
header_label (const TiImportPreview *preview, guint column)
{
  const char *header = preview->headers[column];

  if (header[0] == '\0')
    return g_strdup_printf (_("Column %u, without a name"), column + 1);
  return g_strdup (header);
}

static gboolean
required_fields_mapped (TiImportAssistant *self)
{
  const TiImportField *fields;
  guint n_fields;

  if (self->preview == NULL)
    return FALSE;
  fields = ti_import_kind_get_fields (self->kind, &n_fields);
  for (guint f = 0; f < n_fields; f++)
    if (fields[f].required
        && ti_import_mapping_get (self->preview->mapping, fields[f].name) == NULL)
      return FALSE;
  return TRUE;
}

/* Under the columns: what is still needed, or which of the file's columns are left out. */
static void
update_mapping_hint (TiImportAssistant *self)
{
  g_autoptr (GString) missing = g_string_new (NULL);
  g_autoptr (GString) ignored = g_string_new (NULL);
  g_autofree char *text = NULL;
  const TiImportField *fields;
  guint n_fields;

  if (self->preview == NULL)
    return;
  fields = ti_import_kind_get_fields (self->kind, &n_fields);
  for (guint f = 0; f < n_fields; f++)
    if (fields[f].required
        && ti_import_mapping_get (self->preview->mapping, fields[f].name) == NULL)
      g_string_append_printf (missing, "%s%s", missing->len > 0 ? ", " : "",
                              _(fields[f].description));

  for (guint c = 0; self->preview->headers[c] != NULL; c++)
    {
      gboolean used = FALSE;

      for (guint f = 0; f < n_fields && !used; f++)
        used = g_strcmp0 (ti_import_mapping_get (self->preview->mapping, fields[f].name),
                          self->preview->headers[c])
               == 0;
      if (!used)
        {
          g_autofree char *label = header_label (self->preview, c);
          g_string_append_printf (ignored, "%s“%s”", ignored->len > 0 ? ", " : "", label);
        }
    }

  if (missing->len > 0)
    /* Translators: a list of the fields that still need a column of the file. */
    text = g_strdup_printf (_("Choose a column of the file for: %s."), missing->str);
  else if (ignored->len > 0)
    /* Translators: a list of the file's column names. */
    text
      = g_strdup_printf (_("Not imported, because no field above uses them: %s."), ignored->str);
  else
    text = g_strdup (_("Every column of the file is used."));
  gtk_label_set_text (self->mapping_hint_label, text);
}

static void
update_actions (TiImportAssistant *self)
{
  const char *step = gtk_stack_get_visible_child_name (self->steps);
  gboolean choosing = g_strcmp0 (step, "choose") == 0;
  gboolean mapping = g_strcmp0 (step, "map") == 0;
  gboolean importing = g_strcmp0 (step, "progress") == 0;
  gboolean problems = g_strcmp0 (step, "problems") == 0;
  GtkStackPage *page = gtk_stack_get_page (self->steps, gtk_stack_get_visible_child (self->steps));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.next",
                                 choosing && self->preview != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.start",
                                 mapping && required_fields_mapped (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.back", mapping || problems);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.choose-file", choosing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.stop", importing);

  gtk_widget_set_visible (GTK_WIDGET (self->next_button), choosing);
  gtk_widget_set_visible (GTK_WIDGET (self->import_button), mapping);
  gtk_widget_set_visible (GTK_WIDGET (self->back_button), mapping || problems);
  gtk_button_set_label (self->cancel_button, problems ? _("_Close") : _("_Cancel"));
  adw_window_title_set_subtitle (self->window_title, gtk_stack_page_get_title (page));
  update_mapping_hint (self);
}

static void
step_changed_cb (TiImportAssistant *self)
{
  update_actions (self);
}

/* The preview table: one column per header of the file, one row per record shown. */

static void
cell_setup_cb (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer column)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_width_chars (GTK_LABEL (label), 6);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 32);
  gtk_list_item_set_child (item, label);
}

static void
cell_bind_cb (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer column)
{
  GtkStringList *record = gtk_list_item_get_item (item);
  const char *value = gtk_string_list_get_string (record, GPOINTER_TO_UINT (column));

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), value != NULL ? value : "");
}

static void
rebuild_preview_view (TiImportAssistant *self)
{
  GListModel *columns = gtk_column_view_get_columns (self->preview_view);
  g_autoptr (GListStore) records = g_list_store_new (GTK_TYPE_STRING_LIST);
  g_autoptr (GtkNoSelection) selection = NULL;

  while (g_list_model_get_n_items (columns) > 0)
    {
      g_autoptr (GtkColumnViewColumn) column = g_list_model_get_item (columns, 0);
      gtk_column_view_remove_column (self->preview_view, column);
    }
  if (self->preview == NULL)
    {
      gtk_column_view_set_model (self->preview_view, NULL);
      return;
    }

  for (guint r = 0; r < self->preview->rows->len; r++)
    {
      const char *const *values = g_ptr_array_index (self->preview->rows, r);
      g_autoptr (GtkStringList) record = gtk_string_list_new (values);
      g_list_store_append (records, record);
    }
  for (guint c = 0; self->preview->headers[c] != NULL; c++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      g_autofree char *title = header_label (self->preview, c);
      g_autoptr (GtkColumnViewColumn) column = NULL;

      g_signal_connect (factory, "setup", G_CALLBACK (cell_setup_cb), GUINT_TO_POINTER (c));
      g_signal_connect (factory, "bind", G_CALLBACK (cell_bind_cb), GUINT_TO_POINTER (c));
      column = gtk_column_view_column_new (title, factory);
      gtk_column_view_append_column (self->preview_view, column);
    }
  selection = gtk_no_selection_new (G_LIST_MODEL (g_steal_pointer (&records)));
  gtk_column_view_set_model (self->preview_view, GTK_SELECTION_MODEL (selection));
}

/* The mapping: a row per field of ours, choosing the file's column that fills it. */

static void
mapping_selected_cb (AdwComboRow *row, GParamSpec *pspec, TiImportAssistant *self)
{
  const TiImportField *field = g_object_get_data (G_OBJECT (row), "ti-import-field");
  guint selected = adw_combo_row_get_selected (row);
  const char *header = NULL;

  if (self->preview == NULL)
    return;
  /* Item 0 is "not in this file"; item n is the file's column n - 1. */
  if (selected != GTK_INVALID_LIST_POSITION && selected > 0
      && selected <= g_strv_length (self->preview->headers))
    header = self->preview->headers[selected - 1];
  ti_import_mapping_set (self->preview->mapping, field->name, header);
  update_actions (self);
}

static void
clear_mapping_rows (TiImportAssistant *self)
{
  for (guint i = 0; i < self->mapping_rows->len; i++)
    adw_preferences_group_remove (self->mapping_group, g_ptr_array_index (self->mapping_rows, i));
  g_ptr_array_set_size (self->mapping_rows, 0);
}

static void
rebuild_mapping_rows (TiImportAssistant *self)
{
  const TiImportField *fields;
  guint n_fields;

  clear_mapping_rows (self);
  if (self->preview == NULL)
    return;

  fields = ti_import_kind_get_fields (self->kind, &n_fields);
  for (guint f = 0; f < n_fields; f++)
    {
      const char *mapped = ti_import_mapping_get (self->preview->mapping, fields[f].name);
      g_autoptr (GtkStringList) choices = gtk_string_list_new (NULL);
      g_autofree char *subtitle = NULL;
      GtkWidget *row = adw_combo_row_new ();
      guint selected = 0;

      gtk_string_list_append (choices,
                              fields[f].required ? _("Choose a column") : _("Not in this file"));
      for (guint c = 0; self->preview->headers[c] != NULL; c++)
        {
          g_autofree char *label = header_label (self->preview, c);

          gtk_string_list_append (choices, label);
          if (selected == 0 && g_strcmp0 (mapped, self->preview->headers[c]) == 0)
            selected = c + 1;
        }

      /* Translators: the field's name in the standard CSV format, and whether it is needed. */
      subtitle = g_strdup_printf (fields[f].required ? _("“%s”, required") : _("“%s”, optional"),
                                  fields[f].name);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(fields[f].description));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (choices));
      adw_combo_row_set_selected (ADW_COMBO_ROW (row), selected);
      g_object_set_data (G_OBJECT (row), "ti-import-field", (gpointer)&fields[f]);
      g_signal_connect_object (row, "notify::selected", G_CALLBACK (mapping_selected_cb), self, 0);
      adw_preferences_group_add (self->mapping_group, row);
      g_ptr_array_add (self->mapping_rows, row);
    }
}

/* Reads the chosen file again for the chosen kind; the default mapping comes with it. */
static void
load_preview (TiImportAssistant *self)
{
  g_autoptr (GError) error = NULL;

  g_clear_pointer (&self->preview, ti_import_preview_free);
  gtk_widget_set_visible (GTK_WIDGET (self->file_error_label), FALSE);
  if (self->file != NULL)
    {
      self->preview = ti_import_preview (self->file, self->kind, PREVIEW_ROWS, &error);
      if (self->preview == NULL)
        {
          g_autofree char *message = with_file_name (error->message, self->file);

          gtk_label_set_text (self->file_error_label, message);
          gtk_widget_set_visible (GTK_WIDGET (self->file_error_label), TRUE);
        }
    }
  rebuild_preview_view (self);
  rebuild_mapping_rows (self);
  update_actions (self);
}

/**
 * ti_import_assistant_set_file:
 * @path: (nullable): a CSV file
 *
 * Chooses the file to import, as "Choose File…" does, and reads its first rows.
 */
void
ti_import_assistant_set_file (TiImportAssistant *self, const char *path)
{
  g_autofree char *display = NULL;

  g_return_if_fail (TI_IS_IMPORT_ASSISTANT (self));

  if (path != self->file)
    {
      g_free (self->file);
      self->file = g_strdup (path);
    }
  if (path != NULL)
    display = g_filename_display_basename (path);
  adw_action_row_set_subtitle (self->file_row, display != NULL ? display : _("No file chosen"));
  load_preview (self);
}

const char *
ti_import_assistant_get_file (TiImportAssistant *self)
{
  g_return_val_if_fail (TI_IS_IMPORT_ASSISTANT (self), NULL);
  return self->file;
}

void
ti_import_assistant_set_kind (TiImportAssistant *self, TiImportKind kind)
{
  g_return_if_fail (TI_IS_IMPORT_ASSISTANT (self));
  g_return_if_fail ((guint)kind < self->kind_checks->len);

  /* The check button's toggled handler reads the file again. */
  gtk_check_button_set_active (g_ptr_array_index (self->kind_checks, kind), TRUE);
}

TiImportKind
ti_import_assistant_get_kind (TiImportAssistant *self)
{
  g_return_val_if_fail (TI_IS_IMPORT_ASSISTANT (self), TI_IMPORT_ORGANISATIONS);
  return self->kind;
}

static void
kind_toggled_cb (GtkCheckButton *check, TiImportAssistant *self)
{
  guint index;

  if (!gtk_check_button_get_active (check) || !g_ptr_array_find (self->kind_checks, check, &index)
      || (TiImportKind)index == self->kind)
    return;
  self->kind = (TiImportKind)index;
  load_preview (self);
}

static void
build_kind_rows (TiImportAssistant *self)
{
  const char *const *names = ti_import_kind_names ();
  GtkCheckButton *group = NULL;

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autoptr (GString) columns = g_string_new (NULL);
      TiImportKind kind;
      const TiImportField *fields;
      guint n_fields;
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      if (!ti_import_kind_from_string (names[i], &kind, NULL))
        continue;
      fields = ti_import_kind_get_fields (kind, &n_fields);
      for (guint f = 0; f < n_fields; f++)
        g_string_append_printf (columns, "%s%s", f > 0 ? ", " : "", fields[f].name);

      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_check_button_set_group (GTK_CHECK_BUTTON (check), group);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), kind == self->kind);
      group = GTK_CHECK_BUTTON (check);
      g_signal_connect_object (check, "toggled", G_CALLBACK (kind_toggled_cb), self, 0);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), kind_label (kind));
      /* Translators: the columns of the standard CSV format for this kind. */
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), columns->str);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      kind_label (kind), -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      adw_preferences_group_add (self->kind_group, row);
      g_ptr_array_add (self->kind_checks, check);
    }
}

/* Choosing the file: GtkFileChooserNative (GtkFileDialog is GTK 4.10). */

static void
file_chosen_cb (GtkNativeDialog *dialog, int response, TiImportAssistant *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;

      if (path != NULL)
        ti_import_assistant_set_file (self, path);
    }
  g_object_unref (dialog);
}

static void
choose_file_action (GtkWidget *widget, const char *action, GVariant *param)
{
  TiImportAssistant *self = TI_IMPORT_ASSISTANT (widget);
  g_autoptr (GtkFileFilter) csv = gtk_file_filter_new ();
  g_autoptr (GtkFileFilter) all = gtk_file_filter_new ();
  GtkFileChooserNative *dialog;

  gtk_file_filter_set_name (csv, _("CSV files"));
  gtk_file_filter_add_pattern (csv, "*.csv");
  gtk_file_filter_add_pattern (csv, "*.CSV");
  gtk_file_filter_add_mime_type (csv, "text/csv");
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");

  dialog = gtk_file_chooser_native_new (_("Choose a CSV File"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Choose"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), csv);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), all);
  g_signal_connect_object (dialog, "response", G_CALLBACK (file_chosen_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* Moving between the steps. */

static void
next_action (GtkWidget *widget, const char *action, GVariant *param)
{
  TiImportAssistant *self = TI_IMPORT_ASSISTANT (widget);

  if (self->preview != NULL)
    gtk_stack_set_visible_child_name (self->steps, "map");
}

static void
back_action (GtkWidget *widget, const char *action, GVariant *param)
{
  TiImportAssistant *self = TI_IMPORT_ASSISTANT (widget);
  const char *step = gtk_stack_get_visible_child_name (self->steps);

  if (g_strcmp0 (step, "map") == 0)
    gtk_stack_set_visible_child_name (self->steps, "choose");
  else if (g_strcmp0 (step, "problems") == 0)
    gtk_stack_set_visible_child_name (self->steps, "map");
}

/* Importing, in a worker thread; the progress arrives on this thread. */

static void
import_progress_cb (double fraction, const char *step, gpointer user_data)
{
  TiImportAssistant *self = user_data;

  if (self->disposed)
    return;
  gtk_progress_bar_set_fraction (self->progress_bar, fraction);
  gtk_progress_bar_set_text (self->progress_bar, step);
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static void
append_line (GtkListBox *list, const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_set_margin_top (label, 12);
  gtk_widget_set_margin_bottom (label, 12);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_list_box_append (list, label);
}

/* Every problem with its line, and the warnings; @report is NULL when the file could not
 * be read at all, and then @error says why. */
static void
show_problems (TiImportAssistant *self, const TiImportReport *report, const GError *error)
{
  g_autofree char *summary = NULL;

  clear_list (self->problems_list);
  clear_list (self->warnings_list);

  /* The page's title already says that nothing was imported: the import's own sentence
   * says it again, so the summary only counts the problems. */
  if (report != NULL && report->problems->len > 0)
    {
      g_autofree char *name = g_filename_display_basename (report->file);
      g_autofree char *count = ti_format_count (report->problems->len);

      /* Translators: the file's name, and how many problems it has. */
      summary
        = g_strdup_printf (ngettext ("“%s” has %s problem, listed below.",
                                     "“%s” has %s problems, listed below.", report->problems->len),
                           name, count);
    }
  else
    summary = with_file_name (error->message, self->file);
  gtk_label_set_text (self->problems_summary_label, summary);

  if (report != NULL)
    {
      for (guint i = 0; i < report->problems->len; i++)
        {
          const TiImportProblem *problem = g_ptr_array_index (report->problems, i);
          /* Translators: a line number of the file, and what is wrong there. */
          g_autofree char *text
            = g_strdup_printf (_("Line %u: %s"), problem->line, problem->message);
          append_line (self->problems_list, text);
        }
      /* A warning is a sentence on its own here; on the command line it follows the file. */
      for (guint i = 0; i < report->warnings->len; i++)
        {
          const char *warning = g_ptr_array_index (report->warnings, i);
          g_autofree char *first = g_utf8_strup (warning, g_utf8_next_char (warning) - warning);
          g_autofree char *text = g_strconcat (first, g_utf8_next_char (warning), NULL);

          append_line (self->warnings_list, text);
        }
    }
  gtk_widget_set_visible (GTK_WIDGET (self->problems_group),
                          report != NULL && report->problems->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->warnings_group),
                          report != NULL && report->warnings->len > 0);
  gtk_stack_set_visible_child_name (self->steps, "problems");
}

static void
import_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (TiImportAssistant) self = user_data; /* the reference taken for the import */
  g_autoptr (TiWindow) window = g_weak_ref_get (&self->window);
  g_autoptr (TiImportReport) report = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *described = NULL;
  g_autofree char *message = NULL;

  g_clear_object (&self->cancellable);

  if (ti_import_file_finish (result, &report, &error))
    {
      described = ti_import_report_describe (report);
      /* Translators: what was imported, and what happened: "People: 143 added, …". */
      message = g_strdup_printf (_("%s: %s"), kind_label (report->kind), described);
      /* Written even when the person closed the assistant meanwhile: the window must know. */
      if (window != NULL)
        {
          ti_window_reload (window);
          ti_window_add_toast (window, message);
        }
      if (!self->disposed)
        gtk_window_destroy (GTK_WINDOW (self));
      return;
    }

  if (self->disposed)
    return;
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      gtk_stack_set_visible_child_name (self->steps, "map");
      adw_toast_overlay_add_toast (
        self->toast_overlay, adw_toast_new (_("The import was stopped; nothing was imported")));
      return;
    }
  show_problems (self, report, error);
}

static void
start_action (GtkWidget *widget, const char *action, GVariant *param)
{
  TiImportAssistant *self = TI_IMPORT_ASSISTANT (widget);

  if (self->preview == NULL || self->cancellable != NULL || !required_fields_mapped (self))
    return;

  self->cancellable = g_cancellable_new ();
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  gtk_progress_bar_set_text (self->progress_bar, _("Reading the file"));
  gtk_stack_set_visible_child_name (self->steps, "progress");
  ti_import_file_async (self->db_path, self->kind, self->file, self->preview->mapping,
                        import_progress_cb, self, self->cancellable, import_done_cb,
                        g_object_ref (self));
}

static void
stop_action (GtkWidget *widget, const char *action, GVariant *param)
{
  TiImportAssistant *self = TI_IMPORT_ASSISTANT (widget);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
}

static void
cancel_action (GtkWidget *widget, const char *action, GVariant *param)
{
  gtk_window_close (GTK_WINDOW (widget));
}

static gboolean
ti_import_assistant_close_request (GtkWindow *window)
{
  TiImportAssistant *self = TI_IMPORT_ASSISTANT (window);

  /* Stopping leaves the programme as it was: the import is one transaction. */
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  return GTK_WINDOW_CLASS (ti_import_assistant_parent_class)->close_request (window);
}

static void
ti_import_assistant_dispose (GObject *object)
{
  TiImportAssistant *self = TI_IMPORT_ASSISTANT (object);

  self->disposed = TRUE;
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_pointer (&self->kind_checks, g_ptr_array_unref);
  g_clear_pointer (&self->mapping_rows, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), TI_TYPE_IMPORT_ASSISTANT);

  G_OBJECT_CLASS (ti_import_assistant_parent_class)->dispose (object);
}

static void
ti_import_assistant_finalize (GObject *object)
{
  TiImportAssistant *self = TI_IMPORT_ASSISTANT (object);

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->preview, ti_import_preview_free);
  g_free (self->file);
  g_free (self->db_path);
  g_weak_ref_clear (&self->window);

  G_OBJECT_CLASS (ti_import_assistant_parent_class)->finalize (object);
}

static void
ti_import_assistant_class_init (TiImportAssistantClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = ti_import_assistant_dispose;
  object_class->finalize = ti_import_assistant_finalize;
  window_class->close_request = ti_import_assistant_close_request;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ti-import-assistant.ui");
  gtk_widget_class_bind_template_child (widget_class, TiImportAssistant, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, TiImportAssistant, window_title);
  gtk_widget_class_bind_template_child (widget_class, TiImportAssistant, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, TiImportAssistant, back_button);
  gtk_widget_class_bind_template_child (widget_class, TiImportAssistant, next_button);
  gtk_widget_class_bind_template_child (widget_class, TiImportAssistant, import_button);
  gtk_widget_class_bind_template_child (widget_class, TiImportAssistant, steps);
  gtk_widget_class_bind_template_child (widget_class, TiImportAssistant, kind_group);
  gtk_widget_class_bind_template_child (widget_class, TiImportAssistant, file_row);
  gtk_widget_class_bind_template_child (widget_class, TiImportAssistant, file_error_label);
  gtk_widget_class_bind_template_child (widget_class, TiImportAssistant, preview_view);
  gtk_widget_class_bind_template_child (widget_class, TiImportAssistant, mapping_group);
  gtk_widget_class_bind_template_child (widget_class, TiImportAssistant, mapping_hint_label);
  gtk_widget_class_bind_template_child (widget_class, TiImportAssistant, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, TiImportAssistant, problems_summary_label);
  gtk_widget_class_bind_template_child (widget_class, TiImportAssistant, problems_group);
  gtk_widget_class_bind_template_child (widget_class, TiImportAssistant, problems_list);
  gtk_widget_class_bind_template_child (widget_class, TiImportAssistant, warnings_group);
  gtk_widget_class_bind_template_child (widget_class, TiImportAssistant, warnings_list);
  gtk_widget_class_bind_template_callback (widget_class, step_changed_cb);

  gtk_widget_class_install_action (widget_class, "import.choose-file", NULL, choose_file_action);
  gtk_widget_class_install_action (widget_class, "import.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "import.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "import.start", NULL, start_action);
  gtk_widget_class_install_action (widget_class, "import.stop", NULL, stop_action);
  gtk_widget_class_install_action (widget_class, "import.cancel", NULL, cancel_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "import.cancel", NULL);
}

static void
ti_import_assistant_init (TiImportAssistant *self)
{
  self->kind = TI_IMPORT_ORGANISATIONS;
  g_weak_ref_init (&self->window, NULL);
  self->kind_checks = g_ptr_array_new ();
  self->mapping_rows = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  build_kind_rows (self);
  update_actions (self);

  /* The first thing to decide is what the file holds, so the keyboard starts there rather
   * than on Cancel, the first button of the header bar. */
  if (self->kind_checks->len > 0)
    gtk_window_set_focus (GTK_WINDOW (self), g_ptr_array_index (self->kind_checks, self->kind));
}

/**
 * ti_import_assistant_new:
 * @window: the window of the programme to import into; it is reloaded and shows a toast
 *   after an import
 *
 * Returns: (transfer none): a new assistant, owned by GTK's list of windows until it closes
 */
TiImportAssistant *
ti_import_assistant_new (TiWindow *window)
{
  TiImportAssistant *self;
  TiDatabase *database;

  g_return_val_if_fail (TI_IS_WINDOW (window), NULL);
  database = ti_window_get_database (window);
  g_return_val_if_fail (database != NULL, NULL);

  self = g_object_new (TI_TYPE_IMPORT_ASSISTANT, "transient-for", window, "destroy-with-parent",
                       TRUE, NULL);
  g_weak_ref_set (&self->window, window);
  /* The import runs in a worker thread with its own connection to the file. */
  self->db_path = g_strdup (ti_database_get_path (database));
  return self;
}
