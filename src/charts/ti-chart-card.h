/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ti-chart.h"

G_BEGIN_DECLS

#define TI_TYPE_CHART_CARD (ti_chart_card_get_type ())
G_DECLARE_FINAL_TYPE (TiChartCard, ti_chart_card, TI, CHART_CARD, GtkWidget)

GtkWidget *ti_chart_card_new (TiChart *chart);
TiChart *ti_chart_card_get_chart (TiChartCard *self);
const char *ti_chart_card_get_subtitle (TiChartCard *self);
void ti_chart_card_set_subtitle (TiChartCard *self, const char *subtitle);
gboolean ti_chart_card_get_show_table (TiChartCard *self);
void ti_chart_card_set_show_table (TiChartCard *self, gboolean show);
void ti_chart_card_save_to_path (TiChartCard *self, const char *path, TiChartFileFormat format);
void ti_chart_card_save_as (TiChartCard *self, const char *path, TiChartFileFormat chosen);

G_END_DECLS
