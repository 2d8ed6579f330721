/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "ti-database.h"
#include "ti-overview.h"

G_BEGIN_DECLS

#define TI_TYPE_OVERVIEW_VIEW (ti_overview_view_get_type ())
G_DECLARE_FINAL_TYPE (TiOverviewView, ti_overview_view, TI, OVERVIEW_VIEW, GtkWidget)

void ti_overview_view_set_database (TiOverviewView *self, TiDatabase *database);
void ti_overview_view_reload (TiOverviewView *self);
gboolean ti_overview_view_is_loading (TiOverviewView *self);

G_END_DECLS
