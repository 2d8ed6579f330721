/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "ti-network-map.h"

G_BEGIN_DECLS

/* The widest the panel gets beside the map: the map has the rest. */
#define TI_MAP_PANEL_MAX_WIDTH 360

#define TI_TYPE_MAP_PANEL (ti_map_panel_get_type ())
G_DECLARE_FINAL_TYPE (TiMapPanel, ti_map_panel, TI, MAP_PANEL, GtkWidget)

void ti_map_panel_set_map (TiMapPanel *self, TiNetworkMap *map);
TiNetworkMap *ti_map_panel_get_map (TiMapPanel *self);
void ti_map_panel_update (TiMapPanel *self);
void ti_map_panel_update_shown (TiMapPanel *self);

G_END_DECLS
