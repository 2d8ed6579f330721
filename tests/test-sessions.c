/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>

#include "test-sessions-fixture.h"
#include "test-util.h"
#include "ti-format.h"
#include "ti-people.h"
#include "ti-register.h"
#include "ti-sessions.h"

typedef TestProgramme Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  test_programme_set_up (f, "sessions.sqlite", sessions_fixture_sql);
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

  /* Before and after over the paired attendees only, as the training figures: 2.5 and 3.5. */
  assert_summary (f, 1, &(TiRegisterSummary){ 5, 4, 3, 2, 2.5, 3.5, 1.0, 1, 3, 4.0 });
  assert_summary (f, 2, &(TiRegisterSummary){ 3, 3, 2, 2, 2.5, 4.0, 1.5, 2, 1, 4.0 });
  /* An empty register: counts of zero and no means. */
  assert_summary (f, 3, &(TiRegisterSummary){ 0, 0, 0, 0, NAN, NAN, NAN, 0, 0, NAN });

  g_assert_false (ti_register_get_summary (f->db, 99, &s, &error));
  g_assert_error (error, TI_REGISTER_ERROR, TI_REGISTER_ERROR_SESSION);
}

static gint64
count (Fixture *f, const char *sql)
{
  return test_count (f->db, sql);
}

static TiSession *
session_at (GListModel *model, guint i)
{
  g_assert_cmpuint (i, <, g_list_model_get_n_items (model));
  return g_list_model_get_item (model, i);
}

static void
assert_session_one (TiSession *s)
{
  GPtrArray *facilitators = ti_session_get_facilitators (s);
  TiFacilitator *first;

  g_assert_cmpint (ti_session_get_id (s), ==, 1);
  g_assert_cmpint (ti_session_get_tier (s), ==, 2);
  g_assert_cmpstr (ti_session_get_title (s), ==, "Trauma-skilled schools");
  g_assert_cmpstr (ti_session_get_starts_at (s), ==, "2023-09-12 09:30");
  g_assert_cmpint (ti_session_get_duration (s), ==, 180);
  g_assert_cmpstr (ti_session_get_mode_key (s), ==, "in_person");
  g_assert_cmpstr (ti_session_get_venue (s), ==, "School hall");
  g_assert_cmpint (ti_session_get_host_organisation_id (s), ==, 2);
  g_assert_cmpstr (ti_session_get_host_organisation (s), ==, "Wellsway Primary School");
  g_assert_cmpint (ti_session_get_capacity (s), ==, 20);
  g_assert_cmpint (ti_session_get_status (s), ==, TI_SESSION_DELIVERED);
  g_assert_cmpint (ti_session_get_review_status (s), ==, TI_REVIEW_AWAITING);
  g_assert_cmpuint (ti_session_get_attendees (s), ==, 5);
  g_assert_cmpuint (ti_session_get_attended (s), ==, 4);
  /* The coordinator before the champion. */
  g_assert_cmpstr (ti_session_get_facilitators_text (s), ==, "Alex Rowe, Sam Carter");
  g_assert_cmpuint (facilitators->len, ==, 2);
  first = g_ptr_array_index (facilitators, 0);
  g_assert_cmpint (first->person_id, ==, 1);
  g_assert_cmpstr (first->kind, ==, "coordinator");
  g_assert_true (ti_session_has_facilitator (s, 3));
  g_assert_false (ti_session_has_facilitator (s, 2));
}

static void
test_list (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GListModel) sessions = ti_sessions_list (f->db, &error);
  g_autoptr (TiSession) newest = NULL;
  g_autoptr (TiSession) oldest = NULL;
  g_autofree char *when = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (sessions), ==, 4);
  newest = session_at (sessions, 0);
  g_assert_cmpint (ti_session_get_id (newest), ==, 3);
  g_assert_cmpuint (ti_session_get_attendees (newest), ==, 0);
  g_assert_cmpint (ti_session_get_capacity (newest), ==, 0);
  oldest = session_at (sessions, 3);
  assert_session_one (oldest);
  g_object_get (oldest, "when", &when, NULL);
  g_assert_cmpstr (when, ==, "12 Sep 2023, 09:30");
}

static void
list_ready (GObject *source, GAsyncResult *result, gpointer data)
{
  GListModel **out = data;
  g_autoptr (GError) error = NULL;

  *out = ti_sessions_list_finish (result, &error);
  g_assert_no_error (error);
}

static void
test_list_async (Fixture *f, gconstpointer data)
{
  g_autoptr (GListModel) sessions = NULL;

  ti_sessions_list_async (f->path, NULL, list_ready, &sessions);
  while (sessions == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (sessions), ==, 4);
}

static void
test_get (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TiSession) one = ti_sessions_get (f->db, 1, &error);
  g_autoptr (TiSession) missing = NULL;

  g_assert_no_error (error);
  assert_session_one (one);
  missing = ti_sessions_get (f->db, 99, &error);
  g_assert_null (missing);
  g_assert_error (error, TI_SESSIONS_ERROR, TI_SESSIONS_ERROR_NOT_FOUND);
}

static const TiFacilitatorEdit coordinator[] = { { 1, "coordinator" } };

/* A new planned Tier 2 session that can be saved; tests change one thing. */
static TiSessionEdit
valid_edit (void)
{
  return (TiSessionEdit){
    .tier = 2,
    .title = "Trauma-skilled housing",
    .date = "01/05/2024",
    .time = "9:30",
    .duration_minutes = 120,
    .mode = "in_person",
    .venue = "  Taunton library ",
    .host_organisation_id = 3,
    .capacity = 0,
    .status = TI_SESSION_PLANNED,
    .facilitators = coordinator,
    .n_facilitators = 1,
  };
}

/* The problems of @edit as "CODE message" lines. */
static char *
problems (Fixture *f, const TiSessionEdit *edit)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) errors = ti_sessions_validate_all (f->db, edit, &error);
  GString *text = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < errors->len; i++)
    {
      GError *e = g_ptr_array_index (errors, i);

      g_assert_true (e->domain == TI_SESSIONS_ERROR);
      g_string_append_printf (text, "%d %s\n", e->code, e->message);
    }
  return g_string_free (text, FALSE);
}

#define ASSERT_PROBLEMS(f, edit, expected)                \
  G_STMT_START                                            \
  {                                                       \
    g_autofree char *got_ = problems ((f), (edit));       \
    g_assert_cmpstr (got_, ==, (expected));               \
  }                                                       \
  G_STMT_END

static void
test_validation (Fixture *f, gconstpointer data)
{
  TiSessionEdit edit = valid_edit ();
  const TiFacilitatorEdit twice[] = { { 1, "coordinator" }, { 3, "champion" },
                                      { 1, "psychologist" } };
  const TiFacilitatorEdit unknown[] = { { 99, "coordinator" }, { 3, "trainer" } };
  g_autofree char *all = NULL;

  ASSERT_PROBLEMS (f, &edit, "");

  /* Every field wrong at once: one message each, in the editor's order. */
  edit = (TiSessionEdit){ .tier = 1, .title = "  ", .date = "", .time = "", .mode = "hybrid",
                          .host_organisation_id = 99, .capacity = -1, .status = 7 };
  all = g_strdup_printf (
    "%d Choose Tier 2 or Tier 3.\n"
    "%d Enter a title.\n"
    "%d Enter the date of the session.\n"
    "%d Enter the start time.\n"
    "%d Enter a length between 1 minute and 24 hours (1,440 minutes).\n"
    "%d Choose in person or online.\n"
    "%d Choose a host organisation that exists, or create it first.\n"
    "%d Enter the number of places, or leave it empty for no limit.\n"
    "%d Choose a status: planned, delivered or cancelled.\n"
    "%d Add at least one facilitator.\n",
    TI_SESSIONS_ERROR_TIER, TI_SESSIONS_ERROR_TITLE, TI_SESSIONS_ERROR_DATE,
    TI_SESSIONS_ERROR_TIME, TI_SESSIONS_ERROR_DURATION, TI_SESSIONS_ERROR_MODE,
    TI_SESSIONS_ERROR_HOST, TI_SESSIONS_ERROR_CAPACITY, TI_SESSIONS_ERROR_STATUS,
    TI_SESSIONS_ERROR_FACILITATORS);
  ASSERT_PROBLEMS (f, &edit, all);

  edit = valid_edit ();
  edit.date = "31/02/2024";
  edit.time = "25:00";
  edit.duration_minutes = 1441;
  ASSERT_PROBLEMS (f, &edit,
                   "2 31/02/2024 is not a real date.\n"
                   "3 Enter the start time as HH:MM on the 24-hour clock, for example 09:30.\n"
                   "4 Enter a length between 1 minute and 24 hours (1,440 minutes).\n");
  edit = valid_edit ();
  edit.date = "2024/05/01";
  edit.time = "9.30";
  ASSERT_PROBLEMS (f, &edit,
                   "2 Enter the date as YYYY-MM-DD or DD/MM/YYYY.\n"
                   "3 Enter the start time as HH:MM on the 24-hour clock, for example 09:30.\n");

  /* A planned session may be in the future; a delivered one may not. */
  edit = valid_edit ();
  edit.date = "2099-01-01";
  ASSERT_PROBLEMS (f, &edit, "");
  edit.status = TI_SESSION_DELIVERED;
  ASSERT_PROBLEMS (f, &edit,
                   "2 A delivered session cannot start in the future. Correct the date and "
                   "time, or set the status to planned.\n");
  edit.date = "2024-05-01";
  ASSERT_PROBLEMS (f, &edit, "");

  edit = valid_edit ();
  edit.facilitators = twice;
  edit.n_facilitators = G_N_ELEMENTS (twice);
  ASSERT_PROBLEMS (f, &edit, "9 Alex Rowe is listed more than once: list each facilitator once.\n");
  edit.facilitators = unknown;
  edit.n_facilitators = G_N_ELEMENTS (unknown);
  ASSERT_PROBLEMS (f, &edit,
                   "9 Choose each facilitator from the people in the programme.\n"
                   "9 Choose whether Sam Carter facilitated as coordinator, psychologist or "
                   "champion.\n");

  /* A session deleted meanwhile gives that one problem. */
  edit = valid_edit ();
  edit.id = 99;
  edit.title = "";
  ASSERT_PROBLEMS (f, &edit, "10 This session is no longer in the programme.\n");
}

static void
test_save (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  TiSessionEdit edit = valid_edit ();
  g_autoptr (TiSession) saved = NULL;
  gint64 id = 0;

  g_assert_true (ti_sessions_save (f->db, &edit, &id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (id, ==, 5);
  saved = ti_sessions_get (f->db, id, &error);
  g_assert_cmpstr (ti_session_get_starts_at (saved), ==, "2024-05-01 09:30");
  g_assert_cmpstr (ti_session_get_venue (saved), ==, "Taunton library");
  g_assert_cmpint (ti_session_get_capacity (saved), ==, 0);
  g_assert_cmpint (ti_session_get_review_status (saved), ==, TI_REVIEW_NOT_DUE);
  g_assert_cmpstr (ti_session_get_facilitators_text (saved), ==, "Alex Rowe");
  g_assert_cmpint (count (f, "SELECT count(*) FROM audit_log WHERE action = 'create'"
                             " AND entity = 'session' AND entity_id = 5"
                             " AND detail = 'status: planned; review: not_due'"), ==, 1);

  /* A refused save writes nothing. */
  edit.id = id;
  edit.title = "";
  g_assert_false (ti_sessions_save (f->db, &edit, NULL, &error));
  g_assert_error (error, TI_SESSIONS_ERROR, TI_SESSIONS_ERROR_TITLE);
  g_assert_cmpint (count (f, "SELECT count(*) FROM sessions WHERE title = 'Trauma-skilled housing'"),
                   ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM audit_log WHERE entity = 'session'"), ==, 1);
}

/* Saves @edit and returns the session's review status as stored. */
static char *
save_review (Fixture *f, const TiSessionEdit *edit, gint64 *out_id)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *sql = NULL;
  gint64 id = 0;

  g_assert_true (ti_sessions_save (f->db, edit, &id, &error));
  g_assert_no_error (error);
  if (out_id != NULL)
    *out_id = id;
  sql = g_strdup_printf ("SELECT review_status FROM sessions WHERE id = %" G_GINT64_FORMAT, id);
  {
    g_autoptr (sqlite3_stmt) stmt = ti_database_prepare (f->db, sql, &error);

    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  }
}

#define ASSERT_REVIEW(f, edit, out_id, expected)             \
  G_STMT_START                                               \
  {                                                          \
    g_autofree char *got_ = save_review ((f), (edit), (out_id)); \
    g_assert_cmpstr (got_, ==, (expected));                  \
  }                                                          \
  G_STMT_END

static void
test_review_status (Fixture *f, gconstpointer data)
{
  const TiFacilitatorEdit psychologist[] = { { 2, "psychologist" } };
  const TiFacilitatorEdit as_champion[] = { { 1, "champion" } };
  const TiFacilitatorEdit psychologist_and_champion[] = { { 2, "psychologist" },
                                                          { 3, "champion" } };
  TiSessionEdit edit = valid_edit ();
  gint64 id = 0;

  /* Delivered by the coordinator: awaiting review. */
  edit.status = TI_SESSION_DELIVERED;
  ASSERT_REVIEW (f, &edit, &id, "awaiting");
  g_assert_cmpint (count (f, "SELECT count(*) FROM audit_log WHERE entity = 'session'"
                             " AND detail = 'status: delivered; review: awaiting (was not_due)'"),
                   ==, 1);

  /* Led by the psychologist: not due. */
  edit.facilitators = psychologist;
  edit.n_facilitators = 1;
  ASSERT_REVIEW (f, &edit, NULL, "not_due");

  /* The psychologist with a champion beside them: the champion's delivery is reviewed. */
  edit.facilitators = psychologist_and_champion;
  edit.n_facilitators = 2;
  ASSERT_REVIEW (f, &edit, NULL, "awaiting");
  edit.n_facilitators = 1;

  /* Approved (session 4), then a corrected title or venue: still approved. */
  edit = valid_edit ();
  edit.id = 4;
  edit.title = "Quiet delivery, corrected";
  edit.venue = "Minehead";
  edit.date = "2024-01-10";
  edit.time = "10:00";
  edit.duration_minutes = 90;
  edit.status = TI_SESSION_DELIVERED;
  ASSERT_REVIEW (f, &edit, NULL, "approved");

  /* Approved, then the delivery edited (a facilitator's role): awaiting again, and the
   * earlier review stays in the history. The editor can tell before saving. */
  g_assert_false (ti_sessions_save_reopens_review (f->db, &edit));
  edit.facilitators = as_champion;
  g_assert_true (ti_sessions_save_reopens_review (f->db, &edit));
  ASSERT_REVIEW (f, &edit, NULL, "awaiting");
  g_assert_false (ti_sessions_save_reopens_review (f->db, &edit));
  g_assert_cmpint (count (f, "SELECT count(*) FROM reviews WHERE session_id = 4"), ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM audit_log WHERE entity = 'session'"
                             " AND entity_id = 4 AND detail = 'delivery: facilitators;"
                             " status: delivered; review: awaiting (was approved)'"), ==, 1);

  /* Back to planned: not due. */
  edit.status = TI_SESSION_PLANNED;
  ASSERT_REVIEW (f, &edit, NULL, "not_due");

  /* Approved, then the start time moved: awaiting. */
  g_assert_true (ti_database_exec (f->db, "UPDATE sessions SET review_status = 'approved',"
                                          " status = 'delivered' WHERE id = 4", NULL));
  edit.status = TI_SESSION_DELIVERED;
  edit.time = "10:30";
  ASSERT_REVIEW (f, &edit, NULL, "awaiting");
}

static void
test_psychologist_led (void)
{
  const char *alone[] = { "psychologist" };
  const char *two[] = { "psychologist", "psychologist" };
  const char *with_champion[] = { "psychologist", "champion" };
  const char *with_coordinator[] = { "coordinator", "psychologist" };

  /* Exempt from review only when every facilitator is there as psychologist. */
  g_assert_true (ti_facilitators_are_psychologists (alone, 1));
  g_assert_true (ti_facilitators_are_psychologists (two, 2));
  g_assert_false (ti_facilitators_are_psychologists (with_champion, 2));
  g_assert_false (ti_facilitators_are_psychologists (with_coordinator, 2));
  g_assert_false (ti_facilitators_are_psychologists (NULL, 0));
}

static void
test_confidence_format (void)
{
  /* One precision for a confidence mean or change, wherever it is shown. */
  const struct
  {
    double value;
    const char *score, *change;
  } cases[] = {
    { 1.176, "1.18", "+1.18" }, { 1.2, "1.20", "+1.20" }, { 0, "0.00", "0.00" },
    { -0.5, "-0.50", "-0.50" }, { NAN, "—", "—" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *score = ti_format_confidence (cases[i].value);
      g_autofree char *change = ti_format_confidence_change (cases[i].value);

      g_assert_cmpstr (score, ==, cases[i].score);
      g_assert_cmpstr (change, ==, cases[i].change);
    }
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
  g_autoptr (TiSessionSnapshot) snapshot = NULL;
  g_autofree char *before = content_digest (f);
  g_autofree char *after = NULL;

  g_assert_true (ti_sessions_delete (f->db, 4, &snapshot, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ti_session_snapshot_get_id (snapshot), ==, 4);
  g_assert_cmpint (count (f, "SELECT count(*) FROM sessions WHERE id = 4"), ==, 0);
  g_assert_cmpint (count (f, "SELECT count(*) FROM reviews"), ==, 0);
  g_assert_cmpint (count (f, "SELECT count(*) FROM milestones WHERE evidence_session_id IS NULL"),
                   ==, 1);

  g_assert_true (ti_sessions_restore (f->db, snapshot, &error));
  g_assert_no_error (error);
  after = content_digest (f);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpint (count (f, "SELECT count(*) FROM audit_log WHERE entity = 'session'"
                             " AND entity_id = 4 AND action IN ('delete', 'restore')"), ==, 2);

  /* Restoring twice cannot duplicate. */
  g_assert_false (ti_sessions_restore (f->db, snapshot, &error));
  g_assert_error (error, TI_SESSIONS_ERROR, TI_SESSIONS_ERROR_RESTORE);
  g_clear_error (&error);

  /* A session with a register comes back with it. */
  g_clear_pointer (&snapshot, ti_session_snapshot_free);
  g_assert_true (ti_sessions_delete (f->db, 1, &snapshot, &error));
  g_assert_cmpint (count (f, "SELECT count(*) FROM attendance WHERE session_id = 1"), ==, 0);
  g_assert_true (ti_sessions_restore (f->db, snapshot, &error));
  g_free (after);
  after = content_digest (f);
  g_assert_cmpstr (after, ==, before);

  g_assert_false (ti_sessions_delete (f->db, 99, NULL, &error));
  g_assert_error (error, TI_SESSIONS_ERROR, TI_SESSIONS_ERROR_NOT_FOUND);
}

static TiAttendee *
attendee_at (GListModel *model, guint i)
{
  g_assert_cmpuint (i, <, g_list_model_get_n_items (model));
  return g_list_model_get_item (model, i);
}

static void
test_register_list (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GListModel) one = ti_register_list (f->db, 1, &error);
  g_autoptr (GListModel) two = ti_register_list (f->db, 2, &error);
  g_autoptr (TiAttendee) ana = NULL;
  g_autoptr (TiAttendee) jo = NULL;
  g_autoptr (TiAttendee) kit = NULL;
  TiAttendeeMarks marks;

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (one), ==, 5);
  ana = attendee_at (one, 0); /* by name: Ana, Jo, Kit, Lee, Rae */
  g_assert_cmpstr (ti_attendee_get_name (ana), ==, "Ana Cole");
  g_assert_cmpstr (ti_attendee_get_organisation (ana), ==, "Somerset NHS Foundation Trust");
  ti_attendee_get_marks (ana, &marks);
  g_assert_false (marks.attended);
  g_assert_cmpint (marks.confidence_before, ==, 4);
  g_assert_cmpint (marks.confidence_after, ==, 0);
  /* Tier 2 sessions warn about nobody. */
  g_assert_null (ti_attendee_get_warning (ana));

  jo = attendee_at (two, 0);
  kit = attendee_at (two, 1);
  g_assert_cmpstr (ti_attendee_get_name (kit), ==, "Kit Elms");
  g_assert_null (ti_attendee_get_warning (jo));
  g_assert_cmpstr (ti_attendee_get_warning (kit), ==, "No Tier 2 yet");
}

static void
test_warnings (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) two = ti_register_get_warnings (f->db, 2, &error);
  g_autoptr (GPtrArray) four = ti_register_get_warnings (f->db, 4, &error);
  g_autoptr (GPtrArray) one = ti_register_get_warnings (f->db, 1, &error);
  g_autoptr (GPtrArray) three = ti_register_get_warnings (f->db, 3, &error);
  g_autoptr (GPtrArray) missing = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (two->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (two, 0), ==, "The register has 3 people for 2 places.");
  g_assert_cmpstr (g_ptr_array_index (two, 1), ==,
                   "Kit Elms (Wellsway Primary School) is on this Tier 3 session without "
                   "having completed Tier 2.");
  g_assert_cmpuint (four->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (four, 0), ==,
                   "This session was delivered but its register is empty: add the people who "
                   "came.");
  g_assert_cmpuint (one->len, ==, 0);
  g_assert_cmpuint (three->len, ==, 0);

  /* Two without Tier 2: one warning naming both. */
  g_assert_true (ti_database_exec (f->db, "UPDATE attendance SET completed = 0"
                                          " WHERE session_id = 1 AND person_id = 6", NULL));
  g_clear_pointer (&two, g_ptr_array_unref);
  two = ti_register_get_warnings (f->db, 2, &error);
  g_assert_cmpstr (g_ptr_array_index (two, 1), ==,
                   "2 people are on this Tier 3 session without having completed Tier 2: "
                   "Kit Elms (Wellsway Primary School); Lee Hart (Quantock Housing).");

  /* A Tier 3 session with no psychologist among its facilitators: a warning, not a refusal. */
  g_assert_true (ti_database_exec (f->db, "UPDATE sessions SET tier = 3 WHERE id = 3", NULL));
  g_clear_pointer (&three, g_ptr_array_unref);
  three = ti_register_get_warnings (f->db, 3, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (three->len, ==, 1);
  g_assert_true (g_str_has_prefix (g_ptr_array_index (three, 0),
                                   "No psychologist facilitates this Tier 3 session"));

  missing = ti_register_get_warnings (f->db, 99, &error);
  g_assert_null (missing);
  g_assert_error (error, TI_REGISTER_ERROR, TI_REGISTER_ERROR_SESSION);
}

static void
test_register_add (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TiAttendee) alex = ti_register_add (f->db, 3, 1, &error);
  g_autoptr (TiAttendee) again = NULL;
  g_autoptr (TiAttendee) erased = NULL;
  g_autoptr (TiAttendee) nia = NULL;
  g_autoptr (TiAttendee) nobody = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (ti_attendee_get_name (alex), ==, "Alex Rowe");
  g_assert_false (ti_attendee_get_attended (alex));
  g_assert_cmpint (count (f, "SELECT count(*) FROM attendance WHERE session_id = 3"), ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM audit_log WHERE action = 'create'"
                             " AND entity = 'attendance' AND entity_id = 3"
                             " AND detail = 'person 1'"), ==, 1);

  again = ti_register_add (f->db, 3, 1, &error);
  g_assert_null (again);
  g_assert_error (error, TI_REGISTER_ERROR, TI_REGISTER_ERROR_ON_REGISTER);
  g_clear_error (&error);
  erased = ti_register_add (f->db, 3, 9, &error);
  g_assert_null (erased);
  g_assert_error (error, TI_REGISTER_ERROR, TI_REGISTER_ERROR_PERSON);
  g_clear_error (&error);

  /* A new person: added to the programme and the register in one go. */
  nia = ti_register_add_new_person (f->db, 3, " Nia Ford ", 2, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ti_attendee_get_name (nia), ==, "Nia Ford");
  g_assert_cmpstr (ti_attendee_get_organisation (nia), ==, "Wellsway Primary School");
  g_assert_cmpint (count (f, "SELECT count(*) FROM people WHERE name = 'Nia Ford'"
                             " AND organisation_id = 2 AND role = 'staff'"), ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM audit_log WHERE action = 'create'"
                             " AND entity = 'person'"), ==, 1);

  /* Refused in the people core's words, and nothing written. */
  nobody = ti_register_add_new_person (f->db, 3, "  ", 2, &error);
  g_assert_null (nobody);
  g_assert_error (error, TI_PEOPLE_ERROR, TI_PEOPLE_ERROR_NAME);
  g_clear_error (&error);
  nobody = ti_register_add_new_person (f->db, 99, "Ola Penn", 2, &error);
  g_assert_error (error, TI_REGISTER_ERROR, TI_REGISTER_ERROR_SESSION);
  g_assert_cmpint (count (f, "SELECT count(*) FROM people"), ==, 10);
  g_assert_cmpint (count (f, "SELECT count(*) FROM attendance WHERE session_id = 3"), ==, 2);
}

static void
test_register_update (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GListModel) one = ti_register_list (f->db, 1, &error);
  g_autoptr (TiAttendee) ana = attendee_at (one, 0);
  TiAttendeeMarks marks = { 0 };
  guint notified = 0;
  TiRegisterSummary s;

  /* Completed implies attended. */
  ti_attendee_get_marks (ana, &marks);
  marks.completed = TRUE;
  marks.confidence_after = 5;
  marks.feedback = 2;
  g_assert_true (ti_register_update (f->db, ana, &marks, &error));
  g_assert_no_error (error);
  g_assert_true (ti_attendee_get_attended (ana));
  g_assert_true (ti_attendee_get_completed (ana));
  g_assert_cmpint (ti_attendee_get_confidence_after (ana), ==, 5);
  g_assert_cmpint (count (f, "SELECT count(*) FROM attendance WHERE session_id = 1"
                             " AND person_id = 7 AND attended = 1 AND completed = 1"
                             " AND confidence_before = 4 AND confidence_after = 5"
                             " AND feedback = 2"), ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM audit_log WHERE action = 'update'"
                             " AND entity = 'attendance' AND entity_id = 1 AND detail ="
                             " 'person 7; fields: attended, completed, confidence_after,"
                             " feedback'"), ==, 1);
  /* The figures follow: Ana now counts, 4 → 5, so the mean change is (2 + 0 + 1) / 3. */
  g_assert_true (ti_register_get_summary (f->db, 1, &s, NULL));
  g_assert_cmpuint (s.attended, ==, 5);
  g_assert_cmpuint (s.paired, ==, 3);
  g_assert_cmpfloat_with_epsilon (s.mean_change, 1.0, 1e-9);
  g_assert_cmpuint (s.improved, ==, 2);

  /* Unticking attended unticks completed; a score can be taken away. */
  g_signal_connect_swapped (ana, "notify::completed", G_CALLBACK (g_atomic_int_inc), &notified);
  marks.attended = FALSE;
  marks.completed = TRUE;
  marks.feedback = 0;
  g_assert_true (ti_register_update (f->db, ana, &marks, &error));
  g_assert_false (ti_attendee_get_completed (ana));
  g_assert_cmpuint (notified, ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM attendance WHERE person_id = 7"
                             " AND attended = 0 AND completed = 0 AND feedback IS NULL"), ==, 1);

  /* Scores are 1 to 5: nothing saved otherwise. */
  marks.confidence_before = 6;
  g_assert_false (ti_register_update (f->db, ana, &marks, &error));
  g_assert_error (error, TI_REGISTER_ERROR, TI_REGISTER_ERROR_SCORE);
  g_assert_cmpint (ti_attendee_get_confidence_before (ana), ==, 4);
  g_assert_cmpint (count (f, "SELECT confidence_before FROM attendance WHERE person_id = 7"), ==, 4);
}

static void
test_register_remove (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GListModel) two = ti_register_list (f->db, 2, &error);
  g_autoptr (TiAttendee) kit = attendee_at (two, 1);
  g_autofree char *before = content_digest (f);
  g_autofree char *after = NULL;

  g_assert_true (ti_register_remove (f->db, kit, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM attendance WHERE session_id = 2"), ==, 2);
  g_assert_false (ti_register_remove (f->db, kit, &error));
  g_assert_error (error, TI_REGISTER_ERROR, TI_REGISTER_ERROR_NOT_ON_REGISTER);
  g_clear_error (&error);

  /* Undo puts them back with their marks. */
  g_assert_true (ti_register_restore (f->db, kit, &error));
  g_assert_no_error (error);
  after = content_digest (f);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpint (count (f, "SELECT count(*) FROM audit_log WHERE entity = 'attendance'"
                             " AND action IN ('delete', 'restore')"), ==, 2);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/sessions/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("list", test_list);
  ADD ("list-async", test_list_async);
  ADD ("get", test_get);
  ADD ("validation", test_validation);
  ADD ("save", test_save);
  ADD ("review-status", test_review_status);
  g_test_add_func ("/sessions/psychologist-led", test_psychologist_led);
  g_test_add_func ("/sessions/confidence-format", test_confidence_format);
  ADD ("delete-restore", test_delete_restore);
  ADD ("register-list", test_register_list);
  ADD ("register-add", test_register_add);
  ADD ("register-update", test_register_update);
  ADD ("register-remove", test_register_remove);
  ADD ("summary", test_summary);
  ADD ("warnings", test_warnings);
#undef ADD

  return g_test_run ();
}
