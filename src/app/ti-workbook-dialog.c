/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ti-workbook-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ti-feedback.h"
#include "ti-period-chooser.h"
#include "ti-programme-settings.h"
#include "ti-workbook-dialog.h"

/**
 * TiWorkbookDialog:
 *
 * Exports the evaluation workbook for the programme board: the period (the evaluation
 * period unless another is chosen), whether people are named (off: pseudonymous IDs, with a
 * warning when on), the small-number threshold (the programme's own by default), then a
 * file chooser and the export in a worker thread with its progress. Cancel stops it and
 * leaves no file; success closes the dialog with a toast that opens the file; a failure is
 * said in words and the choices stay as they were.
 */

/* What the worker last said, handed to the main loop: one idle at a time carries the latest. */
typedef struct
{
  gatomicrefcount refs;
  GMutex lock;
  double fraction;
  char *step;
  gboolean pending; /* an idle is on its way to show it */
  GWeakRef dialog;
} ExportProgress;

struct _TiWorkbookDialog
{
  AdwWindow parent_instance;

  char *db_path;
  GCancellable *cancellable; /* the export in progress, or NULL */
  ExportProgress *progress;  /* what it last said */
  char *target;              /* the file it writes */
  GApplication *held;        /* kept running until the export has stopped */
  GtkFileChooserNative *chooser;
  gboolean closed; /* destroyed, or gone with its window */

  /* template widgets */
  AdwPreferencesPage *choices;
  TiPeriodChooser *period_chooser;
  GtkSwitch *names_switch;
  AdwActionRow *threshold_row;
  GtkSpinButton *threshold_spin;
  GtkAdjustment *threshold_adjustment;
  GtkRevealer *progress_revealer;
  GtkProgressBar *progress_bar;
};

G_DEFINE_FINAL_TYPE (TiWorkbookDialog, ti_workbook_dialog, ADW_TYPE_WINDOW)

static ExportProgress *
export_progress_new (TiWorkbookDialog *dialog)
{
  ExportProgress *progress = g_new0 (ExportProgress, 1);

  g_atomic_ref_count_init (&progress->refs);
  g_mutex_init (&progress->lock);
  g_weak_ref_init (&progress->dialog, dialog);
  return progress;
}

static ExportProgress *
export_progress_ref (ExportProgress *progress)
{
  g_atomic_ref_count_inc (&progress->refs);
  return progress;
}

static void
export_progress_unref (ExportProgress *progress)
{
  if (!g_atomic_ref_count_dec (&progress->refs))
    return;
  g_weak_ref_clear (&progress->dialog);
  g_mutex_clear (&progress->lock);
  g_free (progress->step);
  g_free (progress);
}

/* On the main thread: the latest the worker said, unless the export has been cancelled. */
static gboolean
show_progress (gpointer data)
{
  ExportProgress *progress = data;
  g_autoptr (TiWorkbookDialog) self = g_weak_ref_get (&progress->dialog);
  g_autofree char *step = NULL;
  double fraction;

  g_mutex_lock (&progress->lock);
  fraction = progress->fraction;
  step = g_steal_pointer (&progress->step);
  progress->pending = FALSE;
  g_mutex_unlock (&progress->lock);

  if (self != NULL && self->progress == progress && !self->closed
      && !g_cancellable_is_cancelled (self->cancellable))
    {
      gtk_progress_bar_set_fraction (self->progress_bar, fraction);
      if (step != NULL)
        gtk_progress_bar_set_text (self->progress_bar, step);
    }
  return G_SOURCE_REMOVE;
}

/* Called from the worker thread: nothing here touches a widget. */
static void
export_progress_cb (double fraction, const char *step, gpointer data)
{
  ExportProgress *progress = data;
  gboolean schedule;

  g_mutex_lock (&progress->lock);
  progress->fraction = fraction;
  g_free (progress->step);
  progress->step = g_strdup (step);
  schedule = !progress->pending;
  progress->pending = TRUE;
  g_mutex_unlock (&progress->lock);

  if (schedule)
    g_idle_add_full (G_PRIORITY_DEFAULT, show_progress, export_progress_ref (progress),
                     (GDestroyNotify) export_progress_unref);
}

/**
 * ti_workbook_file_name:
 * @from: (nullable): the period's first day, 'YYYY-MM-DD'
 * @to: (nullable): its last day
 *
 * Returns: (transfer full): the file name the save chooser suggests, with the period in it
 *   ("Evaluation 2023-04-01 to 2024-03-31.xlsx")
 */
char *
ti_workbook_file_name (const char *from, const char *to)
{
  if (from != NULL && to != NULL)
    /* Translators: the suggested name of the exported file; the period's first and last days */
    return g_strdup_printf (_("Evaluation %s to %s.xlsx"), from, to);
  if (from != NULL)
    /* Translators: the suggested name of the exported file, for a period with no end */
    return g_strdup_printf (_("Evaluation from %s.xlsx"), from);
  if (to != NULL)
    /* Translators: the suggested name of the exported file, for a period with no start */
    return g_strdup_printf (_("Evaluation up to %s.xlsx"), to);
  /* Translators: the suggested name of the exported file, for everything recorded */
  return g_strdup (_("Evaluation.xlsx"));
}

/**
 * ti_workbook_dialog_get_options:
 * @self: the dialog
 * @options: (out caller-allocates): what the choices shown make; clear it with
 *   ti_workbook_options_clear()
 *
 * Returns: %FALSE (and @options empty) while custom dates are typed but not yet applied
 */
gboolean
ti_workbook_dialog_get_options (TiWorkbookDialog *self, TiWorkbookOptions *options)
{
  g_return_val_if_fail (TI_IS_WORKBOOK_DIALOG (self), FALSE);
  g_return_val_if_fail (options != NULL, FALSE);

  memset (options, 0, sizeof *options);
  if (!ti_period_chooser_get_period (self->period_chooser, &options->from, &options->to))
    return FALSE;
  options->include_names = gtk_switch_get_active (self->names_switch);
  options->suppression_threshold = (guint) gtk_spin_button_get_value_as_int (self->threshold_spin);
  return TRUE;
}

/* The threshold's row says what it will hide, in numbers. */
static void
threshold_changed_cb (TiWorkbookDialog *self)
{
  int threshold = gtk_spin_button_get_value_as_int (self->threshold_spin);
  g_autofree char *text = NULL;

  if (threshold <= 1)
    text = g_strdup (_("Nothing is hidden: every count is shown as it is"));
  else if (threshold == 2)
    text = g_strdup (_("Counts of 1 are shown as “<2” in tables by organisation"));
  else
    /* Translators: the highest count hidden, then the threshold (“Counts from 1 to 4 … “<5””) */
    text = g_strdup_printf (_("Counts from 1 to %d are shown as “<%d” in tables by organisation"),
                            threshold - 1, threshold);
  adw_action_row_set_subtitle (self->threshold_row, text);
}

gboolean
ti_workbook_dialog_is_exporting (TiWorkbookDialog *self)
{
  g_return_val_if_fail (TI_IS_WORKBOOK_DIALOG (self), FALSE);
  return self->cancellable != NULL;
}

static void
set_exporting (TiWorkbookDialog *self, gboolean exporting)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->choices), !exporting);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "workbook.export", !exporting);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "workbook.cancel", TRUE);
  gtk_revealer_set_reveal_child (self->progress_revealer, exporting);
  if (exporting)
    {
      gtk_progress_bar_set_fraction (self->progress_bar, 0);
      gtk_progress_bar_set_text (self->progress_bar, _("Starting"));
    }
}

/* Opening the file from the toast: with the desktop's spreadsheet application. */

typedef struct
{
  char *uri;
  GWeakRef window; /* where a failure to open it is said */
} OpenTarget;

static void
open_target_free (gpointer data, GClosure *closure)
{
  OpenTarget *target = data;

  g_weak_ref_clear (&target->window);
  g_free (target->uri);
  g_free (target);
}

static void
opened_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  g_autoptr (GtkWidget) window = data;
  g_autoptr (GError) error = NULL;

  if (!g_app_info_launch_default_for_uri_finish (result, &error) && window != NULL)
    ti_feedback_show_message (window, _("The Workbook Could Not Be Opened"), error->message);
}

static void
open_clicked_cb (AdwToast *toast, OpenTarget *target)
{
  GtkWidget *window = g_weak_ref_get (&target->window); /* handed to opened_cb */
  GdkDisplay *display = window ? gtk_widget_get_display (window) : gdk_display_get_default ();
  g_autoptr (GdkAppLaunchContext) context = gdk_display_get_app_launch_context (display);

  g_app_info_launch_default_for_uri_async (target->uri, G_APP_LAUNCH_CONTEXT (context), NULL,
                                           opened_cb, window);
}

/* The toast goes to the window the dialog belongs to (its content is the toast overlay),
 * which outlives the dialog. */
static void
show_exported_toast (TiWorkbookDialog *self, const char *path)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  AdwToast *toast = adw_toast_new (_("Workbook exported"));
  g_autoptr (GFile) file = g_file_new_for_path (path);
  OpenTarget *target = g_new0 (OpenTarget, 1);

  target->uri = g_file_get_uri (file);
  g_weak_ref_init (&target->window, parent);
  adw_toast_set_button_label (toast, _("_Open"));
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (open_clicked_cb), target,
                         open_target_free, 0);
  if (ADW_IS_APPLICATION_WINDOW (parent))
    ti_feedback_add_toast (adw_application_window_get_content (ADW_APPLICATION_WINDOW (parent)),
                           toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

static void
export_done_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  g_autoptr (TiWorkbookDialog) self = data;
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_steal_pointer (&self->target);
  gboolean written = ti_workbook_export_finish (result, &error);

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->progress, export_progress_unref);
  if (self->held != NULL)
    g_application_release (self->held);
  g_clear_object (&self->held);
  if (self->closed)
    return;

  if (written)
    {
      show_exported_toast (self, path);
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }
  set_exporting (self, FALSE);
  /* Cancel was pressed: the dialog closes now that nothing is left behind. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }
  ti_feedback_show_message (GTK_WIDGET (self), _("The Workbook Was Not Exported"), error->message);
}

/**
 * ti_workbook_dialog_export_to:
 * @self: the dialog
 * @path: the file to write, as the save chooser answered
 *
 * Exports the workbook with the choices shown to @path, in a worker thread, as Export… does
 * once a file is chosen.
 */
void
ti_workbook_dialog_export_to (TiWorkbookDialog *self, const char *path)
{
  g_auto (TiWorkbookOptions) options = { 0 };

  g_return_if_fail (TI_IS_WORKBOOK_DIALOG (self));
  g_return_if_fail (path != NULL);
  g_return_if_fail (self->cancellable == NULL);

  if (!ti_workbook_dialog_get_options (self, &options))
    return;
  /* The widgets first: the worker starts the moment it is asked to. */
  set_exporting (self, TRUE);
  self->cancellable = g_cancellable_new ();
  self->progress = export_progress_new (self);
  self->target = g_strdup (path);
  /* Quitting mid-export cancels it (the dialog closes with its window); the process waits for
   * the worker to stop, so no temporary file is left behind. */
  self->held = g_application_get_default ();
  if (self->held != NULL)
    g_application_hold (g_object_ref (self->held));
  ti_workbook_export_async (self->db_path, path, &options, export_progress_cb, self->progress,
                            self->cancellable, export_done_cb, g_object_ref (self));
}

static void
chooser_response_cb (GtkNativeDialog *chooser, int response, TiWorkbookDialog *self)
{
  g_autoptr (GFile) file = response == GTK_RESPONSE_ACCEPT
                             ? gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))
                             : NULL;
  g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;

  g_clear_object (&self->chooser);
  if (path == NULL)
    return;

  /* A name typed without the extension gets it, so the file opens in a spreadsheet. */
  if (!g_str_has_suffix (path, ".xlsx") && !g_str_has_suffix (path, ".XLSX"))
    {
      char *with_extension = g_strconcat (path, ".xlsx", NULL);

      g_free (path);
      path = with_extension;
    }
  ti_workbook_dialog_export_to (self, path);
}

static void
export_action (GtkWidget *widget, const char *action, GVariant *param)
{
  TiWorkbookDialog *self = TI_WORKBOOK_DIALOG (widget);
  g_auto (TiWorkbookOptions) options = { 0 };
  g_autoptr (GtkFileFilter) filter = NULL;
  g_autofree char *name = NULL;

  if (self->chooser != NULL || self->cancellable != NULL)
    return;
  if (!ti_workbook_dialog_get_options (self, &options))
    {
      ti_feedback_show_message (widget, _("Choose the Period First"),
                                _("Type the first and last days of the period and press Apply, "
                                  "or choose another period."));
      return;
    }

  name = ti_workbook_file_name (options.from, options.to);
  self->chooser = gtk_file_chooser_native_new (_("Export Workbook"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"),
                                               _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  filter = gtk_file_filter_new ();
  /* Translators: a file chooser's filter */
  gtk_file_filter_set_name (filter, _("Excel Workbooks"));
  gtk_file_filter_add_pattern (filter, "*.xlsx");
  gtk_file_filter_add_mime_type (filter,
                                 "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  g_signal_connect (self->chooser, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* Cancel, Escape and closing: stop the export (the dialog closes once it has stopped and
 * left nothing behind), or close when there is none. */
static void
cancel_export (TiWorkbookDialog *self)
{
  g_cancellable_cancel (self->cancellable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "workbook.cancel", FALSE);
  gtk_progress_bar_set_text (self->progress_bar, _("Cancelling"));
}

static void
cancel_action (GtkWidget *widget, const char *action, GVariant *param)
{
  TiWorkbookDialog *self = TI_WORKBOOK_DIALOG (widget);

  if (self->cancellable != NULL)
    cancel_export (self);
  else
    gtk_window_close (GTK_WINDOW (self));
}

static gboolean
ti_workbook_dialog_close_request (GtkWindow *window)
{
  TiWorkbookDialog *self = TI_WORKBOOK_DIALOG (window);

  if (self->cancellable != NULL)
    {
      cancel_export (self);
      return TRUE;
    }
  return GTK_WINDOW_CLASS (ti_workbook_dialog_parent_class)->close_request (window);
}

/* Off the screen for good: destroyed, or gone with its window. A running export holds a
 * reference, so dispose would come only after it: stop it here, leaving no file. */
static void
ti_workbook_dialog_unrealize (GtkWidget *widget)
{
  TiWorkbookDialog *self = TI_WORKBOOK_DIALOG (widget);

  self->closed = TRUE;
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  GTK_WIDGET_CLASS (ti_workbook_dialog_parent_class)->unrealize (widget);
}

static void
ti_workbook_dialog_dispose (GObject *object)
{
  TiWorkbookDialog *self = TI_WORKBOOK_DIALOG (object);

  self->closed = TRUE;
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  if (self->chooser != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->chooser, self);
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
      g_clear_object (&self->chooser);
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), TI_TYPE_WORKBOOK_DIALOG);
  G_OBJECT_CLASS (ti_workbook_dialog_parent_class)->dispose (object);
}

static void
ti_workbook_dialog_finalize (GObject *object)
{
  TiWorkbookDialog *self = TI_WORKBOOK_DIALOG (object);

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->progress, export_progress_unref);
  g_free (self->target);
  g_free (self->db_path);
  G_OBJECT_CLASS (ti_workbook_dialog_parent_class)->finalize (object);
}

static void
ti_workbook_dialog_class_init (TiWorkbookDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = ti_workbook_dialog_dispose;
  object_class->finalize = ti_workbook_dialog_finalize;
  widget_class->unrealize = ti_workbook_dialog_unrealize;
  window_class->close_request = ti_workbook_dialog_close_request;

  g_type_ensure (TI_TYPE_PERIOD_CHOOSER);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ti-workbook-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, TiWorkbookDialog, choices);
  gtk_widget_class_bind_template_child (widget_class, TiWorkbookDialog, period_chooser);
  gtk_widget_class_bind_template_child (widget_class, TiWorkbookDialog, names_switch);
  gtk_widget_class_bind_template_child (widget_class, TiWorkbookDialog, threshold_row);
  gtk_widget_class_bind_template_child (widget_class, TiWorkbookDialog, threshold_spin);
  gtk_widget_class_bind_template_child (widget_class, TiWorkbookDialog, threshold_adjustment);
  gtk_widget_class_bind_template_child (widget_class, TiWorkbookDialog, progress_revealer);
  gtk_widget_class_bind_template_child (widget_class, TiWorkbookDialog, progress_bar);
  gtk_widget_class_bind_template_callback (widget_class, threshold_changed_cb);

  gtk_widget_class_install_action (widget_class, "workbook.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "workbook.cancel", NULL, cancel_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "workbook.cancel", NULL);
}

static void
ti_workbook_dialog_init (TiWorkbookDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_adjustment_set_upper (self->threshold_adjustment, TI_SUPPRESSION_THRESHOLD_MAX);
}

/**
 * ti_workbook_dialog_new:
 * @parent: the window the dialog belongs to; the toast saying the workbook is written
 *   appears there
 * @database: the open programme
 *
 * Returns: (transfer none): a modal dialog, not yet presented, its choices defaulting to
 *   the programme's settings (ti_workbook_options_init()): the evaluation period, names
 *   not included, the programme's small-number threshold
 */
TiWorkbookDialog *
ti_workbook_dialog_new (GtkWindow *parent, TiDatabase *database)
{
  TiWorkbookDialog *self;
  g_auto (TiWorkbookOptions) options = { 0 };
  g_autoptr (TiProgrammeSettings) defaults = NULL;

  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (database != NULL, NULL);

  self = g_object_new (TI_TYPE_WORKBOOK_DIALOG, "transient-for", parent, NULL);
  /* Closed with its window, at once: destroy-with-parent waits until nothing holds the window. */
  g_signal_connect_object (parent, "unrealize", G_CALLBACK (gtk_window_destroy), self,
                           G_CONNECT_SWAPPED);
  self->db_path = g_strdup (ti_database_get_path (database));
  ti_period_chooser_set_database (self->period_chooser, database);

  /* Settings that cannot be read leave the usual threshold; the export says what is wrong. */
  if (ti_workbook_options_init (&options, database, NULL))
    gtk_spin_button_set_value (self->threshold_spin, options.suppression_threshold);
  else
    {
      defaults = ti_programme_settings_new_default ();
      gtk_spin_button_set_value (self->threshold_spin, defaults->suppression_threshold);
    }
  gtk_switch_set_active (self->names_switch, options.include_names);
  threshold_changed_cb (self);
  return self;
}
