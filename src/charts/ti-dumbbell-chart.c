/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ti-dumbbell-chart"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "ti-chart-private.h"
#include "ti-dumbbell-chart.h"

/**
 * TiDumbbellChart:
 *
 * Before and after, such as confidence at the start and the end of sessions: one row for each
 * category, a hollow dot for the first series (before) and a filled dot for the second (after),
 * joined by a line, both values written beside their dots. Scores are drawn on their fixed
 * scale, 1 to 5, so a change reads at its true size.
 */

#define ROW_HEIGHT 34.0
#define DOT 12.0

struct _TiDumbbellChart
{
  TiChart parent_instance;

  /* Worked out when the data changes. */
  TiChartAxis axis; /* scores: 1 to 5; otherwise fitted to the room when laid out */
  double low, high;
  guint n_categories;
  guint n_series; /* 1 or 2: only before and after are drawn */
  GPtrArray *labels; /* each value as written, series by series */
};

G_DEFINE_FINAL_TYPE (TiDumbbellChart, ti_dumbbell_chart, TI_TYPE_CHART)

typedef struct
{
  graphene_rect_t area; /* where the dots go */
  double slot;          /* a row's height */
  double label_width;   /* the categories' names at the left */
  double label_right;   /* where they end */
} Geometry;

/* Where a value lies along the axis, 0 to 1; NAN for no value. */
static double
fraction (TiDumbbellChart *self, guint category, guint series)
{
  double value = ti_series_get_value (ti_chart_get_series (TI_CHART (self)), series, category);

  return isnan (value) ? NAN : CLAMP (ti_chart_axis_fraction (&self->axis, value), 0, 1);
}

static const char *
label (TiDumbbellChart *self, guint category, guint series)
{
  return g_ptr_array_index (self->labels, series * self->n_categories + category);
}

static void
compute_geometry (TiDumbbellChart *self, const graphene_rect_t *plot, Geometry *g)
{
  TiChart *chart = TI_CHART (self);
  TiSeries *series = ti_chart_get_series (chart);
  double line = ti_chart_line_height (chart);
  double left, right, bottom;
  int widest = 0, widest_value = 0, width;

  for (guint c = 0; c < self->n_categories; c++)
    {
      ti_chart_measure_text (chart, ti_series_get_category_label (series, c), &width, NULL);
      widest = MAX (widest, width);
    }
  for (guint i = 0; i < self->labels->len; i++)
    {
      ti_chart_measure_text (chart, g_ptr_array_index (self->labels, i), &width, NULL);
      widest_value = MAX (widest_value, width);
    }
  g->label_width = MIN (widest, plot->size.width * 0.35);
  g->label_right = plot->origin.x + g->label_width;
  /* Room for a value beside a dot at either end of the axis. */
  left = plot->origin.x + g->label_width + TI_CHART_GAP + widest_value + DOT;
  right = plot->origin.x + plot->size.width - widest_value - DOT;
  bottom = plot->origin.y + plot->size.height - line - TI_CHART_GAP / 2;
  g->area = GRAPHENE_RECT_INIT (left, plot->origin.y, MAX (right - left, 1),
                                MAX (bottom - plot->origin.y, 1));
  /* Scores keep their scale; other values get as many ticks as their labels have room for. */
  if (ti_series_get_format (series) != TI_SERIES_FORMAT_SCORE)
    ti_chart_fit_axis (chart, self->low, self->high,
                       ti_series_get_format (series) == TI_SERIES_FORMAT_COUNT,
                       g->area.size.width, TRUE, &self->axis);
  g->slot = g->area.size.height / MAX (self->n_categories, 1);
}

static double
x_of (const Geometry *g, double f)
{
  return g->area.origin.x + g->area.size.width * f;
}

static double
y_of (const Geometry *g, guint category)
{
  return g->area.origin.y + g->slot * (category + 0.5);
}

static gboolean
ti_dumbbell_chart_item_at (TiChart *chart, const graphene_rect_t *plot, double x, double y,
                           guint *category, guint *series)
{
  TiDumbbellChart *self = TI_DUMBBELL_CHART (chart);
  double best = INFINITY;
  Geometry g;
  int c;

  compute_geometry (self, plot, &g);
  if (!graphene_rect_contains_point (plot, &GRAPHENE_POINT_INIT (x, y)))
    return FALSE;
  c = (int) floor ((y - g.area.origin.y) / g.slot);
  if (c < 0 || c >= (int) self->n_categories)
    return FALSE;
  for (guint s = 0; s < self->n_series; s++)
    {
      double f = fraction (self, c, s);

      if (!isnan (f) && fabs (x_of (&g, f) - x) < best)
        {
          best = fabs (x_of (&g, f) - x);
          *category = c;
          *series = s;
        }
    }
  return !isinf (best);
}

static void
draw_row (TiDumbbellChart *self, cairo_t *cr, const Geometry *g, guint c)
{
  TiChart *chart = TI_CHART (self);
  double y = y_of (g, c);
  double before = fraction (self, c, 0);
  double after = self->n_series > 1 ? fraction (self, c, 1) : NAN;
  GdkRGBA foreground, dim, colour;

  ti_chart_get_colour (chart, TI_CHART_COLOUR_FOREGROUND, &foreground);
  ti_chart_get_colour (chart, TI_CHART_COLOUR_DIM, &dim);
  if (!isnan (before) && !isnan (after))
    ti_chart_stroke_line (cr, x_of (g, before), y, x_of (g, after), y, 3, &dim);

  for (guint s = 0; s < self->n_series; s++)
    {
      double f = fraction (self, c, s);
      double other = fraction (self, c, 1 - s);
      gboolean highlighted = ti_chart_is_highlighted (chart, c, s);
      /* Each value on the outer side of its dot; alone, to the right. */
      gboolean right = isnan (other) || self->n_series < 2 || f > other || (f == other && s == 1);
      double x;

      if (isnan (f))
        continue;
      x = x_of (g, f);
      ti_chart_series_colour (chart, s, &colour);
      if (highlighted)
        ti_chart_draw_marker (cr, TI_CHART_MARKER_CIRCLE, x, y, DOT + 6, &foreground, TRUE);
      ti_chart_draw_marker (cr, TI_CHART_MARKER_CIRCLE, x, y, DOT, &colour, s == 0);
      ti_chart_draw_text (chart, cr, label (self, c, s),
                          right ? x + DOT / 2 + 4 : x - DOT / 2 - 4, y, right ? 0 : 1, 0.5,
                          &foreground, highlighted);
    }
  ti_chart_draw_label (chart, cr, ti_series_get_category_label (ti_chart_get_series (chart), c),
                       g->label_right, y, 1, 0.5, g->label_width, &dim);
}

static void
ti_dumbbell_chart_draw (TiChart *chart, cairo_t *cr, const graphene_rect_t *plot)
{
  TiDumbbellChart *self = TI_DUMBBELL_CHART (chart);
  Geometry g;

  compute_geometry (self, plot, &g);
  ti_chart_draw_value_axis (chart, cr, &self->axis, &g.area, TRUE);
  for (guint c = 0; c < self->n_categories; c++)
    draw_row (self, cr, &g, c);
}

static void
ti_dumbbell_chart_update (TiChart *chart, TiSeries *series)
{
  TiDumbbellChart *self = TI_DUMBBELL_CHART (chart);
  double low = 0, high = 0;

  g_ptr_array_set_size (self->labels, 0);
  self->n_categories = series ? ti_series_get_n_categories (series) : 0;
  self->n_series = series ? MIN (ti_series_get_n_series (series), 2) : 0;
  if (series == NULL)
    return;

  if (ti_series_get_format (series) == TI_SERIES_FORMAT_SCORE)
    {
      /* Scores have their scale: 1 to 5, whatever the values. */
      self->axis = (TiChartAxis) { 1, 5, 1, 5 };
    }
  else
    {
      ti_series_get_range (series, FALSE, &low, &high);
      self->low = low;
      self->high = high;
      ti_chart_axis_compute (low, high, ti_series_get_format (series) == TI_SERIES_FORMAT_COUNT,
                             6, &self->axis);
    }
  for (guint s = 0; s < self->n_series; s++)
    for (guint c = 0; c < self->n_categories; c++)
      g_ptr_array_add (self->labels, ti_series_format (series, ti_series_get_value (series, s, c)));
}

static guint
ti_dumbbell_chart_get_n_item_series (TiChart *chart)
{
  return 2;
}

static const char *
series_name (TiSeries *series, guint s)
{
  const char *name = ti_series_get_series_name (series, s);

  if (name[0] != '\0')
    return name;
  /* Translators: the two series of a dumbbell chart, when they have no names of their own */
  return s == 0 ? C_("dumbbell", "Before") : C_("dumbbell", "After");
}

static void
ti_dumbbell_chart_fill_legend (TiChart *chart, GArray *items)
{
  TiDumbbellChart *self = TI_DUMBBELL_CHART (chart);
  TiSeries *series = ti_chart_get_series (chart);

  for (guint s = 0; s < self->n_series; s++)
    {
      GdkRGBA colour;

      ti_chart_series_colour (chart, s, &colour);
      ti_chart_legend_add (items, series_name (series, s), &colour, TI_CHART_MARKER_CIRCLE,
                           s == 0);
    }
}

static char *
ti_dumbbell_chart_describe_item (TiChart *chart, guint category, guint s)
{
  TiSeries *series = ti_chart_get_series (chart);
  g_autofree char *value = ti_series_format (series, ti_series_get_value (series, s, category));

  return g_strdup_printf (C_("chart item", "%s · %s: %s"),
                          ti_series_get_category_label (series, category),
                          series_name (series, s), value);
}

static char *
ti_dumbbell_chart_describe (TiChart *chart)
{
  TiDumbbellChart *self = TI_DUMBBELL_CHART (chart);
  TiSeries *series = ti_chart_get_series (chart);
  g_autofree char *extremes = ti_chart_describe_extremes (chart);
  g_autoptr (GString) description = g_string_new (NULL);
  int most = -1;
  double change = 0;

  /* Translators: how many rows a before-and-after chart has */
  g_string_append_printf (description, g_dngettext (GETTEXT_PACKAGE, "%u row.", "%u rows.",
                                                    self->n_categories),
                          self->n_categories);
  for (guint c = 0; c < self->n_categories && self->n_series > 1; c++)
    {
      double delta = ti_series_get_value (series, 1, c) - ti_series_get_value (series, 0, c);

      if (!isnan (delta) && (most < 0 || fabs (delta) > fabs (change)))
        {
          most = c;
          change = delta;
        }
    }
  if (most >= 0)
    {
      g_autofree char *from = ti_series_format (series, ti_series_get_value (series, 0, most));
      g_autofree char *to = ti_series_format (series, ti_series_get_value (series, 1, most));

      g_string_append_c (description, ' ');
      /* Translators: the row of a before-and-after chart that changed most: "Council changed
       * most, from 2.80 to 3.90." */
      g_string_append_printf (description, _("%s changed most, from %s to %s."),
                              ti_series_get_category_label (series, most), from, to);
    }
  g_string_append_printf (description, " %s", extremes);
  return g_string_free (g_steal_pointer (&description), FALSE);
}

static int
ti_dumbbell_chart_natural_plot_height (TiChart *chart, int width)
{
  TiDumbbellChart *self = TI_DUMBBELL_CHART (chart);

  return (int) ceil (self->n_categories * ROW_HEIGHT + ti_chart_line_height (chart)
                     + TI_CHART_GAP);
}

static void
ti_dumbbell_chart_finalize (GObject *object)
{
  TiDumbbellChart *self = TI_DUMBBELL_CHART (object);

  g_ptr_array_unref (self->labels);
  G_OBJECT_CLASS (ti_dumbbell_chart_parent_class)->finalize (object);
}

static void
ti_dumbbell_chart_class_init (TiDumbbellChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  TiChartClass *chart_class = TI_CHART_CLASS (klass);

  object_class->finalize = ti_dumbbell_chart_finalize;

  chart_class->update = ti_dumbbell_chart_update;
  chart_class->draw = ti_dumbbell_chart_draw;
  chart_class->item_at = ti_dumbbell_chart_item_at;
  chart_class->describe = ti_dumbbell_chart_describe;
  chart_class->describe_item = ti_dumbbell_chart_describe_item;
  chart_class->fill_legend = ti_dumbbell_chart_fill_legend;
  chart_class->get_n_item_series = ti_dumbbell_chart_get_n_item_series;
  chart_class->natural_plot_height = ti_dumbbell_chart_natural_plot_height;
}

static void
ti_dumbbell_chart_init (TiDumbbellChart *self)
{
  self->labels = g_ptr_array_new_with_free_func (g_free);
  ti_chart_axis_compute (0, 0, TRUE, 6, &self->axis);
  ti_chart_set_rows (TI_CHART (self), TRUE);
}

/**
 * ti_dumbbell_chart_new:
 * @title: (nullable): what the chart shows, in a few words
 *
 * Returns: (transfer floating): a before-and-after chart with no data yet
 */
TiChart *
ti_dumbbell_chart_new (const char *title)
{
  return g_object_new (TI_TYPE_DUMBBELL_CHART, "title", title, NULL);
}
