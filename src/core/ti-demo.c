/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ti-demo"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "ti-demo-private.h"
#include "ti-files.h"

/* g_mkdtemp() replaces these six characters with a unique name. */
#define TEMPLATE_SUFFIX "XX" "XX" "XX"

/* How long a private folder's files stay unchanged before it counts as left behind by a
 * run that was killed: the programme file in it changes all the while it is written. */
#define STALE_SECONDS (15 * 60)

/*
 * The demo programme: a realistic Trauma Informed Somerset, from the January 2023 launch
 * to a fixed "today" of 31 October 2024, with the partners the scrutiny report names and
 * fictional people. It is deterministic: the same scale always writes the same content,
 * so it draws from its own seeded generator (never g_random) and never reads the clock.
 *
 * The file is written whole or not at all: the programme is generated into a private
 * folder beside the target and linked into place only when complete.
 *
 * The steps live in ti-demo-*.c, one concern each; this file runs them in order, reports
 * progress and cancellation, and moves the finished file into place.
 */

/* ------------------------------------------------------------------------------------- */
/* The steps and the builder they share                                                    */

static const struct
{
  const char *words;
  double weight; /* share of the time it takes, measured at scale 10 */
} steps[N_STEPS] = {
  [STEP_ORGANISATIONS] = { N_("Organisations"), 0.5 },
  [STEP_PEOPLE] = { N_("People"), 52 },
  [STEP_CHAMPIONS] = { N_("Champions"), 1 },
  [STEP_TIER1] = { N_("Tier 1 completions"), 24 },
  [STEP_SESSIONS] = { N_("Tier 2 and 3 sessions"), 4 },
  [STEP_ATTENDANCE] = { N_("Attendance"), 10 },
  [STEP_REVIEWS] = { N_("Reviews"), 1.5 },
  [STEP_CHARTER] = { N_("Charter adoption"), 0.3 },
  [STEP_EVENTS] = { N_("Network events"), 3 },
  [STEP_ENGAGEMENT] = { N_("Engagement"), 0.2 },
  [STEP_MILESTONES] = { N_("Milestones"), 0.2 },
  [STEP_FINISHING] = { N_("Finishing"), 3.3 },
};

static void
org_clear (gpointer data)
{
  DemoOrg *org = data;

  g_free (org->name);
  g_free (org->domain);
}

static DemoBuilder *
builder_new (TiDatabase *db, guint scale, TiProgressFunc progress, gpointer progress_data,
             GCancellable *cancellable)
{
  DemoBuilder *b = g_new0 (DemoBuilder, 1);

  b->db = db;
  b->scale = scale;
  b->progress = progress;
  b->progress_data = progress_data;
  b->cancellable = cancellable;
  ti_demo_calendar_init (b);

  b->first_ascii = g_new0 (char *, ti_demo_n_first_names + 1);
  b->last_ascii = g_new0 (char *, ti_demo_n_last_names + 1);
  for (guint i = 0; ti_demo_first_names[i]; i++)
    b->first_ascii[i] = ti_demo_ascii_slug (ti_demo_first_names[i], 0);
  for (guint i = 0; ti_demo_last_names[i]; i++)
    b->last_ascii[i] = ti_demo_ascii_slug (ti_demo_last_names[i], 0);

  b->orgs = g_array_new (FALSE, TRUE, sizeof (DemoOrg));
  g_array_set_clear_func (b->orgs, org_clear);
  b->org_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  b->people = g_array_new (FALSE, TRUE, sizeof (DemoPerson));
  b->completions = g_array_new (FALSE, TRUE, sizeof (DemoCompletion));
  b->champions = g_array_new (FALSE, TRUE, sizeof (DemoChampion));
  b->sessions = g_array_new (FALSE, TRUE, sizeof (DemoSession));
  return b;
}

static void
builder_free (DemoBuilder *b)
{
  g_strfreev (b->first_ascii);
  g_strfreev (b->last_ascii);
  g_array_unref (b->orgs);
  g_hash_table_unref (b->org_names);
  g_array_unref (b->people);
  g_array_unref (b->completions);
  g_array_unref (b->champions);
  g_array_unref (b->sessions);
  g_free (b->by_since);
  g_free (b->host_weights);
  g_free (b->stamp);
  g_free (b);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DemoBuilder, builder_free)

/* ------------------------------------------------------------------------------------- */
/* Binding, progress and cancellation, shared by every step.                               */

void
ti_demo_bind_text (sqlite3_stmt *stmt, int column, const char *text)
{
  if (text != NULL)
    sqlite3_bind_text (stmt, column, text, -1, SQLITE_STATIC);
  else
    sqlite3_bind_null (stmt, column);
}

void
ti_demo_bind_day (DemoBuilder *b, sqlite3_stmt *stmt, int column, int day)
{
  ti_demo_bind_text (stmt, column, day >= 0 ? ti_demo_iso (b, day) : NULL);
}

/* An id or a score: zero (none given) is stored as NULL. */
void
ti_demo_bind_positive (sqlite3_stmt *stmt, int column, gint64 value)
{
  if (value > 0)
    sqlite3_bind_int64 (stmt, column, value);
  else
    sqlite3_bind_null (stmt, column);
}

void
ti_demo_report (DemoBuilder *b, double within)
{
  double total = 0, done = 0;

  if (b->progress == NULL)
    return;
  for (guint i = 0; i < N_STEPS; i++)
    {
      total += steps[i].weight;
      if (i < b->step)
        done += steps[i].weight;
    }
  done += steps[b->step].weight * CLAMP (within, 0.0, 1.0);
  b->progress (done / total, _(steps[b->step].words), b->progress_data);
}

gboolean
ti_demo_step_begin (DemoBuilder *b, DemoStep step, GError **error)
{
  b->step = step;
  /* One stream per step, so that each kind of record does not depend on the others. */
  ti_demo_rng_seed (&b->rng, step + 1);
  ti_demo_report (b, 0);
  return !g_cancellable_set_error_if_cancelled (b->cancellable, error);
}

/* Called inside long loops: reports progress and notices cancellation now and then. */
gboolean
ti_demo_step_tick (DemoBuilder *b, guint done, guint total, GError **error)
{
  if ((done & 4095) != 0)
    return TRUE;
  ti_demo_report (b, total > 0 ? (double) done / total : 0);
  return !g_cancellable_set_error_if_cancelled (b->cancellable, error);
}

gboolean
ti_demo_step_done (DemoBuilder *b, sqlite3_stmt *stmt, GError **error)
{
  return ti_database_step_done (b->db, stmt, error);
}

/* The programme file records how it was made. */
static gboolean
write_audit_entry (DemoBuilder *b, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = ti_database_prepare (
    b->db,
    "INSERT INTO audit_log (at, action, entity, entity_id, detail)"
    " VALUES ('2024-10-31T17:30:00Z', 'create', 'programme', NULL, ?)",
    error);
  g_autofree char *detail = g_strdup_printf ("demo programme generated at scale %u", b->scale);

  if (stmt == NULL)
    return FALSE;
  ti_demo_bind_text (stmt, 1, detail);
  return ti_demo_step_done (b, stmt, error);
}

/* The secret behind exports' pseudonymous IDs (ti_workbook_options_init()), fixed for the
 * demo's fictional people so that the same scale writes the same file. */
static gboolean
write_pseudonym_key (DemoBuilder *b, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = ti_database_prepare (
    b->db, "INSERT OR REPLACE INTO settings (key, value) VALUES ('pseudonym_key', ?)", error);
  g_autofree char *seed = g_strdup_printf ("demo programme, scale %u", b->scale);
  g_autofree char *key = g_compute_checksum_for_string (G_CHECKSUM_SHA256, seed, -1);

  if (stmt == NULL)
    return FALSE;
  ti_demo_bind_text (stmt, 1, key);
  return ti_demo_step_done (b, stmt, error);
}

static gboolean
builder_run (DemoBuilder *b, GError **error)
{
  return ti_demo_write_organisations (b, error)
         && ti_demo_write_people (b, error)
         && ti_demo_write_champions (b, error)
         && ti_demo_write_tier1 (b, error)
         && ti_demo_write_sessions (b, error)
         && ti_demo_write_attendance (b, error)
         && ti_demo_write_reviews (b, error)
         && ti_demo_write_charter (b, error)
         && ti_demo_write_events (b, error)
         && ti_demo_write_engagement (b, error)
         && ti_demo_write_milestones (b, error)
         && write_pseudonym_key (b, error) && write_audit_entry (b, error);
}

/* ------------------------------------------------------------------------------------- */
/* Writing the file whole or not at all                                                    */

static void
set_exists_error (const char *path, GError **error)
{
  g_autofree char *display = g_filename_display_name (path);

  g_set_error (error, TI_DATABASE_ERROR, TI_DATABASE_ERROR_EXISTS,
               _("“%s” already exists; the demo programme was not written. Choose a new file "
                 "name."),
               display);
}

static gboolean
set_io_error (const char *path, int saved_errno, GError **error)
{
  g_autofree char *display = g_filename_display_name (path);

  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
               _("Could not write the demo programme to “%s”: %s."), display,
               g_strerror (saved_errno));
  return FALSE;
}

static gboolean
write_programme (const char *tmp_path, guint scale, TiProgressFunc progress,
                 gpointer progress_data, GCancellable *cancellable, GError **error)
{
  g_autoptr (TiDatabase) db = NULL;
  g_autoptr (DemoBuilder) b = NULL;
  g_autofree char *wal = g_strconcat (tmp_path, "-wal", NULL);
  GStatBuf st;

  db = ti_database_open (tmp_path, TI_DATABASE_OPEN_CREATE | TI_DATABASE_OPEN_EXCLUSIVE, error);
  if (db == NULL)
    return FALSE;

  /* The file is a private temporary, deleted on any failure and moved into place only when
   * complete, so while it is written it need not survive a crash: no syncing, and a
   * rollback journal in memory rather than a WAL as large as the file. */
  if (!ti_database_exec (db,
                         "PRAGMA journal_mode = MEMORY;"
                         "PRAGMA synchronous = OFF;"
                         "PRAGMA cache_size = -65536;"
                         "PRAGMA temp_store = MEMORY",
                         error))
    return FALSE;

  b = builder_new (db, scale, progress, progress_data, cancellable);
  if (!ti_database_begin (db, error))
    return FALSE;
  if (!builder_run (b, error)
      || !ti_demo_step_begin (b, STEP_FINISHING, error)
      /* Planner statistics, so the first queries on a big programme are quick. */
      || !ti_database_exec (db, "PRAGMA analysis_limit = 1000; ANALYZE", error)
      || !ti_database_commit (db, error))
    {
      ti_database_rollback (db);
      return FALSE;
    }
  ti_demo_report (b, 0.5);

  /* Back to the journal every programme file uses; closing the last connection
   * checkpoints and removes the WAL. */
  if (!ti_database_exec (db,
                         "PRAGMA synchronous = NORMAL;"
                         "PRAGMA journal_mode = WAL;"
                         "PRAGMA wal_checkpoint(TRUNCATE)",
                         error))
    return FALSE;
  g_clear_pointer (&b, builder_free);
  g_clear_object (&db);

  if (g_stat (wal, &st) == 0 && st.st_size > 0)
    {
      g_set_error (error, TI_DATABASE_ERROR, TI_DATABASE_ERROR_FAILED,
                   _("The demo programme could not be completed: its journal was not written "
                     "back."));
      return FALSE;
    }
  return TRUE;
}

/* The data must be on disk before the name points at it. */
static gboolean
sync_path (const char *path, gboolean directory, GError **error)
{
  int fd = g_open (path, O_RDONLY | O_CLOEXEC | (directory ? O_DIRECTORY : 0), 0);
  int saved;

  if (fd >= 0 && fsync (fd) == 0)
    {
      close (fd);
      return TRUE;
    }
  saved = errno;
  if (fd >= 0)
    close (fd);
  if (directory)
    return TRUE; /* not every file system can sync a folder; the file itself is safe */
  return set_io_error (path, saved, error);
}

static gboolean
move_into_place (const char *tmp_path, const char *path, GError **error)
{
  GStatBuf st;
  int saved;

  /* link() never replaces a file that appeared meanwhile; rename() would. */
  if (link (tmp_path, path) == 0)
    return TRUE;
  saved = errno;
  if (saved == EEXIST)
    {
      set_exists_error (path, error);
      return FALSE;
    }
  if (saved == EPERM || saved == EOPNOTSUPP || saved == ENOSYS || saved == EMLINK)
    {
      /* A file system without hard links: look once more, then rename. */
      if (g_lstat (path, &st) == 0)
        {
          set_exists_error (path, error);
          return FALSE;
        }
      if (g_rename (tmp_path, path) == 0)
        return TRUE;
      saved = errno;
    }
  return set_io_error (path, saved, error);
}


/* Whether @name is a private folder of a demo of this name (@prefix, ".NAME.partial-", and
 * six characters). */
static gboolean
is_partial (const char *name, gpointer prefix)
{
  return g_str_has_prefix (name, prefix)
         && strlen (name) == strlen (prefix) + strlen (TEMPLATE_SUFFIX);
}

/* Removes the private folders that runs killed midway left in @dir for a demo named @base
 * (a run still writing one keeps it: its file changes all the while). */
static void
remove_stale_partials (const char *dir, const char *base)
{
  g_autofree char *prefix = g_strdup_printf (".%s.partial-", base);

  ti_files_remove_stale (dir, is_partial, prefix, STALE_SECONDS);
}

/**
 * ti_demo_create:
 * @path: the programme file to write; it must not exist
 * @scale: 1 for a county (about 150 organisations, 600 champions, 25,000 Tier 1
 *   completions, 1,000 sessions), larger multiplies it, up to %TI_DEMO_MAX_SCALE
 * @progress: (nullable) (scope call): called from this thread as the work goes on
 * @progress_data: data for @progress
 * @cancellable: (nullable): stops the work; nothing is left behind
 * @error: return location for an error
 *
 * Writes a realistic, deterministic demo programme: the same @scale always gives the same
 * content. The file (mode 0600) appears whole or not at all; an existing file is never
 * replaced. What a run killed midway left beside @path is removed once it has stayed
 * unchanged for 15 minutes.
 *
 * Returns: %TRUE when the file was written
 */
gboolean
ti_demo_create (const char *path, guint scale, TiProgressFunc progress, gpointer progress_data,
                GCancellable *cancellable, GError **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *template = NULL;
  g_autofree char *tmp_dir = NULL;
  g_autofree char *tmp_path = NULL;
  GStatBuf st;
  gboolean ok;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  if (scale < 1 || scale > TI_DEMO_MAX_SCALE)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("The scale of a demo programme must be a whole number from 1 to %d, "
                     "not %u."),
                   TI_DEMO_MAX_SCALE, scale);
      return FALSE;
    }
  if (g_lstat (path, &st) == 0)
    {
      set_exists_error (path, error);
      return FALSE;
    }

  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    return set_io_error (path, errno, error);
  remove_stale_partials (dir, base);

  /* A private folder beside the target: same file system, so the final link is atomic,
   * and SQLite's side files stay inside it. */
  template = g_strdup_printf (".%s.partial-%s", base, TEMPLATE_SUFFIX);
  tmp_dir = g_build_filename (dir, template, NULL);
  if (g_mkdtemp (tmp_dir) == NULL)
    return set_io_error (path, errno, error);
  tmp_path = g_build_filename (tmp_dir, base, NULL);

  ok = write_programme (tmp_path, scale, progress, progress_data, cancellable, error)
       && sync_path (tmp_path, FALSE, error)
       && move_into_place (tmp_path, path, error);
  ti_files_remove_folder (tmp_dir);
  if (!ok)
    return FALSE;

  sync_path (dir, TRUE, NULL);
  if (progress != NULL)
    progress (1.0, _(steps[STEP_FINISHING].words), progress_data);
  return TRUE;
}

typedef struct
{
  char *path;
  guint scale;
} DemoTaskData;

static void
demo_task_data_free (gpointer data)
{
  DemoTaskData *task_data = data;

  g_free (task_data->path);
  g_free (task_data);
}

static void
create_in_thread (GTask *task, G_GNUC_UNUSED gpointer source_object, gpointer data,
                  GCancellable *cancellable)
{
  DemoTaskData *task_data = data;
  GError *error = NULL;

  if (ti_demo_create (task_data->path, task_data->scale, NULL, NULL, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * ti_demo_create_async:
 *
 * Runs ti_demo_create() in a worker thread.
 */
void
ti_demo_create_async (const char *path, guint scale, GCancellable *cancellable,
                      GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr (GTask) task = NULL;
  DemoTaskData *task_data;

  g_return_if_fail (path != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, ti_demo_create_async);
  task_data = g_new0 (DemoTaskData, 1);
  task_data->path = g_strdup (path);
  task_data->scale = scale;
  g_task_set_task_data (task, task_data, demo_task_data_free);
  g_task_run_in_thread (task, create_in_thread);
}

/**
 * ti_demo_create_finish:
 *
 * Returns: %TRUE when the file was written, or %FALSE with @error set
 */
gboolean
ti_demo_create_finish (GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == ti_demo_create_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
