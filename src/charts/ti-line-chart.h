/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ti-chart.h"

G_BEGIN_DECLS

#define TI_TYPE_LINE_CHART (ti_line_chart_get_type ())
G_DECLARE_FINAL_TYPE (TiLineChart, ti_line_chart, TI, LINE_CHART, TiChart)

TiChart *ti_line_chart_new (const char *title);

G_END_DECLS
