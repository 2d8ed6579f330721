/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ti-chart-private.h"
#include "ti-column-chart.h"

G_BEGIN_DECLS

/* What the files of the column chart share: its columns as worked out from the data. */

typedef struct
{
  double from, to; /* the values where its column starts and ends (stacked, on those below) */
  gboolean missing;
  char *label;
} Item;

struct _TiColumnChart
{
  TiChart parent_instance;

  gboolean stacked;
  gboolean horizontal;

  /* Worked out when the data changes; the axis is fitted to the room whenever the chart is
   * laid out. */
  TiChartAxis axis;
  double low, high; /* the range the axis covers, 0 always in it */
  guint n_categories;
  guint n_series;
  GArray *items;   /* of Item, series by series */
  GPtrArray *ends; /* a category's total (stacked), or NULL */
};

char *ti_column_chart_describe (TiChart *chart);

G_END_DECLS
