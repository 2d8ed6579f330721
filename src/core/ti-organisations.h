/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "ti-database.h"
#include "ti-organisation.h"

G_BEGIN_DECLS

#define TI_ORGANISATIONS_ERROR (ti_organisations_error_quark ())

/**
 * TiOrganisationsError:
 * @TI_ORGANISATIONS_ERROR_NAME: the name is missing or used by another organisation
 * @TI_ORGANISATIONS_ERROR_SECTOR: not a sector key
 * @TI_ORGANISATIONS_ERROR_LOCALITY: not a locality key
 * @TI_ORGANISATIONS_ERROR_HEADCOUNT: negative
 * @TI_ORGANISATIONS_ERROR_PARENT: missing, itself, or a cycle
 * @TI_ORGANISATIONS_ERROR_NOT_FOUND: no organisation has this id
 * @TI_ORGANISATIONS_ERROR_IN_USE: people belong to it, so it cannot be deleted
 * @TI_ORGANISATIONS_ERROR_MERGE: an organisation cannot be merged into itself
 * @TI_ORGANISATIONS_ERROR_UNMERGE: a merge cannot be undone, the programme has changed since
 *
 * Validation codes name the field at fault.
 */
typedef enum
{
  TI_ORGANISATIONS_ERROR_NAME,
  TI_ORGANISATIONS_ERROR_SECTOR,
  TI_ORGANISATIONS_ERROR_LOCALITY,
  TI_ORGANISATIONS_ERROR_HEADCOUNT,
  TI_ORGANISATIONS_ERROR_PARENT,
  TI_ORGANISATIONS_ERROR_NOT_FOUND,
  TI_ORGANISATIONS_ERROR_IN_USE,
  TI_ORGANISATIONS_ERROR_MERGE,
  TI_ORGANISATIONS_ERROR_UNMERGE,
} TiOrganisationsError;

GQuark ti_organisations_error_quark (void);

GListModel *ti_organisations_list (TiDatabase *db, GError **error);
GListModel *ti_organisations_list_choices (TiDatabase *db, GError **error);
void ti_organisations_list_async (const char *db_path, GCancellable *cancellable,
                                  GAsyncReadyCallback callback, gpointer user_data);
GListModel *ti_organisations_list_finish (GAsyncResult *result, GError **error);

/**
 * TiOrganisationEdit:
 * @id: 0 for a new organisation
 * @name: required, unique case-insensitively; trimmed
 * @sector: a sector key (ti_vocabulary_sectors())
 * @locality: a locality key (ti_vocabulary_localities())
 * @headcount: workforce headcount, ≥ 0 (0 means unknown)
 * @parent_id: 0 for none; not itself and not one of its own descendants
 *
 * The editor's values; strings are borrowed.
 */
typedef struct
{
  gint64 id;
  const char *name;
  const char *sector;
  const char *locality;
  gint64 headcount;
  gint64 parent_id;
} TiOrganisationEdit;

gboolean ti_organisations_validate (TiDatabase *db, const TiOrganisationEdit *edit,
                                    GError **error);
gboolean ti_organisations_save (TiDatabase *db, const TiOrganisationEdit *edit, gint64 *out_id,
                                GError **error);
gboolean ti_organisations_delete (TiDatabase *db, gint64 id, GError **error);

typedef struct _TiOrganisationMergeSnapshot TiOrganisationMergeSnapshot;

void ti_organisation_merge_snapshot_free (TiOrganisationMergeSnapshot *snapshot);
gint64 ti_organisation_merge_snapshot_get_merge_id (const TiOrganisationMergeSnapshot *snapshot);

gboolean ti_organisations_merge (TiDatabase *db, gint64 keep_id, gint64 merge_id,
                                 TiOrganisationMergeSnapshot **out_snapshot, GError **error);
gboolean ti_organisations_unmerge (TiDatabase *db, const TiOrganisationMergeSnapshot *snapshot,
                                   GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TiOrganisationMergeSnapshot, ti_organisation_merge_snapshot_free)

G_END_DECLS
