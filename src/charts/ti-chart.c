/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ti-chart"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ti-chart.h"

/**
 * TiChart:
 *
 * The base of every chart: a title, colours from the theme, one drawing path for the screen and
 * for saved images, an honest empty state, keyboard focus, and what assistive technologies
 * read: role image, the title as label and a description in words that kinds of chart keep up
 * to date with their data.
 */

typedef struct
{
  char *title;
  char *description;
} TiChartPrivate;

G_DEFINE_TYPE_WITH_PRIVATE (TiChart, ti_chart, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_TITLE,
  PROP_DESCRIPTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Okabe and Ito's palette, told apart with every common colour vision deficiency; black is
 * left out, being the text colour. */
static const GdkRGBA palette[] = {
  { 0.000, 0.447, 0.698, 1 }, /* blue */
  { 0.902, 0.624, 0.000, 1 }, /* orange */
  { 0.000, 0.620, 0.451, 1 }, /* bluish green */
  { 0.800, 0.475, 0.655, 1 }, /* reddish purple */
  { 0.337, 0.706, 0.914, 1 }, /* sky blue */
  { 0.835, 0.369, 0.000, 1 }, /* vermillion */
  { 0.941, 0.894, 0.259, 1 }, /* yellow */
};

/**
 * ti_chart_palette_size:
 *
 * Returns: how many colours the palette has before it repeats
 */
guint
ti_chart_palette_size (void)
{
  return G_N_ELEMENTS (palette);
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
  *colour = palette[index % G_N_ELEMENTS (palette)];
}

/**
 * ti_chart_get_colour:
 * @self: a chart
 * @which: which colour
 * @colour: (out caller-allocates): the colour, from the theme
 *
 * The one place charts read the theme, so light, dark and high-contrast styles are right: the
 * foreground is the widget's colour, dim and grid colours are that colour made fainter, and the
 * accent is libadwaita's `@accent_bg_color` (GNOME's blue where no style names one).
 */
void
ti_chart_get_colour (TiChart *self, TiChartColour which, GdkRGBA *colour)
{
  GtkStyleContext *style;
  GdkRGBA foreground;

  g_return_if_fail (TI_IS_CHART (self));

  style = gtk_widget_get_style_context (GTK_WIDGET (self));
  gtk_style_context_get_color (style, &foreground);

  switch (which)
    {
    case TI_CHART_COLOUR_FOREGROUND:
      *colour = foreground;
      break;
    case TI_CHART_COLOUR_DIM:
      *colour = foreground;
      colour->alpha *= 0.55f;
      break;
    case TI_CHART_COLOUR_GRID:
      *colour = foreground;
      colour->alpha *= 0.15f;
      break;
    case TI_CHART_COLOUR_ACCENT:
    default:
      if (!gtk_style_context_lookup_color (style, "accent_bg_color", colour))
        gdk_rgba_parse (colour, "#3584e4");
      break;
    }
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
  g_autoptr (PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);

  pango_layout_get_pixel_size (layout, width, height);
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
  g_autoptr (PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  int width, height;

  if (bold)
    {
      PangoAttrList *attributes = pango_attr_list_new ();

      pango_attr_list_insert (attributes, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
      pango_layout_set_attributes (layout, attributes);
      pango_attr_list_unref (attributes);
    }
  pango_cairo_update_layout (cr, layout);
  pango_layout_get_pixel_size (layout, &width, &height);
  cairo_save (cr);
  gdk_cairo_set_source_rgba (cr, colour);
  cairo_move_to (cr, x - x_align * width, y - y_align * height);
  pango_cairo_show_layout (cr, layout);
  cairo_restore (cr);
}

static gboolean
ti_chart_real_has_data (TiChart *self)
{
  return FALSE;
}

static void
draw_empty (TiChart *self, cairo_t *cr, int width, int height)
{
  GdkRGBA dim;

  ti_chart_get_colour (self, TI_CHART_COLOUR_DIM, &dim);
  ti_chart_draw_text (self, cr, _("No data for this period"), width / 2.0, height / 2.0, 0.5,
                      0.5, &dim, FALSE);
}

/**
 * ti_chart_draw:
 * @self: a chart
 * @cr: where to draw
 * @width: the width to fill
 * @height: the height to fill
 *
 * Draws the chart, or its empty state when it has no data. The screen and saved images are
 * drawn by this one path.
 */
void
ti_chart_draw (TiChart *self, cairo_t *cr, int width, int height)
{
  TiChartClass *klass;

  g_return_if_fail (TI_IS_CHART (self));

  klass = TI_CHART_GET_CLASS (self);
  if (width <= 0 || height <= 0)
    return;
  if (klass->draw == NULL || !klass->has_data (self))
    draw_empty (self, cr, width, height);
  else
    klass->draw (self, cr, width, height);
}

/**
 * ti_chart_render_to_surface:
 * @self: a chart
 * @width: the image's width in pixels
 * @height: the image's height in pixels
 *
 * Draws the chart into an image, as it is drawn on screen.
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

static void
ti_chart_snapshot (GtkWidget *widget, GtkSnapshot *snapshot)
{
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  cairo_t *cr;

  if (width <= 0 || height <= 0)
    return;
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  ti_chart_draw (TI_CHART (widget), cr, width, height);
  cairo_destroy (cr);
}

static void
ti_chart_measure (GtkWidget *widget, GtkOrientation orientation, int for_size, int *minimum,
                  int *natural, int *minimum_baseline, int *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 160;
      *natural = 480;
    }
  else
    {
      *minimum = 120;
      *natural = 280;
    }
}

/**
 * ti_chart_get_title:
 * @self: a chart
 *
 * Returns: (nullable): what the chart shows, in a few words
 */
const char *
ti_chart_get_title (TiChart *self)
{
  TiChartPrivate *priv = ti_chart_get_instance_private (self);

  g_return_val_if_fail (TI_IS_CHART (self), NULL);
  return priv->title;
}

/**
 * ti_chart_set_title:
 * @self: a chart
 * @title: (nullable): what the chart shows, in a few words; also its accessible label
 */
void
ti_chart_set_title (TiChart *self, const char *title)
{
  TiChartPrivate *priv = ti_chart_get_instance_private (self);

  g_return_if_fail (TI_IS_CHART (self));

  if (g_strcmp0 (priv->title, title) == 0)
    return;
  g_free (priv->title);
  priv->title = g_strdup (title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  title ? title : "", -1);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

/**
 * ti_chart_get_description:
 * @self: a chart
 *
 * Returns: (nullable): what the chart shows, in words, as assistive technologies read it
 */
const char *
ti_chart_get_description (TiChart *self)
{
  TiChartPrivate *priv = ti_chart_get_instance_private (self);

  g_return_val_if_fail (TI_IS_CHART (self), NULL);
  return priv->description;
}

/**
 * ti_chart_set_description:
 * @self: a chart
 * @description: (nullable): what the chart shows, in words
 *
 * For kinds of chart: called whenever the data changes.
 */
void
ti_chart_set_description (TiChart *self, const char *description)
{
  TiChartPrivate *priv = ti_chart_get_instance_private (self);

  g_return_if_fail (TI_IS_CHART (self));

  if (g_strcmp0 (priv->description, description) == 0)
    return;
  g_free (priv->description);
  priv->description = g_strdup (description);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  description ? description : "", -1);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DESCRIPTION]);
}

static void
ti_chart_finalize (GObject *object)
{
  TiChartPrivate *priv = ti_chart_get_instance_private (TI_CHART (object));

  g_free (priv->title);
  g_free (priv->description);
  G_OBJECT_CLASS (ti_chart_parent_class)->finalize (object);
}

static void
ti_chart_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  TiChart *self = TI_CHART (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, ti_chart_get_title (self));
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, ti_chart_get_description (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ti_chart_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  TiChart *self = TI_CHART (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      ti_chart_set_title (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ti_chart_class_init (TiChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = ti_chart_finalize;
  object_class->get_property = ti_chart_get_property;
  object_class->set_property = ti_chart_set_property;

  widget_class->snapshot = ti_chart_snapshot;
  widget_class->measure = ti_chart_measure;

  klass->has_data = ti_chart_real_has_data;

  /**
   * TiChart:title:
   *
   * What the chart shows, in a few words; its accessible label.
   */
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * TiChart:description:
   *
   * What the chart shows, in words (the largest and smallest values), kept up to date with the
   * data; its accessible description.
   */
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
  gtk_widget_class_set_css_name (widget_class, "chart");
}

static void
ti_chart_init (TiChart *self)
{
  TiChartPrivate *priv = ti_chart_get_instance_private (self);

  priv->description = g_strdup (_("No data for this period"));
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  priv->description, -1);
}
