/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <sys/stat.h>

#include "test-util.h"
#include "ti-format.h"
#include "ti-people.h"

/* A hand-made programme whose tiers, lists and profiles are worked out by hand. */
static const char fixture[] =
  "INSERT INTO organisations (id, name, sector, locality, headcount) VALUES"
  "  (1, 'Somerset NHS Foundation Trust', 'nhs_trust', 'county_wide', 6000),"
  "  (2, 'Wellsway Primary School', 'education', 'mendip', 40),"
  "  (3, 'Quantock Housing', 'housing', 'sedgemoor', 120);"
  "INSERT INTO people (id, name, email, organisation_id, role, job_title, notes,"
  "  contact_consent, contact_consent_on, contact_consent_how) VALUES"
  "  (1, 'Alex Rowe', 'alex.rowe@trust.example', 1, 'coordinator', 'Coordinator', NULL, 0, NULL, NULL),"
  "  (2, 'Priya Lund', 'priya.lund@trust.example', 1, 'psychologist', NULL, NULL, 0, NULL, NULL),"
  "  (3, 'Sam Carter', 'sam.carter@school.example', 2, 'staff', 'Deputy head',"
  "   'Leads pastoral care', 1, '2023-02-01', 'Sign-up form'),"
  "  (4, 'Jo Marsh', 'jo.marsh@housing.example', 3, 'staff', 'Housing officer', NULL, 0, NULL, NULL),"
  "  (5, 'Kit Elms', NULL, 2, 'staff', NULL, NULL, 0, NULL, NULL);"
  "INSERT INTO champions (person_id, since, status) VALUES"
  "  (3, '2023-02-01', 'active'), (4, '2023-07-10', 'active'), (5, '2023-03-01', 'paused');"
  "INSERT INTO tier1_completions (person_id, completed_on, source) VALUES"
  "  (3, '2023-01-20', 'Learning Centre'), (3, '2023-06-01', 'ACEs online learning'),"
  "  (4, '2023-05-02', 'Learning Centre'), (5, '2024-06-01', 'ACEs online learning');"
  "INSERT INTO sessions (id, tier, title, starts_at, host_organisation_id, status) VALUES"
  "  (1, 2, 'Trauma-skilled schools', '2023-09-12 09:30', 2, 'delivered'),"
  "  (2, 3, 'Trauma-enhanced practice', '2024-03-05 13:00', 1, 'delivered'),"
  "  (3, 2, 'Housing teams', '2024-07-01 10:00', 3, 'delivered'),"
  "  (4, 2, 'Planned cascade', '2030-12-01 10:00', 3, 'planned');"
  "INSERT INTO session_facilitators (session_id, person_id, kind) VALUES"
  "  (1, 1, 'coordinator'), (2, 2, 'psychologist'), (3, 2, 'psychologist');"
  "INSERT INTO attendance (session_id, person_id, attended, completed, confidence_before,"
  "  confidence_after) VALUES (1, 3, 1, 1, 2, 4), (1, 5, 1, 0, 3, 4), (2, 4, 1, 1, 3, 3),"
  "  (3, 4, 1, 1, 1, 5), (4, 3, 0, 0, NULL, NULL);"
  "INSERT INTO events (id, title, kind, starts_at) VALUES"
  "  (1, 'Network launch', 'launch', '2023-01-25 10:00');"
  "INSERT INTO event_attendance (event_id, person_id, attended) VALUES (1, 3, 1), (1, 4, 1);"
  "INSERT INTO reviews (id, session_id, reviewer_id, reviewed_on, outcome) VALUES"
  "  (1, 3, 4, '2024-07-10', 'approved');"
  "INSERT INTO charter_adoptions (organisation_id, stage, consultation_started_on) VALUES"
  "  (2, 'consultation', '2023-04-01');";

typedef TestProgramme Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  test_programme_set_up (f, "people.sqlite", fixture);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  test_programme_tear_down (f);
}

static gint64
count (Fixture *f, const char *sql)
{
  return test_count (f->db, sql);
}

static void
test_tiers (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  TiTierProgress p;

  g_assert_true (ti_tiers_get_progress (f->db, 3, &p, &error));
  g_assert_cmpstr (p.tier1_on, ==, "2023-01-20");
  g_assert_cmpstr (p.tier2_on, ==, "2023-09-12");
  g_assert_null (p.tier3_on);
  g_assert_cmpint (p.highest_tier, ==, 2);
  ti_tier_progress_clear (&p);

  /* Tier 3 counts even when reached before Tier 2. */
  g_assert_true (ti_tiers_get_progress (f->db, 4, &p, &error));
  g_assert_cmpstr (p.tier2_on, ==, "2024-07-01");
  g_assert_cmpstr (p.tier3_on, ==, "2024-03-05");
  g_assert_cmpint (p.highest_tier, ==, 3);
  ti_tier_progress_clear (&p);

  /* Attended but not completed: no Tier 2. */
  g_assert_true (ti_tiers_get_progress (f->db, 5, &p, &error));
  g_assert_cmpstr (p.tier1_on, ==, "2024-06-01");
  g_assert_null (p.tier2_on);
  g_assert_cmpint (p.highest_tier, ==, 1);
  ti_tier_progress_clear (&p);

  g_assert_true (ti_tiers_get_progress (f->db, 1, &p, &error));
  g_assert_no_error (error);
  g_assert_null (p.tier1_on);
  g_assert_cmpint (p.highest_tier, ==, 0);
}

static TiPerson *
item (GListModel *model, guint i)
{
  g_assert_cmpuint (i, <, g_list_model_get_n_items (model));
  return g_list_model_get_item (model, i);
}

static void
test_list (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GListModel) champions = ti_people_list (f->db, TRUE, &error);
  g_autoptr (GListModel) everyone = ti_people_list (f->db, FALSE, &error);
  g_autoptr (TiPerson) sam = NULL;
  g_autoptr (TiPerson) kit = NULL;
  g_autoptr (TiPerson) alex = NULL;
  g_autofree char *organisation = NULL;
  g_autofree char *status = NULL;
  int tier = -1;

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (champions), ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (everyone), ==, 5);

  /* Sorted by name: Jo Marsh, Kit Elms, Sam Carter. */
  sam = item (champions, 2);
  g_assert_cmpstr (ti_person_get_name (sam), ==, "Sam Carter");
  g_object_get (sam, "organisation", &organisation, "status", &status, "highest-tier", &tier, NULL);
  g_assert_cmpstr (organisation, ==, "Wellsway Primary School");
  g_assert_cmpstr (status, ==, "Active");
  g_assert_cmpint (tier, ==, 2);
  g_assert_cmpstr (ti_person_get_sector (sam), ==, "Education");
  g_assert_cmpstr (ti_person_get_locality (sam), ==, "Mendip");
  g_assert_cmpstr (ti_person_get_champion_since (sam), ==, "2023-02-01");
  g_assert_cmpstr (ti_person_get_last_activity (sam), ==, "2023-09-12");
  g_assert_cmpstr (ti_person_get_job_title (sam), ==, "Deputy head");
  g_assert_true (ti_person_get_is_champion (sam));

  kit = item (champions, 1);
  g_assert_cmpstr (ti_person_get_status (kit), ==, "Paused");
  g_assert_cmpstr (ti_person_get_status_key (kit), ==, "paused");
  g_assert_cmpstr (ti_person_get_last_activity (kit), ==, "2024-06-01");
  g_assert_cmpint (ti_person_get_highest_tier (kit), ==, 1);

  alex = item (everyone, 0);
  g_assert_cmpstr (ti_person_get_name (alex), ==, "Alex Rowe");
  g_assert_false (ti_person_get_is_champion (alex));
  g_assert_cmpstr (ti_person_get_status (alex), ==, "");
  g_assert_null (ti_person_get_champion_since (alex));
  /* Facilitating counts as activity. */
  g_assert_cmpstr (ti_person_get_last_activity (alex), ==, "2023-09-12");
}

static void
on_listed (GObject *source, GAsyncResult *result, gpointer user_data)
{
  GListModel **out = user_data;
  g_autoptr (GError) error = NULL;

  *out = ti_people_list_finish (result, &error);
  g_assert_no_error (error);
}

static void
test_list_async (Fixture *f, gconstpointer data)
{
  GListModel *model = NULL;

  ti_people_list_async (f->path, TRUE, NULL, on_listed, &model);
  while (model == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);
  g_object_unref (model);
}

static void
test_profile (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TiPersonProfile) sam = ti_people_get_profile (f->db, 3, &error);
  g_autoptr (TiPersonProfile) jo = ti_people_get_profile (f->db, 4, &error);
  g_autoptr (TiPersonProfile) alex = ti_people_get_profile (f->db, 1, &error);
  g_autoptr (TiPersonProfile) nobody = NULL;
  TiProfileEntry *entry;

  g_assert_no_error (error);
  g_assert_cmpstr (sam->email, ==, "sam.carter@school.example");
  g_assert_false (sam->contact_hidden);
  g_assert_true (sam->contact_consent);
  g_assert_cmpstr (sam->contact_consent_on, ==, "2023-02-01");
  g_assert_cmpstr (sam->contact_consent_how, ==, "Sign-up form");
  g_assert_cmpstr (sam->organisation, ==, "Wellsway Primary School");
  g_assert_cmpstr (sam->job_title, ==, "Deputy head");
  g_assert_cmpstr (sam->status, ==, "Active");
  g_assert_cmpstr (sam->charter_stage, ==, "In consultation");
  g_assert_cmpstr (sam->notes, ==, "Leads pastoral care");
  g_assert_cmpint (sam->tiers.highest_tier, ==, 2);
  g_assert_cmpuint (sam->sessions_attended->len, ==, 1);
  entry = g_ptr_array_index (sam->sessions_attended, 0);
  g_assert_cmpstr (entry->title, ==, "Trauma-skilled schools");
  g_assert_cmpstr (entry->date, ==, "2023-09-12");
  g_assert_cmpint (entry->tier, ==, 2);
  g_assert_true (entry->completed);
  g_assert_cmpuint (sam->events_attended->len, ==, 1);

  /* No contact consent: the address exists but is not shown. */
  g_assert_null (jo->email);
  g_assert_true (jo->contact_hidden);
  g_assert_cmpstr (jo->charter_stage, ==, "Not started");
  g_assert_cmpuint (jo->sessions_attended->len, ==, 2);
  entry = g_ptr_array_index (jo->sessions_attended, 0);
  g_assert_cmpstr (entry->title, ==, "Housing teams");

  g_assert_cmpuint (alex->sessions_facilitated->len, ==, 1);
  entry = g_ptr_array_index (alex->sessions_facilitated, 0);
  g_assert_cmpstr (entry->kind, ==, "coordinator");
  g_assert_false (alex->is_champion);

  nobody = ti_people_get_profile (f->db, 99, &error);
  g_assert_null (nobody);
  g_assert_error (error, TI_PEOPLE_ERROR, TI_PEOPLE_ERROR_NOT_FOUND);
}

static TiPersonEdit
valid_edit (void)
{
  TiPersonEdit edit = { 0 };

  edit.name = "Robin Hale";
  edit.email = "robin.hale@school.example";
  edit.organisation_id = 2;
  edit.job_title = "Teacher";
  edit.locality = "mendip";
  edit.is_champion = TRUE;
  g_date_set_dmy (&edit.champion_since, 1, 3, 2024);
  edit.contact_consent = TRUE;
  g_date_set_dmy (&edit.contact_consent_on, 1, 3, 2024);
  edit.contact_consent_how = "Sign-up form";
  return edit;
}

static void
expect_invalid (Fixture *f, const TiPersonEdit *edit, int code, const char *message)
{
  g_autoptr (GError) error = NULL;

  g_assert_false (ti_people_validate (f->db, edit, &error));
  g_assert_error (error, TI_PEOPLE_ERROR, code);
  g_assert_cmpstr (error->message, ==, message);
}

static void
test_validation (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  TiPersonEdit edit = valid_edit ();
  GDate future;

  g_date_clear (&future, 1);
  g_date_set_dmy (&future, 1, 1, 2100);
  g_assert_true (ti_people_validate (f->db, &edit, &error));
  g_assert_no_error (error);

  edit = valid_edit (), edit.name = "   ";
  expect_invalid (f, &edit, TI_PEOPLE_ERROR_NAME, "Enter a name.");
  {
    /* Counted in characters, not bytes: 201 of them, each two bytes. */
    g_autoptr (GString) too_long = g_string_new (NULL);

    for (guint i = 0; i < 201; i++)
      g_string_append (too_long, "é");
    edit = valid_edit (), edit.name = too_long->str;
    expect_invalid (f, &edit, TI_PEOPLE_ERROR_NAME,
                    "The name is 201 characters long; at most 200 are allowed.");
  }
  edit = valid_edit (), edit.email = "jo@";
  expect_invalid (f, &edit, TI_PEOPLE_ERROR_EMAIL, "“jo@” is not a valid email address.");
  edit = valid_edit (), edit.email = "SAM.Carter@School.example";
  expect_invalid (f, &edit, TI_PEOPLE_ERROR_EMAIL,
                  "Another person in the programme already uses this email address.");
  edit = valid_edit (), edit.organisation_id = 99;
  expect_invalid (f, &edit, TI_PEOPLE_ERROR_ORGANISATION,
                  "Choose an organisation that exists, or create it first.");
  edit = valid_edit (), edit.organisation_id = 0;
  expect_invalid (f, &edit, TI_PEOPLE_ERROR_ORGANISATION,
                  "Choose an organisation that exists, or create it first.");
  edit = valid_edit (), edit.locality = "atlantis";
  expect_invalid (f, &edit, TI_PEOPLE_ERROR_LOCALITY, "Choose a locality from the list.");
  edit = valid_edit (), edit.role = "boss";
  expect_invalid (f, &edit, TI_PEOPLE_ERROR_ROLE,
                  "Choose a role: staff, coordinator or psychologist.");
  edit = valid_edit (), g_date_clear (&edit.champion_since, 1);
  expect_invalid (f, &edit, TI_PEOPLE_ERROR_CHAMPION_SINCE,
                  "Enter the date they became a champion.");
  edit = valid_edit (), edit.champion_since = future;
  expect_invalid (f, &edit, TI_PEOPLE_ERROR_CHAMPION_SINCE,
                  "The champion-since date cannot be in the future.");
  edit = valid_edit (), edit.status = "retired";
  expect_invalid (f, &edit, TI_PEOPLE_ERROR_STATUS,
                  "Choose a status: active, paused or stepped down.");
  edit = valid_edit (), g_date_clear (&edit.contact_consent_on, 1);
  expect_invalid (f, &edit, TI_PEOPLE_ERROR_CONTACT_CONSENT_DATE,
                  "Enter the date contact consent was given.");
  edit = valid_edit (), edit.contact_consent_on = future;
  expect_invalid (f, &edit, TI_PEOPLE_ERROR_CONTACT_CONSENT_DATE,
                  "The contact consent date cannot be in the future.");
  edit = valid_edit (), edit.directory_consent = TRUE;
  expect_invalid (f, &edit, TI_PEOPLE_ERROR_DIRECTORY_CONSENT_DATE,
                  "Enter the date directory consent was given.");
  edit = valid_edit (), edit.directory_consent = TRUE, edit.directory_consent_on = future;
  expect_invalid (f, &edit, TI_PEOPLE_ERROR_DIRECTORY_CONSENT_DATE,
                  "The directory consent date cannot be in the future.");
  edit = valid_edit (), edit.id = 99;
  expect_invalid (f, &edit, TI_PEOPLE_ERROR_NOT_FOUND, "This person is no longer in the programme.");

  /* A person keeps their own address, whatever its case; a champion-less edit needs no date. */
  edit = valid_edit (), edit.id = 3, edit.email = "Sam.Carter@school.example";
  edit.is_champion = FALSE, g_date_clear (&edit.champion_since, 1);
  g_assert_true (ti_people_validate (f->db, &edit, &error));
  g_assert_no_error (error);
}

/* Every invalid field is reported at once, in the editor's order, with the codes and
 * messages ti_people_validate() gives one at a time. */
static void
test_validate_all (Fixture *f, gconstpointer data)
{
  g_autoptr (GPtrArray) errors = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GError) first = NULL;
  TiPersonEdit edit = valid_edit ();
  const GError *e;

  errors = ti_people_validate_all (f->db, &edit, &error);
  g_assert_no_error (error);
  g_assert_nonnull (errors);
  g_assert_cmpuint (errors->len, ==, 0);
  g_clear_pointer (&errors, g_ptr_array_unref);

  edit.name = "";
  edit.email = "jo@";
  g_date_set_dmy (&edit.champion_since, 1, 1, 2100);
  errors = ti_people_validate_all (f->db, &edit, &error);
  g_assert_no_error (error);
  g_assert_nonnull (errors);
  g_assert_cmpuint (errors->len, ==, 3);
  e = g_ptr_array_index (errors, 0);
  g_assert_error (e, TI_PEOPLE_ERROR, TI_PEOPLE_ERROR_NAME);
  g_assert_cmpstr (e->message, ==, "Enter a name.");
  e = g_ptr_array_index (errors, 1);
  g_assert_error (e, TI_PEOPLE_ERROR, TI_PEOPLE_ERROR_EMAIL);
  g_assert_cmpstr (e->message, ==, "“jo@” is not a valid email address.");
  e = g_ptr_array_index (errors, 2);
  g_assert_error (e, TI_PEOPLE_ERROR, TI_PEOPLE_ERROR_CHAMPION_SINCE);
  g_assert_cmpstr (e->message, ==, "The champion-since date cannot be in the future.");

  /* ti_people_validate() gives the first of them. */
  g_assert_false (ti_people_validate (f->db, &edit, &first));
  g_assert_error (first, TI_PEOPLE_ERROR, TI_PEOPLE_ERROR_NAME);
  g_assert_cmpstr (first->message, ==, "Enter a name.");
}

static void
test_save (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TiPersonProfile) robin = NULL;
  TiPersonEdit edit = valid_edit ();
  gint64 id = 0;
  gint64 audits = count (f, "SELECT count(*) FROM audit_log");

  /* Refused: nothing written, not even an audit entry. */
  edit.email = "jo@";
  g_assert_false (ti_people_save (f->db, &edit, &id, &error));
  g_assert_error (error, TI_PEOPLE_ERROR, TI_PEOPLE_ERROR_EMAIL);
  g_clear_error (&error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM people"), ==, 5);
  g_assert_cmpint (count (f, "SELECT count(*) FROM audit_log"), ==, audits);

  edit = valid_edit ();
  edit.name = "  Robin Hale ";
  g_assert_true (ti_people_save (f->db, &edit, &id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (id, ==, 6);
  robin = ti_people_get_profile (f->db, id, &error);
  g_assert_cmpstr (robin->name, ==, "Robin Hale");
  g_assert_cmpstr (robin->champion_since, ==, "2024-03-01");
  g_assert_cmpstr (robin->status_key, ==, "active");
  g_assert_cmpstr (robin->email, ==, "robin.hale@school.example");
  g_assert_cmpint (count (f, "SELECT count(*) FROM audit_log WHERE action = 'create'"
                             " AND entity = 'person' AND entity_id = 6"
                             " AND detail LIKE 'fields: name, email, %champion%'"), ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM audit_log WHERE detail LIKE '%Robin%'"
                             " OR detail LIKE '%robin.hale%'"), ==, 0);

  /* Editing names the changed fields only. */
  edit.id = id;
  edit.job_title = "Head of year";
  g_assert_true (ti_people_save (f->db, &edit, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM audit_log WHERE action = 'update'"
                             " AND entity_id = 6 AND detail = 'fields: job_title'"), ==, 1);

  /* Unticking "champion" steps down, keeping the history. */
  edit.is_champion = FALSE;
  g_assert_true (ti_people_save (f->db, &edit, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM champions WHERE person_id = 6"
                             " AND status = 'stepped_down' AND since = '2024-03-01'"
                             " AND status_changed_on = date('now', 'localtime')"), ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM audit_log WHERE entity_id = 6"
                             " AND detail = 'fields: status'"), ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM people"), ==, 6);
}

static char *
content_digest (Fixture *f)
{
  return test_content_digest (f->path);
}

static void
test_delete_restore (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TiPersonSnapshot) snapshot = NULL;
  g_autofree char *before = content_digest (f);
  g_autofree char *deleted = NULL;
  g_autofree char *after = NULL;

  g_assert_true (ti_people_delete (f->db, 4, &snapshot, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ti_person_snapshot_get_id (snapshot), ==, 4);
  g_assert_cmpint (count (f, "SELECT count(*) FROM people WHERE id = 4"), ==, 0);
  g_assert_cmpint (count (f, "SELECT count(*) FROM attendance WHERE person_id = 4"), ==, 0);
  g_assert_cmpint (count (f, "SELECT count(*) FROM reviews WHERE reviewer_id IS NULL"), ==, 1);
  deleted = content_digest (f);
  g_assert_cmpstr (deleted, !=, before);

  g_assert_true (ti_people_restore (f->db, snapshot, &error));
  g_assert_no_error (error);
  after = content_digest (f);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpint (count (f, "SELECT count(*) FROM audit_log WHERE entity = 'person'"
                             " AND entity_id = 4 AND action IN ('delete', 'restore')"), ==, 2);

  /* Restoring twice cannot duplicate: the person is there already. */
  g_assert_false (ti_people_restore (f->db, snapshot, &error));
  g_assert_error (error, TI_PEOPLE_ERROR, TI_PEOPLE_ERROR_RESTORE);
  g_clear_error (&error);
  g_free (after);
  after = content_digest (f);
  g_assert_cmpstr (after, ==, before);
}

static void
test_delete_facilitator (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  TiPersonSnapshot *snapshot = NULL;

  g_assert_false (ti_people_delete (f->db, 1, &snapshot, &error));
  g_assert_error (error, TI_PEOPLE_ERROR, TI_PEOPLE_ERROR_FACILITATOR);
  g_assert_nonnull (strstr (error->message, "facilitated 1 session"));
  g_assert_nonnull (strstr (error->message, "Erase"));
  g_assert_null (snapshot);
  g_assert_cmpint (count (f, "SELECT count(*) FROM people WHERE id = 1"), ==, 1);
  g_clear_error (&error);

  g_assert_false (ti_people_delete (f->db, 99, NULL, &error));
  g_assert_error (error, TI_PEOPLE_ERROR, TI_PEOPLE_ERROR_NOT_FOUND);
}

static void
test_erase (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GListModel) champions = NULL;
  g_autoptr (GListModel) everyone = NULL;
  g_autoptr (TiPerson) erased = NULL;
  TiPersonEdit edit = valid_edit ();
  gint64 completions = count (f, "SELECT count(*) FROM tier1_completions");
  gint64 attendance = count (f, "SELECT count(*) FROM attendance");

  g_assert_true (ti_people_erase (f->db, 3, &error));
  g_assert_no_error (error);

  g_assert_cmpint (count (f, "SELECT count(*) FROM people WHERE id = 3"
                             " AND name = 'Erased person #3' AND email IS NULL"
                             " AND job_title IS NULL AND notes IS NULL"
                             " AND contact_consent_how IS NULL"
                             " AND erased_on = date('now', 'localtime')"), ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM people p, audit_log a"
                             " WHERE p.name LIKE '%Sam%' OR p.name LIKE '%Carter%'"
                             "  OR p.email LIKE '%sam.carter%' OR a.detail LIKE '%Sam%'"
                             "  OR a.detail LIKE '%Carter%' OR p.notes LIKE '%pastoral%'"), ==, 0);
  g_assert_cmpint (count (f, "SELECT count(*) FROM audit_log WHERE action = 'erase'"
                             " AND entity_id = 3 AND detail IS NULL"), ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM tier1_completions"), ==, completions);
  g_assert_cmpint (count (f, "SELECT count(*) FROM attendance"), ==, attendance);

  champions = ti_people_list (f->db, TRUE, &error);
  everyone = ti_people_list (f->db, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (champions), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (everyone), ==, 5);
  erased = item (everyone, 1);
  g_assert_cmpstr (ti_person_get_name (erased), ==, "Erased person #3");
  g_assert_true (ti_person_get_erased (erased));
  g_assert_cmpint (ti_person_get_highest_tier (erased), ==, 2);

  edit.id = 3;
  expect_invalid (f, &edit, TI_PEOPLE_ERROR_ERASED,
                  "This person’s details were erased; they cannot be edited.");
  g_assert_false (ti_people_erase (f->db, 3, &error));
  g_assert_error (error, TI_PEOPLE_ERROR, TI_PEOPLE_ERROR_ERASED);
}

static void
test_subject_access (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "jo.json", NULL);
  g_autofree char *contents = NULL;
  const char *argv[] = { "/usr/bin/python3", "-c",
                         "import json, sys; d = json.load(open(sys.argv[1]));"
                         " assert d['person']['name'] == 'Jo Marsh';"
                         " assert len(d['sessions_attended']) == 2;"
                         " assert d['tier_progression']['highest_tier'] == 3",
                         path, NULL };
  GStatBuf st;
  int status = -1;

  g_assert_true (ti_people_export_subject_access (f->db, 4, path, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "\"jo.marsh@housing.example\""));
  g_assert_nonnull (strstr (contents, "\"Learning Centre\""));
  g_assert_nonnull (strstr (contents, "\"Housing teams\""));
  g_assert_nonnull (strstr (contents, "\"confidence_after\": 5"));
  g_assert_nonnull (strstr (contents, "\"reviews_written\""));
  g_assert_nonnull (strstr (contents, "\"Network launch\""));
  g_assert_nonnull (strstr (contents, "\"since\": \"2023-07-10\""));

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL,
                               NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, &error));
  g_assert_no_error (error);

  /* Nobody to export: no file appears. */
  g_free (path);
  path = g_build_filename (f->dir, "nobody.json", NULL);
  g_assert_false (ti_people_export_subject_access (f->db, 99, path, &error));
  g_assert_error (error, TI_PEOPLE_ERROR, TI_PEOPLE_ERROR_NOT_FOUND);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static void
test_champions_of (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  /* Wellsway Primary School: Sam Carter (active) and Kit Elms (paused); not Jo Marsh. */
  g_autoptr (GListModel) list = ti_people_list_champions_of (f->db, 2, &error);
  g_autoptr (TiPerson) first = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 2);
  first = g_list_model_get_item (list, 0);
  g_assert_cmpstr (ti_person_get_name (first), ==, "Kit Elms");
  g_assert_cmpstr (ti_person_get_status_key (first), ==, "paused");
}

static void
test_search_key (void)
{
  TiPersonFields fields = { .id = 9, .name = "Siân O'Neil", .organisation = "Wells Café" };
  g_autoptr (TiPerson) person = ti_person_new (&fields);
  g_autofree char *typed = ti_text_fold ("SIÂN");
  g_autofree char *organisation = ti_text_fold ("wells CAFÉ");

  /* What the Champions search matches against: name and organisation, case folded. */
  g_assert_nonnull (strstr (ti_person_get_search_key (person), typed));
  g_assert_nonnull (strstr (ti_person_get_search_key (person), organisation));
  g_assert_null (strstr (ti_person_get_search_key (person), "taunton"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/people/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("tiers", test_tiers);
  ADD ("list", test_list);
  ADD ("list-async", test_list_async);
  ADD ("profile", test_profile);
  ADD ("validation", test_validation);
  ADD ("validate-all", test_validate_all);
  ADD ("save", test_save);
  ADD ("delete-restore", test_delete_restore);
  ADD ("delete-facilitator", test_delete_facilitator);
  ADD ("erase", test_erase);
  ADD ("subject-access", test_subject_access);
#undef ADD

  g_test_add ("/people/champions-of", Fixture, NULL, fixture_set_up, test_champions_of,
              fixture_tear_down);
  g_test_add_func ("/people/search-key", test_search_key);

  return g_test_run ();
}
