/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ti-chart"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "ti-chart-private.h"

/*
 * What a chart says in words: an item's tooltip with its exact value, in the series' format,
 * the description assistive technologies read (how many items, the largest and the smallest)
 * and the item chosen with the keyboard, said first while there is one.
 */

/**
 * ti_chart_get_description:
 * @self: a chart
 *
 * Returns: (nullable): what the chart shows, in words, as assistive technologies read it
 */
const char *
ti_chart_get_description (TiChart *self)
{
  TiChartPrivate *priv = ti_chart_get_private (self);

  g_return_val_if_fail (TI_IS_CHART (self), NULL);
  return priv->description;
}

static void
update_accessible_description (TiChart *self)
{
  TiChartPrivate *priv = ti_chart_get_private (self);
  g_autofree char *text = NULL;

  if (priv->selected_description != NULL)
    /* Translators: a chart's description for screen readers while an item is chosen: the item,
     * then what the chart shows ("Mar 2024 · Tier 1: 12,233. 16 months. …") */
    text = g_strdup_printf (_("%s. %s"), priv->selected_description,
                            priv->description ? priv->description : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  text ? text : priv->description ? priv->description : "", -1);
}

/**
 * ti_chart_set_description:
 * @self: a chart
 * @description: (nullable): what the chart shows, in words
 *
 * For kinds of chart: the base sets it whenever the data changes.
 */
void
ti_chart_set_description (TiChart *self, const char *description)
{
  TiChartPrivate *priv = ti_chart_get_private (self);

  g_return_if_fail (TI_IS_CHART (self));

  if (g_strcmp0 (priv->description, description) == 0)
    return;
  g_free (priv->description);
  priv->description = g_strdup (description);
  update_accessible_description (self);
  g_object_notify (G_OBJECT (self), "description");
}

/**
 * ti_chart_get_selected_description:
 * @self: a chart
 *
 * Returns: (nullable): the item chosen with the keyboard, in words ("Mar 2024 · Tier 1:
 *   12,233"), or %NULL when none is
 */
const char *
ti_chart_get_selected_description (TiChart *self)
{
  TiChartPrivate *priv = ti_chart_get_private (self);

  g_return_val_if_fail (TI_IS_CHART (self), NULL);
  return priv->selected_description;
}

/* Says the chosen item again in words, after it or the data changed; assistive technologies
 * hear it first in the chart's description. */
void
ti_chart_update_selected_description (TiChart *self)
{
  TiChartPrivate *priv = ti_chart_get_private (self);
  g_autofree char *text = NULL;

  if (priv->selected_category >= 0 && ti_chart_has_data (self))
    text = ti_chart_describe_item (self, priv->selected_category, priv->selected_series);
  if (g_strcmp0 (text, priv->selected_description) == 0)
    return;
  g_free (priv->selected_description);
  priv->selected_description = g_steal_pointer (&text);
  update_accessible_description (self);
  g_object_notify (G_OBJECT (self), "selected-description");
}

/**
 * ti_chart_describe_item:
 * @self: a chart
 * @category: an item's category
 * @series: an item's series
 *
 * Returns: (transfer full) (nullable): the item's tooltip, with its exact value: "Police · Tier
 *   2: 42", or "Police: 42" when the chart has one unnamed series; %NULL when there is no such
 *   item
 */
char *
ti_chart_describe_item (TiChart *self, guint category, guint series)
{
  TiChartPrivate *priv = ti_chart_get_private (self);

  g_return_val_if_fail (TI_IS_CHART (self), NULL);

  if (priv->series == NULL || category >= ti_series_get_n_categories (priv->series)
      || series >= ti_series_get_n_series (priv->series))
    return NULL;
  return TI_CHART_GET_CLASS (self)->describe_item (self, category, series);
}

char *
ti_chart_real_describe_item (TiChart *self, guint category, guint series)
{
  TiChartPrivate *priv = ti_chart_get_private (self);
  const char *label = ti_series_get_category_label (priv->series, category);
  const char *name = ti_series_get_series_name (priv->series, series);
  g_autofree char *value = ti_series_format (priv->series,
                                             ti_series_get_value (priv->series, series, category));

  if (name[0] == '\0')
    /* Translators: an item of a chart: its category, then its value ("Police: 42") */
    return g_strdup_printf (C_("chart item", "%s: %s"), label, value);
  /* Translators: an item of a chart: its category, its series, then its value
   * ("Police · Tier 2: 42") */
  return g_strdup_printf (C_("chart item", "%s · %s: %s"), label, name, value);
}

/**
 * ti_chart_describe_extremes:
 * @self: a chart with data
 *
 * Returns: (transfer full): "Largest: Police: 42. Smallest: Housing: 3.", over the items the
 *   keyboard reaches
 */
char *
ti_chart_describe_extremes (TiChart *self)
{
  TiChartPrivate *priv = ti_chart_get_private (self);
  guint largest_c = 0, largest_s = 0, smallest_c = 0, smallest_s = 0;
  double largest = -INFINITY, smallest = INFINITY;
  g_autofree char *most = NULL;
  g_autofree char *least = NULL;

  for (guint s = 0; s < ti_chart_n_item_series (self); s++)
    for (guint c = 0; c < ti_chart_n_categories (self); c++)
      {
        double value = ti_series_get_value (priv->series, s, c);

        if (isnan (value))
          continue;
        if (value > largest)
          {
            largest = value;
            largest_c = c;
            largest_s = s;
          }
        if (value < smallest)
          {
            smallest = value;
            smallest_c = c;
            smallest_s = s;
          }
      }
  if (isinf (largest))
    return g_strdup ("");
  most = ti_chart_describe_item (self, largest_c, largest_s);
  least = ti_chart_describe_item (self, smallest_c, smallest_s);
  /* Translators: the end of a chart's description: its largest and smallest items, as their
   * tooltips say them ("Largest: Police: 42. Smallest: Housing: 3.") */
  return g_strdup_printf (_("Largest: %s. Smallest: %s."), most, least);
}

char *
ti_chart_real_describe (TiChart *self)
{
  g_autofree char *extremes = ti_chart_describe_extremes (self);
  guint n = ti_chart_n_categories (self);

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       /* Translators: a chart described in words: how many
                                        * categories, then its largest and smallest items */
                                       "%u category. %s", "%u categories. %s", n),
                          n, extremes);
}

void
ti_chart_real_get_headings (TiChart *self, const char **category, const char **group)
{
  /* Translators: the heading of a chart's table's first column, what its rows are */
  *category = _("Category");
  /* Translators: the heading of a chart's table's column of groups (lanes, workstreams) */
  *group = _("Group");
}

/**
 * ti_chart_get_headings:
 * @self: a chart
 * @category: (out) (optional) (transfer none): what a table of the chart calls its categories
 * @group: (out) (optional) (transfer none): what it calls their groups
 */
void
ti_chart_get_headings (TiChart *self, const char **category, const char **group)
{
  const char *c = NULL, *g = NULL;

  g_return_if_fail (TI_IS_CHART (self));

  TI_CHART_GET_CLASS (self)->get_headings (self, &c, &g);
  if (category)
    *category = c;
  if (group)
    *group = g;
}
