/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ti-chart"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "ti-chart-private.h"
#include "ti-format.h"

/*
 * What every chart draws with: text in the widget's font, markers, lines and the labels of an
 * axis's ticks.
 */

/**
 * ti_chart_create_layout:
 * @self: a chart
 * @cr: (nullable): where it will be drawn
 * @text: the text
 * @bold: whether in bold
 * @scale: its size against the widget's font
 * @max_width: ellipsized beyond this width, or 0
 *
 * Returns: (transfer full): a layout of @text in the widget's font
 */
PangoLayout *
ti_chart_create_layout (TiChart *self, cairo_t *cr, const char *text, gboolean bold,
                        double scale, double max_width)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);

  if (bold || scale != 1.0)
    {
      PangoAttrList *attributes = pango_attr_list_new ();

      if (bold)
        pango_attr_list_insert (attributes, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
      if (scale != 1.0)
        pango_attr_list_insert (attributes, pango_attr_scale_new (scale));
      pango_layout_set_attributes (layout, attributes);
      pango_attr_list_unref (attributes);
    }
  if (max_width > 0)
    {
      pango_layout_set_width (layout, (int) (max_width * PANGO_SCALE));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    }
  if (cr != NULL)
    pango_cairo_update_layout (cr, layout);
  return layout;
}

/**
 * ti_chart_show_layout:
 * @cr: where to draw
 * @layout: the text
 * @x: where the text goes across
 * @y: where the text goes down
 * @x_align: 0 puts its left edge at @x, 0.5 its middle, 1 its right edge
 * @y_align: 0 puts its top at @y, 0.5 its middle, 1 its bottom
 * @colour: its colour
 */
void
ti_chart_show_layout (cairo_t *cr, PangoLayout *layout, double x, double y, double x_align,
                      double y_align, const GdkRGBA *colour)
{
  PangoRectangle logical;
  double width, offset;

  pango_layout_get_pixel_extents (layout, NULL, &logical);
  if (pango_layout_get_width (layout) >= 0)
    {
      /* A layout of a given width aligns its text within that width itself. */
      width = pango_layout_get_width (layout) / (double) PANGO_SCALE;
      offset = 0;
    }
  else
    {
      width = logical.width;
      offset = logical.x;
    }
  cairo_save (cr);
  gdk_cairo_set_source_rgba (cr, colour);
  cairo_move_to (cr, round (x - x_align * width - offset), round (y - y_align * logical.height));
  pango_cairo_show_layout (cr, layout);
  cairo_restore (cr);
}

/**
 * ti_chart_measure_text:
 * @self: a chart
 * @text: text in the chart's font
 * @width: (out) (optional): its width in pixels
 * @height: (out) (optional): its height in pixels
 */
void
ti_chart_measure_text (TiChart *self, const char *text, int *width, int *height)
{
  TiChartPrivate *priv = ti_chart_get_private (self);

  /* One layout for every label measured: making a layout per label is what costs. */
  if (priv->measure_layout == NULL)
    priv->measure_layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), NULL);
  pango_layout_set_text (priv->measure_layout, text, -1);
  pango_layout_get_pixel_size (priv->measure_layout, width, height);
}

/**
 * ti_chart_line_height:
 * @self: a chart
 *
 * Returns: the height of a line of text in the chart's font
 */
int
ti_chart_line_height (TiChart *self)
{
  int height;

  ti_chart_measure_text (self, "0", NULL, &height);
  return height;
}

/**
 * ti_chart_draw_text:
 * @self: a chart
 * @cr: where to draw
 * @text: the text
 * @x: where the text goes across
 * @y: where the text goes down
 * @x_align: 0 puts its left edge at @x, 0.5 its middle, 1 its right edge
 * @y_align: 0 puts its top at @y, 0.5 its middle, 1 its bottom
 * @colour: the text's colour
 * @bold: whether to draw it in bold
 *
 * Draws a label in the widget's font, for the screen and for saved images alike.
 */
void
ti_chart_draw_text (TiChart *self, cairo_t *cr, const char *text, double x, double y,
                    double x_align, double y_align, const GdkRGBA *colour, gboolean bold)
{
  g_autoptr (PangoLayout) layout = ti_chart_create_layout (self, cr, text, bold, 1.0, 0);

  ti_chart_show_layout (cr, layout, x, y, x_align, y_align, colour);
}

/**
 * ti_chart_draw_label:
 * @self: a chart
 * @cr: where to draw
 * @text: the text
 * @x: where the text goes across
 * @y: where the text goes down
 * @x_align: as for ti_chart_draw_text()
 * @y_align: as for ti_chart_draw_text()
 * @max_width: the text is ellipsized beyond this width
 * @colour: the text's colour
 *
 * Draws a label that may be long, such as a category's name, cut short with "…" where it
 * would not fit.
 */
void
ti_chart_draw_label (TiChart *self, cairo_t *cr, const char *text, double x, double y,
                     double x_align, double y_align, double max_width, const GdkRGBA *colour)
{
  g_autoptr (PangoLayout) layout = ti_chart_create_layout (self, cr, text, FALSE, 1.0, 0);
  int width;

  /* Only a label too long is given a width, so a short one aligns by its own. */
  pango_layout_get_pixel_size (layout, &width, NULL);
  if (width > max_width)
    {
      pango_layout_set_width (layout, (int) (MAX (max_width, 1) * PANGO_SCALE));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    }
  ti_chart_show_layout (cr, layout, x, y, x_align, y_align, colour);
}

/* The part of "Name: 359" after the name (": 359"). */
static char *
value_suffix (const char *value)
{
  /* Translators: a label of a chart giving a name and its value ("Tier 1: 840"); the name is
   * cut short where there is no room, never the value */
  return g_strdup_printf (C_("chart label", "%s: %s"), "", value);
}

/**
 * ti_chart_name_value_width:
 * @self: a chart
 * @name: a name
 * @value: (nullable): its value
 * @name_max: the name is cut short beyond this width, or 0
 *
 * Returns: the width of "@name: @value" with the name cut to @name_max
 */
int
ti_chart_name_value_width (TiChart *self, const char *name, const char *value, double name_max)
{
  g_autofree char *suffix = value ? value_suffix (value) : NULL;
  int name_width, suffix_width = 0;

  ti_chart_measure_text (self, name, &name_width, NULL);
  if (suffix != NULL)
    ti_chart_measure_text (self, suffix, &suffix_width, NULL);
  return (int) (name_max > 0 ? MIN (name_width, name_max) : name_width) + suffix_width;
}

/**
 * ti_chart_draw_name_value:
 * @self: a chart
 * @cr: where to draw
 * @name: a name, such as a series' or a slice's
 * @value: (nullable): its value, as written
 * @x: where the text goes across
 * @y: where the text goes down
 * @x_align: as for ti_chart_draw_text()
 * @y_align: as for ti_chart_draw_text()
 * @max_width: the room there is
 * @colour: the text's colour
 *
 * Draws "Name: value" in @max_width: where it does not fit, the name is cut short with "…"
 * and the value kept whole ("Active champ…: 359"), since a number cut short is a wrong
 * number.
 */
void
ti_chart_draw_name_value (TiChart *self, cairo_t *cr, const char *name, const char *value,
                          double x, double y, double x_align, double y_align, double max_width,
                          const GdkRGBA *colour)
{
  g_autofree char *suffix = NULL;
  g_autoptr (PangoLayout) first = NULL;
  g_autoptr (PangoLayout) rest = NULL;
  int name_width, suffix_width, height;
  double left;

  if (value == NULL)
    {
      ti_chart_draw_label (self, cr, name, x, y, x_align, y_align, max_width, colour);
      return;
    }
  suffix = value_suffix (value);
  first = ti_chart_create_layout (self, cr, name, FALSE, 1.0, 0);
  rest = ti_chart_create_layout (self, cr, suffix, FALSE, 1.0, 0);
  pango_layout_get_pixel_size (first, &name_width, &height);
  pango_layout_get_pixel_size (rest, &suffix_width, NULL);
  if (name_width + suffix_width > max_width)
    {
      PangoRectangle ink;

      pango_layout_set_width (first, (int) (MAX (max_width - suffix_width, 1) * PANGO_SCALE));
      pango_layout_set_ellipsize (first, PANGO_ELLIPSIZE_END);
      /* Where the "…" ends, not the layout's width: the value follows it closely. */
      pango_layout_get_pixel_extents (first, &ink, NULL);
      name_width = ink.x + ink.width + 1;
    }
  left = x - x_align * (name_width + suffix_width);
  ti_chart_show_layout (cr, first, left, y, 0, y_align, colour);
  ti_chart_show_layout (cr, rest, left + name_width, y, 0, y_align, colour);
}

/**
 * ti_chart_draw_marker:
 * @cr: where to draw
 * @marker: its shape
 * @x: its centre across
 * @y: its centre down
 * @size: about how wide it is
 * @colour: its colour
 * @hollow: whether to draw only its outline
 */
void
ti_chart_draw_marker (cairo_t *cr, TiChartMarker marker, double x, double y, double size,
                      const GdkRGBA *colour, gboolean hollow)
{
  double r = size / 2;

  cairo_save (cr);
  cairo_new_path (cr);
  if (hollow)
    r -= 1;
  switch (marker)
    {
    case TI_CHART_MARKER_SQUARE:
      r *= 0.88;
      cairo_rectangle (cr, x - r, y - r, 2 * r, 2 * r);
      break;
    case TI_CHART_MARKER_DIAMOND:
      r *= 1.25;
      cairo_move_to (cr, x, y - r);
      cairo_line_to (cr, x + r, y);
      cairo_line_to (cr, x, y + r);
      cairo_line_to (cr, x - r, y);
      cairo_close_path (cr);
      break;
    case TI_CHART_MARKER_TRIANGLE:
    case TI_CHART_MARKER_TRIANGLE_DOWN:
      {
        double sign = marker == TI_CHART_MARKER_TRIANGLE ? 1 : -1;

        r *= 1.3;
        cairo_move_to (cr, x, y - sign * r);
        cairo_line_to (cr, x + r * 0.866, y + sign * r * 0.6);
        cairo_line_to (cr, x - r * 0.866, y + sign * r * 0.6);
        cairo_close_path (cr);
      }
      break;
    case TI_CHART_MARKER_CIRCLE:
    default:
      cairo_arc (cr, x, y, r, 0, 2 * G_PI);
      break;
    }
  gdk_cairo_set_source_rgba (cr, colour);
  if (hollow)
    {
      cairo_set_line_width (cr, 2);
      cairo_stroke (cr);
    }
  else
    cairo_fill (cr);
  cairo_restore (cr);
}

/**
 * ti_chart_draw_mark:
 * @self: a chart
 * @cr: where to draw
 * @marker: its shape
 * @x: its centre across
 * @y: its centre down
 * @size: about how wide it is
 * @colour: its colour
 *
 * Draws a filled marker that carries meaning (a status, a legend's swatch), with an edge of its
 * own colour darkened where the fill alone would not stand out from the background.
 */
void
ti_chart_draw_mark (TiChart *self, cairo_t *cr, TiChartMarker marker, double x, double y,
                    double size, const GdkRGBA *colour)
{
  GdkRGBA edge;

  ti_chart_draw_marker (cr, marker, x, y, size, colour, FALSE);
  if (ti_chart_get_edge_colour (self, colour, &edge))
    {
      cairo_save (cr);
      cairo_set_line_width (cr, 1.5);
      ti_chart_draw_marker (cr, marker, x, y, size + 1, &edge, TRUE);
      cairo_restore (cr);
    }
}

/**
 * ti_chart_fill_rectangle:
 * @cr: where to draw
 * @x: its left
 * @y: its top
 * @width: its width
 * @height: its height
 * @colour: its colour
 */
void
ti_chart_fill_rectangle (cairo_t *cr, double x, double y, double width, double height,
                         const GdkRGBA *colour)
{
  gdk_cairo_set_source_rgba (cr, colour);
  cairo_rectangle (cr, x, y, width, height);
  cairo_fill (cr);
}

/**
 * ti_chart_stroke_line:
 * @cr: where to draw
 * @x0: where it starts across
 * @y0: where it starts down
 * @x1: where it ends across
 * @y1: where it ends down
 * @width: how thick
 * @colour: its colour
 */
void
ti_chart_stroke_line (cairo_t *cr, double x0, double y0, double x1, double y1, double width,
                      const GdkRGBA *colour)
{
  gdk_cairo_set_source_rgba (cr, colour);
  cairo_set_line_width (cr, width);
  cairo_move_to (cr, x0, y0);
  cairo_line_to (cr, x1, y1);
  cairo_stroke (cr);
}

/**
 * ti_chart_format_tick:
 * @series: the figures on the axis
 * @axis: the axis
 * @value: one of its ticks
 *
 * Returns: (transfer full): the tick's label, in the series' format with as many decimals as
 *   the axis's step needs
 */
char *
ti_chart_format_tick (TiSeries *series, const TiChartAxis *axis, double value)
{
  switch (ti_series_get_format (series))
    {
    case TI_SERIES_FORMAT_PERCENT:
      return ti_chart_axis_format_percent (value, axis->step);
    case TI_SERIES_FORMAT_SCORE:
      return ti_format_decimal (value, axis->step < 1 ? 1 : 0, FALSE);
    case TI_SERIES_FORMAT_MONTH:
      return ti_series_format (series, value);
    case TI_SERIES_FORMAT_COUNT:
    default:
      return ti_chart_axis_format_count (value);
    }
}

/**
 * ti_chart_fit_axis:
 * @self: a chart
 * @low: the smallest value to show
 * @high: the largest
 * @counts: the values are counts (zero on the axis, whole steps)
 * @length: the axis's length
 * @across: whether values grow across (labels side by side) rather than up (labels one above
 *   the other)
 * @axis: (out caller-allocates): the axis
 *
 * Chooses nice ticks (at most six) that have room: labels side by side each as wide as the
 * widest with a gap between, labels one above the other two lines apart.
 */
void
ti_chart_fit_axis (TiChart *self, double low, double high, gboolean counts, double length,
                   gboolean across, TiChartAxis *axis)
{
  TiSeries *series = ti_chart_get_series (self);
  guint most = 6;

  for (;;)
    {
      double need;

      ti_chart_axis_compute (low, high, counts, most, axis);
      if (axis->n_ticks <= 2 || series == NULL)
        return;
      if (across)
        need = ti_chart_widest_tick (self, series, axis) + 2 * TI_CHART_GAP;
      else
        need = 2 * ti_chart_line_height (self);
      if ((axis->n_ticks - 1) * need <= length)
        return;
      most = axis->n_ticks - 1;
    }
}

/**
 * ti_chart_widest_tick:
 * @self: a chart
 * @series: the figures on the axis
 * @axis: the axis
 *
 * Returns: the width of the axis's widest label
 */
int
ti_chart_widest_tick (TiChart *self, TiSeries *series, const TiChartAxis *axis)
{
  int widest = 0;

  for (guint i = 0; i < axis->n_ticks; i++)
    {
      g_autofree char *label = ti_chart_format_tick (series, axis, ti_chart_axis_tick (axis, i));
      int width;

      ti_chart_measure_text (self, label, &width, NULL);
      widest = MAX (widest, width);
    }
  return widest;
}
