/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "ti-database.h"
#include "ti-engagement-activity.h"

G_BEGIN_DECLS

#define TI_ENGAGEMENT_ERROR (ti_engagement_error_quark ())

/**
 * TiEngagementError:
 * @TI_ENGAGEMENT_ERROR_DATE: the date is missing, malformed, impossible or in the future
 * @TI_ENGAGEMENT_ERROR_KIND: not one of the kinds of activity
 * @TI_ENGAGEMENT_ERROR_TITLE: the title is missing
 * @TI_ENGAGEMENT_ERROR_COUNTS: a count is not a whole number from 0 to 1,000,000, or every
 *   count is 0
 * @TI_ENGAGEMENT_ERROR_AREAS: an unknown influence area, or one listed twice
 * @TI_ENGAGEMENT_ERROR_YOU_SAID: an action without what was said
 * @TI_ENGAGEMENT_ERROR_WE_DID: an action marked done without what was done
 * @TI_ENGAGEMENT_ERROR_DUE: an action's due date cannot be read
 * @TI_ENGAGEMENT_ERROR_STATUS: not open, in progress or done
 * @TI_ENGAGEMENT_ERROR_NOT_FOUND: no such activity or action
 * @TI_ENGAGEMENT_ERROR_RESTORE: what was deleted could not be put back
 *
 * Validation codes name the field at fault, so an editor can show the message beside it.
 */
typedef enum
{
  TI_ENGAGEMENT_ERROR_DATE,
  TI_ENGAGEMENT_ERROR_KIND,
  TI_ENGAGEMENT_ERROR_TITLE,
  TI_ENGAGEMENT_ERROR_COUNTS,
  TI_ENGAGEMENT_ERROR_AREAS,
  TI_ENGAGEMENT_ERROR_YOU_SAID,
  TI_ENGAGEMENT_ERROR_WE_DID,
  TI_ENGAGEMENT_ERROR_DUE,
  TI_ENGAGEMENT_ERROR_STATUS,
  TI_ENGAGEMENT_ERROR_NOT_FOUND,
  TI_ENGAGEMENT_ERROR_RESTORE,
} TiEngagementError;

GQuark ti_engagement_error_quark (void);

#define TI_ENGAGEMENT_MAX_COUNT 1000000

/* Reading ------------------------------------------------------------------------------ */

GListModel *ti_engagement_list (TiDatabase *db, GError **error);
void ti_engagement_list_async (const char *db_path, GCancellable *cancellable,
                               GAsyncReadyCallback callback, gpointer user_data);
GListModel *ti_engagement_list_finish (GAsyncResult *result, GError **error);
TiEngagementActivity *ti_engagement_get (TiDatabase *db, gint64 activity_id, GError **error);
GPtrArray *ti_engagement_list_actions (TiDatabase *db, gint64 activity_id, GError **error);

/* Editing activities ------------------------------------------------------------------- */

/**
 * TiEngagementEdit:
 * @id: 0 for a new activity
 * @held_on: as typed: `YYYY-MM-DD` or `DD/MM/YYYY`; not in the future
 * @kind: a kind's key
 * @title: required; trimmed
 * @summary: (nullable): what happened and what was heard; trimmed, empty is none
 * @counts: participants in each #TiEngagementGroup, 0 to %TI_ENGAGEMENT_MAX_COUNT; at least
 *   one above 0
 * @areas: (nullable) (array zero-terminated=1): the keys of what it influenced, each once;
 *   none is allowed (the influence may be known later)
 *
 * The editor's values; strings are borrowed.
 */
typedef struct
{
  gint64 id;
  const char *held_on;
  const char *kind;
  const char *title;
  const char *summary;
  gint64 counts[TI_ENGAGEMENT_N_GROUPS];
  const char *const *areas;
} TiEngagementEdit;

GPtrArray *ti_engagement_validate_all (TiDatabase *db, const TiEngagementEdit *edit,
                                       GError **error);
gboolean ti_engagement_save (TiDatabase *db, const TiEngagementEdit *edit, gint64 *out_id,
                             GError **error);

/* "You said, we did" actions ----------------------------------------------------------- */

/**
 * TiEngagementActionEdit:
 * @id: 0 for a new action
 * @activity_id: the activity it belongs to
 * @you_said: what participants said; required
 * @we_did: (nullable): what was done; required once it is done
 * @owner: (nullable): a role or team (never a participant's name)
 * @due_on: (nullable): as typed, `YYYY-MM-DD` or `DD/MM/YYYY`; empty for none
 * @status: open, in progress or done
 */
typedef struct
{
  gint64 id;
  gint64 activity_id;
  const char *you_said;
  const char *we_did;
  const char *owner;
  const char *due_on;
  TiEngagementActionStatus status;
} TiEngagementActionEdit;

GPtrArray *ti_engagement_validate_action (TiDatabase *db, const TiEngagementActionEdit *edit,
                                          GError **error);
gboolean ti_engagement_save_action (TiDatabase *db, const TiEngagementActionEdit *edit,
                                    gint64 *out_id, GError **error);
gboolean ti_engagement_set_action_status (TiDatabase *db, gint64 action_id,
                                          TiEngagementActionStatus status, GError **error);

/* Delete and undo ---------------------------------------------------------------------- */

typedef struct _TiEngagementSnapshot TiEngagementSnapshot;

void ti_engagement_snapshot_free (TiEngagementSnapshot *snapshot);
gint64 ti_engagement_snapshot_get_id (const TiEngagementSnapshot *snapshot);

gboolean ti_engagement_delete (TiDatabase *db, gint64 activity_id,
                               TiEngagementSnapshot **out_snapshot, GError **error);
gboolean ti_engagement_remove_action (TiDatabase *db, gint64 action_id,
                                      TiEngagementSnapshot **out_snapshot, GError **error);
gboolean ti_engagement_restore (TiDatabase *db, const TiEngagementSnapshot *snapshot,
                                GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TiEngagementSnapshot, ti_engagement_snapshot_free)

G_END_DECLS
