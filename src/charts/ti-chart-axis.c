/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ti-chart-axis"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "ti-chart-axis.h"
#include "ti-format.h"

/*
 * The axis of a chart, worked out without a display: which ticks to draw for a range of values
 * and how to write them. Charts call it when their data changes, never while drawing.
 */

/* Steps are 1, 2, 2.5 or 5 times a power of ten; 2.5 gives quarters for percentages. */
static const double nice_steps[] = { 1.0, 2.0, 2.5, 5.0, 10.0 };

/**
 * ti_chart_axis_compute:
 * @low: the smallest value to show
 * @high: the largest value to show
 * @counts: the values are counts: zero is on the axis and no step is smaller than one
 * @max_ticks: at most this many ticks (at least 2 are used)
 * @axis: (out caller-allocates): the axis chosen
 *
 * Chooses "nice" ticks covering @low to @high: the smallest step of 1, 2, 2.5 or 5 times a
 * power of ten that needs no more than @max_ticks ticks. An empty range (no data, or every value
 * the same) still gives an axis of two ticks, so a chart never divides by zero.
 */
void
ti_chart_axis_compute (double low, double high, gboolean counts, guint max_ticks,
                       TiChartAxis *axis)
{
  double range, raw, magnitude;

  g_return_if_fail (axis != NULL);

  if (!isfinite (low))
    low = 0;
  if (!isfinite (high))
    high = low;
  if (high < low)
    {
      double swap = low;
      low = high;
      high = swap;
    }
  if (counts)
    {
      low = MIN (low, 0);
      high = MAX (high, 0);
    }
  max_ticks = MAX (max_ticks, 2);

  range = high - low;
  if (range <= 0)
    {
      /* One value: an axis from it to one step above (or from zero, for a count of zero). */
      range = low == 0 ? 1 : fabs (low);
      high = low + range;
    }

  raw = range / (max_ticks - 1);
  if (!isfinite (raw) || raw <= 0)
    {
      /* Beyond what a double can step through: the range itself, in one step. */
      axis->min = low;
      axis->max = high;
      axis->step = isfinite (range) && range > 0 ? range : 1;
      axis->n_ticks = 2;
      return;
    }
  magnitude = pow (10, floor (log10 (raw)));

  for (;;)
    {
      for (guint i = 0; i < G_N_ELEMENTS (nice_steps); i++)
        {
          double step = nice_steps[i] * magnitude;
          double first, last;
          guint n;

          if (counts && step < 1)
            continue;
          /* A count axis never has steps of 2.5. */
          if (counts && step != floor (step))
            continue;
          first = floor (low / step + 1e-9) * step;
          last = ceil (high / step - 1e-9) * step;
          n = (guint) llround ((last - first) / step) + 1;
          if (n < 2)
            {
              last = first + step;
              n = 2;
            }
          if (n <= max_ticks)
            {
              axis->min = first;
              axis->max = last;
              axis->step = step;
              axis->n_ticks = n;
              return;
            }
        }
      magnitude *= 10;
    }
}

/**
 * ti_chart_axis_tick:
 * @axis: an axis from ti_chart_axis_compute()
 * @index: which tick, from 0 (the lowest)
 *
 * Returns: the value at tick @index
 */
double
ti_chart_axis_tick (const TiChartAxis *axis, guint index)
{
  double value = axis->min + index * axis->step;

  /* No "-0" and no 0.30000000000000004 in labels. */
  value = round (value / axis->step * 1e6) / 1e6 * axis->step;
  return value == 0 ? 0 : value;
}

/**
 * ti_chart_axis_fraction:
 * @axis: an axis from ti_chart_axis_compute()
 * @value: a value
 *
 * Returns: where @value lies on @axis: 0 at its first tick, 1 at its last
 */
double
ti_chart_axis_fraction (const TiChartAxis *axis, double value)
{
  if (axis->max <= axis->min)
    return 0;
  return (value - axis->min) / (axis->max - axis->min);
}

/**
 * ti_chart_axis_format_count:
 * @value: a count
 *
 * Returns: (transfer full): @value as a whole number with thousands grouped ("25,000")
 */
char *
ti_chart_axis_format_count (double value)
{
  return ti_format_count ((gint64) llround (value));
}

/**
 * ti_chart_axis_format_percent:
 * @fraction: a proportion, 1 being the whole
 * @step: the axis's step, as a proportion, which decides how many decimals are needed
 *
 * Returns: (transfer full): @fraction as a percentage ("25%", "2.5%")
 */
char *
ti_chart_axis_format_percent (double fraction, double step)
{
  double percent_step = fabs (step) * 100;
  int digits = 0;
  g_autofree char *number = NULL;

  while (digits < 3 && percent_step > 0
         && fabs (percent_step * pow (10, digits) - round (percent_step * pow (10, digits))) > 1e-6)
    digits++;
  number = ti_format_decimal (fraction * 100 == 0 ? 0 : fraction * 100, digits, FALSE);
  /* Translators: a percentage on a chart's axis, %s being the number */
  return g_strdup_printf (C_("chart axis", "%s%%"), number);
}

/**
 * ti_chart_axis_format_month:
 * @year: the year
 * @month: the month, 1 to 12; months outside are carried into the year
 *
 * Returns: (transfer full): the month as people read it ("Jun 2023")
 */
char *
ti_chart_axis_format_month (int year, int month)
{
  g_autofree char *iso = NULL;

  year += (month - 1) / 12 - ((month - 1) % 12 < 0 ? 1 : 0);
  month = ((month - 1) % 12 + 12) % 12 + 1;
  iso = g_strdup_printf ("%04d-%02d", year, month);
  return ti_format_month (iso);
}
