/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ti-chart.h"

G_BEGIN_DECLS

#define TI_TYPE_DUMBBELL_CHART (ti_dumbbell_chart_get_type ())
G_DECLARE_FINAL_TYPE (TiDumbbellChart, ti_dumbbell_chart, TI, DUMBBELL_CHART, TiChart)

TiChart *ti_dumbbell_chart_new (const char *title);

G_END_DECLS
