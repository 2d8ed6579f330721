/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <math.h>

#include "ti-series.h"
#include "test-util.h"

/* A chart's table: what it holds is what was put in, values not set stay "no data". */
static void
test_series_holds_what_was_set (void)
{
  g_autoptr (TiSeries) series = ti_series_new ("sessions_by_kind", TI_SERIES_FORMAT_COUNT, 3, 2);

  ti_series_set_category (series, 0, "Coordinator", "coordinator");
  ti_series_set_category (series, 1, "Psychologist", "psychologist");
  ti_series_set_category_month (series, 2, 2023, 6);
  ti_series_set_series_name (series, 0, "Tier 2");
  ti_series_set_series_name (series, 1, "Tier 3");
  ti_series_set_value (series, 0, 0, 4);
  ti_series_set_value (series, 1, 0, 2);
  ti_series_set_value (series, 1, 2, 7);

  g_assert_cmpstr (ti_series_get_key (series), ==, "sessions_by_kind");
  g_assert_cmpuint (ti_series_get_n_categories (series), ==, 3);
  g_assert_cmpuint (ti_series_get_n_series (series), ==, 2);
  g_assert_cmpstr (ti_series_get_category_label (series, 1), ==, "Psychologist");
  g_assert_cmpstr (ti_series_get_category_key (series, 1), ==, "psychologist");
  g_assert_cmpstr (ti_series_get_category_label (series, 2), ==, "Jun 2023");
  g_assert_cmpstr (ti_series_get_category_key (series, 2), ==, "2023-06");
  g_assert_cmpstr (ti_series_get_series_name (series, 1), ==, "Tier 3");
  g_assert_cmpfloat (ti_series_get_value (series, 1, 2), ==, 7);
  g_assert_true (isnan (ti_series_get_value (series, 0, 1)));
  g_assert_true (ti_series_has_values (series));
}

static void
test_series_without_values_is_empty (void)
{
  g_autoptr (TiSeries) none = ti_series_new (NULL, TI_SERIES_FORMAT_COUNT, 0, 1);
  g_autoptr (TiSeries) blank = ti_series_new (NULL, TI_SERIES_FORMAT_PERCENT, 4, 1);
  double low, high;

  g_assert_false (ti_series_has_values (none));
  g_assert_false (ti_series_has_values (blank));
  ti_series_get_range (blank, FALSE, &low, &high);
  g_assert_cmpfloat (low, ==, 0);
  g_assert_cmpfloat (high, ==, 0);
}

/* Side by side the axis must reach the largest value; stacked, the largest total. */
static void
test_series_range (void)
{
  g_autoptr (TiSeries) series = ti_series_new (NULL, TI_SERIES_FORMAT_COUNT, 2, 2);
  g_autoptr (TiSeries) scores = ti_series_new (NULL, TI_SERIES_FORMAT_SCORE, 2, 2);
  double low, high;

  ti_series_set_value (series, 0, 0, 3);
  ti_series_set_value (series, 1, 0, 4);
  ti_series_set_value (series, 0, 1, 6);
  ti_series_get_range (series, FALSE, &low, &high);
  g_assert_cmpfloat (low, ==, 0);
  g_assert_cmpfloat (high, ==, 6);
  ti_series_get_range (series, TRUE, &low, &high);
  g_assert_cmpfloat (high, ==, 7);

  /* Scores do not start at zero: the axis fits them. */
  ti_series_set_value (scores, 0, 0, 2.5);
  ti_series_set_value (scores, 1, 0, 3.75);
  ti_series_get_range (scores, FALSE, &low, &high);
  g_assert_cmpfloat (low, ==, 2.5);
  g_assert_cmpfloat (high, ==, 3.75);
}

static void
test_series_formats (void)
{
  g_autofree char *count = ti_series_format_value (TI_SERIES_FORMAT_COUNT, 1204);
  g_autofree char *percent = ti_series_format_value (TI_SERIES_FORMAT_PERCENT, 0.4251);
  g_autofree char *score = ti_series_format_value (TI_SERIES_FORMAT_SCORE, 3.4);
  g_autofree char *month = ti_series_format_value (TI_SERIES_FORMAT_MONTH, 2023 * 12 + 5);
  g_autofree char *none = ti_series_format_value (TI_SERIES_FORMAT_PERCENT, NAN);

  g_assert_cmpstr (count, ==, "1,204");
  g_assert_cmpstr (percent, ==, "42.5%");
  g_assert_cmpstr (score, ==, "3.40");
  g_assert_cmpstr (month, ==, "Jun 2023");
  g_assert_cmpstr (none, ==, "—");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/series/holds-what-was-set", test_series_holds_what_was_set);
  g_test_add_func ("/series/without-values-is-empty", test_series_without_values_is_empty);
  g_test_add_func ("/series/range", test_series_range);
  g_test_add_func ("/series/formats", test_series_formats);
  return g_test_run ();
}
