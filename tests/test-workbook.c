/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <utime.h>

#include "test-evaluation-fixture.h"
#include "test-util.h"
#include "ti-evaluation.h"
#include "ti-network-graph.h"
#include "ti-vocabulary.h"
#include "ti-workbook.h"

/*
 * The evaluation workbook, read back with openpyxl (tests/workbook-dump.py), never trusted
 * from our own writer. The programme is the evaluation's hand-made fixture (its answers are
 * worked out in test-evaluation-fixture.h), with emails, a named speaker and text that looks
 * like formulas added; the period is its first quarter of 2024 and today 15 May 2024.
 */

static const char extra_sql[]
  = "UPDATE people SET email = lower (name) || '.tester@example.org';"
    "UPDATE event_speakers SET name = 'Rhea Mossbank', affiliation = 'Trauma Institute',"
    "  topic = 'Safety first';"
    "UPDATE sessions SET title = '=HYPERLINK(\"http://example.org\",\"Click\")' WHERE id = 1;"
    "UPDATE sessions SET title = 'Bell' || char (7) || 'ringer' WHERE id = 2;"
    "INSERT INTO engagement_actions (activity_id, you_said, we_did, owner, status) VALUES"
    "  (1, '+SUM(1,2)', '@we listened', 'Owen Keeper', 'done');"
    "INSERT INTO settings (key, value) VALUES ('programme_name', 'Somerset Test Programme'),"
    "  ('export_organisation', 'Somerset Test Council')"
    "  ON CONFLICT (key) DO UPDATE SET value = excluded.value;";

/* Every person's name and email in the fixture, and the speaker's: none may appear without
 * names included. */
static const char *const personal[] = {
  "Ada", "Ben", "Cat", "Dan", "Eve", "Fay", "Gus", "Hal", "Ivy", "Jo", "Kit", "Lou", "Cal", "Pat",
  "ada.tester@example.org", "gus.tester@example.org", "pat.tester@example.org",
  "Rhea Mossbank", "Owen Keeper",
};

typedef struct
{
  TestProgramme programme;
  char *path;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  test_programme_set_up (&f->programme, "workbook.sqlite", evaluation_fixture_sql);
  g_assert_true (ti_database_exec (f->programme.db, extra_sql, &error));
  g_assert_no_error (error);
  f->path = g_build_filename (f->programme.dir, "Evaluation.xlsx", NULL);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_free (f->path);
  test_programme_tear_down (&f->programme);
}

static void
options_for (TiWorkbookOptions *options, gboolean names, guint threshold)
{
  memset (options, 0, sizeof *options);
  options->from = g_strdup (FROM);
  options->to = g_strdup (TO);
  options->today = g_strdup (TODAY);
  options->include_names = names;
  options->suppression_threshold = threshold;
}

static void
export (Fixture *f, gboolean names, guint threshold)
{
  g_auto (TiWorkbookOptions) options;
  g_autoptr (GError) error = NULL;

  options_for (&options, names, threshold);
  g_assert_true (ti_workbook_export (f->programme.db, f->path, &options, NULL, NULL, NULL,
                                     &error));
  g_assert_no_error (error);
}

/* What openpyxl found in the workbook: workbook-dump.py's lines. */
typedef struct
{
  char **lines;
  GHashTable *cells; /* "Sheet!B7" → "TYPE\tJSON" */
} Dump;

static void
dump_free (Dump *dump)
{
  g_strfreev (dump->lines);
  g_hash_table_unref (dump->cells);
  g_free (dump);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Dump, dump_free)

static Dump *
read_workbook (const char *path)
{
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "workbook-dump.py", NULL);
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  Dump *dump = g_new0 (Dump, 1);
  int status = -1;

  g_ptr_array_add (argv, (char *)"/usr/bin/python3");
  g_ptr_array_add (argv, script);
  g_ptr_array_add (argv, (char *)path);
  for (guint i = 0; i < G_N_ELEMENTS (personal); i++)
    g_ptr_array_add (argv, (char *)personal[i]);
  g_ptr_array_add (argv, NULL);
  g_assert_true (g_spawn_sync (NULL, (char **)argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               &out, &err, &status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("openpyxl could not read %s:\n%s", path, err);

  dump->lines = g_strsplit (out, "\n", -1);
  dump->cells = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (guint i = 0; dump->lines[i] != NULL; i++)
    {
      g_auto (GStrv) fields = g_strsplit (dump->lines[i], "\t", 5);

      if (g_strv_length (fields) == 5 && g_str_equal (fields[0], "cell"))
        g_hash_table_insert (dump->cells, g_strdup_printf ("%s!%s", fields[1], fields[2]),
                             g_strdup_printf ("%s\t%s", fields[3], fields[4]));
    }
  return dump;
}

/* The JSON of a cell's value ("6", "\"<5\""), or NULL for an empty cell. */
static const char *
cell_value (Dump *dump, const char *sheet, const char *coordinate, char *type)
{
  g_autofree char *key = g_strdup_printf ("%s!%s", sheet, coordinate);
  const char *found = g_hash_table_lookup (dump->cells, key);

  if (found == NULL)
    return NULL;
  if (type != NULL)
    *type = found[0];
  return strchr (found, '\t') + 1;
}

/* The row (1-based) whose cell in @column holds the string @text, 0 when none does. */
static guint
find_row (Dump *dump, const char *sheet, char column, const char *text)
{
  g_autofree char *json = g_strdup_printf ("\"%s\"", text);

  for (guint row = 1; row < 2000; row++)
    {
      char coordinate[16];
      const char *value;

      g_snprintf (coordinate, sizeof coordinate, "%c%u", column, row);
      value = cell_value (dump, sheet, coordinate, NULL);
      if (value != NULL && g_str_equal (value, json))
        return row;
    }
  return 0;
}

/* The value beside @label: the cell in @column of the row whose column A holds @label. */
static const char *
beside (Dump *dump, const char *sheet, const char *label, char column, char *type)
{
  guint row = find_row (dump, sheet, 'A', label);
  char coordinate[16];

  if (row == 0)
    g_error ("no row “%s” on sheet %s", label, sheet);
  g_snprintf (coordinate, sizeof coordinate, "%c%u", column, row);
  return cell_value (dump, sheet, coordinate, type);
}

static gboolean
has_line (Dump *dump, const char *line)
{
  return g_strv_contains ((const char *const *)dump->lines, line);
}

static guint
count_prefix (Dump *dump, const char *prefix)
{
  guint n = 0;

  for (guint i = 0; dump->lines[i] != NULL; i++)
    n += g_str_has_prefix (dump->lines[i], prefix);
  return n;
}

static double
number (const char *json)
{
  char *end = NULL;
  double value;

  g_assert_nonnull (json);
  value = g_ascii_strtod (json, &end);
  g_assert_true (end != json && *end == '\0');
  return value;
}

static double
sum_column (Dump *dump, const char *sheet, char column)
{
  double sum = 0;

  for (guint row = 5; row < 2000; row++)
    {
      char coordinate[16];
      char type = 0;
      const char *value;

      g_snprintf (coordinate, sizeof coordinate, "%c%u", column, row);
      value = cell_value (dump, sheet, coordinate, &type);
      if (value != NULL && type == 'n')
        sum += number (value);
    }
  return sum;
}

static guint
count_cells (Dump *dump, const char *sheet, char column, const char *json)
{
  guint n = 0;

  for (guint row = 1; row < 2000; row++)
    {
      char coordinate[16];
      const char *value;

      g_snprintf (coordinate, sizeof coordinate, "%c%u", column, row);
      value = cell_value (dump, sheet, coordinate, NULL);
      n += value != NULL && g_str_equal (value, json);
    }
  return n;
}

static void
test_summary (Fixture *f, gconstpointer data)
{
  g_autoptr (TiEvaluation) evaluation = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (Dump) dump = NULL;
  char type = 0;

  export (f, FALSE, 5);
  dump = read_workbook (f->path);

  g_assert_true (has_line (dump, "sheets\tSummary|Chart data|Tier 1 reach|Sessions|Confidence|"
                                 "Reviews|Champions|Organisations|Events|Engagement|"
                                 "Milestones|Network|Notes"));
  g_assert_cmpstr (cell_value (dump, "Summary", "A1", NULL), ==,
                   "\"Somerset Test Programme: evaluation workbook\"");
  g_assert_cmpstr (beside (dump, "Summary", "Period", 'B', NULL), ==,
                   "\"1 Jan 2024 – 31 Mar 2024\"");
  g_assert_cmpstr (beside (dump, "Summary", "Produced", 'B', NULL), ==, "\"15 May 2024\"");

  /* The fixture's worked answers, each in the row of its label. */
  g_assert_cmpfloat (number (beside (dump, "Summary", "Active champions", 'B', &type)), ==, 6);
  g_assert_cmpint (type, ==, 'n');
  g_assert_cmpfloat (number (beside (dump, "Summary", "Tier 1 completions", 'B', NULL)), ==, 5);
  g_assert_cmpfloat_with_epsilon (number (beside (dump, "Summary", "Tier 1 reach", 'B', NULL)),
                                  4.0 / 185.0, 1e-12);
  g_assert_cmpfloat (number (beside (dump, "Summary", "Sessions delivered", 'B', NULL)), ==, 4);
  g_assert_cmpfloat (number (beside (dump, "Summary", "Confidence change", 'B', NULL)), ==, 1.5);
  g_assert_cmpfloat (number (beside (dump, "Summary", "Events held", 'B', NULL)), ==, 2);
  g_assert_cmpstr (beside (dump, "Summary", "Tier 1 completions", 'C', NULL), ==,
                   "\"by 4 people\"");

  /* And every headline equals core's, labelled in its own row, with its defined name. */
  evaluation = ti_evaluation_compute (f->programme.db, FROM, TO, TODAY, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < evaluation->headlines->len; i++)
    {
      const TiHeadline *headline = g_ptr_array_index (evaluation->headlines, i);
      guint row = find_row (dump, "Summary", 'A', headline->label);
      g_autofree char *name = g_strdup_printf ("name\t%s\tSummary!$B$%u", headline->key, row);

      g_assert_cmpuint (row, >, 0);
      if (isnan (headline->number))
        g_assert_cmpstr (beside (dump, "Summary", headline->label, 'B', NULL), ==, "\"no data\"");
      else
        g_assert_cmpfloat_with_epsilon (
          number (beside (dump, "Summary", headline->label, 'B', NULL)), headline->number, 1e-9);
      g_assert_true (has_line (dump, name));
    }

  /* Native charts: at least the five the board asked for. */
  g_assert_cmpuint (count_prefix (dump, "chart\tSummary\t"), >=, 5);
  g_assert_true (has_line (dump, "chart\tSummary\tLineChart"));
  g_assert_true (has_line (dump, "chart\tSummary\tBarChart"));
  g_assert_cmpstr (beside (dump, "Chart data", "Tier 2", 'B', NULL), ==, "3");
  /* A chart of months has dates for categories, shown as months. */
  {
    guint row = find_row (dump, "Chart data", 'A', "Completions over time");
    g_autofree char *first = g_strdup_printf ("A%u", row + 2);
    g_autofree char *format = g_strdup_printf ("format\tChart data\t%s\tmmm yyyy", first);

    g_assert_cmpuint (row, >, 0);
    g_assert_cmpstr (cell_value (dump, "Chart data", first, &type), ==, "\"2024-01-01 00:00:00\"");
    g_assert_cmpint (type, ==, 'd');
    g_assert_true (has_line (dump, format));
  }

  /* Made for reading: frozen headers, filters, formats, properties. */
  g_assert_true (has_line (dump, "freeze\tSessions\tA5"));
  g_assert_true (has_line (dump, "filter\tSessions\tA4:P9"));
  g_assert_cmpstr (cell_value (dump, "Sessions", "A5", &type), ==, "\"2024-01-10 00:00:00\"");
  g_assert_cmpint (type, ==, 'd');
  g_assert_true (has_line (dump, "format\tSessions\tA5\td mmm yyyy"));
  g_assert_true (has_line (dump, "prop\ttitle\t\"Somerset Test Programme: evaluation workbook\""));
  g_assert_true (has_line (dump, "prop\tcreator\t\"Somerset Test Council\""));
  g_assert_true (has_line (dump, "prop\tcompany\t\"Somerset Test Council\""));
  g_assert_cmpuint (count_prefix (dump, "prop\tkeywords\t\"trauma-informed"), ==, 1);

  /* The confidence sheet's last row is the Summary's figure. */
  g_assert_cmpfloat (number (beside (dump, "Confidence", "Tiers 2 and 3", 'G', NULL)), ==, 2.5);
  g_assert_cmpfloat (number (beside (dump, "Confidence", "Tiers 2 and 3", 'H', NULL)), ==, 4);
  /* The detail sheets add up to the headlines. */
  g_assert_cmpuint (count_cells (dump, "Organisations", 'G', "\"Yes\""), ==, 3);
  g_assert_cmpuint (count_cells (dump, "Organisations", 'H', "\"Signed\""), ==, 2);
  g_assert_cmpuint (count_cells (dump, "Milestones", 'F', "\"Yes\""), ==, 3);
  g_assert_cmpfloat (sum_column (dump, "Engagement", 'D'), ==, 8);
  /* Notes: the period, and how a headline is counted. */
  g_assert_cmpstr (beside (dump, "Notes", "Period", 'B', NULL), ==,
                   "\"1 Jan 2024 – 31 Mar 2024\"");
  g_assert_nonnull (beside (dump, "Notes", "Active champions", 'B', NULL));
  g_assert_cmpuint (find_row (dump, "Notes", 'A', "Tier 1 reach"), >, 0);
}

/* The Network sheet: the graph core builds for the period's last day, its sector matrix
 * cell for cell. */
static void
test_network (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TiNetworkGraph) graph
    = ti_network_graph_build (f->programme.db, TI_NETWORK_CHAMPIONS, TO, &error);
  g_autoptr (Dump) dump = NULL;
  const TiSectorMatrix *matrix;
  guint champions = 0;
  guint heading;

  g_assert_no_error (error);
  export (f, FALSE, 5);
  dump = read_workbook (f->path);
  for (guint i = 0; i < graph->nodes->len; i++)
    champions += g_array_index (graph->nodes, TiNetworkNode, i).kind == TI_NETWORK_NODE_CHAMPION;
  g_assert_cmpfloat (number (beside (dump, "Network", "Champions", 'B', NULL)), ==, champions);
  /* The graph's count: groups of two organisations or more (test-network-graph.c), defined
   * in the Notes. */
  g_assert_cmpfloat (number (beside (dump, "Network", "Connected groups", 'B', NULL)), ==,
                     graph->n_components);
  g_assert_true (g_str_has_prefix (beside (dump, "Notes", "Connected groups", 'B', NULL),
                                   "\"Groups of two organisations or more"));
  /* Active on 31 March: six champions. */
  g_assert_cmpuint (champions, ==, 6);

  matrix = &graph->sector_matrix;
  g_assert_cmpuint (matrix->n_sectors, >, 1);
  heading = find_row (dump, "Network", 'A', "Ties within and between sectors");
  g_assert_cmpuint (heading, >, 0);
  for (guint r = 0; r < matrix->n_sectors; r++)
    {
      g_autofree char *label = g_strdup_printf ("A%u", heading + 3 + r);
      g_autofree char *header = g_strdup_printf ("%c%u", 'B' + r, heading + 2);
      g_autofree char *expected = g_strdup_printf ("\"%s\"", ti_vocabulary_sector_label (matrix->sectors[r]));

      g_assert_cmpstr (cell_value (dump, "Network", label, NULL), ==, expected);
      g_assert_cmpstr (cell_value (dump, "Network", header, NULL), ==, expected);
      for (guint c = 0; c < matrix->n_sectors; c++)
        {
          g_autofree char *cell = g_strdup_printf ("%c%u", 'B' + c, heading + 3 + r);

          g_assert_cmpfloat (number (cell_value (dump, "Network", cell, NULL)), ==,
                             ti_sector_matrix_get_ties (matrix, r, c));
        }
    }
}

static void
test_pseudonymous (Fixture *f, gconstpointer data)
{
  g_autoptr (Dump) dump = NULL;
  g_autoptr (Dump) again = NULL;
  g_autoptr (Dump) named = NULL;
  g_autoptr (GRegex) pseudonym = g_regex_new ("^\"P-[0-9A-F]{10}\"$", 0, 0, NULL);
  guint champions = 0;

  export (f, FALSE, 5);
  dump = read_workbook (f->path);
  /* No name or email anywhere in the file, properties and charts included. */
  for (guint i = 0; dump->lines[i] != NULL; i++)
    if (g_str_has_prefix (dump->lines[i], "found\t"))
      g_error ("personal data in the workbook: %s", dump->lines[i]);

  /* Champions by pseudonymous ID; their active rows add up to the headline. */
  g_assert_cmpstr (cell_value (dump, "Champions", "A4", NULL), ==, "\"Champion\"");
  for (guint row = 5;; row++)
    {
      g_autofree char *coordinate = g_strdup_printf ("A%u", row);
      const char *value = cell_value (dump, "Champions", coordinate, NULL);

      if (value == NULL)
        break;
      g_assert_true (g_regex_match (pseudonym, value, 0, NULL));
      champions++;
    }
  /* Everyone who had joined by 31 March: all but Eve. */
  g_assert_cmpuint (champions, ==, 8);
  g_assert_cmpuint (count_cells (dump, "Champions", 'G', "\"Yes\""), ==, 6);

  /* The same person has the same ID in the next export. */
  export (f, FALSE, 5);
  again = read_workbook (f->path);
  g_assert_cmpstr (cell_value (again, "Champions", "A5", NULL), ==,
                   cell_value (dump, "Champions", "A5", NULL));

  /* Asked for, the names are there: the check above can fail. */
  export (f, TRUE, 5);
  named = read_workbook (f->path);
  g_assert_cmpuint (count_prefix (named, "found\tAda\t"), >, 0);
  g_assert_cmpuint (count_prefix (named, "found\tada.tester@example.org\t"), >, 0);
  /* Named, a champion has no ID: a named file is no key to the pseudonymous ones. */
  g_assert_cmpstr (cell_value (named, "Champions", "A4", NULL), ==, "\"Name\"");
  g_assert_cmpstr (cell_value (named, "Champions", "B4", NULL), ==, "\"Email\"");
  g_assert_cmpuint (count_prefix (named, "found\tP-"), ==, 0);
}

static void
test_suppression (Fixture *f, gconstpointer data)
{
  g_autoptr (Dump) five = NULL;
  g_autoptr (Dump) two = NULL;
  g_autoptr (Dump) none = NULL;

  /* Threshold 5: Somerset Council's 2 completions and 2 people reached are hidden, and its
   * reach with them; zeros are shown. */
  export (f, FALSE, 5);
  five = read_workbook (f->path);
  g_assert_cmpstr (beside (five, "Tier 1 reach", "Somerset Council", 'F', NULL), ==, "\"<5\"");
  g_assert_cmpstr (beside (five, "Tier 1 reach", "Somerset Council", 'G', NULL), ==, "\"<5\"");
  g_assert_cmpstr (beside (five, "Tier 1 reach", "Somerset Council", 'H', NULL), ==, "\"<5\"");
  g_assert_cmpstr (beside (five, "Tier 1 reach", "Moorland Trust", 'F', NULL), ==, "0");

  /* Threshold 2: Levels Surgery's 1 completion is hidden; it is the only primary care
   * organisation with any, so nothing else is, but the primary care reach that would give
   * it away is hidden on Chart data. Somerset Council's and Wellsway School's 2 are shown. */
  export (f, FALSE, 2);
  two = read_workbook (f->path);
  g_assert_cmpstr (beside (two, "Tier 1 reach", "Levels Surgery", 'F', NULL), ==, "\"<2\"");
  g_assert_cmpstr (beside (two, "Tier 1 reach", "Somerset Council", 'F', NULL), ==, "2");
  g_assert_cmpstr (beside (two, "Tier 1 reach", "Wellsway School", 'F', NULL), ==, "2");
  g_assert_cmpstr (beside (two, "Chart data", "Primary care", 'B', NULL), ==, "\"<2\"");
  g_assert_cmpstr (beside (two, "Chart data", "Council", 'B', NULL), !=, "\"<2\"");

  /* Threshold 0: every count shown. */
  export (f, FALSE, 0);
  none = read_workbook (f->path);
  g_assert_cmpstr (beside (none, "Tier 1 reach", "Levels Surgery", 'F', NULL), ==, "1");
  g_assert_cmpstr (beside (none, "Tier 1 reach", "Somerset Council", 'F', NULL), ==, "2");
}

/* A sector's reach is a published total: a sector hiding one organisation's count hides
 * another of the same sector, so that the sector's figure cannot give it back. Burnham
 * School (education, 3 completions) joins Wellsway School (education, 2). */
static void
test_suppression_by_sector (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (Dump) dump = NULL;

  g_assert_true (ti_database_exec (
    f->programme.db,
    "INSERT INTO organisations (id, name, sector, locality, headcount) VALUES"
    "  (9, 'Burnham School', 'education', 'sedgemoor', 30);"
    "INSERT INTO people (id, name, organisation_id) VALUES (30, 'Amy', 9), (31, 'Bo', 9),"
    "  (32, 'Cy', 9);"
    "INSERT INTO tier1_completions (person_id, completed_on) VALUES (30, '2024-02-01'),"
    "  (31, '2024-02-02'), (32, '2024-02-03');",
    &error));
  g_assert_no_error (error);
  export (f, FALSE, 3);
  dump = read_workbook (f->path);
  g_assert_cmpstr (beside (dump, "Tier 1 reach", "Wellsway School", 'F', NULL), ==, "\"<3\"");
  /* Not small itself: hidden with it. */
  g_assert_cmpstr (beside (dump, "Tier 1 reach", "Burnham School", 'F', NULL), ==, "\"<3\"");
  /* Somerset Council, alone in its sector with 2, is hidden and so is the council's reach. */
  g_assert_cmpstr (beside (dump, "Tier 1 reach", "Somerset Council", 'F', NULL), ==, "\"<3\"");
  g_assert_cmpstr (beside (dump, "Chart data", "Council", 'B', NULL), ==, "\"<3\"");
  /* Education's 4 people reached are not a small number: its reach is shown. */
  g_assert_cmpfloat_with_epsilon (number (beside (dump, "Chart data", "Education", 'B', NULL)),
                                  4.0 / 50.0, 1e-12);
}

static void
test_text_stays_text (Fixture *f, gconstpointer data)
{
  g_autoptr (Dump) dump = NULL;
  char type = 0;

  export (f, FALSE, 5);
  dump = read_workbook (f->path);
  g_assert_cmpstr (cell_value (dump, "Sessions", "C5", &type), ==,
                   "\"=HYPERLINK(\\\"http://example.org\\\",\\\"Click\\\")\"");
  g_assert_cmpint (type, ==, 's');
  /* A control character XML cannot carry becomes a space. */
  g_assert_cmpuint (find_row (dump, "Sessions", 'C', "Bell ringer"), >, 0);
  g_assert_cmpstr (beside (dump, "Engagement", "2024-02-10 00:00:00", 'F', &type), ==,
                   "\"+SUM(1,2)\"");
  g_assert_cmpint (type, ==, 's');
}

/* Every line but the creation time, which differs between two exports. */
static char *
without_created (Dump *dump)
{
  g_autoptr (GString) text = g_string_new (NULL);

  for (guint i = 0; dump->lines[i] != NULL; i++)
    if (!g_str_has_prefix (dump->lines[i], "prop\tcreated\t"))
      g_string_append_printf (text, "%s\n", dump->lines[i]);
  return g_strdup (text->str);
}

static void
test_locale (Fixture *f, gconstpointer data)
{
  g_autofree char *locales = g_build_filename (f->programme.dir, "locales", NULL);
  g_autofree char *german = g_build_filename (locales, "de_DE.UTF-8", NULL);
  const char *argv[] = { "localedef", "-i", "de_DE", "-f", "UTF-8", german, NULL };
  g_autoptr (Dump) plain = NULL;
  g_autoptr (Dump) comma = NULL;
  g_autofree char *plain_text = NULL;
  g_autofree char *comma_text = NULL;
  g_autofree char *previous = g_strdup (setlocale (LC_ALL, NULL));
  char printed[32];
  int status = -1;

  export (f, FALSE, 5);
  plain = read_workbook (f->path);

  g_mkdir_with_parents (locales, 0700);
  if (!g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL
                                                   | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, NULL, NULL, &status, NULL)
      || !g_spawn_check_wait_status (status, NULL))
    {
      g_test_skip ("localedef could not make a comma-decimal locale (Debian’s locales package)");
      return;
    }
  g_setenv ("LOCPATH", locales, TRUE);
  g_assert_nonnull (setlocale (LC_ALL, "de_DE.UTF-8"));
  /* The locale is really in force: printf writes a decimal comma. */
  g_snprintf (printed, sizeof printed, "%.1f", 1.5);
  g_assert_cmpstr (printed, ==, "1,5");

  export (f, FALSE, 5);
  setlocale (LC_ALL, previous);
  g_unsetenv ("LOCPATH");
  comma = read_workbook (f->path);

  plain_text = without_created (plain);
  comma_text = without_created (comma);
  g_assert_cmpstr (comma_text, ==, plain_text);
  g_assert_cmpfloat (number (beside (comma, "Summary", "Confidence change", 'B', NULL)), ==, 1.5);
}

/* Only the programme and, when given, @expected in the folder: no temporary left over. */
static void
assert_folder_holds (Fixture *f, const char *expected)
{
  g_autoptr (GDir) dir = g_dir_open (f->programme.dir, 0, NULL);
  const char *name;

  while ((name = g_dir_read_name (dir)) != NULL)
    if (!g_str_has_prefix (name, "workbook.sqlite"))
      g_assert_cmpstr (name, ==, expected);
}

static void
cancel_at_network (double fraction, const char *step, gpointer data)
{
  if (strstr (step, "network") != NULL)
    g_cancellable_cancel (data);
}

static void
test_failure (Fixture *f, gconstpointer data)
{
  g_auto (TiWorkbookOptions) options;
  g_autoptr (GError) error = NULL;
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *missing = g_build_filename (f->programme.dir, "no such folder", "x.xlsx", NULL);
  g_autofree char *contents = NULL;

  options_for (&options, FALSE, 5);

  /* A folder that does not exist: said, nothing written. */
  g_assert_false (ti_workbook_export (f->programme.db, missing, &options, NULL, NULL, NULL,
                                      &error));
  g_assert_error (error, TI_WORKBOOK_ERROR, TI_WORKBOOK_ERROR_WRITE);
  g_assert_nonnull (strstr (error->message, "no such folder"));
  g_clear_error (&error);
  assert_folder_holds (f, NULL);

  /* An earlier workbook of that name stays as it was when an export fails midway. */
  g_assert_true (g_file_set_contents (f->path, "the earlier workbook", -1, NULL));
  g_assert_false (ti_workbook_export (f->programme.db, f->path, &options, cancel_at_network,
                                      cancellable, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_true (g_file_get_contents (f->path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "the earlier workbook");
  assert_folder_holds (f, "Evaluation.xlsx");

  /* Options that make no workbook. */
  g_free (options.to);
  options.to = g_strdup ("2023-12-31");
  g_assert_false (ti_workbook_export (f->programme.db, f->path, &options, NULL, NULL, NULL,
                                      &error));
  g_assert_error (error, TI_WORKBOOK_ERROR, TI_WORKBOOK_ERROR_OPTIONS);
  g_assert_cmpstr (error->message, ==, "The period ends before it starts.");
  g_clear_error (&error);
  options.suppression_threshold = 51;
  g_free (options.to);
  options.to = g_strdup (TO);
  g_assert_false (ti_workbook_export (f->programme.db, f->path, &options, NULL, NULL, NULL,
                                      &error));
  g_assert_error (error, TI_WORKBOOK_ERROR, TI_WORKBOOK_ERROR_OPTIONS);
  assert_folder_holds (f, "Evaluation.xlsx");

  /* A good export replaces it, readable by its owner only. */
  export (f, FALSE, 5);
  {
    GStatBuf st;

    g_assert_cmpint (g_stat (f->path, &st), ==, 0);
    g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  }
  assert_folder_holds (f, "Evaluation.xlsx");
}

/* An export killed midway leaves its temporary file; the next export to the same file
 * removes it once it is older than any export takes, and never a running export's. */
static void
test_stale_temporaries (Fixture *f, gconstpointer data)
{
  g_autofree char *stale = g_build_filename (f->programme.dir, ".Evaluation.xlsx-a1B2c3", NULL);
  g_autofree char *running = g_build_filename (f->programme.dir, ".Evaluation.xlsx-d4E5f6", NULL);
  g_autofree char *other = g_build_filename (f->programme.dir, ".Other.xlsx-g7H8i9", NULL);
  gint64 old = g_get_real_time () / G_USEC_PER_SEC - TI_WORKBOOK_STALE_SECONDS - 60;
  struct utimbuf times = { old, old };

  g_assert_true (g_file_set_contents (stale, "PK half a workbook", -1, NULL));
  g_assert_true (g_file_set_contents (running, "PK being written", -1, NULL));
  g_assert_true (g_file_set_contents (other, "PK another file's", -1, NULL));
  g_assert_cmpint (utime (stale, &times), ==, 0);
  g_assert_cmpint (utime (other, &times), ==, 0);

  export (f, FALSE, 5);
  g_assert_false (g_file_test (stale, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (running, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (other, G_FILE_TEST_EXISTS));
}

typedef struct
{
  GError *error;
  gboolean done;
} Outcome;

static void
export_done (GObject *source, GAsyncResult *result, gpointer data)
{
  Outcome *outcome = data;

  ti_workbook_export_finish (result, &outcome->error);
  outcome->done = TRUE;
}

static void
test_async (Fixture *f, gconstpointer data)
{
  g_auto (TiWorkbookOptions) options;
  Outcome outcome = { NULL, FALSE };
  g_autoptr (Dump) dump = NULL;

  g_assert_true (ti_workbook_options_init (&options, f->programme.db, NULL));
  /* The programme's own settings: its evaluation period and threshold. */
  g_assert_cmpstr (options.from, ==, "2023-01-01");
  g_assert_cmpstr (options.to, ==, "2024-04-30");
  g_assert_cmpuint (options.suppression_threshold, ==, 5);
  g_assert_false (options.include_names);

  ti_workbook_export_async (f->programme.path, f->path, &options, NULL, NULL, NULL, export_done,
                            &outcome);
  while (!outcome.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_no_error (outcome.error);
  dump = read_workbook (f->path);
  g_assert_cmpstr (beside (dump, "Summary", "Period", 'B', NULL), ==,
                   "\"1 Jan 2023 – 30 Apr 2024\"");
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/workbook/summary", test_summary);
  ADD ("/workbook/pseudonymous", test_pseudonymous);
  ADD ("/workbook/suppression", test_suppression);
  ADD ("/workbook/suppression-by-sector", test_suppression_by_sector);
  ADD ("/workbook/network", test_network);
  ADD ("/workbook/text-stays-text", test_text_stays_text);
  ADD ("/workbook/locale", test_locale);
  ADD ("/workbook/failure", test_failure);
  ADD ("/workbook/stale-temporaries", test_stale_temporaries);
  ADD ("/workbook/async", test_async);
#undef ADD

  return g_test_run ();
}
