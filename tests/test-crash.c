/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "test-util.h"
#include "ti-organisations.h"
#include "ti-people.h"

/*
 * Crash safety (DESIGN.md §6): imports, edits and exports run as separate processes on one
 * programme, a few at a time, and each is killed (SIGKILL) at a random moment; many rounds.
 * After every round the programme opens and passes its check (integrity, links), every
 * import is there whole or not at all (its rows and its audit entry together), every edit of
 * several rows too, every backup an import made is healthy, and the workbook is either
 * missing or whole: a kill may leave only the hidden temporary file beside it. A demo
 * programme killed while it is written is not there at all, and a kill inside a checkpoint,
 * made on purpose, loses nothing.
 *
 * The choices (what runs, when it is killed, what each CSV holds) come from a seed, printed
 * first: TI_CRASH_SEED=N replays them (where a kill lands still depends on the machine).
 * TI_CRASH_ROUNDS=N runs more or fewer rounds.
 */

/* Unless TI_CRASH_ROUNDS says how many: this many rounds, or as many as fit in the time
 * (never fewer than the minimum), so that a loaded machine keeps `make test` short. */
#define DEFAULT_ROUNDS 30
#define MIN_ROUNDS 10
#define ROUNDS_SECONDS 45
#define MAX_JOBS 3
/* An edit worker never ends: it is killed within this. Other jobs are killed anywhere from
 * their start to twice the time such a job takes (timed at set-up, corrected as the rounds
 * go), so that some finish first. */
#define EDIT_KILL_MS 400
#define MAX_KILL_PERCENT 200
#define TRANSFER_ORGANISATIONS 8
#define TRANSFER_HEADCOUNT 1000
#define IMPORT_ORGANISATIONS 4
#define BATCH_PEOPLE 5
#define WORKBOOK_NAME "board.xlsx"

typedef enum
{
  JOB_IMPORT,
  JOB_EDIT,
  JOB_EXPORT,
  JOB_DEMO,
  N_JOB_KINDS
} JobKind;

static const char *const job_names[N_JOB_KINDS] = { "import", "edit", "export", "create-demo" };

typedef struct
{
  JobKind kind;
  guint kill_ms;
  char *log;
  char *target; /* import: the CSV; create-demo: the programme it writes */
  char *domain; /* import: the email domain of every row, so its rows can be counted */
  guint rows;
  GPid pid;
  gboolean killed; /* by our SIGKILL, rather than ending by itself */
  int status;      /* its exit status when it ended by itself */
} Job;

typedef struct
{
  guint32 seed;
  GRand *rand;
  char *self;
  char *dir;
  char *path;
  char *workbook;
  char *tmp;                   /* the children's temporary folder */
  char *workbook_stamp;        /* device, inode, size and time of the workbook last read back */
  guint usual_ms[N_JOB_KINDS]; /* how long each kind of job takes, as last seen */
  gint64 completions;          /* the Tier 1 completions the programme must hold */
  GHashTable *backups_checked;
  /* What happened, for the summary. */
  guint started[N_JOB_KINDS];
  guint killed[N_JOB_KINDS];
  guint imports_whole;
  guint imports_absent;
  guint workbooks_read;
  guint rounds;
} Crash;

static Crash crash;

/* Children ------------------------------------------------------------------------------ */

static void
job_clear (Job *job)
{
  g_free (job->log);
  g_free (job->target);
  g_free (job->domain);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Job, job_clear)

static char *
job_describe (const Job *job)
{
  if (job->kind == JOB_IMPORT)
    return g_strdup_printf ("import of %u rows (kill at %u ms)", job->rows, job->kill_ms);
  return g_strdup_printf ("%s (kill at %u ms)", job_names[job->kind], job->kill_ms);
}

static void
job_start (Job *job, const char *const *argv)
{
  g_auto (GStrv) envp = g_get_environ ();
  g_autoptr (GError) error = NULL;
  int fd = g_open (job->log, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);

  g_assert_cmpint (fd, >=, 0);
  envp = g_environ_unsetenv (envp, "DISPLAY");
  envp = g_environ_unsetenv (envp, "WAYLAND_DISPLAY");
  /* What a kill leaves in the temporary folder (libxlsxwriter's files) stays in ours. */
  envp = g_environ_setenv (envp, "TMPDIR", crash.tmp, TRUE);
  g_spawn_async_with_pipes_and_fds (NULL, argv, (const char *const *)envp,
                                    G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL, -1, fd, fd, NULL, NULL,
                                    0, &job->pid, NULL, NULL, NULL, &error);
  close (fd);
  g_assert_no_error (error);
}

static void
job_start_binary (Job *job, const char *first_arg, ...)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  const char *binary = g_getenv ("TI_BINARY");
  const char *arg;
  va_list args;

  g_assert_nonnull (binary);
  g_ptr_array_add (argv, (char *)binary);
  va_start (args, first_arg);
  for (arg = first_arg; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *)arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);
  job_start (job, (const char *const *)argv->pdata);
}

/* How a job ended. One that ended by itself must have succeeded; how long it took, or that
 * it was still running when given as long as its kind usually takes, corrects that estimate,
 * so that kills keep landing all through the work as the programme grows and the machine's
 * load changes. */
static void
job_ended (Job *job, int wait_status, gint64 duration)
{
  guint *usual = &crash.usual_ms[job->kind];

  g_spawn_close_pid (job->pid);
  crash.started[job->kind]++;
  job->killed = WIFSIGNALED (wait_status) && WTERMSIG (wait_status) == SIGKILL;
  if (job->killed)
    {
      crash.killed[job->kind]++;
      if (job->kind != JOB_EDIT && job->kill_ms >= *usual)
        *usual = job->kill_ms * 5 / 4;
      return;
    }

  job->status = WIFEXITED (wait_status) ? WEXITSTATUS (wait_status) : 128 + WTERMSIG (wait_status);
  if (job->status != 0)
    {
      g_autofree char *output = NULL;

      g_file_get_contents (job->log, &output, NULL, NULL);
      g_test_message ("%s ended by itself with status %d:\n%s", job_names[job->kind], job->status,
                      output);
    }
  g_assert_cmpint (job->status, ==, 0);
  *usual = (*usual + duration / G_TIME_SPAN_MILLISECOND) / 2;
}

/* Kills each job at its moment after @start, unless it has ended by then, and reaps them
 * all. */
static void
jobs_kill_and_reap (Job *jobs, guint n_jobs, gint64 start)
{
  gboolean sent[MAX_JOBS] = { FALSE };
  gboolean reaped[MAX_JOBS] = { FALSE };
  guint running = n_jobs;

  g_assert_cmpuint (n_jobs, <=, MAX_JOBS);
  while (running > 0)
    {
      gint64 now = g_get_monotonic_time ();

      for (guint i = 0; i < n_jobs; i++)
        {
          int wait_status = 0;
          pid_t pid;

          if (reaped[i])
            continue;
          pid = waitpid (jobs[i].pid, &wait_status, WNOHANG);
          if (pid < 0 && errno == EINTR)
            continue;
          if (pid == jobs[i].pid)
            {
              job_ended (&jobs[i], wait_status, now - start);
              reaped[i] = TRUE;
              running--;
              continue;
            }
          g_assert_cmpint (pid, ==, 0);
          if (!sent[i] && now >= start + jobs[i].kill_ms * G_TIME_SPAN_MILLISECOND)
            {
              g_assert_cmpint (kill (jobs[i].pid, SIGKILL), ==, 0);
              sent[i] = TRUE;
            }
        }
      g_usleep (G_TIME_SPAN_MILLISECOND);
    }
}

/* The edit worker: this test binary run again, changing the programme through core in
 * transactions until it is killed. --------------------------------------------------------- */

static gboolean
run_sql (TiDatabase *db, const char *sql, gint64 first, gint64 second, const char *text,
         GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = ti_database_prepare (db, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, first);
  sqlite3_bind_int64 (stmt, 2, second);
  if (text != NULL)
    sqlite3_bind_text (stmt, 3, text, -1, SQLITE_TRANSIENT);
  return ti_database_step_done (db, stmt, error);
}

static GArray *
ids_of (TiDatabase *db, const char *sql, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = ti_database_prepare (db, sql, error);
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  if (rc != SQLITE_DONE)
    {
      ti_database_set_error_from_sqlite (db, rc, "reading the organisations", error);
      return NULL;
    }
  return g_steal_pointer (&ids);
}

static gint64
pick (GRand *rand, GArray *ids)
{
  return g_array_index (ids, gint64, g_rand_int_range (rand, 0, ids->len));
}

/* Staff moved from one directorate to another: two rows that only make sense together. */
static gboolean
edit_transfer (TiDatabase *db, GRand *rand, GArray *transfer, GError **error)
{
  gint64 from = pick (rand, transfer);
  gint64 to = pick (rand, transfer);
  gint64 have;
  gint64 moved;
  gboolean ok;

  if (!ti_database_begin (db, error))
    return FALSE;
  have = ti_database_count_with (db, "SELECT headcount FROM organisations WHERE id = ?1", from,
                                 NULL, error);
  ok = have >= 0;
  moved = have > 0 ? g_rand_int_range (rand, 1, MIN (have, 200) + 1) : 0;
  ok = ok
       && run_sql (db, "UPDATE organisations SET headcount = headcount - ?2 WHERE id = ?1", from,
                   moved, NULL, error)
       && run_sql (db, "UPDATE organisations SET headcount = headcount + ?2 WHERE id = ?1", to,
                   moved, NULL, error)
       && ti_database_audit (db, "update", "organisation", 0, "staff moved between directorates",
                             error);
  return ti_database_end (db, ok, error);
}

/* A new directorate with its champions, in one transaction. */
static gboolean
edit_batch (TiDatabase *db, guint32 seed, guint n, GError **error)
{
  g_autofree char *name = g_strdup_printf ("Crash batch %u-%u", seed, n);
  gint64 organisation;
  gboolean ok;

  if (!ti_database_begin (db, error))
    return FALSE;
  ok = run_sql (db,
                "INSERT INTO organisations (name, sector, locality, headcount)"
                " VALUES (?3, 'council', 'mendip', 40)",
                n, 0, name, error);
  organisation = sqlite3_last_insert_rowid (ti_database_get_handle (db));
  for (guint k = 0; ok && k < BATCH_PEOPLE; k++)
    {
      g_autofree char *email = g_strdup_printf ("c%u.%u.%u@batch.crash.example", k, seed, n);

      ok = run_sql (db,
                    "INSERT INTO people (name, email, organisation_id, job_title)"
                    " VALUES ('Champion ' || ?2, ?3, ?1, 'Family support worker')",
                    organisation, k, email, error)
           && run_sql (db, "INSERT INTO champions (person_id, since) VALUES (?1, '2023-06-01')",
                       sqlite3_last_insert_rowid (ti_database_get_handle (db)), 0, NULL, error);
    }
  ok = ok
       && ti_database_audit (db, "create", "organisation", organisation,
                             "a directorate and its champions", error);
  return ti_database_end (db, ok, error);
}

/* The organisation editor saving a new headcount. */
static gboolean
edit_organisation (TiDatabase *db, GRand *rand, GArray *organisations, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = ti_database_prepare (
    db, "SELECT name, sector, locality, coalesce(parent_id, 0) FROM organisations WHERE id = ?",
    error);
  g_autofree char *name = NULL;
  g_autofree char *sector = NULL;
  g_autofree char *locality = NULL;
  TiOrganisationEdit edit = { 0 };
  int rc;

  if (stmt == NULL)
    return FALSE;
  edit.id = pick (rand, organisations);
  sqlite3_bind_int64 (stmt, 1, edit.id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return ti_database_set_error_from_sqlite (db, rc, "reading an organisation", error);
  edit.name = name = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  edit.sector = sector = g_strdup ((const char *)sqlite3_column_text (stmt, 1));
  edit.locality = locality = g_strdup ((const char *)sqlite3_column_text (stmt, 2));
  edit.parent_id = sqlite3_column_int64 (stmt, 3);
  edit.headcount = g_rand_int_range (rand, 10, 5000);
  /* The editor read the organisation earlier; its read has ended when it saves. */
  g_clear_pointer (&stmt, sqlite3_finalize);
  return ti_organisations_save (db, &edit, NULL, error);
}

/* The person editor adding someone. */
static gboolean
edit_person (TiDatabase *db, GRand *rand, GArray *organisations, guint32 seed, guint n,
             GError **error)
{
  g_autofree char *name = g_strdup_printf ("Edited Person %u-%u", seed, n);
  g_autofree char *email = g_strdup_printf ("p%u.%u@edit.crash.example", seed, n);
  TiPersonEdit edit = { 0 };

  edit.name = name;
  edit.email = email;
  edit.organisation_id = pick (rand, organisations);
  edit.job_title = "Practice lead";
  edit.role = "staff";
  return ti_people_save (db, &edit, NULL, error);
}

static int
edit_worker (const char *path, const char *seed_text)
{
  guint32 seed = (guint32)g_ascii_strtoull (seed_text, NULL, 10);
  g_autoptr (GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr (GError) error = NULL;
  g_autoptr (TiDatabase) db = NULL;
  g_autoptr (GArray) transfer = NULL;
  g_autoptr (GArray) organisations = NULL;
  /* Only a safety net: the test kills it long before. */
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
  gboolean ok = TRUE;

  /* Never outlive the test. */
  prctl (PR_SET_PDEATHSIG, SIGKILL);

  db = ti_database_open (path, TI_DATABASE_OPEN_DEFAULT, &error);
  if (db != NULL)
    transfer
      = ids_of (db, "SELECT id FROM organisations WHERE name LIKE 'Crash transfer %'", &error);
  if (transfer != NULL)
    organisations
      = ids_of (db, "SELECT id FROM organisations WHERE name NOT LIKE 'Crash %'", &error);
  if (organisations == NULL)
    ok = FALSE;

  for (guint n = 0; ok && g_get_monotonic_time () < deadline; n++)
    {
      switch (n % 4)
        {
        case 0:
          ok = edit_transfer (db, rand, transfer, &error);
          break;
        case 1:
          ok = edit_batch (db, seed, n, &error);
          break;
        case 2:
          ok = edit_organisation (db, rand, organisations, &error);
          break;
        default:
          ok = edit_person (db, rand, organisations, seed, n, &error);
          break;
        }
      /* As fast as a busy window would save, leaving the other processes their turn. */
      g_usleep (g_rand_int_range (rand, 1000, 10000));
    }

  if (!ok)
    {
      g_printerr ("edit worker: %s\n", error->message);
      return EXIT_FAILURE;
    }
  return EXIT_SUCCESS;
}

/* Checks after a round ------------------------------------------------------------------- */

static gint64
count_text (TiDatabase *db, const char *sql, const char *text)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (sqlite3_stmt) stmt = ti_database_prepare (db, sql, &error);

  g_assert_no_error (error);
  sqlite3_bind_text (stmt, 1, text, -1, SQLITE_TRANSIENT);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

/* A programme file whole by its own check. */
static TiDatabase *
open_checked (const char *path, TiDatabaseOpenFlags flags)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TiDatabase) db = ti_database_open (path, flags, &error);
  g_autofree char *summary = NULL;

  if (error != NULL)
    g_test_message ("%s: %s", path, error->message);
  g_assert_no_error (error);
  summary = ti_database_check (db, &error);
  g_assert_no_error (error);
  g_assert_true (strstr (summary, ": healthy") != NULL);
  return g_steal_pointer (&db);
}

static void
check_programme (Job *jobs, guint n_jobs)
{
  g_autoptr (TiDatabase) db = open_checked (crash.path, TI_DATABASE_OPEN_DEFAULT);

  /* Each import whole or not at all: its completions, the people they brought and its audit
   * entry together. One that ended by itself is whole. */
  for (guint i = 0; i < n_jobs; i++)
    {
      Job *job = &jobs[i];
      g_autofree char *email = NULL;
      g_autofree char *base = NULL;
      gint64 completions, people, entries;

      if (job->kind != JOB_IMPORT)
        continue;
      email = g_strconcat ("%@", job->domain, NULL);
      base = g_path_get_basename (job->target);
      completions = count_text (db,
                                "SELECT count(*) FROM tier1_completions t"
                                " JOIN people p ON p.id = t.person_id WHERE p.email LIKE ?1",
                                email);
      people = count_text (db, "SELECT count(*) FROM people WHERE email LIKE ?1", email);
      entries = count_text (db,
                            "SELECT count(*) FROM audit_log WHERE action = 'import'"
                            " AND entity = 'tier1' AND detail LIKE ?1 || ', %'",
                            base);
      if (completions != 0 && completions != job->rows)
        g_test_message ("%s: %" G_GINT64_FORMAT " of its %u rows are in the programme", base,
                        completions, job->rows);
      g_assert_true (completions == 0 || completions == job->rows);
      g_assert_cmpint (people, ==, completions);
      g_assert_cmpint (entries, ==, completions > 0 ? 1 : 0);
      if (!job->killed)
        g_assert_cmpint (completions, ==, job->rows);
      if (completions > 0)
        {
          crash.completions += completions;
          crash.imports_whole++;
        }
      else
        crash.imports_absent++;
    }
  /* And nothing else came or went. */
  g_assert_cmpint (test_count (db, "SELECT count(*) FROM tier1_completions"), ==,
                   crash.completions);

  /* The edits of several rows: whole or not at all as well. */
  g_assert_cmpint (test_count (db, "SELECT sum(headcount) FROM organisations"
                                   " WHERE name LIKE 'Crash transfer %'"),
                   ==, TRANSFER_ORGANISATIONS * TRANSFER_HEADCOUNT);
  g_assert_cmpint (
    test_count (
      db,
      "SELECT count(*) FROM organisations o"
      " WHERE o.name LIKE 'Crash batch %' AND ("
      "  (SELECT count(*) FROM people p"
      "   WHERE p.organisation_id = o.id) <> " G_STRINGIFY (
        BATCH_PEOPLE) "  OR (SELECT count(*) FROM champions c JOIN people p"
                      "   ON p.id = c.person_id WHERE p.organisation_id = o.id) <> " G_STRINGIFY (
                        BATCH_PEOPLE) ")"),
    ==, 0);
}

static guint32
read_le (const guint8 *p, guint size)
{
  guint32 value = 0;

  for (guint i = size; i > 0; i--)
    value = (value << 8) | p[i - 1];
  return value;
}

/* A zip archive is whole when its end record closes the file, its central directory ends
 * where that record begins, and every entry there points at a local header. */
static const char *
zip_problem (const char *path)
{
  g_autofree char *contents = NULL;
  const guint8 *data;
  gsize length = 0;
  gsize end = 0;
  gboolean found = FALSE;
  gsize cd_start, cd_end, p;
  guint entries;

  if (!g_file_get_contents (path, &contents, &length, NULL))
    return "it cannot be read";
  data = (const guint8 *)contents;
  if (length < 22)
    return "it is shorter than a zip's end record";
  /* The end record is the last 22 bytes, unless a comment (at most 65535 bytes) follows. */
  for (end = length - 22;; end--)
    {
      found = read_le (data + end, 4) == 0x06054b50;
      if (found || end == 0 || length - end >= 22 + 65535)
        break;
    }
  if (!found)
    return "it has no end record";
  if (end + 22 + read_le (data + end + 20, 2) != length)
    return "its end record does not end the file";
  entries = read_le (data + end + 10, 2);
  cd_start = read_le (data + end + 16, 4);
  cd_end = cd_start + read_le (data + end + 12, 4);
  if (entries == 0 || cd_end != end)
    return "its central directory does not end where the end record begins";
  p = cd_start;
  for (guint i = 0; i < entries; i++)
    {
      gsize local;

      if (p + 46 > cd_end || read_le (data + p, 4) != 0x02014b50)
        return "its central directory is cut short";
      local = read_le (data + p + 42, 4);
      if (local + 30 > cd_start || read_le (data + local, 4) != 0x04034b50)
        return "an entry points at no local header";
      p += 46 + read_le (data + p + 28, 2) + read_le (data + p + 30, 2)
           + read_le (data + p + 32, 2);
    }
  if (p != cd_end)
    return "its central directory holds more than its entries";
  return NULL;
}

/* Reads the workbook back with an independent reader: every member's checksum, and the parts
 * every workbook has. */
static void
read_back_workbook (const char *path, gboolean with_openpyxl)
{
  static const char zip_check[]
    = "import sys, zipfile\n"
      "z = zipfile.ZipFile(sys.argv[1])\n"
      "bad = z.testzip()\n"
      "assert bad is None, 'damaged member %s' % bad\n"
      "assert {'[Content_Types].xml', 'xl/workbook.xml'} <= set(z.namelist())\n";
  static const char openpyxl_check[] = "import sys, openpyxl\n"
                                       "wb = openpyxl.load_workbook(sys.argv[1], read_only=True)\n"
                                       "assert len(wb.sheetnames) > 1, wb.sheetnames\n"
                                       "print(len(wb.sheetnames))\n";
  const char *argv[]
    = { "/usr/bin/python3", "-c", with_openpyxl ? openpyxl_check : zip_check, path, NULL };
  g_autoptr (GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int wait_status = 0;

  g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &wait_status,
                &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (wait_status, NULL))
    g_test_message ("%s does not read back: %s", path, err);
  g_assert_true (g_spawn_check_wait_status (wait_status, NULL));
  crash.workbooks_read++;
}

/* The check above would catch a workbook cut short anywhere, even by one byte. */
static void
assert_cut_short_caught (const char *path)
{
  g_autofree char *cut = g_build_filename (crash.dir, "cut-short.zip", NULL);
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  for (guint part = 1; part <= 4; part++)
    {
      gsize keep = part < 4 ? length * part / 4 : length - 1;

      g_assert_true (g_file_set_contents (cut, contents, keep, NULL));
      g_assert_nonnull (zip_problem (cut));
    }
  g_unlink (cut);
}

static guint
count_workbook_temporaries (void)
{
  g_autoptr (GDir) dir = g_dir_open (crash.dir, 0, NULL);
  g_autofree char *prefix = g_strdup_printf (".%s-", WORKBOOK_NAME);
  const char *name;
  guint temporaries = 0;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      if (g_str_has_prefix (name, prefix) && strlen (name) == strlen (prefix) + 6)
        temporaries++;
      else
        /* No other workbook, whole or not, under any other name. */
        g_assert_false (g_str_has_suffix (name, ".xlsx") && strcmp (name, WORKBOOK_NAME) != 0);
    }
  return temporaries;
}

static void
check_workbook (Job *jobs, guint n_jobs)
{
  g_autofree char *stamp = NULL;
  const char *problem;
  GStatBuf st;

  if (g_stat (crash.workbook, &st) != 0)
    {
      /* An export that finished left its workbook. */
      for (guint i = 0; i < n_jobs; i++)
        g_assert_false (jobs[i].kind == JOB_EXPORT && !jobs[i].killed);
      return;
    }
  problem = zip_problem (crash.workbook);
  if (problem != NULL)
    g_test_message ("%s is not a whole workbook: %s", crash.workbook, problem);
  g_assert_null (problem);

  stamp = g_strdup_printf ("%" G_GUINT64_FORMAT ":%" G_GUINT64_FORMAT ":%" G_GUINT64_FORMAT
                           ":%" G_GUINT64_FORMAT ".%09ld",
                           (guint64)st.st_dev, (guint64)st.st_ino, (guint64)st.st_size,
                           (guint64)st.st_mtim.tv_sec, st.st_mtim.tv_nsec);
  if (g_strcmp0 (stamp, crash.workbook_stamp) != 0)
    {
      read_back_workbook (crash.workbook, FALSE);
      g_free (crash.workbook_stamp);
      crash.workbook_stamp = g_steal_pointer (&stamp);
    }
}

/* Every backup an import made opens and passes the check; a kill may leave only a partial
 * file under a name that is not a backup's. */
static guint
check_backups (guint *out_partial)
{
  g_autofree char *folder = g_build_filename (crash.dir, "backups", NULL);
  g_autoptr (GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;
  guint checked = 0;

  *out_partial = 0;
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;

      path = g_build_filename (folder, name, NULL);
      /* A copy cut short, with its rollback journal: never under a backup's name. */
      if (strstr (name, ".sqlite.partial") != NULL)
        {
          (*out_partial)++;
          continue;
        }
      /* A kill while the import checked its backup leaves SQLite's files of that read-only
       * connection; nothing ever writes to a backup. */
      if (g_str_has_suffix (name, ".sqlite-shm"))
        continue;
      if (g_str_has_suffix (name, ".sqlite-wal"))
        {
          GStatBuf st;

          /* (Gone when checking its backup just now closed that backup.) */
          g_assert_true (g_stat (path, &st) != 0 || st.st_size == 0);
          continue;
        }
      if (!g_str_has_suffix (name, ".sqlite"))
        g_test_message ("unexpected file among the backups: %s", name);
      g_assert_true (g_str_has_suffix (name, ".sqlite"));
      if (g_hash_table_contains (crash.backups_checked, name))
        continue;
      g_object_unref (open_checked (path, TI_DATABASE_OPEN_READ_ONLY));
      g_hash_table_add (crash.backups_checked, g_strdup (name));
      checked++;
    }
  return checked;
}

/* Set-up --------------------------------------------------------------------------------- */

static void
write_file (const char *path, const char *text)
{
  g_autoptr (GError) error = NULL;

  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
}

/* Waits for a job that is not to be killed; it must succeed. */
static void
run_to_end (Job *job)
{
  int wait_status = 0;
  g_autofree char *output = NULL;

  g_assert_cmpint (waitpid (job->pid, &wait_status, 0), ==, job->pid);
  g_spawn_close_pid (job->pid);
  g_file_get_contents (job->log, &output, NULL, NULL);
  if (!WIFEXITED (wait_status) || WEXITSTATUS (wait_status) != 0)
    g_test_message ("%s failed:\n%s", job_names[job->kind], output);
  g_assert_true (WIFEXITED (wait_status) && WEXITSTATUS (wait_status) == 0);
}

/* Tests ---------------------------------------------------------------------------------- */

/* Tier 1 completions of people new to the programme, all under one email domain. */
static void
write_import (Job *job, guint round, guint index)
{
  g_autoptr (GString) csv = g_string_new ("email,name,organisation,completed_on,source\n");
  g_autofree char *name = g_strdup_printf ("round-%u-%u.csv", round, index);

  job->rows = g_rand_int_range (crash.rand, 1000, 3001);
  job->domain = g_strdup_printf ("r%ui%u.crash.example", round, index);
  for (guint k = 1; k <= job->rows; k++)
    g_string_append_printf (
      csv,
      "learner%u@%s,Learner %u of round %u-%u,Crash import %u,"
      "2023-%02u-%02u,ACEs online learning\n",
      k, job->domain, k, round, index, g_rand_int_range (crash.rand, 1, IMPORT_ORGANISATIONS + 1),
      g_rand_int_range (crash.rand, 1, 13), g_rand_int_range (crash.rand, 1, 29));
  job->target = g_build_filename (crash.dir, name, NULL);
  write_file (job->target, csv->str);
}

static void
job_launch (Job *job)
{
  g_autofree char *db_option = g_strconcat ("--db=", crash.path, NULL);

  switch (job->kind)
    {
    case JOB_IMPORT:
      {
        g_autofree char *import_option = g_strconcat ("--import=tier1:", job->target, NULL);
        job_start_binary (job, db_option, import_option, NULL);
      }
      break;
    case JOB_EDIT:
      {
        g_autofree char *seed = g_strdup_printf ("%u", g_rand_int (crash.rand));
        const char *argv[] = { crash.self, "--edit-worker", crash.path, seed, NULL };
        job_start (job, argv);
      }
      break;
    case JOB_EXPORT:
      {
        g_autofree char *export_option = g_strconcat ("--export-workbook=", crash.workbook, NULL);
        job_start_binary (job, db_option, export_option, NULL);
      }
      break;
    case JOB_DEMO:
    case N_JOB_KINDS:
    default:
      {
        g_autofree char *demo_option = g_strconcat ("--create-demo=", job->target, NULL);
        job_start_binary (job, demo_option, NULL);
      }
      break;
    }
}

/* Set-up ---------------------------------------------------------------------------------- */

/* A demo programme (so that exports and backups take a while), plus organisations of our
 * own: directorates that pass staff between them, and the ones the CSVs name. */
static void
crash_set_up (void)
{
  const char *seed_text = g_getenv ("TI_CRASH_SEED");
  g_autoptr (GString) organisations = g_string_new ("name,sector,locality,headcount\n");
  g_autofree char *organisations_csv = NULL;
  g_autofree char *db_option = NULL;
  g_autofree char *import_option = NULL;
  g_autofree char *demo_option = NULL;
  g_autoptr (TiDatabase) db = NULL;
  g_auto (Job) job = { 0 };
  gint64 start;

  crash.seed
    = seed_text != NULL ? (guint32)g_ascii_strtoull (seed_text, NULL, 10) : g_random_int ();
  g_test_message ("seed %u: replay these choices with TI_CRASH_SEED=%u", crash.seed, crash.seed);
  crash.rand = g_rand_new_with_seed (crash.seed);
  crash.self = g_file_read_link ("/proc/self/exe", NULL);
  g_assert_nonnull (crash.self);
  crash.dir = test_make_tmp_dir ();
  crash.path = g_build_filename (crash.dir, "programme.sqlite", NULL);
  crash.workbook = g_build_filename (crash.dir, WORKBOOK_NAME, NULL);
  crash.tmp = g_build_filename (crash.dir, "tmp", NULL);
  g_assert_cmpint (g_mkdir (crash.tmp, 0700), ==, 0);
  crash.backups_checked = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  job.kind = JOB_DEMO;
  job.log = g_build_filename (crash.dir, "set-up.log", NULL);
  demo_option = g_strconcat ("--create-demo=", crash.path, NULL);
  start = g_get_monotonic_time ();
  job_start_binary (&job, demo_option, NULL);
  run_to_end (&job);
  crash.usual_ms[JOB_DEMO] = (g_get_monotonic_time () - start) / 1000;

  for (guint i = 1; i <= TRANSFER_ORGANISATIONS; i++)
    g_string_append_printf (organisations, "Crash transfer %u,Council,Sedgemoor,%u\n", i,
                            TRANSFER_HEADCOUNT);
  for (guint i = 1; i <= IMPORT_ORGANISATIONS; i++)
    g_string_append_printf (organisations, "Crash import %u,VCSE,County-wide,%u\n", i, 300 * i);
  organisations_csv = g_build_filename (crash.dir, "organisations.csv", NULL);
  write_file (organisations_csv, organisations->str);
  db_option = g_strconcat ("--db=", crash.path, NULL);
  import_option = g_strconcat ("--import=organisations:", organisations_csv, NULL);
  job_start_binary (&job, db_option, import_option, NULL);
  run_to_end (&job);

  /* An import and an export run to the end, timed. */
  job.kind = JOB_IMPORT;
  write_import (&job, 0, 1);
  start = g_get_monotonic_time ();
  job_launch (&job);
  run_to_end (&job);
  crash.usual_ms[JOB_IMPORT] = (g_get_monotonic_time () - start) / 1000;
  job.kind = JOB_EXPORT;
  start = g_get_monotonic_time ();
  job_launch (&job);
  run_to_end (&job);
  crash.usual_ms[JOB_EXPORT] = (g_get_monotonic_time () - start) / 1000;
  g_test_message ("alone, a demo programme took %u ms, an import of %u rows %u ms, an export "
                  "%u ms",
                  crash.usual_ms[JOB_DEMO], job.rows, crash.usual_ms[JOB_IMPORT],
                  crash.usual_ms[JOB_EXPORT]);

  db = open_checked (crash.path, TI_DATABASE_OPEN_DEFAULT);
  crash.completions = test_count (db, "SELECT count(*) FROM tier1_completions");
  g_hash_table_remove_all (crash.backups_checked);
}

static void
crash_tear_down (void)
{
  g_clear_pointer (&crash.rand, g_rand_free);
  g_clear_pointer (&crash.backups_checked, g_hash_table_unref);
  if (crash.dir != NULL)
    test_remove_tree (crash.dir);
  g_clear_pointer (&crash.dir, g_free);
  g_clear_pointer (&crash.path, g_free);
  g_clear_pointer (&crash.workbook, g_free);
  g_clear_pointer (&crash.tmp, g_free);
  g_clear_pointer (&crash.workbook_stamp, g_free);
  g_clear_pointer (&crash.self, g_free);
}

/* --create-demo killed midway: no programme at all, or a whole one. */
static void
test_create_demo_killed (void)
{
  for (guint attempt = 1; attempt <= 2; attempt++)
    {
      g_autofree char *name = g_strdup_printf ("killed-demo-%u.sqlite", attempt);
      g_auto (Job) job = { 0 };
      gint64 start;

      job.kind = JOB_DEMO;
      job.target = g_build_filename (crash.dir, name, NULL);
      job.log = g_strconcat (job.target, ".log", NULL);
      /* Somewhere between a tenth and nine tenths of the time it takes. */
      job.kill_ms = crash.usual_ms[JOB_DEMO] * g_rand_int_range (crash.rand, 10, 91) / 100;
      g_test_message ("create-demo: kill at %u ms of about %u", job.kill_ms,
                      crash.usual_ms[JOB_DEMO]);
      start = g_get_monotonic_time ();
      job_launch (&job);
      jobs_kill_and_reap (&job, 1, start);
      if (g_file_test (job.target, G_FILE_TEST_EXISTS))
        g_object_unref (open_checked (job.target, TI_DATABASE_OPEN_DEFAULT));
      else
        {
          /* Nothing beside it either: SQLite's files stay in the private folder. */
          g_autofree char *wal = g_strconcat (job.target, "-wal", NULL);
          g_autofree char *journal = g_strconcat (job.target, "-journal", NULL);

          g_assert_true (job.killed);
          g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
          g_assert_false (g_file_test (journal, G_FILE_TEST_EXISTS));
        }
    }
}

static guint32
read_be (const guint8 *p)
{
  return ((guint32)p[0] << 24) | ((guint32)p[1] << 16) | ((guint32)p[2] << 8) | p[3];
}

/* A kill inside a checkpoint, made on purpose. A checkpoint copies the pages of the
 * write-ahead log into the programme in page order: the first page, whose header gives the
 * programme's new length, before the pages that lengthen the file, and it empties the log
 * only once all are copied. Killed in between, the file is shorter than its header says, and
 * the log still holds every page: nothing is lost, and SQLite reads it whole. */
static void
test_checkpoint_cut_short (void)
{
  g_autofree char *dir = test_make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "programme.sqlite", NULL);
  g_autofree char *wal_path = g_strconcat (path, "-wal", NULL);
  g_autofree char *killed_dir = g_build_filename (dir, "killed", NULL);
  g_autofree char *killed = g_build_filename (killed_dir, "programme.sqlite", NULL);
  g_autofree char *killed_wal = g_strconcat (killed, "-wal", NULL);
  g_autofree char *wal = NULL;
  g_autofree char *programme = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (TiDatabase) db = NULL;
  const guint8 *page_one = NULL;
  gsize wal_length = 0;
  gsize length = 0;
  guint32 page_size;
  gint64 organisations;

  /* A programme, closed (so its log starts afresh), then a large change left in the log. */
  g_object_unref (open_checked (path, TI_DATABASE_OPEN_CREATE));
  db = open_checked (path, TI_DATABASE_OPEN_DEFAULT);
  g_assert_true (ti_database_exec (db, "PRAGMA wal_autocheckpoint = 0", &error));
  g_assert_true (ti_database_exec (
    db,
    "INSERT INTO organisations (name, sector, locality, headcount)"
    " WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20000)"
    " SELECT 'Cut short ' || i || ' ' || hex (zeroblob (40)), 'council', 'mendip', i FROM n",
    &error));
  g_assert_no_error (error);
  organisations = test_count (db, "SELECT count(*) FROM organisations");

  /* The files as the kill left them: the programme with the log's first page written. */
  g_assert_true (g_file_get_contents (path, &programme, &length, NULL));
  g_assert_true (g_file_get_contents (wal_path, &wal, &wal_length, NULL));
  g_assert_cmpuint (wal_length, >, 32);
  page_size = read_be ((const guint8 *)wal + 8);
  for (gsize at = 32; at + 24 + page_size <= wal_length; at += 24 + page_size)
    {
      const guint8 *frame = (const guint8 *)wal + at;

      /* Frames of this log carry its salt; any after them are an older log's. */
      if (memcmp (frame + 8, wal + 16, 8) != 0)
        break;
      if (read_be (frame) == 1)
        page_one = frame + 24;
    }
  g_assert_nonnull (page_one);
  g_assert_cmpuint (length, >=, page_size);
  memcpy (programme, page_one, page_size);
  /* (The state this test is about: the header claims more than the file holds.) */
  g_assert_cmpuint ((gsize)read_be (page_one + 28) * page_size, >, length);
  g_assert_cmpint (g_mkdir (killed_dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (killed, programme, length, NULL));
  g_assert_true (g_file_set_contents (killed_wal, wal, wal_length, NULL));
  g_clear_object (&db);

  /* It opens, passes the check, and holds the change. */
  db = open_checked (killed, TI_DATABASE_OPEN_DEFAULT);
  g_assert_cmpint (test_count (db, "SELECT count(*) FROM organisations"), ==, organisations);
  g_clear_object (&db);
  test_remove_tree (dir);
}

static void
test_kills (void)
{
  const char *rounds_text = g_getenv ("TI_CRASH_ROUNDS");
  guint rounds
    = rounds_text != NULL ? (guint)g_ascii_strtoull (rounds_text, NULL, 10) : DEFAULT_ROUNDS;
  gint64 began = g_get_monotonic_time ();
  guint backups = 0;
  guint partial = 0;
  guint temporaries;
  guint left_in_tmp = 0;
  gint64 batches, transfers;

  for (guint round = 1; round <= rounds; round++)
    {
      Job jobs[MAX_JOBS] = { { 0 } };
      gint64 spent = g_get_monotonic_time () - began;
      guint n_jobs = g_rand_int_range (crash.rand, 1, MAX_JOBS + 1);
      g_autoptr (GString) plan = g_string_new (NULL);
      gint64 start;

      if (rounds_text == NULL && round > MIN_ROUNDS && spent > ROUNDS_SECONDS * G_USEC_PER_SEC)
        {
          g_test_message ("%u rounds fitted in %d s", round - 1, ROUNDS_SECONDS);
          break;
        }

      for (guint i = 0; i < n_jobs; i++)
        {
          g_autofree char *what = NULL;
          g_autofree char *log = g_strdup_printf ("round-%u-%u.log", round, i + 1);

          jobs[i].kind = g_rand_int_range (crash.rand, 0, JOB_DEMO);
          if (jobs[i].kind == JOB_EDIT)
            jobs[i].kill_ms = g_rand_int_range (crash.rand, 0, EDIT_KILL_MS + 1);
          else
            jobs[i].kill_ms = crash.usual_ms[jobs[i].kind]
                              * g_rand_int_range (crash.rand, 0, MAX_KILL_PERCENT + 1) / 100;
          jobs[i].log = g_build_filename (crash.dir, log, NULL);
          if (jobs[i].kind == JOB_IMPORT)
            write_import (&jobs[i], round, i + 1);
          what = job_describe (&jobs[i]);
          g_string_append_printf (plan, "%s%s", i > 0 ? ", " : "", what);
        }
      g_test_message ("round %u (seed %u): %s", round, crash.seed, plan->str);

      start = g_get_monotonic_time ();
      for (guint i = 0; i < n_jobs; i++)
        job_launch (&jobs[i]);
      jobs_kill_and_reap (jobs, n_jobs, start);

      check_programme (jobs, n_jobs);
      check_workbook (jobs, n_jobs);
      backups += check_backups (&partial);

      for (guint i = 0; i < n_jobs; i++)
        {
          if (jobs[i].target != NULL && jobs[i].kind == JOB_IMPORT)
            g_unlink (jobs[i].target);
          g_unlink (jobs[i].log);
          job_clear (&jobs[i]);
        }
      crash.rounds++;
    }

  temporaries = count_workbook_temporaries ();
  {
    g_autoptr (GDir) dir = g_dir_open (crash.tmp, 0, NULL);

    while (dir != NULL && g_dir_read_name (dir) != NULL)
      left_in_tmp++;
  }
  {
    g_autoptr (TiDatabase) db = open_checked (crash.path, TI_DATABASE_OPEN_DEFAULT);

    batches = test_count (db, "SELECT count(*) FROM organisations WHERE name LIKE 'Crash batch %'");
    transfers = test_count (db, "SELECT count(*) FROM audit_log"
                                " WHERE detail = 'staff moved between directorates'");
  }

  /* Afterwards the programme works as ever: the command line's own check passes, and an
   * export runs to the end beside whatever temporary files the kills left. */
  {
    g_autofree char *db_option = g_strconcat ("--db=", crash.path, NULL);
    g_autofree char *export_option = g_strconcat ("--export-workbook=", crash.workbook, NULL);
    g_auto (Job) job = { 0 };

    job.log = g_build_filename (crash.dir, "after.log", NULL);
    job.kind = JOB_EXPORT;
    job_start_binary (&job, db_option, export_option, NULL);
    run_to_end (&job);
    g_assert_null (zip_problem (crash.workbook));
    read_back_workbook (crash.workbook, TRUE);
    assert_cut_short_caught (crash.workbook);
    job_start_binary (&job, db_option, "--check", NULL);
    run_to_end (&job);
  }

  g_test_message (
    "%u rounds in %.1f s (seed %u): imports %u started, %u killed, %u whole, "
    "%u absent; edits %u started, %u killed, %" G_GINT64_FORMAT
    " directorates and %" G_GINT64_FORMAT " transfers kept; exports %u started, %u killed, "
    "%u workbooks read back; %u backups checked, %u partial backups and "
    "%u workbook temporaries and %u temporary folders left by kills; an import took about %u ms at "
    "the "
    "end, an export %u ms",
    crash.rounds, (g_get_monotonic_time () - began) / (double)G_USEC_PER_SEC, crash.seed,
    crash.started[JOB_IMPORT], crash.killed[JOB_IMPORT], crash.imports_whole, crash.imports_absent,
    crash.started[JOB_EDIT], crash.killed[JOB_EDIT], batches, transfers, crash.started[JOB_EXPORT],
    crash.killed[JOB_EXPORT], crash.workbooks_read, backups, partial, temporaries, left_in_tmp,
    crash.usual_ms[JOB_IMPORT], crash.usual_ms[JOB_EXPORT]);
}

int
main (int argc, char *argv[])
{
  int status;

  if (argc == 4 && strcmp (argv[1], "--edit-worker") == 0)
    return edit_worker (argv[2], argv[3]);

  g_test_init (&argc, &argv, NULL);
  crash_set_up ();
  g_test_add_func ("/crash/create-demo-killed", test_create_demo_killed);
  g_test_add_func ("/crash/checkpoint-cut-short", test_checkpoint_cut_short);
  g_test_add_func ("/crash/kills", test_kills);
  status = g_test_run ();
  crash_tear_down ();
  return status;
}
