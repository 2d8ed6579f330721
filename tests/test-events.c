/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>

#include "test-events-fixture.h"
#include "test-util.h"
#include "ti-event-figures.h"
#include "ti-events.h"

typedef TestProgramme Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  test_programme_set_up (f, "events.sqlite", events_fixture_sql);
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
assert_tally (GPtrArray *tallies, guint i, const char *label, guint n)
{
  TiEventTally *tally;

  g_assert_cmpuint (i, <, tallies->len);
  tally = g_ptr_array_index (tallies, i);
  g_assert_cmpstr (tally->label, ==, label);
  g_assert_cmpuint (tally->count, ==, n);
}

static void
test_list (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GListModel) events = ti_events_list (f->db, &error);
  g_autoptr (TiEvent) launch = NULL;
  g_autoptr (TiEvent) webinar = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (events), ==, 5);
  /* Newest first. */
  launch = g_list_model_get_item (events, 3);
  g_assert_cmpstr (ti_event_get_title (launch), ==, "Network and Charter Launch");
  g_assert_cmpstr (ti_event_get_kind (launch), ==, "Launch");
  g_assert_cmpstr (ti_event_get_when (launch), ==, "26 Jan 2023, 10:00");
  g_assert_cmpuint (ti_event_get_speakers (launch), ==, 2);
  g_assert_cmpuint (ti_event_get_invited (launch), ==, 5);
  g_assert_cmpuint (ti_event_get_attended (launch), ==, 4);

  webinar = ti_events_get (f->db, 3, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ti_event_get_place (webinar), ==, "Online");
  g_assert_cmpstr (ti_event_get_online_link (webinar), ==, "https://meet.example.org/supervision");

  g_assert_null (ti_events_get (f->db, 99, &error));
  g_assert_error (error, TI_EVENTS_ERROR, TI_EVENTS_ERROR_NOT_FOUND);
}

static void
test_summary (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_auto (TiEventSummary) launch = { 0 };
  g_auto (TiEventSummary) june = { 0 };
  g_auto (TiEventSummary) future = { 0 };

  g_assert_true (ti_events_get_summary (f->db, 1, &launch, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (launch.invited, ==, 5);
  g_assert_cmpuint (launch.attended, ==, 4);
  g_assert_cmpuint (launch.invited_attended, ==, 3);
  /* Jo came to the 2022 workshop: not a first-timer. */
  g_assert_cmpuint (launch.first_timers, ==, 3);
  g_assert_cmpuint (launch.organisations->len, ==, 4);
  assert_tally (launch.sectors, 0, "Council", 2);
  assert_tally (launch.sectors, 1, "Education", 1);
  assert_tally (launch.sectors, 2, "NHS trust", 1);
  g_assert_cmpuint (launch.sectors->len, ==, 3);
  /* Rae's 2 is not counted: she did not come. */
  g_assert_cmpuint (launch.feedback_count, ==, 3);
  g_assert_cmpfloat_with_epsilon (launch.feedback_mean, 4.0, 1e-9);
  assert_tally (launch.themes, 0, "Networking", 2);
  assert_tally (launch.themes, 1, "Speakers", 1);
  g_assert_cmpuint (launch.themes->len, ==, 2);

  g_assert_true (ti_events_get_summary (f->db, 2, &june, &error));
  g_assert_cmpuint (june.invited, ==, 4);
  g_assert_cmpuint (june.attended, ==, 3);
  g_assert_cmpuint (june.first_timers, ==, 2);
  assert_tally (june.organisations, 0, "Avon and Somerset Police", 1);

  g_assert_true (ti_events_get_summary (f->db, 4, &future, &error));
  g_assert_cmpuint (future.attended, ==, 0);
  g_assert_cmpuint (future.feedback_count, ==, 0);
  g_assert_true (isnan (future.feedback_mean));

  g_assert_false (ti_events_get_summary (f->db, 99, &future, &error));
  g_assert_error (error, TI_EVENTS_ERROR, TI_EVENTS_ERROR_NOT_FOUND);
}

/* An event's reach is counted as the period's "Organisations reached" and "Sectors reached". */
static void
test_reach (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  guint organisations = 99, sectors = 99;

  /* The launch: Council, Children's Services, the school, the trust; three sectors. */
  g_assert_true (ti_events_count_reach (f->db, 1, &organisations, &sectors, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (organisations, ==, 4);
  g_assert_cmpuint (sectors, ==, 3);
  /* June: the school, the police, Children's Services; Tom did not come. */
  g_assert_true (ti_events_count_reach (f->db, 2, &organisations, &sectors, &error));
  g_assert_cmpuint (organisations, ==, 3);
  g_assert_cmpuint (sectors, ==, 3);
  /* Nobody has come to the 2030 conference yet. */
  g_assert_true (ti_events_count_reach (f->db, 4, &organisations, &sectors, &error));
  g_assert_cmpuint (organisations, ==, 0);
  g_assert_cmpuint (sectors, ==, 0);
}

static void
test_guests (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GListModel) guests = ti_events_list_guests (f->db, 1, &error);
  g_autoptr (TiEventGuest) alex = NULL;
  g_autoptr (TiEventGuest) jo = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (guests), ==, 6);
  alex = g_list_model_get_item (guests, 0); /* Alex, Ana, Jo, Kit, Rae, Sam */
  g_assert_cmpstr (ti_event_guest_get_name (alex), ==, "Alex Rowe");
  g_assert_true (ti_event_guest_get_first_time (alex));
  jo = g_list_model_get_item (guests, 2);
  g_assert_cmpstr (ti_event_guest_get_name (jo), ==, "Jo Marsh");
  g_assert_false (ti_event_guest_get_first_time (jo));
}

static void
test_figures (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_auto (TiEventFigures) period = { 0 };
  g_auto (TiEventFigures) open = { 0 };
  guint n;

  g_assert_true (ti_event_figures_compute (f->db, "2023-01-01", "2024-04-30", &period, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (period.events_held, ==, 3);
  g_assert_cmpuint (period.invitations, ==, 9);
  g_assert_cmpuint (period.attendances, ==, 8);
  g_assert_cmpfloat_with_epsilon (period.attendance_mean, 8.0 / 3, 1e-9);
  g_assert_cmpuint (period.people_attending, ==, 6);
  g_assert_cmpuint (period.organisations_reached, ==, 5);
  g_assert_cmpuint (period.sectors_reached, ==, 4);
  g_assert_cmpuint (period.speakers_local, ==, 1);
  g_assert_cmpuint (period.speakers_national, ==, 1);
  g_assert_cmpuint (period.speakers_international, ==, 1);
  g_assert_cmpuint (period.feedback_count, ==, 6);
  g_assert_cmpfloat_with_epsilon (period.feedback_mean, 23.0 / 6, 1e-9);

  /* Open ends reach the 2022 workshop, but never the 2030 conference, not yet held. */
  g_assert_true (ti_event_figures_compute (f->db, NULL, NULL, &open, &error));
  g_assert_cmpuint (open.events_held, ==, 4);
  g_assert_cmpuint (open.attendances, ==, 9);
  g_assert_cmpuint (open.speakers_local, ==, 2);
  g_assert_cmpuint (open.speakers_international, ==, 1);

  /* A period without events has no means. */
  ti_event_figures_clear (&open);
  g_assert_true (ti_event_figures_compute (f->db, "2025-01-01", "2025-12-31", &open, &error));
  g_assert_cmpuint (open.events_held, ==, 0);
  g_assert_true (isnan (open.attendance_mean));
  g_assert_true (isnan (open.feedback_mean));

  ti_event_figures_clear (&open);
  g_assert_false (ti_event_figures_compute (f->db, "1/1/2023", NULL, &open, &error));
  g_assert_nonnull (error);

  /* Every field has its definition. */
  ti_event_figure_definitions (&n);
  g_assert_cmpuint (n, ==, 12);
  g_assert_nonnull (ti_event_figure_definition ("attendance_mean"));
  g_assert_null (ti_event_figure_definition ("nothing"));
}

static gboolean
has_problem (GPtrArray *problems, int code)
{
  for (guint i = 0; i < problems->len; i++)
    if (((GError *) g_ptr_array_index (problems, i))->code == code)
      return TRUE;
  return FALSE;
}

static void
test_validation (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  TiEventEdit bad = { .title = "  ", .kind = "party", .date = "31/02/2023", .time = "25:00" };
  TiEventEdit link = { .title = "Webinar", .kind = "webinar", .date = "2024-02-01",
                       .time = "9:30", .online_link = "meet.example.org/x" };
  g_autoptr (GPtrArray) problems = ti_events_validate_all (f->db, &bad, &error);
  g_autoptr (TiEvent) saved = NULL;
  gint64 id = 0;

  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 5);
  g_assert_true (has_problem (problems, TI_EVENTS_ERROR_TITLE));
  g_assert_true (has_problem (problems, TI_EVENTS_ERROR_KIND));
  g_assert_true (has_problem (problems, TI_EVENTS_ERROR_DATE));
  g_assert_true (has_problem (problems, TI_EVENTS_ERROR_TIME));
  g_assert_true (has_problem (problems, TI_EVENTS_ERROR_PLACE));
  g_assert_cmpstr (((GError *) g_ptr_array_index (problems, 2))->message, ==,
                   "31/02/2023 is not a real date.");

  g_clear_pointer (&problems, g_ptr_array_unref);
  problems = ti_events_validate_all (f->db, &link, &error);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_true (has_problem (problems, TI_EVENTS_ERROR_LINK));
  link.online_link = "ftp://meet.example.org/x";
  g_assert_false (ti_events_save (f->db, &link, &id, &error));
  g_assert_error (error, TI_EVENTS_ERROR, TI_EVENTS_ERROR_LINK);
  g_clear_error (&error);

  link.online_link = " https://meet.example.org/x ";
  g_assert_true (ti_events_save (f->db, &link, &id, &error));
  g_assert_no_error (error);
  saved = ti_events_get (f->db, id, &error);
  g_assert_cmpstr (ti_event_get_starts_at (saved), ==, "2024-02-01 09:30");
  g_assert_cmpstr (ti_event_get_online_link (saved), ==, "https://meet.example.org/x");
  g_assert_cmpstr (ti_event_get_venue (saved), ==, "");
  g_assert_cmpint (count (f, "SELECT count(*) FROM audit_log WHERE entity = 'event'"
                             " AND action = 'create'"), ==, 1);

  /* An event deleted meanwhile is the one problem. */
  link.id = 99;
  g_clear_pointer (&problems, g_ptr_array_unref);
  problems = ti_events_validate_all (f->db, &link, &error);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_true (has_problem (problems, TI_EVENTS_ERROR_NOT_FOUND));
}

static void
test_invite_champions (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  guint added = 99;

  /* Sam, Jo and Lee: not Kit (paused), not the erased champion. */
  g_assert_true (ti_events_invite_champions (f->db, 3, &added, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (added, ==, 3);
  g_assert_cmpint (count (f, "SELECT count(*) FROM event_attendance WHERE event_id = 3"), ==, 4);
  /* Again: nobody twice. */
  g_assert_true (ti_events_invite_champions (f->db, 3, &added, &error));
  g_assert_cmpuint (added, ==, 0);
  g_assert_cmpint (count (f, "SELECT count(*) FROM event_attendance WHERE event_id = 3"), ==, 4);
  /* Sam and Lee are on June's list already: only Jo is added. */
  g_assert_true (ti_events_invite_champions (f->db, 2, &added, &error));
  g_assert_cmpuint (added, ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM audit_log WHERE entity = 'event_attendance'"),
                   ==, 3);

  g_assert_false (ti_events_invite_champions (f->db, 99, &added, &error));
  g_assert_error (error, TI_EVENTS_ERROR, TI_EVENTS_ERROR_NOT_FOUND);
}

/* Counted before asking, undone exactly: not who was there before, nor who came since. */
static void
test_invite_count_and_undo (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TiEventInvitations) batch = NULL;
  g_autoptr (GListModel) guests = NULL;
  g_autoptr (TiEventGuest) lee = NULL;
  TiGuestMarks came = { .attended = TRUE };
  guint n = 99, removed = 99;

  /* Sam, Jo and Lee; Kit is paused, #8 erased. The council: Alex, Rae and Kit at its
   * directorate; Ana (on the list) and #8 (erased) are not counted. */
  g_assert_true (ti_events_count_invitable (f->db, 3, TI_EVENT_INVITE_ACTIVE_CHAMPIONS, 0, &n,
                                            &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 3);
  g_assert_true (ti_events_count_invitable (f->db, 3, TI_EVENT_INVITE_ORGANISATION, 2, &n,
                                            &error));
  g_assert_cmpuint (n, ==, 3);
  g_assert_false (ti_events_count_invitable (f->db, 3, TI_EVENT_INVITE_ORGANISATION, 77, &n,
                                             &error));
  g_assert_error (error, TI_EVENTS_ERROR, TI_EVENTS_ERROR_ORGANISATION);
  g_clear_error (&error);

  batch = ti_events_invite_group (f->db, 3, TI_EVENT_INVITE_ACTIVE_CHAMPIONS, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (batch->person_ids->len, ==, 3);
  g_assert_true (ti_events_count_invitable (f->db, 3, TI_EVENT_INVITE_ACTIVE_CHAMPIONS, 0, &n,
                                            &error));
  g_assert_cmpuint (n, ==, 0);

  /* Lee came in the meantime: Undo leaves Lee, and Ana who was there before. */
  guests = ti_events_list_guests (f->db, 3, &error);
  for (guint i = 0; i < g_list_model_get_n_items (guests) && lee == NULL; i++)
    {
      g_autoptr (TiEventGuest) guest = g_list_model_get_item (guests, i);
      if (ti_event_guest_get_person_id (guest) == 5)
        lee = g_steal_pointer (&guest);
    }
  g_assert_nonnull (lee);
  g_assert_true (ti_events_update_guest (f->db, lee, &came, &error));
  g_assert_true (ti_events_uninvite (f->db, batch, &removed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (removed, ==, 2);
  g_assert_cmpint (count (f, "SELECT count(*) FROM event_attendance WHERE event_id = 3"), ==, 2);
  g_assert_cmpint (count (f, "SELECT count(*) FROM event_attendance WHERE event_id = 3"
                             " AND person_id IN (5, 6)"), ==, 2);
  g_assert_cmpint (count (f, "SELECT count(*) FROM audit_log WHERE entity = 'event_attendance'"
                             " AND detail = 'invitations undone: 2 taken off'"), ==, 1);
}

/* "First event" follows the attended mark: Lee has been to no earlier event, Jo has. */
static void
test_first_time_follows_attended (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GListModel) guests = ti_events_list_guests (f->db, 2, &error);
  g_autoptr (TiEventGuest) lee = NULL;
  g_autoptr (TiEventGuest) jo = NULL;
  g_autoptr (TiEventGuest) invited = NULL;
  TiGuestMarks marks;

  invited = ti_events_invite (f->db, 2, 3, &error);
  g_assert_no_error (error);
  g_assert_nonnull (invited);
  g_clear_object (&guests);
  guests = ti_events_list_guests (f->db, 2, &error);
  /* Jo, Kit, Lee, Sam, Tom */
  jo = g_list_model_get_item (guests, 0);
  lee = g_list_model_get_item (guests, 2);
  g_assert_cmpstr (ti_event_guest_get_name (lee), ==, "Lee Hart");
  g_assert_true (ti_event_guest_get_first_time (lee));
  ti_event_guest_get_marks (lee, &marks);
  marks.attended = FALSE;
  g_assert_true (ti_events_update_guest (f->db, lee, &marks, &error));
  g_assert_false (ti_event_guest_get_first_time (lee));
  marks.attended = TRUE;
  g_assert_true (ti_events_update_guest (f->db, lee, &marks, &error));
  g_assert_true (ti_event_guest_get_first_time (lee));

  g_assert_cmpstr (ti_event_guest_get_name (jo), ==, "Jo Marsh");
  ti_event_guest_get_marks (jo, &marks);
  marks.attended = TRUE;
  g_assert_true (ti_events_update_guest (f->db, jo, &marks, &error));
  g_assert_false (ti_event_guest_get_first_time (jo)); /* came to event 5 */
}

static void
listed_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  GListModel **out = data;
  g_autoptr (GError) error = NULL;

  *out = ti_events_list_guests_finish (result, &error);
  g_assert_no_error (error);
}

/* The list read in a worker is the list read here. */
static void
test_guests_async (Fixture *f, gconstpointer data)
{
  g_autoptr (GListModel) guests = NULL;

  ti_events_list_guests_async (ti_database_get_path (f->db), 1, NULL, listed_cb, &guests);
  while (guests == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (guests), ==, 6);
}

static void
test_invite_one_and_organisation (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TiEventGuest) guest = NULL;
  guint added = 0;

  guest = ti_events_invite (f->db, 3, 9, &error);
  g_assert_no_error (error);
  g_assert_true (ti_event_guest_get_invited (guest));
  g_assert_false (ti_event_guest_get_attended (guest));
  g_assert_null (ti_events_invite (f->db, 3, 9, &error));
  g_assert_error (error, TI_EVENTS_ERROR, TI_EVENTS_ERROR_ON_LIST);
  g_clear_error (&error);
  g_assert_null (ti_events_invite (f->db, 3, 8, &error));
  g_assert_error (error, TI_EVENTS_ERROR, TI_EVENTS_ERROR_PERSON);
  g_clear_error (&error);

  /* The council and its directorate: Alex, Kit, Rae; Ana is on the list, #8 erased. */
  g_assert_true (ti_events_invite_organisation (f->db, 3, 2, &added, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (added, ==, 3);
  g_assert_true (ti_events_invite_organisation (f->db, 3, 2, &added, &error));
  g_assert_cmpuint (added, ==, 0);
  g_assert_false (ti_events_invite_organisation (f->db, 3, 77, &added, &error));
  g_assert_error (error, TI_EVENTS_ERROR, TI_EVENTS_ERROR_ORGANISATION);
}

static void
test_attendance (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GListModel) guests = ti_events_list_guests (f->db, 2, &error);
  g_autoptr (TiEventGuest) tom = g_list_model_get_item (guests, 3);
  g_auto (TiEventSummary) june = { 0 };
  TiGuestMarks marks = { .attended = TRUE, .feedback = 3, .feedback_theme = "  Speakers " };
  TiGuestMarks bad = { .attended = TRUE, .feedback = 6 };

  g_assert_cmpstr (ti_event_guest_get_name (tom), ==, "Tom Vale");
  g_assert_false (ti_events_update_guest (f->db, tom, &bad, &error));
  g_assert_error (error, TI_EVENTS_ERROR, TI_EVENTS_ERROR_SCORE);
  g_clear_error (&error);
  g_assert_true (ti_events_update_guest (f->db, tom, &marks, &error));
  g_assert_no_error (error);
  g_assert_true (ti_event_guest_get_attended (tom));
  g_assert_cmpstr (ti_event_guest_get_feedback_theme (tom), ==, "Speakers");

  g_assert_true (ti_events_get_summary (f->db, 2, &june, &error));
  g_assert_cmpuint (june.attended, ==, 4);
  g_assert_cmpuint (june.first_timers, ==, 3);
  g_assert_cmpuint (june.feedback_count, ==, 3);
  g_assert_cmpfloat_with_epsilon (june.feedback_mean, 4.0, 1e-9);
  /* Tom has no organisation: counted as attending, not under an organisation. */
  g_assert_cmpuint (june.organisations->len, ==, 3);

  /* Taken off, then put back as he was. */
  g_assert_true (ti_events_remove_guest (f->db, tom, &error));
  g_assert_cmpint (count (f, "SELECT count(*) FROM event_attendance WHERE event_id = 2"), ==, 3);
  g_assert_true (ti_events_restore_guest (f->db, tom, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM event_attendance WHERE event_id = 2"
                             " AND person_id = 9 AND attended AND feedback = 3"
                             " AND feedback_theme = 'Speakers'"), ==, 1);
}

static void
test_speakers (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) speakers = ti_events_list_speakers (f->db, 1, &error);
  g_autoptr (TiEventSpeaker) removed = NULL;
  g_autoptr (GPtrArray) problems = NULL;
  TiEventSpeaker speaker = { .event_id = 2, .name = (char *) " Dr Nia Ode ",
                             .reach = (char *) "national", .topic = (char *) "Schools" };
  TiEventSpeaker nameless = { .event_id = 2, .name = (char *) "", .reach = (char *) "galactic" };
  gint64 id = 0;

  g_assert_no_error (error);
  g_assert_cmpuint (speakers->len, ==, 2);
  /* International first. */
  g_assert_cmpstr (((TiEventSpeaker *) g_ptr_array_index (speakers, 0))->name, ==,
                   "Prof Lena Berg");

  problems = ti_events_validate_speaker (&nameless);
  g_assert_cmpuint (problems->len, ==, 2);
  g_assert_false (ti_events_save_speaker (f->db, &nameless, &id, &error));
  g_assert_error (error, TI_EVENTS_ERROR, TI_EVENTS_ERROR_SPEAKER_NAME);
  g_clear_error (&error);

  g_assert_true (ti_events_save_speaker (f->db, &speaker, &id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM event_speakers WHERE event_id = 2"
                             " AND name = 'Dr Nia Ode'"), ==, 1);
  speaker.id = id;
  speaker.reach = (char *) "international";
  g_assert_true (ti_events_save_speaker (f->db, &speaker, NULL, &error));
  g_assert_cmpint (count (f, "SELECT count(*) FROM event_speakers WHERE reach = 'international'"
                             " AND event_id = 2"), ==, 1);

  g_assert_true (ti_events_remove_speaker (f->db, id, &removed, &error));
  g_assert_cmpstr (removed->name, ==, "Dr Nia Ode");
  g_assert_cmpint (count (f, "SELECT count(*) FROM event_speakers WHERE event_id = 2"), ==, 1);
  g_assert_true (ti_events_restore_speaker (f->db, removed, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM event_speakers WHERE event_id = 2"), ==, 2);
  g_assert_false (ti_events_remove_speaker (f->db, 999, NULL, &error));
  g_assert_error (error, TI_EVENTS_ERROR, TI_EVENTS_ERROR_SPEAKER_NOT_FOUND);
}

static void
test_delete_restore (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TiEventSnapshot) snapshot = NULL;
  g_autofree char *before = test_content_digest (f->path);
  g_autofree char *after = NULL;

  g_assert_true (ti_events_delete (f->db, 4, &snapshot, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ti_event_snapshot_get_id (snapshot), ==, 4);
  g_assert_cmpint (count (f, "SELECT count(*) FROM events WHERE id = 4"), ==, 0);
  g_assert_cmpint (count (f, "SELECT count(*) FROM event_speakers WHERE event_id = 4"), ==, 0);
  g_assert_cmpint (count (f, "SELECT count(*) FROM milestones WHERE evidence_event_id IS NULL"),
                   ==, 1);
  g_assert_true (ti_events_restore (f->db, snapshot, &error));
  g_assert_no_error (error);
  after = test_content_digest (f->path);
  g_assert_cmpstr (after, ==, before);

  g_assert_false (ti_events_restore (f->db, snapshot, &error));
  g_assert_error (error, TI_EVENTS_ERROR, TI_EVENTS_ERROR_RESTORE);
  g_clear_error (&error);

  /* The launch comes back with its speakers and its whole list. */
  g_clear_pointer (&snapshot, ti_event_snapshot_free);
  g_assert_true (ti_events_delete (f->db, 1, &snapshot, &error));
  g_assert_cmpint (count (f, "SELECT count(*) FROM event_attendance WHERE event_id = 1"), ==, 0);
  g_assert_true (ti_events_restore (f->db, snapshot, &error));
  g_free (after);
  after = test_content_digest (f->path);
  g_assert_cmpstr (after, ==, before);

  g_assert_false (ti_events_delete (f->db, 99, NULL, &error));
  g_assert_error (error, TI_EVENTS_ERROR, TI_EVENTS_ERROR_NOT_FOUND);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/events/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("list", test_list);
  ADD ("summary", test_summary);
  ADD ("reach", test_reach);
  ADD ("guests", test_guests);
  ADD ("figures", test_figures);
  ADD ("validation", test_validation);
  ADD ("invite-champions", test_invite_champions);
  ADD ("invite-one-and-organisation", test_invite_one_and_organisation);
  ADD ("invite-count-and-undo", test_invite_count_and_undo);
  ADD ("first-time-follows-attended", test_first_time_follows_attended);
  ADD ("guests-async", test_guests_async);
  ADD ("attendance", test_attendance);
  ADD ("speakers", test_speakers);
  ADD ("delete-restore", test_delete_restore);
  return g_test_run ();
}
