/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <utime.h>

#include "test-util.h"
#include "ti-backups.h"
#include "ti-import.h"

/*
 * Backups: made with the online backup API into the private folder beside the programme,
 * checked, listed with what they hold, pruned by age, restored over the programme (keeping
 * it as it was first), and made before an import changes anything.
 */

static const char programme_sql[]
  = "INSERT INTO organisations (id, name, sector, locality, headcount) VALUES"
    "  (1, 'Somerset Council', 'council', 'county_wide', 100),"
    "  (2, 'Wellsway School', 'education', 'mendip', 20);";

typedef TestProgramme Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  test_programme_set_up (f, "programme.sqlite", programme_sql);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  test_programme_tear_down (f);
}

static gint64
organisations_in (const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TiDatabase) db = ti_database_open (path, TI_DATABASE_OPEN_READ_ONLY, &error);

  g_assert_no_error (error);
  return test_count (db, "SELECT count(*) FROM organisations");
}

static void
test_make_and_list (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *folder = ti_backups_folder (f->path);
  g_autofree char *path = ti_backups_make (f->db, TI_BACKUP_MANUAL, &error);
  g_autoptr (GPtrArray) backups = NULL;
  g_autoptr (GRegex) name = g_regex_new ("^programme-manual-[0-9]{8}-[0-9]{6}(-[0-9]+)?\\.sqlite$",
                                         0, 0, NULL);
  g_autofree char *base = NULL;
  g_autofree char *notes = g_build_filename (folder, "notes.txt", NULL);
  const TiBackup *backup;
  GStatBuf st;

  g_assert_no_error (error);
  g_assert_nonnull (path);
  g_assert_true (g_str_has_prefix (path, folder));
  base = g_path_get_basename (path);
  g_assert_true (g_regex_match (name, base, 0, NULL));
  /* Private: the folder and the file. */
  g_assert_cmpint (g_stat (folder, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (organisations_in (path), ==, 2);

  /* Listed with when, why and what it holds; files that are not its backups are not. */
  g_assert_true (g_file_set_contents (notes, "not a backup", -1, NULL));
  backups = ti_backups_list (f->path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (backups->len, ==, 1);
  backup = g_ptr_array_index (backups, 0);
  g_assert_cmpstr (backup->path, ==, path);
  g_assert_true (backup->healthy);
  g_assert_cmpint (backup->reason, ==, TI_BACKUP_MANUAL);
  g_assert_cmpstr (ti_backup_reason_label (backup->reason), ==, "Made by hand");
  g_assert_nonnull (strstr (backup->contents, "2 organisations"));
  /* A copy in rollback-journal mode: checking it left nothing beside it. */
  {
    g_autofree char *wal = g_strconcat (path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (path, "-shm", NULL);

    g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
    g_assert_false (g_file_test (shm, G_FILE_TEST_EXISTS));
  }
  g_assert_cmpint (backup->size, >, 0);
  g_assert_nonnull (backup->made);
}

static void
test_daily (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autoptr (GPtrArray) backups = NULL;

  g_assert_true (ti_backups_make_daily (f->db, &first, &error));
  g_assert_no_error (error);
  g_assert_nonnull (first);
  g_assert_nonnull (strstr (first, "-daily-"));
  /* Once a day: the second opening of the day makes none. */
  g_assert_true (ti_backups_make_daily (f->db, &second, &error));
  g_assert_no_error (error);
  g_assert_null (second);
  backups = ti_backups_list (f->path, &error);
  g_assert_cmpuint (backups->len, ==, 1);
}

/* Puts a copy of @from in the backups folder as if made at @when for @reason. */
static char *
backup_made_at (Fixture *f, const char *from, TiBackupReason reason, GDateTime *when)
{
  char *path = ti_backups_path_for (f->path, reason, 0, when);
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (from, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (path, contents, length, NULL));
  return path;
}

static void
test_prune (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *made = ti_backups_make (f->db, TI_BACKUP_MANUAL, &error);
  g_autoptr (GDateTime) now = g_date_time_new_utc (2024, 5, 15, 12, 0, 0);
  g_autoptr (GDateTime) old = g_date_time_add_days (now, -40);
  g_autoptr (GDateTime) recent = g_date_time_add_days (now, -10);
  g_autoptr (GDateTime) older = g_date_time_add_days (now, -60);
  g_autofree char *old_path = backup_made_at (f, made, TI_BACKUP_DAILY, old);
  g_autofree char *recent_path = backup_made_at (f, made, TI_BACKUP_BEFORE_IMPORT, recent);
  g_autofree char *older_path = backup_made_at (f, made, TI_BACKUP_DAILY, older);

  g_assert_no_error (error);
  g_unlink (made);
  /* Kept for 30 days: the 40- and 60-day-old ones go, the 10-day-old one stays. */
  g_assert_cmpuint (ti_backups_prune (f->path, 30, now), ==, 2);
  g_assert_false (g_file_test (old_path, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (older_path, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (recent_path, G_FILE_TEST_EXISTS));
  /* A backup killed midway left its partial file: gone once an hour old, by the clock (files
   * are dated by it), while one being written now stays. */
  {
    gint64 clock = g_get_real_time () / G_USEC_PER_SEC;
    g_autofree char *folder = ti_backups_folder (f->path);
    g_autofree char *partial = g_build_filename (folder, "programme-daily-20240101-000000.sqlite.partial", NULL);
    g_autofree char *fresh = g_build_filename (folder, "programme-daily-20240515-115959.sqlite.partial", NULL);
    struct utimbuf times = { 0 };

    g_assert_true (g_file_set_contents (partial, "half", -1, NULL));
    g_assert_true (g_file_set_contents (fresh, "being written", -1, NULL));
    times.actime = times.modtime = clock - 2 * 60 * 60;
    g_assert_cmpint (utime (partial, &times), ==, 0);
    times.actime = times.modtime = clock - 60;
    g_assert_cmpint (utime (fresh, &times), ==, 0);
    ti_backups_prune (f->path, 30, now);
    g_assert_false (g_file_test (partial, G_FILE_TEST_EXISTS));
    g_assert_true (g_file_test (fresh, G_FILE_TEST_EXISTS));
  }
  /* The newest is kept however old it is. */
  g_assert_cmpuint (ti_backups_prune (f->path, 1, now), ==, 0);
  g_assert_true (g_file_test (recent_path, G_FILE_TEST_EXISTS));
}

static void
test_restore (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *backup = ti_backups_make (f->db, TI_BACKUP_MANUAL, &error);
  g_autofree char *kept = NULL;
  g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);
  g_autofree char *summary = NULL;
  g_autoptr (TiDatabase) reopened = NULL;

  g_assert_no_error (error);
  /* A change after the backup, still in the write-ahead log when the programme closes. */
  g_assert_true (ti_database_exec (f->db,
                                   "PRAGMA wal_autocheckpoint = 0;"
                                   "INSERT INTO organisations (name, sector, locality)"
                                   " VALUES ('Levels Surgery', 'primary_care', 'sedgemoor')",
                                   &error));
  g_assert_no_error (error);
  g_clear_object (&f->db);

  g_assert_true (ti_backups_restore (f->path, backup, &kept, &error));
  g_assert_no_error (error);
  /* The programme is the backup again, healthy: the old log was not replayed onto it. */
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  reopened = ti_database_open (f->path, TI_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  summary = ti_database_check (reopened, &error);
  g_assert_no_error (error);
  g_assert_cmpint (test_count (reopened, "SELECT count(*) FROM organisations"), ==, 2);
  /* The programme as it was is kept, with the change. */
  g_assert_nonnull (kept);
  g_assert_nonnull (strstr (kept, "-before-restore-"));
  g_assert_cmpint (organisations_in (kept), ==, 3);
  f->db = g_steal_pointer (&reopened);
}

static void
test_restore_refuses_damaged (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GDateTime) when = g_date_time_new_now_utc ();
  g_autofree char *bad = ti_backups_path_for (f->path, TI_BACKUP_DAILY, 0, when);
  g_autoptr (GPtrArray) backups = NULL;
  g_autofree char *folder = ti_backups_folder (f->path);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  const TiBackup *backup;

  g_mkdir_with_parents (folder, 0700);
  g_assert_true (g_file_set_contents (bad, "SQLite format 3 but not really", -1, NULL));
  backups = ti_backups_list (f->path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (backups->len, ==, 1);
  backup = g_ptr_array_index (backups, 0);
  g_assert_false (backup->healthy);
  g_assert_nonnull (backup->contents);

  g_clear_object (&f->db);
  before = test_file_digest (f->path);
  g_assert_false (ti_backups_restore (f->path, bad, NULL, &error));
  g_assert_nonnull (error);
  g_assert_true (g_str_has_prefix (error->message, "This backup cannot be restored: "));
  g_clear_error (&error);
  after = test_file_digest (f->path);
  g_assert_cmpstr (after, ==, before);
  f->db = ti_database_open (f->path, TI_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
}

static void
test_before_import (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TiImportReport) report = NULL;
  g_autoptr (TiImportReport) again = NULL;
  g_autofree char *csv = g_build_filename (f->dir, "organisations.csv", NULL);
  g_autoptr (GPtrArray) backups = NULL;
  const TiBackup *backup;

  g_assert_true (g_file_set_contents (csv,
                                      "name,sector,locality,headcount\n"
                                      "Levels Surgery,Primary care,Sedgemoor,12\n",
                                      -1, NULL));
  g_assert_true (ti_import_file (f->db, TI_IMPORT_ORGANISATIONS, csv, NULL, NULL, NULL, NULL,
                                 &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report->added, ==, 1);
  backups = ti_backups_list (f->path, &error);
  g_assert_cmpuint (backups->len, ==, 1);
  backup = g_ptr_array_index (backups, 0);
  g_assert_cmpint (backup->reason, ==, TI_BACKUP_BEFORE_IMPORT);
  /* The programme as it was before the import. */
  g_assert_cmpint (organisations_in (backup->path), ==, 2);
  g_assert_cmpint (test_count (f->db, "SELECT count(*) FROM organisations"), ==, 3);

  /* The same file again changes nothing, so no backup is made. */
  g_assert_true (ti_import_file (f->db, TI_IMPORT_ORGANISATIONS, csv, NULL, NULL, NULL, NULL,
                                 &again, &error));
  g_clear_pointer (&backups, g_ptr_array_unref);
  backups = ti_backups_list (f->path, &error);
  g_assert_cmpuint (backups->len, ==, 1);
}

static void
test_save_copy (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *copy = g_build_filename (f->dir, "copy.sqlite", NULL);
  /* Under a file, not a folder: nothing can be written there. */
  g_autofree char *nowhere = g_build_filename (f->path, "copy.sqlite", NULL);

  g_assert_true (ti_backups_save_copy (f->db, copy, &error));
  g_assert_no_error (error);
  g_assert_cmpint (organisations_in (copy), ==, 2);

  g_assert_false (ti_backups_save_copy (f->db, nowhere, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_false (g_file_test (nowhere, G_FILE_TEST_EXISTS));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/backups/make-and-list", test_make_and_list);
  ADD ("/backups/daily", test_daily);
  ADD ("/backups/prune", test_prune);
  ADD ("/backups/restore", test_restore);
  ADD ("/backups/restore-refuses-damaged", test_restore_refuses_damaged);
  ADD ("/backups/before-import", test_before_import);
  ADD ("/backups/save-copy", test_save_copy);
#undef ADD

  return g_test_run ();
}
