/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ti-series"

#include "config.h"

#include <math.h>

#include "ti-format.h"
#include "ti-series.h"

typedef struct
{
  char *label;
  char *key;
  char *group;
  char *state_label;
  guint state;
} Category;

struct _TiSeries
{
  gatomicrefcount ref_count;
  char *key;
  TiSeriesFormat format;
  guint n_categories;
  guint n_series;
  Category *categories; /* n_categories */
  char **series_names;  /* n_series */
  double *values;       /* n_series × n_categories, series by series */
};

G_DEFINE_BOXED_TYPE (TiSeries, ti_series, ti_series_ref, ti_series_unref)

/**
 * ti_series_new:
 * @key: (nullable): what the series is, stable, for code and the workbook ("reach_by_sector")
 * @format: how its values read
 * @n_categories: how many categories
 * @n_series: how many series, at least one
 *
 * Returns: (transfer full): a series with every value NAN, categories and series unnamed
 */
TiSeries *
ti_series_new (const char *key, TiSeriesFormat format, guint n_categories, guint n_series)
{
  TiSeries *self = g_new0 (TiSeries, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->key = g_strdup (key);
  self->format = format;
  self->n_categories = n_categories;
  self->n_series = MAX (n_series, 1);
  self->categories = g_new0 (Category, n_categories);
  self->series_names = g_new0 (char *, self->n_series + 1);
  self->values = g_new (double, (gsize) self->n_series * MAX (n_categories, 1));
  for (gsize i = 0; i < (gsize) self->n_series * n_categories; i++)
    self->values[i] = NAN;
  return self;
}

TiSeries *
ti_series_ref (TiSeries *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
ti_series_unref (TiSeries *self)
{
  g_return_if_fail (self != NULL);
  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  for (guint i = 0; i < self->n_categories; i++)
    {
      g_free (self->categories[i].label);
      g_free (self->categories[i].key);
      g_free (self->categories[i].group);
      g_free (self->categories[i].state_label);
    }
  g_free (self->categories);
  g_strfreev (self->series_names);
  g_free (self->values);
  g_free (self->key);
  g_free (self);
}

/**
 * ti_series_get_key:
 *
 * Returns: (nullable): what the series is, as given to ti_series_new()
 */
const char *
ti_series_get_key (const TiSeries *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->key;
}

TiSeriesFormat
ti_series_get_format (const TiSeries *self)
{
  g_return_val_if_fail (self != NULL, TI_SERIES_FORMAT_COUNT);
  return self->format;
}

guint
ti_series_get_n_categories (const TiSeries *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_categories;
}

guint
ti_series_get_n_series (const TiSeries *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_series;
}

static void
replace (char **field, const char *value)
{
  g_free (*field);
  *field = g_strdup (value);
}

/**
 * ti_series_set_category:
 * @self: a series being built
 * @category: which category
 * @label: what a person reads ("Police")
 * @key: (nullable): what opening it shows: a sector's key, an event's id
 */
void
ti_series_set_category (TiSeries *self, guint category, const char *label, const char *key)
{
  g_return_if_fail (self != NULL && category < self->n_categories);
  replace (&self->categories[category].label, label);
  replace (&self->categories[category].key, key);
}

/**
 * ti_series_set_category_month:
 * @self: a series being built
 * @category: which category
 * @year: the year
 * @month: the month, 1 to 12
 *
 * Makes the category a month: labelled "Jun 2023", with the key "2023-06".
 */
void
ti_series_set_category_month (TiSeries *self, guint category, int year, int month)
{
  g_autofree char *iso = g_strdup_printf ("%04d-%02d", year, month);
  g_autofree char *label = ti_format_month (iso);

  ti_series_set_category (self, category, label, iso);
}

/**
 * ti_series_set_category_group:
 * @self: a series being built
 * @category: which category
 * @group: (nullable): the lane it belongs to, such as a milestone's workstream
 */
void
ti_series_set_category_group (TiSeries *self, guint category, const char *group)
{
  g_return_if_fail (self != NULL && category < self->n_categories);
  replace (&self->categories[category].group, group);
}

/**
 * ti_series_set_category_state:
 * @self: a series being built
 * @category: which category
 * @state: a number for its status, such as a #TiMilestoneStatus; charts choose colour and shape
 *   from it
 * @state_label: the status in words ("Late"), always shown beside colour and shape
 */
void
ti_series_set_category_state (TiSeries *self, guint category, guint state,
                              const char *state_label)
{
  g_return_if_fail (self != NULL && category < self->n_categories);
  self->categories[category].state = state;
  replace (&self->categories[category].state_label, state_label);
}

const char *
ti_series_get_category_label (const TiSeries *self, guint category)
{
  g_return_val_if_fail (self != NULL && category < self->n_categories, NULL);
  return self->categories[category].label ? self->categories[category].label : "";
}

const char *
ti_series_get_category_key (const TiSeries *self, guint category)
{
  g_return_val_if_fail (self != NULL && category < self->n_categories, NULL);
  return self->categories[category].key;
}

const char *
ti_series_get_category_group (const TiSeries *self, guint category)
{
  g_return_val_if_fail (self != NULL && category < self->n_categories, NULL);
  return self->categories[category].group;
}

guint
ti_series_get_category_state (const TiSeries *self, guint category)
{
  g_return_val_if_fail (self != NULL && category < self->n_categories, 0);
  return self->categories[category].state;
}

const char *
ti_series_get_category_state_label (const TiSeries *self, guint category)
{
  g_return_val_if_fail (self != NULL && category < self->n_categories, NULL);
  return self->categories[category].state_label;
}

/**
 * ti_series_set_series_name:
 * @self: a series being built
 * @series: which series
 * @name: what the legend calls it ("Tier 2")
 */
void
ti_series_set_series_name (TiSeries *self, guint series, const char *name)
{
  g_return_if_fail (self != NULL && series < self->n_series);
  replace (&self->series_names[series], name);
}

const char *
ti_series_get_series_name (const TiSeries *self, guint series)
{
  g_return_val_if_fail (self != NULL && series < self->n_series, NULL);
  return self->series_names[series] ? self->series_names[series] : "";
}

/**
 * ti_series_set_value:
 * @self: a series being built
 * @series: which series
 * @category: which category
 * @value: the figure, in the series' format; NAN when there is nothing to measure
 */
void
ti_series_set_value (TiSeries *self, guint series, guint category, double value)
{
  g_return_if_fail (self != NULL && series < self->n_series && category < self->n_categories);
  self->values[(gsize) series * self->n_categories + category] = value;
}

/**
 * ti_series_get_value:
 *
 * Returns: the figure of @series in @category, NAN when there is none
 */
double
ti_series_get_value (const TiSeries *self, guint series, guint category)
{
  g_return_val_if_fail (self != NULL && series < self->n_series && category < self->n_categories,
                        NAN);
  return self->values[(gsize) series * self->n_categories + category];
}

/**
 * ti_series_has_values:
 *
 * Returns: whether any value is a number: a chart with none shows its empty state
 */
gboolean
ti_series_has_values (const TiSeries *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  for (gsize i = 0; i < (gsize) self->n_series * self->n_categories; i++)
    if (!isnan (self->values[i]))
      return TRUE;
  return FALSE;
}

/**
 * ti_series_get_range:
 * @self: a series
 * @stacked: whether the series are drawn stacked, so a category's values add up
 * @low: (out): the smallest value (or stacked total), never above 0 for counts and percentages
 * @high: (out): the largest, never below 0 for counts and percentages
 *
 * The range an axis must show; NAN values are left out.
 */
void
ti_series_get_range (const TiSeries *self, gboolean stacked, double *low, double *high)
{
  gboolean from_zero;
  gboolean any = FALSE;

  g_return_if_fail (self != NULL);

  from_zero = self->format == TI_SERIES_FORMAT_COUNT || self->format == TI_SERIES_FORMAT_PERCENT;
  *low = from_zero ? 0 : INFINITY;
  *high = from_zero ? 0 : -INFINITY;
  for (guint c = 0; c < self->n_categories; c++)
    {
      double positive = 0, negative = 0;

      for (guint s = 0; s < self->n_series; s++)
        {
          double value = ti_series_get_value (self, s, c);

          if (isnan (value))
            continue;
          any = TRUE;
          if (stacked)
            {
              if (value >= 0)
                positive += value;
              else
                negative += value;
            }
          else
            {
              *low = MIN (*low, value);
              *high = MAX (*high, value);
            }
        }
      if (stacked)
        {
          *low = MIN (*low, negative);
          *high = MAX (*high, positive);
        }
    }
  if (!any && !from_zero)
    *low = *high = 0;
}

/**
 * ti_series_format_value:
 * @format: how the value reads
 * @value: a value, or NAN
 *
 * Returns: (transfer full): the value as every page, tooltip and table shows it: "1,204",
 *   "42.5%", "3.40", "Jun 2023"; "—" for NAN
 */
char *
ti_series_format_value (TiSeriesFormat format, double value)
{
  if (isnan (value))
    return g_strdup ("—");
  switch (format)
    {
    case TI_SERIES_FORMAT_PERCENT:
      {
        g_autofree char *number = ti_format_decimal (value * 100, 1, FALSE);
        return g_strdup_printf ("%s%%", number);
      }
    case TI_SERIES_FORMAT_SCORE:
      return ti_format_confidence (value);
    case TI_SERIES_FORMAT_MONTH:
      {
        gint64 months = (gint64) floor (value);
        g_autofree char *iso = g_strdup_printf ("%04" G_GINT64_FORMAT "-%02d",
                                                months / 12, (int) (months % 12) + 1);
        return ti_format_month (iso);
      }
    case TI_SERIES_FORMAT_COUNT:
    default:
      return ti_format_count ((gint64) llround (value));
    }
}

/**
 * ti_series_format:
 *
 * Returns: (transfer full): @value in @self's format, see ti_series_format_value()
 */
char *
ti_series_format (const TiSeries *self, double value)
{
  g_return_val_if_fail (self != NULL, NULL);
  return ti_series_format_value (self->format, value);
}

/* Okabe and Ito's palette, told apart with every common colour vision deficiency; black is
 * left out, being the text colour, and a neutral grey closes it for an eighth series. */
static const guint32 palette[TI_SERIES_N_COLOURS] = {
  0x0072B2, /* blue */
  0xE69F00, /* orange */
  0x009E73, /* bluish green */
  0xCC79A7, /* reddish purple */
  0x56B4E9, /* sky blue */
  0xD55E00, /* vermillion */
  0xF0E442, /* yellow */
  0x999999, /* grey */
};

/**
 * ti_series_colour:
 * @index: the series, from 0; the palette repeats
 *
 * The colour a series is drawn in, the same on the dashboards and in the workbook's charts.
 *
 * Returns: the colour as 0xRRGGBB
 */
guint32
ti_series_colour (guint index)
{
  return palette[index % TI_SERIES_N_COLOURS];
}
