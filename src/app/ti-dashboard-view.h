/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "ti-database.h"
#include "ti-evaluation.h"
#include "ti-period-chooser.h"

G_BEGIN_DECLS

#define TI_TYPE_DASHBOARD_VIEW (ti_dashboard_view_get_type ())
G_DECLARE_FINAL_TYPE (TiDashboardView, ti_dashboard_view, TI, DASHBOARD_VIEW, GtkWidget)

void ti_dashboard_view_set_database (TiDashboardView *self, TiDatabase *database);
void ti_dashboard_view_refresh (TiDashboardView *self);
gboolean ti_dashboard_view_is_loading (TiDashboardView *self);
const TiEvaluation *ti_dashboard_view_get_evaluation (TiDashboardView *self);
TiPeriodChooser *ti_dashboard_view_get_period_chooser (TiDashboardView *self);

G_END_DECLS
