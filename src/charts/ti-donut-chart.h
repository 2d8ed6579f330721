/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ti-chart.h"

G_BEGIN_DECLS

#define TI_TYPE_DONUT_CHART (ti_donut_chart_get_type ())
G_DECLARE_FINAL_TYPE (TiDonutChart, ti_donut_chart, TI, DONUT_CHART, TiChart)

TiChart *ti_donut_chart_new (const char *title);
double ti_donut_chart_get_share (TiDonutChart *self, guint category);

G_END_DECLS
