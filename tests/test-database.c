/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include "test-util.h"
#include "ti-database.h"
#include "ti-programme-settings.h"
#include "ti-schema.h"

static int
pragma_int (TiDatabase *db, const char *pragma)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA %s", pragma);
  return (int) ti_database_count (db, sql, NULL);
}

static void
test_create (void)
{
  g_autofree char *dir = test_make_tmp_dir ();
  g_autofree char *folder = g_build_filename (dir, "new-folder", NULL);
  g_autofree char *path = g_build_filename (folder, "programme.sqlite", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (TiDatabase) db = NULL;
  g_autoptr (sqlite3_stmt) mode = NULL;
  GStatBuf st;

  db = ti_database_open (path, TI_DATABASE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (db);

  /* People's names are personal data: only the owner may read the folder and the file. */
  g_assert_cmpint (g_stat (folder, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  g_assert_cmpint (ti_database_get_schema_version (db), ==, ti_schema_get_current_version ());
  g_assert_cmpint (pragma_int (db, "user_version"), ==, ti_schema_get_current_version ());
  g_assert_cmpint (pragma_int (db, "application_id"), ==, TI_SCHEMA_APPLICATION_ID);
  g_assert_cmpint (pragma_int (db, "foreign_keys"), ==, 1);
  g_assert_cmpint (pragma_int (db, "busy_timeout"), >=, 1000);
  mode = ti_database_prepare (db, "PRAGMA journal_mode", &error);
  g_assert_cmpint (sqlite3_step (mode), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (mode, 0), ==, "wal");
  g_assert_null (ti_database_get_backup_path (db));

  /* A new programme starts with the OHID principles, the fidelity checklist and the
   * four workstreams. */
  g_assert_cmpint (ti_database_count (db, "SELECT count(*) FROM charter_principles", NULL), ==, 6);
  g_assert_cmpint (ti_database_count (db, "SELECT count(*) FROM charter_principles"
                                          " WHERE name = 'Cultural consideration'", NULL), ==, 1);
  g_assert_cmpint (ti_database_count (db, "SELECT count(*) FROM fidelity_items", NULL), >=, 4);
  g_assert_cmpint (ti_database_count (db, "SELECT count(*) FROM workstreams", NULL), ==, 4);
  g_assert_cmpint (ti_database_count (db, "SELECT count(*) FROM organisations", NULL), ==, 0);

  /* The schema holds its own rules. */
  g_assert_false (ti_database_exec (db, "INSERT INTO organisations (name, sector, locality)"
                                        " VALUES ('Nowhere', 'bakery', 'mendip')", &error));
  g_assert_error (error, TI_DATABASE_ERROR, TI_DATABASE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (ti_database_exec (db, "INSERT INTO attendance (session_id, person_id)"
                                        " VALUES (99, 99)", &error));
  g_assert_error (error, TI_DATABASE_ERROR, TI_DATABASE_ERROR_INVALID);
  g_clear_error (&error);

  g_clear_object (&db);
  db = ti_database_open (path, TI_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_null (ti_database_get_backup_path (db));
  g_clear_object (&db);

  /* Exclusive creation never replaces a programme. */
  db = ti_database_open (path, TI_DATABASE_OPEN_CREATE | TI_DATABASE_OPEN_EXCLUSIVE, &error);
  g_assert_null (db);
  g_assert_error (error, TI_DATABASE_ERROR, TI_DATABASE_ERROR_EXISTS);
  g_assert_nonnull (strstr (error->message, "programme.sqlite"));

  test_remove_tree (dir);
}

/* Opens @path, expects a refusal with @code that names the file and changes nothing. */
static void
assert_refused (const char *path, TiDatabaseOpenFlags flags, int code)
{
  g_autofree char *before = test_file_digest (path);
  g_autofree char *after = NULL;
  g_autofree char *basename = g_path_get_basename (path);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (TiDatabase) db = ti_database_open (path, flags, &error);

  g_assert_null (db);
  g_assert_error (error, TI_DATABASE_ERROR, code);
  g_test_message ("refused: %s", error->message);
  g_assert_nonnull (strstr (error->message, basename));
  after = test_file_digest (path);
  g_assert_cmpstr (before, ==, after);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
}

static char *
make_programme (const char *dir, const char *name)
{
  char *path = g_build_filename (dir, name, NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (TiDatabase) db = ti_database_open (path, TI_DATABASE_OPEN_CREATE, &error);

  g_assert_no_error (error);
  g_assert_true (ti_database_exec (db, "INSERT INTO organisations (name, sector, locality, headcount)"
                                       " VALUES ('Somerset NHS Foundation Trust', 'nhs_trust',"
                                       " 'county_wide', 6000)", &error));
  g_assert_no_error (error);
  g_clear_object (&db);
  return path;
}

/* A change the window saves: committed, and left in the write-ahead log (no checkpoint). */
static void
add_organisation (TiDatabase *db, const char *name)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (sqlite3_stmt) insert = NULL;

  g_assert_true (ti_database_exec (db, "PRAGMA wal_autocheckpoint = 0", &error));
  insert = ti_database_prepare (db, "INSERT INTO organisations (name, sector, locality)"
                                    " VALUES (?, 'vcse', 'county_wide')", &error);
  g_assert_no_error (error);
  sqlite3_bind_text (insert, 1, name, -1, SQLITE_STATIC);
  g_assert_true (ti_database_step_done (db, insert, &error));
  g_assert_no_error (error);
}

static void
test_refused_files (void)
{
  g_autofree char *dir = test_make_tmp_dir ();
  g_autofree char *missing = g_build_filename (dir, "missing.sqlite", NULL);
  g_autofree char *folder = g_build_filename (dir, "folder.sqlite", NULL);
  g_autofree char *text = g_build_filename (dir, "notes.sqlite", NULL);
  g_autofree char *empty = g_build_filename (dir, "empty.sqlite", NULL);
  g_autofree char *foreign = g_build_filename (dir, "foreign.sqlite", NULL);
  g_autofree char *newer = make_programme (dir, "newer.sqlite");
  g_autofree char *truncated = make_programme (dir, "truncated.sqlite");
  g_autofree char *damaged = make_programme (dir, "damaged.sqlite");
  g_autofree char *bad_page_size = make_programme (dir, "bad-page-size.sqlite");
  g_autoptr (GError) error = NULL;
  g_autoptr (TiDatabase) db = NULL;
  sqlite3 *raw = NULL;
  gsize length;
  g_autofree char *contents = NULL;

  /* Missing, without permission to create. */
  db = ti_database_open (missing, TI_DATABASE_OPEN_DEFAULT, &error);
  g_assert_null (db);
  g_assert_error (error, TI_DATABASE_ERROR, TI_DATABASE_ERROR_MISSING);
  g_assert_nonnull (strstr (error->message, "missing.sqlite"));
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  db = ti_database_open (folder, TI_DATABASE_OPEN_CREATE, &error);
  g_assert_null (db);
  g_assert_error (error, TI_DATABASE_ERROR, TI_DATABASE_ERROR_IS_DIRECTORY);
  g_assert_nonnull (strstr (error->message, "folder.sqlite"));
  g_clear_error (&error);

  g_assert_true (g_file_set_contents (text, "name,sector\nSomerset,council\n", -1, NULL));
  assert_refused (text, TI_DATABASE_OPEN_CREATE, TI_DATABASE_ERROR_NOT_SQLITE);

  g_assert_true (g_file_set_contents (empty, "", 0, NULL));
  assert_refused (empty, TI_DATABASE_OPEN_CREATE, TI_DATABASE_ERROR_EMPTY);

  /* Another application's SQLite database. */
  g_assert_cmpint (sqlite3_open (foreign, &raw), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (raw, "CREATE TABLE recipes (name TEXT)", NULL, NULL, NULL), ==,
                   SQLITE_OK);
  sqlite3_close (raw);
  assert_refused (foreign, TI_DATABASE_OPEN_CREATE, TI_DATABASE_ERROR_NOT_A_PROGRAMME);

  /* Saved by a newer version. */
  g_assert_cmpint (sqlite3_open (newer, &raw), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (raw, "PRAGMA user_version = 99", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (raw);
  assert_refused (newer, TI_DATABASE_OPEN_DEFAULT, TI_DATABASE_ERROR_NEWER_VERSION);
  db = ti_database_open (newer, TI_DATABASE_OPEN_DEFAULT, &error);
  g_assert_nonnull (strstr (error->message, "newer version"));
  g_clear_error (&error);

  /* Cut short, as by a failed copy. */
  g_assert_true (g_file_get_contents (truncated, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (truncated, contents, length / 2, NULL));
  g_clear_pointer (&contents, g_free);
  assert_refused (truncated, TI_DATABASE_OPEN_DEFAULT, TI_DATABASE_ERROR_TRUNCATED);

  /* A header whose page size SQLite never writes (found by fuzz-open's seed): damaged, not
   * truncated. */
  g_assert_true (g_file_get_contents (bad_page_size, &contents, &length, NULL));
  contents[16] = 0x03, contents[17] = 0x00;
  g_assert_true (g_file_set_contents (bad_page_size, contents, length, NULL));
  g_clear_pointer (&contents, g_free);
  assert_refused (bad_page_size, TI_DATABASE_OPEN_DEFAULT, TI_DATABASE_ERROR_DAMAGED);
  db = ti_database_open (bad_page_size, TI_DATABASE_OPEN_DEFAULT, &error);
  g_assert_nonnull (strstr (error->message, "is damaged"));
  g_clear_error (&error);

  /* Garbage over the first page's schema records. */
  g_assert_true (g_file_get_contents (damaged, &contents, &length, NULL));
  memset (contents + 100, 0xA5, 3000);
  g_assert_true (g_file_set_contents (damaged, contents, length, NULL));
  assert_refused (damaged, TI_DATABASE_OPEN_DEFAULT, TI_DATABASE_ERROR_DAMAGED);

  test_remove_tree (dir);
}

static void
test_unreadable_subprocess (void)
{
  const char *path = g_getenv ("TI_TEST_PATH");
  g_autoptr (GError) error = NULL;
  g_autoptr (TiDatabase) db = NULL;

  /* Permissions do not bind root: run as nobody for this case. */
  if (geteuid () == 0)
    g_assert_true (setgid (65534) == 0 && setuid (65534) == 0);

  db = ti_database_open (path, TI_DATABASE_OPEN_CREATE, &error);
  g_assert_null (db);
  g_assert_error (error, TI_DATABASE_ERROR, TI_DATABASE_ERROR_UNREADABLE);
  g_print ("%s\n", error->message);
}

static void
test_unreadable (void)
{
  g_autofree char *dir = test_make_tmp_dir ();
  g_autofree char *path = make_programme (dir, "private.sqlite");
  g_autofree char *before = test_file_digest (path);
  g_autofree char *after = NULL;

  g_assert_cmpint (g_chmod (path, 0000), ==, 0);
  g_assert_cmpint (g_chmod (dir, 0755), ==, 0);
  g_setenv ("TI_TEST_PATH", path, TRUE);
  g_test_trap_subprocess ("/database/unreadable/subprocess", 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stdout ("*private.sqlite*cannot be read*");

  g_assert_cmpint (g_chmod (path, 0600), ==, 0);
  after = test_file_digest (path);
  g_assert_cmpstr (before, ==, after);
  test_remove_tree (dir);
}

static void
test_migrate_from_version_1 (void)
{
  g_autofree char *dir = test_make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "old-programme.sqlite", NULL);
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "fixtures", "programme-v1.sql",
                                                    NULL);
  g_autofree char *sql = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (TiDatabase) db = NULL;
  g_autoptr (TiDatabase) backup = NULL;
  g_autofree char *backup_path = NULL;
  sqlite3 *raw = NULL;
  GStatBuf st;

  g_assert_true (g_file_get_contents (fixture, &sql, NULL, &error));
  g_assert_cmpint (sqlite3_open (path, &raw), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (raw, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (raw);

  db = ti_database_open (path, TI_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ti_database_get_schema_version (db), ==, ti_schema_get_current_version ());

  /* Everything recorded under version 1 is still there. */
  g_assert_cmpint (ti_database_count (db, "SELECT count(*) FROM organisations", NULL), ==, 3);
  g_assert_cmpint (ti_database_count (db, "SELECT count(*) FROM people", NULL), ==, 2);
  g_assert_cmpint (ti_database_count (db, "SELECT count(*) FROM champions", NULL), ==, 1);
  /* Version 2's consent record and audit log exist, and the migration is in the log. */
  g_assert_cmpint (ti_database_count (db, "SELECT count(*) FROM people WHERE contact_consent = 0",
                                      NULL), ==, 2);
  g_assert_cmpint (ti_database_count (db, "SELECT count(*) FROM audit_log WHERE action = 'migrate'"
                                          " AND entity_id = 2",
                                      NULL), ==, 1);

  /* A backup of the version-1 file was made first, private, beside the programme. */
  g_assert_nonnull (ti_database_get_backup_path (db));
  backup_path = g_strdup (ti_database_get_backup_path (db));
  g_assert_true (g_str_has_prefix (backup_path, dir));
  g_assert_cmpint (g_stat (backup_path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (sqlite3_open_v2 (backup_path, &raw, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  {
    sqlite3_stmt *stmt = NULL;
    g_assert_cmpint (sqlite3_prepare_v2 (raw, "SELECT count(*), (SELECT user_version FROM"
                                              " pragma_user_version) FROM organisations",
                                         -1, &stmt, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 3);
    g_assert_cmpint (sqlite3_column_int (stmt, 1), ==, 1);
    sqlite3_finalize (stmt);
  }
  sqlite3_close (raw);

  /* Opening again migrates nothing and backs up nothing. */
  g_clear_object (&db);
  db = ti_database_open (path, TI_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_null (ti_database_get_backup_path (db));

  test_remove_tree (dir);
}

/* A second connection in this process (a page's reader) must not cost the window's
 * connection its locks: another process opening the file would then delete the write-ahead
 * log, and what the window writes next would be lost. */
static void
test_reader_keeps_writer_locks (void)
{
  g_autofree char *dir = test_make_tmp_dir ();
  g_autofree char *path = make_programme (dir, "shared.sqlite");
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *db_option = g_strconcat ("--db=", path, NULL);
  const char *argv[] = { g_getenv ("TI_BINARY"), db_option, "--check", NULL };
  g_autoptr (GError) error = NULL;
  g_autoptr (TiDatabase) writer = ti_database_open (path, TI_DATABASE_OPEN_DEFAULT, &error);
  g_autoptr (TiDatabase) reader = NULL;
  int status = -1;

  g_assert_no_error (error);
  add_organisation (writer, "Second Step");
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));

  reader = ti_database_open (path, TI_DATABASE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_clear_object (&reader);

  g_assert_nonnull (argv[0]);
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                               NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));

  add_organisation (writer, "SHAL Housing");
  g_clear_object (&writer);

  writer = ti_database_open (path, TI_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ti_database_count (writer, "SELECT count(*) FROM organisations", NULL), ==, 3);
  g_clear_object (&writer);
  test_remove_tree (dir);
}

/* What a file chooser does to every file in the folder it shows (GIO's content-type sniffing
 * opens each one, reads its start and closes it again), done here with plain open() and
 * close(), in this process, while the window's connection has the programme open. */
static void
sniff_like_a_file_chooser (const char *path)
{
  char buffer[4096];
  int fd = g_open (path, O_RDONLY, 0);

  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (read (fd, buffer, sizeof buffer), >=, 0);
  g_assert_true (g_close (fd, NULL));
}

static char *
check_in_another_process (const char *path)
{
  g_autofree char *db_option = g_strconcat ("--db=", path, NULL);
  const char *argv[] = { g_getenv ("TI_BINARY"), db_option, "--check", NULL };
  g_autoptr (GError) error = NULL;
  char *out = NULL;
  int status = -1;

  g_assert_nonnull (argv[0]);
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                               &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

/* Closing any descriptor of a file drops every POSIX lock the process holds on it. Before
 * the programme's locks were kept on a description of their own, a chooser showing the
 * programme's folder let the next process to open the file take it for unused: it
 * checkpointed and deleted the write-ahead log and the shared index under the window, and
 * what the window saved afterwards went into deleted files, seen by nobody, lost on quit. */
/* A change that finds the file busy says why in words: the app's own work still being saved
 * (another connection of this process inside ti_database_begin()), or another program; it
 * waits only as long as its connection was told to, and goes through once the lock is gone. */
static void
test_busy_in_words (void)
{
  g_autofree char *dir = test_make_tmp_dir ();
  g_autofree char *path = make_programme (dir, "busy.sqlite");
  g_autoptr (GError) error = NULL;
  g_autoptr (TiDatabase) window = ti_database_open (path, TI_DATABASE_OPEN_DEFAULT, &error);
  g_autoptr (TiDatabase) import = ti_database_open (path, TI_DATABASE_OPEN_DEFAULT, &error);
  sqlite3 *other = NULL;
  gint64 started;

  g_assert_no_error (error);
  ti_database_set_busy_wait (window, 100);

  /* The app's own import holds the file. */
  g_assert_true (ti_database_begin (import, &error));
  g_assert_no_error (error);
  started = g_get_monotonic_time ();
  g_assert_false (ti_database_begin (window, &error));
  g_assert_cmpint (g_get_monotonic_time () - started, <, 2 * G_USEC_PER_SEC);
  g_assert_nonnull (strstr (error->message, "still saving another change"));
  g_assert_null (strstr (error->message, "another program"));
  g_clear_error (&error);
  g_assert_true (ti_database_end (import, TRUE, &error));
  g_assert_no_error (error);
  g_assert_true (ti_database_begin (window, &error));
  g_assert_true (ti_database_end (window, TRUE, &error));
  g_assert_no_error (error);

  /* Another program holds it (a connection that is none of ours). */
  g_assert_cmpint (sqlite3_open (path, &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_false (ti_database_begin (window, &error));
  g_assert_nonnull (strstr (error->message, "another program is using the file"));
  g_clear_error (&error);
  sqlite3_exec (other, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_close (other);
  g_assert_true (ti_database_begin (window, &error));
  g_assert_true (ti_database_end (window, TRUE, &error));
  g_assert_no_error (error);
}

static void
test_locks_survive_other_closes (void)
{
  g_autofree char *dir = test_make_tmp_dir ();
  g_autofree char *path = make_programme (dir, "chooser.sqlite");
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (TiDatabase) writer = ti_database_open (path, TI_DATABASE_OPEN_DEFAULT, &error);
  g_autoptr (TiDatabase) reader = NULL;
  g_autofree char *seen = NULL;
  g_autofree char *summary = NULL;
  GStatBuf wal_before, wal_after;

  g_assert_no_error (error);
  add_organisation (writer, "Second Step");
  g_assert_cmpint (g_stat (wal, &wal_before), ==, 0);

  sniff_like_a_file_chooser (path);
  sniff_like_a_file_chooser (wal);
  sniff_like_a_file_chooser (shm);

  /* Another process reads the programme and goes: it sees the window's work, and leaves
   * the write-ahead log the window is using where it is. */
  seen = check_in_another_process (path);
  g_assert_nonnull (strstr (seen, "2 organisations"));
  g_assert_cmpint (g_stat (wal, &wal_after), ==, 0);
  g_assert_cmpuint (wal_after.st_ino, ==, wal_before.st_ino);
  g_assert_true (g_file_test (shm, G_FILE_TEST_EXISTS));

  /* What the window saves next is seen by another process, by a page's reader, and after
   * the window has closed the file. */
  add_organisation (writer, "SHAL Housing");
  g_clear_pointer (&seen, g_free);
  seen = check_in_another_process (path);
  g_assert_nonnull (strstr (seen, "3 organisations"));
  reader = ti_database_open (path, TI_DATABASE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ti_database_count (reader, "SELECT count(*) FROM organisations", NULL), ==, 3);
  g_clear_object (&reader);
  g_clear_object (&writer);

  writer = ti_database_open (path, TI_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ti_database_count (writer, "SELECT count(*) FROM organisations", NULL), ==, 3);
  summary = ti_database_check (writer, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (summary, "3 organisations"));
  g_clear_object (&writer);
  test_remove_tree (dir);
}

static guint
count_open_descriptors (void)
{
  g_autoptr (GDir) fds = g_dir_open ("/proc/self/fd", 0, NULL);
  guint n = 0;

  g_assert_nonnull (fds);
  while (g_dir_read_name (fds) != NULL)
    n++;
  return n;
}

/* In a process of its own: the programme's journal can only be changed by a process that has
 * the file to itself. */
static void
test_locks_end_with_last_connection_subprocess (void)
{
  sqlite3 *raw = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (g_getenv ("TI_TEST_PROGRAMME"), &raw, SQLITE_OPEN_READWRITE,
                                    NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (raw, "PRAGMA journal_mode = DELETE", -1, &stmt, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "delete");
  sqlite3_finalize (stmt);
  sqlite3_close (raw);
}

/* The locks kept away from other code's descriptors still end when the programme's last
 * connection closes, whichever closes last, and take no descriptors with them. */
static void
test_locks_end_with_last_connection (void)
{
  g_autofree char *dir = test_make_tmp_dir ();
  g_autofree char *path = make_programme (dir, "closed.sqlite");
  g_autoptr (GError) error = NULL;
  g_autoptr (TiDatabase) writer = NULL;
  g_autoptr (TiDatabase) reader = NULL;
  guint descriptors = count_open_descriptors ();

  writer = ti_database_open (path, TI_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  reader = ti_database_open (path, TI_DATABASE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  add_organisation (writer, "Second Step");
  sniff_like_a_file_chooser (path);
  g_assert_cmpint (ti_database_count (reader, "SELECT count(*) FROM organisations", NULL), ==, 2);

  /* While the window has it, nobody else may change the journal. */
  g_setenv ("TI_TEST_PROGRAMME", path, TRUE);
  g_test_trap_subprocess ("/database/locks-end-with-last-connection/subprocess", 0,
                          G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();

  g_clear_object (&writer);
  g_clear_object (&reader);
  g_assert_cmpuint (count_open_descriptors (), ==, descriptors);
  g_test_trap_subprocess ("/database/locks-end-with-last-connection/subprocess", 0,
                          G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_unsetenv ("TI_TEST_PROGRAMME");
  test_remove_tree (dir);
}

static void
test_check (void)
{
  g_autofree char *dir = test_make_tmp_dir ();
  g_autofree char *path = make_programme (dir, "checked.sqlite");
  g_autoptr (GError) error = NULL;
  g_autoptr (TiDatabase) db = ti_database_open (path, TI_DATABASE_OPEN_DEFAULT, &error);
  g_autofree char *summary = ti_database_check (db, &error);

  g_assert_no_error (error);
  g_assert_nonnull (strstr (summary, "checked.sqlite: healthy"));
  g_assert_nonnull (strstr (summary, "1 organisations"));

  /* A record pointing at nothing, written behind the programme's back. */
  g_assert_true (ti_database_exec (db, "PRAGMA foreign_keys = OFF;"
                                       "INSERT INTO people (name, organisation_id) VALUES ('A', 42);"
                                       "PRAGMA foreign_keys = ON", &error));
  g_clear_pointer (&summary, g_free);
  summary = ti_database_check (db, &error);
  g_assert_null (summary);
  g_assert_error (error, TI_DATABASE_ERROR, TI_DATABASE_ERROR_DAMAGED);
  g_assert_nonnull (strstr (error->message, "does not exist"));

  test_remove_tree (dir);
}

static void
test_programme_settings (void)
{
  g_autofree char *dir = test_make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "settings.sqlite", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (TiDatabase) db = ti_database_open (path, TI_DATABASE_OPEN_CREATE, &error);
  g_autoptr (TiProgrammeSettings) settings = ti_programme_settings_load (db, &error);
  g_autoptr (TiProgrammeSettings) reloaded = NULL;

  g_assert_no_error (error);
  /* The April/May 2024 full evaluation's period, by default. */
  g_assert_cmpint (g_date_get_year (&settings->period_start), ==, 2023);
  g_assert_cmpint (g_date_get_month (&settings->period_start), ==, G_DATE_JANUARY);
  g_assert_cmpint (g_date_get_day (&settings->period_end), ==, 30);
  g_assert_cmpint (g_date_get_month (&settings->period_end), ==, G_DATE_APRIL);
  g_assert_cmpint (settings->suppression_threshold, ==, 5);

  g_free (settings->name);
  settings->name = g_strdup ("Somerset pilot");
  settings->suppression_threshold = 10;
  g_assert_true (ti_programme_settings_save (settings, db, &error));
  g_assert_no_error (error);

  /* A period that ends before it starts is refused, and nothing is written. */
  g_date_set_dmy (&settings->period_end, 1, G_DATE_JANUARY, 2022);
  g_free (settings->name);
  settings->name = g_strdup ("Changed");
  g_assert_false (ti_programme_settings_save (settings, db, &error));
  g_assert_error (error, TI_PROGRAMME_SETTINGS_ERROR, TI_PROGRAMME_SETTINGS_ERROR_PERIOD);
  g_clear_error (&error);

  g_free (settings->name);
  settings->name = g_strdup ("   ");
  g_date_set_dmy (&settings->period_end, 1, G_DATE_JANUARY, 2025);
  g_assert_false (ti_programme_settings_save (settings, db, &error));
  g_assert_error (error, TI_PROGRAMME_SETTINGS_ERROR, TI_PROGRAMME_SETTINGS_ERROR_NAME);
  g_clear_error (&error);

  reloaded = ti_programme_settings_load (db, &error);
  g_assert_cmpstr (reloaded->name, ==, "Somerset pilot");
  g_assert_cmpint (reloaded->suppression_threshold, ==, 10);
  g_assert_cmpint (g_date_get_year (&reloaded->period_end), ==, 2024);
  g_assert_cmpint (ti_database_count (db, "SELECT count(*) FROM audit_log WHERE entity = 'settings'",
                                      NULL), ==, 1);

  test_remove_tree (dir);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/database/create", test_create);
  g_test_add_func ("/database/refused-files", test_refused_files);
  g_test_add_func ("/database/unreadable", test_unreadable);
  g_test_add_func ("/database/unreadable/subprocess", test_unreadable_subprocess);
  g_test_add_func ("/database/migrate-from-version-1", test_migrate_from_version_1);
  g_test_add_func ("/database/reader-keeps-writer-locks", test_reader_keeps_writer_locks);
  g_test_add_func ("/database/busy-in-words", test_busy_in_words);
  g_test_add_func ("/database/locks-survive-other-closes", test_locks_survive_other_closes);
  g_test_add_func ("/database/locks-end-with-last-connection", test_locks_end_with_last_connection);
  g_test_add_func ("/database/locks-end-with-last-connection/subprocess",
                   test_locks_end_with_last_connection_subprocess);
  g_test_add_func ("/database/check", test_check);
  g_test_add_func ("/database/programme-settings", test_programme_settings);

  return g_test_run ();
}
