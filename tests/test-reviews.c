/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>

#include "test-reviews-fixture.h"
#include "test-util.h"
#include "ti-fidelity.h"
#include "ti-format.h"
#include "ti-review-context.h"
#include "ti-review-item.h"
#include "ti-reviews.h"
#include "ti-sessions.h"

/* The psychologist's review queue, recording reviews, histories, on test-reviews-fixture.h. */

typedef TestProgramme Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  test_programme_set_up (f, "reviews.sqlite", reviews_fixture_sql);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  test_programme_tear_down (f);
}

static GDate
day (int d, int m, int y)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, d, m, y);
  return date;
}

/* The queue's session ids in order, joined with ",". */
static char *
queue_ids (TiReviewQueue *queue)
{
  g_autoptr (GString) ids = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (queue->items); i++)
    {
      g_autoptr (TiReviewItem) item = g_list_model_get_item (queue->items, i);
      g_string_append_printf (ids, "%s%" G_GINT64_FORMAT, i ? "," : "",
                              ti_review_item_get_session_id (item));
    }
  return g_string_free (g_steal_pointer (&ids), FALSE);
}

static TiReviewQueue *
get_queue (Fixture *f, TiReviewStatus status, gint64 facilitator_id)
{
  g_autoptr (GError) error = NULL;
  GDate today = day (1, 7, 2023);
  TiReviewQueue *queue = ti_reviews_get_queue (f->db, status, facilitator_id, &today, &error);

  g_assert_no_error (error);
  g_assert_nonnull (queue);
  return queue;
}

static void
test_queue (Fixture *f, gconstpointer data)
{
  g_autoptr (TiReviewQueue) queue = get_queue (f, TI_REVIEW_AWAITING, 0);
  g_autofree char *ids = queue_ids (queue);
  g_autoptr (TiReviewItem) oldest = g_list_model_get_item (queue->items, 0);
  g_autoptr (TiReviewItem) second = g_list_model_get_item (queue->items, 1);
  g_autoptr (TiReviewItem) newest = g_list_model_get_item (queue->items, 2);
  g_autofree char *tier = NULL;
  TiReviewPerson *person;

  /* Delivered and awaiting, oldest first; ages counted to 1 July. */
  g_assert_cmpstr (ids, ==, "3,1,2");
  g_assert_cmpint (ti_review_item_get_age_days (oldest), ==, 72);
  g_assert_cmpstr (ti_review_item_get_age (oldest), ==, "72 days");
  g_assert_cmpint (ti_review_item_get_age_days (second), ==, 60);
  g_assert_cmpint (ti_review_item_get_age_days (newest), ==, 21);
  g_assert_cmpstr (ti_review_item_get_date (second), ==, "2023-05-02");
  g_assert_cmpstr (ti_review_item_get_title (second), ==, "Trauma-skilled practice");
  g_assert_cmpstr (ti_review_item_get_host (second), ==, "Wellsway Primary School");
  g_assert_cmpint (ti_review_item_get_tier (newest), ==, 3);
  g_assert_cmpstr (ti_review_item_get_facilitators (second), ==,
                   "Morgan Reed (coordinator), Sam Carter (champion)");
  g_object_get (newest, "status", &tier, NULL);
  g_assert_cmpstr (tier, ==, "Awaiting review");
  g_assert_null (ti_review_item_get_last_reviewed_on (newest));

  /* The count at each status; planned, cancelled and psychologist-led sessions are not due. */
  g_assert_cmpuint (queue->counts[TI_REVIEW_AWAITING], ==, 3);
  g_assert_cmpuint (queue->counts[TI_REVIEW_CHANGES_REQUESTED], ==, 1);
  g_assert_cmpuint (queue->counts[TI_REVIEW_APPROVED], ==, 1);
  g_assert_cmpuint (queue->counts[TI_REVIEW_NOT_DUE], ==, 1);
  g_assert_cmpuint (queue->awaiting, ==, 3);

  /* The facilitator filter offers those whose sessions are reviewed, by name. */
  g_assert_cmpuint (queue->facilitators->len, ==, 3);
  person = g_ptr_array_index (queue->facilitators, 0);
  g_assert_cmpstr (person->name, ==, "Kit Elms");
  person = g_ptr_array_index (queue->facilitators, 2);
  g_assert_cmpstr (person->name, ==, "Sam Carter");
  g_assert_cmpint (person->id, ==, 3);

  /* Ages in words. */
  g_free (ids);
  ids = ti_review_age_in_words (1);
  g_assert_cmpstr (ids, ==, "1 day");
  g_free (ids);
  ids = ti_review_age_in_words (0);
  g_assert_cmpstr (ids, ==, "Today");
  g_free (ids);
  ids = ti_review_age_in_words (1222);
  g_assert_cmpstr (ids, ==, "1,222 days");

  /* Nothing reviewed yet: a first review. */
  g_assert_cmpstr (ti_review_item_get_last_review (newest), ==, "First review");
}

static void
expect_ids (Fixture *f, TiReviewStatus status, gint64 facilitator_id, const char *expected)
{
  g_autoptr (TiReviewQueue) queue = get_queue (f, status, facilitator_id);
  g_autofree char *ids = queue_ids (queue);

  g_assert_cmpstr (ids, ==, expected);
}

static void
queue_loaded_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  TiReviewQueue **queue = data;
  g_autoptr (GError) error = NULL;

  *queue = ti_reviews_get_queue_finish (result, &error);
  g_assert_no_error (error);
}

static void
test_queue_filters (Fixture *f, gconstpointer data)
{
  g_autoptr (TiReviewQueue) queue = NULL;
  g_autoptr (TiReviewItem) item = NULL;
  GDate today = day (1, 7, 2023);
  g_autofree char *ids = NULL;

  expect_ids (f, TI_REVIEW_CHANGES_REQUESTED, 0, "5");
  expect_ids (f, TI_REVIEW_APPROVED, 0, "4");
  expect_ids (f, TI_REVIEW_AWAITING, 4, "2");
  expect_ids (f, TI_REVIEW_AWAITING, 3, "3,1");
  expect_ids (f, TI_REVIEW_AWAITING, 5, "");
  expect_ids (f, TI_REVIEW_CHANGES_REQUESTED, 3, "");

  /* In a thread, as the view reads it; the counts follow the facilitator, the awaiting
   * total does not. */
  ti_reviews_get_queue_async (f->path, TI_REVIEW_APPROVED, 3, &today, NULL, queue_loaded_cb,
                              &queue);
  while (queue == NULL)
    g_main_context_iteration (NULL, TRUE);
  ids = queue_ids (queue);
  g_assert_cmpstr (ids, ==, "4");
  item = g_list_model_get_item (queue->items, 0);
  g_assert_cmpstr (ti_review_item_get_last_reviewed_on (item), ==, "2023-03-10");
  g_assert_null (ti_review_item_get_host (item));
  g_assert_cmpuint (queue->counts[TI_REVIEW_AWAITING], ==, 2);
  g_assert_cmpuint (queue->counts[TI_REVIEW_APPROVED], ==, 1);
  g_assert_cmpuint (queue->counts[TI_REVIEW_CHANGES_REQUESTED], ==, 0);
  g_assert_cmpuint (queue->awaiting, ==, 3);
}

/* A review of @session_id by the psychologist on @reviewed_on, seen from 1 July 2023, with
 * every item met but the seventh, as @answers (filled here, one per item). */
static TiReviewEdit
review_of (Fixture *f, gint64 session_id, const char *reviewed_on, TiReviewOutcome outcome,
           const char *notes, TiReviewAnswer *answers, guint *n_answers)
{
  static GDate today;
  g_autoptr (GPtrArray) items = ti_fidelity_list_items (f->db, FALSE, NULL);
  TiReviewEdit edit = {
    .session_id = session_id,
    .reviewer_id = 1,
    .reviewed_on = reviewed_on,
    .decided = TRUE,
    .outcome = outcome,
    .notes = notes,
    .answers = answers,
    .n_answers = items->len,
    .today = &today,
  };

  today = day (1, 7, 2023);
  for (guint i = 0; i < items->len; i++)
    {
      TiFidelityItem *item = g_ptr_array_index (items, i);
      answers[i] = (TiReviewAnswer){ item->id, i != 6, i == 6 ? " Check-out was rushed. " : NULL };
    }
  *n_answers = items->len;
  return edit;
}

static void
expect_refused (Fixture *f, const TiReviewEdit *edit, int code, const char *message)
{
  g_autoptr (GError) error = NULL;
  gint64 reviews = test_count (f->db, "SELECT count(*) FROM reviews");
  gint64 answers = test_count (f->db, "SELECT count(*) FROM review_answers");
  gint64 audit = test_count (f->db, "SELECT count(*) FROM audit_log");

  g_assert_false (ti_reviews_record (f->db, edit, NULL, &error));
  g_assert_error (error, TI_REVIEWS_ERROR, code);
  if (message != NULL)
    g_assert_cmpstr (error->message, ==, message);
  g_assert_cmpint (test_count (f->db, "SELECT count(*) FROM reviews"), ==, reviews);
  g_assert_cmpint (test_count (f->db, "SELECT count(*) FROM review_answers"), ==, answers);
  g_assert_cmpint (test_count (f->db, "SELECT count(*) FROM audit_log"), ==, audit);
}

static void
test_record_approval (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  TiReviewAnswer answers[32];
  guint n = 0;
  TiReviewEdit edit = review_of (f, 3, "2023-06-30", TI_REVIEW_OUTCOME_APPROVED, NULL, answers, &n);
  gint64 id = 0;

  g_assert_true (ti_reviews_record (f->db, &edit, &id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 3);

  /* The session is approved and leaves the awaiting queue; the answers and the audit entry
   * are there, the comment trimmed. */
  g_assert_cmpint (test_count (f->db, "SELECT review_status = 'approved' FROM sessions"
                                      " WHERE id = 3"), ==, 1);
  expect_ids (f, TI_REVIEW_AWAITING, 0, "1,2");
  expect_ids (f, TI_REVIEW_APPROVED, 0, "4,3");
  {
    g_autoptr (TiReviewQueue) approved = get_queue (f, TI_REVIEW_APPROVED, 0);
    g_autoptr (TiReviewItem) housing = g_list_model_get_item (approved->items, 0);

    /* The filter says approved; the list says when. */
    g_assert_cmpstr (ti_review_item_get_last_review (housing), ==, "10 Mar 2023");
  }
  g_assert_cmpint (test_count (f->db, "SELECT count(*) FROM review_answers a JOIN reviews r"
                                      " ON r.id = a.review_id WHERE r.session_id = 3"), ==, 8);
  g_assert_cmpint (test_count (f->db, "SELECT count(*) FROM review_answers a JOIN reviews r"
                                      " ON r.id = a.review_id WHERE r.session_id = 3 AND a.met = 0"
                                      " AND a.item_id = 7 AND a.comment = 'Check-out was rushed.'"),
                   ==, 1);
  g_assert_cmpint (test_count (f->db, "SELECT count(*) FROM reviews WHERE session_id = 3"
                                      " AND reviewer_id = 1 AND reviewed_on = '2023-06-30'"
                                      " AND outcome = 'approved' AND notes IS NULL"), ==, 1);
  g_assert_cmpint (test_count (f->db, "SELECT count(*) FROM audit_log WHERE action = 'create'"
                                      " AND entity = 'review'"
                                      " AND detail = 'session 3: approved'"), ==, 1);

  /* Approved: a second review is refused until the delivery is edited. */
  edit.reviewed_on = "2023-07-01";
  expect_refused (f, &edit, TI_REVIEWS_ERROR_CANNOT_REVIEW,
                  "“Trauma-skilled schools” is already approved. It comes back for review if "
                  "its delivery is edited.");
}

static void
test_record_changes (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) history = NULL;
  TiReviewAnswer answers[32];
  guint n = 0;
  TiReviewEdit edit
    = review_of (f, 1, "2023-05-10", TI_REVIEW_OUTCOME_CHANGES_REQUESTED, "  ", answers, &n);
  TiReviewEntry *entry;

  /* Changes requested without saying which: refused, in words, and nothing written. */
  expect_refused (f, &edit, TI_REVIEWS_ERROR_NOTES,
                  "Say in the notes what should change: notes are required when changes are "
                  "requested.");
  edit.notes = "Add a check-out at the end.";
  g_assert_true (ti_reviews_record (f->db, &edit, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (test_count (f->db, "SELECT review_status = 'changes_requested' FROM sessions"
                                      " WHERE id = 1"), ==, 1);
  expect_ids (f, TI_REVIEW_CHANGES_REQUESTED, 0, "5,1");

  /* Approving after changes: not dated before the last review. */
  edit.outcome = TI_REVIEW_OUTCOME_APPROVED;
  edit.notes = NULL;
  edit.reviewed_on = "2023-05-09";
  expect_refused (f, &edit, TI_REVIEWS_ERROR_DATE,
                  "The review date cannot be before this session’s last review (10 May 2023).");
  edit.reviewed_on = "12/06/2023";
  g_assert_true (ti_reviews_record (f->db, &edit, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (test_count (f->db, "SELECT review_status = 'approved' FROM sessions"
                                      " WHERE id = 1"), ==, 1);

  /* Both in the history, newest first. */
  history = ti_reviews_session_history (f->db, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 2);
  entry = g_ptr_array_index (history, 0);
  g_assert_cmpstr (entry->reviewed_on, ==, "2023-06-12");
  g_assert_cmpint (entry->outcome, ==, TI_REVIEW_OUTCOME_APPROVED);
  entry = g_ptr_array_index (history, 1);
  g_assert_cmpstr (entry->reviewed_on, ==, "2023-05-10");
  g_assert_cmpint (entry->outcome, ==, TI_REVIEW_OUTCOME_CHANGES_REQUESTED);
  g_assert_cmpstr (entry->notes, ==, "Add a check-out at the end.");
  g_assert_cmpstr (entry->reviewer, ==, "Dr Rowan Hale");
}

static void
test_record_refused (Fixture *f, gconstpointer data)
{
  TiReviewAnswer answers[32];
  guint n = 0;
  TiReviewEdit edit = review_of (f, 6, "2023-06-30", TI_REVIEW_OUTCOME_APPROVED, NULL, answers, &n);

  /* Planned, cancelled, approved: the state machine says no, in words. */
  expect_refused (f, &edit, TI_REVIEWS_ERROR_CANNOT_REVIEW,
                  "“Trauma-skilled primary care” has not been delivered yet: only a delivered "
                  "session is reviewed.");
  edit.session_id = 7;
  expect_refused (f, &edit, TI_REVIEWS_ERROR_CANNOT_REVIEW,
                  "“Trauma-skilled VCSE” was cancelled: there is nothing to review.");
  edit.session_id = 4;
  expect_refused (f, &edit, TI_REVIEWS_ERROR_CANNOT_REVIEW, NULL);
  edit.session_id = 99;
  expect_refused (f, &edit, TI_REVIEWS_ERROR_NOT_FOUND,
                  "This session is no longer in the programme.");

  /* An outcome chosen. */
  edit.session_id = 2;
  edit.decided = FALSE;
  expect_refused (f, &edit, TI_REVIEWS_ERROR_OUTCOME,
                  "Choose whether to approve the session or ask for changes.");
  edit.decided = TRUE;

  /* The reviewer: chosen, a psychologist, and not one of the facilitators. */
  edit.reviewer_id = 0;
  expect_refused (f, &edit, TI_REVIEWS_ERROR_REVIEWER, "Choose who reviewed the session.");
  edit.reviewer_id = 3;
  expect_refused (f, &edit, TI_REVIEWS_ERROR_REVIEWER,
                  "Sam Carter is not recorded as a psychologist: a session is reviewed by a "
                  "psychologist.");
  edit.session_id = 8; /* psychologist-led: not due, but may be reviewed on request */
  edit.reviewer_id = 1;
  expect_refused (f, &edit, TI_REVIEWS_ERROR_REVIEWER,
                  "Dr Rowan Hale facilitated this session, so cannot review it.");

  /* The checklist: every item answered once, no item that is not in it. */
  edit.session_id = 2;
  edit.n_answers = n - 1;
  expect_refused (f, &edit, TI_REVIEWS_ERROR_CHECKLIST, NULL);
  edit.n_answers = n;
  answers[1].item_id = answers[0].item_id;
  expect_refused (f, &edit, TI_REVIEWS_ERROR_CHECKLIST, NULL);
  answers[1].item_id = 2;
  g_assert_true (ti_fidelity_remove_item (f->db, 2, NULL, NULL));
  expect_refused (f, &edit, TI_REVIEWS_ERROR_CHECKLIST,
                  "The fidelity checklist has changed since this review was opened: close it and "
                  "open it again to answer the checklist as it is now.");
}

/* Approving says the session was delivered as intended: not when it met none of the
 * checklist. Asking for changes then is fine, and so is approving with one item met. */
static void
test_record_nothing_met (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  TiReviewAnswer answers[32];
  guint n = 0;
  TiReviewEdit edit = review_of (f, 3, "2023-06-30", TI_REVIEW_OUTCOME_APPROVED, NULL, answers, &n);

  for (guint i = 0; i < n; i++)
    answers[i].met = FALSE;
  expect_refused (f, &edit, TI_REVIEWS_ERROR_NOTHING_MET,
                  "No checklist item is ticked as met. Tick each item the session met; a session "
                  "that met none of them cannot be approved: ask for changes instead.");

  answers[0].met = TRUE;
  g_assert_true (ti_reviews_record (f->db, &edit, NULL, &error));
  g_assert_no_error (error);

  answers[0].met = FALSE;
  edit.session_id = 2;
  edit.outcome = TI_REVIEW_OUTCOME_CHANGES_REQUESTED;
  edit.notes = "Cover the four Rs.";
  g_assert_true (ti_reviews_record (f->db, &edit, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (test_count (f->db, "SELECT count(*) FROM review_answers a JOIN reviews r"
                                      " ON r.id = a.review_id WHERE r.session_id = 2"
                                      " AND a.met = 0"), ==, 8);
}

/* The codes of @edit's problems, in order, joined with ",". */
static char *
problem_codes (Fixture *f, const TiReviewEdit *edit)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) problems = ti_reviews_validate_all (f->db, edit, &error);
  g_autoptr (GString) codes = g_string_new (NULL);

  g_assert_no_error (error);
  g_assert_nonnull (problems);
  for (guint i = 0; i < problems->len; i++)
    {
      GError *problem = g_ptr_array_index (problems, i);
      g_assert_true (problem->domain == TI_REVIEWS_ERROR);
      g_string_append_printf (codes, "%s%d", i ? "," : "", problem->code);
    }
  return g_string_free (g_steal_pointer (&codes), FALSE);
}

/* Every field at fault at once, in the dialog's order; a session that cannot be reviewed
 * says only that. */
static void
test_validate_all (Fixture *f, gconstpointer data)
{
  TiReviewAnswer answers[32];
  guint n = 0;
  TiReviewEdit edit = review_of (f, 2, "", TI_REVIEW_OUTCOME_APPROVED, NULL, answers, &n);
  g_autofree char *all = NULL;
  g_autofree char *changes = NULL;
  g_autofree char *nothing_met = NULL;
  g_autofree char *none = NULL;
  g_autofree char *planned = NULL;
  g_autofree char *expected = NULL;

  edit.decided = FALSE;
  edit.reviewer_id = 0;
  all = problem_codes (f, &edit);
  expected = g_strdup_printf ("%d,%d,%d", TI_REVIEWS_ERROR_OUTCOME, TI_REVIEWS_ERROR_REVIEWER,
                              TI_REVIEWS_ERROR_DATE);
  g_assert_cmpstr (all, ==, expected);

  edit.decided = TRUE;
  edit.outcome = TI_REVIEW_OUTCOME_CHANGES_REQUESTED;
  changes = problem_codes (f, &edit);
  g_free (expected);
  expected = g_strdup_printf ("%d,%d,%d", TI_REVIEWS_ERROR_NOTES, TI_REVIEWS_ERROR_REVIEWER,
                              TI_REVIEWS_ERROR_DATE);
  g_assert_cmpstr (changes, ==, expected);

  edit.outcome = TI_REVIEW_OUTCOME_APPROVED;
  edit.reviewer_id = 1;
  edit.reviewed_on = "2023-06-30";
  for (guint i = 0; i < n; i++)
    answers[i].met = FALSE;
  nothing_met = problem_codes (f, &edit);
  g_free (expected);
  expected = g_strdup_printf ("%d", TI_REVIEWS_ERROR_NOTHING_MET);
  g_assert_cmpstr (nothing_met, ==, expected);

  answers[3].met = TRUE;
  none = problem_codes (f, &edit);
  g_assert_cmpstr (none, ==, "");

  edit.session_id = 6;
  edit.reviewer_id = 0;
  planned = problem_codes (f, &edit);
  g_free (expected);
  expected = g_strdup_printf ("%d", TI_REVIEWS_ERROR_CANNOT_REVIEW);
  g_assert_cmpstr (planned, ==, expected);
}

static void
test_record_dates (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  TiReviewAnswer answers[32];
  guint n = 0;
  TiReviewEdit edit = review_of (f, 3, "", TI_REVIEW_OUTCOME_APPROVED, NULL, answers, &n);

  expect_refused (f, &edit, TI_REVIEWS_ERROR_DATE, "Enter the date of the review.");
  edit.reviewed_on = "June 2023";
  expect_refused (f, &edit, TI_REVIEWS_ERROR_DATE,
                  "Enter the review date as YYYY-MM-DD or DD/MM/YYYY.");
  edit.reviewed_on = "31/02/2023";
  expect_refused (f, &edit, TI_REVIEWS_ERROR_DATE, "31/02/2023 is not a real date.");
  edit.reviewed_on = "2023-07-02";
  expect_refused (f, &edit, TI_REVIEWS_ERROR_DATE, "The review date cannot be in the future.");
  edit.reviewed_on = "2023-04-19";
  expect_refused (f, &edit, TI_REVIEWS_ERROR_DATE,
                  "The review date cannot be before the session (20 Apr 2023).");

  /* The day of the session, and today, are both fine. */
  edit.reviewed_on = "2023-04-20";
  g_assert_true (ti_reviews_record (f->db, &edit, NULL, &error));
  g_assert_no_error (error);
  edit.session_id = 2;
  edit.reviewed_on = " 01/07/2023 ";
  g_assert_true (ti_reviews_record (f->db, &edit, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (test_count (f->db, "SELECT count(*) FROM reviews WHERE session_id = 2"
                                      " AND reviewed_on = '2023-07-01'"), ==, 1);
}

static void
test_history (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) history = ti_reviews_session_history (f->db, 5, &error);
  g_autoptr (GPtrArray) none = NULL;
  g_autoptr (TiFacilitatorReviews) sam = NULL;
  g_autoptr (TiFacilitatorReviews) kit = NULL;
  g_autoptr (TiFacilitatorReviews) jo = NULL;
  TiReviewEntry *entry;
  TiReviewUnmet *unmet;

  /* A session's review: outcome, reviewer, date, notes and the items not met. */
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 1);
  entry = g_ptr_array_index (history, 0);
  g_assert_cmpint (entry->outcome, ==, TI_REVIEW_OUTCOME_CHANGES_REQUESTED);
  g_assert_cmpstr (entry->reviewer, ==, "Dr Rowan Hale");
  g_assert_cmpstr (entry->reviewed_on, ==, "2023-03-20");
  g_assert_cmpstr (entry->notes, ==, "Link the learning to policing.");
  g_assert_cmpstr (entry->session_title, ==, "Trauma-skilled police");
  g_assert_cmpstr (entry->session_date, ==, "2023-03-15");
  g_assert_cmpuint (entry->unmet->len, ==, 1);
  unmet = g_ptr_array_index (entry->unmet, 0);
  g_assert_true (g_str_has_prefix (unmet->item, "Offered wellbeing support"));
  g_assert_cmpstr (unmet->comment, ==, "No check-out.");

  none = ti_reviews_session_history (f->db, 2, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (none->len, ==, 0);

  /* A facilitator's: the reviews of every session they facilitated. Sam Carter's one
   * reviewed session had two reviews, one approving: a rate of 1 in 2. */
  sam = ti_reviews_facilitator_history (f->db, 3, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sam->name, ==, "Sam Carter");
  g_assert_cmpuint (sam->sessions, ==, 1);
  g_assert_cmpuint (sam->reviews, ==, 2);
  g_assert_cmpuint (sam->approved, ==, 1);
  g_assert_cmpfloat (sam->approval_rate, ==, 0.5);
  g_assert_cmpuint (sam->entries->len, ==, 2);
  entry = g_ptr_array_index (sam->entries, 0);
  g_assert_cmpstr (entry->reviewed_on, ==, "2023-03-10");
  g_assert_cmpuint (entry->unmet->len, ==, 0);

  /* At most the limit listed; the figures count them all. */
  g_clear_pointer (&sam, ti_facilitator_reviews_free);
  sam = ti_reviews_facilitator_history (f->db, 3, 1, &error);
  g_assert_cmpuint (sam->entries->len, ==, 1);
  g_assert_cmpuint (sam->reviews, ==, 2);

  kit = ti_reviews_facilitator_history (f->db, 4, 0, &error);
  g_assert_cmpuint (kit->reviews, ==, 1);
  g_assert_cmpfloat (kit->approval_rate, ==, 0.0);

  /* Never reviewed: no rate at all, rather than a rate of 0. */
  jo = ti_reviews_facilitator_history (f->db, 5, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (jo->reviews, ==, 0);
  g_assert_true (isnan (jo->approval_rate));

  g_assert_null (ti_reviews_facilitator_history (f->db, 99, 0, &error));
  g_assert_error (error, TI_REVIEWS_ERROR, TI_REVIEWS_ERROR_NOT_FOUND);
}

static void
test_reviewers (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) reviewers = NULL;
  gint64 default_id = -1;

  /* Exactly one psychologist: chosen for the reviewer. */
  reviewers = ti_reviews_list_reviewers (f->db, &default_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (reviewers->len, ==, 1);
  g_assert_cmpint (default_id, ==, 1);

  /* Two: the person chooses. An erased person reviews nothing. */
  g_assert_true (ti_database_exec (f->db,
                                   "INSERT INTO people (id, name, role) VALUES"
                                   " (6, 'Dr Ellis Moor', 'psychologist'),"
                                   " (7, 'Erased', 'psychologist');"
                                   "UPDATE people SET erased_on = '2023-06-01' WHERE id = 7",
                                   NULL));
  g_clear_pointer (&reviewers, g_ptr_array_unref);
  reviewers = ti_reviews_list_reviewers (f->db, &default_id, &error);
  g_assert_cmpuint (reviewers->len, ==, 2);
  g_assert_cmpint (default_id, ==, 0);
  g_assert_cmpstr (((TiReviewPerson *) g_ptr_array_index (reviewers, 0))->name, ==,
                   "Dr Ellis Moor");
}

static void
test_context (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TiReviewContext) context = ti_reviews_get_context (f->db, 1, 20, &error);
  TiReviewPerson *person;
  TiFacilitatorReviews *history;

  g_assert_no_error (error);
  g_assert_cmpstr (context->title, ==, "Trauma-skilled practice");
  g_assert_cmpstr (context->host, ==, "Wellsway Primary School");
  g_assert_cmpint (context->status, ==, TI_SESSION_DELIVERED);
  g_assert_cmpstr (context->mode_key, ==, "in_person");
  g_assert_cmpint (context->review_status, ==, TI_REVIEW_AWAITING);
  g_assert_cmpuint (context->summary.registered, ==, 2);
  g_assert_cmpuint (context->summary.completed, ==, 1);
  g_assert_cmpuint (context->items->len, ==, 8);
  g_assert_cmpint (context->default_reviewer_id, ==, 1);
  g_assert_cmpuint (context->history->len, ==, 0);

  /* Facilitators by name, with their kinds, and each one's history. */
  g_assert_cmpuint (context->facilitators->len, ==, 2);
  person = g_ptr_array_index (context->facilitators, 0);
  g_assert_cmpstr (person->name, ==, "Morgan Reed");
  g_assert_cmpstr (person->kind, ==, "Coordinator");
  history = g_ptr_array_index (context->facilitator_histories, 1);
  g_assert_cmpstr (history->name, ==, "Sam Carter");
  g_assert_cmpuint (history->reviews, ==, 2);

  g_assert_null (context->not_reviewable);

  /* An approved session is shown with its history, and why it cannot be reviewed again. */
  g_clear_pointer (&context, ti_review_context_free);
  context = ti_reviews_get_context (f->db, 4, 20, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (context->not_reviewable, ==,
                   "“Trauma-skilled housing” is already approved. It comes back for review if "
                   "its delivery is edited.");
  g_assert_cmpuint (context->history->len, ==, 2);

  g_assert_null (ti_reviews_get_context (f->db, 99, 20, &error));
  g_assert_error (error, TI_REVIEWS_ERROR, TI_REVIEWS_ERROR_NOT_FOUND);
}

/* An approved session whose delivery is edited is back in the queue, and the dialog's
 * context says why: the review, and the edit since, from the audit log. */
static void
test_context_back_for_review (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (TiReviewContext) context = NULL;
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *today_iso = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *today = ti_format_date (today_iso);
  g_autofree char *expected = NULL;
  TiReviewAnswer answers[32];
  guint n = 0;
  TiReviewEdit review = review_of (f, 3, "2023-06-30", TI_REVIEW_OUTCOME_APPROVED, NULL, answers,
                                   &n);
  g_autoptr (TiReviewQueue) queue = NULL;
  g_autoptr (TiReviewItem) again = NULL;
  TiFacilitatorEdit facilitator = { 3, "champion" };
  TiSessionEdit session = {
    .id = 3,
    .tier = 2,
    .title = "Trauma-skilled schools",
    .date = "2023-04-21",
    .time = "14:00",
    .duration_minutes = 120,
    .mode = "in_person",
    .host_organisation_id = 1,
    .status = TI_SESSION_DELIVERED,
    .facilitators = &facilitator,
    .n_facilitators = 1,
  };

  /* Awaiting its first review: nothing to explain. */
  context = ti_reviews_get_context (f->db, 3, 20, &error);
  g_assert_no_error (error);
  g_assert_null (context->back_for_review);
  g_clear_pointer (&context, ti_review_context_free);

  g_assert_true (ti_reviews_record (f->db, &review, NULL, &error));
  g_assert_no_error (error);
  context = ti_reviews_get_context (f->db, 3, 20, &error);
  g_assert_null (context->back_for_review);
  g_clear_pointer (&context, ti_review_context_free);

  /* Moved to the next day: awaiting again, and the context says why. */
  g_assert_true (ti_sessions_save (f->db, &session, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (test_count (f->db, "SELECT review_status = 'awaiting' FROM sessions"
                                      " WHERE id = 3"), ==, 1);
  context = ti_reviews_get_context (f->db, 3, 20, &error);
  g_assert_no_error (error);
  queue = get_queue (f, TI_REVIEW_AWAITING, 0);
  again = g_list_model_get_item (queue->items, 0);
  g_assert_cmpint (ti_review_item_get_session_id (again), ==, 3);
  g_assert_cmpstr (ti_review_item_get_last_review (again), ==, "Re-review: approved 30 Jun 2023");
  expected = g_strdup_printf ("Approved on 30 Jun 2023; the delivery was edited on %s (date and "
                              "time), so it needs a fresh review.",
                              today);
  g_assert_cmpstr (context->back_for_review, ==, expected);
  g_clear_pointer (&context, ti_review_context_free);

  /* Without the audit log's word (a review from before), the state alone says it. */
  g_assert_cmpint (test_count (f->db, "UPDATE sessions SET review_status = 'awaiting'"
                                      " WHERE id = 5 RETURNING 1"), ==, 1);
  context = ti_reviews_get_context (f->db, 5, 20, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (context->back_for_review, ==,
                   "Changes were requested on 20 Mar 2023; the delivery was edited afterwards, "
                   "so it needs a fresh review.");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/reviews/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("queue", test_queue);
  ADD ("queue-filters", test_queue_filters);
  ADD ("record-approval", test_record_approval);
  ADD ("record-changes", test_record_changes);
  ADD ("record-refused", test_record_refused);
  ADD ("record-nothing-met", test_record_nothing_met);
  ADD ("validate-all", test_validate_all);
  ADD ("record-dates", test_record_dates);
  ADD ("history", test_history);
  ADD ("reviewers", test_reviewers);
  ADD ("context", test_context);
  ADD ("context-back-for-review", test_context_back_for_review);
#undef ADD

  return g_test_run ();
}
