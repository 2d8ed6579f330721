/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include "test-util.h"

/* The command line runs as a person would run it: the real binary, with no display. */

static char *tmp_dir;
static char *demo_path;

typedef struct
{
  int status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_free (run->out);
  g_free (run->err);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

/* Runs the binary, after @wrapper (a command and its options that run it, or %NULL). */
static void
run_binary_with (Run *run, const char *const *wrapper, const char *first_arg, va_list args)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_auto (GStrv) envp = g_get_environ ();
  g_autoptr (GError) error = NULL;
  const char *binary = g_getenv ("TI_BINARY");
  const char *arg;
  int wait_status = 0;

  g_assert_nonnull (binary);
  envp = g_environ_unsetenv (envp, "DISPLAY");
  envp = g_environ_unsetenv (envp, "WAYLAND_DISPLAY");

  for (guint i = 0; wrapper != NULL && wrapper[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) wrapper[i]);
  g_ptr_array_add (argv, (char *) binary);
  for (arg = first_arg; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) arg);
  g_ptr_array_add (argv, NULL);

  memset (run, 0, sizeof *run);
  g_spawn_sync (NULL, (char **) argv->pdata, envp, G_SPAWN_SEARCH_PATH, NULL, NULL, &run->out,
                &run->err, &wait_status, &error);
  g_assert_no_error (error);
  run->status = WIFEXITED (wait_status) ? WEXITSTATUS (wait_status) : 128;
  g_test_message ("exit %d\nstdout: %s\nstderr: %s", run->status, run->out, run->err);
}

static void
run_binary (Run *run, const char *first_arg, ...)
{
  va_list args;

  va_start (args, first_arg);
  run_binary_with (run, NULL, first_arg, args);
  va_end (args);
}

/* Runs the binary as a person without root's rights (root may write any file, whatever its
 * mode), or as ourselves when we have none. */
static void
run_binary_unprivileged (Run *run, const char *first_arg, ...)
{
  static const char *const as_nobody[]
    = { "setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", NULL };
  va_list args;

  va_start (args, first_arg);
  run_binary_with (run, geteuid () == 0 ? as_nobody : NULL, first_arg, args);
  va_end (args);
}

static void
test_version (void)
{
  g_auto (Run) run;

  run_binary (&run, "--version", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "Trauma Informed Somerset " PACKAGE_VERSION "\n");
}

static void
test_create_demo (void)
{
  g_auto (Run) run;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  GStatBuf st;

  run_binary (&run, "--create-demo", demo_path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpint (g_stat (demo_path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (st.st_size, >, 1000000);
  run_clear (&run);

  /* A second run never replaces the file. */
  before = test_file_digest (demo_path);
  run_binary (&run, "--create-demo=", NULL);
  g_assert_cmpint (run.status, !=, 0);
  g_assert_nonnull (strstr (run.err, "--create-demo needs a file name"));
  run_clear (&run);
  {
    g_autofree char *option = g_strconcat ("--create-demo=", demo_path, NULL);
    run_binary (&run, option, NULL);
  }
  g_assert_cmpint (run.status, !=, 0);
  g_assert_nonnull (strstr (run.err, "demo.sqlite"));
  g_assert_nonnull (strstr (run.err, "already exists"));
  after = test_file_digest (demo_path);
  g_assert_cmpstr (before, ==, after);
}

static void
test_bad_scale (void)
{
  g_auto (Run) run;
  g_autofree char *path = g_build_filename (tmp_dir, "zero.sqlite", NULL);

  run_binary (&run, "--create-demo", path, "--scale=0", NULL);
  g_assert_cmpint (run.status, !=, 0);
  g_assert_nonnull (strstr (run.err, "--scale must be a whole number from 1 to"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  run_clear (&run);

  run_binary (&run, "--scale=2", NULL);
  g_assert_cmpint (run.status, !=, 0);
  g_assert_nonnull (strstr (run.err, "--scale goes with --create-demo"));
  run_clear (&run);

  run_binary (&run, "--no-such-option", NULL);
  g_assert_cmpint (run.status, !=, 0);
  g_assert_nonnull (strstr (run.err, "no-such-option"));
}

static void
test_no_display (void)
{
  g_auto (Run) run;
  g_autofree char *db = g_strconcat ("--db=", demo_path, NULL);

  /* Without a command option the window would open: say why it cannot. */
  run_binary (&run, db, NULL);
  g_assert_cmpint (run.status, !=, 0);
  g_assert_nonnull (strstr (run.err, "no display"));
}

static void
test_check_healthy (void)
{
  g_auto (Run) run;
  g_autofree char *db = g_strconcat ("--db=", demo_path, NULL);

  g_assert_true (g_file_test (demo_path, G_FILE_TEST_EXISTS));
  run_binary (&run, db, "--check", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_str_has_prefix (run.out, "demo.sqlite: healthy"));
  g_assert_nonnull (strstr (run.out, "organisations"));
  /* One line. */
  g_assert_cmpint (strchr (run.out, '\n') - run.out, ==, strlen (run.out) - 1);
}

static void
test_check_refusals (void)
{
  g_autofree char *text = g_build_filename (tmp_dir, "register.csv", NULL);
  g_autofree char *damaged = g_build_filename (tmp_dir, "damaged.sqlite", NULL);
  g_autofree char *newer = g_build_filename (tmp_dir, "newer.sqlite", NULL);
  g_autofree char *contents = NULL;
  gsize length;
  sqlite3 *raw;

  {
    g_auto (Run) run;
    run_binary (&run, "--check", NULL);
    g_assert_cmpint (run.status, !=, 0);
    g_assert_nonnull (strstr (run.err, "--check needs --db=FILE"));
  }

  g_assert_true (g_file_set_contents (text, "email,name\n", -1, NULL));
  {
    g_auto (Run) run;
    g_autofree char *db = g_strconcat ("--db=", text, NULL);
    run_binary (&run, db, "--check", NULL);
    g_assert_cmpint (run.status, ==, 65);
    g_assert_nonnull (strstr (run.err, "register.csv"));
    g_assert_nonnull (strstr (run.err, "not a SQLite database"));
  }

  /* Damage deep inside the file: it opens, and the check finds it. */
  g_assert_true (g_file_get_contents (demo_path, &contents, &length, NULL));
  memset (contents + length / 2, 0x5A, 4096 * 4);
  g_assert_true (g_file_set_contents (damaged, contents, length, NULL));
  {
    g_auto (Run) run;
    g_autofree char *db = g_strconcat ("--db=", damaged, NULL);
    run_binary (&run, db, "--check", NULL);
    g_assert_cmpint (run.status, ==, 65);
    g_assert_nonnull (strstr (run.err, "damaged.sqlite"));
    g_assert_nonnull (strstr (run.err, "damaged"));
  }

  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (demo_path, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (newer, contents, length, NULL));
  g_assert_cmpint (sqlite3_open (newer, &raw), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (raw, "PRAGMA journal_mode = DELETE; PRAGMA user_version = 40",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (raw);
  {
    g_auto (Run) run;
    g_autofree char *db = g_strconcat ("--db=", newer, NULL);
    run_binary (&run, db, "--check", NULL);
    g_assert_cmpint (run.status, ==, 65);
    g_assert_nonnull (strstr (run.err, "newer version"));
  }

  {
    g_auto (Run) run;
    g_autofree char *missing = g_build_filename (tmp_dir, "nowhere.sqlite", NULL);
    g_autofree char *db = g_strconcat ("--db=", missing, NULL);
    run_binary (&run, db, "--check", NULL);
    g_assert_cmpint (run.status, ==, 65);
    g_assert_nonnull (strstr (run.err, "There is no programme file"));
    g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  }
}

static void
test_import (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "imported.sqlite", NULL);
  g_autofree char *db = g_strconcat ("--db=", path, NULL);
  g_autofree char *organisations = g_test_build_filename (G_TEST_DIST, "data", "organisations.csv",
                                                          NULL);
  g_autofree char *people = g_test_build_filename (G_TEST_DIST, "data", "people.csv", NULL);
  g_autofree char *tier1 = g_test_build_filename (G_TEST_DIST, "data", "tier1.csv", NULL);
  g_autofree char *extra = g_build_filename (tmp_dir, "extra.csv", NULL);

  {
    g_auto (Run) run;
    g_autofree char *option = g_strconcat ("--import=organisations:", organisations, NULL);
    g_autofree char *expected = g_strconcat (organisations, ": 13 added, 0 updated, 0 unchanged.\n",
                                             NULL);

    run_binary (&run, db, option, NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_cmpstr (run.out, ==, expected);
    g_assert_cmpstr (run.err, ==, "");
  }
  {
    g_auto (Run) run;
    g_autofree char *option = g_strconcat ("--import=people:", people, NULL);

    run_binary (&run, db, option, NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_true (g_str_has_suffix (run.out, "people.csv: 7 added, 0 updated, 0 unchanged.\n"));
    run_clear (&run);

    /* Again: nothing changes. */
    run_binary (&run, db, option, NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_true (g_str_has_suffix (run.out, "people.csv: 0 added, 0 updated, 7 unchanged.\n"));
  }
  {
    g_auto (Run) run;
    g_autofree char *option = g_strconcat ("--import=tier1:", tier1, NULL);
    g_autofree char *digest = NULL;
    g_autofree char *again = NULL;

    run_binary (&run, db, option, NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_true (g_str_has_suffix (run.out, "tier1.csv: 9 added, 0 updated, 1 unchanged; 5 new "
                                              "people.\n"));
    g_assert_cmpstr (run.err, ==, "");
    run_clear (&run);

    /* Again: nothing changes, to the byte of every table. */
    digest = test_table_digest (path);
    run_binary (&run, db, option, NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_true (g_str_has_suffix (run.out, "tier1.csv: 0 added, 0 updated, 10 unchanged.\n"));
    again = test_table_digest (path);
    g_assert_cmpstr (digest, ==, again);
  }
  g_assert_true (g_file_set_contents (extra, "name,email,organisation,phone\n"
                                             "Ann Ford,ann@secondstep.example,Second Step,0\n", -1,
                                      NULL));
  {
    g_auto (Run) run;
    g_autofree char *option = g_strconcat ("--import=people:", extra, NULL);

    run_binary (&run, db, option, NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_true (g_str_has_suffix (run.out, "extra.csv: 1 added, 0 updated, 0 unchanged.\n"));
    g_assert_true (g_str_has_prefix (run.err, extra));
    g_assert_true (g_str_has_prefix (run.err + strlen (extra), ": warning: this column was ignored"));
    g_assert_nonnull (strstr (run.err, "“phone”"));
  }
  {
    g_auto (Run) run;

    run_binary (&run, db, "--check", NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_nonnull (strstr (run.out, "13 organisations, 13 people, 4 champions"));
  }
}

/* Refused with exit status 65: the first problem is @first, each of @others is said too,
 * and the programme at @path is as it was. */
static void
assert_import_refused (const char *path, const char *option, const char *first,
                       const char *const *others)
{
  g_autofree char *db = g_strconcat ("--db=", path, NULL);
  g_autofree char *before = test_table_digest (path);
  g_autofree char *after = NULL;
  g_auto (Run) run;

  run_binary (&run, db, option, NULL);
  g_assert_cmpint (run.status, ==, 65);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_true (g_str_has_prefix (run.err, first));
  for (guint i = 0; others[i] != NULL; i++)
    g_assert_nonnull (strstr (run.err, others[i]));
  g_assert_true (g_str_has_suffix (run.err, "\nNothing was imported.\n"));
  after = test_table_digest (path);
  g_assert_cmpstr (before, ==, after);
}

static void
test_import_refused (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "refusing.sqlite", NULL);
  g_autofree char *db = g_strconcat ("--db=", path, NULL);
  g_autofree char *bad = g_build_filename (tmp_dir, "bad-people.csv", NULL);
  g_autofree char *option = g_strconcat ("--import=people:", bad, NULL);
  g_autofree char *line_2 = g_strconcat (bad, ":2: the email “jo.marsh@” is not a valid address\n",
                                         NULL);
  g_autofree char *line_5 = g_strconcat (bad, ":5: the organisation “Acme Bakery” is not in the "
                                              "programme", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_assert_true (g_file_set_contents (bad, "name,email,organisation\n"
                                           "Jo Marsh,jo.marsh@,Second Step\n"
                                           "Ann Ford,\"ann@second\nstep.example\",Second Step\n"
                                           "Ben Ford,,Acme Bakery\n", -1, NULL));
  {
    g_auto (Run) run;

    run_binary (&run, "--create-demo", path, NULL);
    g_assert_cmpint (run.status, ==, 0);
  }
  before = test_table_digest (path);
  {
    /* The quoted line break moves Ben Ford to physical line 5. */
    const char *const others[]
      = { ":3: the email “ann@second\nstep.example” is not a valid", line_5, NULL };

    assert_import_refused (path, option, line_2, others);
  }

  {
    g_auto (Run) run;

    run_binary (&run, option, NULL);
    g_assert_cmpint (run.status, !=, 0);
    g_assert_nonnull (strstr (run.err, "--import needs --db=FILE"));
  }
  {
    g_auto (Run) run;
    g_autofree char *champions = g_strconcat ("--import=champions:", bad, NULL);

    run_binary (&run, db, champions, NULL);
    g_assert_cmpint (run.status, !=, 0);
    g_assert_nonnull (strstr (run.err, "“champions” is not something that can be imported; the "
                                       "kinds are: organisations, people, tier1."));
  }
  {
    g_auto (Run) run;

    run_binary (&run, db, "--import=people:", NULL);
    g_assert_cmpint (run.status, !=, 0);
    g_assert_nonnull (strstr (run.err, "--import needs a kind and a file"));
  }
  {
    g_auto (Run) run;
    g_autofree char *missing = g_build_filename (tmp_dir, "nowhere.csv", NULL);
    g_autofree char *nowhere = g_strconcat ("--import=people:", missing, NULL);

    run_binary (&run, db, nowhere, NULL);
    g_assert_cmpint (run.status, !=, 0);
    g_assert_nonnull (strstr (run.err, "There is no file"));
    g_assert_nonnull (strstr (run.err, "nowhere.csv"));
  }
  after = (g_free (after), test_table_digest (path));
  g_assert_cmpstr (before, ==, after);
}

static void
test_import_tier1_refused (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "refusing-tier1.sqlite", NULL);
  g_autofree char *db = g_strconcat ("--db=", path, NULL);
  g_autofree char *bad = g_build_filename (tmp_dir, "bad-tier1.csv", NULL);
  g_autofree char *option = g_strconcat ("--import=tier1:", bad, NULL);
  g_autofree char *organisations = g_test_build_filename (G_TEST_DIST, "data", "organisations.csv",
                                                          NULL);
  g_autofree char *import_organisations = g_strconcat ("--import=organisations:", organisations,
                                                       NULL);
  g_autofree char *line_3 = g_strconcat (bad, ":3: the completion date “31/02/2023” is not a real "
                                              "date\n", NULL);
  g_autofree char *line_4 = g_strconcat (bad, ":4: the completion date “2999-01-01” is in the "
                                              "future\n", NULL);
  g_autofree char *line_5 = g_strconcat (bad, ":5: the organisation “Acme Bakery” is not in the "
                                              "programme", NULL);
  const char *const others[] = { line_4, line_5, NULL };

  /* A good record first: what it would add is not written either. */
  g_assert_true (g_file_set_contents (bad, "email,name,organisation,completed_on,source\n"
                                           "ann@secondstep.example,Ann Ford,Second Step,"
                                           "2023-01-05,Learning Centre\n"
                                           ",Ben Ford,Second Step,31/02/2023,Learning Centre\n"
                                           ",Cat Ford,Second Step,2999-01-01,Learning Centre\n"
                                           ",Dan Ford,Acme Bakery,2023-01-05,Learning Centre\n",
                                      -1, NULL));
  {
    g_auto (Run) run;

    run_binary (&run, db, import_organisations, NULL);
    g_assert_cmpint (run.status, ==, 0);
  }
  assert_import_refused (path, option, line_3, others);
}

/* Whether @path holds a zip file, as an .xlsx workbook is. */
static gboolean
is_zip (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  return g_file_get_contents (path, &contents, &length, NULL) && length > 4
         && contents[0] == 'P' && contents[1] == 'K';
}

static void
test_export_workbook (void)
{
  g_autofree char *db = g_strconcat ("--db=", demo_path, NULL);
  g_autofree char *path = g_build_filename (tmp_dir, "board.xlsx", NULL);
  g_autofree char *option = g_strconcat ("--export-workbook=", path, NULL);

  g_assert_true (g_file_test (demo_path, G_FILE_TEST_EXISTS));
  {
    g_auto (Run) run;
    g_autofree char *expected = g_strconcat ("Wrote the evaluation workbook (1 Jan 2023 – 30 Apr "
                                             "2024) to ", path, "; people appear as "
                                             "pseudonymous IDs.\n", NULL);

    /* The evaluation period and the threshold from the programme's settings. */
    run_binary (&run, db, option, NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_cmpstr (run.out, ==, expected);
    g_assert_cmpstr (run.err, ==, "");
    g_assert_true (is_zip (path));
    g_assert_cmpint (g_unlink (path), ==, 0);
  }
  {
    g_auto (Run) run;
    g_autofree char *expected = g_strconcat ("Wrote the evaluation workbook (1 Apr 2023 – 31 Mar "
                                             "2024) to ", path, "; people are named in it.\n",
                                             NULL);

    run_binary (&run, db, option, "--from=2023-04-01", "--to=31/03/2024", "--include-names", NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_cmpstr (run.out, ==, expected);
    g_assert_true (is_zip (path));
    g_assert_cmpint (g_unlink (path), ==, 0);
  }
  {
    g_auto (Run) run;

    /* Either end alone: the other is the evaluation period's. */
    run_binary (&run, db, option, "--from=2023-06-01", NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_nonnull (strstr (run.out, "(1 Jun 2023 – 30 Apr 2024)"));
    g_assert_true (is_zip (path));
    g_assert_cmpint (g_unlink (path), ==, 0);
    run_clear (&run);

    run_binary (&run, db, option, "--to=2023-12-31", NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_nonnull (strstr (run.out, "(1 Jan 2023 – 31 Dec 2023)"));
    g_assert_true (is_zip (path));
    g_assert_cmpint (g_unlink (path), ==, 0);
  }
}

/* Refused in words with a non-zero exit status, and no file written. */
static void
assert_export_refused (const char *path, const char *message, int status, ...)
{
  g_autoptr (GPtrArray) args = g_ptr_array_new ();
  const char *arg;
  va_list ap;
  g_auto (Run) run;

  va_start (ap, status);
  while ((arg = va_arg (ap, const char *)) != NULL)
    g_ptr_array_add (args, (char *) arg);
  va_end (ap);
  g_assert_cmpuint (args->len, <=, 4);
  while (args->len < 4)
    g_ptr_array_add (args, NULL);

  run_binary (&run, args->pdata[0], args->pdata[1], args->pdata[2], args->pdata[3], NULL);
  if (status != 0)
    g_assert_cmpint (run.status, ==, status);
  else
    g_assert_cmpint (run.status, !=, 0);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_nonnull (strstr (run.err, message));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static void
test_export_workbook_refused (void)
{
  g_autofree char *db = g_strconcat ("--db=", demo_path, NULL);
  g_autofree char *path = g_build_filename (tmp_dir, "refused.xlsx", NULL);
  g_autofree char *option = g_strconcat ("--export-workbook=", path, NULL);
  g_autofree char *missing_db = g_build_filename (tmp_dir, "no-programme.sqlite", NULL);
  g_autofree char *no_db = g_strconcat ("--db=", missing_db, NULL);
  g_autofree char *folder = g_build_filename (tmp_dir, "no-such-folder", NULL);
  g_autofree char *in_folder = g_build_filename (folder, "board.xlsx", NULL);
  g_autofree char *into_folder = g_strconcat ("--export-workbook=", in_folder, NULL);

  assert_export_refused (path, "--from=2023-02-30 is not a real day", 1, db, option,
                         "--from=2023-02-30", NULL);
  assert_export_refused (path, "--to=next week is not a date: write it as YYYY-MM-DD", 1, db,
                         option, "--to=next week", NULL);
  /* A period that ends before it starts. */
  assert_export_refused (path, "The period ends before it starts", 1, db, option,
                         "--from=2024-01-01", "--to=2023-01-01", NULL);
  assert_export_refused (path, "--export-workbook needs --db=FILE", 1, option, NULL);
  assert_export_refused (path, "--export-workbook needs a file name", 1, db,
                         "--export-workbook=", NULL);
  assert_export_refused (path, "--from, --to and --include-names go with --export-workbook", 1,
                         db, "--include-names", NULL);
  /* A programme that is not there is not created. */
  assert_export_refused (path, "There is no programme file", 65, no_db, option, NULL);
  g_assert_false (g_file_test (missing_db, G_FILE_TEST_EXISTS));

  /* A folder that is not there, and one that cannot be written to. */
  assert_export_refused (in_folder, "no-such-folder", 1, db, into_folder, NULL);
  g_assert_false (g_file_test (folder, G_FILE_TEST_EXISTS));
  g_assert_cmpint (g_mkdir (folder, 0500), ==, 0);
  if (geteuid () != 0)
    {
      g_autoptr (GDir) listing = NULL;

      assert_export_refused (in_folder, "no-such-folder", 1, db, into_folder, NULL);
      listing = g_dir_open (folder, 0, NULL);
      g_assert_nonnull (listing);
      g_assert_null (g_dir_read_name (listing));
    }
  else
    g_test_message ("root writes into a read-only folder: not checked");
  g_assert_cmpint (g_rmdir (folder), ==, 0);
}

/* Copies the demo programme to @path, without its secret for pseudonymous IDs when
 * @keyless, as a programme never exported has none. */
static void
copy_demo (const char *path, gboolean keyless)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (demo_path, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (path, contents, length, NULL));
  if (keyless)
    {
      sqlite3 *db = NULL;

      g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_exec (db, "DELETE FROM settings WHERE key = 'pseudonym_key'", NULL,
                                     NULL, NULL),
                       ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_changes (db), ==, 1);
      sqlite3_close (db);
    }
  g_assert_cmpint (g_chmod (path, 0444), ==, 0);
}

/* A programme that may not be written exports as it is; one never exported has no secret
 * for pseudonymous IDs and cannot keep one, which is said in words, and the file is left as
 * it was. */
static void
test_export_workbook_read_only (void)
{
  g_autofree char *folder = g_build_filename (tmp_dir, "read-only", NULL);
  g_autofree char *keyed = g_build_filename (folder, "keyed.sqlite", NULL);
  g_autofree char *keyless = g_build_filename (folder, "keyless.sqlite", NULL);
  g_autofree char *exports = g_build_filename (tmp_dir, "exports", NULL);
  g_autofree char *keyed_xlsx = g_build_filename (exports, "keyed.xlsx", NULL);
  g_autofree char *keyless_xlsx = g_build_filename (exports, "keyless.xlsx", NULL);
  g_autofree char *keyed_db = g_strconcat ("--db=", keyed, NULL);
  g_autofree char *keyless_db = g_strconcat ("--db=", keyless, NULL);
  g_autofree char *keyed_option = g_strconcat ("--export-workbook=", keyed_xlsx, NULL);
  g_autofree char *keyless_option = g_strconcat ("--export-workbook=", keyless_xlsx, NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_auto (Run) run;
  g_auto (Run) refused;
  g_autofree char *setpriv = g_find_program_in_path ("setpriv");

  if (geteuid () == 0 && setpriv == NULL)
    {
      g_test_skip ("running as root without setpriv: no file is read-only to us");
      return;
    }
  g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);
  g_assert_cmpint (g_mkdir (exports, 0777), ==, 0);
  copy_demo (keyed, FALSE);
  copy_demo (keyless, TRUE);
  g_assert_cmpint (g_chmod (folder, 0555), ==, 0);
  g_assert_cmpint (g_chmod (exports, 0777), ==, 0);
  g_assert_cmpint (g_chmod (tmp_dir, 0711), ==, 0);
  before = test_file_digest (keyless);

  run_binary_unprivileged (&run, keyed_db, keyed_option, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Wrote the evaluation workbook"));
  g_assert_true (g_file_test (keyed_xlsx, G_FILE_TEST_IS_REGULAR));

  run_binary_unprivileged (&refused, keyless_db, keyless_option, NULL);
  g_assert_cmpint (refused.status, ==, 1);
  g_assert_cmpstr (refused.out, ==, "");
  g_assert_nonnull (strstr (refused.err, "This programme is read-only, so “keyless.sqlite” cannot "
                                         "keep the secret"));
  g_assert_null (strstr (refused.err, "SQLite"));
  g_assert_false (g_file_test (keyless_xlsx, G_FILE_TEST_EXISTS));
  after = test_file_digest (keyless);
  g_assert_cmpstr (after, ==, before);

  g_assert_cmpint (g_chmod (tmp_dir, 0700), ==, 0);
  g_assert_cmpint (g_chmod (folder, 0755), ==, 0);
}

int
main (int argc, char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  tmp_dir = test_make_tmp_dir ();
  demo_path = g_build_filename (tmp_dir, "demo.sqlite", NULL);

  g_test_add_func ("/cli/version", test_version);
  g_test_add_func ("/cli/create-demo", test_create_demo);
  g_test_add_func ("/cli/bad-scale", test_bad_scale);
  g_test_add_func ("/cli/no-display", test_no_display);
  g_test_add_func ("/cli/check-healthy", test_check_healthy);
  g_test_add_func ("/cli/check-refusals", test_check_refusals);
  g_test_add_func ("/cli/import", test_import);
  g_test_add_func ("/cli/import-refused", test_import_refused);
  g_test_add_func ("/cli/import-tier1-refused", test_import_tier1_refused);
  g_test_add_func ("/cli/export-workbook", test_export_workbook);
  g_test_add_func ("/cli/export-workbook-refused", test_export_workbook_refused);
  g_test_add_func ("/cli/export-workbook-read-only", test_export_workbook_read_only);

  status = g_test_run ();
  test_remove_tree (tmp_dir);
  g_free (demo_path);
  g_free (tmp_dir);
  return status;
}
