/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ti-charter.h"
#include "ti-network-figures.h"
#include "ti-training-figures-private.h"

G_BEGIN_DECLS

typedef struct
{
  gint64 id;
  char *name;
  char *sector;
  char *locality;
  gint64 headcount;
  int root;                 /* index of its top-level organisation (itself when top-level) */
  gboolean adopting;        /* its own adoption is past "not started" */
  char consultation_on[11]; /* its own adoption's dates; "" when not recorded */
  char signed_on[11];
} TiNetworkOrganisation;

typedef struct
{
  gint64 person_id;
  char *name;
  int organisation; /* index into the organisations, -1 when none */
  gboolean erased;
  char since[11];
  char inactive_from[11]; /* paused or stepped down from this day; "" while active */
} TiNetworkChampion;

/* The organisations (in name order) and the champions, read once and judged on any day. */
typedef struct
{
  GArray *organisations; /* of TiNetworkOrganisation */
  GArray *champions;     /* of TiNetworkChampion, by person id */
} TiNetworkTally;

TiNetworkTally *ti_network_tally_new (TiDatabase *db, GError **error);
void ti_network_tally_free (TiNetworkTally *tally);

gboolean ti_network_champion_is_active (const TiNetworkChampion *champion, const char *day);
const TiNetworkChampion *ti_network_tally_find_champion (const TiNetworkTally *tally,
                                                         gint64 person_id);
guint ti_network_tally_count_active (const TiNetworkTally *tally, const char *day);
guint ti_network_tally_mark_rooted (const TiNetworkTally *tally, const char *day, gboolean *rooted);
void ti_network_tally_charter_stages (const TiNetworkTally *tally, const char *day,
                                      TiCharterStage *stages);

void ti_network_figures_count (const TiNetworkTally *tally, const char *from, const char *to,
                               const TiPeriod *period, const char *today, TiNetworkFigures *out);

#define TI_NETWORK_ORGANISATION(tally, i)                                                          \
  (&g_array_index ((tally)->organisations, TiNetworkOrganisation, (i)))
#define TI_NETWORK_IS_TOP_LEVEL(tally, i) (TI_NETWORK_ORGANISATION (tally, i)->root == (int)(i))

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TiNetworkTally, ti_network_tally_free)

G_END_DECLS
