/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "ti-database.h"
#include "ti-milestone.h"

G_BEGIN_DECLS

#define TI_MILESTONES_ERROR (ti_milestones_error_quark ())

/**
 * TiMilestonesError:
 * @TI_MILESTONES_ERROR_TITLE: the title is missing
 * @TI_MILESTONES_ERROR_WORKSTREAM: not one of the four workstreams
 * @TI_MILESTONES_ERROR_DUE_MONTH: the due month is missing, malformed or impossible
 * @TI_MILESTONES_ERROR_DONE_ON: the done date is malformed, impossible or in the future
 * @TI_MILESTONES_ERROR_EVIDENCE: the evidence chosen is missing or not in the programme
 * @TI_MILESTONES_ERROR_NOT_FOUND: no milestone has this id
 * @TI_MILESTONES_ERROR_RESTORE: a deleted milestone could not be put back
 *
 * Validation codes name the field at fault, so an editor can show the message beside it.
 */
typedef enum
{
  TI_MILESTONES_ERROR_TITLE,
  TI_MILESTONES_ERROR_WORKSTREAM,
  TI_MILESTONES_ERROR_DUE_MONTH,
  TI_MILESTONES_ERROR_DONE_ON,
  TI_MILESTONES_ERROR_EVIDENCE,
  TI_MILESTONES_ERROR_NOT_FOUND,
  TI_MILESTONES_ERROR_RESTORE,
} TiMilestonesError;

GQuark ti_milestones_error_quark (void);

/* The four workstreams ---------------------------------------------------------------- */

const char *const *ti_workstream_keys (guint *n_keys);
const char *ti_workstream_label (const char *key);

/* Reading ------------------------------------------------------------------------------ */

GListModel *ti_milestones_list (TiDatabase *db, const GDate *today, GError **error);
void ti_milestones_list_async (const char *db_path, GCancellable *cancellable,
                               GAsyncReadyCallback callback, gpointer user_data);
GListModel *ti_milestones_list_finish (GAsyncResult *result, GError **error);
TiMilestone *ti_milestones_get (TiDatabase *db, gint64 milestone_id, GError **error);

/**
 * TiEvidenceChoice:
 * @id: the event, session or organisation
 * @label: how the editor offers it: “Launch event — 26 Jan 2023”
 */
typedef struct
{
  gint64 id;
  char *label;
} TiEvidenceChoice;

GPtrArray *ti_milestones_list_evidence (TiDatabase *db, TiEvidenceKind kind, GError **error);

/* Editing ------------------------------------------------------------------------------ */

/**
 * TiMilestoneEdit:
 * @id: 0 for a new milestone
 * @workstream: principles, training, service_delivery or organisational_change
 * @title: required; trimmed
 * @due_month: as typed: `2024-05`, `05/2024`, `May 2024` (see ti_milestone_month_parse())
 * @done_on: (nullable): as typed, `YYYY-MM-DD` or `DD/MM/YYYY`; empty or %NULL when not done;
 *   not in the future
 * @evidence_kind: which kind of evidence, at most one
 * @evidence_id: the event, session or organisation (signed charter) for those kinds
 * @evidence_text: the words, for %TI_EVIDENCE_TEXT
 *
 * The editor's values. Strings are borrowed. Only the chosen kind of evidence is saved.
 */
typedef struct
{
  gint64 id;
  const char *workstream;
  const char *title;
  const char *due_month;
  const char *done_on;
  TiEvidenceKind evidence_kind;
  gint64 evidence_id;
  const char *evidence_text;
} TiMilestoneEdit;

GPtrArray *ti_milestones_validate_all (TiDatabase *db, const TiMilestoneEdit *edit, GError **error);
gboolean ti_milestones_save (TiDatabase *db, const TiMilestoneEdit *edit, gint64 *out_id,
                             GError **error);

/* Delete and undo ---------------------------------------------------------------------- */

typedef struct _TiMilestoneSnapshot TiMilestoneSnapshot;

void ti_milestone_snapshot_free (TiMilestoneSnapshot *snapshot);
gint64 ti_milestone_snapshot_get_id (const TiMilestoneSnapshot *snapshot);

gboolean ti_milestones_delete (TiDatabase *db, gint64 milestone_id,
                               TiMilestoneSnapshot **out_snapshot, GError **error);
gboolean ti_milestones_restore (TiDatabase *db, const TiMilestoneSnapshot *snapshot,
                                GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TiMilestoneSnapshot, ti_milestone_snapshot_free)

G_END_DECLS
