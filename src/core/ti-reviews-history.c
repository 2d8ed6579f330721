/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ti-reviews"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "ti-reviews.h"

/*
 * Review histories: every review of one session, and the reviews of every session one
 * person facilitated. Each review lists the checklist items it found not met, in the words
 * the reviewer answered (a reworded item is a new item, so old reviews keep theirs).
 */

static void
unmet_free (gpointer data)
{
  TiReviewUnmet *unmet = data;

  g_free (unmet->item);
  g_free (unmet->comment);
  g_free (unmet);
}

void
ti_review_entry_free (TiReviewEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->session_title);
  g_free (entry->session_date);
  g_free (entry->reviewer);
  g_free (entry->reviewed_on);
  g_free (entry->notes);
  g_clear_pointer (&entry->unmet, g_ptr_array_unref);
  g_free (entry);
}

void
ti_facilitator_reviews_free (TiFacilitatorReviews *reviews)
{
  if (reviews == NULL)
    return;
  g_free (reviews->name);
  g_clear_pointer (&reviews->entries, g_ptr_array_unref);
  g_free (reviews);
}

static gboolean
read_unmet (TiDatabase *db, sqlite3_stmt *stmt, TiReviewEntry *entry, GError **error)
{
  int rc;

  sqlite3_reset (stmt);
  sqlite3_bind_int64 (stmt, 1, entry->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TiReviewUnmet *unmet = g_new0 (TiReviewUnmet, 1);

      unmet->item = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      unmet->comment = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      g_ptr_array_add (entry->unmet, unmet);
    }
  if (rc != SQLITE_DONE)
    return ti_database_set_error_from_sqlite (db, rc, _("reading the reviews"), error);
  return TRUE;
}

/* The reviews @where selects (its parameter is @id), newest first, at most @limit (0 for
 * all). */
static GPtrArray *
read_entries (TiDatabase *db, const char *where, gint64 id, guint limit, GError **error)
{
  g_autofree char *sql = g_strconcat (
    "SELECT r.id, r.session_id, s.title, substr(s.starts_at, 1, 10), s.tier, p.name,"
    "  r.reviewed_on, r.outcome, r.notes"
    " FROM reviews r JOIN sessions s ON s.id = r.session_id"
    " LEFT JOIN people p ON p.id = r.reviewer_id WHERE ",
    where, " ORDER BY r.reviewed_on DESC, r.id DESC LIMIT ?2", NULL);
  g_autoptr (sqlite3_stmt) stmt = ti_database_prepare (db, sql, error);
  g_autoptr (sqlite3_stmt) unmet = NULL;
  g_autoptr (GPtrArray) entries
    = g_ptr_array_new_with_free_func ((GDestroyNotify) ti_review_entry_free);
  int rc;

  if (stmt == NULL)
    return NULL;
  unmet = ti_database_prepare (db,
                               "SELECT i.text, a.comment FROM review_answers a"
                               " JOIN fidelity_items i ON i.id = a.item_id"
                               " WHERE a.review_id = ? AND a.met = 0 ORDER BY i.position, i.id",
                               error);
  if (unmet == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int64 (stmt, 2, limit > 0 ? (gint64) limit : -1);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TiReviewEntry *entry = g_new0 (TiReviewEntry, 1);

      entry->id = sqlite3_column_int64 (stmt, 0);
      entry->session_id = sqlite3_column_int64 (stmt, 1);
      entry->session_title = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      entry->session_date = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      entry->tier = sqlite3_column_int (stmt, 4);
      entry->reviewer = g_strdup ((const char *) sqlite3_column_text (stmt, 5));
      entry->reviewed_on = g_strdup ((const char *) sqlite3_column_text (stmt, 6));
      ti_review_outcome_from_key ((const char *) sqlite3_column_text (stmt, 7), &entry->outcome);
      entry->notes = g_strdup ((const char *) sqlite3_column_text (stmt, 8));
      entry->unmet = g_ptr_array_new_with_free_func (unmet_free);
      g_ptr_array_add (entries, entry);
      if (!read_unmet (db, unmet, entry, error))
        return NULL;
    }
  if (rc != SQLITE_DONE)
    {
      ti_database_set_error_from_sqlite (db, rc, _("reading the reviews"), error);
      return NULL;
    }
  return g_steal_pointer (&entries);
}

/**
 * ti_reviews_session_history:
 *
 * Every review of a session, newest first, each with its outcome, reviewer, date, notes and
 * the checklist items it found not met.
 *
 * Returns: (transfer full) (element-type TiReviewEntry) (nullable): the reviews (none for a
 *   session never reviewed), or %NULL with @error set
 */
GPtrArray *
ti_reviews_session_history (TiDatabase *db, gint64 session_id, GError **error)
{
  return read_entries (db, "r.session_id = ?1", session_id, 0, error);
}

#define FACILITATED " r.session_id IN (SELECT session_id FROM session_facilitators" \
                    "                  WHERE person_id = ?1)"

/**
 * ti_reviews_facilitator_history:
 * @person_id: the facilitator
 * @limit: list at most this many reviews (the newest); 0 for all. The figures count all.
 *
 * The reviews of every session a person facilitated, newest first, with how many were
 * approved: their approval rate is the share of those reviews that approved the session.
 *
 * Returns: (transfer full) (nullable): the history, or %NULL with @error set
 */
TiFacilitatorReviews *
ti_reviews_facilitator_history (TiDatabase *db, gint64 person_id, guint limit, GError **error)
{
  g_autoptr (TiFacilitatorReviews) history = g_new0 (TiFacilitatorReviews, 1);
  g_autoptr (sqlite3_stmt) stmt = ti_database_prepare (
    db,
    "SELECT p.name, count(DISTINCT r.session_id), count(r.id),"
    "  coalesce(sum(r.outcome = 'approved'), 0)"
    " FROM people p LEFT JOIN reviews r ON" FACILITATED " WHERE p.id = ?1 GROUP BY p.id",
    error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, person_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error_literal (error, TI_REVIEWS_ERROR, TI_REVIEWS_ERROR_NOT_FOUND,
                           _("This person is no longer in the programme."));
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      ti_database_set_error_from_sqlite (db, rc, _("reading the reviews"), error);
      return NULL;
    }
  history->person_id = person_id;
  history->name = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  history->sessions = sqlite3_column_int (stmt, 1);
  history->reviews = sqlite3_column_int (stmt, 2);
  history->approved = sqlite3_column_int (stmt, 3);
  history->approval_rate = history->reviews > 0 ? (double) history->approved / history->reviews
                                                : NAN;
  history->entries = read_entries (db, FACILITATED, person_id, limit, error);
  if (history->entries == NULL)
    return NULL;
  return g_steal_pointer (&history);
}
