/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ti-window"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ti-feedback.h"
#include "ti-restore-dialog.h"
#include "ti-window-private.h"

/*
 * The window's backups: the day's backup when a programme opens (and the old ones pruned),
 * Restore from Backup…, Save a Copy…, and the latest good backup offered for a programme
 * too damaged to open. All the file work runs in workers (ti-backups.c); closing the window
 * never waits for them, and a failure is said in words without stopping any work.
 */

/* A worker's callback finds the window through this, so the window can close meanwhile. */
static GWeakRef *
window_ref_new (TiWindow *self)
{
  GWeakRef *ref = g_new0 (GWeakRef, 1);

  g_weak_ref_init (ref, self);
  return ref;
}

static void
window_ref_free (GWeakRef *ref)
{
  g_weak_ref_clear (ref);
  g_free (ref);
}

/* Returns: (transfer full) (nullable): the window, unless it has closed; frees @ref. */
static TiWindow *
window_ref_take (GWeakRef *ref)
{
  TiWindow *self = g_weak_ref_get (ref);

  window_ref_free (ref);
  if (self != NULL && self->disposed)
    g_clear_object (&self);
  return self;
}

/* A toast that stays until it is dismissed: for what went wrong. */
static void
add_lasting_toast (TiWindow *self, const char *message)
{
  g_autofree char *escaped = g_markup_escape_text (message, -1);
  AdwToast *toast = adw_toast_new (escaped);

  adw_toast_set_timeout (toast, 0);
  ti_feedback_add_toast (GTK_WIDGET (self->toast_overlay), toast);
}

/**
 * ti_window_backups_stop:
 *
 * Forgets the backup work of the programme shown: the day's backup is cancelled (a backup
 * half made is never kept) and the offer of a good backup withdrawn.
 */
void
ti_window_backups_stop (TiWindow *self)
{
  g_clear_handle_id (&self->backup_idle, g_source_remove);
  if (self->backup_job != NULL)
    g_cancellable_cancel (self->backup_job);
  g_clear_object (&self->backup_job);
  g_clear_pointer (&self->latest_good, ti_backup_free);
}

static void
daily_backup_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (TiWindow) self = window_ref_take (user_data);
  g_autoptr (GError) error = NULL;
  g_autofree char *made = ti_backups_make_daily_and_prune_finish (result, &error);
  g_autofree char *message = NULL;

  if (self == NULL || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (self->backup_job == g_task_get_cancellable (G_TASK (result)))
    g_clear_object (&self->backup_job);
  if (made != NULL)
    return;
  /* Work goes on: the programme is open, only today's copy of it is missing. */
  message = g_strdup_printf (_("Today’s backup was not made: %s"), error->message);
  add_lasting_toast (self, message);
}

static gboolean
start_daily_backup (gpointer data)
{
  TiWindow *self = data;

  self->backup_idle = 0;
  if (self->database == NULL)
    return G_SOURCE_REMOVE;
  self->backup_job = g_cancellable_new ();
  ti_backups_make_daily_and_prune_async (
    ti_database_get_path (self->database),
    g_settings_get_uint (self->settings, "backup-retention-days"), self->backup_job,
    daily_backup_cb, window_ref_new (self));
  return G_SOURCE_REMOVE;
}

/**
 * ti_window_backups_opened:
 *
 * A programme was opened: its day's backup is made in a worker when none was made today, and
 * backups older than the retention setting are removed.
 */
void
ti_window_backups_opened (TiWindow *self)
{
  /* Nothing in a read-only programme can change, so there is nothing new to keep. */
  if (self->database == NULL || self->read_only)
    return;
  /* Once the window is drawn and the pages have started: a copy of a large programme keeps
   * a core busy for a while. */
  self->backup_idle = g_idle_add_full (G_PRIORITY_LOW, start_daily_backup, self, NULL);
}

/* The refusals a backup can mend: the file is there, but not whole. */
static gboolean
is_damage (const GError *error)
{
  return error->domain == TI_DATABASE_ERROR
         && (error->code == TI_DATABASE_ERROR_DAMAGED || error->code == TI_DATABASE_ERROR_TRUNCATED
             || error->code == TI_DATABASE_ERROR_EMPTY
             || error->code == TI_DATABASE_ERROR_NOT_SQLITE);
}

static void
latest_good_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (TiWindow) self = window_ref_take (user_data);
  g_autoptr (GError) error = NULL;
  g_autoptr (TiBackup) backup = ti_backups_find_latest_good_finish (result, &error);
  g_autofree char *made = NULL;
  g_autofree char *label = NULL;
  g_autofree char *offer = NULL;
  g_autofree char *description = NULL;

  if (self == NULL || backup == NULL || self->refused_path == NULL)
    return;
  if (self->backup_job == g_task_get_cancellable (G_TASK (result)))
    g_clear_object (&self->backup_job);

  made = ti_backup_format_made (backup);
  /* Translators: when the backup was made ("30 Apr 2024, 09:15") */
  label = g_strdup_printf (_("_Restore the Latest Good Backup (%s)"), made);
  offer = g_strdup_printf (_("The latest good backup, from %s, holds %s. Restoring it puts it in "
                             "this file’s place and keeps this file as it is among the backups."),
                           made, backup->contents);
  description = g_strdup_printf ("%s\n\n%s", adw_status_page_get_description (self->refused_page),
                                 offer);
  adw_status_page_set_description (self->refused_page, description);
  gtk_button_set_label (self->restore_latest_button, label);
  gtk_widget_set_visible (GTK_WIDGET (self->restore_latest_button), TRUE);
  /* One suggested way out: the backup. */
  gtk_widget_remove_css_class (self->open_another_button, "suggested-action");
  g_clear_pointer (&self->latest_good, ti_backup_free);
  self->latest_good = g_steal_pointer (&backup);
}

/**
 * ti_window_backups_refused:
 * @error: why the programme could not be opened
 *
 * A programme could not be opened: when it is damaged, its latest good backup is looked for
 * in a worker and offered.
 */
void
ti_window_backups_refused (TiWindow *self, const GError *error)
{
  gtk_widget_set_visible (GTK_WIDGET (self->restore_latest_button), FALSE);
  gtk_widget_add_css_class (self->open_another_button, "suggested-action");
  if (!is_damage (error) || self->refused_path == NULL)
    return;
  self->backup_job = g_cancellable_new ();
  ti_backups_find_latest_good_async (self->refused_path, self->backup_job, latest_good_cb,
                                     window_ref_new (self));
}

/* A restore or a copy in a worker: the application keeps running until the file work is done,
 * even when the window closes meanwhile. */
typedef struct
{
  GWeakRef *window;
  GApplication *held;
  char *path;   /* the programme restored, or the copy written */
  char *made;   /* when the backup restored was made, in words */
  char *backup; /* the backup restored */
  gint64 since; /* when the restore was asked for, in monotonic time */
} FileJob;

static FileJob *
file_job_new (TiWindow *self, const char *path, const char *made)
{
  FileJob *job = g_new0 (FileJob, 1);
  GApplication *app = G_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));

  job->window = window_ref_new (self);
  job->path = g_strdup (path);
  job->made = g_strdup (made != NULL ? made : "");
  if (app != NULL)
    {
      job->held = g_object_ref (app);
      g_application_hold (app);
    }
  return job;
}

static void
file_job_free (FileJob *job)
{
  g_clear_pointer (&job->window, window_ref_free);
  if (job->held != NULL)
    g_application_release (job->held);
  g_clear_object (&job->held);
  g_free (job->path);
  g_free (job->made);
  g_free (job->backup);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FileJob, file_job_free)

/* Restoring: the window lets go of the programme, a worker puts the backup in its place, and
 * the programme is opened again as any programme is. */

static void
restored_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (FileJob) job = user_data;
  g_autoptr (TiWindow) self = window_ref_take (g_steal_pointer (&job->window));
  g_autoptr (GError) error = NULL;
  g_autofree char *kept = NULL;
  gboolean restored = ti_backups_restore_finish (result, &kept, &error);
  g_autofree char *message = NULL;

  if (self == NULL)
    return;
  self->restoring = FALSE;
  /* Restored or not, the programme is opened again: the same path as opening it, so every
   * page shows what the file now holds. */
  if (!ti_window_open_programme (self, job->path, FALSE) || !restored)
    {
      if (!restored)
        ti_feedback_show_message (GTK_WIDGET (self), _("The Backup Was Not Restored"),
                                  error->message);
      return;
    }
  if (kept != NULL)
    {
      g_autofree char *kept_name = g_filename_display_basename (kept);

      /* Translators: when the backup was made, then a file name in the backups folder */
      message = g_strdup_printf (_("Restored the backup from %s. The programme as it was is "
                                   "kept in the backups folder as “%s”"),
                                 job->made, kept_name);
    }
  else
    message = g_strdup_printf (_("Restored the backup from %s"), job->made);
  ti_window_add_toast (self, message);
}

/* How long a restore waits for the window's toasts to go: a toast still there after that
 * is held by something else, and waiting longer would not free it. */
#define TOASTS_GONE_SECONDS 5

/* The file is replaced once the window's toasts are gone: an Undo toast holds the
 * programme's connection, whose closing after the replacement would remove the restored
 * programme's write-ahead log by its name, and whose Undo would write into the file replaced. */
static gboolean
restore_when_toasts_gone (gpointer data)
{
  FileJob *job = data;
  g_autoptr (TiWindow) self = g_weak_ref_get (job->window);

  if (self != NULL && ti_feedback_has_toasts (self->toast_overlay)
      && g_get_monotonic_time () - job->since < TOASTS_GONE_SECONDS * G_TIME_SPAN_SECOND)
    return G_SOURCE_CONTINUE;
  ti_backups_restore_async (job->path, job->backup, restored_cb, job);
  return G_SOURCE_REMOVE;
}

/**
 * ti_window_restore_backup:
 * @backup_path: one of the programme's backups
 * @made: when it was made, in words, for the toast that says it is restored
 *
 * Puts a backup in the place of the programme shown (open, or refused as damaged): the
 * programme as it is is kept as a backup first, then the backup is opened. A failure is said
 * in words and leaves the programme as it was.
 */
void
ti_window_restore_backup (TiWindow *self, const char *backup_path, const char *made)
{
  const char *path;
  FileJob *job;

  g_return_if_fail (TI_IS_WINDOW (self));
  g_return_if_fail (backup_path != NULL);

  path = ti_window_get_programme_path (self);
  if (path == NULL || self->restoring)
    return;
  if (self->read_only)
    {
      ti_window_refuse_read_only (self, _("No Backup Can Be Restored"));
      return;
    }

  job = file_job_new (self, path, made);

  /* Nothing of this window may hold the file while it is replaced: the day's backup is
   * cancelled (the worker also waits for any backup work in progress) and the connection
   * closed. */
  ti_window_backups_stop (self);
  self->restoring = TRUE;
  g_clear_pointer (&self->refused_path, g_free);
  ti_window_close_programme (self);
  gtk_stack_set_visible_child_name (self->main_stack, "restoring");
  /* What the toasts offered (Undo above all) was about the programme being replaced. */
  ti_feedback_withdraw_toasts (self->toast_overlay);
  job->backup = g_strdup (backup_path);
  job->since = g_get_monotonic_time ();
  if (restore_when_toasts_gone (job) == G_SOURCE_CONTINUE)
    g_timeout_add (20, restore_when_toasts_gone, job);
}

static void
restore_action (GtkWidget *widget, const char *action, GVariant *param)
{
  TiWindow *self = TI_WINDOW (widget);

  if (ti_window_get_programme_path (self) == NULL || self->restoring)
    return;
  if (self->read_only)
    ti_window_refuse_read_only (self, _("No Backup Can Be Restored"));
  else
    gtk_window_present (GTK_WINDOW (ti_restore_dialog_new (self)));
}

static void
restore_latest_action (GtkWidget *widget, const char *action, GVariant *param)
{
  TiWindow *self = TI_WINDOW (widget);
  g_autofree char *path = NULL;
  g_autofree char *made = NULL;

  if (self->latest_good == NULL)
    return;
  path = g_strdup (self->latest_good->path);
  made = ti_backup_format_made (self->latest_good);
  ti_window_restore_backup (self, path, made);
}

/* Save a Copy… */

static void
copy_saved_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (FileJob) job = user_data;
  g_autoptr (TiWindow) self = window_ref_take (g_steal_pointer (&job->window));
  g_autoptr (GError) error = NULL;
  g_autofree char *name = g_filename_display_basename (job->path);
  g_autofree char *message = NULL;

  if (!ti_backups_save_copy_finish (result, &error))
    {
      if (self != NULL)
        ti_feedback_show_message (GTK_WIDGET (self), _("The Copy Was Not Saved"), error->message);
      return;
    }
  if (self == NULL)
    return;
  message = g_strdup_printf (_("Saved a copy of the programme as “%s”"), name);
  ti_window_add_toast (self, message);
}

/**
 * ti_window_save_copy:
 * @dest_path: where the copy goes
 *
 * Saves a copy of the programme as it is now, checked, in a worker thread; says when it is
 * saved, or why not.
 */
void
ti_window_save_copy (TiWindow *self, const char *dest_path)
{
  g_return_if_fail (TI_IS_WINDOW (self));
  g_return_if_fail (dest_path != NULL);

  if (self->database == NULL)
    return;
  ti_backups_save_copy_async (ti_database_get_path (self->database), dest_path, NULL,
                              copy_saved_cb, file_job_new (self, dest_path, NULL));
}

static void
save_copy_response_cb (GtkNativeDialog *dialog, int response, TiWindow *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autofree char *path = ti_window_chosen_programme_path (GTK_FILE_CHOOSER (dialog));

      if (path != NULL)
        ti_window_save_copy (self, path);
    }
  g_object_unref (dialog);
}

static void
save_copy_action (GtkWidget *widget, const char *action, GVariant *param)
{
  TiWindow *self = TI_WINDOW (widget);
  g_autoptr (GtkFileFilter) filter = ti_window_programme_filter ();
  g_autofree char *stem = NULL;
  g_autofree char *name = NULL;
  GtkFileChooserNative *dialog;
  char *dot;

  if (self->database == NULL)
    return;
  stem = g_filename_display_basename (ti_database_get_path (self->database));
  dot = strrchr (stem, '.');
  if (dot != NULL && dot != stem)
    *dot = '\0';
  /* Translators: the name offered for a copy; %s is the programme's file name without .sqlite */
  name = g_strdup_printf (_("%s copy.sqlite"), stem);

  dialog = gtk_file_chooser_native_new (_("Save a Copy"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  g_signal_connect (dialog, "response", G_CALLBACK (save_copy_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

void
ti_window_backups_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.restore", NULL, restore_action);
  gtk_widget_class_install_action (widget_class, "win.restore-latest", NULL,
                                   restore_latest_action);
  gtk_widget_class_install_action (widget_class, "win.save-copy", NULL, save_copy_action);
}
