/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ti-chart.h"

G_BEGIN_DECLS

#define TI_TYPE_COLUMN_CHART (ti_column_chart_get_type ())
G_DECLARE_FINAL_TYPE (TiColumnChart, ti_column_chart, TI, COLUMN_CHART, TiChart)

TiChart *ti_column_chart_new (const char *title);

gboolean ti_column_chart_get_stacked (TiColumnChart *self);
void ti_column_chart_set_stacked (TiColumnChart *self, gboolean stacked);
gboolean ti_column_chart_get_horizontal (TiColumnChart *self);
void ti_column_chart_set_horizontal (TiColumnChart *self, gboolean horizontal);

G_END_DECLS
