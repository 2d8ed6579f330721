/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ti-column-chart"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "ti-column-chart-private.h"

/*
 * A column chart in words: how many columns and series, and the largest and smallest, stacks
 * being compared by their totals, with their parts.
 */

/* A stack in words: "Coordinator, 249 in all (Tier 2: 249, Tier 3: 0)". */
static char *
describe_stack (TiColumnChart *self, guint category)
{
  TiSeries *series = ti_chart_get_series (TI_CHART (self));
  g_autoptr (GString) parts = g_string_new (NULL);

  for (guint s = 0; s < self->n_series; s++)
    {
      g_autofree char *value = ti_series_format (series, ti_series_get_value (series, s, category));

      if (s > 0)
        /* Translators: between the parts of a stacked column ("Tier 2: 249, Tier 3: 0") */
        g_string_append (parts, _(", "));
      /* Translators: a part of a stacked column: its series and value ("Tier 2: 249") */
      g_string_append_printf (parts, C_("chart item", "%s: %s"),
                              ti_series_get_series_name (series, s), value);
    }
  /* Translators: a stacked column: its category, its total and its parts ("Coordinator, 249 in
   * all (Tier 2: 249, Tier 3: 0)") */
  return g_strdup_printf (_("%s, %s in all (%s)"),
                          ti_series_get_category_label (series, category),
                          (const char *) g_ptr_array_index (self->ends, category), parts->str);
}

/* Stacks are compared by their totals: "Largest: Coordinator, 249 in all (…). Smallest: …". */
static char *
describe_stacked_extremes (TiColumnChart *self)
{
  TiSeries *series = ti_chart_get_series (TI_CHART (self));
  guint largest = 0, smallest = 0;
  double most = -INFINITY, least = INFINITY;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  for (guint c = 0; c < self->n_categories; c++)
    {
      double total = 0;

      for (guint s = 0; s < self->n_series; s++)
        if (!isnan (ti_series_get_value (series, s, c)))
          total += ti_series_get_value (series, s, c);
      if (total > most)
        {
          most = total;
          largest = c;
        }
      if (total < least)
        {
          least = total;
          smallest = c;
        }
    }
  a = describe_stack (self, largest);
  b = describe_stack (self, smallest);
  return g_strdup_printf (_("Largest: %s. Smallest: %s."), a, b);
}

char *
ti_column_chart_describe (TiChart *chart)
{
  TiColumnChart *self = TI_COLUMN_CHART (chart);
  g_autofree char *extremes = self->stacked && self->n_series > 1
                                ? describe_stacked_extremes (self)
                                : ti_chart_describe_extremes (chart);
  g_autofree char *columns = NULL;

  if (self->horizontal)
    /* Translators: how many bars a bar chart has */
    columns = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u bar", "%u bars",
                                            self->n_categories),
                               self->n_categories);
  else
    /* Translators: how many columns a column chart has */
    columns = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u column", "%u columns",
                                            self->n_categories),
                               self->n_categories);
  if (self->n_series > 1)
    {
      g_autofree char *series = g_strdup_printf (
        /* Translators: how many series (sets of values, such as tiers) a chart has */
        g_dngettext (GETTEXT_PACKAGE, "%u series", "%u series", self->n_series), self->n_series);

      /* Translators: a chart described in words: "8 columns, 3 series stacked. Largest: …" */
      return g_strdup_printf (self->stacked ? _("%s, %s stacked. %s") : _("%s, %s side by side. %s"),
                              columns, series, extremes);
    }
  /* Translators: a chart described in words: "8 columns. Largest: …" */
  return g_strdup_printf (_("%s. %s"), columns, extremes);
}
