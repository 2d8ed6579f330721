/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "ti-chart-axis.h"

/* A chart's value axis, worked out with no display. */

static void
assert_ticks (const TiChartAxis *axis, const double *expected, guint n_expected)
{
  g_assert_cmpuint (axis->n_ticks, ==, n_expected);
  for (guint i = 0; i < n_expected; i++)
    g_assert_cmpfloat_with_epsilon (ti_chart_axis_tick (axis, i), expected[i], 1e-9);
}

static void
test_counts (void)
{
  TiChartAxis axis;
  const double to_87[] = { 0, 20, 40, 60, 80, 100 };
  const double to_7[] = { 0, 2, 4, 6, 8 };
  const double to_25310[] = { 0, 10000, 20000, 30000 };
  const double from_12[] = { 0, 5, 10, 15, 20 };

  ti_chart_axis_compute (0, 87, TRUE, 6, &axis);
  assert_ticks (&axis, to_87, G_N_ELEMENTS (to_87));
  g_assert_cmpfloat (axis.step, ==, 20);

  ti_chart_axis_compute (0, 7, TRUE, 6, &axis);
  assert_ticks (&axis, to_7, G_N_ELEMENTS (to_7));

  ti_chart_axis_compute (0, 25310, TRUE, 5, &axis);
  assert_ticks (&axis, to_25310, G_N_ELEMENTS (to_25310));

  /* Counts always include zero, even when the smallest is well above it. */
  ti_chart_axis_compute (12, 18, TRUE, 6, &axis);
  assert_ticks (&axis, from_12, G_N_ELEMENTS (from_12));

  /* Counts never step by less than one, nor by 2.5. */
  ti_chart_axis_compute (0, 3, TRUE, 10, &axis);
  g_assert_cmpfloat (axis.step, ==, 1);
  ti_chart_axis_compute (0, 10, TRUE, 5, &axis);
  g_assert_cmpfloat (axis.step, ==, 5);

  /* Never more ticks than asked for. */
  for (double high = 1; high < 100000; high = high * 1.7 + 1)
    for (guint max_ticks = 2; max_ticks <= 10; max_ticks++)
      {
        ti_chart_axis_compute (0, high, TRUE, max_ticks, &axis);
        g_assert_cmpuint (axis.n_ticks, <=, max_ticks);
        g_assert_cmpuint (axis.n_ticks, >=, 2);
        g_assert_cmpfloat (axis.min, ==, 0);
        g_assert_cmpfloat (axis.max, >=, high);
      }
}

static void
test_no_data (void)
{
  TiChartAxis axis;
  const double zero_to_one[] = { 0, 1 };
  g_autofree char *first = NULL;

  /* No data: still an axis, from 0 to 1, so nothing divides by zero. */
  ti_chart_axis_compute (0, 0, TRUE, 6, &axis);
  assert_ticks (&axis, zero_to_one, G_N_ELEMENTS (zero_to_one));
  g_assert_cmpfloat (ti_chart_axis_fraction (&axis, 0), ==, 0);
  g_assert_cmpfloat (ti_chart_axis_fraction (&axis, 1), ==, 1);
  first = ti_chart_axis_format_count (ti_chart_axis_tick (&axis, 0));
  g_assert_cmpstr (first, ==, "0");

  /* One value that is not a count. */
  ti_chart_axis_compute (4.2, 4.2, FALSE, 6, &axis);
  g_assert_cmpuint (axis.n_ticks, >=, 2);
  g_assert_cmpfloat (axis.min, <=, 4.2);
  g_assert_cmpfloat (axis.max, >, 4.2);
}

static void
test_percent (void)
{
  TiChartAxis axis;
  const char *quarters[] = { "0%", "25%", "50%", "75%", "100%" };
  g_autofree char *half_step = NULL;

  ti_chart_axis_compute (0, 1, FALSE, 5, &axis);
  g_assert_cmpuint (axis.n_ticks, ==, G_N_ELEMENTS (quarters));
  for (guint i = 0; i < axis.n_ticks; i++)
    {
      g_autofree char *label = ti_chart_axis_format_percent (ti_chart_axis_tick (&axis, i),
                                                             axis.step);
      g_assert_cmpstr (label, ==, quarters[i]);
    }

  /* Fine steps keep the decimals they need. */
  ti_chart_axis_compute (0, 0.1, FALSE, 5, &axis);
  g_assert_cmpfloat_with_epsilon (axis.step, 0.025, 1e-12);
  half_step = ti_chart_axis_format_percent (ti_chart_axis_tick (&axis, 1), axis.step);
  g_assert_cmpstr (half_step, ==, "2.5%");
}

static void
test_labels (void)
{
  g_autofree char *thousands = ti_chart_axis_format_count (25000);
  g_autofree char *june = ti_chart_axis_format_month (2023, 6);
  g_autofree char *carried = ti_chart_axis_format_month (2023, 13);
  g_autofree char *before = ti_chart_axis_format_month (2024, 0);

  g_assert_cmpstr (thousands, ==, "25,000");
  g_assert_cmpstr (june, ==, "Jun 2023");
  g_assert_cmpstr (carried, ==, "Jan 2024");
  g_assert_cmpstr (before, ==, "Dec 2023");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/chart-axis/counts", test_counts);
  g_test_add_func ("/chart-axis/no-data", test_no_data);
  g_test_add_func ("/chart-axis/percent", test_percent);
  g_test_add_func ("/chart-axis/labels", test_labels);

  return g_test_run ();
}
