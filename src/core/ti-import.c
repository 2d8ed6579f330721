/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ti-import"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ti-backups.h"
#include "ti-format.h"
#include "ti-validation.h"
#include "ti-import-private.h"

/*
 * CSV import, all or nothing: every record is read and checked, every problem collected
 * with its line, and only a file without problems is written, in one transaction with one
 * audit entry. A killed process therefore leaves the programme as it was.
 */

G_DEFINE_QUARK (ti - import - error - quark, ti_import_error)

static const TiImportField organisation_fields[N_ORGANISATION_FIELDS] = {
  [ORGANISATION_NAME] = { "name", N_ ("The organisation’s name"), TRUE },
  [ORGANISATION_SECTOR] = { "sector", N_ ("Its sector"), TRUE },
  [ORGANISATION_LOCALITY] = { "locality", N_ ("Its locality"), TRUE },
  [ORGANISATION_HEADCOUNT] = { "headcount", N_ ("How many staff it has"), FALSE },
  [ORGANISATION_PARENT] = { "parent", N_ ("The organisation it is part of"), FALSE },
};

static const TiImportField person_fields[N_PERSON_FIELDS] = {
  [PERSON_NAME] = { "name", N_ ("The person’s name"), TRUE },
  [PERSON_EMAIL] = { "email", N_ ("Their work email address"), TRUE },
  [PERSON_ORGANISATION] = { "organisation", N_ ("The organisation they work for"), TRUE },
  [PERSON_JOB_TITLE] = { "job_title", N_ ("Their job title"), FALSE },
  [PERSON_LOCALITY] = { "locality", N_ ("Where they work"), FALSE },
  [PERSON_CHAMPION] = { "champion", N_ ("Whether they are a champion: yes or no"), FALSE },
  [PERSON_CHAMPION_SINCE] = { "champion_since", N_ ("The date they became a champion"), FALSE },
};

/* A Learning Centre or ACEs online learning export names its columns its own way; these are
 * the names it uses, for the window's assistant to match. */
static const char *const tier1_email_aliases[]
  = { "Email Address", "E-mail Address", "Learner Email", "Work Email", "User Email", NULL };
static const char *const tier1_name_aliases[]
  = { "Learner Name", "Full Name", "Learner", "Employee Name", "Staff Name", NULL };
static const char *const tier1_organisation_aliases[]
  = { "Organisation Name", "Organization", "Organization Name", "Department", "Employer", NULL };
static const char *const tier1_completed_on_aliases[] = { "Completion Date",    "Date Completed",
                                                          "Completed",          "Completed Date",
                                                          "Date of Completion", NULL };
static const char *const tier1_source_aliases[]
  = { "Course Title", "Course", "Course Name", "Learning Title", NULL };

static const TiImportField tier1_fields[N_TIER1_FIELDS] = {
  [TIER1_EMAIL] = { "email", N_ ("The work email address of the person who completed it"), FALSE,
                    tier1_email_aliases },
  [TIER1_NAME] = { "name", N_ ("Their name"), TRUE, tier1_name_aliases },
  [TIER1_ORGANISATION]
  = { "organisation", N_ ("The organisation they work for"), TRUE, tier1_organisation_aliases },
  [TIER1_COMPLETED_ON]
  = { "completed_on", N_ ("The date they completed Tier 1"), TRUE, tier1_completed_on_aliases,
      N_ ("completion date") },
  [TIER1_SOURCE] = { "source", N_ ("Where they completed it: the course or the learning site"),
                     FALSE, tier1_source_aliases },
};

typedef struct
{
  const char *name;
  const TiImportField *fields;
  guint n_fields;
  gboolean (*run) (TiImportContext *ctx, GError **error);
} TiImportFormat;

/* Indexed by TiImportKind. */
static const TiImportFormat formats[] = {
  [TI_IMPORT_ORGANISATIONS]
  = { "organisations", organisation_fields, N_ORGANISATION_FIELDS, ti_import_organisations_run },
  [TI_IMPORT_PEOPLE] = { "people", person_fields, N_PERSON_FIELDS, ti_import_people_run },
  [TI_IMPORT_TIER1] = { "tier1", tier1_fields, N_TIER1_FIELDS, ti_import_tier1_run },
};

static const char *const kind_names[] = { "organisations", "people", "tier1", NULL };

G_STATIC_ASSERT (G_N_ELEMENTS (kind_names) == G_N_ELEMENTS (formats) + 1);

static const TiImportFormat *
format_for (TiImportKind kind)
{
  g_return_val_if_fail ((guint)kind < G_N_ELEMENTS (formats), &formats[0]);
  return &formats[kind];
}

/**
 * ti_import_kind_names:
 *
 * Returns: (transfer none) (array zero-terminated=1): the kinds, as the command line spells them
 */
const char *const *
ti_import_kind_names (void)
{
  return kind_names;
}

/**
 * ti_import_kind_from_string:
 * @text: "organisations", "people" or "tier1", in any case
 * @kind: (out): the kind
 *
 * Returns: %TRUE when @text names a kind; otherwise %FALSE with @error listing the kinds
 */
gboolean
ti_import_kind_from_string (const char *text, TiImportKind *kind, GError **error)
{
  g_autofree char *kinds = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (text != NULL && g_ascii_strcasecmp (text, formats[i].name) == 0)
      {
        *kind = (TiImportKind)i;
        return TRUE;
      }
  kinds = g_strjoinv (", ", (char **)kind_names);
  g_set_error (error, TI_IMPORT_ERROR, TI_IMPORT_ERROR_UNKNOWN_KIND,
               _ ("“%s” is not something that can be imported; the kinds are: %s."),
               text != NULL ? text : "", kinds);
  return FALSE;
}

const char *
ti_import_kind_to_string (TiImportKind kind)
{
  return format_for (kind)->name;
}

/**
 * ti_import_kind_get_fields:
 * @n_fields: (out): how many
 *
 * Returns: (transfer none) (array length=n_fields): the fields of @kind, in canonical order
 */
const TiImportField *
ti_import_kind_get_fields (TiImportKind kind, guint *n_fields)
{
  const TiImportFormat *format = format_for (kind);

  *n_fields = format->n_fields;
  return format->fields;
}

/* ---------------------------------------------------------------------------------- */

struct _TiImportMapping
{
  TiImportKind kind;
  char **headers; /* per field: the file's header, or NULL when the field is not imported */
};

G_DEFINE_BOXED_TYPE (TiImportMapping, ti_import_mapping, ti_import_mapping_copy,
                     ti_import_mapping_free)

static int
field_index (TiImportKind kind, const char *field)
{
  const TiImportFormat *format = format_for (kind);

  for (guint i = 0; i < format->n_fields; i++)
    if (g_strcmp0 (format->fields[i].name, field) == 0)
      return (int)i;
  return -1;
}

/**
 * ti_import_mapping_new:
 *
 * Returns: (transfer full): a mapping of each field of @kind to its canonical header
 */
TiImportMapping *
ti_import_mapping_new (TiImportKind kind)
{
  const TiImportFormat *format = format_for (kind);
  TiImportMapping *self = g_new0 (TiImportMapping, 1);

  self->kind = kind;
  self->headers = g_new0 (char *, format->n_fields + 1);
  for (guint i = 0; i < format->n_fields; i++)
    self->headers[i] = g_strdup (format->fields[i].name);
  return self;
}

/**
 * ti_import_mapping_copy:
 *
 * Returns: (transfer full): a copy of @self
 */
TiImportMapping *
ti_import_mapping_copy (const TiImportMapping *self)
{
  TiImportMapping *copy = ti_import_mapping_new (self->kind);
  const TiImportFormat *format = format_for (self->kind);

  for (guint i = 0; i < format->n_fields; i++)
    g_free (g_steal_pointer (&copy->headers[i]));
  for (guint i = 0; i < format->n_fields; i++)
    copy->headers[i] = g_strdup (self->headers[i]);
  return copy;
}

void
ti_import_mapping_free (TiImportMapping *self)
{
  if (self == NULL)
    return;
  for (guint i = 0; i < format_for (self->kind)->n_fields; i++)
    g_free (self->headers[i]);
  g_free (self->headers);
  g_free (self);
}

TiImportKind
ti_import_mapping_get_kind (const TiImportMapping *self)
{
  return self->kind;
}

/**
 * ti_import_mapping_set:
 * @field: one of the kind's field names
 * @header: (nullable): the file's header for it; %NULL when the field is not imported
 */
void
ti_import_mapping_set (TiImportMapping *self, const char *field, const char *header)
{
  int i = field_index (self->kind, field);

  g_return_if_fail (i >= 0);
  g_free (self->headers[i]);
  self->headers[i] = g_strdup (header);
}

/**
 * ti_import_mapping_get:
 *
 * Returns: (nullable): the file's header for @field, or %NULL when it is not imported
 */
const char *
ti_import_mapping_get (const TiImportMapping *self, const char *field)
{
  int i = field_index (self->kind, field);

  g_return_val_if_fail (i >= 0, NULL);
  return self->headers[i];
}

/* ---------------------------------------------------------------------------------- */

static void
problem_free (gpointer data)
{
  TiImportProblem *problem = data;

  g_free (problem->message);
  g_free (problem);
}

static TiImportReport *
report_new (TiImportKind kind, const char *file)
{
  TiImportReport *self = g_new0 (TiImportReport, 1);

  self->kind = kind;
  self->file = g_strdup (file);
  self->problems = g_ptr_array_new_with_free_func (problem_free);
  self->warnings = g_ptr_array_new_with_free_func (g_free);
  return self;
}

/**
 * ti_import_report_copy:
 *
 * Returns: (transfer full): a copy of @self
 */
TiImportReport *
ti_import_report_copy (const TiImportReport *self)
{
  TiImportReport *copy = report_new (self->kind, self->file);

  copy->rows = self->rows;
  copy->added = self->added;
  copy->updated = self->updated;
  copy->unchanged = self->unchanged;
  copy->people_added = self->people_added;
  for (guint i = 0; i < self->problems->len; i++)
    {
      const TiImportProblem *problem = g_ptr_array_index (self->problems, i);
      TiImportProblem *dup = g_new0 (TiImportProblem, 1);

      dup->line = problem->line;
      dup->message = g_strdup (problem->message);
      g_ptr_array_add (copy->problems, dup);
    }
  for (guint i = 0; i < self->warnings->len; i++)
    g_ptr_array_add (copy->warnings, g_strdup (g_ptr_array_index (self->warnings, i)));
  return copy;
}

void
ti_import_report_free (TiImportReport *self)
{
  if (self == NULL)
    return;
  g_free (self->file);
  g_ptr_array_unref (self->problems);
  g_ptr_array_unref (self->warnings);
  g_free (self);
}

G_DEFINE_BOXED_TYPE (TiImportReport, ti_import_report, ti_import_report_copy, ti_import_report_free)

/**
 * ti_import_report_describe:
 *
 * Returns: (transfer full): what happened, for a toast: "143 added, 12 updated, 0 unchanged";
 *   a Tier 1 import also counts the people it added
 */
char *
ti_import_report_describe (const TiImportReport *self)
{
  g_autofree char *added = ti_format_count (self->added);
  g_autofree char *updated = ti_format_count (self->updated);
  g_autofree char *unchanged = ti_format_count (self->unchanged);
  g_autofree char *people = ti_format_count (self->people_added);

  if (self->rows == 0)
    return g_strdup (_ ("the file has a header row but no records, so there was nothing to "
                        "import"));
  if (self->people_added > 0)
    /* Translators: counts of records in an import, then of the people it added. */
    return g_strdup_printf (
      g_dngettext (GETTEXT_PACKAGE, "%s added, %s updated, %s unchanged; %s new person",
                   "%s added, %s updated, %s unchanged; %s new people", self->people_added),
      added, updated, unchanged, people);
  /* Translators: counts of records in an import. */
  return g_strdup_printf (_ ("%s added, %s updated, %s unchanged"), added, updated, unchanged);
}

/**
 * ti_import_report_summary:
 *
 * Returns: (transfer full): one line for the command line: "people.csv: 143 added, …."
 */
char *
ti_import_report_summary (const TiImportReport *self)
{
  g_autofree char *described = ti_import_report_describe (self);

  return g_strdup_printf ("%s: %s.", self->file, described);
}

/* ---------------------------------------------------------------------------------- */

void
ti_import_problem (TiImportContext *ctx, guint line, const char *format, ...)
{
  TiImportProblem *problem = g_new0 (TiImportProblem, 1);
  va_list args;

  va_start (args, format);
  problem->line = line;
  problem->message = g_strdup_vprintf (format, args);
  va_end (args);
  g_ptr_array_add (ctx->report->problems, problem);
}

void
ti_import_count (TiImportContext *ctx, TiImportOutcome outcome)
{
  if (outcome == TI_IMPORT_ADDED)
    ctx->report->added++;
  else if (outcome == TI_IMPORT_UPDATED)
    ctx->report->updated++;
  else
    ctx->report->unchanged++;
}

/* The column as the file names it, so a message points at what the person sees. Our own
 * header reads as words in a sentence: "the champion since …", "the completion date …". */
const char *
ti_import_column (TiImportContext *ctx, guint field)
{
  const char *name = ctx->fields[field].name;
  const char *column = ctx->columns[field] != NULL ? ctx->columns[field] : name;
  g_autofree char *words = NULL;

  if (strchr (column, '_') == NULL || g_ascii_strcasecmp (column, name) != 0)
    return column;
  if (ctx->fields[field].noun != NULL)
    return _ (ctx->fields[field].noun);
  words = g_strdelimit (g_ascii_strdown (column, -1), "_", ' ');
  return g_intern_string (words); /* a handful of names, and the workers may share them */
}

/* The second half of the progress bar, and a place to stop when asked to. */
gboolean
ti_import_step (TiImportContext *ctx, guint done, guint total, GError **error)
{
  if (done % 500 != 0)
    return TRUE;
  if (g_cancellable_set_error_if_cancelled (ctx->cancellable, error))
    return FALSE;
  if (ctx->progress != NULL && total > 0)
    ctx->progress (0.5 + 0.5 * done / total, _ ("Checking and writing records"),
                   ctx->progress_data);
  return TRUE;
}

/* The labels of a vocabulary, for a message: "Mendip, Sedgemoor, …". */
static char *
terms_in_words (const TiTerm *terms, guint n_terms)
{
  g_autoptr (GString) words = g_string_new (NULL);

  for (guint i = 0; i < n_terms; i++)
    g_string_append_printf (words, "%s%s", i > 0 ? ", " : "", _ (terms[i].label));
  return g_string_free (g_steal_pointer (&words), FALSE);
}

/* An empty required value is a problem; the column is named as the file names it. */
gboolean
ti_import_require (TiImportContext *ctx, const TiImportRow *row, guint field)
{
  if (row->values[field] != NULL)
    return TRUE;
  ti_import_problem (ctx, row->line, _ ("the %s is empty; every record needs one"),
                     ti_import_column (ctx, field));
  return FALSE;
}

/* A name (a person's, an organisation's, a parent's) longer than the programme keeps is a
 * problem; an empty one is ti_import_require()'s. */
gboolean
ti_import_name_fits (TiImportContext *ctx, const TiImportRow *row, guint field)
{
  g_autofree char *too_long = ti_name_too_long (row->values[field]);

  if (too_long == NULL)
    return TRUE;
  ti_import_problem (ctx, row->line, _ ("the %s is %s"), ti_import_column (ctx, field), too_long);
  return FALSE;
}

/**
 * ti_import_term:
 * @key: (nullable): the vocabulary's key for the value, as ti_vocabulary_*_key() found it
 *
 * Returns: (nullable): @key, or %NULL after a problem that lists the choices
 */
const char *
ti_import_term (TiImportContext *ctx, const TiImportRow *row, guint field, const char *key,
                const TiTerm *terms, guint n_terms)
{
  g_autofree char *choices = NULL;

  if (key != NULL || row->values[field] == NULL)
    return key;
  choices = terms_in_words (terms, n_terms);
  ti_import_problem (ctx, row->line, _ ("the %s “%s” is not one of: %s"),
                     ti_import_column (ctx, field), row->values[field], choices);
  return NULL;
}

/* An email, when the record gives one, must look like an address. */
gboolean
ti_import_email (TiImportContext *ctx, const TiImportRow *row, guint field)
{
  const char *email = row->values[field];

  if (email == NULL || ti_text_is_email (email))
    return TRUE;
  ti_import_problem (ctx, row->line, _ ("the %s “%s” is not a valid address"),
                     ti_import_column (ctx, field), email);
  return FALSE;
}

/**
 * ti_import_date:
 * @iso: (out caller-allocates): the date as `YYYY-MM-DD`; empty when the cell is
 *
 * A date, when the record gives one, must be written as YYYY-MM-DD or DD/MM/YYYY, be a real
 * day and not be in the future.
 *
 * Returns: %FALSE after a problem
 */
gboolean
ti_import_date (TiImportContext *ctx, const TiImportRow *row, guint field, char iso[11])
{
  const char *text = row->values[field];
  TiDateProblem problem;
  GDate date;

  iso[0] = '\0';
  if (text == NULL)
    return TRUE;
  problem = ti_date_check (text, &date);
  if (problem == TI_DATE_IMPOSSIBLE)
    ti_import_problem (ctx, row->line, _ ("the %s “%s” is not a real date"),
                       ti_import_column (ctx, field), text);
  else if (problem != TI_DATE_OK)
    ti_import_problem (ctx, row->line,
                       _ ("the %s “%s” is not a date; write it as YYYY-MM-DD or DD/MM/YYYY"),
                       ti_import_column (ctx, field), text);
  else if (g_date_compare (&date, &ctx->today) > 0)
    ti_import_problem (ctx, row->line, _ ("the %s “%s” is in the future"),
                       ti_import_column (ctx, field), text);
  else
    {
      /* As ti_date_to_iso(), without an allocation: a file may have a million dates. */
      guint parts[] = { g_date_get_year (&date), g_date_get_month (&date), g_date_get_day (&date) };
      char *p = iso + 10;

      *p = '\0';
      for (int i = G_N_ELEMENTS (parts) - 1; i >= 0; i--)
        {
          for (guint digits = i == 0 ? 4 : 2, value = parts[i]; digits > 0; digits--, value /= 10)
            *--p = '0' + value % 10;
          if (i > 0)
            *--p = '-';
        }
      return TRUE;
    }
  return FALSE;
}

/* Matches as SQLite's NOCASE does, so the file and the programme agree on what is the same. */
char *
ti_import_key (const char *text)
{
  return g_ascii_strdown (text, -1);
}

static int
compare_problems (gconstpointer a, gconstpointer b)
{
  const TiImportProblem *pa = *(const TiImportProblem *const *)a;
  const TiImportProblem *pb = *(const TiImportProblem *const *)b;

  return (pa->line > pb->line) - (pa->line < pb->line);
}

/* Runs the kind inside one transaction; commits only a change without problems. */
static gboolean
run_in_transaction (TiImportContext *ctx, const TiImportFormat *format, GError **error)
{
  TiImportReport *report = ctx->report;
  g_autofree char *base = g_path_get_basename (report->file);
  g_autofree char *display = g_filename_display_name (base);
  g_autofree char *detail = NULL;
  g_autofree char *backup = NULL;

  if (!ti_database_begin (ctx->db, error))
    return FALSE;
  if (!format->run (ctx, error))
    {
      ti_database_rollback (ctx->db);
      return FALSE;
    }
  /* Nothing changed (or nothing may): leave the file exactly as it was, audit log too. */
  if (report->problems->len > 0 || report->added + report->updated == 0)
    {
      ti_database_rollback (ctx->db);
      return TRUE;
    }

  /* A file name and counts: never anyone's personal data. */
  detail = g_strdup_printf ("%s, %u added, %u updated", display, report->added, report->updated);
  if (report->people_added > 0)
    {
      g_autofree char *counts = g_steal_pointer (&detail);

      detail = g_strdup_printf ("%s, %u people added", counts, report->people_added);
    }
  /* The programme as it was before the import, kept only when the import changes it. */
  backup = ti_backups_make (ctx->db, TI_BACKUP_BEFORE_IMPORT, error);
  if (backup == NULL)
    {
      g_prefix_error (error, _("Nothing was imported, because no backup could be made first. "));
      ti_database_rollback (ctx->db);
      return FALSE;
    }
  if (!ti_database_audit (ctx->db, "import", format->name, 0, detail, error)
      || !ti_database_commit (ctx->db, error))
    {
      ti_database_rollback (ctx->db);
      return FALSE;
    }
  return TRUE;
}

/* A large import goes through every index page again and again: in SQLite's default 2 MB
 * page cache the pages would spill to the write-ahead log and be read back from it, which
 * takes most of the time. The cache (256 MB at most) grows only as pages are used. A
 * statement that writes thousands of rows keeps the pages it changed in a statement journal
 * until it ends, which SQLite would spill to a temporary file; in memory it is freed as each
 * statement ends. (Changing temp_store drops the connection's temporary tables: the import's
 * own connection, or the command line's, has none.) Both are put back after the import. */
#define IMPORT_PRAGMAS "PRAGMA cache_size = -262144; PRAGMA temp_store = MEMORY"

static gboolean
check_and_write (TiImportContext *ctx, const TiImportFormat *format, GError **error)
{
  g_autoptr (GError) local = NULL;
  gint64 cache_size = ti_database_count (ctx->db, "PRAGMA cache_size", &local);
  gint64 temp_store = local == NULL ? ti_database_count (ctx->db, "PRAGMA temp_store", &local) : 0;
  g_autofree char *restore = NULL;
  gboolean ok;

  if (local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  restore = g_strdup_printf ("PRAGMA cache_size = %" G_GINT64_FORMAT ";"
                             " PRAGMA temp_store = %" G_GINT64_FORMAT,
                             cache_size, temp_store);
  if (!ti_database_exec (ctx->db, IMPORT_PRAGMAS, error))
    return FALSE;
  ok = run_in_transaction (ctx, format, error);
  if (!ti_database_exec (ctx->db, restore, ok ? error : NULL))
    return FALSE;
  return ok;
}

/**
 * ti_import_file:
 * @db: the programme
 * @kind: what the file holds
 * @csv_path: the file, UTF-8 CSV with a header row
 * @mapping: (nullable): which column holds each field; %NULL for the canonical headers
 * @progress: (nullable) (scope call): called now and then, from this thread
 * @cancellable: (nullable): stops the import; nothing is written then
 * @report: (out) (optional) (transfer full) (nullable): what was read, changed or wrong. Set
 *   whenever the file could be read, including when its problems stopped the import.
 *
 * Imports @csv_path, all or nothing: when any record has a problem, nothing is written and
 * @error is %TI_IMPORT_ERROR_INVALID, with every problem in @report. Otherwise every record
 * is added or updated in one transaction, with one audit entry. Records already held are
 * matched (organisations by name, people by email, else by name within the organisation),
 * never duplicated, so importing the same file again changes nothing.
 *
 * Returns: %TRUE when the file was imported
 */
gboolean
ti_import_file (TiDatabase *db, TiImportKind kind, const char *csv_path,
                const TiImportMapping *mapping, TiProgressFunc progress, gpointer progress_data,
                GCancellable *cancellable, TiImportReport **report, GError **error)
{
  const TiImportFormat *format = format_for (kind);
  g_autoptr (TiImportReport) result = NULL;
  g_autoptr (GFileInputStream) stream = NULL;
  g_autoptr (TiCsvReader) reader = NULL;
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func (ti_import_row_free);
  g_autofree char **columns = NULL;
  TiImportContext ctx = { 0 };
  gboolean header_ok = FALSE;
  gboolean ok;
  goffset size = 0;

  g_return_val_if_fail (TI_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (csv_path != NULL, FALSE);
  g_return_val_if_fail (mapping == NULL || mapping->kind == kind, FALSE);

  if (report != NULL)
    *report = NULL;
  if (!ti_import_open_csv (csv_path, &stream, &size, error))
    return FALSE;

  result = report_new (kind, csv_path);
  columns = g_new0 (char *, format->n_fields + 1);
  ctx = (TiImportContext){
    .db = db,
    .report = result,
    .fields = format->fields,
    .n_fields = format->n_fields,
    .columns = columns,
    .rows = rows,
    .progress = progress,
    .progress_data = progress_data,
    .cancellable = cancellable,
  };
  {
    g_autoptr (GDateTime) now = g_date_time_new_now_local ();

    g_date_clear (&ctx.today, 1);
    g_date_set_dmy (&ctx.today, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                    g_date_time_get_year (now));
  }
  reader = ti_csv_reader_new (G_INPUT_STREAM (stream));

  ok = ti_import_read_rows (&ctx, reader, size, mapping, &header_ok, error);
  if (ok && header_ok)
    ok = check_and_write (&ctx, format, error);
  for (guint f = 0; f < format->n_fields; f++)
    g_free (columns[f]);
  if (!ok)
    return FALSE;

  if (progress != NULL)
    progress (1.0, _ ("Finished"), progress_data);

  g_ptr_array_sort (result->problems, compare_problems);
  if (result->problems->len > 0)
    {
      g_autofree char *display = g_filename_display_name (csv_path);
      g_autofree char *count = ti_format_count (result->problems->len);

      result->added = result->updated = result->unchanged = result->people_added = 0;
      g_set_error (error, TI_IMPORT_ERROR, TI_IMPORT_ERROR_INVALID,
                   g_dngettext (GETTEXT_PACKAGE, "“%s” has %s problem, so nothing was imported.",
                                "“%s” has %s problems, so nothing was imported.",
                                result->problems->len),
                   display, count);
    }
  ok = result->problems->len == 0;
  if (report != NULL)
    *report = g_steal_pointer (&result);
  return ok;
}

/* ---------------------------------------------------------------------------------- */

typedef struct
{
  char *db_path;
  TiImportKind kind;
  char *csv_path;
  TiImportMapping *mapping;
  TiProgressFunc progress;
  gpointer progress_data;
  GMainContext *context; /* where @progress is called */
  TiImportReport *report;
} ImportTaskData;

typedef struct
{
  TiProgressFunc progress;
  gpointer progress_data;
  double fraction;
  char *step;
} ProgressUpdate;

static void
import_task_data_free (gpointer data)
{
  ImportTaskData *task_data = data;

  g_free (task_data->db_path);
  g_free (task_data->csv_path);
  g_clear_pointer (&task_data->mapping, ti_import_mapping_free);
  g_clear_pointer (&task_data->context, g_main_context_unref);
  g_clear_pointer (&task_data->report, ti_import_report_free);
  g_free (task_data);
}

static gboolean
deliver_progress (gpointer data)
{
  ProgressUpdate *update = data;

  update->progress (update->fraction, update->step, update->progress_data);
  return G_SOURCE_REMOVE;
}

static void
progress_update_free (gpointer data)
{
  ProgressUpdate *update = data;

  g_free (update->step);
  g_free (update);
}

/* Runs in the worker: hands the figure to the caller's thread. */
static void
progress_in_thread (double fraction, const char *step, gpointer data)
{
  ImportTaskData *task_data = data;
  ProgressUpdate *update = g_new0 (ProgressUpdate, 1);

  update->progress = task_data->progress;
  update->progress_data = task_data->progress_data;
  update->fraction = fraction;
  update->step = g_strdup (step);
  g_main_context_invoke_full (task_data->context, G_PRIORITY_DEFAULT, deliver_progress, update,
                              progress_update_free);
}

static void
import_in_thread (GTask *task, G_GNUC_UNUSED gpointer source_object, gpointer data,
                  GCancellable *cancellable)
{
  ImportTaskData *task_data = data;
  g_autoptr (TiDatabase) db = NULL;
  GError *error = NULL;

  /* A connection belongs to one thread: the worker opens its own. */
  db = ti_database_open (task_data->db_path, TI_DATABASE_OPEN_DEFAULT, &error);
  if (db != NULL
      && ti_import_file (db, task_data->kind, task_data->csv_path, task_data->mapping,
                         task_data->progress != NULL ? progress_in_thread : NULL, task_data,
                         cancellable, &task_data->report, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * ti_import_file_async:
 * @db_path: the programme file; the worker thread opens its own connection to it
 * @mapping: (nullable): copied
 * @progress: (nullable): called in the thread-default main context of the caller;
 *   @progress_data must live until @callback has run
 *
 * Runs ti_import_file() in a worker thread.
 */
void
ti_import_file_async (const char *db_path, TiImportKind kind, const char *csv_path,
                      const TiImportMapping *mapping, TiProgressFunc progress,
                      gpointer progress_data, GCancellable *cancellable,
                      GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr (GTask) task = NULL;
  ImportTaskData *task_data;

  g_return_if_fail (db_path != NULL);
  g_return_if_fail (csv_path != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, ti_import_file_async);
  task_data = g_new0 (ImportTaskData, 1);
  task_data->db_path = g_strdup (db_path);
  task_data->kind = kind;
  task_data->csv_path = g_strdup (csv_path);
  task_data->mapping = mapping != NULL ? ti_import_mapping_copy (mapping) : NULL;
  task_data->progress = progress;
  task_data->progress_data = progress_data;
  task_data->context = g_main_context_ref_thread_default ();
  g_task_set_task_data (task, task_data, import_task_data_free);
  g_task_run_in_thread (task, import_in_thread);
}

/**
 * ti_import_file_finish:
 * @report: (out) (optional) (transfer full) (nullable): as for ti_import_file()
 *
 * Returns: %TRUE when the file was imported, or %FALSE with @error set
 */
gboolean
ti_import_file_finish (GAsyncResult *result, TiImportReport **report, GError **error)
{
  ImportTaskData *task_data;

  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == ti_import_file_async, FALSE);

  task_data = g_task_get_task_data (G_TASK (result));
  if (report != NULL)
    *report = g_steal_pointer (&task_data->report);
  return g_task_propagate_boolean (G_TASK (result), error);
}
