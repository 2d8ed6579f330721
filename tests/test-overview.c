/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "test-util.h"
#include "ti-overview.h"

/* A hand-made programme whose figures are known. */
static const char fixture[] =
  "INSERT INTO organisations (id, name, sector, locality, headcount) VALUES"
  "  (1, 'Somerset NHS Foundation Trust', 'nhs_trust', 'county_wide', 6000),"
  "  (2, 'Wellsway Primary School', 'education', 'mendip', 40),"
  "  (3, 'Quantock Housing', 'housing', 'sedgemoor', 120);"
  "INSERT INTO people (id, name, email, organisation_id, role) VALUES"
  "  (1, 'Alex Rowe', 'alex.rowe@trust.example', 1, 'coordinator'),"
  "  (2, 'Priya Lund', 'priya.lund@trust.example', 1, 'psychologist'),"
  "  (3, 'Sam Carter', 'sam.carter@school.example', 2, 'staff'),"
  "  (4, 'Jo Marsh', 'jo.marsh@housing.example', 3, 'staff'),"
  "  (5, 'Kit Elms', NULL, 2, 'staff');"
  "INSERT INTO champions (person_id, since, status) VALUES"
  "  (3, '2023-02-01', 'active'), (4, '2023-07-10', 'active'), (5, '2023-03-01', 'paused');"
  "INSERT INTO tier1_completions (person_id, completed_on, source) VALUES"
  "  (3, '2023-01-20', 'Learning Centre'), (4, '2023-05-02', 'Learning Centre'),"
  "  (5, '2024-06-01', 'ACEs online learning');"
  "INSERT INTO sessions (id, tier, title, starts_at, host_organisation_id, status, review_status)"
  "  VALUES (1, 2, 'Trauma-skilled schools', '2023-09-12 09:30', 2, 'delivered', 'awaiting'),"
  "         (2, 3, 'Trauma-enhanced practice', '2024-03-05 13:00', 1, 'delivered', 'approved'),"
  "         (3, 2, 'Housing teams', '2024-07-01 10:00', 3, 'delivered', 'approved'),"
  "         (4, 2, 'Planned cascade', '2024-12-01 10:00', 3, 'planned', 'not_due');"
  "INSERT INTO attendance (session_id, person_id, attended, completed, confidence_before,"
  "  confidence_after) VALUES (1, 3, 1, 1, 2, 4), (1, 5, 1, 1, 3, 4), (2, 4, 1, 1, 3, 3),"
  "  (3, 4, 1, 1, 1, 5);"
  "INSERT INTO charter_adoptions (organisation_id, stage, signed_on) VALUES"
  "  (1, 'signed', '2023-03-01'), (2, 'consultation', NULL), (3, 'review_due', '2023-01-31');"
  "INSERT INTO events (id, title, kind, starts_at, venue) VALUES"
  "  (1, 'Network launch', 'launch', '2023-01-25 10:00', 'Taunton'),"
  "  (2, 'June network event', 'network_event', '2023-06-20 10:00', NULL);"
  "INSERT INTO event_attendance (event_id, person_id, attended) VALUES"
  "  (1, 3, 1), (1, 4, 1), (2, 3, 0);"
  "INSERT INTO event_speakers (event_id, name, reach) VALUES (1, 'Dr Ada Kerr', 'national');"
  "INSERT INTO engagement_activities (held_on, kind, title, young_people, parents_carers)"
  "  VALUES ('2023-04-04', 'focus_group', 'Young people on the charter', 8, 3);"
  "INSERT INTO milestones (workstream_id, title, due_month, done_on) VALUES"
  "  (1, 'Charter launch', '2023-01', '2023-01-25'),"
  "  (2, 'Full evaluation', '2024-05', NULL);";

static TiDatabase *
make_fixture (char **out_dir)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;
  TiDatabase *db;

  *out_dir = test_make_tmp_dir ();
  path = g_build_filename (*out_dir, "fixture.sqlite", NULL);
  db = ti_database_open (path, TI_DATABASE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_true (ti_database_exec (db, fixture, &error));
  g_assert_no_error (error);
  return db;
}

static const char *
figure (TiOverview *overview, const char *label)
{
  for (guint i = 0; i < overview->figures->len; i++)
    {
      TiFigure *f = g_ptr_array_index (overview->figures, i);
      if (g_str_equal (f->label, label))
        return f->value;
    }
  g_error ("no figure labelled “%s”", label);
  return NULL;
}

static TiRecordSection *
section (TiOverview *overview, const char *title)
{
  for (guint i = 0; i < overview->sections->len; i++)
    {
      TiRecordSection *s = g_ptr_array_index (overview->sections, i);
      if (g_str_equal (s->title, title))
        return s;
    }
  g_error ("no section titled “%s”", title);
  return NULL;
}

static TiRecord *
record (TiRecordSection *s, guint i)
{
  g_assert_cmpuint (i, <, s->records->len);
  return g_ptr_array_index (s->records, i);
}

static TiOverview *
load (TiDatabase *db, TiDestination destination)
{
  g_autoptr (GError) error = NULL;
  TiOverview *overview = ti_overview_load (db, destination, &error);

  g_assert_no_error (error);
  g_assert_false (overview->programme_empty);
  return overview;
}

static void
test_destinations (void)
{
  g_autofree char *dir = NULL;
  g_autoptr (TiDatabase) db = make_fixture (&dir);
  g_autoptr (TiOverview) network = load (db, TI_DESTINATION_NETWORK_MAP);
  g_autoptr (TiOverview) events = load (db, TI_DESTINATION_EVENTS);
  g_autoptr (TiOverview) evaluation = load (db, TI_DESTINATION_EVALUATION);
  TiRecordSection *s;

  /* The trust has no champion: the network is the school and the housing association. */
  g_assert_cmpstr (figure (network, "Organisations in the network"), ==, "2");
  g_assert_cmpstr (figure (network, "Active champions"), ==, "2");
  g_assert_cmpstr (figure (network, "Sectors with a champion"), ==, "2");
  g_assert_cmpstr (figure (network, "Charter signatories"), ==, "2");
  s = section (network, "Organisations with the most champions");
  g_assert_cmpuint (s->records->len, ==, 2);
  g_assert_cmpstr (record (s, 0)->subtitle, ==, "Housing · Sedgemoor");

  g_assert_cmpstr (figure (events, "Events"), ==, "2");
  g_assert_cmpstr (figure (events, "Attendances"), ==, "2");
  g_assert_cmpstr (figure (events, "Guest speakers"), ==, "1");
  g_assert_cmpstr (figure (events, "Engagement participants"), ==, "11");
  s = section (events, "Latest events");
  g_assert_cmpstr (record (s, 0)->subtitle, ==, "20 Jun 2023 · Online");
  /* Nobody marked as attending yet: the invitations are what there is to show. */
  g_assert_cmpstr (record (s, 0)->suffix, ==, "1 invited");
  g_assert_cmpstr (record (s, 1)->suffix, ==, "2 attended");

  /* Over the default evaluation period, 1 Jan 2023 to 30 Apr 2024: the June 2024 completion
   * and the July 2024 session fall outside. */
  g_assert_cmpstr (figure (evaluation, "Tier 1 completions in the period"), ==, "2");
  g_assert_cmpstr (figure (evaluation, "Tier 2/3 sessions delivered"), ==, "2");
  g_assert_cmpstr (figure (evaluation, "Tier 2/3 attendees"), ==, "3");
  /* (+2 +1 +0) / 3 */
  g_assert_cmpstr (figure (evaluation, "Mean confidence change (1–5 scale)"), ==, "+1.00");
  s = section (evaluation, "Milestones");
  g_assert_cmpuint (s->records->len, ==, 2);
  g_assert_cmpstr (record (s, 0)->subtitle, ==, "Due Jan 2023 · Principles");
  g_assert_cmpstr (record (s, 0)->suffix, ==, "Done");
  g_assert_cmpstr (record (s, 1)->suffix, ==, "Late");

  test_remove_tree (dir);
}

static void
test_empty_programme (void)
{
  g_autofree char *dir = test_make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "empty.sqlite", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (TiDatabase) db = ti_database_open (path, TI_DATABASE_OPEN_CREATE, &error);
  g_autoptr (TiOverview) overview = ti_overview_load (db, TI_DESTINATION_EVALUATION, &error);

  g_assert_no_error (error);
  g_assert_true (overview->programme_empty);
  g_assert_true (ti_overview_programme_is_empty (db, NULL));
  g_assert_cmpstr (figure (overview, "Tier 1 completions in the period"), ==, "0");
  g_assert_cmpstr (figure (overview, "Mean confidence change (1–5 scale)"), ==, "No scores yet");
  g_assert_cmpuint (section (overview, "Milestones")->records->len, ==, 0);
  g_assert_cmpstr (section (overview, "Milestones")->empty_text, ==,
                   "No milestone has been set yet.");
  test_remove_tree (dir);
}

static void
loaded_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  TiOverview **out = user_data;
  g_autoptr (GError) error = NULL;

  *out = ti_overview_load_finish (result, &error);
  g_assert_no_error (error);
}

static void
test_async (void)
{
  g_autofree char *dir = NULL;
  g_autoptr (TiDatabase) db = make_fixture (&dir);
  g_autoptr (TiOverview) overview = NULL;

  ti_overview_load_async (ti_database_get_path (db), TI_DESTINATION_NETWORK_MAP, NULL, loaded_cb,
                          &overview);
  while (overview == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpstr (figure (overview, "Active champions"), ==, "2");
  test_remove_tree (dir);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/overview/destinations", test_destinations);
  g_test_add_func ("/overview/empty-programme", test_empty_programme);
  g_test_add_func ("/overview/async", test_async);

  return g_test_run ();
}
