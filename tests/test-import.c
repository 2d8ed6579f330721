/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "test-util.h"
#include "ti-database.h"
#include "ti-import.h"

/* Every import here runs on a programme that already holds the example organisations. */

typedef struct
{
  char *dir;
  char *db_path;
  TiDatabase *db;
} Fixture;

static char *
data_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", name, NULL);
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TiImportReport) report = NULL;
  g_autofree char *organisations = data_path ("organisations.csv");

  f->dir = test_make_tmp_dir ();
  f->db_path = g_build_filename (f->dir, "programme.sqlite", NULL);
  f->db = ti_database_open (f->db_path, TI_DATABASE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_true (ti_import_file (f->db, TI_IMPORT_ORGANISATIONS, organisations, NULL, NULL, NULL,
                                 NULL, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report->added, ==, 13);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->db);
  test_remove_tree (f->dir);
  g_free (f->db_path);
  g_free (f->dir);
}

static char *
write_csv (Fixture *f, const char *name, const char *contents, gssize length)
{
  char *path = g_build_filename (f->dir, name, NULL);

  g_assert_true (g_file_set_contents (path, contents, length, NULL));
  return path;
}

static gint64
count (Fixture *f, const char *sql)
{
  return ti_database_count (f->db, sql, NULL);
}

static char *
text (Fixture *f, const char *sql)
{
  g_autoptr (sqlite3_stmt) stmt = ti_database_prepare (f->db, sql, NULL);

  g_assert_nonnull (stmt);
  if (sqlite3_step (stmt) != SQLITE_ROW || sqlite3_column_type (stmt, 0) == SQLITE_NULL)
    return NULL;
  return g_strdup ((const char *)sqlite3_column_text (stmt, 0));
}

static TiImportReport *
import_ok (Fixture *f, TiImportKind kind, const char *path)
{
  g_autoptr (GError) error = NULL;
  TiImportReport *report = NULL;

  ti_import_file (f->db, kind, path, NULL, NULL, NULL, NULL, &report, &error);
  for (guint i = 0; report != NULL && i < report->problems->len; i++)
    g_test_message ("%u: %s", ((TiImportProblem *)g_ptr_array_index (report->problems, i))->line,
                    ((TiImportProblem *)g_ptr_array_index (report->problems, i))->message);
  g_assert_no_error (error);
  g_assert_nonnull (report);
  g_assert_cmpuint (report->problems->len, ==, 0);
  return report;
}

static TiImportReport *
import_text_ok (Fixture *f, TiImportKind kind, const char *contents)
{
  g_autofree char *path = write_csv (f, "good.csv", contents, -1);

  return import_ok (f, kind, path);
}

/* Refused: the problem is on @line and says @phrase, and the programme is unchanged. */
static TiImportReport *
assert_refused (Fixture *f, TiImportKind kind, const char *contents, gssize length, guint line,
                const char *phrase)
{
  g_autofree char *path = write_csv (f, "bad.csv", contents, length);
  g_autofree char *before = test_table_digest (f->db_path);
  g_autofree char *after = NULL;
  g_autoptr (GError) error = NULL;
  TiImportReport *report = NULL;
  gboolean found = FALSE;

  g_assert_false (ti_import_file (f->db, kind, path, NULL, NULL, NULL, NULL, &report, &error));
  g_assert_error (error, TI_IMPORT_ERROR, TI_IMPORT_ERROR_INVALID);
  g_assert_nonnull (report);
  g_assert_cmpuint (report->problems->len, >, 0);
  for (guint i = 0; i < report->problems->len; i++)
    {
      const TiImportProblem *problem = g_ptr_array_index (report->problems, i);

      g_test_message ("%u: %s", problem->line, problem->message);
      if (problem->line == line && strstr (problem->message, phrase) != NULL)
        found = TRUE;
    }
  g_assert_true (found);
  g_assert_cmpuint (report->added + report->updated, ==, 0);
  after = test_table_digest (f->db_path);
  g_assert_cmpstr (before, ==, after);
  return report;
}

#define ORG_HEADER "name,sector,locality,headcount,parent\n"
#define PEOPLE_HEADER "name,email,organisation,job_title,locality,champion,champion_since\n"
#define TIER1_HEADER "email,name,organisation,completed_on,source\n"

static void
refused_organisations (const char *contents, gssize length, guint line, const char *phrase)
{
  Fixture f = { 0 };

  fixture_set_up (&f, NULL);
  ti_import_report_free (
    assert_refused (&f, TI_IMPORT_ORGANISATIONS, contents, length, line, phrase));
  fixture_tear_down (&f, NULL);
}

static void
test_refused_organisations (void)
{
  refused_organisations ("name,locality,headcount\nWessex Hospice,Mendip,3\n", -1, 1,
                         "the column “sector” is missing");
  refused_organisations (ORG_HEADER "Wessex Hospice,VCSE,Mendip,30,\nBread Co,Bakery,Mendip,3,\n",
                         -1, 3,
                         "the sector “Bakery” is not one of: NHS trust, Integrated care "
                         "board, Council");
  refused_organisations (ORG_HEADER "Wessex Hospice,VCSE,Bristol,30,\n", -1, 2,
                         "the locality “Bristol” is not one of: Mendip, Sedgemoor");
  refused_organisations (ORG_HEADER "Wessex Hospice,VCSE,Mendip,-5,\n", -1, 2,
                         "the headcount “-5” is negative");
  refused_organisations (ORG_HEADER "Wessex Hospice,VCSE,Mendip,12.5,\n", -1, 2,
                         "the headcount “12.5” is not a whole number");
  refused_organisations (ORG_HEADER "Wessex Hospice,VCSE,Mendip,1,\n  ,VCSE,Mendip,2,\n", -1, 3,
                         "the name is empty");
  {
    g_autofree char *name = g_strnfill (201, 'w');
    g_autofree char *names = g_strdup_printf (ORG_HEADER "Wessex Hospice,VCSE,Mendip,1,\n"
                                              "%s,VCSE,Mendip,2,\n", name);
    g_autofree char *parents = g_strdup_printf (ORG_HEADER "Wessex Hospice,VCSE,Mendip,1,%s\n",
                                                name);

    refused_organisations (names, -1, 3,
                           "the name is 201 characters long; at most 200 are allowed");
    refused_organisations (parents, -1, 2,
                           "the parent is 201 characters long; at most 200 are allowed");
  }
  refused_organisations (ORG_HEADER
                         "Wessex Hospice,VCSE,Mendip,1,\nwessex hospice,VCSE,Mendip,9,\n",
                         -1, 3, "“wessex hospice” is also on line 2, with different details");
  refused_organisations (ORG_HEADER "Wessex Hospice,VCSE,Mendip,1,\n\"Bread Co,VCSE,Mendip,2,\n"
                                    "Cider Co,VCSE,Mendip,2,\n",
                         -1, 3, "closing quote mark is missing");
  refused_organisations (ORG_HEADER "Wessex \"Hospice\",VCSE,Mendip,1,\n", -1, 2,
                         "a quote mark is out of place");
  refused_organisations (ORG_HEADER "Wessex Hospice,VCSE,Mendip,1,,extra\n", -1, 2,
                         "this record has 6 values but the header row names 5 columns");
  refused_organisations (ORG_HEADER "Wessex Hospice\xff,VCSE,Mendip,1,\n", -1, 2, "not UTF-8");
  refused_organisations (ORG_HEADER "Wessex\0Hospice,VCSE,Mendip,1,\n", sizeof ORG_HEADER - 1 + 31,
                         2, "NUL byte");
  refused_organisations ("", 0, 1, "the file is empty");
  refused_organisations ("\n\n", -1, 1, "the file is empty");
  refused_organisations ("\xFF\xFEn\0a\0", 6, 1, "UTF-16");
  refused_organisations (ORG_HEADER "Wessex Hospice,VCSE,Mendip,1,Nobody Ltd\n", -1, 2,
                         "the parent “Nobody Ltd” is neither in the programme nor in this file");
  refused_organisations (ORG_HEADER "Wessex Hospice,VCSE,Mendip,1,wessex hospice\n", -1, 2,
                         "the parent of “Wessex Hospice” is itself");
  /* Somerset CAMHS is already part of the trust: the trust cannot become part of it. */
  refused_organisations (ORG_HEADER "Somerset NHS Foundation Trust,NHS trust,County-wide,14000,"
                                    "Somerset CAMHS\n",
                         -1, 2, "through a loop of parents");

  /* A loop longer than any walk with a depth limit: each organisation the next one's part. */
  {
    g_autoptr (GString) loop = g_string_new (ORG_HEADER);
    const guint n = 10050;

    for (guint i = 0; i < n; i++)
      g_string_append_printf (loop, "Org %u,Council,Mendip,1,Org %u\n", i, (i + 1) % n);
    refused_organisations (loop->str, -1, 2, "through a loop of parents");
  }
}

static void
refused_people (const char *contents, guint line, const char *phrase)
{
  Fixture f = { 0 };

  fixture_set_up (&f, NULL);
  ti_import_report_free (assert_refused (&f, TI_IMPORT_PEOPLE, contents, -1, line, phrase));
  fixture_tear_down (&f, NULL);
}

static void
test_refused_people (void)
{
  /* A quoted job title over three lines: the bad email is on physical line 7. */
  refused_people (PEOPLE_HEADER
                  "Ann Ford,ann.ford@secondstep.example,Second Step,\"Lead,\nrecovery\nteam\",,,\n"
                  "Ben Ford,ben.ford@secondstep.example,Second Step,,,,\n"
                  "\n"
                  "Jo Marsh,jo.marsh@,Second Step,,,,\n",
                  7, "the email “jo.marsh@” is not a valid address");
  {
    g_autofree char *name = g_strnfill (300, 'a');
    g_autofree char *contents = g_strdup_printf (PEOPLE_HEADER "%s,,Second Step,,,,\n", name);

    refused_people (contents, 2, "the name is 300 characters long; at most 200 are allowed");
  }
  refused_people (PEOPLE_HEADER "Ann Ford,,Acme Bakery,,,,\n", 2,
                  "the organisation “Acme Bakery” is not in the programme");
  refused_people (PEOPLE_HEADER "Ann Ford,,Second Step,,,yes,31/02/2023\n", 2,
                  "the champion since “31/02/2023” is not a real date");
  refused_people (PEOPLE_HEADER "Ann Ford,,Second Step,,,yes,1/2/23\n", 2,
                  "the champion since “1/2/23” is not a date; write it as YYYY-MM-DD or "
                  "DD/MM/YYYY");
  refused_people (PEOPLE_HEADER "Ann Ford,,Second Step,,,yes,2999-01-01\n", 2,
                  "the champion since “2999-01-01” is in the future");
  refused_people (PEOPLE_HEADER "Ann Ford,,Second Step,,,maybe,2023-01-01\n", 2,
                  "the champion “maybe” is neither yes nor no");
  refused_people (PEOPLE_HEADER "Ann Ford,,Second Step,,,yes,\n", 2,
                  "the champion is yes but champion since is empty");
  refused_people (PEOPLE_HEADER "Ann Ford,,Second Step,,Bristol,,\n", 2,
                  "the locality “Bristol” is not one of");
  refused_people (PEOPLE_HEADER "Ann Ford,ann@secondstep.example,Second Step,Lead,,,\n"
                                "Ann Forde,ANN@secondstep.example,Second Step,,,,\n",
                  3, "the email “ANN@secondstep.example” is also on line 2");
  /* Someone new, twice, once without an email: as it would be on importing the file again
   * (found by fuzz-csv's import-twice check). */
  refused_people (PEOPLE_HEADER "Zed Ash,,Second Step,,,,\n"
                                "Zed Ash,zed@secondstep.example,Second Step,,,,\n",
                  3, "“Zed Ash” is also on line 2, with different details");
  refused_people (PEOPLE_HEADER "Zed Ash,zed@secondstep.example,Second Step,,,,\n"
                                "Zed Ash,,Second Step,Lead,,,\n",
                  3, "“Zed Ash” is also on line 2, with different details");
  refused_people (PEOPLE_HEADER ",ann@secondstep.example,Second Step,,,,\n", 2,
                  "the name is empty");
  refused_people ("name,email,job_title\nAnn Ford,ann@secondstep.example,Lead\n", 1,
                  "the column “organisation” is missing");
}

static void
refused_tier1 (const char *contents, guint line, const char *phrase)
{
  Fixture f = { 0 };
  g_autofree char *people = NULL;

  fixture_set_up (&f, NULL);
  people = data_path ("people.csv");
  ti_import_report_free (import_ok (&f, TI_IMPORT_PEOPLE, people));
  ti_import_report_free (assert_refused (&f, TI_IMPORT_TIER1, contents, -1, line, phrase));
  fixture_tear_down (&f, NULL);
}

static void
test_refused_tier1 (void)
{
  refused_tier1 (TIER1_HEADER "ann@secondstep.example,Ann Ford,Second Step,2999-01-01,\n", 2,
                 "the completion date “2999-01-01” is in the future");
  refused_tier1 (TIER1_HEADER "ann@secondstep.example,Ann Ford,Second Step,2023-01-05,\n"
                              "ben@secondstep.example,Ben Ford,Second Step,31/02/2023,\n",
                 3, "the completion date “31/02/2023” is not a real date");
  refused_tier1 (TIER1_HEADER "ann@secondstep.example,Ann Ford,Second Step,5 Jan 2023,\n", 2,
                 "the completion date “5 Jan 2023” is not a date; write it as YYYY-MM-DD or "
                 "DD/MM/YYYY");
  refused_tier1 (TIER1_HEADER "ann@secondstep.example,Ann Ford,Second Step,,ACEs\n", 2,
                 "the completion date is empty");
  refused_tier1 (TIER1_HEADER "ann@acme.example,Ann Ford,Acme Bakery,2023-01-05,\n", 2,
                 "the organisation “Acme Bakery” is not in the programme");
  refused_tier1 (TIER1_HEADER "ann@secondstep.example,Ann Ford,,2023-01-05,\n", 2,
                 "the organisation is empty");
  refused_tier1 (TIER1_HEADER "ann.secondstep.example,Ann Ford,Second Step,2023-01-05,\n", 2,
                 "the email “ann.secondstep.example” is not a valid address");
  refused_tier1 (TIER1_HEADER ",,Second Step,2023-01-05,Learning Centre\n", 2,
                 "the email and the name are both empty");
  refused_tier1 (TIER1_HEADER "nobody@secondstep.example,,Second Step,2023-01-05,\n", 2,
                 "nobody in the programme has the email “nobody@secondstep.example”, and the "
                 "name is empty");
  refused_tier1 ("email,name,organisation,source\nann@secondstep.example,Ann Ford,Second Step,x\n",
                 1, "the column “completed_on” is missing");
  refused_tier1 ("email,completed_on\nann@secondstep.example,2023-01-05\n", 1,
                 "the column “organisation” is missing");
  refused_tier1 (TIER1_HEADER "ann@secondstep.example,Ann Ford,Second Step,2023-01-05,LC,x\n", 2,
                 "this record has 6 values but the header row names 5 columns");
  refused_tier1 (TIER1_HEADER "ann@secondstep.example,\"Ann Ford,Second Step,2023-01-05,\n", 2,
                 "closing quote mark is missing");
}

/* Every problem is found, in line order, not only the first. */
static void
test_every_problem (Fixture *f, gconstpointer data)
{
  g_autoptr (TiImportReport) report
    = assert_refused (f, TI_IMPORT_PEOPLE,
                      PEOPLE_HEADER "Ann Ford,ann@x,Second Step,,,,\n"
                                    "Ben Ford,,Nowhere,,,,\n"
                                    "Cat Ford,,Second Step,,,perhaps,\n"
                                    "Dan Ford,,Second Step,,,,,,\n",
                      -1, 2, "not a valid address");
  const guint lines[] = { 2, 3, 4, 5 };

  g_assert_cmpuint (report->problems->len, ==, G_N_ELEMENTS (lines));
  for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
    g_assert_cmpuint (((TiImportProblem *)g_ptr_array_index (report->problems, i))->line, ==,
                      lines[i]);
  g_assert_cmpint (count (f, "SELECT count(*) FROM people"), ==, 0);
}

static void
test_long_field (Fixture *f, gconstpointer data)
{
  g_autoptr (GString) csv = g_string_new (ORG_HEADER);
  g_autoptr (TiImportReport) report = NULL;

  g_string_append_c (csv, '"');
  for (guint i = 0; i < 2 * 1024 * 1024; i++)
    g_string_append_c (csv, 'a' + i % 26);
  g_string_append (csv, "\",VCSE,Mendip,1,\nWessex Hospice,VCSE,Mendip,1,Nobody\n");
  report = assert_refused (f, TI_IMPORT_ORGANISATIONS, csv->str, csv->len, 2,
                           "the value in the column “name” is 2,097,152 characters long; at most "
                           "10,000 are allowed");
  /* The records after it are still checked. */
  g_assert_cmpuint (report->problems->len, ==, 2);
  g_assert_cmpuint (((TiImportProblem *)g_ptr_array_index (report->problems, 1))->line, ==, 3);
}

static void
test_people (Fixture *f, gconstpointer data)
{
  g_autofree char *people = data_path ("people.csv");
  g_autoptr (TiImportReport) first = import_ok (f, TI_IMPORT_PEOPLE, people);
  g_autofree char *digest = test_table_digest (f->db_path);
  g_autoptr (TiImportReport) second = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *since = NULL;
  g_autofree char *job = NULL;

  g_assert_cmpuint (first->rows, ==, 7);
  g_assert_cmpuint (first->added, ==, 7);
  g_assert_cmpint (count (f, "SELECT count(*) FROM people"), ==, 7);
  g_assert_cmpint (count (f, "SELECT count(*) FROM champions WHERE status = 'active'"), ==, 4);
  since = text (f, "SELECT since FROM champions JOIN people ON id = person_id"
                   " WHERE name = 'Bea Linton'");
  g_assert_cmpstr (since, ==, "2023-03-06");
  job = text (f, "SELECT job_title FROM people WHERE name = 'Fen Quarry'");
  g_assert_cmpstr (job, ==, "Sergeant, neighbourhood team");
  g_assert_cmpint (count (f,
                          "SELECT count(*) FROM audit_log WHERE action = 'import'"
                          " AND entity = 'people' AND detail = 'people.csv, 7 added, 0 updated'"),
                   ==, 1);

  /* Again: nothing changes, not even the audit log. */
  second = import_ok (f, TI_IMPORT_PEOPLE, people);
  g_assert_cmpuint (second->added, ==, 0);
  g_assert_cmpuint (second->updated, ==, 0);
  g_assert_cmpuint (second->unchanged, ==, 7);
  summary = ti_import_report_summary (second);
  g_assert_true (g_str_has_suffix (summary, "people.csv: 0 added, 0 updated, 7 unchanged."));
  {
    g_autofree char *again = test_table_digest (f->db_path);
    g_assert_cmpstr (digest, ==, again);
  }
}

static gint64
completions_of (Fixture *f, const char *name)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM tier1_completions t JOIN people p"
                                          " ON p.id = t.person_id WHERE p.name = '%s'",
                                          name);

  return count (f, sql);
}

static void
test_tier1 (Fixture *f, gconstpointer data)
{
  g_autofree char *people = data_path ("people.csv");
  g_autofree char *tier1 = data_path ("tier1.csv");
  g_autoptr (TiImportReport) held = import_ok (f, TI_IMPORT_PEOPLE, people);
  g_autoptr (TiImportReport) first = import_ok (f, TI_IMPORT_TIER1, tier1);
  g_autoptr (TiImportReport) second = NULL;
  g_autofree char *digest = test_table_digest (f->db_path);
  g_autofree char *again = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *lou = NULL;
  g_autofree char *source = NULL;

  /* Ten records: nine completions, one of them twice (the same date written both ways);
   * five people the programme did not hold. */
  g_assert_cmpuint (held->added, ==, 7);
  g_assert_cmpuint (first->rows, ==, 10);
  g_assert_cmpuint (first->added, ==, 9);
  g_assert_cmpuint (first->updated, ==, 0);
  g_assert_cmpuint (first->unchanged, ==, 1);
  g_assert_cmpuint (first->people_added, ==, 5);
  g_assert_cmpuint (first->warnings->len, ==, 0);
  summary = ti_import_report_summary (first);
  g_assert_true (g_str_has_suffix (summary, "tier1.csv: 9 added, 0 updated, 1 unchanged; 5 new "
                                            "people."));
  g_assert_cmpint (count (f, "SELECT count(*) FROM people"), ==, 12);
  g_assert_cmpint (count (f, "SELECT count(*) FROM tier1_completions"), ==, 9);

  /* Matched by email in another case, and by name within the organisation (Eli Marchant
   * has no email): nobody held is added again, and their details stay as they were. */
  g_assert_cmpint (count (f, "SELECT count(*) FROM people WHERE name = 'Alex Harrow'"), ==, 1);
  g_assert_cmpint (completions_of (f, "Alex Harrow"), ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM people WHERE name = 'Eli Marchant'"), ==, 1);
  g_assert_cmpint (completions_of (f, "Eli Marchant"), ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM people WHERE name = 'Alex Harrow'"
                             " AND email = 'alex.harrow@somersetft.example'"
                             " AND job_title = 'Ward manager'"),
                   ==, 1);

  /* New people belong to the organisation their record names; one without an email too. */
  lou = text (f, "SELECT o.name FROM people p JOIN organisations o ON o.id = p.organisation_id"
                 " WHERE p.email = 'lou.creech@frome-medical.example'");
  g_assert_cmpstr (lou, ==, "Frome Medical Practice, Frome");
  g_assert_cmpint (count (f, "SELECT count(*) FROM people WHERE name = 'Ivo Pryce'"
                             " AND email IS NULL"),
                   ==, 1);
  g_assert_cmpint (completions_of (f, "Hana Moss"), ==, 2);
  g_assert_cmpint (count (f, "SELECT count(*) FROM tier1_completions t JOIN people p ON p.id ="
                             " t.person_id WHERE p.name = 'Hana Moss' AND t.completed_on ="
                             " '2023-03-15' AND t.source = 'Learning Centre'"),
                   ==, 1);
  /* An empty source is kept empty. */
  source = text (f, "SELECT '[' || source || ']' FROM tier1_completions t JOIN people p"
                    " ON p.id = t.person_id WHERE p.name = 'Jun Ostrey'");
  g_assert_cmpstr (source, ==, "[]");

  /* One audit entry, with counts and the file's name only. */
  g_assert_cmpint (count (f, "SELECT count(*) FROM audit_log WHERE action = 'import'"
                             " AND entity = 'tier1'"),
                   ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM audit_log WHERE entity = 'tier1' AND detail ="
                             " 'tier1.csv, 9 added, 0 updated, 5 people added'"),
                   ==, 1);

  /* Again: nothing changes, not even the audit log. */
  second = import_ok (f, TI_IMPORT_TIER1, tier1);
  g_assert_cmpuint (second->added, ==, 0);
  g_assert_cmpuint (second->people_added, ==, 0);
  g_assert_cmpuint (second->unchanged, ==, 10);
  g_clear_pointer (&summary, g_free);
  summary = ti_import_report_summary (second);
  g_assert_true (g_str_has_suffix (summary, "tier1.csv: 0 added, 0 updated, 10 unchanged."));
  again = test_table_digest (f->db_path);
  g_assert_cmpstr (digest, ==, again);
}

static void
test_tier1_matching (Fixture *f, gconstpointer data)
{
  g_autoptr (TiImportReport) report = NULL;
  g_autoptr (TiImportReport) refused = NULL;
  const char *warning;

  report = import_text_ok (f, TI_IMPORT_PEOPLE,
                           PEOPLE_HEADER "Sam Carter,sam.a@secondstep.example,Second Step,,,,\n"
                                         "Sam Carter,sam.b@secondstep.example,Second Step,,,,\n"
                                         "Rae Dunn,,Second Step,,,,\n");
  g_assert_cmpuint (report->added, ==, 3);
  ti_import_report_free (g_steal_pointer (&report));

  /* A new person's later records are theirs: by email (under another name, which is
   * worth a warning), and by name within the organisation. An email nobody has is the one
   * person of that name without an email; a name alone finds the one person of that name
   * at the organisation, not someone of that name elsewhere. */
  report = import_text_ok (f, TI_IMPORT_TIER1,
                           TIER1_HEADER
                           "tom.hale@secondstep.example,Tom Hale,Second Step,2023-02-01,LC\n"
                           "TOM.HALE@secondstep.example,Thomas Hale,Second Step,2023-03-01,LC\n"
                           ",tom hale,Second Step,2023-04-01,LC\n"
                           "rae.dunn@secondstep.example,Rae Dunn,Second Step,2023-02-01,LC\n"
                           ",Rae Dunn,SHAL Housing,2023-02-01,LC\n"
                           "sam.b@secondstep.example,Samuel Carter,Second Step,2023-02-02,LC\n");
  g_assert_cmpuint (report->added, ==, 6);
  g_assert_cmpuint (report->people_added, ==, 2);
  g_assert_cmpint (count (f, "SELECT count(*) FROM people WHERE email = 'tom.hale@secondstep"
                             ".example' AND name = 'Tom Hale'"),
                   ==, 1);
  g_assert_cmpint (completions_of (f, "Tom Hale"), ==, 3);
  g_assert_cmpint (count (f, "SELECT count(*) FROM people WHERE name = 'Rae Dunn'"), ==, 2);
  g_assert_cmpint (count (f, "SELECT count(*) FROM people WHERE name = 'Rae Dunn'"
                             " AND email IS NULL"),
                   ==, 2);
  g_assert_cmpint (count (f, "SELECT count(*) FROM tier1_completions t JOIN people p ON p.id ="
                             " t.person_id WHERE p.email = 'sam.b@secondstep.example'"),
                   ==, 1);
  g_assert_cmpuint (report->warnings->len, ==, 1);
  warning = g_ptr_array_index (report->warnings, 0);
  g_test_message ("%s", warning);
  g_assert_nonnull (strstr (warning, "on lines 3, 7 the email belongs to someone under another "
                                     "name"));

  /* Two people of that name at the organisation: a record without an email cannot say
   * which, and nothing is written. */
  refused = assert_refused (f, TI_IMPORT_TIER1,
                            TIER1_HEADER ",Sam Carter,Second Step,2023-05-01,LC\n", -1, 2,
                            "more than one person called “Sam Carter” works at “Second Step”; "
                            "give an email to say which");
  g_assert_cmpuint (refused->problems->len, ==, 1);
}

/* Refused after two thousand good records: nothing of theirs is written either. */
static void
test_tier1_refused_late (Fixture *f, gconstpointer data)
{
  g_autoptr (GString) csv = g_string_new (TIER1_HEADER);
  g_autoptr (TiImportReport) report = NULL;

  for (guint i = 0; i < 2000; i++)
    g_string_append_printf (csv, "p%u@secondstep.example,Person %u,Second Step,2023-01-%02u,LC\n",
                            i, i, 1 + i % 28);
  g_string_append (csv, "late@secondstep.example,Late Person,Second Step,2999-12-31,LC\n"
                        ",Early Person,Nowhere,2023-01-01,LC\n");
  report = assert_refused (f, TI_IMPORT_TIER1, csv->str, csv->len, 2002, "is in the future");
  g_assert_cmpuint (report->problems->len, ==, 2);
  g_assert_cmpuint (((TiImportProblem *)g_ptr_array_index (report->problems, 1))->line, ==, 2003);
  g_assert_cmpuint (report->people_added, ==, 0);
  g_assert_cmpint (count (f, "SELECT count(*) FROM people"), ==, 0);
  g_assert_cmpint (count (f, "SELECT count(*) FROM tier1_completions"), ==, 0);
}

/* A person with the largest id SQLite can hold (a damaged or hand-edited file): nobody new
 * can be numbered after them, and the import says so instead of overflowing. */
static void
test_tier1_largest_id (Fixture *f, gconstpointer data)
{
  g_autofree char *path = write_csv (f, "tier1.csv",
                                     TIER1_HEADER ",New Person,Second Step,2023-01-01,LC\n", -1);
  g_autoptr (TiImportReport) report = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_true (ti_database_exec (f->db,
                                   "INSERT INTO people (id, name, organisation_id)"
                                   " SELECT 9223372036854775807, 'Last Person', id"
                                   " FROM organisations WHERE name = 'Second Step'",
                                   &error));
  g_assert_no_error (error);
  g_assert_false (ti_import_file (f->db, TI_IMPORT_TIER1, path, NULL, NULL, NULL, NULL, &report,
                                  &error));
  g_assert_error (error, TI_DATABASE_ERROR, TI_DATABASE_ERROR_DAMAGED);
  g_assert_nonnull (strstr (error->message, "an id too large"));
  g_assert_cmpint (count (f, "SELECT count(*) FROM people"), ==, 1);
}

static void
test_organisations_again (Fixture *f, gconstpointer data)
{
  g_autofree char *organisations = data_path ("organisations.csv");
  g_autofree char *digest = test_table_digest (f->db_path);
  g_autoptr (TiImportReport) report = import_ok (f, TI_IMPORT_ORGANISATIONS, organisations);
  g_autofree char *again = test_table_digest (f->db_path);

  g_assert_cmpuint (report->unchanged, ==, 13);
  g_assert_cmpuint (report->added + report->updated, ==, 0);
  g_assert_cmpstr (digest, ==, again);
  g_assert_cmpint (count (f, "SELECT count(*) FROM organisations o JOIN organisations p"
                             " ON p.id = o.parent_id WHERE o.name = 'Somerset CAMHS'"
                             " AND p.name = 'Somerset NHS Foundation Trust'"),
                   ==, 1);
  g_assert_cmpint (count (f, "SELECT headcount FROM organisations WHERE name = 'Second Step'"), ==,
                   450);
}

static void
test_organisation_updates (Fixture *f, gconstpointer data)
{
  g_autoptr (TiImportReport) report = NULL;

  /* A parent later in the same file; a changed headcount; an empty one keeps what is held;
   * a name in another case is the same organisation. */
  report = import_text_ok (f, TI_IMPORT_ORGANISATIONS,
                           ORG_HEADER "Wessex Hospice Shop,VCSE,Mendip,12,Wessex Hospice\n"
                                      "Wessex Hospice,vcse,mendip,40,\n"
                                      "SECOND STEP,VCSE,County-wide,,\n"
                                      "SHAL Housing,Housing,County-wide,175,\n");
  g_assert_cmpuint (report->added, ==, 2);
  g_assert_cmpuint (report->updated, ==, 2);
  g_assert_cmpuint (report->unchanged, ==, 0);
  g_assert_cmpint (count (f, "SELECT count(*) FROM organisations"), ==, 15);
  g_assert_cmpint (count (f, "SELECT headcount FROM organisations WHERE name = 'SECOND STEP'"), ==,
                   450);
  g_assert_cmpint (count (f, "SELECT headcount FROM organisations WHERE name = 'SHAL Housing'"), ==,
                   175);
  g_assert_cmpint (count (f, "SELECT count(*) FROM organisations o JOIN organisations p"
                             " ON p.id = o.parent_id WHERE o.name = 'Wessex Hospice Shop'"
                             " AND p.name = 'Wessex Hospice'"),
                   ==, 1);
}

static void
test_person_updates (Fixture *f, gconstpointer data)
{
  g_autofree char *people = data_path ("people.csv");
  g_autoptr (TiImportReport) first = import_ok (f, TI_IMPORT_PEOPLE, people);
  g_autoptr (TiImportReport) report = NULL;
  g_autofree char *job = NULL;
  g_autofree char *email = NULL;
  g_autofree char *since = NULL;

  /* By email in another case; by name in the organisation (no email); an email given to
   * the one person of that name who had none; champion = no steps nobody down. */
  report = import_text_ok (f, TI_IMPORT_PEOPLE,
                           PEOPLE_HEADER
                           "Alex Harrow,ALEX.HARROW@somersetft.example,Somerset NHS Foundation "
                           "Trust,Matron,,no,\n"
                           "eli marchant,,second step,Team leader,,,\n"
                           "Bea Linton,bea.linton@somersetft.example,Somerset CAMHS,,,yes,"
                           "2023-03-07\n"
                           "Cal Penrose,cal.penrose@somerset-icb.example,NHS Somerset Integrated "
                           "Care Board,,,,\n");
  g_assert_nonnull (first);
  g_assert_cmpuint (report->added, ==, 0);
  g_assert_cmpint (count (f, "SELECT count(*) FROM people"), ==, 7);
  job = text (f, "SELECT job_title FROM people WHERE email = 'alex.harrow@somersetft.example'");
  g_assert_cmpstr (job, ==, "Matron");
  g_assert_cmpint (count (f, "SELECT count(*) FROM champions JOIN people ON id = person_id"
                             " WHERE name = 'Alex Harrow' AND status = 'active'"),
                   ==, 1);
  g_clear_pointer (&job, g_free);
  job = text (f, "SELECT job_title FROM people WHERE name = 'eli marchant'");
  g_assert_cmpstr (job, ==, "Team leader");
  since = text (f, "SELECT since FROM champions JOIN people ON id = person_id"
                   " WHERE name = 'Bea Linton'");
  g_assert_cmpstr (since, ==, "2023-03-07");
  g_test_message ("%u updated, %u unchanged", report->updated, report->unchanged);
  g_assert_cmpuint (report->updated, ==, 3);
  g_assert_cmpuint (report->unchanged, ==, 1);

  ti_import_report_free (report);
  report = import_text_ok (f, TI_IMPORT_PEOPLE,
                           PEOPLE_HEADER "Eli Marchant,eli@secondstep.example,Second Step,,,,\n");
  g_assert_cmpuint (report->updated, ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM people"), ==, 7);
  email = text (f, "SELECT email FROM people WHERE name = 'Eli Marchant'");
  g_assert_cmpstr (email, ==, "eli@secondstep.example");
}

static void
test_accepted_forms (Fixture *f, gconstpointer data)
{
  /* A byte order mark, CRLF line ends, quoted commas, quotes and line breaks, both date
   * forms, headers in another case and order, a blank record, text like a formula. */
  static const char csv[]
    = "\xEF\xBB\xBF"
      "Email , NAME,Organisation,Job Title,locality,Champion,champion_since\r\n"
      "ann@secondstep.example,\"=HYPERLINK(\"\"http://x.example\"\")\",Second Step,"
      "\"Lead, \"\"recovery\"\"\r\nteam\",Mendip,TRUE,01/02/2023\r\n"
      ",,,,,,\r\n"
      "ben@secondstep.example,  @Ben Ford  ,Second Step,+44 1823 000000,,false,\r\n"
      "cat@secondstep.example,-Cat Ford,Second Step,,,y,2023-04-05";
  g_autoptr (TiImportReport) report = import_text_ok (f, TI_IMPORT_PEOPLE, csv);
  g_autofree char *name
    = text (f, "SELECT name FROM people WHERE email = 'ann@secondstep.example'");
  g_autofree char *job = text (f, "SELECT job_title FROM people WHERE name LIKE '=HYP%'");
  g_autofree char *ben = text (f, "SELECT name FROM people WHERE email = 'ben@secondstep.example'");
  g_autofree char *phone = text (f, "SELECT job_title FROM people WHERE name = '@Ben Ford'");
  g_autofree char *cat = text (f, "SELECT since FROM champions JOIN people ON id = person_id"
                                  " WHERE name = '-Cat Ford'");
  g_autofree char *ann = text (f, "SELECT since FROM champions JOIN people ON id = person_id"
                                  " WHERE email = 'ann@secondstep.example'");

  g_assert_cmpuint (report->rows, ==, 3);
  g_assert_cmpuint (report->added, ==, 3);
  g_assert_cmpuint (report->warnings->len, ==, 0);
  g_assert_cmpstr (name, ==, "=HYPERLINK(\"http://x.example\")");
  g_assert_cmpstr (job, ==, "Lead, \"recovery\"\r\nteam");
  g_assert_cmpstr (ben, ==, "@Ben Ford");
  g_assert_cmpstr (phone, ==, "+44 1823 000000");
  g_assert_cmpstr (ann, ==, "2023-02-01");
  g_assert_cmpstr (cat, ==, "2023-04-05");
  g_assert_cmpint (count (f, "SELECT count(*) FROM champions"), ==, 2);
}

static void
test_header_only_and_warning (Fixture *f, gconstpointer data)
{
  g_autoptr (TiImportReport) empty = import_text_ok (f, TI_IMPORT_PEOPLE, PEOPLE_HEADER);
  g_autoptr (TiImportReport) extra = NULL;
  g_autofree char *described = ti_import_report_describe (empty);
  const char *warning;

  g_assert_cmpuint (empty->rows, ==, 0);
  g_assert_nonnull (strstr (described, "no records"));

  extra = import_text_ok (f, TI_IMPORT_PEOPLE,
                          "name,phone,email,organisation,,notes\n"
                          "Ann Ford,01823 000000,ann@secondstep.example,Second Step,x,Likes tea\n");
  g_assert_cmpuint (extra->added, ==, 1);
  g_assert_cmpuint (extra->warnings->len, ==, 1);
  warning = g_ptr_array_index (extra->warnings, 0);
  g_test_message ("%s", warning);
  g_assert_nonnull (strstr (warning, "“phone”, one without a name (column 5), “notes”"));
  g_assert_nonnull (strstr (warning, "ignored"));
}

static void
test_preview_and_mapping (Fixture *f, gconstpointer data)
{
  g_autofree char *path = write_csv (f, "export.csv",
                                     "Full name,E-mail,Employer,Job title\n"
                                     "Ann Ford,ann@secondstep.example,Second Step,Lead\n"
                                     "Ben Ford,ben@secondstep.example,Second Step,\n"
                                     "Cat Ford,cat@secondstep.example,Second Step,\n",
                                     -1);
  g_autoptr (GError) error = NULL;
  g_autoptr (TiImportPreview) preview = ti_import_preview (path, TI_IMPORT_PEOPLE, 2, &error);
  g_autoptr (TiImportMapping) mapping = NULL;
  g_autoptr (TiImportReport) report = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (preview->headers), ==, 4);
  g_assert_cmpstr (preview->headers[1], ==, "E-mail");
  g_assert_cmpuint (preview->rows->len, ==, 2);
  g_assert_cmpstr (((char **)g_ptr_array_index (preview->rows, 1))[0], ==, "Ben Ford");
  g_assert_cmpstr (ti_import_mapping_get (preview->mapping, "job_title"), ==, "Job title");
  g_assert_cmpstr (ti_import_mapping_get (preview->mapping, "email"), ==, "E-mail");
  g_assert_null (ti_import_mapping_get (preview->mapping, "name"));

  /* Without a mapping the required columns are missing; with one the file imports. */
  ti_import_report_free (assert_refused (f, TI_IMPORT_PEOPLE, "Full name,E-mail\nA,a@b.example\n",
                                         -1, 1, "the column “name” is missing"));
  mapping = ti_import_mapping_copy (preview->mapping);
  ti_import_mapping_set (mapping, "name", "Full name");
  ti_import_mapping_set (mapping, "organisation", "employer");
  g_assert_true (
    ti_import_file (f->db, TI_IMPORT_PEOPLE, path, mapping, NULL, NULL, NULL, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report->added, ==, 3);
  g_assert_cmpint (count (f, "SELECT count(*) FROM people WHERE job_title = 'Lead'"), ==, 1);

  g_assert_null (ti_import_preview (f->dir, TI_IMPORT_PEOPLE, 2, &error));
  g_assert_error (error, TI_IMPORT_ERROR, TI_IMPORT_ERROR_UNREADABLE);
}

static void
on_progress (double fraction, const char *step, gpointer data)
{
  double *last = data;

  g_assert_cmpfloat (fraction, >=, *last);
  g_assert_cmpfloat (fraction, <=, 1.0);
  g_assert_nonnull (step);
  *last = fraction;
}

static void
on_imported (GObject *source, GAsyncResult *result, gpointer data)
{
  TiImportReport **report = data;
  g_autoptr (GError) error = NULL;

  g_assert_true (ti_import_file_finish (result, report, &error));
  g_assert_no_error (error);
}

static void
test_async (Fixture *f, gconstpointer data)
{
  g_autoptr (GString) csv = g_string_new (PEOPLE_HEADER);
  g_autofree char *path = NULL;
  g_autoptr (TiImportReport) report = NULL;
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (GError) error = NULL;
  double last = 0;

  for (guint i = 0; i < 3000; i++)
    g_string_append_printf (csv, "Person %u,p%u@secondstep.example,Second Step,,,,\n", i, i);
  path = write_csv (f, "many.csv", csv->str, csv->len);

  ti_import_file_async (f->db_path, TI_IMPORT_PEOPLE, path, NULL, on_progress, &last, NULL,
                        on_imported, &report);
  while (report == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (report->added, ==, 3000);
  g_assert_cmpfloat (last, ==, 1.0);
  g_assert_cmpint (count (f, "SELECT count(*) FROM people"), ==, 3000);

  /* Cancelled: nothing is written. */
  g_clear_pointer (&report, ti_import_report_free);
  g_cancellable_cancel (cancellable);
  g_string_replace (csv, "@secondstep", "@other", 0);
  g_free (path);
  path = write_csv (f, "more.csv", csv->str, csv->len);
  g_assert_false (
    ti_import_file (f->db, TI_IMPORT_PEOPLE, path, NULL, NULL, NULL, cancellable, &report, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (count (f, "SELECT count(*) FROM people"), ==, 3000);
}

/* A Learning Centre export, under its own headers: the assistant's mapping finds them. */
static void
test_tier1_preview (Fixture *f, gconstpointer data)
{
  g_autofree char *path
    = write_csv (f, "learning-centre.csv",
                 "Learner Name,Email Address,Department,Course Title,Date Completed,Score\n"
                 "Ann Ford,ann@secondstep.example,Second Step,ACEs online learning,"
                 "03/04/2023,90\n",
                 -1);
  g_autoptr (GError) error = NULL;
  g_autoptr (TiImportPreview) preview = ti_import_preview (path, TI_IMPORT_TIER1, 5, &error);
  g_autoptr (TiImportPreview) people = NULL;
  g_autoptr (TiImportReport) report = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (ti_import_mapping_get (preview->mapping, "name"), ==, "Learner Name");
  g_assert_cmpstr (ti_import_mapping_get (preview->mapping, "email"), ==, "Email Address");
  g_assert_cmpstr (ti_import_mapping_get (preview->mapping, "organisation"), ==, "Department");
  g_assert_cmpstr (ti_import_mapping_get (preview->mapping, "completed_on"), ==, "Date Completed");
  g_assert_cmpstr (ti_import_mapping_get (preview->mapping, "source"), ==, "Course Title");

  g_assert_true (ti_import_file (f->db, TI_IMPORT_TIER1, path, preview->mapping, NULL, NULL, NULL,
                                 &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report->added, ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM tier1_completions WHERE completed_on ="
                             " '2023-04-03' AND source = 'ACEs online learning'"),
                   ==, 1);

  /* The names are a Tier 1 export's: a people import still asks. */
  people = ti_import_preview (path, TI_IMPORT_PEOPLE, 5, &error);
  g_assert_no_error (error);
  g_assert_null (ti_import_mapping_get (people->mapping, "name"));
}

static void
cancel_when_writing (double fraction, const char *step, gpointer data)
{
  if (fraction > 0.75)
    g_cancellable_cancel (data);
}

/* Stopped half way through writing: nothing is left of what was written. */
static void
test_tier1_cancel (Fixture *f, gconstpointer data)
{
  g_autoptr (GString) csv = g_string_new (TIER1_HEADER);
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *before = test_table_digest (f->db_path);
  g_autofree char *after = NULL;
  TiImportReport *report = NULL;

  for (guint i = 0; i < 5000; i++)
    g_string_append_printf (csv, "p%u@secondstep.example,Person %u,Second Step,2023-02-01,\n", i,
                            i);
  path = write_csv (f, "many.csv", csv->str, csv->len);
  g_assert_false (ti_import_file (f->db, TI_IMPORT_TIER1, path, NULL, cancel_when_writing,
                                  cancellable, cancellable, &report, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (report);
  after = test_table_digest (f->db_path);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpint (count (f, "SELECT count(*) FROM people"), ==, 0);
}

static void
test_kinds (void)
{
  g_autoptr (GError) error = NULL;
  TiImportKind kind;

  g_assert_true (ti_import_kind_from_string ("people", &kind, NULL));
  g_assert_cmpint (kind, ==, TI_IMPORT_PEOPLE);
  g_assert_true (ti_import_kind_from_string ("Organisations", &kind, NULL));
  g_assert_cmpint (kind, ==, TI_IMPORT_ORGANISATIONS);
  g_assert_cmpstr (ti_import_kind_to_string (kind), ==, "organisations");
  g_assert_true (ti_import_kind_from_string ("TIER1", &kind, NULL));
  g_assert_cmpint (kind, ==, TI_IMPORT_TIER1);
  g_assert_false (ti_import_kind_from_string ("champions", &kind, &error));
  g_assert_error (error, TI_IMPORT_ERROR, TI_IMPORT_ERROR_UNKNOWN_KIND);
  g_assert_nonnull (strstr (error->message, "organisations, people, tier1"));
}

static void
test_missing_file (Fixture *f, gconstpointer data)
{
  g_autofree char *path = g_build_filename (f->dir, "nowhere.csv", NULL);
  g_autoptr (GError) error = NULL;
  TiImportReport *report = NULL;

  g_assert_false (
    ti_import_file (f->db, TI_IMPORT_PEOPLE, path, NULL, NULL, NULL, NULL, &report, &error));
  g_assert_error (error, TI_IMPORT_ERROR, TI_IMPORT_ERROR_UNREADABLE);
  g_assert_nonnull (strstr (error->message, "nowhere.csv"));
  g_assert_null (report);
}

#define ADD(name, func)                                                                            \
  g_test_add ("/import/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/import/kinds", test_kinds);
  g_test_add_func ("/import/refused/organisations", test_refused_organisations);
  g_test_add_func ("/import/refused/people", test_refused_people);
  g_test_add_func ("/import/refused/tier1", test_refused_tier1);
  ADD ("refused/every-problem", test_every_problem);
  ADD ("refused/long-field", test_long_field);
  ADD ("refused/missing-file", test_missing_file);
  ADD ("people", test_people);
  ADD ("tier1", test_tier1);
  ADD ("tier1-matching", test_tier1_matching);
  ADD ("tier1-refused-late", test_tier1_refused_late);
  ADD ("tier1-largest-id", test_tier1_largest_id);
  ADD ("tier1-preview", test_tier1_preview);
  ADD ("tier1-cancel", test_tier1_cancel);
  ADD ("organisations-again", test_organisations_again);
  ADD ("organisation-updates", test_organisation_updates);
  ADD ("person-updates", test_person_updates);
  ADD ("accepted-forms", test_accepted_forms);
  ADD ("header-only-and-warning", test_header_only_and_warning);
  ADD ("preview-and-mapping", test_preview_and_mapping);
  ADD ("async", test_async);

  return g_test_run ();
}
