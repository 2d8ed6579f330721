/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ti-line-chart"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdio.h>

#include "ti-chart-private.h"
#include "ti-line-chart.h"

/**
 * TiLineChart:
 *
 * Figures over time, such as cumulative completions by month: the categories run across (months
 * labelled with their year under January), one line for each series. Each series has its own
 * marker shape as well as its colour, and its name and latest value are written at the line's
 * end, so no line is told apart by colour alone. The description says how each line moved,
 * from its first value to its last.
 */

#define MAX_TICKS 6
#define MARKER 9.0
#define MIN_MARKER_STEP 10.0 /* markers on every point only when points are this far apart */

struct _TiLineChart
{
  TiChart parent_instance;

  /* Worked out when the data changes. */
  TiChartAxis axis; /* fitted to the room whenever the chart is laid out */
  double low, high; /* the values' range */
  guint n_categories;
  guint n_series;
  int *first; /* each series' first and last category with a value, or -1 */
  int *last;
  GPtrArray *end_names;  /* each series' name at its line's end (its value, unnamed), or NULL */
  GPtrArray *end_values; /* and its latest value, kept whole, or NULL */
  int first_month; /* the first category as year × 12 + month − 1, when categories are months */
};

G_DEFINE_FINAL_TYPE (TiLineChart, ti_line_chart, TI_TYPE_CHART)

typedef struct
{
  graphene_rect_t area; /* where the lines are drawn */
  double step;          /* between two categories */
  double end_width;     /* the labels at the lines' ends */
} Geometry;

/* Where a value lies along the value axis, 0 to 1; NAN for no value. */
static double
fraction (TiLineChart *self, guint category, guint series)
{
  double value = ti_series_get_value (ti_chart_get_series (TI_CHART (self)), series, category);

  return isnan (value) ? NAN : ti_chart_axis_fraction (&self->axis, value);
}

static TiChartMarker
marker_of (guint series)
{
  return (TiChartMarker) (series % TI_CHART_N_MARKERS);
}

static void
compute_geometry (TiLineChart *self, const graphene_rect_t *plot, Geometry *g)
{
  TiChart *chart = TI_CHART (self);
  TiSeries *series = ti_chart_get_series (chart);
  double line = ti_chart_line_height (chart);
  double left, right = plot->origin.x + plot->size.width;
  double top = plot->origin.y + line / 2;
  double bottom = plot->origin.y + plot->size.height - TI_CHART_GAP
                  - (self->first_month >= 0 ? 2 : 1) * line;
  double widest_value = 0;

  /* As many ticks as there is height for; then room at the left for their labels. */
  ti_chart_fit_axis (chart, self->low, self->high,
                     ti_series_get_format (series) == TI_SERIES_FORMAT_COUNT, bottom - top, FALSE,
                     &self->axis);
  left = plot->origin.x + ti_chart_widest_tick (chart, series, &self->axis) + TI_CHART_GAP;

  /* The ends' labels take up to a third of the width, and always their values' room. */
  g->end_width = 0;
  for (guint s = 0; s < self->n_series; s++)
    if (g_ptr_array_index (self->end_names, s) != NULL)
      {
        const char *name = g_ptr_array_index (self->end_names, s);
        const char *value = g_ptr_array_index (self->end_values, s);

        g->end_width = MAX (g->end_width, ti_chart_name_value_width (chart, name, value, 0));
        /* Room for the value whole and a few letters of the name. */
        widest_value = MAX (widest_value,
                            ti_chart_name_value_width (chart, value ? "Tier…" : name, value, 0));
      }
  g->end_width = MIN (g->end_width, MAX (plot->size.width * 0.3, widest_value));
  right -= g->end_width + TI_CHART_GAP + MARKER / 2;
  g->area = GRAPHENE_RECT_INIT (left, top, MAX (right - left, 1), MAX (bottom - top, 1));
  g->step = self->n_categories > 1 ? g->area.size.width / (self->n_categories - 1) : 0;
}

static double
x_of (const Geometry *g, TiLineChart *self, guint category)
{
  if (self->n_categories < 2)
    return g->area.origin.x + g->area.size.width / 2;
  return g->area.origin.x + category * g->step;
}

static double
y_of (const Geometry *g, double f)
{
  return g->area.origin.y + g->area.size.height * (1 - f);
}

static gboolean
ti_line_chart_item_at (TiChart *chart, const graphene_rect_t *plot, double x, double y,
                       guint *category, guint *series)
{
  TiLineChart *self = TI_LINE_CHART (chart);
  double best = INFINITY;
  Geometry g;
  int c;

  compute_geometry (self, plot, &g);
  if (!graphene_rect_contains_point (plot, &GRAPHENE_POINT_INIT (x, y)) || self->n_categories == 0)
    return FALSE;
  c = g.step > 0 ? (int) round ((x - g.area.origin.x) / g.step) : 0;
  c = CLAMP (c, 0, (int) self->n_categories - 1);
  if (fabs (x - x_of (&g, self, c)) > MAX (g.step, 2 * MARKER))
    return FALSE;

  /* At the nearest month, the nearest line. */
  for (guint s = 0; s < self->n_series; s++)
    {
      double f = fraction (self, c, s);

      if (!isnan (f) && fabs (y_of (&g, f) - y) < best)
        {
          best = fabs (y_of (&g, f) - y);
          *category = c;
          *series = s;
        }
    }
  return !isinf (best);
}

static void
draw_category_labels (TiLineChart *self, cairo_t *cr, const Geometry *g)
{
  TiChart *chart = TI_CHART (self);
  TiSeries *series = ti_chart_get_series (chart);
  double y = g->area.origin.y + g->area.size.height + TI_CHART_GAP;
  double step = self->n_categories > 1 ? g->step : g->area.size.width;
  int widest = 0;
  guint stride;
  GdkRGBA dim;

  if (self->first_month >= 0)
    {
      ti_chart_draw_month_axis (chart, cr, x_of (g, self, 0), step, self->first_month,
                                self->n_categories, y);
      return;
    }

  ti_chart_get_colour (chart, TI_CHART_COLOUR_DIM, &dim);
  for (guint c = 0; c < self->n_categories; c++)
    {
      int width;

      ti_chart_measure_text (chart, ti_series_get_category_label (series, c), &width, NULL);
      widest = MAX (widest, width);
    }
  stride = MAX (1, (guint) ceil (MIN (widest, 160) / MAX (step - TI_CHART_GAP, 1)));
  for (guint c = 0; c < self->n_categories; c += stride)
    ti_chart_draw_label (chart, cr, ti_series_get_category_label (series, c), x_of (g, self, c),
                         y, 0.5, 0, stride * step - TI_CHART_GAP, &dim);
}

static void
draw_line (TiLineChart *self, cairo_t *cr, const Geometry *g, guint s)
{
  gboolean drawing = FALSE;
  GdkRGBA colour;

  ti_chart_series_colour (TI_CHART (self), s, &colour);
  cairo_save (cr);
  cairo_set_line_width (cr, 2.5);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  gdk_cairo_set_source_rgba (cr, &colour);
  cairo_new_path (cr);
  for (guint c = 0; c < self->n_categories; c++)
    {
      double f = fraction (self, c, s);

      if (isnan (f))
        {
          /* No value: the line breaks rather than pretend. */
          drawing = FALSE;
          continue;
        }
      if (drawing)
        cairo_line_to (cr, x_of (g, self, c), y_of (g, f));
      else
        cairo_move_to (cr, x_of (g, self, c), y_of (g, f));
      drawing = TRUE;
    }
  cairo_stroke (cr);
  cairo_restore (cr);

  for (guint c = 0; c < self->n_categories; c++)
    {
      double f = fraction (self, c, s);

      if (isnan (f) || (g->step < MIN_MARKER_STEP && (int) c != self->last[s]))
        continue;
      ti_chart_draw_marker (cr, marker_of (s), x_of (g, self, c), y_of (g, f), MARKER, &colour,
                            FALSE);
    }
}

static int
compare_doubles (gconstpointer a, gconstpointer b, gpointer data)
{
  const double *y = data;
  double ya = y[*(const guint *) a], yb = y[*(const guint *) b];

  return (ya > yb) - (ya < yb);
}

/* Each line's name and latest value at its end, moved apart where lines end close together. */
static void
draw_ends (TiLineChart *self, cairo_t *cr, const Geometry *g)
{
  TiChart *chart = TI_CHART (self);
  double line = ti_chart_line_height (chart);
  double top = g->area.origin.y, bottom = g->area.origin.y + g->area.size.height;
  g_autofree double *y = g_new0 (double, self->n_series);
  g_autofree guint *order = g_new0 (guint, self->n_series);
  guint n = 0;
  GdkRGBA foreground;

  ti_chart_get_colour (chart, TI_CHART_COLOUR_FOREGROUND, &foreground);
  for (guint s = 0; s < self->n_series; s++)
    if (self->last[s] >= 0 && g_ptr_array_index (self->end_names, s) != NULL)
      {
        y[s] = y_of (g, fraction (self, self->last[s], s));
        order[n++] = s;
      }
  g_qsort_with_data (order, n, sizeof (guint), compare_doubles, y);
  for (guint i = 1; i < n; i++)
    y[order[i]] = MAX (y[order[i]], y[order[i - 1]] + line);
  for (int i = (int) n - 1; i >= 0; i--)
    {
      double limit = i == (int) n - 1 ? bottom + line / 2 : y[order[i + 1]] - line;

      y[order[i]] = MAX (MIN (y[order[i]], limit), top);
    }

  for (guint i = 0; i < n; i++)
    {
      guint s = order[i];

      ti_chart_draw_name_value (chart, cr, g_ptr_array_index (self->end_names, s),
                                g_ptr_array_index (self->end_values, s),
                                x_of (g, self, self->last[s]) + MARKER / 2 + TI_CHART_GAP, y[s],
                                0, 0.5, g->end_width, &foreground);
    }
}

static void
draw_highlight (TiLineChart *self, cairo_t *cr, const Geometry *g)
{
  TiChart *chart = TI_CHART (self);
  TiSeries *series = ti_chart_get_series (chart);
  GdkRGBA foreground, grid, colour;

  ti_chart_get_colour (chart, TI_CHART_COLOUR_FOREGROUND, &foreground);
  ti_chart_get_colour (chart, TI_CHART_COLOUR_GRID, &grid);
  for (guint s = 0; s < self->n_series; s++)
    for (guint c = 0; c < self->n_categories; c++)
      {
        double f = fraction (self, c, s);
        double x = x_of (g, self, c), y;
        g_autofree char *value = NULL;

        if (isnan (f) || !ti_chart_is_highlighted (chart, c, s))
          continue;
        y = y_of (g, f);
        ti_chart_stroke_line (cr, round (x) + 0.5, g->area.origin.y, round (x) + 0.5,
                              g->area.origin.y + g->area.size.height, 1, &grid);
        ti_chart_series_colour (chart, s, &colour);
        ti_chart_draw_marker (cr, marker_of (s), x, y, MARKER + 6, &foreground, FALSE);
        ti_chart_draw_marker (cr, marker_of (s), x, y, MARKER + 2, &colour, FALSE);
        value = ti_series_format (series, ti_series_get_value (series, s, c));
        ti_chart_draw_text (chart, cr, value, x, y - MARKER, 0.5, 1, &foreground, TRUE);
      }
}

static void
ti_line_chart_draw (TiChart *chart, cairo_t *cr, const graphene_rect_t *plot)
{
  TiLineChart *self = TI_LINE_CHART (chart);
  Geometry g;

  compute_geometry (self, plot, &g);
  ti_chart_draw_value_axis (chart, cr, &self->axis, &g.area, FALSE);
  draw_category_labels (self, cr, &g);
  for (guint s = 0; s < self->n_series; s++)
    draw_line (self, cr, &g, s);
  draw_ends (self, cr, &g);
  draw_highlight (self, cr, &g);
}

/* The first category as a count of months, when the categories are consecutive months. */
static int
months_of (TiSeries *series)
{
  int first = -1;

  for (guint c = 0; c < ti_series_get_n_categories (series); c++)
    {
      const char *key = ti_series_get_category_key (series, c);
      int year, month;

      if (key == NULL || sscanf (key, "%4d-%2d", &year, &month) != 2 || month < 1 || month > 12)
        return -1;
      if (c == 0)
        first = year * 12 + month - 1;
      else if (year * 12 + month - 1 != first + (int) c)
        return -1;
    }
  return first;
}

static void
ti_line_chart_update (TiChart *chart, TiSeries *series)
{
  TiLineChart *self = TI_LINE_CHART (chart);
  double low = 0, high = 0;

  g_clear_pointer (&self->first, g_free);
  g_clear_pointer (&self->last, g_free);
  g_ptr_array_set_size (self->end_names, 0);
  g_ptr_array_set_size (self->end_values, 0);
  self->n_categories = series ? ti_series_get_n_categories (series) : 0;
  self->n_series = series ? ti_series_get_n_series (series) : 0;
  self->first_month = -1;
  if (series == NULL)
    return;

  ti_series_get_range (series, FALSE, &low, &high);
  self->low = low;
  self->high = high;
  ti_chart_axis_compute (low, high, ti_series_get_format (series) == TI_SERIES_FORMAT_COUNT,
                         MAX_TICKS, &self->axis);
  self->first_month = months_of (series);
  self->first = g_new (int, self->n_series);
  self->last = g_new (int, self->n_series);
  for (guint s = 0; s < self->n_series; s++)
    {
      const char *name = ti_series_get_series_name (series, s);

      self->first[s] = self->last[s] = -1;
      for (guint c = 0; c < self->n_categories; c++)
        {
          if (isnan (ti_series_get_value (series, s, c)))
            continue;
          if (self->first[s] < 0)
            self->first[s] = c;
          self->last[s] = c;
        }
      if (self->last[s] < 0)
        {
          g_ptr_array_add (self->end_names, NULL);
          g_ptr_array_add (self->end_values, NULL);
        }
      else
        {
          char *value = ti_series_format (series, ti_series_get_value (series, s, self->last[s]));

          /* At a line's end, its series and latest value ("Tier 1: 840"); an unnamed line's,
           * its value alone. */
          g_ptr_array_add (self->end_names, name[0] ? g_strdup (name) : value);
          g_ptr_array_add (self->end_values, name[0] ? value : NULL);
        }
    }
}

/* How one line moved, from its first value to its last: "Tier 1 rose from 12 to 840". */
static char *
describe_trend (TiLineChart *self, TiSeries *series, guint s)
{
  const char *name = ti_series_get_series_name (series, s);
  double from = ti_series_get_value (series, s, self->first[s]);
  double to = ti_series_get_value (series, s, self->last[s]);
  g_autofree char *a = ti_series_format (series, from);
  g_autofree char *b = ti_series_format (series, to);

  if (name[0] == '\0')
    {
      if (g_strcmp0 (a, b) == 0)
        /* Translators: how a chart's one line moved: it began and ended at the same value */
        return g_strdup_printf (_("Stayed at %s"), a);
      return g_strdup_printf (to > from ? _("Rose from %s to %s") : _("Fell from %s to %s"), a,
                              b);
    }
  if (g_strcmp0 (a, b) == 0)
    /* Translators: how a line moved: "Tier 3 stayed at 12" */
    return g_strdup_printf (_("%s stayed at %s"), name, a);
  /* Translators: how a line moved, from its first value to its last: "Tier 1 rose from 12 to
   * 840" */
  return g_strdup_printf (to > from ? _("%s rose from %s to %s") : _("%s fell from %s to %s"),
                          name, a, b);
}

static char *
ti_line_chart_describe (TiChart *chart)
{
  TiLineChart *self = TI_LINE_CHART (chart);
  TiSeries *series = ti_chart_get_series (chart);
  g_autoptr (GString) description = g_string_new (NULL);
  g_autofree char *extremes = ti_chart_describe_extremes (chart);

  if (self->first_month >= 0)
    /* Translators: how many months a line chart covers */
    g_string_append_printf (description, g_dngettext (GETTEXT_PACKAGE, "%u month.", "%u months.",
                                                      self->n_categories),
                            self->n_categories);
  else
    /* Translators: how many points each line of a line chart has */
    g_string_append_printf (description, g_dngettext (GETTEXT_PACKAGE, "%u point.", "%u points.",
                                                      self->n_categories),
                            self->n_categories);
  for (guint s = 0; s < self->n_series; s++)
    if (self->first[s] >= 0)
      {
        g_autofree char *trend = describe_trend (self, series, s);

        g_string_append_printf (description, " %s.", trend);
      }
  g_string_append_printf (description, " %s", extremes);
  return g_string_free (g_steal_pointer (&description), FALSE);
}

static void
ti_line_chart_fill_legend (TiChart *chart, GArray *items)
{
  TiSeries *series = ti_chart_get_series (chart);

  if (ti_series_get_n_series (series) < 2)
    return;
  for (guint s = 0; s < ti_series_get_n_series (series); s++)
    {
      GdkRGBA colour;

      ti_chart_series_colour (chart, s, &colour);
      ti_chart_legend_add (items, ti_series_get_series_name (series, s), &colour, marker_of (s),
                           FALSE);
    }
}

static void
ti_line_chart_get_headings (TiChart *chart, const char **category, const char **group)
{
  ti_chart_real_get_headings (chart, category, group);
  if (TI_LINE_CHART (chart)->first_month >= 0)
    /* Translators: the heading of the first column of a chart's table, when its rows are
     * months */
    *category = _("Month");
}

static void
ti_line_chart_finalize (GObject *object)
{
  TiLineChart *self = TI_LINE_CHART (object);

  g_free (self->first);
  g_free (self->last);
  g_ptr_array_unref (self->end_names);
  g_ptr_array_unref (self->end_values);
  G_OBJECT_CLASS (ti_line_chart_parent_class)->finalize (object);
}

static void
ti_line_chart_class_init (TiLineChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  TiChartClass *chart_class = TI_CHART_CLASS (klass);

  object_class->finalize = ti_line_chart_finalize;

  chart_class->update = ti_line_chart_update;
  chart_class->draw = ti_line_chart_draw;
  chart_class->item_at = ti_line_chart_item_at;
  chart_class->describe = ti_line_chart_describe;
  chart_class->fill_legend = ti_line_chart_fill_legend;
  chart_class->get_headings = ti_line_chart_get_headings;
}

static void
ti_line_chart_init (TiLineChart *self)
{
  self->end_names = g_ptr_array_new_with_free_func (g_free);
  self->end_values = g_ptr_array_new_with_free_func (g_free);
  self->first_month = -1;
  ti_chart_axis_compute (0, 0, TRUE, MAX_TICKS, &self->axis);
}

/**
 * ti_line_chart_new:
 * @title: (nullable): what the chart shows, in a few words
 *
 * Returns: (transfer floating): a line chart with no data yet
 */
TiChart *
ti_line_chart_new (const char *title)
{
  return g_object_new (TI_TYPE_LINE_CHART, "title", title, NULL);
}
