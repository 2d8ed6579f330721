/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * TiSeriesFormat:
 * @TI_SERIES_FORMAT_COUNT: whole numbers ("1,204")
 * @TI_SERIES_FORMAT_PERCENT: shares from 0 to 1, shown as percentages ("42%")
 * @TI_SERIES_FORMAT_SCORE: means on a scale, shown with one decimal ("3.4")
 * @TI_SERIES_FORMAT_MONTH: months counted as year × 12 + month − 1, shown as "Jun 2023"
 *
 * How the values of a #TiSeries read.
 */
typedef enum
{
  TI_SERIES_FORMAT_COUNT,
  TI_SERIES_FORMAT_PERCENT,
  TI_SERIES_FORMAT_SCORE,
  TI_SERIES_FORMAT_MONTH,
} TiSeriesFormat;

/**
 * TiSeries:
 *
 * A small table of figures, as a chart draws it and a workbook sheet lists it: categories
 * (columns of a chart, months of a line, slices of a donut) by series (the coloured sets of
 * values, such as tiers). Every value is computed in `core`; a value with nothing to measure is
 * NAN. A category may carry a key (what opening it shows, e.g. a sector's key or an event's
 * id), a group (a lane, such as a milestone's workstream) and a state (a status, such as "Late",
 * with a number that kinds of chart use to choose a colour and a shape).
 *
 * Reference counted and immutable once handed over, so a worker thread can build it and the
 * main thread can draw it.
 */
typedef struct _TiSeries TiSeries;

#define TI_TYPE_SERIES (ti_series_get_type ())
GType ti_series_get_type (void) G_GNUC_CONST;

TiSeries *ti_series_new (const char *key, TiSeriesFormat format, guint n_categories,
                         guint n_series);
TiSeries *ti_series_ref (TiSeries *self);
void ti_series_unref (TiSeries *self);

const char *ti_series_get_key (const TiSeries *self);
TiSeriesFormat ti_series_get_format (const TiSeries *self);
guint ti_series_get_n_categories (const TiSeries *self);
guint ti_series_get_n_series (const TiSeries *self);

void ti_series_set_category (TiSeries *self, guint category, const char *label, const char *key);
void ti_series_set_category_month (TiSeries *self, guint category, int year, int month);
void ti_series_set_category_group (TiSeries *self, guint category, const char *group);
void ti_series_set_category_state (TiSeries *self, guint category, guint state,
                                   const char *state_label);
const char *ti_series_get_category_label (const TiSeries *self, guint category);
const char *ti_series_get_category_key (const TiSeries *self, guint category);
const char *ti_series_get_category_group (const TiSeries *self, guint category);
guint ti_series_get_category_state (const TiSeries *self, guint category);
const char *ti_series_get_category_state_label (const TiSeries *self, guint category);

void ti_series_set_series_name (TiSeries *self, guint series, const char *name);
const char *ti_series_get_series_name (const TiSeries *self, guint series);

void ti_series_set_value (TiSeries *self, guint series, guint category, double value);
double ti_series_get_value (const TiSeries *self, guint series, guint category);
gboolean ti_series_has_values (const TiSeries *self);
void ti_series_get_range (const TiSeries *self, gboolean stacked, double *low, double *high);

#define TI_SERIES_N_COLOURS 8
guint32 ti_series_colour (guint index);

char *ti_series_format_value (TiSeriesFormat format, double value);
char *ti_series_format (const TiSeries *self, double value);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TiSeries, ti_series_unref)

G_END_DECLS
