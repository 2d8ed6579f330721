/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ti-engagement"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ti-engagement.h"
#include "ti-row-set.h"

/*
 * Deleting an engagement activity (with what it influenced and its actions) or one of its
 * actions, and putting either back exactly (Undo).
 */

#define N_TABLES 3

/* What a delete removes, in the order it is put back (the activity first). */
static const struct
{
  const char *table;
  const char *sql;
} activity_tables[N_TABLES] = {
  { "engagement_activities", "SELECT * FROM engagement_activities WHERE id = ?" },
  { "engagement_influences", "SELECT * FROM engagement_influences WHERE activity_id = ?" },
  { "engagement_actions", "SELECT * FROM engagement_actions WHERE activity_id = ?" },
}, action_table = { "engagement_actions", "SELECT * FROM engagement_actions WHERE id = ?" };

struct _TiEngagementSnapshot
{
  gint64 id;
  gboolean is_action; /* one action, or a whole activity */
  guint n_tables;
  TiRowSet tables[N_TABLES];
};

/**
 * ti_engagement_snapshot_free:
 * @snapshot: (nullable) (transfer full): from ti_engagement_delete() or
 *   ti_engagement_remove_action()
 */
void
ti_engagement_snapshot_free (TiEngagementSnapshot *snapshot)
{
  if (snapshot == NULL)
    return;
  for (guint t = 0; t < snapshot->n_tables; t++)
    ti_row_set_clear (&snapshot->tables[t]);
  g_free (snapshot);
}

/**
 * ti_engagement_snapshot_get_id:
 *
 * Returns: the id of the activity or action the snapshot holds
 */
gint64
ti_engagement_snapshot_get_id (const TiEngagementSnapshot *snapshot)
{
  return snapshot->id;
}

static const char *
table_name (const TiEngagementSnapshot *snapshot, guint t)
{
  return snapshot->is_action ? action_table.table : activity_tables[t].table;
}

static const char *
entity (const TiEngagementSnapshot *snapshot)
{
  return snapshot->is_action ? "engagement_action" : "engagement_activity";
}

static gboolean
delete_in_transaction (TiDatabase *db, TiEngagementSnapshot *snapshot, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;

  for (guint t = 0; t < snapshot->n_tables; t++)
    if (!ti_row_set_capture (&snapshot->tables[t], db,
                             snapshot->is_action ? action_table.sql : activity_tables[t].sql,
                             snapshot->id, error))
      return FALSE;
  if (snapshot->tables[0].rows->len == 0)
    {
      g_set_error_literal (error, TI_ENGAGEMENT_ERROR, TI_ENGAGEMENT_ERROR_NOT_FOUND,
                           snapshot->is_action
                             ? _("This action is no longer in the programme.")
                             : _("This engagement activity is no longer in the programme."));
      return FALSE;
    }
  /* An activity's influences and actions go with it (cascade). */
  stmt = ti_database_prepare (db,
                              snapshot->is_action
                                ? "DELETE FROM engagement_actions WHERE id = ?"
                                : "DELETE FROM engagement_activities WHERE id = ?",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, snapshot->id);
  return ti_database_step_done (db, stmt, error)
         && ti_database_audit (db, "delete", entity (snapshot), snapshot->id, NULL, error);
}

static gboolean
delete_snapshot (TiDatabase *db, gint64 id, gboolean is_action,
                 TiEngagementSnapshot **out_snapshot, GError **error)
{
  g_autoptr (TiEngagementSnapshot) snapshot = g_new0 (TiEngagementSnapshot, 1);

  snapshot->id = id;
  snapshot->is_action = is_action;
  snapshot->n_tables = is_action ? 1 : N_TABLES;
  if (!ti_database_begin (db, error)
      || !ti_database_end (db, delete_in_transaction (db, snapshot, error), error))
    return FALSE;
  if (out_snapshot != NULL)
    *out_snapshot = g_steal_pointer (&snapshot);
  return TRUE;
}

/**
 * ti_engagement_delete:
 * @activity_id: the activity
 * @out_snapshot: (out) (optional) (transfer full): what was removed, for
 *   ti_engagement_restore(); free with ti_engagement_snapshot_free()
 *
 * Deletes an activity with what it influenced and its actions, in one transaction with an
 * audit entry.
 *
 * Returns: %TRUE when deleted; %FALSE with @error set (%TI_ENGAGEMENT_ERROR_NOT_FOUND when
 *   there is no such activity), and nothing changed, otherwise
 */
gboolean
ti_engagement_delete (TiDatabase *db, gint64 activity_id, TiEngagementSnapshot **out_snapshot,
                      GError **error)
{
  g_return_val_if_fail (TI_IS_DATABASE (db), FALSE);
  return delete_snapshot (db, activity_id, FALSE, out_snapshot, error);
}

/**
 * ti_engagement_remove_action:
 * @action_id: the action
 * @out_snapshot: (out) (optional) (transfer full): the action, for ti_engagement_restore()
 *
 * Removes one "you said, we did" action, in one transaction with an audit entry.
 *
 * Returns: %TRUE when removed; %FALSE with @error set otherwise
 */
gboolean
ti_engagement_remove_action (TiDatabase *db, gint64 action_id,
                             TiEngagementSnapshot **out_snapshot, GError **error)
{
  g_return_val_if_fail (TI_IS_DATABASE (db), FALSE);
  return delete_snapshot (db, action_id, TRUE, out_snapshot, error);
}

static gboolean
restore_in_transaction (TiDatabase *db, const TiEngagementSnapshot *snapshot, GError **error)
{
  for (guint t = 0; t < snapshot->n_tables; t++)
    if (!ti_row_set_insert (&snapshot->tables[t], db, table_name (snapshot, t), error))
      return FALSE;
  return ti_database_audit (db, "restore", entity (snapshot), snapshot->id, NULL, error);
}

/**
 * ti_engagement_restore:
 * @snapshot: from ti_engagement_delete() or ti_engagement_remove_action()
 *
 * Puts back exactly what was removed (same ids), in one transaction with an audit entry.
 * Fails with %TI_ENGAGEMENT_ERROR_RESTORE, changing nothing, when the programme no longer
 * fits (the action's activity was deleted since, or the id was taken).
 *
 * Returns: %TRUE when restored
 */
gboolean
ti_engagement_restore (TiDatabase *db, const TiEngagementSnapshot *snapshot, GError **error)
{
  g_autoptr (GError) local = NULL;

  g_return_val_if_fail (TI_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (snapshot != NULL, FALSE);

  if (!ti_database_begin (db, error))
    return FALSE;
  if (ti_database_end (db, restore_in_transaction (db, snapshot, &local), &local))
    return TRUE;
  g_set_error (error, TI_ENGAGEMENT_ERROR, TI_ENGAGEMENT_ERROR_RESTORE,
               snapshot->is_action
                 ? _("The action could not be put back, because the programme has changed "
                     "since (%s)")
                 : _("The activity could not be put back, because the programme has changed "
                     "since (%s)"),
               local->message);
  return FALSE;
}
