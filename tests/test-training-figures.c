/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <string.h>

#include "test-util.h"
#include "ti-training-figures.h"

/*
 * The training figures on a small programme whose answers are worked out by hand below.
 * The period is 1 April to 30 September 2023; something happens on the day before, the
 * first day, the last day and the day after.
 *
 * Organisations (headcount; a parent's headcount includes its directorates):
 *   1 Somerset Council                        council, county-wide     100
 *   2 Somerset Council – Children's Services  (directorate of 1)        40
 *   3 Wellsway School                         education, Mendip         20
 *   4 Quantock Housing                        housing, Sedgemoor         0 (not known)
 *   5 University of Bristol                   university, outside     1000
 *   6 Levels Surgery                          primary care, S Somerset   2 (out of date)
 *   7 Moorland Health Trust                   NHS trust, county-wide     0 (not known)
 *   8 Moorland Ward                           (directorate of 7)        10
 *
 * Units (the highest organisation with a known headcount above each): 1 (for 1 and 2), 3,
 * 5, 6, 8; organisations 4 and 7 have none.
 *
 * Tier 1 completions (in = in the period):
 *   Ada (1)  2023-03-31 out, 2023-04-01 in     Ben (1)  2023-09-30 in
 *   Oz (1, erased) 2023-05-20 in               Cat (2)  2023-06-15 in, 2023-06-20 in
 *   Dan (2)  2023-10-01 out (not reached)      Eve (3)  2023-05-05 in
 *   Gus (4)  2023-05-10 in                     Hal (5)  2023-07-01 in
 *   Ivy (6)  2023-09-01 in                     Jon (6)  2023-09-02 in
 *   Kim (6)  2022-12-01 out (reached before)   Lee (8)  2023-06-01 in
 *   Ned (7)  2023-04-30 in                     Max (no organisation) 2023-07-15 in
 *
 *   completions 13, people 12; reached by 30 Sep: all but Dan, 13.
 *   Reach: units 1 (Ada, Ben, Oz, Cat: 4 of 100), 3 (1 of 20), 6 (3 of 2: counts 2),
 *   8 (1 of 10); Bristol is outside Somerset. 8 of 132 = 6.06%.
 *
 * Sessions (C coordinator, P psychologist, S champion):
 *   1 T2 2023-04-01 09:00 delivered C+S  approved       review 04-21 approved
 *   2 T2 2023-09-30 18:00 delivered S    awaiting
 *   3 T3 2023-06-10 10:00 delivered P    not due
 *   4 T2 2023-03-31 10:00 delivered C    changes req.   review 04-05 changes requested
 *   5 T2 2023-10-01 10:00 delivered S    awaiting
 *   6 T2 2023-07-01 10:00 cancelled C
 *   7 T3 2023-08-15 10:00 delivered P+S  approved       reviews 08-22 changes, 08-25 approved
 *   8 T2 2023-09-01 10:00 delivered C    approved       review 10-10 approved (after)
 *   9 T2 2023-05-01 10:00 delivered S    approved       review 05-03 approved
 *  10 T2 2023-03-01 10:00 delivered C    approved       review 03-15 approved (before)
 *
 *   delivered in the period: Tier 2 1, 2, 8, 9 (4); Tier 3 3, 7 (2);
 *   coordinator 1, 8 (2); psychologist 3, 7 (2); champion 1, 2, 7, 9 (4).
 *   Backlog at 30 Sep: 2 (awaiting), 4 (changes requested), 8 (its review came later) = 3.
 *   Reviews in the period: 1, 4, 7, 7, 9 = 5, approving 3: 60%.
 *   First reviews in the period: 9 after 2 days, 4 after 5, 7 after 7, 1 after 20:
 *   median (5 + 7) / 2 = 6.
 *
 * Registers (attended; completed; confidence before → after):
 *   1: Ada yes, yes, 2→4; Ben yes, yes, 3→3; Eve yes, no, 2→–; Fay absent
 *   2: Cat yes, yes, –→5; Gus yes, yes, 4→3
 *   3: Lee yes, yes, 1→4
 *   7: Ada yes, yes, 3→5
 *   9: Ivy yes, no, no scores
 *   4, 5, 6 (outside the period or cancelled): Jon, Kim, Fay yes, yes, 1→5 — never counted
 *
 *   attendees 8, completions 6: 75%. Paired: Ada 2→4, Ben 3→3, Gus 4→3, Lee 1→4, Ada 3→5:
 *   before 13/5 = 2.6, after 19/5 = 3.8, change 6/5 = +1.2; improved 3 of 5 = 60%.
 */
static const char fixture_sql[] =
  "INSERT INTO organisations (id, name, sector, locality, headcount, parent_id) VALUES"
  "  (1, 'Somerset Council', 'council', 'county_wide', 100, NULL),"
  "  (2, 'Somerset Council – Children''s Services', 'council', 'county_wide', 40, 1),"
  "  (3, 'Wellsway School', 'education', 'mendip', 20, NULL),"
  "  (4, 'Quantock Housing', 'housing', 'sedgemoor', 0, NULL),"
  "  (5, 'University of Bristol', 'university', 'outside_somerset', 1000, NULL),"
  "  (6, 'Levels Surgery', 'primary_care', 'south_somerset', 2, NULL),"
  "  (7, 'Moorland Health Trust', 'nhs_trust', 'county_wide', 0, NULL),"
  "  (8, 'Moorland Ward', 'nhs_trust', 'county_wide', 10, 7);"
  "INSERT INTO people (id, name, organisation_id, role) VALUES"
  "  (1, 'Ada', 1, 'staff'), (2, 'Ben', 1, 'staff'), (3, 'Cat', 2, 'staff'),"
  "  (4, 'Dan', 2, 'staff'), (5, 'Eve', 3, 'staff'), (6, 'Fay', 3, 'staff'),"
  "  (7, 'Gus', 4, 'staff'), (8, 'Hal', 5, 'staff'), (9, 'Ivy', 6, 'staff'),"
  "  (10, 'Jon', 6, 'staff'), (11, 'Kim', 6, 'staff'), (12, 'Lee', 8, 'staff'),"
  "  (13, 'Max', NULL, 'staff'), (14, 'Ned', 7, 'staff'),"
  "  (20, 'Cal', 1, 'coordinator'), (21, 'Pat', 1, 'psychologist'), (22, 'Sue', 3, 'staff');"
  "INSERT INTO people (id, name, organisation_id, erased_on) VALUES"
  "  (15, 'Erased person', 1, '2024-01-10');"
  "INSERT INTO tier1_completions (person_id, completed_on, source) VALUES"
  "  (1, '2023-03-31', 'ACEs online learning'), (1, '2023-04-01', 'Learning Centre'),"
  "  (2, '2023-09-30', 'Learning Centre'), (15, '2023-05-20', 'Learning Centre'),"
  "  (3, '2023-06-15', 'Learning Centre'), (3, '2023-06-20', 'ACEs online learning'),"
  "  (4, '2023-10-01', 'Learning Centre'), (5, '2023-05-05', 'Learning Centre'),"
  "  (7, '2023-05-10', 'Learning Centre'), (8, '2023-07-01', 'ACEs online learning'),"
  "  (9, '2023-09-01', 'Learning Centre'), (10, '2023-09-02', 'Learning Centre'),"
  "  (11, '2022-12-01', 'Learning Centre'), (12, '2023-06-01', 'Learning Centre'),"
  "  (14, '2023-04-30', 'Learning Centre'), (13, '2023-07-15', 'ACEs online learning');"
  "INSERT INTO sessions (id, tier, title, starts_at, status, review_status) VALUES"
  "  (1, 2, 'First day', '2023-04-01 09:00', 'delivered', 'approved'),"
  "  (2, 2, 'Last day, late', '2023-09-30 18:00', 'delivered', 'awaiting'),"
  "  (3, 3, 'Psychologist led', '2023-06-10 10:00', 'delivered', 'not_due'),"
  "  (4, 2, 'Day before', '2023-03-31 10:00', 'delivered', 'changes_requested'),"
  "  (5, 2, 'Day after', '2023-10-01 10:00', 'delivered', 'awaiting'),"
  "  (6, 2, 'Cancelled', '2023-07-01 10:00', 'cancelled', 'not_due'),"
  "  (7, 3, 'Reviewed twice', '2023-08-15 10:00', 'delivered', 'approved'),"
  "  (8, 2, 'Reviewed later', '2023-09-01 10:00', 'delivered', 'approved'),"
  "  (9, 2, 'Cascade', '2023-05-01 10:00', 'delivered', 'approved'),"
  "  (10, 2, 'Before the period', '2023-03-01 10:00', 'delivered', 'approved');"
  "INSERT INTO session_facilitators (session_id, person_id, kind) VALUES"
  "  (1, 20, 'coordinator'), (1, 22, 'champion'), (2, 22, 'champion'),"
  "  (3, 21, 'psychologist'), (4, 20, 'coordinator'), (5, 22, 'champion'),"
  "  (6, 20, 'coordinator'), (7, 21, 'psychologist'), (7, 22, 'champion'),"
  "  (8, 20, 'coordinator'), (9, 22, 'champion'), (10, 20, 'coordinator');"
  "INSERT INTO reviews (session_id, reviewer_id, reviewed_on, outcome) VALUES"
  "  (1, 21, '2023-04-21', 'approved'), (4, 21, '2023-04-05', 'changes_requested'),"
  "  (7, 21, '2023-08-22', 'changes_requested'), (7, 21, '2023-08-25', 'approved'),"
  "  (8, 21, '2023-10-10', 'approved'), (9, 21, '2023-05-03', 'approved'),"
  "  (10, 21, '2023-03-15', 'approved');"
  "INSERT INTO attendance (session_id, person_id, attended, completed, confidence_before,"
  "  confidence_after) VALUES"
  "  (1, 1, 1, 1, 2, 4), (1, 2, 1, 1, 3, 3), (1, 5, 1, 0, 2, NULL), (1, 6, 0, 0, NULL, NULL),"
  "  (2, 3, 1, 1, NULL, 5), (2, 7, 1, 1, 4, 3),"
  "  (3, 12, 1, 1, 1, 4),"
  "  (7, 1, 1, 1, 3, 5),"
  "  (9, 9, 1, 0, NULL, NULL),"
  "  (4, 10, 1, 1, 1, 5), (5, 11, 1, 1, 1, 5), (6, 6, 1, 1, 1, 5);";

#define FROM "2023-04-01"
#define TO "2023-09-30"

typedef TestProgramme Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  test_programme_set_up (f, "figures.sqlite", data ? data : fixture_sql);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  test_programme_tear_down (f);
}

static void
compute (Fixture *f, const char *from, const char *to, TiTrainingFigures *out)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (ti_training_figures_compute (f->db, from, to, out, &error));
  g_assert_no_error (error);
}

#define assert_close(a, b) g_assert_cmpfloat_with_epsilon ((a), (b), 1e-9)

static void
test_period (Fixture *f, gconstpointer data)
{
  g_auto (TiTrainingFigures) figures = { 0 };

  compute (f, FROM, TO, &figures);
  g_assert_cmpstr (figures.from, ==, FROM);
  g_assert_cmpstr (figures.to, ==, TO);

  /* Tier 1 */
  g_assert_cmpuint (figures.tier1_completions, ==, 13);
  g_assert_cmpuint (figures.tier1_people, ==, 12);
  g_assert_cmpuint (figures.tier1_reached, ==, 8);
  g_assert_cmpint (figures.tier1_headcount, ==, 132);
  assert_close (figures.tier1_reach, 8.0 / 132.0);

  /* Sessions */
  g_assert_cmpuint (figures.sessions_tier2, ==, 4);
  g_assert_cmpuint (figures.sessions_tier3, ==, 2);
  g_assert_cmpuint (figures.sessions_coordinator, ==, 2);
  g_assert_cmpuint (figures.sessions_psychologist, ==, 2);
  g_assert_cmpuint (figures.sessions_champion, ==, 4);

  /* Registers */
  g_assert_cmpuint (figures.attendees, ==, 8);
  g_assert_cmpuint (figures.session_completions, ==, 6);
  assert_close (figures.completion_rate, 0.75);
  g_assert_cmpuint (figures.paired_attendees, ==, 5);
  assert_close (figures.confidence_before, 2.6);
  assert_close (figures.confidence_after, 3.8);
  assert_close (figures.confidence_change, 1.2);
  assert_close (figures.improved_share, 0.6);

  /* Reviews */
  g_assert_cmpuint (figures.review_backlog, ==, 3);
  g_assert_cmpuint (figures.reviews_recorded, ==, 5);
  g_assert_cmpuint (figures.reviews_approved, ==, 3);
  assert_close (figures.approval_rate, 0.6);
  g_assert_cmpuint (figures.first_reviews, ==, 4);
  assert_close (figures.median_days_to_review, 6.0);
}

/* The whole programme: nothing is outside the period. */
static void
test_whole_programme (Fixture *f, gconstpointer data)
{
  g_auto (TiTrainingFigures) figures = { 0 };

  compute (f, NULL, NULL, &figures);
  g_assert_null (figures.from);
  g_assert_null (figures.to);
  /* Ada's, Dan's and Kim's completions outside the period join in; Dan is reached. */
  g_assert_cmpuint (figures.tier1_completions, ==, 16);
  g_assert_cmpuint (figures.tier1_people, ==, 14);
  g_assert_cmpuint (figures.tier1_reached, ==, 9);
  g_assert_cmpint (figures.tier1_headcount, ==, 132);
  /* Sessions 4, 5 and 10 (Tier 2; 4 and 10 by the coordinator, 5 by a champion). */
  g_assert_cmpuint (figures.sessions_tier2, ==, 7);
  g_assert_cmpuint (figures.sessions_tier3, ==, 2);
  g_assert_cmpuint (figures.sessions_coordinator, ==, 4);
  g_assert_cmpuint (figures.sessions_champion, ==, 5);
  /* Jon and Kim, both 1 → 5; the cancelled session still never counts. */
  g_assert_cmpuint (figures.attendees, ==, 10);
  g_assert_cmpuint (figures.paired_attendees, ==, 7);
  assert_close (figures.confidence_before, 15.0 / 7.0);
  assert_close (figures.confidence_after, 29.0 / 7.0);
  assert_close (figures.confidence_change, 2.0);
  assert_close (figures.improved_share, 5.0 / 7.0);
  /* Now: 2 and 5 awaiting, 4 changes requested; 8 is approved by now. */
  g_assert_cmpuint (figures.review_backlog, ==, 3);
  g_assert_cmpuint (figures.reviews_recorded, ==, 7);
  g_assert_cmpuint (figures.reviews_approved, ==, 5);
  /* First reviews: 2, 5, 7, 14 (10), 20, 39 (8): (7 + 14) / 2. */
  g_assert_cmpuint (figures.first_reviews, ==, 6);
  assert_close (figures.median_days_to_review, 10.5);
}

static void
test_no_data (Fixture *f, gconstpointer data)
{
  g_auto (TiTrainingFigures) may = { 0 };
  g_auto (TiTrainingFigures) august = { 0 };

  /* May: session 9 only, whose one attendee gave no scores. */
  compute (f, "2023-05-01", "2023-05-31", &may);
  g_assert_cmpuint (may.attendees, ==, 1);
  g_assert_cmpuint (may.session_completions, ==, 0);
  assert_close (may.completion_rate, 0.0);
  g_assert_cmpuint (may.paired_attendees, ==, 0);
  g_assert_true (isnan (may.confidence_before));
  g_assert_true (isnan (may.confidence_after));
  g_assert_true (isnan (may.confidence_change));
  g_assert_true (isnan (may.improved_share));
  /* Reviewed after 2 days, the only first review; 4 still had changes requested. */
  assert_close (may.median_days_to_review, 2.0);
  assert_close (may.approval_rate, 1.0);
  g_assert_cmpuint (may.review_backlog, ==, 1);

  /* To 23 August: session 7's latest review by then asked for changes (approved on the 25th). */
  compute (f, NULL, "2023-08-23", &august);
  g_assert_cmpuint (august.review_backlog, ==, 2);

  /* A week with nothing at all: no rates, no median. */
  {
    g_auto (TiTrainingFigures) quiet = { 0 };

    compute (f, "2023-08-01", "2023-08-07", &quiet);
    g_assert_cmpuint (quiet.tier1_completions, ==, 0);
    g_assert_cmpuint (quiet.attendees, ==, 0);
    g_assert_true (isnan (quiet.completion_rate));
    g_assert_true (isnan (quiet.approval_rate));
    g_assert_true (isnan (quiet.median_days_to_review));
    g_assert_cmpuint (quiet.first_reviews, ==, 0);
  }
}

/* An empty programme: zeros, and no reach without a headcount. */
static void
test_empty (Fixture *f, gconstpointer data)
{
  g_auto (TiTrainingFigures) figures = { 0 };
  g_autoptr (GError) error = NULL;

  compute (f, FROM, TO, &figures);
  g_assert_cmpuint (figures.tier1_completions, ==, 0);
  g_assert_cmpint (figures.tier1_headcount, ==, 0);
  g_assert_true (isnan (figures.tier1_reach));
  g_assert_cmpuint (figures.sessions_tier2 + figures.sessions_tier3, ==, 0);
  g_assert_cmpuint (figures.review_backlog, ==, 0);
  g_assert_true (isnan (figures.confidence_change));
  g_assert_false (ti_tier1_has_completions (f->db, &error));
  g_assert_no_error (error);

  for (TiReachGrouping g = TI_REACH_BY_ORGANISATION; g <= TI_REACH_BY_MONTH; g++)
    {
      g_autoptr (GListModel) rows = ti_tier1_reach_list (f->db, g, NULL, NULL, &error);

      g_assert_no_error (error);
      g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 0);
    }
}

static void
test_bad_period (Fixture *f, gconstpointer data)
{
  TiTrainingFigures figures;
  g_autoptr (GError) error = NULL;
  g_autoptr (GListModel) rows = NULL;

  g_assert_false (ti_training_figures_compute (f->db, "2023-02-30", TO, &figures, &error));
  g_assert_error (error, TI_TRAINING_FIGURES_ERROR, TI_TRAINING_FIGURES_ERROR_PERIOD);
  g_assert_null (figures.from);
  g_clear_error (&error);
  rows = ti_tier1_reach_list (f->db, TI_REACH_BY_MONTH, FROM, "30/09/2023", &error);
  g_assert_error (error, TI_TRAINING_FIGURES_ERROR, TI_TRAINING_FIGURES_ERROR_PERIOD);
  g_assert_null (rows);
}

/* The rows as "label completions people reached headcount reach% latest", one a line. */
static char *
describe (GListModel *rows)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr (TiReachRow) row = g_list_model_get_item (rows, i);
      double reach = ti_reach_row_get_reach (row);
      g_autofree char *percent = reach < 0 ? g_strdup ("-") : g_strdup_printf ("%.2f", reach * 100);

      g_string_append_printf (out, "%s|%s|%u|%u|%u|%" G_GINT64_FORMAT "|%s|%s\n",
                              ti_reach_row_get_key (row), ti_reach_row_get_label (row),
                              ti_reach_row_get_completions (row), ti_reach_row_get_people (row),
                              ti_reach_row_get_reached (row), ti_reach_row_get_headcount (row),
                              percent,
                              ti_reach_row_get_latest (row) ? ti_reach_row_get_latest (row) : "-");
    }
  return g_string_free (out, FALSE);
}

static char *
list (Fixture *f, TiReachGrouping grouping, const char *from, const char *to)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GListModel) rows = ti_tier1_reach_list (f->db, grouping, from, to, &error);

  g_assert_no_error (error);
  return describe (rows);
}

static void
test_by_organisation (Fixture *f, gconstpointer data)
{
  g_autofree char *rows = list (f, TI_REACH_BY_ORGANISATION, FROM, TO);

  /* By name. A parent counts its directorates; the surgery's reach is capped at 100%;
   * no headcount, no reach. */
  g_assert_cmpstr (rows, ==,
                   "6|Levels Surgery|2|2|3|2|100.00|2023-09-02\n"
                   "7|Moorland Health Trust|2|2|2|0|-|2023-06-01\n"
                   "8|Moorland Ward|1|1|1|10|10.00|2023-06-01\n"
                   "4|Quantock Housing|1|1|1|0|-|2023-05-10\n"
                   "1|Somerset Council|5|4|4|100|4.00|2023-09-30\n"
                   "2|Somerset Council – Children's Services|2|1|1|40|2.50|2023-06-20\n"
                   "5|University of Bristol|1|1|1|1000|0.10|2023-07-01\n"
                   "3|Wellsway School|1|1|1|20|5.00|2023-05-05\n");
}

/* Ids far apart (people deleted in their thousands, or imported with their own ids) are
 * looked up another way, with the same answers. */
static void
test_sparse_ids (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *rows = NULL;
  g_auto (TiTrainingFigures) figures = { 0 };

  g_assert_true (ti_database_exec (f->db,
                                   "INSERT INTO people (id, name, organisation_id)"
                                   "  VALUES (50000000, 'Zoe', 3);"
                                   "INSERT INTO tier1_completions (person_id, completed_on)"
                                   "  VALUES (50000000, '2023-09-29');",
                                   &error));
  g_assert_no_error (error);
  rows = list (f, TI_REACH_BY_ORGANISATION, FROM, TO);
  g_assert_true (strstr (rows, "\n3|Wellsway School|2|2|2|20|10.00|2023-09-29\n") != NULL);
  g_assert_true (strstr (rows, "\n1|Somerset Council|5|4|4|100|4.00|2023-09-30\n") != NULL);
  compute (f, FROM, TO, &figures);
  g_assert_cmpuint (figures.tier1_reached, ==, 9);
}

static void
test_by_sector (Fixture *f, gconstpointer data)
{
  g_autofree char *rows = list (f, TI_REACH_BY_SECTOR, FROM, TO);

  /* Somerset only, in the vocabulary's order. The trust's reach is its ward's 1 of 10: Ned,
   * at the trust itself, has no known headcount. The sums are the programme's 8 of 132. */
  g_assert_cmpstr (rows, ==,
                   "nhs_trust|NHS trust|2|2|2|10|10.00|2023-06-01\n"
                   "council|Council|5|4|4|100|4.00|2023-09-30\n"
                   "primary_care|Primary care|2|2|3|2|100.00|2023-09-02\n"
                   "education|Education|1|1|1|20|5.00|2023-05-05\n"
                   "housing|Housing|1|1|1|0|-|2023-05-10\n");
}

static void
test_by_locality (Fixture *f, gconstpointer data)
{
  g_autofree char *rows = list (f, TI_REACH_BY_LOCALITY, FROM, TO);

  /* Every locality with an organisation, outside Somerset too; county-wide is the council
   * (4 of 100) and the ward (1 of 10): 5 of 110. */
  g_assert_cmpstr (rows, ==,
                   "mendip|Mendip|1|1|1|20|5.00|2023-05-05\n"
                   "sedgemoor|Sedgemoor|1|1|1|0|-|2023-05-10\n"
                   "south_somerset|South Somerset|2|2|3|2|100.00|2023-09-02\n"
                   "county_wide|County-wide|7|6|6|110|4.55|2023-09-30\n"
                   "outside_somerset|Outside Somerset|1|1|1|1000|0.10|2023-07-01\n");
}

static void
test_by_month (Fixture *f, gconstpointer data)
{
  g_autofree char *rows = list (f, TI_REACH_BY_MONTH, FROM, TO);
  g_autofree char *whole = NULL;

  /* August has none but is shown; Cat completed twice in June, one person. Reached counts
   * Ada and Kim from before the period, and everyone by each month's end. */
  g_assert_cmpstr (rows, ==,
                   "2023-04|Apr 2023|2|2|3|0|-|2023-04-30\n"
                   "2023-05|May 2023|3|3|6|0|-|2023-05-20\n"
                   "2023-06|Jun 2023|3|2|8|0|-|2023-06-20\n"
                   "2023-07|Jul 2023|2|2|10|0|-|2023-07-15\n"
                   "2023-08|Aug 2023|0|0|10|0|-|-\n"
                   "2023-09|Sep 2023|3|3|13|0|-|2023-09-30\n");

  /* The whole programme: December 2022 to October 2023. */
  whole = list (f, TI_REACH_BY_MONTH, NULL, NULL);
  g_assert_true (g_str_has_prefix (whole, "2022-12|Dec 2022|1|1|1|0|-|2022-12-01\n"
                                          "2023-01|Jan 2023|0|0|1|0|-|-\n"));
  g_assert_true (g_str_has_suffix (whole, "2023-03|Mar 2023|1|1|2|0|-|2023-03-31\n"
                                          "2023-04|Apr 2023|2|2|3|0|-|2023-04-30\n"
                                          "2023-05|May 2023|3|3|6|0|-|2023-05-20\n"
                                          "2023-06|Jun 2023|3|2|8|0|-|2023-06-20\n"
                                          "2023-07|Jul 2023|2|2|10|0|-|2023-07-15\n"
                                          "2023-08|Aug 2023|0|0|10|0|-|-\n"
                                          "2023-09|Sep 2023|3|3|13|0|-|2023-09-30\n"
                                          "2023-10|Oct 2023|1|1|14|0|-|2023-10-01\n"));
}

static void
async_done (GObject *source, GAsyncResult *result, gpointer data)
{
  *(GAsyncResult **) data = g_object_ref (result);
}

static GAsyncResult *
wait_for (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *slot;
}

/* The worker reads with its own connection and gets what the caller's would. */
static void
test_async (Fixture *f, gconstpointer data)
{
  g_autoptr (GAsyncResult) list_result = NULL;
  g_autoptr (GAsyncResult) figures_result = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GListModel) rows = NULL;
  g_autoptr (TiTrainingFigures) figures = NULL;
  g_autofree char *described = NULL;
  g_autofree char *expected = list (f, TI_REACH_BY_SECTOR, FROM, TO);

  ti_tier1_reach_list_async (f->path, TI_REACH_BY_SECTOR, FROM, TO, NULL, async_done,
                             &list_result);
  ti_training_figures_compute_async (f->path, FROM, TO, NULL, async_done, &figures_result);
  rows = ti_tier1_reach_list_finish (wait_for (&list_result), &error);
  g_assert_no_error (error);
  described = describe (rows);
  g_assert_cmpstr (described, ==, expected);

  figures = ti_training_figures_compute_finish (wait_for (&figures_result), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (figures->tier1_reached, ==, 8);
  assert_close (figures->confidence_change, 1.2);
  g_assert_true (ti_tier1_has_completions (f->db, &error));
}

/* Every field of the figures and every breakdown has a name and a definition, once. */
static void
test_definitions (Fixture *f, gconstpointer data)
{
  static const char *const keys[] = {
    "tier1_completions", "tier1_people", "tier1_reached", "tier1_headcount", "tier1_reach",
    "sessions_tier2", "sessions_tier3", "sessions_coordinator", "sessions_psychologist",
    "sessions_champion", "attendees", "session_completions", "completion_rate",
    "paired_attendees", "confidence_before", "confidence_after", "confidence_change",
    "improved_share", "review_backlog", "reviews_recorded", "reviews_approved",
    "approval_rate", "first_reviews", "median_days_to_review", "tier1_by_organisation",
    "tier1_by_sector", "tier1_by_locality", "tier1_by_month",
  };
  guint n;
  const TiFigureDefinition *definitions = ti_training_figure_definitions (&n);

  g_assert_cmpuint (n, ==, G_N_ELEMENTS (keys));
  for (guint i = 0; i < n; i++)
    {
      g_assert_cmpstr (definitions[i].key, ==, keys[i]);
      g_assert_true (ti_training_figure_definition (keys[i]) == &definitions[i]);
      g_assert_cmpuint (strlen (definitions[i].label), >, 0);
      /* One line: a sentence ending in a full stop, not a paragraph. */
      g_assert_true (g_str_has_suffix (definitions[i].definition, "."));
      g_assert_null (strchr (definitions[i].definition, '\n'));
      g_assert_cmpuint (g_utf8_strlen (definitions[i].definition, -1), <=, 240);
    }
  g_assert_null (ti_training_figure_definition ("no_such_figure"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, sql, func) \
  g_test_add ("/training-figures/" name, Fixture, sql, fixture_set_up, func, fixture_tear_down)
  ADD ("period", NULL, test_period);
  ADD ("whole-programme", NULL, test_whole_programme);
  ADD ("no-data", NULL, test_no_data);
  ADD ("empty", "SELECT 1", test_empty);
  ADD ("bad-period", NULL, test_bad_period);
  ADD ("by-organisation", NULL, test_by_organisation);
  ADD ("sparse-ids", NULL, test_sparse_ids);
  ADD ("by-sector", NULL, test_by_sector);
  ADD ("by-locality", NULL, test_by_locality);
  ADD ("by-month", NULL, test_by_month);
  ADD ("async", NULL, test_async);
  ADD ("definitions", NULL, test_definitions);
#undef ADD

  return g_test_run ();
}
