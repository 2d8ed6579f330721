/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "test-util.h"

/* A private folder for one test; removed by test_remove_tree(). */
char *
test_make_tmp_dir (void)
{
  g_autoptr (GError) error = NULL;
  char *dir = g_dir_make_tmp ("ti-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

/* Makes a new empty private folder this process's home, with no configuration in it (no
 * user-dirs.dirs, so no Documents folder either): a file chooser a test opens there shows
 * nothing of the machine's own home. Call it before GTK starts (GLib reads the home once).
 * Returns: (transfer full): the folder, for test_remove_tree() when the tests are done. */
char *
test_use_empty_home (void)
{
  char *home = test_make_tmp_dir ();
  g_autofree char *config = g_build_filename (home, ".config", NULL);

  g_setenv ("HOME", home, TRUE);
  g_setenv ("XDG_CONFIG_HOME", config, TRUE);
  return home;
}

/* Runs the test anew in a child process that LeakSanitizer does not check for leaks (under
 * make test-asan; elsewhere the child is an ordinary one), and fails when the child fails; the
 * child's g_test_subprocess() is true. For the part of a test that shows GTK 4.8's file
 * chooser dialog and nothing more: the dialog leaks GFileInfos for the folders of its path
 * bar however long it stays open, from threads where no frame has a name (Debian's GTK and
 * GIO carry no symbols), so no suppression could name it without hiding leaks of ours made
 * through GIO. */
void
test_trap_without_leak_check (void)
{
  const char *options = g_getenv ("ASAN_OPTIONS");
  g_autofree char *saved = g_strdup (options);
  g_autofree char *without
    = g_strconcat (options != NULL ? options : "", options != NULL ? ":" : "", "detect_leaks=0",
                   NULL);

  g_setenv ("ASAN_OPTIONS", without, TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  if (saved != NULL)
    g_setenv ("ASAN_OPTIONS", saved, TRUE);
  else
    g_unsetenv ("ASAN_OPTIONS");
  g_test_trap_assert_passed ();
}

void
test_remove_tree (const char *path)
{
  GDir *dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    {
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          test_remove_tree (child);
        }
      g_dir_close (dir);
      g_rmdir (path);
    }
  else
    g_unlink (path);
}

/* SHA-256 of a file's bytes, or "missing". */
char *
test_file_digest (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &contents, &length, NULL))
    return g_strdup ("missing");
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

static char *
digest_tables (const char *db_path, const char *skip)
{
  g_autoptr (GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  sqlite3 *db = NULL;
  sqlite3_stmt *tables = NULL;

  g_assert_cmpint (sqlite3_open_v2 (db_path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT name FROM sqlite_schema WHERE type = 'table'"
                                           " AND name IS NOT ?1 ORDER BY name", -1, &tables, NULL),
                   ==, SQLITE_OK);
  sqlite3_bind_text (tables, 1, skip, -1, SQLITE_STATIC);
  while (sqlite3_step (tables) == SQLITE_ROW)
    {
      const char *table = (const char *) sqlite3_column_text (tables, 0);
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM \"%s\" ORDER BY 1, 2", table);
      sqlite3_stmt *rows = NULL;

      g_checksum_update (checksum, (const guchar *) table, -1);
      g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &rows, NULL), ==, SQLITE_OK);
      while (sqlite3_step (rows) == SQLITE_ROW)
        for (int i = 0; i < sqlite3_column_count (rows); i++)
          {
            const unsigned char *text = sqlite3_column_text (rows, i);
            g_checksum_update (checksum, text ? text : (const guchar *) "\\N", -1);
            g_checksum_update (checksum, (const guchar *) "\x1f", 1);
          }
      sqlite3_finalize (rows);
    }
  sqlite3_finalize (tables);
  sqlite3_close (db);
  return g_strdup (g_checksum_get_string (checksum));
}

/* SHA-256 over every row of every table, in primary-key order: the file's content, whatever
 * its page layout. */
char *
test_table_digest (const char *db_path)
{
  return digest_tables (db_path, NULL);
}

/* The same, but for the audit log, whose entries a change and its undo both add. */
char *
test_content_digest (const char *db_path)
{
  return digest_tables (db_path, "audit_log");
}

void
test_programme_set_up (TestProgramme *programme, const char *name, const char *sql)
{
  g_autoptr (GError) error = NULL;

  programme->dir = test_make_tmp_dir ();
  programme->path = g_build_filename (programme->dir, name, NULL);
  programme->db = ti_database_open (programme->path, TI_DATABASE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_true (ti_database_exec (programme->db, sql, &error));
  g_assert_no_error (error);
}

void
test_programme_tear_down (TestProgramme *programme)
{
  g_clear_object (&programme->db);
  test_remove_tree (programme->dir);
  g_clear_pointer (&programme->dir, g_free);
  g_clear_pointer (&programme->path, g_free);
}

/* test_count() on the programme at @path, through a read-only connection of the test's own. */
gint64
test_count_in (const char *path, const char *sql)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TiDatabase) db = ti_database_open (path, TI_DATABASE_OPEN_READ_ONLY, &error);

  g_assert_no_error (error);
  return test_count (db, sql);
}

/* The first column of @sql's first row; the query must succeed. */
gint64
test_count (TiDatabase *db, const char *sql)
{
  g_autoptr (GError) error = NULL;
  gint64 n = ti_database_count (db, sql, &error);

  g_assert_no_error (error);
  return n;
}
