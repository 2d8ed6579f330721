/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "ti-database.h"
#include "ti-register.h"
#include "ti-reviews.h"

G_BEGIN_DECLS

/* What the review dialog shows ---------------------------------------------------------- */

/**
 * TiReviewContext:
 * @session_id: the session
 * @title: its title
 * @tier: 2 or 3
 * @starts_at: 'YYYY-MM-DD HH:MM'
 * @duration_minutes: how long it ran
 * @mode_key: in_person or online
 * @venue: (nullable): where
 * @host: (nullable): the host organisation
 * @status: its delivery status
 * @review_status: where it stands in the review
 * @not_reviewable: (nullable): why it cannot be reviewed now, in words; %NULL when it can
 * @back_for_review: (nullable): for a session awaiting review again after a review, why, in
 *   words: its latest review and the edit of its delivery since
 * @facilitators: (element-type TiReviewPerson): who facilitated it, with their kinds
 * @summary: its register in figures
 * @items: (element-type TiFidelityItem): the checklist, in order
 * @reviewers: (element-type TiReviewPerson): the psychologists, by name
 * @default_reviewer_id: the only psychologist, or 0 when there is not exactly one
 * @history: (element-type TiReviewEntry): the session's reviews, newest first
 * @facilitator_histories: (element-type TiFacilitatorReviews): each facilitator's, in the
 *   order of @facilitators
 *
 * Everything the review dialog shows about one session, read in one go.
 */
typedef struct
{
  gint64 session_id;
  char *title;
  int tier;
  char *starts_at;
  int duration_minutes;
  char *mode_key;
  char *venue;
  char *host;
  TiSessionStatus status;
  TiReviewStatus review_status;
  char *not_reviewable;
  char *back_for_review;
  GPtrArray *facilitators;
  TiRegisterSummary summary;
  GPtrArray *items;
  GPtrArray *reviewers;
  gint64 default_reviewer_id;
  GPtrArray *history;
  GPtrArray *facilitator_histories;
} TiReviewContext;

void ti_review_context_free (TiReviewContext *context);

TiReviewContext *ti_reviews_get_context (TiDatabase *db, gint64 session_id, guint history_limit,
                                         GError **error);
void ti_reviews_get_context_async (const char *db_path, gint64 session_id, guint history_limit,
                                   GCancellable *cancellable, GAsyncReadyCallback callback,
                                   gpointer user_data);
TiReviewContext *ti_reviews_get_context_finish (GAsyncResult *result, GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TiReviewContext, ti_review_context_free)

G_END_DECLS
