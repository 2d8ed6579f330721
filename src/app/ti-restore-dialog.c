/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ti-restore-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "ti-backups.h"
#include "ti-restore-dialog.h"

/**
 * TiRestoreDialog:
 *
 * Restore from Backup…: the programme's backups, newest first, each checked in a worker
 * before it is shown (a spinner meanwhile) with when it was made, why, its size and what it
 * holds. A backup that fails its check says what is wrong with it and cannot be restored.
 * Restoring asks first, saying that the programme as it is will be kept as a backup; then the
 * window does the restore (ti_window_restore_backup()) and this dialog closes.
 */

struct _TiRestoreDialog
{
  AdwWindow parent_instance;

  TiWindow *window;
  char *db_path;
  GCancellable *cancellable; /* the listing in progress */
  GPtrArray *backups;        /* (element-type TiBackup): as listed */

  /* template widgets */
  GtkStack *stack;
  AdwStatusPage *empty_page;
  AdwStatusPage *failed_page;
  AdwPreferencesGroup *backups_group;
};

G_DEFINE_FINAL_TYPE (TiRestoreDialog, ti_restore_dialog, ADW_TYPE_WINDOW)

/* How many days backups are kept, from the application's settings (30 without them). */
static guint
retention_days (TiRestoreDialog *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self->window));
  GSettings *settings = TI_IS_APPLICATION (app) ? ti_application_get_settings (TI_APPLICATION (app))
                                                : NULL;

  return settings != NULL ? g_settings_get_uint (settings, "backup-retention-days") : 30;
}

static char *
describe_folder (TiRestoreDialog *self)
{
  g_autofree char *folder = ti_backups_folder (self->db_path);
  g_autofree char *display = g_filename_display_name (folder);
  guint days = retention_days (self);

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "A backup is made on the first opening of each day, "
                                       "before every import and before every update. They are "
                                       "kept for %u day in “%s”.",
                                       "A backup is made on the first opening of each day, "
                                       "before every import and before every update. They are "
                                       "kept for %u days in “%s”.",
                                       days),
                          days, display);
}

static gboolean
destroy_later (gpointer data)
{
  gtk_window_destroy (GTK_WINDOW (data));
  return G_SOURCE_REMOVE;
}

static void
confirm_response_cb (AdwMessageDialog *dialog, const char *response, TiRestoreDialog *self)
{
  const TiBackup *backup = g_object_get_data (G_OBJECT (dialog), "backup");
  g_autofree char *made = NULL;

  if (g_strcmp0 (response, "restore") != 0 || backup == NULL)
    return;
  made = ti_backup_format_made (backup);
  ti_window_restore_backup (self->window, backup->path, made);
  /* Gone at once, destroyed once the question (transient for it) has gone too. */
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, destroy_later, g_object_ref (self), g_object_unref);
}

static void
restore_clicked_cb (GtkButton *button, TiRestoreDialog *self)
{
  const TiBackup *backup = g_object_get_data (G_OBJECT (button), "backup");
  g_autofree char *made = ti_backup_format_made (backup);
  g_autofree char *file_name = g_filename_display_basename (self->db_path);
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Restore This Backup?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("“%s” will be replaced by the backup from %s, which holds "
                                    "%s.\n\nThe programme as it is now is kept as a backup "
                                    "first, so it can be restored in turn."),
                                  file_name, made, backup->contents);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "restore", _("_Restore"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "restore",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  /* The backup stays listed (and alive) while the question is asked. */
  g_object_set_data (G_OBJECT (dialog), "backup", (gpointer) backup);
  g_signal_connect_object (dialog, "response", G_CALLBACK (confirm_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static GtkWidget *
backup_row (TiRestoreDialog *self, const TiBackup *backup)
{
  g_autofree char *made = ti_backup_format_made (backup);
  g_autofree char *size = g_format_size (backup->size);
  g_autofree char *subtitle = NULL;
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), made);
  if (backup->healthy)
    {
      g_autofree char *label = g_strdup_printf (_("Restore the backup from %s"), made);
      GtkWidget *button = gtk_button_new_with_mnemonic (_("_Restore…"));

      /* Translators: why the backup was made, its size, then what it holds */
      subtitle = g_strdup_printf (_("%s · %s\n%s"), ti_backup_reason_label (backup->reason),
                                  size, backup->contents);
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (button, label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      label, -1);
      g_object_set_data (G_OBJECT (button), "backup", (gpointer) backup);
      g_signal_connect (button, "clicked", G_CALLBACK (restore_clicked_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
    }
  else
    {
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

      /* Translators: why the backup was made, its size, then what is wrong with it */
      subtitle = g_strdup_printf (_("%s · %s\nDamaged, so it cannot be restored: %s"),
                                  ti_backup_reason_label (backup->reason), size,
                                  backup->contents);
      gtk_widget_add_css_class (icon, "error");
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Damaged"), -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
    }
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  return row;
}

static void
listed_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (TiRestoreDialog) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) backups = ti_backups_list_finish (result, &error);
  g_autofree char *folder = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->cancellable == NULL)
    return;
  g_clear_object (&self->cancellable);

  folder = describe_folder (self);
  if (backups == NULL)
    {
      adw_status_page_set_description (self->failed_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "failed");
      return;
    }
  if (backups->len == 0)
    {
      adw_status_page_set_description (self->empty_page, folder);
      gtk_stack_set_visible_child_name (self->stack, "none");
      return;
    }
  self->backups = g_steal_pointer (&backups);
  adw_preferences_group_set_description (self->backups_group, folder);
  for (guint i = 0; i < self->backups->len; i++)
    adw_preferences_group_add (self->backups_group,
                               backup_row (self, g_ptr_array_index (self->backups, i)));
  gtk_stack_set_visible_child_name (self->stack, "list");
}

/**
 * ti_restore_dialog_new:
 * @window: the window whose programme (open, or refused as damaged) is restored
 *
 * Returns: (transfer none): the dialog, checking the backups; present it
 */
TiRestoreDialog *
ti_restore_dialog_new (TiWindow *window)
{
  TiRestoreDialog *self;

  g_return_val_if_fail (TI_IS_WINDOW (window), NULL);
  g_return_val_if_fail (ti_window_get_programme_path (window) != NULL, NULL);

  self = g_object_new (TI_TYPE_RESTORE_DIALOG, "transient-for", window, NULL);
  self->window = g_object_ref (window);
  self->db_path = g_strdup (ti_window_get_programme_path (window));
  self->cancellable = g_cancellable_new ();
  ti_backups_list_async (self->db_path, self->cancellable, listed_cb, g_object_ref (self));
  return self;
}

static void
ti_restore_dialog_dispose (GObject *object)
{
  TiRestoreDialog *self = TI_RESTORE_DIALOG (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->window);
  gtk_widget_dispose_template (GTK_WIDGET (self), TI_TYPE_RESTORE_DIALOG);

  G_OBJECT_CLASS (ti_restore_dialog_parent_class)->dispose (object);
}

static void
ti_restore_dialog_finalize (GObject *object)
{
  TiRestoreDialog *self = TI_RESTORE_DIALOG (object);

  g_clear_pointer (&self->backups, g_ptr_array_unref);
  g_free (self->db_path);

  G_OBJECT_CLASS (ti_restore_dialog_parent_class)->finalize (object);
}

static void
ti_restore_dialog_class_init (TiRestoreDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ti_restore_dialog_dispose;
  object_class->finalize = ti_restore_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ti-restore-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, TiRestoreDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, TiRestoreDialog, empty_page);
  gtk_widget_class_bind_template_child (widget_class, TiRestoreDialog, failed_page);
  gtk_widget_class_bind_template_child (widget_class, TiRestoreDialog, backups_group);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
ti_restore_dialog_init (TiRestoreDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
