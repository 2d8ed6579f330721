/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ti-chart.h"

G_BEGIN_DECLS

#define TI_TYPE_COLUMN_CHART (ti_column_chart_get_type ())
G_DECLARE_FINAL_TYPE (TiColumnChart, ti_column_chart, TI, COLUMN_CHART, TiChart)

TiChart *ti_column_chart_new (const char *title);
void ti_column_chart_set_data (TiColumnChart *self, const char *const *categories,
                               const double *values, guint n_values);
guint ti_column_chart_get_n_columns (TiColumnChart *self);
char *ti_column_chart_describe_column (TiColumnChart *self, guint index);

int ti_column_chart_get_selected (TiColumnChart *self);
void ti_column_chart_move_selection (TiColumnChart *self, int delta);

G_END_DECLS
