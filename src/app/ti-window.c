/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ti-window"

#include "config.h"

#include <glib/gi18n.h>

#include "ti-champions-page.h"
#include "ti-demo.h"
#include "ti-evaluation-page.h"
#include "ti-feedback.h"
#include "ti-events-page.h"
#include "ti-import-assistant.h"
#include "ti-network-page.h"
#include "ti-overview.h"
#include "ti-preferences-window.h"
#include "ti-programme-settings.h"
#include "ti-training-page.h"
#include "ti-window-private.h"
#include "ti-workbook-dialog.h"

G_DEFINE_FINAL_TYPE (TiWindow, ti_window, ADW_TYPE_APPLICATION_WINDOW)

/* The GSettings key values of the destinations, in sidebar order (TiDestination). */
static const char *const destination_keys[TI_N_DESTINATIONS] = {
  "network-map", "training-tiers", "champions", "events", "evaluation",
};

/* @message is plain text: a name with an ampersand stays a name. */
void
ti_window_add_toast (TiWindow *self, const char *message)
{
  ti_feedback_toast (GTK_WIDGET (self->toast_overlay), message);
}

static GtkWidget *
page_widget (TiWindow *self, guint destination)
{
  GtkWidget *pages[TI_N_DESTINATIONS] = {
    self->network_page, self->training_page, self->champions_page, self->events_page,
    self->evaluation_page,
  };
  return pages[MIN (destination, TI_N_DESTINATIONS - 1)];
}

guint
ti_window_get_destination (TiWindow *self)
{
  GtkWidget *visible = gtk_stack_get_visible_child (self->pages);

  for (guint i = 0; i < TI_N_DESTINATIONS; i++)
    if (page_widget (self, i) == visible)
      return i;
  return 0;
}

/* The shortcuts window opens on the keys of where the person is: the map's on the Network
 * map, the application's elsewhere. */
static void
update_help_section (TiWindow *self)
{
  GtkShortcutsWindow *overlay = gtk_application_window_get_help_overlay (
    GTK_APPLICATION_WINDOW (self));

  if (overlay != NULL)
    g_object_set (overlay, "section-name",
                  ti_window_get_destination (self) == TI_DESTINATION_NETWORK_MAP
                    ? "network-map"
                    : "shortcuts",
                  NULL);
}

void
ti_window_show_destination (TiWindow *self, guint destination)
{
  GtkListBoxRow *row;

  g_return_if_fail (TI_IS_WINDOW (self));
  g_return_if_fail (destination < TI_N_DESTINATIONS);

  row = gtk_list_box_get_row_at_index (self->sidebar_list, destination);
  gtk_list_box_select_row (self->sidebar_list, row);
  gtk_stack_set_visible_child (self->pages, page_widget (self, destination));
  adw_window_title_set_title (
    self->content_title,
    gtk_stack_page_get_title (gtk_stack_get_page (self->pages, page_widget (self, destination))));
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
  update_help_section (self);
}

static void
sidebar_row_activated_cb (TiWindow *self, GtkListBoxRow *row)
{
  ti_window_show_destination (self, gtk_list_box_row_get_index (row));
}

static void
back_clicked_cb (TiWindow *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
build_sidebar (TiWindow *self)
{
  for (guint i = 0; i < TI_N_DESTINATIONS; i++)
    {
      GtkStackPage *page = gtk_stack_get_page (self->pages, page_widget (self, i));
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      GtkWidget *icon = gtk_image_new_from_icon_name (gtk_stack_page_get_icon_name (page));
      GtkWidget *label = gtk_label_new (gtk_stack_page_get_title (page));
      GtkWidget *row = gtk_list_box_row_new ();

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_box_append (GTK_BOX (box), icon);
      gtk_box_append (GTK_BOX (box), label);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      gtk_stack_page_get_title (page), -1);
      gtk_list_box_append (self->sidebar_list, row);
    }
}

static void
update_title (TiWindow *self)
{
  g_autoptr (TiProgrammeSettings) settings = NULL;
  g_autofree char *file_name = NULL;
  g_autofree char *title = NULL;

  if (self->database == NULL)
    {
      gtk_window_set_title (GTK_WINDOW (self), _("Trauma Informed Somerset"));
      return;
    }

  file_name = g_filename_display_basename (ti_database_get_path (self->database));
  if (self->read_only)
    {
      /* Translators: the programme's file name, opened so that nothing in it can change */
      char *marked = g_strdup_printf (_("%s (read-only)"), file_name);

      g_free (file_name);
      file_name = marked;
    }
  settings = ti_programme_settings_load (self->database, NULL);
  /* The window title names the open programme and its file. */
  title = g_strdup_printf (_("%s — %s"), settings ? settings->name : file_name, file_name);
  gtk_window_set_title (GTK_WINDOW (self), title);
  adw_window_title_set_title (self->sidebar_title,
                              settings ? settings->name : _("Trauma Informed Somerset"));
  adw_window_title_set_subtitle (self->sidebar_title, file_name);
  adw_window_title_set_subtitle (self->content_title, settings ? settings->name : file_name);
}

/* What the menu offers: the programme's own actions when one is open, its backups also when
 * it was refused, and nothing that opens another while a backup is being restored. */
static void
update_actions (TiWindow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean open = self->database != NULL;
  gboolean idle = !self->restoring;

  gtk_widget_action_set_enabled (widget, "win.preferences", open);
  gtk_widget_action_set_enabled (widget, "win.import", open);
  gtk_widget_action_set_enabled (widget, "win.export-workbook", open);
  gtk_widget_action_set_enabled (widget, "win.save-copy", open);
  gtk_widget_action_set_enabled (widget, "win.restore",
                                 idle && (open || self->refused_path != NULL));
  gtk_widget_action_set_enabled (widget, "win.open-programme", idle);
  gtk_widget_action_set_enabled (widget, "win.new-programme", idle);
  gtk_widget_action_set_enabled (widget, "win.load-demo", idle && self->job == NULL);
}

/* One hidden destination reads the programme each time: the first a while after the window
 * is drawn (its own page's results first), the next a second later. Then, one each time, the
 * hidden destinations and views are measured at the width they would be shown at
 * (ti_page_measure_ahead()). */
#define READ_AHEAD_DELAY_MS 1500
#define READ_AHEAD_STEP_MS 1000

/* Reads one hidden destination ahead, or when all have read, measures one part ahead. */
static gboolean
one_step_ahead (TiWindow *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self->pages));

  for (guint i = 0; i < TI_N_DESTINATIONS; i++)
    if (ti_page_read_ahead (TI_PAGE (page_widget (self, i))))
      return TRUE;
  for (guint i = 0; i < TI_N_DESTINATIONS; i++)
    if (ti_page_measure_ahead (TI_PAGE (page_widget (self, i)), width))
      return TRUE;
  return FALSE;
}

static gboolean
read_ahead_cb (gpointer data)
{
  TiWindow *self = data;

  self->read_ahead
    = one_step_ahead (self) ? g_timeout_add (READ_AHEAD_STEP_MS, read_ahead_cb, self) : 0;
  return G_SOURCE_REMOVE;
}

static void
set_database (TiWindow *self, TiDatabase *database)
{
  g_autoptr (GError) error = NULL;
  gboolean opened = database != NULL && database != self->database;
  gboolean empty;

  g_set_object (&self->database, database);
  if (database == NULL)
    self->read_only = FALSE;

  for (guint i = 0; i < TI_N_DESTINATIONS; i++)
    ti_page_set_database (TI_PAGE (page_widget (self, i)), database);
  /* Opened: the hidden destinations read it too, a little later, so that going to one only
   * lays it out. Not after each change: reading every hidden destination again would keep the
   * workers busy while the page shown waits for its own; a changed one reads when shown. */
  if (database == NULL || opened)
    g_clear_handle_id (&self->read_ahead, g_source_remove);
  if (opened)
    self->read_ahead = g_timeout_add (READ_AHEAD_DELAY_MS, read_ahead_cb, self);

  update_actions (self);
  update_title (self);

  if (database == NULL)
    return;

  empty = ti_overview_programme_is_empty (database, &error);
  if (error != NULL)
    ti_feedback_show_message (GTK_WIDGET (self), _("The Programme Could Not Be Read"), error->message);
  gtk_stack_set_visible_child_name (self->main_stack, empty ? "welcome" : "programme");
}

/* Lets go of the programme: the window's connection closes with the pages' hold on it (their
 * workers read through connections of their own). */
void
ti_window_close_programme (TiWindow *self)
{
  set_database (self, NULL);
}

/**
 * ti_window_reload:
 *
 * Shows the open programme again, after something outside the window changed it (an import).
 */
void
ti_window_reload (TiWindow *self)
{
  g_return_if_fail (TI_IS_WINDOW (self));

  set_database (self, self->database);
  /* After a dialog that changed the programme, the keyboard belongs in the page, not on the
   * menu button that opened the dialog. */
  gtk_widget_child_focus (page_widget (self, ti_window_get_destination (self)),
                          GTK_DIR_TAB_FORWARD);
}

/**
 * ti_window_open_programme:
 * @create: create the file when it does not exist
 *
 * Opens @path in this window; read-only when its file or folder may not be written. A file
 * that cannot be opened is explained in the window and left unchanged, with the latest good
 * backup offered when it is damaged.
 *
 * Returns: %TRUE when the programme is open
 */
gboolean
ti_window_open_programme (TiWindow *self, const char *path, gboolean create)
{
  TiDatabaseOpenFlags flags = create ? TI_DATABASE_OPEN_CREATE : TI_DATABASE_OPEN_DEFAULT;

  g_return_val_if_fail (TI_IS_WINDOW (self), FALSE);

  if (!ti_database_is_writable (path))
    flags = TI_DATABASE_OPEN_READ_ONLY;
  return ti_window_open_programme_with (self, path, flags);
}

/**
 * ti_window_open_programme_read_only:
 *
 * Opens @path so that nothing in it can change: each edit is refused in words.
 *
 * Returns: %TRUE when the programme is open
 */
gboolean
ti_window_open_programme_read_only (TiWindow *self, const char *path)
{
  g_return_val_if_fail (TI_IS_WINDOW (self), FALSE);

  return ti_window_open_programme_with (self, path, TI_DATABASE_OPEN_READ_ONLY);
}

gboolean
ti_window_open_programme_with (TiWindow *self, const char *path, TiDatabaseOpenFlags flags)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TiDatabase) database = NULL;
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  ti_window_backups_stop (self);
  g_clear_pointer (&self->refused_path, g_free);

  database = ti_database_open (path, flags, &error);
  if (database == NULL)
    {
      self->refused_path = g_strdup (path);
      set_database (self, NULL);
      adw_status_page_set_description (self->refused_page, error->message);
      gtk_stack_set_visible_child_name (self->main_stack, "refused");
      ti_window_backups_refused (self, error);
      return FALSE;
    }

  if (ti_database_get_backup_path (database) != NULL)
    ti_window_add_toast (self, _("The programme was updated to this version; a backup was "
                                 "kept first"));

  /* The main loop waits on this connection: a lock another program holds is reported after a
   * quarter of a second, not five, and the window keeps drawing meanwhile. */
  ti_database_set_busy_wait (database, 250);
  self->read_only = (flags & TI_DATABASE_OPEN_READ_ONLY) != 0;
  set_database (self, database);
  if (TI_IS_APPLICATION (app))
    ti_application_remember_programme (TI_APPLICATION (app), path);
  if (self->read_only)
    ti_window_add_toast (self, _("This programme is read-only: it can be read but not changed"));
  ti_window_backups_opened (self);
  return TRUE;
}

/**
 * ti_window_get_programme_path:
 *
 * Returns: (nullable): the programme shown: the open one, or the one that could not be opened
 */
const char *
ti_window_get_programme_path (TiWindow *self)
{
  g_return_val_if_fail (TI_IS_WINDOW (self), NULL);

  if (self->database != NULL)
    return ti_database_get_path (self->database);
  return self->refused_path;
}

/**
 * ti_window_is_read_only:
 *
 * Returns: whether the open programme can be read but not changed
 */
gboolean
ti_window_is_read_only (TiWindow *self)
{
  g_return_val_if_fail (TI_IS_WINDOW (self), FALSE);
  return self->read_only;
}

/* Says, for an action that would change the programme, that it cannot. */
void
ti_window_refuse_read_only (TiWindow *self, const char *heading)
{
  g_autofree char *file_name
    = g_filename_display_basename (ti_window_get_programme_path (self));
  g_autofree char *body
    = g_strdup_printf (_("This programme is read-only: “%s” can be read here but not changed. "
                         "Save a copy to work on it."),
                       file_name);

  ti_feedback_show_message (GTK_WIDGET (self), heading, body);
}

TiDatabase *
ti_window_get_database (TiWindow *self)
{
  g_return_val_if_fail (TI_IS_WINDOW (self), NULL);
  return self->database;
}

/* File choosers: GtkFileChooserNative (GtkFileDialog is GTK 4.10). */

GtkFileFilter *
ti_window_programme_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Programme files"));
  gtk_file_filter_add_pattern (filter, "*.sqlite");
  gtk_file_filter_add_mime_type (filter, "application/vnd.sqlite3");
  return filter;
}

static void
open_response_cb (GtkNativeDialog *dialog, int response, TiWindow *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = g_file_get_path (file);

      if (path != NULL)
        ti_window_open_programme (self, path, FALSE);
    }
  g_object_unref (dialog);
}

static void
open_programme_action (GtkWidget *widget, const char *action, GVariant *param)
{
  TiWindow *self = TI_WINDOW (widget);
  GtkFileChooserNative *dialog;
  g_autoptr (GtkFileFilter) filter = ti_window_programme_filter ();

  dialog = gtk_file_chooser_native_new (_("Open Programme"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  g_signal_connect (dialog, "response", G_CALLBACK (open_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/**
 * ti_window_chosen_programme_path:
 *
 * Returns: (transfer full) (nullable): the file chosen in a save chooser, named "….sqlite"
 */
char *
ti_window_chosen_programme_path (GtkFileChooser *chooser)
{
  g_autoptr (GFile) file = gtk_file_chooser_get_file (chooser);
  char *path = file != NULL ? g_file_get_path (file) : NULL;

  if (path != NULL && !g_str_has_suffix (path, ".sqlite"))
    {
      char *with_suffix = g_strconcat (path, ".sqlite", NULL);

      g_free (path);
      path = with_suffix;
    }
  return path;
}

static void
new_response_cb (GtkNativeDialog *dialog, int response, TiWindow *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autofree char *path = ti_window_chosen_programme_path (GTK_FILE_CHOOSER (dialog));
      g_autoptr (GError) error = NULL;
      g_autoptr (TiDatabase) database = NULL;

      /* Never replace a programme: the chooser's overwrite question is not enough. */
      if (path != NULL)
        database = ti_database_open (path, TI_DATABASE_OPEN_CREATE | TI_DATABASE_OPEN_EXCLUSIVE,
                                     &error);
      if (database == NULL && error != NULL)
        ti_feedback_show_message (GTK_WIDGET (self), _("The Programme Was Not Created"), error->message);
      else if (database != NULL)
        {
          g_clear_object (&database);
          ti_window_open_programme (self, path, FALSE);
        }
    }
  g_object_unref (dialog);
}

static void
new_programme_action (GtkWidget *widget, const char *action, GVariant *param)
{
  TiWindow *self = TI_WINDOW (widget);
  GtkFileChooserNative *dialog;

  dialog = gtk_file_chooser_native_new (_("New Programme"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Create"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), _("programme.sqlite"));
  g_signal_connect (dialog, "response", G_CALLBACK (new_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* Loading the demo: written once into the data folder in a thread, then opened. */

typedef struct
{
  GWeakRef window; /* thread-safe: the window may close while the demo is written */
  double fraction;
  char *step;
} DemoProgress;

static char *
demo_path (void)
{
  return g_build_filename (g_get_user_data_dir (), APP_ID, "demo-programme.sqlite", NULL);
}

static gboolean
show_demo_progress (gpointer data)
{
  DemoProgress *progress = data;
  g_autoptr (TiWindow) window = g_weak_ref_get (&progress->window);

  if (window != NULL && window->progress_bar != NULL)
    {
      gtk_progress_bar_set_fraction (window->progress_bar, progress->fraction);
      gtk_progress_bar_set_text (window->progress_bar, progress->step);
    }
  g_weak_ref_clear (&progress->window);
  g_free (progress->step);
  g_free (progress);
  return G_SOURCE_REMOVE;
}

/* Called from the worker thread; the window is only touched on the main thread. */
static void
demo_progress_cb (double fraction, const char *step, gpointer user_data)
{
  GWeakRef *window = user_data;
  DemoProgress *progress = g_new0 (DemoProgress, 1);
  g_autoptr (GObject) object = g_weak_ref_get (window);

  g_weak_ref_init (&progress->window, object);
  progress->fraction = fraction;
  progress->step = g_strdup (step);
  g_idle_add (show_demo_progress, progress);
}

typedef struct
{
  char *path;
  GWeakRef window;
} DemoJob;

static void
demo_job_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  DemoJob *job = data;
  g_autoptr (GError) error = NULL;

  if (ti_demo_create (job->path, 1, demo_progress_cb, &job->window, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

static void
demo_job_free (gpointer data)
{
  DemoJob *job = data;

  g_weak_ref_clear (&job->window);
  g_free (job->path);
  g_free (job);
}

static void
demo_written_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  TiWindow *self = TI_WINDOW (source);
  DemoJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr (GError) error = NULL;

  g_clear_object (&self->job);
  update_actions (self);

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      set_database (self, self->database);
      if (self->database == NULL)
        gtk_stack_set_visible_child_name (self->main_stack, "welcome");
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        ti_feedback_show_message (GTK_WIDGET (self), _("The Demo Programme Was Not Written"), error->message);
      return;
    }
  ti_window_open_programme (self, job->path, FALSE);
}

static void
load_demo_action (GtkWidget *widget, const char *action, GVariant *param)
{
  TiWindow *self = TI_WINDOW (widget);
  g_autofree char *path = demo_path ();
  g_autoptr (GTask) task = NULL;
  DemoJob *job;

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      ti_window_open_programme (self, path, FALSE);
      return;
    }

  self->job = g_cancellable_new ();
  update_actions (self);
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  gtk_progress_bar_set_text (self->progress_bar, _("Starting"));
  gtk_stack_set_visible_child_name (self->main_stack, "loading");

  job = g_new0 (DemoJob, 1);
  job->path = g_steal_pointer (&path);
  g_weak_ref_init (&job->window, self);
  task = g_task_new (self, self->job, demo_written_cb, NULL);
  g_task_set_task_data (task, job, demo_job_free);
  g_task_run_in_thread (task, demo_job_thread);
}

static void
cancel_job_action (GtkWidget *widget, const char *action, GVariant *param)
{
  TiWindow *self = TI_WINDOW (widget);

  if (self->job != NULL)
    g_cancellable_cancel (self->job);
}

static void
programme_changed_cb (TiWindow *self)
{
  set_database (self, self->database);
}

static void
preferences_action (GtkWidget *widget, const char *action, GVariant *param)
{
  TiWindow *self = TI_WINDOW (widget);
  TiPreferencesWindow *preferences;

  if (self->database == NULL)
    return;
  preferences = ti_preferences_window_new (GTK_WINDOW (self), self->database, self->settings);
  g_signal_connect_object (preferences, "programme-changed", G_CALLBACK (programme_changed_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (preferences));
}

static void
import_action (GtkWidget *widget, const char *action, GVariant *param)
{
  TiWindow *self = TI_WINDOW (widget);

  if (self->database == NULL)
    return;
  if (self->read_only)
    ti_window_refuse_read_only (self, _("Nothing Can Be Imported"));
  else
    gtk_window_present (GTK_WINDOW (ti_import_assistant_new (self)));
}

static void
export_workbook_action (GtkWidget *widget, const char *action, GVariant *param)
{
  TiWindow *self = TI_WINDOW (widget);

  if (self->database != NULL)
    gtk_window_present (GTK_WINDOW (ti_workbook_dialog_new (GTK_WINDOW (self), self->database)));
}

static void
destination_action (GtkWidget *widget, const char *action, GVariant *param)
{
  TiWindow *self = TI_WINDOW (widget);

  if (self->database != NULL)
    {
      gtk_stack_set_visible_child_name (self->main_stack, "programme");
      ti_window_show_destination (self, g_variant_get_int32 (param));
    }
}

/* Where each kind of record lives. */
static const TiDestination record_destinations[] = {
  [TI_RECORD_SESSION] = TI_DESTINATION_TRAINING_TIERS,
  [TI_RECORD_EVENT] = TI_DESTINATION_EVENTS,
  [TI_RECORD_MILESTONE] = TI_DESTINATION_EVALUATION,
  [TI_RECORD_PERSON] = TI_DESTINATION_CHAMPIONS,
  [TI_RECORD_ORGANISATION] = TI_DESTINATION_NETWORK_MAP,
};

/**
 * ti_window_show_record:
 * @self: the window
 * @kind: what the record is
 * @id: its id
 *
 * Goes to the destination that holds the record and opens it there, as another page's link
 * to it ("Needs attention", a chart's column) does.
 *
 * Returns: whether it is shown
 */
gboolean
ti_window_show_record (TiWindow *self, TiRecordKind kind, gint64 id)
{
  TiDestination destination;

  g_return_val_if_fail (TI_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (kind < TI_N_RECORD_KINDS, FALSE);

  if (self->database == NULL)
    return FALSE;
  destination = record_destinations[kind];
  gtk_stack_set_visible_child_name (self->main_stack, "programme");
  ti_window_show_destination (self, destination);
  return ti_page_show_record (TI_PAGE (page_widget (self, destination)), kind, id);
}

static void
show_record_action (GtkWidget *widget, const char *action, GVariant *param)
{
  const char *key;
  gint64 id;
  TiRecordKind kind;

  g_variant_get (param, "(&sx)", &key, &id);
  if (ti_record_kind_from_key (key, &kind))
    ti_window_show_record (TI_WINDOW (widget), kind, id);
}

static gboolean
ti_window_close_request (GtkWindow *window)
{
  TiWindow *self = TI_WINDOW (window);
  int width, height;

  gtk_window_get_default_size (window, &width, &height);
  g_settings_delay (self->settings);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
  g_settings_set_string (self->settings, "last-destination",
                         destination_keys[ti_window_get_destination (self)]);
  g_settings_apply (self->settings);

  if (self->job != NULL)
    g_cancellable_cancel (self->job);

  return GTK_WINDOW_CLASS (ti_window_parent_class)->close_request (window);
}

static void
ti_window_dispose (GObject *object)
{
  TiWindow *self = TI_WINDOW (object);

  if (self->job != NULL)
    g_cancellable_cancel (self->job);
  g_clear_object (&self->job);
  ti_window_backups_stop (self);
  g_clear_handle_id (&self->read_ahead, g_source_remove);
  self->disposed = TRUE;
  gtk_widget_dispose_template (GTK_WIDGET (self), TI_TYPE_WINDOW);

  G_OBJECT_CLASS (ti_window_parent_class)->dispose (object);
}

static void
ti_window_finalize (GObject *object)
{
  TiWindow *self = TI_WINDOW (object);

  g_clear_object (&self->database);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->refused_path, g_free);

  G_OBJECT_CLASS (ti_window_parent_class)->finalize (object);
}

static void
ti_window_class_init (TiWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = ti_window_dispose;
  object_class->finalize = ti_window_finalize;
  window_class->close_request = ti_window_close_request;

  g_type_ensure (TI_TYPE_NETWORK_PAGE);
  g_type_ensure (TI_TYPE_TRAINING_PAGE);
  g_type_ensure (TI_TYPE_CHAMPIONS_PAGE);
  g_type_ensure (TI_TYPE_EVENTS_PAGE);
  g_type_ensure (TI_TYPE_EVALUATION_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ti-window.ui");
  gtk_widget_class_bind_template_child (widget_class, TiWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, TiWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, TiWindow, refused_page);
  gtk_widget_class_bind_template_child (widget_class, TiWindow, restore_latest_button);
  gtk_widget_class_bind_template_child (widget_class, TiWindow, open_another_button);
  gtk_widget_class_bind_template_child (widget_class, TiWindow, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, TiWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, TiWindow, sidebar_list);
  gtk_widget_class_bind_template_child (widget_class, TiWindow, sidebar_title);
  gtk_widget_class_bind_template_child (widget_class, TiWindow, content_title);
  gtk_widget_class_bind_template_child (widget_class, TiWindow, pages);
  gtk_widget_class_bind_template_child (widget_class, TiWindow, network_page);
  gtk_widget_class_bind_template_child (widget_class, TiWindow, training_page);
  gtk_widget_class_bind_template_child (widget_class, TiWindow, champions_page);
  gtk_widget_class_bind_template_child (widget_class, TiWindow, events_page);
  gtk_widget_class_bind_template_child (widget_class, TiWindow, evaluation_page);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);

  gtk_widget_class_install_action (widget_class, "win.open-programme", NULL, open_programme_action);
  gtk_widget_class_install_action (widget_class, "win.new-programme", NULL, new_programme_action);
  gtk_widget_class_install_action (widget_class, "win.load-demo", NULL, load_demo_action);
  gtk_widget_class_install_action (widget_class, "win.cancel-job", NULL, cancel_job_action);
  gtk_widget_class_install_action (widget_class, "win.preferences", NULL, preferences_action);
  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "win.export-workbook", NULL,
                                   export_workbook_action);
  gtk_widget_class_install_action (widget_class, "win.destination", "i", destination_action);
  gtk_widget_class_install_action (widget_class, "win.show-record", "(sx)", show_record_action);
  ti_window_backups_class_init (widget_class);
}

static void
ti_window_init (TiWindow *self)
{
  g_autofree char *last = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  build_sidebar (self);
  /* The application gives the window its shortcuts window when it takes the window in. */
  g_signal_connect (self, "notify::application", G_CALLBACK (update_help_section), NULL);
  last = g_settings_get_string (self->settings, "last-destination");
  ti_window_show_destination (self, 0);
  for (guint i = 0; i < TI_N_DESTINATIONS; i++)
    if (g_strcmp0 (last, destination_keys[i]) == 0)
      ti_window_show_destination (self, i);
  update_actions (self);
}

TiWindow *
ti_window_new (TiApplication *application)
{
  return g_object_new (TI_TYPE_WINDOW, "application", application, NULL);
}
