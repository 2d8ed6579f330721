/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ti-reviews"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ti-format.h"
#include "ti-review-item.h"
#include "ti-reviews-private.h"
#include "ti-reviews.h"
#include "ti-session.h"

/*
 * The psychologist's review of facilitated Tier 2 and 3 sessions: who facilitates and who
 * reviews, and the queue of delivered sessions by review status. Recording a review is in
 * ti-reviews-record.c, the histories in ti-reviews-history.c.
 */

G_DEFINE_QUARK (ti-reviews-error-quark, ti_reviews_error)

void
ti_review_person_free (TiReviewPerson *person)
{
  if (person == NULL)
    return;
  g_free (person->name);
  g_free (person->kind_key);
  g_free (person);
}

/* "Name (champion)", for a list of facilitators in one line. */
static char *
facilitator_in_words (const char *name, const char *kind_key)
{
  if (g_strcmp0 (kind_key, "coordinator") == 0)
    /* Translators: a facilitator of a session, in a list */
    return g_strdup_printf (_("%s (coordinator)"), name);
  if (g_strcmp0 (kind_key, "psychologist") == 0)
    return g_strdup_printf (_("%s (psychologist)"), name);
  if (g_strcmp0 (kind_key, "champion") == 0)
    return g_strdup_printf (_("%s (champion)"), name);
  return g_strdup (name);
}

static TiReviewPerson *
person_from_row (sqlite3_stmt *stmt, int first_column, gboolean with_kind)
{
  TiReviewPerson *person = g_new0 (TiReviewPerson, 1);

  person->id = sqlite3_column_int64 (stmt, first_column);
  person->name = g_strdup ((const char *) sqlite3_column_text (stmt, first_column + 1));
  if (with_kind)
    {
      person->kind_key = g_strdup ((const char *) sqlite3_column_text (stmt, first_column + 2));
      person->kind = ti_facilitator_kind_label (person->kind_key);
    }
  return person;
}

/**
 * ti_reviews_read_people:
 * @sql: a query whose columns are id, name and, @with_kind, a facilitator kind
 * @id: bound to its first parameter, if it has one
 *
 * Returns: (transfer full) (element-type TiReviewPerson) (nullable): the people, or %NULL
 *   with @error set
 */
GPtrArray *
ti_reviews_read_people (TiDatabase *db, const char *sql, gint64 id, gboolean with_kind,
                        GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = ti_database_prepare (db, sql, error);
  g_autoptr (GPtrArray) people
    = g_ptr_array_new_with_free_func ((GDestroyNotify) ti_review_person_free);
  int rc;

  if (stmt == NULL)
    return NULL;
  if (sqlite3_bind_parameter_count (stmt) > 0)
    sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (people, person_from_row (stmt, 0, with_kind));
  if (rc != SQLITE_DONE)
    {
      ti_database_set_error_from_sqlite (db, rc, _("reading the reviews"), error);
      return NULL;
    }
  return g_steal_pointer (&people);
}

/**
 * ti_reviews_list_reviewers:
 * @out_default_id: (out) (optional): the only psychologist, or 0 when there is not exactly one
 *
 * The people who may review a session: those whose role is psychologist, by name.
 *
 * Returns: (transfer full) (element-type TiReviewPerson) (nullable): the reviewers, or %NULL
 *   with @error set
 */
GPtrArray *
ti_reviews_list_reviewers (TiDatabase *db, gint64 *out_default_id, GError **error)
{
  GPtrArray *reviewers = ti_reviews_read_people (
    db,
    "SELECT id, name FROM people WHERE role = 'psychologist' AND erased_on IS NULL"
    " ORDER BY name COLLATE NOCASE, id",
    0, FALSE, error);

  if (out_default_id != NULL)
    *out_default_id = reviewers != NULL && reviewers->len == 1
                        ? ((TiReviewPerson *) g_ptr_array_index (reviewers, 0))->id
                        : 0;
  return reviewers;
}

/* The queue ---------------------------------------------------------------------------- */

void
ti_review_queue_free (TiReviewQueue *queue)
{
  if (queue == NULL)
    return;
  g_clear_object (&queue->items);
  g_clear_pointer (&queue->facilitators, g_ptr_array_unref);
  g_free (queue);
}

/* @today, or today's local date when it is NULL or not valid. */
void
ti_reviews_today (const GDate *today, GDate *out)
{
  g_autoptr (GDateTime) now = NULL;

  g_date_clear (out, 1);
  if (today != NULL && g_date_valid (today))
    {
      *out = *today;
      return;
    }
  now = g_date_time_new_now_local ();
  g_date_set_dmy (out, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
}

/**
 * ti_review_age_days:
 * @starts_at: (nullable): when the session started, 'YYYY-MM-DD HH:MM'
 * @today: the day to count to
 *
 * How long a session has been waiting for its review: the review queue's age, and the age
 * "Needs attention" judges overdue reviews by.
 *
 * Returns: the days from the session's day to @today; negative for a later session, 0 when
 *   @starts_at is not a date
 */
int
ti_review_age_days (const char *starts_at, const GDate *today)
{
  g_autofree char *day = g_strndup (starts_at ? starts_at : "", 10);
  GDate date;

  if (!ti_date_parse (day, &date))
    return 0;
  return (int) g_date_get_julian (today) - (int) g_date_get_julian (&date);
}

static void
string_free (gpointer string)
{
  g_string_free (string, TRUE);
}

/* Each queued session's facilitators in words, one line per session, by name. */
static GHashTable *
read_facilitators (TiDatabase *db, TiReviewStatus status, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = ti_database_prepare (
    db,
    "SELECT f.session_id, p.name, f.kind FROM session_facilitators f"
    " JOIN sessions s ON s.id = f.session_id JOIN people p ON p.id = f.person_id"
    " WHERE s.status = 'delivered' AND s.review_status = ?1"
    " ORDER BY f.session_id, p.name COLLATE NOCASE, p.id",
    error);
  g_autoptr (GHashTable) lines = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                        string_free);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, ti_review_status_key (status), -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 session_id = sqlite3_column_int64 (stmt, 0);
      g_autofree char *words = facilitator_in_words ((const char *) sqlite3_column_text (stmt, 1),
                                                     (const char *) sqlite3_column_text (stmt, 2));
      GString *line = g_hash_table_lookup (lines, &session_id);

      if (line == NULL)
        {
          line = g_string_new (NULL);
          g_hash_table_insert (lines, g_memdup2 (&session_id, sizeof session_id), line);
        }
      else
        g_string_append (line, ", ");
      g_string_append (line, words);
    }
  if (rc != SQLITE_DONE)
    {
      ti_database_set_error_from_sqlite (db, rc, _("reading the review queue"), error);
      return NULL;
    }
  return g_steal_pointer (&lines);
}

/* Sessions with this facilitator, or every session when the id is 0; a fragment of SQL
 * whose parameter is ?2. */
#define WITH_FACILITATOR                                                                          \
  " (?2 = 0 OR s.id IN (SELECT session_id FROM session_facilitators WHERE person_id = ?2))"

static GListModel *
read_items (TiDatabase *db, TiReviewStatus status, gint64 facilitator_id, const GDate *today,
            GError **error)
{
  g_autoptr (GHashTable) facilitators = read_facilitators (db, status, error);
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  GListStore *store;
  int rc;

  if (facilitators == NULL)
    return NULL;
  stmt = ti_database_prepare (
    db,
    "SELECT s.id, s.starts_at, s.tier, s.title, o.name,"
    "  r.reviewed_on, r.outcome"
    " FROM sessions s LEFT JOIN organisations o ON o.id = s.host_organisation_id"
    " LEFT JOIN reviews r ON r.id = (SELECT id FROM reviews WHERE session_id = s.id"
    "                                ORDER BY reviewed_on DESC, id DESC LIMIT 1)"
    " WHERE s.status = 'delivered' AND s.review_status = ?1 AND" WITH_FACILITATOR
    " ORDER BY s.starts_at, s.id",
    error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, ti_review_status_key (status), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, facilitator_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 session_id = sqlite3_column_int64 (stmt, 0);
      GString *line = g_hash_table_lookup (facilitators, &session_id);
      const char *starts_at = (const char *) sqlite3_column_text (stmt, 1);
      TiReviewItemFields f = {
        .session_id = session_id,
        .starts_at = starts_at,
        .age_days = ti_review_age_days (starts_at, today),
        .tier = sqlite3_column_int (stmt, 2),
        .title = (const char *) sqlite3_column_text (stmt, 3),
        .host = (const char *) sqlite3_column_text (stmt, 4),
        .facilitators = line ? line->str : NULL,
        .review_status = status,
        .last_reviewed_on = (const char *) sqlite3_column_text (stmt, 5),
      };

      f.has_last_outcome = ti_review_outcome_from_key (
        (const char *) sqlite3_column_text (stmt, 6), &f.last_outcome);
      g_ptr_array_add (items, ti_review_item_new (&f));
    }
  if (rc != SQLITE_DONE)
    {
      ti_database_set_error_from_sqlite (db, rc, _("reading the review queue"), error);
      return NULL;
    }
  store = g_list_store_new (TI_TYPE_REVIEW_ITEM);
  g_list_store_splice (store, 0, 0, items->pdata, items->len);
  return G_LIST_MODEL (store);
}

static gboolean
read_counts (TiDatabase *db, gint64 facilitator_id, TiReviewQueue *queue, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = ti_database_prepare (
    db,
    "SELECT s.review_status, count(*) FROM sessions s"
    " WHERE s.status = 'delivered' AND" WITH_FACILITATOR " GROUP BY 1",
    error);
  gint64 awaiting;
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 2, facilitator_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TiReviewStatus status;

      if (ti_review_status_from_key ((const char *) sqlite3_column_text (stmt, 0), &status))
        queue->counts[status] = sqlite3_column_int (stmt, 1);
    }
  if (rc != SQLITE_DONE)
    return ti_database_set_error_from_sqlite (db, rc, _("reading the review queue"), error);
  awaiting = ti_database_count (db,
                                "SELECT count(*) FROM sessions"
                                " WHERE status = 'delivered' AND review_status = 'awaiting'",
                                error);
  queue->awaiting = (guint) MAX (awaiting, 0);
  return awaiting >= 0;
}

/**
 * ti_reviews_get_queue:
 * @status: which queue: awaiting, changes requested or approved
 * @facilitator_id: only the sessions this person facilitated, or 0 for every session
 * @today: (nullable): the day ages are counted to; %NULL for today
 *
 * The delivered Tier 2 and 3 sessions at @status, oldest first, with their ages, the
 * facilitators to filter by and the count at each status.
 *
 * Returns: (transfer full) (nullable): the queue, or %NULL with @error set
 */
TiReviewQueue *
ti_reviews_get_queue (TiDatabase *db, TiReviewStatus status, gint64 facilitator_id,
                      const GDate *today, GError **error)
{
  g_autoptr (TiReviewQueue) queue = g_new0 (TiReviewQueue, 1);
  GDate day;

  ti_reviews_today (today, &day);
  queue->items = read_items (db, status, facilitator_id, &day, error);
  if (queue->items == NULL)
    return NULL;
  queue->facilitators = ti_reviews_read_people (
    db,
    "SELECT DISTINCT p.id, p.name FROM session_facilitators f"
    " JOIN sessions s ON s.id = f.session_id JOIN people p ON p.id = f.person_id"
    " WHERE s.status = 'delivered' AND s.review_status <> 'not_due'"
    " ORDER BY p.name COLLATE NOCASE, p.id",
    0, FALSE, error);
  if (queue->facilitators == NULL || !read_counts (db, facilitator_id, queue, error))
    return NULL;
  return g_steal_pointer (&queue);
}

typedef struct
{
  TiReviewStatus status;
  gint64 facilitator_id;
  GDate today;
} QueueRequest;

static gpointer
read_queue (TiDatabase *db, gpointer data, GError **error)
{
  QueueRequest *request = data;

  return ti_reviews_get_queue (db, request->status, request->facilitator_id, &request->today,
                               error);
}

/**
 * ti_reviews_get_queue_async:
 * @db_path: the programme file; the worker opens its own read-only connection
 * @today: (nullable): as for ti_reviews_get_queue()
 *
 * Reads the queue in a thread (see ti_reviews_get_queue()).
 */
void
ti_reviews_get_queue_async (const char *db_path, TiReviewStatus status, gint64 facilitator_id,
                            const GDate *today, GCancellable *cancellable,
                            GAsyncReadyCallback callback, gpointer user_data)
{
  QueueRequest *request = g_new0 (QueueRequest, 1);

  request->status = status;
  request->facilitator_id = facilitator_id;
  g_date_clear (&request->today, 1);
  if (today != NULL && g_date_valid (today))
    request->today = *today;
  ti_database_read_async (db_path, read_queue, request, g_free,
                          (GDestroyNotify) ti_review_queue_free, cancellable, callback, user_data);
}

/**
 * ti_reviews_get_queue_finish:
 *
 * Returns: (transfer full) (nullable): the queue, or %NULL with @error set
 */
TiReviewQueue *
ti_reviews_get_queue_finish (GAsyncResult *result, GError **error)
{
  return ti_database_read_finish (result, error);
}
