/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/stat.h>
#include <utime.h>

#include "ti-database.h"
#include "ti-demo.h"

/* The names in the scrutiny report: never in demo data. */
static const char *const report_names[] = { "Vikki", "Hearn", "Billy", "Smith", "Tessa",
                                            "Munt",  "Hazel", "Renouf", "Claire" };

/* ------------------------------------------------------------------------------------- */
/* Helpers                                                                                 */

static char *
make_temp_dir (void)
{
  g_autoptr (GError) error = NULL;
  char *dir = g_dir_make_tmp ("test-demo-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
remove_tree (const char *path)
{
  g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static int
compare_names (gconstpointer a, gconstpointer b)
{
  return g_strcmp0 (*(const char *const *)a, *(const char *const *)b);
}

/* Every name in @dir, sorted and joined, so a failure shows what was left behind. */
static char *
list_dir (const char *path)
{
  g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **) names->pdata);
}

static sqlite3 *
open_read_only (const char *path)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  return db;
}

static gint64
query_int (sqlite3 *db, const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

static char *
query_text (sqlite3 *db, const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  char *value;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return value;
}

static void
assert_count_between (sqlite3 *db, const char *table, gint64 low, gint64 high)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", table);
  gint64 n = query_int (db, sql);

  if (n < low || n > high)
    g_error ("%s: %" G_GINT64_FORMAT " rows, expected %" G_GINT64_FORMAT " to %" G_GINT64_FORMAT,
             table, n, low, high);
}

/* A digest of every table's rows, in the order of all their columns. */
static char *
content_digest (const char *path, gint64 *out_rows)
{
  sqlite3 *db = open_read_only (path);
  g_autoptr (GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  sqlite3_stmt *tables = NULL;
  gint64 rows = 0;

  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "SELECT name FROM sqlite_schema WHERE type = 'table'"
                                       " ORDER BY name",
                                       -1, &tables, NULL),
                   ==, SQLITE_OK);
  while (sqlite3_step (tables) == SQLITE_ROW)
    {
      const char *table = (const char *) sqlite3_column_text (tables, 0);
      char *probe_sql = sqlite3_mprintf ("SELECT * FROM \"%w\"", table);
      g_autoptr (GString) sql = g_string_new (NULL);
      sqlite3_stmt *probe = NULL, *stmt = NULL;
      int n_columns;

      g_assert_cmpint (sqlite3_prepare_v2 (db, probe_sql, -1, &probe, NULL), ==, SQLITE_OK);
      n_columns = sqlite3_column_count (probe);
      sqlite3_finalize (probe);

      g_string_append_printf (sql, "%s ORDER BY 1", probe_sql);
      for (int c = 2; c <= n_columns; c++)
        g_string_append_printf (sql, ", %d", c);
      sqlite3_free (probe_sql);

      g_checksum_update (checksum, (const guchar *) table, -1);
      g_assert_cmpint (sqlite3_prepare_v2 (db, sql->str, -1, &stmt, NULL), ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          rows++;
          for (int c = 0; c < n_columns; c++)
            {
              guchar type = sqlite3_column_type (stmt, c);
              const guchar *value = sqlite3_column_text (stmt, c);

              g_checksum_update (checksum, &type, 1);
              if (value != NULL)
                g_checksum_update (checksum, value, sqlite3_column_bytes (stmt, c));
              g_checksum_update (checksum, (const guchar *) "\x1f", 1);
            }
        }
      sqlite3_finalize (stmt);
    }
  sqlite3_finalize (tables);
  sqlite3_close (db);

  *out_rows = rows;
  return g_strdup (g_checksum_get_string (checksum));
}

typedef struct
{
  double last_fraction;
  guint calls;
  gboolean monotonic;
  GHashTable *steps;
  GCancellable *cancel_at_third; /* cancelled once a third of the work is done */
} Progress;

static void
on_progress (double fraction, const char *step, gpointer user_data)
{
  Progress *progress = user_data;

  g_assert_nonnull (step);
  g_assert_cmpfloat (fraction, >=, 0.0);
  g_assert_cmpfloat (fraction, <=, 1.0);
  if (fraction < progress->last_fraction)
    progress->monotonic = FALSE;
  progress->last_fraction = fraction;
  progress->calls++;
  if (progress->steps != NULL)
    g_hash_table_add (progress->steps, g_strdup (step));
  if (progress->cancel_at_third != NULL && fraction >= 0.33)
    g_cancellable_cancel (progress->cancel_at_third);
}

/* ------------------------------------------------------------------------------------- */
/* Cases                                                                                   */

static void
test_county_scale (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "programme.sqlite", NULL);
  g_autofree char *left = NULL;
  g_autofree char *integrity = NULL;
  g_autofree char *journal = NULL;
  g_autofree char *summary = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (TiDatabase) database = NULL;
  Progress progress = { 0, 0, TRUE, g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL),
                        NULL };
  static const char *const partners[] = {
    "Somerset NHS Foundation Trust",
    "NHS Somerset Integrated Care Board",
    "Somerset County Council",
    "Somerset County Council – Public Health",
    "Somerset County Council – Adult Social Care",
    "Somerset County Council – Children's Services",
    "Avon and Somerset Police",
    "Avon and Somerset Office of the Police and Crime Commissioner",
    "Somerset CAMHS",
    "Second Step",
    "SHAL Housing",
    "University of Bristol",
    "No One Left Out",
    "Greater Manchester Combined Authority",
    "NHS Scotland",
    "Trauma Informed Schools UK",
    "WAVE Trust",
    "Bath and North East Somerset Council",
  };
  GStatBuf st;
  sqlite3 *db;

  g_assert_true (ti_demo_create (path, 1, on_progress, &progress, NULL, &error));
  g_assert_no_error (error);

  /* Progress went forward, ended at the end, and said what it was doing. */
  g_assert_true (progress.monotonic);
  g_assert_cmpuint (progress.calls, >, 10);
  g_assert_cmpfloat (progress.last_fraction, ==, 1.0);
  g_assert_true (g_hash_table_contains (progress.steps, "Organisations"));
  g_assert_true (g_hash_table_contains (progress.steps, "Tier 1 completions"));
  g_hash_table_unref (progress.steps);

  /* A private file, and nothing else left beside it. */
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  left = list_dir (dir);
  g_assert_cmpstr (left, ==, "programme.sqlite");

  db = open_read_only (path);

  /* County scale, as DESIGN.md §4 says. */
  assert_count_between (db, "organisations", 120, 200);
  assert_count_between (db, "champions", 450, 750);
  assert_count_between (db, "tier1_completions", 20000, 30000);
  assert_count_between (db, "sessions", 800, 1200);
  assert_count_between (db, "attendance", 12000, 18000);
  assert_count_between (db, "events", 25, 40);
  assert_count_between (db, "event_speakers", 25, 200);
  assert_count_between (db, "event_attendance", 1000, 20000);
  assert_count_between (db, "engagement_activities", 15, 30);
  assert_count_between (db, "engagement_actions", 10, 90);
  assert_count_between (db, "charter_commitments", 20, 400);

  integrity = query_text (db, "PRAGMA integrity_check");
  g_assert_cmpstr (integrity, ==, "ok");
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM pragma_foreign_key_check"), ==, 0);
  journal = query_text (db, "PRAGMA journal_mode");
  g_assert_cmpstr (journal, ==, "wal");

  /* Fictional people: none of the report's names anywhere a name is kept. */
  for (guint i = 0; i < G_N_ELEMENTS (report_names); i++)
    {
      g_autofree char *sql = g_strdup_printf (
        "SELECT (SELECT count(*) FROM people WHERE name LIKE '%%%1$s%%' OR email LIKE '%%%1$s%%')"
        " + (SELECT count(*) FROM event_speakers WHERE name LIKE '%%%1$s%%')"
        " + (SELECT count(*) FROM charter_adoptions WHERE signatory_name LIKE '%%%1$s%%')",
        report_names[i]);
      g_assert_cmpint (query_int (db, sql), ==, 0);
    }
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM people WHERE email NOT LIKE '%.example'"),
                   ==, 0);
  g_assert_cmpint (query_int (db, "SELECT count(DISTINCT lower(email)) = count(email) FROM people"),
                   ==, 1);

  /* The partners the report names. */
  for (guint i = 0; i < G_N_ELEMENTS (partners); i++)
    {
      char *sql = sqlite3_mprintf ("SELECT count(*) FROM organisations WHERE name = %Q",
                                   partners[i]);
      if (query_int (db, sql) != 1)
        g_error ("partner “%s” is missing", partners[i]);
      sqlite3_free (sql);
    }
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM organisations o JOIN organisations p"
                                  " ON p.id = o.parent_id WHERE p.name = 'Somerset County Council'"),
                   >=, 4);
  g_assert_cmpint (query_int (db, "SELECT count(DISTINCT sector) FROM organisations"), ==, 10);
  g_assert_cmpint (query_int (db, "SELECT count(DISTINCT locality) FROM organisations"), ==, 6);

  /* The programme's own roles. */
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM people WHERE role = 'coordinator'"), ==, 1);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM people WHERE role = 'psychologist'"), >=, 1);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM people WHERE role = 'psychologist'"), <=, 2);

  /* Champions in every status, most of them with consent recorded. */
  g_assert_cmpint (query_int (db, "SELECT count(DISTINCT status) FROM champions"), ==, 3);
  g_assert_cmpint (query_int (db, "SELECT min(since) >= '2023-01-01' FROM champions"), ==, 1);
  g_assert_cmpint (query_int (db, "SELECT 100 * sum(contact_consent) / count(*) FROM people"
                                  " JOIN champions ON person_id = id"),
                   >=, 80);

  /* Tier 1 from both sources; Tier 2 and 3 with the cascade to champions. */
  g_assert_cmpint (query_int (db, "SELECT count(DISTINCT source) FROM tier1_completions"), ==, 2);
  g_assert_cmpint (query_int (db, "SELECT count(DISTINCT tier) FROM sessions"), ==, 2);
  g_assert_cmpint (query_int (db, "SELECT count(DISTINCT status) FROM sessions"), ==, 3);
  g_assert_cmpint (query_int (db, "SELECT count(DISTINCT kind) FROM session_facilitators"), ==, 3);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM session_facilitators f JOIN champions c"
                                  " ON c.person_id = f.person_id WHERE f.kind = 'champion'"),
                   ==,
                   query_int (db, "SELECT count(*) FROM session_facilitators"
                                  " WHERE kind = 'champion'"));

  /* Confidence mostly rises over a session. */
  g_assert_cmpint (query_int (db, "SELECT 100 * sum(confidence_after >= confidence_before)"
                                  " / count(*) FROM attendance WHERE confidence_after IS NOT NULL"),
                   >=, 80);

  /* Reviews in every state, with history: changes asked for, then approved. */
  g_assert_cmpint (query_int (db, "SELECT count(DISTINCT review_status) FROM sessions WHERE"
                                  " review_status IN ('awaiting', 'changes_requested', 'approved')"),
                   ==, 3);
  g_assert_cmpint (query_int (db, "SELECT count(DISTINCT outcome) FROM reviews"), ==, 2);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM reviews a JOIN reviews b"
                                  " ON a.session_id = b.session_id AND a.reviewed_on < b.reviewed_on"
                                  " WHERE a.outcome = 'changes_requested'"
                                  " AND b.outcome = 'approved'"),
                   >, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM reviews r JOIN people p"
                                  " ON p.id = r.reviewer_id WHERE p.role <> 'psychologist'"),
                   ==, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM review_answers"), >,
                   query_int (db, "SELECT count(*) FROM reviews"));

  /* Charter adoption at every stage. */
  g_assert_cmpint (query_int (db, "SELECT count(DISTINCT stage) FROM charter_adoptions"), ==, 4);

  /* The report's timeline of events. */
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM events WHERE kind = 'launch'"
                                  " AND starts_at LIKE '2023-01-%'"),
                   ==, 1);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM events WHERE kind = 'network_event'"
                                  " AND (starts_at LIKE '2023-06-%' OR starts_at LIKE '2023-11-%')"),
                   ==, 2);
  g_assert_cmpint (query_int (db, "SELECT count(DISTINCT reach) FROM event_speakers"), ==, 3);

  /* Milestones in all four workstreams, done and not done, with evidence. */
  g_assert_cmpint (query_int (db, "SELECT count(DISTINCT workstream_id) FROM milestones"), ==, 4);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM milestones WHERE done_on IS NULL"), >, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM milestones WHERE done_on IS NOT NULL"), >,
                   0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM milestones m JOIN events e"
                                  " ON e.id = m.evidence_event_id"),
                   >=, 3);

  sqlite3_close (db);

  /* The app's own check agrees. */
  database = ti_database_open (path, TI_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  summary = ti_database_check (database, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (summary, "healthy"));
  g_clear_object (&database);

  remove_tree (dir);
}

typedef struct
{
  GMainLoop *loop;
  gboolean ok;
  GError *error;
} AsyncResult;

static void
on_created (GObject *source, GAsyncResult *result, gpointer user_data)
{
  AsyncResult *async = user_data;

  g_assert_null (source);
  async->ok = ti_demo_create_finish (result, &async->error);
  g_main_loop_quit (async->loop);
}

static void
test_deterministic (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *first = g_build_filename (dir, "first.sqlite", NULL);
  g_autofree char *second = g_build_filename (dir, "second.sqlite", NULL);
  g_autofree char *first_digest = NULL;
  g_autofree char *second_digest = NULL;
  g_autoptr (GError) error = NULL;
  AsyncResult async = { g_main_loop_new (NULL, FALSE), FALSE, NULL };
  gint64 first_rows = 0, second_rows = 0;

  g_assert_true (ti_demo_create (first, 1, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  /* The second through the async API, which runs in a worker thread. */
  ti_demo_create_async (second, 1, NULL, on_created, &async);
  g_main_loop_run (async.loop);
  g_main_loop_unref (async.loop);
  g_assert_no_error (async.error);
  g_assert_true (async.ok);

  first_digest = content_digest (first, &first_rows);
  second_digest = content_digest (second, &second_rows);
  g_assert_cmpint (first_rows, >, 50000);
  g_assert_cmpint (first_rows, ==, second_rows);
  g_assert_cmpstr (first_digest, ==, second_digest);

  remove_tree (dir);
}

static void
test_refuses_existing_file (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "programme.sqlite", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *left = NULL;
  g_autoptr (GError) error = NULL;
  const char *precious = "The coordinator's own notes, not a programme.\n";

  g_assert_true (g_file_set_contents (path, precious, -1, &error));
  g_assert_no_error (error);

  g_assert_false (ti_demo_create (path, 1, NULL, NULL, NULL, &error));
  g_assert_error (error, TI_DATABASE_ERROR, TI_DATABASE_ERROR_EXISTS);
  g_assert_nonnull (strstr (error->message, "programme.sqlite"));
  g_assert_nonnull (strstr (error->message, "already exists"));

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, precious);
  left = list_dir (dir);
  g_assert_cmpstr (left, ==, "programme.sqlite");

  remove_tree (dir);
}

static void
test_cancelled_before_start (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "programme.sqlite", NULL);
  g_autofree char *left = NULL;
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (GError) error = NULL;

  g_cancellable_cancel (cancellable);
  g_assert_false (ti_demo_create (path, 1, NULL, NULL, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

  left = list_dir (dir);
  g_assert_cmpstr (left, ==, "");

  remove_tree (dir);
}

static void
test_cancelled_midway (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "programme.sqlite", NULL);
  g_autofree char *left = NULL;
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (GError) error = NULL;
  Progress progress = { 0, 0, TRUE, NULL, cancellable };

  g_assert_false (ti_demo_create (path, 1, on_progress, &progress, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpfloat (progress.last_fraction, <, 1.0);

  /* Neither the programme nor its temporary files are left behind. */
  left = list_dir (dir);
  g_assert_cmpstr (left, ==, "");

  remove_tree (dir);
}

/* A private folder as a killed run leaves it: @name in @dir, holding a half-written programme
 * last changed @age_seconds ago. */
static char *
make_partial_folder (const char *dir, const char *name, gint64 age_seconds)
{
  char *folder = g_build_filename (dir, name, NULL);
  g_autofree char *file = g_build_filename (folder, "programme.sqlite", NULL);
  gint64 when = g_get_real_time () / G_USEC_PER_SEC - age_seconds;
  struct utimbuf times = { when, when };

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  g_assert_true (g_file_set_contents (file, "half a programme", -1, NULL));
  g_assert_cmpint (g_utime (file, &times), ==, 0);
  g_assert_cmpint (g_utime (folder, &times), ==, 0);
  return folder;
}

static void
cancel_at_once (double fraction, const char *step, gpointer cancellable)
{
  g_cancellable_cancel (cancellable);
}

static void
test_removes_stale_partial_folders (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "programme.sqlite", NULL);
  g_autofree char *stale = make_partial_folder (dir, ".programme.sqlite.partial-a1b2c3", 60 * 60);
  g_autofree char *running
    = make_partial_folder (dir, ".programme.sqlite.partial-d4e5f6", 60);
  g_autofree char *other = make_partial_folder (dir, ".other.sqlite.partial-g7h8i9", 60 * 60);
  /* Made an hour ago, but its file written a minute ago: writing changes the file, not the
   * folder, so it is still being written. */
  g_autofree char *writing = make_partial_folder (dir, ".programme.sqlite.partial-j1k2l3", 60 * 60);
  g_autofree char *writing_file = g_build_filename (writing, "programme.sqlite", NULL);
  g_autofree char *left = NULL;
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (GError) error = NULL;
  struct utimbuf minute_ago = { g_get_real_time () / G_USEC_PER_SEC - 60,
                                g_get_real_time () / G_USEC_PER_SEC - 60 };

  g_assert_cmpint (g_utime (writing_file, &minute_ago), ==, 0);
  /* The next run (here cancelled at its first step) removes the folder a killed run left an hour ago;
   * one whose file changed a minute ago is still being written, and another demo's is not
   * this run's to touch. */
  g_assert_false (ti_demo_create (path, 1, cancel_at_once, cancellable, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  left = list_dir (dir);
  g_assert_cmpstr (left, ==, ".other.sqlite.partial-g7h8i9 .programme.sqlite.partial-d4e5f6 "
                             ".programme.sqlite.partial-j1k2l3");
  g_assert_false (g_file_test (stale, G_FILE_TEST_EXISTS));

  remove_tree (dir);
}

static void
test_invalid_scale (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "programme.sqlite", NULL);
  g_autofree char *left = NULL;
  const guint scales[] = { 0, TI_DEMO_MAX_SCALE + 1 };

  for (guint i = 0; i < G_N_ELEMENTS (scales); i++)
    {
      g_autoptr (GError) error = NULL;

      g_assert_false (ti_demo_create (path, scales[i], NULL, NULL, NULL, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
      g_assert_nonnull (strstr (error->message, "scale"));
    }
  left = list_dir (dir);
  g_assert_cmpstr (left, ==, "");

  remove_tree (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/demo/county-scale", test_county_scale);
  g_test_add_func ("/demo/deterministic", test_deterministic);
  g_test_add_func ("/demo/refuses-existing-file", test_refuses_existing_file);
  g_test_add_func ("/demo/cancelled-before-start", test_cancelled_before_start);
  g_test_add_func ("/demo/cancelled-midway", test_cancelled_midway);
  g_test_add_func ("/demo/invalid-scale", test_invalid_scale);
  g_test_add_func ("/demo/removes-stale-partial-folders", test_removes_stale_partial_folders);

  return g_test_run ();
}
