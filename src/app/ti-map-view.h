/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "ti-database.h"
#include "ti-network-map.h"

G_BEGIN_DECLS

#define TI_TYPE_MAP_VIEW (ti_map_view_get_type ())
G_DECLARE_FINAL_TYPE (TiMapView, ti_map_view, TI, MAP_VIEW, GtkWidget)

void ti_map_view_set_database (TiMapView *self, TiDatabase *database);
void ti_map_view_reload (TiMapView *self);
gboolean ti_map_view_is_loading (TiMapView *self);
TiNetworkMap *ti_map_view_get_map (TiMapView *self);

G_END_DECLS
