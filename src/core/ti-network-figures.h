/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "ti-database.h"
#include "ti-training-figures.h"

G_BEGIN_DECLS

const TiFigureDefinition *ti_network_figure_definitions (guint *n_definitions);
const TiFigureDefinition *ti_network_figure_definition (const char *key);

/**
 * TiNetworkFigures:
 *
 * The champions' network and the charter as they stood on one day: the period's last day,
 * or the day the figures are as of when that is earlier or the period is open. Each figure
 * is defined in ti_network_figure_definitions() under the name of its field. Fill it with
 * ti_network_figures_compute() and clear it with ti_network_figures_clear().
 */
typedef struct
{
  char *from; /* the period, both days included; NULL when open */
  char *to;
  char on[11]; /* 'YYYY-MM-DD': the day the figures stand on */

  guint active_champions;
  guint organisations_in_network;
  guint organisations;
  guint sectors_with_champion;
  guint charter_signatories;
} TiNetworkFigures;

gboolean ti_network_figures_compute (TiDatabase *db, const char *from, const char *to,
                                     const char *as_of, TiNetworkFigures *out, GError **error);
void ti_network_figures_clear (TiNetworkFigures *figures);
void ti_network_figures_free (TiNetworkFigures *figures);
void ti_network_figures_compute_async (const char *db_path, const char *from, const char *to,
                                       const char *as_of, GCancellable *cancellable,
                                       GAsyncReadyCallback callback, gpointer user_data);
TiNetworkFigures *ti_network_figures_compute_finish (GAsyncResult *result, GError **error);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (TiNetworkFigures, ti_network_figures_clear)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TiNetworkFigures, ti_network_figures_free)

G_END_DECLS
