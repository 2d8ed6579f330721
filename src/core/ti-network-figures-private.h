/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ti-charter.h"
#include "ti-network-figures.h"
#include "ti-training-figures-private.h"

G_BEGIN_DECLS

/* An organisation of the network (id, name, sector, locality, headcount, its parent and its
 * top-level organisation): the tree the Tier 1 tally reads too. */
typedef TiOrganisationNode TiNetworkOrganisation;

/* An organisation's own charter adoption. */
typedef struct
{
  gboolean adopting;        /* past "not started" */
  char consultation_on[11]; /* its dates; "" when not recorded */
  char signed_on[11];
} TiNetworkCharter;

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
  TiOrganisationTree *tree;
  GArray *organisations;       /* of TiNetworkOrganisation: the tree's */
  TiNetworkCharter *charters;  /* one for each organisation, by the same index */
  GArray *champions;           /* of TiNetworkChampion, by person id */
} TiNetworkTally;

TiNetworkTally *ti_network_tally_new (TiDatabase *db, GError **error);
TiNetworkTally *ti_network_tally_new_for (TiDatabase *db, TiOrganisationTree *tree,
                                          GError **error);
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
