/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ti-database.h"

G_BEGIN_DECLS

/* One table of what a delete removes: its name, and a query for the rows with one
 * parameter, the record's id. */
typedef struct
{
  const char *table;
  const char *sql;
} TiKeptRows;

/*
 * A kind of record that is deleted with Undo: its own row (first in @kept), the rows its
 * delete removes with it (cascade), and the milestones that named it as evidence (the
 * delete sets that link NULL; restoring sets it again). The messages are marked with N_().
 */
typedef struct
{
  const char *entity; /* as the audit log names it */
  const TiKeptRows *kept;
  guint n_kept;
  const char *evidence_column; /* in milestones, or NULL */
  GQuark (*error_domain) (void);
  int not_found_code;
  const char *not_found;
  int restore_code;
  const char *restore_failed; /* with %s for the reason */
} TiRecordKind;

typedef struct _TiRecordSnapshot TiRecordSnapshot;

gboolean ti_record_delete (TiDatabase *db, const TiRecordKind *kind, gint64 id,
                           TiRecordSnapshot **out_snapshot, GError **error);
gboolean ti_record_restore (TiDatabase *db, const TiRecordSnapshot *snapshot, GError **error);
gint64 ti_record_snapshot_get_id (const TiRecordSnapshot *snapshot);
void ti_record_snapshot_free (TiRecordSnapshot *snapshot);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TiRecordSnapshot, ti_record_snapshot_free)

G_END_DECLS
