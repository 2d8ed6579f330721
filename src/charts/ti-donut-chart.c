/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ti-donut-chart"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "ti-chart-private.h"
#include "ti-donut-chart.h"

/**
 * TiDonutChart:
 *
 * Shares of a whole, such as champions by sector: one slice for each category of the first
 * series, clockwise from the top, the total written in the middle. The legend beside it names
 * every slice with its value and its share, so no slice is known by its colour alone.
 */

#define RING 0.38      /* the ring's thickness, as a share of its radius */
#define SLICE_GAP 0.02 /* radians left between two slices */
#define LIFT 4.0       /* how far the highlighted slice comes out */

struct _TiDonutChart
{
  TiChart parent_instance;

  /* Worked out when the data changes. */
  guint n_categories;
  double total;
  double *shares; /* each category's share of the total; 0 for none */
  double *starts; /* where each slice starts, in radians clockwise from the top */
  char *total_label;
};

G_DEFINE_FINAL_TYPE (TiDonutChart, ti_donut_chart, TI_TYPE_CHART)

typedef struct
{
  double cx, cy;
  double outer, inner;
} Geometry;

static void
compute_geometry (const graphene_rect_t *plot, Geometry *g)
{
  g->cx = plot->origin.x + plot->size.width / 2;
  g->cy = plot->origin.y + plot->size.height / 2;
  g->outer = MAX (MIN (plot->size.width, plot->size.height) / 2 - LIFT, 1);
  g->inner = g->outer * (1 - RING);
}

static gboolean
ti_donut_chart_has_data (TiChart *chart)
{
  return TI_DONUT_CHART (chart)->total > 0;
}

static gboolean
ti_donut_chart_item_at (TiChart *chart, const graphene_rect_t *plot, double x, double y,
                        guint *category, guint *series)
{
  TiDonutChart *self = TI_DONUT_CHART (chart);
  double distance, angle;
  Geometry g;

  compute_geometry (plot, &g);
  distance = hypot (x - g.cx, y - g.cy);
  if (distance < g.inner - 2 || distance > g.outer + LIFT + 2)
    return FALSE;
  /* Clockwise from the top, as the slices are drawn. */
  angle = atan2 (x - g.cx, g.cy - y);
  if (angle < 0)
    angle += 2 * G_PI;
  for (guint c = 0; c < self->n_categories; c++)
    if (self->shares[c] > 0 && angle >= self->starts[c]
        && angle < self->starts[c] + self->shares[c] * 2 * G_PI)
      {
        *category = c;
        *series = 0;
        return TRUE;
      }
  return FALSE;
}

static void
slice_path (cairo_t *cr, const Geometry *g, double start, double end, double lift)
{
  double middle = (start + end) / 2;
  double dx = lift * sin (middle), dy = -lift * cos (middle);

  /* Cairo's angles run clockwise from three o'clock; ours from twelve. */
  cairo_new_path (cr);
  cairo_arc (cr, g->cx + dx, g->cy + dy, g->outer, start - G_PI / 2, end - G_PI / 2);
  cairo_arc_negative (cr, g->cx + dx, g->cy + dy, g->inner, end - G_PI / 2, start - G_PI / 2);
  cairo_close_path (cr);
}

static void
ti_donut_chart_draw (TiChart *chart, cairo_t *cr, const graphene_rect_t *plot)
{
  TiDonutChart *self = TI_DONUT_CHART (chart);
  GdkRGBA foreground, dim;
  Geometry g;

  compute_geometry (plot, &g);
  ti_chart_get_colour (chart, TI_CHART_COLOUR_FOREGROUND, &foreground);
  ti_chart_get_colour (chart, TI_CHART_COLOUR_DIM, &dim);

  for (guint c = 0; c < self->n_categories; c++)
    {
      double sweep = self->shares[c] * 2 * G_PI;
      double gap = sweep > 4 * SLICE_GAP && self->shares[c] < 1 ? SLICE_GAP / 2 : 0;
      gboolean highlighted = ti_chart_is_highlighted (chart, c, 0);
      GdkRGBA colour;

      if (self->shares[c] <= 0)
        continue;
      ti_chart_get_palette_colour (chart, c, &colour);
      slice_path (cr, &g, self->starts[c] + gap, self->starts[c] + sweep - gap,
                  highlighted ? LIFT : 0);
      gdk_cairo_set_source_rgba (cr, &colour);
      cairo_fill_preserve (cr);
      if (highlighted)
        {
          gdk_cairo_set_source_rgba (cr, &foreground);
          cairo_set_line_width (cr, 2);
          cairo_stroke (cr);
        }
      cairo_new_path (cr);
    }

  /* The total in the hole, when it fits there. */
  {
    g_autoptr (PangoLayout) total = ti_chart_create_layout (chart, cr, self->total_label, TRUE,
                                                            1.6, 0);
    g_autoptr (PangoLayout) caption = ti_chart_create_layout (chart, cr,
                                                              /* Translators: under the total
                                                               * in the middle of a donut
                                                               * chart */
                                                              _("Total"), FALSE, 1.0, 0);
    int width, height, caption_height;

    pango_layout_get_pixel_size (total, &width, &height);
    pango_layout_get_pixel_size (caption, NULL, &caption_height);
    if (width < g.inner * 1.7 && height + caption_height < g.inner * 1.5)
      {
        double top = g.cy - (height + caption_height) / 2.0;

        ti_chart_show_layout (cr, total, g.cx, top, 0.5, 0, &foreground);
        ti_chart_show_layout (cr, caption, g.cx, top + height, 0.5, 0, &dim);
      }
  }
}

/**
 * ti_donut_chart_get_share:
 * @self: a donut chart
 * @category: a slice
 *
 * Returns: the slice's share of the total, from 0 to 1; 0 when it has no value
 */
double
ti_donut_chart_get_share (TiDonutChart *self, guint category)
{
  g_return_val_if_fail (TI_IS_DONUT_CHART (self), 0);
  return category < self->n_categories ? self->shares[category] : 0;
}

static char *
ti_donut_chart_describe_item (TiChart *chart, guint category, guint series)
{
  TiDonutChart *self = TI_DONUT_CHART (chart);
  TiSeries *data = ti_chart_get_series (chart);
  g_autofree char *value = ti_series_format (data, ti_series_get_value (data, 0, category));
  g_autofree char *share = NULL;

  if (self->shares[category] <= 0)
    return ti_chart_real_describe_item (chart, category, 0);
  share = ti_series_format_value (TI_SERIES_FORMAT_PERCENT, self->shares[category]);
  /* Translators: a slice of a donut chart: its category, value and share ("Police: 42
   * (18.0%)") */
  return g_strdup_printf (C_("chart slice", "%s: %s (%s)"),
                          ti_series_get_category_label (data, category), value, share);
}

static char *
ti_donut_chart_describe (TiChart *chart)
{
  TiDonutChart *self = TI_DONUT_CHART (chart);
  g_autofree char *extremes = ti_chart_describe_extremes (chart);
  guint n = 0;

  for (guint c = 0; c < self->n_categories; c++)
    n += self->shares[c] > 0;
  /* Translators: a donut chart described in words: how many slices, their total, then the
   * largest and smallest ("8 slices, 1,204 in all. Largest: …") */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u slice, %s in all. %s",
                                       "%u slices, %s in all. %s", n),
                          n, self->total_label, extremes);
}

static void
ti_donut_chart_fill_legend (TiChart *chart, GArray *items)
{
  TiDonutChart *self = TI_DONUT_CHART (chart);

  TiSeries *data = ti_chart_get_series (chart);

  for (guint c = 0; c < self->n_categories; c++)
    {
      g_autofree char *value = NULL;
      g_autofree char *share = NULL;
      g_autofree char *both = NULL;
      GdkRGBA colour;

      if (self->shares[c] <= 0)
        continue;
      ti_chart_get_palette_colour (chart, c, &colour);
      value = ti_series_format (data, ti_series_get_value (data, 0, c));
      share = ti_series_format_value (TI_SERIES_FORMAT_PERCENT, self->shares[c]);
      /* Translators: a slice's value and share in a donut chart's legend ("42 (18.0%)") */
      both = g_strdup_printf (C_("chart slice", "%s (%s)"), value, share);
      /* The slice's name may be cut short where there is no room; its numbers never are. */
      ti_chart_legend_add_value (items, ti_series_get_category_label (data, c), both, &colour,
                                 TI_CHART_MARKER_SQUARE);
    }
}

static guint
ti_donut_chart_get_n_item_series (TiChart *chart)
{
  return 1;
}

static void
ti_donut_chart_update (TiChart *chart, TiSeries *series)
{
  TiDonutChart *self = TI_DONUT_CHART (chart);
  double start = 0;

  self->n_categories = series ? ti_series_get_n_categories (series) : 0;
  self->total = 0;
  g_clear_pointer (&self->total_label, g_free);
  self->shares = g_renew (double, self->shares, MAX (self->n_categories, 1));
  self->starts = g_renew (double, self->starts, MAX (self->n_categories, 1));
  for (guint c = 0; c < self->n_categories; c++)
    {
      double value = ti_series_get_value (series, 0, c);

      /* A share of a whole: nothing negative, nothing missing. */
      self->shares[c] = isnan (value) || value < 0 ? 0 : value;
      self->total += self->shares[c];
    }
  for (guint c = 0; c < self->n_categories; c++)
    {
      self->shares[c] = self->total > 0 ? self->shares[c] / self->total : 0;
      self->starts[c] = start;
      start += self->shares[c] * 2 * G_PI;
    }
  if (series != NULL)
    self->total_label = ti_series_format (series, self->total);
}

static void
ti_donut_chart_finalize (GObject *object)
{
  TiDonutChart *self = TI_DONUT_CHART (object);

  g_free (self->shares);
  g_free (self->starts);
  g_free (self->total_label);
  G_OBJECT_CLASS (ti_donut_chart_parent_class)->finalize (object);
}

static void
ti_donut_chart_class_init (TiDonutChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  TiChartClass *chart_class = TI_CHART_CLASS (klass);

  object_class->finalize = ti_donut_chart_finalize;

  chart_class->update = ti_donut_chart_update;
  chart_class->has_data = ti_donut_chart_has_data;
  chart_class->draw = ti_donut_chart_draw;
  chart_class->item_at = ti_donut_chart_item_at;
  chart_class->describe = ti_donut_chart_describe;
  chart_class->describe_item = ti_donut_chart_describe_item;
  chart_class->fill_legend = ti_donut_chart_fill_legend;
  chart_class->get_n_item_series = ti_donut_chart_get_n_item_series;
}

static void
ti_donut_chart_init (TiDonutChart *self)
{
  ti_chart_set_legend_beside (TI_CHART (self), TRUE);
}

/**
 * ti_donut_chart_new:
 * @title: (nullable): what the chart shows, in a few words
 *
 * Returns: (transfer floating): a donut chart with no data yet
 */
TiChart *
ti_donut_chart_new (const char *title)
{
  return g_object_new (TI_TYPE_DONUT_CHART, "title", title, NULL);
}
