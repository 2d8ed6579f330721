/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Where a Tier 2/3 session stands in its delivery. Stored as ti_session_status_key(). */
typedef enum
{
  TI_SESSION_PLANNED,
  TI_SESSION_DELIVERED,
  TI_SESSION_CANCELLED,
} TiSessionStatus;

/* Where a session stands in the psychologist's review. Stored as ti_review_status_key(). */
typedef enum
{
  TI_REVIEW_NOT_DUE,
  TI_REVIEW_AWAITING,
  TI_REVIEW_CHANGES_REQUESTED,
  TI_REVIEW_APPROVED,
} TiReviewStatus;

/* The outcome a review records. */
typedef enum
{
  TI_REVIEW_OUTCOME_APPROVED,
  TI_REVIEW_OUTCOME_CHANGES_REQUESTED,
} TiReviewOutcome;

const char *ti_session_status_key (TiSessionStatus status);
const char *ti_session_status_label (TiSessionStatus status);
gboolean ti_session_status_from_key (const char *key, TiSessionStatus *status);

const char *ti_review_status_key (TiReviewStatus status);
const char *ti_review_status_label (TiReviewStatus status);
gboolean ti_review_status_from_key (const char *key, TiReviewStatus *status);

const char *ti_review_outcome_key (TiReviewOutcome outcome);
const char *ti_review_outcome_label (TiReviewOutcome outcome);
gboolean ti_review_outcome_from_key (const char *key, TiReviewOutcome *outcome);

TiReviewStatus ti_review_status_after_edit (TiReviewStatus current, TiSessionStatus status,
                                            gboolean psychologist_led, gboolean delivery_changed);
gboolean ti_review_status_can_review (TiReviewStatus current, TiSessionStatus status);
TiReviewStatus ti_review_status_after_review (TiReviewOutcome outcome);

G_END_DECLS
