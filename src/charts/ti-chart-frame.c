/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ti-chart"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "ti-chart-private.h"

/*
 * The frame every chart is drawn in: its title, its data, its legend, or the empty state, and
 * the month axis of charts over time. One path draws the screen and saved files alike.
 */

#define LEGEND_SPACING 20.0 /* between two entries of the legend */
#define LEGEND_MAX_TEXT 220.0
#define LEGEND_ROW_GAP 4.0

/**
 * ti_chart_legend_add:
 * @items: a legend's entries, of #TiChartLegendItem
 * @name: what the entry says
 * @colour: its swatch's colour
 * @marker: its swatch's shape
 * @hollow: whether the swatch is an outline
 */
void
ti_chart_legend_add (GArray *items, const char *name, const GdkRGBA *colour,
                     TiChartMarker marker, gboolean hollow)
{
  TiChartLegendItem item = { g_strdup (name), NULL, *colour, marker, hollow };

  g_array_append_val (items, item);
}

/**
 * ti_chart_legend_add_value:
 * @items: a legend's entries, of #TiChartLegendItem
 * @name: what the entry names (a slice)
 * @value: its value as written ("23 (6.3%)"), never cut short
 * @colour: its swatch's colour
 * @marker: its swatch's shape
 */
void
ti_chart_legend_add_value (GArray *items, const char *name, const char *value,
                           const GdkRGBA *colour, TiChartMarker marker)
{
  TiChartLegendItem item = { g_strdup (name), g_strdup (value), *colour, marker, FALSE };

  g_array_append_val (items, item);
}

void
ti_chart_clear_legend_item (gpointer data)
{
  TiChartLegendItem *item = data;

  g_free (item->name);
  g_free (item->value);
}

/* The legend's entries, as the kind gave them when the data last changed. */
GArray *
ti_chart_get_legend (TiChart *self)
{
  TiChartPrivate *priv = ti_chart_get_private (self);

  return priv->legend;
}

gboolean
ti_chart_get_legend_beside (TiChart *self)
{
  TiChartPrivate *priv = ti_chart_get_private (self);

  return priv->legend_beside;
}

/**
 * ti_chart_set_legend_beside:
 * @self: a chart
 * @beside: whether the legend goes beside the data when the chart is wide, rather than under it
 *
 * For kinds of chart whose legend is a list worth reading down, such as a donut's slices.
 */
void
ti_chart_set_legend_beside (TiChart *self, gboolean beside)
{
  TiChartPrivate *priv = ti_chart_get_private (self);

  priv->legend_beside = beside;
}

void
ti_chart_real_fill_legend (TiChart *self, GArray *items)
{
  TiChartPrivate *priv = ti_chart_get_private (self);
  guint n = priv->series ? ti_series_get_n_series (priv->series) : 0;

  if (n < 2)
    return;
  for (guint s = 0; s < n; s++)
    {
      GdkRGBA colour;

      ti_chart_series_colour (self, s, &colour);
      ti_chart_legend_add (items, ti_series_get_series_name (priv->series, s), &colour,
                           TI_CHART_MARKER_SQUARE, FALSE);
    }
}

/**
 * ti_chart_draw_value_axis:
 * @self: a chart
 * @cr: where to draw
 * @axis: the value axis
 * @area: where the values are drawn
 * @across: whether values grow across (bars) rather than up (columns, lines)
 *
 * Draws an axis's grid lines over @area, zero's stronger, and labels its ticks in the series'
 * format: at the left of @area, or under it when values grow across.
 */
void
ti_chart_draw_value_axis (TiChart *self, cairo_t *cr, const TiChartAxis *axis,
                          const graphene_rect_t *area, gboolean across)
{
  TiSeries *series = ti_chart_get_series (self);
  double left = area->origin.x, top = area->origin.y;
  double right = left + area->size.width, bottom = top + area->size.height;
  GdkRGBA grid, dim;

  ti_chart_get_colour (self, TI_CHART_COLOUR_GRID, &grid);
  ti_chart_get_colour (self, TI_CHART_COLOUR_DIM, &dim);
  for (guint i = 0; i < axis->n_ticks; i++)
    {
      double value = ti_chart_axis_tick (axis, i);
      double f = ti_chart_axis_fraction (axis, value);
      g_autofree char *label = ti_chart_format_tick (series, axis, value);
      const GdkRGBA *colour = value == 0 ? &dim : &grid;

      if (!across)
        {
          double y = round (bottom - area->size.height * f) + 0.5;

          ti_chart_stroke_line (cr, left, y, right, y, 1, colour);
          ti_chart_draw_text (self, cr, label, left - TI_CHART_GAP, y, 1, 0.5, &dim, FALSE);
        }
      else
        {
          double x = round (left + area->size.width * f) + 0.5;

          ti_chart_stroke_line (cr, x, top, x, bottom, 1, colour);
          ti_chart_draw_text (self, cr, label, x, bottom + TI_CHART_GAP / 2, 0.5, 0, &dim, FALSE);
        }
    }
}

/* The short name of a month counted from year 0 ("Jun"): the month's label without its
 * year. */
static char *
month_name (int months)
{
  char *label = ti_chart_axis_format_month (months / 12, months % 12 + 1);
  char *space = strrchr (label, ' ');

  if (space != NULL)
    *space = '\0';
  return label;
}

/**
 * ti_chart_draw_month_axis:
 * @self: a chart
 * @cr: where to draw
 * @x_first: where the first month's middle is
 * @x_step: how far apart months are
 * @first_month: the first month, as year × 12 + month − 1
 * @n_months: how many months
 * @y: the top of the labels
 *
 * Labels months along an axis: as many as fit (every month, or every 2, 3, 4, 6 or 12, so that
 * January is always one), with the year under January and under the first label.
 */
void
ti_chart_draw_month_axis (TiChart *self, cairo_t *cr, double x_first, double x_step,
                          int first_month, guint n_months, double y)
{
  static const guint strides[] = { 1, 2, 3, 4, 6, 12 };
  GdkRGBA dim, grid;
  guint stride = 12;
  int widest = 0, line = ti_chart_line_height (self);
  gboolean year_shown = FALSE;

  ti_chart_get_colour (self, TI_CHART_COLOUR_DIM, &dim);
  ti_chart_get_colour (self, TI_CHART_COLOUR_GRID, &grid);
  for (int m = 0; m < 12; m++)
    {
      g_autofree char *name = month_name (2000 * 12 + m);
      int width;

      ti_chart_measure_text (self, name, &width, NULL);
      widest = MAX (widest, width);
    }
  for (guint i = 0; i < G_N_ELEMENTS (strides); i++)
    if (strides[i] * fabs (x_step) >= widest + TI_CHART_GAP)
      {
        stride = strides[i];
        break;
      }

  for (guint i = 0; i < n_months; i++)
    {
      int month = first_month + (int) i;
      double x = x_first + i * x_step;
      g_autofree char *name = NULL;

      if ((guint) (month % 12) % stride != 0)
        continue;
      name = month_name (month);
      ti_chart_stroke_line (cr, round (x) + 0.5, y - TI_CHART_GAP, round (x) + 0.5,
                            y - TI_CHART_GAP / 2, 1, &grid);
      ti_chart_draw_text (self, cr, name, x, y, 0.5, 0, &dim, FALSE);
      if (month % 12 == 0 || !year_shown)
        {
          g_autofree char *year = g_strdup_printf ("%d", month / 12);

          ti_chart_draw_text (self, cr, year, x, y + line, 0.5, 0, &dim, month % 12 == 0);
          year_shown = TRUE;
        }
    }
}

static double
legend_item_width (TiChart *self, const TiChartLegendItem *item)
{
  return TI_CHART_MARKER_SIZE + TI_CHART_GAP
         + ti_chart_name_value_width (self, item->name, item->value, LEGEND_MAX_TEXT);
}

/* Lays the legend's entries out in rows no wider than @width; returns how many rows. */
static guint
legend_flow (TiChart *self, double width, double *x, guint *row)
{
  GArray *legend = ti_chart_get_legend (self);
  double cursor = 0;
  guint r = 0;

  if (legend->len == 0)
    return 0;
  for (guint i = 0; i < legend->len; i++)
    {
      double item = legend_item_width (self, &g_array_index (legend, TiChartLegendItem, i));

      if (cursor > 0 && cursor + item > width)
        {
          r++;
          cursor = 0;
        }
      if (x != NULL)
        {
          x[i] = cursor;
          row[i] = r;
        }
      cursor += item + LEGEND_SPACING;
    }
  return r + 1;
}

/**
 * ti_chart_compute_frame:
 * @self: a chart
 * @width: its width
 * @height: its height
 * @frame: (out caller-allocates): where its title, data and legend go
 *
 * Shares the chart's area out: padding all round, the title at the top when it is drawn, the
 * legend under the data (or beside it, for kinds that ask, when the chart is wide).
 */
void
ti_chart_compute_frame (TiChart *self, int width, int height, TiChartFrame *frame)
{
  GArray *legend = ti_chart_get_legend (self);
  const char *title = ti_chart_get_title (self);
  double line = ti_chart_line_height (self);
  double left = TI_CHART_PADDING, top = TI_CHART_PADDING;
  double right = width - TI_CHART_PADDING, bottom = height - TI_CHART_PADDING;

  frame->has_title = title != NULL && title[0] != '\0'
                     && (ti_chart_get_show_title (self) || ti_chart_is_drawing_file (self));
  frame->has_caption = ti_chart_is_drawing_file (self) && ti_chart_get_caption (self) != NULL;
  if (frame->has_title)
    top += line * 1.15 + TI_CHART_PADDING;
  if (frame->has_caption)
    top += line + (frame->has_title ? 0 : TI_CHART_PADDING);

  frame->legend = GRAPHENE_RECT_INIT (right, bottom, 0, 0);
  frame->legend_beside = FALSE;
  if (legend->len > 0)
    {
      double widest = 0;

      for (guint i = 0; i < legend->len; i++)
        widest = MAX (widest,
                      legend_item_width (self, &g_array_index (legend, TiChartLegendItem, i)));
      /* Beside, for kinds that ask, when the chart is wide and every entry fits there whole;
       * otherwise under. */
      frame->legend_beside = ti_chart_get_legend_beside (self)
                             && right - left >= 1.5 * (bottom - top)
                             && widest <= (right - left) * 0.5;
      if (frame->legend_beside)
        {
          frame->legend = GRAPHENE_RECT_INIT (right - widest, top, widest, bottom - top);
          right -= widest + 2 * TI_CHART_PADDING;
        }
      else
        {
          guint rows = legend_flow (self, right - left, NULL, NULL);
          double legend_height = rows * (line + LEGEND_ROW_GAP) - LEGEND_ROW_GAP;

          frame->legend = GRAPHENE_RECT_INIT (left, bottom - legend_height, right - left,
                                              legend_height);
          bottom -= legend_height + TI_CHART_PADDING;
        }
    }
  frame->plot = GRAPHENE_RECT_INIT (left, top, MAX (right - left, 1), MAX (bottom - top, 1));
}

static void
draw_legend_item (TiChart *self, cairo_t *cr, const TiChartLegendItem *item, double x, double y,
                  double max_width, const GdkRGBA *foreground)
{
  double line = ti_chart_line_height (self);

  if (item->hollow)
    ti_chart_draw_marker (cr, item->marker, x + TI_CHART_MARKER_SIZE / 2, y + line / 2,
                          TI_CHART_MARKER_SIZE, &item->colour, TRUE);
  else
    ti_chart_draw_mark (self, cr, item->marker, x + TI_CHART_MARKER_SIZE / 2, y + line / 2,
                        TI_CHART_MARKER_SIZE, &item->colour);
  ti_chart_draw_name_value (self, cr, item->name, item->value,
                            x + TI_CHART_MARKER_SIZE + TI_CHART_GAP, y, 0, 0,
                            MIN (max_width - TI_CHART_MARKER_SIZE - TI_CHART_GAP,
                                 ti_chart_name_value_width (self, item->name, item->value,
                                                            LEGEND_MAX_TEXT)),
                            foreground);
}

static void
draw_legend (TiChart *self, cairo_t *cr, const TiChartFrame *frame)
{
  GArray *legend = ti_chart_get_legend (self);
  double line = ti_chart_line_height (self);
  GdkRGBA foreground;

  if (legend->len == 0)
    return;
  ti_chart_get_colour (self, TI_CHART_COLOUR_FOREGROUND, &foreground);
  if (frame->legend_beside)
    {
      double height = legend->len * (line + LEGEND_ROW_GAP) - LEGEND_ROW_GAP;
      double top = frame->legend.origin.y + MAX (0, (frame->legend.size.height - height) / 2);

      for (guint i = 0; i < legend->len; i++)
        draw_legend_item (self, cr, &g_array_index (legend, TiChartLegendItem, i),
                          frame->legend.origin.x, top + i * (line + LEGEND_ROW_GAP),
                          frame->legend.size.width, &foreground);
    }
  else
    {
      g_autofree double *x = g_new (double, legend->len);
      g_autofree guint *row = g_new (guint, legend->len);

      legend_flow (self, frame->legend.size.width, x, row);
      for (guint i = 0; i < legend->len; i++)
        draw_legend_item (self, cr, &g_array_index (legend, TiChartLegendItem, i),
                          frame->legend.origin.x + x[i],
                          frame->legend.origin.y + row[i] * (line + LEGEND_ROW_GAP),
                          frame->legend.size.width - x[i], &foreground);
    }
}

/**
 * ti_chart_draw:
 * @self: a chart
 * @cr: where to draw
 * @width: the width to fill
 * @height: the height to fill
 *
 * Draws the chart: its title (when shown), its data and its legend, or its empty state when it
 * has no data. The screen and saved files are drawn by this one path.
 */
void
ti_chart_draw (TiChart *self, cairo_t *cr, int width, int height)
{
  TiChartClass *klass;
  TiChartFrame frame;
  GdkRGBA foreground;

  g_return_if_fail (TI_IS_CHART (self));

  klass = TI_CHART_GET_CLASS (self);
  if (width <= 0 || height <= 0)
    return;
  ti_chart_get_colour (self, TI_CHART_COLOUR_FOREGROUND, &foreground);
  ti_chart_compute_frame (self, width, height, &frame);

  cairo_save (cr);
  if (frame.has_title)
    {
      g_autoptr (PangoLayout) title = ti_chart_create_layout (self, cr, ti_chart_get_title (self),
                                                              TRUE, 1.15,
                                                              width - 2 * TI_CHART_PADDING);

      ti_chart_show_layout (cr, title, TI_CHART_PADDING, TI_CHART_PADDING, 0, 0, &foreground);
    }
  if (frame.has_caption)
    {
      double line = ti_chart_line_height (self);
      GdkRGBA dim;

      ti_chart_get_colour (self, TI_CHART_COLOUR_DIM, &dim);
      ti_chart_draw_label (self, cr, ti_chart_get_caption (self), TI_CHART_PADDING,
                           TI_CHART_PADDING + (frame.has_title ? line * 1.15 + TI_CHART_PADDING / 2
                                                               : 0),
                           0, 0, width - 2 * TI_CHART_PADDING, &dim);
    }

  if (klass->draw == NULL || !klass->has_data (self))
    {
      GdkRGBA dim;

      ti_chart_get_colour (self, TI_CHART_COLOUR_DIM, &dim);
      ti_chart_draw_label (self, cr, _("No data for this period"),
                           frame.plot.origin.x + frame.plot.size.width / 2,
                           frame.plot.origin.y + frame.plot.size.height / 2, 0.5, 0.5,
                           frame.plot.size.width, &dim);
    }
  else
    {
      cairo_save (cr);
      klass->draw (self, cr, &frame.plot);
      cairo_restore (cr);
      draw_legend (self, cr, &frame);
    }
  cairo_restore (cr);
}

/**
 * ti_chart_render_to_surface:
 * @self: a chart
 * @width: the image's width in pixels
 * @height: the image's height in pixels
 *
 * Draws the chart into an image, as it is drawn on screen, on a transparent background.
 *
 * Returns: (transfer full): an ARGB32 image surface
 */
cairo_surface_t *
ti_chart_render_to_surface (TiChart *self, int width, int height)
{
  cairo_surface_t *surface;
  cairo_t *cr;

  g_return_val_if_fail (TI_IS_CHART (self), NULL);

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, MAX (width, 1), MAX (height, 1));
  cr = cairo_create (surface);
  ti_chart_draw (self, cr, width, height);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}
