/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <sys/stat.h>

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

static void
run_binary (Run *run, const char *first_arg, ...)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_auto (GStrv) envp = g_get_environ ();
  g_autoptr (GError) error = NULL;
  const char *binary = g_getenv ("TI_BINARY");
  const char *arg;
  va_list args;
  int wait_status = 0;

  g_assert_nonnull (binary);
  envp = g_environ_unsetenv (envp, "DISPLAY");
  envp = g_environ_unsetenv (envp, "WAYLAND_DISPLAY");

  g_ptr_array_add (argv, (char *) binary);
  va_start (args, first_arg);
  for (arg = first_arg; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  memset (run, 0, sizeof *run);
  g_spawn_sync (NULL, (char **) argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL, &run->out,
                &run->err, &wait_status, &error);
  g_assert_no_error (error);
  run->status = WIFEXITED (wait_status) ? WEXITSTATUS (wait_status) : 128;
  g_test_message ("exit %d\nstdout: %s\nstderr: %s", run->status, run->out, run->err);
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

  status = g_test_run ();
  test_remove_tree (tmp_dir);
  g_free (demo_path);
  g_free (tmp_dir);
  return status;
}
