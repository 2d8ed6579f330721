/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * TiChartAxis:
 * @min: the first tick
 * @max: the last tick
 * @step: the distance between two ticks
 * @n_ticks: how many ticks, @min and @max included
 *
 * A value axis with "nice" ticks, as ti_chart_axis_compute() chooses them.
 */
typedef struct
{
  double min;
  double max;
  double step;
  guint n_ticks;
} TiChartAxis;

void ti_chart_axis_compute (double low, double high, gboolean counts, guint max_ticks,
                            TiChartAxis *axis);
double ti_chart_axis_tick (const TiChartAxis *axis, guint index);
double ti_chart_axis_fraction (const TiChartAxis *axis, double value);

char *ti_chart_axis_format_count (double value);
char *ti_chart_axis_format_percent (double fraction, double step);
char *ti_chart_axis_format_month (int year, int month);

G_END_DECLS
