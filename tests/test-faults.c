/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <gio/gunixsocketaddress.h>
#include <glib/gstdio.h>
#include <string.h>

#include "test-util.h"
#include "test-widget-util.h"
#include "ti-backups.h"
#include "ti-organisation-editor.h"
#include "ti-window.h"

/*
 * Faults, as a person meets them in the window: a programme that may not be written, a full
 * disk, a file another program holds, a second copy of the app. Each is said in words, loses
 * nothing already saved, keeps what the person typed, and leaves the file healthy.
 */

static TiApplication *app;

static const char pilot_sql[]
  = "INSERT INTO organisations (id, name, sector, locality, headcount) VALUES"
    " (1, 'Somerset NHS Foundation Trust', 'nhs_trust', 'county_wide', 6000),"
    " (2, 'Wellsway Primary School', 'education', 'mendip', 40);";

static void
programme_set_up (TestProgramme *programme, const char *name)
{
  test_programme_set_up (programme, name, pilot_sql);
  g_clear_object (&programme->db);
}

/* How many organisations the file holds, and that it passes the programme check, read
 * through a connection of the test's own. */
static gint64
organisations_in_healthy (const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TiDatabase) db = ti_database_open (path, TI_DATABASE_OPEN_READ_ONLY, &error);
  g_autofree char *check = NULL;

  g_assert_no_error (error);
  check = ti_database_check (db, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (check, "healthy"));
  return test_count (db, "SELECT count(*) FROM organisations");
}

/* A new-organisation editor for the window's programme, with a name typed in. */
static GtkWindow *
new_organisation (TiWindow *window, const char *name)
{
  TiOrganisationEditor *editor
    = ti_organisation_editor_new (ti_window_get_database (window), NULL, NULL);

  gtk_window_set_transient_for (GTK_WINDOW (editor), GTK_WINDOW (window));
  gtk_window_present (GTK_WINDOW (editor));
  gtk_editable_set_text (GTK_EDITABLE (test_find_row (GTK_WIDGET (editor), "Name")), name);
  return GTK_WINDOW (editor);
}

static void
save (GtkWindow *editor)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
}

static gboolean
editor_is_gone (gpointer data)
{
  return test_find_toplevel (TI_TYPE_ORGANISATION_EDITOR) == NULL;
}

/* Once the fault is gone, the edit the person kept saves, and the file holds it. */
static void
save_kept_edit (GtkWindow *editor, const char *path, int organisations)
{
  save (editor);
  test_iterate_until (editor_is_gone, NULL);
  g_assert_cmpint (organisations_in_healthy (path), ==, organisations);
}

/* A programme that may not be written is opened read-only: it is shown, and every change
 * is refused with the same words (an edit keeps what was typed; an import or a restore is
 * not started). */
static void
test_read_only (void)
{
  TestProgramme programme;
  g_autofree char *folder = NULL;
  GtkWindow *editor;
  AdwMessageDialog *refused;
  TiWindow *window;

  programme_set_up (&programme, "pilot.sqlite");
  window = test_window_new (NULL);
  g_assert_true (ti_window_open_programme_read_only (window, programme.path));
  g_assert_true (ti_window_is_read_only (window));
  g_assert_nonnull (
    strstr (gtk_window_get_title (GTK_WINDOW (window)), "pilot.sqlite (read-only)"));
  test_wait_for_text_containing (GTK_WIDGET (window),
                                 "This programme is read-only: it can be read but not changed");
  test_wait_for_text (GTK_WIDGET (window), "Network map");

  editor = new_organisation (window, "Quantock Housing");
  save (editor);
  g_assert_cmpstr (
    test_wait_for_text_containing (GTK_WIDGET (editor), "This programme is read-only"), ==,
    "This programme is read-only: “pilot.sqlite” can be read here but not changed, "
    "so the change was not saved. Save a copy to work on it.");
  g_assert_true (test_find_toplevel (TI_TYPE_ORGANISATION_EDITOR) == editor);
  g_assert_cmpstr (
    gtk_editable_get_text (GTK_EDITABLE (test_find_row (GTK_WIDGET (editor), "Name"))), ==,
    "Quantock Housing");
  gtk_window_destroy (editor);
  g_assert_cmpint (organisations_in_healthy (programme.path), ==, 2);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.import", NULL));
  refused = test_wait_for_dialog ("Nothing Can Be Imported");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (refused), "read-only"));
  gtk_window_destroy (GTK_WINDOW (refused));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.restore", NULL));
  refused = test_wait_for_dialog ("No Backup Can Be Restored");
  gtk_window_destroy (GTK_WINDOW (refused));

  /* Nothing in it can change, so no day's backup is made of it. */
  test_iterate_a_while ();
  folder = ti_backups_folder (programme.path);
  g_assert_false (g_file_test (folder, G_FILE_TEST_EXISTS));
  test_window_close (window);
  test_programme_tear_down (&programme);
}

/* Fills the programme until the organisation @name would need a page more than it may have:
 * filler organisations (their names sort beside @name's, so that the name index fills where
 * @name would go too) until adding @name itself, tried and undone, fails for want of room.
 * Returns how many fillers it added. */
static int
fill_to_the_last_page (TiDatabase *db, const char *name)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *limit = g_strdup_printf ("PRAGMA max_page_count = %" G_GINT64_FORMAT,
                                            test_count (db, "PRAGMA page_count"));
  sqlite3 *handle = ti_database_get_handle (db);
  int fillers = 0;

  g_assert_true (ti_database_exec (db, limit, &error));
  g_assert_no_error (error);
  for (;;)
    {
      g_autofree char *probe = g_strdup_printf (
        "INSERT INTO organisations (name, sector, locality) VALUES ('%s', 'vcse', 'mendip')",
        name);
      g_autofree char *filler = g_strdup_printf (
        "INSERT INTO organisations (name, sector, locality) VALUES ('%s %04d %s', 'vcse', "
        "'mendip')", name, fillers, "filling the last page of the programme file");
      int rc;

      g_assert_cmpint (sqlite3_exec (handle, "SAVEPOINT probe", NULL, NULL, NULL), ==, SQLITE_OK);
      rc = sqlite3_exec (handle, probe, NULL, NULL, NULL);
      /* A full disk may have rolled the savepoint back already. */
      if (!sqlite3_get_autocommit (handle))
        {
          g_assert_cmpint (sqlite3_exec (handle, "ROLLBACK TO probe", NULL, NULL, NULL), ==,
                           SQLITE_OK);
          g_assert_cmpint (sqlite3_exec (handle, "RELEASE probe", NULL, NULL, NULL), ==,
                           SQLITE_OK);
        }
      if (rc == SQLITE_FULL)
        return fillers;
      g_assert_cmpint (rc, ==, SQLITE_OK);
      if (sqlite3_exec (handle, filler, NULL, NULL, NULL) != SQLITE_OK)
        continue; /* the filler's own page was the last: try the probe again */
      fillers++;
      g_assert_cmpint (fillers, <, 10000);
    }
}

/* A full disk (the database may grow no more: PRAGMA max_page_count) refuses the edit in
 * words, keeps the editor and what was typed, and leaves the file healthy; with room again
 * the same edit saves. */
static void
test_full_disk (void)
{
  TestProgramme programme;
  g_autoptr (GError) error = NULL;
  TiDatabase *db;
  GtkWindow *editor;
  const char *said;
  TiWindow *window;
  int fillers;

  programme_set_up (&programme, "pilot.sqlite");
  window = test_window_new (programme.path);
  db = ti_window_get_database (window);
  fillers = fill_to_the_last_page (db, "Quantock Housing");

  editor = new_organisation (window, "Quantock Housing");
  save (editor);
  said = test_wait_for_text_containing (GTK_WIDGET (editor), "the disk is full");
  g_assert_nonnull (strstr (said, "pilot.sqlite"));
  g_assert_true (test_find_toplevel (TI_TYPE_ORGANISATION_EDITOR) == editor);
  g_assert_cmpint (organisations_in_healthy (programme.path), ==, 2 + fillers);
  g_assert_cmpint (test_count (db, "SELECT count(*) FROM organisations"), ==, 2 + fillers);

  /* Room again: the edit the person kept saves. */
  g_assert_true (ti_database_exec (db, "PRAGMA max_page_count = 1073741823", &error));
  g_assert_no_error (error);
  save_kept_edit (editor, programme.path, 3 + fillers);
  test_window_close (window);
  test_programme_tear_down (&programme);
}

/* Another program holding the file (a write transaction it does not finish): the edit is
 * refused in words once the wait runs out, and kept; when the other program lets go, it
 * saves. */
static void
test_locked_by_another_program (void)
{
  TestProgramme programme;
  g_autoptr (GError) error = NULL;
  g_autoptr (GSubprocess) holder = NULL;
  g_autoptr (GDataInputStream) out = NULL;
  g_autofree char *line = NULL;
  g_autofree char *script = NULL;
  GtkWindow *editor;
  TiWindow *window;
  gint64 started;

  programme_set_up (&programme, "pilot.sqlite");
  window = test_window_new (programme.path);

  script = g_strdup ("import sqlite3, sys, time\n"
                     "c = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
                     "c.execute('BEGIN IMMEDIATE')\n"
                     "print('holding', flush=True)\n"
                     "time.sleep(120)\n");
  holder = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error, "/usr/bin/python3", "-c",
                             script, programme.path, NULL);
  g_assert_no_error (error);
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (holder));
  line = g_data_input_stream_read_line_utf8 (out, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (line, ==, "holding");

  editor = new_organisation (window, "Quantock Housing");
  /* The window's connection waits a quarter of a second, not the five a worker's does: the
   * person is told at once and the window never freezes for long. */
  started = g_get_monotonic_time ();
  save (editor);
  g_assert_cmpint (g_get_monotonic_time () - started, <, 3 * G_USEC_PER_SEC);
  test_wait_for_text_containing (GTK_WIDGET (editor), "another program is using the file");
  g_assert_true (test_find_toplevel (TI_TYPE_ORGANISATION_EDITOR) == editor);

  /* The other program goes; the edit the person kept saves. */
  g_subprocess_force_exit (holder);
  g_assert_true (g_subprocess_wait (holder, NULL, &error));
  save_kept_edit (editor, programme.path, 3);
  test_window_close (window);
  test_programme_tear_down (&programme);
}

static void
count_activation (GApplication *application, guint *activations)
{
  (*activations)++;
}

static void
exited_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_assert_true (g_subprocess_wait_finish (G_SUBPROCESS (source), result, NULL));
  *(gboolean *)user_data = TRUE;
}

static gboolean
is_true (gpointer data)
{
  return *(gboolean *)data;
}

/* Launches the app as a person would (another process), answering it on the main loop while
 * it runs; returns its exit status, and its output in @out when given. */
static int
launch (char **out, const char *first_arg, ...)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autoptr (GSubprocess) process = NULL;
  gboolean exited = FALSE;
  const char *arg;
  va_list args;

  g_ptr_array_add (argv, (char *)g_getenv ("TI_BINARY"));
  va_start (args, first_arg);
  for (arg = first_arg; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *)arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  process = g_subprocess_newv (
    (const char *const *)argv->pdata,
    out != NULL ? G_SUBPROCESS_FLAGS_STDOUT_PIPE : G_SUBPROCESS_FLAGS_NONE, &error);
  g_assert_no_error (error);
  if (out != NULL)
    {
      g_assert_true (g_subprocess_communicate_utf8 (process, NULL, NULL, out, NULL, &error));
      g_assert_no_error (error);
    }
  g_subprocess_wait_async (process, NULL, exited_cb, &exited);
  test_iterate_until (is_true, &exited);
  g_assert_true (g_subprocess_get_if_exited (process));
  return g_subprocess_get_exit_status (process);
}

static TiWindow *
window_showing (const char *path)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
    if (TI_IS_WINDOW (l->data) && g_strcmp0 (ti_window_get_programme_path (l->data), path) == 0)
      return l->data;
  return NULL;
}

static gboolean
has_window_showing (gpointer path)
{
  return window_showing (path) != NULL;
}

/* One copy of the app per person: a second launch raises the window already open, or opens
 * its --db in the first copy (raising the window already showing that file). The command
 * options run on their own beside it. */
static void
test_single_instance (void)
{
  TestProgramme programme, other;
  g_autofree char *summary = NULL;
  guint activations = 0;
  gulong handler;
  TiWindow *window, *opened;

  programme_set_up (&programme, "pilot.sqlite");
  programme_set_up (&other, "other.sqlite");
  window = test_window_new (programme.path);
  handler = g_signal_connect (app, "activate", G_CALLBACK (count_activation), &activations);

  /* Launched again: the first copy is activated and raises its window; no second window. */
  g_assert_cmpint (launch (NULL, NULL), ==, 0);
  test_iterate_a_while ();
  g_assert_cmpuint (activations, ==, 1);
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==, 1);

  /* With another programme: it opens in the first copy, in a window of its own. */
  {
    g_autofree char *option = g_strdup_printf ("--db=%s", other.path);

    g_assert_cmpint (launch (NULL, option, NULL), ==, 0);
  }
  test_iterate_until (has_window_showing, other.path);
  opened = window_showing (other.path);
  g_assert_true (opened != window);
  g_assert_nonnull (ti_window_get_database (opened));
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==, 2);

  /* With the programme already open: that window is raised, no other opens. */
  {
    g_autofree char *option = g_strdup_printf ("--db=%s", programme.path);

    g_assert_cmpint (launch (NULL, option, NULL), ==, 0);
  }
  test_iterate_a_while ();
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==, 2);

  /* A command option runs headless beside the open windows. */
  {
    g_autofree char *option = g_strdup_printf ("--db=%s", other.path);

    g_assert_cmpint (launch (&summary, option, "--check", NULL), ==, 0);
  }
  g_assert_nonnull (strstr (summary, "other.sqlite: healthy"));
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==, 2);

  g_signal_handler_disconnect (app, handler);
  gtk_window_destroy (GTK_WINDOW (opened));
  test_window_close (window);
  test_programme_tear_down (&other);
  test_programme_tear_down (&programme);
}

static gboolean
has_backup (gpointer path)
{
  g_autoptr (GPtrArray) backups = ti_backups_list (path, NULL);

  return backups != NULL && backups->len > 0;
}

static void
line_read_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  char **line = user_data;

  *line = g_data_input_stream_read_line_finish_utf8 (G_DATA_INPUT_STREAM (source), result, NULL,
                                                     NULL);
  if (*line == NULL)
    *line = g_strdup (""); /* the end of what it said */
}

static gboolean
is_set (gpointer data)
{
  return *(char **)data != NULL;
}

/* A session bus that takes the connection and never answers (a hung D-Bus): the app still
 * opens its programme in a window, on its own, and says so, instead of waiting for ever. */
static void
test_hung_session_bus (void)
{
  TestProgramme programme;
  g_autoptr (GError) error = NULL;
  g_autoptr (GSocket) bus = NULL;
  g_autoptr (GSocketAddress) address = NULL;
  g_autoptr (GSubprocessLauncher) launcher = NULL;
  g_autoptr (GSubprocess) process = NULL;
  g_autoptr (GDataInputStream) err = NULL;
  g_autofree char *socket_path = NULL;
  g_autofree char *bus_address = NULL;
  g_autofree char *option = NULL;
  gboolean told = FALSE;

  programme_set_up (&programme, "pilot.sqlite");
  socket_path = g_build_filename (programme.dir, "hung-bus", NULL);
  bus = g_socket_new (G_SOCKET_FAMILY_UNIX, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_DEFAULT,
                      &error);
  g_assert_no_error (error);
  address = g_unix_socket_address_new (socket_path);
  g_assert_true (g_socket_bind (bus, address, FALSE, &error));
  g_assert_true (g_socket_listen (bus, &error));
  g_assert_no_error (error);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDERR_PIPE);
  bus_address = g_strdup_printf ("unix:path=%s", socket_path);
  g_subprocess_launcher_setenv (launcher, "DBUS_SESSION_BUS_ADDRESS", bus_address, TRUE);
  option = g_strdup_printf ("--db=%s", programme.path);
  process = g_subprocess_launcher_spawn (launcher, &error, g_getenv ("TI_BINARY"), option, NULL);
  g_assert_no_error (error);
  err = g_data_input_stream_new (g_subprocess_get_stderr_pipe (process));

  /* It says, in time, that the bus did not answer... */
  while (!told)
    {
      g_autofree char *line = NULL;

      g_data_input_stream_read_line_async (err, G_PRIORITY_DEFAULT, NULL, line_read_cb, &line);
      test_iterate_until (is_set, &line);
      g_test_message ("the app said: %s", line);
      g_assert_cmpstr (line, !=, "");
      told = strstr (line, "the session bus did not answer within 10 seconds, so this window "
                           "opens on its own") != NULL;
    }
  /* ...and opens the programme, which makes the day's backup. */
  test_iterate_until (has_backup, programme.path);

  g_subprocess_force_exit (process);
  g_assert_true (g_subprocess_wait (process, NULL, &error));
  g_assert_no_error (error);
  test_programme_tear_down (&programme);
}

int
main (int argc, char *argv[])
{
  app = test_widget_init (&argc, &argv);

  g_test_add_func ("/faults/read-only", test_read_only);
  g_test_add_func ("/faults/full-disk", test_full_disk);
  g_test_add_func ("/faults/locked-by-another-program", test_locked_by_another_program);
  g_test_add_func ("/faults/single-instance", test_single_instance);
  g_test_add_func ("/faults/hung-session-bus", test_hung_session_bus);

  return test_widget_finish (g_test_run ());
}
