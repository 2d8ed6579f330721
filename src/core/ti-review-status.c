/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ti-review-status"

#include "config.h"

#include <glib/gi18n.h>

#include "ti-review-status.h"

/*
 * The review state machine, in one place: the session editor asks it what a saved session's
 * review status becomes, the review dialog asks it whether a session can be reviewed and what
 * a review makes of it.
 *
 *   planned / cancelled ───────────────────────────────▶ not due
 *   delivered, every facilitator a psychologist ───────▶ not due (theirs is the fidelity)
 *   delivered, otherwise ──────────────────────────────▶ awaiting
 *   awaiting / changes requested ── review: approved ──▶ approved
 *   awaiting / changes requested ── review: changes ───▶ changes requested
 *   approved / changes requested ── delivery edited ───▶ awaiting
 *
 * "Delivery edited" means what the psychologist judged has changed: the tier, the date and
 * time, the duration, in person or online, or the facilitators. A corrected title, venue,
 * host, capacity or register does not reopen a review. The earlier reviews stay in the
 * session's history either way.
 */

static const char *const session_keys[] = { "planned", "delivered", "cancelled" };
static const char *const review_keys[] = { "not_due", "awaiting", "changes_requested", "approved" };
static const char *const outcome_keys[] = { "approved", "changes_requested" };

static gboolean
index_of (const char *const *keys, guint n_keys, const char *key, int *index)
{
  for (guint i = 0; key != NULL && i < n_keys; i++)
    if (g_str_equal (keys[i], key))
      {
        *index = (int) i;
        return TRUE;
      }
  return FALSE;
}

const char *
ti_session_status_key (TiSessionStatus status)
{
  g_return_val_if_fail (status <= TI_SESSION_CANCELLED, NULL);
  return session_keys[status];
}

const char *
ti_session_status_label (TiSessionStatus status)
{
  switch (status)
    {
    case TI_SESSION_PLANNED:
      return _("Planned");
    case TI_SESSION_DELIVERED:
      return _("Delivered");
    case TI_SESSION_CANCELLED:
      return _("Cancelled");
    default:
      g_return_val_if_reached (NULL);
    }
}

gboolean
ti_session_status_from_key (const char *key, TiSessionStatus *status)
{
  int index;

  if (!index_of (session_keys, G_N_ELEMENTS (session_keys), key, &index))
    return FALSE;
  *status = (TiSessionStatus) index;
  return TRUE;
}

const char *
ti_review_status_key (TiReviewStatus status)
{
  g_return_val_if_fail (status <= TI_REVIEW_APPROVED, NULL);
  return review_keys[status];
}

const char *
ti_review_status_label (TiReviewStatus status)
{
  switch (status)
    {
    case TI_REVIEW_NOT_DUE:
      return _("Not due");
    case TI_REVIEW_AWAITING:
      return _("Awaiting review");
    case TI_REVIEW_CHANGES_REQUESTED:
      return _("Changes requested");
    case TI_REVIEW_APPROVED:
      return _("Approved");
    default:
      g_return_val_if_reached (NULL);
    }
}

gboolean
ti_review_status_from_key (const char *key, TiReviewStatus *status)
{
  int index;

  if (!index_of (review_keys, G_N_ELEMENTS (review_keys), key, &index))
    return FALSE;
  *status = (TiReviewStatus) index;
  return TRUE;
}

const char *
ti_review_outcome_key (TiReviewOutcome outcome)
{
  g_return_val_if_fail (outcome <= TI_REVIEW_OUTCOME_CHANGES_REQUESTED, NULL);
  return outcome_keys[outcome];
}

const char *
ti_review_outcome_label (TiReviewOutcome outcome)
{
  return outcome == TI_REVIEW_OUTCOME_APPROVED ? _("Approved") : _("Changes requested");
}

gboolean
ti_review_outcome_from_key (const char *key, TiReviewOutcome *outcome)
{
  int index;

  if (!index_of (outcome_keys, G_N_ELEMENTS (outcome_keys), key, &index))
    return FALSE;
  *outcome = (TiReviewOutcome) index;
  return TRUE;
}

/**
 * ti_review_status_after_edit:
 * @current: the review status before the session was saved
 * @status: the session's delivery status as saved
 * @psychologist_led: whether every facilitator is there as psychologist
 *   (ti_facilitators_are_psychologists())
 * @delivery_changed: whether the tier, date and time, duration, mode or facilitators changed
 *
 * Returns: the review status the saved session has.
 */
TiReviewStatus
ti_review_status_after_edit (TiReviewStatus current, TiSessionStatus status,
                             gboolean psychologist_led, gboolean delivery_changed)
{
  if (status != TI_SESSION_DELIVERED)
    return TI_REVIEW_NOT_DUE;
  if (current == TI_REVIEW_NOT_DUE)
    return psychologist_led ? TI_REVIEW_NOT_DUE : TI_REVIEW_AWAITING;
  if (delivery_changed && current != TI_REVIEW_AWAITING)
    return TI_REVIEW_AWAITING;
  return current;
}

/**
 * ti_review_status_can_review:
 *
 * Returns: whether a review may be recorded now: only a delivered session is reviewed (one
 *   not due, led by a psychologist, may still be reviewed on request), and an approved one only
 *   after its delivery was edited, which makes it awaiting again.
 */
gboolean
ti_review_status_can_review (TiReviewStatus current, TiSessionStatus status)
{
  return status == TI_SESSION_DELIVERED
         && (current == TI_REVIEW_AWAITING || current == TI_REVIEW_CHANGES_REQUESTED
             || current == TI_REVIEW_NOT_DUE);
}

TiReviewStatus
ti_review_status_after_review (TiReviewOutcome outcome)
{
  return outcome == TI_REVIEW_OUTCOME_APPROVED ? TI_REVIEW_APPROVED : TI_REVIEW_CHANGES_REQUESTED;
}
