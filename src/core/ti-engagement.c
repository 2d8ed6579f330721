/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ti-engagement"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ti-engagement.h"

/*
 * Engagement with people with lived experience: the activities, each with its participants
 * counted by group (never named), what it influenced and its "you said, we did" actions.
 * Editing is in ti-engagement-edit.c, the actions and deleting in ti-engagement-actions.c,
 * the evaluation figures in ti-engagement-figures.c.
 */

G_DEFINE_QUARK (ti-engagement-error-quark, ti_engagement_error)

#define COL_TEXT(stmt, i) ((const char *) sqlite3_column_text ((stmt), (i)))

/* ?1 is one activity's id, or 0 for every activity. The influences come as their keys in the
 * vocabulary's order, joined by commas. */
static const char activities_sql[] =
  "SELECT a.id, a.held_on, a.kind, a.title, a.summary, a.young_people,"
  "  a.adults_lived_experience, a.parents_carers, a.professionals, a.community_members,"
  "  (SELECT group_concat(area, ',') FROM"
  "    (SELECT area FROM engagement_influences i WHERE i.activity_id = a.id"
  "     ORDER BY CASE area WHEN 'principles' THEN 0 WHEN 'charter' THEN 1"
  "       WHEN 'training' THEN 2 WHEN 'service_delivery' THEN 3 ELSE 4 END)),"
  "  (SELECT count(*) FROM engagement_actions x WHERE x.activity_id = a.id"
  "     AND x.status <> 'done'),"
  "  (SELECT count(*) FROM engagement_actions x WHERE x.activity_id = a.id"
  "     AND x.status = 'done')"
  " FROM engagement_activities a"
  " WHERE ?1 = 0 OR a.id = ?1"
  " ORDER BY a.held_on DESC, a.id DESC";

static TiEngagementActivity *
activity_from_row (sqlite3_stmt *stmt)
{
  g_auto (GStrv) areas = NULL;
  TiEngagementActivityFields f = {
    .id = sqlite3_column_int64 (stmt, 0),
    .held_on = COL_TEXT (stmt, 1),
    .kind = COL_TEXT (stmt, 2),
    .title = COL_TEXT (stmt, 3),
    .summary = COL_TEXT (stmt, 4),
    .actions_open = sqlite3_column_int (stmt, 11),
    .actions_done = sqlite3_column_int (stmt, 12),
  };

  for (guint g = 0; g < TI_ENGAGEMENT_N_GROUPS; g++)
    f.counts[g] = sqlite3_column_int (stmt, 5 + g);
  if (sqlite3_column_type (stmt, 10) != SQLITE_NULL)
    areas = g_strsplit (COL_TEXT (stmt, 10), ",", -1);
  f.areas = (const char *const *) areas;
  return ti_engagement_activity_new (&f);
}

static GPtrArray *
load_activities (TiDatabase *db, gint64 activity_id, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = ti_database_prepare (db, activities_sql, error);
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, activity_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (items, activity_from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      ti_database_set_error_from_sqlite (db, rc, _("reading the engagement activities"), error);
      return NULL;
    }
  return g_steal_pointer (&items);
}

/**
 * ti_engagement_list:
 *
 * Every engagement activity with its counts, influences and how many of its actions are
 * open and done, newest first.
 *
 * Returns: (transfer full) (nullable): a #GListModel of #TiEngagementActivity, or %NULL
 *   with @error set
 */
GListModel *
ti_engagement_list (TiDatabase *db, GError **error)
{
  g_autoptr (GPtrArray) items = NULL;
  GListStore *store;

  g_return_val_if_fail (TI_IS_DATABASE (db), NULL);

  items = load_activities (db, 0, error);
  if (items == NULL)
    return NULL;
  store = g_list_store_new (TI_TYPE_ENGAGEMENT_ACTIVITY);
  g_list_store_splice (store, 0, 0, items->pdata, items->len);
  return G_LIST_MODEL (store);
}

static gpointer
read_list (TiDatabase *db, gpointer data, GError **error)
{
  return ti_engagement_list (db, error);
}

/**
 * ti_engagement_list_async:
 * @db_path: the programme file; the worker opens its own read-only connection
 *
 * Reads the list in a thread (see ti_engagement_list()).
 */
void
ti_engagement_list_async (const char *db_path, GCancellable *cancellable,
                          GAsyncReadyCallback callback, gpointer user_data)
{
  ti_database_read_async (db_path, read_list, NULL, NULL, g_object_unref, cancellable, callback,
                          user_data);
}

/**
 * ti_engagement_list_finish:
 *
 * Returns: (transfer full) (nullable): a #GListModel of #TiEngagementActivity, or %NULL
 *   with @error set
 */
GListModel *
ti_engagement_list_finish (GAsyncResult *result, GError **error)
{
  return ti_database_read_finish (result, error);
}

/**
 * ti_engagement_get:
 * @activity_id: the activity
 *
 * Returns: (transfer full) (nullable): the activity, or %NULL with @error set
 *   (%TI_ENGAGEMENT_ERROR_NOT_FOUND when there is no such activity)
 */
TiEngagementActivity *
ti_engagement_get (TiDatabase *db, gint64 activity_id, GError **error)
{
  g_autoptr (GPtrArray) items = NULL;

  g_return_val_if_fail (TI_IS_DATABASE (db), NULL);

  items = activity_id > 0 ? load_activities (db, activity_id, error) : g_ptr_array_new ();
  if (items == NULL)
    return NULL;
  if (items->len == 0)
    {
      g_set_error (error, TI_ENGAGEMENT_ERROR, TI_ENGAGEMENT_ERROR_NOT_FOUND,
                   _("This engagement activity is no longer in the programme."));
      return NULL;
    }
  return g_object_ref (g_ptr_array_index (items, 0));
}

/**
 * ti_engagement_list_actions:
 * @activity_id: the activity
 *
 * The activity's "you said, we did" actions: those not yet done first, each group by due
 * date (none last), then in the order they were added.
 *
 * Returns: (transfer full) (element-type TiEngagementAction) (nullable): the actions, or
 *   %NULL with @error set
 */
GPtrArray *
ti_engagement_list_actions (TiDatabase *db, gint64 activity_id, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GPtrArray) actions
    = g_ptr_array_new_with_free_func ((GDestroyNotify) ti_engagement_action_free);
  int rc;

  g_return_val_if_fail (TI_IS_DATABASE (db), NULL);

  stmt = ti_database_prepare (
    db,
    "SELECT id, activity_id, you_said, we_did, owner, due_on, status FROM engagement_actions"
    " WHERE activity_id = ?"
    " ORDER BY status = 'done', due_on IS NULL, due_on, id",
    error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, activity_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TiEngagementAction *action = g_new0 (TiEngagementAction, 1);

      action->id = sqlite3_column_int64 (stmt, 0);
      action->activity_id = sqlite3_column_int64 (stmt, 1);
      action->you_said = g_strdup (COL_TEXT (stmt, 2));
      action->we_did = g_strdup (COL_TEXT (stmt, 3));
      action->owner = g_strdup (COL_TEXT (stmt, 4));
      action->due_on = g_strdup (COL_TEXT (stmt, 5));
      ti_engagement_action_status_from_key (COL_TEXT (stmt, 6), &action->status);
      g_ptr_array_add (actions, action);
    }
  if (rc != SQLITE_DONE)
    {
      ti_database_set_error_from_sqlite (db, rc, _("reading the actions"), error);
      return NULL;
    }
  return g_steal_pointer (&actions);
}
