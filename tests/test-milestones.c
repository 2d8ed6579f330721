/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "test-util.h"
#include "ti-milestone-figures.h"
#include "ti-milestone-status.h"
#include "ti-milestones.h"

/* Milestones: the status at its boundary dates, the due month as people write it, the
 * figures on a hand-made programme with every answer worked out, validation of each field,
 * saving, and delete with restore. */

/* Workstreams 1–4 are principles, training, service delivery, organisational change. */
static const char fixture_sql[] =
  "INSERT INTO organisations (id, name, sector, locality, headcount) VALUES"
  "  (1, 'Somerset Council', 'council', 'county_wide', 5000),"
  "  (2, 'Quantock Housing', 'housing', 'sedgemoor', 120);"
  "INSERT INTO charter_adoptions (organisation_id, stage, signed_on) VALUES"
  "  (1, 'signed', '2023-01-26'), (2, 'consultation', NULL);"
  "INSERT INTO events (id, title, kind, starts_at, venue) VALUES"
  "  (1, 'Network launch', 'launch', '2023-01-26 10:00', 'Taunton'),"
  "  (2, 'June network event', 'network_event', '2023-06-22 09:30', NULL);"
  "INSERT INTO sessions (id, tier, title, starts_at, status, review_status) VALUES"
  "  (1, 2, 'First champion cascade', '2023-09-12 09:30', 'delivered', 'awaiting'),"
  "  (2, 3, 'Cancelled enhanced', '2023-10-02 09:30', 'cancelled', 'not_due');"
  /* As of 30 April 2024, for the period 1 January 2023 to 30 April 2024 (worked out below). */
  "INSERT INTO milestones (id, workstream_id, title, due_month, done_on, evidence_event_id,"
  "  evidence_session_id, evidence_organisation_id, evidence_text) VALUES"
  "  (1, 4, 'Business case to the board', '2023-01', '2023-01-17', NULL, NULL, NULL,"
  "   'Board minutes'),"
  "  (2, 2, 'Psychologist role procured', '2023-05', '2023-07-03', NULL, NULL, NULL, NULL),"
  "  (3, 1, 'Charter launch', '2024-04', '2024-04-30', 1, NULL, NULL, NULL),"
  "  (4, 3, 'Schools plan agreed', '2024-03', '2024-05-02', NULL, 1, NULL, NULL),"
  "  (5, 1, 'Charter signed by partners', '2024-04', NULL, NULL, NULL, 1, NULL),"
  "  (6, 4, 'Full evaluation', '2024-05', NULL, NULL, NULL, NULL, NULL),"
  "  (7, 2, 'Working group formed', '2022-12', '2022-12-01', NULL, NULL, NULL, NULL),"
  "  (8, 3, 'Housing review', '2023-11', NULL, NULL, NULL, NULL, NULL);";

static GDate
day (int y, int m, int d)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, d, m, y);
  return date;
}

static TiMilestoneStatus
status_on (const char *due_month, const char *done_on, int y, int m, int d)
{
  GDate today = day (y, m, d);

  return ti_milestone_status_compute (due_month, done_on, &today);
}

/* A milestone due in June 2024 is due on 30 June. */
static void
test_status_boundaries (void)
{
  /* Not done: on track up to 31 days before, at risk from 30 days before to the day itself,
   * late the day after. */
  g_assert_cmpint (status_on ("2024-06", NULL, 2024, 1, 1), ==, TI_MILESTONE_ON_TRACK);
  g_assert_cmpint (status_on ("2024-06", NULL, 2024, 5, 30), ==, TI_MILESTONE_ON_TRACK);
  g_assert_cmpint (status_on ("2024-06", NULL, 2024, 5, 31), ==, TI_MILESTONE_AT_RISK);
  g_assert_cmpint (status_on ("2024-06", NULL, 2024, 6, 1), ==, TI_MILESTONE_AT_RISK);
  g_assert_cmpint (status_on ("2024-06", NULL, 2024, 6, 30), ==, TI_MILESTONE_AT_RISK);
  g_assert_cmpint (status_on ("2024-06", NULL, 2024, 7, 1), ==, TI_MILESTONE_LATE);
  g_assert_cmpint (status_on ("2024-06", NULL, 2026, 1, 1), ==, TI_MILESTONE_LATE);

  /* Done: on time up to the last day of the month, late from the day after; whatever
   * today is. */
  g_assert_cmpint (status_on ("2024-06", "2024-06-30", 2024, 7, 2), ==, TI_MILESTONE_DONE);
  g_assert_cmpint (status_on ("2024-06", "2024-07-01", 2024, 7, 2), ==, TI_MILESTONE_DONE_LATE);
  g_assert_cmpint (status_on ("2024-06", "2024-06-01", 2024, 6, 2), ==, TI_MILESTONE_DONE);
  g_assert_cmpint (status_on ("2024-06", "2023-12-01", 2024, 1, 1), ==, TI_MILESTONE_DONE);

  /* February of a leap year ends on the 29th: 30 days before is 30 January. */
  g_assert_cmpint (status_on ("2024-02", NULL, 2024, 1, 29), ==, TI_MILESTONE_ON_TRACK);
  g_assert_cmpint (status_on ("2024-02", NULL, 2024, 1, 30), ==, TI_MILESTONE_AT_RISK);
  g_assert_cmpint (status_on ("2024-02", NULL, 2024, 2, 29), ==, TI_MILESTONE_AT_RISK);
  g_assert_cmpint (status_on ("2024-02", NULL, 2024, 3, 1), ==, TI_MILESTONE_LATE);
  g_assert_cmpint (status_on ("2023-02", "2023-02-28", 2023, 3, 1), ==, TI_MILESTONE_DONE);
  /* Across the year's end. */
  g_assert_cmpint (status_on ("2023-12", NULL, 2023, 12, 31), ==, TI_MILESTONE_AT_RISK);
  g_assert_cmpint (status_on ("2023-12", NULL, 2024, 1, 1), ==, TI_MILESTONE_LATE);
  g_assert_cmpint (status_on ("2024-01", NULL, 2023, 12, 1), ==, TI_MILESTONE_ON_TRACK);
  g_assert_cmpint (status_on ("2024-01", NULL, 2024, 1, 1), ==, TI_MILESTONE_AT_RISK);
  /* A done date that cannot be read is not a done date. */
  g_assert_cmpint (status_on ("2024-06", "soon", 2024, 7, 1), ==, TI_MILESTONE_LATE);
}

static void
test_status_words (void)
{
  static const struct
  {
    TiMilestoneStatus status;
    const char *key;
    const char *label;
  } words[] = {
    { TI_MILESTONE_DONE, "done", "Done" },
    { TI_MILESTONE_DONE_LATE, "done_late", "Done late" },
    { TI_MILESTONE_ON_TRACK, "on_track", "On track" },
    { TI_MILESTONE_AT_RISK, "at_risk", "At risk" },
    { TI_MILESTONE_LATE, "late", "Late" },
  };
  TiMilestoneStatus status;

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    {
      g_assert_cmpstr (ti_milestone_status_key (words[i].status), ==, words[i].key);
      g_assert_cmpstr (ti_milestone_status_label (words[i].status), ==, words[i].label);
      g_assert_true (ti_milestone_status_from_key (words[i].key, &status));
      g_assert_cmpint (status, ==, words[i].status);
    }
  g_assert_false (ti_milestone_status_from_key ("green", &status));
  g_assert_true (ti_milestone_status_is_done (TI_MILESTONE_DONE_LATE));
  g_assert_false (ti_milestone_status_is_done (TI_MILESTONE_AT_RISK));
}

static void
test_month_parse (void)
{
  static const struct
  {
    const char *text;
    TiMonthProblem problem;
    const char *month;
  } cases[] = {
    { "2024-01", TI_MONTH_OK, "2024-01" },
    { " 2024-12 ", TI_MONTH_OK, "2024-12" },
    { "01/2024", TI_MONTH_OK, "2024-01" },
    { "5/2024", TI_MONTH_OK, "2024-05" },
    { "Jan 2024", TI_MONTH_OK, "2024-01" },
    { "january 2024", TI_MONTH_OK, "2024-01" },
    { "  MAY   2023 ", TI_MONTH_OK, "2023-05" },
    { "Sept 2023", TI_MONTH_OK, "2023-09" },
    { "2024-13", TI_MONTH_IMPOSSIBLE, "" },
    { "2024-00", TI_MONTH_IMPOSSIBLE, "" },
    { "13/2024", TI_MONTH_IMPOSSIBLE, "" },
    { "1899-12", TI_MONTH_IMPOSSIBLE, "" },
    { "2024-1", TI_MONTH_MALFORMED, "" },
    { "2024/01", TI_MONTH_MALFORMED, "" },
    { "Janu 2024", TI_MONTH_MALFORMED, "" },
    { "Jan 24", TI_MONTH_MALFORMED, "" },
    { "2024", TI_MONTH_MALFORMED, "" },
    { "2024-01-15", TI_MONTH_MALFORMED, "" },
    { "", TI_MONTH_MALFORMED, "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      char month[8];

      g_test_message ("“%s”", cases[i].text);
      g_assert_cmpint (ti_milestone_month_parse (cases[i].text, month), ==, cases[i].problem);
      g_assert_cmpstr (month, ==, cases[i].month);
    }
}

typedef struct
{
  TestProgramme programme;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  test_programme_set_up (&f->programme, "milestones.sqlite", fixture_sql);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  test_programme_tear_down (&f->programme);
}

static void
assert_figures (const TiMilestoneFigures *figures, guint due, guint on_time, guint done_late,
                guint late, guint at_risk, guint on_track)
{
  g_assert_cmpuint (figures->milestones_due, ==, due);
  g_assert_cmpuint (figures->milestones_done_on_time, ==, on_time);
  g_assert_cmpuint (figures->milestones_done_late, ==, done_late);
  g_assert_cmpuint (figures->milestones_late, ==, late);
  g_assert_cmpuint (figures->milestones_at_risk, ==, at_risk);
  g_assert_cmpuint (figures->milestones_on_track, ==, on_track);
}

static void
test_figures (Fixture *f, gconstpointer data)
{
  g_auto (TiMilestoneFigures) figures = { 0 };
  g_autoptr (GError) error = NULL;
  guint n;

  /* The evaluation period as of its last day. In it (due on or before 30 Apr 2024): 1, 2, 3,
   * 4, 5, 8; not 6 (due 31 May) nor 7 (due Dec 2022).
   *   1 done 17 Jan 2023, due 31 Jan 2023 ........ on time
   *   2 done 3 Jul 2023, due 31 May 2023 ......... late, done
   *   3 done 30 Apr 2024, the last day ........... on time
   *   4 done 2 May 2024: not yet on 30 Apr; due 31 Mar ... late
   *   5 not done, due 30 Apr, 0 days left ........ at risk
   *   8 not done, due 30 Nov 2023 ................ late */
  g_assert_true (ti_milestone_figures_compute (f->programme.db, "2023-01-01", "2024-04-30",
                                               "2024-04-30", &figures, &error));
  g_assert_no_error (error);
  assert_figures (&figures, 6, 2, 1, 2, 1, 0);
  g_assert_cmpstr (figures.as_of, ==, "2024-04-30");
  g_assert_cmpuint (ti_milestone_figures_get (&figures, TI_MILESTONE_LATE), ==, 2);
  ti_milestone_figures_clear (&figures);

  /* No limits: 6 is due 31 May, 31 days away (on track); 7 was done on time. */
  g_assert_true (ti_milestone_figures_compute (f->programme.db, NULL, NULL, "2024-04-30",
                                               &figures, &error));
  assert_figures (&figures, 8, 3, 1, 2, 1, 1);
  ti_milestone_figures_clear (&figures);

  /* The same period a month later: 4 is now done (late) and 5 has become late. */
  g_assert_true (ti_milestone_figures_compute (f->programme.db, "2023-01-01", "2024-04-30",
                                               "2024-06-01", &figures, &error));
  assert_figures (&figures, 6, 2, 2, 2, 0, 0);
  ti_milestone_figures_clear (&figures);

  /* A period of one month: only what is due in it. */
  g_assert_true (ti_milestone_figures_compute (f->programme.db, "2024-04-01", "2024-04-30",
                                               "2024-04-15", &figures, &error));
  assert_figures (&figures, 2, 0, 0, 0, 2, 0);
  ti_milestone_figures_clear (&figures);

  g_assert_false (ti_milestone_figures_compute (f->programme.db, "1/1/2023", NULL, NULL,
                                                &figures, &error));
  g_assert_error (error, TI_TRAINING_FIGURES_ERROR, TI_TRAINING_FIGURES_ERROR_PERIOD);

  /* Each figure is defined in words. */
  ti_milestone_figure_definitions (&n);
  g_assert_cmpuint (n, ==, 6);
  g_assert_nonnull (ti_milestone_figure_definition ("milestones_at_risk"));
  g_assert_null (ti_milestone_figure_definition ("milestones_green"));
}

static void
test_list (Fixture *f, gconstpointer data)
{
  GDate today = day (2024, 4, 30);
  g_autoptr (GError) error = NULL;
  g_autoptr (GListModel) list = ti_milestones_list (f->programme.db, &today, &error);
  static const struct
  {
    gint64 id;
    const char *workstream;
    TiMilestoneStatus status;
    TiEvidenceKind kind;
    const char *evidence;
  } expected[] = {
    /* In due order: Dec 2022, Jan 2023, May 2023, Nov 2023, Mar 2024, Apr 2024 (principles
     * before… both principles: by id), May 2024. */
    { 7, "training", TI_MILESTONE_DONE, TI_EVIDENCE_NONE, NULL },
    { 1, "organisational_change", TI_MILESTONE_DONE, TI_EVIDENCE_TEXT, "Board minutes" },
    { 2, "training", TI_MILESTONE_DONE_LATE, TI_EVIDENCE_NONE, NULL },
    { 8, "service_delivery", TI_MILESTONE_LATE, TI_EVIDENCE_NONE, NULL },
    /* Listed with what is known now: done on 2 May, after the due month. */
    { 4, "service_delivery", TI_MILESTONE_DONE_LATE, TI_EVIDENCE_SESSION, "First champion cascade" },
    { 3, "principles", TI_MILESTONE_DONE, TI_EVIDENCE_EVENT, "Network launch" },
    { 5, "principles", TI_MILESTONE_AT_RISK, TI_EVIDENCE_CHARTER,
      "Charter signed by Somerset Council" },
    { 6, "organisational_change", TI_MILESTONE_ON_TRACK, TI_EVIDENCE_NONE, NULL },
  };

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr (TiMilestone) m = g_list_model_get_item (list, i);

      g_assert_cmpint (ti_milestone_get_id (m), ==, expected[i].id);
      g_assert_cmpstr (ti_milestone_get_workstream_key (m), ==, expected[i].workstream);
      g_assert_cmpint (ti_milestone_get_status (m), ==, expected[i].status);
      g_assert_cmpint (ti_milestone_get_evidence_kind (m), ==, expected[i].kind);
      g_assert_cmpstr (ti_milestone_get_evidence (m), ==, expected[i].evidence);
    }
  {
    g_autoptr (TiMilestone) m = g_list_model_get_item (list, 5);
    g_autofree char *due = NULL, *status = NULL, *workstream = NULL;

    g_object_get (m, "due", &due, "status", &status, "workstream", &workstream, NULL);
    g_assert_cmpstr (due, ==, "Apr 2024");
    g_assert_cmpstr (status, ==, "Done");
    g_assert_cmpstr (workstream, ==, "Principles");
    g_assert_cmpint (ti_milestone_get_evidence_id (m), ==, 1);
  }
  g_assert_null (ti_milestones_get (f->programme.db, 99, &error));
  g_assert_error (error, TI_MILESTONES_ERROR, TI_MILESTONES_ERROR_NOT_FOUND);
}

static void
test_evidence_choices (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) events = ti_milestones_list_evidence (f->programme.db,
                                                              TI_EVIDENCE_EVENT, &error);
  g_autoptr (GPtrArray) sessions = ti_milestones_list_evidence (f->programme.db,
                                                                TI_EVIDENCE_SESSION, &error);
  g_autoptr (GPtrArray) charters = ti_milestones_list_evidence (f->programme.db,
                                                                TI_EVIDENCE_CHARTER, &error);
  TiEvidenceChoice *choice;

  g_assert_no_error (error);
  /* Newest event first. */
  g_assert_cmpuint (events->len, ==, 2);
  choice = g_ptr_array_index (events, 0);
  g_assert_cmpint (choice->id, ==, 2);
  g_assert_cmpstr (choice->label, ==, "June network event · 22 Jun 2023");
  /* A cancelled session shows nothing was met. */
  g_assert_cmpuint (sessions->len, ==, 1);
  choice = g_ptr_array_index (sessions, 0);
  g_assert_cmpstr (choice->label, ==, "First champion cascade · Tier 2 · 12 Sep 2023");
  /* Only signed adoptions. */
  g_assert_cmpuint (charters->len, ==, 1);
  choice = g_ptr_array_index (charters, 0);
  g_assert_cmpint (choice->id, ==, 1);
  g_assert_cmpstr (choice->label, ==, "Somerset Council · signed 26 Jan 2023");
}

/* Sessions alike by title, tier and date are told apart by their host, then their time. */
static void
test_session_choices_alike (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) sessions = NULL;

  g_assert_true (ti_database_exec (
    f->programme.db,
    "INSERT INTO sessions (id, tier, title, starts_at, host_organisation_id) VALUES"
    "  (3, 3, 'Enhanced practice', '2024-03-05 09:30', 1),"
    "  (4, 3, 'Enhanced practice', '2024-03-05 14:00', 1),"
    "  (5, 3, 'Enhanced practice', '2024-03-05 09:30', 2);",
    &error));
  sessions = ti_milestones_list_evidence (f->programme.db, TI_EVIDENCE_SESSION, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sessions->len, ==, 4);
  /* Newest first; the same start, by id, newest first. */
  g_assert_cmpstr (((TiEvidenceChoice *) g_ptr_array_index (sessions, 0))->label, ==,
                   "Enhanced practice · Tier 3 · 5 Mar 2024 · Somerset Council · 14:00");
  g_assert_cmpstr (((TiEvidenceChoice *) g_ptr_array_index (sessions, 1))->label, ==,
                   "Enhanced practice · Tier 3 · 5 Mar 2024 · Quantock Housing");
  g_assert_cmpstr (((TiEvidenceChoice *) g_ptr_array_index (sessions, 2))->label, ==,
                   "Enhanced practice · Tier 3 · 5 Mar 2024 · Somerset Council · 09:30");
  /* No host: title, tier and date, as before. */
  g_assert_cmpstr (((TiEvidenceChoice *) g_ptr_array_index (sessions, 3))->label, ==,
                   "First champion cascade · Tier 2 · 12 Sep 2023");
}

/* Validates @edit and returns its problems' codes and messages, one per line. */
static char *
problems (Fixture *f, const TiMilestoneEdit *edit)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) errors = ti_milestones_validate_all (f->programme.db, edit, &error);
  GString *text = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < errors->len; i++)
    {
      const GError *e = g_ptr_array_index (errors, i);
      g_assert_true (e->domain == TI_MILESTONES_ERROR);
      g_string_append_printf (text, "%d: %s\n", e->code, e->message);
    }
  return g_string_free (text, FALSE);
}

static void
test_validation (Fixture *f, gconstpointer data)
{
  TiMilestoneEdit good = { .workstream = "training", .title = "Tier 3 offered",
                           .due_month = "Oct 2023" };
  TiMilestoneEdit edit;
  g_autofree char *text = NULL;
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autoptr (GDateTime) tomorrow = g_date_time_add_days (now, 1);
  g_autofree char *future = g_date_time_format (tomorrow, "%Y-%m-%d");

#define CHECK(expected)                                                                        \
  do                                                                                           \
    {                                                                                          \
      g_free (text);                                                                           \
      text = problems (f, &edit);                                                              \
      g_assert_cmpstr (text, ==, expected);                                                    \
    }                                                                                          \
  while (0)

  edit = good;
  CHECK ("");
  edit.done_on = "  ";
  CHECK ("");

  /* Everything wrong at once, in the editor's order. */
  edit = (TiMilestoneEdit){ .workstream = "finance", .title = " ", .due_month = "",
                            .done_on = "2023/10/01", .evidence_kind = TI_EVIDENCE_TEXT,
                            .evidence_text = "  " };
  CHECK ("0: Enter what the milestone is.\n"
         "1: Choose a workstream: principles, training, service delivery or organisational "
         "change.\n"
         "2: Enter the month it is due.\n"
         "3: Enter the date as YYYY-MM-DD or DD/MM/YYYY.\n"
         "4: Describe the evidence, or choose “None yet”.\n");

  edit = good;
  edit.due_month = "2023-13";
  CHECK ("2: 2023-13 is not a real month.\n");
  edit.due_month = "October";
  CHECK ("2: Enter the month as YYYY-MM or as a month and year, for example 2024-05 or May "
         "2024.\n");
  edit = good;
  edit.done_on = "31/02/2024";
  CHECK ("3: 31/02/2024 is not a real date.\n");
  edit.done_on = future;
  CHECK ("3: A milestone cannot be done in the future. Enter the day it was done, or leave "
         "the date empty until it is.\n");
  edit.done_on = "12/10/2023";
  CHECK ("");

  /* Evidence: one of the programme's events, sessions or signed charters. */
  edit = good;
  edit.evidence_kind = TI_EVIDENCE_EVENT;
  CHECK ("4: Choose the network event that shows the milestone was met.\n");
  edit.evidence_id = 9;
  CHECK ("4: Choose the network event that shows the milestone was met.\n");
  edit.evidence_id = 2;
  CHECK ("");
  edit.evidence_kind = TI_EVIDENCE_SESSION;
  edit.evidence_id = 1;
  CHECK ("");
  edit.evidence_kind = TI_EVIDENCE_CHARTER;
  edit.evidence_id = 2; /* still in consultation */
  CHECK ("4: Choose an organisation that has signed the charter.\n");
  edit.evidence_id = 1;
  CHECK ("");

  edit = good;
  edit.id = 42;
  CHECK ("5: This milestone is no longer in the programme.\n");
#undef CHECK
}

static void
test_save (Fixture *f, gconstpointer data)
{
  TiDatabase *db = f->programme.db;
  g_autoptr (GError) error = NULL;
  g_autoptr (TiMilestone) saved = NULL;
  TiMilestoneEdit edit = { .workstream = "service_delivery", .title = "  Pilot in primary care ",
                           .due_month = "jan 2024", .done_on = "05/02/2024",
                           .evidence_kind = TI_EVIDENCE_EVENT, .evidence_id = 2,
                           .evidence_text = "ignored: the kind is an event" };
  gint64 id = 0;

  g_assert_true (ti_milestones_save (db, &edit, &id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (id, ==, 9);
  g_assert_cmpint (test_count (db, "SELECT count(*) FROM milestones WHERE id = 9"
                                   " AND title = 'Pilot in primary care' AND due_month = '2024-01'"
                                   " AND done_on = '2024-02-05' AND evidence_event_id = 2"
                                   " AND evidence_text IS NULL AND workstream_id = 3"),
                   ==, 1);
  saved = ti_milestones_get (db, id, &error);
  g_assert_cmpint (ti_milestone_get_status (saved), ==, TI_MILESTONE_DONE_LATE);
  g_assert_cmpstr (ti_milestone_get_evidence (saved), ==, "June network event");

  /* Another kind of evidence replaces the first; no done date clears it. */
  edit.id = id;
  edit.done_on = "";
  edit.evidence_kind = TI_EVIDENCE_TEXT;
  edit.evidence_text = " Practice managers' feedback ";
  g_assert_true (ti_milestones_save (db, &edit, NULL, &error));
  g_assert_cmpint (test_count (db, "SELECT count(*) FROM milestones WHERE id = 9"
                                   " AND done_on IS NULL AND evidence_event_id IS NULL"
                                   " AND evidence_text = 'Practice managers'' feedback'"),
                   ==, 1);
  g_assert_cmpint (test_count (db, "SELECT count(*) FROM audit_log WHERE entity = 'milestone'"
                                   " AND entity_id = 9 AND action IN ('create', 'update')"),
                   ==, 2);
  /* The audit names the kind of evidence, never what it says. */
  g_assert_cmpint (test_count (db, "SELECT count(*) FROM audit_log WHERE detail LIKE '%feedback%'"),
                   ==, 0);

  /* A refused save writes nothing. */
  edit.title = "";
  g_assert_false (ti_milestones_save (db, &edit, NULL, &error));
  g_assert_error (error, TI_MILESTONES_ERROR, TI_MILESTONES_ERROR_TITLE);
  g_assert_cmpint (test_count (db, "SELECT count(*) FROM milestones WHERE title = ''"), ==, 0);
}

static void
test_delete_restore (Fixture *f, gconstpointer data)
{
  TiDatabase *db = f->programme.db;
  g_autoptr (GError) error = NULL;
  g_autoptr (TiMilestoneSnapshot) snapshot = NULL;
  g_autofree char *before = test_content_digest (f->programme.path);
  g_autofree char *after = NULL;

  g_assert_true (ti_milestones_delete (db, 3, &snapshot, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ti_milestone_snapshot_get_id (snapshot), ==, 3);
  g_assert_cmpint (test_count (db, "SELECT count(*) FROM milestones WHERE id = 3"), ==, 0);
  /* The evidence stays. */
  g_assert_cmpint (test_count (db, "SELECT count(*) FROM events WHERE id = 1"), ==, 1);

  g_assert_true (ti_milestones_restore (db, snapshot, &error));
  g_assert_no_error (error);
  after = test_content_digest (f->programme.path);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpint (test_count (db, "SELECT count(*) FROM audit_log WHERE entity = 'milestone'"
                                   " AND entity_id = 3 AND action IN ('delete', 'restore')"),
                   ==, 2);

  /* Gone twice is gone. */
  g_clear_pointer (&snapshot, ti_milestone_snapshot_free);
  g_assert_true (ti_milestones_delete (db, 3, &snapshot, &error));
  g_assert_false (ti_milestones_delete (db, 3, NULL, &error));
  g_assert_error (error, TI_MILESTONES_ERROR, TI_MILESTONES_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Its evidence deleted since: the milestone cannot come back as it was, and nothing
   * changes. */
  g_assert_true (ti_database_exec (db, "DELETE FROM events WHERE id = 1", &error));
  g_assert_false (ti_milestones_restore (db, snapshot, &error));
  g_assert_error (error, TI_MILESTONES_ERROR, TI_MILESTONES_ERROR_RESTORE);
  g_assert_cmpint (test_count (db, "SELECT count(*) FROM milestones WHERE id = 3"), ==, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/milestones/status-boundaries", test_status_boundaries);
  g_test_add_func ("/milestones/status-words", test_status_words);
  g_test_add_func ("/milestones/month-parse", test_month_parse);
#define ADD(name, func) g_test_add ("/milestones/" name, Fixture, NULL, fixture_set_up, func, \
                                    fixture_tear_down)
  ADD ("figures", test_figures);
  ADD ("list", test_list);
  ADD ("evidence-choices", test_evidence_choices);
  ADD ("session-choices-alike", test_session_choices_alike);
  ADD ("validation", test_validation);
  ADD ("save", test_save);
  ADD ("delete-restore", test_delete_restore);
#undef ADD
  return g_test_run ();
}
