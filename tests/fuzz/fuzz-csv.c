/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ti-fuzz"

#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "fuzz-util.h"
#include "test-util.h"
#include "ti-database.h"
#include "ti-import.h"

/*
 * The CSV importer, fed anything. Each input is one CSV file, imported as each of the three
 * kinds into a small programme (a few organisations and people, so that people and Tier 1
 * records can match), as the import assistant does: a preview, then the import with the
 * preview's mapping. Besides crashes, leaks and undefined behaviour, a broken promise of
 * DESIGN.md §5 aborts too:
 *   - a refused import changes nothing;
 *   - importing the same file again changes nothing;
 *   - every message a person reads is UTF-8;
 *   - the programme stays healthy (ti_database_check()).
 * The programme is made once a process and put back from a copy after an import that wrote.
 */

static const char programme_sql[]
  = "INSERT INTO organisations (id, name, sector, locality, headcount, parent_id) VALUES"
    " (1, 'Somerset NHS Foundation Trust', 'nhs_trust', 'county_wide', 14000, NULL),"
    " (2, 'Somerset CAMHS', 'nhs_trust', 'county_wide', 380, 1),"
    " (3, 'Second Step', 'vcse', 'county_wide', 450, NULL),"
    " (4, 'SHAL Housing', 'housing', 'county_wide', 150, NULL),"
    " (5, 'Somerset County Council', 'council', 'county_wide', 5400, NULL);"
    "INSERT INTO people (id, name, email, organisation_id, job_title) VALUES"
    " (1, 'Alex Harrow', 'alex.harrow@somersetft.example', 1, 'Ward manager'),"
    " (2, 'Eli Marchant', NULL, 3, 'Recovery worker'),"
    " (3, 'Hana Moss', 'hana.moss@somerset-council.example', 5, NULL);"
    "INSERT INTO champions (person_id, since) VALUES (1, '2023-02-14');"
    "INSERT INTO tier1_completions (person_id, completed_on, source) VALUES"
    " (1, '2023-01-19', 'ACEs online learning');";

/* The tables an import writes, row by row: a digest of what the programme holds. */
static const char *const imported_tables[]
  = { "organisations", "people", "champions", "tier1_completions", "audit_log" };

static TiDatabase *db;
static sqlite3 *pristine;      /* the programme as made, to put back */
static char *pristine_digest; /* what it holds, for content_digest() to compare with */
static char *csv_path;
static char *backups_path;

static char *content_digest (void);

static void
set_up (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *db_path = NULL;
  g_autofree char *copy_path = NULL;

  fuzz_init ();
  db_path = g_build_filename (fuzz_get_dir (), "programme.sqlite", NULL);
  copy_path = g_build_filename (fuzz_get_dir (), "pristine.sqlite", NULL);
  csv_path = g_build_filename (fuzz_get_dir (), "input.csv", NULL);
  backups_path = g_build_filename (fuzz_get_dir (), "backups", NULL);

  db = ti_database_open (db_path, TI_DATABASE_OPEN_CREATE, &error);
  if (db == NULL || !ti_database_exec (db, programme_sql, &error)
      || !ti_database_backup_to (db, copy_path, &error))
    fuzz_fail ("cannot make the programme: %s", error->message);
  if (sqlite3_open_v2 (copy_path, &pristine, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
    fuzz_fail ("cannot open the copy of the programme");
  pristine_digest = content_digest ();
}

static void
put_back (void)
{
  sqlite3_backup *backup = sqlite3_backup_init (ti_database_get_handle (db), "main", pristine,
                                                "main");

  if (backup == NULL || sqlite3_backup_step (backup, -1) != SQLITE_DONE)
    fuzz_fail ("cannot put the programme back: %s",
               sqlite3_errmsg (ti_database_get_handle (db)));
  sqlite3_backup_finish (backup);
  /* The copies an import may keep of the programme as it was (ti-backups.c). */
  test_remove_tree (backups_path);
}

static char *
content_digest (void)
{
  g_autoptr (GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA1);
  sqlite3 *handle = ti_database_get_handle (db);

  for (guint t = 0; t < G_N_ELEMENTS (imported_tables); t++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM %s", imported_tables[t]);
      sqlite3_stmt *stmt = NULL;
      int rc;

      if (sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL) != SQLITE_OK)
        fuzz_fail ("cannot read %s: %s", imported_tables[t], sqlite3_errmsg (handle));
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        for (int c = 0; c < sqlite3_column_count (stmt); c++)
          {
            const guchar *text = sqlite3_column_text (stmt, c);

            g_checksum_update (checksum, text != NULL ? text : (const guchar *)"\\N",
                               sqlite3_column_bytes (stmt, c) + (text == NULL ? 2 : 0));
            g_checksum_update (checksum, (const guchar *)"\x1f", 1);
          }
      sqlite3_finalize (stmt);
      if (rc != SQLITE_DONE)
        fuzz_fail ("cannot read %s: %s", imported_tables[t], sqlite3_errmsg (handle));
    }
  return g_strdup (g_checksum_get_string (checksum));
}

static void
check_words (const char *what, const char *text)
{
  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    fuzz_fail ("%s is not UTF-8 text", what);
}

/* What a report says may be a few hundred times the file (a short record has several
 * problems, each a sentence), never more: the words a report holds for a file of N bytes. */
#define REPORT_BYTES(n) (256 * (gsize)(n) + 65536)

static void
check_report (const TiImportReport *report, gsize input_size)
{
  g_autofree char *described = ti_import_report_describe (report);
  g_autofree char *summary = ti_import_report_summary (report);
  gsize words = 0;

  check_words ("the report", described);
  check_words ("the report", summary);
  for (guint i = 0; i < report->problems->len; i++)
    {
      const TiImportProblem *problem = g_ptr_array_index (report->problems, i);

      check_words ("a problem", problem->message);
      if (problem->line == 0)
        fuzz_fail ("a problem on line 0: %s", problem->message);
      words += strlen (problem->message);
    }
  for (guint i = 0; i < report->warnings->len; i++)
    {
      check_words ("a warning", g_ptr_array_index (report->warnings, i));
      words += strlen (g_ptr_array_index (report->warnings, i));
    }
  if (words > REPORT_BYTES (input_size))
    fuzz_fail ("the report of a %" G_GSIZE_FORMAT "-byte file holds %" G_GSIZE_FORMAT
               " bytes of messages",
               input_size, words);
}

static void
check_preview (const TiImportPreview *preview)
{
  for (guint c = 0; preview->headers[c] != NULL; c++)
    check_words ("a header", preview->headers[c]);
  for (guint r = 0; r < preview->rows->len; r++)
    {
      const char *const *values = g_ptr_array_index (preview->rows, r);

      for (guint c = 0; values[c] != NULL; c++)
        check_words ("a value", values[c]);
    }
}

static gsize input_size;

static gboolean
import (TiImportKind kind, const TiImportMapping *mapping, TiImportReport **report)
{
  g_autoptr (GError) error = NULL;
  gboolean ok = ti_import_file (db, kind, csv_path, mapping, NULL, NULL, NULL, report, &error);

  if (ok != (error == NULL))
    fuzz_fail ("an import said %s but error is %s", ok ? "yes" : "no",
               error != NULL ? error->message : "unset");
  if (error != NULL)
    {
      check_words ("an error", error->message);
      if (!g_error_matches (error, TI_IMPORT_ERROR, TI_IMPORT_ERROR_INVALID))
        fuzz_fail ("a file in a private folder could not be imported: %s", error->message);
    }
  if (*report == NULL)
    fuzz_fail ("no report of a file that could be read");
  check_report (*report, input_size);
  {
    g_autofree char *summary = ti_import_report_summary (*report);

    fuzz_say ("%s: %s %s", ti_import_kind_to_string (kind), summary,
              error != NULL ? error->message : "");
  }
  for (guint i = 0; i < (*report)->problems->len; i++)
    {
      const TiImportProblem *problem = g_ptr_array_index ((*report)->problems, i);

      fuzz_say ("  %u: %s", problem->line, problem->message);
    }
  if (!ok && (*report)->problems->len == 0)
    fuzz_fail ("an import was refused without a problem");
  return ok;
}

static void
import_as (TiImportKind kind)
{
  g_autoptr (TiImportPreview) preview = NULL;
  g_autoptr (TiImportReport) report = NULL;
  g_autoptr (TiImportReport) again = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *after = NULL;
  g_autofree char *after_again = NULL;
  g_autofree char *health = NULL;
  const char *kind_name = ti_import_kind_to_string (kind);

  preview = ti_import_preview (csv_path, kind, 5, &error);
  if (preview != NULL)
    check_preview (preview);
  else
    check_words ("an error", error->message);
  g_clear_error (&error);

  if (!import (kind, preview != NULL ? preview->mapping : NULL, &report))
    {
      /* The programme is as made whenever an input starts: see put_back(). */
      after = content_digest ();
      if (strcmp (pristine_digest, after) != 0)
        fuzz_fail ("a refused %s import changed the programme", kind_name);
      return;
    }
  if (report->added + report->updated == 0)
    return;

  health = ti_database_check (db, &error);
  if (health == NULL)
    fuzz_fail ("a %s import left the programme unhealthy: %s", kind_name, error->message);

  /* DESIGN.md §5: re-importing the same file changes nothing. */
  after = content_digest ();
  if (!import (kind, preview != NULL ? preview->mapping : NULL, &again))
    fuzz_fail ("a %s import was refused the second time: %s", kind_name,
               ((TiImportProblem *)g_ptr_array_index (again->problems, 0))->message);
  if (again->added + again->updated + again->people_added > 0)
    fuzz_fail ("importing the same %s file again changed %u records", kind_name,
               again->added + again->updated);
  after_again = content_digest ();
  if (strcmp (after, after_again) != 0)
    fuzz_fail ("importing the same %s file again changed the programme", kind_name);
  put_back ();
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  if (db == NULL)
    set_up ();
  fuzz_write_file (csv_path, data, size);
  input_size = size;
  import_as (TI_IMPORT_ORGANISATIONS);
  import_as (TI_IMPORT_PEOPLE);
  import_as (TI_IMPORT_TIER1);
  return 0;
}
