/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ti-database.h"

G_BEGIN_DECLS

/**
 * TiTierProgress:
 * @tier1_on: (nullable): ISO date of the earliest Tier 1 completion
 * @tier2_on: (nullable): ISO date of the earliest delivered Tier 2 session completed
 * @tier3_on: (nullable): ISO date of the earliest delivered Tier 3 session completed
 * @highest_tier: 0 (none) to 3
 *
 * A person's progression through the tiers. Clear it with ti_tier_progress_clear().
 */
typedef struct
{
  char *tier1_on;
  char *tier2_on;
  char *tier3_on;
  int highest_tier;
} TiTierProgress;

void ti_tier_progress_clear (TiTierProgress *progress);

gboolean ti_tiers_get_progress (TiDatabase *db, gint64 person_id, TiTierProgress *out_progress,
                                GError **error);

char *ti_tiers_sql (const char *person_condition);

G_END_DECLS
