/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ti-database.h"

G_BEGIN_DECLS

#define TI_PROGRAMME_SETTINGS_ERROR (ti_programme_settings_error_quark ())

typedef enum
{
  TI_PROGRAMME_SETTINGS_ERROR_NAME,
  TI_PROGRAMME_SETTINGS_ERROR_PERIOD,
  TI_PROGRAMME_SETTINGS_ERROR_THRESHOLD,
  TI_PROGRAMME_SETTINGS_ERROR_ORGANISATION,
} TiProgrammeSettingsError;

/* What belongs to the programme, stored in the programme file (not in GSettings). */
typedef struct
{
  char *name;
  GDate period_start; /* the evaluation period, both days included */
  GDate period_end;
  int suppression_threshold; /* counts below this are hidden in organisation-level tables */
  char *export_organisation; /* named as author organisation in exports */
} TiProgrammeSettings;

#define TI_SUPPRESSION_THRESHOLD_MAX 50

GQuark ti_programme_settings_error_quark (void);

TiProgrammeSettings *ti_programme_settings_new_default (void);
TiProgrammeSettings *ti_programme_settings_copy (const TiProgrammeSettings *settings);
void ti_programme_settings_free (TiProgrammeSettings *settings);
TiProgrammeSettings *ti_programme_settings_load (TiDatabase *db, GError **error);
gboolean ti_programme_settings_validate (const TiProgrammeSettings *settings, GError **error);
gboolean ti_programme_settings_save (const TiProgrammeSettings *settings, TiDatabase *db,
                                     GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TiProgrammeSettings, ti_programme_settings_free)

G_END_DECLS
