/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ti-chart"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "ti-network-map-private.h"
#include "ti-vocabulary.h"

/*
 * The network map's legend, under the map on screen and in files: what the colours, the
 * sizes, the shapes and the lines mean; and the map drawn into a file, fitted whole.
 */

#define SWATCH 12.0
#define ROW_GAP 4.0

typedef enum
{
  SWATCH_ORGANISATION, /* a filled circle of @size radius */
  SWATCH_CHAMPION,     /* a tier's marker */
  SWATCH_TIE,
} SwatchKind;

typedef struct
{
  SwatchKind kind;
  guint colour; /* organisations: the sector's place; champions: the tier */
  double radius;
  gboolean hollow;
  char *text;
} Entry;

static void
clear_entry (gpointer data)
{
  g_free (((Entry *) data)->text);
}

static void
add_entry (GArray *entries, SwatchKind kind, guint colour, double radius, gboolean hollow,
           char *text)
{
  Entry entry = { kind, colour, radius, hollow, text };

  g_array_append_val (entries, entry);
}

static GArray *
legend_entries (TiNetworkMap *self)
{
  GArray *entries = g_array_new (FALSE, FALSE, sizeof (Entry));
  const guint sizes[] = { 1, 10, 40 };

  g_array_set_clear_func (entries, clear_entry);
  for (guint i = 0; i < self->sectors->len; i++)
    {
      const char *key = g_ptr_array_index (self->sectors, i);

      add_entry (entries, SWATCH_ORGANISATION, i, SWATCH / 2, i >= ti_chart_palette_size (),
                 g_strdup (*key ? ti_vocabulary_sector_label (key) : _("No sector")));
    }
  /* The sizes: area grows with the champions an organisation has. */
  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    add_entry (entries, SWATCH_ORGANISATION, G_MAXUINT, CLAMP (2.0 * sqrt (sizes[i]), 5.0, 30.0), TRUE,
               /* Translators: the network map's legend: the size of an organisation's circle */
               g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u champion", "%u champions",
                                             sizes[i]), sizes[i]));
  if (self->n_champions > 0)
    for (int tier = 0; tier <= 3; tier++)
      add_entry (entries, SWATCH_CHAMPION, (guint) tier, 4.5, tier == 0,
                 /* Translators: the network map's legend: a champion's highest tier */
                 tier == 0 ? g_strdup (_("No tier yet")) : g_strdup_printf (_("Tier %d"), tier));
  add_entry (entries, SWATCH_TIE, 0, 0, FALSE,
             /* Translators: the network map's legend: what a line between two nodes means */
             g_strdup (_("Tie: thicker, more shared")));
  return entries;
}

static void
draw_swatch (TiNetworkMap *self, cairo_t *cr, const Entry *entry, double x, double y)
{
  GdkRGBA colour;

  switch (entry->kind)
    {
    case SWATCH_TIE:
      ti_network_map_colour (self, TI_CHART_COLOUR_FOREGROUND, &colour);
      colour.alpha *= 0.5f;
      ti_chart_stroke_line (cr, x, y, x + 2 * SWATCH, y, 2.0, &colour);
      return;
    case SWATCH_CHAMPION:
      ti_network_map_tier_colour (self, (int) entry->colour, &colour);
      cairo_new_path (cr);
      if (entry->hollow)
        ti_network_map_add_ring (cr, x + entry->radius, y, entry->radius, 1.5);
      else
        ti_network_map_add_marker (cr, ti_network_map_tier_marker ((int) entry->colour),
                                   x + entry->radius, y, entry->radius);
      break;
    case SWATCH_ORGANISATION:
    default:
      if (entry->colour == G_MAXUINT)
        ti_network_map_colour (self, TI_CHART_COLOUR_DIM, &colour);
      else
        ti_chart_style_palette_colour (GTK_WIDGET (self), self->drawing_file, entry->colour,
                                       &colour);
      cairo_new_path (cr);
      if (entry->hollow)
        ti_network_map_add_ring (cr, x + entry->radius, y, entry->radius,
                                 entry->colour == G_MAXUINT ? 1.5 : 3.0);
      break;
    }
  cairo_save (cr);
  if (entry->kind == SWATCH_ORGANISATION && !entry->hollow)
    {
      GdkRGBA edge;
      gboolean edged = ti_network_map_edge_colour (self, &colour, &edge);

      ti_network_map_fill_circle (self, cr, x + entry->radius, y, entry->radius, &colour,
                                  edged ? &edge : NULL, FALSE);
    }
  else
    ti_network_map_fill_nodes (self, cr, &colour, FALSE);
  cairo_restore (cr);
}

static double
swatch_width (const Entry *entry)
{
  return entry->kind == SWATCH_TIE ? 2 * SWATCH : 2 * entry->radius;
}

/**
 * ti_network_map_legend:
 * @self: a network map
 * @cr: (nullable): where to draw, or %NULL only to measure
 * @x: the legend's left
 * @y: its top
 * @width: the width it has: entries run on to new lines
 *
 * Returns: the legend's height
 */
double
ti_network_map_legend (TiNetworkMap *self, cairo_t *cr, double x, double y, double width)
{
  g_autoptr (GArray) entries = legend_entries (self);
  g_autoptr (PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), NULL);
  double left = x, top = y, row_height = 0;
  GdkRGBA text;

  if (cr != NULL)
    pango_cairo_update_layout (cr, layout);
  ti_network_map_colour (self, TI_CHART_COLOUR_FOREGROUND, &text);
  for (guint i = 0; i < entries->len; i++)
    {
      Entry *entry = &g_array_index (entries, Entry, i);
      double swatch = swatch_width (entry);
      int text_width, text_height;
      double entry_width, entry_height;

      pango_layout_set_text (layout, entry->text, -1);
      pango_layout_set_width (layout, (int) (MAX (width - swatch - TI_CHART_GAP, 1) * PANGO_SCALE));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      pango_layout_get_pixel_size (layout, &text_width, &text_height);
      entry_width = swatch + TI_CHART_GAP / 2 + text_width;
      entry_height = MAX (text_height, 2 * entry->radius);
      if (left > x && left + entry_width > x + width)
        {
          left = x;
          top += row_height + ROW_GAP;
          row_height = 0;
        }
      if (cr != NULL)
        {
          draw_swatch (self, cr, entry, left, top + entry_height / 2);
          ti_chart_show_layout (cr, layout, left + swatch + TI_CHART_GAP / 2,
                                top + entry_height / 2, 0, 0.5, &text);
        }
      left += entry_width + 2 * TI_CHART_GAP;
      row_height = MAX (row_height, entry_height);
    }
  return top + row_height - y;
}

/**
 * ti_network_map_legend_height:
 * @self: a network map
 * @width: the width the legend has
 *
 * Returns: the height of the legend under the map on screen (remembered for the width), with
 *   the gap above it; 0 when the map is empty
 */
double
ti_network_map_legend_height (TiNetworkMap *self, int width)
{
  if (self->draw_order->len == 0)
    return 0;
  if (self->legend_for_width != width)
    {
      self->legend_height = ti_network_map_legend (self, NULL, 0, 0,
                                                   MAX (width - 2 * TI_CHART_PADDING, 1))
                            + TI_CHART_PADDING;
      self->legend_for_width = width;
    }
  return self->legend_height;
}

/**
 * ti_network_map_get_screen_view:
 * @self: a network map
 * @view: (out caller-allocates): where the map draws the graph on screen: the widget above
 *   its legend, at the map's zoom and centre
 */
void
ti_network_map_get_screen_view (TiNetworkMap *self, TiMapView *view)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  double legend = ti_network_map_legend_height (self, width);

  /* A legend taking more than a third of the height gives way to the map. */
  if (legend > height / 3.0)
    legend = 0;
  ti_network_map_get_view (self, width, (int) (height - legend), FALSE, view);
}

/* Draws the map in @view (%NULL: fitted whole, as files are) with its legend under it. */
static void
draw_with_legend (TiNetworkMap *self, cairo_t *cr, int width, int height, const TiMapView *view,
                  gboolean focused)
{
  double legend = ti_network_map_legend_height (self, width);
  TiMapView fitted;

  if (legend > height / 3.0)
    legend = 0;
  if (view == NULL)
    {
      ti_network_map_get_view (self, width, (int) (height - legend), TRUE, &fitted);
      view = &fitted;
    }
  ti_network_map_draw_view (self, cr, view, focused);
  if (legend > 0)
    ti_network_map_legend (self, cr, TI_CHART_PADDING, height - legend + TI_CHART_PADDING / 2,
                           width - 2 * TI_CHART_PADDING);
}

/**
 * ti_network_map_draw_screen:
 * @self: a network map
 * @cr: where to draw
 * @focused: whether to draw the focus ring
 *
 * Draws the map as the screen shows it: at its zoom and centre, with its legend.
 */
void
ti_network_map_draw_screen (TiNetworkMap *self, cairo_t *cr, gboolean focused)
{
  TiMapView view;

  ti_network_map_get_screen_view (self, &view);
  draw_with_legend (self, cr, gtk_widget_get_width (GTK_WIDGET (self)),
                    gtk_widget_get_height (GTK_WIDGET (self)), &view, focused);
}

/**
 * ti_network_map_draw:
 * @self: a network map
 * @cr: where to draw
 * @width: the drawing's width
 * @height: its height
 *
 * Draws the map at any size, as files have it: every shown node fitted in, with the legend
 * under them and no title, in the map's colours (the light style's while saving).
 */
void
ti_network_map_draw (TiNetworkMap *self, cairo_t *cr, int width, int height)
{
  g_return_if_fail (TI_IS_NETWORK_MAP (self));
  g_return_if_fail (cr != NULL);

  /* A file's legend is measured at the file's width, then the screen's is again. */
  self->legend_for_width = -1;
  draw_with_legend (self, cr, MAX (width, 1), MAX (height, 1), NULL, FALSE);
  self->legend_for_width = -1;
}

static void
draw_file_page (cairo_t *cr, int width, int height, gpointer data)
{
  TiNetworkMap *self = data;
  int hovered = self->hovered;
  GdkRGBA background;

  /* A file shows the map as it is, not where the pointer happens to be. */
  self->drawing_file = TRUE;
  ti_network_map_set_hovered (self, -1);
  ti_network_map_colour (self, TI_CHART_COLOUR_BACKGROUND, &background);
  background.alpha = 1;
  ti_chart_fill_rectangle (cr, 0, 0, width, height, &background);
  ti_network_map_draw (self, cr, width, height);
  self->drawing_file = FALSE;
  ti_network_map_set_hovered (self, hovered);
}

/**
 * ti_network_map_save:
 * @self: a network map
 * @path: the file to write; replaced if it exists
 * @format: what to write
 * @error: where to say why it failed
 *
 * Saves every shown node, fitted, with the legend, at 1200 by 900 (a PNG at twice that, crisp
 * in print), in the light style's colours on white whatever the screen's. The file is written
 * beside @path and renamed into place when whole: on failure nothing is left behind.
 *
 * Returns: whether the file was written
 */
gboolean
ti_network_map_save (TiNetworkMap *self, const char *path, TiChartFileFormat format,
                     GError **error)
{
  g_return_val_if_fail (TI_IS_NETWORK_MAP (self), FALSE);

  return ti_chart_save_page (path, format, 1200, 900, format == TI_CHART_FILE_PNG ? 2 : 1,
                             draw_file_page, self, error);
}
