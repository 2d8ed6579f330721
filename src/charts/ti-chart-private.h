/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ti-chart-axis.h"
#include "ti-chart.h"

G_BEGIN_DECLS

/* What kinds of chart share with the base: the frame around their data, text, markers, the
 * legend's entries and the highlight of the item under the pointer or the keyboard. */

#define TI_CHART_PADDING 12.0 /* around the whole chart */
#define TI_CHART_GAP 8.0      /* between a label and what it labels */
#define TI_CHART_MARKER_SIZE 10.0

/**
 * TiChartMarker:
 *
 * The shapes that tell series and states apart beside their colour.
 */
typedef enum
{
  TI_CHART_MARKER_CIRCLE,
  TI_CHART_MARKER_SQUARE,
  TI_CHART_MARKER_DIAMOND,
  TI_CHART_MARKER_TRIANGLE,
  TI_CHART_MARKER_TRIANGLE_DOWN,
  TI_CHART_N_MARKERS
} TiChartMarker;

/**
 * TiChartLegendItem:
 * @name: what the entry says
 * @value: (nullable): its value, kept whole when the name is cut short
 * @colour: its swatch's colour
 * @marker: its swatch's shape
 * @hollow: whether the swatch is drawn as an outline
 */
typedef struct
{
  char *name;
  char *value;
  GdkRGBA colour;
  TiChartMarker marker;
  gboolean hollow;
} TiChartLegendItem;

void ti_chart_legend_add (GArray *items, const char *name, const GdkRGBA *colour,
                          TiChartMarker marker, gboolean hollow);
void ti_chart_legend_add_value (GArray *items, const char *name, const char *value,
                                const GdkRGBA *colour, TiChartMarker marker);
void ti_chart_clear_legend_item (gpointer item);
void ti_chart_real_fill_legend (TiChart *self, GArray *items);

/* The state of a chart that the files of the base share. */
typedef struct
{
  char *title;
  char *caption;
  char *description;
  char *selected_description;
  TiSeries *series;
  GArray *legend; /* of TiChartLegendItem */
  gboolean show_title;
  gboolean drawing_file;
  gboolean rows;
  gboolean legend_beside;
  int hovered_category; /* -1: none */
  int hovered_series;
  int selected_category; /* -1: none */
  int selected_series;
  PangoLayout *measure_layout; /* reused to measure labels; dropped when the style changes */
} TiChartPrivate;

TiChartPrivate *ti_chart_get_private (TiChart *self);
guint ti_chart_n_categories (TiChart *self);
guint ti_chart_n_item_series (TiChart *self);
gboolean ti_chart_has_data (TiChart *self);
void ti_chart_init_input (TiChart *self);
gboolean ti_chart_real_move (TiChart *self, TiChartMove move, int *category, int *series);
char *ti_chart_real_describe (TiChart *self);
char *ti_chart_real_describe_item (TiChart *self, guint category, guint series);
void ti_chart_real_get_headings (TiChart *self, const char **category, const char **group);

/**
 * TiChartFrame:
 * @plot: where the kind draws its data
 * @has_title: whether the title is drawn
 * @has_caption: whether the caption is drawn under it (in saved files)
 * @legend: where the legend goes (empty without one)
 * @legend_beside: whether the legend is a column beside the plot rather than rows under it
 *
 * How a chart's area is shared between its title, its data and its legend.
 */
typedef struct
{
  graphene_rect_t plot;
  gboolean has_title;
  gboolean has_caption;
  graphene_rect_t legend;
  gboolean legend_beside;
} TiChartFrame;

void ti_chart_compute_frame (TiChart *self, int width, int height, TiChartFrame *frame);
GArray *ti_chart_get_legend (TiChart *self);
gboolean ti_chart_get_legend_beside (TiChart *self);
void ti_chart_set_legend_beside (TiChart *self, gboolean beside);
void ti_chart_set_drawing_file (TiChart *self, gboolean drawing_file);
int ti_chart_get_file_height (TiChart *self, int width);

/* Kinds whose items are rows (horizontal bars, dumbbells, milestones): Up and Down move between
 * categories, Left and Right between series. */
void ti_chart_set_rows (TiChart *self, gboolean rows);
/* A kind's own option changed (stacked, horizontal, today): work out its drawing again. */
void ti_chart_update (TiChart *self);
void ti_chart_set_description (TiChart *self, const char *description);
void ti_chart_update_selected_description (TiChart *self);
char *ti_chart_describe_extremes (TiChart *self);

gboolean ti_chart_is_highlighted (TiChart *self, guint category, guint series);
gboolean ti_chart_is_drawing_file (TiChart *self);
void ti_chart_series_colour (TiChart *self, guint series, GdkRGBA *colour);
/* The theme's colours for any widget of the kit (the network map), as charts take them. */
void ti_chart_style_colour (GtkWidget *widget, gboolean drawing_file, TiChartColour which,
                            GdkRGBA *colour);
void ti_chart_style_palette_colour (GtkWidget *widget, gboolean drawing_file, guint index,
                                    GdkRGBA *colour);
gboolean ti_chart_style_edge_colour (GtkWidget *widget, gboolean drawing_file,
                                     const GdkRGBA *fill, GdkRGBA *edge);

/* Draws a saved file's page, its background included. */
typedef void (*TiChartDrawPageFunc) (cairo_t *cr, int width, int height, gpointer data);

gboolean ti_chart_save_page (const char *path, TiChartFileFormat format, int width, int height,
                             int scale, TiChartDrawPageFunc draw, gpointer data, GError **error);

void ti_chart_contrasting_text (const GdkRGBA *fill, GdkRGBA *text);
gboolean ti_chart_get_edge_colour (TiChart *self, const GdkRGBA *fill, GdkRGBA *edge);
void ti_chart_draw_mark (TiChart *self, cairo_t *cr, TiChartMarker marker, double x, double y,
                         double size, const GdkRGBA *colour);

int ti_chart_line_height (TiChart *self);
void ti_chart_measure_text (TiChart *self, const char *text, int *width, int *height);
PangoLayout *ti_chart_create_layout (TiChart *self, cairo_t *cr, const char *text,
                                     gboolean bold, double scale, double max_width);
void ti_chart_show_layout (cairo_t *cr, PangoLayout *layout, double x, double y,
                           double x_align, double y_align, const GdkRGBA *colour);
void ti_chart_draw_text (TiChart *self, cairo_t *cr, const char *text, double x, double y,
                         double x_align, double y_align, const GdkRGBA *colour,
                         gboolean bold);
void ti_chart_draw_label (TiChart *self, cairo_t *cr, const char *text, double x, double y,
                          double x_align, double y_align, double max_width,
                          const GdkRGBA *colour);
int ti_chart_name_value_width (TiChart *self, const char *name, const char *value,
                               double name_max);
void ti_chart_draw_name_value (TiChart *self, cairo_t *cr, const char *name, const char *value,
                               double x, double y, double x_align, double y_align,
                               double max_width, const GdkRGBA *colour);
void ti_chart_draw_marker (cairo_t *cr, TiChartMarker marker, double x, double y, double size,
                           const GdkRGBA *colour, gboolean hollow);
void ti_chart_fill_rectangle (cairo_t *cr, double x, double y, double width, double height,
                              const GdkRGBA *colour);
void ti_chart_stroke_line (cairo_t *cr, double x0, double y0, double x1, double y1, double width,
                           const GdkRGBA *colour);

char *ti_chart_format_tick (TiSeries *series, const TiChartAxis *axis, double value);
int ti_chart_widest_tick (TiChart *self, TiSeries *series, const TiChartAxis *axis);
void ti_chart_fit_axis (TiChart *self, double low, double high, gboolean counts, double length,
                        gboolean across, TiChartAxis *axis);

void ti_chart_draw_value_axis (TiChart *self, cairo_t *cr, const TiChartAxis *axis,
                               const graphene_rect_t *area, gboolean across);

/* Months drawn along an axis: the month's short name, and the year under January and the
 * first. */
void ti_chart_draw_month_axis (TiChart *self, cairo_t *cr, double x_first, double x_step,
                               int first_month, guint n_months, double y);

G_END_DECLS
