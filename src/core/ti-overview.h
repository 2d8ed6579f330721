/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ti-database.h"

G_BEGIN_DECLS

/* The five destinations of the window, in sidebar order. */
typedef enum
{
  TI_DESTINATION_NETWORK_MAP,
  TI_DESTINATION_TRAINING_TIERS,
  TI_DESTINATION_CHAMPIONS,
  TI_DESTINATION_EVENTS,
  TI_DESTINATION_EVALUATION,
  TI_N_DESTINATIONS
} TiDestination;

gboolean ti_overview_programme_is_empty (TiDatabase *db, GError **error);


G_END_DECLS
