/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ti-reviews"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ti-fidelity.h"
#include "ti-format.h"
#include "ti-review-context.h"
#include "ti-reviews-private.h"

/*
 * Everything the review dialog shows about one session, read in one go in a worker thread:
 * the session's facts and register, the checklist, who may review, and the review history
 * of the session and of each of its facilitators.
 */

void
ti_review_context_free (TiReviewContext *context)
{
  if (context == NULL)
    return;
  g_free (context->title);
  g_free (context->starts_at);
  g_free (context->mode_key);
  g_free (context->venue);
  g_free (context->host);
  g_free (context->not_reviewable);
  g_free (context->back_for_review);
  g_clear_pointer (&context->facilitators, g_ptr_array_unref);
  g_clear_pointer (&context->items, g_ptr_array_unref);
  g_clear_pointer (&context->reviewers, g_ptr_array_unref);
  g_clear_pointer (&context->history, g_ptr_array_unref);
  g_clear_pointer (&context->facilitator_histories, g_ptr_array_unref);
  g_free (context);
}

static gboolean
read_session (TiDatabase *db, TiReviewContext *context, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = ti_database_prepare (
    db,
    "SELECT s.title, s.tier, s.starts_at, s.duration_minutes, s.mode, s.venue,"
    "  o.name, s.status, s.review_status"
    " FROM sessions s LEFT JOIN organisations o ON o.id = s.host_organisation_id"
    " WHERE s.id = ?",
    error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, context->session_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error_literal (error, TI_REVIEWS_ERROR, TI_REVIEWS_ERROR_NOT_FOUND,
                           _("This session is no longer in the programme."));
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    return ti_database_set_error_from_sqlite (db, rc, _("reading the session"), error);
  context->title = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  context->tier = sqlite3_column_int (stmt, 1);
  context->starts_at = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
  context->duration_minutes = sqlite3_column_int (stmt, 3);
  context->mode_key = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
  context->venue = g_strdup ((const char *) sqlite3_column_text (stmt, 5));
  context->host = g_strdup ((const char *) sqlite3_column_text (stmt, 6));
  ti_session_status_from_key ((const char *) sqlite3_column_text (stmt, 7), &context->status);
  ti_review_status_from_key ((const char *) sqlite3_column_text (stmt, 8),
                             &context->review_status);
  context->not_reviewable
    = ti_reviews_why_not_reviewable (context->title, context->status, context->review_status);
  return TRUE;
}

/* The parts of a delivery a session edit names in the audit log, in words. */
static const struct
{
  const char *key;
  const char *words;
} delivery_parts[] = {
  { "tier", N_("tier") },
  { "starts_at", N_("date and time") },
  { "duration", N_("duration") },
  { "mode", N_("in person or online") },
  { "facilitators", N_("facilitators") },
};

/* "date and time, facilitators" from an audit detail "delivery: starts_at, facilitators; …" */
static char *
changed_parts (const char *detail)
{
  g_autoptr (GString) words = g_string_new (NULL);
  g_autofree char *list = NULL;
  g_auto (GStrv) keys = NULL;
  const char *end;

  if (detail == NULL || !g_str_has_prefix (detail, "delivery: ")
      || (end = strchr (detail, ';')) == NULL)
    return NULL;
  list = g_strndup (detail + strlen ("delivery: "), end - detail - strlen ("delivery: "));
  keys = g_strsplit (list, ", ", -1);
  for (guint i = 0; keys[i] != NULL; i++)
    for (guint j = 0; j < G_N_ELEMENTS (delivery_parts); j++)
      if (g_str_equal (keys[i], delivery_parts[j].key))
        {
          if (words->len > 0)
            /* Translators: between the parts of a delivery that changed */
            g_string_append (words, _(", "));
          g_string_append (words, _(delivery_parts[j].words));
        }
  return words->len > 0 ? g_string_free (g_steal_pointer (&words), FALSE) : NULL;
}

/* A session awaiting review after it was reviewed came back because its delivery was edited
 * (ti_review_status_after_edit()). The audit log says when, and what changed, for reviews
 * recorded by the programme; otherwise the state alone says it. */
static gboolean
read_back_for_review (TiDatabase *db, TiReviewContext *context, GError **error)
{
  const TiReviewEntry *latest;
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autofree char *reviewed = NULL;
  g_autofree char *edited = NULL;
  g_autofree char *parts = NULL;
  g_autofree char *review = NULL;
  int rc;

  if (context->review_status != TI_REVIEW_AWAITING || context->history->len == 0)
    return TRUE;
  latest = g_ptr_array_index (context->history, 0);
  reviewed = ti_format_date (latest->reviewed_on);

  /* The first edit after the review's own audit entry that sent it back. */
  stmt = ti_database_prepare (
    db,
    "SELECT substr(a.at, 1, 10), a.detail FROM audit_log a"
    " WHERE a.entity = 'session' AND a.entity_id = ?1 AND a.action = 'update'"
    "   AND a.detail LIKE '%review: awaiting (was %'"
    "   AND a.id > (SELECT max(r.id) FROM audit_log r"
    "               WHERE r.entity = 'review' AND r.action = 'create' AND r.entity_id = ?2)"
    " ORDER BY a.id LIMIT 1",
    error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, context->session_id);
  sqlite3_bind_int64 (stmt, 2, latest->id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      edited = ti_format_date ((const char *) sqlite3_column_text (stmt, 0));
      parts = changed_parts ((const char *) sqlite3_column_text (stmt, 1));
    }
  else if (rc != SQLITE_DONE)
    return ti_database_set_error_from_sqlite (db, rc, _("reading the session’s history"), error);

  if (latest->outcome == TI_REVIEW_OUTCOME_APPROVED)
    /* Translators: the date of the session's latest review */
    review = g_strdup_printf (_("Approved on %s"), reviewed);
  else
    review = g_strdup_printf (_("Changes were requested on %s"), reviewed);
  if (edited != NULL && parts != NULL)
    /* Translators: "Approved on 1 Aug 2024; the delivery was edited on 3 Aug 2024 (date and
     * time, facilitators), so it needs a fresh review." */
    context->back_for_review = g_strdup_printf (_("%s; the delivery was edited on %s (%s), so "
                                                  "it needs a fresh review."),
                                                review, edited, parts);
  else if (edited != NULL)
    context->back_for_review = g_strdup_printf (_("%s; the delivery was edited on %s, so it "
                                                  "needs a fresh review."),
                                                review, edited);
  else
    context->back_for_review = g_strdup_printf (_("%s; the delivery was edited afterwards, so "
                                                  "it needs a fresh review."),
                                                review);
  return TRUE;
}

/**
 * ti_reviews_get_context:
 * @history_limit: list at most this many of each facilitator's reviews (0 for all)
 *
 * Returns: (transfer full) (nullable): what the review dialog shows about the session, or
 *   %NULL with @error set
 */
TiReviewContext *
ti_reviews_get_context (TiDatabase *db, gint64 session_id, guint history_limit, GError **error)
{
  g_autoptr (TiReviewContext) context = g_new0 (TiReviewContext, 1);

  context->session_id = session_id;
  if (!read_session (db, context, error))
    return NULL;
  context->facilitators = ti_reviews_read_people (
    db,
    "SELECT p.id, p.name, f.kind FROM session_facilitators f JOIN people p ON p.id = f.person_id"
    " WHERE f.session_id = ? ORDER BY p.name COLLATE NOCASE, p.id",
    session_id, TRUE, error);
  if (context->facilitators == NULL
      || !ti_register_get_summary (db, session_id, &context->summary, error)
      || (context->items = ti_fidelity_list_items (db, FALSE, error)) == NULL
      || (context->reviewers
          = ti_reviews_list_reviewers (db, &context->default_reviewer_id, error))
           == NULL
      || (context->history = ti_reviews_session_history (db, session_id, error)) == NULL
      || !read_back_for_review (db, context, error))
    return NULL;

  context->facilitator_histories
    = g_ptr_array_new_with_free_func ((GDestroyNotify) ti_facilitator_reviews_free);
  for (guint i = 0; i < context->facilitators->len; i++)
    {
      TiReviewPerson *person = g_ptr_array_index (context->facilitators, i);
      TiFacilitatorReviews *history
        = ti_reviews_facilitator_history (db, person->id, history_limit, error);

      if (history == NULL)
        return NULL;
      g_ptr_array_add (context->facilitator_histories, history);
    }
  return g_steal_pointer (&context);
}

typedef struct
{
  gint64 session_id;
  guint history_limit;
} ContextRequest;

static gpointer
read_context (TiDatabase *db, gpointer data, GError **error)
{
  ContextRequest *request = data;

  return ti_reviews_get_context (db, request->session_id, request->history_limit, error);
}

/**
 * ti_reviews_get_context_async:
 * @db_path: the programme file; the worker opens its own read-only connection
 *
 * Reads what the review dialog shows in a thread (see ti_reviews_get_context()).
 */
void
ti_reviews_get_context_async (const char *db_path, gint64 session_id, guint history_limit,
                              GCancellable *cancellable, GAsyncReadyCallback callback,
                              gpointer user_data)
{
  ContextRequest *request = g_new0 (ContextRequest, 1);

  request->session_id = session_id;
  request->history_limit = history_limit;
  ti_database_read_async (db_path, read_context, request, g_free,
                          (GDestroyNotify) ti_review_context_free, cancellable, callback,
                          user_data);
}

/**
 * ti_reviews_get_context_finish:
 *
 * Returns: (transfer full) (nullable): what the dialog shows, or %NULL with @error set
 */
TiReviewContext *
ti_reviews_get_context_finish (GAsyncResult *result, GError **error)
{
  return ti_database_read_finish (result, error);
}
