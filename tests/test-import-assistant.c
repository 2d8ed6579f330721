/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "test-util.h"
#include "test-widget-util.h"
#include "ti-application.h"
#include "ti-import-assistant.h"
#include "ti-window.h"

static TiApplication *app;

static gboolean
label_has_prefix (GtkWidget *widget, gconstpointer prefix)
{
  return GTK_IS_LABEL (widget)
         && g_str_has_prefix (gtk_label_get_text (GTK_LABEL (widget)), prefix);
}

/* The texts of the mapped labels that start with @prefix, in the order shown. */
static void
collect_shown_prefixed (GtkWidget *root, const char *prefix, GPtrArray *found)
{
  g_autoptr (GPtrArray) labels = test_collect_widgets (root, TRUE, label_has_prefix, prefix);

  for (guint i = 0; i < labels->len; i++)
    g_ptr_array_add (found, g_strdup (gtk_label_get_text (g_ptr_array_index (labels, i))));
}

static gboolean
label_says_nothing_imported (GtkWidget *widget, gconstpointer data)
{
  g_autofree char *folded = NULL;

  if (!GTK_IS_LABEL (widget))
    return FALSE;
  folded = g_utf8_strdown (gtk_label_get_text (GTK_LABEL (widget)), -1);
  return strstr (folded, "nothing was imported") != NULL;
}

static gboolean
label_contains (GtkWidget *widget, gconstpointer text)
{
  return GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL;
}

static gboolean
is_back_button (GtkWidget *widget, gconstpointer data)
{
  return GTK_IS_BUTTON (widget)
         && g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (widget)), "go-previous-symbolic") == 0;
}

/* The header bar's Back button shows an arrow, not words. */
static GtkWidget *
find_back_button (GtkWidget *root)
{
  return test_find_widget (root, TRUE, is_back_button, NULL);
}

static gboolean
is_hidden (gpointer data)
{
  return !gtk_widget_get_visible (data);
}

/* Opens the assistant from the window's action and keeps a reference to it. */
static TiImportAssistant *
open_assistant (TiWindow *window)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.import", NULL));
  return g_object_ref (TI_IMPORT_ASSISTANT (test_wait_for_toplevel (TI_TYPE_IMPORT_ASSISTANT)));
}

/* The column of the file a field's row has chosen, as the row shows it. */
static const char *
chosen (TiImportAssistant *assistant, const char *field)
{
  GtkWidget *row = test_find_row (GTK_WIDGET (assistant), field);

  g_assert_true (ADW_IS_COMBO_ROW (row));
  return gtk_string_object_get_string (adw_combo_row_get_selected_item (ADW_COMBO_ROW (row)));
}

static void
choose (TiImportAssistant *assistant, const char *field, const char *column)
{
  GtkWidget *row = test_find_row (GTK_WIDGET (assistant), field);
  GListModel *choices;

  g_assert_true (ADW_IS_COMBO_ROW (row));
  choices = adw_combo_row_get_model (ADW_COMBO_ROW (row));
  for (guint i = 0; i < g_list_model_get_n_items (choices); i++)
    {
      g_autoptr (GtkStringObject) choice = g_list_model_get_item (choices, i);
      if (g_strcmp0 (gtk_string_object_get_string (choice), column) == 0)
        {
          adw_combo_row_set_selected (ADW_COMBO_ROW (row), i);
          return;
        }
    }
  g_error ("the row “%s” offers no column “%s”", field, column);
}

typedef struct
{
  GtkWidget *root;
  const char *label;
  GtkWidget *button;
} Button;

static gboolean
button_is_shown (gpointer data)
{
  Button *wanted = data;

  wanted->button = test_find_button (wanted->root, wanted->label);
  return wanted->button != NULL;
}

/* Waits for the button to be shown (windows map, steps slide in), then clicks it. */
static void
press (gpointer root, const char *label)
{
  Button wanted = { GTK_WIDGET (root), label, NULL };
  GtkWidget *button;

  test_iterate_until (button_is_shown, &wanted);
  button = wanted.button;
  g_assert_true (gtk_widget_is_sensitive (button));
  gtk_widget_activate (button);
}

static char *
write_file (const char *dir, const char *name, const char *contents)
{
  char *path = g_build_filename (dir, name, NULL);

  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  return path;
}

/* Two organisations, for people to belong to. */
static const char organisations_sql[] =
  "INSERT INTO organisations (id, name, sector, locality, headcount) VALUES"
  " (1, 'Somerset NHS Foundation Trust', 'nhs_trust', 'county_wide', 6000),"
  " (2, 'Quantock Housing', 'housing', 'sedgemoor', 120);";

/* The assistant closes itself after an import; nothing else may hold it. */
static void
wait_until_closed (TiImportAssistant *assistant)
{
  test_iterate_until (is_hidden, assistant);
  test_iterate_a_while ();
  g_assert_finalize_object (assistant);
}

/* Counted through the window's own connection to the programme. */
static gint64
count (TiWindow *window, const char *sql)
{
  return test_count (ti_window_get_database (window), sql);
}

static void
test_entry_points (void)
{
  TestProgramme programme;
  g_auto (GStrv) accels = NULL;
  TiWindow *window = test_window_new (NULL);
  TiImportAssistant *assistant;

  test_programme_set_up (&programme, "programme.sqlite", "");

  /* Ctrl+I, and nothing to import into before a programme is open. */
  accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "win.import");
  g_assert_cmpstr (accels[0], ==, "<Control>i");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.import", NULL);
  test_iterate_a_while ();
  g_assert_null (test_find_toplevel (TI_TYPE_IMPORT_ASSISTANT));

  /* A new, empty programme offers to start from a spreadsheet on its welcome page. */
  g_assert_true (ti_window_open_programme (window, programme.path, FALSE));
  test_wait_for_text (GTK_WIDGET (window), "Welcome to Trauma Informed Somerset");
  press (window, "_Import From a Spreadsheet…");
  assistant = TI_IMPORT_ASSISTANT (test_wait_for_toplevel (TI_TYPE_IMPORT_ASSISTANT));
  g_object_ref (assistant);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (assistant)) == GTK_WINDOW (window));
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (assistant)));

  /* The first step: organisations first, and no file yet, so no going on. */
  g_assert_cmpint (ti_import_assistant_get_kind (assistant), ==, TI_IMPORT_ORGANISATIONS);
  test_wait_for_text (GTK_WIDGET (assistant), "name, sector, locality, headcount, parent");
  test_wait_for_text (GTK_WIDGET (assistant), "No file chosen");
  g_assert_false (gtk_widget_is_sensitive (test_find_button (GTK_WIDGET (assistant), "_Next")));

  /* The keyboard starts on the choice of what the file holds, not on Cancel. */
  {
    GtkWidget *focus = gtk_window_get_focus (GTK_WINDOW (assistant));
    GtkWidget *organisations = test_find_row (GTK_WIDGET (assistant), "Organisations");

    g_assert_nonnull (focus);
    g_assert_false (focus == test_find_button (GTK_WIDGET (assistant), "_Cancel"));
    g_assert_true (GTK_IS_CHECK_BUTTON (focus));
    g_assert_true (gtk_widget_is_ancestor (focus, organisations));
    g_assert_true (gtk_widget_has_focus (focus));
  }

  /* A file that cannot be read is explained where it was chosen. */
  {
    g_autofree char *missing = g_build_filename (programme.dir, "missing.csv", NULL);
    g_autofree char *empty = write_file (programme.dir, "empty.csv", "");

    /* Named as the file row names it: by its name, not its whole path. */
    ti_import_assistant_set_file (assistant, empty);
    test_wait_for_text (GTK_WIDGET (assistant),
                        "“empty.csv” has no header row: the file is empty.");
    g_assert_null (test_find_widget (GTK_WIDGET (assistant), TRUE, label_contains, programme.dir));
    g_assert_false (gtk_widget_is_sensitive (test_find_button (GTK_WIDGET (assistant), "_Next")));
    ti_import_assistant_set_file (assistant, missing);
    g_assert_false (gtk_widget_is_sensitive (test_find_button (GTK_WIDGET (assistant), "_Next")));
  }

  /* Cancel closes it, and nothing was written. */
  press (assistant, "_Cancel");
  wait_until_closed (assistant);
  g_assert_cmpint (count (window, "SELECT count(*) FROM organisations"), ==, 0);

  test_window_close (window);
  test_programme_tear_down (&programme);
}

static void
test_import_organisations (void)
{
  TestProgramme programme;
  g_autofree char *csv = NULL;
  TiWindow *window;
  TiImportAssistant *assistant;

  test_programme_set_up (&programme, "programme.sqlite", "");
  csv = write_file (programme.dir, "partners.csv",
                    "name,sector,locality,headcount\r\n"
                    "Somerset NHS Foundation Trust,NHS trust,County-wide,14000\r\n"
                    "Wellsway Primary School,Education,Mendip,40\r\n"
                    "\"Quantock Housing, Bridgwater\",housing,sedgemoor,120\r\n");
  window = test_window_new (programme.path);
  assistant = open_assistant (window);

  ti_import_assistant_set_file (assistant, csv);
  test_wait_for_text (GTK_WIDGET (assistant), "partners.csv");
  press (assistant, "_Next");

  /* The file's first rows, under its own headers. */
  test_wait_for_text (GTK_WIDGET (assistant), "Wellsway Primary School");
  test_wait_for_text (GTK_WIDGET (assistant), "Quantock Housing, Bridgwater");
  test_wait_for_text (GTK_WIDGET (assistant), "headcount");

  /* A wide file scrolls sideways, with a scrollbar that stays in sight, not clipped. */
  {
    GtkWidget *preview = test_find_type (GTK_WIDGET (assistant), GTK_TYPE_COLUMN_VIEW);
    GtkWidget *scroller = gtk_widget_get_ancestor (preview, GTK_TYPE_SCROLLED_WINDOW);
    GtkPolicyType horizontal, vertical;

    g_assert_nonnull (scroller);
    g_assert_true (gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scroller)) == preview);
    gtk_scrolled_window_get_policy (GTK_SCROLLED_WINDOW (scroller), &horizontal, &vertical);
    g_assert_cmpint (horizontal, ==, GTK_POLICY_AUTOMATIC);
    g_assert_false (gtk_scrolled_window_get_overlay_scrolling (GTK_SCROLLED_WINDOW (scroller)));
    g_assert_cmpint (gtk_scrolled_window_get_min_content_height (GTK_SCROLLED_WINDOW (scroller)),
                     >=, 120);
  }

  /* Columns of the same name are matched already; the missing optional one is said so. */
  g_assert_cmpstr (chosen (assistant, "The organisation’s name"), ==, "name");
  g_assert_cmpstr (chosen (assistant, "Its sector"), ==, "sector");
  g_assert_cmpstr (chosen (assistant, "Its locality"), ==, "locality");
  g_assert_cmpstr (chosen (assistant, "How many staff it has"), ==, "headcount");
  g_assert_cmpstr (chosen (assistant, "The organisation it is part of"), ==, "Not in this file");
  test_wait_for_text (GTK_WIDGET (assistant), "Every column of the file is used.");

  press (assistant, "_Import");

  /* The window shows the programme now, and says what happened: a toast, which goes after a
   * few seconds, so it is looked for as the assistant closes, not after. */
  test_wait_for_text (GTK_WIDGET (window), "Organisations: 3 added, 0 updated, 0 unchanged");
  wait_until_closed (assistant);
  test_wait_for_gone (GTK_WIDGET (window), "Welcome to Trauma Informed Somerset");
  g_assert_cmpint (count (window, "SELECT count(*) FROM organisations"), ==, 3);
  g_assert_cmpint (count (window, "SELECT count(*) FROM organisations WHERE name ="
                                  " 'Quantock Housing, Bridgwater' AND headcount = 120"),
                   ==, 1);

  /* The same file again changes nothing, and says so. */
  assistant = open_assistant (window);
  ti_import_assistant_set_file (assistant, csv);
  press (assistant, "_Next");
  press (assistant, "_Import");
  test_wait_for_text (GTK_WIDGET (window), "Organisations: 0 added, 0 updated, 3 unchanged");
  wait_until_closed (assistant);
  g_assert_cmpint (count (window, "SELECT count(*) FROM organisations"), ==, 3);

  test_window_close (window);
  test_programme_tear_down (&programme);
}

static void
test_remap_people (void)
{
  TestProgramme programme;
  g_autofree char *csv = NULL;
  TiWindow *window;
  TiImportAssistant *assistant;
  GtkWidget *people;

  test_programme_set_up (&programme, "programme.sqlite", organisations_sql);
  /* A Learning Centre export names its columns its own way. */
  csv = write_file (
    programme.dir, "learning-centre.csv",
    "Full Name,E-mail Address,Organisation Name,Role,Course\n"
    "Jo Marsh,Jo.Marsh@quantock.example,Quantock Housing,Tenancy officer,Tier 1\n"
    "Robin Vale,robin.vale@somersetft.example,Somerset NHS Foundation Trust,Ward manager,"
    "Tier 1\n");
  window = test_window_new (programme.path);
  assistant = open_assistant (window);

  /* People, chosen as a person would: the check button of its row. */
  people = test_find_row (GTK_WIDGET (assistant), "People");
  g_assert_nonnull (people);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (test_find_type (people, GTK_TYPE_CHECK_BUTTON)),
                               TRUE);
  g_assert_cmpint (ti_import_assistant_get_kind (assistant), ==, TI_IMPORT_PEOPLE);

  ti_import_assistant_set_file (assistant, csv);
  press (assistant, "_Next");
  test_wait_for_text (GTK_WIDGET (assistant), "Tenancy officer");
  test_wait_for_text (GTK_WIDGET (assistant), "E-mail Address");

  /* Nothing matches by name, so the required fields wait for a choice and Import waits too. */
  g_assert_cmpstr (chosen (assistant, "The person’s name"), ==, "Choose a column");
  g_assert_cmpstr (chosen (assistant, "Their work email address"), ==, "Choose a column");
  g_assert_cmpstr (chosen (assistant, "Their job title"), ==, "Not in this file");
  test_wait_for_text (GTK_WIDGET (assistant),
                      "Choose a column of the file for: The person’s name, Their work email "
                      "address, The organisation they work for.");
  g_assert_false (gtk_widget_is_sensitive (test_find_button (GTK_WIDGET (assistant), "_Import")));

  choose (assistant, "The person’s name", "Full Name");
  choose (assistant, "Their work email address", "E-mail Address");
  g_assert_false (gtk_widget_is_sensitive (test_find_button (GTK_WIDGET (assistant), "_Import")));
  choose (assistant, "The organisation they work for", "Organisation Name");
  choose (assistant, "Their job title", "Role");
  g_assert_cmpstr (chosen (assistant, "The person’s name"), ==, "Full Name");
  test_wait_for_text (GTK_WIDGET (assistant), "Not imported, because no field above uses them: "
                                              "“Course”.");

  press (assistant, "_Import");
  test_wait_for_text (GTK_WIDGET (window), "People: 2 added, 0 updated, 0 unchanged");
  wait_until_closed (assistant);
  g_assert_cmpint (count (window, "SELECT count(*) FROM people"), ==, 2);
  g_assert_cmpint (count (window, "SELECT count(*) FROM people p JOIN organisations o"
                                  " ON o.id = p.organisation_id WHERE p.name = 'Jo Marsh'"
                                  " AND o.name = 'Quantock Housing'"
                                  " AND p.job_title = 'Tenancy officer'"),
                   ==, 1);

  test_window_close (window);
  test_programme_tear_down (&programme);
}

/* A Tier 1 export from the Learning Centre, under its own headers: they are matched. */
static void
test_import_tier1 (void)
{
  TestProgramme programme;
  g_autofree char *csv = NULL;
  TiWindow *window;
  TiImportAssistant *assistant;
  GtkWidget *tier1;

  test_programme_set_up (&programme, "programme.sqlite", organisations_sql);
  csv = write_file (programme.dir, "learning-centre.csv",
                    "Learner Name,Email Address,Department,Course Title,Completion Date,Score\n"
                    "Jo Marsh,jo.marsh@quantock.example,Quantock Housing,ACEs online learning,"
                    "14/03/2023,80\n"
                    "Robin Vale,robin.vale@somersetft.example,Somerset NHS Foundation Trust,"
                    "Trauma-informed practice,2023-05-02,95\n");
  window = test_window_new (programme.path);
  assistant = open_assistant (window);

  tier1 = test_find_row (GTK_WIDGET (assistant), "Tier 1 completions");
  g_assert_nonnull (tier1);
  test_wait_for_text (GTK_WIDGET (assistant), "email, name, organisation, completed_on, source");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (test_find_type (tier1, GTK_TYPE_CHECK_BUTTON)),
                               TRUE);
  g_assert_cmpint (ti_import_assistant_get_kind (assistant), ==, TI_IMPORT_TIER1);

  ti_import_assistant_set_file (assistant, csv);
  press (assistant, "_Next");
  test_wait_for_text (GTK_WIDGET (assistant), "Trauma-informed practice");

  /* Every column the export has is matched to ours without a choice to make. */
  g_assert_cmpstr (chosen (assistant, "Their name"), ==, "Learner Name");
  g_assert_cmpstr (chosen (assistant, "The work email address of the person who completed it"), ==,
                   "Email Address");
  g_assert_cmpstr (chosen (assistant, "The organisation they work for"), ==, "Department");
  g_assert_cmpstr (chosen (assistant, "The date they completed Tier 1"), ==, "Completion Date");
  g_assert_cmpstr (chosen (assistant, "Where they completed it: the course or the learning site"),
                   ==, "Course Title");
  test_wait_for_text (GTK_WIDGET (assistant), "Not imported, because no field above uses them: "
                                              "“Score”.");

  press (assistant, "_Import");
  test_wait_for_text (GTK_WIDGET (window),
                      "Tier 1 completions: 2 added, 0 updated, 0 unchanged; 2 new people");
  wait_until_closed (assistant);
  g_assert_cmpint (count (window, "SELECT count(*) FROM tier1_completions t JOIN people p"
                                  " ON p.id = t.person_id WHERE p.name = 'Jo Marsh'"
                                  " AND p.organisation_id = 2 AND t.completed_on = '2023-03-14'"
                                  " AND t.source = 'ACEs online learning'"),
                   ==, 1);

  test_window_close (window);
  test_programme_tear_down (&programme);
}

typedef struct
{
  GtkProgressBar *bar;
  double fraction;
} Progress;

static gboolean
progress_passed (gpointer data)
{
  Progress *wanted = data;

  return gtk_progress_bar_get_fraction (wanted->bar) >= wanted->fraction;
}

/* Imports the file chosen and presses Stop Importing once the progress bar has passed
 * @fraction: back to the columns, and the programme is as it was. */
static void
import_and_stop (TiImportAssistant *assistant, const char *db_path, double fraction)
{
  g_autofree char *before = test_table_digest (db_path);
  g_autofree char *after = NULL;
  Progress wanted = { NULL, fraction };

  press (assistant, "_Import");
  test_wait_for_text (GTK_WIDGET (assistant), "Every record is checked first; nothing is written "
                                              "unless all of them are right.");
  wanted.bar = GTK_PROGRESS_BAR (test_find_type (GTK_WIDGET (assistant), GTK_TYPE_PROGRESS_BAR));
  test_iterate_until (progress_passed, &wanted);
  press (assistant, "_Stop Importing");
  test_wait_for_text (GTK_WIDGET (assistant), "The import was stopped; nothing was imported");
  after = test_table_digest (db_path);
  g_assert_cmpstr (before, ==, after);
}

/* A monthly export of a quarter of a million records shows its progress and can be
 * stopped while it is being written, leaving nothing. */
static void
test_cancel_tier1 (void)
{
  TestProgramme programme;
  g_autofree char *csv = NULL;
  g_autoptr (GString) contents = g_string_new ("email,name,organisation,completed_on,source\n");
  TiWindow *window;
  TiImportAssistant *assistant;

  test_programme_set_up (&programme, "programme.sqlite", organisations_sql);
  for (guint i = 0; i < 250000; i++)
    g_string_append_printf (contents,
                            "p%u@quantock.example,Person %u,Quantock Housing,"
                            "%02u/%02u/2023,Learning Centre\n",
                            i, i, 1 + i % 28, 1 + i % 12);
  csv = write_file (programme.dir, "tier1.csv", contents->str);
  window = test_window_new (programme.path);

  /* Stopped once the records are being checked, past the reading of the file. */
  assistant = open_assistant (window);
  ti_import_assistant_set_kind (assistant, TI_IMPORT_TIER1);
  ti_import_assistant_set_file (assistant, csv);
  press (assistant, "_Next");
  import_and_stop (assistant, programme.path, 0.5);

  press (assistant, "_Cancel");
  wait_until_closed (assistant);
  test_window_close (window);
  test_programme_tear_down (&programme);
}

static void
test_problems (void)
{
  static const char *const expected[] = {
    "Line 3: the email “jo.marsh@” is not a valid address",
    "Line 4: the organisation “Nowhere Org” is not in the programme; import it with the "
    "organisations first, or add it in the window",
    "Line 5: the champion “maybe” is neither yes nor no",
  };
  TestProgramme programme;
  g_autofree char *csv = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr (GPtrArray) said = NULL;
  g_autoptr (GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  TiWindow *window;
  TiImportAssistant *assistant;

  test_programme_set_up (&programme, "programme.sqlite", organisations_sql);
  csv = write_file (programme.dir, "people.csv",
                    "name,email,organisation,champion,Notes\n"
                    "Alex Harrow,alex@somersetft.example,Somerset NHS Foundation Trust,no,\n"
                    "Jo Marsh,jo.marsh@,Quantock Housing,no,x\n"
                    "Sam Carter,sam@carter.example,Nowhere Org,no,y\n"
                    "Kit Elms,kit@elms.example,Quantock Housing,maybe,\n");
  before = test_table_digest (programme.path);
  window = test_window_new (programme.path);
  assistant = open_assistant (window);

  ti_import_assistant_set_kind (assistant, TI_IMPORT_PEOPLE);
  ti_import_assistant_set_file (assistant, csv);
  press (assistant, "_Next");
  g_assert_cmpstr (chosen (assistant, "Whether they are a champion: yes or no"), ==, "champion");
  press (assistant, "_Import");

  /* Every problem with its line, the sentence that nothing was imported, and the warning. */
  test_wait_for_text (GTK_WIDGET (assistant),
                      "Nothing was imported. Correct the file and try again.");
  test_wait_for_text (GTK_WIDGET (assistant), "“people.csv” has 3 problems, listed below.");
  said = test_collect_widgets (GTK_WIDGET (assistant), TRUE, label_says_nothing_imported, NULL);
  g_assert_cmpuint (said->len, ==, 1);
  collect_shown_prefixed (GTK_WIDGET (assistant), "Line ", lines);
  g_assert_cmpuint (lines->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpstr (g_ptr_array_index (lines, i), ==, expected[i]);
  g_ptr_array_set_size (lines, 0);
  /* The warning is a sentence of its own, under the problems. */
  collect_shown_prefixed (GTK_WIDGET (assistant), "This column was ignored", lines);
  g_assert_cmpuint (lines->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (lines, 0), "“Notes”"));
  g_assert_null (test_find_widget (GTK_WIDGET (assistant), TRUE, label_contains, programme.dir));

  /* Nothing was written, and the window was not told of a change. */
  after = test_table_digest (programme.path);
  g_assert_cmpstr (before, ==, after);
  g_assert_null (test_find_shown (GTK_WIDGET (window), "People: 0 added, 0 updated, 0 unchanged"));

  /* Back to the columns to try again, then Close. */
  g_assert_nonnull (find_back_button (GTK_WIDGET (assistant)));
  gtk_widget_activate (find_back_button (GTK_WIDGET (assistant)));
  test_wait_for_text (GTK_WIDGET (assistant), "The person’s name");
  g_assert_true (gtk_widget_is_sensitive (test_find_button (GTK_WIDGET (assistant), "_Import")));
  press (assistant, "_Cancel");
  wait_until_closed (assistant);

  test_window_close (window);
  test_programme_tear_down (&programme);
}

static void
test_cancel (void)
{
  TestProgramme programme;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *csv = NULL;
  g_autoptr (GString) contents = g_string_new ("name,sector,locality,headcount\n");
  TiWindow *window;
  TiImportAssistant *assistant;

  test_programme_set_up (&programme, "programme.sqlite", "");
  before = test_table_digest (programme.path);
  window = test_window_new (programme.path);

  /* Big enough that the import is still running when the person stops it. */
  for (guint i = 0; i < 200000; i++)
    g_string_append_printf (contents, "Partner %u,VCSE,Mendip,%u\n", i, i % 50);
  csv = write_file (programme.dir, "partners.csv", contents->str);

  /* Stop Importing: back to the columns, and nothing written. */
  assistant = open_assistant (window);
  ti_import_assistant_set_file (assistant, csv);
  press (assistant, "_Next");
  import_and_stop (assistant, programme.path, 0);
  test_wait_for_text (GTK_WIDGET (assistant), "The organisation’s name");

  /* Closing the assistant mid-way stops the import too. */
  press (assistant, "_Import");
  test_wait_for_text (GTK_WIDGET (assistant), "Every record is checked first; nothing is written "
                                              "unless all of them are right.");
  gtk_window_close (GTK_WINDOW (assistant));
  wait_until_closed (assistant);
  g_clear_pointer (&after, g_free);
  after = test_table_digest (programme.path);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpint (count (window, "SELECT count(*) FROM organisations"), ==, 0);

  test_window_close (window);
  test_programme_tear_down (&programme);
}

int
main (int argc, char *argv[])
{
  app = test_widget_init (&argc, &argv);

  g_test_add_func ("/import-assistant/entry-points", test_entry_points);
  g_test_add_func ("/import-assistant/import-organisations", test_import_organisations);
  g_test_add_func ("/import-assistant/remap-people", test_remap_people);
  g_test_add_func ("/import-assistant/import-tier1", test_import_tier1);
  g_test_add_func ("/import-assistant/problems", test_problems);
  g_test_add_func ("/import-assistant/cancel", test_cancel);
  g_test_add_func ("/import-assistant/cancel-tier1", test_cancel_tier1);

  return test_widget_finish (g_test_run ());
}
