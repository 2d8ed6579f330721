/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ti-reviews"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ti-format.h"
#include "ti-reviews-private.h"
#include "ti-reviews.h"
#include "ti-validation.h"

/*
 * Recording a review. Whether a session may be reviewed, and what a review makes of its
 * status, is the state machine's to say (ti-review-status.c); this file asks it. A review is
 * a new row each time, so a session keeps its history.
 */

static gboolean
fail_with (GError **error, int code, const char *message)
{
  g_set_error_literal (error, TI_REVIEWS_ERROR, code, message);
  return FALSE;
}

/**
 * ti_reviews_why_not_reviewable:
 * @title: the session's title
 *
 * Asks the state machine whether a session can be reviewed now.
 *
 * Returns: (transfer full) (nullable): %NULL when it can; otherwise why not, in words
 */
char *
ti_reviews_why_not_reviewable (const char *title, TiSessionStatus status, TiReviewStatus review)
{
  if (ti_review_status_can_review (review, status))
    return NULL;
  if (status == TI_SESSION_PLANNED)
    return g_strdup_printf (_("“%s” has not been delivered yet: only a delivered session is "
                              "reviewed."),
                            title);
  if (status == TI_SESSION_CANCELLED)
    return g_strdup_printf (_("“%s” was cancelled: there is nothing to review."), title);
  return g_strdup_printf (_("“%s” is already approved. It comes back for review if its "
                            "delivery is edited."),
                          title);
}

/* The session as the review needs it: whether the state machine allows a review now, and
 * the day it was held. */
static gboolean
check_session (TiDatabase *db, gint64 session_id, GDate *held_on, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = ti_database_prepare (
    db, "SELECT title, status, review_status, substr(starts_at, 1, 10) FROM sessions WHERE id = ?",
    error);
  TiSessionStatus status = TI_SESSION_PLANNED;
  TiReviewStatus review = TI_REVIEW_NOT_DUE;
  const char *title;
  g_autofree char *message = NULL;
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, session_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    return fail_with (error, TI_REVIEWS_ERROR_NOT_FOUND,
                      _("This session is no longer in the programme."));
  if (rc != SQLITE_ROW)
    return ti_database_set_error_from_sqlite (db, rc, _("reading the session"), error);
  title = (const char *) sqlite3_column_text (stmt, 0);
  ti_session_status_from_key ((const char *) sqlite3_column_text (stmt, 1), &status);
  ti_review_status_from_key ((const char *) sqlite3_column_text (stmt, 2), &review);
  ti_date_parse ((const char *) sqlite3_column_text (stmt, 3), held_on);
  message = ti_reviews_why_not_reviewable (title, status, review);
  if (message == NULL)
    return TRUE;
  return fail_with (error, TI_REVIEWS_ERROR_CANNOT_REVIEW, message);
}

static gboolean
check_reviewer (TiDatabase *db, gint64 session_id, gint64 reviewer_id, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autofree char *message = NULL;
  int rc;

  if (reviewer_id <= 0)
    return fail_with (error, TI_REVIEWS_ERROR_REVIEWER, _("Choose who reviewed the session."));
  stmt = ti_database_prepare (db,
                              "SELECT name, role = 'psychologist' AND erased_on IS NULL,"
                              "  EXISTS (SELECT 1 FROM session_facilitators"
                              "          WHERE session_id = ?2 AND person_id = ?1)"
                              " FROM people WHERE id = ?1",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, reviewer_id);
  sqlite3_bind_int64 (stmt, 2, session_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    return fail_with (error, TI_REVIEWS_ERROR_REVIEWER,
                      _("This reviewer is no longer in the programme: choose another."));
  if (rc != SQLITE_ROW)
    return ti_database_set_error_from_sqlite (db, rc, _("reading the reviewer"), error);
  if (!sqlite3_column_int (stmt, 1))
    message = g_strdup_printf (_("%s is not recorded as a psychologist: a session is reviewed "
                                 "by a psychologist."),
                               (const char *) sqlite3_column_text (stmt, 0));
  else if (sqlite3_column_int (stmt, 2))
    message = g_strdup_printf (_("%s facilitated this session, so cannot review it."),
                               (const char *) sqlite3_column_text (stmt, 0));
  return message == NULL || fail_with (error, TI_REVIEWS_ERROR_REVIEWER, message);
}

static gboolean
check_date (TiDatabase *db, const TiReviewEdit *edit, const GDate *held_on, GDate *date,
            GError **error)
{
  g_autofree char *trimmed = ti_text_trimmed (edit->reviewed_on);
  g_autofree char *message = NULL;
  g_autoptr (sqlite3_stmt) stmt = NULL;
  GDate today, last;

  if (*trimmed == '\0')
    return fail_with (error, TI_REVIEWS_ERROR_DATE, _("Enter the date of the review."));
  switch (ti_date_check (trimmed, date))
    {
    case TI_DATE_OK:
      break;
    case TI_DATE_IMPOSSIBLE:
      /* Translators: a date as the person typed it, written right but with no such day. */
      message = g_strdup_printf (_("%s is not a real date."), trimmed);
      return fail_with (error, TI_REVIEWS_ERROR_DATE, message);
    case TI_DATE_MALFORMED:
    default:
      return fail_with (error, TI_REVIEWS_ERROR_DATE,
                        _("Enter the review date as YYYY-MM-DD or DD/MM/YYYY."));
    }

  ti_reviews_today (edit->today, &today);
  if (g_date_compare (date, &today) > 0)
    return fail_with (error, TI_REVIEWS_ERROR_DATE, _("The review date cannot be in the future."));
  if (g_date_valid (held_on) && g_date_compare (date, held_on) < 0)
    {
      g_autofree char *iso = ti_date_to_iso (held_on);
      g_autofree char *held = ti_format_date (iso);
      message = g_strdup_printf (_("The review date cannot be before the session (%s)."), held);
      return fail_with (error, TI_REVIEWS_ERROR_DATE, message);
    }

  stmt = ti_database_prepare (db, "SELECT max(reviewed_on) FROM reviews WHERE session_id = ?",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, edit->session_id);
  if (sqlite3_step (stmt) == SQLITE_ROW
      && ti_date_parse ((const char *) sqlite3_column_text (stmt, 0), &last)
      && g_date_compare (date, &last) < 0)
    {
      g_autofree char *latest = ti_format_date ((const char *) sqlite3_column_text (stmt, 0));
      message = g_strdup_printf (_("The review date cannot be before this session’s last review "
                                   "(%s)."),
                                 latest);
      return fail_with (error, TI_REVIEWS_ERROR_DATE, message);
    }
  return TRUE;
}

/* Every item in the checklist answered once, and nothing else. */
static gboolean
check_answers (TiDatabase *db, const TiReviewEdit *edit, GError **error)
{
  g_autoptr (GHashTable) answered = g_hash_table_new (g_int64_hash, g_int64_equal);
  gint64 n_items = ti_database_count (db, "SELECT count(*) FROM fidelity_items WHERE retired = 0",
                                      error);

  if (n_items < 0)
    return FALSE;
  for (guint i = 0; i < edit->n_answers; i++)
    {
      gint64 item_id = edit->answers[i].item_id;
      gint64 active = ti_database_count_with (
        db, "SELECT count(*) FROM fidelity_items WHERE id = ? AND retired = 0", item_id, NULL,
        error);

      if (active < 0)
        return FALSE;
      if (active == 0 || !g_hash_table_add (answered, (gpointer) &edit->answers[i].item_id))
        break;
    }
  if (g_hash_table_size (answered) == edit->n_answers && edit->n_answers == (guint) n_items)
    return TRUE;
  return fail_with (error, TI_REVIEWS_ERROR_CHECKLIST,
                    _("The fidelity checklist has changed since this review was opened: close "
                      "it and open it again to answer the checklist as it is now."));
}

/* Approving says the session was delivered as the model intends: a review that finds none
 * of the checklist met cannot say that (most likely the items were not ticked). Approving
 * with some not met is the psychologist's call; the dialog asks them to confirm it. */
static gboolean
check_something_met (const TiReviewEdit *edit, GError **error)
{
  if (!edit->decided || edit->outcome != TI_REVIEW_OUTCOME_APPROVED || edit->n_answers == 0)
    return TRUE;
  for (guint i = 0; i < edit->n_answers; i++)
    if (edit->answers[i].met)
      return TRUE;
  return fail_with (error, TI_REVIEWS_ERROR_NOTHING_MET,
                    _("No checklist item is ticked as met. Tick each item the session met; a "
                      "session that met none of them cannot be approved: ask for changes "
                      "instead."));
}

/* Keeps a refusal as one of the problems; anything else (the database) stops the check. */
static gboolean
keep_problem (GPtrArray *problems, GError *problem, GError **error)
{
  if (problem == NULL)
    return TRUE;
  if (problem->domain == TI_REVIEWS_ERROR)
    {
      g_ptr_array_add (problems, problem);
      return TRUE;
    }
  g_propagate_error (error, problem);
  return FALSE;
}

/**
 * ti_reviews_validate_all:
 * @edit: the review as the dialog gives it
 *
 * Checks every field of @edit, in the dialog's order (checklist, outcome, notes, reviewer,
 * date), so that all the problems can be shown at once. A session that cannot be reviewed
 * now gives that one problem only, as the fields no longer matter.
 *
 * Returns: (transfer full) (element-type GError) (nullable): one #GError per invalid field,
 *   in %TI_REVIEWS_ERROR with its code naming the field and its message saying what to do;
 *   empty when @edit can be recorded. %NULL with @error set only when the database cannot
 *   be read.
 */
GPtrArray *
ti_reviews_validate_all (TiDatabase *db, const TiReviewEdit *edit, GError **error)
{
  g_autoptr (GPtrArray) problems = NULL;
  GError *problem = NULL;
  GDate held_on, reviewed_on;

  g_return_val_if_fail (TI_IS_DATABASE (db), NULL);
  g_return_val_if_fail (edit != NULL, NULL);
  g_return_val_if_fail (edit->n_answers == 0 || edit->answers != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  problems = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
  g_date_clear (&held_on, 1);
  g_date_clear (&reviewed_on, 1);
  if (!check_session (db, edit->session_id, &held_on, &problem))
    return keep_problem (problems, g_steal_pointer (&problem), error) ? g_steal_pointer (&problems)
                                                                       : NULL;

  /* The checklist as it is now first: when it changed, whether anything was met is moot. */
  if (!check_answers (db, edit, &problem))
    {
      if (!keep_problem (problems, g_steal_pointer (&problem), error))
        return NULL;
    }
  else if (!check_something_met (edit, &problem))
    g_ptr_array_add (problems, g_steal_pointer (&problem));

  if (!edit->decided
      || (edit->outcome != TI_REVIEW_OUTCOME_APPROVED
          && edit->outcome != TI_REVIEW_OUTCOME_CHANGES_REQUESTED))
    fail_with (&problem, TI_REVIEWS_ERROR_OUTCOME,
               _("Choose whether to approve the session or ask for changes."));
  else if (edit->outcome == TI_REVIEW_OUTCOME_CHANGES_REQUESTED
           && ti_text_is_blank (edit->notes))
    fail_with (&problem, TI_REVIEWS_ERROR_NOTES,
               _("Say in the notes what should change: notes are required when changes "
                 "are requested."));
  if (problem != NULL)
    g_ptr_array_add (problems, g_steal_pointer (&problem));

  if (!check_reviewer (db, edit->session_id, edit->reviewer_id, &problem)
      && !keep_problem (problems, g_steal_pointer (&problem), error))
    return NULL;
  if (!check_date (db, edit, &held_on, &reviewed_on, &problem)
      && !keep_problem (problems, g_steal_pointer (&problem), error))
    return NULL;
  return g_steal_pointer (&problems);
}

static gboolean
check_edit (TiDatabase *db, const TiReviewEdit *edit, GDate *reviewed_on, GError **error)
{
  g_autoptr (GPtrArray) problems = ti_reviews_validate_all (db, edit, error);
  g_autofree char *iso = NULL;

  if (!ti_field_errors_none (problems, error))
    return FALSE;
  /* Valid, so it reads. */
  iso = g_strstrip (g_strdup (edit->reviewed_on));
  return ti_date_check (iso, reviewed_on) == TI_DATE_OK
         || fail_with (error, TI_REVIEWS_ERROR_DATE, _("Enter the date of the review."));
}

/* Text as written, without surrounding space; blank is no text. */
#define TRIMMED(param) "nullif(trim(" param ", ' ' || char(9, 10, 13)), '')"

static gboolean
write_review (TiDatabase *db, const TiReviewEdit *edit, const GDate *reviewed_on,
              gint64 *review_id, GError **error)
{
  g_autoptr (sqlite3_stmt) review = ti_database_prepare (
    db,
    "INSERT INTO reviews (session_id, reviewer_id, reviewed_on, outcome, notes)"
    " VALUES (?, ?, ?, ?, " TRIMMED ("?5") ")",
    error);
  g_autoptr (sqlite3_stmt) answer = NULL;
  g_autoptr (sqlite3_stmt) session = NULL;
  const char *outcome = ti_review_outcome_key (edit->outcome);
  g_autofree char *detail = NULL;

  if (review == NULL)
    return FALSE;
  sqlite3_bind_int64 (review, 1, edit->session_id);
  sqlite3_bind_int64 (review, 2, edit->reviewer_id);
  sqlite3_bind_text (review, 3, ti_date_to_iso (reviewed_on), -1, g_free);
  sqlite3_bind_text (review, 4, outcome, -1, SQLITE_STATIC);
  sqlite3_bind_text (review, 5, edit->notes, -1, SQLITE_STATIC);
  if (!ti_database_step_done (db, review, error))
    return FALSE;
  *review_id = sqlite3_last_insert_rowid (ti_database_get_handle (db));

  answer = ti_database_prepare (
    db,
    "INSERT INTO review_answers (review_id, item_id, met, comment)"
    " VALUES (?, ?, ?, " TRIMMED ("?4") ")",
    error);
  if (answer == NULL)
    return FALSE;
  for (guint i = 0; i < edit->n_answers; i++)
    {
      sqlite3_bind_int64 (answer, 1, *review_id);
      sqlite3_bind_int64 (answer, 2, edit->answers[i].item_id);
      sqlite3_bind_int (answer, 3, edit->answers[i].met ? 1 : 0);
      sqlite3_bind_text (answer, 4, edit->answers[i].comment, -1, SQLITE_STATIC);
      if (!ti_database_step_done (db, answer, error))
        return FALSE;
    }

  session = ti_database_prepare (db, "UPDATE sessions SET review_status = ? WHERE id = ?", error);
  if (session == NULL)
    return FALSE;
  sqlite3_bind_text (session, 1,
                     ti_review_status_key (ti_review_status_after_review (edit->outcome)), -1,
                     SQLITE_STATIC);
  sqlite3_bind_int64 (session, 2, edit->session_id);
  detail = g_strdup_printf ("session %" G_GINT64_FORMAT ": %s", edit->session_id, outcome);
  return ti_database_step_done (db, session, error)
         && ti_database_audit (db, "create", "review", *review_id, detail, error);
}

/**
 * ti_reviews_record:
 * @out_review_id: (out) (optional): the new review's id
 *
 * Records a review of a delivered session: the review, its checklist answers, the session's
 * new review status (approved, or changes requested) and an audit entry, in one
 * transaction. Refused, with the field at fault in @error's code, when the state machine
 * does not allow a review now, or the review is incomplete (see #TiReviewEdit).
 */
gboolean
ti_reviews_record (TiDatabase *db, const TiReviewEdit *edit, gint64 *out_review_id,
                   GError **error)
{
  GDate reviewed_on;
  gint64 review_id = 0;

  g_return_val_if_fail (edit != NULL, FALSE);
  g_return_val_if_fail (edit->n_answers == 0 || edit->answers != NULL, FALSE);

  if (!ti_database_begin (db, error))
    return FALSE;
  if (!check_edit (db, edit, &reviewed_on, error)
      || !write_review (db, edit, &reviewed_on, &review_id, error)
      || !ti_database_commit (db, error))
    {
      ti_database_rollback (db);
      return FALSE;
    }
  if (out_review_id != NULL)
    *out_review_id = review_id;
  return TRUE;
}
