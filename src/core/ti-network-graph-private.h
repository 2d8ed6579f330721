/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <igraph.h>

#include "ti-network-graph.h"

G_BEGIN_DECLS

/* The files of the network graph: building (ti-network-graph.c), measuring
 * (ti-network-graph-measures.c, with betweenness in ti-network-graph-betweenness.c) and
 * laying out (ti-network-graph-layout.c). */

TiNetworkGraph *ti_network_graph_new (TiNetworkMode mode);
TiNetworkGraph *ti_network_graph_read (TiDatabase *db, TiNetworkMode mode, const char *as_of,
                                       GError **error);
gboolean ti_network_graph_layout_from_today (TiNetworkGraph *graph, TiDatabase *db,
                                             GCancellable *cancellable, GError **error);
gboolean ti_network_graph_measure (TiNetworkGraph *graph, GError **error);
void ti_sector_matrix_clear (TiSectorMatrix *matrix);
void ti_network_graph_betweenness (const TiNetworkGraph *graph, double *betweenness);
gboolean ti_network_graph_to_igraph (const TiNetworkGraph *graph, igraph_t *out, GError **error);
/* Debian's igraph is built without thread safety (IGRAPH_THREAD_SAFE is 0): its error
 * handler, its clean-up stack and its random number generator are global. Every use of
 * igraph in the programme holds this lock. */
void ti_network_graph_igraph_lock (void);
void ti_network_graph_igraph_unlock (void);
gboolean ti_network_graph_set_igraph_error (igraph_error_t code, const char *doing,
                                            GError **error);

G_END_DECLS
