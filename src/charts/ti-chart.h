/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "ti-series.h"

G_BEGIN_DECLS

#define TI_TYPE_CHART (ti_chart_get_type ())
G_DECLARE_DERIVABLE_TYPE (TiChart, ti_chart, TI, CHART, GtkWidget)

/**
 * TiChartColour:
 * @TI_CHART_COLOUR_FOREGROUND: text and axis labels
 * @TI_CHART_COLOUR_DIM: secondary text, such as the empty state
 * @TI_CHART_COLOUR_GRID: grid lines
 * @TI_CHART_COLOUR_ACCENT: a single series
 * @TI_CHART_COLOUR_BACKGROUND: what a saved image is drawn on: the theme's view background
 *
 * The colours a chart takes from the theme.
 */
typedef enum
{
  TI_CHART_COLOUR_FOREGROUND,
  TI_CHART_COLOUR_DIM,
  TI_CHART_COLOUR_GRID,
  TI_CHART_COLOUR_ACCENT,
  TI_CHART_COLOUR_BACKGROUND,
} TiChartColour;

/**
 * TiChartFileFormat:
 * @TI_CHART_FILE_PNG: a PNG image
 * @TI_CHART_FILE_SVG: an SVG drawing
 * @TI_CHART_FILE_PDF: a PDF page
 *
 * What ti_chart_save() writes.
 */
typedef enum
{
  TI_CHART_FILE_PNG,
  TI_CHART_FILE_SVG,
  TI_CHART_FILE_PDF,
} TiChartFileFormat;

/**
 * TiChartMove:
 * @TI_CHART_MOVE_PREVIOUS: to the item before, in reading order (Left; Right right to left)
 * @TI_CHART_MOVE_NEXT: to the item after (Right; Left right to left)
 * @TI_CHART_MOVE_UP: to the item above (Up)
 * @TI_CHART_MOVE_DOWN: to the item below (Down)
 * @TI_CHART_MOVE_FIRST: to the first item (Home)
 * @TI_CHART_MOVE_LAST: to the last item (End)
 *
 * Where a key asks the keyboard's choice of item to go.
 */
typedef enum
{
  TI_CHART_MOVE_PREVIOUS,
  TI_CHART_MOVE_NEXT,
  TI_CHART_MOVE_UP,
  TI_CHART_MOVE_DOWN,
  TI_CHART_MOVE_FIRST,
  TI_CHART_MOVE_LAST,
} TiChartMove;

/**
 * TiChartClass:
 * @update: the series changed (it may be %NULL): work out what drawing needs (axes, shares,
 *   lanes), so that @draw only draws
 * @has_data: whether there is anything to draw; without data the empty state is drawn. By
 *   default, whether the series has any value
 * @draw: draws the chart's data into @cr, inside @plot (what is left once the base has drawn
 *   the title and the legend)
 * @item_at: the item at @x, @y when the chart's data is drawn inside @plot, with the geometry
 *   @draw uses, so the pointer, a click and the keyboard agree
 * @describe: (nullable): what the chart shows, in words, for its accessible description; by
 *   default how many items there are and the largest and smallest
 * @describe_item: an item's tooltip; by default "Category · Series: value"
 * @fill_legend: adds the legend's entries (#TiChartLegendItem); by default one for each series
 *   when there are several
 * @get_n_item_series: how many series the keyboard moves between; by default the series'
 * @natural_plot_height: the height the chart's data would like, or 0 for the default
 * @get_headings: what a table of the chart calls its categories ("Month") and their groups
 *   ("Workstream")
 * @move: the item a key moves the keyboard's choice to, from the chosen one (@category is
 *   -1 when none is); by default across categories and up through series (rows: down through
 *   categories, across series). Returns %FALSE when there is nowhere to go
 *
 * The class of charts. Kinds of chart override @draw and @item_at, and as they need the rest.
 */
struct _TiChartClass
{
  GtkWidgetClass parent_class;

  void (*update) (TiChart *self, TiSeries *series);
  gboolean (*has_data) (TiChart *self);
  void (*draw) (TiChart *self, cairo_t *cr, const graphene_rect_t *plot);
  gboolean (*item_at) (TiChart *self, const graphene_rect_t *plot, double x, double y,
                       guint *category, guint *series);
  char *(*describe) (TiChart *self);
  char *(*describe_item) (TiChart *self, guint category, guint series);
  void (*fill_legend) (TiChart *self, GArray *items);
  guint (*get_n_item_series) (TiChart *self);
  int (*natural_plot_height) (TiChart *self, int width);
  void (*get_headings) (TiChart *self, const char **category, const char **group);
  gboolean (*move) (TiChart *self, TiChartMove move, int *category, int *series);

  /*< private >*/
  gpointer padding[6];
};

const char *ti_chart_get_title (TiChart *self);
void ti_chart_set_title (TiChart *self, const char *title);
const char *ti_chart_get_description (TiChart *self);
const char *ti_chart_get_caption (TiChart *self);
void ti_chart_set_caption (TiChart *self, const char *caption);

void ti_chart_set_series (TiChart *self, TiSeries *series);
TiSeries *ti_chart_get_series (TiChart *self);

gboolean ti_chart_get_show_title (TiChart *self);
void ti_chart_set_show_title (TiChart *self, gboolean show);

gboolean ti_chart_get_selected (TiChart *self, guint *category, guint *series);
const char *ti_chart_get_selected_description (TiChart *self);
void ti_chart_select (TiChart *self, guint category, guint series);
char *ti_chart_describe_item (TiChart *self, guint category, guint series);
void ti_chart_get_headings (TiChart *self, const char **category, const char **group);

void ti_chart_get_colour (TiChart *self, TiChartColour which, GdkRGBA *colour);
void ti_chart_get_palette_colour (TiChart *self, guint index, GdkRGBA *colour);
double ti_chart_contrast (const GdkRGBA *colour, const GdkRGBA *background);
void ti_chart_palette_colour (guint index, GdkRGBA *colour);
guint ti_chart_palette_size (void);

void ti_chart_draw (TiChart *self, cairo_t *cr, int width, int height);
cairo_surface_t *ti_chart_render_to_surface (TiChart *self, int width, int height);

gboolean ti_chart_save (TiChart *self, const char *path, TiChartFileFormat format, int width,
                        int height, GError **error);
gboolean ti_chart_save_scaled (TiChart *self, const char *path, TiChartFileFormat format,
                               int width, int height, int scale, GError **error);
TiChartFileFormat ti_chart_file_format_from_path (const char *path);
gboolean ti_chart_file_format_from_name (const char *name, TiChartFileFormat *format);
const char *ti_chart_file_format_extension (TiChartFileFormat format);
const char *ti_chart_file_format_filter_name (TiChartFileFormat format);
char *ti_chart_file_path_for_format (const char *path, TiChartFileFormat chosen,
                                     TiChartFileFormat *format);
GtkFileChooserNative *ti_chart_file_chooser_new (GtkWindow *parent, const char *title,
                                                 const char *name, TiChartFileFormat format);
char *ti_chart_file_chooser_get_target (GtkNativeDialog *chooser, int response,
                                        TiChartFileFormat *format);

G_END_DECLS
