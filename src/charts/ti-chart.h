/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define TI_TYPE_CHART (ti_chart_get_type ())
G_DECLARE_DERIVABLE_TYPE (TiChart, ti_chart, TI, CHART, GtkWidget)

/**
 * TiChartColour:
 * @TI_CHART_COLOUR_FOREGROUND: text and axis labels
 * @TI_CHART_COLOUR_DIM: secondary text, such as the empty state
 * @TI_CHART_COLOUR_GRID: grid lines
 * @TI_CHART_COLOUR_ACCENT: a single series
 *
 * The colours a chart takes from the theme.
 */
typedef enum
{
  TI_CHART_COLOUR_FOREGROUND,
  TI_CHART_COLOUR_DIM,
  TI_CHART_COLOUR_GRID,
  TI_CHART_COLOUR_ACCENT,
} TiChartColour;

/**
 * TiChartClass:
 * @draw: draws the chart's data into @cr, @width by @height; called only when it has data
 * @has_data: whether there is anything to draw; without data the empty state is drawn
 *
 * The class of charts. Kinds of chart override @draw and @has_data.
 */
struct _TiChartClass
{
  GtkWidgetClass parent_class;

  void (*draw) (TiChart *self, cairo_t *cr, int width, int height);
  gboolean (*has_data) (TiChart *self);
};

const char *ti_chart_get_title (TiChart *self);
void ti_chart_set_title (TiChart *self, const char *title);
const char *ti_chart_get_description (TiChart *self);

void ti_chart_get_colour (TiChart *self, TiChartColour which, GdkRGBA *colour);
void ti_chart_palette_colour (guint index, GdkRGBA *colour);
guint ti_chart_palette_size (void);

void ti_chart_draw (TiChart *self, cairo_t *cr, int width, int height);
cairo_surface_t *ti_chart_render_to_surface (TiChart *self, int width, int height);

/* For kinds of chart. */
void ti_chart_set_description (TiChart *self, const char *description);
void ti_chart_draw_text (TiChart *self, cairo_t *cr, const char *text, double x, double y,
                         double x_align, double y_align, const GdkRGBA *colour,
                         gboolean bold);
void ti_chart_measure_text (TiChart *self, const char *text, int *width, int *height);

G_END_DECLS
