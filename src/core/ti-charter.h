/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "ti-database.h"

G_BEGIN_DECLS

#define TI_CHARTER_ERROR (ti_charter_error_quark ())

/**
 * TiCharterError:
 * @TI_CHARTER_ERROR_NAME: a principle's name is missing or already used
 * @TI_CHARTER_ERROR_POSITION: a position outside the list
 * @TI_CHARTER_ERROR_STAGE: not an adoption stage
 * @TI_CHARTER_ERROR_CONSULTATION_DATE: consultation date missing or in the future
 * @TI_CHARTER_ERROR_SIGNED_ON: signed date missing or in the future
 * @TI_CHARTER_ERROR_SIGNATORY_NAME: signatory's name missing
 * @TI_CHARTER_ERROR_SIGNATORY_ROLE: signatory's role missing
 * @TI_CHARTER_ERROR_REVIEW_ON: review date missing, or before the signing
 * @TI_CHARTER_ERROR_ACTION: a commitment's action missing
 * @TI_CHARTER_ERROR_DONE_ON: a commitment's done date in the future
 * @TI_CHARTER_ERROR_NOT_FOUND: no such principle, organisation or commitment
 *
 * Validation codes name the field at fault.
 */
typedef enum
{
  TI_CHARTER_ERROR_NAME,
  TI_CHARTER_ERROR_POSITION,
  TI_CHARTER_ERROR_STAGE,
  TI_CHARTER_ERROR_CONSULTATION_DATE,
  TI_CHARTER_ERROR_SIGNED_ON,
  TI_CHARTER_ERROR_SIGNATORY_NAME,
  TI_CHARTER_ERROR_SIGNATORY_ROLE,
  TI_CHARTER_ERROR_REVIEW_ON,
  TI_CHARTER_ERROR_ACTION,
  TI_CHARTER_ERROR_DONE_ON,
  TI_CHARTER_ERROR_NOT_FOUND,
} TiCharterError;

GQuark ti_charter_error_quark (void);

/**
 * TiCharterStage:
 *
 * An organisation's adoption of the charter, in order of progress.
 */
typedef enum
{
  TI_CHARTER_STAGE_NOT_STARTED,
  TI_CHARTER_STAGE_CONSULTATION,
  TI_CHARTER_STAGE_SIGNED,
  TI_CHARTER_STAGE_REVIEW_DUE,
  TI_CHARTER_N_STAGES
} TiCharterStage;

const char *ti_charter_stage_key (TiCharterStage stage);
const char *ti_charter_stage_label (const char *key);
int ti_charter_stage_from_key (const char *key);

/* Principles --------------------------------------------------------------------------- */

GListModel *ti_charter_list_principles (TiDatabase *db, GError **error);
gboolean ti_charter_add_principle (TiDatabase *db, const char *name, const char *description,
                                   gint64 *out_id, GError **error);
gboolean ti_charter_rename_principle (TiDatabase *db, gint64 id, const char *name,
                                      GError **error);
gboolean ti_charter_move_principle (TiDatabase *db, gint64 id, guint position, GError **error);
gboolean ti_charter_remove_principle (TiDatabase *db, gint64 id, GError **error);

/* Adoption ----------------------------------------------------------------------------- */

/**
 * TiCharterAdoption:
 * @organisation_id: the organisation
 * @stage: where it stands
 * @consultation_started_on: required from consultation on; not in the future
 * @signed_on: required when signed or review due; not in the future
 * @signatory_name: (nullable): required when signed or review due
 * @signatory_role: (nullable): required when signed or review due
 * @review_on: required when review is due; not before @signed_on
 *
 * An organisation's adoption. Invalid (zero-filled) dates mean "no date". From
 * ti_charter_get_adoption() the strings are owned: clear with ti_charter_adoption_clear();
 * passed to ti_charter_set_adoption() they are only read.
 */
typedef struct
{
  gint64 organisation_id;
  TiCharterStage stage;
  GDate consultation_started_on;
  GDate signed_on;
  char *signatory_name;
  char *signatory_role;
  GDate review_on;
} TiCharterAdoption;

void ti_charter_adoption_clear (TiCharterAdoption *adoption);
gboolean ti_charter_get_adoption (TiDatabase *db, gint64 organisation_id,
                                  TiCharterAdoption *out_adoption, GError **error);
gboolean ti_charter_validate_adoption (const TiCharterAdoption *adoption, GError **error);
gboolean ti_charter_set_adoption (TiDatabase *db, const TiCharterAdoption *adoption,
                                  GError **error);

/* Commitments -------------------------------------------------------------------------- */

/**
 * TiCharterCommitment:
 * @id: its id
 * @action: what the organisation committed to do
 * @due_on: (nullable): ISO date
 * @done_on: (nullable): ISO date, set when done
 */
typedef struct
{
  gint64 id;
  char *action;
  char *due_on;
  char *done_on;
} TiCharterCommitment;

GPtrArray *ti_charter_list_commitments (TiDatabase *db, gint64 organisation_id, GError **error);
gboolean ti_charter_add_commitment (TiDatabase *db, gint64 organisation_id, const char *action,
                                    const GDate *due_on, const GDate *done_on, gint64 *out_id,
                                    GError **error);
gboolean ti_charter_update_commitment (TiDatabase *db, gint64 id, const char *action,
                                       const GDate *due_on, const GDate *done_on,
                                       GError **error);
gboolean ti_charter_remove_commitment (TiDatabase *db, gint64 id, GError **error);

/* Adoption across all partners ----------------------------------------------------------- */

/**
 * TiCharterSectorRow:
 * @sector_key: the sector
 * @sector: its label
 * @counts: organisations at each #TiCharterStage
 * @total: organisations in the sector
 */
typedef struct
{
  char *sector_key;
  const char *sector;
  guint counts[TI_CHARTER_N_STAGES];
  guint total;
} TiCharterSectorRow;

/**
 * TiCharterOverview:
 * @counts: organisations at each #TiCharterStage (no adoption record counts as not started)
 * @total: all organisations
 * @sectors: (element-type TiCharterSectorRow): one row per sector with organisations, in
 *   the vocabulary's order
 */
typedef struct
{
  guint counts[TI_CHARTER_N_STAGES];
  guint total;
  GPtrArray *sectors;
} TiCharterOverview;

void ti_charter_overview_free (TiCharterOverview *overview);
TiCharterOverview *ti_charter_get_overview (TiDatabase *db, GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TiCharterOverview, ti_charter_overview_free)

G_END_DECLS
