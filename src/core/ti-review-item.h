/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "ti-review-status.h"

G_BEGIN_DECLS

/**
 * TiReviewItemFields:
 * @session_id: the session
 * @starts_at: when it started, 'YYYY-MM-DD HH:MM'
 * @age_days: days from the session to today; negative for a session dated after today
 * @tier: 2 or 3
 * @title: the session's title
 * @host: (nullable): the host organisation's name
 * @facilitators: (nullable): "Name (kind), Name (kind)", already in words
 * @review_status: where the session stands in the review
 * @last_reviewed_on: (nullable): ISO date of its latest review
 * @has_last_outcome: whether it was reviewed before
 * @last_outcome: what its latest review decided, when @has_last_outcome
 *
 * What a #TiReviewItem shows, as read by ti_reviews_get_queue(); strings are copied.
 */
typedef struct
{
  gint64 session_id;
  const char *starts_at;
  int age_days;
  int tier;
  const char *title;
  const char *host;
  const char *facilitators;
  TiReviewStatus review_status;
  const char *last_reviewed_on;
  gboolean has_last_outcome;
  TiReviewOutcome last_outcome;
} TiReviewItemFields;

#define TI_TYPE_REVIEW_ITEM (ti_review_item_get_type ())
G_DECLARE_FINAL_TYPE (TiReviewItem, ti_review_item, TI, REVIEW_ITEM, GObject)

TiReviewItem *ti_review_item_new (const TiReviewItemFields *fields);

gint64 ti_review_item_get_session_id (TiReviewItem *self);
const char *ti_review_item_get_date (TiReviewItem *self);
const char *ti_review_item_get_starts_at (TiReviewItem *self);
int ti_review_item_get_age_days (TiReviewItem *self);
const char *ti_review_item_get_age (TiReviewItem *self);
int ti_review_item_get_tier (TiReviewItem *self);
const char *ti_review_item_get_title (TiReviewItem *self);
const char *ti_review_item_get_host (TiReviewItem *self);
const char *ti_review_item_get_facilitators (TiReviewItem *self);
TiReviewStatus ti_review_item_get_review_status (TiReviewItem *self);
const char *ti_review_item_get_last_reviewed_on (TiReviewItem *self);
const char *ti_review_item_get_last_review (TiReviewItem *self);

char *ti_review_age_in_words (int age_days);

G_END_DECLS
