/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "ti-database.h"
#include "ti-review-status.h"

G_BEGIN_DECLS

#define TI_REVIEWS_ERROR (ti_reviews_error_quark ())

/**
 * TiReviewsError:
 * @TI_REVIEWS_ERROR_NOT_FOUND: no such session
 * @TI_REVIEWS_ERROR_CANNOT_REVIEW: the session cannot be reviewed now (planned, cancelled,
 *   already approved)
 * @TI_REVIEWS_ERROR_REVIEWER: no reviewer, not a psychologist, or one of the facilitators
 * @TI_REVIEWS_ERROR_DATE: the review date is missing, not a date, in the future, or before
 *   the session or its last review
 * @TI_REVIEWS_ERROR_OUTCOME: not an outcome
 * @TI_REVIEWS_ERROR_NOTES: changes requested without saying which
 * @TI_REVIEWS_ERROR_CHECKLIST: the answers do not match the checklist
 * @TI_REVIEWS_ERROR_NOTHING_MET: approved with no checklist item met
 *
 * Validation codes name the field at fault.
 */
typedef enum
{
  TI_REVIEWS_ERROR_NOT_FOUND,
  TI_REVIEWS_ERROR_CANNOT_REVIEW,
  TI_REVIEWS_ERROR_REVIEWER,
  TI_REVIEWS_ERROR_DATE,
  TI_REVIEWS_ERROR_OUTCOME,
  TI_REVIEWS_ERROR_NOTES,
  TI_REVIEWS_ERROR_CHECKLIST,
  TI_REVIEWS_ERROR_NOTHING_MET,
} TiReviewsError;

GQuark ti_reviews_error_quark (void);

/**
 * TiReviewPerson:
 * @id: the person
 * @name: their name
 * @kind_key: (nullable): as a facilitator: coordinator, psychologist or champion
 * @kind: (nullable): the same in words
 *
 * A facilitator, a reviewer, or a choice of either.
 */
typedef struct
{
  gint64 id;
  char *name;
  char *kind_key;
  const char *kind;
} TiReviewPerson;

void ti_review_person_free (TiReviewPerson *person);
GPtrArray *ti_reviews_list_reviewers (TiDatabase *db, gint64 *out_default_id, GError **error);

/* The queue ---------------------------------------------------------------------------- */

/**
 * TiReviewQueue:
 * @items: a #GListModel of #TiReviewItem: the delivered sessions with the asked review
 *   status, oldest first
 * @facilitators: (element-type TiReviewPerson): everyone who facilitated a delivered session
 *   that is reviewed, by name: the choices of the facilitator filter
 * @counts: delivered sessions at each #TiReviewStatus, for the chosen facilitator (or all)
 * @awaiting: delivered sessions awaiting review, whoever facilitated them
 */
typedef struct
{
  GListModel *items;
  GPtrArray *facilitators;
  guint counts[TI_REVIEW_APPROVED + 1];
  guint awaiting;
} TiReviewQueue;

void ti_review_queue_free (TiReviewQueue *queue);
int ti_review_age_days (const char *starts_at, const GDate *today);

TiReviewQueue *ti_reviews_get_queue (TiDatabase *db, TiReviewStatus status, gint64 facilitator_id,
                                     const GDate *today, GError **error);
void ti_reviews_get_queue_async (const char *db_path, TiReviewStatus status,
                                 gint64 facilitator_id, const GDate *today,
                                 GCancellable *cancellable, GAsyncReadyCallback callback,
                                 gpointer user_data);
TiReviewQueue *ti_reviews_get_queue_finish (GAsyncResult *result, GError **error);

/* Recording a review ---------------------------------------------------------------------- */

/**
 * TiReviewAnswer:
 * @item_id: a fidelity item in the checklist
 * @met: whether the session met it
 * @comment: (nullable): what the psychologist says about it
 */
typedef struct
{
  gint64 item_id;
  gboolean met;
  const char *comment;
} TiReviewAnswer;

/**
 * TiReviewEdit:
 * @session_id: the session reviewed
 * @reviewer_id: the psychologist who reviewed it
 * @reviewed_on: the date, as `YYYY-MM-DD` or `DD/MM/YYYY`
 * @decided: whether the psychologist chose an outcome
 * @outcome: approved or changes requested, when @decided
 * @notes: (nullable): required when changes are requested: which, and why
 * @answers: (array length=n_answers): one answer for each item in the checklist
 * @n_answers: how many
 * @today: (nullable): the day "in the future" is counted from; %NULL for today
 *
 * A review as the dialog gives it; strings are borrowed.
 */
typedef struct
{
  gint64 session_id;
  gint64 reviewer_id;
  const char *reviewed_on;
  gboolean decided;
  TiReviewOutcome outcome;
  const char *notes;
  const TiReviewAnswer *answers;
  guint n_answers;
  const GDate *today;
} TiReviewEdit;

GPtrArray *ti_reviews_validate_all (TiDatabase *db, const TiReviewEdit *edit, GError **error);
gboolean ti_reviews_record (TiDatabase *db, const TiReviewEdit *edit, gint64 *out_review_id,
                            GError **error);

/* History ----------------------------------------------------------------------------- */

/**
 * TiReviewUnmet:
 * @item: the item's words, as the review answered it
 * @comment: (nullable): the reviewer's comment
 */
typedef struct
{
  char *item;
  char *comment;
} TiReviewUnmet;

/**
 * TiReviewEntry:
 * @id: the review
 * @session_id: the session
 * @session_title: its title
 * @session_date: its day, ISO
 * @tier: its tier
 * @reviewer: (nullable): who reviewed it; %NULL when that person was deleted
 * @reviewed_on: ISO date
 * @outcome: what the review decided
 * @notes: (nullable): the reviewer's notes
 * @unmet: (element-type TiReviewUnmet): the checklist items not met, in checklist order
 *
 * One review in a history.
 */
typedef struct
{
  gint64 id;
  gint64 session_id;
  char *session_title;
  char *session_date;
  int tier;
  char *reviewer;
  char *reviewed_on;
  TiReviewOutcome outcome;
  char *notes;
  GPtrArray *unmet;
} TiReviewEntry;

void ti_review_entry_free (TiReviewEntry *entry);

GPtrArray *ti_reviews_session_history (TiDatabase *db, gint64 session_id, GError **error);

/**
 * TiFacilitatorReviews:
 * @person_id: the facilitator
 * @name: their name
 * @sessions: sessions they facilitated that were reviewed at least once
 * @reviews: reviews of those sessions
 * @approved: of those reviews, how many approved
 * @approval_rate: @approved / @reviews, from 0 to 1; NAN when there are no reviews
 * @entries: (element-type TiReviewEntry): the reviews, newest first, at most the limit asked
 *
 * The reviews of every session a person facilitated.
 */
typedef struct
{
  gint64 person_id;
  char *name;
  guint sessions;
  guint reviews;
  guint approved;
  double approval_rate;
  GPtrArray *entries;
} TiFacilitatorReviews;

void ti_facilitator_reviews_free (TiFacilitatorReviews *reviews);

TiFacilitatorReviews *ti_reviews_facilitator_history (TiDatabase *db, gint64 person_id,
                                                      guint limit, GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TiReviewQueue, ti_review_queue_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TiReviewEntry, ti_review_entry_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TiFacilitatorReviews, ti_facilitator_reviews_free)

G_END_DECLS
