/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ti-chart.h"

G_BEGIN_DECLS

#define TI_TYPE_CHART_TABLE (ti_chart_table_get_type ())
G_DECLARE_FINAL_TYPE (TiChartTable, ti_chart_table, TI, CHART_TABLE, GtkWidget)

GtkWidget *ti_chart_table_new (TiChart *chart);
TiChart *ti_chart_table_get_chart (TiChartTable *self);
GtkColumnView *ti_chart_table_get_column_view (TiChartTable *self);
char *ti_chart_table_get_cell_text (TiChartTable *self, guint row, guint column);

G_END_DECLS
