/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ti-workbook"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ti-files.h"
#include "ti-format.h"
#include "ti-programme-settings.h"
#include "ti-workbook-private.h"

/*
 * The evaluation workbook: the board's Excel file. Every figure comes from `core`'s figures
 * modules through ti_evaluation_compute() or the same tallies, so the workbook and the
 * dashboards never disagree. This file runs an export: options, the private temporary file
 * beside the target renamed into place only when whole, the C locale for numbers, the cell
 * formats and the document's properties. The sheets are written by ti-workbook-summary.c
 * (Summary, Chart data), ti-workbook-training.c (Tier 1 reach, Sessions, Confidence,
 * Reviews), ti-workbook-people.c (Champions, Organisations), ti-workbook-activity.c (Events,
 * Engagement, Milestones), ti-workbook-network.c (Network) and ti-workbook-notes.c (Notes).
 */

G_DEFINE_QUARK (ti-workbook-error-quark, ti_workbook_error)

/* libxlsxwriter's own temporary files go in a private folder of this name in /tmp. */
#define FOLDER_PREFIX "trauma-informed-workbook-"

/**
 * ti_workbook_options_init:
 * @options: (out caller-allocates): zeroed or cleared options
 * @db: the programme, opened for writing
 *
 * Fills @options from the programme's settings: its evaluation period, its suppression
 * threshold, names not included, statuses judged today. It only reads.
 *
 * Returns: %FALSE with @error set when the settings cannot be read
 */
gboolean
ti_workbook_options_init (TiWorkbookOptions *options, TiDatabase *db, GError **error)
{
  g_autoptr (TiProgrammeSettings) settings = NULL;

  memset (options, 0, sizeof *options);
  settings = ti_programme_settings_load (db, error);
  if (settings == NULL)
    return FALSE;
  options->from = ti_date_to_iso (&settings->period_start);
  options->to = ti_date_to_iso (&settings->period_end);
  options->suppression_threshold = (guint)MAX (settings->suppression_threshold, 0);
  return TRUE;
}

/**
 * ti_workbook_options_clear:
 */
void
ti_workbook_options_clear (TiWorkbookOptions *options)
{
  g_clear_pointer (&options->from, g_free);
  g_clear_pointer (&options->to, g_free);
  g_clear_pointer (&options->today, g_free);
}

static void
note_free (gpointer data)
{
  TiWorkbookNote *note = data;

  g_free (note->sheet);
  g_free (note->text);
  g_free (note);
}

static lxw_format *
add_format (lxw_workbook *workbook, const char *number_format, gboolean bold)
{
  lxw_format *format = workbook_add_format (workbook);

  if (number_format != NULL)
    format_set_num_format (format, number_format);
  if (bold)
    format_set_bold (format);
  format_set_align (format, LXW_ALIGN_VERTICAL_TOP);
  return format;
}

static void
add_formats (TiWorkbookExport *export)
{
  lxw_workbook *wb = export->workbook;
  TiWorkbookFormats *f = &export->formats;

  f->title = add_format (wb, NULL, TRUE);
  format_set_font_size (f->title, 16);
  f->subtitle = add_format (wb, NULL, FALSE);
  format_set_font_color (f->subtitle, 0x595959);
  f->header = add_format (wb, NULL, TRUE);
  format_set_bg_color (f->header, 0xDCE6F1);
  format_set_bottom (f->header, LXW_BORDER_THIN);
  format_set_text_wrap (f->header);
  f->text = add_format (wb, NULL, FALSE);
  f->wrap = add_format (wb, NULL, FALSE);
  format_set_text_wrap (f->wrap);
  f->count = add_format (wb, "#,##0", FALSE);
  f->decimal = add_format (wb, "+0.00;-0.00;0.00", FALSE);
  f->score = add_format (wb, "0.00", FALSE);
  f->fraction = add_format (wb, "0.0000", FALSE);
  f->percent = add_format (wb, "0.0%", FALSE);
  f->date = add_format (wb, "d mmm yyyy", FALSE);
  format_set_align (f->date, LXW_ALIGN_LEFT);
  f->month = add_format (wb, "mmm yyyy", FALSE);
  format_set_align (f->month, LXW_ALIGN_LEFT);
  f->hidden = add_format (wb, NULL, FALSE);
  format_set_align (f->hidden, LXW_ALIGN_RIGHT);
  format_set_italic (f->hidden);
  f->label = add_format (wb, NULL, TRUE);
}

/* The programme's name, the organisation exports name, and the secret behind pseudonyms. */
static gboolean
read_programme (TiWorkbookExport *export, GError **error)
{
  g_autoptr (TiProgrammeSettings) settings = ti_programme_settings_load (export->db, error);
  g_autoptr (sqlite3_stmt) key = NULL;

  if (settings == NULL)
    return FALSE;
  export->programme_name = g_strdup (settings->name);
  export->export_organisation = g_strdup (settings->export_organisation);

  key = ti_database_prepare (export->db,
                             "SELECT value FROM settings WHERE key = 'pseudonym_key'", error);
  if (key == NULL)
    return FALSE;
  if (sqlite3_step (key) != SQLITE_ROW || sqlite3_column_bytes (key, 0) < 32)
    {
      g_set_error_literal (error, TI_WORKBOOK_ERROR, TI_WORKBOOK_ERROR_OPTIONS,
                           _("This programme has no secret for pseudonymous IDs, and none could "
                             "be made."));
      return FALSE;
    }
  export->pseudonym_key = g_strdup ((const char *)sqlite3_column_text (key, 0));
  return TRUE;
}

static gboolean
check_options (const TiWorkbookOptions *options, TiPeriod *period, char today[11], GError **error)
{
  if (!ti_period_init (period, options->from, options->to, error)
      || !ti_day_init (today, options->today, error))
    return FALSE;
  if (options->from != NULL && options->to != NULL && strcmp (options->from, options->to) > 0)
    {
      g_set_error_literal (error, TI_WORKBOOK_ERROR, TI_WORKBOOK_ERROR_OPTIONS,
                           _("The period ends before it starts."));
      return FALSE;
    }
  if (options->suppression_threshold > TI_SUPPRESSION_THRESHOLD_MAX)
    {
      g_set_error (error, TI_WORKBOOK_ERROR, TI_WORKBOOK_ERROR_OPTIONS,
                   _("The small-number threshold can be at most %d."),
                   TI_SUPPRESSION_THRESHOLD_MAX);
      return FALSE;
    }
  return TRUE;
}

/* Title, subject, author and organisation, keywords, and when it was produced. */
static void
set_properties (TiWorkbookExport *export)
{
  g_autofree char *period = ti_format_period (export->options->from, export->options->to);
  g_autofree char *title = g_strdup_printf (_("%s: evaluation workbook"),
                                            export->programme_name);
  g_autofree char *subject = g_strdup_printf (_("Evaluation evidence for the programme board, "
                                                "%s"),
                                              period);
  g_autofree char *safe_title = ti_workbook_safe_text (title);
  g_autofree char *safe_subject = ti_workbook_safe_text (subject);
  g_autofree char *organisation = ti_workbook_safe_text (export->export_organisation);
  g_autofree char *comments = g_strdup_printf (_("Produced by %s %s"), PACKAGE_NAME,
                                               PACKAGE_VERSION);
  lxw_doc_properties properties = {
    .title = safe_title,
    .subject = safe_subject,
    .author = organisation,
    .company = organisation,
    .keywords = (char *)_("trauma-informed, evaluation, training, champions, charter"),
    .comments = comments,
    .created = g_get_real_time () / G_USEC_PER_SEC,
  };

  workbook_set_properties (export->workbook, &properties);
}

static gboolean
check_cancelled (GCancellable *cancellable, GError **error)
{
  return !g_cancellable_set_error_if_cancelled (cancellable, error);
}

/* Writes every sheet in order, telling the progress between them. */
static gboolean
write_sheets (TiWorkbookExport *export, TiProgressFunc progress, gpointer progress_data,
              GCancellable *cancellable, GError **error)
{
  static const struct
  {
    gboolean (*write) (TiWorkbookExport *export, GError **error);
    const char *step;
  } steps[] = {
    { ti_workbook_write_summary, N_ ("Writing the summary and its charts") },
    { ti_workbook_write_training, N_ ("Writing the training sheets") },
    { ti_workbook_write_people, N_ ("Writing the champions and organisations") },
    { ti_workbook_write_activity, N_ ("Writing the events, engagement and milestones") },
    { ti_workbook_write_network, N_ ("Measuring the network") },
    { ti_workbook_write_notes, N_ ("Writing the notes") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      if (!check_cancelled (cancellable, error))
        return FALSE;
      if (progress != NULL)
        progress (0.1 + 0.8 * i / G_N_ELEMENTS (steps), _ (steps[i].step), progress_data);
      if (!steps[i].write (export, error))
        return FALSE;
    }
  return check_cancelled (cancellable, error);
}

/* An export's temporary file beside @data's target: ".NAME.xlsx-" and six characters. */
static gboolean
is_temporary_of (const char *name, gpointer data)
{
  const char *prefix = data;

  return g_str_has_prefix (name, prefix) && strlen (name) == strlen (prefix) + 6;
}

static gboolean
is_private_folder (const char *name, gpointer data)
{
  return g_str_has_prefix (name, FOLDER_PREFIX);
}

/* Removes what exports killed midway left behind: their temporary files beside @path and
 * libxlsxwriter's private folders in /tmp, once older than any export takes, so that a
 * running export's are never touched. */
static void
remove_stale_leftovers (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *prefix = g_strdup_printf (".%s-", base);

  ti_files_remove_stale (dir, is_temporary_of, prefix, TI_WORKBOOK_STALE_SECONDS);
  ti_files_remove_stale (g_get_tmp_dir (), is_private_folder, NULL, TI_WORKBOOK_STALE_SECONDS);
}

/* Refuses, before any work, a target that can never be a workbook: no name, or a folder. */
static gboolean
check_target (const char *path, GError **error)
{
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *display = g_filename_display_name (path);

  if (*path == '\0' || g_str_equal (base, G_DIR_SEPARATOR_S) || g_str_equal (base, "."))
    {
      g_set_error_literal (error, TI_WORKBOOK_ERROR, TI_WORKBOOK_ERROR_WRITE,
                           _("The workbook needs a file name."));
      return FALSE;
    }
  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, TI_WORKBOOK_ERROR, TI_WORKBOOK_ERROR_WRITE,
                   _("“%s” is a folder; choose a file name for the workbook."), display);
      return FALSE;
    }
  return TRUE;
}

/* A private file beside @path to write into: "name.xlsx" → ".name.xlsx-AbC123", mode 0600. */
static char *
temporary_beside (const char *path, GError **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *random = g_strnfill (6, 'X');
  g_autofree char *name = g_strdup_printf (".%s-%s", base, random);
  char *temporary = g_build_filename (dir, name, NULL);
  int fd = g_mkstemp_full (temporary, O_RDWR, 0600);

  if (fd < 0)
    {
      int saved = errno;
      g_autofree char *display = g_filename_display_name (dir);

      g_set_error (error, TI_WORKBOOK_ERROR, TI_WORKBOOK_ERROR_WRITE,
                   _("Could not write in the folder “%s”: %s."), display, g_strerror (saved));
      g_free (temporary);
      return NULL;
    }
  close (fd);
  return temporary;
}

static const char *
describe_lxw_error (lxw_error error, int saved_errno)
{
  switch (error)
    {
    case LXW_ERROR_CREATING_XLSX_FILE:
    case LXW_ERROR_CREATING_TMPFILE:
    case LXW_ERROR_ZIP_FILE_OPERATION:
    case LXW_ERROR_ZIP_FILE_ADD:
    case LXW_ERROR_ZIP_CLOSE:
      return saved_errno != 0 ? g_strerror (saved_errno) : lxw_strerror (error);
    default:
      return lxw_strerror (error);
    }
}

/* Makes sure what was written is on the disk before it takes the target's name. */
static gboolean
sync_file (const char *path, GError **error)
{
  int fd = g_open (path, O_RDONLY, 0);
  gboolean ok = fd >= 0 && fsync (fd) == 0;
  int saved = errno;

  if (fd >= 0)
    close (fd);
  if (!ok)
    g_set_error (error, TI_WORKBOOK_ERROR, TI_WORKBOOK_ERROR_WRITE,
                 _("Could not finish writing the workbook: %s."), g_strerror (saved));
  return ok;
}

static void
export_clear (TiWorkbookExport *export)
{
  g_clear_pointer (&export->evaluation, ti_evaluation_free);
  ti_evaluation_sources_clear (&export->sources);
  g_clear_pointer (&export->pseudonym_key, g_free);
  g_clear_pointer (&export->programme_name, g_free);
  g_clear_pointer (&export->export_organisation, g_free);
  g_clear_pointer (&export->notes, g_ptr_array_unref);
}

/* The first export of a programme gives it the secret its people's pseudonymous IDs are made
 * from (kept in the file, never shown), through a connection of its own: the export's may
 * be read-only, and this never runs on the window's main thread. A programme that may not
 * be written cannot keep one, and IDs from a secret not kept would differ from one export to
 * the next, so it is refused in words. */
static gboolean
ensure_pseudonym_key (TiDatabase *db, GError **error)
{
  const char *path = ti_database_get_path (db);
  g_autoptr (TiDatabase) writer = NULL;
  g_autoptr (GError) local = NULL;
  g_autofree char *display = NULL;
  gint64 keys = ti_database_count (
    db, "SELECT count(*) FROM settings WHERE key = 'pseudonym_key'", &local);

  if (local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  if (keys != 0)
    return TRUE;
  if (ti_database_is_writable (path))
    writer = ti_database_open (path, TI_DATABASE_OPEN_DEFAULT, &local);
  if (writer != NULL
      && ti_database_exec (writer,
                           "INSERT OR IGNORE INTO settings (key, value)"
                           " VALUES ('pseudonym_key', lower (hex (randomblob (32))))",
                           &local))
    return TRUE;
  if (local != NULL && !g_error_matches (local, TI_DATABASE_ERROR, TI_DATABASE_ERROR_READ_ONLY))
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  display = g_filename_display_basename (path);
  g_set_error (error, TI_DATABASE_ERROR, TI_DATABASE_ERROR_READ_ONLY,
               _("This programme is read-only, so “%s” cannot keep the secret its people’s "
                 "pseudonymous IDs are made from, and IDs made without it would change from one "
                 "export to the next. Make the file writable, or save a copy and export from "
                 "the copy."),
               display);
  return FALSE;
}

/* Everything but the file: reads the programme in one snapshot and fills the workbook. */
static gboolean
fill_workbook (TiWorkbookExport *export, TiProgressFunc progress, gpointer progress_data,
               GCancellable *cancellable, GError **error)
{
  gboolean own_transaction;
  gboolean ok;

  if (!ensure_pseudonym_key (export->db, error)
      || !ti_database_snapshot_begin (export->db, &own_transaction, error))
    return FALSE;
  if (progress != NULL)
    progress (0.02, _("Counting the figures"), progress_data);
  ok = read_programme (export, error)
       && (export->evaluation
           = ti_evaluation_compute_keeping (export->db, export->options->from,
                                            export->options->to, export->today,
                                            &export->sources, error))
            != NULL
       && write_sheets (export, progress, progress_data, cancellable, error);
  ti_database_snapshot_end (export->db, own_transaction);
  return ok;
}

/**
 * ti_workbook_export:
 * @db: the programme
 * @path: where the workbook goes; replaced only when the new one is complete
 * @options: what goes into it
 * @progress: (nullable) (scope call): told how far it has gone, from this thread
 * @cancellable: (nullable): stops the export, leaving nothing behind
 *
 * Writes the evaluation workbook. It is written to a private temporary file beside @path and
 * renamed into place only when complete, so a failed or cancelled export leaves nothing
 * behind and an earlier file of that name untouched; a temporary file left by an export
 * that was killed is removed by the next export to @path. Numbers are written the same in every
 * locale. The file is readable by its owner only: it may hold names.
 *
 * Returns: %FALSE with @error set (%TI_WORKBOOK_ERROR, a period error, a database error, or
 *   %G_IO_ERROR_CANCELLED)
 */
gboolean
ti_workbook_export (TiDatabase *db, const char *path, const TiWorkbookOptions *options,
                    TiProgressFunc progress, gpointer progress_data, GCancellable *cancellable,
                    GError **error)
{
  TiWorkbookExport export = { .db = db, .options = options };
  g_autofree char *temporary = NULL;
  g_autofree char *tmpdir = NULL;
  g_autofree char *template = NULL;
  g_autofree char *random = g_strnfill (6, 'X');
  locale_t c_numeric = (locale_t)0, previous = (locale_t)0;
  lxw_workbook_options lxw_options = { 0 };
  lxw_error closed;
  gboolean closed_attempted = FALSE;
  gboolean ok;

  g_return_val_if_fail (TI_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (path != NULL && options != NULL, FALSE);

  if (!check_options (options, &export.period, export.today, error)
      || !check_target (path, error))
    return FALSE;

  remove_stale_leftovers (path);
  temporary = temporary_beside (path, error);
  if (temporary == NULL)
    return FALSE;
  /* libxlsxwriter's own temporary files, in a folder only we can read. */
  template = g_strdup_printf (FOLDER_PREFIX "%s", random);
  tmpdir = g_dir_make_tmp (template, error);
  if (tmpdir == NULL)
    {
      g_unlink (temporary);
      return FALSE;
    }

  /* libxlsxwriter prints numbers with this thread's locale: make it C for numbers. */
  c_numeric = newlocale (LC_NUMERIC_MASK, "C", duplocale (uselocale ((locale_t)0)));
  if (c_numeric != (locale_t)0)
    previous = uselocale (c_numeric);

  lxw_options.tmpdir = tmpdir;
  export.workbook = workbook_new_opt (temporary, &lxw_options);
  export.notes = g_ptr_array_new_with_free_func (note_free);
  if (export.workbook == NULL)
    {
      g_set_error_literal (error, TI_WORKBOOK_ERROR, TI_WORKBOOK_ERROR_WRITE,
                           _("Could not start the workbook: out of memory."));
      ok = FALSE;
    }
  else
    {
      add_formats (&export);
      ok = fill_workbook (&export, progress, progress_data, cancellable, error);
      if (ok && export.write_errors > 0)
        {
          g_set_error (error, TI_WORKBOOK_ERROR, TI_WORKBOOK_ERROR_WRITE,
                       g_dngettext (GETTEXT_PACKAGE, "%u cell could not be written: %s.",
                                    "%u cells could not be written: %s.", export.write_errors),
                       export.write_errors, lxw_strerror (export.first_write_error));
          ok = FALSE;
        }
      if (ok)
        {
          set_properties (&export);
          if (progress != NULL)
            progress (0.92, _("Saving the file"), progress_data);
          errno = 0;
          closed_attempted = TRUE;
          closed = workbook_close (export.workbook);
          if (closed != LXW_NO_ERROR)
            {
              g_set_error (error, TI_WORKBOOK_ERROR, TI_WORKBOOK_ERROR_WRITE,
                           _("Could not write the workbook: %s."),
                           describe_lxw_error (closed, errno));
              ok = FALSE;
            }
        }
      if (!ok && export.workbook != NULL && !closed_attempted)
        lxw_workbook_free (export.workbook);
    }

  if (c_numeric != (locale_t)0)
    {
      uselocale (previous);
      freelocale (c_numeric);
    }
  ti_files_remove_folder (tmpdir);
  export_clear (&export);

  if (ok)
    ok = sync_file (temporary, error);
  if (ok && g_rename (temporary, path) != 0)
    {
      int saved = errno;
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (error, TI_WORKBOOK_ERROR, TI_WORKBOOK_ERROR_WRITE,
                   _("Could not save the workbook as “%s”: %s."), display, g_strerror (saved));
      ok = FALSE;
    }
  if (!ok)
    g_unlink (temporary);
  else if (progress != NULL)
    progress (1.0, _("Done"), progress_data);
  return ok;
}

/* What the worker writes: the target and a copy of the options. */
typedef struct
{
  char *path;
  TiWorkbookOptions options;
  TiProgressFunc progress;
  gpointer progress_data;
  GCancellable *cancellable;
} ExportJob;

static void
export_job_free (gpointer data)
{
  ExportJob *job = data;

  g_free (job->path);
  ti_workbook_options_clear (&job->options);
  g_clear_object (&job->cancellable);
  g_free (job);
}

static gpointer
export_in_worker (TiDatabase *db, gpointer data, GError **error)
{
  ExportJob *job = data;

  if (!ti_workbook_export (db, job->path, &job->options, job->progress, job->progress_data,
                           job->cancellable, error))
    return NULL;
  return GINT_TO_POINTER (TRUE);
}

static void
nothing_to_free (gpointer data)
{
}

/**
 * ti_workbook_export_async:
 * @db_path: the programme file; the worker opens its own read-only connection
 * @path: as for ti_workbook_export()
 * @options: copied
 * @progress: (nullable): called from the worker thread: marshal to the main loop yourself
 *
 * Writes the evaluation workbook in a worker thread; see ti_workbook_export().
 */
void
ti_workbook_export_async (const char *db_path, const char *path, const TiWorkbookOptions *options,
                          TiProgressFunc progress, gpointer progress_data,
                          GCancellable *cancellable, GAsyncReadyCallback callback,
                          gpointer user_data)
{
  ExportJob *job = g_new0 (ExportJob, 1);

  job->path = g_strdup (path);
  job->options.from = g_strdup (options->from);
  job->options.to = g_strdup (options->to);
  job->options.today = g_strdup (options->today);
  job->options.include_names = options->include_names;
  job->options.suppression_threshold = options->suppression_threshold;
  job->progress = progress;
  job->progress_data = progress_data;
  job->cancellable = cancellable != NULL ? g_object_ref (cancellable) : NULL;
  /* The export checks @cancellable itself; the task is not given it, so that a cancel coming
   * after the file was renamed into place cannot report a written workbook as cancelled. */
  ti_database_read_async (db_path, export_in_worker, job, export_job_free, nothing_to_free,
                          NULL, callback, user_data);
}

/**
 * ti_workbook_export_finish:
 *
 * Returns: %TRUE when the workbook was written; %FALSE with @error set otherwise
 */
gboolean
ti_workbook_export_finish (GAsyncResult *result, GError **error)
{
  return ti_database_read_finish (result, error) != NULL;
}
