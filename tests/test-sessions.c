/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>

#include "test-util.h"
#include "ti-register.h"

/*
 * A hand-made programme whose registers are worked out by hand.
 *
 * Session 1 (Tier 2, delivered, capacity 20): five on the register.
 *   Jo    attended, completed, before 2, after 4, feedback 5   paired, +2, improved
 *   Kit   attended,            before 3, after 3, feedback 4   paired,  0
 *   Lee   attended, completed, before 1                        before only
 *   Ana   did not attend,      before 4                        not counted
 *   Rae   attended, completed,           after 5, feedback 3   after only
 *   registered 5, attended 4, completed 3, paired 2;
 *   mean before (2 + 3 + 1) / 3 = 2; mean after (4 + 3 + 5) / 3 = 4;
 *   mean change (2 + 0) / 2 = 1 (not 4 − 2); improved 1; feedback 3, mean (5 + 4 + 3) / 3 = 4.
 *
 * Session 2 (Tier 3, delivered, capacity 2, led by the psychologist): Jo, Kit and Lee.
 *   Jo  attended, completed, 3 → 4;  Kit attended, completed, 2 → 4, feedback 4;  Lee attended.
 *   registered 3, attended 3, completed 2, paired 2; before 2.5, after 4, change 1.5;
 *   improved 2; feedback 1, mean 4.
 *   Warnings: over capacity (3 of 2); Kit has no Tier 2 (attended session 1, not completed).
 *
 * Session 3 (Tier 2, planned, 2030): no register, no warning.
 * Session 4 (Tier 2, delivered, approved): no register, which is a warning.
 */
static const char fixture[] =
  "INSERT INTO organisations (id, name, sector, locality, headcount) VALUES"
  "  (1, 'Somerset NHS Foundation Trust', 'nhs_trust', 'county_wide', 6000),"
  "  (2, 'Wellsway Primary School', 'education', 'mendip', 40),"
  "  (3, 'Quantock Housing', 'housing', 'sedgemoor', 120);"
  "INSERT INTO people (id, name, organisation_id, role) VALUES"
  "  (1, 'Alex Rowe', 1, 'coordinator'), (2, 'Priya Lund', 1, 'psychologist'),"
  "  (3, 'Sam Carter', 2, 'staff'), (4, 'Jo Marsh', 3, 'staff'), (5, 'Kit Elms', 2, 'staff'),"
  "  (6, 'Lee Hart', 3, 'staff'), (7, 'Ana Cole', 1, 'staff'), (8, 'Rae Dunn', 2, 'staff');"
  "INSERT INTO champions (person_id, since, status) VALUES (3, '2023-02-01', 'active');"
  "INSERT INTO sessions (id, tier, title, starts_at, duration_minutes, mode, venue,"
  "  host_organisation_id, capacity, status, review_status) VALUES"
  "  (1, 2, 'Trauma-skilled schools', '2023-09-12 09:30', 180, 'in_person', 'School hall', 2,"
  "   20, 'delivered', 'awaiting'),"
  "  (2, 3, 'Trauma-enhanced practice', '2024-03-05 13:00', 240, 'online', NULL, 1, 2,"
  "   'delivered', 'not_due'),"
  "  (3, 2, 'Housing teams', '2030-12-01 10:00', 120, 'in_person', 'Bridgwater', 3, NULL,"
  "   'planned', 'not_due'),"
  "  (4, 2, 'Quiet delivery', '2024-01-10 10:00', 90, 'in_person', NULL, 3, NULL,"
  "   'delivered', 'approved');"
  "INSERT INTO session_facilitators (session_id, person_id, kind) VALUES"
  "  (1, 1, 'coordinator'), (1, 3, 'champion'), (2, 2, 'psychologist'), (3, 3, 'champion'),"
  "  (4, 1, 'coordinator');"
  "INSERT INTO attendance (session_id, person_id, attended, completed, confidence_before,"
  "  confidence_after, feedback) VALUES"
  "  (1, 4, 1, 1, 2, 4, 5), (1, 5, 1, 0, 3, 3, 4), (1, 6, 1, 1, 1, NULL, NULL),"
  "  (1, 7, 0, 0, 4, NULL, NULL), (1, 8, 1, 1, NULL, 5, 3),"
  "  (2, 4, 1, 1, 3, 4, NULL), (2, 5, 1, 1, 2, 4, 4), (2, 6, 1, 0, NULL, NULL, NULL);";

typedef TestProgramme Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  test_programme_set_up (f, "sessions.sqlite", fixture);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  test_programme_tear_down (f);
}

/* NAN in @want means "no mean". */
static void
assert_mean (double got, double want)
{
  if (isnan (want))
    g_assert_true (isnan (got));
  else
    g_assert_cmpfloat_with_epsilon (got, want, 1e-9);
}

static void
assert_summary (Fixture *f, gint64 session_id, const TiRegisterSummary *want)
{
  g_autoptr (GError) error = NULL;
  TiRegisterSummary got;

  g_assert_true (ti_register_get_summary (f->db, session_id, &got, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (got.registered, ==, want->registered);
  g_assert_cmpuint (got.attended, ==, want->attended);
  g_assert_cmpuint (got.completed, ==, want->completed);
  g_assert_cmpuint (got.paired, ==, want->paired);
  assert_mean (got.mean_before, want->mean_before);
  assert_mean (got.mean_after, want->mean_after);
  assert_mean (got.mean_change, want->mean_change);
  g_assert_cmpuint (got.improved, ==, want->improved);
  g_assert_cmpuint (got.feedback_count, ==, want->feedback_count);
  assert_mean (got.feedback_mean, want->feedback_mean);
}

static void
test_summary (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  TiRegisterSummary s;

  assert_summary (f, 1, &(TiRegisterSummary){ 5, 4, 3, 2, 2.0, 4.0, 1.0, 1, 3, 4.0 });
  assert_summary (f, 2, &(TiRegisterSummary){ 3, 3, 2, 2, 2.5, 4.0, 1.5, 2, 1, 4.0 });
  /* An empty register: counts of zero and no means. */
  assert_summary (f, 3, &(TiRegisterSummary){ 0, 0, 0, 0, NAN, NAN, NAN, 0, 0, NAN });

  g_assert_false (ti_register_get_summary (f->db, 99, &s, &error));
  g_assert_error (error, TI_REGISTER_ERROR, TI_REGISTER_ERROR_SESSION);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/sessions/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("summary", test_summary);
#undef ADD

  return g_test_run ();
}
