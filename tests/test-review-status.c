/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "ti-review-status.h"

/* Each path through the review state machine, as the session editor and the review dialog
 * meet it. */
static void
test_edit_transitions (void)
{
  /* Planned and cancelled sessions have nothing to review, whatever happened before. */
  for (int r = TI_REVIEW_NOT_DUE; r <= TI_REVIEW_APPROVED; r++)
    {
      g_assert_cmpint (ti_review_status_after_edit (r, TI_SESSION_PLANNED, FALSE, TRUE), ==,
                       TI_REVIEW_NOT_DUE);
      g_assert_cmpint (ti_review_status_after_edit (r, TI_SESSION_CANCELLED, FALSE, FALSE), ==,
                       TI_REVIEW_NOT_DUE);
    }
  /* Marked delivered: a champion's session joins the queue; a psychologist's does not. */
  g_assert_cmpint (ti_review_status_after_edit (TI_REVIEW_NOT_DUE, TI_SESSION_DELIVERED, FALSE, FALSE),
                   ==, TI_REVIEW_AWAITING);
  g_assert_cmpint (ti_review_status_after_edit (TI_REVIEW_NOT_DUE, TI_SESSION_DELIVERED, TRUE, FALSE),
                   ==, TI_REVIEW_NOT_DUE);
  /* An approved session keeps its approval through a corrected title or register... */
  g_assert_cmpint (ti_review_status_after_edit (TI_REVIEW_APPROVED, TI_SESSION_DELIVERED, FALSE, FALSE),
                   ==, TI_REVIEW_APPROVED);
  /* ...but a changed delivery goes back to the queue, as do requested changes once made. */
  g_assert_cmpint (ti_review_status_after_edit (TI_REVIEW_APPROVED, TI_SESSION_DELIVERED, FALSE, TRUE),
                   ==, TI_REVIEW_AWAITING);
  g_assert_cmpint (ti_review_status_after_edit (TI_REVIEW_CHANGES_REQUESTED, TI_SESSION_DELIVERED,
                                                FALSE, TRUE),
                   ==, TI_REVIEW_AWAITING);
  g_assert_cmpint (ti_review_status_after_edit (TI_REVIEW_CHANGES_REQUESTED, TI_SESSION_DELIVERED,
                                                FALSE, FALSE),
                   ==, TI_REVIEW_CHANGES_REQUESTED);
  g_assert_cmpint (ti_review_status_after_edit (TI_REVIEW_AWAITING, TI_SESSION_DELIVERED, TRUE, TRUE),
                   ==, TI_REVIEW_AWAITING);
}

static void
test_review_transitions (void)
{
  g_assert_true (ti_review_status_can_review (TI_REVIEW_AWAITING, TI_SESSION_DELIVERED));
  g_assert_true (ti_review_status_can_review (TI_REVIEW_CHANGES_REQUESTED, TI_SESSION_DELIVERED));
  g_assert_false (ti_review_status_can_review (TI_REVIEW_APPROVED, TI_SESSION_DELIVERED));
  g_assert_false (ti_review_status_can_review (TI_REVIEW_NOT_DUE, TI_SESSION_PLANNED));
  g_assert_false (ti_review_status_can_review (TI_REVIEW_AWAITING, TI_SESSION_CANCELLED));
  g_assert_cmpint (ti_review_status_after_review (TI_REVIEW_OUTCOME_APPROVED), ==, TI_REVIEW_APPROVED);
  g_assert_cmpint (ti_review_status_after_review (TI_REVIEW_OUTCOME_CHANGES_REQUESTED), ==,
                   TI_REVIEW_CHANGES_REQUESTED);
}

/* The keys are what the programme file stores: they must match the schema's CHECKs. */
static void
test_keys (void)
{
  TiReviewStatus review;
  TiSessionStatus session;
  TiReviewOutcome outcome;

  g_assert_cmpstr (ti_review_status_key (TI_REVIEW_CHANGES_REQUESTED), ==, "changes_requested");
  g_assert_true (ti_review_status_from_key ("approved", &review));
  g_assert_cmpint (review, ==, TI_REVIEW_APPROVED);
  g_assert_false (ti_review_status_from_key ("Approved", &review));
  g_assert_false (ti_review_status_from_key (NULL, &review));
  g_assert_true (ti_session_status_from_key ("cancelled", &session));
  g_assert_cmpint (session, ==, TI_SESSION_CANCELLED);
  g_assert_cmpstr (ti_session_status_label (TI_SESSION_DELIVERED), ==, "Delivered");
  g_assert_true (ti_review_outcome_from_key ("changes_requested", &outcome));
  g_assert_cmpstr (ti_review_outcome_label (outcome), ==, "Changes requested");
  g_assert_cmpstr (ti_review_status_label (TI_REVIEW_AWAITING), ==, "Awaiting review");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/review-status/edit", test_edit_transitions);
  g_test_add_func ("/review-status/review", test_review_transitions);
  g_test_add_func ("/review-status/keys", test_keys);
  return g_test_run ();
}
