/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "ti-chart.h"
#include "ti-network-graph.h"

G_BEGIN_DECLS

#define TI_TYPE_NETWORK_MAP (ti_network_map_get_type ())
G_DECLARE_FINAL_TYPE (TiNetworkMap, ti_network_map, TI, NETWORK_MAP, GtkWidget)

GtkWidget *ti_network_map_new (void);

void ti_network_map_set_graph (TiNetworkMap *self, TiNetworkGraph *graph);
TiNetworkGraph *ti_network_map_get_graph (TiNetworkMap *self);

void ti_network_map_set_filter (TiNetworkMap *self, const char *sector, const char *locality,
                                int min_tier);
gboolean ti_network_map_node_is_shown (TiNetworkMap *self, guint node);

int ti_network_map_get_selected (TiNetworkMap *self);
void ti_network_map_select (TiNetworkMap *self, int node);
void ti_network_map_focus_node (TiNetworkMap *self, guint node);

void ti_network_map_zoom_by (TiNetworkMap *self, double factor);
void ti_network_map_fit (TiNetworkMap *self);
double ti_network_map_get_zoom (TiNetworkMap *self);

int ti_network_map_node_at (TiNetworkMap *self, double x, double y);
void ti_network_map_node_position (TiNetworkMap *self, guint node, double *x, double *y);
char *ti_network_map_describe_node (TiNetworkMap *self, guint node);
void ti_network_map_zoom_at (TiNetworkMap *self, double factor, double x, double y);

void ti_network_map_draw (TiNetworkMap *self, cairo_t *cr, int width, int height);
gboolean ti_network_map_save (TiNetworkMap *self, const char *path, TiChartFileFormat format,
                              GError **error);

G_END_DECLS
