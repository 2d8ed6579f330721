/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "ti-database.h"
#include "ti-session.h"

G_BEGIN_DECLS

#define TI_SESSIONS_ERROR (ti_sessions_error_quark ())

/**
 * TiSessionsError:
 * @TI_SESSIONS_ERROR_TIER: not 2 or 3
 * @TI_SESSIONS_ERROR_TITLE: the title is missing
 * @TI_SESSIONS_ERROR_DATE: the date is missing, malformed, impossible, or in the future for
 *   a delivered session
 * @TI_SESSIONS_ERROR_TIME: the time is missing or not HH:MM
 * @TI_SESSIONS_ERROR_DURATION: not 1 to 1,440 minutes
 * @TI_SESSIONS_ERROR_MODE: not in person or online
 * @TI_SESSIONS_ERROR_HOST: the host organisation does not exist
 * @TI_SESSIONS_ERROR_CAPACITY: not a positive number
 * @TI_SESSIONS_ERROR_STATUS: not planned, delivered or cancelled
 * @TI_SESSIONS_ERROR_FACILITATORS: none, one listed twice, an unknown person or kind
 * @TI_SESSIONS_ERROR_NOT_FOUND: no session has this id
 * @TI_SESSIONS_ERROR_RESTORE: a deleted session could not be put back
 *
 * Validation codes name the field at fault, so an editor can show the message beside it.
 */
typedef enum
{
  TI_SESSIONS_ERROR_TIER,
  TI_SESSIONS_ERROR_TITLE,
  TI_SESSIONS_ERROR_DATE,
  TI_SESSIONS_ERROR_TIME,
  TI_SESSIONS_ERROR_DURATION,
  TI_SESSIONS_ERROR_MODE,
  TI_SESSIONS_ERROR_HOST,
  TI_SESSIONS_ERROR_CAPACITY,
  TI_SESSIONS_ERROR_STATUS,
  TI_SESSIONS_ERROR_FACILITATORS,
  TI_SESSIONS_ERROR_NOT_FOUND,
  TI_SESSIONS_ERROR_RESTORE,
} TiSessionsError;

GQuark ti_sessions_error_quark (void);

/* Reading ------------------------------------------------------------------------------ */

GListModel *ti_sessions_list (TiDatabase *db, GError **error);
void ti_sessions_list_async (const char *db_path, GCancellable *cancellable,
                             GAsyncReadyCallback callback, gpointer user_data);
GListModel *ti_sessions_list_finish (GAsyncResult *result, GError **error);
TiSession *ti_sessions_get (TiDatabase *db, gint64 session_id, GError **error);

/* Editing ------------------------------------------------------------------------------ */

/**
 * TiFacilitatorEdit:
 * @person_id: the person
 * @kind: coordinator, psychologist or champion
 */
typedef struct
{
  gint64 person_id;
  const char *kind;
} TiFacilitatorEdit;

/**
 * TiSessionEdit:
 * @id: 0 for a new session
 * @tier: 2 or 3
 * @title: required; trimmed
 * @date: as typed: `YYYY-MM-DD` or `DD/MM/YYYY`; not in the future for a delivered session
 * @time: as typed: `HH:MM` (24-hour; `9:30` is read as 09:30)
 * @duration_minutes: 1 to 1,440
 * @mode: in_person or online
 * @venue: (nullable): where, or the online platform
 * @host_organisation_id: 0 for none; otherwise an organisation that exists
 * @capacity: 0 for no limit, otherwise the places
 * @status: planned, delivered or cancelled
 * @facilitators: (array length=n_facilitators): one or more, each person once
 * @n_facilitators: how many
 *
 * The editor's values. Strings are borrowed. The review status is never edited here: it
 * follows from the save (see ti_review_status_after_edit()).
 */
typedef struct
{
  gint64 id;
  int tier;
  const char *title;
  const char *date;
  const char *time;
  int duration_minutes;
  const char *mode;
  const char *venue;
  gint64 host_organisation_id;
  int capacity;
  TiSessionStatus status;
  const TiFacilitatorEdit *facilitators;
  guint n_facilitators;
} TiSessionEdit;

GPtrArray *ti_sessions_validate_all (TiDatabase *db, const TiSessionEdit *edit, GError **error);
gboolean ti_sessions_save_reopens_review (TiDatabase *db, const TiSessionEdit *edit);
gboolean ti_sessions_save (TiDatabase *db, const TiSessionEdit *edit, gint64 *out_id,
                           GError **error);

/* Delete and undo ---------------------------------------------------------------------- */

typedef struct _TiSessionSnapshot TiSessionSnapshot;

void ti_session_snapshot_free (TiSessionSnapshot *snapshot);
gint64 ti_session_snapshot_get_id (const TiSessionSnapshot *snapshot);

gboolean ti_sessions_delete (TiDatabase *db, gint64 session_id, TiSessionSnapshot **out_snapshot,
                             GError **error);
gboolean ti_sessions_restore (TiDatabase *db, const TiSessionSnapshot *snapshot, GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TiSessionSnapshot, ti_session_snapshot_free)

G_END_DECLS
