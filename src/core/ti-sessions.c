/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ti-sessions"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ti-sessions.h"

/*
 * Tier 2 and 3 sessions: the list and one session with its facilitators. Editing is in
 * ti-sessions-edit.c, the register in ti-register.c.
 */

G_DEFINE_QUARK (ti-sessions-error-quark, ti_sessions_error)

#define COL_TEXT(stmt, i) ((const char *) sqlite3_column_text ((stmt), (i)))

/* ?1 is one session's id, or 0 for every session. */
static const char sessions_sql[] =
  "SELECT s.id, s.tier, s.title, s.starts_at, s.duration_minutes, s.mode, s.venue,"
  "  s.host_organisation_id, o.name, coalesce(s.capacity, 0), s.status, s.review_status,"
  "  coalesce(a.n, 0), coalesce(a.attended, 0)"
  " FROM sessions s"
  " LEFT JOIN organisations o ON o.id = s.host_organisation_id"
  " LEFT JOIN (SELECT session_id, count(*) AS n, sum(attended) AS attended FROM attendance"
  "            WHERE ?1 = 0 OR session_id = ?1 GROUP BY session_id) a ON a.session_id = s.id"
  " WHERE ?1 = 0 OR s.id = ?1"
  " ORDER BY s.starts_at DESC, s.id DESC";

/* The psychologist first, then the coordinator, then champions, each by name. */
static const char facilitators_sql[] =
  "SELECT f.session_id, f.person_id, p.name, f.kind"
  " FROM session_facilitators f JOIN people p ON p.id = f.person_id"
  " WHERE ?1 = 0 OR f.session_id = ?1"
  " ORDER BY f.session_id,"
  "  CASE f.kind WHEN 'psychologist' THEN 0 WHEN 'coordinator' THEN 1 ELSE 2 END,"
  "  p.name COLLATE NOCASE";

static GPtrArray *
facilitator_array_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) ti_facilitator_free);
}

/* Every facilitator of @session_id (0: of every session), by session id. */
static GHashTable *
load_facilitators (TiDatabase *db, gint64 session_id, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = ti_database_prepare (db, facilitators_sql, error);
  g_autoptr (GHashTable) by_session
    = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                             (GDestroyNotify) g_ptr_array_unref);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, session_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      GPtrArray *list = g_hash_table_lookup (by_session, &id);

      if (list == NULL)
        {
          list = facilitator_array_new ();
          g_hash_table_insert (by_session, g_memdup2 (&id, sizeof id), list);
        }
      g_ptr_array_add (list, ti_facilitator_new (sqlite3_column_int64 (stmt, 1),
                                                 COL_TEXT (stmt, 2), COL_TEXT (stmt, 3)));
    }
  if (rc != SQLITE_DONE)
    {
      ti_database_set_error_from_sqlite (db, rc, _("reading the sessions"), error);
      return NULL;
    }
  return g_steal_pointer (&by_session);
}

static TiSession *
session_from_row (sqlite3_stmt *stmt, GHashTable *facilitators)
{
  gint64 id = sqlite3_column_int64 (stmt, 0);
  gpointer key = NULL, list = NULL;
  TiSessionFields f = {
    .id = id,
    .tier = sqlite3_column_int (stmt, 1),
    .title = COL_TEXT (stmt, 2),
    .starts_at = COL_TEXT (stmt, 3),
    .duration_minutes = sqlite3_column_int (stmt, 4),
    .mode_key = COL_TEXT (stmt, 5),
    .venue = COL_TEXT (stmt, 6),
    .host_organisation_id = sqlite3_column_int64 (stmt, 7),
    .host_organisation = COL_TEXT (stmt, 8),
    .capacity = sqlite3_column_int (stmt, 9),
    .attendees = sqlite3_column_int (stmt, 12),
    .attended = sqlite3_column_int (stmt, 13),
  };

  /* The schema's checks keep both keys in their vocabularies. */
  ti_session_status_from_key (COL_TEXT (stmt, 10), &f.status);
  ti_review_status_from_key (COL_TEXT (stmt, 11), &f.review_status);
  if (g_hash_table_steal_extended (facilitators, &id, &key, &list))
    g_free (key);
  f.facilitators = list;
  return ti_session_new (&f);
}

/* Sessions with @session_id (0: all), newest first. */
static GPtrArray *
load_sessions (TiDatabase *db, gint64 session_id, GError **error)
{
  g_autoptr (GHashTable) facilitators = NULL;
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  facilitators = load_facilitators (db, session_id, error);
  if (facilitators == NULL)
    return NULL;
  stmt = ti_database_prepare (db, sessions_sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, session_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (items, session_from_row (stmt, facilitators));
  if (rc != SQLITE_DONE)
    {
      ti_database_set_error_from_sqlite (db, rc, _("reading the sessions"), error);
      return NULL;
    }
  return g_steal_pointer (&items);
}

/**
 * ti_sessions_list:
 *
 * Every Tier 2 and 3 session with its host, facilitators and register counts, newest
 * first.
 *
 * Returns: (transfer full) (nullable): a #GListModel of #TiSession, or %NULL with @error set
 */
GListModel *
ti_sessions_list (TiDatabase *db, GError **error)
{
  g_autoptr (GPtrArray) items = NULL;
  GListStore *store;

  g_return_val_if_fail (TI_IS_DATABASE (db), NULL);

  items = load_sessions (db, 0, error);
  if (items == NULL)
    return NULL;
  /* One splice, so a bound view sees a single items-changed. */
  store = g_list_store_new (TI_TYPE_SESSION);
  g_list_store_splice (store, 0, 0, items->pdata, items->len);
  return G_LIST_MODEL (store);
}

static gpointer
read_list (TiDatabase *db, gpointer data, GError **error)
{
  return ti_sessions_list (db, error);
}

/**
 * ti_sessions_list_async:
 * @db_path: the programme file; the worker opens its own read-only connection
 *
 * Reads the list in a thread (see ti_sessions_list()).
 */
void
ti_sessions_list_async (const char *db_path, GCancellable *cancellable,
                        GAsyncReadyCallback callback, gpointer user_data)
{
  ti_database_read_async (db_path, read_list, NULL, NULL, g_object_unref, cancellable, callback,
                          user_data);
}

/**
 * ti_sessions_list_finish:
 *
 * Returns: (transfer full) (nullable): a #GListModel of #TiSession, or %NULL with @error set
 */
GListModel *
ti_sessions_list_finish (GAsyncResult *result, GError **error)
{
  return ti_database_read_finish (result, error);
}

/**
 * ti_sessions_get:
 * @session_id: the session
 *
 * Returns: (transfer full) (nullable): the session with its facilitators, or %NULL with
 *   @error set (%TI_SESSIONS_ERROR_NOT_FOUND when there is no such session)
 */
TiSession *
ti_sessions_get (TiDatabase *db, gint64 session_id, GError **error)
{
  g_autoptr (GPtrArray) items = NULL;

  g_return_val_if_fail (TI_IS_DATABASE (db), NULL);

  if (session_id <= 0)
    items = g_ptr_array_new ();
  else
    items = load_sessions (db, session_id, error);
  if (items == NULL)
    return NULL;
  if (items->len == 0)
    {
      g_set_error (error, TI_SESSIONS_ERROR, TI_SESSIONS_ERROR_NOT_FOUND,
                   _("This session is no longer in the programme."));
      return NULL;
    }
  return g_object_ref (g_ptr_array_index (items, 0));
}
