/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ti-engagement"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ti-engagement.h"
#include "ti-record-snapshot.h"

/*
 * Deleting an engagement activity (with what it influenced and its actions) or one of its
 * actions, and putting either back exactly (Undo).
 */

/* What deleting an activity removes, in the order it is put back (the activity first). */
static const TiKeptRows activity_rows[] = {
  { "engagement_activities", "SELECT * FROM engagement_activities WHERE id = ?" },
  { "engagement_influences", "SELECT * FROM engagement_influences WHERE activity_id = ?" },
  { "engagement_actions", "SELECT * FROM engagement_actions WHERE activity_id = ?" },
};

static const TiKeptRows action_rows[] = {
  { "engagement_actions", "SELECT * FROM engagement_actions WHERE id = ?" },
};

static const TiRecordKind activity_record = {
  .entity = "engagement_activity",
  .kept = activity_rows,
  .n_kept = G_N_ELEMENTS (activity_rows),
  .error_domain = ti_engagement_error_quark,
  .not_found_code = TI_ENGAGEMENT_ERROR_NOT_FOUND,
  .not_found = N_("This engagement activity is no longer in the programme."),
  .restore_code = TI_ENGAGEMENT_ERROR_RESTORE,
  .restore_failed = N_("The activity could not be put back, because the programme has changed "
                       "since (%s)"),
};

static const TiRecordKind action_record = {
  .entity = "engagement_action",
  .kept = action_rows,
  .n_kept = G_N_ELEMENTS (action_rows),
  .error_domain = ti_engagement_error_quark,
  .not_found_code = TI_ENGAGEMENT_ERROR_NOT_FOUND,
  .not_found = N_("This action is no longer in the programme."),
  .restore_code = TI_ENGAGEMENT_ERROR_RESTORE,
  .restore_failed = N_("The action could not be put back, because the programme has changed "
                       "since (%s)"),
};

/* A #TiEngagementSnapshot is a #TiRecordSnapshot under engagement's own name: an activity
 * or one action. */

/**
 * ti_engagement_snapshot_free:
 * @snapshot: (nullable) (transfer full): from ti_engagement_delete() or
 *   ti_engagement_remove_action()
 */
void
ti_engagement_snapshot_free (TiEngagementSnapshot *snapshot)
{
  ti_record_snapshot_free ((TiRecordSnapshot *) snapshot);
}

/**
 * ti_engagement_snapshot_get_id:
 *
 * Returns: the id of the activity or action the snapshot holds
 */
gint64
ti_engagement_snapshot_get_id (const TiEngagementSnapshot *snapshot)
{
  return ti_record_snapshot_get_id ((const TiRecordSnapshot *) snapshot);
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
  return ti_record_delete (db, &activity_record, activity_id,
                           (TiRecordSnapshot **) out_snapshot, error);
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
  return ti_record_delete (db, &action_record, action_id, (TiRecordSnapshot **) out_snapshot,
                           error);
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
  g_return_val_if_fail (TI_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (snapshot != NULL, FALSE);

  return ti_record_restore (db, (const TiRecordSnapshot *) snapshot, error);
}
