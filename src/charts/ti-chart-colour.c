/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ti-chart"

#include "config.h"

#include <adwaita.h>
#include <math.h>

#include "ti-chart-private.h"

/*
 * A chart's colours: the theme's, read in one place so light, dark and high-contrast styles
 * are right; the light style's in saved files; and the Okabe–Ito palette for series and
 * statuses, kept at 3:1 against what it is drawn on.
 */

/**
 * ti_chart_palette_size:
 *
 * Returns: how many colours the palette has before it repeats
 */
guint
ti_chart_palette_size (void)
{
  return TI_SERIES_N_COLOURS;
}

/**
 * ti_chart_palette_colour:
 * @index: the series, from 0; the palette repeats
 * @colour: (out caller-allocates): the colour of series @index
 *
 * Gives the colour-blind-safe colour (Okabe–Ito) of one series of several.
 */
void
ti_chart_palette_colour (guint index, GdkRGBA *colour)
{
  guint32 rgb = ti_series_colour (index);

  *colour = (GdkRGBA){ ((rgb >> 16) & 0xff) / 255.0, ((rgb >> 8) & 0xff) / 255.0,
                       (rgb & 0xff) / 255.0, 1 };
}

static gboolean
high_contrast (void)
{
  return adw_is_initialized ()
         && adw_style_manager_get_high_contrast (adw_style_manager_get_default ());
}

/* The light style's colours, as a saved file is always drawn: GNOME's dark grey text and blue
 * accent on white. */
static void
file_colour (TiChartColour which, GdkRGBA *colour)
{
  switch (which)
    {
    case TI_CHART_COLOUR_BACKGROUND:
      gdk_rgba_parse (colour, "#ffffff");
      break;
    case TI_CHART_COLOUR_ACCENT:
      gdk_rgba_parse (colour, "#3584e4");
      break;
    case TI_CHART_COLOUR_FOREGROUND:
    case TI_CHART_COLOUR_DIM:
    case TI_CHART_COLOUR_GRID:
    default:
      gdk_rgba_parse (colour, "#1e1e1e");
      break;
    }
}

/**
 * ti_chart_get_colour:
 * @self: a chart
 * @which: which colour
 * @colour: (out caller-allocates): the colour, from the theme
 *
 * The one place charts read the theme, so light, dark and high-contrast styles are right: the
 * foreground is the widget's colour, dim and grid colours are that colour made fainter (less
 * so in high contrast), the accent is libadwaita's `@accent_bg_color` and the background its
 * `@view_bg_color` (GNOME's defaults where no style names them). While the chart is drawn
 * into a file the colours are the light style's on white, whatever the screen's: saved charts
 * go into board papers.
 */
void
ti_chart_get_colour (TiChart *self, TiChartColour which, GdkRGBA *colour)
{
  g_return_if_fail (TI_IS_CHART (self));

  ti_chart_style_colour (GTK_WIDGET (self), ti_chart_is_drawing_file (self), which, colour);
}

/**
 * ti_chart_style_colour:
 * @widget: a widget of the chart kit that draws as charts do (a chart, the network map)
 * @drawing_file: whether it is drawing a file: the light style's colours, on white
 * @which: which colour
 * @colour: (out caller-allocates): the colour, from the theme
 *
 * As ti_chart_get_colour(), for any widget.
 */
void
ti_chart_style_colour (GtkWidget *widget, gboolean drawing_file, TiChartColour which,
                       GdkRGBA *colour)
{
  GtkStyleContext *style;
  GdkRGBA foreground;
  gboolean strong;

  g_return_if_fail (GTK_IS_WIDGET (widget));

  style = gtk_widget_get_style_context (widget);
  strong = !drawing_file && high_contrast ();
  if (drawing_file)
    file_colour (TI_CHART_COLOUR_FOREGROUND, &foreground);
  /* Outside a window a widget has CSS's initial colour, white: a chart drawn off screen takes
   * the theme's text colour instead. */
  else if (gtk_widget_get_root (widget) != NULL
           || !gtk_style_context_lookup_color (style, "view_fg_color", &foreground))
    gtk_style_context_get_color (style, &foreground);

  switch (which)
    {
    case TI_CHART_COLOUR_FOREGROUND:
      *colour = foreground;
      break;
    case TI_CHART_COLOUR_DIM:
      *colour = foreground;
      colour->alpha *= strong ? 0.85f : 0.6f;
      break;
    case TI_CHART_COLOUR_GRID:
      *colour = foreground;
      colour->alpha *= strong ? 0.45f : 0.15f;
      break;
    case TI_CHART_COLOUR_BACKGROUND:
      if (drawing_file)
        file_colour (which, colour);
      else if (!gtk_style_context_lookup_color (style, "view_bg_color", colour)
               && !gtk_style_context_lookup_color (style, "window_bg_color", colour))
        {
          /* No libadwaita style: the opposite of the text. */
          double light = foreground.red + foreground.green + foreground.blue;

          gdk_rgba_parse (colour, light > 1.5 ? "#1e1e1e" : "#ffffff");
        }
      break;
    case TI_CHART_COLOUR_ACCENT:
    default:
      if (drawing_file
          || !gtk_style_context_lookup_color (style, "accent_bg_color", colour))
        file_colour (TI_CHART_COLOUR_ACCENT, colour);
      break;
    }
}

/* What the chart is drawn on: white in a file; on screen a card (charts live in cards), or
 * the view's background where the style has no cards. */
static void
surface_colour (GtkWidget *widget, gboolean drawing_file, GdkRGBA *colour)
{
  GtkStyleContext *style = gtk_widget_get_style_context (widget);
  GdkRGBA card, window;

  ti_chart_style_colour (widget, drawing_file, TI_CHART_COLOUR_BACKGROUND, colour);
  if (!drawing_file
      && gtk_style_context_lookup_color (style, "card_bg_color", &card)
      && gtk_style_context_lookup_color (style, "window_bg_color", &window))
    {
      colour->red = card.red * card.alpha + window.red * (1 - card.alpha);
      colour->green = card.green * card.alpha + window.green * (1 - card.alpha);
      colour->blue = card.blue * card.alpha + window.blue * (1 - card.alpha);
    }
  colour->alpha = 1;
}

static double
linear (double channel)
{
  return channel <= 0.04045 ? channel / 12.92 : pow ((channel + 0.055) / 1.055, 2.4);
}

static double
luminance (const GdkRGBA *colour)
{
  return 0.2126 * linear (colour->red) + 0.7152 * linear (colour->green)
         + 0.0722 * linear (colour->blue);
}

/**
 * ti_chart_contrast:
 * @colour: a colour, drawn over @background
 * @background: an opaque colour
 *
 * Returns: their contrast ratio as WCAG counts it, from 1 to 21
 */
double
ti_chart_contrast (const GdkRGBA *colour, const GdkRGBA *background)
{
  GdkRGBA over = {
    colour->red * colour->alpha + background->red * (1 - colour->alpha),
    colour->green * colour->alpha + background->green * (1 - colour->alpha),
    colour->blue * colour->alpha + background->blue * (1 - colour->alpha),
    1,
  };
  double a = luminance (&over), b = luminance (background);

  return (MAX (a, b) + 0.05) / (MIN (a, b) + 0.05);
}

/* @colour moved towards @target until it stands at @ratio against @background, or as near as
 * it comes. */
static void
reach_contrast (GdkRGBA *colour, const GdkRGBA *target, const GdkRGBA *background, double ratio)
{
  GdkRGBA start = *colour;

  for (int step = 1; step <= 20 && ti_chart_contrast (colour, background) < ratio; step++)
    {
      double t = step / 20.0;

      colour->red = start.red + (target->red - start.red) * t;
      colour->green = start.green + (target->green - start.green) * t;
      colour->blue = start.blue + (target->blue - start.blue) * t;
    }
}

/* Marks that carry meaning stand at 3:1 against what they are drawn on (WCAG 1.4.11). */
#define MARK_CONTRAST 3.0

/**
 * ti_chart_get_palette_colour:
 * @self: a chart
 * @index: the series (or slice, or status), from 0; the palette repeats
 * @colour: (out caller-allocates): its colour
 *
 * The Okabe–Ito colour of @index as this chart draws it: as it is on light backgrounds and in
 * saved files, lightened on dark ones where it would not stand out at 3:1 from the card (the
 * palette's blue, on a dark card).
 */
void
ti_chart_get_palette_colour (TiChart *self, guint index, GdkRGBA *colour)
{
  ti_chart_style_palette_colour (GTK_WIDGET (self), ti_chart_is_drawing_file (self), index,
                                 colour);
}

/**
 * ti_chart_style_palette_colour:
 * @widget: a widget of the chart kit
 * @drawing_file: whether it is drawing a file
 * @index: the series, from 0; the palette repeats
 * @colour: (out caller-allocates): its colour
 *
 * As ti_chart_get_palette_colour(), for any widget.
 */
void
ti_chart_style_palette_colour (GtkWidget *widget, gboolean drawing_file, guint index,
                               GdkRGBA *colour)
{
  static const GdkRGBA white = { 1, 1, 1, 1 };
  GdkRGBA surface;

  ti_chart_palette_colour (index, colour);
  surface_colour (widget, drawing_file, &surface);
  if (luminance (&surface) < 0.2)
    reach_contrast (colour, &white, &surface, MARK_CONTRAST);
}

/**
 * ti_chart_get_edge_colour:
 * @self: a chart
 * @fill: a mark's colour
 * @edge: (out caller-allocates): the colour of an edge that makes the mark stand at 3:1 from
 *   what it is drawn on
 *
 * Returns: whether the mark needs an edge: a light fill (yellow, orange, sky blue) on a light
 *   background does, and gets its own colour darkened
 */
gboolean
ti_chart_get_edge_colour (TiChart *self, const GdkRGBA *fill, GdkRGBA *edge)
{
  return ti_chart_style_edge_colour (GTK_WIDGET (self), ti_chart_is_drawing_file (self), fill,
                                     edge);
}

/**
 * ti_chart_style_edge_colour:
 * @widget: a widget of the chart kit
 * @drawing_file: whether it is drawing a file
 * @fill: a mark's colour
 * @edge: (out caller-allocates): its edge's colour
 *
 * As ti_chart_get_edge_colour(), for any widget.
 *
 * Returns: whether the mark needs an edge
 */
gboolean
ti_chart_style_edge_colour (GtkWidget *widget, gboolean drawing_file, const GdkRGBA *fill,
                            GdkRGBA *edge)
{
  static const GdkRGBA black = { 0, 0, 0, 1 };
  GdkRGBA surface;

  surface_colour (widget, drawing_file, &surface);
  if (ti_chart_contrast (fill, &surface) >= MARK_CONTRAST || luminance (&surface) < 0.2)
    return FALSE;
  *edge = *fill;
  edge->alpha = 1;
  reach_contrast (edge, &black, &surface, MARK_CONTRAST + 0.5);
  return TRUE;
}

/**
 * ti_chart_series_colour:
 * @self: a chart
 * @series: a series of its data
 * @colour: (out caller-allocates): its colour
 *
 * One series is drawn in the theme's accent; several in the palette, as
 * ti_chart_get_palette_colour() gives it.
 */
void
ti_chart_series_colour (TiChart *self, guint series, GdkRGBA *colour)
{
  TiSeries *data = ti_chart_get_series (self);

  if (data == NULL || ti_series_get_n_series (data) < 2)
    ti_chart_get_colour (self, TI_CHART_COLOUR_ACCENT, colour);
  else
    ti_chart_get_palette_colour (self, series, colour);
}

/**
 * ti_chart_contrasting_text:
 * @fill: a colour text is drawn on
 * @text: (out caller-allocates): black or white, whichever reads on @fill
 */
void
ti_chart_contrasting_text (const GdkRGBA *fill, GdkRGBA *text)
{
  double luminance = 0.2126 * fill->red + 0.7152 * fill->green + 0.0722 * fill->blue;

  if (luminance > 0.55)
    *text = (GdkRGBA) { 0, 0, 0, 0.85f };
  else
    *text = (GdkRGBA) { 1, 1, 1, 1 };
}
