/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "test-util.h"
#include "test-widget-util.h"
#include "ti-backups.h"
#include "ti-feedback.h"
#include "ti-restore-dialog.h"
#include "ti-window.h"

/*
 * The window's backups, as a person meets them: the day's backup made when a programme
 * opens (old ones pruned, a failure said in words), Restore from Backup… listing each backup
 * with when, why, its size and what it holds and restoring after a question, Save a Copy…,
 * and a damaged programme offering its latest good backup.
 */

static TiApplication *app;

/* Two organisations: what the backups hold. */
static const char pilot_sql[]
  = "INSERT INTO organisations (id, name, sector, locality, headcount) VALUES"
    " (1, 'Somerset NHS Foundation Trust', 'nhs_trust', 'county_wide', 6000),"
    " (2, 'Wellsway Primary School', 'education', 'mendip', 40);";

/* A programme in its own folder with nothing else holding it open. */
static void
programme_set_up (TestProgramme *programme)
{
  test_programme_set_up (programme, "pilot.sqlite", pilot_sql);
  g_clear_object (&programme->db);
}

static gint64
organisations_in_file (const char *path)
{
  return test_count_in (path, "SELECT count(*) FROM organisations");
}

/* The backups in the programme's folder whose names hold @tag ("-daily-"). */
static GPtrArray *
backups_tagged (const char *db_path, const char *tag)
{
  g_autofree char *folder = ti_backups_folder (db_path);
  g_autoptr (GDir) dir = g_dir_open (folder, 0, NULL);
  GPtrArray *found = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (strstr (name, tag) != NULL && g_str_has_suffix (name, ".sqlite"))
      g_ptr_array_add (found, g_build_filename (folder, name, NULL));
  return found;
}

typedef struct
{
  const char *path;
  const char *tag;
} Tagged;

static gboolean
has_backup_tagged (gpointer data)
{
  Tagged *tagged = data;
  g_autoptr (GPtrArray) found = backups_tagged (tagged->path, tagged->tag);

  return found->len > 0;
}

static void
listed_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GPtrArray) backups = ti_backups_list_finish (result, NULL);

  *(gboolean *)user_data = TRUE;
}

static gboolean
is_true (gpointer data)
{
  return *(gboolean *)data;
}

/* Waits until the day's backup of the programme just opened is made, and the work after it
 * (pruning) is done: the backup workers run one at a time, so a listing started once the
 * backup is there finishes after them. */
static void
wait_for_daily_backup (const char *path)
{
  Tagged tagged = { path, "-daily-" };
  gboolean listed = FALSE;

  test_iterate_until (has_backup_tagged, &tagged);
  ti_backups_list_async (path, NULL, listed_cb, &listed);
  test_iterate_until (is_true, &listed);
}

static gboolean
has_database (gpointer window)
{
  return ti_window_get_database (window) != NULL;
}

/* Opening a programme makes the day's backup (once a day), in a worker, and prunes backups
 * older than the retention setting, keeping the newest. */
static void
test_daily_backup_on_open (void)
{
  TestProgramme programme;
  g_autoptr (GDateTime) old_day = g_date_time_new_utc (2020, 1, 6, 9, 0, 0);
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr (GDateTime) recent_day = g_date_time_add_days (now, -2);
  g_autofree char *folder = NULL;
  g_autofree char *old = NULL;
  g_autofree char *recent = NULL;
  g_autoptr (GPtrArray) daily = NULL;
  TiWindow *window;

  programme_set_up (&programme);
  /* A backup from years ago, older than any retention, and one from two days ago. */
  folder = ti_backups_folder (programme.path);
  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  old = ti_backups_path_for (programme.path, TI_BACKUP_BEFORE_IMPORT, 0, old_day);
  g_assert_true (g_file_set_contents (old, "an old backup", -1, NULL));
  recent = ti_backups_path_for (programme.path, TI_BACKUP_BEFORE_IMPORT, 0, recent_day);
  g_assert_true (g_file_set_contents (recent, "a recent backup", -1, NULL));

  window = test_window_new (programme.path);
  wait_for_daily_backup (programme.path);
  daily = backups_tagged (programme.path, "-daily-");
  g_assert_cmpuint (daily->len, ==, 1);
  g_assert_cmpint (organisations_in_file (g_ptr_array_index (daily, 0)), ==, 2);
  g_assert_false (g_file_test (old, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (recent, G_FILE_TEST_EXISTS));
  test_window_close (window);
  test_programme_tear_down (&programme);
}

/* A day's backup that cannot be made is said in words, and the programme stays open. */
static void
test_daily_backup_failure (void)
{
  TestProgramme programme;
  g_autofree char *folder = NULL;
  const char *said;
  TiWindow *window;

  programme_set_up (&programme);
  /* Where the backups folder should be, a file: nothing can be written there. */
  folder = ti_backups_folder (programme.path);
  g_assert_true (g_file_set_contents (folder, "not a folder", -1, NULL));

  window = test_window_new (programme.path);
  said = test_wait_for_text_containing (GTK_WIDGET (window), "Today’s backup was not made: ");
  g_assert_nonnull (strstr (said, "backups"));
  g_assert_nonnull (ti_window_get_database (window));
  test_wait_for_text (GTK_WIDGET (window), "Network map");
  test_window_close (window);
  test_programme_tear_down (&programme);
}

static gboolean
has_restore_dialog (gpointer data)
{
  return test_find_toplevel (TI_TYPE_RESTORE_DIALOG) != NULL;
}

/* Restore from Backup… lists the backups, newest first, with when, why, size and contents;
 * a damaged one cannot be restored; restoring asks first, keeps the programme as it was and
 * opens the backup in its place. */
static void
test_restore_dialog (void)
{
  TestProgramme programme;
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr (GDateTime) damaged_day = g_date_time_add_hours (now, -2);
  g_autoptr (GPtrArray) listed = NULL;
  g_autoptr (GPtrArray) kept = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *damaged = NULL;
  g_autofree char *title = NULL;
  g_autofree char *damaged_title = NULL;
  TiBackup backup = { 0 };
  GtkWindow *dialog;
  AdwMessageDialog *question;
  GtkWidget *row, *button;
  const char *said;
  TiWindow *window;

  programme_set_up (&programme);
  window = test_window_new (programme.path);
  wait_for_daily_backup (programme.path);

  /* A backup that is not whole, named as the programme's backups are. */
  damaged = ti_backups_path_for (programme.path, TI_BACKUP_MANUAL, 0, damaged_day);
  g_assert_true (g_file_set_contents (damaged, "SQLite format 3 but cut short", -1, NULL));

  /* After the day's backup, a third organisation. */
  g_assert_true (ti_database_exec (ti_window_get_database (window),
                                   "INSERT INTO organisations (name, sector, locality, headcount)"
                                   " VALUES ('Quantock Housing', 'housing', 'sedgemoor', 120)",
                                   &error));
  g_assert_no_error (error);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.restore", NULL));
  test_iterate_until (has_restore_dialog, NULL);
  dialog = test_find_toplevel (TI_TYPE_RESTORE_DIALOG);

  /* The day's backup: when (local time), why, its size and what it holds. */
  listed = ti_backups_list (programme.path, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < listed->len; i++)
    {
      const TiBackup *one = g_ptr_array_index (listed, i);

      if (one->reason == TI_BACKUP_DAILY)
        title = ti_backup_format_made (one);
    }
  g_assert_nonnull (title);
  row = test_wait_for_row (GTK_WIDGET (dialog), title);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "Daily · "));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)),
                            "2 organisations, 0 people, 0 champions"));

  /* The damaged one says so, and offers no Restore. */
  backup.made = damaged_day;
  damaged_title = ti_backup_format_made (&backup);
  row = test_find_row (GTK_WIDGET (dialog), damaged_title);
  g_assert_nonnull (row);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)),
                            "Damaged, so it cannot be restored"));
  g_assert_null (test_find_button (row, "_Restore…"));

  /* Restoring asks first, saying the programme as it is will be kept. */
  row = test_find_row (GTK_WIDGET (dialog), title);
  button = test_find_button (row, "_Restore…");
  g_assert_nonnull (button);
  gtk_widget_activate (button);
  question = test_wait_for_dialog ("Restore This Backup?");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (question), "kept as a backup first"));
  adw_message_dialog_response (question, "restore");

  /* The backup is the programme now, every page shows it, and the programme as it was is
   * kept among the backups. */
  said = test_wait_for_text_containing (GTK_WIDGET (window), "Restored the backup from ");
  g_assert_nonnull (strstr (said, title));
  g_assert_nonnull (strstr (said, "pilot-before-restore-"));
  g_assert_true (has_database (window));
  g_assert_cmpstr (ti_database_get_path (ti_window_get_database (window)), ==, programme.path);
  g_assert_cmpint (
    test_count (ti_window_get_database (window), "SELECT count(*) FROM organisations"), ==, 2);
  g_assert_null (test_find_toplevel (TI_TYPE_RESTORE_DIALOG));
  kept = backups_tagged (programme.path, "-before-restore-");
  g_assert_cmpuint (kept->len, ==, 1);
  g_assert_cmpint (organisations_in_file (g_ptr_array_index (kept, 0)), ==, 3);
  {
    g_autofree char *check = ti_database_check (ti_window_get_database (window), &error);

    g_assert_no_error (error);
    g_assert_nonnull (check);
  }
  test_wait_for_text (GTK_WIDGET (window), "Network map");
  test_window_close (window);
  test_programme_tear_down (&programme);
}

static void
undo_clicked (AdwToast *toast, gboolean *clicked)
{
  *clicked = TRUE;
}

/* An Undo toast about the programme before a restore goes with it: it is not offered for the
 * restored programme, and the connection it held is closed before the file is replaced. */
static void
test_restore_withdraws_undo (void)
{
  TestProgramme programme;
  g_autoptr (GPtrArray) daily = NULL;
  g_autoptr (GError) error = NULL;
  TiDatabase *held;
  AdwToast *undo;
  gboolean clicked = FALSE;
  TiWindow *window;

  programme_set_up (&programme);
  window = test_window_new (programme.path);
  wait_for_daily_backup (programme.path);
  daily = backups_tagged (programme.path, "-daily-");

  /* Deleted, with Undo offered, as the pages offer it: the toast holds the connection. */
  g_assert_true (ti_database_exec (ti_window_get_database (window),
                                   "DELETE FROM organisations WHERE id = 2", &error));
  g_assert_no_error (error);
  undo = adw_toast_new ("Deleted Wellsway Primary School");
  adw_toast_set_button_label (undo, "_Undo");
  adw_toast_set_timeout (undo, 0);
  held = ti_window_get_database (window);
  g_object_set_data_full (G_OBJECT (undo), "database", g_object_ref (held), g_object_unref);
  g_object_add_weak_pointer (G_OBJECT (held), (gpointer *)&held);
  g_signal_connect (undo, "button-clicked", G_CALLBACK (undo_clicked), &clicked);
  ti_feedback_add_toast (test_find_type (GTK_WIDGET (window), ADW_TYPE_TOAST_OVERLAY), undo);
  test_wait_for_text (GTK_WIDGET (window), "Deleted Wellsway Primary School");
  /* And one waiting behind it, added a moment before the restore: withdrawn too (libadwaita
   * 1.2 crashed when a toast was dismissed before it had settled on screen). */
  ti_feedback_toast (GTK_WIDGET (window), "Saved the session");

  ti_window_restore_backup (window, g_ptr_array_index (daily, 0), "this morning");
  test_wait_for_text_containing (GTK_WIDGET (window), "Restored the backup from this morning");
  /* The toast is gone, its connection closed, and the restored programme whole. */
  g_assert_null (test_find_shown (GTK_WIDGET (window), "Deleted Wellsway Primary School"));
  g_assert_null (test_find_shown (GTK_WIDGET (window), "Saved the session"));
  g_assert_null (test_find_button (GTK_WIDGET (window), "_Undo"));
  g_assert_null (held);
  g_assert_false (clicked);
  g_assert_cmpint (
    test_count (ti_window_get_database (window), "SELECT count(*) FROM organisations"), ==, 2);
  {
    g_autofree char *check = ti_database_check (ti_window_get_database (window), &error);

    g_assert_no_error (error);
    g_assert_nonnull (strstr (check, "healthy"));
  }
  test_window_close (window);
  test_programme_tear_down (&programme);
}

/* A programme with no backups yet says so, and where they will be. */
static void
test_restore_dialog_without_backups (void)
{
  TestProgramme programme;
  g_autofree char *folder = NULL;
  GtkWindow *dialog;
  TiWindow *window;

  programme_set_up (&programme);
  window = test_window_new (programme.path);
  /* The day's backup, taken away again. */
  wait_for_daily_backup (programme.path);
  folder = ti_backups_folder (programme.path);
  test_remove_tree (folder);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.restore", NULL));
  test_iterate_until (has_restore_dialog, NULL);
  dialog = test_find_toplevel (TI_TYPE_RESTORE_DIALOG);
  test_wait_for_text (GTK_WIDGET (dialog), "No Backups Yet");
  gtk_window_destroy (dialog);
  test_window_close (window);
  test_programme_tear_down (&programme);
}

static gboolean
has_file_chooser (gpointer data)
{
  return test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG) != NULL;
}

/* Save a Copy… offers a name beside the programme's, writes a whole, checked copy, and
 * refuses in words a name that would damage another programme. */
static void
test_save_copy (void)
{
  TestProgramme programme;
  g_autoptr (GError) error = NULL;
  g_autofree char *copy = NULL;
  g_autofree char *busy = NULL;
  g_autofree char *busy_wal = NULL;
  g_autoptr (TiDatabase) copied = NULL;
  g_autofree char *check = NULL;
  GtkWindow *chooser;
  AdwMessageDialog *refused;
  TiWindow *window;

  programme_set_up (&programme);
  window = test_window_new (programme.path);

  /* Through the menu and its file chooser, in a child process: see
   * test_trap_without_leak_check(). */
  if (!g_test_subprocess ())
    test_trap_without_leak_check ();
  else
    {
      g_autofree char *offered = NULL;

      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save-copy", NULL));
      test_iterate_until (has_file_chooser, NULL);
      chooser = test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG);
      offered = gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (chooser));
      g_assert_cmpstr (offered, ==, "pilot copy.sqlite");
      gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);
      test_iterate_a_while ();
      test_window_close (window);
      test_programme_tear_down (&programme);
      return;
    }

  /* What the chooser's Save does (GTK's own dialog cannot be driven reliably here). */
  copy = g_build_filename (programme.dir, "for the board.sqlite", NULL);
  ti_window_save_copy (window, copy);
  test_wait_for_text (GTK_WIDGET (window),
                      "Saved a copy of the programme as “for the board.sqlite”");
  copied = ti_database_open (copy, TI_DATABASE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  check = ti_database_check (copied, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (check, "healthy"));
  g_assert_cmpint (test_count (copied, "SELECT count(*) FROM organisations"), ==, 2);

  /* Over a programme whose write-ahead log is beside it: refused, and it is left alone. */
  busy = g_build_filename (programme.dir, "in use.sqlite", NULL);
  busy_wal = g_strconcat (busy, "-wal", NULL);
  g_assert_true (g_file_set_contents (busy, "another programme", -1, NULL));
  g_assert_true (g_file_set_contents (busy_wal, "its log", -1, NULL));
  ti_window_save_copy (window, busy);
  refused = test_wait_for_dialog ("The Copy Was Not Saved");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (refused), "choose another name"));
  {
    g_autofree char *left = NULL;

    g_assert_true (g_file_get_contents (busy, &left, NULL, NULL));
    g_assert_cmpstr (left, ==, "another programme");
  }
  gtk_window_destroy (GTK_WINDOW (refused));

  /* Over the programme itself: refused, and it stays open and whole. */
  ti_window_save_copy (window, programme.path);
  refused = test_wait_for_dialog ("The Copy Was Not Saved");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (refused), "the programme itself"));
  gtk_window_destroy (GTK_WINDOW (refused));
  g_assert_cmpint (
    test_count (ti_window_get_database (window), "SELECT count(*) FROM organisations"), ==, 2);
  test_window_close (window);
  test_programme_tear_down (&programme);
}

/* Breaks the programme's header (a page size SQLite cannot read): damaged, not missing. */
static void
damage (const char *path)
{
  g_autofree char *bytes = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &bytes, &length, NULL));
  g_assert_cmpuint (length, >, 100);
  bytes[16] = 0;
  bytes[17] = 3;
  g_assert_true (g_file_set_contents (path, bytes, length, NULL));
}

/* A damaged programme is explained, and its latest good backup offered with its date;
 * restoring it opens the programme and keeps the damaged file among the backups. */
static void
test_damaged_offers_latest_good (void)
{
  TestProgramme programme;
  g_autoptr (GError) error = NULL;
  g_autoptr (TiBackup) good = NULL;
  g_autoptr (GPtrArray) kept = NULL;
  g_autofree char *older = NULL;
  g_autofree char *label = NULL;
  g_autofree char *made = NULL;
  g_autofree char *damaged_digest = NULL;
  g_autofree char *kept_digest = NULL;
  GtkWidget *page, *button;
  TiWindow *window;

  test_programme_set_up (&programme, "pilot.sqlite", pilot_sql);
  /* Two backups: an older good one, and the newest, damaged. */
  older = ti_backups_make (programme.db, TI_BACKUP_BEFORE_IMPORT, &error);
  g_assert_no_error (error);
  g_clear_object (&programme.db);
  {
    g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
    g_autoptr (GDateTime) later = g_date_time_add_minutes (now, 1);
    g_autofree char *newest = ti_backups_path_for (programme.path, TI_BACKUP_DAILY, 0, later);

    g_assert_true (g_file_set_contents (newest, "SQLite format 3 but cut short", -1, NULL));
  }
  good = ti_backups_find_latest_good (programme.path);
  g_assert_nonnull (good);
  g_assert_cmpstr (good->path, ==, older);
  made = ti_backup_format_made (good);
  damage (programme.path);
  damaged_digest = test_file_digest (programme.path);

  window = test_window_new (NULL);
  g_assert_false (ti_window_open_programme (window, programme.path, FALSE));
  test_wait_for_text (GTK_WIDGET (window), "This Programme Could Not Be Opened");
  page = test_find_shown (GTK_WIDGET (window), "This Programme Could Not Be Opened");
  g_assert_nonnull (strstr (adw_status_page_get_description (ADW_STATUS_PAGE (page)), "damaged"));

  label = g_strdup_printf ("_Restore the Latest Good Backup (%s)", made);
  button = test_wait_for_button (GTK_WIDGET (window), label);
  g_assert_nonnull (
    strstr (adw_status_page_get_description (ADW_STATUS_PAGE (page)), "2 organisations"));
  gtk_widget_activate (button);

  test_iterate_until (has_database, window);
  g_assert_cmpint (
    test_count (ti_window_get_database (window), "SELECT count(*) FROM organisations"), ==, 2);
  test_wait_for_text (GTK_WIDGET (window), "Network map");
  test_wait_for_text_containing (GTK_WIDGET (window), "Restored the backup from ");
  /* The damaged file, byte for byte, among the backups. */
  kept = backups_tagged (programme.path, "-before-restore-");
  g_assert_cmpuint (kept->len, ==, 1);
  kept_digest = test_file_digest (g_ptr_array_index (kept, 0));
  g_assert_cmpstr (kept_digest, ==, damaged_digest);
  test_window_close (window);
  test_programme_tear_down (&programme);
}

/* A damaged programme with no good backup offers none. */
static void
test_damaged_without_backups (void)
{
  TestProgramme programme;
  TiWindow *window;
  GtkWidget *page;

  programme_set_up (&programme);
  damage (programme.path);
  window = test_window_new (NULL);
  g_assert_false (ti_window_open_programme (window, programme.path, FALSE));
  test_wait_for_text (GTK_WIDGET (window), "This Programme Could Not Be Opened");
  test_iterate_a_while ();
  test_iterate_a_while ();
  page = test_find_shown (GTK_WIDGET (window), "This Programme Could Not Be Opened");
  g_assert_nonnull (test_find_button (page, "_Open Another Programme…"));
  g_assert_null (
    strstr (adw_status_page_get_description (ADW_STATUS_PAGE (page)), "latest good backup"));
  test_window_close (window);
  test_programme_tear_down (&programme);
}

int
main (int argc, char *argv[])
{
  app = test_widget_init (&argc, &argv);

  g_test_add_func ("/window-backups/daily-on-open", test_daily_backup_on_open);
  g_test_add_func ("/window-backups/daily-failure", test_daily_backup_failure);
  g_test_add_func ("/window-backups/restore-dialog", test_restore_dialog);
  g_test_add_func ("/window-backups/restore-dialog-without-backups",
                   test_restore_dialog_without_backups);
  g_test_add_func ("/window-backups/restore-withdraws-undo", test_restore_withdraws_undo);
  g_test_add_func ("/window-backups/save-copy", test_save_copy);
  g_test_add_func ("/window-backups/damaged-offers-latest-good", test_damaged_offers_latest_good);
  g_test_add_func ("/window-backups/damaged-without-backups", test_damaged_without_backups);

  return test_widget_finish (g_test_run ());
}
