/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <string.h>

#include "test-util.h"
#include "ti-demo.h"
#include "ti-evaluation.h"
#include "ti-milestone-status.h"

#include "test-evaluation-fixture.h"


typedef TestProgramme Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  test_programme_set_up (f, "evaluation.sqlite", data ? data : evaluation_fixture_sql);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  test_programme_tear_down (f);
}

static TiEvaluation *
compute (Fixture *f, const char *from, const char *to, const char *today)
{
  g_autoptr (GError) error = NULL;
  TiEvaluation *evaluation = ti_evaluation_compute (f->db, from, to, today, &error);

  g_assert_no_error (error);
  g_assert_nonnull (evaluation);
  return evaluation;
}

#define assert_close(a, b) g_assert_cmpfloat_with_epsilon ((a), (b), 1e-9)

static const TiHeadline *
headline (const TiEvaluation *evaluation, const char *key)
{
  const TiHeadline *found = ti_evaluation_find_headline (evaluation, key);

  if (found == NULL)
    g_error ("no headline “%s”", key);
  return found;
}

static void
assert_headline (const TiEvaluation *evaluation, const char *key, const char *value,
                 double number, const char *detail)
{
  const TiHeadline *h = headline (evaluation, key);

  g_assert_cmpstr (h->value, ==, value);
  if (isnan (number))
    g_assert_true (isnan (h->number));
  else
    assert_close (h->number, number);
  g_assert_cmpstr (h->detail, ==, detail);
}

static const char *const headline_keys[] = {
  "active_champions",   "organisations_in_network", "charter_signatories",
  "tier1_completions",  "tier1_reach",              "sessions_delivered",
  "session_attendees",  "confidence_change",        "events_held",
  "event_attendances",  "engagement_participants",  "milestones_on_time",
};

static void
test_headlines (Fixture *f, gconstpointer data)
{
  g_autoptr (TiEvaluation) evaluation = compute (f, FROM, TO, TODAY);

  g_assert_cmpstr (evaluation->from, ==, FROM);
  g_assert_cmpstr (evaluation->to, ==, TO);
  g_assert_cmpstr (evaluation->today, ==, TODAY);

  /* In the page's order. */
  g_assert_cmpuint (evaluation->headlines->len, ==, G_N_ELEMENTS (headline_keys));
  for (guint i = 0; i < G_N_ELEMENTS (headline_keys); i++)
    g_assert_cmpstr (((TiHeadline *) g_ptr_array_index (evaluation->headlines, i))->key, ==,
                     headline_keys[i]);

  assert_headline (evaluation, "active_champions", "6", 6, "on 31 Mar 2024");
  assert_headline (evaluation, "organisations_in_network", "3", 3, "of 6 organisations");
  assert_headline (evaluation, "charter_signatories", "2", 2, "of 6 organisations");
  assert_headline (evaluation, "tier1_completions", "5", 5, "by 4 people");
  assert_headline (evaluation, "tier1_reach", "2.2%", 4.0 / 185.0, "of 185 staff");
  assert_headline (evaluation, "sessions_delivered", "4", 4, "Tier 2: 3 · Tier 3: 1");
  assert_headline (evaluation, "session_attendees", "7", 7, "6 completed");
  assert_headline (evaluation, "confidence_change", "+1.50", 1.5, "2.50 → 4.00");
  assert_headline (evaluation, "events_held", "2", 2, "1 guest speaker");
  assert_headline (evaluation, "event_attendances", "3", 3, "3 different people");
  assert_headline (evaluation, "engagement_participants", "8", 8, "at 1 activity");
  assert_headline (evaluation, "milestones_on_time", "1 of 3", 1, "3 due in the period");
  g_assert_null (ti_evaluation_find_headline (evaluation, "no_such_figure"));
}

/* Today before the period's end: the network stands on today. */
static void
test_headlines_today (Fixture *f, gconstpointer data)
{
  g_autoptr (TiEvaluation) february = compute (f, FROM, TO, "2024-02-29");
  g_autoptr (TiEvaluation) open = compute (f, NULL, NULL, TODAY);

  /* Ada, Ben, Cat, Dan, Gus, Hal, Ivy; the council's and the trust's adoptions: the ward
   * signed on 1 February, the council on 31 March. */
  assert_headline (february, "active_champions", "7", 7, "on 29 Feb 2024");
  assert_headline (february, "charter_signatories", "1", 1, "of 6 organisations");
  /* The whole programme, on today: Eve joined, Cat and Dan left; the school has signed.
   * Tier 1: all seven completions, by five people. */
  assert_headline (open, "active_champions", "6", 6, "on 15 May 2024");
  assert_headline (open, "organisations_in_network", "4", 4, "of 6 organisations");
  assert_headline (open, "charter_signatories", "3", 3, "of 6 organisations");
  assert_headline (open, "tier1_completions", "7", 7, "by 5 people");
  /* Tier 2: S14, S5, S1, S2, S4, S6, S13; Tier 3: S3, S12. */
  assert_headline (open, "sessions_delivered", "9", 9, "Tier 2: 7 · Tier 3: 2");
  /* Due: M6 done, M1 done, M2 done late, M3 late, M5 at risk, M4 on track. */
  assert_headline (open, "milestones_on_time", "2 of 6", 2, "6 due in the period");
}

/* Nothing to measure: "—" and NAN, counts of zero stay counts. */
static void
test_headlines_empty (Fixture *f, gconstpointer data)
{
  g_autoptr (TiEvaluation) evaluation = compute (f, FROM, TO, TODAY);

  assert_headline (evaluation, "active_champions", "0", 0, "on 31 Mar 2024");
  assert_headline (evaluation, "organisations_in_network", "0", 0, "of 0 organisations");
  assert_headline (evaluation, "tier1_reach", "—", NAN, NULL);
  assert_headline (evaluation, "sessions_delivered", "0", 0, "Tier 2: 0 · Tier 3: 0");
  assert_headline (evaluation, "confidence_change", "—", NAN, NULL);
  assert_headline (evaluation, "milestones_on_time", "—", NAN, NULL);
}

static void
test_bad_dates (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  g_assert_null (ti_evaluation_compute (f->db, "2024-02-30", TO, TODAY, &error));
  g_assert_error (error, TI_TRAINING_FIGURES_ERROR, TI_TRAINING_FIGURES_ERROR_PERIOD);
  g_clear_error (&error);
  g_assert_null (ti_evaluation_compute (f->db, FROM, TO, "15/05/2024", &error));
  g_assert_error (error, TI_TRAINING_FIGURES_ERROR, TI_TRAINING_FIGURES_ERROR_PERIOD);
}

static void
assert_preset (TiPeriodPreset preset, const char *today, const char *from, const char *to)
{
  GDate day, start, end;
  g_autofree char *got_from = NULL;
  g_autofree char *got_to = NULL;

  g_date_clear (&day, 1);
  g_date_set_parse (&day, today);
  g_date_clear (&start, 1);
  g_date_set_dmy (&start, 1, 1, 2023);
  g_date_clear (&end, 1);
  g_date_set_dmy (&end, 30, 4, 2024);
  g_assert_true (ti_period_preset_range (preset, &day, &start, &end, &got_from, &got_to));
  g_assert_cmpstr (got_from, ==, from);
  g_assert_cmpstr (got_to, ==, to);
}

static void
test_presets (void)
{
  GDate day;
  char *from = (char *) "unset", *to = (char *) "unset";

  assert_preset (TI_PERIOD_EVALUATION, "2026-11-27", "2023-01-01", "2024-04-30");
  assert_preset (TI_PERIOD_WHOLE_PROGRAMME, "2026-11-27", NULL, NULL);
  assert_preset (TI_PERIOD_LAST_QUARTER, "2026-11-27", "2026-07-01", "2026-09-30");
  /* In January: the last quarter of the year before. */
  assert_preset (TI_PERIOD_LAST_QUARTER, "2027-01-15", "2026-10-01", "2026-12-31");
  /* On a quarter's first day, that quarter is not over: the one before it. */
  assert_preset (TI_PERIOD_LAST_QUARTER, "2026-04-01", "2026-01-01", "2026-03-31");
  assert_preset (TI_PERIOD_LAST_QUARTER, "2026-03-31", "2025-10-01", "2025-12-31");
  assert_preset (TI_PERIOD_LAST_QUARTER, "2024-05-15", "2024-01-01", "2024-03-31");
  assert_preset (TI_PERIOD_FINANCIAL_YEAR_2023_24, "2026-11-27", "2023-04-01", "2024-03-31");

  g_date_clear (&day, 1);
  g_date_set_dmy (&day, 27, 11, 2026);
  g_assert_false (ti_period_preset_range (TI_PERIOD_CUSTOM, &day, &day, &day, &from, &to));
  g_assert_null (from);
  g_assert_null (to);
}

static void
test_outcomes (void)
{
  static const char *const labels[] = {
    "Outcome 1: a county infrastructure that drives recovery",
    "Outcome 3: fairer life chances and opportunity for all",
    "Outcome 4: improved health and wellbeing",
    "Outcome 5: meeting the challenges through innovation and improvement",
  };
  static const char *const short_labels[] = { "Outcome 1", "Outcome 3", "Outcome 4",
                                              "Outcome 5" };
  guint all = 0;

  for (guint i = 0; i < TI_N_OUTCOMES; i++)
    {
      TiOutcome outcome = ti_outcome_nth (i);

      g_assert_cmpstr (ti_outcome_short_label (outcome), ==, short_labels[i]);
      g_assert_cmpstr (ti_outcome_label (outcome), ==, labels[i]);
      g_assert_cmpuint (all & outcome, ==, 0);
      all |= outcome;
    }
  g_assert_cmpuint (ti_outcome_nth (0), ==, TI_OUTCOME_1);
  g_assert_cmpuint (ti_outcome_nth (3), ==, TI_OUTCOME_5);
  g_assert_cmpuint (ti_outcome_number (TI_OUTCOME_1), ==, 1);
  g_assert_cmpuint (ti_outcome_number (TI_OUTCOME_3), ==, 3);
  g_assert_cmpuint (ti_outcome_number (TI_OUTCOME_4), ==, 4);
  g_assert_cmpuint (ti_outcome_number (TI_OUTCOME_5), ==, 5);
}

/* The stamp the dashboard compares: it moves with a commit through the window's own
 * connection and with one through another connection (a worker, another process), and
 * stays put when nothing is written. */
static void
test_data_stamp (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TiDatabase) other = NULL;
  guint64 before = ti_database_get_change_stamp (f->db);
  guint64 after_own, after_other;

  g_assert_cmpuint (ti_database_get_change_stamp (f->db), ==, before);
  g_assert_true (ti_database_exec (f->db, "UPDATE events SET title = 'Winter network meeting'"
                                          " WHERE id = 1", &error));
  g_assert_no_error (error);
  after_own = ti_database_get_change_stamp (f->db);
  g_assert_cmpuint (after_own, !=, before);

  other = ti_database_open (f->path, TI_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_true (ti_database_exec (other, "UPDATE events SET title = 'Spring webinar (recorded)'"
                                          " WHERE id = 2", &error));
  g_assert_no_error (error);
  after_other = ti_database_get_change_stamp (f->db);
  g_assert_cmpuint (after_other, !=, after_own);
  g_assert_cmpuint (ti_database_get_change_stamp (f->db), ==, after_other);
}

/* Every headline evidences at least one outcome, as the report argues. */
static void
test_headline_outcomes (Fixture *f, gconstpointer data)
{
  g_autoptr (TiEvaluation) evaluation = compute (f, FROM, TO, TODAY);

  for (guint i = 0; i < evaluation->headlines->len; i++)
    {
      const TiHeadline *h = g_ptr_array_index (evaluation->headlines, i);

      g_assert_cmpuint (h->outcomes, !=, 0);
      g_assert_cmpuint (h->outcomes & ~(guint) (TI_OUTCOME_1 | TI_OUTCOME_3 | TI_OUTCOME_4
                                                | TI_OUTCOME_5),
                        ==, 0);
    }
  g_assert_cmpuint (headline (evaluation, "active_champions")->outcomes, ==,
                    TI_OUTCOME_1 | TI_OUTCOME_5);
  g_assert_cmpuint (headline (evaluation, "confidence_change")->outcomes, ==, TI_OUTCOME_4);
  g_assert_cmpuint (headline (evaluation, "engagement_participants")->outcomes, ==,
                    TI_OUTCOME_3);
  g_assert_cmpuint (headline (evaluation, "charter_signatories")->outcomes, ==,
                    TI_OUTCOME_1 | TI_OUTCOME_3);
}

static void
assert_definition (const TiFigureDefinition *definition)
{
  g_assert_nonnull (definition);
  g_assert_cmpuint (strlen (definition->label), >, 0);
  g_assert_true (g_str_has_suffix (definition->definition, "."));
  g_assert_null (strchr (definition->definition, '\n'));
  g_assert_cmpuint (g_utf8_strlen (definition->definition, -1), <=, 300);
}

/* Every headline and every figure of the evaluation has one definition. */
static void
test_definitions (Fixture *f, gconstpointer data)
{
  g_autoptr (TiEvaluation) evaluation = compute (f, FROM, TO, TODAY);
  guint n;
  const TiFigureDefinition *definitions = ti_evaluation_definitions (&n);

  for (guint i = 0; i < n; i++)
    {
      assert_definition (&definitions[i]);
      g_assert_true (ti_evaluation_definition (definitions[i].key) == &definitions[i]);
    }
  for (guint i = 0; i < evaluation->headlines->len; i++)
    assert_definition (ti_evaluation_definition (
      ((TiHeadline *) g_ptr_array_index (evaluation->headlines, i))->key));
  /* A module's figure is found with its module's definition, not a copy. */
  g_assert_true (ti_evaluation_definition ("tier1_reach")
                 == ti_training_figure_definition ("tier1_reach"));
  g_assert_true (ti_evaluation_definition ("session_attendees")
                 == ti_training_figure_definition ("attendees"));
  g_assert_null (ti_evaluation_definition ("no_such_figure"));
}

static const TiSeries *
chart (const TiEvaluation *evaluation, const char *key)
{
  const TiChartFigure *found = ti_evaluation_find_chart (evaluation, key);

  if (found == NULL)
    g_error ("no chart “%s”", key);
  g_assert_cmpstr (ti_series_get_key (found->series), ==, key);
  return found->series;
}

/* A series as "series names" then "key|label[|group|state]|values", one line each. */
static char *
describe_series (const TiSeries *series)
{
  GString *out = g_string_new (NULL);
  guint n_series = ti_series_get_n_series (series);

  for (guint s = 0; s < n_series; s++)
    g_string_append_printf (out, "%s%s", s > 0 ? "|" : "", ti_series_get_series_name (series, s));
  g_string_append_c (out, '\n');
  for (guint c = 0; c < ti_series_get_n_categories (series); c++)
    {
      g_string_append_printf (out, "%s|%s", ti_series_get_category_key (series, c),
                              ti_series_get_category_label (series, c));
      if (ti_series_get_category_group (series, c) != NULL)
        g_string_append_printf (out, "|%s|%s", ti_series_get_category_group (series, c),
                                ti_series_get_category_state_label (series, c));
      for (guint s = 0; s < n_series; s++)
        {
          double value = ti_series_get_value (series, s, c);

          if (isnan (value))
            g_string_append (out, "|-");
          else
            g_string_append_printf (out, "|%.6g", value);
        }
      g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}

static void
assert_chart (const TiEvaluation *evaluation, const char *key, TiSeriesFormat format,
              const char *expected)
{
  const TiSeries *series = chart (evaluation, key);
  g_autofree char *got = describe_series (series);

  g_assert_cmpstr (got, ==, expected);
  g_assert_cmpint (ti_series_get_format (series), ==, format);
}

static const char *const chart_keys[] = {
  "completions_over_time", "reach_by_sector",    "champions_over_time",
  "sessions_by_facilitator", "confidence_by_tier", "review_outcomes",
  "attendance_by_event",   "charter_by_sector",  "milestone_timeline",
};

static void
test_charts (Fixture *f, gconstpointer data)
{
  g_autoptr (TiEvaluation) evaluation = compute (f, FROM, TO, TODAY);

  g_assert_cmpuint (evaluation->charts->len, ==, G_N_ELEMENTS (chart_keys));
  for (guint i = 0; i < G_N_ELEMENTS (chart_keys); i++)
    {
      const TiChartFigure *c = g_ptr_array_index (evaluation->charts, i);

      g_assert_cmpstr (c->key, ==, chart_keys[i]);
      g_assert_cmpuint (strlen (c->title), >, 0);
      g_assert_cmpuint (c->outcomes, !=, 0);
      g_assert_nonnull (ti_evaluation_definition (c->key));
    }
  g_assert_cmpstr (((TiChartFigure *) g_ptr_array_index (evaluation->charts, 1))->title, ==,
                   "Tier 1 reach by sector");
  g_assert_cmpuint (ti_evaluation_find_chart (evaluation, "sessions_by_facilitator")->outcomes,
                    ==, TI_OUTCOME_1 | TI_OUTCOME_5);
  g_assert_cmpuint (ti_evaluation_find_chart (evaluation, "confidence_by_tier")->outcomes, ==,
                    TI_OUTCOME_4);
  g_assert_null (ti_evaluation_find_chart (evaluation, "no_such_chart"));

  /* Cumulative from the period's start: Tier 1 3 in January, Lou in February, Jo on the
   * last day; Tier 2 S1 (2), S2 (2), S4 (1); Tier 3 S3. */
  assert_chart (evaluation, "completions_over_time", TI_SERIES_FORMAT_COUNT,
                "Tier 1|Tier 2|Tier 3\n"
                "2024-01|Jan 2024|3|2|0\n"
                "2024-02|Feb 2024|4|4|0\n"
                "2024-03|Mar 2024|5|5|1\n");
  /* The Tier 1 tally's sectors, in the vocabulary's order; housing has no headcount. */
  assert_chart (evaluation, "reach_by_sector", TI_SERIES_FORMAT_PERCENT,
                "Tier 1 reach\n"
                "nhs_trust|NHS trust|0\n"
                "council|Council|0.02\n"
                "vcse|VCSE|0\n"
                "primary_care|Primary care|0.1\n"
                "education|Education|0.05\n"
                "housing|Housing|-\n");
  /* Cat until her pause on 31 March, Ben from 10 February. */
  assert_chart (evaluation, "champions_over_time", TI_SERIES_FORMAT_COUNT,
                "Active champions\n"
                "2024-01|Jan 2024|6\n"
                "2024-02|Feb 2024|7\n"
                "2024-03|Mar 2024|6\n");
  assert_chart (evaluation, "sessions_by_facilitator", TI_SERIES_FORMAT_COUNT,
                "Tier 2|Tier 3\n"
                "coordinator|Coordinator|1|0\n"
                "psychologist|Psychologist|0|1\n"
                "champion|Champion|3|0\n");
  /* Paired only: Kit (no after) and Ben (no before) are left out. */
  assert_chart (evaluation, "confidence_by_tier", TI_SERIES_FORMAT_SCORE,
                "Before|After\n"
                "tier2|Tier 2|3|4\n"
                "tier3|Tier 3|1|4\n");
  /* S3, led by the psychologist, needs no review; S5, S6, S12, S13 are outside. */
  assert_chart (evaluation, "review_outcomes", TI_SERIES_FORMAT_COUNT,
                "Sessions\n"
                "approved|Approved|1\n"
                "changes_requested|Changes requested|1\n"
                "awaiting|Awaiting review|1\n");
  assert_chart (evaluation, "attendance_by_event", TI_SERIES_FORMAT_COUNT,
                "Invited|Attended\n"
                "1|25 Jan 2024 · Winter network event|2|2\n"
                "2|31 Mar 2024 · Spring webinar|2|1\n");
  /* On 31 March: the school's signing (2 April) and Quantock's consultation (20 April) are
   * still ahead; the surgery's consultation has no date, so it counts. */
  assert_chart (evaluation, "charter_by_sector", TI_SERIES_FORMAT_COUNT,
                "Signed|In consultation|Not started\n"
                "nhs_trust|NHS trust|1|0|0\n"
                "council|Council|1|0|0\n"
                "vcse|VCSE|0|0|1\n"
                "primary_care|Primary care|0|1|0\n"
                "education|Education|0|1|0\n"
                "housing|Housing|0|0|1\n");
  /* Months as year × 12 + month − 1: January 2024 is 24288. */
  assert_chart (evaluation, "milestone_timeline", TI_SERIES_FORMAT_MONTH,
                "Due|Done\n"
                "1|Charter launch|Principles|Done|24288|24288\n"
                "2|Coordinator recruited|Training|Done late|24289|24290\n"
                "3|Psychologist in post|Service delivery|Late|24290|-\n");
  {
    const TiSeries *timeline = chart (evaluation, "milestone_timeline");

    assert_close (ti_series_get_value (timeline, 0, 0), 2024 * 12 + 0);
    assert_close (ti_series_get_value (timeline, 1, 0), 2024 * 12 + 0);
    assert_close (ti_series_get_value (timeline, 0, 1), 2024 * 12 + 1);
    assert_close (ti_series_get_value (timeline, 1, 1), 2024 * 12 + 2);
    assert_close (ti_series_get_value (timeline, 0, 2), 2024 * 12 + 2);
    g_assert_cmpuint (ti_series_get_category_state (timeline, 1), ==, TI_MILESTONE_DONE_LATE);
    g_assert_cmpuint (ti_series_get_category_state (timeline, 2), ==, TI_MILESTONE_LATE);
  }
}

/* Open ends: from the first month with data to the last (to today's, for champions). */
static void
test_charts_open (Fixture *f, gconstpointer data)
{
  g_autoptr (TiEvaluation) evaluation = compute (f, NULL, NULL, TODAY);
  const TiSeries *champions = chart (evaluation, "champions_over_time");

  /* Kit's S14 in November is the first; Kit's Tier 1 and Jo's S6 in April the last. */
  assert_chart (evaluation, "completions_over_time", TI_SERIES_FORMAT_COUNT,
                "Tier 1|Tier 2|Tier 3\n"
                "2023-11|Nov 2023|0|1|0\n"
                "2023-12|Dec 2023|1|2|0\n"
                "2024-01|Jan 2024|4|4|0\n"
                "2024-02|Feb 2024|5|6|0\n"
                "2024-03|Mar 2024|6|7|1\n"
                "2024-04|Apr 2024|7|8|1\n");
  /* Cat joined in January 2023; today is in May 2024, judged on today. */
  g_assert_cmpuint (ti_series_get_n_categories (champions), ==, 17);
  g_assert_cmpstr (ti_series_get_category_key (champions, 0), ==, "2023-01");
  assert_close (ti_series_get_value (champions, 0, 0), 1);
  g_assert_cmpstr (ti_series_get_category_key (champions, 16), ==, "2024-05");
  assert_close (ti_series_get_value (champions, 0, 16), 6);
  /* Every milestone, by due month. */
  assert_chart (evaluation, "milestone_timeline", TI_SERIES_FORMAT_MONTH,
                "Due|Done\n"
                "6|Business case|Principles|Done|24287|24287\n"
                "1|Charter launch|Principles|Done|24288|24288\n"
                "2|Coordinator recruited|Training|Done late|24289|24290\n"
                "3|Psychologist in post|Service delivery|Late|24290|-\n"
                "5|Summer network event|Organisational change|At risk|24292|-\n"
                "4|Full evaluation|Training|On track|24293|-\n");
}

/* Nothing to measure: NAN, and a stage as it stood at another end. */
static void
test_charts_no_data (Fixture *f, gconstpointer data)
{
  g_autoptr (TiEvaluation) winter = compute (f, FROM, "2024-02-29", TODAY);
  g_autoptr (TiEvaluation) april = compute (f, FROM, "2024-04-30", TODAY);

  /* No Tier 3 session before March. */
  assert_chart (winter, "confidence_by_tier", TI_SERIES_FORMAT_SCORE,
                "Before|After\n"
                "tier2|Tier 2|3|4\n"
                "tier3|Tier 3|-|-\n");
  /* By 30 April the school has signed and Quantock's consultation has started. */
  assert_chart (april, "charter_by_sector", TI_SERIES_FORMAT_COUNT,
                "Signed|In consultation|Not started\n"
                "nhs_trust|NHS trust|1|0|0\n"
                "council|Council|1|0|0\n"
                "vcse|VCSE|0|0|1\n"
                "primary_care|Primary care|0|1|0\n"
                "education|Education|1|0|0\n"
                "housing|Housing|0|1|0\n");
}

/* An empty programme: the charts are there, with no categories or only zeros. */
static void
test_charts_empty (Fixture *f, gconstpointer data)
{
  g_autoptr (TiEvaluation) evaluation = compute (f, FROM, TO, TODAY);
  g_autoptr (TiEvaluation) open = compute (f, NULL, NULL, TODAY);

  g_assert_cmpuint (evaluation->charts->len, ==, G_N_ELEMENTS (chart_keys));
  /* A closed period has its months, with nothing in them. */
  assert_chart (evaluation, "completions_over_time", TI_SERIES_FORMAT_COUNT,
                "Tier 1|Tier 2|Tier 3\n"
                "2024-01|Jan 2024|0|0|0\n"
                "2024-02|Feb 2024|0|0|0\n"
                "2024-03|Mar 2024|0|0|0\n");
  g_assert_cmpuint (ti_series_get_n_categories (chart (open, "completions_over_time")), ==, 0);
  g_assert_cmpuint (ti_series_get_n_categories (chart (open, "champions_over_time")), ==, 0);
  g_assert_cmpuint (ti_series_get_n_categories (chart (evaluation, "reach_by_sector")), ==, 0);
  g_assert_cmpuint (ti_series_get_n_categories (chart (evaluation, "charter_by_sector")), ==, 0);
  g_assert_false (ti_series_has_values (chart (evaluation, "attendance_by_event")));
  assert_chart (evaluation, "confidence_by_tier", TI_SERIES_FORMAT_SCORE,
                "Before|After\n"
                "tier2|Tier 2|-|-\n"
                "tier3|Tier 3|-|-\n");
}

/* What needs attention as "kind|title" then "  id|title|subtitle" for each record. */
static char *
describe_attention (const TiEvaluation *evaluation)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < evaluation->attention->len; i++)
    {
      const TiAttention *a = g_ptr_array_index (evaluation->attention, i);

      g_string_append_printf (out, "%d|%s\n", a->kind, a->title);
      for (guint r = 0; r < a->records->len; r++)
        {
          const TiAttentionRecord *record = g_ptr_array_index (a->records, r);

          g_string_append_printf (out, "  %" G_GINT64_FORMAT "|%s|%s\n", record->id,
                                  record->title, record->subtitle ? record->subtitle : "-");
        }
    }
  return g_string_free (out, FALSE);
}

static void
test_attention (Fixture *f, gconstpointer data)
{
  g_autoptr (TiEvaluation) evaluation = compute (f, FROM, TO, TODAY);
  g_autoptr (TiEvaluation) open = compute (f, NULL, NULL, TODAY);
  g_autofree char *got = describe_attention (evaluation);
  g_autofree char *got_open = describe_attention (open);

  G_STATIC_ASSERT (TI_ATTENTION_REVIEW_OVERDUE == 0 && TI_ATTENTION_SESSION_SOON == 1
                   && TI_ATTENTION_EVENT_SOON == 2 && TI_ATTENTION_MILESTONE == 3
                   && TI_ATTENTION_QUIET_CHAMPION == 4
                   && TI_ATTENTION_ORGANISATION_WITHOUT_CHAMPION == 5);
  /* S12 has waited exactly 14 days: not over. S10 and E5 are 8 days ahead, S11 was
   * yesterday. Gus facilitated exactly six months ago; Ben and Eve joined within six months;
   * Cat, Dan and Fay are not active. */
  g_assert_cmpstr (got, ==,
                   "0|4 sessions awaiting review for over 14 days\n"
                   "  5|Before Christmas|Tier 2 · 20 Dec 2023 · 147 days waiting\n"
                   "  2|February cascade|Tier 2 · 20 Feb 2024 · 85 days waiting\n"
                   "  6|April session|Tier 2 · 5 Apr 2024 · 40 days waiting\n"
                   "  13|Fifteen days|Tier 2 · 30 Apr 2024 · 15 days waiting\n"
                   "1|2 sessions in the next 7 days\n"
                   "  8|Today|Tier 2 · 15 May 2024 · 09:00\n"
                   "  9|A week ahead|Tier 2 · 22 May 2024 · 14:00\n"
                   "2|2 events in the next 7 days\n"
                   "  6|Lunchtime webinar|15 May 2024 · 12:30\n"
                   "  4|Summer workshop|22 May 2024 · 10:00\n"
                   "3|2 milestones at risk or late\n"
                   "  3|Psychologist in post|Late · due Mar 2024 · Service delivery\n"
                   "  5|Summer network event|At risk · due May 2024 · Organisational change\n"
                   "4|2 champions with no activity for 6 months\n"
                   "  9|Ivy|No activity recorded · Somerset Council\n"
                   "  8|Hal|Last active 14 Nov 2023 · Moorland Trust\n"
                   "5|2 organisations without an active champion\n"
                   "  6|Levels Surgery|Primary care · South Somerset\n"
                   "  7|Taunton Foodbank|VCSE · Sedgemoor\n");
  /* About today, whatever the period. */
  g_assert_cmpstr (got_open, ==, got);
}

/* The edges: a day later everything moves on by a day. */
static void
test_attention_edges (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TiEvaluation) tomorrow = NULL;
  g_autoptr (TiEvaluation) today = NULL;
  g_autofree char *got = NULL;

  /* Joined exactly six months ago: not quiet; a day before: quiet. Erased: never listed. */
  g_assert_true (ti_database_exec (f->db,
                                   "INSERT INTO people (id, name, organisation_id, erased_on)"
                                   "  VALUES (30, 'Kay', 7, NULL), (31, 'Lin', 7, NULL),"
                                   "         (32, 'Erased person #32', 7, '2024-04-01');"
                                   "INSERT INTO champions (person_id, since) VALUES"
                                   "  (30, '2023-11-15'), (31, '2023-11-14'), (32, '2023-01-01');",
                                   &error));
  g_assert_no_error (error);
  today = compute (f, FROM, TO, TODAY);
  got = describe_attention (today);
  g_assert_nonnull (strstr (got, "4|3 champions with no activity for 6 months\n"
                                 "  9|Ivy|No activity recorded · Somerset Council\n"
                                 "  31|Lin|No activity recorded · Taunton Foodbank\n"
                                 "  8|Hal|Last active 14 Nov 2023 · Moorland Trust\n"
                                 "5|1 organisation without an active champion\n"
                                 "  6|Levels Surgery|Primary care · South Somerset\n"));

  /* 16 May: S12 has waited 15 days, S9 and E5's days are in the week, today's are past;
   * Gus and Kay are six months and a day quiet. */
  tomorrow = compute (f, FROM, TO, "2024-05-16");
  g_clear_pointer (&got, g_free);
  got = describe_attention (tomorrow);
  g_assert_nonnull (strstr (got, "0|5 sessions awaiting review for over 14 days\n"));
  g_assert_nonnull (strstr (got, "  12|Fourteen days|Tier 3 · 1 May 2024 · 15 days waiting\n"));
  g_assert_nonnull (strstr (got, "1|2 sessions in the next 7 days\n"
                                 "  9|A week ahead|Tier 2 · 22 May 2024 · 14:00\n"
                                 "  10|Eight days ahead|Tier 2 · 23 May 2024 · 09:00\n"
                                 "2|2 events in the next 7 days\n"
                                 "  4|Summer workshop|22 May 2024 · 10:00\n"
                                 "  5|Summer conference|23 May 2024 · 10:00\n"));
  g_assert_nonnull (strstr (got, "4|5 champions with no activity for 6 months\n"
                                 "  9|Ivy|No activity recorded · Somerset Council\n"
                                 "  30|Kay|No activity recorded · Taunton Foodbank\n"
                                 "  31|Lin|No activity recorded · Taunton Foodbank\n"
                                 "  8|Hal|Last active 14 Nov 2023 · Moorland Trust\n"
                                 "  7|Gus|Last active 15 Nov 2023 · Somerset Council\n"));
}

/* Nothing needs attention in an empty programme: no items at all. */
static void
test_attention_empty (Fixture *f, gconstpointer data)
{
  g_autoptr (TiEvaluation) evaluation = compute (f, FROM, TO, TODAY);

  g_assert_cmpuint (evaluation->attention->len, ==, 0);
}

static void
async_done (GObject *source, GAsyncResult *result, gpointer data)
{
  *(GAsyncResult **) data = g_object_ref (result);
}

/* Everything a person reads, one line each, to compare two evaluations. */
static char *
describe (const TiEvaluation *evaluation)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < evaluation->headlines->len; i++)
    {
      const TiHeadline *h = g_ptr_array_index (evaluation->headlines, i);

      g_string_append_printf (out, "%s|%s|%s|%s|%u\n", h->key, h->label, h->value,
                              h->detail ? h->detail : "-", h->outcomes);
    }
  for (guint i = 0; i < evaluation->charts->len; i++)
    {
      const TiChartFigure *c = g_ptr_array_index (evaluation->charts, i);
      g_autofree char *series = describe_series (c->series);

      g_string_append_printf (out, "%s|%s|%u\n%s", c->key, c->title, c->outcomes, series);
    }
  {
    g_autofree char *attention = describe_attention (evaluation);

    g_string_append (out, attention);
  }
  return g_string_free (out, FALSE);
}

/* The worker reads with its own connection and gets what the caller's would. */
static void
test_async (Fixture *f, gconstpointer data)
{
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (TiEvaluation) sync = compute (f, FROM, TO, TODAY);
  g_autoptr (TiEvaluation) async = NULL;
  g_autofree char *expected = describe (sync);
  g_autofree char *got = NULL;

  ti_evaluation_compute_async (f->path, FROM, TO, TODAY, NULL, async_done, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  async = ti_evaluation_compute_finish (result, &error);
  g_assert_no_error (error);
  got = describe (async);
  g_assert_cmpstr (got, ==, expected);
  g_assert_cmpstr (async->today, ==, TODAY);
}

/* The demo programme at county scale computes, with something in every headline. */
static void
test_demo (void)
{
  g_autofree char *dir = test_make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "demo.sqlite", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (TiDatabase) db = NULL;
  g_autoptr (TiEvaluation) evaluation = NULL;

  g_assert_true (ti_demo_create (path, 1, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  db = ti_database_open (path, TI_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  evaluation = ti_evaluation_compute (db, "2023-01-01", "2024-04-30", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (evaluation->headlines->len, ==, G_N_ELEMENTS (headline_keys));
  g_assert_cmpfloat (headline (evaluation, "active_champions")->number, >, 0);
  g_assert_cmpfloat (headline (evaluation, "tier1_completions")->number, >, 0);
  g_assert_cmpfloat (headline (evaluation, "sessions_delivered")->number, >, 0);
  g_assert_false (isnan (headline (evaluation, "confidence_change")->number));
  g_assert_cmpuint (evaluation->charts->len, ==, G_N_ELEMENTS (chart_keys));
  for (guint i = 0; i < evaluation->charts->len; i++)
    {
      const TiChartFigure *c = g_ptr_array_index (evaluation->charts, i);

      g_assert_cmpuint (ti_series_get_n_categories (c->series), >, 0);
      g_assert_true (ti_series_has_values (c->series));
    }
  g_clear_object (&db);
  test_remove_tree (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, sql, func)                                                                    \
  g_test_add ("/evaluation/" name, Fixture, sql, fixture_set_up, func, fixture_tear_down)
  ADD ("headlines", NULL, test_headlines);
  ADD ("headlines-today", NULL, test_headlines_today);
  ADD ("headlines-empty", "SELECT 1", test_headlines_empty);
  ADD ("bad-dates", NULL, test_bad_dates);
  ADD ("headline-outcomes", NULL, test_headline_outcomes);
  ADD ("definitions", NULL, test_definitions);
  ADD ("charts", NULL, test_charts);
  ADD ("charts-open", NULL, test_charts_open);
  ADD ("charts-no-data", NULL, test_charts_no_data);
  ADD ("charts-empty", "SELECT 1", test_charts_empty);
  ADD ("attention", NULL, test_attention);
  ADD ("attention-edges", NULL, test_attention_edges);
  ADD ("attention-empty", "SELECT 1", test_attention_empty);
  ADD ("async", NULL, test_async);
  ADD ("data-stamp", NULL, test_data_stamp);
#undef ADD
  g_test_add_func ("/evaluation/presets", test_presets);
  g_test_add_func ("/evaluation/outcomes", test_outcomes);
  g_test_add_func ("/evaluation/demo", test_demo);

  return g_test_run ();
}
